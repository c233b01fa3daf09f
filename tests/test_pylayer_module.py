"""Module level of the Python layer: enums, names, connection helpers.

Differential against the stdlib `socket` of the running Python.  Names and
behaviours CPython added after the running version (all_errors before 3.11,
_fallback_socketpair before 3.13) are checked against pysocket alone, with
the expected values CPython 3.13 gives.  Only loopback addresses,
socketpairs and `localhost` are used; no DNS.
"""
import enum
import errno
import os
import pickle
import re
import socket as std_socket
import sys

import pytest

import pysocket
from pylayer_util import MODULES, both, exc_key, mod, outcome  # noqa: F401

HAS_EXCEPTION_GROUP = sys.version_info >= (3, 11)
ENUMS = ["AddressFamily", "SocketKind", "MsgFlag", "AddressInfo"]


@pytest.fixture
def default_timeout_restored():
    saved = [(m, m.getdefaulttimeout()) for m in MODULES.values()]
    yield
    for m, value in saved:
        m.setdefaulttimeout(value)


def listening(mod, host="127.0.0.1", family=None):
    family = family or (mod.AF_INET6 if ":" in host else mod.AF_INET)
    s = mod.socket(family, mod.SOCK_STREAM)
    s.bind((host, 0))
    s.listen()
    return s


def refusing(mod, host="127.0.0.1"):
    """A bound, never listening socket: connects to its port are refused
    and nobody else can take the port meanwhile."""
    s = mod.socket(mod.AF_INET6 if ":" in host else mod.AF_INET)
    s.bind((host, 0))
    return s


# -------------------------------------------------------------------- enums

@pytest.mark.parametrize("name", ENUMS)
def test_enum_class(name):
    std_enum, py_enum = getattr(std_socket, name), getattr(pysocket, name)
    assert type(py_enum) is type(std_enum)                     # EnumMeta
    assert py_enum.__bases__ == std_enum.__bases__             # IntEnum/IntFlag
    assert repr(py_enum) == repr(std_enum)
    assert py_enum.__name__ == name


@pytest.mark.parametrize("name", ENUMS)
def test_enum_members_match_stdlib(name):
    std_enum, py_enum = getattr(std_socket, name), getattr(pysocket, name)
    std_members = dict(std_enum.__members__)
    py_members = dict(py_enum.__members__)
    # Every member (and alias) the stdlib has, with the same value.
    missing = sorted(set(std_members) - set(py_members))
    assert missing == []
    for member_name, member in std_members.items():
        ours = py_members[member_name]
        assert (repr(ours), str(ours), format(ours), int(ours), ours.name) == \
            (repr(member), str(member), format(member), int(member), member.name)
    # pysocket may offer newer members (3.13 names on older Pythons) but
    # each must be an upper-case constant of the C module with its value.
    for member_name in set(py_members) - set(std_members):
        assert getattr(pysocket._socket, member_name) == py_members[member_name]


@pytest.mark.parametrize("name,prefix", list(zip(ENUMS, ["AF_", "SOCK_", "MSG_", "AI_"])))
def test_module_constants_are_members(name, prefix):
    py_enum = getattr(pysocket, name)
    for const in dir(pysocket._socket):
        if const.startswith(prefix) and const.isupper():
            value = getattr(pysocket, const)
            assert type(value) is py_enum, const
            assert value is py_enum.__members__[const], const
            assert value == getattr(pysocket._socket, const)


def test_enum_combinations_and_lookup():
    def scenario(mod):
        return [repr(mod.MSG_PEEK | mod.MSG_WAITALL),
                repr(mod.AI_PASSIVE | mod.AI_CANONNAME),
                str(mod.MSG_DONTWAIT), repr(mod.MsgFlag(0)),
                repr(mod.AddressFamily(2)), repr(mod.SocketKind(2)),
                repr(mod.SOCK_STREAM | mod.SOCK_NONBLOCK),
                repr(mod.AF_INET + 1), f"{mod.AF_INET6}", "%d" % mod.AF_UNIX,
                "%s" % mod.SOCK_DGRAM, mod.AF_INET == 2,
                hash(mod.AF_INET) == hash(2), mod.AddressFamily["AF_UNIX"].value]
    assert both(scenario)[0] == "ok"


