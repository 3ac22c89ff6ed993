//! List messages (`interactive.type: list`, D-LIST): `action.button` ≤ 20, 1–10 sections,
//! ≤ 10 rows across all sections, row `id` ≤ 200, `title` ≤ 24, `description` ≤ 72.

use super::super::util;
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// Fewer than 1 or more than 10 sections.
pub const SECTIONS_COUNT: Code = Code::new("interactive.list.sections.count");
/// No rows in a section, or more than 10 rows in all sections together.
pub const ROWS_COUNT: Code = Code::new("interactive.list.rows.count");
/// Two rows with the same id.
pub const DUPLICATE_ROW_ID: Code = Code::new("interactive.list.rows.duplicate_id");
/// A single section without a title (the newest page requires one).
pub const SECTION_TITLE_RECOMMENDED: Code = Code::new("interactive.list.section_title.recommended");

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["button", "sections"]);
    util::req_text(ctx, am, av.span, path, "button", limits::LIST_BUTTON);
    let Some((sv, sections)) = util::req_counted(
        ctx,
        am,
        av.span,
        path,
        "sections",
        SECTIONS_COUNT,
        limits::LIST_SECTIONS,
        "sections",
    ) else {
        return;
    };
    let sp = path.key("sections");
    let several = sections.len() > 1;
    let mut total_rows = 0usize;
    let mut ids = util::Seen::default();
    for (si, s) in sections.iter().enumerate() {
        let p = sp.index(si);
        let Some(m) = ctx.object(s, &p) else {
            continue;
        };
        ctx.unknown_fields(m, &p, &["title", "rows"]);
        // §11.3: "Required if the message has more than one section" (REF-OLD, OAS, WAJS)
        // vs "Required" (D-LIST, newest) → error with several sections, warning with one.
        if several {
            util::req_text(ctx, m, s.span, &p, "title", limits::LIST_SECTION_TITLE);
        } else if util::opt_text(ctx, m, &p, "title", limits::LIST_SECTION_TITLE).is_none()
            && json::get(m, "title").is_none()
        {
            ctx.warn(
                SECTION_TITLE_RECOMMENDED,
                Some(meta::MISSING_PARAMETER),
                &p.key("title"),
                json::Span::new(s.span.start as usize, s.span.start as usize + 1),
                "the section has no `title`: optional with a single section in older references, \
                 required by the newest list-message page",
            );
        }
        let Some((rv, rows)) = util::req_array(ctx, m, s.span, &p, "rows") else {
            continue;
        };
        let rp = p.key("rows");
        if rows.is_empty() {
            util::count(ctx, ROWS_COUNT, 0, rv, &rp, 1, usize::MAX, "rows");
        }
        total_rows += rows.len();
        for (ri, r) in rows.iter().enumerate() {
            let p = rp.index(ri);
            let Some(m) = ctx.object(r, &p) else {
                continue;
            };
            ctx.unknown_fields(m, &p, &["id", "title", "description"]);
            if let Some(id) = util::req_text(ctx, m, r.span, &p, "id", limits::LIST_ROW_ID)
                && let Some((fs, fr)) = ids.insert(id, (si, ri))
            {
                // Not stated by Meta's pages: the reply webhook could not tell the rows
                // apart, so a warning.
                let span = json::get(m, "id").map_or(r.span, |x| x.span);
                ctx.warn(
                    DUPLICATE_ROW_ID,
                    None,
                    &p.key("id"),
                    span,
                    format!(
                        "row id \"{}\" is already used by row {fr} of section {fs}",
                        crate::shape::truncate(id, 30)
                    ),
                );
            }
            util::req_text(ctx, m, r.span, &p, "title", limits::LIST_ROW_TITLE);
            util::opt_text(ctx, m, &p, "description", limits::LIST_ROW_DESCRIPTION);
        }
    }
    // §11.2: ≤10 rows across all sections (D-LIST, REF-OLD, PM) — not per section (OAS).
    if total_rows > limits::LIST_ROWS {
        ctx.error(
            ROWS_COUNT,
            Some(meta::INVALID_VALUE),
            &sp,
            sv.span,
            format!(
                "the sections have {total_rows} rows together; a list message allows at most {} rows across all sections",
                limits::LIST_ROWS
            ),
        );
    }
}
