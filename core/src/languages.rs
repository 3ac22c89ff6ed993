//! The template language codes Meta supports.
//!
//! Source: Meta's "Supported Languages" page
//! (developers.facebook.com/documentation/business-messaging/whatsapp/templates/supported-languages,
//! updated 2026-05-21): 111 codes, in the page's order. Codes are case-sensitive and use `_`
//! (`zh_CN`, not `zh-CN`). Older lists (71 codes, On-Premises era) are a subset.

/// One supported language: Meta's code and English name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// The code sent as `language.code` / `language`, e.g. `en_US`.
    pub code: &'static str,
    /// The English name on Meta's page.
    pub name: &'static str,
}

/// The 111 codes of Meta's current list, in the page's order.
pub const SUPPORTED: &[Language] = &[
    Language {
        code: "af",
        name: "Afrikaans",
    },
    Language {
        code: "sq",
        name: "Albanian",
    },
    Language {
        code: "ar",
        name: "Arabic",
    },
    Language {
        code: "ar_EG",
        name: "Arabic (EGY)",
    },
    Language {
        code: "ar_AE",
        name: "Arabic (UAE)",
    },
    Language {
        code: "ar_LB",
        name: "Arabic (LBN)",
    },
    Language {
        code: "ar_MA",
        name: "Arabic (MAR)",
    },
    Language {
        code: "ar_QA",
        name: "Arabic (QAT)",
    },
    Language {
        code: "az",
        name: "Azerbaijani",
    },
    Language {
        code: "be_BY",
        name: "Belarusian",
    },
    Language {
        code: "bn",
        name: "Bengali",
    },
    Language {
        code: "bn_IN",
        name: "Bengali (IND)",
    },
    Language {
        code: "bg",
        name: "Bulgarian",
    },
    Language {
        code: "ca",
        name: "Catalan",
    },
    Language {
        code: "zh_CN",
        name: "Chinese (CHN)",
    },
    Language {
        code: "zh_HK",
        name: "Chinese (HKG)",
    },
    Language {
        code: "zh_TW",
        name: "Chinese (TAI)",
    },
    Language {
        code: "hr",
        name: "Croatian",
    },
    Language {
        code: "cs",
        name: "Czech",
    },
    Language {
        code: "da",
        name: "Danish",
    },
    Language {
        code: "prs_AF",
        name: "Dari",
    },
    Language {
        code: "nl",
        name: "Dutch",
    },
    Language {
        code: "nl_BE",
        name: "Dutch (BEL)",
    },
    Language {
        code: "en",
        name: "English",
    },
    Language {
        code: "en_GB",
        name: "English (UK)",
    },
    Language {
        code: "en_US",
        name: "English (US)",
    },
    Language {
        code: "en_AE",
        name: "English (UAE)",
    },
    Language {
        code: "en_AU",
        name: "English (AUS)",
    },
    Language {
        code: "en_CA",
        name: "English (CAN)",
    },
    Language {
        code: "en_GH",
        name: "English (GHA)",
    },
    Language {
        code: "en_IE",
        name: "English (IRL)",
    },
    Language {
        code: "en_IN",
        name: "English (IND)",
    },
    Language {
        code: "en_JM",
        name: "English (JAM)",
    },
    Language {
        code: "en_MY",
        name: "English (MYS)",
    },
    Language {
        code: "en_NZ",
        name: "English (NZL)",
    },
    Language {
        code: "en_QA",
        name: "English (QAT)",
    },
    Language {
        code: "en_SG",
        name: "English (SGP)",
    },
    Language {
        code: "en_UG",
        name: "English (UGA)",
    },
    Language {
        code: "en_ZA",
        name: "English (ZAF)",
    },
    Language {
        code: "et",
        name: "Estonian",
    },
    Language {
        code: "fil",
        name: "Filipino",
    },
    Language {
        code: "fi",
        name: "Finnish",
    },
    Language {
        code: "fr",
        name: "French",
    },
    Language {
        code: "fr_BE",
        name: "French (BEL)",
    },
    Language {
        code: "fr_CA",
        name: "French (CAN)",
    },
    Language {
        code: "fr_CH",
        name: "French (CHE)",
    },
    Language {
        code: "fr_CI",
        name: "French (CIV)",
    },
    Language {
        code: "fr_MA",
        name: "French (MAR)",
    },
    Language {
        code: "ka",
        name: "Georgian",
    },
    Language {
        code: "de",
        name: "German",
    },
    Language {
        code: "de_AT",
        name: "German (AUT)",
    },
    Language {
        code: "de_CH",
        name: "German (CHE)",
    },
    Language {
        code: "el",
        name: "Greek",
    },
    Language {
        code: "gu",
        name: "Gujarati",
    },
    Language {
        code: "ha",
        name: "Hausa",
    },
    Language {
        code: "he",
        name: "Hebrew",
    },
    Language {
        code: "hi",
        name: "Hindi",
    },
    Language {
        code: "hu",
        name: "Hungarian",
    },
    Language {
        code: "id",
        name: "Indonesian",
    },
    Language {
        code: "ga",
        name: "Irish",
    },
    Language {
        code: "it",
        name: "Italian",
    },
    Language {
        code: "ja",
        name: "Japanese",
    },
    Language {
        code: "kn",
        name: "Kannada",
    },
    Language {
        code: "kk",
        name: "Kazakh",
    },
    Language {
        code: "rw_RW",
        name: "Kinyarwanda",
    },
    Language {
        code: "ko",
        name: "Korean",
    },
    Language {
        code: "ky_KG",
        name: "Kyrgyz (Kyrgyzstan)",
    },
    Language {
        code: "lo",
        name: "Lao",
    },
    Language {
        code: "lv",
        name: "Latvian",
    },
    Language {
        code: "lt",
        name: "Lithuanian",
    },
    Language {
        code: "mk",
        name: "Macedonian",
    },
    Language {
        code: "ms",
        name: "Malay",
    },
    Language {
        code: "ml",
        name: "Malayalam",
    },
    Language {
        code: "mr",
        name: "Marathi",
    },
    Language {
        code: "nb",
        name: "Norwegian",
    },
    Language {
        code: "ps_AF",
        name: "Pashto",
    },
    Language {
        code: "fa",
        name: "Persian",
    },
    Language {
        code: "pl",
        name: "Polish",
    },
    Language {
        code: "pt_BR",
        name: "Portuguese (BR)",
    },
    Language {
        code: "pt_PT",
        name: "Portuguese (POR)",
    },
    Language {
        code: "pa",
        name: "Punjabi",
    },
    Language {
        code: "ro",
        name: "Romanian",
    },
    Language {
        code: "ru",
        name: "Russian",
    },
    Language {
        code: "sr",
        name: "Serbian",
    },
    Language {
        code: "si_LK",
        name: "Sinhala",
    },
    Language {
        code: "sk",
        name: "Slovak",
    },
    Language {
        code: "sl",
        name: "Slovenian",
    },
    Language {
        code: "es",
        name: "Spanish",
    },
    Language {
        code: "es_AR",
        name: "Spanish (ARG)",
    },
    Language {
        code: "es_CL",
        name: "Spanish (CHL)",
    },
    Language {
        code: "es_CO",
        name: "Spanish (COL)",
    },
    Language {
        code: "es_CR",
        name: "Spanish (CRI)",
    },
    Language {
        code: "es_DO",
        name: "Spanish (DOM)",
    },
    Language {
        code: "es_EC",
        name: "Spanish (ECU)",
    },
    Language {
        code: "es_HN",
        name: "Spanish (HND)",
    },
    Language {
        code: "es_MX",
        name: "Spanish (MEX)",
    },
    Language {
        code: "es_PA",
        name: "Spanish (PAN)",
    },
    Language {
        code: "es_PE",
        name: "Spanish (PER)",
    },
    Language {
        code: "es_ES",
        name: "Spanish (SPA)",
    },
    Language {
        code: "es_UY",
        name: "Spanish (URY)",
    },
    Language {
        code: "sw",
        name: "Swahili",
    },
    Language {
        code: "sv",
        name: "Swedish",
    },
    Language {
        code: "ta",
        name: "Tamil",
    },
    Language {
        code: "te",
        name: "Telugu",
    },
    Language {
        code: "th",
        name: "Thai",
    },
    Language {
        code: "tr",
        name: "Turkish",
    },
    Language {
        code: "uk",
        name: "Ukrainian",
    },
    Language {
        code: "ur",
        name: "Urdu",
    },
    Language {
        code: "uz",
        name: "Uzbek",
    },
    Language {
        code: "vi",
        name: "Vietnamese",
    },
    Language {
        code: "zu",
        name: "Zulu",
    },
];

