#!/usr/bin/env bash
# Builds and runs the libFuzzer target over BekalLinkedData (N-Quads → RDFC-1.0; JSON → JSON-LD → RDF in plain and
# safe mode). Usage: scripts/fuzz-linkeddata.sh [SECONDS] (default 60). Run `swift build` once first (swift-crypto
# is taken from its checkout). Seeds: Fuzz/corpus-linkeddata (read only); new inputs .build/fuzz-linkeddata/corpus,
# crashes .build/fuzz-linkeddata/artifacts. Each crash found must become a regression test in BekalLinkedDataTests.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/fuzz-linkeddata"
mkdir -p "$out/Sources/Fuzz" "$out/corpus" "$out/artifacts"
ln -sfn "$root/Sources/BekalJSON" "$out/Sources/BekalJSON"
ln -sfn "$root/Sources/BekalLinkedData" "$out/Sources/BekalLinkedData"
cp "$root/Fuzz/LinkedDataFuzz.swift" "$out/Sources/Fuzz/main.swift"
cat > "$out/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "BekalLinkedDataFuzz",
    dependencies: [.package(path: "$root/.build/checkouts/swift-crypto")],
    targets: [
        .target(name: "BekalJSON"),
        .target(name: "BekalLinkedData", dependencies: ["BekalJSON", .product(name: "Crypto", package: "swift-crypto")],
                resources: [.copy("Contexts")]),
        .executableTarget(name: "Fuzz", dependencies: ["BekalLinkedData", "BekalJSON"]),
    ])
SWIFT
# gold fails on this link (an internal error); lld links it. A toolset passes -use-ld to the link step.
echo '{"schemaVersion": "1.0", "swiftCompiler": {"extraCLIOptions": ["-use-ld=lld"]}}' > "$out/toolset.json"
(cd "$out" && swift build -c release --product Fuzz -Xswiftc -sanitize=fuzzer,address --toolset "$out/toolset.json" \
    >"$out/build.log" 2>&1) || { tail -40 "$out/build.log" >&2; echo "fuzz-linkeddata: the build failed" >&2; exit 1; }
exec "$out/.build/release/Fuzz" "$out/corpus" "$root/Fuzz/corpus-linkeddata" \
    -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 -detect_leaks=1 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/"
