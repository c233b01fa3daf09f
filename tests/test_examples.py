"""Runs every program in examples/ and `python -m pysocket`.

Differential: each example runs twice, once importing pysocket and once with
`pysocket` standing for the stdlib's socket module (a one-line shim put first
on PYTHONPATH), and both runs must print exactly the expected output (the
one deliberate difference, inheritable received fds, is spelled out).  Only loopback
addresses and AF_UNIX are used.  Every wait is bounded by a timeout, so a hung
example fails the test instead of hanging the suite.
"""
import os
import re
import select
import socket as stdlib_socket
import subprocess
import sys

import pytest

import pysocket

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")
# The directory holding the pysocket package this test process imported: the
# examples must import that one (the build for this Python), not another.
PYSOCKET_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(pysocket.__file__)))
TIMEOUT = 30  # seconds: a generous bound for any single example step

SHIM = "import socket, sys\nsys.modules[__name__] = socket\n"


@pytest.fixture(params=["stdlib", "pysocket"])
def impl(request, tmp_path):
    """The environment in which `import pysocket` gives the implementation
    named by the parameter, and a check that it really does."""
    env = dict(os.environ)
    if request.param == "stdlib":
        shim_dir = tmp_path / "shim"
        shim_dir.mkdir()
        (shim_dir / "pysocket.py").write_text(SHIM)
        path = [str(shim_dir)]
    else:
        path = [PYSOCKET_PARENT]
    env["PYTHONPATH"] = os.pathsep.join(path + [p for p in [env.get("PYTHONPATH")] if p])
    probe = subprocess.run(
        [sys.executable, "-c", "import pysocket; print(pysocket.__name__, pysocket.__file__)"],
        env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=TIMEOUT)
    assert probe.returncode == 0, probe.stderr
    name, where = probe.stdout.split()
    if request.param == "stdlib":
        assert name == "socket"
    else:
        assert name == "pysocket"
        assert os.path.realpath(where) == os.path.realpath(pysocket.__file__)
    return request.param, env, tmp_path


def example(name):
    return [sys.executable, os.path.join(EXAMPLES, name)]


