/* addr_alg.c: AF_ALG addresses (type, name[, feat[, mask]]), the kernel
 * crypto API; Documentation/crypto/userspace-if.rst, <linux/if_alg.h>.
 * struct sockaddr_alg { salg_family; salg_type[14]; __u32 salg_feat;
 * __u32 salg_mask; salg_name[64]; }, both strings NUL-terminated. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_ALG

#define ALG_FORMAT_MSG "AF_ALG address must be a tuple (type, name[, feat[, mask]])"

/* type and name are str (UTF-8, no NUL); feat and mask are truncated to 16
 * bits as the stdlib's "H" does.  Too long a type or name is ValueError. */
static int
alg_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
          socklen_t *len)
{
    struct sockaddr_alg a;
    PyObject *tkeep = NULL, *nkeep = NULL;
    const char *type, *name;
    unsigned short feat = 0, mask = 0;
    int ret = -1;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_ALG address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(addr);
    if (n < 2 || n > 4) {
        PyErr_SetString(PyExc_TypeError, ALG_FORMAT_MSG);
        return -1;
    }
    /* a non-str type or name gets the format message, as with PyArg's ';' */
    if (!PyUnicode_Check(PyTuple_GET_ITEM(addr, 0))
        || !PyUnicode_Check(PyTuple_GET_ITEM(addr, 1))) {
        PyErr_SetString(PyExc_TypeError, ALG_FORMAT_MSG);
        return -1;
    }
    if (pysock_arg_utf8(PyTuple_GET_ITEM(addr, 0), &tkeep, &type) < 0
        || pysock_arg_utf8(PyTuple_GET_ITEM(addr, 1), &nkeep, &name) < 0
        || (n > 2 && pysock_arg_ushort(PyTuple_GET_ITEM(addr, 2), &feat) < 0)
        || (n > 3 && pysock_arg_ushort(PyTuple_GET_ITEM(addr, 3), &mask) < 0))
        goto done;
    memset(&a, 0, sizeof(a));
    if (strlen(type) >= sizeof(a.salg_type)) {
        PyErr_SetString(PyExc_ValueError, "AF_ALG type too long.");
        goto done;
    }
    if (strlen(name) >= sizeof(a.salg_name)) {
        PyErr_SetString(PyExc_ValueError, "AF_ALG name too long.");
        goto done;
    }
    a.salg_family = AF_ALG;
    memcpy(a.salg_type, type, strlen(type));
    memcpy(a.salg_name, name, strlen(name));
    a.salg_feat = feat;
    a.salg_mask = mask;
    memcpy(out->bytes, &a, sizeof(a));
    *len = sizeof(a);
    ret = 0;
done:
    Py_XDECREF(tkeep);
    Py_XDECREF(nkeep);
    return ret;
}

/* -> (type, name, feat, mask); the strings stop at their NUL or field end. */
static PyObject *
alg_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_alg a;
    memcpy(&a, sa->bytes, sizeof(a));
    return Py_BuildValue("s#s#II",
                         (const char *)a.salg_type,
                         (Py_ssize_t)strnlen((const char *)a.salg_type, sizeof(a.salg_type)),
                         (const char *)a.salg_name,
                         (Py_ssize_t)strnlen((const char *)a.salg_name, sizeof(a.salg_name)),
                         (unsigned int)a.salg_feat, (unsigned int)a.salg_mask);
}

const pysock_addr_ops pysock_addr_alg = {AF_ALG, alg_parse, alg_build};

#endif /* PYSOCK_HAS_AF_ALG */
