#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: in Audits & Actions, a new finding gets a corrective action
in its small window, the finding's form lists it, and the action's card
shows on the PDCA board, in the Act column."""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

KEY_ESCAPE = 0xff1b
ACTION = 'Retrain the audit team on Annex A'


def show_section(app, name):
    # The app may be busy building a form: AT-SPI calls can time out then
    for _ in range(5):
        try:
            sidebar = app.find('list', 'Sections')
            row = sidebar and app.find('list item', name, root=sidebar)
            if row is None:
                return False
            e.select_child(sidebar, row)
            return True
        except Exception:
            time.sleep(2)
    return False


def ancestor_named(node, name):
    while node is not None and node.name != name:
        node = node.parent
    return node


def window_named(app, name, timeout=10.0):
    return e.wait_for(lambda: next((w for w in app.node if w is not None and w.name == name), None),
                      timeout=timeout)


def findings_in_file(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        (n,) = db.execute('SELECT count(*) FROM finding').fetchone()
    finally:
        db.close()
    return n


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-audit-')
    target = os.path.join(home, 'Demo.aims')
    cli = os.environ.get('AIMS_CLI', os.path.join(build_root, 'src', 'cli', 'aims'))

    demo = subprocess.run([cli, 'demo', target], capture_output=True, text=True)
    if not tap.ok(demo.returncode == 0 and os.path.exists(target), '`aims demo` writes a fresh demo project',
                  demo.stdout + demo.stderr):
        return tap.done()
    reference = f'F-{findings_in_file(target) + 1:03d}'

    app = e.App(build_root, args=[target], home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        tap.ok(e.wait_for(lambda: app.find('frame', timeout=1).name.startswith('Demo'), timeout=10),
               'the demo project opens')
        if not tap.ok(show_section(app, 'Audits & Actions'), 'the sidebar offers “Audits & Actions”'):
            return tap.done()

        # The view switcher's tab (libadwaita 1.2 gives its buttons the tab role)
        tab = app.find('page tab', 'Findings', timeout=10)
        if not tap.ok(tab is not None, 'the section has a “Findings” tab'):
            return tap.done()
        e.click(tab)
        add = app.find('push button', 'Add Finding', timeout=10)
        if not tap.ok(add is not None, 'the findings offer “Add Finding”'):
            return tap.done()
        browser = ancestor_named(add, 'AimsRecordBrowser')
        e.do_action(add)

        add_action = app.find('push button', 'Add Action', root=browser, timeout=20)
        if not tap.ok(add_action is not None, 'the new finding’s form offers “Add Action”'):
            return tap.done()
        e.do_action(add_action)
        dialog = window_named(app, 'Corrective Action')
        if not tap.ok(dialog is not None, 'the corrective action opens in its own window'):
            return tap.done()
        what = app.find('text', root=dialog, pred=lambda a: (a.name or '').startswith('Action'))
        owner = app.find('text', root=dialog, pred=lambda a: (a.name or '').startswith('Owner'))
        tap.ok(what is not None and e.set_text(what, ACTION), 'what is to be done can be typed in')
        tap.ok(owner is not None and e.set_text(owner, 'Priya Natarajan'), 'an owner can be typed in')
        time.sleep(1.0)          # the form records a pause in typing
        e.pyatspi.Registry.generateKeyboardEvent(KEY_ESCAPE, None, e.pyatspi.KEY_SYM)
        tap.ok(e.wait_for(lambda: window_named(app, 'Corrective Action', timeout=0.3) is None, timeout=8),
               'Escape closes the window')
        tap.ok(app.find('label', ACTION, root=browser, timeout=10) is not None,
               'the finding’s corrective actions list the new one')

        if not tap.ok(show_section(app, 'PDCA Board'), 'the sidebar offers “PDCA Board”'):
            return tap.done()
        title = f'{reference}: {ACTION}'
        act = app.find('list', 'Act', timeout=20)
        if not tap.ok(act is not None, 'the board has its Act column'):
            return tap.done()
        card = e.wait_for(lambda: next((c for c in act if (c.name or '').startswith(title)), None),
                          timeout=20)
        tap.ok(card is not None, f'the Act column shows the card “{title}”')
        if card is not None:
            tap.ok('Corrective action' in card.name and 'Priya Natarajan' in card.name,
                   'the card says it is a corrective action, with its owner', card.name)
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
