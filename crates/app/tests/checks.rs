//! The checks as the app runs them: over a real workspace file, with its glossary, links,
//! audience and settings, and the state a writer leaves behind (dismissals, ticks, words).

use std::fs;

use pitchbridge_app::error::ErrorCode;
use pitchbridge_app::{
    brand_kit::*, checks::*, export::*, glossary::*, workspace::*, App,
};
use pitchbridge_checks::{Rule, RuleSetting, Severity};
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::*;

mod common;
use common::{app, demo};

fn first_pitch(a: &App) -> Id {
    let launch = a.list_launches().unwrap()[0].launch.id;
    a.get_launch(launch).unwrap().pitches.iter().find(|p| p.pitch.collateral_type == "email").unwrap().pitch.id
}

fn with_text(a: &App, pitch: Id, text: &str) -> Vec<DocBlock> {
    let mut blocks = a.get_pitch_editor(pitch).unwrap().blocks;
    blocks[1].runs = vec![Run::plain(text)];
    blocks
}

#[test]
fn the_demo_email_is_checked_with_its_links_glossary_and_audience() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = demo(dir.path());
    let pitch = first_pitch(&a);
    let report = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: None }).unwrap();
    // The demo email is a good draft: its only errors are the claims it does not translate yet,
    // and its call to action works.
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(!errors.is_empty() && errors.iter().all(|f| f.rule == Rule::Coverage && f.claim_id.is_some()), "{errors:#?}");
    assert!(report.rules.iter().any(|r| r.rule == Rule::CallToAction && r.open == 0));
    assert_eq!(report.rules.len(), Rule::ALL.len());
    assert!(!report.manual.is_empty() && report.manual.iter().all(|m| !m.ticked));
    assert!(report.readiness.score > 40 && report.readiness.score < 100, "{:?}", report.readiness);

    // The editor's unsaved text is what gets checked, with offsets in UTF-16 units.
    let blocks = with_text(&a, pitch, "Hi Sam — it’s the the touchless option.");
    let report = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: Some(blocks.clone()) }).unwrap();
    let rw = report.findings.iter().find(|f| f.rule == Rule::RepeatedWord).expect("the doubled word");
    assert_eq!(rw.block_key.as_deref(), Some(blocks[1].key.as_str()));
    let utf16: Vec<u16> = "Hi Sam — it’s the the touchless option.".encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[rw.start as usize..rw.end as usize]).unwrap(), " the");
    assert_eq!(rw.suggestion.as_deref(), Some(""));
    let jargon = report.findings.iter().find(|f| f.rule == Rule::Jargon).expect("touchless is an avoid term in the demo glossary");
    assert_eq!(jargon.quote, "touchless");
    assert!(jargon.suggestion.is_some());
}

#[test]
fn dismissals_ticks_settings_and_words_persist_in_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let pitch = first_pitch(&a);
    let blocks = with_text(&a, pitch, "We recieve the the invoices.");
    let check = |a: &App| a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: Some(blocks.clone()) }).unwrap();
    let before = check(&a);
    let rw = before.findings.iter().find(|f| f.rule == Rule::RepeatedWord).unwrap().clone();

    let empty = a.dismiss_finding(DismissFindingRequest {
        pitch_id: pitch,
        rule: rw.rule,
        block_key: rw.block_key.clone().unwrap(),
        quote: rw.quote.clone(),
        reason: "  ".into(),
    });
    assert_eq!(empty.unwrap_err().code, ErrorCode::InvalidInput);
    a.dismiss_finding(DismissFindingRequest {
        pitch_id: pitch,
        rule: rw.rule,
        block_key: rw.block_key.clone().unwrap(),
        quote: rw.quote.clone(),
        reason: "Quoting the customer's email verbatim.".into(),
    })
    .unwrap();
    let item = before.manual[0].id.clone();
    a.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: item.clone(), ticked: true }).unwrap();
    assert_eq!(
        a.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: "no-such-item".into(), ticked: true }).unwrap_err().code,
        ErrorCode::InvalidInput
    );
    a.add_dictionary_word("recieve".into()).unwrap();
    a.set_check_setting(SetCheckSettingRequest {
        scope: "email".into(),
        rule: Rule::Passive,
        setting: Some(RuleSetting { enabled: false, severity: None }),
    })
    .unwrap();
    a.set_check_setting(SetCheckSettingRequest {
        scope: String::new(),
        rule: Rule::Readability,
        setting: Some(RuleSetting { enabled: true, severity: Some(Severity::Info) }),
    })
    .unwrap();
    drop(a);

    let mut b = app();
    b.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false }).unwrap();
    let after = check(&b);
    let again = after.findings.iter().find(|f| f.rule == Rule::RepeatedWord).unwrap();
    assert_eq!(again.dismissal.as_ref().unwrap().reason, "Quoting the customer's email verbatim.");
    assert!(after.rules.iter().find(|r| r.rule == Rule::RepeatedWord).unwrap().worst.is_none(), "a dismissed finding no longer counts");
    assert!(after.manual.iter().find(|m| m.id == item).unwrap().ticked);
    assert!(!after.findings.iter().any(|f| f.rule == Rule::Spelling && f.quote == "recieve"));
    assert!(!after.rules.iter().find(|r| r.rule == Rule::Passive).unwrap().enabled);
    assert_eq!(after.rules.iter().find(|r| r.rule == Rule::Readability).unwrap().severity, Severity::Info);
    assert!(after.readiness.score > before.readiness.score);

    // Restoring brings the finding back; removing the override brings the rule back.
    let id = again.dismissal.as_ref().unwrap().id;
    b.restore_finding(RestoreFindingRequest { pitch_id: pitch, dismissal_id: id }).unwrap();
    b.set_check_setting(SetCheckSettingRequest { scope: "email".into(), rule: Rule::Passive, setting: None }).unwrap();
    let restored = check(&b);
    assert!(restored.findings.iter().find(|f| f.rule == Rule::RepeatedWord).unwrap().dismissal.is_none());
    assert!(restored.rules.iter().find(|r| r.rule == Rule::Passive).unwrap().enabled);
}

