//! The articles of a built archive, as `kanbao build` writes them and the app reads them: whole
//! in `records/` for the reading view, and as cards in `cards/` for a list of results (the
//! body's opening instead of its blocks, the byline's names without the line as printed).

use kanbao_parse::{Article, Block, BlockKind, Byline, Kind, Meta};

use serde::{Deserialize, Serialize};

/// Characters of body text a card keeps: enough for a list's excerpt with a match near the
/// start in context.
pub const EXCERPT_CHARS: usize = 120;

/// Where an archived article ran.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordPlace {
    /// The page's date as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The page number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The page's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The page file it came from.
    pub source: String,
}

/// One block of an archived article's body; the source spans stay in the page JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordBlock {
    /// Paragraph, heading or caption.
    #[serde(rename = "type")]
    pub kind: BlockKind,
    /// The block's text.
    pub text: String,
    /// A caption's marker (`①`, `▲`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
}

/// Who wrote, reported and photographed an archived article: the names by role, and in a
/// record (not a card) the byline lines as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordByline {
    /// Reporters (记者).
    pub reporters: Vec<String>,
    /// Correspondents (通讯员).
    pub correspondents: Vec<String>,
    /// Photographers (摄影).
    pub photographers: Vec<String>,
    /// Authors (作者).
    pub authors: Vec<String>,
    /// The credit lines as printed; a record has them, a card leaves them out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<Vec<String>>,
}

impl RecordByline {
    /// The byline as the parser gives it; a card's has no printed lines.
    pub fn into_byline(self) -> Byline {
        Byline {
            reporters: self.reporters,
            correspondents: self.correspondents,
            photographers: self.photographers,
            authors: self.authors,
            raw: self.raw.unwrap_or_default(),
        }
    }
}

/// One article of a built archive: a whole record, or a card. Empty fields are left out of
/// the file and read back as empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRecord {
    /// The article's document number in the archive's index.
    pub doc: u32,
    /// The article's id in its page.
    pub id: String,
    /// What kind of article it is.
    pub kind: Kind,
    /// The title (主题).
    pub title: String,
    /// Kicker (引题).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kicker: Option<String>,
    /// Subtitle (副题).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Column label (栏目).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Names by role; a card leaves the lines as printed out.
    pub byline: RecordByline,
    /// Where it ran.
    pub page: RecordPlace,
    /// A record's lead summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// A record's body (a card has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Vec<RecordBlock>>,
    /// A card's opening of the body: its first [`EXCERPT_CHARS`] characters, one more when
    /// the body is longer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

impl ArchiveRecord {
    /// The whole record of `article`, document `doc` of an archive, from a page with `meta`
    /// read from the file `source`.
    pub fn record(doc: u32, article: &Article, meta: &Meta, source: &str) -> ArchiveRecord {
        ArchiveRecord {
            lead: article.lead.clone(),
            blocks: Some(
                article
                    .blocks
                    .iter()
                    .map(|b: &Block| RecordBlock {
                        kind: b.kind,
                        text: b.text.clone(),
                        marker: b.marker.clone(),
                    })
                    .collect(),
            ),
            byline: RecordByline {
                raw: Some(article.byline.raw.clone()),
                ..RecordByline::from(&article.byline)
            },
            ..ArchiveRecord::head(doc, article, meta, source)
        }
    }

    /// The article, page facts and source file this record was written from
    /// ([`record`](Self::record)), the article's spans aside: what an archive is built again
    /// from (`kanbao build --compact`), since its index, facets and card are read from these.
    /// A card gives its headline group, byline and place, and no body.
    pub fn into_article(self) -> (Article, Meta, String) {
        let blocks = self
            .blocks
            .unwrap_or_default()
            .into_iter()
            .map(|b| Block {
                kind: b.kind,
                text: b.text,
                marker: b.marker,
                span: Default::default(),
            })
            .collect();
        let article = Article {
            id: self.id,
            kind: self.kind,
            column: self.column,
            kicker: self.kicker,
            title: self.title,
            subtitle: self.subtitle,
            dateline: self.dateline,
            byline: self.byline.into_byline(),
            lead: self.lead,
            blocks,
            span: [0, 0],
        };
        let meta = Meta {
            date: self.page.date,
            page: self.page.page,
            section: self.page.section,
            editors: Vec::new(),
        };
        (article, meta, self.page.source)
    }

