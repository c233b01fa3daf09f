"""The socket object itself: construction, fileno= detection, flags in
.type, inheritance (PEP 446), close/detach/dup, use after close, repr and the
unclosed-socket ResourceWarning.  Differential: see conftest.py."""
import gc
import os
import re
import socket as STDLIB
import warnings

import pytest

from util import HOST, EBADF, outcome, tcp_pair, tcp_listener


def kinds(mod):
    return [
        (mod.AF_INET, mod.SOCK_STREAM, 0),
        (mod.AF_INET, mod.SOCK_DGRAM, 0),
        (mod.AF_INET, mod.SOCK_STREAM, mod.IPPROTO_TCP),
        (mod.AF_INET, mod.SOCK_DGRAM, mod.IPPROTO_UDP),
        (mod.AF_INET6, mod.SOCK_STREAM, 0),
        (mod.AF_INET6, mod.SOCK_DGRAM, 0),
        (mod.AF_UNIX, mod.SOCK_STREAM, 0),
        (mod.AF_UNIX, mod.SOCK_DGRAM, 0),
        (mod.AF_UNIX, mod.SOCK_SEQPACKET, 0),
    ]


KIND_IDS = ["inet-stream", "inet-dgram", "inet-tcp", "inet-udp", "inet6-stream",
            "inet6-dgram", "unix-stream", "unix-dgram", "unix-seqpacket"]


# --- construction ---------------------------------------------------------

@pytest.mark.parametrize("i", range(9), ids=KIND_IDS)
def test_new_socket_attributes(sm, closer, i):
    fam, typ, proto = kinds(sm)[i]
    s = closer(sm.socket(fam, typ, proto))
    assert (s.family, s.type, s.proto) == (fam, typ, proto)
    assert isinstance(s.fileno(), int) and s.fileno() >= 0
    assert s.gettimeout() is None and s.getblocking() is True
    assert s.timeout is None


def test_default_arguments(sm, closer):
    s = closer(sm.socket())
    assert (s.family, s.type, s.proto) == (sm.AF_INET, sm.SOCK_STREAM, 0)
    s2 = closer(sm.socket(family=sm.AF_INET6, type=sm.SOCK_DGRAM, proto=0))
    assert (s2.family, s2.type) == (sm.AF_INET6, sm.SOCK_DGRAM)


def test_family_and_type_are_enums(sm, closer):
    s = closer(sm.socket())
    assert type(s.family).__name__ == "AddressFamily"
    assert type(s.type).__name__ == "SocketKind"
    assert s.family is sm.AddressFamily.AF_INET
    assert s.type is sm.SocketKind.SOCK_STREAM


@pytest.mark.parametrize("i", range(9), ids=KIND_IDS)
def test_fileno_detects_family_type_proto(sm, closer, i):
    """socket(fileno=fd) reads SO_DOMAIN/SO_TYPE/SO_PROTOCOL; the result must
    equal the stdlib's for the same kind of fd (a proto of 0 is reported as
    the real protocol, e.g. 6 for TCP)."""
    def detect(mod):
        fam, typ, proto = kinds(mod)[i]
        src = mod.socket(fam, typ, proto)
        try:
            s = mod.socket(fileno=os.dup(src.fileno()))
            try:
                return (int(s.family), int(s.type), s.proto)
            finally:
                s.close()
        finally:
            src.close()
    assert detect(sm) == detect(STDLIB)
    fam, typ, _ = kinds(sm)[i]
    assert detect(sm)[:2] == (fam, typ)


def test_fileno_with_explicit_family(sm, closer):
    src = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    fd = os.dup(src.fileno())
    s = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM, 0, fd))
    assert s.fileno() == fd
    assert (s.family, s.type, s.proto) == (sm.AF_INET, sm.SOCK_DGRAM, 0)


def test_fileno_keeps_the_fd_open_and_usable(sm, closer):
    cli, srv = tcp_pair(sm, closer)
    fd = os.dup(cli.fileno())
    s = closer(sm.socket(fileno=fd))
    s.sendall(b"via fileno")
    assert srv.recv(100) == b"via fileno"
    assert s.getpeername() == srv.getsockname()


def _fileno_errors(mod):
    r, w = os.pipe()
    try:
        cases = {}
        for name, arg in [("negative", -1), ("pipe", r), ("str", "3"),
                          ("float", 3.0)]:
            # (not compared: fileno=2**40, which the stdlib truncates to a
            # C int, i.e. fd 0, giving ENOTSOCK; pysocket: OverflowError)
            def make(arg=arg):
                s = mod.socket(fileno=arg)
                s.detach()
                return "created"
            cases[name] = outcome(mod, make)
        return cases
    finally:
        os.close(r)
        os.close(w)


