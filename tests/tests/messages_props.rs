//! Property tests: a message built with the typed model validates clean, and a mutation that
//! breaks exactly one rule yields exactly that diagnostic at that path.

use proptest::prelude::*;
use serde_json::{Value, json};
use wamsg::message::model::{
    Body, ButtonSubType, Contact, ContactName, Content, CtaUrlAction, CtaUrlParameters, Footer,
    Header, Interactive, ListAction, ListRow, ListSection, Location, Media, Message, Parameter,
    Phone, Reaction, Template, Text,
};

fn words(max: usize) -> impl Strategy<Value = String> {
    // Single spaces between words: no template whitespace rule can trip.
    prop::collection::vec("[A-Za-z][a-z0-9]{0,8}", 1..=max).prop_map(|w| w.join(" "))
}

fn phone() -> impl Strategy<Value = String> {
    "\\+?[1-9][0-9]{9,13}"
}

fn media() -> impl Strategy<Value = Media> {
    prop_oneof![
        "[1-9][0-9]{5,15}".prop_map(Media::id),
        "[a-z]{1,10}(/[a-z0-9]{1,8}){0,3}"
            .prop_map(|p| Media::link(format!("https://example.com/{p}"))),
    ]
}

fn location() -> impl Strategy<Value = Location> {
    (-90.0f64..=90.0, -180.0f64..=180.0, words(3), words(5)).prop_map(|(la, lo, n, a)| Location {
        latitude: la,
        longitude: lo,
        name: Some(n),
        address: Some(a),
    })
}

fn contact() -> impl Strategy<Value = Contact> {
    (words(3), "[A-Z][a-z]{1,10}", phone()).prop_map(|(f, first, p)| Contact {
        name: ContactName {
            formatted_name: f,
            first_name: Some(first),
            ..ContactName::default()
        },
        birthday: Some("1990-02-28".into()),
        addresses: vec![],
        emails: vec![],
        phones: vec![Phone {
            phone: Some(p),
            kind: Some("CELL".into()),
            wa_id: None,
        }],
        urls: vec![],
        org: None,
    })
}

fn interactive() -> impl Strategy<Value = Interactive> {
    let buttons = (words(20), 1usize..=3, "[a-z]{1,5}").prop_map(|(body, n, tag)| {
        let pairs: Vec<(String, String)> = (0..n)
            .map(|i| (format!("{tag}-{i}"), format!("Option {i} {tag}")))
            .collect();
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        Interactive::buttons(body, &refs)
    });
    let list = (words(20), prop::collection::vec(1usize..=3, 1..=3)).prop_map(|(body, sizes)| {
        let mut k = 0;
        let sections = sizes
            .iter()
            .enumerate()
            .map(|(s, n)| ListSection {
                title: Some(format!("Section {s}")),
                rows: (0..*n)
                    .map(|_| {
                        k += 1;
                        ListRow {
                            id: format!("row-{k}"),
                            title: format!("Row {k}"),
                            description: Some("Details".into()),
                        }
                    })
                    .collect(),
            })
            .collect();
        Interactive::List {
            header: Some(Header::text("Menu")),
            body: Body::new(body),
            footer: Some(Footer {
                text: "Pick one".into(),
            }),
            action: ListAction {
                button: "Choose".into(),
                sections,
            },
        }
    });
    let cta = (words(10), "[a-z]{1,10}").prop_map(|(body, p)| Interactive::CtaUrl {
        header: None,
        body: Body::new(body),
        footer: None,
        action: CtaUrlAction {
            name: "cta_url".into(),
            parameters: CtaUrlParameters {
                display_text: "Open".into(),
                url: format!("https://example.com/{p}"),
            },
        },
    });
    prop_oneof![buttons, list, cta]
}

fn template() -> impl Strategy<Value = Template> {
    let lang = prop::sample::select(vec!["en", "en_US", "pt_BR", "de", "es_MX", "zh_CN"]);
    (
        "[a-z][a-z0-9_]{0,30}",
        lang,
        prop::collection::vec(words(6), 0..5),
        any::<bool>(),
        0usize..3,
    )
        .prop_map(|(name, code, texts, header, buttons)| {
            let mut t = Template::new(name, code);
            if header {
                t = t.header(Parameter::Image {
                    image: Media::link("https://example.com/h.png"),
                });
            }
            let mut params: Vec<Parameter> = texts.into_iter().map(Parameter::text).collect();
            params.push(Parameter::currency("$10.00", "USD", 10_000));
            params.push(Parameter::date_time("May 1"));
            t = t.body(params);
            for i in 0..buttons {
                #[allow(clippy::cast_possible_truncation)]
                let index = i as u8;
                t = t.button(
                    ButtonSubType::QuickReply,
                    index,
                    Parameter::payload(format!("p{i}")),
                );
            }
            t
        })
}

