/* constants.c: the module's integer constants.
 *
 * Each table is a list of {name, value} pairs ended by {NULL, 0}; each entry
 * sits under its own #ifdef, so a system header that lacks a name just leaves
 * it out.  A few names are enumerators rather than macros in the kernel
 * headers (CAN_RAW_*, the CAN BCM opcodes, parts of J1939 and TIPC); #ifdef
 * cannot see those, so they are guarded by the PYSOCK_HAS_LINUX_*_H macro of
 * the header that declares them (platform.h, "headers for constants").  Values
 * a C library may lack are defined there from the kernel ABI.
 *
 * The set of names is CPython 3.13's socket module on Linux (checked against
 * tests/data/socket313_linux_constants.json by tests/test_constants.py), plus
 * CAN_RAW_ERR_FILTER (CPython 3.9/3.10 have it) and the Linux names CPython
 * added after 3.13, marked where they appear.
 *
 * Adding a constant: one #ifdef'd line in the table of its topic.  Adding a
 * topic: a new table and one line in all_tables[] at the end of the file.
 */
#include "pysocket.h"

typedef struct {
    const char *name;
    long value;
} pysock_const;

/* An entry whose Python name is the C macro's name. */
#define PYSOCK_C(n) {#n, (long)(n)}
/* An entry whose Python name differs from the C name (CAN_BCM_TX_SETUP ...). */
#define PYSOCK_CN(name, expr) {name, (long)(expr)}

/* Address families: socket(2), address_families(7) */
static const pysock_const family_constants[] = {
#ifdef AF_UNSPEC
    PYSOCK_C(AF_UNSPEC),
#endif
#ifdef AF_INET
    PYSOCK_C(AF_INET),
#endif
#ifdef AF_UNIX
    PYSOCK_C(AF_UNIX),
#endif
#ifdef AF_AX25
    PYSOCK_C(AF_AX25),
#endif
#ifdef AF_IPX
    PYSOCK_C(AF_IPX),
#endif
#ifdef AF_APPLETALK
    PYSOCK_C(AF_APPLETALK),
#endif
#ifdef AF_NETROM
    PYSOCK_C(AF_NETROM),
#endif
#ifdef AF_BRIDGE
    PYSOCK_C(AF_BRIDGE),
#endif
#ifdef AF_ATMPVC
    PYSOCK_C(AF_ATMPVC),
#endif
#ifdef AF_ALG
    PYSOCK_C(AF_ALG),
#endif
#ifdef AF_X25
    PYSOCK_C(AF_X25),
#endif
#ifdef AF_INET6
    PYSOCK_C(AF_INET6),
#endif
#ifdef AF_ROSE
    PYSOCK_C(AF_ROSE),
#endif
#ifdef AF_DECnet
    PYSOCK_C(AF_DECnet),
#endif
#ifdef AF_NETBEUI
    PYSOCK_C(AF_NETBEUI),
#endif
#ifdef AF_SECURITY
    PYSOCK_C(AF_SECURITY),
#endif
#ifdef AF_KEY
    PYSOCK_C(AF_KEY),
#endif
#ifdef AF_NETLINK
    PYSOCK_C(AF_NETLINK),
#endif
#ifdef AF_QIPCRTR
    PYSOCK_C(AF_QIPCRTR),
#endif
#ifdef AF_VSOCK
    PYSOCK_C(AF_VSOCK),
#endif
#ifdef AF_ROUTE
    PYSOCK_C(AF_ROUTE),
#endif
#ifdef AF_ASH
    PYSOCK_C(AF_ASH),
#endif
#ifdef AF_ECONET
    PYSOCK_C(AF_ECONET),
#endif
#ifdef AF_ATMSVC
    PYSOCK_C(AF_ATMSVC),
#endif
#ifdef AF_SNA
    PYSOCK_C(AF_SNA),
#endif
#ifdef AF_IRDA
    PYSOCK_C(AF_IRDA),
#endif
#ifdef AF_PPPOX
    PYSOCK_C(AF_PPPOX),
#endif
#ifdef AF_WANPIPE
    PYSOCK_C(AF_WANPIPE),
#endif
#ifdef AF_LLC
    PYSOCK_C(AF_LLC),
#endif
#ifdef AF_CAN
    PYSOCK_C(AF_CAN),
#endif
#ifdef PF_CAN
    PYSOCK_C(PF_CAN),
#endif
#ifdef AF_RDS
    PYSOCK_C(AF_RDS),
#endif
#ifdef PF_RDS
    PYSOCK_C(PF_RDS),
#endif
#ifdef AF_PACKET
    PYSOCK_C(AF_PACKET),
#endif
#ifdef PF_PACKET
    PYSOCK_C(PF_PACKET),
#endif
#ifdef AF_TIPC
    PYSOCK_C(AF_TIPC),
#endif
    {NULL, 0}
};

