"""Differential tests for resolver.c: getaddrinfo, getnameinfo,
gethostbyname(_ex), gethostbyaddr, gethostname, sethostname, getservby*,
getprotobyname.

No DNS: hosts are numeric, `localhost` (in /etc/hosts), or names that fail
before any lookup (argument errors, IDNA errors, AI_NUMERICHOST).  Reverse
lookups only for 127.0.0.1 (in /etc/hosts).  sethostname only runs inside a
new UTS namespace.
"""
import _socket as std
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

import pysocket._socket as ps

NUMERICHOST = std.AI_NUMERICHOST


def outcome(mod, _fn, *args, **kwargs):
    try:
        return ("ok", getattr(mod, _fn)(*args, **kwargs))
    except Exception as e:  # compared below, never swallowed
        # argument-parsing TypeError texts may differ in the function prefix
        msg = None if isinstance(e, TypeError) else str(e)
        return ("raise", type(e).__name__, msg, isinstance(e, OSError))


def check(_fn, *args, **kwargs):
    expected = outcome(std, _fn, *args, **kwargs)
    got = outcome(ps, _fn, *args, **kwargs)
    assert got == expected
    return got


def test_exception_classes():
    assert issubclass(ps.gaierror, OSError) and ps.gaierror.__name__ == "gaierror"
    assert issubclass(ps.herror, OSError) and ps.herror.__name__ == "herror"


# ---------------- getaddrinfo ----------------

GAI_CASES = [
    ("127.0.0.1", 80), ("127.0.0.1", "80"), ("127.0.0.1", b"80"), ("127.0.0.1", None),
    ("127.0.0.1", 0), ("127.0.0.1", ""), ("127.0.0.1", "http"), ("127.0.0.1", "echo"),
    ("127.0.0.1", "nosuchservice"), ("127.0.0.1", -1), ("127.0.0.1", 65535), ("127.0.0.1", 65536),
    ("127.0.0.1", 2 ** 40), ("127.0.0.1", 2 ** 70), ("127.0.0.1", -2 ** 70), ("127.0.0.1", True),
    ("127.0.0.1", 1.5), ("127.0.0.1", bytearray(b"1")), ("127.0.0.1", "\udc80"),
    ("127.0.0.1", "80\0junk"), ("127.0.0.1", b"80\0junk"),
    (b"127.0.0.1", 80), ("127.1", 80), ("0x7f.1", 80), ("127.0.0.1\0junk", 80),
    (b"127.0.0.1\0junk", 80), (bytearray(b"127.0.0.1"), 80), (1, 80), (1.0, 80),
    (None, 80), (None, None), (None, 0), ("", 0), (b"", 0),
    ("::1", 80), ("::", 0), ("::ffff:127.0.0.1", 80), ("::ffff:1.2.3.4", 80),
    ("fe80::1%lo", 80), ("fe80::1%1", 80), ("::1%lo", 80), ("fe80::1%nosuchif0", 80),
    ("localhost", 80), ("LOCALHOST", 80), (b"localhost", "http"),
    # fail in the idna codec, before any lookup
    ("a..b", 0), ("x" * 64, 0), ("x" * 64 + ".y", 0), (".", 0), ("..", 0), ("\udc80", 0),
    ("\udc80.localhost", 0), ("a" * 63 + ".localhost", 0) if False else ("127.0.0.1.", 0),
]


@pytest.mark.parametrize("host,port", GAI_CASES, ids=repr)
def test_getaddrinfo_host_port(host, port):
    check("getaddrinfo", host, port, flags=NUMERICHOST if host not in ("localhost", "LOCALHOST", b"localhost", None, "", b"") else 0)


@pytest.mark.parametrize("host", ["é", "例え.テスト", "xn--9ca", "é" * 64, "bücher.example",
                                  "a\u200db", "é\0", "ß", "\u0660"], ids=repr)
def test_getaddrinfo_idna_numerichost(host):
    # AI_NUMERICHOST: the idna codec runs, the lookup fails without DNS
    check("getaddrinfo", host, 80, flags=NUMERICHOST)


