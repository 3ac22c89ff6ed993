//! Word-at-a-time ("SWAR") byte tests for the scanners that look for a few special bytes in
//! long runs of text (JSON strings, line and column counting, WhatsApp formatting, links):
//! eight bytes of a little-endian `u64` tested at once, each answer as the high bit of its
//! byte. Portable and free of `unsafe`, which rules out SIMD intrinsics in this crate.

/// One in every byte of a word.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
pub(crate) const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
#[must_use]
pub(crate) const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// Zero bytes of `x` as their high bit, before the `& HIGHS`. The lowest one is exact; bits
/// above it may be borrows, so callers use only the lowest (or count where no borrow can
/// occur).
#[inline(always)]
#[must_use]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x
}

/// Bytes of `x` below `n` (at most 0x80) as their high bit, before the `& HIGHS`; exact for
/// the lowest, as [`zero_bytes`].
#[inline(always)]
#[must_use]
pub(crate) fn bytes_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(splat(n)) & !x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_flag_is_exact() {
        for at in 0..8 {
            let mut bytes = *b"abcdefgh";
            bytes[at] = 0;
            let w = u64::from_le_bytes(bytes);
            assert_eq!((zero_bytes(w) & HIGHS).trailing_zeros() / 8, at as u32);
            bytes[at] = 0x1f;
            let w = u64::from_le_bytes(bytes);
            assert_eq!(
                (bytes_below(w, 0x20) & HIGHS).trailing_zeros() / 8,
                at as u32
            );
            assert_eq!(
                zero_bytes(w ^ splat(0x1f)) & HIGHS & !(u64::MAX << (at * 8)),
                0
            );
        }
        let plain = u64::from_le_bytes(*b"plain te");
        assert_eq!(zero_bytes(plain) & HIGHS, 0);
        assert_eq!(bytes_below(plain, 0x20) & HIGHS, 0);
    }
}
