/* addr_unix.c: AF_UNIX addresses; unix(7).  A path is str (encoded with the
 * filesystem encoding and surrogateescape, PEP 383) or any bytes-like object.
 * On Linux an empty address autobinds, and a leading NUL byte names the
 * abstract namespace; such names come back as bytes. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_UNIX

#include <stddef.h>

static int
unix_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
           socklen_t *len)
{
    PyObject *obj;
    Py_buffer path;
    int ret = -1;
    if (PyUnicode_Check(addr)) {
        obj = PyUnicode_EncodeFSDefault(addr);
        if (obj == NULL)
            return -1;
    }
    else {
        obj = Py_NewRef(addr);
    }
    if (PyObject_GetBuffer(obj, &path, PyBUF_SIMPLE) < 0) {   /* its own error, */
        Py_DECREF(obj);                                        /* as PyArg's "y*" */
        return -1;
    }
    const char *p = (const char *)path.buf;
    size_t n = (size_t)path.len;
    size_t room = sizeof(out->un.sun_path);
#if PYSOCK_HAS_ABSTRACT_UNIX
    if (n == 0 || p[0] == '\0') {
        if (n > room) {
            PyErr_SetString(PyExc_OSError, "AF_UNIX path too long");
            goto done;
        }
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
    }
    else
#endif
    {
        if (n >= room) {
            PyErr_SetString(PyExc_OSError, "AF_UNIX path too long");
            goto done;
        }
        out->un.sun_path[n] = '\0';
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
    }
    out->un.sun_family = (sa_family_t)ctx->family;
    memcpy(out->un.sun_path, p, n);
    ret = 0;
done:
    PyBuffer_Release(&path);
    Py_DECREF(obj);
    return ret;
}

static PyObject *
unix_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)proto;
    size_t off = offsetof(struct sockaddr_un, sun_path);
    size_t n = len > off ? (size_t)len - off : 0;
    if (n > sizeof(sa->un.sun_path))
        n = sizeof(sa->un.sun_path);
#if PYSOCK_HAS_ABSTRACT_UNIX
    if (n > 0 && sa->un.sun_path[0] == '\0')
        return PyBytes_FromStringAndSize(sa->un.sun_path, (Py_ssize_t)n);
#endif
    return PyUnicode_DecodeFSDefaultAndSize(sa->un.sun_path,
                                            (Py_ssize_t)strnlen(sa->un.sun_path, n));
}

const pysock_addr_ops pysock_addr_unix = {AF_UNIX, unix_parse, unix_build};

#endif /* PYSOCK_HAS_AF_UNIX */
