/* batch.c: batch datagram I/O, recvmmsg() and sendmmsg() on the socket
 * object, over recvmmsg(2) / sendmmsg(2) where the OS has them
 * (PYSOCK_HAS_MMSG) and over a recvfrom(2) / sendto(2) loop elsewhere (or
 * when the kernel answers ENOSYS).
 *
 *   recvmmsg(count, bufsize[, flags]) -> [(data, address), ...]
 *       Waits for the first datagram as recvfrom() would (blocking, timeout
 *       or non-blocking, EINTR retried), then takes whatever else is already
 *       queued without waiting (MSG_WAITFORONE): a partial batch of 1..count.
 *   sendmmsg(messages[, flags]) -> number sent
 *       messages: an iterable of bytes-like objects (connected socket) or
 *       (data, address) pairs, mixed freely.  One syscall sends as many as
 *       the kernel takes (send() semantics, counted in datagrams): the
 *       result may be less than the number given.
 *
 * At most PYSOCK_MMSG_MAX (1024, the kernel's UIO_MAXIOV) datagrams move per
 * call; sendmmsg() takes no more than that many items from the iterable.
 *
 * All buffers of one call live in a single PyMem allocation (the mmsghdr
 * array, the iovecs, the sockaddrs and the datagram bytes), freed on every
 * path; the syscalls run through pysock_call() with the GIL released. */
#include "pysocket.h"

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

#define PYSOCK_MMSG_MAX 1024

/* One message of a batch: the kernel's struct mmsghdr where the system has
 * recvmmsg(2), the same shape of our own for the portable loop (named apart:
 * a libc may declare the struct without the calls being usable). */
#if PYSOCK_HAS_MMSG
typedef struct mmsghdr pysock_mmsghdr;
#else
typedef struct {
    struct msghdr msg_hdr;
    unsigned int msg_len;
} pysock_mmsghdr;
#endif

#ifndef MSG_WAITFORONE
#  define MSG_WAITFORONE 0
#endif

typedef struct {
    pysock_mmsghdr *msgs;
    unsigned int count;
    int flags;
    int loop;            /* 1: the portable recvfrom/sendto loop */
} batch_ctx;

/* ---------------- the syscalls (GIL released) ---------------- */

/* recvmsg(2) for each header: the first with the caller's flags (it may
 * block), the rest with MSG_DONTWAIT; stops at the first failure.  Returns
 * the number received, or -1 with errno when the first one failed: the
 * contract of recvmmsg(2) with MSG_WAITFORONE. */
static int
recv_loop(int fd, batch_ctx *c)
{
    unsigned int i;
    for (i = 0; i < c->count; i++) {
        int flags = i == 0 ? c->flags : c->flags | MSG_DONTWAIT;
        ssize_t n = recvmsg(fd, &c->msgs[i].msg_hdr, flags);
        if (n < 0)
            return i == 0 ? -1 : (int)i;
        c->msgs[i].msg_len = (unsigned int)n;
    }
    return (int)i;
}

/* sendmsg(2) for each header; stops at the first failure.  Returns the
 * number sent, or -1 with errno when the first one failed (sendmmsg(2)). */
static int
send_loop(int fd, batch_ctx *c)
{
    unsigned int i;
    for (i = 0; i < c->count; i++) {
        ssize_t n = sendmsg(fd, &c->msgs[i].msg_hdr, c->flags);
        if (n < 0)
            return i == 0 ? -1 : (int)i;
        c->msgs[i].msg_len = (unsigned int)n;
    }
    return (int)i;
}

/* recvmmsg(2) with MSG_WAITFORONE, or the loop. */
static int
recvmmsg_impl(int fd, void *p)
{
    batch_ctx *c = p;
#if PYSOCK_HAS_MMSG
    if (!c->loop) {
        int n = recvmmsg(fd, c->msgs, c->count, c->flags | MSG_WAITFORONE, NULL);
        if (n >= 0 || errno != ENOSYS)
            return n;
        c->loop = 1;
    }
#endif
    return recv_loop(fd, c);
}

/* sendmmsg(2), or the loop. */
static int
sendmmsg_impl(int fd, void *p)
{
    batch_ctx *c = p;
#if PYSOCK_HAS_MMSG
    if (!c->loop) {
        int n = sendmmsg(fd, c->msgs, c->count, c->flags);
        if (n >= 0 || errno != ENOSYS)
            return n;
        c->loop = 1;
    }
#endif
    return send_loop(fd, c);
}

