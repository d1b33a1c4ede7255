//! Citations of articles in the forms researchers use: BibTeX, RIS and CSL-JSON files (each
//! imported by Zotero, EndNote and the like), and one article's citation as text, in the form
//! GB/T 7714-2015 gives a newspaper article or in an English style. Pure: tested natively.
//!
//! Every file carries the paper, the date, the page (版次) and its name, the title with its
//! kicker and subtitle where printed, the names of the byline by role and a link back to the
//! article in Kanbao. Names are kept whole as printed (`王超`, `欧阳晓`): no tool splits a
//! Chinese name into family and given name reliably, so each is written as one literal name.

use kanbao_parse::Article;
use kanbao_search::{ArchiveRecord, RecordByline};
use serde::Serialize;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::library::{LibraryPage, display_title};

/// One article to cite: what it is, where it ran, and its id, which links back to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub id: String,
    /// The title, or the opening of the text where none is printed.
    pub title: String,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub column: Option<String>,
    pub byline: RecordByline,
    pub paper: Option<String>,
    pub date: Option<String>,
    pub page: Option<String>,
    pub section: Option<String>,
}

impl Cited {
    /// An article of the library, on its page.
    pub fn article(page: &LibraryPage, a: &Article) -> Cited {
        let meta = &page.page.meta;
        Cited {
            id: a.id.clone(),
            title: display_title(a),
            kicker: a.kicker.clone(),
            subtitle: a.subtitle.clone(),
            column: a.column.clone(),
            byline: RecordByline::from(&a.byline),
            paper: page.paper.clone(),
            date: meta.date.clone(),
            page: meta.page.clone(),
            section: meta.section.clone(),
        }
    }

    /// An article kept as a record (an archive's, or a collection's copy), of `paper`.
    pub fn record(paper: Option<&str>, r: &ArchiveRecord) -> Cited {
        Cited {
            id: r.id.clone(),
            title: r.title.clone(),
            kicker: r.kicker.clone(),
            subtitle: r.subtitle.clone(),
            column: r.column.clone(),
            byline: RecordByline {
                raw: None,
                ..r.byline.clone()
            },
            paper: paper.map(str::to_owned),
            date: r.page.date.clone(),
            page: r.page.page.clone(),
            section: r.page.section.clone(),
        }
    }

    /// The title as printed under its kicker, with the subtitle after a colon
    /// (`主题：副题`), as GB/T 7714 joins other title information.
    fn full_title(&self) -> String {
        match subtitle(self.subtitle.as_deref()) {
            Some(sub) => format!("{}：{sub}", self.title),
            None => self.title.clone(),
        }
    }

    /// Who wrote it: the authors of a commentary and the reporters of a report, in byline
    /// order.
    fn writers(&self) -> Vec<&str> {
        let b = &self.byline;
        b.authors
            .iter()
            .chain(&b.reporters)
            .map(String::as_str)
            .collect()
    }

    /// The other roles of the byline, as a note: `引题：… ；摄影：… ；通讯员：…`.
    fn note(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(kicker) = &self.kicker {
            parts.push(format!("引题：{}", kicker.trim()));
        }
        if let Some(column) = &self.column {
            parts.push(format!("栏目：{}", column.trim()));
        }
        if !self.byline.photographers.is_empty() {
            parts.push(format!("摄影：{}", self.byline.photographers.join("、")));
        }
        if !self.byline.correspondents.is_empty() {
            parts.push(format!("通讯员：{}", self.byline.correspondents.join("、")));
        }
        (!parts.is_empty()).then(|| parts.join("；"))
    }

    /// The page as a citation prints it: `3` for `03`, `A8` kept as printed.
    fn page_number(&self) -> Option<String> {
        let page = self.page.as_deref()?.trim();
        if page.is_empty() {
            return None;
        }
        Some(if page.bytes().all(|b| b.is_ascii_digit()) {
            let bare = page.trim_start_matches('0');
            if bare.is_empty() { "0" } else { bare }.to_owned()
        } else {
            page.to_owned()
        })
    }

    /// The date's parts, when the page's date is a full `YYYY-MM-DD`.
    fn date_parts(&self) -> Option<[u32; 3]> {
        let date = self.date.as_deref()?;
        let mut it = date.split('-').map(|p| p.parse::<u32>().ok());
        let parts = [it.next()??, it.next()??, it.next()??];
        Some(parts)
    }

    /// The key a BibTeX entry is cited by: `kanbao-<article id>`, ASCII only.
    fn key(&self) -> String {
        let id: String = self
            .id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        format!("kanbao-{id}")
    }
}

