"""pysocket benchmark suite: pysocket against the stdlib socket module.

    python -m pysocket.bench [--quick] [--reps N] [--only SUBSTRING ...]
                             [--chart ratios.png] [--json results.json]

Each scenario runs the same operation with the stdlib ``socket`` module and
with ``pysocket`` in this one process, alternating which goes first, for
several repetitions.  A repetition times a calibrated number of operations
for each module; the scenario's ratio is the median over repetitions of
pysocket_time / stdlib_time (below 1.0: pysocket is faster), and its ns/op
figures are the medians of each side.

The stdlib socket module it compares against is imported only when a
benchmark runs (``_stdlib()``): neither ``import pysocket`` nor importing
this module loads it.
"""
import argparse
import importlib
import json
import math
import os
import statistics
import sys
import threading
import time

import pysocket

_stdlib_module = None


def _stdlib():
    """The stdlib socket module, the reference: imported on first use."""
    global _stdlib_module
    if _stdlib_module is None:
        _stdlib_module = importlib.import_module("socket")
    return _stdlib_module


def _modules():
    return (("stdlib", _stdlib()), ("pysocket", pysocket))
PAYLOAD = b"x" * 64
LO = "127.0.0.1"


class Skip(Exception):
    """Raised by a scenario's setup: the scenario cannot run, with the reason."""


class Scenario:
    """name; setup(mod) -> (run, close) where run(loops) performs `loops`
    operations and returns the elapsed ns (or None: the caller times it)."""

    def __init__(self, name, setup, group="io"):
        self.name = name
        self.setup = setup
        self.group = group


SCENARIOS = []


def scenario(name, group="io"):
    def deco(fn):
        SCENARIOS.append(Scenario(name, fn, group))
        return fn
    return deco


def _closer(*socks):
    def close():
        for s in socks:
            s.close()
    return close


def _need(mod, *names):
    for n in names:
        obj = mod
        for part in n.split("."):
            if not hasattr(obj, part):
                raise Skip("%s has no %s yet" % (mod.__name__, n))
            obj = getattr(obj, part)


# ---------------------------------------------------------------- stream pairs

def _pair(mod, timeout):
    a, b = mod.socketpair()
    a.settimeout(timeout)
    b.settimeout(timeout)

    def run(loops):
        send, recv, p = a.send, b.recv, PAYLOAD
        for _ in range(loops):
            send(p)
            recv(64)
    return run, _closer(a, b)


@scenario("send+recv 64 B, blocking")
def _pair_blocking(mod):
    return _pair(mod, None)


@scenario("send+recv 64 B, timeout")
def _pair_timeout(mod):
    return _pair(mod, 5.0)


@scenario("send+recv 64 B, non-blocking")
def _pair_nonblocking(mod):
    return _pair(mod, 0.0)


@scenario("send+recv_into 64 B")
def _recv_into(mod):
    a, b = mod.socketpair()
    buf = bytearray(64)

    def run(loops):
        send, recv_into, p = a.send, b.recv_into, PAYLOAD
        for _ in range(loops):
            send(p)
            recv_into(buf)
    return run, _closer(a, b)


# ---------------------------------------------------------------- UDP

def _udp_pair(mod):
    a = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    b = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    a.bind((LO, 0))
    b.bind((LO, 0))
    return a, b


@scenario("UDP sendto+recvfrom 64 B")
def _udp(mod):
    a, b = _udp_pair(mod)
    dst = b.getsockname()

    def run(loops):
        sendto, recvfrom, p = a.sendto, b.recvfrom, PAYLOAD
        for _ in range(loops):
            sendto(p, dst)
            recvfrom(64)
    return run, _closer(a, b)


BATCH = 64


