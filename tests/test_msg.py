"""sendmsg / recvmsg / recvmsg_into / CMSG_LEN / CMSG_SPACE (csrc/msg.c).

Differential: each case runs against the stdlib's socket module and against
pysocket._socket, and the results (or exception types and messages) must
agree.  Known, deliberate differences are asserted explicitly:
  - fds received with SCM_RIGHTS are non-inheritable in pysocket;
  - pysocket decodes truncated/malformed control data with the same
    RuntimeWarning, and closes every received fd when that raises.
Every test checks that it leaves no fd open (/proc/self/fd).
"""
import array
import contextlib
import errno
import gc
import os
import socket
import struct
import sys
import warnings

import pytest
from util import no_fd_leak, open_fds  # noqa: F401  (autouse fixture)

import pysocket._socket as psock

STD = socket
MODS = [pytest.param(STD, id="stdlib"), pytest.param(psock, id="pysocket")]


# Linux values of constants some stdlib versions lack (IP_PKTINFO and
# IP_RECVTTL appeared in the stdlib in 3.13).
LINUX_VALUES = {"IP_PKTINFO": 8, "IP_RECVTTL": 12}


def C(name):
    """A constant from pysocket, or the stdlib's value where pysocket does
    not export it yet (constants.c is being filled in elsewhere)."""
    if hasattr(psock, name):
        return getattr(psock, name)
    if hasattr(STD, name):
        return getattr(STD, name)
    return LINUX_VALUES[name]


SOL_SOCKET = C("SOL_SOCKET")
SCM_RIGHTS = C("SCM_RIGHTS")
MSG_CTRUNC = C("MSG_CTRUNC")



