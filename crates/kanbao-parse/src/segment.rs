//! Article boundaries and the assembly of each article from its lines.
//!
//! Two passes. The first walks the classified lines once and gives each line an owner: an
//! article or the page's unassigned fragments. A run of headline-shaped lines becomes a new
//! article's headline group, section headings of the open article, or its unpunctuated lead,
//! as [`crate::boundary::weigh`] decides from the cues around the run. The second pass builds
//! each article from its contiguous lines ([`crate::article`]).

use crate::article::build;
use crate::boundary::{self, RunCues, RunReading};
use crate::header::{continued_here, is_page_name, parse_editors, parse_header_line};
use crate::lines::{Class, LabelKind, Line};
use crate::normalize::{ends_sentence, fnv1a32};
use crate::{Article, BlockKind, Diagnostic, DiagnosticCode, Fragment, Kind, Meta, Span, Why};

/// Who a line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Article(usize),
    Fragment(Why),
}

/// What the first pass decided about an article besides its lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct Plan {
    /// A column label inherited from the label above a run of briefs.
    pub column: Option<String>,
    pub brief: bool,
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
    /// It has a byline, dateline lead or author.
    credited: bool,
    /// It has reached a sidebar (`链接`, `编后`) with text.
    sidebar: bool,
    /// Section headings read in it so far.
    headings: usize,
    /// The most lines one run of its section headings had (features print headings in groups
    /// of two or three lines).
    heading_group: usize,
    /// The text of its first section heading.
    first_heading: Option<String>,
    /// It opened with a dateline lead.
    dated: bool,
    /// Paragraph lines read in it so far.
    paragraphs: usize,
    /// A byline or author line stood before its text.
    signed: bool,
    /// Its headline's summary lines are read and its dateline lead is still to come.
    awaiting_dateline: bool,
    /// A photo credit closed it before any text: photo news, unless a dateline lead follows
    /// (then the photo stood between the headline and the lead).
    photo_closed: bool,
    /// A credit after its text closed it (`…工效。（张长利）`, or a byline line under the text):
    /// in a run of briefs, the next item of the run follows.
    end_credited: bool,
    /// Its title opens with a name and a colon (`江溪：…`), as a round-up's items do.
    named_title: bool,
    /// Its byline was a role word alone (`本报记者`): the names come in an end credit, and the
    /// article goes on until it.
    names_pending: bool,
    /// It opened with a wire service's dateline (`据新华社某地某日电（记者…）`).
    wire: bool,
    /// Its headline stood at the margin ([`boundary::set_as_its_text`]).
    title_at_margin: bool,
    /// It opened with a headline group.
    headlined: bool,
    /// The longest line of its headline group (its title, as printed).
    title_line: Option<String>,
}

impl Current {
    /// It has paragraph text (not only a headline, credits or captions).
    fn has_text(&self) -> bool {
        self.paragraphs > 0
    }
}

/// What the first pass knows of the page as a whole.
#[derive(Debug, Default)]
struct PageState {
    /// The page indents the first line of every paragraph.
    indented: bool,
    /// Line by line, whether a blank line stands before it.
    after_blank: Vec<bool>,
    /// The page sets its articles apart by blank lines, its paragraphs by none
    /// ([`boundary::blank_parted_articles`]).
    blank_parted: bool,
    /// The column of a package (a headline and an editor's note signed `——编  者` over several
    /// reports), which the reports under it take unless they print their own.
    package: Option<String>,
    /// The column printed over the page's banner, waiting for the banner's editor's note
    /// ([`column_over_banner`]).
    banner_column: Option<String>,
    /// The label an e-paper prints over one article page that holds several items
    /// (`八方速递` / citation line / briefs): each item takes it, up to the next article page.
    item_label: Option<String>,
    /// The page prints a citation line under each headline ([`boundary::cites_under_headlines`]).
    cites_headlines: bool,
    /// The page indents its text and prints its titles at the margin
    /// ([`boundary::titles_at_margin`]).
    titles_at_margin: bool,
}

/// What the builder of each article needs to know of the page.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PageTraits {
    /// The page indents the first line of every paragraph.
    pub indented: bool,
    /// The page is an opinion page (`评论`, `理论`, `观点`): what is not news on it is commentary.
    pub opinion: bool,
    /// The page is a photo page (`图片新闻`, `视觉`): an item on it with no dateline and a few
    /// lines of words is a picture's, credited or not.
    pub photo: bool,
    /// The page is the paper's front page (`第1版`, `A01`).
    pub front: bool,
    /// The page prints its reporters' names bare under the headlines: one such article's text
    /// speaks of its reporter (`告诉记者`), so the page's other bare names are reporters too.
    pub bare_reporters: bool,
    /// The page was exported from an e-paper's article pages: it prints their citation lines
    /// (`《某某日报》（…第 07 版）`), and its paragraphs are whole, never cut by a column break;
    /// unless it indents its paragraphs, where a line at the margin after an open one goes on
    /// with it, and a line ending in a comma goes on whatever the page.
    pub whole_paragraphs: bool,
    /// The page prints its section headings without a mark, between paragraphs printed one to a
    /// line: it prints whole paragraphs, or every long line of its text ends a sentence.
    pub unmarked_headings: bool,
}

