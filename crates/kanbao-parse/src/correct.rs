//! Corrections: what a curator fixed on a page, kept apart from its text and applied to the
//! parser's reading of it, so the source stays as printed and a newer parser still takes them.
//!
//! A correction names a line of the page by its byte span in the decoded text and the line's
//! text. If the text at the span is no longer that line (the page was exported again), the line
//! is looked for by its text; a correction whose line is nowhere is reported, never dropped
//! silently. Applying corrections never loses a character: every span still covers what it
//! covered, and text moved out of a field becomes a block of the article.

use serde::{Deserialize, Serialize};

use crate::model::{Article, Block, BlockKind, Byline, Page, Span};
use crate::normalize::{collapse_spaces, fnv1a32, fullwidth};

/// The format tag of a [`Corrections`] file.
pub const CORRECTIONS_FORMAT: &str = "kanbao.corrections/1";

/// A page's corrections: the sidecar file `page.txt.kanbao.json` beside the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// Always [`CORRECTIONS_FORMAT`].
    pub format: String,
    /// The page the corrections were made on.
    pub source: CorrectedSource,
    /// The corrections, applied in order.
    pub edits: Vec<Correction>,
}

/// The page file corrections were made on: its name, size and a hash of its bytes
/// ([`source_hash`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectedSource {
    pub name: String,
    pub bytes: usize,
    pub hash: String,
}

/// A line of a page: its byte span in the decoded text and its text there, spaces at either
/// end left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRef {
    pub span: Span,
    pub text: String,
}

/// What a line is, as a curator marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineRole {
    Title,
    Kicker,
    Subtitle,
    Column,
    /// A section heading of the body.
    Heading,
    Caption,
    Paragraph,
    /// Page furniture: not part of the article's text.
    Furniture,
    /// A credit: its names go to the byline, the line leaves the text.
    Byline,
    /// The dateline (`本报讯`, `新华社北京5月12日电`) that opens the text or closes it.
    Dateline,
    /// The lead summary (导语) set apart from the text.
    Lead,
}

/// A role of the byline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameRole {
    Reporters,
    Correspondents,
    Photographers,
    Authors,
}

/// One correction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "kebab-case")]
pub enum Correction {
    /// A new article begins at this line.
    Split { line: LineRef },
    /// The article this line is in belongs to the one before it.
    Merge { line: LineRef },
    /// This line is a title, a kicker, a heading, furniture…
    Mark { line: LineRef, role: LineRole },
    /// The names of a role in the byline of the article this line is in.
    Names {
        line: LineRef,
        role: NameRole,
        names: Vec<String>,
    },
    /// The names of the credit on this line belong to the article `to` is in.
    MoveCredit { line: LineRef, to: LineRef },
}

impl Correction {
    /// The line the correction is about.
    pub fn line(&self) -> &LineRef {
        match self {
            Correction::Split { line }
            | Correction::Merge { line }
            | Correction::Mark { line, .. }
            | Correction::Names { line, .. }
            | Correction::MoveCredit { line, .. } => line,
        }
    }
}

/// A correction that could not be applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unapplied {
    /// Its place in [`Corrections::edits`].
    pub index: usize,
    /// The line it names.
    pub line: String,
    pub reason: UnappliedReason,
}

/// Why a correction could not be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnappliedReason {
    /// The line is not in the page (any more).
    LineGone,
    /// The line is in no article (page header, furniture between articles).
    NotInArticle,
    /// A split at an article's first line, or a merge of the first article.
    NothingToDo,
}

/// The hash a [`CorrectedSource`] carries: FNV-1a over the file's bytes, twice with two seeds
/// (16 hex digits), enough to tell one export of a page from another.
pub fn source_hash(bytes: &[u8]) -> String {
    let a = fnv1a32(bytes);
    let mut seeded = Vec::with_capacity(bytes.len() + 1);
    seeded.push(0x5a);
    seeded.extend_from_slice(bytes);
    format!("{a:08x}{:08x}", fnv1a32(&seeded))
}

/// Finds a line in `text`: at its span if the text there is still that line, otherwise the
/// line with that text nearest to its old place.
pub fn find_line(text: &str, line: &LineRef) -> Option<Span> {
    let want = line.text.trim();
    if want.is_empty() {
        return None;
    }
    if let Some(at) = text.get(line.span[0]..line.span[1])
        && at.trim() == want
    {
        return Some(trimmed(text, line.span));
    }
    let mut best: Option<Span> = None;
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        let span = [start, start + l.len()];
        start += l.len();
        if l.trim() == want {
            let span = trimmed(text, span);
            let distance = |s: Span| s[0].abs_diff(line.span[0]);
            if best.is_none_or(|b| distance(span) < distance(b)) {
                best = Some(span);
            }
        }
    }
    best
}

