//! Dates: `13 September 2021`, `29 Jul 2020`, `October 2018`, `summer of 2020`,
//! `December 2018/January 2019`, `between November and the end of January`.
//!
//! Each date keeps the precision the text gives it. A year is only filled in
//! when the text states it (in the date itself or in a range or pair that
//! shares it: `June and July 2020`); a day is only given with a month.

use chrono::NaiveDate;
use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use super::text::{before, word_from, Tok, Words, DATES};

/// A date as precise as the text makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateValue {
    /// ISO 8601 as far as the precision goes (`2020-07-29`, `2018-10`, `2020`);
    /// null when the text gives no year.
    pub date: Option<CompactString>,
    pub precision: DatePrecision,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// For `summer of 2020` and the like.
    pub season: Option<Season>,
    /// `early`, `mid`, `late`, `end of`, `start of` before the date.
    pub qualifier: Option<DateQualifier>,
    /// The end of a range (`December 2018/January 2019`, `between May and July 2023`,
    /// `from 2020 to 2021`).
    pub until: Option<DatePoint>,
}

/// One end of a date range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DatePoint {
    pub date: Option<CompactString>,
    pub precision: DatePrecision,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub season: Option<Season>,
    pub qualifier: Option<DateQualifier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Season,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateQualifier {
    Early,
    Mid,
    Late,
    Start,
    End,
}

impl DateValue {
    /// A date being reported, from the scanner's point: its ISO text is
    /// written here, once. Both conversions are inlined so that the value
    /// is built where it goes: a copy of it through the stack, written in
    /// pieces of other widths than it is read back in, stalls the processor
    /// (`perf annotate` put most of the date scanner's own time on one).
    fn from_point(p: Point) -> Self {
        DatePoint::from(p).into()
    }
}

impl From<DatePoint> for DateValue {
    #[inline(always)]
    fn from(p: DatePoint) -> Self {
        DateValue {
            date: p.date,
            precision: p.precision,
            year: p.year,
            month: p.month,
            day: p.day,
            season: p.season,
            qualifier: p.qualifier,
            until: None,
        }
    }
}

/// A date while the scanner tries words: plain numbers and `Copy`, so a
/// word that turns out not to be a date (or a bare year nothing vouches
/// for) costs no allocation. The ISO text is written only for a date that
/// is reported ([`DatePoint::from`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    precision: DatePrecision,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    season: Option<Season>,
    qualifier: Option<DateQualifier>,
}

impl Point {
    fn new(
        precision: DatePrecision,
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    ) -> Self {
        let mut p = Point {
            precision,
            year,
            month,
            day,
            season: None,
            qualifier: None,
        };
        p.drop_missing_day();
        p
    }

    /// Drops a day the calendar does not have (`31 June`; `29 February`
    /// in a year that is not a leap year), keeping the month.
    fn drop_missing_day(&mut self) {
        if let (Some(d), Some(m)) = (self.day, self.month) {
            // No year: 2000 is a leap year, so 29 February stands.
            if NaiveDate::from_ymd_opt(self.year.unwrap_or(2000), m, d).is_none() {
                self.day = None;
                self.precision = DatePrecision::Month;
            }
        }
    }

    /// The same date in the year `y`, stated elsewhere in a range or pair.
    fn with_year(mut self, y: i32) -> Self {
        self.year = Some(y);
        self.drop_missing_day();
        self
    }
}

impl Point {
    /// The ISO text of the point, as far as its precision goes.
    fn iso(&self) -> Option<CompactString> {
        match (self.year, self.month, self.day, self.precision) {
            (Some(y), Some(m), Some(d), DatePrecision::Day) => Some(iso(y, &[m, d])),
            (Some(y), Some(m), _, DatePrecision::Month) => Some(iso(y, &[m])),
            (Some(y), _, _, _) => Some(iso(y, &[])),
            _ => None,
        }
    }
}

impl From<Point> for DatePoint {
    #[inline(always)]
    fn from(p: Point) -> Self {
        DatePoint {
            date: p.iso(),
            precision: p.precision,
            year: p.year,
            month: p.month,
            day: p.day,
            season: p.season,
            qualifier: p.qualifier,
        }
    }
}

/// `{y:04}` then `-{p:02}` for each part, as `format!` would write them, but
/// without the formatting machinery (this runs for every date found): the
/// usual ten bytes are written into a buffer and copied in once.
fn iso(y: i32, parts: &[u32]) -> CompactString {
    let mut buf = [0u8; 10];
    let mut n = 0;
    let mut put = |b: u8| {
        if let Some(slot) = buf.get_mut(n) {
            *slot = b;
            n += 1;
        }
    };
    let year = u32::try_from(y).ok().filter(|&y| y <= 9999);
    let short = year.is_some() && parts.len() <= 2 && parts.iter().all(|&p| p <= 99);
    let (Some(y), true) = (year, short) else {
        // A year past 9999 or before 0, or a part of three digits: never
        // seen in a decision, written the slow way.
        let mut s = CompactString::from(format!("{y:04}"));
        for p in parts {
            s.push_str(&format!("-{p:02}"));
        }
        return s;
    };
    for d in [y / 1000, y / 100, y / 10, y] {
        put(b'0' + (d % 10) as u8);
    }
    for &p in parts {
        put(b'-');
        put(b'0' + (p / 10 % 10) as u8);
        put(b'0' + (p % 10) as u8);
    }
    let digits = buf.get(..n).unwrap_or_default();
    // SAFETY: every byte written above is an ASCII digit or `-`, so the
    // bytes are UTF-8 (checking them cost more than writing them).
    unsafe { CompactString::from_utf8_unchecked(digits) }
}

