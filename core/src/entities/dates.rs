//! Dates: `13 September 2021`, `29 Jul 2020`, `October 2018`, `summer of 2020`,
//! `December 2018/January 2019`, `between November and the end of January`.
//!
//! Each date keeps the precision the text gives it. A year is only filled in
//! when the text states it (in the date itself or in a range or pair that
//! shares it: `June and July 2020`); a day is only given with a month.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::{after, all_digits, before, gap, is_space_str, Tok, Words, DATES};

/// A date as precise as the text makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateValue {
    /// ISO 8601 as far as the precision goes (`2020-07-29`, `2018-10`, `2020`);
    /// null when the text gives no year.
    pub date: Option<String>,
    pub precision: DatePrecision,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// For `summer of 2020` and the like.
    pub season: Option<Season>,
    /// `early`, `mid`, `late`, `end of`, `start of` before the date.
    pub qualifier: Option<DateQualifier>,
    /// The end of a range (`December 2018/January 2019`, `between May and July 2023`).
    pub until: Option<DatePoint>,
}

/// One end of a date range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DatePoint {
    pub date: Option<String>,
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

impl DatePoint {
    fn new(
        precision: DatePrecision,
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    ) -> Self {
        let mut p = DatePoint {
            date: None,
            precision,
            year,
            month,
            day,
            season: None,
            qualifier: None,
        };
        p.normalise();
        p
    }

    /// Drops a day the calendar does not have and recomputes the ISO text.
    fn normalise(&mut self) {
        if let (Some(d), Some(m)) = (self.day, self.month) {
            let valid = match self.year {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
                None => NaiveDate::from_ymd_opt(2000, m, d).is_some(), // leap year: 29 Feb allowed
            };
            if !valid {
                self.day = None;
                self.precision = DatePrecision::Month;
            }
        }
        self.date = match (self.year, self.month, self.day, self.precision) {
            (Some(y), Some(m), Some(d), DatePrecision::Day) => Some(iso(y, &[m, d])),
            (Some(y), Some(m), _, DatePrecision::Month) => Some(iso(y, &[m])),
            (Some(y), _, _, _) => Some(iso(y, &[])),
            _ => None,
        };
    }

    fn with_year(mut self, y: i32) -> Self {
        self.year = Some(y);
        self.normalise();
        self
    }
}

/// `{y:04}` then `-{p:02}` for each part, as `format!` would write them, but
/// without the formatting machinery (this runs for every date found).
fn iso(y: i32, parts: &[u32]) -> String {
    let mut s = String::with_capacity(10);
    match u32::try_from(y) {
        Ok(y) if y <= 9999 => push_digits(&mut s, y, 4),
        _ => s.push_str(&format!("{y:04}")),
    }
    for &p in parts {
        s.push('-');
        if p <= 99 {
            push_digits(&mut s, p, 2);
        } else {
            s.push_str(&p.to_string());
        }
    }
    s
}

/// Exactly `width` decimal digits of `v` (which must fit), zero-padded.
fn push_digits(s: &mut String, v: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = (v / 10u32.pow(k)) % 10;
        s.push(char::from(b'0' + digit as u8));
    }
}

