//! Article boundaries and the assembly of each article from its lines.
//!
//! Two passes. The first walks the classified lines once and gives each line an owner: an
//! article or the page's unassigned fragments. A run of short lines becomes a new article's
//! headline group or a section heading of the current one, decided by what follows the run
//! (a dateline lead or a byline means a new article), by whether the current paragraph was
//! cut (then the run sits inside a column break), and by headline-only signs (a merged
//! `引题—— 主题` line, a `——副题`, a column label). The second pass builds each article from
//! its contiguous lines.

use crate::byline::{
    Credits, parse_author_line, parse_byline_line, parse_credits, parse_dateline,
    photo_credit_suffix,
};
use crate::header::{is_page_name, parse_editors, parse_header_line};
use crate::lines::{Class, LabelKind, Line, is_circled, label_kind};
use crate::normalize::{ends_sentence, fnv1a32, fullwidth};
use crate::{Article, Block, BlockKind, Byline, Fragment, Kind, Meta, Why};

/// Who a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Article(usize),
    Fragment(Why),
}

/// What the first pass decided about an article besides its lines.
#[derive(Debug, Clone, Default)]
struct Plan {
    /// A column label inherited from the label above a run of briefs.
    column: Option<String>,
    brief: bool,
}

/// The state of the article the first pass is filling.
#[derive(Debug, Clone)]
struct Current {
    index: usize,
    /// It has body text or a caption (not only a headline group and byline).
    body: bool,
    /// An end byline closed it: only more byline lines may still join.
    closed: bool,
    /// Its last paragraph was cut by a column break.
    cut: bool,
    brief: bool,
    column: Option<String>,
}

/// The parse of a page's text, before diagnostics.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub meta: Meta,
    pub articles: Vec<Article>,
    pub unassigned: Vec<Fragment>,
}

