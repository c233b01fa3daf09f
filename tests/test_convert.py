"""Differential tests for convert.c: hton*/ntoh*, inet_*, if_*.

Every case runs against the stdlib's _socket (the C module under the
running Python's socket.py) and pysocket._socket; results, exception types,
warnings and (except for TypeError, whose argument-parsing texts may vary
slightly) exception messages must be the same.
"""
import _socket as std
import warnings

import pytest

import pysocket._socket as ps


def outcome(mod, name, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            res = ("ok", getattr(mod, name)(*args, **kwargs))
        except Exception as e:  # compared below, never swallowed
            msg = None if isinstance(e, TypeError) else str(e)
            res = ("raise", type(e).__name__, msg)
    return res + (tuple((w.category.__name__, str(w.message)) for w in caught),)


def check(name, *args, **kwargs):
    expected = outcome(std, name, *args, **kwargs)
    got = outcome(ps, name, *args, **kwargs)
    assert got == expected
    return got


class Index:
    """An int-like object with __index__ only."""
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


BIG = 2 ** 70
SHORT_INPUTS = [0, 1, 0x1234, 0xffff, 0x10000, 0x12345, -1, -0x10000, 2 ** 31 - 1, 2 ** 31,
                2 ** 40, -2 ** 40, BIG, -BIG, True, False, Index(5), Index(0x10000),
                1.0, "1", b"1", None, [1]]


@pytest.mark.parametrize("name", ["htons", "ntohs"])
@pytest.mark.parametrize("value", SHORT_INPUTS, ids=repr)
def test_short(name, value):
    check(name, value)


LONG_INPUTS = [0, 1, 0x12345678, 2 ** 32 - 1, 2 ** 32, -1, BIG, -BIG, True, Index(5),
               1.0, "1", None]


@pytest.mark.parametrize("name", ["htonl", "ntohl"])
@pytest.mark.parametrize("value", LONG_INPUTS, ids=repr)
def test_long(name, value):
    check(name, value)


@pytest.mark.parametrize("name", ["htons", "ntohs", "htonl", "ntohl"])
def test_byteorder_arity(name):
    check(name)
    check(name, 1, 2)
    check(name, x=1)


ATON_INPUTS = ["1.2.3.4", "255.255.255.255", "0.0.0.0", "1", "127.1", "0x7f.1", "0x7f000001",
               "1.2.3.4 junk", "1.2.3.4junk", "256.1.1.1", "1.2.3.4.5", "", " ", "x",
               "1.2.3.4\0", "\udc80", "é", b"1.2.3.4", bytearray(b"1.2.3.4"), 1, None]


@pytest.mark.parametrize("value", ATON_INPUTS, ids=repr)
def test_inet_aton(value):
    check("inet_aton", value)


# inet_aton, inet_pton(AF_INET) and IPv4 address parsing read a strict
# dotted quad by hand and leave every other text to the library: the texts
# on both sides of that line must give the library's answers.
QUAD_EDGES = ["1.2.3.4", "0.0.0.0", "255.255.255.255", "256.1.1.1", "01.2.3.4", "1.2.3.04",
              "1.2.3", "1.2.3.4.", "1.2.3.4 ", "1.2.3.4 junk", " 1.2.3.4", "1..2.3",
              "1.2.3.4.5", "0x1.2.3.4", "1.2.3.0x4", "", "1", "4294967295", "1.2.3.256",
              "100.200.250.255", "1000.1.1.1", "1.2.3.-4", "+1.2.3.4", "1.2.3.4\t",
              "00.0.0.0", "0.0.0.00", "9.99.199.249", "1.2.3.4x", "1.2.3.4\n", "010.8.8.8"]


def quad_corpus():
    import random
    rnd = random.Random(1234)
    texts = list(QUAD_EDGES)
    for _ in range(3000):
        texts.append("".join(rnd.choice("0123456789.x ") for _ in range(rnd.randint(0, 16))))
    parts = [0, 1, 9, 10, 99, 100, 199, 200, 249, 250, 255, 256, 999]
    for _ in range(3000):
        texts.append(".".join(str(rnd.choice(parts + [rnd.randint(0, 300)])) for _ in range(4)))
    return texts


def test_dotted_quad_corpus():
    checked = 0
    for text in quad_corpus():
        assert outcome(ps, "inet_aton", text) == outcome(std, "inet_aton", text), text
        assert outcome(ps, "inet_pton", std.AF_INET, text) == \
            outcome(std, "inet_pton", std.AF_INET, text), text
        checked += 1
    assert checked == len(QUAD_EDGES) + 6000


# loopback texts only, each numeric to the library too (no name lookup)
LOOPBACK_TEXTS = ["127.0.0.1", "127.1.2.3", "127.255.255.254", "127.0.0.01", "127.1",
                  "0177.0.0.1", "0x7f.0.0.1"]


def test_dotted_quad_as_a_socket_address():
    for text in LOOPBACK_TEXTS:
        results = []
        for mod in (std, ps):
            s = mod.socket(std.AF_INET, std.SOCK_DGRAM)
            try:
                s.connect((text, 9))
                results.append(("ok", s.getpeername()))
            except OSError as e:
                results.append(("raise", type(e).__name__, e.errno))
            finally:
                s.close()
        assert results[0] == results[1], text


@pytest.mark.parametrize("value", [b"\x01\x02\x03\x04", b"\xff" * 4, b"123", b"12345", b"",
                                   bytearray(b"1234"), memoryview(b"x1234")[1:],
                                   memoryview(b"12345678")[::2], "1234", 1234, None],
                         ids=repr)
def test_inet_ntoa(value):
    check("inet_ntoa", value)


PTON_INPUTS = [
    (std.AF_INET, "1.2.3.4"), (std.AF_INET, "1.2.3"), (std.AF_INET, "127.1"),
    (std.AF_INET, "1.2.3.4 "), (std.AF_INET, "1.2.3.4\0"), (std.AF_INET, "::1"),
    (std.AF_INET, b"1.2.3.4"), (std.AF_INET, "\udc80"),
    (std.AF_INET6, "::1"), (std.AF_INET6, "::"), (std.AF_INET6, "::ffff:1.2.3.4"),
    (std.AF_INET6, "::ffff:127.0.0.1"), (std.AF_INET6, "fe80::1%lo"), (std.AF_INET6, "1::2::3"),
    (std.AF_INET6, "1.2.3.4"), (std.AF_INET6, "2001:db8::ff00:42:8329"),
    (std.AF_UNIX, "1.2.3.4"), (99, "1"), (2 ** 40, "1"), (1.0, "1"), ("2", "1.2.3.4"),
]


@pytest.mark.parametrize("af,value", PTON_INPUTS, ids=repr)
def test_inet_pton(af, value):
    check("inet_pton", af, value)


NTOP_INPUTS = [
    (std.AF_INET, b"\x01\x02\x03\x04"), (std.AF_INET, b"123"), (std.AF_INET, bytes(16)),
    (std.AF_INET, bytearray(b"\x7f\0\0\1")), (std.AF_INET, "1234"),
    (std.AF_INET6, bytes(16)), (std.AF_INET6, bytes(15) + b"\x01"),
    (std.AF_INET6, bytes(10) + b"\xff\xff\x7f\0\0\1"), (std.AF_INET6, b"\x01\x02\x03\x04"),
    (std.AF_INET6, memoryview(bytes(17))[1:]), (std.AF_INET6, "x" * 16),
    (99, b"1234"), (99, "1234"), (std.AF_UNIX, b"1234"), (2 ** 40, b"1234"),
]


@pytest.mark.parametrize("af,packed", NTOP_INPUTS, ids=repr)
def test_inet_ntop(af, packed):
    check("inet_ntop", af, packed)


@pytest.mark.parametrize("name,args", [("inet_pton", ()), ("inet_pton", (2,)),
                                       ("inet_pton", (2, "1", 3)), ("inet_ntop", (2,)),
                                       ("inet_aton", ()), ("inet_ntoa", ())])
def test_inet_arity(name, args):
    check(name, *args)


@pytest.mark.parametrize("packed", [bytes(range(4)), b"\x7f\0\0\1", b"\xc0\xa8\x01\x01"])
def test_inet_roundtrip(packed):
    text = check("inet_ntoa", packed)[1]
    assert check("inet_aton", text)[1] == packed
    assert check("inet_pton", std.AF_INET, text)[1] == packed


def test_if_nameindex():
    got = check("if_nameindex")
    assert (1, "lo") in got[1]
    check("if_nameindex", 1)


NAMES = ["lo", b"lo", "nope0", "", "lo\0", b"lo\0", "x" * 40, "\udcff", 1, None,
         bytearray(b"lo")]


@pytest.mark.parametrize("value", NAMES, ids=repr)
def test_if_nametoindex(value):
    check("if_nametoindex", value)


def test_if_nametoindex_pathlike():
    import pathlib
    check("if_nametoindex", pathlib.PurePosixPath("lo"))


@pytest.mark.parametrize("value", [1, 0, -1, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 64, BIG, True,
                                   12345, 1.0, "1", Index(1), None], ids=repr)
def test_if_indextoname(value):
    check("if_indextoname", value)


def test_if_roundtrip():
    for index, name in check("if_nameindex")[1]:
        assert check("if_nametoindex", name)[1] == index
        assert check("if_indextoname", index)[1] == name
