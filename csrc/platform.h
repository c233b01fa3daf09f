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

/* socket(2)/socketpair(2) take SOCK_CLOEXEC in the type (atomic PEP 446) */
#if PYSOCK_HAS_SOCK_FLAGS
#  define PYSOCK_HAS_ATOMIC_CLOEXEC 1
#else
#  define PYSOCK_HAS_ATOMIC_CLOEXEC 0
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
#  define PYSOCK_HAS_NETDB_R 1         /* glibc's gethostbyname_r & co. */
#  define PYSOCK_HAS_SETHOSTNAME 1
#else
#  define PYSOCK_HAS_MMSG 0
#  define PYSOCK_HAS_NETDB_R 0
#  define PYSOCK_HAS_SETHOSTNAME 0
#endif

/* PYSOCKET_PORTABLE=1 builds (setup.py) switch off the conveniences that
 * Linux's libc has and macOS or a BSD may lack, so that the portable code
 * paths behind them are compiled and run by the whole test suite on Linux:
 * fcntl(FD_CLOEXEC) after socket()/socketpair()/accept()/recvmsg(), loops
 * instead of recvmmsg()/sendmmsg(), and the non-reentrant netdb calls under
 * a lock instead of the *_r ones.  Kernel features (address families, the
 * abstract Unix namespace, SO_DOMAIN) stay: they are not what differs
 * between libcs. */
#ifdef PYSOCK_FORCE_PORTABLE
#  undef PYSOCK_HAS_ATOMIC_CLOEXEC
#  define PYSOCK_HAS_ATOMIC_CLOEXEC 0
#  undef PYSOCK_HAS_ACCEPT4
#  define PYSOCK_HAS_ACCEPT4 0
#  undef PYSOCK_HAS_MSG_CMSG_CLOEXEC
#  define PYSOCK_HAS_MSG_CMSG_CLOEXEC 0
#  undef PYSOCK_HAS_MMSG
#  define PYSOCK_HAS_MMSG 0
#  undef PYSOCK_HAS_NETDB_R
#  define PYSOCK_HAS_NETDB_R 0
#endif

#if !PYSOCK_HAS_NETDB_R
#  include <pthread.h>
#endif

#if PYSOCK_LINUX
#  define PYSOCK_HAS_ABSTRACT_UNIX 1   /* unix(7) abstract namespace */
#else
#  define PYSOCK_HAS_ABSTRACT_UNIX 0
#endif

/* ---- headers for constants ---- */
/* Headers and fallbacks used by constants.c.  Every PYSOCK_HAS_LINUX_*_H macro
 * below is 1 when that header was found and included, else 0; constants.c
 * guards enumerator-only names (which #ifdef cannot see) with them.
 * Fallback values are the Linux kernel ABI / BSD socket numbers, given only
 * where a C library or older kernel headers may lack a name that CPython 3.13
 * exposes; they are independent of the CPU architecture (the SO_* numbers,
 * which are not, get no fallback). */
#include <net/ethernet.h>               /* ETHERTYPE_* */

#if PYSOCK_LINUX && defined(__has_include)
#  if __has_include(<linux/can.h>)
#    include <linux/can.h>
#    define PYSOCK_HAS_LINUX_CAN_H 1
#  endif
#  if __has_include(<linux/can/raw.h>)
#    include <linux/can/raw.h>
#    define PYSOCK_HAS_LINUX_CAN_RAW_H 1
#  endif
#  if __has_include(<linux/can/bcm.h>)
#    include <linux/can/bcm.h>
#    define PYSOCK_HAS_LINUX_CAN_BCM_H 1
#  endif
#  if __has_include(<linux/can/j1939.h>)
#    include <linux/can/j1939.h>
#    define PYSOCK_HAS_LINUX_CAN_J1939_H 1
#  endif
#  if __has_include(<linux/tipc.h>)
#    include <linux/tipc.h>
#    define PYSOCK_HAS_LINUX_TIPC_H 1
#  endif
#  if __has_include(<linux/if_alg.h>)
#    include <linux/if_alg.h>
#    define PYSOCK_HAS_LINUX_IF_ALG_H 1
#  endif
#  if __has_include(<linux/vm_sockets.h>)
#    include <linux/vm_sockets.h>
#    define PYSOCK_HAS_LINUX_VM_SOCKETS_H 1
#  endif
#  if __has_include(<linux/rds.h>)
#    include <linux/rds.h>
#    define PYSOCK_HAS_LINUX_RDS_H 1
#  endif
#endif
#ifndef PYSOCK_HAS_LINUX_CAN_H
#  define PYSOCK_HAS_LINUX_CAN_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_CAN_RAW_H
#  define PYSOCK_HAS_LINUX_CAN_RAW_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_CAN_BCM_H
#  define PYSOCK_HAS_LINUX_CAN_BCM_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_CAN_J1939_H
#  define PYSOCK_HAS_LINUX_CAN_J1939_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_TIPC_H
#  define PYSOCK_HAS_LINUX_TIPC_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_IF_ALG_H
#  define PYSOCK_HAS_LINUX_IF_ALG_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_VM_SOCKETS_H
#  define PYSOCK_HAS_LINUX_VM_SOCKETS_H 0
#endif
#ifndef PYSOCK_HAS_LINUX_RDS_H
#  define PYSOCK_HAS_LINUX_RDS_H 0
#endif

