//! Markdown and plain-text renderings of a page.

use std::fmt::Write;

use kanbao_parse::{Article, BlockKind, Byline, Page};

/// The byline as a reader would write it: `记者 邵壮 王瑶 通讯员 秦雨`.
pub fn byline_line(byline: &Byline) -> String {
    let roles = [
        ("记者", &byline.reporters),
        ("通讯员", &byline.correspondents),
        ("摄影", &byline.photographers),
        ("作者", &byline.authors),
    ];
    roles
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(role, names)| format!("{role} {}", names.join(" ")))
        .collect::<Vec<_>>()
        .join("　")
}

/// Renders a page as Markdown: one `#` section per article.
pub fn markdown(page: &Page) -> String {
    let mut out = String::new();
    for (i, article) in page.articles.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        article_markdown(&mut out, article);
    }
    out
}

fn article_markdown(out: &mut String, a: &Article) {
    if let Some(column) = &a.column {
        let _ = writeln!(out, "【{column}】\n");
    }
    if let Some(kicker) = &a.kicker {
        let _ = writeln!(out, "*{kicker}*\n");
    }
    let _ = writeln!(out, "# {}\n", a.title);
    if let Some(subtitle) = &a.subtitle {
        let _ = writeln!(out, "## {subtitle}\n");
    }
    let byline = byline_line(&a.byline);
    if !byline.is_empty() {
        let _ = writeln!(out, "{byline}\n");
    }
    if let Some(lead) = &a.lead {
        let _ = writeln!(out, "> {lead}\n");
    }
    for (i, block) in a.blocks.iter().enumerate() {
        let marker = block.marker.as_deref().unwrap_or("");
        match block.kind {
            BlockKind::Heading => {
                let _ = writeln!(out, "### {}\n", block.text);
            }
            BlockKind::Caption => {
                let _ = writeln!(out, "*{marker}{}*\n", block.text);
            }
            BlockKind::Paragraph => match (&a.dateline, i) {
                (Some(dateline), 0) => {
                    let _ = writeln!(out, "**{dateline}** {}\n", block.text);
                }
                _ => {
                    let _ = writeln!(out, "{}\n", block.text);
                }
            },
        }
    }
}

/// Renders a page as plain text: headline group, byline, then the body, one block a paragraph.
pub fn text(page: &Page) -> String {
    let mut out = String::new();
    for (i, a) in page.articles.iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        for part in [&a.column, &a.kicker].into_iter().flatten() {
            let _ = writeln!(out, "{part}");
        }
        let _ = writeln!(out, "{}", a.title);
        if let Some(subtitle) = &a.subtitle {
            let _ = writeln!(out, "{subtitle}");
        }
        let byline = byline_line(&a.byline);
        if !byline.is_empty() {
            let _ = writeln!(out, "{byline}");
        }
        if let Some(lead) = &a.lead {
            let _ = writeln!(out, "\n{lead}");
        }
        for (j, block) in a.blocks.iter().enumerate() {
            let marker = block.marker.as_deref().unwrap_or("");
            let dateline = match (&a.dateline, block.kind, j) {
                (Some(d), BlockKind::Paragraph, 0) => format!("{d} "),
                _ => String::new(),
            };
            let _ = writeln!(out, "\n{dateline}{marker}{}", block.text);
        }
    }
    out
}