/// A date found at `start..end` (the qualifier included): the offsets are
/// all the scanner needs of its words, and keep it small to return.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    point: Point,
    /// A month or year with nothing around it that says it is a date.
    bare: bool,
}

/// Finds dates in `text`, given its words, and gives each to `out` with
/// its range (relative to `text`): the caller builds its entity from the
/// value in place, rather than the value being moved through a buffer.
pub(crate) fn scan(text: &str, words: &Words, mut out: impl FnMut(usize, usize, DateValue)) {
    // Words starting before this offset belong to a date already found.
    let mut free = 0;
    for t in words.lane(DATES) {
        let t = &t;
        if t.start < free || !may_start(text, t) {
            continue;
        }
        let (mut a, joined) = match point_with_qualifier(text, t) {
            // A second date joined by a connective: a range or a pair.
            Some(a) => {
                let joined = connective(text, a.end)
                    .and_then(|(conn, j)| point_with_qualifier(text, &j).map(|b| (conn, b)));
                (a, joined)
            }
            // `between 1 and 5 March 2021`: a day alone, whose month and
            // year are the next date's.
            None if may_join(text, t) => match day_before_date(text, t) {
                Some((a, conn, b)) => (a, Some((conn, b))),
                None => continue,
            },
            None => continue,
        };
        if let Some((conn, mut b)) = joined {
            let opener = opener(text, a.start);
            let range = match conn {
                Conn::Slash | Conn::Dash | Conn::To => true,
                Conn::And => opener.between,
            };
            // Share a year stated once ("June and July 2020") when the months run forward.
            if a.point.year.is_none() && b.point.month.is_some() {
                if let (Some(y), Some(ma), Some(mb)) = (b.point.year, a.point.month, b.point.month)
                {
                    if ma <= mb && conn != Conn::Slash {
                        a.point = a.point.with_year(y);
                        a.bare = false;
                    }
                }
            }
            if b.point.year.is_none() {
                if let (Some(y), Some(ma), Some(mb)) = (a.point.year, a.point.month, b.point.month)
                {
                    if ma <= mb && range {
                        b.point = b.point.with_year(y);
                    }
                }
            }
            let context_ok = opener.date || a.point.qualifier.is_some() || !a.bare || !b.bare;
            let months = context_ok && a.point.month.is_some() && b.point.month.is_some();
            // Years without months (a season may come with one): `from 2020
            // to 2021`, `between 2019 and 2021`, `summer 2020 to spring
            // 2021`, or a pair (`in 2019 and 2020`). The word before vouches
            // for bare years as it does for one alone, and the second must
            // come later.
            let years = !months
                && years_only(&a.point, &b.point).is_some_and(|(ya, yb)| {
                    let vouched = opener.year || opener.between || !a.bare || !b.bare;
                    vouched && yb > ya && !followed_by_instrument(text, b.end)
                });
            if months || years {
                if range {
                    let mut v = DateValue::from_point(a.point);
                    v.until = Some(b.point.into());
                    out(a.start, b.end, v);
                } else {
                    out(a.start, a.end, DateValue::from_point(a.point));
                    out(b.start, b.end, DateValue::from_point(b.point));
                }
                free = b.end;
                continue;
            }
        }
        // The word before is only read when nothing else vouches for the date.
        let context_ok = !a.bare || a.point.qualifier.is_some() || opener_vouches(text, &a);
        if context_ok && !followed_by_instrument(text, a.end) {
            out(a.start, a.end, DateValue::from_point(a.point));
            free = a.end;
        }
    }
}

/// A cheap necessary condition for [`day_before_date`] (most numbers are
/// not days followed by a connective): one or two digits (and a suffix),
/// then `-`, an en or em dash, `and`, `to`, `until` or `till`.
fn may_join(text: &str, t: &Tok) -> bool {
    let b = text.as_bytes();
    if !t.first.is_ascii_digit() || t.len() > 4 {
        return false;
    }
    let i = skip_blanks(b, t.end, false);
    match b.get(i) {
        Some(b'-' | 0xE2) => true,
        Some(b'a') => word_is(b, i, b"and"),
        Some(b't') => word_is(b, i, b"to") || word_is(b, i, b"till"),
        Some(b'u') => word_is(b, i, b"until"),
        _ => false,
    }
}