impl From<DatePoint> for DateValue {
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

/// A date found at words `first..=last` (the qualifier included).
#[derive(Debug, Clone)]
struct Found {
    first: Tok,
    last: Tok,
    point: DatePoint,
    /// A month or year with nothing around it that says it is a date.
    bare: bool,
}

/// Finds dates in `text`, given its words, and appends them to `out` (a
/// buffer reused across pieces); ranges are relative to `text`.
pub(crate) fn scan(text: &str, words: &Words, out: &mut Vec<(usize, usize, DateValue)>) {
    // Words starting before this offset belong to a date already found.
    let mut free = 0;
    for t in words.lane(DATES) {
        if t.start < free {
            continue;
        }
        let Some(mut a) = point_with_qualifier(text, t) else {
            continue;
        };
        let opener = before(text, &a.first)
            .map(|t| t.str(text))
            .filter(|w| w.len() <= 10)
            .map(|w| {
                let mut buf = [0u8; 10];
                let n = w.len();
                if let (Some(dst), Some(src)) = (buf.get_mut(..n), w.as_bytes().get(..n)) {
                    dst.copy_from_slice(src);
                    dst.make_ascii_lowercase();
                }
                (buf, n)
            });
        let opener = opener
            .as_ref()
            .and_then(|(b, n)| std::str::from_utf8(b.get(..*n)?).ok());
        // A second date joined by a connective: a range or a pair.
        let joined = connective(text, &a.last)
            .and_then(|(conn, j)| point_with_qualifier(text, &j).map(|b| (conn, b)));
        if let Some((conn, mut b)) = joined {
            let range = match conn {
                Conn::Slash | Conn::Dash | Conn::To => true,
                Conn::And => opener == Some("between"),
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
            let context_ok = opener.is_some_and(is_date_preposition)
                || a.point.qualifier.is_some()
                || !a.bare
                || !b.bare;
            if context_ok && a.point.month.is_some() && b.point.month.is_some() {
                if range {
                    let (s, e) = (a.first.start, b.last.end);
                    let mut v = DateValue::from(a.point);
                    v.until = Some(b.point);
                    out.push((s, e, v));
                } else {
                    let (s, e) = (a.first.start, a.last.end);
                    out.push((s, e, a.point.into()));
                    let (s, e) = (b.first.start, b.last.end);
                    out.push((s, e, b.point.into()));
                }
                free = b.last.end;
                continue;
            }
        }
        let context_ok = !a.bare
            || a.point.qualifier.is_some()
            || opener.is_some_and(|w| {
                is_date_preposition(w) && (a.point.month.is_some() || is_year_preposition(w))
            });
        if context_ok && !followed_by_instrument(text, &a.last) {
            out.push((a.first.start, a.last.end, a.point.into()));
            free = a.last.end;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    Slash,
    Dash,
    To,
    And,
}

/// A connective after the word `t`: returns it and the word after it.
fn connective(text: &str, t: &Tok) -> Option<(Conn, Tok)> {
    let n = after(text, t)?;
    let g = gap(text, t.end, n.start).trim_matches([' ', '\u{a0}']);
    match g {
        "/" => return Some((Conn::Slash, n)),
        "-" | "\u{2013}" | "\u{2014}" => return Some((Conn::Dash, n)),
        "" => {}
        _ => return None,
    }
    if !is_space_str(gap(text, t.end, n.start)) {
        return None;
    }
    let conn = match n.str(text) {
        "and" => Conn::And,
        "to" | "until" | "till" => Conn::To,
        _ => return None,
    };
    let next = after(text, &n)?;
    if !is_space_str(gap(text, n.end, next.start)) {
        return None;
    }
    // "and the end of January": "the" stays outside the date.
    if next.str(text) == "the" {
        let q = after(text, &next)?;
        return is_space_str(gap(text, next.end, q.start)).then_some((conn, q));
    }
    Some((conn, next))
}

fn is_date_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "during"
            | "by"
            | "until"
            | "till"
            | "from"
            | "between"
            | "before"
            | "after"
            | "throughout"
            | "on"
            | "around"
            | "last"
            | "next"
            | "this"
            | "that"
            | "early"
            | "late"
            | "mid"
    )
}

/// Words after which a bare four-digit number is a year rather than a count or a citation.
fn is_year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "during"
            | "by"
            | "until"
            | "till"
            | "from"
            | "before"
            | "after"
            | "throughout"
            | "around"
    )
}

/// `1974` in `Local Government Act 1974 ...` is not a date; neither is a year
/// followed by `Act` or `Regulations` (`the 2014 Regulations`).
fn followed_by_instrument(text: &str, last: &Tok) -> bool {
    after(text, last).is_some_and(|n| {
        matches!(n.str(text), "Act" | "Regulations" | "Order" | "Rules")
            && is_space_str(gap(text, last.end, n.start))
    })
}

