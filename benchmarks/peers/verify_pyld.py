#!/usr/bin/env python3
"""Python reference verifier for eddsa-rdfc-2022 exports (PyPI pyld + cryptography + base58), written from the
W3C vc-di-eddsa spec: for every proof of the outer credential and of each embedded credential, JSON-LD to RDF and
RDFC-1.0 (URDNA2015) of the proof configuration and of the document, SHA-256 of each, Ed25519 verify. Contexts are
the ones Bekal bundles (any other URL is refused). Only the proofs are checked, so it does less than Bekal.

usage: verify_pyld.py CONTEXT_MAP_JSON EXPORT_DIR WARMUPS RUNS
"""
import copy
import hashlib
import json
import sys

import base58
from pyld import jsonld

from common import bundled_loader, emit, export_files, measure
from verify_jcs import public_key


def main():
    map_path, directory, warmups, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    loader = bundled_loader(map_path)

    options = {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader, "safe": True}

    def canonical(document):
        return jsonld.normalize(document, options).encode()

    def verify_document(document):
        proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
        unsecured = copy.deepcopy(document)
        del unsecured["proof"]
        for proof in proofs:
            if proof.get("cryptosuite") != "eddsa-rdfc-2022":
                raise ValueError("not an eddsa-rdfc-2022 proof")
            config = dict(proof)
            signature = base58.b58decode(config.pop("proofValue")[1:])
            config["@context"] = unsecured["@context"]
            hash_data = hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(unsecured)).digest()
            public_key(proof["verificationMethod"]).verify(signature, hash_data)  # raises InvalidSignature

    files = export_files(directory)

    def body():
        for data in files:
            export = json.loads(data)
            verify_document(export)
            for embedded in export["credentialSubject"]["verifiableCredential"]:
                verify_document(embedded)

    samples = measure(warmups, runs, body)
    emit("verify.python.rdfc", samples, len(files), sum(map(len, files)),
         "json.loads + pyld URDNA2015 + cryptography, proofs only")


if __name__ == "__main__":
    main()