fn message() -> impl Strategy<Value = Message> {
    let content = prop_oneof![
        words(50).prop_map(|b| Content::Text { text: Text::new(b) }),
        (media(), words(5)).prop_map(|(m, c)| Content::Image {
            image: m.caption(c)
        }),
        media().prop_map(|m| Content::Audio { audio: m }),
        (media(), words(3)).prop_map(|(m, f)| Content::Document {
            document: m.filename(format!("{}.pdf", f.replace(' ', "_")))
        }),
        media().prop_map(|m| Content::Sticker { sticker: m }),
        location().prop_map(|l| Content::Location { location: l }),
        prop::collection::vec(contact(), 1..4).prop_map(|c| Content::Contacts { contacts: c }),
        prop::sample::select(vec!["👍", "❤️", "😀", "🇩🇪", ""]).prop_map(|e| Content::Reaction {
            reaction: Reaction {
                message_id: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUYzMjEzNDM2RTZGQ0MzMDJBRgA=".into(),
                emoji: e.into(),
            }
        }),
        interactive().prop_map(|i| Content::Interactive {
            interactive: Box::new(i)
        }),
        template().prop_map(|t| Content::Template { template: t }),
    ];
    (phone(), content, any::<bool>()).prop_map(|(to, c, reply)| {
        let m = Message::new(to, c);
        if reply {
            m.reply_to("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQ")
        } else {
            m
        }
    })
}

fn check(v: &Value) -> Vec<(String, String)> {
    let text = serde_json::to_string_pretty(v).unwrap();
    wamsg::validate_message(&text)
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_string(), d.path.to_string()))
        .collect()
}

