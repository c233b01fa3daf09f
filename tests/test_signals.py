"""PEP 475: a blocking call interrupted by a signal runs the handler and
retries; an exception raised by the handler propagates out of the call.

No sleeps: a helper thread waits until the main thread is really blocked in
a socket syscall (read from /proc/self/task/<tid>/syscall), then sends it
SIGUSR1 with pthread_kill; the handler counts; after N handled signals the
thread does what lets the call complete (send data, connect, drain, accept).
Where /proc does not show syscalls, a periodic itimer (which re-fires every
10 ms, so it surely lands during the call) replaces the watcher."""
import errno
import os
import platform
import signal
import socket as STDLIB
import threading

import pytest

from util import HOST, tcp_pair, tcp_listener, full_backlog_listener, fill_send_buffer, start

# socket-related syscalls a blocked call can sit in (recv* send* accept*
# connect poll ppoll select pselect6 epoll_wait epoll_pwait)
BLOCKING_NR = {
    "x86_64": {7, 23, 42, 43, 44, 45, 46, 47, 232, 270, 271, 281, 288},
    "aarch64": {22, 72, 73, 202, 203, 206, 207, 211, 212, 242},
}.get(platform.machine())

N_SIGNALS = 3


def _syscall_of(tid):
    try:
        with open("/proc/self/task/%d/syscall" % tid) as f:
            field = f.read().split()[0]
    except (OSError, IndexError):
        return None
    return -1 if field == "running" else int(field)


def _can_watch():
    return BLOCKING_NR is not None and _syscall_of(threading.get_native_id()) is not None


class Interrupter:
    """Interrupts the main thread's next blocking call N times, then runs
    `then` (in the helper thread) so the call can complete."""

    def __init__(self, n=N_SIGNALS, then=None, raise_exc=None):
        self.n = n
        self.then = then
        self.raise_exc = raise_exc
        self.count = 0
        self.handled = threading.Condition()
        self.tid = threading.get_native_id()
        self.ident = threading.get_ident()
        self.watch = _can_watch()
        self.stop = threading.Event()

    def handler(self, signum, frame):
        with self.handled:
            self.count += 1
            self.handled.notify_all()
        if self.raise_exc is not None and self.count >= self.n:
            raise self.raise_exc

    def _wait_blocked(self):
        ev = threading.Event()
        for _ in range(20000):               # up to ~20 s
            if self.stop.is_set():
                return False
            if _syscall_of(self.tid) in BLOCKING_NR:
                return True
            ev.wait(0.001)
        raise AssertionError("main thread never blocked in a socket syscall")

    def _run(self):
        if self.watch:
            for i in range(self.n):
                if not self._wait_blocked():
                    return
                signal.pthread_kill(self.ident, signal.SIGUSR1)
                with self.handled:
                    if not self.handled.wait_for(lambda: self.count > i, 20):
                        raise AssertionError("signal handler did not run")
        else:
            with self.handled:
                if not self.handled.wait_for(lambda: self.count >= self.n, 20):
                    raise AssertionError("itimer signals did not arrive")
        if self.then is not None and not self.stop.is_set():
            self.then()

    def __enter__(self):
        sig = signal.SIGUSR1 if self.watch else signal.SIGALRM
        self.old = signal.signal(sig, self.handler)
        self.sig = sig
        if not self.watch:
            signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
        self.worker = start(self._run)
        return self

    def __exit__(self, *exc):
        if not self.watch:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
        self.stop.set()
        try:
            self.worker.join()
        finally:
            signal.signal(self.sig, self.old)
        return False


class Boom(Exception):
    pass


MODES = [None, 30.0]
MODE_IDS = ["blocking", "timeout"]


# --- (a) the handler returns: the call is retried and completes ------------------

@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
def test_recv_retried(sm, closer, timeout):
    cli, conn = tcp_pair(sm, closer)
    conn.settimeout(timeout)
    with Interrupter(then=lambda: cli.sendall(b"finally")) as it:
        data = conn.recv(100)
    assert data == b"finally"
    assert it.count >= N_SIGNALS


@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
def test_recvfrom_into_retried(sm, closer, timeout):
    u = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    u.bind((HOST, 0))
    u.settimeout(timeout)
    v = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    v.bind((HOST, 0))
    buf = bytearray(10)
    with Interrupter(then=lambda: v.sendto(b"dgram", u.getsockname())) as it:
        n, addr = u.recvfrom_into(buf)
    assert (n, bytes(buf[:n]), addr) == (5, b"dgram", v.getsockname())
    assert it.count >= N_SIGNALS


@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
def test_accept_retried(sm, closer, timeout):
    srv = tcp_listener(sm, closer)
    srv.settimeout(timeout)
    c = closer(sm.socket())
    with Interrupter(then=lambda: c.connect(srv.getsockname())) as it:
        conn, addr = srv.accept()
    closer(conn)
    assert addr == c.getsockname()
    assert it.count >= N_SIGNALS


