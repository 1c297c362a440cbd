#!/usr/bin/env python3
"""Independent eddsa-rdfc-2022 check of a Bekal export with PyPI `pyld` (URDNA2015 = RDFC-1.0), `cryptography` and
`base58`, written from the W3C vc-di-eddsa spec: canonicalizes the outer credential and every embedded one (without
proofs), verifies each eddsa-rdfc-2022 proof, and checks that JSON-LD expansion kept every value of the document
(pyld 2.0.4 has no safe mode, so this counts values instead).

usage: verify_export_rdfc.py CONTEXT_MAP_JSON EXPORT_JSON OUT_JSON
  CONTEXT_MAP_JSON: {"<context URL>": "<file>"}; any other URL is refused (never fetched).
  OUT_JSON receives {"outer": nquads, "embedded": [nquads, ...]}.
Prints one line per credential and a summary; exit 0 when every proof verifies and nothing was dropped, else 1.
"""
import copy
import hashlib
import json
import sys

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

with open(sys.argv[1]) as f:
    URL_MAP = json.load(f)


def loader(url, options=None):
    if url not in URL_MAP:
        raise jsonld.JsonLdError("context not bundled", "jsonld.LoadDocumentError", code="loading document failed")
    with open(URL_MAP[url]) as f:
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": json.load(f)}


OPTIONS = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}


def canonize(value):
    return jsonld.normalize(value, dict(OPTIONS))


def compact_values(value):
    """Scalars of the compact document, @context excluded: each must survive expansion."""
    if isinstance(value, dict):
        return sum(compact_values(v) for k, v in value.items() if k != "@context")
    if isinstance(value, list):
        return sum(compact_values(v) for v in value)
    return 1


def expanded_values(value):
    """@value, @id and node @type entries of the expanded form (a value object's datatype is not a document value)."""
    if isinstance(value, list):
        return sum(expanded_values(v) for v in value)
    if not isinstance(value, dict):
        return 0
    if "@value" in value:
        return 1
    count = 0
    for key, item in value.items():
        if key == "@id":
            count += 1
        elif key == "@type":
            count += len(item) if isinstance(item, list) else 1
        else:
            count += expanded_values(item)
    return count


def verify(document):
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    unsecured = copy.deepcopy(document)
    del unsecured["proof"]
    nquads = canonize(unsecured)
    document_hash = hashlib.sha256(nquads.encode()).digest()
    checked = 0
    for proof in proofs:
        if proof.get("cryptosuite") != "eddsa-rdfc-2022":
            continue
        config = {k: v for k, v in proof.items() if k != "proofValue"}
        config["@context"] = unsecured["@context"]
        hash_data = hashlib.sha256(canonize(config).encode()).digest() + document_hash
        did = proof["verificationMethod"].split("#")[0]
        key = base58.b58decode(did[len("did:key:z"):])
        assert key[:2] == b"\xed\x01" and len(key) == 34, "not an Ed25519 did:key"
        Ed25519PublicKey.from_public_bytes(key[2:]).verify(base58.b58decode(proof["proofValue"][1:]), hash_data)
        checked += 1
    assert checked > 0, "no eddsa-rdfc-2022 proof"
    return nquads


def main(map_path, export_path, out_path):
    with open(export_path) as f:
        export = json.load(f)
    embedded = export["credentialSubject"]["verifiableCredential"]
    documents = [("outer", export)] + [(f"embedded[{i}]", vc) for i, vc in enumerate(embedded)]
    failures = 0
    canonical = {"outer": None, "embedded": []}
    for label, document in documents:
        try:
            nquads = verify(document)
            print(f"{label}: verified")
        except (InvalidSignature, AssertionError, KeyError, ValueError, jsonld.JsonLdError) as error:
            failures += 1
            nquads = None
            print(f"{label}: FAILED {type(error).__name__}")
        if label == "outer":
            canonical["outer"] = nquads
        else:
            canonical["embedded"].append(nquads)
    print(f"{len(documents) - failures} of {len(documents)} credentials verified")
    before = compact_values(export)
    after = expanded_values(jsonld.expand(export, {"documentLoader": loader}))
    print(f"values: {before} in the document, {after} after JSON-LD expansion")
    if before != after:
        print("coverage: DROPPED")
        failures += 1
    with open(out_path, "w") as f:
        json.dump(canonical, f)
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
