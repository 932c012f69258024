//! Every rule: text it must flag (and the exact words it points at), and text it must leave
//! alone. The second list matters as much as the first: a checker that cries wolf is ignored.

use std::sync::OnceLock;

use pitchbridge_checks::*;
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::{GlossaryRule, Research};

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(Checker::new)
}

fn glossary() -> Vec<GlossaryEntry> {
    let e = |term: &str, phrasing: &str, rule| GlossaryEntry { term: term.into(), customer_phrasing: phrasing.into(), rule };
    vec![
        e("STP", "invoices that go straight through", GlossaryRule::Explain),
        e("touchless", "hands-off", GlossaryRule::Avoid),
        e("tolerance bands", "allowed price differences", GlossaryRule::Avoid),
        e("AP", "", GlossaryRule::Preferred),
        e("single pane of glass", "one screen", GlossaryRule::Avoid),
    ]
}

fn only(rule: Rule) -> RuleSettings {
    let off: Vec<(Rule, RuleSetting)> =
        Rule::ALL.iter().filter(|r| **r != rule).map(|&r| (r, RuleSetting { enabled: false, severity: None })).collect();
    RuleSettings::layered([off.as_slice()])
}

struct Case<'a> {
    blocks: Vec<CheckBlock>,
    collateral: Option<&'a CollateralType>,
    audience: Option<&'a Research>,
}

