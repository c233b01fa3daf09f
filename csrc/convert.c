/* convert.c: byte-order conversions (htons/ntohs/htonl/ntohl), address text
 * <-> packed conversions (inet_aton/ntoa/pton/ntop) and the interface-name
 * functions (if_nameindex/if_nametoindex/if_indextoname).
 *
 * These are hot in some programs, so every function takes METH_O or
 * METH_FASTCALL and parses its arguments by hand, with the stdlib's error
 * types and texts.  None of them blocks except if_*, which ask the kernel
 * through an ioctl / netlink round trip and run with the GIL released. */
#include "pysocket.h"

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

/* A str argument as UTF-8, like PyArg's "s": TypeError for any other type
 * ("f() argument N must be str, not T"; argnum 0 leaves the number out),
 * ValueError for an embedded NUL.  The pointer lives as long as `o`. */
const char *
pysock_str_arg(const char *fname, int argnum, PyObject *o)
{
    if (!PyUnicode_Check(o)) {
        const char *tname = o == Py_None ? "None" : Py_TYPE(o)->tp_name;
        if (argnum > 0)
            PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s",
                         fname, argnum, tname);
        else
            PyErr_Format(PyExc_TypeError, "%s() argument must be str, not %.50s",
                         fname, tname);
        return NULL;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(o, &n);
    if (s == NULL)
        return NULL;
    if (strlen(s) != (size_t)n) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

/* ---------------- htons / ntohs / htonl / ntohl ---------------- */

/* The 16-bit argument of htons()/ntohs() with the running Python's rules:
 * an int (PyArg "i" before 3.13, a C int check from 3.13), negative values
 * rejected, values above 0xffff rejected (3.10+) or truncated with a
 * DeprecationWarning (3.9).  0 / -1 with an exception. */
static int
short_arg(const char *fname, PyObject *o, unsigned int *out)
{
    int x;
    if (PyLong_CheckExact(o)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(o, &overflow);
        if (overflow == 0 && v >= 0 && v <= 0xffff) {   /* the common case */
            *out = (unsigned int)v;
            return 0;
        }
    }
#if PYSOCK_PY313_ARGS
    if (PyFloat_Check(o)) {
        PyErr_SetString(PyExc_TypeError, PYSOCK_MSG_FLOAT_INT);
        return -1;
    }
    PyObject *i = PyNumber_Index(o);
    if (i == NULL)
        return -1;
    int overflow;
    long v = PyLong_AsLongAndOverflow(i, &overflow);
    Py_DECREF(i);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow != 0 || v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    x = (int)v;
#else
    if (pysock_as_int(o, &x) < 0)
        return -1;
#endif
    if (x < 0) {
        PyErr_Format(PyExc_OverflowError,
                     "%s: can't convert negative Python int to C 16-bit unsigned integer",
                     fname);
        return -1;
    }
    if (x > 0xffff) {
#if PYSOCK_HTONS_STRICT
        PyErr_Format(PyExc_OverflowError,
                     "%s: Python int too large to convert to C 16-bit unsigned integer",
                     fname);
        return -1;
#else
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "%s: Python int too large to convert to C 16-bit unsigned "
                             "integer (The silent truncation is deprecated)", fname) < 0)
            return -1;
#endif
    }
    *out = (unsigned int)x;
    return 0;
}

/* htons(x): host to network short */
static PyObject *
socket_htons(PyObject *module, PyObject *arg)
{
    (void)module;
    unsigned int x;
    if (short_arg("htons", arg, &x) < 0)
        return NULL;
    return PyLong_FromLong(htons((uint16_t)x));
}

/* ntohs(x): network to host short */
static PyObject *
socket_ntohs(PyObject *module, PyObject *arg)
{
    (void)module;
    unsigned int x;
    if (short_arg("ntohs", arg, &x) < 0)
        return NULL;
    return PyLong_FromLong(ntohs((uint16_t)x));
}