/* Socket types, levels, options, flags: socket(7), send(2), recv(2) */
static const pysock_const socket_constants[] = {
    /* types */
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
#ifdef SOCK_RDM
    PYSOCK_C(SOCK_RDM),
#endif
#ifdef SOCK_CLOEXEC
    PYSOCK_C(SOCK_CLOEXEC),
#endif
#ifdef SOCK_NONBLOCK
    PYSOCK_C(SOCK_NONBLOCK),
#endif
    /* SOL_SOCKET options (numbers differ between CPU architectures) */
#ifdef SOL_SOCKET
    PYSOCK_C(SOL_SOCKET),
#endif
#ifdef SO_DEBUG
    PYSOCK_C(SO_DEBUG),
#endif
#ifdef SO_ACCEPTCONN
    PYSOCK_C(SO_ACCEPTCONN),
#endif
#ifdef SO_REUSEADDR
    PYSOCK_C(SO_REUSEADDR),
#endif
#ifdef SO_INCOMING_CPU
    PYSOCK_C(SO_INCOMING_CPU),
#endif
#ifdef SO_KEEPALIVE
    PYSOCK_C(SO_KEEPALIVE),
#endif
#ifdef SO_DONTROUTE
    PYSOCK_C(SO_DONTROUTE),
#endif
#ifdef SO_BROADCAST
    PYSOCK_C(SO_BROADCAST),
#endif
#ifdef SO_LINGER
    PYSOCK_C(SO_LINGER),
#endif
#ifdef SO_OOBINLINE
    PYSOCK_C(SO_OOBINLINE),
#endif
#ifdef SO_REUSEPORT
    PYSOCK_C(SO_REUSEPORT),
#endif
#ifdef SO_SNDBUF
    PYSOCK_C(SO_SNDBUF),
#endif
#ifdef SO_RCVBUF
    PYSOCK_C(SO_RCVBUF),
#endif
#ifdef SO_SNDLOWAT
    PYSOCK_C(SO_SNDLOWAT),
#endif
#ifdef SO_RCVLOWAT
    PYSOCK_C(SO_RCVLOWAT),
#endif
#ifdef SO_SNDTIMEO
    PYSOCK_C(SO_SNDTIMEO),
#endif
#ifdef SO_RCVTIMEO
    PYSOCK_C(SO_RCVTIMEO),
#endif
#ifdef SO_ERROR
    PYSOCK_C(SO_ERROR),
#endif
#ifdef SO_TYPE
    PYSOCK_C(SO_TYPE),
#endif
#ifdef SO_PASSCRED
    PYSOCK_C(SO_PASSCRED),
#endif
#ifdef SO_PEERCRED
    PYSOCK_C(SO_PEERCRED),
#endif
#ifdef SO_PASSSEC
    PYSOCK_C(SO_PASSSEC),
#endif
#ifdef SO_PEERSEC
    PYSOCK_C(SO_PEERSEC),
#endif
#ifdef SO_BINDTODEVICE
    PYSOCK_C(SO_BINDTODEVICE),
#endif
#ifdef SO_BINDTOIFINDEX
    PYSOCK_C(SO_BINDTOIFINDEX),
#endif
#ifdef SO_PRIORITY
    PYSOCK_C(SO_PRIORITY),
#endif
#ifdef SO_MARK
    PYSOCK_C(SO_MARK),
#endif
#ifdef SO_DOMAIN
    PYSOCK_C(SO_DOMAIN),
#endif
#ifdef SO_PROTOCOL
    PYSOCK_C(SO_PROTOCOL),
#endif
#ifdef SOMAXCONN
    PYSOCK_C(SOMAXCONN),
#endif
    /* ancillary data types */
#ifdef SCM_RIGHTS
    PYSOCK_C(SCM_RIGHTS),
#endif
#ifdef SCM_CREDENTIALS
    PYSOCK_C(SCM_CREDENTIALS),
#endif
    /* send/recv flags */
#ifdef MSG_OOB
    PYSOCK_C(MSG_OOB),
#endif
#ifdef MSG_PEEK
    PYSOCK_C(MSG_PEEK),
#endif
#ifdef MSG_DONTROUTE
    PYSOCK_C(MSG_DONTROUTE),
#endif
#ifdef MSG_DONTWAIT
    PYSOCK_C(MSG_DONTWAIT),
#endif
#ifdef MSG_EOR
    PYSOCK_C(MSG_EOR),
#endif
#ifdef MSG_TRUNC
    PYSOCK_C(MSG_TRUNC),
#endif
#ifdef MSG_CTRUNC
    PYSOCK_C(MSG_CTRUNC),
#endif
#ifdef MSG_WAITALL
    PYSOCK_C(MSG_WAITALL),
#endif
#ifdef MSG_NOSIGNAL
    PYSOCK_C(MSG_NOSIGNAL),
#endif
#ifdef MSG_CMSG_CLOEXEC
    PYSOCK_C(MSG_CMSG_CLOEXEC),
#endif
#ifdef MSG_ERRQUEUE
    PYSOCK_C(MSG_ERRQUEUE),
#endif
#ifdef MSG_CONFIRM
    PYSOCK_C(MSG_CONFIRM),
#endif
#ifdef MSG_MORE
    PYSOCK_C(MSG_MORE),
#endif
#ifdef MSG_FASTOPEN
    PYSOCK_C(MSG_FASTOPEN),
#endif
    /* shutdown(2) */
#ifdef SHUT_RD
    PYSOCK_C(SHUT_RD),
#endif
#ifdef SHUT_WR
    PYSOCK_C(SHUT_WR),
#endif
#ifdef SHUT_RDWR
    PYSOCK_C(SHUT_RDWR),
#endif
    {NULL, 0}
};