/// A shipped collateral type, as the app reads it.
fn ct(id: &str) -> CollateralType {
    pitchbridge_core::collateral::parse_collateral_type(&std::fs::read_to_string(format!("{}/../../assets/collateral-types/{id}.toml", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap()
}

fn paras(text: &str) -> Vec<CheckBlock> {
    text.split("\n\n")
        .map(|p| match p.strip_prefix("# ") {
            Some(h) => CheckBlock { heading: true, text: h.into(), ..CheckBlock::default() },
            None => CheckBlock { text: p.into(), ..CheckBlock::default() },
        })
        .collect()
}

fn run_case(rule: Rule, case: Case) -> Vec<(String, Option<String>)> {
    let glossary = glossary();
    let input = CheckInput {
        blocks: case.blocks,
        collateral: case.collateral,
        glossary: &glossary,
        product_names: vec!["Ledgerline".into()],
        audience: case.audience,
        ..CheckInput::default()
    };
    checker()
        .check(&input, &only(rule))
        .into_iter()
        .map(|f| {
            let words = f.block.map(|b| input.blocks[b].text[f.start..f.end].to_string()).unwrap_or_default();
            (words, f.suggestion)
        })
        .collect()
}

fn flagged(rule: Rule, text: &str) -> Vec<String> {
    run_case(rule, Case { blocks: paras(text), collateral: None, audience: None }).into_iter().map(|(w, _)| w).collect()
}

fn fixes(rule: Rule, text: &str) -> Vec<(String, String)> {
    run_case(rule, Case { blocks: paras(text), collateral: None, audience: None })
        .into_iter()
        .map(|(w, s)| (w, s.expect("a fix")))
        .collect()
}

fn quiet(rule: Rule, texts: &[&str]) {
    for t in texts {
        assert_eq!(flagged(rule, t), Vec::<String>::new(), "{} should stay quiet on: {t}", rule.id());
    }
}

#[test]
fn call_to_action() {
    assert_eq!(flagged(Rule::CallToAction, "Ledgerline reads invoices.\n\nIt is fast."), ["It is fast."]);
    assert_eq!(flagged(Rule::CallToAction, "Invoices, handled.\n\nContact us to learn more."), ["Contact us to learn more."]);
    assert_eq!(flagged(Rule::CallToAction, "").len(), 1);
    // An ask too loose to act on, unless a time or a way comes with it.
    assert_eq!(flagged(Rule::CallToAction, "Invoices, handled.\n\nFeel free to reach out with any questions."), ["Feel free to reach out with any questions."]);
    assert_eq!(flagged(Rule::CallToAction, "Invoices, handled.\n\nLet me know if you ever want to chat about it."), ["Let me know if you ever want to chat about it."]);
    quiet(Rule::CallToAction, &["Invoices, handled.\n\nFeel free to call me on Thursday at 555-0142."]);
    quiet(
        Rule::CallToAction,
        &[
            "Close faster.\n\nBook a demo at ledgerline.example/demo.",
            "Want to see it? Reply to this email with a good time.",
            "Call me on +1 555 010 2299 this week.",
            "Email sam@ledgerline.example for a trial.",
        ],
    );
    // A linked phrase is a way to act.
    let blocks = vec![CheckBlock { text: "Start your free trial today.".into(), links: vec![6..21], ..CheckBlock::default() }];
    assert!(run_case(Rule::CallToAction, Case { blocks, collateral: None, audience: None }).is_empty());
    // A verb said of someone else, or denied, is not an ask; the real ask is still needed.
    assert_eq!(
        flagged(Rule::CallToAction, "Nobody has to call a driver for a reading.\n\nDispatch used to email every hour."),
        ["Dispatch used to email every hour."],
        "no ask here, so the last sentence is flagged for having none"
    );
    // A question to the reader that offers a time or a way is an ask.
    quiet(
        Rule::CallToAction,
        &[
            "Would Thursday at 10 work, or would you rather I call you at 555-0142?",
            "Could we talk on Tuesday about your night shifts?",
            "Or book 15 minutes at coldtrace.example/demo. Either way, thanks for reading.",
            // The imperative after an opening condition.
            "If it would help, book 15 minutes at coldtrace.example/demo this week.",
            "When you're ready, reply with two times that suit you.",
        ],
    );
    // A condition alone asks nothing.
    assert_eq!(flagged(Rule::CallToAction, "If it would help, we are here."), ["If it would help, we are here."]);
    // A subject opening the sentence makes it a statement, not an ask: the pitch still asks
    // for nothing.
    assert_eq!(
        flagged(Rule::CallToAction, "You return those for credit and order closer to what you dispense."),
        ["You return those for credit and order closer to what you dispense."],
        "a statement about what the reader does is not a request"
    );
    // The time may come in the next sentence of the same paragraph.
    quiet(Rule::CallToAction, &["Could you send me last month's report? I'll bring back the list by Friday."]);
    assert_eq!(
        flagged(Rule::CallToAction, "Could you send me last month's report?\n\nThe list is worth having."),
        ["Could you send me last month's report?"],
        "a time in another paragraph is not this ask's way"
    );
}

/// The type's call-to-action section must ask, wherever else the pitch asks; a battle card's
/// imperatives outside it are coaching for the rep.
#[test]
fn a_writers_dated_promise_is_a_step() {
    quiet(Rule::CallToAction, &["Kennels lose bookings.\n\nI can email you the Hillcrest report today."]);
    assert_eq!(flagged(Rule::CallToAction, "Kennels lose bookings.\n\nEmail us the report."), ["Email us the report."]);
}

#[test]
fn call_to_action_in_its_section() {
    let block = |section: &str, text: &str| CheckBlock { section: section.into(), text: text.into(), ..CheckBlock::default() };
    let one_pager = ct("one-pager");
    let blocks = vec![
        block("solution", "Book a demo at coldtrace.example/demo to see it."),
        block("call-to-action", "Coldtrace is the calm way to run a cold chain."),
    ];
    let f = run_case(Rule::CallToAction, Case { blocks, collateral: Some(&one_pager), audience: None });
    assert_eq!(f.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>(), ["Coldtrace is the calm way to run a cold chain."]);
    let card = ct("battle-card");
    let blocks = vec![
        block("landmines", "Ask who owns the reconciliation today."),
        block("call-to-action", "Register the deal at partners.coldtrace.example/deals before the first meeting."),
    ];
    assert!(run_case(Rule::CallToAction, Case { blocks, collateral: Some(&card), audience: None }).is_empty());
    // A type with no callout section ends with its ask: a call script's Close must ask, even
    // when the opener asked permission to talk.
    let script = ct("call-script");
    let close = |text: &str| {
        let blocks = vec![block("opener", "Hi, it's Dana from Northgate. Is now a good time, or should I call back Thursday?"), block("close", text)];
        run_case(Rule::CallToAction, Case { blocks, collateral: Some(&script), audience: None }).into_iter().map(|(w, _)| w).collect::<Vec<_>>()
    };
    assert_eq!(close("Anyway, thanks for your time."), ["Anyway, thanks for your time."]);
    assert_eq!(close("Would it make sense to meet at some point?"), ["Would it make sense to meet at some point?"]);
    // Said aloud, an offer put as a question is the ask.
    assert!(close("Could I put two sensors in your busiest cooler for a month, free?").is_empty());
}

#[test]
fn customer_focus() {
    let f = flagged(Rule::CustomerFocus, "We built Ledgerline for finance. Our team supports it. Ledgerline has OCR.");
    // The count and the opening "We" point at the same word: one finding, the count's.
    assert_eq!(f, ["We", "Our", "Our team supports it.", "Ledgerline has OCR."]);
    quiet(
        Rule::CustomerFocus,
        &[
            "You close the month in days. Your team stops chasing approvals, and we handle the setup.",
            "Ledgerline has two-way sync, so you never re-key an invoice.",
            "Your controller sees every exception. It includes a full audit trail you can export.",
        ],
    );
}

#[test]
fn jargon() {
    assert_eq!(
        fixes(Rule::Jargon, "Touchless invoices clear our tolerance bands. Touchless means fewer errors."),
        [
            ("Touchless".to_string(), "Hands-off".to_string()),
            ("tolerance bands".to_string(), "allowed price differences".to_string()),
            ("Touchless".to_string(), "Hands-off".to_string()),
        ]
    );
    assert_eq!(fixes(Rule::Jargon, "Your STP rate rises."), [("STP".to_string(), "STP (invoices that go straight through)".to_string())]);
    quiet(
        Rule::Jargon,
        &[
            "Your STP (invoices that go straight through) rate rises. STP keeps rising.",
            "Invoices that go straight through, known as STP, free your team.",
            "Your AP team stops re-keying.",
            "Stp is not the acronym, and stop is not a match.",
        ],
    );
}

/// Factory language is flagged with no glossary at all, with the plain words as the fix; a
/// glossary entry for the same term wins, and a cliché is not flagged twice.
#[test]
fn built_in_factory_language() {
    let input = |text: &str, glossary: &[GlossaryEntry]| -> Vec<(String, Option<String>)> {
        let blocks = paras(text);
        let i = CheckInput { blocks: blocks.clone(), glossary, ..CheckInput::default() };
        checker().check(&i, &only(Rule::Jargon)).into_iter().map(|f| (blocks[f.block.unwrap()].text[f.start..f.end].to_string(), f.suggestion)).collect()
    };
    assert_eq!(input("We help you operationalize your learnings.", &[]), [("operationalize".to_string(), Some("put into practice".to_string())), ("learnings".to_string(), Some("lessons".to_string()))]);
    let mine = vec![GlossaryEntry { term: "learnings".into(), customer_phrasing: "what you learned".into(), rule: GlossaryRule::Explain }];
    assert_eq!(input("Share your learnings (what you learned) with the team.", &mine), []);
    assert!(input("It is a paradigm shift for finance.", &[]).is_empty(), "the cliché list has it");
}

#[test]
fn acronym() {
    assert_eq!(flagged(Rule::Acronym, "Our EDI feed and the DSO report. EDI again."), ["EDI", "DSO"]);
    quiet(
        Rule::Acronym,
        &[
            "Electronic data interchange (EDI) feeds arrive daily. EDI is solid.",
            "EDI (electronic data interchange) feeds arrive daily.",
            "Your CFO and the IT team see the ROI in the PDF by Q3.",
            "Your AP team and the STP rate.",
            "Phase II starts in March.",
            "# WHY FINANCE TEAMS SWITCH NOW",
            "Visit LEDGERLINE.EXAMPLE/DEMO today.",
        ],
    );
}

#[test]
fn hype() {
    assert_eq!(flagged(Rule::Hype, "Ledgerline is the best-in-class, world-class answer."), ["best-in-class", "world-class"]);
    assert_eq!(flagged(Rule::Hype, "It is revolutionary. It changes AP."), ["revolutionary"]);
    quiet(
        Rule::Hype,
        &[
            "Industry-leading accuracy: 99.2% of fields read correctly.",
            "It is the fastest way to close. Harbor & Vale closed in 3 days.",
            "“The best AP tool we have used,” says the controller at Meridale.",
            "The bestselling title and the leadership team.",
        ],
    );
    // A number in a name or a version proves nothing.
    assert_eq!(flagged(Rule::Hype, "Relay 5 is the best-in-class platform."), ["best-in-class"]);
    assert_eq!(flagged(Rule::Hype, "Windows 11 is the most advanced platform."), ["the most advanced"]);
    assert_eq!(flagged(Rule::Hype, "Coldtrace version 4 is world-class."), ["world-class"]);
    quiet(Rule::Hype, &["Relay 5 is the fastest on the market: 38 fleets cut idling by 12%.", "In 2024 it was the best-rated app in its class, with 4.8 stars from 1,200 reviews."]);
}

#[test]
fn weasel() {
    assert_eq!(
        fixes(Rule::Weasel, "It is very fast. Basically, it works. It could possibly help."),
        [
            (" very".to_string(), "".to_string()),
            ("Basically, it".to_string(), "It".to_string()),
            ("could possibly".to_string(), "could".to_string()),
        ]
    );
    assert_eq!(flagged(Rule::Weasel, "Save up to 40%."), ["up to"]);
    quiet(Rule::Weasel, &["You close in three days.", "Every invoice is matched."]);
}

#[test]
fn helpers_and_shouting_are_not_features_or_acronyms() {
    quiet(Rule::CustomerFocus, &["Invoices are on time. It has been shown that matching halves the work.", "Ledgerline has been adopted by controllers."]);
    quiet(Rule::Acronym, &["Tenants can reply STOP to any text.", "It is FREE for the first month."]);
    assert_eq!(flagged(Rule::Acronym, "Carriers report to the DOT and file an ELD log."), ["DOT", "ELD"]);
}

#[test]
fn the_reader_first() {
    assert_eq!(flagged(Rule::CustomerFocus, "My name is Greg and I sell Ledgerline."), ["My name is Greg and I sell Ledgerline."]);
    assert_eq!(flagged(Rule::CustomerFocus, "I'm reaching out because your close takes nine days."), ["I'm reaching out because your close takes nine days."]);
    assert_eq!(flagged(Rule::CustomerFocus, "Hi Dana, my name is Greg and I sell Ledgerline."), ["Hi Dana, my name is Greg and I sell Ledgerline."]);
    quiet(Rule::CustomerFocus, &["Your close takes nine days. Mine took two."]);
}

#[test]
fn unnamed_sources_that_vouch() {
    assert_eq!(flagged(Rule::Weasel, "Shop owners tell us it pays for itself."), ["Shop owners tell us"]);
    assert_eq!(flagged(Rule::Weasel, "It sends reminders. Customers love it."), ["Customers love it"]);
    // The crowd may be somewhere large, or described by a clause, before it vouches.
    assert_eq!(flagged(Rule::Weasel, "Bakeries across the Southwest tell us it pays for itself."), ["Bakeries across the Southwest tell us"]);
    assert_eq!(flagged(Rule::Weasel, "Dentists who moved over are seeing fewer gaps."), ["Dentists who moved over are seeing"]);
    assert_eq!(flagged(Rule::Weasel, "Kennels that switch see cancellations drop."), ["Kennels that switch see"]);
    assert_eq!(flagged(Rule::Weasel, "Clinics that have moved over report fewer gaps."), ["Clinics that have moved over report"]);
    // One person with no name vouches no better than a crowd.
    assert_eq!(flagged(Rule::Weasel, "One kennel owner told us it paid for itself."), ["One kennel owner told us"]);
    assert_eq!(flagged(Rule::Weasel, "Funeral homes using Ledgerline report fewer late payments."), ["Funeral homes using Ledgerline report"]);
    assert_eq!(flagged(Rule::Weasel, "Renters absolutely love the gate codes."), ["Renters absolutely love"]);
    quiet(
        Rule::Weasel,
        &[
            // What people do is not what they vouch for; a named or counted source is a source.
            "Crews see tomorrow's jobs on their phones.",
            "Customers say no to work they can't see.",
            "Harbor & Vale's controllers tell us it pays for itself.",
            "Forty clinics tell us the reminders work.",
            "You tell us the volume, and we size the plan.",
            // A place alone, or a clause about something else, vouches for nothing.
            "Carriers across the Midwest use the same forms.",
            "Fees that nobody agreed to slip through.",
            "Our customers said the same thing before they switched.",
        ],
    );
}

#[test]
fn idioms_in_any_form() {
    assert_eq!(flagged(Rule::Cliche, "Late fees dropped like a stone."), ["dropped like a stone"]);
    assert_eq!(flagged(Rule::Cliche, "The scanner is worth its weight in gold."), ["worth its weight in gold"]);
    assert_eq!(flagged(Rule::Cliche, "It took the county by storm, and crews learned it in a walk in the park."), ["by storm", "a walk in the park"]);
    assert_eq!(flagged(Rule::Cliche, "That's where Kennelkit comes in."), ["That's where Kennelkit comes in"]);
    quiet(Rule::Cliche, &["Drop the stone at the gate.", "The park has a walking trail.", "That's where the van comes."]);
}

#[test]
fn superlatives_and_distances_boast() {
    assert_eq!(flagged(Rule::Hype, "It is genuinely the simplest app for kennels."), ["the simplest app"]);
    assert_eq!(flagged(Rule::Hype, "This is the most sensible purchase a clinic can make."), ["the most sensible purchase"]);
    assert_eq!(flagged(Rule::Hype, "Kennelkit 4 is our biggest update yet."), ["our biggest update"]);
    // Praise words describing the offer, unless a stock phrase or a glossary term names them.
    assert_eq!(flagged(Rule::Hype, "Kennelkit is a powerful, all-in-one booking platform."), ["powerful, all-in-one booking platform"]);
    assert_eq!(flagged(Rule::Hype, "It is much more intuitive for your front desk."), ["much more intuitive"]);
    quiet(Rule::Hype, &["The powerful dryers need a service every spring.", "A robust lock keeps the gate shut."]);
    assert_eq!(flagged(Rule::Hype, "Our routing is miles in front of everyone."), ["miles in front of everyone"]);
    assert_eq!(flagged(Rule::Hype, "Scheduling is easier than anything else you have tried."), ["easier than anything"]);
    // Names and figures that prove nothing: the person greeted, a time of day, a title-case line.
    assert_eq!(flagged(Rule::Hype, "Dear Mr. Alvarez, Permitline is a state-of-the-art permitting tool."), ["state-of-the-art"]);
    assert_eq!(flagged(Rule::Hype, "It is a world-class app. Routes reach your phone by 6 a.m."), ["world-class"]);
    assert_eq!(flagged(Rule::Hype, "Kennelkit: The Industry's Most Advanced Booking Platform For Growing Kennels"), ["Most Advanced"]);
    quiet(
        Rule::Hype,
        &[
            // When and where, the reader's own busiest weeks, and other people's size.
            "Install the latest version before Friday.",
            "It covers your busiest weeks of the year.",
            "We serve the largest kennels in the state.",
            "The most common question is about price.",
            "You know your county's forms better than anyone selling software.",
        ],
    );
}

#[test]
fn results_said_as_change() {
    assert_eq!(flagged(Rule::Proof, "Once the reminders go out, cancellations drop."), ["Once the reminders go out, cancellations drop."]);
    assert_eq!(flagged(Rule::Proof, "Your overtime takes care of itself."), ["Your overtime takes care of itself."]);
    quiet(Rule::Proof, &["The truck stops at each house.", "Cancellations dropped 30% at Hillcrest Kennels."]);
    // A holiday is a date, not a customer who vouches.
    assert_eq!(flagged(Rule::Proof, "Fill every site from Memorial Day to Labor Day."), ["Fill every site from Memorial Day to Labor Day."]);
}

#[test]
fn passives_asked_and_got() {
    assert_eq!(flagged(Rule::Passive, "How are refunds approved today?"), ["are refunds approved"]);
    assert_eq!(flagged(Rule::Passive, "Is billing currently handled by hand?"), ["Is billing currently handled"]);
    assert_eq!(flagged(Rule::Passive, "Receipts never get lost."), ["get lost"]);
    // A state word is an event when the sentence says how often it happens.
    assert_eq!(flagged(Rule::Passive, "Bookings are frequently lost at weekends."), ["are frequently lost"]);
    quiet(Rule::Passive, &["The key is lost."]);
    quiet(Rule::Passive, &["How are you today?", "Is it true that they switched?", "Are your techs tired by Friday?"]);
}

#[test]
fn passive() {
    assert_eq!(
        flagged(Rule::Passive, "Invoices are read automatically. The payment was approved by the controller. It was quickly rebuilt."),
        ["are read", "was approved", "was quickly rebuilt"]
    );
    quiet(
        Rule::Passive,
        &[
            "Ledgerline is based in Leeds.",
            "Your team is interested and ready.",
            "We are excited. The price is fixed? No, it is need-based.",
            "Finance teams read every invoice.",
            "The feed is integrated with your ERP and automated end to end.",
        ],
    );
}

#[test]
fn proof() {
    assert_eq!(flagged(Rule::Proof, "Ledgerline cuts your close time."), ["Ledgerline cuts your close time."]);
    quiet(
        Rule::Proof,
        &[
            "Ledgerline cuts your close time by 4 days.",
            "Ledgerline cuts your close time. Meridale Foods closed in half the time.",
            "It saves hours. “We got our Fridays back,” says their controller.",
            "Your invoices arrive by email and by post.",
            "Save time: book a demo at ledgerline.example/demo.",
        ],
    );
}

#[test]
fn coverage() {
    let glossary = glossary();
    let input = CheckInput {
        blocks: paras("First paragraph.\n\nSecond paragraph."),
        glossary: &glossary,
        coverage: Some((
            vec![UncoveredClaim { claim_id: 7, number: 4, kind: "benefit".into(), text: "Close in days.".into() }],
            vec![StaleLink { block: 1, claim_id: 3, number: 2, removed: false }],
        )),
        ..CheckInput::default()
    };
    let f = checker().check(&input, &only(Rule::Coverage));
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].block, f[0].start, f[0].end, f[0].claim_id), (Some(1), 0, 17, Some(3)));
    assert_eq!((f[1].block, f[1].claim_id), (None, Some(7)));
    assert!(f[1].message.contains("claim 4"));
    let none = CheckInput { blocks: paras("Text."), coverage: Some((vec![], vec![])), ..CheckInput::default() };
    assert!(checker().check(&none, &only(Rule::Coverage)).is_empty());
}

