"""Writes the integer constants of the running Python's `_socket` module as a
JSON object {name: value}, sorted by name.

The committed snapshot, socket313_linux_constants.json, was made with CPython
3.13 on Linux:

    /root/.pyenv/versions/3.13.0/bin/python tests/data/make_snapshot.py \
        tests/data/socket313_linux_constants.json

It lets tests on older Pythons check that pysocket offers every name 3.13 has.
The CPU architecture is recorded because a few numbers (the SO_* options)
differ between architectures.
Only plain ints count (has_ipv6 is a bool; the enums socket.py builds are made
from these same ints).
"""
import json
import platform
import sys

import _socket


def int_constants(mod):
    out = {}
    for name in dir(mod):
        value = getattr(mod, name)
        if type(value) is int:
            out[name] = value
    return out


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: make_snapshot.py OUTPUT.json")
    data = {
        "python": platform.python_version(),
        "platform": sys.platform,
        "machine": platform.machine(),
        "constants": int_constants(_socket),
    }
    with open(argv[1], "w", encoding="ascii") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv)
