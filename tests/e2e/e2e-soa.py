#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: on the demo project, read the readiness summary above the
PDCA board, open control A.2.4 in the Controls (SoA) section, mark it
"Implemented" with the keyboard, and see one more applicable control
implemented both in the section's figures and in the board's readiness.

The Implementation row is an AdwComboRow: as in e2e-heatmap, GTK 4.8 gives
it no AT-SPI action, so the test does what a keyboard user does: Tab to
it, Enter opens the list, Home and Down pick "Implemented", Enter
chooses."""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

CONTROL = 'A.2.4'
IMPLEMENTED = 4          # not started, planned, partially, implemented, n/a

KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_HOME = 0xff50
KEY_DOWN = 0xff54


def key(keysym):
    e.pyatspi.Registry.generateKeyboardEvent(keysym, None, e.pyatspi.KEY_SYM)
    time.sleep(0.15)


def show_section(app, name):
    sidebar = app.find('list', 'Sections')
    row = sidebar and app.find('list item', name, root=sidebar)
    if row is None:
        return False
    try:
        e.select_child(sidebar, row)
    except Exception:
        # The section builds its rows before it answers: a slow machine
        # lets the AT-SPI call time out though the selection happened
        pass
    return True


def focused(node):
    try:
        return node.getState().contains(e.pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def label_starting(app, prefix, timeout=10.0):
    return app.find('label', timeout=timeout, pred=lambda a: (a.name or '').startswith(prefix))


def controls_in(text):
    """(implemented, applicable) from "… N of M applicable controls implemented …" """
    m = re.search(r'(\d+) of (\d+) applicable controls implemented', text or '')
    return (int(m.group(1)), int(m.group(2))) if m else None


def readiness(app):
    label = label_starting(app, 'Readiness:')
    return controls_in(label.name) if label else None


def soa_summary(app):
    label = app.find('label', pred=lambda a: controls_in(a.name) is not None
                     and 'excluded' in (a.name or ''))
    return controls_in(label.name) if label else None


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-soa-')
    target = os.path.join(home, 'Demo.aims')
    cli = os.environ.get('AIMS_CLI', os.path.join(build_root, 'src', 'cli', 'aims'))

    demo = subprocess.run([cli, 'demo', target], capture_output=True, text=True)
    if not tap.ok(demo.returncode == 0 and os.path.exists(target), '`aims demo` writes a fresh demo project',
                  demo.stdout + demo.stderr):
        return tap.done()

    app = e.App(build_root, args=[target], home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        title = lambda: app.find('frame', timeout=1).name  # noqa: E731
        tap.ok(e.wait_for(lambda: title().startswith('Demo'), timeout=10), 'the demo project opens', title())

        if not tap.ok(show_section(app, 'PDCA Board'), 'the sidebar offers “PDCA Board”'):
            return tap.done()
        before = e.wait_for(lambda: readiness(app), timeout=10)
        if not tap.ok(before is not None, 'the board shows its readiness summary', before):
            return tap.done()

        if not tap.ok(show_section(app, 'Controls (SoA)'), 'the sidebar offers “Controls (SoA)”'):
            return tap.done()
        tap.ok(e.wait_for(lambda: soa_summary(app) == before, timeout=10) is not None,
               f'the section shows the same figure: {before[0]} of {before[1]} implemented', soa_summary(app))

        row = app.find('list item', pred=lambda a: (a.name or '').startswith(CONTROL + ' '))
        if not tap.ok(row is not None, f'the list has control {CONTROL}'):
            return tap.done()
        e.click(row)

        back = app.find('push button', 'Back to the Controls', timeout=10)
        justification = app.find('text', 'Justification', timeout=10)
        if not tap.ok(back is not None and justification is not None,
                      'the control’s page shows its Justification text area'):
            return tap.done()

        # A click in the Justification text area, then Tab to the row that
        # follows it; Enter opens its list
        e.click(justification)
        time.sleep(0.3)

        def implementation_focused():
            # Found again each time: the page is rebuilt when the project
            # changes, and the list's filter is named "Implementation" too
            return app.find('combo box', timeout=0.5,
                            pred=lambda a: (a.name or '').startswith('Implementation') and focused(a))

        for _ in range(40):
            if implementation_focused():
                break
            if os.environ.get('E2E_DEBUG'):
                f = e.pyatspi.findDescendant(app.node, lambda a: focused(a))
                print('# focus:', f.getRoleName() if f else None, f.name if f else None, flush=True)
            key(KEY_TAB)
        combo = implementation_focused()
        if not tap.ok(combo is not None, 'Tab reaches the Implementation row'):
            return tap.done()
        key(KEY_RETURN)
        time.sleep(0.4)
        key(KEY_HOME)
        for _ in range(IMPLEMENTED - 1):
            key(KEY_DOWN)
        key(KEY_RETURN)

        want = (before[0] + 1, before[1])
        e.do_action(app.find('push button', 'Back to the Controls'))
        tap.ok(e.wait_for(lambda: soa_summary(app) == want, timeout=15) is not None,
               f'the section now counts {want[0]} of {want[1]} applicable controls implemented',
               soa_summary(app))

        show_section(app, 'PDCA Board')
        tap.ok(e.wait_for(lambda: readiness(app) == want, timeout=15) is not None,
               f'the board’s readiness now says {want[0]} of {want[1]} applicable controls implemented',
               readiness(app))
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
