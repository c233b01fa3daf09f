/* sockopt.c: getsockopt(2) and setsockopt(2), socket(7). */
#include "pysocket.h"

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

/* getsockopt(level, option[, buflen]) -> int or bytes */
static PyObject *
sock_getsockopt(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    int level, opt, buflen = 0, res;
    if (pysock_method_no_kwargs("getsockopt", kwnames) < 0)
        return NULL;
    if (pysock_nargs("getsockopt", nargs, 2, 3) < 0
        || pysock_as_int(args[0], &level) < 0
        || pysock_as_int(args[1], &opt) < 0
        || (nargs > 2 && pysock_as_int(args[2], &buflen) < 0))
        return NULL;
#if PYSOCK_HAS_AF_VSOCK
    /* vsock(7) options (SO_VM_SOCKETS_BUFFER_*) are 64-bit values */
    if (s->family == AF_VSOCK) {
        if (buflen != 0) {
            PyErr_SetString(PyExc_OSError, "getsockopt string buffer not allowed");
            return NULL;
        }
        uint64_t v = 0;
        socklen_t vlen = sizeof(v);
        if (getsockopt(s->fd, level, opt, &v, &vlen) < 0)
            return pysock_err_errno(errno);
        return PyLong_FromUnsignedLongLong((unsigned long long)v);
    }
#endif
    if (buflen == 0) {
        int flag = 0;
        socklen_t len = sizeof(flag);
        res = getsockopt(s->fd, level, opt, &flag, &len);
        if (res < 0)
            return pysock_err_errno(errno);
        return PyLong_FromLong(flag);
    }
    if (buflen < 0 || buflen > 1024) {
        PyErr_SetString(PyExc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    memset(buf, 0, (size_t)buflen);
    res = getsockopt(s->fd, level, opt, buf, &len);
    if (res < 0)
        return pysock_err_errno(errno);
    return PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
}

/* setsockopt(level, option, value: int | buffer)
 * setsockopt(level, option, None, optlen: int) */
static PyObject *
sock_setsockopt(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                PyObject *kwnames)
{
    PySockObject *s = (PySockObject *)self;
    int level, opt, flag, res;
    if (pysock_method_no_kwargs("setsockopt", kwnames) < 0)
        return NULL;
    if (nargs < 3 || nargs > 4) {
        PyErr_Format(PyExc_TypeError, "setsockopt() takes exactly 3 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    if (pysock_as_int(args[0], &level) < 0 || pysock_as_int(args[1], &opt) < 0) {
        if (nargs == 4) {
            /* as the stdlib: a bad level/option in the 4-argument form ends
             * in the 3-argument form's arity error */
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "setsockopt() takes exactly 3 arguments (4 given)");
        }
        return NULL;
    }
#if PYSOCK_HAS_AF_VSOCK
    /* vsock(7): only setsockopt(level, option, int) with a 64-bit value */
    if (s->family == AF_VSOCK) {
        unsigned long long v;
        if (nargs != 3) {
            PyErr_Format(PyExc_TypeError,
                         "setsockopt() takes exactly 3 arguments (%zd given)", nargs);
            return NULL;
        }
        if (!PyLong_Check(args[2])) {
            PyErr_Format(PyExc_TypeError, "setsockopt() argument 3 must be int, not %.50s",
                         Py_TYPE(args[2])->tp_name);
            return NULL;
        }
        if (pysock_arg_ull_mask(args[2], &v) < 0)
            return NULL;
        uint64_t v64 = (uint64_t)v;
        if (setsockopt(s->fd, level, opt, &v64, sizeof(v64)) < 0)
            return pysock_err_errno(errno);
        Py_RETURN_NONE;
    }
#endif
    if (nargs == 4) {
        /* the (None, optlen) form; anything else is a wrong argument count,
         * as PyArg's last attempt reports it in the stdlib */
        PyObject *i = NULL;
        unsigned long optlen = 0;
        if (args[2] == Py_None && !PyFloat_Check(args[3]) && PyIndex_Check(args[3])
            && (i = PyNumber_Index(args[3])) != NULL)
            optlen = PyLong_AsUnsignedLongMask(i);
        Py_XDECREF(i);
        if (i == NULL || (optlen == (unsigned long)-1 && PyErr_Occurred())) {
            PyErr_Clear();
            PyErr_SetString(PyExc_TypeError, "setsockopt() takes exactly 3 arguments (4 given)");
            return NULL;
        }
        res = setsockopt(s->fd, level, opt, NULL, (socklen_t)(unsigned int)optlen);
    }
    else if (!PyFloat_Check(args[2]) && PyIndex_Check(args[2])) {
        if (pysock_as_int(args[2], &flag) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError))
                return NULL;
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                         Py_TYPE(args[2])->tp_name);
            return NULL;
        }
        res = setsockopt(s->fd, level, opt, &flag, sizeof(flag));
    }
    else {
        Py_buffer buf;
        if (PyObject_GetBuffer(args[2], &buf, PyBUF_SIMPLE) < 0)
            return NULL;
        res = setsockopt(s->fd, level, opt, buf.buf, (socklen_t)buf.len);
        int err = errno;
        PyBuffer_Release(&buf);
        errno = err;
    }
    if (res < 0)
        return pysock_err_errno(errno);
#ifdef SO_RCVLOWAT
    /* receives must then wait for the mark (deadline.c): a buffer value is
     * taken as a mark above 1 */
    if (level == SOL_SOCKET && opt == SO_RCVLOWAT)
        s->rcvlowat = nargs != 3 || !PyIndex_Check(args[2]) || PyFloat_Check(args[2]) || flag > 1;
#endif
    Py_RETURN_NONE;
}

PyMethodDef pysock_sockopt_methods[] = {
    {"getsockopt", FASTCALL(sock_getsockopt), METH_FASTCALL | METH_KEYWORDS,
     "getsockopt(level, option[, buffersize]) -> value\n\nAn int option, or with "
     "buffersize the raw option bytes."},
    {"setsockopt", FASTCALL(sock_setsockopt), METH_FASTCALL | METH_KEYWORDS,
     "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\n"
     "setsockopt(level, option, None, optlen: int)\n\nSet a socket option."},
    {NULL, NULL, 0, NULL}
};
