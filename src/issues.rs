//! The paper as it was printed: the dates the library holds, each day's papers with their pages
//! in page order, and an article's neighbours in printed order.

use std::collections::BTreeMap;

pub use kanbao_search::is_date;
use kanbao_search::page_number;

use crate::library::Library;

/// One page of a day's issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuePage {
    /// Position of the page in [`Library::pages`].
    pub page: usize,
    /// How the page is named in links: its printed number (`3`, `A03`), or `n` and its place
    /// in the issue when it prints none.
    pub key: String,
    /// The printed number, if any.
    pub label: Option<String>,
    /// The page's name (`要闻`), if printed.
    pub section: Option<String>,
    /// Its articles.
    pub articles: usize,
}

/// One paper's pages of a day, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperIssue {
    /// The paper's name, where known.
    pub paper: Option<String>,
    pub pages: Vec<IssuePage>,
}

/// Every date the library holds, with the number of pages of that date.
pub fn dates(library: &Library) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for page in library.pages() {
        if let Some(date) = page.page.meta.date.as_ref().filter(|d| is_date(d)) {
            *out.entry(date.clone()).or_insert(0) += 1;
        }
    }
    out
}

/// The papers of `date`, named ones first by name, each with its pages in page order (pages
/// of one number in the order they were added).
pub fn issue(library: &Library, date: &str) -> Vec<PaperIssue> {
    // Named papers first, by name; each page by its number, then the order it was added.
    type Paper = (bool, Option<String>);
    let mut papers: BTreeMap<Paper, Vec<(u32, usize)>> = BTreeMap::new();
    for (i, page) in library.pages().iter().enumerate() {
        if page.page.meta.date.as_deref() != Some(date) {
            continue;
        }
        let number = page.page.meta.page.as_deref().map_or(u32::MAX, page_number);
        papers
            .entry((page.paper.is_none(), page.paper.clone()))
            .or_default()
            .push((number, i));
    }
    papers
        .into_iter()
        .map(|((_, paper), mut pages)| {
            pages.sort_unstable();
            let pages = pages
                .into_iter()
                .enumerate()
                .filter_map(|(n, (_, i))| {
                    let page = library.pages().get(i)?;
                    let label = page.page.meta.page.clone();
                    Some(IssuePage {
                        page: i,
                        key: label.clone().unwrap_or_else(|| format!("n{}", n + 1)),
                        label,
                        section: page.page.meta.section.clone(),
                        articles: page.page.articles.len(),
                    })
                })
                .collect();
            PaperIssue { paper, pages }
        })
        .collect()
}

/// The date before and after `date` among those the library holds.
pub fn around(dates: &BTreeMap<String, usize>, date: &str) -> (Option<String>, Option<String>) {
    let before = dates
        .range(..date.to_owned())
        .next_back()
        .map(|(d, _)| d.clone());
    let after = dates
        .range(date.to_owned()..)
        .map(|(d, _)| d)
        .find(|d| d.as_str() != date)
        .cloned();
    (before, after)
}

/// The article before and after entry `entry` in printed order: through its page, then on to
/// the pages before and after it in the same paper's issue of that day. Entries of undated
/// pages have neighbours on their own page only.
pub fn neighbours(library: &Library, entry: usize) -> (Option<usize>, Option<usize>) {
    let Some((page, index)) = library.locate(entry) else {
        return (None, None);
    };
    let run: Vec<usize> = match page.page.meta.date.as_deref() {
        Some(date) => issue(library, date)
            .into_iter()
            .find(|p| p.paper == page.paper)
            .map(|p| p.pages.into_iter().map(|ip| ip.page).collect())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let pages: Vec<&std::rc::Rc<crate::library::LibraryPage>> = if run.is_empty() {
        vec![page]
    } else {
        run.iter().filter_map(|&i| library.pages().get(i)).collect()
    };
    let ids: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.page.articles.iter().map(|a| a.id.as_str()))
        .collect();
    let Some(own) = page.page.articles.get(index).map(|a| a.id.as_str()) else {
        return (None, None);
    };
    let Some(at) = ids.iter().position(|id| *id == own) else {
        return (None, None);
    };
    let find = |i: Option<usize>| i.and_then(|i| ids.get(i)).and_then(|id| library.find(id));
    (find(at.checked_sub(1)), find(Some(at + 1)))
}

/// The issue page an entry stands on: its date and the page's key in that day's issue.
pub fn page_of(library: &Library, entry: usize) -> Option<(String, String)> {
    let (page, _) = library.locate(entry)?;
    let date = page.page.meta.date.clone().filter(|d| is_date(d))?;
    let key = issue(library, &date)
        .into_iter()
        .flat_map(|p| p.pages)
        .find(|ip| {
            library
                .pages()
                .get(ip.page)
                .is_some_and(|p| std::rc::Rc::ptr_eq(p, page))
        })?
        .key;
    Some((date, key))
}

