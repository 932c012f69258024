//! Harness for end-to-end tests: starts tauri-driver (which starts WebKitWebDriver, which
//! starts the app), opens a WebDriver session on the built app, and cleans up after.
//!
//! Needs `PITCHBRIDGE_APP` (the built desktop binary), `TAURI_DRIVER` (the tauri-driver
//! binary) and a display (the test script runs these tests under Xvfb).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use fantoccini::{Client, Locator};
use fantoccini::ClientBuilder;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

const PORT: u16 = 4444;
const NATIVE_PORT: u16 = 4445;

/// A private home for one test: app data (the default workspace) and the runtime dir (the
/// single-instance socket) live here, so tests never see each other or the user's files.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["data", "config", "cache", "run"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path().join("run"), std::fs::Permissions::from_mode(0o700)).unwrap();
        Sandbox { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Where the app keeps its default workspace inside this sandbox.
    pub fn default_workspace(&self) -> PathBuf {
        self.path("data/com.pitchbridge.desktop/Workspace.pitchbridge")
    }

    fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("XDG_DATA_HOME", self.path("data")),
            ("XDG_CONFIG_HOME", self.path("config")),
            ("XDG_CACHE_HOME", self.path("cache")),
            ("XDG_RUNTIME_DIR", self.path("run")),
        ]
    }

    /// The desktop's settings as GTK reads them in this sandbox (what a person sets in their
    /// desktop's appearance and accessibility panels): a dark theme, and animations off, which
    /// WebKit reports to the page as `prefers-color-scheme: dark` and
    /// `prefers-reduced-motion: reduce`.
    pub fn desktop_settings(&self, dark: bool, reduced_motion: bool) {
        let dir = self.path("config/gtk-3.0");
        std::fs::create_dir_all(&dir).unwrap();
        let ini = format!(
            "[Settings]\ngtk-application-prefer-dark-theme={}\ngtk-enable-animations={}\n",
            u8::from(dark),
            u8::from(!reduced_motion)
        );
        std::fs::write(dir.join("settings.ini"), ini).unwrap();
    }

    /// Runs the app binary directly (not through WebDriver), as a person would a second time.
    pub fn run_app_directly(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::new(app_binary());
        cmd.args(args);
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start app");
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if child.try_wait().unwrap().is_some() {
                return child.wait_with_output().unwrap();
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let out = child.wait_with_output().unwrap();
                panic!(
                    "the second instance did not exit: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

pub fn app_binary() -> PathBuf {
    PathBuf::from(std::env::var("PITCHBRIDGE_APP").expect("PITCHBRIDGE_APP must name the built app"))
}

/// A running tauri-driver. Dropping it stops the driver with SIGTERM (SIGKILL would orphan
/// WebKitWebDriver and keep its port busy).
pub struct Driver {
    child: Child,
    /// The sandbox's runtime dir: how this driver's app processes are told from others'.
    run_dir: PathBuf,
}

impl Driver {
    pub fn start(sandbox: &Sandbox) -> Driver {
        let bin = std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into());
        wait_port_free(PORT);
        wait_port_free(NATIVE_PORT);
        let mut cmd = Command::new(bin);
        cmd.args(["--port", &PORT.to_string(), "--native-port", &NATIVE_PORT.to_string()]);
        for (k, v) in sandbox.env() {
            cmd.env(k, v);
        }
        // Exports would open in the desktop's viewer: not during tests.
        cmd.env("PITCHBRIDGE_NO_VIEWER", "1");
        let child = cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("start tauri-driver");
        let driver = Driver { child, run_dir: sandbox.path("run") };
        for port in [PORT, NATIVE_PORT] {
            let deadline = Instant::now() + Duration::from_secs(20);
            while TcpStream::connect(("127.0.0.1", port)).is_err() {
                assert!(Instant::now() < deadline, "tauri-driver did not open port {port}");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        driver
    }

    /// Starts the app with `args` and connects a WebDriver session to it.
    pub async fn launch(&self, args: &[String]) -> Client {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app_binary(), "args": args },
        });
        let caps = caps.as_object().unwrap().clone();
        ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{PORT}"))
            .await
            .expect("WebDriver session")
    }
}

/// Ids of the app's processes started with `run_dir` as their runtime dir.
fn app_processes(run_dir: &Path) -> Vec<u32> {
    let want = format!("XDG_RUNTIME_DIR={}", run_dir.display());
    let app = app_binary();
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let exe = std::fs::read_link(entry.path().join("exe")).ok();
        if exe.as_deref().map(std::fs::canonicalize).and_then(|r| r.ok()) != std::fs::canonicalize(&app).ok() {
            continue;
        }
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ.split(|b| *b == 0).any(|v| v == want.as_bytes()) {
            out.push(pid);
        }
    }
    out
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The app must be gone before the next start in the same sandbox, or that start would
        // hand over to it (the single-instance guard) and never open a window of its own.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !app_processes(&self.run_dir).is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        for pid in app_processes(&self.run_dir) {
            let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
        }
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_port_free(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", port)).is_ok() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub fn workspace_args(path: &Path) -> Vec<String> {
    vec!["--workspace".into(), path.display().to_string()]
}

