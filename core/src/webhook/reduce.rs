//! Folds status events, in any arrival order, into each message's current state.
//!
//! Webhooks arrive out of order, repeated, and with some statuses left out; servers need the
//! state they add up to. The rules (platform-rules §8, seed 004):
//!
//! 1. **Timeline order.** Events are ordered by `(timestamp, rank)`, rank being
//!    sent < delivered < read < played < warning < failed < deleted, and last by the event's
//!    full content, so even two different events of the same status and second have a fixed
//!    order. The state is a function of the *set* of events received: any arrival order gives
//!    the same state (a property test checks this).
//! 2. **Progress only moves forward.** The current status is the furthest of sent, delivered,
//!    read, played that was recorded; a `delivered` stamped after a `read` does not move the
//!    message back.
//! 3. **Implied statuses.** Read implies delivered ("the delivered webhook is not sent because
//!    it's implied", D-STAT), played (first play of a voice message) implies read, and each
//!    implies sent. [`Progress::at`] gives an implied status the timestamp of the earliest
//!    later status that implies it, marked `implied`.
//! 4. **Terminal statuses.** `failed` and `deleted` end a message. A `failed` may follow a
//!    `sent` (or any status stamped before it): those stay recorded, the current status is
//!    `failed`. Every event stamped after the earliest terminal event — including a second
//!    terminal one — is ignored as [`IgnoreReason::AfterTerminal`], also when it arrived
//!    first (it is then moved out of the record when the terminal event arrives): a retry is a
//!    new message with a new id, so nothing can legitimately happen to a failed one.
//! 5. **One event per status.** For each status the earliest event counts; a later one is
//!    [`IgnoreReason::Repeated`], an identical copy (Meta retries deliveries)
//!    [`IgnoreReason::Duplicate`].
//! 6. **Warning** (a catalog item is unavailable) is recorded beside the progress; it is the
//!    current status only while nothing else has been recorded.
//! 7. **Groups.** Statuses naming a participant (`recipient_participant_id`, else
//!    `recipient_participant_user_id`) are tracked per participant; the message's own
//!    progress holds the statuses without one (the `sent` to the group).
//! 8. **Not a message status.** Payment updates (`type: "payment"`) are ignored as
//!    [`IgnoreReason::NotAMessageStatus`]; with [`Reducer::expecting`], statuses of ids the
//!    caller did not send are ignored as [`IgnoreReason::UnknownMessage`].
//!
//! Pricing, conversation, callback data and recipient ids are taken from the earliest
//! recorded event carrying them; errors from the terminal and warning events.
//! [`Reducer::ignored`] lists every ignored event with the reason that holds for the final
//! state (also order-independent); [`Reducer::apply`] returns the reason at arrival.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::model::{Conversation, ErrorObject, Notification, Pricing, Status, StatusKind};

/// A status event: the model's status object.
pub type StatusEvent = Status;

/// Why an event did not change the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoreReason {
    /// An identical copy of a recorded event.
    Duplicate,
    /// The same status was recorded with an earlier timestamp (or an earlier-ordered content).
    Repeated,
    /// Stamped after the message failed or was deleted.
    AfterTerminal,
    /// A message id the reducer was not told to expect ([`Reducer::expecting`]).
    UnknownMessage,
    /// A payment status update, not about a message's delivery.
    NotAMessageStatus,
}

impl fmt::Display for IgnoreReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Duplicate => "duplicate of a recorded event",
            Self::Repeated => "the same status was already recorded earlier",
            Self::AfterTerminal => "after the message failed or was deleted",
            Self::UnknownMessage => "unknown message id",
            Self::NotAMessageStatus => "a payment update, not a message status",
        })
    }
}

/// What [`Reducer::apply`] did with an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// Recorded. `status` is the current status of the progress the event went to (the
    /// message's, or the group participant's); `changed` says whether that moved.
    Recorded {
        /// Current status after the event.
        status: StatusKind,
        /// Whether the current status changed.
        changed: bool,
    },
    /// Ignored, with the reason at arrival.
    Ignored(IgnoreReason),
}

