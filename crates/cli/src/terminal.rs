//! Writing to the terminal. Text from documents, decision files and workspaces is printed
//! with its control characters escaped: an escape sequence in a claim could otherwise retitle
//! or recolour the terminal, or hide what is printed after it. A closed pipe
//! (`pitchbridge list W | head`) ends the program quietly, as Unix tools do.

use std::io::Write;

/// `s` with every control character but the newline and the tab shown as `\u{1b}`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn write(mut stream: impl Write, text: &str) {
    if let Err(e) = stream.write_all(escape(text).as_bytes()).and_then(|_| stream.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            // Whoever read our output has all they wanted.
            std::process::exit(0);
        }
    }
}

/// Prints `text` to standard output, escaped.
pub fn out(text: &str) {
    write(std::io::stdout().lock(), text);
}

/// Prints `text` to standard error, escaped.
pub fn err(text: &str) {
    write(std::io::stderr().lock(), text);
}

/// `println!` with the text escaped and a closed pipe ending the program quietly.
macro_rules! say {
    ($($arg:tt)*) => { $crate::terminal::out(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!`, likewise.
macro_rules! complain {
    ($($arg:tt)*) => { $crate::terminal::err(&format!("{}\n", format_args!($($arg)*))) };
}

pub(crate) use {complain, say};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escape("Title\u{1b}]0;owned\u{7}"), "Title\\u{1b}]0;owned\\u{7}");
        assert_eq!(escape("two\nlines\tand a tab"), "two\nlines\tand a tab");
        assert_eq!(escape("NUL\u{0} and C1 \u{9b}31m"), "NUL\\u{0} and C1 \\u{9b}31m");
        assert_eq!(escape("Grüße, 東京"), "Grüße, 東京");
    }
}

/// The exit of a command that either did its work (0) or could not, said why (2).
pub fn done(r: pitchbridge_app::error::ApiResult<()>, what: &str) -> std::process::ExitCode {
    match r {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            complain!("pitchbridge {what}: {}", e.message);
            std::process::ExitCode::from(2)
        }
    }
}
