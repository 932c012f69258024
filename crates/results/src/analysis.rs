//! What training changed: closed deals attributed to reps, split by whether the rep was
//! certified on the day the deal closed, compared raw and adjusted for what the essay says
//! sales-out data confuses with skill (region for demand, new or existing customer for legacy
//! relationships, quarter for the economy, and whether the product was available yet).

use ts_rs::TS;
use std::collections::HashMap;

use serde::Serialize;

use crate::day::Day;
use crate::deals::Customer;
use crate::stats::{mantel_haenszel_difference, mantel_haenszel_odds_ratio, newcombe_difference, welch_difference, wilson, z95, Moments, Table2x2};

/// Below this many deals in a group, its figures carry a warning.
pub const MIN_DEALS: u64 = 30;

/// A rep and the spans in which they held a valid certification for the launch.
#[derive(Debug, Clone, Default)]
pub struct RepInput {
    pub email: String,
    pub name: String,
    /// [from, until) spans; `until` is when the pass expired.
    pub certified: Vec<(Day, Day)>,
}

impl RepInput {
    pub fn certified_on(&self, day: Day) -> bool {
        self.certified.iter().any(|&(from, until)| from <= day && day < until)
    }

    pub fn first_certified(&self) -> Option<Day> {
        self.certified.iter().map(|s| s.0).min()
    }
}

