//! The one placeholder lexer: `{{1}}` / `<<1>>` (positional) and `{{first_name}}` /
//! `<<first_name>>` (named), in template definitions, editors and the renderer alike.
//!
//! Lexing is a single forward pass; each byte is looked at a bounded number of times, so
//! hostile input (`{{{{{{…`, `<<<<…`) stays linear. Malformed placeholders are tokens of
//! their own with a reason and a span, so callers can both report them and render them
//! literally. Spans are byte ranges into the lexed text.
//!
//! An opener followed by whitespace with no closer in sight (`a << b`, `x {{ y`) is text,
//! not a broken placeholder: `<<` and `{{` occur in ordinary prose and code samples.

use std::ops::Range;

/// Which delimiters a placeholder uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// `{{…}}`: the platform's syntax.
    Curly,
    /// `<<…>>`: the syntax of our editors.
    Angle,
}

impl Syntax {
    fn open(self) -> u8 {
        match self {
            Self::Curly => b'{',
            Self::Angle => b'<',
        }
    }

    fn close(self) -> u8 {
        match self {
            Self::Curly => b'}',
            Self::Angle => b'>',
        }
    }

    /// `{{` or `<<`.
    #[must_use]
    pub fn opener(self) -> &'static str {
        match self {
            Self::Curly => "{{",
            Self::Angle => "<<",
        }
    }

    /// `}}` or `>>`.
    #[must_use]
    pub fn closer(self) -> &'static str {
        match self {
            Self::Curly => "}}",
            Self::Angle => ">>",
        }
    }
}

/// What a placeholder refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key<'a> {
    /// `{{3}}`: the third parameter (1-based).
    Positional(u32),
    /// `{{first_name}}`: the parameter with that `parameter_name`.
    Named(&'a str),
}

impl Key<'_> {
    /// True for positional keys.
    #[must_use]
    pub fn is_positional(&self) -> bool {
        matches!(self, Self::Positional(_))
    }
}

impl std::fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Positional(n) => write!(f, "{{{{{n}}}}}"),
            Self::Named(s) => write!(f, "{{{{{s}}}}}"),
        }
    }
}

/// A well-formed placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholder<'a> {
    /// What it refers to.
    pub key: Key<'a>,
    /// Its delimiters.
    pub syntax: Syntax,
    /// Byte range of the whole placeholder, delimiters included.
    pub span: Range<usize>,
}

/// Why a placeholder is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// `{{}}`
    Empty,
    /// `{{ 1 }}`: spaces inside the braces.
    Whitespace,
    /// `{{1}` or `{{name` : no closing delimiter.
    Unclosed,
    /// `{{1>>`: opened with one syntax, closed with the other.
    MismatchedDelimiters,
    /// `{{-1}}`, `{{First}}`, `{{a b}}`, `{{#x}}`: not a number and not a lowercase name.
    InvalidName,
    /// `{{0}}`, `{{01}}`, or a number too large: positions start at 1, without leading zeros.
    InvalidNumber,
    /// `{{{1}}}`: an extra brace next to the placeholder.
    StrayDelimiter,
}

impl Problem {
    /// A short explanation for messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Empty => "the placeholder is empty",
            Self::Whitespace => "the placeholder has spaces inside its braces",
            Self::Unclosed => "the placeholder is not closed",
            Self::MismatchedDelimiters => {
                "the placeholder is opened and closed with different delimiters"
            }
            Self::InvalidName => {
                "a placeholder holds a number (1, 2, …) or a name of lowercase letters, digits and underscores"
            }
            Self::InvalidNumber => "positional placeholders count from 1, without leading zeros",
            Self::StrayDelimiter => "an extra brace next to the placeholder: braces must match",
        }
    }
}

/// A malformed placeholder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    /// Why.
    pub problem: Problem,
    /// Its delimiters.
    pub syntax: Syntax,
    /// Byte range of the malformed text.
    pub span: Range<usize>,
    /// The corrected placeholder when there is an obvious one (`{{ 1 }}` → `{{1}}`).
    pub suggestion: Option<String>,
}

