/* pysocket.h: the only header the .c files include.
 *
 * Module state, the socket object, the address dispatch, the blocking-call
 * loop and every cross-file prototype.  Conventions (see ARCHITECTURE.md):
 *   - cross-file functions start with pysock_; GIL-free callbacks end in _impl;
 *   - a PyObject* function returns NULL with an exception set, an int function
 *     returns 0 on success and -1 with an exception set;
 *   - nothing here touches the Python API without the GIL.
 */
#ifndef PYSOCKET_H
#define PYSOCKET_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "platform.h"
#include "compat.h"

/* ------------------------------------------------------------------ */
/* Module state (module.c)                                             */
/* ------------------------------------------------------------------ */

typedef struct {
    PyTypeObject *sock_type;     /* pysocket._socket.socket */
    PyObject *timeout_error;     /* socket.timeout (TimeoutError on 3.10+) */
    PyObject *herror;            /* socket.herror */
    PyObject *gaierror;          /* socket.gaierror */
    int64_t default_timeout;     /* ns; -1 means None (blocking) */
} pysock_state;

pysock_state *pysock_module_state(PyObject *module);
/* The state of the module that defined `type` (or one of its bases). */
pysock_state *pysock_type_state(PyTypeObject *type);

/* ------------------------------------------------------------------ */
/* Addresses (addr.c and addr_<family>.c)                              */
/* ------------------------------------------------------------------ */

/* Room for any sockaddr the kernel hands back. */
typedef union {
    struct sockaddr sa;
    struct sockaddr_storage ss;
    struct sockaddr_in in4;
#if PYSOCK_HAS_IPV6
    struct sockaddr_in6 in6;
#endif
#if PYSOCK_HAS_AF_UNIX
    struct sockaddr_un un;
#endif
    char bytes[sizeof(struct sockaddr_storage)];
} pysock_sockaddr;

/* What an address parser may look at: the socket's family/type/proto and the
 * name of the calling method for error messages ("connect", "bind", ...). */
typedef struct {
    int family;
    int type;
    int proto;
    const char *caller;
    pysock_state *state;     /* for gaierror */
} pysock_addrctx;

/* One address family.  parse: Python object -> sockaddr (GIL held; may
 * release it to resolve a host name), returns 0 / -1 with an exception.
 * build: sockaddr -> Python object, returns a new reference or NULL. */
typedef struct {
    int family;
    int (*parse)(const pysock_addrctx *ctx, PyObject *addr,
                 pysock_sockaddr *out, socklen_t *len);
    PyObject *(*build)(const pysock_sockaddr *sa, socklen_t len, int proto);
} pysock_addr_ops;

extern const pysock_addr_ops pysock_addr_inet;
#if PYSOCK_HAS_IPV6
extern const pysock_addr_ops pysock_addr_inet6;
#endif
#if PYSOCK_HAS_AF_UNIX
extern const pysock_addr_ops pysock_addr_unix;
#endif

/* Families beyond inet/unix, one addr_<family>.c each (platform.h decides). */
#if PYSOCK_HAS_AF_NETLINK
extern const pysock_addr_ops pysock_addr_netlink;
#endif
#if PYSOCK_HAS_AF_PACKET
extern const pysock_addr_ops pysock_addr_packet;
#endif
#if PYSOCK_HAS_AF_CAN
extern const pysock_addr_ops pysock_addr_can;
#endif
#if PYSOCK_HAS_AF_TIPC
extern const pysock_addr_ops pysock_addr_tipc;
#endif
#if PYSOCK_HAS_AF_RDS
extern const pysock_addr_ops pysock_addr_rds;
#endif
#if PYSOCK_HAS_AF_ALG
extern const pysock_addr_ops pysock_addr_alg;
#endif
#if PYSOCK_HAS_AF_VSOCK
extern const pysock_addr_ops pysock_addr_vsock;
#endif
#if PYSOCK_HAS_AF_BLUETOOTH
extern const pysock_addr_ops pysock_addr_bluetooth;
/* const_bluetooth.c: BTPROTO_*, HCI_*, BDADDR_* ... (call from exec). */
int pysock_bluetooth_constants_init(PyObject *module);
#endif
#if PYSOCK_HAS_AF_QIPCRTR
extern const pysock_addr_ops pysock_addr_qipcrtr;
#endif

