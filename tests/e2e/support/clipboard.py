#!/usr/bin/env python3
"""Puts its argument on the desktop's clipboard and keeps it there (the owner must stay
alive) until killed or 20 s have passed: how the tests paste a path into a file dialog."""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

clipboard = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
clipboard.set_text(sys.argv[1], -1)
print("ready", flush=True)
GLib.timeout_add_seconds(20, Gtk.main_quit)
Gtk.main()