/// One piece of lexed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// Literal text.
    Text(Range<usize>),
    /// A placeholder.
    Placeholder(Placeholder<'a>),
    /// A malformed placeholder (its text is literal when rendered).
    Malformed(Malformed),
}

impl Token<'_> {
    /// The byte range of the token.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        match self {
            Self::Text(r) => r.clone(),
            Self::Placeholder(p) => p.span.clone(),
            Self::Malformed(m) => m.span.clone(),
        }
    }
}

/// Longest placeholder content looked at. Real names are short; the cap keeps each opener's
/// look-ahead bounded, which is what makes the lexer linear.
pub const MAX_CONTENT: usize = 128;

/// Lexes `text` into tokens (an iterator; nothing is allocated for valid input).
#[must_use]
pub fn lex(text: &str) -> Lexer<'_> {
    Lexer {
        text,
        pos: 0,
        pending: None,
        text_start: 0,
    }
}

/// The iterator [`lex`] returns.
#[derive(Clone, Debug)]
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    pending: Option<Token<'a>>,
    text_start: usize,
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(t) = self.pending.take() {
            return Some(t);
        }
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            // Skip to the next possible opener in one tight loop.
            match bytes
                .get(self.pos..)
                .and_then(|rest| rest.iter().position(|b| matches!(b, b'{' | b'<')))
            {
                Some(skip) => self.pos += skip,
                None => {
                    self.pos = bytes.len();
                    break;
                }
            }
            let at = self.pos;
            let syntax = match (bytes.get(at), bytes.get(at + 1)) {
                (Some(b'{'), Some(b'{')) => Syntax::Curly,
                (Some(b'<'), Some(b'<')) => Syntax::Angle,
                _ => {
                    self.pos += 1;
                    continue;
                }
            };
            match scan(self.text, at, syntax) {
                Some((token, end)) => {
                    self.pos = end;
                    let text_start = std::mem::replace(&mut self.text_start, end);
                    if text_start < at {
                        self.pending = Some(token);
                        return Some(Token::Text(text_start..at));
                    }
                    return Some(token);
                }
                // Not a placeholder: step over the first opener byte only, so `{{{1}}}`
                // still finds `{{1}}`.
                None => self.pos += 1,
            }
        }
        if self.text_start < bytes.len() {
            let start = std::mem::replace(&mut self.text_start, bytes.len());
            return Some(Token::Text(start..bytes.len()));
        }
        None
    }
}

