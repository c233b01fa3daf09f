/* resolver.c: getaddrinfo(3), getnameinfo(3), gethostbyname / _ex,
 * gethostbyaddr, getservbyname / getservbyport, getprotobyname,
 * gethostname / sethostname.
 *
 * Every lookup runs with the GIL released.  The netdb calls use glibc's
 * reentrant *_r variants with a caller-owned buffer (grown on ERANGE), so
 * many threads may resolve at once without a lock.  Arguments are parsed by
 * hand with the stdlib's error types and texts; audit events are raised
 * where the stdlib raises them. */
#include "pysocket.h"

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

/* ---------------- host name arguments ---------------- */

/* True when the idna codec would return `s` unchanged: ASCII, every label
 * shorter than 64 bytes, no empty label except a trailing one. */
static int
idna_passthrough(const char *s, Py_ssize_t n)
{
    Py_ssize_t start = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '.') {
            Py_ssize_t len = i - start;
            if (len >= 64 || (len == 0 && i != n))
                return 0;
            start = i + 1;
        }
    }
    return 1;
}

/* A str host encoded as the stdlib encodes it: the "idna" codec (whose
 * ASCII path is done here without calling into Python).  New bytes or NULL. */
static PyObject *
idna_encode(PyObject *str)
{
    if (PyUnicode_IS_ASCII(str)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(str);
        const char *s = (const char *)PyUnicode_DATA(str);
        if (n == 0 || idna_passthrough(s, n))
            return PyBytes_FromStringAndSize(s, n);
    }
    return PyUnicode_AsEncodedString(str, "idna", NULL);
}

/* The host argument of gethostbyname/_ex and gethostbyaddr, like PyArg's
 * "et" with "idna": str (encoded), bytes or bytearray, no NUL byte.  New
 * bytes or NULL. */
static PyObject *
host_arg(const char *fname, PyObject *o)
{
    PyObject *b;
    if (PyUnicode_Check(o))
        b = idna_encode(o);
    else if (PyBytes_Check(o))
        b = Py_NewRef(o);
    else if (PyByteArray_Check(o))
        b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(o), PyByteArray_GET_SIZE(o));
    else {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument 1 must be str, bytes or bytearray, not %.50s",
                     fname, o == Py_None ? "None" : Py_TYPE(o)->tp_name);
        return NULL;
    }
    if (b == NULL)
        return NULL;
    if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
        PyErr_Format(PyExc_TypeError,
                     "%s() argument 1 must be encoded string without null bytes, not %.50s",
                     fname, Py_TYPE(o)->tp_name);
        Py_DECREF(b);
        return NULL;
    }
    return b;
}

/* pysock_setipaddr for AF_UNSPEC callers: the empty name (the wildcard)
 * resolves to 0.0.0.0 and ::, which the stdlib reports as an error rather
 * than picking one. */
static int
setipaddr_any(pysock_state *st, const char *name, pysock_sockaddr *out)
{
    if (name[0] == '\0') {
        struct addrinfo hints, *res = NULL;
        int err;
        memset(&hints, 0, sizeof(hints));
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_PASSIVE;
        Py_BEGIN_ALLOW_THREADS
        err = getaddrinfo(NULL, "0", &hints, &res);
        Py_END_ALLOW_THREADS
        if (err != 0) {
            pysock_err_gai(st, err);
            return -1;
        }
        int multiple = res->ai_next != NULL;
        freeaddrinfo(res);
        if (multiple) {
            PyErr_SetString(PyExc_OSError, "wildcard resolved to multiple address");
            return -1;
        }
    }
    return pysock_setipaddr(st, name, &out->sa, sizeof(*out), AF_UNSPEC);
}

/* ---------------- getaddrinfo ---------------- */

static const char *const gai_names[] = {"host", "port", "family", "type", "proto", "flags"};
#define GAI_NARGS 6

/* getaddrinfo's keyword parsing with the stdlib's messages (host and port
 * required).  out[] gets borrowed references or NULL. */
static int
gai_parse(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, PyObject **out)
{
    if (nargs > GAI_NARGS) {
        PyErr_Format(PyExc_TypeError,
                     "getaddrinfo() takes from 2 to 6 positional arguments but %zd were given",
                     nargs);
        return -1;
    }
    for (int i = 0; i < GAI_NARGS; i++)
        out[i] = i < nargs ? args[i] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, k);
        int found = -1;
        for (int i = 0; i < GAI_NARGS; i++) {
            if (PyUnicode_CompareWithASCIIString(key, gai_names[i]) == 0) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            PyErr_Format(PyExc_TypeError,
                         "getaddrinfo() got an unexpected keyword argument '%S'", key);
            return -1;
        }
        if (out[found] != NULL) {
            PyErr_Format(PyExc_TypeError,
                         "getaddrinfo() got multiple values for argument '%s'",
                         gai_names[found]);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    if (out[0] == NULL && out[1] == NULL) {
        PyErr_SetString(PyExc_TypeError, "getaddrinfo() missing 2 required positional "
                        "arguments: 'host' and 'port'");
        return -1;
    }
    if (out[0] == NULL || out[1] == NULL) {
        PyErr_Format(PyExc_TypeError, "getaddrinfo() missing 1 required positional "
                     "argument: '%s'", out[0] == NULL ? "host" : "port");
        return -1;
    }
    return 0;
}

