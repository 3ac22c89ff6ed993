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

/// A typical business message, sparser in formatting than [`realistic`]: the body texts of
/// published template examples, placeholders filled in, joined into one message with a bold
/// name, a bold code, a link and an emoji; repeated up to `len` bytes. Sources (shared
/// corpus, `corpus/`): `meta-openapi-v23/template_definitions_create/`
/// `create_template_w_document_header_text_body_a_phone_number_button_and_a_url_button.json`
/// (order receipt), `…/create_multi_product_message_template.json` (cart),
/// `…/create_template_w_location_header_text_body_text_footer_and_a_website_buttons.json`
/// (on its way), `pywa/templates/buttons.json` (sale) and `pywa/templates/carousel.json`
/// (the two product descriptions).
pub fn typical(len: usize) -> String {
    const BLOCK: &str = "Hi *Maria*, thank you for your order! Your order number is 48213. \
        Tap the PDF linked above to view your receipt. If you have any questions, please use \
        the buttons below to contact support. Thank you for being a customer!\n\
        Looks like you left some items in your cart! Use code *SAVE10* and you can get 10% \
        off of all of them. Shop now through November and use code FALL25 to get 25% off of \
        all merchandise!\n\
        The Echeveria 'Black Prince' is a stunning succulent, with near-black leaves, adorned \
        with a hint of green around the edges, giving it its striking appearance. Add a touch \
        of elegance to your collection with the beautiful Aloe 'Blue Elf' succulent. Its deep \
        blue-green leaves have a hint of pink around the edges.\n\
        Good news, Maria! Your order #48213 is on its way to the location above. Track it at \
        https://shop.example.com/track/48213 and see you soon 🌵\n\n";
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
