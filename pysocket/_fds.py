"""send_fds() and recv_fds(): pass file descriptors over AF_UNIX sockets.

The stdlib's versions wrap sendmsg()/recvmsg() with SCM_RIGHTS; these do the
same with three differences, all deliberate:

- ``flags`` and ``address`` are passed on (the stdlib ignores them);
- the ancillary buffer is CMSG_SPACE(maxfds * sizeof(int)), the room the
  kernel needs for maxfds descriptors, and when more were sent than fit, the
  returned flags carry MSG_CTRUNC (the kernel closes the ones that did not
  fit);
- received descriptors are non-inheritable (PEP 446), like every fd pysocket
  creates; the stdlib returns inheritable ones.  Use os.set_inheritable() to
  hand one to a child process.

No descriptor is lost: if anything fails once they have arrived, all of them
are closed before the exception propagates.
"""
import array
import os

from . import _socket

__all__ = ["send_fds", "recv_fds"]

_SOL_SOCKET = _socket.SOL_SOCKET
# Fallbacks until constants.c exports them: SCM_RIGHTS is 1 everywhere it
# exists; 8 is Linux's MSG_CTRUNC.
_SCM_RIGHTS = getattr(_socket, "SCM_RIGHTS", 1)
_MSG_CTRUNC = getattr(_socket, "MSG_CTRUNC", 8)


def send_fds(sock, buffers, fds, flags=0, address=None):
    """send_fds(sock, buffers, fds[, flags[, address]]) -> integer

    Send the list of file descriptors fds over an AF_UNIX socket, with the
    data in buffers, as one sendmsg() call with SCM_RIGHTS ancillary data.
    Returns the number of data bytes sent.
    """
    ancdata = [(_SOL_SOCKET, _SCM_RIGHTS, array.array("i", fds))]
    return sock.sendmsg(buffers, ancdata, flags, address)


def _close_all(fds):
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def recv_fds(sock, bufsize, maxfds, flags=0):
    """recv_fds(sock, bufsize, maxfds[, flags]) -> (data, list of fds, msg_flags, address)

    Receive up to bufsize bytes of data and up to maxfds file descriptors
    from an AF_UNIX socket.  msg_flags has MSG_CTRUNC set when more
    descriptors were sent than maxfds (the excess ones were closed).
    """
    itemsize = array.array("i").itemsize
    ancbufsize = _socket.CMSG_SPACE(maxfds * itemsize)
    data, ancdata, msg_flags, addr = sock.recvmsg(bufsize, ancbufsize, flags)
    try:
        fds = array.array("i")
        for level, kind, payload in ancdata:
            if level == _SOL_SOCKET and kind == _SCM_RIGHTS:
                fds.frombytes(payload[:len(payload) - len(payload) % itemsize])
        result = fds[:maxfds].tolist()
        extra = fds[maxfds:]
    except BaseException:
        # Close every descriptor that arrived, without relying on whatever
        # just failed.
        for level, kind, payload in ancdata:
            if level == _SOL_SOCKET and kind == _SCM_RIGHTS:
                whole = len(payload) - len(payload) % itemsize
                _close_all(memoryview(payload)[:whole].cast("i"))
        raise
    if extra:
        _close_all(extra)
        msg_flags |= _MSG_CTRUNC
    return data, result, msg_flags, addr
