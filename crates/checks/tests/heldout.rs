//! The held-out corpus in `tests/check-corpus-heldout/`: pitches labelled by hand with the
//! problems a careful reviewer would point out (and the tempting spans that are fine), written
//! before any check was run on them. This measures the checks rather than pinning their output:
//! recall and false positives per rule, printed as a table (`cargo test -p pitchbridge-checks
//! --test heldout -- --nocapture`), with the floors below guarding against a rule getting worse.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pitchbridge_checks::file::{check_file, FileFinding, FileKind};
use pitchbridge_checks::{glossary_csv, Checker, GlossaryEntry, Severity};
use pitchbridge_core::collateral::parse_collateral_type;
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Serialize, Clone)]
struct Labels {
    #[serde(rename = "type")]
    collateral_type: String,
    clean: bool,
    findings: Vec<Label>,
    #[serde(default)]
    not_findings: Vec<Label>,
}

#[derive(Deserialize, Serialize, Clone, PartialEq)]
struct Label {
    rule: String,
    quote: String,
}

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../tests").join(name)
}

/// A corpus's pitches: its Markdown files but the README, in name order.
fn pitches(root: &std::path::Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md") && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

fn read_labels(path: &std::path::Path) -> Labels {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Rules about a whole section or the whole text: the label quotes the section's first words,
/// so a finding of the rule anywhere in that section counts.
fn by_section(rule: &str) -> bool {
    matches!(rule, "length" | "readability" | "call-to-action")
}

/// The `## ` section an offset falls in (its heading's offset; 0 before the first).
fn section_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].rfind("\n## ").map_or(0, |i| i + 1)
}

#[derive(Default)]
struct Tally {
    labelled: usize,
    found: usize,
    reported: usize,
    false_positives: usize,
    on_fine_spans: usize,
}

struct Outcome {
    per_rule: BTreeMap<String, Tally>,
    /// Every unmatched finding: file, rule, the words it points at, its message.
    misses: Vec<String>,
    false_positives: Vec<String>,
    errors_on_clean: Vec<String>,
    pitches: usize,
    /// False positives on words that a label gives to another rule.
    other_rule: usize,
}

fn evaluate(root: &std::path::Path) -> Outcome {
    evaluate_against(root, root)
}

/// Scores the checks on the pitches in `root` against the label files in `labels`.
fn evaluate_against(root: &std::path::Path, labels_root: &std::path::Path) -> Outcome {
    let glossary: Vec<GlossaryEntry> = glossary_csv::parse(&std::fs::read(root.join("glossary.csv")).unwrap())
        .unwrap()
        .entries
        .into_iter()
        .map(|g| GlossaryEntry { term: g.term, customer_phrasing: g.customer_phrasing, rule: g.rule })
        .collect();
    let checker = Checker::new();
    let files = pitches(root);
    let mut out = Outcome { per_rule: BTreeMap::new(), misses: vec![], false_positives: vec![], errors_on_clean: vec![], pitches: files.len(), other_rule: 0 };
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let labels: Labels = read_labels(&labels_root.join(path.with_extension("labels.json").file_name().unwrap()));
        let ct_text = std::fs::read_to_string(
            PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(format!("../../assets/collateral-types/{}.toml", labels.collateral_type)),
        )
        .unwrap();
        let ct = parse_collateral_type(&ct_text).unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let findings = check_file(&checker, text.as_bytes(), FileKind::Markdown, Some(&ct), &glossary).unwrap();
        let span = |l: &Label| {
            let at = text.find(&l.quote).unwrap_or_else(|| panic!("{name}: quote {:?} is not in the file", l.quote));
            (at, at + l.quote.len())
        };
        let hits = |f: &FileFinding, l: &Label| {
            if f.rule != l.rule {
                return false;
            }
            let (s, e) = span(l);
            let overlaps = f.start < e && s < f.end.max(f.start + 1);
            // A finding about a whole section has no words to point at; its message names it.
            let names_section = f.start == f.end && {
                let heading = section_of(&text, s);
                let name = text[heading..].lines().next().unwrap_or("").trim_start_matches('#').trim();
                !name.is_empty() && f.message.starts_with(name)
            };
            let same_section = f.start != f.end && section_of(&text, f.start) == section_of(&text, s);
            // A finding about the whole pitch (no words, no section named) meets the label that,
            // by the corpus's convention, quotes the first words of the first section.
            let first_section = text.find("\n## ").map_or(0, |i| i + 1);
            let names_any_section = text.lines().filter_map(|l| l.strip_prefix("## ")).any(|name| f.message.starts_with(name.trim()));
            let whole_pitch = f.start == f.end && !names_any_section && section_of(&text, s) == first_section;
            overlaps || (by_section(&l.rule) && (same_section || names_section || whole_pitch)) || (l.rule == "readability")
        };
        for l in &labels.findings {
            let t = out.per_rule.entry(l.rule.clone()).or_default();
            t.labelled += 1;
            if findings.iter().any(|f| hits(f, l)) {
                t.found += 1;
            } else {
                out.misses.push(format!("{name}: {} “{}”", l.rule, l.quote));
            }
        }
        for f in &findings {
            let t = out.per_rule.entry(f.rule.to_string()).or_default();
            t.reported += 1;
            if labels.findings.iter().any(|l| hits(f, l)) {
                continue;
            }
            t.false_positives += 1;
            // Words a label points at under another rule ("Customers love it" as a weasel, where
            // the label says hype): the problem is seen, its name differs.
            if labels.findings.iter().any(|l| {
                let (s, e) = span(l);
                l.rule != f.rule.to_string() && f.start < e && s < f.end.max(f.start + 1)
            }) {
                out.other_rule += 1;
            }
            let fine = labels.not_findings.iter().any(|l| {
                let (s, e) = span(l);
                l.rule == f.rule && f.start < e && s < f.end.max(f.start + 1)
            });
            if fine {
                t.on_fine_spans += 1;
            }
            let words: String = text[f.start..f.end].chars().take(60).collect();
            out.false_positives.push(format!("{name}: {} {:?} “{words}” — {}", f.rule, f.severity, f.message));
            if labels.clean && f.severity == Severity::Error {
                out.errors_on_clean.push(format!("{name}: {} “{words}” — {}", f.rule, f.message));
            }
        }
    }
    out
}

