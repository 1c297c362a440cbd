#!/usr/bin/env python3
"""The plain-SQLite floor of the ledger import: the same CSV rows read with the csv module and inserted
into one table per file (same columns, no hashing, no validation) in one transaction, into a fresh file.

usage: sqlite_import.py WORK_DIR WARMUPS RUNS CSV...
"""
import csv
import os
import sqlite3
import sys

from common import emit, measure


def load(db_path, files):
    if os.path.exists(db_path):
        os.remove(db_path)
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    rows = 0
    connection.execute("BEGIN")
    for index, path in enumerate(files):
        with open(path, newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            table = f"t{index}"
            connection.execute(f"CREATE TABLE {table} (seq INTEGER PRIMARY KEY, "
                               + ", ".join(f'"{c}" TEXT' for c in header) + ")")
            sql = f"INSERT INTO {table} (" + ", ".join(f'"{c}"' for c in header) + ") VALUES (" \
                + ", ".join("?" for _ in header) + ")"
            batch = list(reader)
            connection.executemany(sql, batch)
            rows += len(batch)
    connection.execute("COMMIT")
    connection.close()
    return rows


def main():
    work, warmups, runs, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    db_path = os.path.join(work, "floor.sqlite")
    rows = load(db_path, files)
    samples = measure(warmups, runs, lambda: load(db_path, files))
    emit("import.sqlite-python", samples, rows, note="csv + executemany, one transaction, WAL")


if __name__ == "__main__":
    main()
