// Micro-benchmark of offsetAt (figures only, not a test): `npx tsx bench/bench-offset-at.ts`.
// "warm" is the rating hot path (instants in buckets already seen); "cold" pays the Intl lookups.
import { offsetAt } from '../tools/time/index.ts';

const ZONES = ['Europe/London', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const CALLS = 5_000_000;
const START = Date.UTC(2025, 2, 1);
// Instants spread over a month, as one month of CDRs of a tenant would be.
const SPAN_MS = 31 * 86_400_000;

function run(label: string, zone: string, instants: Float64Array): void {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < instants.length; i++) sink += offsetAt(instants[i]!, zone);
  const ns = Number(process.hrtime.bigint() - t0);
  console.log(`${label.padEnd(5)} ${zone.padEnd(20)} ${(ns / instants.length).toFixed(1).padStart(7)} ns/call  (${instants.length} calls, checksum ${sink})`);
}

let seed = 42;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const instants = Float64Array.from({ length: CALLS }, () => START + Math.floor(random() * SPAN_MS));
for (const zone of ZONES) {
  // Cold: every 15-minute bucket of the month once, first touch.
  const cold = Float64Array.from({ length: SPAN_MS / 900_000 }, (_, i) => START + i * 900_000 + 7_000);
  run('cold', zone, cold);
  run('warm', zone, instants);
}
