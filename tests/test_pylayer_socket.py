"""The socket class of the Python layer, differential against the stdlib.

Every scenario runs once with the stdlib `socket` module and once with
`pysocket`; results and exception types (and messages) must agree.
Only socketpairs, loopback and AF_UNIX are used.
"""
import copy
import gc
import os
import pickle
import re
import socket as std_socket
import sys
import weakref

import pytest

import pysocket
from pylayer_util import MODULES, both, exc_key, mod, outcome  # noqa: F401



def norm(text, mod, sock=None):
    """Make a repr comparable across the two modules."""
    text = re.sub(r"fd=\d+", "fd=N", text)
    text = text.replace("<%s.socket" % mod.__name__, "<MOD.socket")
    if sock is not None and sock.fileno() != -1:
        for getter, label in ((sock.getsockname, "LADDR"),
                              (sock.getpeername, "RADDR")):
            try:
                addr = getter()
            except OSError:
                continue
            if addr:
                text = text.replace(str(addr), label)
    return text


def tcp_pair(mod):
    """(listener, client, server) over 127.0.0.1."""
    listener = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    client = mod.socket(mod.AF_INET, mod.SOCK_STREAM)
    client.connect(listener.getsockname())
    server, _ = listener.accept()
    return listener, client, server


def close_all(*socks):
    for s in socks:
        s.close()


# ---------------------------------------------------------------- the class

def test_class_relations(mod):
    assert issubclass(mod.socket, mod.SocketType)
    assert mod.socket is not mod.SocketType
    assert mod.socket.__slots__ == ["__weakref__", "_io_refs", "_closed"]
    assert mod.socket.__module__ == mod.__name__
    with mod.socket() as s:
        assert isinstance(s, mod.SocketType)
        assert weakref.ref(s)() is s
        with pytest.raises(AttributeError):
            s.some_attribute = 1
        assert not hasattr(s, "__dict__")


def test_constructor_defaults():
    def scenario(mod):
        out = []
        for args, kwargs in [((), {}), ((-1, -1, -1), {}),
                             ((mod.AF_INET6,), {}),
                             ((mod.AF_UNIX, mod.SOCK_DGRAM), {}),
                             ((), {"type": mod.SOCK_DGRAM}),
                             ((mod.AF_INET, mod.SOCK_STREAM | mod.SOCK_NONBLOCK), {})]:
            with mod.socket(*args, **kwargs) as s:
                out.append((repr(s.family), repr(s.type), s.proto,
                            type(s.family).__name__, type(s.type).__name__,
                            s._io_refs, s._closed))
        return out
    assert both(scenario)[0] == "ok"


def test_constructor_from_fileno_detects():
    def scenario(mod):
        a, b = mod.socketpair(mod.AF_UNIX, mod.SOCK_DGRAM)
        with a, b:
            fd = os.dup(a.fileno())
            with mod.socket(fileno=fd) as s:
                return repr(s.family), repr(s.type), s.proto, type(s).__name__
    assert both(scenario) == ("ok", (repr(std_socket.AF_UNIX),
                                     repr(std_socket.SOCK_DGRAM), 0, "socket"))


def test_family_type_are_members(mod):
    with mod.socket(mod.AF_INET6, mod.SOCK_DGRAM) as s:
        assert type(s.family) is mod.AddressFamily
        assert type(s.type) is mod.SocketKind
        assert s.family is mod.AF_INET6 and s.type is mod.SOCK_DGRAM
    # The C type's attributes are plain ints.
    with mod.socket() as s:
        assert type(mod.SocketType.family.__get__(s)) is int


def test_intenum_converter(mod):
    assert mod._intenum_converter(2, mod.AddressFamily) is mod.AF_INET
    assert type(mod._intenum_converter(0xBEEF, mod.AddressFamily)) is int
    assert mod._intenum_converter(0xBEEF, mod.SocketKind) == 0xBEEF


# --------------------------------------------------------------------- repr

