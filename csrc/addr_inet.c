/* addr_inet.c: AF_INET (host, port) and AF_INET6 (host, port[, flowinfo[,
 * scope_id]]) addresses; ip(7), ipv6(7).  Host names are resolved with
 * getaddrinfo(3) and the GIL released. */
#include "pysocket.h"

/* The host part of an address as NUL-terminated bytes: str (ASCII as is,
 * otherwise through the "idna" codec), bytes or bytearray.  Returns a new
 * bytes object or NULL. */
static PyObject *
host_bytes(PyObject *obj)
{
    PyObject *b;
    if (PyUnicode_Check(obj)) {
        if (PyUnicode_IS_ASCII(obj))
            b = PyUnicode_AsASCIIString(obj);
        else {
            b = PyUnicode_AsEncodedString(obj, "idna", NULL);
            if (b == NULL) {
                PyErr_SetString(PyExc_TypeError, "encoding of hostname failed");
                return NULL;
            }
        }
    }
    else if (PyBytes_Check(obj)) {
        b = Py_NewRef(obj);
    }
    else if (PyByteArray_Check(obj)) {
        b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(obj),
                                      PyByteArray_GET_SIZE(obj));
    }
    else {
        PyErr_Format(PyExc_TypeError, "str, bytes or bytearray expected, not %s",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (b == NULL)
        return NULL;
    if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
        PyErr_SetString(PyExc_TypeError, "host name must not contain null character");
        Py_DECREF(b);
        return NULL;
    }
    return b;
}

/* getaddrinfo(3) with the GIL released; copies the first result. */
static int
resolve(pysock_state *st, const char *node, int af, int flags,
        struct sockaddr *out, size_t outlen)
{
    struct addrinfo hints, *res = NULL;
    int err;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = af;
    hints.ai_socktype = SOCK_DGRAM;   /* one result per address */
    hints.ai_flags = flags;
    Py_BEGIN_ALLOW_THREADS
    err = getaddrinfo(node, node ? NULL : "0", &hints, &res);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        pysock_err_gai(st, err);
        return -1;
    }
    size_t n = res->ai_addrlen < outlen ? res->ai_addrlen : outlen;
    memcpy(out, res->ai_addr, n);
    int family = res->ai_family;
    freeaddrinfo(res);
    switch (family) {
    case AF_INET:
        return (int)sizeof(struct sockaddr_in);
#if PYSOCK_HAS_IPV6
    case AF_INET6:
        return (int)sizeof(struct sockaddr_in6);
#endif
    default:
        PyErr_SetString(PyExc_OSError, "unknown address family");
        return -1;
    }
}

int
pysock_setipaddr(pysock_state *st, const char *name, struct sockaddr *out,
                 size_t outlen, int af)
{
    memset(out, 0, outlen);
    if (name[0] == '\0')                           /* INADDR_ANY / in6addr_any */
        return resolve(st, NULL, af, AI_PASSIVE, out, outlen);
    if (strcmp(name, "<broadcast>") == 0 || strcmp(name, "255.255.255.255") == 0) {
        if (af != AF_INET && af != AF_UNSPEC) {
            PyErr_SetString(PyExc_OSError, "address family mismatched");
            return -1;
        }
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return (int)sizeof(*sin);
    }
    /* numeric fast paths: no resolver call */
    if (af == AF_INET || af == AF_UNSPEC) {
        struct sockaddr_in *sin = (struct sockaddr_in *)out;
        if (pysock_inet4_pton(name, &sin->sin_addr)) {
            sin->sin_family = AF_INET;
            return (int)sizeof(*sin);
        }
    }
#if PYSOCK_HAS_IPV6
    if (af == AF_INET6 || af == AF_UNSPEC) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;
        if (inet_pton(AF_INET6, name, &sin6->sin6_addr) > 0) {
            sin6->sin6_family = AF_INET6;
            return (int)sizeof(*sin6);
        }
    }
#endif
    return resolve(st, name, af, 0, out, outlen);
}

/* Dotted-quad text of an IPv4 address, as inet_ntop(3) writes it; returns
 * the length.  Done by hand: glibc's inet_ntop formats through vfprintf. */
static Py_ssize_t
ipv4_text(const unsigned char *a, char *out)
{
    char *p = out;
    for (int i = 0; i < 4; i++) {
        unsigned int v = a[i];
        if (v >= 100) {
            *p++ = (char)('0' + v / 100);
            *p++ = (char)('0' + (v / 10) % 10);
        }
        else if (v >= 10) {
            *p++ = (char)('0' + v / 10);
        }
        *p++ = (char)('0' + v % 10);
        if (i < 3)
            *p++ = '.';
    }
    return p - out;
}

PyObject *
pysock_ip_to_str(const struct sockaddr *sa)
{
    char buf[INET6_ADDRSTRLEN];
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
        Py_ssize_t n = ipv4_text((const unsigned char *)&sin->sin_addr, buf);
        return PyUnicode_DecodeASCII(buf, n, NULL);
    }
