//! `type: text` (platform-rules §2): `body` ≤ 4096, `preview_url` (Cloud: inside `text`;
//! On-Prem: at the top level).

use super::util;
use crate::json;
use crate::json::Value;
use crate::limits;
use crate::options::Api;
use crate::shape::{Ctx, Path};

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, &["body", "preview_url"]);
    util::req_text(ctx, m, v.span, path, "body", limits::TEXT_BODY);
    if let Some(pm) = json::get_member(m, "preview_url") {
        if ctx.opts.api == Api::OnPrem {
            // The On-Prem text object has only `body`; `preview_url` is a top-level field.
            on_prem_misplaced(ctx, pm, path);
        } else {
            ctx.boolean(&pm.value, &path.key("preview_url"));
        }
    }
}

fn on_prem_misplaced(ctx: &mut Ctx<'_>, pm: &json::Member<'_>, path: &Path<'_>) {
    let p = path.key("preview_url");
    ctx.error(
        crate::shape::FIELD_UNKNOWN,
        None,
        &p,
        pm.key_span,
        "the On-Premises API takes `preview_url` at the top level of the message, not inside `text`",
    );
}
