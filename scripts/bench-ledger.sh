#!/usr/bin/env bash
# Reproduces the ledger figures, release build, data in a temporary directory:
#  1. in process (ledger-bench): a CSV import of 100,000 training rows into a fresh ledger (events/s, hash chain,
#     validation and projections included; median of 3) beside the plain-SQLite floor: Python's sqlite3 inserting
#     the very rows that import wrote into the same table (same columns, indexes, WAL, synchronous=NORMAL) in
#     one transaction. Wall and CPU figures both: on a shared machine wall time includes waiting for a core.
#  2. in process: Ledger.portfolio(of:) for a person with 1,000 events (median of 51 after a warm-up).
#  3. whole process: `bekal import` of the same 100,000 rows, `bekal portfolio` of that person, `bekal --version`.
# Usage: scripts/bench-ledger.sh [EVENTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-100000}
swift build -c release --product bekal >/dev/null
swift build -c release --product ledger-bench >/dev/null
BIN="$PWD/.build/release"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
OUT=$("$BIN/ledger-bench" --events "$EVENTS" --runs 3 --keep "$WORK/kept")
echo "$OUT"
FLOOR=$(python3 scripts/sqlite-floor.py "$WORK/kept/bekal.sqlite" 4 3)
echo "$FLOOR"
python3 - "$OUT" "$FLOOR" <<'PY'
import re, sys
bekal, floor = sys.argv[1], sys.argv[2]
rate = float(re.search(r"= (\d+) events/s;", bekal).group(1))
cpu = float(re.search(r"cpu ([\d.]+) s =", bekal).group(1))
floor_rate = float(re.search(r"= ([\d,]+) rows/s", floor).group(1).replace(",", ""))
floor_cpu = float(re.search(r"\(cpu ([\d.]+) s\)", floor).group(1))
print(f"import vs floor: {rate / floor_rate:.0%} of plain SQLite by wall time, {floor_cpu / cpu:.0%} by CPU time")
PY

# Whole processes, as a counselor runs them.
"$BIN/bekal" demo --home "$WORK/a" --people 1 >/dev/null
PERSON=$("$BIN/bekal" person list --home "$WORK/a" --status active | head -n 1 | cut -f1)
python3 - "$PERSON" "$EVENTS" >"$WORK/train.csv" <<'PY'
import sys
p, n = sys.argv[1], int(sys.argv[2])
print("person,date,hours,topic,trainer")
for i in range(n):
    print(f"{p},2026-0{1 + i % 4}-{1 + i % 28:02d},{1 + i % 5},Topik {i},Pelatih")
PY
python3 - "$BIN/bekal" "$WORK" "$EVENTS" <<'PY'
import resource, subprocess, sys, time
bekal, work, events = sys.argv[1], sys.argv[2], int(sys.argv[3])
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.perf_counter()
subprocess.run([bekal, "import", f"{work}/train.csv", "--kind", "training", "--home", f"{work}/a"],
               stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - t
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"bekal import (whole process): {events} events in {wall:.2f} s = {events / wall:,.0f} events/s "
      f"(cpu {cpu:.2f} s = {events / cpu:,.0f} events/cpu-s)")
PY
"$BIN/bekal" ledger verify --home "$WORK/a"

# A person with 1,000 events: a demo person topped up with production rows.
"$BIN/bekal" demo --home "$WORK/b" --people 20 >/dev/null
PERSON=$("$BIN/bekal" person list --home "$WORK/b" --status active | head -n 1 | cut -f1)
HAVE=$(python3 - "$WORK/b/bekal.sqlite" "$PERSON" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT count(*) FROM ledger_event e JOIN person p ON p.id = e.person_id WHERE p.register_number = ?",
                 (sys.argv[2],)).fetchone()[0])
PY
)
python3 - "$PERSON" "$HAVE" >"$WORK/production.csv" <<'PY'
import sys
p, have = sys.argv[1], int(sys.argv[2])
print("person,date,motif,cap,quantity,unit,grade,hours")
for i in range(1000 - have):
    print(f"{p},2026-0{1 + i % 9}-{1 + i % 28:02d},Motif {i},CAP-1,{1 + i % 7},pieces,{'ABC'[i % 3]},2")
PY
"$BIN/bekal" import "$WORK/production.csv" --kind production --home "$WORK/b" >/dev/null
python3 - "$BIN/bekal" "$PERSON" "$WORK/b" <<'PY'
import statistics, subprocess, sys, time
bekal, person, home = sys.argv[1:]
def median_ms(args):
    times = []
    for _ in range(15):
        t = time.perf_counter()
        subprocess.run([bekal, *args], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)
p, pmin = median_ms(['portfolio', person, '--home', home])
v, vmin = median_ms(['--version'])
print(f"bekal portfolio (whole process), person with 1000 events: median {p:.0f} ms (min {pmin:.0f}) of 15")
print(f"bekal --version (whole process): median {v:.0f} ms (min {vmin:.0f}) of 15")
PY
