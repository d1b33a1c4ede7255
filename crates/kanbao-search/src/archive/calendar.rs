//! The archive's dates: which days it holds, and each day's pages with their articles, so a
//! reader opens a date by fetching only that month's small file.
//!
//! - `calendar/index.json` ([`Calendar`]): every month held, with its days, pages and
//!   articles counted, for the calendar's year view;
//! - `calendar/YYYY-MM.json` ([`CalendarMonth`]): that month's days, each with its pages in
//!   page order, and for each page the documents it holds (a page's articles are consecutive
//!   documents, in printed order, since `kanbao build` adds them page by page).
//!
//! Pages without a date are in no month.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// The format tag of a [`Calendar`].
pub const CALENDAR_FORMAT: &str = "kanbao.calendar/1";

/// `calendar/index.json`: every month the archive holds, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// Always [`CALENDAR_FORMAT`].
    pub format: String,
    /// The paper the archive holds, when the build was told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// The months held, oldest first.
    pub months: Vec<MonthCount>,
    /// Whether the dated pages were built in date order, so that each month's documents are
    /// the range its [`MonthCount`] gives (no other month's document lies inside it).
    #[serde(default)]
    pub ordered: bool,
}

/// One month of a [`Calendar`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Days with at least one page.
    pub days: u32,
    /// Pages.
    pub pages: u32,
    /// Articles.
    pub articles: u32,
    /// The lowest document number of its articles.
    pub first: u32,
    /// One past the highest document number of its articles: when the calendar is
    /// [`ordered`](Calendar::ordered), the month's articles are documents `first .. end`.
    pub end: u32,
}

/// `calendar/YYYY-MM.json`: one month's days, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// The days held.
    pub days: Vec<CalendarDay>,
}

/// One day of a [`CalendarMonth`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Its pages in page order (pages of one number in the order they were built).
    pub pages: Vec<DayPage>,
}

/// One page of a [`CalendarDay`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayPage {
    /// The page number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The page's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The document number of its first article.
    pub first: u32,
    /// How many articles it holds: documents `first .. first + count`.
    pub count: u32,
}

impl DayPage {
    /// Its articles' document numbers, in printed order.
    pub fn docs(&self) -> std::ops::Range<u32> {
        self.first..self.first.saturating_add(self.count)
    }
}

impl CalendarMonth {
    /// The file of `month` (`YYYY-MM`), relative to the archive: `calendar/2023-11.json`.
    pub fn path(month: &str) -> String {
        format!("calendar/{month}.json")
    }

    /// The day `date`, if held.
    pub fn day(&self, date: &str) -> Option<&CalendarDay> {
        self.days.iter().find(|d| d.date == date)
    }

    /// One month of archives searched as one (an archive and its segments, a deployment's
    /// partitions), each given with the number its documents start from among them, in their
    /// order: the days of all, by date; a day held by several has the pages of each in turn.
    pub fn joined(month: &str, parts: &[(&CalendarMonth, u32)]) -> CalendarMonth {
        let mut days: BTreeMap<&str, Vec<DayPage>> = BTreeMap::new();
        for (part, start) in parts {
            for day in &part.days {
                days.entry(&day.date)
                    .or_default()
                    .extend(day.pages.iter().map(|p| DayPage {
                        first: p.first.saturating_add(*start),
                        ..p.clone()
                    }));
            }
        }
        CalendarMonth {
            month: month.to_owned(),
            days: days
                .into_iter()
                .map(|(date, pages)| CalendarDay {
                    date: date.to_owned(),
                    pages,
                })
                .collect(),
        }
    }
}

impl Calendar {
    /// The file of the calendar, relative to the archive.
    pub const PATH: &'static str = "calendar/index.json";

