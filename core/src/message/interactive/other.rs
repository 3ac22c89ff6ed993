//! The remaining interactive types: `call_permission_request`, `location_request_message`
//! (only `action.name`), the Payments API's `order_details` / `order_status` (the action's
//! `name` and `parameters` object; the order itself is the Payments API's domain and not
//! validated further) and the third-party-only `voice_call`.

use super::action_name;
use crate::json::{Member, Value};
use crate::shape::{Ctx, Path};

pub(super) fn check(
    ctx: &mut Ctx<'_>,
    ty: &str,
    av: &Value<'_>,
    am: &[Member<'_>],
    path: &Path<'_>,
) {
    let name = match ty {
        "call_permission_request" => "call_permission_request",
        "location_request_message" => "send_location",
        "order_details" => "review_and_pay",
        "order_status" => "review_order",
        _ => "voice_call",
    };
    match ty {
        "call_permission_request" | "location_request_message" => {
            ctx.unknown_fields(am, path, &["name"]);
        }
        _ => {
            ctx.unknown_fields(am, path, &["name", "parameters"]);
            if let Some(v) = ctx.required(am, av.span, path, "parameters") {
                ctx.object(v, &path.key("parameters"));
            }
        }
    }
    action_name(ctx, av, am, path, name);
}
