/* msg.c: sendmsg(2) / recvmsg(2) with scatter/gather buffers and ancillary
 * data (cmsg(3)), and the CMSG_LEN() / CMSG_SPACE() module functions.
 *
 * Arguments are parsed and results built with the GIL held; the syscalls
 * run in sendmsg_impl / recvmsg_impl through pysock_call() (deadline.c), so
 * timeouts and EINTR behave as for send() and recv().
 *
 * Deliberate differences from the stdlib:
 *   - recvmsg() and recvmsg_into() always pass MSG_CMSG_CLOEXEC: descriptors
 *     received with SCM_RIGHTS are non-inheritable, as PEP 446 asks of every
 *     new fd (the stdlib returns them inheritable).  Where the flag is
 *     missing, FD_CLOEXEC is set right after the call instead.
 *   - more buffers than sysconf(_SC_IOV_MAX) raise OSError(EMSGSIZE) just
 *     before the syscall (the error the kernel would give), without it.
 *   - the returned control buffer is walked by offsets, not CMSG_NXTHDR():
 *     every header that fits in the buffer is reported (some libcs' NXTHDR
 *     skip a last, truncated one), so no SCM_RIGHTS fd goes unreported; on
 *     any error after the syscall every received fd is closed. */
#include "pysocket.h"

#if PYSOCK_HAS_CMSG

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

/* The stdlib's bound on control buffers and items (its SOCKLEN_T_LIMIT). */
#define CONTROL_LIMIT ((size_t)INT_MAX)

static const char truncated_warning[] =
    "received malformed or improperly-truncated ancillary data";

/* ---------------- CMSG_LEN / CMSG_SPACE ---------------- */

/* CMSG_LEN(length), or 0 when the result would pass CONTROL_LIMIT. */
static size_t
cmsg_len_checked(size_t length)
{
    if (length > CONTROL_LIMIT - CMSG_LEN(0))
        return 0;
    return CMSG_LEN(length);
}

/* CMSG_SPACE(length), or 0 when the result would pass CONTROL_LIMIT.
 * CMSG_SPACE(1) bounds the padding both before and after the data. */
static size_t
cmsg_space_checked(size_t length)
{
    if (length > CONTROL_LIMIT - CMSG_SPACE(1))
        return 0;
    return CMSG_SPACE(length);
}

/* Shared by CMSG_LEN and CMSG_SPACE: one int argument >= 0. */
static PyObject *
cmsg_size(const char *fname, size_t (*f)(size_t), PyObject *const *args,
          Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t length;
    if (pysock_no_kwargs(fname, kwnames) < 0 || pysock_nargs(fname, nargs, 1, 1) < 0
        || pysock_as_ssize(args[0], &length) < 0)
        return NULL;
    size_t r = length < 0 ? 0 : f((size_t)length);
    if (r == 0) {
        PyErr_Format(PyExc_OverflowError, "%s() argument out of range", fname);
        return NULL;
    }
    return PyLong_FromSize_t(r);
}

/* CMSG_LEN(length) -> control message length */
static PyObject *
socket_CMSG_LEN(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
           PyObject *kwnames)
{
    (void)module;
    return cmsg_size("CMSG_LEN", cmsg_len_checked, args, nargs, kwnames);
}

/* CMSG_SPACE(length) -> buffer size */
static PyObject *
socket_CMSG_SPACE(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
           PyObject *kwnames)
{
    (void)module;
    return cmsg_size("CMSG_SPACE", cmsg_space_checked, args, nargs, kwnames);
}

/* ---------------- data buffers ---------------- */

/* The buffers of one sendmsg/recvmsg_into call: views[i] backs iov[i]. */
typedef struct {
    Py_ssize_t n;            /* views acquired so far */
    Py_buffer *views;
    struct iovec *iov;
} iobufs;

static void
iobufs_release(iobufs *b)
{
    for (Py_ssize_t i = 0; i < b->n; i++)
        PyBuffer_Release(&b->views[i]);
    PyMem_Free(b->views);
    PyMem_Free(b->iov);
    b->n = 0;
    b->views = NULL;
    b->iov = NULL;
}

/* PySequence_Fast(obj, msg), but never the caller's own list: a list is
 * copied, so Python code that runs while the items are parsed (__index__,
 * __buffer__) cannot shrink it under the loop and leave it reading freed
 * items.  A tuple or a fresh list from another iterable is used as it is. */
