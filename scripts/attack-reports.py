#!/usr/bin/env python3
"""An analyst holding every metrics report Bekal sent for a facility, solving integer constraints.

Independent of Bekal's Swift code: it knows only the report format (schemas/metrics-report.schema.json) and the
definitions in docs/metrics.md, and solves with SciPy's MILP interface to HiGHS.

Input (a JSON file named on the command line):
  {"cases": [{"name": "...", "reports": [<report body>, ...],
              "truth": {"<reportID>": [<table in the report's layout, every figure the true value>, ...]}}]}
"truth" is optional; it is used only to judge group facts (is the group really of 1 to k-1?), never to solve.

For every case it builds one integer system from all bodies:
  - every figure is a non-negative integer; a published count n > 0 lies in its rounding interval and is at least k
    (smaller counts are suppressed), a published 0 is exactly 0; a published magnitude (hours, pieces) lies in its
    rounding interval; a suppressed figure is anything from 0 up;
  - every row, column and grand total equals the sum of its members;
  - training bands: a band [lower, upper) of n persons holds between lower*n and upper*n hours;
  - a quarter and its three months (exact reports only): certificates and releases add up exactly, production and
    the hours total up to the rounding of whole pieces and hours, and the person counts obey what a union of months
    must obey (at least each month, at most their sum, status at the quarter's end equals the third month's);
  - two versions of one period are taken to hold the same true figures (the analyst assumes nothing changed);
    a table group whose constraints contradict each other is solved again without the links between reports.
Then it minimises and maximises every suppressed figure, and, for every line of a count table whose true total is
1 to k-1, checks whether "none of the group" (a member is 0) or "all of the group" (a member equals the total)
follows.

A finding is no new leak when the reports sent before its own already imply it (a quarter withheld whole after its
three months were published: the months' sums were known before): a figure pinned as narrowly, the same "none" or
"all" of a group. Such findings are listed under "knownBefore", not "findings". Only reports earlier in the input's
order count.

Output: JSON on stdout, one entry per case with the findings; exit 0 when the attack ran (whatever it found),
3 when SciPy is missing, 2 on bad input.
"""
import json
import sys
from collections import defaultdict

from attack_model import System, Table, link_quarter, link_versions, month_quarter

try:
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix
except ImportError as error:  # a missing tool must fail the caller's test, never satisfy it
    print(f"attack-reports: {error}", file=sys.stderr)
    sys.exit(3)


class Solver:
    """min/max of linear objectives over one group's integer system, with a pool of integer solutions."""

    def __init__(self, system):
        constraints = system.constraints
        used = range(len(system.lo))
        self.index = {v: i for i, v in enumerate(used)}
        n = len(used)
        self.n = n
        self.bounds = Bounds([system.lo[v] for v in used], [system.hi[v] for v in used])
        matrix = lil_matrix((max(1, len(constraints)), n))
        lo, hi = [], []
        for row, (terms, a, b, _) in enumerate(constraints):
            for v, coefficient in terms.items():
                matrix[row, self.index[v]] += coefficient
            lo.append(a)
            hi.append(b)
        if not constraints:
            lo, hi = [0], [0]
        self.constraint = LinearConstraint(matrix.tocsr(), lo, hi)
        self.pool = []

    def optimum(self, objective, sense):
        c = np.zeros(self.n)
        for v, coefficient in objective.items():
            c[self.index[v]] = coefficient * (1 if sense == "min" else -1)
        result = milp(c, constraints=[self.constraint], integrality=np.ones(self.n), bounds=self.bounds,
                      options={"presolve": True})
        if result.status != 0 or result.x is None:
            return None
        x = np.round(result.x).astype(np.int64)
        self.pool.append(x)
        return int(sum(coefficient * x[self.index[v]] for v, coefficient in objective.items()))

    def feasible(self):
        return self.optimum({}, "min") is not None

    def seen(self, objective):
        values = [int(sum(c * x[self.index[v]] for v, c in objective.items())) for x in self.pool]
        return (min(values), max(values)) if values else None

    def range(self, objective):
        """Exact integer min and max; a pool spread of 2 or more already proves 'not narrowed'."""
        seen = self.seen(objective)
        if seen and seen[1] - seen[0] >= 2:
            return seen
        low, high = self.optimum(objective, "min"), self.optimum(objective, "max")
        if low is None or high is None:
            raise RuntimeError("the solver failed on a system it had found feasible")
        return low, high


