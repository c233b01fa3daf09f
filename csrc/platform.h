/* platform.h: every OS header pysocket needs, and the PYSOCK_HAS_* feature
 * macros decided once from them.  Other files test PYSOCK_HAS_* only; they do
 * not include system headers themselves. */
#ifndef PYSOCK_PLATFORM_H
#define PYSOCK_PLATFORM_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ioctl.h>
#include <sys/un.h>
#include <sys/uio.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netdb.h>
#include <poll.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#if defined(__linux__)
#  define PYSOCK_LINUX 1
#  include <linux/netlink.h>
#  include <linux/if_packet.h>
#  include <linux/if_ether.h>
#else
#  define PYSOCK_LINUX 0
#endif

/* ---- generic features ---- */
#ifdef AF_INET6
#  define PYSOCK_HAS_IPV6 1
#else
#  define PYSOCK_HAS_IPV6 0
#endif

#ifdef AF_UNIX
#  define PYSOCK_HAS_AF_UNIX 1
#else
#  define PYSOCK_HAS_AF_UNIX 0
#endif

#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
#  define PYSOCK_HAS_SOCK_FLAGS 1
#else
#  define PYSOCK_HAS_SOCK_FLAGS 0
#endif

#if PYSOCK_LINUX
#  define PYSOCK_HAS_ACCEPT4 1
#else
#  define PYSOCK_HAS_ACCEPT4 0
#endif

#ifdef MSG_CMSG_CLOEXEC
#  define PYSOCK_HAS_MSG_CMSG_CLOEXEC 1
#else
#  define PYSOCK_HAS_MSG_CMSG_CLOEXEC 0
#endif

#if defined(SO_DOMAIN) && defined(SO_PROTOCOL)
#  define PYSOCK_HAS_SO_DOMAIN 1
#else
#  define PYSOCK_HAS_SO_DOMAIN 0
#endif

#if PYSOCK_LINUX
#  define PYSOCK_HAS_MMSG 1            /* recvmmsg(2) / sendmmsg(2) */
#  define PYSOCK_HAS_GETHOSTBYNAME_R 1 /* glibc's six-argument form */
#  define PYSOCK_HAS_SETHOSTNAME 1
#else
#  define PYSOCK_HAS_MMSG 0
#  define PYSOCK_HAS_GETHOSTBYNAME_R 0
#  define PYSOCK_HAS_SETHOSTNAME 0
#endif

#if PYSOCK_LINUX
#  define PYSOCK_HAS_ABSTRACT_UNIX 1   /* unix(7) abstract namespace */
#else
#  define PYSOCK_HAS_ABSTRACT_UNIX 0
#endif

/* ---- address families beyond inet/inet6/unix (one addr_<family>.c each) ---- */
/* (filled in by the address-family work: PYSOCK_HAS_AF_NETLINK etc.) */

/* ---- ancillary data ---- */
/* sendmsg(2)/recvmsg(2) with control messages (msg.c) */
#if defined(CMSG_LEN) && defined(CMSG_SPACE) && defined(SCM_RIGHTS)
#  define PYSOCK_HAS_CMSG 1
#else
#  define PYSOCK_HAS_CMSG 0
#endif

#ifdef _SC_IOV_MAX
#  define PYSOCK_HAS_SC_IOV_MAX 1
#else
#  define PYSOCK_HAS_SC_IOV_MAX 0
#endif

#endif /* PYSOCK_PLATFORM_H */
