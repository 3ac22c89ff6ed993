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
    let ascii = lower.is_ascii();
    // The input's character counts, once, for the pre-filter of every candidate.
    let counts = ascii_counts(&lower);
    let mut best: Option<(&'c str, f64)> = None;
    for &c in candidates {
        if !may_be_close(&lower, &counts, c) {
            continue;
        }
        let score = if ascii && c.is_ascii() {
            jaro_winkler_ascii(lower.as_bytes(), c.as_bytes())
        } else {
            None
        }
        .unwrap_or_else(|| strsim::jaro_winkler(&lower, c));
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

/// `strsim::jaro_winkler` for ASCII strings of at most 64 bytes, bit for bit (same matching
/// window, same transposition count, same floating-point expression); `None` for longer
/// input. Written out because strsim's version decodes characters, allocates its match
/// flags and rescans the second string from its start for every character of the first,
/// which made the metric most of the all-errors path; here the flags are two words and each
/// character looks only inside its window.
fn jaro_winkler_ascii(a: &[u8], b: &[u8]) -> Option<f64> {
    let (la, lb) = (a.len(), b.len());
    if la > 64 || lb > 64 {
        return None;
    }
    if la == 0 || lb == 0 {
        return Some(if la == lb { 1.0 } else { 0.0 });
    }
    let range = (la.max(lb) / 2).saturating_sub(1);
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, &x) in a.iter().enumerate() {
        // The first unmatched equal character of `b` within the window around `i`.
        let lo = i.saturating_sub(range);
        let window = b.get(lo..lb.min(i + range + 1)).unwrap_or_default();
        if let Some(k) = window
            .iter()
            .enumerate()
            .position(|(k, &y)| y == x && b_flags & (1 << (lo + k)) == 0)
        {
            a_flags |= 1 << i;
            b_flags |= 1 << (lo + k);
            matches += 1;
        }
    }
    if matches == 0 {
        return Some(0.0);
    }
    // Matched characters of `a` and of `b`, in order, paired up: mismatches are
    // transpositions (counted twice).
    let b_matched = b
        .iter()
        .enumerate()
        .filter(|&(j, _)| b_flags & (1 << j) != 0);
    let transpositions = a
        .iter()
        .enumerate()
        .filter(|&(i, _)| a_flags & (1 << i) != 0)
        .zip(b_matched)
        .filter(|((_, x), (_, y))| x != y)
        .count()
        / 2;
    #[allow(clippy::cast_precision_loss)]
    let jaro = ((matches as f64 / la as f64)
        + (matches as f64 / lb as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0;
    if jaro <= 0.7 {
        return Some(jaro);
    }
    let prefix = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
    #[allow(clippy::cast_precision_loss)]
    Some(jaro + 0.1 * prefix as f64 * (1.0 - jaro))
}

/// A cheap, sound pre-filter for [`did_you_mean`]: false only when `c` can be neither within
/// edit distance 2 of `a` nor Jaro–Winkler-similar (≥ 0.88). The string metrics cost a few
/// thousand instructions per pair, and a report with many unknown fields asks for them
/// against every candidate; bounds from the shared characters cut that to the few near ones.
/// How often each ASCII byte occurs in `s` (at most 255 bytes; `did_you_mean` stops at 64).
fn ascii_counts(s: &str) -> [u8; 128] {
    let mut counts = [0u8; 128];
    for b in s.bytes() {
        if let Some(n) = counts.get_mut(usize::from(b)) {
            *n = n.saturating_add(1);
        }
    }
    counts
}

/// `a_counts` holds [`ascii_counts`] of `a`.
fn may_be_close(a: &str, a_counts: &[u8; 128], c: &str) -> bool {
    if !a.is_ascii() || !c.is_ascii() || a.is_empty() || c.is_empty() {
        return true;
    }
    // Lengths alone, before counting: at most min(|a|, |c|) characters are shared.
    if a.len().abs_diff(c.len()) > 2 && !jaro_bound_reaches(a.len().min(c.len()), a, c) {
        return false;
    }
    let mut counts = *a_counts;
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
    jaro_bound_reaches(common, a, c)
}

/// Whether `common` shared characters could make `a` and `c` Jaro–Winkler-similar: Jaro
/// matches are shared characters, so Jaro ≤ (m/|a| + m/|c| + 1) / 3, and the Winkler bonus
/// adds 0.1 · p · (1 − Jaro) for their common prefix of p ≤ 4 characters (known exactly, and
/// zero for most pairs). The bound grows with Jaro; a hair of slack covers rounding.
fn jaro_bound_reaches(common: usize, a: &str, c: &str) -> bool {
    let prefix = a
        .bytes()
        .take(4)
        .zip(c.bytes())
        .take_while(|(x, y)| x == y)
        .count();
    #[allow(clippy::cast_precision_loss)]
    let (m, la, lc, p) = (common as f64, a.len() as f64, c.len() as f64, prefix as f64);
    let jaro = (m / la + m / lc + 1.0) / 3.0;
    jaro + 0.1 * p * (1.0 - jaro) >= 0.88 - 1e-9
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

    proptest::proptest! {
        #[test]
        fn jaro_winkler_ascii_is_strsims(a in "[a-e_]{0,20}", b in "[a-e_]{0,20}", c in "[ -~]{0,64}") {
            for (x, y) in [(&a, &b), (&a, &c), (&c, &b)] {
                let ours = jaro_winkler_ascii(x.as_bytes(), y.as_bytes());
                let jw = strsim::jaro_winkler(x, y);
                proptest::prop_assert_eq!(ours.map(f64::to_bits), Some(jw.to_bits()));
                // The pre-filter never drops a pair that is close by either measure.
                let close = jw >= 0.88 || strsim::osa_distance(x, y) <= 2;
                proptest::prop_assert!(!close || may_be_close(x, &ascii_counts(x), y));
            }
        }
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
            "messaging_prod",
            "messaging_product_id",
            "recipient_type_x",
            "parameters_list",
            "interactive_message",
            "head",
        ];
        for i in inputs {
            let lower = i.to_ascii_lowercase();
            for c in words {
                let jw = strsim::jaro_winkler(&lower, c);
                let close = strsim::osa_distance(&lower, c) <= 2 || jw >= 0.88;
                assert!(
                    !close || may_be_close(&lower, &ascii_counts(&lower), c),
                    "{i} / {c}"
                );
                // The byte-wise score used for ASCII is strsim's, bit for bit.
                let ours = jaro_winkler_ascii(lower.as_bytes(), c.as_bytes()).unwrap();
                assert!(ours.to_bits() == jw.to_bits(), "{i} / {c}");
            }
        }
    }
}
