"""A small window that drags one file (as a file manager would) for the drop test.

Usage: python3 drag_source.py FILE X Y   (the window is placed at X, Y)
"""
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

path, x, y = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
window = Gtk.Window(title="pitchbridge-drag-source")
button = Gtk.Button(label="Drag me")
window.add(button)
window.set_default_size(200, 100)
window.move(x, y)
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda w, ctx, data, info, t: data.set_uris(["file://" + path]))
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
