#!/usr/bin/env bash
# Type checks of pysocket's stubs, for CI (.ci/run calls it) and by hand:
#
#   bash .ci/typecheck.sh [PYTHON ...]      (default: python3)
#
# For each Python given: a temporary venv with mypy (MYPY_SPEC, default the
# pinned versions below: 2.4.1, or 1.19.1 on 3.9, which mypy 2 no longer
# runs on), the C extension built in place for that Python (a
# no-op when it is up to date), then
#   1. .ci/regen_stub_names.py --check: the generated name lists of the
#      .pyi files match the built module;
#   2. python -m mypy.stubtest pysocket --allowlist tests/stubtest_allowlist.txt
#      --mypy-config-file tests/stubtest_mypy.ini
#      (covers pysocket and all its submodules, pysocket._socket included);
#   3. mypy --strict examples/typed_echo.py.
# Exits non-zero if any step fails for any Python.
set -u
cd "$(dirname "$0")/.."

mypy_spec() {   # mypy_spec MAJOR.MINOR
    if [ -n "${MYPY_SPEC:-}" ]; then
        echo "$MYPY_SPEC"
    elif [ "$1" = 3.9 ]; then
        echo "mypy==1.19.1"
    else
        echo "mypy==2.4.1"
    fi
}
if [ $# -eq 0 ]; then
    set -- python3
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pysocket-typecheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

status=0
step() {   # step NAME CMD... : run, report, remember a failure
    local name=$1; shift
    echo "typecheck[$pyver]: $name"
    if ! "$@"; then
        echo "typecheck[$pyver]: FAILED: $name"
        status=1
        return 1
    fi
}

for py in "$@"; do
    pyver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])') || {
        echo "typecheck: cannot run $py"; status=1; continue; }
    venv="$tmp/venv-$pyver"
    spec=$(mypy_spec "$pyver")
    step "venv" "$py" -m venv "$venv" || continue
    step "install $spec" "$venv/bin/python" -m pip install -q \
        --disable-pip-version-check "$spec" || continue
    step "build the extension in place" env PYSOCKET_WERROR=1 \
        "$py" setup.py -q build_ext --inplace || continue
    step "generated stub names up to date" \
        "$py" .ci/regen_stub_names.py --check
    step "stubtest" "$venv/bin/python" -m mypy.stubtest pysocket \
        --mypy-config-file tests/stubtest_mypy.ini \
        --allowlist tests/stubtest_allowlist.txt
    step "mypy --strict examples/typed_echo.py" "$venv/bin/python" -m mypy \
        --strict --cache-dir "$tmp/mypy-cache-$pyver" examples/typed_echo.py
done

if [ "$status" -eq 0 ]; then
    echo "typecheck: all passed ($*)"
else
    echo "typecheck: FAILED"
fi
exit "$status"
