"""The module's integer constants (csrc/constants.c).

Differential: every int the running Python's stdlib `socket` module has must
exist in pysocket._socket with the same value.  On Linux, every name of the
CPython 3.13 snapshot (tests/data/socket313_linux_constants.json, made by
tests/data/make_snapshot.py) must exist too, on every Python version.
"""
import glob
import importlib.util
import json
import os
import platform
import socket
import sys
import sysconfig

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SNAPSHOT_PATH = os.path.join(HERE, "data", "socket313_linux_constants.json")


def _load_c_module():
    """pysocket._socket; if the package's __init__ cannot be imported yet,
    the in-place built extension loaded directly from pysocket/."""
    try:
        import pysocket._socket as mod
        return mod
    except Exception as exc:  # an unfinished pysocket/__init__.py
        first_error = exc
    for key in ("pysocket._socket", "pysocket"):
        sys.modules.pop(key, None)
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    paths = glob.glob(os.path.join(ROOT, "pysocket", "_socket" + suffix))
    if not paths:
        raise ImportError("pysocket._socket is not importable (%r) and no "
                          "in-place build %s exists: run 'python setup.py "
                          "build_ext --inplace'" % (first_error, suffix))
    spec = importlib.util.spec_from_file_location("pysocket._socket", paths[0])
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_ps = _load_c_module()

with open(SNAPSHOT_PATH, encoding="ascii") as _f:
    SNAPSHOT = json.load(_f)
SNAP = SNAPSHOT["constants"]

IS_LINUX = sys.platform.startswith("linux")

# Int names of the stdlib's socket module that pysocket._socket deliberately
# does not have, with the reason.
NOT_IN_C_MODULE = {
    # socket.py re-exports these from errno; the C module does not have them
    # (neither does the stdlib's _socket): they are the pysocket package's job.
    "EAGAIN": "errno value re-exported by socket.py, not by _socket",
    "EBADF": "errno value re-exported by socket.py, not by _socket",
    "EWOULDBLOCK": "errno value re-exported by socket.py, not by _socket",
}

# Names pysocket has beyond CPython 3.13's (on older Pythons, beyond their
# own stdlib too), with their Linux values, which do not depend on the CPU.
# CAN_RAW_ERR_FILTER: CPython 3.9/3.10 have it, 3.11-3.13 lost it.
# The rest: Linux names CPython added after 3.13.
LINUX_EXTRAS = {
    "CAN_RAW_ERR_FILTER": 2,
    "IP_RECVERR": 11,
    "IP_RECVTTL": 12,
    "IP_FREEBIND": 15,
    "IP_RECVORIGDSTADDR": 20,
    "IPV6_RECVERR": 25,
    "VMADDR_CID_LOCAL": 1,
    "RDS_CANCEL_SENT_TO": 1,
    "RDS_GET_MR": 2,
    "RDS_FREE_MR": 3,
    "RDS_RECVERR": 5,
    "RDS_CONG_MONITOR": 6,
    "RDS_GET_MR_FOR_DEST": 7,
    "RDS_CMSG_RDMA_ARGS": 1,
    "RDS_CMSG_RDMA_DEST": 2,
    "RDS_CMSG_RDMA_MAP": 3,
    "RDS_CMSG_RDMA_STATUS": 4,
    "RDS_RDMA_READWRITE": 1,
    "RDS_RDMA_FENCE": 2,
    "RDS_RDMA_INVALIDATE": 4,
    "RDS_RDMA_USE_ONCE": 8,
    "RDS_RDMA_DONTWAIT": 16,
    "RDS_RDMA_NOTIFY_ME": 32,
    "RDS_RDMA_SILENT": 64,
}

# Address families pysocket may define although neither the running stdlib
# nor the 3.13 snapshot has them (the CPython build here lacks Bluetooth).
EXTRA_FAMILIES = {
    "AF_BLUETOOTH": 31,
}


def _stdlib_ints():
    out = {}
    for name in dir(socket):
        if name.startswith("_"):
            continue
        value = getattr(socket, name)
        # plain ints and IntEnum/IntFlag members (AF_INET, SOCK_STREAM, ...)
        if isinstance(value, int) and not isinstance(value, bool):
            out[name] = int(value)
    return out


STDLIB = _stdlib_ints()


def _ps_ints():
    return {name: getattr(_ps, name) for name in dir(_ps)
            if type(getattr(_ps, name)) is int}


@pytest.mark.parametrize("name", sorted(STDLIB))
def test_stdlib_constant(name):
    if name in NOT_IN_C_MODULE:
        assert not hasattr(_ps, name), (
            "%s is listed as an exception but exists" % name)
        return
    assert hasattr(_ps, name), "pysocket._socket lacks %s" % name
    value = getattr(_ps, name)
    assert type(value) is int
    assert value == STDLIB[name]


