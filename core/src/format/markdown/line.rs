//! One line of converted inline content: the pieces the Markdown meant (text, bold, italic,
//! strike, code) written so that WhatsApp shows exactly that formatting and nothing else.
//!
//! WhatsApp's rules make this more than string concatenation:
//!
//! 1. **Delimiters need word boundaries.** A pair whose opener follows a letter or digit, or
//!    whose closer precedes one, does not render (`super**bold**ly`): such a pair is dropped
//!    (the issue's "intraword emphasis dropped"). Dropping a pair changes its neighbours'
//!    boundaries, so pairs are re-checked from a worklist until nothing changes; a gap
//!    between two text characters holds at most six delimiters (three styles, no style
//!    inside itself), so this is linear. Empty pairs vanish, touching pairs of one style
//!    merge (`**a****b**` is one bold), and bold directly around italic is written `*_x_*`.
//! 2. **Literal markers must not pair.** There are no escapes; a `*` `_` `~` `` ` `` in the
//!    text that could open or close a span, with a partner on the line, is replaced by a
//!    look-alike (`∗` U+2217, `＿` U+FF3F, `∼` U+223C, `‵` U+2035, as drsound does). Markers
//!    inside URLs that WhatsApp links are left alone (nothing is formatted in a link), except
//!    backticks (code outranks links, so they could still pair); markers that cannot pair
//!    (`2*3`, `5 * 3`, a lone `~5`) stay as typed.
//! 3. **Code.** A code span is `` `x` `` where inline code can render (boundaries, no
//!    backtick inside that would close early), else ```` ```x``` ```` monospace (no boundary
//!    rules), with a zero-width space breaking a ```` ``` ```` inside the code if needed.
//!
//! Every line is then parsed back with our own parser; if it does not give exactly the
//! intended formatting (a marker inside code can still steal a delimiter, since WhatsApp
//! matches each marker over the whole line), the line's bold, italic and strike are dropped
//! and every literal marker neutralised; if even that fails, code is written as text.

use super::super::chars::{is_space, is_word};
use super::super::inline::{can_close, can_open};
use super::super::{Children, Node, Options, parse_with_options};

/// A Markdown emphasis style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    Bold,
    Italic,
    Strike,
}

impl Style {
    fn marker(self) -> char {
        match self {
            Style::Bold => '*',
            Style::Italic => '_',
            Style::Strike => '~',
        }
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Style::Bold => 0,
            Style::Italic => 1,
            Style::Strike => 2,
        }
    }
}

/// What the Markdown meant, in order. Opens and closes are balanced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    Open(Style),
    Close(Style),
    /// A code span: its content, and the raw source between its delimiters when it was
    /// written with three or more backticks (WhatsApp's own monospace syntax).
    Code {
        content: String,
        raw: Option<String>,
        mono: bool,
    },
}

/// How a code span is written.
#[derive(Clone, Debug)]
enum Rep {
    Inline(String),
    Mono(String),
    Plain(String),
}

#[derive(Clone, Copy, Debug)]
enum Cell {
    Text { ch: char, exempt: bool },
    Mark { pair: usize },
    Code { id: usize },
}

#[derive(Clone, Copy, Debug)]
struct Pair {
    style: Style,
    open: usize,
    close: usize,
    kept: bool,
}

/// The character a literal marker becomes when it must not pair.
pub(crate) fn look_alike(c: char) -> char {
    match c {
        '*' => '\u{2217}',
        '_' => '\u{ff3f}',
        '~' => '\u{223c}',
        '`' => '\u{2035}',
        other => other,
    }
}

fn marker_bit(c: char) -> u8 {
    match c {
        '*' => 1,
        '_' => 2,
        '~' => 4,
        '`' => 8,
        _ => 0,
    }
}