    /// The card of `article`: what a list of results shows.
    pub fn card(doc: u32, article: &Article, meta: &Meta, source: &str) -> ArchiveRecord {
        let mut card = ArchiveRecord::head(doc, article, meta, source);
        let excerpt: String = article
            .body_text()
            .chars()
            .take(EXCERPT_CHARS + 1)
            .collect();
        card.excerpt = (!excerpt.is_empty()).then_some(excerpt);
        card
    }

    /// The fields a record and a card share: headline group, byline, where it ran.
    fn head(doc: u32, a: &Article, meta: &Meta, source: &str) -> ArchiveRecord {
        ArchiveRecord {
            doc,
            id: a.id.clone(),
            kind: a.kind,
            title: a.title.clone(),
            kicker: a.kicker.clone(),
            subtitle: a.subtitle.clone(),
            column: a.column.clone(),
            dateline: a.dateline.clone(),
            byline: RecordByline::from(&a.byline),
            page: RecordPlace {
                date: meta.date.clone(),
                page: meta.page.clone(),
                section: meta.section.clone(),
                source: source.to_owned(),
            },
            lead: None,
            blocks: None,
            excerpt: None,
        }
    }
}

impl From<&Byline> for RecordByline {
    /// The names by role, without the printed lines.
    fn from(b: &Byline) -> RecordByline {
        RecordByline {
            reporters: b.reporters.clone(),
            correspondents: b.correspondents.clone(),
            photographers: b.photographers.clone(),
            authors: b.authors.clone(),
            raw: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanbao_parse::parse_bytes;

    fn article() -> (kanbao_parse::Page, Article) {
        let page = parse_bytes(
            "港口开通新航线\n\n本报讯（记者 王超）近日，港口开通至釜山的集装箱新航线。\n\n航线每周两班。\n"
                .as_bytes(),
            "a.txt",
        );
        let a = page.articles[0].clone();
        (page, a)
    }

    #[test]
    fn a_record_keeps_the_body_and_printed_byline_and_a_card_only_the_opening() {
        let (page, a) = article();
        let record = ArchiveRecord::record(7, &a, &page.meta, "a.txt");
        let card = ArchiveRecord::card(7, &a, &page.meta, "a.txt");
        let r = serde_json::to_value(&record).unwrap();
        let c = serde_json::to_value(&card).unwrap();
        assert_eq!(r["blocks"].as_array().map(Vec::len), Some(2));
        assert_eq!(r["byline"]["raw"][0], "记者 王超");
        assert!(c.get("blocks").is_none() && c.get("lead").is_none());
        assert!(c["byline"].get("raw").is_none());
        assert_eq!(c["byline"]["reporters"][0], "王超");
        assert!(c["excerpt"].as_str().unwrap().starts_with("近日"));
        // Empty fields are left out and read back as empty.
        assert!(r.get("kicker").is_none() && r["page"].get("date").is_none());
        let back: ArchiveRecord = serde_json::from_value(r).unwrap();
        assert_eq!(back, record);
        assert_eq!(back.byline.into_byline(), a.byline);
    }

    #[test]
    fn a_record_gives_back_the_article_it_was_written_from_and_its_card_and_keys() {
        let page = parse_bytes(
            "2023年11月28日 星期二 第3版 城市\n\n港城新闻\n港口开通新航线\n——首班船昨日启航\n\n本报讯（记者 王超 通讯员 李静）近日，港口开通至釜山的集装箱新航线。\n\n▲ 首班船离港。 张明 摄\n\n航线每周两班。\n"
                .as_bytes(),
            "2023-11-28/03.txt",
        );
        for a in &page.articles {
            let record = ArchiveRecord::record(3, a, &page.meta, "2023-11-28/03.txt");
            let (article, meta, source) = record.into_article();
            assert_eq!(source, "2023-11-28/03.txt");
            assert_eq!(meta.date, page.meta.date);
            assert_eq!(
                (&meta.page, &meta.section),
                (&page.meta.page, &page.meta.section)
            );
            // Everything but the spans, so its card and search keys are the article's own.
            let unspanned = Article {
                span: [0, 0],
                blocks: a
                    .blocks
                    .iter()
                    .map(|b| Block {
                        span: Default::default(),
                        ..b.clone()
                    })
                    .collect(),
                ..a.clone()
            };
            assert_eq!(article, unspanned);
            assert_eq!(
                ArchiveRecord::card(3, &article, &meta, &source),
                ArchiveRecord::card(3, a, &page.meta, "2023-11-28/03.txt")
            );
            assert_eq!(crate::Document::from(&article), crate::Document::from(a));
        }
    }
}
