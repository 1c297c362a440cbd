#!/usr/bin/env python3
"""Independent checks of the log proofs Bekal puts in exports and metrics reports: RFC 9162 inclusion (§2.1.3.2)
and consistency (§2.1.4.2) verification written from the RFC's text, the C2SP signed-note reading of
Tests/BekalLogTests/Fixtures/c2sp_note.py, PyPI `cryptography`, and Python's sqlite3. Nothing of Bekal's Swift code.

  rfc9162_check.py export EXPORT_JSON LOG_VKEY [LEDGER_DB]
      Verifies the export's ledgerLog checkpoint with the log's verifier key and every inclusion proof against its
      root. With LEDGER_DB (bekal.sqlite), recomputes each event's leaf entry from its stored columns
      (docs/ledger.md, "The leaf entry") and compares it with the export's. Prints `checkpoint <origin> <size>` and
      `<n> inclusion proofs verified`; exit 1 on the first failure.
  rfc9162_check.py reports OLD_REPORT NEW_REPORT LOG_VKEY
      Verifies both reports' checkpoints and the new report's consistency proof from the old one's (its
      fromReportID and fromSize must name the old report). Prints `consistent <old size> <new size>`.
"""
import base64
import hashlib
import json
import os
import sqlite3
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "BekalLogTests", "Fixtures"))
import c2sp_note  # noqa: E402  (the independent C2SP reader)
from cryptography.exceptions import InvalidSignature  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey  # noqa: E402


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def sha256(data):
    return hashlib.sha256(data).digest()


def verify_checkpoint(message, vkey):
    """The log's signature on a checkpoint note; returns (origin, size, root bytes)."""
    text, signatures = c2sp_note.split_note(message)
    name, sig_type, public_key = c2sp_note.parse_vkey(vkey)
    expected = c2sp_note.key_id(name, sig_type, public_key)
    found = [s for s in signatures if s[0] == name and s[1] == expected]
    if sig_type != 0x01 or not found:
        fail("no signature from the log key")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(found[0][2], text.encode())
    except InvalidSignature:
        fail("the checkpoint's signature does not verify")
    origin, size, root64 = c2sp_note.parse_checkpoint(text)
    return origin, size, base64.b64decode(root64)


def verify_inclusion(leaf_index, tree_size, leaf_hash, proof, root):
    """RFC 9162 §2.1.3.2, step by step."""
    if leaf_index >= tree_size:
        return False
    fn, sn, r = leaf_index, tree_size - 1, leaf_hash
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = sha256(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_hash, second_hash, proof):
    """RFC 9162 §2.1.4.2, step by step."""
    if first == second:
        return not proof and first_hash == second_hash
    if first == 0 or first > second or not proof:
        return False
    if first & (first - 1) == 0:
        proof = [first_hash] + proof
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = sha256(b"\x01" + c + fr)
            sr = sha256(b"\x01" + c + sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = sha256(b"\x01" + sr + c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first_hash and sr == second_hash


def leaf_entry(row):
    """docs/ledger.md: SHA-256 over the stored columns, each as its UTF-8 length (8 bytes, big-endian) and bytes,
    NULL as the length 2^64 - 1."""
    data = bytearray()
    for column in ["sequence", "event_id", "type", "person_id", "payload", "actor", "facility_code", "recorded_at",
                   "natural_key"]:
        value = row[column]
        if value is None:
            data += struct.pack(">Q", 2 ** 64 - 1)
        else:
            encoded = str(value).encode()
            data += struct.pack(">Q", len(encoded)) + encoded
    return sha256(bytes(data))


def check_export(path, vkey, db_path=None):
    with open(path, encoding="utf-8") as handle:
        export = json.load(handle)
    log = export["ledgerLog"]
    origin, size, root = verify_checkpoint(log["checkpoint"], vkey)
    print(f"checkpoint {origin} {size}")
    db = None
    if db_path:
        db = sqlite3.connect(db_path)
        db.row_factory = sqlite3.Row
    count = 0
    for record in log["records"]:
        for event in record["events"]:
            entry = base64.b64decode(event["leafEntry"], validate=True)
            proof = [base64.b64decode(h, validate=True) for h in event["inclusionProof"].split(" ") if h]
            if not verify_inclusion(event["sequence"] - 1, size, sha256(b"\x00" + entry), proof, root):
                fail(f"the inclusion proof of event {event['sequence']} of {record['credential']} does not verify")
            if db is not None:
                row = db.execute("SELECT * FROM ledger_event WHERE sequence = ?", (event["sequence"],)).fetchone()
                if row is None or leaf_entry(row) != entry:
                    fail(f"event {event['sequence']} in the ledger does not have the export's leaf entry")
            count += 1
    print(f"{count} inclusion proofs verified" + (" and matched to the ledger" if db is not None else ""))


def check_reports(old_path, new_path, vkey):
    with open(old_path, encoding="utf-8") as handle:
        old = json.load(handle)
    with open(new_path, encoding="utf-8") as handle:
        new = json.load(handle)
    _, old_size, old_root = verify_checkpoint(old["ledgerLog"]["checkpoint"], vkey)
    _, new_size, new_root = verify_checkpoint(new["ledgerLog"]["checkpoint"], vkey)
    consistency = new["ledgerLog"].get("consistency")
    if consistency is None:
        fail("the new report carries no consistency proof")
    if consistency["fromSize"] != old_size or consistency["fromReportID"].lower() != old["reportID"].lower():
        fail("the consistency proof does not start from the old report's checkpoint")
    proof = [base64.b64decode(h, validate=True) for h in consistency["proof"]]
    if not verify_consistency(old_size, new_size, old_root, new_root, proof):
        fail(f"the consistency proof from {old_size} to {new_size} does not verify")
    print(f"consistent {old_size} {new_size}")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "export":
        check_export(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "reports":
        check_reports(*sys.argv[2:])
    else:
        print(__doc__)
        sys.exit(2)
