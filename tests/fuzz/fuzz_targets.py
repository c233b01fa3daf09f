"""atheris fuzz targets for pysocket's C parsers.  Run through .ci/fuzz.sh:

    python tests/fuzz/fuzz_targets.py TARGET [libFuzzer options] [corpus dir]

TARGET is one of:
  addr     address parsing of every compiled-in family through the test hooks
           _parse_addr(family, type, proto, address) and _build_addr(bytes),
           with structured random addresses (tuples of str/bytes/ints of any
           size, NUL bytes, surrogates) and random raw sockaddr bytes; a
           parsed address must build back and parse again to the same bytes;
  inet     inet_pton/inet_ntop/inet_aton/inet_ntoa, compared with the stdlib;
  sockopt  setsockopt/getsockopt with random levels, options, values and
           buffer sizes, compared with the stdlib on a twin socket;
  cmsg     sendmsg with random ancillary data on a socketpair, recvmsg with
           random buffer sizes (received fds are closed).
A target whose functions pysocket does not have yet prints why and exits 0.
Any exception other than the expected error types is a finding.
"""
import array
import os
import socket as STDLIB
import sys

import atheris

with atheris.instrument_imports():
    import pysocket

ERRORS = (OSError, TypeError, ValueError, OverflowError, UnicodeError, SystemError)
# SystemError is not an expected outcome: re-raised below as a finding.
EXPECTED = (OSError, TypeError, ValueError, OverflowError, UnicodeError)

FAMILIES = sorted({getattr(pysocket, n) for n in dir(pysocket)
                   if n.startswith("AF_") and isinstance(getattr(pysocket, n), int)})
TYPES = [pysocket.SOCK_STREAM, pysocket.SOCK_DGRAM, pysocket.SOCK_RAW,
         pysocket.SOCK_SEQPACKET, 0, -1, 99]


def rand_int(fdp):
    k = fdp.ConsumeIntInRange(0, 5)
    if k == 0:
        return fdp.ConsumeIntInRange(0, 65535)
    if k == 1:
        return fdp.ConsumeIntInRange(-(2 ** 31), 2 ** 31)
    if k == 2:
        return fdp.ConsumeInt(16)        # up to 128-bit, either sign
    if k == 3:
        return fdp.ConsumeIntInRange(-2, 2)
    if k == 4:
        return True
    return fdp.ConsumeIntInRange(0, 2 ** 64)


HOSTS = ["", "127.0.0.1", "::1", "<broadcast>", "255.255.255.255", "0.0.0.0", "fe80::1%1",
         "::ffff:1.2.3.4", "1.2.3.4%lo", "localhost", "1.2.3", "::", "a\0b"]


def rand_obj(fdp, depth=0):
    k = fdp.ConsumeIntInRange(0, 11)
    if k == 0:
        return rand_int(fdp)
    if k == 1:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 120))
    if k == 2:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 120))
    if k == 3:
        return bytearray(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 120)))
    if k == 4:
        return memoryview(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 120)))
    if k == 5:
        return fdp.ConsumeFloat()
    if k == 6:
        return None
    if k == 7:
        return HOSTS[fdp.ConsumeIntInRange(0, len(HOSTS) - 1)]
    if k == 8 and depth < 2:
        return [rand_obj(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    if depth < 2:
        return tuple(rand_obj(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 6)))
    return fdp.ConsumeUnicodeNoSurrogates(8)


def rand_address(fdp):
    """Mostly well-shaped (host, port, ...) tuples with odd parts, sometimes
    anything at all."""
    if fdp.ConsumeBool():
        return rand_obj(fdp)
    host = HOSTS[fdp.ConsumeIntInRange(0, len(HOSTS) - 1)] if fdp.ConsumeBool() \
        else rand_obj(fdp, 2)
    n = fdp.ConsumeIntInRange(1, 5)
    return (host,) + tuple(rand_int(fdp) if fdp.ConsumeIntInRange(0, 5) else rand_obj(fdp, 2)
                           for _ in range(n - 1))


def target_addr(data):
    fdp = atheris.FuzzedDataProvider(data)
    P = pysocket._socket._parse_addr
    B = pysocket._socket._build_addr
    if fdp.ConsumeIntInRange(0, 3) == 0:
        raw = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 200))
        try:
            B(raw, rand_int(fdp))
        except EXPECTED:
            pass
        return
    fam = FAMILIES[fdp.ConsumeIntInRange(0, len(FAMILIES) - 1)]
    typ = TYPES[fdp.ConsumeIntInRange(0, len(TYPES) - 1)]
    proto = fdp.ConsumeIntInRange(0, 300)
    addr = rand_address(fdp) if fam != pysocket.AF_UNIX or fdp.ConsumeBool() \
        else (fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 130)) if fdp.ConsumeBool()
              else fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 130)))
    if isinstance(addr, str) and "localhost" not in addr and not addr.isascii():
        pass
    try:
        raw = P(fam, typ, proto, addr)
    except EXPECTED:
        return
    if not isinstance(raw, bytes):
        raise AssertionError("_parse_addr returned %r" % (raw,))
    if len(raw) < 2:
        return
    try:
        built = B(raw, proto)
    except EXPECTED:
        return
    # what recvfrom()/getsockname() give back must be accepted by connect()
    try:
        again = P(fam, typ, proto, built)
    except EXPECTED as e:
        if fam in (pysocket.AF_INET, pysocket.AF_INET6, pysocket.AF_UNIX):
            raise AssertionError("%r built from %r does not parse: %r" % (built, raw, e))
        return
    if fam in (pysocket.AF_INET, pysocket.AF_INET6) and again != raw:
        raise AssertionError("round trip %r -> %r -> %r" % (raw, built, again))


