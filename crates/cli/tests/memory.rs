//! The memory of approved wording through the real binary, on the demo taken through review:
//! suggestions graded by band with numbers carried in, only approved and unexpired wording,
//! and TMX files read and written by translate-toolkit (installed by scripts/test.sh).

use std::path::Path;
use std::process::Command;

fn pitchbridge(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", config).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn ok(config: &Path, args: &[&str]) -> String {
    let (code, out, err) = pitchbridge(config, args);
    assert_eq!(code, 0, "{args:?}\n{out}\n{err}");
    out
}

fn oracle(script: &str, args: &[&str]) -> String {
    let python = std::env::var("PITCHBRIDGE_ORACLE_PYTHON").unwrap_or_else(|_| "/var/cache/pitchbridge/tools/oracles/bin/python".into());
    assert!(Path::new(&python).exists(), "{python} is missing: run scripts/test.sh, which installs translate-toolkit");
    let out = Command::new(python).arg("-c").arg(script).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const CLAIM_9: &str = "Unlike bolt-on AP modules, Ledgerline is ERP-agnostic and goes live in under 30 days with no custom middleware.";

fn demo() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let ws = dir.path().join("team.pitchbridge").display().to_string();
    ok(&config, &["init", "--demo", &ws]);
    (dir, config, ws)
}

fn suggestions(config: &Path, ws: &str, text: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(&ok(config, &["suggest", "--workspace", ws, "--format", "json", text])).unwrap()
}

#[test]
fn a_claim_said_again_gets_the_approved_wording_graded_with_its_numbers() {
    let (_dir, config, ws) = demo();
    let exact = suggestions(&config, &ws, CLAIM_9);
    assert_eq!(exact.len(), 1, "{exact:?}");
    assert_eq!((exact[0]["band"].as_str(), exact[0]["score"].as_u64()), (Some("exact"), Some(100)));
    for key in ["score", "band", "text", "pitch_id", "audience_id", "approved_by", "approved_on"] {
        assert!(exact[0].get(key).is_some(), "{key} in {}", exact[0]);
    }
    assert!(exact[0]["approved_by"].as_str().unwrap().contains("Tomás Reyes"));

    let near = suggestions(&config, &ws, &CLAIM_9.replace("30 days", "45 days"));
    assert_eq!(near[0]["band"], "95-99");
    assert!(near[0]["text"].as_str().unwrap().contains("under 45 days"), "{}", near[0]["text"]);
    assert_eq!(near[0]["substitutions"], serde_json::json!([{ "from": "30", "to": "45" }]));

    let fuzzy = suggestions(&config, &ws, "Unlike bolt-on modules, Ledgerline is ERP agnostic and is live in under 30 days without custom middleware.");
    assert!(matches!(fuzzy[0]["band"].as_str(), Some("85-94") | Some("75-84")), "{fuzzy:?}");
    assert!(suggestions(&config, &ws, "Suppliers onboard themselves through a portal.").is_empty());
    // A paragraph of 5,000 words and claims in Chinese: an answer, not a hang or an error.
    let long = format!("{CLAIM_9} {}", "and more words ".repeat(1_700));
    ok(&config, &["suggest", "--workspace", &ws, "--format", "json", &long]);
    assert!(suggestions(&config, &ws, "月末决算缩短四天").is_empty());

    // Once deals name the pitch the wording comes from, how they fared is shown with it.
    let title: String = rusqlite::Connection::open(&ws).unwrap().query_row("SELECT title FROM pitch WHERE id = ?1", [exact[0]["pitch_id"].as_i64().unwrap()], |r| r.get(0)).unwrap();
    let deals = _dir.path().join("deals.csv");
    std::fs::write(&deals, format!("Deal ID,Owner,Stage,Close Date,Pitch\nD1,a@x.example,Closed Won,2027-03-10,{title}\nD2,a@x.example,Closed Lost,2027-03-11,{title}\nD3,a@x.example,Closed Won,2027-03-12,{}\nD4,a@x.example,Closed Won,2027-03-12,\n", exact[0]["pitch_id"])).unwrap();
    ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", "salesforce", deals.to_str().unwrap()]);
    assert_eq!(suggestions(&config, &ws, CLAIM_9)[0]["fared"], serde_json::json!({ "deals": 3, "won": 2, "win_rate": 2.0 / 3.0 }));

    // Text whose approval has lapsed is not offered: the message's prices and promotions end.
    rusqlite::Connection::open(&ws).unwrap().execute("UPDATE factory_message SET valid_until = '2026-01-01'", []).unwrap();
    assert!(suggestions(&config, &ws, CLAIM_9).is_empty(), "expired wording is withdrawn");
}

