//! Rules that read sentences: a call to action, the customer's point of view, the passive
//! voice, sentence length and a word said twice.

use crate::text::{is_wordlike, Sentence};
use crate::{Finding, Rule};
use super::Cx;

/// An ask: a verb of the list opening the sentence ("Book a demo") or after a word that makes
/// it one ("Could I show you", "Please reply", "to book"); not a verb said of someone else or
/// denied ("Nobody has to call the driver", "you no longer need to email"). A question to the
/// reader that offers a time or a way to answer asks too ("Would Thursday at 10 work?").
pub(super) fn is_ask(cx: &Cx, s: &Sentence) -> bool {
    let lists = &cx.checker.lists;
    let toks = cx.seg.sentence_tokens(s);
    // "If it would help, book…", "When you're ready, reply…": the imperative after an opening
    // condition.
    let after_condition = |k: usize| {
        k > 0
            && matches!(toks[0].lower.as_str(), "if" | "when" | "whenever" | "once" | "whichever" | "whatever" | "before" | "after")
            && cx.seg.texts[s.block][toks[k - 1].end..toks[k].start].contains(',')
    };
    let verb_ask = (0..toks.len()).any(|k| {
        if lists.cta_verbs.match_at(toks, k).is_none() || !(k == 0 || lists.cta_verb_follows.contains(&toks[k - 1].lower) || after_condition(k)) {
            return false;
        }
        // "has to call", "used to email": a description, not an invitation.
        if k >= 2 && toks[k - 1].lower == "to" && lists.cta_not_before_to.contains(&toks[k - 2].lower) {
            return false;
        }
        // A statement about someone: "You return those for credit… and order closer",
        // "We start with a call": a subject opening the sentence and no modal or "please"
        // between it and the verb.
        if k >= 1
            && matches!(toks[0].lower.as_str(), "you" | "we" | "i" | "they")
            && !toks[1..k].iter().any(|t| matches!(t.lower.as_str(), "can" | "could" | "would" | "will" | "shall" | "may" | "might" | "should" | "please" | "just" | "simply"))
        {
            return false;
        }
        // A denial before the verb in its clause: "Nobody has to call", "You won't need to
        // email" (not "if not, suggest another time").
        let text = cx.seg.texts[s.block];
        let clause = (1..=k).rev().find(|&j| text[toks[j - 1].end..toks[j].start].contains([',', ';'])).unwrap_or(0);
        !toks[clause..k].iter().any(|t| lists.cta_negators.contains(&t.lower) || t.lower.ends_with("n't"))
    });
    if verb_ask {
        return true;
    }
    let question = cx.is_question(s);
    // A time offered as a question is an ask, with or without "you": "Would Wednesday at 4
    // work for a ten-minute call?", "Does Tuesday suit?".
    let offers_time = toks.first().is_some_and(|t| matches!(t.lower.as_str(), "would" | "could" | "does" | "do" | "is" | "can" | "will" | "shall" | "how" | "what" | "which" | "when"))
        && lists.cta_way_words.any_in(toks);
    question
        && (offers_time
            || toks.iter().any(|t| lists.you.contains(&t.lower) || t.lower == "we")
                && (lists.cta_way_words.any_in(toks) || cx.seg.has_contact(s) || lists.cta_verbs.any_in(toks)))
}