    /// The calendar of archives searched as one (an archive and its segments, a deployment's
    /// partitions), each given with the number its documents start from among them, in their
    /// order. A month held by several is one month, its counts added (a day held by two is
    /// counted twice) and its documents from the first of any to the end of any. The whole is
    /// [`ordered`](Calendar::ordered) when each is and each archive's months start no earlier
    /// than the last month of those before it: a segment appended with the rest of a month
    /// continues it. The paper is named when all name the same.
    pub fn joined(parts: &[(&Calendar, u32)]) -> Calendar {
        let mut months: BTreeMap<&str, MonthCount> = BTreeMap::new();
        let mut ordered = true;
        let mut last: Option<&str> = None;
        for (part, start) in parts {
            ordered &= part.ordered;
            if let (Some(last), Some(first)) = (last, part.months.first()) {
                ordered &= first.month.as_str() >= last;
            }
            last = part.months.last().map(|m| m.month.as_str()).or(last);
            for m in &part.months {
                let (first, end) = (m.first.saturating_add(*start), m.end.saturating_add(*start));
                months
                    .entry(&m.month)
                    .and_modify(|held| {
                        held.days += m.days;
                        held.pages += m.pages;
                        held.articles += m.articles;
                        held.first = held.first.min(first);
                        held.end = held.end.max(end);
                    })
                    .or_insert(MonthCount {
                        first,
                        end,
                        ..m.clone()
                    });
            }
        }
        let paper = parts.first().and_then(|(c, _)| c.paper.clone());
        let same = parts.iter().all(|(c, _)| c.paper == paper);
        Calendar {
            format: CALENDAR_FORMAT.to_owned(),
            paper: paper.filter(|_| same),
            months: months.into_values().collect(),
            ordered,
        }
    }

    /// Whether the archive holds `month` (`YYYY-MM`).
    pub fn holds(&self, month: &str) -> bool {
        self.months.iter().any(|m| m.month == month)
    }

    /// The documents of the months from `from` to `to` (`YYYY-MM`, both included; open where
    /// `None`), when the calendar is [`ordered`](Calendar::ordered); an empty range when it holds
    /// none of them.
    pub fn docs_between(&self, from: Option<&str>, to: Option<&str>) -> Option<Range<u32>> {
        if !self.ordered {
            return None;
        }
        let inside = |m: &&MonthCount| {
            from.is_none_or(|f| m.month.as_str() >= f) && to.is_none_or(|t| m.month.as_str() <= t)
        };
        let mut months = self.months.iter().filter(inside);
        let Some(first) = months.next() else {
            return Some(0..0);
        };
        let end = months.next_back().unwrap_or(first).end;
        Some(first.first..end)
    }

    /// The matches `docs` of a search by month (by year when the archive spans two years or
    /// more), every period of the archive listed, each marked pending where it holds documents
    /// of `unsearched`. `None` when the calendar is not [`ordered`](Calendar::ordered).
    pub fn timeline(&self, docs: &[u32], unsearched: &Range<u32>) -> Option<Vec<TimelinePeriod>> {
        if !self.ordered {
            return None;
        }
        let (first, last) = (self.months.first()?, self.months.last()?);
        // Every period of the span, held or not, so the bars keep their places.
        let mut out: Vec<TimelinePeriod> = timeline_periods(&first.month, &last.month)
            .into_iter()
            .map(|period| TimelinePeriod {
                period,
                found: 0,
                pending: false,
            })
            .collect();
        let width = out.first().map_or(7, |p| p.period.len());
        let key = |m: &str| m.get(..width).unwrap_or(m).to_owned();
        let at = |out: &[TimelinePeriod], period: &str| {
            out.binary_search_by(|p| p.period.as_str().cmp(period)).ok()
        };
        for month in &self.months {
            if month.first < unsearched.end
                && month.end > unsearched.start
                && let Some(i) = at(&out, &key(&month.month))
            {
                out[i].pending = true;
            }
        }
        for &doc in docs {
            if let Some(i) = self.month_of(doc).and_then(|m| at(&out, &key(m))) {
                out[i].found += 1;
            }
        }
        Some(out)
    }

    /// The month (`YYYY-MM`) a document of an [`ordered`](Calendar::ordered) calendar was
    /// printed in.
    pub fn month_of(&self, doc: u32) -> Option<&str> {
        if !self.ordered {
            return None;
        }
        let i = self.months.partition_point(|m| m.end <= doc);
        self.months
            .get(i)
            .filter(|m| m.first <= doc)
            .map(|m| m.month.as_str())
    }
}

/// One bar of an archive search's timeline ([`Calendar::timeline`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelinePeriod {
    /// `YYYY-MM`, or `YYYY` for an archive spanning two years or more.
    pub period: String,
    /// Matches found in it so far.
    pub found: u32,
    /// Part of it is still to be searched: `found` may grow.
    pub pending: bool,
}

