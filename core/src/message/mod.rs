//! Outbound messages: every send shape of the Cloud and On-Premises API.

use crate::json::Value;
use crate::shape::Ctx;

/// Validates one outbound message tree.
pub(crate) fn check(_ctx: &mut Ctx<'_>, _value: &Value<'_>) {}
