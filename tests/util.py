"""Shared helpers for the differential core tests.

Every behaviour test gets the module under test as the `sm` fixture
(conftest.py): the stdlib `socket` or `pysocket`.  The helpers here only use
the module they are given, so the same code runs on both sides; where a test
needs the stdlib's answer as the reference it calls `outcome(STDLIB, ...)`.
"""
import errno
import gc
import os
import socket as STDLIB
import sys
import threading

import pytest

HOST = "127.0.0.1"
HOST6 = "::1"
PY310 = sys.version_info >= (3, 10)


def exc_name(mod, exc):
    """A module-independent name for an exception raised by `mod`."""
    for name in ("gaierror", "herror"):
        cls = getattr(mod, name, None)
        if cls is not None and isinstance(exc, cls):
            return name
    tmo = getattr(mod, "timeout", None)
    if tmo is not None and tmo is not TimeoutError and isinstance(exc, tmo):
        return "timeout"
    return type(exc).__name__


def outcome(mod, fn, *, message=True):
    """Runs fn(); returns ('ok', result) or ('raise', name, errno, text).

    Comparing two outcomes compares the result, or the exception type, its
    errno and (unless message=False) its str()."""
    try:
        return ("ok", fn())
    except Exception as exc:  # noqa: BLE001 - we compare every exception
        text = str(exc) if message else None
        return ("raise", exc_name(mod, exc), getattr(exc, "errno", None), text)


class Closer:
    """Collects sockets/fds and closes them at teardown (see `closer` fixture)."""

    def __init__(self):
        self.items = []

    def __call__(self, obj):
        self.items.append(obj)
        return obj

    def fd(self, fd):
        self.items.append(fd)
        return fd

    def close_all(self):
        while self.items:
            obj = self.items.pop()
            try:
                if isinstance(obj, int):
                    os.close(obj)
                else:
                    obj.close()
            except OSError:
                pass


def socket_fds():
    """The set of this process's fds that are sockets."""
    out = set()
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink("/proc/self/fd/" + name).startswith("socket:"):
                out.add(int(name))
        except OSError:
            pass
    return out


def tcp_listener(mod, close, family=None, host=None, backlog=5):
    family = mod.AF_INET if family is None else family
    host = (HOST if family == mod.AF_INET else HOST6) if host is None else host
    srv = close(mod.socket(family, mod.SOCK_STREAM))
    srv.bind((host, 0))
    srv.listen(backlog)
    return srv


def tcp_pair(mod, close, family=None):
    """A connected (client, server) TCP pair over loopback."""
    srv = tcp_listener(mod, close, family)
    cli = close(mod.socket(srv.family, mod.SOCK_STREAM))
    cli.connect(srv.getsockname())
    conn, _ = srv.accept()
    close(conn)
    srv.close()
    return cli, conn


def unix_pair(mod, close, path, type_=None):
    """A connected (client, server) AF_UNIX stream pair bound at `path`."""
    type_ = mod.SOCK_STREAM if type_ is None else type_
    srv = close(mod.socket(mod.AF_UNIX, type_))
    srv.bind(path)
    srv.listen(1)
    cli = close(mod.socket(mod.AF_UNIX, type_))
    cli.connect(path)
    conn, _ = srv.accept()
    close(conn)
    srv.close()
    return cli, conn


def bound_not_listening(mod, close, family=None):
    """A TCP port with a bound socket but no listener: connects get RST
    (ECONNREFUSED), deterministically, while the socket stays open."""
    family = mod.AF_INET if family is None else family
    s = close(mod.socket(family, mod.SOCK_STREAM))
    s.bind((HOST if family == mod.AF_INET else HOST6, 0))
    return s.getsockname()


def stuck_listener(mod):
    """A loopback listen(0) socket whose accept queue is full, so the kernel
    drops further SYNs and a new connect() stays in SYN_SENT, and the
    sockets that fill the queue: (listener, fillers), or None (all closed)
    when the queue did not fill.  A filler whose connect does not complete
    within a second marks the queue full; it stays in SYN_SENT and takes the
    first slot that frees up (full_backlog_listener() closes it instead, for
    tests that want their own connect to get that slot)."""
    import select
    srv = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    srv.bind((HOST, 0))
    srv.listen(0)
    fillers = []
    for _ in range(8):
        c = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
        c.setblocking(False)
        c.connect_ex(srv.getsockname())
        fillers.append(c)
        if not select.select([], [c], [], 1.0)[1]:
            return srv, fillers
    srv.close()
    for c in fillers:
        c.close()
    return None


def full_backlog_listener(mod, close):
    """A loopback listener whose accept queue is full, so that the kernel
    drops further SYNs and a new connect() blocks (until the queue drains and
    the SYN is retransmitted).  Returns the listener."""
    srv = tcp_listener(mod, close, backlog=0)
    addr = srv.getsockname()
    for _ in range(8):
        c = close(mod.socket(mod.AF_INET, mod.SOCK_STREAM))
        c.settimeout(0.2)
        try:
            c.connect(addr)
        except OSError:   # timed out: the queue is full now
            c.close()
            return srv
    raise AssertionError("could not fill the listen backlog")


def fill_send_buffer(sock):
    """Sends on a non-blocking socket until the kernel would block;
    returns the number of bytes queued.  Leaves the socket non-blocking."""
    sock.setblocking(False)
    chunk = b"x" * 65536
    total = 0
    while True:
        try:
            total += sock.send(chunk)
        except BlockingIOError:
            # small sends can still fit: fill to the last byte
            try:
                total += sock.send(b"x" * 1024)
                continue
            except BlockingIOError:
                return total


def drain(sock, nbytes):
    """Blocking-reads exactly nbytes from sock; returns them."""
    parts = []
    while nbytes > 0:
        data = sock.recv(min(nbytes, 1 << 20))
        if not data:
            break
        parts.append(data)
        nbytes -= len(data)
    return b"".join(parts)


class Worker(threading.Thread):
    """A thread running fn(); join() re-raises its exception, returns its result."""

    def __init__(self, fn):
        super().__init__(daemon=True)
        self.fn = fn
        self.result = None
        self.exc = None

    def run(self):
        try:
            self.result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in join
            self.exc = exc

    def join(self, timeout=30):
        super().join(timeout)
        if self.is_alive():
            raise AssertionError("worker thread did not finish")
        if self.exc is not None:
            raise self.exc
        return self.result


def start(fn):
    w = Worker(fn)
    w.start()
    return w


def reader_thread(sock, into, bufsize=65536):
    """Reads `sock` to EOF in a thread, appending chunks to `into`."""
    def run():
        while True:
            chunk = sock.recv(bufsize)
            if not chunk:
                break
            into.append(chunk)
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def errno_of(exc):
    return getattr(exc, "errno", None)


EBADF = errno.EBADF


def _is_open(fd):
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def open_fds():
    """The open fds, without the one listdir() used for the listing."""
    gc.collect()
    return sorted(fd for fd in map(int, os.listdir("/proc/self/fd")) if _is_open(fd))


@pytest.fixture(autouse=True)
def no_fd_leak():
    """Fails a test that leaves any file descriptor open (socket or not);
    a test module activates it with `from util import no_fd_leak`."""
    before = len(open_fds())
    yield
    assert len(open_fds()) == before, "the test left a file descriptor open"