#[test]
fn the_glossary_goes_out_and_comes_back_as_csv_and_bad_rows_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let out = dir.path().join("glossary.csv");
    let n = a.export_glossary_csv(out.display().to_string()).unwrap();
    assert_eq!(n as usize, a.list_glossary().unwrap().len());
    let text = fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("term,customer_phrasing,rule,note\n"));

    let incoming = dir.path().join("incoming.csv");
    fs::write(&incoming, "term,customer_phrasing,rule,note\nDSO,how long customers take to pay,explain,\nSTP,straight-through invoices,explain,updated\n,missing term,avoid,\nfoo,bar,sometimes,\n").unwrap();
    let report = a.import_glossary_csv(incoming.display().to_string()).unwrap();
    assert_eq!((report.added, report.updated), (1, 1));
    assert_eq!(report.skipped, ["line 4: the term is empty", "line 5: rule “sometimes” is not explain, avoid or preferred"]);
    let stp = a.list_glossary().unwrap().into_iter().find(|t| t.term == "STP").unwrap();
    assert_eq!(stp.customer_phrasing, "straight-through invoices");

    fs::write(&incoming, [0xffu8, 0x00, 0x12]).unwrap();
    let before = a.list_glossary().unwrap();
    assert_eq!(a.import_glossary_csv(incoming.display().to_string()).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(a.list_glossary().unwrap(), before, "a bad file changes nothing");
    let missing = a.export_glossary_csv(dir.path().join("no/such/dir/g.csv").display().to_string()).unwrap_err();
    assert_eq!(missing.code, ErrorCode::FileNotFound);
    assert!(fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".tmp")));

    // Edit and delete from the glossary screen.
    let dso = a.list_glossary().unwrap().into_iter().find(|t| t.term == "DSO").unwrap();
    let edited = a
        .update_glossary_term(UpdateGlossaryRequest {
            id: dso.id,
            term: GlossaryInput { term: "DSO".into(), customer_phrasing: "days to get paid".into(), rule: GlossaryRule::Avoid, note: String::new() },
        })
        .unwrap();
    assert_eq!(edited.rule, GlossaryRule::Avoid);
    let clash = a.update_glossary_term(UpdateGlossaryRequest {
        id: dso.id,
        term: GlossaryInput { term: "stp".into(), customer_phrasing: String::new(), rule: GlossaryRule::Avoid, note: String::new() },
    });
    assert_eq!(clash.unwrap_err().code, ErrorCode::InvalidInput);
    a.delete_glossary_term(dso.id).unwrap();
    assert!(a.list_glossary().unwrap().iter().all(|t| t.term != "DSO"));
}

#[test]
fn huge_and_odd_documents_are_checked_or_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = demo(dir.path());
    let pitch = first_pitch(&a);
    // About a megabyte of prose in one paragraph.
    let big = "Your team stops re-keying invoices and closes the month faster than before. ".repeat(14_000);
    let report = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: Some(with_text(&a, pitch, &big)) }).unwrap();
    assert!(report.findings.iter().any(|f| f.rule == Rule::Length));
    let odd = "\u{0}\u{1}����\u{202e}𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 ١٢٣ —";
    a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: Some(with_text(&a, pitch, odd)) }).unwrap();
    let too_big = "x".repeat(pitchbridge_core::doc::MAX_PITCH_CHARS + 1);
    let err = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: Some(with_text(&a, pitch, &too_big)) }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[test]
