//! A template definition prepared once (read and lexed) for many previews: the fast path for
//! an editor that re-renders on every keystroke in a parameter, or a server previewing many
//! sends of one template. [`Template::hydrate`] builds the same header, body, footer and
//! buttons as [`super::render`], without parsing or checking anything.

use std::ops::Range;

use crate::json::{self, Value};
use crate::options::Options;

use super::model::{self, ButtonKind, Def, HeaderFormat};
use super::placeholder::{Key, Token, lex};
use super::preview::{Button, Footer, Header, Preview, TextBlock};
use super::send::{component, fallback_text, index_of, params as params_of};

/// A lexed text: literal ranges and variables.
#[derive(Clone, Debug)]
struct Pieces {
    text: String,
    parts: Vec<Part>,
}

#[derive(Clone, Debug)]
enum Part {
    Lit(Range<usize>),
    Pos(u32),
    Named(String),
}

impl Pieces {
    fn new(text: &str) -> Self {
        let parts = lex(text)
            .map(|t| match t {
                Token::Placeholder(p) => match p.key {
                    Key::Positional(n) => Part::Pos(n),
                    Key::Named(s) => Part::Named(s.to_string()),
                },
                Token::Text(r) => Part::Lit(r),
                Token::Malformed(m) => Part::Lit(m.span),
            })
            .collect();
        Self {
            text: text.to_string(),
            parts,
        }
    }

    fn hydrate(&self, values: &[Param]) -> String {
        let mut out = String::with_capacity(self.text.len() + 64);
        for part in &self.parts {
            let v = match part {
                Part::Lit(r) => {
                    out.push_str(self.text.get(r.clone()).unwrap_or(""));
                    continue;
                }
                Part::Pos(n) => (*n as usize)
                    .checked_sub(1)
                    .and_then(|i| values.get(i))
                    .map(|p| p.text.as_str()),
                Part::Named(name) => values
                    .iter()
                    .find(|p| p.name.as_deref() == Some(name.as_str()))
                    .map(|p| p.text.as_str()),
            };
            match (v, part) {
                (Some(v), _) => out.push_str(v),
                (None, Part::Pos(n)) => out.push_str(&format!("{{{{{n}}}}}")),
                (None, Part::Named(s)) => out.push_str(&format!("{{{{{s}}}}}")),
                (None, Part::Lit(_)) => {}
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
struct PreparedButton {
    kind: ButtonKind,
    text: String,
    url: Option<Pieces>,
    phone_number: Option<String>,
}

/// A template definition prepared for hydration.
#[derive(Clone, Debug)]
pub struct Template {
    auth: bool,
    readback: bool,
    add_security_recommendation: bool,
    code_expiration_minutes: Option<i64>,
    header_format: Option<HeaderFormat>,
    header: Option<Pieces>,
    body: Option<Pieces>,
    footer: Option<String>,
    buttons: Vec<PreparedButton>,
}

/// One text parameter (text, or a currency / date_time already rendered).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Param {
    /// `parameter_name` for named templates.
    pub name: Option<String>,
    /// The text it hydrates to.
    pub text: String,
}

/// A button parameter: the URL suffix, quick-reply payload, coupon or OTP code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ButtonParam {
    /// The button's 0-based position in the definition.
    pub index: usize,
    /// Its value.
    pub text: String,
}

/// The parameter values of one send.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// A media, location or product header (templates with such a header).
    pub header_media: Option<Header>,
    /// Values of a text header's variable.
    pub header: Vec<Param>,
    /// Values of the body's variables.
    pub body: Vec<Param>,
    /// Button values.
    pub buttons: Vec<ButtonParam>,
}

impl Params {
    /// Reads the parameters of a template send payload, rendering currency and date_time
    /// parameters with their `fallback_value` (as the Cloud API does). `None` when the text
    /// is not JSON or has no `template` object.
    #[must_use]
    pub fn from_message(message_src: &str, opts: &Options) -> Option<Self> {
        let parsed = json::parse(message_src, &opts.parse);
        let msg = parsed.value?;
        let tv = msg.get("template")?;
        let comps: &[Value<'_>] = tv
            .get("components")
            .and_then(Value::as_array)
            .unwrap_or(&[]);
        let texts = |c: Option<(usize, &Value<'_>)>| -> Vec<Param> {
            c.map(|(_, c)| params_of(c))
                .unwrap_or(&[])
                .iter()
                .map(|p| Param {
                    name: p
                        .get("parameter_name")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    text: fallback_text(p).map(|t| t.into_owned()).unwrap_or_default(),
                })
                .collect()
        };
        let header_c = component(comps, "header");
        let header_media = header_c
            .and_then(|(_, h)| params_of(h).first())
            .and_then(super::preview::param_header)
            .filter(|h| !matches!(h, Header::Text(_)));
        let buttons = comps
            .iter()
            .filter(|c| {
                c.get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| t.eq_ignore_ascii_case("button"))
            })
            .filter_map(|c| {
                Some(ButtonParam {
                    index: c.get("index").and_then(index_of)?,
                    text: params_of(c)
                        .first()
                        .and_then(fallback_text)
                        .map(|t| t.into_owned())
                        .unwrap_or_default(),
                })
            })
            .collect();
        Some(Self {
            header_media,
            header: texts(header_c),
            body: texts(component(comps, "body")),
            buttons,
        })
    }
}

impl Template {
    /// Reads and lexes a definition (one definition, a `{"data": [...]}` list, or an array:
    /// the first entry, or the one named `name`). `None` when it is not JSON or holds no
    /// definition. Validate it with [`crate::check`] for diagnostics.
    #[must_use]
    pub fn prepare(
        definition_src: &str,
        name: Option<&str>,
        language: Option<&str>,
        opts: &Options,
    ) -> Option<Self> {
        let parsed = json::parse(definition_src, &opts.parse);
        let root = parsed.value?;
        let dv = model::pick(&root, name, language)?;
        let def = Def::read(dv);
        let c = &def.components;
        Some(Self {
            auth: def.is_auth(),
            readback: def.status.is_some(),
            add_security_recommendation: c.add_security_recommendation,
            code_expiration_minutes: c.code_expiration_minutes,
            header_format: c.header.as_ref().map(|h| h.format),
            header: c
                .header
                .as_ref()
                .filter(|h| h.format == HeaderFormat::Text)
                .and_then(|h| h.text)
                .map(Pieces::new),
            body: c.body.map(Pieces::new),
            footer: c.footer.map(str::to_owned),
            buttons: c
                .buttons
                .iter()
                .map(|b| PreparedButton {
                    kind: b.kind,
                    text: b.text.unwrap_or("").to_string(),
                    url: b.url.map(Pieces::new),
                    phone_number: b.phone_number.map(str::to_owned),
                })
                .collect(),
        })
    }