def test_fileno_bad_values(sm):
    got = _fileno_errors(sm)
    assert got["negative"][1] == "ValueError"
    assert got["pipe"][1] == "OSError" and got["pipe"][2] == 88  # ENOTSOCK
    assert got["str"][1] == "TypeError"
    assert got == _fileno_errors(STDLIB)


@pytest.mark.parametrize("flag", ["SOCK_NONBLOCK", "SOCK_CLOEXEC"])
def test_type_flags_not_reported(sm, closer, flag):
    f = getattr(sm, flag)
    s = closer(sm.socket(sm.AF_INET, sm.SOCK_STREAM | f))
    assert s.type == sm.SOCK_STREAM
    s2 = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM | sm.SOCK_NONBLOCK | sm.SOCK_CLOEXEC))
    assert s2.type == sm.SOCK_DGRAM
    if flag == "SOCK_NONBLOCK":
        assert s.gettimeout() == 0.0 and s.getblocking() is False
        assert os.get_blocking(s.fileno()) is False
    else:
        assert s.gettimeout() is None and s.getblocking() is True
    # detection from an fd that has the flags set
    s3 = closer(sm.socket(fileno=os.dup(s2.fileno())))
    assert s3.type == sm.SOCK_DGRAM


def test_bad_constructor_arguments(sm):
    cases = [
        lambda m: m.socket("x"),
        lambda m: m.socket(m.AF_INET, "x"),
        lambda m: m.socket(m.AF_INET, m.SOCK_STREAM, "x"),
        lambda m: m.socket(m.AF_INET, 12345),
        lambda m: m.socket(-1),
        lambda m: m.socket(m.AF_INET, m.SOCK_STREAM, 0, None, 5),
        lambda m: m.socket(m.AF_INET, m.SOCK_DGRAM, m.IPPROTO_TCP),
    ]
    for case in cases:
        got = outcome(sm, lambda: case(sm).close(), message=False)
        assert got == outcome(STDLIB, lambda: case(STDLIB).close(), message=False)


def test_readonly_attributes(sm, closer):
    s = closer(sm.socket())
    for name in ("family", "type", "proto", "timeout"):
        with pytest.raises(AttributeError):
            setattr(s, name, 1)


def test_subclassable(sm, closer):
    class Mine(sm.socket):
        extra = 42
    s = closer(Mine(sm.AF_INET, sm.SOCK_DGRAM))
    assert s.extra == 42 and s.type == sm.SOCK_DGRAM
    assert isinstance(s, sm.SocketType)
    base = sm._socket.socket
    assert issubclass(sm.socket, base)

    class Raw(base):
        pass
    r = closer(Raw(sm.AF_INET, sm.SOCK_STREAM))
    assert r.fileno() >= 0


def test_socket_type_export(sm):
    assert sm.SocketType is sm._socket.socket
    assert sm._socket.SocketType is sm._socket.socket


def test_raw_accept_returns_fd_and_address(sm, closer):
    srv = tcp_listener(sm, closer)
    cli = closer(sm.socket())
    cli.connect(srv.getsockname())
    fd, addr = srv._accept()
    closer.fd(fd)
    assert isinstance(fd, int)
    assert addr == cli.getsockname()


# --- inheritance (PEP 446) ------------------------------------------------

def test_new_fds_not_inheritable(sm, closer):
    s = closer(sm.socket())
    assert os.get_inheritable(s.fileno()) is False
    assert s.get_inheritable() is False
    u = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
    assert os.get_inheritable(u.fileno()) is False


def test_accepted_and_dup_fds_not_inheritable(sm, closer):
    srv = tcp_listener(sm, closer)
    cli = closer(sm.socket())
    cli.connect(srv.getsockname())
    conn, _ = srv.accept()
    closer(conn)
    assert os.get_inheritable(conn.fileno()) is False
    d = closer(cli.dup())
    assert os.get_inheritable(d.fileno()) is False
    cli.set_inheritable(True)
    d2 = closer(cli.dup())     # dup of an inheritable socket: still not
    assert d2.get_inheritable() is False


def test_raw_accept_fd_not_inheritable(sm, closer):
    srv = tcp_listener(sm, closer)
    cli = closer(sm.socket())
    cli.connect(srv.getsockname())
    fd, _ = srv._accept()
    closer.fd(fd)
    assert os.get_inheritable(fd) is False


