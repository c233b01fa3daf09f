"""AF_UNIX addresses: str/bytes/bytearray paths, surrogateescape, the Linux
abstract namespace (returned as bytes), autobind, overlong paths, bad types."""
import os
import shutil
import tempfile
import socket as STDLIB

import pytest

from util import outcome, unix_pair

SUN_PATH = 108   # sizeof(sun_path) on Linux


def _bind_name(mod, addr, type_=None):
    s = mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM if type_ is None else type_)
    try:
        s.bind(addr)
        return s.getsockname()
    finally:
        s.close()


def _diff(sm, fn):
    """fn(mod) on sm and on the stdlib, each in its own fresh directory (so
    relative paths are the same on both sides); the outcomes must match."""
    res = []
    here = os.getcwd()
    base = tempfile.mkdtemp(prefix="pysocket-unix-")
    for i, m in enumerate((sm, STDLIB)):
        d = os.path.join(base, "side%d" % i)
        os.mkdir(d)
        os.chdir(d)
        try:
            res.append(outcome(m, lambda: fn(m)))
        finally:
            os.chdir(here)
    shutil.rmtree(base)
    assert res[0] == res[1]
    return res[0]


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_str_path(sm, in_tmp):
    path = str(in_tmp / "s1")
    assert _bind_name(sm, path) == path
    os.unlink(path)


@pytest.mark.parametrize("conv", [bytes, bytearray], ids=["bytes", "bytearray"])
def test_bytes_like_path_returned_as_str(sm, in_tmp, conv):
    path = str(in_tmp / "s2")
    assert _bind_name(sm, conv(os.fsencode(path))) == path
    os.unlink(path)


def test_relative_path(sm, in_tmp):
    assert _bind_name(sm, "rel") == "rel"
    os.unlink("rel")


def test_surrogateescape_path(sm, in_tmp):
    raw = b"sock-\xff\xfe"
    name = _diff(sm, lambda m: _bind_name(m, raw))
    assert name == ("ok", "sock-\udcff\udcfe")
    # and the str form with lone surrogates binds the same bytes
    assert _bind_name(sm, "sock-\udcff\udcfe") == "sock-\udcff\udcfe"
    assert os.path.exists(raw)
    os.unlink(raw)


@pytest.mark.parametrize("name", [b"\x00pysocket-abstract-%d", "\x00pysocket-abstract-%d",
                                  bytearray(b"\x00pysocket-abstract-%d")],
                         ids=["bytes", "str", "bytearray"])
def test_abstract_namespace(sm, closer, name):
    name = name % os.getpid() if not isinstance(name, bytearray) else \
        bytearray(bytes(name) % os.getpid())
    s = closer(sm.socket(sm.AF_UNIX, sm.SOCK_STREAM))
    s.bind(name)
    got = s.getsockname()
    assert isinstance(got, bytes)
    assert got == (name.encode() if isinstance(name, str) else bytes(name))
    s.listen()
    c = closer(sm.socket(sm.AF_UNIX, sm.SOCK_STREAM))
    c.connect(name)
    assert c.getpeername() == got
    conn, addr = s.accept()
    closer(conn)
    assert conn.getsockname() == got


def test_autobind(sm, closer):
    """bind('') on AF_UNIX asks the kernel for an abstract name."""
    s = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
    s.bind("")
    name = s.getsockname()
    assert isinstance(name, bytes) and name[:1] == b"\x00" and len(name) == 6
    c = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
    c.bind(b"")
    c.sendto(b"hi", name)
    data, addr = s.recvfrom(10)
    assert data == b"hi" and addr == c.getsockname()


def test_unbound_names(sm):
    def run(m):
        s = m.socket(m.AF_UNIX, m.SOCK_STREAM)
        try:
            return s.getsockname(), outcome(m, s.getpeername)
        finally:
            s.close()
    _diff(sm, run)


def test_accepted_peer_name(sm, closer, in_tmp):
    def run(m):
        cli, conn = unix_pair(m, closer, "acc")
        return (cli.getsockname(), cli.getpeername(), conn.getsockname(),
                conn.getpeername())
    res = _diff(sm, run)
    assert res[0] == "ok"


@pytest.mark.parametrize("length", [SUN_PATH - 1, SUN_PATH, SUN_PATH + 1, 300])
@pytest.mark.parametrize("kind", ["str", "bytes", "abstract"])
def test_path_length_limits(sm, in_tmp, kind, length):
    """Paths shorter than sizeof(sun_path) bind; longer ones raise
    OSError('AF_UNIX path too long'); exactly 108 bytes: as the stdlib does."""
    def run(m):
        if kind == "abstract":
            addr = b"\x00" + b"a" * (length - 1)
        else:
            addr = b"p" * length
            if kind == "str":
                addr = addr.decode()
        return _bind_name(m, addr) == (addr if kind == "abstract" else
                                       os.fsdecode(addr))
    got = _diff(sm, run)
    if length > SUN_PATH:
        assert got[:2] == ("raise", "OSError")
    elif length < SUN_PATH:
        assert got == ("ok", True)


@pytest.mark.parametrize("addr", [123, None, ("path",), ["p"], 1.5, memoryview(b"p")],
                         ids=["int", "none", "tuple", "list", "float", "memoryview"])
def test_bad_types(sm, addr):
    got = _diff(sm, lambda m: _bind_name(m, addr))
    assert got[0] == ("ok" if isinstance(addr, memoryview) else "raise")


@pytest.mark.parametrize("method", ["connect", "connect_ex", "sendto"])
def test_missing_path_errors(sm, in_tmp, method):
    def run(m):
        s = m.socket(m.AF_UNIX, m.SOCK_DGRAM)
        try:
            if method == "sendto":
                return s.sendto(b"x", "no-such-socket")
            return getattr(s, method)("no-such-socket")
        finally:
            s.close()
    got = _diff(sm, run)
    assert got in [("raise", "FileNotFoundError", 2, "[Errno 2] No such file or directory"),
                   ("ok", 2)]


def test_embedded_nul_in_path(sm, in_tmp):
    _diff(sm, lambda m: _bind_name(m, "nul\x00tail"))


def test_bind_existing_path(sm, in_tmp):
    def run(m):
        a = m.socket(m.AF_UNIX, m.SOCK_DGRAM)
        b = m.socket(m.AF_UNIX, m.SOCK_DGRAM)
        try:
            a.bind("exists")
            b.bind("exists")
        finally:
            a.close()
            b.close()
    got = _diff(sm, run)
    assert got[:2] == ("raise", "OSError")
