"""AF_QIPCRTR (node, port) addresses (Qualcomm IPC router, <linux/qrtr.h>)."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_QIPCRTR = 42
SOCK_DGRAM = 2


@pytest.mark.parametrize("addr, expected", [
    ((0, 0), (0, 0)),
    ((1, 0x4000), (1, 0x4000)),
    ((-1, -2), (0xFFFFFFFF, 0xFFFFFFFE)),
])
def test_round_trip(addr, expected):
    raw = parse_addr(AF_QIPCRTR, SOCK_DGRAM, 0, addr)
    # struct sockaddr_qrtr: family, __u32 node, __u32 port
    assert raw == struct.pack("=HxxII", AF_QIPCRTR, *expected)
    assert build_addr(raw) == expected


@pytest.mark.skipif(not hasattr(stdlib, "AF_QIPCRTR"),
                    reason="the stdlib of this Python has no AF_QIPCRTR")
@pytest.mark.parametrize("addr", [(1, 2), (-1, 2), (1, 2, 3), (1,), [1, 2], "x", (1.0, 2)])
def test_parse_matches_stdlib(addr):
    assert outcome(pysocket, AF_QIPCRTR, SOCK_DGRAM, 0, addr) == \
        outcome(stdlib, AF_QIPCRTR, SOCK_DGRAM, 0, addr)


def test_bind_getsockname():
    reason = kernel_lacks(AF_QIPCRTR, SOCK_DGRAM)
    if reason:
        pytest.skip(reason)
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_QIPCRTR, SOCK_DGRAM) as s:
            names.append(s.getsockname())
    assert names[0][0] == names[1][0]          # this node
