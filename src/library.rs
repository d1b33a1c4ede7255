//! The pages a reader has, as one flat list of articles with a search index and facets.
//! Pure logic: no browser API, so it is tested natively.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

use kanbao_parse::{Article, Page};
use kanbao_search::{Document, Index, Query, page_number};

use crate::corrections::{Corrected, PageEdits};
use crate::route::{Facet, ListQuery, Sort};

/// Where a page came from: the deployment publishes its pages again at every start, the
/// reader's own imports are kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Deployment,
    Imported,
    /// A record of a built archive, fetched for a search or a link; its source text is not
    /// published.
    Archive,
    /// Sent by the page that embeds Kanbao: kept for this session only, unless the deployment
    /// lets hosts add to the reader's library.
    Host,
}

/// A page in the library: its decoded text and what the parser made of it.
#[derive(Debug, PartialEq)]
pub struct LibraryPage {
    /// Identity of the page: a hash of its text (the same text imported twice is one page).
    pub key: String,
    /// The paper's name, when the deployment manifest or the importer gives one.
    pub paper: Option<String>,
    /// The decoded source text (spans in `page` index into it).
    pub text: String,
    /// The parsed page, with the reader's corrections applied.
    pub page: Page,
    pub origin: Origin,
    /// The reader's corrections of the page, when there are any.
    pub corrected: Option<Rc<Corrected>>,
}

impl LibraryPage {
    /// Parses decoded text into a library page.
    pub fn new(name: &str, paper: Option<String>, text: String, origin: Origin) -> LibraryPage {
        let page = kanbao_parse::parse_str(&text, name);
        LibraryPage {
            key: page_key(&text),
            paper,
            text,
            page,
            origin,
            corrected: None,
        }
    }

    /// The page read again with the reader's corrections `edits` (none undoes them all).
    pub fn with_edits(&self, edits: PageEdits) -> LibraryPage {
        let (page, unapplied) = crate::corrections::apply(&self.page, &self.text, edits.edits());
        let corrected = (!edits.edits().is_empty() || !edits.undone.is_empty())
            .then(|| Rc::new(Corrected { edits, unapplied }));
        LibraryPage {
            key: self.key.clone(),
            paper: self.paper.clone(),
            text: self.text.clone(),
            page,
            origin: self.origin,
            corrected,
        }
    }

    /// Whether corrections of the reader's are in force on this page.
    pub fn is_corrected(&self) -> bool {
        self.corrected
            .as_ref()
            .is_some_and(|c| !c.edits.edits().is_empty())
    }
}