/// The span without the spaces at either end.
fn trimmed(text: &str, span: Span) -> Span {
    let s = text.get(span[0]..span[1]).unwrap_or("");
    let start = span[0] + (s.len() - s.trim_start().len());
    [start, start + s.trim().len()]
}

/// A line's text as the parser writes it into fields: spaces collapsed, half-width punctuation
/// in Chinese text made full-width.
fn as_field(s: &str) -> String {
    fullwidth(&collapse_spaces(s.trim()))
}

/// Applies `corrections` to a page parsed from `text` (the decoded text its spans point into),
/// in order; returns those that could not be applied.
pub fn apply(page: &mut Page, text: &str, corrections: &[Correction]) -> Vec<Unapplied> {
    let mut out = Vec::new();
    for (index, c) in corrections.iter().enumerate() {
        let outcome = match find_line(text, c.line()) {
            None => Err(UnappliedReason::LineGone),
            Some(line) => match c {
                Correction::Split { .. } => split(page, text, line),
                Correction::Merge { .. } => merge(page, line),
                Correction::Mark { role, .. } => mark(page, text, line, *role),
                Correction::Names { role, names, .. } => set_names(page, line, *role, names),
                Correction::MoveCredit { to, .. } => match find_line(text, to) {
                    Some(to) => move_credit(page, text, line, to),
                    None => Err(UnappliedReason::LineGone),
                },
            },
        };
        if let Err(reason) = outcome {
            out.push(Unapplied {
                index,
                line: c.line().text.clone(),
                reason,
            });
        }
    }
    out
}

/// The article a line stands in.
fn article_at(page: &Page, line: Span) -> Option<usize> {
    page.articles
        .iter()
        .position(|a| a.span[0] <= line[0] && line[0] < a.span[1])
}

/// A new article begins at `line`: the blocks from there on move to it, a block running
/// across the line is cut there, and a short first line without a sentence's end is its title.
pub fn split(page: &mut Page, text: &str, line: Span) -> Result<(), UnappliedReason> {
    let i = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    let a = &mut page.articles[i];
    if line[0] <= a.span[0] {
        return Err(UnappliedReason::NothingToDo);
    }
    let mut moved = Vec::new();
    let mut kept = Vec::new();
    for b in a.blocks.drain(..) {
        if b.span[1] <= line[0] {
            kept.push(b);
        } else if b.span[0] >= line[0] {
            moved.push(b);
        } else {
            // A block running across the line: each part rewritten from its own text.
            let cut = |span: Span| Block {
                kind: b.kind,
                text: as_field(&text.get(span[0]..span[1]).unwrap_or("").replace('\n', "")),
                marker: None,
                span,
            };
            kept.push(cut([b.span[0], line[0]]));
            moved.push(cut([line[0], b.span[1]]));
        }
    }
    a.blocks = kept;
    let end = a.span[1];
    a.span[1] = line[0];
    let line_text = as_field(text.get(line[0]..line[1]).unwrap_or(""));
    let title = match moved.first() {
        Some(b)
            if b.span == line
                && b.kind != BlockKind::Caption
                && !crate::normalize::ends_sentence(&line_text) =>
        {
            moved.remove(0);
            line_text
        }
        _ => String::new(),
    };
    let new = Article {
        id: format!("{}-{}", a.id, line[0]),
        kind: a.kind,
        column: None,
        kicker: None,
        title,
        subtitle: None,
        dateline: None,
        byline: Byline::default(),
        lead: None,
        blocks: moved,
        span: [line[0], end],
    };
    page.articles.insert(i + 1, new);
    Ok(())
}

/// The article `line` stands in joins the one before it: its headline and lead become blocks,
/// its blocks follow, its names join the byline, and whatever stood between them is inside.
pub fn merge(page: &mut Page, line: Span) -> Result<(), UnappliedReason> {
    let i = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    if i == 0 {
        return Err(UnappliedReason::NothingToDo);
    }
    let b = page.articles.remove(i);
    let a = &mut page.articles[i - 1];
    // Blocks made of the headline stand where the article began, up to its first block.
    let first = b.blocks.first().map_or(b.span[0], |x| x.span[0]);
    let heading = |text: String| Block {
        kind: BlockKind::Heading,
        text,
        marker: None,
        span: [b.span[0], first.max(b.span[0])],
    };
    let mut head: Vec<Block> = [&b.column, &b.kicker, &Some(b.title.clone()), &b.subtitle]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .map(|t| heading(t.clone()))
        .collect();
    let lead = [&b.dateline, &b.lead]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    if !lead.is_empty() {
        head.push(Block {
            kind: BlockKind::Paragraph,
            ..heading(lead)
        });
    }
    a.blocks.extend(head);
    a.blocks.extend(b.blocks);
    let join = |to: &mut Vec<String>, from: Vec<String>| {
        for n in from {
            if !to.contains(&n) {
                to.push(n);
            }
        }
    };
    join(&mut a.byline.reporters, b.byline.reporters);
    join(&mut a.byline.correspondents, b.byline.correspondents);
    join(&mut a.byline.photographers, b.byline.photographers);
    join(&mut a.byline.authors, b.byline.authors);
    join(&mut a.byline.raw, b.byline.raw);
    let span = [a.span[0], b.span[1]];
    a.span = span;
    // What stood between the two is now inside the article's span.
    page.unassigned
        .retain(|f| !(f.span[0] >= span[0] && f.span[1] <= span[1]));
    Ok(())
}

