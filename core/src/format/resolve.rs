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
//! most one range per construct and every candidate is compared with a bounded number of
//! ranges.
//!
//! The candidates come from [`super::scan`] already in order of start, so the resolver
//! walks them once, in place: a candidate that loses (now or later) becomes
//! [`Kind::Dropped`], and the ones left are what WhatsApp shows.

use super::scan::{Kind, Range};

/// The most ranges that can contain one position: one per construct (monospace, inline
/// code, a line, a link, bold, italic, strike).
const DEPTH: usize = 8;

/// Drops every candidate of `list` (in order of start, see [`super::scan`]) that WhatsApp
/// would not show. What is left is properly nested, in order of start, outer ranges first.
/// Returns how many ranges were kept at some point and how many newlines there are (an upper
/// bound and the count, for sizing the tree).
pub(crate) fn resolve(list: &mut [Range]) -> (usize, usize) {
    let mut stack = [0usize; DEPTH];
    let mut depth = 0usize;
    let (mut kept, mut newlines) = (0, 0);
    for i in 0..list.len() {
        let Some(&first) = list.get(i) else { break };
        if !first.kind.is_range() {
            newlines += usize::from(first.kind == Kind::Newline);
            continue;
        }
        // The one shared start: a backtick opening both inline code and a fence (code's slot
        // comes first). The longer goes first, as its outer range.
        let r = match list.get(i + 1) {
            Some(&next)
                if first.kind == Kind::Code
                    && next.start == first.start
                    && next.kind.is_range()
                    && next.end > first.end =>
            {
                list.swap(i, i + 1);
                next
            }
            _ => first,
        };
        while let Some(&top) = depth.checked_sub(1).and_then(|d| stack.get(d))
            && list.get(top).is_none_or(|k| k.end <= r.start)
        {
            depth -= 1;
        }
        // Which of the ranges containing `r` it beats (bit per stack level), if it is kept.
        let mut losers = 0u32;
        let mut accepted = true;
        for (level, &ki) in stack.iter().take(depth).enumerate() {
            let Some(k) = list.get(ki) else { continue };
            let crossing = r.start < k.open_end || r.end > k.close_start;
            if crossing {
                if r.kind.group() < k.kind.group() {
                    losers |= 1 << level;
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
            if let Some(x) = list.get_mut(i) {
                x.kind = Kind::Dropped;
            }
            continue;
        }
        if losers != 0 {
            let mut kept = 0;
            for level in 0..depth {
                let Some(&ki) = stack.get(level) else { break };
                if losers & (1 << level) != 0 {
                    if let Some(k) = list.get_mut(ki) {
                        k.kind = Kind::Dropped;
                    }
                } else {
                    if let Some(s) = stack.get_mut(kept) {
                        *s = ki;
                    }
                    kept += 1;
                }
            }
            depth = kept;
        }
        // At most one range per construct contains a position, so `depth < DEPTH` here.
        if let Some(s) = stack.get_mut(depth) {
            *s = i;
            depth += 1;
        }
        kept += 1;
    }
    (kept, newlines)
}

#[cfg(test)]
mod tests {
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

    fn kept(mut list: Vec<Range>) -> Vec<Range> {
        resolve(&mut list);
        list.into_iter().filter(|r| r.kind.is_range()).collect()
    }

    #[test]
    fn crossing_equal_priority_first_opened_wins() {
        // *a _b* c_
        let c = vec![r(0, 6, Kind::Bold), r(3, 9, Kind::Italic)];
        assert_eq!(kept(c), vec![r(0, 6, Kind::Bold)]);
    }

    #[test]
    fn crossing_higher_priority_drops_the_kept_range() {
        // *a `b* c`: inline code beats bold although bold opened first.
        let c = vec![r(0, 6, Kind::Bold), r(3, 9, Kind::Code)];
        assert_eq!(kept(c), vec![r(3, 9, Kind::Code)]);
    }

    #[test]
    fn nothing_nests_in_code_or_links() {
        let c = vec![r(0, 10, Kind::Code), r(2, 5, Kind::Bold)];
        assert_eq!(kept(c), vec![r(0, 10, Kind::Code)]);
        let c = vec![r(0, 20, Kind::Link), r(8, 12, Kind::Italic)];
        assert_eq!(kept(c), vec![r(0, 20, Kind::Link)]);
    }

    #[test]
    fn nesting_is_kept_and_ordered_outer_first() {
        let c = vec![
            r(0, 10, Kind::Bold),
            r(1, 9, Kind::Italic),
            r(2, 8, Kind::Strike),
        ];
        let out = kept(c);
        assert_eq!(out.len(), 3);
        assert!(nested(&out[1], &out[0]) && nested(&out[2], &out[1]));
    }

    #[test]
    fn code_and_fence_on_one_backtick_longer_first() {
        // A fence [0, 11) and inline code [0, 5) open at the same backtick; code's slot first.
        let c = vec![r(0, 5, Kind::Code), r(0, 11, Kind::Mono)];
        assert_eq!(kept(c), vec![r(0, 11, Kind::Mono)]);
        // Code longer than the fence: code is the outer range, the fence crosses it and wins.
        let c = vec![r(0, 10, Kind::Code), r(0, 8, Kind::Mono)];
        assert_eq!(kept(c), vec![r(0, 8, Kind::Mono)]);
    }

    #[test]
    fn newlines_and_dropped_slots_are_skipped() {
        let nl = Range {
            start: 3,
            open_end: 3,
            close_start: 3,
            end: 4,
            kind: Kind::Newline,
        };
        let dropped = Range {
            kind: Kind::Dropped,
            ..r(0, 2, Kind::Bold)
        };
        let c = vec![dropped, r(1, 3, Kind::Italic), nl, r(4, 6, Kind::Bold)];
        assert_eq!(kept(c), vec![r(1, 3, Kind::Italic), r(4, 6, Kind::Bold)]);
    }
}
