"""AF_CAN addresses: (interface,) for CAN_RAW/CAN_BCM, (interface, rx, tx)
for CAN_ISOTP, (interface, name, pgn, addr) for CAN_J1939;
Documentation/networking/can.rst, <linux/can.h>."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_CAN = 29
SOCK_RAW, SOCK_DGRAM = 3, 2
CAN_RAW, CAN_BCM, CAN_ISOTP, CAN_J1939 = 1, 2, 6, 7
LO = stdlib.if_nametoindex("lo")      # any existing interface will do for parsing


def sockaddr_can(ifindex, tail=b""):
    # family, pad, int ifindex, then the 16-byte protocol union (tp or j1939)
    return struct.pack("=Hxxi", AF_CAN, ifindex) + tail.ljust(16, b"\0")


@pytest.mark.parametrize("proto, addr, raw, built", [
    (CAN_RAW, ("lo",), sockaddr_can(LO), ("lo",)),
    (CAN_RAW, ("",), sockaddr_can(0), ("",)),
    (CAN_BCM, (b"lo",), sockaddr_can(LO), ("lo",)),
    (CAN_ISOTP, ("lo", 0x123, 0x456), sockaddr_can(LO, struct.pack("=II", 0x123, 0x456)),
     ("lo", 0x123, 0x456)),
    (CAN_ISOTP, ("", 2**32 + 1, -1), sockaddr_can(0, struct.pack("=II", 1, 0xFFFFFFFF)),
     ("", 1, 0xFFFFFFFF)),
    (CAN_J1939, ("lo", 2**64 - 1, 0x3FFFF, 0x80),
     sockaddr_can(LO, struct.pack("=QIB", 2**64 - 1, 0x3FFFF, 0x80)),
     ("lo", 2**64 - 1, 0x3FFFF, 0x80)),
    (CAN_J1939, ("", 0, -1, 0x1FE),      # pgn "I" and addr "B" are truncated
     sockaddr_can(0, struct.pack("=QIB", 0, 0xFFFFFFFF, 0xFE)), ("", 0, 0xFFFFFFFF, 0xFE)),
])
def test_round_trip(proto, addr, raw, built):
    assert parse_addr(AF_CAN, SOCK_DGRAM, proto, addr) == raw
    assert build_addr(raw, proto) == built


def test_build_unknown_ifindex_gives_empty_name():
    assert build_addr(sockaddr_can(2**31 - 1), CAN_RAW) == ("",)


CASES = [
    (CAN_RAW, ("lo",)), (CAN_RAW, ("",)), (CAN_RAW, (b"lo",)), (CAN_RAW, ("nosuchif0",)),
    (CAN_RAW, ("x" * 16,)), (CAN_RAW, ("lo", 1)), (CAN_RAW, ()), (CAN_RAW, "lo"),
    (CAN_RAW, (1,)), (CAN_RAW, ("l\0o",)), (CAN_BCM, ("lo",)), (CAN_BCM, ["lo"]),
    (CAN_ISOTP, ("lo", 1, 2)), (CAN_ISOTP, ("lo", 1)), (CAN_ISOTP, ("lo", 1.0, 2)),
    (CAN_ISOTP, ("nosuchif0", 1, 2)), (CAN_ISOTP, ("lo", -1, 2**40)),
    (CAN_J1939, ("lo", 1, 2, 3)), (CAN_J1939, ("lo", 1, 2)), (CAN_J1939, ("lo", 1.0, 2, 3)),
    (CAN_J1939, ("lo", -1, 2, 300)), (CAN_J1939, ("x" * 20, 1, 2, 3)),
    (5, ("lo",)), (0, ("lo",)),
]


@pytest.mark.skipif(not hasattr(stdlib, "AF_CAN"),
                    reason="the stdlib of this Python has no AF_CAN")
@pytest.mark.parametrize("proto, addr", CASES)
def test_parse_matches_stdlib(proto, addr):
    assert outcome(pysocket, AF_CAN, SOCK_DGRAM, proto, addr) == \
        outcome(stdlib, AF_CAN, SOCK_DGRAM, proto, addr)


@pytest.mark.skipif(not hasattr(stdlib, "AF_CAN"),
                    reason="the stdlib of this Python has no AF_CAN")
@pytest.mark.parametrize("proto", [CAN_ISOTP, CAN_J1939])
def test_non_tuple_isotp_j1939_is_type_error(proto):
    # The stdlib reaches PyArg_ParseTuple with a non-tuple here and raises
    # SystemError (an internal-error type); pysocket raises the TypeError the
    # RAW/BCM forms give.  Deliberate difference.
    ours = outcome(pysocket, AF_CAN, SOCK_DGRAM, proto, "lo")
    theirs = outcome(stdlib, AF_CAN, SOCK_DGRAM, proto, "lo")
    assert ours[0] == "TypeError" and theirs[0] in ("SystemError", "TypeError")


def test_kernel_raw_bind():
    reason = kernel_lacks(AF_CAN, SOCK_RAW, CAN_RAW)
    if reason:
        pytest.skip(reason)
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_CAN, SOCK_RAW, CAN_RAW) as s:
            s.bind(("",))                  # every CAN interface
            names.append(s.getsockname())
    assert names[0] == names[1] == ("",)
