/* addr_qipcrtr.c: AF_QIPCRTR addresses (node, port), the Qualcomm IPC
 * router; <linux/qrtr.h>: struct sockaddr_qrtr { sq_family; __u32 sq_node;
 * __u32 sq_port; }. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_QIPCRTR

/* (node, port): two ints truncated to 32 bits ("I").  The stdlib's messages
 * here name its internal parser, "getsockaddrarg"; kept for drop-in. */
static int
qipcrtr_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
              socklen_t *len)
{
    (void)ctx;
    struct sockaddr_qrtr sq;
    unsigned int node, port;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError,
                     "getsockaddrarg: AF_QIPCRTR address must be tuple, not %.500s",
                     Py_TYPE(addr)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(addr) != 2) {
        PyErr_Format(PyExc_TypeError, "getsockaddrarg() takes exactly 2 arguments (%zd given)",
                     PyTuple_GET_SIZE(addr));
        return -1;
    }
    if (pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 0), &node) < 0
        || pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 1), &port) < 0)
        return -1;
    memset(&sq, 0, sizeof(sq));
    sq.sq_family = AF_QIPCRTR;
    sq.sq_node = node;
    sq.sq_port = port;
    memcpy(out->bytes, &sq, sizeof(sq));
    *len = sizeof(sq);
    return 0;
}

/* -> (node, port). */
static PyObject *
qipcrtr_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_qrtr sq;
    memcpy(&sq, sa->bytes, sizeof(sq));
    return Py_BuildValue("II", (unsigned int)sq.sq_node, (unsigned int)sq.sq_port);
}

const pysock_addr_ops pysock_addr_qipcrtr = {AF_QIPCRTR, qipcrtr_parse, qipcrtr_build};

#endif /* PYSOCK_HAS_AF_QIPCRTR */
