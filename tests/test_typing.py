"""The type stubs of pysocket (pysocket/*.pyi, py.typed).

Without mypy: the stubs' name lists agree with the built module and with
the stdlib's API that pysocket implements (read with ast), and the typed
example program runs.  With mypy importable: stubtest passes against the
built module, the example passes `mypy --strict`, and mypy, through the
stubs, accepts correct code with the expected types and rejects wrong code.
.ci/typecheck.sh is the CI path that installs mypy and always runs those.
"""
import ast
import os
import socket as stdlib_socket
import subprocess
import sys
from pathlib import Path

import pytest

import pysocket
from pysocket import _socket

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "pysocket"
STUBS = ("__init__.pyi", "_socket.pyi", "_sock.pyi", "_helpers.pyi", "_enums.pyi")

try:
    import mypy  # noqa: F401
    HAVE_MYPY = True
except ImportError:
    HAVE_MYPY = False
needs_mypy = pytest.mark.skipif(not HAVE_MYPY, reason="mypy not installed")


def parse_stub(name):
    return ast.parse((PKG / name).read_text(), filename=name)


def _defined(body):
    """Names a stub body defines (recursing into `if` blocks), public or not,
    including explicit re-exports `import x as x` / `from m import x as x`."""
    names = set()
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update(a.asname for a in node.names if a.asname == a.name)
        elif isinstance(node, ast.If):
            names |= _defined(node.body) | _defined(node.orelse)
    return names


def class_members(tree, cls_name):
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls_name:
            return _defined(node.body)
    raise AssertionError("no class %s in the stub" % cls_name)


def stub_all(tree):
    for node in tree.body:
        if (isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)):
            return ast.literal_eval(node.value)
    raise AssertionError("the stub has no __all__")


def public(names):
    return {n for n in names if not n.startswith("_")}


def run(args, **kwargs):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(args, cwd=str(ROOT), env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True,
                          timeout=600, **kwargs)


# --- without mypy ----------------------------------------------------------

def test_py_typed_and_stubs_present():
    assert (PKG / "py.typed").is_file()
    for name in STUBS:
        assert (PKG / name).is_file(), name


def test_generated_name_lists_current():
    """The blocks .ci/regen_stub_names.py writes match the built module."""
    done = run([sys.executable, ".ci/regen_stub_names.py", "--check"])
    assert done.returncode == 0, done.stdout


def test_c_module_names_match_stub():
    runtime = public(dir(_socket))
    stub = public(_defined(parse_stub("_socket.pyi").body))
    assert sorted(runtime - stub) == []     # untyped names
    assert sorted(stub - runtime) == []     # typed names that do not exist


def test_package_all_matches_stub():
    assert sorted(stub_all(parse_stub("__init__.pyi"))) == sorted(pysocket.__all__)


def test_package_names_typed():
    """Every name of pysocket.__all__ is defined or re-exported by the stubs
    of the package (__init__.pyi and the _enums.pyi it star-imports)."""
    init = _defined(parse_stub("__init__.pyi").body)
    enums = set(stub_all(parse_stub("_enums.pyi")))
    assert sorted(set(pysocket.__all__) - init - enums) == []


def _socket_class_stub_members():
    return (class_members(parse_stub("_sock.pyi"), "socket")
            | class_members(parse_stub("_socket.pyi"), "socket"))


def test_socket_methods_typed(sm):
    """Each public attribute of the socket class of `sm` (the stdlib's or
    pysocket's) that pysocket's socket has is declared in the stubs."""
    runtime = public(dir(sm.socket)) & public(dir(pysocket.socket))
    assert sorted(runtime - _socket_class_stub_members()) == []


def test_socketio_typed(sm):
    stub = class_members(parse_stub("_sock.pyi"), "SocketIO")
    own = public(vars(sm.SocketIO)) & public(vars(pysocket.SocketIO))
    assert sorted(own - stub) == []