pub(super) fn call_to_action(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let type_id = cx.input.collateral.map(|c| c.id.as_str());
    let spoken = type_id.is_some_and(|id| lists.spoken_types.contains(id));
    // Internal collateral (a battle card) tells the rep what to do: outside its call to action
    // its imperatives are coaching ("Ask who owns the reconciliation"), which the
    // conversation carries out; its call to action still needs a way to act.
    let internal = type_id.is_some_and(|id| lists.internal_types.contains(id));
    // An answer to an objection is given in the conversation: its next step is offered there,
    // and needs no link, only something definite ("a free 30-day trial", "call Joan Mercer").
    let in_conversation = type_id.is_some_and(|id| lists.conversation_types.contains(id));
    // The type's call-to-action section, when it has one and the pitch has written it.
    // The section with the callout role; a type without one (an elevator pitch's Ask, a call
    // script's Close, an answer's Next step) ends with its ask.
    let cta_section = cx
        .input
        .collateral
        .and_then(|c| c.sections.iter().find(|s| s.role == pitchbridge_core::collateral::SectionRole::Callout).or(c.sections.last()));
    let in_cta = |b: usize| cta_section.is_some_and(|c| cx.input.blocks[b].section == c.id);
    let mut asked_without_way: Option<&Sentence> = None;
    let mut asked = false;
    let mut asked_with_way = false;
    let mut cta_asks = false;
    // The first ask too loose to act on (in the call to action, and anywhere).
    let mut vague_in_cta: Option<&Sentence> = None;
    let mut vague: Option<&Sentence> = None;
    let prose: Vec<&Sentence> = cx.prose().map(|(_, s)| s).collect();
    for (i, &s) in prose.iter().enumerate() {
        if cx.seg.is_quoted(s) && !spoken {
            continue;
        }
        // "Could you send me the report? I'll bring the list back by Friday.": the time may
        // come in the next sentence of the same paragraph.
        let way_next = prose.get(i + 1).is_some_and(|n| n.block == s.block && lists.cta_way_words.any_in(cx.seg.sentence_tokens(n)));
        // "Feel free to reach out", "Let me know if you ever want to chat": no step to take,
        // unless a time or a way comes with it.
        {
            let toks = cx.seg.sentence_tokens(s);
            // A day does not close an open-ended ask: "Let's touch base sometime next week".
            let specific = !cx.seg.contacts[s.block].is_empty() || ((way_next || lists.cta_way_words.any_in(toks)) && !lists.cta_open_ended.any_in(toks));
            if lists.cta_vague.any_in(toks) && !specific {
                vague = vague.or(Some(s));
                if in_cta(s.block) {
                    vague_in_cta = vague_in_cta.or(Some(s));
                }
                continue;
            }
        }
        // Said aloud, a question in the close asks ("Could I put two probes in your driest
        // block for a month?"): the listener answers it there and then.
        // An open question ("What does your availability look like?") leaves the step to them.
        let toks = cx.seg.sentence_tokens(s);
        let offers = toks.first().is_some_and(|t| matches!(t.lower.as_str(), "could" | "can" | "may" | "shall" | "should" | "would" | "will"))
            && toks.get(1).is_some_and(|t| matches!(t.lower.as_str(), "i" | "we"));
        let spoken_question = spoken && in_cta(s.block) && offers && cx.is_question(s);
        if !is_ask(cx, s) && !spoken_question {
            continue;
        }
        asked = true;
        cta_asks |= in_cta(s.block);
        // The way to act may follow the ask (a signature with a phone number).
        let contact_after = (s.block..cx.seg.texts.len()).any(|b| {
            cx.seg.contacts[b].iter().any(|r| b > s.block || r.end > s.start)
        });
        // (A bare file does not say which section a sentence is in: every ask needs a way.)
        let coaching = internal && !cx.input.blocks[s.block].section.is_empty() && !in_cta(s.block);
        // The writer's own dated promise ("I can email you the report today") is a step the
        // reader need not take: the writer takes it.
        let writer_promises = toks.first().is_some_and(|t| matches!(t.lower.as_str(), "i" | "we" | "i'll" | "we'll"))
            && toks.iter().any(|t| matches!(t.lower.as_str(), "today" | "tonight" | "saturday" | "sunday"));
        let definite = || {
            let text = cx.seg.texts[s.block];
            toks.iter().enumerate().any(|(k, t)| t.lower.starts_with(|c: char| c.is_ascii_digit()) || (k > 0 && text[t.start..].starts_with(char::is_uppercase)))
        };
        if spoken || (in_conversation && definite()) || coaching || writer_promises || contact_after || way_next || lists.cta_self_sufficient.any_in(toks) || lists.cta_way_words.any_in(toks) {
            asked_with_way = true;
            continue;
        }
        asked_without_way = Some(s);
    }
    let cta_sentences: Vec<&Sentence> = cx.prose().map(|(_, s)| s).filter(|s| in_cta(s.block)).collect();
    // A call-to-action section that asks for nothing, whatever the rest of the pitch does.
    let too_vague = |s: &Sentence| {
        let words = cx.seg.slice(s.block, s.start, s.end);
        let shown: String = words.chars().take(60).collect();
        format!("“{}{}” asks too loosely to act on: say the one next step and when (“Can I call you Thursday at 10?”) or how (a link, a number).", shown.trim_end(), if words.chars().count() > 60 { "…" } else { "" })
    };
    if !cta_sentences.is_empty() && !cta_asks {
        if let Some(s) = vague_in_cta {
            out.push(cx.finding(Rule::CallToAction, s.block, s.start, s.end, too_vague(s), None));
            return;
        }
        let s = cta_sentences[0];
        let name = cta_section.map(|c| c.name.as_str()).unwrap_or("The call to action");
        out.push(cx.finding(
            Rule::CallToAction,
            s.block,
            s.start,
            s.end,
            format!("{name} asks for nothing: say the one next step (book, call, reply, start…) and how to take it."),
            None,
        ));
        return;
    }
    if asked {
        if let Some(s) = asked_without_way.filter(|_| !asked_with_way) {
            out.push(cx.finding(
                Rule::CallToAction,
                s.block,
                s.start,
                s.end,
                "This asks the reader to act but gives no way to do it: add a link, an email address, a phone number or a time.".into(),
                None,
            ));
        }
        return;
    }
    if let Some(s) = vague {
        out.push(cx.finding(Rule::CallToAction, s.block, s.start, s.end, too_vague(s), None));
        return;
    }
    let message = "Nothing asks the reader to act. End with one next step (book, call, reply, start…) and how to take it.";
    match cx.prose().last().map(|(_, s)| s).or(cx.seg.sentences.last()) {
        Some(s) => out.push(cx.finding(Rule::CallToAction, s.block, s.start, s.end, message.into(), None)),
        None => out.push(Finding { block: None, ..cx.finding(Rule::CallToAction, 0, 0, 0, "The pitch is empty: there is nothing to check yet.".into(), None) }),
    }
}