static PyObject *
items_snapshot(PyObject *obj, const char *msg)
{
    PyObject *fast = PySequence_Fast(obj, msg);
    if (fast == NULL || fast != obj || PyTuple_CheckExact(fast))
        return fast;
    PyObject *copy = PySequence_Tuple(fast);
    Py_DECREF(fast);
    return copy;
}

/* Acquires every item of the iterable `obj` as a C-contiguous buffer,
 * writable when `writable` (recvmsg_into).  Error texts follow the stdlib.
 * Returns 0, or -1 with an exception set and nothing held. */
static int
iobufs_get(iobufs *b, PyObject *obj, int writable, const char *fname)
{
    char msg[100];
    b->n = 0;
    b->views = NULL;
    b->iov = NULL;
    PyOS_snprintf(msg, sizeof(msg), "%s() argument 1 must be an iterable", fname);
    PyObject *fast = items_snapshot(obj, msg);
    if (fast == NULL)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(fast);
    if (count > INT_MAX) {
        PyErr_Format(PyExc_OSError, "%s() argument 1 is too long", fname);
        goto error;
    }
    if (count > 0) {
        b->views = PyMem_New(Py_buffer, count);
        b->iov = PyMem_New(struct iovec, count);
        if (b->views == NULL || b->iov == NULL) {
            PyErr_NoMemory();
            goto error;
        }
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        Py_buffer *v = &b->views[i];
        if (PyObject_GetBuffer(item, v, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
            if (writable) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "%s() argument 1 must be an iterable of "
                             "single-segment read-write buffers", fname);
            }
            goto error;
        }
        b->n++;
        b->iov[i].iov_base = v->buf;
        b->iov[i].iov_len = (size_t)v->len;
    }
    Py_DECREF(fast);
    return 0;
error:
    Py_DECREF(fast);
    iobufs_release(b);
    return -1;
}

/* The kernel's limit on iovecs (UIO_MAXIOV); sysconf() gives it on Linux. */
static Py_ssize_t
iov_max(void)
{
#if PYSOCK_HAS_SC_IOV_MAX
    long n = sysconf(_SC_IOV_MAX);
    if (n > 0)
        return (Py_ssize_t)n;
#endif
#ifdef IOV_MAX
    return IOV_MAX;
#else
    return 1024;
#endif
}

/* OSError(EMSGSIZE), as the kernel reports too many iovecs.  0 / -1. */
static int
check_iov_count(Py_ssize_t n)
{
    if (n <= iov_max())
        return 0;
    pysock_err_errno(EMSGSIZE);
    return -1;
}

/* ---------------- sendmsg ---------------- */

typedef struct {
    int level;
    int type;
    Py_buffer data;
} anc_item;

#define ANC_ITEMS_WHAT "[sendmsg() ancillary data items]()"

/* Parses one (level, type, data) item the way the stdlib's "(iiy*)" does:
 * any sequence of length 3 except bytes.  0 / -1; on success it->data is
 * held. */
static int
anc_item_parse(PyObject *o, anc_item *it)
{
    if (!PySequence_Check(o) || PyBytes_Check(o)) {
        PyErr_Format(PyExc_TypeError, ANC_ITEMS_WHAT " argument must be 3-item sequence, "
                     "not %.50s", o == Py_None ? "None" : Py_TYPE(o)->tp_name);
        return -1;
    }
    Py_ssize_t len = PySequence_Size(o);
    if (len < 0)
        return -1;
    if (len != 3) {
        PyErr_Format(PyExc_TypeError, ANC_ITEMS_WHAT " argument must be sequence of "
                     "length 3, not %zd", len);
        return -1;
    }
    PyObject *f[3] = {NULL, NULL, NULL};
    int r = -1;
    for (int i = 0; i < 3; i++) {
        if ((f[i] = PySequence_GetItem(o, i)) == NULL)
            goto done;
    }
    if (pysock_as_int(f[0], &it->level) < 0 || pysock_as_int(f[1], &it->type) < 0
        || PyObject_GetBuffer(f[2], &it->data, PyBUF_SIMPLE) < 0)
        goto done;
    r = 0;
done:
    for (int i = 0; i < 3; i++)
        Py_XDECREF(f[i]);
    return r;
}

/* The ancillary items of one sendmsg call and the control buffer built
 * from them. */
typedef struct {
    Py_ssize_t n;            /* items whose data is held */
    anc_item *items;
    void *control;
    size_t controllen;
} ancdata;