/* The 32-bit argument of htonl()/ntohl(): an int (no __index__), 0..2**32-1. */
static int
long_arg(PyObject *o, uint32_t *out)
{
    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "expected int, %s found", Py_TYPE(o)->tp_name);
        return -1;
    }
    unsigned long v = PyLong_AsUnsignedLong(o);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    if (v > 0xffffffffUL) {
        PyErr_SetString(PyExc_OverflowError, "int larger than 32 bits");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

/* htonl(x): host to network long */
static PyObject *
socket_htonl(PyObject *module, PyObject *arg)
{
    (void)module;
    uint32_t x;
    if (long_arg(arg, &x) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(htonl(x));
}

/* ntohl(x): network to host long */
static PyObject *
socket_ntohl(PyObject *module, PyObject *arg)
{
    (void)module;
    uint32_t x;
    if (long_arg(arg, &x) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(ntohl(x));
}

/* ---------------- inet_aton / inet_ntoa ---------------- */

/* "a.b.c.d": four decimal parts 0..255 without leading zeros, nothing else.
 * Every such text means the same address to inet_pton and inet_aton (a
 * leading zero would make inet_aton read octal), so both can start here. */
static int
dotted_quad(const char *s, struct in_addr *dst)
{
    uint32_t addr = 0;
    for (int part = 0; part < 4; part++) {
        if (part > 0 && *s++ != '.')
            return 0;
        if (*s < '0' || *s > '9')
            return 0;
        unsigned int v = (unsigned int)(*s++ - '0');
        if (v != 0) {
            for (int k = 0; k < 2 && *s >= '0' && *s <= '9'; k++)
                v = v * 10 + (unsigned int)(*s++ - '0');
        }
        if (v > 255 || (*s >= '0' && *s <= '9'))
            return 0;
        addr = addr << 8 | v;
    }
    if (*s != '\0')
        return 0;
    dst->s_addr = htonl(addr);
    return 1;
}

int
pysock_inet4_pton(const char *s, struct in_addr *dst)
{
    return dotted_quad(s, dst) || inet_pton(AF_INET, s, dst) > 0;
}

/* inet_aton(string) -> 4 bytes; inet_aton(3): accepts the classic short
 * forms ("127.1", "0x7f000001") and, as glibc does, trailing text after
 * whitespace. */
static PyObject *
socket_inet_aton(PyObject *module, PyObject *arg)
{
    (void)module;
    struct in_addr a;
    const char *s = pysock_str_arg("inet_aton", PYSOCK_PY313_ARGS ? 0 : 1, arg);
    if (s == NULL)
        return NULL;
    if (!dotted_quad(s, &a) && inet_aton(s, &a) == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)&a, sizeof(a));
}

/* inet_ntoa(packed) -> dotted quad; packed is any 4-byte buffer. */
static PyObject *
socket_inet_ntoa(PyObject *module, PyObject *arg)
{
    (void)module;
    Py_buffer b;
    if (PyObject_GetBuffer(arg, &b, PyBUF_SIMPLE) < 0)
        return NULL;
    if (b.len != 4) {
        PyBuffer_Release(&b);
        PyErr_SetString(PyExc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    memcpy(&sin.sin_addr, b.buf, 4);
    PyBuffer_Release(&b);
    return pysock_ip_to_str((const struct sockaddr *)&sin);   /* addr_inet.c's text */
}

/* ---------------- inet_pton / inet_ntop ---------------- */

/* inet_pton(af, string) -> packed bytes; inet_pton(3). */
static PyObject *
socket_inet_pton(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    int af;
    union {
        struct in_addr v4;
        struct in6_addr v6;
    } buf;
    if (pysock_nargs("inet_pton", nargs, 2, 2) < 0 || pysock_as_int(args[0], &af) < 0)
        return NULL;
    const char *s = pysock_str_arg("inet_pton", 2, args[1]);
    if (s == NULL)
        return NULL;
    int r = af == AF_INET ? pysock_inet4_pton(s, &buf.v4) : inet_pton(af, s, &buf);
    if (r < 0)
        return pysock_err_errno(errno);
    if (r == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    if (af == AF_INET)
        return PyBytes_FromStringAndSize((const char *)&buf, sizeof(struct in_addr));
#if PYSOCK_HAS_IPV6
    if (af == AF_INET6)
        return PyBytes_FromStringAndSize((const char *)&buf, sizeof(struct in6_addr));
#endif
    PyErr_SetString(PyExc_OSError, "unknown address family");
    return NULL;
}

/* inet_ntop(af, packed) -> string; inet_ntop(3).  packed is any buffer of
 * the family's address length. */
static PyObject *
socket_inet_ntop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    int af;
    Py_buffer b;
    char text[INET6_ADDRSTRLEN + 1];
    PyObject *res = NULL;
    if (pysock_nargs("inet_ntop", nargs, 2, 2) < 0 || pysock_as_int(args[0], &af) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[1], &b, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t want;
    if (af == AF_INET)
        want = (Py_ssize_t)sizeof(struct in_addr);
#if PYSOCK_HAS_IPV6
    else if (af == AF_INET6)
        want = (Py_ssize_t)sizeof(struct in6_addr);
#endif
    else {
        PyErr_Format(PyExc_ValueError, "unknown address family %d", af);
        goto done;
    }
    if (b.len != want) {
        PyErr_SetString(PyExc_ValueError, "invalid length of packed IP address string");
        goto done;
    }
    if (inet_ntop(af, b.buf, text, sizeof(text)) == NULL) {
        pysock_err_errno(errno);
        goto done;
    }
    res = PyUnicode_FromString(text);
done:
    PyBuffer_Release(&b);
    return res;
}

/* ---------------- interfaces ---------------- */

/* if_nameindex() -> [(index, name), ...]; if_nameindex(3). */
static PyObject *
socket_if_nameindex(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    struct if_nameindex *ni;
    int err;
    Py_BEGIN_ALLOW_THREADS
    ni = if_nameindex();
    err = errno;
    Py_END_ALLOW_THREADS
    if (ni == NULL)
        return pysock_err_errno(err);
    PyObject *list = PyList_New(0);
    if (list == NULL)
        goto done;
    for (struct if_nameindex *p = ni; p->if_index != 0 && p->if_name != NULL; p++) {
        PyObject *name = PyUnicode_DecodeFSDefault(p->if_name);
        PyObject *item = name ? Py_BuildValue("IN", p->if_index, name) : NULL;
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(list);
            goto done;
        }
        Py_DECREF(item);
    }
done:
    if_freenameindex(ni);
    return list;
}

/* if_nametoindex(name) -> index; name is str, bytes or os.PathLike. */
static PyObject *
socket_if_nametoindex(PyObject *module, PyObject *arg)
{
    (void)module;
    PyObject *b = NULL;
    unsigned int idx;
    if (!PyUnicode_FSConverter(arg, &b))
        return NULL;
    const char *name = PyBytes_AS_STRING(b);
    Py_BEGIN_ALLOW_THREADS
    idx = if_nametoindex(name);
    Py_END_ALLOW_THREADS
    Py_DECREF(b);
    if (idx == 0) {
        PyErr_SetString(PyExc_OSError, "no interface with this name");
        return NULL;
    }
    return PyLong_FromUnsignedLong(idx);
}

/* if_indextoname(index) -> name; an int (no __index__). */
static PyObject *
socket_if_indextoname(PyObject *module, PyObject *arg)
{
    (void)module;
    char name[IF_NAMESIZE + 1];
    char *r;
    int err;
    if (!PyLong_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    unsigned long v = PyLong_AsUnsignedLong(arg);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
#if PYSOCK_PY313_ARGS
    if (v > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "index is too large");
        return NULL;
    }
#endif
    unsigned int idx = (unsigned int)v;   /* before 3.13: truncated */
    Py_BEGIN_ALLOW_THREADS
    r = if_indextoname(idx, name);
    err = errno;
    Py_END_ALLOW_THREADS
    if (r == NULL)
        return pysock_err_errno(err);
    return PyUnicode_DecodeFSDefault(name);
}

PyMethodDef pysock_convert_functions[] = {
    {"htons", socket_htons, METH_O,
     "htons(integer) -> integer\n\nConvert a 16-bit unsigned integer from host to network byte order."},
    {"ntohs", socket_ntohs, METH_O,
     "ntohs(integer) -> integer\n\nConvert a 16-bit unsigned integer from network to host byte order."},
    {"htonl", socket_htonl, METH_O,
     "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."},
    {"ntohl", socket_ntohl, METH_O,
     "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."},
    {"inet_aton", socket_inet_aton, METH_O,
     "inet_aton(string) -> bytes giving packed 32-bit IP representation\n\n"
     "Convert an IP address in string format (123.45.67.89) to the 32-bit packed\n"
     "binary format used in low-level network functions."},
    {"inet_ntoa", socket_inet_ntoa, METH_O,
     "inet_ntoa(packed_ip) -> ip_address_string\n\n"
     "Convert an IP address from 32-bit packed binary format to string format"},
    {"inet_pton", FASTCALL(socket_inet_pton), METH_FASTCALL,
     "inet_pton(af, ip) -> packed IP address string\n\n"
     "Convert an IP address from string format to a packed string suitable\n"
     "for use with low-level network functions."},
    {"inet_ntop", FASTCALL(socket_inet_ntop), METH_FASTCALL,
     "inet_ntop(af, packed_ip) -> string formatted IP address\n\n"
     "Convert a packed IP address of the given family to string format."},
    {"if_nameindex", socket_if_nameindex, METH_NOARGS,
     "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {"if_nametoindex", socket_if_nametoindex, METH_O,
     "if_nametoindex(if_name)\n\nReturns the interface index corresponding to the interface name if_name."},
    {"if_indextoname", socket_if_indextoname, METH_O,
     "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index."},
    {NULL, NULL, 0, NULL}
};
