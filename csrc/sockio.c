/* sockio.c: connect/connect_ex/_accept, send/sendall/sendto,
 * recv/recv_into/recvfrom/recvfrom_into.  Each syscall runs in an *_impl
 * callback through pysock_call() (deadline.c); arguments are parsed and
 * results built with the GIL held. */
#include "pysocket.h"

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

/* Extra send/recv flags: MSG_DONTWAIT in timeout and non-blocking modes.
 * pysock_call_sized() runs small syscalls with the GIL held there, trusting
 * that they cannot block; O_NONBLOCK alone does not promise that, since the
 * flag belongs to the open file and a dup of the fd can clear it. */
static int
nowait(const PySockObject *s)
{
    return s->timeout >= 0 ? MSG_DONTWAIT : 0;
}

/* The flags a send may try with MSG_DONTWAIT first in blocking mode through
 * pysock_call_sized(): only where a send is all or nothing (datagrams,
 * records).  A stream send() takes its own first try (stream_send_first),
 * which completes a partial count as the blocking send would. */
static int *
atomic_send_flags(const PySockObject *s, int *flags)
{
    return s->type == SOCK_STREAM ? NULL : flags;
}

/* ---------------- connect ---------------- */

/* connect(2) in the stdlib's protocol: a connect interrupted by a signal, or
 * in progress on a socket with a timeout, is completed by waiting for the fd
 * to become writable and reading SO_ERROR.  Returns 0 when connected, an
 * errno value (> 0) for a failed connection, or -1 with an exception set
 * (a signal handler's exception; with `raise_timeout`, the timeout).
 * Without raise_timeout (connect_ex) the timeout gives EWOULDBLOCK. */
static int
do_connect(PySockObject *s, const pysock_sockaddr *sa, socklen_t len, int raise_timeout)
{
    if (s->fd < 0)
        return EBADF;
    int fd = pysock_enter(s);
    int res, err;
    Py_BEGIN_ALLOW_THREADS
    res = connect(fd, &sa->sa, len);
    err = errno;
    Py_END_ALLOW_THREADS
    int result = 0;
    if (res == 0)
        goto done;
    int wait;
    if (err == EINTR) {
        if (PyErr_CheckSignals() < 0) {
            result = -1;
            goto done;
        }
        wait = s->timeout != 0;   /* the connection goes on in the kernel */
    }
    else {
        wait = s->timeout > 0 && err == EINPROGRESS;
    }
    if (!wait) {
        result = err;
        goto done;
    }
    pysock_deadline d;
    pysock_deadline_init(&d, s->timeout, 1);
    for (;;) {
        if (pysock_wait(s, fd, 1, &d) < 0) {
            result = -1;
            if (!raise_timeout && PyErr_ExceptionMatches(s->state->timeout_error)) {
                PyErr_Clear();
                result = EWOULDBLOCK;
            }
            goto done;
        }
        int soerr = 0;
        socklen_t sl = sizeof(soerr);
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
            soerr = errno;
        if (soerr != EINTR) {
            result = soerr;
            goto done;
        }
        if (PyErr_CheckSignals() < 0) {
            result = -1;
            goto done;
        }
    }
done:
    if (result > 0 && s->fd != fd)
        result = EBADF;
    pysock_leave(s);
    return result;
}

static int
connect_parse(PySockObject *s, PyObject *addr, const char *caller,
              pysock_sockaddr *sa, socklen_t *len)
{
    pysock_addrctx ctx = pysock_ctx(s, caller);
    if (pysock_parse_addr(&ctx, addr, sa, len) < 0)
        return -1;
    return PySys_Audit("socket.connect", "OO", (PyObject *)s, addr);
}

/* connect(address) */
static PyObject *
sock_connect(PyObject *self, PyObject *addr)
{
    PySockObject *s = (PySockObject *)self;
    pysock_sockaddr sa;
    socklen_t len;
    if (connect_parse(s, addr, "connect", &sa, &len) < 0)
        return NULL;
    int r = do_connect(s, &sa, len, 1);
    if (r < 0)
        return NULL;
    if (r > 0)
        return pysock_err_errno(r);
    Py_RETURN_NONE;
}

