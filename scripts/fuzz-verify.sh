#!/usr/bin/env bash
# Builds and runs the libFuzzer target over parse → canonicalize → verify (Fuzz/VerifyFuzz.swift), both
# cryptosuites: eddsa-jcs-2022 and eddsa-rdfc-2022 (JSON-LD → RDF → RDFC-1.0 in safe mode).
# Usage: scripts/fuzz-verify.sh [SECONDS]  (default 60). Needs `swift build -c release --product bekal-bench`
# first (it provides the release objects of BekalJSON, BekalLinkedData with its bundled contexts, BekalDomain and
# swift-crypto). BekalCredentials is compiled
# here with coverage instrumentation; seeds are in Fuzz/verify-corpus, crashes go to .build/fuzz-verify/artifacts.
# Each crash found must become a regression test in Tests/BekalCredentialsTests.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
rel="$root/.build/release"
out="$root/.build/fuzz-verify"
mkdir -p "$out/corpus" "$out/artifacts"
objects=()
for module in BekalJSON BekalLinkedData BekalDomain BekalLog Crypto CryptoBoringWrapper CCryptoBoringSSL CCryptoBoringSSLShims; do
  while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$rel/$module.build" -name '*.o' -print0)
done
swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name BekalCredentials \
    -I "$rel/Modules" -I "$root/Sources/CZlib" \
    $(find "$root/Sources/BekalCredentials" -name '*.swift') "$root/Fuzz/VerifyFuzz.swift" \
    "${objects[@]}" -lz -lstdc++ \
    -o "$out/verify-fuzz"
exec "$out/verify-fuzz" "$out/corpus" "$root/Fuzz/verify-corpus" \
    -max_total_time="$seconds" -max_len=131072 -rss_limit_mb=2048 -detect_leaks=1 -timeout=20 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/"