/* The decimal text of v in buf (at least 21 bytes); ports, the common
 * case, without a trip through printf. */
static void
port_text(long v, char *buf, size_t buflen)
{
    if (v < 0 || v > 99999) {
        snprintf(buf, buflen, "%ld", v);
        return;
    }
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = '\0';
}

/* The port argument as getaddrinfo's service string: int, str, bytes or
 * None (NULL service).  *keep gets a new reference owning the text. */
static int
gai_port(PyObject *port, char *buf, size_t buflen, const char **out, PyObject **keep)
{
    *keep = NULL;
    if (PyLong_CheckExact(port)) {
#if PYSOCK_GAI_PORT_STR
        int overflow;
        long v = PyLong_AsLongAndOverflow(port, &overflow);
        if (overflow == 0) {
            port_text(v, buf, buflen);
            *out = buf;
            return 0;
        }
        /* the decimal text of any int, however large */
        *keep = PyObject_Str(port);
        if (*keep == NULL)
            return -1;
        *out = PyUnicode_AsUTF8(*keep);
        return *out == NULL ? -1 : 0;
#else
        long v = PyLong_AsLong(port);
        if (v == -1 && PyErr_Occurred())
            return -1;
        port_text(v, buf, buflen);
        *out = buf;
        return 0;
#endif
    }
    if (PyUnicode_Check(port)) {
        *out = PyUnicode_AsUTF8(port);
        return *out == NULL ? -1 : 0;
    }
    if (PyBytes_Check(port)) {
        *out = PyBytes_AS_STRING(port);
        return 0;
    }
    if (port == Py_None) {
        *out = NULL;
        return 0;
    }
    PyErr_SetString(PyExc_OSError, "Int or String expected");
    return -1;
}

/* One getaddrinfo() result: (family, type, proto, canonname, sockaddr). */
static PyObject *
gai_entry(const struct addrinfo *ai)
{
    pysock_sockaddr sa;
    socklen_t len = ai->ai_addrlen;
    memset(&sa, 0, sizeof(sa));
    if (len > (socklen_t)sizeof(sa))
        len = sizeof(sa);
    if (ai->ai_addr != NULL)
        memcpy(sa.bytes, ai->ai_addr, len);
    else
        len = 0;
    PyObject *addr = pysock_build_addr(&sa, len, ai->ai_protocol);
    if (addr == NULL)
        return NULL;
    return Py_BuildValue("iiisN", ai->ai_family, ai->ai_socktype, ai->ai_protocol,
                         ai->ai_canonname ? ai->ai_canonname : "", addr);
}

/* ---- numeric hosts without the library call ----
 * A literal address with a numeric (or no) port has one answer, which
 * glibc computes without any lookup: one entry per socket type, in the
 * order SOCK_STREAM/IPPROTO_TCP, SOCK_DGRAM/IPPROTO_UDP, SOCK_RAW/0 (all
 * three for type 0 and proto 0), with an empty canonname.  gai_numeric()
 * builds exactly that for the cases listed below and leaves every other
 * case (other types or protocols, AI_CANONNAME/AI_ADDRCONFIG/AI_V4MAPPED,
 * non-strict literals such as "127.1" or "010.0.0.1", scope ids, ports
 * above 65535, service names) to getaddrinfo(3).  asyncio skips the call
 * for numeric hosts in the same spirit; here the answer stays the exact
 * list getaddrinfo would return, as the differential tests check. */

/* A service string of decimal digits only, at most 65535: its value; -1
 * for anything else (getaddrinfo's business). */
static long
gai_numeric_port(const char *port)
{
    if (port == NULL)
        return 0;
    long v = 0;
    if (*port == '\0')
        return -1;
    for (const char *p = port; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
        if (v > 65535)
            return -1;
    }
    return v;
}

/* 1: *out is the answer (a new list, or NULL with an exception set);
 * 0: not a case covered here, ask getaddrinfo(3). */
