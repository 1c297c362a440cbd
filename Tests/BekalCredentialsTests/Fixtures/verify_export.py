#!/usr/bin/env python3
"""Independent eddsa-jcs-2022 check of a Bekal export, written from the W3C vc-di-eddsa spec only
(PyPI `jcs`, `cryptography`, `base58`): verifies the outer proof and the proof of every embedded credential.

usage: verify_export.py EXPORT.json
Prints one line per proof; exit 0 when all verify, 1 otherwise.
"""
import copy
import hashlib
import json
import sys

import base58
import jcs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def public_key(verification_method):
    did, _, fragment = verification_method.partition("#")
    assert did.startswith("did:key:z") and fragment == did[len("did:key:"):], "not a did:key method"
    decoded = base58.b58decode(fragment[1:])
    assert decoded[:2] == b"\xed\x01" and len(decoded) == 34, "not an Ed25519 multikey"
    return Ed25519PublicKey.from_public_bytes(decoded[2:])


def verify(document):
    proofs = document["proof"] if isinstance(document["proof"], list) else [document["proof"]]
    unsecured = copy.deepcopy(document)
    del unsecured["proof"]
    for proof in proofs:
        options = dict(proof)
        signature = base58.b58decode(options.pop("proofValue")[1:])
        if "@context" in options:
            assert unsecured["@context"][: len(options["@context"])] == options["@context"], "@context rule"
        hash_data = hashlib.sha256(jcs.canonicalize(options)).digest() + hashlib.sha256(jcs.canonicalize(unsecured)).digest()
        public_key(proof["verificationMethod"]).verify(signature, hash_data)
    return len(proofs)


def main(path):
    with open(path) as f:
        export = json.load(f)
    documents = [("outer", export)] + [
        (f"embedded[{i}]", vc) for i, vc in enumerate(export["credentialSubject"]["verifiableCredential"])
    ]
    failures = 0
    for label, document in documents:
        try:
            verify(document)
            print(f"{label}: verified")
        except (InvalidSignature, AssertionError, KeyError, ValueError) as error:
            failures += 1
            print(f"{label}: FAILED {type(error).__name__} {error}")
    print(f"{len(documents) - failures} of {len(documents)} credentials verified")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
