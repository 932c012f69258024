//! The benchmarks' one random generator: deterministic (a 64-bit linear congruential
//! generator, Knuth's constants), so every run builds the same workspace, brief and text.

/// A deterministic generator; the same seed gives the same sequence on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next number (31 bits).
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// One of `words`, the first ones more often (the smaller of two draws), as in real text.
    pub fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        let a = self.below(words.len() as u64);
        let b = self.below(words.len() as u64);
        words[a.min(b) as usize]
    }

    /// A word from a made-up vocabulary of about 20,000, long-tailed as real text is: the
    /// smallest of `draws` draws picks it, so more draws favour the common words more.
    pub fn made_up_word(&mut self, draws: usize) -> String {
        const SYLLABLES: [&str; 16] = ["ka", "lo", "mi", "ner", "tu", "sa", "ve", "dor", "pi", "ren", "go", "li", "mar", "te", "su", "bra"];
        let mut n = (0..draws.max(1)).map(|_| self.below(20_000)).min().unwrap_or(0);
        let mut w = String::new();
        loop {
            w.push_str(SYLLABLES[(n % 16) as usize]);
            n /= 16;
            if n == 0 {
                return w;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_words() {
        let words = |seed| {
            let mut r = Rng::new(seed);
            (0..50).map(|_| r.made_up_word(2)).collect::<Vec<_>>()
        };
        assert_eq!(words(7), words(7));
        assert_ne!(words(7), words(8));
        let mut r = Rng::new(1);
        let picks: Vec<&str> = (0..1000).map(|_| r.pick(&["common", "rare"])).collect();
        let common = picks.iter().filter(|w| **w == "common").count();
        assert!(common > 650, "the first word is picked about 3 times in 4: {common}");
    }
}