const READ_TMX: &str = r#"
import json, sys
from translate.storage.tmx import tmxfile
store = tmxfile(open(sys.argv[1], "rb"), "en", "en-x-field")
print(json.dumps([[u.source, u.target] for u in store.units]))
"#;

const WRITE_TMX: &str = r#"
import sys
from translate.storage.tmx import tmxfile
store = tmxfile(sourcelanguage="en", targetlanguage="en-x-field")
for source, target in [("Suppliers see payment status in a self-service portal.", "Your suppliers check their own payment status, so AP stops taking those calls."),
                       ("Suppliers see payment status in a self-service portal.", "Your suppliers check their own payment status, so AP stops taking those calls."),
                       ("Ledgerline Core starts at $1,450 per month.", "Start at $1,450 a month.")]:
    unit = store.addsourceunit(source)
    unit.target = target
open(sys.argv[1], "wb").write(bytes(store))
"#;

#[test]
fn memories_go_to_and_come_from_translation_tools_as_tmx() {
    let (dir, config, ws) = demo();
    let out = dir.path().join("memory.tmx");
    let wrote = ok(&config, &["tm", "export", "--workspace", &ws, "-o", out.to_str().unwrap()]);
    let pairs: Vec<(String, String)> = serde_json::from_str(&oracle(READ_TMX, &[out.to_str().unwrap()])).unwrap();
    assert!(wrote.contains(&format!("({} pairs)", pairs.len())), "{wrote}");
    let battle_card = pairs.iter().find(|(s, _)| s == CLAIM_9).expect("claim 9's approved wording");
    assert!(battle_card.1.starts_with("For IT directors who are tired of finance tools"), "{battle_card:?}");

    // A memory made by a translation tool, with a pair twice.
    let theirs = dir.path().join("theirs.tmx");
    oracle(WRITE_TMX, &[theirs.to_str().unwrap()]);
    let read = ok(&config, &["tm", "import", "--workspace", &ws, theirs.to_str().unwrap()]);
    assert!(read.contains("3 pairs read: 2 added"), "{read}");
    let again = ok(&config, &["tm", "import", "--workspace", &ws, theirs.to_str().unwrap()]);
    assert!(again.contains("0 added"), "{again}");
    let found = suggestions(&config, &ws, "Ledgerline Core starts at $1,900 per month.");
    assert_eq!(found[0]["text"], "Start at $1,900 a month.");
    assert_eq!(found[0]["origin"], "tmx");
    let hits = ok(&config, &["tm", "search", "--workspace", &ws, "payment status"]);
    assert!(hits.contains("Your suppliers check their own payment status"), "{hits}");

    // What we write, read back by us, is what translate-toolkit read.
    let back = dir.path().join("back.pitchbridge").display().to_string();
    ok(&config, &["init", &back]);
    let n = ok(&config, &["tm", "import", "--workspace", &back, out.to_str().unwrap()]);
    assert!(n.contains(&format!("{} pairs read: {} added", pairs.len(), pairs.len())), "{n}");

    let broken = dir.path().join("broken.tmx");
    std::fs::write(&broken, "<tmx><body><tu><tuv></tu>").unwrap();
    let (code, _, err) = pitchbridge(&config, &["tm", "import", "--workspace", &ws, broken.to_str().unwrap()]);
    assert!(code == 2 && err.contains("cannot be read"), "{err}");
}
