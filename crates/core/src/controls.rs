//! Control characters (NUL, BEL, ESC, the C1 controls…): never part of what a writer means,
//! invisible on screen, and forbidden in the XML of a Word document. Every entrance strips or
//! refuses them, naming where they were.

/// Whether `c` is a control character that has no place in text (tab, line feed and carriage
/// return are text; U+FFFE and U+FFFF are not characters at all).
pub fn is_unwanted(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// The first unwanted character of `text`: its 1-based line and column, and the character.
pub fn find(text: &str) -> Option<(usize, usize, char)> {
    let (mut line, mut col) = (1, 1);
    for c in text.chars() {
        if is_unwanted(c) {
            return Some((line, col, c));
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    None
}

/// Refuses `text` if it holds an unwanted character, naming the field and where: "The
/// description has a control character (U+0007) on line 2, column 8; remove it."
pub fn refuse(field: &str, text: &str) -> Result<(), String> {
    match find(text) {
        None => Ok(()),
        Some((1, col, c)) if !text.contains('\n') => Err(format!("The {field} has a control character ({}) at character {col}; remove it.", name(c))),
        Some((line, col, c)) => Err(format!("The {field} has a control character ({}) on line {line}, column {col}; remove it.", name(c))),
    }
}

/// What [`strip`] took out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stripped {
    pub count: u32,
    /// The line of the first one (1-based).
    pub first_line: usize,
}

/// `text` without its unwanted characters, and what was taken out.
pub fn strip(text: &str) -> (String, Stripped) {
    if !text.chars().any(is_unwanted) {
        return (text.to_string(), Stripped::default());
    }
    let mut stripped = Stripped::default();
    let mut line = 1;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unwanted(c) {
            if stripped.count == 0 {
                stripped.first_line = line;
            }
            stripped.count += 1;
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        out.push(c);
    }
    (out, stripped)
}

/// "U+001B" for a message.
pub fn name(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwanted_characters_are_found_and_stripped_with_their_line() {
        let text = "First line.\nSecond \u{7}line with a bell\u{1b}[31m and more.\n";
        assert_eq!(find(text), Some((2, 8, '\u{7}')));
        let (clean, s) = strip(text);
        assert_eq!(clean, "First line.\nSecond line with a bell[31m and more.\n");
        assert_eq!(s, Stripped { count: 2, first_line: 2 });
        assert_eq!(find("Tabs\tand\r\nnewlines are text."), None);
        assert!(is_unwanted('\u{0}') && is_unwanted('\u{b}') && is_unwanted('\u{9b}') && is_unwanted('\u{7f}') && is_unwanted('\u{FFFF}'));
        assert!(!is_unwanted('é') && !is_unwanted('\u{200b}'));
        assert_eq!(name('\u{1b}'), "U+001B");
        assert_eq!(refuse("title", "Cold\u{0}chain"), Err("The title has a control character (U+0000) at character 5; remove it.".into()));
        assert!(refuse("text", "a\nb\u{1b}").unwrap_err().contains("line 2, column 2"));
        assert!(refuse("title", "Cold chain").is_ok());
    }
}
