# One-off: re-sign the jcs fuzz seed export with eddsa-rdfc-2022 (fuzz key = 32 bytes of 7) using pyld.
import copy, hashlib, json, os, sys, base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld
ctxdir='Sources/BekalLinkedData/Contexts'
FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-2.0.1.json",
}
docs = {u: json.load(open(os.path.join(ctxdir, f))) for u, f in FILES.items()}
loader = lambda url, options=None: {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": docs[url]}
canon = lambda v: jsonld.normalize(v, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader})
key = Ed25519PrivateKey.from_private_bytes(bytes([7]*32))
def sign(doc):
    unsecured = copy.deepcopy(doc); old = unsecured.pop("proof")
    p = dict(old[0]); p.pop("proofValue"); p.pop("@context", None); p["cryptosuite"] = "eddsa-rdfc-2022"
    cfg = dict(p); cfg["@context"] = unsecured["@context"]
    data = hashlib.sha256(canon(cfg).encode()).digest() + hashlib.sha256(canon(unsecured).encode()).digest()
    p["proofValue"] = "z" + base58.b58encode(key.sign(data)).decode()
    unsecured["proof"] = [p]
    return unsecured
s = open('Fuzz/verify-corpus/export-25.json').read()
s = s.replace("urn:bekal:certificate:Tukang Cap", "urn:bekal:certificate:Tukang%20Cap").replace("urn:bekal:certificate:Tukang Celup", "urn:bekal:certificate:Tukang%20Celup")
d = json.loads(s)
d["credentialSubject"]["verifiableCredential"] = [sign(vc) for vc in d["credentialSubject"]["verifiableCredential"]]
d = sign(d)
json.dump(d, open('Fuzz/verify-corpus/export-25-rdfc.json', 'w'), separators=(",", ":"))