/// Scans a placeholder starting with the opener at `at`. Returns the token and the end
/// offset, or `None` when the opener is ordinary text.
fn scan(text: &str, at: usize, syntax: Syntax) -> Option<(Token<'_>, usize)> {
    let bytes = text.as_bytes();
    let start = at + 2;
    // The content run: up to a delimiter byte, a line break or the cap.
    let mut end = start;
    while end < bytes.len() && end - start < MAX_CONTENT {
        match bytes.get(end) {
            Some(b'{' | b'}' | b'<' | b'>' | b'\n' | b'\r') | None => break,
            Some(_) => end += 1,
        }
    }
    // The cap may fall inside a multi-byte character; back off to a boundary.
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let content = text.get(start..end).unwrap_or("");
    let c1 = bytes.get(end).copied();
    let c2 = bytes.get(end + 1).copied();
    let other = match syntax {
        Syntax::Curly => Syntax::Angle,
        Syntax::Angle => Syntax::Curly,
    };
    let (close_end, mismatched) = if c1 == Some(syntax.close()) && c2 == Some(syntax.close()) {
        (end + 2, false)
    } else if c1 == Some(other.close()) && c2 == Some(other.close()) {
        (end + 2, true)
    } else {
        // No closer. An opener followed by a space (or nothing) is prose, not a placeholder.
        let starts_blank = content.chars().next().is_none_or(char::is_whitespace);
        if starts_blank && c1 != Some(syntax.close()) {
            return None;
        }
        // `{{1}` takes its single closing brace along.
        let stop = if c1 == Some(syntax.close()) {
            end + 1
        } else {
            end
        };
        let suggestion = classify(content.trim())
            .ok()
            .map(|_| format!("{}{}{}", syntax.opener(), content.trim(), syntax.closer()));
        let m = Malformed {
            problem: Problem::Unclosed,
            syntax,
            span: at..stop,
            suggestion,
        };
        return Some((Token::Malformed(m), stop));
    };
    let span = at..close_end;
    let malformed = |problem: Problem, suggestion: Option<String>| {
        Some((
            Token::Malformed(Malformed {
                problem,
                syntax,
                span: span.clone(),
                suggestion,
            }),
            close_end,
        ))
    };
    let trimmed = content.trim();
    let fixed = |t: &str| format!("{}{t}{}", syntax.opener(), syntax.closer());
    if mismatched {
        let s = classify(trimmed).ok().map(|_| fixed(trimmed));
        return malformed(Problem::MismatchedDelimiters, s);
    }
    if content.is_empty() {
        return malformed(Problem::Empty, None);
    }
    let key = match classify(content) {
        Ok(key) => key,
        Err(problem) => {
            if trimmed.len() != content.len() {
                if trimmed.is_empty() {
                    return malformed(Problem::Empty, None);
                }
                let s = classify(trimmed).ok().map(|_| fixed(trimmed));
                return malformed(Problem::Whitespace, s);
            }
            let s = (problem == Problem::InvalidName)
                .then(|| suggest_name(content))
                .flatten()
                .map(|n| fixed(&n));
            return malformed(problem, s);
        }
    };
    // `{{{1}}}`: braces must match (D-REV). The extra opener byte before `at` was already
    // emitted as text; report the placeholder together with its stray neighbours.
    let before = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
    let after = bytes.get(close_end).copied();
    if before == Some(syntax.open()) || after == Some(syntax.close()) {
        let stop = if after == Some(syntax.close()) {
            close_end + 1
        } else {
            close_end
        };
        let m = Malformed {
            problem: Problem::StrayDelimiter,
            syntax,
            span: at..stop,
            suggestion: Some(fixed(content)),
        };
        return Some((Token::Malformed(m), stop));
    }
    Some((
        Token::Placeholder(Placeholder { key, syntax, span }),
        close_end,
    ))
}

/// A number (`[1-9][0-9]*`) or a name (`[a-z_][a-z0-9_]*`).
fn classify(content: &str) -> Result<Key<'_>, Problem> {
    let b = content.as_bytes();
    let Some(&first) = b.first() else {
        return Err(Problem::Empty);
    };
    if b.iter().all(u8::is_ascii_digit) {
        if first == b'0' {
            return Err(Problem::InvalidNumber);
        }
        return content
            .parse::<u32>()
            .map(Key::Positional)
            .map_err(|_| Problem::InvalidNumber);
    }
    let name_byte = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_';
    if (first.is_ascii_lowercase() || first == b'_') && b.iter().all(name_byte) {
        return Ok(Key::Named(content));
    }
    Err(Problem::InvalidName)
}

/// `First-Name` → `first_name`, when that gives a valid name.
fn suggest_name(content: &str) -> Option<String> {
    let s: String = content
        .trim()
        .chars()
        .map(|c| match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '-' | ' ' | '.' => '_',
            c => c,
        })
        .collect();
    let letter_first = s.starts_with(|c: char| c.is_ascii_lowercase());
    (s != content && letter_first && matches!(classify(&s), Ok(Key::Named(_)))).then_some(s)
}

/// Everything about the placeholders of one text, collected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan<'a> {
    /// Well-formed placeholders in text order.
    pub placeholders: Vec<Placeholder<'a>>,
    /// Malformed ones in text order.
    pub malformed: Vec<Malformed>,
}

impl<'a> Scan<'a> {
    /// Lexes and collects.
    #[must_use]
    pub fn of(text: &'a str) -> Self {
        let mut s = Self::default();
        for t in lex(text) {
            match t {
                Token::Placeholder(p) => s.placeholders.push(p),
                Token::Malformed(m) => s.malformed.push(m),
                Token::Text(_) => {}
            }
        }
        s
    }

