"""getsockopt/setsockopt: int, buffer and (None, optlen) forms.  Option
round-trips come from one parametrized table, compared with the stdlib."""
import struct
import socket as STDLIB

import pytest

from util import outcome

# (id, family, type, level name, option name, value to set)
ROUNDTRIPS = [
    ("reuseaddr", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_REUSEADDR", 1),
    ("reuseport", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_REUSEPORT", 1),
    ("keepalive", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_KEEPALIVE", 1),
    ("broadcast", "AF_INET", "SOCK_DGRAM", "SOL_SOCKET", "SO_BROADCAST", 1),
    ("sndbuf", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_SNDBUF", 65536),
    ("rcvbuf", "AF_INET", "SOCK_DGRAM", "SOL_SOCKET", "SO_RCVBUF", 32768),
    ("oobinline", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_OOBINLINE", 1),
    ("nodelay", "AF_INET", "SOCK_STREAM", "IPPROTO_TCP", "TCP_NODELAY", 1),
    ("keepidle", "AF_INET", "SOCK_STREAM", "IPPROTO_TCP", "TCP_KEEPIDLE", 30),
    ("maxseg", "AF_INET", "SOCK_STREAM", "IPPROTO_TCP", "TCP_MAXSEG", 1000),
    ("ttl", "AF_INET", "SOCK_DGRAM", "IPPROTO_IP", "IP_TTL", 7),
    ("tos", "AF_INET", "SOCK_DGRAM", "IPPROTO_IP", "IP_TOS", 0x10),
    ("mcast-ttl", "AF_INET", "SOCK_DGRAM", "IPPROTO_IP", "IP_MULTICAST_TTL", 3),
    ("v6only", "AF_INET6", "SOCK_STREAM", "IPPROTO_IPV6", "IPV6_V6ONLY", 1),
    ("unicast-hops", "AF_INET6", "SOCK_DGRAM", "IPPROTO_IPV6", "IPV6_UNICAST_HOPS", 9),
    ("passcred", "AF_UNIX", "SOCK_STREAM", "SOL_SOCKET", "SO_PASSCRED", 1),
    ("bool-true", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_REUSEADDR", True),
    ("zero", "AF_INET", "SOCK_STREAM", "SOL_SOCKET", "SO_KEEPALIVE", 0),
]


def _roundtrip(mod, fam, typ, level, opt, value):
    s = mod.socket(getattr(mod, fam), getattr(mod, typ))
    try:
        before = s.getsockopt(getattr(mod, level), getattr(mod, opt))
        s.setsockopt(getattr(mod, level), getattr(mod, opt), value)
        after = s.getsockopt(getattr(mod, level), getattr(mod, opt))
        raw = s.getsockopt(getattr(mod, level), getattr(mod, opt), 4)
        return before, after, raw
    finally:
        s.close()


@pytest.mark.parametrize("case", ROUNDTRIPS, ids=[c[0] for c in ROUNDTRIPS])
def test_option_roundtrip(sm, case):
    _, fam, typ, level, opt, value = case
    got = outcome(sm, lambda: _roundtrip(sm, fam, typ, level, opt, value))
    exp = outcome(STDLIB, lambda: _roundtrip(STDLIB, fam, typ, level, opt, value))
    assert exp[0] == "ok"
    assert got == exp
    before, after, raw = got[1]
    assert isinstance(after, int) and isinstance(raw, bytes) and len(raw) == 4
    assert struct.unpack("i", raw)[0] == after


def test_getsockopt_type_domain_protocol(sm, closer):
    s = closer(sm.socket(sm.AF_INET6, sm.SOCK_DGRAM))
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_TYPE) == sm.SOCK_DGRAM
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_DOMAIN) == sm.AF_INET6
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_PROTOCOL) == sm.IPPROTO_UDP
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_ERROR) == 0


def test_linger_bytes_form(sm, closer):
    s = closer(sm.socket())
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_LINGER, 8) == struct.pack("ii", 0, 0)
    for buf in (struct.pack("ii", 1, 5), bytearray(struct.pack("ii", 1, 6)),
                memoryview(struct.pack("ii", 1, 7))):
        assert s.setsockopt(sm.SOL_SOCKET, sm.SO_LINGER, buf) is None
        assert s.getsockopt(sm.SOL_SOCKET, sm.SO_LINGER, 8) == bytes(buf)
    # a larger buffer comes back trimmed to what the kernel wrote
    assert s.getsockopt(sm.SOL_SOCKET, sm.SO_LINGER, 64) == struct.pack("ii", 1, 7)


def _set_forms(mod):
    s = mod.socket()
    u = mod.socket(mod.AF_INET, mod.SOCK_DGRAM)
    SOL, RA = mod.SOL_SOCKET, mod.SO_REUSEADDR
    try:
        return [
            outcome(mod, lambda: s.setsockopt(SOL, RA, None, 0)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, None, 4)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, None)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, None, -1)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, None, "4")),
            outcome(mod, lambda: s.setsockopt(SOL, RA, 1, 4)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, b"\x01\x00\x00\x00")),
            outcome(mod, lambda: s.setsockopt(SOL, RA, b"\x01")),
            outcome(mod, lambda: s.setsockopt(SOL, RA, b"")),
            outcome(mod, lambda: s.setsockopt(SOL, RA, "1")),
            outcome(mod, lambda: s.setsockopt(SOL, RA, 1.0)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, 2 ** 31)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, 2 ** 40)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, -1)),
            outcome(mod, lambda: s.setsockopt(SOL, RA)),
            outcome(mod, lambda: s.setsockopt(SOL)),
            outcome(mod, lambda: s.setsockopt("x", RA, 1)),
            outcome(mod, lambda: s.setsockopt(SOL, 99999, 1)),
            outcome(mod, lambda: s.setsockopt(SOL, RA, 1, 4, 5)),
            outcome(mod, lambda: u.setsockopt(mod.IPPROTO_IP, mod.IP_TTL, 256)),
            outcome(mod, lambda: s.getsockopt(SOL, RA)),
        ]
    finally:
        s.close()
        u.close()


def test_setsockopt_forms_and_errors(sm):
    got = _set_forms(sm)
    assert got[0][:2] == ("raise", "OSError")      # NULL optval, optlen 0: EINVAL
    assert got[6] == ("ok", None)
    assert got == _set_forms(STDLIB)


def _get_forms(mod):
    s = mod.socket()
    SOL, T = mod.SOL_SOCKET, mod.SO_TYPE
    try:
        return [
            outcome(mod, lambda: s.getsockopt(SOL, T)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 4)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 1024)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 1025)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 0)),
            outcome(mod, lambda: s.getsockopt(SOL, T, -1)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 1)),
            outcome(mod, lambda: s.getsockopt(SOL, T, "4")),
            outcome(mod, lambda: s.getsockopt(SOL, 99999)),
            outcome(mod, lambda: s.getsockopt(SOL)),
            outcome(mod, lambda: s.getsockopt(SOL, T, 4, 4)),
            outcome(mod, lambda: s.getsockopt(mod.IPPROTO_TCP, mod.TCP_INFO, 8)),
        ]
    finally:
        s.close()


def test_getsockopt_forms_and_errors(sm):
    got = _get_forms(sm)
    assert got[0] == ("ok", sm.SOCK_STREAM)
    assert got[3][:2] == ("raise", "OSError")     # buflen out of range
    assert got == _get_forms(STDLIB)
