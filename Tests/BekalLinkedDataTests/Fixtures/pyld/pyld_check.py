#!/usr/bin/env python3
"""Independent check with pyld: canonicalize a Data Integrity document offline and verify its
eddsa-rdfc-2022 proofs.

usage: pyld_check.py CONTEXT_MAP_JSON DOCUMENT_JSON
  CONTEXT_MAP_JSON: {"<context URL>": "<file path>", ...}; any other URL is refused.
Prints the canonical N-Quads of the document without its proof, then one line per proof:
"PROOF <index> VALID" or "PROOF <index> INVALID".
"""
import copy
import hashlib
import json
import sys

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld


def main():
    with open(sys.argv[1]) as f:
        url_map = json.load(f)
    with open(sys.argv[2]) as f:
        document = json.load(f)

    def loader(url, options=None):
        if url not in url_map:
            raise jsonld.JsonLdError("context not bundled", "jsonld.LoadDocumentError", code="loading document failed")
        with open(url_map[url]) as f:
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                    "document": json.load(f)}

    def canonize(value):
        return jsonld.normalize(value, {"algorithm": "URDNA2015", "format": "application/n-quads",
                                        "documentLoader": loader, "safe": True})

    unsecured = copy.deepcopy(document)
    proofs = unsecured.pop("proof", None)
    proofs = proofs if isinstance(proofs, list) else ([proofs] if proofs else [])
    sys.stdout.write(canonize(unsecured))
    for index, proof in enumerate(proofs):
        config = {k: v for k, v in proof.items() if k != "proofValue"}
        config["@context"] = unsecured["@context"]
        hash_data = hashlib.sha256(canonize(config).encode()).digest() + \
            hashlib.sha256(canonize(unsecured).encode()).digest()
        did = proof["verificationMethod"].split("#")[0]
        key_bytes = base58.b58decode(did[len("did:key:z"):])
        assert key_bytes[:2] == b"\xed\x01"
        signature = base58.b58decode(proof["proofValue"][1:])
        try:
            Ed25519PublicKey.from_public_bytes(key_bytes[2:]).verify(signature, hash_data)
            print(f"PROOF {index} VALID")
        except Exception:
            print(f"PROOF {index} INVALID")


if __name__ == "__main__":
    main()