/// Prints the table, the misses and the false positives, and gives (recall, false positives).
fn report(out: &Outcome) -> (f64, usize) {
    println!("{:<16} {:>8} {:>6} {:>7} {:>9} {:>5} {:>10}", "rule", "labelled", "found", "recall", "reported", "FP", "FP on fine");
    let (mut labelled, mut found, mut fps) = (0, 0, 0);
    for (rule, t) in &out.per_rule {
        let recall = if t.labelled == 0 { "-".to_string() } else { format!("{:.2}", t.found as f64 / t.labelled as f64) };
        println!("{rule:<16} {:>8} {:>6} {recall:>7} {:>9} {:>5} {:>10}", t.labelled, t.found, t.reported, t.false_positives, t.on_fine_spans);
        labelled += t.labelled;
        found += t.found;
        fps += t.false_positives;
    }
    let recall = found as f64 / labelled as f64;
    let fp_per_24 = fps as f64 * 24.0 / out.pitches as f64;
    println!("{:<16} {labelled:>8} {found:>6} {recall:>7.2} {:>9} {fps:>5}", "all", "");
    println!("false positives per 24 pitches: {fp_per_24:.1} ({} of them on words labelled under another rule); error findings on clean pitches: {}", out.other_rule, out.errors_on_clean.len());
    println!("\nmissed:\n  {}", out.misses.join("\n  "));
    println!("\nfalse positives:\n  {}", out.false_positives.join("\n  "));
    (recall, fps)
}

/// Scores a corpus and holds it to its measured figures: at least `pitches` pitches, recall at
/// least `recall_floor`, at most `fp_ceiling` false positives and `errors_ceiling` error
/// findings on clean pitches. A rule change that does worse on it fails here.
fn hold(name: &str, pitches: usize, recall_floor: f64, fp_ceiling: usize, errors_ceiling: usize) {
    let out = evaluate(&corpus(name));
    let (recall, fps) = report(&out);
    assert!(out.pitches >= pitches, "{name} keeps its {pitches} pitches");
    assert!(recall >= recall_floor, "{name}: recall {recall:.3} fell below {recall_floor}");
    assert!(fps <= fp_ceiling, "{name}: {fps} false positives, more than {fp_ceiling}");
    assert!(out.errors_on_clean.len() <= errors_ceiling, "{name}: error findings on clean pitches:\n{}", out.errors_on_clean.join("\n"));
}

#[test]
fn the_checks_find_what_reviewers_would_on_pitches_they_were_not_written_for() {
    // Floors from the last measurement (docs/BENCHMARKS.md has the figures).
    hold("check-corpus-heldout", 36, RECALL_FLOOR, FALSE_POSITIVE_CEILING, 0);
}

