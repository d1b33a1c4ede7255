//! One article built from its lines: headline group, credits, lead and body blocks.

use crate::byline::{
    Credits, author_note_credits, glued_credit, is_author_note, parse_author_line,
    parse_byline_line, parse_credits, parse_dateline, parse_reprint, photo_credit_suffix,
};
use crate::headline;
use crate::lines::{Class, LabelKind, Line, is_circled, label_kind};
use crate::names::bare_names;
use crate::normalize::{code_tail, ends_sentence, fullwidth};
use crate::segment::{PageTraits, Plan};
use crate::{Article, Block, BlockKind, Byline, Diagnostic, DiagnosticCode, Kind};

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

impl Draft {
    /// A block of one whole line of the page.
    fn line(kind: BlockKind, l: &Line<'_>) -> Draft {
        Draft {
            kind,
            raw: l.text.to_owned(),
            marker: None,
            span: [l.start, l.end()],
            tail: l.text.len(),
        }
    }

    /// Whether the text from byte `at` on lies on the block's last source line, so that the
    /// span can shrink by it when it is cut off.
    fn tail_on_last_line(&self, at: usize) -> bool {
        self.raw.len() - at <= self.tail
    }

    /// Cuts the text from byte `at` on off the block (a credit glued to its end), shrinking the
    /// span by it; returns the cut text, trimmed.
    fn cut_tail(&mut self, at: usize) -> String {
        let tail = self.raw.get(at..).unwrap_or("").trim().to_owned();
        let head = self.raw.get(..at).unwrap_or("").trim_end().len();
        self.span[1] = self.span[1].saturating_sub(self.raw.len() - head);
        self.raw.truncate(head);
        tail
    }
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
/// Uncertain readings (a guessed headline reading or name split) are reported in `diagnostics`.
pub(crate) fn build(
    lines: &[Line<'_>],
    plan: &Plan,
    page: PageTraits,
    hash: u32,
    ordinal: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Article> {
    let first = lines.first()?;
    let last = lines.last()?;
    let mut k = 0;
    let mut heads: Vec<&Line<'_>> = Vec::new();
    let mut authors: Vec<String> = Vec::new();
    let mut signer_span: Option<[usize; 2]> = None;
    while let Some(l) = lines.get(k) {
        match l.class {
            Class::Noise => {}
            // A name-shaped line opening an article is its title (`童  趣` over a photo).
            Class::Name if heads.is_empty() && k == 0 && lines.len() > 1 => heads.push(l),
            Class::Name if !heads.is_empty() => {
                authors.extend(crate::names::names_of_name_line(l.text).unwrap_or_default());
                signer_span = Some([l.start, l.end()]);
            }
            // A body signing under the headline (`中共某某省委宣传部`, `本报评论员`), with no
            // further headline line after it: the author.
            Class::Short | Class::Text
                if !heads.is_empty()
                    && crate::names::signing_body(l.text)
                    && !lines.get(k + 1).is_some_and(|n| n.class.is_headline()) =>
            {
                authors.push(fullwidth(l.text));
                signer_span = Some([l.start, l.end()]);
            }
            // A numbered or bracketed heading under the title opens the text.
            Class::Numbered if !heads.is_empty() => break,
            c if c.is_headline() => heads.push(l),
            _ => break,
        }
        k += 1;
    }
    let h = headline::read(&heads);
    let head_span = heads
        .first()
        .zip(heads.last())
        .map(|(a, b)| [a.start, b.end()]);
    if h.guessed
        && let (Some(a), Some(b)) = (heads.first(), heads.last())
    {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::KickerOrTitle,
            message:
                "the headline's lines could be read as kicker, title and subtitle in another way"
                    .to_owned(),
            span: Some([a.start, b.end()]),
        });
    }
    let (kicker, title, subtitle) = (h.kicker, h.title, h.subtitle);
    // A bullet that sets off the items of a brief list (`●我市启动…`) is no part of the title.
    let title = match title.strip_prefix(TITLE_BULLETS) {
        Some(rest) if !rest.trim().is_empty() => rest.trim_start().to_owned(),
        _ => title,
    };
    // A column in brackets after the title, as web exports print it: `唤醒城市的“诗心”（金台随笔）`.
    let (title, bracket_column) = match crate::lines::column_after_title(&title) {
        Some((head, column)) => (head.to_owned(), Some(column.to_owned())),
        None => (title, None),
    };
    let mut column = h
        .column
        .or(bracket_column)
        .or_else(|| plan.column.as_deref().map(fullwidth));
    let mut byline = Byline::default();
    // Names printed bare under the headline: authors, unless the text reads as a report.
    let signers = authors.clone();
    if !authors.is_empty() {
        merge(
            &mut byline,
            Credits {
                authors,
                ..Credits::default()
            },
        );
        byline.raw.extend(
            heads
                .last()
                .and_then(|_| lines.get(k.saturating_sub(1)))
                .map(|l| l.text.to_owned()),
        );
    }
    let mut guessed: Option<[usize; 2]> = None;
    // Where names with no role word were read as reporters (`（某某）`).
    let mut unmarked: Option<[usize; 2]> = None;
    // A line that is only a photo credit (`新华社记者 陶亮摄`) was read.
    let mut credit_only = false;
    // An agency's credit on a line of its own under the text (`新华社 发`).
    let mut agency_alone = false;
    // The reporters of a credit line standing under the text (`本报记者 某某`), not bracketed.
    let mut credited_under_text: Option<Vec<String>> = None;
    // Credit lines under the text, with their place among the body lines.
    let mut under_text: Vec<(usize, Credits)> = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut pending: Option<usize> = None;
    // The text's first line joined with the next (see [`lead_joined`]): its span.
    let mut joined_lead: Option<[usize; 2]> = None;
    let mut dateline: Option<String> = None;
    // Opened by a dateline lead or a bracketed credit: news either way.
    let mut led = false;
    // The lines read are the items of a list (after `本期嘉宾：`).
    let mut in_list = false;
    // The lead's dateline credits a reporter or correspondent (`某某讯（记者某某）`).
    let mut lead_credited = false;
    // The dateline stood alone on its line (`本报讯`): its credit may open the next
    // (`(记者 某某)…`).
    let mut bare_dateline = false;
    // The lead's credit was cut by its line's end (`某某讯（记者`): what stands in its bracket.
    let mut open_credit: Option<&str> = None;
    // Where the dateline lead's paragraph starts among the blocks.
    let mut lead_at: Option<usize> = None;
    // Where the text's first paragraph is among the drafts, once there is one.
    let mut first_paragraph: Option<usize> = None;
    // The last text line read was indented.
    let mut previous_indented = false;
    // A paragraph of the text has ended a sentence.
    let mut sentence_ended = false;
    let body_lines = lines.get(k..).unwrap_or(&[]);
    let summary_lines = summary_lines(body_lines);
    // The last credit line read, by its place among the body's lines.
    let mut last_credit: Option<(usize, Credits)> = None;
    for (n, l) in body_lines.iter().enumerate() {
        // A list runs on while its items do.
        in_list = in_list && list_item(l);
        match l.class {
            Class::Noise | Class::Editors | Class::Header | Class::Citation | Class::Jump => {}
            Class::Byline => {
                if let Some((d, c)) = crate::byline::end_dateline_credit(l.text) {
                    dateline.get_or_insert_with(|| fullwidth(d));
                    if !drafts.is_empty() {
                        under_text.push((n, c.clone()));
                    }
                    merge(&mut byline, c);
                } else if let Some((at, before)) = &last_credit
                    && *at + 1 == n
                    && let Some(c) = credit_run_on(before, l.text)
                {
                    last_credit = Some((n, c.clone()));
                    if !drafts.is_empty() {
                        under_text.push((n, c.clone()));
                    }
                    merge(&mut byline, c);
                } else if let Some(c) = parse_byline_line(l.text) {
                    if let Some((at, before)) = &last_credit
                        && *at + 1 == n
                        && credit_cut_in_two(before, &c)
                    {
                        // The names of the line before took the photos too.
                        let took = before.reporters.iter().chain(&before.correspondents);
                        for name in took {
                            if !byline.photographers.contains(name) {
                                byline.photographers.push(name.clone());
                            }
                        }
                    }
                    last_credit = Some((n, c.clone()));
                    if c.guessed {
                        guessed = Some([l.start, l.end()]);
                    }
                    if c.unmarked {
                        unmarked = Some([l.start, l.end()]);
                    }
                    // A photographer's credit under the text (`本报记者 某某 摄`) ends a photo item.
                    credit_only |=
                        !drafts.is_empty() && (photo_credit_alone(&c) || photo_report(&c));
                    // A credit that says its names wrote the words (`记者 某某文`) keeps them
                    // the text's, whatever the text's length.
                    if !drafts.is_empty()
                        && reporters_alone(&c)
                        && !bracketed(l.text)
                        && !c.words_named
                    {
                        credited_under_text = Some(c.reporters.clone());
                    }
                    if !drafts.is_empty() {
                        under_text.push((n, c.clone()));
                    }
                    merge(&mut byline, c);
                } else if let Some(d) = parse_reprint(l.text) {
                    dateline.get_or_insert_with(|| fullwidth(d));
                } else if crate::byline::issued_by_agency_alone(l.text) {
                    agency_alone |= !drafts.is_empty();
                }
                byline.raw.push(l.text.to_owned());
                pending = None;
            }
            Class::Author | Class::Name | Class::AuthorNote => {
                if let Some(c) = signed_credits(l) {
                    merge(&mut byline, c);
                }
                // A web page's line of facts may name the column (`栏目：随手拍`).
                if column.is_none() && l.class == Class::Author {
                    column = crate::byline::web_meta_field(l.text, "栏目")
                        .filter(|_| crate::byline::is_web_meta_line(l.text))
                        .map(fullwidth);
                }
                byline.raw.push(l.text.to_owned());
                pending = None;
            }
            Class::Caption => {
                if let Some(d) = caption(l, &mut byline) {
                    drafts.push(d);
                } else {
                    credit_only = true;
                }
            }
            Class::Label(_) if column.is_none() && drafts.is_empty() => {
                column = Some(fullwidth(&crate::lines::unpad(l.text)));
            }
            Class::Numbered
                if column.is_none() && drafts.is_empty() && bracketed_column(l.text) =>
            {
                column = Some(crate::lines::bare_label(l.text).to_owned());
            }
            Class::Label(_)
            | Class::Short
            | Class::Merged
            | Class::Subtitle
            | Class::Numbered
            | Class::Sidebar
            | Class::EditorNote => {
                drafts.push(Draft::line(BlockKind::Heading, l));
            }
            Class::Text
                if crate::boundary::caption_over_credit(body_lines, n)
                    || crate::boundary::repeated_caption(body_lines, n) =>
            {
                if let Some(d) = caption(l, &mut byline) {
                    drafts.push(d);
                }
            }
            // A list's label in the text (`本期嘉宾：`): a heading over the list's items, each
            // a paragraph of its own.
            Class::Text
                if crate::lines::list_label(l.text)
                    && body_lines.get(n + 1).is_some_and(|i| {
                        list_item(i) || i.text.starts_with(['■', '●', '◆', '▲', '•'])
                    }) =>
            {
                drafts.push(Draft::line(BlockKind::Heading, l));
                pending = None;
                in_list = true;
            }
            Class::Text if in_list && list_item(l) => {
                drafts.push(Draft::line(BlockKind::Paragraph, l));
                first_paragraph.get_or_insert(drafts.len() - 1);
                pending = None;
            }
            Class::Text
                if page.unmarked_headings
                    && sentence_ended
                    && unmarked_heading(l.text)
                    && body_lines.get(n + 1).is_some_and(|next| {
                        matches!(next.class, Class::Text | Class::Lead)
                            // On a page that indents its paragraphs, an indented open line with
                            // the next at the margin is a paragraph cut by a column break.
                            && !(page.indented && l.indented && !next.indented)
                    }) =>
            {
                if heading_or_title(l.text) {
                    diagnostics.push(Diagnostic {
                        code: DiagnosticCode::HeadingOrTitle,
                        message: "read as a section heading; it could be the title of a new \
                                  article"
                            .to_owned(),
                        span: Some([l.start, l.end()]),
                    });
                }
                drafts.push(Draft::line(BlockKind::Heading, l));
                pending = None;
            }
            Class::Dateline | Class::Text | Class::Lead => {
                let mut body = l.text;
                let mut start = l.start;
                // The lead opens the text, or follows the headline's summary lines.
                let credit_under_dateline = bare_dateline && l.class == Class::Dateline;
                if (!led || credit_under_dateline)
                    && (first_paragraph.is_none() && pending.is_none()
                        || l.class == Class::Dateline)
                    && let Some(d) = parse_dateline(body)
                    && (!credit_under_dateline || d.dateline.is_none())
                {
                    if let Some(d) = d.dateline {
                        dateline = Some(fullwidth(d));
                    }
                    bare_dateline = d.rest >= body.len();
                    led = true;
                    lead_at = Some(drafts.len());
                    if let Some(c) = d.credits {
                        if c.guessed {
                            guessed = Some([l.start, l.start + d.rest]);
                        }
                        lead_credited |= !c.reporters.is_empty() || !c.correspondents.is_empty();
                        merge(&mut byline, c);
                    }
                    if let Some(raw) = d.raw {
                        byline.raw.push(raw.to_owned());
                    }
                    body = body.get(d.rest..).unwrap_or("");
                    start += d.rest;
                    // The credit's bracket closes on the next line.
                    if let Some(open) = crate::byline::credit_cut_at_line_end(body) {
                        open_credit = Some(open);
                        byline.raw.push(body.trim().to_owned());
                        continue;
                    }
                } else if let Some(open) = open_credit.take()
                    && let Some((at, c)) = crate::byline::credit_closed_on_next_line(open, body)
                {
                    lead_credited |= !c.reporters.is_empty() || !c.correspondents.is_empty();
                    merge(&mut byline, c);
                    byline.raw.push(body.get(..at).unwrap_or("").to_owned());
                    body = body.get(at..).unwrap_or("").trim_start();
                    start = l.end() - body.len();
                } else if led
                    && l.class == Class::Dateline
                    && let Some(c) = parse_dateline(body).and_then(|d| d.credits)
                {
                    // Another dispatch of a round-up under one headline: its reporters join
                    // the report's; its dateline stays in its paragraph, as printed.
                    merge(&mut byline, c);
                }
                open_credit = None;
                if body.is_empty() {
                    continue;
                }
                // Text after a photo credit: the credit named the pictures above the text, and
                // closed no photo item.
                credit_only = false;
                // On a page that indents its paragraphs, an indented line right after an
                // unpunctuated one starts a paragraph of its own (the one before was a lead or
                // ended without a mark); a cut paragraph goes on at the margin.
                if page.indented
                    && l.indented
                    && pending.is_some_and(|p| p + 1 == drafts.len())
                    && previous_indented
                {
                    pending = None;
                }
                // Nor does an indented line go on from a first line of text at the margin: the
                // indent starts a paragraph (the line above is a headline or a lead of its own).
                if l.indented
                    && !previous_indented
                    && pending.is_some()
                    && pending == first_paragraph
                {
                    pending = None;
                }
                previous_indented = l.indented;
                // A dateline opens the report's text: summary lines above it that end without
                // a mark are whole, not cut.
                if l.class == Class::Dateline {
                    pending = None;
                }
                // The items of a dated list (a résumé: `1984.04至1985.07 某某委员`) each stand
                // on their own line, ending in no mark.
                if let Some(d) = pending.and_then(|p| drafts.get(p))
                    && crate::lines::dated_item(d.raw.get(d.raw.len() - d.tail..).unwrap_or(""))
                    && crate::lines::dated_item(body)
                {
                    pending = None;
                }
                // Whether the paragraph going on is the text's first.
                let first = pending.is_some() && pending == first_paragraph;
                let at = match pending.and_then(|p| drafts.get_mut(p).map(|d| (p, d))) {
                    Some((p, d)) => {
                        if first && lead_joined(&d.raw) && joined_lead.is_none() {
                            joined_lead = Some([d.span[0], start + body.len()]);
                        }
                        d.raw.push_str(body);
                        d.span[1] = start + body.len();
                        d.tail = body.len();
                        p
                    }
                    None => {
                        first_paragraph.get_or_insert(drafts.len());
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
                sentence_ended |= ends_sentence(body);
                // A lead printed without final punctuation is whole; so is a summary line.
                pending = (!ends_sentence(body)
                    && !crate::lines::quotation_source(body)
                    && l.class != Class::Lead
                    && n >= summary_lines
                    && (!page.whole_paragraphs
                        || page.indented
                        || body.ends_with(['，', '、', ','])))
                .then_some(at);
                // A dateline lead with its reporter glued after its last sentence
                // (`长河日报消息 …基本相同。本报记者 某某`): the credit ends the lead.
                if l.class == Class::Dateline
                    && byline.reporters.is_empty()
                    && let Some(d) = drafts.get_mut(at)
                    && let Some((cut, credits)) = glued_credit(&d.raw)
                    && !credits.reporters.is_empty()
                    && d.tail_on_last_line(cut)
                {
                    let credit = d.cut_tail(cut);
                    merge(&mut byline, credits);
                    byline.raw.push(credit);
                    pending = None;
                    sentence_ended = true;
                }
            }
        }
    }

    trailing_credit(&mut drafts, &mut byline, &mut dateline);
    glued_reprint(&mut drafts, &mut byline, &mut dateline);
    let agency_photo = !led && (agency_credit(&mut drafts, &mut byline) || agency_alone);
    if let Some((names, credit)) = glued_end_credit(&mut drafts, &mut byline) {
        unmarked = credit.or(unmarked);
        if let Some(names) = names {
            credited_under_text = Some(names);
        }
    }
    for d in &mut drafts {
        if d.kind == BlockKind::Paragraph
            && let Some(at) = code_tail(&d.raw)
        {
            // An editor's code glued to the end (`②6`) is no part of the text; the span keeps it.
            d.raw.truncate(at);
        }
    }
    if let Some(names) = credited_under_text
        && !led
        && dateline.is_none()
        && credited_only_by(&byline, &names)
        && photo_by_its_reporters(&drafts)
    {
        byline.reporters.retain(|n| !names.contains(n));
        merge(
            &mut byline,
            Credits {
                photographers: names,
                ..Credits::default()
            },
        );
        credit_only = true;
        // A reporter's credit under one short text is a photo's, as papers credit their
        // pictures; the text may as well be a short report of its own.
        if let (Some(a), Some(b)) = (lines.first(), lines.last()) {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::RoleGuessed,
                message: "a reporter's credit under one short text read as the photographer's; \
                          the text could be a short report, not a picture's caption"
                    .to_owned(),
                span: Some([a.start, b.end()]),
            });
        }
    }
    if !led
        && dateline.is_none()
        && photo_by_its_reporters(&drafts)
        && let Some(mut names) = photo_credit_wrapped(&under_text)
    {
        byline.reporters.retain(|n| !names.contains(n));
        byline.correspondents.retain(|n| !names.contains(n));
        // In print order: the names of the line before the `摄` line first.
        for n in std::mem::take(&mut byline.photographers) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        byline.photographers = names;
        credit_only = true;
    }
    // One short undated text closed by a `摄影报道` credit (`…比赛。通讯员某某 记者某某 摄影报道`):
    // the picture's caption, reported and photographed by the names. A caption runs to a few
    // lines; a longer text is a short report with its picture.
    let text_chars: usize = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .map(|d| d.raw.chars().count())
        .sum();
    if !led
        && dateline.is_none()
        && !byline.photographers.is_empty()
        && text_chars <= 160
        && photo_by_its_reporters(&drafts)
        && byline.raw.last().is_some_and(|r| photo_report_credit(r))
    {
        credit_only = true;
    }
    photo_item_captions(
        &mut drafts,
        &byline,
        dateline.is_some(),
        credit_only,
        agency_photo,
    );
    caption_above_lead(&mut drafts, &byline, lead_at);
    credited_no_author(&mut byline);
    // Names with no role word closing a piece under an opinion column or on an opinion page
    // (`■短评` … `（李某）`) sign it: its authors.
    if unmarked.is_some()
        && !lead_credited
        && opinion_place(page, column.as_deref())
        && byline.correspondents.is_empty()
        && byline.photographers.is_empty()
    {
        let signed = std::mem::take(&mut byline.reporters);
        byline.authors.extend(signed);
    } else if let Some(span) = unmarked
        && byline_role_unsettled(&byline, lead_credited, &drafts)
    {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::RoleGuessed,
            message: "names in brackets with no role word read as reporters; they could be \
                      the authors"
                .to_owned(),
            span: Some(span),
        });
    }
    if let Some(span) = guessed {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::NameSplitGuessed,
            message: "names printed without spaces were split by guess".to_owned(),
            span: Some(span),
        });
    }
    let paragraphs = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .count();
    if let Some(span) = headings_over_little_text(&drafts) {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::HeadingOrTitle,
            message: "several lines read as section headings with little text between them: they \
                      may be other articles' titles, or text broken into short lines"
                .to_owned(),
            span: Some(span),
        });
    }
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
    let mut blocks: Vec<Block> = drafts
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
    // A name alone under the headline of a report whose lead credits its reporter names the
    // person in the picture there (`陈某某`), as a web copy leaves the picture's caption.
    let mut signers = signers;
    if let Some(span) = signer_span
        && lead_credited
        && name_over_credited_lead(&signers, &byline)
        && let Some(text) = lines
            .iter()
            .find(|l| l.start == span[0] && l.class == Class::Name)
            .map(|l| l.text)
    {
        byline.authors.retain(|n| !signers.contains(n));
        byline.raw.retain(|r| r != text);
        signers.clear();
        blocks.insert(
            0,
            Block {
                kind: BlockKind::Caption,
                text: fullwidth(text),
                marker: None,
                span,
            },
        );
    }
    let noted = lines
        .iter()
        .any(|l| l.class == Class::AuthorNote && is_author_note(l.text));
    let role = (!signers.is_empty()).then(|| signers_role(page, column.as_deref(), noted, &blocks));
    if role == Some(Signers::Guessed) {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::RoleGuessed,
            message: "names under the headline read as its authors; they could be reporters"
                .to_owned(),
            span: signer_span,
        });
    }
    if role == Some(Signers::ReportersByPage) {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::RoleGuessed,
            message: "names under the headline read as its reporters, as the front page prints \
                      them; they could be its authors"
                .to_owned(),
            span: signer_span,
        });
    }
    if matches!(role, Some(Signers::Reporters | Signers::ReportersByPage)) {
        byline.authors.retain(|n| !signers.contains(n));
        merge(
            &mut byline,
            Credits {
                reporters: signers,
                ..Credits::default()
            },
        );
    }
    if reported_writer(
        &byline,
        &blocks,
        opinion_place(page, column.as_deref()) || noted,
    ) || signed_dispatch(
        &byline,
        dateline.as_deref(),
        opinion_place(page, column.as_deref()) || noted,
    ) {
        let writers = std::mem::take(&mut byline.authors);
        merge(
            &mut byline,
            Credits {
                reporters: writers,
                ..Credits::default()
            },
        );
    }
    // A hotline story names its reporter in its text (`大河报记者张弢核实：…`), not in a byline.
    if [
        &byline.reporters,
        &byline.correspondents,
        &byline.photographers,
        &byline.authors,
    ]
    .iter()
    .all(|names| names.is_empty())
        && let Some((name, span)) = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .take(3)
            .find_map(|b| crate::byline::reporter_in_text(&b.text).map(|n| (n, b.span)))
    {
        byline.reporters.push(name);
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::RoleGuessed,
            message: "a reporter named at work in the text read as the article's reporter"
                .to_owned(),
            span: Some(span),
        });
    }
    let signs = Signs {
        column: column.as_deref(),
        dateline: led || dateline.is_some(),
        dated: dateline.is_some(),
        opinion_page: page.opinion,
        photo_page: page.photo,
        author_note: noted,
    };
    if let Some(span) = joined_lead {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::LeadJoined,
            message: "the text's first line, without final punctuation, was joined with the next; \
                      it may be a lead or summary line of its own"
                .to_owned(),
            span: Some(span),
        });
    }
    // A photo's caption between the headline and the lead, read as the subtitle: it opens
    // with the day the picture was taken (`7月11日，…运抵医院`), and a photographer is credited
    // with no other caption for the picture.
    let subtitle = match subtitle {
        Some(sub)
            if dated_caption(&sub)
                && !byline.photographers.is_empty()
                && !blocks.iter().any(|b| b.kind == BlockKind::Caption) =>
        {
            match lines.iter().find(|l| fullwidth(l.text) == sub) {
                Some(l) => {
                    blocks.insert(
                        0,
                        Block {
                            kind: BlockKind::Caption,
                            text: sub,
                            marker: None,
                            span: [l.start, l.end()],
                        },
                    );
                    None
                }
                None => Some(sub),
            }
        }
        other => other,
    };
    if let Some(span) = caption_or_text(&blocks, &byline, led || dateline.is_some()) {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::CaptionOrText,
            message: "read as a paragraph; it could be the caption of the article's photo"
                .to_owned(),
            span: Some(span),
        });
    }
    let kind = kind_of(plan, signs, &blocks, &byline);
    if kind == Kind::Photo {
        photo_words_as_captions(&mut blocks);
    }
    let (kicker, title) = if kind == Kind::Photo && subtitle.is_none() {
        let joined = kicker.is_some();
        let (kicker, title) = photo_title(kicker, title);
        // Two short lines read as one title: the smaller could be the kicker.
        if joined && kicker.is_none() {
            diagnostics.push(Diagnostic {
                code: DiagnosticCode::KickerOrTitle,
                message: "the photo's two headline lines were read as one title; the first \
                          could be its kicker"
                    .to_owned(),
                span: head_span,
            });
        }
        (kicker, title)
    } else {
        continued_title(kicker, title)
    };
    // A line taken for a column by its ending alone, standing alone over the text, is the
    // title (`铺路决战进行时` / `本报记者 某某` / text), not a column over an untitled item.
    let titled_by_label = title.trim().is_empty()
        && kicker.is_none()
        && column
            .as_deref()
            .is_some_and(crate::lines::label_by_ending_alone);
    let title = label_names_untitled(title, column.as_deref());
    let column = column.filter(|_| !titled_by_label);
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