#[test]
fn audience_fit() {
    let research = Research {
        pains: vec!["Chasing approvers by email at month-end".into(), "Duplicate payments slip through".into()],
        customer_words: vec!["the finance system".into()],
        ..Research::default()
    };
    let case = |text: &str| {
        run_case(Rule::AudienceFit, Case { blocks: paras(text), collateral: None, audience: Some(&research) }).len()
    };
    assert_eq!(case("Ledgerline brings modern cloud innovation to enterprise workflows with a platform built for scale and growth."), 1);
    assert_eq!(case("Stop chasing approvers at month-end: every invoice routes itself to the right person, and you see who holds it."), 0);
    assert_eq!(case("It connects to the finance system you already run, so nothing new lands on your desk this quarter."), 0);
    assert_eq!(case("Too short to judge."), 0);
}

/// The launch's positioning is context too: a pitch says the need it answers or its key
/// benefit, in any words that carry it.
#[test]
fn audience_fit_reads_the_positioning() {
    let positioning = pitchbridge_core::readiness::Positioning {
        need: "Close the books sooner without adding AP headcount".into(),
        key_benefit: "Invoices are captured, matched and approved without anyone keying them in".into(),
        ..Default::default()
    };
    let glossary = glossary();
    let run = |text: &str| {
        let input = CheckInput { blocks: paras(text), glossary: &glossary, positioning: Some(&positioning), ..CheckInput::default() };
        checker().check(&input, &only(Rule::AudienceFit)).into_iter().map(|f| f.message).collect::<Vec<_>>()
    };
    let off = run("Ledgerline brings modern cloud innovation to enterprise workflows with a platform built for scale and growth.");
    assert_eq!(off.len(), 1, "{off:?}");
    assert!(off[0].contains("positioned on") && off[0].contains("Close the books sooner"), "{}", off[0]);
    assert!(run("Your team can close the books four days sooner, and nobody new joins AP to do it.").is_empty());
    assert!(run("Every invoice is captured and matched as it arrives, and approved on a phone: nobody keys it in.").is_empty());
}

