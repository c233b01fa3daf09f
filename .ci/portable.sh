#!/usr/bin/env bash
# .ci/portable.sh: the whole test suite against a PYSOCKET_PORTABLE=1 build
# (issue 8): the code paths meant for libcs other than glibc -- FD_CLOEXEC set
# after socket()/socketpair()/accept()/recvmsg(), loops instead of
# recvmmsg()/sendmmsg(), the classic netdb calls under a lock instead of the
# *_r ones -- compiled with warnings as errors and run on Linux.  Run from the
# repository root:  bash .ci/portable.sh [python]
# Builds in a scratch copy so the in-place build is left alone.
# Exit status: 0 clean, 1 test or symbol-check failure, 2 setup failure.
set -uo pipefail

REPO=$(pwd)
[ -f "$REPO/setup.py" ] && [ -d "$REPO/csrc" ] || { echo "portable: run from the repository root"; exit 2; }
. "$(dirname "$0")/lib.sh"
pick_python portable "${1:-}"
WORK=$(mktemp -d /tmp/pysocket-portable.XXXXXX)
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
unset PYSOCKET_TEST_FAKE

tar -C "$REPO" --exclude=./.git --exclude=./build --exclude='*.so' \
    --exclude='*.egg-info' --exclude='./.venv*' -cf - . | tar -C "$WORK" -xf - \
    || { echo "portable: SETUP FAILED (copy)"; exit 2; }
"$PY" -m venv "$WORK/venv" && "$WORK/venv/bin/python" -m pip install -q -U pip setuptools wheel \
    >"$WORK/setup.log" 2>&1 || { tail -20 "$WORK/setup.log"; echo "portable: SETUP FAILED (venv)"; exit 2; }
if ! (cd "$WORK" && PYSOCKET_PORTABLE=1 PYSOCKET_WERROR=1 "$WORK/venv/bin/python" -m pip install -v \
        --no-build-isolation -e ".[test]" >"$WORK/build.log" 2>&1); then
    tail -40 "$WORK/build.log"; echo "portable: FAIL: the portable build failed"; exit 1
fi
grep -q -- '-DPYSOCK_FORCE_PORTABLE=1' "$WORK/build.log" \
    || { echo "portable: FAIL: the build did not use -DPYSOCK_FORCE_PORTABLE=1"; exit 1; }

# The glibc-only calls must be gone from the extension: proof that the
# fallbacks, not the conveniences, were compiled.
SO=$(ls "$WORK"/pysocket/_socket*.so)
LINUXONLY=$(nm -D --undefined-only "$SO" | grep -oE '\b(accept4|recvmmsg|sendmmsg|gethostbyname_r|gethostbyaddr_r|getservbyname_r|getservbyport_r|getprotobyname_r)\b' | sort -u)
if [ -n "$LINUXONLY" ]; then
    echo "portable: FAIL: the portable build still calls:" $LINUXONLY; exit 1
fi

if (cd "$WORK" && timeout 900 "$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider >"$WORK/pytest.log" 2>&1); then
    tail -n 1 "$WORK/pytest.log"
    echo "portable: OK (the whole suite on the portable build)"
    rm -rf "$WORK"
    exit 0
fi
tail -40 "$WORK/pytest.log"
echo "portable: FAIL: the test suite failed on the portable build; log: $WORK/pytest.log"
exit 1
