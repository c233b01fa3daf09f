/* constants.c: the module's integer constants as {name, value} tables, each
 * entry under its own #ifdef so a header that lacks a name just omits it. */
#include "pysocket.h"

typedef struct {
    const char *name;
    long value;
} pysock_const;

#define PYSOCK_C(n) {#n, (long)(n)}

static const pysock_const generic_constants[] = {
#ifdef AF_UNSPEC
    PYSOCK_C(AF_UNSPEC),
#endif
#ifdef AF_INET
    PYSOCK_C(AF_INET),
#endif
#ifdef AF_INET6
    PYSOCK_C(AF_INET6),
#endif
#ifdef AF_UNIX
    PYSOCK_C(AF_UNIX),
#endif
#ifdef SOCK_STREAM
    PYSOCK_C(SOCK_STREAM),
#endif
#ifdef SOCK_DGRAM
    PYSOCK_C(SOCK_DGRAM),
#endif
#ifdef SOCK_RAW
    PYSOCK_C(SOCK_RAW),
#endif
#ifdef SOCK_SEQPACKET
    PYSOCK_C(SOCK_SEQPACKET),
#endif
#ifdef SOCK_NONBLOCK
    PYSOCK_C(SOCK_NONBLOCK),
#endif
#ifdef SOCK_CLOEXEC
    PYSOCK_C(SOCK_CLOEXEC),
#endif
#ifdef SOL_SOCKET
    PYSOCK_C(SOL_SOCKET),
#endif
#ifdef SO_REUSEADDR
    PYSOCK_C(SO_REUSEADDR),
#endif
#ifdef SO_ERROR
    PYSOCK_C(SO_ERROR),
#endif
#ifdef SO_TYPE
    PYSOCK_C(SO_TYPE),
#endif
#ifdef SOMAXCONN
    PYSOCK_C(SOMAXCONN),
#endif
#ifdef SHUT_RD
    PYSOCK_C(SHUT_RD),
#endif
#ifdef SHUT_WR
    PYSOCK_C(SHUT_WR),
#endif
#ifdef SHUT_RDWR
    PYSOCK_C(SHUT_RDWR),
#endif
#ifdef MSG_PEEK
    PYSOCK_C(MSG_PEEK),
#endif
#ifdef MSG_DONTWAIT
    PYSOCK_C(MSG_DONTWAIT),
#endif
#ifdef IPPROTO_TCP
    PYSOCK_C(IPPROTO_TCP),
#endif
#ifdef IPPROTO_UDP
    PYSOCK_C(IPPROTO_UDP),
#endif
#ifdef TCP_NODELAY
    PYSOCK_C(TCP_NODELAY),
#endif
};

static int
add_table(PyObject *module, const pysock_const *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (PyModule_AddIntConstant(module, t[i].name, t[i].value) < 0)
            return -1;
    }
    return 0;
}

#define ADD_TABLE(m, t) add_table((m), (t), sizeof(t) / sizeof((t)[0]))

int
pysock_constants_init(PyObject *module)
{
    if (ADD_TABLE(module, generic_constants) < 0)
        return -1;
    if (PyModule_AddObjectRef(module, "has_ipv6",
                              PYSOCK_HAS_IPV6 ? Py_True : Py_False) < 0)
        return -1;
    return 0;
}
