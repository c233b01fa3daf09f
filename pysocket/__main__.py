"""python -m pysocket: what this build of pysocket is, and a loopback self-check.

Prints the version, the Python it runs on, the address families and optional
features compiled in, then runs short round trips over loopback (TCP over
IPv4 and IPv6, UDP, Unix stream sockets and a socketpair) and ends with one
line: "pysocket self-check: PASS ..." (exit status 0) or
"pysocket self-check: FAIL ..." (exit status 1).

Written defensively: it reports what it finds rather than assuming the whole
API is there, and it imports nothing that imports the stdlib socket module.
"""

import os
import platform
import sys
import tempfile

CHECK_TIMEOUT = 5.0          # seconds, for every blocking call of a check
PAYLOAD = b"pysocket self-check \x00\xff" * 8

# Families whose constant names pysocket exports when compiled in.
FAMILIES = ("AF_INET", "AF_INET6", "AF_UNIX", "AF_NETLINK", "AF_PACKET",
            "AF_CAN", "AF_TIPC", "AF_ALG", "AF_VSOCK", "AF_BLUETOOTH",
            "AF_RDS", "AF_QIPCRTR", "AF_HYPERV")

# Optional features: (label, where, name).  where is "module" or "socket".
FEATURES = (
    ("sendmsg/recvmsg", "socket", "recvmsg"),
    ("recvmsg_into", "socket", "recvmsg_into"),
    ("send_fds/recv_fds", "module", "recv_fds"),
    ("CMSG_LEN/CMSG_SPACE", "module", "CMSG_SPACE"),
    ("getaddrinfo", "module", "getaddrinfo"),
    ("inet_pton/inet_ntop", "module", "inet_pton"),
    ("if_nameindex", "module", "if_nameindex"),
    ("sethostname", "module", "sethostname"),
    ("socketpair", "module", "socketpair"),
    ("create_server", "module", "create_server"),
    ("makefile", "socket", "makefile"),
    ("sendfile", "socket", "sendfile"),
)


def _version(pysocket):
    """pysocket.__version__, else the installed distribution's metadata.

    (importlib.metadata would import email, which imports the stdlib socket
    module, so the METADATA file is read directly.)"""
    version = getattr(pysocket, "__version__", None)
    if version:
        return str(version)
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("pysocket-") and name.endswith(".dist-info"):
                try:
                    with open(os.path.join(entry or ".", name, "METADATA"),
                              encoding="utf-8") as f:
                        for line in f:
                            if line.startswith("Version:"):
                                return line.split(":", 1)[1].strip()
                except OSError:
                    pass
    return "unknown"


def describe(pysocket, out):
    ext = getattr(pysocket, "_socket", None)
    out("pysocket %s" % _version(pysocket))
    out("  package:   %s" % os.path.dirname(getattr(pysocket, "__file__", "?") or "?"))
    out("  extension: %s" % (getattr(ext, "__file__", None) or "not loaded"))
    out("Python %s (%s) on %s" % (platform.python_version(),
                                  platform.python_implementation(),
                                  platform.platform()))
    families = [name for name in FAMILIES if hasattr(pysocket, name)]
    out("families:  %s" % (" ".join(families) or "none"))
    sock_type = getattr(pysocket, "socket", None)
    have, lack = [], []
    for label, where, name in FEATURES:
        owner = pysocket if where == "module" else sock_type
        (have if owner is not None and hasattr(owner, name) else lack).append(label)
    has_ipv6 = getattr(pysocket, "has_ipv6", None)
    out("features:  %s" % (", ".join(have) or "none"))
    if lack:
        out("missing:   %s" % ", ".join(lack))
    out("has_ipv6:  %s" % has_ipv6)


# --- the checks: each returns None (pass), raises (fail) or returns a
# --- string starting with "skip: " (not applicable here, with the reason).

def _close_all(socks):
    for s in socks:
        try:
            s.close()
        except Exception:
            pass


def _recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise AssertionError("peer closed after %d of %d bytes" % (len(data), n))
        data += chunk
    return data


def _stream_round_trip(ps, family, address):
    socks = []
    try:
        srv = ps.socket(family, ps.SOCK_STREAM)
        socks.append(srv)
        srv.settimeout(CHECK_TIMEOUT)
        srv.bind(address)
        srv.listen(1)
        cli = ps.socket(family, ps.SOCK_STREAM)
        socks.append(cli)
        cli.settimeout(CHECK_TIMEOUT)
        cli.connect(srv.getsockname())
        conn, _ = srv.accept()
        socks.append(conn)
        conn.settimeout(CHECK_TIMEOUT)
        cli.sendall(PAYLOAD)
        conn.sendall(_recv_exactly(conn, len(PAYLOAD)))
        echoed = _recv_exactly(cli, len(PAYLOAD))
        if echoed != PAYLOAD:
            raise AssertionError("echo differs: %r" % echoed[:32])
        cli.shutdown(ps.SHUT_WR)
        if conn.recv(1) != b"":
            raise AssertionError("no EOF after shutdown(SHUT_WR)")
    finally:
        _close_all(socks)


