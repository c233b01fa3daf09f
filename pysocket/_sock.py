"""The public socket class and SocketIO, the raw file behind makefile().

``pysocket.socket`` subclasses the C type ``pysocket._socket.socket`` (which
stays available as ``SocketType``) the way the stdlib's socket.py subclasses
``_socket.socket``.  The C type does the system calls; this layer adds:

  * the context-manager protocol, ``accept()`` returning a pysocket.socket,
    ``dup()``, a repr with the addresses, pickling refused;
  * ``family``/``type`` as enum members;
  * ``makefile()``: file objects that keep the socket open until the socket
    and all its files are closed (``_io_refs``/``_closed``);
  * ``sendfile()``: os.sendfile() where it applies, send() otherwise;
  * ``get_inheritable``/``set_inheritable`` through the os module.
"""
import errno
import io
import os
import select

from . import _socket
from ._enums import _FAMILY_MEMBERS, _KIND_MEMBERS
from ._socket import (AF_INET, SOCK_STREAM, dup, error, getdefaulttimeout,
                      timeout)

EBADF = getattr(errno, "EBADF", 9)
EAGAIN = getattr(errno, "EAGAIN", 11)
EWOULDBLOCK = getattr(errno, "EWOULDBLOCK", 11)

# errnos with which a non-blocking SocketIO read or write returns None.
_blocking_errnos = {EAGAIN, EWOULDBLOCK}

# os.sendfile() is asked for at most this much per call (bpo-38319: larger
# counts overflow on some systems).
_SENDFILE_MAX_BLOCK = 1 << 30
# The send() fallback reads the file in chunks of this size.
_SEND_BLOCK = 8192


class _GiveupOnSendfile(Exception):
    """os.sendfile() cannot serve this file: sendfile() falls back to send()."""


# The C type's int attributes (family and type are read on every accept()),
# turned into enum members with _enums' value -> member dicts.
_c_family = _socket.socket.family.__get__
_c_type = _socket.socket.type.__get__