static int
gai_numeric(const char *host, const char *port, const struct addrinfo *h, PyObject **out)
{
    static const int types[3] = {SOCK_STREAM, SOCK_DGRAM, SOCK_RAW};
    static const int protos[3] = {IPPROTO_TCP, IPPROTO_UDP, 0};
    const int known = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
    pysock_sockaddr sa;
    socklen_t len;
    int first, last;

    if (host == NULL || (h->ai_flags & ~known) != 0)
        return 0;
    long pnum = gai_numeric_port(port);
    if (pnum < 0)
        return 0;
    /* which of the three entries: the type, else the protocol, picks one */
    if (h->ai_socktype == 0 && h->ai_protocol == 0)
        first = 0, last = 2;
    else if ((h->ai_socktype == SOCK_STREAM && h->ai_protocol == 0)
             || (h->ai_socktype == 0 && h->ai_protocol == IPPROTO_TCP)
             || (h->ai_socktype == SOCK_STREAM && h->ai_protocol == IPPROTO_TCP))
        first = last = 0;
    else if ((h->ai_socktype == SOCK_DGRAM && h->ai_protocol == 0)
             || (h->ai_socktype == 0 && h->ai_protocol == IPPROTO_UDP)
             || (h->ai_socktype == SOCK_DGRAM && h->ai_protocol == IPPROTO_UDP))
        first = last = 1;
    else
        return 0;
    memset(&sa, 0, sizeof(sa));
    if ((h->ai_family == AF_UNSPEC || h->ai_family == AF_INET)
        && pysock_inet4_pton(host, &sa.in4.sin_addr)) {
        sa.in4.sin_family = AF_INET;
        sa.in4.sin_port = htons((uint16_t)pnum);
        len = sizeof(sa.in4);
    }
#if PYSOCK_HAS_IPV6
    else if ((h->ai_family == AF_UNSPEC || h->ai_family == AF_INET6)
             && strchr(host, '%') == NULL
             && inet_pton(AF_INET6, host, &sa.in6.sin6_addr) == 1) {
        sa.in6.sin6_family = AF_INET6;
        sa.in6.sin6_port = htons((uint16_t)pnum);
        len = sizeof(sa.in6);
    }
#endif
    else {
        return 0;
    }
    PyObject *addr = pysock_build_addr(&sa, len, 0);
    PyObject *list = addr != NULL ? PyList_New(last - first + 1) : NULL;
    PyObject *canon = list != NULL ? PyUnicode_New(0, 0) : NULL;
    for (int i = first; canon != NULL && i <= last; i++) {
        PyObject *item = PyTuple_New(5), *v[4];
        v[0] = PyLong_FromLong(sa.sa.sa_family);
        v[1] = PyLong_FromLong(types[i]);
        v[2] = PyLong_FromLong(protos[i]);
        v[3] = Py_NewRef(canon);
        if (item == NULL || v[0] == NULL || v[1] == NULL || v[2] == NULL) {
            Py_XDECREF(item);
            for (int k = 0; k < 4; k++)
                Py_XDECREF(v[k]);
            Py_CLEAR(list);
            break;
        }
        for (int k = 0; k < 4; k++)
            PyTuple_SET_ITEM(item, k, v[k]);
        PyTuple_SET_ITEM(item, 4, Py_NewRef(addr));
        PyList_SET_ITEM(list, i - first, item);
    }
    if (canon == NULL)
        Py_CLEAR(list);
    Py_XDECREF(canon);
    Py_XDECREF(addr);
    *out = list;
    return 1;
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> list */
static PyObject *
socket_getaddrinfo(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    pysock_state *st = pysock_module_state(module);
    PyObject *a[GAI_NARGS], *hostb = NULL, *portkeep = NULL, *list = NULL;
    int ints[4] = {AF_UNSPEC, 0, 0, 0};   /* family, type, proto, flags */
    const char *host = NULL, *port = NULL;
    char portbuf[32];
    struct addrinfo hints, *res0 = NULL;
    int err;

    if (gai_parse(args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 0; i < 4; i++) {
        if (a[2 + i] != NULL && pysock_as_int(a[2 + i], &ints[i]) < 0)
            return NULL;
    }
    if (PyUnicode_Check(a[0])) {
        hostb = idna_encode(a[0]);
        if (hostb == NULL)
            goto done;
        host = PyBytes_AS_STRING(hostb);
    }
    else if (PyBytes_Check(a[0])) {
        host = PyBytes_AS_STRING(a[0]);
    }
    else if (a[0] != Py_None) {
        PyErr_SetString(PyExc_TypeError, "getaddrinfo() argument 1 must be string or None");
        goto done;
    }
    if (gai_port(a[1], portbuf, sizeof(portbuf), &port, &portkeep) < 0)
        goto done;
    if (PySys_Audit("socket.getaddrinfo", "OOiii", a[0], a[1], ints[0], ints[1], ints[2]) < 0)
        goto done;

    memset(&hints, 0, sizeof(hints));
    hints.ai_family = ints[0];
    hints.ai_socktype = ints[1];
    hints.ai_protocol = ints[2];
    hints.ai_flags = ints[3];
    if (gai_numeric(host, port, &hints, &list))
        goto done;
    Py_BEGIN_ALLOW_THREADS
    err = getaddrinfo(host, port, &hints, &res0);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        pysock_err_gai(st, err);
        goto done;
    }
    list = PyList_New(0);
    if (list == NULL)
        goto done;
    for (struct addrinfo *ai = res0; ai != NULL; ai = ai->ai_next) {
        PyObject *item = gai_entry(ai);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(list);
            goto done;
        }
        Py_DECREF(item);
    }
done:
    if (res0 != NULL)
        freeaddrinfo(res0);
    Py_XDECREF(hostb);
    Py_XDECREF(portkeep);
    return list;
}