/// A name credited with a role (`本报讯 某某报道`, `通讯员 某某`, `某某 摄`) is no author as
/// well: names printed bare under the headline (`作者：某某`, `沈某/蔡某`) that the credit
/// gives a role are that role's only.
fn credited_no_author(byline: &mut Byline) {
    let Byline {
        reporters,
        correspondents,
        photographers,
        authors,
        ..
    } = byline;
    authors.retain(|n| {
        !reporters.contains(n) && !correspondents.contains(n) && !photographers.contains(n)
    });
}

/// Whether the text's first line, joined with the next because it ends without punctuation,
/// reads as a whole line of its own as well: a clause or more (a comma inside, twenty
/// characters or more) ending in a Han character, as unpunctuated leads and summary lines do.
/// Then the join is reported, not undone: a column break cuts such lines as often.
fn lead_joined(first: &str) -> bool {
    first.chars().count() >= 20
        && first.contains(['，', ','])
        && first
            .chars()
            .next_back()
            .is_some_and(crate::normalize::is_han)
}

/// Whether a line standing between the headline and the text is a column label in square
/// brackets and nothing else (`【学子体验】`, `【光明时评】`). Inside the text the same shape is a
/// keyword heading (`【点评】`); with words after it (`【关键词】为鹿出警`) it is one everywhere.
fn bracketed_column(t: &str) -> bool {
    crate::lines::bracket_tag(t).is_some_and(|(w, after)| {
        t.starts_with('【')
            && after.is_empty()
            && (2..=8).contains(&w.chars().count())
            && w.chars().all(|c| crate::normalize::is_han(c) || c == '·')
    })
}

