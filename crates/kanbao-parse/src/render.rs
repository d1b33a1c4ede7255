//! Articles as Markdown and as plain text, for the CLI and the app's exports.

use std::fmt::Write;

use crate::model::{Article, BlockKind, Byline, Page};

/// The byline as a reader writes it: `记者 邵壮 王瑶　通讯员 秦雨`.
pub fn byline_line(byline: &Byline) -> String {
    [
        ("记者", &byline.reporters),
        ("通讯员", &byline.correspondents),
        ("摄影", &byline.photographers),
        ("作者", &byline.authors),
    ]
    .iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(role, names)| format!("{role} {}", names.join(" ")))
    .collect::<Vec<_>>()
    .join("　")
}

/// Text from a page made inert in Markdown: characters a renderer would read as markup or as
/// HTML (`<script>`, `*`, `[…](…)`, a leading `#` or `>`) are escaped, so that a page's text
/// shows as the text it is and never as markup.
pub fn markdown_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.chars().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' if i > 0 => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '>' | '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One article as Markdown; `credit` (where it ran) goes under the headline with the byline.
pub fn article_markdown(a: &Article, credit: Option<&str>) -> String {
    let mut out = String::new();
    for label in [&a.column, &a.kicker].into_iter().flatten() {
        let _ = writeln!(out, "*{}*\n", markdown_text(label));
    }
    let _ = writeln!(out, "# {}\n", markdown_text(&a.title));
    if let Some(subtitle) = &a.subtitle {
        let _ = writeln!(out, "## {}\n", markdown_text(subtitle));
    }
    let byline = byline_line(&a.byline);
    let credit: Vec<&str> = credit
        .into_iter()
        .chain(Some(byline.as_str()))
        .filter(|s| !s.is_empty())
        .collect();
    if !credit.is_empty() {
        let _ = writeln!(out, "{}\n", markdown_text(&credit.join(" · ")));
    }
    if let Some(lead) = &a.lead {
        let _ = writeln!(out, "> {}\n", markdown_text(lead));
    }
    let mut dateline = a.dateline.as_deref();
    for b in &a.blocks {
        let marker = markdown_text(b.marker.as_deref().unwrap_or(""));
        let text = markdown_text(&b.text);
        let _ = match b.kind {
            BlockKind::Heading => writeln!(out, "### {text}\n"),
            BlockKind::Caption => writeln!(out, "*{marker}{text}*\n"),
            BlockKind::Paragraph => match dateline.take() {
                Some(d) => writeln!(out, "**{}** {text}\n", markdown_text(d)),
                None => writeln!(out, "{text}\n"),
            },
        };
    }
    out
}

/// A page as Markdown: its articles, separated by rules.
pub fn page_markdown(page: &Page) -> String {
    page.articles
        .iter()
        .map(|a| article_markdown(a, None))
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}

/// One article as plain text: headline group, byline, then one block a paragraph.
pub fn article_text(a: &Article) -> String {
    let mut out = String::new();
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
    let mut dateline = a.dateline.as_deref();
    for b in &a.blocks {
        let marker = b.marker.as_deref().unwrap_or("");
        let prefix = match (b.kind, dateline) {
            (BlockKind::Paragraph, Some(d)) => {
                dateline = None;
                format!("{d} ")
            }
            _ => String::new(),
        };
        let _ = writeln!(out, "\n{prefix}{marker}{}", b.text);
    }
    out
}

/// A page as plain text: its articles, separated by blank lines.
pub fn page_text(page: &Page) -> String {
    page.articles
        .iter()
        .map(article_text)
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_pages_text_is_made_inert_in_markdown() {
        assert_eq!(
            markdown_text("<script>alert(1)</script>"),
            "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
        );
        assert_eq!(
            markdown_text("[点此](http://x)"),
            "\\[点此\\]\\(http://x\\)"
        );
        assert_eq!(markdown_text("# 标题"), "\\# 标题");
        assert_eq!(markdown_text("> 引文"), "\\> 引文");
        assert_eq!(markdown_text("*重要*"), "\\*重要\\*");
        assert_eq!(
            markdown_text("本报讯（记者 王超）近日，港口开通新航线。"),
            "本报讯（记者 王超）近日，港口开通新航线。"
        );
    }
}