fn one_pager() -> CollateralType {
    let text = std::fs::read_to_string(&format!("{}/../../assets/collateral-types/elevator-pitch.toml", std::env::var("CARGO_MANIFEST_DIR").unwrap())).unwrap();
    pitchbridge_core::collateral::parse_collateral_type(&text).unwrap()
}

#[test]
fn length() {
    let ct = one_pager();
    let max = ct.words.max.unwrap() as usize;
    let long: Vec<String> = (0..max + 5).map(|i| format!("w{i}")).collect();
    let f = run_case(Rule::Length, Case { blocks: paras(&long.join(" ")), collateral: Some(&ct), audience: None });
    assert_eq!(f.len(), 1);
    assert!(f[0].0.starts_with(&format!("w{max} ")), "{}", f[0].0);
    let ok: Vec<String> = (0..ct.words.min.unwrap_or(1) as usize + 1).map(|i| format!("w{i}")).collect();
    assert!(run_case(Rule::Length, Case { blocks: paras(&ok.join(" ")), collateral: Some(&ct), audience: None }).is_empty());
    // A section under its minimum is advice: an info finding on no paragraph, so no fix that
    // shortens a sentence can make an underline appear.
    let ct = pitchbridge_core::collateral::parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
    let short = ct.sections.iter().find(|s| s.words.min.is_some_and(|m| m > 3)).expect("a section with a minimum");
    let mut blocks: Vec<CheckBlock> = ct.sections.iter().map(|s| CheckBlock { section: s.id.clone(), text: "word ".repeat(s.words.min.unwrap_or(1) as usize + 1), ..CheckBlock::default() }).collect();
    let i = ct.sections.iter().position(|s| s.id == short.id).unwrap();
    blocks[i].text = "Three words only.".into();
    let glossary = glossary();
    let input = CheckInput { blocks, collateral: Some(&ct), glossary: &glossary, ..CheckInput::default() };
    let found: Vec<Finding> = checker().check(&input, &only(Rule::Length)).into_iter().filter(|f| f.message.contains(&short.name)).collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].block, found[0].severity), (None, Severity::Info));
}

