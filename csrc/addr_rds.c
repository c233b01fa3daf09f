/* addr_rds.c: AF_RDS addresses; rds(7).  RDS binds and sends to IPv4
 * (host, port) pairs in a struct sockaddr_in whose family is AF_INET, so
 * both directions are the AF_INET ones (the kernel reports RDS peers with
 * sin_family AF_INET, which the dispatch already builds as inet). */
#include "pysocket.h"

#if PYSOCK_HAS_AF_RDS

/* Same rules, messages and resolution as an AF_INET address. */
static int
rds_parse(const pysock_addrctx *ctx, PyObject *addr, pysock_sockaddr *out,
          socklen_t *len)
{
    return pysock_addr_inet.parse(ctx, addr, out, len);
}

static PyObject *
rds_build(const pysock_sockaddr *sa, socklen_t len, int proto)
{
    return pysock_addr_inet.build(sa, len, proto);
}

const pysock_addr_ops pysock_addr_rds = {AF_RDS, rds_parse, rds_build};

#endif /* PYSOCK_HAS_AF_RDS */