/// Writes one line (a run of pieces without line breaks).
pub(crate) fn render(pieces: &[Piece]) -> String {
    // Plain text without a marker character cannot form anything: write it as it is.
    let plain = pieces
        .iter()
        .all(|p| matches!(p, Piece::Text(t) if !t.contains(['*', '_', '~', '`'])));
    if plain {
        return pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
    }
    let mut line = Line::build(pieces);
    line.normalize();
    line.settle();
    line.choose_code();
    line.protect_links();
    line.neutralise(false);
    let out = line.write();
    if line.verify(&out) {
        return out;
    }
    // A marker inside code or a link interfered: keep the words, drop the styles.
    for p in &mut line.pairs {
        p.kept = false;
    }
    line.choose_code();
    line.protect_links();
    line.neutralise(true);
    let out = line.write();
    if line.verify(&out) {
        return out;
    }
    // Then code as text too.
    for rep in &mut line.reps {
        if let Rep::Inline(c) | Rep::Mono(c) = rep {
            *rep = Rep::Plain(c.chars().map(look_alike).collect());
        }
    }
    line.protect_links();
    line.neutralise(true);
    let out = line.write();
    if line.verify(&out) {
        return out;
    }
    // Last resort, never reached in our tests: no marker left anywhere, so nothing can pair.
    line.write().chars().map(look_alike).collect()
}

struct Line {
    cells: Vec<Cell>,
    pairs: Vec<Pair>,
    codes: Vec<(String, Option<String>, bool)>,
    reps: Vec<Rep>,
}

impl Line {
    fn build(pieces: &[Piece]) -> Self {
        let mut line = Line {
            cells: Vec::new(),
            pairs: Vec::new(),
            codes: Vec::new(),
            reps: Vec::new(),
        };
        let mut open: Vec<usize> = Vec::new();
        for p in pieces {
            match p {
                Piece::Text(t) => line
                    .cells
                    .extend(t.chars().map(|ch| Cell::Text { ch, exempt: false })),
                Piece::Open(style) => {
                    open.push(line.pairs.len());
                    line.cells.push(Cell::Mark {
                        pair: line.pairs.len(),
                    });
                    line.pairs.push(Pair {
                        style: *style,
                        open: line.cells.len() - 1,
                        close: line.cells.len() - 1,
                        kept: true,
                    });
                }
                Piece::Close(style) => {
                    let Some(i) = open
                        .iter()
                        .rposition(|&p| line.pairs.get(p).is_some_and(|pair| pair.style == *style))
                    else {
                        continue;
                    };
                    let pair = open.remove(i);
                    line.cells.push(Cell::Mark { pair });
                    let close = line.cells.len() - 1;
                    if let Some(p) = line.pairs.get_mut(pair) {
                        p.close = close;
                    }
                }
                Piece::Code { content, raw, mono } => {
                    line.cells.push(Cell::Code {
                        id: line.codes.len(),
                    });
                    line.codes.push((content.clone(), raw.clone(), *mono));
                    line.reps.push(Rep::Plain(content.clone()));
                }
            }
        }
        // Unclosed opens (not produced by the converter) are dropped.
        for p in open {
            if let Some(pair) = line.pairs.get_mut(p) {
                pair.kept = false;
            }
        }
        line
    }

    fn pair_of(&self, cell: usize) -> Option<usize> {
        match self.cells.get(cell) {
            Some(Cell::Mark { pair }) => Some(*pair),
            _ => None,
        }
    }

    fn kept(&self, pair: usize) -> bool {
        self.pairs.get(pair).is_some_and(|p| p.kept)
    }

    /// The character at `cell` as WhatsApp will see it, or `None` for a dropped delimiter.
    fn char_at(&self, cell: usize) -> Option<char> {
        match self.cells.get(cell)? {
            Cell::Text { ch, .. } => Some(*ch),
            Cell::Code { .. } => Some('`'),
            Cell::Mark { pair } => {
                let p = self.pairs.get(*pair)?;
                p.kept.then(|| p.style.marker())
            }
        }
    }