def test_enum_unknown_value():
    def scenario(mod):
        mod.AddressFamily(12345)
    assert both(scenario)[:2] == ("raise", "ValueError")


@pytest.mark.parametrize("name", ["AF_INET", "SOCK_DGRAM", "MSG_PEEK", "AI_PASSIVE"])
@pytest.mark.parametrize("protocol", [0, 2, pickle.HIGHEST_PROTOCOL])
def test_enum_pickle_round_trip(name, protocol):
    member = getattr(pysocket, name)
    assert pickle.loads(pickle.dumps(member, protocol)) is member


# ------------------------------------------------------------------- names

# Names CPython 3.13's socket.py defines on Linux (dir(socket) minus
# dir(_socket)), checked on every version; `selectors` and the module
# attributes are checked separately.
SOCKET_PY_313 = [
    "AddressFamily", "AddressInfo", "EAGAIN", "EBADF", "EWOULDBLOCK",
    "IntEnum", "IntFlag", "MsgFlag", "SocketIO", "SocketKind",
    "_GLOBAL_DEFAULT_TIMEOUT", "_GiveupOnSendfile", "_LOCALHOST",
    "_LOCALHOST_V6", "_blocking_errnos", "_fallback_socketpair",
    "_intenum_converter", "array", "create_connection", "create_server",
    "errno", "fromfd", "getfqdn", "has_dualstack_ipv6", "io", "os", "sys",
    "selectors", "socket", "socketpair", "getaddrinfo", "SocketType",
    "error", "timeout",
]
# send_fds and recv_fds come from pysocket/_fds.py (another module).
NOT_HERE = {"send_fds", "recv_fds", "__builtins__", "__cached__"}


def test_socket_py_names():
    std_names = set(dir(std_socket)) - set(dir(sys.modules["_socket"]))
    wanted = (std_names | set(SOCKET_PY_313)) - NOT_HERE
    assert sorted(n for n in wanted if not hasattr(pysocket, n)) == []
    assert "selectors" in dir(pysocket)


def test_module_attributes_match(mod):
    assert mod.EBADF == errno.EBADF and mod.EAGAIN == errno.EAGAIN
    assert mod.EWOULDBLOCK == errno.EWOULDBLOCK
    assert mod._blocking_errnos == {errno.EAGAIN, errno.EWOULDBLOCK}
    assert (mod._LOCALHOST, mod._LOCALHOST_V6) == ("127.0.0.1", "::1")
    assert mod.IntEnum is enum.IntEnum and mod.IntFlag is enum.IntFlag
    assert mod.io.__name__ == "io" and mod.os is os and mod.sys is sys
    assert mod.errno is errno and mod.array.__name__ == "array"
    assert mod.selectors.__name__ == "selectors"
    assert mod.SocketType is mod._socket.socket
    assert mod.error is OSError
    assert issubclass(mod._GiveupOnSendfile, Exception)
    assert type(mod._GLOBAL_DEFAULT_TIMEOUT) is object


def test_dunder_all():
    std_all, py_all = set(std_socket.__all__), set(pysocket.__all__)
    # CAPI is CPython's capsule for its own C modules, not part of the API;
    # send_fds/recv_fds come from pysocket/_fds.py.
    missing = std_all - py_all - {"CAPI"} - NOT_HERE
    assert sorted(missing) == []
    assert sorted(n for n in pysocket.__all__ if not hasattr(pysocket, n)) == []
    assert len(pysocket.__all__) == len(py_all)                   # no duplicates
    for name in ("AddressFamily", "SocketKind", "create_server", "fromfd",
                 "getfqdn", "create_connection", "has_dualstack_ipv6"):
        assert name in pysocket.__all__
    assert "MsgFlag" not in pysocket.__all__        # as the stdlib
    assert "AddressInfo" not in pysocket.__all__


def test_star_import_gives_members():
    namespace = {}
    exec("from pysocket import *", namespace)
    assert namespace["AF_INET"] is pysocket.AddressFamily.AF_INET
    assert namespace["socket"] is pysocket.socket


