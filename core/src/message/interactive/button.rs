//! Reply buttons (`interactive.type: button`, D-BTN): 1–3 buttons `{type: "reply", reply:
//! {id, title}}`; titles ≤ 20, non-empty, unique; ids ≤ 256 without leading or trailing
//! spaces.

use super::super::util;
use crate::diagnostic::{Code, meta};
use crate::json::{Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// Fewer than 1 or more than 3 buttons.
pub const COUNT: Code = Code::new("interactive.buttons.count");
/// Two buttons with the same title.
pub const DUPLICATE_TITLE: Code = Code::new("interactive.buttons.duplicate_title");
/// Two buttons with the same id.
pub const DUPLICATE_ID: Code = Code::new("interactive.buttons.duplicate_id");
/// A button id with leading or trailing spaces.
pub const ID_SPACES: Code = Code::new("interactive.buttons.id_spaces");

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["buttons"]);
    let Some((_, buttons)) = util::req_counted(
        ctx,
        am,
        av.span,
        path,
        "buttons",
        COUNT,
        limits::REPLY_BUTTONS,
        "buttons",
    ) else {
        return;
    };
    let bp = path.key("buttons");
    let mut titles = util::Seen::default();
    let mut ids = util::Seen::default();
    for (i, b) in buttons.iter().enumerate() {
        let p = bp.index(i);
        let Some(m) = ctx.object(b, &p) else {
            continue;
        };
        ctx.unknown_fields(m, &p, &["type", "reply"]);
        if let Some(tv) = ctx.required(m, b.span, &p, "type") {
            ctx.one_of(tv, &p.key("type"), &["reply"]);
        }
        let Some((rv, rm)) = util::req_obj(ctx, m, b.span, &p, "reply") else {
            continue;
        };
        let rp = p.key("reply");
        ctx.unknown_fields(rm, &rp, &["id", "title"]);
        if let Some(title) =
            util::req_text(ctx, rm, rv.span, &rp, "title", limits::REPLY_BUTTON_TITLE)
        {
            // D-BTN: "must be unique within the message"; compared as sent.
            if let Some(first) = titles.insert(title, i) {
                let tp = rp.key("title");
                let span = crate::json::get(rm, "title").map_or(rv.span, |t| t.span);
                ctx.error(
                    DUPLICATE_TITLE,
                    Some(meta::INVALID_VALUE),
                    &tp,
                    span,
                    format!(
                        "button title \"{}\" is already used by button {first}; titles must be unique",
                        crate::shape::truncate(title, 30)
                    ),
                );
            }
        }
        if let Some(id) = util::req_text(ctx, rm, rv.span, &rp, "id", limits::REPLY_BUTTON_ID) {
            let ip = rp.key("id");
            let span = crate::json::get(rm, "id").map_or(rv.span, |t| t.span);
            if !id.trim().is_empty() && id.trim() != id {
                ctx.error(
                    ID_SPACES,
                    Some(meta::INVALID_VALUE),
                    &ip,
                    span,
                    "a button id must not begin or end with a space",
                );
            }
            // Only WAJS enforces unique ids; the webhook could not tell the buttons apart,
            // so a warning.
            if let Some(first) = ids.insert(id, i) {
                ctx.warn(
                    DUPLICATE_ID,
                    None,
                    &ip,
                    span,
                    format!(
                        "button id \"{}\" is already used by button {first}; the reply webhook cannot tell them apart",
                        crate::shape::truncate(id, 30)
                    ),
                );
            }
        }
    }
}
