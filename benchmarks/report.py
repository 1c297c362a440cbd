"""Turns results.json into BENCHMARKS.md: the targets of issues 5 and 17 with Bekal and its peers side by side, then
every raw figure (median, min, max of the runs)."""

NOTES_FILE = "benchmarks/NOTES.md"


def finished_from_log(r):
    """The time of the run's last log line (runs before `finished_utc` was recorded)."""
    last = (r.get("log") or ["?"])[-1].split(" ")[0]
    return f"at {last} UTC on the day of the run"


def fig(results, key):
    return results["figures"].get(key)


def per_item_ms(f):
    return f["median"] / f["items"] * 1000 if f and f["items"] else None


def rate(f):
    return f["items"] / f["median"] if f and f["median"] else None


def mbps(f):
    return f["bytes"] / f["median"] / 1e6 if f and f["median"] else None


def fmt(value, unit="", digits=None):
    if value is None:
        return "n/a"
    if digits is None:
        digits = 0 if abs(value) >= 100 else (1 if abs(value) >= 10 else (2 if abs(value) >= 0.1 else 3))
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}".strip()


def spread(f, scale=1000.0, unit="ms", per_item=False):
    """median (min–max) of a figure, in ms by default."""
    if not f:
        return "n/a"
    div = f["items"] if per_item else 1
    return (f"{fmt(f['median'] / div * scale)} ({fmt(f['min'] / div * scale)}–{fmt(f['max'] / div * scale)}) "
            f"{unit}")


def spread_rate(f, unit, factor=1.0):
    if not f:
        return "n/a"
    return (f"{fmt(f['items'] / f['median'] * factor)} ({fmt(f['items'] / f['max'] * factor)}–"
            f"{fmt(f['items'] / f['min'] * factor)}) {unit}")


def spread_mbps(f):
    if not f:
        return "n/a"
    return (f"{fmt(f['bytes'] / f['median'] / 1e6)} ({fmt(f['bytes'] / f['max'] / 1e6)}–"
            f"{fmt(f['bytes'] / f['min'] / 1e6)}) MB/s")


def cpu_ratio(numerator, denominator):
    """Ratio of CPU medians (numerator / denominator), as text; empty when either lacks CPU figures."""
    if not numerator or not denominator or not numerator.get("cpu_median") or not denominator.get("cpu_median"):
        return ""
    a = numerator["cpu_median"] / numerator["items"]
    b = denominator["cpu_median"] / denominator["items"]
    return f" (CPU time: {a / b:.1f}×)"


def cpu_ms(f, per_item=False):
    if not f or not f.get("cpu_median"):
        return ""
    value = f["cpu_median"] / (f["items"] if per_item else 1) * 1000
    return f"; CPU {fmt(value)} ms"


def verdict(ok):
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**missed**"


def load_text(m):
    """The 1-minute load average when the run started and ended (other work on the cores shows up here)."""
    start, end = m.get("load_start"), m.get("load_end")
    if start is None or end is None:
        return "Other work may have shared the cores."
    return (f"Load average {start:.1f} at the start and {end:.1f} at the end of the run "
            f"(on {m.get('nproc')} cores, a figure above {m.get('nproc')} means other work shared them).")


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def paired_ratio(numerator, denominator, key="samples"):
    """The median of the per-run ratios of two figures measured in alternation (`pairedWith`), else `None`."""
    if (not numerator or not denominator or numerator.get("pairedWith") != denominator.get("id")
            or len(numerator.get(key) or []) != len(denominator.get(key) or []) or not numerator.get(key)):
        return None
    return median([a / b for a, b in zip(numerator[key], denominator[key])])