    /// The nearest character before `cell` (dropped delimiters are skipped).
    fn before(&self, cell: usize) -> Option<char> {
        (0..cell).rev().find_map(|i| self.char_at(i))
    }

    /// The nearest visible cell before `cell`.
    fn before_cell(&self, cell: usize) -> Option<usize> {
        (0..cell).rev().find(|&i| self.char_at(i).is_some())
    }

    /// The nearest visible cell after `cell`.
    fn after_cell(&self, cell: usize) -> Option<usize> {
        (cell + 1..self.cells.len()).find(|&i| self.char_at(i).is_some())
    }

    /// The nearest character after `cell`.
    fn after(&self, cell: usize) -> Option<char> {
        (cell + 1..self.cells.len()).find_map(|i| self.char_at(i))
    }

    /// Empty pairs vanish, touching pairs of one style merge, bold goes outside italic.
    fn normalize(&mut self) {
        // Content cells (text or code) before each position.
        let mut content = Vec::with_capacity(self.cells.len() + 1);
        let mut n = 0usize;
        content.push(0);
        for c in &self.cells {
            if !matches!(c, Cell::Mark { .. }) {
                n += 1;
            }
            content.push(n);
        }
        let count = |a: usize, b: usize| {
            content.get(b).copied().unwrap_or(0) - content.get(a).copied().unwrap_or(0)
        };
        for p in &mut self.pairs {
            if p.kept && count(p.open, p.close) == 0 {
                p.kept = false;
            }
        }
        // `_*x*_` → `*_x_*`: swap the styles of an italic pair directly around a bold one.
        for a in 0..self.pairs.len() {
            let Some(pa) = self.pairs.get(a).copied() else {
                continue;
            };
            if !pa.kept || pa.style != Style::Italic {
                continue;
            }
            let inner_open = (pa.open + 1..pa.close).find(|&j| self.char_at(j).is_some());
            let Some(b) = inner_open.and_then(|j| self.pair_of(j)) else {
                continue;
            };
            let Some(pb) = self.pairs.get(b).copied() else {
                continue;
            };
            let tight_close = (pb.close + 1..pa.close).all(|j| self.char_at(j).is_none());
            if pb.kept && pb.style == Style::Bold && Some(pb.open) == inner_open && tight_close {
                if let Some(p) = self.pairs.get_mut(a) {
                    p.style = Style::Bold;
                }
                if let Some(p) = self.pairs.get_mut(b) {
                    p.style = Style::Italic;
                }
            }
        }
        // `Close(s) Open(s)` with nothing between: one span.
        let mut i = 0;
        while i < self.cells.len() {
            let Some(a) = self.pair_of(i).filter(|&a| self.kept(a)) else {
                i += 1;
                continue;
            };
            let Some(j) =
                (i + 1..self.cells.len()).find(|&j| self.pair_of(j).is_none_or(|p| self.kept(p)))
            else {
                break;
            };
            let (Some(pa), Some(b)) = (self.pairs.get(a).copied(), self.pair_of(j)) else {
                i += 1;
                continue;
            };
            let pb = self.pairs.get(b).copied();
            if let Some(pb) = pb
                && pa.close == i
                && pb.open == j
                && pa.style == pb.style
            {
                if let Some(p) = self.pairs.get_mut(a) {
                    p.close = pb.close;
                }
                if let Some(p) = self.pairs.get_mut(b) {
                    p.kept = false;
                }
                // `a` now closes where `b` closed; `a`'s old closer belongs to dropped `b`.
                if let Some(cell) = self.cells.get_mut(pb.close) {
                    *cell = Cell::Mark { pair: a };
                }
                if let Some(cell) = self.cells.get_mut(i) {
                    *cell = Cell::Mark { pair: b };
                }
            }
            i = j;
        }
    }

