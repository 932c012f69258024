//! Lowercase hexadecimal, as fingerprints, hashes, keys and signatures are written.

const DIGITS: &[u8; 16] = b"0123456789abcdef";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

/// Hex back to bytes; `None` for anything else (odd length, a non-hex or non-ASCII
/// character), never a panic.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.as_bytes().chunks(2).map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(encode(&[0, 15, 171, 255]), "000fabff");
        assert_eq!(decode("000fABff"), Some(vec![0, 15, 171, 255]));
        for bad in ["abc", "zz", "0ü0ü", "+1"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
