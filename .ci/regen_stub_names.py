"""Regenerate the name lists of pysocket's type stubs from the built module.

    python .ci/regen_stub_names.py          # rewrite the generated blocks
    python .ci/regen_stub_names.py --check  # exit 1 if a block is stale

The constants of pysocket._socket depend on what the C core was built with
(families, options...), so the parts of the stubs that only list names are
generated, between "# BEGIN GENERATED <tag>" and "# END GENERATED <tag>"
lines; everything else in the .pyi files is written by hand.  Run it from
the repository root after building the extension in place, whenever a
branch adds or removes a constant or a public name.

Blocks:
    pysocket/_socket.pyi   constants   NAME: int (or str) for every constant
    pysocket/_enums.pyi    enums_all   __all__ of pysocket._enums
    pysocket/_enums.pyi    enums       members of the four enums
    pysocket/_enums.pyi    aliases     AF_INET = AddressFamily.AF_INET ...
    pysocket/__init__.pyi  reexports   the constants of _socket that are
                                       no enum member
    pysocket/__init__.pyi  all         __all__ as the runtime builds it
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import pysocket  # noqa: E402
from pysocket import _socket  # noqa: E402

ENUMS = (("AddressFamily", "AF_"), ("SocketKind", "SOCK_"),
         ("MsgFlag", "MSG_"), ("AddressInfo", "AI_"))


def constants():
    """Names of the int and str constants of _socket, sorted."""
    return sorted(n for n in dir(_socket) if not n.startswith("_")
                  and type(getattr(_socket, n)) in (int, str))


def enum_members(cls_name):
    cls = getattr(pysocket, cls_name)
    # __members__ keeps aliases (AF_ROUTE == AF_NETLINK): list them all.
    return sorted(cls.__members__.items())


def wrap(prefix, names, suffix, width=79):
    """`prefix` + comma-separated names on continuation lines + `suffix`."""
    lines, line = [prefix], "    "
    for name in names:
        item = name + ", "
        if len(line) + len(item) > width:
            lines.append(line.rstrip())
            line = "    "
        line += item
    if line.strip():
        lines.append(line.rstrip())
    lines.append(suffix)
    return lines


def blocks():
    consts = constants()
    in_enum = set()
    enums, aliases = [], []
    for cls_name, _prefix in ENUMS:
        base = "IntEnum" if cls_name in ("AddressFamily", "SocketKind") else "IntFlag"
        enums.append("class %s(%s):" % (cls_name, base))
        for name, member in enum_members(cls_name):
            enums.append("    %s = %d" % (name, int(member)))
            aliases.append("%s = %s.%s" % (name, cls_name, name))
            in_enum.add(name)
        enums.append("")
    while enums and not enums[-1]:
        enums.pop()
    plain = [n for n in consts if n not in in_enum]
    reexports = wrap("from pysocket._socket import (",
                     ["%s as %s" % (n, n) for n in plain], ")")
    all_names = ['"%s"' % n for n in pysocket.__all__]
    from pysocket import _enums
    enums_all = wrap("__all__ = [", ['"%s"' % n for n in _enums.__all__], "]")
    return {
        ("pysocket/_socket.pyi", "constants"):
            ["%s: %s" % (n, type(getattr(_socket, n)).__name__) for n in consts],
        ("pysocket/_enums.pyi", "enums_all"): enums_all,
        ("pysocket/_enums.pyi", "enums"): enums,
        ("pysocket/_enums.pyi", "aliases"): aliases,
        ("pysocket/__init__.pyi", "reexports"): reexports,
        ("pysocket/__init__.pyi", "all"): wrap("__all__ = [", all_names, "]"),
    }


def rewrite(text, tag, lines):
    pattern = re.compile(r"(# BEGIN GENERATED %s\b[^\n]*\n).*?(# END GENERATED %s\b)"
                         % (tag, tag), re.S)
    if not pattern.search(text):
        raise SystemExit("no GENERATED %s block" % tag)
    body = "\n".join(lines) + "\n"
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def main(argv):
    check = "--check" in argv
    by_file = {}
    for (path, tag), lines in blocks().items():
        by_file.setdefault(path, []).append((tag, lines))
    stale = []
    for path, items in by_file.items():
        full = os.path.join(ROOT, path)
        with open(full) as f:
            old = f.read()
        new = old
        for tag, lines in items:
            new = rewrite(new, tag, lines)
        if new != old:
            stale.append(path)
            if not check:
                with open(full, "w") as f:
                    f.write(new)
    if check and stale:
        print("stale generated blocks in: " + ", ".join(stale)
              + " (run python .ci/regen_stub_names.py)")
        return 1
    for path in stale:
        print("rewrote " + path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