GAI_ARGS = [
    ((), {}), (("127.0.0.1",), {}), ((), {"port": 0}), (("127.0.0.1", 0, 0, 0, 0, 0, 0), {}),
    (("127.0.0.1", 0), {"foo": 1}), (("127.0.0.1", 0), {"host": 1}),
    (("127.0.0.1", 0, 0, 0, 0, 0), {"flags": 0}),
    ((), {"host": "127.0.0.1", "port": 80, "family": 2, "type": 1, "proto": 6, "flags": 0}),
    (("127.0.0.1", 80), {"type": std.SOCK_STREAM}), (("127.0.0.1", 80), {"proto": 17}),
    (("127.0.0.1", 80, std.AF_INET6), {}), (("::1", 80, std.AF_INET), {}),
    (("127.0.0.1", 80, 99), {}), (("127.0.0.1", 80, 0, 99), {}), (("127.0.0.1", 80, 0, 0, 99), {}),
    (("127.0.0.1", 80, 0, 0, 0, -1), {}), (("127.0.0.1", 80, 2 ** 40), {}),
    (("127.0.0.1", 80, 1.0), {}), (("127.0.0.1", 80, "2"), {}), (("127.0.0.1", 80, True), {}),
    (("127.0.0.1", 80), {"flags": std.AI_CANONNAME}), (("::1", 80), {"flags": std.AI_CANONNAME}),
    (("localhost", 80), {"flags": std.AI_CANONNAME}), (("localhost", 80, std.AF_INET6), {}),
    (("127.0.0.1", "http"), {"flags": std.AI_NUMERICSERV}),
    (("127.0.0.1", 80), {"flags": std.AI_NUMERICSERV}),
    ((None, 80), {"flags": std.AI_PASSIVE}), ((None, 80, std.AF_INET), {"flags": std.AI_PASSIVE}),
    (("127.0.0.1", 80, std.AF_INET, std.SOCK_RAW), {}),
    (("127.0.0.1", 80, std.AF_UNIX), {}),
    (("::ffff:127.0.0.1", 80, std.AF_INET6), {"flags": std.AI_V4MAPPED}),
]


@pytest.mark.parametrize("args,kwargs", GAI_ARGS, ids=repr)
def test_getaddrinfo_args(args, kwargs):
    check("getaddrinfo", *args, **kwargs)


def test_getaddrinfo_shape():
    res = check("getaddrinfo", "127.0.0.1", 80, 0, std.SOCK_STREAM)[1]
    assert res == [(std.AF_INET, std.SOCK_STREAM, std.IPPROTO_TCP, "", ("127.0.0.1", 80))]
    assert all(type(x) is int for x in res[0][:3])
    res6 = check("getaddrinfo", "fe80::1%lo", 80, 0, std.SOCK_DGRAM)[1]
    assert res6[0][4] == ("fe80::1", 80, 0, std.if_nametoindex("lo"))


# Numeric hosts with a numeric port are answered without calling
# getaddrinfo(3) for the common types and flags (resolver.c gai_numeric);
# every combination below, covered or not, must give the library's answer.
# Hosts that are not literals get AI_NUMERICHOST, so no case asks DNS.
NUMERIC_HOSTS = ["127.0.0.1", "::1", "::ffff:1.2.3.4", "fe80::1", "fe80::1%lo", "127.1",
                 "010.0.0.1", "0x7f.0.0.1", "1.2.3.4 ", " 1.2.3.4", "255.255.255.255",
                 "0.0.0.0", "::", "1:2:3:4:5:6:7:8", "1::2:3:4:5:6:7", "::1.2.3.4",
                 "256.0.0.1", "1.2.3", "", b"127.0.0.1", b"::1"]
NUMERIC_PORTS = [80, None, "80", "080", 0, 65535, 65536, "65536", -1, "-1", "+80", " 80",
                 "", "http", b"80", "0x50", 2 ** 40]
NUMERIC_TYPES = [(0, 0), (1, 0), (2, 0), (0, 6), (0, 17), (1, 6), (2, 17), (3, 0), (1, 17),
                 (2, 6), (5, 0), (0, 132), (3, 6), (0, 255)]
NUMERIC_FLAGS = [0, std.AI_PASSIVE, std.AI_NUMERICHOST, std.AI_NUMERICSERV, std.AI_CANONNAME,
                 std.AI_ADDRCONFIG, std.AI_V4MAPPED, std.AI_V4MAPPED | std.AI_ALL,
                 std.AI_NUMERICHOST | std.AI_NUMERICSERV | std.AI_PASSIVE]


def _is_literal(host):
    try:
        std.getaddrinfo(host, None, 0, 0, 0, NUMERICHOST)
        return True
    except std.gaierror:
        return False


