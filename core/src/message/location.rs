//! `type: location` (platform-rules §2) and the template `location` header parameter:
//! `latitude` / `longitude` required, as numbers or numeric strings, in range; `name` and
//! `address` optional.

use super::util;
use crate::diagnostic::{Code, meta};
use crate::json::{Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// A latitude or longitude that is not a number in range.
pub const COORDINATE_INVALID: Code = Code::new("location.coordinate.invalid");
/// `name` or `address` left out where some sources require it.
pub const INCOMPLETE: Code = Code::new("location.incomplete");

const FIELDS: &[&str] = &["latitude", "longitude", "name", "address"];

/// Where the location sits: a message shows `address` only under a `name` (PM); a template
/// header location needs both (WAJS).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Use {
    Message,
    TemplateHeader,
}

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    check_as(ctx, v, path, Use::Message);
}

pub(super) fn check_as(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>, usage: Use) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, FIELDS);
    coordinate(ctx, m, v, path, "latitude", limits::LATITUDE);
    coordinate(ctx, m, v, path, "longitude", limits::LONGITUDE);
    let name = util::opt_string(ctx, m, path, "name");
    let address = util::opt_string(ctx, m, path, "address");
    // §11.7: optional on the newest page (D-LOC), in PM and OAS; required in REF-OLD → a
    // warning. PM adds that the address "is only displayed if name is present".
    let missing: Vec<&str> = [("name", name), ("address", address)]
        .iter()
        .filter(|(_, x)| x.is_none())
        .map(|(k, _)| *k)
        .collect();
    if missing.is_empty() {
        return;
    }
    let why = match usage {
        Use::TemplateHeader => "SDKs (whatsapp-api-js) require both for a template location header",
        Use::Message if name.is_none() && address.is_some() => {
            "the address is only displayed when a name is present"
        }
        Use::Message => "the older Cloud API reference marks both as required",
    };
    ctx.warn(
        INCOMPLETE,
        None,
        path,
        v.span,
        format!(
            "the location has no `{}`: {why}",
            missing.join("` and no `")
        ),
    );
}

fn coordinate(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    v: &Value<'_>,
    path: &Path<'_>,
    key: &str,
    bound: f64,
) {
    let Some(cv) = ctx.required(m, v.span, path, key) else {
        return;
    };
    let p = path.key(key);
    let n = match (cv.as_number_text(), cv.as_str()) {
        (Some(t), _) => crate::float::parse(t),
        // The SDKs and the Postman samples send numeric strings; the platform accepts them.
        (None, Some(s)) => crate::float::parse(s.trim()).filter(|f| f.is_finite()),
        _ => {
            ctx.type_mismatch(cv, &p, "a number (or a numeric string)");
            return;
        }
    };
    match n {
        Some(f) if (-bound..=bound).contains(&f) => {}
        Some(f) => ctx.error(
            COORDINATE_INVALID,
            Some(meta::INVALID_VALUE),
            &p,
            cv.span,
            format!(
                "`{key}` {} is out of range; it must be between -{b} and {b}",
                crate::float::display(f),
                b = crate::float::display(bound)
            ),
        ),
        None => ctx.error(
            COORDINATE_INVALID,
            Some(meta::INVALID_VALUE),
            &p,
            cv.span,
            format!(
                "`{key}` \"{}\" is not a number in decimal degrees",
                crate::shape::truncate(cv.as_str().unwrap_or(""), 40)
            ),
        ),
    }
}
