//! Article boundaries: whether a run of headline-shaped lines opens a new article, is a
//! section heading of the article above, or is that article's unpunctuated lead.
//!
//! Each cue is a named function of the lines around the run; [`weigh`] adds them up in one
//! place. No single cue decides, except that a run with no open article above it can only
//! open one.

use crate::byline::photo_credit_suffix;
use crate::lines::{Class, Line};
use crate::normalize::ends_sentence;

/// What the lines around a run of headline-shaped lines say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct RunCues {
    /// No article is open: page top, or after a header, jump marker, citation line, editor's
    /// note or an article closed by its end credit.
    pub boundary: bool,
    /// The open article's last paragraph was cut mid-sentence: the run sits in a column break.
    pub cut: bool,
    /// A byline, dateline lead or author line follows the run (or ends it).
    pub credit_follows: bool,
    /// A credit of another article follows the run: a byline naming a reporter on a line of
    /// its own ([`byline_follows`]), or any credit where the open article has its own already.
    /// No paragraph cut by a column break goes on so.
    pub byline_follows: bool,
    /// Photo captions follow that carry a photographer's credit: photo news.
    pub photo_follows: bool,
    /// A column label is part of the run.
    pub label: bool,
    /// A merged `引题—— 主题` line or a `——副题` is part of the run.
    pub marked: bool,
    /// A line of the run carries its column in brackets (`中华武术 美在一招一式（新语）`): a
    /// title, since section headings never do.
    pub columned: bool,
    /// A lead summary ending in `……` follows.
    pub lead_follows: bool,
    /// The text after the run ends in a byline of its own, and the open article already has one.
    pub end_credit_ahead: bool,
    /// The text after the run ends in a byline of its own and the run is a group of three lines
    /// or more (a section heading has at most two): the headline group of an item whose credit
    /// stands at its end.
    pub group_with_end_credit: bool,
    /// The run is shaped unlike the open article's earlier section headings.
    pub unlike_headings: bool,
    /// The page indents its paragraphs (and its section headings) and the run stands at the
    /// margin, as titles do.
    pub at_margin: bool,
    /// One line of two parallel phrases set apart by a wide space (`跑道向前延伸  脚步不曾停歇`),
    /// as titles are set; section headings take one space or none.
    pub wide_two_phrase: bool,
    /// The open article is a short news item (a dateline lead, a few paragraphs, no section
    /// heading yet): news items seldom carry headings.
    pub short_news: bool,
    /// A dateline lead follows within a few lines (the headline's summary lines between):
    /// only a new article opens with one.
    pub dateline_ahead: bool,
    /// The open article was signed at its top (a byline or author line before its text): a
    /// feature or essay, which carries section headings.
    pub signed: bool,
    /// The open article has reached a sidebar (`链接`, `编后`, `延伸阅读`) and its text.
    pub after_sidebar: bool,
    /// The open article is an item of a run of briefs under a label such as `快讯`.
    pub in_brief_run: bool,
    /// Every line of the run is a numbered heading (`一、…`).
    pub numbered: bool,
    /// The run is one line with a comma inside: the head of a paragraph, not a heading.
    pub sentence_like: bool,
    /// The open article has its headline and credit but no text yet.
    pub awaiting_body: bool,
    /// A line of the run stood on one line with its text, set apart by a wide gap: a title.
    pub beside_text: bool,
    /// The text after the run opens as a news report's lead does, naming the day in its first
    /// words (`中国工程院院士金涌7月22日在接受本报记者采访时说…`): a new report, where a
    /// section's text goes on from the one before.
    pub dated_lead_follows: bool,
    /// The text after the one-line run opens with a caller's words under the caller's name
    /// (`刘女士：我是某小区的住户…`): an item of a hotline's round-up, each under its own title.
    pub caller_follows: bool,
    /// Lines in the run, noise left out.
    pub lines: usize,
    /// The run opens with a name and a colon (`硕放：…`) as the open article's title does
    /// (`江溪：…`): the next item of a round-up, not a heading.
    pub roundup_item: bool,
    /// The open article's title opens with a name and a colon (`王某某：以校为家`) and the run
    /// does not: the next item of the round-up would be titled so, so the run is a heading of
    /// the item.
    pub unnamed_in_roundup: bool,
    /// The run is printed as the open article's first section heading was, two phrases set a
    /// wide space apart (`压实责任  明确任务`, then `学用结合  务求实效`): its next heading.
    pub parallel_heading: bool,
    /// The open article's byline was its role word alone (`本报记者`): its names come in the
    /// end credit it has not reached yet, so it goes on.
    pub names_pending: bool,
    /// The open article opened with a dateline lead, and what would follow the run as a new
    /// article has no credit of its own before the next headline or the page's end: on a page
    /// whose reports are credited, the run is a heading of the report above.
    pub uncredited_after_dated: bool,
    /// The page sets its articles apart by blank lines and runs its paragraphs on without them
    /// ([`blank_parted_articles`]), and a blank line stands before the run: a new article.
    pub set_apart: bool,
    /// On such a page, the run follows the text with no blank line: a heading of the text.
    pub run_on: bool,
    /// A pointer to another page follows the run (`（A04）`): a front page's teaser, its
    /// story on that page.
    pub pointer_follows: bool,
    /// A dated header line follows the run, then the text or its credit: a web copy's stamp
    /// under a new article's headline (`更新：2019-09-17 11:04  来源：某某晚报`). A section
    /// heading has no date under it.
    pub stamp_follows: bool,
    /// The page prints a citation line under each article's headline
    /// ([`cites_under_headlines`]) and none follows the run: a section heading.
    pub uncited: bool,
    /// The open article opened with a dateline lead, and the text after the run closes with a
    /// dateline of its own in brackets (`…风平浪静。（本报某地12月31日电）`): a report has one
    /// dateline, so the text below is another report's.
    pub dated_again_ahead: bool,
    /// The page indents its paragraphs and prints its titles at the margin
    /// ([`titles_at_margin`]), and the run is indented as the text is: a section heading.
    pub indented_run: bool,
    /// The open article's last line is a note in brackets of its own ([`bracketed_close`]):
    /// the text above is finished, and a headline after it opens the next article.
    pub after_bracketed_close: bool,
    /// The run is one line of two phrases set a space apart, printed as the open article's
    /// title was, and the article has no section heading yet and opened with no dateline lead
    /// ([`titled_alike`]): the next article's title on a page that prints its titles so. (Where
    /// every report opens with its dateline, one without is a heading printed as titles are.)
    pub titled_alike: bool,
    /// A picture's caption follows the run, then a dateline lead or a lead credit
    /// ([`caption_then_lead`]): the picture printed between a new article's headline and its
    /// lead.
    pub caption_then_lead: bool,
}

/// How a run of headline-shaped lines is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunReading {
    /// The headline group of a new article.
    NewArticle,
    /// Section headings (小标题) of the open article.
    Headings,
    /// The open article's lead, printed without final punctuation.
    Lead,
}

/// Weighs the cues; returns the reading and its margin (how far the evidence was from the
/// other reading: small margins are reported as diagnostics).
pub(crate) fn weigh(c: &RunCues) -> (RunReading, i32) {
    if c.boundary {
        return (RunReading::NewArticle, 10);
    }
    let marks = c.credit_follows || c.label || c.marked || c.columned || c.photo_follows;
    if c.awaiting_body && !marks && c.lines == 1 && !c.numbered {
        return (RunReading::Lead, 5);
    }
    // A short line inside an article is a section heading unless something says otherwise.
    let mut score = -2;
    for (cue, weight) in [
        (c.credit_follows, 10),
        (c.photo_follows && !c.cut, 6),
        (c.label, 4),
        (c.marked, 4),
        (c.columned, 6),
        (c.lead_follows, 3),
        (c.end_credit_ahead, 4),
        (c.group_with_end_credit && !c.end_credit_ahead, 3),
        (c.unlike_headings, 1),
        (c.after_sidebar, 4),
        (c.in_brief_run && !c.numbered, 4),
        (c.cut && !c.byline_follows, -6),
        (c.numbered, -6),
        (c.sentence_like && !c.at_margin && !c.beside_text, -3),
        (c.beside_text, 8),
        (c.at_margin, 3),
        (c.wide_two_phrase && !c.parallel_heading, 5),
        (c.parallel_heading, -4),
        (c.names_pending && !c.credit_follows, -8),
        (
            c.uncredited_after_dated && !(c.label || c.columned || c.marked || c.at_margin),
            -4,
        ),
        (c.roundup_item, 6),
        (c.unnamed_in_roundup && !c.credit_follows, -4),
        (c.signed, -2),
        (c.dateline_ahead, 8),
        (c.dated_lead_follows && !c.dateline_ahead, 4),
        (c.caller_follows, 6),
        (c.short_news, 3),
        (c.awaiting_body, -4),
        (c.set_apart, 6),
        (c.pointer_follows, 10),
        (c.stamp_follows, 10),
        (c.uncited, -8),
        (c.indented_run && !c.credit_follows, -6),
        (c.dated_again_ahead && !c.end_credit_ahead, 4),
        (c.run_on, -3),
        (c.after_bracketed_close, 8),
        (c.titled_alike && !c.cut, 5),
        (c.caption_then_lead && !c.photo_follows, 8),
    ] {
        if cue {
            score += weight;
        }
    }
    if score > 0 {
        (RunReading::NewArticle, score)
    } else {
        (RunReading::Headings, -score)
    }
}