pub(super) fn customer_focus(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let (mut we, mut you) = (0usize, 0usize);
    let mut first_we: Option<(usize, usize, usize)> = None;
    // Our own voice only: headings are section names, quotes and a customer-voice section
    // (an objection as the customer puts it) are the customer's words.
    for (_, s) in cx.prose().filter(|(_, s)| !cx.seg.is_quoted(s)) {
        let b = s.block;
        let toks = cx.seg.sentence_tokens(s);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if lists.you.contains(&t.lower) {
                you += 1;
            } else if lists.we.contains(&t.lower) {
                we += 1;
                first_we.get_or_insert((b, t.start, t.end));
            } else if let Some(m) = cx.products.match_at(toks, i) {
                we += 1;
                first_we.get_or_insert((b, t.start, toks[m.last].end));
                i = m.last;
            }
            i += 1;
        }
    }
    if let Some((b, start, end)) = first_we {
        if we >= 3 && we > you {
            out.push(cx.finding(
                Rule::CustomerFocus,
                b,
                start,
                end,
                format!("We, our and the product's name appear {we} times, you and your {you}: rewrite around what the reader gets."),
                None,
            ));
        }
    }
    for (_, s) in cx.prose() {
        let toks = cx.seg.sentence_tokens(s);
        // A bullet's answer after its label opens where the label ends: "Too expensive: We
        // offer flexible pricing…".
        let text = cx.seg.texts[s.block];
        // Or after a quoted label and a dash: "\"Too expensive\" - We are actually cheaper".
        let after_label = (1..toks.len().min(8)).find(|&k| {
            let between = &text[toks[k - 1].end..toks[k].start];
            between.contains(':') || (between.contains(['"', '”']) && between.contains(['-', '–', '—']))
        });
        // Quoted words are the customer's; only our answer after a quoted label is ours.
        let quoted = cx.seg.is_quoted(s);
        // (Not a quotation a colon opens: `Pruitt's logged 212 deer: "We haven't…"`.)
        let answer = after_label.map(|k| &toks[k]).filter(|t| lists.we.contains(&t.lower) && !cx.seg.quoted[s.block].iter().any(|r| r.start <= t.start && t.start < r.end));
        let Some(first) = (if quoted { answer } else { answer.or(toks.first()) }) else { continue };
        if matches!(first.lower.as_str(), "we" | "our" | "we're" | "we've" | "we'll") {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                first.start,
                first.end,
                format!("Opens with “{}”: start with the reader or what they get.", cx.text(s.block, first)),
                None,
            ));
        }
        if quoted {
            continue;
        }
        // The sender first, in writing: "My name is Greg Hollister", "I'm reaching out
        // because…". On the phone, saying who is calling is manners.
        let spoken = cx.input.collateral.is_some_and(|c| lists.spoken_types.contains(c.id.as_str()));
        // After a greeting ("Hi Mr. Okafor, my name is…"), the first words after its comma.
        let text = cx.seg.texts[s.block];
        let opening = if toks.first().is_some_and(|t| matches!(t.lower.as_str(), "hi" | "hello" | "hey" | "dear" | "greetings")) {
            (1..toks.len()).find(|&k| text[toks[k - 1].end..toks[k].start].contains(',')).unwrap_or(0)
        } else {
            0
        };
        if !spoken && lists.sender_openers.match_at(toks, opening).is_some() {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                s.start,
                s.end,
                "Opens with the sender: start with the reader, their problem or what they get.".into(),
                None,
            ));
            continue;
        }
        // A headline or subject line that announces the product ("Introducing Drafthour",
        // "Brewlot: Brewhouse Intelligence") instead of saying what the reader gets.
        if lists.headline_sections.contains(&cx.input.blocks[s.block].section) {
            // "Brewlot: Brewhouse Intelligence", or the product as the subject of the first line
            // ("Baitline is the pest control app…").
            let names_product = cx.products.match_at(toks, 0).is_some_and(|m| {
                let after = cx.seg.texts[s.block][toks[m.last].end..].trim_start();
                after.starts_with([':', '-', '–', '—']) || toks.get(m.last + 1).is_some_and(|t| matches!(t.lower.as_str(), "is" | "helps" | "lets" | "gives" | "makes"))
            });
            if lists.announcers.match_at(toks, 0).is_some() || names_product {
                out.push(cx.finding(
                    Rule::CustomerFocus,
                    s.block,
                    s.start,
                    s.end,
                    "The first line names the product: say what the reader gets, or the problem it ends.".into(),
                    None,
                ));
                continue;
            }
        }
        // A bullet that only names a feature where the reader's gains are listed: "Mobile
        // app", "GPS route planning", "Seamless integration".
        if bare_feature(cx, s, toks) {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                s.start,
                s.end,
                "Names a feature without saying what the reader gets from it: add the benefit (“so you…”).".into(),
                None,
            ));
            continue;
        }
        // About us when we or the product are the subject; "Carriers across the Midwest have
        // chosen Fairclaim" is about customers (social proof), not a feature.
        // "It sounds like…" reflects what the customer said; it is not about us.
        let reflecting = first.lower == "it" && toks.get(1).is_some_and(|t| matches!(t.lower.as_str(), "sounds" | "seems" | "looks" | "feels"));
        let product_subject = cx.products.match_at(toks, 0).is_some()
            || (toks.len() > 1 && matches!(first.lower.as_str(), "the" | "our" | "with") && cx.products.match_at(toks, 1).is_some());
        let about_us = !reflecting && (matches!(first.lower.as_str(), "it" | "we" | "our") || product_subject);

        // A measured result ("Studios using Classloop have seen 40% more bookings") is proof,
        // not a feature.
        let result = cx.has_proof(s) && lists.benefit_words.any_in(toks);
        let to_reader = toks.iter().any(|t| lists.you.contains(&t.lower)) || lists.benefit_markers.any_in(toks);
        let feature_in_linked_block = cx.input.feature_blocks.contains(&s.block);
        let features_belong_here = lists.feature_sections.contains(&cx.input.blocks[s.block].section);
        // "has" and "have" are features when they own something, not as helpers ("It has been
        // shown", "our customers have reported", "it has to").
        let feature_verb = (0..toks.len()).any(|i| {
            lists.feature_verbs.match_at(toks, i).is_some_and(|m| {
                !(m.first == m.last
                    && matches!(toks[i].lower.as_str(), "has" | "have")
                    && toks.get(i + 1).is_some_and(|n| {
                        let w = n.lower.as_str();
                        matches!(w, "been" | "to" | "got" | "already" | "never") || w.ends_with("ed") || lists.irregular_participles.contains(w)
                    }))
            })
        });
        if !features_belong_here && !result && (about_us && feature_verb || feature_in_linked_block) && !to_reader {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                s.start,
                s.end,
                "States a feature without saying what the reader gets from it: add the benefit (“so you…”).".into(),
                None,
            ));
        }
    }
}