/// Codes seen in SDKs (pywa) but not on Meta's current page; sending them is likely rejected.
pub const SDK_ONLY: &[&str] = &["ar_SA", "es_VE"];

/// The language for `code`, if Meta supports it (exact, case-sensitive match).
#[must_use]
pub fn find(code: &str) -> Option<&'static Language> {
    // Binary search over the codes in byte order: every template send looks its code up,
    // and a linear scan of 111 codes was a tenth of checking a template message.
    let at = BY_CODE
        .binary_search_by(|&i| {
            SUPPORTED
                .get(usize::from(i))
                .map_or(std::cmp::Ordering::Less, |l| l.code.cmp(code))
        })
        .ok()?;
    BY_CODE.get(at).and_then(|&i| SUPPORTED.get(usize::from(i)))
}

/// Positions in [`SUPPORTED`] ordered by code (byte order), computed at compile time so the
/// list itself can stay in the page's order.
const BY_CODE: [u8; SUPPORTED.len()] = sort_by_code();

#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
const fn sort_by_code() -> [u8; SUPPORTED.len()] {
    let mut order = [0u8; SUPPORTED.len()];
    let mut i = 0;
    while i < order.len() {
        order[i] = i as u8;
        i += 1;
    }
    // Insertion sort: 111 entries, once, at compile time.
    let mut i = 1;
    while i < order.len() {
        let mut j = i;
        while j > 0
            && bytes_less(
                SUPPORTED[order[j] as usize].code.as_bytes(),
                SUPPORTED[order[j - 1] as usize].code.as_bytes(),
            )
        {
            order.swap(j, j - 1);
            j -= 1;
        }
        i += 1;
    }
    order
}

