//! Multi-product messages (`interactive.type: product_list`): `catalog_id`, 1–10 sections
//! of ≥ 1 `product_items`, ≤ 30 products across all sections, section titles required when
//! there are several; a text header is required (checked by the frame).

use super::super::util;
use crate::diagnostic::{Code, meta};
use crate::json::{Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// Fewer than 1 or more than 10 product sections.
pub const SECTIONS_COUNT: Code = Code::new("interactive.products.sections.count");
/// An empty section, or more than 30 products across all sections.
pub const PRODUCTS_COUNT: Code = Code::new("interactive.products.count");

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["catalog_id", "sections"]);
    util::req_text(ctx, am, av.span, path, "catalog_id", usize::MAX);
    sections(ctx, av, am, path);
}

/// `sections` of products, shared with the template MPM button's `action`.
pub(in crate::message) fn sections(
    ctx: &mut Ctx<'_>,
    av: &Value<'_>,
    am: &[Member<'_>],
    path: &Path<'_>,
) {
    let Some((sv, sections)) = util::req_counted(
        ctx,
        am,
        av.span,
        path,
        "sections",
        SECTIONS_COUNT,
        limits::PRODUCT_SECTIONS,
        "sections",
    ) else {
        return;
    };
    let sp = path.key("sections");
    let several = sections.len() > 1;
    let mut total = 0usize;
    for (si, s) in sections.iter().enumerate() {
        let p = sp.index(si);
        let Some(m) = ctx.object(s, &p) else {
            continue;
        };
        ctx.unknown_fields(m, &p, &["title", "product_items"]);
        if several {
            util::req_text(ctx, m, s.span, &p, "title", limits::LIST_SECTION_TITLE);
        } else {
            util::opt_text(ctx, m, &p, "title", limits::LIST_SECTION_TITLE);
        }
        let Some((iv, items)) = util::req_array(ctx, m, s.span, &p, "product_items") else {
            continue;
        };
        let ip = p.key("product_items");
        if items.is_empty() {
            util::count(ctx, PRODUCTS_COUNT, 0, iv, &ip, 1, usize::MAX, "products");
        }
        total += items.len();
        for (i, item) in items.iter().enumerate() {
            let p = ip.index(i);
            let Some(m) = ctx.object(item, &p) else {
                continue;
            };
            ctx.unknown_fields(m, &p, &["product_retailer_id"]);
            util::req_text(
                ctx,
                m,
                item.span,
                &p,
                "product_retailer_id",
                limits::PRODUCT_RETAILER_ID,
            );
        }
    }
    if total > limits::PRODUCTS {
        ctx.error(
            PRODUCTS_COUNT,
            Some(meta::INVALID_VALUE),
            &sp,
            sv.span,
            format!(
                "the sections hold {total} products together; the limit is {} across all sections",
                limits::PRODUCTS
            ),
        );
    }
}