@pytest.mark.parametrize("op", ["send", "sendall"])
@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
def test_send_retried(sm, closer, timeout, op):
    cli, conn = tcp_pair(sm, closer)
    queued = fill_send_buffer(cli)
    cli.settimeout(timeout)
    payload = b"p" * 100000
    conn.setblocking(True)

    def drain_all():
        want = queued + len(payload)
        got = 0
        while got < want:
            chunk = conn.recv(1 << 20)
            assert chunk
            got += len(chunk)
        return got

    reader = []
    with Interrupter(then=lambda: reader.append(start(drain_all))) as it:
        res = getattr(cli, op)(payload)
    if op == "send":
        assert 0 < res <= len(payload)
        cli.sendall(payload[res:])
    else:
        assert res is None
    assert reader[0].join() == queued + len(payload)
    assert it.count >= N_SIGNALS


@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
def test_connect_retried(sm, closer, timeout):
    """connect() interrupted: after EINTR the connection keeps going (PEP 475:
    wait for it, do not call connect() again) and completes once the
    listener's queue has room (the SYN is retransmitted, ~1 s)."""
    srv = full_backlog_listener(sm, closer)
    c = closer(sm.socket())
    c.settimeout(timeout)
    accepted = []

    def make_room():
        accepted.append(srv.accept()[0])
    with Interrupter(then=make_room) as it:
        c.connect(srv.getsockname())
    for a in accepted:
        a.close()
    assert c.getpeername() == srv.getsockname()
    assert it.count >= N_SIGNALS


# --- (b) the handler raises: the exception propagates -------------------------------

@pytest.mark.parametrize("timeout", MODES, ids=MODE_IDS)
@pytest.mark.parametrize("op", ["recv", "recv_into", "recvfrom", "accept", "send",
                                "sendall", "connect", "connect_ex"])
def test_handler_exception_propagates(sm, closer, op, timeout):
    cli, conn = tcp_pair(sm, closer)
    if op in ("recv", "recv_into", "recvfrom"):
        sock = conn
        args = {"recv": (10,), "recvfrom": (10,), "recv_into": (bytearray(10),)}[op]
    elif op == "accept":
        sock = tcp_listener(sm, closer)
        args = ()
    elif op in ("send", "sendall"):
        fill_send_buffer(cli)
        sock = cli
        args = (b"q" * 200000,)
    else:
        srv = full_backlog_listener(sm, closer)
        sock = closer(sm.socket())
        args = (srv.getsockname(),)
    sock.settimeout(timeout)
    with pytest.raises(Boom):
        with Interrupter(n=2, raise_exc=Boom("from handler")) as it:
            getattr(sock, op)(*args)
    assert it.count == 2


def test_handler_exception_in_blocking_udp_recvfrom(sm, closer):
    u = closer(sm.socket(sm.AF_INET, sm.SOCK_DGRAM))
    u.bind((HOST, 0))
    with pytest.raises(ZeroDivisionError):
        with Interrupter(n=1, raise_exc=ZeroDivisionError()):
            u.recvfrom(10)
    # the socket is still usable after the interrupted call
    u.sendto(b"ok", u.getsockname())
    assert u.recvfrom(10)[0] == b"ok"


def test_watcher_available():
    """Not a skip: reports which mechanism the EINTR tests above used."""
    if not _can_watch():
        pytest.skip("/proc/self/task/<tid>/syscall not readable on this machine "
                    "(or unknown arch): EINTR tests used the periodic itimer")
    assert _syscall_of(threading.get_native_id()) is not None


def test_blocking_send_partial_then_signal(sm, closer):
    """A blocking send() that has sent part of its data when a signal comes
    returns that count; the handler runs after it.  pysocket sends a small
    buffer first with MSG_DONTWAIT and the rest with a blocking send, so
    here its partial count comes from the first try and the signal hits
    the second call: the result must be the same kind, a count in (0, n)."""
    import fcntl
    import struct
    import termios

    def outq():                            # SIOCOUTQ: a's queued skb bytes
        return struct.unpack("i", fcntl.ioctl(a.fileno(), termios.TIOCOUTQ, b"\0" * 4))[0]

    a, b = (closer(s) for s in sm.socketpair())
    a.setsockopt(sm.SOL_SOCKET, sm.SO_SNDBUF, 4096)
    sndbuf = a.getsockopt(sm.SOL_SOCKET, sm.SO_SNDBUF)
    queued = fill_send_buffer(a)           # no room left at all
    a.setblocking(True)
    head = b""
    while outq() >= sndbuf:                # read until one skb is freed:
        head += b.recv(256)                # room for one more, not for two
    payload = b"q" * 8192                  # two skbs' worth at this SO_SNDBUF
    with Interrupter(n=1) as it:
        sent = a.send(payload)
        with it.handled:                   # the handler runs after send returns
            assert it.handled.wait_for(lambda: it.count >= 1, 20)
    assert 0 < sent < len(payload)
    a.close()
    rest = b""
    while True:
        chunk = b.recv(1 << 20)
        if not chunk:
            break
        rest += chunk
    assert len(head) + len(rest) == queued + sent
    assert rest.endswith(b"q" * sent)