def test_exceptions_are_socket_py_only():
    # every listed exception really is something _socket lacks
    import _socket
    for name in NOT_IN_C_MODULE:
        assert not hasattr(_socket, name)


def test_snapshot_is_3_13_linux():
    assert SNAPSHOT["python"].startswith("3.13.")
    assert SNAPSHOT["platform"] == "linux"
    assert len(SNAP) > 300


@pytest.mark.skipif(not IS_LINUX,
                    reason="the 3.13 snapshot was taken on Linux; other "
                           "systems have other names and numbers")
@pytest.mark.parametrize("name", sorted(SNAP))
def test_snapshot_constant(name):
    assert hasattr(_ps, name), "pysocket._socket lacks 3.13's %s" % name
    value = getattr(_ps, name)
    assert type(value) is int
    if platform.machine() == SNAPSHOT["machine"]:
        assert value == SNAP[name]
    elif name in STDLIB:
        # SO_* and a few others differ between CPU architectures: compare
        # with this machine's stdlib where it has the name
        assert value == STDLIB[name]


@pytest.mark.skipif(not IS_LINUX,
                    reason="these are Linux kernel numbers")
@pytest.mark.parametrize("name", sorted(LINUX_EXTRAS))
def test_linux_extra_constant(name):
    assert getattr(_ps, name) == LINUX_EXTRAS[name]
    if name in STDLIB:
        assert STDLIB[name] == LINUX_EXTRAS[name]


def _family_or_type(name):
    return name.startswith(("AF_", "PF_", "SOCK_"))


def test_no_extra_family_or_type_with_wrong_value():
    known = dict(EXTRA_FAMILIES)
    if IS_LINUX and platform.machine() == SNAPSHOT["machine"]:
        known.update(SNAP)
    known.update(STDLIB)
    checked = 0
    for name, value in _ps_ints().items():
        if not _family_or_type(name):
            continue
        assert name in known, "unexpected name %s = %r" % (name, value)
        assert value == known[name], name
        checked += 1
    assert checked >= len([n for n in STDLIB if _family_or_type(n)])


# Bluetooth names: this machine's CPython has none, so neither the stdlib nor
# the snapshot can vouch for them; the Bluetooth tests check their values.
BLUETOOTH_PREFIXES = ("BTPROTO_", "BDADDR_", "HCI_", "BT_", "L2CAP_", "RFCOMM_",
                      "SO_L2CAP_", "SO_RFCOMM_", "SO_SCO_", "SO_HCI_",
                      "SOL_HCI", "SOL_L2CAP", "SOL_RFCOMM", "SOL_SCO",
                      "SOL_BLUETOOTH")


def test_every_int_name_is_accounted_for():
    # A name that is in neither the stdlib, the 3.13 snapshot nor the lists
    # above is a typo or an undocumented addition.
    allowed = set(STDLIB) | set(LINUX_EXTRAS) | set(EXTRA_FAMILIES)
    if IS_LINUX:
        allowed |= set(SNAP)
    unexplained = sorted(n for n in set(_ps_ints()) - allowed
                         if not n.startswith(BLUETOOTH_PREFIXES))
    assert unexplained == []


def test_has_ipv6():
    assert type(_ps.has_ipv6) is bool
    assert _ps.has_ipv6 == socket.has_ipv6


def test_socket_types_roundtrip_through_stdlib_enums():
    # the values are usable where the stdlib expects its own constants
    assert socket.AddressFamily(_ps.AF_INET) is socket.AF_INET
    assert socket.AddressFamily(_ps.AF_INET6) is socket.AF_INET6
    assert socket.SocketKind(_ps.SOCK_DGRAM) is socket.SOCK_DGRAM
    assert socket.MsgFlag(_ps.MSG_PEEK) is socket.MSG_PEEK
    with socket.socket(_ps.AF_INET, _ps.SOCK_STREAM | _ps.SOCK_CLOEXEC,
                       _ps.IPPROTO_TCP) as s:
        s.setsockopt(_ps.SOL_SOCKET, _ps.SO_REUSEADDR, 1)
        assert s.getsockopt(_ps.SOL_SOCKET, _ps.SO_REUSEADDR) == 1
        assert s.getsockopt(_ps.SOL_SOCKET, _ps.SO_TYPE) == _ps.SOCK_STREAM
        s.setsockopt(_ps.IPPROTO_TCP, _ps.TCP_NODELAY, 1)
        assert s.getsockopt(_ps.SOL_TCP, _ps.TCP_NODELAY) == 1
