"""AF_ALG (type, name[, feat[, mask]]) addresses, the kernel crypto API;
Documentation/crypto/userspace-if.rst, <linux/if_alg.h>."""
import hashlib
import struct

import pytest

from addr_family_util import (build_addr, kernel_lacks, outcome, parse_addr,
                              pysocket, stdlib)

AF_ALG = 38
SOCK_SEQPACKET = 5


def sockaddr_alg(type_, name, feat=0, mask=0):
    # __u16 family, __u8 type[14], __u32 feat, __u32 mask, __u8 name[64]
    return struct.pack("=H14sII64s", AF_ALG, type_, feat, mask, name)


@pytest.mark.parametrize("addr, raw, built", [
    (("hash", "sha256"), sockaddr_alg(b"hash", b"sha256"), ("hash", "sha256", 0, 0)),
    (("skcipher", "cbc(aes)", 1, 2), sockaddr_alg(b"skcipher", b"cbc(aes)", 1, 2),
     ("skcipher", "cbc(aes)", 1, 2)),
    # feat and mask go through the stdlib's "H": the low 16 bits are kept
    (("aead", "gcm(aes)", 0x12345, -1), sockaddr_alg(b"aead", b"gcm(aes)", 0x2345, 0xFFFF),
     ("aead", "gcm(aes)", 0x2345, 0xFFFF)),
    (("t" * 13, "n" * 63), sockaddr_alg(b"t" * 13, b"n" * 63), ("t" * 13, "n" * 63, 0, 0)),
])
def test_round_trip(addr, raw, built):
    assert parse_addr(AF_ALG, SOCK_SEQPACKET, 0, addr) == raw
    assert build_addr(raw) == built


def test_build_full_width_fields():
    # a kernel-filled name without NUL stops at the field's end; feat/mask are 32-bit
    raw = struct.pack("=H14sII64s", AF_ALG, b"x" * 14, 0x10000, 7, b"y" * 64)
    assert build_addr(raw) == ("x" * 14, "y" * 64, 0x10000, 7)


@pytest.mark.skipif(not hasattr(stdlib, "AF_ALG"),
                    reason="the stdlib of this Python has no AF_ALG")
@pytest.mark.parametrize("addr", [
    ("hash", "sha256"), ("hash", "sha256", 70000), ("hash", "sha256", -1, -1),
    ("hash", "sha256", 1.0), ("h" * 14, "x"), ("hash", "x" * 64), ("hash",),
    ("a", "b", 1, 2, 3), "x", ["hash", "sha256"], (b"hash", "x"), ("hash", b"x"),
    ("ha\0sh", "x"), ("hash", "\udc80"),
])
@pytest.mark.parametrize("method", ["connect", "bind"])
def test_parse_matches_stdlib(addr, method):
    assert outcome(pysocket, AF_ALG, SOCK_SEQPACKET, 0, addr, method) == \
        outcome(stdlib, AF_ALG, SOCK_SEQPACKET, 0, addr, method)


def test_kernel_sha256():
    reason = kernel_lacks(AF_ALG, SOCK_SEQPACKET)
    if reason:
        pytest.skip(reason)
    with pysocket.socket(AF_ALG, SOCK_SEQPACKET) as algo:
        algo.bind(("hash", "sha256"))
        op, _ = algo.accept()
        with op:
            op.sendall(b"pysocket")
            assert op.recv(32) == hashlib.sha256(b"pysocket").digest()