def build_group(group_tables, year, quarter, links=True, versions="equal"):
    """One table id and calendar quarter: its reports' tables (all versions), latent tables for the periods not
    reported, and the relations between them. Returns (system, reported tables, period -> the table standing for
    that period: its latest version, else a latent one)."""
    system = System()
    by_period = defaultdict(list)
    for report, table, policy, truth in group_tables:
        t = Table(system, table, policy, report)
        t.truth = truth
        by_period[report["period"]].append(t)
    reported = [t for ts in by_period.values() for t in ts]
    instances = {period: ts[-1] for period, ts in by_period.items()}
    template = reported[0]
    if versions:
        for ts in by_period.values():
            for earlier, later in zip(ts, ts[1:]):
                link_versions(system, earlier, later, one_person=versions == "one-person")
    if links and not template.noisy:
        skeleton = {"id": template.id,
                    "columns": [{"key": k, "measure": m} for k, m in zip(template.columns, template.measures)],
                    "rows": [{"key": k, "cells": [None] * len(template.columns),
                              **({"total": None} if template.has_row_totals else {})}
                             for k in sorted({k for t in reported for k in t.keys})],
                    "columnTotals": [None] * len(template.columns)}
        if template.grand is not None:
            skeleton["grandTotal"] = None

        def instance(period):
            if by_period.get(period):
                return by_period[period][0]
            instances[period] = Table(system, skeleton, (template.k, 1), None, latent=True)
            return instances[period]

        months = [f"{year:04d}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]
        link_quarter(system, instance(f"{year:04d}-Q{quarter}"), [instance(m) for m in months])
    return system, reported, instances


def attack(case):
    truth = case.get("truth", {})
    groups = defaultdict(list)
    for report in case["reports"]:
        policy = (report["policy"]["threshold"], report["policy"]["roundingBase"])
        true_tables = {t["id"]: t for t in truth.get(report["reportID"].lower(), [])}
        year, quarter, _ = month_quarter(report["period"])
        for table in report["tables"]:
            noisy = bool(report["policy"].get("epsilon"))
            key = (report["reportID"], table["id"]) if noisy else (report["facilityCode"], table["id"], year, quarter)
            groups[key].append((report, table, policy, true_tables.get(table["id"])))
    result = {"findings": [], "knownBefore": [], "inconsistentGroups": [], "checkedSuppressed": 0,
              "checkedSmallGroups": 0, "figures": 0, "publishedFigures": 0}
    order = {report["reportID"]: n for n, report in enumerate(case["reports"])}
    for key, members in groups.items():
        year, quarter, _ = month_quarter(members[0][0]["period"])
        name = " ".join(str(k) for k in key)
        for links, versions, dropped in ((True, "equal", None), (True, "one-person", "equal versions"),
                                         (True, None, "versions"), (False, None, "versions and quarter links")):
            system, reported, _ = build_group(members, year, quarter, links, versions)
            solver = Solver(system)
            if solver.feasible():
                if dropped:
                    result["inconsistentGroups"].append({"group": name, "dropped": dropped})
                found = len(result["findings"])
                judge(solver, reported, result)
                exempt_known(result, found, members, order, year, quarter, links, versions)
                break
        else:
            # Even one report's tables alone are contradictory: solve every table by itself.
            result["inconsistentGroups"].append({"group": name, "dropped": "everything"})
            for member in members:
                system, reported, _ = build_group([member], year, quarter, False, None)
                solver = Solver(system)
                if solver.feasible():
                    judge(solver, reported, result)
                else:
                    result["findings"].append({"kind": "contradictory-table", "report": member[0]["period"],
                                               "table": member[1]["id"]})
    return {"name": case.get("name", ""), "reports": len(case["reports"]), **result}


def judge(solver, tables, result):
    """Every suppressed figure's integer range, and every small group's all-or-none facts."""
    findings = result["findings"]
    for t in tables:
        result["figures"] += len(t.published)
        result["publishedFigures"] += sum(1 for value, _ in t.published.values() if value is not None)
        for v, (value, description) in t.published.items():
            if value is not None:
                continue
            result["checkedSuppressed"] += 1
            low, high = solver.range({v: 1})
            if high - low <= 1:
                findings.append({"kind": "recovered" if low == high else "two-values", "report": t.period,
                                 "reportID": t.report["reportID"], "table": t.id, "figure": description,
                                 "range": [low, high]})
        if t.truth is None:
            continue
        for members, total, is_count in t.lines():
            true_total = truth_value(t, total)
            # A line of one member is its group by construction: "all of it" there says nothing.
            if not is_count or len(members) < 2 or true_total is None or not (1 <= true_total <= t.k - 1):
                continue
            result["checkedSmallGroups"] += 1
            for m in members:
                if solver.range({m: 1})[1] == 0:
                    kind = "none-of-small-group"
                elif solver.range({total: 1, m: -1})[1] == 0:
                    kind = "all-of-small-group"
                else:
                    continue
                findings.append({"kind": kind, "report": t.period, "reportID": t.report["reportID"], "table": t.id,
                                 "figure": t.published[m][1], "total": t.published[total][1],
                                 "groupSize": true_total})


def exempt_known(result, start, members, order, year, quarter, links, versions):
    """Moves the findings from `start` on that the reports sent before their own already imply (same group, same
    relations) to "knownBefore": publishing them told the analyst nothing new."""
    kept = []
    for finding in result["findings"][start:]:
        if known_before(finding, members, order, year, quarter, links, versions):
            result["knownBefore"].append(finding)
        else:
            kept.append(finding)
    result["findings"][start:] = kept


def known_before(finding, members, order, year, quarter, links, versions):
    position = order[finding["reportID"]]
    earlier = [m for m in members if order[m[0]["reportID"]] < position]
    if not earlier:
        return False
    system, _, instances = build_group(earlier, year, quarter, links, versions)
    table = instances.get(finding["report"])
    variable = table.where.get(finding["figure"]) if table else None
    solver = Solver(system)
    if variable is None or not solver.feasible():
        return False
    if finding["kind"] == "none-of-small-group":
        return solver.range({variable: 1})[1] == 0
    if finding["kind"] == "all-of-small-group":
        total = table.where.get(finding["total"])
        return total is not None and solver.range({total: 1, variable: -1})[1] == 0
    low, high = solver.range({variable: 1})
    return finding["range"][0] <= low and high <= finding["range"][1]


def truth_value(table, variable):
    """The true value of `variable` from the truth table in the same layout."""
    truth = table.truth
    for r, row in enumerate(truth["rows"]):
        key = row["key"]
        if table.has_row_totals and table.row_totals.get(key) == variable:
            return row.get("total")
    for c, v in enumerate(table.column_totals):
        if v == variable:
            return truth["columnTotals"][c]
    if table.grand == variable:
        return truth.get("grandTotal")
    return None


def main():
    if len(sys.argv) != 2:
        print("usage: attack-reports.py INPUT.json", file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1]) as f:
            cases = json.load(f)["cases"]
    except (OSError, ValueError, KeyError) as error:
        print(f"attack-reports: bad input: {error}", file=sys.stderr)
        return 2
    results = [attack(case) for case in cases]
    json.dump({"cases": results}, sys.stdout, indent=1)
    for r in results:
        print(f"{r['name']}: {r['reports']} reports, {r['publishedFigures']}/{r['figures']} figures published, "
              f"{r['checkedSuppressed']} suppressed and {r['checkedSmallGroups']} small groups attacked, "
              f"{len(r['findings'])} findings, {len(r['knownBefore'])} known before, "
              f"{len(r['inconsistentGroups'])} inconsistent groups", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
