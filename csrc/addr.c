/* addr.c: the one address-family dispatch, and test hooks that run a
 * family's parser and builder without a kernel socket.
 *
 * Adding a family: write addr_<family>.c exporting a pysock_addr_ops, declare
 * it in pysocket.h, and add one line to the table below. */
#include "pysocket.h"

static const pysock_addr_ops *const families[] = {
    &pysock_addr_inet,
#if PYSOCK_HAS_IPV6
    &pysock_addr_inet6,
#endif
#if PYSOCK_HAS_AF_UNIX
    &pysock_addr_unix,
#endif
#if PYSOCK_HAS_AF_NETLINK
    &pysock_addr_netlink,
#endif
#if PYSOCK_HAS_AF_PACKET
    &pysock_addr_packet,
#endif
#if PYSOCK_HAS_AF_CAN
    &pysock_addr_can,
#endif
#if PYSOCK_HAS_AF_TIPC
    &pysock_addr_tipc,
#endif
#if PYSOCK_HAS_AF_RDS
    &pysock_addr_rds,
#endif
#if PYSOCK_HAS_AF_ALG
    &pysock_addr_alg,
#endif
#if PYSOCK_HAS_AF_VSOCK
    &pysock_addr_vsock,
#endif
#if PYSOCK_HAS_AF_BLUETOOTH
    &pysock_addr_bluetooth,
#endif
#if PYSOCK_HAS_AF_QIPCRTR
    &pysock_addr_qipcrtr,
#endif
};

#define N_FAMILIES (sizeof(families) / sizeof(families[0]))

const pysock_addr_ops *
pysock_addr_lookup(int family)
{
    for (size_t i = 0; i < N_FAMILIES; i++) {
        if (families[i]->family == family)
            return families[i];
    }
    return NULL;
}

int
pysock_parse_addr(const pysock_addrctx *ctx, PyObject *addr,
                  pysock_sockaddr *out, socklen_t *len)
{
    const pysock_addr_ops *ops = pysock_addr_lookup(ctx->family);
    if (ops == NULL || ops->parse == NULL) {
        PyErr_Format(PyExc_OSError, "%s(): bad family", ctx->caller);
        return -1;
    }
    memset(out, 0, sizeof(*out));
    return ops->parse(ctx, addr, out, len);
}

PyObject *
pysock_build_addr(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    if (len == 0)
        Py_RETURN_NONE;
    const pysock_addr_ops *ops = pysock_addr_lookup(sa->sa.sa_family);
    if (ops != NULL && ops->build != NULL)
        return ops->build(sa, len, proto);
    return Py_BuildValue("iy#", (int)sa->sa.sa_family, sa->sa.sa_data,
                         (Py_ssize_t)sizeof(sa->sa.sa_data));
}

/* _parse_addr(family, type, proto, address) -> bytes: the sockaddr that
 * connect()/bind() would pass to the kernel, for tests and fuzzing. */
static PyObject *
socket__parse_addr(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    pysock_addrctx ctx;
    pysock_sockaddr sa;
    socklen_t len = 0;
    if (pysock_nargs("_parse_addr", nargs, 4, 4) < 0
        || pysock_as_int(args[0], &ctx.family) < 0
        || pysock_as_int(args[1], &ctx.type) < 0
        || pysock_as_int(args[2], &ctx.proto) < 0)
        return NULL;
    ctx.caller = "_parse_addr";
    ctx.state = pysock_module_state(module);
    if (pysock_parse_addr(&ctx, args[3], &sa, &len) < 0)
        return NULL;
    return PyBytes_FromStringAndSize(sa.bytes, (Py_ssize_t)len);
}

/* _build_addr(raw_sockaddr_bytes, proto=0) -> the address object recvfrom()
 * or getsockname() would return for those bytes. */
static PyObject *
socket__build_addr(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    pysock_sockaddr sa;
    int proto = 0;
    Py_buffer buf;
    if (pysock_nargs("_build_addr", nargs, 1, 2) < 0)
        return NULL;
    if (nargs > 1 && pysock_as_int(args[1], &proto) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[0], &buf, PyBUF_SIMPLE) < 0)
        return NULL;
    if (buf.len > (Py_ssize_t)sizeof(sa) || buf.len < (Py_ssize_t)sizeof(sa_family_t)) {
        PyBuffer_Release(&buf);
        PyErr_SetString(PyExc_ValueError, "_build_addr(): bad sockaddr length");
        return NULL;
    }
    memset(&sa, 0, sizeof(sa));
    memcpy(sa.bytes, buf.buf, (size_t)buf.len);
    socklen_t len = (socklen_t)buf.len;
    PyBuffer_Release(&buf);
    return pysock_build_addr(&sa, len, proto);
}

PyMethodDef pysock_addr_functions[] = {
    {"_parse_addr", (PyCFunction)(void (*)(void))socket__parse_addr, METH_FASTCALL,
     "_parse_addr(family, type, proto, address) -> bytes (test hook)"},
    {"_build_addr", (PyCFunction)(void (*)(void))socket__build_addr, METH_FASTCALL,
     "_build_addr(sockaddr_bytes[, proto]) -> address (test hook)"},
    {NULL, NULL, 0, NULL}
};