    /// The preview for `params` (no diagnostics: see [`super::render`] and
    /// [`super::check_send`] for those).
    #[must_use]
    pub fn hydrate(&self, params: &Params) -> Preview {
        let mut out = Preview {
            header: match (self.header_format, &self.header) {
                (Some(HeaderFormat::Text), Some(h)) => {
                    Some(Header::Text(TextBlock::new(h.hydrate(&params.header))))
                }
                (Some(HeaderFormat::Text), None) | (None, _) => None,
                (Some(f), _) => params.header_media.clone().or_else(|| {
                    Some(Header::Media {
                        media: f.param_type().to_string(),
                        link: None,
                        id: None,
                        filename: None,
                    })
                }),
            },
            ..Preview::default()
        };
        let code = params.body.first().map(|p| p.text.as_str());
        if self.auth && (self.body.is_none() || !self.readback) {
            out.body = Some(TextBlock::new(super::preview::auth_body(
                code,
                self.add_security_recommendation,
            )));
            out.footer = self.code_expiration_minutes.map(|m| Footer {
                text: super::preview::auth_footer(m),
            });
        } else {
            out.body = self
                .body
                .as_ref()
                .map(|b| TextBlock::new(b.hydrate(&params.body)));
        }
        if out.footer.is_none() {
            out.footer = self.footer.clone().map(|text| Footer { text });
        }
        out.buttons = self
            .buttons
            .iter()
            .enumerate()
            .map(|(idx, b)| {
                let value = params
                    .buttons
                    .iter()
                    .find(|p| p.index == idx)
                    .map(|p| p.text.as_str());
                let mut button = Button {
                    kind: b.kind.preview_kind().to_string(),
                    text: b.text.clone(),
                    phone_number: b.phone_number.clone(),
                    ..Button::default()
                };
                if self.auth && matches!(b.kind, ButtonKind::Url | ButtonKind::Otp) {
                    button.kind = "otp".into();
                    if button.text.is_empty() {
                        button.text = "Copy code".into();
                    }
                    button.code = value.or(code).map(str::to_owned);
                    return button;
                }
                match b.kind {
                    ButtonKind::Url => {
                        button.url = b.url.as_ref().map(|u| {
                            let suffix: Vec<Param> = value
                                .map(|v| Param {
                                    name: None,
                                    text: v.to_string(),
                                })
                                .into_iter()
                                .collect();
                            // Named URL variables take the one suffix too.
                            let mut p = suffix.clone();
                            if let (Some(first), Some(Part::Named(n))) = (
                                p.first_mut(),
                                u.parts.iter().find(|x| !matches!(x, Part::Lit(_))),
                            ) {
                                first.name = Some(n.clone());
                            }
                            u.hydrate(&p)
                        });
                    }
                    ButtonKind::QuickReply => button.payload = value.map(str::to_owned),
                    ButtonKind::CopyCode => {
                        if button.text.is_empty() {
                            button.text = "Copy offer code".into();
                        }
                        button.code = value.map(str::to_owned);
                    }
                    _ => {}
                }
                button
            })
            .collect();
        out
    }
}
