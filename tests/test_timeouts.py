"""The three timeout modes (blocking, non-blocking, timeout), expiry, and the
module default timeout.  Expiry uses peers that never send (or never read)
and short timeouts; only the exception is asserted, never the time taken."""
import errno
import math
import os
import socket as STDLIB
import sys
import warnings

import pytest

from util import (HOST, PY310, outcome, tcp_pair, tcp_listener,
                  full_backlog_listener, fill_send_buffer)

SHORT = 0.05


# --- modes ----------------------------------------------------------------------

def test_modes(sm, closer):
    s = closer(sm.socket())
    assert (s.gettimeout(), s.getblocking(), s.timeout) == (None, True, None)
    s.settimeout(2.5)
    assert (s.gettimeout(), s.getblocking(), s.timeout) == (2.5, True, 2.5)
    assert os.get_blocking(s.fileno()) is os.get_blocking(s.fileno())
    s.settimeout(0)
    assert (s.gettimeout(), s.getblocking()) == (0.0, False)
    assert type(s.gettimeout()) is float
    s.settimeout(None)
    assert (s.gettimeout(), s.getblocking()) == (None, True)
    s.setblocking(False)
    assert (s.gettimeout(), s.getblocking()) == (0.0, False)
    assert os.get_blocking(s.fileno()) is False
    s.setblocking(True)
    assert (s.gettimeout(), s.getblocking()) == (None, True)
    assert os.get_blocking(s.fileno()) is True


def _fd_blocking_per_mode(mod):
    s = mod.socket()
    try:
        res = []
        for arg in (None, 0, 1.0, None):
            s.settimeout(arg)
            res.append(os.get_blocking(s.fileno()))
        return res
    finally:
        s.close()


def test_fd_blocking_flag_per_mode(sm):
    assert _fd_blocking_per_mode(sm) == _fd_blocking_per_mode(STDLIB)


TIMEOUT_VALUES = [
    ("int", 3), ("float", 0.25), ("zero-float", 0.0), ("bool", True),
    ("tiny", 1e-10), ("big", 1e9), ("negative", -1), ("negative-small", -1e-10),
    ("nan", float("nan")), ("inf", float("inf")), ("-inf", float("-inf")),
    ("huge-int", 2 ** 100), ("str", "1"), ("list", []), ("complex", 1j),
    ("bytes", b"1"),
]


@pytest.mark.parametrize("value", [v for _, v in TIMEOUT_VALUES],
                         ids=[n for n, _ in TIMEOUT_VALUES])
def test_settimeout_values(sm, value):
    def run(mod):
        s = mod.socket()
        try:
            s.settimeout(value)
            return s.gettimeout(), s.getblocking()
        finally:
            s.close()
    got = outcome(sm, lambda: run(sm))
    exp = outcome(STDLIB, lambda: run(STDLIB))
    assert got == exp
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0 and math.isfinite(value):
            assert exp[:2] == ("raise", "ValueError")
        if isinstance(value, float) and math.isnan(value):
            assert exp[:2] == ("raise", "ValueError")
    if isinstance(value, str):
        assert exp[1] == "TypeError"


@pytest.mark.parametrize("value", [True, False, 1, 0, 2, None, "x", 1.5],
                         ids=["True", "False", "1", "0", "2", "None", "str", "float"])
def test_setblocking_values(sm, value):
    def run(mod):
        s = mod.socket()
        try:
            with warnings.catch_warnings(record=True) as ws:
                warnings.simplefilter("always")
                s.setblocking(value)     # 3.9: float -> DeprecationWarning
            return s.gettimeout(), s.getblocking(), [w.category for w in ws]
        finally:
            s.close()
    assert outcome(sm, lambda: run(sm)) == outcome(STDLIB, lambda: run(STDLIB))


