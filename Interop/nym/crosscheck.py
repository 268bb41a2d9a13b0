#!/usr/bin/env python3
"""An independent re-implementation of the nym profile (sphinx-packet 0.6.0, versions 258 and
259), written from SPEC.md alone, that recomputes every valid case of the nym vector files and
compares each recorded value with its own, field by field.

Written from SPEC.md chapters 1, 2 (2.1 to 2.7 and 2.x), 3, 4.1, 5, 6 and 9, without reading the
Swift sources. Different language, different libraries:
- X25519: the Montgomery ladder of RFC 7748 §5, in pure Python (checked against RFC 7748 §5.2's
  first test vector before use);
- AES-128-CTR: the `cryptography` package (OpenSSL);
- HMAC-SHA256, HKDF (RFC 5869, written here on hmac), keyed BLAKE2b: Python's hashlib/hmac;
- ChaCha20, original 8-byte-nonce variant: pure Python (checked against
  draft-agl-tls-chacha20poly1305-04 §7, test vector 5, before use);
- LIONESS with ChaCha20 and BLAKE2b as SPEC.md §2.x describes it.

It also checks each generated case's inputs against the deterministic random source
(VEC-SEED-1, VEC-NYM-DRAW-1), that it rejects the cases of invalid.json marked invalid, and
runs the mix node of TestVectors/loopix/node_mix.json (SPEC.md §8.11 and §9.6) itself: every
input packet remade from its source, every forward at arrival + the header delay (clamped),
every drop with its reason.

Usage (from the repository root):  .venv-interop/bin/python Interop/nym/crosscheck.py
Prints `FILE: N passed, N failed` per file and last `N passed, N failed`; exits 1 on any failure.
See Interop/nym/README.md.
"""

import hashlib
import hmac
import json
import os
import sys
import time

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

# ---------------------------------------------------------------------------------------------
# Primitives (SPEC.md chapter 2)
# ---------------------------------------------------------------------------------------------


class Reject(Exception):
    """An input the implementation rejects; `name` follows SPEC.md VEC-ERRORS-1 where we can."""

    def __init__(self, name, detail=""):
        super().__init__(f"{name}: {detail}" if detail else name)
        self.name = name


def xor(a, b):
    assert len(a) == len(b), (len(a), len(b))
    return (int.from_bytes(a, "little") ^ int.from_bytes(b, "little")).to_bytes(len(a), "little")


# --- X25519, RFC 7748 §5 (SPEC.md 2.1) ---

P25519 = 2**255 - 19
A24 = 121665


def x25519(k, u):
    """RFC 7748 §5: clamp k, decode u (masking bit 255), Montgomery ladder, encode.
    Raises Reject('smallOrderGroupElement') on an all-zero result (SPEC.md 2.1, all-zero check)."""
    if len(k) != 32 or len(u) != 32:
        raise Reject("invalidInputLength", "X25519 scalar and point are 32 bytes")
    kb = bytearray(k)
    kb[0] &= 248
    kb[31] &= 127
    kb[31] |= 64
    scalar = int.from_bytes(kb, "little")
    x1 = int.from_bytes(u, "little") & ((1 << 255) - 1)
    x2, z2, x3, z3 = 1, 0, x1, 1
    swap = 0
    p = P25519
    for t in range(254, -1, -1):
        kt = (scalar >> t) & 1
        swap ^= kt
        if swap:
            x2, x3 = x3, x2
            z2, z3 = z3, z2
        swap = kt
        a = (x2 + z2) % p
        aa = a * a % p
        b = (x2 - z2) % p
        bb = b * b % p
        e = (aa - bb) % p
        c = (x3 + z3) % p
        d = (x3 - z3) % p
        da = d * a % p
        cb = c * b % p
        x3 = (da + cb) % p
        x3 = x3 * x3 % p
        z3 = (da - cb) % p
        z3 = x1 * (z3 * z3 % p) % p
        x2 = aa * bb % p
        z2 = e * (aa + A24 * e) % p
    if swap:
        x2, x3 = x3, x2
        z2, z3 = z3, z2
    out = (x2 * pow(z2, p - 2, p) % p).to_bytes(32, "little")
    if out == bytes(32):
        raise Reject("smallOrderGroupElement", "X25519 gave the all-zero value")
    return out


BASE_POINT = (9).to_bytes(32, "little")


# --- ChaCha20, original variant: 64-bit counter then 8-byte nonce (SPEC.md 2.6) ---

def _rotl(v, c):
    return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))


