#!/usr/bin/env bash
# The main job: build Bekal, create a demo facility with fake people, print one real portfolio and the
# readiness list of those due for release. Data goes to ./demo-home (recreated on each run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --product bekal
BEKAL=.build/debug/bekal
export BEKAL_HOME="$PWD/demo-home"
export BEKAL_ACTOR="demo.wali"
rm -rf "$BEKAL_HOME"
"$BEKAL" demo --people 12 --seed 1
"$BEKAL" ledger verify
PERSON=$("$BEKAL" person list --status active | sed -n 2p | cut -f1)
echo
echo "== bekal portfolio $PERSON"
"$BEKAL" portfolio "$PERSON"
echo
echo "== bekal readiness --due-within 180"
"$BEKAL" readiness --due-within 180
echo
echo "== bekal export $PERSON, then the parole officer's offline check"
OUT="$BEKAL_HOME/out"
mkdir -p "$OUT"
"$BEKAL" export "$PERSON" --out "$OUT/portfolio.json"
# The trust list and the status list are signed with the facility's key: an admin's job.
BEKAL_ACCOUNT=demo.admin "$BEKAL" keys trust-list --out "$OUT/trust.json"
BEKAL_ACCOUNT=demo.admin "$BEKAL" status-list export --out "$OUT/status.json"
"$BEKAL" verify "$OUT/portfolio.json" --trust "$OUT/trust.json" --status-list "$OUT/status.json"
"$BEKAL" render "$OUT/portfolio.json" --out "$OUT/portfolio.html" --trust "$OUT/trust.json" \
  --status-list "$OUT/status.json" >/dev/null
echo "(readable page: $OUT/portfolio.html)"
echo
echo "== bekal stats: the anonymized report for the current quarter, as it would be sent"
BEKAL_ACCOUNT=demo.admin "$BEKAL" stats --period "$(date -u +%Y)-Q$(( ($(date -u +%-m) - 1) / 3 + 1 ))"
echo
echo "== the web interface (bekal serve): demo accounts with passwords made now, never stored in the code"
# Random passwords, written only to a file that only you can read (0600) and printed once here.
PASSWORDS="$BEKAL_HOME/demo-passwords.txt"
(umask 077; : >"$PASSWORDS")
for ACCOUNT in demo.wali demo.admin; do
  SECRET="$ACCOUNT-$(od -An -N8 -tx1 /dev/urandom | tr -d " \n")"
  (umask 077; printf '%s\n' "$SECRET" >"$BEKAL_HOME/.password-$ACCOUNT")
  BEKAL_ACCOUNT=demo.admin "$BEKAL" user password "$ACCOUNT" --password-file "$BEKAL_HOME/.password-$ACCOUNT" >/dev/null
  rm -f "$BEKAL_HOME/.password-$ACCOUNT"
  printf '%s\t%s\n' "$ACCOUNT" "$SECRET" >>"$PASSWORDS"
done
BEKAL_ACCOUNT=demo.admin "$BEKAL" user list
echo
echo "Start the web interface with:"
echo "  BEKAL_HOME=\"$BEKAL_HOME\" $BEKAL serve"
echo "then open http://127.0.0.1:8080/ and sign in as demo.wali (counselor, caseload of every demo person) or"
echo "demo.admin (admin: accounts, statistics). Passwords (also in $PASSWORDS, mode 0600):"
sed 's/^/  /' "$PASSWORDS"