/// A day number at `t` joined to a full date after it that lends it its
/// month and year: `between 1 and 5 March 2021` and `from 1 to 5 March`
/// (ranges, the first day before the second), `on 3 and 4 May 2022` (a
/// pair). Only after a word that introduces a date (`between`, `from`,
/// `on` ...): `paragraphs 1 and 5 March` is no date. Returns both days
/// and their connective. Out of line: it runs for few words.
#[inline(never)]
fn day_before_date(text: &str, t: &Tok) -> Option<(Found, Conn, Found)> {
    if !t.first.is_ascii_digit() {
        return None;
    }
    let d = day_number(bytes(text, t))?;
    let (conn, j) = connective(text, t.end)?;
    let b = numeric_point(text, &j, bytes(text, &j))?;
    let (Some(month), Some(last)) = (b.point.month, b.point.day) else {
        return None;
    };
    let opener = opener(text, t.start);
    let range = match conn {
        Conn::Dash | Conn::To => true,
        Conn::And => opener.between,
        Conn::Slash => return None,
    };
    if !opener.date || (range && d >= last) || d == last {
        return None;
    }
    let point = Point::new(DatePrecision::Day, b.point.year, Some(month), Some(d));
    let a = Found {
        start: t.start,
        end: t.end,
        point,
        bare: false,
    };
    (point.day == Some(d)).then_some((a, conn, b))
}

/// The years of two points that have a year and no month (a year alone or
/// a season of one).
fn years_only(a: &Point, b: &Point) -> Option<(i32, i32)> {
    let year = |p: &Point| p.year.filter(|_| p.month.is_none());
    Some((year(a)?, year(b)?))
}

/// A cheap necessary condition for a date at the candidate `t`, from its
/// first byte, its length and the byte after it. Most candidates are
/// numbers (`(2)`, `3.4`, `section 12,`), which fail here without a call: a
/// number that starts a date is a day followed by a space or by `/`, `.` or
/// `-` (`14/03/2024`), or a year of four digits.
fn may_start(text: &str, t: &Tok) -> bool {
    !t.first.is_ascii_digit()
        || t.len() == 4
        || matches!(
            text.as_bytes().get(t.end),
            Some(b' ' | b'\t' | 0xC2 | b'/' | b'.' | b'-')
        )
}

/// What the word before a date says about it.
#[derive(Debug, Clone, Copy, Default)]
struct Opener {
    /// A word that introduces a date: `in`, `since`, `on`, `last`, `early` ...
    date: bool,
    /// A word after which a bare four-digit number is a year rather than a
    /// count or a citation: `in`, `since`, `by`, `before` ... (not `on`).
    year: bool,
    /// `between`: `between June and July` is a range, `June and July` a pair.
    between: bool,
}

/// Classifies the word before offset `start`, lower-cased on the stack
/// (every word it can be has at most 10 letters).
fn opener(text: &str, start: usize) -> Opener {
    // The word before the (empty) word at `start`.
    let Some(w) = before(text, &Tok::new(text, start, start)) else {
        return Opener::default();
    };
    let w = bytes(text, &w);
    let mut buf = [0u8; 10];
    if w.len() > buf.len() {
        return Opener::default();
    }
    // Copied and lower-cased in one pass (no call to `memcpy`).
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    // One match for the three questions.
    let (date, year, between) = match buf.get(..w.len()).unwrap_or_default() {
        b"in" | b"since" | b"during" | b"by" | b"until" | b"till" | b"from" | b"before"
        | b"after" | b"throughout" | b"around" => (true, true, false),
        b"between" => (true, false, true),
        b"on" | b"last" | b"next" | b"this" | b"that" | b"early" | b"late" | b"mid" => {
            (true, false, false)
        }
        _ => (false, false, false),
    };
    Opener {
        date,
        year,
        between,
    }
}

/// Does the word before the bare month or year `a` make it a date (`in
/// October`, `since 2019`)?
fn opener_vouches(text: &str, a: &Found) -> bool {
    let o = opener(text, a.start);
    o.date && (a.point.month.is_some() || o.year)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    Slash,
    Dash,
    To,
    And,
}

