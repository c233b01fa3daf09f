"""Exception types: error is OSError, herror/gaierror subclass OSError with the
stdlib's (errno, message) args, errno -> OSError subclass mapping."""
import errno
import socket as STDLIB

import pytest

from util import HOST, outcome, tcp_pair, bound_not_listening


def test_error_is_oserror(sm):
    assert sm.error is OSError


@pytest.mark.parametrize("name", ["herror", "gaierror"])
def test_resolver_errors_subclass_oserror(sm, name):
    cls = getattr(sm, name)
    assert issubclass(cls, OSError) and cls is not OSError
    assert cls.__name__ == name
    assert cls.__module__ == getattr(STDLIB, name).__module__.replace("socket", sm.__name__)
    assert cls.__mro__[1:] == getattr(STDLIB, name).__mro__[1:]


def test_timeout_name(sm):
    assert sm.timeout.__name__ == STDLIB.timeout.__name__


@pytest.mark.parametrize("name", ["herror", "gaierror"])
def test_resolver_error_args(sm, name):
    cls = getattr(sm, name)
    e = cls(sm.EAI_NONAME, "Name or service not known")
    assert e.args == (sm.EAI_NONAME, "Name or service not known")
    assert e.errno == sm.EAI_NONAME and e.strerror == "Name or service not known"
    assert str(e) == str(getattr(STDLIB, name)(STDLIB.EAI_NONAME, "Name or service not known"))
    assert cls("x").args == ("x",)


def test_gaierror_raised_shape(sm):
    def run(mod):
        s = mod.socket()
        try:
            s.connect(("a..b", 1))
        except mod.gaierror as e:
            return (type(e).__name__, e.args, e.errno, e.strerror, str(e))
        finally:
            s.close()
    assert run(sm) == run(STDLIB)


def test_eai_constants(sm):
    names = [n for n in dir(STDLIB) if n.startswith("EAI_")]
    assert names
    assert {n: getattr(sm, n) for n in names} == {n: getattr(STDLIB, n) for n in names}


def _raised(mod, closer):
    """OSErrors from real calls, as (type name, errno, str)."""
    res = {}
    addr = bound_not_listening(mod, closer)
    s = closer(mod.socket())
    res["refused"] = outcome(mod, lambda: s.connect(addr))
    cli, conn = tcp_pair(mod, closer)
    conn.setblocking(False)
    res["would-block"] = outcome(mod, lambda: conn.recv(1))
    res["not-connected"] = outcome(mod, lambda: closer(mod.socket()).getpeername())
    res["is-connected"] = outcome(mod, lambda: cli.connect(cli.getpeername()))
    a = closer(mod.socket())
    a.bind((HOST, 0))
    res["in-use"] = outcome(mod, lambda: closer(mod.socket()).bind(a.getsockname()))
    res["not-avail"] = outcome(mod, lambda: closer(mod.socket()).bind(("192.0.2.77", 0)))
    u = closer(mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM))
    res["no-file"] = outcome(mod, lambda: u.connect("/nonexistent-dir-pysocket/x"))
    res["bad-opt"] = outcome(mod, lambda: s.setsockopt(mod.SOL_SOCKET, 9999, 1))
    res["afnosupport"] = outcome(mod, lambda: mod.socket(12345, mod.SOCK_STREAM))
    res["protonosupport"] = outcome(
        mod, lambda: mod.socket(mod.AF_INET, mod.SOCK_DGRAM, mod.IPPROTO_TCP))
    conn.close()
    cli.setblocking(True)
    # broken pipe: send after the peer closed and reset
    cli.shutdown(mod.SHUT_WR)
    res["epipe"] = outcome(mod, lambda: cli.send(b"x"))
    return res


def test_errno_to_subclass(sm, closer):
    got = _raised(sm, closer)
    assert got["refused"][1] == "ConnectionRefusedError"
    assert got["would-block"][1] == "BlockingIOError"
    assert got["no-file"][1] == "FileNotFoundError"
    assert got["epipe"][1] == "BrokenPipeError"
    assert got == _raised(STDLIB, closer)


def test_oserror_attributes(sm, closer):
    addr = bound_not_listening(sm, closer)
    s = closer(sm.socket())
    with pytest.raises(ConnectionRefusedError) as ei:
        s.connect(addr)
    e = ei.value
    assert e.args == (errno.ECONNREFUSED, "Connection refused")
    assert e.errno == errno.ECONNREFUSED and e.strerror == "Connection refused"
    assert e.filename is None
    assert str(e) == "[Errno 111] Connection refused"


def test_ebadf_shape(sm):
    s = sm.socket()
    s.close()
    with pytest.raises(OSError) as ei:
        s.recv(1)
    e = ei.value
    assert type(e) is OSError
    assert e.args == (errno.EBADF, "Bad file descriptor")
    assert str(e) == "[Errno 9] Bad file descriptor"