# -------------------------------------------------------------- socketpair

@pytest.mark.parametrize("args", [(), (None,), ("AF_UNIX", "SOCK_DGRAM"),
                                  ("AF_UNIX", "SOCK_SEQPACKET", 0),
                                  ("AF_UNIX", "SOCK_STREAM")])
def test_socketpair(args):
    def scenario(mod):
        real = [getattr(mod, a) if isinstance(a, str) else a for a in args]
        a, b = mod.socketpair(*real)
        with a, b:
            a.send(b"hi")
            return [type(a) is mod.socket, type(b) is mod.socket,
                    repr(a.family), repr(b.type), a.proto, b.recv(5),
                    a.get_inheritable(), a.gettimeout()]
    assert both(scenario)[0] == "ok"


@pytest.mark.parametrize("args", [("AF_INET",), ("AF_UNIX", 12345), (12345,)])
def test_socketpair_errors(args):
    def scenario(mod):
        real = [getattr(mod, a) if isinstance(a, str) else a for a in args]
        mod.socketpair(*real)
    assert both(scenario)[0] == "raise"


def test_socketpair_keywords_and_default_timeout(default_timeout_restored):
    def scenario(mod):
        mod.setdefaulttimeout(2.0)
        a, b = mod.socketpair(type=mod.SOCK_DGRAM, proto=0, family=mod.AF_UNIX)
        with a, b:
            return a.gettimeout(), b.getblocking(), repr(a.type)
    assert both(scenario) == ("ok", (2.0, True, repr(std_socket.SOCK_DGRAM)))


FALLBACK_CASES = [
    ((), "ok"), (("AF_INET6",), "ok"),
    (("AF_UNIX",), ("ValueError", "Only AF_INET and AF_INET6 socket address "
                                  "families are supported")),
    (("AF_INET", "SOCK_DGRAM"), ("ValueError", "Only SOCK_STREAM socket type "
                                               "is supported")),
    (("AF_INET", "SOCK_STREAM", 6), ("ValueError", "Only protocol zero is "
                                                   "supported")),
]


@pytest.mark.parametrize("args,expected", FALLBACK_CASES)
def test_fallback_socketpair(args, expected):
    """A 3.13 name: compared with the stdlib where it has it."""
    def scenario(mod):
        real = [getattr(mod, a) if isinstance(a, str) else a for a in args]
        a, b = mod._fallback_socketpair(*real)
        with a, b:
            a.sendall(b"ping")
            return (type(a) is mod.socket, repr(a.family), b.recv(4),
                    a.getsockname() == b.getpeername(),
                    a.getpeername() == b.getsockname())
    ours = outcome(scenario, pysocket)
    if expected == "ok":
        assert ours == ("ok", (True, repr(getattr(pysocket, (args or ("AF_INET",))[0])),
                               b"ping", True, True))
    else:
        assert ours == ("raise",) + expected
    if hasattr(std_socket, "_fallback_socketpair"):
        assert outcome(scenario, std_socket) == ours


# ------------------------------------------------------------------ fromfd

def test_fromfd():
    def scenario(mod):
        a, b = mod.socketpair(mod.AF_UNIX, mod.SOCK_DGRAM)
        with a, b:
            s = mod.fromfd(a.fileno(), mod.AF_UNIX, mod.SOCK_DGRAM)
            with s:
                s.send(b"via dup")
                return (type(s) is mod.socket, s.fileno() != a.fileno(),
                        s.get_inheritable(), repr(s.family), repr(s.type),
                        b.recv(10), a.fileno() != -1)
    assert both(scenario) == ("ok", (True, True, False, repr(std_socket.AF_UNIX),
                                     repr(std_socket.SOCK_DGRAM), b"via dup", True))


def test_fromfd_bad_fd():
    def scenario(mod):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        mod.fromfd(r, mod.AF_INET, mod.SOCK_STREAM)
    assert both(scenario)[:2] == ("raise", "OSError")


# ------------------------------------------------------------- getaddrinfo

