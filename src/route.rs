//! Hash routes: `#/` (the list, with search and filters in the query), `#/a/<id>` (an
//! article). Hash routes work from any static server and any sub-path, with no server rules.

use std::collections::BTreeMap;

pub use kanbao_search::Facet;

/// The order of the list. Without one asked for, a search lists the most relevant first and
/// no search lists the pages as they were added, each in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best match first (BM25), as the search ranks.
    Relevance,
    /// Latest publication date first; within a date, by page and printed order.
    Newest,
    /// Earliest publication date first; within a date, by page and printed order.
    Oldest,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The value of the `sort` query parameter.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Search text, facet filters and order of the list: what a shared link carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    pub q: String,
    /// Selected values per facet: OR within a facet, AND across facets.
    pub filters: BTreeMap<Facet, Vec<String>>,
    /// The order asked for; `None` for the default.
    pub sort: Option<Sort>,
    /// A period of publication dates, both ends included, each a year, a month or a day
    /// (`2023`, `2023-11`, `2023-11-28`): `from=…&to=…`.
    pub period: Option<(String, String)>,
}

impl ListQuery {
    /// Whether `value` is selected in `facet`.
    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.filters
            .get(&facet)
            .is_some_and(|v| v.iter().any(|x| x == value))
    }

    /// The query with `value` in `facet` switched on or off.
    pub fn toggled(&self, facet: Facet, value: &str) -> ListQuery {
        let mut next = self.clone();
        let values = next.filters.entry(facet).or_default();
        if let Some(i) = values.iter().position(|x| x == value) {
            values.remove(i);
        } else {
            values.push(value.to_owned());
        }
        if values.is_empty() {
            next.filters.remove(&facet);
        }
        next
    }

    /// Whether any filter or search text is set.
    pub fn is_active(&self) -> bool {
        !self.q.trim().is_empty() || !self.filters.is_empty() || self.period.is_some()
    }

    /// Whether a publication date (`YYYY-MM-DD`) falls in the period asked for, if any.
    pub fn in_period(&self, date: Option<&str>) -> bool {
        let Some((from, to)) = &self.period else {
            return true;
        };
        date.is_some_and(|d| {
            let head = |bound: &str| d.get(..bound.len().min(d.len())).unwrap_or(d).to_owned();
            head(from).as_str() >= from.as_str() && head(to).as_str() <= to.as_str()
        })
    }
}

/// Where the app is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    List(ListQuery),
    Article(String),
    /// The reader's pages: import, remove, export, storage used.
    Library,
    /// An article of the deployment's built archive, by document number.
    ArchiveArticle(u32),
    /// The calendar of the dates the library holds (`#/d`), or one month of it (`#/d/2023-11`).
    Dates(Option<String>),
    /// A day's issue (`#/d/2023-11-28`), or one page of it (`#/d/2023-11-28/3`).
    Issue {
        date: String,
        page: Option<String>,
    },
    /// The reader's collections (`#/c`).
    Collections,
    /// One collection (`#/c/<id>`).
    Collection(String),
    NotFound,
}

