#!/usr/bin/env bash
# The benchmark suite, one command from a clean clone: installs what it needs, builds in release mode,
# generates the synthetic facilities (200, 2,000 and 20,000 people), runs Bekal and its peers side by side,
# and writes BENCHMARKS.md and benchmarks/results.json. Not part of the test suite (scripts/test.sh).
#   scripts/bench.sh              # all three scales (about 15-25 minutes on 2 cores)
#   BENCH_SCALES=200,2000 scripts/bench.sh   # a shorter run
#   BENCH_ONLY=bapas scripts/bench.sh         # only these sections (bapas, web_load), merged into the last results
set -euo pipefail
cd "$(dirname "$0")/.."
BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh
command -v /usr/bin/time >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends time >/dev/null
}
command -v curl >/dev/null || {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends curl >/dev/null
}
swift build -c release --product bekal
[ -n "${BENCH_ONLY:-}" ] || swift build -c release --product bekal-bench
bin=$(swift build -c release --show-bin-path)
work="${BENCH_WORK:-$PWD/.build/bench-work}"
rm -rf "$work"
mkdir -p "$work" benchmarks
python3 benchmarks/run.py --bekal "$bin/bekal" --bench "$bin/bekal-bench" --work "$work" \
  --json benchmarks/results.json --markdown BENCHMARKS.md --scales "${BENCH_SCALES:-200,2000,20000}" \
  ${BENCH_ONLY:+--only "$BENCH_ONLY"}
echo "wrote BENCHMARKS.md and benchmarks/results.json"
