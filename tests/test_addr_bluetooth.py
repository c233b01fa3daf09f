"""AF_BLUETOOTH addresses (L2CAP, RFCOMM, HCI, SCO) and constants.

This machine's CPython was built without Bluetooth headers, so the stdlib
has no AF_BLUETOOTH to compare with here; the expectations below are the
stdlib's documented forms and the kernel's struct layouts (l2cap.h,
rfcomm.h, hci.h, sco.h).  Where the running stdlib does have the family,
parsing is compared with it directly.
"""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_BLUETOOTH = 31
L2CAP, HCI, SCO, RFCOMM = 0, 1, 2, 3
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_SEQPACKET = 1, 2, 3, 5
BDADDR = "01:23:45:67:89:AB"
BDADDR_RAW = bytes([0xAB, 0x89, 0x67, 0x45, 0x23, 0x01])   # bdaddr_t is reversed


def l2(psm, cid=0, type_=0):
    return struct.pack("=HH6sHBx", AF_BLUETOOTH, psm, BDADDR_RAW, cid, type_)


@pytest.mark.parametrize("proto, addr, raw, built", [
    (L2CAP, (BDADDR, 0x1001), l2(0x1001), (BDADDR, 0x1001)),
    (L2CAP, (BDADDR.lower(), 5, 0x40), l2(5, 0x40), (BDADDR, 5, 0x40)),
    (L2CAP, (BDADDR, 0, 4, 1), l2(0, 4, 1), (BDADDR, 0, 4, 1)),
    (L2CAP, (BDADDR, 0x10001, 0, 2), l2(1, 0, 2), (BDADDR, 1, 0, 2)),   # "H" truncates
    (RFCOMM, (BDADDR, 3), struct.pack("=H6sBx", AF_BLUETOOTH, BDADDR_RAW, 3), (BDADDR, 3)),
    (RFCOMM, ("0:0:0:0:0:0", 30), struct.pack("=H6sBx", AF_BLUETOOTH, bytes(6), 30),
     ("00:00:00:00:00:00", 30)),
    (HCI, 0, struct.pack("=HHH", AF_BLUETOOTH, 0, 0), 0),
    (HCI, (2,), struct.pack("=HHH", AF_BLUETOOTH, 2, 0), 2),
    (HCI, (0xFFFF, 3), struct.pack("=HHH", AF_BLUETOOTH, 0xFFFF, 3), (0xFFFF, 3)),
    (SCO, BDADDR, struct.pack("=H6s", AF_BLUETOOTH, BDADDR_RAW), BDADDR),
    (SCO, BDADDR.encode(), struct.pack("=H6s", AF_BLUETOOTH, BDADDR_RAW), BDADDR),
])
def test_round_trip(proto, addr, raw, built):
    assert parse_addr(AF_BLUETOOTH, SOCK_STREAM, proto, addr) == raw
    assert build_addr(raw, proto) == built


BAD = [
    # (proto, address, exception, message)
    (L2CAP, (BDADDR,), OSError, "_parse_addr(): wrong format"),
    (L2CAP, BDADDR, OSError, "_parse_addr(): wrong format"),
    (L2CAP, (BDADDR, 1.5), OSError, "_parse_addr(): wrong format"),
    (L2CAP, (b"01:02:03:04:05:06", 1), OSError, "_parse_addr(): wrong format"),
    (L2CAP, ("01:02:03:04:05", 1), OSError, "bad bluetooth address"),
    (L2CAP, ("01:02:03:04:05:06:07", 1), OSError, "bad bluetooth address"),
    (L2CAP, ("01:02:03:04:05:100", 1), OSError, "bad bluetooth address"),
    (L2CAP, ("01:02:03:04:05:0g", 1), OSError, "bad bluetooth address"),
    (RFCOMM, (BDADDR, 1, 2), OSError, "_parse_addr(): wrong format"),
    (RFCOMM, [BDADDR, 1], OSError, "_parse_addr(): wrong format"),
    (RFCOMM, ("zz", 1), OSError, "bad bluetooth address"),
    (HCI, (1, 2, 3), OSError, "_parse_addr(): wrong format"),
    (HCI, "0", OSError, "_parse_addr(): wrong format"),
    (HCI, 1.0, OSError, "_parse_addr(): wrong format"),
    (SCO, 5, OSError, "_parse_addr(): wrong format"),
    (SCO, "nope", OSError, "bad bluetooth address"),
    (SCO, b"01:02:03\0:04:05:06", ValueError, "embedded null byte"),
    (SCO, "01:02:03\0:04:05:06", ValueError, "embedded null character"),
    (7, (BDADDR, 1), OSError, "_parse_addr(): unknown Bluetooth protocol"),
]


