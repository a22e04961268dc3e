#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: in the Risks section, "Import…" in the list's menu opens the
import assistant; the path of a CSV the test writes is typed in, the steps
are gone through with Next, the dry run says what would be added, Import
closes the assistant, and the imported risks are in the register and, once
saved, in the project file."""
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

TITLES = ['E2E imported model drift', 'E2E imported label noise']
CSV = ('Reference,Title,Inherent likelihood,Inherent impact\n'
       f'E2E-1,{TITLES[0]},2,3\n'
       f'E2E-2,{TITLES[1]},4,2\n')


def show_section(app, name):
    sidebar = app.find('list', 'Sections')
    row = sidebar and app.find('list item', name, root=sidebar)
    if row is None:
        return False
    e.select_child(sidebar, row)
    return True


def ancestor_named(node, name):
    while node is not None and node.name != name:
        node = node.parent
    return node


def window_named(app, name, timeout=10.0):
    return e.wait_for(lambda: next((w for w in app.node if w is not None and w.name == name), None),
                      timeout=timeout)


def risks_in_file(path):
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        return {title for (title,) in db.execute('SELECT title FROM risk')}
    finally:
        db.close()


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-import-')
    target = os.path.join(home, 'Demo.aims')
    csv_path = os.path.join(home, 'new-risks.csv')
    cli = os.environ.get('AIMS_CLI', os.path.join(build_root, 'src', 'cli', 'aims'))

    with open(csv_path, 'w', encoding='utf-8') as f:
        f.write(CSV)
    demo = subprocess.run([cli, 'demo', target], capture_output=True, text=True)
    if not tap.ok(demo.returncode == 0 and os.path.exists(target), '`aims demo` writes a fresh demo project',
                  demo.stdout + demo.stderr):
        return tap.done()

    app = e.App(build_root, args=[target], home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        tap.ok(e.wait_for(lambda: app.find('frame', timeout=1).name.startswith('Demo'), timeout=10),
               'the demo project opens')
        if not tap.ok(show_section(app, 'Risks'), 'the sidebar offers “Risks”'):
            return tap.done()
        above = app.find('push button', 'Above Tolerance')
        browser = ancestor_named(above, 'AimsRecordBrowser') if above else None
        menu = app.find('toggle button', 'List Menu', root=browser, timeout=3) or \
            app.find('push button', 'List Menu', root=browser, timeout=3)
        if not tap.ok(menu is not None, 'the register has its list menu'):
            return tap.done()
        # GTK 4.8 gives a menu button no AT-SPI action: a real click opens it
        e.click(menu)
        item = e.wait_for(lambda: e.pyatspi.findDescendant(
            app.node, lambda a: a is not None and a.name == 'Import…'), timeout=10)
        if not tap.ok(item is not None, 'the list menu offers “Import…”'):
            return tap.done()
        try:
            e.do_action(item)
        except RuntimeError:
            e.click(item)

        assistant = window_named(app, 'Import Rows')
        if not tap.ok(assistant is not None, 'the import assistant opens in its own window'):
            return tap.done()
        path = app.find('text', root=assistant)
        tap.ok(path is not None and e.set_text(path, csv_path), 'the path of the CSV can be typed in')

        nxt = app.find('push button', 'Next', root=assistant)
        if not tap.ok(nxt is not None, 'the assistant has “Next”',
                      '\n'.join(f'{a.getRoleName()} {a.name!r}' for a in e.pyatspi.findAllDescendants(
                          assistant, lambda a: a is not None and a.getRoleName() != 'filler'))):
            return tap.done()
        e.do_action(nxt)
        tap.ok(app.find('label', 'Column C', root=assistant, timeout=10) is not None,
               'the columns step lists the file’s columns')
        e.do_action(nxt)      # the values step: every value is a step number
        time.sleep(0.5)
        e.do_action(nxt)      # the dry run
        tap.ok(app.find('label', 'Would add 2, update 0, leave 0 unchanged; 0 rejected.',
                        root=assistant, timeout=10) is not None,
               'the dry run says two risks would be added and none is rejected')

        imp = app.find('push button', 'Import', root=assistant)
        if not tap.ok(imp is not None, 'the last step has “Import”'):
            return tap.done()
        e.do_action(imp)
        tap.ok(e.wait_for(lambda: window_named(app, 'Import Rows', timeout=0.3) is None, timeout=10),
               'Import closes the assistant')

        for title in TITLES:
            tap.ok(app.find('label', title, root=browser, timeout=10) is not None,
                   f'the register lists “{title}”')
        # Saved with win.save (Ctrl+S), the file holds them
        e.do_action(app.find('frame', timeout=5), 'win.save')
        tap.ok(e.wait_for(lambda: set(TITLES) <= risks_in_file(target), timeout=15),
               'saved, the project file holds the imported risks')
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
