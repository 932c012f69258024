//! TMX 1.4b: claim → approved sentence pairs as translation tools exchange memories. Each
//! translation unit holds the claim (the Factory's words, `xml:lang="en"`) and then the approved
//! sentence (`en-x-field`, a private-use tag: the same language, said for the field), with who
//! approved it and when, and where it comes from as `prop`s. Read back, the first variant in the
//! header's source language is the claim and the next one the sentence, as tools write them.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

/// The language tag of the claims, and of the approved sentences.
pub const SOURCE_LANG: &str = "en";
pub const TARGET_LANG: &str = "en-x-field";

/// One pair as exchanged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TmxUnit {
    pub id: String,
    pub source: String,
    pub target: String,
    /// Who approved it.
    pub approved_by: String,
    /// YYYY-MM-DD.
    pub approved_on: String,
    /// Extra properties: (type, value), such as the claims and audience it was said for.
    pub props: Vec<(String, String)>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TmxError {
    #[error("This is not a TMX file: {0}")]
    NotTmx(String),
    #[error("The TMX file cannot be read at byte {at}: {reason}")]
    Malformed { at: u64, reason: String },
}

fn tmx_date(day: &str) -> String {
    // 2027-03-02 → 20270302T000000Z (TMX's date form).
    let digits: String = day.chars().filter(|c| c.is_ascii_digit()).take(8).collect();
    if digits.len() == 8 {
        format!("{digits}T000000Z")
    } else {
        String::new()
    }
}

fn iso_day(tmx: &str) -> String {
    let d: String = tmx.chars().take(8).collect();
    if d.len() == 8 && d.chars().all(|c| c.is_ascii_digit()) {
        format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8])
    } else {
        String::new()
    }
}

/// Writes the units as a TMX 1.4b document.
pub fn write_tmx(units: &[TmxUnit], tool_version: &str) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let io = |r: std::io::Result<()>| r.expect("writing to memory");
    io(w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None))));
    let mut tmx = BytesStart::new("tmx");
    tmx.push_attribute(("version", "1.4"));
    io(w.write_event(Event::Start(tmx)));
    let mut header = BytesStart::new("header");
    for (k, v) in [
        ("creationtool", "Pitchbridge"),
        ("creationtoolversion", tool_version),
        ("segtype", "sentence"),
        ("o-tmf", "Pitchbridge"),
        ("adminlang", "en"),
        ("srclang", SOURCE_LANG),
        ("datatype", "plaintext"),
    ] {
        header.push_attribute((k, v));
    }
    io(w.write_event(Event::Empty(header)));
    io(w.write_event(Event::Start(BytesStart::new("body"))));
    for u in units {
        let mut tu = BytesStart::new("tu");
        if !u.id.is_empty() {
            tu.push_attribute(("tuid", u.id.as_str()));
        }
        let date = tmx_date(&u.approved_on);
        if !date.is_empty() {
            tu.push_attribute(("creationdate", date.as_str()));
        }
        if !u.approved_by.is_empty() {
            tu.push_attribute(("creationid", u.approved_by.as_str()));
        }
        io(w.write_event(Event::Start(tu)));
        for (k, v) in &u.props {
            let mut prop = BytesStart::new("prop");
            prop.push_attribute(("type", k.as_str()));
            io(w.write_event(Event::Start(prop)));
            io(w.write_event(Event::Text(BytesText::new(v))));
            io(w.write_event(Event::End(BytesEnd::new("prop"))));
        }
        for (lang, seg) in [(SOURCE_LANG, &u.source), (TARGET_LANG, &u.target)] {
            let mut tuv = BytesStart::new("tuv");
            tuv.push_attribute(("xml:lang", lang));
            io(w.write_event(Event::Start(tuv)));
            io(w.write_event(Event::Start(BytesStart::new("seg"))));
            io(w.write_event(Event::Text(BytesText::new(seg))));
            io(w.write_event(Event::End(BytesEnd::new("seg"))));
            io(w.write_event(Event::End(BytesEnd::new("tuv"))));
        }
        io(w.write_event(Event::End(BytesEnd::new("tu"))));
    }
    io(w.write_event(Event::End(BytesEnd::new("body"))));
    io(w.write_event(Event::End(BytesEnd::new("tmx"))));
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

