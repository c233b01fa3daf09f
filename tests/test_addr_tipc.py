"""AF_TIPC addresses, all three types; tipc(7), <linux/tipc.h>."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_TIPC = 30
SOCK_RDM = 4
NAMESEQ, NAME, ID = 1, 2, 3
CLUSTER_SCOPE = 2


def sockaddr_tipc(addrtype, scope, a, b, c):
    # family, addrtype, signed scope, a union of three __u32 (name: type, instance, domain)
    return struct.pack("=HBbIII", AF_TIPC, addrtype, scope, a, b, c)


@pytest.mark.parametrize("addr, raw, built", [
    ((NAMESEQ, 18888, 1, 5), sockaddr_tipc(NAMESEQ, CLUSTER_SCOPE, 18888, 1, 5),
     (NAMESEQ, 18888, 1, 5, CLUSTER_SCOPE)),
    ((NAME, 18888, 7, 99, 3), sockaddr_tipc(NAME, 3, 18888, 7, 0),
     (NAME, 18888, 7, 7, 3)),                      # v3 is ignored; built as instance
    ((ID, 0x1001002, 1234, 5), sockaddr_tipc(ID, CLUSTER_SCOPE, 1234, 0x1001002, 0),
     (ID, 0x1001002, 1234, 0, CLUSTER_SCOPE)),     # struct tipc_portid is {ref, node}
])
def test_round_trip(addr, raw, built):
    assert parse_addr(AF_TIPC, SOCK_RDM, 0, addr) == raw
    assert build_addr(raw) == built


def test_build_bad_type_is_value_error():
    with pytest.raises(ValueError, match="Invalid address type"):
        build_addr(sockaddr_tipc(9, 2, 0, 0, 0))


def test_build_negative_scope():
    assert build_addr(sockaddr_tipc(NAMESEQ, -1, 1, 2, 3)) == (NAMESEQ, 1, 2, 3, 0xFFFFFFFF)


@pytest.mark.skipif(not hasattr(stdlib, "AF_TIPC"),
                    reason="the stdlib of this Python has no AF_TIPC")
@pytest.mark.parametrize("addr", [
    (NAMESEQ, 1, 2, 3), (NAME, 1, 2, 3, 1), (ID, 1, 2, 3), (9, 1, 2, 3), (257, 1, 2, 3),
    (1, 2, 3), (1, 2, 3, 4, 5, 6), [1, 2, 3, 4], "x", (1, 2, 3, 4.0), (1, 2, "3", 4),
])
def test_parse_matches_stdlib(addr):
    assert outcome(pysocket, AF_TIPC, SOCK_RDM, 0, addr) == \
        outcome(stdlib, AF_TIPC, SOCK_RDM, 0, addr)


def test_kernel_bind_getsockname():
    reason = kernel_lacks(AF_TIPC, SOCK_RDM)
    if reason:
        pytest.skip(reason)
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_TIPC, SOCK_RDM) as s:
            s.bind((NAMESEQ, 18888 + len(names), 0, 10))
            names.append(s.getsockname())
    assert names[0][0] == names[1][0] == ID and names[0][1] == names[1][1]
