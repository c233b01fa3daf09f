/* addr_vsock.c: AF_VSOCK addresses (cid, port); vsock(7).
 * struct sockaddr_vm { svm_family; svm_reserved1; unsigned int svm_port;
 * unsigned int svm_cid; unsigned char svm_zero[...]; } */
#include "pysocket.h"

#if PYSOCK_HAS_AF_VSOCK

/* (cid, port): two ints truncated to 32 bits ("I"), so -1 means
 * VMADDR_CID_ANY / VMADDR_PORT_ANY as in the stdlib. */
static int
vsock_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
            socklen_t *len)
{
    struct sockaddr_vm vm;
    unsigned int cid, port;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError,
                     "getsockaddrarg: AF_VSOCK address must be tuple, not %.500s",
                     Py_TYPE(addr)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(addr) != 2) {
        PyErr_Format(PyExc_TypeError, "getsockaddrarg() takes exactly 2 arguments (%zd given)",
                     PyTuple_GET_SIZE(addr));
        return -1;
    }
    if (pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 0), &cid) < 0
        || pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 1), &port) < 0)
        return -1;
    memset(&vm, 0, sizeof(vm));
    vm.svm_family = (sa_family_t)ctx->family;
    vm.svm_cid = cid;
    vm.svm_port = port;
    memcpy(out->bytes, &vm, sizeof(vm));
    *len = sizeof(vm);
    return 0;
}

/* -> (cid, port). */
static PyObject *
vsock_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_vm vm;
    memcpy(&vm, sa->bytes, sizeof(vm));
    return Py_BuildValue("II", (unsigned int)vm.svm_cid, (unsigned int)vm.svm_port);
}

const pysock_addr_ops pysock_addr_vsock = {AF_VSOCK, vsock_parse, vsock_build};

#endif /* PYSOCK_HAS_AF_VSOCK */
