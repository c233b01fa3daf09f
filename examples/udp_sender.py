"""A UDP sender: sends each message as one datagram and prints the answer.

    python examples/udp_sender.py HOST PORT MESSAGE...
"""
import argparse

import pysocket as socket


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("messages", nargs="+")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(args.timeout)
        for message in args.messages:
            sock.sendto(message.encode(), (args.host, args.port))
            # Loopback neither loses nor reorders datagrams; on a real network
            # a sender would retry on timeout.
            reply, _ = sock.recvfrom(65536)
            print("sent %r, answer %r" % (message.encode(), reply))


if __name__ == "__main__":
    main()