/// Reads a TMX document's units: the variant in the header's source language (or the first)
/// is the source, the next other one the target. Inline codes inside a segment (the original's
/// markup) are left out. Units without both are skipped; their count is returned.
pub fn read_tmx(bytes: &[u8]) -> Result<(Vec<TmxUnit>, usize), TmxError> {
    let mut r = Reader::from_reader(bytes);
    r.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut srclang = String::new();
    let (mut units, mut skipped) = (Vec::new(), 0usize);
    let mut seen_tmx = false;
    let mut tu: Option<TmxUnit> = None;
    let mut tuvs: Vec<(String, String)> = Vec::new();
    let mut lang = String::new();
    let mut seg: Option<String> = None;
    let mut prop: Option<(String, String)> = None;
    // Inside an inline code (bpt, ept, ph, it): the original's markup, not text.
    let mut in_code = 0usize;
    let attr = |e: &BytesStart, name: &[u8]| -> Option<String> {
        e.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    loop {
        let at = r.buffer_position();
        let ev = r.read_event_into(&mut buf).map_err(|e| TmxError::Malformed { at, reason: e.to_string() })?;
        match ev {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"tmx" => seen_tmx = true,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"header" => srclang = attr(&e, b"srclang").unwrap_or_default().to_lowercase(),
            Event::Start(e) if e.name().as_ref() == b"tu" => {
                tu = Some(TmxUnit {
                    id: attr(&e, b"tuid").unwrap_or_default(),
                    approved_by: attr(&e, b"creationid").unwrap_or_default(),
                    approved_on: iso_day(&attr(&e, b"creationdate").unwrap_or_default()),
                    ..Default::default()
                });
                tuvs.clear();
            }
            Event::Start(e) if e.name().as_ref() == b"tuv" => {
                lang = attr(&e, b"xml:lang").or_else(|| attr(&e, b"lang")).unwrap_or_default().to_lowercase();
            }
            Event::Start(e) if e.name().as_ref() == b"seg" => seg = Some(String::new()),
            Event::Start(e) if e.name().as_ref() == b"prop" => prop = Some((attr(&e, b"type").unwrap_or_default(), String::new())),
            Event::Start(e) if matches!(e.name().as_ref(), b"bpt" | b"ept" | b"ph" | b"it") => in_code += 1,
            Event::End(e) if matches!(e.name().as_ref(), b"bpt" | b"ept" | b"ph" | b"it") => in_code = in_code.saturating_sub(1),
            Event::Text(t) => {
                let text = t.unescape().map_err(|e| TmxError::Malformed { at, reason: e.to_string() })?;
                if in_code > 0 {
                } else if let Some(s) = seg.as_mut() {
                    s.push_str(&text);
                } else if let Some((_, v)) = prop.as_mut() {
                    v.push_str(&text);
                }
            }
            Event::CData(t) => {
                if let Some(s) = seg.as_mut() {
                    s.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) if e.name().as_ref() == b"seg" => {
                if let Some(s) = seg.take() {
                    tuvs.push((lang.clone(), s.split_whitespace().collect::<Vec<_>>().join(" ")));
                }
            }
            Event::End(e) if e.name().as_ref() == b"prop" => {
                if let (Some(p), Some(u)) = (prop.take(), tu.as_mut()) {
                    u.props.push(p);
                }
            }
            Event::End(e) if e.name().as_ref() == b"tu" => {
                if let Some(mut u) = tu.take() {
                    let src = tuvs.iter().position(|(l, _)| !srclang.is_empty() && (l == &srclang || l.split('-').next() == srclang.split('-').next() && l != TARGET_LANG)).unwrap_or(0);
                    let tgt = (0..tuvs.len()).find(|&i| i != src);
                    match (tuvs.get(src), tgt.and_then(|i| tuvs.get(i))) {
                        (Some((_, s)), Some((_, t))) if !s.is_empty() && !t.is_empty() => {
                            u.source = s.clone();
                            u.target = t.clone();
                            units.push(u);
                        }
                        _ => skipped += 1,
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !seen_tmx {
        return Err(TmxError::NotTmx("it has no <tmx> element".into()));
    }
    Ok((units, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_markup_escaped() {
        let units = vec![TmxUnit {
            id: "pitch-3-b7".into(),
            source: "Cuts close by 30% <fast> & “sure”".into(),
            target: "Your team closes 30% faster & sleeps.".into(),
            approved_by: "Priya Raman".into(),
            approved_on: "2027-03-02".into(),
            props: vec![("x-pitchbridge-claims".into(), "12 14".into())],
        }];
        let bytes = write_tmx(&units, "0.1.0");
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains("&lt;fast&gt; &amp;") && text.contains("creationdate=\"20270302T000000Z\""), "{text}");
        let (back, skipped) = read_tmx(&bytes).unwrap();
        assert_eq!((back, skipped), (units, 0));
    }

    #[test]
    fn tools_files_are_read_by_language_and_bad_ones_refused() {
        let other = br#"<?xml version="1.0"?><tmx version="1.4"><header srclang="EN-US" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
            <tu><tuv xml:lang="de-DE"><seg>Schneller <bpt i="1">&lt;b&gt;</bpt>abschlie&#223;en<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="en-US"><seg>Close   faster</seg></tuv></tu>
            <tu><tuv xml:lang="en-US"><seg>Only one side</seg></tuv></tu></body></tmx>"#;
        let (units, skipped) = read_tmx(other).unwrap();
        assert_eq!(skipped, 1);
        assert_eq!((units[0].source.as_str(), units[0].target.as_str()), ("Close faster", "Schneller abschließen"));
        assert!(matches!(read_tmx(b"<html></html>"), Err(TmxError::NotTmx(_))));
        assert!(matches!(read_tmx(b"<tmx><body><tu></tuv></body>"), Err(TmxError::Malformed { .. })));
    }
}
