//! The statistics the results rest on, each a textbook method named where it is used: Wilson
//! score intervals for a rate, Newcombe's hybrid score interval for a difference of rates,
//! Student's and Welch's t for amounts, and Mantel–Haenszel estimates over strata (the risk
//! difference with Sato's variance, the odds ratio with Robins–Breslow–Greenland's).
//! Distribution quantiles come from `statrs`.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// The normal quantile for a two-sided 95% interval.
pub fn z95() -> f64 {
    Normal::new(0.0, 1.0).map(|n| n.inverse_cdf(0.975)).unwrap_or(1.959_963_984_540_054)
}

/// Wilson's score interval for `k` successes in `n` trials; `None` with no trials.
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n, z) = (k as f64, n as f64, z95());
    let p = k / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    // At 0 or n the bound is exactly 0 or 1; computed, it misses by a rounding error.
    let lo = if k == 0.0 { 0.0 } else { (centre - half).max(0.0) };
    let hi = if k == n { 1.0 } else { (centre + half).min(1.0) };
    Some((lo, hi))
}

/// Newcombe's hybrid score interval (his method 10) for p1 − p2.
pub fn newcombe_difference(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<(f64, f64)> {
    let (l1, u1) = wilson(k1, n1)?;
    let (l2, u2) = wilson(k2, n2)?;
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let d = p1 - p2;
    Some((d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt(), d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt()))
}

/// Count, mean and sum of squared deviations, kept one value at a time (Welford), so amounts
/// over a million deals need no list of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    pub n: u64,
    pub mean: f64,
    m2: f64,
}

impl Moments {
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        let d = x - self.mean;
        self.mean += d / self.n as f64;
        self.m2 += d * (x - self.mean);
    }

    /// The sample variance (n − 1).
    pub fn variance(&self) -> Option<f64> {
        (self.n > 1).then(|| self.m2 / (self.n - 1) as f64)
    }

    /// Student's t interval for the mean.
    pub fn mean_ci95(&self) -> Option<(f64, f64)> {
        let v = self.variance()?;
        let t = StudentsT::new(0.0, 1.0, (self.n - 1) as f64).ok()?.inverse_cdf(0.975);
        let half = t * (v / self.n as f64).sqrt();
        Some((self.mean - half, self.mean + half))
    }
}

