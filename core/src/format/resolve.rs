//! Conflicts between constructs: WhatsApp Web's `WAWebFormatFilter`, in linear time.
//!
//! All candidates are taken in order of start (ties: the longer first, then the lower group),
//! and each is compared with every kept range it starts inside:
//!
//! - **crossing** (it starts in the other's delimiter or ends after the other's content): the
//!   lower mutator group wins and the loser's markers stay literal; with equal groups (bold,
//!   italic, strike) the range kept earlier, i.e. opened first, wins;
//! - **nested**: rejected inside code, inline code and links (nothing is formatted there),
//!   allowed everywhere else.
//!
//! The kept ranges containing the current position form a stack of properly nested ranges.
//! A construct never nests in itself (its own ranges do not overlap), so the stack holds at
//! most one range per kind and every candidate is compared with a bounded number of ranges.
//! The candidate lists are each sorted by start and merged on the fly.

use super::scan::{Candidates, Range};

/// The merge order: by start, then outer (longer) first. Two constructs never match the
/// same range, so ties are not a concern; lists are scanned in priority order anyway, and
/// the first of equal keys wins.
#[inline]
fn key(r: Option<&Range>) -> u64 {
    r.map_or(u64::MAX, |r| {
        (u64::from(r.start) << 32) | u64::from(u32::MAX - r.end)
    })
}

/// The ranges WhatsApp would show, sorted by start with outer ranges first; properly nested.
pub(crate) fn resolve(c: &Candidates) -> Vec<Range> {
    let lists = c.lists();
    let total = lists.iter().map(|l| l.len()).sum();
    let mut heads = [0usize; 7];
    let mut keys = lists.map(|l| key(l.first()));
    let mut kept: Vec<(Range, bool)> = Vec::with_capacity(total);
    let mut stack: Vec<usize> = Vec::with_capacity(16);
    let mut losers: Vec<usize> = Vec::with_capacity(16);
    loop {
        // The list whose head comes first (lists are in priority order).
        let mut li = 0;
        let mut best = u64::MAX;
        for (i, &k) in keys.iter().enumerate() {
            if k < best {
                best = k;
                li = i;
            }
        }
        if best == u64::MAX {
            break;
        }
        let (Some(list), Some(head), Some(k)) =
            (lists.get(li), heads.get_mut(li), keys.get_mut(li))
        else {
            break;
        };
        let Some(&r) = list.get(*head) else { break };
        *head += 1;
        *k = key(list.get(*head));
        while let Some(&top) = stack.last()
            && kept.get(top).is_none_or(|(k, _)| k.end <= r.start)
        {
            stack.pop();
        }
        losers.clear();
        let mut accepted = true;
        for &ki in &stack {
            let Some((k, _)) = kept.get(ki) else { continue };
            let crossing = r.start < k.open_end || r.end > k.close_start;
            if crossing {
                if r.kind.group() < k.kind.group() {
                    losers.push(ki);
                } else {
                    accepted = false;
                    break;
                }
            } else if !k.kind.formats() {
                accepted = false;
                break;
            }
        }
        if !accepted {
            continue;
        }
        for &ki in &losers {
            if let Some((_, alive)) = kept.get_mut(ki) {
                *alive = false;
            }
        }
        if !losers.is_empty() {
            stack.retain(|ki| !losers.contains(ki));
        }
        stack.push(kept.len());
        kept.push((r, true));
    }
    kept.into_iter()
        .filter_map(|(r, alive)| alive.then_some(r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::scan::Kind;
    use super::*;

    /// Whether `inner` lies inside `outer`'s content.
    fn nested(inner: &Range, outer: &Range) -> bool {
        inner.start >= outer.open_end && inner.end <= outer.close_start
    }

    fn r(start: u32, end: u32, kind: Kind) -> Range {
        let d = match kind {
            Kind::Mono => 3,
            Kind::Link | Kind::Quote => 0,
            _ => 1,
        };
        Range {
            start,
            open_end: start + d,
            close_start: end - d,
            end,
            kind,
        }
    }

    #[test]
    fn crossing_equal_priority_first_opened_wins() {
        // *a _b* c_
        let c = Candidates {
            bold: vec![r(0, 6, Kind::Bold)],
            italic: vec![r(3, 9, Kind::Italic)],
            ..Candidates::default()
        };
        assert_eq!(resolve(&c), vec![r(0, 6, Kind::Bold)]);
    }

    #[test]
    fn crossing_higher_priority_drops_the_kept_range() {
        // *a `b* c`: inline code beats bold although bold opened first.
        let c = Candidates {
            bold: vec![r(0, 6, Kind::Bold)],
            code: vec![r(3, 9, Kind::Code)],
            ..Candidates::default()
        };
        assert_eq!(resolve(&c), vec![r(3, 9, Kind::Code)]);
    }

    #[test]
    fn nothing_nests_in_code_or_links() {
        let c = Candidates {
            code: vec![r(0, 10, Kind::Code)],
            bold: vec![r(2, 5, Kind::Bold)],
            ..Candidates::default()
        };
        assert_eq!(resolve(&c), vec![r(0, 10, Kind::Code)]);
        let c = Candidates {
            links: vec![r(0, 20, Kind::Link)],
            italic: vec![r(8, 12, Kind::Italic)],
            ..Candidates::default()
        };
        assert_eq!(resolve(&c), vec![r(0, 20, Kind::Link)]);
    }

    #[test]
    fn nesting_is_kept_and_ordered_outer_first() {
        let c = Candidates {
            bold: vec![r(0, 10, Kind::Bold)],
            italic: vec![r(1, 9, Kind::Italic)],
            strike: vec![r(2, 8, Kind::Strike)],
            ..Candidates::default()
        };
        let out = resolve(&c);
        assert_eq!(out.len(), 3);
        assert!(nested(&out[1], &out[0]) && nested(&out[2], &out[1]));
    }
}