/// `a < b` in byte order, usable in `const` (`Ord for str` is not).
const fn bytes_less(mut a: &[u8], mut b: &[u8]) -> bool {
    loop {
        match (a.split_first(), b.split_first()) {
            (Some((x, ra)), Some((y, rb))) => {
                if *x != *y {
                    return *x < *y;
                }
                a = ra;
                b = rb;
            }
            (None, Some(_)) => return true,
            _ => return false,
        }
    }
}

/// True when `code` is on Meta's current list.
#[must_use]
pub fn is_supported(code: &str) -> bool {
    find(code).is_some()
}

/// A likely intended code for an unsupported one: `en-US` → `en_US`, `EN_us` → `en_US`,
/// `pt` → `pt_BR`/`pt_PT` (first listed). For "did you mean" messages.
#[must_use]
pub fn suggest(code: &str) -> Option<&'static str> {
    let normalized = code.replace('-', "_");
    if let Some(l) = SUPPORTED
        .iter()
        .find(|l| l.code.eq_ignore_ascii_case(&normalized))
    {
        return Some(l.code);
    }
    let prefix = format!(
        "{}_",
        normalized
            .split('_')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    );
    SUPPORTED
        .iter()
        .find(|l| l.code.starts_with(&prefix))
        .map(|l| l.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_agrees_with_a_linear_scan() {
        assert_eq!(SUPPORTED.len(), 111);
        let mut probes: Vec<String> = SUPPORTED.iter().map(|l| l.code.to_string()).collect();
        for l in SUPPORTED {
            probes.push(format!("{}x", l.code));
            probes.push(l.code.to_uppercase());
            probes.push(l.code.get(..l.code.len() - 1).unwrap_or("").to_string());
        }
        probes.extend(["", "a", "zz", "en-US", "\u{0}", "é"].map(String::from));
        for p in &probes {
            assert_eq!(find(p), SUPPORTED.iter().find(|l| l.code == p), "{p:?}");
        }
    }

    #[test]
    fn list_is_complete_and_unique() {
        assert_eq!(SUPPORTED.len(), 111);
        let mut codes: Vec<_> = SUPPORTED.iter().map(|l| l.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 111);
    }

    #[test]
    fn lookups() {
        assert!(is_supported("en_US"));
        assert!(is_supported("prs_AF"));
        assert!(!is_supported("en-US"));
        assert!(!is_supported("ar_SA"));
        assert_eq!(suggest("en-US"), Some("en_US"));
        assert_eq!(suggest("EN_us"), Some("en_US"));
        assert_eq!(suggest("pt"), Some("pt_BR"));
        assert_eq!(suggest("xx"), None);
    }
}