def test_timeout_method_arguments(sm):
    def run(mod):
        s = mod.socket()
        try:
            return [outcome(mod, lambda: s.settimeout()),
                    outcome(mod, lambda: s.settimeout(1, 2)),
                    outcome(mod, lambda: s.gettimeout(1)),
                    outcome(mod, lambda: s.setblocking()),
                    outcome(mod, lambda: s.getblocking(1))]
        finally:
            s.close()
    got = run(sm)
    assert all(g[1] == "TypeError" for g in got)
    assert [g[:3] for g in got] == [g[:3] for g in run(STDLIB)]


# --- expiry -----------------------------------------------------------------------

def _assert_timeout(sm, excinfo):
    e = excinfo.value
    assert isinstance(e, sm.timeout)
    assert isinstance(e, OSError)
    if PY310:
        assert type(e) is TimeoutError
    assert e.args == ("timed out",)
    assert str(e) == "timed out"


def test_timeout_class_relation(sm):
    assert sm.timeout is STDLIB.timeout or (
        sm.timeout.__mro__[1:] == STDLIB.timeout.__mro__[1:]
        and sm.timeout.__name__ == STDLIB.timeout.__name__)
    if PY310:
        assert sm.timeout is TimeoutError
    else:
        assert issubclass(sm.timeout, OSError) and sm.timeout is not TimeoutError


@pytest.mark.parametrize("op", ["recv", "recv_into", "recvfrom", "recvfrom_into"])
def test_recv_timeout_expiry(sm, closer, op):
    cli, conn = tcp_pair(sm, closer)
    conn.settimeout(SHORT)
    args = {"recv": (10,), "recvfrom": (10,),
            "recv_into": (bytearray(10),), "recvfrom_into": (bytearray(10),)}[op]
    with pytest.raises(sm.timeout) as ei:
        getattr(conn, op)(*args)
    _assert_timeout(sm, ei)
    # the socket still works afterwards
    cli.sendall(b"late")
    conn.settimeout(5)
    assert conn.recv(4) == b"late"


def test_udp_recvfrom_timeout(sm, closer):
    u = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    u.bind((HOST, 0))
    u.settimeout(SHORT)
    with pytest.raises(sm.timeout) as ei:
        u.recvfrom(10)
    _assert_timeout(sm, ei)


def test_accept_timeout(sm, closer):
    srv = tcp_listener(sm, closer)
    srv.settimeout(SHORT)
    with pytest.raises(sm.timeout) as ei:
        srv.accept()
    _assert_timeout(sm, ei)


@pytest.mark.parametrize("op", ["send", "sendall"])
def test_send_timeout(sm, closer, op):
    cli, conn = tcp_pair(sm, closer)     # conn never reads
    fill_send_buffer(cli)
    cli.settimeout(SHORT)
    with pytest.raises(sm.timeout) as ei:
        getattr(cli, op)(b"y" * (1 << 20))
    _assert_timeout(sm, ei)


def test_sendall_timeout_large(sm, closer):
    """sendall of more than the buffers hold, to a peer that never reads."""
    cli, conn = tcp_pair(sm, closer)
    cli.settimeout(0.2)
    with pytest.raises(sm.timeout) as ei:
        cli.sendall(b"z" * (64 << 20))
    _assert_timeout(sm, ei)


def test_connect_timeout(sm, closer):
    srv = full_backlog_listener(sm, closer)
    c = closer(sm.socket())
    c.settimeout(SHORT)
    with pytest.raises(sm.timeout) as ei:
        c.connect(srv.getsockname())
    _assert_timeout(sm, ei)


def test_connect_ex_timeout(sm, closer):
    def run(mod):
        srv = full_backlog_listener(mod, closer)
        c = closer(mod.socket())
        c.settimeout(SHORT)
        return outcome(mod, lambda: c.connect_ex(srv.getsockname()))
    got = run(sm)
    assert got == run(STDLIB)


# --- non-blocking -------------------------------------------------------------

