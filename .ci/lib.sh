# .ci/lib.sh: helpers shared by the standalone CI scripts (sourced by them).

# pick_python NAME [INTERPRETER]: sets PY to INTERPRETER when given, else to
# the first of python3.11, pyenv's 3.11 and python3 found; exits 2 (setup
# failure) when there is none.  NAME prefixes the message.
pick_python() {
    PY=${2:-}
    if [ -z "$PY" ]; then
        for c in python3.11 /root/.pyenv/versions/3.11*/bin/python3.11 python3; do
            if command -v "$c" >/dev/null 2>&1; then PY=$c; break; fi
        done
    fi
    [ -n "$PY" ] || { echo "$1: no Python found"; exit 2; }
}

# need_libasan NAME: gcc with its ASan and UBSan runtimes, installed with
# apt-get when missing; sets LIBASAN to the runtime to preload; exits 2 when
# it cannot be had.
need_libasan() {
    if ! command -v gcc >/dev/null 2>&1 || [ ! -e "$(gcc -print-file-name=libasan.so)" ]; then
        apt-get update -qq >/dev/null 2>&1
        apt-get install -y -qq --no-install-recommends gcc libasan8 libubsan1 >/dev/null 2>&1
    fi
    LIBASAN=$(gcc -print-file-name=libasan.so)
    [ -e "$LIBASAN" ] || { echo "$1: SETUP FAILED (gcc has no libasan.so)"; exit 2; }
}