impl Route {
    /// Reads a route from a location hash (`#/a/x`, `#/?q=…`, or empty).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        match path.trim_end_matches('/') {
            "" => Route::List(parse_query(query)),
            "/library" => Route::Library,
            "/c" => Route::Collections,
            p if p.starts_with("/c/") && p.len() > 3 => Route::Collection(decode(&p[3..])),
            "/d" => Route::Dates(None),
            p if p.starts_with("/d/") => dated(p.trim_start_matches("/d/")),
            p => match (p.strip_prefix("/a/"), p.strip_prefix("/archive/")) {
                (Some(id), _) if !id.is_empty() => Route::Article(decode(id)),
                (_, Some(doc)) => doc.parse().map_or(Route::NotFound, Route::ArchiveArticle),
                _ => Route::NotFound,
            },
        }
    }

    /// The location hash for this route.
    pub fn to_hash(&self) -> String {
        match self {
            Route::List(query) => {
                let mut pairs: Vec<(String, &str)> = Vec::new();
                if !query.q.is_empty() {
                    pairs.push(("q".into(), &query.q));
                }
                for (facet, values) in &query.filters {
                    for v in values {
                        pairs.push((facet.key().into(), v));
                    }
                }
                if let Some((from, to)) = &query.period {
                    pairs.push(("from".into(), from));
                    pairs.push(("to".into(), to));
                }
                if let Some(sort) = query.sort {
                    pairs.push(("sort".into(), sort.key()));
                }
                if pairs.is_empty() {
                    "#/".into()
                } else {
                    let qs: Vec<String> = pairs
                        .iter()
                        .map(|(k, v)| format!("{k}={}", encode(v)))
                        .collect();
                    format!("#/?{}", qs.join("&"))
                }
            }
            Route::Article(id) => format!("#/a/{}", encode(id)),
            Route::Library => "#/library".into(),
            Route::Dates(None) => "#/d".into(),
            Route::Dates(Some(month)) => format!("#/d/{month}"),
            Route::Issue { date, page: None } => format!("#/d/{date}"),
            Route::Issue {
                date,
                page: Some(page),
            } => format!("#/d/{date}/{}", encode(page)),
            Route::ArchiveArticle(doc) => format!("#/archive/{doc}"),
            Route::Collections => "#/c".into(),
            Route::Collection(id) => format!("#/c/{}", encode(id)),
            Route::NotFound => "#/404".into(),
        }
    }
}

/// The route of a `#/d/…` path: a month (`2023-11`), a day (`2023-11-28`) or a day's page
/// (`2023-11-28/3`).
fn dated(rest: &str) -> Route {
    let (day, page) = rest.split_once('/').unwrap_or((rest, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = day.split('-').collect();
    match parts.as_slice() {
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) && page.is_empty() => {
            Route::Dates(Some(day.to_owned()))
        }
        [y, m, d]
            if y.len() == 4 && m.len() == 2 && d.len() == 2 && parts.iter().all(|p| digits(p)) =>
        {
            Route::Issue {
                date: day.to_owned(),
                page: (!page.is_empty()).then(|| decode(page)),
            }
        }
        _ => Route::NotFound,
    }
}

/// Reads search and filters from a query string (`q=…&reporter=…`); unknown keys are ignored.
pub fn parse_query(query: &str) -> ListQuery {
    let mut out = ListQuery::default();
    let (mut from, mut to) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        if k == "q" {
            out.q = v;
        } else if k == "sort" {
            out.sort = Sort::from_key(&v);
        } else if k == "from" && period_bound(&v) {
            from = Some(v);
        } else if k == "to" && period_bound(&v) {
            to = Some(v);
        } else if let Some(facet) = Facet::from_key(k)
            && !v.is_empty()
            && !out.has(facet, &v)
        {
            out.filters.entry(facet).or_default().push(v);
        }
    }
    out.period = match (from, to) {
        (Some(f), Some(t)) => Some((f, t)),
        (Some(one), None) | (None, Some(one)) => Some((one.clone(), one)),
        (None, None) => None,
    };
    out
}

