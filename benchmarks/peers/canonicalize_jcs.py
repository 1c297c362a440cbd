#!/usr/bin/env python3
"""PyPI jcs.canonicalize on the same export documents, already loaded (parsing not timed).

usage: canonicalize_jcs.py EXPORT_DIR WARMUPS RUNS
"""
import json
import os
import sys

import jcs

from common import emit, measure


def main():
    directory, warmups, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    names = sorted(n for n in os.listdir(directory) if n.endswith(".json"))
    documents = []
    for name in names:
        with open(os.path.join(directory, name), "rb") as f:
            documents.append(json.loads(f.read()))
    output = sum(len(jcs.canonicalize(d)) for d in documents)
    samples = measure(warmups, runs, lambda: [jcs.canonicalize(d) for d in documents])
    emit("jcs.python", samples, len(documents), output, "bytes = canonical output")


if __name__ == "__main__":
    main()