/* Names every socket module has; the values are the classic BSD ones. */
#ifndef IPPROTO_IP
#  define IPPROTO_IP 0
#endif
#ifndef IPPROTO_ICMP
#  define IPPROTO_ICMP 1
#endif
#ifndef IPPROTO_TCP
#  define IPPROTO_TCP 6
#endif
#ifndef IPPROTO_UDP
#  define IPPROTO_UDP 17
#endif
#ifndef IPPROTO_RAW
#  define IPPROTO_RAW 255
#endif
#ifndef SOL_IP
#  define SOL_IP 0
#endif
#ifndef SOL_TCP
#  define SOL_TCP 6
#endif
#ifndef SOL_UDP
#  define SOL_UDP 17
#endif
/* glibc declares the two IPPORT_* only as enumerators. */
#ifndef IPPORT_RESERVED
#  define IPPORT_RESERVED 1024
#endif
#ifndef IPPORT_USERRESERVED
#  define IPPORT_USERRESERVED 5000
#endif
#ifndef INADDR_UNSPEC_GROUP
#  define INADDR_UNSPEC_GROUP 0xe0000000U
#endif
#ifndef INADDR_ALLHOSTS_GROUP
#  define INADDR_ALLHOSTS_GROUP 0xe0000001U
#endif
#ifndef INADDR_MAX_LOCAL_GROUP
#  define INADDR_MAX_LOCAL_GROUP 0xe00000ffU
#endif
#ifndef SOMAXCONN
#  define SOMAXCONN 5
#endif

#if PYSOCK_LINUX
/* UDP-Lite checksum coverage options: in <linux/udp.h>, which clashes with
 * <netinet/udp.h>, so libc programs never see them. */
#  if defined(IPPROTO_UDPLITE) && !defined(UDPLITE_SEND_CSCOV)
#    define UDPLITE_SEND_CSCOV 10
#    define UDPLITE_RECV_CSCOV 11
#  endif
/* Linux numbers newer than some C libraries' headers (kernel 3.7 - 5.3). */
#  ifndef IPPROTO_MPTCP
#    define IPPROTO_MPTCP 262           /* 5.6 */
#  endif
#  ifndef IP_BIND_ADDRESS_NO_PORT
#    define IP_BIND_ADDRESS_NO_PORT 24  /* 4.2 */
#  endif
#  ifndef MSG_FASTOPEN
#    define MSG_FASTOPEN 0x20000000     /* 3.7 */
#  endif
#  ifndef TCP_CC_INFO
#    define TCP_CC_INFO 26              /* 4.1 */
#  endif
#  ifndef TCP_SAVE_SYN
#    define TCP_SAVE_SYN 27             /* 4.2 */
#  endif
#  ifndef TCP_SAVED_SYN
#    define TCP_SAVED_SYN 28            /* 4.2 */
#  endif
#  ifndef TCP_REPAIR_WINDOW
#    define TCP_REPAIR_WINDOW 29        /* 4.8 */
#  endif
#  ifndef TCP_FASTOPEN_CONNECT
#    define TCP_FASTOPEN_CONNECT 30     /* 4.11 */
#  endif
#  ifndef TCP_ULP
#    define TCP_ULP 31                  /* 4.13 */
#  endif
#  ifndef TCP_MD5SIG_EXT
#    define TCP_MD5SIG_EXT 32           /* 4.13 */
#  endif
#  ifndef TCP_FASTOPEN_KEY
#    define TCP_FASTOPEN_KEY 33         /* 4.17 */
#  endif
#  ifndef TCP_FASTOPEN_NO_COOKIE
#    define TCP_FASTOPEN_NO_COOKIE 34   /* 4.17 */
#  endif
#  ifndef TCP_ZEROCOPY_RECEIVE
#    define TCP_ZEROCOPY_RECEIVE 35     /* 4.18 */
#  endif
#  ifndef TCP_INQ
#    define TCP_INQ 36                  /* 4.18 */
#  endif
#  ifndef TCP_TX_DELAY
#    define TCP_TX_DELAY 37             /* 5.3 */
#  endif
#  ifndef AF_QIPCRTR
#    define AF_QIPCRTR 42               /* 4.7 */
#  endif
#  ifndef AF_ALG
#    define AF_ALG 38
#  endif
#  ifndef SOL_ALG
#    define SOL_ALG 279
#  endif
#endif /* PYSOCK_LINUX */

