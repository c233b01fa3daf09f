"""AF_PACKET (ifname, proto[, pkttype[, hatype[, addr]]]) addresses; packet(7).

The real test sends a raw Ethernet frame across a veth pair joining two
network namespaces the test creates, with stdlib and pysocket at either end.
"""
import os
import shutil
import struct
import subprocess
import sys

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_PACKET = 17
SOCK_RAW, SOCK_DGRAM = 3, 2
PACKET_HOST, PACKET_BROADCAST = 0, 1
ARPHRD_ETHER, ARPHRD_LOOPBACK = 1, 772
LO = stdlib.if_nametoindex("lo")
ETH_P_TEST = 0x88B5           # IEEE 802 "local experimental" EtherType
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sockaddr_ll(ifindex, proto, pkttype=0, hatype=0, addr=b""):
    # family, __be16 protocol, int ifindex, u16 hatype, u8 pkttype, u8 halen, u8 addr[8]
    return (struct.pack("=H", AF_PACKET) + struct.pack("!H", proto)
            + struct.pack("=iHBB8s", ifindex, hatype, pkttype, len(addr), addr))


@pytest.mark.parametrize("addr, raw, built", [
    (("lo", 0x0800), sockaddr_ll(LO, 0x0800), ("lo", 0x0800, 0, 0, b"")),
    (("lo", 3, PACKET_BROADCAST, ARPHRD_LOOPBACK, b"\1\2\3\4\5\6"),
     sockaddr_ll(LO, 3, PACKET_BROADCAST, ARPHRD_LOOPBACK, b"\1\2\3\4\5\6"),
     ("lo", 3, PACKET_BROADCAST, ARPHRD_LOOPBACK, b"\1\2\3\4\5\6")),
    (("lo", 0xFFFF, 256 + 4, 65536 + 7, bytearray(8)),   # pkttype/hatype truncate
     sockaddr_ll(LO, 0xFFFF, 4, 7, bytes(8)), ("lo", 0xFFFF, 4, 7, bytes(8))),
])
def test_round_trip(addr, raw, built):
    assert parse_addr(AF_PACKET, SOCK_RAW, 0, addr) == raw
    assert build_addr(raw) == built


def test_build_unknown_ifindex_gives_empty_name():
    assert build_addr(sockaddr_ll(2**31 - 1, 1))[0] == ""


@pytest.mark.parametrize("addr", [
    ("lo", 0x0800), ("lo", 0), ("lo", -1), ("lo", 65536), ("lo", 2**40), ("lo", 1, 2**40),
    ("lo", 1, 0, 0, b"123456789"), ("lo", 1, 0, 0, "str"), ("lo", 1, 0, 0, memoryview(b"ab")),
    ("nosuchif0", 1), ("", 1), ("lo" + "x" * 20, 1), (b"lo", 1), ("lo",),
    ("lo", 1, 2, 3, b"", 5), "lo", ["lo", 1], ("lo", 1.0), ("lo", "1"), ("l\0o", 1),
])
@pytest.mark.parametrize("method", ["connect", "bind"])
def test_parse_matches_stdlib(addr, method):
    assert outcome(pysocket, AF_PACKET, SOCK_RAW, 0, addr, method) == \
        outcome(stdlib, AF_PACKET, SOCK_RAW, 0, addr, method)


def test_kernel_bind_loopback_getsockname():
    reason = kernel_lacks(AF_PACKET, SOCK_DGRAM)
    if reason:
        pytest.skip(reason)
    names = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_PACKET, SOCK_DGRAM) as s:
            s.bind(("lo", ETH_P_TEST))
            names.append(s.getsockname())
    assert names[0] == names[1] == ("lo", ETH_P_TEST, PACKET_HOST, ARPHRD_LOOPBACK, bytes(6))


# ---- a frame across a veth pair between two namespaces --------------------

MAC_A, MAC_B = "02:00:5e:00:53:01", "02:00:5e:00:53:02"   # locally administered

RECEIVER = r"""
import importlib, sys
mod = importlib.import_module(sys.argv[1])
s = mod.socket(17, mod.SOCK_RAW, 0)
s.settimeout(60)
s.bind((sys.argv[2], int(sys.argv[3])))
print(repr(s.getsockname()), flush=True)
data, addr = s.recvfrom(2048)
print(repr((data[:64], addr)), flush=True)
"""