/* ---------------- getnameinfo ---------------- */

/* getnameinfo(sockaddr, flags) -> (host, port).  The sockaddr is a
 * (host, port[, flowinfo[, scope_id]]) tuple with a numeric host. */
static PyObject *
socket_getnameinfo(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    pysock_state *st = pysock_module_state(module);
    int flags, port, err;
    unsigned int flowinfo = 0, scope_id = 0;
    char pbuf[32], hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    struct addrinfo hints, *res = NULL;
    PyObject *ret = NULL;

    if (pysock_nargs("getnameinfo", nargs, 2, 2) < 0 || pysock_as_int(args[1], &flags) < 0)
        return NULL;
    PyObject *sa = args[0];
    if (!PyTuple_Check(sa)) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(sa);
    if (n < 2 || n > 4 || !PyUnicode_Check(PyTuple_GET_ITEM(sa, 0))) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo(): illegal sockaddr argument");
        return NULL;
    }
    const char *host = pysock_str_arg("getnameinfo", 1, PyTuple_GET_ITEM(sa, 0));
    if (host == NULL
        || pysock_as_int(PyTuple_GET_ITEM(sa, 1), &port) < 0
        || (n > 2 && pysock_arg_uint_mask(PyTuple_GET_ITEM(sa, 2), &flowinfo) < 0)
        || (n > 3 && pysock_arg_uint_mask(PyTuple_GET_ITEM(sa, 3), &scope_id) < 0))
        return NULL;
    if (flowinfo > 0xfffff) {
        PyErr_SetString(PyExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return NULL;
    }
    if (PySys_Audit("socket.getnameinfo", "(O)", sa) < 0)
        return NULL;

    snprintf(pbuf, sizeof(pbuf), "%d", port);
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;   /* one result per address */
    hints.ai_flags = AI_NUMERICHOST;
    Py_BEGIN_ALLOW_THREADS
    err = getaddrinfo(host, pbuf, &hints, &res);
    Py_END_ALLOW_THREADS
    if (err != 0)
        return pysock_err_gai(st, err);
    if (res->ai_next != NULL) {
        PyErr_SetString(PyExc_OSError, "sockaddr resolved to multiple addresses");
        goto done;
    }
    switch (res->ai_family) {
    case AF_INET:
        if (n != 2) {
            PyErr_SetString(PyExc_OSError, "IPv4 sockaddr must be 2 tuple");
            goto done;
        }
        break;
#if PYSOCK_HAS_IPV6
    case AF_INET6: {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)res->ai_addr;
        sin6->sin6_flowinfo = htonl(flowinfo);
        sin6->sin6_scope_id = scope_id;
        break;
    }
#endif
    default:
        break;
    }
    Py_BEGIN_ALLOW_THREADS
    err = getnameinfo(res->ai_addr, res->ai_addrlen, hbuf, sizeof(hbuf),
                      sbuf, sizeof(sbuf), flags);
    Py_END_ALLOW_THREADS
    if (err != 0) {
        pysock_err_gai(st, err);
        goto done;
    }
    ret = Py_BuildValue("ss", hbuf, sbuf);
done:
    freeaddrinfo(res);
    return ret;
}

/* ---------------- gethostbyname / _ex / gethostbyaddr ---------------- */

/* gethostbyname(host) -> dotted quad */
static PyObject *
socket_gethostbyname(PyObject *module, PyObject *arg)
{
    pysock_state *st = pysock_module_state(module);
    pysock_sockaddr sa;
    PyObject *b = host_arg("gethostbyname", arg);
    if (b == NULL)
        return NULL;
    PyObject *ret = NULL;
    if (PySys_Audit("socket.gethostbyname", "(O)", arg) < 0)
        goto done;
    if (pysock_setipaddr(st, PyBytes_AS_STRING(b), &sa.sa, sizeof(sa), AF_INET) < 0)
        goto done;
    ret = pysock_ip_to_str(&sa.sa);
done:
    Py_DECREF(b);
    return ret;
}

#if !PYSOCK_HAS_NETDB_R
/* Where the libc has no *_r netdb calls, the classic ones run under this
 * lock, and their static result is copied out before it is released. */
static pthread_mutex_t netdb_mutex = PTHREAD_MUTEX_INITIALIZER;

/* Copies the string src, NUL included, to *p (not past end) and advances
 * *p.  Returns the copy, or NULL when it does not fit. */
static char *
copy_str(char **p, char *end, const char *src)
{
    size_t n = strlen(src) + 1;
    if ((size_t)(end - *p) < n)
        return NULL;
    char *dst = *p;
    memcpy(dst, src, n);
    *p += n;
    return dst;
}

