"""The four enums of the socket module, built from pysocket._socket's constants.

The C module only knows integers.  Like the stdlib, pysocket turns the
AF_*, SOCK_*, MSG_* and AI_* constants into enum members so that they print
by name:

    AddressFamily  IntEnum   AF_*
    SocketKind     IntEnum   SOCK_*
    MsgFlag        IntFlag   MSG_*
    AddressInfo    IntFlag   AI_*

The classes are made with the enum module's public ``_convert_`` classmethod,
the same constructor the stdlib uses, so repr(), str(), format(), the choice
of canonical name among aliases (lowest name of equal values) and pickling
follow the running Python's own rules on every version (e.g. str(AF_INET) is
'AddressFamily.AF_INET' on 3.9/3.10 and '2' from 3.11 on).

``_convert_`` also stores every member under its name in this module; the
package re-exports them (see __all__ below), which replaces the plain ints
of ``from ._socket import *`` in the public namespace.
"""
from enum import IntEnum, IntFlag

from . import _socket


def _prefixed(prefix):
    """A _convert_ filter: upper-case names starting with `prefix`."""
    return lambda name: name.isupper() and name.startswith(prefix)


AddressFamily = IntEnum._convert_(
    "AddressFamily", __name__, _prefixed("AF_"), source=_socket)
SocketKind = IntEnum._convert_(
    "SocketKind", __name__, _prefixed("SOCK_"), source=_socket)
MsgFlag = IntFlag._convert_(
    "MsgFlag", __name__, _prefixed("MSG_"), source=_socket)
AddressInfo = IntFlag._convert_(
    "AddressInfo", __name__, _prefixed("AI_"), source=_socket)


# The member of each value: what AddressFamily(value) / SocketKind(value)
# return, as a dict lookup instead of a call through EnumMeta (about 0.3 us
# each).  Aliases share their canonical member's value, as in the call.
_FAMILY_MEMBERS = {member.value: member for member in AddressFamily}
_KIND_MEMBERS = {member.value: member for member in SocketKind}


def _intenum_converter(value, enum_klass):
    """Return `enum_klass(value)`, or `value` itself when it is no member."""
    try:
        return enum_klass(value)
    except ValueError:
        return value


__all__ = ["AddressFamily", "SocketKind", "MsgFlag", "AddressInfo"]
for _enum in (AddressFamily, SocketKind, MsgFlag, AddressInfo):
    # __members__ includes aliases (AF_ROUTE is AF_NETLINK on Linux).
    __all__.extend(_enum.__members__)
del _enum