#[cfg(test)]
mod tests {
    use kanbao_parse::{Article, Byline, Encoding, Kind, Meta, Page, SCHEMA, Source};

    use super::*;
    use crate::library::{LibraryPage, Origin};

    fn page(
        name: &str,
        paper: Option<&str>,
        date: Option<&str>,
        label: &str,
        titles: &[&str],
    ) -> LibraryPage {
        LibraryPage {
            key: name.into(),
            paper: paper.map(str::to_owned),
            text: String::new(),
            page: Page {
                schema: SCHEMA.into(),
                source: Source {
                    name: name.into(),
                    encoding: Encoding::Utf8,
                    bytes: 0,
                },
                meta: Meta {
                    date: date.map(str::to_owned),
                    page: Some(label.into()),
                    section: Some("要闻".into()),
                    editors: vec![],
                },
                articles: titles
                    .iter()
                    .enumerate()
                    .map(|(n, t)| Article {
                        id: format!("{name}-{}", n + 1),
                        kind: Kind::News,
                        column: None,
                        kicker: None,
                        title: (*t).into(),
                        subtitle: None,
                        dateline: None,
                        byline: Byline::default(),
                        lead: None,
                        blocks: vec![],
                        span: [0, 0],
                    })
                    .collect(),
                unassigned: vec![],
                diagnostics: vec![],
            },
            origin: Origin::Imported,
            corrected: None,
        }
    }

    fn library() -> Library {
        let mut lib = Library::default();
        lib.add([
            page(
                "b10",
                Some("海滨日报"),
                Some("2023-11-28"),
                "A10",
                &["十版"],
            ),
            page(
                "b2",
                Some("海滨日报"),
                Some("2023-11-28"),
                "A2",
                &["二版甲", "二版乙"],
            ),
            page(
                "c1",
                Some("江城晚报"),
                Some("2023-11-28"),
                "1",
                &["晚报头条"],
            ),
            page(
                "b1",
                Some("海滨日报"),
                Some("2023-11-29"),
                "A1",
                &["次日头版"],
            ),
            page("u", None, None, "3", &["无日期"]),
        ]);
        lib
    }

    #[test]
    fn the_dates_held_count_their_pages() {
        let d = dates(&library());
        assert_eq!(
            d.into_iter().collect::<Vec<_>>(),
            [("2023-11-28".into(), 3), ("2023-11-29".into(), 1)]
        );
        assert!(is_date("2023-11-28") && !is_date("2023-11") && !is_date("2023年11月28日"));
    }

    #[test]
    fn a_days_papers_list_their_pages_in_page_order() {
        let lib = library();
        let day = issue(&lib, "2023-11-28");
        let names: Vec<Option<&str>> = day.iter().map(|p| p.paper.as_deref()).collect();
        assert_eq!(names, [Some("江城晚报"), Some("海滨日报")]);
        let keys: Vec<&str> = day[1].pages.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["A2", "A10"]);
        assert_eq!(day[1].pages[0].articles, 2);
    }

    #[test]
    fn neighbours_follow_printed_order_across_a_papers_pages() {
        let lib = library();
        let id = |e: Option<usize>| e.and_then(|e| lib.get(e)).map(|(_, a)| a.title.clone());
        let second = lib.find("b2-2").expect("entry");
        assert_eq!(id(neighbours(&lib, second).0).as_deref(), Some("二版甲"));
        assert_eq!(id(neighbours(&lib, second).1).as_deref(), Some("十版"));
        let first = lib.find("b2-1").expect("entry");
        assert_eq!(neighbours(&lib, first).0, None);
        // The other paper and the other day are not neighbours.
        let evening = lib.find("c1-1").expect("entry");
        assert_eq!(neighbours(&lib, evening), (None, None));
        let undated = lib.find("u-1").expect("entry");
        assert_eq!(neighbours(&lib, undated), (None, None));
        assert_eq!(
            page_of(&lib, second),
            Some(("2023-11-28".into(), "A2".into()))
        );
        assert_eq!(page_of(&lib, undated), None);
    }

    #[test]
    fn the_days_around_a_date_are_those_held() {
        let d = dates(&library());
        assert_eq!(around(&d, "2023-11-28"), (None, Some("2023-11-29".into())));
        assert_eq!(around(&d, "2023-11-29"), (Some("2023-11-28".into()), None));
    }
}