    /// Substance: a text or code character other than whitespace (a literal marker of the
    /// pair's own style counts: inside the pair it is always neutralised).
    fn substance(&self, p: &Pair) -> bool {
        (p.open + 1..p.close).any(|i| match self.cells.get(i) {
            Some(Cell::Text { ch, .. }) => !is_space(*ch),
            Some(Cell::Code { .. }) => true,
            _ => false,
        })
    }

    /// For each cell, the markers of the kept pairs around it.
    fn enclosing(&self) -> Vec<u8> {
        // Per style, +1 where a kept pair's content starts and -1 where it ends.
        let mut delta = vec![[0i32; 3]; self.cells.len() + 1];
        for p in self.pairs.iter().filter(|p| p.kept) {
            let k = p.style.index();
            if let Some(d) = delta.get_mut(p.open + 1).and_then(|d| d.get_mut(k)) {
                *d += 1;
            }
            if let Some(d) = delta.get_mut(p.close).and_then(|d| d.get_mut(k)) {
                *d -= 1;
            }
        }
        let styles = [Style::Bold, Style::Italic, Style::Strike];
        let mut depth = [0i32; 3];
        delta
            .iter()
            .take(self.cells.len())
            .map(|d| {
                let mut bits = 0;
                for ((depth, d), style) in depth.iter_mut().zip(d).zip(styles) {
                    *depth += d;
                    if *depth > 0 {
                        bits |= marker_bit(style.marker());
                    }
                }
                bits
            })
            .collect()
    }

    fn valid(&self, pair: usize) -> bool {
        let Some(p) = self.pairs.get(pair) else {
            return false;
        };
        let m = p.style.marker();
        // A literal marker right before an opener of its kind is always neutralised, so it
        // does not block the opener.
        let prev = self
            .before_cell(p.open)
            .and_then(|i| match self.cells.get(i) {
                Some(Cell::Text { ch, .. }) => Some(look_alike(*ch)),
                _ => self.char_at(i),
            });
        can_open(m, prev, self.after(p.open))
            && can_close(self.before(p.close), self.after(p.close))
    }

    /// Pairs with a delimiter in the run of delimiters around `cell`.
    fn neighbours(&self, cell: usize, out: &mut Vec<usize>) {
        let mut i = cell;
        while let Some(j) = i.checked_sub(1)
            && let Some(p) = self.pair_of(j)
        {
            out.push(p);
            i = j;
        }
        let mut i = cell + 1;
        while let Some(p) = self.pair_of(i) {
            out.push(p);
            i += 1;
        }
    }

    /// Drops pairs that would not render, until every kept pair renders.
    fn settle(&mut self) {
        for p in &mut self.pairs {
            if p.kept && p.open >= p.close {
                p.kept = false;
            }
        }
        let subst: Vec<bool> = self.pairs.iter().map(|p| self.substance(p)).collect();
        let mut work: Vec<usize> = (0..self.pairs.len()).rev().collect();
        let mut around = Vec::new();
        while let Some(a) = work.pop() {
            if !self.kept(a) || (subst.get(a).copied().unwrap_or(false) && self.valid(a)) {
                continue;
            }
            let Some(p) = self.pairs.get_mut(a) else {
                continue;
            };
            p.kept = false;
            let (open, close) = (p.open, p.close);
            around.clear();
            self.neighbours(open, &mut around);
            self.neighbours(close, &mut around);
            work.extend(around.iter().copied().filter(|&q| self.kept(q)));
        }
    }