def test_nonblocking_would_block(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    conn.setblocking(False)
    for call in (lambda: conn.recv(1), lambda: conn.recv_into(bytearray(1)),
                 lambda: conn.recvfrom(1)):
        with pytest.raises(BlockingIOError) as ei:
            call()
        assert ei.value.errno in (errno.EAGAIN, errno.EWOULDBLOCK)
    srv = tcp_listener(sm, closer)
    srv.setblocking(False)
    with pytest.raises(BlockingIOError):
        srv.accept()
    fill_send_buffer(cli)
    with pytest.raises(BlockingIOError):
        cli.send(b"x" * 65536)
    with pytest.raises(BlockingIOError):
        cli.sendall(b"x" * (1 << 20))


def test_timeout_mode_ready_calls(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    for s in (cli, conn):
        s.settimeout(5)
    cli.sendall(b"ready")
    assert conn.recv(5) == b"ready"
    srv = tcp_listener(sm, closer)
    srv.settimeout(5)
    c = closer(sm.socket())
    c.connect(srv.getsockname())
    a, _ = srv.accept()
    closer(a)


# --- module default timeout -----------------------------------------------------

def test_default_timeout_new_sockets(sm, closer, default_timeout_restored):
    assert sm.getdefaulttimeout() is None
    sm.setdefaulttimeout(1.5)
    assert sm.getdefaulttimeout() == 1.5
    s = closer(sm.socket())
    assert s.gettimeout() == 1.5
    u = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
    assert u.gettimeout() == 1.5
    sm.setdefaulttimeout(0)
    assert closer(sm.socket()).gettimeout() == 0.0
    sm.setdefaulttimeout(None)
    assert closer(sm.socket()).gettimeout() is None


def _accepted_timeouts(mod, closer):
    res = []
    for default, listener_timeout in [(None, None), (None, 2.0), (2.5, None),
                                      (2.5, 3.0), (0.0, None), (None, 0.0)]:
        mod.setdefaulttimeout(default)
        srv = closer(mod.socket())
        srv.bind((HOST, 0))
        srv.listen()
        srv.settimeout(listener_timeout)
        c = closer(mod.socket())
        c.settimeout(5)
        c.connect(srv.getsockname())
        if listener_timeout == 0.0:
            srv.settimeout(5)
        a, _ = srv.accept()
        closer(a)
        res.append((a.gettimeout(), a.getblocking(), os.get_blocking(a.fileno())))
    mod.setdefaulttimeout(None)
    return res


def test_default_timeout_accepted_sockets(sm, closer, default_timeout_restored):
    got = _accepted_timeouts(sm, closer)
    assert got == _accepted_timeouts(STDLIB, closer)
    assert got[2][0] == 2.5


def test_default_timeout_with_sock_nonblock(sm, closer, default_timeout_restored):
    def run(mod):
        mod.setdefaulttimeout(2.0)
        try:
            s = closer(mod.socket(mod.AF_INET, mod.SOCK_STREAM | mod.SOCK_NONBLOCK))
            f = closer(mod.socket(fileno=os.dup(s.fileno())))
            return (s.gettimeout(), f.gettimeout())
        finally:
            mod.setdefaulttimeout(None)
    assert run(sm) == run(STDLIB)


@pytest.mark.parametrize("value", [v for _, v in TIMEOUT_VALUES],
                         ids=[n for n, _ in TIMEOUT_VALUES])
def test_setdefaulttimeout_values(sm, value, default_timeout_restored):
    def run(mod):
        try:
            mod.setdefaulttimeout(value)
            return mod.getdefaulttimeout()
        finally:
            mod.setdefaulttimeout(None)
    assert outcome(sm, lambda: run(sm)) == outcome(STDLIB, lambda: run(STDLIB))


def test_fd_passed_sockets_use_default(sm, closer, default_timeout_restored):
    def run(mod):
        src = closer(mod.socket())
        mod.setdefaulttimeout(4.0)
        try:
            s = closer(mod.socket(fileno=os.dup(src.fileno())))
            return s.gettimeout(), os.get_blocking(s.fileno())
        finally:
            mod.setdefaulttimeout(None)
    assert run(sm) == run(STDLIB)
