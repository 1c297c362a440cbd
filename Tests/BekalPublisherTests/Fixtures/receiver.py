#!/usr/bin/env python3
"""A metrics receiver for Bekal's publisher tests (Python standard library only).

Listens on 127.0.0.1 (port 0 unless --port), prints the port on the first line of stdout, and appends one JSON
line per request to --log: the raw request line, headers, body (base64), the client's port and what it did.

Reports are deduplicated by Idempotency-Key: the same key with the same body answers 200 without a new delivery;
the same key with a different body answers 422. Faults are injected from a queue set by
POST /control/faults with a JSON list; each report request takes the next fault:
  "500"          answer 500
  "503:N"        answer 503 with Retry-After: N
  "429:N"        answer 429 with Retry-After: N (seconds) or "429:date" (an HTTP date 1 s ahead)
  "400"          answer 400 with a reason (permanent)
  "slow:S"       accept the report, then wait S seconds before answering
  "hold"         read the request, log it as "held", and neither accept nor answer it until
                 POST /control/release; then handle it as usual
  "close"        read the request, send half a status line and close the connection
  "big"          answer 500 with a 1 MiB body
With --tls-cert/--tls-key it serves HTTPS.
"""
import argparse, base64, email.utils, hashlib, json, signal, socket, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
released = threading.Event()
faults = []
seen = {}  # idempotency key -> body sha256


def main():
    # A parent may start us with SIGTERM blocked; make it stop us as usual.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()

    def record(entry):
        with lock:
            with open(args.log, "a") as f:
                f.write(json.dumps(entry) + "\n")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes; without TCP_NODELAY each response waits for a delayed ACK.
        disable_nagle_algorithm = True

        def log_message(self, *a):
            pass

        def reply(self, status, body=b"", headers=()):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length)

        def handle_report(self):
            body = self.read_body()
            with lock:
                fault = faults.pop(0) if faults else "ok"
            key = (self.headers.get("Idempotency-Key") or "").strip().strip('"')
            entry = {"requestline": self.requestline, "headers": list(self.headers.items()),
                     "body": base64.b64encode(body).decode(), "client_port": self.client_address[1],
                     "key": key, "fault": fault}
            if fault == "hold":
                record(dict(entry, outcome="held"))
                released.wait()
                fault = "ok"
            if fault == "close":
                record(dict(entry, outcome="closed"))
                self.wfile.write(b"HTTP/1.1 20")
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault in ("500", "400", "big") or fault.startswith(("503", "429")):
                record(dict(entry, outcome="fault"))
                if fault == "500":
                    return self.reply(500, b"internal error")
                if fault == "big":
                    return self.reply(500, b"x" * (1 << 20))
                if fault == "400":
                    return self.reply(400, b"report rejected:\x01 period\nnot accepted")
                status, _, after = fault.partition(":")
                if after == "date":
                    after = email.utils.formatdate(time.time() + 1, usegmt=True)
                return self.reply(int(status), b"busy", [("Retry-After", after)])
            if not key:
                record(dict(entry, outcome="no-key"))
                return self.reply(400, b"Idempotency-Key required")
            digest = hashlib.sha256(body).hexdigest()
            with lock:
                previous = seen.get(key)
                if previous is None:
                    seen[key] = digest
            if previous is not None and previous != digest:
                record(dict(entry, outcome="conflict"))
                return self.reply(422, b"Idempotency-Key reused with a different body")
            record(dict(entry, outcome="duplicate" if previous else "delivered"))
            if fault.startswith("slow:"):
                time.sleep(float(fault.split(":")[1]))
            self.reply(200 if previous else 201, b'{"status":"ok"}', [("Content-Type", "application/json")])

        def do_POST(self):
            if self.path == "/control/faults":
                new = json.loads(self.read_body() or b"[]")
                with lock:
                    faults[:] = new
                return self.reply(204)
            if self.path == "/control/release":
                released.set()
                return self.reply(204)
            self.handle_report()

        def do_PUT(self):
            self.handle_report()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
