#!/usr/bin/env python3
"""pyld (URDNA2015 = RDFC-1.0) canonicalization and eddsa-rdfc-2022 verification time for the same inputs as
Benchmarks/LinkedData/main.swift, with the bundled contexts served offline.
usage: pyld_bench.py CONTEXT_DIR DOCUMENT..."""
import copy, hashlib, json, os, sys, time

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
    "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
    "https://www.w3.org/ns/did/v1": "did-v1.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
}
docs = {url: json.load(open(os.path.join(sys.argv[1], f))) for url, f in FILES.items()}


def loader(url, options=None):
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": docs[url]}


def canonize(value):
    return jsonld.normalize(value, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader})


def measure(label, runs, body):
    body()
    start = time.perf_counter()
    for _ in range(runs):
        body()
    print("%-52s %8.3f ms per run (%d runs)" % (label, (time.perf_counter() - start) / runs * 1000, runs))


for path in sys.argv[2:]:
    secured = json.load(open(path))
    unsecured = copy.deepcopy(secured)
    proof = unsecured.pop("proof")
    name = os.path.basename(path)
    measure("pyld canonicalize " + name, 20, lambda: canonize(unsecured))

    def verify():
        config = {k: v for k, v in proof.items() if k != "proofValue"}
        config["@context"] = unsecured["@context"]
        data = hashlib.sha256(canonize(config).encode()).digest() + hashlib.sha256(canonize(unsecured).encode()).digest()
        key = base58.b58decode(proof["verificationMethod"].split("#")[0][len("did:key:z"):])[2:]
        Ed25519PublicKey.from_public_bytes(key).verify(base58.b58decode(proof["proofValue"][1:]), data)

    measure("pyld verify " + name, 20, verify)
