//! Content fingerprints: what an approval or a link "saw".

use sha2::{Digest, Sha256};

/// Collapses runs of whitespace and trims, so re-wrapping a paragraph is not a change.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A 128-bit hex fingerprint of the text after [`normalize`]. Case and punctuation count:
/// they can change what a claim says.
pub fn fingerprint(text: &str) -> String {
    crate::hex::encode(&Sha256::digest(normalize(text).as_bytes())[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_does_not_change_the_fingerprint_but_words_do() {
        assert_eq!(fingerprint("Cuts  close\n time."), fingerprint("Cuts close time."));
        assert_ne!(fingerprint("Cuts close time."), fingerprint("Cuts close time!"));
        assert_eq!(fingerprint("a").len(), 32);
        // SHA-256("a"), first 16 bytes: the stored form must never change.
        assert_eq!(fingerprint("a"), "ca978112ca1bbdcafac231b39a23dc4d");
    }
}