@pytest.mark.parametrize("args", [
    ("127.0.0.1", 80), ("127.0.0.1", 80, 0, "SOCK_STREAM"),
    ("::1", "443", "AF_INET6", "SOCK_DGRAM"), (None, 0, "AF_INET", 0, 0, "AI_PASSIVE"),
    ("localhost", 7, "AF_INET", "SOCK_STREAM"),
])
def test_getaddrinfo_members(args):
    def scenario(mod):
        real = [getattr(mod, a) if isinstance(a, str) and a.isupper() else a
                for a in args]
        res = mod.getaddrinfo(*real)
        return sorted(repr(r) for r in res), [
            (type(r[0]).__name__, type(r[1]).__name__) for r in res]
    result = both(scenario)
    assert result[0] == "ok"
    assert set(result[1][1]) == {("AddressFamily", "SocketKind")}


def test_getaddrinfo_keywords_and_errors():
    def scenario(mod):
        out = [repr(mod.getaddrinfo(host="127.0.0.1", port=9, family=mod.AF_INET,
                                    type=mod.SOCK_DGRAM, proto=0, flags=0))]
        for bad in (("127.0.0.1", 1.5), ("127.0.0.1", 9, 12345)):
            out.append(outcome(lambda m: m.getaddrinfo(*bad), mod))
        return out
    assert both(scenario)[0] == "ok"


# -------------------------------------------------------------------- getfqdn

@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "  localhost \n",
                                  "::1"])
def test_getfqdn(name):
    both(lambda mod: mod.getfqdn(name))


# --------------------------------------------------------- create_connection

@pytest.mark.parametrize("timeout", ["default", None, 0.0, 2.5])
@pytest.mark.parametrize("default", [None, 4.0])
def test_create_connection_timeouts(timeout, default, default_timeout_restored):
    def scenario(mod):
        mod.setdefaulttimeout(default)
        with listening(mod) as server:
            addr = server.getsockname()
            if timeout == "default":
                conn = mod.create_connection(addr)
            else:
                try:
                    conn = mod.create_connection(addr, timeout)
                except BlockingIOError as exc:   # timeout 0: connect in progress
                    return "BlockingIOError", exc.errno
            with conn:
                peer, _ = server.accept()
                with peer:
                    return (type(conn) is mod.socket, repr(conn.family),
                            repr(conn.type), conn.gettimeout(),
                            conn.getpeername() == addr,
                            peer.getpeername() == conn.getsockname())
    assert both(scenario)[0] == "ok"


def test_create_connection_sentinel_and_ipv6(default_timeout_restored):
    def scenario(mod):
        mod.setdefaulttimeout(3.0)
        out = []
        for host in ("127.0.0.1", "::1", "localhost"):
            with listening(mod, "::1" if host == "::1" else "127.0.0.1") as server:
                port = server.getsockname()[1]
                with mod.create_connection((host, port),
                                           mod._GLOBAL_DEFAULT_TIMEOUT) as conn:
                    out.append((repr(conn.family), conn.gettimeout()))
        return out
    assert both(scenario)[0] == "ok"


def test_create_connection_accepts_stdlib_sentinel(default_timeout_restored):
    """Stdlib clients (http.client, ...) pass socket._GLOBAL_DEFAULT_TIMEOUT."""
    pysocket.setdefaulttimeout(6.0)
    with listening(pysocket) as server:
        with pysocket.create_connection(server.getsockname(),
                                        std_socket._GLOBAL_DEFAULT_TIMEOUT) as c:
            assert c.gettimeout() == 6.0


def test_create_connection_source_address():
    def scenario(mod):
        with listening(mod) as server:
            with mod.create_connection(server.getsockname(),
                                       source_address=("127.0.0.2", 0)) as conn:
                peer, addr = server.accept()
                peer.close()
                return conn.getsockname()[0], addr[0]
    assert both(scenario) == ("ok", ("127.0.0.2", "127.0.0.2"))


def test_create_connection_bad_source_address():
    def scenario(mod):
        with listening(mod) as server, listening(mod) as taken:
            mod.create_connection(server.getsockname(),
                                  source_address=taken.getsockname())
    result = both(scenario)
    assert result[:2] == ("raise", "OSError") and "in use" in result[2]


