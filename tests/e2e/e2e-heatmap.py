#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end: read a heatmap cell's count, add a risk in the register and
score it into that cell with the form's combo rows, see the count go up by
one, and activate the cell to find the new risk in the register.

The score rows are AdwComboRows. In GTK 4.8 they reach AT-SPI as a "combo
box" with no action and no Selection of their own (their list sits in a
popover that exists only while open), and Component.GrabFocus answers
with an error. So the test does what a keyboard user does: click the
title field, Tab to the row (the form scrolls it into view), Enter opens
the popover, Home and Down pick the step, Enter chooses it."""
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aimse2e as e  # noqa: E402

TITLE = 'Pricing model drifts after a rate change'
LIKELIHOOD = (3, 'Possible')
IMPACT = (3, 'Moderate')
CELL = f'{LIKELIHOOD[1]} × {IMPACT[1]}:'

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
    e.select_child(sidebar, row)
    return True


def find_cell(app, timeout=10.0):
    return app.find('push button', timeout=timeout,
                    pred=lambda a: (a.name or '').startswith(CELL))


def cell_count(node):
    m = re.match(r'.*: (\d+) risks?,', node.name or '')
    return int(m.group(1)) if m else None


def focused(node):
    try:
        return node.getState().contains(e.pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def shown_value(combo):
    """The step the combo row shows: its label that reads "N · Step"."""
    labels = e.pyatspi.findAllDescendants(combo, lambda a: a.getRoleName() == 'label' and '·' in (a.name or ''))
    return labels[0].name if labels else None


def choose_step(app, prefix, step, start):
    """Tabs from @start to the combo row named @prefix…, opens it and picks
    step number @step. Returns what the row then shows."""
    combo = app.find('combo box', pred=lambda a: (a.name or '').startswith(prefix))
    if combo is None:
        return None
    if start is not None:
        e.click(start)
        time.sleep(0.3)
    for _ in range(80):
        if focused(combo):
            break
        key(KEY_TAB)
    if not focused(combo):
        return None
    key(KEY_RETURN)          # opens the popover, the chosen step focused
    time.sleep(0.4)
    key(KEY_HOME)
    for _ in range(step - 1):
        key(KEY_DOWN)
    key(KEY_RETURN)
    want = f'{step} · '
    e.wait_for(lambda: (shown_value(combo) or '').startswith(want), timeout=5)
    return shown_value(combo)


def cell_with_text(app, text, timeout=5.0):
    # Column view cells are GtkInscriptions: read as labels or text
    return e.wait_for(lambda: next((a for a in e.pyatspi.findAllDescendants(
        app.node, lambda a: a.getRoleName() in ('label', 'text', 'table cell') and (a.name or '') == text)), None),
        timeout=timeout)


def main():
    e.require_environment()
    build_root = sys.argv[1]
    tap = e.Tap()
    home = tempfile.mkdtemp(prefix='aims-e2e-heatmap-')
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

        if not tap.ok(show_section(app, 'Heatmap'), 'the sidebar offers “Heatmap”'):
            return tap.done()
        cell = find_cell(app)
        if not tap.ok(cell is not None, f'the heatmap has a cell “{CELL} …”'):
            return tap.done()
        before = cell_count(cell)
        tap.ok(before is not None, f'the cell says how many risks it holds: “{cell.name}”')

        if not tap.ok(show_section(app, 'Risks'), 'the sidebar offers “Risks”'):
            return tap.done()
        add = app.find('push button', 'Add Risk')
        if not tap.ok(add is not None, 'the register offers “Add Risk”'):
            return tap.done()
        e.do_action(add)

        title_field = app.find('text', pred=lambda a: (a.name or '').startswith('Title'), timeout=10)
        if not tap.ok(title_field is not None, 'the form of the new risk shows its Title field'):
            return tap.done()
        tap.ok(e.set_text(title_field, TITLE), 'the title can be typed in')

        shown = choose_step(app, 'Inherent likelihood', LIKELIHOOD[0], title_field)
        tap.ok(shown == f'{LIKELIHOOD[0]} · {LIKELIHOOD[1]}',
               f'the inherent likelihood is set to “{LIKELIHOOD[1]}” with the keyboard', shown)
        # The impact row follows the likelihood's: Tab on from there
        shown = choose_step(app, 'Inherent impact', IMPACT[0], None)
        tap.ok(shown == f'{IMPACT[0]} · {IMPACT[1]}',
               f'the inherent impact is set to “{IMPACT[1]}” with the keyboard', shown)
        tap.ok(cell_with_text(app, TITLE, timeout=8) is not None, 'the register lists the new risk by title')

        show_section(app, 'Heatmap')
        after = e.wait_for(lambda: (lambda c: c if c is not None and cell_count(c) == before + 1 else None)(
            find_cell(app, timeout=1)), timeout=10)
        tap.ok(after is not None, f'the cell now holds {before + 1} risks',
               (find_cell(app, timeout=1) or cell).name)

        cell = find_cell(app)
        e.do_action(cell, 'click')
        risks_shown = e.wait_for(lambda: app.find('push button', 'Add Risk', timeout=0.5) is not None
                                 and cell_with_text(app, TITLE, timeout=0.5), timeout=10)
        tap.ok(risks_shown is not None, 'activating the cell shows its risks in the register, the new one among them')
        count = app.find('label', timeout=5, pred=lambda a: '· cell' in (a.name or ''))
        tap.ok(count is not None and f'{before + 1} of ' in count.name and LIKELIHOOD[1] in count.name,
               'the register says it shows that cell’s risks', count.name if count else '')
    finally:
        app.quit()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
