//! "Did you mean …?" for unknown field names and enum values.

/// The closest candidate to `input`, if one is close enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'c>(input: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // Case-only differences are the most common slip (`Type`, `TEXT`).
    if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(input)) {
        return Some(c);
    }
    // Bound the work: field names are short; a megabyte key gets no suggestion.
    if input.len() > 64 {
        return None;
    }
    let lower = input.to_ascii_lowercase();
    let mut best: Option<(&'c str, f64)> = None;
    for &c in candidates {
        if !may_be_close(&lower, c) {
            continue;
        }
        let score = strsim::jaro_winkler(&lower, c);
        // The edit distance is at least the length difference: skip it when that is over 2.
        let close = score >= 0.88
            || ((!lower.is_ascii() || !c.is_ascii() || lower.len().abs_diff(c.len()) <= 2)
                && strsim::osa_distance(&lower, c) <= 2);
        if close && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// A cheap, sound pre-filter for [`did_you_mean`]: false only when `c` can be neither within
/// edit distance 2 of `a` nor Jaro–Winkler-similar (≥ 0.88). The string metrics cost a few
/// thousand instructions per pair, and a report with many unknown fields asks for them
/// against every candidate; bounds from the shared characters cut that to the few near ones.
fn may_be_close(a: &str, c: &str) -> bool {
    if !a.is_ascii() || !c.is_ascii() || a.is_empty() || c.is_empty() {
        return true;
    }
    let mut counts = [0u16; 128];
    for b in a.bytes() {
        if let Some(n) = counts.get_mut(usize::from(b)) {
            *n += 1;
        }
    }
    let mut common = 0usize;
    for b in c.bytes() {
        if let Some(n) = counts.get_mut(usize::from(b))
            && *n > 0
        {
            *n -= 1;
            common += 1;
        }
    }
    // Every edit fixes at most one unshared character: distance ≥ max length − shared.
    if a.len().max(c.len()) - common <= 2 {
        return true;
    }
    // Jaro matches are shared characters, so Jaro ≤ (m/|a| + m/|b| + 1) / 3, and the
    // Winkler prefix bonus adds at most 0.4 · (1 − Jaro).
    #[allow(clippy::cast_precision_loss)]
    let (m, la, lc) = (common as f64, a.len() as f64, c.len() as f64);
    let jaro = (m / la + m / lc + 1.0) / 3.0;
    jaro + 0.4 * (1.0 - jaro) >= 0.88
}

/// `" (did you mean \"x\"?)"` or `""`.
#[must_use]
pub fn hint(input: &str, candidates: &[&str]) -> String {
    did_you_mean(input, candidates).map_or_else(String::new, |c| format!("; did you mean \"{c}\"?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_case_and_nothing() {
        let fields = ["messaging_product", "recipient_type", "to", "type", "text"];
        assert_eq!(
            did_you_mean("messaging_prodcut", &fields),
            Some("messaging_product")
        );
        assert_eq!(did_you_mean("Type", &fields), Some("type"));
        assert_eq!(did_you_mean("txt", &fields), Some("text"));
        assert_eq!(did_you_mean("banana_split", &fields), None);
        assert_eq!(did_you_mean(&"x".repeat(1000), &fields), None);
        assert_eq!(hint("tpye", &fields), "; did you mean \"type\"?");
        assert_eq!(
            did_you_mean("recipeint_type", &fields),
            Some("recipient_type")
        );
    }

    #[test]
    fn the_prefilter_never_drops_a_suggestion() {
        let words = [
            "messaging_product",
            "recipient_type",
            "to",
            "type",
            "text",
            "body",
            "preview_url",
            "image",
            "link",
            "caption",
            "filename",
            "latitude",
            "interactive",
            "header",
            "footer",
            "action",
            "buttons",
            "sections",
            "rows",
            "template",
            "language",
            "code",
            "policy",
            "components",
            "parameters",
            "sub_type",
            "index",
            "x",
            "ab",
            "recipient",
        ];
        let inputs = [
            "tpye",
            "txt",
            "bdy",
            "langauge",
            "compnents",
            "paramters",
            "recipeint",
            "imgae",
            "secitons",
            "lnk",
            "capton",
            "to_",
            "t",
            "xy",
            "headr",
            "messaging",
            "subtype",
            "indx",
            "polcy",
            "prevew_url",
            "banana",
            "zzzzzzzzzz",
            "a",
            "",
        ];
        for i in inputs {
            let lower = i.to_ascii_lowercase();
            for c in words {
                let close =
                    strsim::osa_distance(&lower, c) <= 2 || strsim::jaro_winkler(&lower, c) >= 0.88;
                assert!(!close || may_be_close(&lower, c), "{i} / {c}");
            }
        }
    }
}
