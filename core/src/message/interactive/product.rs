//! Single-product messages (`interactive.type: product`): `catalog_id` and
//! `product_retailer_id` (≤ 100, On-Prem reference); no header, body optional.

use super::super::util;
use crate::json::{Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["catalog_id", "product_retailer_id"]);
    util::req_text(ctx, am, av.span, path, "catalog_id", usize::MAX);
    util::req_text(
        ctx,
        am,
        av.span,
        path,
        "product_retailer_id",
        limits::PRODUCT_RETAILER_ID,
    );
}