@pytest.mark.parametrize("host", NUMERIC_HOSTS, ids=repr)
def test_getaddrinfo_numeric_matrix(host):
    extra = 0 if _is_literal(host) else NUMERICHOST
    compared = 0
    for port in NUMERIC_PORTS:
        for family in (0, std.AF_INET, std.AF_INET6, std.AF_UNIX):
            for typ, proto in NUMERIC_TYPES:
                for flags in NUMERIC_FLAGS:
                    flags |= extra
                    if isinstance(port, str) and not port.isdigit() and port != "http":
                        flags |= std.AI_NUMERICSERV
                    args = (host, port, family, typ, proto, flags)
                    assert outcome(ps, "getaddrinfo", *args) == \
                        outcome(std, "getaddrinfo", *args), args
                    compared += 1
    assert compared == len(NUMERIC_PORTS) * 4 * len(NUMERIC_TYPES) * len(NUMERIC_FLAGS)


def test_getaddrinfo_numeric_entries_are_independent():
    # the three entries for type 0 may share one address tuple; tuples are
    # immutable, and each entry is its own tuple with the right type/proto
    res = ps.getaddrinfo("127.0.0.1", 80)
    assert [(r[1], r[2]) for r in res] == [(std.SOCK_STREAM, std.IPPROTO_TCP),
                                           (std.SOCK_DGRAM, std.IPPROTO_UDP),
                                           (std.SOCK_RAW, 0)]
    assert len({id(r) for r in res}) == 3


def test_getaddrinfo_idna_fast_path_subclass():
    class S(str):
        pass
    check("getaddrinfo", S("127.0.0.1"), 80, flags=NUMERICHOST)
    check("getaddrinfo", S("a..b"), 80, flags=NUMERICHOST)


# ---------------- getnameinfo ----------------

NI_NUM = std.NI_NUMERICHOST | std.NI_NUMERICSERV
GNI_CASES = [
    (("127.0.0.1", 80), 0), (("127.0.0.1", 80), NI_NUM), (("127.0.0.1", 80), std.NI_NAMEREQD),
    (("127.0.0.1", 53), std.NI_DGRAM), (("127.0.0.1", 1), std.NI_NUMERICHOST),
    (("127.0.0.1", 80, 0, 0), 0), (("127.0.0.1", 80, 0), 0), (["127.0.0.1", 80], 0),
    ((b"127.0.0.1", 80), 0), ((bytearray(b"127.0.0.1"), 80), 0), ((1, 80), 0),
    (("127.0.0.1",), 0), (("127.0.0.1", 1, 2, 3, 4), 0), ((), 0),
    (("127.0.0.1\0", 80), 0), (("\udc80", 80), 0),
    (("127.0.0.1", 2 ** 40), NI_NUM), (("127.0.0.1", 70000), NI_NUM), (("127.0.0.1", -1), NI_NUM),
    (("127.0.0.1", "80"), 0), (("127.0.0.1", 80.0), 0), (("127.0.0.1", True), NI_NUM),
    (("localhost", 80), 0), (("é", 80), 0), (("", 80), 0), (("127.1", 80), NI_NUM),
    (("::1", 80), NI_NUM), (("::1", 80, 0, 0), NI_NUM), (("::1", 80, 2 ** 20 - 1, 0), NI_NUM),
    (("::1", 80, 2 ** 20, 0), NI_NUM), (("::1", 80, -1, 0), NI_NUM), (("::1", 80, 0, 1), NI_NUM),
    (("::1", 80, 0, -1), NI_NUM), (("::1", 80, 0, 2 ** 32), NI_NUM), (("::1", 80, 0, 2 ** 64), NI_NUM),
    (("::1", 80, 0, 2 ** 70), NI_NUM), (("::1", 80, 1.0), NI_NUM), (("::1", 80, 0, "1"), NI_NUM),
    (("fe80::1", 80, 0, 1), NI_NUM), (("fe80::1%lo", 80), NI_NUM), (("fe80::1%lo", 80, 0, 5), NI_NUM),
    (("fe80::1%1", 80, 0, 0), NI_NUM), (("::ffff:127.0.0.1", 80), NI_NUM),
    (("::ffff:127.0.0.1", 80, 0, 0), NI_NUM),
    (("127.0.0.1", 80), 2 ** 40), (("127.0.0.1", 80), "x"), (("127.0.0.1", 80), 1.0),
    (("127.0.0.1", 80), -1),
]


@pytest.mark.parametrize("sa,flags", GNI_CASES, ids=repr)
def test_getnameinfo(sa, flags):
    check("getnameinfo", sa, flags)


def test_getnameinfo_arity():
    check("getnameinfo")
    check("getnameinfo", ("127.0.0.1", 80))
    check("getnameinfo", ("127.0.0.1", 80), 0, 0)
    check("getnameinfo", sockaddr=("127.0.0.1", 80), flags=0)


# ---------------- gethostbyname / _ex / gethostbyaddr ----------------