/* connect_ex(address) -> errno */
static PyObject *
sock_connect_ex(PyObject *self, PyObject *addr)
{
    PySockObject *s = (PySockObject *)self;
    pysock_sockaddr sa;
    socklen_t len;
    if (connect_parse(s, addr, "connect_ex", &sa, &len) < 0)
        return NULL;
    int r = do_connect(s, &sa, len, 0);
    if (r < 0)
        return NULL;
    return PyLong_FromLong(r);
}

/* ---------------- accept ---------------- */

typedef struct {
    pysock_sockaddr sa;
    socklen_t len;
    int newfd;
    int want_addr;     /* 0 for AF_ALG: the kernel refuses an address buffer */
} accept_ctx;

/* accept4(2) with SOCK_CLOEXEC: the new fd is non-inheritable (PEP 446). */
static int
accept_impl(int fd, void *p)
{
    accept_ctx *c = p;
    struct sockaddr *sa = c->want_addr ? &c->sa.sa : NULL;
    c->len = c->want_addr ? (socklen_t)sizeof(c->sa) : 0;
#if PYSOCK_HAS_ACCEPT4
    c->newfd = accept4(fd, sa, c->want_addr ? &c->len : NULL, SOCK_CLOEXEC);
#else
    c->newfd = accept(fd, sa, c->want_addr ? &c->len : NULL);
    if (c->newfd >= 0 && fcntl(c->newfd, F_SETFD, FD_CLOEXEC) < 0) {
        int err = errno;
        close(c->newfd);
        errno = err;
        return -1;
    }
#endif
    return c->newfd < 0 ? -1 : 0;
}

/* _accept() -> (fd, address) */
static PyObject *
sock_accept(PyObject *self, PyObject *unused)
{
    (void)unused;
    PySockObject *s = (PySockObject *)self;
    accept_ctx c;
    memset(&c.sa, 0, sizeof(c.sa));
#if PYSOCK_HAS_AF_ALG
    c.want_addr = s->family != AF_ALG;    /* the stdlib returns None there */
#else
    c.want_addr = 1;
#endif
    /* not with the GIL held: accept4(2) has no per-call non-blocking flag */
    if (pysock_call(s, 0, accept_impl, &c, NULL) < 0)
        return NULL;
    PyObject *result = pysock_pair(PyLong_FromLong(c.newfd),
                                   pysock_build_addr(&c.sa, c.len, s->proto));
    if (result == NULL)
        close(c.newfd);          /* nobody else will: the fd never left */
    return result;
}

/* ---------------- send ---------------- */

typedef struct {
    const char *buf;
    size_t len;
    int flags;
    const struct sockaddr *to;
    socklen_t tolen;
    ssize_t n;
} send_ctx;

/* send(2) / sendto(2) */
static int
send_impl(int fd, void *p)
{
    send_ctx *c = p;
    if (c->to != NULL)
        c->n = sendto(fd, c->buf, c->len, c->flags, c->to, c->tolen);
    else
        c->n = send(fd, c->buf, c->len, c->flags);
    return c->n < 0 ? -1 : 0;
}

/* Parses (data[, flags]) for send/sendall; data is a C-contiguous buffer. */
static int
send_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
          Py_buffer *buf, int *flags)
{
    *flags = 0;
    if (pysock_nargs(fname, nargs, 1, 2) < 0
        || PyObject_GetBuffer(args[0], buf, PyBUF_SIMPLE) < 0)
        return -1;
    if (nargs > 1 && pysock_as_int(args[1], flags) < 0) {
        PyBuffer_Release(buf);
        return -1;
    }
    return 0;
}

/* A small send() on a blocking stream socket, tried first with MSG_DONTWAIT
 * and the GIL held (no GIL release when the buffer space is there, as for
 * datagrams).  A partial first try is completed the way the blocking send
 * would have gone on: one blocking send(2) of the rest with the GIL
 * released, whose outcome can only add to the count, since a blocking send
 * that has sent something returns that count on a signal or an error.
 * Returns the count; -1 when it would block (no exception set: the caller
 * makes the ordinary blocking call); -2 with the error raised (reported
 * at once: a second try would not see it again, as with ECONNRESET).  Not
 * for MSG_OOB, whose urgent byte is the last one of each send(2). */
