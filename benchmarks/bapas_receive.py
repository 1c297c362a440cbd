#!/usr/bin/env python3
"""Bapas receiving figures (issue 16): time from `bekal send` to the verdict in the Bapas inbox for a
25-achievement portfolio, and the inbox's throughput receiving 1,000 deliveries over loopback (each verified on
arrival against the registry and stored with its exact bytes).

    python3 benchmarks/bapas_receive.py --bekal .build/release/bekal [--deliveries 1000] [--json OUT]

Not part of the test suite (scripts/bench.sh runs it through benchmarks/run.py). Uses two fresh data directories
under a temporary directory, a real `bekal bapas serve` on 127.0.0.1 (port 0), real `bekal send` processes (export,
sign, status list, libcurl) and requests.Session for the throughput (keep-alive, sequential: one facility's outbox
sends one delivery at a time).
"""
import argparse, base64, json, os, shutil, statistics, subprocess, tempfile, time, uuid

import requests

SECRET = "rahasia-pengiriman-bench-01"
NOW = "2026-11-15T03:00:00Z"
ACHIEVEMENTS = 25


def run(bekal, home, *args, env=None):
    e = dict(os.environ, BEKAL_HOME=home, BEKAL_ACTOR="petugas.bench", BEKAL_NOW=NOW)
    e.update(env or {})
    result = subprocess.run([bekal, *args], env=e, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bekal {args[0]} failed ({result.returncode}): {result.stderr.strip()[:300]}")
    return result.stdout


def achievements(path):
    with open(path) as f:
        return len(json.load(f)["credentialSubject"].get("verifiableCredential", []))


def portfolio_of(bekal, facility, root, size):
    """The active person with the most achievements, given certificates until their export holds `size`."""
    people = json.loads(run(bekal, facility, "person", "list", "--json", "--status", "active"))
    path = os.path.join(root, "probe.json")
    best, count = None, -1
    for person in people:
        try:
            run(bekal, facility, "export", person["id"], "--out", path, "--force")
        except SystemExit:
            continue
        n = achievements(path)
        if n > count:
            best, count = person, n
    for i in range(size - count):
        run(bekal, facility, "certify", best["id"], "--issuer", "LSP Batik Bench", "--scheme", f"Skema Bench {i + 1}",
            "--number", f"BENCH-{i + 1:03d}", "--issued", "2026-10-01")
    run(bekal, facility, "export", best["id"], "--out", path, "--force")
    return best, path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bekal", required=True)
    parser.add_argument("--deliveries", type=int, default=1000)
    parser.add_argument("--sends", type=int, default=9, help="timed `bekal send` runs of the 25-achievement portfolio")
    parser.add_argument("--json", help="write the figures here as well as to stdout")
    a = parser.parse_args()
    root = tempfile.mkdtemp(prefix="bekal-bapas-bench-")
    facility, bapas = os.path.join(root, "lapas"), os.path.join(root, "bapas")
    run(a.bekal, facility, "demo", "--people", "12", "--seed", "7")
    trust = os.path.join(root, "trust.json")
    run(a.bekal, facility, "keys", "trust-list", "--out", trust)
    run(a.bekal, bapas, "init", "--facility-code", "BAPAS-BENCH", "--facility-name", "Bapas Bench")
    run(a.bekal, bapas, "bapas", "trust", "import", trust)
    secret = os.path.join(root, "secret.txt")
    with open(secret, "w") as f:
        f.write(SECRET + "\n")
    os.chmod(secret, 0o600)
    run(a.bekal, bapas, "bapas", "secret", "DEMO-LAPAS-01", "--secret-file", secret)
    person, export_path = portfolio_of(a.bekal, facility, root, ACHIEVEMENTS)
    out = open(os.path.join(root, "serve.out"), "w+")
    server = subprocess.Popen([a.bekal, "bapas", "serve", "--listen", "127.0.0.1:0"], stdout=out, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, BEKAL_HOME=bapas, BEKAL_NOW=NOW))
    try:
        base = None
        for _ in range(600):
            out.seek(0)
            line = out.readline()
            if line.startswith("Listening on "):
                base = line.split()[-1]
                break
            time.sleep(0.05)
        if base is None:
            raise SystemExit("the Bapas server did not start")
        url = base + "terima"
        # `bekal send` → verdict in the inbox: whole processes (export, sign, status list, outbox, libcurl; the
        # Bapas verifies and stores before it answers), then `bekal bapas inbox` shows the new row.
        latencies, verdicts = [], set()
        for _ in range(a.sends):
            start = time.perf_counter()
            run(a.bekal, facility, "send", person["id"], "--to", url, "--secret-file", secret)
            inbox = run(a.bekal, bapas, "bapas", "inbox")
            latencies.append(time.perf_counter() - start)
            verdicts.add(inbox.splitlines()[0].split("  ")[2] if inbox else "")
            assert len(inbox.splitlines()) == len(latencies)
        # Throughput: the same delivery under fresh keys, each verified on arrival and stored.
        with open(export_path, "rb") as f:
            export = f.read()
        body = json.dumps({"type": "BekalPortfolioDelivery", "version": 1,
                           "export": base64.b64encode(export).decode()}).encode()
        session = requests.Session()
        headers = {"Authorization": "Bearer " + SECRET, "Content-Type": "application/json"}
        start = time.perf_counter()
        cpu_start = os.times()
        for _ in range(a.deliveries):
            r = session.post(url, data=body, headers=dict(headers, **{"Idempotency-Key": f'"{uuid.uuid4()}"'}))
            assert r.status_code == 201, r.text
        elapsed = time.perf_counter() - start
        stored = len(run(a.bekal, bapas, "bapas", "inbox").splitlines())
        figures = {
            "achievements": achievements(export_path),
            "export_bytes": len(export),
            "send_to_inbox_seconds_median": statistics.median(latencies),
            "send_to_inbox_seconds_min_max": [min(latencies), max(latencies)],
            "sends": len(latencies),
            "verdicts": sorted(verdicts),
            "deliveries": a.deliveries,
            "receive_seconds": elapsed,
            "receive_per_second": a.deliveries / elapsed,
            "stored_after": stored,
            "stored_expected": len(latencies) + a.deliveries,
            "measured_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }
        text = json.dumps(figures, indent=2)
        print(text)
        if a.json:
            with open(a.json + ".tmp", "w") as f:
                f.write(text)
            os.replace(a.json + ".tmp", a.json)
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