/// A connective after the word ending at `end`: returns it and the word after it.
/// Either `/`, `-`, `–` or `—` with only spaces (or NBSP) around it, or,
/// after spaces, `and`, `to`, `until` or `till` (and a `the` after it).
/// Read from the bytes after `t`, so a date followed by `,` or `.` is
/// rejected at its first byte.
fn connective(text: &str, end: usize) -> Option<(Conn, Tok)> {
    let b = text.as_bytes();
    let i = skip_blanks(b, end, false);
    let symbol = match b.get(i..) {
        Some([b'/', ..]) => Some((Conn::Slash, 1)),
        Some([b'-', ..]) => Some((Conn::Dash, 1)),
        // U+2013 and U+2014, the en and em dashes.
        Some([0xE2, 0x80, 0x93 | 0x94, ..]) => Some((Conn::Dash, 3)),
        _ => None,
    };
    if let Some((conn, len)) = symbol {
        return word_from(text, skip_blanks(b, i + len, false)).map(|n| (conn, n));
    }
    if i == end {
        return None;
    }
    // Compared in place: the word after most dates is none of these, and
    // is not read to its end.
    let (conn, len) = [
        (Conn::And, &b"and"[..]),
        (Conn::To, b"to"),
        (Conn::To, b"until"),
        (Conn::To, b"till"),
    ]
    .into_iter()
    .find(|(_, w)| word_is(b, i, w))
    .map(|(conn, w)| (conn, w.len()))?;
    let next = next_spaced(text, i + len)?;
    // "and the end of January": "the" stays outside the date.
    if bytes(text, &next) == b"the" {
        return next_spaced(text, next.end).map(|q| (conn, q));
    }
    Some((conn, next))
}

/// `1974` in `Local Government Act 1974 ...` is not a date; neither is a year
/// followed by `Act` or `Regulations` (`the 2014 Regulations`).
fn followed_by_instrument(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let i = skip_blanks(b, end, true);
    i > end
        && [&b"Act"[..], b"Regulations", b"Order", b"Rules"]
            .iter()
            .any(|w| word_is(b, i, w))
}

/// Is the word starting at byte `i` exactly `w`? Compared in place, without
/// finding where the word ends first.
fn word_is(b: &[u8], i: usize, w: &[u8]) -> bool {
    b.get(i..i + w.len()) == Some(w) && !b.get(i + w.len()).is_some_and(u8::is_ascii_alphanumeric)
}

/// The bytes of the word `t` (ASCII letters and digits).
fn bytes<'a>(text: &'a str, t: &Tok) -> &'a [u8] {
    text.as_bytes().get(t.start..t.end).unwrap_or_default()
}

/// Skips spaces and no-break spaces from `i`, and tabs too when `tabs`.
fn skip_blanks(b: &[u8], mut i: usize, tabs: bool) -> usize {
    loop {
        match b.get(i) {
            Some(b' ') => i += 1,
            Some(b'\t') if tabs => i += 1,
            Some(0xC2) if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return i,
        }
    }
}

/// The word after `end` when only spaces, tabs or no-break spaces come
/// between: what [`after`](super::text::after) gives when
/// [`is_space_str`](super::text::is_space_str) holds for the gap,
/// but it stops at the first other byte instead of scanning on for a word.
fn next_spaced(text: &str, end: usize) -> Option<Tok> {
    let i = skip_blanks(text.as_bytes(), end, true);
    if i == end {
        return None;
    }
    word_from(text, i)
}

/// The word after `end` when spaces or one hyphen (`mid-September`) come between.
fn next_joined(text: &str, end: usize) -> Option<Tok> {
    if text.as_bytes().get(end) == Some(&b'-') {
        return word_from(text, end + 1);
    }
    next_spaced(text, end)
}

/// `early`, `mid` and `late` (in any case) qualify the date right after
/// them; `end`, `start`, `beginning` and `middle` need an `of` first.
/// Returns the qualifier and whether it needs the `of`.
fn qualifier_of(w: &[u8]) -> Option<(DateQualifier, bool)> {
    let is = |lit: &[u8]| w.eq_ignore_ascii_case(lit);
    let q = match w.len() {
        3 if is(b"mid") => (DateQualifier::Mid, false),
        3 if is(b"end") => (DateQualifier::End, true),
        4 if is(b"late") => (DateQualifier::Late, false),
        5 if is(b"early") => (DateQualifier::Early, false),
        5 if is(b"start") => (DateQualifier::Start, true),
        6 if is(b"middle") => (DateQualifier::Mid, true),
        9 if is(b"beginning") => (DateQualifier::Start, true),
        _ => return None,
    };
    Some(q)
}

/// A date at the word `t`, with an `early`/`late`/`end of` qualifier in front.
fn point_with_qualifier(text: &str, t: &Tok) -> Option<Found> {
    if t.first.is_ascii_digit() {
        return point_at(text, t);
    }
    let Some((q, of)) = qualifier_of(bytes(text, t)) else {
        return point_at(text, t);
    };
    // Only spaces or a hyphen ("mid-September") between the words.
    let mut a = next_joined(text, t.end)?;
    if of {
        if bytes(text, &a) != b"of" {
            return None;
        }
        a = next_joined(text, a.end)?;
    }
    let mut f = point_at(text, &a)?;
    if f.point.day.is_some() {
        return None;
    }
    f.point.qualifier = Some(q);
    f.start = t.start;
    Some(f)
}