/// Whether a line opens with a day and a comma as a photo's caption does and a subtitle does
/// not: `8月2日，一批新药运抵江城市中心医院`.
fn dated_caption(t: &str) -> bool {
    let Some((day, rest)) = t.split_once('日') else {
        return false;
    };
    let Some((month, date)) = day.split_once('月') else {
        return false;
    };
    let digits =
        |s: &str| (1..=2).contains(&s.chars().count()) && s.chars().all(|c| c.is_ascii_digit());
    digits(month) && digits(date) && rest.starts_with(['，', ',']) && rest.chars().count() > 8
}

/// Whether a line inside the text of a page whose paragraphs are whole
/// ([`PageTraits::unmarked_headings`]) is a section heading (`新片接连上映，带动周边消费`): it ends
/// without a mark, and is short. Such a line after a paragraph that ended a sentence, with more
/// text after it, is no paragraph: a whole paragraph ends with a mark, and the summary lines
/// that do not stand above the text's first sentence.
fn unmarked_heading(t: &str) -> bool {
    // A quotation closing the line (`打通“最后一公里”`) ends no sentence unless a mark stands
    // inside it.
    let inner = crate::normalize::unquoted_end(t);
    (4..=40).contains(&t.chars().count())
        && !ends_sentence(inner)
        // A line running on into the next (`…不妨从一只旧手机讲起——`) or holding a sentence's
        // end (a caption's `…互动。以上图片均由某某提供`) is no heading.
        && !t.ends_with(['，', '、', ',', '—'])
        // `——摘自某某`: where the quotation above comes from.
        && !t.starts_with('—')
        && !t.contains(['。', '！', '？', '!', '?'])
}

/// Whether an unmarked section heading ([`unmarked_heading`]) is as long as a title rather than
/// a heading (`网红茶饮店因卫生问题一天被停业两家，品牌回应：不解决不开业`): section headings run to
/// about twenty characters, a web page's title to thirty and more. The reading is kept and
/// reported.
fn heading_or_title(t: &str) -> bool {
    t.chars().count() >= 24
}

/// Takes a credit in brackets off the end of the last paragraph: briefs end `…。(记者 刘洋)`,
/// reprints `…。（据新华社福州6月13日电）`.
/// How many of an article's first lines are summary lines printed above its dateline lead
/// (`要坚决克服侥幸松劲，保持高度警醒` over `本报讯 连日来…`): text lines before a dateline
/// within the first six. Each is a paragraph of its own, whatever its end: the dateline opens
/// the report, so nothing above it was cut by a column break.
fn summary_lines(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .take(6)
        .position(|l| l.class == Class::Dateline)
        .filter(|&at| {
            lines.get(..at).is_some_and(|above| {
                above
                    .iter()
                    .all(|l| matches!(l.class, Class::Text | Class::Lead))
            })
        })
        .unwrap_or(0)
}

fn trailing_credit(drafts: &mut Vec<Draft>, byline: &mut Byline, dateline: &mut Option<String>) {
    let Some(d) = drafts.last_mut().filter(|d| d.kind == BlockKind::Paragraph) else {
        return;
    };
    let Some((open, inner)) = crate::byline::closing_bracket(&d.raw) else {
        return;
    };
    if !d.tail_on_last_line(open) {
        return;
    }
    let credits = parse_credits(inner.trim(), None, false)
        .or_else(|| crate::byline::affiliated_signature(inner));
    let reprint = parse_reprint(inner.trim());
    if credits.is_none() && reprint.is_none() {
        return;
    }
    if let Some(r) = reprint
        && dateline.is_none()
    {
        *dateline = Some(fullwidth(r));
    }
    if let Some(credits) = credits {
        merge(byline, credits);
    }
    byline.raw.push(d.cut_tail(open));
    if d.raw.is_empty() {
        drafts.pop();
    }
}

/// Whether the reporters of names credited with no role word (`…。（某某）`) remain a guess:
/// no lead credits a reporter and no paragraph speaks of the reporter who wrote it.
fn byline_role_unsettled(byline: &Byline, lead_credited: bool, drafts: &[Draft]) -> bool {
    !lead_credited
        && !byline.reporters.is_empty()
        && !drafts
            .iter()
            .any(|d| d.kind == BlockKind::Paragraph && speaks_of_its_reporter(&d.raw))
}

/// An item of a list in the text (`本期嘉宾：` / `某某大学教授某某`): a short line of text that
/// ends no sentence and no clause (a verse's line ends in a comma).
fn list_item(l: &Line<'_>) -> bool {
    l.class == Class::Text
        && l.text.len() <= 160
        && l.text.chars().count() <= 40
        && !ends_sentence(l.text)
        && !l.text.ends_with(['，', '、', ',', '；'])
}

/// Whether the names under a headline are no credit of the report: one name, and the lead's
/// credit names others (`陈某某` / `某某晚报讯（记者余某某）…`).
fn name_over_credited_lead(signers: &[String], byline: &Byline) -> bool {
    signers.len() == 1
        && signers.iter().all(|n| {
            !byline.reporters.contains(n)
                && !byline.correspondents.contains(n)
                && !byline.photographers.contains(n)
        })
}

/// The credits of a line that signs an article: `□ 作者`, `文/作者`, a bare author name (`张  铁`), or
/// the reporter named in a `（作者为…，本报记者X采访整理）` note.
fn signed_credits(l: &Line<'_>) -> Option<Credits> {
    match l.class {
        Class::Author => parse_author_line(l.text)
            .or_else(|| crate::byline::words_credit(l.text))
            .or_else(|| crate::byline::web_meta_credit(l.text))
            .or_else(|| crate::byline::marked_name(l.text)),
        Class::Name => crate::names::names_of_name_line(l.text).map(|names| Credits {
            authors: names,
            ..Credits::default()
        }),
        Class::AuthorNote => author_note_credits(l.text),
        _ => None,
    }
}

/// Whether the writer a web copy names in its field (`作者：某某`) is the reporter: the article
/// is no opinion, names no other role, and its text speaks of its reporter (`记者来到…`), as a
/// news site copies a paper's report.
fn reported_writer(byline: &Byline, blocks: &[Block], opinion: bool) -> bool {
    !opinion
        && !byline.authors.is_empty()
        && byline.reporters.is_empty()
        && byline.correspondents.is_empty()
        && byline
            .raw
            .iter()
            .any(|r| r.trim_start().starts_with("作者"))
        && blocks
            .iter()
            .any(|b| b.kind == BlockKind::Paragraph && speaks_of_its_reporter(&b.text))
}

/// Whether the names printed bare (`宁某`) sign a report its outlet's own dateline leads
/// (`本报讯`, `本网讯`, `晨报讯`): its reporters, as no opinion carries such a dateline. Every
/// credit of the article is a bare name, and none names a role.
fn signed_dispatch(byline: &Byline, dateline: Option<&str>, opinion: bool) -> bool {
    !opinion
        && dateline.is_some_and(|d| d.ends_with('讯') && d.chars().count() <= 6)
        && !byline.authors.is_empty()
        && byline.reporters.is_empty()
        && byline.correspondents.is_empty()
        && byline.photographers.is_empty()
        && byline
            .raw
            .iter()
            .all(|r| crate::names::names_of_name_line(r).is_some())
}

