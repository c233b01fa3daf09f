# Type stubs for pysocket/_enums.py: the four enums the stdlib's socket
# module has, made at import time from pysocket._socket's constants, and
# their members as module-level names.  The values are Linux's.  The blocks
# between the GENERATED markers are written by .ci/regen_stub_names.py.
from enum import IntEnum, IntFlag

# BEGIN GENERATED enums_all (.ci/regen_stub_names.py)
__all__ = [
    "AddressFamily", "SocketKind", "MsgFlag", "AddressInfo", "AF_UNSPEC",
    "AF_UNIX", "AF_INET", "AF_AX25", "AF_IPX", "AF_APPLETALK", "AF_NETROM",
    "AF_BRIDGE", "AF_ATMPVC", "AF_X25", "AF_INET6", "AF_ROSE", "AF_NETBEUI",
    "AF_SECURITY", "AF_KEY", "AF_NETLINK", "AF_ROUTE", "AF_PACKET", "AF_ASH",
    "AF_ECONET", "AF_ATMSVC", "AF_RDS", "AF_SNA", "AF_IRDA", "AF_PPPOX",
    "AF_WANPIPE", "AF_LLC", "AF_CAN", "AF_TIPC", "AF_BLUETOOTH", "AF_ALG",
    "AF_VSOCK", "AF_QIPCRTR", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW",
    "SOCK_RDM", "SOCK_SEQPACKET", "SOCK_NONBLOCK", "SOCK_CLOEXEC", "MSG_OOB",
    "MSG_PEEK", "MSG_DONTROUTE", "MSG_CTRUNC", "MSG_TRUNC", "MSG_DONTWAIT",
    "MSG_EOR", "MSG_WAITALL", "MSG_CONFIRM", "MSG_ERRQUEUE", "MSG_NOSIGNAL",
    "MSG_MORE", "MSG_FASTOPEN", "MSG_CMSG_CLOEXEC", "AI_PASSIVE",
    "AI_CANONNAME", "AI_NUMERICHOST", "AI_V4MAPPED", "AI_ALL",
    "AI_ADDRCONFIG", "AI_NUMERICSERV",
]
# END GENERATED enums_all

# BEGIN GENERATED enums (.ci/regen_stub_names.py)
class AddressFamily(IntEnum):
    AF_ALG = 38
    AF_APPLETALK = 5
    AF_ASH = 18
    AF_ATMPVC = 8
    AF_ATMSVC = 20
    AF_AX25 = 3
    AF_BLUETOOTH = 31
    AF_BRIDGE = 7
    AF_CAN = 29
    AF_ECONET = 19
    AF_INET = 2
    AF_INET6 = 10
    AF_IPX = 4
    AF_IRDA = 23
    AF_KEY = 15
    AF_LLC = 26
    AF_NETBEUI = 13
    AF_NETLINK = 16
    AF_NETROM = 6
    AF_PACKET = 17
    AF_PPPOX = 24
    AF_QIPCRTR = 42
    AF_RDS = 21
    AF_ROSE = 11
    AF_ROUTE = 16
    AF_SECURITY = 14
    AF_SNA = 22
    AF_TIPC = 30
    AF_UNIX = 1
    AF_UNSPEC = 0
    AF_VSOCK = 40
    AF_WANPIPE = 25
    AF_X25 = 9

class SocketKind(IntEnum):
    SOCK_CLOEXEC = 524288
    SOCK_DGRAM = 2
    SOCK_NONBLOCK = 2048
    SOCK_RAW = 3
    SOCK_RDM = 4
    SOCK_SEQPACKET = 5
    SOCK_STREAM = 1

class MsgFlag(IntFlag):
    MSG_CMSG_CLOEXEC = 1073741824
    MSG_CONFIRM = 2048
    MSG_CTRUNC = 8
    MSG_DONTROUTE = 4
    MSG_DONTWAIT = 64
    MSG_EOR = 128
    MSG_ERRQUEUE = 8192
    MSG_FASTOPEN = 536870912
    MSG_MORE = 32768
    MSG_NOSIGNAL = 16384
    MSG_OOB = 1
    MSG_PEEK = 2
    MSG_TRUNC = 32
    MSG_WAITALL = 256