/* addr_args.c: the integer and string conversions address tuples use, with
 * the stdlib's exception types (the PyArg format letter each one mirrors in
 * brackets).  All return 0, or -1 with an exception set. */
int pysock_arg_int(PyObject *o, int *out);                       /* [i] */
int pysock_arg_uint_mask(PyObject *o, unsigned int *out);        /* [I] */
int pysock_arg_ulong_mask(PyObject *o, unsigned long *out);      /* [k] */
int pysock_arg_ull_mask(PyObject *o, unsigned long long *out);   /* [K] */
int pysock_arg_ushort(PyObject *o, unsigned short *out);         /* [H] */
int pysock_arg_uchar(PyObject *o, unsigned char *out);           /* [B] */
/* [s]: a str as UTF-8 without NUL; *keep gets the owning bytes object. */
int pysock_arg_utf8(PyObject *o, PyObject **keep, const char **out);
/* [O& PyUnicode_FSConverter]: str/bytes/path-like -> new bytes in *out. */
int pysock_arg_fsbytes(PyObject *o, PyObject **out);
/* The index of interface `name` (truncated to IFNAMSIZ-1 as SIOCGIFINDEX
 * does); 0 / -1 with OSError(errno). */
int pysock_ifindex(const char *name, int *out);
/* The name of interface `index` as a C string in buf (IF_NAMESIZE), or ""
 * when the index is 0 or unknown, as the stdlib's SIOCGIFNAME lookup. */
const char *pysock_ifname(int index, char *buf);

/* addr.c: the one dispatch.  NULL when the family is not compiled in. */
const pysock_addr_ops *pysock_addr_lookup(int family);
int pysock_parse_addr(const pysock_addrctx *ctx, PyObject *addr,
                      pysock_sockaddr *out, socklen_t *len);
/* len == 0 gives None; an unknown family gives (family, raw bytes). */
PyObject *pysock_build_addr(const pysock_sockaddr *sa, socklen_t len, int proto);

/* addr_inet.c: used by the resolver too.  Resolves `name` (str/bytes host
 * as the stdlib accepts it: '', '<broadcast>', numeric, or a host name looked
 * up with the GIL released) into `out` for family af (AF_INET, AF_INET6 or
 * AF_UNSPEC).  Returns the resulting sockaddr length or -1. */
int pysock_setipaddr(pysock_state *st, const char *name, struct sockaddr *out,
                     size_t outlen, int af);
/* Numeric host string of an IPv4/IPv6 sockaddr, as a str. */
PyObject *pysock_ip_to_str(const struct sockaddr *sa);

/* ------------------------------------------------------------------ */
/* The socket object (sockobj.c)                                       */
/* ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    int fd;                  /* -1 once closed or detached */
    int family;
    int type;                /* without SOCK_NONBLOCK / SOCK_CLOEXEC */
    int proto;
    int64_t timeout;         /* ns; -1 blocking, 0 non-blocking, >0 timeout */
    pysock_state *state;
    int busy;                /* calls in progress with the GIL released */
    int pending_close;       /* fd to close when busy drops to 0, or -1 */
    int rcvlowat;            /* SO_RCVLOWAT set through this object (or its
                                dup): receives wait as the stdlib's do */
    /* recvfrom's address cache: the last peer's sockaddr and its object. */
    pysock_sockaddr last_sa;
    socklen_t last_salen;
    PyObject *last_addr;
    /* sendto's address cache: the last address object parsed (held, so it
     * cannot be freed and its memory reused) and its sockaddr. */
    PyObject *to_addr;
    pysock_sockaddr to_sa;
    socklen_t to_salen;
} PySockObject;

#define PYSOCK_CHECK(st, o) PyObject_TypeCheck((o), (st)->sock_type)

/* Fills an addrctx from a socket for the method `caller`. */
static inline pysock_addrctx
pysock_ctx(const PySockObject *s, const char *caller)
{
    pysock_addrctx c;
    c.family = s->family;
    c.type = s->type;
    c.proto = s->proto;
    c.caller = caller;
    c.state = s->state;
    return c;
}

/* A new socket object of the C type owning fd (closed on failure), with
 * the module's default timeout applied as socket() does. */
