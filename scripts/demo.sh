#!/usr/bin/env bash
# The main job: build Bekal, create a demo facility with fake people, print one real portfolio and the
# readiness list of those due for release. Data goes to ./demo-home (recreated on each run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product bekal
BEKAL=.build/debug/bekal
export BEKAL_HOME="$PWD/demo-home"
export BEKAL_ACTOR="demo.wali"
rm -rf "$BEKAL_HOME"
"$BEKAL" demo --people 12 --seed 1
"$BEKAL" ledger verify
PERSON=$("$BEKAL" person list --status active | head -n 1 | cut -f1)
echo
echo "== bekal portfolio $PERSON"
"$BEKAL" portfolio "$PERSON"
echo
echo "== bekal readiness --due-within 180"
"$BEKAL" readiness --due-within 180
