"""A UDP receiver: prints each datagram and answers it in upper case.

    python examples/udp_receiver.py [--host 127.0.0.1] [--port 0] [--count N]

Prints "listening on HOST PORT" once bound; --count N stops after N datagrams.
"""
import argparse

import pysocket as socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--count", type=int, default=None)
    args = parser.parse_args()

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((args.host, args.port))
        print("listening on %s %d" % sock.getsockname(), flush=True)
        received = 0
        try:
            while args.count is None or received < args.count:
                data, (host, port) = sock.recvfrom(65536)
                sock.sendto(data.upper(), (host, port))
                received += 1
                print("datagram %d from %s: %r" % (received, host, data), flush=True)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
