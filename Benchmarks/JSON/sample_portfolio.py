"""Writes a synthetic CLR-like portfolio (25 signed achievement credentials, no real personal data) and a 40x
bigger file, then times Python's json.loads and the PyPI jcs package on them for comparison with JSONBench."""
import json, os, random, sys, time

random.seed(7)
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

def credential(i):
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:{random.getrandbits(128):032x}", "type": ["VerifiableCredential", "AchievementCredential"],
        "issuer": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "type": ["Profile"],
                   "name": "Lapas Kelas IIA — Batik Cap"},
        "validFrom": "2026-11-29T03:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "hashed": True, "identityHash": f"sha256${random.getrandbits(256):064x}",
                            "identityType": "identifier", "salt": f"{random.getrandbits(64):016x}"}],
            "achievement": {
                "id": f"urn:bekal:unit:C.14BTK00.0{i:02d}.1", "type": ["Achievement"],
                "name": "Mengecap kain batik dengan canting cap motif parang",
                "description": "Unit kompetensi SKKNI batik cap: persiapan, pengecapan, pewarnaan dan pelorodan.",
                "criteria": {"narrative": "Dinilai Kompeten oleh asesor berlisensi BNSP; bukti portofolio dan observasi."},
                "achievementType": "Competency",
                "alignment": [{"type": ["Alignment"], "targetName": "Mengecap kain", "targetUrl": "https://skkni.kemnaker.go.id/",
                               "targetCode": f"C.14BTK00.0{i:02d}.1", "targetFramework": "SKKNI Batik 2019"}]},
            "result": [{"type": ["Result"], "value": "Kompeten", "status": "Completed"},
                       {"type": ["Result"], "value": str(random.randint(1, 300))}],
            "creditsEarned": random.random() * 10, "hours": random.randint(1, 2000)},
        "evidence": [{"id": f"urn:sha256:{random.getrandbits(256):064x}", "type": ["Evidence"], "name": "Foto kain hasil cap",
                      "genre": "photo", "narrative": "Kain mori 2 × 1,15 m, motif parang rusak, pewarnaan indigo.\nDiperiksa."}],
        "credentialStatus": {"id": f"https://lapas.example/status/1#{i}", "type": "BitstringStatusListEntry",
                             "statusPurpose": "revocation", "statusListIndex": str(i),
                             "statusListCredential": "https://lapas.example/status/1"},
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "created": "2026-11-29T03:00:00Z",
                  "verificationMethod": "did:key:z6Mk#z6Mk", "proofPurpose": "assertionMethod",
                  "proofValue": "z" + "".join(random.choice(B58) for _ in range(87))}}

out = sys.argv[1]
portfolio = {"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential", "ClrCredential"],
             "credentialSubject": {"type": ["ClrSubject"], "verifiableCredential": [credential(i) for i in range(25)]}}
files = {os.path.join(out, "portfolio.json"): json.dumps(portfolio, indent=2, ensure_ascii=False),
         os.path.join(out, "big.json"): json.dumps({"portfolios": [portfolio] * 40}, ensure_ascii=False)}
for name, text in files.items():
    with open(name, "w", encoding="utf-8") as f:
        f.write(text)
try:
    import jcs
except ImportError:
    jcs = None
for name in files:
    data = open(name, "rb").read()
    runs = 10 if len(data) > 1_000_000 else 200
    parse = canon = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter(); value = json.loads(data); t1 = time.perf_counter()
        if jcs:
            jcs.canonicalize(value)
        t2 = time.perf_counter()
        parse, canon = min(parse, t1 - t0), min(canon, t2 - t1)
    print(f"{name}: {len(data) / 1048576:.2f} MiB  python json.loads {parse * 1000:.3f} ms"
          + (f"  jcs.canonicalize {canon * 1000:.3f} ms" if jcs else "  (jcs not installed)"))
