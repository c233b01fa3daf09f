"""makefile(), SocketIO and sendfile(), differential against the stdlib.

Each scenario runs with the stdlib `socket` module and with `pysocket`;
results, exception types and messages must agree.  Only socketpairs and
127.0.0.1 are used.  Timeouts are tested where nothing is ever sent, so
expiry is certain and no timing is asserted.
"""
import gc
import io
import os
import sys
import socket as std_socket

import pytest

import pysocket
from pylayer_util import MODULES, both, exc_key, mod, outcome  # noqa: F401
from util import reader_thread



def tcp_pair(mod):
    """(client, server): a connected TCP pair over 127.0.0.1."""
    with mod.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        client = mod.socket()
        client.connect(listener.getsockname())
        server, _ = listener.accept()
    return client, server




# ------------------------------------------------------------- file types

MODES = ["r", "w", "rw", "b", "rb", "wb", "rwb", "br", "wr", "bw", ""]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("buffering", [None, -1, 0, 1, 64])
def test_makefile_types(mode, buffering):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            f = a.makefile(mode, buffering)
            try:
                raw = f
                while hasattr(raw, "buffer") or hasattr(raw, "raw"):
                    raw = getattr(raw, "buffer", None) or raw.raw
                res = (type(f).__name__, getattr(f, "mode", None),
                       raw.mode, raw.name == a.fileno(), raw.readable(),
                       raw.writable(), raw.seekable(),
                       isinstance(raw, mod.SocketIO), a._io_refs)
                if isinstance(f, io.TextIOWrapper):
                    res += (f.encoding == io.TextIOWrapper(io.BytesIO()).encoding,)
                return res
            finally:
                f.close()
    both(scenario)


@pytest.mark.parametrize("mode", ["x", "ra", "rt", "w+", "rb+", "U"])
def test_makefile_bad_mode(mode):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            a.makefile(mode)
    assert both(scenario)[:2] == ("raise", "ValueError")


def test_makefile_unbuffered_text():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            a.makefile("r", buffering=0)
    assert both(scenario) == ("raise", "ValueError", "unbuffered streams must be binary")


# The stdlib's half-built SocketIO later fails in __del__ (an ignored
# AttributeError, reported as unraisable on some versions); pysocket's does
# not, which test_socketio_bad_mode_no_unraisable checks.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_socketio_bad_mode(mod):
    a, b = mod.socketpair()
    with a, b:
        with pytest.raises(ValueError, match="^invalid mode: 'x'$"):
            mod.SocketIO(a, "x")
        gc.collect()


def test_socketio_bad_mode_no_unraisable():
    seen = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        a, b = pysocket.socketpair()
        with a, b:
            with pytest.raises(ValueError):
                pysocket.SocketIO(a, "x")
            gc.collect()
    finally:
        sys.unraisablehook = old_hook
    assert seen == []


# --------------------------------------------------------- reading/writing

def test_binary_round_trip_and_partial_reads():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            w = a.makefile("wb")
            r = b.makefile("rb")
            w.write(b"line one\nline two\r\nthird")
            w.flush()
            a.shutdown(mod.SHUT_WR)
            res = [r.read(3), r.read1(2), r.peek(1)[:1], r.readline(),
                   r.readline(4), list(r), r.read(), r.readline()]
            w.close()
            r.close()
            return res
    assert both(scenario) == ("ok", [b"lin", b"e ", b"o", b"one\n",
                                     b"line", [b" two\r\n", b"third"], b"", b""])


def test_raw_readinto_and_eof():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            raw = b.makefile("rb", buffering=0)
            a.sendall(b"abcdef")
            buf = bytearray(4)
            n = raw.readinto(buf)
            res = [n, bytes(buf[:n]), raw.read(10)]
            a.shutdown(mod.SHUT_WR)
            res += [raw.read(10), raw.readall(), raw.readinto(bytearray(3))]
            raw.close()
            return res
    assert both(scenario) == ("ok", [4, b"abcd", b"ef", b"", b"", 0])