/* Deep-copies the hostent h into out and buf, as gethostbyname_r lays it
 * out.  0, or ERANGE when buf is too small.  No Python API. */
static int
copy_hostent(const struct hostent *h, struct hostent *out, char *buf, size_t len)
{
    size_t na = 0, nad = 0;
    while (h->h_aliases && h->h_aliases[na])
        na++;
    while (h->h_addr_list && h->h_addr_list[nad])
        nad++;
    size_t ptrs = (na + 1 + nad + 1) * sizeof(char *);
    if (len < ptrs)
        return ERANGE;
    char **aliases = (char **)(void *)buf, **addrs = aliases + na + 1;
    char *p = buf + ptrs, *end = buf + len;
    for (size_t i = 0; i < nad; i++) {
        if ((size_t)(end - p) < (size_t)h->h_length)
            return ERANGE;
        memcpy(p, h->h_addr_list[i], (size_t)h->h_length);
        addrs[i] = p;
        p += h->h_length;
    }
    addrs[nad] = NULL;
    for (size_t i = 0; i < na; i++) {
        if ((aliases[i] = copy_str(&p, end, h->h_aliases[i])) == NULL)
            return ERANGE;
    }
    aliases[na] = NULL;
    if ((out->h_name = copy_str(&p, end, h->h_name)) == NULL)
        return ERANGE;
    out->h_aliases = aliases;
    out->h_addrtype = h->h_addrtype;
    out->h_length = h->h_length;
    out->h_addr_list = addrs;
    return 0;
}
#endif

/* A host entry filled by gethostbyname_r(3) / gethostbyaddr_r(3) into a
 * buffer that grows on ERANGE. */
typedef struct {
    struct hostent ent;
    struct hostent *res;
    char *buf;
    size_t buflen;
    int h_err;
} host_lookup;

/* Runs gethostbyname_r (addr == NULL) or gethostbyaddr_r with the GIL
 * released.  Returns 0 (l->res may be NULL: not found, see l->h_err) or -1
 * with MemoryError set.  The caller frees l->buf with PyMem_RawFree. */
static int
host_lookup_run(host_lookup *l, const char *name, const void *addr, socklen_t addrlen,
                int af)
{
    l->buf = NULL;
    l->buflen = 16384;
    for (;;) {
        char *nb = PyMem_RawRealloc(l->buf, l->buflen);
        if (nb == NULL) {
            PyMem_RawFree(l->buf);
            l->buf = NULL;
            PyErr_NoMemory();
            return -1;
        }
        l->buf = nb;
        int r, he;
        Py_BEGIN_ALLOW_THREADS
#if PYSOCK_HAS_NETDB_R
        h_errno = 0;
        if (addr == NULL)
            r = gethostbyname_r(name, &l->ent, l->buf, l->buflen, &l->res, &l->h_err);
        else
            r = gethostbyaddr_r(addr, addrlen, af, &l->ent, l->buf, l->buflen,
                                &l->res, &l->h_err);
        he = h_errno;
#else
        /* under the lock: a libc may keep h_errno global, not per thread */
        pthread_mutex_lock(&netdb_mutex);
        h_errno = 0;
        struct hostent *h = addr == NULL ? gethostbyname(name)
                                         : gethostbyaddr(addr, addrlen, af);
        he = h_errno;
        l->h_err = HOST_NOT_FOUND;
        l->res = NULL;
        r = h == NULL ? 0 : copy_hostent(h, &l->ent, l->buf, l->buflen);
        if (h != NULL && r == 0)
            l->res = &l->ent;
        pthread_mutex_unlock(&netdb_mutex);
#endif
        /* The stdlib reports the thread's h_errno, not the *_r out value;
         * they differ when DNS fails (NO_RECOVERY vs HOST_NOT_FOUND).  But
         * the files backend leaves h_errno alone, and the stdlib then
         * reports a stale value (often 0, "Resolver Error 0"): take
         * h_errno when this call set it, the out value otherwise. */
        if (he != 0)
            l->h_err = he;
        Py_END_ALLOW_THREADS
        if (r != ERANGE || l->buflen >= ((size_t)1 << 24))
            return 0;
        l->buflen *= 2;
    }
}

/* (name, aliases, addresses) from a host entry, as the stdlib builds it:
 * herror when the lookup failed, EAFNOSUPPORT when the entry's family is
 * not the family asked for. */