/* IPv4/IPv6 protocols and options: ip(7), ipv6(7), tcp(7), udp(7) */
static const pysock_const inet_constants[] = {
    /* protocol levels */
#ifdef SOL_IP
    PYSOCK_C(SOL_IP),
#endif
#ifdef SOL_TCP
    PYSOCK_C(SOL_TCP),
#endif
#ifdef SOL_UDP
    PYSOCK_C(SOL_UDP),
#endif
    /* protocol numbers */
#ifdef IPPROTO_IP
    PYSOCK_C(IPPROTO_IP),
#endif
#ifdef IPPROTO_HOPOPTS
    PYSOCK_C(IPPROTO_HOPOPTS),
#endif
#ifdef IPPROTO_ICMP
    PYSOCK_C(IPPROTO_ICMP),
#endif
#ifdef IPPROTO_IGMP
    PYSOCK_C(IPPROTO_IGMP),
#endif
#ifdef IPPROTO_IPV6
    PYSOCK_C(IPPROTO_IPV6),
#endif
#ifdef IPPROTO_IPIP
    PYSOCK_C(IPPROTO_IPIP),
#endif
#ifdef IPPROTO_TCP
    PYSOCK_C(IPPROTO_TCP),
#endif
#ifdef IPPROTO_EGP
    PYSOCK_C(IPPROTO_EGP),
#endif
#ifdef IPPROTO_PUP
    PYSOCK_C(IPPROTO_PUP),
#endif
#ifdef IPPROTO_UDP
    PYSOCK_C(IPPROTO_UDP),
#endif
#ifdef IPPROTO_UDPLITE
    PYSOCK_C(IPPROTO_UDPLITE),
#endif
#ifdef UDPLITE_SEND_CSCOV
    PYSOCK_C(UDPLITE_SEND_CSCOV),
#endif
#ifdef UDPLITE_RECV_CSCOV
    PYSOCK_C(UDPLITE_RECV_CSCOV),
#endif
#ifdef IPPROTO_IDP
    PYSOCK_C(IPPROTO_IDP),
#endif
#ifdef IPPROTO_TP
    PYSOCK_C(IPPROTO_TP),
#endif
#ifdef IPPROTO_ROUTING
    PYSOCK_C(IPPROTO_ROUTING),
#endif
#ifdef IPPROTO_FRAGMENT
    PYSOCK_C(IPPROTO_FRAGMENT),
#endif
#ifdef IPPROTO_RSVP
    PYSOCK_C(IPPROTO_RSVP),
#endif
#ifdef IPPROTO_GRE
    PYSOCK_C(IPPROTO_GRE),
#endif
#ifdef IPPROTO_ESP
    PYSOCK_C(IPPROTO_ESP),
#endif
#ifdef IPPROTO_AH
    PYSOCK_C(IPPROTO_AH),
#endif
#ifdef IPPROTO_ICMPV6
    PYSOCK_C(IPPROTO_ICMPV6),
#endif
#ifdef IPPROTO_NONE
    PYSOCK_C(IPPROTO_NONE),
#endif
#ifdef IPPROTO_DSTOPTS
    PYSOCK_C(IPPROTO_DSTOPTS),
#endif
#ifdef IPPROTO_PIM
    PYSOCK_C(IPPROTO_PIM),
#endif
#ifdef IPPROTO_SCTP
    PYSOCK_C(IPPROTO_SCTP),
#endif
#ifdef IPPROTO_MPTCP
    PYSOCK_C(IPPROTO_MPTCP),
#endif
#ifdef IPPROTO_RAW
    PYSOCK_C(IPPROTO_RAW),
#endif
    /* ports and reserved IPv4 addresses */
#ifdef IPPORT_RESERVED
    PYSOCK_C(IPPORT_RESERVED),
#endif
#ifdef IPPORT_USERRESERVED
    PYSOCK_C(IPPORT_USERRESERVED),
#endif
#ifdef INADDR_ANY
    PYSOCK_C(INADDR_ANY),
#endif
#ifdef INADDR_BROADCAST
    PYSOCK_C(INADDR_BROADCAST),
#endif
#ifdef INADDR_LOOPBACK
    PYSOCK_C(INADDR_LOOPBACK),
#endif
#ifdef INADDR_UNSPEC_GROUP
    PYSOCK_C(INADDR_UNSPEC_GROUP),
#endif
#ifdef INADDR_ALLHOSTS_GROUP
    PYSOCK_C(INADDR_ALLHOSTS_GROUP),
#endif
#ifdef INADDR_MAX_LOCAL_GROUP
    PYSOCK_C(INADDR_MAX_LOCAL_GROUP),
#endif
#ifdef INADDR_NONE
    PYSOCK_C(INADDR_NONE),
#endif
    /* IPPROTO_IP options */
#ifdef IP_OPTIONS
    PYSOCK_C(IP_OPTIONS),
#endif
#ifdef IP_HDRINCL
    PYSOCK_C(IP_HDRINCL),
#endif
#ifdef IP_TOS
    PYSOCK_C(IP_TOS),
#endif
#ifdef IP_TTL
    PYSOCK_C(IP_TTL),
#endif
#ifdef IP_RECVOPTS
    PYSOCK_C(IP_RECVOPTS),
#endif
#ifdef IP_RECVRETOPTS
    PYSOCK_C(IP_RECVRETOPTS),
#endif
#ifdef IP_RECVTOS
    PYSOCK_C(IP_RECVTOS),
#endif
#ifdef IP_RETOPTS
    PYSOCK_C(IP_RETOPTS),
#endif
#ifdef IP_MULTICAST_IF
    PYSOCK_C(IP_MULTICAST_IF),
#endif
#ifdef IP_MULTICAST_TTL
    PYSOCK_C(IP_MULTICAST_TTL),
#endif
#ifdef IP_MULTICAST_LOOP
    PYSOCK_C(IP_MULTICAST_LOOP),
#endif
#ifdef IP_ADD_MEMBERSHIP
    PYSOCK_C(IP_ADD_MEMBERSHIP),
#endif
#ifdef IP_DROP_MEMBERSHIP
    PYSOCK_C(IP_DROP_MEMBERSHIP),
#endif
#ifdef IP_DEFAULT_MULTICAST_TTL
    PYSOCK_C(IP_DEFAULT_MULTICAST_TTL),
#endif
#ifdef IP_DEFAULT_MULTICAST_LOOP
    PYSOCK_C(IP_DEFAULT_MULTICAST_LOOP),
#endif
#ifdef IP_MAX_MEMBERSHIPS
    PYSOCK_C(IP_MAX_MEMBERSHIPS),
#endif
#ifdef IP_TRANSPARENT
    PYSOCK_C(IP_TRANSPARENT),
#endif
#ifdef IP_PKTINFO
    PYSOCK_C(IP_PKTINFO),
#endif
#ifdef IP_BIND_ADDRESS_NO_PORT
    PYSOCK_C(IP_BIND_ADDRESS_NO_PORT),
#endif
#ifdef IP_UNBLOCK_SOURCE
    PYSOCK_C(IP_UNBLOCK_SOURCE),
#endif
#ifdef IP_BLOCK_SOURCE
    PYSOCK_C(IP_BLOCK_SOURCE),
#endif
#ifdef IP_ADD_SOURCE_MEMBERSHIP
    PYSOCK_C(IP_ADD_SOURCE_MEMBERSHIP),
#endif
#ifdef IP_DROP_SOURCE_MEMBERSHIP
    PYSOCK_C(IP_DROP_SOURCE_MEMBERSHIP),
#endif
    /* IPPROTO_IPV6 options */
#ifdef IPV6_JOIN_GROUP
    PYSOCK_C(IPV6_JOIN_GROUP),
#endif
#ifdef IPV6_LEAVE_GROUP
    PYSOCK_C(IPV6_LEAVE_GROUP),
#endif
#ifdef IPV6_MULTICAST_HOPS
    PYSOCK_C(IPV6_MULTICAST_HOPS),
#endif
#ifdef IPV6_MULTICAST_IF
    PYSOCK_C(IPV6_MULTICAST_IF),
#endif
#ifdef IPV6_MULTICAST_LOOP
    PYSOCK_C(IPV6_MULTICAST_LOOP),
#endif
#ifdef IPV6_UNICAST_HOPS
    PYSOCK_C(IPV6_UNICAST_HOPS),
#endif
#ifdef IPV6_V6ONLY
    PYSOCK_C(IPV6_V6ONLY),
#endif
#ifdef IPV6_CHECKSUM
    PYSOCK_C(IPV6_CHECKSUM),
#endif
#ifdef IPV6_DONTFRAG
    PYSOCK_C(IPV6_DONTFRAG),
#endif
#ifdef IPV6_DSTOPTS
    PYSOCK_C(IPV6_DSTOPTS),
#endif
#ifdef IPV6_HOPLIMIT
    PYSOCK_C(IPV6_HOPLIMIT),
#endif
#ifdef IPV6_HOPOPTS
    PYSOCK_C(IPV6_HOPOPTS),
#endif
#ifdef IPV6_NEXTHOP
    PYSOCK_C(IPV6_NEXTHOP),
#endif
#ifdef IPV6_PATHMTU
    PYSOCK_C(IPV6_PATHMTU),
#endif
#ifdef IPV6_PKTINFO
    PYSOCK_C(IPV6_PKTINFO),
#endif
#ifdef IPV6_RECVDSTOPTS
    PYSOCK_C(IPV6_RECVDSTOPTS),
#endif
#ifdef IPV6_RECVHOPLIMIT
    PYSOCK_C(IPV6_RECVHOPLIMIT),
#endif
#ifdef IPV6_RECVHOPOPTS
    PYSOCK_C(IPV6_RECVHOPOPTS),
#endif
#ifdef IPV6_RECVPKTINFO
    PYSOCK_C(IPV6_RECVPKTINFO),
#endif
#ifdef IPV6_RECVRTHDR
    PYSOCK_C(IPV6_RECVRTHDR),
#endif
#ifdef IPV6_RECVTCLASS
    PYSOCK_C(IPV6_RECVTCLASS),
#endif
#ifdef IPV6_RTHDR
    PYSOCK_C(IPV6_RTHDR),
#endif
#ifdef IPV6_RTHDRDSTOPTS
    PYSOCK_C(IPV6_RTHDRDSTOPTS),
#endif
#ifdef IPV6_RTHDR_TYPE_0
    PYSOCK_C(IPV6_RTHDR_TYPE_0),
#endif
#ifdef IPV6_RECVPATHMTU
    PYSOCK_C(IPV6_RECVPATHMTU),
#endif
#ifdef IPV6_TCLASS
    PYSOCK_C(IPV6_TCLASS),
#endif
    /* IPPROTO_TCP options */
#ifdef TCP_NODELAY
    PYSOCK_C(TCP_NODELAY),
#endif
#ifdef TCP_MAXSEG
    PYSOCK_C(TCP_MAXSEG),
#endif
#ifdef TCP_CORK
    PYSOCK_C(TCP_CORK),
#endif
#ifdef TCP_KEEPIDLE
    PYSOCK_C(TCP_KEEPIDLE),
#endif
#ifdef TCP_KEEPINTVL
    PYSOCK_C(TCP_KEEPINTVL),
#endif
#ifdef TCP_KEEPCNT
    PYSOCK_C(TCP_KEEPCNT),
#endif
#ifdef TCP_SYNCNT
    PYSOCK_C(TCP_SYNCNT),
#endif
#ifdef TCP_LINGER2
    PYSOCK_C(TCP_LINGER2),
#endif
#ifdef TCP_DEFER_ACCEPT
    PYSOCK_C(TCP_DEFER_ACCEPT),
#endif
#ifdef TCP_WINDOW_CLAMP
    PYSOCK_C(TCP_WINDOW_CLAMP),
#endif
#ifdef TCP_INFO
    PYSOCK_C(TCP_INFO),
#endif
#ifdef TCP_QUICKACK
    PYSOCK_C(TCP_QUICKACK),
#endif
#ifdef TCP_CONGESTION
    PYSOCK_C(TCP_CONGESTION),
#endif
#ifdef TCP_MD5SIG
    PYSOCK_C(TCP_MD5SIG),
#endif
#ifdef TCP_THIN_LINEAR_TIMEOUTS
    PYSOCK_C(TCP_THIN_LINEAR_TIMEOUTS),
#endif
#ifdef TCP_THIN_DUPACK
    PYSOCK_C(TCP_THIN_DUPACK),
#endif
#ifdef TCP_USER_TIMEOUT
    PYSOCK_C(TCP_USER_TIMEOUT),
#endif
#ifdef TCP_REPAIR
    PYSOCK_C(TCP_REPAIR),
#endif
#ifdef TCP_REPAIR_QUEUE
    PYSOCK_C(TCP_REPAIR_QUEUE),
#endif
#ifdef TCP_QUEUE_SEQ
    PYSOCK_C(TCP_QUEUE_SEQ),
#endif
#ifdef TCP_REPAIR_OPTIONS
    PYSOCK_C(TCP_REPAIR_OPTIONS),
#endif
#ifdef TCP_FASTOPEN
    PYSOCK_C(TCP_FASTOPEN),
#endif
#ifdef TCP_TIMESTAMP
    PYSOCK_C(TCP_TIMESTAMP),
#endif
#ifdef TCP_NOTSENT_LOWAT
    PYSOCK_C(TCP_NOTSENT_LOWAT),
#endif
#ifdef TCP_CC_INFO
    PYSOCK_C(TCP_CC_INFO),
#endif
#ifdef TCP_SAVE_SYN
    PYSOCK_C(TCP_SAVE_SYN),
#endif
#ifdef TCP_SAVED_SYN
    PYSOCK_C(TCP_SAVED_SYN),
#endif
#ifdef TCP_REPAIR_WINDOW
    PYSOCK_C(TCP_REPAIR_WINDOW),
#endif
#ifdef TCP_FASTOPEN_CONNECT
    PYSOCK_C(TCP_FASTOPEN_CONNECT),
#endif
#ifdef TCP_ULP
    PYSOCK_C(TCP_ULP),
#endif
#ifdef TCP_MD5SIG_EXT
    PYSOCK_C(TCP_MD5SIG_EXT),
#endif
#ifdef TCP_FASTOPEN_KEY
    PYSOCK_C(TCP_FASTOPEN_KEY),
#endif
#ifdef TCP_FASTOPEN_NO_COOKIE
    PYSOCK_C(TCP_FASTOPEN_NO_COOKIE),
#endif
#ifdef TCP_ZEROCOPY_RECEIVE
    PYSOCK_C(TCP_ZEROCOPY_RECEIVE),
#endif
#ifdef TCP_INQ
    PYSOCK_C(TCP_INQ),
#endif
#ifdef TCP_TX_DELAY
    PYSOCK_C(TCP_TX_DELAY),
#endif
    /* Names CPython added after 3.13 (offered on every version, like the rest). */
#ifdef IP_RECVERR
    PYSOCK_C(IP_RECVERR),
#endif
#ifdef IP_RECVTTL
    PYSOCK_C(IP_RECVTTL),
#endif
#ifdef IP_RECVORIGDSTADDR
    PYSOCK_C(IP_RECVORIGDSTADDR),
#endif
#ifdef IP_FREEBIND
    PYSOCK_C(IP_FREEBIND),
#endif
#ifdef IPV6_RECVERR
    PYSOCK_C(IPV6_RECVERR),
#endif
    {NULL, 0}
};

