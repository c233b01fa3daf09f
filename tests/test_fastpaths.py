"""The fast paths of pysocket's I/O (issue 9) give the stdlib's results.

- sendto() caches the sockaddr of the last address object when it is a
  constant (an exact tuple with a numeric host): a new address object, a
  mutated peer or a host name must still go where it says;
- in blocking mode a small recv*() first tries MSG_DONTWAIT with the GIL held
  and falls back to the blocking call: data that arrives later, MSG_WAITALL
  and MSG_PEEK must behave as a plain blocking recv, and other threads must
  run while it waits;
- in blocking mode a datagram send() / sendto() may try MSG_DONTWAIT first;
  stream sends never do (a partial count would differ from a blocking send).
"""
import socket as stdlib_socket
import threading

import pytest

import pysocket
from util import reader_thread

HOST = "127.0.0.1"
MODULES = [pytest.param(stdlib_socket, id="stdlib"), pytest.param(pysocket, id="pysocket")]


@pytest.fixture(params=MODULES)
def mod(request):
    return request.param


def udp(mod):
    s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    s.bind((HOST, 0))
    return s


def test_sendto_cache_follows_the_address_object(mod):
    a, b, tx = udp(mod), udp(mod), udp(mod)
    try:
        a.settimeout(5)
        b.settimeout(5)
        addr_a, addr_b = a.getsockname(), b.getsockname()
        for i in range(3):                      # the same object again and again
            tx.sendto(b"a%d" % i, addr_a)
        tx.sendto(b"b0", addr_b)                # another object: another peer
        tx.sendto(b"a3", (HOST, addr_a[1]))     # an equal, new tuple
        tx.sendto(b"b1", 0, addr_b)
        assert [a.recv(16) for _ in range(4)] == [b"a0", b"a1", b"a2", b"a3"]
        assert [b.recv(16) for _ in range(2)] == [b"b0", b"b1"]
    finally:
        for s in (a, b, tx):
            s.close()


def test_sendto_host_names_are_resolved_each_time(mod):
    a, tx = udp(mod), udp(mod)
    try:
        a.settimeout(5)
        addr = ("localhost", a.getsockname()[1])
        for _ in range(2):
            tx.sendto(b"n", addr)
        assert a.recvfrom(4)[0] == b"n" and a.recvfrom(4)[0] == b"n"
    finally:
        a.close()
        tx.close()


def test_sendto_cached_address_errors_stay_errors(mod):
    tx = udp(mod)
    try:
        bad = (HOST, 70000)
        for _ in range(2):
            with pytest.raises(OverflowError):
                tx.sendto(b"x", bad)
    finally:
        tx.close()


def _later(fn):
    """Starts fn in a thread and returns the thread."""
    t = threading.Thread(target=fn)
    t.start()
    return t


def test_blocking_recv_waits_for_data_sent_later(mod):
    a, b = mod.socketpair()
    try:
        assert a.gettimeout() is None
        started = threading.Event()

        def sender():
            started.wait(5)
            b.sendall(b"late")
        t = _later(sender)
        started.set()
        assert a.recv(16) == b"late"      # EAGAIN on the first try, then blocks
        t.join(5)
    finally:
        a.close()
        b.close()


def test_blocking_recv_waitall_and_peek(mod):
    a, b = mod.socketpair()
    try:
        b.sendall(b"12")

        def rest():
            b.sendall(b"345")
        t = _later(rest)
        assert a.recv(5, mod.MSG_WAITALL) == b"12345"
        t.join(5)
        b.sendall(b"pk")
        assert a.recv(2, mod.MSG_PEEK) == b"pk"
        assert a.recv(2) == b"pk"
        buf = bytearray(4)
        b.sendall(b"into")
        assert a.recv_into(buf) == 4 and buf == b"into"
    finally:
        a.close()
        b.close()


def test_other_threads_run_while_blocking_recv_waits(mod):
    a, b = mod.socketpair()
    try:
        ran = threading.Event()

        def worker():
            # pure Python work: needs the GIL while the main thread waits
            sum(range(10000))
            ran.set()
            b.sendall(b"go")
        t = _later(worker)
        assert a.recv(2) == b"go"
        assert ran.is_set()
        t.join(5)
    finally:
        a.close()
        b.close()


def test_blocking_stream_send_is_never_partial_for_what_fits(mod):
    # A blocking send on a stream socket queues the whole buffer when it fits
    # in the socket buffer, however full the buffer was a moment before.
    a, b = mod.socketpair()
    try:
        a.setsockopt(mod.SOL_SOCKET, mod.SO_SNDBUF, 65536)
        data = b"x" * 4096
        sent = 0
        b.setblocking(False)
        a.setblocking(False)
        try:
            while True:                  # fill the pipe
                sent += a.send(data)
        except BlockingIOError:
            pass
        a.setblocking(True)
        received = []

        def drain():
            n = 0
            while n < sent + len(data):
                try:
                    chunk = b.recv(65536)
                except BlockingIOError:
                    chunk = None
                    b.setblocking(True)
                    continue
                n += len(chunk)
                received.append(len(chunk))
        t = _later(drain)
        assert a.send(data) == len(data)
        t.join(10)
        assert sum(received) == sent + len(data)
    finally:
        a.close()
        b.close()


# The methods without arguments are METH_FASTCALL in pysocket (a bound
# FASTCALL builtin is specialized by the interpreter, a NOARGS one is not);
# their argument errors must stay METH_NOARGS's.
NOARG_METHODS = ["close", "detach", "dup", "fileno", "gettimeout", "getblocking",
                 "get_inheritable", "getsockname", "getpeername"]


