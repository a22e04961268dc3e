# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared helpers for the end-to-end tests: start the real aims-workbench
under the session's X server and D-Bus, find widgets over AT-SPI by role and
accessible name, act on them, and report TAP.

Run with Debian's /usr/bin/python3 (pyatspi is not importable elsewhere)."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
    from gi.repository import Atspi
    # A call into the app waits for its answer up to this long (ms). The
    # default, 25 s, is shorter than a busy CI machine can take to build a
    # section the first time it is shown; a hung app still fails the test.
    Atspi.set_timeout(120000, 120000)
except ImportError:  # pragma: no cover - reported as a skip by the caller
    pyatspi = None

APP_NAMES = ('aims-workbench', 'io.github.aimsworkbench.AimsWorkbench',
             'io.github.aimsworkbench.AimsWorkbench.Devel', 'AIMS Workbench')


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        print(f'{"ok" if cond else "not ok"} {self.n} - {name}', flush=True)
        if not cond:
            self.failed += 1
            for line in str(detail).splitlines():
                print(f'# {line}', flush=True)
        return cond

    def done(self):
        print(f'1..{self.n}', flush=True)
        return 1 if self.failed else 0


def skip_all(reason):
    print(f'1..0 # SKIP {reason}')
    sys.exit(0)


def require_environment():
    if pyatspi is None:
        skip_all('pyatspi is not installed (python3-pyatspi)')
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        skip_all('no display')
    if not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        skip_all('no session bus')


def wait_for(pred, timeout=10.0, interval=0.05):
    end = time.monotonic() + timeout
    while True:
        try:
            value = pred()
        except Exception:  # the tree changes under us while the app works
            value = None
        if value:
            return value
        if time.monotonic() > end:
            return None
        time.sleep(interval)


class App:
    """The real binary with its own XDG folders and in-memory settings."""

    def __init__(self, build_root, args=(), home=None, env_extra=None):
        self.build_root = build_root
        self.tmp = home or tempfile.mkdtemp(prefix='aims-e2e-')
        self.own_tmp = home is None
        env = dict(os.environ)
        for var in ('GTK_A11Y', 'NO_AT_BRIDGE'):
            env.pop(var, None)
        for var, sub in (('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                         ('XDG_STATE_HOME', 'state'), ('XDG_CACHE_HOME', 'cache')):
            env[var] = os.path.join(self.tmp, sub)
            os.makedirs(env[var], exist_ok=True)
        env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build_root, 'data')
        env['GSETTINGS_BACKEND'] = 'memory'
        env['GDK_DEBUG'] = 'gl-disable'
        env['GSK_RENDERER'] = 'cairo'
        if env_extra:
            env.update(env_extra)
        self.env = env
        binary = os.path.join(build_root, 'src', 'aims-workbench')
        self.proc = subprocess.Popen([binary, *args], env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        # Start-up is about a second on a quiet machine; a CI machine running
        # sanitizer builds beside it took over 20 s.
        self.node = wait_for(self._find_app, timeout=90)

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for a in desktop:
            if a is None:
                continue
            try:
                if a.name in APP_NAMES and a.get_process_id() == self.proc.pid:
                    return a
            except Exception:
                continue
        return None

    def find(self, role, name=None, root=None, timeout=10.0, pred=None):
        """First descendant with this role (and name), polling until it appears."""
        def match(a):
            try:
                if a.getRoleName() != role:
                    return False
                if name is not None and a.name != name:
                    return False
                return pred(a) if pred else True
            except Exception:
                return False
        return wait_for(lambda: pyatspi.findDescendant(root or self.node, match), timeout)

    def find_all(self, role, root=None):
        return pyatspi.findAllDescendants(root or self.node, lambda a: a.getRoleName() == role)

    def output(self):
        try:
            out, _ = self.proc.communicate(timeout=2)
            return out.decode(errors='replace')
        except Exception:
            return ''

    def quit(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.own_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


def do_action(node, action_name='click'):
    act = node.queryAction()
    names = [act.getName(i) for i in range(act.nActions)]
    if action_name not in names:
        raise RuntimeError(f'{node.getRoleName()} “{node.name}” has no action {action_name}: {names}')
    act.doAction(names.index(action_name))


def select_child(list_node, child):
    sel = list_node.querySelection()
    index = child.getIndexInParent()
    return sel.selectChild(index)


def set_text(node, text):
    # GTK 4.8 answers SetTextContents with success and changes nothing;
    # deleting and inserting goes through the real editing path.
    # A widget that has only just been shown can drop the first edit, so
    # retry until the text reads back.
    et = node.queryEditableText()
    for _ in range(20):
        count = node.queryText().characterCount
        if count:
            et.deleteText(0, count)
        et.insertText(0, text, len(text.encode('utf-8')))
        if wait_for(lambda: get_text(node) == text, timeout=0.5):
            return True
    return False


def click(node):
    """A real pointer click in the middle of a widget. GTK 4.8 reports
    window-relative extents; under Xvfb there is no window manager and the
    window sits at (0, 0), so they are screen coordinates too."""
    ext = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x, y = ext.x + ext.width // 2, ext.y + ext.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, 'b1c')


def get_text(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)