@pytest.mark.parametrize("proto, addr, exc, msg", BAD)
def test_bad_addresses(proto, addr, exc, msg):
    with pytest.raises(exc) as info:
        parse_addr(AF_BLUETOOTH, SOCK_STREAM, proto, addr)
    assert type(info.value) is exc and str(info.value) == msg


def test_build_unknown_protocol():
    with pytest.raises(ValueError, match="Unknown Bluetooth protocol"):
        build_addr(struct.pack("=H6s", AF_BLUETOOTH, BDADDR_RAW), 7)


def test_constants_kernel_values():
    expected = dict(
        AF_BLUETOOTH=31, BTPROTO_L2CAP=0, BTPROTO_HCI=1, BTPROTO_SCO=2, BTPROTO_RFCOMM=3,
        SOL_HCI=0, SOL_L2CAP=6, SOL_SCO=17, SOL_RFCOMM=18, SOL_BLUETOOTH=274,
        HCI_DATA_DIR=1, HCI_FILTER=2, HCI_TIME_STAMP=3, HCI_DEV_NONE=0xFFFF,
        HCI_CHANNEL_RAW=0, HCI_CHANNEL_USER=1, HCI_CHANNEL_MONITOR=2,
        HCI_CHANNEL_CONTROL=3, HCI_CHANNEL_LOGGING=4,
        BDADDR_BREDR=0, BDADDR_LE_PUBLIC=1, BDADDR_LE_RANDOM=2,
        BT_SECURITY=4, BT_DEFER_SETUP=7, BT_FLUSHABLE=8, BT_POWER=9, BT_CHANNEL_POLICY=10,
        BT_VOICE=11, BT_SNDMTU=12, BT_RCVMTU=13, BT_PHY=14, BT_MODE=15,
        BT_PKT_STATUS=16, BT_ISO_QOS=17, BT_CODEC=19,
        BDADDR_ANY="00:00:00:00:00:00", BDADDR_LOCAL="00:00:00:FF:FF:FF",
    )
    assert {k: getattr(pysocket._socket, k, None) for k in expected} == expected
    # and whatever the running stdlib has, pysocket has with the same value
    shared = [n for n in dir(stdlib) if n.startswith(("BTPROTO_", "HCI_", "BDADDR_",
                                                       "BT_", "SOL_HCI", "SOL_L2CAP",
                                                       "SOL_RFCOMM", "SOL_SCO",
                                                       "SOL_BLUETOOTH", "L2CAP_"))]
    assert {n: getattr(pysocket._socket, n, None) for n in shared} == \
        {n: getattr(stdlib, n) for n in shared}


@pytest.mark.skipif(not hasattr(stdlib, "AF_BLUETOOTH"),
                    reason="this Python's stdlib was built without Bluetooth headers")
@pytest.mark.parametrize("proto, addr", [(p, a) for p, a, _e, _m in BAD] + [
    (L2CAP, (BDADDR, 1)), (RFCOMM, (BDADDR, 1)), (HCI, 0), (SCO, BDADDR)])
def test_parse_matches_stdlib(proto, addr):
    ours = outcome(pysocket, AF_BLUETOOTH, SOCK_SEQPACKET, proto, addr)
    theirs = outcome(stdlib, AF_BLUETOOTH, SOCK_SEQPACKET, proto, addr)
    assert ours[:2] == theirs[:2]


def test_kernel_hci_bind():
    reason = kernel_lacks(AF_BLUETOOTH, SOCK_RAW, HCI)
    if reason:
        pytest.skip(reason)
    with pysocket.socket(AF_BLUETOOTH, SOCK_RAW, HCI) as s:
        try:
            s.bind((0xFFFF, 2))                     # HCI_DEV_NONE, the monitor channel
        except PermissionError:
            pytest.skip("binding the HCI monitor channel needs CAP_NET_RAW")
        assert s.getsockname() == (0xFFFF, 2)
