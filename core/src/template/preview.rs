//! The preview of what the recipient sees: a template message hydrated with its definition
//! (header, body, footer, buttons with rendered URLs, location and media headers), or any
//! other message (text, media with caption, interactive header/body/footer/buttons/list).
//! Serializes to the `render --format json` shape of DESIGN.md; renders to plain text and to
//! escaped, safe HTML.

use std::fmt::Write as _;

use serde::Serialize;

use crate::check::check_value;
use crate::diagnostic::{Diagnostic, DocumentKind};
use crate::json::{self, Value};
use crate::options::Options;
use crate::shape::{self, Ctx, Path};

use super::localize;
use super::model::{ButtonKind, Def, HeaderFormat};
use super::placeholder::{Key, hydrate};
use super::send::{self, component, fallback_text, index_of, lookup, param_type, params};
use super::*;

/// How `currency` and `date_time` parameters are rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Localize {
    /// `fallback_value`, as the Cloud API does (the default).
    #[default]
    Fallback,
    /// Formatted in the template's language from CLDR data; `fallback_value` (with a
    /// warning) when that fails.
    Locale,
}

/// Options for [`render`].
#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    /// The template definition (JSON text) for template messages: one definition, a
    /// `{"data": [...]}` list as the API returns it, or an array.
    pub template: Option<String>,
    /// How localizable parameters are rendered.
    pub localize: Localize,
    /// Validation options (API flavour, limits, units of the diagnostics).
    pub options: Options,
}

/// A text with its formatting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextBlock {
    /// The hydrated text, markup included.
    pub text: String,
    /// Its formatting as WhatsApp shows it (the preview AST, spans into `text`).
    pub ast: crate::format::Root,
}

impl TextBlock {
    pub(crate) fn new(text: String) -> Self {
        let ast = crate::format::parse(&text);
        Self { text, ast }
    }
}

/// The header of a preview.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Header {
    /// A text header.
    Text(TextBlock),
    /// An image, video, GIF, document, audio or sticker.
    Media {
        /// `image`, `video`, `gif`, `document`, `audio`, `sticker`.
        media: String,
        /// The media URL, when given by link.
        #[serde(skip_serializing_if = "Option::is_none")]
        link: Option<String>,
        /// The media id, when given by id.
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        /// A document's file name.
        #[serde(skip_serializing_if = "Option::is_none")]
        filename: Option<String>,
    },
    /// A location.
    Location {
        /// Where.
        location: LocationPreview,
    },
    /// A product (single-product templates).
    Product {
        /// Which.
        product: ProductPreview,
    },
}

/// A location header.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocationPreview {
    /// Latitude, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Place name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A product header.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProductPreview {
    /// Catalog id, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog_id: Option<String>,
    /// Product retailer id, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_retailer_id: Option<String>,
}

/// The footer of a preview.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Footer {
    /// The footer text.
    pub text: String,
}

/// One button of a preview.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Button {
    /// `quick_reply`, `url`, `phone_number`, `copy_code`, `otp`, `flow`, `catalog`, `mpm`,
    /// `spm`, `voice_call`, `reply` (interactive), `list` … .
    pub kind: String,
    /// The label.
    pub text: String,
    /// The rendered URL (URL buttons, with the suffix appended).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The phone number (call buttons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// The payload or id sent back when tapped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<String>,
    /// The code copied (copy-code and OTP buttons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// The list of an interactive list message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListPreview {
    /// The label of the button that opens the list.
    pub button: String,
    /// Its sections.
    pub sections: Vec<ListSection>,
}

/// A list section.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListSection {
    /// Section title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its rows.
    pub rows: Vec<ListRow>,
}

/// A list row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListRow {
    /// Row id (sent back when chosen).
    pub id: String,
    /// Row title.
    pub title: String,
    /// Row description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What the recipient sees, plus every diagnostic about the message.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Preview {
    /// Text, media, location or product header; `null` when there is none.
    pub header: Option<Header>,
    /// The body (text, caption); `null` for messages without one (a location, a sticker).
    pub body: Option<TextBlock>,
    /// The footer; `null` when there is none.
    pub footer: Option<Footer>,
    /// The buttons, in order.
    pub buttons: Vec<Button>,
    /// The list of an interactive list message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<ListPreview>,
    /// Validation and rendering diagnostics, pointing into the message.
    pub diagnostics: Vec<Diagnostic>,
}

