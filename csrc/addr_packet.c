/* addr_packet.c: AF_PACKET addresses; packet(7).
 *
 * Python form: (ifname, proto[, pkttype[, hatype[, addr]]]) with
 * struct sockaddr_ll { sll_family; __be16 sll_protocol; int sll_ifindex;
 * unsigned short sll_hatype; unsigned char sll_pkttype, sll_halen,
 * sll_addr[8]; }.  The interface is named in Python and indexed in C. */
#include "pysocket.h"

#if PYSOCK_HAS_AF_PACKET

#define PACKET_FORMAT_MSG "AF_PACKET address must be a tuple of two to five elements"

/* An int like PyArg's "i", with any failure reported as the stdlib reports
 * it here: OverflowError "address argument out of range", TypeError with
 * the format message otherwise. */
static int
packet_int(const pysock_addrctx *ctx, PyObject *o, int *out)
{
    if (pysock_arg_int(o, out) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Format(PyExc_OverflowError, "%s(): address argument out of range", ctx->caller);
        return -1;
    }
    return -1;
}

static int
packet_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
             socklen_t *len)
{
    struct sockaddr_ll ll;
    PyObject *keep = NULL;
    const char *ifname;
    int proto, pkttype = PACKET_HOST, hatype = 0, ifindex, ret = -1;
    Py_buffer haddr = {NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL};
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_PACKET address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(addr);
    if (n < 2 || n > 5 || !PyUnicode_Check(PyTuple_GET_ITEM(addr, 0))) {
        PyErr_SetString(PyExc_TypeError, PACKET_FORMAT_MSG);
        return -1;
    }
    if (pysock_arg_utf8(PyTuple_GET_ITEM(addr, 0), &keep, &ifname) < 0
        || packet_int(ctx, PyTuple_GET_ITEM(addr, 1), &proto) < 0
        || (n > 2 && packet_int(ctx, PyTuple_GET_ITEM(addr, 2), &pkttype) < 0)
        || (n > 3 && packet_int(ctx, PyTuple_GET_ITEM(addr, 3), &hatype) < 0))
        goto done;
    if (n > 4 && PyObject_GetBuffer(PyTuple_GET_ITEM(addr, 4), &haddr, PyBUF_SIMPLE) < 0)
        goto done;
    if (pysock_ifindex(ifname, &ifindex) < 0)
        goto done;
    if (haddr.buf != NULL && haddr.len > 8) {
        PyErr_SetString(PyExc_ValueError, "Hardware address must be 8 bytes or less");
        goto done;
    }
    if (proto < 0 || proto > 0xffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): proto must be 0-65535.", ctx->caller);
        goto done;
    }
    memset(&ll, 0, sizeof(ll));
    ll.sll_family = AF_PACKET;
    ll.sll_protocol = htons((uint16_t)proto);
    ll.sll_ifindex = ifindex;
    ll.sll_pkttype = (unsigned char)pkttype;
    ll.sll_hatype = (unsigned short)hatype;
    if (haddr.buf != NULL) {
        memcpy(ll.sll_addr, haddr.buf, (size_t)haddr.len);
        ll.sll_halen = (unsigned char)haddr.len;
    }
    memcpy(out->bytes, &ll, sizeof(ll));
    *len = sizeof(ll);
    ret = 0;
done:
    if (haddr.buf != NULL)
        PyBuffer_Release(&haddr);
    Py_XDECREF(keep);
    return ret;
}

/* -> (ifname, proto, pkttype, hatype, addr): ifname '' when the index is 0
 * or unknown here, addr the sll_halen hardware address bytes. */
static PyObject *
packet_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    struct sockaddr_ll ll;
    char name[IF_NAMESIZE];
    memcpy(&ll, sa->bytes, sizeof(ll));
    size_t halen = ll.sll_halen <= sizeof(ll.sll_addr) ? ll.sll_halen : sizeof(ll.sll_addr);
    return Py_BuildValue("siiiy#", pysock_ifname(ll.sll_ifindex, name),
                         (int)ntohs(ll.sll_protocol), (int)ll.sll_pkttype,
                         (int)ll.sll_hatype, (const char *)ll.sll_addr, (Py_ssize_t)halen);
}

const pysock_addr_ops pysock_addr_packet = {AF_PACKET, packet_parse, packet_build};

#endif /* PYSOCK_HAS_AF_PACKET */