static PyObject *
hostent_tuple(pysock_state *st, const host_lookup *l, int af)
{
    const struct hostent *h = l->res;
    PyObject *names = NULL, *addrs = NULL;
    if (h == NULL)
        return pysock_err_herror(st, l->h_err);
    if (h->h_addrtype != af)
        return pysock_err_errno(EAFNOSUPPORT);
    names = PyList_New(0);
    addrs = PyList_New(0);
    if (names == NULL || addrs == NULL)
        goto error;
    for (char **p = h->h_aliases; p != NULL && *p != NULL; p++) {
        PyObject *s = PyUnicode_FromString(*p);
        if (s == NULL || PyList_Append(names, s) < 0) {
            Py_XDECREF(s);
            goto error;
        }
        Py_DECREF(s);
    }
    for (char **p = h->h_addr_list; p != NULL && *p != NULL; p++) {
        pysock_sockaddr sa;
        memset(&sa, 0, sizeof(sa));
        if (af == AF_INET) {
            sa.in4.sin_family = AF_INET;
            memcpy(&sa.in4.sin_addr, *p, sizeof(sa.in4.sin_addr));
        }
#if PYSOCK_HAS_IPV6
        else if (af == AF_INET6) {
            sa.in6.sin6_family = AF_INET6;
            memcpy(&sa.in6.sin6_addr, *p, sizeof(sa.in6.sin6_addr));
        }
#endif
        else {
            PyErr_SetString(PyExc_OSError, "unsupported address family");
            goto error;
        }
        PyObject *s = pysock_ip_to_str(&sa.sa);
        if (s == NULL || PyList_Append(addrs, s) < 0) {
            Py_XDECREF(s);
            goto error;
        }
        Py_DECREF(s);
    }
    return Py_BuildValue("sNN", h->h_name, names, addrs);
error:
    Py_XDECREF(names);
    Py_XDECREF(addrs);
    return NULL;
}

/* gethostbyname_ex(host) -> (name, aliases, addresses); gethostbyname_r(3). */
static PyObject *
socket_gethostbyname_ex(PyObject *module, PyObject *arg)
{
    pysock_state *st = pysock_module_state(module);
    pysock_sockaddr sa;
    host_lookup l;
    PyObject *ret = NULL;
    PyObject *b = host_arg("gethostbyname_ex", arg);
    if (b == NULL)
        return NULL;
    const char *name = PyBytes_AS_STRING(b);
    if (PySys_Audit("socket.gethostbyname", "(O)", arg) < 0
        || pysock_setipaddr(st, name, &sa.sa, sizeof(sa), AF_INET) < 0
        || host_lookup_run(&l, name, NULL, 0, AF_INET) < 0)
        goto done;
    ret = hostent_tuple(st, &l, sa.sa.sa_family);
    PyMem_RawFree(l.buf);
done:
    Py_DECREF(b);
    return ret;
}

/* gethostbyaddr(host) -> (name, aliases, addresses); the host is resolved
 * first (any family), then looked up with gethostbyaddr_r(3). */
static PyObject *
socket_gethostbyaddr(PyObject *module, PyObject *arg)
{
    pysock_state *st = pysock_module_state(module);
    pysock_sockaddr sa;
    host_lookup l;
    PyObject *ret = NULL;
    const void *ap;
    socklen_t al;
    PyObject *b = host_arg("gethostbyaddr", arg);
    if (b == NULL)
        return NULL;
    if (PySys_Audit("socket.gethostbyaddr", "(O)", arg) < 0
        || setipaddr_any(st, PyBytes_AS_STRING(b), &sa) < 0)
        goto done;
    int af = sa.sa.sa_family;
    if (af == AF_INET) {
        ap = &sa.in4.sin_addr;
        al = sizeof(sa.in4.sin_addr);
    }
#if PYSOCK_HAS_IPV6
    else if (af == AF_INET6) {
        ap = &sa.in6.sin6_addr;
        al = sizeof(sa.in6.sin6_addr);
    }
#endif
    else {
        PyErr_SetString(PyExc_OSError, "unsupported address family");
        goto done;
    }
    if (host_lookup_run(&l, NULL, ap, al, af) < 0)
        goto done;
    ret = hostent_tuple(st, &l, af);
    PyMem_RawFree(l.buf);
done:
    Py_DECREF(b);
    return ret;
}

/* ---------------- gethostname / sethostname ---------------- */

/* gethostname() -> str; gethostname(2). */
static PyObject *
socket_gethostname(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    char buf[1024];
    if (PySys_Audit("socket.gethostname", NULL) < 0)
        return NULL;
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = gethostname(buf, sizeof(buf) - 1);
    err = errno;
    Py_END_ALLOW_THREADS
    if (r < 0)
        return pysock_err_errno(err);
    buf[sizeof(buf) - 1] = '\0';
    return PyUnicode_DecodeFSDefault(buf);
}

#if PYSOCK_HAS_SETHOSTNAME
/* sethostname(name); sethostname(2).  bytes are passed as they are, other
 * names (str, os.PathLike) through the filesystem encoding. */
