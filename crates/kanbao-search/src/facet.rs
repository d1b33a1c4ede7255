//! What a list of articles can be filtered on, and each article's values: one reading for the
//! app's library and for `kanbao build`, so a filter picks the same articles in both.

use kanbao_parse::{Article, Kind, Meta};
use serde::{Deserialize, Serialize};

/// A facet a list can be filtered on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Facet {
    Reporter,
    Correspondent,
    Photographer,
    Author,
    Kind,
    /// The page: its number and name as printed (`3 要闻`).
    Section,
    Date,
    /// Where a report was filed, from its dateline (`本报北京1月2日电` → 北京).
    Place,
    /// The page file an article came from.
    Source,
}

impl Facet {
    /// Every facet, in the order a panel shows them.
    pub const ALL: [Facet; 9] = [
        Facet::Reporter,
        Facet::Correspondent,
        Facet::Photographer,
        Facet::Author,
        Facet::Kind,
        Facet::Section,
        Facet::Date,
        Facet::Place,
        Facet::Source,
    ];

    /// The facets a built archive indexes, so that its searches can be filtered on them:
    /// every facet but the source file (the last of [`ALL`](Facet::ALL)), which names one page
    /// of tens of thousands.
    pub const ARCHIVED: &'static [Facet] = match Facet::ALL.split_last() {
        Some((_, archived)) => archived,
        None => &[],
    };

    /// Whether an archive lists this facet's most common values with their counts: every
    /// facet it indexes but the date, which its calendar has.
    pub fn counted(self) -> bool {
        self != Facet::Date && Facet::ARCHIVED.contains(&self)
    }

    /// Every value an archive indexes of an article (see [`values`](Facet::values)), with its
    /// facet.
    pub fn archived_values(
        a: &Article,
        meta: &Meta,
        paper: Option<&str>,
        source: &str,
    ) -> Vec<(Facet, String)> {
        Facet::ARCHIVED
            .iter()
            .flat_map(|&f| {
                f.values(a, meta, paper, source)
                    .into_iter()
                    .map(move |v| (f, v))
            })
            .collect()
    }

    /// The name of the facet in links (`?reporter=…`) and in an archive's files.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Reporter => "reporter",
            Facet::Correspondent => "correspondent",
            Facet::Photographer => "photographer",
            Facet::Author => "author",
            Facet::Kind => "kind",
            Facet::Section => "section",
            Facet::Date => "date",
            Facet::Place => "place",
            Facet::Source => "source",
        }
    }

    /// The facet a link names.
    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The values of an article for this facet: the article as parsed, its page's `meta`,
    /// the `paper` it ran in when known, and the `source` file of its page.
    pub fn values(
        self,
        a: &Article,
        meta: &Meta,
        paper: Option<&str>,
        source: &str,
    ) -> Vec<String> {
        match self {
            Facet::Reporter => a.byline.reporters.clone(),
            Facet::Correspondent => a.byline.correspondents.clone(),
            Facet::Photographer => a.byline.photographers.clone(),
            Facet::Author => a.byline.authors.clone(),
            Facet::Kind => vec![kind_key(a.kind).to_owned()],
            Facet::Section => match (&meta.page, &meta.section) {
                (Some(p), Some(s)) => vec![format!("{p} {s}")],
                (Some(v), None) | (None, Some(v)) => vec![v.clone()],
                (None, None) => Vec::new(),
            },
            Facet::Date => meta.date.iter().cloned().collect(),
            Facet::Place => report_place(a, paper).into_iter().collect(),
            Facet::Source => vec![source.to_owned()],
        }
    }
}

/// The name of a kind in links, files and class names (`news`, `photo`).
pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::News => "news",
        Kind::Feature => "feature",
        Kind::Commentary => "commentary",
        Kind::Photo => "photo",
        Kind::Brief => "brief",
    }
}

/// Where a report was filed: the place its dateline names (`本报北京1月2日电` → 北京), or, for
/// the paper's own `本报讯`, the city the paper is named after (`烟台日报` → 烟台).
pub fn report_place(a: &Article, paper: Option<&str>) -> Option<String> {
    let dateline = a.dateline.as_deref()?;
    kanbao_parse::dateline_place(dateline).or_else(|| {
        dateline
            .starts_with("本报")
            .then(|| paper.and_then(kanbao_parse::paper_place))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::{Facet, report_place};
    use kanbao_parse::{Article, Byline, Kind, Meta};

    fn report(dateline: Option<&str>) -> Article {
        Article {
            id: "x-1".into(),
            kind: Kind::News,
            column: None,
            kicker: None,
            title: "港口新航线".into(),
            subtitle: None,
            dateline: dateline.map(Into::into),
            byline: Byline {
                reporters: vec!["林海".into()],
                ..Default::default()
            },
            lead: None,
            blocks: Vec::new(),
            span: Default::default(),
        }
    }

    #[test]
    fn the_place_comes_from_the_dateline_or_the_papers_own_city() {
        let of = |d, paper| report_place(&report(d), paper);
        assert_eq!(of(Some("本报北京1月2日电"), None).as_deref(), Some("北京"));
        assert_eq!(
            of(Some("本报讯"), Some("烟台日报")).as_deref(),
            Some("烟台")
        );
        assert_eq!(of(Some("本报讯"), Some("人民日报")), None);
        assert_eq!(of(Some("本报讯"), None), None);
        assert_eq!(
            of(Some("新华社西昌11月27日电"), Some("烟台日报")).as_deref(),
            Some("西昌")
        );
        assert_eq!(of(None, Some("烟台日报")), None);
    }

    #[test]
    fn an_articles_values_name_its_people_kind_page_date_place_and_file() {
        let a = report(Some("本报北京1月2日电"));
        let meta = Meta {
            date: Some("2023-11-28".into()),
            page: Some("3".into()),
            section: Some("要闻".into()),
            editors: Vec::new(),
        };
        let of = |f: Facet| f.values(&a, &meta, None, "2023/11/28/3.txt");
        assert_eq!(of(Facet::Reporter), ["林海"]);
        assert!(of(Facet::Author).is_empty());
        assert_eq!(of(Facet::Kind), ["news"]);
        assert_eq!(of(Facet::Section), ["3 要闻"]);
        assert_eq!(of(Facet::Date), ["2023-11-28"]);
        assert_eq!(of(Facet::Place), ["北京"]);
        assert_eq!(of(Facet::Source), ["2023/11/28/3.txt"]);
        let unnamed = Meta {
            section: None,
            ..meta.clone()
        };
        assert_eq!(Facet::Section.values(&a, &unnamed, None, ""), ["3"]);
    }

    #[test]
    fn a_facets_link_name_reads_back_and_names_it_in_files_too() {
        for f in Facet::ALL {
            assert_eq!(Facet::from_key(f.key()), Some(f));
            assert_eq!(
                serde_json::to_string(&f).unwrap_or_default(),
                format!("\"{}\"", f.key())
            );
        }
        assert_eq!(Facet::from_key("paper"), None);
        assert!(!Facet::ARCHIVED.contains(&Facet::Source));
        assert_eq!(Facet::ARCHIVED.len(), Facet::ALL.len() - 1);
        assert!(Facet::Reporter.counted() && !Facet::Date.counted() && !Facet::Source.counted());
    }
}