    /// Distinct keys in order of first use.
    #[must_use]
    pub fn distinct(&self) -> Vec<Key<'a>> {
        let mut out: Vec<Key<'a>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for p in &self.placeholders {
            if seen.insert(p.key) {
                out.push(p.key);
            }
        }
        out
    }

    /// Number of distinct keys: the number of parameters the text takes.
    #[must_use]
    pub fn count(&self) -> usize {
        self.distinct().len()
    }

    /// True when both `{{…}}` and `<<…>>` are used.
    #[must_use]
    pub fn mixes_syntax(&self) -> bool {
        let mut it = self.placeholders.iter().map(|p| p.syntax);
        it.next()
            .is_some_and(|first| self.placeholders.iter().any(|p| p.syntax != first))
    }

    /// True when both positional and named placeholders are used.
    #[must_use]
    pub fn mixes_kinds(&self) -> bool {
        let pos = self.placeholders.iter().any(|p| p.key.is_positional());
        let named = self.placeholders.iter().any(|p| !p.key.is_positional());
        pos && named
    }

    /// The positional indices 1..=n that are missing (gaps), given the largest used index.
    /// Sorting instead of a bitmap keeps `{{4000000000}}` cheap.
    #[must_use]
    pub fn gaps(&self) -> Vec<Range<u32>> {
        let mut nums: Vec<u32> = self
            .placeholders
            .iter()
            .filter_map(|p| match p.key {
                Key::Positional(n) => Some(n),
                Key::Named(_) => None,
            })
            .collect();
        nums.sort_unstable();
        nums.dedup();
        let mut gaps = Vec::new();
        let mut expect = 1u32;
        for n in nums {
            if n > expect {
                gaps.push(expect..n);
            }
            expect = n.saturating_add(1);
        }
        gaps
    }

    /// The first positional placeholder whose first use comes before a smaller index's first
    /// use (`{{2}} … {{1}}`).
    #[must_use]
    pub fn first_out_of_order(&self) -> Option<&Placeholder<'a>> {
        let mut max_seen = 0u32;
        let mut seen = std::collections::HashSet::new();
        for p in &self.placeholders {
            if let Key::Positional(n) = p.key {
                if !seen.insert(n) {
                    continue;
                }
                if n < max_seen {
                    return Some(p);
                }
                max_seen = n;
            }
        }
        None
    }
}

