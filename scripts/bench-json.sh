#!/usr/bin/env bash
# Times BekalJSON (parse, JCS, writer; built with -O) against Python's json.loads and the jcs package on a
# synthetic 25-credential portfolio and a 40-portfolio file. Usage: scripts/bench-json.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build/bench-json"
mkdir -p "$out"
swiftc -O -parse-as-library -module-name JSONBench \
    "$root"/Sources/BekalJSON/*.swift "$root"/Benchmarks/JSON/JSONBench.swift -o "$out/json-bench"
python3 "$root/Benchmarks/JSON/sample_portfolio.py" "$out"
"$out/json-bench" "$out/portfolio.json" "$out/big.json"