def test_repr_states():
    def scenario(mod):
        out = []
        s = mod.socket()
        out.append(norm(repr(s), mod, s))
        s.bind(("127.0.0.1", 0))
        out.append(norm(repr(s), mod, s))
        s.close()
        out.append(norm(repr(s), mod, s))
        listener, client, server = tcp_pair(mod)
        out += [norm(repr(x), mod, x) for x in (listener, client, server)]
        close_all(listener, client, server)
        with mod.socket(mod.AF_INET6, mod.SOCK_DGRAM) as s6:
            s6.bind(("::1", 0))
            out.append(norm(repr(s6), mod, s6))
        a, b = mod.socketpair()
        out.append(norm(repr(a), mod, a))
        close_all(a, b)
        with mod.socket(mod.AF_UNIX, mod.SOCK_DGRAM) as u:
            u.bind(b"\0pysocket-pylayer-repr-%d-%s" % (os.getpid(), mod.__name__.encode()))
            out.append(norm(repr(u), mod, u))
        d = mod.socket()
        os.close(d.detach())
        out.append(norm(repr(d), mod, d))
        return out
    result = both(scenario)
    assert result[0] == "ok"
    assert result[1][0].startswith("<MOD.socket fd=N, family=")
    assert result[1][2].startswith("<MOD.socket [closed] fd=-1, ")
    assert "laddr=LADDR, raddr=RADDR>" in result[1][4]


class MySock(std_socket.socket):
    __slots__ = ()


class MyPySock(pysocket.socket):
    __slots__ = ()


def test_repr_subclass():
    s1, s2 = MySock(), MyPySock()
    with s1, s2:
        assert norm(repr(s1), std_socket).replace("MySock", "X") == \
            norm(repr(s2), pysocket).replace("MyPySock", "X")
        assert repr(s2).startswith("<%s.MyPySock fd=" % __name__)


def test_repr_before_init(mod):
    # __repr__ must cope with _closed not being set yet.
    s = mod.socket.__new__(mod.socket)
    assert re.match(r"<%s\.socket fd=-1, family=" % mod.__name__, repr(s))


# ----------------------------------------------------------- context manager

def test_context_manager():
    def scenario(mod):
        s = mod.socket()
        with s as entered:
            same = entered is s
            inside = s.fileno() != -1
        after = (s.fileno(), s._closed)
        with mod.socket() as t:
            t.close()          # closed inside: __exit__ must not fail
        return same, inside, after, t.fileno()
    assert both(scenario) == ("ok", (True, True, (-1, True), -1))


def test_context_manager_exception_propagates(mod):
    s = mod.socket()
    with pytest.raises(KeyError):
        with s:
            raise KeyError("x")
    assert s.fileno() == -1


# ------------------------------------------------------------------- accept

@pytest.mark.parametrize("listener_timeout", [None, 0.0, 5.0])
@pytest.mark.parametrize("default", [None, 7.0])
def test_accept_timeout_rule(listener_timeout, default):
    def scenario(mod):
        old = mod.getdefaulttimeout()
        mod.setdefaulttimeout(default)
        try:
            listener = mod.socket()
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            client = mod.socket()
            client.settimeout(None)
            client.connect(listener.getsockname())
            listener.settimeout(listener_timeout)
            conn, addr = listener.accept()
            res = (type(conn) is mod.socket, conn.gettimeout(),
                   conn.getblocking(), addr == client.getsockname(),
                   repr(conn.family), repr(conn.type), conn.get_inheritable())
            close_all(listener, client, conn)
            return res
        finally:
            mod.setdefaulttimeout(old)
    result = both(scenario)
    assert result[0] == "ok" and result[1][0] and result[1][3]


def test_accept_from_subclass_returns_base_class():
    def scenario(mod):
        class Sub(mod.socket):
            __slots__ = ()
        listener = Sub()
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        client = mod.socket()
        client.connect(listener.getsockname())
        conn, _ = listener.accept()
        res = type(conn) is mod.socket
        close_all(listener, client, conn)
        return res
    assert both(scenario) == ("ok", True)


def test_accept_nonblocking_no_client():
    def scenario(mod):
        with mod.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            listener.setblocking(False)
            listener.accept()
    assert both(scenario)[1] == "BlockingIOError"


def test_accept_timeout_expires():
    def scenario(mod):
        with mod.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen()
            listener.settimeout(0.01)
            listener.accept()
    assert both(scenario)[1:] == ("socket.timeout", "timed out")


# ---------------------------------------------------------------------- dup

def test_dup():
    def scenario(mod):
        class Sub(mod.socket):
            __slots__ = ()
        out = []
        for cls, timeout in ((mod.socket, None), (mod.socket, 2.5), (Sub, 0.0)):
            with cls(mod.AF_INET6, mod.SOCK_DGRAM) as s:
                s.settimeout(timeout)
                with s.dup() as d:
                    out.append((type(d) is cls, d.fileno() != s.fileno(),
                                d.gettimeout(), repr(d.family), repr(d.type),
                                d.proto, d.get_inheritable(), d._io_refs))
        return out
    result = both(scenario)
    assert result[0] == "ok"
    assert all(r[0] and r[1] and not r[6] for r in result[1])