/// A short fragment, alone in its block, in a section of what the reader gets, that names a
/// thing and says nothing it does: no verb of benefit, no reader, no figure, no boast or stock
/// phrase (those rules speak for it).
fn bare_feature(cx: &Cx, s: &crate::text::Sentence, toks: &[crate::text::Token]) -> bool {
    let lists = &cx.checker.lists;
    let block = cx.seg.texts[s.block];
    if !lists.benefit_sections.contains(&cx.input.blocks[s.block].section) || toks.is_empty() || toks.len() > 6 {
        return false;
    }
    let alone = block[..s.start].trim().is_empty() && block[s.end..].trim().is_empty();
    let fragment = !block.trim_end().ends_with(['.', '!', '?', ':']) && !block.contains(':');
    // A verb makes it a statement, not a name ("Brides will be wowed").
    let verb = |w: &str| matches!(w, "will" | "can" | "could" | "would" | "may" | "might" | "should" | "must" | "is" | "are" | "was" | "were" | "be" | "get" | "gets");
    let says_more = toks.iter().any(|t| {
        lists.you.contains(&t.lower) || lists.we.contains(&t.lower) || t.lower.starts_with(|c: char| c.is_ascii_digit()) || t.lower.ends_with("ly") || verb(&t.lower)
    }) || lists.benefit_words.any_in(toks)
        || lists.benefit_markers.any_in(toks)
        || lists.change_verbs.any_in(toks)
        || lists.hype.any_in(toks)
        || lists.cliche.any_in(toks)
        || lists.cta_verbs.match_at(toks, 0).is_some()
        || lists.benefit_openers.contains(&toks[0].lower);
    alone && fragment && !says_more
}

