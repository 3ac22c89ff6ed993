//! Catalog messages (`interactive.type: catalog_message`): `action.name` "catalog_message"
//! and an optional `parameters.thumbnail_product_retailer_id`.

use super::super::util;
use super::action_name;
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// No `thumbnail_product_retailer_id` (the OpenAPI spec requires one).
pub const THUMBNAIL_MISSING: Code = Code::new("interactive.catalog.thumbnail_missing");

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["name", "parameters"]);
    action_name(ctx, av, am, path, "catalog_message");
    let pm = util::opt_obj(ctx, am, path, "parameters");
    if let Some((_, m)) = pm {
        let p = path.key("parameters");
        ctx.unknown_fields(m, &p, &["thumbnail_product_retailer_id"]);
        util::opt_text(
            ctx,
            m,
            &p,
            "thumbnail_product_retailer_id",
            limits::PRODUCT_RETAILER_ID,
        );
    }
    // §11.21: required by OAS, optional for WAJS ("If not provided, the first product will
    // be used") → a warning.
    let has = pm.is_some_and(|(_, m)| json::get(m, "thumbnail_product_retailer_id").is_some());
    if !has && json::get(am, "parameters").is_none_or(|v| v.as_object().is_some()) {
        ctx.warn(
            THUMBNAIL_MISSING,
            Some(meta::MISSING_PARAMETER),
            &path.key("parameters"),
            json::Span::new(av.span.start as usize, av.span.start as usize + 1),
            "no `parameters.thumbnail_product_retailer_id`: the OpenAPI spec requires it; \
             without it WhatsApp shows the catalog's first product",
        );
    }
}