@pytest.mark.parametrize("encoding,errors,newline,payload", [
    ("utf-8", None, None, "h\u00e9llo w\u00f6rld\r\nzweite\rdritte\n"),
    ("utf-16-le", None, None, "\u20ac uno\ndos\n"),
    ("latin-1", None, "", "a\r\nb\rc\n"),
    ("ascii", "replace", None, "caf\u00e9\n"),
    ("ascii", "ignore", "\r\n", "x\ny\r\n"),
    ("utf-8", "surrogateescape", "\n", "ok\udcff\n"),
])
def test_text_round_trip(encoding, errors, newline, payload):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            w = a.makefile("w", encoding=encoding, errors=errors, newline=newline)
            r = b.makefile("r", encoding=encoding, errors=errors, newline=newline)
            w.write(payload)
            w.flush()
            a.shutdown(mod.SHUT_WR)
            res = (w.mode, r.mode, w.encoding, r.errors, list(r))
            w.close()
            r.close()
            return res
    assert both(scenario)[0] == "ok"


def test_text_strict_encoding_error():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            w = a.makefile("w", encoding="ascii")
            try:
                w.write("caf\u00e9")
            finally:
                w.close()
    assert both(scenario)[:2] == ("raise", "UnicodeEncodeError")


def test_text_read_write_same_file():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            fa = a.makefile("rw", encoding="utf-8", newline="")
            fb = b.makefile("rw", encoding="utf-8", newline="")
            fa.write("ping\n")
            fa.flush()
            got = fb.readline()
            fb.write(got.upper())
            fb.flush()
            res = (got, fa.readline())
            fa.close()
            fb.close()
            return res
    assert both(scenario) == ("ok", ("ping\n", "PING\n"))


def test_user_built_text_wrapper_over_socketio():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            text = io.TextIOWrapper(io.BufferedReader(mod.SocketIO(b, "r")),
                                    encoding="utf-8")
            a.sendall("\u00fcber\nzwei\n".encode())
            a.shutdown(mod.SHUT_WR)
            res = list(text)
            text.close()
            return res, b.fileno() != -1, b._io_refs
    assert both(scenario) == ("ok", (["\u00fcber\n", "zwei\n"], True, 0))


def test_write_raw_partial_and_nonblocking():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            a.setblocking(False)
            raw = a.makefile("wb", buffering=0)
            results = []
            big = b"x" * (1 << 20)
            for _ in range(64):            # fill the socket buffer
                n = raw.write(big)
                results.append(type(n).__name__)
                if n is None:
                    break
            raw.close()
            return results[-1], "int" in results
    assert both(scenario) == ("ok", ("NoneType", True))


def test_read_nonblocking_returns_none():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            b.setblocking(False)
            raw = b.makefile("rb", buffering=0)
            buffered = b.makefile("rb")
            res = [raw.read(5), raw.readinto(bytearray(5)), buffered.read1(5)]
            raw.close()
            buffered.close()
            return res
    # read1() on a buffered file gives b"" where the raw file gives None.
    assert both(scenario) == ("ok", [None, None, b""])


def test_read_other_error_propagates():
    def scenario(mod):
        a, b = mod.socketpair()
        raw = b.makefile("rb", buffering=0)
        fd = b.detach()  # the file's socket no longer has an fd
        try:
            raw.read(1)
        finally:
            raw.close()
            a.close()
            os.close(fd)
    assert both(scenario)[:2] == ("raise", "OSError")


# ------------------------------------------------------------------ timeouts

@pytest.mark.parametrize("buffering", [0, None])
def test_timeout_poisons_reads(buffering):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            b.settimeout(0.01)
            f = b.makefile("rb", buffering=buffering)
            res = []
            for _ in range(2):
                try:
                    f.read(1)
                except OSError as exc:
                    res.append((exc_key(exc, mod), str(exc)))
            a.sendall(b"late")        # data now available, still refused
            try:
                f.read(1)
            except OSError as exc:
                res.append((exc_key(exc, mod), str(exc)))
            f.close()
            return res
    assert both(scenario) == ("ok", [
        ("socket.timeout", "timed out"),
        ("OSError", "cannot read from timed out object"),
        ("OSError", "cannot read from timed out object")])


