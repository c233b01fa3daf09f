"""AF_VSOCK (cid, port) addresses and 64-bit options; vsock(7)."""
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_VSOCK = 40
SOCK_STREAM = 1
CID_ANY = PORT_ANY = 0xFFFFFFFF
SO_VM_SOCKETS_BUFFER_SIZE = 0

pytestmark = pytest.mark.skipif(not hasattr(stdlib, "AF_VSOCK"),
                                reason="the stdlib of this Python has no AF_VSOCK")


@pytest.mark.parametrize("addr, expected", [
    ((CID_ANY, PORT_ANY), (CID_ANY, PORT_ANY)),
    ((-1, -1), (CID_ANY, PORT_ANY)),
    ((2, 1024), (2, 1024)),
    ((2**33 + 3, 80), (3, 80)),
])
def test_round_trip(addr, expected):
    raw = parse_addr(AF_VSOCK, SOCK_STREAM, 0, addr)
    # struct sockaddr_vm: family, reserved1, port, cid, svm_zero[4]
    assert raw == struct.pack("=HHII4x", AF_VSOCK, 0, expected[1], expected[0])
    assert build_addr(raw) == expected


@pytest.mark.parametrize("addr", [
    (2, 1024), (-1, -1), (1, 2, 3), (1,), [1, 2], 5, "x", (1.5, 2), ("2", 3),
])
def test_parse_matches_stdlib(addr):
    assert outcome(pysocket, AF_VSOCK, SOCK_STREAM, 0, addr) == \
        outcome(stdlib, AF_VSOCK, SOCK_STREAM, 0, addr)


def _real():
    reason = kernel_lacks(AF_VSOCK, SOCK_STREAM)
    if reason:
        pytest.skip(reason)


def test_bind_any_and_getsockname():
    _real()
    names = {}
    for mod in (pysocket, stdlib):
        with mod.socket(AF_VSOCK, SOCK_STREAM) as s:
            assert s.getsockname() == (CID_ANY, PORT_ANY)   # unbound
            s.bind((CID_ANY, PORT_ANY))
            names[mod] = s.getsockname()
    ours, theirs = names[pysocket], names[stdlib]
    assert ours[0] == theirs[0] == CID_ANY
    assert all(type(x) is int for x in ours)
    # the kernel picks a free port for PORT_ANY (different per socket)
    assert ours[1] != PORT_ANY and theirs[1] != PORT_ANY


@pytest.mark.parametrize("call", [
    ("getsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE)),
    ("getsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, 8)),
    ("setsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, 65536)),
    ("setsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, b"\0" * 8)),
    ("setsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, None, 8)),
    ("setsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, 1.5)),
    ("setsockopt", (AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, 2**64 + 65536)),
])
def test_options_are_64_bit_like_stdlib(call):
    _real()
    results = []
    for mod in (pysocket, stdlib):
        with mod.socket(AF_VSOCK, SOCK_STREAM) as s:
            try:
                r = getattr(s, call[0])(*call[1])
                results.append(("ok", r, s.getsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE)))
            except Exception as exc:  # noqa: BLE001
                results.append((type(exc).__name__, str(exc)))
    assert results[0] == results[1]
