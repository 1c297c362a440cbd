"""The integer model behind scripts/attack-reports.py: what an analyst knows about the true figures of Bekal's
reports, from the report format and docs/metrics.md alone (no Bekal code)."""
from collections import defaultdict

BIG = 10**7
BANDS = {"under-10h": (0, 10), "10-19h": (10, 20), "20-39h": (20, 40), "40h-and-more": (40, None)}
COUNT_MEASURES = {"persons", "certificates"}


class System:
    """Integer variables with bounds and linear constraints lo <= sum(c * x) <= hi, each tagged with a kind."""

    def __init__(self):
        self.lo, self.hi, self.constraints = [], [], []

    def var(self, lo=0, hi=BIG):
        self.lo.append(lo)
        self.hi.append(hi)
        return len(self.lo) - 1

    def add(self, terms, lo, hi, kind="table"):
        self.constraints.append((dict(terms), lo, hi, kind))


class Table:
    """One published table's variables, in the report's own layout."""

    def __init__(self, system, table, policy, report, latent=False):
        self.id = table["id"]
        self.period = report["period"] if report else None
        self.report = report
        self.columns = [c["key"] for c in table["columns"]]
        self.measures = [c["measure"] for c in table["columns"]]
        self.keys = [r["key"] for r in table["rows"]]
        self.has_row_totals = any("total" in r for r in table["rows"])
        self.noisy = bool(report and report["policy"].get("epsilon"))
        k, base = policy
        self.k = k
        self.cells, self.row_totals, self.column_totals, self.grand = {}, {}, [], None
        self.published = {}  # variable -> (value or None, description)
        self.where = {}  # description -> variable, latent tables included

        def figure(value, measure, where):
            v = published_figure(value, measure, where)
            self.where[where] = v
            return v

        def published_figure(value, measure, where):
            if latent:
                return system.var()
            if value is None:
                v = system.var()
            else:
                low = value - (base - (base + 1) // 2)
                high = value + (base + 1) // 2 - 1
                if measure in COUNT_MEASURES:
                    v = system.var(0, 0) if value == 0 else system.var(max(low, k), high)
                else:
                    v = system.var(max(low, 0), high)
            self.published[v] = (value, where)
            return v

        for r, row in enumerate(table["rows"]):
            for c, value in enumerate(row["cells"]):
                self.cells[(row["key"], c)] = figure(value, self.measures[c], f"row {row['key']} column {self.columns[c]}")
            if self.has_row_totals:
                self.row_totals[row["key"]] = figure(row.get("total"), self.measures[0], f"row {row['key']} total")
        for c, value in enumerate(table["columnTotals"]):
            self.column_totals.append(figure(value, self.measures[c], f"column {self.columns[c]} total"))
        if "grandTotal" in table:
            self.grand = figure(table.get("grandTotal"), self.measures[0], "grand total")
        for line in self.lines():
            system.add({**{m: 1 for m in line[0]}, line[1]: -1}, 0, 0)
        if self.id == "training-hours" and not self.noisy and self.columns == ["persons", "hours"]:
            for key, (lower, upper) in BANDS.items():
                if key not in self.keys:
                    continue
                p, h = self.cells[(key, 0)], self.cells[(key, 1)]
                system.add({h: 1, p: -lower}, 0, BIG * 100)
                if upper is not None:
                    system.add({h: 1, p: -upper}, -BIG * 100, 0)

    def lines(self):
        """(members, total, is-count) for every additive line."""
        out = []
        for key in self.keys:
            if self.has_row_totals:
                out.append(([self.cells[(key, c)] for c in range(len(self.columns))], self.row_totals[key],
                            self.measures[0] in COUNT_MEASURES))
        for c in range(len(self.columns)):
            out.append(([self.cells[(key, c)] for key in self.keys], self.column_totals[c],
                        self.measures[c] in COUNT_MEASURES))
        if self.grand is not None:
            count = self.measures[0] in COUNT_MEASURES
            out.append((list(self.column_totals), self.grand, count))
            if self.has_row_totals:
                out.append(([self.row_totals[k] for k in self.keys], self.grand, count))
        return out

    def cell(self, key, column):
        return self.cells.get((key, column))

    def total_of_row(self, key):
        if self.has_row_totals:
            return self.row_totals.get(key)
        return self.cells.get((key, 0)) if len(self.columns) == 1 else None


def month_quarter(period):
    year, rest = period.split("-")
    if rest.startswith("Q"):
        return int(year), int(rest[1]), None
    month = int(rest)
    return int(year), (month - 1) // 3 + 1, month


def zero_missing(system, table, key, column):
    """A row a table does not list counts nothing there; returns its variable (fixed at 0 when absent)."""
    v = table.cell(key, column)
    if v is None:
        v = system.var(0, 0)
    return v


def link_quarter(system, quarter, months):
    """The relations between a quarter's table and its three months' tables (same table id, exact reports)."""
    tid = quarter.id
    keys = sorted(set(quarter.keys).union(*[m.keys for m in months]))
    q, m3 = quarter, months[2]

    def c(t, key, col):
        return zero_missing(system, t, key, col)

    def total(t, key):
        v = t.total_of_row(key)
        return v if v is not None else system.var(0, 0)

    def quarter_minus_months(pick, lo, hi):
        """lo <= quarter - sum of the three months <= hi, for the figure `pick` chooses in each table."""
        terms = defaultdict(int)
        terms[pick(q)] += 1
        for m in months:
            terms[pick(m)] -= 1
        system.add(terms, lo, hi, "link")

    def union(pick):
        """A union of months: at least each month, at most their sum."""
        for m in months:
            system.add({pick(q): 1, pick(m): -1}, 0, BIG, "link")
        quarter_minus_months(pick, -BIG, 0)

    if tid in ("certificates", "releases"):
        for key in keys:
            for col in range(len(q.columns)):
                quarter_minus_months(lambda t, key=key, col=col: c(t, key, col), 0, 0)
    elif tid == "production":
        for key in keys:
            quarter_minus_months(lambda t, key=key: c(t, key, 0), -2, 2)
    elif tid == "participants":
        union(lambda t: t.column_totals[0])
        for key in keys:
            system.add({c(q, key, 0): 1, c(m3, key, 0): -1}, 0, BIG, "link")
        quarter_minus_months(lambda t: c(t, "active", 0), -BIG, 0)
    elif tid == "competency-outcomes":
        for key in keys:
            union(lambda t, key=key: total(t, key))
            for col in range(len(q.columns)):
                system.add({c(q, key, col): 1, c(m3, key, col): -1}, 0, BIG, "link")
                quarter_minus_months(lambda t, key=key, col=col: c(t, key, col), -BIG, 0)
    elif tid == "training-hours":
        union(lambda t: t.column_totals[0])
        order = [k for k in BANDS if k in keys]
        for i in range(1, len(order)):
            for m in months:
                terms = defaultdict(int)
                for key in order[i:]:
                    terms[c(q, key, 0)] += 1
                    terms[c(m, key, 0)] -= 1
                system.add(terms, 0, BIG, "link")
        if order:
            quarter_minus_months(lambda t: c(t, order[0], 0), -BIG, 0)
        quarter_minus_months(lambda t: t.column_totals[1], -8, 8)


def link_versions(system, first, other, one_person):
    """Two consecutive versions of one period's table. The analyst first assumes nothing changed between them
    (equal figures); when that contradicts the bodies, that at most one person changed (the side knowledge of an
    analyst who knows who was added or released): a person count moves by at most one per cell and row, by at
    most the number of rows in a column total. Certificates, hours and pieces are then left unlinked."""
    if one_person and first.measures[0] != "persons":
        return
    rows = max(len(first.keys), len(other.keys))
    cell, line, grand = (1, rows, rows * len(first.columns)) if one_person else (0, 0, 0)
    for key in set(first.keys) | set(other.keys):
        for col in range(len(first.columns)):
            if one_person and first.measures[col] != "persons":
                continue
            a, b = zero_missing(system, first, key, col), zero_missing(system, other, key, col)
            system.add({a: 1, b: -1}, -cell, cell, "version")
        if first.has_row_totals:
            a, b = first.total_of_row(key), other.total_of_row(key)
            if a is not None and b is not None:
                system.add({a: 1, b: -1}, -cell, cell, "version")
    for col, (a, b) in enumerate(zip(first.column_totals, other.column_totals)):
        if not one_person or first.measures[col] == "persons":
            system.add({a: 1, b: -1}, -line, line, "version")
    if first.grand is not None and other.grand is not None:
        system.add({first.grand: 1, other.grand: -1}, -grand, grand, "version")
