"""Shared helpers for the tests/test_addr_<family>.py files.

outcome() runs one bind()/connect() of an address through a socket object
of a given family laid over a plain UDP socket's fd (socket(..., fileno=)):
the address is parsed for that family, then the kernel call fails on the
UDP socket (EAFNOSUPPORT/EINVAL) -- so the family's *parser* can be compared
between the stdlib and pysocket even where the kernel lacks the family.
"""
import errno
import os
import socket as stdlib

import pysocket
from pysocket import _socket as _c

parse_addr = _c._parse_addr
build_addr = _c._build_addr


def outcome(mod, family, type_, proto, address, method="connect"):
    """('ok',) or (exception type name, errno, message) of sock.method(address)."""
    carrier = stdlib.socket(stdlib.AF_INET, stdlib.SOCK_DGRAM)
    sock = mod.socket(family, type_, proto, fileno=carrier.detach())
    try:
        getattr(sock, method)(address)
        return ("ok",)
    except Exception as exc:  # noqa: BLE001 -- the type is what we compare
        return (type(exc).__name__, getattr(exc, "errno", None), str(exc))
    finally:
        sock.close()


def kernel_lacks(family, type_, proto=0):
    """None if this kernel can make such a socket, else the precise reason."""
    try:
        s = stdlib.socket(family, type_, proto)
    except OSError as exc:
        return "kernel refuses socket(%d, %d, %d): %s (errno %s)" % (
            family, type_, proto, os.strerror(exc.errno), errno.errorcode.get(exc.errno))
    s.close()
    return None


def stdlib_has(name):
    return hasattr(stdlib, name)


__all__ = ["outcome", "kernel_lacks", "stdlib_has", "parse_addr", "build_addr",
           "stdlib", "pysocket"]
