//! Interactive `header`, `body` and `footer` (platform-rules §2.1).

use super::super::media;
use super::super::util::{self, not_here};
use super::Headers;
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// A header where the interactive type takes none, or of a type it does not take.
pub const HEADER_NOT_ALLOWED: Code = Code::new("interactive.header.not_allowed");
/// A header type some sources do not allow for this interactive type.
pub const HEADER_TYPE_DISCOURAGED: Code = Code::new("interactive.header.type_discouraged");
/// A header field that belongs to another header type.
pub const HEADER_MISMATCH: Code = Code::new("interactive.header.mismatch");
/// A list body over 1024 characters (allowed up to 4096 by the newest page).
pub const BODY_LONG: Code = Code::new("interactive.body.long");

const HEADER_FIELDS: &[&str] = &["type", "text", "sub_text", "image", "video", "document"];
const HEADER_TYPES: &[&str] = &["text", "image", "video", "document"];

pub(super) fn header(
    ctx: &mut Ctx<'_>,
    hm: &Member<'_>,
    parent: &Path<'_>,
    allowed: Headers,
    itype: &str,
) {
    let path = parent.key("header");
    let v = &hm.value;
    if allowed == Headers::Forbidden {
        ctx.error(
            HEADER_NOT_ALLOWED,
            Some(meta::INVALID_PARAMETER),
            &path,
            hm.key_span,
            format!("a {itype} message cannot have a header"),
        );
        return;
    }
    if allowed == Headers::Undocumented {
        ctx.warn(
            HEADER_NOT_ALLOWED,
            None,
            &path,
            hm.key_span,
            format!("Meta documents no header for {itype} messages"),
        );
    }
    let Some(m) = ctx.object(v, &path) else {
        return;
    };
    ctx.unknown_fields(m, &path, HEADER_FIELDS);
    let Some(tv) = ctx.required(m, v.span, &path, "type") else {
        return;
    };
    let tp = path.key("type");
    let Some(ty) = ctx.one_of(tv, &tp, HEADER_TYPES) else {
        return;
    };
    if ty != "text" {
        match allowed {
            Headers::TextOnly => ctx.error(
                HEADER_NOT_ALLOWED,
                Some(meta::INVALID_VALUE),
                &tp,
                tv.span,
                format!("a {itype} message supports only a text header, not {ty}"),
            ),
            // §11.22: WAJS allows only text headers for flow messages; Meta shows media
            // headers for other types and does not forbid them here → a warning.
            Headers::TextPreferred => ctx.warn(
                HEADER_TYPE_DISCOURAGED,
                None,
                &tp,
                tv.span,
                format!("SDKs allow only a text header for {itype} messages, not {ty}"),
            ),
            _ => {}
        }
    }
    if ty == "text" {
        util::req_text(
            ctx,
            m,
            v.span,
            &path,
            "text",
            limits::INTERACTIVE_HEADER_TEXT,
        );
        util::opt_text(ctx, m, &path, "sub_text", limits::INTERACTIVE_HEADER_TEXT);
    } else if let Some(mv) = ctx.required(m, v.span, &path, ty) {
        media::check(
            ctx,
            mv,
            &path.key(ty),
            media::Kind::from_type(ty),
            media::Use::Header,
        );
    }
    // Fields of the other header types.
    for x in m {
        let k = x.key.as_ref();
        let other = match k {
            "text" | "sub_text" => ty != "text",
            "image" | "video" | "document" => k != ty,
            _ => false,
        };
        if other {
            not_here(
                ctx,
                HEADER_MISMATCH,
                x,
                &path,
                &format!("does not belong in a header of type \"{ty}\""),
            );
        }
    }
}

pub(super) fn body(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    v: &Value<'_>,
    path: &Path<'_>,
    required: bool,
    max: usize,
    list: bool,
) {
    let bv = if required {
        ctx.required(m, v.span, path, "body")
    } else {
        json::get(m, "body")
    };
    let Some(bv) = bv else {
        return;
    };
    let p = path.key("body");
    let Some(bm) = ctx.object(bv, &p) else {
        return;
    };
    ctx.unknown_fields(bm, &p, &["text"]);
    let Some(s) = util::req_text(ctx, bm, bv.span, &p, "text", max) else {
        return;
    };
    // §11.1: D-LIST (newest) allows 4096 for list bodies; REF-OLD, OAS and WAJS say 1024
    // → a warning between the two.
    if list && s.len() > limits::INTERACTIVE_BODY {
        let n = crate::text::scalar_len(s);
        if n > limits::INTERACTIVE_BODY && n <= max {
            let tv = json::get(bm, "text").unwrap_or(bv);
            ctx.warn(
                BODY_LONG,
                None,
                &p.key("text"),
                tv.span,
                format!(
                    "the list body is {n} characters: the newest page allows {max}, older \
                     references and SDKs only {}",
                    limits::INTERACTIVE_BODY
                ),
            );
        }
    }
}

pub(super) fn footer(ctx: &mut Ctx<'_>, m: &[Member<'_>], path: &Path<'_>) {
    let Some((fv, fm)) = util::opt_obj(ctx, m, path, "footer") else {
        return;
    };
    let p = path.key("footer");
    ctx.unknown_fields(fm, &p, &["text"]);
    util::req_text(ctx, fm, fv.span, &p, "text", limits::INTERACTIVE_FOOTER);
}
