#!/usr/bin/env bash
# Reproduces the metrics figures: `bekal stats` for one quarter of a 2,000-person demo facility (about 200,000
# events, figures computed in SQL), and `bekal publish` of 1,000 queued reports to the loopback receiver
# (reports/s). Release build; data in a temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bekal >/dev/null
BEKAL="$PWD/.build/release/bekal"
WORK=$(mktemp -d)
RECEIVER_PID=
trap '[ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
seconds() { python3 -c "import time; print(time.time())"; }

# 1. One quarter's report for 2,000 people.
"$BEKAL" demo --home "$WORK/big" --people 2000 --seed 1
EVENTS=$("$BEKAL" ledger verify --home "$WORK/big" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['count'])")
PERIOD=$(python3 -c "import datetime; d=datetime.date.today(); q=(d.month-1)//3; y=d.year if q else d.year-1; print(f'{y}-Q{q if q else 4}')")
for run in 1 2 3 4 5; do
    START=$(seconds)
    "$BEKAL" stats --home "$WORK/big" --period "$PERIOD" --json >/dev/null
    END=$(seconds)
    python3 -c "print(f'stats {\"$PERIOD\"} over $EVENTS events (run $run, whole process): {($END-$START)*1000:.0f} ms')"
done

# 2. Publishing 1,000 queued reports.
"$BEKAL" demo --home "$WORK/pub" --people 40 >/dev/null
for i in $(seq 1 1000); do "$BEKAL" stats --home "$WORK/pub" --period "$PERIOD" --queue --json >/dev/null; done
python3 Tests/BekalCLITests/Fixtures/receiver.py --log "$WORK/received.jsonl" >"$WORK/port" &
RECEIVER_PID=$!
while [ ! -s "$WORK/port" ]; do sleep 0.1; done
PORT=$(head -n 1 "$WORK/port")
START=$(seconds)
"$BEKAL" publish --home "$WORK/pub" --endpoint "http://127.0.0.1:$PORT/reports"
END=$(seconds)
DELIVERED=$(grep -c '"outcome": "delivered"' "$WORK/received.jsonl")
python3 -c "s=$END-$START; print(f'publish: $DELIVERED reports in {s:.2f} s = {$DELIVERED/s:,.0f} reports/s')"
