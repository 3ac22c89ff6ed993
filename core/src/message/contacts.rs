//! `type: contacts` (platform-rules §2): 1–257 contacts, each with `name.formatted_name`,
//! `birthday` as `YYYY-MM-DD`, addresses, emails, phones, urls and org.

use super::util::{self, opt_array, opt_obj};
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// Too few or too many contacts.
pub const COUNT: Code = Code::new("contacts.count");
/// More contacts than the OpenAPI spec allows (5), within the documented 257.
pub const MANY: Code = Code::new("contacts.many");
/// `name` with only `formatted_name`.
pub const NAME_PART_MISSING: Code = Code::new("contacts.name.part_missing");
/// `birthday` is not a `YYYY-MM-DD` date.
pub const BIRTHDAY_INVALID: Code = Code::new("contacts.birthday.invalid");
/// A `type` other than the standard values.
pub const TYPE_NONSTANDARD: Code = Code::new("contacts.type.nonstandard");

const CONTACT_FIELDS: &[&str] = &[
    "addresses",
    "birthday",
    "emails",
    "name",
    "org",
    "phones",
    "urls",
];
const NAME_PARTS: &[&str] = &["first_name", "last_name", "middle_name", "suffix", "prefix"];
const NAME_FIELDS: &[&str] = &[
    "formatted_name",
    "first_name",
    "last_name",
    "middle_name",
    "suffix",
    "prefix",
];
const ADDRESS_FIELDS: &[&str] = &[
    "street",
    "city",
    "state",
    "zip",
    "country",
    "country_code",
    "type",
];

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(items) = ctx.array(v, path) else {
        return;
    };
    let ok = util::count(
        ctx,
        COUNT,
        items.len(),
        v,
        path,
        1,
        limits::CONTACTS,
        "contacts",
    );
    if ok && items.len() > limits::CONTACTS_STRICT {
        // §11.5: D-CON (newest) allows 257; OAS `maxItems 5` → a warning.
        ctx.warn(
            MANY,
            None,
            path,
            v.span,
            format!(
                "{} contacts: the platform accepts up to {}, but the OpenAPI spec allows only {}",
                items.len(),
                limits::CONTACTS,
                limits::CONTACTS_STRICT
            ),
        );
    }
    for (i, c) in items.iter().enumerate() {
        contact(ctx, c, &path.index(i));
    }
}

fn contact(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, CONTACT_FIELDS);
    if let Some((nv, nm)) = util::req_obj(ctx, m, v.span, path, "name") {
        let p = path.key("name");
        ctx.unknown_fields(nm, &p, NAME_FIELDS);
        util::req_text(ctx, nm, nv.span, &p, "formatted_name", usize::MAX);
        util::opt_strings(ctx, nm, &p, NAME_PARTS);
        // REF-OLD and the On-Prem reference: "At least one of the optional parameters needs
        // to be included along with the formatted_name"; the newest page (D-CON) requires
        // only `formatted_name` → a warning.
        if !NAME_PARTS.iter().any(|k| json::get(nm, k).is_some()) {
            ctx.warn(
                NAME_PART_MISSING,
                Some(meta::MISSING_PARAMETER),
                &p,
                nv.span,
                "`name` has only `formatted_name`; older references require at least one of \
                 first_name, last_name, middle_name, suffix or prefix as well",
            );
        }
    }
    if let Some((s, bv)) = ctx.optional_str(m, path, "birthday")
        && !is_date(s)
    {
        ctx.error(
            BIRTHDAY_INVALID,
            Some(meta::INVALID_VALUE),
            &path.key("birthday"),
            bv.span,
            format!(
                "`birthday` \"{}\" is not a date in the form YYYY-MM-DD",
                crate::shape::truncate(s, 40)
            ),
        );
    }
    list(ctx, m, path, "addresses", ADDRESS_FIELDS, &["HOME", "WORK"]);
    list(
        ctx,
        m,
        path,
        "emails",
        &["email", "type"],
        &["HOME", "WORK"],
    );
    list(
        ctx,
        m,
        path,
        "phones",
        &["phone", "type", "wa_id"],
        &["CELL", "MAIN", "IPHONE", "HOME", "WORK"],
    );
    list(ctx, m, path, "urls", &["url", "type"], &["HOME", "WORK"]);
    if let Some((_, om)) = opt_obj(ctx, m, path, "org") {
        let p = path.key("org");
        let fields = &["company", "department", "title"];
        ctx.unknown_fields(om, &p, fields);
        util::opt_strings(ctx, om, &p, fields);
    }
}

/// An array of flat objects of optional strings with a `type` of standard values.
fn list(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    key: &str,
    fields: &[&str],
    types: &[&str],
) {
    let Some((_, items)) = opt_array(ctx, m, path, key) else {
        return;
    };
    let lp = path.key(key);
    for (i, item) in items.iter().enumerate() {
        let p = lp.index(i);
        let Some(im) = ctx.object(item, &p) else {
            continue;
        };
        ctx.unknown_fields(im, &p, fields);
        util::opt_strings(ctx, im, &p, fields);
        // §11.6: OAS and REF-OLD list standard values; the newest page's own example uses
        // free text ("Office", "Landline") → a warning, never an error.
        if let Some(tv) = json::get(im, "type")
            && let Some(t) = tv.as_str()
            && !types.iter().any(|x| x.eq_ignore_ascii_case(t))
        {
            ctx.warn(
                TYPE_NONSTANDARD,
                None,
                &p.key("type"),
                tv.span,
                format!(
                    "`type` \"{}\" is not one of the standard values {}; WhatsApp shows it as given",
                    crate::shape::truncate(t, 40),
                    types.join(", ")
                ),
            );
        }
    }
}

/// `YYYY-MM-DD` with a real month and day (leap years included).
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(mo), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_date("2012-08-18"));
        assert!(is_date("2000-02-29"));
        assert!(!is_date("1900-02-29"));
        assert!(!is_date("2012-13-01"));
        assert!(!is_date("2012-8-18"));
        assert!(!is_date("<CONTACT_BIRTHDAY>"));
        assert!(!is_date("2012-08-1x"));
    }
}