def test_dup_closed():
    def scenario(mod):
        s = mod.socket()
        s.close()
        s.dup()
    assert both(scenario)[1] == "OSError"


# ------------------------------------------------------------- close/detach

def test_close_waits_for_files():
    def scenario(mod):
        a, b = mod.socketpair()
        f1 = a.makefile("rb")
        f2 = a.makefile("wb", buffering=0)
        steps = [a._io_refs]
        a.close()
        steps += [a._closed, a.fileno() != -1, a._io_refs]
        b.sendall(b"still open\n")
        steps.append(f1.readline())
        f1.close()
        steps += [a.fileno() != -1, a._io_refs]
        f2.write(b"x")
        f2.close()
        steps += [a.fileno(), a._io_refs, f2.closed]
        f2.close()             # twice: no second decref
        steps.append(a._io_refs)
        b.close()
        return steps
    assert both(scenario) == ("ok", [2, True, True, 2, b"still open\n",
                                     True, 1, -1, 0, True, 0])


def test_file_closed_first_then_socket():
    def scenario(mod):
        a, b = mod.socketpair()
        f = a.makefile("rwb")
        f.close()
        steps = [a.fileno() != -1, a._io_refs]
        a.close()
        steps.append(a.fileno())
        b.close()
        return steps
    assert both(scenario) == ("ok", [True, 0, -1])


def test_file_garbage_collected_closes_socket():
    def scenario(mod):
        a, b = mod.socketpair()
        f = a.makefile("rb")
        a.close()
        fd_open = a.fileno() != -1
        del f
        gc.collect()
        res = (fd_open, a.fileno())
        b.close()
        return res
    assert both(scenario) == ("ok", (True, -1))


def test_detach():
    def scenario(mod):
        s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
        fd = s.detach()
        res = [s._closed, s.fileno(), fd >= 0]
        with mod.socket(fileno=fd) as again:
            res += [repr(again.family), repr(again.type)]
        s.close()              # closing a detached socket is harmless
        return res
    assert both(scenario) == ("ok", [True, -1, True, repr(std_socket.AF_INET),
                                     repr(std_socket.SOCK_DGRAM)])


def test_use_after_close():
    def scenario(mod):
        s = mod.socket()
        s.close()
        s.getsockname()
    result = both(scenario)
    assert result[1] == "OSError" and "Bad file descriptor" in result[2]


# --------------------------------------------------------------- pickling

@pytest.mark.parametrize("how", ["pickle", "copy", "getstate"])
def test_pickling_refused(how):
    def scenario(mod):
        with mod.socket() as s:
            if how == "pickle":
                pickle.dumps(s)
            elif how == "copy":
                copy.copy(s)
            else:
                s.__getstate__()
    assert both(scenario) == ("raise", "TypeError", "cannot pickle 'socket' object")


def test_pickling_subclass_message(mod):
    class Named(mod.socket):
        __slots__ = ()
    with Named() as s:
        with pytest.raises(TypeError, match="^cannot pickle 'Named' object$"):
            pickle.dumps(s)


# ------------------------------------------------------------- inheritance

def test_inheritable():
    def scenario(mod):
        with mod.socket() as s:
            res = [s.get_inheritable(), os.get_inheritable(s.fileno())]
            s.set_inheritable(True)
            res += [s.get_inheritable(), os.get_inheritable(s.fileno())]
            s.set_inheritable(False)
            res.append(s.get_inheritable())
        return res
    assert both(scenario) == ("ok", [False, False, True, True, False])


def test_inheritable_closed():
    def scenario(mod):
        s = mod.socket()
        s.close()
        s.get_inheritable()
    assert both(scenario)[1] == "OSError"


def test_method_docs(mod):
    for name in ("get_inheritable", "set_inheritable", "dup", "accept",
                 "makefile", "sendfile", "detach"):
        assert getattr(mod.socket, name).__doc__, name
    assert mod.socket.get_inheritable.__doc__ == "Get the inheritable flag of the socket"
    assert mod.socket.set_inheritable.__doc__ == "Set the inheritable flag of the socket"


@pytest.mark.skipif(sys.platform != "linux", reason="pysocket targets Linux")
def test_import_does_not_import_stdlib_socket():
    import subprocess
    code = ("import sys, pysocket; pysocket.socket(); pysocket.selectors; "
            "print(sorted(m for m in ('socket', '_socket') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True,
                         text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(pysocket.__file__)))
    assert out.stdout.strip() == "[]"