/// The subtitle without the dash it is printed after (`——记…`).
fn subtitle(subtitle: Option<&str>) -> Option<String> {
    let sub = subtitle?.trim().trim_start_matches(['—', '-', '─']).trim();
    (!sub.is_empty()).then(|| sub.to_owned())
}

/// Where Kanbao shows an article: the app's address (without its fragment) and the article's
/// route.
pub fn link(app_url: &str, id: &str) -> String {
    let base = app_url.split('#').next().unwrap_or(app_url);
    format!(
        "{base}{}",
        crate::route::Route::Article(id.to_owned()).to_hash()
    )
}

/// A value inside BibTeX braces: the characters BibTeX reads as commands escaped, braces
/// balanced, one line.
fn bibtex_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// BibTeX: one `@article` per article (how Zotero and BibLaTeX's `@article` read a newspaper
/// article: `journal` is the paper), names braced so that each is read whole.
pub fn bibtex(items: &[Cited], app_url: &str) -> String {
    let mut out = String::new();
    for item in items {
        let mut fields: Vec<(&str, String)> =
            vec![("title", format!("{{{}}}", bibtex_value(&item.full_title())))];
        let writers = item.writers();
        if !writers.is_empty() {
            let names: Vec<String> = writers
                .iter()
                .map(|n| format!("{{{}}}", bibtex_value(n)))
                .collect();
            fields.push(("author", names.join(" and ")));
        }
        if let Some(paper) = &item.paper {
            fields.push(("journal", bibtex_value(paper)));
        }
        if let Some([y, m, d]) = item.date_parts() {
            fields.push(("date", format!("{y:04}-{m:02}-{d:02}")));
            fields.push(("year", y.to_string()));
            if let Some(month) = MONTHS.get((m as usize).wrapping_sub(1)) {
                fields.push(("month", (*month).to_owned()));
            }
            fields.push(("day", d.to_string()));
        }
        if let Some(page) = item.page_number() {
            fields.push(("pages", bibtex_value(&page)));
        }
        if let Some(section) = &item.section {
            fields.push(("section", bibtex_value(section)));
        }
        if let Some(note) = item.note() {
            fields.push(("note", bibtex_value(&note)));
        }
        fields.push(("url", link(app_url, &item.id)));
        fields.push(("language", "chinese".to_owned()));
        out.push_str(&format!("@article{{{},\n", item.key()));
        for (name, value) in &fields {
            // `month = nov` is a macro; every other value is braced.
            if *name == "month" {
                out.push_str(&format!("  {name} = {value},\n"));
            } else {
                out.push_str(&format!("  {name} = {{{value}}},\n"));
            }
        }
        out.push_str("}\n\n");
    }
    out
}

/// One RIS value: on one line.
fn ris_value(value: &str) -> String {
    value.replace(['\r', '\n', '\t'], " ")
}

/// RIS: one `TY  - NEWS` record per article, lines ended by CR LF as the format asks.
pub fn ris(items: &[Cited], app_url: &str) -> String {
    let mut out = String::new();
    for item in items {
        let mut tag = |tag: &str, value: &str| {
            out.push_str(&format!("{tag}  - {}\r\n", ris_value(value)));
        };
        tag("TY", "NEWS");
        tag("TI", &item.full_title());
        for name in item.writers() {
            tag("AU", name);
        }
        if let Some(paper) = &item.paper {
            tag("T2", paper);
        }
        // The date in both of RIS's forms: `PY` as the classic format writes a full date
        // (`YYYY/MM/DD/`), which readers of either form take, and `DA`.
        if let Some([y, m, d]) = item.date_parts() {
            let date = format!("{y:04}/{m:02}/{d:02}/");
            tag("PY", &date);
            tag("DA", &date);
        }
        if let Some(page) = item.page_number() {
            tag("SP", &page);
        }
        if let Some(section) = &item.section {
            tag("SE", section);
        }
        if let Some(note) = item.note() {
            tag("N1", &note);
        }
        tag("UR", &link(app_url, &item.id));
        tag("LA", "zh");
        tag("ER", "");
    }
    out
}

/// One name in CSL-JSON, kept whole.
#[derive(Debug, Serialize)]
struct CslName<'a> {
    literal: &'a str,
}

/// A date in CSL-JSON.
#[derive(Debug, Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [[u32; 3]; 1],
}

