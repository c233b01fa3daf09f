"""Batch datagram I/O: socket.recvmmsg() / socket.sendmmsg() (csrc/batch.c).

The stdlib has no batch API, so the differential reference is what the
stdlib's recvfrom()/sendto() loop does with the same datagrams: same bytes,
same order, same addresses, same exception types.  Every test runs twice:
on recvmmsg(2)/sendmmsg(2) and on the portable loop (the fallback for
systems without them), reached through the _recvmmsg_loop/_sendmmsg_loop
test hooks.
"""
import errno
import signal
import socket
import threading

import pytest

import pysocket

LO = "127.0.0.1"


@pytest.fixture(params=["mmsg", "loop"])
def batch(request):
    """(recv, send): functions calling the batch methods of a socket."""
    if request.param == "mmsg":
        return (lambda s, *a: s.recvmmsg(*a)), (lambda s, *a: s.sendmmsg(*a))
    return (lambda s, *a: s._recvmmsg_loop(*a)), (lambda s, *a: s._sendmmsg_loop(*a))


@pytest.fixture
def udp():
    """A factory of bound loopback UDP sockets of either module; all closed at the end."""
    made = []

    def make(mod, family=socket.AF_INET, host=LO):
        s = mod.socket(family, mod.SOCK_DGRAM)
        made.append(s)
        s.bind((host, 0))
        return s

    yield make
    for s in made:
        s.close()


def payloads(n):
    return [bytes([i % 251]) * (1 + i % 60) for i in range(n)]


def stdlib_loop(rs, count, bufsize):
    rs.setblocking(False)
    out = []
    for _ in range(count):
        try:
            out.append(rs.recvfrom(bufsize))
        except BlockingIOError:
            break
    return out


# ---------------------------------------------------------------- recvmmsg

@pytest.mark.parametrize("timeout", [None, 5.0])
def test_full_batch_matches_recvfrom_loop(batch, udp, timeout):
    recv, _ = batch
    sender = udp(socket)
    ref, mine = udp(socket), udp(pysocket)
    mine.settimeout(timeout)
    data = payloads(16)
    for d in data:
        sender.sendto(d, ref.getsockname())
        sender.sendto(d, mine.getsockname())
    expected = stdlib_loop(ref, 16, 100)
    got = recv(mine, 16, 100)
    assert got == expected
    assert [d for d, _ in got] == data
    assert all(a == sender.getsockname() for _, a in got)


def test_address_objects_reused(batch, udp):
    recv, _ = batch
    sender, mine = udp(socket), udp(pysocket)
    for d in payloads(4):
        sender.sendto(d, mine.getsockname())
    got = recv(mine, 4, 64)
    assert len(got) == 4
    assert all(a is got[0][1] for _, a in got)


def test_several_peers_in_order(batch, udp):
    recv, _ = batch
    s1, s2, ref, mine = udp(socket), udp(socket), udp(socket), udp(pysocket)
    for i in range(6):
        src = s1 if i % 3 else s2
        src.sendto(b"m%d" % i, ref.getsockname())
        src.sendto(b"m%d" % i, mine.getsockname())
    assert recv(mine, 10, 16) == stdlib_loop(ref, 10, 16)


@pytest.mark.parametrize("timeout", [None, 5.0, 0.0])
def test_partial_batch(batch, udp, timeout):
    recv, _ = batch
    sender, mine = udp(socket), udp(pysocket)
    mine.settimeout(timeout)
    for d in payloads(3):
        sender.sendto(d, mine.getsockname())
    # blocking too: only the first datagram is waited for
    assert [d for d, _ in recv(mine, 64, 100)] == payloads(3)


def test_truncation_matches_recvfrom(batch, udp):
    recv, _ = batch
    sender, ref, mine = udp(socket), udp(socket), udp(pysocket)
    for dst in (ref, mine):
        sender.sendto(b"x" * 50, dst.getsockname())
        sender.sendto(b"", dst.getsockname())
        sender.sendto(b"yz", dst.getsockname())
    assert recv(mine, 3, 10) == stdlib_loop(ref, 3, 10)


def test_bufsize_zero(batch, udp):
    recv, _ = batch
    sender, ref, mine = udp(socket), udp(socket), udp(pysocket)
    for dst in (ref, mine):
        sender.sendto(b"abc", dst.getsockname())
    assert recv(mine, 1, 0) == stdlib_loop(ref, 1, 0)


