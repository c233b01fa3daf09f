"""Helpers shared by the Python-layer tests (tests/test_pylayer_*.py): run a
scenario against the stdlib socket module and pysocket and compare."""
import socket as std_socket

import pytest

import pysocket

MODULES = {"socket": std_socket, "pysocket": pysocket}


@pytest.fixture(params=sorted(MODULES))
def mod(request):
    return MODULES[request.param]


def exc_key(exc, mod):
    """A comparable name for an exception raised by module `mod`."""
    for name in ("timeout", "gaierror", "herror"):
        if type(exc) is getattr(mod, name):
            return "socket." + name
    return type(exc).__name__


def outcome(scenario, mod):
    try:
        return ("ok", scenario(mod))
    except Exception as exc:
        return ("raise", exc_key(exc, mod), str(exc))


def both(scenario):
    """Run scenario(mod) for both modules; they must agree.  Returns the
    common outcome so a test can also check it is what it expects."""
    std = outcome(scenario, std_socket)
    ours = outcome(scenario, pysocket)
    assert ours == std
    return std
