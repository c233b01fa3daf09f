"""A TCP echo client: sends each message and reads its echo back.

    python examples/echo_client.py HOST PORT MESSAGE... [--repeat N]

Sends the messages one at a time (N times over with --repeat), reading each
echo before sending the next, so no more than one message is ever in flight;
then shuts down its sending side, waits for the server to close, and prints
everything it got back as "received b'...'".
"""
import argparse

import pysocket as socket


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("server closed after %d of %d bytes" % (len(data), n))
        data += chunk
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("messages", nargs="+")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    received = []
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(args.timeout)
        sock.connect((args.host, args.port))
        for _ in range(args.repeat):
            for message in args.messages:
                data = message.encode()
                sock.sendall(data)
                received.append(recv_exactly(sock, len(data)))
        sock.shutdown(socket.SHUT_WR)
        rest = sock.recv(1024)
        if rest:
            raise ConnectionError("unexpected extra data: %r" % rest)
    print("received %r" % b"".join(received))


if __name__ == "__main__":
    main()