#[test]
fn readability() {
    let hard = "Organisational transformation necessitates comprehensive reconsideration of interdependent operational capabilities, particularly regarding procurement authorisation methodologies. ".repeat(4);
    let f = flagged(Rule::Readability, &hard);
    assert_eq!(f.len(), 1);
    let easy = "You send the bill. We read it. Your boss says yes on the phone. The money goes out on time. No one types a thing. ".repeat(4);
    quiet(Rule::Readability, &[&easy, "Short text is not scored."]);
}

#[test]
fn spelling() {
    assert_eq!(flagged(Rule::Spelling, "We recieve your invoices and acommodate every format."), ["recieve", "acommodate"]);
    quiet(
        Rule::Spelling,
        &[
            "Ledgerline's onboarding takes 30 days; your STP rate and SaaS costs drop.",
            "Talk to Priya Raman at Meridale Foods about e-invoices.",
            "Visit ledgerline.example/trial or write to sam@ledgerline.example.",
            "Harbor & Vale Outfitters went live in March.",
            "Touchless processing, the customer's way.",
            // Real words of the trades, missing from the everyday dictionary.
            "Your uptime rises and the rebar arrives on time.",
            // A prefix and a word, hyphenated.
            "Send the pre-arrival note to each co-owner; deposits are non-refundable.",
        ],
    );
    assert_eq!(flagged(Rule::Spelling, "Send the pre-arival note."), ["pre-arival"]);
    // A misspelled product name is a slip on the name, with the name as the fix.
    assert_eq!(fixes(Rule::Spelling, "Talk to us about Ledgerlne today."), [("Ledgerlne".to_string(), "Ledgerline".to_string())]);
    // A slip with a near correction is an error; an unknown word nothing is near is a warning.
    let glossary = glossary();
    let input = CheckInput { blocks: paras("We recieve the xqzvbnm."), glossary: &glossary, ..CheckInput::default() };
    let severities: Vec<_> = Checker::new().check(&input, &RuleSettings::default()).into_iter().filter(|f| f.rule == Rule::Spelling).map(|f| f.severity).collect();
    assert_eq!(severities, [Severity::Error, Severity::Warning]);
    // A word made of dictionary words may be the trade's own ("smokery", one slip from
    // "smoker"): checked, not failed, though a correction is near.
    let input = CheckInput { blocks: paras("We recieve the smokery order and a rasterizer, quote a reroof and confirm the putaway."), glossary: &glossary, ..CheckInput::default() };
    let found: Vec<_> = Checker::new().check(&input, &RuleSettings::default()).into_iter().filter(|f| f.rule == Rule::Spelling).map(|f| f.severity).collect();
    assert_eq!(found, [Severity::Error, Severity::Warning, Severity::Warning, Severity::Warning, Severity::Warning]);
}

#[test]
fn sentence_length() {
    let long = format!("{}.", vec!["word"; 31].join(" "));
    assert_eq!(flagged(Rule::SentenceLength, &long), [long.clone()]);
    quiet(Rule::SentenceLength, &[&format!("{}.", vec!["word"; 30].join(" ")), &format!("# {}", vec!["word"; 40].join(" "))]);
}

#[test]
fn wordy() {
    assert_eq!(
        fixes(Rule::Wordy, "In order to close, it should be noted that we utilize OCR."),
        [
            ("In order to".to_string(), "To".to_string()),
            (" it should be noted that".to_string(), "".to_string()),
            ("utilize".to_string(), "use".to_string()),
        ]
    );
    quiet(Rule::Wordy, &["To close, we use OCR.", "Put the order in today."]);
}

#[test]
fn cliche() {
    assert_eq!(flagged(Rule::Cliche, "Real synergy and low-hanging fruit."), ["synergy", "low-hanging fruit"]);
    quiet(Rule::Cliche, &["The fruit arrives fresh.", "Your team works with the sales team."]);
}

#[test]
fn repeated_word() {
    assert_eq!(fixes(Rule::RepeatedWord, "Send the the invoice."), [(" the".to_string(), "".to_string())]);
    quiet(Rule::RepeatedWord, &["I know that that works.", "The end. The start.", "It had had its day.", "the\n\nthe", "Our crews fly to Bora Bora and Walla Walla."]);
    assert_eq!(flagged(Rule::RepeatedWord, "The the invoice is late."), [" the"]);
}

