#!/usr/bin/env python3
"""The C floor under the kernel-bound scenarios: what the best possible
Python socket module could reach on this machine.

    python3 benchmarks/floor.py [--reps 5] [--ms 40]

Builds benchmarks/floor.c with the C compiler ($CC, else cc), runs each
operation from C (no interpreter at all), and runs pysocket.bench's matching
scenario with the stdlib and pysocket in the same session.  "best" is
C / stdlib: no extension can go below it, because the rest is the kernel's.
For the batch scenarios the C column is recvmmsg(2) / sendmmsg(2), so
"best" is the highest speed-up a batch API can give over the stdlib's
recvfrom / sendto loop here.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from pysocket import bench  # noqa: E402  (after the path set-up)

# bench scenario name -> floor.c scenario
PAIRS = [
    ("send+recv 64 B, blocking", "pair"),
    ("UDP sendto+recvfrom 64 B", "udp"),
    ("UDP receive 64 B x64: recvfrom loop vs recvmmsg", "recvmmsg"),
    ("UDP send 64 B x64: sendto loop vs sendmmsg", "sendmmsg"),
    ("TCP connect+accept+close", "connect"),
]


def build(tmp):
    exe = os.path.join(tmp, "floor")
    cc = os.environ.get("CC", "cc")
    subprocess.run([cc, "-O2", "-o", exe, os.path.join(HERE, "floor.c")], check=True)
    return exe


def c_ns(exe, name, loops, reps):
    runs = [float(subprocess.run([exe, name, str(loops)], check=True, capture_output=True,
                                 text=True).stdout) for _ in range(reps)]
    return statistics.median(runs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--ms", type=float, default=40)
    args = ap.parse_args(argv)
    by_name = {sc.name: sc for sc in bench.SCENARIOS}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        exe = build(tmp)
        for scenario, cname in PAIRS:
            print("[%s] %s" % (cname, scenario), file=sys.stderr, flush=True)
            r = bench.measure(by_name[scenario], args.reps, args.ms * 1e6, lambda msg: None)
            floor = c_ns(exe, cname, max(r["loops"], 64), args.reps)
            rows.append((scenario, floor, r["stdlib_ns"], r["pysocket_ns"]))
    print("| scenario | C floor ns/op | stdlib ns/op | pysocket ns/op "
          "| best possible (C/stdlib) | pysocket/stdlib |")
    print("|---|---:|---:|---:|---:|---:|")
    for scenario, floor, std, ps in rows:
        print("| %s | %.0f | %.0f | %.0f | %.3f | %.3f |"
              % (scenario, floor, std, ps, floor / std, ps / std))
    return 0


if __name__ == "__main__":
    sys.exit(main())