def test_create_connection_refused():
    def scenario(mod):
        with refusing(mod) as closed_port:
            mod.create_connection(closed_port.getsockname(), 5)
    assert both(scenario)[:2] == ("raise", "ConnectionRefusedError")


def test_create_connection_refused_all_errors_false():
    def scenario(mod):
        with refusing(mod) as closed_port:
            mod.create_connection(closed_port.getsockname(), all_errors=False)
    if not HAS_EXCEPTION_GROUP:
        # The stdlib has no all_errors keyword before 3.11.
        assert outcome(scenario, pysocket)[:2] == ("raise", "ConnectionRefusedError")
    else:
        assert both(scenario)[:2] == ("raise", "ConnectionRefusedError")


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_create_connection_refused_all_errors(host):
    def scenario(mod):
        with refusing(mod) as v4, refusing(mod, "::1") as v6:
            port = v4.getsockname()[1]
            if host == "localhost":
                # Make ::1 refuse on the same port when localhost has both.
                v6.close()
                v6 = refusing(mod, "::1")
                try:
                    v6.close()
                    v6 = mod.socket(mod.AF_INET6)
                    v6.bind(("::1", port))
                except OSError:
                    pass
            try:
                mod.create_connection((host, port), all_errors=True)
            except Exception as exc:
                inner = getattr(exc, "exceptions", [exc])
                return (type(exc).__name__, str(exc),
                        [type(e).__name__ for e in inner])
            finally:
                v6.close()
    ours = outcome(scenario, pysocket)
    if HAS_EXCEPTION_GROUP:
        assert ours == outcome(scenario, std_socket)
        assert ours[1][0] == "ExceptionGroup"
        assert ours[1][1].startswith("create_connection failed")
    else:
        # 3.9/3.10: the last error, carrying every error in .exceptions.
        assert ours[0] == "ok" and ours[1][0] == "ConnectionRefusedError"
    assert set(ours[1][2]) == {"ConnectionRefusedError"}
    expected = len(std_socket.getaddrinfo(host, 1, 0, std_socket.SOCK_STREAM))
    assert len(ours[1][2]) == expected


def test_create_connection_fallback_exceptions_attribute():
    if HAS_EXCEPTION_GROUP:
        with refusing(pysocket) as closed_port:
            with pytest.raises(ExceptionGroup) as info:   # noqa: F821
                pysocket.create_connection(closed_port.getsockname(),
                                           all_errors=True)
        assert [type(e) for e in info.value.exceptions] == [ConnectionRefusedError]
    else:
        with refusing(pysocket) as closed_port:
            with pytest.raises(ConnectionRefusedError) as info:
                pysocket.create_connection(closed_port.getsockname(),
                                           all_errors=True)
        assert info.value.exceptions == [info.value]


def test_create_connection_bad_address():
    for bad in [("127.0.0.1",), "127.0.0.1:80", ("127.0.0.1", 80, 0)]:
        both(lambda mod: mod.create_connection(bad))


def test_create_connection_unresolvable():
    def scenario(mod):
        mod.create_connection(("127.0.0.1", "no-such-service-name-xyz"))
    assert both(scenario)[:2] == ("raise", "socket.gaierror")


# ------------------------------------------------------------ create_server

@pytest.mark.parametrize("host,family", [("127.0.0.1", "AF_INET"), ("::1", "AF_INET6")])
@pytest.mark.parametrize("backlog", [None, 0, 5])
@pytest.mark.parametrize("reuse_port", [False, True])
def test_create_server(host, family, backlog, reuse_port):
    def scenario(mod):
        fam = getattr(mod, family)
        with mod.create_server((host, 0), family=fam, backlog=backlog,
                               reuse_port=reuse_port) as server:
            res = [type(server) is mod.socket, repr(server.family),
                   repr(server.type),
                   server.getsockopt(mod.SOL_SOCKET, mod.SO_REUSEADDR),
                   server.getsockopt(mod.SOL_SOCKET, mod.SO_REUSEPORT),
                   server.getsockopt(mod.SOL_SOCKET, mod.SO_ACCEPTCONN),
                   server.gettimeout()]
            if fam == mod.AF_INET6:
                res.append(server.getsockopt(mod.IPPROTO_IPV6, mod.IPV6_V6ONLY))
            with mod.socket(fam) as client:
                client.connect(server.getsockname())
                peer, _ = server.accept()
                peer.close()
            return res
    assert both(scenario)[0] == "ok"


