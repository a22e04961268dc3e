#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: create a project, name the organisation, save it through the
file chooser, and reopen it from the welcome page's recent projects in a new
session of the app."""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

ORG = 'Tailspin Toys Assurance'


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-project-')
    target = os.path.join(home, 'Tailspin.aims')

    app = e.App(build_root, home=home)
    try:
        if not tap.ok(app.node is not None, 'the application starts', app.output()):
            return tap.done()
        e.do_action(app.find('push button', 'New Project'))
        title = lambda: app.find('frame', timeout=1).name  # noqa: E731 (read afresh, never cached)
        tap.ok(e.wait_for(lambda: title().startswith('Untitled Project'), timeout=10),
               'New Project opens an untitled project', title())
        org = app.find('text', 'Organisation Name')
        if not tap.ok(org is not None, 'a new project shows the organisation field'):
            return tap.done()
        tap.ok(e.set_text(org, ORG), 'the organisation can be typed in')

        frame = app.find('frame')
        modified = e.wait_for(lambda: title().startswith('• '), timeout=5)
        tap.ok(modified, 'the window title marks unsaved changes after a pause in typing', title())

        # Ctrl+S on an untitled project asks where to save it
        e.do_action(frame, 'win.save')
        chooser = e.wait_for(lambda: next((w for w in app.node if w and w.name == 'Save Project'), None))
        if not tap.ok(chooser is not None, 'saving an untitled project opens the file chooser'):
            return tap.done()
        name = app.find('text', 'Name:', root=chooser)
        e.set_text(name, target)
        e.do_action(chooser, 'default.activate')

        saved = e.wait_for(lambda: os.path.exists(target), timeout=10)
        tap.ok(saved, 'the project file is written where the person chose', target)
        tap.ok(e.wait_for(lambda: not title().startswith('• '), timeout=5),
               'the title no longer marks unsaved changes', title())

        check = subprocess.run([os.environ.get('AIMS_CLI', os.path.join(build_root, 'src', 'cli', 'aims')),
                                'check', target], capture_output=True, text=True)
        tap.ok(check.returncode == 0 and ORG in check.stdout,
               '`aims check` accepts the saved file and sees the organisation',
               check.stdout + check.stderr)

        e.do_action(frame, 'window.close')
        tap.ok(e.wait_for(lambda: app.proc.poll() is not None, timeout=10) is not None or app.proc.poll() is not None,
               'closing a saved project asks nothing and the app quits')
    finally:
        app.quit()

    # A new session: the welcome page lists the project under Recent Projects
    app = e.App(build_root, home=home)
    try:
        recent = app.find('list', 'Recent Projects')
        row = recent and app.find('list item', None, root=recent,
                                  pred=lambda a: 'Tailspin' in (a.name or '') or any(
                                      'Tailspin' in (c.name or '') for c in e.pyatspi.findAllDescendants(a, lambda x: True)))
        if not tap.ok(row is not None, 'the saved project is listed under Recent Projects'):
            return tap.done()
        e.click(row)

        org = app.find('text', 'Organisation Name', timeout=10)
        value = org and e.wait_for(lambda: e.get_text(org) == ORG, timeout=5)
        tap.ok(value, 'reopening it shows the organisation that was saved', org and e.get_text(org))
        frame = app.find('frame')
        tap.ok(frame is not None and frame.name.startswith('Tailspin'),
               'the window is titled after the file', frame and frame.name)
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
