"""Which BLAS this Python process has loaded, and with which kernel ("core") and thread count.

Uses threadpoolctl when it is installed; otherwise asks every loaded OpenBLAS library directly
through ctypes (the same entry points threadpoolctl uses). Standard library only, so it works for
both the pyenv python3 (NumPy's bundled scipy-openblas) and Debian's /usr/bin/python3 (PyTorch on
the system OpenBLAS). Call describe() after numpy/torch has been imported and used once.
"""
import ctypes
import os
import sys

_RTLD_NOLOAD = getattr(os, "RTLD_NOLOAD", 4)  # only look at libraries that are already loaded

# OpenBLAS builds differ in symbol prefix/suffix: plain, scipy-openblas (64-bit ints) and the like.
_AFFIXES = [("openblas_", ""), ("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "64_")]
_ENV = ("OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS")


def _loaded_blas_paths():
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "/" in line}
    except OSError:
        return []
    return sorted({os.path.realpath(p) for p in paths if "blas" in os.path.basename(p).lower()})


def _call(lib, name, restype):
    for prefix, suffix in _AFFIXES:
        fn = getattr(lib, prefix + name + suffix, None)
        if fn is not None:
            fn.restype = restype
            fn.argtypes = []
            value = fn()
            return value.decode() if isinstance(value, bytes) else value
    return None


def _openblas_ctypes():
    found = []
    for path in _loaded_blas_paths():
        try:
            lib = ctypes.CDLL(path, mode=_RTLD_NOLOAD)
        except OSError:
            continue
        core = _call(lib, "get_corename", ctypes.c_char_p)
        if core is None:
            continue  # not OpenBLAS (e.g. the reference BLAS)
        found.append("%s: OpenBLAS core %s, %s threads, config %s" % (
            os.path.basename(path), core, _call(lib, "get_num_threads", ctypes.c_int),
            (_call(lib, "get_config", ctypes.c_char_p) or "?").strip()))
    return found


def _threadpoolctl():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return ["%s %s: core %s, %s threads (%s)" % (i.get("internal_api"), i.get("version"),
                                                 i.get("architecture"), i.get("num_threads"),
                                                 os.path.basename(i.get("filepath", "?")))
            for i in threadpool_info() if i.get("user_api") == "blas"]


def optimized_blas_found():
    """True when an OpenBLAS (or MKL) library is loaded: the peer is not on the reference BLAS."""
    if _openblas_ctypes():
        return True
    return any("mkl" in os.path.basename(p).lower() for p in _loaded_blas_paths())


def require_optimized(peer):
    """Prints the BLAS line; exits 3 ("not available") when only the reference BLAS is loaded.

    Debian's python3-torch calls the system BLAS, the slow reference implementation unless
    libopenblas0-pthread is installed: a ratio against that peer would mean nothing.
    """
    line = describe()
    print(line, flush=True)
    if not optimized_blas_found():
        print("not available: %s runs on the reference BLAS (%s); install an optimized one "
              "(backprop-bench/setup-peers.sh: apt-get install libopenblas0-pthread)" % (peer, line),
              flush=True)
        sys.exit(3)


def describe():
    """One line: the BLAS libraries in use and the OPENBLAS_* environment of this process."""
    env = ", ".join("%s=%s" % (k, os.environ[k]) if k in os.environ else "%s unset" % k for k in _ENV)
    libs = _threadpoolctl()
    source = "threadpoolctl"
    if libs is None:
        libs, source = _openblas_ctypes(), "ctypes"
    if not libs:
        other = [os.path.basename(p) for p in _loaded_blas_paths()]
        libs = ["no OpenBLAS found; loaded: " + (", ".join(other) or "none")]
    return "blas (%s): %s; env: %s" % (source, "; ".join(libs), env)
