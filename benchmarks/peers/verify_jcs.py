#!/usr/bin/env python3
"""Python reference verifier for eddsa-jcs-2022 exports (PyPI jcs + cryptography + base58), the way a
Python developer would write it from the W3C spec: every proof of the outer credential and of each embedded
credential. Only the proofs are checked (no trust, validity or status policies), so it does less than Bekal.

usage: verify_jcs.py EXPORT_DIR WARMUPS RUNS
"""
import copy
import hashlib
import json
import sys

import base58
import jcs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from common import emit, export_files, measure


def public_key(verification_method):
    did, _, fragment = verification_method.partition("#")
    decoded = base58.b58decode(did[len("did:key:z"):])
    if decoded[:2] != b"\xed\x01" or len(decoded) != 34:
        raise ValueError("not an Ed25519 did:key")
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def verify_document(document):
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    unsecured = copy.deepcopy(document)
    del unsecured["proof"]
    for proof in proofs:
        options = dict(proof)
        signature = base58.b58decode(options.pop("proofValue")[1:])
        if "@context" in options and unsecured["@context"][: len(options["@context"])] != options["@context"]:
            raise ValueError("@context rule")
        hash_data = hashlib.sha256(jcs.canonicalize(options)).digest() + \
            hashlib.sha256(jcs.canonicalize(unsecured)).digest()
        public_key(proof["verificationMethod"]).verify(signature, hash_data)  # raises InvalidSignature


def verify_bytes(data):
    export = json.loads(data)
    verify_document(export)
    for embedded in export["credentialSubject"]["verifiableCredential"]:
        verify_document(embedded)


def main():
    directory, warmups, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    files = export_files(directory)

    def body():
        for data in files:
            verify_bytes(data)

    samples = measure(warmups, runs, body)
    emit("verify.python", samples, len(files), sum(map(len, files)), "json.loads + jcs + cryptography, proofs only")

    # Python's own crypto floor on the same proofs: canonical bytes precomputed, then SHA-256 x2 + Ed25519.
    proofs = []
    for data in files:
        export = json.loads(data)
        for document in [export] + export["credentialSubject"]["verifiableCredential"]:
            unsecured = copy.deepcopy(document)
            proof_list = unsecured.pop("proof")
            for proof in proof_list if isinstance(proof_list, list) else [proof_list]:
                options = dict(proof)
                signature = base58.b58decode(options.pop("proofValue")[1:])
                proofs.append((jcs.canonicalize(options), jcs.canonicalize(unsecured), signature,
                               public_key(proof["verificationMethod"])))

    def floor():
        for config, doc, signature, key in proofs:
            key.verify(signature, hashlib.sha256(config).digest() + hashlib.sha256(doc).digest())

    samples = measure(warmups, runs, floor)
    emit("verify.python-floor", samples, len(files), 0, f"{len(proofs)} proofs: hashlib SHA-256 x2 + OpenSSL Ed25519")


if __name__ == "__main__":
    main()