/// The kind of block a role makes of a line, for the roles of the body.
fn block_kind(role: LineRole) -> Option<BlockKind> {
    match role {
        LineRole::Heading => Some(BlockKind::Heading),
        LineRole::Caption => Some(BlockKind::Caption),
        LineRole::Paragraph => Some(BlockKind::Paragraph),
        _ => None,
    }
}

/// The field of a headline role other than the title.
fn field(a: &mut Article, role: LineRole) -> Option<&mut Option<String>> {
    match role {
        LineRole::Kicker => Some(&mut a.kicker),
        LineRole::Subtitle => Some(&mut a.subtitle),
        LineRole::Column => Some(&mut a.column),
        _ => None,
    }
}

/// Takes the text of a headline role's field out of the article (an empty title is none).
fn take_field(a: &mut Article, role: LineRole) -> Option<String> {
    match role {
        LineRole::Title => Some(std::mem::take(&mut a.title)).filter(|t| !t.is_empty()),
        _ => field(a, role).and_then(Option::take),
    }
}

/// Sets a headline role's field (no title is an empty one).
fn put_field(a: &mut Article, role: LineRole, text: Option<String>) {
    match role {
        LineRole::Title => a.title = text.unwrap_or_default(),
        _ => {
            if let Some(f) = field(a, role) {
                *f = text;
            }
        }
    }
}

/// A line of an article as the parser read it: what a curator sees, and marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadLine {
    pub line: LineRef,
    /// What the parser made of it: a headline field or a kind of block; `None` for a credit,
    /// a dateline, a lead or text in no field.
    pub role: Option<LineRole>,
}

/// The headline field whose text is `line_text` (`true`), or, for a headline printed on two
/// lines, the field that holds it (`false`).
fn holder(a: &Article, line_text: &str) -> Option<(LineRole, bool)> {
    let fields = [
        (LineRole::Title, Some(&a.title)),
        (LineRole::Kicker, a.kicker.as_ref()),
        (LineRole::Subtitle, a.subtitle.as_ref()),
        (LineRole::Column, a.column.as_ref()),
    ];
    let exact = fields
        .iter()
        .find(|(_, v)| v.is_some_and(|v| *v == line_text || as_field(v) == line_text))
        .map(|(r, _)| (*r, true));
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let line = squeeze(line_text);
    exact.or_else(|| {
        fields
            .iter()
            .find(|(_, v)| {
                v.is_some_and(|v| !line.is_empty() && squeeze(&as_field(v)).contains(&line))
            })
            .map(|(r, _)| (*r, false))
    })
}

/// The non-blank lines of article `article`, each with what the parser made of it.
pub fn article_lines(page: &Page, text: &str, article: usize) -> Vec<ReadLine> {
    let Some(a) = page.articles.get(article) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = 0;
    for l in text.split_inclusive('\n') {
        let span = [start, start + l.len()];
        start += l.len();
        if span[1] <= a.span[0] || span[0] >= a.span[1] || l.trim().is_empty() {
            continue;
        }
        let span = trimmed(text, [span[0].max(a.span[0]), span[1].min(a.span[1])]);
        let Some(line_text) = text.get(span[0]..span[1]) else {
            continue;
        };
        let block = a
            .blocks
            .iter()
            .find(|b| b.span[0] < span[1] && span[0] < b.span[1]);
        let role = match block {
            Some(b) => Some(match b.kind {
                BlockKind::Heading => LineRole::Heading,
                BlockKind::Caption => LineRole::Caption,
                BlockKind::Paragraph => LineRole::Paragraph,
            }),
            None => {
                let t = as_field(line_text);
                holder(a, &t).map(|(r, _)| r).or_else(|| {
                    if a.byline.raw.iter().any(|r| as_field(r) == t) {
                        Some(LineRole::Byline)
                    } else if a.dateline.as_deref().is_some_and(|d| t == as_field(d)) {
                        Some(LineRole::Dateline)
                    } else if a.lead.as_deref().is_some_and(|l| as_field(l) == t) {
                        Some(LineRole::Lead)
                    } else {
                        None
                    }
                })
            }
        };
        out.push(ReadLine {
            line: LineRef {
                span,
                text: line_text.to_owned(),
            },
            role,
        });
    }
    out
}

