//! Property tests of the status reducer: the state depends only on the set of events, never
//! on their arrival order; read implies delivered; failed and deleted stay terminal; and the
//! incremental reducer agrees with a direct reading of the rules (sort by timeline, fold).

use std::collections::BTreeMap;

use proptest::prelude::*;
use wamsg::webhook::{IgnoreReason, Progress, Reducer, Status, StatusKind, reduce};

const KINDS: [StatusKind; 7] = [
    StatusKind::Sent,
    StatusKind::Delivered,
    StatusKind::Read,
    StatusKind::Played,
    StatusKind::Warning,
    StatusKind::Failed,
    StatusKind::Deleted,
];

fn rank(k: StatusKind) -> u8 {
    match k {
        StatusKind::Sent => 0,
        StatusKind::Delivered => 1,
        StatusKind::Read => 2,
        StatusKind::Played => 3,
        StatusKind::Warning => 4,
        StatusKind::Failed => 5,
        StatusKind::Deleted => 6,
        StatusKind::Captured | StatusKind::Pending => 7,
    }
}

fn is_terminal(k: StatusKind) -> bool {
    matches!(k, StatusKind::Failed | StatusKind::Deleted)
}

/// A status event. Small ranges on purpose: ties of timestamp, same-second events with
/// different content, repeated ids and participants are what the reducer must get right.
fn event() -> impl Strategy<Value = Status> {
    (
        0..3usize,                              // message id
        0..KINDS.len(),                         // status
        0..12i64,                               // timestamp
        0..4u8, // variant: pricing / tracker differences at the same key
        prop::option::weighted(0.2, 0..2usize), // group participant
        prop::bool::weighted(0.05), // a payment update
    )
        .prop_map(|(id, k, at, variant, participant, payment)| {
            let kind = KINDS[k];
            let mut v = serde_json::json!({
                "id": format!("wamid.{id}"),
                "status": kind.as_str(),
                "timestamp": at.to_string(),
                "recipient_id": "16505551234",
            });
            if variant & 1 == 1 {
                v["pricing"] = serde_json::json!({"pricing_model": "PMP", "category": "utility"});
            }
            if variant & 2 == 2 {
                v["biz_opaque_callback_data"] = serde_json::json!(format!("t{variant}"));
            }
            if is_terminal(kind) {
                v["errors"] =
                    serde_json::json!([{"code": 131_026, "title": "Message Undeliverable"}]);
            }
            if let Some(p) = participant {
                v["recipient_type"] = "group".into();
                v["recipient_participant_id"] = format!("p{p}").into();
            }
            if payment {
                v["type"] = "payment".into();
                v["status"] = "captured".into();
                v["payment"] = serde_json::json!({"reference_id": "r"});
            }
            serde_json::from_value(v).expect("generated status")
        })
}

/// Events with some exact duplicates mixed in (Meta retries deliveries).
fn events() -> impl Strategy<Value = Vec<Status>> {
    prop::collection::vec(event(), 0..24).prop_flat_map(|v| {
        let n = v.len();
        (
            Just(v),
            prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        )
            .prop_map(move |(mut v, dups)| {
                if n > 0 {
                    for d in dups {
                        let e = v[d.index(n)].clone();
                        v.push(e);
                    }
                }
                v
            })
    })
}

fn every_progress(r: &Reducer) -> Vec<&Progress> {
    r.states()
        .flat_map(|s| std::iter::once(s.progress()).chain(s.participants().values()))
        .collect()
}

