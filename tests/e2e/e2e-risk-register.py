#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: in the Risks section, "Above Tolerance" narrows the register
to the count the project file itself gives (read with sqlite3, from the
definition: open risks whose residual level, or inherent where no residual
is set, is above the matrix's tolerance); then a new risk gets a treatment
action in the small window, due in the past, and its row says "Overdue"."""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

KEY_ESCAPE = 0xff1b
ACTION = 'Test the model on the 2026 claims'


def show_section(app, name):
    sidebar = app.find('list', 'Sections')
    row = sidebar and app.find('list item', name, root=sidebar)
    if row is None:
        return False
    e.select_child(sidebar, row)
    return True


def above_tolerance_in_file(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        (matrix,) = db.execute('SELECT matrix FROM project').fetchone()
        tolerance = json.loads(matrix)['tolerance'] if matrix else 1
        (n,) = db.execute("SELECT count(*) FROM risk WHERE status <> 'closed' AND "
                          "(CASE WHEN residual_level >= 0 THEN residual_level ELSE inherent_level END) > ?",
                          (tolerance,)).fetchone()
        (total,) = db.execute('SELECT count(*) FROM risk').fetchone()
    finally:
        db.close()
    return n, total


def ancestor_named(node, name):
    """The nearest ancestor called @name: searching under it instead of the
    whole window keeps each look-up to a second or two."""
    while node is not None and node.name != name:
        node = node.parent
    return node


def window_named(app, name, timeout=10.0):
    """A top-level window of the app, without walking the main window."""
    return e.wait_for(lambda: next((w for w in app.node if w is not None and w.name == name), None),
                      timeout=timeout)


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-risk-register-')
    target = os.path.join(home, 'Demo.aims')
    cli = os.environ.get('AIMS_CLI', os.path.join(build_root, 'src', 'cli', 'aims'))

    demo = subprocess.run([cli, 'demo', target], capture_output=True, text=True)
    if not tap.ok(demo.returncode == 0 and os.path.exists(target), '`aims demo` writes a fresh demo project',
                  demo.stdout + demo.stderr):
        return tap.done()
    n_above, total = above_tolerance_in_file(target)
    tap.ok(0 < n_above < total, f'the file holds {n_above} of {total} risks above tolerance')

    app = e.App(build_root, args=[target], home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        tap.ok(e.wait_for(lambda: app.find('frame', timeout=1).name.startswith('Demo'), timeout=10),
               'the demo project opens')
        if not tap.ok(show_section(app, 'Risks'), 'the sidebar offers “Risks”'):
            return tap.done()
        # GTK 4.8 reports toggle buttons as push buttons
        above = app.find('push button', 'Above Tolerance')
        if not tap.ok(above is not None, 'the register offers the filter “Above Tolerance”'):
            return tap.done()
        browser = ancestor_named(above, 'AimsRecordBrowser')
        pane = above.parent.parent.parent   # flow box child, flow box, the list's pane
        tap.ok(app.find('label', f'{total} of {total} shown', root=pane) is not None,
               'the register shows every risk')
        e.do_action(above)
        tap.ok(app.find('label', f'{n_above} of {total} shown', root=pane) is not None,
               f'“Above Tolerance” narrows the register to {n_above} risks')
        e.do_action(above)
        tap.ok(app.find('label', f'{total} of {total} shown', root=pane) is not None,
               'clicked again, every risk is back')

        e.do_action(app.find('push button', 'Add Risk', root=browser))
        add_action = app.find('push button', 'Add Action', root=browser, timeout=10)
        if not tap.ok(add_action is not None, 'the new risk’s form offers “Add Action”'):
            return tap.done()
        e.do_action(add_action)
        dialog = window_named(app, 'Treatment Action')
        if not tap.ok(dialog is not None, 'the treatment action opens in its own window'):
            return tap.done()
        what = app.find('text', root=dialog, pred=lambda a: (a.name or '').startswith('Action'))
        due = app.find('text', root=dialog, pred=lambda a: (a.name or '').startswith('Due date'))
        tap.ok(what is not None and e.set_text(what, ACTION), 'what is to be done can be typed in')
        tap.ok(due is not None and e.set_text(due, '2000-01-31'), 'a due date can be typed in')
        time.sleep(1.0)          # the form records a pause in typing
        e.pyatspi.Registry.generateKeyboardEvent(KEY_ESCAPE, None, e.pyatspi.KEY_SYM)
        tap.ok(e.wait_for(lambda: window_named(app, 'Treatment Action', timeout=0.3) is None, timeout=8),
               'Escape closes the window')

        row_title = app.find('label', ACTION, root=browser, timeout=10)
        tap.ok(row_title is not None, 'the risk’s treatment actions list the new one')
        tap.ok(app.find('label', 'Overdue', root=row_title.parent.parent.parent if row_title else browser,
                        timeout=5) is not None,
               'its row says it is overdue')
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