/* getaddrinfo(3) / getnameinfo(3) */
static const pysock_const resolver_constants[] = {
#ifdef EAI_ADDRFAMILY
    PYSOCK_C(EAI_ADDRFAMILY),
#endif
#ifdef EAI_AGAIN
    PYSOCK_C(EAI_AGAIN),
#endif
#ifdef EAI_BADFLAGS
    PYSOCK_C(EAI_BADFLAGS),
#endif
#ifdef EAI_FAIL
    PYSOCK_C(EAI_FAIL),
#endif
#ifdef EAI_FAMILY
    PYSOCK_C(EAI_FAMILY),
#endif
#ifdef EAI_MEMORY
    PYSOCK_C(EAI_MEMORY),
#endif
#ifdef EAI_NODATA
    PYSOCK_C(EAI_NODATA),
#endif
#ifdef EAI_NONAME
    PYSOCK_C(EAI_NONAME),
#endif
#ifdef EAI_OVERFLOW
    PYSOCK_C(EAI_OVERFLOW),
#endif
#ifdef EAI_SERVICE
    PYSOCK_C(EAI_SERVICE),
#endif
#ifdef EAI_SOCKTYPE
    PYSOCK_C(EAI_SOCKTYPE),
#endif
#ifdef EAI_SYSTEM
    PYSOCK_C(EAI_SYSTEM),
#endif
#ifdef AI_PASSIVE
    PYSOCK_C(AI_PASSIVE),
#endif
#ifdef AI_CANONNAME
    PYSOCK_C(AI_CANONNAME),
#endif
#ifdef AI_NUMERICHOST
    PYSOCK_C(AI_NUMERICHOST),
#endif
#ifdef AI_NUMERICSERV
    PYSOCK_C(AI_NUMERICSERV),
#endif
#ifdef AI_ALL
    PYSOCK_C(AI_ALL),
#endif
#ifdef AI_ADDRCONFIG
    PYSOCK_C(AI_ADDRCONFIG),
#endif
#ifdef AI_V4MAPPED
    PYSOCK_C(AI_V4MAPPED),
#endif
#ifdef NI_MAXHOST
    PYSOCK_C(NI_MAXHOST),
#endif
#ifdef NI_MAXSERV
    PYSOCK_C(NI_MAXSERV),
#endif
#ifdef NI_NOFQDN
    PYSOCK_C(NI_NOFQDN),
#endif
#ifdef NI_NUMERICHOST
    PYSOCK_C(NI_NUMERICHOST),
#endif
#ifdef NI_NAMEREQD
    PYSOCK_C(NI_NAMEREQD),
#endif
#ifdef NI_NUMERICSERV
    PYSOCK_C(NI_NUMERICSERV),
#endif
#ifdef NI_DGRAM
    PYSOCK_C(NI_DGRAM),
#endif
#ifdef NI_IDN
    PYSOCK_C(NI_IDN),
#endif
    {NULL, 0}
};