impl LibraryPage {
    /// Where the page ran, as far as it says: paper, date, page number, page name.
    pub fn place(&self) -> Vec<String> {
        let meta = &self.page.meta;
        [
            self.paper.clone(),
            meta.date.clone(),
            meta.page.clone(),
            meta.section.clone(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// FNV-1a over the text: stable across sessions, so a stored page keeps its key.
pub fn page_key(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Where an article lives: page and article index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub page: usize,
    pub article: usize,
}

/// All articles of all pages, searchable and filterable.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pages: Vec<Rc<LibraryPage>>,
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    /// Document `i` of the index is `entries[i]`.
    index: Index,
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        self.pages.len() == other.pages.len()
            && self
                .pages
                .iter()
                .zip(&other.pages)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// One value of a facet with the number of articles it would show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// What the list shows for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// Matching entries, best first (page order when there is no search text).
    pub hits: Vec<usize>,
    /// Facets with values, each value counted as if it alone were picked in its facet.
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    /// The parsed search, for highlighting; `None` without search text.
    pub query: Option<Query>,
    /// Matching articles by period of publication, the period asked for left out (so that
    /// the chart shows what lies around it): by month within two years, by year beyond.
    pub timeline: Vec<(String, usize)>,
}

impl Library {
    /// Adds pages; a page whose text is already in the library is skipped (same text, same ids).
    pub fn add(&mut self, pages: impl IntoIterator<Item = LibraryPage>) -> usize {
        let mut added = 0;
        for page in pages {
            if self.contains(&page.key) {
                continue;
            }
            self.push(Rc::new(page));
            added += 1;
        }
        added
    }

    /// Whether a page with this key is in the library.
    pub fn contains(&self, key: &str) -> bool {
        self.pages.iter().any(|p| p.key == key)
    }

    /// The pages, in the order they were added.
    pub fn pages(&self) -> &[Rc<LibraryPage>] {
        &self.pages
    }

    /// The library without the pages `drop` picks; the index is rebuilt.
    pub fn without(&self, drop: impl Fn(&LibraryPage) -> bool) -> Library {
        let mut next = Library::default();
        for page in self.pages.iter().filter(|p| !drop(p)) {
            next.push(page.clone());
        }
        next
    }

    /// The library with `page` in place of the page of the same key; the index is rebuilt.
    pub fn replace(&self, page: LibraryPage) -> Library {
        let page = Rc::new(page);
        self.replaced(|p| (p.key == page.key).then(|| page.clone()))
    }

    /// The library with each page that `new` gives a page for replaced by it, in its place;
    /// the index is rebuilt once.
    pub fn replaced(&self, new: impl Fn(&LibraryPage) -> Option<Rc<LibraryPage>>) -> Library {
        let mut next = Library::default();
        for p in &self.pages {
            next.push(new(p).unwrap_or_else(|| p.clone()));
        }
        next
    }

    fn push(&mut self, page: Rc<LibraryPage>) {
        let p = self.pages.len();
        for (a, article) in page.page.articles.iter().enumerate() {
            self.by_id.insert(article.id.clone(), self.entries.len());
            self.entries.push(Entry {
                page: p,
                article: a,
            });
            self.index.add(&Document::from(article));
        }
        self.pages.push(page);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The page and article of entry `i`.
    pub fn get(&self, i: usize) -> Option<(&Rc<LibraryPage>, &Article)> {
        let e = self.entries.get(i)?;
        let page = self.pages.get(e.page)?;
        Some((page, page.page.articles.get(e.article)?))
    }

    /// The page of entry `i` and the article's position in it.
    pub fn locate(&self, i: usize) -> Option<(&Rc<LibraryPage>, usize)> {
        let e = self.entries.get(i)?;
        Some((self.pages.get(e.page)?, e.article))
    }

    /// The entry of an article id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The facet values of entry `i`.
    pub fn values(&self, i: usize, facet: Facet) -> Vec<String> {
        let Some((page, a)) = self.get(i) else {
            return Vec::new();
        };
        facet.values(
            a,
            &page.page.meta,
            page.paper.as_deref(),
            &page.page.source.name,
        )
    }

    /// Orders entries by their page's date (newest or oldest first), then page number and
    /// printed order; entries of undated pages come last.
    fn by_date(&self, hits: &mut [usize], newest: bool) {
        let key = |i: usize| {
            let (page, article) = self.entries.get(i).map_or((0, 0), |e| (e.page, e.article));
            let meta = self.pages.get(page).map(|p| &p.page.meta);
            let date = meta.and_then(|m| m.date.clone());
            let number = meta
                .and_then(|m| m.page.as_deref())
                .map_or(u32::MAX, page_number);
            (date, number, page, article)
        };
        hits.sort_unstable_by(|&a, &b| {
            let (ka, kb) = (key(a), key(b));
            let dates = match (&ka.0, &kb.0) {
                (Some(x), Some(y)) if newest => y.cmp(x),
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            dates.then((ka.1, ka.2, ka.3).cmp(&(kb.1, kb.2, kb.3)))
        });
    }

    /// Searches and filters: OR within a facet, AND across facets and with the search.
    pub fn results(&self, query: &ListQuery) -> Results {
        let parsed = (!query.q.trim().is_empty()).then(|| Query::parse(&query.q));
        let searched: Vec<usize> = match &parsed {
            Some(q) => self
                .index
                .search(q)
                .into_iter()
                .map(|h| h.doc.0 as usize)
                .collect(),
            None => (0..self.entries.len()).collect(),
        };
        let values: Vec<BTreeMap<Facet, Vec<String>>> = searched
            .iter()
            .map(|&i| Facet::ALL.iter().map(|&f| (f, self.values(i, f))).collect())
            .collect();
        let passes = |vals: &BTreeMap<Facet, Vec<String>>, skip: Option<Facet>| {
            query.filters.iter().all(|(facet, wanted)| {
                Some(*facet) == skip
                    || vals
                        .get(facet)
                        .is_some_and(|have| have.iter().any(|v| wanted.contains(v)))
            })
        };
        let date_of = |i: usize| {
            self.locate(i)
                .and_then(|(p, _)| p.page.meta.date.clone())
                .filter(|d| crate::issues::is_date(d))
        };
        let filtered: Vec<usize> = searched
            .iter()
            .zip(&values)
            .filter(|(_, v)| passes(v, None))
            .map(|(&i, _)| i)
            .collect();
        let timeline = timeline(filtered.iter().filter_map(|&i| date_of(i)));
        let mut hits: Vec<usize> = filtered
            .into_iter()
            .filter(|&i| query.in_period(date_of(i).as_deref()))
            .collect();
        match query.sort {
            Some(Sort::Newest) => self.by_date(&mut hits, true),
            Some(Sort::Oldest) => self.by_date(&mut hits, false),
            // Relevance is the search's own order; without a search, the printed order.
            Some(Sort::Relevance) | None => {}
        }
        let facets = Facet::ALL
            .iter()
            .filter_map(|&facet| {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for v in values.iter().filter(|v| passes(v, Some(facet))) {
                    let distinct: HashSet<&str> = v[&facet].iter().map(String::as_str).collect();
                    for value in distinct {
                        *counts.entry(value).or_default() += 1;
                    }
                }
                // A value picked in the URL stays visible (with 0) so that it can be removed.
                for picked in query.filters.get(&facet).into_iter().flatten() {
                    counts.entry(picked).or_default();
                }
                if counts.is_empty() {
                    return None;
                }
                let mut list: Vec<FacetValue> = counts
                    .into_iter()
                    .map(|(value, count)| FacetValue {
                        value: value.to_owned(),
                        count,
                        selected: query.has(facet, value),
                    })
                    .collect();
                list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
                Some((facet, list))
            })
            .collect();
        Results {
            hits,
            facets,
            query: parsed,
            timeline,
        }
    }
}

/// Counts dates (`YYYY-MM-DD`) by month when they span two years or less, by year beyond;
/// every period between the first and the last is listed, empty ones with 0.
pub fn timeline(dates: impl Iterator<Item = String>) -> Vec<(String, usize)> {
    let dates: Vec<String> = dates.collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Vec::new();
    };
    let mut counts: BTreeMap<String, usize> = kanbao_search::timeline_periods(first, last)
        .into_iter()
        .map(|p| (p, 0))
        .collect();
    let width = counts.keys().next().map_or(7, String::len);
    for d in &dates {
        *counts
            .entry(d.get(..width).unwrap_or(d).to_owned())
            .or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

/// The title to show: an article printed without one (a brief, a text continued from another
/// page) is named by the start of its text.
pub fn display_title(a: &Article) -> String {
    if !a.title.is_empty() {
        return a.title.clone();
    }
    let body = a
        .lead
        .as_deref()
        .or_else(|| a.blocks.first().map(|b| b.text.as_str()))
        .unwrap_or_default();
    let mut title: String = body.chars().take(24).collect();
    if body.chars().count() > 24 {
        title.push('…');
    }
    title
}

/// Highlight ranges of `text` for a search, or none.
pub fn highlights(text: &str, query: Option<&Query>) -> Vec<Range<usize>> {
    query
        .map(|q| kanbao_search::highlight(text, q))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use kanbao_parse::{Block, BlockKind, Byline, Encoding, Kind, Meta, SCHEMA, Source};

    use super::*;

    fn article(id: &str, title: &str, reporters: &[&str], kind: Kind, body: &str) -> Article {
        Article {
            id: id.into(),
            kind,
            column: None,
            kicker: None,
            title: title.into(),
            subtitle: None,
            dateline: None,
            byline: Byline {
                reporters: reporters.iter().map(|s| s.to_string()).collect(),
                ..Default::default()
            },
            lead: None,
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: body.into(),
                marker: None,
                span: [0, 0],
            }],
            span: [0, 0],
        }
    }

    fn library() -> Library {
        let page = Page {
            schema: SCHEMA.into(),
            source: Source {
                name: "a.txt".into(),
                encoding: Encoding::Utf8,
                bytes: 0,
            },
            meta: Meta {
                date: Some("2023-11-20".into()),
                page: Some("A2".into()),
                section: Some("要闻".into()),
                editors: vec![],
            },
            articles: vec![
                article(
                    "p-1",
                    "港城标兵作表率",
                    &["邵壮", "王瑶"],
                    Kind::Feature,
                    "机关党建走在前。",
                ),
                article(
                    "p-2",
                    "自然博物馆获评科普基地",
                    &["杨健"],
                    Kind::News,
                    "近日,烟台自然博物馆获评。",
                ),
                article(
                    "p-3",
                    "海关查获减肥产品",
                    &["王鸿云"],
                    Kind::News,
                    "海关在港口查获。",
                ),
            ],
            unassigned: vec![],
            diagnostics: vec![],
        };
        let mut lib = Library::default();
        lib.add([LibraryPage {
            key: "k".into(),
            paper: None,
            text: String::new(),
            page,
            origin: Origin::Imported,
            corrected: None,
        }]);
        lib
    }

    fn values(results: &Results, facet: Facet) -> Vec<(String, usize, bool)> {
        results
            .facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map(|(_, v)| {
                v.iter()
                    .map(|v| (v.value.clone(), v.count, v.selected))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn values_within_a_facet_are_ored_and_keep_their_counts() {
        let lib = library();
        let q = ListQuery::default().toggled(Facet::Reporter, "杨健");
        let r = lib.results(&q);
        assert_eq!(r.hits, [1]);
        let reporters = values(&r, Facet::Reporter);
        assert!(
            reporters.contains(&("邵壮".into(), 1, false)),
            "{reporters:?}"
        );
        assert!(reporters.contains(&("杨健".into(), 1, true)));
        let r = lib.results(&q.toggled(Facet::Reporter, "王鸿云"));
        assert_eq!(r.hits, [1, 2]);
    }

    #[test]
    fn facets_are_anded_across_and_counted_within_the_other_filters() {
        let lib = library();
        let q = ListQuery::default().toggled(Facet::Kind, "news");
        let r = lib.results(&q);
        assert_eq!(r.hits, [1, 2]);
        // Reporter counts reflect the kind filter: 邵壮 wrote no news.
        assert!(
            !values(&r, Facet::Reporter)
                .iter()
                .any(|(v, c, _)| v == "邵壮" && *c > 0)
        );
        let r = lib.results(&q.toggled(Facet::Reporter, "邵壮"));
        assert!(r.hits.is_empty());
    }

    /// The test library with a second page of another date and page added, then an undated one.
    fn dated_library() -> Library {
        let mut lib = library();
        let base = lib.get(0).map(|(p, _)| p.page.clone()).expect("a page");
        for (key, date, page_label) in [
            ("later", Some("2023-12-01"), "A3"),
            ("earlier-page", Some("2023-12-01"), "A1"),
            ("undated", None, "A1"),
        ] {
            let mut page = base.clone();
            page.meta.date = date.map(str::to_owned);
            page.meta.page = Some(page_label.to_owned());
            page.articles.truncate(1);
            page.articles[0].id = format!("{key}-1");
            lib.add([LibraryPage {
                key: key.into(),
                paper: None,
                text: String::new(),
                page,
                origin: Origin::Imported,
                corrected: None,
            }]);
        }
        lib
    }

    #[test]
    fn newest_and_oldest_order_by_date_then_page_and_print_order() {
        let lib = dated_library();
        let ids = |sort: Option<Sort>| -> Vec<String> {
            let r = lib.results(&ListQuery {
                sort,
                ..Default::default()
            });
            r.hits
                .iter()
                .filter_map(|&i| lib.get(i).map(|(_, a)| a.id.clone()))
                .collect()
        };
        assert_eq!(
            ids(None),
            [
                "p-1",
                "p-2",
                "p-3",
                "later-1",
                "earlier-page-1",
                "undated-1"
            ]
        );
        assert_eq!(
            ids(Some(Sort::Newest)),
            [
                "earlier-page-1",
                "later-1",
                "p-1",
                "p-2",
                "p-3",
                "undated-1"
            ]
        );
        assert_eq!(
            ids(Some(Sort::Oldest)),
            [
                "p-1",
                "p-2",
                "p-3",
                "earlier-page-1",
                "later-1",
                "undated-1"
            ]
        );
        // With a search, the default is the search's ranking; a date order overrides it.
        let q = ListQuery {
            q: "港".into(),
            sort: Some(Sort::Newest),
            ..Default::default()
        };
        let hits: Vec<String> = lib
            .results(&q)
            .hits
            .iter()
            .filter_map(|&i| lib.get(i).map(|(_, a)| a.id.clone()))
            .collect();
        assert_eq!(
            hits,
            ["earlier-page-1", "later-1", "p-1", "p-3", "undated-1"]
        );
    }

    #[test]
    fn the_timeline_counts_by_month_within_two_years_and_by_year_beyond() {
        let t = timeline(
            ["2023-11-28", "2023-11-02", "2024-01-05"]
                .map(String::from)
                .into_iter(),
        );
        assert_eq!(
            t,
            [
                ("2023-11".into(), 2),
                ("2023-12".into(), 0),
                ("2024-01".into(), 1)
            ]
        );
        let t = timeline(
            ["1990-05-01", "1993-02-01", "1990-07-01"]
                .map(String::from)
                .into_iter(),
        );
        assert_eq!(
            t,
            [
                ("1990".into(), 2),
                ("1991".into(), 0),
                ("1992".into(), 0),
                ("1993".into(), 1)
            ]
        );
        assert!(timeline(std::iter::empty()).is_empty());
    }

    #[test]
    fn a_period_narrows_the_list_and_leaves_the_timeline_whole() {
        let lib = dated_library();
        let q = ListQuery {
            period: Some(("2023-12".into(), "2023-12".into())),
            ..Default::default()
        };
        let r = lib.results(&q);
        let ids: Vec<String> = r
            .hits
            .iter()
            .filter_map(|&i| lib.get(i).map(|(_, a)| a.id.clone()))
            .collect();
        assert_eq!(ids, ["later-1", "earlier-page-1"]);
        assert_eq!(r.timeline, [("2023-11".into(), 3), ("2023-12".into(), 2)]);
    }

    #[test]
    fn search_and_filters_combine() {
        let lib = library();
        let q = ListQuery {
            q: "港".into(),
            ..Default::default()
        };
        assert_eq!(lib.results(&q).hits.len(), 2);
        let r = lib.results(&q.toggled(Facet::Kind, "news"));
        assert_eq!(r.hits, [2]);
        assert_eq!(
            values(&r, Facet::Section),
            [("A2 要闻".to_string(), 1, false)]
        );
    }

    #[test]
    fn the_same_page_added_twice_is_kept_once() {
        let mut lib = library();
        let again = lib.get(0).map(|(p, _)| p.page.clone()).expect("a page");
        assert_eq!(
            lib.add([LibraryPage {
                key: "k".into(),
                paper: None,
                text: String::new(),
                page: again,
                origin: Origin::Imported,
                corrected: None,
            }]),
            0
        );
        assert_eq!(lib.len(), 3);
    }

    #[test]
    fn removing_a_page_removes_its_articles_from_search_and_facets() {
        let lib = library().without(|p| p.key == "k");
        assert!(lib.is_empty());
        assert!(
            lib.results(&ListQuery {
                q: "港".into(),
                ..Default::default()
            })
            .hits
            .is_empty()
        );
        assert!(lib.find("p-1").is_none());
    }

    #[test]
    fn an_untitled_article_is_shown_by_the_start_of_its_text() {
        let mut a = article(
            "x",
            "",
            &[],
            Kind::Brief,
            "国家统计局17日发布数据，1至2月份，全国规模以上工业增加值同比增长7.0%。",
        );
        assert_eq!(
            display_title(&a),
            "国家统计局17日发布数据，1至2月份，全国规模以…"
        );
        a.title = "标题".into();
        assert_eq!(display_title(&a), "标题");
    }

    #[test]
    fn page_keys_are_stable_and_differ_by_text() {
        assert_eq!(page_key("看报"), page_key("看报"));
        assert_ne!(page_key("看报"), page_key("看报 "));
        assert_eq!(page_key("").len(), 16);
    }
}
