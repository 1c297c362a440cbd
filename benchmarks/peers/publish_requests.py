#!/usr/bin/env python3
"""Python requests with one Session (connection reuse): the same payload POSTed COUNT times, each with its
own Idempotency-Key, to the same loopback receiver; every answer must be 2xx.

usage: publish_requests.py URL PAYLOAD COUNT WARMUPS RUNS
"""
import sys
import uuid

import requests

from common import emit, measure


def main():
    url, payload_path, count, warmups, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    with open(payload_path, "rb") as f:
        body = f.read()
    session = requests.Session()

    def body_run():
        for _ in range(count):
            response = session.post(url, data=body, timeout=10, headers={
                "Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())})
            if response.status_code // 100 != 2:
                raise SystemExit(f"receiver answered {response.status_code}")

    samples = measure(warmups, runs, body_run)
    emit("publish.requests", samples, count, len(body), "requests.Session, keep-alive")


if __name__ == "__main__":
    main()
