"""AF_INET and AF_INET6 address parsing and building.

Each bad address is run through bind/connect/sendto on both modules; the
outcome (result, or exception type + errno + message) must equal the
stdlib's, and the stdlib run also checks the exception type the table names.
No DNS: host names are numeric, 'localhost' (AF_INET, from /etc/hosts), or
forms the C library rejects before any lookup ('a..b': empty label, and a
64-character label), verified with strace not to send a query."""
import socket as STDLIB

import pytest

from util import HOST, outcome, tcp_listener

LONG_LABEL = "a" * 64 + ".invalid"

# (id, address, expected exception name or None for success)
INET_BIND_CASES = [
    ("str", "127.0.0.1", "TypeError"),
    ("list", ["127.0.0.1", 0], "TypeError"),
    ("1-tuple", ("127.0.0.1",), "TypeError"),
    ("3-tuple", ("127.0.0.1", 0, 0), "TypeError"),
    ("empty-tuple", (), "TypeError"),
    ("none", None, "TypeError"),
    ("port-neg", ("127.0.0.1", -1), "OverflowError"),
    ("port-65536", ("127.0.0.1", 65536), "OverflowError"),
    ("port-huge", ("127.0.0.1", 2 ** 70), "OverflowError"),
    ("port-str", ("127.0.0.1", "80"), "TypeError"),
    ("port-float", ("127.0.0.1", 80.0), "TypeError"),
    ("port-none", ("127.0.0.1", None), "TypeError"),
    ("port-bool", ("127.0.0.1", False), None),
    ("host-int", (127, 0), "TypeError"),
    ("host-none", (None, 0), "TypeError"),
    ("host-nul", ("127.0.0.1\x00", 0), "TypeError"),
    ("host-bytes-nul", (b"127.0.0.1\x00x", 0), "TypeError"),
    ("host-bytes", (b"127.0.0.1", 0), None),
    ("host-bytearray", (bytearray(b"127.0.0.1"), 0), None),
    ("host-memoryview", (memoryview(b"127.0.0.1"), 0), "TypeError"),
    ("host-short-form", ("127.1", 0), None),
    ("host-empty", ("", 0), None),
    ("host-localhost", ("localhost", 0), None),
    ("host-empty-label", ("a..b", 0), "gaierror"),
    ("host-long-label", (LONG_LABEL, 0), "gaierror"),
    ("host-ipv6-on-inet", ("::1", 0), "gaierror"),
    ("host-nonascii-bad", ("\u00e9..b", 0), "*"),
    ("host-surrogate", ("\udcff", 0), "*"),
    ("not-local", ("192.0.2.55", 0), "OSError"),
]


def _bind_case(mod, addr, type_=None):
    s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM if type_ is None else type_)
    try:
        s.bind(addr)
        return s.getsockname()[0]
    finally:
        s.close()


def _check_case(sm, fn, expected):
    got = outcome(sm, lambda: fn(sm))
    exp = outcome(STDLIB, lambda: fn(STDLIB))
    if expected is None:
        assert exp[0] == "ok"
    elif expected != "*":      # '*': whatever this Python's stdlib does
        assert exp[1] == expected, exp
    assert got == exp


@pytest.mark.parametrize("addr,expected", [c[1:] for c in INET_BIND_CASES],
                         ids=[c[0] for c in INET_BIND_CASES])
def test_inet_bind_address(sm, addr, expected):
    _check_case(sm, lambda m: _bind_case(m, addr), expected)


@pytest.mark.parametrize("method", ["connect", "connect_ex", "sendto"])
@pytest.mark.parametrize("addr,expected", [c[1:] for c in INET_BIND_CASES[:16]],
                         ids=[c[0] for c in INET_BIND_CASES[:16]])
def test_inet_caller_in_messages(sm, method, addr, expected):
    """The same errors from connect/connect_ex/sendto (the messages name the
    method, e.g. 'connect(): port must be 0-65535.')."""
    def run(m):
        s = m.socket(m.AF_INET, m.SOCK_DGRAM)
        try:
            if method == "sendto":
                return s.sendto(b"", addr)
            return getattr(s, method)(addr)
        finally:
            s.close()
    if expected is None:
        expected_ok = None
    else:
        expected_ok = expected
    # port-bool / successes on UDP connect to port 0 are ok on both sides
    got = outcome(sm, lambda: run(sm))
    exp = outcome(STDLIB, lambda: run(STDLIB))
    if expected_ok is not None:
        assert exp[1] == expected_ok
    assert got == exp


