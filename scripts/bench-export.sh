#!/bin/sh
# Reproduces the export figures: a 200-person demo facility exported with `bekal export --all` (wall time), and
# `bekal verify` as a whole process (mean of 20 runs). Needs `swift build -c release --product bekal`.
# Export per portfolio via the library: `swift run -c release credentials-benchmark 50`.
set -eu
BEKAL=${BEKAL:-.build/release/bekal}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export BEKAL_HOME="$WORK/home"
"$BEKAL" demo --people "${PEOPLE:-200}" --seed 1 >/dev/null
for status in active released transferred; do
    count=$("$BEKAL" person list --status $status --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    start=$(date +%s.%N)
    "$BEKAL" export --all --status $status --out-dir "$WORK/out-$status" >/dev/null
    end=$(date +%s.%N)
    echo "export --all --status $status: $count portfolios in $(echo "$end - $start" | bc) s"
done
"$BEKAL" keys trust-list --out "$WORK/trust.json"
file=$(ls "$WORK/out-active"/*.json | grep -v manifest | head -1)
size=$(wc -c < "$file")
credentials=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["credentialSubject"]["verifiableCredential"]))' "$file")
start=$(date +%s.%N)
for _ in $(seq 20); do "$BEKAL" verify "$file" --trust "$WORK/trust.json" >/dev/null; done
end=$(date +%s.%N)
echo "verify (whole process, $credentials embedded, $size bytes): $(echo "($end - $start) * 1000 / 20" | bc) ms per run"