/// Who the names printed bare under a headline are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signers {
    /// The article is opinion by its page, column or author note: its authors.
    Authors,
    /// Web exports drop `本报记者` before reporters' names: where the text speaks of its
    /// reporter (`告诉记者`, `记者了解到`), or where another article's on the same page does,
    /// they are reporters.
    Reporters,
    /// On the front page, with nothing else to settle it, they are read as reporters too, by
    /// the page alone (and reported).
    ReportersByPage,
    /// Nothing settles it: read as authors, by guess (and reported).
    Guessed,
}

/// Whether an article stands where opinion is printed: on an opinion page or under an opinion
/// column (`江岸时评`, `短评`).
fn opinion_place(page: PageTraits, column: Option<&str>) -> bool {
    page.opinion || column.and_then(label_kind) == Some(LabelKind::Commentary)
}

/// Settles who the names printed bare under a headline are ([`Signers`]).
fn signers_role(page: PageTraits, column: Option<&str>, noted: bool, blocks: &[Block]) -> Signers {
    let opinion = noted || opinion_place(page, column);
    let reported = || {
        page.bare_reporters
            || blocks
                .iter()
                .any(|b| b.kind == BlockKind::Paragraph && speaks_of_its_reporter(&b.text))
    };
    if opinion {
        Signers::Authors
    } else if reported() {
        Signers::Reporters
    } else if page.front {
        Signers::ReportersByPage
    } else {
        Signers::Guessed
    }
}

/// Whether a paragraph speaks of the reporter who wrote it: `告诉记者`, `接受记者采访`,
/// `记者了解到`, `记者在现场看到`, or of the paper in the reporter's place (`《某某新闻》昨日获悉`).
pub(crate) fn speaks_of_its_reporter(text: &str) -> bool {
    const BEFORE: [&str; 7] = ["告诉", "对", "向", "接受", "跟", "给", "带"];
    const AFTER: [&str; 16] = [
        "了解",
        "获悉",
        "看到",
        "注意到",
        "采访",
        "发现",
        "在",
        "从",
        "来到",
        "再次",
        "走进",
        "随",
        "致电",
        "询问",
        "实地",
        "探访",
    ];
    let reporter = text.match_indices("记者").any(|(i, w)| {
        let before = &text[..i];
        let after = &text[i + w.len()..];
        BEFORE.iter().any(|b| before.ends_with(b)) || AFTER.iter().any(|a| after.starts_with(a))
    });
    // The paper's name standing for its reporter: `《某某新闻》昨日获悉`, `接受《某某报》采访`.
    let paper = || {
        text.match_indices('》').any(|(i, w)| {
            let after = &text[i + w.len()..];
            let after = ["昨日", "昨天", "近日", "日前", "今天", "今日"]
                .iter()
                .find_map(|d| after.strip_prefix(d))
                .unwrap_or(after);
            let opened = text[..i].rfind('《').is_some_and(|o| {
                let name = &text[o + '《'.len_utf8()..i];
                name.ends_with(['报', '闻', '刊']) && name.chars().count() <= 8
            });
            opened
                && ["获悉", "了解到", "采访", "记者", "表示"]
                    .iter()
                    .any(|a| after.starts_with(a))
        })
    };
    reporter || paper()
}

/// Photo news prints a caption and a photographer, often with no caption marker: when an
/// article without dateline or headings holds at most two short paragraphs and ends in a
/// photo credit, its paragraphs are the photo's caption.
/// In a report credited with its photos (`（记者 某某 文/图）`), one short sentence standing
/// alone between the headline and the dateline lead is the photo's caption
/// (`志愿者向群众讲解环保知识。`).
fn caption_above_lead(drafts: &mut [Draft], byline: &Byline, lead_at: Option<usize>) {
    if lead_at != Some(1) || byline.photographers.is_empty() {
        return;
    }
    if let Some(d) = drafts.first_mut()
        && d.kind == BlockKind::Paragraph
        && d.raw.chars().count() <= 80
        && d.raw.ends_with('。')
        && d.raw.matches('。').count() == 1
    {
        d.kind = BlockKind::Caption;
    }
}

/// In a report credited with its photos and no caption of its own, a first paragraph of one
/// short sentence (`3月2日，市民在湖边赏花。`) may be the photo's caption: its span, to report.
fn caption_or_text(blocks: &[Block], byline: &Byline, dated: bool) -> Option<crate::model::Span> {
    let credited_photo = byline
        .photographers
        .iter()
        .any(|p| byline.reporters.contains(p) || byline.authors.contains(p));
    let paragraphs = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    let first = blocks.first()?;
    (credited_photo
        && !dated
        && paragraphs >= 3
        && !blocks.iter().any(|b| b.kind == BlockKind::Caption)
        && first.kind == BlockKind::Paragraph
        && first.text.chars().count() <= 60
        && first.text.ends_with('。')
        && first.text.matches(['。', '！', '？']).count() == 1)
        .then_some(first.span)
}

/// Whether a credit is a photo report's (`某某摄影报道`, `某某 文/图`, `本报记者 某 通讯员 某
/// 摄影报道`): every name reported and took the photos, and no one else is named.
fn photo_report(c: &Credits) -> bool {
    let reported = |n: &String| c.reporters.contains(n) || c.correspondents.contains(n);
    !c.photographers.is_empty()
        && c.authors.is_empty()
        && c.photographers.iter().all(reported)
        && c.reporters
            .iter()
            .chain(&c.correspondents)
            .all(|n| c.photographers.contains(n))
}

/// Whether two credit lines, one under the other, are one credit cut by a line's end, its
/// closing `摄影报道` crediting the names of both (`□记者 汪某` / `通讯员 唐某 摄影报道`): the
/// first names reporters or correspondents and no photographer, the second names only people
/// who both reported and took the photos.
fn credit_cut_in_two(first: &Credits, second: &Credits) -> bool {
    first.photographers.is_empty()
        && first.authors.is_empty()
        && !(first.reporters.is_empty() && first.correspondents.is_empty())
        && photo_report(second)
}

/// The names on a line under a credit line that run on from it (`通讯员 某乙 某丙` / `某丁 某戊`):
/// two names or more with no role word, in the role the line above closed with (its
/// correspondents, or else its reporters).
fn credit_run_on(before: &Credits, line: &str) -> Option<Credits> {
    let names = bare_names(line).filter(|n| n.len() >= 2)?;
    if !(before.authors.is_empty() && before.photographers.is_empty()) {
        return None;
    }
    if !before.correspondents.is_empty() {
        Some(Credits {
            correspondents: names,
            ..Credits::default()
        })
    } else if !before.reporters.is_empty() {
        Some(Credits {
            reporters: names,
            ..Credits::default()
        })
    } else {
        None
    }
}

/// Whether a credit names photographers only.
fn photo_credit_alone(c: &Credits) -> bool {
    !c.photographers.is_empty()
        && c.reporters.is_empty()
        && c.correspondents.is_empty()
        && c.authors.is_empty()
}

/// A photo's headline is a short phrase, often broken over two lines (`芒种将至` / `农事忙`):
/// two lines of six characters at most over a photo are one title, not kicker and title.
fn photo_title(kicker: Option<String>, title: String) -> (Option<String>, String) {
    let short = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count() <= 6;
    match kicker {
        Some(k) if short(&k) && short(&title) && !k.ends_with(['：', ':', '—']) => {
            (None, format!("{k} {title}"))
        }
        kicker => (kicker, title),
    }
}

/// Words that open a predicate and never a title of its own: a line of the headline that
/// starts with one (`即将开踢`) goes on from the line above it.
const PREDICATE_OPENINGS: [&str; 12] = [
    "即将", "将于", "正在", "已经", "已于", "终于", "仍然", "依然", "再度", "也将", "均已", "正式",
];

/// Question words that leave a line waiting for its predicate (`佳和豪苑何时` / `能用上暖气`).
const UNFINISHED_ENDINGS: [&str; 7] = ["何时", "为何", "如何", "能否", "是否", "何日", "咋就"];

/// A title broken over two lines, its subject above and its predicate under it
/// (`市首届毽球锦标赛` / `即将开踢`, `某某小区何时` / `能用上暖气`): one title, the lines joined by
/// a space, not a kicker over a title. Other kickers stay.
fn continued_title(kicker: Option<String>, title: String) -> (Option<String>, String) {
    match kicker {
        Some(k)
            if (PREDICATE_OPENINGS.iter().any(|w| title.starts_with(w))
                || UNFINISHED_ENDINGS.iter().any(|w| k.ends_with(w)))
                && title.chars().count() <= 10
                && !k.ends_with(['：', ':', '—', '，', ','])
                && !k.contains([' ', '\u{3000}', '，', ',']) =>
        {
            (None, format!("{k} {title}"))
        }
        kicker => (kicker, title),
    }
}

/// An item with no headline of its own under a label (`图片新闻` over a photo, `简讯` over a
/// brief) is listed and cited by the label, as a paper's index of back issues lists it.
fn label_names_untitled(title: String, column: Option<&str>) -> String {
    match column {
        Some(label) if title.trim().is_empty() && !label.trim().is_empty() => label.to_owned(),
        _ => title,
    }
}

/// Whether the byline names no one but `names`, as reporters.
fn credited_only_by(byline: &Byline, names: &[String]) -> bool {
    byline.reporters.iter().all(|n| names.contains(n))
        && byline.correspondents.is_empty()
        && byline.photographers.is_empty()
        && byline.authors.is_empty()
}

/// Whether a credit names reporters only.
fn reporters_alone(c: &Credits) -> bool {
    !c.reporters.is_empty()
        && c.photographers.is_empty()
        && c.correspondents.is_empty()
        && c.authors.is_empty()
}

fn bracketed(line: &str) -> bool {
    line.trim_start().starts_with(['（', '(', '【', '['])
}

/// Photo news on a front or picture page: a headline, one short paragraph that says what the
/// picture shows, and the reporter's name under it (`本报记者 某某`), with no dateline lead.
/// Its text is the caption and the reporter took the photo. Whatever carries a heading, a
/// second paragraph or more than a caption's length is a report with an end credit.
/// A photo credit wrapped over two lines under a photo item's caption (`本报记者 某某` /
/// `通讯员 某某 摄`): the `摄` ends the whole credit, so everyone named on both lines took the
/// photo. Returns the names of the line before the `摄` line.
fn photo_credit_wrapped(under_text: &[(usize, Credits)]) -> Option<Vec<String>> {
    let [(a, first), (b, second)] = under_text else {
        return None;
    };
    let names: Vec<String> = first
        .reporters
        .iter()
        .chain(&first.correspondents)
        .cloned()
        .collect();
    // Not where the first line says its names wrote the words (`记者 某某文` / `某某摄`).
    (*b == a + 1
        && first.photographers.is_empty()
        && first.authors.is_empty()
        && !first.words_named
        && !names.is_empty()
        && !second.photographers.is_empty()
        && second.reporters.is_empty()
        && second.authors.is_empty())
    .then_some(names)
}

/// The span of the first heading where an article holds three headings or more and no more
/// paragraphs than headings: a run of short lines that the page's shape did not explain (the
/// titles of articles whose starts were missed, or a text set in short lines).
fn headings_over_little_text(drafts: &[Draft]) -> Option<[usize; 2]> {
    let headings = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Heading)
        .count();
    let paragraphs = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .count();
    (headings >= 3 && headings >= paragraphs)
        .then(|| {
            drafts
                .iter()
                .find(|d| d.kind == BlockKind::Heading)
                .map(|d| d.span)
        })
        .flatten()
}

/// Whether a credit says its names reported and took the pictures: `记者某某 摄影报道`,
/// `某某 图文报道`.
fn photo_report_credit(credit: &str) -> bool {
    let credit = credit.trim().trim_end_matches(['）', ')']);
    credit.ends_with("摄影报道") || credit.ends_with("图文报道")
}

