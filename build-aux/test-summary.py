#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Summarise meson's JSON test logs as one line: "N passed, N failed".

Every TAP point counts: "ok" passes, "not ok" fails, "# SKIP" is reported as
skipped and never as passed. A test that is not TAP counts as one. A test that
died (crash, abort, timeout) without a "not ok" line adds one failure, so a
crashed binary can never look green.

  test-summary.py [--extra-failures N] build/meson-logs/testlog.json [...]
"""
import json
import re
import sys

TAIL_LINES = 12
TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')


def count(test):
    passed = failed = skipped = 0
    out = test.get('stdout') or ''
    tap_seen = False
    for line in out.splitlines():
        if re.match(r'^1\.\.0\b.*#\s*SKIP', line, re.I):
            tap_seen = True
            skipped += 1
            continue
        m = TAP_LINE.match(line)
        if not m:
            continue
        tap_seen = True
        directive = m.group(2)
        if re.search(r'#\s*SKIP', directive, re.I):
            skipped += 1
        elif re.search(r'#\s*TODO', directive, re.I):
            # A TODO point is a known gap: neither a pass nor a failure.
            skipped += 1
        elif m.group(1) == 'ok':
            passed += 1
        else:
            failed += 1
    result = test.get('result', 'FAIL')
    bad = result in ('FAIL', 'ERROR', 'TIMEOUT', 'UNEXPECTEDPASS')
    if not tap_seen:
        if result == 'SKIP':
            skipped += 1
        elif bad:
            failed += 1
        else:
            passed += 1
    elif bad and failed == 0:
        failed += 1
    return passed, failed, skipped, bad


def main(argv):
    extra = 0
    if len(argv) > 1 and argv[1] == '--extra-failures':
        extra = int(argv[2])
        argv = argv[:1] + argv[3:]
    passed = failed = skipped = 0
    failures = []
    details = []
    for path in argv[1:]:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                test = json.loads(line)
                p, fl, s, bad = count(test)
                passed += p
                failed += fl
                skipped += s
                if bad or fl:
                    failures.append(f"{test.get('name')} ({test.get('result')}, rc={test.get('returncode')})")
                    details.append(test)
    # What a failed test printed last, where its cause usually is; CI shows
    # only the end of this output, so it comes just before the summary.
    for test in details:
        print(f"--- {test.get('name')}: the end of what it printed")
        # meson's log holds stderr within stdout
        for line in (test.get('stdout') or '').splitlines()[-TAIL_LINES:]:
            print(f'  | {line[:300]}')
    for name in failures:
        print(f'FAILED: {name}')
    failed += extra
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 1 if failed or not passed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