/* AF_NETLINK protocols (netlink(7)) and AF_PACKET (packet(7)) */
static const pysock_const netlink_packet_constants[] = {
#ifdef NETLINK_ROUTE
    PYSOCK_C(NETLINK_ROUTE),
#endif
#ifdef NETLINK_USERSOCK
    PYSOCK_C(NETLINK_USERSOCK),
#endif
#ifdef NETLINK_FIREWALL
    PYSOCK_C(NETLINK_FIREWALL),
#endif
#ifdef NETLINK_NFLOG
    PYSOCK_C(NETLINK_NFLOG),
#endif
#ifdef NETLINK_XFRM
    PYSOCK_C(NETLINK_XFRM),
#endif
#ifdef NETLINK_IP6_FW
    PYSOCK_C(NETLINK_IP6_FW),
#endif
#ifdef NETLINK_DNRTMSG
    PYSOCK_C(NETLINK_DNRTMSG),
#endif
#ifdef NETLINK_CRYPTO
    PYSOCK_C(NETLINK_CRYPTO),
#endif
    /* packet types (sll_pkttype) */
#ifdef PACKET_HOST
    PYSOCK_C(PACKET_HOST),
#endif
#ifdef PACKET_BROADCAST
    PYSOCK_C(PACKET_BROADCAST),
#endif
#ifdef PACKET_MULTICAST
    PYSOCK_C(PACKET_MULTICAST),
#endif
#ifdef PACKET_OTHERHOST
    PYSOCK_C(PACKET_OTHERHOST),
#endif
#ifdef PACKET_OUTGOING
    PYSOCK_C(PACKET_OUTGOING),
#endif
#ifdef PACKET_LOOPBACK
    PYSOCK_C(PACKET_LOOPBACK),
#endif
#ifdef PACKET_FASTROUTE
    PYSOCK_C(PACKET_FASTROUTE),
#endif
    /* Ethernet protocol numbers */
#ifdef ETH_P_ALL
    PYSOCK_C(ETH_P_ALL),
#endif
#ifdef ETHERTYPE_ARP
    PYSOCK_C(ETHERTYPE_ARP),
#endif
#ifdef ETHERTYPE_IP
    PYSOCK_C(ETHERTYPE_IP),
#endif
#ifdef ETHERTYPE_IPV6
    PYSOCK_C(ETHERTYPE_IPV6),
#endif
#ifdef ETHERTYPE_VLAN
    PYSOCK_C(ETHERTYPE_VLAN),
#endif
    {NULL, 0}
};