def target_rows(r):
    rows = []
    vb, vp, vf = fig(r, "verify.bekal"), fig(r, "verify.python"), fig(r, "verify.floor")
    vpf = fig(r, "verify.python-floor")
    rounds = (r.get("paired") or {}).get("verify.python/verify.bekal")
    if vb and vp:
        if rounds:
            # Alternating rounds (run.py): the median of the rounds' ratios, not a ratio of two medians taken minutes apart.
            ratio = median(rounds["wall"])
            how = (f"{ratio:.1f}× faster (median of {len(rounds['wall'])} alternating rounds: "
                   + ", ".join(f"{x:.1f}" for x in rounds["wall"]) + f"; CPU time: {median(rounds['cpu']):.1f}×)")
        else:
            ratio = per_item_ms(vp) / per_item_ms(vb)
            how = f"{ratio:.1f}× faster" + cpu_ratio(vp, vb)
        rows.append(("Verify, ms per portfolio (200 exports)", spread(vb, per_item=True) + cpu_ms(vb, True),
                     "Python jcs+cryptography " + spread(vp, per_item=True) + cpu_ms(vp, True),
                     how, "≥ 8× Python (issue 17; was ≥ 20×)", verdict(ratio >= 8)))
    if vp and vpf and vf:
        ceiling = per_item_ms(vp) / per_item_ms(vf)
        rows.append(("… the most any verifier could gain over Python here (Python total / Bekal crypto floor)",
                     "Bekal floor " + spread(vf, per_item=True) + cpu_ms(vf, True),
                     "Python's own floor (hashlib + OpenSSL Ed25519) " + spread(vpf, per_item=True) + cpu_ms(vpf, True),
                     f"{ceiling:.1f}× at most" + cpu_ratio(vp, vf), "(bounds the target)", "reported"))
    if vb and vf:
        paired = paired_ratio(vb, vf)
        if paired is not None:
            # Measured run by run in alternation (bekal-bench verify): the median of the per-run ratios.
            ratio = paired
            how = (f"{ratio:.2f}× the floor (median of {vb['runs']} paired runs; CPU time: "
                   f"{paired_ratio(vb, vf, 'cpu'):.2f}×)")
        else:
            ratio = per_item_ms(vb) / per_item_ms(vf)
            how = f"{ratio:.2f}× the floor" + cpu_ratio(vb, vf)
        rows.append(("Verify vs crypto floor", spread(vb, per_item=True),
                     "floor (SHA-256 + Ed25519 per proof) " + spread(vf, per_item=True) + cpu_ms(vf, True),
                     how, "≤ 1.3× floor (issue 17)", verdict(ratio <= 1.3)))
    vbr, vpr, vfr = fig(r, "verify.bekal.rdfc"), fig(r, "verify.python.rdfc"), fig(r, "verify.floor.rdfc")
    if vbr and vpr:
        ratio = per_item_ms(vpr) / per_item_ms(vbr)
        rows.append((f"Verify, eddsa-rdfc-2022 (`bekal export`'s default), ms per portfolio ({vbr['items']} exports)",
                     spread(vbr, per_item=True) + cpu_ms(vbr, True),
                     "Python pyld+cryptography " + spread(vpr, per_item=True) + cpu_ms(vpr, True),
                     f"{ratio:.1f}× faster" + cpu_ratio(vpr, vbr), "(≥ 20× Python)", verdict(ratio >= 20)))
    if vbr and vfr:
        paired = paired_ratio(vbr, vfr)
        ratio = paired if paired is not None else per_item_ms(vbr) / per_item_ms(vfr)
        how = (f"{ratio:.1f}× the floor (median of {vbr['runs']} paired runs; CPU time: "
               f"{paired_ratio(vbr, vfr, 'cpu'):.1f}×)" if paired is not None
               else f"{ratio:.1f}× the floor" + cpu_ratio(vbr, vfr))
        rows.append(("… same, vs crypto floor (canonical N-Quads precomputed)", spread(vbr, per_item=True),
                     "floor " + spread(vfr, per_item=True) + cpu_ms(vfr, True), how, "(≤ 1.5× floor)",
                     verdict(ratio <= 1.5)))
    if vbr and vb:
        ratio = per_item_ms(vbr) / per_item_ms(vb)
        rows.append(("… same, rdfc verify vs jcs verify, ms per portfolio", spread(vbr, per_item=True),
                     "eddsa-jcs-2022 verify " + spread(vb, per_item=True), f"{ratio:.1f}× jcs" + cpu_ratio(vbr, vb),
                     "≤ 3× jcs (issue 17)", verdict(ratio <= 3)))
    jb, jp = fig(r, "jcs.bekal"), fig(r, "jcs.python")
    if jb and jp:
        ratio = mbps(jb) / mbps(jp)
        rows.append(("Canonicalize (JCS), 200 exports", spread_mbps(jb), "Python jcs " + spread_mbps(jp),
                     f"{ratio:.1f}× faster" + cpu_ratio(jp, jb), "≥ 10× Python", verdict(ratio >= 10)))
    rb, rp = fig(r, "rdfc.bekal"), fig(r, "rdfc.pyld")
    if rb or rp:
        ratio = (rp["median"] / rb["median"]) if rb and rp else None
        rows.append(("RDFC-1.0 of one export (JSON-LD → RDF → canonical)", spread(rb) + cpu_ms(rb),
                     "pyld " + spread(rp) + cpu_ms(rp),
                     (f"{ratio:.1f}× faster" + cpu_ratio(rp, rb)) if ratio else "n/a", "(no target; issue 7)", "reported"))
    ro, ros = fig(r, "rdfc.oxigraph"), fig(r, "rdfc.oxigraph.stage")
    if rb and ro:
        ratio = ro["median"] / rb["median"]
        rows.append(("… same, vs pyoxigraph's whole path (contexts inlined)", spread(rb),
                     "pyoxigraph " + spread(ro) + cpu_ms(ro), f"{ratio:.1f}× faster" + cpu_ratio(ro, rb),
                     "(reported)", "reported"))
    stage_rounds = (r.get("paired") or {}).get("rdfc.bekal/rdfc.oxigraph.stage")
    if rb and ros:
        if stage_rounds:
            # Alternating rounds (run.py): the median of the rounds' ratios of medians.
            ratio = median(stage_rounds["wall"])
            how = (f"{ratio:.2f}× its time (median of {len(stage_rounds['wall'])} alternating rounds: "
                   + ", ".join(f"{x:.2f}" for x in stage_rounds["wall"]) + f"; CPU time: {median(stage_rounds['cpu']):.2f}×)")
        else:
            ratio = rb["median"] / ros["median"]
            how = f"{ratio:.2f}× its time" + cpu_ratio(rb, ros)
        rows.append(("… same, Bekal's whole path vs pyoxigraph's RDFC-1.0 stage alone (N-Quads in, canonical out)",
                     spread(rb), "pyoxigraph RDFC stage " + spread(ros) + cpu_ms(ros), how, "≤ 0.5× (issue 17)",
                     verdict(ratio <= 0.5)))
    e1 = fig(r, "export.one")
    if e1:
        rows.append(("Export, 25-achievement portfolio (sign + serialize), eddsa-jcs-2022", spread(e1) + cpu_ms(e1),
                     "—", "—", "≤ 2 ms", verdict(e1["median"] * 1000 <= 2)))
    e1d = fig(r, "export.one.rdfc")
    if e1d:
        ratio = e1d["median"] / e1["median"] if e1 else None
        rows.append(("… same, eddsa-rdfc-2022 (`bekal export`'s default)", spread(e1d) + cpu_ms(e1d), "—",
                     (f"{ratio:.1f}× jcs" + cpu_ratio(e1d, e1)) if ratio else "—", "≤ 3× jcs (issue 17)",
                     verdict(ratio <= 3) if ratio else "not measured"))
    e1r = fig(r, "export.one.with-read")
    if e1r:
        rows.append(("… same, ledger read included", spread(e1r) + cpu_ms(e1r), "—", "—", "(≤ 2 ms)",
                     verdict(e1r["median"] * 1000 <= 2)))
    ea = fig(r, "export.all@2000")
    if ea:
        rows.append(("Facility export, 2,000 people, 2 threads (bekal-bench, streamed)",
                     spread(ea, 1, "s") + (f"; CPU {ea['cpu_median']:.1f} s" if ea.get("cpu_median") else ""),
                     "—", "—", "≤ 5 s",
                     verdict(ea["median"] <= 5)))
    ear = fig(r, "export.all.eddsa-rdfc-2022@2000")
    if ear:
        rows.append(("… same, eddsa-rdfc-2022 (`bekal export`'s default), one run",
                     spread(ear, 1, "s") + (f"; CPU {ear['cpu_median']:.1f} s" if ear.get("cpu_median") else ""),
                     "—", "—", "≤ 5 s (issue 17)", verdict(ear["median"] <= 5)))
    m2, m20 = r["memory"].get("export-all@2000"), r["memory"].get("export-all@20000")
    if m2 and m20:
        ratio = m20["peak_rss_kib"] / m2["peak_rss_kib"]
        rows.append(("Facility export peak RSS, 20,000 vs 2,000 people",
                     f"{m20['peak_rss_kib'] / 1024:.0f} MiB vs {m2['peak_rss_kib'] / 1024:.0f} MiB", "—",
                     f"{ratio:.2f}×", "flat (≤ 1.5×)", verdict(ratio <= 1.5)))
    for scale in r["scales"]:
        ib = fig(r, f"import.bekal@{scale}")
        ip = fig(r, f"import.sqlite-python@{scale}")
        ic = fig(r, f"import.sqlite-cli@{scale}")
        if ib:
            share = rate(ib) / rate(ip) if ip else None
            share_cli = rate(ib) / rate(ic) if ic else None
            ok = rate(ib) >= 100_000 and (share is None or share >= 0.5)
            rows.append((f"Ledger import, {scale:,} people ({ib['items']:,} rows)", spread_rate(ib, "events/s"),
                         "Python sqlite3 " + spread_rate(ip, "rows/s") + "; sqlite3 CLI " + spread_rate(ic, "rows/s"),
                         (f"{share * 100:.0f}% of Python floor; {share_cli * 100:.0f}% of CLI" if share and share_cli
                          else "n/a") + (f" (CPU time: {100 / (ib['cpu_median'] / ip['cpu_median']):.0f}% of Python floor)"
                                         if ip and ib.get("cpu_median") and ip.get("cpu_median") else ""), "≥ 100,000/s and ≥ 50% of floor", verdict(ok)))
    pr = fig(r, "portfolio.read")
    if pr:
        rows.append(("Portfolio of a person with 1,000 events (read + standing)", spread(pr) + cpu_ms(pr), "—", "—", "≤ 5 ms",
                     verdict(pr["median"] * 1000 <= 5)))
    cv = fig(r, "cli.verify")
    if cv:
        rows.append(("`bekal verify` one portfolio, whole process", spread(cv) + cpu_ms(cv), "—", "—", "≤ 50 ms",
                     verdict(cv["median"] * 1000 <= 50)))
    cver = fig(r, "cli.version")
    if cver:
        rows.append(("`bekal --version`, whole process", spread(cver) + cpu_ms(cver), "—", "—", "(start-up)", "reported"))
    cp = fig(r, "cli.portfolio")
    if cp:
        rows.append(("`bekal portfolio` of the 1,000-event person, whole process", spread(cp) + cpu_ms(cp), "—", "—",
                     "(reported)", "reported"))
    for scale in r["scales"]:
        sb, sq = fig(r, f"stats.bekal@{scale}"), fig(r, f"stats.sql-groupby@{scale}")
        if sb:
            ratio = sb["median"] / sq["median"] if sq else None
            ok = (ratio is None or ratio <= 3) and (scale != 20000 or sb["median"] <= 1)
            rows.append((f"Stats, one quarter, {scale:,} people ({sb['items']:,} events)", spread(sb) + cpu_ms(sb),
                         "raw SQL GROUP BY " + spread(sq) + cpu_ms(sq),
                         (f"{ratio:.1f}× the GROUP BY" + cpu_ratio(sb, sq)) if ratio else "n/a",
                         ("≤ 1 s and " if scale == 20000 else "") + "≤ 3× GROUP BY", verdict(ok)))
    pb, pq, pc = fig(r, "publish.bekal"), fig(r, "publish.requests"), fig(r, "publish.curl-loop")
    if pb:
        ok = rate(pb) >= 500 and (pc is None or rate(pb) > rate(pc))
        rows.append(("Publish 1,000 reports to loopback", spread_rate(pb, "reports/s"),
                     "requests.Session " + spread_rate(pq, "reports/s") + "; curl loop " + spread_rate(pc, "reports/s"),
                     (f"{rate(pb) / rate(pc):.1f}× curl loop; {rate(pb) / rate(pq):.1f}× requests" if pc and pq
                      else "n/a") + cpu_ratio(pq, pb).replace("CPU time", "CPU time vs requests"),
                     "≥ 500/s, ahead of curl loop", verdict(ok)))
    for name, key in (("Ledger import", "import.bekal"), ("Facility export", "export.all"),
                      ("Stats", "stats.bekal")):
        a, b = fig(r, f"{key}@2000"), fig(r, f"{key}@20000")
        rounds = (r.get("paired") or {}).get(f"{key}@20000/{key}@2000")
        if a and b and rounds and "ratio" in rounds:
            # Alternating rounds once both ledgers exist (run.py): the fastest run at each scale over all rounds.
            ratio = rounds["ratio"]
            fast = rounds["fastest"]
            rows.append((f"Linearity: {name}, 20,000 / 2,000 people", spread(b, 1, "s"), "2,000: " + spread(a, 1, "s"),
                         f"{ratio:.1f}× (fastest of {len(rounds['wall'])} alternating rounds each, "
                         f"{fmt(fast['20000'][0] * 1000)} / {fmt(fast['2000'][0] * 1000)} ms; CPU time: "
                         f"{rounds['cpu_ratio']:.1f}×; the rounds alone: "
                         + ", ".join(f"{x:.1f}" for x in rounds["wall"])
                         + f"; the two medians above: {b['median'] / a['median']:.1f}×)", "≤ 11×", verdict(ratio <= 11)))
        elif a and b:
            ratio = b["median"] / a["median"]
            rows.append((f"Linearity: {name}, 20,000 / 2,000 people", spread(b, 1, "s"), "2,000: " + spread(a, 1, "s"),
                         f"{ratio:.1f}×" + (f" (CPU time: {b['cpu_median'] / a['cpu_median']:.1f}×)"
                                            if a.get("cpu_median") and b.get("cpu_median") else ""), "≤ 11×", verdict(ratio <= 11)))
    ms20 = r["memory"].get("stats@20000")
    if ms20:
        rows.append(("`stats` peak RSS at 20,000 people", f"{ms20['peak_rss_kib'] / 1024:.0f} MiB", "—", "—",
                     "(reported)", "reported"))
    return rows