PyObject *pysock_new_from_fd(pysock_state *st, int fd, int family, int type, int proto);

/* sockio.c: the sender's address of a received datagram, reusing the
 * socket's previous address object when the sockaddr bytes are the same (a
 * datagram socket mostly hears from one peer).  New reference or NULL. */
PyObject *pysock_recv_addr(PySockObject *s, const pysock_sockaddr *sa, socklen_t len);
/* The tuple (a, b), stealing both references; NULL if either is NULL (the
 * other is released) or the tuple cannot be made. */
PyObject *pysock_pair(PyObject *a, PyObject *b);

/* close(2) with the GIL released, as the stdlib closes a socket: ECONNRESET
 * is no error (the fd is closed anyway).  None, or NULL with OSError. */
PyObject *pysock_close_fd(int fd);

/* Sets O_NONBLOCK on or off.  0 / -1 with an OSError set. */
int pysock_set_fd_blocking(int fd, int blocking);
/* Applies a timeout (ns, -1 for None) to the socket and its fd. */
int pysock_apply_timeout(PySockObject *s, int64_t timeout);
/* Parses a Python timeout (None or a non-negative number) into ns. */
int pysock_parse_timeout(PyObject *obj, int64_t *out);
/* Timeout in ns as the Python object gettimeout() returns. */
PyObject *pysock_timeout_obj(int64_t timeout);

/* ------------------------------------------------------------------ */
/* Errors (errors.c)                                                   */
/* ------------------------------------------------------------------ */

PyObject *pysock_err_errno(int err);             /* OSError subclass from errno */
PyObject *pysock_err_timeout(pysock_state *st);  /* socket.timeout("timed out") */
PyObject *pysock_err_gai(pysock_state *st, int eai);  /* gaierror; EAI_SYSTEM -> errno */
PyObject *pysock_err_herror(pysock_state *st, int h_err);
int pysock_errors_init(PyObject *module, pysock_state *st);

/* ------------------------------------------------------------------ */
/* The blocking-call loop (deadline.c)                                 */
/* ------------------------------------------------------------------ */

/* A syscall wrapper run with the GIL released: it must not touch the Python
 * API.  Returns >= 0 on success, -1 with errno set on failure. */
typedef int (*pysock_impl)(int fd, void *ctx);

typedef struct {
    int64_t timeout;   /* ns: -1 none (blocking), 0 non-blocking, > 0 timeout */
    int64_t deadline;  /* monotonic ns; 0 until the first wait starts it */
} pysock_deadline;

int64_t pysock_monotonic_ns(void);

static inline void
pysock_deadline_init(pysock_deadline *d, int64_t timeout, int start_now)
{
    d->timeout = timeout;
    d->deadline = (start_now && timeout > 0) ? pysock_monotonic_ns() + timeout : 0;
}

/* Runs impl(fd, ctx) under the socket's timeout rules:
 *   - blocking: call; on EINTR run the signal handlers and retry (PEP 475);
 *   - timeout: call first; on EAGAIN poll() until the deadline, then retry;
 *     expiry raises socket.timeout;
 *   - non-blocking: call once (EAGAIN raises BlockingIOError).
 * `writing` picks POLLOUT over POLLIN.  d may be NULL (the socket's own
 * timeout, deadline started on the first wait).  Returns impl's result
 * (>= 0) or -1 with an exception set.  A socket closed from another thread
 * while the call waits gives EBADF. */
int pysock_call(PySockObject *s, int writing, pysock_impl impl, void *ctx,
                pysock_deadline *d);

/* pysock_call for an operation that moves at most nbytes <=
 * PYSOCK_GIL_HOLD_MAX, whose impl honours MSG_DONTWAIT in *flags:
 *   - non-blocking and timeout modes: the caller has put MSG_DONTWAIT in
 *     *flags; the syscall runs without releasing the GIL (it cannot block);
 *   - blocking mode, flags != NULL: a first try with MSG_DONTWAIT and the
 *     GIL held; if it would block, the usual blocking call follows.  Pass
 *     NULL where a MSG_DONTWAIT try could change the result (a send on a
 *     stream socket could then be partial).
 * Waits, large copies and blocking calls always release the GIL. */