/// A date starting exactly at the word `t`, without a qualifier.
fn point_at(text: &str, t: &Tok) -> Option<Found> {
    let w = bytes(text, t);
    if t.first.is_ascii_digit() {
        return numeric_point(text, t, w);
    }
    if t.first.is_ascii_lowercase() && !(w.len() == 6 && matches!(t.first, b's' | b'a' | b'w')) {
        return None; // only seasons start lower case
    }
    // October 2018, October.
    if let Some((month, abbrev)) = month_of(w) {
        let year = year_after(text, t, abbrev);
        if year.is_none() && abbrev {
            return None; // "Mar", "Dec" alone are too likely to be something else.
        }
        let last = year.map_or(*t, |(_, y)| y);
        let p = Point::new(
            DatePrecision::Month,
            year.map(|(y, _)| y),
            Some(month),
            None,
        );
        return Some(Found {
            start: t.start,
            end: last.end,
            point: p,
            bare: year.is_none(),
        });
    }
    // summer of 2020, the autumn 2019.
    if let Some(season) = (w.len() == 6).then(|| season_of(w)).flatten() {
        let n = next_spaced(text, t.end)?;
        let y = if bytes(text, &n) == b"of" {
            next_spaced(text, n.end)?
        } else {
            n
        };
        let yr = year_of(bytes(text, &y))?;
        let mut p = Point::new(DatePrecision::Season, Some(yr), None, None);
        p.season = Some(season);
        return Some(Found {
            start: t.start,
            end: y.end,
            point: p,
            bare: false,
        });
    }
    None
}

/// A date starting at the word `t` (`w`), which starts with a digit.
fn numeric_point(text: &str, t: &Tok, w: &[u8]) -> Option<Found> {
    let next = text.as_bytes().get(t.end).copied();
    // 14/03/2024 (day first, as in the UK), 14.03.2024, 14-03-2024.
    if w.len() <= 2 && matches!(next, Some(b'/' | b'.' | b'-')) {
        if let Some(f) = numeric_date(text, t, w) {
            return Some(f);
        }
    }
    // 13 September 2021, 1st April.
    if let Some(d) = day_number(w) {
        // Only spaces (or a non-breaking one) lead to the month, which
        // starts with a capital: "28 days" stops at the `d`.
        let b = text.as_bytes();
        let i = skip_blanks(b, t.end, true);
        if i == t.end || !b.get(i).is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let m = word_from(text, i)?;
        let (month, abbrev) = month_of(bytes(text, &m))?;
        let year = year_after(text, &m, abbrev);
        let last = year.map_or(m, |(_, y)| y);
        let p = Point::new(
            DatePrecision::Day,
            year.map(|(y, _)| y),
            Some(month),
            Some(d),
        );
        return Some(Found {
            start: t.start,
            end: last.end,
            point: p,
            bare: false,
        });
    }
    // A bare year: the caller decides whether its context makes it one.
    let yr = year_of(w)?;
    // "2018/19" is a financial year; "2019-20" too: not a calendar year.
    if matches!(next, Some(b'/' | b'-')) {
        return None;
    }
    Some(Found {
        start: t.start,
        end: t.end,
        point: Point::new(DatePrecision::Year, Some(yr), None, None),
        bare: true,
    })
}

/// `14/03/2024` at the word `t` (`w`): day, month and year of one or two,
/// one or two and four digits, with the same separator twice.
fn numeric_date(text: &str, t: &Tok, w: &[u8]) -> Option<Found> {
    let b = text.as_bytes();
    let sep = b.get(t.end)?;
    let m = word_from(text, t.end + 1)?;
    if b.get(m.end) != Some(sep) {
        return None;
    }
    let y = word_from(text, m.end + 1)?;
    let d = digits(w, 2)?;
    let mo = digits(bytes(text, &m), 2).filter(|m| (1..=12).contains(m))?;
    let yr = year_of(bytes(text, &y))?;
    let p = Point::new(DatePrecision::Day, Some(yr), Some(mo), Some(d));
    (p.precision == DatePrecision::Day).then_some(Found {
        start: t.start,
        end: y.end,
        point: p,
        bare: false,
    })
}

