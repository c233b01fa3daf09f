/* addr_can.c: AF_CAN addresses; Documentation/networking/can.rst,
 * <linux/can.h>.  The form depends on the socket's protocol:
 *   CAN_RAW, CAN_BCM   (interface,)
 *   CAN_ISOTP          (interface, rx_addr, tx_addr)
 *   CAN_J1939          (interface, name, pgn, addr)
 * interface is a str/bytes/path-like name ('' for any interface), looked
 * up as an index in struct sockaddr_can's can_ifindex. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_CAN

/* The interface name (fs-encoded bytes) -> ifindex (0 for ''); OSError
 * for a missing interface (errno) or a name longer than IFNAMSIZ-1. */
static int
can_ifindex(PyObject *b, int *ifindex)
{
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    if (n == 0) {
        *ifindex = 0;
        return 0;
    }
    if ((size_t)n < IF_NAMESIZE)
        return pysock_ifindex(PyBytes_AS_STRING(b), ifindex);
    PyErr_SetString(PyExc_OSError, "AF_CAN interface name too long");
    return -1;
}

/* How many items the address tuple of proto has. */
static Py_ssize_t
can_arity(int proto)
{
#ifdef CAN_ISOTP
    if (proto == CAN_ISOTP)
        return 3;
#endif
#if PYSOCK_HAS_CAN_J1939
    if (proto == CAN_J1939)
        return 4;
#endif
    (void)proto;
    return 1;
}

/* PyArg's "k"/"K" take int objects only; its TypeError names the item. */
static int
require_int(PyObject *addr, Py_ssize_t i)
{
    PyObject *o = PyTuple_GET_ITEM(addr, i);
    if (PyLong_Check(o))
        return 0;
    PyErr_Format(PyExc_TypeError, "argument %zd must be int, not %.50s", i + 1,
                 Py_TYPE(o)->tp_name);
    return -1;
}

/* Fills the protocol-specific part from items 1.. of the tuple. */
static int
can_fill(int proto, PyObject *addr, struct sockaddr_can *c)
{
    switch (proto) {
#ifdef CAN_ISOTP
    case CAN_ISOTP: {
        unsigned long rx, tx;
        if (require_int(addr, 1) < 0 || require_int(addr, 2) < 0
            || pysock_arg_ulong_mask(PyTuple_GET_ITEM(addr, 1), &rx) < 0
            || pysock_arg_ulong_mask(PyTuple_GET_ITEM(addr, 2), &tx) < 0)
            return -1;
        c->can_addr.tp.rx_id = (canid_t)rx;
        c->can_addr.tp.tx_id = (canid_t)tx;
        return 0;
    }
#endif
#if PYSOCK_HAS_CAN_J1939
    case CAN_J1939: {
        unsigned long long name;
        unsigned int pgn;
        unsigned char a;
        if (require_int(addr, 1) < 0
            || pysock_arg_ull_mask(PyTuple_GET_ITEM(addr, 1), &name) < 0
            || pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 2), &pgn) < 0
            || pysock_arg_uchar(PyTuple_GET_ITEM(addr, 3), &a) < 0)
            return -1;
        c->can_addr.j1939.name = (uint64_t)name;
        c->can_addr.j1939.pgn = (uint32_t)pgn;
        c->can_addr.j1939.addr = a;
        return 0;
    }
#endif
    default:  /* CAN_RAW, CAN_BCM: the interface only */
        return 0;
    }
}

static int
can_known_proto(int proto)
{
    return proto == CAN_RAW || proto == CAN_BCM
#ifdef CAN_ISOTP
        || proto == CAN_ISOTP
#endif
#if PYSOCK_HAS_CAN_J1939
        || proto == CAN_J1939
#endif
        ;
}

/* Every form must be a tuple (the stdlib raises SystemError for a
 * non-tuple ISOTP/J1939 address, an internal-error type; pysocket raises
 * the TypeError the RAW/BCM form gives).  Other protocols: OSError. */
static int
can_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
          socklen_t *len)
{
    struct sockaddr_can c;
    int ifindex;
    if (!can_known_proto(ctx->proto)) {
        PyErr_Format(PyExc_OSError, "%s(): unsupported CAN protocol", ctx->caller);
        return -1;
    }
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_CAN address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(addr), want = can_arity(ctx->proto);
    if (n != want) {
        if (want == 1)
            PyErr_SetString(PyExc_TypeError, "AF_CAN address must be a tuple (interface, )");
        else
            PyErr_Format(PyExc_TypeError, "function takes exactly %zd arguments (%zd given)",
                         want, n);
        return -1;
    }
    /* as PyArg would: convert every item, then look the interface up */
    PyObject *name;
    if (pysock_arg_fsbytes(PyTuple_GET_ITEM(addr, 0), &name) < 0)
        return -1;
    memset(&c, 0, sizeof(c));
    int r = can_fill(ctx->proto, addr, &c);
    if (r == 0)
        r = can_ifindex(name, &ifindex);
    Py_DECREF(name);
    if (r < 0)
        return -1;
    c.can_family = AF_CAN;
    c.can_ifindex = ifindex;
    memcpy(out->bytes, &c, sizeof(c));
    *len = sizeof(c);
    return 0;
}

/* -> the tuple form for proto; the name is '' for index 0 or an interface
 * this namespace does not know. */
static PyObject *
can_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    struct sockaddr_can c;
    char buf[IF_NAMESIZE];
    memcpy(&c, sa->bytes, sizeof(c));
    PyObject *name = PyUnicode_DecodeFSDefault(pysock_ifname(c.can_ifindex, buf));
    if (name == NULL)
        return NULL;
    switch (proto) {
#ifdef CAN_ISOTP
    case CAN_ISOTP:
        return Py_BuildValue("Nkk", name, (unsigned long)c.can_addr.tp.rx_id,
                             (unsigned long)c.can_addr.tp.tx_id);
#endif
#if PYSOCK_HAS_CAN_J1939
    case CAN_J1939:
        return Py_BuildValue("NKIB", name, (unsigned long long)c.can_addr.j1939.name,
                             (unsigned int)c.can_addr.j1939.pgn,
                             (unsigned char)c.can_addr.j1939.addr);
#endif
    default:
        return Py_BuildValue("(N)", name);
    }
}

const pysock_addr_ops pysock_addr_can = {AF_CAN, can_parse, can_build};

#endif /* PYSOCK_HAS_AF_CAN */