/* 8 KiB: a copy that size costs about what releasing and re-taking the GIL
 * does; larger GIL-held copies starved a reader thread in the bulk
 * benchmark (64 KiB: 2.5x the stdlib's time, 8 KiB: on par). */
#define PYSOCK_GIL_HOLD_MAX (8 * 1024)
int pysock_call_sized(PySockObject *s, int writing, pysock_impl impl, void *ctx,
                      pysock_deadline *d, size_t nbytes, int *flags);

/* Waits until fd is ready (POLLIN or POLLOUT) under d's deadline, with the
 * GIL released; retries poll() on EINTR after running the signal handlers.
 * Returns 1 ready, -1 with an exception set (timeout, signal, error). */
int pysock_wait(PySockObject *s, int fd, int writing, pysock_deadline *d);

/* Bracket for code that releases the GIL while using s->fd: while busy, a
 * close() from another thread only shuts the socket down; the last user
 * closes the fd, so the number is never reused under a running call.
 * pysock_enter returns the fd, or -1 with EBADF raised when closed. */
int pysock_enter(PySockObject *s);
void pysock_leave(PySockObject *s);

/* ------------------------------------------------------------------ */
/* Argument helpers (module.c)                                         */
/* ------------------------------------------------------------------ */

/* Like PyArg's "i": rejects floats, uses __index__, range-checks int. */
int pysock_as_int(PyObject *o, int *out);
/* Like PyArg's "n". */
int pysock_as_ssize(PyObject *o, Py_ssize_t *out);
/* Argument count check with the stdlib's TypeError texts. */
int pysock_nargs(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
/* Rejects keyword arguments for a positional-only FASTCALL|KEYWORDS method. */
int pysock_no_kwargs(const char *fname, PyObject *kwnames);
/* The same for a socket method, with the running Python's text. */
static inline int
pysock_method_no_kwargs(const char *fname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 0;
    PyErr_Format(PyExc_TypeError, PYSOCK_FMT_METHOD_NO_KW, fname);
    return -1;
}
/* A small FASTCALL|KEYWORDS parser: names[] lists every parameter name (the
 * first npos_only of them positional-only); out[] gets borrowed references,
 * NULL for parameters not given.  At least `min` are required. */
int pysock_parse_kw(const char *fname, PyObject *const *args, Py_ssize_t nargs,
                    PyObject *kwnames, const char *const *names, int nnames,
                    int npos_only, int min, PyObject **out);
/* (convert.c) A str argument as UTF-8 like PyArg's "s": TypeError "f()
 * argument N must be str, not T" (argnum 0: no number), ValueError on an
 * embedded NUL.  The pointer lives as long as `o`. */
const char *pysock_str_arg(const char *fname, int argnum, PyObject *o);
/* (convert.c) inet_pton(AF_INET, s, dst): 1 parsed, 0 not an address.  The
 * strict dotted quad, inet_pton's whole grammar, is read here without the
 * library call (which stays the answer for anything else). */
int pysock_inet4_pton(const char *s, struct in_addr *dst);

/* ------------------------------------------------------------------ */
/* Method and function tables, one per file, NULL-terminated           */
/* ------------------------------------------------------------------ */

/* socket methods, concatenated into the type's table by sockobj.c */
extern PyMethodDef pysock_sockobj_methods[];   /* sockobj.c */
extern PyMethodDef pysock_sockio_methods[];    /* sockio.c */
extern PyMethodDef pysock_sockopt_methods[];   /* sockopt.c */
extern PyMethodDef pysock_msg_methods[];       /* msg.c */
extern PyMethodDef pysock_batch_methods[];     /* batch.c */

/* module functions, added by module.c's exec slot */
extern PyMethodDef pysock_module_functions[];  /* module.c */
extern PyMethodDef pysock_resolver_functions[]; /* resolver.c */
extern PyMethodDef pysock_convert_functions[]; /* convert.c */
extern PyMethodDef pysock_msg_functions[];     /* msg.c: CMSG_LEN, CMSG_SPACE */
extern PyMethodDef pysock_addr_functions[];    /* addr.c: test hooks */

/* type creation (sockobj.c) and constants (constants.c) */
int pysock_socket_type_init(PyObject *module, pysock_state *st);
int pysock_constants_init(PyObject *module);

#endif /* PYSOCKET_H */