static PyObject *
socket_sethostname(PyObject *module, PyObject *arg)
{
    (void)module;
    PyObject *b = NULL;
    if (PyBytes_Check(arg))
        b = Py_NewRef(arg);
    else if (!PyUnicode_FSConverter(arg, &b))
        return NULL;
    if (PySys_Audit("socket.sethostname", "(O)", b) < 0) {
        Py_DECREF(b);
        return NULL;
    }
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = sethostname(PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b));
    err = errno;
    Py_END_ALLOW_THREADS
    Py_DECREF(b);
    if (r < 0)
        return pysock_err_errno(err);
    Py_RETURN_NONE;
}
#endif

/* ---------------- services and protocols ---------------- */

/* One getserv*_r / getproto*_r lookup: its arguments, the entry it fills,
 * and the call itself (run with the GIL released: no Python API).  The call
 * returns 0 or an errno value (ERANGE: buffer too small) and sets *found to
 * the entry or NULL (not found). */
typedef struct netdb_lookup {
    const char *name;
    const char *proto;
    int port;                     /* network byte order */
    union {
        struct servent serv;
        struct protoent proto;
    } ent;
    int (*call)(struct netdb_lookup *l, char *buf, size_t len, void **found);
} netdb_lookup;

#define NETDB_BUF 1024
#define NETDB_BUF_MAX ((size_t)1 << 20)

/* Runs l->call with the GIL released, on a stack buffer first and then on a
 * heap buffer that doubles on ERANGE.  Returns the entry (NULL: not found;
 * read it before freeing) and sets *heap to the buffer to PyMem_RawFree;
 * -1 with MemoryError set. */
static int
netdb_run(netdb_lookup *l, char *stackbuf, void **found, char **heap)
{
    char *buf = stackbuf;
    size_t len = NETDB_BUF;
    int r;
    *heap = NULL;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        r = l->call(l, buf, len, found);
        Py_END_ALLOW_THREADS
        if (r != ERANGE || len >= NETDB_BUF_MAX)
            break;
        len *= 2;
        char *nb = PyMem_RawRealloc(*heap, len);
        if (nb == NULL) {
            PyMem_RawFree(*heap);
            *heap = NULL;
            PyErr_NoMemory();
            return -1;
        }
        buf = *heap = nb;
    }
    if (r != 0)
        *found = NULL;
    return 0;
}

#if PYSOCK_HAS_NETDB_R

static int
servbyname_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    struct servent *res = NULL;
    int r = getservbyname_r(l->name, l->proto, &l->ent.serv, buf, len, &res);
    *found = res;
    return r;
}

static int
servbyport_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    struct servent *res = NULL;
    int r = getservbyport_r(l->port, l->proto, &l->ent.serv, buf, len, &res);
    *found = res;
    return r;
}

static int
protobyname_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    struct protoent *res = NULL;
    int r = getprotobyname_r(l->name, &l->ent.proto, buf, len, &res);
    *found = res;
    return r;
}

#else /* the classic calls under netdb_mutex; what the callers read is copied */

static int
servent_copy(const struct servent *e, netdb_lookup *l, char *buf, size_t len, void **found)
{
    char *p = buf;
    *found = NULL;
    if (e == NULL)
        return 0;
    l->ent.serv.s_port = e->s_port;
    l->ent.serv.s_aliases = NULL;
    if ((l->ent.serv.s_name = copy_str(&p, buf + len, e->s_name)) == NULL
        || (l->ent.serv.s_proto = copy_str(&p, buf + len, e->s_proto)) == NULL)
        return ERANGE;
    *found = &l->ent.serv;
    return 0;
}

static int
servbyname_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    pthread_mutex_lock(&netdb_mutex);
    int r = servent_copy(getservbyname(l->name, l->proto), l, buf, len, found);
    pthread_mutex_unlock(&netdb_mutex);
    return r;
}

static int
servbyport_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    pthread_mutex_lock(&netdb_mutex);
    int r = servent_copy(getservbyport(l->port, l->proto), l, buf, len, found);
    pthread_mutex_unlock(&netdb_mutex);
    return r;
}

static int
protobyname_call(netdb_lookup *l, char *buf, size_t len, void **found)
{
    int r = 0;
    *found = NULL;
    pthread_mutex_lock(&netdb_mutex);
    struct protoent *e = getprotobyname(l->name);
    if (e != NULL) {
        char *p = buf;
        l->ent.proto.p_proto = e->p_proto;
        l->ent.proto.p_aliases = NULL;
        if ((l->ent.proto.p_name = copy_str(&p, buf + len, e->p_name)) == NULL)
            r = ERANGE;
        else
            *found = &l->ent.proto;
    }
    pthread_mutex_unlock(&netdb_mutex);
    return r;
}

#endif /* PYSOCK_HAS_NETDB_R */

/* Runs the lookup, then builds the Python result from the entry found, or
 * raises OSError(notfound) when there is none.  The buffer is freed here. */