def test_timeout_expiry(batch, udp):
    recv, _ = batch
    ref, mine = udp(socket), udp(pysocket)
    ref.settimeout(0.01)
    mine.settimeout(0.01)
    with pytest.raises(socket.timeout) as ref_exc:
        ref.recvfrom(10)
    with pytest.raises(pysocket.timeout) as exc:
        recv(mine, 4, 10)
    assert str(exc.value) == str(ref_exc.value)
    assert type(exc.value).__name__ == type(ref_exc.value).__name__


def test_nonblocking_empty(batch, udp):
    recv, _ = batch
    ref, mine = udp(socket), udp(pysocket)
    ref.setblocking(False)
    mine.setblocking(False)
    with pytest.raises(BlockingIOError) as ref_exc:
        ref.recvfrom(10)
    with pytest.raises(BlockingIOError) as exc:
        recv(mine, 4, 10)
    assert exc.value.errno == ref_exc.value.errno


def test_dontwait_flag_on_blocking_socket(batch, udp):
    recv, _ = batch
    mine = udp(pysocket)
    with pytest.raises(BlockingIOError):
        recv(mine, 4, 10, pysocket.MSG_DONTWAIT)


def test_ipv6(batch, udp):
    if not (socket.has_ipv6 and pysocket.has_ipv6):
        pytest.skip("IPv6 not compiled in")
    try:
        sender = udp(socket, socket.AF_INET6, "::1")
    except OSError as e:
        pytest.skip("no ::1 on this host: %s" % e)
    recv, _ = batch
    ref, mine = udp(socket, socket.AF_INET6, "::1"), udp(pysocket, socket.AF_INET6, "::1")
    for d in payloads(5):
        sender.sendto(d, ref.getsockname())
        sender.sendto(d, mine.getsockname())
    assert recv(mine, 5, 64) == stdlib_loop(ref, 5, 64)


def test_unix_socketpair(batch):
    recv, send = batch
    ra, rb = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    ma, mb = pysocket.socketpair(pysocket.AF_UNIX, pysocket.SOCK_DGRAM)
    try:
        data = payloads(5)
        for d in data:
            ra.send(d)
        assert send(ma, data) == 5
        assert recv(mb, 10, 64) == stdlib_loop(rb, 10, 64)
    finally:
        for s in (ra, rb, ma, mb):
            s.close()


def test_signal_interrupts_then_retries(batch, udp):
    """PEP 475: a handler that returns lets the call go on; one that raises ends it."""
    if not hasattr(signal, "setitimer"):
        pytest.skip("needs signal.setitimer")
    recv, _ = batch
    sender, mine = udp(socket), udp(pysocket)
    calls = []

    def deliver(signum, frame):
        calls.append(signum)
        sender.sendto(b"late", mine.getsockname())

    old = signal.signal(signal.SIGALRM, deliver)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        got = recv(mine, 4, 16)
        assert got == [(b"late", sender.getsockname())]
        assert calls == [signal.SIGALRM]

        def fail(signum, frame):
            raise ZeroDivisionError("from handler")

        signal.signal(signal.SIGALRM, fail)
        with pytest.raises(ZeroDivisionError):
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            recv(mine, 4, 16)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_gil_released_while_waiting(batch, udp):
    recv, _ = batch
    sender, mine = udp(socket), udp(pysocket)
    mine.settimeout(30)       # a failure shows as a timeout, not a hang
    result = []
    started = threading.Event()

    def reader():
        started.set()
        result.append(recv(mine, 8, 16))

    t = threading.Thread(target=reader)
    t.start()
    started.wait()
    # Runs only if the reader does not hold the GIL while it waits; if the
    # datagram arrives before recvmmsg starts waiting, the result is the same.
    sender.sendto(b"wake", mine.getsockname())
    t.join()
    assert result == [[(b"wake", sender.getsockname())]]


def test_closed_socket(batch, udp):
    recv, send = batch
    ref, mine = udp(socket), udp(pysocket)
    ref.close()
    mine.close()
    with pytest.raises(OSError) as ref_exc:
        ref.recvfrom(10)
    with pytest.raises(OSError) as exc:
        recv(mine, 4, 10)
    assert exc.value.errno == ref_exc.value.errno
    with pytest.raises(OSError) as exc:
        send(mine, [(b"x", (LO, 9))])
    assert exc.value.errno == ref_exc.value.errno


