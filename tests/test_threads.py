"""Threads: close() from one thread while another is blocked in a call on the
same socket, and many threads doing I/O on one socket.

pysocket's contract (csrc/deadline.c): while a call runs with the GIL released,
close() from another thread only shuts the socket down, which wakes the call;
the call then closes the fd on its way out.  So the blocked call ends cleanly
(b'' or OSError(EBADF)) and the fd number cannot be handed to a new socket or
file while the call still uses it.  The stdlib closes the fd at once (a thread
blocked in recv() on Linux then never wakes), so these tests check pysocket's
own guarantee rather than compare with the stdlib.

No sleeps decide anything: a test waits until the worker thread is really in
the syscall, read from /proc/self/task/<tid>/syscall (syscall number and first
argument, the fd), before it closes the socket.
"""
import ctypes
import errno
import os
import platform
import select
import sys
import threading
import time

import pytest

import pysocket

HOST = "127.0.0.1"

# poll/ppoll syscall numbers: where a call in timeout mode waits.
POLL_NR = {"x86_64": {7, 271}, "aarch64": {73}}.get(platform.machine())


def _syscall(tid):
    """(nr, first argument) of the syscall thread tid is blocked in, or None
    while it runs in user space."""
    with open("/proc/self/task/%d/syscall" % tid) as f:
        fields = f.read().split()
    if not fields or fields[0] == "running" or len(fields) < 2:
        return None
    return int(fields[0]), int(fields[1], 16)


def _have_proc_syscall():
    try:
        _syscall(threading.get_native_id())
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _have_proc_syscall(),
                                reason="needs /proc/self/task/<tid>/syscall "
                                       "(CONFIG_HAVE_ARCH_TRACEHOOK) to see a blocked thread")


class Worker(threading.Thread):
    """Runs fn() in a thread and records its result or exception."""

    def __init__(self, fn):
        super().__init__(daemon=True)
        self.fn = fn
        self.result = None
        self.exc = None
        self.native = None
        self.ready = threading.Event()

    def run(self):
        self.native = threading.get_native_id()
        self.ready.set()
        try:
            self.result = self.fn()
        except BaseException as e:  # noqa: BLE001 - recorded for the test
            self.exc = e

    def wait_blocked(self, fd=None, nrs=None, limit=60.0):
        """Waits until the thread sits in a syscall whose first argument is
        fd (or whose number is in nrs)."""
        self.ready.wait()
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if not self.is_alive():
                raise AssertionError("the call returned before blocking: %r %r"
                                     % (self.result, self.exc))
            state = _syscall(self.native)
            if state is not None and (
                    (fd is not None and state[1] == fd)
                    or (nrs is not None and state[0] in nrs)):
                return state
            time.sleep(0.001)
        raise AssertionError("the worker never blocked in the syscall")


def _fd_is_closed(fd):
    try:
        os.fstat(fd)
    except OSError as e:
        return e.errno == errno.EBADF
    return False


def _ended_cleanly(w):
    assert not w.is_alive()
    if w.exc is not None:
        assert isinstance(w.exc, OSError), repr(w.exc)
        assert w.exc.errno == errno.EBADF, repr(w.exc)
    else:
        assert w.result in (b"", None, 0), repr(w.result)


# fcntl(2) through ctypes.PyDLL runs with the GIL held (the os and fcntl
# modules release it): the only way to look at an fd while no other Python
# thread can run.
_LIBC = ctypes.PyDLL(None, use_errno=True)
_F_GETFD = 1


