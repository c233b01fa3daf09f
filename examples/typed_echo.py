"""A typed TCP echo server and client over loopback, written for pysocket.

    python examples/typed_echo.py [message ...]

Starts an echo server on 127.0.0.1 (a port the OS chooses) in a thread,
connects to it, sends each message (default: three of its own), reads each
echo back through makefile(), checks it, and prints one line per round trip.
Exits 0 when every echo matched.

The program passes `mypy --strict` against pysocket's stubs: it uses the
socket class, the enums, create_server/create_connection, makefile's typed
overloads and the timeout exception.
"""
from __future__ import annotations

import sys
import threading
from typing import BinaryIO

import pysocket as socket

HOST = "127.0.0.1"
TIMEOUT = 10.0


def serve_one(server: socket.socket) -> None:
    """Accept one connection and echo each line back until the peer closes."""
    conn, peer = server.accept()
    with conn:
        conn.settimeout(TIMEOUT)
        reader = conn.makefile("rb")
        with reader:
            for line in reader:
                conn.sendall(line)


def echo(messages: list[str]) -> list[tuple[str, str]]:
    """Send each message as a line and return (sent, received) pairs."""
    results: list[tuple[str, str]] = []
    with socket.create_server((HOST, 0)) as server:
        host, port = server.getsockname()
        assert isinstance(host, str) and isinstance(port, int)
        family: socket.AddressFamily = server.family
        kind: socket.SocketKind = server.type
        print(f"server on {host}:{port} ({family.name}, {kind.name})")

        # The server socket listens already: the client may connect before
        # the thread reaches accept().
        worker = threading.Thread(target=serve_one, args=(server,))
        worker.start()
        try:
            with socket.create_connection((host, port), timeout=TIMEOUT) as client:
                replies: BinaryIO
                with client.makefile("rb") as replies:
                    for text in messages:
                        client.sendall(text.encode("utf-8") + b"\n")
                        line: bytes = replies.readline()
                        results.append((text, line.rstrip(b"\n").decode("utf-8")))
                client.shutdown(socket.SHUT_WR)
        except socket.timeout:
            print("timed out waiting for an echo", file=sys.stderr)
            raise
        finally:
            worker.join(TIMEOUT)
    return results


def main(argv: list[str]) -> int:
    messages = argv or ["hello", "typed", "pysocket"]
    failures = 0
    for sent, received in echo(messages):
        ok = sent == received
        failures += not ok
        print(f"{'ok ' if ok else 'BAD'} {sent!r} -> {received!r}")
    print("echo: %d of %d round trips matched" % (len(messages) - failures, len(messages)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
