//! Calendar dates (YYYY-MM-DD) and periods (`2021-2025`) as plans write them, without a
//! date-time dependency.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    pub fn first_of_year(year: i32) -> Date {
        Date::new(year, 1, 1)
    }

    pub fn last_of_year(year: i32) -> Date {
        Date::new(year, 12, 31)
    }

    /// Parses `YYYY-MM-DD` and also the Vietnamese `DD/MM/YYYY`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let (y, m, d) = if let Some((y, rest)) = s.split_once('-') {
            let (m, d) = rest.split_once('-')?;
            (y, m, d)
        } else {
            let mut it = s.split('/');
            let (d, m, y) = (it.next()?, it.next()?, it.next()?);
            if it.next().is_some() {
                return None;
            }
            (y, m, d)
        };
        if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// "ngày 26 tháng 3 năm 2024", "ngày 05 tháng 02 năm 2024": the form of an official
    /// document's date line (Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months
    /// 1 and 2 take a leading zero).
    pub fn vietnamese_long(self) -> String {
        let (d, m) = self.administrative_parts();
        format!("ngày {d} tháng {m} năm {}", self.year)
    }

    /// "01/3/2025", "28/02/2025": the short form, padded as administrative documents pad it,
    /// so every date kehoach writes in Vietnamese reads the same way.
    pub fn vietnamese_short(self) -> String {
        let (d, m) = self.administrative_parts();
        format!("{d}/{m}/{}", self.year)
    }

    fn administrative_parts(self) -> (String, String) {
        let day = format!("{:02}", self.day);
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        (day, month)
    }

    /// "1 March 2025": English readers do not share the day/month order.
    pub fn english(self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        format!("{} {month} {}", self.day, self.year)
    }

    /// The date as a message in `lang` writes it.
    pub fn display(self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Vi => self.vietnamese_short(),
            crate::i18n::Lang::En => self.english(),
        }
    }

    /// The day after: the first day of a change whose data gives the last day before it.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date::new(self.year, self.month, self.day + 1)
        } else if self.month < 12 {
            Date::new(self.year, self.month + 1, 1)
        } else {
            Date::new(self.year + 1, 1, 1)
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid date `{s}`, expected YYYY-MM-DD"))
        })
    }
}

/// `2024` or `2021-2025` (any dash, any spacing) → first and last year.
pub fn parse_period(s: &str) -> Option<(i32, i32)> {
    let s: String = s
        .chars()
        .map(|c| {
            if matches!(c, '–' | '—' | '‐' | '−') {
                '-'
            } else {
                c
            }
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let year = |y: &str| y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y));
    match s.split_once('-') {
        None => year(&s).map(|y| (y, y)),
        Some((a, b)) => {
            let (a, b) = (year(a)?, year(b)?);
            (a <= b).then_some((a, b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_one_year_or_two_in_order_with_any_dash() {
        assert_eq!(parse_period("2024"), Some((2024, 2024)));
        assert_eq!(parse_period("2021 – 2025"), Some((2021, 2025)));
        assert_eq!(parse_period("2025-2021"), None);
        assert_eq!(parse_period("24"), None);
    }

    #[test]
    fn parses_both_notations_and_rejects_impossible_days() {
        assert_eq!(Date::parse("2024-03-26"), Some(Date::new(2024, 3, 26)));
        assert_eq!(Date::parse("26/3/2024"), Some(Date::new(2024, 3, 26)));
        assert_eq!(Date::parse("2024-02-29"), Some(Date::new(2024, 2, 29)));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("24-03-26"), None);
        assert!(Date::new(2025, 2, 28) < Date::new(2025, 3, 1));
    }

    #[test]
    fn the_day_after_crosses_months_and_years() {
        assert_eq!(Date::new(2025, 2, 28).next_day(), Date::new(2025, 3, 1));
        assert_eq!(Date::new(2024, 2, 28).next_day(), Date::new(2024, 2, 29));
        assert_eq!(Date::new(2025, 6, 30).next_day(), Date::new(2025, 7, 1));
        assert_eq!(Date::new(2024, 12, 31).next_day(), Date::new(2025, 1, 1));
        assert_eq!(Date::new(2025, 3, 1).english(), "1 March 2025");
    }
}
