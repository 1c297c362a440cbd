#!/usr/bin/env python3
"""Load on `bekal serve`: concurrent signed-in users reading person pages and posting training records.

A benchmark, not a test (issue 15): builds a demo facility of --people fake people, exports everyone active once
(so the status list holds what a working facility's does), gives the demo counselor a
random password, starts `bekal serve` on a loopback port, signs --users users in (each its own session), then
each user repeats for --seconds: GET a random person's page (read) and, every --write-every requests, POST a
training record for a random person (write). First one user alone for 10 s (the latency with no queue),
then all users together with no pause between requests (a closed loop: the server's saturation), then, with
--think-ms, all users again pausing a random 0.5–1.5 × that many milliseconds after each answer (people reading
the page they asked for). Reports p50/p95/p99 latency per kind and throughput for each phase, then counts the
training events in the ledger: every 303 answer must be exactly one event (nothing lost or duplicated).

usage: web_load.py --bekal BIN --work DIR [--people 2000] [--users 50] [--seconds 30] [--write-every 5]
                   [--think-ms 1000] [--json OUT]
Only the Python standard library: http.client over keep-alive connections, one thread per user.
"""
import argparse
import http.client
import json
import os
import random
import re
import secrets
import subprocess
import sys
import threading
import time

def percentile(samples, p):
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    k = (len(ordered) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


class User:
    def __init__(self, port, account, password):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""
        self.csrf = ""
        self.account = account
        self.password = password

    def request(self, method, path, body=None):
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie" and value.startswith("bekal_session="):
                self.cookie = value.split(";", 1)[0]
        token = re.search(r'name="_csrf" value="([^"]+)"', data)
        if token:
            self.csrf = token.group(1)
        return response.status, data

    def sign_in(self):
        from urllib.parse import urlencode
        self.request("GET", "/masuk")
        status, _ = self.request("POST", "/masuk", urlencode({"akun": self.account, "sandi": self.password, "_csrf": self.csrf}))
        if status != 303:
            raise SystemExit("sign-in failed with HTTP %d" % status)
        self.request("GET", "/")


def main():
    from urllib.parse import urlencode
    parser = argparse.ArgumentParser()
    parser.add_argument("--bekal", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--write-every", type=int, default=5)
    parser.add_argument("--think-ms", type=float, default=0,
                        help="also run a paced phase: each user pauses about this long after each answer")
    parser.add_argument("--json")
    args = parser.parse_args()

    home = os.path.join(args.work, "web-load-home")
    subprocess.run(["rm", "-rf", home], check=True)
    env = dict(os.environ, BEKAL_HOME=home, BEKAL_ACCOUNT="demo.admin")
    env.pop("BEKAL_LOG_LEVEL", None)
    subprocess.run([args.bekal, "demo", "--people", str(args.people), "--seed", "7"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    password = "muat-" + secrets.token_hex(12)
    secret_file = os.path.join(args.work, "web-load-password")
    with open(os.open(secret_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
        handle.write(password + "\n")
    subprocess.run([args.bekal, "user", "password", "demo.wali", "--password-file", secret_file], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    # A facility that has exported everyone once, as one does before releases: each export leaves ~10 status-list
    # entries per person, and a page that read the whole list would show it here (it did: 20 ms a page).
    exports = os.path.join(args.work, "web-load-exports")
    subprocess.run(["rm", "-rf", exports], check=True)
    subprocess.run([args.bekal, "export", "--all", "--status", "active", "--cryptosuite", "eddsa-jcs-2022",
                    "--out-dir", exports], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["rm", "-rf", exports], check=True)
    people = subprocess.run([args.bekal, "person", "list", "--status", "active", "--json"], env=env,
                            check=True, capture_output=True, text=True).stdout
    ids = [p["id"] for p in json.loads(people)]
    events_before = count_training(args.bekal, env, ids)

    server = subprocess.Popen([args.bekal, "serve", "--listen", "127.0.0.1:0"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline()
        port = int(re.search(r":(\d+)/", line).group(1))
        users = [User(port, "demo.wali", password) for _ in range(args.users)]
        start = time.perf_counter()
        for user in users:
            user.sign_in()
        sign_in_seconds = time.perf_counter() - start
        reads, writes, errors, saved = [], [], [], [0]
        lock = threading.Lock()

        def work(user, seed, think=0.0):
            rng = random.Random(seed)
            n = 0
            while time.perf_counter() < deadline[0]:
                if think and n:
                    time.sleep(think * rng.uniform(0.5, 1.5))
                    if time.perf_counter() >= deadline[0]:
                        break
                n += 1
                person = rng.choice(ids)
                if n % args.write_every == 0:
                    body = urlencode({"date": today_text(), "hours": "1,5", "topic": "Uji beban",
                                      "trainer": "Mentor Uji", "_csrf": user.csrf})
                    t0 = time.perf_counter()
                    status, _ = user.request("POST", "/wbp/%s/pelatihan" % person, body)
                    elapsed = time.perf_counter() - t0
                    with lock:
                        (writes if status == 303 else errors).append(elapsed)
                        if status == 303:
                            saved[0] += 1
                else:
                    t0 = time.perf_counter()
                    status, _ = user.request("GET", "/wbp/%s" % person)
                    elapsed = time.perf_counter() - t0
                    with lock:
                        (reads if status == 200 else errors).append(elapsed)

        # One user alone first: the latency of a request with nobody else in the queue.
        deadline = [time.perf_counter() + min(10, args.seconds)]
        work(users[0], -1)
        unloaded = {"reads": reads[:], "writes": writes[:]}
        alone_errors = len(errors)
        reads.clear()
        writes.clear()
        deadline = [time.perf_counter() + args.seconds]

        def phase(think):
            threads = [threading.Thread(target=work, args=(user, i, think)) for i, user in enumerate(users)]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return time.perf_counter() - began

        elapsed = phase(0.0)
        closed = {"seconds": round(elapsed, 1),
                  "requests_per_second": round((len(reads) + len(writes)) / elapsed, 1), **summary(reads, writes)}
        paced = None
        if args.think_ms > 0:
            reads.clear()
            writes.clear()
            deadline = [time.perf_counter() + args.seconds]
            paced_elapsed = phase(args.think_ms / 1000)
            paced = {"think_ms": args.think_ms, "seconds": round(paced_elapsed, 1),
                     "requests_per_second": round((len(reads) + len(writes)) / paced_elapsed, 1),
                     **summary(reads, writes)}
    finally:
        server.terminate()
        server.wait()
    events_after = count_training(args.bekal, env, ids)
    result = {
        "people": args.people, "exported": True, "users": args.users, **closed,
        "sign_in_seconds": round(sign_in_seconds, 2),
        "errors": len(errors),
        "alone": {kind: {"count": len(v), "p50_ms": round(percentile(v, 50) * 1000, 1),
                         "p95_ms": round(percentile(v, 95) * 1000, 1)} for kind, v in unloaded.items()},
        "training_events_added": events_after - events_before, "writes_answered_303": saved[0],
        "cpus": os.cpu_count(),
    }
    if paced:
        result["paced"] = paced
    result["no_lost_or_duplicated"] = result["training_events_added"] == result["writes_answered_303"]
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle, indent=2)
    return 0 if result["no_lost_or_duplicated"] and not errors and not alone_errors else 1


def summary(reads, writes):
    """Count and p50/p95/p99 in milliseconds for each kind of request."""
    return {kind: {"count": len(v), **{"p%d_ms" % p: round(percentile(v, p) * 1000, 1) for p in (50, 95, 99)}}
            for kind, v in (("reads", reads), ("writes", writes))}


def today_text():
    """Today at the facility (WIB, UTC+7): the demo's records run up to today and a record may not be later."""
    return time.strftime("%Y-%m-%d", time.gmtime(time.time() + 7 * 3600))


def count_training(bekal, env, ids):
    """Training events in the ledger, read from the SQLite file (read-only, the server stopped)."""
    import sqlite3
    path = os.path.join(env["BEKAL_HOME"], "bekal.sqlite")
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return connection.execute("SELECT count(*) FROM ledger_event WHERE type = 'training.recorded'").fetchone()[0]
    finally:
        connection.close()


if __name__ == "__main__":
    sys.exit(main())
