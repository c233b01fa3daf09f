/* addr_bluetooth.c: AF_BLUETOOTH addresses for the four protocols the
 * stdlib knows; the structs are pysocket's copies of the kernel ABI (see
 * platform.h).  A Bluetooth device address is the str "XX:XX:XX:XX:XX:XX"
 * (most significant octet first; bdaddr_t stores it reversed).
 *   BTPROTO_L2CAP   (bdaddr, psm[, cid[, bdaddr_type]])   l2cap.h
 *   BTPROTO_RFCOMM  (bdaddr, channel)                     rfcomm.h
 *   BTPROTO_HCI     dev | (dev[, channel])                hci.h
 *   BTPROTO_SCO     bdaddr (str or bytes)                 sco.h
 * Like the stdlib, a malformed tuple raises OSError("<caller>(): wrong
 * format") and a malformed bdaddr OSError("bad bluetooth address"). */
#include "pysocket.h"

#if PYSOCK_HAS_AF_BLUETOOTH

#include <stdio.h>

/* "XX:XX:XX:XX:XX:XX" (hex fields as sscanf's %X reads them, each < 256,
 * nothing after) -> bdaddr; 0 / -1 with OSError. */
static int
parse_bdaddr(const char *s, pysock_bdaddr *out)
{
    unsigned int b[6];
    char extra;
    int n = sscanf(s, "%X:%X:%X:%X:%X:%X%c", &b[5], &b[4], &b[3], &b[2], &b[1], &b[0],
                   &extra);
    if (n != 6 || (b[0] | b[1] | b[2] | b[3] | b[4] | b[5]) >= 256) {
        PyErr_SetString(PyExc_OSError, "bad bluetooth address");
        return -1;
    }
    for (int i = 0; i < 6; i++)
        out->b[i] = (uint8_t)b[i];
    return 0;
}

static PyObject *
build_bdaddr(const pysock_bdaddr *a)
{
    char buf[18];
    snprintf(buf, sizeof(buf), "%02X:%02X:%02X:%02X:%02X:%02X", a->b[5], a->b[4],
             a->b[3], a->b[2], a->b[1], a->b[0]);
    return PyUnicode_FromString(buf);
}

/* Item 0 of a tuple as a bdaddr ("s": str only). */
static int
tuple_bdaddr(PyObject *t, pysock_bdaddr *out, int *format_error)
{
    PyObject *keep;
    const char *s;
    if (pysock_arg_utf8(PyTuple_GET_ITEM(t, 0), &keep, &s) < 0) {
        *format_error = 1;
        return -1;
    }
    int r = parse_bdaddr(s, out);
    Py_DECREF(keep);
    return r;
}

/* Each parser returns 0, -1 with an exception set, or -2 for "wrong
 * format" (the caller replaces whatever error it had, as the stdlib does). */
static int
parse_l2cap(PyObject *addr, pysock_sockaddr *out, socklen_t *len)
{
    struct pysock_sockaddr_l2 l2;
    unsigned short psm, cid = 0;
    unsigned char type = BDADDR_BREDR;
    int fmt = 0;
    Py_ssize_t n = PyTuple_Check(addr) ? PyTuple_GET_SIZE(addr) : 0;
    if (n < 2 || n > 4)
        return -2;
    memset(&l2, 0, sizeof(l2));
    /* all conversions run before the address is read, as in PyArg */
    if (pysock_arg_ushort(PyTuple_GET_ITEM(addr, 1), &psm) < 0
        || (n > 2 && pysock_arg_ushort(PyTuple_GET_ITEM(addr, 2), &cid) < 0)
        || (n > 3 && pysock_arg_uchar(PyTuple_GET_ITEM(addr, 3), &type) < 0)
        || !PyUnicode_Check(PyTuple_GET_ITEM(addr, 0)))
        return -2;
    if (tuple_bdaddr(addr, &l2.l2_bdaddr, &fmt) < 0)
        return fmt ? -2 : -1;
    l2.l2_family = AF_BLUETOOTH;
    l2.l2_psm = psm;
    l2.l2_cid = cid;
    l2.l2_bdaddr_type = type;
    memcpy(out->bytes, &l2, sizeof(l2));
    *len = sizeof(l2);
    return 0;
}

static int
parse_rfcomm(PyObject *addr, pysock_sockaddr *out, socklen_t *len)
{
    struct pysock_sockaddr_rc rc;
    unsigned char channel;
    int fmt = 0;
    if (!PyTuple_Check(addr) || PyTuple_GET_SIZE(addr) != 2
        || !PyUnicode_Check(PyTuple_GET_ITEM(addr, 0))
        || pysock_arg_uchar(PyTuple_GET_ITEM(addr, 1), &channel) < 0)
        return -2;
    memset(&rc, 0, sizeof(rc));
    if (tuple_bdaddr(addr, &rc.rc_bdaddr, &fmt) < 0)
        return fmt ? -2 : -1;
    rc.rc_family = AF_BLUETOOTH;
    rc.rc_channel = channel;
    memcpy(out->bytes, &rc, sizeof(rc));
    *len = sizeof(rc);
    return 0;
}

