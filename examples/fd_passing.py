"""Passing open files to another process over an AF_UNIX socket.

    python examples/fd_passing.py FILE...

The parent opens each FILE, forks a worker, and sends it the open file
descriptors with send_fds() over a socketpair.  The worker receives them with
recv_fds(), reads each file through the descriptor it got, and reports back;
the parent prints the report.  Descriptors received by pysocket's recv_fds()
are non-inheritable (PEP 446), unlike the stdlib's; the report shows it.
"""
import os
import sys
import traceback

import pysocket as socket


def worker(sock):
    """Runs in the child: receive the fds, read through them, report."""
    msg, fds, _flags, _addr = socket.recv_fds(sock, 4096, 64)
    names = msg.decode().split("\n")
    lines = []
    for name, fd in zip(names, fds):
        inheritable = os.get_inheritable(fd)
        with os.fdopen(fd, "rb") as f:
            data = f.read()
        lines.append("%s: %d bytes, first line %r, inheritable=%s"
                     % (name, len(data), data.split(b"\n")[0], inheritable))
    lines.append("received %d descriptors for %d names" % (len(fds), len(names)))
    sock.sendall("\n".join(lines).encode())


def main():
    paths = sys.argv[1:]
    if not paths:
        sys.exit("usage: python examples/fd_passing.py FILE...")
    files = [open(path, "rb") for path in paths]
    parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            parent_end.close()
            worker(child_end)
            status = 0
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(status)
    child_end.close()
    with parent_end:
        names = "\n".join(os.path.basename(p) for p in paths).encode()
        socket.send_fds(parent_end, [names], [f.fileno() for f in files])
        for f in files:
            f.close()
        report = b""
        while True:
            data = parent_end.recv(65536)
            if not data:
                break
            report += data
    _, status = os.waitpid(pid, 0)
    print(report.decode())
    if status != 0:
        sys.exit("worker failed (wait status %d)" % status)


if __name__ == "__main__":
    main()
