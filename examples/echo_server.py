"""A TCP echo server: sends back everything each client sends.

    python examples/echo_server.py [--host 127.0.0.1] [--port 0] [--count N]

Prints "listening on HOST PORT" once it accepts connections (port 0 picks a
free port), then serves clients one after the other: --count N stops after N
connections, the default serves until interrupted.
"""
import argparse

import pysocket as socket


def serve(host, port, count):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((host, port))
        srv.listen()
        print("listening on %s %d" % srv.getsockname(), flush=True)
        served = 0
        while count is None or served < count:
            conn, (peer_host, _peer_port) = srv.accept()
            with conn:
                total = 0
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    conn.sendall(data)
                    total += len(data)
            served += 1
            print("echoed %d bytes to %s" % (total, peer_host), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--count", type=int, default=None)
    args = parser.parse_args()
    try:
        serve(args.host, args.port, args.count)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