def outcome(fn, *args):
    try:
        return ("ok", fn(*args))
    except EXPECTED as e:
        return ("raise", type(e).__name__)


def target_inet(data):
    fdp = atheris.FuzzedDataProvider(data)
    fam = [STDLIB.AF_INET, STDLIB.AF_INET6, 0, 1, 99][fdp.ConsumeIntInRange(0, 4)]
    k = fdp.ConsumeIntInRange(0, 3)
    if k == 0:
        arg = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 60)) if fdp.ConsumeBool() \
            else rand_obj(fdp)
        args, name = (fam, arg), "inet_pton"
    elif k == 1:
        arg = fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 20)) if fdp.ConsumeBool() \
            else rand_obj(fdp)
        args, name = (fam, arg), "inet_ntop"
    elif k == 2:
        args, name = (fdp.ConsumeUnicode(30) if fdp.ConsumeBool() else rand_obj(fdp),), "inet_aton"
    else:
        args, name = (fdp.ConsumeBytes(6) if fdp.ConsumeBool() else rand_obj(fdp),), "inet_ntoa"
    a = outcome(getattr(STDLIB, name), *args)
    b = outcome(getattr(pysocket, name), *args)
    if a != b:
        raise AssertionError("%s%r: stdlib %r, pysocket %r" % (name, args, a, b))


LEVELS = [STDLIB.SOL_SOCKET, STDLIB.IPPROTO_TCP, STDLIB.IPPROTO_IP, STDLIB.IPPROTO_IPV6,
          STDLIB.IPPROTO_UDP, 0, -1, 12345]
# options that change what later calls see globally (or block) are avoided
SKIP_OPTS = {(STDLIB.SOL_SOCKET, getattr(STDLIB, "SO_BINDTODEVICE", -99)),
             (STDLIB.SOL_SOCKET, getattr(STDLIB, "SO_LINGER", -99))}
_socks = {}


def twin_sockets(kind):
    if kind not in _socks or _socks[kind][2] > 500:
        if kind in _socks:
            _socks[kind][0].close()
            _socks[kind][1].close()
        fam, typ = kind
        _socks[kind] = [STDLIB.socket(fam, typ), pysocket.socket(fam, typ), 0]
    _socks[kind][2] += 1
    return _socks[kind][0], _socks[kind][1]


