//! The comparison on generated launches with a planted truth: an effect that is there must be
//! found inside its interval, and one that is only where the certified reps sell must vanish
//! once region is taken into account.

use pitchbridge_results::deals::Customer;
use pitchbridge_results::{analyse, DealInput, Day, RepInput};

/// SplitMix64: a small, fixed generator so every run sees the same launch.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn day(s: &str) -> Day {
    Day::parse_iso(s).unwrap()
}

/// 60 reps over three regions; `certify(rep)` says who is certified (from the launch on);
/// `p(region, certified)` the true win probability.
fn launch(seed: u64, deals_per_rep: usize, region_of: impl Fn(usize) -> u32, certify: impl Fn(usize) -> bool, p: impl Fn(u32, bool) -> f64) -> (Vec<RepInput>, Vec<DealInput>) {
    let mut rng = Rng(seed);
    let start = day("2027-01-04");
    let reps: Vec<RepInput> = (0..60)
        .map(|i| RepInput {
            email: format!("rep{i}@example.com"),
            name: format!("Rep {i}"),
            certified: if certify(i) { vec![(start, start.add_days(3650))] } else { vec![] },
        })
        .collect();
    let mut deals = Vec::new();
    for (i, rep) in reps.iter().enumerate() {
        let region = region_of(i);
        for k in 0..deals_per_rep {
            let d = start.add_days(1 + (k as i32 * 7) % 360);
            let won = rng.next() < p(region, rep.certified_on(d));
            let customer = if rng.next() < 0.5 { Customer::New } else { Customer::Existing };
            deals.push(DealInput { rep: Some(i as u32), won, day: d, amount: Some(10_000.0 + 5_000.0 * rng.next()), region, customer, available: None });
        }
    }
    (reps, deals)
}

#[test]
fn a_true_lift_is_found_inside_its_interval() {
    // Certification lifts the win rate by 10 points in every region; who is certified is
    // unrelated to region.
    let (reps, deals) = launch(7, 200, |i| (i % 3) as u32, |i| i % 2 == 0, |region, cert| [0.2, 0.35, 0.5][region as usize] + if cert { 0.10 } else { 0.0 });
    let r = analyse(&reps, &deals);
    let d = &r.difference;
    let (adj, ci) = (d.adjusted.unwrap(), d.adjusted_ci95.unwrap());
    assert!(ci[0] <= 0.10 && 0.10 <= ci[1], "adjusted {adj} {ci:?} should hold the true 0.10");
    assert!(ci[0] > 0.0, "a lift of 10 points over 12,000 deals is clearly there: {ci:?}");
    let raw_ci = d.raw_ci95.unwrap();
    assert!(raw_ci[0] <= 0.10 && 0.10 <= raw_ci[1], "raw {raw_ci:?}");
    assert!(!d.disagree, "{}", d.verdict);
    assert_eq!((r.deals, r.attributed, r.unattributed), (12_000, 12_000, 0));
    assert_eq!(r.certified.deals + r.not_certified.deals, 12_000);
}

#[test]
fn certified_reps_in_the_busy_region_show_a_raw_gap_that_adjustment_removes() {
    // No effect at all; but the certified reps are the ones in region 0, where demand is high.
    let (reps, deals) = launch(11, 200, |i| if i < 30 { 0 } else { 1 + (i % 2) as u32 }, |i| i < 24 || i == 40 || i == 41 || i == 50, |region, _| [0.5, 0.2, 0.25][region as usize]);
    let r = analyse(&reps, &deals);
    let d = &r.difference;
    let raw_ci = d.raw_ci95.unwrap();
    assert!(raw_ci[0] > 0.1, "the raw comparison shows a big gap: {:?} {raw_ci:?}", d.raw);
    let ci = d.adjusted_ci95.unwrap();
    assert!(ci[0] <= 0.0 && 0.0 <= ci[1], "adjusted {:?} {ci:?} should contain zero", d.adjusted);
    assert!(d.disagree);
    assert!(d.verdict.contains("could be zero"), "{}", d.verdict);
    // Per rep, the territory explains the wins: no rep's contribution is far from zero.
    let wild = r.reps.iter().filter(|x| x.contribution_ci95[0] > 0.0 || x.contribution_ci95[1] < 0.0).count();
    assert!(wild <= 6, "{wild} of 60 reps look exceptional where none is");
}

#[test]
fn the_same_reps_before_and_after_certification() {
    // Reps certify halfway through the year; certification lifts by 15 points.
    let mut rng = Rng(3);
    let start = day("2027-01-04");
    let mid = start.add_days(180);
    let reps: Vec<RepInput> = (0..40).map(|i| RepInput { email: format!("r{i}@x.io"), name: String::new(), certified: vec![(mid, mid.add_days(365))] }).collect();
    let mut deals = Vec::new();
    for i in 0..40u32 {
        for k in 0..100 {
            let d = start.add_days(k * 3);
            let won = rng.next() < if d >= mid { 0.45 } else { 0.30 };
            deals.push(DealInput { rep: Some(i), won, day: d, amount: None, region: 0, customer: Customer::Unknown, available: None });
        }
    }
    deals.push(DealInput { rep: None, won: true, day: start, amount: None, region: 0, customer: Customer::Unknown, available: None });
    let r = analyse(&reps, &deals);
    assert_eq!(r.same_reps.reps, 40);
    let ci = r.same_reps.difference_ci95.unwrap();
    assert!(ci[0] <= 0.15 && 0.15 <= ci[1] && ci[0] > 0.0, "{ci:?}");
    assert_eq!(r.unattributed, 1);
    assert!(r.certified.mean_won_amount.is_none());
}

#[test]
fn small_groups_are_flagged_and_nothing_to_compare_is_said() {
    let reps = vec![RepInput { email: "a@b.co".into(), name: "A".into(), certified: vec![] }];
    let deals = vec![DealInput { rep: Some(0), won: true, day: day("2027-02-01"), amount: Some(5.0), region: 0, customer: Customer::New, available: Some(true) }];
    let r = analyse(&reps, &deals);
    assert!(r.not_certified.small_sample);
    assert_eq!(r.certified.deals, 0);
    assert!(r.difference.raw.is_none() && r.difference.adjusted.is_none());
    assert!(r.difference.verdict.starts_with("Nothing to compare"));
    assert!(r.difference.adjusted_for.contains(&"product availability".to_string()));
}