static void
ancdata_release(ancdata *a)
{
    for (Py_ssize_t i = 0; i < a->n; i++)
        PyBuffer_Release(&a->items[i].data);
    PyMem_Free(a->items);
    PyMem_Free(a->control);
    a->n = 0;
    a->items = NULL;
    a->control = NULL;
}

/* Parses the ancdata iterable (NULL: none) and lays the items out as
 * cmsghdr + data, each CMSG_SPACE() long.  0 / -1 with nothing held. */
static int
ancdata_build(ancdata *a, PyObject *obj)
{
    a->n = 0;
    a->items = NULL;
    a->control = NULL;
    a->controllen = 0;
    if (obj == NULL)
        return 0;
    PyObject *fast = items_snapshot(obj, "sendmsg() argument 2 must be an iterable");
    if (fast == NULL)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(fast);
    size_t total = 0;
    if (count > 0 && (a->items = PyMem_New(anc_item, count)) == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        if (anc_item_parse(PySequence_Fast_GET_ITEM(fast, i), &a->items[i]) < 0)
            goto error;
        a->n++;
        size_t space = cmsg_space_checked((size_t)a->items[i].data.len);
        if (space == 0) {
            PyErr_SetString(PyExc_OSError, "ancillary data item too large");
            goto error;
        }
        if (space > CONTROL_LIMIT - total) {
            PyErr_SetString(PyExc_OSError, "too much ancillary data");
            goto error;
        }
        total += space;
    }
    Py_CLEAR(fast);
    if (total == 0)
        return 0;
    /* Zeroed: the padding the kernel sees is defined. */
    if ((a->control = PyMem_Calloc(1, total)) == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    a->controllen = total;
    char *p = a->control;
    for (Py_ssize_t i = 0; i < a->n; i++) {
        anc_item *it = &a->items[i];
        struct cmsghdr *h = (struct cmsghdr *)(void *)p;
        h->cmsg_len = CMSG_LEN((size_t)it->data.len);
        h->cmsg_level = it->level;
        h->cmsg_type = it->type;
        if (it->data.len > 0)
            memcpy(CMSG_DATA(h), it->data.buf, (size_t)it->data.len);
        p += CMSG_SPACE((size_t)it->data.len);
    }
    return 0;
error:
    Py_XDECREF(fast);
    ancdata_release(a);
    return -1;
}

typedef struct {
    struct msghdr msg;
    int flags;
    ssize_t n;
} sendmsg_ctx;

/* sendmsg(2) */
static int
sendmsg_impl(int fd, void *p)
{
    sendmsg_ctx *c = p;
    c->n = sendmsg(fd, &c->msg, c->flags);
    return c->n < 0 ? -1 : 0;
}

/* sendmsg(buffers[, ancdata[, flags[, address]]]) -> count */
static PyObject *
sock_sendmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PySockObject *s = (PySockObject *)self;
    sendmsg_ctx c;
    pysock_sockaddr sa;
    socklen_t salen = 0;
    iobufs bufs = {0, NULL, NULL};
    ancdata anc = {0, NULL, NULL, 0};
    PyObject *result = NULL;

    memset(&c, 0, sizeof(c));
    if (pysock_nargs("sendmsg", nargs, 1, 4) < 0
        || (nargs > 2 && pysock_as_int(args[2], &c.flags) < 0))
        return NULL;
    PyObject *addr = nargs > 3 ? args[3] : Py_None;
    if (addr != Py_None) {
        pysock_addrctx ctx = pysock_ctx(s, "sendmsg");
        if (pysock_parse_addr(&ctx, addr, &sa, &salen) < 0)
            return NULL;
    }
    if (PySys_Audit("socket.sendmsg", "OO", self, addr) < 0
        || iobufs_get(&bufs, args[0], 0, "sendmsg") < 0)
        return NULL;
    if (ancdata_build(&anc, nargs > 1 ? args[1] : NULL) < 0
        || check_iov_count(bufs.n) < 0)
        goto done;
    if (addr != Py_None) {
        c.msg.msg_name = &sa;
        c.msg.msg_namelen = salen;
    }
    c.msg.msg_iov = bufs.iov;
    c.msg.msg_iovlen = (size_t)bufs.n;
    c.msg.msg_control = anc.control;
    c.msg.msg_controllen = anc.controllen;
    if (pysock_call(s, 1, sendmsg_impl, &c, NULL) < 0)
        goto done;
    result = PyLong_FromSsize_t(c.n);
done:
    ancdata_release(&anc);
    iobufs_release(&bufs);
    return result;
}

