#!/usr/bin/env bash
# .ci/sanitize.sh: the whole test suite against an ASan+UBSan build of
# pysocket._socket (issue 7).  Run from the repository root:
#
#     bash .ci/sanitize.sh [extra pytest args]
#
# The extension is built with PYSOCKET_SANITIZE=1 (setup.py adds
# -fsanitize=address,undefined) in a copy of the tree under a scratch dir, so
# the in-place build is left alone.  The uninstrumented interpreter runs with
# libasan preloaded; PYTHONMALLOC=malloc sends every Python allocation through
# ASan's allocator too.  Leak detection is off (CPython leaks at exit by
# design; leaks are the job of tests/test_leaks.py and .ci/valgrind.sh).
# Reports are also written to log files, so a report from a subprocess a test
# started (and whose crash the test may have tolerated) still fails the run.
#
# Knobs: PYSOCKET_SAN_PYTHON (interpreter, default python3.11 or python3),
#        PYSOCKET_SAN_WORK (scratch dir, default mktemp), PYSOCKET_SAN_TIMEOUT
#        (seconds for the suite, default 900).
# Exit status: 0 clean, 1 any finding or test failure, 2 setup failure.
set -uo pipefail

REPO=$(pwd)
[ -f "$REPO/setup.py" ] && [ -d "$REPO/csrc" ] || { echo "sanitize: run from the repository root"; exit 2; }
. "$(dirname "$0")/lib.sh"
pick_python sanitize "${PYSOCKET_SAN_PYTHON:-}"
WORK=${PYSOCKET_SAN_WORK:-$(mktemp -d /tmp/pysocket-san.XXXXXX)}
TIMEOUT=${PYSOCKET_SAN_TIMEOUT:-900}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 DEBIAN_FRONTEND=noninteractive

need_libasan sanitize

SRC="$WORK/src"
rm -rf "$SRC" "$WORK/reports"; mkdir -p "$SRC" "$WORK/reports"
tar -C "$REPO" --exclude=./.git --exclude=./build --exclude='*.so' --exclude='*.egg-info' \
    --exclude='__pycache__' --exclude=./.venv -cf - . | tar -C "$SRC" -xf -

VENV="$WORK/venv"
"$PY" -m venv --system-site-packages "$VENV" || { echo "sanitize: SETUP FAILED (venv)"; exit 2; }
"$VENV/bin/python" -c "import pytest" 2>/dev/null || "$VENV/bin/python" -m pip install -q pytest \
    || { echo "sanitize: SETUP FAILED (pip install pytest)"; exit 2; }
"$VENV/bin/python" -m pip install -q setuptools wheel >/dev/null 2>&1 || true

echo "sanitize: building with PYSOCKET_SANITIZE=1 in $SRC ($("$VENV/bin/python" -V))"
if ! (cd "$SRC" && PYSOCKET_SANITIZE=1 PYSOCKET_WERROR=1 "$VENV/bin/python" setup.py build_ext --inplace \
        >"$WORK/build.log" 2>&1); then
    tail -40 "$WORK/build.log"; echo "sanitize: SETUP FAILED (sanitizer build)"; exit 2
fi
grep -q -- '-fsanitize=address,undefined' "$WORK/build.log" \
    || { echo "sanitize: SETUP FAILED (the build did not use -fsanitize)"; exit 2; }

# The run itself.  A report kills the process (abort_on_error, halt_on_error),
# so pytest dies with exit != 0.  --capture=sys keeps fd 2 on the real stderr:
# with pytest's default fd capture a report written just before the process
# dies would be lost in a capture file.  ASan also writes to log_path (the pid
# is appended), which catches reports from subprocesses the tests start.
set +e
(cd "$SRC" && env LD_PRELOAD="$LIBASAN" PYTHONMALLOC=malloc \
    ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=0:log_path=$WORK/reports/asan" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$WORK/reports/ubsan" \
    timeout -k 10 "$TIMEOUT" "$VENV/bin/python" -m pytest -q -p no:cacheprovider --capture=sys "$@" tests) \
    >"$WORK/pytest.log" 2>&1
rc=$?

tail -15 "$WORK/pytest.log"
reports=$(find "$WORK/reports" -type f 2>/dev/null | sort)
if grep -Eq 'runtime error:|ERROR: (Address|Undefined|Leak)Sanitizer|SUMMARY: (Address|Undefined)' "$WORK/pytest.log"; then
    grep -E -A40 'runtime error:|ERROR: (Address|Undefined)Sanitizer' "$WORK/pytest.log" | head -80
    reports="$reports $WORK/pytest.log"
fi
if [ -n "${reports// /}" ]; then
    for f in $reports; do [ "$f" = "$WORK/pytest.log" ] || { echo "----- $f"; head -60 "$f"; }; done
    echo "sanitize: FAIL: sanitizer report(s) in: $reports (suite exit $rc); logs in $WORK"
    exit 1
fi
if [ $rc -ne 0 ]; then
    echo "sanitize: FAIL: the test suite exited $rc under ASan+UBSan; log: $WORK/pytest.log"
    exit 1
fi
echo "sanitize: OK: $(grep -Eo '[0-9]+ passed[^=]*' "$WORK/pytest.log" | tail -1) under ASan+UBSan, no reports"
[ -z "${PYSOCKET_SAN_WORK:-}" ] && rm -rf "$WORK"
exit 0
