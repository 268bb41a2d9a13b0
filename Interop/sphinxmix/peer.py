#!/usr/bin/env python3
"""Interop peer: drives the real PyPI package sphinxmix 0.0.7 for the Swift tests.

Protocol: one JSON object per line on stdin, one JSON object per line on stdout, for as long
as stdin stays open (the Swift tests keep one process for the whole run). Requests are
independent: nothing is kept from one line to the next.
Every byte string is lowercase hex. A response is {"ok": true, ...} or
{"ok": false, "error": "<what sphinxmix or this peer rejected>"}.

Reproducibility: sphinxmix draws randomness in exactly two ways (read from its sources):
  * SphinxClient.create_header calls params.group.gensecret() (petlib's order().random())
    once, for the sender's secret x;
  * SphinxClient calls os.urandom (imported there as `urandom`) for the final routing
    padding (create_header), and for the SURB id and k-tilde (create_surb).
This peer replaces both, per request, with values given in the request ("random": {...}),
and fails the request if sphinxmix asks for bytes it was not given or leaves some unused.

Operations (field "op"): ping, pubkey, derive, lioness_enc, lioness_dec, create_forward,
process, receive_forward, create_surb, package_surb, receive_surb, pack, unpack. See handle_*
below.
"""

import json
import sys
import traceback

from petlib.bn import Bn
from petlib.ec import EcPt, POINT_CONVERSION_UNCOMPRESSED
from petlib.pack import decode

import sphinxmix
from sphinxmix import SphinxClient
from sphinxmix.SphinxParams import SphinxParams
from sphinxmix.SphinxNode import sphinx_process


class PeerError(Exception):
    pass


def unhex(value, what):
    if not isinstance(value, str):
        raise PeerError("%s: expected a hex string" % what)
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise PeerError("%s: not hex" % what)


def make_params(request):
    p = request.get("params", {})
    return SphinxParams(header_len=p.get("header_len", 192),
                        body_len=p.get("body_len", 1024),
                        assoc_len=p.get("assoc_len", 0))


def point(params, hexstr, what):
    try:
        return EcPt.from_binary(unhex(hexstr, what), params.group.G)
    except PeerError:
        raise
    except Exception as e:
        raise PeerError("%s: not a point (%s)" % (what, e))


def pt_hex(pt):
    return pt.export(POINT_CONVERSION_UNCOMPRESSED).hex()


class FixedRandomness:
    """Stands in for os.urandom inside SphinxClient, handing out given byte strings in order."""

    def __init__(self, chunks):
        self.chunks = list(chunks)

    def __call__(self, n):
        if not self.chunks:
            raise PeerError("sphinxmix asked for %d random bytes that the request did not give" % n)
        chunk = self.chunks.pop(0)
        if len(chunk) != n:
            raise PeerError("sphinxmix asked for %d random bytes, the request gave %d" % (n, len(chunk)))
        return chunk

    def finish(self):
        if self.chunks:
            raise PeerError("%d random values were given but not used" % len(self.chunks))


def with_randomness(params, x_hex, chunks, body):
    """Runs body() with sphinxmix's randomness replaced: x for gensecret, chunks for urandom.

    Returns body()'s result and the per-hop aes_s keys that create_header computed (its second
    return value, which create_forward_message and create_surb do not pass on)."""
    fixed = FixedRandomness(chunks)
    x = Bn.from_binary(unhex(x_hex, "random.x"))
    original_urandom = SphinxClient.urandom
    original_create_header = SphinxClient.create_header
    captured = []

    def recording_create_header(*args, **kwargs):
        header, secrets = original_create_header(*args, **kwargs)
        captured.extend(secrets)
        return header, secrets

    SphinxClient.urandom = fixed
    SphinxClient.create_header = recording_create_header
    params.group.gensecret = lambda: x
    try:
        result = body()
    finally:
        SphinxClient.urandom = original_urandom
        SphinxClient.create_header = original_create_header
    fixed.finish()
    return result, [k.hex() for k in captured]


def routing_json(raw):
    """The routing entry as raw hex plus its msgpack decoding (flag name and fields)."""
    out = {"raw": raw.hex()}
    try:
        decoded = decode(raw)
    except Exception as e:
        out["decode_error"] = str(e)
        return out
    flags = {SphinxClient.Relay_flag: "relay", SphinxClient.Dest_flag: "dest",
             SphinxClient.Surb_flag: "surb"}
    if isinstance(decoded, list) and decoded and decoded[0] in flags:
        out["flag"] = flags[decoded[0]]
        out["fields"] = [f.hex() if isinstance(f, bytes) else f for f in decoded[1:]]
    else:
        out["decode_error"] = "unexpected routing structure"
    return out


def nodes_and_keys(params, request):
    nodes = [SphinxClient.Nenc(unhex(n["id"], "node id")) for n in request["path"]]
    keys = [point(params, n["public_key"], "node public key") for n in request["path"]]
    return nodes, keys


def assoc_list(request):
    ad = request.get("assoc")
    if ad is None:
        return None
    return [unhex(a, "assoc") for a in ad]


def header_json(header):
    alpha, beta, gamma = header
    return {"alpha": pt_hex(alpha), "beta": beta.hex(), "gamma": gamma.hex()}


def handle_ping(request):
    return {"version": sphinxmix.VERSION}


def handle_pubkey(request):
    params = make_params(request)
    x = Bn.from_binary(unhex(request["secret"], "secret"))
    return {"public_key": pt_hex(params.group.expon_base([x]))}