impl Preview {
    /// True when no diagnostic is an error.
    #[must_use]
    pub fn valid(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Renders the preview of `message_src` (a send payload). Template messages are hydrated
/// with `opts.template`; their diagnostics include the send-vs-definition checks.
#[must_use]
pub fn render(message_src: &str, opts: &RenderOptions) -> Preview {
    let arena = json::Arena::for_source(message_src.len());
    let parsed = json::parse(message_src, &arena, &opts.options.parse);
    let mut ctx = Ctx::with_source(&opts.options, message_src);
    ctx.diags = parsed.diagnostics;
    let mut preview = Preview::default();
    if let Some(msg) = &parsed.value {
        check_value(&mut ctx, msg, DocumentKind::Message);
        let shape_end = ctx.diags.len();
        render_message(&mut ctx, msg, opts, &mut preview);
        send::dedup(&mut ctx.diags, shape_end);
    }
    preview.diagnostics =
        shape::finish(message_src, &opts.options, DocumentKind::Message, ctx.diags).diagnostics;
    preview
}

fn s<'v>(v: &'v Value<'_>, k: &str) -> Option<&'v str> {
    v.get(k).and_then(Value::as_str)
}

fn owned(v: &Value<'_>, k: &str) -> Option<String> {
    s(v, k).map(str::to_owned)
}

fn render_message(ctx: &mut Ctx<'_>, msg: &Value<'_>, opts: &RenderOptions, out: &mut Preview) {
    if msg.as_object().is_none() {
        return;
    }
    // `type` defaults to text (REF-OLD); a payload with `template` is a template.
    let ty = s(msg, "type")
        .map(str::to_ascii_lowercase)
        .unwrap_or_else(|| {
            if msg.get("template").is_some() {
                "template".into()
            } else {
                "text".into()
            }
        });
    let root = Path::ROOT;
    match ty.as_str() {
        "template" => render_template(ctx, msg, opts, out),
        "text" => {
            out.body = msg
                .get("text")
                .and_then(|t| owned(t, "body"))
                .map(TextBlock::new);
        }
        "image" | "video" | "document" | "audio" | "sticker" => {
            if let Some(m) = msg.get(&ty) {
                out.header = Some(media_header(&ty, m));
                out.body = owned(m, "caption").map(TextBlock::new);
            }
        }
        "location" => {
            out.header = msg.get("location").map(|l| Header::Location {
                location: location(l),
            });
        }
        "reaction" => {
            out.body = msg
                .get("reaction")
                .and_then(|r| owned(r, "emoji"))
                .map(TextBlock::new);
        }
        "contacts" => {
            let names: Vec<&str> = msg
                .get("contacts")
                .and_then(Value::as_array)
                .unwrap_or(&[])
                .iter()
                .filter_map(|c| c.get("name").and_then(|n| s(n, "formatted_name")))
                .collect();
            out.body = Some(TextBlock::new(names.join("\n")));
        }
        "interactive" => {
            if let Some(i) = msg.get("interactive") {
                render_interactive(i, out);
            }
        }
        other => {
            let at = msg.get("type").map_or(msg.span, |v| v.span);
            ctx.warn(
                RENDER_UNSUPPORTED,
                None,
                &root.key("type"),
                at,
                format!(
                    "there is no preview for \"{}\" messages",
                    shape::truncate(other, 40)
                ),
            );
        }
    }
}

fn media_header(kind: &str, m: &Value<'_>) -> Header {
    Header::Media {
        media: kind.to_string(),
        link: owned(m, "link"),
        id: owned(m, "id"),
        filename: owned(m, "filename"),
    }
}

fn location(l: &Value<'_>) -> LocationPreview {
    // Coordinates are numbers, or strings in some official samples.
    let coord = |k: &str| {
        l.get(k).and_then(|v| {
            v.as_f64()
                .or_else(|| v.as_str().and_then(|t| crate::float::parse(t.trim())))
        })
    };
    LocationPreview {
        latitude: coord("latitude"),
        longitude: coord("longitude"),
        name: owned(l, "name"),
        address: owned(l, "address"),
    }
}

fn render_interactive(i: &Value<'_>, out: &mut Preview) {
    if let Some(h) = i.get("header") {
        let ht = s(h, "type").unwrap_or("text").to_ascii_lowercase();
        out.header = if ht == "text" {
            owned(h, "text").map(|t| Header::Text(TextBlock::new(t)))
        } else {
            h.get(&ht).map(|m| media_header(&ht, m))
        };
    }
    out.body = i
        .get("body")
        .and_then(|b| owned(b, "text"))
        .map(TextBlock::new);
    out.footer = i
        .get("footer")
        .and_then(|f| owned(f, "text"))
        .map(|text| Footer { text });
    let Some(action) = i.get("action") else {
        return;
    };
    let kind = s(i, "type").unwrap_or("").to_ascii_lowercase();
    match kind.as_str() {
        "button" => {
            for b in action
                .get("buttons")
                .and_then(Value::as_array)
                .unwrap_or(&[])
            {
                let reply = b.get("reply");
                out.buttons.push(Button {
                    kind: "quick_reply".into(),
                    text: reply.and_then(|r| owned(r, "title")).unwrap_or_default(),
                    payload: reply.and_then(|r| owned(r, "id")),
                    ..Button::default()
                });
            }
        }
        "list" => {
            let sections = action
                .get("sections")
                .and_then(Value::as_array)
                .unwrap_or(&[])
                .iter()
                .map(|sec| ListSection {
                    title: owned(sec, "title"),
                    rows: sec
                        .get("rows")
                        .and_then(Value::as_array)
                        .unwrap_or(&[])
                        .iter()
                        .map(|r| ListRow {
                            id: owned(r, "id").unwrap_or_default(),
                            title: owned(r, "title").unwrap_or_default(),
                            description: owned(r, "description"),
                        })
                        .collect(),
                })
                .collect();
            let button = owned(action, "button").unwrap_or_default();
            out.buttons.push(Button {
                kind: "list".into(),
                text: button.clone(),
                ..Button::default()
            });
            out.list = Some(ListPreview { button, sections });
        }
        "cta_url" => {
            let p = action.get("parameters");
            out.buttons.push(Button {
                kind: "url".into(),
                text: p.and_then(|p| owned(p, "display_text")).unwrap_or_default(),
                url: p.and_then(|p| owned(p, "url")),
                ..Button::default()
            });
        }
        "flow" => {
            let p = action.get("parameters");
            out.buttons.push(Button {
                kind: "flow".into(),
                text: p.and_then(|p| owned(p, "flow_cta")).unwrap_or_default(),
                ..Button::default()
            });
        }
        "catalog_message" | "product" | "product_list" => {
            let text = match kind.as_str() {
                "catalog_message" => "View catalog",
                "product" => "View",
                _ => "View items",
            };
            out.buttons.push(Button {
                kind: if kind == "catalog_message" {
                    "catalog".into()
                } else {
                    kind.clone()
                },
                text: text.into(),
                ..Button::default()
            });
        }
        _ => {}
    }
}

/// Renders one localizable or text parameter, with the currency check and locale warnings.
fn param_text(
    ctx: &mut Ctx<'_>,
    p: &Value<'_>,
    path: &Path<'_>,
    opts: &RenderOptions,
    lang: &str,
    warned: &mut Vec<usize>,
    j: usize,
) -> Option<String> {
    let t = param_type(p);
    let first = !warned.contains(&j);
    if first {
        warned.push(j);
    }
    match &*t {
        "currency" => {
            let c = p.get("currency")?;
            let fallback = s(c, "fallback_value");
            if first
                && let (Some(fb), Some(amount)) =
                    (fallback, c.get("amount_1000").and_then(Value::as_i64))
                && !localize::fallback_agrees(fb, amount)
            {
                let at = c.get("fallback_value").map_or(c.span, |v| v.span);
                #[allow(clippy::cast_precision_loss)]
                let shown = crate::float::display(amount as f64 / 1000.0);
                ctx.warn(
                    RENDER_CURRENCY_MISMATCH,
                    None,
                    &path.key("currency").key("fallback_value"),
                    at,
                    format!("\"{}\" does not show the amount of `amount_1000` ({shown}); recipients see the fallback", shape::truncate(fb, 40)),
                );
            }
            if opts.localize == Localize::Locale
                && let Some(l) = localize::currency(c, lang)
            {
                if first && let Some(why) = l.failed {
                    ctx.warn(
                        RENDER_LOCALIZE_FAILED,
                        None,
                        &path.key("currency"),
                        c.span,
                        format!(
                            "cannot format the amount in {lang} ({why}); showing fallback_value"
                        ),
                    );
                }
                return Some(l.text);
            }
            fallback.map(str::to_owned)
        }
        "date_time" => {
            let d = p.get("date_time")?;
            if opts.localize == Localize::Locale
                && let Some(l) = localize::date_time(d, lang)
            {
                if first && let Some(why) = l.failed {
                    ctx.warn(
                        RENDER_LOCALIZE_FAILED,
                        None,
                        &path.key("date_time"),
                        d.span,
                        format!("cannot format the date in {lang} ({why}); showing fallback_value"),
                    );
                }
                return Some(l.text);
            }
            owned(d, "fallback_value")
        }
        _ => fallback_text(p).map(std::borrow::Cow::into_owned),
    }
}

/// Hydrates `text` with the parameters of the message component `comp` (index `ci`).
#[allow(clippy::too_many_arguments)]
fn hydrate_with(
    ctx: &mut Ctx<'_>,
    text: &str,
    comp: Option<(usize, &Value<'_>)>,
    cp: &Path<'_>,
    opts: &RenderOptions,
    lang: &str,
) -> String {
    let Some((ci, c)) = comp else {
        return text.to_string();
    };
    let ps = params(c);
    let cip = cp.index(ci);
    let pp = cip.key("parameters");
    let mut warned = Vec::new();
    hydrate(text, |k: Key<'_>| {
        let p = lookup(ps, k)?;
        let j = ps.iter().position(|x| std::ptr::eq(x, p)).unwrap_or(0);
        param_text(ctx, p, &pp.index(j), opts, lang, &mut warned, j)
    })
}

fn render_template(ctx: &mut Ctx<'_>, msg: &Value<'_>, opts: &RenderOptions, out: &mut Preview) {
    let root = Path::ROOT;
    let tp = root.key("template");
    let Some(tv) = msg.get("template").filter(|t| t.as_object().is_some()) else {
        return;
    };
    let comps: &[Value<'_>] = tv
        .get("components")
        .and_then(Value::as_array)
        .unwrap_or(&[]);
    let cp = tp.key("components");
    let lang = tv.get("language").and_then(|l| s(l, "code")).unwrap_or("");
    let header_c = component(comps, "header");
    let body_c = component(comps, "body");

    let Some(def_src) = &opts.template else {
        ctx.warn(
            RENDER_TEMPLATE_REQUIRED,
            None,
            &tp,
            tv.span,
            "rendering a template message needs its definition (--template); showing the parameters only",
        );
        if let Some((_, h)) = header_c
            && let Some(p) = params(h).first()
        {
            out.header = param_header(p);
        }
        if let Some((ci, b)) = body_c {
            let n = params(b).len();
            let text: Vec<String> = (1..=n).map(|i| format!("{{{{{i}}}}}")).collect();
            out.body = Some(TextBlock::new(hydrate_with(
                ctx,
                &text.join(" "),
                Some((ci, b)),
                &cp,
                opts,
                lang,
            )));
        }
        return;
    };
    let def_arena = json::Arena::for_source(def_src.len());
    let def_parsed = json::parse(def_src, &def_arena, &opts.options.parse);
    let def_ok = !def_parsed.diagnostics.iter().any(Diagnostic::is_error);
    send::against(ctx, msg, def_parsed.value.as_ref(), def_ok);
    let Some(dv) = def_parsed
        .value
        .as_ref()
        .filter(|_| def_ok)
        .and_then(|r| model::pick(r, s(tv, "name"), Some(lang)))
    else {
        return;
    };
    let def = Def::read(dv);
    let c = &def.components;

    // Header.
    out.header = c.header.as_ref().and_then(|h| match h.format {
        HeaderFormat::Text => h.text.map(|t| {
            Header::Text(TextBlock::new(hydrate_with(
                ctx, t, header_c, &cp, opts, lang,
            )))
        }),
        _ => header_c
            .and_then(|(_, hc)| params(hc).first())
            .and_then(param_header)
            .or_else(|| {
                Some(Header::Media {
                    media: h.format.param_type().to_string(),
                    link: None,
                    id: None,
                    filename: None,
                })
            }),
    });

    // Body.
    let code = body_c
        .and_then(|(_, b)| params(b).first())
        .and_then(|p| fallback_text(p))
        .map(std::borrow::Cow::into_owned);
    if def.is_auth() && c.body.is_none_or(|_| def.status.is_none()) {
        // D-AUTH preview (en_US): the preset text.
        out.body = Some(TextBlock::new(auth_body(
            code.as_deref(),
            c.add_security_recommendation,
        )));
        if !lang.starts_with("en") && !lang.is_empty() {
            ctx.warn(
                RENDER_AUTH_PRESET,
                None,
                &tp.key("language").key("code"),
                tv.get("language").and_then(|l| l.get("code")).map_or(tv.span, |v| v.span),
                format!("WhatsApp shows the authentication text in {lang}; this preview shows the English preset"),
            );
        }
        if let Some(m) = c.code_expiration_minutes {
            out.footer = Some(Footer {
                text: auth_footer(m),
            });
        }
    } else if let Some(text) = c.body {
        out.body = Some(TextBlock::new(hydrate_with(
            ctx, text, body_c, &cp, opts, lang,
        )));
    }
    if out.footer.is_none() {
        out.footer = c.footer.map(|t| Footer {
            text: t.to_string(),
        });
    }

    // Buttons.
    for (idx, b) in c.buttons.iter().enumerate() {
        let bc = comps.iter().enumerate().find(|(_, x)| {
            s(x, "type").is_some_and(|t| t.eq_ignore_ascii_case("button"))
                && x.get("index").and_then(index_of) == Some(idx)
        });
        let first_param = bc.and_then(|(_, x)| params(x).first());
        let otp_like = def.is_auth() && matches!(b.kind, ButtonKind::Url | ButtonKind::Otp);
        let mut button = Button {
            kind: b.kind.preview_kind().to_string(),
            text: b.text.unwrap_or("").to_string(),
            phone_number: b.phone_number.map(str::to_owned),
            ..Button::default()
        };
        if otp_like {
            button.kind = "otp".into();
            if button.text.is_empty() {
                button.text = "Copy code".into();
            }
            button.code = first_param
                .and_then(|p| fallback_text(p))
                .map(std::borrow::Cow::into_owned)
                .or_else(|| code.clone());
        } else {
            match b.kind {
                ButtonKind::Url => {
                    let suffix = first_param.and_then(|p| fallback_text(p));
                    if let (Some(sfx), Some((ci, x))) = (&suffix, bc) {
                        let pp = cp.index(ci);
                        let ppp = pp.key("parameters");
                        let p0 = ppp.index(0);
                        let at = params(x)
                            .first()
                            .and_then(|p| p.get("text"))
                            .map_or(x.span, |v| v.span);
                        check_suffix(ctx, sfx, &p0.key("text"), at);
                    }
                    button.url = b.url.map(|u| hydrate(u, |_| suffix.as_deref()));
                }
                ButtonKind::QuickReply => {
                    button.payload = first_param
                        .and_then(|p| fallback_text(p))
                        .map(std::borrow::Cow::into_owned)
                }
                ButtonKind::CopyCode => {
                    if button.text.is_empty() {
                        button.text = "Copy offer code".into();
                    }
                    button.code = first_param
                        .and_then(|p| fallback_text(p))
                        .map(std::borrow::Cow::into_owned);
                }
                _ => {}
            }
        }
        out.buttons.push(button);
    }
}

/// D-AUTH's preset body (en_US): the code in bold, the optional security sentence.
pub(crate) fn auth_body(code: Option<&str>, security: bool) -> String {
    let mut text = format!("*{}* is your verification code.", code.unwrap_or("{{1}}"));
    if security {
        text.push_str(" For your security, do not share this code.");
    }
    text
}

/// D-AUTH's preset footer (en_US).
pub(crate) fn auth_footer(minutes: i64) -> String {
    format!("This code expires in {minutes} minutes.")
}

/// A header from a media / location / product send parameter.
pub(crate) fn param_header(p: &Value<'_>) -> Option<Header> {
    let t = param_type(p);
    match &*t {
        "image" | "video" | "document" | "gif" => p.get(&t).map(|m| media_header(&t, m)),
        "location" => p.get("location").map(|l| Header::Location {
            location: location(l),
        }),
        "product" => p.get("product").map(|x| Header::Product {
            product: ProductPreview {
                catalog_id: owned(x, "catalog_id"),
                product_retailer_id: owned(x, "product_retailer_id"),
            },
        }),
        "text" => fallback_text(p).map(|x| Header::Text(TextBlock::new(x.into_owned()))),
        _ => None,
    }
}

/// D-COMP "URL encoding": the suffix is appended as given, so it must already be
/// percent-encoded (space → %20, `:` → %3A, `|` → %7C, ç → %C3%A7).
fn check_suffix(ctx: &mut Ctx<'_>, suffix: &str, path: &Path<'_>, at: json::Span) {
    let bytes = suffix.as_bytes();
    let mut bad = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let ok = match b {
            b'%' => {
                let hex = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_hexdigit);
                if hex(i + 1) && hex(i + 2) {
                    i += 3;
                    continue;
                }
                false
            }
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => true,
            b'-' | b'.' | b'_' | b'~' | b'/' | b'?' | b'=' | b'&' | b'+' | b',' | b';' | b'!'
            | b'$' | b'\'' | b'(' | b')' | b'*' | b'@' | b'#' => true,
            _ => false,
        };
        if !ok {
            bad = suffix.get(i..).and_then(|r| r.chars().next());
            break;
        }
        i += 1;
    }
    if let Some(ch) = bad {
        let encoded = percent_encode(suffix);
        ctx.warn(
            RENDER_URL_SUFFIX,
            None,
            path,
            at,
            format!(
                "the URL suffix holds {ch:?}, which must be percent-encoded: \"{}\"",
                shape::truncate(&encoded, 80)
            ),
        );
    }
}

/// Percent-encodes what a URL path or query cannot hold as is (RFC 3986 unreserved and the
/// delimiters above pass through). Hand-written: 15 lines, where the `percent-encoding`
/// crate would add a dependency for a hint in a message.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'?'
            | b'='
            | b'&'
            | b'+'
            | b','
            | b';'
            | b'!'
            | b'$'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'@'
            | b'#'
            | b'%' => {
                out.push(char::from(b));
            }
            _ => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

// --- text and HTML renderings -------------------------------------------------------------

impl Preview {
    /// Plain text: header, body, footer, buttons, one block per line group.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        match &self.header {
            Some(Header::Text(t)) => {
                out.push_str(&t.ast.to_text());
                out.push_str("\n\n");
            }
            Some(Header::Media {
                media,
                link,
                id,
                filename,
            }) => {
                let what = filename.as_ref().or(link.as_ref()).or(id.as_ref());
                let _ = match what {
                    Some(w) => write!(out, "[{media}: {w}]\n\n"),
                    None => write!(out, "[{media}]\n\n"),
                };
            }
            Some(Header::Location { location }) => {
                let _ = write!(out, "[location");
                if let (Some(la), Some(lo)) = (location.latitude, location.longitude) {
                    let (la, lo) = (crate::float::display(la), crate::float::display(lo));
                    let _ = write!(out, " {la}, {lo}");
                }
                for part in [&location.name, &location.address].into_iter().flatten() {
                    let _ = write!(out, " · {part}");
                }
                out.push_str("]\n\n");
            }
            Some(Header::Product { product }) => {
                let _ = write!(
                    out,
                    "[product {}]\n\n",
                    product.product_retailer_id.as_deref().unwrap_or("")
                );
            }
            None => {}
        }
        if let Some(b) = &self.body {
            out.push_str(&b.ast.to_text());
            out.push('\n');
        }
        if let Some(f) = &self.footer {
            out.push('\n');
            out.push_str(&f.text);
            out.push('\n');
        }
        if !self.buttons.is_empty() {
            out.push('\n');
        }
        for b in &self.buttons {
            let _ = write!(out, "[ {} ]", b.text);
            if let Some(u) = &b.url {
                let _ = write!(out, " → {u}");
            }
            if let Some(p) = &b.phone_number {
                let _ = write!(out, " ☎ {p}");
            }
            if let Some(c) = &b.code {
                let _ = write!(out, " ({c})");
            }
            out.push('\n');
        }
        if let Some(list) = &self.list {
            for sec in &list.sections {
                if let Some(t) = &sec.title {
                    let _ = writeln!(out, "  {t}");
                }
                for r in &sec.rows {
                    let _ = write!(out, "  - {}", r.title);
                    if let Some(d) = &r.description {
                        let _ = write!(out, ": {d}");
                    }
                    out.push('\n');
                }
            }
        }
        out
    }

    /// A self-contained HTML fragment; every text is escaped and only http(s) URLs become
    /// links, so it is safe to insert into a page.
    #[must_use]
    pub fn to_html(&self) -> String {
        let mut out = String::from("<div class=\"wa-preview\">\n");
        match &self.header {
            Some(Header::Text(t)) => {
                let _ = writeln!(out, "<div class=\"wa-header\">{}</div>", t.ast.to_html());
            }
            Some(Header::Media {
                media,
                link,
                id,
                filename,
            }) => {
                let label = filename
                    .as_ref()
                    .or(id.as_ref())
                    .map_or_else(String::new, |x| format!(": {}", escape(x)));
                match link.as_deref().filter(|l| safe_url(l)) {
                    Some(l) if media == "image" || media == "sticker" => {
                        let _ = writeln!(
                            out,
                            "<div class=\"wa-header wa-media wa-{m}\"><img src=\"{}\" alt=\"{m}\"></div>",
                            escape(l),
                            m = escape(media)
                        );
                    }
                    Some(l) => {
                        let _ = writeln!(
                            out,
                            "<div class=\"wa-header wa-media wa-{m}\"><a href=\"{}\">{m}{label}</a></div>",
                            escape(l),
                            m = escape(media)
                        );
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "<div class=\"wa-header wa-media wa-{m}\">[{m}{label}]</div>",
                            m = escape(media)
                        );
                    }
                }
            }
            Some(Header::Location { location }) => {
                let mut parts = Vec::new();
                if let (Some(la), Some(lo)) = (location.latitude, location.longitude) {
                    parts.push(format!(
                        "{}, {}",
                        crate::float::display(la),
                        crate::float::display(lo)
                    ));
                }
                parts.extend(
                    [&location.name, &location.address]
                        .into_iter()
                        .flatten()
                        .cloned(),
                );
                let _ = writeln!(
                    out,
                    "<div class=\"wa-header wa-location\">📍 {}</div>",
                    escape(&parts.join(" · "))
                );
            }
            Some(Header::Product { product }) => {
                let _ = writeln!(
                    out,
                    "<div class=\"wa-header wa-product\">{}</div>",
                    escape(product.product_retailer_id.as_deref().unwrap_or("product"))
                );
            }
            None => {}
        }
        if let Some(b) = &self.body {
            let _ = writeln!(out, "<div class=\"wa-body\">{}</div>", b.ast.to_html());
        }
        if let Some(f) = &self.footer {
            let _ = writeln!(out, "<div class=\"wa-footer\">{}</div>", escape(&f.text));
        }
        if !self.buttons.is_empty() {
            out.push_str("<ul class=\"wa-buttons\">\n");
            for b in &self.buttons {
                let text = escape(&b.text);
                let kind = escape(&b.kind);
                match b.url.as_deref().filter(|u| safe_url(u)) {
                    Some(u) => {
                        let _ = writeln!(
                            out,
                            "<li class=\"wa-button wa-{kind}\"><a href=\"{}\" rel=\"noopener noreferrer\">{text}</a></li>",
                            escape(u)
                        );
                    }
                    None => {
                        let _ = writeln!(out, "<li class=\"wa-button wa-{kind}\">{text}</li>");
                    }
                }
            }
            out.push_str("</ul>\n");
        }
        if let Some(list) = &self.list {
            out.push_str("<div class=\"wa-list\">\n");
            for sec in &list.sections {
                if let Some(t) = &sec.title {
                    let _ = writeln!(out, "<div class=\"wa-list-section\">{}</div>", escape(t));
                }
                out.push_str("<ul>\n");
                for r in &sec.rows {
                    let desc = r
                        .description
                        .as_deref()
                        .map_or_else(String::new, |d| format!("<br><small>{}</small>", escape(d)));
                    let _ = writeln!(out, "<li>{}{desc}</li>", escape(&r.title));
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</div>\n");
        out
    }
}

fn safe_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Escapes text for HTML element content and double-quoted attributes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