def _chacha_block(key_words, counter, nonce_words):
    s = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574] + key_words + [
        counter & 0xFFFFFFFF, (counter >> 32) & 0xFFFFFFFF] + nonce_words
    x = list(s)
    for _ in range(10):
        for a, b, c, d in ((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
                           (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14)):
            x[a] = (x[a] + x[b]) & 0xFFFFFFFF
            x[d] = _rotl(x[d] ^ x[a], 16)
            x[c] = (x[c] + x[d]) & 0xFFFFFFFF
            x[b] = _rotl(x[b] ^ x[c], 12)
            x[a] = (x[a] + x[b]) & 0xFFFFFFFF
            x[d] = _rotl(x[d] ^ x[a], 8)
            x[c] = (x[c] + x[d]) & 0xFFFFFFFF
            x[b] = _rotl(x[b] ^ x[c], 7)
    return b"".join(((x[i] + s[i]) & 0xFFFFFFFF).to_bytes(4, "little") for i in range(16))


def chacha20_original_keystream(key, nonce, n, counter=0):
    assert len(key) == 32 and len(nonce) == 8
    kw = [int.from_bytes(key[4 * i:4 * i + 4], "little") for i in range(8)]
    nw = [int.from_bytes(nonce[0:4], "little"), int.from_bytes(nonce[4:8], "little")]
    out = bytearray()
    while len(out) < n:
        out += _chacha_block(kw, counter & 0xFFFFFFFFFFFFFFFF, nw)
        counter += 1
    return bytes(out[:n])


# --- AES-128-CTR through OpenSSL (SPEC.md 2.5) ---

def aes128_ctr_keystream(key, iv, n):
    enc = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return enc.update(bytes(n)) + enc.finalize()


# --- HMAC-SHA256 and HKDF-SHA256, RFC 5869 (SPEC.md 2.3, 2.4) ---

def hmac_sha256(key, msg):
    return hmac.new(key, msg, hashlib.sha256).digest()


def hkdf_sha256(salt, ikm, info, length):
    if not salt:
        salt = bytes(32)
    prk = hmac_sha256(salt, ikm)
    okm, t, i = b"", b"", 1
    while len(okm) < length:
        t = hmac_sha256(prk, t + info + bytes([i]))
        okm += t
        i += 1
    return okm[:length]


# --- BLAKE2b keyed (SPEC.md 2.7) ---

def blake2b(key, msg, n):
    return hashlib.blake2b(msg, key=key, digest_size=n).digest()


# --- LIONESS with ChaCha20 and BLAKE2b (SPEC.md 2.x) ---

def _lioness_s(k, x):
    return xor(x, chacha20_original_keystream(k, bytes(8), len(x)))


def _lioness_h(k, x):
    return blake2b(k, x, 32)


def lioness_encrypt(key, block):
    assert len(key) == 192 and len(block) > 32
    k1, k2, k3, k4 = key[0:32], key[32:96], key[96:128], key[128:192]
    left, right = block[:32], block[32:]
    right = _lioness_s(xor(left, k1), right)
    left = xor(left, _lioness_h(k2, right))
    right = _lioness_s(xor(left, k3), right)
    left = xor(left, _lioness_h(k4, right))
    return left + right


def lioness_decrypt(key, block):
    assert len(key) == 192 and len(block) > 32
    k1, k2, k3, k4 = key[0:32], key[32:96], key[96:128], key[128:192]
    left, right = block[:32], block[32:]
    left = xor(left, _lioness_h(k4, right))
    right = _lioness_s(xor(left, k3), right)
    left = xor(left, _lioness_h(k2, right))
    right = _lioness_s(xor(left, k1), right)
    return left + right


def self_test():
    """Published known answers, checked before anything else runs."""
    # RFC 7748 §5.2, first test vector.
    got = x25519(bytes.fromhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                 bytes.fromhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
    assert got.hex() == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", "X25519 KAT"
    # draft-agl-tls-chacha20poly1305-04 §7, test vector 5 (first 128 of its 256 bytes).
    got = chacha20_original_keystream(bytes(range(32)), bytes(range(8)), 128)
    assert got.hex() == (
        "f798a189f195e66982105ffb640bb7757f579da31602fc93ec01ac56f85ac3c1"
        "34a4547b733b46413042c9440049176905d3be59ea1c53f15916155c2be8241a"
        "38008b9a26bc35941e2444177c8ade6689de95264986d95889fb60e84629c9bd"
        "9a5acb1cc118be563eb9b3a4a472f82e09a7e778492b562ef7130e88dfe031c7"), "ChaCha20 KAT"
    # SPEC.md PRIM-RANDOM-DET: the all-zero seed's stream begins 76b8e0ad a0f13d90, and a
    # 25-byte request advances by 7 words (rand_chacha test_chacha_true_values_c's rule).
    rng = DeterministicRandom(bytes(32))
    assert rng.bytes(8).hex() == "76b8e0ada0f13d90", "DeterministicRandom KAT"
    rng.bytes(25)
    assert rng.words_used == 9, "DeterministicRandom word position"
    # RFC 5869 A.1 (HKDF written here).
    okm = hkdf_sha256(bytes.fromhex("000102030405060708090a0b0c"), bytes([0x0B] * 22),
                      bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"), 42)
    assert okm.hex() == ("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                         "34007208d5b887185865"), "HKDF KAT"
    # NIST SP 800-38A F.5.1 (first block): the AES-CTR counter layout.
    ks = aes128_ctr_keystream(bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c"),
                              bytes.fromhex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), 16)
    ct = xor(ks, bytes.fromhex("6bc1bee22e409f96e93d7e117393172a"))
    assert ct.hex() == "874d6191b620e3261bef6864990db6ce", "AES-CTR KAT"


# ---------------------------------------------------------------------------------------------
# The nym profile (SPEC.md chapters 3 and 4.1)
# ---------------------------------------------------------------------------------------------

KAPPA = 16
MAX_HOPS = 5
BETA_LEN = 300
PAD_LEN = 60
HEADER_LEN = 348
FORWARD_ENTRY = 44
FINAL_ENTRY = 52
MIN_PAYLOAD = 33
ESS_INFO = (b"Dwste mou enan moxlo arketa makru kai ena upomoxlio gia na ton topothetisw "
            b"kai tha kinisw thn gh.")
PK_SALT = b"sphinx-payload-key-V01-CS01-HKDF:SHA256-SALT"
PK_INFO = b"sphinx-payload-key-V01-CS01-HKDF:SHA256-INFO"
VERSIONS = (258, 259)


def rho(key, n):
    """NYM-RHO-1: AES-128-CTR keystream, zero initial counter block."""
    return aes128_ctr_keystream(key, bytes(16), n)


def mu(key, data):
    """NYM-MU-1: HMAC-SHA256 truncated to 16 bytes."""
    return hmac_sha256(key, data)[:KAPPA]


def derive_keys(shared_secret):
    """NYM-KEYS-1."""
    ess = hkdf_sha256(b"", shared_secret, ESS_INFO, 288)
    return {
        "expanded_shared_secret": ess,
        "h_rho": ess[0:16],
        "h_mu": ess[16:32],
        "legacy_payload_key": ess[32:224],
        "payload_key_seed": ess[32:48],
        "b": ess[224:256],
        "h_tau": ess[256:288],
    }


def expand_seed(seed):
    """NYM-KEYS-2."""
    return hkdf_sha256(PK_SALT, seed, PK_INFO, 192)


def payload_key(keys, version):
    """NYM-KEYS-3."""
    if version == 258:
        return keys["legacy_payload_key"]
    if version == 259:
        return expand_seed(keys["payload_key_seed"])
    raise Reject("unknownVersion", str(version))


def version_bytes(v):
    return bytes([0, (v >> 8) & 0xFF, v & 0xFF])


def encode_payload(message, length):
    """NYM-PAYLOAD-1."""
    if length < MIN_PAYLOAD:
        raise Reject("payloadSizeTooSmall")
    if len(message) > length - 17:
        raise Reject("messageTooLong")
    return bytes(16) + message + b"\x01" + bytes(length - 17 - len(message))


def decode_payload(p):
    """NYM-PAYLOAD-2: (message, error name)."""
    if p[:16] != bytes(16):
        return None, "payloadZeroPrefixMissing"
    j = p.rfind(b"\x01", 16)
    if j < 0:
        return None, "payloadMarkerMissing"
    return p[16:j], None


def create_header(request):
    """SPHINX-CREATE with the nym profile (NYM-CREATE-1 to -3). Returns (header, keys, trace)."""
    route = [(bytes.fromhex(h["address"]), bytes.fromhex(h["public_key"])) for h in request["route"]]
    delays = request["delays_ns"]
    version = request.get("version", 259)
    nu = len(route)
    if nu == 0:
        raise Reject("routeEmpty")
    if nu > MAX_HOPS:
        raise Reject("routeTooLong")
    if len(delays) != nu:
        raise Reject("mismatchedRouteInputs")
    if version not in VERSIONS:
        raise Reject("unknownVersion")
    destination = bytes.fromhex(request["destination"])
    identifier = bytes.fromhex(request["identifier"])
    x = bytes.fromhex(request["randomness"]["initial_secret"])
    padding = bytes.fromhex(request["randomness"]["final_padding"])
    if (len(x) != 32 or len(padding) != BETA_LEN - 60 * (nu - 1) - FINAL_ENTRY
            or len(destination) != 32 or len(identifier) != 16
            or any(len(a) != 32 or len(y) != 32 for a, y in route)):
        raise Reject("invalidInputLength")

    # NYM-CREATE-1: routing commands, encoded (NYM-ROUTING-1).
    entries = []
    for i in range(nu):
        if i < nu - 1:
            entries.append(b"\x01" + version_bytes(version) + route[i + 1][0]
                           + delays[i].to_bytes(8, "big"))
        else:
            entries.append(b"\x02" + version_bytes(version) + destination + identifier)

    # SPHINX-CREATE-2 with NYM-GROUP-1: α_i, s_i, keys, payload keys.
    hops = []
    blinders = [x]
    for i in range(nu):
        alpha = BASE_POINT
        for e in blinders:
            alpha = x25519(e, alpha)
        s = route[i][1]
        for e in blinders:
            s = x25519(e, s)
        keys = derive_keys(s)
        hops.append({"index": i, "public_key": route[i][1], "alpha": alpha, "shared_secret": s,
                     "keys": keys, "payload_key": payload_key(keys, version),
                     "routing_entry": entries[i]})
        blinders.append(keys["b"])

    # SPHINX-CREATE-4: the filler.
    phi = b""
    for i in range(1, nu):
        z = len(entries[i - 1]) + KAPPA
        stream = rho(hops[i - 1]["keys"]["h_rho"], BETA_LEN + z)
        phi = xor(phi + bytes(z), stream[BETA_LEN - len(phi):BETA_LEN + z])

    # SPHINX-CREATE-5: the last hop.
    last = hops[nu - 1]
    plain = entries[nu - 1] + padding
    beta = xor(plain, rho(last["keys"]["h_rho"], BETA_LEN - len(phi))) + phi
    gamma = mu(last["keys"]["h_mu"], beta)
    last["beta"], last["gamma"] = beta, gamma

    # SPHINX-CREATE-6: wrap the forward hops.
    for i in range(nu - 2, -1, -1):
        z = len(entries[i]) + KAPPA
        plain = entries[i] + gamma + beta[:BETA_LEN - z]
        beta = xor(plain, rho(hops[i]["keys"]["h_rho"], BETA_LEN))
        gamma = mu(hops[i]["keys"]["h_mu"], beta)
        hops[i]["beta"], hops[i]["gamma"] = beta, gamma

    header = hops[0]["alpha"] + gamma + beta  # NYM-HEADER-1
    trace = {"initial_secret": x, "final_padding": padding, "filler": phi, "hops": hops}
    return header, version, trace


def add_layers(keys, plaintext):
    """SPHINX-PAYLOAD-1: returns δ_0 … δ_n."""
    deltas = [plaintext]
    for k in reversed(keys):
        deltas.insert(0, lioness_encrypt(k, deltas[0]))
    return deltas


def create_forward(request):
    """NYM-CREATE."""
    message = bytes.fromhex(request["message"])
    size = request.get("payload_size", 1024)
    header, _, trace = create_header(request)
    plaintext = encode_payload(message, size)
    deltas = add_layers([h["payload_key"] for h in trace["hops"]], plaintext)
    trace["deltas"] = deltas
    return {"packet": header + deltas[0], "first_hop_address": request["route"][0]["address"],
            "intermediates": trace}


def create_surb(request):
    """NYM-SURB-1 and NYM-SURB-3."""
    header, version, trace = create_header(request)
    keys = [h["payload_key"] if version == 258 else h["keys"]["payload_key_seed"]
            for h in trace["hops"]]
    first = bytes.fromhex(request["route"][0]["address"])
    return {"surb": header + first + b"".join(keys), "first_hop_address": first,
            "intermediates": trace}


def use_surb(surb, message, size):
    """NYM-SURB-2 and NYM-SURB-4."""
    if len(surb) < HEADER_LEN + 32 + 16:
        raise Reject("malformedSURB")
    header, first, material = surb[:HEADER_LEN], surb[HEADER_LEN:HEADER_LEN + 32], surb[HEADER_LEN + 32:]
    width = 16 if len(material) < 192 else 192
    if len(material) % width or not 1 <= len(material) // width <= MAX_HOPS:
        raise Reject("malformedSURB")
    keys = [material[i:i + width] for i in range(0, len(material), width)]
    if width == 16:
        keys = [expand_seed(k) for k in keys]
    deltas = add_layers(keys, encode_payload(message, size))
    return {"packet": header + deltas[0], "first_hop_address": first, "deltas": deltas}


def process(node_secret, packet, seen=()):
    """NYM-PROCESS with SPHINX-PROCESS."""
    if len(node_secret) != 32:
        raise Reject("invalidInputLength")
    # NYM-PROCESS-1
    if len(packet) < HEADER_LEN + MIN_PAYLOAD:
        raise Reject("invalidPacketLength")
    alpha, gamma, beta = packet[0:32], packet[32:48], packet[48:HEADER_LEN]
    delta = packet[HEADER_LEN:]
    # SPHINX-PROCESS-1 … -5
    s = x25519(node_secret, alpha)
    keys = derive_keys(s)
    if keys["h_tau"] in seen:
        raise Reject("replayedTag")
    expected = mu(keys["h_mu"], beta)
    if not hmac.compare_digest(expected, gamma):
        raise Reject("headerMACMismatch")
    block = xor(beta + bytes(PAD_LEN), rho(keys["h_rho"], BETA_LEN + PAD_LEN))
    # SPHINX-PROCESS-6, NYM-ROUTING-2
    flag = block[0]
    if flag not in (1, 2):
        raise Reject("unknownRoutingFlag")
    if block[1] != 0:
        raise Reject("malformedRoutingEntry")
    version = int.from_bytes(block[2:4], "big")
    if version not in VERSIONS:
        raise Reject("unknownVersion", str(version))
    n = FORWARD_ENTRY if flag == 1 else FINAL_ENTRY
    k = payload_key(keys, version)
    out = lioness_decrypt(k, delta)
    inter = {"alpha": alpha, "shared_secret": s, "keys": keys, "expected_gamma": expected,
             "decrypted_block": block, "routing_entry_length": n, "payload_key": k,
             "payload_in": delta, "payload_out": out}
    result = {"replay_tag": keys["h_tau"], "version": version, "intermediates": inter}
    if flag == 1:
        next_alpha = x25519(keys["b"], alpha)
        next_gamma = block[n:n + KAPPA]
        next_beta = block[n + KAPPA:n + KAPPA + BETA_LEN]
        result.update(outcome="forward", next_address=block[4:36],
                      delay_ns=int.from_bytes(block[36:44], "big"),
                      next_packet=next_alpha + next_gamma + next_beta + out)
    else:
        message, error = decode_payload(out)
        result.update(outcome="final", destination=block[4:36], identifier=block[36:52],
                      payload=out, message=message, payload_error=error)
    return result


# ---------------------------------------------------------------------------------------------
# Comparison with the vector files (SPEC.md chapter 9)
# ---------------------------------------------------------------------------------------------


def to_json(v):
    """Our values in the files' encoding: bytes as lowercase hex."""
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    return v


def first_difference(expected, got, path):
    """The first path where the file's value and ours differ (a key the file has and we do not
    produce is a difference, and so is a key we produce that the file lacks), or None."""
    if isinstance(expected, dict) and isinstance(got, dict):
        for k in sorted(set(expected) | set(got)):
            if k not in got:
                return f"{path}.{k} (in the file, not computed)"
            if k not in expected:
                return f"{path}.{k} (computed, not in the file)"
            d = first_difference(expected[k], got[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(expected, list) and isinstance(got, list):
        if len(expected) != len(got):
            return f"{path} (length {len(expected)} in the file, {len(got)} computed)"
        for i, (e, g) in enumerate(zip(expected, got)):
            d = first_difference(e, g, f"{path}[{i}]")
            if d:
                return d
        return None
    if expected != got or type(expected) is not type(got):
        return path
    return None


def check_hops(route, case_hops, node_secrets, first_packet):
    """Processes the packet at every hop in turn and compares each hop record with ours."""
    if not len(case_hops) == len(node_secrets) == len(route):
        return "hops (one record and one node secret per hop)"
    packet = first_packet
    for i, record in enumerate(case_hops):
        secret = bytes.fromhex(node_secrets[i])
        if x25519(secret, BASE_POINT).hex() != route[i]["public_key"]:
            return f"inputs.node_secrets[{i}] (not the secret of route[{i}].public_key)"
        if record.get("hop") != i:
            return f"hops[{i}].hop"
        if record["packet_in"] != packet.hex():
            return f"hops[{i}].packet_in"
        result = to_json(process(secret, packet))
        d = first_difference(record["result"], result, f"hops[{i}].result")
        if d:
            return d
        if result["outcome"] == "forward":
            packet = bytes.fromhex(result["next_packet"])
        elif i != len(case_hops) - 1:
            return f"hops[{i}].result.outcome (final before the last hop)"
    return None


class DeterministicRandom:
    """SPEC.md PRIM-RANDOM-DET: the original-ChaCha20 keystream of the seed (nonce 0), read in
    32-bit words; a request of n bytes takes ceil(n/4) words and drops the unused bytes."""

    def __init__(self, seed):
        self.key, self.words_used, self.buffer = seed, 0, b""

    def bytes(self, n):
        if n <= 0:
            return b""
        m = (n + 3) // 4
        end = 4 * (self.words_used + m)
        if len(self.buffer) < end:
            blocks = (end + 63) // 64
            self.buffer = chacha20_original_keystream(self.key, bytes(8), 64 * blocks)
        out = self.buffer[4 * self.words_used:4 * self.words_used + n]
        self.words_used += m
        return out


def check_drawn_inputs(test, request, message_key, message):
    """SPEC.md VEC-SEED-1 and VEC-NYM-DRAW-1: a generated case's inputs are the bytes
    DeterministicRandom(SHA-256(seedLabel)) gives, in the stated order. Returns a path or None."""
    if "Generated" not in test["flags"]:
        return None
    seed = hashlib.sha256(test["seedLabel"].encode("ascii")).digest()
    if test["seed"] != seed.hex():
        return "seed (not SHA-256(seedLabel))"
    rng = DeterministicRandom(seed)
    for i, hop in enumerate(request["route"]):
        if rng.bytes(32).hex() != hop["address"]:
            return f"inputs.route[{i}].address (drawn)"
        secret = rng.bytes(32)
        if test["inputs"]["node_secrets"][i] != secret.hex():
            return f"inputs.node_secrets[{i}] (drawn)"
        if x25519(secret, BASE_POINT).hex() != hop["public_key"]:
            return f"inputs.route[{i}].public_key (X25519(secret, 9))"
    if rng.bytes(32).hex() != request["destination"]:
        return "inputs.destination (drawn)"
    if rng.bytes(16).hex() != request["identifier"]:
        return "inputs.identifier (drawn)"
    if rng.bytes(len(message) // 2).hex() != message:
        return f"inputs.{message_key} (drawn)"
    if rng.bytes(32).hex() != request["randomness"]["initial_secret"]:
        return "inputs.randomness.initial_secret (drawn)"
    nu = len(request["route"])
    if rng.bytes(BETA_LEN - 60 * (nu - 1) - FINAL_ENTRY).hex() != request["randomness"]["final_padding"]:
        return "inputs.randomness.final_padding (drawn)"
    if "ExtremeDelays" not in test["flags"]:
        if request["delays_ns"] != [15_000_000 * (i + 1) for i in range(nu)]:
            return "inputs.delays_ns (15 ms, 30 ms, …)"
    return None


def check_forward(test):
    req = test["inputs"]["create_forward"]
    out = test["outputs"]
    d = check_drawn_inputs(test, req, "create_forward.message", req["message"])
    if d:
        return d
    mine = to_json(create_forward(req))
    d = first_difference(out["create_forward"], mine, "create_forward")
    if d:
        return d
    return check_hops(req["route"], out["hops"], test["inputs"]["node_secrets"],
                      bytes.fromhex(mine["packet"]))


def check_surb(test):
    inputs, out = test["inputs"], test["outputs"]
    d = check_drawn_inputs(test, inputs["create_surb"], "reply_message", inputs["reply_message"])
    if d:
        return d
    mine = create_surb(inputs["create_surb"])
    d = first_difference(out["create_surb"], to_json(mine), "create_surb")
    if d:
        return d
    reply = to_json(use_surb(mine["surb"], bytes.fromhex(inputs["reply_message"]),
                             inputs["reply_payload_size"]))
    d = first_difference(out["use_surb"], reply, "use_surb")
    if d:
        return d
    d = check_hops(inputs["create_surb"]["route"], out["hops"], inputs["node_secrets"],
                   bytes.fromhex(reply["packet"]))
    if d:
        return d
    final = out["hops"][-1]["result"]
    if final.get("message") != inputs["reply_message"]:
        return "hops[-1].result.message (the recovered reply)"
    return None


def check_invalid(test, notes):
    """A case of invalid.json (ops process, create_forward, use_surb): returns (ok, note)."""
    req = test["inputs"]
    try:
        if test["op"] == "process":
            result = process(bytes.fromhex(req["node_secret"]), bytes.fromhex(req["packet"]),
                             {bytes.fromhex(t) for t in req.get("seen_replay_tags", [])})
            mine_error = result.get("payload_error")  # VEC-SPHINX-INVALID-1
        elif test["op"] == "create_forward":
            result, mine_error = create_forward(req), None
        else:  # use_surb
            result = use_surb(bytes.fromhex(req["surb"]), bytes.fromhex(req["message"]),
                              req.get("payload_size", 1024))
            mine_error = None
    except Reject as e:
        result, mine_error = None, e.name
    theirs = test["outputs"].get("error")
    tag = f"tc{test['tcId']} ({test['comment']})"
    if test["result"] == "invalid":
        if mine_error is None:
            return False, f"{tag}: marked invalid, we accept it"
        if mine_error != theirs:
            notes.append(f"{tag}: both reject; file says {theirs}, we say {mine_error}")
        return True, None
    if test["result"] == "acceptable":
        if (mine_error is None) != (theirs is None):
            notes.append(f"{tag}: acceptable; file {'rejects with ' + theirs if theirs else 'accepts'}, "
                         f"we {'reject with ' + mine_error if mine_error else 'accept'}")
        elif mine_error is None:
            d = first_difference(test["outputs"]["response"], to_json(result), "response")
            if d:
                return False, f"{tag}: both accept, but {d} differs"
        elif mine_error != theirs:
            notes.append(f"{tag}: both reject; file says {theirs}, we say {mine_error}")
        return True, None
    # valid process cases in invalid.json (none expected)
    if mine_error is not None:
        return False, f"{tag}: marked valid, we reject with {mine_error}"
    d = first_difference(test["outputs"], to_json(result), "outputs")
    return d is None, (f"{tag}: {d}" if d else None)


# ---------------------------------------------------------------------------------------------
# The mix node file (SPEC.md §8.11 LOOPIX-NODE-MIX-3, -4; §9.6 VEC-NODE-MIX-1)
# ---------------------------------------------------------------------------------------------

MAXIMUM_DELAY_NS = 10_000_000_000  # LOOPIX-NODE-CONST: nym-node's maximum forward delay


def is_node_address(a):
    """LOOPIX-NODE-ADDR: role 1 mix, 2 gateway, 3 client; bytes 10…31 zero; a mix has no
    gateway field, a gateway neither layer nor gateway field, a client no layer."""
    if len(a) != 32 or any(a[10:]):
        return False
    role, layer, gateway = a[0], a[1], int.from_bytes(a[6:10], "big")
    return (role == 1 and gateway == 0) or (role == 2 and layer == 0 and gateway == 0) or (role == 3 and layer == 0)


def change_packet(source, base):
    """VEC-NODE-MIX-1's changes of a made or earlier packet."""
    change = source.get("change")
    if change == "xor_byte":
        b = bytearray(base)
        if 0 <= source["offset"] < len(b):
            b[source["offset"]] ^= 0x01
        return bytes(b)
    if change == "truncate":
        return base[:source["length"]]
    return base


def run_mix(request):
    """A mix over timed inputs, from SPEC.md alone: process each packet (replay tag recorded only
    when processing succeeds), hold a forward for min(header delay, maximum delay), drop failures
    with their reason; events ordered by (time, input)."""
    secret = bytes.fromhex(request["node_secret"])
    own = bytes.fromhex(request.get("address", "01" + "00" * 31))
    maximum = request.get("maximum_delay_ns", MAXIMUM_DELAY_NS)
    seen, events = set(), []
    for i, item in enumerate(request["inputs"]):
        t = item["time_ns"]
        try:
            r = process(secret, bytes.fromhex(item["packet"]), seen)
        except Reject as e:
            events.append({"time_ns": t, "input": i, "kind": "drop", "reason": e.name})
            continue
        seen.add(r["replay_tag"])
        if r["outcome"] == "forward":
            if not is_node_address(r["next_address"]):
                events.append({"time_ns": t, "input": i, "kind": "drop", "reason": "malformedRoutingEntry"})
            else:
                events.append({"time_ns": t + min(r["delay_ns"], maximum), "input": i, "kind": "forward",
                               "next_address": r["next_address"].hex(), "packet": r["next_packet"].hex()})
        elif r["destination"] == own:
            events.append({"time_ns": t, "input": i, "kind": "final"})
        else:
            events.append({"time_ns": t, "input": i, "kind": "drop", "reason": "unexpectedFinalHop"})
    return sorted(events, key=lambda e: (e["time_ns"], e["input"]))


def check_mix_node(test):
    """One test of loopix/node_mix.json: the drawn inputs, every input packet, every event."""
    request, sources = test["inputs"]["mix_node"], test["inputs"]["packets"]
    # VEC-NODE-MIX-1: the draws.
    seed = hashlib.sha256(test["seedLabel"].encode("ascii")).digest()
    if test["seed"] != seed.hex():
        return "seed (not SHA-256(seedLabel))"
    rng = DeterministicRandom(seed)
    secrets = [rng.bytes(32) for _ in range(3)]
    if request["node_secret"] != secrets[0].hex():
        return "inputs.mix_node.node_secret (drawn)"
    keys = {bytes.fromhex(a): x25519(s, BASE_POINT).hex()
            for a, s in zip(("01010000000000000000" + "00" * 22, "01020000000000000000" + "00" * 22,
                             "02" + "00" * 31), secrets)}
    inputs = request["inputs"]
    for source in sources:
        i = source["input"]
        made = source.get("create_forward")
        if made is not None:
            if rng.bytes(64).hex() != made["message"]:
                return f"inputs.packets[{i}].create_forward.message (drawn)"
            if rng.bytes(32).hex() != made["randomness"]["initial_secret"]:
                return f"inputs.packets[{i}].create_forward.randomness.initial_secret (drawn)"
            pad = BETA_LEN - 60 * (len(made["route"]) - 1) - FINAL_ENTRY
            if rng.bytes(pad).hex() != made["randomness"]["final_padding"]:
                return f"inputs.packets[{i}].create_forward.randomness.final_padding (drawn)"
            for hop in made["route"]:
                expected = keys.get(bytes.fromhex(hop["address"]))
                if expected is not None and hop["public_key"] != expected:
                    return f"inputs.packets[{i}].create_forward.route public key (X25519(secret, 9))"
            base = create_forward(made)["packet"]
        else:
            base = bytes.fromhex(inputs[source["from_input"]]["packet"])
        if change_packet(source, base).hex() != inputs[i]["packet"]:
            return f"inputs.mix_node.inputs[{i}].packet (remade from its source)"
    return first_difference(test["outputs"]["mix_node"], {"events": run_mix(request)}, "outputs.mix_node")


def main():
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    folder = os.path.join(root, "TestVectors", "nym")
    started = time.monotonic()
    self_test()
    total_pass = total_fail = 0
    for name in ("forward_v258.json", "forward_v259.json", "surb_v258.json", "surb_v259.json",
                 "invalid.json"):
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            data = json.load(fh)
        passed = failed = 0
        notes = []
        for group in data["testGroups"]:
            for test in group["tests"]:
                label = f"{name} tc{test['tcId']}"
                try:
                    if name == "invalid.json":
                        ok, why = check_invalid(test, notes)
                        diff = None if ok else why
                    elif test["result"] != "valid":
                        continue
                    elif name.startswith("forward"):
                        diff = check_forward(test)
                    else:
                        diff = check_surb(test)
                except Reject as e:
                    diff = f"rejected by us: {e}"
                if diff:
                    failed += 1
                    print(f"  FAIL {label}: first difference at {diff}")
                else:
                    passed += 1
        for n in notes:
            print(f"  note {name}: {n}")
        print(f"{name}: {passed} passed, {failed} failed")
        total_pass += passed
        total_fail += failed
    passed = failed = 0
    with open(os.path.join(root, "TestVectors", "loopix", "node_mix.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    for group in data["testGroups"]:
        for test in group["tests"]:
            try:
                diff = check_mix_node(test)
            except Reject as e:
                diff = f"rejected by us: {e}"
            if diff:
                failed += 1
                print(f"  FAIL node_mix.json tc{test['tcId']}: first difference at {diff}")
            else:
                passed += 1
    print(f"node_mix.json: {passed} passed, {failed} failed")
    total_pass += passed
    total_fail += failed
    print(f"(run time {time.monotonic() - started:.1f} s)")
    print(f"{total_pass} passed, {total_fail} failed")
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
