"""A client for either IP version: tries each address getaddrinfo() gives.

    python examples/dualstack_client.py HOST PORT

HOST may be an IPv4 or IPv6 address or a name such as localhost; the client
connects to the first address that accepts, then prints the server's line.
"""
import argparse
import sys

import pysocket as socket


def connect(host, port, timeout):
    last_error = None
    for family, kind, proto, _canon, address in socket.getaddrinfo(
            host, port, socket.AF_UNSPEC, socket.SOCK_STREAM):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(address)
        except OSError as e:
            sock.close()
            last_error = e
            continue
        return sock, family, address
    raise last_error or OSError("getaddrinfo returned no address for %r" % host)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    try:
        sock, family, address = connect(args.host, args.port, args.timeout)
    except OSError as e:
        sys.exit("could not connect to %s port %d: %s" % (args.host, args.port, e))
    with sock:
        name = "AF_INET6" if family == socket.AF_INET6 else "AF_INET"
        print("connected to %s port %d over %s" % (address[0], address[1], name))
        reply = b""
        while True:
            data = sock.recv(1024)
            if not data:
                break
            reply += data
    print("server says: %s" % reply.decode().strip())


if __name__ == "__main__":
    main()
