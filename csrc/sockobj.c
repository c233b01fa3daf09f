/* sockobj.c: the socket type: new/init/finalize/dealloc, close/detach/repr,
 * timeouts and blocking mode, bind/listen/shutdown/getsockname/getpeername,
 * dup and inheritance.  I/O lives in sockio.c, options in sockopt.c. */
#include "pysocket.h"

#include <math.h>
#include <structmember.h>

/* ---------------- timeouts ---------------- */

int
pysock_parse_timeout(PyObject *obj, int64_t *out)
{
    if (obj == Py_None) {
        *out = -1;
        return 0;
    }
    int64_t ns;
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);        /* round away from zero */
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError,
                            PYSOCK_MSG_FLOAT_TIME_OVERFLOW);
            return -1;
        }
        ns = (int64_t)d;
    }
    else {
        long long sec = PyLong_AsLongLong(obj);
        if (sec == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_SetString(PyExc_OverflowError,
                                PYSOCK_MSG_TIME_OVERFLOW);
            }
            return -1;
        }
        if (sec > INT64_MAX / 1000000000 || sec < INT64_MIN / 1000000000) {
            PyErr_SetString(PyExc_OverflowError,
                            PYSOCK_MSG_TIME_OVERFLOW);
            return -1;
        }
        ns = (int64_t)sec * 1000000000;
    }
    if (ns < 0) {
        PyErr_SetString(PyExc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = ns;
    return 0;
}

PyObject *
pysock_timeout_obj(int64_t timeout)
{
    if (timeout < 0)
        Py_RETURN_NONE;
    if (timeout % 1000000000 == 0)
        return PyFloat_FromDouble((double)(timeout / 1000000000));
    return PyFloat_FromDouble((double)timeout / 1e9);
}

int
pysock_set_fd_blocking(int fd, int blocking)
{
    int flag = !blocking, res, err;
    Py_BEGIN_ALLOW_THREADS
    res = ioctl(fd, FIONBIO, &flag);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0) {
        pysock_err_errno(err);
        return -1;
    }
    return 0;
}

int
pysock_apply_timeout(PySockObject *s, int64_t timeout)
{
    s->timeout = timeout;
    return pysock_set_fd_blocking(s->fd, timeout < 0);   /* EBADF once closed */
}

/* ---------------- construction ---------------- */

static PyObject *
sock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    (void)args;
    (void)kwds;
    pysock_state *st = pysock_type_state(type);
    if (st == NULL)
        return NULL;
    PySockObject *s = (PySockObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->proto = 0;
    s->timeout = -1;
    s->state = st;
    s->busy = 0;
    s->rcvlowat = 0;
    s->pending_close = -1;
    s->last_salen = 0;
    s->last_addr = NULL;
    s->to_addr = NULL;
    s->to_salen = 0;
    return (PyObject *)s;
}

/* Sets the object's fields for fd and applies the default timeout, as the
 * stdlib's init_sockobject() does.  0 / -1. */
static int
init_fields(PySockObject *s, int fd, int family, int type, int proto)
{
    s->fd = fd;
    s->family = family;
#if PYSOCK_HAS_SOCK_FLAGS
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0;
        s->proto = proto;
        return 0;
    }
#else
    s->type = type;
#endif
    s->proto = proto;
    s->timeout = s->state->default_timeout;
    if (s->timeout >= 0)
        return pysock_set_fd_blocking(fd, 0);
    return 0;
}

/* getsockopt(2) for an int option of level SOL_SOCKET. */
static int
sol_socket_int(int fd, int opt, int *out)
{
    socklen_t len = sizeof(*out);
    if (getsockopt(fd, SOL_SOCKET, opt, out, &len) < 0) {
        pysock_err_errno(errno);
        return -1;
    }
    return 0;
}

/* The arguments of socket(family=-1, type=-1, proto=-1, fileno=None), parsed
 * by hand (PyArg_ParseTupleAndKeywords costs ~1,300 instructions, and every
 * accepted connection makes a socket object).  Texts as PyArg's. */