def _noarg_errors(mod, name):
    s = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    calls = [lambda: getattr(s, name)(1), lambda: getattr(mod.socket, name)(s, 1, 2),
             lambda: getattr(s, name)(x=1), lambda: getattr(mod.socket, name)(s, x=1),
             lambda: getattr(mod.socket, name)()]
    out = []
    try:
        for call in calls:
            with pytest.raises(TypeError) as info:
                call()
            out.append(str(info.value).replace("pysocket._socket.", "_socket."))
        assert s.fileno() >= 0          # nothing ran: still open, not detached
    finally:
        s.close()
    return out


@pytest.mark.parametrize("name", NOARG_METHODS)
def test_noarg_method_argument_errors(name):
    assert _noarg_errors(pysocket, name) == _noarg_errors(stdlib_socket, name)


@pytest.mark.parametrize("name", NOARG_METHODS)
def test_noarg_method_bound_call(mod, name):
    a, b = mod.socketpair()
    try:
        bound = getattr(a, name)
        expected = {"fileno": a.fileno(), "gettimeout": None, "getblocking": True,
                    "get_inheritable": False, "getsockname": a.getsockname(),
                    "getpeername": a.getpeername()}
        for _ in range(3):              # repeated: the call site specializes
            got = bound() if name not in ("close", "detach", "dup") else None
            if name in expected:
                assert got == expected[name]
        if name == "dup":
            d = bound()
            assert d.fileno() != a.fileno()
            d.close()
        elif name == "detach":
            fd = bound()
            assert a.fileno() == -1
            mod.socket(fileno=fd).close()
        elif name == "close":
            bound()
            assert a.fileno() == -1
    finally:
        a.close()
        b.close()


# A small send() on a blocking stream socket tries MSG_DONTWAIT first with
# the GIL held; a partial first try is completed by a blocking send of the
# rest, so the count is always what the blocking send(2) returns.
def test_blocking_stream_send_counts_under_pressure(mod):
    a, b = mod.socketpair()
    a.setsockopt(mod.SOL_SOCKET, mod.SO_SNDBUF, 4096)
    sizes = [1 + (i * 997) % 8192 for i in range(300)]
    expected = b"".join(bytes([i % 251]) * n for i, n in enumerate(sizes))
    got = []
    t = reader_thread(b, got, 3000)
    try:
        counts = [a.send(bytes([i % 251]) * n) for i, n in enumerate(sizes)]
        a.shutdown(mod.SHUT_WR)         # the reader's EOF
    finally:
        t.join(30)
        a.close()
        b.close()
    assert counts == sizes
    assert b"".join(got) == expected


def test_blocking_stream_send_reports_the_reset(mod):
    import struct
    lsn = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    lsn.bind((HOST, 0))
    lsn.listen()
    c = mod.create_connection(lsn.getsockname())
    s, _ = lsn.accept()
    try:
        s.setsockopt(mod.SOL_SOCKET, mod.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()                       # sends RST
        with pytest.raises(ConnectionResetError):
            c.send(b"x")                # the pending error, reported once
        with pytest.raises(BrokenPipeError):
            c.send(b"x")
    finally:
        c.close()
        lsn.close()


# SO_RCVLOWAT: a blocking or timed receive waits until the mark's worth of
# bytes is there (poll(2) honours the mark, a MSG_DONTWAIT recv does not), so
# pysocket makes no first try without waiting once the mark is set: through
# setsockopt, or on a socket made from an fd that has it (accept inherits
# the listener's).
def _lowat_pair(mod, how):
    lsn = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    lsn.bind((HOST, 0))
    lsn.listen()
    if how == "listener":
        lsn.setsockopt(mod.SOL_SOCKET, mod.SO_RCVLOWAT, 10)
    cli = mod.create_connection(lsn.getsockname())
    conn, _ = lsn.accept()
    lsn.close()
    if how == "setsockopt":
        conn.setsockopt(mod.SOL_SOCKET, mod.SO_RCVLOWAT, 10)
    elif how == "dup":
        conn.setsockopt(mod.SOL_SOCKET, mod.SO_RCVLOWAT, 10)
        d = conn.dup()
        conn.close()
        conn = d
    return cli, conn


@pytest.mark.parametrize("how", ["setsockopt", "listener", "dup"])
def test_rcvlowat_timeout_mode_waits_for_the_mark(mod, how):
    cli, conn = _lowat_pair(mod, how)
    try:
        conn.settimeout(0.2)
        cli.sendall(b"abc")
        with pytest.raises(mod.timeout):
            conn.recv(100)              # 3 bytes queued, below the mark
        cli.sendall(b"defghij")
        assert conn.recv(100) == b"abcdefghij"
    finally:
        cli.close()
        conn.close()


def test_rcvlowat_blocking_mode_waits_for_the_mark(mod):
    import test_threads
    cli, conn = _lowat_pair(mod, "setsockopt")
    try:
        cli.sendall(b"abc")
        w = test_threads.Worker(lambda: conn.recv(100))
        w.start()
        w.wait_blocked(fd=conn.fileno())    # blocked with 3 bytes queued
        # Linux wakes the blocked reader once the mark's worth of bytes has
        # arrived beyond what it already copied out (the 3)
        cli.sendall(b"d" * 10)
        w.join(30)
        assert w.exc is None and w.result == b"abc" + b"d" * 10
    finally:
        cli.close()
        conn.close()