/* AF_CAN: raw, BCM, ISO-TP and J1939 (Documentation/networking/can.rst) */
static const pysock_const can_constants[] = {
    /* <linux/can.h> */
#ifdef SOL_CAN_BASE
    PYSOCK_C(SOL_CAN_BASE),
#endif
#ifdef SOL_CAN_RAW
    PYSOCK_C(SOL_CAN_RAW),
#endif
#ifdef CAN_RAW
    PYSOCK_C(CAN_RAW),
#endif
#ifdef CAN_BCM
    PYSOCK_C(CAN_BCM),
#endif
#ifdef CAN_ISOTP
    PYSOCK_C(CAN_ISOTP),
#endif
#ifdef CAN_J1939
    PYSOCK_C(CAN_J1939),
#endif
#if PYSOCK_HAS_LINUX_CAN_H
    PYSOCK_C(CAN_EFF_FLAG),
    PYSOCK_C(CAN_RTR_FLAG),
    PYSOCK_C(CAN_ERR_FLAG),
    PYSOCK_C(CAN_SFF_MASK),
    PYSOCK_C(CAN_EFF_MASK),
    PYSOCK_C(CAN_ERR_MASK),
#endif
    /* <linux/can/raw.h>: SOL_CAN_RAW options, declared as enumerators */
#if PYSOCK_HAS_LINUX_CAN_RAW_H
    PYSOCK_C(CAN_RAW_FILTER),
    PYSOCK_C(CAN_RAW_ERR_FILTER),
    PYSOCK_C(CAN_RAW_LOOPBACK),
    PYSOCK_C(CAN_RAW_RECV_OWN_MSGS),
    PYSOCK_C(CAN_RAW_FD_FRAMES),
    PYSOCK_C(CAN_RAW_JOIN_FILTERS),
#endif
    /* <linux/can/bcm.h>: opcodes (enumerators) and flags, with a CAN_BCM_ prefix */
#if PYSOCK_HAS_LINUX_CAN_BCM_H
    PYSOCK_CN("CAN_BCM_TX_SETUP", TX_SETUP),
    PYSOCK_CN("CAN_BCM_TX_DELETE", TX_DELETE),
    PYSOCK_CN("CAN_BCM_TX_READ", TX_READ),
    PYSOCK_CN("CAN_BCM_TX_SEND", TX_SEND),
    PYSOCK_CN("CAN_BCM_RX_SETUP", RX_SETUP),
    PYSOCK_CN("CAN_BCM_RX_DELETE", RX_DELETE),
    PYSOCK_CN("CAN_BCM_RX_READ", RX_READ),
    PYSOCK_CN("CAN_BCM_TX_STATUS", TX_STATUS),
    PYSOCK_CN("CAN_BCM_TX_EXPIRED", TX_EXPIRED),
    PYSOCK_CN("CAN_BCM_RX_STATUS", RX_STATUS),
    PYSOCK_CN("CAN_BCM_RX_TIMEOUT", RX_TIMEOUT),
    PYSOCK_CN("CAN_BCM_RX_CHANGED", RX_CHANGED),
    PYSOCK_CN("CAN_BCM_SETTIMER", SETTIMER),
    PYSOCK_CN("CAN_BCM_STARTTIMER", STARTTIMER),
    PYSOCK_CN("CAN_BCM_TX_COUNTEVT", TX_COUNTEVT),
    PYSOCK_CN("CAN_BCM_TX_ANNOUNCE", TX_ANNOUNCE),
    PYSOCK_CN("CAN_BCM_TX_CP_CAN_ID", TX_CP_CAN_ID),
    PYSOCK_CN("CAN_BCM_RX_FILTER_ID", RX_FILTER_ID),
    PYSOCK_CN("CAN_BCM_RX_CHECK_DLC", RX_CHECK_DLC),
    PYSOCK_CN("CAN_BCM_RX_NO_AUTOTIMER", RX_NO_AUTOTIMER),
    PYSOCK_CN("CAN_BCM_RX_ANNOUNCE_RESUME", RX_ANNOUNCE_RESUME),
    PYSOCK_CN("CAN_BCM_TX_RESET_MULTI_IDX", TX_RESET_MULTI_IDX),
    PYSOCK_CN("CAN_BCM_RX_RTR_FRAME", RX_RTR_FRAME),
    PYSOCK_CN("CAN_BCM_CAN_FD_FRAME", CAN_FD_FRAME),
#endif
    /* <linux/can/j1939.h>: macros and enumerators */
#if PYSOCK_HAS_LINUX_CAN_J1939_H
    PYSOCK_C(J1939_MAX_UNICAST_ADDR),
    PYSOCK_C(J1939_IDLE_ADDR),
    PYSOCK_C(J1939_NO_ADDR),
    PYSOCK_C(J1939_NO_NAME),
    PYSOCK_C(J1939_PGN_REQUEST),
    PYSOCK_C(J1939_PGN_ADDRESS_CLAIMED),
    PYSOCK_C(J1939_PGN_ADDRESS_COMMANDED),
    PYSOCK_C(J1939_PGN_PDU1_MAX),
    PYSOCK_C(J1939_PGN_MAX),
    PYSOCK_C(J1939_NO_PGN),
    PYSOCK_C(SO_J1939_FILTER),
    PYSOCK_C(SO_J1939_PROMISC),
    PYSOCK_C(SO_J1939_SEND_PRIO),
    PYSOCK_C(SO_J1939_ERRQUEUE),
    PYSOCK_C(SCM_J1939_DEST_ADDR),
    PYSOCK_C(SCM_J1939_DEST_NAME),
    PYSOCK_C(SCM_J1939_PRIO),
    PYSOCK_C(SCM_J1939_ERRQUEUE),
    PYSOCK_C(J1939_NLA_PAD),
    PYSOCK_C(J1939_NLA_BYTES_ACKED),
    PYSOCK_C(J1939_EE_INFO_NONE),
    PYSOCK_C(J1939_EE_INFO_TX_ABORT),
    PYSOCK_C(J1939_FILTER_MAX),
#endif
    {NULL, 0}
};

