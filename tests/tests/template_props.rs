//! Property tests for placeholders, hydration and the send check.

use proptest::prelude::*;
use serde_json::json;
use wamsg::Options;
use wamsg::template::placeholder::{Scan, Token, lex};
use wamsg::template::{RenderOptions, check_send, render};

/// Text biased towards placeholder syntax, valid and broken.
fn placeholderish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{{".to_string()),
            Just("}}".to_string()),
            Just("<<".to_string()),
            Just(">>".to_string()),
            Just("{".to_string()),
            Just(">".to_string()),
            "[a-z0-9_ -]{0,4}",
            "\\PC{0,3}",
        ],
        0..24,
    )
    .prop_map(|v| v.concat())
}

/// A body with `n` positional variables (each used at least once, in a shuffled order) and
/// words between them, so it passes the definition's own rules.
fn body_with(n: usize, order: &[usize], named: bool) -> String {
    let mut s = String::from("Hello");
    for &i in order {
        let key = if named {
            format!("v_{}", letter(i))
        } else {
            (i + 1).to_string()
        };
        s.push_str(&format!(" dear {{{{{key}}}}} and"));
    }
    s.push_str(" goodbye.");
    let _ = n;
    s
}

fn letter(i: usize) -> char {
    char::from(b'a' + u8::try_from(i % 26).unwrap())
}

fn definition(body: &str, n: usize, named: bool) -> String {
    let example = if named {
        json!({"body_text_named_params": (0..n).map(|i| json!({"param_name": format!("v_{}", letter(i)), "example": "x"})).collect::<Vec<_>>()})
    } else {
        json!({"body_text": [(0..n).map(|_| "x").collect::<Vec<_>>()]})
    };
    json!({
        "name": "prop_case", "language": "en_US", "category": "UTILITY",
        "parameter_format": if named { "named" } else { "positional" },
        "components": [{"type": "BODY", "text": body, "example": example}]
    })
    .to_string()
}

fn message(values: &[String], named: bool) -> String {
    let params: Vec<_> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            if named {
                json!({"type": "text", "text": v, "parameter_name": format!("v_{}", letter(i))})
            } else {
                json!({"type": "text", "text": v})
            }
        })
        .collect();
    json!({
        "messaging_product": "whatsapp", "to": "15551234567", "type": "template",
        "template": {"name": "prop_case", "language": {"code": "en_US"},
                     "components": [{"type": "body", "parameters": params}]}
    })
    .to_string()
}

fn order_for(n: usize, seed: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for (i, s) in seed.iter().enumerate().take(n) {
        order.swap(i, s % n);
    }
    // Some variables used twice.
    order.extend(seed.iter().take(2).map(|s| s % n));
    order
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn lexing_never_panics_and_tiles_the_text(text in prop_oneof![placeholderish(), any::<String>()]) {
        let mut at = 0;
        for t in lex(&text) {
            let r = t.span();
            prop_assert_eq!(r.start, at);
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            if let Token::Malformed(m) = &t {
                prop_assert!(m.span.end <= text.len());
            }
            at = r.end;
        }
        prop_assert_eq!(at, text.len());
        let scan = Scan::of(&text);
        for p in &scan.placeholders {
            prop_assert!(p.span.end <= text.len());
        }
    }

    #[test]
    fn hydrating_with_matching_parameters_leaves_no_placeholder(
        n in 1usize..9,
        seed in prop::collection::vec(0usize..100, 9),
        named in any::<bool>(),
        // No runs of more than four spaces: the platform rejects those (132018).
        values in prop::collection::vec("[A-Za-z0-9]([ .,-]?[A-Za-z0-9]){0,6}", 9),
    ) {
        let body = body_with(n, &order_for(n, &seed), named);
        let def = definition(&body, n, named);
        prop_assert!(wamsg::validate_template(&def).valid, "{def}");
        let msg = message(&values[..n], named);
        let preview = render(&msg, &RenderOptions { template: Some(def.clone()), ..RenderOptions::default() });
        let text = preview.body.as_ref().map(|b| b.text.clone()).unwrap_or_default();
        prop_assert!(Scan::of(&text).placeholders.is_empty(), "{text}");
        prop_assert!(!text.contains("{{"), "{text}");
        prop_assert!(preview.valid(), "{:?}", preview.diagnostics);
        prop_assert!(check_send(&msg, &def, &Options::default()).valid);
    }

    #[test]
    fn a_count_mismatch_is_always_reported(
        n in 1usize..9,
        k in 0usize..12,
        seed in prop::collection::vec(0usize..100, 9),
        named in any::<bool>(),
    ) {
        prop_assume!(k != n);
        let body = body_with(n, &order_for(n, &seed), named);
        let def = definition(&body, n, named);
        let values: Vec<String> = (0..k).map(|i| format!("value{i}")).collect();
        let report = check_send(&message(&values, named), &def, &Options::default());
        prop_assert!(!report.valid);
        prop_assert!(report.diagnostics.iter().any(|d| d.meta_error == Some(132_000)), "{:?}", report.diagnostics);
    }
}