/* ---------------- recvmmsg ---------------- */

/* The list of (data, address) for the first n headers. */
static PyObject *
recv_results(PySockObject *s, pysock_mmsghdr *msgs, int n, size_t bufsize)
{
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        struct msghdr *h = &msgs[i].msg_hdr;
        size_t len = msgs[i].msg_len;
        if (len > bufsize)          /* MSG_TRUNC reports the real length */
            len = bufsize;
        PyObject *data = PyBytes_FromStringAndSize(h->msg_iov->iov_base, (Py_ssize_t)len);
        PyObject *t = pysock_pair(data, data ? pysock_recv_addr(s, h->msg_name,
                                                               h->msg_namelen) : NULL);
        if (t == NULL)
            goto error;
        PyList_SET_ITEM(list, i, t);
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
do_recvmmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int loop)
{
    PySockObject *s = (PySockObject *)self;
    int count, flags = 0;
    Py_ssize_t bufsize;
    if (pysock_nargs("recvmmsg", nargs, 2, 3) < 0
        || pysock_as_int(args[0], &count) < 0
        || pysock_as_ssize(args[1], &bufsize) < 0
        || (nargs > 2 && pysock_as_int(args[2], &flags) < 0))
        return NULL;
    if (count <= 0) {
        PyErr_SetString(PyExc_ValueError, "recvmmsg() count must be positive");
        return NULL;
    }
    if (bufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "negative buffersize in recvmmsg");
        return NULL;
    }
    if (count > PYSOCK_MMSG_MAX)
        count = PYSOCK_MMSG_MAX;

    /* One block: headers, iovecs, sockaddrs, then count * bufsize bytes. */
    size_t head = (size_t)count * (sizeof(pysock_mmsghdr) + sizeof(struct iovec)
                                   + sizeof(pysock_sockaddr));
    if ((size_t)bufsize > ((size_t)PY_SSIZE_T_MAX - head) / (size_t)count) {
        PyErr_SetString(PyExc_OverflowError, "recvmmsg() bufsize too large");
        return NULL;
    }
    char *block = PyMem_Malloc(head + (size_t)count * (size_t)bufsize + 1);
    if (block == NULL)
        return PyErr_NoMemory();
    pysock_mmsghdr *msgs = (pysock_mmsghdr *)block;
    struct iovec *iov = (struct iovec *)(msgs + count);
    pysock_sockaddr *names = (pysock_sockaddr *)(iov + count);
    char *data = (char *)(names + count);
    memset(msgs, 0, (size_t)count * sizeof(*msgs));
    for (int i = 0; i < count; i++) {
        iov[i].iov_base = data + (size_t)i * (size_t)bufsize;
        iov[i].iov_len = (size_t)bufsize;
        msgs[i].msg_hdr.msg_iov = &iov[i];
        msgs[i].msg_hdr.msg_iovlen = 1;
        msgs[i].msg_hdr.msg_name = &names[i];
        msgs[i].msg_hdr.msg_namelen = sizeof(names[i]);
    }

    batch_ctx c = {msgs, (unsigned int)count, flags, loop};
    PyObject *result = NULL;
    int n = pysock_call(s, 0, recvmmsg_impl, &c, NULL);
    if (n >= 0)
        result = recv_results(s, msgs, n, (size_t)bufsize);
    PyMem_Free(block);
    return result;
}

/* recvmmsg(count, bufsize[, flags]) -> list of (data, address) */
static PyObject *
sock_recvmmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_recvmmsg(self, args, nargs, 0);
}

/* _recvmmsg_loop(...): recvmmsg() forced onto the portable loop (tests). */
static PyObject *
sock_recvmmsg_loop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_recvmmsg(self, args, nargs, 1);
}

/* ---------------- sendmmsg ---------------- */

/* True when addr cannot change value: an exact tuple of exact str/int
 * (what inet and inet6 addresses are), so the same object parses to the same
 * sockaddr every time. */
static int
frozen_addr(PyObject *addr)
{
    if (!PyTuple_CheckExact(addr))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(addr); i++) {
        PyObject *o = PyTuple_GET_ITEM(addr, i);
        if (!PyUnicode_CheckExact(o) && !PyLong_CheckExact(o))
            return 0;
    }
    return 1;
}