def target_sockopt(data):
    fdp = atheris.FuzzedDataProvider(data)
    kind = [(STDLIB.AF_INET, STDLIB.SOCK_STREAM), (STDLIB.AF_INET6, STDLIB.SOCK_DGRAM),
            (STDLIB.AF_UNIX, STDLIB.SOCK_STREAM)][fdp.ConsumeIntInRange(0, 2)]
    a, b = twin_sockets(kind)
    level = LEVELS[fdp.ConsumeIntInRange(0, len(LEVELS) - 1)]
    opt = fdp.ConsumeIntInRange(-1, 80) if fdp.ConsumeIntInRange(0, 7) else rand_int(fdp)
    if (level, opt) in SKIP_OPTS:
        return
    if fdp.ConsumeBool():
        k = fdp.ConsumeIntInRange(0, 3)
        if k == 0:
            args = (level, opt)
        elif k == 1:
            args = (level, opt, fdp.ConsumeIntInRange(-5, 1100))
        else:
            args = (level, opt, rand_int(fdp) if k == 2 else rand_obj(fdp))
        ra = outcome(a.getsockopt, *args)
        rb = outcome(b.getsockopt, *args)
    else:
        k = fdp.ConsumeIntInRange(0, 3)
        if k == 0:
            args = (level, opt, rand_int(fdp))
        elif k == 1:
            args = (level, opt, fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 64)))
        elif k == 2:
            args = (level, opt, None, rand_int(fdp))
        else:
            args = (level, opt, rand_obj(fdp))
        ra = outcome(a.setsockopt, *args)
        rb = outcome(b.setsockopt, *args)
    # values and kernel errors may legitimately differ (the twin sockets'
    # states drift apart); argument errors (TypeError, OverflowError...)
    # must be the same
    def arg_error(r):
        return r[1] if r[0] == "raise" and not r[1].endswith("Error") or r[0] == "raise" \
            and r[1] in ("TypeError", "OverflowError", "ValueError", "UnicodeError") else None
    if arg_error(ra) != arg_error(rb):
        raise AssertionError("%r: stdlib %r, pysocket %r" % (args, ra, rb))


_pair = []


def target_cmsg(data):
    fdp = atheris.FuzzedDataProvider(data)
    if not _pair:
        _pair.extend(pysocket.socketpair(pysocket.AF_UNIX, pysocket.SOCK_DGRAM))
        for s in _pair:
            s.setblocking(False)
    a, b = _pair
    anc = []
    for _ in range(fdp.ConsumeIntInRange(0, 4)):
        k = fdp.ConsumeIntInRange(0, 4)
        if k == 0:
            anc.append(rand_obj(fdp))
        else:
            level = [pysocket.SOL_SOCKET, 0, -1, rand_int(fdp)][fdp.ConsumeIntInRange(0, 3)]
            typ = [getattr(pysocket, "SCM_CREDENTIALS", 2), 99, rand_int(fdp)][
                fdp.ConsumeIntInRange(0, 2)]
            anc.append((level, typ, fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 64))
                        if k < 4 else rand_obj(fdp)))
    bufs = [fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 40))
            for _ in range(fdp.ConsumeIntInRange(0, 3))]
    try:
        a.sendmsg(bufs, anc, fdp.ConsumeIntInRange(0, 1) * pysocket.MSG_DONTWAIT)
    except EXPECTED:
        pass
    try:
        msg, ancdata, flags, addr = b.recvmsg(fdp.ConsumeIntInRange(0, 100),
                                              fdp.ConsumeIntInRange(0, 300))
    except EXPECTED:
        return
    for level, typ, d in ancdata:
        if level == pysocket.SOL_SOCKET and typ == pysocket.SCM_RIGHTS:
            fds = array.array("i")
            fds.frombytes(d[:len(d) - len(d) % fds.itemsize])
            for fd in fds:
                os.close(fd)


TARGETS = {"addr": (target_addr, ["_socket"]),
           "inet": (target_inet, ["inet_pton", "inet_ntop", "inet_aton", "inet_ntoa"]),
           "sockopt": (target_sockopt, []),
           "cmsg": (target_cmsg, ["socket.sendmsg", "socket.recvmsg"])}


def main():
    name = sys.argv[1]
    fn, needs = TARGETS[name]
    for n in needs:
        obj = pysocket
        for part in n.split("."):
            obj = getattr(obj, part, None)
        if obj is None:
            print("fuzz target %s skipped: pysocket has no %s yet" % (name, n))
            return 0
    # Python-level coverage of the harness (which branch, which exception)
    # guides the search; the C extension itself is not instrumented (gcc has
    # no -fsanitize=fuzzer), it runs under ASan+UBSan instead.
    atheris.instrument_func(fn)
    for helper in (rand_int, rand_obj, rand_address, outcome, twin_sockets):
        atheris.instrument_func(helper)
    atheris.Setup([sys.argv[0]] + sys.argv[2:], fn)
    atheris.Fuzz()


if __name__ == "__main__":
    sys.exit(main())
