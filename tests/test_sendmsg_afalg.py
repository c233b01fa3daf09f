"""sendmsg_afalg() (issue 6): the same argument rules, exceptions and data
as the stdlib's.

This kernel has no AF_ALG, so the AF_ALG socket object is laid over one end
of an AF_UNIX SOCK_SEQPACKET socketpair (socket(AF_ALG, ..., fileno=fd)):
the C code builds its ALG_SET_* control messages and calls sendmsg(2), and
AF_UNIX delivers the data and ignores control messages of level SOL_ALG.  So
the data path and every argument check run for real; what the crypto API
does with the control messages needs a kernel with AF_ALG (see
tests/test_addr_alg.py for that round trip, skipped here with its reason).
"""
import socket as stdlib_socket

import pytest

import pysocket

MODULES = [pytest.param(stdlib_socket, id="stdlib"), pytest.param(pysocket, id="pysocket")]

CASES = {
    "data-iv-assoclen": lambda m, s: s.sendmsg_afalg([b"abc", bytearray(b"def")], op=m.ALG_OP_ENCRYPT,
                                                     iv=b"\0" * 16, assoclen=3),
    "no-msg": lambda m, s: s.sendmsg_afalg(op=0),
    "memoryview-iv": lambda m, s: s.sendmsg_afalg([memoryview(b"xyz")[1:]], op=1, iv=memoryview(b"12")),
    "flags": lambda m, s: s.sendmsg_afalg([b"xy"], op=1, flags=m.MSG_DONTWAIT),
    "missing-op": lambda m, s: s.sendmsg_afalg([b"x"]),
    "negative-op": lambda m, s: s.sendmsg_afalg([b"x"], op=-1),
    "huge-op": lambda m, s: s.sendmsg_afalg([b"x"], op=2 ** 40),
    "huger-op": lambda m, s: s.sendmsg_afalg([b"x"], op=2 ** 70),
    "int-max-op": lambda m, s: s.sendmsg_afalg([b"x"], op=2 ** 31),
    "huge-assoclen": lambda m, s: s.sendmsg_afalg([b"x"], op=1, assoclen=2 ** 31),
    "huger-assoclen": lambda m, s: s.sendmsg_afalg([b"x"], op=1, assoclen=2 ** 70),
    "very-negative-assoclen": lambda m, s: s.sendmsg_afalg([b"x"], op=1, assoclen=-2 ** 70),
    "str-op": lambda m, s: s.sendmsg_afalg([b"x"], op="1"),
    "negative-assoclen": lambda m, s: s.sendmsg_afalg([b"x"], op=1, assoclen=-1),
    "str-assoclen": lambda m, s: s.sendmsg_afalg([b"x"], op=1, assoclen="x"),
    "str-iv": lambda m, s: s.sendmsg_afalg([b"x"], op=1, iv="x"),
    "msg-not-iterable": lambda m, s: s.sendmsg_afalg(5, op=1),
    "msg-bad-item": lambda m, s: s.sendmsg_afalg([5], op=1),
    "two-positional": lambda m, s: s.sendmsg_afalg([b"x"], 1),
    "unknown-keyword": lambda m, s: s.sendmsg_afalg([b"x"], op=1, foo=1),
    "str-flags": lambda m, s: s.sendmsg_afalg([b"x"], op=1, flags="x"),
}


def outcome(mod, case):
    a, b = mod.socketpair(mod.AF_UNIX, mod.SOCK_SEQPACKET)
    alg = mod.socket(mod.AF_ALG, mod.SOCK_SEQPACKET, 0, fileno=a.detach())
    try:
        n = CASES[case](mod, alg)
        b.setblocking(False)
        return ("ok", n, b.recv(100) if n else b"")
    except Exception as e:              # compared with the stdlib's
        return ("raise", type(e).__name__, str(e))
    finally:
        alg.close()
        b.close()


@pytest.mark.skipif(not hasattr(stdlib_socket.socket, "sendmsg_afalg"),
                    reason="this Python's stdlib socket has no sendmsg_afalg to compare with")
@pytest.mark.parametrize("case", sorted(CASES))
def test_sendmsg_afalg_like_stdlib(case):
    assert outcome(pysocket, case) == outcome(stdlib_socket, case)


@pytest.mark.parametrize("mod", MODULES)
def test_sendmsg_afalg_needs_af_alg(mod):
    s = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    try:
        with pytest.raises(OSError, match="algset is only supported for AF_ALG"):
            s.sendmsg_afalg([b"x"], op=1)
    finally:
        s.close()


def test_sendmsg_afalg_data_arrives():
    a, b = pysocket.socketpair(pysocket.AF_UNIX, pysocket.SOCK_SEQPACKET)
    alg = pysocket.socket(pysocket.AF_ALG, pysocket.SOCK_SEQPACKET, 0, fileno=a.detach())
    try:
        assert alg.sendmsg_afalg([b"ab", b"cd"], op=pysocket.ALG_OP_DECRYPT, iv=b"i" * 12,
                                 assoclen=0) == 4
        assert b.recv(10) == b"abcd"
    finally:
        alg.close()
        b.close()