/// The value of `w` when it is one to `max` ASCII digits (`max` at most 9).
fn digits(w: &[u8], max: usize) -> Option<u32> {
    if w.is_empty() || w.len() > max {
        return None;
    }
    w.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// A year of the range dates are believed in (1900 to 2100), written with
/// four digits.
fn year_of(w: &[u8]) -> Option<i32> {
    let &[a, b, c, d] = w else {
        return None;
    };
    let digit = |x: u8| x.is_ascii_digit().then(|| i32::from(x - b'0'));
    let y = digit(a)? * 1000 + digit(b)? * 100 + digit(c)? * 10 + digit(d)?;
    (1900..=2100).contains(&y).then_some(y)
}

/// `13`, `1st`, `22nd`, `3rd`, `4th` as a day of the month.
fn day_number(w: &[u8]) -> Option<u32> {
    let digits_end = w.iter().take_while(|c| c.is_ascii_digit()).count();
    let (d, suffix) = (w.get(..digits_end)?, w.get(digits_end..)?);
    if !matches!(suffix, b"" | b"st" | b"nd" | b"rd" | b"th") {
        return None;
    }
    digits(d, 2).filter(|d| (1..=31).contains(d))
}

/// The year after the month `m` (`October 2018`, `Sept. 2020`, `May, 2019`),
/// and its word.
fn year_after(text: &str, m: &Tok, abbrev: bool) -> Option<(i32, Tok)> {
    // A comma (or, after an abbreviation, a full stop) may come first, but
    // spaces must follow it.
    let b = text.as_bytes();
    let from = match b.get(m.end) {
        Some(b',') => m.end + 1,
        Some(b'.') if abbrev => m.end + 1,
        _ => m.end,
    };
    let i = skip_blanks(b, from, true);
    if i == from {
        return None;
    }
    year_at(text, i)
}

/// The year written at byte `i` (whose byte before is not a word byte), and
/// its word: read in place, as it is four digits or nothing.
fn year_at(text: &str, i: usize) -> Option<(i32, Tok)> {
    let b = text.as_bytes();
    if b.get(i + 4).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let y = year_of(b.get(i..i + 4)?)?;
    Some((y, Tok::new(text, i, i + 4)))
}

/// A month name, capitalised as in prose (or all capitals); `(month, abbreviated?)`.
fn month_of(w: &[u8]) -> Option<(u32, bool)> {
    // One candidate per (first letter, length): a single comparison after that.
    let (full, m): (&[u8], u32) = match (w.first()?, w.len()) {
        (b'J', 7) => (b"January", 1),
        (b'F', 8) => (b"February", 2),
        (b'M', 5) => (b"March", 3),
        (b'A', 5) => (b"April", 4),
        // `May`; `Mar` is short for March.
        (b'M', 3) if w.get(2).is_some_and(|c| c.eq_ignore_ascii_case(&b'y')) => (b"May", 5),
        (b'J', 4) if matches!(w.get(2), Some(b'n' | b'N')) => (b"June", 6),
        (b'J', 4) => (b"July", 7),
        (b'A', 6) => (b"August", 8),
        (b'S', 9) => (b"September", 9),
        (b'O', 7) => (b"October", 10),
        (b'N', 8) => (b"November", 11),
        (b'D', 8) => (b"December", 12),
        (_, 3) | (b'S', 4) => return short_month(w),
        _ => return None,
    };
    // `w` is as long as `full` (the match is on its length), so comparing
    // byte by byte needs no call to `memcmp`.
    let as_prose = w.iter().zip(full).all(|(a, b)| a == b);
    let all_caps = || {
        w.len() > 3
            && w.iter()
                .zip(full)
                .all(|(a, b)| *a == b.to_ascii_uppercase())
    };
    (as_prose || all_caps()).then_some((m, false))
}

/// `Jan`, `Feb`, ... `Sept` (not `May`, which is the full name).
fn short_month(w: &[u8]) -> Option<(u32, bool)> {
    let m = match w {
        b"Jan" => 1,
        b"Feb" => 2,
        b"Mar" => 3,
        b"Apr" => 4,
        b"Jun" => 6,
        b"Jul" => 7,
        b"Aug" => 8,
        b"Sep" | b"Sept" => 9,
        b"Oct" => 10,
        b"Nov" => 11,
        b"Dec" => 12,
        _ => return None,
    };
    Some((m, true))
}

fn season_of(w: &[u8]) -> Option<Season> {
    [
        (b"spring", Season::Spring),
        (b"summer", Season::Summer),
        (b"autumn", Season::Autumn),
        (b"winter", Season::Winter),
    ]
    .into_iter()
    .find(|(name, _)| w.eq_ignore_ascii_case(*name))
    .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(t: &str) -> Vec<(String, DateValue)> {
        let mut out = Vec::new();
        scan(t, &Words::of(t), |s, e, v| out.push((s, e, v)));
        out.into_iter()
            .map(|(s, e, v)| (t[s..e].to_string(), v))
            .collect()
    }

    /// Each date's text, ISO date and, for a range, its end's ISO date.
    fn spans(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
        dates(t)
            .into_iter()
            .map(|(s, v)| {
                let until = v.until.and_then(|u| u.date.map(String::from));
                (s, v.date.map(String::from), until)
            })
            .collect()
    }

    fn iso(t: &str) -> Vec<(String, Option<String>, DatePrecision)> {
        dates(t)
            .into_iter()
            .map(|(s, v)| (s, v.date.map(String::from), v.precision))
            .collect()
    }

    use DatePrecision::*;

    #[test]
    fn iso_text_is_what_format_writes() {
        let years = [-12, -1, 0, 7, 99, 999, 1974, 2020, 9999, 10000, 123456];
        let parts = [0, 1, 9, 10, 12, 31, 99, 100, 4321];
        for y in years {
            assert_eq!(super::iso(y, &[]), format!("{y:04}"));
            for m in parts {
                assert_eq!(super::iso(y, &[m]), format!("{y:04}-{m:02}"));
                for d in parts {
                    assert_eq!(super::iso(y, &[m, d]), format!("{y:04}-{m:02}-{d:02}"));
                }
            }
        }
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            iso("Decision date : 29 Jul 2020 and on 13 September 2021."),
            [
                ("29 Jul 2020".into(), Some("2020-07-29".into()), Day),
                ("13 September 2021".into(), Some("2021-09-13".into()), Day)
            ]
        );
        assert_eq!(iso("on 1st April 2022")[0].1.as_deref(), Some("2022-04-01"));
        assert_eq!(iso("on 14/03/2024")[0].1.as_deref(), Some("2024-03-14"));
    }

    #[test]
    fn month_and_year() {
        assert_eq!(
            iso("in October 2018 about"),
            [("October 2018".into(), Some("2018-10".into()), Month)]
        );
        let v = dates("should have taken place in December 2018/January 2019;");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, "December 2018/January 2019");
        assert_eq!(v[0].1.date.as_deref(), Some("2018-12"));
        assert_eq!(
            v[0].1.until.as_ref().and_then(|u| u.date.as_deref()),
            Some("2019-01")
        );
    }

    #[test]
    fn partial_and_vague() {
        let v = dates("In the summer of 2020 Mrs X contacted");
        assert_eq!(v[0].0, "summer of 2020");
        assert_eq!(v[0].1.precision, Season);
        assert_eq!(v[0].1.season, Some(super::Season::Summer));
        assert_eq!(v[0].1.date.as_deref(), Some("2020"));

        // No year in the text: none is made up.
        let v = dates("between November and the end of January they explained");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "November and the end of January");
        assert_eq!(v[0].1.date, None);
        assert_eq!(v[0].1.month, Some(11));
        let until = v[0].1.until.clone().unwrap();
        assert_eq!(
            (until.month, until.year, until.qualifier),
            (Some(1), None, Some(DateQualifier::End))
        );

        let v = iso("In October Mrs X asked");
        assert_eq!(v, [("October".into(), None, Month)]);
        let v = iso("On 23 March the Council responded");
        assert_eq!(v[0].0, "23 March");
        assert_eq!(v[0].1, None);
    }

    #[test]
    fn shared_year() {
        let v = dates("during June and July 2020. Both in late March and August 2022");
        let got: Vec<(&str, Option<&str>)> = v
            .iter()
            .map(|(s, d)| (s.as_str(), d.date.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("June", Some("2020-06")),
                ("July 2020", Some("2020-07")),
                ("late March", Some("2022-03")),
                ("August 2022", Some("2022-08"))
            ]
        );
        let v = dates("between May and July 2023");
        assert_eq!(v[0].1.date.as_deref(), Some("2023-05"));
    }

    #[test]
    fn years() {
        assert_eq!(
            iso("In 2019, two of"),
            [("2019".into(), Some("2019".into()), Year)]
        );
        assert!(iso("the Children Act 1989 sets").is_empty());
        assert!(iso("Local Government Act 1974, section 26").is_empty());
        assert!(iso("sessions for 2018/19. It took 2019 hours").is_empty());
        assert_eq!(iso("by the end of 2019")[0].0, "end of 2019");
    }

    #[test]
    fn ranges_and_qualifiers() {
        let v = dates("between June and July 2020 we");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "June and July 2020");
        assert_eq!(v[0].1.date.as_deref(), Some("2020-06"));
        let until = v[0].1.until.clone().unwrap();
        assert_eq!(until.date.as_deref(), Some("2020-07"));

        let v = dates("from May 2019 \u{2013} June 2019 and from March 2020 - April 2020.");
        let got: Vec<&str> = v.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            got,
            ["May 2019 \u{2013} June 2019", "March 2020 - April 2020"]
        );

        let v = dates("by the end of May the council had not replied");
        assert_eq!(v[0].0, "end of May");
        assert_eq!(v[0].1.qualifier, Some(DateQualifier::End));
        assert_eq!((v[0].1.month, v[0].1.date.as_deref()), (Some(5), None));

        let v = dates("in mid-September 2021 and at the beginning of 2022");
        let got: Vec<(&str, Option<DateQualifier>)> =
            v.iter().map(|(s, d)| (s.as_str(), d.qualifier)).collect();
        assert_eq!(
            got,
            [
                ("mid-September 2021", Some(DateQualifier::Mid)),
                ("beginning of 2022", Some(DateQualifier::Start))
            ]
        );
        // A qualifier needs its spaces (or hyphen) and, for `end`, its `of`.
        assert!(iso("the end: May. The late, 2019").is_empty());
        // A day cannot be qualified.
        assert!(dates("early 3 March")
            .iter()
            .all(|(s, _)| !s.starts_with("early")));
    }

    #[test]
    fn ranges_and_pairs_of_years() {
        let got = spans;
        let range =
            |s: &str, a: &str, b: &str| (s.to_string(), Some(a.to_string()), Some(b.to_string()));
        let one = |s: &str| (s.to_string(), Some(s.to_string()), None);
        assert_eq!(
            got("records from 2020 to 2021 are"),
            [range("2020 to 2021", "2020", "2021")]
        );
        assert_eq!(
            got("Between 2019 and 2021 it"),
            [range("2019 and 2021", "2019", "2021")]
        );
        assert_eq!(
            got("from 2019 \u{2013} 2021 it"),
            [range("2019 \u{2013} 2021", "2019", "2021")]
        );
        assert_eq!(got("in 2019 and 2020 it"), [one("2019"), one("2020")]);
        let v = dates("from summer 2020 to late 2021");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].0.as_str(), v[0].1.season),
            ("summer 2020 to late 2021", Some(super::Season::Summer))
        );
        let until = v[0].1.until.clone().unwrap();
        assert_eq!(
            (until.year, until.qualifier),
            (Some(2021), Some(DateQualifier::Late))
        );
        // Nothing vouches for bare numbers; an end before the start is no
        // range; an instrument's year is none; counts are not years.
        assert!(got("the numbers 2019 and 2020 were").is_empty());
        assert!(got("between 2021 and 2019 it").is_empty());
        assert!(got("between 2014 and 2015 Regulations").is_empty());
        assert!(got("between 2000 and 2500 people").is_empty());
    }

    #[test]
    fn days_that_share_a_month() {
        assert_eq!(
            spans("Between 1 and 5 March 2021 it"),
            [(
                "1 and 5 March 2021".into(),
                Some("2021-03-01".into()),
                Some("2021-03-05".into())
            )]
        );
        assert_eq!(
            iso("from 1 to 5 March 2021 and from 7-9 May 2021"),
            [
                ("1 to 5 March 2021".into(), Some("2021-03-01".into()), Day),
                ("7-9 May 2021".into(), Some("2021-05-07".into()), Day)
            ]
        );
        // A pair; without a year, no ISO date (never a made-up one).
        assert_eq!(
            iso("on 3 and 4 May 2022, and on 6 and 7 June"),
            [
                ("3".into(), Some("2022-05-03".into()), Day),
                ("4 May 2022".into(), Some("2022-05-04".into()), Day),
                ("6".into(), None, Day),
                ("7 June".into(), None, Day)
            ]
        );
        // No word that introduces a date; a range that runs backwards; a
        // day the month does not have: only the full date.
        for t in [
            "paragraphs 1 and 5 March 2021",
            "between 9 and 5 March 2021",
            "between 30 and 31 February 2021",
        ] {
            let v = dates(t);
            assert_eq!(v.len(), 1, "{t}: {v:?}");
            assert!(v[0].1.until.is_none() && t.ends_with(&v[0].0), "{t}: {v:?}");
        }
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            iso("on 14.03.2024 and 15-03-2024, not 14/3-2024"),
            [
                ("14.03.2024".into(), Some("2024-03-14".into()), Day),
                ("15-03-2024".into(), Some("2024-03-15".into()), Day)
            ]
        );
        assert_eq!(iso("in Sept. 2020")[0].1.as_deref(), Some("2020-09"));
        // `Mar` as well as the other short months (it once fell to `May`).
        assert_eq!(iso("in Mar 2020")[0].1.as_deref(), Some("2020-03"));
        assert_eq!(iso("on 3 Mar 2020")[0].1.as_deref(), Some("2020-03-03"));
        assert_eq!(iso("in May, 2019")[0].1.as_deref(), Some("2019-05"));
        assert_eq!(iso("in JUNE 2019")[0].1.as_deref(), Some("2019-06"));
        assert_eq!(
            iso("on 3rd\u{a0}June 2019")[0].1.as_deref(),
            Some("2019-06-03")
        );
        // Full stop after a full month name, or no space: no year.
        assert_eq!(iso("in June. 2019 was")[0].0, "June");
        assert!(iso("28 days, 3 weeks, (2) and 12345").is_empty());
        // 29 February only in a leap year, including a year shared in a pair.
        assert_eq!(iso("on 29 February 2020")[0].2, Day);
        assert_eq!(iso("on 29 February 2021")[0].2, Month);
        let v = dates("on 29 February and 1 March 2021");
        assert_eq!((v[0].1.precision, v[0].1.day), (Month, None));
        assert!(iso("the 2014 Regulations and the 2019\tOrder").is_empty());
        assert_eq!(iso("the summer 2019 and the Winter of 2020").len(), 2);
    }

    #[test]
    fn not_dates() {
        assert!(iso("Ms X may ask. Mar and Dec. A May decision? 31 pages").is_empty());
        assert!(iso("The council must hold the panel within 30 working days").is_empty());
        // 31 June does not exist: month precision, no invented day.
        let v = dates("on 31 June 2020");
        assert_eq!((v[0].1.precision, v[0].1.day), (Month, None));
    }
}