/* ---------------- walking received control messages ---------------- */

/* A cursor over the control buffer recvmsg(2) filled (msg_controllen
 * bytes).  Plain byte offsets: usable with the GIL released. */
typedef struct {
    const char *buf;
    size_t len;
    size_t off;
} cmsg_cursor;

enum { CMSG_END = 0, CMSG_OK = 1, CMSG_SHORT = 2, CMSG_BAD = 3 };

/* Steps to the next control message.  CMSG_OK: *h and *datalen describe a
 * whole item.  CMSG_SHORT: its data runs past the buffer, *datalen is the
 * part inside (the last item).  CMSG_BAD: a malformed header (cmsg_len
 * below CMSG_LEN(0)), nothing usable.  CMSG_END: no further header fits. */
static int
cmsg_next(cmsg_cursor *cur, const struct cmsghdr **h, size_t *datalen)
{
    if (cur->off >= cur->len || cur->len - cur->off < sizeof(struct cmsghdr)
        || cur->len - cur->off < CMSG_LEN(0))
        return CMSG_END;
    const struct cmsghdr *hdr = (const struct cmsghdr *)(const void *)(cur->buf + cur->off);
    size_t clen = hdr->cmsg_len;
    size_t room = cur->len - cur->off;
    *h = hdr;
    if (clen < CMSG_LEN(0)) {
        cur->off = cur->len;
        return CMSG_BAD;
    }
    if (clen > room) {
        *datalen = room - CMSG_LEN(0);
        cur->off = cur->len;
        return CMSG_SHORT;
    }
    *datalen = clen - CMSG_LEN(0);
    size_t step = CMSG_SPACE(*datalen);
    cur->off = step > room ? cur->len : cur->off + step;
    return CMSG_OK;
}

static int
is_rights(const struct cmsghdr *h)
{
    return h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS;
}

/* Applies op(fd) to every descriptor of every SCM_RIGHTS item (whole ints
 * only: a cut-off int was never installed by the kernel).  No Python API. */
static void
for_each_rights_fd(const struct msghdr *m, void (*op)(int))
{
    cmsg_cursor cur = {m->msg_control, m->msg_control ? (size_t)m->msg_controllen : 0, 0};
    const struct cmsghdr *h;
    size_t datalen;
    int st;
    while ((st = cmsg_next(&cur, &h, &datalen)) == CMSG_OK || st == CMSG_SHORT) {
        if (!is_rights(h))
            continue;
        const unsigned char *d = CMSG_DATA(h);
        for (size_t i = 0; i + sizeof(int) <= datalen; i += sizeof(int)) {
            int fd;
            memcpy(&fd, d + i, sizeof(fd));
            op(fd);
        }
    }
}

static void
close_fd(int fd)
{
    close(fd);
}

#if !PYSOCK_HAS_MSG_CMSG_CLOEXEC
static void
set_cloexec(int fd)
{
    int fl = fcntl(fd, F_GETFD);
    if (fl >= 0)
        fcntl(fd, F_SETFD, fl | FD_CLOEXEC);
}
#endif

/* ---------------- recvmsg / recvmsg_into ---------------- */

/* Small control buffers live on the stack, aligned for cmsghdr. */
#define CONTROL_STACK 256

typedef struct {
    struct msghdr msg;
    pysock_sockaddr addr;
    size_t controllen;       /* the caller's ancbufsize */
    int flags;
    ssize_t n;
} recvmsg_ctx;

/* recvmsg(2), always with MSG_CMSG_CLOEXEC (see the top of the file).
 * msg_namelen/msg_controllen are reset on each pass: the kernel updates
 * them. */
static int
recvmsg_impl(int fd, void *p)
{
    recvmsg_ctx *c = p;
    c->msg.msg_name = &c->addr;
    c->msg.msg_namelen = sizeof(c->addr);
    c->msg.msg_controllen = c->controllen;
    c->msg.msg_flags = 0;
#if PYSOCK_HAS_MSG_CMSG_CLOEXEC
    c->n = recvmsg(fd, &c->msg, c->flags | MSG_CMSG_CLOEXEC);
    /* Linux echoes the flag in msg_flags: hide it unless the caller asked. */
    if (c->n >= 0 && !(c->flags & MSG_CMSG_CLOEXEC))
        c->msg.msg_flags &= ~MSG_CMSG_CLOEXEC;
#else
    c->n = recvmsg(fd, &c->msg, c->flags);
    if (c->n >= 0)
        for_each_rights_fd(&c->msg, set_cloexec);
#endif
    return c->n < 0 ? -1 : 0;
}