static Py_ssize_t
stream_send_first(PySockObject *s, send_ctx *c)
{
    ssize_t n = send(s->fd, c->buf, c->len, c->flags | MSG_DONTWAIT);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return -1;
        pysock_err_errno(errno);
        return -2;
    }
    if ((size_t)n < c->len) {
        int fd = pysock_enter(s);   /* still open: the GIL was held since */
        if (fd < 0) {
            PyErr_Clear();
            return n;
        }
        ssize_t more;
        Py_BEGIN_ALLOW_THREADS
        more = send(fd, c->buf + n, c->len - (size_t)n, c->flags);
        Py_END_ALLOW_THREADS
        pysock_leave(s);
        if (more > 0)
            n += more;
    }
    return n;
}

/* send(data[, flags]) -> count */
static PyObject *
sock_send(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
          PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    Py_buffer buf;
    send_ctx c;
    if (pysock_method_no_kwargs("send", kwnames) < 0)
        return NULL;
    if (send_args("send", args, nargs, &buf, &c.flags) < 0)
        return NULL;
    c.flags |= nowait(s);
    c.buf = buf.buf;
    c.len = (size_t)buf.len;
    c.to = NULL;
    if (s->timeout < 0 && s->type == SOCK_STREAM && s->fd >= 0
        && c.len <= PYSOCK_GIL_HOLD_MAX && !(c.flags & (MSG_DONTWAIT | MSG_OOB))) {
        Py_ssize_t n = stream_send_first(s, &c);
        if (n != -1) {
            PyBuffer_Release(&buf);
            return n < 0 ? NULL : PyLong_FromSsize_t(n);
        }
    }
    int r = pysock_call_sized(s, 1, send_impl, &c, NULL, c.len, atomic_send_flags(s, &c.flags));
    PyBuffer_Release(&buf);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(c.n);
}

/* sendall(data[, flags]): one deadline for the whole buffer; signal handlers
 * run between partial sends. */
static PyObject *
sock_sendall(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
             PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    Py_buffer buf;
    send_ctx c;
    pysock_deadline d;
    if (pysock_method_no_kwargs("sendall", kwnames) < 0)
        return NULL;
    if (send_args("sendall", args, nargs, &buf, &c.flags) < 0)
        return NULL;
    c.flags |= nowait(s);
    c.buf = buf.buf;
    c.len = (size_t)buf.len;
    c.to = NULL;
    pysock_deadline_init(&d, s->timeout, 1);
    PyObject *result = NULL;
    do {
        if (pysock_call_sized(s, 1, send_impl, &c, &d, c.len, &c.flags) < 0)
            goto done;
        c.buf += c.n;
        c.len -= (size_t)c.n;
        if (PyErr_CheckSignals() < 0)
            goto done;
    } while (c.len > 0);
    result = Py_NewRef(Py_None);
done:
    PyBuffer_Release(&buf);
    return result;
}

/* True when parsing addr always gives the same sockaddr: an exact tuple
 * (host, port[, ...]) of exact ints and a numeric IPv4/IPv6 host str, so no
 * name resolution is involved and nothing in it can change. */
static int
addr_is_constant(const PySockObject *s, PyObject *addr)
{
    if ((s->family != AF_INET && s->family != AF_INET6) || !PyTuple_CheckExact(addr))
        return 0;
    Py_ssize_t n = PyTuple_GET_SIZE(addr);
    if (n < 2 || !PyUnicode_CheckExact(PyTuple_GET_ITEM(addr, 0)))
        return 0;
    for (Py_ssize_t i = 1; i < n; i++) {
        if (!PyLong_CheckExact(PyTuple_GET_ITEM(addr, i)))
            return 0;
    }
    PyObject *host = PyTuple_GET_ITEM(addr, 0);
    if (!PyUnicode_IS_ASCII(host))
        return 0;
    union {
        struct in_addr v4;
        struct in6_addr v6;
    } tmp;
    const char *text = (const char *)PyUnicode_DATA(host);
    if (s->family == AF_INET)
        return pysock_inet4_pton(text, &tmp.v4);
    return inet_pton(s->family, text, &tmp) > 0;
}