@scenario("UDP receive 64 B x64: recvfrom loop vs recvmmsg", "batch")
def _batch_recv(mod):
    """Receive side only: each batch is queued by an untimed sender first."""
    if mod is pysocket:
        _need(pysocket, "socket.recvmmsg")
    a, b = _udp_pair(mod)
    std = _stdlib()
    feeder = std.socket(std.AF_INET, std.SOCK_DGRAM)
    feeder.bind((LO, 0))
    dst = b.getsockname()

    def fill():
        for _ in range(BATCH):
            feeder.sendto(PAYLOAD, dst)

    if mod is pysocket:
        def receive():
            got = b.recvmmsg(BATCH, 64)
            n = len(got)
            while n < BATCH:          # a partial batch: take the rest
                n += len(b.recvmmsg(BATCH - n, 64))
    else:
        def receive():
            recvfrom = b.recvfrom
            for _ in range(BATCH):
                recvfrom(64)

    def run(loops):
        total = 0
        clock = time.perf_counter_ns
        for _ in range(max(1, loops // BATCH)):
            fill()
            t0 = clock()
            receive()
            total += clock() - t0
        return total * loops // (max(1, loops // BATCH) * BATCH)
    return run, _closer(a, b, feeder)


@scenario("UDP send 64 B x64: sendto loop vs sendmmsg", "batch")
def _batch_send(mod):
    """Send side only: the receiver drains each batch untimed."""
    if mod is pysocket:
        _need(pysocket, "socket.sendmmsg")
    a, b = _udp_pair(mod)
    dst = b.getsockname()
    items = [(PAYLOAD, dst)] * BATCH
    drain = _stdlib().socket(fileno=os.dup(b.fileno()))   # same queue, stdlib reader

    if mod is pysocket:
        def send():
            n = a.sendmmsg(items)
            while n < BATCH:
                n += a.sendmmsg(items[n:])
    else:
        def send():
            sendto = a.sendto
            for _ in range(BATCH):
                sendto(PAYLOAD, dst)

    def run(loops):
        total = 0
        clock = time.perf_counter_ns
        rounds = max(1, loops // BATCH)
        for _ in range(rounds):
            t0 = clock()
            send()
            total += clock() - t0
            for _ in range(BATCH):
                drain.recv(64)
        return total * loops // (rounds * BATCH)
    return run, _closer(a, b, drain)


# ---------------------------------------------------------------- TCP

@scenario("TCP connect+accept+close")
def _tcp_connect(mod):
    _need(mod, "socket.accept")
    lsn = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    lsn.bind((LO, 0))
    lsn.listen(128)
    dst = lsn.getsockname()
    fam, typ = mod.AF_INET, mod.SOCK_STREAM

    def run(loops):
        for _ in range(loops):
            c = mod.socket(fam, typ)
            c.connect(dst)
            s, _ = lsn.accept()
            s.close()
            c.close()
    return run, _closer(lsn)


@scenario("bulk sendall/recv_into 64 KiB")
def _bulk(mod):
    a, b = mod.socketpair()
    chunk = b"b" * 65536
    buf = bytearray(65536)
    view = memoryview(buf)

    def run(loops):
        want = loops * len(chunk)

        def reader():
            got = 0
            recv_into = b.recv_into
            while got < want:
                got += recv_into(view)
        t = threading.Thread(target=reader)
        t0 = time.perf_counter_ns()
        t.start()
        sendall = a.sendall
        for _ in range(loops):
            sendall(chunk)
        t.join()
        return time.perf_counter_ns() - t0
    return run, _closer(a, b)


@scenario("makefile readline (64 B lines)")
def _readline(mod):
    _need(mod, "socket.makefile")
    a, b = mod.socketpair()
    line = b"y" * 63 + b"\n"
    block = line * 64
    f = b.makefile("rb")

    def run(loops):
        readline = f.readline
        sendall = a.sendall
        done = 0
        while done < loops:
            sendall(block)
            for _ in range(64):
                readline()
            done += 64
        return None

    def close():
        f.close()
        a.close()
        b.close()
    return run, close


# ---------------------------------------------------------------- cheap calls

_LOOP_SRC = """
def make(fn, args):
    {unpack}
    def run(loops):
        f = fn
        for _ in range(loops):
            f({names})
    return run
"""


def _direct_loop(fn, args):
    """run(loops) calling fn(*args) `loops` times as written-out code, the
    way timeit compiles its statement: the arguments are locals of the loop,
    so no lambda or *args unpacking is timed along with the call."""
    names = ", ".join("a%d" % i for i in range(len(args)))
    unpack = ("%s, = args" % names) if args else "pass"
    ns = {}
    exec(_LOOP_SRC.format(unpack=unpack, names=names), ns)
    return ns["make"](fn, args)


def _cheap(name, needs, make):
    """A cheap-call scenario: make(mod) -> (function, args, close)."""
    def setup(mod):
        _need(mod, *needs)
        fn, args, close = make(mod)
        return _direct_loop(fn, args), close
    SCENARIOS.append(Scenario(name, setup, "cheap"))


def _nothing():
    pass


_cheap("htons", ["htons"], lambda m: (m.htons, (1234,), _nothing))
_cheap("inet_pton", ["inet_pton"], lambda m: (m.inet_pton, (m.AF_INET, LO), _nothing))
_cheap("inet_aton", ["inet_aton"], lambda m: (m.inet_aton, (LO,), _nothing))


def _on_socket(method, *args):
    def make(mod):
        s = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
        return getattr(s, method), args, s.close
    return make


_cheap("fileno", [], _on_socket("fileno"))
_cheap("gettimeout", [], _on_socket("gettimeout"))
_cheap("getsockopt SO_TYPE", [], _on_socket("getsockopt", pysocket.SOL_SOCKET, pysocket.SO_TYPE))
_cheap("getaddrinfo numeric", ["getaddrinfo"],
       lambda m: (m.getaddrinfo, (LO, 80, m.AF_INET, m.SOCK_STREAM), _nothing))


# ---------------------------------------------------------------- the runner

def _time(run, loops):
    t0 = time.perf_counter_ns()
    r = run(loops)
    return r if r is not None else time.perf_counter_ns() - t0


def _calibrate(run, target_ns):
    loops = 16
    while True:
        t = _time(run, loops)
        if t >= target_ns / 4 or loops >= 1 << 24:
            return max(16, int(loops * target_ns / max(t, 1)))
        loops *= 4


def measure(sc, reps, target_ns, progress):
    """Runs one scenario; returns a result dict or raises Skip."""
    runs = {}
    closers = []
    try:
        for label, mod in _modules():
            run, close = sc.setup(mod)
            closers.append(close)
            runs[label] = run
        # one calibration for both sides (the stdlib's speed), so each
        # repetition times the same number of operations
        for run in runs.values():
            _time(run, 16)                        # warm up
        loops = _calibrate(runs["stdlib"], target_ns)
        times = {"stdlib": [], "pysocket": []}
        ratios = []
        for rep in range(reps):
            order = ("stdlib", "pysocket") if rep % 2 == 0 else ("pysocket", "stdlib")
            got = {}
            for label in order:
                got[label] = _time(runs[label], loops) / loops
                times[label].append(got[label])
            ratios.append(got["pysocket"] / got["stdlib"])
            progress("  rep %d/%d: stdlib %8.0f ns/op  pysocket %8.0f ns/op  ratio %.3f"
                     % (rep + 1, reps, got["stdlib"], got["pysocket"], ratios[-1]))
        return {
            "scenario": sc.name,
            "group": sc.group,
            "loops": loops,
            "stdlib_ns": statistics.median(times["stdlib"]),
            "pysocket_ns": statistics.median(times["pysocket"]),
            "ratio": statistics.median(ratios),
            "ratios": ratios,
        }
    finally:
        for close in closers:
            close()


def markdown_table(results):
    lines = ["| scenario | stdlib ns/op | pysocket ns/op | ratio |",
             "|---|---:|---:|---:|"]
    for r in results:
        lines.append("| %s | %.0f | %.0f | %.3f |"
                     % (r["scenario"], r["stdlib_ns"], r["pysocket_ns"], r["ratio"]))
    return "\n".join(lines)


def geomean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def chart(results, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("chart skipped: matplotlib is not installed", file=sys.stderr)
        return
    names = [r["scenario"] for r in results]
    ratios = [r["ratio"] for r in results]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(names) + 1.2))
    colors = ["tab:green" if v <= 1.0 else "tab:red" for v in ratios]
    ax.barh(range(len(names)), ratios, color=colors)
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xlabel("time ratio pysocket / stdlib socket (lower is faster)")
    ax.set_title("pysocket vs stdlib socket, Python %d.%d" % sys.version_info[:2])
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    print("chart written to %s" % path, file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m pysocket.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="short run: fewer, shorter repetitions")
    ap.add_argument("--reps", type=int, help="repetitions per scenario (default 7, quick 3)")
    ap.add_argument("--ms", type=float, help="target ms per timed run (default 40, quick 8)")
    ap.add_argument("--only", action="append", default=[], metavar="SUBSTRING",
                    help="run only scenarios whose name contains SUBSTRING (repeatable)")
    ap.add_argument("--chart", metavar="PNG", help="write a bar chart of the ratios (needs matplotlib)")
    ap.add_argument("--json", metavar="FILE", help="write the results as JSON")
    ap.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = ap.parse_args(argv)
    if args.list:
        for sc in SCENARIOS:
            print(sc.name)
        return 0
    reps = args.reps or (3 if args.quick else 7)
    target_ns = (args.ms or (8 if args.quick else 40)) * 1e6
    chosen = [sc for sc in SCENARIOS
              if not args.only or any(o.lower() in sc.name.lower() for o in args.only)]

    def progress(msg):
        print(msg, file=sys.stderr, flush=True)

    print("Python %s, %d scenario(s), %d repetitions, ~%.0f ms per timed run"
          % (sys.version.split()[0], len(chosen), reps, target_ns / 1e6), file=sys.stderr)
    results, skipped = [], []
    for i, sc in enumerate(chosen, 1):
        progress("[%d/%d] %s" % (i, len(chosen), sc.name))
        try:
            results.append(measure(sc, reps, target_ns, progress))
        except Skip as e:
            progress("  skipped: %s" % e)
            skipped.append((sc.name, str(e)))

    print()
    print(markdown_table(results))
    print()
    ratios = [r["ratio"] for r in results]
    if ratios:
        print("geometric mean of ratios: %.3f over %d scenarios" % (geomean(ratios), len(ratios)))
    for name, why in skipped:
        print("skipped: %s (%s)" % (name, why))
    if args.chart and results:
        chart(results, args.chart)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"python": sys.version, "results": results,
                       "skipped": skipped, "geomean": geomean(ratios)}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
