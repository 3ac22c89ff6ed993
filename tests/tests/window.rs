//! The customer-care window and billing preview: one case per file in tests/cases/window/,
//! each `{message, template?, facts: {last_inbound?, now, free_entry_point_until?}, api?}`.

use serde_json::{Value, json};
use wamsg::window::{Facts, assess};
use wamsg::{Api, Options};

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[test]
fn window_cases() {
    wamsg_conformance::run_all("window", &["json"], |path, text| {
        let case: Value =
            serde_json::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let facts = &case["facts"];
        let facts = Facts {
            last_inbound: facts["last_inbound"].as_i64(),
            now: facts["now"].as_i64().expect("facts.now"),
            free_entry_point_until: facts["free_entry_point_until"].as_i64(),
        };
        let api = if case["api"] == "on-prem" {
            Api::OnPrem
        } else {
            Api::Cloud
        };
        let opts = Options {
            api,
            ..Options::default()
        };
        let message = text_of(&case["message"]);
        let template = case.get("template").map(text_of);
        let a = assess(&message, template.as_deref(), &facts, &opts);
        let mut out = serde_json::to_value(&a).unwrap();
        if let Some(b) = out.get_mut("billing").and_then(Value::as_object_mut) {
            b.remove("explanation");
        }
        let diags: Vec<Value> = a
            .diagnostics
            .iter()
            .map(|d| json!({"severity": d.severity.as_str(), "code": d.code.as_str(), "path": d.path.to_string(), "line": d.line, "column": d.column, "metaError": d.meta_error}))
            .collect();
        out["diagnostics"] = Value::Array(diags);
        out
    });
}

mod properties {
    use proptest::prelude::*;
    use wamsg::Options;
    use wamsg::window::{Facts, assess};

    const TEXT: &str =
        r#"{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"hi"}}"#;
    const TEMPLATE: &str = r#"{"messaging_product":"whatsapp","to":"1","type":"template","template":{"name":"t","language":{"code":"en"}}}"#;
    const UTILITY: &str = r#"{"name":"t","language":"en","category":"UTILITY","components":[]}"#;

    proptest! {
        #[test]
        fn free_form_is_sendable_exactly_inside_the_window(last in -10_000_000_000i64..10_000_000_000, age in -200_000i64..200_000) {
            let now = last.saturating_add(age);
            let a = assess(TEXT, None, &Facts { last_inbound: Some(last), now, free_entry_point_until: None }, &Options::default());
            prop_assert_eq!(a.sendable, age < 86_400);
            prop_assert_eq!(a.window.open, age < 86_400);
            prop_assert_eq!(a.diagnostics.iter().any(|d| d.code.as_str() == "window.clock_skew"), age < 0);
        }

        #[test]
        fn templates_are_always_sendable_and_utility_is_free_only_inside(last in proptest::option::of(1_751_328_000i64..1_900_000_000), age in 0i64..400_000) {
            let now = last.unwrap_or(1_800_000_000) + age;
            let a = assess(TEMPLATE, Some(UTILITY), &Facts { last_inbound: last, now, free_entry_point_until: None }, &Options::default());
            prop_assert!(a.sendable);
            let billable = a.billing.as_ref().map(|b| b.billable);
            prop_assert_eq!(billable, Some(!(last.is_some() && age < 86_400)));
        }
    }
}
