"""I/O on loopback: TCP/UDP/Unix echo, send/sendall/sendto, recv/recvfrom
and their *_into forms, shutdown, connect/connect_ex, names."""
import errno
import hashlib
import os
import socket as STDLIB

import pytest

from util import (HOST, HOST6, outcome, tcp_pair, tcp_listener, unix_pair,
                  bound_not_listening, start, drain)


# --- echo -------------------------------------------------------------------

def _echo_server(conn, n):
    def serve():
        got = 0
        while got < n:
            data = conn.recv(65536)
            if not data:
                break
            got += len(data)
            conn.sendall(data)
        return got
    return serve


@pytest.mark.parametrize("fam", ["inet", "inet6"])
def test_tcp_echo(sm, closer, fam):
    family = sm.AF_INET if fam == "inet" else sm.AF_INET6
    cli, conn = tcp_pair(sm, closer, family)
    msgs = [b"hello", b"x" * 1000, bytes(range(256)) * 40]
    w = start(_echo_server(conn, sum(map(len, msgs))))
    first = cli.send(msgs[0])
    assert 0 < first <= len(msgs[0])
    cli.sendall(msgs[0][first:])
    for m in msgs[1:]:
        cli.sendall(m)
    out = drain(cli, sum(map(len, msgs)))
    assert out == b"".join(msgs)
    assert w.join() == len(out)


