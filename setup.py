"""Build script for pysocket: one C extension, pysocket._socket, from csrc/.

Every csrc/*.c file is part of the extension; csrc/pysocket.h is the only
header the .c files include.  Set PYSOCKET_WERROR=1 to turn warnings into
errors (CI does), PYSOCKET_SANITIZE=1 for an ASan+UBSan build, and
PYSOCKET_PORTABLE=1 to build the fallbacks meant for libcs other than glibc.
"""
import glob
import os

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def _flags():
    cflags = ["-std=c99", "-Wall", "-Wextra", "-Wno-missing-field-initializers",
              "-Wno-cast-function-type", "-fno-strict-aliasing"]
    ldflags = []
    if os.environ.get("PYSOCKET_WERROR"):
        cflags.append("-Werror")
    if os.environ.get("PYSOCKET_SANITIZE"):
        san = ["-fsanitize=address,undefined", "-fno-omit-frame-pointer",
               "-fno-sanitize-recover=undefined"]
        cflags += san + ["-O1", "-g"]
        ldflags += san
    if os.environ.get("PYSOCKET_PORTABLE"):
        # the portable code paths of platform.h, compiled and tested on Linux
        cflags.append("-DPYSOCK_FORCE_PORTABLE=1")
    if os.environ.get("PYSOCKET_DEBUG"):
        cflags += ["-O0", "-g", "-UNDEBUG"]
    return cflags, ldflags


_cflags, _ldflags = _flags()

ext = Extension(
    "pysocket._socket",
    sources=sorted(os.path.relpath(p, HERE)
                   for p in glob.glob(os.path.join(HERE, "csrc", "*.c"))),
    depends=sorted(os.path.relpath(p, HERE)
                   for p in glob.glob(os.path.join(HERE, "csrc", "*.h"))),
    include_dirs=["csrc"],
    define_macros=[("_GNU_SOURCE", "1")],
    extra_compile_args=_cflags,
    extra_link_args=_ldflags,
)

setup(ext_modules=[ext])