@pytest.mark.parametrize("args, exc", [
    ((), TypeError),
    ((1,), TypeError),
    ((1, 2, 3, 4), TypeError),
    ((1.0, 10), TypeError),
    ((1, 10.0), TypeError),
    (("1", 10), TypeError),
    ((1, 10, 1.5), TypeError),
    ((0, 10), ValueError),
    ((-1, 10), ValueError),
    ((1, -1), ValueError),
    ((2 ** 40, 10), OverflowError),
    ((1, 2 ** 70), OverflowError),
    ((1, 10, 2 ** 40), OverflowError),
    ((1024, 2 ** 62), OverflowError),
])
def test_recvmmsg_bad_arguments(batch, udp, args, exc):
    recv, _ = batch
    mine = udp(pysocket)
    with pytest.raises(exc):
        recv(mine, *args)


def test_count_capped_at_1024(batch, udp):
    recv, _ = batch
    sender, mine = udp(socket), udp(pysocket)
    for d in payloads(3):
        sender.sendto(d, mine.getsockname())
    assert len(recv(mine, 10 ** 6, 8)) == 3


# ---------------------------------------------------------------- sendmmsg

def test_sendmmsg_mixed_addresses(batch, udp):
    recv, send = batch
    mine = udp(pysocket)
    r1, r2 = udp(socket), udp(socket)
    items = [(b"a", r1.getsockname()), (bytearray(b"bb"), r2.getsockname()),
             (memoryview(b"ccc"), r1.getsockname()), (b"", r2.getsockname())]
    assert send(mine, items) == 4
    me = mine.getsockname()
    assert stdlib_loop(r1, 10, 64) == [(b"a", me), (b"ccc", me)]
    assert stdlib_loop(r2, 10, 64) == [(b"bb", me), (b"", me)]


def test_sendmmsg_matches_sendto_loop(batch, udp):
    """Datagrams sent by sendmmsg arrive as the stdlib's sendto loop's do."""
    recv, send = batch
    ref_sender, mine = udp(socket), udp(pysocket)
    r_ref, r_mine = udp(socket), udp(socket)
    data = payloads(20)
    for d in data:
        ref_sender.sendto(d, r_ref.getsockname())
    # a generator: grows the internal arrays past the initial guess
    assert send(mine, ((d, r_mine.getsockname()) for d in data)) == 20
    assert [d for d, _ in stdlib_loop(r_mine, 30, 64)] == \
        [d for d, _ in stdlib_loop(r_ref, 30, 64)] == data


def test_sendmmsg_connected_plain_data(batch, udp):
    recv, send = batch
    peer, mine = udp(socket), udp(pysocket)
    mine.connect(peer.getsockname())
    assert send(mine, [b"one", bytearray(b"two"), memoryview(b"three")]) == 3
    # plain data and an explicit address mixed on a connected socket
    assert send(mine, [b"four", (b"five", peer.getsockname())]) == 2
    got = stdlib_loop(peer, 10, 64)
    assert [d for d, _ in got] == [b"one", b"two", b"three", b"four", b"five"]
    assert all(a == mine.getsockname() for _, a in got)


def test_sendmmsg_unconnected_plain_data_first(batch, udp):
    """Plain data first on an unconnected socket: the error send() gives."""
    _, send = batch
    ref, mine = udp(socket), udp(pysocket)
    with pytest.raises(OSError) as ref_exc:
        ref.send(b"x")
    with pytest.raises(OSError) as exc:
        send(mine, [b"x", (b"y", ref.getsockname())])
    assert type(exc.value) is type(ref_exc.value)
    assert exc.value.errno == ref_exc.value.errno == errno.EDESTADDRREQ


def test_sendmmsg_partial_on_error(batch, udp):
    """An error after the first datagram ends the batch: the count says where."""
    _, send = batch
    peer, mine = udp(socket), udp(pysocket)
    items = [(b"a", peer.getsockname()), b"no address", (b"c", peer.getsockname())]
    assert send(mine, items) == 1
    assert stdlib_loop(peer, 10, 16) == [(b"a", mine.getsockname())]


def test_sendmmsg_empty(batch, udp):
    _, send = batch
    mine = udp(pysocket)
    assert send(mine, []) == 0
    assert send(mine, iter(())) == 0


