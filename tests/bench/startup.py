#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up to the first drawn frame, aims-workbench versus a bare
AdwApplicationWindow, each started RUNS times. Run under a display:

  xvfb-run -a dbus-run-session -- /usr/bin/python3 tests/bench/startup.py build [RUNS]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def measure(binary, args, runs, env):
    times = []
    for _ in range(runs):
        env = dict(env, AIMS_BENCH_T0=str(time.monotonic_ns() // 1000))
        out = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)
        for line in out.stdout.splitlines():
            if line.startswith('first-frame-us '):
                times.append(int(line.split()[1]) / 1000.0)
                break
        else:
            raise SystemExit(f'{binary} did not report a first frame:\n{out.stdout}\n{out.stderr}')
    return times


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build'
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for var in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME'):
            env[var] = os.path.join(tmp, var.lower())
            os.makedirs(env[var], exist_ok=True)
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build, 'data')
        env['GSETTINGS_BACKEND'] = 'memory'
        results = {
            'bare AdwApplicationWindow': measure(os.path.join(build, 'tests', 'bench', 'bare-window'), [], runs, env),
            'aims-workbench (welcome view)': measure(os.path.join(build, 'src', 'aims-workbench'), [], runs, env),
        }
    print(f'start-up to first drawn frame, {runs} runs each (ms)')
    for name, t in results.items():
        print(f'  {name:32} median {statistics.median(t):7.1f}  min {min(t):7.1f}  max {max(t):7.1f}')


if __name__ == '__main__':
    main()
