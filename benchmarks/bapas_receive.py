#!/usr/bin/env python3
"""Bapas receiving figures (issue 16): time from `bekal send` to the verdict in the Bapas inbox, and the inbox's
throughput receiving 1,000 deliveries over loopback (each verified on arrival and stored).

    python3 benchmarks/bapas_receive.py --bekal .build/release/bekal [--deliveries 1000]

Not part of the test suite. Uses two fresh data directories under a temporary directory, a real
`bekal bapas serve` on 127.0.0.1 (port 0) and requests.Session for the throughput (keep-alive, sequential).
"""
import argparse, base64, json, os, statistics, subprocess, tempfile, time, uuid

import requests

SECRET = "rahasia-pengiriman-bench-01"
NOW = "2026-11-15T03:00:00Z"


def run(bekal, home, *args, env=None):
    e = dict(os.environ, BEKAL_HOME=home, BEKAL_ACTOR="petugas.bench", BEKAL_NOW=NOW)
    e.update(env or {})
    result = subprocess.run([bekal, *args], env=e, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bekal {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bekal", required=True)
    parser.add_argument("--deliveries", type=int, default=1000)
    parser.add_argument("--people", type=int, default=8)
    a = parser.parse_args()
    root = tempfile.mkdtemp(prefix="bekal-bapas-bench-")
    facility, bapas = os.path.join(root, "lapas"), os.path.join(root, "bapas")
    run(a.bekal, facility, "demo", "--people", str(a.people), "--seed", "7")
    trust = os.path.join(root, "trust.json")
    run(a.bekal, facility, "keys", "trust-list", "--out", trust)
    run(a.bekal, bapas, "init", "--facility-code", "BAPAS-BENCH", "--facility-name", "Bapas Bench")
    run(a.bekal, bapas, "bapas", "trust", "import", trust)
    secret = os.path.join(root, "secret.txt")
    with open(secret, "w") as f:
        f.write(SECRET + "\n")
    os.chmod(secret, 0o600)
    run(a.bekal, bapas, "bapas", "secret", "DEMO-LAPAS-01", "--secret-file", secret)
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
        url = base + "terima"
        people = json.loads(run(a.bekal, facility, "person", "list", "--json", "--status", "active"))
        # Send → verdict in the inbox, per person (whole processes: export, sign, status list, libcurl, verify, store).
        latencies, achievements = [], []
        for person in people:
            start = time.perf_counter()
            try:
                run(a.bekal, facility, "send", person["id"], "--to", url, "--secret-file", secret)
            except SystemExit:
                continue
            inbox = run(a.bekal, bapas, "bapas", "inbox")
            latencies.append(time.perf_counter() - start)
            assert len(inbox.splitlines()) == len(latencies)
        # Throughput: the same delivery under fresh keys, each verified and stored.
        export_path = os.path.join(root, "export.json")
        run(a.bekal, facility, "export", people[0]["id"], "--out", export_path)
        body = json.dumps({"type": "BekalPortfolioDelivery", "version": 1,
                           "export": base64.b64encode(open(export_path, "rb").read()).decode()}).encode()
        session = requests.Session()
        headers = {"Authorization": "Bearer " + SECRET, "Content-Type": "application/json"}
        start = time.perf_counter()
        for _ in range(a.deliveries):
            r = session.post(url, data=body, headers=dict(headers, **{"Idempotency-Key": f'"{uuid.uuid4()}"'}))
            assert r.status_code == 201, r.text
        elapsed = time.perf_counter() - start
        print(json.dumps({
            "send_to_inbox_seconds_median": statistics.median(latencies),
            "send_to_inbox_seconds_min_max": [min(latencies), max(latencies)],
            "portfolios_sent": len(latencies),
            "receive_per_second": a.deliveries / elapsed,
            "deliveries": a.deliveries,
            "export_bytes": os.path.getsize(export_path),
        }, indent=2))
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
