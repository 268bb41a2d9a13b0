#!/usr/bin/env python3
"""Interop peer: drives core-lightning's PyPI package pyln-proto (pyln.proto.onion) for the
Swift bolt4 interop tests (Tests/BOLT4Tests/InteropTests.swift).

Protocol: one JSON object per line on stdin, one JSON object per line on stdout. Every byte
string is lowercase hex. A response is {"ok": true, ...} or {"ok": false, "error": "..."}.

Operations (field "op"):
  ping                      -> {"version": pyln-proto's version}
  create  {route: [{public_key, payload}], associated_data, session_key}
                            -> {"packet"}: SphinxPath(...).compile(); each payload is given
                               without its length prefix and prefixed here with pyln's own
                               varint_encode, as SphinxHop expects the prefixed bytes.
  unwrap  {node_secret, packet, associated_data}
                            -> {"payload", "next_packet" (null at the final hop)}:
                               RoutingOnion.from_bin(...).unwrap(); the payload is returned
                               without its prefix (TLV re-serialised by pyln, or the raw
                               content when pyln could not parse it as TLV).
An empty associated_data is passed to pyln as None (pyln then MACs the payloads alone).
"""

import io
import json
import sys

import pyln.proto
from pyln.proto.onion import RoutingOnion, SphinxHop, SphinxPath, RawPayload, TlvPayload
from pyln.proto.onion import varint_encode
from pyln.proto.primitives import PrivateKey, PublicKey, Secret


class PeerError(Exception):
    pass


def unhex(value, what):
    if not isinstance(value, str):
        raise PeerError("%s: expected a hex string" % what)
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise PeerError("%s: not hex" % what)


def prefixed(payload):
    buffer = io.BytesIO()
    varint_encode(len(payload), buffer)
    return buffer.getvalue() + payload


def handle_create(request):
    hops = [SphinxHop(PublicKey(unhex(h["public_key"], "public_key")), prefixed(unhex(h["payload"], "payload")))
            for h in request["route"]]
    ad = unhex(request.get("associated_data", ""), "associated_data") or None
    path = SphinxPath(hops=hops, assocdata=ad, session_key=Secret(unhex(request["session_key"], "session_key")))
    return {"packet": path.compile().to_bin().hex()}


def handle_unwrap(request):
    onion = RoutingOnion.from_bin(unhex(request["packet"], "packet"))
    ad = unhex(request.get("associated_data", ""), "associated_data") or None
    payload, following = onion.unwrap(PrivateKey(unhex(request["node_secret"], "node_secret")), ad)
    if isinstance(payload, RawPayload):
        content = payload.content
    elif isinstance(payload, TlvPayload):
        content = payload.to_bytes(include_prefix=False)
    else:
        raise PeerError("pyln parsed the payload as %s" % type(payload).__name__)
    return {"payload": content.hex(), "next_packet": None if following is None else following.to_bin().hex()}


def answer(line):
    try:
        request = json.loads(line)
        op = request.get("op")
        if op == "ping":
            return {"ok": True, "version": pyln.proto.__version__}
        if op == "create":
            return dict(ok=True, **handle_create(request))
        if op == "unwrap":
            return dict(ok=True, **handle_unwrap(request))
        raise PeerError("unknown op %r" % op)
    except Exception as e:  # every failure is one JSON line; the test reads the message
        return {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        sys.stdout.write(json.dumps(answer(line)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
