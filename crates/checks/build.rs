//! Expands the shipped Hunspell en_US dictionary into every word form it accepts, sorted, so
//! the spelling check looks words up by binary search with nothing to parse at start-up.
//! (Parsing the dictionary with spellbook takes 20–30 ms, most of a `pitchbridge check`.)
//! The en_US affix file is simple: one level of prefixes and suffixes, no continuation
//! classes; compounding is used only for ordinal numbers, which the check never spells.

use std::collections::HashMap;
use std::fmt::Write as _;

struct Affix {
    strip: String,
    add: String,
    condition: Vec<Cond>,
}

enum Cond {
    Any,
    Char(char),
    In(Vec<char>),
    NotIn(Vec<char>),
}

fn parse_condition(s: &str) -> Vec<Cond> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => out.push(Cond::Any),
            '[' => {
                let negate = chars.peek() == Some(&'^');
                if negate {
                    chars.next();
                }
                let mut set = Vec::new();
                for d in chars.by_ref() {
                    if d == ']' {
                        break;
                    }
                    set.push(d);
                }
                out.push(if negate { Cond::NotIn(set) } else { Cond::In(set) });
            }
            c => out.push(Cond::Char(c)),
        }
    }
    out
}

fn matches(cond: &[Cond], chars: &[char]) -> bool {
    cond.len() <= chars.len()
        && cond.iter().zip(chars).all(|(c, ch)| match c {
            Cond::Any => true,
            Cond::Char(x) => x == ch,
            Cond::In(set) => set.contains(ch),
            Cond::NotIn(set) => !set.contains(ch),
        })
}

struct Class {
    prefix: bool,
    cross: bool,
    rules: Vec<Affix>,
}

fn apply(class: &Class, stem: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = stem.chars().collect();
    for r in &class.rules {
        if class.prefix {
            if matches(&r.condition, &chars) && stem.starts_with(&r.strip) {
                out.push(format!("{}{}", r.add, &stem[r.strip.len()..]));
            }
        } else {
            let n = r.condition.len();
            if n <= chars.len() && matches(&r.condition, &chars[chars.len() - n..]) && stem.ends_with(&r.strip) {
                out.push(format!("{}{}", &stem[..stem.len() - r.strip.len()], r.add));
            }
        }
    }
}