/// One CSL-JSON item, as citation processors and Zotero read it.
#[derive(Debug, Serialize)]
struct CslItem<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    #[serde(rename = "title-short", skip_serializing_if = "Option::is_none")]
    title_short: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<CslName<'a>>,
    /// The photographers: CSL's role for who made a work's pictures.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    illustrator: Vec<CslName<'a>>,
    /// The correspondents (通讯员).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contributor: Vec<CslName<'a>>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<CslDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(rename = "URL")]
    url: String,
    language: &'static str,
}

fn csl_names(list: &[String]) -> Vec<CslName<'_>> {
    list.iter().map(|n| CslName { literal: n }).collect()
}

/// CSL-JSON: an array of `article-newspaper` items with every role of the byline.
pub fn csl_json(items: &[Cited], app_url: &str) -> Result<String, AppError> {
    let list: Vec<CslItem> = items
        .iter()
        .map(|item| {
            let b = &item.byline;
            let full = item.full_title();
            let short = item.title.clone();
            CslItem {
                id: item.key(),
                kind: "article-newspaper",
                title_short: (short != full).then_some(short),
                title: full,
                author: item
                    .writers()
                    .into_iter()
                    .map(|n| CslName { literal: n })
                    .collect(),
                illustrator: csl_names(&b.photographers),
                contributor: csl_names(&b.correspondents),
                container_title: item.paper.as_deref(),
                issued: item.date_parts().map(|p| CslDate { date_parts: [p] }),
                page: item.page_number(),
                section: item.section.as_deref(),
                note: item.note(),
                url: link(app_url, &item.id),
                language: "zh-CN",
            }
        })
        .collect();
    serde_json::to_string_pretty(&list).map_err(|e| AppError::ExportFailed {
        detail: e.to_string(),
    })
}

/// The writers as GB/T 7714 lists them: at most three, then `等` (`et al.` in English).
fn listed_writers(writers: &[&str], lang: Lang) -> Option<String> {
    if writers.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = writers.iter().take(3).copied().collect();
    if writers.len() > 3 {
        names.push(lang.pick("等", "et al."));
    }
    Some(names.join(", "))
}