/// When a status was reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stamp {
    /// Unix seconds.
    pub at: i64,
    /// True when no event of this status was recorded and a later status implies it.
    pub implied: bool,
}

/// One ignored event and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ignored<'a> {
    /// The event.
    pub event: &'a Status,
    /// Why it was ignored (for the final state).
    pub reason: IgnoreReason,
}

/// Rank of a status for timeline ties (rule 1).
fn rank(kind: StatusKind) -> u8 {
    match kind {
        StatusKind::Sent => 0,
        StatusKind::Delivered => 1,
        StatusKind::Read => 2,
        StatusKind::Played => 3,
        StatusKind::Warning => 4,
        StatusKind::Failed => 5,
        StatusKind::Deleted => 6,
        StatusKind::Captured => 7,
        StatusKind::Pending => 8,
    }
}

/// The non-terminal statuses, in slot order.
const SLOTS: [StatusKind; 5] = [
    StatusKind::Sent,
    StatusKind::Delivered,
    StatusKind::Read,
    StatusKind::Played,
    StatusKind::Warning,
];
/// Slots 0..PROGRESS are the forward-only progress statuses.
const PROGRESS: usize = 4;
const WARNING: usize = 4;

fn slot(kind: StatusKind) -> Option<usize> {
    SLOTS.iter().position(|k| *k == kind)
}

fn is_terminal(kind: StatusKind) -> bool {
    matches!(kind, StatusKind::Failed | StatusKind::Deleted)
}

/// Position of an event in the timeline: a total order on events.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    at: i64,
    rank: u8,
    /// The event serialized: breaks ties between different events of the same status and
    /// second, so that which one counts does not depend on arrival order.
    canon: String,
}

