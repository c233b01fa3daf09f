# Type stubs for pysocket/_sock.py: the socket class users instantiate and
# SocketIO, the raw file under makefile().
import io
from _typeshed import ReadableBuffer, Unused, WriteableBuffer
from typing import Any, Literal, Protocol, SupportsIndex, overload
from typing_extensions import Self

from pysocket import _socket
from pysocket._enums import AddressFamily, SocketKind
from pysocket._socket import _RetAddress

# errno values the stdlib's socket module also exports.
EBADF: int
EAGAIN: int
EWOULDBLOCK: int

# What sendfile() reads from: a binary file object with a fileno() (os.sendfile
# path) or at least read()/seek() (the send() fallback).
class _SendableFile(Protocol):
    def read(self, size: int, /) -> bytes: ...
    def seek(self, offset: int, /) -> object: ...

class socket(_socket.socket):
    """A socket object (pysocket._sock.socket)."""

    def __init__(
        self,
        family: AddressFamily | int = -1,
        type: SocketKind | int = -1,
        proto: int = -1,
        fileno: SupportsIndex | None = None,
    ) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc_info: Unused) -> None: ...
    def __getstate__(self) -> Any: ...
    @property
    def family(self) -> AddressFamily: ...
    @property
    def type(self) -> SocketKind: ...
    def dup(self) -> Self: ...
    def accept(self) -> tuple[socket, _RetAddress]: ...
    def close(self) -> None: ...
    def detach(self) -> int: ...
    def get_inheritable(self) -> bool: ...
    def set_inheritable(self, inheritable: bool) -> None: ...
    # makefile(): binary modes give the buffered object of their direction
    # (or the raw SocketIO with buffering=0), text modes a TextIOWrapper.
    @overload
    def makefile(
        self,
        mode: Literal["b", "rb", "br"],
        buffering: Literal[0],
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> SocketIO: ...
    @overload
    def makefile(
        self,
        mode: Literal["rwb", "rbw", "wrb", "wbr", "brw", "bwr"],
        buffering: Literal[-1, 1] | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> io.BufferedRWPair: ...
    @overload
    def makefile(
        self,
        mode: Literal["rb", "br"],
        buffering: Literal[-1, 1] | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> io.BufferedReader: ...
    @overload
    def makefile(
        self,
        mode: Literal["wb", "bw"],
        buffering: Literal[-1, 1] | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> io.BufferedWriter: ...
    @overload
    def makefile(
        self,
        mode: Literal["b", "rb", "br", "wb", "bw", "rwb", "rbw", "wrb", "wbr", "brw", "bwr"],
        buffering: int,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> io.IOBase: ...
    @overload
    def makefile(
        self,
        mode: Literal["r", "w", "rw", "wr", ""] = "r",
        buffering: int | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> io.TextIOWrapper: ...
    def sendfile(self, file: _SendableFile, offset: int = 0, count: int | None = None) -> int: ...

class SocketIO(io.RawIOBase):
    """The raw I/O object under socket.makefile()."""

    def __init__(self, sock: socket, mode: Literal["r", "w", "rw", "rb", "wb", "rwb"]) -> None: ...
    def readinto(self, b: WriteableBuffer) -> int | None: ...
    def write(self, b: ReadableBuffer) -> int | None: ...
    def readable(self) -> bool: ...
    def writable(self) -> bool: ...
    def seekable(self) -> bool: ...
    def fileno(self) -> int: ...
    def close(self) -> None: ...
    @property
    def name(self) -> int: ...  # the socket's fd; -1 once closed
    @property
    def mode(self) -> Literal["rb", "wb", "rwb"]: ...

