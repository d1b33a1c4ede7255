//! `kanbao eval DIR`: scores the parser against labelled pages and prints accuracy per field
//! and per paper.
//!
//! `DIR` holds page text files and a `truth.json` that labels them (the format is in
//! `docs/EVALUATION.md`). Each labelled article is matched to the parsed article with the same
//! title (after removing whitespace, folding half-width punctuation and dropping leading
//! bullets and dashes); every field of an article that was not found counts as wrong.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use kanbao_parse::{Article, Page};
use serde::{Deserialize, Serialize};

/// Arguments of `kanbao eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A folder of page files with their `truth.json`.
    dir: PathBuf,
    /// The truth file, if not `DIR/truth.json`.
    #[arg(long)]
    truth: Option<PathBuf>,
    /// Also list every article that is not right, field by field.
    #[arg(long)]
    details: bool,
    /// Print the scores as JSON instead of Markdown tables.
    #[arg(long)]
    json: bool,
}

/// A truth file: labelled pages.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Truth {
    /// The labelled pages.
    pub pages: Vec<TruthPage>,
}

/// One labelled page.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TruthPage {
    /// The page file, relative to the truth file's folder.
    pub file: String,
    /// The paper's name; pages without one are scored under their file name's first word.
    #[serde(default)]
    pub paper: Option<String>,
    /// Page header metadata.
    #[serde(default)]
    pub meta: TruthMeta,
    /// The articles in print order.
    pub articles: Vec<TruthArticle>,
}

/// Page header metadata as labelled.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct TruthMeta {
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The page number as printed, without 第/版.
    pub page: Option<String>,
    /// The page name.
    pub section: Option<String>,
}

/// One labelled article.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TruthArticle {
    /// Column label.
    pub column: Option<String>,
    /// Kicker (引题).
    pub kicker: Option<String>,
    /// Title (主题); null for an article printed without one (continued from another page).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub title: String,
    /// Subtitle (副题).
    pub subtitle: Option<String>,
    /// Dateline.
    pub dateline: Option<String>,
    /// `news`, `feature`, `commentary`, `photo` or `brief`.
    #[serde(default)]
    pub kind: Option<String>,
    /// Names by role, without spaces.
    #[serde(default)]
    pub reporters: Vec<String>,
    #[serde(default)]
    #[allow(missing_docs)]
    pub correspondents: Vec<String>,
    #[serde(default)]
    #[allow(missing_docs)]
    pub photographers: Vec<String>,
    #[serde(default)]
    #[allow(missing_docs)]
    pub authors: Vec<String>,
    /// Body paragraphs after joining column breaks (leads included).
    pub paragraphs: usize,
    /// Heading lines.
    #[serde(default)]
    pub headings: Vec<String>,
    /// Caption blocks.
    #[serde(default)]
    pub captions: usize,
}

fn null_as_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

/// Right answers out of cases, for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Cases answered right.
    pub right: usize,
    /// Cases in all.
    pub of: usize,
}

impl Score {
    fn add(&mut self, right: bool) {
        self.of += 1;
        self.right += usize::from(right);
    }

    fn merge(&mut self, other: Score) {
        self.right += other.right;
        self.of += other.of;
    }

    fn cell(self) -> String {
        if self.of == 0 {
            return "–".to_owned();
        }
        format!(
            "{}/{} ({:.0}%)",
            self.right,
            self.of,
            100.0 * self.right as f64 / self.of as f64
        )
    }
}

/// The fields scored, in the order the tables show them.
pub const FIELDS: &[&str] = &[
    "articles",
    "titles",
    "kicker",
    "subtitle",
    "column",
    "headline parts",
    "dateline",
    "names by role",
    "reporters",
    "correspondents",
    "photographers",
    "authors",
    "extra names",
    "paragraphs",
    "headings",
    "captions",
    "kind",
    "meta",
    "wrong with diagnostic",
    "right with diagnostic",
];

/// Scores of one set of pages, field by field.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Scores {
    /// Field name to score.
    pub fields: BTreeMap<String, Score>,
}

impl Scores {
    fn get(&mut self, field: &str) -> &mut Score {
        self.fields.entry(field.to_owned()).or_default()
    }

    fn merge(&mut self, other: &Scores) {
        for (k, v) in &other.fields {
            self.get(k).merge(*v);
        }
    }
}