fn photo_by_its_reporters(drafts: &[Draft]) -> bool {
    let paragraphs: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .collect();
    let chars: usize = paragraphs.iter().map(|d| d.raw.chars().count()).sum();
    !drafts.iter().any(|d| d.kind == BlockKind::Heading)
        && paragraphs.len() == 1
        && chars <= 250
        && !paragraphs.iter().any(|d| reader_call(&d.raw))
}

/// A reader's call to the paper's hotline, retold (`市民张女士来电反映：…`, `读者李先生致电本报`):
/// a report's text, which no picture's caption is.
fn reader_call(text: &str) -> bool {
    // The caller may be named at length first (`6月18日，车牌号为某A0000的出租车司机刘先生来电反映`).
    let opening = text
        .char_indices()
        .nth(40)
        .map_or(text, |(at, _)| &text[..at]);
    let called = opening.match_indices("来电").any(|(at, w)| {
        let after = &opening[at + w.len()..];
        [
            "反映", "称", "说", "：", ":", "表示", "询问", "求助", "投诉", "咨询",
        ]
        .iter()
        .any(|v| after.starts_with(v))
    });
    called
        || ["致电本报", "拨打本报", "热线反映", "向本报反映"]
            .iter()
            .any(|w| opening.contains(w))
}

/// Takes a picture's credit to the agency that issued it off the last paragraph
/// (`…在比利时生活。新华社发`): the item is the picture's caption. Returns whether there was one.
fn agency_credit(drafts: &mut [Draft], byline: &mut Byline) -> bool {
    let Some(d) = drafts.last_mut().filter(|d| d.kind == BlockKind::Paragraph) else {
        return false;
    };
    let Some(at) = crate::byline::issued_by_agency(&d.raw).filter(|&at| d.tail_on_last_line(at))
    else {
        return false;
    };
    byline.raw.push(d.cut_tail(at));
    true
}

/// A caption saying what the picture shows: `图为…`, `上图为…`.
fn shows_the_picture(raw: &str) -> bool {
    let t = raw.trim_start();
    ["图为", "上图为", "下图为", "左图为", "右图为"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// A short undated item that ends in a photo's credit (a line of its own, a caption's credit,
/// or the issuing agency's: `agency`) is the photo's caption.
fn photo_item_captions(
    drafts: &mut [Draft],
    byline: &Byline,
    dated: bool,
    credit_only: bool,
    agency: bool,
) {
    let ends_in_credit = credit_only
        || agency
        || drafts
            .last()
            .is_some_and(|d| d.kind == BlockKind::Caption && !byline.photographers.is_empty());
    let paragraphs = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .count();
    // A caption that says what the picture shows (`图为…`) under two paragraphs or more stands
    // apart from them: they are the report's text, not more of the caption. (One block of text
    // over it describes the picture with it: a photo item.)
    let caption_apart = paragraphs >= 2
        && drafts
            .last()
            .is_some_and(|d| d.kind == BlockKind::Caption && shows_the_picture(&d.raw));
    let short = drafts
        .iter()
        .filter(|d| d.kind == BlockKind::Paragraph)
        .all(|d| d.raw.chars().count() <= 250);
    let headings = drafts.iter().any(|d| d.kind == BlockKind::Heading);
    if ends_in_credit
        && !caption_apart
        && !dated
        && !headings
        && paragraphs <= 2
        && short
        && (!byline.photographers.is_empty() || agency)
    {
        // Of two blocks, where one tells the scene a picture shows (`5月26日，在某某村，农民…`)
        // and the other does not, only that one is the caption: the other is the report's text.
        let scenes: Vec<(usize, bool)> = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == BlockKind::Paragraph)
            .map(|(k, d)| (k, pictured_scene(&d.raw)))
            .collect();
        let one_scene = paragraphs == 2 && scenes.iter().filter(|(_, s)| *s).count() == 1;
        for (k, scene) in scenes {
            if let Some(d) = drafts.get_mut(k)
                && (!one_scene || scene)
            {
                d.kind = BlockKind::Caption;
            }
        }
    }
}

/// A picture's caption telling the scene it shows: the day, then where (`5月26日，在某省某村，…`,
/// `6月15日，在…`), or what it shows (`图为…`), or a note of the picture's kind (`（无人机照片）`).
fn pictured_scene(raw: &str) -> bool {
    let t = raw.trim_start();
    let dated_place = t.char_indices().take(12).any(|(at, c)| {
        c == '日'
            && t.get(at + c.len_utf8()..)
                .is_some_and(|rest| rest.trim_start_matches(['，', ',', ' ']).starts_with('在'))
            && t.get(..at).is_some_and(|day| day.contains('月'))
    });
    dated_place
        || shows_the_picture(t)
        || [
            "（无人机照片）",
            "(无人机照片)",
            "（资料图片）",
            "（手机拍摄）",
        ]
        .iter()
        .any(|m| t.contains(m))
}

/// Takes the source of a reprint glued after the last sentence (`…七千多万棵。 据中新社`) off
/// the last paragraph: it is the article's dateline, as `（据新华社…电）` is.
fn glued_reprint(drafts: &mut [Draft], byline: &mut Byline, dateline: &mut Option<String>) {
    let Some(d) = drafts.last_mut().filter(|d| d.kind == BlockKind::Paragraph) else {
        return;
    };
    let Some(at) = crate::byline::glued_source(&d.raw) else {
        return;
    };
    if !d.tail_on_last_line(at) {
        return;
    }
    let source = d.cut_tail(at);
    if dateline.is_none() {
        *dateline = Some(fullwidth(&source));
    }
    byline.raw.push(source);
}

/// Takes a credit glued after the last sentence of the last paragraph:
/// `…价格比去年略低。文/本报记者 张某`.
/// Returns the credit's reporters where it names reporters only and stands apart from the
/// text or the text says what a picture shows (`…图为捕捞现场。 本报记者 某某`): under a short
/// text they took the photo.
fn glued_end_credit(drafts: &mut [Draft], byline: &mut Byline) -> Option<GluedEnd> {
    let d = drafts
        .last_mut()
        .filter(|d| d.kind == BlockKind::Paragraph)?;
    let (at, credits) = glued_credit(&d.raw)?;
    if !d.tail_on_last_line(at) {
        return None;
    }
    // Set apart by a wide gap, the credit stands under the text as a line of its own would.
    let apart = d.raw.get(..at).is_some_and(|h| h.ends_with("   "));
    let end = d.span[1];
    let credit = d.cut_tail(at);
    let unmarked = credits.unmarked.then_some([d.span[1], end]);
    let photo = (reporters_alone(&credits) && (apart || d.raw.contains("图为")))
        .then(|| credits.reporters.clone());
    merge(byline, credits);
    byline.raw.push(credit);
    Some((photo, unmarked))
}

/// What [`glued_end_credit`] found besides the credit it merged: the names of a reporter's
/// credit set apart under a photo's text (they may be its photographer), and the span of a
/// credit of names with no role word.
type GluedEnd = (Option<Vec<String>>, Option<[usize; 2]>);

/// Marks that set off the titles of briefs in a list.
const TITLE_BULLETS: &[char] = &['●', '○', '◆', '◇', '▶', '►', '■', '□', '★', '☆', '•', '·'];

/// Reads a caption line; a line that is only a photo credit gives the credit and no block.
fn caption(l: &Line<'_>, byline: &mut Byline) -> Option<Draft> {
    let stripped = l.text.trim_start_matches(['-', '·', '•']).trim_start();
    let mut marker = None;
    let mut text = stripped;
    if let Some(c) = stripped.chars().next()
        && (is_circled(c) || crate::lines::PICTURE_ARROWS.contains(&c))
    {
        marker = Some(c.to_string());
        text = stripped.get(c.len_utf8()..).unwrap_or("").trim_start();
    }
    let credit = photo_credit_suffix(text)
        .or_else(|| glued_credit(text).filter(|(_, c)| !c.photographers.is_empty()));
    if let Some((at, credits)) = credit
        && let (Some(head), Some(credit)) = (text.get(..at), text.get(at..))
    {
        merge(byline, credits);
        byline.raw.push(credit.trim().to_owned());
        text = head.trim_end();
        // A code between the caption and its credit: `…插秧。⑥2吴晓松摄`.
        if let Some(at) = code_tail(text) {
            text = text.get(..at).unwrap_or(text).trim_end();
        }
        if text.is_empty() && marker.is_none() {
            return None;
        }
    }
    Some(Draft {
        kind: BlockKind::Caption,
        raw: text.to_owned(),
        marker,
        span: [l.start, l.end()],
        tail: 0,
    })
}

/// What an article shows of its kind besides its blocks and byline.
#[derive(Debug, Clone, Copy)]
struct Signs<'a> {
    column: Option<&'a str>,
    /// It opens with a dateline lead.
    dateline: bool,
    /// The lead names a place or a paper's news service (`本报讯`, `某地5月1日电`), not only
    /// the people credited (`记者 某某 文/摄 …`).
    dated: bool,
    /// It stands on an opinion page (`评论`, `理论`).
    opinion_page: bool,
    /// It stands on a photo page (`图片新闻`).
    photo_page: bool,
    /// It ends with a note on its author (`（作者为某大学教授）`, `（作者单位：…）`).
    author_note: bool,
}

fn kind_of(plan: &Plan, signs: Signs<'_>, blocks: &[Block], byline: &Byline) -> Kind {
    let label = signs.column.and_then(label_kind);
    let paragraphs: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .collect();
    let body_chars: usize = paragraphs.iter().map(|b| b.text.chars().count()).sum();
    let captions = blocks.iter().any(|b| b.kind == BlockKind::Caption);
    let heading_count = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .count();
    let headings = heading_count > 0;
    let dateline = signs.dateline;
    if plan.brief || label == Some(LabelKind::Brief) {
        Kind::Brief
    } else if !byline.authors.is_empty() || label == Some(LabelKind::Commentary) {
        Kind::Commentary
    } else if label == Some(LabelKind::Photo)
        || (captions && paragraphs.is_empty())
        || !dateline && picture_with_its_words(captions, paragraphs.len(), body_chars, byline)
        || !signs.dated && body_chars < 300 && pictured_by_its_writer(paragraphs.len(), byline)
        || !dateline
            && signs.photo_page
            && uncredited_picture_words(paragraphs.len(), body_chars, byline)
    {
        Kind::Photo
    } else if !headings && paragraphs.len() <= 1 && body_chars < 100 {
        Kind::Brief
    } else if dateline || reported_with_a_correspondent(byline, blocks) {
        Kind::News
    } else if opinion_by_its_place(signs, byline) {
        Kind::Commentary
    } else if short_report(paragraphs.len(), body_chars, heading_count) {
        Kind::News
    } else {
        Kind::Feature
    }
}

/// A photo item's words are its pictures' captions, however they are printed: its paragraphs
/// become captions (a photo item has no body text of its own). Where it captions its pictures
/// already (`图为…`), the paragraphs beside the captions are a photo report's text, and stay.
fn photo_words_as_captions(blocks: &mut [Block]) {
    if blocks.iter().any(|b| b.kind == BlockKind::Caption) {
        return;
    }
    for b in blocks.iter_mut().filter(|b| b.kind == BlockKind::Paragraph) {
        b.kind = BlockKind::Caption;
    }
}

/// A short text under a photographer's credit, with no dateline: the picture's words, set as
/// captions, or as a paragraph or two where no reporter or author is credited (`酷热之后` /
/// `某某 摄`): a photo. A reporter's or an author's credit makes uncaptioned words a report.
fn picture_with_its_words(
    captions: bool,
    paragraphs: usize,
    body_chars: usize,
    byline: &Byline,
) -> bool {
    !byline.photographers.is_empty()
        && paragraphs <= 2
        && body_chars < 300
        && (captions
            || byline.reporters.is_empty() && byline.authors.is_empty()
            || pictured_by_its_writer(paragraphs, byline))
}

