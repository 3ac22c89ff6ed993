//! `f64` from and to decimal text exactly as `str::parse::<f64>` and `Display` do it, in a
//! fraction of the code.
//!
//! Why: the standard library's parser (Eisel–Lemire, with a 10 KB table of powers of five
//! that gzip cannot shrink) and its formatter (Grisu and Dragon4, shortest and fixed
//! precision, with their own big integers) were 20 KB of the WebAssembly engine's 200 KB
//! gzipped budget. Parsing here takes Clinger's fast path for the common case (at most 15
//! significant digits, a power of ten up to 10^22: one exact IEEE operation) and a short
//! big-integer division otherwise; formatting reuses the shortest round-trip digits that
//! `serde_json` already links (zmij, a Schubfach variant). The tests compare every result with
//! the standard library's, bit for bit and byte for byte.

/// Significant digits kept; the rest only tells whether the number is above what was kept.
/// 768 digits are enough to tell any decimal from the halfway points between doubles, which
/// have at most 767 significant digits.
const MAX_DIGITS: usize = 800;

/// The exactly representable powers of ten.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `s` as `f64`, with `str::parse::<f64>`'s grammar (`[+-]`, digits with an optional `.`,
/// an optional exponent; `inf`, `infinity` and `nan` in any case) and result.
pub(crate) fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (negative, b) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, b),
    };
    let value = if b.eq_ignore_ascii_case(b"inf") || b.eq_ignore_ascii_case(b"infinity") {
        f64::INFINITY
    } else if b.eq_ignore_ascii_case(b"nan") {
        f64::NAN
    } else {
        decimal(b)?
    };
    Some(if negative { -value } else { value })
}

/// `x` as `format!("{x}")` writes it: the shortest digits that read back as `x`, laid out
/// without an exponent (`1e21` is `1000000000000000000000`), `-0`, `inf`, `-inf`, `NaN`.
pub(crate) fn display(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.to_owned();
    }
    // serde_json writes finite doubles as zmij's shortest round-trip digits, with an
    // exponent for very large and small ones (`1e16`, `1.5e-7`).
    let shortest = serde_json::to_string(&x).unwrap_or_default();
    let (negative, text) = match shortest.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, shortest.as_str()),
    };
    let (mantissa, exp) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let int_len = mantissa.find('.').unwrap_or(mantissa.len());
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut point = i64::try_from(int_len).unwrap_or(0) + exp;
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..zeros);
    point -= i64::try_from(zeros).unwrap_or(0);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    // Two shortest candidates at the same distance (x exactly halfway between them): zmij
    // takes the even one, `Display` the one further from zero.
    if !digits.is_empty() && halfway_above(x.abs(), &digits, point) {
        let mut i = digits.len();
        loop {
            let Some(d) = i.checked_sub(1).and_then(|j| digits.get_mut(j)) else {
                digits.insert(0, b'1');
                point += 1;
                break;
            };
            i -= 1;
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                break;
            }
        }
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let n = i64::try_from(digits.len()).unwrap_or(0);
    let zeros = |count: i64| "0".repeat(usize::try_from(count).unwrap_or(0));
    let digits = String::from_utf8(digits).unwrap_or_default();
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.push_str(&zeros(-point));
        out.push_str(&digits);
    } else if point >= n {
        out.push_str(&digits);
        out.push_str(&zeros(point - n));
    } else {
        let (int, frac) = digits.split_at(usize::try_from(point).unwrap_or(0));
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// Whether `x` (finite, positive) is exactly `0.digits5 × 10^point`: half a unit of the last
/// digit above `0.digits × 10^point`.
fn halfway_above(x: f64, digits: &[u8], point: i64) -> bool {
    let bits = x.to_bits();
    let (field, frac) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if field == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), i64::try_from(field).unwrap_or(0) - 1075)
    };
    let mut decimal: Vec<u8> = digits.iter().map(|d| d - b'0').collect();
    decimal.push(5);
    let mut left = Big::from_digits(&decimal);
    let mut right = Big(Vec::new());
    right.mul_add(1, (m >> 32) as u32);
    right.0.insert(0, m as u32);
    right.trim();
    let a = point - i64::try_from(decimal.len()).unwrap_or(0);
    let pow = |v: i64| u32::try_from(v.unsigned_abs()).unwrap_or(u32::MAX);
    if a >= 0 {
        left.mul_pow10(pow(a));
    } else {
        right.mul_pow10(pow(a));
    }
    if e >= 0 {
        right.shl(pow(e));
    } else {
        left.shl(pow(e));
    }
    left.0 == right.0
}

