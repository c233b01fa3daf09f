/* addr_tipc.c: AF_TIPC addresses; tipc(7) and <linux/tipc.h>.
 *
 * Python form: (addr_type, v1, v2, v3[, scope]) where addr_type is
 *   TIPC_ADDR_NAMESEQ  v1=type  v2=lower     v3=upper
 *   TIPC_ADDR_NAME     v1=type  v2=instance  v3=(ignored; built as instance)
 *   TIPC_ADDR_ID       v1=node  v2=ref       v3=(ignored; built as 0)
 * and scope defaults to TIPC_CLUSTER_SCOPE. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_TIPC

static int
tipc_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
           socklen_t *len)
{
    struct sockaddr_tipc t;
    unsigned int v[5];
    v[4] = TIPC_CLUSTER_SCOPE;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_TIPC address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(addr);
    if (n < 4 || n > 5) {
        PyErr_SetString(PyExc_TypeError,
                        "AF_TIPC address must be a tuple (addr_type, v1, v2, v3[, scope])");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, i), &v[i]) < 0)
            return -1;
    }
    memset(&t, 0, sizeof(t));
    t.family = AF_TIPC;
    t.addrtype = (unsigned char)v[0];
    t.scope = (signed char)v[4];
    if (v[0] == TIPC_ADDR_NAMESEQ) {
        t.addr.nameseq.type = v[1];
        t.addr.nameseq.lower = v[2];
        t.addr.nameseq.upper = v[3];
    }
    else if (v[0] == TIPC_ADDR_NAME) {
        t.addr.name.name.type = v[1];
        t.addr.name.name.instance = v[2];
    }
    else if (v[0] == TIPC_ADDR_ID) {
        t.addr.id.node = v[1];
        t.addr.id.ref = v[2];
    }
    else {
        PyErr_SetString(PyExc_TypeError, "Invalid address type");
        return -1;
    }
    memcpy(out->bytes, &t, sizeof(t));
    *len = sizeof(t);
    return 0;
}

/* -> (addr_type, v1, v2, v3, scope); ValueError for an unknown type. */
static PyObject *
tipc_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_tipc t;
    unsigned int v1, v2, v3;
    memcpy(&t, sa->bytes, sizeof(t));
    switch (t.addrtype) {
    case TIPC_ADDR_NAMESEQ:
        v1 = t.addr.nameseq.type;
        v2 = t.addr.nameseq.lower;
        v3 = t.addr.nameseq.upper;
        break;
    case TIPC_ADDR_NAME:
        v1 = t.addr.name.name.type;
        v2 = v3 = t.addr.name.name.instance;
        break;
    case TIPC_ADDR_ID:
        v1 = t.addr.id.node;
        v2 = t.addr.id.ref;
        v3 = 0;
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "Invalid address type");
        return NULL;
    }
    /* the scope comes back as the unsigned value of the signed byte */
    return Py_BuildValue("IIIII", (unsigned int)t.addrtype, v1, v2, v3,
                         (unsigned int)(int)t.scope);
}

const pysock_addr_ops pysock_addr_tipc = {AF_TIPC, tipc_parse, tipc_build};

#endif /* PYSOCK_HAS_AF_TIPC */