#[test]
fn settings_switch_rules_off_and_relevel_them() {
    let glossary = glossary();
    let input = CheckInput { blocks: paras("Send the the invoice."), glossary: &glossary, ..CheckInput::default() };
    let rw = |settings: &RuleSettings| checker().check(&input, settings).into_iter().filter(|f| f.rule == Rule::RepeatedWord).collect::<Vec<_>>();
    assert_eq!(rw(&RuleSettings::default())[0].severity, Severity::Error);
    let workspace = [(Rule::RepeatedWord, RuleSetting { enabled: true, severity: Some(Severity::Info) })];
    let collateral = [(Rule::RepeatedWord, RuleSetting { enabled: false, severity: None })];
    assert_eq!(rw(&RuleSettings::layered([&workspace[..]]))[0].severity, Severity::Info);
    assert!(rw(&RuleSettings::layered([&workspace[..], &collateral[..]])).is_empty());
}

#[test]
fn quoted_customer_words_are_not_our_voice() {
    quiet(Rule::CustomerFocus, &["“We already have trackers,” they say. You can keep them."]);
    quiet(Rule::Passive, &["“Our invoices are lost all the time.” That stops."]);
    // A quotation proves only when someone is named as saying it.
    assert_eq!(flagged(Rule::Hype, "It is “the best” tool."), ["the best"]);
}

/// An objection in the customer's own words is not held to the writer's rules.
#[test]
fn the_customers_words_in_an_objection_are_not_our_voice() {
    let ct = pitchbridge_core::collateral::parse_collateral_type(include_str!("../../../assets/collateral-types/objection-handling.toml")).unwrap();
    let block = |section: &str, text: &str| CheckBlock { section: section.into(), text: text.into(), ..CheckBlock::default() };
    let blocks = || {
        vec![
            block("objection", "We already have trailer sensors. We put our best people on it and our system is the best."),
            block("acknowledge", "You have invested in sensors already, and they work."),
        ]
    };
    for rule in [Rule::CustomerFocus, Rule::Hype] {
        assert!(run_case(rule, Case { blocks: blocks(), collateral: Some(&ct), audience: None }).is_empty(), "{rule:?}");
    }
    // The same words as the writer's own are flagged.
    let mine = vec![block("acknowledge", "We already have trailer sensors. We put our best people on it and our system is the best.")];
    assert!(!run_case(Rule::CustomerFocus, Case { blocks: mine, collateral: Some(&ct), audience: None }).is_empty());
}

#[test]
fn asks_are_verbs_not_nouns() {
    assert_eq!(flagged(Rule::CallToAction, "Every call and every order is logged.").len(), 1);
    assert!(flagged(Rule::CallToAction, "Could I show you on Tuesday at 10?").is_empty());
    assert!(flagged(Rule::CallToAction, "Pick a time that suits you.\n\nDana Ruiz, 555-0148").is_empty());
}

/// Weasels made of parts: a crowd with no count or names, and a size not given.
#[test]
fn vague_crowds_and_amounts() {
    assert_eq!(flagged(Rule::Weasel, "Many clinics lose a third of their reminders."), Vec::<String>::new(), "a figure in the sentence makes it specific");
    assert_eq!(flagged(Rule::Weasel, "Many clinics lose their reminders."), ["Many clinics"]);
    assert_eq!(flagged(Rule::Weasel, "Dispensa is trusted by hundreds of independent pharmacies."), ["hundreds of independent pharmacies"]);
    assert_eq!(flagged(Rule::Weasel, "You will raise significantly more money."), ["significantly"]);
    quiet(
        Rule::Weasel,
        &[
            "It catches many invoices your team would miss.",
            "Most of your invoices arrive by email.",
            "That matters most for fleets with night shifts.",
            "Which of these matters most to your drivers?",
            "Meridale Foods cut its close from nine days to five.",
        ],
    );
}

/// Boasts made of parts need proof like the listed ones.
#[test]
fn hype_made_of_parts() {
    assert_eq!(flagged(Rule::Hype, "Pawcall is the industry's smartest reminder system."), ["the industry's smartest"]);
    assert_eq!(flagged(Rule::Hype, "No other vendor offers this."), ["No other vendor"]);
    assert_eq!(flagged(Rule::Hype, "It is much smarter than a spreadsheet."), ["much smarter than"]);
    quiet(Rule::Hype, &["It does far more than a CRM.", "It is much smarter than a spreadsheet: Kessler Drug cut its stock by $90,000."]);
}

/// A passive through "get", and with words between "is" and the participle.
#[test]
fn passives_with_get_and_words_between() {
    assert_eq!(flagged(Rule::Passive, "Carriers get paid twice for one load."), ["get paid"]);
    assert_eq!(flagged(Rule::Passive, "The stock is often not returned."), ["is often not returned"]);
    quiet(Rule::Passive, &["Get started in a day.", "Your team gets used to it in a week."]);
}

/// Slips a dictionary accepts, and slips on calendar words.
#[test]
fn slips_the_dictionary_misses() {
    assert_eq!(flagged(Rule::Spelling, "Check your calender today."), ["calender"]);
    assert_eq!(flagged(Rule::Spelling, "Renewals open in Januray for you."), ["Januray"]);
    quiet(Rule::Spelling, &["Ask Marco for the March figures.", "Your calendar fills itself."]);
}

/// A year or a place proves nothing; a figure in words does.
#[test]
fn what_counts_as_proof() {
    assert_eq!(flagged(Rule::Hype, "We have been the leading platform since 2016."), ["the leading"]);
    assert_eq!(flagged(Rule::Hype, "It is the leading platform across North America."), ["the leading"]);
    quiet(Rule::Proof, &["Fans are scanned in less than half the time."]);
}

#[test]
fn a_rank_is_a_boast_and_hours_of_service_prove_nothing() {
    assert_eq!(flagged(Rule::Hype, "The #1 NEMT Scheduling Platform"), ["1"]);
    assert_eq!(flagged(Rule::Hype, "It is the No. 1 choice for clinics."), ["No. 1"]);
    assert_eq!(flagged(Rule::Hype, "Our award-winning support team is there for you 24/7, 365 days a year."), ["award-winning"]);
    quiet(Rule::Hype, &["Close ticket #1 before the rest.", "Our award-winning team answered 1,240 calls last month."]);
}

