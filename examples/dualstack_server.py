"""An IPv4/IPv6 dual-stack TCP server: one AF_INET6 socket for both.

    python examples/dualstack_server.py [--port 0] [--count N]

Binds an AF_INET6 socket to "::" with IPV6_V6ONLY off, so IPv4 clients reach
it too (their addresses show as IPv4-mapped IPv6 addresses, ::ffff:a.b.c.d).
Prints "listening on :: PORT", then greets each client with the address it
came from.  --count N stops after N connections.
"""
import argparse

import pysocket as socket


def serve(port, count):
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        srv.bind(("::", port))
        srv.listen()
        print("listening on :: %d" % srv.getsockname()[1], flush=True)
        served = 0
        while count is None or served < count:
            conn, addr = srv.accept()
            with conn:
                host = addr[0]
                kind = "IPv4" if host.startswith("::ffff:") else "IPv6"
                conn.sendall(("hello %s client %s\n" % (kind, host)).encode())
            served += 1
            print("greeted %s client %s" % (kind, host), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--count", type=int, default=None)
    args = parser.parse_args()
    try:
        serve(args.port, args.count)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
