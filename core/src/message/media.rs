//! Media objects (platform-rules §2): image, video, audio, document, sticker — as a message,
//! as an interactive header and as a template parameter. `id` xor `link` (http/https only),
//! `caption` only for image/video/document and ≤ 1024, `filename` only for documents,
//! `voice` only for audio, `provider` only On-Prem.

use super::envelope::on_prem_only;
use super::util::{self, not_here};
use crate::diagnostic::{Code, meta};
use crate::json::{self, Value};
use crate::limits;
use crate::options::Api;
use crate::shape::{Ctx, Path};

/// Neither `id` nor `link`.
pub const SOURCE_MISSING: Code = Code::new("media.source.missing");
/// Both `id` and `link`.
pub const SOURCE_CONFLICT: Code = Code::new("media.source.conflict");
/// `link` is not an http(s) URL.
pub const LINK_INVALID: Code = Code::new("media.link.invalid");
/// A media field this kind of media does not take (`caption` on audio, `filename` on an
/// image, `voice` on a video).
pub const FIELD_UNSUPPORTED: Code = Code::new("media.field.unsupported");
/// A field the platform ignores here (caption in a media template, document caption on
/// On-Prem, caption in an interactive header).
pub const FIELD_IGNORED: Code = Code::new("media.field.ignored");
/// A template document parameter that is not a PDF.
pub const DOCUMENT_NOT_PDF: Code = Code::new("media.document.not_pdf");

/// The kind of media.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Image,
    Video,
    Audio,
    Document,
    Sticker,
    /// Marketing Messages API header GIF (an mp4).
    Gif,
}

impl Kind {
    pub(super) fn from_type(t: &str) -> Self {
        match t {
            "video" => Self::Video,
            "audio" => Self::Audio,
            "document" => Self::Document,
            "sticker" => Self::Sticker,
            "gif" => Self::Gif,
            _ => Self::Image,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Image => "image",
            Self::Video => "video",
            Self::Audio => "audio",
            Self::Document => "document",
            Self::Sticker => "sticker",
            Self::Gif => "gif",
        }
    }

    fn takes_caption(self) -> bool {
        matches!(self, Self::Image | Self::Video | Self::Document | Self::Gif)
    }
}

/// Where the media object sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Use {
    /// A media message (`type: image`, ...).
    Message,
    /// An interactive message header.
    Header,
    /// A template header parameter.
    TemplateParam,
}

const FIELDS: &[&str] = &["id", "link", "caption", "filename", "voice", "provider"];

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>, kind: Kind, usage: Use) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, FIELDS);
    let api = ctx.opts.api;
    let id = json::get(m, "id");
    let link = json::get(m, "link");
    match (id, link) {
        (None, None) => ctx.error(
            SOURCE_MISSING,
            Some(meta::MISSING_PARAMETER),
            &path.key("id"),
            json::Span::new(v.span.start as usize, v.span.start as usize + 1),
            format!(
                "the {} needs an `id` (uploaded media) or a `link` (http/https URL)",
                kind.name()
            ),
        ),
        (Some(_), Some(_)) => {
            let lm = json::get_member(m, "link");
            let span = lm.map_or(v.span, |l| l.key_span);
            ctx.error(
                SOURCE_CONFLICT,
                Some(meta::INVALID_PARAMETER),
                &path.key("link"),
                span,
                format!(
                    "the {} has both `id` and `link`; send exactly one of them",
                    kind.name()
                ),
            );
        }
        _ => {}
    }
    if let Some(idv) = id
        && let Some(s) = ctx.string(idv, &path.key("id"))
    {
        ctx.non_blank(s, idv, &path.key("id"));
    }
    if let Some(lv) = link {
        let p = path.key("link");
        if let Some(s) = ctx.string(lv, &p)
            && !util::is_http_url(s)
        {
            ctx.error(
                LINK_INVALID,
                Some(meta::INVALID_VALUE),
                &p,
                lv.span,
                format!(
                    "`link` \"{}\" is not an http:// or https:// URL",
                    crate::shape::truncate(s, 60)
                ),
            );
        }
    }
    for mm in m {
        match mm.key.as_ref() {
            "caption" => {
                let p = path.key("caption");
                if !kind.takes_caption() {
                    not_here(
                        ctx,
                        FIELD_UNSUPPORTED,
                        mm,
                        path,
                        &format!("is not supported for {} media", kind.name()),
                    );
                    continue;
                }
                if let Some(s) = ctx.string(&mm.value, &p) {
                    ctx.max_chars(s, &mm.value, &p, limits::MEDIA_CAPTION, meta::INVALID_VALUE);
                }
                let ignored = match usage {
                    // REF-OLD: "Captions not supported when used in a media template".
                    Use::TemplateParam => Some("captions are not shown in media templates"),
                    // WAJS forbids captions inside header media; Meta pages do not list one.
                    Use::Header => Some("an interactive header shows no caption"),
                    // On-Prem: "Captions are currently not supported for document media".
                    Use::Message if api == Api::OnPrem && kind == Kind::Document => {
                        Some("the On-Premises API does not support captions on documents")
                    }
                    Use::Message => None,
                };
                if let Some(why) = ignored {
                    ctx.warn(
                        FIELD_IGNORED,
                        None,
                        &p,
                        mm.key_span,
                        format!("`caption` is ignored: {why}"),
                    );
                }
            }
            "filename" => {
                if kind != Kind::Document {
                    not_here(
                        ctx,
                        FIELD_UNSUPPORTED,
                        mm,
                        path,
                        &format!("is only used with document media, not {}", kind.name()),
                    );
                    continue;
                }
                let p = path.key("filename");
                if let Some(s) = ctx.string(&mm.value, &p)
                    && usage == Use::TemplateParam
                    && !s.to_ascii_lowercase().ends_with(".pdf")
                {
                    // REF-OLD: "Only PDF documents are supported for media-based message
                    // templates"; the filename is the only hint at the format we can see.
                    ctx.warn(
                        DOCUMENT_NOT_PDF,
                        None,
                        &p,
                        mm.value.span,
                        "media templates only support PDF documents; this filename does not end in .pdf",
                    );
                }
            }
            "voice" => {
                if kind != Kind::Audio || usage != Use::Message {
                    not_here(
                        ctx,
                        FIELD_UNSUPPORTED,
                        mm,
                        path,
                        "is only used with audio messages",
                    );
                    continue;
                }
                ctx.boolean(&mm.value, &path.key("voice"));
            }
            "provider" => {
                if api == Api::Cloud {
                    on_prem_only(ctx, mm, path, "");
                    continue;
                }
                let p = path.key("provider");
                if let Some(pm) = ctx.object(&mm.value, &p) {
                    ctx.unknown_fields(pm, &p, &["name"]);
                    util::req_text(ctx, pm, mm.value.span, &p, "name", usize::MAX);
                }
            }
            _ => {}
        }
    }
}