def test_inet_any_and_broadcast(sm, closer):
    s = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    s.bind(("", 0))
    assert s.getsockname()[0] == "0.0.0.0"
    # '<broadcast>' is INADDR_BROADCAST; binding to it sends nothing.
    _check_case(sm, lambda m: _bind_case(m, ("<broadcast>", 0)), None)
    assert outcome(sm, lambda: _bind_case(sm, ("<broadcast>", 0))) == ("ok", "255.255.255.255")
    # UDP connect to '<broadcast>' without SO_BROADCAST: EACCES, nothing sent.
    def conn(m):
        u = m.socket(m.AF_INET, m.SOCK_DGRAM)
        try:
            u.connect(("<broadcast>", 9))
        finally:
            u.close()
    _check_case(sm, conn, "PermissionError")


def test_inet_tcp_localhost_connect(sm, closer):
    srv = tcp_listener(sm, closer)
    c = closer(sm.socket())
    c.connect(("localhost", srv.getsockname()[1]))
    assert c.getpeername() == srv.getsockname()


def test_gaierror_details(sm):
    def run(m):
        s = m.socket()
        try:
            s.connect(("a..b", 80))
        except m.gaierror as e:
            return (e.args, e.errno, e.strerror, type(e).__name__)
        finally:
            s.close()
    got = run(sm)
    assert got == run(STDLIB)
    assert got[1] == sm.EAI_NONAME


# --- AF_INET6 ------------------------------------------------------------------

INET6_CASES = [
    ("2-tuple", ("::1", 0), None),
    ("3-tuple", ("::1", 0, 0), None),
    ("4-tuple", ("::1", 0, 0, 0), None),
    ("5-tuple", ("::1", 0, 0, 0, 0), "TypeError"),
    ("1-tuple", ("::1",), "TypeError"),
    ("str", "::1", "TypeError"),
    ("list", ["::1", 0], "TypeError"),
    ("port-neg", ("::1", -1), "OverflowError"),
    ("port-big", ("::1", 65536), "OverflowError"),
    ("port-str", ("::1", "0"), "TypeError"),
    ("flowinfo-max", ("::1", 0, 0xFFFFF), None),
    ("flowinfo-over", ("::1", 0, 0x100000), "OverflowError"),
    ("flowinfo-neg", ("::1", 0, -1), "OverflowError"),
    ("flowinfo-2**32", ("::1", 0, 2 ** 32), None),
    ("flowinfo-str", ("::1", 0, "0"), "TypeError"),
    ("scope-str", ("::1", 0, 0, "lo"), "TypeError"),
    ("scope-1", ("::1", 0, 0, 1), None),
    ("scope-neg", ("::1", 0, 0, -1), None),
    ("scope-huge", ("::1", 0, 0, 2 ** 64 + 1), None),
    ("scope-float", ("::1", 0, 0, 1.0), "TypeError"),
    ("host-int", (1, 0), "TypeError"),
    ("host-ipv4", ("127.0.0.1", 0), "gaierror"),
    ("host-empty", ("", 0), None),
    ("host-bytes", (b"::1", 0), None),
    ("host-pct-lo", ("::1%lo", 0), "*"),
    ("host-pct-bad", ("fe80::1%nonexistent0", 0), "gaierror"),
    ("host-empty-label", ("a..b", 0), "gaierror"),
    ("host-nul", ("::1\x00", 0), "TypeError"),
]


def _bind6(mod, addr):
    s = mod.socket(mod.AF_INET6, mod.SOCK_DGRAM)
    try:
        s.bind(addr)
        name = s.getsockname()
        return (name[0], len(name))
    finally:
        s.close()


@pytest.mark.parametrize("addr,expected", [c[1:] for c in INET6_CASES],
                         ids=[c[0] for c in INET6_CASES])
def test_inet6_bind_address(sm, addr, expected):
    _check_case(sm, lambda m: _bind6(m, addr), expected)


def test_inet6_results_are_4_tuples(sm, closer):
    s = closer(sm.socket(sm.AF_INET6, sm.SOCK_DGRAM))
    s.bind(("::1", 0, 0x12345, 0))
    name = s.getsockname()
    assert len(name) == 4 and name[0] == "::1" and name[2:] == (0, 0)
    s.sendto(b"x", ("::1", name[1]))
    data, peer = s.recvfrom(10)
    assert peer == name
    srv = tcp_listener(sm, closer, sm.AF_INET6)
    c = closer(sm.socket(sm.AF_INET6))
    c.connect(srv.getsockname()[:2])
    conn, addr = srv.accept()
    closer(conn)
    assert addr == c.getsockname() and len(addr) == 4
    assert c.getpeername() == srv.getsockname()


