#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: in the demo project, open the Impact Assessments section, start
the first assessment of an AI system from its page ("Assess Impact"), fill in
one part, press Approve and see it refused with the missing parts named, fill
in the rest (an impact included, in its own window), approve it and see it
Approved in the form and in the list.

Text goes in through AT-SPI's editable text. Choices are AdwComboRows, which
GTK 4.8 gives no action and no selection of their own: as a person would,
the test clicks the row (its section first brought into view from the
navigation list), and picks the choice with Home, Down and Enter."""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

SYSTEM = 'Marketing copy generator'
KEY_RETURN = 0xff0d
KEY_HOME = 0xff50
KEY_DOWN = 0xff54
KEY_ESCAPE = 0xff1b

# The required parts typed in once approval has been refused, by the
# accessible name of their field (a text area or an entry row)
TEXTS = [
    ('Scope', 'The generator as used by the marketing team, version 2.'),
    ('Functions and capabilities', 'Drafts campaign copy from a brief.'),
    ('Data used', 'Past campaigns and the style guide.'),
    ('Data quality', 'Reviewed by the brand team each quarter.'),
    ('Conclusion', 'Acceptable: every text is read by a person before use.'),
    ('Residual impact', 'Low.'),
    ('Approver', 'Sophie Durand'),
    ('Approver’s role', 'Marketing Director'),
    ('Retention period', '10 years'),
    ('Next review', '2099-06-30'),
]


def key(keysym):
    e.pyatspi.Registry.generateKeyboardEvent(keysym, None, e.pyatspi.KEY_SYM)
    time.sleep(0.2)


def show_section(app, name):
    sidebar = app.find('list', 'Sections', timeout=30)
    row = sidebar and app.find('list item', name, root=sidebar)
    if row is None:
        return False
    e.select_child(sidebar, row)
    return True


def text_of(node):
    try:
        return e.get_text(node)
    except Exception:
        return node.name or ''


def label_matching(root, pattern, timeout=10.0):
    """A label whose text (read fresh: names are cached) matches @pattern."""
    rx = re.compile(pattern, re.S)
    return e.wait_for(lambda: next((a for a in e.pyatspi.findAllDescendants(
        root, lambda a: a.getRoleName() == 'label' and rx.search(text_of(a) or ''))), None),
        timeout=timeout)


def field(app, root, name):
    """The text area or entry row named @name (entry rows read "Name Name")."""
    return app.find('text', root=root, timeout=10,
                    pred=lambda a: (a.name or '') == name or (a.name or '').startswith(name + ' '))


def toplevel(app, name, timeout=10.0):
    return e.wait_for(lambda: next((w for w in app.node if w is not None and w.name == name), None),
                      timeout=timeout)


def showing(node):
    try:
        state = node.getState()
        return state.contains(e.pyatspi.STATE_VISIBLE) and not state.contains(e.pyatspi.STATE_DEFUNCT)
    except Exception:  # gone from the bus
        return False


def close_message(app, dialog):
    """Presses the message dialog's Close (libadwaita keeps two, one shown)."""
    buttons = e.pyatspi.findAllDescendants(
        dialog, lambda a: a.getRoleName() == 'push button' and 'Close' in (a.name or ''))
    if not buttons:
        return False
    e.do_action(buttons[0])
    return e.wait_for(lambda: not showing(dialog), timeout=10)


def go_to(app, view, section):
    """Activates a row of the assessment's navigation list: the form scrolls
    to that section (or shows the impacts)."""
    nav = app.find('list', 'Sections of the assessment', root=view)
    row = nav and app.find('list item', section, root=nav)
    if row is None:
        return False
    e.click(row)
    time.sleep(0.8)
    return True


def combo_value(combo):
    """What the combo row shows: its labels after its title and subtitle."""
    labels = e.pyatspi.findAllDescendants(combo, lambda a: a.getRoleName() == 'label')
    return labels[-1].name if labels else None


