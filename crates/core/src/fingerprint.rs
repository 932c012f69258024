//! Content fingerprints: what an approval or a link "saw".

use sha2::{Digest, Sha256};

/// Collapses runs of whitespace and trims, so re-wrapping a paragraph is not a change.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A 128-bit hex fingerprint of the text after [`normalize`]. Case and punctuation count:
/// they can change what a claim says.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(normalize(text).as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_change_the_fingerprint_but_words_do() {
        assert_eq!(fingerprint("Cuts  close\n time."), fingerprint("Cuts close time."));
        assert_ne!(fingerprint("Cuts close time."), fingerprint("Cuts close time!"));
        assert_eq!(fingerprint("a").len(), 32);
    }
}