/* An int device alone keeps its own conversion errors (and the raw
 * channel); a tuple's errors become "wrong format". */
static int
parse_hci(PyObject *addr, pysock_sockaddr *out, socklen_t *len)
{
    struct pysock_sockaddr_hci h;
    unsigned short dev, channel = HCI_CHANNEL_RAW;
    if (PyIndex_Check(addr)) {
        if (pysock_arg_ushort(addr, &dev) < 0)
            return -1;
    }
    else {
        Py_ssize_t n = PyTuple_Check(addr) ? PyTuple_GET_SIZE(addr) : 0;
        if (n < 1 || n > 2
            || pysock_arg_ushort(PyTuple_GET_ITEM(addr, 0), &dev) < 0
            || (n > 1 && pysock_arg_ushort(PyTuple_GET_ITEM(addr, 1), &channel) < 0))
            return -2;
    }
    memset(&h, 0, sizeof(h));
    h.hci_family = AF_BLUETOOTH;
    h.hci_dev = dev;
    h.hci_channel = channel;
    memcpy(out->bytes, &h, sizeof(h));
    *len = sizeof(h);
    return 0;
}

static int
parse_sco(PyObject *addr, pysock_sockaddr *out, socklen_t *len)
{
    struct pysock_sockaddr_sco sc;
    PyObject *keep = NULL;
    const char *s;
    if (PyBytes_Check(addr)) {
        s = PyBytes_AS_STRING(addr);
        if (strlen(s) != (size_t)PyBytes_GET_SIZE(addr)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            return -1;
        }
    }
    else if (PyUnicode_Check(addr)) {
        if (pysock_arg_utf8(addr, &keep, &s) < 0)
            return -1;
    }
    else {
        return -2;
    }
    memset(&sc, 0, sizeof(sc));
    int r = parse_bdaddr(s, &sc.sco_bdaddr);
    Py_XDECREF(keep);
    if (r < 0)
        return -1;
    sc.sco_family = AF_BLUETOOTH;
    memcpy(out->bytes, &sc, sizeof(sc));
    *len = sizeof(sc);
    return 0;
}

static int
bluetooth_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
                socklen_t *len)
{
    int r;
    switch (ctx->proto) {
    case BTPROTO_L2CAP:  r = parse_l2cap(addr, out, len); break;
    case BTPROTO_RFCOMM: r = parse_rfcomm(addr, out, len); break;
    case BTPROTO_HCI:    r = parse_hci(addr, out, len); break;
    case BTPROTO_SCO:    r = parse_sco(addr, out, len); break;
    default:
        PyErr_Format(PyExc_OSError, "%s(): unknown Bluetooth protocol", ctx->caller);
        return -1;
    }
    if (r == -2) {
        PyErr_Clear();
        PyErr_Format(PyExc_OSError, "%s(): wrong format", ctx->caller);
        return -1;
    }
    return r;
}

/* -> the protocol's form.  L2CAP grows a cid and bdaddr_type only when
 * they are not the classic defaults; HCI gives the bare device on the raw
 * channel.  ValueError for another protocol. */
static PyObject *
bluetooth_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    PyObject *a;
    switch (proto) {
    case BTPROTO_L2CAP: {
        struct pysock_sockaddr_l2 l2;
        memcpy(&l2, sa->bytes, sizeof(l2));
        if ((a = build_bdaddr(&l2.l2_bdaddr)) == NULL)
            return NULL;
        if (l2.l2_bdaddr_type != BDADDR_BREDR)
            return Py_BuildValue("NiiB", a, (int)l2.l2_psm, (int)l2.l2_cid,
                                 (unsigned char)l2.l2_bdaddr_type);
        if (l2.l2_cid != 0)
            return Py_BuildValue("Nii", a, (int)l2.l2_psm, (int)l2.l2_cid);
        return Py_BuildValue("Ni", a, (int)l2.l2_psm);
    }
    case BTPROTO_RFCOMM: {
        struct pysock_sockaddr_rc rc;
        memcpy(&rc, sa->bytes, sizeof(rc));
        if ((a = build_bdaddr(&rc.rc_bdaddr)) == NULL)
            return NULL;
        return Py_BuildValue("Ni", a, (int)rc.rc_channel);
    }
    case BTPROTO_HCI: {
        struct pysock_sockaddr_hci h;
        memcpy(&h, sa->bytes, sizeof(h));
        if (h.hci_channel == HCI_CHANNEL_RAW)
            return PyLong_FromLong(h.hci_dev);
        return Py_BuildValue("ii", (int)h.hci_dev, (int)h.hci_channel);
    }
    case BTPROTO_SCO: {
        struct pysock_sockaddr_sco sc;
        memcpy(&sc, sa->bytes, sizeof(sc));
        return build_bdaddr(&sc.sco_bdaddr);
    }
    default:
        PyErr_SetString(PyExc_ValueError, "Unknown Bluetooth protocol");
        return NULL;
    }
}

const pysock_addr_ops pysock_addr_bluetooth = {AF_BLUETOOTH, bluetooth_parse, bluetooth_build};

#endif /* PYSOCK_HAS_AF_BLUETOOTH */
