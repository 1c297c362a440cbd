#!/usr/bin/env python3
"""The plain-SQLite floor for the ledger import: insert the same ledger_event rows (same columns, same table,
indexes and triggers, WAL with synchronous=NORMAL as Bekal uses) into a fresh database in one transaction.

Usage: sqlite-floor.py LEDGER.sqlite FIRST_SEQUENCE [RUNS]  -- rows with sequence >= FIRST_SEQUENCE are inserted.
Prints the median rows/s over RUNS runs (default 3) and the CPU seconds of the median run.
"""
import os, sqlite3, statistics, sys, tempfile, time

source, first = sys.argv[1], int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
src = sqlite3.connect(source)
schema = [sql for (sql,) in src.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'ledger_event' AND sql IS NOT NULL ORDER BY type = 'table' DESC")]
rows = src.execute(
    "SELECT sequence, event_id, type, person_id, payload, actor, facility_code, recorded_at, natural_key, "
    "prev_hash, hash FROM ledger_event WHERE sequence >= ? ORDER BY sequence", (first,)).fetchall()
src.close()
walls, cpus = [], []
for _ in range(runs):
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite3.connect(os.path.join(tmp, "floor.sqlite"), isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -32768")
        for sql in schema:
            db.execute(sql)
        wall, cpu = time.perf_counter(), time.process_time()
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO ledger_event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.execute("COMMIT")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        db.close()
wall = statistics.median(walls)
print(f"floor: plain SQLite, {len(rows)} ledger rows in one transaction, median {wall:.3f} s = "
      f"{len(rows) / wall:,.0f} rows/s (cpu {statistics.median(cpus):.3f} s)")