#if PYSOCK_HAS_IPV6
    if (sa->sa_family == AF_INET6) {
        /* inet_ntop(3), as the stdlib: no %scope suffix (the scope id is
         * the fourth item of the address tuple) */
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)sa;
        if (inet_ntop(AF_INET6, &sin6->sin6_addr, buf, sizeof(buf)) == NULL)
            return pysock_err_errno(errno);
        return PyUnicode_FromString(buf);
    }
#endif
    PyErr_SetString(PyExc_OSError, "unknown address family");
    return NULL;
}

/* The error of a port that failed to convert to a C int: an OverflowError
 * becomes "<caller>(): port must be 0-65535.", other errors stay.  -1. */
static int
port_overflow(const pysock_addrctx *ctx)
{
    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", ctx->caller);
    }
    return -1;
}

/* A converted port outside 0..65535: OverflowError, after the host was
 * resolved, in the stdlib's order.  0 / -1. */
static int
check_port(const pysock_addrctx *ctx, int port)
{
    if (port < 0 || port > 0xffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", ctx->caller);
        return -1;
    }
    return 0;
}

static int
inet_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
           socklen_t *len)
{
    int port;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_INET address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(addr) != 2) {
        PyErr_SetString(PyExc_TypeError, "AF_INET address must be a pair (host, port)");
        return -1;
    }
    PyObject *host = PyTuple_GET_ITEM(addr, 0);
    PyObject *portobj = PyTuple_GET_ITEM(addr, 1);
    PyObject *b = host_bytes(host);
    if (b == NULL)
        return -1;
    if (pysock_as_int(portobj, &port) < 0) {
        /* as PyArg in the stdlib: before the host is resolved, and an
         * OverflowError becomes the port-range message */
        Py_DECREF(b);
        return port_overflow(ctx);
    }
    int n = pysock_setipaddr(ctx->state, PyBytes_AS_STRING(b),
                             &out->sa, sizeof(*out), AF_INET);
    Py_DECREF(b);
    if (n < 0)
        return -1;
    if (check_port(ctx, port) < 0)
        return -1;
    out->in4.sin_family = AF_INET;
    out->in4.sin_port = htons((uint16_t)port);
    *len = sizeof(struct sockaddr_in);
    return 0;
}

static PyObject *
inet_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    PyObject *host = pysock_ip_to_str(&sa->sa);
    if (host == NULL)
        return NULL;
    PyObject *port = PyLong_FromLong(ntohs(sa->in4.sin_port));
    if (port == NULL) {
        Py_DECREF(host);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(host);
        Py_DECREF(port);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, host);
    PyTuple_SET_ITEM(t, 1, port);
    return t;
}

const pysock_addr_ops pysock_addr_inet = {AF_INET, inet_parse, inet_build};

#if PYSOCK_HAS_IPV6

static int
inet6_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
            socklen_t *len)
{
    int port;
    unsigned int flowinfo = 0, scope_id = 0;
    if (!PyTuple_Check(addr)) {
        PyErr_Format(PyExc_TypeError, "%s(): AF_INET6 address must be tuple, not %.500s",
                     ctx->caller, Py_TYPE(addr)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(addr);
    if (n < 2 || n > 4) {
        PyErr_SetString(PyExc_TypeError,
                        "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    PyObject *portobj = PyTuple_GET_ITEM(addr, 1);
    PyObject *b = host_bytes(PyTuple_GET_ITEM(addr, 0));
    if (b == NULL)
        return -1;
    if (pysock_as_int(portobj, &port) < 0) {
        Py_DECREF(b);
        return port_overflow(ctx);
    }
    if ((n > 2 && pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 2), &flowinfo) < 0)
        || (n > 3 && pysock_arg_uint_mask(PyTuple_GET_ITEM(addr, 3), &scope_id) < 0)) {
        Py_DECREF(b);
        return -1;
    }
    int r = pysock_setipaddr(ctx->state, PyBytes_AS_STRING(b),
                             &out->sa, sizeof(*out), AF_INET6);
    Py_DECREF(b);
    if (r < 0)
        return -1;
    if (check_port(ctx, port) < 0)
        return -1;
    if (flowinfo > 0xfffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): flowinfo must be 0-1048575.", ctx->caller);
        return -1;
    }
    out->in6.sin6_family = AF_INET6;
    out->in6.sin6_port = htons((uint16_t)port);
    out->in6.sin6_flowinfo = htonl(flowinfo);
    /* Deliberate difference: the stdlib overwrites the scope id that a
     * "%ifname" suffix gave (so ('fe80::1%eth0', port) binds to no
     * interface); pysocket keeps it unless the tuple names one. */
    if (n > 3)
        out->in6.sin6_scope_id = scope_id;
    *len = sizeof(struct sockaddr_in6);
    return 0;
}

static PyObject *
inet6_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    (void)len;
    (void)proto;
    PyObject *host = pysock_ip_to_str(&sa->sa);
    if (host == NULL)
        return NULL;
    return Py_BuildValue("NiII", host, (int)ntohs(sa->in6.sin6_port),
                         (unsigned int)ntohl(sa->in6.sin6_flowinfo),
                         (unsigned int)sa->in6.sin6_scope_id);
}

const pysock_addr_ops pysock_addr_inet6 = {AF_INET6, inet6_parse, inet6_build};

#endif /* PYSOCK_HAS_IPV6 */