impl Key {
    fn of(e: &Status) -> Self {
        Self {
            at: e.timestamp.0,
            rank: rank(e.status),
            canon: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Keyed {
    key: Key,
    event: Status,
}

/// The recorded statuses of one message (or of one group participant of it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The earliest failed/deleted event.
    terminal: Option<Keyed>,
    /// The earliest event of each of [`SLOTS`] before the terminal one.
    recorded: [Option<Keyed>; 5],
    /// Everything else, with multiplicity.
    ignored: BTreeMap<Key, (Status, usize)>,
}

impl Progress {
    fn ignore(&mut self, k: Keyed) {
        self.ignored.entry(k.key).or_insert((k.event, 0)).1 += 1;
    }

    /// Records `k` or ignores it; the invariants of rules 4 and 5 hold afterwards whatever
    /// the order events came in.
    fn apply(&mut self, k: Keyed) -> Result<(), IgnoreReason> {
        let kind = k.event.status;
        if is_terminal(kind) {
            if let Some(t) = &self.terminal
                && k.key >= t.key
            {
                let reason = if k.key == t.key {
                    IgnoreReason::Duplicate
                } else {
                    IgnoreReason::AfterTerminal
                };
                self.ignore(k);
                return Err(reason);
            }
            let bound = k.key.clone();
            if let Some(old) = self.terminal.replace(k) {
                self.ignore(old);
            }
            for i in 0..SLOTS.len() {
                let after = self
                    .recorded
                    .get(i)
                    .and_then(Option::as_ref)
                    .is_some_and(|r| r.key > bound);
                if after && let Some(r) = self.recorded.get_mut(i).and_then(Option::take) {
                    self.ignore(r);
                }
            }
            return Ok(());
        }
        if self.terminal.as_ref().is_some_and(|t| k.key > t.key) {
            self.ignore(k);
            return Err(IgnoreReason::AfterTerminal);
        }
        let Some(cell) = slot(kind).and_then(|i| self.recorded.get_mut(i)) else {
            // Payment statuses never reach a progress (filtered by the reducer).
            self.ignore(k);
            return Err(IgnoreReason::NotAMessageStatus);
        };
        match cell {
            Some(cur) if k.key >= cur.key => {
                let reason = if k.key == cur.key {
                    IgnoreReason::Duplicate
                } else {
                    IgnoreReason::Repeated
                };
                self.ignore(k);
                Err(reason)
            }
            _ => {
                if let Some(old) = cell.replace(k) {
                    self.ignore(old);
                }
                Ok(())
            }
        }
    }

    /// The reason an ignored event with `key` is ignored, for the current record.
    fn reason(&self, key: &Key, kind: StatusKind) -> IgnoreReason {
        let chosen = if is_terminal(kind) {
            self.terminal.as_ref()
        } else {
            slot(kind)
                .and_then(|i| self.recorded.get(i))
                .and_then(Option::as_ref)
        };
        if chosen.is_some_and(|c| c.key == *key) {
            IgnoreReason::Duplicate
        } else if self.terminal.as_ref().is_some_and(|t| *key > t.key) {
            IgnoreReason::AfterTerminal
        } else if slot(kind).is_none() && !is_terminal(kind) {
            IgnoreReason::NotAMessageStatus
        } else {
            IgnoreReason::Repeated
        }
    }

    /// The current status: the terminal one if any, else the furthest progress, else
    /// `warning`; `None` when nothing was recorded.
    #[must_use]
    pub fn status(&self) -> Option<StatusKind> {
        if let Some(t) = &self.terminal {
            return Some(t.event.status);
        }
        let furthest = self
            .recorded
            .iter()
            .take(PROGRESS)
            .rev()
            .flatten()
            .next()
            .map(|k| k.event.status);
        furthest.or_else(|| {
            self.recorded
                .get(WARNING)
                .and_then(Option::as_ref)
                .map(|k| k.event.status)
        })
    }

    /// When `kind` was reached: the recorded event's timestamp, or for sent / delivered /
    /// read the timestamp of the earliest recorded later progress that implies it.
    #[must_use]
    pub fn at(&self, kind: StatusKind) -> Option<Stamp> {
        if let Some(e) = self.event(kind) {
            return Some(Stamp {
                at: e.timestamp.0,
                implied: false,
            });
        }
        let i = slot(kind).filter(|i| *i < PROGRESS)?;
        self.recorded
            .iter()
            .take(PROGRESS)
            .skip(i + 1)
            .flatten()
            .map(|k| k.event.timestamp.0)
            .min()
            .map(|at| Stamp { at, implied: true })
    }

    /// The recorded event of `kind`, if any.
    #[must_use]
    pub fn event(&self, kind: StatusKind) -> Option<&Status> {
        if is_terminal(kind) {
            return self
                .terminal
                .as_ref()
                .filter(|t| t.event.status == kind)
                .map(|t| &t.event);
        }
        slot(kind)
            .and_then(|i| self.recorded.get(i))
            .and_then(Option::as_ref)
            .map(|k| &k.event)
    }

    fn chosen(&self) -> Vec<&Keyed> {
        let mut v: Vec<&Keyed> = self
            .recorded
            .iter()
            .flatten()
            .chain(self.terminal.iter())
            .collect();
        v.sort_by(|a, b| a.key.cmp(&b.key));
        v
    }

    /// The recorded events in timeline order.
    #[must_use]
    pub fn history(&self) -> Vec<&Status> {
        self.chosen().into_iter().map(|k| &k.event).collect()
    }

    fn first<'a, T: ?Sized>(&'a self, f: impl Fn(&'a Status) -> Option<&'a T>) -> Option<&'a T> {
        self.chosen().into_iter().find_map(|k| f(&k.event))
    }

    /// Pricing of the earliest recorded event that has it.
    #[must_use]
    pub fn pricing(&self) -> Option<&Pricing> {
        self.first(|e| e.pricing.as_ref())
    }

    /// Conversation of the earliest recorded event that has it.
    #[must_use]
    pub fn conversation(&self) -> Option<&Conversation> {
        self.first(|e| e.conversation.as_ref())
    }

    /// `biz_opaque_callback_data` of the earliest recorded event that has it.
    #[must_use]
    pub fn biz_opaque_callback_data(&self) -> Option<&str> {
        self.first(|e| e.biz_opaque_callback_data.as_deref())
    }

    /// The recipient's phone / group id, from the earliest recorded event that has it.
    #[must_use]
    pub fn recipient_id(&self) -> Option<&str> {
        self.first(|e| e.recipient_id.as_deref().or(e.group_id.as_deref()))
    }

    /// The recipient's business-scoped user id, from the earliest recorded event that has it.
    #[must_use]
    pub fn recipient_user_id(&self) -> Option<&str> {
        self.first(|e| e.recipient_user_id.as_deref())
    }

    /// Errors of the recorded events (failed, deleted, warning), in timeline order.
    #[must_use]
    pub fn errors(&self) -> Vec<&ErrorObject> {
        self.chosen()
            .into_iter()
            .flat_map(|k| k.event.errors.iter())
            .collect()
    }

    /// The ignored events, in timeline order, with their reasons.
    pub fn ignored(&self) -> impl Iterator<Item = Ignored<'_>> {
        self.ignored.iter().flat_map(move |(key, (event, n))| {
            let reason = self.reason(key, event.status);
            std::iter::repeat_n(Ignored { event, reason }, *n)
        })
    }
}

