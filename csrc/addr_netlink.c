/* addr_netlink.c: AF_NETLINK addresses (pid, groups); netlink(7).
 * struct sockaddr_nl { nl_family; nl_pad; __u32 nl_pid; __u32 nl_groups; } */
#include "pysocket.h"

#if PYSOCK_HAS_AF_NETLINK

/* (pid, groups): two ints, each truncated to 32 bits as the stdlib's "I".
 * TypeError for a non-tuple or a tuple of another size. */
static int
netlink_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
              socklen_t *len)
{
    struct sockaddr_nl nl;
    unsigned int pid, groups;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_NETLINK address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(addr) != 2) {
        PyErr_SetString(PyExc_TypeError, "AF_NETLINK address must be a pair (pid, groups)");
        return -1;
    }
    if (pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 0), &pid) < 0
        || pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 1), &groups) < 0)
        return -1;
    memset(&nl, 0, sizeof(nl));
    nl.nl_family = AF_NETLINK;
    nl.nl_pid = pid;
    nl.nl_groups = groups;
    memcpy(out->bytes, &nl, sizeof(nl));
    *len = sizeof(nl);
    return 0;
}

/* -> (pid, groups) as non-negative ints. */
static PyObject *
netlink_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_nl nl;
    memcpy(&nl, sa->bytes, sizeof(nl));
    return Py_BuildValue("II", (unsigned int)nl.nl_pid, (unsigned int)nl.nl_groups);
}

const pysock_addr_ops pysock_addr_netlink = {AF_NETLINK, netlink_parse, netlink_build};

#endif /* PYSOCK_HAS_AF_NETLINK */
