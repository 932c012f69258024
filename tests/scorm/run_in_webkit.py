#!/usr/bin/python3
"""Runs a SCORM 1.2 package the way a learning system does: served over HTTP, opened in WebKit
in a frame under a page that hosts scorm-again's SCORM 1.2 runtime as window.API. Then answers
as a rep would and prints, as JSON, what the package reported to the runtime, every API call it
made (session time is write-only in SCORM 1.2: it is in the calls), and every URL the page
asked for.

Usage (under an X display, e.g. xvfb-run):
    run_in_webkit.py PACKAGE.zip SCORM12_JS MODE SCREENSHOT.png [SUSPEND_DATA]
MODE: "right" answers every question right; "half" gets every other question wrong; "look"
only opens it. SUSPEND_DATA is what the learning system kept from earlier sessions.
"""
import functools
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import zipfile

import gi

gi.require_foreign("cairo")

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

package, runtime, mode, screenshot = sys.argv[1:5]
suspend_data = sys.argv[5] if len(sys.argv) > 5 else ""
root = tempfile.mkdtemp()
with zipfile.ZipFile(package) as z:
    z.extractall(os.path.join(root, "package"))
shutil.copy(runtime, os.path.join(root, "scorm12.js"))
with open(os.path.join(root, "lms.html"), "w", encoding="utf-8") as f:
    f.write("""<!DOCTYPE html><html><head><meta charset="utf-8"><script src="scorm12.js"></script><script>
window.calls = [];
window.API = new Scorm12API({ logLevel: 5, autocommit: false });
if (SUSPEND) { window.API.loadFromJSON({ suspend_data: SUSPEND, core: { entry: "resume" } }); }
["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
  var real = window.API[name].bind(window.API);
  window.API[name] = function () {
    var args = Array.prototype.slice.call(arguments);
    var result = real.apply(null, args);
    window.calls.push({ name: name, args: args, result: String(result), error: String(window.API.LMSGetLastError()) });
    return result;
  };
});
</script></head><body style="margin:0"><iframe id="sco" src="package/index.html" style="border:0;width:1000px;height:1400px"></iframe></body></html>""".replace("SUSPEND", json.dumps(suspend_data)))

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


handler = functools.partial(Quiet, directory=root)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]

requested = []
outcome = {}
window = Gtk.Window()
window.set_default_size(1000, 1400)
view = WebKit2.WebView()
view.connect("resource-load-started", lambda v, resource, request: requested.append(request.get_uri()))
window.add(view)
window.show_all()

ANSWER = """
var frame = document.getElementById("sco");
var d = frame.contentDocument;
var kit = JSON.parse(d.getElementById("kit").textContent);
kit.questions.forEach(function (q, i) {
  if (MODE === "look") { return; }
  var wrong = MODE === "half" && i % 2 === 0;
  if (q.type === "choice") {
    var pick = wrong ? (q.answer + 1) % q.choices.length : q.answer;
    d.querySelector("input[name=q" + i + "][value='" + pick + "']").click();
  } else {
    // Typed as a rep types: different case, a full stop after it.
    d.querySelector("input[name=q" + i + "]").value = wrong ? "no idea" : q.gap.toUpperCase() + ".";
  }
});
if (MODE !== "look") { d.getElementById("submit").click(); }
JSON.stringify({
  raw: window.API.cmi.core.score.raw, min: window.API.cmi.core.score.min, max: window.API.cmi.core.score.max,
  status: window.API.cmi.core.lesson_status,
  questions: kit.questions.length, practice: kit.practice.length,
  shown: d.getElementById("result").textContent, intro: d.getElementById("intro").textContent,
  submitDisabled: d.getElementById("submit").disabled, calls: window.calls
});
""".replace("MODE", json.dumps(mode))

READY = """
(function () {
  var f = document.getElementById("sco");
  var d = f && f.contentDocument;
  return !!(d && d.readyState === "complete" && d.getElementById("submit") && window.calls.length > 0);
})()
"""


def finish(code):
    print(json.dumps(outcome))
    Gtk.main_quit()
    sys.exit_code = code


def run(script, then):
    def done(v, result):
        try:
            value = v.evaluate_javascript_finish(result)
            then(value.to_string())
        except GLib.Error as e:
            outcome["error"] = e.message
            finish(1)
    view.evaluate_javascript(script, -1, None, None, None, done)


def shot_taken(v, result):
    surface = v.get_snapshot_finish(result)
    surface.write_to_png(screenshot)
    outcome["requested"] = requested
    finish(0)


def answered(text):
    outcome.update(json.loads(text))
    view.get_snapshot(WebKit2.SnapshotRegion.FULL_DOCUMENT, WebKit2.SnapshotOptions.NONE, None, shot_taken)


def poll():
    def seen(text):
        if text == "true":
            run(ANSWER, answered)
        else:
            GLib.timeout_add(100, poll)
    run(READY, seen)
    return False


def give_up():
    outcome["error"] = "the package did not start within 60 s"
    finish(1)
    return False


view.load_uri(base + "lms.html")
GLib.timeout_add(200, poll)
GLib.timeout_add_seconds(60, give_up)
sys.exit_code = 1
Gtk.main()
server.shutdown()
sys.exit(sys.exit_code)