def check_tcp4(ps):
    _stream_round_trip(ps, ps.AF_INET, ("127.0.0.1", 0))


def check_tcp6(ps):
    if not getattr(ps, "has_ipv6", False) or not hasattr(ps, "AF_INET6"):
        return "skip: pysocket was built without IPv6"
    probe = ps.socket(ps.AF_INET6, ps.SOCK_STREAM)
    try:
        probe.bind(("::1", 0))
    except OSError as e:
        return "skip: no IPv6 loopback on this machine (%s)" % e
    finally:
        probe.close()
    _stream_round_trip(ps, ps.AF_INET6, ("::1", 0))


def check_udp4(ps):
    socks = []
    try:
        a = ps.socket(ps.AF_INET, ps.SOCK_DGRAM)
        socks.append(a)
        b = ps.socket(ps.AF_INET, ps.SOCK_DGRAM)
        socks.append(b)
        for s in socks:
            s.settimeout(CHECK_TIMEOUT)
            s.bind(("127.0.0.1", 0))
        a.sendto(PAYLOAD, b.getsockname())
        data, addr = b.recvfrom(65536)
        if data != PAYLOAD or addr != a.getsockname():
            raise AssertionError("got %r from %r" % (data[:32], addr))
        b.sendto(data, addr)
        data, addr = a.recvfrom(65536)
        if data != PAYLOAD or addr != b.getsockname():
            raise AssertionError("reply %r from %r" % (data[:32], addr))
    finally:
        _close_all(socks)


def check_unix_stream(ps):
    if not hasattr(ps, "AF_UNIX"):
        return "skip: pysocket was built without AF_UNIX"
    with tempfile.TemporaryDirectory(prefix="pysocket-check-") as d:
        _stream_round_trip(ps, ps.AF_UNIX, os.path.join(d, "s"))


def check_socketpair(ps):
    if not hasattr(ps, "socketpair"):
        return "skip: socketpair() is not in this build yet"
    a, b = ps.socketpair()
    try:
        a.settimeout(CHECK_TIMEOUT)
        b.settimeout(CHECK_TIMEOUT)
        a.sendall(PAYLOAD)
        if _recv_exactly(b, len(PAYLOAD)) != PAYLOAD:
            raise AssertionError("socketpair data differs")
    finally:
        _close_all((a, b))


def check_no_stdlib_socket(ps):
    loaded = [m for m in ("socket", "_socket") if m in sys.modules]
    if loaded:
        raise AssertionError("the stdlib's %s got imported" % " and ".join(loaded))


CHECKS = (
    ("TCP over 127.0.0.1", check_tcp4),
    ("TCP over ::1", check_tcp6),
    ("UDP over 127.0.0.1", check_udp4),
    ("Unix stream socket", check_unix_stream),
    ("socketpair", check_socketpair),
    ("stdlib socket not imported", check_no_stdlib_socket),
)


def self_check(ps, out):
    passed = failed = skipped = 0
    for label, check in CHECKS:
        try:
            result = check(ps)
        except Exception as e:  # a failed check, whatever it raised
            failed += 1
            out("  FAIL  %-28s %s: %s" % (label, type(e).__name__, e))
            continue
        if isinstance(result, str) and result.startswith("skip: "):
            skipped += 1
            out("  skip  %-28s %s" % (label, result[6:]))
        else:
            passed += 1
            out("  ok    %s" % label)
    verdict = "PASS" if failed == 0 and passed > 0 else "FAIL"
    out("pysocket self-check: %s (%d of %d checks ok, %d failed, %d skipped)"
        % (verdict, passed, len(CHECKS), failed, skipped))
    return verdict == "PASS"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("-h", "--help"):
        print("usage: python -m pysocket [--no-check]\n\n" + __doc__.strip())
        return 0
    if argv and argv[0] != "--no-check":
        print("unknown argument: %s (see --help)" % argv[0], file=sys.stderr)
        return 2

    def out(line):
        print(line, flush=True)

    try:
        import pysocket
    except Exception as e:
        out("pysocket cannot be imported: %s: %s" % (type(e).__name__, e))
        out("pysocket self-check: FAIL (import failed)")
        return 1
    describe(pysocket, out)
    if argv and argv[0] == "--no-check":
        return 0
    out("self-check:")
    return 0 if self_check(pysocket, out) else 1


if __name__ == "__main__":
    sys.exit(main())