/* The list of (level, type, data) tuples, with the stdlib's RuntimeWarning
 * for a truncated or malformed item.  NULL with an exception set. */
static PyObject *
decode_ancdata(const struct msghdr *m)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    cmsg_cursor cur = {m->msg_control, m->msg_control ? (size_t)m->msg_controllen : 0, 0};
    const struct cmsghdr *h;
    size_t datalen;
    int st;
    while ((st = cmsg_next(&cur, &h, &datalen)) != CMSG_END) {
        if (st != CMSG_OK && PyErr_WarnEx(PyExc_RuntimeWarning, truncated_warning, 1) < 0)
            goto error;
        if (st == CMSG_BAD)
            break;
        if (datalen > (size_t)PY_SSIZE_T_MAX) {
            PyErr_SetString(PyExc_OSError, "control message too long");
            goto error;
        }
        PyObject *item = Py_BuildValue("iiy#", (int)h->cmsg_level, (int)h->cmsg_type,
                                       (const char *)CMSG_DATA(h), (Py_ssize_t)datalen);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto error;
        }
        Py_DECREF(item);
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

/* Runs recvmsg with c->msg.msg_iov set by the caller and builds
 * (first, ancdata, msg_flags, address), where first comes from
 * make_first(c->n, arg) once the call succeeded.  Every SCM_RIGHTS fd
 * received is closed if anything fails after the syscall. */
static PyObject *
recvmsg_common(PySockObject *s, recvmsg_ctx *c, Py_ssize_t ancbufsize,
               PyObject *(*make_first)(ssize_t, void *), void *arg)
{
    union {
        struct cmsghdr align;
        char bytes[CONTROL_STACK];
    } stackbuf;
    void *control = NULL;
    PyObject *first = NULL, *list = NULL, *addr = NULL;

    if (ancbufsize < 0 || (size_t)ancbufsize > CONTROL_LIMIT) {
        PyErr_SetString(PyExc_ValueError, "invalid ancillary data buffer length");
        return NULL;
    }
    if (check_iov_count((Py_ssize_t)c->msg.msg_iovlen) < 0)
        return NULL;
    if (ancbufsize > CONTROL_STACK) {
        if ((control = PyMem_Malloc((size_t)ancbufsize)) == NULL)
            return PyErr_NoMemory();
        c->msg.msg_control = control;
    }
    else {
        c->msg.msg_control = ancbufsize > 0 ? stackbuf.bytes : NULL;
    }
    c->controllen = (size_t)ancbufsize;
    memset(&c->addr, 0, sizeof(c->addr));
    c->addr.sa.sa_family = AF_UNSPEC;
    if (pysock_call(s, 0, recvmsg_impl, c, NULL) < 0) {
        PyMem_Free(control);
        return NULL;
    }
    if (c->msg.msg_control == NULL)
        c->msg.msg_controllen = 0;
    PyObject *result = NULL;
    if ((first = make_first(c->n, arg)) == NULL
        || (list = decode_ancdata(&c->msg)) == NULL
        || (addr = pysock_recv_addr(s, &c->addr, c->msg.msg_namelen)) == NULL
        || (result = PyTuple_New(4)) == NULL) {
        for_each_rights_fd(&c->msg, close_fd);
        Py_XDECREF(first);
        Py_XDECREF(list);
        Py_XDECREF(addr);
        PyMem_Free(control);
        return NULL;
    }
    PyObject *flags = PyLong_FromLong(c->msg.msg_flags);
    if (flags == NULL) {
        for_each_rights_fd(&c->msg, close_fd);
        Py_DECREF(result);
        Py_DECREF(first);
        Py_DECREF(list);
        Py_DECREF(addr);
        PyMem_Free(control);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, first);
    PyTuple_SET_ITEM(result, 1, list);
    PyTuple_SET_ITEM(result, 2, flags);
    PyTuple_SET_ITEM(result, 3, addr);
    PyMem_Free(control);
    return result;
}

/* recvmsg's receive buffer: a bytes object, or the caller's stack buffer;
 * size bytes either way. */
typedef struct {
    PyObject *obj;
    const char *stack;
    Py_ssize_t size;
} recv_buf;

