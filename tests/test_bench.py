"""The benchmark tools run and report every scenario (no timing is asserted:
speed is measured by the benchmarks themselves, never by a test).

- pysocket.bench: every scenario of issue 9 is listed, a one-repetition run
  reports positive ns/op for both modules and writes the JSON;
- its compiled cheap-call loop makes exactly `loops` calls with the
  arguments given;
- benchmarks/floor.c builds warning-free and runs each of its scenarios.
"""
import json
import math
import os
import shutil
import subprocess
import sys

import pytest

from pysocket import bench

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

REQUIRED = [
    "send+recv 64 B, blocking", "send+recv 64 B, timeout", "send+recv 64 B, non-blocking",
    "send+recv_into 64 B", "UDP sendto+recvfrom 64 B",
    "UDP receive 64 B x64: recvfrom loop vs recvmmsg", "UDP send 64 B x64: sendto loop vs sendmmsg",
    "TCP connect+accept+close", "bulk sendall/recv_into 64 KiB", "makefile readline (64 B lines)",
    "htons", "inet_pton", "inet_aton", "fileno", "gettimeout", "getsockopt SO_TYPE",
    "getaddrinfo numeric",
]


def run_bench(*args):
    return subprocess.run([sys.executable, "-m", "pysocket.bench", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_list_names_every_required_scenario():
    out = run_bench("--list")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [sc.name for sc in bench.SCENARIOS]
    assert set(REQUIRED) <= set(out.stdout.splitlines())


def test_short_run_reports_every_scenario(tmp_path):
    path = tmp_path / "out.json"
    out = run_bench("--reps", "1", "--ms", "1", "--json", str(path))
    assert out.returncode == 0, out.stderr
    data = json.loads(path.read_text())
    assert data["skipped"] == []
    assert [r["scenario"] for r in data["results"]] == [sc.name for sc in bench.SCENARIOS]
    for r in data["results"]:
        assert r["stdlib_ns"] > 0 and r["pysocket_ns"] > 0, r
        assert math.isfinite(r["ratio"]) and r["ratio"] > 0, r
        assert "| %s |" % r["scenario"] in out.stdout
    assert "geometric mean of ratios" in out.stdout
    assert "[%d/%d]" % (len(bench.SCENARIOS), len(bench.SCENARIOS)) in out.stderr


def test_import_leaves_the_stdlib_socket_alone():
    code = "import sys, pysocket.bench; print('socket' in sys.modules, '_socket' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.stdout.split() == ["False", "False"], out.stderr


@pytest.mark.parametrize("args", [(), (7,), ("a", 2, None)])
def test_direct_loop_calls_exactly_loops_times(args):
    calls = []
    run = bench._direct_loop(lambda *a: calls.append(a), args)
    run(5)
    assert calls == [tuple(args)] * 5


def test_floor_program_builds_and_runs(tmp_path):
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    assert cc is not None, "a C compiler is needed to build pysocket itself"
    exe = str(tmp_path / "floor")
    subprocess.run([cc, "-O2", "-Wall", "-Wextra", "-Werror", "-o", exe,
                    os.path.join(ROOT, "benchmarks", "floor.c")], check=True)
    for name in ["pair", "udp", "recvfrom", "recvmmsg", "sendto", "sendmmsg", "connect"]:
        out = subprocess.run([exe, name, "128"], capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, (name, out.stderr)
        assert float(out.stdout) > 0, name
    bad = subprocess.run([exe, "nosuch", "1"], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown scenario" in bad.stderr