/* AF_TIPC (<linux/tipc.h>) */
static const pysock_const tipc_constants[] = {
#ifdef SOL_TIPC
    PYSOCK_C(SOL_TIPC),
#endif
#ifdef TIPC_ADDR_NAMESEQ
    PYSOCK_C(TIPC_ADDR_NAMESEQ),
#endif
#ifdef TIPC_ADDR_NAME
    PYSOCK_C(TIPC_ADDR_NAME),
#endif
#ifdef TIPC_ADDR_ID
    PYSOCK_C(TIPC_ADDR_ID),
#endif
#ifdef TIPC_ZONE_SCOPE
    PYSOCK_C(TIPC_ZONE_SCOPE),
#endif
    /* enumerators in newer headers, macros in older ones */
#if PYSOCK_HAS_LINUX_TIPC_H
    PYSOCK_C(TIPC_CLUSTER_SCOPE),
    PYSOCK_C(TIPC_NODE_SCOPE),
#endif
#ifdef TIPC_IMPORTANCE
    PYSOCK_C(TIPC_IMPORTANCE),
#endif
#ifdef TIPC_SRC_DROPPABLE
    PYSOCK_C(TIPC_SRC_DROPPABLE),
#endif
#ifdef TIPC_DEST_DROPPABLE
    PYSOCK_C(TIPC_DEST_DROPPABLE),
#endif
#ifdef TIPC_CONN_TIMEOUT
    PYSOCK_C(TIPC_CONN_TIMEOUT),
#endif
#ifdef TIPC_LOW_IMPORTANCE
    PYSOCK_C(TIPC_LOW_IMPORTANCE),
#endif
#ifdef TIPC_MEDIUM_IMPORTANCE
    PYSOCK_C(TIPC_MEDIUM_IMPORTANCE),
#endif
#ifdef TIPC_HIGH_IMPORTANCE
    PYSOCK_C(TIPC_HIGH_IMPORTANCE),
#endif
#ifdef TIPC_CRITICAL_IMPORTANCE
    PYSOCK_C(TIPC_CRITICAL_IMPORTANCE),
#endif
#ifdef TIPC_SUB_PORTS
    PYSOCK_C(TIPC_SUB_PORTS),
#endif
#ifdef TIPC_SUB_SERVICE
    PYSOCK_C(TIPC_SUB_SERVICE),
#endif
#ifdef TIPC_SUB_CANCEL
    PYSOCK_C(TIPC_SUB_CANCEL),
#endif
#ifdef TIPC_WAIT_FOREVER
    PYSOCK_C(TIPC_WAIT_FOREVER),
#endif
#ifdef TIPC_PUBLISHED
    PYSOCK_C(TIPC_PUBLISHED),
#endif
#ifdef TIPC_WITHDRAWN
    PYSOCK_C(TIPC_WITHDRAWN),
#endif
#ifdef TIPC_SUBSCR_TIMEOUT
    PYSOCK_C(TIPC_SUBSCR_TIMEOUT),
#endif
#ifdef TIPC_CFG_SRV
    PYSOCK_C(TIPC_CFG_SRV),
#endif
#ifdef TIPC_TOP_SRV
    PYSOCK_C(TIPC_TOP_SRV),
#endif
    {NULL, 0}
};

/* AF_ALG: the kernel crypto API (<linux/if_alg.h>) */
static const pysock_const alg_constants[] = {
#ifdef SOL_ALG
    PYSOCK_C(SOL_ALG),
#endif
#if PYSOCK_HAS_LINUX_IF_ALG_H
    PYSOCK_C(ALG_SET_KEY),
    PYSOCK_C(ALG_SET_IV),
    PYSOCK_C(ALG_SET_OP),
    PYSOCK_C(ALG_SET_AEAD_ASSOCLEN),
    PYSOCK_C(ALG_SET_AEAD_AUTHSIZE),
    PYSOCK_C(ALG_SET_PUBKEY),
    PYSOCK_C(ALG_OP_DECRYPT),
    PYSOCK_C(ALG_OP_ENCRYPT),
    PYSOCK_C(ALG_OP_SIGN),
    PYSOCK_C(ALG_OP_VERIFY),
#endif
    {NULL, 0}
};

