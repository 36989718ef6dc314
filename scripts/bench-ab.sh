#!/usr/bin/env bash
# Compares end-to-end ingest of two checkouts on one machine, interleaved so both see the same load:
#   git worktree add /tmp/sb-base <commit> && ln -s "$PWD/node_modules" /tmp/sb-base/node_modules
#   scripts/bench-ab.sh 5 bench/out/asterisk-1000000-s42.csv /tmp/sb-base .
# (generate the file first with `npm run bench`). Each round runs every checkout's own
# bench/bench-end-to-end.ts once; prints per checkout the median and all runs (events/s, peak RSS MB).
set -euo pipefail
rounds=$1; file=$(realpath "$2"); shift 2
out=$(mktemp)
for ((i = 1; i <= rounds; i++)); do
  for dir in "$@"; do
    line=$(cd "$dir" && node --import tsx bench/bench-end-to-end.ts "$file" "$PWD" 42 20000 | grep '^{')
    printf '{"dir":"%s","r":%s}\n' "$dir" "$line" >> "$out"
  done
done
node -e '
const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const by = {};
for (const { dir, r } of runs) (by[dir] ??= []).push(r);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
for (const [dir, rs] of Object.entries(by)) {
  const cpu = rs.map((r) => r.extra?.cpuUsPerRow).filter(Boolean);
  console.log(dir.padEnd(28), "median", median(rs.map((r) => r.perSecond)), "events/s, peak RSS", median(rs.map((r) => r.peakRssMb)), "MB",
    cpu.length ? `| CPU us/row main ${median(cpu.map((c) => c.mainThread))}, other ${median(cpu.map((c) => c.otherThreads))}` : "",
    "| runs", rs.map((r) => `${r.perSecond}/${r.peakRssMb}`).join(" "));
}' "$out"
rm -f "$out"
