//! Anki decks (.apkg): the flashcards and the proof-point gaps, as a rep drills them on the phone.
//!
//! An .apkg is a zip of `collection.anki2`, an SQLite collection in Anki's schema 11 (which
//! every Anki since 2.1 imports), and `media`, the JSON list of media files (none here). Two
//! note types: a two-sided card (Front, Back, Source) and a cloze (Text, Source). Notes are
//! tagged with the launch and the audience. Ids, GUIDs and times come from the items and the
//! time passed in, so the same kit at the same time gives the same bytes.

use std::io::{Cursor, Write};

use serde_json::{json, Value};
use sha1::{Digest, Sha1};

use crate::text::stable_hash;
use crate::{ClozePart, ItemKind, KitItem};

#[derive(Debug, thiserror::Error)]
pub enum AnkiError {
    #[error("the deck's collection could not be written: {0}")]
    Collection(#[from] rusqlite::Error),
    #[error("the deck could not be packed: {0}")]
    Io(#[from] std::io::Error),
    #[error("the deck could not be packed: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// What names the deck and its tags.
pub struct Deck<'a> {
    /// "Ledgerline 4.0 launch — VAR × IT director".
    pub name: &'a str,
    pub launch: &'a str,
    pub audience: &'a str,
    /// Seconds since 1970: the notes' and the collection's time.
    pub created: i64,
}

const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null,
  odue integer not null, odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";

/// A stable id in Anki's range (milliseconds since 1970, as Anki makes them), from a name.
fn id_of(name: &str) -> i64 {
    1_400_000_000_000 + (stable_hash(name) % 100_000_000_000) as i64
}

/// Anki's field separator.
const SEP: char = '\u{1f}';

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A tag: no spaces (Anki splits tags on them), "::" for hierarchy.
fn tag(prefix: &str, name: &str) -> String {
    let name: String = name.split_whitespace().collect::<Vec<_>>().join("_");
    format!("{prefix}::{name}")
}

/// Anki's duplicate check: the first 8 hex digits of the SHA-1 of the first field's text.
fn checksum(first_field: &str) -> i64 {
    let digest = Sha1::digest(first_field.as_bytes());
    i64::from(u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]))
}