class socket(_socket.socket):
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)

    A socket object: the C socket type plus makefile(), sendfile() and the
    other conveniences of the stdlib's socket class.  With `fileno` given,
    family, type and proto left at -1 are read from the file descriptor.
    """

    __slots__ = ["__weakref__", "_io_refs", "_closed"]
    __module__ = "pysocket"

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            # The defaults apply to a new socket only; for an existing fd
            # the C type detects whatever stays -1.
            family = AF_INET if family == -1 else family
            type = SOCK_STREAM if type == -1 else type
            proto = 0 if proto == -1 else proto
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    # -- protocol --------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if not self._closed:
            self.close()

    def __repr__(self):
        """<module.Class fd=N, family=F, type=T, proto=P, laddr=..., raddr=...>

        Addresses are shown only while open and only when set; a closed
        socket is marked " [closed]".
        """
        cls = type(self)
        closed = getattr(self, "_closed", False)
        parts = ["<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            cls.__module__, cls.__qualname__, " [closed]" if closed else "",
            self.fileno(), self.family, self.type, self.proto)]
        if not closed:
            for label, getter in (("laddr", self.getsockname),
                                  ("raddr", self.getpeername)):
                try:
                    addr = getter()
                except (error, AttributeError):
                    continue
                if addr:
                    parts.append(", %s=%s" % (label, str(addr)))
        parts.append(">")
        return "".join(parts)

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")

    # -- enum views of the C attributes ------------------------------------

    @property
    def family(self):
        """The address family, as an AddressFamily member when it is one."""
        family = _c_family(self)
        return _FAMILY_MEMBERS.get(family, family)

    @property
    def type(self):
        """The socket type, as a SocketKind member when it is one."""
        kind = _c_type(self)
        return _KIND_MEMBERS.get(kind, kind)

    # -- new sockets from this one ---------------------------------------

    def dup(self):
        """dup() -> socket object

        A new socket object of the same class on a duplicate of the file
        descriptor (non-inheritable), with the same timeout.
        """
        twin = type(self)(self.family, self.type, self.proto,
                          fileno=dup(self.fileno()))
        twin.settimeout(self.gettimeout())
        return twin

    def accept(self):
        """accept() -> (socket object, address info)

        Wait for a connection and return a new pysocket.socket for it and
        the peer's address.  The new socket takes the module default
        timeout; when that is None it is blocking even if this listening
        socket has a timeout.
        """
        fd, addr = self._accept()
        conn = socket(_c_family(self), _c_type(self), self.proto, fileno=fd)
        # Where the platform lets accepted sockets inherit O_NONBLOCK from
        # the listener, force blocking mode to honour the default timeout.
        if getdefaulttimeout() is None and self.gettimeout():
            conn.setblocking(True)
        return conn, addr

    # -- closing with files open -------------------------------------------

    def _decref_socketios(self):
        """Called by a SocketIO when it closes: the last one closes the
        socket if close() was already called on it."""
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _close=_socket.socket.close):
        # Uses no module globals: it may run during interpreter shutdown.
        _close(self)

    def close(self):
        """close()

        Close the socket.  While files made by makefile() are still open
        the file descriptor stays open until the last of them is closed.
        """
        # Uses no module globals: it may run during interpreter shutdown.
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """detach() -> file descriptor

        Close the socket object without closing the underlying file
        descriptor, and return that file descriptor.
        """
        self._closed = True
        return super().detach()

    # -- inheritance (PEP 446) ---------------------------------------------

    def get_inheritable(self):
        """Get the inheritable flag of the socket"""
        return os.get_inheritable(self.fileno())

    def set_inheritable(self, inheritable):
        """Set the inheritable flag of the socket"""
        os.set_inheritable(self.fileno(), inheritable)

    # -- files -------------------------------------------------------------

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """makefile(...) -> an I/O stream connected to the socket

        The arguments are those of io.open() after the file name; `mode`
        may combine only 'r' (the default), 'w' and 'b'.  buffering=0
        gives the raw SocketIO and needs binary mode.  The socket stays
        open until it and every file made from it are closed.
        """
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        binary = "b" in mode
        raw = SocketIO(self, ("r" if reading else "") + ("w" if writing else ""))
        self._io_refs += 1
        if buffering is None or buffering < 0:
            buffering = io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        if reading and writing:
            buffer = io.BufferedRWPair(raw, raw, buffering)
        elif reading:
            buffer = io.BufferedReader(raw, buffering)
        else:
            buffer = io.BufferedWriter(raw, buffering)
        if binary:
            return buffer
        if hasattr(io, "text_encoding"):   # 3.10+: PEP 597 EncodingWarning
            encoding = io.text_encoding(encoding)
        text = io.TextIOWrapper(buffer, encoding, errors, newline)
        text.mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """sendfile(file[, offset[, count]]) -> sent

        Send the regular file `file` (opened in binary mode) from `offset`
        until EOF, or `count` bytes, with the zero-copy os.sendfile(), and
        return the number of bytes sent.  Files os.sendfile() cannot serve
        are sent with send().  The socket must be SOCK_STREAM and not
        non-blocking; its timeout applies to each wait for buffer space.
        On return, and on error, the file position is just after the last
        byte sent, so file.tell() tells how much was sent.
        """
        try:
            return self._sendfile_use_sendfile(file, offset, count)
        except _GiveupOnSendfile:
            return self._sendfile_use_send(file, offset, count)

    def _check_sendfile_params(self, file, offset, count):
        if "b" not in getattr(file, "mode", "b"):
            raise ValueError("file should be opened in binary mode")
        # A bit test, as the stdlib does: SOCK_SEQPACKET (5) passes too.
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(
                    "count must be a positive integer (got {!r})".format(count))
            if count <= 0:
                raise ValueError(
                    "count must be a positive integer (got {!r})".format(count))

    def _sendfile_use_sendfile(self, file, offset=0, count=None):
        """The os.sendfile() path; raises _GiveupOnSendfile when the file
        is not something os.sendfile() can read (no fileno, not a regular
        file) before any byte went out."""
        self._check_sendfile_params(file, offset, count)
        if not hasattr(os, "sendfile"):
            raise _GiveupOnSendfile("os.sendfile() not available on this platform")
        sockfd = self.fileno()
        try:
            filefd = file.fileno()
        except (AttributeError, io.UnsupportedOperation) as exc:
            raise _GiveupOnSendfile(exc)
        try:
            size = os.fstat(filefd).st_size
        except OSError as exc:
            raise _GiveupOnSendfile(exc)
        if not size:
            return 0
        blocksize = min(count or size, _SENDFILE_MAX_BLOCK)
        wait_timeout = self.gettimeout()
        if wait_timeout == 0:
            raise ValueError("non-blocking sockets are not supported")
        # In timeout mode the fd is O_NONBLOCK: wait for room before each
        # call, at most `wait_timeout` each time.  In blocking mode
        # os.sendfile() blocks by itself.
        waiter = select.poll()
        waiter.register(sockfd, select.POLLOUT)
        wait_ms = None if wait_timeout is None else wait_timeout * 1000.0
        sent_total = 0
        try:
            while True:
                if wait_timeout and not waiter.poll(wait_ms):
                    raise timeout("timed out")
                if count:
                    blocksize = min(count - sent_total, blocksize)
                    if blocksize <= 0:
                        break
                try:
                    sent = os.sendfile(sockfd, filefd, offset, blocksize)
                except BlockingIOError:
                    if not wait_timeout:
                        # Blocking socket whose fd was made non-blocking
                        # behind our back: wait instead of spinning.
                        waiter.poll()
                    continue
                except OSError as exc:
                    if sent_total == 0:
                        # Typically a file that is not mmap(2)-able.
                        raise _GiveupOnSendfile(exc)
                    raise exc from None
                if sent == 0:
                    break   # end of file
                offset += sent
                sent_total += sent
            return sent_total
        finally:
            if sent_total > 0 and hasattr(file, "seek"):
                file.seek(offset)

    def _sendfile_use_send(self, file, offset=0, count=None):
        """The portable path: file.read() chunks pushed with send()."""
        self._check_sendfile_params(file, offset, count)
        if self.gettimeout() == 0:
            raise ValueError("non-blocking sockets are not supported")
        if offset:
            file.seek(offset)
        blocksize = min(count, _SEND_BLOCK) if count else _SEND_BLOCK
        sent_total = 0
        try:
            while True:
                if count:
                    blocksize = min(count - sent_total, blocksize)
                    if blocksize <= 0:
                        break
                chunk = memoryview(file.read(blocksize))
                if not chunk:
                    break   # end of file
                while chunk:
                    try:
                        sent = self.send(chunk)
                    except BlockingIOError:
                        continue
                    sent_total += sent
                    chunk = chunk[sent:]
            return sent_total
        finally:
            if sent_total > 0 and hasattr(file, "seek"):
                file.seek(offset + sent_total)


class SocketIO(io.RawIOBase):
    """Raw I/O on a stream socket: the bottom layer of makefile()'s files.

    readinto()/write() map to recv_into()/send(); on a non-blocking socket
    they return None when the call would block.  After a timeout the
    object refuses to read (the stream may have lost data).  close() does
    not close the socket unless it was closed already and this was its
    last file.
    """

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        io.RawIOBase.__init__(self)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False

    def readinto(self, b):
        """Read up to len(b) bytes into the writable buffer `b` and return
        how many were read: 0 at end of stream (for a non-empty `b`),
        None on a non-blocking socket with nothing to read."""
        self._checkClosed()
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except timeout:
            self._timeout_occurred = True
            raise
        except error as exc:
            if exc.errno in _blocking_errnos:
                return None
            raise

    def write(self, b):
        """Send bytes-like `b` and return how many bytes went out (maybe
        fewer than len(b)); None on a non-blocking socket that is full."""
        self._checkClosed()
        self._checkWritable()
        try:
            return self._sock.send(b)
        except error as exc:
            if exc.errno in _blocking_errnos:
                return None
            raise

    def _check_open(self):
        if self.closed:
            raise ValueError("I/O operation on closed socket.")

    def readable(self):
        """True if the SocketIO is open for reading."""
        self._check_open()
        return self._reading

    def writable(self):
        """True if the SocketIO is open for writing."""
        self._check_open()
        return self._writing

    def seekable(self):
        """False: a socket cannot seek (ValueError once closed)."""
        self._check_open()
        return super().seekable()

    def fileno(self):
        """The file descriptor of the socket."""
        self._checkClosed()
        return self._sock.fileno()

    @property
    def name(self):
        """The socket's file descriptor, or -1 once closed."""
        return -1 if self.closed else self.fileno()

    @property
    def mode(self):
        """The raw mode: 'rb', 'wb' or 'rwb'."""
        return self._mode

    def close(self):
        """Close this file; the socket itself closes only if close() was
        called on it and no other file made from it is open."""
        if self.closed:
            return
        io.RawIOBase.close(self)
        # No _sock when __init__ rejected the mode: this then runs from
        # __del__, where the stdlib reports an ignored AttributeError.
        sock = getattr(self, "_sock", None)
        self._sock = None
        if sock is not None:
            sock._decref_socketios()
