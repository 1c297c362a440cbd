#!/usr/bin/env bash
# Installs what Bekal's build, demo and tests need on a fresh Debian machine with the Swift toolchain.
# Idempotent: packages already present are skipped quickly.
set -euo pipefail

need_apt=()
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
pkg-config --exists libcurl 2>/dev/null || need_apt+=(libcurl4-openssl-dev)
pkg-config --exists zlib 2>/dev/null || need_apt+=(zlib1g-dev)
command -v sqlite3 >/dev/null || need_apt+=(sqlite3)
command -v openssl >/dev/null || need_apt+=(openssl)
if [ "${BEKAL_WITH_TEST_SERVICES:-0}" = 1 ]; then
  command -v prometheus-pushgateway >/dev/null || need_apt+=(prometheus-pushgateway)
  # libfaketime: the date-sensitive suites run a second time with the clock five years ahead.
  command -v faketime >/dev/null || need_apt+=(faketime)
  # promtool (Debian ships it in the prometheus package): lints the Prometheus text Bekal pushes.
  command -v promtool >/dev/null || need_apt+=(prometheus)
  # Headless browser for the rendered-portfolio tests (DOM dump and PNG screenshot).
  command -v chromium >/dev/null || need_apt+=(chromium)
  # ChromeDriver for Selenium: the end-to-end tests of the facility's pages and the PK's inbox drive the browser.
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  # A font, so the screenshot has text on a machine that has none (chromium only recommends one).
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
  # pdftotext/pdfinfo, to check the printed page (A4, page numbers in the margin).
  command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
  # setpriv runs bekal without root's file-permission override (the exit-7 tests); util-linux is essential in
  # Debian, so this only matters on a trimmed image.
  command -v setpriv >/dev/null || need_apt+=(util-linux)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "bootstrap: installing ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ "${BEKAL_WITH_TEST_SERVICES:-0}" = 1 ]; then
  python3 - <<'PY' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
import importlib, sys
for m in ("jsonschema", "jcs", "cryptography", "requests", "pyld", "base58", "pyoxigraph", "scipy.optimize", "selenium"):
    importlib.import_module(m)
# The disclosure attacker (scripts/attack-reports.py) needs SciPy's MILP interface to HiGHS (SciPy 1.9 or later).
from scipy.optimize import milp
PY
fi
