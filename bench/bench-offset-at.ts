// Micro-benchmark of offsetAt (figures only, not a test):
//   npx tsx bench/bench-offset-at.ts [path/to/offset-at.ts]
// (the argument compares another checkout's offset-at.ts, e.g. the base of a change).
// "warm" is the rating hot path (instants in buckets already seen); "cold" pays the Intl lookups.
// Figures are CPU time per call (less disturbed by other load than wall time), median of 5 rounds.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const modulePath = resolve(process.argv[2] ?? 'tools/time/offset-at.ts');
const { offsetAt } = (await import(pathToFileURL(modulePath).href)) as { offsetAt: (epochMs: number, timezone: string) => number };

const ZONES = ['Europe/London', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe'];
const CALLS = 2_000_000;
const ROUNDS = 5;
const START = Date.UTC(2025, 2, 1);
// Instants spread over a month, as one month of CDRs of a tenant would be.
const SPAN_MS = 31 * 86_400_000;
const BUCKET_MS = 900_000;

function cpuNsPerCall(zone: string, instants: Float64Array): number {
  let sink = 0;
  const t0 = process.cpuUsage();
  for (let i = 0; i < instants.length; i++) sink += offsetAt(instants[i]!, zone);
  const used = process.cpuUsage(t0);
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loop from being optimised away');
  return ((used.user + used.system) * 1000) / instants.length;
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

let seed = 42;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const instants = Float64Array.from({ length: CALLS }, () => START + Math.floor(random() * SPAN_MS));
console.log(`offsetAt from ${modulePath}`);
for (const zone of ZONES) {
  // Cold: every 15-minute bucket of a month, first touch (a fresh month each round).
  const cold = Array.from({ length: ROUNDS }, (_, r) =>
    cpuNsPerCall(
      zone,
      Float64Array.from({ length: SPAN_MS / BUCKET_MS }, (_, i) => START + (r + 1) * 2 * SPAN_MS + i * BUCKET_MS + 7_000),
    ),
  );
  cpuNsPerCall(zone, instants); // fills the month's buckets
  const warm = Array.from({ length: ROUNDS }, () => cpuNsPerCall(zone, instants));
  console.log(`${zone.padEnd(20)} warm ${median(warm).toFixed(1).padStart(6)} ns/call   cold ${(median(cold) / 1000).toFixed(1).padStart(5)} us/bucket`);
}
