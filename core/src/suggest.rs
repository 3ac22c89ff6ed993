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
        let score = strsim::jaro_winkler(&lower, c);
        let distance = strsim::damerau_levenshtein(&lower, c);
        let close = distance <= 2 || score >= 0.88;
        if close && best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
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
    }
}