/// Everything `kanbao eval` measured.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// All pages together.
    pub total: Scores,
    /// Per paper.
    pub papers: BTreeMap<String, Scores>,
    /// Pages scored.
    pub pages: usize,
    /// Labelled articles.
    pub articles: usize,
    /// Lines describing each article that is not right (with `--details`).
    #[serde(skip)]
    pub details: Vec<String>,
}

/// Runs `kanbao eval`: exit 0 with the scores, 1 when the truth or a page cannot be read.
pub fn run(args: &Args) -> ExitCode {
    match evaluate_dir(&args.dir, args.truth.as_deref()) {
        Ok(report) => {
            let out = if args.json {
                serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
            } else {
                markdown(&report, args.details)
            };
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("kanbao: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Reads the truth and its pages and scores every page.
pub fn evaluate_dir(dir: &Path, truth: Option<&Path>) -> anyhow::Result<Report> {
    let truth_path = truth.map_or_else(|| dir.join("truth.json"), Path::to_path_buf);
    let raw = fs::read_to_string(&truth_path)
        .with_context(|| format!("cannot read the truth file {}", truth_path.display()))?;
    let truth: Truth = serde_json::from_str(&raw)
        .with_context(|| format!("{} is not a truth file", truth_path.display()))?;
    let base = truth_path.parent().unwrap_or(dir);
    let mut report = Report::default();
    for page in &truth.pages {
        let path = [base.join(&page.file), base.join("pages").join(&page.file)]
            .into_iter()
            .find(|p| p.is_file())
            .with_context(|| format!("{}: no such page file", page.file))?;
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let decoded = kanbao_parse::decode(&bytes);
        let parsed = kanbao_parse::parse_decoded(&decoded, &page.file);
        let scores = score_page(page, &parsed, &decoded.text, &mut report.details);
        let paper = page.paper.clone().unwrap_or_else(|| {
            page.file
                .split(['-', '_', '.'])
                .next()
                .unwrap_or("?")
                .to_owned()
        });
        report.total.merge(&scores);
        report.papers.entry(paper).or_default().merge(&scores);
        report.pages += 1;
        report.articles += page.articles.len();
    }
    Ok(report)
}

/// Folds what print varies in: whitespace, half-width punctuation, leading bullets and dashes.
pub fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '，',
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ';' => '；',
            '?' => '？',
            '!' => '！',
            c => c,
        })
        .collect();
    s.trim_start_matches(['●', '■', '□', '▲', '◆', '○', '◇', '★'])
        .trim_start_matches('—')
        .to_owned()
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let a = a.map(norm).filter(|s| !s.is_empty());
    let b = b.map(norm).filter(|s| !s.is_empty());
    a == b
}

fn names(list: &[String]) -> Vec<String> {
    list.iter().map(|n| norm(n)).collect()
}

/// Scores one page; pushes a line per article that is not right onto `details`.
fn score_page(page: &TruthPage, parsed: &Page, text: &str, details: &mut Vec<String>) -> Scores {
    let mut s = Scores::default();
    // Match each labelled article to the first unused parsed article with its title.
    let mut used = vec![false; parsed.articles.len()];
    let matched: Vec<Option<&Article>> = page
        .articles
        .iter()
        .map(|t| {
            let want = norm(&t.title);
            let at = parsed
                .articles
                .iter()
                .enumerate()
                .position(|(i, a)| !used[i] && norm(&a.title) == want)?;
            used[at] = true;
            parsed.articles.get(at)
        })
        .collect();
    let mut truth_names: Vec<(String, &str, String)> = Vec::new();
    // Where each labelled article starts in the text, to tell which diagnostics point at it.
    let starts: Vec<Option<usize>> = page
        .articles
        .iter()
        .map(|t| find_loose(text, &t.title))
        .collect();
    for (n, (t, p)) in page.articles.iter().zip(&matched).enumerate() {
        let mut wrong: Vec<String> = Vec::new();
        let mut check = |s: &mut Scores, field: &str, ok: bool, what: String| {
            s.get(field).add(ok);
            if !ok {
                wrong.push(what);
            }
        };
        check(
            &mut s,
            "titles",
            p.is_some(),
            format!("title {:?} not found", t.title),
        );
        let pk = p.and_then(|a| a.kicker.as_deref());
        let ps = p.and_then(|a| a.subtitle.as_deref());
        let pc = p.and_then(|a| a.column.as_deref());
        let mut parts_ok = true;
        for (field, want, got) in [
            ("kicker", t.kicker.as_deref(), pk),
            ("subtitle", t.subtitle.as_deref(), ps),
            ("column", t.column.as_deref(), pc),
        ] {
            if want.is_some() || got.is_some() {
                let ok = p.is_some() && same(want, got);
                parts_ok &= ok;
                check(
                    &mut s,
                    field,
                    ok,
                    format!("{field} {want:?}, parsed {got:?}"),
                );
                s.get("headline parts").add(ok);
            }
        }
        let pd = p.and_then(|a| a.dateline.as_deref());
        if t.dateline.is_some() || pd.is_some() {
            let ok = p.is_some() && same(t.dateline.as_deref(), pd);
            check(
                &mut s,
                "dateline",
                ok,
                format!("dateline {:?}, parsed {pd:?}", t.dateline),
            );
        }
        let mut names_ok = true;
        for (role, want) in [
            ("reporters", &t.reporters),
            ("correspondents", &t.correspondents),
            ("photographers", &t.photographers),
            ("authors", &t.authors),
        ] {
            let got = p.map(|a| names(role_list(a, role))).unwrap_or_default();
            for name in names(want) {
                let ok = got.contains(&name);
                names_ok &= ok;
                s.get("names by role").add(ok);
                check(
                    &mut s,
                    role,
                    ok,
                    format!("{role}: {name} missing (got {got:?})"),
                );
                truth_names.push((norm(&t.title), role, name));
            }
        }
        let pp = p.map(paragraphs);
        let para_ok = pp == Some(t.paragraphs);
        check(
            &mut s,
            "paragraphs",
            para_ok,
            format!("paragraphs {}, parsed {pp:?}", t.paragraphs),
        );
        let ph: Vec<String> = p
            .map(|a| {
                a.blocks
                    .iter()
                    .filter(|b| b.kind == kanbao_parse::BlockKind::Heading)
                    .map(|b| norm(&b.text))
                    .collect()
            })
            .unwrap_or_default();
        let th: Vec<String> = t.headings.iter().map(|h| norm(h)).collect();
        check(
            &mut s,
            "headings",
            p.is_some() && ph == th,
            format!("headings {th:?}, parsed {ph:?}"),
        );
        let pcap = p.map(|a| {
            a.blocks
                .iter()
                .filter(|b| b.kind == kanbao_parse::BlockKind::Caption)
                .count()
        });
        check(
            &mut s,
            "captions",
            pcap == Some(t.captions),
            format!("captions {}, parsed {pcap:?}", t.captions),
        );
        if let Some(kind) = &t.kind {
            // The kind as Page JSON names it.
            let got = p.and_then(|a| serde_json::to_value(a.kind).ok());
            check(
                &mut s,
                "kind",
                got.as_ref().and_then(|v| v.as_str()) == Some(kind.as_str()),
                format!("kind {kind}, parsed {got:?}"),
            );
        }
        let article_ok = p.is_some() && para_ok;
        s.get("articles").add(article_ok);
        let all_ok = article_ok && parts_ok && names_ok;
        let from = starts.get(n).copied().flatten();
        let to = starts
            .iter()
            .skip(n + 1)
            .find_map(|x| *x)
            .unwrap_or(text.len());
        // The codes of the diagnostics that point at the article: that stand in the labelled
        // article's stretch of text, or in the article the parser made of it (where a reader
        // sees them).
        let points_at = |[a, b]: [usize; 2]| {
            let hit = |from: usize, to: usize| a < to.max(from + 1) && b > from.saturating_sub(1);
            from.is_some_and(|from| hit(from, to)) || p.is_some_and(|x| hit(x.span[0], x.span[1]))
        };
        let codes: Vec<String> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.span.is_some_and(points_at))
            .filter_map(|d| serde_json::to_value(d.code).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let flagged = !codes.is_empty();
        if all_ok {
            // Doubts raised over articles read right: the price of the diagnostics.
            s.get("right with diagnostic").add(flagged);
            if flagged {
                details.push(format!(
                    "{} · {}: right, yet flagged [{}]",
                    page.file,
                    t.title,
                    codes.join(", ")
                ));
            }
        } else {
            s.get("wrong with diagnostic").add(flagged);
            details.push(format!(
                "{} · {}: {}{}",
                page.file,
                t.title,
                wrong.join("; "),
                if flagged {
                    format!(" [diagnosed: {}]", codes.join(", "))
                } else {
                    String::new()
                }
            ));
        }
    }
    for a in &parsed.articles {
        for role in ["reporters", "correspondents", "photographers", "authors"] {
            for name in names(role_list(a, role)) {
                let known = truth_names
                    .iter()
                    .any(|(t, r, n)| *t == norm(&a.title) && *r == role && *n == name);
                if !known {
                    s.get("extra names").add(false);
                    details.push(format!("{} · {}: extra {role} {name}", page.file, a.title));
                }
            }
        }
    }
    for (want, got) in [
        (page.meta.date.as_deref(), parsed.meta.date.as_deref()),
        (page.meta.page.as_deref(), parsed.meta.page.as_deref()),
        (page.meta.section.as_deref(), parsed.meta.section.as_deref()),
    ] {
        if want.is_some() {
            let ok = same(want, got);
            s.get("meta").add(ok);
            if !ok {
                details.push(format!("{} · header: {want:?}, parsed {got:?}", page.file));
            }
        }
    }
    s
}

/// Where `needle` starts in `text`, ignoring whitespace and punctuation width in both.
fn find_loose(text: &str, needle: &str) -> Option<usize> {
    let want: Vec<char> = norm(needle).chars().collect();
    let first = *want.first()?;
    let folded: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (i, norm(&c.to_string()).chars().next().unwrap_or(c)))
        .collect();
    (0..folded.len()).find_map(|i| {
        let (at, c) = folded[i];
        (c == first
            && folded.len() >= i + want.len()
            && folded[i..i + want.len()]
                .iter()
                .map(|(_, c)| *c)
                .eq(want.iter().copied()))
        .then_some(at)
    })
}

