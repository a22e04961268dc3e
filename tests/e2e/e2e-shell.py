#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: the real window appears, the welcome view's buttons exist, and
every sidebar section can be reached by its accessible name."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

SECTIONS = ['Overview', 'AI Systems', 'Risks', 'Heatmap', 'Impact Assessments',
            'Controls (SoA)', 'PDCA Board', 'Audits & Actions', 'Incidents']


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    app = e.App(build_root)
    try:
        if not tap.ok(app.node is not None, 'the application appears on the accessibility bus',
                      app.output()):
            return tap.done()

        frame = app.find('frame')
        tap.ok(frame is not None and 'AIMS Workbench' in frame.name,
               'a window titled “AIMS Workbench” appears', frame and frame.name)

        buttons = {}
        for label in ('New Project', 'Open…', 'Open Demo Project'):
            buttons[label] = app.find('push button', label)
            tap.ok(buttons[label] is not None, f'the welcome view offers “{label}”')

        recent = app.find('label', 'Recent Projects', timeout=1)
        tap.ok(recent is None, 'no “Recent Projects” list is shown when there are none')

        if buttons['New Project'] is None:
            return tap.done()
        e.do_action(buttons['New Project'])
        sidebar = app.find('list', 'Sections')
        tap.ok(sidebar is not None, 'a new project shows the sections sidebar')
        if sidebar is None:
            return tap.done()

        def content_title():
            titles = [t for t in app.find_all('filler') if t.name == 'AdwWindowTitle']
            # the sidebar header's title names the project; the content header's the section
            texts = [c.name for t in titles for c in e.pyatspi.findAllDescendants(
                t, lambda a: a.getRoleName() == 'label')]
            return next((x for x in texts if x in SECTIONS), None)

        for name in SECTIONS:
            row = app.find('list item', name, root=sidebar, timeout=3)
            if not tap.ok(row is not None, f'the sidebar lists “{name}”'):
                continue
            e.select_child(sidebar, row)
            selected = e.wait_for(lambda: sidebar.querySelection().getSelectedChild(0), timeout=3)
            # The content header's title names the section shown, and only that one
            reached = e.wait_for(lambda: content_title() == name, timeout=3)
            tap.ok(selected is not None and selected.name == name and reached is not None,
                   f'“{name}” can be reached from the sidebar',
                   f'selected={selected and selected.name}')
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