/// The rules read directly: per (message, participant), the earliest terminal event ends the
/// timeline; the current status is that, else the furthest progress before it, else warning.
fn reference(events: &[Status]) -> BTreeMap<(String, Option<String>), Option<StatusKind>> {
    let mut groups: BTreeMap<(String, Option<String>), Vec<&Status>> = BTreeMap::new();
    for e in events.iter().filter(|e| !e.is_payment()) {
        groups
            .entry((e.id.clone(), e.participant().map(str::to_string)))
            .or_default()
            .push(e);
    }
    groups
        .into_iter()
        .map(|(k, mut es)| {
            es.sort_by_key(|e| (e.timestamp, rank(e.status)));
            let mut current: Option<StatusKind> = None;
            for e in es {
                if is_terminal(e.status) {
                    current = Some(e.status);
                    break;
                }
                current = match (current, e.status) {
                    (_, StatusKind::Warning) => current.or(Some(StatusKind::Warning)),
                    (Some(c), s) if c != StatusKind::Warning && rank(c) >= rank(s) => Some(c),
                    (_, s) => Some(s),
                };
            }
            (k, current)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_permutation_gives_the_same_state(
        (original, shuffled) in events().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let a = reduce(&original);
        let b = reduce(&shuffled);
        prop_assert_eq!(&a, &b);
        // Including what was ignored and why.
        prop_assert_eq!(a.ignored(), b.ignored());
        prop_assert_eq!(
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap()
        );
    }

    #[test]
    fn every_event_is_recorded_or_ignored(events in events()) {
        let r = reduce(&events);
        let recorded: usize = every_progress(&r).iter().map(|p| p.history().len()).sum();
        prop_assert_eq!(recorded + r.ignored().len(), events.len());
    }

    #[test]
    fn read_implies_delivered_and_played_implies_read(events in events()) {
        let r = reduce(&events);
        for p in every_progress(&r) {
            if p.at(StatusKind::Played).is_some() {
                prop_assert!(p.at(StatusKind::Read).is_some());
            }
            if p.at(StatusKind::Read).is_some() {
                prop_assert!(p.at(StatusKind::Delivered).is_some());
            }
            if p.at(StatusKind::Delivered).is_some() {
                prop_assert!(p.at(StatusKind::Sent).is_some());
            }
            // An implied stamp comes from a recorded later status, never earlier than it.
            for k in [StatusKind::Sent, StatusKind::Delivered, StatusKind::Read] {
                if let Some(s) = p.at(k).filter(|s| s.implied) {
                    prop_assert!(p.event(k).is_none());
                    prop_assert!(p.history().iter().any(|e| e.timestamp.0 == s.at && rank(e.status) > rank(k)));
                }
            }
        }
    }

    #[test]
    fn failed_stays_terminal(events in events(), later in prop::collection::vec(event(), 1..8)) {
        let r = reduce(&events);
        for p in every_progress(&r) {
            let Some(term) = p.history().into_iter().find(|e| is_terminal(e.status)).cloned() else {
                continue;
            };
            // The terminal status is current and nothing recorded comes after it.
            prop_assert_eq!(p.status(), Some(term.status));
            for e in p.history() {
                prop_assert!((e.timestamp, rank(e.status)) <= (term.timestamp, rank(term.status)));
            }
        }
        // Events stamped after a terminal one change no state, whatever they are.
        let mut more = events.clone();
        let terminal_at: BTreeMap<&str, i64> = r
            .states()
            .filter_map(|s| s.progress().history().into_iter().find(|e| is_terminal(e.status))
                .map(|e| (s.id(), e.timestamp.0)))
            .collect();
        let mut appended = 0;
        for mut e in later {
            if let Some(at) = terminal_at.get(e.id.as_str())
                && e.participant().is_none()
                && !e.is_payment()
            {
                e.timestamp.0 += at + 1;
                more.push(e);
                appended += 1;
            }
        }
        let r2 = reduce(&more);
        for s in r.states() {
            let s2 = r2.state(s.id()).unwrap();
            prop_assert_eq!(s.progress().history(), s2.progress().history());
        }
        let after: usize = r2.ignored().iter().filter(|i| i.reason == IgnoreReason::AfterTerminal).count();
        let before: usize = r.ignored().iter().filter(|i| i.reason == IgnoreReason::AfterTerminal).count();
        prop_assert_eq!(after, before + appended);
    }

    #[test]
    fn agrees_with_the_rules_read_directly(events in events()) {
        let r = reduce(&events);
        for ((id, participant), status) in reference(&events) {
            let s = r.state(&id).unwrap();
            let p = match &participant {
                Some(pid) => s.participant(pid).unwrap(),
                None => s.progress(),
            };
            prop_assert_eq!(p.status(), status, "{} {:?}", id, participant);
        }
    }
}

#[test]
fn played_implies_read_delivered_sent() {
    let e: Status = serde_json::from_value(serde_json::json!({
        "id": "wamid.v", "status": "played", "timestamp": "50", "recipient_id": "1"
    }))
    .unwrap();
    let r = reduce([&e]);
    let s = r.state("wamid.v").unwrap();
    assert_eq!(s.status(), Some(StatusKind::Played));
    for k in [StatusKind::Read, StatusKind::Delivered, StatusKind::Sent] {
        let stamp = s.at(k).unwrap();
        assert!(stamp.implied);
        assert_eq!(stamp.at, 50);
    }
}