def test_timeout_does_not_poison_writes():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            a.settimeout(0.01)
            f = a.makefile("rwb", buffering=0)
            try:
                f.read(1)
            except OSError as exc:
                first = exc_key(exc, mod)
            n = f.write(b"still fine")
            res = (first, n, b.recv(20))
            f.close()
            return res
    assert both(scenario) == ("ok", ("socket.timeout", 10, b"still fine"))


# ---------------------------------------------------------- closed files

def test_closed_socketio():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            raw = a.makefile("rwb", buffering=0)
            raw.close()
            res = [raw.closed, raw.name, raw.mode]
            for call in (raw.readable, raw.writable, raw.seekable, raw.fileno,
                         lambda: raw.read(1), lambda: raw.write(b"x")):
                try:
                    call()
                except ValueError as exc:
                    res.append(str(exc))
            return res
    assert both(scenario) == ("ok", [
        True, -1, "rwb", "I/O operation on closed socket.",
        "I/O operation on closed socket.", "I/O operation on closed socket.",
        "I/O operation on closed file.", "I/O operation on closed file.",
        "I/O operation on closed file."])


def test_wrong_direction():
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            r = a.makefile("rb", buffering=0)
            w = a.makefile("wb", buffering=0)
            res = []
            for call in (lambda: r.write(b"x"), lambda: w.read(1)):
                try:
                    call()
                except io.UnsupportedOperation as exc:
                    res.append(str(exc))
            r.close()
            w.close()
            return res
    assert both(scenario)[0] == "ok"


# ------------------------------------------------------------------ sendfile

