//! SCORM 1.2 packages: a zip of `imsmanifest.xml` and one self-contained page (its script and
//! styles inline, nothing fetched from the network) that asks the kit's multiple-choice and
//! proof-point questions, scores them, and reports score, pass or fail, completion and time to
//! the learning system through the SCORM 1.2 API. Objection drills and talk tracks are there to
//! practise aloud, with the approved answer on request, and are not scored.

use std::io::{Cursor, Write};

use serde_json::{json, Value};

use crate::gift::duration;
use crate::text::stable_hash;
use crate::{ClozePart, ItemKind, KitItem};

const PAGE: &str = include_str!("scorm.html");

/// What a package is called and what passes it.
pub struct Course<'a> {
    pub title: &'a str,
    /// The score (0–100) that passes.
    pub pass_mark: u32,
    /// Attempts a rep has (0 for no limit), counted in the learning system's suspend data.
    pub attempts: u32,
    /// The day a pass made now lapses, when known.
    pub valid_until: Option<&'a str>,
}

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn source_of(item: &KitItem) -> String {
    item.source.pitch_id.map_or_else(|| "From the glossary".to_string(), |_| format!("From “{}”", item.source.pitch_title))
}

/// The kit as the page's data: the scored questions, then the practice.
fn kit_json(course: &Course, items: &[KitItem]) -> Value {
    let mut questions = Vec::new();
    let mut practice = Vec::new();
    for item in items {
        match &item.kind {
            ItemKind::MultipleChoice { question, choices, answer } => {
                questions.push(json!({ "type": "choice", "question": question, "choices": choices, "answer": answer, "source": source_of(item) }));
            }
            ItemKind::Cloze { parts } => {
                // One gap asked a question; the others are shown.
                let mut asked: Option<&str> = None;
                let mut shown = Vec::new();
                for p in parts {
                    match p {
                        ClozePart::Text(t) => shown.push(json!({ "text": t })),
                        ClozePart::Gap(g) if asked.is_none() => {
                            asked = Some(g);
                            shown.push(json!({ "gap": true }));
                        }
                        ClozePart::Gap(g) => shown.push(json!({ "text": g })),
                    }
                }
                if let Some(gap) = asked {
                    questions.push(json!({ "type": "gap", "parts": shown, "gap": gap, "source": source_of(item) }));
                }
            }
            ItemKind::ObjectionDrill { objection, answer } => {
                practice.push(json!({ "prompt": format!("A customer says: {objection} How do you answer?"), "answer": answer, "source": source_of(item) }));
            }
            ItemKind::TalkTrack { lines, target_seconds, call_to_action, .. } => {
                let script: Vec<String> = lines.iter().map(|l| format!("{}: {}", l.section, l.text)).collect();
                practice.push(json!({
                    "prompt": format!("Say the call script aloud in about {}, and end on its call to action: {call_to_action}", duration(*target_seconds)),
                    "answer": script.join("\n"),
                    "source": source_of(item),
                }));
            }
            ItemKind::Flashcard { .. } => {}
        }
    }
    json!({ "title": course.title, "passMark": course.pass_mark, "attempts": course.attempts, "validUntil": course.valid_until,
            "questions": questions, "practice": practice })
}

/// The page, with the kit's data in it. The data sits in a JSON script block, so nothing in it
/// can close the block or run as markup.
pub fn page(course: &Course, items: &[KitItem]) -> String {
    let data = kit_json(course, items).to_string().replace("</", "<\\/").replace("<!--", "\\u003c!--");
    PAGE.replace("__TITLE__", &escape_xml(course.title)).replace("__KIT__", &data)
}

fn manifest(course: &Course, id: &str) -> String {
    let title = escape_xml(course.title);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{id}-org">
    <organization identifier="{id}-org">
      <title>{title}</title>
      <item identifier="{id}-item" identifierref="{id}-sco" isvisible="true">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"#,
        pass = course.pass_mark
    )
}

/// The package: `imsmanifest.xml` and `index.html`, zipped with fixed times so the same kit
/// gives the same bytes.
pub fn write_scorm(course: &Course, items: &[KitItem]) -> Result<Vec<u8>, std::io::Error> {
    let id = format!("pitchbridge-{:016x}", stable_hash(course.title));
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let files = [("imsmanifest.xml", manifest(course, &id)), ("index.html", page(course, items))];
    for (name, text) in files {
        out.start_file(name, options).map_err(std::io::Error::other)?;
        out.write_all(text.as_bytes())?;
    }
    Ok(out.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ItemSource;

    #[test]
    fn the_data_cannot_close_its_script_block_and_the_manifest_names_one_sco() {
        let item = KitItem {
            key: "k".into(),
            kind: ItemKind::MultipleChoice { question: "Which? </script><script>alert(1)</script>".into(), choices: vec!["a".into(), "b & c".into()], answer: 1 },
            source: ItemSource { pitch_id: Some(1), pitch_title: "P".into(), pitch_fingerprint: String::new(), block_keys: vec![], claim_ids: vec![], claim_fingerprints: vec![] },
        };
        let course = Course { title: "Launch <1> & co", pass_mark: 80, attempts: 3, valid_until: Some("2027-04-01") };
        let html = page(&course, &[item]);
        assert_eq!(html.matches("</script>").count(), 2, "only the page's own two blocks close");
        assert!(html.contains("<title>Launch &lt;1&gt; &amp; co</title>"));
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="), "nothing fetched");
        let m = manifest(&course, "x");
        assert!(m.contains("adlcp:scormtype=\"sco\" href=\"index.html\"") && m.contains("<adlcp:masteryscore>80</adlcp:masteryscore>"));
        assert!(m.contains("<schemaversion>1.2</schemaversion>"));
    }
}
