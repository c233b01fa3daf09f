"""AF_NETLINK (pid, groups) addresses; netlink(7), rtnetlink(7)."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_NETLINK = 16
NETLINK_ROUTE = 0
SOCK_RAW = 3

pytestmark = pytest.mark.skipif(not hasattr(stdlib, "AF_NETLINK"),
                                reason="the stdlib of this Python has no AF_NETLINK")


@pytest.mark.parametrize("addr, expected", [
    ((0, 0), (0, 0)),
    ((1234, 5), (1234, 5)),
    ((-1, 0), (0xFFFFFFFF, 0)),             # "I": truncated, not range-checked
    ((2**40 + 7, 2**32 + 1), (7, 1)),
    ((True, False), (1, 0)),
])
def test_round_trip(addr, expected):
    raw = parse_addr(AF_NETLINK, SOCK_RAW, 0, addr)
    # struct sockaddr_nl: family, pad, __u32 pid, __u32 groups
    assert raw == struct.pack("=HHII", AF_NETLINK, 0, *expected)
    assert build_addr(raw) == expected


@pytest.mark.parametrize("addr", [
    (0, 0), (-1, 0), (2**40, 2), (1, 2, 3), (1,), (), [1, 2], "x", None,
    (1.0, 2), ("1", 2), (1, None),
])
@pytest.mark.parametrize("method", ["connect", "bind"])
def test_parse_matches_stdlib(addr, method):
    assert outcome(pysocket, AF_NETLINK, SOCK_RAW, 0, addr, method) == \
        outcome(stdlib, AF_NETLINK, SOCK_RAW, 0, addr, method)


# rtnetlink(7): a dump of the links ------------------------------------------
NLMSG_HDR = "=LHHLL"           # len, type, flags, seq, pid
IFINFOMSG = "=BxHiII"          # family, pad, type, index, flags, change
NLMSG_DONE, NLMSG_ERROR = 3, 2
RTM_NEWLINK, RTM_GETLINK = 16, 18
NLM_F_REQUEST, NLM_F_DUMP = 0x1, 0x300
IFLA_IFNAME = 3


def _align(n):
    return (n + 3) & ~3


def dump_links(mod):
    """{ifindex: name} from an RTM_GETLINK dump, and the socket's address."""
    links = {}
    with mod.socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) as s:
        s.settimeout(30)
        s.bind((0, 0))
        local = s.getsockname()
        body = struct.pack(IFINFOMSG, 0, 0, 0, 0, 0)
        hdr = struct.pack(NLMSG_HDR, 16 + len(body), RTM_GETLINK,
                          NLM_F_REQUEST | NLM_F_DUMP, 1, 0)
        s.sendto(hdr + body, (0, 0))
        peers = set()
        while True:
            data, peer = s.recvfrom(1 << 16)
            peers.add(peer)
            off = 0
            while off < len(data):
                ln, typ, _flags, seq, _pid = struct.unpack_from(NLMSG_HDR, data, off)
                assert seq == 1
                if typ == NLMSG_DONE:
                    return links, local, peers
                assert typ != NLMSG_ERROR
                if typ == RTM_NEWLINK:
                    index = struct.unpack_from(IFINFOMSG, data, off + 16)[2]
                    a = off + 16 + struct.calcsize(IFINFOMSG)
                    while a < off + ln:
                        alen, atype = struct.unpack_from("=HH", data, a)
                        if atype == IFLA_IFNAME:
                            links[index] = data[a + 4:a + alen].rstrip(b"\0").decode()
                        a += _align(alen)
                off += _align(ln)


def test_route_dump_matches_if_nameindex():
    reason = kernel_lacks(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)
    if reason:
        pytest.skip(reason)
    ours, local, peers = dump_links(pysocket)
    theirs, std_local, std_peers = dump_links(stdlib)
    expected = dict(getattr(pysocket, "if_nameindex", stdlib.if_nameindex)())
    assert ours == expected == theirs
    # getsockname(): (kernel-assigned port id, no groups); recvfrom(): the kernel
    assert isinstance(local, tuple) and len(local) == 2 and local[0] != 0 and local[1] == 0
    assert type(local) is type(std_local) and all(type(x) is int for x in local)
    assert peers == std_peers == {(0, 0)}


def test_bind_explicit_pid_and_groups():
    reason = kernel_lacks(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)
    if reason:
        pytest.skip(reason)
    RTMGRP_LINK = 1
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) as s:
            s.bind((0, RTMGRP_LINK))
            names.append(s.getsockname()[1])
    assert names == [RTMGRP_LINK, RTMGRP_LINK]