def test_enum_members_typed(sm):
    """The stubbed enums hold every member the runtime's enums have, with
    the runtime's values (checked for the names the stdlib also has)."""
    tree = parse_stub("_enums.pyi")
    for cls_name in ("AddressFamily", "SocketKind", "MsgFlag", "AddressInfo"):
        cls = getattr(sm, cls_name)
        stub = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == cls_name:
                for item in node.body:
                    if isinstance(item, ast.Assign):
                        stub[item.targets[0].id] = ast.literal_eval(item.value)
        ours = getattr(pysocket, cls_name).__members__
        for name, member in cls.__members__.items():
            if name in ours:
                assert stub.get(name) == int(member), (cls_name, name)


def test_typed_example_runs():
    done = run([sys.executable, "examples/typed_echo.py", "one", "two words"])
    assert done.returncode == 0, done.stdout
    assert "echo: 2 of 2 round trips matched" in done.stdout


# --- with mypy -------------------------------------------------------------

@needs_mypy
def test_stubtest():
    done = run([sys.executable, "-m", "mypy.stubtest", "pysocket",
                "--allowlist", "tests/stubtest_allowlist.txt",
                "--mypy-config-file", "tests/stubtest_mypy.ini"])
    assert done.returncode == 0, done.stdout


@needs_mypy
def test_example_mypy_strict(tmp_path):
    done = run([sys.executable, "-m", "mypy", "--strict", "--cache-dir",
                str(tmp_path / "cache"), "examples/typed_echo.py"])
    assert done.returncode == 0, done.stdout


USE = '''\
import io
import pysocket

s = pysocket.socket()
reveal_type(pysocket.AF_INET)
reveal_type(s.family)
reveal_type(s.accept())
reveal_type(s.makefile("rb"))
reveal_type(s.makefile("w"))
reveal_type(s.recv(10))
reveal_type(pysocket.getaddrinfo("127.0.0.1", 80)[0][0])
reveal_type(pysocket._socket.socket().family)
reveal_type(pysocket.create_connection(("127.0.0.1", 1)))
reveal_type(pysocket.socketpair())
reveal_type(pysocket.timeout)
reveal_type(pysocket.SOL_SOCKET)
s.recv("10")
pysocket.inet_aton(b"127.0.0.1")
pysocket.create_server(("", 0), backlog="5")
pysocket.no_such_name
'''

EXPECTED_REVEALS = [
    "pysocket._enums.AddressFamily",
    "pysocket._enums.AddressFamily",
    "tuple[pysocket._sock.socket, Any]",
    "io.BufferedReader",
    "io.TextIOWrapper",
    '"bytes"',
    "pysocket._enums.AddressFamily",
    '"int"',
    "pysocket._sock.socket",
    "tuple[pysocket._sock.socket, pysocket._sock.socket]",
    "TimeoutError" if sys.version_info >= (3, 10) else "pysocket._socket.timeout",
    '"int"',
]


@needs_mypy
def test_mypy_sees_the_types(tmp_path):
    """mypy, through the stubs, infers the API's types and rejects misuse."""
    prog = tmp_path / "use_pysocket.py"
    prog.write_text(USE)
    done = run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
                "--cache-dir", str(tmp_path / "cache"), str(prog)])
    lines = done.stdout.splitlines()
    # Older mypy spells builtins with their module ("builtins.int").
    reveals = [ln.split("Revealed type is ", 1)[1].replace("builtins.", "")
               for ln in lines if "Revealed type is " in ln]
    assert len(reveals) == len(EXPECTED_REVEALS), done.stdout
    for got, want in zip(reveals, EXPECTED_REVEALS):
        assert want in got, (got, want)
    errors = [ln for ln in lines if ": error:" in ln]
    first_bad = USE.splitlines().index('s.recv("10")') + 1
    bad_lines = sorted({int(ln.split(":")[1]) for ln in errors})
    assert bad_lines == list(range(first_bad, first_bad + 4)), done.stdout
