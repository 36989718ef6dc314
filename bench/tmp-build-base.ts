import { ensureBillBase } from '/work/main/bench/build-bill-base.ts';
console.log(await ensureBillBase(100000, 100, '/work/main'));