/* Fills header i from one item: a bytes-like object, or a (data, address)
 * tuple whose address is parsed into *name.  An address that is the very
 * object of the previous item's (and immutable) is copied from *prev_name
 * instead of parsed again and audited again: a batch to one peer parses its
 * address once.  *prev_addr is a new reference or NULL.  On success the buffer in *buf is held (the caller releases
 * it).  0 / -1. */
static int
send_item(PySockObject *s, PyObject *item, Py_buffer *buf, struct iovec *iov,
          pysock_sockaddr *name, struct msghdr *h, PyObject **prev_addr,
          const struct msghdr *prev_h)
{
    PyObject *data = item, *addr = NULL;
    if (PyTuple_Check(item)) {
        if (PyTuple_GET_SIZE(item) != 2) {
            PyErr_Format(PyExc_TypeError,
                         "sendmmsg() items must be bytes-like objects or (data, address) "
                         "pairs, not a tuple of length %zd", PyTuple_GET_SIZE(item));
            return -1;
        }
        data = PyTuple_GET_ITEM(item, 0);
        addr = PyTuple_GET_ITEM(item, 1);
    }
    memset(h, 0, sizeof(*h));
    if (addr != NULL && addr == *prev_addr && prev_h != NULL) {
        memcpy(name, prev_h->msg_name, prev_h->msg_namelen);
        h->msg_name = name;
        h->msg_namelen = prev_h->msg_namelen;
    }
    else if (addr != NULL) {
        socklen_t len;
        pysock_addrctx ctx = pysock_ctx(s, "sendmmsg");
        if (pysock_parse_addr(&ctx, addr, name, &len) < 0
            || PySys_Audit("socket.sendto", "OO", (PyObject *)s, addr) < 0)
            return -1;
        h->msg_name = name;
        h->msg_namelen = len;
    }
    /* a strong reference: an item from an iterator may die, and a new
     * object could then reuse its address */
    if (addr != *prev_addr)
        Py_XSETREF(*prev_addr, addr != NULL && frozen_addr(addr) ? Py_NewRef(addr) : NULL);
    if (PyObject_GetBuffer(data, buf, PyBUF_SIMPLE) < 0)
        return -1;
    iov->iov_base = buf->buf;
    iov->iov_len = (size_t)buf->len;
    h->msg_iov = iov;
    h->msg_iovlen = 1;
    return 0;
}