fn role_list<'a>(a: &'a Article, role: &str) -> &'a [String] {
    match role {
        "reporters" => &a.byline.reporters,
        "correspondents" => &a.byline.correspondents,
        "photographers" => &a.byline.photographers,
        _ => &a.byline.authors,
    }
}

fn paragraphs(a: &Article) -> usize {
    usize::from(a.lead.is_some())
        + a.blocks
            .iter()
            .filter(|b| b.kind == kanbao_parse::BlockKind::Paragraph)
            .count()
}

/// The report as Markdown: a table of fields by paper, then the details if asked.
fn markdown(report: &Report, details: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} pages, {} labelled articles\n",
        report.pages, report.articles
    );
    let papers: Vec<&String> = report.papers.keys().collect();
    let _ = write!(out, "| field | all |");
    for p in &papers {
        let _ = write!(out, " {p} |");
    }
    let _ = write!(out, "\n|---|---|");
    for _ in &papers {
        let _ = write!(out, "---|");
    }
    out.push('\n');
    for field in FIELDS {
        let total = report.total.fields.get(*field).copied().unwrap_or_default();
        if *field == "extra names" {
            let _ = write!(out, "| extra names (fewer is better) | {} |", total.of);
            for p in &papers {
                let n = report.papers[*p].fields.get(*field).map_or(0, |s| s.of);
                let _ = write!(out, " {n} |");
            }
        } else {
            let _ = write!(out, "| {field} | {} |", total.cell());
            for p in &papers {
                let cell = report.papers[*p]
                    .fields
                    .get(*field)
                    .copied()
                    .unwrap_or_default()
                    .cell();
                let _ = write!(out, " {cell} |");
            }
        }
        out.push('\n');
    }
    if details && !report.details.is_empty() {
        out.push_str("\n## Not right\n\n");
        for d in &report.details {
            let _ = writeln!(out, "- {d}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_match_across_whitespace_punctuation_width_and_bullets() {
        assert_eq!(norm("●城区 新添(三座)公园"), norm("城区新添（三座）公园"));
        assert_eq!(norm("——记一位老师"), "记一位老师");
    }

    #[test]
    fn a_title_is_found_in_text_with_other_spacing() {
        let text = "头版\n\n城区 新添三座(口袋)公园\n正文。";
        assert_eq!(find_loose(text, "城区新添三座（口袋）公园"), Some(8));
        assert_eq!(find_loose(text, "不在页面上"), None);
    }
}