static PyObject *
netdb_result(netdb_lookup *l, const char *notfound, PyObject *(*build)(const void *entry))
{
    char stackbuf[NETDB_BUF], *heap;
    void *found;
    if (netdb_run(l, stackbuf, &found, &heap) < 0)
        return NULL;
    PyObject *ret = NULL;
    if (found == NULL)
        PyErr_SetString(PyExc_OSError, notfound);
    else
        ret = build(found);
    PyMem_RawFree(heap);
    return ret;
}

static PyObject *
serv_port_obj(const void *entry)
{
    return PyLong_FromLong((long)ntohs((uint16_t)((const struct servent *)entry)->s_port));
}

static PyObject *
serv_name_obj(const void *entry)
{
    return PyUnicode_FromString(((const struct servent *)entry)->s_name);
}

static PyObject *
proto_number_obj(const void *entry)
{
    return PyLong_FromLong(((const struct protoent *)entry)->p_proto);
}

/* getservbyname(servicename[, protocolname]) -> port; getservbyname_r(3). */
static PyObject *
socket_getservbyname(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    netdb_lookup l = {NULL, NULL, 0, {{0}}, servbyname_call};
    if (pysock_nargs("getservbyname", nargs, 1, 2) < 0
        || (l.name = pysock_str_arg("getservbyname", 1, args[0])) == NULL
        || (nargs > 1 && (l.proto = pysock_str_arg("getservbyname", 2, args[1])) == NULL))
        return NULL;
    if (PySys_Audit("socket.getservbyname", "ss", l.name, l.proto) < 0)
        return NULL;
    return netdb_result(&l, "service/proto not found", serv_port_obj);
}

/* getservbyport(port[, protocolname]) -> name; getservbyport_r(3). */
static PyObject *
socket_getservbyport(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    netdb_lookup l = {NULL, NULL, 0, {{0}}, servbyport_call};
    int port;
    if (pysock_nargs("getservbyport", nargs, 1, 2) < 0
        || pysock_as_int(args[0], &port) < 0
        || (nargs > 1 && (l.proto = pysock_str_arg("getservbyport", 2, args[1])) == NULL))
        return NULL;
    if (port < 0 || port > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    if (PySys_Audit("socket.getservbyport", "is", port, l.proto) < 0)
        return NULL;
    l.port = htons((uint16_t)port);
    return netdb_result(&l, "port/proto not found", serv_name_obj);
}

/* getprotobyname(name) -> number; getprotobyname_r(3). */
static PyObject *
socket_getprotobyname(PyObject *module, PyObject *arg)
{
    (void)module;
    netdb_lookup l = {NULL, NULL, 0, {{0}}, protobyname_call};
    if ((l.name = pysock_str_arg("getprotobyname", 1, arg)) == NULL)
        return NULL;
    return netdb_result(&l, "protocol not found", proto_number_obj);
}

PyMethodDef pysock_resolver_functions[] = {
    {"getaddrinfo", FASTCALL(socket_getaddrinfo), METH_FASTCALL | METH_KEYWORDS,
     "getaddrinfo(host, port [, family, type, proto, flags])\n"
     "    -> list of (family, type, proto, canonname, sockaddr)\n\n"
     "Resolve host and port into addrinfo struct."},
    {"getnameinfo", FASTCALL(socket_getnameinfo), METH_FASTCALL,
     "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."},
    {"gethostbyname", socket_gethostbyname, METH_O,
     "gethostbyname(host) -> address\n\n"
     "Return the IP address (a string of the form '255.255.255.255') for a host."},
    {"gethostbyname_ex", socket_gethostbyname_ex, METH_O,
     "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\n"
     "Return the true host name, a list of aliases, and a list of IP addresses,\n"
     "for a host.  The host argument is a string giving a host name or IP number."},
    {"gethostbyaddr", socket_gethostbyaddr, METH_O,
     "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\n"
     "Return the true host name, a list of aliases, and a list of IP addresses,\n"
     "for a host.  The host argument is a string giving a host name or IP number."},
    {"gethostname", socket_gethostname, METH_NOARGS,
     "gethostname() -> string\n\nReturn the current host name."},
#if PYSOCK_HAS_SETHOSTNAME
    {"sethostname", socket_sethostname, METH_O,
     "sethostname(name)\n\nSets the hostname to name."},
#endif
    {"getservbyname", FASTCALL(socket_getservbyname), METH_FASTCALL,
     "getservbyname(servicename[, protocolname]) -> integer\n\n"
     "Return a port number from a service name and protocol name.\n"
     "The optional protocol name, if given, should be 'tcp' or 'udp',\n"
     "otherwise any protocol will match."},
    {"getservbyport", FASTCALL(socket_getservbyport), METH_FASTCALL,
     "getservbyport(port[, protocolname]) -> string\n\n"
     "Return the service name from a port number and protocol name.\n"
     "The optional protocol name, if given, should be 'tcp' or 'udp',\n"
     "otherwise any protocol will match."},
    {"getprotobyname", socket_getprotobyname, METH_O,
     "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol."},
    {NULL, NULL, 0, NULL}
};
