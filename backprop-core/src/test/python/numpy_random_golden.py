#!/usr/bin/env python3
"""Golden values of NumPy's LEGACY random API (np.random.seed / RandomState) for NumpyRandomTest.

For every seed in SEEDS this writes backprop-core/src/test/resources/golden/numpy_random_seed<S>.txt,
one line per case: a key followed by the values, space separated. Doubles are written with repr,
which round-trips exactly; the Java test parses them and compares bit for bit.

Before writing anything the script checks the assumptions NumpyRandom is built on, so that a
NumPy that behaves differently fails here loudly instead of producing different golden files:
  * np.random.seed(int) fills the MT19937 key like Matsumoto-Nishimura init_genrand
    (key[0] = seed, key[i] = 1812433253 * (key[i-1] ^ key[i-1] >> 30) + i) and sets pos = 624;
  * rand() is ((a >> 5) * 67108864.0 + (b >> 6)) / 9007199254740992.0 over two 32-bit outputs;
  * shuffle of a 1-D array swaps x[i] with x[j], j = random_interval(i) (masked rejection over
    32-bit outputs), for i = n-1 down to 1; randint(0, bound) is random_interval(bound - 1).

Usage, from the repository root:
    python3 backprop-core/src/test/python/numpy_random_golden.py
"""
import pathlib
import platform

import numpy as np

OUT_DIR = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden"
SEEDS = (0, 12345, 4294967295)
BOUNDS = (1, 2, 3, 7, 100, 500, 5000, 2**31 - 1)
MASK32 = 0xFFFFFFFF


# ---------------------------------------------------------------- a plain-Python model of the legacy API

def init_genrand(seed):
    key = [seed & MASK32]
    for i in range(1, 624):
        prev = key[-1]
        key.append((1812433253 * (prev ^ (prev >> 30)) + i) & MASK32)
    return key


class ModelMt19937:
    """Reference MT19937 in plain Python, used only to check NumPy's behaviour."""

    def __init__(self, seed):
        self.key = init_genrand(seed)
        self.pos = 624

    def next32(self):
        if self.pos == 624:
            self._generate()
        y = self.key[self.pos]
        self.pos += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C5680
        y ^= (y << 15) & 0xEFC60000
        y ^= y >> 18
        return y & MASK32

    def _generate(self):
        key = self.key
        for i in range(624):
            y = (key[i] & 0x80000000) | (key[(i + 1) % 624] & 0x7FFFFFFF)
            key[i] = key[(i + 397) % 624] ^ (y >> 1) ^ (0x9908B0DF if y & 1 else 0)
        self.pos = 0

    def rand(self):
        a = self.next32() >> 5
        b = self.next32() >> 6
        return (a * 67108864.0 + b) / 9007199254740992.0

    def random_interval(self, maximum):
        if maximum == 0:
            return 0
        mask = (1 << maximum.bit_length()) - 1
        while True:
            value = self.next32() & mask
            if value <= maximum:
                return value


def check_model_matches_numpy(seed):
    np.random.seed(seed)
    name, key, pos, has_gauss, cached = np.random.get_state()
    assert name == "MT19937" and pos == 624 and has_gauss == 0 and cached == 0.0, (seed, pos, has_gauss)
    assert [int(k) for k in key] == init_genrand(seed), "legacy seeding is not init_genrand for %d" % seed

    model = ModelMt19937(seed)
    assert [model.rand() for _ in range(1000)] == np.random.rand(1000).tolist(), "rand differs"

    np.random.seed(seed)
    model = ModelMt19937(seed)
    for n in (17, 5000):
        expected = np.arange(n)
        np.random.shuffle(expected)
        values = list(range(n))
        for i in range(n - 1, 0, -1):
            j = model.random_interval(i)
            values[i], values[j] = values[j], values[i]
        assert values == expected.tolist(), "shuffle of arange(%d) differs" % n
    for bound in BOUNDS:
        assert model.random_interval(bound - 1) == int(np.random.randint(0, bound)), "randint(0, %d)" % bound


# ---------------------------------------------------------------- golden cases

def cases(seed):
    """(key, values) pairs; each case starts from a fresh np.random.seed(seed)."""

    def fresh():
        np.random.seed(seed)
        return np.random

    r = fresh()
    yield "rand", r.rand(20)
    r = fresh()
    yield "rand_3x4", r.rand(3, 4).ravel()
    r = fresh()
    yield "uniform_notebook_W1", r.uniform(low=-1 / np.sqrt(100), high=1 / np.sqrt(100), size=20)
    r = fresh()
    yield "uniform_minus3_5", r.uniform(-3.0, 5.0, size=20)
    r = fresh()
    yield "uniform_2x5_minus3_5", r.uniform(-3.0, 5.0, size=(2, 5)).ravel()
    r = fresh()
    idx = np.arange(17)
    r.shuffle(idx)
    yield "shuffle_17", idx
    r = fresh()
    idx = np.arange(5000)
    r.shuffle(idx)
    yield "shuffle_5000", idx
    idx = np.arange(5000)
    r.shuffle(idx)
    yield "shuffle_5000_second", idx
    r = fresh()
    yield "randint_bounds", [r.randint(0, bound) for bound in BOUNDS]
    r = fresh()
    yield "standard_normal", r.standard_normal(21)
    r = fresh()
    mixed = []
    for _ in range(7):
        mixed.append(r.standard_normal())
        mixed.append(r.rand())
    yield "normal_rand_interleaved", mixed


def format_value(v):
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def write(seed):
    check_model_matches_numpy(seed)
    lines = [
        "# NumPy legacy RandomState golden values for np.random.seed(%d)." % seed,
        "# Produced by backprop-core/src/test/python/numpy_random_golden.py"
        " (Python %s, NumPy %s)." % (platform.python_version(), np.__version__),
        "# Each case starts from a fresh np.random.seed(%d); shuffle_5000_second is a second shuffle" % seed,
        "# of a new arange(5000) right after shuffle_5000; doubles are repr (exact round trip).",
        "# randint_bounds: randint(0, b) for b in %s, in that order, from one stream." % (BOUNDS,),
    ]
    for key, values in cases(seed):
        lines.append(key + " " + " ".join(format_value(v) for v in values))
    path = OUT_DIR / ("numpy_random_seed%d.txt" % seed)
    path.write_text("\n".join(lines) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for s in SEEDS:
        write(s)