const CSS: &str = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: #1d2433; background: #fff; }\n\
.source { margin-top: 1.5em; font-size: 13px; color: #4a5160; }\n.cloze { font-weight: bold; color: #1f4fa3; }";

fn model(id: i64, name: &str, cloze: bool, fields: &[&str], qfmt: &str, afmt: &str, deck: i64, created: i64) -> Value {
    json!({
        "id": id, "name": name, "type": if cloze { 1 } else { 0 }, "mod": created, "usn": -1, "sortf": 0, "did": deck,
        "tmpls": [{ "name": if cloze { "Cloze" } else { "Card 1" }, "ord": 0, "qfmt": qfmt, "afmt": afmt, "did": null, "bqfmt": "", "bafmt": "" }],
        "flds": fields.iter().enumerate().map(|(i, f)| json!({ "name": f, "ord": i, "sticky": false, "rtl": false, "font": "Arial", "size": 20, "media": [] })).collect::<Vec<_>>(),
        "css": CSS, "latexPre": "\\documentclass[12pt]{article}\n\\begin{document}\n", "latexPost": "\\end{document}",
        "tags": [], "vers": [], "req": [[0, "any", [0]]]
    })
}

/// The flashcards and cloze items of a kit as an .apkg. Other kinds have no card form and are
/// left to the quiz formats.
pub fn write_apkg(deck: &Deck, items: &[KitItem]) -> Result<Vec<u8>, AnkiError> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("collection.anki2");
    let created = deck.created;
    let (deck_id, basic_id, cloze_id) = (id_of(&format!("deck:{}", deck.name)), id_of("model:pitchbridge-card"), id_of("model:pitchbridge-cloze"));
    {
        let mut conn = rusqlite::Connection::open(&path)?;
        // A scratch file read back at once: no journal, no waiting on the disk.
        conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
        let conn = conn.transaction()?;
        conn.execute_batch(SCHEMA)?;
        let models = json!({
            basic_id.to_string(): model(basic_id, "Pitchbridge card", false, &["Front", "Back", "Source"],
                "{{Front}}", "{{FrontSide}}<hr id=answer>{{Back}}<div class=source>{{Source}}</div>", deck_id, created),
            cloze_id.to_string(): model(cloze_id, "Pitchbridge cloze", true, &["Text", "Source"],
                "{{cloze:Text}}", "{{cloze:Text}}<div class=source>{{Source}}</div>", deck_id, created),
        });
        let day = json!([0, 0]);
        let deck_json = |id: i64, name: &str| {
            json!({ "id": id, "name": name, "mod": created, "usn": -1, "lrnToday": day, "revToday": day, "newToday": day,
                    "timeToday": day, "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1,
                    "extendNew": 0, "extendRev": 0 })
        };
        let decks = json!({ "1": deck_json(1, "Default"), deck_id.to_string(): deck_json(deck_id, deck.name) });
        let dconf = json!({ "1": {
            "id": 1, "name": "Default", "mod": 0, "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0, "replayq": true, "dyn": false,
            "new": { "delays": [1, 10], "ints": [1, 4, 0], "initialFactor": 2500, "order": 1, "perDay": 20, "bury": false },
            "rev": { "perDay": 200, "ease4": 1.3, "ivlFct": 1, "maxIvl": 36500, "bury": false, "hardFactor": 1.2 },
            "lapse": { "delays": [10], "mult": 0, "minInt": 1, "leechFails": 8, "leechAction": 1 }
        }});
        let conf = json!({ "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200, "timeLim": 0, "estTimes": true,
                           "dueCounts": true, "curModel": basic_id, "nextPos": 1, "sortType": "noteFld", "sortBackwards": false, "addToCur": true });
        conn.execute(
            "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
            rusqlite::params![created - created.rem_euclid(86_400), created * 1000, conf.to_string(), models.to_string(), decks.to_string(), dconf.to_string()],
        )?;
        let tags = format!(" pitchbridge {} {} ", tag("launch", deck.launch), tag("audience", deck.audience));
        let mut due = 0;
        for item in items {
            let source = item.source.pitch_id.map_or_else(|| "Glossary".to_string(), |_| format!("From “{}”", item.source.pitch_title));
            // The first field as plain text too: Anki sorts and finds duplicates by it.
            let (model_id, fields, plain) = match &item.kind {
                ItemKind::Flashcard { front, back } => (basic_id, vec![escape_html(front), escape_html(back), escape_html(&source)], front.clone()),
                ItemKind::Cloze { parts } => {
                    let (mut text, mut plain) = (String::new(), String::new());
                    let mut n = 0;
                    for p in parts {
                        match p {
                            ClozePart::Text(t) => {
                                text.push_str(&escape_html(t));
                                plain.push_str(t);
                            }
                            ClozePart::Gap(g) => {
                                n += 1;
                                text.push_str(&format!("{{{{c{n}::{}}}}}", escape_html(g)));
                                plain.push_str(&format!("{{{{c{n}::{g}}}}}"));
                            }
                        }
                    }
                    (cloze_id, vec![text, escape_html(&source)], plain)
                }
                _ => continue,
            };
            let note_id = id_of(&format!("note:{}", item.key));
            let guid = format!("pb{:016x}", stable_hash(&item.key));
            conn.execute(
                "INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')",
                rusqlite::params![note_id, guid, model_id, created, tags, fields.join(&SEP.to_string()), plain, checksum(&plain)],
            )?;
            // One card a note: the two-sided card has one template; a cloze one card a gap.
            let cards = if model_id == cloze_id { fields[0].matches("{{c").count() } else { 1 };
            for ord in 0..cards {
                due += 1;
                conn.execute(
                    "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                    rusqlite::params![note_id + ord as i64 + 1, note_id, deck_id, ord as i64, created, due],
                )?;
            }
        }
        conn.commit()?;
    }
    let collection = std::fs::read(&path)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    out.start_file("collection.anki2", options)?;
    out.write_all(&collection)?;
    out.start_file("media", options)?;
    out.write_all(b"{}")?;
    Ok(out.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ItemSource;
    use std::io::Read;

    #[test]
    fn notes_are_sorted_and_checked_for_duplicates_by_their_plain_text() {
        let item = KitItem {
            key: "flashcard:1:b:2".into(),
            kind: ItemKind::Flashcard { front: "R&D <50%".into(), back: "Research & development".into() },
            source: ItemSource { pitch_id: Some(1), pitch_title: "P".into(), pitch_fingerprint: String::new(), block_keys: vec![], claim_ids: vec![2], claim_fingerprints: vec![] },
        };
        let deck = Deck { name: "L — A", launch: "L", audience: "A", created: 1_800_000_000 };
        let bytes = write_apkg(&deck, std::slice::from_ref(&item)).unwrap();
        assert_eq!(bytes, write_apkg(&deck, &[item]).unwrap(), "same input and time, same bytes");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut collection = Vec::new();
        zip.by_name("collection.anki2").unwrap().read_to_end(&mut collection).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.anki2");
        std::fs::write(&path, collection).unwrap();
        let db = rusqlite::Connection::open(&path).unwrap();
        let (flds, sfld, csum): (String, String, i64) = db.query_row("SELECT flds, sfld, csum FROM notes", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
        assert!(flds.starts_with("R&amp;D &lt;50%\u{1f}Research &amp; development"), "{flds}");
        assert_eq!(sfld, "R&D <50%");
        assert_eq!(csum, checksum("R&D <50%"));
    }
}
