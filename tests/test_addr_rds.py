"""AF_RDS addresses: IPv4 (host, port) in a sockaddr_in; rds(7)."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_RDS = 21
SOCK_SEQPACKET = 5


def test_round_trip_is_inet():
    raw = parse_addr(AF_RDS, SOCK_SEQPACKET, 0, ("127.0.0.1", 4000))
    assert raw == struct.pack("=H", 2) + struct.pack("!H4s", 4000, bytes([127, 0, 0, 1])) + bytes(8)
    assert build_addr(raw) == ("127.0.0.1", 4000)


@pytest.mark.skipif(not hasattr(stdlib, "AF_RDS"),
                    reason="the stdlib of this Python has no AF_RDS")
@pytest.mark.parametrize("addr", [
    ("127.0.0.1", 4000), ("127.0.0.1", -1), ("127.0.0.1", 70000), ("127.0.0.1",),
    ["127.0.0.1", 1], "x", ("127.0.0.1", 1.5), (b"127.0.0.1", 1), ("", 0),
])
@pytest.mark.parametrize("method", ["connect", "bind"])
def test_parse_matches_stdlib(addr, method):
    # type and errno: the message texts are the AF_INET parser's (test_addr_inet)
    assert outcome(pysocket, AF_RDS, SOCK_SEQPACKET, 0, addr, method)[:2] == \
        outcome(stdlib, AF_RDS, SOCK_SEQPACKET, 0, addr, method)[:2]


def test_kernel_bind_loopback():
    reason = kernel_lacks(AF_RDS, SOCK_SEQPACKET)
    if reason:
        pytest.skip(reason)
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_RDS, SOCK_SEQPACKET) as s:
            s.bind(("127.0.0.1", 0))
            names.append(s.getsockname()[0])
    assert names == ["127.0.0.1", "127.0.0.1"]