impl Serialize for Progress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        self.write_fields(&mut m)?;
        m.end()
    }
}

impl Progress {
    fn write_fields<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_entry("status", &self.status())?;
        let stamps: BTreeMap<&str, Stamp> = SLOTS
            .iter()
            .chain([StatusKind::Failed, StatusKind::Deleted].iter())
            .filter_map(|k| self.at(*k).map(|s| (k.as_str(), s)))
            .collect();
        m.serialize_entry("timestamps", &stamps)?;
        if let Some(p) = self.pricing() {
            m.serialize_entry("pricing", p)?;
        }
        if let Some(c) = self.conversation() {
            m.serialize_entry("conversation", c)?;
        }
        let errors = self.errors();
        if !errors.is_empty() {
            m.serialize_entry("errors", &errors)?;
        }
        if let Some(b) = self.biz_opaque_callback_data() {
            m.serialize_entry("biz_opaque_callback_data", b)?;
        }
        let ignored: Vec<(StatusKind, i64, IgnoreReason)> = self
            .ignored()
            .map(|i| (i.event.status, i.event.timestamp.0, i.reason))
            .collect();
        if !ignored.is_empty() {
            m.serialize_entry("ignored", &ignored)?;
        }
        Ok(())
    }
}

/// The state of one message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageState {
    id: String,
    progress: Progress,
    participants: BTreeMap<String, Progress>,
}

impl MessageState {
    /// The message id (wamid).
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The message's own progress (for group messages: the statuses without a participant).
    #[must_use]
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Current status of the message's own progress.
    #[must_use]
    pub fn status(&self) -> Option<StatusKind> {
        self.progress.status()
    }

    /// When the message reached `kind` (see [`Progress::at`]).
    #[must_use]
    pub fn at(&self, kind: StatusKind) -> Option<Stamp> {
        self.progress.at(kind)
    }

    /// Pricing seen for the message (own progress first, then participants in id order).
    #[must_use]
    pub fn pricing(&self) -> Option<&Pricing> {
        self.tracks().find_map(Progress::pricing)
    }

    /// Conversation seen for the message (own progress first, then participants).
    #[must_use]
    pub fn conversation(&self) -> Option<&Conversation> {
        self.tracks().find_map(Progress::conversation)
    }

    /// Errors of the message's own progress.
    #[must_use]
    pub fn errors(&self) -> Vec<&ErrorObject> {
        self.progress.errors()
    }

