#!/usr/bin/env python3
"""An insider with write access to bekal.sqlite, written from docs/ledger.md and the README ("The ledger") with
Python's sqlite3 and hashlib only: drops the append-only triggers and edits, deletes, reorders, inserts or appends
events, recomputing the hash chain so that the chain check (`bekal ledger verify` without a checkpoint) passes.

usage: ledger_attacker.py DB ACTION...
  sql "STATEMENTS"             run SQL with the triggers dropped
  shift FROM BY                move events FROM.. by BY places (to make room, or to close a gap)
  forge SEQUENCE ACTOR         write a forged copy of the first training event at SEQUENCE (hours +20)
  rechain                      recompute prev_hash and hash of every event in sequence order
Several actions run in order, in one transaction: `DB shift 10 1 forge 10 eve rechain`.
"""
import hashlib
import sqlite3
import struct
import sys
import uuid

COLUMNS = ["sequence", "event_id", "type", "person_id", "payload", "actor", "facility_code", "recorded_at",
           "natural_key"]
GENESIS = "0" * 64


def put(buffer, value):
    # Each column as its UTF-8 length (8 bytes, big-endian) and bytes; NULL as the length 2^64 - 1.
    if value is None:
        buffer += struct.pack(">Q", 2 ** 64 - 1)
        return
    data = str(value).encode()
    buffer += struct.pack(">Q", len(data)) + data


def chain_hash(row, previous):
    buffer = bytearray()
    for column in COLUMNS:
        put(buffer, row[column])
    put(buffer, previous)
    return hashlib.sha256(buffer).hexdigest()


def rechain(db):
    previous = GENESIS
    for row in db.execute("SELECT * FROM ledger_event ORDER BY sequence").fetchall():
        digest = chain_hash(row, previous)
        db.execute("UPDATE ledger_event SET prev_hash = ?, hash = ? WHERE sequence = ?", (previous, digest, row["sequence"]))
        previous = digest


def shift(db, start, offset):
    db.execute("UPDATE ledger_event SET sequence = -sequence WHERE sequence >= ?", (start,))
    db.execute("UPDATE ledger_event SET sequence = -sequence + ? WHERE sequence < 0", (offset,))


def forge(db, sequence, actor):
    template = dict(db.execute(
        "SELECT * FROM ledger_event WHERE type = 'training.recorded' ORDER BY sequence LIMIT 1").fetchone())
    row = dict(template)
    row.update(sequence=sequence, event_id=str(uuid.uuid4()), actor=actor, natural_key=None,
               payload=template["payload"].replace('"hours":', '"hours":2', 1))
    previous = db.execute("SELECT hash FROM ledger_event WHERE sequence = ?", (sequence - 1,)).fetchone()
    row["prev_hash"] = previous["hash"] if previous else GENESIS
    row["hash"] = chain_hash(row, row["prev_hash"])
    names = COLUMNS + ["prev_hash", "hash"]
    db.execute(f"INSERT INTO ledger_event ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
               [row[name] for name in names])


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    db = sqlite3.connect(argv[1], isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute("BEGIN IMMEDIATE")
    db.execute("DROP TRIGGER IF EXISTS ledger_event_no_update")
    db.execute("DROP TRIGGER IF EXISTS ledger_event_no_delete")
    args = argv[2:]
    while args:
        action = args.pop(0)
        if action == "sql":
            for statement in args.pop(0).split(";"):
                if statement.strip():
                    db.execute(statement)
        elif action == "shift":
            shift(db, int(args.pop(0)), int(args.pop(0)))
        elif action == "forge":
            forge(db, int(args.pop(0)), args.pop(0))
        elif action == "rechain":
            rechain(db)
        else:
            print(f"unknown action {action}", file=sys.stderr)
            db.execute("ROLLBACK")
            return 2
    db.execute("COMMIT")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