// First run, before any rule was changed for it: recall 0.84 (303 of 361), 37 false
// positives, 2 error findings on clean pitches. After reading sections from the headings,
// topic-matched proof sections, the large word list and the misses it showed: 0.91, 18, 0.
// After questions hedging nothing, the problem section promising nothing, customers as the
// subject being social proof, answers to objections carrying features, the customer's quoted
// acronyms, and whole-pitch findings scored: 0.92, 7, 0. Of the 7, three put the we-count at
// the first mention where the labels put it at the first "We…" sentence (the labels do both),
// two are 32- and 33-word sentences (the labels start at 34), two are judgement calls on proof.
// Unnamed sources that vouch ("Shop owners tell us"), more intensifiers, stock openers and
// outcomes said as comparatives (tuned on the blind corpus's misses): 0.94, 8, 0; the one
// more is "Patients love it", a vague source the labels do not list. Loose asks: 0.95, 8, 0.
// A subject line that names the product, and an email opening with its sender: 0.95, 9, 0
// (the one more: "Roomready: housekeeping software for hotels", a subject line the labels
// count only through the we-count). After tuning on the unseen corpus's misses: 0.95, 10, 0
// (the one more: "on the same page", a cliché the labels do not list). Idioms in any form,
// superlatives and distances that boast, crowds somewhere large or described by a clause, and
// results said as change ("callbacks drop"): 0.95, 11, 0 (the one more: "Patients love it",
// found again, now that people at large count as a crowd). A boast backed only by the next
// sentence of its own section, and no proof in the person greeted, the caller's company, a
// time of day or a title-case line: 0.96, 11, 0. Passives asked ("How are crews assigned?")
// and "gets lost", more wordy phrases: 0.96, 11, 0. A type without a callout section asks in
// its last (a call script's Close), and the seventh corpus's misses made general: 0.97, 12, 0
// (the one more: "Front desk staff get their mornings back", a promise the labels leave be).
// The ninth corpus's misses made general: 0.97, 15, 0. The three more are promises that were
// skipped only because a verb an ask may use stood in them ("reduce claim cycle times",
// "clay blocks stop sitting wet", "so you avoid fines"); now only a real ask is let off.
// A neighbour in another bullet backs a promise only when it is about the same thing: 0.97,
// 16, 0 (the one more: "Your supervisors stop chasing paper, and you see the real results").
// A number no longer excuses an unnamed source, and one customer placed but not named ("A mill
// in Pennsylvania") is one: 0.97, 17, 0 (the one more: "We work with over 300 hotels and our
// customers love us", a vague source the labels leave be). Passives after "been" or "being",
// and with "pretty much" or "well" between: 0.98, 17, 0. A stock phrase the glossary lists is
// the glossary's to name (jargon, with its plain words), not also a cliché: 0.98, 16, 0.
// "recorded", "managed", "opened", "distributed" after "is" are done by someone: 0.99, 16, 0.
const RECALL_FLOOR: f64 = 0.98;
const FALSE_POSITIVE_CEILING: usize = 16;

/// The fresh corpus in `tests/check-corpus-fresh/`, written and labelled after the rules were
/// tuned on the two others, by someone who had not read the checks. Its first run is the
/// honest figure; the floors keep whatever later changes do from making it worse.
#[test]
fn the_checks_on_a_corpus_written_after_they_were_tuned() {
    hold("check-corpus-fresh", 24, FRESH_RECALL_FLOOR, FRESH_FALSE_POSITIVE_CEILING, 0);
}

// After the blind corpus's misses were tuned on: 0.88, 12 (the one more: a benefit's bold
// lead-in, "Higher revenue per patient.", found apart from the sentence the label quotes);
// an email opening with its sender: 0.88, 13 ("I'm reaching out because we recently launched
// Labcase 5", which the labels leave to the we-count); "have reported" is no feature: 0.88, 12.
// The general rules of 2026-12-06 (idioms in any form, superlatives, crowds described by a
// clause, results said as change, passives asked, more wordy phrases): 0.90, 11.
// The ninth corpus's misses made general, and "really" meaning "in fact" no hedge: 0.92, 10.
// More stock phrases, and "by X, for X": 0.92, 11 (the one more: "by pharmacists, for
// pharmacists", a stock claim the labels leave be).
const FRESH_RECALL_FLOOR: f64 = 0.91;
const FRESH_FALSE_POSITIVE_CEILING: usize = 11;

/// The blind corpus in `tests/check-corpus-blind/`, written and labelled by someone who had not
/// read the checks, after the rules were tuned on the three others. Its first run is the honest
/// figure for pitches nobody has tuned on; the floors keep later changes from making it worse.
#[test]
fn the_checks_on_a_blind_corpus() {
    hold("check-corpus-blind", 24, BLIND_RECALL_FLOOR, BLIND_FALSE_POSITIVE_CEILING, BLIND_ERRORS_ON_CLEAN_CEILING);
}