    /// Group participants' progress, by participant id.
    #[must_use]
    pub fn participants(&self) -> &BTreeMap<String, Progress> {
        &self.participants
    }

    /// One participant's progress.
    #[must_use]
    pub fn participant(&self, id: &str) -> Option<&Progress> {
        self.participants.get(id)
    }

    fn tracks(&self) -> impl Iterator<Item = &Progress> {
        std::iter::once(&self.progress).chain(self.participants.values())
    }
}

impl Serialize for MessageState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        self.progress.write_fields(&mut m)?;
        if !self.participants.is_empty() {
            m.serialize_entry("participants", &self.participants)?;
        }
        m.end()
    }
}

/// Folds status events into message states. See the module documentation for the rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reducer {
    states: BTreeMap<String, MessageState>,
    expected: Option<BTreeSet<String>>,
    /// Events that belong to no message state.
    unrelated: BTreeMap<(IgnoreReason, Key), (Status, usize)>,
}

impl Reducer {
    /// A reducer that accepts statuses of any message id.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A reducer that accepts only statuses of `ids` (the messages the caller sent); others
    /// are ignored as [`IgnoreReason::UnknownMessage`].
    #[must_use]
    pub fn expecting<I: IntoIterator<Item = S>, S: Into<String>>(ids: I) -> Self {
        Self {
            expected: Some(ids.into_iter().map(Into::into).collect()),
            ..Self::default()
        }
    }

    /// Applies one event.
    pub fn apply(&mut self, event: &StatusEvent) -> Applied {
        let unrelated = if event.is_payment() {
            Some(IgnoreReason::NotAMessageStatus)
        } else if self
            .expected
            .as_ref()
            .is_some_and(|ids| !ids.contains(&event.id))
        {
            Some(IgnoreReason::UnknownMessage)
        } else {
            None
        };
        if let Some(reason) = unrelated {
            self.unrelated
                .entry((reason, Key::of(event)))
                .or_insert((event.clone(), 0))
                .1 += 1;
            return Applied::Ignored(reason);
        }
        let state = self
            .states
            .entry(event.id.clone())
            .or_insert_with(|| MessageState {
                id: event.id.clone(),
                progress: Progress::default(),
                participants: BTreeMap::new(),
            });
        let progress = match event.participant() {
            Some(p) => state.participants.entry(p.to_string()).or_default(),
            None => &mut state.progress,
        };
        let before = progress.status();
        let keyed = Keyed {
            key: Key::of(event),
            event: event.clone(),
        };
        match progress.apply(keyed) {
            Ok(()) => {
                // A progress with a recorded event always has a status.
                let status = progress.status().unwrap_or(event.status);
                Applied::Recorded {
                    status,
                    changed: before != Some(status),
                }
            }
            Err(reason) => Applied::Ignored(reason),
        }
    }

    /// Applies every status of a notification, in document order.
    pub fn apply_notification(&mut self, n: &Notification) -> Vec<Applied> {
        n.statuses().map(|s| self.apply(s)).collect()
    }

    /// The state of message `id`.
    #[must_use]
    pub fn state(&self, id: &str) -> Option<&MessageState> {
        self.states.get(id)
    }

    /// Every message state, by id.
    pub fn states(&self) -> impl Iterator<Item = &MessageState> {
        self.states.values()
    }

    /// Every ignored event with the reason that holds for the current state: by message id,
    /// then own progress before participants, then timeline order; unrelated events last.
    #[must_use]
    pub fn ignored(&self) -> Vec<Ignored<'_>> {
        let mut out: Vec<Ignored<'_>> = self
            .states
            .values()
            .flat_map(|s| s.tracks())
            .flat_map(Progress::ignored)
            .collect();
        for ((reason, _), (event, n)) in &self.unrelated {
            out.extend(std::iter::repeat_n(
                Ignored {
                    event,
                    reason: *reason,
                },
                *n,
            ));
        }
        out
    }
}