fn main() {
    // Read at run time, not baked in with env!: a build script compiled in one checkout can be
    // run again from another that shares the target directory.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&manifest_dir).join("../../assets/dictionaries");
    let aff_path = dir.join("en_US.aff");
    let dic_path = dir.join("en_US.dic");
    // Relative to the package, so the paths stay right whichever checkout runs the script.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../../assets/dictionaries/en_US.aff");
    println!("cargo:rerun-if-changed=../../assets/dictionaries/en_US.dic");
    let aff = std::fs::read_to_string(&aff_path).expect("en_US.aff");
    let dic = std::fs::read_to_string(&dic_path).expect("en_US.dic");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());

    // The checks' identity: their code and word lists. What the app keeps of a check's result
    // is bound to it, so a build whose checks differ never reuses what another one counted.
    // (This makes the script run whenever a source file changes; the dictionary below is then
    // expanded again only if the dictionary itself changed.)
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=../../assets/checks");
    println!("cargo:rerun-if-changed=../../assets/dictionaries");
    let root = std::path::Path::new(&manifest_dir);
    let mut identity = Vec::new();
    for dir in [root.join("src"), root.join("../../assets/checks"), root.join("../../assets/dictionaries")] {
        hash_tree(&dir, &mut identity);
    }
    println!("cargo:rustc-env=PB_CHECKS_IDENTITY={:016x}", word_hash(&String::from_utf8_lossy(&identity)));

    let stamp = format!("{:016x}", word_hash(&format!("{aff}\u{0}{dic}\u{0}{}", include_str!("build.rs"))));
    let stamp_path = out.join("en_US.stamp");
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        return;
    }

    let mut classes: HashMap<char, Class> = HashMap::new();
    let mut only_in_compound = None;
    for line in aff.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        match f.as_slice() {
            ["ONLYINCOMPOUND", flag] => only_in_compound = flag.chars().next(),
            [kind @ ("PFX" | "SFX"), flag, cross, _count] => {
                let flag = flag.chars().next().unwrap();
                classes.insert(flag, Class { prefix: *kind == "PFX", cross: *cross == "Y", rules: Vec::new() });
            }
            ["PFX" | "SFX", flag, strip, add, condition, ..] => {
                let flag = flag.chars().next().unwrap();
                let zero = |s: &str| if s == "0" { String::new() } else { s.to_string() };
                assert!(!add.contains('/'), "continuation classes are not expected in en_US.aff");
                classes.get_mut(&flag).expect("affix header first").rules.push(Affix {
                    strip: zero(strip),
                    add: zero(add),
                    condition: parse_condition(condition),
                });
            }
            _ => {}
        }
    }

    let mut words: Vec<String> = Vec::with_capacity(200_000);
    for line in dic.lines().skip(1) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (stem, flags) = line.split_once('/').unwrap_or((line, ""));
        let flags: Vec<char> = flags.chars().collect();
        if only_in_compound.is_some_and(|c| flags.contains(&c)) {
            continue;
        }
        words.push(stem.to_string());
        let mut suffixed = Vec::new();
        let mut prefixed = Vec::new();
        for f in &flags {
            let Some(class) = classes.get(f) else { continue };
            if class.prefix {
                apply(class, stem, &mut prefixed);
            } else {
                apply(class, stem, &mut suffixed);
            }
        }
        // Cross products: a prefix on a suffixed form, when both allow it.
        for pf in flags.iter().filter_map(|f| classes.get(f)).filter(|c| c.prefix && c.cross) {
            for sf in flags.iter().filter_map(|f| classes.get(f)).filter(|c| !c.prefix && c.cross) {
                let mut with_suffix = Vec::new();
                apply(sf, stem, &mut with_suffix);
                for w in with_suffix {
                    apply(pf, &w, &mut prefixed);
                }
            }
        }
        words.extend(suffixed);
        words.extend(prefixed);
    }
    words.sort_unstable();
    words.dedup();

    let mut blob = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    let mut offsets: Vec<u8> = Vec::with_capacity(words.len() * 4 + 4);
    for w in &words {
        offsets.extend_from_slice(&(blob.len() as u32).to_le_bytes());
        let _ = write!(blob, "{w}\n");
    }
    offsets.extend_from_slice(&(blob.len() as u32).to_le_bytes());
    // An open-addressing table over the same forms (slot: form index + 1, 0 for empty), at
    // most two-thirds full: a look-up is a hash and one or two comparisons, where the binary
    // search took eighteen, and the spelling check's corrections make hundreds a word.
    // The slot's high bits carry the top bits of the hash, so a word that is not there is
    // turned away without comparing strings.
    let slots = (words.len() * 3 / 2).next_power_of_two();
    let index_bits = (words.len() + 1).next_power_of_two().trailing_zeros();
    assert!(index_bits <= 24, "too many word forms for the table's slots");
    let mut table = vec![0u32; slots];
    for (i, w) in words.iter().enumerate() {
        let h = word_hash(w);
        let mut at = h as usize & (slots - 1);
        while table[at] != 0 {
            at = (at + 1) & (slots - 1);
        }
        table[at] = ((h >> (64 - (32 - index_bits))) as u32) << index_bits | (i as u32 + 1);
    }
    let table: Vec<u8> = table.iter().flat_map(|v| v.to_le_bytes()).collect();
    std::fs::write(out.join("en_US.words"), blob).unwrap();
    std::fs::write(out.join("en_US.offsets"), offsets).unwrap();
    std::fs::write(out.join("en_US.table"), table).unwrap();
    std::fs::write(out.join("en_US.index_bits"), index_bits.to_string()).unwrap();
    std::fs::write(stamp_path, stamp).unwrap();
}

/// Every file under `dir`, in name order: its path and its bytes.
fn hash_tree(dir: &std::path::Path, into: &mut Vec<u8>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            hash_tree(&p, into);
        } else if let Ok(bytes) = std::fs::read(&p) {
            into.extend_from_slice(p.file_name().unwrap_or_default().as_encoded_bytes());
            into.extend_from_slice(&bytes);
        }
    }
}

/// FNV-1a over the word's bytes; `spelling::word_hash` is the same function (a test there
/// finds every form through the table).
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}