HOSTS = ["localhost", b"localhost", bytearray(b"localhost"), "LOCALHOST", "127.0.0.1", "127.1",
         "0x7f.1", "", "<broadcast>", "255.255.255.255", "0.0.0.0", "::1", "::ffff:127.0.0.1",
         "127.0.0.1\0", b"127.0.0.1\0", "a..b", "x" * 64, "\udc80", 1, None, 1.0]


@pytest.mark.parametrize("host", HOSTS, ids=repr)
def test_gethostbyname(host):
    check("gethostbyname", host)


# gethostbyname_ex also calls gethostbyname_r(3), which asks DNS for anything
# that is neither all digits and dots nor in /etc/hosts: only those here.
HOSTS_EX = ["localhost", b"localhost", bytearray(b"localhost"), "LOCALHOST", "127.0.0.1",
            "127.1", "255.255.255.255", "0.0.0.0", "::1",
            "127.0.0.1\0", b"127.0.0.1\0", "a..b", "x" * 64, "\udc80", 1, None, 1.0]


@pytest.mark.parametrize("host", HOSTS_EX, ids=repr)
def test_gethostbyname_ex(host):
    check("gethostbyname_ex", host)


# reverse lookups that /etc/hosts answers, or that fail before any lookup
ADDRS = ["127.0.0.1", b"127.0.0.1", bytearray(b"127.0.0.1"), "localhost", "127.1", "",
         "127.0.0.1\0", "a..b", "\udc80", 1, None]


@pytest.mark.parametrize("host", ADDRS, ids=repr)
def test_gethostbyaddr(host):
    check("gethostbyaddr", host)


@pytest.mark.parametrize("name", ["gethostbyname", "gethostbyname_ex", "gethostbyaddr"])
def test_gethost_arity(name):
    check(name)
    check(name, "localhost", 1)


def test_gethostname():
    check("gethostname")
    check("gethostname", 1)


# ---------------- services and protocols ----------------

SERV = [("http",), ("http", "tcp"), ("http", "udp"), ("domain", "udp"), ("nosuchservice",),
        ("", ), ("http", ""), ("http", "nosuchproto"), ("www",), ("HTTP",),
        (b"http",), ("http", b"tcp"), ("http", None), ("http\0",), ("http", "tcp\0"),
        ("\udc80",), ("é",), (1,), (), ("a", "b", "c")]


@pytest.mark.parametrize("args", SERV, ids=repr)
def test_getservbyname(args):
    check("getservbyname", *args)


PORTS = [(80,), (80, "tcp"), (80, "udp"), (53, "udp"), (1,), (9,), (0,), (65535,), (65536,),
         (-1,), (2 ** 31,), (2 ** 40,), (2 ** 70,), (True,), (1.0,), ("80",), (80, b"tcp"),
         (80, None), (80, "x\0"), (80, "\udc80"), (), (80, "tcp", 1)]


@pytest.mark.parametrize("args", PORTS, ids=repr)
def test_getservbyport(args):
    check("getservbyport", *args)


PROTOS = [("tcp",), ("udp",), ("icmp",), ("ipv6-icmp",), ("TCP",), ("nosuchproto",), ("",),
          (b"tcp",), ("tcp\0",), ("\udc80",), (6,), (None,), (), ("tcp", "udp")]


@pytest.mark.parametrize("args", PROTOS, ids=repr)
def test_getprotobyname(args):
    check("getprotobyname", *args)


def test_keywords_rejected():
    for name, kw in [("getservbyname", {"servicename": "http"}),
                     ("getservbyport", {"port": 80}), ("getprotobyname", {"name": "tcp"})]:
        check(name, **kw)


# ---------------- audit events ----------------

_events = []
_recording = [False]


def _hook(event, args):
    if _recording[0] and event.startswith("socket."):
        _events.append((event, args))


sys.addaudithook(_hook)


def events_of(mod, name, *args):
    _events.clear()
    _recording[0] = True
    try:
        getattr(mod, name)(*args)
    except Exception as e:  # the events are what we compare
        pass
    finally:
        _recording[0] = False
    return list(_events)


@pytest.mark.parametrize("name,args", [
    ("getaddrinfo", ("127.0.0.1", 80)), ("getaddrinfo", ("127.0.0.1", "http", 2, 1, 6)),
    ("getaddrinfo", (b"127.0.0.1", None, 0, 0, 0, std.AI_NUMERICHOST)),
    ("getnameinfo", (("127.0.0.1", 80), NI_NUM)), ("gethostbyname", ("localhost",)),
    ("gethostbyname_ex", ("localhost",)), ("gethostbyaddr", ("127.0.0.1",)),
    ("gethostbyname", (b"127.0.0.1",)), ("gethostname", ()), ("getservbyname", ("http",)),
    ("getservbyname", ("http", "tcp")), ("getservbyport", (80,)), ("getservbyport", (80, "udp")),
    ("getprotobyname", ("tcp",)), ("getaddrinfo", ("a..b", 80)), ("getnameinfo", (["x"], 0)),
])
def test_audit_events(name, args):
    expected = events_of(std, name, *args)
    assert events_of(ps, name, *args) == expected