/// One paragraph under a credit for the words and the picture alike (`记者 某某 文/摄`,
/// `某某 摄影报道`): every reporter took the picture, and no one else is credited. Photo pages
/// print a picture's caption so; a report runs longer than one paragraph.
fn pictured_by_its_writer(paragraphs: usize, byline: &Byline) -> bool {
    paragraphs == 1
        && !byline.reporters.is_empty()
        && byline.authors.is_empty()
        && byline.correspondents.is_empty()
        && byline
            .reporters
            .iter()
            .all(|r| byline.photographers.contains(r))
}

/// On a photo page, a short text with no credit but a photographer's, or none (`荷花开满塘` /
/// one paragraph): a picture's words, though no credit names who took it.
fn uncredited_picture_words(paragraphs: usize, body_chars: usize, byline: &Byline) -> bool {
    paragraphs <= 2
        && body_chars < 300
        && byline.reporters.is_empty()
        && byline.authors.is_empty()
        && byline.correspondents.is_empty()
}

/// A report of three paragraphs or fewer, under one section heading at most and shorter than
/// 400 characters: news, though it opens without a dateline (evening and city papers often
/// print it so). Features run longer.
fn short_report(paragraphs: usize, body_chars: usize, headings: usize) -> bool {
    (1..=3).contains(&paragraphs) && body_chars < 400 && headings <= 1
}

/// A report credited to a reporter and a correspondent (`本报记者 某某 通讯员 某某`), with one
/// section heading at most: news, even without a dateline lead. Features that carry a
/// correspondent run longer, under several headings.
fn reported_with_a_correspondent(byline: &Byline, blocks: &[Block]) -> bool {
    let headings = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .count();
    !byline.reporters.is_empty() && !byline.correspondents.is_empty() && headings <= 1
}

