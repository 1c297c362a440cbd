#!/usr/bin/env python3
"""The raw SQL floor of one quarter's report: GROUP BY queries over the same ledger file's tables
(participants, competency outcomes by unit, certificates by scheme, training hours by person, production
pieces by grade, releases), no disclosure control, no JSON output. It reads the same columns and date-leading
indexes as Bekal's figures (migration v3-date-covering-indexes), so it is the floor for the same rows.

usage: stats_groupby.py LEDGER_SQLITE FIRST_DAY LAST_DAY WARMUPS RUNS
"""
import sqlite3
import sys

from common import emit, measure

QUERIES = [
    """SELECT count(DISTINCT person_id) FROM (
         SELECT person_id FROM assessment WHERE date BETWEEN :a AND :b
         UNION ALL SELECT person_id FROM training WHERE date BETWEEN :a AND :b
         UNION ALL SELECT person_id FROM production WHERE date BETWEEN :a AND :b)""",
    "SELECT unit_code, outcome, count(*) FROM assessment WHERE date BETWEEN :a AND :b GROUP BY unit_code, outcome",
    """SELECT scheme, count(*) FROM certificate WHERE issued_on BETWEEN :a AND :b GROUP BY 1""",
    "SELECT person_id, sum(hours) FROM training WHERE date BETWEEN :a AND :b GROUP BY person_id",
    """SELECT grade, sum(quantity) FROM production WHERE date BETWEEN :a AND :b AND unit = 'pieces' GROUP BY 1""",
    """SELECT json_extract(payload, '$.released._0.kind'), count(*) FROM ledger_event
         WHERE type = 'person.released' AND json_extract(payload, '$.released._0.date') BETWEEN :a AND :b
         GROUP BY 1""",
]


def main():
    path, first, last, warmups, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    events = connection.execute("SELECT count(*) FROM ledger_event").fetchone()[0]

    def body():
        for query in QUERIES:
            connection.execute(query, {"a": first, "b": last}).fetchall()

    samples = measure(warmups, runs, body)
    emit("stats.sql-groupby", samples, events, note=f"{len(QUERIES)} GROUP BY queries on the projections")


if __name__ == "__main__":
    main()
