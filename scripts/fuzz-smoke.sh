#!/usr/bin/env bash
# A short run of every libFuzzer target with leak detection on (about a minute of fuzzing in all, plus the
# builds), so a crash, a hang or a LeakSanitizer report cannot land unnoticed. Called by scripts/test.sh after
# the Swift tests; the long runs are scripts/fuzz.sh, fuzz-linkeddata.sh and fuzz-verify.sh with more seconds.
# Usage: scripts/fuzz-smoke.sh   (FUZZ_SMOKE_SECONDS="15 20 25" sets the seconds of the three targets)
# Needs only the Swift toolchain: libFuzzer, AddressSanitizer/LeakSanitizer and lld ship with it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh
resource_dir="$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")/lib/swift/clang/lib/linux"
for runtime in fuzzer asan; do
  [ -e "$resource_dir/libclang_rt.$runtime-$(uname -m).a" ] || {
    echo "fuzz-smoke: the Swift toolchain has no libclang_rt.$runtime-$(uname -m).a in $resource_dir" >&2; exit 2; }
done
read -r json_s ld_s verify_s <<<"${FUZZ_SMOKE_SECONDS:-15 20 25}"
# fuzz-linkeddata.sh takes swift-crypto from the checkout; fuzz-verify.sh links the release objects.
swift build -c release --product bekal-bench >/dev/null
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
for target in "fuzz.sh $json_s" "fuzz-linkeddata.sh $ld_s" "fuzz-verify.sh $verify_s"; do
  set -- $target
  log="$root/.build/fuzz-smoke-${1%.sh}.log"
  echo "fuzz-smoke: $1 for $2 s (leak detection on)" >&2
  if ! "scripts/$1" "$2" >"$log" 2>&1; then
    echo "fuzz-smoke: FAILED: $1 reported a finding; the last lines of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  grep -E '^Done [0-9]+ runs' "$log" >&2 || { echo "fuzz-smoke: $1 did not finish its run (see $log)" >&2; exit 1; }
done
echo "fuzz-smoke: every target ran clean" >&2