class AddressInfo(IntFlag):
    AI_ADDRCONFIG = 32
    AI_ALL = 16
    AI_CANONNAME = 2
    AI_NUMERICHOST = 4
    AI_NUMERICSERV = 1024
    AI_PASSIVE = 1
    AI_V4MAPPED = 8
# END GENERATED enums

# BEGIN GENERATED aliases (.ci/regen_stub_names.py)
AF_ALG = AddressFamily.AF_ALG
AF_APPLETALK = AddressFamily.AF_APPLETALK
AF_ASH = AddressFamily.AF_ASH
AF_ATMPVC = AddressFamily.AF_ATMPVC
AF_ATMSVC = AddressFamily.AF_ATMSVC
AF_AX25 = AddressFamily.AF_AX25
AF_BLUETOOTH = AddressFamily.AF_BLUETOOTH
AF_BRIDGE = AddressFamily.AF_BRIDGE
AF_CAN = AddressFamily.AF_CAN
AF_ECONET = AddressFamily.AF_ECONET
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
AF_IPX = AddressFamily.AF_IPX
AF_IRDA = AddressFamily.AF_IRDA
AF_KEY = AddressFamily.AF_KEY
AF_LLC = AddressFamily.AF_LLC
AF_NETBEUI = AddressFamily.AF_NETBEUI
AF_NETLINK = AddressFamily.AF_NETLINK
AF_NETROM = AddressFamily.AF_NETROM
AF_PACKET = AddressFamily.AF_PACKET
AF_PPPOX = AddressFamily.AF_PPPOX
AF_QIPCRTR = AddressFamily.AF_QIPCRTR
AF_RDS = AddressFamily.AF_RDS
AF_ROSE = AddressFamily.AF_ROSE
AF_ROUTE = AddressFamily.AF_ROUTE
AF_SECURITY = AddressFamily.AF_SECURITY
AF_SNA = AddressFamily.AF_SNA
AF_TIPC = AddressFamily.AF_TIPC
AF_UNIX = AddressFamily.AF_UNIX
AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_VSOCK = AddressFamily.AF_VSOCK
AF_WANPIPE = AddressFamily.AF_WANPIPE
AF_X25 = AddressFamily.AF_X25
SOCK_CLOEXEC = SocketKind.SOCK_CLOEXEC
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_NONBLOCK = SocketKind.SOCK_NONBLOCK
SOCK_RAW = SocketKind.SOCK_RAW
SOCK_RDM = SocketKind.SOCK_RDM
SOCK_SEQPACKET = SocketKind.SOCK_SEQPACKET
SOCK_STREAM = SocketKind.SOCK_STREAM
MSG_CMSG_CLOEXEC = MsgFlag.MSG_CMSG_CLOEXEC
MSG_CONFIRM = MsgFlag.MSG_CONFIRM
MSG_CTRUNC = MsgFlag.MSG_CTRUNC
MSG_DONTROUTE = MsgFlag.MSG_DONTROUTE
MSG_DONTWAIT = MsgFlag.MSG_DONTWAIT
MSG_EOR = MsgFlag.MSG_EOR
MSG_ERRQUEUE = MsgFlag.MSG_ERRQUEUE
MSG_FASTOPEN = MsgFlag.MSG_FASTOPEN
MSG_MORE = MsgFlag.MSG_MORE
MSG_NOSIGNAL = MsgFlag.MSG_NOSIGNAL
MSG_OOB = MsgFlag.MSG_OOB
MSG_PEEK = MsgFlag.MSG_PEEK
MSG_TRUNC = MsgFlag.MSG_TRUNC
MSG_WAITALL = MsgFlag.MSG_WAITALL
AI_ADDRCONFIG = AddressInfo.AI_ADDRCONFIG
AI_ALL = AddressInfo.AI_ALL
AI_CANONNAME = AddressInfo.AI_CANONNAME
AI_NUMERICHOST = AddressInfo.AI_NUMERICHOST
AI_NUMERICSERV = AddressInfo.AI_NUMERICSERV
AI_PASSIVE = AddressInfo.AI_PASSIVE
AI_V4MAPPED = AddressInfo.AI_V4MAPPED
# END GENERATED aliases
