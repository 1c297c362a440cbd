#!/usr/bin/env bash
# Builds and runs the libFuzzer target over BekalJSON (parse → canonicalize → re-parse, writer round trip).
# Usage: scripts/fuzz.sh [SECONDS]   (default 60). Needs a Swift toolchain with libFuzzer (Linux swift.org builds).
# Seeds come from Fuzz/corpus (read only); new inputs go to .build/fuzz/corpus, crashes to .build/fuzz/artifacts.
# Each crash found must become a regression test in Tests/BekalJSONTests.
# Later (issue 3): add the BekalCredentials sources (and its verify step in Fuzz/JSONFuzz.swift) to the swiftc line.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz"
mkdir -p "$out/corpus" "$out/artifacts"

swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name BekalJSONFuzz \
    "$root"/Sources/BekalJSON/*.swift "$root"/Fuzz/JSONFuzz.swift \
    -o "$out/json-fuzz"

exec "$out/json-fuzz" "$out/corpus" "$root/Fuzz/corpus" \
    -dict="$root/Fuzz/json.dict" \
    -max_total_time="$seconds" \
    -max_len=4096 \
    -rss_limit_mb=2048 \
    -detect_leaks=1 \
    -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/"