def choose(app, root, title, position, expected):
    """Clicks the combo row titled @title, and picks the choice at
    @position (0 is the first) with the keyboard."""
    combo = app.find('combo box', root=root, pred=lambda a: (a.name or '').startswith(title))
    if combo is None:
        return None
    for _ in range(3):
        e.click(combo)
        time.sleep(0.6)
        key(KEY_HOME)
        for _ in range(position):
            key(KEY_DOWN)
        key(KEY_RETURN)
        if e.wait_for(lambda: combo_value(combo) == expected, timeout=3):
            break
    return combo_value(combo)


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-assessment-')
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
        tap.ok(e.wait_for(lambda: title().startswith('Demo'), timeout=20), 'the demo project opens', title())

        # The section lists the demo's assessments; this system has none yet
        if not tap.ok(show_section(app, 'Impact Assessments'), 'the sidebar offers “Impact Assessments”'):
            return tap.done()
        assessments = app.find('list', 'Impact assessments')
        tap.ok(assessments is not None and
               e.wait_for(lambda: len(app.find_all('list item', root=assessments)) == 5, timeout=10),
               'the section lists the demo’s five assessments')
        tap.ok(not any(SYSTEM in (a.name or '') for a in app.find_all('list item', root=assessments)),
               f'none of them is of “{SYSTEM}”')

        # Start one from the system's page
        show_section(app, 'AI Systems')
        search = app.find('entry', 'Search')
        e.set_text(search, SYSTEM)
        cell = app.find('label', SYSTEM, timeout=10)
        if not tap.ok(cell is not None, f'the inventory finds “{SYSTEM}”'):
            return tap.done()
        e.click(cell)
        assess = app.find('push button', 'Assess Impact')
        if not tap.ok(assess is not None, 'its page offers “Assess Impact” (the button’s accessible name)'):
            return tap.done()
        time.sleep(0.5)
        e.do_action(assess)

        view = app.find('filler', 'AimsAssessmentView')
        heading = view and label_matching(view, rf'^{re.escape(SYSTEM)}, version 1$', timeout=15)
        if not tap.ok(heading is not None, 'a new assessment opens: version 1 of the system'):
            return tap.done()
        status = label_matching(view, r'^IA-\d+ · ')
        tap.ok(status is not None and text_of(status).endswith('· Draft'), 'it is a draft',
               status and text_of(status))
        reference = text_of(status).split(' · ')[0] if status else None

        # A minimal part, then Approve: refused, naming what is missing
        assessor = field(app, view, 'Assessor')
        tap.ok(assessor is not None and e.set_text(assessor, 'Grace Hopper'), 'the assessor is typed in')
        approve = app.find('push button', 'Approve', root=view)
        if not tap.ok(approve is not None, 'the form offers “Approve”'):
            return tap.done()
        e.do_action(approve)
        refusal = toplevel(app, 'Cannot Approve Yet')
        if not tap.ok(refusal is not None, 'approval is refused in a dialog “Cannot Approve Yet”'):
            return tap.done()
        body = label_matching(refusal, r'cannot be approved')
        body_text = text_of(body) if body else ''
        tap.ok('Impacts: at least one impact' in body_text and 'Approval: Approver, Approver’s role' in body_text
               and 'Thresholds crossed' in body_text and 'Assessor' not in body_text,
               'it names the missing parts by section, and not the assessor typed in', body_text)
        tap.ok(close_message(app, refusal), 'the dialog closes')
        tap.ok(label_matching(view, r'^IA-\d+ · Draft$') is not None, 'the assessment is still a draft')

        # The rest of the required parts
        typed = all(e.set_text(field(app, view, name), text) for name, text in TEXTS)
        tap.ok(typed, 'the other required fields are typed in')
        go_to(app, view, 'Thresholds and Conclusion')
        shown = choose(app, view, 'Thresholds crossed', 1, 'None crossed')
        tap.ok(shown == 'None crossed', 'the thresholds crossed are chosen with the keyboard', shown)

        # An impact, in its own window
        go_to(app, view, 'Impacts')
        add = app.find('push button', 'Add Impact', root=view)
        if not tap.ok(add is not None, 'the impacts offer “Add Impact”'):
            return tap.done()
        e.do_action(add)
        dialog = toplevel(app, 'Impact')
        if not tap.ok(dialog is not None, 'the new impact opens in its window'):
            return tap.done()
        affected = field(app, dialog, 'Affected party or group')
        tap.ok(affected is not None and e.set_text(affected, 'Readers of the campaigns'),
               'the affected party is typed in')
        picks = [('Benefit or harm', 1, 'Benefit'), ('Level', 3, 'Society'),
                 ('Dimension', 5, 'Transparency and explainability'), ('Scenario', 1, 'Normal use')]
        for title_, position, expected in picks:
            shown = choose(app, dialog, title_, position, expected)
            tap.ok(shown == expected, f'“{title_}” is set to “{expected}”', shown)
        description = field(app, dialog, 'Description')
        tap.ok(description is not None and
               e.set_text(description, 'Readers learn which texts were drafted by a machine.'),
               'the description is typed in')
        key(KEY_ESCAPE)
        tap.ok(e.wait_for(lambda: toplevel(app, 'Impact', timeout=0.2) is None, timeout=10),
               'the impact window closes with Escape')
        impacts = app.find('list', 'Impacts', root=view)
        tap.ok(impacts is not None and
               label_matching(impacts, r'^Readers of the campaigns$', timeout=10) is not None and
               label_matching(impacts, r'^Benefit · Transparency and explainability · Normal use',
                              timeout=5) is not None,
               'the impacts list shows the new one, with what was chosen')

        complete = label_matching(view, r'^Complete: the assessment can be approved\.$', timeout=15)
        tap.ok(complete is not None, 'the form says it is complete',
               text_of(label_matching(view, r'^(Missing|Complete)', timeout=1) or view))

        # Approved
        e.do_action(approve)
        approved = label_matching(view, r'^IA-\d+ · Approved$', timeout=15)
        tap.ok(approved is not None, 'Approve now approves: the form reads “Approved”',
               status and text_of(status))
        tap.ok(toplevel(app, 'Cannot Approve Yet', timeout=1) is None, 'without a refusal')
        tap.ok(app.find('push button', 'New Version', root=view, timeout=5) is not None,
               'an approved assessment offers a new version instead')

        # And the list says so
        back = app.find('push button', 'All Impact Assessments', root=view)
        e.do_action(back)
        row = app.find('list item', root=assessments, timeout=10,
                       pred=lambda a: SYSTEM in (a.name or ''))
        tap.ok(row is not None, 'the list now has the system’s assessment')
        tap.ok(row is not None and label_matching(row, r'^Approved$', timeout=5) is not None and
               (reference is None or label_matching(row, re.escape(reference), timeout=5) is not None),
               'listed as Approved', row and row.name)
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