def _close_keeps_fd_open(sock, fd):
    """Closes sock while another thread is inside a call on it, and reports
    whether fd is still open right after close() returned.  The GIL is not
    given up in between (huge switch interval; close() does not release it
    while the socket is busy; PyDLL holds it), so the woken call cannot
    have closed the fd yet: if fd is closed here, close() closed it under
    the running call and the number was free for reuse."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        sock.close()
        still_open = _LIBC.fcntl(fd, _F_GETFD) >= 0
    finally:
        sys.setswitchinterval(old)
    return still_open


def _close_while_blocked(sock, call, nrs=None):
    """Starts call() in a worker, waits until it blocks, closes sock, and
    checks: the fd is still open (its number not reusable) when close()
    returns; the call then ends with b'' / OSError(EBADF) and the fd is
    closed."""
    fd = sock.fileno()
    w = Worker(call)
    w.start()
    w.wait_blocked(fd=None if nrs else fd, nrs=nrs)
    assert _close_keeps_fd_open(sock, fd), "close() closed the fd under a running call"
    assert sock.fileno() == -1
    w.join(60)
    _ended_cleanly(w)
    assert _fd_is_closed(fd), "the call did not close the fd on its way out"
    return w


@pytest.fixture
def pair():
    a, b = pysocket.socketpair()
    yield a, b
    a.close()
    b.close()


@pytest.mark.parametrize("timeout", [None, 30.0])
def test_close_during_recv(pair, timeout):
    a, b = pair
    a.settimeout(timeout)
    if timeout is not None and POLL_NR is None:
        pytest.skip("poll syscall numbers unknown on %s" % platform.machine())
    _close_while_blocked(a, lambda: a.recv(100), nrs=POLL_NR if timeout else None)


@pytest.mark.parametrize("method", ["recv_into", "recvfrom", "recvfrom_into"])
def test_close_during_other_recvs(pair, method):
    a, b = pair
    buf = bytearray(100)
    call = {
        "recv_into": lambda: a.recv_into(buf),
        "recvfrom": lambda: a.recvfrom(100),
        "recvfrom_into": lambda: a.recvfrom_into(buf),
    }[method]

    def run():
        r = call()
        return r[0] if isinstance(r, tuple) else r
    _close_while_blocked(a, run)


def test_close_during_accept():
    srv = pysocket.socket()
    srv.bind((HOST, 0))
    srv.listen()
    try:
        _close_while_blocked(srv, srv._accept if hasattr(srv, "_accept") else srv.accept)
    finally:
        srv.close()


def _stuck_address():
    """A loopback address whose connect() hangs in SYN_SENT: a listener with
    listen(0) whose accept queue is already full drops further SYNs.  Returns
    (listener, fillers, address)."""
    srv = pysocket.socket()
    srv.bind((HOST, 0))
    srv.listen(0)
    addr = srv.getsockname()
    fillers = []
    for _ in range(8):
        c = pysocket.socket()
        fillers.append(c)
        c.setblocking(False)
        err = c.connect_ex(addr)
        assert err in (0, errno.EINPROGRESS), err
        # Does this one complete?  (If not, the queue is full: the next
        # connect hangs too.)
        _, w, _ = select.select([], [c], [], 1.0)
        if not w:
            return srv, fillers, addr
    for c in fillers:
        c.close()
    srv.close()
    pytest.skip("could not fill a listen(0) backlog on loopback")


def test_close_during_connect():
    srv, fillers, addr = _stuck_address()
    c = pysocket.socket()
    try:
        _close_while_blocked(c, lambda: c.connect(addr))
    finally:
        c.close()
        for f in fillers:
            f.close()
        srv.close()


def test_close_during_sendall(pair):
    a, b = pair
    data = b"x" * (8 << 20)     # far more than the socket buffers hold
    _close_while_blocked(a, lambda: a.sendall(data))


def test_close_during_sendall_timeout(pair):
    if POLL_NR is None:
        pytest.skip("poll syscall numbers unknown on %s" % platform.machine())
    a, b = pair
    a.settimeout(60)
    data = b"x" * (8 << 20)
    _close_while_blocked(a, lambda: a.sendall(data), nrs=POLL_NR)


def test_close_twice_and_detach_while_blocked(pair):
    """close() twice, then the object dies, while a call still runs."""
    a, b = pair
    fd = a.fileno()
    w = Worker(lambda: a.recv(10))
    w.start()
    w.wait_blocked(fd=fd)
    assert _close_keeps_fd_open(a, fd)
    a.close()
    assert a.detach() == -1
    w.join(60)
    _ended_cleanly(w)
    assert _fd_is_closed(fd)


@pytest.mark.parametrize("op", ["recv", "recvfrom", "recv_into", "accept"])
def test_other_threads_run_while_timeout_call_waits(op):
    """A socket in timeout mode whose fd lost O_NONBLOCK through a dup (the
    flag belongs to the open file, shared by every dup) must still let other
    threads run while the call waits: the syscall may not block with the
    GIL held."""
    import signal
    if op == "accept":
        a = pysocket.socket()
        a.bind((HOST, 0))
        a.listen()
        b = pysocket.socket()
    else:
        a, b = pysocket.socketpair()
    d = a.dup()
    try:
        a.settimeout(30)
        d.setblocking(True)          # clears O_NONBLOCK for a too
        main = threading.get_native_id()
        fd = a.fileno()

        def feed():
            # runs only if the main thread let go of the GIL
            end = time.monotonic() + 30
            while time.monotonic() < end:
                st = _syscall(main)
                if st is not None and (st[1] == fd or (POLL_NR and st[0] in POLL_NR)):
                    break
                time.sleep(0.001)
            if op == "accept":
                b.connect(a.getsockname())
            else:
                b.send(b"!")

        class Hung(Exception):
            pass

        def on_alarm(signum, frame):
            raise Hung()
        call = {
            "recv": lambda: a.recv(1),
            "recvfrom": lambda: a.recvfrom(1)[0],
            "recv_into": lambda: bytes(buf[:a.recv_into(buf)]),
            "accept": lambda: a._accept() if hasattr(a, "_accept") else a.accept(),
        }[op]
        buf = bytearray(1)
        old = signal.signal(signal.SIGALRM, on_alarm)
        t = threading.Thread(target=feed, daemon=True)
        try:
            signal.setitimer(signal.ITIMER_REAL, 20)
            t.start()
            try:
                got = call()
            except Hung:
                pytest.fail("%s() held the GIL while blocked: the feeding thread never ran" % op)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, old)
        t.join(30)
        if op == "accept":
            fd_or_sock = got[0]
            os.close(fd_or_sock) if isinstance(fd_or_sock, int) else fd_or_sock.close()
        else:
            assert got == b"!"
    finally:
        d.close()
        a.close()
        b.close()


# ---------------------------------------------------------------------------
# Many threads on one socket


@pytest.mark.parametrize("kind", ["SOCK_DGRAM", "SOCK_SEQPACKET"])
@pytest.mark.parametrize("timeout", [None, 30.0])
def test_many_threads_one_socket(kind, timeout):
    """4 senders and 4 receivers share one socketpair end each: every
    message arrives exactly once."""
    a, b = pysocket.socketpair(pysocket.AF_UNIX, getattr(pysocket, kind))
    a.settimeout(timeout)
    b.settimeout(timeout)
    n_threads, per_thread = 4, 300
    received = []
    lock = threading.Lock()
    errors = []

    def sender(k):
        try:
            for i in range(per_thread):
                msg = b"%d:%d:" % (k, i) + b"p" * (i % 50)
                if i % 2:
                    a.sendall(msg)
                else:
                    assert a.send(msg) == len(msg)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    def receiver():
        try:
            buf = bytearray(256)
            while True:
                if len(received) % 2:
                    n = b.recv_into(buf)
                    msg = bytes(buf[:n])
                else:
                    msg = b.recv(256)
                if msg == b"stop":
                    return
                with lock:
                    received.append(msg)
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    receivers = [threading.Thread(target=receiver) for _ in range(n_threads)]
    senders = [threading.Thread(target=sender, args=(k,)) for k in range(n_threads)]
    for t in receivers + senders:
        t.start()
    for t in senders:
        t.join(120)
    for _ in receivers:
        a.send(b"stop")
    for t in receivers:
        t.join(120)
    a.close()
    b.close()
    assert not errors, errors
    expected = sorted(b"%d:%d:" % (k, i) + b"p" * (i % 50)
                      for k in range(n_threads) for i in range(per_thread))
    assert sorted(received) == expected


def test_many_threads_stream_each_own_direction():
    """Stream socket: one thread sends while another receives on the same
    socket object, both ways at once; every byte arrives in order."""
    a, b = pysocket.socketpair()
    size = 2 << 20
    pattern = bytes(range(256)) * (size // 256)
    out = {}

    def pump(src, dst, key):
        src.sendall(pattern)

    def drain(sock, key):
        chunks = []
        n = 0
        while n < size:
            c = sock.recv(65536)
            assert c
            chunks.append(c)
            n += len(c)
        out[key] = b"".join(chunks)

    ts = [threading.Thread(target=pump, args=(a, b, "ab")),
          threading.Thread(target=pump, args=(b, a, "ba")),
          threading.Thread(target=drain, args=(b, "ab")),
          threading.Thread(target=drain, args=(a, "ba"))]
    for t in ts:
        t.start()
    for t in ts:
        t.join(120)
    a.close()
    b.close()
    assert out.get("ab") == pattern
    assert out.get("ba") == pattern