/* recvmsg: the data as bytes of its final size.  With MSG_TRUNC the kernel
 * reports a datagram's real length, which may exceed the buffer: the data
 * is what the buffer holds, as in the stdlib's recvmsg. */
static PyObject *
first_bytes(ssize_t n, void *arg)
{
    recv_buf *b = arg;
    if (n > b->size)
        n = b->size;
    if (b->obj == NULL)
        return PyBytes_FromStringAndSize(b->stack, n);
    if (n == PyBytes_GET_SIZE(b->obj))
        return Py_NewRef(b->obj);
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(b->obj), n);
}

/* Small reads go through a stack buffer (as recv() does). */
#define RECV_STACK 4096

/* recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address) */
static PyObject *
sock_recvmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PySockObject *s = (PySockObject *)self;
    Py_ssize_t bufsize, ancbufsize = 0;
    recvmsg_ctx c;
    struct iovec iov;
    char stackbuf[RECV_STACK];
    recv_buf buf = {NULL, stackbuf, 0};

    memset(&c, 0, sizeof(c));
    if (pysock_nargs("recvmsg", nargs, 1, 3) < 0
        || pysock_as_ssize(args[0], &bufsize) < 0
        || (nargs > 1 && pysock_as_ssize(args[1], &ancbufsize) < 0)
        || (nargs > 2 && pysock_as_int(args[2], &c.flags) < 0))
        return NULL;
    if (bufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "negative buffer size in recvmsg()");
        return NULL;
    }
    if (bufsize > RECV_STACK) {
        PyObject *b = PyBytes_FromStringAndSize(NULL, bufsize);
        if (b == NULL)
            return NULL;
        buf.obj = b;
        iov.iov_base = PyBytes_AS_STRING(b);
    }
    else {
        iov.iov_base = stackbuf;
    }
    iov.iov_len = (size_t)bufsize;
    buf.size = bufsize;
    if (c.flags & MSG_TRUNC)         /* TCP's MSG_TRUNC discards: nothing stored */
        memset(iov.iov_base, 0, iov.iov_len);
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    PyObject *r = recvmsg_common(s, &c, ancbufsize, first_bytes, &buf);
    Py_XDECREF(buf.obj);
    return r;
}

/* recvmsg_into: the byte count. */
static PyObject *
first_count(ssize_t n, void *arg)
{
    (void)arg;
    return PyLong_FromSsize_t(n);
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address) */
static PyObject *
sock_recvmsg_into(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PySockObject *s = (PySockObject *)self;
    Py_ssize_t ancbufsize = 0;
    recvmsg_ctx c;
    iobufs bufs;

    memset(&c, 0, sizeof(c));
    if (pysock_nargs("recvmsg_into", nargs, 1, 3) < 0
        || (nargs > 1 && pysock_as_ssize(args[1], &ancbufsize) < 0)
        || (nargs > 2 && pysock_as_int(args[2], &c.flags) < 0)
        || iobufs_get(&bufs, args[0], 1, "recvmsg_into") < 0)
        return NULL;
    c.msg.msg_iov = bufs.iov;
    c.msg.msg_iovlen = (size_t)bufs.n;
    PyObject *r = recvmsg_common(s, &c, ancbufsize, first_count, NULL);
    iobufs_release(&bufs);
    return r;
}

/* ---------------- test hook ---------------- */

/* _decode_ancillary(control) -> list: decodes raw control-message bytes
 * exactly as recvmsg() decodes what the kernel returned, including the
 * RuntimeWarning and closing every SCM_RIGHTS fd in them when that fails.
 * Lets tests reach the truncated/malformed paths, which Linux never
 * produces itself. */