def run(cmd, env, cwd):
    proc = subprocess.run(cmd, env=env, cwd=str(cwd), capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert proc.returncode == 0, "%s failed:\n%s%s" % (cmd, proc.stdout, proc.stderr)
    return proc.stdout


class Server:
    """A server example in a subprocess that prints 'listening on HOST PORT'
    first and exits by itself after --count connections or datagrams."""

    def __init__(self, cmd, env, cwd):
        self.proc = subprocess.Popen(cmd, env=env, cwd=str(cwd), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        try:
            ready, _, _ = select.select([self.proc.stdout], [], [], TIMEOUT)
            assert ready, "server printed nothing within %ds" % TIMEOUT
            line = self.proc.stdout.readline()
            match = re.fullmatch(r"listening on (\S+) (\d+)\n", line)
            assert match, "server did not start: %r %s" % (line, self.stderr_now())
        except BaseException:
            self.kill()
            raise
        self.host, self.port = match.group(1), int(match.group(2))

    def stderr_now(self):
        """The server's stderr if it has ended (it closed its stdout), else a note."""
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return "(still running)"
        return self.proc.stderr.read()

    def finish(self):
        """Waits for the server to exit by itself; returns the rest of its output."""
        try:
            out, err = self.proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        assert self.proc.returncode == 0, "server failed:\n%s%s" % (out, err)
        return out

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


def test_echo_server_and_client(impl):
    _, env, cwd = impl
    server = Server(example("echo_server.py") + ["--count", "2"], env, cwd)
    try:
        first = run(example("echo_client.py") + ["127.0.0.1", str(server.port), "hello", " world"],
                    env, cwd)
        # 300 kB in 10 kB messages, one in flight at a time.
        second = run(example("echo_client.py") + ["127.0.0.1", str(server.port),
                                                  "0123456789" * 1000, "--repeat", "30"], env, cwd)
    except BaseException:
        server.kill()
        raise
    served = server.finish()
    assert first == "received b'hello world'\n"
    assert second == "received %r\n" % (b"0123456789" * 30000)
    assert served == "echoed 11 bytes to 127.0.0.1\nechoed 300000 bytes to 127.0.0.1\n"


def _ipv6_loopback_error():
    """Why ::1 cannot be used on this machine, or None when it can."""
    if not stdlib_socket.has_ipv6:
        return "the stdlib socket module has no IPv6 support"
    try:
        with stdlib_socket.socket(stdlib_socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError as e:
        return "no IPv6 loopback (::1) on this machine: %s" % e
    return None


def test_dualstack_server_and_client(impl):
    reason = _ipv6_loopback_error()
    if reason:
        pytest.skip(reason)
    _, env, cwd = impl
    server = Server(example("dualstack_server.py") + ["--count", "2"], env, cwd)
    assert server.host == "::"
    port = str(server.port)
    try:
        over_v4 = run(example("dualstack_client.py") + ["127.0.0.1", port], env, cwd)
        over_v6 = run(example("dualstack_client.py") + ["::1", port], env, cwd)
    except BaseException:
        server.kill()
        raise
    served = server.finish()
    assert over_v4 == ("connected to 127.0.0.1 port %s over AF_INET\n"
                       "server says: hello IPv4 client ::ffff:127.0.0.1\n" % port)
    assert over_v6 == ("connected to ::1 port %s over AF_INET6\n"
                       "server says: hello IPv6 client ::1\n" % port)
    assert served == "greeted IPv4 client ::ffff:127.0.0.1\ngreeted IPv6 client ::1\n"


def test_udp_sender_and_receiver(impl):
    _, env, cwd = impl
    server = Server(example("udp_receiver.py") + ["--count", "3"], env, cwd)
    try:
        sent = run(example("udp_sender.py") + ["127.0.0.1", str(server.port), "one", "two", "3"],
                   env, cwd)
    except BaseException:
        server.kill()
        raise
    received = server.finish()
    assert sent == ("sent b'one', answer b'ONE'\n"
                    "sent b'two', answer b'TWO'\n"
                    "sent b'3', answer b'3'\n")
    assert received == ("datagram 1 from 127.0.0.1: b'one'\n"
                        "datagram 2 from 127.0.0.1: b'two'\n"
                        "datagram 3 from 127.0.0.1: b'3'\n")


def test_fd_passing(impl):
    which, env, cwd = impl
    paths = []
    for i, text in enumerate([b"first file\nline 2\n", b"second\n", b""]):
        path = cwd / ("file%d.txt" % i)
        path.write_bytes(text)
        paths.append(str(path))
    out = run(example("fd_passing.py") + paths, env, cwd)
    # The one deliberate difference: the stdlib's recv_fds returns inheritable
    # descriptors, pysocket's are non-inheritable (PEP 446).
    inheritable = "True" if which == "stdlib" else "False"
    assert out == ("file0.txt: 18 bytes, first line b'first file', inheritable={0}\n"
                   "file1.txt: 7 bytes, first line b'second', inheritable={0}\n"
                   "file2.txt: 0 bytes, first line b'', inheritable={0}\n"
                   "received 3 descriptors for 3 names\n".format(inheritable))


def test_python_m_pysocket(tmp_path):
    """The self-check passes, in a directory where only the installed (or
    PYTHONPATH) pysocket can be found."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([PYSOCKET_PARENT] + [p for p in [env.get("PYTHONPATH")] if p])
    proc = subprocess.run([sys.executable, "-m", "pysocket"], env=env, cwd=str(tmp_path),
                          capture_output=True, text=True, timeout=TIMEOUT)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert lines[0].startswith("pysocket ")
    assert any(line.startswith("Python %d.%d." % sys.version_info[:2]) for line in lines)
    assert re.fullmatch(r"pysocket self-check: PASS \(\d+ of \d+ checks ok, 0 failed, \d+ skipped\)",
                        lines[-1])
    for check in ("TCP over 127.0.0.1", "UDP over 127.0.0.1", "Unix stream socket",
                  "stdlib socket not imported"):
        assert "  ok    " + check in lines


def test_readme_usage(impl):
    """The README's usage example runs and prints what its comment says."""
    _, env, cwd = impl
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    usage = [b for b in blocks if "srv.accept()" in b]
    assert len(usage) == 1, "README.md should hold one usage example with a server"
    out = run([sys.executable, "-c", usage[0]], env, cwd)
    assert out == "b'ping'\n"
