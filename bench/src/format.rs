//! Inputs of the formatting benchmarks: a realistic message and adversarial texts of any
//! size, generated deterministically so every run measures the same bytes.

/// A business message as people write them: greeting, bold headings, a list, a link, a
/// code, a quote, emoji; repeated up to `len` bytes (cut at a character boundary).
pub fn realistic(len: usize) -> String {
    const BLOCK: &str = "Hello *Maria* 👋,\n\
        thank you for your order *#48213* placed on 12.05.2026. Here is a summary of what \
        happens next, so you know what to expect over the coming days.\n\
        *What you ordered*\n\
        - 2 × _Organic coffee beans_ (1 kg)\n\
        - 1 × Ceramic pour-over set ~was 39,90 €~ now 29,90 €\n\
        - 1 × Gift card, code `GIFT-7HQ2-PL`\n\
        *Delivery*\n\
        1. We pack your parcel within 24 hours.\n\
        2. The carrier picks it up the next working day.\n\
        3. You receive a tracking link by e-mail and here.\n\
        Track it any time at https://shop.example.com/orders/48213?ref=wa_msg or reply to this \
        message. Opening hours: Mon–Fri 9:00–18:00, Sat 10:00–14:00.\n\
        > Tip: brew at 93 °C for the best flavour.\n\
        Questions about returns? See www.example.com/returns_policy. We are happy to help! ☕\n\n";
    let mut s = String::with_capacity(len + BLOCK.len());
    while s.len() < len {
        s.push_str(BLOCK);
    }
    cut(s, len)
}

fn cut(mut s: String, len: usize) -> String {
    let mut at = len.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    s.truncate(at);
    s
}

/// A repeating pattern up to `len` bytes.
pub fn repeat(pattern: &str, len: usize) -> String {
    cut(pattern.repeat(len / pattern.len() + 1), len)
}

/// Markers and letters drawn from a fixed-seed generator: every mix of `*_~` and backticks.
pub fn mixed(len: usize) -> String {
    const ALPHABET: &[u8] = b"*_~`*_~` ab\n";
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(ALPHABET[(x % ALPHABET.len() as u64) as usize])
        })
        .collect()
}

/// Makes an input of about the given size.
pub type Maker = fn(usize) -> String;

pub fn adversarial() -> Vec<(&'static str, Maker)> {
    vec![
        ("plain", |n| {
            repeat("the quick brown fox jumps over the lazy dog ", n)
        }),
        // Openers that never close: every marker is pending until the end of the line.
        ("unmatched", |n| repeat("*a _b ~c `d ", n)),
        // Openers with no line end: one line of a mebibyte of openers.
        ("unmatched_one_line", |n| repeat("*x ", n)),
        ("marker_runs", |n| repeat("*", n)),
        ("mixed_markers", mixed),
        ("fences", |n| repeat("``` a ``", n)),
        ("list_lines", |n| {
            repeat("* item *b*\n1. _x_\n> q ~s~\n- y\n", n)
        }),
        ("urls", |n| {
            repeat("see https://ex.com/a_b_c?d=(e)_f. and www.x.org/*y* ", n)
        }),
    ]
}