def test_create_server_dualstack():
    def scenario(mod):
        if not mod.has_dualstack_ipv6():
            return "no dualstack"
        # Bound to the IPv4-mapped loopback address: only a dual-stack
        # socket can do that, and an IPv4 client reaches it.
        with mod.create_server(("::ffff:127.0.0.1", 0), family=mod.AF_INET6,
                               dualstack_ipv6=True) as server:
            port = server.getsockname()[1]
            with mod.socket(mod.AF_INET) as client:
                client.connect(("127.0.0.1", port))
                peer, addr = server.accept()
                peer.close()
            return (server.getsockopt(mod.IPPROTO_IPV6, mod.IPV6_V6ONLY),
                    addr[0], repr(server.family))
    assert both(scenario)[0] == "ok"


def test_create_server_v6only_refuses_mapped():
    def scenario(mod):
        mod.create_server(("::ffff:127.0.0.1", 0), family=mod.AF_INET6)
    assert both(scenario)[:2] == ("raise", "OSError")


@pytest.mark.parametrize("kwargs,message", [
    ({"dualstack_ipv6": True}, "dualstack_ipv6 requires AF_INET6 family"),
    ({"dualstack_ipv6": True, "family": "AF_UNIX"},
     "dualstack_ipv6 requires AF_INET6 family"),
])
def test_create_server_value_errors(kwargs, message):
    def scenario(mod):
        real = {k: getattr(mod, v) if isinstance(v, str) else v
                for k, v in kwargs.items()}
        mod.create_server(("127.0.0.1", 0), **real)
    assert both(scenario) == ("raise", "ValueError", message)


def test_create_server_bind_error_message():
    def scenario(mod):
        with listening(mod) as taken:
            addr = taken.getsockname()
            try:
                mod.create_server(addr)
            except OSError as exc:
                return (type(exc).__name__, exc.errno,
                        str(exc).replace(str(addr[1]), "PORT"),
                        exc.__cause__, exc.__suppress_context__)
    result = both(scenario)
    assert result == ("ok", ("OSError", errno.EADDRINUSE,
                             "[Errno %d] %s (while attempting to bind on address "
                             "('127.0.0.1', PORT))" % (errno.EADDRINUSE,
                                                       os.strerror(errno.EADDRINUSE)),
                             None, True))


BAD_SERVER_ADDRESSES = [("127.0.0.1", 70000), ("127.0.0.1",), ("::1", 0),
                        "127.0.0.1"]


# The stdlib leaks the socket when bind() raises something else than
# OSError (ResourceWarning later); pysocket closes it, checked below.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("bad", BAD_SERVER_ADDRESSES)
def test_create_server_bad_address(bad):
    assert both(lambda mod: mod.create_server(bad))[0] == "raise"


@pytest.mark.parametrize("bad", BAD_SERVER_ADDRESSES)
def test_create_server_bad_address_no_leak(bad):
    import gc
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises((TypeError, OverflowError, OSError)):
            pysocket.create_server(bad)
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


def test_create_server_closes_on_error():
    # No fd leaks when bind fails: count the fds before and after.
    def scenario(mod):
        before = len(os.listdir("/proc/self/fd"))
        with listening(mod) as taken:
            for _ in range(5):
                try:
                    mod.create_server(taken.getsockname())
                except OSError:
                    pass
        return len(os.listdir("/proc/self/fd")) - before
    assert both(scenario) == ("ok", 0)


def test_has_dualstack_ipv6():
    assert both(lambda mod: mod.has_dualstack_ipv6())[0] == "ok"


def test_helper_docstrings(mod):
    for name in ("create_connection", "create_server", "has_dualstack_ipv6",
                 "socketpair", "fromfd", "getfqdn", "getaddrinfo"):
        assert getattr(mod, name).__doc__, name
    assert re.search(r"all_errors", pysocket.create_connection.__doc__)