static int
init_args(PyObject *args, PyObject *kwds, int *family, int *type, int *proto,
          PyObject **fdobj)
{
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    PyObject *a[4] = {NULL, NULL, NULL, NULL};
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 4) {
        PyErr_Format(PyExc_TypeError, "socket() takes at most 4 arguments (%zd given)", n);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        a[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        if (n + PyDict_GET_SIZE(kwds) > 4) {
            PyErr_Format(PyExc_TypeError, "socket() takes at most 4 arguments (%zd given)",
                         n + PyDict_GET_SIZE(kwds));
            return -1;
        }
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            int found = -1;
            for (int i = 0; i < 4 && PyUnicode_Check(key); i++) {
                if (PyUnicode_CompareWithASCIIString(key, names[i]) == 0) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                PyErr_Format(PyExc_TypeError, PYSOCK_FMT_BAD_KW,
                             PYSOCK_BAD_KW_ARGS("socket", key));
                return -1;
            }
            if (a[found] != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "argument for socket() given by name ('%s') and position (%d)",
                             names[found], found + 1);
                return -1;
            }
            a[found] = value;
        }
    }
    int *outs[3] = {family, type, proto};
    for (int i = 0; i < 3; i++) {
        if (a[i] != NULL && pysock_as_int(a[i], outs[i]) < 0) {
#if PYSOCK_INIT_INT_CLINIC
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_SetString(PyExc_OverflowError,
                                "Python int too large to convert to C int");
            }
#endif
            return -1;
        }
    }
    *fdobj = a[3];
    return 0;
}

/* socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None); socket(2). */
static int
sock_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PySockObject *s = (PySockObject *)self;
    int family = -1, type = -1, proto = -1, fd = -1;
    PyObject *fdobj = NULL;
    if (init_args(args, kwds, &family, &type, &proto, &fdobj) < 0)
        return -1;
    if (PySys_Audit("socket.__new__", "Oiii", self, family, type, proto) < 0)
        return -1;
    if (fdobj != NULL && fdobj != Py_None) {
        if (PyFloat_Check(fdobj)) {
            PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
            return -1;
        }
        long v = PyLong_AsLong(fdobj);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;     /* truncated like the stdlib's SOCKET_T conversion */
        /* detect what the caller left out, from the fd itself */
        if (family == -1) {
#if PYSOCK_HAS_SO_DOMAIN
            if (sol_socket_int(fd, SO_DOMAIN, &family) < 0)
                return -1;
#else
            pysock_sockaddr sa;
            socklen_t len = sizeof(sa);
            memset(&sa, 0, sizeof(sa));
            if (getsockname(fd, &sa.sa, &len) < 0) {
                pysock_err_errno(errno);
                return -1;
            }
            family = sa.sa.sa_family;
#endif
        }
        if (type == -1 && sol_socket_int(fd, SO_TYPE, &type) < 0)
            return -1;
        if (proto == -1) {
#if PYSOCK_HAS_SO_DOMAIN
            if (sol_socket_int(fd, SO_PROTOCOL, &proto) < 0)
                return -1;
#else
            proto = 0;
#endif
        }
    }
    else {
        int err;
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        Py_BEGIN_ALLOW_THREADS
#if PYSOCK_HAS_ATOMIC_CLOEXEC
        fd = socket(family, type | SOCK_CLOEXEC, proto);
#else
        fd = socket(family, type, proto);
        if (fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
            err = errno;
            close(fd);
            fd = -1;
            errno = err;
        }
#endif
        err = errno;
        Py_END_ALLOW_THREADS
        if (fd < 0) {
            pysock_err_errno(err);
            return -1;
        }
    }
    /* re-initialising an open socket object closes nothing: as the stdlib,
     * the old fd is simply replaced */
    if (init_fields(s, fd, family, type, proto) < 0) {
        if (fdobj == NULL || fdobj == Py_None)
            close(fd);
        s->fd = -1;
        return -1;
    }
    s->rcvlowat = 0;
#ifdef SO_RCVLOWAT
    /* an existing stream socket (dup, fromfd, accept: a listener passes the
     * mark on) may carry a receive low-water mark the receives must honour */
    if (fdobj != NULL && fdobj != Py_None && s->type == SOCK_STREAM) {
        int mark;
        s->rcvlowat = sol_socket_int(fd, SO_RCVLOWAT, &mark) == 0 && mark > 1;
        PyErr_Clear();
    }
#endif
    return 0;
}