pub(super) fn passive(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    for s in cx.seg.sentences.iter().filter(|s| !cx.seg.is_quoted(s) && !cx.customer_voice(s)) {
        let toks = cx.seg.sentence_tokens(s);
        let text = cx.seg.texts[s.block];
        let mut i = 0;
        while i < toks.len() {
            let Some(m) = lists.be.match_at(toks, i) else {
                i += 1;
                continue;
            };
            // Up to two words between ("is often not returned", "is then sent").
            let mut j = m.last + 1;
            for _ in 0..2 {
                if toks.get(j).is_some_and(|t| (t.lower.ends_with("ly") && t.lower.len() > 3) || lists.be_between.contains(&t.lower)) && j + 1 < toks.len() {
                    j += 1;
                }
            }
            let Some(p) = toks.get(j) else { break };
            let joined = (m.last + 1..=j).all(|k| text[toks[k - 1].end..toks[k].start].trim().is_empty());
            let w = p.lower.as_str();
            let participle = (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && w.chars().all(char::is_alphabetic))
                || lists.irregular_participles.contains(w);
            let by_agent = toks.get(j + 1).is_some_and(|t| t.lower == "by");
            // "is attached" is a state; "are attached to each log" is done by someone.
            let attached_to = matches!(w, "attached" | "enclosed" | "linked") && toks.get(j + 1).is_some_and(|t| t.lower == "to");
            // "are frequently lost": how often says it happens, so a state word is an event.
            let how_often = (m.last + 1..j).any(|k| matches!(toks[k].lower.as_str(), "frequently" | "often" | "sometimes" | "always" | "usually" | "rarely" | "routinely" | "regularly" | "constantly" | "never" | "occasionally"));
            // After "been" or "being" a participle is an event ("has been proven", "is being
            // used"), unless it is a state of mind ("has been thrilled").
            let after_been = (m.first..j).any(|k| matches!(toks[k].lower.as_str(), "been" | "being")) && !lists.feelings.contains(w);
            if joined && participle && (!lists.adjectives.contains(w) || by_agent || how_often || after_been || attached_to) {
                let (start, end) = (toks[m.first].start, p.end);
                out.push(cx.finding(
                    Rule::Passive,
                    s.block,
                    start,
                    end,
                    format!("Passive: “{}” hides who acts. Say who does it.", &text[start..end]),
                    None,
                ));
                i = j + 1;
            } else {
                i = m.last + 1;
            }
        }
        // A passive asked: "How are crews assigned?", "Is fraud currently handled by hand?".
        // The subject stands between the verb and its participle.
        if let Some((start, end)) = question_passive(cx, s, toks) {
            if !out.iter().any(|f| f.rule == Rule::Passive && f.block == Some(s.block) && f.start < end && start < f.end) {
                out.push(cx.finding(Rule::Passive, s.block, start, end, format!("Passive: “{}” hides who acts. Say who does it.", &text[start..end]), None));
            }
        }
        // "get paid", "never get booked": a passive made with get.
        for k in 0..toks.len().saturating_sub(1) {
            if !lists.get.contains(&toks[k].lower) {
                continue;
            }
            let p = &toks[k + 1];
            // "get double-booked": the participle is the compound's last part.
            let w = p.lower.rsplit('-').next().unwrap_or(&p.lower);
            let participle = (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && w.chars().all(char::is_alphabetic)) || lists.irregular_participles.contains(w);
            let joined = text[toks[k].end..p.start].trim().is_empty();
            // States after "is" ("is lost", "is done") are events after "get" ("gets lost").
            if joined && participle && !lists.get_not.contains(w) && (!lists.adjectives.contains(w) || matches!(w, "lost" | "done" | "missed" | "forgotten")) {
                let (start, end) = (toks[k].start, p.end);
                out.push(cx.finding(Rule::Passive, s.block, start, end, format!("Passive: “{}” hides who acts. Say who does it.", &text[start..end]), None));
            }
        }
    }
}