// First run 0.74, 20, 2; then 0.74, 8, 0 (a trade word said once). Tuned on its misses
// (so no longer blind): 0.83, 8, 0; with asks too loose to act on, more wordy phrases and
// crowds of "lots of": 0.86, 8, 0; a first line naming the product, a written opening about
// the sender: 0.88, 8, 0; "has" and "have" as helpers are no feature ("It has been shown"),
// a word in capitals for emphasis ("reply STOP") no acronym: 0.88, 4, 0; a figure from
// nobody in particular ("Studies show… twice as likely") no proof: 0.89, 4, 0. After tuning
// on the unseen corpus's misses: 0.89, 5, 0 (the one more: "Funeral homes that switch see…",
// a vague source the labels do not list). More ways of promising an outcome, and a first line
// with the product as its subject: 0.90, 5, 0. Idioms in any form, superlatives, crowds
// described by a clause, results said as change: 0.90, 6, 0 (the one more: "Funeral homes
// that switch see…" again; the sixth corpus's labels count the same words as a weasel).
// Boasts backed only within their section, no proof in greetings, times or title case: 0.91, 6, 0.
// The last section asks, and the seventh corpus's misses made general: 0.92, 7, 0 (the one
// more: "our customers have reported", a vague source on words the labels call a proof).
// "most" before a plural as a vague share wherever it stands: 0.92, 8, 0 (the one more: "lose
// money on most projects", in a sentence the labels mark for its unnamed study). The ninth
// corpus's misses made general: 0.92, 9, 0 (the one more: "Advisors stop playing phone tag",
// a promise once let off because "stop" can open an ask). Passives after "been": 0.93, 9, 0.
const BLIND_RECALL_FLOOR: f64 = 0.92;
const BLIND_FALSE_POSITIVE_CEILING: usize = 9;
const BLIND_ERRORS_ON_CLEAN_CEILING: usize = 0;