/// A date at the word `t`, with an `early`/`late`/`end of` qualifier in front.
fn point_with_qualifier(text: &str, t: &Tok) -> Option<Found> {
    // Cheap gate on first byte and length: every date starts with a digit,
    // a capital (month, season, qualifier) or one of a few lower-case words.
    let first = t.first.to_ascii_lowercase();
    let maybe_word = matches!(
        (first, t.len()),
        (b't', 3)
            | (b'e', 3 | 5)
            | (b'm', 3 | 6)
            | (b'l', 4)
            | (b's', 5 | 6)
            | (b'b', 9)
            | (b'a' | b'w', 6)
    );
    if !t.first.is_ascii_digit() && !maybe_word && !t.first.is_ascii_uppercase() {
        return None;
    }
    if !maybe_word {
        return point_at(text, t);
    }
    let w = t.str(text);
    let is = |lit: &str| w.eq_ignore_ascii_case(lit);
    let (qualifier, skip) = if is("early") {
        (Some(DateQualifier::Early), 1)
    } else if is("mid") {
        (Some(DateQualifier::Mid), 1)
    } else if is("late") {
        (Some(DateQualifier::Late), 1)
    } else if is("end") || is("start") || is("beginning") || is("middle") {
        let of = after(text, t)?;
        if of.str(text) != "of" {
            return None;
        }
        let q = if is("end") {
            DateQualifier::End
        } else if is("middle") {
            DateQualifier::Mid
        } else {
            DateQualifier::Start
        };
        (Some(q), 2)
    } else {
        (None, 0)
    };
    if let Some(q) = qualifier {
        // Only spaces or a hyphen ("mid-September") between the words.
        let mut a = *t;
        for _ in 0..skip {
            let b = after(text, &a)?;
            let g = gap(text, a.end, b.start);
            if !(is_space_str(g) || g == "-") {
                return None;
            }
            a = b;
        }
        let mut f = point_at(text, &a)?;
        if f.point.day.is_some() {
            return None;
        }
        f.point.qualifier = Some(q);
        f.first = *t;
        return Some(f);
    }
    point_at(text, t)
}