# ---------------- herror without DNS (files-only nsswitch) ----------------

HERROR_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    import _socket as std
    import pysocket._socket as ps
    cases = [("gethostbyaddr", "127.0.0.2"), ("gethostbyaddr", "::1"),
             ("gethostbyaddr", "::ffff:127.0.0.1"), ("gethostbyname_ex", "nosuchhost.invalid"),
             ("gethostbyname_ex", ""), ("gethostbyname_ex", "<broadcast>"),
             ("gethostbyname", "nosuchhost.invalid"), ("gethostbyaddr", "nosuchhost.invalid"),
             ("getaddrinfo", "nosuchhost.invalid"), ("gethostbyaddr", "127.0.0.1"),
             ("gethostbyname_ex", "::ffff:127.0.0.1")]
    for name, host in cases:
        out = []
        for mod in (std, ps):
            args = (host, 80) if name == "getaddrinfo" else (host,)
            try:
                out.append(("ok", getattr(mod, name)(*args)))
            except OSError as e:
                out.append((type(e).__name__, e.errno if type(e).__name__ != "herror" else None))
        # herror's h_errno: the stdlib reports the thread's possibly stale
        # h_errno; pysocket reports HOST_NOT_FOUND (1) from the lookup itself
        print(name, repr(host), "OK" if out[0] == out[1] else "MISMATCH %r" % (out,))
""")


def test_herror_with_files_only_nsswitch(tmp_path):
    reason = _unshare_works("--mount")
    if reason:
        pytest.skip(reason)
    nss = tmp_path / "nsswitch.conf"
    nss.write_text("hosts: files\nservices: files\nprotocols: files\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(ps.__file__)))
    cmd = 'mount --bind "$1" /etc/nsswitch.conf && exec "$2" -c "$3" "$4"'
    r = subprocess.run(["unshare", "--mount", "sh", "-c", cmd, "sh", str(nss), sys.executable,
                        HERROR_SCRIPT, root], capture_output=True, text=True, timeout=60)
    if r.returncode != 0 and "mount" in r.stderr:
        pytest.skip("cannot bind-mount /etc/nsswitch.conf: %s" % r.stderr.strip())
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 11
    assert [l for l in lines if not l.endswith(" OK")] == []


# ---------------- sethostname (in a new UTS namespace only) ----------------

SETHOSTNAME_SCRIPT = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    import _socket as std
    import pysocket._socket as ps

    def outcome(mod, *args):
        try:
            r = mod.sethostname(*args)
            return ("ok", r, mod.gethostname())
        except Exception as e:
            return ("raise", type(e).__name__,
                    None if isinstance(e, TypeError) else str(e))

    events = []
    sys.addaudithook(lambda ev, a: events.append((ev, a)) if ev == "socket.sethostname" else None)
    cases = [("ns-one",), (b"ns-two",), (b"ns\\0three",), ("x" * 64,), ("x" * 65,), ("",),
             ("a\\0",), (bytearray(b"x"),), (1,), (None,), (), ("a", "b"), ("\\udcff",),
             ("é",)]
    import pathlib
    cases.append((pathlib.PurePosixPath("ns-path"),))
    for case in cases:
        events.clear()
        e = outcome(std, *case), list(events)
        events.clear()
        g = outcome(ps, *case), list(events)
        print(repr(case), "OK" if e == g else "MISMATCH %r != %r" % (g, e))
""")


def _unshare_works(flag="--uts"):
    if shutil.which("unshare") is None:
        return "unshare(1) is not installed"
    r = subprocess.run(["unshare", flag, "true"], capture_output=True, text=True)
    if r.returncode != 0:
        return "unshare %s failed: %s" % (flag, r.stderr.strip())
    return None


def test_sethostname_in_uts_namespace():
    reason = _unshare_works()
    if reason:
        pytest.skip(reason)
    root = os.path.dirname(os.path.dirname(os.path.abspath(ps.__file__)))
    before = std.gethostname()
    r = subprocess.run(["unshare", "--uts", sys.executable, "-c", SETHOSTNAME_SCRIPT, root],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 15
    bad = [l for l in lines if not l.endswith(" OK")]
    assert not bad
    assert std.gethostname() == before   # the machine's own name is untouched