/// Welch's t interval for mean(a) − mean(b), with the Welch–Satterthwaite degrees of freedom.
pub fn welch_difference(a: &Moments, b: &Moments) -> Option<(f64, f64)> {
    let (va, vb) = (a.variance()? / a.n as f64, b.variance()? / b.n as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let df = se2 * se2 / (va * va / (a.n - 1) as f64 + vb * vb / (b.n - 1) as f64);
    let t = StudentsT::new(0.0, 1.0, df).ok()?.inverse_cdf(0.975);
    let d = a.mean - b.mean;
    Some((d - t * se2.sqrt(), d + t * se2.sqrt()))
}

/// One stratum's 2×2 table: wins and deals of the exposed group (certified) and of the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Table2x2 {
    pub exposed_won: u64,
    pub exposed_n: u64,
    pub other_won: u64,
    pub other_n: u64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PooledEstimate {
    pub estimate: f64,
    pub ci95: (f64, f64),
    /// Strata with deals in both groups: only those inform the comparison.
    pub informative_strata: usize,
    /// Deals in those strata.
    pub deals_used: u64,
}

/// The Mantel–Haenszel risk difference over strata, with Sato's (1989) variance, which holds
/// both for many sparse strata and for few large ones.
pub fn mantel_haenszel_difference(strata: &[Table2x2]) -> Option<PooledEstimate> {
    let (mut num, mut den, mut p_sum, mut q_sum) = (0.0, 0.0, 0.0, 0.0);
    let (mut used, mut deals) = (0, 0);
    for s in strata {
        if s.exposed_n == 0 || s.other_n == 0 {
            continue;
        }
        let (a, n1, c, n0) = (s.exposed_won as f64, s.exposed_n as f64, s.other_won as f64, s.other_n as f64);
        let n = n1 + n0;
        num += (a * n0 - c * n1) / n;
        den += n1 * n0 / n;
        p_sum += (n1 * n1 * c - n0 * n0 * a + n1 * n0 * (n0 - n1) / 2.0) / (n * n);
        q_sum += (a * (n0 - c) + c * (n1 - a)) / (2.0 * n);
        used += 1;
        deals += s.exposed_n + s.other_n;
    }
    if den == 0.0 {
        return None;
    }
    let rd = num / den;
    let var = (rd * p_sum + q_sum) / (den * den);
    let half = z95() * var.max(0.0).sqrt();
    Some(PooledEstimate { estimate: rd, ci95: (rd - half, rd + half), informative_strata: used, deals_used: deals })
}

/// The Mantel–Haenszel odds ratio with the Robins–Breslow–Greenland variance of its log.
pub fn mantel_haenszel_odds_ratio(strata: &[Table2x2]) -> Option<PooledEstimate> {
    let (mut r, mut s_, mut pr, mut ps_qr, mut qs) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut used, mut deals) = (0, 0);
    for t in strata {
        if t.exposed_n == 0 || t.other_n == 0 {
            continue;
        }
        let (a, b, c, d) = (t.exposed_won as f64, (t.exposed_n - t.exposed_won) as f64, t.other_won as f64, (t.other_n - t.other_won) as f64);
        let n = a + b + c + d;
        let (ri, si) = (a * d / n, b * c / n);
        let (pi, qi) = ((a + d) / n, (b + c) / n);
        r += ri;
        s_ += si;
        pr += pi * ri;
        ps_qr += pi * si + qi * ri;
        qs += qi * si;
        used += 1;
        deals += t.exposed_n + t.other_n;
    }
    if r == 0.0 || s_ == 0.0 {
        return None;
    }
    let or = r / s_;
    let var = pr / (2.0 * r * r) + ps_qr / (2.0 * r * s_) + qs / (2.0 * s_ * s_);
    let half = z95() * var.sqrt();
    Some(PooledEstimate { estimate: or, ci95: ((or.ln() - half).exp(), (or.ln() + half).exp()), informative_strata: used, deals_used: deals })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() < tol
    }

    #[test]
    fn wilson_matches_published_values() {
        // Newcombe (1998), table I: 81/263 → 0.2553 to 0.3662.
        let (lo, hi) = wilson(81, 263).unwrap();
        assert!(close(lo, 0.2553, 1e-4) && close(hi, 0.3662, 1e-4), "{lo} {hi}");
        // 0/10 and 10/10 stay inside 0..1.
        assert_eq!(wilson(0, 10).unwrap().0, 0.0);
        assert!(close(wilson(10, 10).unwrap().1, 1.0, 1e-12));
        assert!(wilson(0, 0).is_none());
    }

    #[test]
    fn newcombe_matches_his_worked_example() {
        // Newcombe (1998), table II, example (a): 56/70 − 48/80 → 0.0524 to 0.3339.
        let (lo, hi) = newcombe_difference(56, 70, 48, 80).unwrap();
        assert!(close(lo, 0.0524, 1e-4) && close(hi, 0.3339, 1e-4), "{lo} {hi}");
    }

    #[test]
    fn moments_and_t_intervals() {
        let mut m = Moments::default();
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            m.add(x);
        }
        assert!(close(m.mean, 5.0, 1e-12) && close(m.variance().unwrap(), 32.0 / 7.0, 1e-12));
        let (lo, hi) = m.mean_ci95().unwrap();
        // t(0.975, 7) = 2.364624; se = sqrt(32/7/8).
        let half = 2.364_624_251_6 * (32.0f64 / 7.0 / 8.0).sqrt();
        assert!(close(lo, 5.0 - half, 1e-6) && close(hi, 5.0 + half, 1e-6));
    }

    #[test]
    fn mantel_haenszel_on_one_stratum_is_the_plain_difference() {
        let t = Table2x2 { exposed_won: 30, exposed_n: 50, other_won: 20, other_n: 50 };
        let rd = mantel_haenszel_difference(&[t]).unwrap();
        assert!(close(rd.estimate, 0.2, 1e-12));
        // With one stratum Sato's variance is the Wald variance p1q1/n1 + p0q0/n0.
        let wald = (0.6 * 0.4 / 50.0 + 0.4 * 0.6 / 50.0f64).sqrt() * z95();
        assert!(close(rd.ci95.1 - rd.estimate, wald, 1e-3), "{:?}", rd);
        let or = mantel_haenszel_odds_ratio(&[t]).unwrap();
        assert!(close(or.estimate, (30.0 * 30.0) / (20.0 * 20.0), 1e-12));
        // Strata missing a group say nothing.
        assert!(mantel_haenszel_difference(&[Table2x2 { exposed_won: 3, exposed_n: 5, other_won: 0, other_n: 0 }]).is_none());
    }
}
