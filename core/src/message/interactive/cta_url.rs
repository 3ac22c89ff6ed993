//! Call-to-action URL buttons (`interactive.type: cta_url`, D-CTA): `action.name`
//! "cta_url", `parameters.display_text` ≤ 20 and an http(s) `parameters.url`.

use super::super::media::LINK_INVALID;
use super::super::util;
use super::action_name;
use crate::diagnostic::meta;
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["name", "parameters"]);
    action_name(ctx, av, am, path, "cta_url");
    let Some((pv, m)) = util::req_obj(ctx, am, av.span, path, "parameters") else {
        return;
    };
    let p = path.key("parameters");
    ctx.unknown_fields(m, &p, &["display_text", "url"]);
    util::req_text(
        ctx,
        m,
        pv.span,
        &p,
        "display_text",
        limits::CTA_DISPLAY_TEXT,
    );
    if let Some(url) = util::req_text(ctx, m, pv.span, &p, "url", usize::MAX)
        && !url.trim().is_empty()
        && !util::is_http_url(url)
    {
        let span = json::get(m, "url").map_or(pv.span, |u| u.span);
        ctx.error(
            LINK_INVALID,
            Some(meta::INVALID_VALUE),
            &p.key("url"),
            span,
            format!(
                "`url` \"{}\" is not an http:// or https:// URL",
                crate::shape::truncate(url, 60)
            ),
        );
    }
}
