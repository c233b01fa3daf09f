"""send_fds / recv_fds (pysocket/_fds.py) against the stdlib's.

The stdlib's recv_fds sizes its buffer with CMSG_LEN and ignores flags; its
send_fds ignores flags and address.  Where it behaves correctly the results
must agree; the deliberate differences are tested on their own.
"""
import array
import errno
import gc
import os
import socket
import subprocess
import sys

import pytest
from util import no_fd_leak, open_fds  # noqa: F401  (autouse fixture)

import pysocket._socket as psock
from pysocket import _fds

MSG_CTRUNC = getattr(psock, "MSG_CTRUNC", socket.MSG_CTRUNC)



def close_all(fds):
    for fd in fds:
        os.close(fd)


class Pair:
    def __init__(self, mod, kind=socket.SOCK_STREAM):
        self.a, self.b = mod.socketpair(socket.AF_UNIX, kind)

    def __enter__(self):
        return self.a, self.b

    def __exit__(self, *exc):
        self.a.close()
        self.b.close()


IMPLS = [
    pytest.param((socket, socket.send_fds, socket.recv_fds), id="stdlib"),
    pytest.param((psock, _fds.send_fds, _fds.recv_fds), id="pysocket"),
]


def exchange(impl, n, maxfds):
    """Sends n pipe write ends, receives with maxfds, uses what arrived."""
    mod, send_fds, recv_fds = impl
    pipes = [os.pipe() for _ in range(n)]
    reads, writes = [p[0] for p in pipes], [p[1] for p in pipes]
    try:
        with Pair(mod) as (a, b):
            assert send_fds(a, [b"ab", memoryview(b"cd")], writes) == 4
            data, fds, flags, addr = recv_fds(b, 10, maxfds)
            inheritable = [os.get_inheritable(fd) for fd in fds]
            for i, fd in enumerate(fds):
                os.write(fd, bytes([i % 256]))
            close_all(fds)
            echoed = [os.read(reads[i], 1)[0] for i in range(len(fds))]
            return (data, len(fds), flags & MSG_CTRUNC, addr, echoed), inheritable
    finally:
        close_all(reads + writes)


@pytest.mark.parametrize("n", [1, 200])
def test_pass_fds_like_stdlib(n):
    std, std_inh = exchange(IMPLS[0].values[0], n, n)
    ours, our_inh = exchange(IMPLS[1].values[0], n, n)
    assert std == ours
    assert ours[1] == n and ours[4] == [i % 256 for i in range(n)]
    # the deliberate difference: non-inheritable fds (PEP 446)
    assert set(our_inh) == {False}
    assert set(std_inh) == {True}


@pytest.mark.parametrize("impl", IMPLS)
def test_more_fds_than_maxfds(impl):
    """At most maxfds come back, MSG_CTRUNC says some were dropped, and the
    dropped ones are closed (no fd left open: the autouse fixture)."""
    for sent, maxfds in [(2, 1), (4, 3), (5, 2), (3, 0)]:
        result, _ = exchange(impl, sent, maxfds)
        data, count, ctrunc, addr, echoed = result
        assert data == b"abcd"
        assert count == maxfds
        assert ctrunc
        assert addr is None


def test_buffer_is_cmsg_space():
    """With maxfds odd, CMSG_SPACE's padding would hold one more fd than
    asked for; the extra one is closed, not returned."""
    before = open_fds()
    result, _ = exchange(IMPLS[1].values[0], 2, 1)
    assert result[1] == 1 and result[2]
    assert open_fds() == before


def test_recv_fds_honours_flags():
    with Pair(psock) as (a, b):
        with pytest.raises(BlockingIOError):
            _fds.recv_fds(b, 10, 1, socket.MSG_DONTWAIT)
        r, w = os.pipe()
        _fds.send_fds(a, [b"peek"], [r])
        data, fds, flags, addr = _fds.recv_fds(b, 10, 1, socket.MSG_PEEK)
        assert data == b"peek" and len(fds) == 1
        data2, fds2, flags2, addr2 = _fds.recv_fds(b, 10, 1)
        assert data2 == b"peek" and len(fds2) == 1
        close_all(fds + fds2 + [r, w])


def test_send_fds_honours_flags():
    with Pair(psock) as (a, b):
        a.setblocking(True)
        a.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
        r, w = os.pipe()
        try:
            with pytest.raises(BlockingIOError):
                while True:
                    _fds.send_fds(a, [b"x" * 65536], [r], socket.MSG_DONTWAIT)
        finally:
            close_all([r, w])
    # whatever was queued with fds in flight is released when the pair closes


def test_send_fds_honours_address(tmp_path):
    path = str(tmp_path / "rx")
    rx = psock.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    tx = psock.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    r, w = os.pipe()
    try:
        rx.bind(path)
        assert _fds.send_fds(tx, [b"to"], [w], 0, path) == 2
        data, fds, flags, addr = _fds.recv_fds(rx, 10, 1)
        assert data == b"to" and len(fds) == 1 and flags == 0
        os.write(fds[0], b"!")
        assert os.read(r, 1) == b"!"
        close_all(fds)
        # the stdlib drops the address: an unconnected socket cannot send
        std_tx = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        with std_tx:
            with pytest.raises(OSError) as e:
                socket.send_fds(std_tx, [b"to"], [w], 0, path)
            assert e.value.errno in (errno.ENOTCONN, errno.EDESTADDRREQ)
    finally:
        close_all([r, w])
        rx.close()
        tx.close()


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("bad", [["x"], [1.5], [2**40], "abc"], ids=repr)
def test_send_fds_bad_fds(impl, bad):
    mod, send_fds, _ = impl
    with Pair(mod) as (a, b):
        with pytest.raises((TypeError, OverflowError)) as e:
            send_fds(a, [b"x"], bad)
    want = pytest.raises((TypeError, OverflowError))
    with want as w2:
        array.array("i", bad)
    assert type(e.value) is type(w2.value)


@pytest.mark.parametrize("impl", IMPLS)
def test_recv_fds_negative_maxfds(impl):
    mod, _, recv_fds = impl
    with Pair(mod) as (a, b):
        with pytest.raises(OverflowError):
            recv_fds(b, 10, -1)


def test_recv_fds_closes_fds_when_decoding_fails(monkeypatch):
    """If building the result fails after fds arrived, all are closed."""
    with Pair(psock) as (a, b):
        r, w = os.pipe()
        _fds.send_fds(a, [b"x"], [r, w, r])
        before = open_fds()

        class Boom(array.array):
            calls = 0

            def frombytes(self, data):
                raise MemoryError("simulated")

        real_array = _fds.array.array
        monkeypatch.setattr(_fds.array, "array",
                            lambda code, *a: Boom(code, *a) if not a else real_array(code, *a))
        with pytest.raises(MemoryError):
            _fds.recv_fds(b, 10, 3)
        monkeypatch.setattr(_fds.array, "array", real_array)
        assert open_fds() == before
        close_all([r, w])


def test_no_stdlib_socket_import():
    code = ("import sys, pysocket._fds; "
            "bad = [m for m in ('socket', '_socket') if m in sys.modules]; "
            "print(bad)")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True).stdout
    assert out.strip() == "[]"
