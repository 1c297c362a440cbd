#!/usr/bin/env bash
# Reproduces the ledger figures: appending 100,000 events in one CSV import (events/s), and
# `bekal portfolio` on a person with 1,000 events (ms). Release build; data in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bekal >/dev/null
BEKAL="$PWD/.build/release/bekal"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 1. 100,000 training rows for one demo person, in one import.
"$BEKAL" demo --home "$WORK/a" --people 1 >/dev/null
PERSON=$("$BEKAL" person list --home "$WORK/a" --status active | head -n 1 | cut -f1)
python3 - "$PERSON" >"$WORK/train.csv" <<'PY'
import sys
p = sys.argv[1]
print("person,date,hours,topic,trainer")
for i in range(100_000):
    print(f"{p},2026-0{1 + i % 9}-{1 + i % 28:02d},{1 + i % 5},Topik {i},Pelatih")
PY
START=$(date +%s.%N)
"$BEKAL" import "$WORK/train.csv" --kind training --home "$WORK/a"
END=$(date +%s.%N)
python3 -c "s=$END-$START; print(f'import: 100000 events in {s:.2f} s = {100000/s:,.0f} events/s')"
"$BEKAL" ledger verify --home "$WORK/a"

# 2. A person with 1,000 events: a demo person topped up with production rows.
"$BEKAL" demo --home "$WORK/b" --people 20 >/dev/null
PERSON=$("$BEKAL" person list --home "$WORK/b" --status active | head -n 1 | cut -f1)
HAVE=$(sqlite3 "$WORK/b/bekal.sqlite" \
  "SELECT count(*) FROM ledger_event e JOIN person p ON p.id = e.person_id WHERE p.register_number = '$PERSON'")
python3 - "$PERSON" "$HAVE" >"$WORK/production.csv" <<'PY'
import sys
p, have = sys.argv[1], int(sys.argv[2])
print("person,date,motif,cap,quantity,unit,grade,hours")
for i in range(1000 - have):
    print(f"{p},2026-0{1 + i % 9}-{1 + i % 28:02d},Motif {i},CAP-1,{1 + i % 7},pieces,{'ABC'[i % 3]},2")
PY
"$BEKAL" import "$WORK/production.csv" --kind production --home "$WORK/b" >/dev/null
python3 - "$BEKAL" "$PERSON" "$WORK/b" <<'PY'
import statistics, subprocess, sys, time
bekal, person, home = sys.argv[1:]
def median_ms(args):
    times = []
    for _ in range(15):
        t = time.perf_counter()
        subprocess.run([bekal, *args], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)
print(f"portfolio of a person with 1000 events: {median_ms(['portfolio', person, '--home', home]):.0f} ms median of 15 "
      f"(process start alone: {median_ms(['--version']):.0f} ms)")
PY
