#!/usr/bin/env python3
"""Golden strings of Python's repr(float) for PythonFloatTest.

The seed notebook prints its losses with print(), i.e. repr: the shortest decimal that reads back to
the same double, in fixed notation for decimal exponents -4..15 and in exponent notation
("1e-05", "1.5e+16") outside. Writes backprop-core/src/test/resources/golden/python_repr.txt, one
double per line: its IEEE bits in hex, then repr(value).

Values: zeros, infinities and NaN, the extremes, the fixed/exponent boundaries, powers of two (where the gap below a
double is half the gap above it), and random doubles over the whole exponent range from
np.random.seed(7).

Usage, from the repository root:
    python3 backprop-core/src/test/python/python_repr_golden.py
"""
import pathlib
import platform
import struct
import sys

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "python_repr.txt"


def bits(value):
    return struct.unpack(">Q", struct.pack(">d", value))[0]


def values():
    fixed = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.0, 10.0, 100.0, 123456.0, 0.0001, 0.00001, 1e-4 * 0.999999,
             9999999999999998.0, 1e16, 1e15, 1e22, 1e23, 1.5e16, 5e-324, 2.2250738585072014e-308,
             sys.float_info.max, -sys.float_info.max, 1 / 3, 2 / 3, 0.09170168485382324,
             0.0008325011117753618, 1.2622570221274953e-4, 8.325011117753566e-4, 1.7807714253660685e-4]
    powers = [2.0 ** e for e in range(-1074, 1024, 7)] + [-(2.0 ** e) for e in range(-60, 61, 3)]
    np.random.seed(7)
    mantissas = np.random.uniform(1.0, 10.0, size=400)
    exponents = np.random.randint(-320, 309, size=400)
    spread = [float(m) * 10.0 ** int(e) for m, e in zip(mantissas, exponents)]
    near_one = np.random.uniform(-3.0, 3.0, size=200).tolist()
    small = (np.random.uniform(0.0, 1.0, size=200) * 10.0 ** np.random.randint(-8, 0, size=200)).tolist()
    special = [float("inf"), float("-inf"), float("nan")]
    return [float(v) for v in fixed + powers + spread + near_one + small + special]


def main():
    lines = [
        "# Python repr(float) golden strings, produced by backprop-core/src/test/python/python_repr_golden.py",
        "# (Python %s, NumPy %s). Lines: IEEE-754 bits in hex, then repr(value)." % (platform.python_version(),
                                                                                      np.__version__),
    ]
    for v in values():
        lines.append("%016x %s" % (bits(v), repr(v)))
    OUT.write_text("\n".join(lines) + "\n")
    print("wrote", OUT, "with", len(lines) - 2, "values")


if __name__ == "__main__":
    main()
