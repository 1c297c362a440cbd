#!/bin/sh
# Measures DemoFacility.generate in an optimised build: the domain sources plus a tiny driver compiled as one
# module (no package build needed). Usage: scripts/bench-demo-generator.sh [PEOPLE]   (default 20000)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/main.swift" <<'SWIFT'
import Foundation
let today = LocalDate("2026-11-29")!
let people = Int(CommandLine.arguments.dropFirst().first ?? "20000") ?? 20000
for run in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    let data = DemoFacility.generate(people: people, seed: UInt64(run + 1), today: today)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("run \(run): \(data.events.count) events for \(people) people in \(String(format: "%.2f", seconds)) s")
}
SWIFT
swiftc -O -swift-version 6 -module-name BekalDomain "$root"/Sources/BekalDomain/*.swift "$work/main.swift" -o "$work/bench"
"$work/bench" "${1:-20000}"