/// A closed deal, reduced to what the comparison needs.
#[derive(Debug, Clone, Copy)]
pub struct DealInput {
    /// Index into the reps; `None` when the owner is not on the roster.
    pub rep: Option<u32>,
    pub won: bool,
    pub day: Day,
    /// In the comparison's currency; `None` when missing or in another currency.
    pub amount: Option<f64>,
    /// The region, interned by the caller.
    pub region: u32,
    pub customer: Customer,
    /// Whether the product was available in the deal's region on its close day; `None` when
    /// the launch says nothing about availability.
    pub available: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct GroupResult {
    pub deals: u64,
    pub won: u64,
    pub win_rate: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    /// The mean amount of won deals, with Student's t interval.
    pub mean_won_amount: Option<f64>,
    pub mean_won_amount_ci95: Option<[f64; 2]>,
    /// Fewer than [`MIN_DEALS`] deals: read as a hint.
    pub small_sample: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DifferenceResult {
    /// Win rate of certified minus not certified, as a fraction.
    pub raw: Option<f64>,
    pub raw_ci95: Option<[f64; 2]>,
    /// The Mantel–Haenszel difference over strata of the confounders.
    pub adjusted: Option<f64>,
    pub adjusted_ci95: Option<[f64; 2]>,
    pub adjusted_for: Vec<String>,
    /// Strata with deals of both groups, and the deals in them.
    pub adjusted_strata: usize,
    pub adjusted_deals: u64,
    /// The Mantel–Haenszel odds ratio over the same strata.
    pub adjusted_odds_ratio: Option<f64>,
    pub adjusted_odds_ratio_ci95: Option<[f64; 2]>,
    /// Mean won amount of certified minus not certified, with Welch's interval.
    pub amount: Option<f64>,
    pub amount_ci95: Option<[f64; 2]>,
    /// In words, and what it means when raw and adjusted disagree.
    pub verdict: String,
    pub disagree: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SameRepsResult {
    /// Reps with closed deals both before their first certification and while certified.
    pub reps: u64,
    pub before: GroupResult,
    pub after: GroupResult,
    pub difference: Option<f64>,
    pub difference_ci95: Option<[f64; 2]>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RepResult {
    pub email: String,
    pub name: String,
    pub deals: u64,
    pub won: u64,
    /// The wins expected from the win rates of the rep's regions, customer types, quarters and
    /// availability over all reps: what the territory would have given anyone.
    pub expected_won: f64,
    /// Won − expected: the rep's own contribution, with its interval.
    pub contribution: f64,
    pub contribution_ci95: [f64; 2],
    pub certified_deals: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Results {
    /// Closed deals of the launch.
    pub deals: u64,
    pub attributed: u64,
    pub unattributed: u64,
    pub certified: GroupResult,
    pub not_certified: GroupResult,
    pub difference: DifferenceResult,
    pub same_reps: SameRepsResult,
    /// Sorted by contribution, highest first.
    pub reps: Vec<RepResult>,
    pub min_deals: u64,
}

fn pair(p: Option<(f64, f64)>) -> Option<[f64; 2]> {
    p.map(|(a, b)| [a, b])
}

#[derive(Default)]
struct Acc {
    deals: u64,
    won: u64,
    amounts: Moments,
}

impl Acc {
    fn add(&mut self, d: &DealInput) {
        self.deals += 1;
        if d.won {
            self.won += 1;
            if let Some(a) = d.amount {
                self.amounts.add(a);
            }
        }
    }

    fn result(&self) -> GroupResult {
        GroupResult {
            deals: self.deals,
            won: self.won,
            win_rate: (self.deals > 0).then(|| self.won as f64 / self.deals as f64),
            ci95: pair(wilson(self.won, self.deals)),
            mean_won_amount: (self.amounts.n > 0).then_some(self.amounts.mean),
            mean_won_amount_ci95: pair(self.amounts.mean_ci95()),
            small_sample: self.deals < MIN_DEALS,
        }
    }
}

/// The stratum a deal falls in: region, customer, quarter, availability.
/// The stratum a deal falls in (region, customer, quarter, availability), packed in one number
/// so a million deals hash cheaply.
type StratumKey = u64;

fn stratum(d: &DealInput) -> StratumKey {
    let customer = match d.customer {
        Customer::Unknown => 0,
        Customer::New => 1,
        Customer::Existing => 2,
    };
    let available = match d.available {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    };
    ((d.region as u64) << 24) | (((d.day.quarter_index() as u64) & 0xFFFF) << 8) | (customer << 4) | available
}

/// Multiply-and-fold hashing for the packed keys: SipHash's resistance to chosen keys is not
/// needed for numbers the program makes itself.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        let m = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = m ^ (m >> 29);
    }
}

type KeyMap<V> = HashMap<StratumKey, V, std::hash::BuildHasherDefault<KeyHasher>>;

fn points(x: f64) -> String {
    let p = x * 100.0;
    if p.abs() < 0.05 {
        "0 points".into()
    } else {
        format!("{}{:.1} points", if p > 0.0 { "+" } else { "−" }, p.abs())
    }
}

fn span(ci: [f64; 2]) -> String {
    format!("{} to {}", points(ci[0]).replace(" points", ""), points(ci[1]))
}

fn excludes_zero(ci: Option<[f64; 2]>) -> bool {
    ci.map(|c| c[0] > 0.0 || c[1] < 0.0).unwrap_or(false)
}

fn verdict(d: &DifferenceResult, certified: &GroupResult, other: &GroupResult) -> (String, bool) {
    let (Some(raw), Some(raw_ci)) = (d.raw, d.raw_ci95) else {
        return ("Nothing to compare yet: the launch needs closed deals by certified reps and by reps not yet certified.".into(), false);
    };
    let small = if certified.small_sample || other.small_sample { format!(" With fewer than {MIN_DEALS} deals in a group, read this as a hint.") } else { String::new() };
    let raw_says = format!("Certified reps' win rate differs by {} (95% interval {})", points(raw), span(raw_ci));
    let (Some(adj), Some(adj_ci)) = (d.adjusted, d.adjusted_ci95) else {
        return (format!("{raw_says}. It cannot be adjusted: no region, customer type and quarter has deals of both certified and uncertified reps.{small}"), false);
    };
    let adjusted_for = d.adjusted_for.join(", ");
    let (raw_sig, adj_sig) = (excludes_zero(Some(raw_ci)), excludes_zero(Some(adj_ci)));
    let adj_says = format!("adjusted for {adjusted_for}, {} (95% interval {})", points(adj), span(adj_ci));
    let text = match (raw_sig, adj_sig) {
        (true, false) => format!(
            "{raw_says}, but {adj_says}, which could be zero. The raw gap comes from where, when and to whom the certified reps sold, not measurably from certification.{small}"
        ),
        (false, true) => format!("{raw_says}, which could be zero; {adj_says}. Compared within the same region, customer type and quarter, certification makes a difference the raw figures hide.{small}"),
        (true, true) if (raw > 0.0) != (adj > 0.0) => format!("{raw_says}; {adj_says}: the other way round once like is compared with like.{small}"),
        (true, true) => format!("{raw_says}; {adj_says}. The difference holds when like is compared with like.{small}"),
        (false, false) => format!("{raw_says}; {adj_says}. Neither is clearly different from zero: no measurable effect of certification yet.{small}"),
    };
    let disagree = raw_sig != adj_sig || (raw > 0.0) != (adj > 0.0) && raw_sig;
    (text, disagree)
}

/// The comparison over a launch's closed deals.
pub fn analyse(reps: &[RepInput], deals: &[DealInput]) -> Results {
    let (mut certified, mut other) = (Acc::default(), Acc::default());
    let (mut before, mut after) = (Acc::default(), Acc::default());
    // Each stratum's number, its 2×2 table, and its wins and deals over all attributed deals
    // (for each rep's expected wins); each deal's stratum is remembered for the second pass.
    let mut stratum_ids: KeyMap<u32> = KeyMap::default();
    let mut tables: Vec<(StratumKey, Table2x2)> = Vec::new();
    let mut deal_stratum: Vec<u32> = Vec::with_capacity(deals.len());
    let mut rep_acc: Vec<(u64, u64, u64)> = vec![(0, 0, 0); reps.len()];
    let mut same: Vec<(bool, bool)> = vec![(false, false); reps.len()];
    let (mut attributed, mut availability_known) = (0u64, false);
    let first_certified: Vec<Option<Day>> = reps.iter().map(RepInput::first_certified).collect();
    for d in deals {
        let Some(r) = d.rep else { continue };
        let rep = &reps[r as usize];
        attributed += 1;
        availability_known |= d.available.is_some();
        let is_cert = rep.certified_on(d.day);
        let key = stratum(d);
        let id = *stratum_ids.entry(key).or_insert_with(|| {
            tables.push((key, Table2x2::default()));
            (tables.len() - 1) as u32
        });
        deal_stratum.push(id);
        let t = &mut tables[id as usize].1;
        if is_cert {
            certified.add(d);
            t.exposed_n += 1;
            t.exposed_won += d.won as u64;
        } else {
            other.add(d);
            t.other_n += 1;
            t.other_won += d.won as u64;
        }
        let ra = &mut rep_acc[r as usize];
        ra.0 += 1;
        ra.1 += d.won as u64;
        ra.2 += is_cert as u64;
        if let Some(first) = first_certified[r as usize] {
            if d.day < first {
                before.add(d);
                same[r as usize].0 = true;
            } else if is_cert {
                after.add(d);
                same[r as usize].1 = true;
            }
        }
    }
    // Each rep's expected wins: a second pass over their deals with the strata's rates.
    let mut expected: Vec<(f64, f64)> = vec![(0.0, 0.0); reps.len()];
    for (d, &s) in deals.iter().filter(|d| d.rep.is_some()).zip(&deal_stratum) {
        let r = d.rep.unwrap_or_default();
        let t = &tables[s as usize].1;
        let p = (t.exposed_won + t.other_won) as f64 / (t.exposed_n + t.other_n) as f64;
        let e = &mut expected[r as usize];
        e.0 += p;
        e.1 += p * (1.0 - p);
    }
    // In a fixed order, so the pooled sums add up the same way on every run.
    tables.sort_by_key(|t| t.0);
    let tables: Vec<Table2x2> = tables.into_iter().map(|(_, t)| t).collect();
    let (cg, og) = (certified.result(), other.result());
    let rd = mantel_haenszel_difference(&tables);
    let or = mantel_haenszel_odds_ratio(&tables);
    let mut adjusted_for = vec!["region".to_string(), "new or existing customer".into(), "quarter".into()];
    if availability_known {
        adjusted_for.push("product availability".into());
    }
    let mut difference = DifferenceResult {
        raw: cg.win_rate.zip(og.win_rate).map(|(a, b)| a - b),
        raw_ci95: pair(newcombe_difference(certified.won, certified.deals, other.won, other.deals)),
        adjusted: rd.map(|e| e.estimate),
        adjusted_ci95: rd.map(|e| [e.ci95.0, e.ci95.1]),
        adjusted_for,
        adjusted_strata: rd.map(|e| e.informative_strata).unwrap_or(0),
        adjusted_deals: rd.map(|e| e.deals_used).unwrap_or(0),
        adjusted_odds_ratio: or.map(|e| e.estimate),
        adjusted_odds_ratio_ci95: or.map(|e| [e.ci95.0, e.ci95.1]),
        amount: (certified.amounts.n > 0 && other.amounts.n > 0).then(|| certified.amounts.mean - other.amounts.mean),
        amount_ci95: pair(welch_difference(&certified.amounts, &other.amounts)),
        verdict: String::new(),
        disagree: false,
    };
    let (text, disagree) = verdict(&difference, &cg, &og);
    difference.verdict = text;
    difference.disagree = disagree;
    let z = z95();
    let mut rep_results: Vec<RepResult> = reps
        .iter()
        .enumerate()
        .filter(|(i, _)| rep_acc[*i].0 > 0)
        .map(|(i, r)| {
            let (n, won, cert) = rep_acc[i];
            let (exp, var) = expected[i];
            let contribution = won as f64 - exp;
            let half = z * var.sqrt();
            RepResult { email: r.email.clone(), name: r.name.clone(), deals: n, won, expected_won: exp, contribution, contribution_ci95: [contribution - half, contribution + half], certified_deals: cert }
        })
        .collect();
    rep_results.sort_by(|a, b| b.contribution.total_cmp(&a.contribution).then_with(|| a.email.cmp(&b.email)));
    let (bg, ag) = (before.result(), after.result());
    let same_reps = SameRepsResult {
        reps: same.iter().filter(|(b, a)| *b && *a).count() as u64,
        difference: ag.win_rate.zip(bg.win_rate).map(|(a, b)| a - b),
        difference_ci95: pair(newcombe_difference(after.won, after.deals, before.won, before.deals)),
        before: bg,
        after: ag,
    };
    Results {
        deals: deals.len() as u64,
        attributed,
        unattributed: deals.len() as u64 - attributed,
        certified: cg,
        not_certified: og,
        difference,
        same_reps,
        reps: rep_results,
        min_deals: MIN_DEALS,
    }
}