fn the_brand_kit_is_kept_in_the_workspace_and_used_by_exports() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let pitch = first_pitch(&a);
    let kit = a.get_brand_kit().unwrap();
    assert_eq!((kit.primary.as_str(), kit.logo_name.as_deref()), ("#1F2A44", None));
    assert_eq!(a.set_brand_kit(BrandKitInput { name: "Northwind".into(), primary: "red".into(), accent: "#4A55C9".into(), footer: String::new(), font: "sans".into() }).unwrap_err().code, ErrorCode::InvalidInput);
    a.set_brand_kit(BrandKitInput { name: "Northwind Partners".into(), primary: "#0b5d3b".into(), accent: "#E07A1F".into(), footer: "Confidential".into(), font: "serif".into() }).unwrap();
    let fixtures = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../tests/fixtures");
    let kit = a.set_brand_logo(fixtures.join("logo.png").display().to_string()).unwrap();
    assert_eq!((kit.logo_name.as_deref(), kit.logo_size), (Some("logo.png"), Some((240, 80))));
    let bad = dir.path().join("not-a-logo.png");
    fs::write(&bad, b"<svg></svg>").unwrap();
    assert_eq!(a.set_brand_logo(bad.display().to_string()).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(a.get_brand_kit().unwrap().logo_name.as_deref(), Some("logo.png"), "a refused logo changes nothing");
    drop(a);

    let mut b = app();
    b.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false }).unwrap();
    let kit = b.get_brand_kit().unwrap();
    assert_eq!((kit.name.as_str(), kit.primary.as_str(), kit.footer.as_str()), ("Northwind Partners", "#0B5D3B", "Confidential"));
    let doc = b.pitch_document(pitch).unwrap();
    assert_eq!((doc.brand.name.as_str(), doc.brand.accent.as_str(), doc.brand.serif), ("Northwind Partners", "E07A1F", true));
    assert!(doc.brand.logo.is_some());
    let out = dir.path().join("pitch.pdf");
    let outcome = b.export_pitch(ExportPitchRequest { pitch_id: pitch, format: ExportFormat::Pdf, path: out.display().to_string() }).unwrap();
    assert!(outcome.bytes > 10_000 && fs::read(&out).unwrap().starts_with(b"%PDF"));
    b.clear_brand_logo().unwrap();
    assert!(b.pitch_document(pitch).unwrap().brand.logo.is_none());
}

#[test]
fn ticks_and_dismissals_are_audited_and_tampering_with_the_trail_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let pitch = first_pitch(&a);
    let item = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: None }).unwrap().manual[0].id.clone();
    a.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: item.clone(), ticked: true }).unwrap();
    a.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: item.clone(), ticked: false }).unwrap();
    a.dismiss_finding(DismissFindingRequest { pitch_id: pitch, rule: Rule::Passive, block_key: "k".into(), quote: "is built".into(), reason: "House style.".into() }).unwrap();
    let v = a.verify_audit().unwrap();
    // The demo's message and launch targets (events 1, 2), then the tick, the untick and the
    // dismissal.
    assert_eq!((v.events, v.first_break.is_none()), (5, true));
    drop(a);

    // The database refuses to change or remove an event…
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 3", []).is_err());
    assert!(conn.execute("DELETE FROM audit_event WHERE seq = 3", []).is_err());
    // …and whoever gets round that (dropping the guards) is caught by the chain.
    conn.execute_batch("DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;").unwrap();
    conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = 3", []).unwrap();
    let verify = |expect_seq: i64, words: &str| {
        let mut b = app();
        b.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false }).unwrap();
        let br = b.verify_audit().unwrap().first_break.expect("a break");
        assert_eq!(br.seq, expect_seq, "{br:?}");
        assert!(br.reason.contains(words), "{br:?}");
    };
    verify(3, "changed after it was written");
    conn.execute("DELETE FROM audit_event WHERE seq = 3", []).unwrap();
    verify(3, "missing");
}

#[test]
fn the_factory_message_offers_its_jargon_as_glossary_candidates_until_the_glossary_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let glossary: Vec<String> = a.list_glossary().unwrap().into_iter().map(|t| t.term.to_lowercase()).collect();
    let offered = a.glossary_candidates().unwrap();
    let terms: Vec<&str> = offered.iter().map(|c| c.term.as_str()).collect();
    assert!(terms.contains(&"SOC") && terms.contains(&"VendorHub"), "the demo message's acronyms and product terms are offered: {terms:?}");
    assert!(!terms.contains(&"DPO"), "the demo glossary has DPO already: {terms:?}");
    assert!(!terms.contains(&"Dana Whitcombe") && !terms.contains(&"Ridgeview Research"), "an analyst and her firm are not terms: {terms:?}");
    assert!(!terms.iter().any(|t| glossary.contains(&t.to_lowercase())), "nothing the glossary has: {terms:?}");
    assert!(!terms.contains(&"CFO") && !terms.contains(&"ERP"), "nothing every reader knows: {terms:?}");
    let soc = offered.iter().find(|c| c.term == "SOC").unwrap();
    assert!(soc.example.contains("SOC"), "with the claim it comes from: {}", soc.example);
    a.add_glossary_term(GlossaryInput { term: "SOC".into(), customer_phrasing: "independent security audit".into(), rule: GlossaryRule::Explain, note: String::new() }).unwrap();
    let after: Vec<String> = a.glossary_candidates().unwrap().into_iter().map(|c| c.term).collect();
    assert!(!after.contains(&"SOC".to_string()), "{after:?}");
}
