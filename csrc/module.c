/* module.c: PyInit (multi-phase, PEP 489), module state, the module method
 * table, the default timeout, and the small argument helpers the other files
 * share. */
#include "pysocket.h"

static PyModuleDef pysock_moduledef;

pysock_state *
pysock_module_state(PyObject *module)
{
    return (pysock_state *)PyModule_GetState(module);
}

pysock_state *
pysock_type_state(PyTypeObject *type)
{
    PyObject *m = pysock_module_by_def(type, &pysock_moduledef);
    return m ? pysock_module_state(m) : NULL;
}

/* ---------------- argument helpers ---------------- */

int
pysock_as_int(PyObject *o, int *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
        return -1;
    }
    long v;
    if (PyLong_CheckExact(o)) {
        v = PyLong_AsLong(o);
    }
    else {
        if (!PyIndex_Check(o)) {
            PyErr_Format(PyExc_TypeError, PYSOCK_FMT_NOT_INT, Py_TYPE(o)->tp_name);
            return -1;
        }
        PyObject *i = PyNumber_Index(o);
        if (i == NULL)
            return -1;
        v = PyLong_AsLong(i);
        Py_DECREF(i);
    }
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

int
pysock_as_ssize(PyObject *o, Py_ssize_t *out)
{
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
        return -1;
    }
    Py_ssize_t v;
    if (PyLong_CheckExact(o)) {
        v = PyLong_AsSsize_t(o);
    }
    else {
        PyObject *i = PyNumber_Index(o);
        if (i == NULL)
            return -1;
        v = PyLong_AsSsize_t(i);
        Py_DECREF(i);
    }
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

int
pysock_nargs(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    const char *how = min == max ? "exactly" : (nargs < min ? "at least" : "at most");
    Py_ssize_t n = nargs < min ? min : max;
    PyErr_Format(PyExc_TypeError, "%s() takes %s %zd argument%s (%zd given)",
                 fname, how, n, n == 1 ? "" : "s", nargs);
    return -1;
}