/// Whether a run read as a section heading is shaped as titles are printed, unlike the open
/// article's first section heading: one line of two phrases set a space apart, each of six
/// characters or more (`大学生村官被借走10万元 离职两年未要回`), where the article's headings so
/// far are not (`正规渠道购买安全性符合要求`). A feature whose headings are all two phrases
/// (`“合纵连横”扛责任 机关党建走在前`) prints them so throughout, and its first heading is
/// not compared with anything. The reading is kept and reported.
pub(crate) fn title_shaped_heading(run: &[Line<'_>], first_heading: Option<&str>) -> bool {
    let two_phrases = |t: &str| {
        let parts: Vec<&str> = t.split_whitespace().collect();
        parts.len() == 2 && parts.iter().all(|p| p.chars().count() >= 6)
    };
    let mut heads = run.iter().filter(|l| l.class != Class::Noise);
    match (heads.next(), heads.next(), first_heading) {
        (Some(l), None, Some(first)) => two_phrases(l.text) && !two_phrases(first),
        _ => false,
    }
}

/// Whether a run opens with a short line set off by a label's mark (`■生气`, `□民生`) over
/// headline lines of its own: an item's column over its headline, as a hotline or letters
/// column prints each item. A marked line alone stays a section heading (`■现场`).
pub(crate) fn marked_label_over_headline(run: &[Line<'_>]) -> bool {
    let mut heads = run.iter().filter(|l| l.class != Class::Noise);
    match (heads.next(), heads.next()) {
        (Some(first), Some(second)) => {
            first.class == Class::Short
                && first.text.starts_with(crate::lines::LABEL_MARKS)
                && crate::headline::column_shape(first.text) == 2
                && second.class.is_headline()
        }
        _ => false,
    }
}

/// Whether a run of `lines` headline lines is grouped as the open article's section headings
/// already were (`产业合作` / `成渝计算机产品产量已占全球1/3` / `从区域市场定位到亚欧大市场`, three
/// lines each): a feature that prints its headings three lines at a time prints its last group so
/// too, and the credit at its end signs the whole feature, not an item opened by that group.
pub(crate) fn grouped_like_its_headings(lines: usize, heading_group: usize) -> bool {
    lines >= 2 && heading_group >= lines
}

/// Whether a credit comes right after the run: a byline line, an author line, a dateline lead.
pub(crate) fn credit_follows(next: Option<&Line<'_>>) -> bool {
    next.is_some_and(|l| {
        matches!(
            l.class,
            Class::Dateline | Class::Byline | Class::Author | Class::Name
        )
    })
}

/// Whether a byline line with a role word follows the run (`本报记者 某某`), or an e-paper's
/// citation line, which stands under an article's headline: a cut paragraph
/// does not go on in a line over a credit, so the run is a title even after one; a headline's
/// unpunctuated summary lines lead into a dateline lead instead.
pub(crate) fn byline_follows(next: Option<&Line<'_>>) -> bool {
    next.is_some_and(|l| {
        l.class == Class::Byline && !crate::lines::role_alone(l.text) || l.class == Class::Citation
    })
}

/// Whether the run ends in the name of a body signing as author under a headline
/// (`守住底线` / `中共某某市委宣传部`): a credit, as a person's bare name is.
pub(crate) fn signed_by_body(run: &[Line<'_>]) -> bool {
    let mut lines = run.iter().filter(|l| l.class != Class::Noise);
    let last = lines.next_back();
    lines.next().is_some() && last.is_some_and(|l| crate::names::signing_body(l.text))
}

/// Whether photo captions follow the run and credit a photographer (in a caption, or on a
/// byline line after them): the run is the title of photo news.
pub(crate) fn photo_follows(lines: &[Line<'_>], j: usize) -> bool {
    photo_captions_follow(lines, j) || photo_credit_ahead(lines, j)
}

/// Whether a short text (a caption without a marker, at most three lines) after the run ends
/// in a line that is only a photo credit: `新华社记者 陶亮摄`, `吕文正摄（影像中国）`.
pub(crate) fn photo_credit_ahead(lines: &[Line<'_>], j: usize) -> bool {
    for k in j..j + 4 {
        let Some(l) = lines.get(k) else {
            return false;
        };
        match l.class {
            Class::Text | Class::Caption if !only_photo_credit(l.text) => {}
            Class::Text | Class::Caption | Class::Byline => {
                return k > j && only_photo_credit(l.text);
            }
            _ => return false,
        }
    }
    false
}

/// Whether the text line at `i` stands between two lines that are photo credits and nothing
/// else (`某某摄（人民视觉）` / `北湖区，湖边的桃花开了。` / `本报记者  某某摄`): one more picture's caption
/// in a row of pictures, so the item the credit above closed goes on.
pub(crate) fn caption_between_credits(lines: &[Line<'_>], i: usize) -> bool {
    let credit = |k: usize| lines.get(k).is_some_and(|l| only_photo_credit(l.text));
    i > 0
        && credit(i - 1)
        && credit(i + 1)
        && lines
            .get(i)
            .is_some_and(|l| l.class == Class::Text && l.text.chars().count() <= 120)
}

/// Whether the text line at `i` is a picture's caption in a row of pictures: a credit that is
/// nothing else (or where the picture comes from: `片方提供`) follows it, and before it stands
/// another such credit, a caption, or nothing of the article's text (its byline at most) (`南山镇，游客在茶园采茶。` / `林一摄` / `北湖区，湖边的桃花开了。` / `王二摄`).
pub(crate) fn caption_over_credit(lines: &[Line<'_>], i: usize) -> bool {
    let credit = |l: &Line<'_>| only_photo_credit(l.text) || crate::lines::picture_source(l.text);
    let text = |l: &Line<'_>| {
        l.class == Class::Text && l.text.len() <= 480 && l.text.chars().count() <= 120
    };
    // Captions over one credit for them all (`以上图片均为某某博物馆提供`): the row starts at
    // the first of them.
    let (first, credited) = match captions_over_shared_credit(lines, i) {
        Some(first) => (first, true),
        None => (i, lines.get(i + 1).is_some_and(credit)),
    };
    let above = lines.get(..first).unwrap_or(&[]).iter().rev().find(|l| {
        !(matches!(l.class, Class::Citation | Class::Noise)
            || l.class == Class::Byline && !only_photo_credit(l.text))
    });
    lines.get(i).is_some_and(text)
        && credited
        && above.is_none_or(|l| credit(l) || l.class == Class::Caption)
}

/// Where a row of short captions starts that the line at `i` is part of, over one credit for
/// all their pictures (`（清）某某《某某图》。` / `（五代）某某《某某图》。` /
/// `以上图片均为某某博物馆提供`): each a line of text of forty characters at most, three at
/// most in the row.
fn captions_over_shared_credit(lines: &[Line<'_>], i: usize) -> Option<usize> {
    let short = |l: &Line<'_>| {
        l.class == Class::Text && l.text.len() <= 40 * 3 && l.text.chars().count() <= 40
    };
    let shared = |l: &Line<'_>| {
        crate::lines::picture_source(l.text)
            && ["以上", "均为", "均由", "本版图片"]
                .iter()
                .any(|w| l.text.contains(w))
    };
    if !lines.get(i).is_some_and(short) {
        return None;
    }
    // Three lines at most each way: a run of short paragraphs costs no more than that.
    let after = lines
        .get(i + 1..)?
        .iter()
        .take(3)
        .take_while(|l| short(l))
        .count();
    let before = lines
        .get(..i)?
        .iter()
        .rev()
        .take(3)
        .take_while(|l| short(l))
        .count();
    (after + before < 3 && lines.get(i + 1 + after).is_some_and(shared)).then_some(i - before)
}

/// Whether the caption at `i`, after an item that a photo credit closed with no text
/// (`photo_item`), is one more of the pictures between a headline and its report: captions
/// follow it up to a dateline lead or the report's text.
pub(crate) fn pictures_over_lead(lines: &[Line<'_>], i: usize, photo_item: bool) -> bool {
    photo_item
        && lines
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take(6)
            .find(|l| l.class != Class::Caption)
            .is_some_and(|l| matches!(l.class, Class::Dateline | Class::Text))
}

/// Whether the short sentence at `i` is printed twice in a row, as an e-paper's article page
/// prints a picture's caption (once with the picture, once under it): a caption, both times.
pub(crate) fn repeated_caption(lines: &[Line<'_>], i: usize) -> bool {
    let Some(l) = lines.get(i).filter(|l| l.class == Class::Text) else {
        return false;
    };
    let same = |k: usize| lines.get(k).is_some_and(|o| o.text == l.text);
    l.text.chars().count() <= 80 && ends_sentence(l.text) && (same(i + 1) || i > 0 && same(i - 1))
}

/// Whether a credit line that credits pictures only (`以上图片均为某某摄`), in an article
/// signed under its headline, stands between its pictures and its text: the article goes on,
/// as a credit under the text would end it.
pub(crate) fn pictures_credited_over_text(
    signed: bool,
    credit: &Line<'_>,
    next: Option<&Line<'_>>,
) -> bool {
    signed
        && (only_pictures_credited(credit.text)
            || crate::lines::picture_source(credit.text) && credit.text.ends_with('摄'))
        && next.is_some_and(|l| {
            matches!(l.class, Class::Text | Class::Dateline | Class::EditorNote)
                || l.class == Class::Caption && crate::lines::picture_source(l.text)
        })
}

/// Where the short lines start that stand between a headline and the photo credit at `i`, a
/// dateline lead under the credit (`标题` / `上阵母子兵。` / `小记者忙不停。` / `本栏图片由本报记者
/// 某某 摄` / `本报讯…`): the pictures' captions, and the report goes on under them. Up to four
/// lines of 24 characters at most.
pub(crate) fn captions_over_credited_lead(lines: &[Line<'_>], i: usize) -> Option<usize> {
    let credit = lines.get(i)?;
    if !matches!(credit.class, Class::Byline | Class::Caption)
        || lines.get(i + 1).is_none_or(|l| l.class != Class::Dateline)
    {
        return None;
    }
    let mut first = None;
    let mut at = i;
    for k in (0..i).rev().take(5) {
        let l = lines.get(k)?;
        match l.class {
            Class::Noise => {}
            Class::Text | Class::Caption
                if l.text.len() <= 24 * 3 && l.text.chars().count() <= 24 =>
            {
                at = k;
            }
            c if c.is_headline() => {
                first = (at < i).then_some(at);
                break;
            }
            _ => return None,
        }
    }
    let first = first?;
    only_pictures_credited(credit.text).then_some(first)
}

/// Whether a credit line credits pictures and no words: a photo credit alone (`林一 摄`), or a
/// byline naming photographers only (`本栏图片由本报记者 林一 陈二 摄`).
pub(crate) fn only_pictures_credited(t: &str) -> bool {
    only_photo_credit(t)
        || crate::byline::parse_byline_line(t).is_some_and(|c| {
            !c.photographers.is_empty() && c.reporters.is_empty() && c.authors.is_empty()
        })
}

/// Whether the line is a photo credit and nothing else.
pub(crate) fn only_photo_credit(t: &str) -> bool {
    // Thirty characters are at most 120 bytes: a paragraph is rejected by its length alone.
    t.len() <= 120
        && t.chars().count() <= 30
        && photo_credit_suffix(t).is_some_and(|(at, _)| at == 0)
}

fn photo_captions_follow(lines: &[Line<'_>], j: usize) -> bool {
    let mut k = j;
    let mut credited = false;
    while let Some(l) = lines.get(k).filter(|l| l.class == Class::Caption) {
        credited |= photo_credit_suffix(l.text).is_some();
        k += 1;
    }
    k > j
        && (credited
            || lines
                .get(k)
                .is_some_and(|l| l.class == Class::Byline && l.text.contains('摄')))
}

/// Whether the run at `..j` is followed by one caption and then a dateline lead or a lead
/// credit (`台电普度 认购白米做公益` / `…处长某某（左）代表全体员工…` / `记者某某/台南报导 …`).
pub(crate) fn caption_then_lead(lines: &[Line<'_>], j: usize) -> bool {
    lines.get(j).is_some_and(|l| l.class == Class::Caption)
        && lines.get(j + 1).is_some_and(|l| l.class == Class::Dateline)
}

/// Whether a dateline lead follows within three lines of summary text (`以政策的确定性…`
/// under a title, then `本报讯…`). A headline line after the text stands over the dateline:
/// it is the next article's lead, not the run's.
pub(crate) fn dateline_ahead(lines: &[Line<'_>], j: usize) -> bool {
    let mut text = false;
    for k in j..j + 4 {
        match lines.get(k).map(|l| l.class) {
            Some(Class::Dateline) => return k > j,
            Some(Class::Short) if text => return false,
            Some(Class::Text | Class::Lead) => text = true,
            Some(Class::Short) => {}
            _ => return false,
        }
    }
    false
}

/// Whether the text after a one-line run opens with a caller's name and a colon, the caller
/// named by surname and courtesy (`刘女士：`, `市民韦先生：`, `读者王大爷:`): the words of a reader
/// who called the paper's hotline, as its round-up prints them under each item's title.
pub(crate) fn caller_follows(run: &[Line<'_>], next: Option<&Line<'_>>) -> bool {
    const COURTESY: &[&str] = &[
        "女士", "先生", "小姐", "阿姨", "大爷", "大妈", "师傅", "老人", "同学",
    ];
    let heads = run.iter().filter(|l| l.class != Class::Noise).count();
    let Some(l) = next.filter(|l| heads == 1 && l.class == Class::Text) else {
        return false;
    };
    let opening = l
        .text
        .char_indices()
        .nth(12)
        .map_or(l.text, |(at, _)| &l.text[..at]);
    let Some(at) = opening.find(['：', ':']) else {
        return false;
    };
    let who = l.text[..at]
        .trim_start_matches("市民")
        .trim_start_matches("读者")
        .trim_start_matches("网友");
    COURTESY.iter().any(|c| {
        who.strip_suffix(c).is_some_and(|surname| {
            (1..=2).contains(&surname.chars().count())
                && surname.chars().all(crate::normalize::is_han)
        })
    })
}

/// Whether the text after the run names a day in its first 30 characters (`7月22日`), as a
/// report's lead does (see [`RunCues::dated_lead_follows`]), under a run that is no
/// bracketed label.
pub(crate) fn dated_lead_follows(run: &[Line<'_>], next: Option<&Line<'_>>) -> bool {
    // A bracketed run is a section's label (`【记者调查】`), whatever text follows.
    if run
        .iter()
        .any(|l| l.text.starts_with(['【', '[', '〔', '［']))
    {
        return false;
    }
    let Some(l) = next.filter(|l| l.class == Class::Text) else {
        return false;
    };
    // A city paper's lead names the day alone as its first words (`9日，市民通过热线反映…`).
    let digits = l.text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && l.text
            .get(digits..)
            .is_some_and(|r| r.starts_with("日，") || r.starts_with("日,"))
    {
        return true;
    }
    let head: Vec<char> = l.text.chars().take(30).collect();
    head.iter().enumerate().any(|(i, &c)| {
        c == '日'
            && i > 0
            && head[i - 1].is_ascii_digit()
            && head[..i]
                .iter()
                .rev()
                .find(|c| !c.is_ascii_digit())
                .is_some_and(|&m| m == '月')
    })
}

/// Whether a lead summary ending in `……` follows.
pub(crate) fn lead_follows(next: Option<&Line<'_>>) -> bool {
    next.is_some_and(|l| l.class == Class::Text && l.text.ends_with('…'))
}

/// Whether the text after the run (paragraphs and captions) ends in a byline line: an article
/// whose credit stands at its end.
pub(crate) fn end_credit_ahead(lines: &[Line<'_>], j: usize) -> bool {
    let mut k = j;
    let mut text = false;
    // An item that carries its credit at its end is short: look no further than 40 lines.
    while let Some(l) = lines.get(k).filter(|_| k < j + 40) {
        match l.class {
            Class::Text | Class::Caption | Class::Noise => {
                text |= l.class == Class::Text;
                // A credit glued after the last sentence: `…采样车”。  本报记者 金旻矣`.
                if l.glued_credit
                    && !closing_dateline(l.text)
                    && lines.get(k + 1).is_none_or(|n| n.class != Class::Text)
                {
                    return true;
                }
            }
            // A dateline closing wire copy says where the story was filed, not whose item ends.
            Class::Byline if closing_dateline(l.text) => return false,
            Class::Byline | Class::Author => return text,
            _ => return false,
        }
        k += 1;
    }
    false
}

/// Whether the text from `j` (up to 40 lines, captions passed over) ends in a dateline in
/// brackets glued after its last sentence or on a line of its own (`…风平浪静。（本报某地12月
/// 31日电）`), before any other line: the report's closing dateline.
pub(crate) fn bracketed_dateline_ahead(lines: &[Line<'_>], j: usize) -> bool {
    let mut k = j;
    while let Some(l) = lines.get(k).filter(|_| k < j + 40) {
        match l.class {
            Class::Text | Class::Caption | Class::Noise => {
                let next_text = lines.get(k + 1).is_some_and(|n| n.class == Class::Text);
                if l.class == Class::Text && !next_text && ends_in_bracketed_dateline(l.text) {
                    return true;
                }
            }
            Class::Byline => return ends_in_bracketed_dateline(l.text),
            _ => return false,
        }
        k += 1;
    }
    false
}

/// Whether a one-line run is printed as the open article's title: two phrases set a space
/// apart (`大同之家感恩餐會 陪長輩們圍爐` under `縣議會召開審查會議 某某主持第二審查會議`), the
/// run's longer phrase of seven characters or more, as titles' are; section headings set so
/// are pairs of short phrases (`压实责任  明确任务`).
pub(crate) fn titled_alike(run: &[Line<'_>], title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    let mut heads = run.iter().filter(|l| l.class != Class::Noise);
    let (Some(l), None) = (heads.next(), heads.next()) else {
        return false;
    };
    let two = |t: &str| {
        let parts: Vec<usize> = t.split_whitespace().map(|p| p.chars().count()).collect();
        match parts.as_slice() {
            [a, b] if *a >= 3 && *b >= 3 && !t.contains(['，', ',', '。']) => Some(*a.max(b)),
            _ => None,
        }
    };
    two(l.text).is_some_and(|longer| longer >= 7) && two(title).is_some()
}

/// Whether a paragraph is a note standing in brackets of its own, as one closes a text: a
/// writer's or a body's credit (`（东方机械厂工会宣委会）`), `（完）`, `（下转第二版）`. One pair
/// of brackets around the whole line, not a numbered heading (`（一）`), at most 30 characters
/// inside.
pub(crate) fn bracketed_close(t: &str) -> bool {
    let t = t.trim();
    let Some(inner) = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
    else {
        return false;
    };
    let n = inner.chars().count();
    (1..=30).contains(&n)
        && !inner.contains(['（', '(', '）', ')'])
        && !inner
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c))
}

/// Whether the last line before `i`, noise left out, is a paragraph that is a note in
/// brackets of its own ([`bracketed_close`]).
pub(crate) fn after_bracketed_close(lines: &[Line<'_>], i: usize) -> bool {
    lines
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|l| l.class != Class::Noise)
        .is_some_and(|l| l.class == Class::Text && bracketed_close(l.text))
}

/// Whether a text ends in a dateline in brackets (`（本报某地12月31日电）`, `（据新华社电）`).
pub(crate) fn ends_in_bracketed_dateline(t: &str) -> bool {
    crate::byline::closing_bracket(t.trim_end())
        .and_then(|(_, inner)| crate::byline::parse_reprint(inner))
        .is_some_and(|d| d.ends_with('电') || d.ends_with('讯'))
}

/// Whether a line is, or ends in, a wire story's closing dateline: `新华社北京5月12日电` alone,
/// or glued after the last sentence (`…支撑。　　新华社北京电`).
pub(crate) fn closing_dateline(t: &str) -> bool {
    crate::byline::bare_dateline(t)
        || crate::byline::glued_source(t)
            .and_then(|at| t.get(at..))
            .is_some_and(crate::byline::bare_dateline)
}

/// Whether a heading run looks unlike the first section heading of the article: one has a
/// comma and the other not, or one is twice as long. Parallel headings share a shape; a new
/// article's title need not.
pub(crate) fn unlike_heading(run: &[Line<'_>], first_heading: Option<&str>) -> bool {
    let Some(h) = first_heading else {
        return false;
    };
    let Some(l) = run.iter().find(|l| l.class != Class::Noise) else {
        return false;
    };
    let comma = |s: &str| s.contains(['，', ',']);
    let (a, b) = (l.text.chars().count(), h.chars().count());
    comma(l.text) != comma(h) || a * 2 < b || b * 2 < a
}

/// Whether the text after a run at `j` reaches the next headline, or the page's end, without
/// a credit of its own: the first credit ahead (a byline, an author, a dateline lead) stands
/// right under a headline line, so it is the next article's, or there is none. Looks sixty
/// lines ahead at most.
pub(crate) fn uncredited_ahead(lines: &[Line<'_>], j: usize) -> bool {
    let mut before: Option<Class> = None;
    for l in lines.iter().skip(j).take(60) {
        match l.class {
            Class::Noise => continue,
            Class::Dateline | Class::Byline | Class::Author | Class::Name | Class::Lead => {
                return before.is_some_and(|b| b.is_headline());
            }
            c => before = Some(c),
        }
    }
    lines.len() <= j + 60
}

/// Whether a one-line run is printed as the article's first section heading was: both two
/// phrases set a wide space apart ([`wide_two_phrase`]), of about the same length.
pub(crate) fn parallel_heading(run: &[Line<'_>], first_heading: Option<&str>) -> bool {
    let Some(h) = first_heading else {
        return false;
    };
    let mut heads = run.iter().filter(|l| l.class != Class::Noise);
    let (Some(l), None) = (heads.next(), heads.next()) else {
        return false;
    };
    let (a, b) = (l.text.chars().count(), h.chars().count());
    wide_two_phrase(l.text) && wide_two_phrase(h) && a.abs_diff(b) <= 2
}

/// A round-up item's headline: a short place or name, a colon, the item (`江溪：老小区换新颜`,
/// `硕放：《老娘舅做寿》`).
pub(crate) fn named_item(t: &str) -> bool {
    let Some((head, rest)) = t.split_once(['：', ':']) else {
        return false;
    };
    let head = head.trim();
    (2..=5).contains(&head.chars().count())
        && head.chars().all(crate::normalize::is_han)
        && rest.trim().chars().count() >= 4
        && !rest.contains(['：', ':'])
}

/// Two phrases of four characters or more set apart by two spaces or an ideographic space.
pub(crate) fn wide_two_phrase(t: &str) -> bool {
    let Some(at) = t.find("  ").or_else(|| t.find('\u{3000}')) else {
        return false;
    };
    let (a, b) = (
        t.get(..at).unwrap_or("").trim(),
        t.get(at..).unwrap_or("").trim(),
    );
    a.chars().count() >= 4
        && b.chars().count() >= 4
        && !b.contains(char::is_whitespace)
        && !a.contains(['，', ',', '。'])
        && !b.contains(['，', ',', '。'])
}

/// Whether most paragraphs of the page start indented (`　　`): then what stands at the
/// margin is a headline.
pub(crate) fn page_indents(lines: &[Line<'_>]) -> bool {
    let text = lines.iter().filter(|l| l.class == Class::Text);
    let (all, indented) = text.fold((0, 0), |(a, i), l| (a + 1, i + usize::from(l.indented)));
    all >= 4 && indented * 10 >= all * 7
}

/// Whether a page that indents its paragraphs (`indented_page`: [`page_indents`]) prints its
/// titles at the margin: a headline
/// line at the margin with a credit or a citation line right under it, twice at least. On
/// such a page an indented headline-shaped line is a section heading set as the text is
/// (`　　长城国家文化公园（宁夏段）` / `　　互动剧场营造沉浸体验` under `建好用好国家文化公园`).
pub(crate) fn titles_at_margin(lines: &[Line<'_>], indented_page: bool) -> bool {
    if !indented_page {
        return false;
    }
    let titled = lines.windows(2).filter(|w| {
        w[0].class.is_headline()
            && !w[0].indented
            && (credit_follows(Some(&w[1])) || w[1].class == Class::Citation)
    });
    titled.count() >= 2
}

/// Whether a run of headline-shaped lines is indented as a paragraph is, every line of it.
pub(crate) fn indented_run(run: &[Line<'_>]) -> bool {
    let mut heads = run.iter().filter(|l| l.class != Class::Noise).peekable();
    heads.peek().is_some() && heads.all(|l| l.indented)
}

/// Whether a run and the text under it are indented alike (`　　降价换来客流量增长` /
/// `　　3月18日，…`): under a headline that stood at the margin, the run is set as the article's
/// text is, a section heading, though the page as a whole does not indent its paragraphs (web
/// copies of several sources, each set its own way).
pub(crate) fn set_as_its_text(run: &[Line<'_>], next: Option<&Line<'_>>) -> bool {
    indented_run(run) && next.is_some_and(|l| l.class == Class::Text && l.indented)
}

/// Whether a page prints a citation line right under its articles' headlines, as e-paper
/// exports do (`标题` / `（ 2026-05-13 ） 稿件来源：某报 要闻` or `《人民日报》（…第 04 版）`):
/// twice at least, and under every headline a credit follows. On such a page a headline
/// without one is a section heading.
pub(crate) fn cites_under_headlines(lines: &[Line<'_>]) -> bool {
    let mut cited = 0;
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].class.is_headline() {
            i += 1;
            continue;
        }
        let mut j = i;
        while lines.get(j).is_some_and(|l| l.class.is_headline()) {
            j += 1;
        }
        let citation = lines.get(j).is_some_and(|l| l.class == Class::Citation);
        let after = if citation { j + 1 } else { j };
        if credit_follows(lines.get(after)) {
            if !citation {
                return false;
            }
            cited += 1;
        }
        i = j;
    }
    cited >= 2
}

/// Whether a page sets its articles apart by blank lines while its paragraphs follow each
/// other with none, as databases and crawls export a page's articles (`标题` / paragraphs, one
/// to a line / blank / `标题` / …). `after_blank` tells, line by line, whether a blank line
/// stands before it. Paragraphs run on in at least six places, a blank line parts none of
/// them, and at least two headlines after text stand after one.
pub(crate) fn blank_parted_articles(lines: &[Line<'_>], after_blank: &[bool]) -> bool {
    let text = |l: &Line<'_>| matches!(l.class, Class::Text | Class::Dateline | Class::Lead);
    let (mut joined, mut parted) = (0usize, 0usize);
    // Headline lines after text and a blank line.
    let mut apart = 0usize;
    for (k, pair) in lines.windows(2).enumerate() {
        let blank = after_blank.get(k + 1).copied().unwrap_or(false);
        if text(&pair[0]) && text(&pair[1]) {
            if blank {
                parted += 1;
            } else {
                joined += 1;
            }
        } else if text(&pair[0]) && pair[1].class.is_headline() && blank {
            apart += 1;
        }
    }
    // A page without blank lines tells nothing by them, nor one that leaves a blank line
    // between two paragraphs (where a picture stood).
    // Articles of one paragraph each (a crawl that runs each text into one line) show no
    // paragraphs running on: there the headlines set apart tell, three of them at least.
    apart >= 2 && (joined >= 6 || apart >= 3 && joined == 0) && parted == 0
}

/// Whether the run is one line that reads as a sentence's head ([`sentence_line`]).
pub(crate) fn sentence_like(run: &[Line<'_>]) -> bool {
    let mut heads = run.iter().filter(|l| l.class != Class::Noise);
    matches!((heads.next(), heads.next()), (Some(l), None) if sentence_line(l))
}

/// Whether a short line reads as a sentence's head: a comma inside, or a question.
pub(crate) fn sentence_line(l: &Line<'_>) -> bool {
    matches!(l.class, Class::Short | Class::Numbered)
        && (l.text.contains(['，', ',']) && l.class == Class::Short || question(l.text))
}

/// A short question among an article's section headings (`亚硝酸盐为何超标？` after two
/// headings or more): one more heading, as features print them, where a question alone in an
/// article is a paragraph of its text (an interviewer's). `headings_before`: the headings the
/// article has read before it.
pub(crate) fn question_heading(t: &str, headings_before: usize) -> bool {
    headings_before >= 2 && question(t) && !t.contains(['，', ',']) && t.chars().count() <= 16
}

/// Whether a line reads as a piece of running text rather than a title: it ends on a word that
/// cannot end a title or a sentence (`…11路和`, `…的`), cut in mid-phrase by a column break,
/// or it opens with a short clause set off by a comma (`经确认，…`, `目前，…`), as sentences do
/// and titles do not.
pub(crate) fn reads_as_running_text(t: &str) -> bool {
    let mid_phrase = t
        .chars()
        .next_back()
        .is_some_and(|c| "和与及的在了是对为从把被将向以于或并而但等就都也又".contains(c));
    let opening_clause = t
        .chars()
        .position(|c| c == '，' || c == ',')
        .is_some_and(|at| at <= 3);
    mid_phrase || opening_clause
}

/// A question standing on its own line inside an article (`如今的增收如何实现？`, an
/// interviewer's `三、…如何…？`): a paragraph of the text.
pub(crate) fn question(t: &str) -> bool {
    // Quoted too: `“平台的服务还能怎样完善？”`.
    crate::normalize::unquoted_end(t).ends_with(['？', '?'])
}

/// A short exclaimed line (`近岸观看帆船炫技，真爽！`): a title can end so, as a short
/// paragraph can. Between a finished paragraph and more text it is reported, not decided.
pub(crate) fn exclaimed_headline(t: &str) -> bool {
    // The end first: most lines of text end otherwise, and are not counted.
    if !t.ends_with(['！', '!']) || t.len() > 80 {
        return false;
    }
    let n = t.chars().count();
    (6..=20).contains(&n)
        && t.matches(['。', '！', '!', '？', '?', '；']).count() == 1
        && !t.starts_with(['“', '"', '‘'])
        && !t.contains(['：', ':'])
        && !reads_as_running_text(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_label_over_a_headline_opens_an_item() {
        let lines = crate::lines::split("■建议\n未拴绳四处乱窜\n希望遛狗守规范\n");
        assert!(marked_label_over_headline(&lines));
        // A marked line alone is a section heading.
        let lines = crate::lines::split("■现场\n");
        assert!(!marked_label_over_headline(&lines));
        // A marked line too long for a label is a heading too.
        let lines = crate::lines::split("■正规渠道购买安全性符合要求的保健食品\n价格\n");
        assert!(!marked_label_over_headline(&lines));
        let page = crate::parse_str(
            "■生气\n喇叭改装声响大\n吓到路人\n庄女士来电：上午我骑车在路上，耳边突然传来刺耳的喇叭声。\n\
             ■建议\n遛狗请拴绳\n守规范\n林先生来电：上午送孩子上学，看到两条狗在路上乱窜。\n",
            "p",
        );
        assert_eq!(page.articles.len(), 2);
        assert_eq!(page.articles[1].column.as_deref(), Some("建议"));
    }

    #[test]
    fn a_heading_of_two_long_phrases_is_shaped_as_a_title() {
        let run = crate::lines::split("村官被借走十万元 离职两年仍未要回\n");
        assert!(title_shaped_heading(
            &run,
            Some("正规渠道购买安全性符合要求")
        ));
        // The article's first heading, or one like the first, is no cause for doubt.
        assert!(!title_shaped_heading(&run, None));
        assert!(!title_shaped_heading(
            &run,
            Some("“合纵连横”扛责任 机关党建走在前")
        ));
        let run = crate::lines::split("修的是家电 暖的是人心\n");
        assert!(!title_shaped_heading(&run, Some("正规渠道购买")));
        let run = crate::lines::split("村官被借走十万元\n离职两年仍未要回\n");
        assert!(!title_shaped_heading(&run, Some("正规渠道购买")));
    }

    #[test]
    fn a_group_shaped_like_the_articles_earlier_headings_is_one_of_them() {
        assert!(grouped_like_its_headings(3, 3));
        assert!(grouped_like_its_headings(2, 3));
        assert!(!grouped_like_its_headings(3, 2));
        assert!(!grouped_like_its_headings(3, 0));
        assert!(!grouped_like_its_headings(1, 3));
    }

    #[test]
    fn a_short_exclaimed_line_may_be_a_title() {
        assert!(exclaimed_headline("湖边看龙舟竞渡，真带劲！"));
        assert!(!exclaimed_headline("好！"));
        assert!(!exclaimed_headline("“我们一定能赢！”"));
        assert!(!exclaimed_headline("他说：加油干！"));
        assert!(!exclaimed_headline("比赛结束了。大家欢呼起来！"));
    }

    #[test]
    fn lines_cut_in_mid_phrase_or_opening_with_a_clause_read_as_running_text() {
        assert!(reads_as_running_text("施工期间，途经新河路的3路、11路和"));
        assert!(reads_as_running_text("这是近年来规模最大的"));
        assert!(reads_as_running_text("经确认，查获的产品为“三无”减"));
        assert!(!reads_as_running_text("精雕细琢，攀登科技高峰"));
        assert!(!reads_as_running_text("山东“菜篮子”，稳稳的爱"));
    }
    use crate::lines::split;

    #[test]
    fn captions_up_to_a_dateline_lead_or_text_are_the_pictures_over_a_report() {
        let lines = split(
            "考点外的家长 林一摄\n\n考生走出考场 林一摄\n\n江滨晚报讯 记者王小二报道：中考首日，考生们走进考场。\n",
        );
        assert!(pictures_over_lead(&lines, 1, true));
        assert!(!pictures_over_lead(&lines, 1, false));
        let photos = split("考点外的家长 林一摄\n\n考生走出考场 林一摄\n\n下一组图片\n");
        assert!(!pictures_over_lead(&photos, 1, true));
        // The report under the pictures may open without a dateline.
        let text = split(
            "1921年建造的老桥。李某 摄\n新建成的大桥 高某 摄\n  洛河是贯穿全城的一条河，河上架起七座大桥。\n",
        );
        assert!(pictures_over_lead(&text, 1, true));
    }

    #[test]
    fn a_sentence_printed_twice_in_a_row_is_a_pictures_caption() {
        let lines = split(
            "新人在登记处合影。\n\n新人在登记处合影。\n\n1月1日上午，登记处迎来了许多新人。\n\n他们说，这一天很有意义。\n",
        );
        assert!(repeated_caption(&lines, 0));
        assert!(repeated_caption(&lines, 1));
        assert!(!repeated_caption(&lines, 2));
    }

    #[test]
    fn text_between_photo_credits_is_a_caption_in_a_row_of_pictures() {
        let lines = split(
            "春日游\n\n南山镇，游客在茶园里体验采茶。\n\n林一摄\n\n北湖区，湖边的桃花开了。\n\n本报记者  王小二摄\n\n春天来了，各地推出新玩法，游客纷至沓来。\n",
        );
        let at = |t: &str| lines.iter().position(|l| l.text == t).unwrap_or(usize::MAX);
        assert!(caption_between_credits(
            &lines,
            at("北湖区，湖边的桃花开了。")
        ));
        assert!(!caption_between_credits(
            &lines,
            at("南山镇，游客在茶园里体验采茶。")
        ));
        let body = lines.get(1..).unwrap_or(&[]);
        let at = |t: &str| body.iter().position(|l| l.text == t).unwrap_or(usize::MAX);
        assert!(caption_over_credit(
            body,
            at("南山镇，游客在茶园里体验采茶。")
        ));
        assert!(caption_over_credit(body, at("北湖区，湖边的桃花开了。")));
        assert!(!caption_over_credit(
            body,
            at("春天来了，各地推出新玩法，游客纷至沓来。")
        ));
        // A picture's source under it stands for its credit.
        let sourced = split("电影《小镇》海报。\n\n片方提供\n\n拍这部电影，我们用了三年。\n");
        assert!(caption_over_credit(&sourced, 0));
        assert!(!caption_over_credit(&sourced, 2));
    }

    #[test]
    fn short_captions_over_one_credit_for_all_their_pictures_are_captions() {
        let lines = split(
            "（清）林小雨《双鹿图》。\n\n（宋）王小二《寒鸦图》。\n\n以上图片均为江城博物馆提供\n\n江城博物馆的动物画展昨日开幕，展出历代名作八十余件。\n",
        );
        assert_eq!(captions_over_shared_credit(&lines, 0), Some(0));
        assert_eq!(captions_over_shared_credit(&lines, 1), Some(0));
        assert!(caption_over_credit(&lines, 0));
        assert!(caption_over_credit(&lines, 1));
        assert!(!caption_over_credit(&lines, 3));
        // A credit for one picture under one caption is not shared.
        let one = split("南山镇的茶园。\n\n北湖区的桃花。\n\n受访者供图\n");
        assert_eq!(captions_over_shared_credit(&one, 0), None);
    }

    #[test]
    fn a_title_with_its_column_in_brackets_opens_an_article_even_in_a_signed_one() {
        let c = RunCues {
            columned: true,
            signed: true,
            lines: 2,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
        assert_eq!(
            weigh(&RunCues {
                columned: false,
                ..c
            })
            .0,
            RunReading::Headings
        );
    }

    #[test]
    fn a_note_in_brackets_of_its_own_closes_the_text_above() {
        assert!(bracketed_close("（江城机械厂工会宣传委员会）"));
        assert!(bracketed_close("(完)"));
        assert!(bracketed_close("（下转第二版）"));
        assert!(!bracketed_close("（一）"));
        assert!(!bracketed_close("（记者林一）江城新桥今天通车。"));
        assert!(!bracketed_close("（甲）与（乙）"));
        let lines = crate::lines::split(
            "江城新桥今天通车，全长一千米，双向六车道。\n（江城交通局宣传科）\n",
        );
        assert!(after_bracketed_close(&lines, 2));
        assert!(!after_bracketed_close(&lines, 1));
        // A headline after such a note opens a new article, though no credit follows it.
        let page = crate::parse_str(
            concat!(
                "江城新桥通车\n",
                "本报讯 江城新桥今天通车，全长一千米，双向六车道。\n",
                "通车后，两岸往来只需五分钟，市民纷纷前来参观。\n",
                "（江城交通局宣传科）\n",
                "读者来信选登\n",
                "我们厂的工人都爱读这份报纸，每期都传着看，读后还交流心得。\n",
                "希望报纸多刊登一线职工的故事。\n",
            ),
            "p",
        );
        assert_eq!(page.articles.len(), 2, "{:?}", page.articles);
        assert_eq!(page.articles[1].title, "读者来信选登");
        let c = RunCues {
            after_bracketed_close: true,
            uncredited_after_dated: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
    }

    #[test]
    fn a_line_printed_as_the_open_articles_title_is_the_next_title() {
        let run = crate::lines::split("大同之家感恩餐会 陪长辈们围炉\n");
        assert!(titled_alike(
            &run,
            Some("县议会召开审查会议 某某主持第二审查会议")
        ));
        assert!(!titled_alike(&run, Some("县议会召开审查会议")));
        // Pairs of short phrases are section headings' shape.
        let run = crate::lines::split("压实责任 明确任务\n");
        assert!(!titled_alike(
            &run,
            Some("县议会召开审查会议 某某主持第二审查会议")
        ));
        // On a page of titles printed so, an uncredited item after another opens its own.
        let page = crate::parse_str(
            "县议会召开审查会议 林某主持第二审查会议\n县议会第二审查委员会昨日上午召开分组审查会议，审查县府提案三案，审查意见为照案通过。\n会议由小组召集人林某主持，委员多人出席。\n大同之家感恩餐会 陪长辈们围炉\n大同之家昨日中午举办长者春节团圆感恩餐会，副县长到场向长辈们拜年。\n餐会在大同之家餐厅举行，院内长辈与员工一起围炉。\n",
            "p",
        );
        assert_eq!(page.articles.len(), 2, "{:?}", page.articles);
    }

    #[test]
    fn a_caption_between_a_headline_and_its_lead_keeps_them_together() {
        let page = crate::parse_str(
            "江城新桥今天通车 两岸往来只需五分钟\n江城新桥今天上午正式通车，全长一千米，双向六车道，市民纷纷前来参观。\n新桥通车后，两岸往来只需五分钟。\n电力公司普度 认购白米做公益\n电力公司处长林某（左）代表全体员工，将普度用白米捐给基金会。\n记者王小二/江城报导 电力公司昨日举行普度，所用白米全数捐出做公益。\n公司表示，今年募得的白米将送往偏乡。\n",
            "p",
        );
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "江城新桥今天通车 两岸往来只需五分钟",
                "电力公司普度 认购白米做公益"
            ]
        );
        assert_eq!(page.articles[1].byline.reporters, ["王小二"]);
        let lines = crate::lines::split(
            "标题\n处长林某（左）代表全体员工捐米。\n记者王小二/江城报导 公司昨日举行普度活动。\n",
        );
        assert!(caption_then_lead(&lines, 1));
        assert!(!caption_then_lead(&lines, 2));
    }

    #[test]
    fn a_run_with_no_open_article_opens_one() {
        let c = RunCues {
            boundary: true,
            cut: true,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
    }

    #[test]
    fn a_headline_printed_beside_its_text_opens_an_article_even_with_a_comma() {
        let c = RunCues {
            beside_text: true,
            sentence_like: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
        let lines = split(
            "山东首批人群接种疫苗 目前用于特殊人群,预计下月完成   1月2日，全省重点人群接种工作开始，各地进展顺利。目前没有不良反应。\n",
        );
        assert!(lines[0].beside_text);
        assert!(!lines[1].beside_text);
    }

    #[test]
    fn a_short_line_inside_an_article_is_a_heading_by_default() {
        let c = RunCues {
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
    }

    #[test]
    fn a_credit_after_the_run_opens_an_article_even_after_a_cut() {
        let c = RunCues {
            credit_follows: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
        let cut = RunCues { cut: true, ..c };
        assert_eq!(weigh(&cut).0, RunReading::NewArticle);
    }

    #[test]
    fn a_cut_paragraph_keeps_a_label_less_run_inside_the_article() {
        let c = RunCues {
            cut: true,
            lead_follows: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
    }

    #[test]
    fn an_end_credit_ahead_of_a_credited_article_opens_a_new_one() {
        let c = RunCues {
            end_credit_ahead: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
    }

    #[test]
    fn after_a_sidebar_a_headline_opens_a_new_article() {
        let c = RunCues {
            after_sidebar: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
    }

    #[test]
    fn an_unpunctuated_line_under_headline_and_byline_is_the_lead() {
        let c = RunCues {
            awaiting_body: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Lead);
    }

    #[test]
    fn photo_captions_with_a_credit_mark_photo_news() {
        let lines = split("梯田插秧正当时\n6月8日，村民在梯田里插秧。⑥2吴晓松摄\n");
        assert!(photo_follows(&lines, 1));
        let lines = split("标题\n①村民插秧。\n②村民收割。\n本报记者 龙燕 摄影\n");
        assert!(photo_follows(&lines, 1));
        let lines = split("标题\n图为村民插秧。\n正文继续。\n");
        assert!(!photo_follows(&lines, 1));
    }

    #[test]
    fn a_caption_ending_in_a_credit_line_marks_photo_news() {
        let lines = split("大桥合龙\n1月5日，大桥合龙。\n图为合龙现场。\n新华社记者  陶  亮摄\n");
        assert!(photo_follows(&lines, 1));
        let lines = split("标题\n正文一段。\n正文二段。\n正文三段。\n正文四段。\n王五摄\n");
        assert!(!photo_follows(&lines, 1));
    }

    #[test]
    fn headings_of_another_shape_are_told_apart() {
        let run = split("皖北持续提升产业能级\n");
        assert!(unlike_heading(
            &run,
            Some("政策红利释放，离岛免税购物热度持续攀升")
        ));
        assert!(!unlike_heading(&run, Some("文旅融合持续发力")));
    }

    #[test]
    fn a_credit_glued_to_the_last_paragraph_counts_as_an_end_credit() {
        let lines = split("第2计\n麻绳为记\n正文一段。\n正文二段。  本报记者  金旻矣\n");
        assert!(end_credit_ahead(&lines, 2));
    }

    #[test]
    fn a_closing_dateline_ends_no_item_of_its_own() {
        assert!(closing_dateline("新华社北京5月12日电"));
        assert!(closing_dateline("为发展提供支撑。　　　新华社北京电"));
        assert!(!closing_dateline("为发展提供支撑。 本报记者 金旻矣"));
        let lines =
            split("“钱从哪里来”\n　　资金由几部分组成。\n　　　　新华社北京5月12日电\n\n下一篇\n");
        assert!(!end_credit_ahead(&lines, 1));
        let lines = split("第2计\n正文一段。\n本报记者 金旻矣\n");
        assert!(end_credit_ahead(&lines, 1));
    }

    #[test]
    fn a_page_citing_every_credited_headline_is_told() {
        let cited = split(
            "标题一\n（ 2026-05-13 ） 稿件来源：某某电讯 要闻\n新华社记者 林一\n正文。\n小标题\n正文。\n标题二\n（ 2026-05-13 ） 稿件来源：某某电讯 要闻\n新华社记者 王二\n正文。\n",
        );
        assert!(cites_under_headlines(&cited));
        // A credited headline without its citation: the page does not cite every one.
        let partly = split(
            "标题一\n（ 2026-05-13 ） 稿件来源：某某电讯 要闻\n新华社记者 林一\n正文。\n标题二\n新华社记者 王二\n正文。\n标题三\n（ 2026-05-13 ） 稿件来源：某某电讯 要闻\n新华社记者 张三\n正文。\n",
        );
        assert!(!cites_under_headlines(&partly));
    }

    #[test]
    fn two_phrases_set_wide_apart_read_as_a_title() {
        assert!(named_item("江溪：老小区人防工程 标识牌换新颜"));
        assert!(named_item("硕放:《老娘舅做寿》"));
        assert!(!named_item("上海警方提示：市民应配合检测"));
        assert!(!named_item("问：为什么？"));
        assert!(!named_item("城镇绿色建筑"));
        assert!(wide_two_phrase("跑道向前延伸  脚步不曾停歇"));
        assert!(wide_two_phrase("创新金融服务\u{3000}助力渔业发展"));
        assert!(!wide_two_phrase("“合纵连横”扛责任 机关党建走在前"));
        assert!(!wide_two_phrase("抓作风  不能松"));
    }

    #[test]
    fn indented_pages_are_told_from_flush_ones() {
        let text = "标题\n\u{3000}\u{3000}一段。\n\u{3000}\u{3000}二段。\n\u{3000}\u{3000}三段。\n\u{3000}\u{3000}四段。\n";
        assert!(page_indents(&split(text)));
        assert!(!page_indents(&split(
            "标题\n一段。\n二段。\n三段。\n四段。\n"
        )));
    }

    #[test]
    fn a_question_on_its_own_line_is_one_quoted_or_not() {
        assert!(question_heading("某物为何超标？", 2));
        assert!(
            !question_heading("某物为何超标？", 1),
            "too few headings before it"
        );
        assert!(
            !question_heading("那么，某物为何超标？", 3),
            "a sentence's head"
        );
        assert!(question("如今的增收如何实现？"));
        assert!(question("“平台的服务还能怎样完善？”"));
        assert!(!question("“稳”字当头"));
    }

    #[test]
    fn a_page_that_parts_articles_by_blank_lines_is_known_and_its_runs_read_so() {
        let para = "江城今年新建口袋公园三十个，居民在家门口就能散步健身，老人们都说方便。";
        let article = |title: &str, heading: &str| {
            format!("{title}\n{para}\n{para}\n{para}\n{heading}\n{para}\n{para}\n\n")
        };
        let text = format!(
            "{}{}{}",
            article("口袋公园走进老城区", "老街坊有了新去处"),
            article("长河两岸绿道贯通", "骑行爱好者点赞"),
            article("南州夜市重新开张", "摊主盼来好生意")
        );
        let lines = split(&text);
        let after_blank: Vec<bool> = (0..lines.len())
            .map(|k| k > 0 && crate::lines::blank_between(&text, &lines[k - 1], &lines[k]))
            .collect();
        assert!(blank_parted_articles(&lines, &after_blank));
        // Each title after a blank line opens an article; each heading run on is a heading.
        let page = crate::parse_bytes(text.as_bytes(), "p");
        let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            titles,
            ["口袋公园走进老城区", "长河两岸绿道贯通", "南州夜市重新开张"]
        );
        // Without blank lines, the page says nothing by them.
        let joined = text.replace("\n\n", "\n");
        let lines = split(&joined);
        assert!(!blank_parted_articles(&lines, &vec![false; lines.len()]));
    }

    #[test]
    fn a_closing_dateline_ahead_under_a_dated_report_is_another_reports() {
        assert!(ends_in_bracketed_dateline(
            "记者祝愿老者一路平安。（本报甲城12月31日电）"
        ));
        assert!(ends_in_bracketed_dateline(
            "双方约定保障公路畅通。（据新华社电）"
        ));
        assert!(!ends_in_bracketed_dateline("他说得对（笑）"));
        assert!(!ends_in_bracketed_dateline("会议在北京举行。"));
        let lines = split(
            "老者如是说\n沙龙里，记者与一位老者闲坐。\n他说海湾的明天会更好。（本报甲城12月31日电）\n",
        );
        assert!(bracketed_dateline_ahead(&lines, 1));
        let lines = split("老者如是说\n沙龙里，记者与一位老者闲坐。\n下一篇的标题\n");
        assert!(!bracketed_dateline_ahead(&lines, 1));
        let c = RunCues {
            dated_again_ahead: true,
            short_news: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
        let c = RunCues {
            dated_again_ahead: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle, "alone it opens one");
    }

    #[test]
    fn a_run_indented_as_the_text_under_it_is_set_as_its_text() {
        let lines = split(concat!(
            "　　夜市客流回升\n",
            "　　周末晚上，夜市的摊位前排起了长队。\n",
            "城西新开一座公园\n",
            "本报讯（记者 林一）城西公园昨日开放。\n",
        ));
        assert!(set_as_its_text(&lines[..1], lines.get(1)));
        assert!(
            !set_as_its_text(&lines[2..3], lines.get(3)),
            "a run at the margin"
        );
        assert!(
            !set_as_its_text(&lines[..1], lines.get(2)),
            "no indented text under it"
        );
    }

    #[test]
    fn an_indented_run_under_titles_at_the_margin_is_a_heading() {
        let text = concat!(
            "河谷公园建设见闻\n本报记者  林一\n",
            "　　第一段正文写得很长，说明公园的来历。\n",
            "　　北岸园区\n　　步道串起沿河村落\n",
            "　　第二段正文说明步道的走向。\n",
            "　　第三段正文说明游客的感受。\n",
            "山城夜市重开\n本报记者  方二\n",
            "　　夜市的正文写得很长，说明摊位。\n",
        );
        let lines = split(text);
        assert!(titles_at_margin(&lines, page_indents(&lines)));
        let run: Vec<_> = lines
            .iter()
            .filter(|l| l.text == "北岸园区" || l.text == "步道串起沿河村落")
            .copied()
            .collect();
        assert_eq!(run.len(), 2);
        assert!(indented_run(&run));
        let title: Vec<_> = lines.iter().take(1).copied().collect();
        assert!(!indented_run(&title));
        let flush =
            split("河谷公园建设见闻\n本报记者  林一\n第一段正文写得很长，说明公园的来历。\n");
        assert!(
            !titles_at_margin(&flush, page_indents(&flush)),
            "a page that does not indent"
        );
        let c = RunCues {
            indented_run: true,
            columned: true,
            unlike_headings: true,
            lines: 2,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
        let c = RunCues {
            indented_run: true,
            credit_follows: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(
            weigh(&c).0,
            RunReading::NewArticle,
            "a credit under it still opens one"
        );
    }

    #[test]
    fn a_margin_line_on_an_indented_page_opens_an_article() {
        let c = RunCues {
            at_margin: true,
            sentence_like: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::NewArticle);
    }

    #[test]
    fn text_without_a_credit_of_its_own_up_to_the_next_headline_is_seen() {
        let lines = split("近期天气暖和，花卉早早开放。\n市民的衣物也少了。\n");
        assert!(uncredited_ahead(&lines, 0), "to the page's end");
        let lines =
            split("近期天气暖和，花卉早早开放。\n下一篇的标题\n本报讯（记者 林一）正文。\n");
        assert!(
            uncredited_ahead(&lines, 0),
            "the credit is the next article's"
        );
        let lines = split("近期天气暖和，花卉早早开放。\n（记者 林一）\n");
        assert!(!uncredited_ahead(&lines, 0), "an end credit of its own");
        let c = RunCues {
            uncredited_after_dated: true,
            short_news: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
    }

    #[test]
    fn a_heading_printed_as_the_first_one_was_is_the_next_heading() {
        let lines = split("学用结合  务求实效\n");
        assert!(parallel_heading(&lines, Some("压实责任  明确任务")));
        assert!(!parallel_heading(&lines, Some("压实责任明确任务")));
        assert!(!parallel_heading(&lines, None));
        let c = RunCues {
            wide_two_phrase: true,
            parallel_heading: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
        // An article whose names are still to come goes on past a title-shaped heading.
        let c = RunCues {
            wide_two_phrase: true,
            names_pending: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&c).0, RunReading::Headings);
    }

    #[test]
    fn a_body_signing_at_the_end_of_a_run_is_its_credit() {
        let lines = split("守住基层治理的底线\n中共南州市委宣传部\n");
        assert!(signed_by_body(&lines));
        assert!(
            !signed_by_body(&lines[1..]),
            "a body's name alone signs nothing"
        );
        let lines = split("守住基层治理的底线\n筑牢安全防线\n");
        assert!(!signed_by_body(&lines));
    }

    #[test]
    fn a_credit_or_a_lead_after_the_run_is_seen() {
        let lines = split("标题\n本报讯（记者 林晓）近日，公园开放。\n");
        assert!(credit_follows(lines.get(1)));
        let lines = split("标题\n本报记者  邹文斌\n");
        assert!(credit_follows(lines.get(1)));
        let lines = split("标题\n公园开放了。\n");
        assert!(!credit_follows(lines.get(1)));
        let lines = split("标题\n城区三座口袋公园建成开放，市民家门口多了休闲去处……\n");
        assert!(lead_follows(lines.get(1)));
        assert!(!lead_follows(None));
    }

    #[test]
    fn text_naming_its_day_in_its_first_words_after_a_run_opens_a_report() {
        let lines = split(
            "太阳能发电成本下降\n工程院院士林某7月22日在接受本报记者采访时说，成本在下降。\n",
        );
        assert!(dated_lead_follows(&lines[..1], lines.get(1)));
        // The day far into the text, or no day, is no lead's.
        let lines = split(
            "太阳能发电成本下降\n随着新技术的发展，风能和太阳能的发电成本将在未来几年里降到火电以下，7月22日的论坛上说。\n",
        );
        assert!(!dated_lead_follows(&lines[..1], lines.get(1)));
        // The day alone as the text's first words.
        let lines =
            split("垃圾山占地四个月\n9日，市民通过本报热线反映，楼前的工地变成了垃圾场。\n");
        assert!(dated_lead_follows(&lines[..1], lines.get(1)));
        let lines = split("垃圾山占地四个月\n会议于9日，在市政府召开。\n");
        assert!(!dated_lead_follows(&lines[..1], lines.get(1)));
        // A bracketed label over dated text is a section's.
        let lines = split("【记者调查】\n9月12日上午，记者前往现场采访。\n");
        assert!(!dated_lead_follows(&lines[..1], lines.get(1)));
    }

    #[test]
    fn a_callers_words_under_a_run_open_a_hotline_item() {
        let lines = split("道路坑洼真难行\n刘女士：我是某小区的住户，巷子口的路面上有个坑。\n");
        assert!(caller_follows(&lines[..1], lines.get(1)));
        let lines = split("别带孩子闯红灯\n市民韦先生:昨晚7时许，我骑车经过路口。\n");
        assert!(caller_follows(&lines[..1], lines.get(1)));
        // A speaker's words quoted in a report, and a field's name, are not a caller's.
        let lines = split("现场\n刘女士说：“巷子口的路面上有个坑。”\n");
        assert!(!caller_follows(&lines[..1], lines.get(1)));
        let lines = split("现场\n地点：江城某路与某路交叉口。\n");
        assert!(!caller_follows(&lines[..1], lines.get(1)));
    }

    #[test]
    fn a_question_on_its_own_line_reads_as_text() {
        assert!(sentence_like(&split("如今的增收如何实现？\n")));
        assert!(sentence_like(&split(
            "三、当前非洲迎来发展的关键时期，中非如何加快合作？\n"
        )));
        assert!(!sentence_like(&split("路修到哪里\n")));
    }

    #[test]
    fn short_lines_over_a_photo_credit_and_a_lead_are_captions() {
        let lines = split(
            "出动百余记者 上街洒扫庭除\n上阵母子兵。\n小记者忙不停。\n本栏图片由本报记者 林一 陈二 摄\n本报讯（记者 王三）创建文明城市人人有责。\n",
        );
        assert_eq!(captions_over_credited_lead(&lines, 3), Some(1));
        let lines = split(
            "标题\n正文一段，写得很长很长很长很长很长很长很长很长的一段话。\n林一 摄\n本报讯 昨天。\n",
        );
        assert_eq!(captions_over_credited_lead(&lines, 2), None);
    }

    #[test]
    fn a_byline_line_after_the_run_is_found() {
        let lines = split("正文一段，说到一半\n纸上春秋\n本报记者 林一\n仲夏之晨。\n");
        assert!(byline_follows(lines.get(2)));
        let lines = split("纸上春秋\n本报讯 记者 林一 昨天，会议召开。\n");
        assert!(!byline_follows(lines.get(1)), "a dateline lead");
        let lines = split("纸上春秋\n《长河日报》（ 2012年12月21日 02版）\n");
        assert!(byline_follows(lines.get(1)), "a citation line");
        let cues = RunCues {
            cut: true,
            credit_follows: true,
            byline_follows: true,
            lines: 1,
            ..RunCues::default()
        };
        assert_eq!(weigh(&cues).0, RunReading::NewArticle);
        let cues = RunCues {
            byline_follows: false,
            signed: true,
            ..cues
        };
        assert_eq!(weigh(&cues).0, RunReading::Headings);
    }

    #[test]
    fn a_dateline_after_summary_lines_is_found() {
        let lines = split(
            "助企纾困加快恢复活力\n以政策的确定性应对不确定性\n本报讯 市委书记昨天在临港调研。\n",
        );
        assert!(dateline_ahead(&lines, 1));
        let lines = split("标题\n正文一段。\n正文二段。\n正文三段。\n正文四段。\n本报讯 昨天。\n");
        assert!(!dateline_ahead(&lines, 1));
        // The next article's lead, under its own title.
        let lines = split("某某：看不到变化\n正文一段。\n下一篇的标题\n【本报专讯】昨天。\n");
        assert!(!dateline_ahead(&lines, 1));
    }

    #[test]
    fn an_end_byline_after_the_text_is_found() {
        let lines = split("标题\n正文一段。\n正文二段。\n本报记者 邹文斌\n");
        assert!(end_credit_ahead(&lines, 1));
        let lines = split("标题\n正文一段。\n另一个标题\n本报记者 邹文斌\n");
        assert!(!end_credit_ahead(&lines, 1));
    }
}