def test_tcp_send_types(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    for data in (b"ab", bytearray(b"cd"), memoryview(b"xxef")[2:]):
        cli.sendall(data)
    assert drain(conn, 6) == b"abcdef"
    for bad in ("str", 42, None):
        with pytest.raises(TypeError):
            cli.send(bad)
        with pytest.raises(TypeError):
            cli.sendall(bad)


def test_tcp_eof_and_shutdown(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    cli.sendall(b"last")
    cli.shutdown(sm.SHUT_WR)
    assert drain(conn, 4) == b"last"
    assert conn.recv(10) == b""
    conn.sendall(b"still open the other way")
    assert drain(cli, 24) == b"still open the other way"
    conn.shutdown(sm.SHUT_RDWR)
    assert cli.recv(10) == b""


def test_shutdown_errors(sm, closer):
    def run(mod):
        s = mod.socket()
        try:
            return [outcome(mod, lambda: s.shutdown(mod.SHUT_RDWR)),
                    outcome(mod, lambda: s.shutdown(99)),
                    outcome(mod, lambda: s.shutdown("x"), message=False),
                    outcome(mod, lambda: s.shutdown(), message=False)]
        finally:
            s.close()
    got = run(sm)
    assert got[0][:3] == ("raise", "OSError", errno.ENOTCONN)
    assert got == run(STDLIB)


def test_recv_flags_peek(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    cli.sendall(b"peekaboo")
    assert conn.recv(4, sm.MSG_PEEK | sm.MSG_WAITALL) == b"peek"
    assert drain(conn, 8) == b"peekaboo"


def test_recvfrom_on_tcp(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    cli.sendall(b"abc")
    data, addr = conn.recvfrom(3, sm.MSG_WAITALL)
    assert data == b"abc"
    s_cli, s_conn = tcp_pair(STDLIB, closer)
    s_cli.sendall(b"abc")
    assert addr == s_conn.recvfrom(3, STDLIB.MSG_WAITALL)[1]


@pytest.mark.parametrize("fam", ["inet", "inet6"])
def test_udp_echo_and_addresses(sm, closer, fam):
    family, host = (sm.AF_INET, HOST) if fam == "inet" else (sm.AF_INET6, HOST6)
    a = closer(sm.socket(family, sm.SOCK_DGRAM))
    b = closer(sm.socket(family, sm.SOCK_DGRAM))
    a.bind((host, 0))
    b.bind((host, 0))
    assert a.sendto(b"one", b.getsockname()) == 3
    data, addr = b.recvfrom(100)
    assert data == b"one" and addr == a.getsockname()
    if fam == "inet6":
        assert len(addr) == 4
    assert b.sendto(b"two", 0, addr) == 3        # the 3-argument form
    assert a.recvfrom(100) == (b"two", b.getsockname())
    # connected UDP: send/recv, getpeername
    a.connect(b.getsockname())
    assert a.getpeername() == b.getsockname()
    a.send(b"three")
    assert b.recv(100) == b"three"


def test_udp_truncation(sm, closer):
    a = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    a.bind((HOST, 0))
    a.sendto(b"0123456789", a.getsockname())
    assert a.recv(4) == b"0123"          # the rest of the datagram is dropped
    a.sendto(b"", a.getsockname())
    assert a.recvfrom(10) == (b"", a.getsockname())


def test_sendto_signatures_and_errors(sm, closer):
    def run(mod):
        s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
        try:
            s.bind((HOST, 0))
            me = s.getsockname()
            res = [
                outcome(mod, lambda: s.sendto(b"a", me)),
                outcome(mod, lambda: s.sendto(b"a", 0, me)),
                outcome(mod, lambda: s.sendto(b"a")),
                outcome(mod, lambda: s.sendto()),
                outcome(mod, lambda: s.sendto(b"a", 0, me, 1)),
                outcome(mod, lambda: s.sendto("a", me)),
                outcome(mod, lambda: s.sendto(b"a", "x", me)),
                outcome(mod, lambda: s.sendto(b"a", me[0])),
                outcome(mod, lambda: s.sendto(b"a", flags=0, address=me)),
            ]
            s.recv(1)
            s.recv(1)
            return res
        finally:
            s.close()
    got = run(sm)
    assert got[:2] == [("ok", 1), ("ok", 1)]
    assert got[2][1] == "TypeError"
    assert got == run(STDLIB)


@pytest.mark.parametrize("kind", ["stream", "dgram"])
def test_unix_echo(sm, closer, tmp_path, kind):
    path = str(tmp_path / "sock")
    if kind == "stream":
        cli, conn = unix_pair(sm, closer, path)
        cli.sendall(b"unix stream")
        assert drain(conn, 11) == b"unix stream"
        conn.sendall(b"back")
        assert cli.recv(10) == b"back"
        assert conn.getsockname() == path
        assert cli.getpeername() == path
    else:
        srv = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
        srv.bind(path)
        cpath = str(tmp_path / "client")
        cli = closer(sm.socket(sm.AF_UNIX, sm.SOCK_DGRAM))
        cli.bind(cpath)
        cli.sendto(b"dgram", path)
        assert srv.recvfrom(100) == (b"dgram", cpath)
        srv.sendto(b"reply", cpath)
        assert cli.recvfrom(100) == (b"reply", path)


def test_unix_unnamed_peer_address(sm, closer, tmp_path):
    """recvfrom from an unbound AF_UNIX sender: whatever the stdlib returns."""
    def run(mod, path):
        srv = closer(mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM))
        srv.bind(path)
        cli = closer(mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM))
        cli.sendto(b"x", path)
        return srv.recvfrom(10), cli.getsockname()
    assert run(sm, str(tmp_path / "a")) == run(STDLIB, str(tmp_path / "b"))


# --- sendall ----------------------------------------------------------------

@pytest.mark.parametrize("timeout", [None, 30.0])
def test_sendall_large_buffer(sm, closer, timeout):
    cli, conn = tcp_pair(sm, closer)
    payload = os.urandom(1 << 16) * 96          # 6 MiB
    cli.settimeout(timeout)
    w = start(lambda: hashlib.sha256(drain(conn, len(payload))).hexdigest())
    assert cli.sendall(memoryview(payload)) is None
    assert w.join() == hashlib.sha256(payload).hexdigest()


def test_sendall_unix_large_buffer(sm, closer, tmp_path):
    cli, conn = unix_pair(sm, closer, str(tmp_path / "s"))
    payload = bytes(range(256)) * 8192          # 2 MiB
    w = start(lambda: drain(conn, len(payload)))
    cli.sendall(payload)
    assert w.join() == payload


# --- recv_into / recvfrom_into ----------------------------------------------

def test_recv_into(sm, closer):
    cli, conn = tcp_pair(sm, closer)
    cli.sendall(b"0123456789")
    buf = bytearray(20)
    n = conn.recv_into(buf, 4)
    assert n == 4 and buf[:4] == b"0123"
    mv = memoryview(buf)[10:]
    n = conn.recv_into(mv, 6, sm.MSG_WAITALL)
    assert n == 6 and buf[10:16] == b"456789"
    cli.sendall(b"kw")
    assert conn.recv_into(buffer=buf, nbytes=2, flags=0) == 2


def test_recvfrom_into(sm, closer):
    a = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    a.bind((HOST, 0))
    a.sendto(b"datagram", a.getsockname())
    buf = bytearray(5)
    n, addr = a.recvfrom_into(buf)
    assert (n, bytes(buf), addr) == (5, b"datag", a.getsockname())
    a.sendto(b"xyz", a.getsockname())
    buf = bytearray(10)
    assert a.recvfrom_into(buf, 2) == (2, a.getsockname())
    assert buf[:3] == b"xy\x00"


def _into_errors(mod):
    s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    try:
        s.bind((HOST, 0))
        s.setblocking(False)
        return [
            outcome(mod, lambda: s.recv_into(bytearray(4), 5)),
            outcome(mod, lambda: s.recv_into(bytearray(4), -1)),
            outcome(mod, lambda: s.recv_into(b"read-only")),
            outcome(mod, lambda: s.recv_into(bytearray(4), "x")),
            outcome(mod, lambda: s.recvfrom_into(bytearray(4), 5)),
            outcome(mod, lambda: s.recvfrom_into(bytearray(4), -1)),
            outcome(mod, lambda: s.recvfrom_into(b"read-only")),
            outcome(mod, lambda: s.recv(-1)),
            outcome(mod, lambda: s.recvfrom(-1)),
            outcome(mod, lambda: s.recv("x")),
            outcome(mod, lambda: s.recv(1.5)),
            outcome(mod, lambda: s.recv()),
            outcome(mod, lambda: s.recv_into(bytearray(0))),     # nothing to read, 0 bytes
            outcome(mod, lambda: s.recv(0)),
        ]
    finally:
        s.close()


def test_recv_argument_errors(sm):
    got = _into_errors(sm)
    assert [g[1] for g in got[:2]] == ["ValueError", "ValueError"]
    assert got[2][1] == "TypeError"
    assert [g[1] for g in got[4:6]] == ["ValueError", "ValueError"]
    assert got == _into_errors(STDLIB)


# --- connect / connect_ex ----------------------------------------------------

def test_connect_and_names(sm, closer):
    srv = tcp_listener(sm, closer)
    cli = closer(sm.socket())
    assert cli.connect(srv.getsockname()) is None
    conn, addr = srv.accept()
    closer(conn)
    assert addr == cli.getsockname()
    assert cli.getpeername() == srv.getsockname() == conn.getsockname()
    assert conn.getpeername() == cli.getsockname()
    host, port = cli.getsockname()
    assert host == HOST and isinstance(port, int) and port > 0


def test_getpeername_unconnected(sm, closer):
    s = closer(sm.socket())
    with pytest.raises(OSError) as ei:
        s.getpeername()
    assert ei.value.errno == errno.ENOTCONN
    assert s.getsockname() == ("0.0.0.0", 0)


def test_connect_refused(sm, closer):
    addr = bound_not_listening(sm, closer)
    for timeout in (None, 5.0):
        s = closer(sm.socket())
        s.settimeout(timeout)
        with pytest.raises(ConnectionRefusedError) as ei:
            s.connect(addr)
        assert ei.value.errno == errno.ECONNREFUSED
        assert isinstance(ei.value, sm.error)


def test_connect_with_timeout(sm, closer):
    srv = tcp_listener(sm, closer)
    cli = closer(sm.socket())
    cli.settimeout(5.0)
    cli.connect(srv.getsockname())
    assert cli.gettimeout() == 5.0
    assert cli.getpeername() == srv.getsockname()


def test_connect_ex_codes(sm, closer):
    srv = tcp_listener(sm, closer)
    refused = bound_not_listening(sm, closer)
    ok = closer(sm.socket())
    assert ok.connect_ex(srv.getsockname()) == 0
    assert closer(sm.socket()).connect_ex(refused) == errno.ECONNREFUSED
    t = closer(sm.socket())
    t.settimeout(5)
    assert t.connect_ex(refused) == errno.ECONNREFUSED
    t2 = closer(sm.socket())
    t2.settimeout(5)
    assert t2.connect_ex(srv.getsockname()) == 0
    nb = closer(sm.socket())
    nb.setblocking(False)
    assert nb.connect_ex(srv.getsockname()) in (0, errno.EINPROGRESS)
    # already connected
    assert ok.connect_ex(srv.getsockname()) == errno.EISCONN


def test_connect_ex_raises_for_bad_addresses(sm):
    def run(mod):
        s = mod.socket()
        try:
            return [outcome(mod, lambda: s.connect_ex("x")),
                    outcome(mod, lambda: s.connect_ex((HOST, 70000))),
                    outcome(mod, lambda: s.connect_ex(("a..b", 80)))]
        finally:
            s.close()
    got = run(sm)
    assert [g[1] for g in got] == ["TypeError", "OverflowError", "gaierror"]
    assert got == run(STDLIB)


def test_connect_already_connected(sm, closer):
    cli, _ = tcp_pair(sm, closer)
    with pytest.raises(OSError) as ei:
        cli.connect(cli.getpeername())
    assert ei.value.errno == errno.EISCONN


def test_nonblocking_connect_then_complete(sm, closer):
    srv = tcp_listener(sm, closer)
    c = closer(sm.socket())
    c.setblocking(False)
    try:
        c.connect(srv.getsockname())
    except BlockingIOError as e:
        assert e.errno == errno.EINPROGRESS
    conn, _ = srv.accept()
    closer(conn)
    conn.sendall(b"z")
    c.settimeout(5)
    assert c.recv(1) == b"z"


def test_listen_backlog_forms(sm, closer):
    def run(mod):
        res = []
        for args in [(), (0,), (5,), (-1,), ("x",), (2 ** 40,)]:
            s = mod.socket()
            try:
                s.bind((HOST, 0))
                res.append(outcome(mod, lambda: s.listen(*args), message=False))
            finally:
                s.close()
        return res
    assert run(sm) == run(STDLIB)


def test_bind_twice_and_addr_in_use(sm, closer):
    a = closer(sm.socket())
    a.bind((HOST, 0))
    a.listen()
    b = closer(sm.socket())
    with pytest.raises(OSError) as ei:
        b.bind(a.getsockname())
    assert ei.value.errno == errno.EADDRINUSE
    assert type(ei.value) is OSError
    with pytest.raises(OSError) as ei:
        a.bind((HOST, 0))
    assert ei.value.errno == errno.EINVAL


# MSG_TRUNC makes the kernel report a datagram's real length, which may be
# more than the buffer holds.  recv()/recvfrom() return that many bytes as the
# stdlib does (its tail is whatever its resized object held; pysocket's is
# zeros), recvmsg() the bytes that fit, and nothing is read past a buffer.
TRUNC_CALLS = {
    "recv": lambda s, n: s.recv(n, STDLIB.MSG_TRUNC),
    "recvfrom": lambda s, n: s.recvfrom(n, STDLIB.MSG_TRUNC)[0],
    "recvmsg": lambda s, n: s.recvmsg(n, 0, STDLIB.MSG_TRUNC)[0],
}


@pytest.mark.parametrize("call", sorted(TRUNC_CALLS))
@pytest.mark.parametrize("bufsize", [10, 5000])
def test_msg_trunc_longer_datagram(sm, closer, call, bufsize):
    a, b = (closer(s) for s in sm.socketpair(sm.AF_UNIX, sm.SOCK_DGRAM))
    datagram = bytes(range(256)) * 40            # 10240 bytes
    a.send(datagram)
    got = TRUNC_CALLS[call](b, bufsize)
    if call == "recvmsg":
        assert got == datagram[:bufsize]
    else:
        assert len(got) == len(datagram)
        assert got[:bufsize] == datagram[:bufsize]
        if sm.__name__ == "pysocket":
            assert got[bufsize:] == bytes(len(datagram) - bufsize)


@pytest.mark.parametrize("call", sorted(TRUNC_CALLS))
def test_msg_trunc_on_tcp_discards(sm, closer, call):
    cli, conn = tcp_pair(sm, closer)
    cli.sendall(b"secret")
    got = TRUNC_CALLS[call](conn, 100)
    assert len(got) == 6                         # the count of bytes discarded
    if sm.__name__ == "pysocket":
        assert got == bytes(6)                   # no stale memory
    with pytest.raises(BlockingIOError):         # and the data is gone
        conn.recv(100, sm.MSG_DONTWAIT)
