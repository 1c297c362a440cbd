#!/usr/bin/env python3
"""An independent reading of C2SP signed-note, tlog-checkpoint and tlog-cosignature (cosignature/v1), written
from the specification texts with PyPI `cryptography` only, to check Bekal's Swift implementation from outside.

  c2sp_note.py verify NOTE_FILE LOG_VKEY [COSIGNER_VKEY]
      Verifies the log's Ed25519 signature (type 0x01) and, if given, a cosignature (type 0x04); parses the
      checkpoint body. Prints `checkpoint <origin> <size> <base64 root>` and `cosigned <time>`; exit 1 on failure.
  c2sp_note.py sign SEED_HEX ORIGIN SIZE ROOT_BASE64
      Prints a signed checkpoint (key name = origin) and, after a line `vkey`, its verifier key.
"""
import base64
import binascii
import hashlib
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def key_id(name, sig_type, public_key):
    # key ID = SHA-256(key name || 0x0A || signature type || public key)[:4]
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public_key).digest()[:4]


def parse_vkey(vkey):
    # <name>+<8 hex digits>+<base64(type || key)>; the base64 part may itself contain "+".
    name, hex_id, key64 = vkey.split("+", 2)
    data = base64.b64decode(key64, validate=True)
    if len(hex_id) != 8 or key_id(name, data[0], data[1:]) != binascii.unhexlify(hex_id):
        fail("verifier key id does not match")
    return name, data[0], data[1:]


def split_note(message):
    for ch in message:
        if ord(ch) < 0x20 and ch != "\n":
            fail("control character")
    index = message.rfind("\n\n")
    if index < 0:
        fail("no blank line")
    text, block = message[: index + 1], message[index + 2:]
    if not block.endswith("\n"):
        fail("no signature lines")
    signatures = []
    for line in block[:-1].split("\n"):
        if not line.startswith("\u2014 "):
            fail("signature line without em dash")
        name, _, sig64 = line[2:].partition(" ")
        raw = base64.b64decode(sig64, validate=True)
        signatures.append((name, raw[:4], raw[4:]))
    return text, signatures


def parse_checkpoint(text):
    lines = text[:-1].split("\n")
    if len(lines) < 3 or any(line == "" for line in lines):
        fail("not a checkpoint")
    size = lines[1]
    if not size.isascii() or not size.isdigit() or (size != "0" and size.startswith("0")):
        fail("bad size")
    root = base64.b64decode(lines[2], validate=True)
    if len(root) != 32:
        fail("bad root")
    return lines[0], int(size), lines[2]


def verify(note_file, log_vkey, cosigner_vkey=None):
    with open(note_file, encoding="utf-8") as handle:
        message = handle.read()
    text, signatures = split_note(message)
    name, sig_type, public_key = parse_vkey(log_vkey)
    if sig_type != 0x01:
        fail("log key is not Ed25519")
    expected = key_id(name, 0x01, public_key)
    found = [s for s in signatures if s[0] == name and s[1] == expected]
    if not found:
        fail("no signature from the log key")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(found[0][2], text.encode())
    except InvalidSignature:
        fail("log signature does not verify")
    origin, size, root = parse_checkpoint(text)
    print(f"checkpoint {origin} {size} {root}")
    if cosigner_vkey:
        name, sig_type, public_key = parse_vkey(cosigner_vkey)
        if sig_type != 0x04:
            fail("cosigner key is not type 0x04")
        expected = key_id(name, 0x04, public_key)
        found = [s for s in signatures if s[0] == name and s[1] == expected]
        if not found or len(found[0][2]) != 72:
            fail("no cosignature")
        (timestamp,) = struct.unpack(">Q", found[0][2][:8])
        signed = f"cosignature/v1\ntime {timestamp}\n".encode() + text.encode()
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(found[0][2][8:], signed)
        except InvalidSignature:
            fail("cosignature does not verify")
        print(f"cosigned {timestamp}")


def sign(seed_hex, origin, size, root64):
    key = Ed25519PrivateKey.from_private_bytes(binascii.unhexlify(seed_hex))
    public_key = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    text = f"{origin}\n{size}\n{root64}\n"
    signature = key_id(origin, 0x01, public_key) + key.sign(text.encode())
    print(text + "\n\u2014 " + origin + " " + base64.b64encode(signature).decode(), end="\n")
    print("vkey")
    vkey_id = binascii.hexlify(key_id(origin, 0x01, public_key)).decode()
    print(f"{origin}+{vkey_id}+" + base64.b64encode(b"\x01" + public_key).decode())


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "verify":
        verify(*sys.argv[2:5])
    elif len(sys.argv) == 6 and sys.argv[1] == "sign":
        sign(*sys.argv[2:6])
    else:
        print(__doc__)
        sys.exit(2)
