#!/usr/bin/env python3
"""Runs the benchmark suite (same as `python -m pysocket.bench`); see its --help.

Run from the repository root after building in place:
    PYSOCKET_WERROR=1 python3 setup.py build_ext --inplace -q
    python3 benchmarks/run.py --quick
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pysocket.bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