static PyObject *
socket__decode_ancillary(PyObject *module, PyObject *arg)
{
    (void)module;
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    struct msghdr m;
    memset(&m, 0, sizeof(m));
    /* A private, aligned copy: cmsghdr needs its alignment. */
    void *copy = PyMem_Malloc(view.len > 0 ? (size_t)view.len : 1);
    if (copy == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    memcpy(copy, view.buf, (size_t)view.len);
    m.msg_control = view.len > 0 ? copy : NULL;
    m.msg_controllen = (size_t)view.len;
    PyBuffer_Release(&view);
    PyObject *list = decode_ancdata(&m);
    if (list == NULL)
        for_each_rights_fd(&m, close_fd);
    PyMem_Free(copy);
    return list;
}

#if PYSOCK_HAS_AF_ALG && PYSOCK_HAS_LINUX_IF_ALG_H

/* Appends one control message to the buffer at *p (CMSG_SPACE-sized). */
static void
put_cmsg(char **p, int level, int type, const void *data, size_t len)
{
    struct cmsghdr *h = (struct cmsghdr *)(void *)*p;
    h->cmsg_len = CMSG_LEN(len);
    h->cmsg_level = level;
    h->cmsg_type = type;
    memcpy(CMSG_DATA(h), data, len);
    *p += CMSG_SPACE(len);
}

/* sendmsg_afalg([msg, ]*, op[, iv[, assoclen[, flags]]]) -> count:
 * sendmsg(2) with the AF_ALG control messages ALG_SET_OP, ALG_SET_IV and
 * ALG_SET_AEAD_ASSOCLEN (the kernel's Documentation/crypto/userspace-if.rst).
 * Argument rules and texts as the stdlib's. */
static PyObject *
sock_sendmsg_afalg(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                   PyObject *kwnames)
{
    static const char *const names[] = {"msg", "op", "iv", "assoclen", "flags"};
    PySockObject *s = (PySockObject *)self;
    PyObject *a[5];
    Py_buffer iv = {NULL, NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL};
    iobufs bufs = {0, NULL, NULL};
    sendmsg_ctx c;
    char *control = NULL;
    PyObject *result = NULL;
    long op = -1, assoclen = -1;

    memset(&c, 0, sizeof(c));
    if (s->family != AF_ALG) {
        PyErr_SetString(PyExc_OSError, "algset is only supported for AF_ALG");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "sendmsg_afalg() takes at most 1 positional argument (%zd given)", nargs);
        return NULL;
    }
    if (pysock_parse_kw("sendmsg_afalg", args, nargs, kwnames, names, 5, 0, 0, a) < 0)
        return NULL;
    for (int i = 1; i <= 3; i += 2) {         /* op and assoclen: "O!" int */
        if (a[i] != NULL && !PyLong_Check(a[i])) {
            PyErr_Format(PyExc_TypeError, "sendmsg_afalg() argument %d must be int, not %.50s",
                         i + 1, Py_TYPE(a[i])->tp_name);
            return NULL;
        }
    }
    if (a[4] != NULL && pysock_as_int(a[4], &c.flags) < 0)
        return NULL;
    int op_overflow = 0;
    if (a[1] != NULL && (op = PyLong_AsLongAndOverflow(a[1], &op_overflow)) == -1
        && PyErr_Occurred())
        return NULL;
    if (op_overflow || op < 0 || op > INT_MAX) {       /* any int out of range */
        PyErr_SetString(PyExc_TypeError, "Invalid or missing argument 'op'");
        return NULL;
    }
    if (a[3] != NULL) {
        /* a C int first (any int beyond one is an OverflowError), then >= 0 */
        int overflow;
        if ((assoclen = PyLong_AsLongAndOverflow(a[3], &overflow)) == -1 && PyErr_Occurred())
            return NULL;
        if (overflow || assoclen > INT_MAX || assoclen < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        if (assoclen < 0) {
            PyErr_SetString(PyExc_TypeError, "assoclen must be positive");
            return NULL;
        }
    }
    if (a[2] != NULL && PyObject_GetBuffer(a[2], &iv, PyBUF_SIMPLE) < 0)
        return NULL;
    if (iv.obj != NULL && (size_t)iv.len > UINT32_MAX - sizeof(struct af_alg_iv)) {
        PyErr_SetString(PyExc_OverflowError, "iv is too long");
        goto done;
    }
    size_t ivsize = sizeof(struct af_alg_iv) + (size_t)iv.len;
    size_t total = CMSG_SPACE(sizeof(uint32_t))
                   + (iv.obj != NULL ? CMSG_SPACE(ivsize) : 0)
                   + (assoclen >= 0 ? CMSG_SPACE(sizeof(uint32_t)) : 0);
    if ((control = PyMem_Calloc(1, total)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    char *p = control;
    uint32_t u = (uint32_t)op;
    put_cmsg(&p, SOL_ALG, ALG_SET_OP, &u, sizeof(u));
    if (iv.obj != NULL) {
        struct af_alg_iv *h;
        if ((h = PyMem_Calloc(1, ivsize)) == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        h->ivlen = (uint32_t)iv.len;
        memcpy(h->iv, iv.buf, (size_t)iv.len);
        put_cmsg(&p, SOL_ALG, ALG_SET_IV, h, ivsize);
        PyMem_Free(h);
    }
    if (assoclen >= 0) {
        u = (uint32_t)assoclen;
        put_cmsg(&p, SOL_ALG, ALG_SET_AEAD_ASSOCLEN, &u, sizeof(u));
    }
    /* the data: the stdlib shares sendmsg()'s buffer rules and texts */
    if (a[0] != NULL && (iobufs_get(&bufs, a[0], 0, "sendmsg") < 0
                         || check_iov_count(bufs.n) < 0))
        goto done;
    c.msg.msg_iov = bufs.iov;
    c.msg.msg_iovlen = (size_t)bufs.n;
    c.msg.msg_control = control;
    c.msg.msg_controllen = total;
    if (pysock_call(s, 1, sendmsg_impl, &c, NULL) < 0)
        goto done;
    result = PyLong_FromSsize_t(c.n);
done:
    iobufs_release(&bufs);
    PyMem_Free(control);
    if (iv.obj != NULL)
        PyBuffer_Release(&iv);
    return result;
}

#endif /* PYSOCK_HAS_AF_ALG && PYSOCK_HAS_LINUX_IF_ALG_H */

PyMethodDef pysock_msg_methods[] = {
#if PYSOCK_HAS_AF_ALG && PYSOCK_HAS_LINUX_IF_ALG_H
    {"sendmsg_afalg", FASTCALL(sock_sendmsg_afalg), METH_FASTCALL | METH_KEYWORDS,
     "sendmsg_afalg([msg], *, op[, iv[, assoclen[, flags]]]) -> count\n\n"
     "sendmsg() for an AF_ALG socket: sets the operation (ALG_OP_*), the\n"
     "initialisation vector and the AEAD associated data length with\n"
     "control messages, and sends the buffers of msg."},
#endif
    {"sendmsg", FASTCALL(sock_sendmsg), METH_FASTCALL,
     "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\n"
     "Send the concatenation of the bytes-like objects in buffers as one\n"
     "message, with ancillary data: an iterable of (cmsg_level, cmsg_type,\n"
     "cmsg_data) tuples.  flags is as for send(); an address that is not\n"
     "None sets the destination.  Returns the number of data bytes sent."},
    {"recvmsg", FASTCALL(sock_recvmsg), METH_FASTCALL,
     "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\n"
     "Receive up to bufsize bytes of data and up to ancbufsize bytes of\n"
     "ancillary data (size it with CMSG_SPACE()).  ancdata is a list of\n"
     "(cmsg_level, cmsg_type, cmsg_data) tuples; msg_flags has MSG_CTRUNC\n"
     "when ancillary data did not fit.  File descriptors received with\n"
     "SCM_RIGHTS are non-inheritable; if an exception is raised after the\n"
     "system call, they are closed."},
    {"recvmsg_into", FASTCALL(sock_recvmsg_into), METH_FASTCALL,
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\n"
     "Like recvmsg(), but scatter the data into the writable buffers in turn\n"
     "and return the number of bytes received."},
    {NULL, NULL, 0, NULL}
};

PyMethodDef pysock_msg_functions[] = {
    {"CMSG_LEN", FASTCALL(socket_CMSG_LEN), METH_FASTCALL | METH_KEYWORDS,
     "CMSG_LEN(length) -> control message length\n\n"
     "The cmsg_len of a control message carrying length bytes of data.\n"
     "Raises OverflowError when length is out of range."},
    {"CMSG_SPACE", FASTCALL(socket_CMSG_SPACE), METH_FASTCALL | METH_KEYWORDS,
     "CMSG_SPACE(length) -> buffer size\n\n"
     "The buffer space recvmsg() needs for a control message carrying\n"
     "length bytes of data, padding included.  Raises OverflowError when\n"
     "length is out of range."},
    {"_decode_ancillary", socket__decode_ancillary, METH_O,
     "_decode_ancillary(control) -> list\n\nTest hook: decode raw control messages "
     "as recvmsg() does."},
    {NULL, NULL, 0, NULL}
};

#else /* !PYSOCK_HAS_CMSG */

PyMethodDef pysock_msg_methods[] = {
    {NULL, NULL, 0, NULL}
};

PyMethodDef pysock_msg_functions[] = {
    {NULL, NULL, 0, NULL}
};

#endif /* PYSOCK_HAS_CMSG */