def test_sendmmsg_takes_at_most_1024(batch, udp):
    _, send = batch
    peer, mine = udp(socket), udp(pysocket)
    mine.connect(peer.getsockname())
    it = iter([b"."] * 1100)
    assert send(mine, it) == 1024
    assert len(list(it)) == 1100 - 1024


def test_sendmmsg_flags(batch):
    recv, send = batch
    a, b = pysocket.socketpair(pysocket.AF_UNIX, pysocket.SOCK_DGRAM)
    try:
        assert send(a, [b"p", b"q"], 0) == 2
        assert [d for d, _ in recv(b, 4, 8, 0)] == [b"p", b"q"]
    finally:
        a.close()
        b.close()


def _bad_gen():
    yield (b"ok", (LO, 9))
    raise ZeroDivisionError("from the iterable")


@pytest.mark.parametrize("arg, exc", [
    (b"abc", TypeError),
    (bytearray(b"abc"), TypeError),
    ("abc", TypeError),
    (5, TypeError),
    (None, TypeError),
    ([1], TypeError),
    (["text"], TypeError),
    ([(b"a",)], TypeError),
    ([(b"a", (LO, 9), 0)], TypeError),
    ([("a", (LO, 9))], TypeError),
    ([(b"a", "not-an-address")], TypeError),
    ([(b"a", (LO, 70000))], OverflowError),
    ([(b"a", (LO, 9)), 3], TypeError),
    (_bad_gen, ZeroDivisionError),
])
def test_sendmmsg_bad_items(batch, udp, arg, exc):
    _, send = batch
    mine = udp(pysocket)
    if callable(arg):
        arg = arg()       # a fresh generator for each run
    with pytest.raises(exc):
        send(mine, arg)


def test_sendmmsg_bad_address_like_sendto(batch, udp):
    """The address errors are sendto()'s, type for type."""
    _, send = batch
    ref, mine = udp(socket), udp(pysocket)
    for addr in ["x", (LO,), (LO, -1), (LO, 70000), (1, 2), (LO, "9")]:
        with pytest.raises(Exception) as ref_exc:
            ref.sendto(b"a", addr)
        with pytest.raises(Exception) as exc:
            send(mine, [(b"a", addr)])
        assert type(exc.value) is type(ref_exc.value), addr
        # the message is pysocket's sendto()'s (the address parser's job to
        # match the stdlib's; tested with the address family)
        with pytest.raises(Exception) as own_exc:
            mine.sendto(b"a", addr)
        assert str(exc.value).replace("sendmmsg", "sendto") == str(own_exc.value)


@pytest.mark.parametrize("args", [(), ([b"a"], 0, 1), ([b"a"], 1.0), ([b"a"], 2 ** 40)])
def test_sendmmsg_bad_arguments(batch, udp, args):
    _, send = batch
    mine = udp(pysocket)
    ref = udp(socket)
    with pytest.raises(Exception) as exc:
        send(mine, *args)
    # the stdlib's send() raises the same type for the same flags mistake
    if len(args) == 2:
        with pytest.raises(type(exc.value)):
            ref.send(b"a", args[1])
    else:
        assert type(exc.value) is TypeError


def test_nonblocking_send_full_buffer(batch):
    """A full AF_UNIX queue: BlockingIOError before any is sent, else a count."""
    _, send = batch
    a, b = pysocket.socketpair(pysocket.AF_UNIX, pysocket.SOCK_DGRAM)
    try:
        a.setblocking(False)
        total = 0
        while True:
            try:
                n = send(a, [b"z" * 1024] * 64)
            except BlockingIOError:
                break
            assert 1 <= n <= 64
            total += n
        assert total > 0
    finally:
        a.close()
        b.close()


def test_sendmmsg_repeated_address_objects(batch, udp):
    """One address object repeated (parsed once), interleaved with others."""
    _, send = batch
    mine, r1, r2 = udp(pysocket), udp(socket), udp(socket)
    a1, a2 = r1.getsockname(), r2.getsockname()
    items = [(b"1", a1), (b"2", a1), (b"3", a2), (b"4", a2), (b"5", a1),
             (b"6", tuple(a1)), (b"7", (a2[0], a2[1])), (b"8", a1)]
    assert send(mine, iter(items)) == 8
    me = mine.getsockname()
    assert stdlib_loop(r1, 10, 8) == [(d, me) for d in (b"1", b"2", b"5", b"6", b"8")]
    assert stdlib_loop(r2, 10, 8) == [(d, me) for d in (b"3", b"4", b"7")]