@pytest.fixture
def datafile(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(bytes(range(256)) * 400)          # 102400 bytes
    return path


CASES = [(0, None), (1000, None), (0, 5000), (777, 12345), (0, 1),
         (102399, None), (102400, None), (200000, None), (100000, 50000)]


@pytest.mark.parametrize("offset,count", CASES)
@pytest.mark.parametrize("method", ["sendfile", "_sendfile_use_send",
                                    "_sendfile_use_sendfile"])
@pytest.mark.parametrize("timeout", [None, 30.0])
def test_sendfile_offsets(datafile, offset, count, method, timeout):
    def scenario(mod):
        client, server = tcp_pair(mod)
        with client, server:
            client.settimeout(timeout)
            got = []
            thread = reader_thread(server, got)
            with open(datafile, "rb") as f:
                try:
                    sent = getattr(client, method)(f, offset, count)
                finally:
                    client.shutdown(mod.SHUT_WR)
                    thread.join()
                pos = f.tell()
            data = b"".join(got)
            return sent, pos, len(data), data[:16], data[-16:]
    result = both(scenario)
    assert result[0] == "ok"
    expected = datafile.read_bytes()[offset:]
    if count:
        expected = expected[:count]
    sent, pos, length, head, tail = result[1]
    assert (sent, length, head, tail) == (len(expected), len(expected),
                                         expected[:16], expected[-16:])


def test_sendfile_keyword_args_and_default_offset(datafile):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            with open(datafile, "rb") as f:
                f.seek(100)        # ignored: offset defaults to 0
                sent = a.sendfile(file=f, count=300)
                return sent, f.tell(), b.recv(400)[:3]
    assert both(scenario) == ("ok", (300, 300, b"\x00\x01\x02"))


@pytest.mark.parametrize("kind", ["bytesio", "pipe", "empty", "nomode"])
def test_sendfile_non_regular(tmp_path, kind):
    payload = b"0123456789" * 1000

    class NoMode:
        def __init__(self):
            self._b = io.BytesIO(payload)

        def read(self, n):
            return self._b.read(n)

        def seek(self, pos):
            return self._b.seek(pos)

    def scenario(mod):
        a, b = mod.socketpair()
        with a, b:
            got = []
            thread = reader_thread(b, got)
            rfd = None
            if kind == "bytesio":
                f = io.BytesIO(payload)
            elif kind == "pipe":
                rfd, wfd = os.pipe()
                os.write(wfd, payload[:100])
                os.close(wfd)
                f = os.fdopen(rfd, "rb")
            elif kind == "empty":
                path = tmp_path / ("empty-" + mod.__name__)
                path.write_bytes(b"")
                f = open(path, "rb")
            else:
                f = NoMode()
            try:
                sent = a.sendfile(f, 10, 5000)
                if kind == "pipe":
                    pos = None              # a pipe has no position
                elif kind == "nomode":
                    pos = f._b.tell()
                else:
                    pos = f.tell()
            finally:
                a.shutdown(mod.SHUT_WR)
                thread.join()
                if hasattr(f, "close"):
                    f.close()
            return sent, pos, b"".join(got)[:20]
    result = both(scenario)
    assert result[0] == "ok"
    # A pipe reports size 0 to fstat(): the stdlib then sends nothing.
    assert result[1] == {"bytesio": (5000, 5010, payload[10:30]),
                         "nomode": (5000, 5010, payload[10:30]),
                         "pipe": (0, None, b""),
                         "empty": (0, 0, b"")}[kind]


@pytest.mark.parametrize("count,exc", [(0, "ValueError"), (-5, "ValueError"),
                                       (1.5, "TypeError"), ("3", "TypeError")])
@pytest.mark.parametrize("method", ["sendfile", "_sendfile_use_send",
                                    "_sendfile_use_sendfile"])
def test_sendfile_bad_count(datafile, count, exc, method):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b, open(datafile, "rb") as f:
            getattr(a, method)(f, 0, count)
    assert both(scenario)[:2] == ("raise", exc)


def test_sendfile_text_file(datafile):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b, open(datafile, "r", encoding="latin-1") as f:
            a.sendfile(f)
    assert both(scenario) == ("raise", "ValueError", "file should be opened in binary mode")


@pytest.mark.parametrize("kind", ["SOCK_DGRAM", "SOCK_SEQPACKET"])
def test_sendfile_socket_kinds(datafile, kind):
    def scenario(mod):
        a, b = mod.socketpair(mod.AF_UNIX, getattr(mod, kind))
        with a, b, open(datafile, "rb") as f:
            return a.sendfile(f, 0, 100), len(b.recv(200))
    both(scenario)


@pytest.mark.parametrize("method", ["sendfile", "_sendfile_use_send"])
def test_sendfile_nonblocking_refused(datafile, method):
    def scenario(mod):
        a, b = mod.socketpair()
        with a, b, open(datafile, "rb") as f:
            a.setblocking(False)
            getattr(a, method)(f)
    assert both(scenario) == ("raise", "ValueError", "non-blocking sockets are not supported")


@pytest.mark.parametrize("method", ["sendfile", "_sendfile_use_send"])
def test_sendfile_timeout(tmp_path, method):
    path = tmp_path / "big.bin"
    path.write_bytes(b"z" * (16 << 20))

    def scenario(mod):
        client, server = tcp_pair(mod)
        with client, server:
            client.setsockopt(mod.SOL_SOCKET, mod.SO_SNDBUF, 4096)
            server.setsockopt(mod.SOL_SOCKET, mod.SO_RCVBUF, 4096)
            client.settimeout(0.05)          # nobody reads: must expire
            with open(path, "rb") as f:
                try:
                    getattr(client, method)(f)
                except OSError as exc:
                    pos = f.tell()
                    return exc_key(exc, mod), str(exc), 0 < pos < (16 << 20)
    assert both(scenario) == ("ok", ("socket.timeout", "timed out", True))


def test_sendfile_closed_socket(datafile):
    def scenario(mod):
        a, b = mod.socketpair()
        b.close()
        with a, open(datafile, "rb") as f:
            a.sendfile(f)
    assert both(scenario)[:2] == ("raise", "BrokenPipeError")