# Link-local scopes need a link-local address on an interface: the test
# creates its own network namespace (unshare -n) with fe80::1/64 on its lo,
# and runs the cases there in a child interpreter, once per module.
NETNS_CHILD = r"""
import sys
from util import outcome
if sys.argv[1] == "stdlib":
    import socket as mod
else:
    import pysocket as mod
CASES = [
    ("bind", ("fe80::1", 0, 0, 1)),
    ("bind", ("fe80::1%lo", 0)),
    ("bind", ("fe80::1%1", 0)),
    ("bind", ("fe80::1%lo", 0, 0, 1)),
    ("bind", ("fe80::1", 0)),
    ("connect", ("fe80::1", 9, 0, 1)),
    ("connect", ("fe80::1%lo", 9)),
    ("connect", ("fe80::1%lo", 9, 0, 1)),
    ("connect", ("fe80::1", 9, 5, 1)),
    ("connect", ("fe80::1", 9, 0, 2 ** 32 + 1)),
]
def run(op, addr):
    s = mod.socket(mod.AF_INET6, mod.SOCK_DGRAM)
    try:
        if op == "bind":
            s.bind(addr)
            name = s.getsockname()
            return (name[0],) + tuple(name[2:])
        s.connect(addr)
        return s.getpeername()
    finally:
        s.close()
print(repr([outcome(mod, lambda: run(op, a)) for op, a in CASES]))
"""


def _netns_outcomes(modname):
    import os
    import shutil
    import subprocess
    import sys
    if not shutil.which("unshare") or not shutil.which("ip"):
        pytest.skip("needs unshare(1) and ip(8) to build a network namespace")
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([here, os.path.dirname(here)])
    script = ("ip link set lo up && ip -6 addr add fe80::1/64 dev lo nodad && "
              "exec \"$0\" -c \"$1\" \"$2\"")
    proc = subprocess.run(["unshare", "-n", "sh", "-c", script, sys.executable,
                           NETNS_CHILD, modname],
                          capture_output=True, text=True, env=env, timeout=60)
    if proc.returncode != 0 and "unshare failed" in proc.stderr:
        pytest.skip("cannot create a network namespace: " + proc.stderr.strip())
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


# Deliberate difference (main, commit ab0671f, csrc/addr_inet.c): the stdlib
# overwrites the scope id a "%ifname" suffix gave with the tuple's (default
# 0), so ('fe80::1%lo', port) fails with EINVAL; pysocket keeps the suffix's
# scope unless the tuple names one.  For those cases (indices into CASES)
# pysocket is checked against this explicit expectation instead.
DELIBERATE_SUFFIX_SCOPE = {1: ("ok", ("fe80::1", 0, 1)),
                           2: ("ok", ("fe80::1", 0, 1)),
                           6: ("ok", ("fe80::1", 9, 0, 1))}


def test_inet6_link_local_scopes(sm):
    import ast
    name = "stdlib" if sm is STDLIB else "pysocket"
    got = ast.literal_eval(_netns_outcomes(name))
    exp = ast.literal_eval(_netns_outcomes("stdlib"))
    assert exp[5] == ("ok", ("fe80::1", 9, 0, 1))
    if name == "pysocket":
        for i, deliberate in DELIBERATE_SUFFIX_SCOPE.items():
            assert exp[i][:3] == ("raise", "OSError", 22)
            exp[i] = deliberate
    assert got == exp


def test_inet6_v4mapped(sm, closer):
    """An IPv4 client seen through a dual-stack IPv6 listener."""
    srv = closer(sm.socket(sm.AF_INET6, sm.SOCK_STREAM))
    srv.setsockopt(sm.IPPROTO_IPV6, sm.IPV6_V6ONLY, 0)
    srv.bind(("::", 0))
    srv.listen()
    c = closer(sm.socket(sm.AF_INET, sm.SOCK_STREAM))
    c.connect((HOST, srv.getsockname()[1]))
    conn, addr = srv.accept()
    closer(conn)
    assert addr == ("::ffff:127.0.0.1", c.getsockname()[1], 0, 0)
