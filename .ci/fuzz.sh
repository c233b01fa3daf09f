#!/usr/bin/env bash
# .ci/fuzz.sh: bounded-time fuzzing of pysocket's C parsers with atheris
# (issue 7).  Run from the repository root:
#
#     bash .ci/fuzz.sh [seconds per target, default 40]
#
# Builds pysocket._socket twice in copies of the tree under a scratch dir (the
# in-place build is left alone): plain, and with ASan+UBSan
# (PYSOCKET_SANITIZE=1); installs atheris into a scratch venv; and runs each
# target of tests/fuzz/fuzz_targets.py (addr, inet, sockopt, cmsg):
#   phase 1 (2/3 of the time) coverage-guided on the plain build (a preloaded
#           gcc libasan takes over libFuzzer's coverage hooks, so guidance
#           needs the plain build);
#   phase 2 (1/3) on the sanitizer build: every corpus input replayed, then
#           further mutations, under ASan+UBSan;
# starting from the corpus in tests/fuzz/corpus/<target> (a scratch copy: CI
# does not modify the repository; PYSOCKET_FUZZ_SAVE=1 merges new inputs back
# into tests/fuzz/corpus).  Any crash, sanitizer report or differential
# mismatch fails the run; the crashing input is printed (base64) and kept in
# the scratch dir.
# Knobs: PYSOCKET_FUZZ_PYTHON (default python3.11 or python3),
#        PYSOCKET_FUZZ_WORK (scratch dir), PYSOCKET_FUZZ_TARGETS.
# Exit status: 0 clean, 1 finding, 2 setup failure.
set -uo pipefail

REPO=$(pwd)
[ -f "$REPO/setup.py" ] && [ -f "$REPO/tests/fuzz/fuzz_targets.py" ] \
    || { echo "fuzz: run from the repository root"; exit 2; }
SECS=${1:-40}
TARGETS=${PYSOCKET_FUZZ_TARGETS:-"addr inet sockopt cmsg"}
. "$(dirname "$0")/lib.sh"
pick_python fuzz "${PYSOCKET_FUZZ_PYTHON:-}"
WORK=${PYSOCKET_FUZZ_WORK:-$(mktemp -d /tmp/pysocket-fuzz.XXXXXX)}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 DEBIAN_FRONTEND=noninteractive

need_libasan fuzz

copy_tree() {
    rm -rf "$1"; mkdir -p "$1"
    tar -C "$REPO" --exclude=./.git --exclude=./build --exclude='*.so' --exclude='*.egg-info' \
        --exclude='__pycache__' --exclude=./.venv -cf - . | tar -C "$1" -xf -
}
SRC="$WORK/src"
PLAIN="$WORK/plain"
copy_tree "$SRC"
copy_tree "$PLAIN"
VENV="$WORK/venv"
"$PY" -m venv --system-site-packages "$VENV" || { echo "fuzz: SETUP FAILED (venv)"; exit 2; }
"$VENV/bin/python" -c "import atheris" 2>/dev/null || "$VENV/bin/python" -m pip install -q atheris \
    >"$WORK/pip.log" 2>&1 || { tail -5 "$WORK/pip.log"; echo "fuzz: SETUP FAILED (pip install atheris)"; exit 2; }
if ! (cd "$SRC" && PYSOCKET_SANITIZE=1 "$VENV/bin/python" setup.py build_ext --inplace \
        >"$WORK/build.log" 2>&1); then
    tail -30 "$WORK/build.log"; echo "fuzz: SETUP FAILED (sanitizer build)"; exit 2
fi
if ! (cd "$PLAIN" && "$VENV/bin/python" setup.py build_ext --inplace >"$WORK/build-plain.log" 2>&1); then
    tail -30 "$WORK/build-plain.log"; echo "fuzz: SETUP FAILED (plain build)"; exit 2
fi

FAILED=0
SUMMARY=""
for t in $TARGETS; do
    corpus="$WORK/corpus/$t"
    mkdir -p "$corpus" "$WORK/artifacts/$t"
    [ -d "$REPO/tests/fuzz/corpus/$t" ] && cp -r "$REPO/tests/fuzz/corpus/$t/." "$corpus/"
    log="$WORK/$t.log"
    guided=$((SECS * 2 / 3)); sanitized=$((SECS - guided))
    (cd "$PLAIN" && env PYTHONPATH="$PLAIN" \
        timeout -k 10 $((guided + 120)) "$VENV/bin/python" tests/fuzz/fuzz_targets.py "$t" \
        -max_total_time="$guided" -timeout=20 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$t/" "$corpus") >"$log" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && ! grep -q "skipped:" "$log"; then
        (cd "$SRC" && env PYTHONPATH="$SRC" LD_PRELOAD="$LIBASAN" \
            ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:allocator_may_return_null=1" \
            UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
            timeout -k 10 $((sanitized + 300)) "$VENV/bin/python" tests/fuzz/fuzz_targets.py "$t" \
            -max_total_time="$sanitized" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
            -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$t/" "$corpus") >>"$log" 2>&1
        rc=$?
    fi
    if grep -q "skipped:" "$log"; then
        SUMMARY+="  $t: $(grep -o 'skipped:.*' "$log")"$'\n'
        continue
    fi
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | awk '{s += $1} END {print s}')
    if [ $rc -ne 0 ] || grep -Eq 'ERROR: (libFuzzer|AddressSanitizer)|runtime error:|Uncaught Python exception' "$log"; then
        FAILED=1
        grep -E -B2 -A30 'Uncaught Python exception|ERROR: AddressSanitizer|runtime error:' "$log" | head -60
        grep -E '^Base64:' "$log" | head -3
        SUMMARY+="  $t: FINDING (exit $rc), log $log, inputs in $WORK/artifacts/$t"$'\n'
    else
        SUMMARY+="  $t: ${runs:-?} executions in ${SECS}s (${guided}s guided, ${sanitized}s under ASan+UBSan), corpus $(ls "$corpus" | wc -l) inputs, clean"$'\n'
    fi
    if [ -n "${PYSOCKET_FUZZ_SAVE:-}" ]; then
        mkdir -p "$REPO/tests/fuzz/corpus/$t"
        cp -n "$corpus"/* "$REPO/tests/fuzz/corpus/$t/" 2>/dev/null
    fi
done
printf '%s' "$SUMMARY"
if [ $FAILED -ne 0 ]; then echo "fuzz: FAIL (scratch: $WORK)"; exit 1; fi
echo "fuzz: OK: no findings in $TARGETS"
[ -z "${PYSOCKET_FUZZ_WORK:-}" ] && rm -rf "$WORK"
exit 0
