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
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("en_US.words"), blob).unwrap();
    std::fs::write(out.join("en_US.offsets"), offsets).unwrap();
}