/// A date starting exactly at the word `t`, without a qualifier.
fn point_at(text: &str, t: &Tok) -> Option<Found> {
    if t.first.is_ascii_lowercase() && !(t.len() == 6 && matches!(t.first, b's' | b'a' | b'w')) {
        return None; // only seasons start lower case
    }
    let w = t.str(text);
    let next = text.as_bytes().get(t.end).copied();
    // 14/03/2024 (day first, as in the UK), 14.03.2024, 14-03-2024.
    if all_digits(w, 2) && matches!(next, Some(b'/' | b'.' | b'-')) {
        let m = after(text, t);
        let y = m.as_ref().and_then(|m| after(text, m));
        if let (Some(m), Some(y)) = (m, y) {
            let g1 = gap(text, t.end, m.start);
            let g2 = gap(text, m.end, y.start);
            if g1 == g2
                && matches!(g1, "/" | "." | "-")
                && all_digits(m.str(text), 2)
                && all_digits(y.str(text), 4)
            {
                let (d, mo, yr) = (num(w)?, num(m.str(text))?, num(y.str(text))?);
                if (1..=12).contains(&mo) && is_year(yr) {
                    let p = DatePoint::new(
                        DatePrecision::Day,
                        i32::try_from(yr).ok(),
                        Some(mo),
                        Some(d),
                    );
                    if p.precision == DatePrecision::Day {
                        return Some(Found {
                            first: *t,
                            last: y,
                            point: p,
                            bare: false,
                        });
                    }
                }
            }
        }
    }
    // 13 September 2021, 1st April.
    if let Some(d) = day_number(w) {
        // Only spaces (or a non-breaking one) lead to the month.
        if !matches!(next, Some(b' ' | b'\t' | 0xC2)) {
            return None;
        }
        let m = after(text, t)?;
        let (month, abbrev) = month_of(m.str(text))?;
        if !is_space_str(gap(text, t.end, m.start)) {
            return None;
        }
        let year = year_after(text, &m, abbrev);
        let last = year.map_or(m, |(_, y)| y);
        let p = DatePoint::new(
            DatePrecision::Day,
            year.map(|(y, _)| y),
            Some(month),
            Some(d),
        );
        return Some(Found {
            first: *t,
            last,
            point: p,
            bare: false,
        });
    }
    // October 2018, October.
    if let Some((month, abbrev)) = month_of(w) {
        let year = year_after(text, t, abbrev);
        if year.is_none() && abbrev {
            return None; // "Mar", "Dec" alone are too likely to be something else.
        }
        let last = year.map_or(*t, |(_, y)| y);
        let p = DatePoint::new(
            DatePrecision::Month,
            year.map(|(y, _)| y),
            Some(month),
            None,
        );
        return Some(Found {
            first: *t,
            last,
            point: p,
            bare: year.is_none(),
        });
    }
    // summer of 2020, the autumn 2019.
    if let Some(season) = (t.len() == 6).then(|| season_of(w)).flatten() {
        let n = after(text, t)?;
        if !is_space_str(gap(text, t.end, n.start)) {
            return None;
        }
        let (prev_end, y) = if n.str(text) == "of" {
            (n.end, after(text, &n)?)
        } else {
            (t.end, n)
        };
        if !is_space_str(gap(text, prev_end, y.start)) || !all_digits(y.str(text), 4) {
            return None;
        }
        let yr = num(y.str(text)).filter(|y| is_year(*y))?;
        let mut p = DatePoint::new(DatePrecision::Season, i32::try_from(yr).ok(), None, None);
        p.season = Some(season);
        return Some(Found {
            first: *t,
            last: y,
            point: p,
            bare: false,
        });
    }
    // A bare year: the caller decides whether its context makes it one.
    if t.len() == 4 && all_digits(w, 4) {
        let yr = num(w).filter(|y| is_year(*y))?;
        // "2018/19" is a financial year; "2019-20" too: not a calendar year.
        let after = text.as_bytes().get(t.end).copied();
        if matches!(after, Some(b'/') | Some(b'-')) {
            return None;
        }
        let p = DatePoint::new(DatePrecision::Year, i32::try_from(yr).ok(), None, None);
        return Some(Found {
            first: *t,
            last: *t,
            point: p,
            bare: true,
        });
    }
    None
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn is_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// `13`, `1st`, `22nd`, `3rd`, `4th` as a day of the month.
fn day_number(w: &str) -> Option<u32> {
    let digits_end = w.bytes().take_while(u8::is_ascii_digit).count();
    let (d, suffix) = (w.get(..digits_end)?, w.get(digits_end..)?);
    if !all_digits(d, 2) || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    num(d).filter(|d| (1..=31).contains(d))
}

/// The year after the month `m` (`October 2018`, `Sept. 2020`, `May, 2019`),
/// and its word.
fn year_after(text: &str, m: &Tok, abbrev: bool) -> Option<(i32, Tok)> {
    let y = after(text, m)?;
    let g = gap(text, m.end, y.start);
    let ok = is_space_str(g)
        || g.strip_prefix(',').is_some_and(is_space_str)
        || (abbrev && g.strip_prefix('.').is_some_and(is_space_str));
    if !ok || !all_digits(y.str(text), 4) {
        return None;
    }
    num(y.str(text))
        .filter(|y| is_year(*y))
        .and_then(|y| i32::try_from(y).ok())
        .map(|v| (v, y))
}

/// A month name, capitalised as in prose (or all capitals); `(month, abbreviated?)`.
fn month_of(w: &str) -> Option<(u32, bool)> {
    let b = w.as_bytes();
    // One candidate per (first letter, length): a single comparison after that.
    let (full, m): (&str, u32) = match (b.first()?, b.len()) {
        (b'J', 7) => ("January", 1),
        (b'F', 8) => ("February", 2),
        (b'M', 5) => ("March", 3),
        (b'A', 5) => ("April", 4),
        (b'M', 3) => ("May", 5),
        (b'J', 4) if b.get(2) == Some(&b'n') || b.get(2) == Some(&b'N') => ("June", 6),
        (b'J', 4) => ("July", 7),
        (b'A', 6) => ("August", 8),
        (b'S', 9) => ("September", 9),
        (b'O', 7) => ("October", 10),
        (b'N', 8) => ("November", 11),
        (b'D', 8) => ("December", 12),
        (_, 3) | (b'S', 4) => return short_month(w),
        _ => return None,
    };
    let all_caps = w.len() > 3 && b.iter().all(u8::is_ascii_uppercase);
    (w == full || (all_caps && w.eq_ignore_ascii_case(full))).then_some((m, false))
}

/// `Jan`, `Feb`, ... `Sept` (not `May`, which is the full name).
fn short_month(w: &str) -> Option<(u32, bool)> {
    let m = match w {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" | "Sept" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some((m, true))
}

fn season_of(w: &str) -> Option<Season> {
    [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("autumn", Season::Autumn),
        ("winter", Season::Winter),
    ]
    .into_iter()
    .find(|(name, _)| w.eq_ignore_ascii_case(name))
    .map(|(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(t: &str) -> Vec<(String, DateValue)> {
        let mut out = Vec::new();
        scan(t, &Words::of(t), &mut out);
        out.into_iter()
            .map(|(s, e, v)| (t[s..e].to_string(), v))
            .collect()
    }

    fn iso(t: &str) -> Vec<(String, Option<String>, DatePrecision)> {
        dates(t)
            .into_iter()
            .map(|(s, v)| (s, v.date, v.precision))
            .collect()
    }

    use DatePrecision::*;

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
    fn not_dates() {
        assert!(iso("Ms X may ask. Mar and Dec. A May decision? 31 pages").is_empty());
        assert!(iso("The council must hold the panel within 30 working days").is_empty());
        // 31 June does not exist: month precision, no invented day.
        let v = dates("on 31 June 2020");
        assert_eq!((v[0].1.precision, v[0].1.day), (Month, None));
    }
}
