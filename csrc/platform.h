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
#else
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

#endif /* PYSOCK_PLATFORM_H */
