"""Times the real sphinxmix package (PyPI 0.0.7, petlib over OpenSSL) on the operations that
`vectors-gen bench` measures for our sphinxmix profile, so that scripts/bench can print both
side by side. Run with the interop venv's interpreter (scripts/setup-interop):

    .venv-interop/bin/python Interop/sphinxmix/bench.py [--repetitions N] [--warmup N]

Prints one JSON object: {"cases": {name: {"median_us", "min_us", "runs"}}, "notes": [...]}.
Times are CPU time of this thread (time.thread_time_ns), the clock `vectors-gen bench
--clock thread-cpu` uses, so preemption by other processes is not counted on either side.
Inputs match BenchCases.sphinxmixCases in size (header 192, body 1024, k = 16; a 128-byte
message; 3 and 5 hops); the keys and randomness differ (they do not change the work done).
"""

import argparse
import json
import os
import statistics
import sys
import time

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from petlib.bn import Bn
from sphinxmix import SphinxClient
from sphinxmix.SphinxNode import sphinx_process
from sphinxmix.SphinxParams import SphinxParams


def timed(body, repetitions, warmup):
    """CPU-time samples of `body` in microseconds, after `warmup` untimed runs."""
    for _ in range(warmup):
        body()
    samples = []
    for _ in range(repetitions):
        start = time.thread_time_ns()
        body()
        samples.append((time.thread_time_ns() - start) / 1000.0)
    return samples


def cases():
    """(name, body) for every operation, fixtures built here, outside the timed region."""
    params = SphinxParams(header_len=192, body_len=1024, k=16)
    group = params.group
    message = b"m" * 128
    destination = b"bench-destination"
    out = []
    for hops in (1, 3, 5):
        secrets = [group.gensecret() for _ in range(hops)]
        keys = [group.expon(group.g, [x]) for x in secrets]
        nodes = [SphinxClient.Nenc(i) for i in range(hops)]

        def create(nodes=nodes, keys=keys):
            return SphinxClient.create_forward_message(params, nodes, keys, destination, message)

        out.append(("sphinxmix.create.%dhop" % hops, create))
        if hops == 3:
            header, delta = create()
            secret = secrets[0]
            out.append(("sphinxmix.process.relay",
                        lambda h=header, d=delta, x=secret: sphinx_process(params, x, h, d)))
    scalar = Bn.from_binary(os.urandom(28)) % group.G.order()
    point = group.g.pt_mul(Bn.from_binary(os.urandom(28)) % group.G.order())
    out.append(("p224.scalarmult", lambda: point.pt_mul(scalar)))
    lioness_key = os.urandom(16)
    block = b"B" * 1024
    out.append(("lioness.aes128-sha256.1024", lambda: params.lioness_enc(lioness_key, block)))
    # The X25519 of OpenSSL (through `cryptography`): a yardstick on the peer's side.
    mine = X25519PrivateKey.generate()
    theirs = X25519PublicKey.from_public_bytes(
        X25519PrivateKey.generate().public_key().public_bytes_raw())
    out.append(("x25519.scalarmult.openssl", lambda: mine.exchange(theirs)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repetitions", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--filter", default=None)
    args = parser.parse_args()
    report = {"cases": {}, "notes": [
        "sphinxmix 0.0.7 from PyPI with petlib (OpenSSL), CPU time of the measuring thread"]}
    for name, body in cases():
        if args.filter and args.filter not in name:
            continue
        samples = timed(body, args.repetitions, args.warmup)
        report["cases"][name] = {"median_us": statistics.median(samples), "min_us": min(samples),
                                 "runs": len(samples)}
    json.dump(report, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