#if PYSOCK_HAS_LINUX_CAN_H
#  ifndef CAN_ISOTP
#    define CAN_ISOTP 6                 /* 5.10 */
#  endif
#  ifndef CAN_J1939
#    define CAN_J1939 7                 /* 5.4 */
#  endif
#endif
#if PYSOCK_HAS_LINUX_CAN_BCM_H && !defined(CAN_FD_FRAME)
#  define CAN_FD_FRAME 0x0800           /* 4.8 */
#endif
/* AF_ALG: CPython 3.13 also names three values that the kernel reserved for
 * asymmetric ciphers but never added to <linux/if_alg.h>. */
#if PYSOCK_HAS_LINUX_IF_ALG_H
#  ifndef ALG_SET_AEAD_ASSOCLEN
#    define ALG_SET_AEAD_ASSOCLEN 4     /* 4.2 */
#  endif
#  ifndef ALG_SET_AEAD_AUTHSIZE
#    define ALG_SET_AEAD_AUTHSIZE 5     /* 4.2 */
#  endif
#  ifndef ALG_SET_PUBKEY
#    define ALG_SET_PUBKEY 6
#  endif
#  ifndef ALG_OP_SIGN
#    define ALG_OP_SIGN 2
#  endif
#  ifndef ALG_OP_VERIFY
#    define ALG_OP_VERIFY 3
#  endif
#endif
/* ---- end of headers for constants ---- */

/* ---- address families ---- */
/* One PYSOCK_HAS_AF_<X> per addr_<family>.c, decided from the headers.  Where
 * <linux/...> headers may be missing on an old system, __has_include decides;
 * without __has_include a Linux build assumes them present. */
#if defined(__has_include)
#  define PYSOCK_HAS_HEADER(h) __has_include(h)
#else
#  define PYSOCK_HAS_HEADER(h) PYSOCK_LINUX
#endif

#if PYSOCK_LINUX && defined(AF_NETLINK)
#  define PYSOCK_HAS_AF_NETLINK 1          /* netlink(7); header included above */
#else
#  define PYSOCK_HAS_AF_NETLINK 0
#endif

#if PYSOCK_LINUX && defined(AF_PACKET)
#  define PYSOCK_HAS_AF_PACKET 1           /* packet(7) */
#else
#  define PYSOCK_HAS_AF_PACKET 0
#endif

#if PYSOCK_LINUX && defined(AF_CAN) && PYSOCK_HAS_HEADER(<linux/can.h>)
#  include <linux/can.h>
#  define PYSOCK_HAS_AF_CAN 1              /* Documentation/networking/can.rst */
/* sockaddr_can's j1939 member came with <linux/can/j1939.h> (5.4) */
#  if PYSOCK_HAS_LINUX_CAN_J1939_H && defined(CAN_J1939)
#    define PYSOCK_HAS_CAN_J1939 1
#  else
#    define PYSOCK_HAS_CAN_J1939 0
#  endif
#else
#  define PYSOCK_HAS_CAN_J1939 0
#  define PYSOCK_HAS_AF_CAN 0
#endif

