"""Run one command and report its wall time and peak memory, from a small process.

    python -S benchmarks/launch.py REPORT TIMEOUT COMMAND...

Why a separate launcher: Linux counts a process's resident memory *before* ``exec`` in the peak
it reports for it, and with ``fork``/``vfork`` that is the parent's memory. Measured from the
benchmark runner (tens of MB, more after generating a large map) every command would look at least
that big. This launcher imports next to nothing (``-S``: no site packages), so the floor it adds is
the size of a bare interpreter, below any command we measure.

Writes ``wall_seconds peak_kilobytes exit_code cpu_seconds`` to REPORT (CPU time is user plus
system time of the command and the children it waited for); the command's output goes where the
launcher's goes. After TIMEOUT seconds the command is killed (exit code -9).
"""

import os
import signal
import sys
import time


def main() -> None:
    report, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, timeout)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    signal.setitimer(signal.ITIMER_REAL, 0)
    with open(report, "w") as stream:
        cpu = usage.ru_utime + usage.ru_stime
        stream.write(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu}\n")


if __name__ == "__main__":
    main()