/// Marks a line as `role`. A body line becomes a headline field (the field's old text goes to
/// the front of the body as a heading) or changes its block's kind; a headline line trades
/// places with the field it is marked as; furniture leaves the article's text.
pub fn mark(
    page: &mut Page,
    text: &str,
    line: Span,
    role: LineRole,
) -> Result<(), UnappliedReason> {
    if matches!(role, LineRole::Byline | LineRole::Dateline | LineRole::Lead) {
        return mark_text_role(page, text, line, role);
    }
    let i = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    let a = &mut page.articles[i];
    let line_text = as_field(text.get(line[0]..line[1]).unwrap_or(""));
    let block = a
        .blocks
        .iter()
        .position(|b| b.span[0] <= line[0] && line[0] < b.span[1]);
    let heading_of = |old: String, span: Span| Block {
        kind: BlockKind::Heading,
        text: old,
        marker: None,
        span,
    };
    if let Some(k) = block {
        if let Some(kind) = block_kind(role) {
            a.blocks[k].kind = kind;
            return Ok(());
        }
        let taken = a.blocks.remove(k).text;
        if role != LineRole::Furniture {
            let start = a.span[0];
            if let Some(old) = take_field(a, role) {
                a.blocks.insert(0, heading_of(old, [start, start]));
            }
            put_field(a, role, Some(taken));
        }
        return Ok(());
    }
    // A headline line: the field holding it.
    let Some((from, whole)) = holder(a, &line_text) else {
        return Err(UnappliedReason::NotInArticle);
    };
    if !whole {
        // One line of a headline printed on two: the field keeps the other, the line is moved
        // as a line of the body would be.
        let rest = take_field(a, from).map(|v| without_line(&v, &line_text));
        put_field(a, from, rest.filter(|r| !r.is_empty()));
        let start = a.span[0];
        match block_kind(role) {
            Some(kind) => a.blocks.insert(
                0,
                Block {
                    kind,
                    ..heading_of(line_text, [start, start])
                },
            ),
            None if role == LineRole::Furniture => {}
            None => {
                if let Some(old) = take_field(a, role) {
                    a.blocks.insert(0, heading_of(old, [start, start]));
                }
                put_field(a, role, Some(line_text));
            }
        }
        return Ok(());
    }
    if from == role {
        return Ok(());
    }
    let moving = take_field(a, from);
    match role {
        LineRole::Title | LineRole::Kicker | LineRole::Subtitle | LineRole::Column => {
            // The two fields trade places.
            let other = take_field(a, role);
            put_field(a, role, moving);
            put_field(a, from, other);
        }
        LineRole::Heading | LineRole::Caption | LineRole::Paragraph => {
            let kind = block_kind(role).unwrap_or(BlockKind::Paragraph);
            if let Some(text) = moving {
                let start = a.span[0];
                a.blocks.insert(
                    0,
                    Block {
                        kind,
                        ..heading_of(text, [start, start])
                    },
                );
            }
        }
        // Handled by `mark_text_role` before.
        LineRole::Furniture | LineRole::Byline | LineRole::Dateline | LineRole::Lead => {}
    }
    Ok(())
}