#if PYSOCK_LINUX && defined(AF_TIPC) && PYSOCK_HAS_HEADER(<linux/tipc.h>)
#  include <linux/tipc.h>
#  define PYSOCK_HAS_AF_TIPC 1             /* tipc(7) */
#else
#  define PYSOCK_HAS_AF_TIPC 0
#endif

#if PYSOCK_LINUX && defined(AF_RDS)
#  define PYSOCK_HAS_AF_RDS 1              /* rds(7): sockaddr_in addresses */
#else
#  define PYSOCK_HAS_AF_RDS 0
#endif

#if PYSOCK_LINUX && defined(AF_ALG) && PYSOCK_HAS_HEADER(<linux/if_alg.h>)
#  include <linux/if_alg.h>
#  define PYSOCK_HAS_AF_ALG 1              /* Documentation/crypto/userspace-if.rst */
#else
#  define PYSOCK_HAS_AF_ALG 0
#endif

#if PYSOCK_LINUX && defined(AF_VSOCK) && PYSOCK_HAS_HEADER(<linux/vm_sockets.h>)
#  include <linux/vm_sockets.h>
#  define PYSOCK_HAS_AF_VSOCK 1            /* vsock(7) */
#else
#  define PYSOCK_HAS_AF_VSOCK 0
#endif

#if PYSOCK_LINUX && defined(AF_QIPCRTR) && PYSOCK_HAS_HEADER(<linux/qrtr.h>)
#  include <linux/qrtr.h>
#  define PYSOCK_HAS_AF_QIPCRTR 1          /* Qualcomm IPC router */
#else
#  define PYSOCK_HAS_AF_QIPCRTR 0
#endif

/* Bluetooth: the BlueZ headers (<bluetooth/bluetooth.h> ...) are rarely installed, so pysocket uses
 * its own copies of the kernel ABI (include/net/bluetooth/{bluetooth,hci,
 * l2cap,rfcomm,sco}.h), which has been stable for two decades.  The structs
 * carry a pysock_ prefix so they can never clash with BlueZ's. */
#if PYSOCK_LINUX
#  define PYSOCK_HAS_AF_BLUETOOTH 1
#  ifndef AF_BLUETOOTH
#    define AF_BLUETOOTH 31
#  endif
#  define BTPROTO_L2CAP   0
#  define BTPROTO_HCI     1
#  define BTPROTO_SCO     2
#  define BTPROTO_RFCOMM  3
#  define SOL_HCI         0
#  define SOL_L2CAP       6
#  define SOL_SCO         17
#  define SOL_RFCOMM      18
#  define SOL_BLUETOOTH   274
#  define HCI_DATA_DIR    1              /* SOL_HCI options */
#  define HCI_FILTER      2
#  define HCI_TIME_STAMP  3
#  define HCI_DEV_NONE    0xffff
#  define HCI_CHANNEL_RAW      0
#  define HCI_CHANNEL_USER     1
#  define HCI_CHANNEL_MONITOR  2
#  define HCI_CHANNEL_CONTROL  3
#  define HCI_CHANNEL_LOGGING  4
#  define BDADDR_BREDR     0x00
#  define BDADDR_LE_PUBLIC 0x01
#  define BDADDR_LE_RANDOM 0x02
typedef struct {
    uint8_t b[6];                        /* little-endian: b[0] is the last octet */
} __attribute__((packed)) pysock_bdaddr;
struct pysock_sockaddr_l2 {              /* l2cap.h */
    sa_family_t l2_family;
    unsigned short l2_psm;               /* __le16 */
    pysock_bdaddr l2_bdaddr;
    unsigned short l2_cid;               /* __le16 */
    uint8_t l2_bdaddr_type;
};
struct pysock_sockaddr_rc {              /* rfcomm.h */
    sa_family_t rc_family;
    pysock_bdaddr rc_bdaddr;
    uint8_t rc_channel;
};
struct pysock_sockaddr_hci {             /* hci.h */
    sa_family_t hci_family;
    unsigned short hci_dev;
    unsigned short hci_channel;
};
struct pysock_sockaddr_sco {             /* sco.h */
    sa_family_t sco_family;
    pysock_bdaddr sco_bdaddr;
};
#else
#  define PYSOCK_HAS_AF_BLUETOOTH 0
#endif

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