    /// Picks how each code span is written, given its neighbours.
    fn choose_code(&mut self) {
        for i in 0..self.cells.len() {
            let Some(Cell::Code { id }) = self.cells.get(i).copied() else {
                continue;
            };
            // A literal backtick next to code is always neutralised, so it does not count.
            let near = |c: Option<char>| c.map(|c| if c == '`' { look_alike(c) } else { c });
            let prev = match self.cells.get(i.wrapping_sub(1)) {
                Some(Cell::Text { .. }) => near(self.before(i)),
                _ => self.before(i),
            };
            let next = match self.cells.get(i + 1) {
                Some(Cell::Text { .. }) => near(self.after(i)),
                _ => self.after(i),
            };
            let Some((content, raw, mono)) = self.codes.get(id) else {
                continue;
            };
            let rep = choose_rep(content, raw.as_deref(), *mono, prev, next);
            if let Some(r) = self.reps.get_mut(id) {
                *r = rep;
            }
        }
    }

    /// Marks text inside URLs WhatsApp links: nothing there is formatted, nothing changed.
    fn protect_links(&mut self) {
        for c in &mut self.cells {
            if let Cell::Text { exempt, .. } = c {
                *exempt = false;
            }
        }
        let mut text = String::new();
        let mut starts = Vec::with_capacity(self.cells.len());
        for i in 0..self.cells.len() {
            starts.push(text.len());
            match self.cells.get(i) {
                Some(Cell::Text { ch, .. }) => text.push(*ch),
                Some(Cell::Mark { pair }) if self.kept(*pair) => {
                    if let Some(p) = self.pairs.get(*pair) {
                        text.push(p.style.marker());
                    }
                }
                Some(Cell::Code { id }) => {
                    if let Some(rep) = self.reps.get(*id) {
                        write_rep(rep, &mut text);
                    }
                }
                _ => {}
            }
        }
        // The links WhatsApp would show (not those inside code, for instance).
        let mut links = Vec::new();
        let parsed = parse_with_options(&text, &inline_only());
        link_spans(parsed.children(), &mut links);
        let mut li = 0;
        for (i, start) in starts.iter().enumerate() {
            while links
                .get(li)
                .is_some_and(|l: &(usize, usize)| l.1 <= *start)
            {
                li += 1;
            }
            let inside = links.get(li).is_some_and(|l| l.0 <= *start && *start < l.1);
            if inside && let Some(Cell::Text { exempt, .. }) = self.cells.get_mut(i) {
                *exempt = true;
            }
        }
    }

    /// Replaces literal markers that could pair (or, with `all`, every literal marker
    /// outside links) by look-alikes.
    fn neutralise(&mut self, all: bool) {
        let n = self.cells.len();
        // closers_after[i]: markers with a possible closer after cell i.
        let mut closers_after = vec![0u8; n + 1];
        for i in (0..n).rev() {
            let mut bits = closers_after.get(i + 1).copied().unwrap_or(0);
            // A code span's two backticks are stood for by one cell: assume either may pair.
            if let Some(Cell::Code { .. }) = self.cells.get(i) {
                bits |= marker_bit('`');
            } else if let Some(c) = self.char_at(i)
                && marker_bit(c) != 0
                && can_close(self.before(i), self.after(i))
            {
                bits |= marker_bit(c);
            }
            if let Some(slot) = closers_after.get_mut(i) {
                *slot = bits;
            }
        }
        // Openers at least two cells back (a span needs content), and the one just before.
        let inside = self.enclosing();
        let mut openers_before = 0u8;
        let mut last_opener = 0u8;
        for i in 0..n {
            let ready = std::mem::take(&mut last_opener);
            let Some(c) = self.char_at(i) else {
                openers_before |= ready;
                continue;
            };
            let bit = marker_bit(c);
            let (prev, next) = (self.before(i), self.after(i));
            if bit != 0 {
                let opens = can_open(c, prev, next);
                // Three backticks in a row start a monospace block that may close lines
                // later; and code outranks links in WhatsApp, so a backtick inside a link can
                // still pair: backticks are never exempt.
                let fence = c == '`' && self.in_backtick_run(i);
                let next_pair = self.after_cell(i).and_then(|j| {
                    self.pair_of(j)
                        .filter(|&p| self.pairs.get(p).is_some_and(|q| q.kept && q.open == j))
                });
                if let Some(Cell::Text { ch, exempt }) = self.cells.get_mut(i)
                    && (!*exempt || c == '`')
                {
                    let later = closers_after.get(i + 2).copied().unwrap_or(0);
                    let danger = all
                        || fence
                        || self_opener_next(&self.pairs, next_pair, c)
                        || inside.get(i).is_some_and(|b| b & bit != 0)
                        || (opens && later & bit != 0)
                        || (can_close(prev, next) && openers_before & bit != 0)
                        || (c == '`' && (prev == Some('`') || next == Some('`')));
                    if danger {
                        *ch = look_alike(c);
                    }
                }
                // A neutralised opener still counts, so its partner is neutralised too and
                // the pair reads the same (`∗x∗`, not `∗x*`).
                if opens || matches!(self.cells.get(i), Some(Cell::Code { .. })) {
                    last_opener = bit;
                }
            }
            openers_before |= ready;
        }
    }