def handle_derive(request):
    """Every key sphinxmix derives from a shared-secret point s."""
    params = make_params(request)
    s = point(params, request["s"], "s")
    aes_s = params.get_aes_key(s)
    return {"aes_s": aes_s.hex(), "h_rho": params.hrho(aes_s).hex(), "h_mu": params.hmu(aes_s).hex(),
            "h_pi": params.hpi(aes_s).hex(), "h_tau": params.htau(aes_s).hex(),
            "b": params.hb(aes_s).binary().hex()}


def handle_lioness_enc(request):
    params = make_params(request)
    return {"out": params.lioness_enc(unhex(request["key"], "key"), unhex(request["data"], "data")).hex()}


def handle_lioness_dec(request):
    params = make_params(request)
    return {"out": params.lioness_dec(unhex(request["key"], "key"), unhex(request["data"], "data")).hex()}


def handle_create_forward(request):
    params = make_params(request)
    nodes, keys = nodes_and_keys(params, request)
    rnd = request["random"]
    (header, delta), aes_keys = with_randomness(
        params, rnd["x"], [unhex(rnd["pad"], "random.pad")],
        lambda: SphinxClient.create_forward_message(
            params, nodes, keys, unhex(request["dest"], "dest"),
            unhex(request["message"], "message"), assoc_list(request)))
    out = header_json(header)
    out["delta"] = delta.hex()
    out["aes_keys"] = aes_keys
    return out


def handle_process(request):
    params = make_params(request)
    header = (point(params, request["alpha"], "alpha"), unhex(request["beta"], "beta"),
              unhex(request["gamma"], "gamma"))
    secret = Bn.from_binary(unhex(request["secret"], "secret"))
    assoc = unhex(request.get("assoc", ""), "assoc")
    tag, routing, (next_header, delta), mac_key = sphinx_process(
        params, secret, header, unhex(request["delta"], "delta"), assoc)
    out = {"tag": tag.hex(), "routing": routing_json(routing), "mac_key": mac_key.hex(),
           "delta": delta.hex()}
    out.update(header_json(next_header))
    return out


def handle_receive_forward(request):
    params = make_params(request)
    dest, message = SphinxClient.receive_forward(params, unhex(request["mac_key"], "mac_key"),
                                                 unhex(request["delta"], "delta"))
    return {"dest": dest.hex(), "message": message.hex()}


def handle_create_surb(request):
    params = make_params(request)
    nodes, keys = nodes_and_keys(params, request)
    rnd = request["random"]
    chunks = [unhex(rnd["surb_id"], "random.surb_id"), unhex(rnd["pad"], "random.pad"),
              unhex(rnd["k_tilde"], "random.k_tilde")]
    (xid, keytuple, nymtuple), aes_keys = with_randomness(
        params, rnd["x"], chunks,
        lambda: SphinxClient.create_surb(params, nodes, keys, unhex(request["dest"], "dest"),
                                         assoc_list(request)))
    first_node, header, ktilde = nymtuple
    out = {"surb_id": xid.hex(), "keys": [k.hex() for k in keytuple],
           "first_node": first_node.hex(), "k_tilde": ktilde.hex(), "aes_keys": aes_keys}
    out.update(header_json(header))
    return out


def handle_package_surb(request):
    params = make_params(request)
    header = (point(params, request["alpha"], "alpha"), unhex(request["beta"], "beta"),
              unhex(request["gamma"], "gamma"))
    nymtuple = (unhex(request.get("first_node", ""), "first_node"), header,
                unhex(request["k_tilde"], "k_tilde"))
    header, body = SphinxClient.package_surb(params, nymtuple, unhex(request["message"], "message"))
    out = header_json(header)
    out["delta"] = body.hex()
    return out


def handle_receive_surb(request):
    params = make_params(request)
    keys = [unhex(k, "keys") for k in request["keys"]]
    message = SphinxClient.receive_surb(params, keys, unhex(request["delta"], "delta"))
    return {"message": bytes(message).hex()}


def handle_pack(request):
    """Fields -> bytes with the package's own SphinxClient.pack_message (SPEC.md SMX-WIRE)."""
    params = make_params(request)
    header = (point(params, request["alpha"], "alpha"), unhex(request["beta"], "beta"),
              unhex(request["gamma"], "gamma"))
    packed = SphinxClient.pack_message(params, (header, unhex(request["delta"], "delta")))
    return {"bytes": packed.hex()}


def handle_unpack(request):
    """Bytes -> fields with the package's own SphinxClient.unpack_message, given the one
    parameter set of the request (SPEC.md SMX-WIRE-UNPACK)."""
    params = make_params(request)
    params_dict = {(params.max_len, params.m): params}
    _, (header, delta) = SphinxClient.unpack_message(params_dict, unhex(request["bytes"], "bytes"))
    alpha, beta, gamma = header
    if not isinstance(alpha, EcPt) or not all(isinstance(v, bytes) for v in (beta, gamma, delta)):
        raise PeerError("unpack: unexpected value types %r" % ([type(v).__name__ for v in (alpha, beta, gamma, delta)],))
    out = header_json(header)
    out["delta"] = delta.hex()
    return out


HANDLERS = {name[len("handle_"):]: f for name, f in globals().items() if name.startswith("handle_")}


def answer(line):
    try:
        request = json.loads(line)
        handler = HANDLERS.get(request.get("op"))
        if handler is None:
            raise PeerError("unknown op %r" % request.get("op"))
        result = handler(request)
        result["ok"] = True
        return result
    except Exception as e:  # every failure becomes a response, never a dead peer
        detail = "%s: %s" % (type(e).__name__, e)
        if not isinstance(e, (PeerError, sphinxmix.SphinxException)):
            detail += " | " + traceback.format_exc().strip().splitlines()[-1]
        return {"ok": False, "error": detail}


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        sys.stdout.write(json.dumps(answer(line)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