/// Segments classified lines into articles and unassigned fragments.
pub(crate) fn parse(text: &str, lines: &mut [Line<'_>]) -> Parsed {
    let mut meta = Meta::default();
    let mut owners: Vec<Owner> = Vec::with_capacity(lines.len());
    let mut plans: Vec<Plan> = Vec::new();
    let mut i = header_zone(lines, &mut meta, &mut owners);
    let mut cur: Option<Current> = None;

    let start = |plans: &mut Vec<Plan>, column: Option<String>, brief: bool| -> Current {
        plans.push(Plan {
            column: column.clone(),
            brief,
        });
        Current {
            index: plans.len() - 1,
            body: false,
            closed: false,
            cut: false,
            brief,
            column,
        }
    };

    while let Some(line) = lines.get(i) {
        match line.class {
            Class::Editors => {
                if let Some(e) = parse_editors(line.text) {
                    meta.editors.extend(e);
                }
                owners.push(Owner::Fragment(Why::Editors));
                cur = None;
            }
            Class::Header => {
                fill_header(&mut meta, line.text);
                owners.push(Owner::Fragment(Why::PageHeader));
                cur = None;
            }
            Class::Jump => {
                owners.push(Owner::Fragment(Why::Jump));
                cur = None;
            }
            Class::Noise => match &cur {
                Some(c) => owners.push(Owner::Article(c.index)),
                None => owners.push(Owner::Fragment(Why::Noise)),
            },
            Class::AuthorNote => match &mut cur {
                Some(c) => {
                    // `(作者单位:…)` ends a commentary.
                    c.closed = c.body;
                    owners.push(Owner::Article(c.index));
                }
                None => owners.push(Owner::Fragment(Why::Noise)),
            },
            Class::Byline | Class::Author => {
                let c = match cur.take() {
                    Some(mut c) => {
                        if c.body {
                            c.closed = true;
                        }
                        c
                    }
                    None => start(&mut plans, None, false),
                };
                owners.push(Owner::Article(c.index));
                cur = Some(c);
            }
            Class::Caption => {
                let mut c = match cur.take() {
                    Some(c) if !c.closed => c,
                    _ => start(&mut plans, None, false),
                };
                c.body = true;
                owners.push(Owner::Article(c.index));
                cur = Some(c);
            }
            Class::Dateline | Class::Text => {
                let mut c = match cur.take() {
                    Some(c) if !(c.closed || line.class == Class::Dateline && c.body && !c.cut) => {
                        c
                    }
                    Some(c) if !c.closed && c.brief => {
                        let column = c.column.clone();
                        start(&mut plans, column, true)
                    }
                    _ => start(&mut plans, None, false),
                };
                c.body = true;
                c.cut = !ends_sentence(line.text);
                owners.push(Owner::Article(c.index));
                cur = Some(c);
            }
            Class::Label(_) | Class::Short | Class::Merged | Class::Subtitle | Class::Numbered => {
                let mut j = i;
                while lines
                    .get(j)
                    .is_some_and(|l| l.class.is_headline() || l.class == Class::Noise)
                {
                    j += 1;
                }
                let run = lines.get(i..j).unwrap_or(&[]);
                let next = lines.get(j).map(|l| l.class);
                let labels: Vec<(&str, LabelKind)> = run
                    .iter()
                    .filter_map(|l| match l.class {
                        Class::Label(k) => Some((l.text, k)),
                        _ => None,
                    })
                    .collect();
                let heads = run.iter().filter(|l| l.class != Class::Noise).count();
                let only_labels = labels.len() == heads;
                let headline_only = run
                    .iter()
                    .any(|l| matches!(l.class, Class::Merged | Class::Subtitle | Class::Label(_)));
                let all_numbered = run
                    .iter()
                    .all(|l| matches!(l.class, Class::Numbered | Class::Noise));
                let lead_follows = next == Some(Class::Text)
                    && lines.get(j).is_some_and(|l| l.text.ends_with('…'));
                let credit_follows =
                    matches!(next, Some(Class::Dateline | Class::Byline | Class::Author));
                // A headline over captions that end in a photo credit is photo news, not a
                // section heading of the article before it.
                let mut after_captions = j;
                while lines
                    .get(after_captions)
                    .is_some_and(|l| l.class == Class::Caption)
                {
                    after_captions += 1;
                }
                let photo_follows = next == Some(Class::Caption)
                    && lines
                        .get(after_captions)
                        .is_some_and(|l| l.class == Class::Byline);
                let new = match &cur {
                    None => true,
                    Some(c) if c.closed => true,
                    Some(_) if credit_follows => true,
                    Some(c) if !c.cut && photo_follows => true,
                    Some(c) if c.cut => false,
                    Some(_) if headline_only => true,
                    Some(c) if c.brief => !all_numbered,
                    Some(_) => lead_follows && !all_numbered,
                };
                let furniture = only_labels
                    && matches!(
                        next,
                        None | Some(Class::Jump | Class::Editors | Class::Header | Class::Label(_))
                    );
                if furniture && new {
                    for l in run {
                        owners.push(Owner::Fragment(if l.class == Class::Noise {
                            Why::Noise
                        } else {
                            Why::Furniture
                        }));
                    }
                    cur = None;
                } else if new {
                    let brief_label = labels.iter().any(|(_, k)| *k == LabelKind::Brief);
                    let inherit = cur.as_ref().is_some_and(|c| c.brief)
                        && labels.is_empty()
                        && !credit_follows_byline(next)
                        && !run
                            .iter()
                            .any(|l| matches!(l.class, Class::Merged | Class::Subtitle));
                    let brief = brief_label || inherit;
                    let column = if inherit {
                        cur.as_ref().and_then(|c| c.column.clone())
                    } else {
                        labels.first().map(|(t, _)| (*t).to_owned())
                    };
                    let c = start(&mut plans, column, brief);
                    owners.extend(run.iter().map(|_| Owner::Article(c.index)));
                    cur = Some(c);
                } else if let Some(c) = &mut cur {
                    let sentence_like = heads == 1
                        && run
                            .iter()
                            .any(|l| l.class == Class::Short && l.text.contains(['，', ',']));
                    owners.extend(run.iter().map(|_| Owner::Article(c.index)));
                    if sentence_like {
                        // A heading has no comma; a short line with one inside an article is
                        // the head of a paragraph cut by a column break.
                        for l in lines.get_mut(i..j).unwrap_or(&mut []) {
                            if l.class == Class::Short {
                                l.class = Class::Text;
                                c.cut = !ends_sentence(l.text);
                                c.body = true;
                            }
                        }
                    }
                }
                i = j;
                continue;
            }
        }
        i += 1;
    }

    let mut unassigned = Vec::new();
    let mut articles = Vec::new();
    let hash = fnv1a32(text.as_bytes());
    let mut k = 0;
    while k < lines.len() {
        match owners.get(k).copied() {
            Some(Owner::Fragment(why)) => {
                if let Some(l) = lines.get(k) {
                    unassigned.push(fragment(l, why));
                }
                k += 1;
            }
            None => {
                // Every line gets an owner in the first pass; this only guards the invariant.
                if let Some(l) = lines.get(k) {
                    unassigned.push(fragment(l, Why::Noise));
                }
                k += 1;
            }
            Some(Owner::Article(a)) => {
                let mut end = k;
                while owners.get(end) == Some(&Owner::Article(a)) {
                    end += 1;
                }
                let mut first = k;
                let mut last = end;
                // Stray lines at an article's edges belong to the page, not to the article.
                while first < last && lines.get(first).is_some_and(|l| l.class == Class::Noise) {
                    first += 1;
                }
                while last > first && lines.get(last - 1).is_some_and(|l| l.class == Class::Noise) {
                    last -= 1;
                }
                let plan = plans.get(a).cloned().unwrap_or_default();
                let built = lines
                    .get(first..last)
                    .and_then(|ls| build(ls, &plan, hash, articles.len() + 1));
                for l in lines.get(k..first).unwrap_or(&[]) {
                    unassigned.push(fragment(l, Why::Noise));
                }
                match built {
                    Some(article) => articles.push(article),
                    None => {
                        for l in lines.get(first..last).unwrap_or(&[]) {
                            let why = if matches!(l.class, Class::Label(_)) {
                                Why::Furniture
                            } else {
                                Why::Noise
                            };
                            unassigned.push(fragment(l, why));
                        }
                    }
                }
                for l in lines.get(last..end).unwrap_or(&[]) {
                    unassigned.push(fragment(l, Why::Noise));
                }
                k = end;
            }
        }
    }
    unassigned.sort_by_key(|f| f.span[0]);
    Parsed {
        meta,
        articles,
        unassigned,
    }
}

fn credit_follows_byline(next: Option<Class>) -> bool {
    matches!(next, Some(Class::Byline | Class::Author))
}

fn fragment(l: &Line<'_>, why: Why) -> Fragment {
    Fragment {
        text: l.text.to_owned(),
        span: [l.start, l.end()],
        why,
    }
}

fn fill_header(meta: &mut Meta, text: &str) {
    if let Some(h) = parse_header_line(text) {
        if meta.date.is_none() {
            meta.date = h.date;
        }
        if meta.page.is_none() {
            meta.page = h.page;
        }
        if meta.section.is_none() {
            meta.section = h.section;
        }
        meta.editors.extend(h.editors);
    }
}

/// Takes the page header off the top: date, page number, page name and editor lines.
fn header_zone(lines: &[Line<'_>], meta: &mut Meta, owners: &mut Vec<Owner>) -> usize {
    let mut i = 0;
    let mut seen = false;
    while let Some(line) = lines.get(i) {
        if line.class == Class::Editors {
            if let Some(e) = parse_editors(line.text) {
                meta.editors.extend(e);
            }
            owners.push(Owner::Fragment(Why::Editors));
        } else if let Some(h) = parse_header_line(line.text) {
            let section_only = h.date.is_none() && h.page.is_none() && !h.other;
            // A lone page name counts only right under a date or page number: on its own
            // at the top, `评论` or `图片新闻` is a column label.
            let known = h.section.as_deref().is_some_and(is_page_name);
            if section_only && !(seen && known && meta.section.is_none()) {
                break;
            }
            fill_header(meta, line.text);
            owners.push(Owner::Fragment(Why::PageHeader));
        } else {
            break;
        }
        seen = true;
        i += 1;
    }
    i
}

/// A block while its text is still being joined across column breaks.
#[derive(Debug)]
struct Draft {
    kind: BlockKind,
    raw: String,
    marker: Option<String>,
    span: [usize; 2],
    /// Byte length of the last source line joined into `raw`.
    tail: usize,
}

fn merge(byline: &mut Byline, c: Credits) {
    let add = |list: &mut Vec<String>, names: Vec<String>| {
        for n in names {
            if !list.contains(&n) {
                list.push(n);
            }
        }
    };
    add(&mut byline.reporters, c.reporters);
    add(&mut byline.correspondents, c.correspondents);
    add(&mut byline.photographers, c.photographers);
    add(&mut byline.authors, c.authors);
}

/// Builds one article from its lines; `None` if they hold nothing an article could show.
fn build(lines: &[Line<'_>], plan: &Plan, hash: u32, ordinal: usize) -> Option<Article> {
    let first = lines.first()?;
    let last = lines.last()?;
    let mut k = 0;
    let mut labels: Vec<&str> = Vec::new();
    let mut heads: Vec<&Line<'_>> = Vec::new();
    while let Some(l) = lines.get(k) {
        match l.class {
            Class::Label(_) => labels.push(l.text),
            Class::Noise => {}
            c if c.is_headline() => heads.push(l),
            _ => break,
        }
        k += 1;
    }
    let (kicker, title, subtitle) = headline(&heads);
    // A bullet that sets off the items of a brief list (`●我市启动…`) is no part of the title.
    let title = match title.strip_prefix(TITLE_BULLETS) {
        Some(rest) if !rest.trim().is_empty() => rest.trim_start().to_owned(),
        _ => title,
    };
    let mut column = labels
        .first()
        .map(|s| fullwidth(s))
        .or_else(|| plan.column.as_deref().map(fullwidth));
    let mut byline = Byline::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Option<usize> = None;
    let mut dateline: Option<String> = None;
    // Opened by a dateline lead or a bracketed credit: news either way.
    let mut led = false;
    let mut has_paragraph = false;
    for l in lines.get(k..).unwrap_or(&[]) {
        match l.class {
            Class::Noise | Class::Editors | Class::Header | Class::Jump => {}
            Class::Byline => {
                if let Some(c) = parse_byline_line(l.text) {
                    merge(&mut byline, c);
                }
                byline.raw.push(l.text.to_owned());
                pending = None;
            }
            Class::Author => {
                if let Some(c) = parse_author_line(l.text) {
                    merge(&mut byline, c);
                }
                byline.raw.push(l.text.to_owned());
                pending = None;
            }
            Class::AuthorNote => {
                byline.raw.push(l.text.to_owned());
                pending = None;
            }
            Class::Caption => drafts.push(caption(l, &mut byline)),
            Class::Label(_) if column.is_none() => column = Some(fullwidth(l.text)),
            Class::Label(_) | Class::Short | Class::Merged | Class::Subtitle | Class::Numbered => {
                drafts.push(Draft {
                    kind: BlockKind::Heading,
                    raw: l.text.to_owned(),
                    marker: None,
                    span: [l.start, l.end()],
                    tail: l.text.len(),
                });
            }
            Class::Dateline | Class::Text => {
                let mut body = l.text;
                let mut start = l.start;
                if !led
                    && !has_paragraph
                    && pending.is_none()
                    && let Some(d) = parse_dateline(body)
                {
                    dateline = d.dateline.map(fullwidth);
                    led = true;
                    if let Some(c) = d.credits {
                        merge(&mut byline, c);
                    }
                    if let Some(raw) = d.raw {
                        byline.raw.push(raw.to_owned());
                    }
                    body = body.get(d.rest..).unwrap_or("");
                    start += d.rest;
                }
                if body.is_empty() {
                    continue;
                }
                let at = match pending.and_then(|p| drafts.get_mut(p).map(|d| (p, d))) {
                    Some((p, d)) => {
                        d.raw.push_str(body);
                        d.span[1] = start + body.len();
                        d.tail = body.len();
                        p
                    }
                    None => {
                        has_paragraph = true;
                        drafts.push(Draft {
                            kind: BlockKind::Paragraph,
                            raw: body.to_owned(),
                            marker: None,
                            span: [start, start + body.len()],
                            tail: body.len(),
                        });
                        drafts.len() - 1
                    }
                };
                pending = (!ends_sentence(body)).then_some(at);
            }
        }
    }

    trailing_credit(&mut drafts, &mut byline);
    let paragraphs = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .count();
    let mut lead = None;
    if !led
        && paragraphs >= 2
        && let Some(d) = drafts.first()
        && d.kind == BlockKind::Paragraph
        && d.raw.ends_with('…')
    {
        lead = Some(fullwidth(&d.raw));
        drafts.remove(0);
    }
    let blocks: Vec<Block> = drafts
        .into_iter()
        .map(|d| Block {
            kind: d.kind,
            text: fullwidth(&d.raw),
            marker: d.marker,
            span: d.span,
        })
        .collect();
    let empty_byline = byline.raw.is_empty();
    if title.is_empty()
        && blocks.is_empty()
        && lead.is_none()
        && dateline.is_none()
        && empty_byline
        && kicker.is_none()
        && subtitle.is_none()
    {
        return None;
    }
    let kind = kind_of(plan, column.as_deref(), &blocks, &byline, led);
    Some(Article {
        id: format!("{hash:08x}-{ordinal}"),
        kind,
        column,
        kicker,
        title,
        subtitle,
        dateline,
        byline,
        lead,
        blocks,
        span: [first.start, last.end()],
    })
}

/// Takes a credit in brackets off the end of the last paragraph: briefs end `…。(记者 刘洋)`.
fn trailing_credit(drafts: &mut Vec<Draft>, byline: &mut Byline) {
    let Some(d) = drafts.last_mut().filter(|d| d.kind == BlockKind::Paragraph) else {
        return;
    };
    let Some(body) = d.raw.strip_suffix([')', '）']) else {
        return;
    };
    let Some((open, c)) = body
        .char_indices()
        .rev()
        .take(40)
        .find(|&(_, c)| c == '(' || c == '（')
    else {
        return;
    };
    // The credit must lie on the paragraph's last source line for the span to shrink by it.
    if d.raw.len() - open > d.tail {
        return;
    }
    let Some(inner) = body.get(open + c.len_utf8()..) else {
        return;
    };
    let Some(credits) = parse_credits(inner.trim(), None, false) else {
        return;
    };
    let credit = d.raw.get(open..).unwrap_or("").to_owned();
    let head = d.raw.get(..open).unwrap_or("").trim_end().to_owned();
    merge(byline, credits);
    byline.raw.push(credit);
    if head.is_empty() {
        drafts.pop();
    } else {
        d.span[1] = d.span[1].saturating_sub(d.raw.len() - head.len());
        d.raw = head;
    }
}

/// Marks that set off the titles of briefs in a list.
const TITLE_BULLETS: &[char] = &['●', '○', '◆', '◇', '▶', '►', '■', '□', '★', '☆', '•', '·'];

/// Assigns headline lines to kicker, title and subtitle.
fn headline(heads: &[&Line<'_>]) -> (Option<String>, String, Option<String>) {
    let join = |ls: &[&Line<'_>]| -> Option<String> {
        let parts: Vec<String> = ls.iter().map(|l| fullwidth(l.text)).collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    };
    if let Some(m) = heads.iter().position(|l| l.class == Class::Merged) {
        let line = heads.get(m).map_or("", |l| l.text);
        let split = line.find("——").unwrap_or(line.len());
        let left = line.get(..split).unwrap_or("").trim();
        let right = line
            .get(split..)
            .unwrap_or("")
            .trim_start_matches('—')
            .trim();
        let mut kicker: Vec<String> = heads
            .get(..m)
            .unwrap_or(&[])
            .iter()
            .map(|l| fullwidth(l.text))
            .collect();
        kicker.push(fullwidth(left));
        let subtitle = join(heads.get(m + 1..).unwrap_or(&[]));
        return (Some(kicker.join(" ")), fullwidth(right), subtitle);
    }
    let (subs, mains): (Vec<&Line<'_>>, Vec<&Line<'_>>) =
        heads.iter().partition(|l| l.class == Class::Subtitle);
    let dash_sub = join(&subs);
    match mains.as_slice() {
        [] => match subs.split_first() {
            Some((t, rest)) => (None, fullwidth(t.text), join(rest)),
            None => (None, String::new(), None),
        },
        [t] => (None, fullwidth(t.text), dash_sub),
        [a, b] => {
            if dash_sub.is_some() || looks_like_kicker(a.text) {
                (Some(fullwidth(a.text)), fullwidth(b.text), dash_sub)
            } else {
                (None, fullwidth(a.text), Some(fullwidth(b.text)))
            }
        }
        [a, b, rest @ ..] => {
            let mut sub: Vec<String> = rest.iter().map(|l| fullwidth(l.text)).collect();
            sub.extend(dash_sub);
            (
                Some(fullwidth(a.text)),
                fullwidth(b.text),
                Some(sub.join(" ")),
            )
        }
    }
}

/// A first headline line that leads into the title rather than being it.
fn looks_like_kicker(s: &str) -> bool {
    s.ends_with("——")
        || s.ends_with('：')
        || s.ends_with(':')
        || s.ends_with('…')
        || s.starts_with("聚焦")
}

fn caption(l: &Line<'_>, byline: &mut Byline) -> Draft {
    let stripped = l.text.trim_start_matches(['-', '·', '•']).trim_start();
    let mut marker = None;
    let mut text = stripped;
    if let Some(c) = stripped.chars().next()
        && (is_circled(c) || matches!(c, '▲' | '△' | '↑' | '↓' | '▼'))
    {
        marker = Some(c.to_string());
        text = stripped.get(c.len_utf8()..).unwrap_or("").trim_start();
    }
    if let Some((at, credits)) = photo_credit_suffix(text)
        && at > 0
        && let (Some(head), Some(credit)) = (text.get(..at), text.get(at..))
    {
        merge(byline, credits);
        byline.raw.push(credit.trim().to_owned());
        text = head.trim_end();
    }
    Draft {
        kind: BlockKind::Caption,
        raw: text.to_owned(),
        marker,
        span: [l.start, l.end()],
        tail: 0,
    }
}

fn kind_of(
    plan: &Plan,
    column: Option<&str>,
    blocks: &[Block],
    byline: &Byline,
    dateline: bool,
) -> Kind {
    let label = column.and_then(label_kind);
    let paragraphs: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    let body_chars: usize = paragraphs.iter().map(|b| b.text.chars().count()).sum();
    let captions = blocks.iter().any(|b| b.kind == BlockKind::Caption);
    let headings = blocks.iter().any(|b| b.kind == BlockKind::Heading);
    if plan.brief || label == Some(LabelKind::Brief) {
        Kind::Brief
    } else if !byline.authors.is_empty() || label == Some(LabelKind::Commentary) {
        Kind::Commentary
    } else if label == Some(LabelKind::Photo)
        || (captions && paragraphs.is_empty())
        || (captions
            && !dateline
            && !byline.photographers.is_empty()
            && paragraphs.len() <= 2
            && body_chars < 300)
    {
        Kind::Photo
    } else if !headings && paragraphs.len() <= 1 && body_chars < 100 {
        Kind::Brief
    } else if dateline {
        Kind::News
    } else {
        Kind::Feature
    }
}
