#!/usr/bin/env python3
"""Prints the known answers committed in Tests/SphinxmixTests/KnownAnswerTests.swift.

Every value is computed by the real sphinxmix 0.0.7 package through peer.py's handlers, from
fixed inputs: node private keys 0x01 ‖ SHA-256("smx-kat node <i>")[0,27), node ids [i], the
sender's x = 0x00 ‖ SHA-256("smx-kat x <case>")[0,27), padding bytes 0x5a, and SURB id and k-tilde
SHA-256("smx-kat surb id|k tilde <case>")[0,16). Run with the interop interpreter:

    .venv-interop/bin/python Interop/sphinxmix/known_answers.py
"""

import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer  # noqa: E402


def h(label):
    return hashlib.sha256(label.encode()).digest()


def call(request):
    out = peer.answer(json.dumps(request))
    if not out.get("ok"):
        raise SystemExit("sphinxmix refused %s: %s" % (request["op"], out.get("error")))
    return out


def path(n):
    hops = []
    for i in range(n):
        secret = b"\x01" + h("smx-kat node %d" % i)[:27]
        pub = call({"op": "pubkey", "secret": secret.hex()})["public_key"]
        hops.append({"id": bytes([i]).hex(), "public_key": pub, "secret": secret.hex()})
    return hops


def pad_len(params, hops, final_len):
    beta = params["header_len"] - 32
    return beta - (hops - 1) * (8 + 16) - final_len


def forward_case(name, params, hops, assoc):
    p = path(hops)
    x = b"\x00" + h("smx-kat x " + name)[:27]
    pad = b"\x5a" * pad_len(params, hops, 5)
    r = call({"op": "create_forward", "params": params, "path": p, "dest": b"bob".hex(),
              "message": ("known answer " + name).encode().hex(), "assoc": assoc,
              "random": {"x": x.hex(), "pad": pad.hex()}})
    return {"name": name, "params": params, "hops": hops, "x": x.hex(), "assoc": assoc,
            "alpha": r["alpha"], "beta": r["beta"], "gamma": r["gamma"],
            "delta_sha256": hashlib.sha256(bytes.fromhex(r["delta"])).hexdigest()}


def surb_case(name, params, hops):
    p = path(hops)
    x = b"\x00" + h("smx-kat x " + name)[:27]
    sid = h("smx-kat surb id " + name)[:16]
    kt = h("smx-kat k tilde " + name)[:16]
    final_len = 1 + len(bytes.fromhex("93a2c3b2")) + 2 + len(b"myself") + 2 + 16
    pad = b"\x5a" * pad_len(params, hops, final_len)
    r = call({"op": "create_surb", "params": params, "path": p, "dest": b"myself".hex(),
              "random": {"surb_id": sid.hex(), "x": x.hex(), "pad": pad.hex(), "k_tilde": kt.hex()}})
    reply = call({"op": "package_surb", "params": params, "alpha": r["alpha"], "beta": r["beta"],
                  "gamma": r["gamma"], "k_tilde": kt.hex(), "message": b"reply".hex()})
    return {"name": name, "params": params, "hops": hops, "x": x.hex(), "surb_id": sid.hex(),
            "k_tilde": kt.hex(), "alpha": r["alpha"], "beta": r["beta"], "gamma": r["gamma"],
            "keys": r["keys"], "reply_delta_sha256": hashlib.sha256(bytes.fromhex(reply["delta"])).hexdigest()}


def main():
    default = {"header_len": 192, "body_len": 1024, "assoc_len": 0}
    cases = {
        "forward": [forward_case("default-3", default, 3, None),
                    forward_case("ad-256-2048-2", {"header_len": 256, "body_len": 2048, "assoc_len": 4}, 2,
                                 ["41414141", "42424242"])],
        "surb": [surb_case("surb-default-2", default, 2)],
    }
    print(json.dumps(cases, indent=1))


if __name__ == "__main__":
    main()
