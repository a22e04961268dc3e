#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: add an AI system through the form, find it by search, save,
reopen the file in a new session, and it is there."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

NAME = 'Claims Triage Model'


def open_systems(app, tap):
    sidebar = app.find('list', 'Sections')
    row = sidebar and app.find('list item', 'AI Systems', root=sidebar)
    if not tap.ok(row is not None, 'the sidebar offers “AI Systems”'):
        return False
    e.select_child(sidebar, row)
    return True


def cell_with_text(app, text, timeout=5.0):
    # Column view cells are GtkInscriptions: read as labels or text
    return e.wait_for(lambda: next((a for a in e.pyatspi.findAllDescendants(
        app.node, lambda a: a.getRoleName() in ('label', 'text', 'table cell') and (a.name or '') == text)), None),
        timeout=timeout)


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-inventory-')
    target = os.path.join(home, 'Inventory.aims')

    app = e.App(build_root, home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        e.do_action(app.find('push button', 'New Project'))
        title = lambda: app.find('frame', timeout=1).name  # noqa: E731
        e.wait_for(lambda: title().startswith('Untitled Project'), timeout=10)
        if not open_systems(app, tap):
            return tap.done()

        add = app.find('push button', 'Add AI System')
        if not tap.ok(add is not None, 'the empty inventory offers “Add AI System”'):
            return tap.done()
        e.do_action(add)

        name = app.find('text', None, pred=lambda a: (a.name or '').startswith('Name'), timeout=10)
        if not tap.ok(name is not None, 'the form of the new system shows its Name field'):
            return tap.done()
        tap.ok(e.set_text(name, NAME), 'the name can be typed in')

        # The list shows the name once the pause in typing has recorded it
        tap.ok(cell_with_text(app, NAME, timeout=8) is not None, 'the list shows the new system by name')

        search = app.find('text', 'Search', pred=lambda a: True) or app.find('entry', 'Search')
        if tap.ok(search is not None, 'the list has a search field'):
            e.set_text(search, 'zzz-no-such-system')
            tap.ok(e.wait_for(lambda: cell_with_text(app, NAME, timeout=0.2) is None, timeout=5),
                   'a search that matches nothing hides it')
            e.set_text(search, 'triage')
            tap.ok(cell_with_text(app, NAME) is not None, 'searching “triage” finds it')

        frame = app.find('frame')
        e.do_action(frame, 'win.save')
        chooser = e.wait_for(lambda: next((w for w in app.node if w and w.name == 'Save Project'), None))
        if not tap.ok(chooser is not None, 'saving opens the file chooser'):
            return tap.done()
        e.set_text(app.find('text', 'Name:', root=chooser), target)
        e.do_action(chooser, 'default.activate')
        tap.ok(e.wait_for(lambda: os.path.exists(target), timeout=10), 'the project is saved', target)
        e.wait_for(lambda: not title().startswith('• '), timeout=5)
    finally:
        app.quit()

    # A new session opens the file given on the command line
    app = e.App(build_root, args=[target], home=home)
    try:
        tap.ok(e.wait_for(lambda: app.find('frame', timeout=1).name.startswith('Inventory'), timeout=10),
               'the saved file opens in a new session')
        if open_systems(app, tap):
            tap.ok(cell_with_text(app, NAME, timeout=8) is not None, 'the system added before is there')
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