/// A decimal without sign: `digits[.digits][(e|E)[+-]digits]`, at least one mantissa digit.
fn decimal(b: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    let mut truncated = false;
    // The value is `0.digits × 10^point`, counting only significant digits.
    let mut point: i64 = 0;
    let mut seen_digit = false;
    let mut seen_dot = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                if digits.is_empty() && c == b'0' {
                    if seen_dot {
                        point -= 1;
                    }
                } else {
                    if !seen_dot {
                        point += 1;
                    }
                    if digits.len() < MAX_DIGITS {
                        digits.push(c - b'0');
                    } else if c != b'0' {
                        truncated = true;
                    }
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&c) = b.get(i) {
        if c != b'e' && c != b'E' {
            return None;
        }
        i += 1;
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let exp_digits = b.get(i..).unwrap_or_default();
        if exp_digits.is_empty() || !exp_digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Saturates: past a million the result is 0 or infinity either way.
        let exp = exp_digits
            .iter()
            .fold(0i64, |e, &d| (e * 10 + i64::from(d - b'0')).min(1_000_000));
        point += if negative { -exp } else { exp };
    }
    if truncated {
        // A nonzero digit beyond the kept ones: one more nonzero digit stands for all of
        // them (the value lies strictly between the kept digits and the next decimal up).
        digits.push(1);
    } else {
        // Trailing zeros are not significant.
        while digits.last() == Some(&0) {
            digits.pop();
        }
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    // 10^(point-1) <= value < 10^point.
    if point > 310 {
        return Some(f64::INFINITY);
    }
    if point < -324 {
        return Some(0.0);
    }
    let n = i64::try_from(digits.len()).ok()?;
    // value = integer(digits) × 10^exp10
    let exp10 = point - n;
    if digits.len() <= 15 && (-22..=22).contains(&exp10) {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d));
        // Exact operands, one IEEE rounding: the correctly rounded result.
        #[allow(clippy::cast_precision_loss)] // m < 10^15 < 2^53: exact
        let m = m as f64;
        let p = POW10.get(usize::try_from(exp10.unsigned_abs()).ok()?)?;
        return Some(if exp10 < 0 { m / p } else { m * p });
    }
    Some(slow(&digits, exp10))
}

/// The correctly rounded value of `integer(digits) × 10^exp10`: the 66-bit quotient of two
/// big integers and whether a remainder is left decide the rounding.
fn slow(digits: &[u8], exp10: i64) -> f64 {
    let mut num = Big::from_digits(digits);
    let mut den = Big(vec![1]);
    let shift = u32::try_from(exp10.unsigned_abs()).unwrap_or(u32::MAX);
    if exp10 >= 0 {
        num.mul_pow10(shift);
    } else {
        den.mul_pow10(shift);
    }
    // Scale so that the quotient has 65 or 66 bits: num × 2^s / den.
    let s = 65 - (i64::from(num.bits()) - i64::from(den.bits()));
    if s >= 0 {
        num.shl(u32::try_from(s).unwrap_or(0));
    } else {
        den.shl(u32::try_from(-s).unwrap_or(0));
    }
    let mut q: u128 = 0;
    let mut step = den.clone();
    step.shl(66);
    for _ in 0..=66 {
        q <<= 1;
        if num.ge(&step) {
            num.sub(&step);
            q |= 1;
        }
        step.shr1();
    }
    let sticky = !num.is_zero();
    // value = (q + a fraction below one if sticky) × 2^-s, 2^(qb-1) <= q < 2^qb.
    let qb = 128 - i64::from(q.leading_zeros());
    let e = qb - 1 - s;
    // Bits kept: 53 for a normal number, fewer for a subnormal one.
    if e > 1023 {
        return f64::INFINITY;
    }
    let keep = if e >= -1022 { 53 } else { 53 - (-1022 - e) };
    if keep < 0 {
        return 0.0;
    }
    let drop = u32::try_from(qb - keep).unwrap_or(0);
    let mut m = q >> drop;
    let rem = q - (m << drop);
    let half = 1u128 << drop.saturating_sub(1);
    if drop > 0 && (rem > half || (rem == half && (sticky || m & 1 == 1))) {
        m += 1;
    }
    let m = u64::try_from(m).unwrap_or(u64::MAX);
    // The mantissa's leading bit adds one to the exponent field: a mantissa rounded up to
    // 2^53 (or a subnormal one to 2^52) carries into the exponent as it should.
    let bits = if e >= -1022 {
        (u64::try_from(e + 1022).unwrap_or(0) << 52) + m
    } else {
        m
    };
    f64::from_bits(bits.min(f64::INFINITY.to_bits()))
}

/// A non-negative big integer, 32-bit limbs, least significant first, no leading zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Self {
        let mut big = Self(Vec::new());
        for chunk in digits.chunks(9) {
            let (mul, add) = chunk
                .iter()
                .fold((1u32, 0u32), |(m, a), &d| (m * 10, a * 10 + u32::from(d)));
            big.mul_add(mul, add);
        }
        big
    }

    fn mul_add(&mut self, mul: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(mul) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut n: u32) {
        while n > 0 {
            let k = n.min(9);
            self.mul_add(10u32.pow(k), 0);
            n -= k;
        }
    }

    fn bits(&self) -> u32 {
        self.0.last().map_or(0, |top| {
            32 * u32::try_from(self.0.len() - 1).unwrap_or(u32::MAX) + 32 - top.leading_zeros()
        })
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn shl(&mut self, n: u32) {
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let v = (*limb >> 1) | carry;
            carry = *limb << 31;
            *limb = v;
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn ge(&self, other: &Self) -> bool {
        if self.0.len() != other.0.len() {
            return self.0.len() > other.0.len();
        }
        self.0.iter().rev().cmp(other.0.iter().rev()).is_ge()
    }

    /// `self -= other`, for `self >= other`.
    fn sub(&mut self, other: &Self) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let o = other.0.get(i).copied().unwrap_or(0);
            let (v, b1) = limb.overflowing_sub(o);
            let (v, b2) = v.overflowing_sub(u32::from(borrow));
            *limb = v;
            borrow = b1 || b2;
        }
        self.trim();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(s: &str) {
        let ours = parse(s).map(f64::to_bits);
        let std = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(
            ours,
            std,
            "{s:?}: ours {:?}, std {:?}",
            parse(s),
            s.parse::<f64>().ok()
        );
    }

    #[test]
    fn grammar_and_specials() {
        for s in [
            "",
            "+",
            "-",
            ".",
            "e",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "1.",
            ".5",
            "-.5",
            "+1",
            "1.2.3",
            "1e5.5",
            " 1",
            "1 ",
            "1_0",
            "0x10",
            "inf",
            "-INF",
            "Infinity",
            "+infinity",
            "infinit",
            "nan",
            "NaN",
            "-nan",
            "nan1",
            "0",
            "-0",
            "+0.0",
            "00001",
            "0.000",
            "1E5",
            "1e-5",
            "1e0005",
            "1.e3",
            "٣",
            "1e99999999999999999999999",
            "1e-99999999999999999999999",
            "0e99999999999",
            "123456789012345678901234567890e-400",
        ] {
            same(s);
        }
    }

    #[test]
    fn hard_cases() {
        for s in [
            "9007199254740993",
            "9007199254740995",
            "9007199254740993.0000000000000000000000000001",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.47032822920623272088284396434110686182529901307162382212792841250337753635104375932649918180817996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924491051844359318028499365361525003193704576782492193656236698636584807570015857692699037063119282795585513329278343384093519780155312465972635795746227664652728272200563740064854999770965994704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611342237666786041621596804619144672918403005300575308490487653917113865916462395249126236538818796362393732804238910186723484976682350898633885879256283027559956575244555072551893136908362547791869486679949683240497058210285131854513962138377228261454376934125320985913276672363281255e-324",
            "0.500000000000000166533453693773481063544750213623046875",
            "0.500000000000000166533453693773481063544750213623046874",
            "0.500000000000000166533453693773481063544750213623046876",
            "3.141592653589793238462643383279502884197169399375105820974944",
            "123456789012345678",
            "1e23",
            "8.98846567431158e307",
            "1e-400",
            "1e400",
            "0.1",
            "37.4224764",
            "-122.0842499",
        ] {
            same(s);
        }
        let long = format!("1.{}1e5", "0".repeat(2000));
        same(&long);
        let long = format!("0.{}5", "0".repeat(330));
        same(&long);
    }

    /// Exact halfway points between neighbouring doubles, and just below and above them.
    #[test]
    fn halfway_points() {
        let mut m: u64 = 0x1f_ffff_ffff_ffff;
        for j in 0..31u32 {
            for k in 0..40 {
                m = m
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let mant = (m >> 11) | (1 << 52);
                // (2·mant + 1) / 2^j, written exactly: (2·mant + 1) · 5^j / 10^j.
                let n = u128::from(2 * mant + 1) * 5u128.pow(j);
                let digits = n.to_string();
                let exact = format!("{digits}e-{j}");
                same(&exact);
                same(&format!("{digits}0000000000000000001e-{}", j + 19));
                same(&format!("{}e-{j}", n - 1));
                if k % 8 == 0 {
                    same(&format!("{digits}e{}", k * 7));
                    same(&format!("{digits}e-{}", j + k * 9));
                }
            }
        }
    }

    #[test]
    fn display_is_std_display() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            1e21,
            1e22,
            1e-7,
            1.5e-7,
            123.456,
            1e16,
            9007199254740993.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            90.0,
            180.5,
            -122.0842499,
            37.4224764,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            100.99,
            1234.5,
            0.001,
            1e300,
            1e-300,
        ] {
            assert_eq!(display(x), format!("{x}"));
        }
        // Exact ties between two shortest candidates: `Display` rounds away from zero.
        for x in [
            -1_792_901_071_472_643.2_f64,
            1_792_901_071_472_643.2,
            0.5,
            2.5,
            1e23,
        ] {
            assert_eq!(display(x), format!("{x}"));
        }
        // Where the ulp is 1/4, 1/2, 2 or 4, many doubles end in a 5 one digit past the 17th
        // significant digit: ties.
        for base in [
            1u64 << 50,
            1 << 51,
            1 << 54,
            1 << 55,
            3 << 52,
            123_456_789_012_345_678,
        ] {
            for k in 0..2000u64 {
                #[allow(clippy::cast_precision_loss)]
                let x = (base + k * 7919) as f64 + 0.25 * (k % 4) as f64;
                assert_eq!(display(x), format!("{x}"));
                assert_eq!(display(-x / 1024.0), format!("{}", -x / 1024.0));
            }
        }
        for i in -2000..2000 {
            let x = f64::from(i) / 1000.0;
            assert_eq!(display(x), format!("{x}"));
        }
    }

    proptest! {
        #[test]
        fn display_agrees_with_std(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assert_eq!(display(x), format!("{x}"));
        }

        #[test]
        fn agrees_with_std_on_doubles(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            same(&format!("{x}"));
            same(&format!("{x:e}"));
            same(&format!("{x:.3e}"));
            same(&format!("{x:.20e}"));
        }

        #[test]
        fn agrees_with_std_on_text(s in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?") {
            same(&s);
        }

        #[test]
        fn agrees_with_std_on_any_text(s in "[-+.eE0-9infatyINFATY]{0,12}") {
            same(&s);
        }
    }
}