/// A question whose verb is a passive with the subject inside it: an optional question word,
/// "is"/"are"/"was"/"were", up to three words of subject, then a participle ("How are crews
/// assigned?", "Are wire orders handled by the shop?"). The byte range from the verb to the
/// participle.
fn question_passive(cx: &Cx, s: &crate::text::Sentence, toks: &[crate::text::Token]) -> Option<(usize, usize)> {
    let lists = &cx.checker.lists;
    if !cx.is_question(s) {
        return None;
    }
    let asks = usize::from(toks.first().is_some_and(|t| matches!(t.lower.as_str(), "how" | "when" | "where" | "why" | "who" | "what" | "which")));
    let be = toks.get(asks).filter(|t| matches!(t.lower.as_str(), "is" | "are" | "was" | "were"))?;
    // The subject: a few words, not a pronoun that would make it active ("Are you booked…"
    // is still passive, but "Is it true" has no participle) and no verb of its own.
    for j in asks + 2..(asks + 5).min(toks.len()) {
        let w = toks[j].lower.as_str();
        let participle = (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && w.chars().all(char::is_alphabetic)) || lists.irregular_participles.contains(w);
        if participle && !lists.adjectives.contains(w) {
            return Some((be.start, toks[j].end));
        }
        // An adverb may come before the participle ("is fraud currently handled").
        if lists.stopwords.contains(w) && !matches!(w, "the" | "your" | "their" | "our" | "my" | "his" | "her" | "its") && !(w.ends_with("ly")) {
            return None;
        }
    }
    None
}

pub(super) fn sentence_length(cx: &Cx, out: &mut Vec<Finding>) {
    const MAX: usize = 30;
    for (_, s) in cx.prose() {
        let n = cx.seg.sentence_tokens(s).iter().filter(|t| is_wordlike(&t.lower)).count();
        if n > MAX {
            out.push(cx.finding(
                Rule::SentenceLength,
                s.block,
                s.start,
                s.end,
                format!("{n} words in one sentence: split it. Readers lose the thread after about 25."),
                None,
            ));
        }
    }
}

pub(super) fn repeated_word(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    for s in &cx.seg.sentences {
        let toks = cx.seg.sentence_tokens(s);
        let text = cx.seg.texts[s.block];
        for pair in toks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.lower == b.lower
                && a.lower.chars().all(char::is_alphabetic)
                && !lists.repeat_allowed.contains(&a.lower)
                && text[a.end..b.start].chars().all(|c| c == ' ' || c == '\u{a0}')
                // A name said twice is the name ("Bora Bora", "Walla Walla"); a slip repeats a
                // word as it was ("the the", "The the").
                && !text[b.start..].starts_with(char::is_uppercase)
            {
                out.push(cx.finding(
                    Rule::RepeatedWord,
                    s.block,
                    a.end,
                    b.end,
                    format!("“{}” twice in a row.", &text[b.start..b.end]),
                    Some(String::new()),
                ));
            }
        }
    }
}
