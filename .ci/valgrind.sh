#!/usr/bin/env bash
# .ci/valgrind.sh: valgrind memcheck over a representative subset of the
# suite (issue 7).  Run from the repository root:  bash .ci/valgrind.sh
#
# pysocket._socket is built (-O1 -g, plain) in a copy of the tree under a
# scratch dir; the tests run under memcheck with PYTHONMALLOC=malloc so every
# allocation is tracked.  Fails on any invalid read/write, use of
# uninitialised memory, bad free, or definite leak whose stack passes through
# pysocket's extension (CPython's own exit-time leaks are not ours).
# Knobs: PYSOCKET_VG_PYTHON, PYSOCKET_VG_WORK, PYSOCKET_VG_TESTS (pytest args).
# Exit status: 0 clean, 1 finding, 2 setup failure.
set -uo pipefail
REPO=$(pwd)
[ -f "$REPO/setup.py" ] || { echo "valgrind: run from the repository root"; exit 2; }
. "$(dirname "$0")/lib.sh"
pick_python valgrind "${PYSOCKET_VG_PYTHON:-}"
# the real interpreter (a pyenv shim is a shell script valgrind would check instead)
PY=$("$PY" -c 'import sys; print(sys.executable)') || { echo "valgrind: SETUP FAILED (python)"; exit 2; }
WORK=${PYSOCKET_VG_WORK:-$(mktemp -d /tmp/pysocket-vg.XXXXXX)}
TESTS=${PYSOCKET_VG_TESTS:-"tests/test_leaks.py tests/test_fuzz_diff.py tests/test_threads.py"}
export PIP_DISABLE_PIP_VERSION_CHECK=1 DEBIAN_FRONTEND=noninteractive
if ! command -v valgrind >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq --no-install-recommends valgrind >/dev/null 2>&1
fi
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: SETUP FAILED (no valgrind)"; exit 2; }
SRC="$WORK/src"
rm -rf "$SRC"; mkdir -p "$SRC"
tar -C "$REPO" --exclude=./.git --exclude=./build --exclude='*.so' --exclude='*.egg-info' \
    --exclude='__pycache__' -cf - . | tar -C "$SRC" -xf -
if ! (cd "$SRC" && CFLAGS="-O1 -g" PYSOCKET_WERROR=1 "$PY" setup.py build_ext --inplace \
        >"$WORK/build.log" 2>&1); then
    tail -30 "$WORK/build.log"; echo "valgrind: SETUP FAILED (build)"; exit 2
fi
"$PY" -c "import pytest" 2>/dev/null || "$PY" -m pip install -q pytest
set +e
# shellcheck disable=SC2086
(cd "$SRC" && PYTHONMALLOC=malloc PYSOCKET_LEAK_N=8 timeout -k 10 1200 valgrind --tool=memcheck \
    --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --num-callers=40 --log-file="$WORK/vg.%p.log" --trace-children=no \
    "$PY" -m pytest -q -p no:cacheprovider $TESTS) >"$WORK/pytest.log" 2>&1
rc=$?
tail -3 "$WORK/pytest.log"
# A record is attributed to pysocket when a frame is in one of its sources
# (errors.c is left out: CPython has one too; CPython and the stdlib's own _socket have known memcheck noise, e.g. the
# stdlib passing uninitialised sun_path bytes to bind/connect).
OURS="\\((pysocket/)?($(cd "$SRC/csrc" && ls *.c | grep -vx 'errors.c' | sed 's/\./\\\\./' | paste -sd'|'))[:)]|pysocket/_socket\\.cpython"
bad=0
for f in "$WORK"/vg.*.log; do
    if awk -v ours="$OURS" '
        /^==[0-9]+== (Invalid (read|write|free)|Conditional jump|Use of uninitialised|Mismatched free|Syscall param|Source and destination overlap|.*definitely lost in loss record)/ {
            rec = 1; buf = $0; next }
        rec && /^==[0-9]+== *$/ { if (buf ~ ours) { print buf "\n"; found = 1 }; rec = 0; next }
        rec { buf = buf "\n" $0 }
        END { exit found ? 0 : 1 }' "$f"; then
        bad=1
    fi
done
if [ $bad -ne 0 ]; then echo "valgrind: FAIL: memcheck findings (logs in $WORK)"; exit 1; fi
if [ $rc -ne 0 ]; then echo "valgrind: FAIL: tests exited $rc under valgrind (log $WORK/pytest.log)"; exit 1; fi
echo "valgrind: OK: $(grep -Eo '[0-9]+ passed[^=]*' "$WORK/pytest.log" | tail -1) under memcheck; no invalid accesses, no definite leaks in pysocket"
[ -z "${PYSOCKET_VG_WORK:-}" ] && rm -rf "$WORK"
exit 0