/// A field's text without one of its lines (`line_text`, as fields hold it, spaced or not): the
/// rest, its spaces collapsed; empty when nothing else was in it.
fn without_line(whole: &str, line_text: &str) -> String {
    let squeezed: String = line_text.split_whitespace().collect();
    as_field(whole)
        .replacen(line_text, " ", 1)
        .replacen(&squeezed, " ", 1)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Takes a line's text out of the block or headline field that holds it: the block or field
/// keeps the rest, if anything. Returns the line's text as fields hold it.
fn take_line(a: &mut Article, text: &str, line: Span) -> String {
    let line_text = as_field(text.get(line[0]..line[1]).unwrap_or(""));
    let without = |whole: &str| without_line(whole, &line_text);
    if let Some(k) = a
        .blocks
        .iter()
        .position(|b| b.span[0] <= line[0] && line[0] < b.span[1])
    {
        let rest = without(&a.blocks[k].text);
        if rest.is_empty() {
            a.blocks.remove(k);
        } else {
            a.blocks[k].text = rest;
        }
    } else if let Some((from, _)) = holder(a, &line_text) {
        let rest = take_field(a, from).map(|v| without(&v));
        put_field(a, from, rest.filter(|r| !r.is_empty()));
    } else if a
        .lead
        .as_deref()
        .is_some_and(|l| as_field(l).contains(&line_text))
    {
        a.lead = a.lead.take().map(|l| without(&l)).filter(|r| !r.is_empty());
    }
    line_text
}

/// The names a credit line gives: its credits as the parser reads a byline, or names alone
/// (`张  铁`) as an author's.
fn credit_of(line_text: &str) -> Option<crate::byline::Credits> {
    crate::byline::parse_byline_line(line_text).or_else(|| {
        crate::names::bare_names(line_text).map(|authors| crate::byline::Credits {
            authors,
            ..crate::byline::Credits::default()
        })
    })
}

/// Adds credits to a byline, each name once.
fn add_credits(b: &mut Byline, c: crate::byline::Credits) {
    for (list, names) in [
        (&mut b.reporters, c.reporters),
        (&mut b.correspondents, c.correspondents),
        (&mut b.photographers, c.photographers),
        (&mut b.authors, c.authors),
    ] {
        for n in names {
            if !list.contains(&n) {
                list.push(n);
            }
        }
    }
}

/// Marks a line as the byline, the dateline or the lead: its text leaves the block or field
/// that held it; a credit's names join the byline, a dateline opens the article's text (what
/// follows it on the line stays a paragraph), a lead is set apart (an earlier lead becomes the
/// first paragraph).
fn mark_text_role(
    page: &mut Page,
    text: &str,
    line: Span,
    role: LineRole,
) -> Result<(), UnappliedReason> {
    let i = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    let a = &mut page.articles[i];
    let start = a.span[0];
    let paragraph = |text: String, span: Span| Block {
        kind: BlockKind::Paragraph,
        text,
        marker: None,
        span,
    };
    match role {
        LineRole::Byline => {
            let line_text = take_line(a, text, line);
            if let Some(c) = credit_of(&line_text) {
                add_credits(&mut a.byline, c);
            }
            if !a.byline.raw.contains(&line_text) {
                a.byline.raw.push(line_text);
            }
        }
        LineRole::Dateline => {
            let line_text = as_field(text.get(line[0]..line[1]).unwrap_or(""));
            match crate::byline::parse_dateline(&line_text) {
                Some(d) if d.dateline.is_some() => {
                    a.dateline = d.dateline.map(fullwidth);
                    if let Some(c) = d.credits {
                        add_credits(&mut a.byline, c);
                    }
                    let rest = line_text.get(d.rest..).unwrap_or("").trim().to_owned();
                    take_line(a, text, line);
                    if !rest.is_empty() {
                        let at = a
                            .blocks
                            .iter()
                            .position(|b| b.span[0] >= line[0])
                            .unwrap_or(a.blocks.len());
                        a.blocks.insert(at, paragraph(rest, line));
                    }
                }
                _ => a.dateline = Some(take_line(a, text, line)),
            }
        }
        _ => {
            let line_text = take_line(a, text, line);
            if let Some(old) = a.lead.replace(line_text) {
                a.blocks.insert(0, paragraph(old, [start, start]));
            }
        }
    }
    Ok(())
}

/// The credit on `line` belongs to the article `to` stands in: its names leave the byline of
/// the article holding the line and join that article's.
pub fn move_credit(
    page: &mut Page,
    text: &str,
    line: Span,
    to: Span,
) -> Result<(), UnappliedReason> {
    let from = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    let into = article_at(page, to).ok_or(UnappliedReason::NotInArticle)?;
    let line_text = as_field(text.get(line[0]..line[1]).unwrap_or(""));
    let credit = credit_of(&line_text).ok_or(UnappliedReason::NothingToDo)?;
    if from == into {
        return Err(UnappliedReason::NothingToDo);
    }
    let b = &mut page.articles[from].byline;
    let names: Vec<&String> = credit
        .reporters
        .iter()
        .chain(&credit.correspondents)
        .chain(&credit.photographers)
        .chain(&credit.authors)
        .collect();
    for list in [
        &mut b.reporters,
        &mut b.correspondents,
        &mut b.photographers,
        &mut b.authors,
    ] {
        list.retain(|n| !names.contains(&n));
    }
    let raw = b.raw.iter().position(|r| as_field(r) == line_text);
    let raw = raw.map(|k| b.raw.remove(k));
    let to_byline = &mut page.articles[into].byline;
    add_credits(to_byline, credit);
    to_byline.raw.push(raw.unwrap_or(line_text));
    Ok(())
}

/// Sets the names of a role in the byline of the article `line` stands in.
pub fn set_names(
    page: &mut Page,
    line: Span,
    role: NameRole,
    names: &[String],
) -> Result<(), UnappliedReason> {
    let i = article_at(page, line).ok_or(UnappliedReason::NotInArticle)?;
    let b = &mut page.articles[i].byline;
    let list = match role {
        NameRole::Reporters => &mut b.reporters,
        NameRole::Correspondents => &mut b.correspondents,
        NameRole::Photographers => &mut b.photographers,
        NameRole::Authors => &mut b.authors,
    };
    *list = names
        .iter()
        .map(|n| collapse_spaces(n.trim()).replace(' ', ""))
        .filter(|n| !n.is_empty())
        .collect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{
        Correction, LineRef, LineRole, NameRole, UnappliedReason, apply, find_line, source_hash,
    };
    use crate::model::BlockKind;

    /// Two reports the parser reads as one: the second's headline sits in the first's body.
    const PAGE: &str = "港口新航线开通\n\n本报讯（记者 林海）近日，港口开通新航线。\n\n新航线每周两班。\n\n城东公园开放\n\n市民可免费入园。\n";

    fn line(text: &str) -> LineRef {
        at(PAGE, text)
    }

    fn parsed() -> crate::Page {
        crate::parse_str(PAGE, "p.txt")
    }

    #[test]
    fn a_line_is_found_at_its_span_or_by_its_text_when_it_moved() {
        let l = line("城东公园开放");
        assert_eq!(find_line(PAGE, &l), Some(l.span));
        let moved = format!("（一行新字）\n{PAGE}");
        let at = moved.find("城东公园开放").unwrap_or(0);
        assert_eq!(find_line(&moved, &l), Some([at, at + l.text.len()]));
        assert_eq!(find_line("别的版面\n", &l), None);
        assert_ne!(source_hash(b"a"), source_hash(b"b"));
        assert_eq!(source_hash(PAGE.as_bytes()).len(), 16);
    }

    #[test]
    fn a_split_starts_an_article_at_the_line_with_it_as_title() {
        let mut page = parsed();
        let before = page.articles.len();
        let titled = page.articles.iter().any(|a| a.title == "城东公园开放");
        if titled {
            // The parser already reads two: merge them first, then split again.
            let unapplied = apply(
                &mut page,
                PAGE,
                &[Correction::Merge {
                    line: line("城东公园开放"),
                }],
            );
            assert!(unapplied.is_empty());
            assert_eq!(page.articles.len(), before - 1);
            assert!(
                page.articles[0]
                    .blocks
                    .iter()
                    .any(|b| b.text == "城东公园开放" && b.kind == BlockKind::Heading)
            );
        }
        let n = page.articles.len();
        let unapplied = apply(
            &mut page,
            PAGE,
            &[Correction::Split {
                line: line("城东公园开放"),
            }],
        );
        assert!(unapplied.is_empty(), "{unapplied:?}");
        assert_eq!(page.articles.len(), n + 1);
        let second = &page.articles[page.articles.len() - 1];
        assert_eq!(second.title, "城东公园开放");
        assert_eq!(second.blocks.len(), 1);
        assert_eq!(second.blocks[0].text, "市民可免费入园。");
        assert!(second.byline.reporters.is_empty());
        assert_eq!(page.articles[0].byline.reporters, ["林海"]);
        assert!(
            page.articles[0]
                .blocks
                .iter()
                .all(|b| !b.text.contains("入园"))
        );
        // At an article's first line there is nothing to split.
        let again = apply(
            &mut page,
            PAGE,
            &[Correction::Split {
                line: line("港口新航线开通"),
            }],
        );
        assert_eq!(again[0].reason, UnappliedReason::NothingToDo);
    }

    #[test]
    fn a_merge_keeps_the_second_headline_as_a_heading_and_joins_the_names() {
        let mut page = parsed();
        apply(
            &mut page,
            PAGE,
            &[Correction::Split {
                line: line("城东公园开放"),
            }],
        );
        let n = page.articles.len();
        let unapplied = apply(
            &mut page,
            PAGE,
            &[Correction::Merge {
                line: line("市民可免费入园。"),
            }],
        );
        assert!(unapplied.is_empty());
        assert_eq!(page.articles.len(), n - 1);
        let a = &page.articles[0];
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts.ends_with(&["城东公园开放", "市民可免费入园。"]),
            "{texts:?}"
        );
        let first = apply(
            &mut page,
            PAGE,
            &[Correction::Merge {
                line: line("港口新航线开通"),
            }],
        );
        assert_eq!(first[0].reason, UnappliedReason::NothingToDo);
    }

    #[test]
    fn marking_a_body_line_as_title_keeps_the_old_title_as_a_heading() {
        let mut page = parsed();
        let old = page.articles[0].title.clone();
        let unapplied = apply(
            &mut page,
            PAGE,
            &[Correction::Mark {
                line: line("新航线每周两班。"),
                role: LineRole::Title,
            }],
        );
        assert!(unapplied.is_empty());
        let a = &page.articles[0];
        assert_eq!(a.title, "新航线每周两班。");
        assert_eq!(a.blocks[0].text, old);
        assert_eq!(a.blocks[0].kind, BlockKind::Heading);
    }

    #[test]
    fn marking_a_headline_line_trades_places_with_the_field_it_is_marked_as() {
        let text = "江南古镇推行“一网通办”\n\n让群众少跑腿\n\n本报讯 近日，古镇推行“一网通办”。\n";
        let mut page = crate::parse_str(text, "p.txt");
        let a = &page.articles[0];
        let (title, kicker) = (a.title.clone(), a.kicker.clone());
        let at = |t: &str| {
            let s = text.find(t).unwrap_or(0);
            LineRef {
                span: [s, s + t.len()],
                text: t.to_owned(),
            }
        };
        // Whatever the parser read, marking the first line as kicker makes the second the title.
        let unapplied = apply(
            &mut page,
            text,
            &[Correction::Mark {
                line: at("江南古镇推行“一网通办”"),
                role: LineRole::Kicker,
            }],
        );
        assert!(
            unapplied.is_empty(),
            "{unapplied:?} (read {title:?} {kicker:?})"
        );
        let a = &page.articles[0];
        assert_eq!(a.kicker.as_deref(), Some("江南古镇推行“一网通办”"));
        if kicker.is_none() && a.subtitle.is_none() {
            assert_eq!(a.title, "");
        }
        apply(
            &mut page,
            text,
            &[Correction::Mark {
                line: at("让群众少跑腿"),
                role: LineRole::Title,
            }],
        );
        let a = &page.articles[0];
        assert_eq!(a.title, "让群众少跑腿");
        assert_eq!(a.kicker.as_deref(), Some("江南古镇推行“一网通办”"));
    }

    #[test]
    fn marking_changes_a_blocks_kind_or_takes_furniture_out_of_the_text() {
        let mut page = parsed();
        apply(
            &mut page,
            PAGE,
            &[Correction::Mark {
                line: line("新航线每周两班。"),
                role: LineRole::Caption,
            }],
        );
        let kind = |p: &crate::Page| {
            p.articles[0]
                .blocks
                .iter()
                .find(|b| b.text == "新航线每周两班。")
                .map(|b| b.kind)
        };
        assert_eq!(kind(&page), Some(BlockKind::Caption));
        apply(
            &mut page,
            PAGE,
            &[Correction::Mark {
                line: line("新航线每周两班。"),
                role: LineRole::Furniture,
            }],
        );
        assert_eq!(kind(&page), None);
    }

    #[test]
    fn names_are_set_for_a_role_and_a_line_gone_is_reported() {
        let mut page = parsed();
        let unapplied = apply(
            &mut page,
            PAGE,
            &[
                Correction::Names {
                    line: line("新航线每周两班。"),
                    role: NameRole::Correspondents,
                    names: vec!["王 超".into(), " ".into()],
                },
                Correction::Names {
                    line: LineRef {
                        span: [0, 6],
                        text: "不在版面上的一行".into(),
                    },
                    role: NameRole::Authors,
                    names: vec!["某某".into()],
                },
            ],
        );
        assert_eq!(page.articles[0].byline.correspondents, ["王超"]);
        assert_eq!(unapplied.len(), 1);
        assert_eq!(unapplied[0].index, 1);
        assert_eq!(unapplied[0].reason, UnappliedReason::LineGone);
    }

    #[test]
    fn a_corrections_file_reads_back_as_written() {
        let c = super::Corrections {
            format: super::CORRECTIONS_FORMAT.into(),
            source: super::CorrectedSource {
                name: "p.txt".into(),
                bytes: PAGE.len(),
                hash: source_hash(PAGE.as_bytes()),
            },
            edits: vec![
                Correction::Split {
                    line: line("城东公园开放"),
                },
                Correction::Mark {
                    line: line("新航线每周两班。"),
                    role: LineRole::Heading,
                },
            ],
        };
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert!(json.contains("\"edit\":\"split\""), "{json}");
        assert!(json.contains("\"role\":\"heading\""), "{json}");
        let back: super::Corrections = serde_json::from_str(&json).expect("reads back");
        assert_eq!(back, c);
    }

    #[test]
    fn an_articles_lines_say_what_the_parser_made_of_each() {
        let page = parsed();
        let lines = super::article_lines(&page, PAGE, 0);
        assert_eq!(lines[0].line.text, "港口新航线开通");
        assert_eq!(lines[0].role, Some(LineRole::Title));
        assert_eq!(
            &PAGE[lines[0].line.span[0]..lines[0].line.span[1]],
            "港口新航线开通"
        );
        let lead = lines.iter().find(|l| l.line.text.starts_with("本报讯"));
        assert!(lead.is_some(), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.line.text == "新航线每周两班。" && l.role == Some(LineRole::Paragraph))
        );
        assert!(super::article_lines(&page, PAGE, 99).is_empty());
    }

    #[test]
    fn one_line_of_a_two_line_title_marked_as_subtitle_leaves_the_other_as_title() {
        let text = "乡村公路全线贯通\n山里果子运出山\n\n本报讯（记者 林海）昨日，公路通车。\n";
        let line_of = |t: &str| at(text, t);
        let marks = [
            Correction::Mark {
                line: line_of("乡村公路全线贯通"),
                role: LineRole::Title,
            },
            Correction::Mark {
                line: line_of("山里果子运出山"),
                role: LineRole::Subtitle,
            },
        ];
        // Whatever the parser made of the two lines, the two marks give title and subtitle.
        let mut page = crate::parse_str(text, "p.txt");
        let unapplied = apply(&mut page, text, &marks);
        assert!(unapplied.is_empty(), "{unapplied:?}");
        assert_eq!(page.articles[0].title, "乡村公路全线贯通");
        assert_eq!(page.articles[0].subtitle.as_deref(), Some("山里果子运出山"));
        assert_eq!(page.articles[0].kicker, None);
        // Read as one title printed on two lines, the second line alone becomes the subtitle.
        let mut page = crate::parse_str(text, "p.txt");
        page.articles[0].title = "乡村公路全线贯通 山里果子运出山".into();
        page.articles[0].kicker = None;
        let lines = super::article_lines(&page, text, 0);
        assert_eq!(lines[1].role, Some(LineRole::Title));
        let unapplied = apply(&mut page, text, &marks[1..]);
        assert!(unapplied.is_empty(), "{unapplied:?}");
        assert_eq!(page.articles[0].title, "乡村公路全线贯通");
        assert_eq!(page.articles[0].subtitle.as_deref(), Some("山里果子运出山"));
    }

    /// A page where the parser read a credit as a paragraph and a dateline as text.
    const MISREAD: &str = "港口新航线开通\n\n近日，港口开通新航线。\n\n本报记者 林海\n\n城东公园开放\n\n新华社北京5月12日电 市民可免费入园。\n\n公园管理处表示，周末将增派人手。\n";

    fn at(text: &str, t: &str) -> LineRef {
        let start = text.find(t).unwrap_or(0);
        LineRef {
            span: [start, start + t.len()],
            text: t.to_owned(),
        }
    }

    #[test]
    fn a_line_marked_as_byline_dateline_or_lead_leaves_the_text_for_its_field() {
        let mut page = crate::parse_str(MISREAD, "p.txt");
        let edits = [
            Correction::Mark {
                line: at(MISREAD, "公园管理处表示，周末将增派人手。"),
                role: LineRole::Lead,
            },
            Correction::Mark {
                line: at(MISREAD, "新华社北京5月12日电 市民可免费入园。"),
                role: LineRole::Dateline,
            },
        ];
        let unapplied = apply(&mut page, MISREAD, &edits);
        assert!(unapplied.is_empty(), "{unapplied:?}");
        let park = page
            .articles
            .iter()
            .find(|a| a.title == "城东公园开放")
            .expect("the park report");
        assert_eq!(park.dateline.as_deref(), Some("新华社北京5月12日电"));
        assert_eq!(
            park.lead.as_deref(),
            Some("公园管理处表示，周末将增派人手。")
        );
        assert!(park.blocks.iter().any(|b| b.text == "市民可免费入园。"));
        assert!(park.blocks.iter().all(|b| !b.text.contains("增派人手")));
        let lines = super::article_lines(
            &page,
            MISREAD,
            page.articles
                .iter()
                .position(|a| a.title == "城东公园开放")
                .unwrap_or(0),
        );
        assert!(lines.iter().any(|l| l.role == Some(LineRole::Lead)));
        // A credit marked as the byline: its names join the byline.
        let mut page = crate::parse_str("标题甲\n\n正文一段。\n\n张  铁\n", "p.txt");
        let text = "标题甲\n\n正文一段。\n\n张  铁\n";
        let unapplied = apply(
            &mut page,
            text,
            &[Correction::Mark {
                line: at(text, "张  铁"),
                role: LineRole::Byline,
            }],
        );
        assert!(unapplied.is_empty(), "{unapplied:?}");
        assert_eq!(page.articles[0].byline.authors, ["张铁"]);
        assert!(
            page.articles[0]
                .blocks
                .iter()
                .all(|b| !b.text.contains('铁'))
        );
    }

    #[test]
    fn a_credit_moves_to_the_article_it_belongs_to() {
        let mut page = crate::parse_str(MISREAD, "p.txt");
        let credit = at(MISREAD, "本报记者 林海");
        let first = page
            .articles
            .iter()
            .position(|a| a.span[0] <= credit.span[0] && credit.span[0] < a.span[1])
            .expect("the credit's article");
        assert!(page.articles.len() >= 2, "{:?}", page.articles.len());
        let other = if first == 0 { 1 } else { 0 };
        let to_line = at(MISREAD, &page_first_line(&page, MISREAD, other));
        let unapplied = apply(
            &mut page,
            MISREAD,
            &[Correction::MoveCredit {
                line: credit,
                to: to_line,
            }],
        );
        assert!(unapplied.is_empty(), "{unapplied:?}");
        assert!(
            !page.articles[first]
                .byline
                .reporters
                .contains(&"林海".to_owned())
        );
        assert!(
            page.articles[other]
                .byline
                .reporters
                .contains(&"林海".to_owned())
        );
    }

    fn page_first_line(page: &crate::Page, text: &str, article: usize) -> String {
        super::article_lines(page, text, article)
            .first()
            .map(|l| l.line.text.clone())
            .unwrap_or_default()
    }
}