PyObject *
pysock_new_from_fd(pysock_state *st, int fd, int family, int type, int proto)
{
    PySockObject *s = (PySockObject *)sock_new(st->sock_type, NULL, NULL);
    if (s == NULL) {
        close(fd);
        return NULL;
    }
    if (init_fields(s, fd, family, type, proto) < 0) {
        /* closed here: left to the finalizer it would warn "unclosed" */
        close(fd);
        s->fd = -1;
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

/* ---------------- destruction ---------------- */

/* The finalizer: an open socket is closed with a ResourceWarning. */
static void
sock_finalize(PyObject *self)
{
    PySockObject *s = (PySockObject *)self;
    if (s->fd < 0)
        return;
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    if (PyErr_ResourceWarning(self, 1, "unclosed %R", self)) {
        /* a warning turned into an error: report it, do not raise */
        if (PyErr_ExceptionMatches(PyExc_Warning))
            PyErr_WriteUnraisable(self);
        PyErr_Clear();
    }
    int fd = s->fd;
    s->fd = -1;
    close(fd);       /* quick, and the GIL stays held in a finalizer */
    PyErr_Restore(et, ev, tb);
}

static void
sock_dealloc(PyObject *self)
{
    PySockObject *s = (PySockObject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;                     /* resurrected */
    Py_CLEAR(s->last_addr);
    Py_CLEAR(s->to_addr);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* ---------------- methods ---------------- */

PyObject *
pysock_close_fd(int fd)
{
    int res, err;
    Py_BEGIN_ALLOW_THREADS
    res = close(fd);
    err = errno;
    Py_END_ALLOW_THREADS
    /* ECONNRESET: the peer reset the connection, the fd is closed anyway */
    if (res < 0 && err != ECONNRESET)
        return pysock_err_errno(err);
    Py_RETURN_NONE;
}

/* The methods without arguments are METH_FASTCALL rather than METH_NOARGS:
 * the interpreter (3.11+) specializes calls of a bound FASTCALL builtin, as
 * in `f = sock.fileno; f()`, but not of a bound NOARGS one (about 120 fewer
 * instructions per call).  The argument count check is METH_NOARGS's, with
 * its text. */
static int
no_args(const char *name, Py_ssize_t nargs)
{
    if (nargs == 0)
        return 0;
    PyErr_Format(PyExc_TypeError, "socket.%s() takes no arguments (%zd given)", name, nargs);
    return -1;
}

/* close(): close(2).  While another thread is inside a call on this socket,
 * the socket is shut down to wake it and that call closes the fd on its way
 * out, so the fd number cannot be reused under it. */
static PyObject *
sock_close(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("close", nargs) < 0)
        return NULL;
    PySockObject *s = (PySockObject *)self;
    int fd = s->fd;
    if (fd < 0)
        Py_RETURN_NONE;
    s->fd = -1;
    if (s->busy > 0) {
        s->pending_close = fd;
        shutdown(fd, SHUT_RDWR);
        Py_RETURN_NONE;
    }
    return pysock_close_fd(fd);
}

static PyObject *
sock_detach(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("detach", nargs) < 0)
        return NULL;
    PySockObject *s = (PySockObject *)self;
    int fd = s->fd;
    s->fd = -1;
    return PyLong_FromLong(fd);
}

static PyObject *
sock_fileno(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("fileno", nargs) < 0)
        return NULL;
    return PyLong_FromLong(((PySockObject *)self)->fd);
}

static PyObject *
sock_dup(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("dup", nargs) < 0)
        return NULL;
    PySockObject *s = (PySockObject *)self;
    int nfd = fcntl(s->fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return pysock_err_errno(errno);
    PyObject *d = pysock_new_from_fd(s->state, nfd, s->family, s->type, s->proto);
    if (d != NULL)
        ((PySockObject *)d)->rcvlowat = s->rcvlowat;   /* the options are shared */
    return d;
}

static PyObject *
sock_settimeout(PyObject *self, PyObject *arg)
{
    int64_t t;
    if (pysock_parse_timeout(arg, &t) < 0)
        return NULL;
    if (pysock_apply_timeout((PySockObject *)self, t) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
sock_gettimeout(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("gettimeout", nargs) < 0)
        return NULL;
    return pysock_timeout_obj(((PySockObject *)self)->timeout);
}

static PyObject *
sock_setblocking(PyObject *self, PyObject *arg)
{
#if PYSOCK_SETBLOCKING_TRUTH
    int block = PyObject_IsTrue(arg);
    if (block < 0)
        return NULL;
#else
    long block = PyLong_AsLong(arg);
    if (block == -1 && PyErr_Occurred())
        return NULL;
#endif
    if (pysock_apply_timeout((PySockObject *)self, block ? -1 : 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
sock_getblocking(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("getblocking", nargs) < 0)
        return NULL;
    return PyBool_FromLong(((PySockObject *)self)->timeout != 0);
}

static PyObject *
sock_get_inheritable(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("get_inheritable", nargs) < 0)
        return NULL;
    int flags = fcntl(((PySockObject *)self)->fd, F_GETFD);
    if (flags < 0)
        return pysock_err_errno(errno);
    return PyBool_FromLong(!(flags & FD_CLOEXEC));
}

static PyObject *
sock_set_inheritable(PyObject *self, PyObject *arg)
{
    int fd = ((PySockObject *)self)->fd;
    int inheritable = PyObject_IsTrue(arg);
    if (inheritable < 0)
        return NULL;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return pysock_err_errno(errno);
    int nflags = inheritable ? (flags & ~FD_CLOEXEC) : (flags | FD_CLOEXEC);
    if (nflags != flags && fcntl(fd, F_SETFD, nflags) < 0)
        return pysock_err_errno(errno);
    Py_RETURN_NONE;
}

/* bind(address); bind(2). */
static PyObject *
sock_bind(PyObject *self, PyObject *addr)
{
    PySockObject *s = (PySockObject *)self;
    pysock_addrctx ctx = pysock_ctx(s, "bind");
    pysock_sockaddr sa;
    socklen_t len;
    int res, err;
    if (pysock_parse_addr(&ctx, addr, &sa, &len) < 0)
        return NULL;
    if (PySys_Audit("socket.bind", "OO", self, addr) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    res = bind(s->fd, &sa.sa, len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0)
        return pysock_err_errno(err);
    Py_RETURN_NONE;
}

/* listen([backlog]); listen(2). */
static PyObject *
sock_listen(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128, res, err;
    if (pysock_method_no_kwargs("listen", kwnames) < 0)
        return NULL;
    if (pysock_nargs("listen", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1 && pysock_as_int(args[0], &backlog) < 0)
        return NULL;
    if (backlog < 0)
        backlog = 0;
    Py_BEGIN_ALLOW_THREADS
    res = listen(s->fd, backlog);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0)
        return pysock_err_errno(err);
    Py_RETURN_NONE;
}

/* shutdown(how); shutdown(2). */
static PyObject *
sock_shutdown(PyObject *self, PyObject *arg)
{
    PySockObject *s = (PySockObject *)self;
    int res, err;
    /* a plain C int conversion, as the stdlib's (which on 3.9 still takes
     * floats through __int__, with a DeprecationWarning) */
    long how = PyLong_AsLong(arg);
    if (how == -1 && PyErr_Occurred())
        return NULL;
    if (how > INT_MAX || how < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    res = shutdown(s->fd, (int)how);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0)
        return pysock_err_errno(err);
    Py_RETURN_NONE;
}

typedef int (*name_fn)(int, struct sockaddr *, socklen_t *);

static PyObject *
sock_name(PySockObject *s, name_fn fn)
{
    pysock_sockaddr sa;
    socklen_t len = sizeof(sa);
    int res, err;
    memset(&sa, 0, sizeof(sa));
    Py_BEGIN_ALLOW_THREADS
    res = fn(s->fd, &sa.sa, &len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0)
        return pysock_err_errno(err);
    return pysock_build_addr(&sa, len, s->proto);
}

/* getsockname(); getsockname(2). */
static PyObject *
sock_getsockname(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("getsockname", nargs) < 0)
        return NULL;
    return sock_name((PySockObject *)self, getsockname);
}

/* getpeername(); getpeername(2). */
static PyObject *
sock_getpeername(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)args;
    if (no_args("getpeername", nargs) < 0)
        return NULL;
    return sock_name((PySockObject *)self, getpeername);
}

static PyObject *
sock_repr(PyObject *self)
{
    PySockObject *s = (PySockObject *)self;
    return PyUnicode_FromFormat("<socket object, fd=%ld, family=%d, type=%d, proto=%d>",
                                (long)s->fd, s->family, s->type, s->proto);
}

static PyObject *
sock_get_timeout_attr(PyObject *self, void *closure)
{
    (void)closure;
    return pysock_timeout_obj(((PySockObject *)self)->timeout);
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

PyMethodDef pysock_sockobj_methods[] = {
    {"close", FASTCALL(sock_close), METH_FASTCALL, "close()\n\nClose the socket."},
    {"detach", FASTCALL(sock_detach), METH_FASTCALL,
     "detach()\n\nClose the socket object without closing the fd; return the fd."},
    {"fileno", FASTCALL(sock_fileno), METH_FASTCALL, "fileno() -> integer\n\nThe socket's file descriptor."},
    {"dup", FASTCALL(sock_dup), METH_FASTCALL, "dup() -> socket object\n\nA duplicate of the socket."},
    {"settimeout", sock_settimeout, METH_O,
     "settimeout(timeout)\n\nNone: blocking; 0.0: non-blocking; > 0: timeout in seconds."},
    {"gettimeout", FASTCALL(sock_gettimeout), METH_FASTCALL,
     "gettimeout() -> timeout\n\nThe timeout in seconds, or None."},
    {"setblocking", sock_setblocking, METH_O,
     "setblocking(flag)\n\nsetblocking(True) is settimeout(None), setblocking(False) "
     "is settimeout(0.0)."},
    {"getblocking", FASTCALL(sock_getblocking), METH_FASTCALL,
     "getblocking()\n\nTrue unless the socket is non-blocking (timeout 0.0)."},
    {"get_inheritable", FASTCALL(sock_get_inheritable), METH_FASTCALL,
     "get_inheritable() -> bool\n\nWhether the fd is inherited by child processes."},
    {"set_inheritable", sock_set_inheritable, METH_O,
     "set_inheritable(flag)\n\nMake the fd inheritable or not."},
    {"bind", sock_bind, METH_O, "bind(address)\n\nBind the socket to a local address."},
    {"listen", FASTCALL(sock_listen), METH_FASTCALL | METH_KEYWORDS,
     "listen([backlog])\n\nAccept connections; backlog defaults to min(SOMAXCONN, 128)."},
    {"shutdown", sock_shutdown, METH_O,
     "shutdown(flag)\n\nShut down reading (SHUT_RD), writing (SHUT_WR) or both (SHUT_RDWR)."},
    {"getsockname", FASTCALL(sock_getsockname), METH_FASTCALL,
     "getsockname() -> address info\n\nThe local address of the socket."},
    {"getpeername", FASTCALL(sock_getpeername), METH_FASTCALL,
     "getpeername() -> address info\n\nThe address of the remote end."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef sock_members[] = {
    {"family", T_INT, offsetof(PySockObject, family), READONLY, "the socket family"},
    {"type", T_INT, offsetof(PySockObject, type), READONLY, "the socket type"},
    {"proto", T_INT, offsetof(PySockObject, proto), READONLY, "the socket protocol"},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef sock_getset[] = {
    {"timeout", sock_get_timeout_attr, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* The type's method table: every file's table, concatenated once. */
static PyMethodDef all_methods[96];

static int
collect_methods(void)
{
    if (all_methods[0].ml_name != NULL)
        return 0;
    PyMethodDef *tables[] = {
        pysock_sockobj_methods, pysock_sockio_methods, pysock_sockopt_methods,
        pysock_msg_methods, pysock_batch_methods,
    };
    size_t n = 0;
    for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
        for (PyMethodDef *m = tables[t]; m->ml_name != NULL; m++) {
            if (n + 1 >= sizeof(all_methods) / sizeof(all_methods[0])) {
                PyErr_SetString(PyExc_SystemError, "pysocket: method table too small");
                return -1;
            }
            all_methods[n++] = *m;
        }
    }
    return 0;
}

PyDoc_STRVAR(sock_doc,
"socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object\n\n"
"A socket of the given address family, type and protocol.  With fileno, the\n"
"object wraps that existing socket fd, and family, type and protocol left\n"
"out are read from it.  New sockets are non-inheritable.");

int
pysock_socket_type_init(PyObject *module, pysock_state *st)
{
    if (collect_methods() < 0)
        return -1;
    PyType_Slot slots[] = {
        {Py_tp_new, (void *)sock_new},
        {Py_tp_init, (void *)sock_init},
        {Py_tp_finalize, (void *)sock_finalize},
        {Py_tp_dealloc, (void *)sock_dealloc},
        {Py_tp_repr, (void *)sock_repr},
        {Py_tp_methods, all_methods},
        {Py_tp_members, sock_members},
        {Py_tp_getset, sock_getset},
        {Py_tp_doc, (void *)sock_doc},
        {0, NULL}
    };
    PyType_Spec spec = {
        "pysocket._socket.socket",
        sizeof(PySockObject),
        0,
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
        slots,
    };
    st->sock_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &spec, NULL);
    if (st->sock_type == NULL)
        return -1;
    if (PyModule_AddObjectRef(module, "socket", (PyObject *)st->sock_type) < 0
        || PyModule_AddObjectRef(module, "SocketType", (PyObject *)st->sock_type) < 0)
        return -1;
    return 0;
}