/// One article's citation as text: GB/T 7714-2015's form for a newspaper article
/// (`作者. 题名[N]. 报纸名, 出版日期(版次).`) in Chinese, an MLA-like form in English
/// (`作者. "题名." 报纸名, 28 Nov. 2023, p. 3.`). Parts the page does not give are left out.
pub fn citation(item: &Cited, lang: Lang) -> String {
    let writers = item.writers();
    let authors = listed_writers(&writers, lang);
    let title = item.full_title();
    let paper = item.paper.as_deref();
    let page = item.page_number();
    match lang {
        Lang::Zh => {
            let mut out = String::new();
            if let Some(a) = authors {
                out.push_str(&format!("{a}. "));
            }
            out.push_str(&format!("{title}[N]"));
            let date = item.date.as_deref();
            let mut place = String::new();
            if let Some(p) = paper {
                place.push_str(p);
            }
            if let Some(d) = date {
                if !place.is_empty() {
                    place.push_str(", ");
                }
                place.push_str(d);
            }
            if let Some(p) = &page {
                place.push_str(&format!("({p})"));
            }
            if !place.is_empty() {
                out.push_str(&format!(". {place}"));
            }
            out.push('.');
            out
        }
        Lang::En => {
            const NAMES: [&str; 12] = [
                "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
                "Nov.", "Dec.",
            ];
            let mut parts: Vec<String> = Vec::new();
            if let Some(p) = paper {
                parts.push(p.to_owned());
            }
            if let Some([y, m, d]) = item.date_parts()
                && let Some(month) = NAMES.get((m as usize).wrapping_sub(1))
            {
                parts.push(format!("{d} {month} {y}"));
            } else if let Some(d) = item.date.as_deref() {
                parts.push(d.to_owned());
            }
            if let Some(p) = &page {
                parts.push(format!("p. {p}"));
            }
            let mut out = String::new();
            if let Some(a) = authors {
                out.push_str(&format!("{a}. "));
            }
            out.push_str(&format!("\u{201c}{title}.\u{201d}"));
            if !parts.is_empty() {
                out.push_str(&format!(" {}", parts.join(", ")));
            }
            out.push('.');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Origin;

    const PAGE: &str = "2023年11月28日 星期二\n第03版：要闻\n\n港城新航线开通\n——首班货轮今晨离港\n本报讯(记者 王超 李明 通讯员 丁晓)近日,港口开通至釜山的集装箱新航线。\n\n港口夜景\n本报记者 张三 摄\n";

    fn page(paper: Option<&str>, text: &str) -> LibraryPage {
        LibraryPage::new(
            "p.txt",
            paper.map(str::to_owned),
            text.to_owned(),
            Origin::Imported,
        )
    }

    fn first(p: &LibraryPage) -> Cited {
        Cited::article(p, p.page.articles.first().expect("an article"))
    }

    #[test]
    fn the_gb_t_7714_citation_has_writers_title_paper_date_and_page() {
        let p = page(Some("港城日报"), PAGE);
        assert_eq!(
            citation(&first(&p), Lang::Zh),
            "王超, 李明. 港城新航线开通：首班货轮今晨离港[N]. 港城日报, 2023-11-28(3)."
        );
        assert_eq!(
            citation(&first(&p), Lang::En),
            "王超, 李明. \u{201c}港城新航线开通：首班货轮今晨离港.\u{201d} 港城日报, 28 Nov. 2023, p. 3."
        );
    }

    #[test]
    fn a_citation_leaves_out_what_the_page_does_not_give() {
        let p = page(
            None,
            "港城新航线开通\n\n近日,港口开通至釜山的集装箱新航线。\n",
        );
        assert_eq!(citation(&first(&p), Lang::Zh), "港城新航线开通[N].");
        assert_eq!(
            citation(&first(&p), Lang::En),
            "\u{201c}港城新航线开通.\u{201d}."
        );
    }

    #[test]
    fn more_than_three_writers_end_in_et_al() {
        assert_eq!(
            listed_writers(&["甲一", "乙二", "丙三", "丁四"], Lang::Zh).as_deref(),
            Some("甲一, 乙二, 丙三, 等")
        );
        assert_eq!(
            listed_writers(&["甲一", "乙二", "丙三", "丁四"], Lang::En).as_deref(),
            Some("甲一, 乙二, 丙三, et al.")
        );
        assert_eq!(listed_writers(&[], Lang::Zh), None);
    }

    #[test]
    fn bibtex_braces_names_escapes_commands_and_links_back() {
        let p = page(Some("港城日报"), PAGE);
        let out = bibtex(&[first(&p)], "https://kanbao.example/app/#/?q=x");
        assert!(out.starts_with("@article{kanbao-"), "{out}");
        assert!(out.contains("  author = {{王超} and {李明}},\n"), "{out}");
        assert!(out.contains("  journal = {港城日报},\n"), "{out}");
        assert!(out.contains("  month = nov,\n"), "{out}");
        assert!(out.contains("  pages = {3},\n"), "{out}");
        assert!(out.contains("  note = {通讯员：丁晓},\n"), "{out}");
        assert!(
            out.contains(&format!(
                "  url = {{https://kanbao.example/app/#/a/{}}},\n",
                p.page.articles[0].id
            )),
            "{out}"
        );
        assert_eq!(bibtex_value("50% & {x}_1\n"), "50\\% \\& \\{x\\}\\_1 ");
    }

    #[test]
    fn ris_records_start_with_their_type_and_end_with_er() {
        let p = page(Some("港城日报"), PAGE);
        let out = ris(&[first(&p), first(&p)], "https://kanbao.example/");
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "TY  - NEWS");
        assert!(lines.contains(&"AU  - 王超"));
        assert!(lines.contains(&"T2  - 港城日报"));
        assert!(lines.contains(&"PY  - 2023/11/28/"));
        assert!(lines.contains(&"DA  - 2023/11/28/"));
        assert!(lines.contains(&"SP  - 3"));
        assert_eq!(out.matches("ER  - \r\n").count(), 2);
    }

    #[test]
    fn csl_json_keeps_every_role_of_the_byline() {
        let p = page(Some("港城日报"), PAGE);
        let photo = p
            .page
            .articles
            .iter()
            .find(|a| !a.byline.photographers.is_empty())
            .expect("the picture's article");
        let items = [first(&p), Cited::article(&p, photo)];
        let value: serde_json::Value =
            serde_json::from_str(&csl_json(&items, "https://kanbao.example/").expect("written"))
                .expect("json");
        assert_eq!(value[0]["type"], "article-newspaper");
        assert_eq!(value[0]["author"][1]["literal"], "李明");
        assert_eq!(value[0]["contributor"][0]["literal"], "丁晓");
        assert_eq!(value[0]["issued"]["date-parts"][0][2], 28);
        assert_eq!(value[0]["title-short"], "港城新航线开通");
        assert_eq!(value[1]["illustrator"][0]["literal"], "张三");
    }
}