/// Whether a page was exported from an e-paper's article pages, which print each article's
/// paragraphs whole: a citation line ([`Class::Citation`]) stands on it. A line without final
/// punctuation there is a paragraph of its own (a summary line, a lead), not the head of one
/// cut by a column break.
pub(crate) fn prints_whole_paragraphs(lines: &[Line<'_>]) -> bool {
    lines.iter().any(|l| l.class == Class::Citation)
}

/// Whether a page prints each paragraph on one line: it has a good many lines of text of forty
/// characters or more, and every one of them ends a sentence. A page that cuts its paragraphs
/// at column breaks leaves some long lines open (`…11路和`, then `12路公交车…`). Such a page may
/// still cut a paragraph around a picture, so its short open lines are still joined; but a short
/// line without final mark between two paragraphs is a section heading
/// ([`PageTraits::unmarked_headings`]).
pub(crate) fn every_long_line_ends_a_sentence(lines: &[Line<'_>]) -> bool {
    let mut long = 0;
    for l in lines {
        // Forty characters are at least forty bytes and at most 160: most lines are told by
        // their length alone.
        let n = l.text.len();
        if l.class != Class::Text || n < 40 || n < 160 && l.text.chars().count() < 40 {
            continue;
        }
        if !ends_sentence(l.text)
            && !ends_sentence(crate::normalize::unquoted_end(l.text).trim_end_matches([')', '）']))
        {
            return false;
        }
        long += 1;
    }
    long >= 8
}

/// Whether a page prints its reporters bare under the headlines, as a web export that drops
/// `本报记者` does: a bare name right under a headline line is followed, before the next
/// headline, by text that speaks of its reporter.
pub(crate) fn prints_reporters_bare(lines: &[Line<'_>]) -> bool {
    lines.windows(2).enumerate().any(|(i, pair)| {
        pair[0].class.is_headline()
            && pair[1].class == Class::Name
            && lines
                .get(i + 2..)
                .unwrap_or(&[])
                .iter()
                .take_while(|l| !l.class.is_headline())
                .take(60)
                .any(|l| l.class == Class::Text && crate::article::speaks_of_its_reporter(l.text))
    })
}

/// Whether a page label names a paper's front page: `1`, `01`, `A01`, `A1`.
pub(crate) fn front_page(label: &str) -> bool {
    let digits = label.trim_start_matches(|c: char| c.is_ascii_uppercase());
    label.len() - digits.len() <= 1 && !digits.is_empty() && digits.trim_start_matches('0') == "1"
}

/// Whether a page of this name prints opinion: `评论`, `理论`, `观点`, `言论`, `评论·观点`.
pub(crate) fn opinion_page(section: &str) -> bool {
    ["评论", "理论", "观点", "言论", "时评", "论坛"]
        .iter()
        .any(|w| section.contains(w))
}

/// The parse of a page's text.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub meta: Meta,
    pub articles: Vec<Article>,
    pub unassigned: Vec<Fragment>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Opens a new article in `plans`.
fn open(plans: &mut Vec<Plan>, column: Option<String>, brief: bool) -> Current {
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
        credited: false,
        sidebar: false,
        headings: 0,
        first_heading: None,
        heading_group: 0,
        dated: false,
        paragraphs: 0,
        signed: false,
        photo_closed: false,
        end_credited: false,
        named_title: false,
        awaiting_dateline: false,
        names_pending: false,
        wire: false,
        title_at_margin: false,
        headlined: false,
        title_line: None,
    }
}

/// Where a run of headline-shaped lines starting at `i` ends. A bare name line ends it (the
/// author under a title); what follows the name is body.
fn run_end(lines: &[Line<'_>], i: usize) -> usize {
    let mut j = i;
    while let Some(l) = lines.get(j) {
        match l.class {
            Class::Label(_)
            | Class::Short
            | Class::Merged
            | Class::Subtitle
            | Class::Numbered
            | Class::Noise => j += 1,
            Class::Name if j > i => return j + 1,
            _ => break,
        }
    }
    j
}

/// Segments classified lines into articles and unassigned fragments.
pub(crate) fn parse(text: &str, lines: &mut [Line<'_>]) -> Parsed {
    let mut meta = Meta::default();
    let mut owners: Vec<Owner> = Vec::with_capacity(lines.len());
    let mut plans: Vec<Plan> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let directories = page_directories(lines);
    for run in &directories {
        for l in lines.get_mut(run.clone()).unwrap_or(&mut []) {
            l.class = Class::Noise;
        }
    }
    let mut i = header_zone(lines, &directories, &mut meta, &mut owners);
    if meta.date.is_none() {
        meta.date = recorded_date(lines);
    }
    if meta.date.is_none()
        && let Some((date, page)) = facts_of_page(lines)
    {
        meta.date = date;
        if meta.page.is_none() {
            meta.page = page;
        }
    }
    set_aside_title_index(lines, i);
    let mut cur: Option<Current> = None;
    let after_blank: Vec<bool> = (0..lines.len())
        .map(|k| {
            k > 0
                && lines
                    .get(k - 1)
                    .zip(lines.get(k))
                    .is_some_and(|(a, b)| crate::lines::blank_between(text, a, b))
        })
        .collect();
    let indented = boundary::page_indents(lines);
    let mut page = PageState {
        indented,
        blank_parted: boundary::blank_parted_articles(lines, &after_blank),
        after_blank,
        package: None,
        banner_column: None,
        item_label: None,
        cites_headlines: boundary::cites_under_headlines(lines),
        titles_at_margin: boundary::titles_at_margin(lines, indented),
    };

    while let Some(line) = lines.get(i) {
        // A caption printed as a line of text over its credit (`…转型升级。` / `刘某摄`), one
        // more picture of the spread the open article holds.
        if line.class == Class::Text
            && cur.as_ref().is_some_and(another_picture_of_spread)
            && boundary::caption_over_credit(lines, i)
            && let Some(l) = lines.get_mut(i)
        {
            l.class = Class::Caption;
        }
        let Some(line) = lines.get(i) else { break };
        match line.class {
            // `制图：某某` under a chart's caption credits the chart, not the page.
            Class::Editors if chart_credit(lines, i) && cur.is_some() => {
                if let Some(l) = lines.get_mut(i) {
                    l.class = Class::Byline;
                }
                if let Some(c) = &cur {
                    owners.push(Owner::Article(c.index));
                }
            }
            Class::Editors => {
                if let Some(e) = parse_editors(line.text) {
                    meta.editors.extend(e);
                }
                owners.push(Owner::Fragment(Why::Editors));
                cur = None;
            }
            Class::Header => {
                fill_header(&mut meta, line.text);
                match &cur {
                    // A web export prints the paper and date under the headline (`标题` /
                    // `辽宁日报 2023年02月21日` / text): the article goes on, and the line stays
                    // inside its span (out of its text).
                    Some(c)
                        if header_under_headline(
                            c,
                            lines.get(i + 1..).and_then(|rest| {
                                // A site's noise between (`分享到：`) hides nothing, nor does
                                // the rest of the header (`版次:A01` / `2023年07月14日`).
                                rest.iter()
                                    .find(|l| !matches!(l.class, Class::Noise | Class::Header))
                            }),
                        ) =>
                    {
                        owners.push(Owner::Article(c.index));
                    }
                    _ => {
                        owners.push(Owner::Fragment(Why::PageHeader));
                        cur = None;
                    }
                }
            }
            Class::Citation => {
                fill_header(&mut meta, line.text);
                match &cur {
                    // Under a headline (and its byline), before the text or a box label
                    // (`核心阅读`): the article goes on, and the line stays inside its span (out
                    // of its text).
                    Some(c) if !c.body => {
                        // An e-paper prints a package on one article page: a citation under
                        // another headline starts an item past the package.
                        if let Some(plan) = plans.get_mut(c.index)
                            && (page.package.is_some() && plan.column == page.package
                                || page.item_label.is_some() && plan.column == page.item_label)
                        {
                            plan.column = None;
                            page.package = None;
                        }
                        page.item_label = None;
                        // A short label alone over the citation, with a headline under it: the
                        // label of an article page of several items (`各地快讯`).
                        if let Some(k) = label_over_item_page(lines, &owners, c.index, i)
                            && let Some(o) = owners.get_mut(k)
                        {
                            *o = Owner::Fragment(Why::Furniture);
                            owners.push(Owner::Fragment(Why::PageHeader));
                            page.item_label = item_label(lines, &owners, i);
                            cur = None;
                            i += 1;
                            continue;
                        }
                        owners.push(Owner::Article(c.index));
                    }
                    // After the text, it ends the article above it, and a package.
                    _ => {
                        page.package = None;
                        page.item_label = item_label(lines, &owners, i);
                        owners.push(Owner::Fragment(Why::PageHeader));
                        cur = None;
                    }
                }
            }
            Class::Jump => match &cur {
                // `（上接第一版）` under a headline: the article goes on here, and the marker
                // stays inside its span (out of its text).
                Some(c) if continued_here(line.text) && !c.body => {
                    owners.push(Owner::Article(c.index));
                }
                // `（下转第六版）` ends the article on this page.
                _ => {
                    owners.push(Owner::Fragment(Why::Jump));
                    cur = None;
                }
            },
            Class::EditorNote => {
                // An editor's note stands over the articles that follow, not in one of them.
                // Signed `——编  者` under a headline and a few paragraphs with no credit, it
                // was a package's note all along: its headline and paragraphs are furniture,
                // and its column goes to the reports under it. Under a page's column and
                // banner, the column goes to them.
                page.package = page.banner_column.take();
                let signature = crate::lines::is_note_signature(line.text);
                let next = lines.get(i + 1).map(|l| l.class);
                // A note under an article's headline and credit (and its pictures), before its
                // text (`编者按：本版今起推出…系列报道`): it opens a series with this article,
                // which goes on; the note stays inside its span, out of its text.
                if !signature
                    && let Some(c) = &mut cur
                    && c.signed
                    && !c.has_text()
                    && matches!(next, Some(Class::Text | Class::Dateline | Class::Lead))
                {
                    if let Some(l) = lines.get_mut(i) {
                        l.class = Class::Noise;
                    }
                    // A picture's credit over the note closed no photo item.
                    c.closed = false;
                    c.photo_closed = false;
                    owners.push(Owner::Article(c.index));
                    i += 1;
                    continue;
                }
                // A note under an uncredited headline, with the article's text and no other
                // headline after it (`标题` / `编者按` / the note / the text): the note heads this
                // article; it stays inside its span, out of its text.
                if !signature
                    && let Some(c) = &cur
                    && !c.has_text()
                    && c.headings == 0
                    && let Some(body) = note_heads_own_text(lines, i)
                {
                    for k in i..body {
                        if let Some(l) = lines.get_mut(k) {
                            l.class = Class::Noise;
                        }
                        owners.push(Owner::Article(c.index));
                    }
                    i = body;
                    continue;
                }
                // A note opening a series under its first article's headline and credit
                // (`开栏的话` / the note / `——编  者`): the series', not the article's text.
                if signature
                    && let Some(c) = &mut cur
                    && c.signed
                    && let Some(note) = series_note_under_credit(lines, &owners, c.index, i)
                {
                    for l in lines.get_mut(note.start..=i).unwrap_or(&mut []) {
                        l.class = Class::Noise;
                    }
                    c.body = false;
                    c.paragraphs = 0;
                    c.headings = 0;
                    c.heading_group = 0;
                    c.first_heading = None;
                    c.cut = false;
                    owners.push(Owner::Article(c.index));
                    i += 1;
                    continue;
                }
                // The lines of a note signed under an article's pictures.
                let pictures_note = if signature {
                    note_after_pictures(lines, i)
                } else {
                    None
                };
                // A note signed under a credited article's pictures is that article's, and
                // its text follows, whatever opens it (a section heading may).
                if signature
                    && let Some(c) = &cur
                    && (matches!(next, Some(Class::Text | Class::Dateline | Class::Lead))
                        || c.signed && pictures_note.is_some())
                {
                    // The note heads this article's own text: it goes on. Signed under the
                    // article's pictures, the note is the page's, not the article's text.
                    // The note stays inside the article's span, out of its text.
                    if let Some(note) = pictures_note {
                        for l in lines.get_mut(note.start..=i).unwrap_or(&mut []) {
                            l.class = Class::Noise;
                        }
                    }
                    owners.push(Owner::Article(c.index));
                    i += 1;
                    continue;
                }
                if signature
                    && let Some(c) = &cur
                    && !c.credited
                    && c.headings == 0
                    && c.paragraphs <= 6
                    && next.is_some_and(Class::is_headline)
                {
                    let start = article_start(&owners, c.index);
                    page.package = package_column(
                        lines.get(start..).unwrap_or(&[]),
                        owners.get(start..).unwrap_or(&[]),
                        c.index,
                    );
                    for o in owners.get_mut(start..).unwrap_or(&mut []) {
                        if *o == Owner::Article(c.index) {
                            *o = Owner::Fragment(Why::Furniture);
                        }
                    }
                } else if signature
                    && let Some(c) = &cur
                    && next.is_some_and(Class::is_headline)
                {
                    // A package that opens with a report or photos of its own (`春和景明
                    // 消费场景上新（经济聚焦）` over pictures and the note): its column goes to the
                    // reports under the note as well.
                    let start = article_start(&owners, c.index);
                    // The note signed under the pictures is the package's.
                    for k in pictures_note.unwrap_or_default() {
                        if let Some(o) = owners.get_mut(k)
                            && *o == Owner::Article(c.index)
                        {
                            *o = Owner::Fragment(Why::Furniture);
                        }
                    }
                    page.package = package_column(
                        lines.get(start..).unwrap_or(&[]),
                        owners.get(start..).unwrap_or(&[]),
                        c.index,
                    );
                }
                owners.push(Owner::Fragment(Why::Furniture));
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
                    c.credited = true;
                    owners.push(Owner::Article(c.index));
                }
                None => owners.push(Owner::Fragment(Why::Noise)),
            },
            Class::Byline | Class::Author => {
                let mut c = match cur.take() {
                    Some(mut c) => {
                        // A writer's credit under the pictures signs the report below them: the
                        // pictures' credit closed no photo item.
                        if byline_under_pictures(&c, lines, i) {
                            c.closed = false;
                            c.photo_closed = false;
                        } else if c.body
                            && !standfirst_before_byline(&c, lines.get(i + 1))
                            && !writer_noted_again(&c, lines, &owners, i)
                            // `采访人：本报记者某某` stands over the interview it credits.
                            && !crate::byline::interviewer_line(line.text)
                            && !boundary::pictures_credited_over_text(
                                c.signed,
                                line,
                                lines.get(i + 1),
                            )
                        {
                            c.closed = true;
                            c.end_credited = true;
                            // The pictures' credit under their captions closes a photo item, as
                            // one glued to a caption does: a dateline lead under it reopens it.
                            c.photo_closed |=
                                !c.has_text() && boundary::only_pictures_credited(line.text);
                        }
                        c
                    }
                    None => open(&mut plans, None, false),
                };
                c.credited = true;
                c.signed |= !c.body;
                // A role word alone leaves the names to an end credit; an end credit brings them.
                c.names_pending = !c.body && crate::lines::role_alone(line.text);
                owners.push(Owner::Article(c.index));
                cur = Some(c);
            }
            // A name over text or captions is a title (`童  趣`), not a signature: a signature
            // ends its article.
            Class::Name
                if cur.as_ref().is_some_and(|c| c.body && !c.closed)
                    && lines.get(i + 1).is_none_or(|l| {
                        !matches!(
                            l.class,
                            Class::Caption | Class::Text | Class::Dateline | Class::Lead
                        )
                    }) =>
            {
                // A bare name after the text: the article's author, signing off.
                if let Some(c) = &mut cur {
                    c.closed = true;
                    c.credited = true;
                    owners.push(Owner::Article(c.index));
                }
            }
            Class::Sidebar if cur.is_some() && !sidebar_heads_news(lines, i) => {
                // `记者手记`, `链接`: a box of the article above, with its own heading lines.
                let j = run_end(lines, i + 1);
                if let Some(c) = &mut cur {
                    c.closed = false;
                    c.cut = false;
                    c.sidebar = true;
                    owners.extend((i..j).map(|_| Owner::Article(c.index)));
                }
                i = j;
                continue;
            }
            Class::Caption => {
                let mut c = match cur.take() {
                    // `大图：…` after a credit names a picture of the item just closed.
                    Some(c) if !c.closed || crate::lines::picture_named(line.text) => c,
                    // Where the picture comes from, under its credit (`某某绘` / `（《某刊》供图）`),
                    // or the same caption printed again, as e-paper article pages do.
                    Some(c)
                        if c.photo_closed
                            && !c.has_text()
                            && (crate::lines::picture_source(line.text)
                                || i > 0
                                    && lines.get(i - 1).is_some_and(|p| p.text == line.text)) =>
                    {
                        c
                    }
                    // Another picture of a spread under one headline: its caption follows
                    // the credit that closed the one before, no headline between.
                    Some(c) if another_picture_of_spread(&c) => c,
                    // Another picture's caption under a headline's pictures, before the text
                    // that a dateline lead opens (`标题` / `…陈某摄` / `…陈某摄` / `某某讯…`).
                    Some(c)
                        if boundary::pictures_over_lead(
                            lines,
                            i,
                            c.photo_closed && !c.has_text(),
                        ) =>
                    {
                        c
                    }
                    _ => open(&mut plans, None, false),
                };
                // A photo credit closes a photo item (captions and no text of its own), as an
                // end byline closes an article.
                if !c.has_text() && crate::byline::photo_credit_suffix(line.text).is_some() {
                    c.closed = true;
                    c.photo_closed = true;
                }
                c.body = true;
                owners.push(Owner::Article(c.index));
                cur = Some(c);
            }
            Class::Dateline | Class::Text | Class::Lead => {
                let mut caption_above = None;
                let mut c = match cur.take() {
                    Some(c)
                        if !(c.closed
                            || line.class == Class::Dateline && c.has_text() && !c.cut) =>
                    {
                        c
                    }
                    // Another wire dispatch under a report opened by one, no headline between:
                    // a round-up of dispatches under one headline.
                    Some(c)
                        if !c.closed
                            && c.wire
                            && !c.brief
                            && line.class == Class::Dateline
                            && wire_dateline(line.text) =>
                    {
                        c
                    }
                    Some(mut c) if boundary::caption_between_credits(lines, i) => {
                        c.closed = false;
                        c
                    }
                    Some(mut c) if c.awaiting_dateline && line.class == Class::Dateline => {
                        c.awaiting_dateline = false;
                        // The picture's caption may stand between the headline and the lead.
                        if let Some(at) = caption_before_lead(&c, lines, &owners, i) {
                            caption_above = Some(at);
                            c.paragraphs -= 1;
                        }
                        c
                    }
                    Some(mut c)
                        if line.class == Class::Dateline
                            && let Some(at) = caption_before_lead(&c, lines, &owners, i) =>
                    {
                        caption_above = Some(at);
                        c.paragraphs -= 1;
                        c.closed = false;
                        c
                    }
                    // The text of a report signed under its headline, after the pictures
                    // between them: their credit closed no photo item.
                    Some(mut c)
                        if c.photo_closed
                            && !c.has_text()
                            && (line.class == Class::Dateline
                                || c.signed
                                || text_under_captioned_headline(lines, i)) =>
                    {
                        c.closed = false;
                        c.photo_closed = false;
                        c
                    }
                    Some(c) if !c.closed && c.brief => {
                        let column = c.column.clone();
                        open(&mut plans, column, true)
                    }
                    _ => open(&mut plans, None, false),
                };
                // A short exclaimed line after a finished paragraph, before more text: a
                // title, or a paragraph?
                if line.class == Class::Text
                    && c.body
                    && !c.cut
                    && boundary::exclaimed_headline(line.text)
                    && lines
                        .get(i + 1)
                        .is_some_and(|n| n.class == Class::Text && n.text.chars().count() >= 40)
                {
                    diagnostics.push(Diagnostic {
                        code: DiagnosticCode::TextOrTitle,
                        message: "read as a paragraph; it could be the title of a new article"
                            .to_owned(),
                        span: Some([line.start, line.end()]),
                    });
                }
                // A dateline alone on its line (`本报某地7月6日电`) with the byline's lines under
                // it heads the text below them: the byline is no end credit.
                if !dateline_alone(lines, i, c.paragraphs) {
                    c.body = true;
                }
                c.credited |= line.class == Class::Dateline;
                c.dated |= line.class == Class::Dateline && c.paragraphs == 0;
                c.wire |=
                    line.class == Class::Dateline && c.paragraphs == 0 && wire_dateline(line.text);
                c.paragraphs += 1;
                c.cut = !ends_sentence(line.text) && !crate::lines::closes_with_contact(line.text);
                // A credit glued after the last sentence (`…略低。文/本报记者 张某`) ends it.
                if line.glued_credit {
                    c.closed = true;
                    c.credited = true;
                    c.end_credited = true;
                }
                owners.push(Owner::Article(c.index));
                cur = Some(c);
                if let Some(l) = caption_above.and_then(|k| lines.get_mut(k)) {
                    l.class = Class::Caption;
                }
            }
            Class::Label(_)
            | Class::Short
            | Class::Merged
            | Class::Subtitle
            | Class::Numbered
            | Class::Name
            | Class::Sidebar => {
                if let Some(l) = lines.get_mut(i)
                    && l.class == Class::Sidebar
                {
                    l.class = Class::Label(LabelKind::Other);
                }
                let mut j = run_end(lines, i).max(i + 1);
                // A short line with a comma that a caption interrupts is the head of a cut
                // paragraph (`十几平方米的屋子里,一面墙上挂着` / `▲…摄` / `一百多件工具…`), not
                // a headline line.
                if j >= i + 2
                    && let Some(last) = lines.get(j - 1)
                    && last.class == Class::Short
                    && last.text.contains(['，', ','])
                    && !ends_sentence(last.text)
                    && lines.get(j).is_some_and(|l| l.class == Class::Caption)
                    && text_after_captions(lines, j)
                {
                    if let Some(l) = lines.get_mut(j - 1) {
                        l.class = Class::Text;
                    }
                    j -= 1;
                }
                i = headline_run(
                    &mut page,
                    lines,
                    i,
                    j,
                    &mut cur,
                    &mut plans,
                    &mut owners,
                    &mut diagnostics,
                );
                continue;
            }
        }
        i += 1;
    }

    let whole_paragraphs = prints_whole_paragraphs(lines);
    let traits = PageTraits {
        indented: page.indented,
        opinion: meta.section.as_deref().is_some_and(opinion_page),
        photo: meta.section.as_deref().and_then(crate::lines::label_kind) == Some(LabelKind::Photo),
        front: meta.page.as_deref().is_some_and(front_page),
        bare_reporters: prints_reporters_bare(lines),
        whole_paragraphs,
        unmarked_headings: whole_paragraphs || every_long_line_ends_a_sentence(lines),
    };
    let (articles, unassigned) = assemble(text, lines, &owners, &plans, traits, &mut diagnostics);
    lone_heading_doubts(&articles, &mut diagnostics);
    Parsed {
        meta,
        articles,
        unassigned,
        diagnostics,
    }
}

/// A dateline printed alone on its line as the article's first text, with byline lines under
/// it (`本报某地7月6日电` / `记者 林某` / `报道组 王某`): it heads the text under the byline, so
/// the byline is the article's, under its headline, not an end credit.
fn dateline_alone(lines: &[Line<'_>], i: usize, paragraphs: usize) -> bool {
    paragraphs == 0
        && lines
            .get(i)
            .is_some_and(|l| l.class == Class::Dateline && crate::byline::bare_dateline(l.text))
        && lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.class, Class::Byline | Class::Author))
}

/// Where the lines of the open article `index` begin among `owners`. Articles own their lines
/// in order, so only this article's own lines (and fragments among them) are scanned.
fn article_start(owners: &[Owner], index: usize) -> usize {
    owners
        .iter()
        .rposition(|o| matches!(o, Owner::Article(a) if *a != index))
        .map_or(0, |p| p + 1)
}

/// Whether the editors' line at `i` is a chart's or a picture's credit: a picture's credit
/// with a label (`制图：某某`), right under a caption.
fn chart_credit(lines: &[Line<'_>], i: usize) -> bool {
    let under_caption = i
        .checked_sub(1)
        .and_then(|k| lines.get(k))
        .is_some_and(|l| l.class == Class::Caption);
    under_caption
        && lines
            .get(i)
            .and_then(|l| crate::byline::parse_byline_line(l.text))
            .is_some_and(|c| !c.photographers.is_empty() && c.reporters.is_empty())
}

/// Whether a dateline lead is a wire service's dispatch, filed or reprinted
/// (`新华社某地某日电`, `据新华社某地某日电`, `中新社…电`).
fn wire_dateline(text: &str) -> bool {
    const AGENCIES: [&str; 3] = ["新华社", "中新社", "中通社"];
    // The agency stands in the first few characters: most leads are passed over unparsed.
    let head = text
        .char_indices()
        .nth(6)
        .map_or(text, |(i, _)| text.get(..i).unwrap_or(text));
    if !AGENCIES.iter().any(|a| head.contains(a)) {
        return false;
    }
    crate::byline::parse_dateline(text)
        .and_then(|d| d.dateline)
        .is_some_and(|d| {
            let d = d.strip_prefix('据').unwrap_or(d);
            d.ends_with('电') && AGENCIES.iter().any(|a| d.starts_with(a))
        })
}

/// The lines of a note that opens a series, signed at `signature` (`——编  者`) under its
/// label (`开栏的话`, `编者按`) right under the first article's credit (`某某` / `开栏的话` / the
/// note / `——编  者` / the article's text): their range, label first, if there is such a note.
fn series_note_under_credit(
    lines: &[Line<'_>],
    owners: &[Owner],
    index: usize,
    signature: usize,
) -> Option<std::ops::Range<usize>> {
    let ours = |k: usize| owners.get(k) == Some(&Owner::Article(index));
    let mut k = signature;
    while k > 0 && ours(k - 1) && lines.get(k - 1).is_some_and(|l| l.class == Class::Text) {
        k -= 1;
    }
    if k == signature || k == 0 || !ours(k - 1) {
        return None;
    }
    let label = lines.get(k - 1)?;
    let bare = crate::lines::bare_label(label.text);
    let note_label = crate::lines::is_editor_note(label.text)
        || matches!(bare, "开栏的话" | "编前" | "编前语" | "写在前面");
    if !note_label {
        return None;
    }
    let above = lines.get(k.checked_sub(2)?)?;
    matches!(
        above.class,
        Class::Byline | Class::Author | Class::Name | Class::Citation
    )
    .then_some(k - 1..signature)
}

/// The lines of an editor's note signed at `signature` (`——编  者`) right under a row of
/// pictures and their credits (or the line naming where they come from): the note's, not the
/// pictures' nor an article's text. Their range, if there is such a note.
fn note_after_pictures(lines: &[Line<'_>], signature: usize) -> Option<std::ops::Range<usize>> {
    let above = lines.get(..signature).unwrap_or(&[]);
    let note = above
        .iter()
        .rev()
        .take_while(|l| l.class == Class::Text)
        .count();
    let start = signature - note;
    let under_credit = start
        .checked_sub(1)
        .and_then(|k| lines.get(k))
        .is_some_and(|l| {
            boundary::only_photo_credit(l.text) || crate::lines::picture_source(l.text)
        });
    (note > 0 && under_credit).then_some(start..signature)
}

/// The label heading an e-paper's article page of several items: the line over the page's
/// citation line `i` is a label's shape or a short phrase (`八方速递`, `各地快讯`) and stands
/// alone, kept out of every article. The items of the page take it as their column.
fn item_label(lines: &[Line<'_>], owners: &[Owner], i: usize) -> Option<String> {
    let k = (0..i)
        .rev()
        .find(|&k| lines.get(k).is_some_and(|l| l.class != Class::Noise))?;
    let label = lines.get(k)?;
    let alone = owners.get(k) == Some(&Owner::Fragment(Why::Furniture));
    (alone && item_label_shape(label)).then(|| crate::lines::column_text(label.text))
}

/// Where the article `index` opened under the citation line `i` is only a label over an
/// e-paper's article page of several items (`各地快讯` / citation / headlines): one line of a
/// label's shape, with a headline under the citation.
fn label_over_item_page(
    lines: &[Line<'_>],
    owners: &[Owner],
    index: usize,
    i: usize,
) -> Option<usize> {
    let start = article_start(owners, index);
    let mut head = (start..i).filter(|&k| {
        owners.get(k) == Some(&Owner::Article(index))
            && lines.get(k).is_some_and(|l| l.class != Class::Noise)
    });
    let k = head.next()?;
    let next_headline = lines.get(i + 1).is_some_and(|l| l.class.is_headline());
    (head.next().is_none() && next_headline && lines.get(k).is_some_and(item_label_shape))
        .then_some(k)
}

/// Whether a line has the shape of the label over an e-paper's article page of several items:
/// a label, or a short phrase with no punctuation.
fn item_label_shape(label: &Line<'_>) -> bool {
    let n = label.text.chars().count();
    matches!(label.class, Class::Label(_))
        || crate::headline::column_shape(label.text) >= 1 && n <= 12
        || n <= 8
            && !label
                .text
                .contains(['，', '。', '：', '？', '！', ',', ':', '（', '('])
}

/// The column a package's headline prints (in brackets after it, or as a label over it: a
/// line of a label's shape over the package's title, `大家谈·扎根基层④`).
fn package_column(lines: &[Line<'_>], owners: &[Owner], index: usize) -> Option<String> {
    let head: Vec<&Line<'_>> = owners
        .iter()
        .zip(lines)
        .filter(|(o, _)| **o == Owner::Article(index))
        .map(|(_, l)| l)
        .take_while(|l| l.class.is_headline() || l.class == Class::Noise)
        .filter(|l| l.class != Class::Noise)
        .collect();
    let over_title = |k: usize, l: &Line<'_>| {
        k == 0 && head.len() >= 2 && crate::headline::column_shape(l.text) == 2
    };
    head.iter().enumerate().find_map(|(k, l)| match l.class {
        Class::Label(_) => Some(crate::normalize::fullwidth(&crate::lines::unpad(l.text))),
        _ if over_title(k, l) => Some(crate::normalize::fullwidth(&crate::lines::unpad(l.text))),
        _ => crate::lines::column_after_title(l.text)
            .map(|(_, column)| crate::normalize::fullwidth(column)),
    })
}

/// The column printed over a page's banner and its editor's note (`科普看台` / `一觉好眠为健康
/// 充电` / `编者按：…`): the column of every report under them. A short line over a longer one.
/// Whether the pictures under a headline group (their captions and credits from line `j` on)
/// stand over a dateline lead: a report with its pictures, whose headline is all its own, not a
/// photo page's banner over its first picture's title.
fn report_under_pictures(lines: &[Line<'_>], j: usize) -> bool {
    lines
        .iter()
        .skip(j)
        .find(|l| !matches!(l.class, Class::Caption | Class::Byline | Class::Noise))
        .is_some_and(|l| l.class == Class::Dateline)
}

fn column_over_banner(run: &[Line<'_>]) -> Option<String> {
    let heads: Vec<&Line<'_>> = run.iter().filter(|l| l.class != Class::Noise).collect();
    let [label, banner] = heads.as_slice() else {
        return None;
    };
    let n = label.text.chars().count();
    let column = matches!(label.class, Class::Label(_))
        || crate::headline::column_shape(label.text) > 0
        || (2..=8).contains(&n) && n < banner.text.chars().count();
    column.then(|| crate::normalize::fullwidth(&crate::lines::unpad(label.text)))
}

/// Whether the sidebar label at `i` heads a news item of its own (a headline and a credit
/// follow it): then it is that item's column label, as in `链接` over a related report.
fn sidebar_heads_news(lines: &[Line<'_>], i: usize) -> bool {
    let j = run_end(lines, i + 1);
    j > i + 1 && boundary::credit_follows(lines.get(j))
}

/// The cues around the run `lines[i..j]` with `cur` open above it.
fn run_cues(
    lines: &[Line<'_>],
    i: usize,
    j: usize,
    cur: Option<&Current>,
    indented_page: bool,
) -> RunCues {
    let run = lines.get(i..j).unwrap_or(&[]);
    let next = lines.get(j);
    let heads = run.iter().filter(|l| l.class != Class::Noise).count();
    // Under a package's uncredited introduction of a few paragraphs, a headline group whose
    // text ends in a credit is the package's first item (`送菜供餐帮配药` / two paragraphs /
    // `自助助人` / `抗原检测高效率` / … / `本报记者 某某`).
    let after_intro =
        heads >= 2 && cur.is_some_and(|c| !c.credited && c.paragraphs <= 3 && c.headings == 0);
    let end_credit = (heads >= 3 || after_intro || cur.is_some_and(|c| c.credited))
        && boundary::end_credit_ahead(lines, j);
    RunCues {
        boundary: cur.is_none_or(|c| c.closed),
        cut: cur.is_some_and(|c| c.cut),
        credit_follows: boundary::credit_follows(next)
            || run.iter().any(|l| l.class == Class::Name)
            || boundary::signed_by_body(run)
            // An e-paper article page prints its citation under the headline group.
            || next.is_some_and(|l| l.class == Class::Citation),
        byline_follows: boundary::byline_follows(next)
            || cur.is_some_and(|c| c.credited) && boundary::credit_follows(next),
        photo_follows: boundary::photo_follows(lines, j),
        label: run.iter().any(|l| {
            matches!(l.class, Class::Label(_))
                || l.class == Class::Short && crate::headline::column_beside_title(l.text).is_some()
        }) || boundary::marked_label_over_headline(run),
        marked: run
            .iter()
            .any(|l| matches!(l.class, Class::Merged | Class::Subtitle)),
        columned: run
            .iter()
            .any(|l| l.class == Class::Short && crate::lines::titled_with_column(l.text)),
        lead_follows: boundary::lead_follows(next),
        end_credit_ahead: cur.is_some_and(|c| c.credited) && end_credit,
        group_with_end_credit: (heads >= 3 || after_intro)
            && end_credit
            && !boundary::grouped_like_its_headings(heads, cur.map_or(0, |c| c.heading_group)),
        unlike_headings: boundary::unlike_heading(
            run,
            cur.and_then(|c| c.first_heading.as_deref()),
        ),
        after_sidebar: cur.is_some_and(|c| c.sidebar && c.has_text()),
        in_brief_run: cur.is_some_and(|c| c.brief),
        numbered: run
            .iter()
            .all(|l| matches!(l.class, Class::Numbered | Class::Noise)),
        sentence_like: boundary::sentence_like(run),
        beside_text: run.iter().any(|l| l.beside_text),
        awaiting_body: cur.is_some_and(|c| c.credited && !c.has_text() && !c.closed)
            && next.is_some_and(|l| matches!(l.class, Class::Text | Class::Caption)),
        names_pending: cur.is_some_and(|c| c.names_pending && !c.closed),
        parallel_heading: boundary::parallel_heading(
            run,
            cur.and_then(|c| c.first_heading.as_deref()),
        ),
        roundup_item: cur.is_some_and(|c| c.named_title)
            && run
                .iter()
                .find(|l| l.class != Class::Noise)
                .is_some_and(|l| boundary::named_item(l.text)),
        unnamed_in_roundup: cur.is_some_and(|c| c.named_title && !c.closed)
            && run
                .iter()
                .find(|l| l.class != Class::Noise)
                .is_some_and(|l| !boundary::named_item(l.text)),
        wide_two_phrase: heads == 1
            && run
                .iter()
                .any(|l| l.class == Class::Short && boundary::wide_two_phrase(l.text)),
        at_margin: indented_page && run.iter().all(|l| !l.indented || l.class == Class::Noise),
        short_news: cur.is_some_and(|c| c.dated && c.headings == 0 && c.paragraphs <= 4),
        uncredited_after_dated: cur.is_some_and(|c| c.dated && !c.closed)
            && boundary::uncredited_ahead(lines, j),
        signed: cur.is_some_and(|c| c.signed),
        dateline_ahead: boundary::dateline_ahead(lines, j),
        dated_lead_follows: boundary::dated_lead_follows(run, next),
        caller_follows: boundary::caller_follows(run, next),
        lines: heads,
        // Set by the caller, which knows the page's blank lines.
        set_apart: false,
        run_on: false,
        pointer_follows: next.is_some_and(|l| crate::header::page_pointer(l.text)),
        stamp_follows: next.is_some_and(|l| {
            l.class == Class::Header
                && crate::header::parse_header_line(l.text).is_some_and(|h| h.date.is_some())
        }) && lines
            .get(j + 1..)
            .and_then(|rest| rest.iter().find(|l| l.class != Class::Noise))
            .is_some_and(|l| {
                // The text, its credit, or the picture printed over the text.
                matches!(
                    l.class,
                    Class::Byline | Class::Author | Class::Dateline | Class::Text | Class::Caption
                )
            }),
        dated_again_ahead: cur.is_some_and(|c| c.dated)
            && boundary::bracketed_dateline_ahead(lines, j),
        // Set by the caller, which knows the page.
        uncited: false,
        indented_run: false,
        after_bracketed_close: cur.is_some_and(|c| c.has_text() && !c.closed)
            && boundary::after_bracketed_close(lines, i),
        caption_then_lead: boundary::caption_then_lead(lines, j),
        titled_alike: cur.is_some_and(|c| c.has_text() && c.headings == 0 && !c.dated)
            && boundary::titled_alike(run, cur.and_then(|c| c.title_line.as_deref())),
    }
}

/// Reports the section heading of an article that has one and no other, where nothing else
/// was reported in the article: features print their headings in sets, so a heading alone is
/// as likely the title of a next article printed without a credit (`HeadingOrTitle`). A
/// sidebar's label (`记者手记`) is no doubt.
fn lone_heading_doubts(articles: &[Article], diagnostics: &mut Vec<Diagnostic>) {
    let mut doubts = Vec::new();
    for a in articles {
        let mut groups = a
            .blocks
            .iter()
            .enumerate()
            .filter(|(k, b)| {
                b.kind == BlockKind::Heading
                    && k.checked_sub(1)
                        .and_then(|p| a.blocks.get(p))
                        .is_none_or(|p| p.kind != BlockKind::Heading)
            })
            .map(|(k, _)| k);
        let (Some(first), None) = (groups.next(), groups.next()) else {
            continue;
        };
        let last = a
            .blocks
            .iter()
            .skip(first)
            .take_while(|b| b.kind == BlockKind::Heading)
            .last();
        let (Some(head), Some(last)) = (a.blocks.get(first), last) else {
            continue;
        };
        // A sidebar's label (`记者手记`) heads the sidebar, not an article.
        if crate::lines::is_sidebar_label(&head.text) {
            continue;
        }
        let inside = |s: Span| s[0] < a.span[1] && s[1] > a.span[0];
        let reported = diagnostics
            .iter()
            .any(|d| d.code.is_reading() && d.span.is_some_and(inside));
        if !reported {
            doubts.push(Diagnostic {
                code: DiagnosticCode::HeadingOrTitle,
                message: "the article's only section heading; it could be the title of a new \
                          article"
                    .to_owned(),
                span: Some([head.span[0], last.span[1]]),
            });
        }
    }
    diagnostics.extend(doubts);
}

/// Whether text goes on after the captions from `j`: the rest of a paragraph a picture cut, not
/// a credit or a headline.
fn text_after_captions(lines: &[Line<'_>], j: usize) -> bool {
    lines
        .get(j..)
        .unwrap_or(&[])
        .iter()
        .find(|l| l.class != Class::Caption)
        .is_none_or(|l| l.class == Class::Text)
}

/// Whether the credit at `i` signs the report under its headline's pictures, before its text
/// (`标题` / `…机器人正在铲爆米花 某某中心供图` / `记者 徐盈盈` / text, or `王某 韩某摄影报道`
/// over a dateline lead): captions and no text so far, a writer's credit (not a photographer's
/// alone), and text, or one line and text, after it.
fn byline_under_pictures(c: &Current, lines: &[Line<'_>], i: usize) -> bool {
    // A writer's credit: reporters or authors (a `摄影报道` credit names both), not a
    // photographer's alone.
    let writers = lines
        .get(i)
        .and_then(|l| crate::byline::parse_byline_line(l.text))
        .is_some_and(|c| !(c.reporters.is_empty() && c.authors.is_empty()));
    let text = |k: usize| {
        lines
            .get(k)
            .is_some_and(|l| matches!(l.class, Class::Text | Class::Dateline | Class::Lead))
    };
    !c.has_text()
        && c.body
        && writers
        && (text(i + 1) || lines.get(i + 1).is_some_and(|l| l.class.is_headline()) && text(i + 2))
}

/// Whether the one line of text between the open article's headline group (or byline) and
/// the dateline lead at `i` is the caption of a picture printed there, not a text of its own
/// (`标题` / `作者：某某` / `领导考察宝塔村。` / `某某日报消息 …`): one short sentence, right
/// under the headline, in an article with no dateline yet. The lead goes on that article
/// rather than opening an untitled one.
fn caption_before_lead(
    c: &Current,
    lines: &[Line<'_>],
    owners: &[Owner],
    i: usize,
) -> Option<usize> {
    // The report's byline may stand between the caption and the lead (`标题` / `花好莫要采。` /
    // `□全媒体记者 某某 文/图` / `本报讯 …`): it closed nothing, the text is to come.
    let ours = |k: usize| matches!(owners.get(k), Some(Owner::Article(a)) if *a == c.index);
    let byline_between = i
        .checked_sub(1)
        .and_then(|k| lines.get(k))
        .is_some_and(|l| l.class == Class::Byline)
        && ours(i - 1);
    let at = i.checked_sub(1 + usize::from(byline_between))?;
    let (before, above) = (lines.get(at)?, lines.get(at.checked_sub(1)?)?);
    (c.paragraphs == 1
        && c.headings == 0
        && !c.dated
        && !c.brief
        && (!c.closed || byline_between)
        && before.class == Class::Text
        && before.text.chars().count() <= 40
        && ends_sentence(before.text)
        && before.text.matches(['。', '！', '？']).count() == 1
        && !matches!(
            above.class,
            Class::Text | Class::Caption | Class::Dateline | Class::Lead
        )
        && ours(at - 1))
    .then_some(at)
}

/// Whether a caption after the open article's pictures, no headline between, shows another
/// picture of the same spread (`最美是“丰”景` / `…韩某摄` / `…` / `刘某摄` / `…`): the article
/// opened with a headline and has captions closed by a photographer's credit and no text yet.
/// A photo item of its own starts with its title; pictures with no headline over them are
/// each their own item.
fn another_picture_of_spread(c: &Current) -> bool {
    c.headlined && c.photo_closed && !c.has_text()
}

/// Whether the text at `i` is the body of the headline above it, with its photo's caption
/// (and the photographer's credit) between them (`标题` / `提示牌。记者 李毅 摄` / text): no
/// headline of its own, and paragraphs, not one line, follow.
fn text_under_captioned_headline(lines: &[Line<'_>], i: usize) -> bool {
    lines.get(i).is_some_and(|l| l.class == Class::Text)
        && lines.get(i + 1).is_some_and(|n| n.class == Class::Text)
        && i.checked_sub(1)
            .and_then(|k| lines.get(k))
            .is_some_and(|c| c.class == Class::Caption)
}

/// Whether a run is the signature of the open article: names alone (`宋刚`) under its headline
/// before its text, set apart from the headline by a citation line or a caption.
fn signature_under_headline(run: &[Line<'_>], c: &Current) -> bool {
    !c.has_text()
        && !c.closed
        && !c.credited
        && run.iter().any(|l| l.class == Class::Name)
        && run
            .iter()
            .all(|l| matches!(l.class, Class::Name | Class::Noise))
}

/// Decides the run `lines[i..j]` and gives its lines their owners; returns where to go on.
#[allow(clippy::too_many_arguments)]
fn headline_run(
    page: &mut PageState,
    lines: &mut [Line<'_>],
    i: usize,
    j: usize,
    cur: &mut Option<Current>,
    plans: &mut Vec<Plan>,
    owners: &mut Vec<Owner>,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let Some(run) = lines.get(i..j) else {
        return j;
    };
    let span = [
        run.first().map_or(0, |l| l.start),
        run.last().map_or(0, |l| l.end()),
    ];
    let next = lines.get(j).map(|l| l.class);
    if let Some(c) = cur.as_mut()
        && signature_under_headline(run, c)
    {
        c.credited = true;
        c.signed = true;
        owners.extend((i..j).map(|_| Owner::Article(c.index)));
        return j;
    }
    let mut cues = run_cues(lines, i, j, cur.as_ref(), page.indented);
    if page.blank_parted && cur.as_ref().is_some_and(Current::has_text) {
        let apart = page.after_blank.get(i).copied().unwrap_or(false);
        cues.set_apart = apart;
        cues.run_on = !apart;
    }
    // Set as the text under a headline at the margin, though the page does not indent: a
    // heading, unless the run reads as a round-up's next item or a package's next report,
    // whose text ends in a credit of its own.
    cues.indented_run = page.titles_at_margin && boundary::indented_run(run)
        || cur.as_ref().is_some_and(|c| c.title_at_margin)
            && boundary::set_as_its_text(run, lines.get(j))
            && !cues.roundup_item
            && !cues.group_with_end_credit
            && !cues.end_credit_ahead;
    cues.uncited = page.cites_headlines
        && cur.as_ref().is_some_and(Current::has_text)
        && next != Some(Class::Citation);
    let labels: Vec<(&str, LabelKind)> = run
        .iter()
        .filter_map(|l| match l.class {
            Class::Label(k) => Some((l.text, k)),
            _ => None,
        })
        .collect();
    let heads = cues.lines;
    // Labels alone before the next header or label: furniture, such as a run label above briefs
    // that a label of its own follows.
    let only_labels = labels.len() == heads;
    let furniture_next = matches!(
        next,
        None | Some(
            Class::Jump
                | Class::Editors
                | Class::Header
                | Class::Citation
                | Class::Label(_)
                | Class::EditorNote
        )
    );
    // A page banner or special-page name over an editor's note: furniture. Unless no headline
    // follows the note: then the headline is the title of the text under the note.
    let banner_over_note =
        next == Some(Class::EditorNote) && note_heads_own_text(lines, j).is_none();
    let (reading, margin) = boundary::weigh(&cues);
    match reading {
        RunReading::Lead => {
            for k in i..j {
                if let Some(l) = lines.get_mut(k)
                    && l.class != Class::Noise
                {
                    l.class = Class::Lead;
                }
            }
            if let Some(c) = cur {
                c.body = true;
                c.paragraphs += 1;
                owners.extend((i..j).map(|_| Owner::Article(c.index)));
            }
            j
        }
        RunReading::NewArticle if (only_labels && furniture_next) || banner_over_note => {
            for l in run {
                owners.push(Owner::Fragment(if l.class == Class::Noise {
                    Why::Noise
                } else {
                    Why::Furniture
                }));
            }
            if banner_over_note {
                page.banner_column = column_over_banner(run);
            }
            *cur = None;
            j
        }
        RunReading::NewArticle => {
            // A photo page opens with a banner over its first photo's title; not over the
            // report a follow-up answers (`《某某》跟踪报道`), which is of the headline.
            let follow_up = run.iter().any(|l| crate::headline::follow_up_of(l.text));
            // A line that runs on into the title with a colon (`某某区：`) is its kicker.
            let leads_in = run
                .iter()
                .find(|l| l.class != Class::Noise)
                .is_some_and(|l| l.text.ends_with(['：', ':']));
            let banner = if plans.is_empty()
                && cues.photo_follows
                && heads >= 2
                && !cues.label
                && !follow_up
                && !leads_in
                && !report_under_pictures(lines, j)
            {
                heads - 1
            } else {
                0
            };
            let mut k = i;
            let mut skipped = 0;
            while skipped < banner
                && let Some(l) = lines.get(k)
            {
                owners.push(Owner::Fragment(if l.class == Class::Noise {
                    Why::Noise
                } else {
                    skipped += 1;
                    Why::Furniture
                }));
                k += 1;
            }
            let brief_label = labels.iter().any(|(_, k)| *k == LabelKind::Brief);
            let inherit = cur
                .as_ref()
                .is_some_and(|c| c.brief && (!c.closed || c.end_credited))
                && labels.is_empty()
                && !matches!(next, Some(Class::Byline | Class::Author))
                && !cues.marked
                && !cues.columned;
            let brief = brief_label || inherit;
            // A report under a package takes its column; a news item opened by a dateline
            // lead, or an article with a column of its own, is past the package.
            let own_column =
                !labels.is_empty() || run.iter().any(|l| crate::lines::titled_with_column(l.text));
            let dated = lines.get(j).is_some_and(|l| l.class == Class::Dateline);
            if own_column || dated {
                page.package = None;
            }
            let column = if inherit {
                cur.as_ref().and_then(|c| c.column.clone())
            } else {
                labels
                    .first()
                    .map(|(t, _)| (*t).to_owned())
                    .or_else(|| page.package.clone())
                    .or_else(|| page.item_label.clone())
            };
            // A sponsored column's label heads every item after it, up to another label; so
            // does a campaign's column (`“…”主题实践活动•先锋`) that opens the page.
            let head = run.iter().find(|l| l.class != Class::Noise);
            if heads >= 2
                && let Some(l) = head
            {
                let t = crate::lines::unpad(crate::lines::bare_label(l.text));
                if crate::lines::sponsored_label(&t)
                    || plans.is_empty() && crate::headline::themed_column(&t)
                {
                    page.package = Some(crate::normalize::fullwidth(&t));
                }
            }
            // After an article that printed no credit either, one more without is the page's
            // way: no doubt worth a reader's look.
            let uncredited_page = cur.as_ref().is_some_and(|c| c.headlined && !c.credited);
            let c = open(plans, column, brief);
            owners.extend((k..j).map(|_| Owner::Article(c.index)));
            let credited = run.iter().any(|l| l.class == Class::Name);
            let signed = credited;
            if !cues.boundary
                && !cues.credit_follows
                && !cues.photo_follows
                && !inherit
                && !uncredited_page
            {
                diagnostics.push(Diagnostic {
                    code: DiagnosticCode::ArticleStartWithoutCredit,
                    message: "a new article starts here with no credit after its headline"
                        .to_owned(),
                    span: Some(span),
                });
            }
            let named_title = run
                .iter()
                .find(|l| l.class != Class::Noise && !matches!(l.class, Class::Label(_)))
                .is_some_and(|l| boundary::named_item(l.text));
            let title_at_margin = run
                .iter()
                .find(|l| l.class != Class::Noise)
                .is_some_and(|l| !l.indented);
            let title_line = run
                .iter()
                .filter(|l| matches!(l.class, Class::Short | Class::Merged))
                .max_by_key(|l| l.text.len())
                .map(|l| l.text.to_owned());
            *cur = Some(Current {
                credited,
                signed,
                named_title,
                title_at_margin,
                title_line,
                headlined: true,
                awaiting_dateline: cues.dateline_ahead && !cues.credit_follows,
                ..c
            });
            j
        }
        RunReading::Headings => {
            if let Some(c) = cur {
                owners.extend((i..j).map(|_| Owner::Article(c.index)));
                c.headings += 1;
                c.heading_group = c.heading_group.max(
                    lines
                        .get(i..j)
                        .unwrap_or(&[])
                        .iter()
                        .filter(|l| l.class != Class::Noise)
                        .count(),
                );
                if c.first_heading.is_none() {
                    c.first_heading = run
                        .iter()
                        .find(|l| l.class != Class::Noise)
                        .map(|l| l.text.to_owned());
                }
                // Headings before this run: a question among them is one more.
                let before = c.headings.saturating_sub(1);
                let sentence = |l: &Line<'_>| {
                    boundary::sentence_line(l) && !boundary::question_heading(l.text, before)
                };
                let sentence_lines = lines.get(i..j).unwrap_or(&[]).iter().any(sentence);
                let sentence_like = cues.sentence_like && sentence_lines;
                if sentence_like || sentence_lines && !cues.numbered {
                    // A heading has no comma; a short line with one inside an article is the
                    // head of a paragraph cut by a column break. Under a heading (`【点评】`) it
                    // is the first line of the text.
                    for l in lines.get_mut(i..j).unwrap_or(&mut []) {
                        if matches!(l.class, Class::Short | Class::Numbered)
                            && (sentence_like || sentence(l))
                        {
                            // After a finished paragraph, the line could as well be a title.
                            if c.body
                                && !c.cut
                                && !boundary::question(l.text)
                                && !boundary::reads_as_running_text(l.text)
                            {
                                diagnostics.push(Diagnostic {
                                    code: DiagnosticCode::TextOrTitle,
                                    message: "read as the first line of a paragraph; it could be \
                                              the title of a new article"
                                        .to_owned(),
                                    span: Some([l.start, l.end()]),
                                });
                            }
                            l.class = Class::Text;
                            c.cut = !ends_sentence(l.text);
                            c.body = true;
                            c.paragraphs += 1;
                        }
                    }
                } else if (margin <= 1
                    || margin == 2 && c.headings == 1
                    || boundary::title_shaped_heading(run, c.first_heading.as_deref())
                    || first_heading_of_short_news(&cues, c))
                    && !cues.cut
                    && !cues.numbered
                {
                    diagnostics.push(Diagnostic {
                        code: DiagnosticCode::HeadingOrTitle,
                        message:
                            "read as a section heading; it could be the title of a new article"
                                .to_owned(),
                        span: Some(span),
                    });
                }
            }
            j
        }
    }
}

/// Whether a run read as a section heading would be the first heading of a short news item
/// (a dateline lead and a few paragraphs): news items seldom carry headings, so the run may
/// well be the next item's title, though the weighing kept it in the item.
fn first_heading_of_short_news(cues: &boundary::RunCues, c: &Current) -> bool {
    // The run is already counted among the item's headings.
    cues.short_news && c.headings == 1 && !cues.indented_run
}

/// Whether the line at `i` names the open article's writer again with a note on the writer
/// (`林小雨` under the title, then `林小雨（江城大学学生）` over the essay, after a column's
/// opening words): a note, which closes nothing, not the credit of another article.
fn writer_noted_again(c: &Current, lines: &[Line<'_>], owners: &[Owner], i: usize) -> bool {
    let Some(name) = lines.get(i).and_then(|l| crate::byline::noted_name(l.text)) else {
        return false;
    };
    owners.iter().enumerate().any(|(k, o)| {
        matches!(o, Owner::Article(a) if *a == c.index)
            && lines.get(k).is_some_and(|l| {
                matches!(l.class, Class::Name | Class::Author | Class::Byline)
                    && l.text.split_whitespace().collect::<String>().contains(name)
            })
    })
}

/// Whether the one paragraph above a byline is the article's standfirst, printed between
/// the headline and the credit (`标题` / `现代社会信息爆炸，…。` / `■本报记者 某某` / text):
/// nothing else is in the article yet, it has no credit, and text follows the byline. Then the
/// byline opens the text instead of ending the article.
fn standfirst_before_byline(c: &Current, next: Option<&Line<'_>>) -> bool {
    c.paragraphs == 1
        && c.headings == 0
        && !c.credited
        && !c.dated
        && !c.closed
        && next.is_some_and(|l| l.class == Class::Text)
}

/// Whether a page header or citation line stands between an article's headline and its
/// text, as web exports print the paper and date under the title (a database its `版面：头版`
/// under the author, an e-paper's article page its `《人民日报》（…第 02 版）` under the
/// headline or after the byline): the article has its headline, maybe a credit, and no text
/// yet, and text, a caption or a credit follows.
fn header_under_headline(c: &Current, next: Option<&Line<'_>>) -> bool {
    !c.body
        && next.is_some_and(|l| {
            matches!(
                l.class,
                Class::Text
                    | Class::Caption
                    | Class::Dateline
                    | Class::Lead
                    | Class::Byline
                    | Class::Author
            )
        })
}

/// An e-paper page's index of its titles, copied above the article: headline lines at the top
/// (from `from`, before any text) one of which comes again after the site's links or a header
/// line, as the headline of the article itself (`甲标题` / `乙标题` / `上一期 下一期` / `甲标题`
/// / `本报讯…`). The lines of the index, up to that last link or header line.
fn title_index(lines: &[Line<'_>], from: usize) -> Option<std::ops::Range<usize>> {
    let separator = |c: Class| matches!(c, Class::Noise | Class::Header);
    let top = lines.get(from..)?;
    let end = top
        .iter()
        .position(|l| !(listed_title(l) || separator(l.class)))
        .unwrap_or(top.len());
    let top = top.get(..end)?;
    // The title comes again only after a link or header line: without one, no index.
    let first_separator = top.iter().position(|l| separator(l.class))?;
    for (b, again) in top.iter().enumerate().skip(first_separator + 1) {
        if !listed_title(again) {
            continue;
        }
        let Some(a) = top
            .get(..b)?
            .iter()
            .position(|l| listed_title(l) && unbulleted(l.text) == again.text)
        else {
            continue;
        };
        let cut = (a..b)
            .rev()
            .find(|&k| top.get(k).is_some_and(|l| separator(l.class)))?;
        return Some(from..from + cut);
    }
    None
}

/// Sets a page's index of titles ([`title_index`]) aside as noise, and marks the headline
/// lines after it that the index names (`Line::indexed`), read as headline lines whatever
/// their shape.
fn set_aside_title_index(lines: &mut [Line<'_>], from: usize) {
    let Some(index) = title_index(lines, from) else {
        return;
    };
    let titles: Vec<&str> = lines
        .get(index.clone())
        .unwrap_or(&[])
        .iter()
        .filter(|l| listed_title(l))
        .map(|l| unbulleted(l.text))
        .collect();
    for l in lines.get_mut(index.end..).unwrap_or(&mut []) {
        if !(l.class.is_headline() || matches!(l.class, Class::Noise | Class::Header)) {
            break;
        }
        l.indexed = listed_title(l) && titles.contains(&l.text);
        if l.indexed && matches!(l.class, Class::Text | Class::Name) {
            l.class = Class::Short;
        }
    }
    for l in lines.get_mut(index).unwrap_or(&mut []) {
        if l.class != Class::Header {
            l.class = Class::Noise;
        }
    }
}

/// An e-paper site's list of the issue's pages, copied with the page (`01版:要闻` / `02版:要闻`
/// / `03版:综合` …): three page lines or more in a row, each naming another page. It names
/// every page but the one shown, so it is no header of this page.
fn page_directories(lines: &[Line<'_>]) -> Vec<std::ops::Range<usize>> {
    // The page shown is named with the site's links beside it (`第A06版:城事 上一版3`): no
    // entry of the list.
    let listed = |l: &Line<'_>| {
        crate::lines::listed_page(l.text).is_some()
            && !l.text.split_whitespace().any(crate::lines::navigation_word)
    };
    let mut runs = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let end = (k..lines.len())
            .find(|&j| lines.get(j).is_none_or(|l| !listed(l)))
            .unwrap_or(lines.len());
        if end > k {
            let mut pages: Vec<&str> = Vec::new();
            for l in lines.get(k..end).unwrap_or(&[]) {
                if let Some(page) = crate::lines::listed_page(l.text)
                    && !pages.contains(&page)
                {
                    pages.push(page);
                }
            }
            if pages.len() >= 3 {
                runs.push(k..end);
            }
            k = end;
        } else {
            k += 1;
        }
    }
    runs
}

/// A line that can stand in a page's index of titles: a headline's shape, a short name-like
/// title (`龙舟`), or a long title that ends no sentence (`某某奖入选作品名单(共84件)`).
/// A listed title without the bullet a site sets before each (`· 标题`, `• 标题`).
fn unbulleted(t: &str) -> &str {
    t.strip_prefix(['·', '•', '●', '◆'])
        .map_or(t, str::trim_start)
}

fn listed_title(l: &Line<'_>) -> bool {
    l.class.is_headline()
        || l.class == Class::Name
        || l.class == Class::Text
            && !l
                .text
                .trim_end()
                .ends_with(['。', '！', '？', '!', '?', '…', '；', ';', '，', ','])
            && l.text.chars().count() <= 64
}

/// An untitled photo right after a titled photo story (a caption and its credit, nothing else)
/// is one more picture of it: a photo page's spread under one headline (`摄影报道`, then four pictures
/// each captioned and credited) is one story, not one titled picture and three untitled ones.
fn photo_of_spread(spread: &Article, photo: &Article) -> bool {
    spread.kind == Kind::Photo
        && !spread.title.trim().is_empty()
        && photo.kind == Kind::Photo
        && photo.title.trim().is_empty()
        && photo.column.is_none()
        && photo.kicker.is_none()
        && photo.subtitle.is_none()
        && photo.dateline.is_none()
        && photo.lead.is_none()
        && photo.byline.reporters.is_empty()
        && photo.byline.authors.is_empty()
        && !photo.blocks.is_empty()
        && photo.blocks.iter().all(|b| b.kind == BlockKind::Caption)
}

/// Adds a picture of a spread to its story: its captions, credits and span.
fn join_spread(spread: &mut Article, photo: Article) {
    spread.blocks.extend(photo.blocks);
    for name in photo.byline.photographers {
        if !spread.byline.photographers.contains(&name) {
            spread.byline.photographers.push(name);
        }
    }
    for name in photo.byline.correspondents {
        if !spread.byline.correspondents.contains(&name) {
            spread.byline.correspondents.push(name);
        }
    }
    spread.byline.raw.extend(photo.byline.raw);
    spread.span[1] = spread.span[1].max(photo.span[1]);
}

/// An article with no headline whose first paragraph is shaped as one: at most 80 characters,
/// no sentence's end in it, over a paragraph of text. (A page's first article
/// continued from another page opens with the end of a sentence instead.) Its span, to report.
fn headline_read_as_text(article: &Article) -> Option<crate::model::Span> {
    if !article.title.trim().is_empty() {
        return None;
    }
    let mut paragraphs = article
        .blocks
        .iter()
        .filter(|b| b.kind == crate::model::BlockKind::Paragraph);
    let first = paragraphs.next()?;
    // Text follows it: a paragraph with a sentence's end.
    let text_under = paragraphs
        .next()
        .is_some_and(|p| crate::normalize::ends_sentence(&p.text));
    (text_under && crate::lines::headline_shaped(&first.text)).then_some(first.span)
}

/// Whether an article after the first reads as a report or feature with no headline: a
/// reader would ask whether it continues the article before (photo items and the items of a
/// run of briefs often stand untitled).
fn untitled_report(article: &Article, before: usize) -> bool {
    before > 0
        && article.title.trim().is_empty()
        && matches!(article.kind, Kind::News | Kind::Feature | Kind::Commentary)
}

/// Where the text under an editor's note at `at` starts, when an article's own text follows
/// the note rather than another headline: the note's label and text (`编者按` alone on its
/// line, then its paragraph; or `编者按：…` on one line), an optional `——编  者`, then text.
fn note_heads_own_text(lines: &[Line<'_>], at: usize) -> Option<usize> {
    let note = lines.get(at)?;
    if note.class != Class::EditorNote || crate::lines::is_note_signature(note.text) {
        return None;
    }
    let label = note.text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '【' | '】' | '[' | ']' | '：' | ':')
    });
    let mut k = at + 1;
    if matches!(label, "编者按" | "编者的话" | "编 者 按") {
        // The label alone: its text is the next line.
        if lines.get(k)?.class != Class::Text {
            return None;
        }
        k += 1;
    }
    if lines
        .get(k)
        .is_some_and(|l| crate::lines::is_note_signature(l.text))
    {
        k += 1;
    }
    // An article's text: three paragraphs at least before anything else. (A package's note
    // may run to a second paragraph and a credit, with the package's reports below.)
    let text = lines
        .get(k..)?
        .iter()
        .take_while(|l| matches!(l.class, Class::Text | Class::Dateline | Class::Lead))
        .count();
    (text >= 3).then_some(k)
}

/// The second pass: builds each article from its contiguous lines and collects fragments.
fn assemble(
    text: &str,
    lines: &[Line<'_>],
    owners: &[Owner],
    plans: &[Plan],
    traits: PageTraits,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Article>, Vec<Fragment>) {
    let mut unassigned = Vec::new();
    let mut articles = Vec::new();
    let hash = fnv1a32(text.as_bytes());
    let mut k = 0;
    // Where the last article's lines end, when nothing lies between it and the next run.
    let mut open_end: Option<usize> = None;
    while k < lines.len() {
        match owners.get(k).copied() {
            Some(Owner::Fragment(why)) => {
                if let Some(l) = lines.get(k) {
                    unassigned.push(fragment(l, why));
                }
                open_end = None;
                k += 1;
            }
            None => {
                // Every line gets an owner in the first pass; this only guards the invariant.
                if let Some(l) = lines.get(k) {
                    unassigned.push(fragment(l, Why::Noise));
                }
                open_end = None;
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
                    .and_then(|ls| build(ls, &plan, traits, hash, articles.len() + 1, diagnostics));
                for l in lines.get(k..first).unwrap_or(&[]) {
                    unassigned.push(fragment(l, Why::Noise));
                }
                let follows = open_end == Some(first) && first == k;
                open_end = (last == end).then_some(end);
                match built {
                    Some(article)
                        if follows
                            && let Some(spread) = articles.last_mut()
                            && photo_of_spread(spread, &article) =>
                    {
                        join_spread(spread, article);
                    }
                    Some(article) => {
                        if untitled_report(&article, articles.len()) {
                            diagnostics.push(Diagnostic {
                                code: DiagnosticCode::UntitledArticle,
                                message: "an article with no headline; it may be part of the \
                                          article before"
                                    .to_owned(),
                                span: Some(article.span),
                            });
                        } else if let Some(span) = headline_read_as_text(&article) {
                            diagnostics.push(Diagnostic {
                                code: DiagnosticCode::TextOrTitle,
                                message: "read as a paragraph; it could be the title of a new \
                                          article"
                                    .to_owned(),
                                span: Some(span),
                            });
                        }
                        articles.push(article)
                    }
                    None => {
                        open_end = None;
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
    // A headline printed again over its article, as a web page heads the article it shows: the
    // first print, with nothing under it, is the page's.
    for at in title_printed_again(&articles).into_iter().rev() {
        let stub = articles.remove(at);
        for l in lines
            .iter()
            .filter(|l| l.start >= stub.span[0] && l.end() <= stub.span[1])
        {
            unassigned.push(fragment(l, Why::Furniture));
        }
    }
    photo_label_over_run(&mut articles);
    marked_labels_over_runs(lines, &mut articles);
    unassigned.sort_unstable_by_key(|f| f.span[0]);
    (articles, unassigned)
}

/// A page that sets its items in groups, each under a label set off by a mark (`□师者之尊` /
/// three items / `□桃李芬芳` / two items): the label is the column of every item of its group,
/// up to the next such label. Two such labels at least say the page is grouped so; an item
/// with a column of its own keeps it.
fn marked_labels_over_runs(lines: &[Line<'_>], articles: &mut [Article]) {
    // Marked lines read as an article's column.
    let marked: Vec<(usize, String)> = lines
        .iter()
        .filter(|l| {
            matches!(l.class, Class::Label(_) | Class::Short)
                && l.text.starts_with(crate::lines::LABEL_MARKS)
        })
        .map(|l| (l.start, crate::lines::column_text(l.text)))
        .filter(|(_, label)| articles.iter().any(|a| a.column.as_ref() == Some(label)))
        .collect();
    if marked.len() < 2 {
        return;
    }
    for a in articles.iter_mut() {
        let label = marked.iter().rev().find(|(at, _)| *at < a.span[0]);
        if let Some((_, label)) = label
            && a.column.is_none()
        {
            a.column = Some(label.clone());
        }
    }
}

/// A photo page's label over a run of photo items, each with its own title (`图片新闻` /
/// `大桥工程快速建设` / … / `多元养殖助增收` / …): the column of every item of the run, as a
/// brief label is of its briefs. The run ends at the first item that is no photo item or has a
/// column of its own.
fn photo_label_over_run(articles: &mut [Article]) {
    for i in 1..articles.len() {
        let (before, rest) = articles.split_at_mut(i);
        let (Some(prev), Some(a)) = (before.last(), rest.first_mut()) else {
            continue;
        };
        if a.column.is_none()
            && a.kind == Kind::Photo
            && prev.kind == Kind::Photo
            && let Some(label) = prev
                .column
                .as_deref()
                .filter(|c| crate::lines::PHOTO_LABELS.contains(c))
        {
            a.column = Some(label.to_owned());
        }
    }
}

/// The articles that are only a headline (no text, no credit) printed again as a later
/// article's title (`标题` / `《某某日报》（…01版）` / site lines / `标题` / text): a web page's
/// heading over the article it shows. Their indexes, in order.
fn title_printed_again(articles: &[Article]) -> Vec<usize> {
    let bare = |a: &Article| {
        a.blocks.is_empty()
            && a.byline.raw.is_empty()
            && a.dateline.is_none()
            && !a.title.is_empty()
    };
    (0..articles.len())
        .filter(|&i| {
            articles.get(i).is_some_and(|a| {
                bare(a)
                    && articles
                        .iter()
                        .skip(i + 1)
                        .any(|b| b.title == a.title && !b.blocks.is_empty())
            })
        })
        .collect()
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

/// The issue's date a page without a dated header gives in a site's record of its first
/// article (`江城日报 要闻 00002 标题 2010-07-21 …`, [`crate::lines::record_of_headline`]).
fn recorded_date(lines: &[Line<'_>]) -> Option<String> {
    (0..lines.len())
        .filter(|&i| lines.get(i).is_some_and(|l| l.class == Class::Noise))
        .find_map(|i| crate::lines::record_date(lines, i))
}

/// The date and page number a web copy's line of facts under its first headline gives
/// (`来源:某某晚报 2022年10月23日 版次:A11 …`: [`crate::byline::web_meta_page`]), for a page
/// whose header gives no date.
fn facts_of_page(lines: &[Line<'_>]) -> Option<(Option<String>, Option<String>)> {
    lines
        .iter()
        .take(40)
        .filter(|l| l.class == Class::Author)
        .find_map(|l| crate::byline::web_meta_page(l.text))
}

/// The name of a special page or supplement: `文化和自然遗产日特刊`, `乡村振兴专刊`.
fn special_page_name(t: &str) -> bool {
    let n = t.chars().count();
    (4..=16).contains(&n)
        && t.chars().all(crate::normalize::is_han)
        && ["特刊", "专刊", "专版", "周刊", "副刊", "增刊"]
            .iter()
            .any(|e| t.ends_with(e))
}

/// Takes the page header off the top: date, page number, page name and editor lines.
/// A page's name that names its news by a page's name (`地方新闻`, `本地新闻`, `国际新闻`):
/// no column of an item, as `图片新闻` or `即时新闻` is.
fn news_page_name(s: &str) -> bool {
    s.strip_suffix("新闻").is_some_and(|name| {
        (2..=4).contains(&name.chars().count())
            && is_page_name(name)
            && crate::lines::label_kind(s).is_none()
    })
}

fn header_zone(
    lines: &[Line<'_>],
    directories: &[std::ops::Range<usize>],
    meta: &mut Meta,
    owners: &mut Vec<Owner>,
) -> usize {
    let mut i = 0;
    let mut seen = false;
    while let Some(line) = lines.get(i) {
        if line.class == Class::Editors {
            if let Some(e) = parse_editors(line.text) {
                meta.editors.extend(e);
            }
            owners.push(Owner::Fragment(Why::Editors));
        } else if directories.iter().any(|d| d.contains(&i)) {
            // A line of the site's list of pages (`page_directories`): it names another page.
            owners.push(Owner::Fragment(Why::Noise));
        } else if seen && meta.section.is_none() && special_page_name(line.text) {
            // `文化和自然遗产日特刊` under the date and page number: the page's name.
            meta.section = Some(line.text.to_owned());
            owners.push(Owner::Fragment(Why::PageHeader));
        } else if let Some(h) = parse_header_line(line.text) {
            let section_only = h.date.is_none() && h.page.is_none() && !h.other;
            // A lone page name counts only right under a date or page number: on its own
            // at the top, `评论` or `图片新闻` is a column label. A page of news named so
            // (`地方新闻`, `本地新闻`) is a page's name even alone at the top.
            let known = h.section.as_deref().is_some_and(is_page_name);
            let news_page = h.section.as_deref().is_some_and(news_page_name);
            if section_only && !((seen || news_page) && known && meta.section.is_none()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_uncredited_start_after_an_uncredited_article_is_not_reported() {
        let page = crate::parse_str(
            concat!(
                "县议会召开审查会议 林某主持第二审查会议\n",
                "县议会第二审查委员会昨日上午召开分组审查会议，审查县府提案三案，审查意见为照案通过。\n",
                "会议由小组召集人林某主持，委员多人出席。\n",
                "大同之家感恩餐会 陪长辈们围炉\n",
                "大同之家昨日中午举办长者春节团圆感恩餐会，副县长到场向长辈们拜年。\n",
            ),
            "p",
        );
        assert_eq!(page.articles.len(), 2);
        assert!(
            !page
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::ArticleStartWithoutCredit)
        );
        // After a credited report, it is.
        let page = crate::parse_str(
            concat!(
                "县议会召开审查会议 林某主持第二审查会议\n",
                "本报记者 王小二\n",
                "县议会第二审查委员会昨日上午召开分组审查会议，审查县府提案三案。\n",
                "会议由小组召集人林某主持，委员多人出席。\n",
                "（完）\n",
                "大同之家感恩餐会 陪长辈们围炉\n",
                "大同之家昨日中午举办长者春节团圆感恩餐会，副县长到场向长辈们拜年。\n",
            ),
            "p",
        );
        assert_eq!(page.articles.len(), 2);
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::ArticleStartWithoutCredit)
        );
    }

    #[test]
    fn a_news_pages_name_alone_at_the_top_is_the_pages() {
        assert!(news_page_name("地方新闻"));
        assert!(!news_page_name("图片新闻"));
        assert!(!news_page_name("新闻"));
        assert!(!news_page_name("即时新闻"));
        let page = crate::parse_str(
            "本地新聞\n江城新橋今天通車 兩岸往來只需五分鐘\n江城新橋今天通車，全長一千米，雙向六車道。\n",
            "p",
        );
        assert_eq!(page.meta.section.as_deref(), Some("本地新聞"));
        assert_eq!(page.articles[0].kicker, None);
        let page = crate::parse_str(
            "图片新闻\n江城新桥今天通车\n江城新桥今天通车，全长一千米，双向六车道。江城记者 林一 摄\n",
            "p",
        );
        assert_eq!(page.meta.section, None);
    }

    #[test]
    fn an_articles_only_section_heading_is_reported() {
        let text = concat!(
            "江城新桥通车记\n",
            "本报记者 林一\n",
            "清晨的茶馆里坐满了人。几位老人说起从前过江要坐渡船，如今过江只要五分钟。\n",
            "老街坊的心愿\n",
            "新桥全长一千米，双向六车道，两岸往来只需五分钟，市民纷纷前来参观。\n",
            "桥通了，两岸的集市也连成一片。\n",
        );
        let page = crate::parse_str(text, "p");
        let at = text.find("老街坊").unwrap();
        assert!(page.diagnostics.iter().any(|d| {
            d.code == DiagnosticCode::HeadingOrTitle && d.span.is_some_and(|s| s[0] == at)
        }));
        // Two sets of headings are the article's: no doubt raised.
        let text = concat!(
            "江城新桥通车记\n",
            "本报记者 林一\n",
            "清晨的茶馆里坐满了人。几位老人说起从前过江要坐渡船，如今过江只要五分钟。\n",
            "一桥飞架\n",
            "新桥全长一千米，双向六车道，两岸往来只需五分钟，市民纷纷前来参观。\n",
            "两岸同城\n",
            "桥通了，两岸的集市也连成一片，周末逛街的人多了起来。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1);
        assert!(
            !page
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::HeadingOrTitle)
        );
        // A sidebar's label is no doubt either.
        let text = concat!(
            "江城新桥通车记\n",
            "本报记者 林一\n",
            "清晨的茶馆里坐满了人。几位老人说起从前过江要坐渡船，如今过江只要五分钟。\n",
            "记者手记\n",
            "新桥全长一千米，双向六车道，两岸往来只需五分钟，市民纷纷前来参观。\n",
        );
        let page = crate::parse_str(text, "p");
        assert!(
            !page
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::HeadingOrTitle)
        );
    }

    #[test]
    fn a_note_opening_a_series_under_the_first_essays_credit_is_not_its_text() {
        let text = concat!(
            "2025-03-05\n第13版\n理论\n\n",
            "新质量的理论意义与实践要求（学习新思想·标识性概念纵横谈）\n\n",
            "林一\n\n",
            "开栏的话\n\n",
            "本版今起推出纵横谈专栏，邀请专家学者深入阐释，敬请关注。\n\n",
            "——编  者\n\n",
            "新质量是当代经济学讨论最多的概念之一，它的提出有深刻的理论背景。\n\n",
            "理解这一概念，要从历史和实践两个维度入手。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        assert_eq!(a.title, "新质量的理论意义与实践要求");
        assert_eq!(a.column.as_deref(), Some("学习新思想·标识性概念纵横谈"));
        assert_eq!(a.byline.authors, ["林一"]);
        assert_eq!(a.blocks.len(), 2, "{:?}", a.blocks);
        assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn marked_labels_over_groups_of_items_are_each_items_column() {
        let text = concat!(
            "□师者之尊\n",
            "深山从教四十年\n",
            "本报讯（记者林小雨）9月7日，山区某村小学的老师正在辅导学生写字。\n",
            "以校为家三十年\n",
            "本报讯（记者王小二）某镇小学的一名女教师三十年来默默奉献。\n",
            "□桃李芬芳\n",
            "某县开展谢师恩活动\n",
            "本报讯（记者赵小三）教师节来临之际，某县组织开展谢师恩主题活动。\n",
        );
        let page = crate::parse_str(text, "p");
        let columns: Vec<Option<&str>> =
            page.articles.iter().map(|a| a.column.as_deref()).collect();
        assert_eq!(
            columns,
            [Some("师者之尊"), Some("师者之尊"), Some("桃李芬芳")]
        );
        // One such label heads its own article only.
        let one = concat!(
            "□师者之尊\n",
            "深山从教四十年\n",
            "本报讯（记者林小雨）9月7日，山区某村小学的老师正在辅导学生写字。\n",
            "以校为家三十年\n",
            "本报讯（记者王小二）某镇小学的一名女教师三十年来默默奉献。\n",
        );
        let page = crate::parse_str(one, "p");
        let columns: Vec<Option<&str>> =
            page.articles.iter().map(|a| a.column.as_deref()).collect();
        assert_eq!(columns, [Some("师者之尊"), None]);
    }

    #[test]
    fn a_round_ups_item_keeps_its_headings_until_the_next_named_item() {
        let text = concat!(
            "　　林小雨：深山从教四十年\n",
            "　　9月7日，在山区的某村小学，林小雨老师正在辅导学生写字。\n",
            "　　王小二：以校为家以家为校\n",
            "　　王小二是某镇小学的一名普通的山村女教师，三十年来默默奉献。\n",
            "　　二十年以校为家　不让一个孩子辍学\n",
            "　　1956年，她出生在某村，生活十分清贫。\n",
            "　　十余载以家为校　为孩子们撑起一间教室\n",
            "　　1993年，一场暴雨冲毁了破旧不堪的教室。\n",
            "　　赵小三：用生命坚守讲台\n",
            "　　9月9日，某村小学教师赵小三在校园里给学生讲课。\n",
        );
        let page = crate::parse_str(text, "p");
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "林小雨：深山从教四十年",
                "王小二：以校为家以家为校",
                "赵小三：用生命坚守讲台"
            ]
        );
        let headings = page.articles[1]
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .count();
        assert_eq!(headings, 2);
    }

    #[test]
    fn a_photo_pages_label_is_the_column_of_its_run_of_photo_items() {
        let text = concat!(
            "图片新闻\n",
            "大桥工程快速建设\n",
            "在江城某镇，高速公路特大桥工程正在紧张建设。\n",
            "通讯员 林小雨 摄\n",
            "多元养殖助增收\n",
            "日前，某镇养殖基地内，工作人员在喂养绵羊。\n",
            "记者 王小二 摄\n",
            "新桥通车\n",
            "本报讯（记者孟五）新桥昨日通车。\n",
        );
        let page = crate::parse_str(text, "p");
        let columns: Vec<Option<&str>> =
            page.articles.iter().map(|a| a.column.as_deref()).collect();
        assert_eq!(columns, [Some("图片新闻"), Some("图片新闻"), None]);
    }

    #[test]
    fn a_place_leading_into_a_photo_pages_first_title_is_no_banner() {
        let text = concat!(
            "第02版：要闻\n\n",
            "江城区：\n\n",
            "蔬菜大棚生产忙\n\n",
            "2月22日，江城区某某村菜农们正忙着给幼苗喷水。\n\n",
            "林小雨 摄\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        assert_eq!(a.kicker.as_deref(), Some("江城区："));
        assert_eq!(a.title, "蔬菜大棚生产忙");
        assert_eq!(a.byline.photographers, ["林小雨"]);
    }

    #[test]
    fn a_writer_named_again_with_a_note_closes_nothing() {
        let text = concat!(
            "于是，我在温暖中长大\n\n",
            "林小雨\n\n",
            "二十年前的今天，小记者团成立了。\n\n",
            "林小雨（江城大学本科在读）\n\n",
            "如今，当我和别人提起那段童年时，每个人都很诧异。\n\n",
            "我只是一个小小的我。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1, "{:?}", page.articles);
        let a = &page.articles[0];
        assert_eq!(a.byline.authors, ["林小雨"]);
        assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
    }

    #[test]
    fn pupils_writings_each_under_title_school_name_and_teacher_are_items() {
        let text = concat!(
            "第B7版：雏鹰\n\n",
            "特别的乐园\n\n",
            "江城中心小学402班\n\n",
            "林小雨(证号2302056)\n\n",
            "指导老师 赵某某\n\n",
            "我的乐园会移动，是白色的，可以搭乘人。\n\n",
            "这辆白色汽车，不仅是我的乐园，还见证了我的成长，我会一直记得它。\n\n",
            "家乡的小池塘\n\n",
            "江城实验小学404班\n\n",
            "王小二(证号2331099)\n\n",
            "指导老师 钱某某\n\n",
            "那，是一个美丽的地方，还是一个令人留念的地方。\n",
        );
        let page = crate::parse_str(text, "p");
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["特别的乐园", "家乡的小池塘"]);
        assert_eq!(page.articles[0].byline.authors, ["林小雨"]);
        assert_eq!(page.articles[1].byline.authors, ["王小二"]);
        assert_eq!(
            page.articles[0].blocks.len(),
            2,
            "{:?}",
            page.articles[0].blocks
        );
    }

    #[test]
    fn pictures_of_a_spread_under_one_headline_are_one_item() {
        let text = concat!(
            "第09版：视觉\n",
            "丰收的田野\n",
            "10月17日，农场员工收割大豆。林一摄\n",
            "10月19日，果农在采摘苹果。近年来，当地深耕苹果种植产业。\n",
            "方二摄\n",
            "10月18日，村民正在采摘酸梨。高三摄\n",
            "秋粮收获近八成，丰收已成定局。各地依托资源发展特色产业。\n",
            "新桥通车\n",
            "本报讯（记者孟五）新桥昨日通车。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 2, "{:?}", page.articles);
        let a = &page.articles[0];
        assert_eq!(a.byline.photographers, ["林一", "方二", "高三"]);
        assert_eq!(a.title, "丰收的田野");
    }

    #[test]
    fn wire_dispatches_under_one_headline_are_one_report() {
        let text = concat!(
            "和谈各方表态\n",
            "据新华社甲城12月31日电（记者林一、方二）某国领导人31日表示愿意会晤。\n",
            "他是在会见来访客人后作上述表示的。\n",
            "据新华社乙城12月31日电（记者高三）首席代表31日说，和谈面临困难。\n",
            "据新华社丙城1月1日电（记者陈四）外长1日强调了各方的立场。\n",
            "新年音乐会举行\n",
            "本报讯（记者孟五）新年音乐会昨晚在大剧院举行。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 2, "{:?}", page.articles);
        let a = &page.articles[0];
        assert_eq!(a.byline.reporters, ["林一", "方二", "高三", "陈四"]);
        assert!(wire_dateline("据新华社甲城12月31日电（记者林一）某国…"));
        assert!(wire_dateline("新华社北京5月12日电 会议在京举行。"));
        assert!(!wire_dateline("本报北京5月12日电 会议在京举行。"));
    }

    #[test]
    fn the_first_heading_of_a_short_news_item_is_reported() {
        let text = concat!(
            "山城新桥今日通车\n",
            "本报山城5月2日电（记者林一）横跨江面的新桥今天上午正式通车。\n",
            "新桥全长一千二百米，双向六车道。\n",
            "老街坊的心愿\n",
            "清晨的茶馆里坐满了人。几位老人说起从前过江要坐渡船。\n",
            "如今过江只要五分钟。\n",
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1, "weighed as a heading");
        let at = text.find("老街坊").unwrap();
        assert!(page.diagnostics.iter().any(|d| {
            d.code == DiagnosticCode::HeadingOrTitle && d.span.is_some_and(|s| s[0] == at)
        }));
    }

    #[test]
    fn a_headline_read_as_the_first_paragraph_is_reported() {
        let text = concat!(
            "01版:要闻\n02版:经济\n03版:社会\n04版:文体\n前一版 下一版 2023年03月03日\n",
            "江城市委 市人大常委会 市政府 市政协党组成员 市中级人民法院 市人民检察院党组书记向市委述职\n",
            "  三地农业部门近日联合发布指导意见，部署春耕备耕工作，要求各地抓好种子、化肥等农资供应。\n",
            "  意见提出，今年三地粮食播种面积稳定在千万亩以上。\n"
        );
        let page = crate::parse_str(text, "p");
        let a = &page.articles[0];
        assert_eq!(a.title, "");
        assert_eq!(
            a.blocks.len(),
            3,
            "the headline line is no part of the lead"
        );
        assert_eq!(headline_read_as_text(a), a.blocks.first().map(|b| b.span));
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::TextOrTitle)
        );
        // Text continued from another page opens with a sentence's end: no doubt.
        let page = crate::parse_str(
            "的意见已经下发。\n\n  各地要抓好种子、化肥等农资供应，确保春耕顺利进行。\n",
            "p",
        );
        assert!(headline_read_as_text(&page.articles[0]).is_none());
    }

    #[test]
    fn a_dateline_alone_over_the_byline_heads_the_text_under_it() {
        let text = concat!(
            "江城协作项目签约\n\n本报江城7月6日电\n\n记者 林某\n\n报道组 王某某 赵某\n\n",
            "　　两家企业今天在江城签约，新项目明年投产。\n\n",
            "　　江城与邻县结对以来，已有十个项目落地。\n"
        );
        let lines = crate::lines::split(text);
        let at = lines.iter().position(|l| l.text == "本报江城7月6日电");
        assert!(at.is_some_and(|i| dateline_alone(&lines, i, 0)));
        assert!(at.is_some_and(|i| !dateline_alone(&lines, i, 1)));
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        assert_eq!(a.dateline.as_deref(), Some("本报江城7月6日电"));
        assert_eq!(a.byline.reporters, ["林某"]);
        assert_eq!(a.byline.correspondents, ["王某某", "赵某"]);
        let paragraphs = a
            .blocks
            .iter()
            .filter(|b| b.kind == crate::model::BlockKind::Paragraph);
        assert_eq!(paragraphs.count(), 2);
    }

    #[test]
    fn a_web_copys_line_of_facts_dates_a_page_without_a_header() {
        let text = "即时新闻\n\n白云山上的挑夫\n\n\
                    来源:江城晚报     2022年10月23日        版次:A11    栏目:随手拍    作者:林小雨\n\n\
                    □图/文 林小雨\n\n  傍晚时分，几个挑夫挑着饮用水和食物上山。\n";
        let lines = crate::lines::split(text);
        assert_eq!(
            facts_of_page(&lines),
            Some((Some("2022-10-23".to_owned()), Some("A11".to_owned())))
        );
        let page = crate::parse_str(text, "p.txt");
        assert_eq!(page.meta.date.as_deref(), Some("2022-10-23"));
        assert_eq!(page.meta.page.as_deref(), Some("A11"));
        assert_eq!(page.articles[0].column.as_deref(), Some("随手拍"));
    }

    #[test]
    fn an_e_paper_pages_index_of_titles_is_set_aside_and_names_the_title() {
        let text = "第07版:文体新闻 上一版3  4下一版\n江城歌舞团新年音乐会名单(共84件)\n\
                    龙舟\n“两岸共乐”即将上演\n返回主页 | 江城日报 | 版面导航\n上一期  下一期\n\
                    民乐专场\n“两岸共乐”即将上演\n本报讯（记者 林海）记者昨日获悉，音乐会下月上演。\n";
        let mut lines = crate::lines::split(text);
        let index = title_index(&lines, 1);
        assert_eq!(
            index,
            Some(1..5),
            "the three titles of the index and the link bar"
        );
        let page = crate::parse_str(text, "p");
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        assert_eq!(a.title, "“两岸共乐”即将上演");
        assert_eq!(a.kicker.as_deref(), Some("民乐专场"));
        assert_eq!(a.byline.reporters, ["林海"]);
        assert_eq!(page.meta.page.as_deref(), Some("07"));
        // Without a link bar or header between them, a line said twice is no index.
        let plain = "乡村振兴\n乡村振兴\n本报讯 村里新修了路。\n";
        lines = crate::lines::split(plain);
        assert_eq!(title_index(&lines, 0), None);
        // A page that opens with text has no index.
        let text_first = "村里新修了路。\n上一期\n村里新修了路。\n";
        lines = crate::lines::split(text_first);
        assert_eq!(title_index(&lines, 0), None);
        // A site sets a bullet before each title of its list.
        let bulleted = "· 一壶清心\n· 江边的老屋\n· 初进江城 就结缘分\n上一期  下一期\n\
                        初进江城 就结缘分\n  那年我调进江城工作，生活从此融入了这座城市。\n";
        let page = crate::parse_str(bulleted, "p");
        assert_eq!(page.articles.len(), 1, "{:?}", page.articles);
        assert_eq!(page.articles[0].title, "初进江城 就结缘分");
        assert_eq!(unbulleted("· 一壶清心"), "一壶清心");
    }

    #[test]
    fn a_caption_and_the_byline_under_a_headline_come_before_the_lead() {
        let page = crate::parse_str(
            "江城桂花开了\n花好莫要采。\n□全媒体记者 林海 文/图\n\
             本报讯 时下，正是桂花开放的时节，大街小巷香气扑鼻。\n\
             “桂花是让人观赏的，不是让人采摘的。”一名环卫工人说。\n",
            "p",
        );
        assert_eq!(page.articles.len(), 1);
        let a = &page.articles[0];
        assert_eq!(a.title, "江城桂花开了");
        assert_eq!(a.dateline.as_deref(), Some("本报讯"));
        assert_eq!(a.byline.reporters, ["林海"]);
        assert_eq!(a.byline.photographers, ["林海"]);
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Caption,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
    }

    #[test]
    fn an_e_paper_sites_list_of_pages_is_no_header() {
        let text = "01版:导读\n02版:要闻评论\n03版:今日关注\n第20-21版:壮丽七十年\n\
                    当前版:04版\n江城新修口袋公园\n本报讯（记者 林海）江城新修了三个口袋公园。\n";
        let lines = crate::lines::split(text);
        assert_eq!(page_directories(&lines), vec![0..4]);
        // The page shown, named with the site's links beside it, ends the list.
        let lines = crate::lines::split("01版:要闻\n02版:评论\n03版:城事\n第A06版:城事 上一版3\n");
        assert_eq!(page_directories(&lines), vec![0..3]);
        let page = crate::parse_str(text, "p");
        assert_eq!(page.meta.page.as_deref(), Some("04"));
        assert_eq!(page.articles[0].title, "江城新修口袋公园");
        // One page's header, or the same page named again, is no list.
        let lines = crate::lines::split("第05版:要闻\n第05版:要闻\n江城新修口袋公园\n");
        assert!(page_directories(&lines).is_empty());
    }

    #[test]
    fn an_index_lists_titles_not_sentences() {
        let line = |text: &'static str, class: Class| crate::lines::plain_line(text, 0, class);
        assert!(listed_title(&line("河南健儿日进三金", Class::Short)));
        assert!(listed_title(&line("龙舟", Class::Name)));
        assert!(listed_title(&line(
            "某某奖入选作品名单(共84件)",
            Class::Text
        )));
        assert!(!listed_title(&line("村里新修了路。", Class::Text)));
        assert!(!listed_title(&line("本报讯 村里新修了路", Class::Dateline)));
    }

    fn photos(text: &str) -> Vec<Article> {
        crate::parse_str(text, "p").articles
    }

    #[test]
    fn untitled_pictures_after_a_photo_story_are_more_of_it() {
        let spread = photos(
            "专栏：摄影报道\n\n摄影报道\n\n江城新建的冷链仓库投入使用，每天可周转蔬菜三百吨。  本报记者 林海摄\n\n\
             南山乡成立了农民书法协会，会员作品多次获奖。 陈立摄\n\n\
             城东社区开放了第一间共享书房。 王小川摄\n",
        );
        assert_eq!(spread.len(), 1);
        assert_eq!(spread[0].title, "摄影报道");
        assert_eq!(spread[0].byline.photographers, ["林海", "陈立", "王小川"]);
        assert_eq!(spread[0].blocks.len(), 3);
        assert!(
            spread[0]
                .blocks
                .iter()
                .all(|b| b.kind == BlockKind::Caption)
        );
        assert!(photo_of_spread(&spread[0], &untitled_photo()));
        let mut report = spread[0].clone();
        report.kind = Kind::News;
        assert!(!photo_of_spread(&report, &untitled_photo()));
        let mut untitled = spread[0].clone();
        untitled.title.clear();
        assert!(!photo_of_spread(&untitled, &untitled_photo()));
        let mut titled = untitled_photo();
        titled.title = "荷花开满塘".into();
        assert!(!photo_of_spread(&spread[0], &titled));
    }

    #[test]
    fn untitled_pictures_alone_stay_apart() {
        // Pictures with no story over them are each their own item.
        let alone = photos(
            "江城新建的冷链仓库投入使用，每天可周转蔬菜三百吨。 林海 摄\n\n\
             南山乡成立了农民书法协会，会员作品多次获奖。 陈立 摄\n",
        );
        assert_eq!(alone.len(), 2);
    }

    #[test]
    fn a_picture_joins_its_spread_with_its_credits_and_span() {
        let mut spread = untitled_photo();
        spread.title = "摄影报道".into();
        spread.byline.photographers = vec!["林海".into()];
        spread.span = [0, 40];
        let mut photo = untitled_photo();
        photo.byline.photographers = vec!["林海".into(), "陈立".into()];
        photo.byline.raw = vec!["林海 陈立摄".into()];
        photo.span = [42, 90];
        join_spread(&mut spread, photo);
        assert_eq!(spread.byline.photographers, ["林海", "陈立"]);
        assert_eq!(spread.byline.raw, ["林海 陈立摄"]);
        assert_eq!(spread.blocks.len(), 2);
        assert_eq!(spread.span, [0, 90]);
    }

    fn untitled_photo() -> Article {
        Article {
            id: String::new(),
            kind: Kind::Photo,
            column: None,
            kicker: None,
            title: String::new(),
            subtitle: None,
            dateline: None,
            byline: crate::Byline::default(),
            lead: None,
            blocks: vec![crate::Block {
                kind: BlockKind::Caption,
                text: "城东社区开放了第一间共享书房。".into(),
                marker: None,
                span: [0, 10],
            }],
            span: [0, 10],
        }
    }

    #[test]
    fn a_short_line_between_a_headline_and_its_lead_is_a_caption() {
        let text = "村官回乡记\n作者：林小雨\n领导考察宝塔村。\n长河日报消息 一股清泉跃出山间，一路向东。\n这条清流，人称秀水。\n";
        let mut lines = crate::lines::split(text);
        let parsed = parse(text, &mut lines);
        assert_eq!(
            parsed.articles.len(),
            1,
            "one article, not an untitled second"
        );
        assert_eq!(parsed.articles[0].dateline.as_deref(), Some("长河日报消息"));
        let caption = lines
            .iter()
            .find(|l| l.text.starts_with("领导"))
            .map(|l| l.class);
        assert_eq!(caption, Some(Class::Caption));
    }

    #[test]
    fn text_under_a_headline_and_its_photo_caption_is_the_headlines() {
        let lines = crate::lines::split(
            "停车费引争议\n停车场的收费标准。晚报记者 刘晓 摄\n3月2日，一位市民停车不到一小时。\n工作人员作了解释。\n",
        );
        let at = lines
            .iter()
            .position(|l| l.text.starts_with("3月2日"))
            .unwrap_or(0);
        assert!(text_under_captioned_headline(&lines, at));
        // One line of text under a caption may be another item's.
        let lines =
            crate::lines::split("图片新闻\n市民在公园赏花。晚报记者 刘晓 摄\n另一条简讯。\n");
        let at = lines.len() - 1;
        assert!(!text_under_captioned_headline(&lines, at));
        let page = crate::parse_str(
            "停车费引争议\n停车场的收费标准。晚报记者 刘晓 摄\n3月2日，一位市民停车不到一小时。\n工作人员作了解释。\n",
            "p.txt",
        );
        assert_eq!(page.articles.len(), 1);
        assert_eq!(page.articles[0].byline.photographers, ["刘晓"]);
    }

    #[test]
    fn a_writers_credit_under_the_pictures_signs_the_report_below() {
        let text = "城区打造首个智能社区\n在超市和驿站上班的，都是机器人\n\n　　机器人正在煮咖啡 某某中心供图\n\n　　记者 林小雨\n\n　　“早上好，要来杯咖啡吗？”\n\n　　站在面前的，不是咖啡师，而是一台机器人。\n\n　　展示中心昨日开放。\n";
        let lines = crate::lines::split(text);
        let credit = lines
            .iter()
            .position(|l| l.text == "记者 林小雨")
            .unwrap_or(0);
        // The comma line under the title is the subtitle, not a paragraph the picture cut.
        assert!(!text_after_captions(&lines, credit - 1));
        let page = crate::parse_str(text, "p.txt");
        assert_eq!(page.articles.len(), 1, "{:?}", page.articles);
        let a = &page.articles[0];
        assert_eq!(
            a.subtitle.as_deref(),
            Some("在超市和驿站上班的，都是机器人")
        );
        assert_eq!(a.byline.reporters, ["林小雨"]);
        assert_eq!(
            a.blocks
                .iter()
                .filter(|b| b.kind == crate::BlockKind::Paragraph)
                .count(),
            3
        );
        // A photographer's credit under the pictures still closes a photo item.
        let photo = crate::lines::split(
            "图片新闻\n市民在公园赏花。\n林小雨 摄\n另一条消息的正文很长，写了很多内容。\n",
        );
        let at = photo
            .iter()
            .position(|l| l.text.ends_with('摄'))
            .unwrap_or(0);
        let c = Current {
            body: true,
            ..open(&mut Vec::new(), None, false)
        };
        assert!(!byline_under_pictures(&c, &photo, at));
        // A photo report's credit over its dateline lead signs the report.
        let page = crate::parse_str(
            "输电工程全线贯通\n　　图为已经贯通的黄河大跨越段。\n　　林小雨  王小二摄影报道\n　　本报兰州9月14日电  （记者林小雨）14日，工程全线贯通。\n　　工程途经区域地形复杂。\n",
            "p.txt",
        );
        assert_eq!(page.articles.len(), 1, "{:?}", page.articles);
        assert_eq!(
            page.articles[0].dateline.as_deref(),
            Some("本报兰州9月14日电")
        );
    }

    #[test]
    fn a_picture_cuts_a_paragraph_only_where_text_goes_on_after_it() {
        let lines = crate::lines::split(
            "十几平方米的屋子里，一面墙上挂着\n▲老人的工具。林小雨 摄\n一百多件工具，件件擦得发亮。\n",
        );
        assert!(text_after_captions(&lines, 1));
        let lines = crate::lines::split(
            "在超市上班的，都是机器人\n▲机器人在煮咖啡。某某供图\n记者 林小雨\n",
        );
        assert!(!text_after_captions(&lines, 1));
    }

    #[test]
    fn names_under_a_headline_set_apart_by_its_citation_sign_it() {
        let page = crate::parse_str(
            "新一代硬件正在形成\n（ 2026-05-13 ） 稿件来源：某某电讯 评论\n\n宋刚\n\n　　在大模型技术持续突破的当下，一个命题日益凸显。\n　　（作者系某研究院研究员）\n",
            "p.txt",
        );
        assert_eq!(page.articles.len(), 1);
        assert_eq!(page.articles[0].title, "新一代硬件正在形成");
        assert_eq!(page.articles[0].byline.authors, ["宋刚"]);
    }

    #[test]
    fn a_headline_printed_again_over_its_article_is_the_pages() {
        let page = crate::parse_str(
            "这个年气象万千\n\n《长河日报》(2026年02月28日 01版)\n\n长河日报 2026年02月28日 Sat\n\n\
             这个年气象万千\n\n【短评】\n\n庙会上古风新韵，年味浓浓。\n\n过了年，转眼就是春天。\n",
            "p",
        );
        assert_eq!(page.articles.len(), 1);
        assert_eq!(page.articles[0].title, "这个年气象万千");
        assert!(
            page.unassigned
                .iter()
                .any(|f| f.why == Why::Furniture && f.text == "这个年气象万千")
        );
    }

    #[test]
    fn a_page_with_e_paper_citation_lines_prints_whole_paragraphs() {
        let cited = crate::lines::split(
            "标题一\n\n林  一《长河日报》（2025年04月08日第 05 版）\n\n第一段没有句号\n\n第二段。\n",
        );
        assert!(prints_whole_paragraphs(&cited));
        let printed =
            crate::lines::split("标题一\n\n本报记者  林  一\n\n第一段没有句号\n\n第二段。\n");
        assert!(!prints_whole_paragraphs(&printed));
    }

    #[test]
    fn a_page_whose_long_lines_all_end_sentences_prints_headings_unmarked() {
        let para = "长河两岸的居民这几年明显感到，出门散步的去处多了，空气也越来越好了，日子过得越来越舒心。";
        let mut whole = String::from("江城新闻\n\n");
        for _ in 0..8 {
            whole.push_str(para);
            whole.push('\n');
        }
        whole.push_str("绿道串起新生活，河畔风景美如画\n");
        whole.push_str(para);
        assert!(every_long_line_ends_a_sentence(&crate::lines::split(
            &whole
        )));
        // One long line left open, as a column break leaves it: the page cuts paragraphs.
        let cut = whole.replacen(
            para,
            "长河两岸的居民这几年明显感到，出门散步的去处多了，空气也越来越好，而且沿河新修的绿道",
            1,
        );
        assert!(!every_long_line_ends_a_sentence(&crate::lines::split(&cut)));
        // Too few long lines to tell.
        let short = format!("江城新闻\n\n{para}\n{para}\n");
        assert!(!every_long_line_ends_a_sentence(&crate::lines::split(
            &short
        )));
    }

    #[test]
    fn a_header_between_a_headline_and_its_text_is_the_exports_paper_and_date() {
        let mut plans = Vec::new();
        let headline_only = open(&mut plans, None, false);
        let lines = crate::lines::split("3月4日,市民在湖畔公园踏青赏花。\n");
        assert!(header_under_headline(&headline_only, lines.first()));
        assert!(!header_under_headline(&headline_only, None));
        let with_text = Current {
            body: true,
            ..headline_only.clone()
        };
        assert!(!header_under_headline(&with_text, lines.first()));
    }

    #[test]
    fn one_paragraph_over_a_byline_with_text_after_it_is_a_standfirst() {
        let mut plans = Vec::new();
        let standfirst = Current {
            body: true,
            paragraphs: 1,
            ..open(&mut plans, None, false)
        };
        let lines = crate::lines::split("不久前，医院开通了线上问诊。\n");
        assert!(standfirst_before_byline(&standfirst, lines.first()));
        assert!(!standfirst_before_byline(&standfirst, None));
        let two = Current {
            paragraphs: 2,
            ..standfirst.clone()
        };
        assert!(!standfirst_before_byline(&two, lines.first()));
        let credited = Current {
            credited: true,
            ..standfirst
        };
        assert!(!standfirst_before_byline(&credited, lines.first()));
    }

    #[test]
    fn opinion_pages_are_known_by_their_names() {
        for name in ["评论", "理论", "观点", "评论·观点", "言论"] {
            assert!(opinion_page(name), "{name}");
        }
        for name in ["要闻", "经济", "城事", "国际"] {
            assert!(!opinion_page(name), "{name}");
        }
    }

    #[test]
    fn a_page_that_prints_one_reporter_bare_prints_them_all_bare() {
        let page = crate::parse_bytes(
            "第2版\n\n港区复工 进度抢回来\n林一舟\n\n\
             港务公司负责人告诉记者，本周装卸量已恢复到九成。\n\n\
             集装箱卡车在堆场排起长队。\n\n\
             商超拿起数字化工具\n乔思远\n\n\
             超市店长已在店里住了两个多月，订单量翻了一番。\n\n\
             线上平台专门为老人开通了电话订购。\n"
                .as_bytes(),
            "p",
        );
        assert_eq!(page.articles[0].byline.reporters, ["林一舟"]);
        assert_eq!(page.articles[1].byline.reporters, ["乔思远"]);
        assert!(page.articles[1].byline.authors.is_empty());
        assert!(
            !page
                .diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::RoleGuessed)
        );
    }

    #[test]
    fn an_untitled_report_after_another_article_is_reported() {
        let page = crate::parse_bytes(
            "港口开通新航线\n\n本报讯（记者 王超）近日，港口开通至釜山的集装箱新航线。\n\n\
             航线每周两班，单程约三十小时，主要运送家电和农产品。\n\n\
             本报讯（记者 李明）同日，港口的第二条冷链专线也已开通，每周三班。\n\n\
             专线运送水果和海产品，全程温控。\n"
                .as_bytes(),
            "p",
        );
        assert_eq!(page.articles.len(), 2);
        assert!(page.articles[1].title.is_empty());
        assert!(
            page.diagnostics
                .iter()
                .any(|d| d.code == DiagnosticCode::UntitledArticle)
        );
    }

    #[test]
    fn a_headline_over_a_note_and_the_articles_own_text_is_its_title() {
        let para = "长河两岸的村庄这些年变了模样，村民说起变化，总要先提那条新修的路。";
        let text = format!(
            "长河边的新日子从哪里来\n编者按\n本版今起刊发一组理论文章，谈谈乡村振兴的经验。\n\n\
             {para}\n\n一是路通了。{para}\n\n二是人回来了。{para}\n"
        );
        let page = crate::parse_bytes(text.as_bytes(), "p");
        assert_eq!(page.articles.len(), 1);
        assert_eq!(page.articles[0].title, "长河边的新日子从哪里来");
        let paragraphs = page.articles[0]
            .blocks
            .iter()
            .filter(|b| b.kind == crate::BlockKind::Paragraph)
            .count();
        assert_eq!(paragraphs, 3, "the note is not the article's text");
        // A banner over a package's note, with the package's reports below: furniture.
        let text = format!(
            "长河边的新日子\n编者按\n本版今起刊发一组报道，谈谈乡村振兴的经验。\n\
             （策划：本报记者 林小雨）\n\n一条路带富一个村\n本报记者 王小二\n{para}\n"
        );
        let page = crate::parse_bytes(text.as_bytes(), "p");
        assert!(page.articles.iter().all(|a| a.title != "长河边的新日子"));
        let lines = crate::lines::split(&text);
        assert_eq!(note_heads_own_text(&lines, 1), None);
    }

    #[test]
    fn a_headline_over_pictures_and_a_dateline_lead_is_the_reports_own() {
        let page = crate::parse_str(
            "2025年11月09日 星期日\n雪落冰城 景美情浓\n南方游客邂逅雪中浪漫，市民点赞\n江畔雪景吸引游客拍照。 本报记者 林一摄\n人们在江边堆起雪人。 本报记者 陈二摄\n本报讯（记者 王三）8日，江城再迎降雪。\n游客们纷纷走上街头赏雪。\n",
            "p",
        );
        let a = &page.articles[0];
        assert_eq!(a.title, "雪落冰城 景美情浓");
        assert_eq!(
            a.subtitle.as_deref(),
            Some("南方游客邂逅雪中浪漫，市民点赞")
        );
        let lines = crate::lines::split("题一\n题二\n江畔雪景。 林一摄\n本报讯 8日，江城降雪。\n");
        assert!(report_under_pictures(&lines, 2));
        assert!(!report_under_pictures(&lines[..3], 2), "pictures alone");
    }

    #[test]
    fn a_column_over_the_pages_banner_and_note_is_every_reports_column() {
        let para = "入夏以后，江城的夜晚越来越热，很多人躺下以后总是翻来覆去睡不着。";
        let text = format!(
            "长河科普\n\n一夜好眠从哪里来\n\n编者按：天热了，睡不好的人多了。本版请专家谈谈怎样睡个好觉。\n\n\
             温度怎样影响睡眠\n\n林小雨\n\n{para}\n\n{para}\n\n\
             睡前别刷手机\n\n王小二\n\n{para}\n\n{para}\n"
        );
        let page = crate::parse_bytes(text.as_bytes(), "p");
        let columns: Vec<Option<&str>> =
            page.articles.iter().map(|a| a.column.as_deref()).collect();
        assert_eq!(columns, [Some("长河科普"), Some("长河科普")]);
        let lines = crate::lines::split("长河科普\n一夜好眠从哪里来\n");
        assert_eq!(column_over_banner(&lines).as_deref(), Some("长河科普"));
        let lines = crate::lines::split("一夜好眠从哪里来\n");
        assert_eq!(column_over_banner(&lines), None);
    }

    #[test]
    fn a_teaser_with_a_pointer_to_its_page_is_an_item_of_its_own() {
        let page = crate::parse_bytes(
            "江城新建三座口袋公园\n\n本报讯（记者 林小雨）江城今年新建三座口袋公园，市民在家门口就能健身。\n\n\
             公园由老厂房改造而成，周末还有市集。\n\n长河两岸的夏夜有多美？\n\n（A04）\n"
                .as_bytes(),
            "p",
        );
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["江城新建三座口袋公园", "长河两岸的夏夜有多美？"]);
        assert!(page.articles[1].blocks.is_empty());
        assert!(page.unassigned.iter().any(|f| f.text == "（A04）"));
    }

    #[test]
    fn a_headline_group_under_a_packages_introduction_opens_its_first_item() {
        let para = "入春以来，江城各社区想了不少办法，帮独居老人解决买菜、配药的难题。";
        let text = format!(
            "帮老人过好封控日子\n\n{para}\n\n{para}\n\n自助助人\n\n楼组长当起快递员\n\n\
             {para}\n\n{para}\n\n本报记者  林小雨\n\n缓解焦虑\n\n老伙伴们来帮忙\n\n{para}\n\n本报记者  王小二\n"
        );
        let page = crate::parse_bytes(text.as_bytes(), "p");
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        // A four-character phrase over a longer line is the item's kicker.
        assert_eq!(
            titles,
            ["帮老人过好封控日子", "楼组长当起快递员", "老伙伴们来帮忙"]
        );
        assert_eq!(page.articles[1].kicker.as_deref(), Some("自助助人"));
        assert_eq!(page.articles[1].byline.reporters, ["林小雨"]);
    }

    #[test]
    fn a_campaigns_column_over_the_first_item_heads_every_item() {
        let para = "入汛以来，江城气象台连夜值守，提前发布暴雨预警，为转移群众赢得了时间。";
        let text = format!(
            "“江城先行、长河争先”主题活动•先锋\n\n守在雷达屏前的夜班\n\n本报通讯员 林小雨\n\n{para}\n\n\
             把预报送进田间地头\n\n本报通讯员 王小二\n\n{para}\n"
        );
        let page = crate::parse_bytes(text.as_bytes(), "p");
        let columns: Vec<Option<&str>> =
            page.articles.iter().map(|a| a.column.as_deref()).collect();
        let column = Some("“江城先行、长河争先”主题活动•先锋");
        assert_eq!(columns, [column, column]);
    }

    #[test]
    fn front_pages_are_known_by_their_labels() {
        for label in ["1", "01", "A01", "A1", "001"] {
            assert!(front_page(label), "{label}");
        }
        for label in ["10", "11", "A10", "AA01", "B", "21"] {
            assert!(!front_page(label), "{label}");
        }
    }
}