def test_set_inheritable_roundtrip(sm, closer):
    s = closer(sm.socket())
    s.set_inheritable(True)
    assert s.get_inheritable() is True and os.get_inheritable(s.fileno()) is True
    s.set_inheritable(False)
    assert s.get_inheritable() is False and os.get_inheritable(s.fileno()) is False
    s.set_inheritable(1)
    assert s.get_inheritable() is True


def test_fileno_constructor_keeps_inheritability(sm, closer):
    fd = os.dup(closer(sm.socket()).fileno())
    os.set_inheritable(fd, True)
    s = closer(sm.socket(fileno=fd))
    assert s.get_inheritable() is True


# --- close, detach, dup, use after close ------------------------------------

def test_close_is_idempotent(sm):
    s = sm.socket()
    s.close()
    s.close()
    assert s.fileno() == -1


def test_close_really_closes_fd(sm):
    s = sm.socket()
    fd = s.fileno()
    s.close()
    with pytest.raises(OSError) as ei:
        os.fstat(fd)
    assert ei.value.errno == EBADF


AFTER_CLOSE = [
    ("recv", lambda s: s.recv(1)),
    ("send", lambda s: s.send(b"x")),
    ("sendall", lambda s: s.sendall(b"x")),
    ("sendto", lambda s: s.sendto(b"x", (HOST, 9))),
    ("recvfrom", lambda s: s.recvfrom(1)),
    ("recv_into", lambda s: s.recv_into(bytearray(1))),
    ("bind", lambda s: s.bind((HOST, 0))),
    ("listen", lambda s: s.listen()),
    ("connect", lambda s: s.connect((HOST, 9))),
    ("connect_ex", lambda s: s.connect_ex((HOST, 9))),
    ("accept", lambda s: s.accept()),
    ("getsockname", lambda s: s.getsockname()),
    ("getpeername", lambda s: s.getpeername()),
    ("getsockopt", lambda s: s.getsockopt(STDLIB.SOL_SOCKET, STDLIB.SO_TYPE)),
    ("setsockopt", lambda s: s.setsockopt(STDLIB.SOL_SOCKET, STDLIB.SO_REUSEADDR, 1)),
    ("shutdown", lambda s: s.shutdown(STDLIB.SHUT_RDWR)),
    ("settimeout", lambda s: s.settimeout(1.0)),
    ("setblocking", lambda s: s.setblocking(False)),
    ("gettimeout", lambda s: s.gettimeout()),
    ("get_inheritable", lambda s: s.get_inheritable()),
    ("set_inheritable", lambda s: s.set_inheritable(True)),
    ("dup", lambda s: s.dup()),
    ("detach", lambda s: s.detach()),
    ("fileno", lambda s: s.fileno()),
]


@pytest.mark.parametrize("name,op", AFTER_CLOSE, ids=[n for n, _ in AFTER_CLOSE])
def test_use_after_close(sm, name, op):
    def run(mod):
        s = mod.socket()
        s.close()
        return outcome(mod, lambda: op(s))
    got = run(sm)
    assert got == run(STDLIB)
    if name in ("recv", "send", "bind", "getsockname", "getsockopt", "shutdown"):
        assert got[:3] == ("raise", "OSError", EBADF)


def test_detach(sm, closer):
    s = sm.socket(sm.AF_INET, sm.SOCK_DGRAM)
    fd0 = s.fileno()
    fd = s.detach()
    closer.fd(fd)
    assert fd == fd0
    assert s.fileno() == -1
    os.fstat(fd)             # still open
    s.close()                # closes nothing
    os.fstat(fd)
    with pytest.raises(OSError) as ei:
        s.getsockname()
    assert ei.value.errno == EBADF
    assert s.detach() == -1


def test_dup(sm, closer):
    cli, srv = tcp_pair(sm, closer)
    cli.settimeout(3.5)
    d = closer(cli.dup())
    assert type(d) is type(cli)
    assert d.fileno() != cli.fileno()
    assert (d.family, d.type, d.proto) == (cli.family, cli.type, cli.proto)
    assert d.gettimeout() == STDLIB_dup_timeout(sm, 3.5)
    assert d.getpeername() == cli.getpeername()
    cli.close()
    d.sendall(b"dup")
    assert srv.recv(10) == b"dup"