impl Serialize for Reducer {
    /// `{"states": [MessageState...], "ignored": [{"id", "status", "timestamp", "reason"}]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Row<'a> {
            id: &'a str,
            status: StatusKind,
            timestamp: i64,
            reason: IgnoreReason,
        }
        let states: Vec<&MessageState> = self.states().collect();
        let ignored: Vec<Row<'_>> = self
            .ignored()
            .into_iter()
            .map(|i| Row {
                id: &i.event.id,
                status: i.event.status,
                timestamp: i.event.timestamp.0,
                reason: i.reason,
            })
            .collect();
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("states", &states)?;
        m.serialize_entry("ignored", &ignored)?;
        m.end()
    }
}

/// The pure fold: the reducer after applying `events` in order (and, by rule 1, in any other
/// order).
pub fn reduce<'a>(events: impl IntoIterator<Item = &'a StatusEvent>) -> Reducer {
    let mut r = Reducer::new();
    for e in events {
        r.apply(e);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhook::model::Timestamp;

    fn ev(id: &str, status: StatusKind, at: i64) -> Status {
        serde_json::from_value(serde_json::json!({
            "id": id, "status": status.as_str(), "timestamp": at.to_string(), "recipient_id": "1"
        }))
        .unwrap()
    }

    #[test]
    fn read_implies_delivered_and_sent() {
        let r = reduce(&[ev("m", StatusKind::Read, 10)]);
        let s = r.state("m").unwrap();
        assert_eq!(s.status(), Some(StatusKind::Read));
        assert_eq!(
            s.at(StatusKind::Delivered),
            Some(Stamp {
                at: 10,
                implied: true
            })
        );
        assert!(s.at(StatusKind::Sent).unwrap().implied);
        assert_eq!(s.at(StatusKind::Played), None);
    }

    #[test]
    fn failed_ends_the_message_whatever_the_order() {
        let events = [
            ev("m", StatusKind::Delivered, 30),
            ev("m", StatusKind::Sent, 10),
            ev("m", StatusKind::Failed, 20),
        ];
        let a = reduce(&events);
        let b = reduce(events.iter().rev());
        assert_eq!(a, b);
        let s = a.state("m").unwrap();
        assert_eq!(s.status(), Some(StatusKind::Failed));
        assert_eq!(s.at(StatusKind::Sent).map(|s| s.at), Some(10));
        assert_eq!(s.at(StatusKind::Delivered), None);
        let ignored = a.ignored();
        assert_eq!(ignored.len(), 1);
        assert_eq!(ignored[0].reason, IgnoreReason::AfterTerminal);
        assert_eq!(ignored[0].event.timestamp, Timestamp(30));
    }

    #[test]
    fn duplicates_and_repeats() {
        let mut r = Reducer::new();
        let e = ev("m", StatusKind::Sent, 10);
        assert_eq!(
            r.apply(&e),
            Applied::Recorded {
                status: StatusKind::Sent,
                changed: true
            }
        );
        assert_eq!(r.apply(&e), Applied::Ignored(IgnoreReason::Duplicate));
        assert_eq!(
            r.apply(&ev("m", StatusKind::Sent, 11)),
            Applied::Ignored(IgnoreReason::Repeated)
        );
        let mut p = ev("m", StatusKind::Sent, 1);
        p.kind = Some("payment".into());
        assert_eq!(
            r.apply(&p),
            Applied::Ignored(IgnoreReason::NotAMessageStatus)
        );
        assert_eq!(r.ignored().len(), 3);
    }

    #[test]
    fn unknown_messages_when_expecting() {
        let mut r = Reducer::expecting(["a"]);
        assert_eq!(
            r.apply(&ev("b", StatusKind::Sent, 1)),
            Applied::Ignored(IgnoreReason::UnknownMessage)
        );
        assert!(r.state("b").is_none());
        assert!(matches!(
            r.apply(&ev("a", StatusKind::Sent, 1)),
            Applied::Recorded { .. }
        ));
    }
}
