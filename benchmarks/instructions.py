#!/usr/bin/env python3
"""User-space instructions per operation, stdlib socket vs pysocket, under
valgrind's callgrind (deterministic where wall time drifts 10% or more).

    python3 benchmarks/instructions.py [--n 2000] [--annotate] SCENARIO-SUBSTRING ...

For each scenario and module, runs the scenario's operation N0 and N0 + n
times in separate callgrind runs; the difference divided by n is the cost of
one operation, free of interpreter start-up.  Kernel time is not counted:
callgrind sees user space only.  --annotate also prints, per operation, the
functions' self costs and the socket-related functions' inclusive costs
(differences between the two runs, so start-up cancels out).
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


def costs(outfile, inclusive):
    """{function: instructions} from callgrind_annotate (self or inclusive)."""
    out = subprocess.run(["callgrind_annotate", "--threshold=100", "--auto=no",
                          "--inclusive=" + ("yes" if inclusive else "no"), outfile],
                         check=True, capture_output=True, text=True).stdout
    table = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+(?:\([^)]*\)\s+)?(\S.*)", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        name = m.group(2)
        name = re.sub(r"\s*\[[^\]]*\]$", "", name)      # drop the object file
        name = re.sub(r"'\d+$", "", name.split(":")[-1])  # drop the file, recursion depth
        count = int(m.group(1).replace(",", ""))
        # a function's lines may be listed under several files (inlined
        # headers): self costs add up, inclusive costs overlap
        table[name] = max(table.get(name, 0), count) if inclusive else table.get(name, 0) + count
    return table


INTERESTING = re.compile(r"^(sock_|pysock_|recv|send|accept|connect|poll|internal_|"
                         r"sock_call|PyArg|_PyArg|PyObject_GetBuffer|PyBytes_From|"
                         r"PyEval_SaveThread|PyEval_RestoreThread|__libc_|__GI___|"
                         r"__poll|socket|_?clock_gettime|__clock|_PyTime|"
                         r"PyTuple_New|PyLong_From|do_connect|new_sockobject|init_sockobject)")


def breakdown(small, big, n, top):
    """Per-operation instruction counts: self costs, then inclusive costs of
    the socket-related functions, from the difference of two runs."""
    for inclusive in (False, True):
        a, b = costs(small, inclusive), costs(big, inclusive)
        diff = {k: (b.get(k, 0) - a.get(k, 0)) / n for k in set(a) | set(b)}
        rows = sorted(((v, k) for k, v in diff.items() if v >= 2), reverse=True)
        if inclusive:
            rows = [r for r in rows if INTERESTING.match(r[1])]
        print("    -- %s, per op --" % ("inclusive (socket-related)" if inclusive else "self"))
        for v, k in rows[:top]:
            print("    %8.0f  %s" % (v, k))


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
            tag = "%s.%s" % (mod, re.sub(r"\W+", "_", name))
            small = os.path.join(tmp, "a." + tag)
            big = os.path.join(tmp, "b." + tag)
            a = callgrind(name, mod, args.n0, small)
            b = callgrind(name, mod, args.n0 + args.n, big)
            per[mod] = (b - a) / args.n
            print("%-28s %-8s %8.0f instructions/op" % (name, mod, per[mod]), flush=True)
            if args.annotate:
                breakdown(small, big, args.n, args.top)
        print("%-28s ratio    %8.3f" % (name, per["pysocket"] / per["stdlib"]), flush=True)


if __name__ == "__main__":
    main()
