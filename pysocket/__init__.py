"""pysocket: a drop-in, faster implementation of the stdlib socket module.

(Minimal placeholder; the Python layer replaces it.)
"""
from ._socket import *  # noqa: F401,F403
from ._socket import socket as _csocket, error, timeout, herror, gaierror  # noqa: F401


class socket(_csocket):
    __slots__ = ["__weakref__", "_io_refs", "_closed"]

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def accept(self):
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr
