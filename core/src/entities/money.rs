//! Money: `£300`, `£3,000`, `£1,950.50`, `£250 a month`, `£1.2 million`.
//!
//! Triggered by the pound sign (memchr), so prose without one costs a single
//! SIMD scan. Amounts are kept in pence as integers: no float rounding.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::text::{next_word, skip_spaces, Tok};

/// An amount of money as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Money {
    /// The amount in pence (hundredths of the currency); null if it does not fit.
    pub pence: Option<u64>,
    /// ISO 4217 code: `GBP` for `£`, `EUR` for `€`.
    pub currency: CompactString,
    /// The period of a recurring amount (`£250 a month`), when stated.
    pub period: Option<Period>,
}

/// How often a recurring amount is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Hour,
    Day,
    Night,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
}

/// Finds amounts in `text`, in order; ranges are relative to it. An
/// iterator, so a piece with an amount costs no allocation.
pub(crate) fn scan(text: &str) -> impl Iterator<Item = (usize, usize, Money)> + '_ {
    let b = text.as_bytes();
    // '£' is C2 A3 and '€' is E2 82 AC: look for their last byte, rare in
    // prose (NBSP, C2 A0, is common and must not trigger), then check the
    // lead. The signs come in text order, so the amounts do.
    memchr::memchr2_iter(0xA3, 0xAC, b).filter_map(move |last| {
        let (pos, currency) = if last >= 1 && b.get(last - 1..=last) == Some(&[0xC2, 0xA3]) {
            (last - 1, "GBP")
        } else if last >= 2 && b.get(last - 2..=last) == Some(&[0xE2, 0x82, 0xAC]) {
            (last - 2, "EUR")
        } else {
            return None;
        };
        let (end, pence, period) = amount(text, last + 1)?;
        Some((
            pos,
            end,
            Money {
                pence,
                currency: CompactString::const_new(currency),
                period,
            },
        ))
    })
}

/// Longer than any word compared below.
const WORD_BUF: usize = 12;

/// `w` in ASCII lower case, in `buf` (no allocation: this runs for every
/// amount); a word too long for `buf` is none of the words compared, and
/// gives "".
fn lower<'b>(w: &str, buf: &'b mut [u8; WORD_BUF]) -> &'b str {
    let Some(out) = buf.get_mut(..w.len()) else {
        return "";
    };
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

/// Reads the number after a currency sign at `i`: `(end, pence, period)`.
fn amount(text: &str, i: usize) -> Option<(usize, Option<u64>, Option<Period>)> {
    let b = text.as_bytes();
    let i = skip_spaces(text, i);
    if !b.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // Integer part with thousands separators: a comma counts only before three digits.
    let mut digits: u128 = 0;
    let mut overflow = false;
    let mut j = i;
    loop {
        match b.get(j) {
            Some(c) if c.is_ascii_digit() => {
                push_digit(&mut digits, *c, &mut overflow);
                j += 1;
            }
            Some(b',')
                if b.get(j + 1..j + 4)
                    .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
                    && !b.get(j + 4).is_some_and(u8::is_ascii_digit) =>
            {
                j += 1;
            }
            _ => break,
        }
    }
    // Decimals: only when a digit follows the point ("£300." ends a sentence).
    let mut frac_len = 0u32;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while let Some(c) = b.get(j).filter(|c| c.is_ascii_digit()) {
            push_digit(&mut digits, *c, &mut overflow);
            frac_len += 1;
            j += 1;
        }
    }
    let mut end = j;
    // "£3k", "£1.2m", "£1.2 million", "£2bn".
    let mut multiplier: u128 = 1;
    let after = if b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        word_at_glued(text, j)
    } else {
        next_word(text, j)
    };
    if let Some(w) = after {
        let mut buf = [0u8; WORD_BUF];
        let m = match lower(w.str(text), &mut buf) {
            "k" | "thousand" => 1_000,
            "m" | "million" | "mn" => 1_000_000,
            "bn" | "billion" => 1_000_000_000,
            _ => 1,
        };
        if m > 1 {
            multiplier = m;
            end = w.end;
        }
    }
    let pence = if overflow {
        None
    } else {
        // value = digits / 10^frac_len pounds -> pence = digits * 100 * mult / 10^frac_len
        let scale = 10u128.checked_pow(frac_len);
        let whole = digits
            .checked_mul(100)
            .and_then(|v| v.checked_mul(multiplier));
        match (whole, scale) {
            // No decimals (most amounts): no 128-bit division.
            (Some(v), _) if frac_len == 0 => u64::try_from(v).ok(),
            (Some(v), Some(s)) => (v % s == 0)
                .then(|| v / s)
                .and_then(|v| u64::try_from(v).ok()),
            _ => None,
        }
    };
    let (end, period) = match period_after(text, end) {
        Some((e, p)) => (e, Some(p)),
        None => (end, None),
    };
    Some((end, pence, period))
}

fn push_digit(acc: &mut u128, c: u8, overflow: &mut bool) {
    match acc
        .checked_mul(10)
        .and_then(|v| v.checked_add(u128::from(c - b'0')))
    {
        Some(v) if v < 10u128.pow(30) => *acc = v,
        _ => *overflow = true,
    }
}

/// A word glued to the digits ("3k", "1.2m"): the letters from `i`.
fn word_at_glued(text: &str, i: usize) -> Option<Tok> {
    let b = text.as_bytes();
    let mut end = i;
    while b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        end += 1;
    }
    // "£300pw" would be a period; only accept pure multipliers here, and
    // reject "£5bnx"-like damage by requiring a non-alphanumeric after.
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(Tok::new(text, i, end))
}

/// `a month`, `per week`, `each day`, `every fortnight`, `per annum` after an amount.
fn period_after(text: &str, i: usize) -> Option<(usize, Period)> {
    let first = next_word(text, i)?;
    let mut buf = [0u8; WORD_BUF];
    let w = lower(first.str(text), &mut buf);
    if w == "pcm" {
        return Some((first.end, Period::Month));
    }
    if !matches!(w, "a" | "an" | "per" | "each" | "every") {
        return None;
    }
    let unit = next_word(text, first.end)?;
    let mut buf = [0u8; WORD_BUF];
    let p = match lower(unit.str(text), &mut buf) {
        "hour" => Period::Hour,
        "day" => Period::Day,
        "night" => Period::Night,
        "week" => Period::Week,
        "fortnight" => Period::Fortnight,
        "month" | "calendar" => {
            if unit.str(text).eq_ignore_ascii_case("calendar") {
                let m = next_word(text, unit.end)?;
                if !m.str(text).eq_ignore_ascii_case("month") {
                    return None;
                }
                return Some((m.end, Period::Month));
            }
            Period::Month
        }
        "quarter" => Period::Quarter,
        "year" | "annum" => Period::Year,
        _ => return None,
    };
    Some((unit.end, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str) -> (String, Option<u64>, Option<Period>) {
        let v: Vec<_> = scan(t).collect();
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        let (s, e, m) = &v[0];
        (t[*s..*e].to_string(), m.pence, m.period)
    }

    #[test]
    fn amounts() {
        assert_eq!(one("pay Ms X £300 as"), ("£300".into(), Some(30000), None));
        assert_eq!(one("of £3,000."), ("£3,000".into(), Some(300000), None));
        assert_eq!(
            one("£1,950.50 owed"),
            ("£1,950.50".into(), Some(195050), None)
        );
        assert_eq!(
            one("£1.2 million"),
            ("£1.2 million".into(), Some(120_000_000), None)
        );
        assert_eq!(one("£3k"), ("£3k".into(), Some(300_000), None));
        assert_eq!(
            one("about £15 a day on food"),
            ("£15 a day".into(), Some(1500), Some(Period::Day))
        );
        assert_eq!(
            one("£250 a month"),
            ("£250 a month".into(), Some(25000), Some(Period::Month))
        );
        assert_eq!(
            one("£40 per week"),
            ("£40 per week".into(), Some(4000), Some(Period::Week))
        );
        assert_eq!(one("£6,480."), ("£6,480".into(), Some(648000), None));
        assert_eq!(
            one("£1,000,000"),
            ("£1,000,000".into(), Some(100_000_000), None)
        );
        assert_eq!(one("€20"), ("€20".into(), Some(2000), None));
    }

    #[test]
    fn lists_and_breakdowns() {
        let t = "pay Mr D £450: £300 for his extra food costs and £150 for his distress.";
        let v: Vec<u64> = scan(t).filter_map(|m| m.2.pence).collect();
        assert_eq!(v, [45000, 30000, 15000]);
    }

    #[test]
    fn not_money() {
        assert_eq!(scan("section 26(1) and 2020, £ and £x").count(), 0);
        assert_eq!(one("£99999999999999999999999999999999999").1, None);
        // A comma not followed by three digits is punctuation.
        assert_eq!(one("£1,95 x").0, "£1");
        assert_eq!(one("£300,000 and").1, Some(30_000_000));
        assert_eq!(one("£300, and").0, "£300");
    }
}