/* AF_VSOCK (vsock(7), <linux/vm_sockets.h>) */
static const pysock_const vsock_constants[] = {
#ifdef SO_VM_SOCKETS_BUFFER_SIZE
    PYSOCK_C(SO_VM_SOCKETS_BUFFER_SIZE),
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MIN_SIZE
    PYSOCK_C(SO_VM_SOCKETS_BUFFER_MIN_SIZE),
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MAX_SIZE
    PYSOCK_C(SO_VM_SOCKETS_BUFFER_MAX_SIZE),
#endif
#ifdef VMADDR_CID_ANY
    PYSOCK_C(VMADDR_CID_ANY),
#endif
#ifdef VMADDR_PORT_ANY
    PYSOCK_C(VMADDR_PORT_ANY),
#endif
#ifdef VMADDR_CID_HOST
    PYSOCK_C(VMADDR_CID_HOST),
#endif
#ifdef VM_SOCKETS_INVALID_VERSION
    PYSOCK_C(VM_SOCKETS_INVALID_VERSION),
#endif
#ifdef IOCTL_VM_SOCKETS_GET_LOCAL_CID
    PYSOCK_C(IOCTL_VM_SOCKETS_GET_LOCAL_CID),
#endif
    /* added to CPython after 3.13 */
#ifdef VMADDR_CID_LOCAL
    PYSOCK_C(VMADDR_CID_LOCAL),
#endif
    {NULL, 0}
};

/* AF_RDS (rds(7), <linux/rds.h>); the RDS_* names came to CPython after 3.13 */
static const pysock_const rds_constants[] = {
#ifdef SOL_RDS
    PYSOCK_C(SOL_RDS),
#endif
#ifdef RDS_CANCEL_SENT_TO
    PYSOCK_C(RDS_CANCEL_SENT_TO),
#endif
#ifdef RDS_GET_MR
    PYSOCK_C(RDS_GET_MR),
#endif
#ifdef RDS_FREE_MR
    PYSOCK_C(RDS_FREE_MR),
#endif
#ifdef RDS_RECVERR
    PYSOCK_C(RDS_RECVERR),
#endif
#ifdef RDS_CONG_MONITOR
    PYSOCK_C(RDS_CONG_MONITOR),
#endif
#ifdef RDS_GET_MR_FOR_DEST
    PYSOCK_C(RDS_GET_MR_FOR_DEST),
#endif
#ifdef RDS_CMSG_RDMA_ARGS
    PYSOCK_C(RDS_CMSG_RDMA_ARGS),
#endif
#ifdef RDS_CMSG_RDMA_DEST
    PYSOCK_C(RDS_CMSG_RDMA_DEST),
#endif
#ifdef RDS_CMSG_RDMA_MAP
    PYSOCK_C(RDS_CMSG_RDMA_MAP),
#endif
#ifdef RDS_CMSG_RDMA_STATUS
    PYSOCK_C(RDS_CMSG_RDMA_STATUS),
#endif
#ifdef RDS_CMSG_RDMA_UPDATE
    PYSOCK_C(RDS_CMSG_RDMA_UPDATE),
#endif
#ifdef RDS_RDMA_READWRITE
    PYSOCK_C(RDS_RDMA_READWRITE),
#endif
#ifdef RDS_RDMA_FENCE
    PYSOCK_C(RDS_RDMA_FENCE),
#endif
#ifdef RDS_RDMA_INVALIDATE
    PYSOCK_C(RDS_RDMA_INVALIDATE),
#endif
#ifdef RDS_RDMA_USE_ONCE
    PYSOCK_C(RDS_RDMA_USE_ONCE),
#endif
#ifdef RDS_RDMA_DONTWAIT
    PYSOCK_C(RDS_RDMA_DONTWAIT),
#endif
#ifdef RDS_RDMA_NOTIFY_ME
    PYSOCK_C(RDS_RDMA_NOTIFY_ME),
#endif
#ifdef RDS_RDMA_SILENT
    PYSOCK_C(RDS_RDMA_SILENT),
#endif
    {NULL, 0}
};

/* AF_BLUETOOTH (BTPROTO_*, BDADDR_*, HCI_*, SOL_HCI/L2CAP/RFCOMM/SCO, BT_*):
 * HOOK for the Bluetooth work, which fills this table with #ifdef'd entries
 * (and the kernel-ABI fallbacks in platform.h).  Empty for now: this machine's
 * CPython has no Bluetooth, so the 3.13 snapshot lists none of these names. */
static const pysock_const bluetooth_constants[] = {
    {NULL, 0}
};

static const pysock_const *const all_tables[] = {
    family_constants,
    socket_constants,
    inet_constants,
    resolver_constants,
    netlink_packet_constants,
    can_constants,
    tipc_constants,
    alg_constants,
    vsock_constants,
    rds_constants,
    bluetooth_constants,
};

/* Adds every entry of a {NULL, 0}-terminated table as a module int.
 * Returns 0, or -1 with an exception set. */
static int
add_table(PyObject *module, const pysock_const *t)
{
    for (; t->name != NULL; t++) {
        if (PyModule_AddIntConstant(module, t->name, t->value) < 0)
            return -1;
    }
    return 0;
}

int
pysock_constants_init(PyObject *module)
{
    for (size_t i = 0; i < sizeof(all_tables) / sizeof(all_tables[0]); i++) {
        if (add_table(module, all_tables[i]) < 0)
            return -1;
    }
    if (PyModule_AddObjectRef(module, "has_ipv6",
                              PYSOCK_HAS_IPV6 ? Py_True : Py_False) < 0)
        return -1;
    return 0;
}
