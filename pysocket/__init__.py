"""pysocket: a drop-in implementation of Python's socket module.

    import pysocket as socket

gives the names, signatures, results and exceptions of the stdlib socket
module of CPython 3.13 on Linux, on every Python from 3.9 on.  The system
calls live in the C extension pysocket._socket; this package adds the
Python layer on top of it, as the stdlib's socket.py does over _socket.

Where things are:

    _socket      (C) the socket type (SocketType), error/timeout/herror/
                 gaierror, the constants, the resolver and conversion
                 functions, getdefaulttimeout/setdefaulttimeout
    _enums       AddressFamily, SocketKind, MsgFlag, AddressInfo; the AF_*,
                 SOCK_*, MSG_* and AI_* constants as their members
    _sock        socket (the class users instantiate), SocketIO (makefile)
    _helpers     fromfd, socketpair, getfqdn, getaddrinfo (enum members in
                 its results), create_connection, create_server,
                 has_dualstack_ipv6, _GLOBAL_DEFAULT_TIMEOUT
    _fds         send_fds, recv_fds

Importing pysocket never imports the stdlib socket or _socket modules.
"""
import array
import errno
import io
import os
import sys
from enum import IntEnum, IntFlag

from . import _socket
from ._socket import *                      # noqa: F401,F403  the C layer
from ._enums import *                       # noqa: F401,F403  enum members
from ._enums import _intenum_converter
from ._sock import (EAGAIN, EBADF, EWOULDBLOCK, SocketIO, _blocking_errnos,
                    _GiveupOnSendfile, socket)
from ._helpers import (_GLOBAL_DEFAULT_TIMEOUT, _LOCALHOST, _LOCALHOST_V6,
                       _fallback_socketpair, create_connection, create_server,
                       fromfd, getaddrinfo, getfqdn, has_dualstack_ipv6,
                       socketpair)
from ._fds import recv_fds, send_fds


# As the stdlib: its own helpers, the two IntEnums, every public name of
# the C module, and send_fds/recv_fds where sendmsg/recvmsg exist.
__all__ = ["fromfd", "getfqdn", "create_connection", "create_server",
           "has_dualstack_ipv6", "AddressFamily", "SocketKind"]
__all__.extend(name for name in dir(_socket) if not name.startswith("_"))
__all__.extend(name for name in ("send_fds", "recv_fds") if name in globals())


def __getattr__(name):
    # The stdlib's socket module holds a reference to the selectors module
    # (which it uses for sendfile).  pysocket does not need it, so it is
    # imported only if someone asks for pysocket.selectors; selectors
    # itself does not import socket.
    if name == "selectors":
        import selectors
        return selectors
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | {"selectors"})