static PyObject *
do_sendmmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int loop)
{
    PySockObject *s = (PySockObject *)self;
    int flags = 0;
    if (pysock_nargs("sendmmsg", nargs, 1, 2) < 0
        || (nargs > 1 && pysock_as_int(args[1], &flags) < 0))
        return NULL;
    if (PyBytes_Check(args[0]) || PyByteArray_Check(args[0]) || PyMemoryView_Check(args[0])
        || PyUnicode_Check(args[0])) {
        /* iterating these gives ints or 1-char strs: surely a mistake */
        PyErr_Format(PyExc_TypeError,
                     "sendmmsg() argument must be an iterable of messages, not %.50s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *it = PyObject_GetIter(args[0]);
    if (it == NULL)
        return NULL;

    /* Grown as items arrive: headers, iovecs, sockaddrs and Py_buffers in
     * parallel arrays of `cap` entries inside one block. */
    size_t each = sizeof(pysock_mmsghdr) + sizeof(struct iovec)
                  + sizeof(pysock_sockaddr) + sizeof(Py_buffer);
    Py_ssize_t hint = PyObject_LengthHint(args[0], 8);
    int cap = hint < 8 ? 8 : (hint > PYSOCK_MMSG_MAX ? PYSOCK_MMSG_MAX : (int)hint);
    pysock_mmsghdr *msgs = NULL;
    struct iovec *iov;
    pysock_sockaddr *names;
    Py_buffer *bufs = NULL;
    int n = 0;
    PyObject *result = NULL, *prev_addr = NULL;
    char *block = PyMem_Malloc((size_t)cap * each);
    if (block == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (;;) {
        if (n == PYSOCK_MMSG_MAX)
            break;
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto done;
            break;
        }
        if (n == cap) {
            /* Move to a block twice the size; headers point into the block,
             * so they are rebuilt after the copy. */
            int ncap = cap * 2 > PYSOCK_MMSG_MAX ? PYSOCK_MMSG_MAX : cap * 2;
            char *nb = PyMem_Malloc((size_t)ncap * each);
            if (nb == NULL) {
                Py_DECREF(item);
                PyErr_NoMemory();
                goto done;
            }
            pysock_mmsghdr *nm = (pysock_mmsghdr *)nb;
            struct iovec *ni = (struct iovec *)(nm + ncap);
            pysock_sockaddr *nn = (pysock_sockaddr *)(ni + ncap);
            Py_buffer *nbf = (Py_buffer *)(nn + ncap);
            msgs = (pysock_mmsghdr *)block;
            iov = (struct iovec *)(msgs + cap);
            names = (pysock_sockaddr *)(iov + cap);
            memcpy(nm, msgs, (size_t)n * sizeof(*nm));
            memcpy(ni, iov, (size_t)n * sizeof(*ni));
            memcpy(nn, names, (size_t)n * sizeof(*nn));
            memcpy(nbf, bufs, (size_t)n * sizeof(*nbf));
            for (int i = 0; i < n; i++) {
                nm[i].msg_hdr.msg_iov = &ni[i];
                if (nm[i].msg_hdr.msg_name != NULL)
                    nm[i].msg_hdr.msg_name = &nn[i];
            }
            PyMem_Free(block);
            block = nb;
            cap = ncap;
        }
        msgs = (pysock_mmsghdr *)block;
        iov = (struct iovec *)(msgs + cap);
        names = (pysock_sockaddr *)(iov + cap);
        bufs = (Py_buffer *)(names + cap);
        int r = send_item(s, item, &bufs[n], &iov[n], &names[n], &msgs[n].msg_hdr,
                          &prev_addr, n > 0 ? &msgs[n - 1].msg_hdr : NULL);
        Py_DECREF(item);
        if (r < 0)
            goto done;
        msgs[n].msg_len = 0;
        n++;
    }
    if (n == 0) {
        result = PyLong_FromLong(0);
        goto done;
    }
    batch_ctx c = {(pysock_mmsghdr *)block, (unsigned int)n, flags, loop};
    int sent = pysock_call(s, 1, sendmmsg_impl, &c, NULL);
    if (sent >= 0)
        result = PyLong_FromLong(sent);
done:
    for (int i = 0; i < n; i++)
        PyBuffer_Release(&bufs[i]);
    PyMem_Free(block);
    Py_XDECREF(prev_addr);
    Py_DECREF(it);
    return result;
}

/* sendmmsg(messages[, flags]) -> number sent */
static PyObject *
sock_sendmmsg(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_sendmmsg(self, args, nargs, 0);
}

/* _sendmmsg_loop(...): sendmmsg() forced onto the portable loop (tests). */
static PyObject *
sock_sendmmsg_loop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return do_sendmmsg(self, args, nargs, 1);
}

PyMethodDef pysock_batch_methods[] = {
    {"recvmmsg", FASTCALL(sock_recvmmsg), METH_FASTCALL,
     "recvmmsg(count, bufsize[, flags]) -> list of (data, address)\n\n"
     "Receive up to count datagrams (at most 1024) of up to bufsize bytes each.\n"
     "Waits for the first one as recvfrom() does (honouring the timeout), then\n"
     "takes only those already queued: the list holds 1 to count items."},
    {"sendmmsg", FASTCALL(sock_sendmmsg), METH_FASTCALL,
     "sendmmsg(messages[, flags]) -> number sent\n\n"
     "Send each item of messages as one datagram: a bytes-like object (to the\n"
     "connected peer) or a (data, address) pair.  Takes at most 1024 items;\n"
     "returns how many the kernel accepted, which may be fewer."},
    {"_recvmmsg_loop", FASTCALL(sock_recvmmsg_loop), METH_FASTCALL,
     "recvmmsg() through the portable recvmsg() loop (for tests)."},
    {"_sendmmsg_loop", FASTCALL(sock_sendmmsg_loop), METH_FASTCALL,
     "sendmmsg() through the portable sendmsg() loop (for tests)."},
    {NULL, NULL, 0, NULL}
};