/// Breaks one rule of `v` (if it applies to this message) and returns the code and path the
/// validator must report.
fn mutate(v: &mut Value, which: usize) -> Option<(&'static str, String)> {
    let ty = v["type"].as_str().unwrap_or("").to_string();
    match which {
        0 => {
            v.as_object_mut()?.remove("messaging_product");
            Some(("field.missing", "/messaging_product".into()))
        }
        1 => {
            v.as_object_mut()?
                .insert("recipent_type".into(), json!("individual"));
            Some(("field.unknown", "/recipent_type".into()))
        }
        2 => {
            v["to"] = json!("call me");
            Some(("message.to.invalid", "/to".into()))
        }
        3 => {
            v["type"] = json!(format!("{ty}x"));
            Some(("message.type.unsupported", "/type".into()))
        }
        4 if ty == "text" => {
            v["text"]["body"] = json!("a".repeat(4097));
            Some(("text.too_long", "/text/body".into()))
        }
        5 if ty == "image" => {
            let img = v["image"].as_object_mut()?;
            img.remove("id");
            img.insert("link".into(), json!("ftp://example.com/a.png"));
            Some(("media.link.invalid", "/image/link".into()))
        }
        6 if ty == "audio" => {
            v["audio"]["caption"] = json!("no");
            Some(("media.field.unsupported", "/audio/caption".into()))
        }
        7 if ty == "location" => {
            v["location"]["latitude"] = json!(123.5);
            Some(("location.coordinate.invalid", "/location/latitude".into()))
        }
        8 if ty == "reaction" => {
            v["reaction"]["emoji"] = json!("ok");
            Some(("reaction.emoji.invalid", "/reaction/emoji".into()))
        }
        9 if ty == "contacts" => {
            v["contacts"][0]["birthday"] = json!("1990-02-30");
            Some(("contacts.birthday.invalid", "/contacts/0/birthday".into()))
        }
        10 if ty == "template" => {
            v["template"]["language"]["code"] = json!("en-GB");
            Some((
                "template.language.unsupported",
                "/template/language/code".into(),
            ))
        }
        11 if ty == "template" => {
            let comps = v["template"]["components"].as_array()?;
            let bi = comps.iter().position(|c| c["type"] == "body")?;
            v["template"]["components"][bi]["parameters"][0]["text"] = json!("two\nlines");
            // The first body parameter is a text one only when texts were generated.
            if v["template"]["components"][bi]["parameters"][0]["type"] != "text" {
                return None;
            }
            Some((
                "template.param.whitespace",
                format!("/template/components/{bi}/parameters/0/text"),
            ))
        }
        12 if ty == "interactive" && v["interactive"]["type"] == "button" => {
            let n = v["interactive"]["action"]["buttons"].as_array()?.len();
            if n < 2 {
                return None;
            }
            let t = v["interactive"]["action"]["buttons"][0]["reply"]["title"].clone();
            v["interactive"]["action"]["buttons"][1]["reply"]["title"] = t;
            Some((
                "interactive.buttons.duplicate_title",
                "/interactive/action/buttons/1/reply/title".into(),
            ))
        }
        13 if ty == "interactive" && v["interactive"]["type"] == "list" => {
            v["interactive"]["action"]["sections"][0]["rows"][0]["title"] = json!("x".repeat(25));
            Some((
                "text.too_long",
                "/interactive/action/sections/0/rows/0/title".into(),
            ))
        }
        14 if ty == "interactive" && v["interactive"]["type"] == "cta_url" => {
            v["interactive"]["action"]["parameters"]["url"] = json!("www.example.com");
            Some((
                "media.link.invalid",
                "/interactive/action/parameters/url".into(),
            ))
        }
        15 if ty == "template" => {
            let comps = v["template"]["components"].as_array()?;
            let bi = comps.iter().position(|c| c["type"] == "button")?;
            v["template"]["components"][bi]["index"] = json!(12);
            Some((
                "template.button.index",
                format!("/template/components/{bi}/index"),
            ))
        }
        16 if ty == "document" => {
            v["document"]["voice"] = json!(true);
            Some(("media.field.unsupported", "/document/voice".into()))
        }
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn built_messages_validate_clean(m in message()) {
        let v = serde_json::to_value(&m).unwrap();
        let diags = check(&v);
        prop_assert!(diags.is_empty(), "{diags:?} for {v}");
        // And the model reads back what it wrote.
        let back: Message = serde_json::from_value(v).unwrap();
        prop_assert_eq!(back, m);
    }

    #[test]
    fn one_broken_rule_one_diagnostic(m in message(), which in 0usize..17) {
        let mut v = serde_json::to_value(&m).unwrap();
        let Some((code, path)) = mutate(&mut v, which) else {
            return Ok(());
        };
        let diags = check(&v);
        prop_assert_eq!(diags, vec![(code.to_string(), path)], "for {}", v);
    }
}

/// Random JSON made of send-payload vocabulary (what the `message_structured` fuzz target
/// does, run here on stable): no panic, and the same document compact and pretty-printed
/// yields the same codes at the same paths.
fn vocab_json() -> impl Strategy<Value = Value> {
    let word = prop::sample::select(vec![
        "type",
        "text",
        "body",
        "interactive",
        "button",
        "list",
        "action",
        "buttons",
        "reply",
        "id",
        "title",
        "sections",
        "rows",
        "template",
        "name",
        "language",
        "code",
        "components",
        "parameters",
        "sub_type",
        "index",
        "image",
        "link",
        "caption",
        "header",
        "footer",
        "location",
        "latitude",
        "contacts",
        "reaction",
        "emoji",
        "flow",
        "cta_url",
        "0",
        "",
        "a\tb",
        "<X_Y>",
    ])
    .prop_map(str::to_string);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        word.clone().prop_map(Value::String),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((word.clone(), inner), 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn layout_does_not_change_findings(
        ty in prop::sample::select(vec!["text", "image", "interactive", "template", "contacts", "location", "reaction"]),
        content in vocab_json(),
        on_prem in any::<bool>(),
    ) {
        let doc = json!({"messaging_product": "whatsapp", "to": "+16505551234", "type": ty, ty: content});
        let opts = if on_prem { wamsg::Options::on_prem() } else { wamsg::Options::default() };
        let key = |src: &str| {
            let r = wamsg::check(src, Some(wamsg::DocumentKind::Message), &opts);
            let mut v: Vec<(String, String)> = r
                .diagnostics
                .iter()
                .map(|d| (d.code.as_str().to_string(), d.path.to_string()))
                .collect();
            v.sort();
            (r.valid, v)
        };
        let compact = serde_json::to_string(&doc).unwrap();
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        prop_assert_eq!(key(&compact), key(&pretty));
    }
}