def raw_rows(r):
    rows = []
    for key in sorted(r["figures"]):
        f = r["figures"][key]
        cpu = f"{f['cpu_median'] * 1000:,.3f}" if f.get("cpu_median") else "—"
        rows.append((key, f"{f['median'] * 1000:,.3f}", f"{f['min'] * 1000:,.3f}", f"{f['max'] * 1000:,.3f}", cpu,
                     str(f["runs"]), f"{f['items']:,}", f.get("note", "")))
    return rows


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def web_load_section(w):
    """The web interface under load (issue 15), when the run measured it."""
    if not w:
        return []
    aims = {"reads": 50, "writes": 100}
    rows = [(kind, f"{w[kind]['count']:,}", f"{w[kind]['p50_ms']:.1f}", f"{w[kind]['p95_ms']:.1f}",
             f"{w[kind]['p99_ms']:.1f}", f"p95 < {aims[kind]} ms",
             "met" if w[kind]["p95_ms"] < aims[kind] else "not met")
            for kind in ("reads", "writes")]
    return ["", "## The web interface under load (issue 15)", "",
            (f"Measured {w['measured_utc']} at commit {w['commit']}, apart from the figures above. " if w.get("measured_utc") else "")
            + f"`benchmarks/web_load.py` (release build): `bekal serve` over a demo facility of {w['people']:,} people"
            + (" whose active people were all exported once (status-list entries included)" if w.get("exported") else "")
            + f", {w['users']} "
            f"signed-in users (one session and keep-alive connection each, one thread each, on the same "
            f"{w['cpus']}-core machine as the server) for {w['seconds']} s; each user reads a random person's page "
            f"and every fifth request posts a training record for a random person. Throughput "
            f"{w['requests_per_second']} requests/s, {w['errors']} errors; signing the {w['users']} users in "
            f"(bcrypt, cost 12) took {w['sign_in_seconds']} s. Training events added: "
            f"{w['training_events_added']} for {w['writes_answered_303']} writes answered 303 "
            f"({'none lost or duplicated' if w['no_lost_or_duplicated'] else 'MISMATCH'}).",
            "", table(["Request", "Count", "p50 ms", "p95 ms", "p99 ms", "Aim", "Verdict"], rows), "",
            "The users send their next request as soon as the last is answered (a closed loop, no pause to read), so "
            "by Little's law the mean latency is users ÷ throughput: a 50 ms p95 with 50 such users needs about "
            "1,000 requests/s from the server. One user alone first, for the latency without a queue: reads p50 "
            f"{w['alone']['reads']['p50_ms']} ms, p95 {w['alone']['reads']['p95_ms']} ms "
            f"({w['alone']['reads']['count']} requests); writes p50 {w['alone']['writes']['p50_ms']} ms, p95 "
            f"{w['alone']['writes']['p95_ms']} ms ({w['alone']['writes']['count']})."] + paced_section(w, aims)