def outcome(f, *args, **kwargs):
    """('ok', result) or ('err', type, message) for comparing two runs."""
    try:
        return ("ok", f(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - compared, not swallowed
        return ("err", type(e), str(e))


def same(a, b, messages=True):
    if a[0] == "err" and b[0] == "err" and not messages:
        assert a[1] is b[1], (a, b)
    else:
        assert a == b


@contextlib.contextmanager
def both(*socks):
    """Closes the sockets on exit (pysocket._socket's type, like the
    stdlib's _socket.socket, is not a context manager itself)."""
    try:
        yield socks
    finally:
        for s in socks:
            s.close()


def pair(mod, *args):
    a, b = mod.socketpair(*args)
    return a, b


def fds_of(ancdata):
    out = []
    for level, kind, data in ancdata:
        if level == SOL_SOCKET and kind == SCM_RIGHTS:
            arr = array.array("i")
            arr.frombytes(data[:len(data) - len(data) % arr.itemsize])
            out.extend(arr)
    return out


def close_all(fds):
    for fd in fds:
        os.close(fd)


# 3.9's PyArg "i" says "integer argument expected, got float" where pysocket
# (like 3.10+) says "'float' object cannot be interpreted as an integer".
OLD_INT_TEXTS = sys.version_info < (3, 10)


# ---------------------------------------------------------------- CMSG_*

CMSG_ARGS = [
    (0,), (1,), (4,), (7,), (8,), (12,), (255,), (1000,),
    (2**31 - 1 - 16,), (2**31 - 16,), (2**31 - 1 - 24,), (2**31 - 1 - 23,),
    (2**31,), (2**63 - 1,), (2**63,), (-1,), (-(2**63),), (True,),
    (1.0,), ("1",), (None,), (), (1, 2),
]


@pytest.mark.parametrize("name", ["CMSG_LEN", "CMSG_SPACE"])
@pytest.mark.parametrize("args", CMSG_ARGS, ids=repr)
def test_cmsg_len_space(name, args):
    want = outcome(getattr(STD, name), *args)
    got = outcome(getattr(psock, name), *args)
    same(want, got, messages=not (OLD_INT_TEXTS and args and isinstance(args[0], float)))


@pytest.mark.parametrize("name", ["CMSG_LEN", "CMSG_SPACE"])
def test_cmsg_no_keywords(name):
    want = outcome(getattr(STD, name), length=1)
    got = outcome(getattr(psock, name), length=1)
    assert want[:2] == got[:2] == ("err", TypeError)
    assert got[2] == "%s() takes no keyword arguments" % name


# ---------------------------------------------------------------- argument checks

NC = memoryview(b"abcdef")[::2]   # not C-contiguous

SENDMSG_ARGS = [
    (), ([b"x"], [], 0, None, 1),
    (5,), (None,), (["x"],), ([1],), ([NC],), (iter([b"x"]),),
    ([b"x"], 5), ([b"x"], None), ([b"x"], [1]), ([b"x"], [None]), ([b"x"], [b"abc"]),
    ([b"x"], [(1, 2)]), ([b"x"], [(1, 2, 3, 4)]), ([b"x"], [[1, 2, b""]]),
    ([b"x"], ["abc"]), ([b"x"], [(1.0, 2, b"")]), ([b"x"], [(1, None, b"")]),
    ([b"x"], [(2**40, 1, b"")]), ([b"x"], [(1, -2**40, b"")]),
    ([b"x"], [(1, 2, "s")]), ([b"x"], [(1, 2, None)]), ([b"x"], [(1, 2, NC)]),
    ([b"x"], [(SOL_SOCKET, SCM_RIGHTS, b"\xff\xff\xff\x7f")]),
    ([b"x"], [(SOL_SOCKET, SCM_RIGHTS, b"\x00\x00\x00")]),
    ([b"x"], [(SOL_SOCKET, 12345, b"data")]),
    ([b"x"], [], 1.0), ([b"x"], [], 2**40), ([b"x"], [], 0, 5),
    ([b"x"], [], 0, ("127.0.0.1", 1)), ([b"x"], [], 0, "/nonexistent/x"),
    ([b"x"] * 1025,), ([b""] * 1024,), ([b"x"], [], 0, None), ([],),
]


@pytest.mark.parametrize("args", SENDMSG_ARGS, ids=repr)
def test_sendmsg_arguments(args):
    results = []
    for mod in (STD, psock):
        a, b = pair(mod)
        b.setblocking(False)
        try:
            args2 = tuple(iter([b"x"]) if isinstance(x, type(iter([]))) else x for x in args)
            r = outcome(a.sendmsg, *args2)
            data = outcome(b.recv, 100)
            results.append((r, data))
        finally:
            a.close()
            b.close()
    floats = any(isinstance(x, float) or (isinstance(x, list) and x and isinstance(x[0], tuple)
                                          and any(isinstance(y, (float, type(None))) for y in x[0]))
                 for x in args)
    for x, y in zip(results[0], results[1]):
        same(x, y, messages=not (OLD_INT_TEXTS and floats))


def test_sendmsg_no_keywords():
    for mod in (STD, psock):
        a, b = pair(mod)
        with both(a, b):
            with pytest.raises(TypeError, match="takes no keyword arguments"):
                a.sendmsg([b"x"], ancdata=[])


RECVMSG_ARGS = [
    (), (1, 0, 0, 0), (-1,), (1, -1), (1, 2**31), (1, 2**31 - 1), (1, sys.maxsize),
    (1, 2**63), (2**63,), (1.0,), (1, None), (3, 0, 1.5), ("1",), (0,), (True,),
]


@pytest.mark.parametrize("args", RECVMSG_ARGS, ids=repr)
def test_recvmsg_arguments(args):
    results = []
    for mod in (STD, psock):
        a, b = pair(mod)
        with both(a, b):
            b.setblocking(False)
            results.append(outcome(b.recvmsg, *args))
    same(results[0], results[1], messages=not OLD_INT_TEXTS)


RECVMSG_INTO_ARGS = [
    (), (5,), (None,), ([b"xx"],), ([bytearray(2), "x"],), ("ab",), ([NC],),
    ([memoryview(b"ro")],), ([bytearray(4)], -1), ([bytearray(4)], 2**31),
    ([bytearray(4)], None), ([bytearray(4)], 0, 1.0),
    ([bytearray(1)] * 1025,), ([bytearray(1)] * 1025, -1), ([],),
    (iter([bytearray(2)]),), ([bytearray(2)], 0, 0, 0),
]


@pytest.mark.parametrize("args", RECVMSG_INTO_ARGS, ids=repr)
def test_recvmsg_into_arguments(args):
    results = []
    for mod in (STD, psock):
        a, b = pair(mod)
        with both(a, b):
            b.setblocking(False)
            args2 = tuple(iter([bytearray(2)]) if isinstance(x, type(iter([]))) else x
                          for x in args)
            results.append(outcome(b.recvmsg_into, *args2))
    same(results[0], results[1], messages=not OLD_INT_TEXTS)


# ---------------------------------------------------------------- data paths

def test_several_buffers_and_memoryviews():
    """sendmsg gathers, recvmsg_into scatters, over SOCK_STREAM and
    SOCK_DGRAM, with bytes, bytearray, memoryview slices and arrays."""
    pieces = [b"ab", bytearray(b"cd"), memoryview(b"xyzef")[1:4], array.array("b", [1, 2]),
              b"", memoryview(bytearray(b"tail"))]
    total = b"".join(bytes(p) for p in pieces)
    for kind in (C("SOCK_STREAM"), C("SOCK_DGRAM")):
        seen = []
        for mod in (STD, psock):
            a, b = pair(mod, C("AF_UNIX"), kind)
            with both(a, b):
                sent = a.sendmsg(pieces)
                store = bytearray(20)
                targets = [bytearray(3), memoryview(store)[2:7], bytearray(0),
                           memoryview(bytearray(100))]
                n, anc, flags, addr = b.recvmsg_into(targets)
                got = bytes(targets[0]) + bytes(targets[1]) + bytes(targets[3][:n - 8])
                seen.append((sent, n, anc, flags, addr, got, bytes(store)))
                # recvmsg with a small bufsize on a datagram: MSG_TRUNC
                a.sendmsg([b"0123", b"456789"])
                seen.append(b.recvmsg(4 if kind == C("SOCK_DGRAM") else 10))
        assert seen[0] == seen[2]
        assert seen[1] == seen[3]
        assert seen[0][5] == total
        if kind == C("SOCK_DGRAM"):
            assert seen[1][2] & C("MSG_TRUNC")


def test_recvmsg_large_and_empty_buffers():
    for mod in (STD, psock):
        a, b = pair(mod, C("AF_UNIX"), C("SOCK_DGRAM"))
        with both(a, b):
            blob = os.urandom(10000)
            assert a.sendmsg([blob[:5000], blob[5000:]]) == 10000
            assert b.recvmsg(20000) == (blob, [], 0, None)
            assert a.sendmsg([]) == 0
            assert b.recvmsg(10) == (b"", [], 0, None)


def test_too_many_buffers_is_emsgsize():
    n = os.sysconf("SC_IOV_MAX") + 1
    for mod in (STD, psock):
        a, b = pair(mod)
        with both(a, b):
            with pytest.raises(OSError) as e:
                a.sendmsg([b"x"] * n)
            assert e.value.errno == errno.EMSGSIZE
            b.setblocking(False)
            with pytest.raises(OSError) as e:
                b.recvmsg_into([bytearray(1)] * n)
            assert e.value.errno == errno.EMSGSIZE


def test_sender_address_unix_dgram(tmp_path):
    results = []
    for i, mod in enumerate((STD, psock)):
        rpath, spath = str(tmp_path / ("r%d" % i)), str(tmp_path / ("s%d" % i))
        r = mod.socket(C("AF_UNIX"), C("SOCK_DGRAM"))
        s = mod.socket(C("AF_UNIX"), C("SOCK_DGRAM"))
        with both(r, s):
            r.bind(rpath)
            s.bind(spath)
            s.sendmsg([b"hi"], [], 0, rpath)
            data, anc, flags, addr = r.recvmsg(10)
            assert addr == spath
            results.append((data, anc, flags))
    assert results[0] == results[1]


def test_timeout():
    for mod in (STD, psock):
        a, b = pair(mod)
        with both(a, b):
            b.settimeout(0.01)
            with pytest.raises(mod.timeout):
                b.recvmsg(10)
            with pytest.raises(mod.timeout):
                b.recvmsg_into([bytearray(10)], 64)
            b.settimeout(0)
            with pytest.raises(BlockingIOError):
                b.recvmsg(10)
            # data already there: a timeout socket returns at once
            b.settimeout(5)
            a.sendmsg([b"ok"])
            assert b.recvmsg(10) == (b"ok", [], 0, None)


def test_timeout_is_the_stdlib_class():
    assert issubclass(psock.timeout, OSError)
    if sys.version_info >= (3, 10):
        assert psock.timeout is TimeoutError


def test_closed_socket():
    for mod in (STD, psock):
        a, b = pair(mod)
        a.close()
        with pytest.raises(OSError) as e:
            a.sendmsg([b"x"])
        assert e.value.errno == errno.EBADF
        with pytest.raises(OSError) as e:
            a.recvmsg(1)
        assert e.value.errno == errno.EBADF
        b.close()


def test_audit_event():
    events = []
    recording = [False]

    def hook(event, args):
        if recording[0] and event.startswith("socket.") and "msg" in event:
            events.append((event, args))

    sys.addaudithook(hook)
    for mod in (STD, psock):
        a, b = pair(mod, C("AF_UNIX"), C("SOCK_DGRAM"))
        with both(a, b):
            recording[0] = True
            a.sendmsg([b"x"])
            b.recvmsg(10)
            recording[0] = False
    assert len(events) == 2
    for (ev, args) in events:
        assert ev == "socket.sendmsg"
        assert args[1] is None


# ---------------------------------------------------------------- SCM_RIGHTS

def make_pipes(n):
    pipes = [os.pipe() for _ in range(n)]
    return [r for r, w in pipes], [w for r, w in pipes]


@pytest.mark.parametrize("n", [1, 200])
@pytest.mark.parametrize("into", [False, True], ids=["recvmsg", "recvmsg_into"])
def test_pass_fds(n, into):
    """Pass n pipe write ends, write through each received fd, read the byte
    back from the matching read end."""
    summary = []
    for mod in (STD, psock):
        reads, writes = make_pipes(n)
        a, b = pair(mod)
        try:
            anc = [(SOL_SOCKET, SCM_RIGHTS, array.array("i", writes))]
            assert a.sendmsg([b"fds"], anc) == 3
            size = mod.CMSG_SPACE(n * 4)
            if into:
                buf = bytearray(10)
                nbytes, ancdata, flags, addr = b.recvmsg_into([buf], size)
                data = bytes(buf[:nbytes])
            else:
                data, ancdata, flags, addr = b.recvmsg(10, size)
            got = fds_of(ancdata)
            inheritable = {os.get_inheritable(fd) for fd in got}
            for i, fd in enumerate(got):
                os.write(fd, bytes([i % 256]))
            echoed = [os.read(r, 1)[0] for r in reads]
            close_all(got)
            summary.append((data, len(got), flags, addr, echoed, [(l, t) for l, t, _ in ancdata]))
            if mod is psock:
                assert inheritable == {False}, "pysocket passes MSG_CMSG_CLOEXEC"
            else:
                assert inheritable == {True}, "the stdlib returns inheritable fds"
        finally:
            close_all(reads + writes)
            a.close()
            b.close()
    assert summary[0] == summary[1]
    assert summary[1][1] == n
    assert summary[1][4] == [i % 256 for i in range(n)]


def test_user_msg_cmsg_cloexec_flag_echoed_like_stdlib():
    flag = C("MSG_CMSG_CLOEXEC")
    flags = []
    for mod in (STD, psock):
        a, b = pair(mod)
        r, w = os.pipe()
        with both(a, b):
            a.sendmsg([b"x"], [(SOL_SOCKET, SCM_RIGHTS, array.array("i", [r]))])
            data, anc, fl, addr = b.recvmsg(1, mod.CMSG_SPACE(4), flag)
            got = fds_of(anc)
            assert [os.get_inheritable(fd) for fd in got] == [False]
            close_all(got + [r, w])
            flags.append(fl)
    assert flags[0] == flags[1]


# Buffer sizes around the edges of one, two and four fds.
TRUNC_SIZES = sorted({0, 1, 8, 15, 16, 17, 19, 20, 21, 23, 24, 25, 28, 31, 32, 36, 40})


@pytest.mark.parametrize("passcred", [False, True], ids=["plain", "passcred"])
@pytest.mark.parametrize("ancbufsize", TRUNC_SIZES)
def test_truncated_rights(ancbufsize, passcred):
    """More fds than fit: the same items, data and MSG_CTRUNC as the stdlib,
    the same warnings (none on Linux), and no fd left open beyond the ones
    returned (the kernel closes the rest)."""
    results = []
    for mod in (STD, psock):
        r, w = os.pipe()
        a, b = pair(mod, C("AF_UNIX"), C("SOCK_DGRAM"))
        try:
            if passcred:
                b.setsockopt(SOL_SOCKET, C("SO_PASSCRED"), 1)
            a.sendmsg([b"x"], [(SOL_SOCKET, SCM_RIGHTS, array.array("i", [r, w, r, w]))])
            before = open_fds()
            with warnings.catch_warnings(record=True) as ws:
                warnings.simplefilter("always")
                data, anc, flags, addr = b.recvmsg(10, ancbufsize)
            got = fds_of(anc)
            # every new fd is one we were given
            assert sorted(set(open_fds()) - set(before)) == sorted(got)
            close_all(got)
            shape = [(l, t, len(d)) for l, t, d in anc]
            results.append((data, shape, flags, addr, [str(x.message) for x in ws]))
        finally:
            close_all([r, w])
            a.close()
            b.close()
    assert results[0] == results[1]
    if ancbufsize < C("CMSG_SPACE")(16) + (32 if passcred else 0):
        assert results[1][2] & MSG_CTRUNC


@pytest.mark.parametrize("ancbufsize", TRUNC_SIZES)
def test_truncated_rights_warnings_as_errors(ancbufsize):
    """With RuntimeWarning turned into an error the outcome still matches
    the stdlib's and nothing leaks."""
    results = []
    for mod in (STD, psock):
        r, w = os.pipe()
        a, b = pair(mod, C("AF_UNIX"), C("SOCK_DGRAM"))
        try:
            a.sendmsg([b"x"], [(SOL_SOCKET, SCM_RIGHTS, array.array("i", [r, w, r]))])
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                res = outcome(b.recvmsg, 10, ancbufsize)
            if res[0] == "ok":
                close_all(fds_of(res[1][1]))
                res = ("ok", res[1][0], len(res[1][1]), res[1][2])
            results.append(res)
        finally:
            close_all([r, w])
            a.close()
            b.close()
    assert results[0] == results[1]


# ---- the decoding path itself, on control data Linux never produces

def cmsg(level, kind, data, cmsg_len=None):
    hdr = struct.pack("@Nii", C("CMSG_LEN")(len(data)) if cmsg_len is None else cmsg_len,
                      level, kind)
    body = hdr + data
    return body + b"\0" * (C("CMSG_SPACE")(len(data)) - len(body))


def test_decode_hook_whole_items():
    raw = cmsg(1, 2, b"abc") + cmsg(3, 4, b"") + cmsg(5, 6, b"12345678")
    assert psock._decode_ancillary(raw) == [(1, 2, b"abc"), (3, 4, b""), (5, 6, b"12345678")]
    # trailing bytes shorter than a header are ignored silently, like CMSG_NXTHDR
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert psock._decode_ancillary(raw + b"\0" * 8) == psock._decode_ancillary(raw)
        assert psock._decode_ancillary(b"") == []


def test_decode_hook_truncated_item_warns():
    raw = cmsg(1, 2, b"abcdefgh")[:C("CMSG_LEN")(0) + 3]
    with pytest.warns(RuntimeWarning,
                      match="received malformed or improperly-truncated ancillary data"):
        assert psock._decode_ancillary(raw) == [(1, 2, b"abc")]


def test_decode_hook_malformed_len_warns():
    raw = cmsg(1, 2, b"abcd") + cmsg(7, 8, b"", cmsg_len=3)
    with pytest.warns(RuntimeWarning):
        assert psock._decode_ancillary(raw) == [(1, 2, b"abcd")]


def test_decode_hook_error_closes_rights_fds():
    """When the warning is an error, every SCM_RIGHTS fd in the buffer is
    closed (also the ones in whole items before the bad one, and whole ints
    of the truncated item)."""
    r, w = os.pipe()
    fds = [os.dup(r), os.dup(w), os.dup(r)]
    raw = (cmsg(SOL_SOCKET, SCM_RIGHTS, array.array("i", fds[:2]).tobytes())
           + cmsg(SOL_SOCKET, SCM_RIGHTS, array.array("i", fds[2:] + [r]).tobytes())[:-2])
    before = len(open_fds())
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        with pytest.raises(RuntimeWarning):
            psock._decode_ancillary(raw)
    assert len(open_fds()) == before - 3
    for fd in fds:
        with pytest.raises(OSError):
            os.fstat(fd)
    close_all([r, w])


# ---------------------------------------------------------------- SCM_CREDENTIALS

def test_scm_credentials():
    creds_size = struct.calcsize("3i")
    results = []
    for mod in (STD, psock):
        a, b = pair(mod, C("AF_UNIX"), C("SOCK_DGRAM"))
        with both(a, b):
            b.setsockopt(SOL_SOCKET, C("SO_PASSCRED"), 1)
            a.sendmsg([b"implicit"])
            r1 = b.recvmsg(20, mod.CMSG_SPACE(creds_size))
            mine = struct.pack("3i", os.getpid(), os.getuid(), os.getgid())
            a.sendmsg([b"explicit"], [(SOL_SOCKET, C("SCM_CREDENTIALS"), mine)])
            r2 = b.recvmsg(20, mod.CMSG_SPACE(creds_size))
            # a smaller buffer cuts the item short: MSG_CTRUNC
            a.sendmsg([b"short"])
            r3 = b.recvmsg(20, mod.CMSG_LEN(4))
            results.append((r1, r2, r3))
            assert r1[1] == [(SOL_SOCKET, C("SCM_CREDENTIALS"), mine)]
            assert r2[1] == [(SOL_SOCKET, C("SCM_CREDENTIALS"), mine)]
            assert r3[2] & MSG_CTRUNC
    assert results[0] == results[1]


# ---------------------------------------------------------------- IP ancillary data

def udp_pair(mod, family, host):
    r = mod.socket(family, C("SOCK_DGRAM"))
    s = mod.socket(family, C("SOCK_DGRAM"))
    r.bind((host, 0))
    s.bind((host, 0))
    return r, s


def have_ipv6():
    try:
        with STD.socket(STD.AF_INET6, STD.SOCK_DGRAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


IP_CASES = [
    ("IPPROTO_IP", "IP_PKTINFO", "IP_PKTINFO", "AF_INET", "127.0.0.1"),
    ("IPPROTO_IP", "IP_RECVTTL", "IP_TTL", "AF_INET", "127.0.0.1"),
    ("IPPROTO_IPV6", "IPV6_RECVPKTINFO", "IPV6_PKTINFO", "AF_INET6", "::1"),
    ("IPPROTO_IPV6", "IPV6_RECVHOPLIMIT", "IPV6_HOPLIMIT", "AF_INET6", "::1"),
]


def strip_port(addr):
    return addr[:1] + addr[2:]


@pytest.mark.parametrize("level,opt,cmsg_type,family,host", IP_CASES,
                         ids=[c[2] for c in IP_CASES])
def test_ip_ancillary(level, opt, cmsg_type, family, host):
    if family == "AF_INET6" and not have_ipv6():
        pytest.skip("no IPv6 loopback (::1) on this machine")
    results = []
    for mod in (STD, psock):
        r, s = udp_pair(mod, C(family), host)
        with both(r, s):
            r.setsockopt(C(level), C(opt), 1)
            s.sendmsg([b"da", b"ta"], [], 0, r.getsockname())
            data, anc, flags, addr = r.recvmsg(10, 1024)
            assert addr == s.getsockname()
            assert [(l, t) for l, t, _ in anc] == [(C(level), C(cmsg_type))]
            into = bytearray(4)
            s.sendto(b"more", r.getsockname())
            n, anc2, flags2, addr2 = r.recvmsg_into([into], 1024)
            assert addr2 == s.getsockname() and bytes(into) == b"more"
            results.append((data, anc, flags, strip_port(addr), n, anc2, flags2))
    assert results[0] == results[1]


def test_send_hoplimit_and_pktinfo_ancillary():
    """Ancillary data on the sending side, with a destination address."""
    if not have_ipv6():
        pytest.skip("no IPv6 loopback (::1) on this machine")
    results = []
    for mod in (STD, psock):
        r, s = udp_pair(mod, C("AF_INET6"), "::1")
        with both(r, s):
            r.setsockopt(C("IPPROTO_IPV6"), C("IPV6_RECVHOPLIMIT"), 1)
            anc = [(C("IPPROTO_IPV6"), C("IPV6_HOPLIMIT"), array.array("i", [7]))]
            assert s.sendmsg([b"hop"], anc, 0, r.getsockname()) == 3
            data, got, flags, addr = r.recvmsg(10, mod.CMSG_SPACE(4))
            assert got == [(C("IPPROTO_IPV6"), C("IPV6_HOPLIMIT"), struct.pack("i", 7))]
            results.append((data, got, flags))
    assert results[0] == results[1]
    results = []
    for mod in (STD, psock):
        r, s = udp_pair(mod, C("AF_INET"), "127.0.0.1")
        with both(r, s):
            r.setsockopt(C("IPPROTO_IP"), C("IP_PKTINFO"), 1)
            # in_pktinfo: ifindex 0, spec_dst 127.0.0.1, addr 0
            pkt = struct.pack("@i4s4s", 0, bytes([127, 0, 0, 1]), bytes(4))
            assert s.sendmsg([b"pk"], [(C("IPPROTO_IP"), C("IP_PKTINFO"), pkt)], 0,
                             r.getsockname()) == 2
            results.append(r.recvmsg(10, 1024)[:3])
    assert results[0] == results[1]


# sendmsg() parses the items of its list arguments one by one, and parsing
# can run Python code (__index__, and __buffer__ on 3.12+) that empties the
# caller's list.  pysocket works on a copy of a list and sends what the list
# held when the call began; the stdlib reads freed items then (it crashes).
def test_sendmsg_ancdata_list_emptied_while_parsed():
    a, b = pair(psock, socket.AF_UNIX, socket.SOCK_DGRAM)
    with both(a, b):
        r, w = os.pipe()
        anc = []

        class Level:
            def __index__(self):
                anc.clear()
                return socket.SOL_SOCKET

        anc[:] = [(Level(), socket.SCM_RIGHTS, array.array("i", [r]).tobytes())]
        try:
            assert a.sendmsg([b"hi"], anc) == 2
            assert anc == []
            data, ancdata, _, _ = b.recvmsg(10, socket.CMSG_SPACE(4))
            assert data == b"hi"
            assert [(lvl, typ) for lvl, typ, _ in ancdata] == [(socket.SOL_SOCKET,
                                                                socket.SCM_RIGHTS)]
            os.close(array.array("i", ancdata[0][2])[0])
        finally:
            os.close(r)
            os.close(w)


@pytest.mark.skipif(sys.version_info < (3, 12),
                    reason="__buffer__ (PEP 688) runs Python code inside GetBuffer only on 3.12+")
def test_sendmsg_buffers_list_emptied_while_parsed():
    a, b = pair(psock, socket.AF_UNIX, socket.SOCK_DGRAM)
    with both(a, b):
        bufs = []

        class Data:
            def __buffer__(self, flags):
                bufs.clear()
                return memoryview(b"zz")

        bufs[:] = [Data(), b"y" * 10]
        assert a.sendmsg(bufs) == 12
        assert b.recv(20) == b"zz" + b"y" * 10