    /// Whether the literal backtick at `cell` is part of a run of three or more backticks
    /// (counting code delimiters next to it).
    fn in_backtick_run(&self, cell: usize) -> bool {
        // Dropped delimiters vanish from the output, so they do not break a run.
        let ticks = |range: &mut dyn Iterator<Item = usize>| {
            range
                .filter_map(|i| self.char_at(i))
                .take_while(|&c| c == '`')
                .count()
        };
        let left = ticks(&mut (0..cell).rev());
        let right = ticks(&mut (cell + 1..self.cells.len()));
        left + right + 1 >= 3
    }

    fn write(&self) -> String {
        let mut out = String::with_capacity(self.cells.len() + 8);
        for c in &self.cells {
            match c {
                Cell::Text { ch, .. } => out.push(*ch),
                Cell::Mark { pair } => {
                    if let Some(p) = self.pairs.get(*pair).filter(|p| p.kept) {
                        out.push(p.style.marker());
                    }
                }
                Cell::Code { id } => {
                    if let Some(rep) = self.reps.get(*id) {
                        write_rep(rep, &mut out);
                    }
                }
            }
        }
        out
    }

    /// The formatting we meant, as tokens.
    fn intended(&self) -> Vec<Tok> {
        let mut toks = Vec::new();
        for (i, c) in self.cells.iter().enumerate() {
            match c {
                Cell::Text { ch, .. } => push_text(&mut toks, ch.encode_utf8(&mut [0; 4])),
                Cell::Mark { pair } => {
                    if let Some(p) = self.pairs.get(*pair).filter(|p| p.kept) {
                        toks.push(if i == p.open {
                            Tok::Open(p.style)
                        } else {
                            Tok::Close(p.style)
                        });
                    }
                }
                Cell::Code { id } => match self.reps.get(*id) {
                    Some(Rep::Inline(v)) => toks.push(Tok::Code(v.clone())),
                    Some(Rep::Mono(v)) => toks.push(Tok::Mono(v.clone())),
                    Some(Rep::Plain(v)) => push_text(&mut toks, v),
                    None => {}
                },
            }
        }
        toks
    }

    /// Whether `out` parses back into exactly the intended formatting.
    fn verify(&self, out: &str) -> bool {
        let root = parse_with_options(out, &inline_only());
        let mut got = Vec::new();
        tokens(root.children(), &mut got);
        got == self.intended()
    }
}

/// Whether `next`, the pair opening right after a literal `c`, is of `c`'s kind.
fn self_opener_next(pairs: &[Pair], next: Option<usize>, c: char) -> bool {
    next.and_then(|p| pairs.get(p))
        .is_some_and(|p| p.style.marker() == c)
}

/// Parser options for one line of inline content (its line prefix is not part of it).
fn inline_only() -> Options {
    Options {
        lists: false,
        quotes: false,
        ..Options::default()
    }
}

