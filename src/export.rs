//! The filtered articles as JSON, Markdown or CSV, for a download. Pure: tested natively.

use kanbao_parse::Article;
use serde::Serialize;

use crate::error::AppError;
use crate::i18n::kind_key;
use crate::library::{Library, LibraryPage};

/// An article with where it ran, as the JSON export writes it.
#[derive(Debug, Serialize)]
struct Exported<'a> {
    paper: Option<&'a str>,
    date: Option<&'a str>,
    page: Option<&'a str>,
    section: Option<&'a str>,
    source: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

fn articles<'a>(
    library: &'a Library,
    hits: &'a [usize],
) -> impl Iterator<Item = (&'a LibraryPage, &'a Article)> + 'a {
    hits.iter()
        .filter_map(|&i| library.get(i).map(|(p, a)| (p.as_ref(), a)))
}

/// JSON: an array of articles, each with its page's paper, date, page and source file; the
/// serialiser's reason when it cannot be written (never an empty file).
pub fn json(library: &Library, hits: &[usize]) -> Result<String, AppError> {
    let list: Vec<Exported> = articles(library, hits)
        .map(|(p, a)| Exported {
            paper: p.paper.as_deref(),
            date: p.page.meta.date.as_deref(),
            page: p.page.meta.page.as_deref(),
            section: p.page.meta.section.as_deref(),
            source: &p.page.source.name,
            article: a,
        })
        .collect();
    serde_json::to_string_pretty(&list).map_err(|e| AppError::ExportFailed {
        detail: e.to_string(),
    })
}

fn body(a: &Article) -> String {
    a.lead
        .iter()
        .cloned()
        .chain(a.blocks.iter().map(|b| match (&b.marker, b.kind) {
            (Some(m), _) => format!("{m}{}", b.text),
            (None, _) => b.text.clone(),
        }))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Markdown: one section per article, with where it ran under the headline.
pub fn markdown(library: &Library, hits: &[usize]) -> String {
    articles(library, hits)
        .map(|(p, a)| {
            let meta = &p.page.meta;
            let place: Vec<&str> = [
                p.paper.as_deref(),
                meta.date.as_deref(),
                meta.page.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            kanbao_parse::render::article_markdown(a, Some(&place.join(" · ")))
        })
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

/// One CSV cell: quoted, and defused so that a spreadsheet never runs it as a formula.
pub fn cell(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// CSV with a header row; UTF-8 with a BOM so spreadsheet programs read the Chinese right.
pub fn csv(library: &Library, hits: &[usize]) -> String {
    let mut out = String::from("\u{feff}");
    let header = [
        "id",
        "title",
        "kicker",
        "subtitle",
        "column",
        "kind",
        "paper",
        "date",
        "page",
        "section",
        "dateline",
        "reporters",
        "correspondents",
        "photographers",
        "authors",
        "source",
        "text",
    ];
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (p, a) in articles(library, hits) {
        let b = &a.byline;
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        let row = [
            a.id.clone(),
            a.title.clone(),
            opt(&a.kicker),
            opt(&a.subtitle),
            opt(&a.column),
            kind_key(a.kind).to_owned(),
            opt(&p.paper),
            opt(&p.page.meta.date),
            opt(&p.page.meta.page),
            opt(&p.page.meta.section),
            opt(&a.dateline),
            b.reporters.join(" "),
            b.correspondents.join(" "),
            b.photographers.join(" "),
            b.authors.join(" "),
            p.page.source.name.clone(),
            body(a),
        ];
        out.push_str(&row.iter().map(|v| cell(v)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Origin;

    fn library() -> Library {
        let text = "海港新闻\n\n本报讯(记者 王超 李明)近日,烟台港开通至釜山的集装箱新航线,\"=1+1\"测试。\n".to_string();
        let mut lib = Library::default();
        lib.add([LibraryPage::new(
            "a.txt",
            Some("烟台日报".into()),
            text,
            Origin::Imported,
        )]);
        lib
    }

    #[test]
    fn csv_has_a_header_quotes_cells_and_defuses_formulas() {
        let lib = library();
        let out = csv(&lib, &[0]);
        let mut lines = out.lines();
        assert!(
            lines
                .next()
                .is_some_and(|h| h.starts_with("\u{feff}id,title,"))
        );
        let row = lines.next().expect("a row");
        assert!(row.contains("\"海港新闻\""), "{row}");
        assert!(row.contains("\"王超 李明\""), "{row}");
        assert_eq!(cell("=1+1"), "\"'=1+1\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn json_and_markdown_carry_the_article_and_where_it_ran() {
        let lib = library();
        let value: serde_json::Value =
            serde_json::from_str(&json(&lib, &[0]).expect("written")).expect("json");
        assert_eq!(value[0]["title"], "海港新闻");
        assert_eq!(value[0]["paper"], "烟台日报");
        assert_eq!(value[0]["source"], "a.txt");
        let md = markdown(&lib, &[0]);
        assert!(md.starts_with("# 海港新闻\n"), "{md}");
        assert!(md.contains("烟台日报 · 记者 王超 李明"), "{md}");
        assert!(md.contains("**本报讯** 近日"), "{md}");
    }
}