/// The periods of a timeline from `first` to `last` (dates or months, `YYYY-MM…`, oldest
/// first): every month between them while they lie less than two years apart (`2023-11`),
/// otherwise every year (`2023`). A date's period is its first as many characters.
pub fn timeline_periods(first: &str, last: &str) -> Vec<String> {
    let year = |d: &str| d.get(..4).and_then(|y| y.parse::<u32>().ok()).unwrap_or(0);
    let month = |d: &str, or: u32| {
        d.get(5..7)
            .and_then(|m| m.parse::<u32>().ok())
            .unwrap_or(or)
    };
    let (y0, y1) = (year(first), year(last));
    if y1 >= y0 + 2 {
        return (y0..=y1).map(|y| format!("{y:04}")).collect();
    }
    let (mut y, mut m) = (y0, month(first, 1));
    let end = (y1, month(last, 12));
    let mut out = Vec::new();
    while (y, m) <= end {
        out.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// Whether `s` is a `YYYY-MM-DD` date.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// A page label's number for ordering: `A03` and `第3版` give 3; a label without digits
/// goes last.
pub fn page_number(label: &str) -> u32 {
    let digits: String = label
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(u32::MAX)
}

/// Collects the pages of an archive as it is built, and gives its calendar files.
#[derive(Debug, Default)]
pub struct CalendarBuilder {
    paper: Option<String>,
    /// Date → (page number, order added, page).
    days: BTreeMap<String, Vec<(u32, u32, DayPage)>>,
    added: u32,
    /// The latest date added so far, and whether every page came in date order.
    latest: Option<String>,
    unordered: bool,
}

impl CalendarBuilder {
    /// A calendar of the paper `paper`, when known.
    pub fn new(paper: Option<String>) -> CalendarBuilder {
        CalendarBuilder {
            paper,
            ..CalendarBuilder::default()
        }
    }

    /// Adds a page of `date` holding documents `first .. first + count`. A page without a
    /// `YYYY-MM-DD` date, or with no article, is in no day.
    pub fn add(&mut self, date: Option<&str>, page: DayPage) {
        let Some(date) = date.filter(|d| is_date(d)) else {
            return;
        };
        if page.count == 0 {
            return;
        }
        if self.latest.as_deref().is_some_and(|l| l > date) {
            self.unordered = true;
        } else {
            self.latest = Some(date.to_owned());
        }
        let number = page.page.as_deref().map_or(u32::MAX, page_number);
        self.days
            .entry(date.to_owned())
            .or_default()
            .push((number, self.added, page));
        self.added += 1;
    }

    /// The calendar, and every month's file, oldest first.
    pub fn finish(self) -> (Calendar, Vec<CalendarMonth>) {
        let mut months: Vec<CalendarMonth> = Vec::new();
        let mut counts: Vec<MonthCount> = Vec::new();
        for (date, mut pages) in self.days {
            pages.sort_by_key(|(number, added, _)| (*number, *added));
            let pages: Vec<DayPage> = pages.into_iter().map(|(_, _, p)| p).collect();
            let month = date[..7].to_owned();
            if months.last().is_none_or(|m| m.month != month) {
                months.push(CalendarMonth {
                    month: month.clone(),
                    days: Vec::new(),
                });
                counts.push(MonthCount {
                    month,
                    days: 0,
                    pages: 0,
                    articles: 0,
                    first: u32::MAX,
                    end: 0,
                });
            }
            if let (Some(m), Some(c)) = (months.last_mut(), counts.last_mut()) {
                c.days += 1;
                c.pages += pages.len() as u32;
                c.articles += pages.iter().map(|p| p.count).sum::<u32>();
                for p in &pages {
                    c.first = c.first.min(p.first);
                    c.end = c.end.max(p.docs().end);
                }
                m.days.push(CalendarDay { date, pages });
            }
        }
        let calendar = Calendar {
            format: CALENDAR_FORMAT.to_owned(),
            paper: self.paper,
            months: counts,
            ordered: !self.unordered,
        };
        (calendar, months)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(month: &str, first: u32, end: u32) -> MonthCount {
        MonthCount {
            month: month.to_owned(),
            days: 1,
            pages: 2,
            articles: end - first,
            first,
            end,
        }
    }

    fn calendar(months: Vec<MonthCount>) -> Calendar {
        Calendar {
            format: CALENDAR_FORMAT.to_owned(),
            paper: Some("烟台日报".to_owned()),
            months,
            ordered: true,
        }
    }

    #[test]
    fn calendars_join_with_their_documents_numbered_on() {
        let base = calendar(vec![month("2023-10", 0, 40), month("2023-11", 40, 60)]);
        // A segment appended with the rest of November, and December.
        let segment = calendar(vec![month("2023-11", 0, 5), month("2023-12", 5, 9)]);
        let joined = Calendar::joined(&[(&base, 0), (&segment, 60)]);
        assert!(joined.ordered);
        assert_eq!(joined.paper.as_deref(), Some("烟台日报"));
        let counts: Vec<(&str, u32, u32, u32)> = joined
            .months
            .iter()
            .map(|m| (m.month.as_str(), m.days, m.first, m.end))
            .collect();
        assert_eq!(
            counts,
            [
                ("2023-10", 1, 0, 40),
                ("2023-11", 2, 40, 65),
                ("2023-12", 1, 65, 69)
            ]
        );
        assert_eq!(joined.docs_between(Some("2023-11"), None), Some(40..69));
        assert_eq!(joined.month_of(66), Some("2023-12"));
    }

    #[test]
    fn calendars_that_go_back_in_time_join_unordered() {
        let later = calendar(vec![month("2024-01", 0, 10)]);
        let mut earlier = calendar(vec![month("2023-01", 0, 10)]);
        earlier.paper = Some("齐鲁晚报".to_owned());
        let joined = Calendar::joined(&[(&later, 0), (&earlier, 10)]);
        assert!(!joined.ordered, "a partition older than the one before it");
        assert_eq!(joined.paper, None, "two papers");
        assert_eq!(joined.months.len(), 2);
        assert_eq!(joined.docs_between(None, None), None);
        // One unordered archive makes the whole unordered.
        let mut unordered = calendar(vec![month("2025-01", 0, 3)]);
        unordered.ordered = false;
        assert!(!Calendar::joined(&[(&later, 0), (&unordered, 10)]).ordered);
        assert!(Calendar::joined(&[]).months.is_empty());
    }

    #[test]
    fn months_join_by_day_with_their_documents_numbered_on() {
        let page = |first, count| DayPage {
            page: Some("01".to_owned()),
            section: None,
            first,
            count,
        };
        let day = |date: &str, pages| CalendarDay {
            date: date.to_owned(),
            pages,
        };
        let base = CalendarMonth {
            month: "2023-11".to_owned(),
            days: vec![
                day("2023-11-01", vec![page(0, 3)]),
                day("2023-11-02", vec![page(3, 2)]),
            ],
        };
        let segment = CalendarMonth {
            month: "2023-11".to_owned(),
            days: vec![
                day("2023-11-02", vec![page(0, 4)]),
                day("2023-11-03", vec![page(4, 1)]),
            ],
        };
        let joined = CalendarMonth::joined("2023-11", &[(&base, 0), (&segment, 5)]);
        // Each day's pages as (first document, count).
        let days: Vec<(&str, Vec<(u32, u32)>)> = joined
            .days
            .iter()
            .map(|d| {
                (
                    d.date.as_str(),
                    d.pages.iter().map(|p| (p.first, p.count)).collect(),
                )
            })
            .collect();
        assert_eq!(
            days,
            [
                ("2023-11-01", vec![(0, 3)]),
                ("2023-11-02", vec![(3, 2), (5, 4)]),
                ("2023-11-03", vec![(9, 1)])
            ]
        );
    }

    /// A timeline's bars as (period, found, pending).
    fn bars(periods: &[TimelinePeriod]) -> Vec<(&str, u32, bool)> {
        periods
            .iter()
            .map(|p| (p.period.as_str(), p.found, p.pending))
            .collect()
    }

    fn page(label: &str, first: u32, count: u32) -> DayPage {
        DayPage {
            page: Some(label.to_owned()),
            section: None,
            first,
            count,
        }
    }

    #[test]
    fn page_numbers_order_pages_whatever_their_prefix() {
        assert_eq!(page_number("A03"), 3);
        assert_eq!(page_number("第12版"), 12);
        assert_eq!(page_number("头版"), u32::MAX);
    }

    #[test]
    fn days_hold_their_pages_in_page_order_and_months_count_them() {
        let mut b = CalendarBuilder::new(Some("港城日报".into()));
        b.add(Some("2023-11-28"), page("A10", 0, 3));
        b.add(Some("2023-11-28"), page("A02", 3, 2));
        b.add(Some("2023-11-30"), page("1", 5, 4));
        b.add(Some("2023-12-01"), page("1", 9, 1));
        b.add(None, page("1", 10, 2));
        b.add(Some("28/11/2023"), page("1", 12, 2));
        b.add(Some("2023-12-02"), page("2", 14, 0));
        let (calendar, months) = b.finish();
        assert_eq!(calendar.paper.as_deref(), Some("港城日报"));
        assert_eq!(
            calendar.months,
            vec![
                MonthCount {
                    month: "2023-11".into(),
                    days: 2,
                    pages: 3,
                    articles: 9,
                    first: 0,
                    end: 9,
                },
                MonthCount {
                    month: "2023-12".into(),
                    days: 1,
                    pages: 1,
                    articles: 1,
                    first: 9,
                    end: 10,
                },
            ]
        );
        assert!(calendar.holds("2023-12") && !calendar.holds("2024-01"));
        assert!(calendar.ordered);
        assert_eq!(calendar.docs_between(Some("2023-12"), None), Some(9..10));
        assert_eq!(calendar.docs_between(None, Some("2023-11")), Some(0..9));
        assert_eq!(calendar.docs_between(Some("2024-01"), None), Some(0..0));
        assert_eq!(calendar.month_of(4), Some("2023-11"));
        assert_eq!(calendar.month_of(9), Some("2023-12"));
        assert_eq!(calendar.month_of(10), None);
        let day = months[0].day("2023-11-28").map(|d| {
            d.pages
                .iter()
                .map(|p| (p.page.clone().unwrap_or_default(), p.docs()))
                .collect::<Vec<_>>()
        });
        assert_eq!(day, Some(vec![("A02".into(), 3..5), ("A10".into(), 0..3)]));
        assert_eq!(CalendarMonth::path("2023-11"), "calendar/2023-11.json");
    }

    #[test]
    fn a_searchs_timeline_counts_its_matches_by_month_and_marks_what_is_still_unsearched() {
        let mut b = CalendarBuilder::new(None);
        b.add(Some("2023-11-28"), page("1", 0, 4));
        b.add(Some("2024-01-02"), page("1", 4, 4));
        b.add(Some("2024-01-03"), page("1", 8, 4));
        let (calendar, _) = b.finish();
        let periods = calendar
            .timeline(&[11, 9, 5, 1], &(0..6))
            .unwrap_or_default();
        assert_eq!(
            bars(&periods),
            [
                ("2023-11", 1, true),
                ("2023-12", 0, false),
                ("2024-01", 3, true)
            ]
        );
        // Over two years or more, by year.
        let mut b = CalendarBuilder::new(None);
        b.add(Some("2021-05-01"), page("1", 0, 2));
        b.add(Some("2023-02-01"), page("1", 2, 2));
        let (calendar, _) = b.finish();
        let periods = calendar.timeline(&[3], &(0..0)).unwrap_or_default();
        assert_eq!(
            bars(&periods),
            [("2021", 0, false), ("2022", 0, false), ("2023", 1, false)]
        );
    }

    #[test]
    fn a_timeline_runs_by_month_under_two_years_and_by_year_beyond() {
        assert_eq!(
            timeline_periods("2023-11-28", "2024-01-03"),
            ["2023-11", "2023-12", "2024-01"]
        );
        assert_eq!(
            timeline_periods("2021-05", "2023-02"),
            ["2021", "2022", "2023"]
        );
        assert_eq!(timeline_periods("2023-11", "2023-11"), ["2023-11"]);
    }

    #[test]
    fn pages_out_of_date_order_leave_the_calendar_unordered_and_its_ranges_unused() {
        let mut b = CalendarBuilder::new(None);
        b.add(Some("2023-12-01"), page("1", 0, 2));
        b.add(Some("2023-11-30"), page("1", 2, 2));
        let (calendar, _) = b.finish();
        assert!(!calendar.ordered);
        assert_eq!(calendar.docs_between(Some("2023-12"), None), None);
        assert_eq!(calendar.month_of(0), None);
    }

    #[test]
    fn calendar_files_read_back_as_written() {
        let mut b = CalendarBuilder::new(None);
        b.add(
            Some("2024-03-05"),
            DayPage {
                page: None,
                section: Some("要闻".into()),
                first: 0,
                count: 2,
            },
        );
        let (calendar, months) = b.finish();
        let json = serde_json::to_string(&calendar).unwrap_or_default();
        assert!(!json.contains("paper"), "{json}");
        assert_eq!(serde_json::from_str::<Calendar>(&json).ok(), Some(calendar));
        let json = serde_json::to_string(&months[0]).unwrap_or_default();
        assert!(!json.contains("\"page\""), "{json}");
        assert_eq!(
            serde_json::from_str::<CalendarMonth>(&json).ok().as_ref(),
            months.first()
        );
    }
}