/// A bound of a period: a year, a month or a day (`2023`, `2023-11`, `2023-11-28`).
pub fn period_bound(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match (
            b,
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => Some(hi << 4 | lo),
            _ => None,
        };
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(if b == b'+' { b' ' } else { b });
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_travels_in_the_link_and_bounds_dates_by_year_month_or_day() {
        let Route::List(q) = Route::parse("#/?from=2023-11&to=2024") else {
            panic!("a list route")
        };
        assert_eq!(q.period, Some(("2023-11".into(), "2024".into())));
        assert_eq!(
            Route::parse(&Route::List(q.clone()).to_hash()),
            Route::List(q.clone())
        );
        assert!(q.in_period(Some("2023-11-28")));
        assert!(q.in_period(Some("2024-12-31")));
        assert!(!q.in_period(Some("2023-10-31")));
        assert!(!q.in_period(Some("2025-01-01")));
        assert!(!q.in_period(None));
        let Route::List(one) = Route::parse("#/?from=2023") else {
            panic!("a list route")
        };
        assert!(one.in_period(Some("2023-06-01")) && !one.in_period(Some("2022-12-31")));
        let Route::List(bad) = Route::parse("#/?from=last-week") else {
            panic!("a list route")
        };
        assert_eq!(bad.period, None);
        assert!(ListQuery::default().in_period(None));
    }

    #[test]
    fn dates_days_and_pages_have_their_own_links() {
        for (hash, route) in [
            ("#/d", Route::Dates(None)),
            ("#/d/2023-11", Route::Dates(Some("2023-11".into()))),
            (
                "#/d/2023-11-28",
                Route::Issue {
                    date: "2023-11-28".into(),
                    page: None,
                },
            ),
            (
                "#/d/2023-11-28/A03",
                Route::Issue {
                    date: "2023-11-28".into(),
                    page: Some("A03".into()),
                },
            ),
        ] {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(route.to_hash(), hash);
        }
        assert_eq!(Route::parse("#/d/2023-1"), Route::NotFound);
        assert_eq!(Route::parse("#/d/yesterday"), Route::NotFound);
    }

    #[test]
    fn the_order_travels_in_the_link() {
        let route = Route::parse("#/?q=%E6%B8%AF&sort=oldest");
        let Route::List(query) = &route else {
            panic!("a list route")
        };
        assert_eq!(query.sort, Some(Sort::Oldest));
        assert_eq!(Route::parse(&route.to_hash()), route);
        let Route::List(query) = Route::parse("#/?sort=sideways") else {
            panic!("a list route")
        };
        assert_eq!(query.sort, None);
    }

    #[test]
    fn a_list_route_with_search_and_filters_survives_a_round_trip() {
        let mut query = ListQuery {
            q: "港城 \"标兵\" -航天".into(),
            ..Default::default()
        };
        query = query
            .toggled(Facet::Reporter, "邵壮")
            .toggled(Facet::Reporter, "王瑶")
            .toggled(Facet::Kind, "news");
        let route = Route::List(query);
        assert_eq!(Route::parse(&route.to_hash()), route);
    }

    #[test]
    fn article_links_and_unknown_paths_parse() {
        assert_eq!(
            Route::parse("#/a/1a2b3c4d-2"),
            Route::Article("1a2b3c4d-2".into())
        );
        assert_eq!(Route::parse(""), Route::List(ListQuery::default()));
        assert_eq!(Route::parse("#/"), Route::List(ListQuery::default()));
        assert_eq!(Route::parse("#/nothing"), Route::NotFound);
        assert_eq!(Route::parse(&Route::Library.to_hash()), Route::Library);
        assert_eq!(Route::parse("#/archive/1234"), Route::ArchiveArticle(1234));
        assert_eq!(Route::parse("#/archive/x"), Route::NotFound);
        assert_eq!(Route::parse("#/c"), Route::Collections);
        let c = Route::Collection("c18f2a 论文资料".into());
        assert_eq!(Route::parse(&c.to_hash()), c);
        assert_eq!(Route::parse("#/c/"), Route::Collections);
    }

    #[test]
    fn malformed_percent_escapes_do_not_panic() {
        for s in ["#/?q=%", "#/?q=%E", "#/?q=%ZZ", "#/?q=%E6%B8", "#/a/%"] {
            let _ = Route::parse(s);
        }
        assert_eq!(parse_query("q=%E6%B8%AF").q, "港");
    }

    #[test]
    fn toggling_a_value_twice_removes_the_facet() {
        let q = ListQuery::default()
            .toggled(Facet::Kind, "news")
            .toggled(Facet::Kind, "news");
        assert!(q.filters.is_empty());
    }
}