def paced_section(w, aims):
    """The same users pausing after each answer, as people reading a page do, when the run measured it."""
    p = w.get("paced")
    if not p:
        return []
    rows = [(kind, f"{p[kind]['count']:,}", f"{p[kind]['p50_ms']:.1f}", f"{p[kind]['p95_ms']:.1f}",
             f"{p[kind]['p99_ms']:.1f}", f"p95 < {aims[kind]} ms",
             "met" if p[kind]["p95_ms"] < aims[kind] else "not met")
            for kind in ("reads", "writes")]
    return ["", f"Then the same {w['users']} users for {p['seconds']} s, each pausing a random "
            f"{p['think_ms'] * 0.5:,.0f}–{p['think_ms'] * 1.5:,.0f} ms after every answer before the next request (a "
            f"person reads a page for several seconds; this pace is faster than any counselor clicks): "
            f"{p['requests_per_second']} requests/s offered and answered.", "",
            table(["Request", "Count", "p50 ms", "p95 ms", "p99 ms", "Aim", "Verdict"], rows)]


def bapas_section(b):
    """Receiving at a Bapas (issue 16), when the run measured it."""
    if not b:
        return []
    lo, hi = b["send_to_inbox_seconds_min_max"]
    return ["", "## Receiving at a Bapas (issue 16)", "",
            f"Measured {b['measured_utc']} at commit {b.get('commit', 'unknown')}"
            + (", apart from the figures above" if b.get("separate") else "") + ". `benchmarks/bapas_receive.py` "
            "(release build): a demo facility and a Bapas trusting it, each its own data directory; a real "
            "`bekal bapas serve` on 127.0.0.1.", "",
            table(["Figure", "Value", "How"], [
                (f"`bekal send` → verdict in the inbox, {b['achievements']}-achievement portfolio "
                 f"({b['export_bytes']:,} bytes)",
                 f"{b['send_to_inbox_seconds_median'] * 1000:.0f} ms median ({lo * 1000:.0f}–{hi * 1000:.0f} ms, "
                 f"{b['sends']} sends; verdict {', '.join(b['verdicts'])})",
                 "whole processes: `bekal send` (export, sign, status list, outbox, libcurl; the Bapas verifies and "
                 "stores before it answers), then `bekal bapas inbox` lists the new row"),
                (f"Inbox throughput, {b['deliveries']:,} deliveries of that portfolio",
                 f"{b['receive_per_second']:.1f} portfolios/s ({b['receive_seconds']:.1f} s)",
                 "one keep-alive client posting one delivery after another, each under a fresh Idempotency-Key: "
                 "authenticated, verified against the registry and stored with its exact bytes"),
            ])]