#[test]
fn only_a_real_ask_lets_a_promise_off() {
    // "claim" can open an ask ("Claim your trial"); here it is a noun in a promise.
    assert_eq!(flagged(Rule::Proof, "Reduce claim denials."), ["Reduce claim denials."]);
    quiet(Rule::Proof, &["Book a call and see how much you save.", "Call 555-0139 to cut your paperwork."]);
}

#[test]
fn unnamed_sources_and_crowds() {
    assert_eq!(flagged(Rule::Weasel, "“It paid for itself,” according to a customer in the Midwest."), ["a customer"]);
    quiet(Rule::Weasel, &["“It paid for itself,” according to a customer, Dana Ruiz of Ruiz Surveying."]);
    assert_eq!(flagged(Rule::Weasel, "It was built with input from dozens of nurseries."), ["dozens of nurseries"]);
    assert_eq!(flagged(Rule::Weasel, "Most of our customers find that it saves them time."), ["Most of our customers"]);
}

#[test]
fn our_answer_after_a_quoted_objection() {
    assert_eq!(flagged(Rule::CustomerFocus, "\"Too expensive\" - We are actually cheaper when you add it up."), ["We"]);
    quiet(Rule::CustomerFocus, &["\"We use paper and it works fine\" - Paper works until the state stops taking it."]);
}

#[test]
fn british_spelling_and_names_possessive_are_not_misspelt() {
    quiet(Rule::Spelling, &["Remakes cost labour and glass.", "We organise the centre's catalogue.", "Okafor's crew travelled in the roastery van."]);
    assert_eq!(flagged(Rule::Spelling, "The fourm is open."), ["fourm"]);
}

#[test]
fn a_bullet_is_not_proven_by_the_bullet_before_it() {
    assert_eq!(
        flagged(Rule::Proof, "See every renewal coming: a reminder 90 days before each one.\n\nCut outside counsel spend."),
        ["Cut outside counsel spend."]
    );
    // Within one paragraph, the next sentence backs it.
    quiet(Rule::Proof, &["Cut outside counsel spend. Orchard Health cut it by 40% in a year."]);
}

#[test]
fn really_that_means_in_fact_is_no_hedge() {
    quiet(Rule::Weasel, &["It really doesn't.", "Here is what really happened at Lakeview.", "What you really want is a full class every hour."]);
    assert_eq!(flagged(Rule::Weasel, "It is really easy. It is not really about the app."), [" really", " really"]);
}

#[test]
fn one_customer_placed_but_not_named() {
    assert_eq!(flagged(Rule::Weasel, "A mill in Pennsylvania saved over $100K in its first year."), ["A mill in Pennsylvania"]);
    assert_eq!(flagged(Rule::Weasel, "One shop in Ohio told us their ticket went up."), ["One shop in Ohio"]);
    // A number does not name the source.
    assert_eq!(flagged(Rule::Weasel, "Shop owners tell us they save 5 hours a week."), ["Shop owners tell us"]);
    // The description of a named customer is not an unnamed one.
    quiet(Rule::Weasel, &["Big Sky Recovery, a nine-truck shop in Dorrance, cut release time from 20 minutes to 6."]);
}

#[test]
fn boasts_that_a_date_or_a_place_does_not_back() {
    // An ordinal says which day, not how much.
    assert_eq!(flagged(Rule::Hype, "Rent goes out on the 1st by card, which is miles better than anything RentDesk offers."), ["miles better"]);
    // "the United States" is where, not a customer who vouches.
    assert_eq!(flagged(Rule::Hype, "It is the leading floral engine for florists across the United States."), ["the leading"]);
    assert_eq!(flagged(Rule::Hype, "Loopcare is much more modern and user-friendly."), ["much more modern"]);
    quiet(Rule::Hype, &["Harbor Foods cut waste by 12% on the 1st run, far better than anything they had tried."]);
}

#[test]
fn a_bare_feature_where_the_readers_gains_are_listed() {
    let card = ct("battle-card");
    let block = |section: &str, text: &str| CheckBlock { section: section.into(), text: text.into(), ..CheckBlock::default() };
    let blocks = vec![
        block("why-we-win", "Mobile app"),
        block("why-we-win", "GPS route planning"),
        block("why-we-win", "Reports filed from the rig, so you stop retyping logs at night."),
        block("why-we-win", "Cut paperwork by half"),
        block("why-we-win", "Streamlined billing"),
        block("why-we-win", "Best-in-class inspections"),
        block("landmines", "Pump service history"),
        block("why-we-win", "Crews will be home sooner"),
    ];
    let f = run_case(Rule::CustomerFocus, Case { blocks, collateral: Some(&card), audience: None });
    assert_eq!(f.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>(), ["Mobile app", "GPS route planning"]);
}

#[test]
fn passives_after_been_or_being_and_with_words_between() {
    assert_eq!(
        flagged(Rule::Passive, "It has been proven to work. The app is currently being used by crews. Paperwork is pretty much handled."),
        ["been proven", "is currently being used", "is pretty much handled"]
    );
    assert_eq!(flagged(Rule::Passive, "The cost is offset by fewer trips."), ["is offset"]);
    quiet(Rule::Passive, &["Our owners have been thrilled with it.", "The company has been based in Ohio since 1998.", "Their system is pretty dated."]);
}

#[test]
fn made_by_its_users_for_its_users() {
    assert_eq!(flagged(Rule::Cliche, "Designed by roasters, for roasters."), ["by roasters, for roasters"]);
    assert_eq!(flagged(Rule::Cliche, "Built by rental pros for rental pros."), ["by rental pros for rental pros"]);
    quiet(Rule::Cliche, &["Reports signed by drillers for the state.", "Paid by the month for the year."]);
}

#[test]
fn sound_alikes_where_the_words_around_leave_no_doubt() {
    assert_eq!(flagged(Rule::Spelling, "We text the hunter when there mount is ready."), ["there"]);
    assert_eq!(flagged(Rule::Spelling, "Beekeepers log hives in there frame counts sheet."), ["there"]);
    assert_eq!(flagged(Rule::Spelling, "Your stressed too, we know."), ["Your"]);
    quiet(Rule::Spelling, &["Reports there rose from 9 to 14.", "Crews sit there for hours.", "Your welcome email goes out at once.", "Is there anyone in the office?"]);
}