/// A text with no dateline that reads as opinion by where it stands or how it ends: on an
/// opinion page and not a reporter's, or signed off with a note on its author
/// (`（作者为某大学教授）`).
fn opinion_by_its_place(signs: Signs<'_>, byline: &Byline) -> bool {
    let reported = !byline.reporters.is_empty() || !byline.photographers.is_empty();
    signs.author_note || signs.opinion_page && !reported
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_name_signing_a_report_under_its_outlets_dateline_is_its_reporter() {
        let text = concat!(
            "城东老街焕新颜\n",
            "本网讯 近日，城东老街改造完工，沿街店铺陆续开门迎客。\n",
            "街道负责人介绍，改造历时八个月。\n",
            "林 一\n",
        );
        let page = crate::parse_str(text, "p");
        let b = &page.articles[0].byline;
        assert_eq!(b.reporters, ["林一"]);
        assert!(b.authors.is_empty());
        // Without the dateline nothing says it is a report.
        let page = crate::parse_str(&text.replace("本网讯 ", ""), "p");
        assert!(page.articles[0].byline.reporters.is_empty());
        assert!(
            !signed_dispatch(
                &Byline {
                    authors: vec!["林一".into()],
                    raw: vec!["文/林一".into()],
                    ..Byline::default()
                },
                Some("本网讯"),
                false
            ),
            "a writer's credit names a role"
        );
    }

    #[test]
    fn names_under_a_credit_line_run_on_in_its_last_role() {
        let text = concat!(
            "山区协作会议召开\n",
            "  近日，两区对口帮扶联席会议召开，双方签订协议。\n",
            "  南方日报记者 林一\n",
            "  通讯员 方二 高三\n",
            "  陈四 孟五\n",
            "\n",
            "县城夜市重开\n",
            "  近日，县城夜市重开，摊位两百个。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 2, "{:?}", page.articles);
        let b = &page.articles[0].byline;
        assert_eq!(b.reporters, ["林一"]);
        assert_eq!(b.correspondents, ["方二", "高三", "陈四", "孟五"]);
        assert_eq!(page.articles[1].title, "县城夜市重开");
        let reporters = Credits {
            reporters: vec!["林一".into()],
            ..Credits::default()
        };
        assert_eq!(
            credit_run_on(&reporters, "陈四 孟五").map(|c| c.reporters),
            Some(vec!["陈四".to_owned(), "孟五".to_owned()])
        );
        assert!(
            credit_run_on(&reporters, "陈四").is_none(),
            "one name may sign what follows"
        );
        let photos = Credits {
            photographers: vec!["林一".into()],
            ..Credits::default()
        };
        assert!(credit_run_on(&photos, "陈四 孟五").is_none());
    }

    #[test]
    fn a_credit_cut_in_two_by_a_lines_end_credits_the_photos_to_both_lines_names() {
        let first = crate::byline::parse_byline_line("□记者 汪小昊").expect("credit");
        let second = crate::byline::parse_byline_line("通讯员 唐渊 摄影报道").expect("credit");
        assert!(credit_cut_in_two(&first, &second));
        // A photographer's credit of its own under a reporter's is not one credit cut.
        let photo = crate::byline::parse_byline_line("王小湧 摄").expect("credit");
        assert!(!credit_cut_in_two(&first, &photo));
        let page = crate::parse_bytes(
            "港口开通新航线\n\n□记者 汪小昊\n\n通讯员 唐渊 摄影报道\n\n本报讯 近日，港口开通至釜山的集装箱新航线。\n\n航线每周两班。\n"
                .as_bytes(),
            "a.txt",
        );
        let b = &page.articles[0].byline;
        assert_eq!(b.reporters, ["汪小昊"]);
        assert_eq!(b.correspondents, ["唐渊"]);
        assert_eq!(b.photographers, ["汪小昊", "唐渊"]);
    }

    #[test]
    fn a_photo_reports_credit_may_name_correspondents_who_took_photos_too() {
        let both = crate::byline::parse_byline_line("本报记者 夏小清 通讯员 焦一燕摄影报道")
            .expect("credit");
        assert!(photo_report(&both));
        let mine = crate::byline::parse_byline_line("本报记者 夏小清 摄影报道").expect("credit");
        assert!(photo_report(&mine));
        // A reporter's credit with someone else's photographs is not one.
        let apart =
            crate::byline::parse_byline_line("记者 夏小清 通讯员 焦一燕 摄").expect("credit");
        assert!(!photo_report(&apart));
        let words = crate::byline::parse_byline_line("本报记者 夏小清").expect("credit");
        assert!(!photo_report(&words));
    }

    #[test]
    fn a_name_credited_with_a_role_is_no_author_as_well() {
        let page = crate::parse_bytes(
            "港口开通新航线\n\n沈小媛/蔡静仪/林一\n\n□ 记者 沈小媛 通讯员 蔡静仪\n\n本报讯 近日，港口开通至釜山的集装箱新航线。\n\n航线每周两班。\n"
                .as_bytes(),
            "a.txt",
        );
        let b = &page.articles[0].byline;
        assert_eq!(page.articles[0].title, "港口开通新航线");
        assert_eq!(b.reporters, ["沈小媛"]);
        assert_eq!(b.correspondents, ["蔡静仪"]);
        // Listed under the title with no role: the only one left an author.
        assert_eq!(b.authors, ["林一"]);
    }

    #[test]
    fn text_over_a_caption_saying_what_the_picture_shows_stays_text() {
        assert!(shows_the_picture("图为江城大雨如注。  王某 摄"));
        assert!(!shows_the_picture("江城大雨如注。  王某 摄"));
        let page = crate::parse_str(
            concat!(
                "强降雨袭江城   7月5日，我市迎来大范围降雨，全市平均降水量32毫米。\n",
                "  另据应急管理局通报，城关区一处广告牌倒塌，无人受伤。\n",
                "  图为江城5日大雨如注，市民冒雨赶路。  王某 摄\n"
            ),
            "p",
        );
        let a = &page.articles[0];
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Caption
            ]
        );
        assert_eq!(a.byline.photographers, ["王某"]);
        // One block of text over it describes the picture with it; a text ending in a caption
        // without 图为 is the picture's caption.
        let page = crate::parse_str(
            "漓江游客多\n\n  7月15日，漓江上竹筏往来如织。\n  图为竹筏在漓江上有序前行。\n  记者 王某 摄\n",
            "p",
        );
        assert_eq!(page.articles[0].kind, Kind::Photo);
        let page = crate::parse_str(
            "江城荷花开了\n\n6月18日，游客在江城湿地公园观赏荷花。  王某 摄\n",
            "p",
        );
        assert_eq!(page.articles[0].kind, Kind::Photo);
    }

    #[test]
    fn a_reporters_credit_read_as_a_photographers_is_reported() {
        let page = crate::parse_str(
            "江城荷花开了\n\n6月18日，游客在江城湿地公园观赏荷花。\n\n记者 林海\n",
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.kind, Kind::Photo);
        assert_eq!(a.byline.photographers, ["林海"]);
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::RoleGuessed && d.span == Some(a.span)),
            "{:?}",
            page.diagnostics
        );
        assert!(
            page.diagnostics.iter().all(|d| !d.message.contains("  ")),
            "a message reads as one sentence: {:?}",
            page.diagnostics
        );
        // A reader's call under the same credit is a report: nothing to guess.
        let page = crate::parse_str(
            "江城路灯不亮\n\n市民张女士来电反映：她家门口的路灯坏了半个月。\n\n记者 林海\n",
            "p",
        );
        assert_eq!(page.articles[0].byline.reporters, ["林海"]);
        assert!(
            page.diagnostics
                .iter()
                .all(|d| d.code != DiagnosticCode::RoleGuessed)
        );
    }

    #[test]
    fn of_two_blocks_over_a_picture_credit_the_scene_told_is_the_caption() {
        assert!(pictured_scene("5月26日，在某省某县张村，农民收获小麦。"));
        assert!(pictured_scene("村民将晾晒的小麦装车（无人机照片）。"));
        assert!(!pictured_scene("近日，某省的小麦从南到北陆续开镰收获。"));
        assert!(!pictured_scene("5月26日，某省召开夏收工作会议。"));
        let page = crate::parse_str(
            "麦收开镰\n5月26日，在江城县张村，农民操作收割机收获小麦。\n近日，全省小麦从南到北陆续开镰收获，产量占全国的四分之一。\n本报记者 林一 摄\n",
            "p",
        );
        let kinds: Vec<BlockKind> = page.articles[0].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Caption, BlockKind::Paragraph]);
    }

    #[test]
    fn a_credit_naming_the_words_writer_under_one_short_text_stays_the_reporters() {
        let page = crate::parse_str(
            "技能大赛落幕\n昨天，市职工技能竞赛决赛举行，六十名选手同场竞技。\n记者 蒋某某文\n通讯员 姜某某摄\n",
            "p",
        );
        let b = &page.articles[0].byline;
        assert_eq!(b.reporters, ["蒋某某"]);
        assert_eq!(b.photographers, ["姜某某"]);
    }

    #[test]
    fn a_readers_call_retold_is_no_caption() {
        assert!(reader_call(
            "市民张女士来电反映：近日她在小学附近看到有人乱扔果皮。"
        ));
        assert!(reader_call("读者李先生致电本报称，小区的路灯坏了半个月。"));
        assert!(reader_call(
            "6月18日，车牌号为江A12345的出租汽车司机刘先生来电反映：有乘客把钥匙忘在了车上。"
        ));
        assert!(!reader_call("6月18日，游客在江城湿地公园观赏荷花。"));
        assert!(!reader_call("工人们在检修线路，确保来电后用电安全。"));
    }

    #[test]
    fn an_untitled_item_under_a_label_is_listed_by_the_label() {
        assert_eq!(
            label_names_untitled(String::new(), Some("图片新闻")),
            "图片新闻"
        );
        assert_eq!(label_names_untitled(" ".into(), Some("简讯")), "简讯");
        assert_eq!(
            label_names_untitled("油菜花开".into(), Some("图片新闻")),
            "油菜花开"
        );
        assert_eq!(label_names_untitled(String::new(), None), "");
        assert_eq!(label_names_untitled(String::new(), Some("")), "");
    }

    #[test]
    fn the_items_of_a_dated_list_open_with_their_years() {
        assert!(crate::lines::dated_item("1984.04至1985.07 江城团委书记"));
        assert!(crate::lines::dated_item("2019年—2021年 长河村党支部书记"));
        assert!(crate::lines::dated_item("2020-2023 南州大学讲师"));
        assert!(!crate::lines::dated_item("2024年，江城新建口袋公园三十个"));
        assert!(!crate::lines::dated_item("江城1984.04至1985.07"));
    }

    #[test]
    fn bracketed_names_stay_a_guess_unless_the_lead_or_the_text_settles_them() {
        let paragraph = |t: &str| Draft {
            kind: BlockKind::Paragraph,
            raw: t.to_owned(),
            marker: None,
            span: [0, t.len()],
            tail: t.len(),
        };
        let byline = Byline {
            reporters: vec!["林小雨".to_owned()],
            ..Byline::default()
        };
        let plain = [paragraph("长河边的夜市重新开张，摊位坐满了人。")];
        assert!(byline_role_unsettled(&byline, false, &plain));
        // A lead's credit, or a text that speaks of its reporter, settles it.
        assert!(!byline_role_unsettled(&byline, true, &plain));
        let told = [paragraph("摊主告诉记者，今年的生意比去年好。")];
        assert!(!byline_role_unsettled(&byline, false, &told));
        assert!(!byline_role_unsettled(&Byline::default(), false, &plain));
    }

    #[test]
    fn a_line_opening_with_a_day_and_a_comma_is_a_captions_shape() {
        assert!(dated_caption("8月2日，一批新药运抵江城市中心医院"));
        assert!(dated_caption("12月3日,游客在景区的湖边赏雪拍照"));
        assert!(!dated_caption("7月11日起，这些新规施行"));
        assert!(!dated_caption("春耕时节看田间新变化"));
    }

    #[test]
    fn a_credit_under_a_dateline_alone_on_its_line_is_the_leads() {
        let page = crate::parse_bytes(
            "江城新建三座口袋公园\n本报讯\n(记者 林小雨)江城今年新建三座口袋公园，市民在家门口就能健身。\n\
             公园由老厂房改造而成，周末还有市集。\n"
                .as_bytes(),
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.dateline.as_deref(), Some("本报讯"));
        assert_eq!(a.byline.reporters, ["林小雨"]);
        assert!(a.blocks[0].text.starts_with("江城今年"));
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn a_lists_label_is_a_heading_and_its_items_are_paragraphs() {
        let page = crate::parse_bytes(
            "夏季风为何来得早\n\n本期嘉宾：\n江城大学教授林小雨\n长河研究院研究员王小二\n\
             采访人：本报记者 张三丰\n今年夏季风比常年偏早十天，专家认为与海温偏高有关。\n\
             这一变化将影响南方的降雨。\n"
                .as_bytes(),
            "p",
        );
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(a.byline.reporters, ["张三丰"]);
    }

    #[test]
    fn a_name_over_a_lead_that_credits_its_reporter_is_a_caption() {
        let page = crate::parse_bytes(
            "羽毛球公开赛名单出炉\n\n林小雨\n\n江城晚报讯（记者王小二）羽毛球公开赛将于下月在江城举行，名单昨天公布。\n\n\
             比赛共设五个单项，门票下周开售。\n"
                .as_bytes(),
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.byline.reporters, ["王小二"]);
        assert!(a.byline.authors.is_empty());
        assert_eq!(a.blocks[0].kind, BlockKind::Caption);
        assert_eq!(a.blocks[0].text, "林小雨");
        // Under a headline with no credited lead, the name signs the article.
        let page = crate::parse_bytes(
            "让社区食堂长流水\n\n林小雨\n\n社区食堂办起来不难，难的是办下去。\n\n要算好经济账，也要算好民生账。\n"
                .as_bytes(),
            "p",
        );
        assert_eq!(page.articles[0].byline.authors, ["林小雨"]);
    }

    #[test]
    fn a_bracketed_label_alone_is_a_column() {
        assert!(bracketed_column("【学子体验】"));
        assert!(bracketed_column("【光明时评】"));
        assert!(!bracketed_column("【关键词】为鹿出警"));
        assert!(!bracketed_column("【注】"));
        assert!(!bracketed_column("学子体验"));
    }

    #[test]
    fn a_heading_as_long_as_a_title_is_reported() {
        assert!(heading_or_title(
            "网红茶饮店因卫生问题一天被停业两家，品牌回应：不解决不开业"
        ));
        assert!(!heading_or_title("直面短板，打通气象服务“最后一公里”"));
    }

    #[test]
    fn a_short_line_without_a_mark_is_a_heading_where_paragraphs_are_whole() {
        assert!(unmarked_heading("新片接连上映，带动周边消费"));
        assert!(unmarked_heading("打通“最后一公里”"));
        assert!(!unmarked_heading("新技术正在改变种地的方式。"));
        assert!(!unmarked_heading("不妨从一台播种机的一天说起——"));
        assert!(!unmarked_heading("游客与驯鹿互动。以上图片均由某某提供"));
        assert!(!unmarked_heading("具体来看，"));
        assert!(!unmarked_heading("他说：“明年还要再多种一些。”"));
        assert!(!unmarked_heading(
            "用科技的力量耕好责任田，用实干的作风守住大粮仓，让农民的钱袋子更鼓，让日子过得更加红火"
        ));
    }

    #[test]
    fn a_whole_clause_joined_as_the_texts_first_line_is_reported() {
        assert!(lead_joined("以创新的劲头破解难题，用实干的作风筑牢根基"));
        assert!(!lead_joined("记者从市交通局获悉，11路和"));
        assert!(!lead_joined("港口开通新航线"));
        assert!(!lead_joined("从田间到餐桌，一颗果子走过的路，"));
    }

    fn paragraph(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.to_owned(),
            marker: None,
            span: [0, 0],
        }
    }

    #[test]
    fn a_title_broken_before_its_predicate_is_one_title() {
        assert_eq!(
            continued_title(Some("市首届毽球锦标赛".into()), "即将开踢".into()),
            (None, "市首届毽球锦标赛 即将开踢".to_owned())
        );
        assert_eq!(
            continued_title(Some("江城花园小区何时".into()), "能用上暖气".into()),
            (None, "江城花园小区何时 能用上暖气".to_owned())
        );
        let kicker = Some("全市秋粮收购过半".to_owned());
        assert_eq!(
            continued_title(kicker.clone(), "农民增收看得见".into()),
            (kicker, "农民增收看得见".to_owned())
        );
    }

    #[test]
    fn a_photos_two_short_headline_lines_are_one_title() {
        assert_eq!(
            photo_title(Some("河谷春色".into()), "正当时".into()),
            (None, "河谷春色 正当时".to_owned())
        );
        let long = Some("春耕时节各地农民抢抓农时".to_owned());
        assert_eq!(
            photo_title(long.clone(), "田间忙".into()),
            (long, "田间忙".to_owned())
        );
        // The reading is reported: the first line could be the kicker.
        let text = "摊位又占了人行道\n6月2日，老城区一条人行道上，几个摊位占了大半路面。\n\
                    记者 王小二 摄\n清洗路面旧线\n还路整洁面貌\n\
                    为了创建文明城市，交警请来一辆清洗车，清除路面旧标线。\n记者 林小雨 摄\n";
        let page = crate::parse_str(text, "p.txt");
        assert_eq!(page.articles[1].title, "清洗路面旧线 还路整洁面貌");
        let start = text.find("清洗路面旧线").unwrap_or(0);
        let end = text.find("还路整洁面貌").unwrap_or(0) + "还路整洁面貌".len();
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::KickerOrTitle && d.span == Some([start, end])),
            "{:?}",
            page.diagnostics
        );
    }

    #[test]
    fn a_text_that_speaks_of_its_reporter_is_a_report() {
        assert!(speaks_of_its_reporter("厂长告诉记者，订单已排到年底。"));
        assert!(speaks_of_its_reporter("记者了解到，新线下月开通。"));
        assert!(speaks_of_its_reporter("他在接受记者采访时说。"));
        assert!(!speaks_of_its_reporter("每年的记者节都有表彰。"));
        assert!(!speaks_of_its_reporter("作风建设没有休止符。"));
        assert!(speaks_of_its_reporter(
            "《江城经济新闻》昨日获悉，该公司已退出。"
        ));
        assert!(speaks_of_its_reporter(
            "他接受《江城日报》采访时证实了这一消息。"
        ));
        assert!(!speaks_of_its_reporter("他读过《红楼梦》表示很喜欢。"));
    }

    #[test]
    fn bare_names_sign_a_report_on_the_front_page_or_where_the_text_says_so() {
        let plain = PageTraits::default();
        let front = PageTraits {
            front: true,
            ..PageTraits::default()
        };
        let opinion = PageTraits {
            opinion: true,
            ..PageTraits::default()
        };
        let told = [paragraph("负责人告诉记者，工期提前了。")];
        let argued = [paragraph("改革要久久为功。")];
        let role =
            |page, column, noted, blocks: &[Block]| signers_role(page, column, noted, blocks);
        assert_eq!(role(plain, None, false, &told), Signers::Reporters);
        // The front page reads them as reporters by itself alone (and reports it); the text
        // settles it there too.
        assert_eq!(role(front, None, false, &argued), Signers::ReportersByPage);
        assert_eq!(role(front, None, false, &told), Signers::Reporters);
        assert_ne!(role(plain, None, false, &argued), Signers::Reporters);
        assert_ne!(role(opinion, None, false, &told), Signers::Reporters);
        assert_eq!(role(front, None, true, &argued), Signers::Authors);
        assert_eq!(
            role(front, Some("江岸时评"), false, &argued),
            Signers::Authors
        );
        // Neither page nor text settles it: a guess, reported.
        assert_eq!(role(plain, None, false, &argued), Signers::Guessed);
        assert_ne!(role(opinion, None, false, &argued), Signers::Guessed);
        assert_ne!(role(plain, None, false, &told), Signers::Guessed);
    }

    fn paragraphs(n: usize) -> Vec<Block> {
        (0..n)
            .map(|_| Block {
                kind: BlockKind::Paragraph,
                text: "社区食堂开业以来，每天为三百多位老人供应午餐，价格比外面便宜一半。"
                    .repeat(3),
                marker: None,
                span: [0, 0],
            })
            .collect()
    }

    fn signs(column: Option<&str>) -> Signs<'_> {
        Signs {
            column,
            dateline: false,
            dated: false,
            opinion_page: false,
            photo_page: false,
            author_note: false,
        }
    }

    #[test]
    fn a_short_uncredited_text_on_a_photo_page_is_a_pictures() {
        let plan = Plan::default();
        let words = paragraphs(1);
        let none = Byline::default();
        assert_ne!(kind_of(&plan, signs(None), &words, &none), Kind::Photo);
        let on_page = Signs {
            photo_page: true,
            ..signs(None)
        };
        assert_eq!(kind_of(&plan, on_page, &words, &none), Kind::Photo);
        // A report with its reporter, on the same page, stays a report.
        let reported = Byline {
            reporters: vec!["王超".into()],
            ..Byline::default()
        };
        assert!(!uncredited_picture_words(1, 99, &reported));
        assert_ne!(kind_of(&plan, on_page, &paragraphs(5), &none), Kind::Photo);
    }

    #[test]
    fn an_opinion_column_or_page_or_an_authors_note_makes_commentary() {
        let plan = Plan::default();
        let blocks = paragraphs(4);
        let none = Byline::default();
        assert_eq!(kind_of(&plan, signs(None), &blocks, &none), Kind::Feature);
        assert_eq!(
            kind_of(&plan, signs(Some("江岸时评")), &blocks, &none),
            Kind::Commentary
        );
        let on_page = Signs {
            opinion_page: true,
            ..signs(None)
        };
        assert_eq!(kind_of(&plan, on_page, &blocks, &none), Kind::Commentary);
        // A reporter's piece on an opinion page is no commentary.
        let reported = Byline {
            reporters: vec!["王超".into()],
            ..Byline::default()
        };
        assert_eq!(kind_of(&plan, on_page, &blocks, &reported), Kind::Feature);
        let noted = Signs {
            author_note: true,
            ..signs(None)
        };
        assert_eq!(kind_of(&plan, noted, &blocks, &none), Kind::Commentary);
    }

    #[test]
    fn many_headings_over_little_text_are_reported() {
        let text = "年味拉满\n\n  本报讯（记者 王某）年货节开幕，市民忙着置办年货。\n\n\
                    春节\n\n氛围组\n\n已就位\n\n这个时\n\n节的忙碌\n";
        let page = crate::parse_str(text, "p");
        let a = &page.articles[0];
        let headings = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        assert_eq!(headings, 5);
        // Reported at the first heading (the run of them is the short item's first heading
        // as well, and reported as such).
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::HeadingOrTitle
                    && d.span.and_then(|[from, to]| text.get(from..to)) == Some("春节")),
            "{:?}",
            page.diagnostics
        );
        let heading = |t: &str| Draft {
            kind: BlockKind::Heading,
            raw: t.to_owned(),
            marker: None,
            span: [0, t.len()],
            tail: 0,
        };
        let para = |t: &str| Draft {
            kind: BlockKind::Paragraph,
            ..heading(t)
        };
        let few = [heading("一"), para("正文。"), para("正文。")];
        assert_eq!(headings_over_little_text(&few), None);
        let many = [
            heading("春节"),
            heading("氛围组"),
            para("正文。"),
            heading("已就位"),
        ];
        assert_eq!(headings_over_little_text(&many), Some([0, "春节".len()]));
    }

    #[test]
    fn one_short_text_closed_by_a_photo_report_credit_is_a_pictures_caption() {
        assert!(photo_report_credit("通讯员张某 记者羊某 摄影报道"));
        assert!(!photo_report_credit("记者羊某 报道"));
        let page = crate::parse_str(
            "歌手大赛唱响工地\n\n  市总工会举办外来建设者歌手大赛，两百多名职工参加了初赛。通讯员张某 记者羊某某 摄影报道\n",
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.kind, Kind::Photo);
        assert_eq!(
            a.blocks.iter().map(|b| b.kind).collect::<Vec<_>>(),
            [BlockKind::Caption]
        );
        assert_eq!(a.byline.photographers.len(), 2);
    }

    #[test]
    fn the_writer_a_web_copy_names_is_the_reporter_when_the_text_speaks_of_its_reporter() {
        let page = |text: &str| {
            crate::parse_str(
                &format!("立交桥下护栏快被偷光了\n\n  {text}\n\n  作者:林小雨\n"),
                "p",
            )
        };
        let report = page("昨日上午，记者来到立交桥下。此处的绿化带四周竖着护栏，如今残缺破损。");
        assert_eq!(report.articles[0].byline.reporters, ["林小雨"]);
        assert!(report.articles[0].byline.authors.is_empty());
        let essay = page("立交桥下的护栏，是城市的一道风景。护栏残缺，风景便也残缺了。");
        assert_eq!(essay.articles[0].byline.authors, ["林小雨"]);
    }

    #[test]
    fn names_in_brackets_closing_an_opinion_column_are_its_authors() {
        let page = |column: &str| {
            crate::parse_str(
                &format!(
                    "{column}\n货车加盖并不难\n  满载黄土的货车在市区道路上穿行，尘土飞扬。\n\n                       执法部门该用好手中的监管武器了。 （李某）\n"
                ),
                "p",
            )
        };
        let opinion = page("■短评");
        let a = &opinion.articles[0];
        assert_eq!(a.byline.authors, ["李某"]);
        assert!(a.byline.reporters.is_empty());
        assert!(
            !opinion
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::RoleGuessed)
        );
        // Under no opinion column the names stay reporters, and the guess is reported.
        let plain = page("");
        assert_eq!(plain.articles[0].byline.reporters, ["李某"]);
    }

    #[test]
    fn a_short_report_without_a_dateline_is_news_and_a_long_one_a_feature() {
        let plan = Plan::default();
        let none = Byline::default();
        let short = paragraphs(3);
        assert!(short_report(3, 297, 0));
        assert!(!short_report(3, 297, 2));
        assert!(!short_report(0, 0, 0));
        assert_eq!(kind_of(&plan, signs(None), &short, &none), Kind::News);
        let long = paragraphs(5);
        assert!(!short_report(5, 495, 0));
        assert_eq!(kind_of(&plan, signs(None), &long, &none), Kind::Feature);
    }

    #[test]
    fn a_photo_items_words_are_its_captions() {
        let page = crate::parse_str(
            "都为灯会忙\n陈小波 摄\n\n  昨天上午，工人们在江边搭起看台。\n",
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.kind, Kind::Photo);
        assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Caption));
        // Beside captions of its own, a photo report's text stays text.
        let mut blocks = paragraphs(2);
        blocks[1].kind = BlockKind::Caption;
        photo_words_as_captions(&mut blocks);
        assert_eq!(blocks[0].kind, BlockKind::Paragraph);
    }

    /// The texts of a parsed page's first article's blocks, in order.
    fn first_article_texts(page: &crate::Page) -> Vec<&str> {
        page.articles
            .first()
            .map(|a| a.blocks.iter().map(|b| b.text.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_paragraph_cut_at_the_margin_goes_on_though_the_page_cites_its_source() {
        let indent = "\u{3000}\u{3000}";
        let page = crate::parse_str(
            &format!(
                "社区食堂要长流水\n李  岚\n{indent}走进老旧小区，社区食堂多了起来。\n\
                 {indent}一些地方引入专业团队统一采购、集中配送，降低成本，形成良性循环，也有社区\n\n\
                 把食堂与托育结合起来，白天是饭堂，晚上是课堂。\n{indent}有烟火气，还要有人情味。\n\
                 {indent}菜品可以多听听居民意见。\n{indent}价格要让老人吃得起。\n\
                 《长河日报》（2025年05月20日 05 版）\n"
            ),
            "p",
        );
        let texts = first_article_texts(&page);
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert!(texts[1].ends_with("也有社区把食堂与托育结合起来，白天是饭堂，晚上是课堂。"));
    }

    #[test]
    fn a_line_ending_in_a_comma_goes_on_though_the_page_prints_whole_paragraphs() {
        let page = crate::parse_str(
            "竹子撑起百亿产业\n\n本报记者  钟  毓\n\n\
             产业链延伸了，竹农的腰包也鼓了起来，村民把竹林流转给合作社，每年拿租金、\n\n\
             年底还有分红。\n\n记者了解到，竹农的收入翻了一番。\n\n\
             《长河日报》（2025年06月03日第 06 版）\n",
            "p",
        );
        let texts = first_article_texts(&page);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].ends_with("每年拿租金、年底还有分红。"));
    }

    #[test]
    fn a_titled_picture_credited_to_its_photographer_is_a_photo() {
        let plan = Plan::default();
        let shot = Byline {
            photographers: vec!["谭某".into()],
            ..Byline::default()
        };
        assert!(picture_with_its_words(false, 0, 0, &shot));
        assert_eq!(kind_of(&plan, signs(None), &[], &shot), Kind::Photo);
        let words = paragraphs(1);
        assert_eq!(kind_of(&plan, signs(None), &words, &shot), Kind::Photo);
        // A reporter's credit makes the same words a report.
        let reported = Byline {
            reporters: vec!["王超".into()],
            ..shot.clone()
        };
        assert!(!picture_with_its_words(false, 1, 99, &reported));
        // Set as captions, the words are a picture's whoever wrote them.
        assert!(picture_with_its_words(true, 1, 99, &reported));
        assert_ne!(kind_of(&plan, signs(None), &words, &reported), Kind::Photo);
        // One paragraph by a reporter who took the picture too (`记者 某某 文/摄`): its caption.
        let pictured = Byline {
            reporters: vec!["谭某".into()],
            ..shot.clone()
        };
        assert!(pictured_by_its_writer(1, &pictured));
        assert!(!pictured_by_its_writer(2, &pictured));
        assert!(!pictured_by_its_writer(1, &reported));
        assert_eq!(kind_of(&plan, signs(None), &words, &pictured), Kind::Photo);
    }

    #[test]
    fn a_report_by_a_reporter_and_a_correspondent_is_news() {
        let plan = Plan::default();
        let byline = Byline {
            reporters: vec!["何静".into()],
            correspondents: vec!["林晓峰".into()],
            ..Byline::default()
        };
        assert_eq!(
            kind_of(&plan, signs(None), &paragraphs(3), &byline),
            Kind::News
        );
        // Under several headings it is a feature.
        let mut long = paragraphs(6);
        for at in [0, 3] {
            long.insert(
                at,
                Block {
                    kind: BlockKind::Heading,
                    text: "小标题".into(),
                    marker: None,
                    span: [0, 0],
                },
            );
        }
        assert_eq!(kind_of(&plan, signs(None), &long, &byline), Kind::Feature);
    }

    #[test]
    fn a_short_first_sentence_of_a_report_credited_with_its_photos_may_be_its_caption() {
        let para = |t: &str| Block {
            kind: BlockKind::Paragraph,
            text: t.to_owned(),
            marker: None,
            span: [0, t.len()],
        };
        let blocks = vec![
            para("3月2日，市民在湖边赏花。"),
            para("湖边的花开了，很多人来看，拍照的人排起了长队，赏花的人越来越多。"),
            para("去年以来，这里种了上千亩油菜，今年开得最好。"),
        ];
        let byline = Byline {
            reporters: vec!["付一".to_owned()],
            photographers: vec!["付一".to_owned()],
            ..Byline::default()
        };
        assert!(caption_or_text(&blocks, &byline, false).is_some());
        // With a dateline lead, or without photos credited, nothing to report.
        assert!(caption_or_text(&blocks, &byline, true).is_none());
        let words_only = Byline {
            photographers: vec![],
            ..byline.clone()
        };
        assert!(caption_or_text(&blocks, &words_only, false).is_none());
    }

    #[test]
    fn a_photo_credit_wrapped_over_two_lines_credits_everyone_with_the_photo() {
        let credit = |r: &[&str], c: &[&str], p: &[&str]| Credits {
            reporters: r.iter().map(|s| s.to_string()).collect(),
            correspondents: c.iter().map(|s| s.to_string()).collect(),
            photographers: p.iter().map(|s| s.to_string()).collect(),
            ..Credits::default()
        };
        let lines = [
            (3, credit(&["李一"], &[], &[])),
            (4, credit(&[], &[], &["王二"])),
        ];
        assert_eq!(photo_credit_wrapped(&lines), Some(vec!["李一".to_owned()]));
        // Apart, or with a line of the text between, they are two credits.
        let apart = [
            (2, credit(&["李一"], &[], &[])),
            (4, credit(&[], &[], &["王二"])),
        ];
        assert_eq!(photo_credit_wrapped(&apart), None);
        let one = [(4, credit(&["李一"], &[], &["王二"]))];
        assert_eq!(photo_credit_wrapped(&one), None);
    }
}
