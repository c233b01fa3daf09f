"""Fixtures for the differential tests.

`sm` ("socket module") is parametrized over the stdlib `socket` module and
`pysocket` (ids "stdlib" and "pysocket"): every test that takes it runs on
both, and the stdlib run validates the test itself.

Debug switch: PYSOCKET_TEST_FAKE=1 maps the "pysocket" side to the stdlib
(to check the tests before the C core builds).  It is off by default and the
session header says so loudly when it is on.
"""
import os
import signal
import socket as stdlib_socket

import pytest

from util import Closer, socket_fds

FAKE = os.environ.get("PYSOCKET_TEST_FAKE") == "1"


def pytest_report_header(config):
    if FAKE:
        return "PYSOCKET_TEST_FAKE=1: the 'pysocket' side IS THE STDLIB socket module"
    return None


def _load(name):
    if name == "stdlib" or FAKE:
        return stdlib_socket
    import pysocket
    return pysocket


@pytest.fixture(params=["stdlib", "pysocket"])
def sm(request):
    """The socket module under test."""
    return _load(request.param)


@pytest.fixture
def pysocket_mod():
    """pysocket itself (for the explicit side-by-side comparisons)."""
    return _load("pysocket")


@pytest.fixture
def closer():
    c = Closer()
    yield c
    c.close_all()


@pytest.fixture
def default_timeout_restored(sm):
    """Restores both modules' default timeouts after the test."""
    saved = (stdlib_socket.getdefaulttimeout(), sm.getdefaulttimeout())
    yield
    stdlib_socket.setdefaulttimeout(saved[0])
    sm.setdefaulttimeout(saved[1])


@pytest.fixture(autouse=True)
def _no_leaked_sockets():
    """Fails a test that leaves socket fds open (the tests must close them)."""
    before = socket_fds()
    saved = {s: signal.getsignal(s) for s in (signal.SIGALRM, signal.SIGUSR1)}
    yield
    for s, h in saved.items():
        signal.signal(s, h)
    leaked = socket_fds() - before
    if leaked:
        import gc
        gc.collect()
        leaked = socket_fds() - before
    assert not leaked, "test leaked socket fds %s" % sorted(leaked)