SENDER = r"""
import importlib, sys
mod = importlib.import_module(sys.argv[1])
s = mod.socket(17, mod.SOCK_RAW, 0)
frame = bytes.fromhex(sys.argv[4]) + bytes.fromhex(sys.argv[5]) \
    + int(sys.argv[3]).to_bytes(2, "big") + b"pysocket over veth".ljust(46, b".")
print(s.sendto(frame, (sys.argv[2], int(sys.argv[3]))), flush=True)
"""


def _ip(*args):
    return subprocess.run(["ip"] + list(args), capture_output=True, text=True)


@pytest.fixture
def veth_pair():
    if shutil.which("ip") is None:
        pytest.skip("iproute2's ip(8) is not installed")
    reason = kernel_lacks(AF_PACKET, SOCK_RAW)
    if reason:
        pytest.skip(reason)
    tag = "pyskt%d" % os.getpid()
    ns_a, ns_b = tag + "a", tag + "b"
    r = _ip("netns", "add", ns_a)
    if r.returncode != 0:
        pytest.skip("cannot create a network namespace: " + r.stderr.strip())
    try:
        steps = [
            ("netns", "add", ns_b),
            ("-n", ns_a, "link", "add", "veth0", "address", MAC_A, "type", "veth",
             "peer", "name", "veth1", "address", MAC_B, "netns", ns_b),
            ("-n", ns_a, "link", "set", "veth0", "up"),
            ("-n", ns_b, "link", "set", "veth1", "up"),
        ]
        for step in steps:
            r = _ip(*step)
            if r.returncode != 0:
                pytest.skip("ip %s failed: %s" % (" ".join(step), r.stderr.strip()))
        yield ns_a, ns_b
    finally:
        _ip("netns", "del", ns_a)
        _ip("netns", "del", ns_b)


def _in_ns(ns, code, *args):
    env = dict(os.environ, PYTHONPATH=REPO + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(["ip", "netns", "exec", ns, sys.executable, "-c", code]
                            + [str(a) for a in args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=REPO)


def _exchange(ns_a, ns_b, sender_mod, receiver_mod):
    dst, src = MAC_B.replace(":", ""), MAC_A.replace(":", "")
    rx = _in_ns(ns_b, RECEIVER, receiver_mod, "veth1", ETH_P_TEST)
    try:
        bound = rx.stdout.readline()          # printed once bound: no race
        assert bound, rx.stderr.read()
        tx = _in_ns(ns_a, SENDER, sender_mod, "veth0", ETH_P_TEST, dst, src)
        sent, err = tx.communicate(timeout=60)
        assert tx.returncode == 0, err
        out, err = rx.communicate(timeout=60)
        assert rx.returncode == 0, err
    finally:
        if rx.poll() is None:
            rx.kill()
            rx.communicate()
    return eval(bound), int(sent), eval(out)    # reprs of our own tuples/bytes


@pytest.mark.parametrize("sender, receiver", [
    ("socket", "socket"), ("pysocket", "pysocket"),
    ("pysocket", "socket"), ("socket", "pysocket"),
])
def test_frame_across_veth(veth_pair, sender, receiver):
    bound, sent, (data, addr) = _exchange(*veth_pair, sender, receiver)
    # getsockname() after bind: our interface, EtherType and own MAC
    assert bound == ("veth1", ETH_P_TEST, PACKET_HOST, ARPHRD_ETHER,
                     bytes.fromhex(MAC_B.replace(":", "")))
    assert sent == 60
    assert data[:14] == bytes.fromhex(MAC_B.replace(":", "") + MAC_A.replace(":", "")) \
        + ETH_P_TEST.to_bytes(2, "big")
    assert data[14:32] == b"pysocket over veth"
    # recvfrom()'s address: the receiving interface, the EtherType, the frame
    # was for this host, Ethernet, and the sender's MAC
    assert addr == ("veth1", ETH_P_TEST, PACKET_HOST, ARPHRD_ETHER,
                    bytes.fromhex(MAC_A.replace(":", "")))