/* sendto's address: the cached sockaddr when addr is the very object parsed
 * last time (a datagram socket mostly talks to one peer), else parsed, and
 * cached when addr_is_constant().  0 / -1. */
static int
sendto_addr(PySockObject *s, PyObject *addr, pysock_sockaddr *sa, socklen_t *len)
{
    if (addr == s->to_addr) {
        memcpy(sa, &s->to_sa, s->to_salen);
        *len = s->to_salen;
        return 0;
    }
    pysock_addrctx ctx = pysock_ctx(s, "sendto");
    if (pysock_parse_addr(&ctx, addr, sa, len) < 0)
        return -1;
    if (addr_is_constant(s, addr)) {
        memcpy(&s->to_sa, sa, *len);
        s->to_salen = *len;
        Py_XSETREF(s->to_addr, Py_NewRef(addr));
    }
    return 0;
}

/* sendto(data[, flags], address) -> count */
static PyObject *
sock_sendto(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    Py_buffer buf;
    send_ctx c;
    pysock_sockaddr sa;
    PyObject *addr;
    c.flags = 0;
    if (pysock_method_no_kwargs("sendto", kwnames) < 0)
        return NULL;
    if (nargs != 2 && nargs != 3) {
        PyErr_Format(PyExc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    /* the data first, then the flags: PyArg's order in the stdlib */
    if (PyObject_GetBuffer(args[0], &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    addr = args[nargs - 1];
    if (nargs == 3 && pysock_as_int(args[1], &c.flags) < 0) {
        PyBuffer_Release(&buf);
        return NULL;
    }
    if (sendto_addr(s, addr, &sa, &c.tolen) < 0
        || PySys_Audit("socket.sendto", "OO", self, addr) < 0) {
        PyBuffer_Release(&buf);
        return NULL;
    }
    c.buf = buf.buf;
    c.len = (size_t)buf.len;
    c.to = &sa.sa;
    c.flags |= nowait(s);
    int r = pysock_call_sized(s, 1, send_impl, &c, NULL, c.len, atomic_send_flags(s, &c.flags));
    PyBuffer_Release(&buf);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(c.n);
}

/* ---------------- recv ---------------- */

typedef struct {
    char *buf;
    size_t len;
    int flags;
    pysock_sockaddr *from;   /* NULL: recv(2), else recvfrom(2) */
    socklen_t fromlen;
    ssize_t n;
} recv_ctx;

/* recv(2) / recvfrom(2) */
static int
recv_impl(int fd, void *p)
{
    recv_ctx *c = p;
    if (c->from != NULL) {
        c->fromlen = sizeof(*c->from);
        c->n = recvfrom(fd, c->buf, c->len, c->flags, &c->from->sa, &c->fromlen);
    }
    else {
        c->n = recv(fd, c->buf, c->len, c->flags);
    }
    return c->n < 0 ? -1 : 0;
}

/* Receives into a fresh bytes object of at most bufsize bytes.  Small reads
 * go through a stack buffer so the result is allocated at its final size. */
#define RECV_STACK 4096

/* The bytes recv()/recvfrom() return when the kernel reports n and stored
 * min(n, len) bytes in buf.  With MSG_TRUNC a datagram's real length may
 * exceed the buffer: the stdlib then returns that many bytes, the tail being
 * whatever its resized object held; here the tail is zeros, and nothing is
 * ever read past the buffer. */
static PyObject *
recv_result(const char *buf, size_t len, ssize_t n)
{
    if ((size_t)n <= len)
        return PyBytes_FromStringAndSize(buf, n);
    PyObject *r = PyBytes_FromStringAndSize(NULL, n);
    if (r != NULL) {
        memcpy(PyBytes_AS_STRING(r), buf, len);
        memset(PyBytes_AS_STRING(r) + len, 0, (size_t)n - len);
    }
    return r;
}

static PyObject *
recv_bytes(PySockObject *s, recv_ctx *c, Py_ssize_t bufsize)
{
    char stackbuf[RECV_STACK];
    if (bufsize == 0 && c->from == NULL)     /* recv(0): no syscall */
        return PyBytes_FromStringAndSize(NULL, 0);
    c->flags |= nowait(s);
    if (bufsize <= RECV_STACK) {
        c->buf = stackbuf;
        c->len = (size_t)bufsize;
        if (c->flags & MSG_TRUNC)    /* TCP's MSG_TRUNC discards: nothing stored */
            memset(stackbuf, 0, c->len);
        if (pysock_call_sized(s, 0, recv_impl, c, NULL, c->len, &c->flags) < 0)
            return NULL;
        return recv_result(stackbuf, c->len, c->n);
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, bufsize);
    if (b == NULL)
        return NULL;
    c->buf = PyBytes_AS_STRING(b);
    c->len = (size_t)bufsize;
    if (c->flags & MSG_TRUNC)
        memset(PyBytes_AS_STRING(b), 0, c->len);
    if (pysock_call_sized(s, 0, recv_impl, c, NULL, c->len, &c->flags) < 0) {
        Py_DECREF(b);
        return NULL;
    }
    if (c->n == bufsize)
        return b;
    PyObject *r = recv_result(PyBytes_AS_STRING(b), c->len, c->n);
    Py_DECREF(b);
    return r;
}

static int
recv_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
          Py_ssize_t *bufsize, int *flags)
{
    *flags = 0;
    if (pysock_nargs(fname, nargs, 1, 2) < 0
        || pysock_as_ssize(args[0], bufsize) < 0
        || (nargs > 1 && pysock_as_int(args[1], flags) < 0))
        return -1;
    if (*bufsize < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", fname);
        return -1;
    }
    return 0;
}

/* recv(bufsize[, flags]) -> data */
static PyObject *
sock_recv(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
          PyObject *kwnames)
{
    Py_ssize_t bufsize;
    recv_ctx c;
    if (pysock_method_no_kwargs("recv", kwnames) < 0)
        return NULL;
    if (recv_args("recv", args, nargs, &bufsize, &c.flags) < 0)
        return NULL;
    c.from = NULL;
    return recv_bytes((PySockObject *)self, &c, bufsize);
}

PyObject *
pysock_recv_addr(PySockObject *s, const pysock_sockaddr *sa, socklen_t len)
{
    if (len > sizeof(*sa))          /* the kernel's length of a longer address */
        len = sizeof(*sa);
    if (s->last_addr != NULL && len == s->last_salen && len > 0
        && memcmp(sa, &s->last_sa, len) == 0)
        return Py_NewRef(s->last_addr);
    PyObject *addr = pysock_build_addr(sa, len, s->proto);
    if (addr == NULL)
        return NULL;
    if (len > 0) {
        memcpy(&s->last_sa, sa, len);
        s->last_salen = len;
        Py_XSETREF(s->last_addr, Py_NewRef(addr));
    }
    return addr;
}

PyObject *
pysock_pair(PyObject *a, PyObject *b)
{
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

/* recvfrom(bufsize[, flags]) -> (data, address) */
static PyObject *
sock_recvfrom(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
              PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    Py_ssize_t bufsize;
    recv_ctx c;
    pysock_sockaddr from;
    if (pysock_method_no_kwargs("recvfrom", kwnames) < 0)
        return NULL;
    if (recv_args("recvfrom", args, nargs, &bufsize, &c.flags) < 0)
        return NULL;
    memset(&from, 0, sizeof(from.ss));
    c.from = &from;
    PyObject *data = recv_bytes(s, &c, bufsize);
    if (data == NULL)
        return NULL;
    return pysock_pair(data, pysock_recv_addr(s, &from, c.fromlen));
}

/* Parses (buffer, nbytes=0, flags=0) for recv_into / recvfrom_into. */
static int
recv_into_args(const char *fname, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames, Py_buffer *buf, recv_ctx *c,
               const char *too_small)
{
    static const char *const names[] = {"buffer", "nbytes", "flags"};
    PyObject *a[3];
    Py_ssize_t nbytes = 0;
    c->flags = 0;
    if (pysock_parse_kw(fname, args, nargs, kwnames, names, 3, 0, 1, a) < 0)
        return -1;
    if ((a[1] != NULL && pysock_as_ssize(a[1], &nbytes) < 0)
        || (a[2] != NULL && pysock_as_int(a[2], &c->flags) < 0))
        return -1;
    if (PyObject_GetBuffer(a[0], buf, PyBUF_WRITABLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "%s() argument 1 must be read-write bytes-like object, not %.50s",
                     fname, Py_TYPE(a[0])->tp_name);
        return -1;
    }
    if (nbytes < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffersize in %s", fname);
        goto error;
    }
    if (nbytes == 0)
        nbytes = buf->len;
    else if (nbytes > buf->len) {
        PyErr_SetString(PyExc_ValueError, too_small);
        goto error;
    }
    c->buf = buf->buf;
    c->len = (size_t)nbytes;
    return 0;
error:
    PyBuffer_Release(buf);
    return -1;
}

/* recv_into(buffer[, nbytes[, flags]]) -> nbytes_read */
static PyObject *
sock_recv_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_buffer buf;
    recv_ctx c;
    if (recv_into_args("recv_into", args, nargs, kwnames, &buf, &c,
                       "buffer too small for requested bytes") < 0)
        return NULL;
    c.from = NULL;
    if (c.len == 0) {                        /* nothing asked: no syscall */
        PyBuffer_Release(&buf);
        return PyLong_FromLong(0);
    }
    c.flags |= nowait((PySockObject *)self);
    int r = pysock_call_sized((PySockObject *)self, 0, recv_impl, &c, NULL, c.len, &c.flags);
    PyBuffer_Release(&buf);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(c.n);
}

/* recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address) */
static PyObject *
sock_recvfrom_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    Py_buffer buf;
    recv_ctx c;
    pysock_sockaddr from;
    if (recv_into_args("recvfrom_into", args, nargs, kwnames, &buf, &c,
                       "nbytes is greater than the length of the buffer") < 0)
        return NULL;
    memset(&from, 0, sizeof(from.ss));
    c.from = &from;
    c.flags |= nowait(s);
    int r = pysock_call_sized(s, 0, recv_impl, &c, NULL, c.len, &c.flags);
    PyBuffer_Release(&buf);
    if (r < 0)
        return NULL;
    PyObject *addr = pysock_recv_addr(s, &from, c.fromlen);
    if (addr == NULL)
        return NULL;
    return Py_BuildValue("nN", c.n, addr);
}

PyMethodDef pysock_sockio_methods[] = {
    {"connect", sock_connect, METH_O, "connect(address)\n\nConnect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, METH_O,
     "connect_ex(address) -> errno\n\nLike connect(address), but return an error code "
     "instead of raising."},
    {"_accept", sock_accept, METH_NOARGS,
     "_accept() -> (integer, address info)\n\nWait for a connection; return the new "
     "(non-inheritable) fd and the peer's address."},
    {"send", FASTCALL(sock_send), METH_FASTCALL | METH_KEYWORDS,
     "send(data[, flags]) -> count\n\nSend data; return the number of bytes sent."},
    {"sendall", FASTCALL(sock_sendall), METH_FASTCALL | METH_KEYWORDS,
     "sendall(data[, flags])\n\nSend all of data, calling send() until it is done or "
     "an error (or the timeout) stops it."},
    {"sendto", FASTCALL(sock_sendto), METH_FASTCALL | METH_KEYWORDS,
     "sendto(data[, flags], address) -> count\n\nSend data to address."},
    {"recv", FASTCALL(sock_recv), METH_FASTCALL | METH_KEYWORDS,
     "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes."},
    {"recv_into", FASTCALL(sock_recv_into), METH_FASTCALL | METH_KEYWORDS,
     "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nReceive into buffer."},
    {"recvfrom", FASTCALL(sock_recvfrom), METH_FASTCALL | METH_KEYWORDS,
     "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(), also "
     "returning the sender's address."},
    {"recvfrom_into", FASTCALL(sock_recvfrom_into), METH_FASTCALL | METH_KEYWORDS,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike "
     "recv_into(), also returning the sender's address."},
    {NULL, NULL, 0, NULL}
};