/// Replaces every placeholder of `text` with `lookup(key)`; placeholders without a value and
/// malformed ones stay as written, so a preview shows what is missing.
pub fn hydrate<'t, S: AsRef<str>>(
    text: &'t str,
    mut lookup: impl FnMut(Key<'t>) -> Option<S>,
) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for tok in lex(text) {
        match tok {
            Token::Placeholder(p) => match lookup(p.key) {
                Some(v) => out.push_str(v.as_ref()),
                None => out.push_str(text.get(p.span).unwrap_or("")),
            },
            Token::Text(r) => out.push_str(text.get(r).unwrap_or("")),
            Token::Malformed(m) => out.push_str(text.get(m.span).unwrap_or("")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Token<'_>> {
        lex(s).collect()
    }

    #[test]
    fn positional_and_named() {
        let s = "Hi {{1}}, <<first_name>>!";
        let t = toks(s);
        assert_eq!(t.len(), 5);
        assert_eq!(
            t[1],
            Token::Placeholder(Placeholder {
                key: Key::Positional(1),
                syntax: Syntax::Curly,
                span: 3..8
            })
        );
        assert_eq!(
            t[3],
            Token::Placeholder(Placeholder {
                key: Key::Named("first_name"),
                syntax: Syntax::Angle,
                span: 10..24
            })
        );
        assert_eq!(t[4], Token::Text(24..25));
    }

    fn problem(s: &str) -> (Problem, Range<usize>, Option<String>) {
        let sc = Scan::of(s);
        let m = sc
            .malformed
            .first()
            .unwrap_or_else(|| panic!("{s}: {sc:?}"));
        (m.problem, m.span.clone(), m.suggestion.clone())
    }

    #[test]
    fn malformed_forms() {
        assert_eq!(
            problem("a {{ 1 }} b"),
            (Problem::Whitespace, 2..9, Some("{{1}}".into()))
        );
        assert_eq!(
            problem("a {{1} b"),
            (Problem::Unclosed, 2..6, Some("{{1}}".into()))
        );
        assert_eq!(
            problem("a {{1"),
            (Problem::Unclosed, 2..5, Some("{{1}}".into()))
        );
        assert_eq!(problem("{{}}"), (Problem::Empty, 0..4, None));
        assert_eq!(problem("{{  }}"), (Problem::Empty, 0..6, None));
        assert_eq!(problem("{{-1}}"), (Problem::InvalidName, 0..6, None));
        assert_eq!(
            problem("<<1>"),
            (Problem::Unclosed, 0..4, Some("<<1>>".into()))
        );
        assert_eq!(
            problem("{{1>>"),
            (Problem::MismatchedDelimiters, 0..5, Some("{{1}}".into()))
        );
        assert_eq!(problem("{{0}}").0, Problem::InvalidNumber);
        assert_eq!(problem("{{01}}").0, Problem::InvalidNumber);
        assert_eq!(problem("{{99999999999}}").0, Problem::InvalidNumber);
        assert_eq!(
            problem("{{First-Name}}"),
            (Problem::InvalidName, 0..14, Some("{{first_name}}".into()))
        );
        assert_eq!(problem("{{#x}}").0, Problem::InvalidName);
        assert_eq!(
            problem("x {{{1}}} y"),
            (Problem::StrayDelimiter, 3..9, Some("{{1}}".into()))
        );
    }

    #[test]
    fn prose_is_not_a_placeholder() {
        for s in [
            "a << b",
            "x {{ y",
            "{{",
            "<<",
            "a < b > c",
            "{ {1} }",
            "x <<\n1>>",
        ] {
            let sc = Scan::of(s);
            assert!(sc.placeholders.is_empty() && sc.malformed.is_empty(), "{s}");
        }
    }

    #[test]
    fn tokens_cover_the_text() {
        for s in [
            "",
            "abc",
            "{{1}}",
            "a{{1}}b{{x}}c",
            "{{{{{{",
            "ü{{1}}ö<<ä>>",
            "{{1}",
        ] {
            let mut at = 0;
            for t in lex(s) {
                let r = t.span();
                assert_eq!(r.start, at, "{s}");
                at = r.end;
            }
            assert_eq!(at, s.len(), "{s}");
        }
    }

    #[test]
    fn set_rules() {
        let sc = Scan::of("{{2}} {{1}} {{4}} {{1}}");
        assert_eq!(sc.gaps(), vec![3..4]);
        assert_eq!(sc.count(), 3);
        assert_eq!(sc.first_out_of_order().map(|p| p.span.clone()), Some(6..11));
        assert!(!sc.mixes_syntax());
        assert!(Scan::of("{{1}} <<2>>").mixes_syntax());
        assert!(Scan::of("{{1}} {{a}}").mixes_kinds());
        assert!(Scan::of("{{1}} {{2}}").first_out_of_order().is_none());
        assert_eq!(Scan::of("{{3}}").gaps(), vec![1..3]);
    }

    #[test]
    fn hydration() {
        let out = hydrate("Hi {{1}}, {{name}} {{2}} {{ x }}", |k| match k {
            Key::Positional(1) => Some("Ann"),
            Key::Named("name") => Some("Bo"),
            _ => None,
        });
        assert_eq!(out, "Hi Ann, Bo {{2}} {{ x }}");
    }

    #[test]
    fn hostile_input_is_linear_enough() {
        let s = "{{".repeat(50_000) + &"<<a".repeat(50_000);
        let n = lex(&s).count();
        assert!(n > 0);
        let long = format!("{{{{{}}}}}", "a".repeat(10_000));
        assert_eq!(Scan::of(&long).malformed.len(), 1);
    }
}