def write_markdown(r, path):
    # A memory entry of `bekal export --all` whose timing was not recorded came from a failed or refused run.
    for key in [k for k in r["memory"] if k.startswith("bekal export --all@")]:
        if "cli.export-all@" + key.split("@")[1] not in r["figures"]:
            del r["memory"][key]
    m = r["machine"]
    reps = ", ".join(f"{int(k):,} people: {v['warmups']} warm-up + {v['runs']} runs"
                     for k, v in sorted(r["repetitions"].items(), key=lambda kv: int(kv[0])))
    parts = [
        "# Bekal benchmarks",
        "",
        "Generated by `scripts/bench.sh` (do not edit by hand; notes on causes live in `benchmarks/NOTES.md`). "
        f"Run finished {r.get('finished_utc') or finished_from_log(r)}, took {r['total_seconds'] / 60:.1f} min "
        f"(built from commit {r.get('commit', 'see git log')}).",
        "",
        f"**Machine:** {m.get('nproc')} cores ({m.get('cpu')}), {m.get('memory_gib')} GiB RAM, {m.get('platform')}; "
        f"{m.get('swift')}; Python {m.get('python')}. " + load_text(m) + " Absolute times drift on this shared "
        "machine; ratios measured in the same run are the figures to read.",
        "",
        f"**Method:** every figure is the median of several runs after warm-up, with (min–max). Repetitions: {reps}; "
        "single fixed figures (export of one portfolio, portfolio read, CLI start-up) use 3 warm-ups + 21 runs; "
        "stats at 20,000 people 1 warm-up + 5 runs. "
        "Synthetic data: `DemoFacility.generate(people:seed: 1)` for 2026-11-29, ~100 events per person; the same "
        "records are written as CSV for the import benchmark. Verify and canonicalize use the 200 exports of the "
        "200-person facility (Python peers: 1 warm-up + 3 runs).",
        "",
        "## Targets (issues 5 and 17)",
        "",
        table(["Figure", "Bekal", "Peer / floor (same run, same inputs)", "Ratio", "Target", "Verdict"],
              target_rows(r)),
        "",
        "## Checks made during the run",
        "",
    ]
    for key, value in sorted(r["checks"].items()):
        parts.append(f"- {key}: {value}")
    parts += web_load_section(r.get("web_load"))
    parts += bapas_section(r.get("bapas"))
    parts += ["", "## Peak resident memory", ""]
    parts.append(table(["Process", "Peak RSS", "Wall time"],
                       [(k, f"{v['peak_rss_kib'] / 1024:.1f} MiB", f"{v['wall_s']:.1f} s")
                        for k, v in sorted(r["memory"].items())]))
    parts += ["", "## Every figure (ms per run)", "",
              table(["Figure", "Median", "Min", "Max", "CPU median", "Runs", "Items per run", "What one run does"],
                    raw_rows(r)),
              ""]
    try:
        with open(NOTES_FILE) as f:
            parts += ["## Notes (from benchmarks/NOTES.md)", "", f.read().strip(), ""]
    except OSError:
        pass
    with open(path + ".tmp", "w") as f:
        f.write("\n".join(parts))
    import os
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    # Re-renders the Markdown from a results file: python3 benchmarks/report.py benchmarks/results.json BENCHMARKS.md
    import json
    import sys
    with open(sys.argv[1]) as f:
        write_markdown(json.load(f), sys.argv[2])