/// The unseen corpus in `tests/check-corpus-unseen/`: 30 pitches (10 clean) in ten new
/// industries, written and labelled without reading the checks or running them, after all the
/// tuning above. Its first run is the figure for pitches nobody has seen.
#[test]
fn the_checks_on_an_unseen_corpus() {
    hold("check-corpus-unseen", 30, UNSEEN_RECALL_FLOOR, UNSEEN_FALSE_POSITIVE_CEILING, UNSEEN_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.66 (203 of 308), 13
// false positives (10.4 per 24 pitches), 2 error findings on clean pitches (an ask put as a
// question offering a day, read as no ask). Fixing what it showed wrong (a time offered as a
// question is an ask; a weekday's plural is no slip on its name; "barcode", "DMV",
// "thrilled"): 0.66, 6, 0. Tuned on its misses (clichés, intensifiers, unnamed sources,
// boasts, outcomes, glossary plurals): 0.81, 7, 0 — no longer unseen.
// More outcomes and first lines about the product: 0.82, 7, 0. Idioms in any form,
// superlatives, crowds described by a clause, results said as change: 0.83, 8, 0 (the one
// more: "pretty" in "I'm pretty flexible", a hedge the labels leave to the vague ask).
// Boasts backed only within their section, no proof in greetings, times or title case: 0.84, 8, 0.
// Passives asked, "gets lost", more wordy phrases: 0.85, 8, 0. The last section asks, and the
// seventh corpus's misses made general: 0.87, 8, 0. The eighth's: 0.88, 8, 0. The ninth's:
// 0.89, 9, 0 (the one more: "transform your", a boast the labels leave be); "really" meaning
// "in fact" no hedge: 0.89, 8, 0. Unnamed sources whatever the numbers, ordinals and "the
// United States" no proof, "much more modern": 0.90, 8, 0. Passives after "been", bare
// features, more stock and wordy phrases: 0.91, 9, 0 (the one more: "So what Stemday does is",
// a wordy opener the labels leave be).
const UNSEEN_RECALL_FLOOR: f64 = 0.90;
const UNSEEN_FALSE_POSITIVE_CEILING: usize = 9;
const UNSEEN_ERRORS_ON_CLEAN_CEILING: usize = 0;

/// The sixth corpus in `tests/check-corpus-sixth/`: 24 pitches (8 clean) in eight more new
/// industries, written and labelled the same way after all the tuning on the unseen corpus.
#[test]
fn the_checks_on_a_sixth_corpus() {
    hold("check-corpus-sixth", 24, SIXTH_RECALL_FLOOR, SIXTH_FALSE_POSITIVE_CEILING, SIXTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, after all the tuning on the unseen corpus): recall 0.59 (136 of
// 231), 18 false positives, 1 error finding on a clean pitch ("autopay" as a misspelling).
// Weakest: proof 0.14, cliche 0.17, hype 0.19, wordy 0.44, weasel 0.49. Only what it showed
// wrong was fixed (everyday words and abbreviations the lists lacked: autopay, rekey,
// walkie-talkie, RV, DM, IOU): 0.59, 9, 0. Then the rules were made more general (idioms in
// any form and a list of about a thousand, superlatives and distances that boast, crowds
// somewhere large or described by a clause, results said as change), written after its
// misses had been read, so it is no longer unseen: 0.84, 9, 0. Boasts backed only within
// their section, passives asked, "gets lost", more wordy phrases: 0.87, 9, 0.
// The ninth corpus's misses made general: 0.89, 10, 0 (the one more: "a big jump in retail"
// from unnamed salons, no longer proven by the bullet beside it, about something else; the
// second reading calls it a promise with no proof). Passives after "been", bare features, more
// stock and wordy phrases: 0.90, 13, 0 (the three more, "can't stop talking about", "where
// you're coming from" and "So what Boxtally does is", are labels of the second reading).
const SIXTH_RECALL_FLOOR: f64 = 0.89;
const SIXTH_FALSE_POSITIVE_CEILING: usize = 13;
const SIXTH_ERRORS_ON_CLEAN_CEILING: usize = 0;

/// How far two careful readers agree, labelling the same pitches apart: a corpus's labels and
/// a second reading of its pitches (`second-reading/` in the corpus), made from the same
/// conventions without seeing the first labels or any checker output. Scored the way the checks
/// are: a label meets another of the same rule on overlapping words (whole-section rules by
/// section, a long sentence by sentence). Prints the table, then the checks scored against the
/// second reading. Gives the four counts (first reader's labels, of them the second's too,
/// second reader's labels, of them the first's too), the pitches one reader calls clean and the
/// other not, and the checks' recall and false positives against the second reading.
/// Holds a corpus's two readings to their measured counts (`sum`: see `two_readers`), the
/// same pitches called clean, and the checks against the second reading to their figures.
fn hold_two_readers(name: &str, sum: [usize; 4], recall_floor: f64, fp_ceiling: usize) {
    let (measured, clean_differs, checks_recall, checks_fps) = two_readers(name);
    assert_eq!(measured, sum, "{name}: the two readings are as measured; update the figures here and in docs/BENCHMARKS.md");
    assert_eq!(clean_differs, 0, "{name}: both readers call the same pitches clean");
    assert!(checks_recall >= recall_floor && checks_fps <= fp_ceiling, "{name}: the checks against the second reading: {checks_recall:.2}, {checks_fps}");
}

fn two_readers(name: &str) -> ([usize; 4], usize, f64, usize) {
    let root = corpus(name);
    let second = root.join("second-reading");
    let files = pitches(&root);
    let mut per_rule: BTreeMap<String, [usize; 4]> = BTreeMap::new();
    let mut only_second: Vec<String> = vec![];
    // Per pitch, the second reader's labels that meet none of the first's: together with the
    // first's, every problem either reader saw, each once.
    let mut second_only_labels: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    let mut clean_differs = 0;
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(path).unwrap();
        let a = read_labels(&path.with_extension("labels.json"));
        let b = read_labels(&second.join(path.with_extension("labels.json").file_name().unwrap()));
        assert_eq!(a.collateral_type, b.collateral_type, "{name}: both readings name the same type");
        let span = |l: &Label| {
            let at = text.find(&l.quote).unwrap_or_else(|| panic!("{name}: quote {:?} is not in the file", l.quote));
            assert!(text[at + 1..].find(&l.quote).is_none(), "{name}: quote {:?} occurs more than once", l.quote);
            (at, at + l.quote.len())
        };
        let meet = |x: &Label, y: &Label| {
            let ((xs, xe), (ys, ye)) = (span(x), span(y));
            // A long sentence is one finding wherever in it a reader quotes: same sentence, same finding.
            let same_sentence = x.rule == "sentence-length" && !text[xs.min(ys)..xe.max(ye)].contains(['.', '?', '!', '\n']);
            x.rule == y.rule && ((xs < ye && ys < xe) || (by_section(&x.rule) && section_of(&text, xs) == section_of(&text, ys)) || x.rule == "readability" || same_sentence)
        };
        clean_differs += usize::from(a.clean != b.clean);
        for l in &a.findings {
            let t = per_rule.entry(l.rule.clone()).or_default();
            t[0] += 1;
            t[1] += usize::from(b.findings.iter().any(|m| meet(l, m)));
        }
        for l in &b.findings {
            let t = per_rule.entry(l.rule.clone()).or_default();
            t[2] += 1;
            if a.findings.iter().any(|m| meet(l, m)) {
                t[3] += 1;
            } else {
                only_second.push(format!("{name}: {} “{}”", l.rule, l.quote));
                second_only_labels.entry(name.clone()).or_default().push(l.clone());
            }
        }
    }
    println!("{name}, two readers:");
    println!("{:<16} {:>7} {:>14} {:>7} {:>14}", "rule", "first", "second agrees", "second", "first agrees");
    let mut sum = [0usize; 4];
    for (rule, t) in &per_rule {
        println!("{rule:<16} {:>7} {:>14} {:>7} {:>14}", t[0], t[1], t[2], t[3]);
        for k in 0..4 {
            sum[k] += t[k];
        }
    }
    println!("{:<16} {:>7} {:>14} {:>7} {:>14}", "all", sum[0], sum[1], sum[2], sum[3]);
    println!(
        "second reader's recall of the first's labels: {:.2}; labels only the second made, per 24 pitches: {:.1}; pitches one calls clean and the other not: {clean_differs}",
        sum[1] as f64 / sum[0] as f64,
        (sum[2] - sum[3]) as f64 * 24.0 / files.len() as f64
    );
    println!("\nonly the second reader:\n  {}", only_second.join("\n  "));
    println!("\nthe checks against the second reading:");
    let (checks_recall, checks_fps) = report(&evaluate_against(&root, &second));
    // And against both readings at once: a finding either reader made is no false positive.
    let union = std::env::temp_dir().join(format!("pitchbridge-two-readers-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&union).unwrap();
    for path in &files {
        let file = path.with_extension("labels.json");
        let file = file.file_name().unwrap();
        let mut both = read_labels(&root.join(file));
        let md = path.file_name().unwrap().to_string_lossy().to_string();
        both.findings.extend(second_only_labels.remove(&md).unwrap_or_default());
        both.clean &= read_labels(&second.join(file)).clean;
        std::fs::write(union.join(file), serde_json::to_string(&both).unwrap()).unwrap();
    }
    println!("\nthe checks against both readings (a finding either reader made counts as true):");
    let (union_recall, union_fps) = report(&evaluate_against(&root, &union));
    println!("{name}: against both readings, recall {union_recall:.2}, {union_fps} false positives");
    std::fs::remove_dir_all(&union).unwrap();
    assert_eq!(files.len(), 24, "the second reading covers every pitch");
    (sum, clean_differs, checks_recall, checks_fps)
}

#[test]
fn two_readers_of_the_sixth_corpus() {
    // Measured 2026-12-06: the first reader made 231 labels, the second 218; 201 of the first's
    // were also the second's (recall 0.87) and 197 of the second's the first's, so 30 labels
    // were only the first reader's and 21 only the second's, on 24 pitches. Both called the
    // same 8 pitches clean. The checks against the second reading: 0.83, 25 "false positives".
    // After the ninth corpus's tuning: 0.87, 25 against the second reading; 0.85, 7 against both.
    hold_two_readers("check-corpus-sixth", [231, 201, 218, 197], 0.86, 25);
}

/// The seventh corpus in `tests/check-corpus-seventh/`: 24 pitches (8 clean) in eight more new
/// industries, written as people write (not around the lists) and labelled before any run,
/// after the rules were made general on 2026-12-06. Its first run is the honest figure.
#[test]
fn the_checks_on_a_seventh_corpus() {
    hold("check-corpus-seventh", 24, SEVENTH_RECALL_FLOOR, SEVENTH_FALSE_POSITIVE_CEILING, SEVENTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.77 (128 of 167), 19
// false positives (9 of them on words a label gives another rule: "Customers love it" is a
// weasel here, hype there), 0 error findings on clean pitches. Weakest: cliché 0.50, proof
// 0.50, hype 0.54. Fixing only what it showed wrong (a writer's own dated promise, "I can email
// you the report today", is a step with a way; "pre-arrival" is a prefix and a word): 0.77, 17, 0.
// Then tuned on its misses, in general forms (a type's last section asks when it has no
// callout; offers put as questions in a spoken close; vague sizes like "huge"; more outcomes,
// idioms with a free word, "that's where {*} comes in"; passives said with how often; crowds
// of four words or joined by "and"; superlatives after "our"; a capitalised run judged by its
// first word) — no longer unseen: 0.87, 17, 0. Praise of the reader ("you know it better than
// anyone") is no boast: 0.87, 16, 0. The ninth corpus's misses made general, then bare
// features under Why we win ("GPS route planning"): 0.91, 16, 0.
const SEVENTH_RECALL_FLOOR: f64 = 0.91;
// A glossary term is not also a cliché: 0.92, 15, 0.
const SEVENTH_FALSE_POSITIVE_CEILING: usize = 15;
const SEVENTH_ERRORS_ON_CLEAN_CEILING: usize = 0;

#[test]
fn two_readers_of_the_seventh_corpus() {
    // Measured 2026-12-06 on pitches written as people write (not around the lists): 167 and
    // 165 labels, 158 shared each way: recall 0.95 of one reader against the other, 9 labels
    // only the first's and 7 only the second's on 24 pitches; the same 8 clean. Closer than
    // on the sixth corpus, whose cases were written to be off the lists. The checks against
    // the second reading (after tuning on the first's misses): 0.88, 18.
    // After the ninth and tenth corpora's tuning, a glossary term not also a cliché: 0.92, 17.
    hold_two_readers("check-corpus-seventh", [167, 158, 165, 158], 0.91, 17);
}

/// The eighth corpus in `tests/check-corpus-eighth/`: 24 pitches (8 clean) in eight more new
/// industries, some for larger buyers (distributors, library systems, clinic groups, plants),
/// written as people write and labelled before any run, after all the tuning above, the
/// seventh corpus's included. Its first run is the honest figure.
#[test]
fn the_checks_on_an_eighth_corpus() {
    hold("check-corpus-eighth", 24, EIGHTH_RECALL_FLOOR, EIGHTH_FALSE_POSITIVE_CEILING, EIGHTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.71 (146 of 205), 28
// false positives (16 of them on words a label gives another rule; 5 are acronyms its readers
// know, NFPA and ILS, which the labels list as fine), 0 error findings on clean pitches.
// Weakest: hype 0.37, proof 0.55, weasel 0.56, customer-focus 0.62. Then tuned on its misses
// in general forms (praise words describing the offer, unless a stock phrase or a glossary term
// names them; one unnamed person vouching; a crowd's clause opening with "have"; "leading"
// crowds without an article; the sender after a greeting) and the two acronyms its readers know
// (NFPA, ILS) — no longer unseen: 0.74, 24, 0. "most" before a plural wherever it stands,
// "We" opening a bullet's answer after its label ("Too expensive: We offer…"), the caller's
// title and company: 0.77, 25, 0. The ninth corpus's misses made general: 0.77, 26, 0 (the
// one more: "can transform your branch operations", which the second reading calls a boast).
// Unnamed sources whatever the numbers, and bare features under Benefits: 0.79, 26, 0.
// Passives after "been" or "being" ("has been proven to work"): 0.80, 26, 0. More stock and
// wordy phrases: 0.82, 27, 0 (the one more: "a single source of truth", labelled as jargon).
const EIGHTH_RECALL_FLOOR: f64 = 0.84;
// A glossary term is not also a cliché: 0.83, 24, 0. More boasts from the tenth's misses: 0.83,
// 25, 0 (the one more: "handles everything", which the labels leave be). "are distributed" is
// a passive: 0.84, 25, 0. Open-ended asks ("Let me know if you'd ever…", "touch base sometime
// next week"): 0.85, 25, 0.
const EIGHTH_FALSE_POSITIVE_CEILING: usize = 25;
const EIGHTH_ERRORS_ON_CLEAN_CEILING: usize = 0;

#[test]
fn two_readers_of_the_eighth_corpus() {
    // Measured 2026-12-06: 205 and 194 labels, 182 shared each way: recall 0.89 of one reader
    // against the other, 23 labels only the first's and 12 only the second's on 24 pitches; the
    // same 8 clean. The checks against the second reading (after tuning on the first's
    // misses): 0.78, 33; against both readings at once: 0.76, 20.
    // After the ninth corpus's tuning: 0.84, 34 against the second reading; 0.81, 21 against both.
    // After the tenth's: 0.84, 35 (the one more: "Agencies that have implemented Depobook have
    // seen", which the first reading labels).
    // A glossary term not also a cliché: 0.84, 32; then more boasts: 0.84, 33.
    hold_two_readers("check-corpus-eighth", [205, 182, 194, 182], 0.81, 33);
}

/// The ninth corpus in `tests/check-corpus-ninth/`: 24 pitches (8 clean) in eight more new
/// industries, written as people write and labelled before any run, after all the tuning on the
/// eighth corpus. Its first run is the honest figure.
#[test]
fn the_checks_on_a_ninth_corpus() {
    hold("check-corpus-ninth", 24, NINTH_RECALL_FLOOR, NINTH_FALSE_POSITIVE_CEILING, NINTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.73 (163 of 223), 21
// false positives (8 of them on words a label gives another rule), 2 error findings on clean
// pitches: "roastery", a real word the dictionary lacks, and "labour", British spelling.
// Weakest: wordy 0.22, proof 0.46, customer-focus 0.58, hype 0.60, weasel 0.63. Then fixed
// what it showed wrong (British spellings are English; "roastery"; a capitalised possessive is
// a name's, "Okafor's") and tuned on its misses in general forms (a rank, "#1", is a boast and
// no proof, nor are hours of service, "24/7"; "the … Scheduling Platform" is no customer's
// name; a promise is let off only by a real ask, not by any verb an ask may use, "Reduce claim
// denials"; "according to a customer in the Midwest"; crowds "from dozens of nurseries";
// "most of our customers"; "noticeably"; "has been proven"; our answer after a quoted
// objection and a dash; more wordy phrases and stock phrases) — no longer unseen: 0.83, 15, 0.
// A neighbour in another bullet backs a promise only when about the same thing, and "really"
// meaning "in fact" ("It really doesn't") is no hedge: 0.83, 14, 0. A bullet that only names a
// feature where the reader's gains are listed ("Mobile app" under Why we win): 0.85, 14, 0.
// Passives after "been", "by X, for X": 0.85, 15, 0 (the one more: "by roasters for
// roasters", labelled only as part of a boast).
const NINTH_RECALL_FLOOR: f64 = 0.84;
// A glossary term is not also a cliché ("seamless integration", "single pane of glass"):
// 0.85, 12, 0.
const NINTH_FALSE_POSITIVE_CEILING: usize = 12;
const NINTH_ERRORS_ON_CLEAN_CEILING: usize = 0;

#[test]
fn two_readers_of_the_ninth_corpus() {
    // Measured 2026-12-06: 223 and 200 labels, 193 shared each way: recall 0.87 of one reader
    // against the other, 30 labels only the first's and 7 only the second's on 24 pitches; the
    // same 8 clean. The second reading was made after the checks had been tuned on the first's
    // misses, but from the pitches alone. The checks against it: 0.85, 28 (11 of them weasels
    // and 7 wordy phrases the second reader left be); against both readings at once: 0.80, 14.
    // After the stock phrases and passives that followed: 0.88, 29; against both: 0.83, 15.
    // A glossary term not also a cliché: 0.88, 26.
    hold_two_readers("check-corpus-ninth", [223, 193, 200, 193], 0.87, 26);
}

/// The tenth corpus in `tests/check-corpus-tenth/`: 24 pitches (8 clean) in eight more new
/// industries, written and labelled before any run, after all the tuning on the ninth corpus
/// and on every earlier corpus's misses. Its first run is the honest figure.
#[test]
fn the_checks_on_a_tenth_corpus() {
    hold("check-corpus-tenth", 24, TENTH_RECALL_FLOOR, TENTH_FALSE_POSITIVE_CEILING, TENTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.76 (175 of 229), 33
// false positives (19 of them on words a label gives another rule), 0 error findings on clean
// pitches. Weakest: cliche 0.36, wordy 0.40, proof 0.50, hype 0.55, spelling 0.57 (three
// homophones: "there mount", "Your stressed"). One error finding on a span the labels call
// fine: an objection's next step ("Load your fleet… into a free 30-day trial, and call
// Havel's dispatch lead") read as an ask with no way to act. Then fixed what it showed wrong
// in general forms — no longer unseen: an answer to an objection offers its next step in the
// conversation, so a definite step needs no link; sound-alikes where the words around leave no
// doubt ("when there mount is ready", "Your stressed too"); "jobsites"; a quotation a colon
// opens is not our voice; "the only" boasts only of the offer; "that many" points back; "is
// attached" is a state, "attached to" is not; crowds "nationwide" before a product, "have
// seen" a result: 0.79, 26, 0. A glossary term is not also a cliché ("data-driven decisions"):
// 0.79, 25, 0. Its other misses made general (a quotation is attributed by a dash only to a
// name, not to our answer after it; a kind of product after capitals is no customer; more
// boasts, stock and wordy phrases): 0.86, 25, 0. "are recorded", "are managed" are passives:
// 0.87, 25, 0. Open-ended asks ("Reach out today", "sometime next week"): 0.87, 25, 0. A
// fragment with a verb is no bare feature ("Brides will be wowed"), and features belong in an
// answer's Evidence ("It has a 4.8 rating."): 0.87, 23, 0.
const TENTH_RECALL_FLOOR: f64 = 0.86;
const TENTH_FALSE_POSITIVE_CEILING: usize = 23;
const TENTH_ERRORS_ON_CLEAN_CEILING: usize = 0;

#[test]
fn two_readers_of_the_tenth_corpus() {
    // Measured 2026-12-06: 229 and 220 labels, 207 of the first's met by the second and 205 of
    // the second's by the first: recall 0.90 of one reader against the other, 22 labels only
    // the first's and 15 only the second's on 24 pitches; the same 8 clean. The second reading
    // was made after the checks had been tuned on the first's misses, from the pitches alone.
    // The checks against it: 0.89, 24; against both readings at once: 0.85, 15.
    hold_two_readers("check-corpus-tenth", [229, 207, 220, 205], 0.88, 24);
}

/// The eleventh corpus in `tests/check-corpus-eleventh/`: 24 pitches (8 clean) in eight more
/// new industries, written and labelled before any run, after all the tuning on the tenth corpus.
/// Its first run is the honest figure.
#[test]
fn the_checks_on_an_eleventh_corpus() {
    hold("check-corpus-eleventh", 24, ELEVENTH_RECALL_FLOOR, ELEVENTH_FALSE_POSITIVE_CEILING, ELEVENTH_ERRORS_ON_CLEAN_CEILING);
}

// First run (2026-12-06, before any rule was changed for it): recall 0.78 (177 of 228), 33
// false positives (19 of them on words a label gives another rule), 1 error finding on a clean
// pitch ("offcut", a real word the dictionary lacks). Weakest: spelling 0.38 (grammar slips
// the labels file there: "in you yard", "Its a total", "loose your"), wordy 0.50, cliche 0.55,
// hype 0.64, weasel 0.64; acronyms its readers know (FBO, SPD, GM) were 7 of the 33. Then
// fixed what it showed wrong ("offcut", "drive-bys"; HOA and PTO known) and tuned on its misses
// in general forms — no longer unseen: a quantity of people wherever it stands ("a lot of our
// customers"); more sound-alikes ("there next cleaning", "Its a", "loose your", "in you yard"):
// 0.80, 31, 0. (GM, EHR and ACH stay to spell out: other corpora's readers asked for that.)
const ELEVENTH_RECALL_FLOOR: f64 = 0.79;
const ELEVENTH_FALSE_POSITIVE_CEILING: usize = 31;
const ELEVENTH_ERRORS_ON_CLEAN_CEILING: usize = 0;
