# Type stubs for pysocket/_fds.py: file descriptor passing over AF_UNIX
# (SCM_RIGHTS) on top of sendmsg()/recvmsg().
from _typeshed import ReadableBuffer
from collections.abc import Iterable

from pysocket._sock import socket
from pysocket._socket import _Address, _RetAddress

__all__ = ["send_fds", "recv_fds"]

def send_fds(
    sock: socket,
    buffers: Iterable[ReadableBuffer],
    fds: Iterable[int],
    flags: int = 0,
    address: _Address | None = None,
) -> int: ...

# (data, fds, msg_flags, address)
def recv_fds(
    sock: socket, bufsize: int, maxfds: int, flags: int = 0
) -> tuple[bytes, list[int], int, _RetAddress]: ...
