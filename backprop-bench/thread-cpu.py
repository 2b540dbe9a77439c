#!/usr/bin/env python3
"""Per-thread CPU of a whole JVM process, and where its main thread waits.

    backprop-bench/thread-cpu.py [--lines] COMMAND [ARGS...]

Runs COMMAND (e.g. ./backprop train ...), finds the java process it starts (COMMAND itself or a
descendant) and polls /proc/<pid>/task/*/stat every 2 ms until it exits. Prints the wall time, the
CPU (user + sys) of every thread name (main is "java"; "C1 CompilerThre", "C2 CompilerThre": the JIT)
and how long the main thread was asleep (state S or D: waiting, e.g. for a compilation that
jvm.options makes it wait for), which a busy machine does not inflate the way it inflates wall time.
With --lines, also prints each line of COMMAND's standard output with the main thread's CPU and
sleep so far (e.g. at every progress line of `train`); without it, COMMAND's output is discarded.
Linux only; no dependencies. Used for backprop-bench/KERNELS.md, "Small tables, round five".
"""
import glob
import os
import subprocess
import sys
import time

TICK = os.sysconf('SC_CLK_TCK')


def stat(path):
    """(thread name, state, cpu seconds) from a /proc stat file, or None if it is gone."""
    try:
        text = open(path).read()
    except OSError:
        return None
    fields = text.rsplit(')', 1)[1].split()
    return text[text.index('(') + 1:text.rindex(')')], fields[0], (int(fields[11]) + int(fields[12])) / TICK


def parent(pid):
    s = stat('/proc/%d/stat' % pid)
    if s is None:
        return 0
    return int(open('/proc/%d/stat' % pid).read().rsplit(')', 1)[1].split()[1])


def java_process(root):
    """The pid of the java process that is root or descends from it, or None."""
    for d in glob.glob('/proc/[0-9]*'):
        s = stat(d + '/stat')
        if s is None or s[0] != 'java':
            continue
        pid = q = int(d[6:])
        while q > 1:
            if q == root:
                return pid
            q = parent(q)
    return None


def main():
    args = sys.argv[1:]
    lines = bool(args) and args[0] == '--lines'
    if lines:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    start = time.time()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE if lines else subprocess.DEVNULL)
    if lines:
        os.set_blocking(proc.stdout.fileno(), False)
    pid = main_task = None
    cpu = {}
    asleep = 0.0
    pending = b''
    last = time.time()
    while True:
        now = time.time()
        elapsed, last = now - last, now
        if pid is None:
            pid = java_process(proc.pid)
        if pid is not None:
            for task in glob.glob('/proc/%d/task/*' % pid):
                s = stat(task + '/stat')
                if s is None:
                    continue
                cpu[task] = (s[0], s[2])
                # the main thread: the first "java" thread after the launcher's primordial one
                if main_task is None and s[0] == 'java' and int(task.rsplit('/', 1)[1]) != pid:
                    main_task = task
                if task == main_task and s[1] in ('S', 'D'):
                    asleep += elapsed
        chunk = proc.stdout.read() if lines else None   # non-blocking: None when nothing is there
        if chunk:
            pending += chunk
            while b'\n' in pending:
                line, pending = pending.split(b'\n', 1)
                line = line.decode('utf-8', 'replace')
                main_cpu = cpu.get(main_task, ('', 0.0))[1]
                print('%7.3f s  main cpu %.2f s  asleep %.3f s | %s' % (now - start, main_cpu, asleep, line),
                      flush=True)
        if proc.poll() is not None and not chunk:
            break
        time.sleep(0.002)
    totals = {}
    for name, seconds in cpu.values():
        totals[name] = totals.get(name, 0.0) + seconds
    main_cpu = cpu.get(main_task, ('', 0.0))[1]
    others = ', '.join('%s %.2f' % (n.strip(), s) for n, s in sorted(totals.items(), key=lambda kv: -kv[1])
                       if n != 'java' and s >= 0.01)
    print('exit %d  wall %.2f s  main cpu %.2f s (asleep %.3f s)  total cpu %.2f s  [%s]'
          % (proc.returncode, time.time() - start, main_cpu, asleep, sum(totals.values()), others))


if __name__ == '__main__':
    main()
