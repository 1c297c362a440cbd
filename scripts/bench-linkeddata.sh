#!/usr/bin/env bash
# Times BekalLinkedData (release build) against Python pyld on signed exports: canonicalization for
# eddsa-rdfc-2022 and proof verification. Builds a scratch package under .build/bench-linkeddata that links the
# module's sources (and swift-crypto from the main build's checkout, so run `swift build` once first).
# Usage: scripts/bench-linkeddata.sh [SIGNED_DOCUMENT.json ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/bench-linkeddata"
mkdir -p "$out/Sources/Bench"
ln -sfn "$root/Sources/BekalJSON" "$out/Sources/BekalJSON"
ln -sfn "$root/Sources/BekalLinkedData" "$out/Sources/BekalLinkedData"
cp "$root/Benchmarks/LinkedData/main.swift" "$out/Sources/Bench/main.swift"
cat > "$out/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "BekalLinkedDataBench",
    dependencies: [.package(path: "$root/.build/checkouts/swift-crypto")],
    targets: [
        .target(name: "BekalJSON"),
        .target(name: "BekalLinkedData", dependencies: ["BekalJSON", .product(name: "Crypto", package: "swift-crypto")],
                resources: [.copy("Contexts")]),
        .executableTarget(name: "Bench", dependencies: ["BekalLinkedData", "BekalJSON", .product(name: "Crypto", package: "swift-crypto")]),
    ])
SWIFT
fixtures="$root/Tests/BekalLinkedDataTests/Fixtures"
if [ "$#" -eq 0 ]; then
    set -- "$fixtures/di-cases/valid/selfmade_clr_rdfc.json" "$fixtures/di-cases/valid/selfmade_ob3_rdfc.json" \
        "$fixtures/vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json"
fi
(cd "$out" && swift build -c release --product Bench >/dev/null)
"$out/.build/release/Bench" "$@"
python3 "$root/Benchmarks/LinkedData/pyld_bench.py" "$root/Sources/BekalLinkedData/Contexts" "$@"