#[test]
fn the_next_step_of_an_answer_to_an_objection() {
    let answer = ct("objection-handling");
    let step = |text: &str| {
        let blocks = vec![CheckBlock { section: "next-step".into(), text: text.into(), ..CheckBlock::default() }];
        run_case(Rule::CallToAction, Case { blocks, collateral: Some(&answer), audience: None }).into_iter().map(|(w, _)| w).collect::<Vec<_>>()
    };
    // Offered in the conversation, a definite step needs no link.
    assert!(step("Load your fleet into a free 30-day trial, and call Havel's dispatch lead, Joan Mercer.").is_empty());
    assert_eq!(step("Please visit our website to learn more."), ["Please visit our website to learn more."]);
}

#[test]
fn crowds_pointed_at_and_the_only_thing_that_is_not_the_offer() {
    quiet(Rule::Weasel, &["That many same-day requests must keep your schedulers busy."]);
    assert_eq!(flagged(Rule::Weasel, "Drivers who switched have seen a huge drop in missed stops."), ["Drivers who switched have seen", "huge"]);
    assert_eq!(flagged(Rule::Weasel, "Shredding providers nationwide rely on Shredroute."), ["Shredding providers nationwide"]);
    quiet(Rule::Hype, &["Dee says the only hard part was the first week."]);
    assert_eq!(flagged(Rule::Hype, "It is the only app built for shredding routes."), ["the only"]);
}

#[test]
fn a_glossary_term_is_the_glossarys_to_name() {
    // Listed to avoid, "single pane of glass" is jargon with its plain words, not also a cliché.
    quiet(Rule::Cliche, &["It gives you a single pane of glass for every invoice."]);
    assert_eq!(flagged(Rule::Jargon, "It gives you a single pane of glass for every invoice."), ["single pane of glass"]);
    assert_eq!(flagged(Rule::Cliche, "It is a game changer for every invoice."), ["game changer"]);
}

#[test]
fn a_built_in_factory_word_gives_way_to_the_stock_phrase_it_is_part_of() {
    // "paradigm" is built-in Factory language; "paradigm shift" stays a cliché.
    assert_eq!(flagged(Rule::Cliche, "It is a paradigm shift for finance teams."), ["paradigm shift"]);
}

#[test]
fn a_dash_after_a_quotation_attributes_it_only_to_a_name() {
    // Our answer after the customer's quoted objection is no attributed quotation.
    assert_eq!(flagged(Rule::Hype, "\"We already use SnowLedger\" - Ours is better, honestly."), ["Ours is better"]);
    quiet(Rule::Hype, &["“The best plow app we've used” - Dale Rusk, Rusk Snow Services."]);
    // A kind of product after capitals is no customer, even where a glossary word splits them.
    assert_eq!(flagged(Rule::Hype, "Gownbook - The Ultimate Bridal Shop Software!!"), ["The Ultimate"]);
}

#[test]
fn participles_that_are_done_by_someone() {
    assert_eq!(
        flagged(Rule::Passive, "Deposits are recorded at the counter. Bookings are managed online. Permits are distributed by email."),
        ["are recorded", "are managed", "are distributed"]
    );
    quiet(Rule::Passive, &["The shop is closed on Sundays.", "Our crews are based in Toledo."]);
}

#[test]
fn an_open_ended_ask_stays_open_whatever_day_comes_with_it() {
    assert_eq!(flagged(Rule::CallToAction, "Let's touch base sometime next week and see where things are at."), ["Let's touch base sometime next week and see where things are at."]);
    assert_eq!(flagged(Rule::CallToAction, "Let me know if you'd ever want to see it in action."), ["Let me know if you'd ever want to see it in action."]);
    quiet(Rule::CallToAction, &["Please visit permitline.example.com/cities to schedule a demonstration at your convenience.", "Could we talk Thursday at 10 for 15 minutes?"]);
}

#[test]
fn asks_people_write_and_asks_too_loose_to_act_on() {
    let pitch = |ask: &str| format!("Your crews lose two hours a day to paper forms.\n\n{ask}");
    for ask in [
        "If Thursday at 10 works, I'll send the invite; if not, suggest another time.",
        "Scan the QR code on the back to see your own yard on the map.",
        "Forward this to whoever runs dispatch, and I'll set up a call with them.",
        "Drop by our booth, #412 at the Snow Expo in Novi, on March 3 or 4.",
        "Which works better for a 15-minute call: Wednesday morning or Friday afternoon?",
        "Write back \"yes\" and I'll send the contract for your signature today.",
        "Text DEMO to 555-0199 and Priya will call you back within the hour.",
        "Pick a time on my calendar: example.com/meet/dana.",
    ] {
        assert_eq!(flagged(Rule::CallToAction, &pitch(ask)), Vec::<String>::new(), "a clear ask: {ask}");
    }
    for ask in ["Let me know if you have any questions.", "Contact us to learn more.", "Interested? Let's connect sometime.", "Give us a call.", "We look forward to working with you."] {
        assert_eq!(flagged(Rule::CallToAction, &pitch(ask)).len(), 1, "too loose or no ask: {ask}");
    }
}

#[test]
fn more_sound_alikes() {
    assert_eq!(flagged(Rule::Spelling, "We remind them before there next cleaning."), ["there"]);
    assert_eq!(flagged(Rule::Spelling, "Its a total game changer."), ["Its"]);
    assert_eq!(flagged(Rule::Spelling, "Don't loose your best customers."), ["loose"]);
    assert_eq!(flagged(Rule::Spelling, "The stone in you yard can earn money."), ["you"]);
    quiet(Rule::Spelling, &["The bolts work loose over time.", "Its crews start at six.", "We believe in you and your team.", "It gets there first."]);
}

#[test]
fn a_lot_of_people_is_a_crowd_wherever_it_stands() {
    assert_eq!(flagged(Rule::Weasel, "Actually a lot of our customers switched last year."), ["a lot of our customers"]);
    quiet(Rule::Weasel, &["It saves a lot of paperwork at month end, about 6 hours."]);
}