int
pysock_no_kwargs(const char *fname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 0;
    PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int
pysock_parse_kw(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames, const char *const *names, int nnames,
                int npos_only, int min, PyObject **out)
{
    if (nargs > nnames) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most %d argument%s (%zd given)",
                     fname, nnames, nnames == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < nnames; i++)
        out[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = npos_only; i < nnames; i++) {
            if (PyUnicode_CompareWithASCIIString(key, names[i]) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError, PYSOCK_FMT_BAD_KW, PYSOCK_BAD_KW_ARGS(fname, key));
            return -1;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "argument for %s() given by name ('%s') and position (%d)",
                         fname, names[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < min; i++) {
        if (out[i] == NULL) {
            if (i < npos_only)
                PyErr_Format(PyExc_TypeError, "%s() takes at least %d argument%s (%zd given)",
                             fname, min, min == 1 ? "" : "s", nargs + nkw);
            else
                PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos %d)",
                             fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* ---------------- module functions ---------------- */

static PyObject *
socket_getdefaulttimeout(PyObject *module, PyObject *unused)
{
    (void)unused;
    return pysock_timeout_obj(pysock_module_state(module)->default_timeout);
}

static PyObject *
socket_setdefaulttimeout(PyObject *module, PyObject *arg)
{
    int64_t t;
    if (pysock_parse_timeout(arg, &t) < 0)
        return NULL;
    pysock_module_state(module)->default_timeout = t;
    Py_RETURN_NONE;
}

/* A socket descriptor argument; a negative one reaches the syscall, which
 * reports EBADF, as in the stdlib. */
static int
fd_arg(PyObject *o, int *fd)
{
    return pysock_as_int(o, fd);
}

/* close(fd): close(2); ECONNRESET is not an error, as in the stdlib. */
static PyObject *
socket_close(PyObject *module, PyObject *arg)
{
    (void)module;
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    return pysock_close_fd(fd);
}

/* dup(fd): a non-inheritable duplicate (PEP 446). */
static PyObject *
socket_dup(PyObject *module, PyObject *arg)
{
    (void)module;
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return pysock_err_errno(errno);
    return PyLong_FromLong(nfd);
}

/* socketpair([family[, type[, proto]]]) -> (socket, socket); socketpair(2). */
static PyObject *
socket_socketpair(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    pysock_state *st = pysock_module_state(module);
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0, fds[2], res, err;
    if (pysock_nargs("socketpair", nargs, 0, 3) < 0
        || (nargs > 0 && pysock_as_int(args[0], &family) < 0)
        || (nargs > 1 && pysock_as_int(args[1], &type) < 0)
        || (nargs > 2 && pysock_as_int(args[2], &proto) < 0))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
#if PYSOCK_HAS_ATOMIC_CLOEXEC
    res = socketpair(family, type | SOCK_CLOEXEC, proto, fds);
#else
    res = socketpair(family, type, proto, fds);
    if (res == 0 && (fcntl(fds[0], F_SETFD, FD_CLOEXEC) < 0
                     || fcntl(fds[1], F_SETFD, FD_CLOEXEC) < 0)) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        errno = e;
        res = -1;
    }
#endif
    err = errno;
    Py_END_ALLOW_THREADS
    if (res < 0)
        return pysock_err_errno(err);
    PyObject *a = pysock_new_from_fd(st, fds[0], family, type, proto);
    if (a == NULL) {
        close(fds[1]);
        return NULL;
    }
    PyObject *b = pysock_new_from_fd(st, fds[1], family, type, proto);
    if (b == NULL) {
        close(((PySockObject *)a)->fd);   /* not left to the finalizer's warning */
        ((PySockObject *)a)->fd = -1;
        Py_DECREF(a);
        return NULL;
    }
    return pysock_pair(a, b);
}

PyMethodDef pysock_module_functions[] = {
    {"getdefaulttimeout", socket_getdefaulttimeout, METH_NOARGS,
     "getdefaulttimeout() -> timeout\n\nThe default timeout in seconds for new "
     "socket objects, or None for no timeout."},
    {"setdefaulttimeout", socket_setdefaulttimeout, METH_O,
     "setdefaulttimeout(timeout)\n\nSets the default timeout in seconds (a "
     "non-negative number) for new socket objects; None means no timeout."},
    {"close", socket_close, METH_O, "close(integer) -> None\n\nCloses a socket file descriptor."},
    {"dup", socket_dup, METH_O,
     "dup(integer) -> integer\n\nDuplicates a socket file descriptor; the new one "
     "is non-inheritable."},
    {"socketpair", (PyCFunction)(void (*)(void))socket_socketpair, METH_FASTCALL,
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\n"
     "A pair of connected socket objects."},
    {NULL, NULL, 0, NULL}
};

/* ---------------- module life cycle ---------------- */

static int
pysock_exec(PyObject *module)
{
    pysock_state *st = pysock_module_state(module);
    st->default_timeout = -1;
    if (pysock_errors_init(module, st) < 0
        || pysock_socket_type_init(module, st) < 0
        || pysock_constants_init(module) < 0)
        return -1;
#if PYSOCK_HAS_AF_BLUETOOTH
    if (pysock_bluetooth_constants_init(module) < 0)
        return -1;
#endif
    PyMethodDef *tables[] = {
        pysock_module_functions, pysock_resolver_functions, pysock_convert_functions,
        pysock_msg_functions, pysock_addr_functions,
    };
    for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
        if (PyModule_AddFunctions(module, tables[i]) < 0)
            return -1;
    }
    return 0;
}

static int
pysock_traverse(PyObject *module, visitproc visit, void *arg)
{
    pysock_state *st = pysock_module_state(module);
    Py_VISIT(st->sock_type);
    Py_VISIT(st->timeout_error);
    Py_VISIT(st->herror);
    Py_VISIT(st->gaierror);
    return 0;
}

static int
pysock_clear(PyObject *module)
{
    pysock_state *st = pysock_module_state(module);
    Py_CLEAR(st->sock_type);
    Py_CLEAR(st->timeout_error);
    Py_CLEAR(st->herror);
    Py_CLEAR(st->gaierror);
    return 0;
}

static void
pysock_free(void *module)
{
    pysock_clear((PyObject *)module);
}

static PyModuleDef_Slot pysock_slots[] = {
    {Py_mod_exec, (void *)pysock_exec},
    {0, NULL}
};

static PyModuleDef pysock_moduledef = {
    PyModuleDef_HEAD_INIT,
    "pysocket._socket",
    "The C core of pysocket: socket objects, addresses, name resolution and\n"
    "conversions, with the same API as the stdlib's _socket module.",
    sizeof(pysock_state),
    NULL,
    pysock_slots,
    pysock_traverse,
    pysock_clear,
    pysock_free,
};

PyMODINIT_FUNC
PyInit__socket(void)
{
    return PyModuleDef_Init(&pysock_moduledef);
}