/// Waits until the UI says its first screen is on display; returns "true" or "error".
pub async fn wait_ready(c: &Client) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let v = c
            .execute("return document.body ? (document.body.dataset.ready || '') : ''", vec![])
            .await
            .expect("script");
        let s = v.as_str().unwrap_or("").to_string();
        if !s.is_empty() {
            return s;
        }
        assert!(Instant::now() < deadline, "the app did not become ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for an element to appear.
pub async fn find(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element {css}: {e}"))
}

/// Waits until `css` matches exactly `n` elements, and returns them.
pub async fn find_n(c: &Client, css: &str, n: usize) -> Vec<fantoccini::elements::Element> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = c.find_all(Locator::Css(css)).await.unwrap();
        if found.len() == n {
            return found;
        }
        assert!(Instant::now() < deadline, "expected {n} of {css}, found {}", found.len());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until some element matching `css` contains `text` (its DOM text: WebKitWebDriver's
/// rendered-text algorithm drops text in some flex layouts).
pub async fn find_text(c: &Client, css: &str, text: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let index = c
            .execute(
                "return Array.from(document.querySelectorAll(arguments[0]))
                    .findIndex(e => e.textContent.includes(arguments[1]));",
                vec![json!(css), json!(text)],
            )
            .await
            .expect("script")
            .as_i64()
            .unwrap_or(-1);
        if index >= 0 {
            let all = c.find_all(Locator::Css(css)).await.unwrap();
            if let Some(e) = all.into_iter().nth(index as usize) {
                return e;
            }
        }
        assert!(Instant::now() < deadline, "no {css} containing {text:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The DOM text of an element.
pub async fn text_of(c: &Client, e: &fantoccini::elements::Element) -> String {
    c.execute("return arguments[0].textContent;", vec![serde_json::to_value(e).unwrap()])
        .await
        .expect("script")
        .as_str()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// Sets a form field's value the way typing would, so framework bindings see it.
pub async fn fill(c: &Client, css: &str, value: &str) {
    let e = find(c, css).await;
    e.clear().await.unwrap();
    e.send_keys(value).await.unwrap();
}

/// Puts multi-line text into a field as a paste would (WebDriver typing drops newlines in
/// WebKitGTK textareas).
pub async fn paste(c: &Client, css: &str, text: &str) {
    find(c, css).await;
    c.execute(
        "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1];
         e.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![json!(css), json!(text)],
    )
    .await
    .expect("paste");
}

pub async fn click(c: &Client, css: &str) {
    find(c, css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Puts the caret at the end of the first block matching `css` inside the editor.
pub async fn caret_at_end(c: &Client, css: &str) {
    // On a loaded machine the editor may take the focus after the selection was set, and
    // move the caret: set it again until both hold.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let placed = c
            .execute(
                "const el = document.querySelector(arguments[0]);
                 const editor = el.closest('[contenteditable]');
                 if (document.activeElement !== editor) editor.focus();
                 const r = document.createRange(); r.selectNodeContents(el); r.collapse(false);
                 const s = getSelection(); s.removeAllRanges(); s.addRange(r);
                 return true;",
                vec![json!(css)],
            )
            .await
            .expect("caret");
        assert_eq!(placed, json!(true));
        tokio::time::sleep(Duration::from_millis(150)).await;
        let holds = c
            .execute(
                "const el = document.querySelector(arguments[0]); const s = getSelection();
                 return document.activeElement === el.closest('[contenteditable]') && s.rangeCount > 0 && el.contains(s.anchorNode);",
                vec![json!(css)],
            )
            .await
            .expect("caret check");
        if holds == json!(true) || Instant::now() > deadline {
            return;
        }
    }
}

/// Saves a PNG of the window (for a person to look at when a test fails).
pub async fn screenshot(c: &Client, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let dir = std::env::var("E2E_SCREENSHOTS").unwrap_or_else(|_| std::env::temp_dir().display().to_string());
        let _ = std::fs::write(Path::new(&dir).join(format!("{name}.png")), png);
    }
}

/// Waits until `sql` (one integer) on the workspace file gives `want`: what the app wrote,
/// read from the file itself.
pub async fn wait_db(path: &Path, sql: &str, want: i64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let got: i64 = rusqlite::Connection::open(path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap();
        if got == want {
            return;
        }
        assert!(Instant::now() < deadline, "{sql}: {got}, wanted {want}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sets up the person at the window as a reviewer through the profile dialog: name, email, a
/// signing key under `passphrase`. The dialog is left closed.
pub async fn make_reviewer_profile(c: &Client, name: &str, email: &str, passphrase: &str) {
    click(c, "[data-testid=nav-profile]").await;
    fill(c, "[data-testid=profile-name]", name).await;
    fill(c, "[data-testid=profile-email]", email).await;
    click(c, "[data-testid=role-reviewer]").await;
    fill(c, "[data-testid=profile-passphrase]", passphrase).await;
    fill(c, "[data-testid=profile-passphrase-again]", passphrase).await;
    click(c, "[data-testid=profile-submit]").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !c.find_all(Locator::Css("[data-testid=profile-submit]")).await.unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the profile dialog did not close");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A reviewer's profile made through the dialog (as `make_reviewer_profile`), registered as a
/// reviewer in the open workspace; the dialog is left closed.
pub async fn make_registered_reviewer(c: &Client, name: &str, email: &str, passphrase: &str) {
    make_reviewer_profile(c, name, email, passphrase).await;
    click(c, "[data-testid=nav-profile]").await;
    click(c, "[data-testid=register-reviewer]").await;
    find(c, "[data-testid=registered-here]").await;
    c.active_element().await.expect("focused element").send_keys("\u{e00c}").await.expect("Escape");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !c.find_all(Locator::Css("[role=dialog]")).await.unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the profile dialog did not close");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Selects the first ten characters of claim `number`'s words in the claims pane, as a
/// reviewer would before commenting on them.
pub async fn select_claim_words(c: &Client, number: u32) {
    c.execute(
        "const p = document.querySelector(`[data-testid=claim-row][data-number=\"${arguments[0]}\"] .text`);
         const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); let t = walker.nextNode();
         while (t && t.textContent.trim().length < 12) t = walker.nextNode();
         const start = t.textContent.search(/\\S/); const r = document.createRange(); r.setStart(t, start); r.setEnd(t, start + 10);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
        vec![json!(number)],
    )
    .await
    .expect("select a claim's words");
}

/// A writer's profile, as the profile dialog would have saved it in the sandbox.
pub fn write_writer_profile(sandbox: &Sandbox, name: &str, email: &str) {
    let dir = sandbox.path("config/com.pitchbridge.desktop");
    std::fs::create_dir_all(&dir).unwrap();
    let profile = json!({ "name": name, "email": email, "role": "writer", "key": null });
    std::fs::write(dir.join("profile.json"), profile.to_string()).unwrap();
}

/// Prints a benchmark's figures: count, p50, p95 and max, in milliseconds (nearest rank).
pub fn report_ms(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    println!("{name}: n={} p50={:.1} ms p95={:.1} ms max={:.1} ms", ms.len(), pct(0.5), pct(0.95), pct(1.0));
}

/// Whether a window with exactly this title is on the display (the desktop's file dialog).
pub fn window_shown(title: &str) -> bool {
    std::process::Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false)
}

/// Answers the file dialog titled `title`, as a person would: the whole path pasted into its
/// location field (typing races GTK's completion), then Return; again if the dialog is still
/// there (a slow machine may not have given it the keys).
pub async fn answer_dialog(title: &str, path: &Path, open: bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !window_shown(title) {
        assert!(Instant::now() < deadline, "the dialog \"{title}\" never opened");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("support/clipboard.py");
    let mut owner = std::process::Command::new("/usr/bin/python3")
        .arg(script)
        .arg(path.display().to_string())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("clipboard helper");
    {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(owner.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready");
    }
    let key = |k: &str| {
        let _ = std::process::Command::new("xdotool").args(["key", k]).status();
    };
    for _ in 0..3 {
        // Let the dialog take the keyboard.
        tokio::time::sleep(Duration::from_millis(800)).await;
        // An open dialog shows its location field on Ctrl+L; a save dialog's name field has the focus.
        key(if open { "ctrl+l" } else { "ctrl+a" });
        tokio::time::sleep(Duration::from_millis(300)).await;
        key("ctrl+v");
        tokio::time::sleep(Duration::from_millis(400)).await;
        key("Return");
        let gone = Instant::now() + Duration::from_secs(3);
        while window_shown(title) && Instant::now() < gone {
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        if !window_shown(title) {
            break;
        }
        eprintln!("the dialog \"{title}\" is still open; answering again");
    }
    let _ = owner.kill();
    let _ = owner.wait();
}

/// Runs axe-core (the npm package the UI installs as a test-only dependency) over the page as
/// it is now, once its animations have ended, and returns one line per violation: the rule,
/// its impact and the elements it found. Every rule axe runs by default is run (WCAG 2.0, 2.1
/// and 2.2 A and AA, and axe's best practices).
pub async fn axe_violations(c: &Client) -> Vec<String> {
    let loaded = c.execute("return typeof window.axe === 'object'", vec![]).await.expect("script");
    if loaded != json!(true) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run npm ci in ui/)", path.display()));
        c.execute(&format!("{source}\n;return typeof window.axe;"), vec![]).await.expect("inject axe-core");
    }
    // A dialog fading in has text at part opacity, which axe would measure as low contrast:
    // wait until nothing has animated for three looks in a row (a dialog that has just been
    // mounted may not have started its fade at the first look).
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut still = 0;
    while still < 3 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(80)).await;
        let running = c
            .execute(
                "return document.getAnimations().filter((a) => a.playState === 'running' && a.effect && a.effect.getTiming().iterations !== Infinity).length",
                vec![],
            )
            .await
            .expect("script")
            .as_i64()
            .unwrap_or(0);
        still = if running == 0 { still + 1 } else { 0 };
    }
    let found = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(
               (r) => done(r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ` +
                 v.nodes.slice(0, 6).map((n) => n.target.join(' ') + ' [' + (n.failureSummary || '').replace(/\\s+/g, ' ') + ']').join(' | '))),
               (e) => done(['axe-core did not run: ' + e]));",
            vec![],
        )
        .await
        .expect("axe-core run");
    found.as_array().unwrap().iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

/// Audits the page with axe-core and adds what it finds, under `place`, to `found`.
pub async fn audit(c: &Client, place: &str, found: &mut Vec<String>) {
    for v in axe_violations(c).await {
        found.push(format!("{place}: {v}"));
    }
}

/// Presses a key (a WebDriver key code such as `"\u{e00c}"` for Escape) on whatever has the
/// focus.
pub async fn press(c: &Client, keys: &str) {
    c.active_element().await.expect("focused element").send_keys(keys).await.expect("keys");
}
