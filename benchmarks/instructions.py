#!/usr/bin/env python3
"""User-space instructions per operation, stdlib socket vs pysocket, under
valgrind's callgrind (deterministic where wall time drifts 10% or more).

    python3 benchmarks/instructions.py [--n 2000] [--annotate] SCENARIO-SUBSTRING ...

For each scenario and module, runs the scenario's operation N0 and N0 + n
times in separate callgrind runs; the difference divided by n is the cost of
one operation, free of interpreter start-up.  Kernel time is not counted:
callgrind sees user space only.  --annotate also prints the top functions
(inclusive) of the longer pysocket run, per operation.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

CHILD = r"""
import sys
sys.path.insert(0, %(root)r)
import socket, pysocket
from pysocket import bench
sc = [s for s in bench.SCENARIOS if %(name)r.lower() in s.name.lower()][0]
mod = socket if %(mod)r == "stdlib" else pysocket
run, close = sc.setup(mod)
run(50)                 # warm caches and the address cache
run(%(n)d)
close()
"""


def callgrind(name, mod, n, outfile):
    code = CHILD % {"root": ROOT, "name": name, "mod": mod, "n": n}
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + outfile,
                    sys.executable, "-c", code],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(outfile) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise RuntimeError("no totals in " + outfile)


def annotate(outfile, per, top):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", outfile],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(2)))
    for count, fn in rows[:top]:
        print("    %8.0f  %s" % (count / per, fn))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenarios", nargs="+")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--n0", type=int, default=200)
    ap.add_argument("--annotate", action="store_true")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="pysock-cg-")
    for name in args.scenarios:
        per = {}
        for mod in ("stdlib", "pysocket"):
            a = callgrind(name, mod, args.n0, os.path.join(tmp, "a.%s" % mod))
            big = os.path.join(tmp, "b.%s.%s" % (mod, re.sub(r"\W+", "_", name)))
            b = callgrind(name, mod, args.n0 + args.n, big)
            per[mod] = (b - a) / args.n
            print("%-28s %-8s %8.0f instructions/op" % (name, mod, per[mod]), flush=True)
            if args.annotate:
                annotate(big, args.n0 + args.n + 50, args.top)
        print("%-28s ratio    %8.3f" % (name, per["pysocket"] / per["stdlib"]), flush=True)


if __name__ == "__main__":
    main()
