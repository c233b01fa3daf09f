"""Module-level helpers of the socket API written in Python.

fromfd, socketpair, getfqdn, the enum-returning getaddrinfo,
create_connection, create_server, has_dualstack_ipv6 and the
_GLOBAL_DEFAULT_TIMEOUT sentinel.  Each behaves as CPython 3.13's version
does, on every Python pysocket supports.
"""
import os
import sys

from . import _socket
from ._enums import _FAMILY_MEMBERS, _KIND_MEMBERS
from ._sock import socket
from ._socket import (AF_INET, AF_INET6, AF_UNIX, SOCK_STREAM, SOL_SOCKET,
                      dup, error, has_ipv6)

_LOCALHOST = "127.0.0.1"
_LOCALHOST_V6 = "::1"

# "No timeout argument given": create_connection() then leaves the module
# default timeout (setdefaulttimeout) in place.
_GLOBAL_DEFAULT_TIMEOUT = object()

try:
    _ExceptionGroup = ExceptionGroup    # 3.11+
except NameError:
    _ExceptionGroup = None


def _is_default_timeout(value):
    """True for pysocket's sentinel, and for the stdlib socket module's
    when that module is loaded: stdlib clients (http.client, ftplib, ...)
    bind socket._GLOBAL_DEFAULT_TIMEOUT as a default argument and hand it
    on.  sys.modules is only looked at: pysocket never imports socket."""
    if value is _GLOBAL_DEFAULT_TIMEOUT:
        return True
    stdlib = sys.modules.get("socket")
    return (stdlib is not None
            and value is getattr(stdlib, "_GLOBAL_DEFAULT_TIMEOUT", None))


def fromfd(fd, family, type, proto=0):
    """fromfd(fd, family, type[, proto]) -> socket object

    A socket object on a duplicate of the file descriptor `fd`; the other
    arguments are those of socket().
    """
    return socket(family, type, proto, dup(fd))


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """socketpair([family[, type[, proto]]]) -> (socket object, socket object)

    A pair of connected socket objects from the socketpair(2) system call.
    The arguments are those of socket(), but the family defaults to AF_UNIX.
    """
    if family is None:
        family = AF_UNIX
    first, second = _socket.socketpair(family, type, proto)
    return (socket(family, type, proto, first.detach()),
            socket(family, type, proto, second.detach()))


def _fallback_socketpair(family=AF_INET, type=SOCK_STREAM, proto=0):
    """A connected pair of TCP sockets over loopback, for platforms without
    socketpair(2) (CPython 3.13 always defines it so tests can use it)."""
    if family == AF_INET:
        host = _LOCALHOST
    elif family == AF_INET6:
        host = _LOCALHOST_V6
    else:
        raise ValueError("Only AF_INET and AF_INET6 socket address families "
                         "are supported")
    if type != SOCK_STREAM:
        raise ValueError("Only SOCK_STREAM socket type is supported")
    if proto != 0:
        raise ValueError("Only protocol zero is supported")

    with socket(family, type, proto) as listener:
        listener.bind((host, 0))
        listener.listen()
        where = listener.getsockname()[:2]
        client = socket(family, type, proto)
        try:
            # A non-blocking connect lets one thread both connect and accept.
            client.setblocking(False)
            try:
                client.connect(where)
            except (BlockingIOError, InterruptedError):
                pass
            client.setblocking(True)
            server, _ = listener.accept()
        except BaseException:
            client.close()
            raise
    # Make sure the accepted connection is ours and not a stranger's that
    # raced to the port.
    try:
        if (server.getsockname() != client.getpeername()
                or client.getsockname() != server.getpeername()):
            raise ConnectionError("Unexpected peer connection")
    except BaseException:
        server.close()
        client.close()
        raise
    return server, client