/// The byte ranges of link nodes.
fn link_spans(nodes: Children<'_>, out: &mut Vec<(usize, usize)>) {
    for n in nodes {
        if let Node::Link(l) = n {
            out.push((l.span.start, l.span.end));
        }
        link_spans(n.children(), out);
    }
}

/// Formatting as a flat token list, for comparing what we meant with what parses.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Text(String),
    Open(Style),
    Close(Style),
    Code(String),
    Mono(String),
}

fn push_text(toks: &mut Vec<Tok>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Tok::Text(t)) = toks.last_mut() {
        t.push_str(s);
    } else {
        toks.push(Tok::Text(s.to_string()));
    }
}

fn tokens(nodes: Children<'_>, out: &mut Vec<Tok>) {
    for n in nodes {
        let style = match n {
            Node::Bold(_) => Some(Style::Bold),
            Node::Italic(_) => Some(Style::Italic),
            Node::Strike(_) => Some(Style::Strike),
            _ => None,
        };
        match n {
            Node::Text(t) => push_text(out, t.value),
            Node::Break(_) => push_text(out, "\n"),
            Node::Code(c) => out.push(Tok::Code(c.value.to_string())),
            Node::Mono(m) => out.push(Tok::Mono(m.value.to_string())),
            _ => {
                if let Some(s) = style {
                    out.push(Tok::Open(s));
                }
                tokens(n.children(), out);
                if let Some(s) = style {
                    out.push(Tok::Close(s));
                }
            }
        }
    }
}

fn write_rep(rep: &Rep, out: &mut String) {
    match rep {
        Rep::Inline(c) => {
            out.push('`');
            out.push_str(c);
            out.push('`');
        }
        Rep::Mono(c) => {
            out.push_str("```");
            out.push_str(c);
            out.push_str("```");
        }
        Rep::Plain(c) => out.push_str(c),
    }
}

/// Whether `content` renders as `` `content` `` between `prev` and `next`.
fn inline_ok(content: &str, prev: Option<char>, next: Option<char>) -> bool {
    let chars: Vec<char> = content.chars().collect();
    let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else {
        return false;
    };
    // A backtick inside that WhatsApp would take as the closer (the last one is followed by
    // the closing backtick itself).
    let early_close = chars.iter().enumerate().skip(1).any(|(j, &c)| {
        let next = chars.get(j + 1).copied().unwrap_or('`');
        c == '`' && chars.get(j - 1).is_some_and(|&p| !is_space(p)) && !is_word(next)
    });
    prev.is_none_or(|c| !is_word(c) && c != '`')
        && next.is_none_or(|c| !is_word(c))
        && !content.contains("```")
        && !is_space(first)
        && !is_space(last)
        && chars.iter().any(|&c| c != '`' && !is_space(c))
        && !early_close
}

/// Whether `content` renders as ```` ```content``` ```` (no boundary rules apply).
pub(crate) fn mono_ok(content: &str) -> bool {
    content.chars().any(|c| !is_space(c)) && !content.contains("```") && !content.ends_with('`')
}

/// Breaks every backtick run inside code with zero-width spaces so that no ```` ``` ````
/// forms and the content does not end with a backtick.
pub(crate) fn break_fences(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 8);
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '`' && chars.peek().is_none_or(|&n| n == '`') {
            out.push('\u{200b}');
        }
    }
    out
}

fn choose_rep(
    content: &str,
    raw: Option<&str>,
    mono: bool,
    prev: Option<char>,
    next: Option<char>,
) -> Rep {
    if let Some(raw) = raw.filter(|r| mono_ok(r)) {
        return Rep::Mono(raw.to_string());
    }
    if !mono && inline_ok(content, prev, next) {
        return Rep::Inline(content.to_string());
    }
    if mono_ok(content) {
        return Rep::Mono(content.to_string());
    }
    if content.chars().any(|c| !is_space(c)) {
        return Rep::Mono(break_fences(content));
    }
    Rep::Plain(content.to_string())
}