def STDLIB_dup_timeout(sm, t):
    # socket.socket.dup() copies the timeout (it calls settimeout); the
    # expected value is whatever the stdlib does.
    s = STDLIB.socket()
    try:
        s.settimeout(t)
        d = s.dup()
        try:
            return d.gettimeout()
        finally:
            d.close()
    finally:
        s.close()


def test_context_manager(sm):
    with sm.socket() as s:
        fd = s.fileno()
        assert fd >= 0
    assert s.fileno() == -1
    with pytest.raises(OSError):
        os.fstat(fd)


# --- repr -------------------------------------------------------------------

def _norm_repr(r):
    r = re.sub(r"^<[\w.]+\.socket", "<MOD.socket", r)
    r = re.sub(r"fd=\d+", "fd=N", r)
    r = re.sub(r", (\d+), 0, 0\)", ", PORT, 0, 0)", r)
    r = re.sub(r"', (\d+)\)", "', PORT)", r)
    r = re.sub(r"pysocket-\w+", "PATH", r)
    r = re.sub(r"/tmp/[^']*", "PATH", r)
    return r


def _repr_scenarios(mod, tmpdir):
    out = {}
    s = mod.socket()
    out["fresh"] = repr(s)
    s.bind((HOST, 0))
    out["bound"] = repr(s)
    s.listen()
    c = mod.socket()
    c.connect(s.getsockname())
    a, _ = s.accept()
    out["connected"] = repr(c)
    out["accepted"] = repr(a)
    for x in (s, c, a):
        x.close()
    out["closed"] = repr(c)
    u = mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM)
    out["unix-fresh"] = repr(u)
    u.bind(os.path.join(tmpdir, "pysocket-repr"))
    out["unix-bound"] = repr(u)
    u.close()
    os.unlink(os.path.join(tmpdir, "pysocket-repr"))
    six = mod.socket(mod.AF_INET6, mod.SOCK_DGRAM | mod.SOCK_NONBLOCK)
    six.bind(("::1", 0))
    out["inet6-nonblock"] = repr(six)
    six.close()
    raw = mod._socket.socket(mod.AF_INET, mod.SOCK_DGRAM)
    out["raw"] = repr(raw)
    raw.close()
    out["raw-closed"] = repr(raw)

    class Sub(mod.socket):
        pass
    sub = Sub()
    out["subclass"] = repr(sub).replace(Sub.__module__ + ".", "")
    sub.close()
    return {k: _norm_repr(v) for k, v in out.items()}


def test_repr_shape(sm, tmp_path):
    got = _repr_scenarios(sm, str(tmp_path))
    os.makedirs(str(tmp_path / "std"))
    exp = _repr_scenarios(STDLIB, str(tmp_path / "std"))
    assert got == exp


def test_repr_module_prefix(sm, closer):
    s = closer(sm.socket())
    assert repr(s).startswith("<%s.socket fd=%d, " % (sm.socket.__module__, s.fileno()))


# --- ResourceWarning --------------------------------------------------------

def _unclosed_warning(mod, make):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        s = make(mod)
        expected = "unclosed %r" % (s,)
        fd = s.fileno()
        del s
        gc.collect()
    rw = [w for w in ws if issubclass(w.category, ResourceWarning)]
    closed = True
    try:
        os.fstat(fd)
        closed = False
    except OSError:
        pass
    return [str(w.message) for w in rw], expected, closed


UNCLOSED = {
    "fresh": lambda m: m.socket(),
    "udp-bound": lambda m: _bound_udp(m),
    "raw": lambda m: m._socket.socket(),
}


def _bound_udp(m):
    s = m.socket(m.AF_INET, m.SOCK_DGRAM)
    s.bind((HOST, 0))
    return s


@pytest.mark.parametrize("kind", list(UNCLOSED))
def test_resource_warning_unclosed(sm, kind):
    msgs, expected, closed = _unclosed_warning(sm, UNCLOSED[kind])
    assert closed, "finalizer did not close the fd"
    assert msgs == [expected]
    assert expected.startswith("unclosed <")
    smsgs, sexp, _ = _unclosed_warning(STDLIB, UNCLOSED[kind])
    assert _norm_repr(msgs[0][9:]) == _norm_repr(smsgs[0][9:])


def test_no_warning_when_closed_or_detached(sm):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        s = sm.socket()
        s.close()
        del s
        t = sm.socket()
        fd = t.detach()
        del t
        gc.collect()
        os.close(fd)
    assert [w for w in ws if issubclass(w.category, ResourceWarning)] == []
