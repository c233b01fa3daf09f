# Type stubs for pysocket/_helpers.py: the module-level helpers written in
# Python (fromfd, socketpair, getfqdn, the enum-returning getaddrinfo,
# create_connection, create_server, has_dualstack_ipv6).
from typing import SupportsIndex

from pysocket import _socket
from pysocket._enums import AddressFamily, SocketKind
from pysocket._sock import socket
from pysocket._socket import _Address

def fromfd(
    fd: SupportsIndex, family: AddressFamily | int, type: SocketKind | int, proto: int = 0
) -> socket: ...
def socketpair(
    family: AddressFamily | int | None = None, type: SocketKind | int = ..., proto: int = 0
) -> tuple[socket, socket]: ...
def getfqdn(name: str = "") -> str: ...
def getaddrinfo(
    host: bytes | str | None,
    port: bytes | str | int | None,
    family: int = 0,
    type: int = 0,
    proto: int = 0,
    flags: int = 0,
) -> list[tuple[AddressFamily, SocketKind, int, str, _socket._GAISockaddr]]: ...
def create_connection(
    address: tuple[str | None, int],
    timeout: float | None = ...,
    source_address: _Address | None = None,
    *,
    all_errors: bool = False,
) -> socket: ...
def has_dualstack_ipv6() -> bool: ...
def create_server(
    address: _Address,
    *,
    family: int = ...,
    backlog: int | None = None,
    reuse_port: bool = False,
    dualstack_ipv6: bool = False,
) -> socket: ...