def getfqdn(name=""):
    """Get fully qualified domain name from name.

    An empty `name`, '0.0.0.0' or '::' means the local host
    (gethostname()).  The first of the host name and the aliases that
    gethostbyaddr() reports and that contains a dot is returned; failing
    that, the host name it reports; and if the lookup fails, `name`.
    """
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = _socket.gethostname()
    try:
        hostname, aliases, _ = _socket.gethostbyaddr(name)
    except error:
        return name
    for candidate in [hostname] + aliases:
        if "." in candidate:
            return candidate
    return hostname


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolve host and port into a list of address info entries.

    Each entry is (family, type, proto, canonname, sockaddr); family and
    type are AddressFamily and SocketKind members where they are members.
    See the C function for the arguments.
    """
    # a plain loop: before 3.12 a comprehension is a function call of its own
    result = []
    for af, kind, proto_, canonname, sockaddr in _socket.getaddrinfo(
            host, port, family, type, proto, flags):
        result.append((_FAMILY_MEMBERS.get(af, af), _KIND_MEMBERS.get(kind, kind),
                       proto_, canonname, sockaddr))
    return result


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connect to a TCP service at address (host, port) and return the socket.

    Every address getaddrinfo() gives for host and port is tried in turn,
    a socket of its family is made, and the first connection that succeeds
    is returned.  `timeout` (when given; None means blocking) is set on the
    socket before connecting, otherwise the getdefaulttimeout() one applies.
    `source_address`, a (host, port) pair, is bound before connecting; a
    host of '' or port 0 lets the OS choose.

    When no connection can be made the last error is raised, or, with
    `all_errors` true, ExceptionGroup("create_connection failed", errors)
    holding every error.  Python 3.9 and 3.10 have no ExceptionGroup:
    there `all_errors` raises the last error, as without it, and that
    exception carries an `exceptions` attribute, the list of every error
    in the order the addresses were tried (what ExceptionGroup.exceptions
    holds on 3.11+).
    """
    host, port = address
    failures = []
    for family, kind, proto, _, sockaddr in getaddrinfo(host, port, 0,
                                                        SOCK_STREAM):
        sock = None
        try:
            sock = socket(family, kind, proto)
            if not _is_default_timeout(timeout):
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            failures.clear()
            return sock
        except error as exc:
            if not all_errors:
                failures.clear()
            failures.append(exc)
            if sock is not None:
                sock.close()
    if not failures:
        raise error("getaddrinfo returns an empty list")
    try:
        if not all_errors:
            raise failures[0]
        if _ExceptionGroup is not None:
            raise _ExceptionGroup("create_connection failed", failures)
        last = failures[-1]
        last.exceptions = list(failures)
        raise last
    finally:
        # The exceptions hold tracebacks that refer to this frame.
        failures.clear()


def has_dualstack_ipv6():
    """True if this platform can make a TCP socket that accepts both IPv4
    and IPv6 connections (an AF_INET6 socket with IPV6_V6ONLY off)."""
    if (not has_ipv6 or not hasattr(_socket, "IPPROTO_IPV6")
            or not hasattr(_socket, "IPV6_V6ONLY")):
        return False
    try:
        with socket(AF_INET6, SOCK_STREAM) as probe:
            probe.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """Make a TCP socket bound to `address` ((host, port)) and listening.

    `family` is AF_INET or AF_INET6; `backlog` is passed to listen()
    (its default when None); `reuse_port` sets SO_REUSEPORT;
    `dualstack_ipv6` (AF_INET6 only, where has_dualstack_ipv6()) makes an
    IPv6 socket that also accepts IPv4 connections; without it an AF_INET6
    socket is IPv6-only.  SO_REUSEADDR is set on POSIX.  A failing bind()
    raises OSError naming the address.
    """
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        # Windows would let another process steal the port with
        # SO_REUSEADDR; elsewhere it only skips TIME_WAIT.
        if os.name not in ("nt", "cygwin") and hasattr(_socket, "SO_REUSEADDR"):
            try:
                sock.setsockopt(SOL_SOCKET, _socket.SO_REUSEADDR, 1)
            except error:
                pass   # e.g. AF_UNIX on some systems
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, _socket.SO_REUSEPORT, 1)
        if has_ipv6 and family == AF_INET6:
            if dualstack_ipv6:
                sock.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 0)
            elif (hasattr(_socket, "IPV6_V6ONLY")
                    and hasattr(_socket, "IPPROTO_IPV6")):
                sock.setsockopt(_socket.IPPROTO_IPV6, _socket.IPV6_V6ONLY, 1)
        try:
            sock.bind(address)
        except error as exc:
            raise error(exc.errno, "%s (while attempting to bind on address %r)"
                        % (exc.strerror, address)) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except BaseException:
        # The stdlib closes only on OSError and leaks the socket when bind()
        # rejects the address with TypeError/OverflowError.
        sock.close()
        raise
