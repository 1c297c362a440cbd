#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
BEKAL_WITH_TEST_SERVICES=1 scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build
# A minute of every fuzz target with leak detection on (issue 18: a leak report went unnoticed for a release).
scripts/fuzz-smoke.sh
