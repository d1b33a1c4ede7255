//! Splits the text into lines and tells what each non-blank line looks like on its own.

use crate::byline::{
    is_author_note, is_source_note, parse_author_line, parse_byline_line, parse_dateline,
    photo_credit_suffix,
};
use crate::header::{
    citation_tail, is_citation_line, is_jump, jump_prefix, jump_suffix, parse_editors,
    parse_header_line,
};
use crate::normalize::{ends_sentence, is_han};

/// A non-blank line (or the part of one that a jump marker was cut from), trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the page text.
    pub start: usize,
    pub class: Class,
    /// It is indented (`　　`, or two spaces or more), as exports set a paragraph's first line.
    pub indented: bool,
    /// It is text that ends in a reporter's credit glued after its last sentence
    /// (`…略低。文/本报记者 张某`).
    pub glued_credit: bool,
    /// It is a headline that stood on one line with its text, set apart by a wide gap
    /// (`机动车行驶证电子化   新华社北京11月3日电 …`): only titles are printed so.
    pub beside_text: bool,
    /// It is the headline the page's index of titles names (an e-paper page copied with the
    /// list of its titles above the article): the title, whatever stands over or under it.
    pub indexed: bool,
}

impl Line<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// What a line looks like, judged on the line alone; the segmenter decides from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Date, page number, page name (outside the header zone only with a date).
    Header,
    /// The citation line of a page export after an article: `《人民日报》（…第 04 版）`.
    Citation,
    /// `责任编辑:…`.
    Editors,
    /// `(下转第六版)`.
    Jump,
    /// No Han character and short: page numbers, codes, rules.
    Noise,
    /// A column or series label (栏目).
    Label(LabelKind),
    /// A byline on its own line.
    Byline,
    /// `□ 作者`.
    Author,
    /// `(作者单位:…)`.
    AuthorNote,
    /// A photo caption.
    Caption,
    /// `引题—— 主题` on one line.
    Merged,
    /// `——副题`.
    Subtitle,
    /// `一、…` heading.
    Numbered,
    /// Short line without sentence punctuation: title, kicker or section heading.
    Short,
    /// A line holding only a person's name (`张  铁`, `朱明远`): an author under a title.
    Name,
    /// The label of a sidebar that belongs to the article above: `记者手记`, `链接`, `编后`.
    Sidebar,
    /// An editor's note over a group of articles (`编者按：…`) or its signature (`——编  者`).
    EditorNote,
    /// A lead (导语) printed without final punctuation under the headline and byline: its own
    /// paragraph, never the head of a cut one. Set by the segmenter.
    Lead,
    /// A paragraph starting with a dateline lead.
    Dateline,
    /// Body text.
    Text,
}

impl Class {
    /// Classes that make up a headline group or a section heading.
    pub fn is_headline(self) -> bool {
        matches!(
            self,
            Class::Label(_) | Class::Short | Class::Merged | Class::Subtitle | Class::Numbered
        )
    }
}

/// What a column label says about the articles under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelKind {
    Brief,
    Commentary,
    Photo,
    Other,
}

const BRIEF_LABELS: &[&str] = &[
    "快讯",
    "简讯",
    "短讯",
    "速读",
    "新闻速递",
    "资讯",
    "要闻速览",
    "一句话新闻",
    "简讯速递",
    "新闻简讯",
    "本地简讯",
    "要闻简报",
    "新闻简报",
    "新知",
    "数说",
];
const COMMENTARY_LABELS: &[&str] = &[
    "评论",
    "时评",
    "短评",
    "快评",
    "社评",
    "社论",
    "今日谈",
    "论苑",
    "评论员文章",
    "本报评论员",
    "大家谈",
    "微评",
    "观点",
    "锐评",
];
/// Endings of opinion columns' names: `人民时评`, `金台随笔`, `暖闻热评`, `评论员观察`,
/// `编辑手记`, `国际论坛`.
const COMMENTARY_ENDINGS: &[&str] = &[
    "时评",
    "随笔",
    "热评",
    "短评",
    "快评",
    "锐评",
    "漫评",
    "杂谈",
    "评论",
    "评论员观察",
    "编辑手记",
    "论坛",
    "新语",
    "锐见",
];

/// Whether a column's name is an opinion column's, by its ending.
pub(crate) fn commentary_column(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n) && COMMENTARY_ENDINGS.iter().any(|e| s.ends_with(e))
}

pub(crate) const PHOTO_LABELS: &[&str] =
    &["图片新闻", "新闻图片", "图说", "视觉", "影像", "新闻图说"];
const OTHER_LABELS: &[&str] = &[
    "关注",
    "特写",
    "花絮",
    "政情",
    "聚焦",
    "特别报道",
    "深度报道",
    "本期关注",
    "新春走基层",
    "一线调查",
    "民生观察",
    "记者调查",
    "记者直击",
    "市民反映",
    "身边榜样",
    "百姓故事",
    "热点观察",
    "数读",
    "相关新闻",
];

/// Labels of sidebars: a box that belongs to the article above it.
const SIDEBAR_LABELS: &[&str] = &[
    "链接",
    "相关链接",
    "新闻链接",
    "背景链接",
    "知识链接",
    "延伸阅读",
    "记者手记",
    "采访手记",
    "手记",
    "编后",
    "编后语",
    "小贴士",
    "相关阅读",
    "核心阅读",
    "阅读提示",
    "开栏的话",
];

/// Recognises a sidebar label: `记者手记`, `【链接】`, `延伸阅读`.
pub(crate) fn is_sidebar_label(t: &str) -> bool {
    let s = bare_label(t.trim_end_matches(['：', ':']));
    SIDEBAR_LABELS.contains(&s)
}

/// A short label set with spaces between its characters, as print pads it to the width of a
/// longer one (`短    评`, `社  论`), without them; any other text as it is.
pub(crate) fn unpad(s: &str) -> std::borrow::Cow<'_, str> {
    // Most labels hold no space, and a padded one is short: a cheap test first.
    if s.len() > 40 || !s.contains([' ', '\u{3000}']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut parts = s.split_whitespace();
    let padded = (2..=4).contains(&s.split_whitespace().count())
        && parts.all(|p| p.chars().count() == 1 && p.chars().all(is_han));
    if padded {
        std::borrow::Cow::Owned(s.split_whitespace().collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// The column named by a record's field, `专栏：摄影报道` or `系列：深阅读·文旅观察` (empty,
/// `专栏：`, where the item has none), as a paper's database of back issues heads each item
/// under its page line.
pub(crate) fn column_field(t: &str) -> Option<&str> {
    let value = ["专栏", "栏目", "系列"]
        .iter()
        .find_map(|f| t.strip_prefix(f))?
        .strip_prefix([':', '：'])?
        .trim();
    (value.chars().count() <= 16 && !value.contains(['。', '，', ',', '；', '！', '？']))
        .then_some(value)
}

/// The marks print sets a label or a credit off with: `□乡土人物`, `■建议`, `▲本报记者 某某`.
pub(crate) const LABEL_MARKS: [char; 8] = ['□', '■', '◎', '◆', '●', '▲', '▌', '▍'];

/// A label without the marks print sets it off with: `□乡土人物`, `【链接】`, `▌新知`.
pub(crate) fn bare_label(s: &str) -> &str {
    let s = s
        .trim_start_matches(|c| LABEL_MARKS.contains(&c) || c == '|')
        .trim();
    let s = column_field(s).unwrap_or(s);
    s.strip_prefix(['【', '[', '〖', '「'])
        .and_then(|x| x.strip_suffix(['】', ']', '〗', '」']))
        .unwrap_or(s)
        .trim()
}

/// Recognises an editor's note over a group of articles (`编者按：…`, `【编者按】`) and its
/// signature (`——编  者`, `—编者`).
pub(crate) fn is_editor_note(t: &str) -> bool {
    let s = t.trim_start_matches(['【', '[', '（', '(']);
    if s.starts_with("编者按") || s.starts_with("编 者 按") || s.starts_with("编者的话") {
        return true;
    }
    if !t.starts_with(['—', '-', '─']) || t.len() > 40 {
        return false;
    }
    let sig: String = t
        .trim_start_matches(['—', '-', '─'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    matches!(sig.as_str(), "编者" | "本报编辑部" | "编辑部")
}

/// Whether the line is the signature of an editor's note: `——编  者`, `—编者`.
pub(crate) fn is_note_signature(t: &str) -> bool {
    t.starts_with(['—', '-', '─']) && is_editor_note(t)
}

/// Recognises a turn of an interview: `记者：…？`, `沈若兰：…`, `问：…`. A paragraph, never a
/// heading, however short.
pub(crate) fn is_interview_turn(t: &str) -> bool {
    // The speaker stands within the first few characters.
    let head = t
        .char_indices()
        .nth(10)
        .map_or(t, |(i, _)| t.get(..i).unwrap_or(t));
    let Some(colon) = head.find(['：', ':']) else {
        return false;
    };
    let (who, said) = (t.get(..colon).unwrap_or(""), t.get(colon..).unwrap_or(""));
    let who = who.trim();
    // A turn says something in sentences; `东营：营商环境优化结硕果` is a headline.
    let sentence = said.contains(['，', '。', '？', '！', '；', ',', '?', '!', '…']);
    let said = said.chars().skip(1).count();
    let speaker = matches!(
        who,
        "问" | "答" | "记者" | "本报记者" | "主持人" | "Q" | "A"
    ) || who.ends_with("记者")
        || who.ends_with('报') && who.chars().count() <= 6
        || crate::names::is_person_name(who);
    speaker && sentence && said >= 4 && who.chars().all(|c| is_han(c) || c.is_ascii_alphabetic())
}
const LABEL_SUFFIXES: &[&str] = &[
    "巡礼",
    "专栏",
    "系列报道",
    "系列评论",
    "观察",
    "速递",
    "进行时",
    "在行动",
    "面对面",
    "走笔",
    "纪事",
    "一线",
];

/// A line taken for a column by its last words alone (`铺路决战进行时`, `某某巡礼`), in none of
/// the lists of labels and five characters or more: standing alone over an item's text, it is
/// the item's title.
pub(crate) fn label_by_ending_alone(s: &str) -> bool {
    let unpadded = unpad(bare_label(s));
    let s = unpadded.as_ref();
    s.chars().count() >= 5
        && listed_label(s).is_none()
        && !sponsored_label(s)
        && LABEL_SUFFIXES.iter().any(|x| s.ends_with(x))
}

/// A label line as the column it names: its marks and padding dropped, its punctuation
/// full-width (`□师者之尊`, `【 民 生 】` → `师者之尊`, `民生`).
pub(crate) fn column_text(line: &str) -> String {
    crate::normalize::fullwidth(&unpad(bare_label(line)))
}

/// The kind of a label in one of the lists of labels (`简讯`, `图片新闻`, `特写`), or of a
/// commentary column by its ending (`长河时评`).
fn listed_label(s: &str) -> Option<LabelKind> {
    if BRIEF_LABELS.contains(&s) {
        Some(LabelKind::Brief)
    } else if COMMENTARY_LABELS.contains(&s) || commentary_column(s) {
        Some(LabelKind::Commentary)
    } else if PHOTO_LABELS.contains(&s) {
        Some(LabelKind::Photo)
    } else if OTHER_LABELS.contains(&s) {
        Some(LabelKind::Other)
    } else {
        None
    }
}

/// Recognises a column label such as `简讯`, `图片新闻` or `“产改”6周年巡礼`.
pub(crate) fn label_kind(s: &str) -> Option<LabelKind> {
    let unpadded = unpad(bare_label(s));
    let s = unpadded.as_ref();
    if sponsored_label(s) {
        return Some(LabelKind::Other);
    }
    if s.chars().count() > 12 {
        return series_label(s).then_some(LabelKind::Other);
    }
    listed_label(s).or_else(|| {
        (LABEL_SUFFIXES.iter().any(|x| s.ends_with(x))
            && s.chars().count() > 2
            && !s.contains(['，', ',', '。']))
        .then_some(LabelKind::Other)
    })
}

/// A column run with a body that sponsors it, named at the label's end: `领略 气象前沿
/// 某某研究院协办`, `健康讲堂  市卫健委主办`. It heads every item under it.
pub(crate) fn sponsored_label(s: &str) -> bool {
    ["协办", "主办", "承办", "联办", "合办"]
        .iter()
        .any(|w| s.ends_with(w))
        && (6..=40).contains(&s.chars().count())
        && !s.contains(['，', ',', '。', '；', '：', ':', '！', '？'])
}

/// A series' label, however long it names the series (`全国劳动模范表彰系列报道`,
/// `学习贯彻全会精神系列评论`): it ends in the word for a series of reports or comments, and
/// holds no sentence.
fn series_label(s: &str) -> bool {
    let s = without_part_number(s);
    ["系列报道", "系列评论", "系列述评", "系列访谈", "系列综述"]
        .iter()
        .any(|w| s.ends_with(w))
        && (6..=30).contains(&s.chars().count())
        && !s.contains(['，', ',', '。', '：', ':', '；'])
}

/// A series' name without the number of its part at the end: `…系列报道(3)`, `…系列报道（三）`,
/// `…系列报道之三`, `…系列报道③` give `…系列报道`.
pub(crate) fn without_part_number(s: &str) -> &str {
    const NUMS: &str = "0123456789一二三四五六七八九十";
    let s = s.trim_end();
    if let Some(body) = s.strip_suffix([')', '）'])
        && let Some((head, n)) = body.rsplit_once(['(', '（'])
        && (1..=3).contains(&n.chars().count())
        && n.chars().all(|c| NUMS.contains(c))
    {
        return head.trim_end();
    }
    if let Some((head, n)) = s.rsplit_once('之')
        && (1..=3).contains(&n.chars().count())
        && n.chars().all(|c| NUMS.contains(c))
    {
        return head;
    }
    match s.chars().next_back() {
        Some(c) if is_circled(c) => s.strip_suffix(c).unwrap_or(s),
        _ => s,
    }
}

/// Whether a raw line starts indented as exports set a paragraph's first line: an ideographic
/// space (`　　`), a tab, or two blanks or more of any kind (spaces, or the no-break spaces a web
/// page's `&nbsp;&nbsp;` leaves).
pub(crate) fn indented(raw: &str) -> bool {
    let lead = raw.chars().take_while(|c| c.is_whitespace()).take(2);
    let mut n = 0;
    for c in lead {
        if c == '\u{3000}' || c == '\t' {
            return true;
        }
        n += 1;
    }
    n >= 2
}

/// Splits `text` into trimmed non-blank lines, cutting jump markers off the lines they end or
/// start, and classifies each.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(text.len() / 64 + 8);
    let mut offset = 0;
    for raw in text.split('\n') {
        let line_start = offset;
        offset += raw.len() + 1;
        let trimmed = raw.trim_start();
        let start = line_start + (raw.len() - trimmed.len());
        let t = trimmed.trim_end();
        if t.is_empty() {
            continue;
        }
        let first = out.len();
        match headline_beside_text(t) {
            Some((head, gap)) => {
                push_cut(&mut out, head, start);
                // Set apart from its text, a headline with a comma in it is still a headline.
                if let Some(l) = out.last_mut() {
                    // A short phrase beside text is a headline even where it has a name's
                    // shape (`农事忙`).
                    if l.class == Class::Text && headline_shaped(head) || l.class == Class::Name {
                        l.class = Class::Short;
                    }
                    l.beside_text = l.class.is_headline();
                }
                push_cut(
                    &mut out,
                    t.get(gap..).unwrap_or("").trim_start(),
                    start + gap + (t.len() - gap - t.get(gap..).unwrap_or("").trim_start().len()),
                );
            }
            None => match dated_headline(t) {
                Some(at) => {
                    let (head, date) = (t.get(..at).unwrap_or(t), t.get(at..).unwrap_or(""));
                    push_cut(&mut out, head.trim_end(), start);
                    let date_start = start + t.len() - date.trim_start().len();
                    out.push(plain_line(date.trim_start(), date_start, Class::Header));
                }
                None => push_cut(&mut out, t, start),
            },
        }
        for l in out.iter_mut().skip(first) {
            l.glued_credit = l.class == Class::Text
                && (crate::byline::glued_credit(l.text)
                    .is_some_and(|(_, c)| !c.reporters.is_empty() || !c.authors.is_empty())
                    || crate::byline::glued_source(l.text).is_some()
                    || crate::byline::bracketed_end_credit(l.text));
        }
        if let Some(l) = out.get_mut(first) {
            l.indented = indented(raw);
        }
        // Text set apart from its headline by a wide gap starts a paragraph, as an indent does.
        if out.get(first).is_some_and(|l| l.beside_text)
            && let Some(l) = out.get_mut(first + 1)
        {
            l.indented = true;
        }
    }
    let mut out = outlet_tails(out);
    long_headlines(text, &mut out);
    if let Some(i) = title_at_page_top(text, &out)
        && let Some(l) = out.get_mut(i)
    {
        l.class = Class::Short;
    }
    repeated_caption_parts(&mut out);
    pointing_captions(&mut out);
    before_and_after_captions(&mut out);
    source_under_headline(&mut out);
    captions_under_picture_title(&mut out);
    title_again_under_captions(&mut out);
    title_again_in_pieces(&mut out);
    marked_name_under_title(&mut out);
    column_tag_over_signature(&mut out);
    captions_over_credited_lead(&mut out);
    spaced_name_under_title(&mut out);
    place_label_over_item(&mut out);
    placed_kicker(&mut out);
    school_over_pupil(&mut out);
    names_continue_credit(text, &mut out);
    header_continued(&mut out);
    title_under_trail(&mut out);
    list_items(&mut out);
    dashed_items(&mut out);
    closing_datelines(&mut out);
    repeated_banners(&mut out);
    record_lines(&mut out);
    out
}

/// Marks that point at the picture a caption is of: above, below, left, right.
pub(crate) const PICTURE_ARROWS: [char; 9] = ['▲', '△', '▼', '▽', '↑', '↓', '◀', '▶', '►'];

/// Captions printed one after another, each with an arrow pointing at its picture (`▲同学们参观
/// 老街。` / `▶同学们在拼装鲁班锁。`): a line opened by a side arrow is a caption where a caption
/// so marked stands right above it, though the same marks open briefs' titles elsewhere.
fn pointing_captions(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let above = &lines[i - 1];
        let l = &lines[i];
        if above.class == Class::Caption
            && above.text.starts_with(PICTURE_ARROWS)
            && l.class == Class::Text
            && l.text.starts_with(PICTURE_ARROWS)
            && l.text.chars().take(121).count() <= 120
        {
            lines[i].class = Class::Caption;
        }
    }
}

/// A web page's record of the article, printed under it: a line holding a date and the
/// headline printed above it (`某某工人日报 一版要闻 00001 外来建设者比拼“好声音” 2015-04-28 2
/// 2015年04月28日 星期二`). The site's, not the article's.
fn record_lines(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let l = &lines[i];
        if !matches!(l.class, Class::Text | Class::Short | Class::Header) {
            continue;
        }
        let header =
            || l.class == Class::Header && crate::header::parse_header_line(l.text).is_some();
        if record_of_headline(lines, i) && !header() {
            lines[i].class = Class::Noise;
        }
    }
}

/// Whether the line at `i` is a site's record of an article: its headline again (one of the
/// 40 lines above it), with a date of digits as one of its words (`江城日报 要闻 00002 标题
/// 2010-07-21 2 2010年07月21日 星期三`).
pub(crate) fn record_of_headline(lines: &[Line<'_>], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    if l.text.len() > 360 || !l.text.contains(char::is_whitespace) {
        return false;
    }
    // A date of digits as one of its words (`2015-04-28`, `2015年04月28日`): few lines.
    if !l.text.split_whitespace().any(digit_date) || ends_sentence(l.text) {
        return false;
    }
    lines[i.saturating_sub(40)..i]
        .iter()
        .any(|h| h.class.is_headline() && h.text.chars().count() >= 4 && l.text.contains(h.text))
}

/// The date a site's record of an article gives ([`record_of_headline`]): its first date of
/// digits, as `YYYY-MM-DD`.
pub(crate) fn record_date(lines: &[Line<'_>], i: usize) -> Option<String> {
    if !record_of_headline(lines, i) {
        return None;
    }
    let text = lines.get(i)?.text;
    text.split_whitespace()
        .find(|w| digit_date(w))
        .and_then(|w| crate::header::parse_date(w))
        .map(|(date, _)| date)
}

/// Words that name a paper's app or e-paper edition after its name (`江城日报 数字报纸`): no
/// page's name.
pub(crate) const EDITION_WORDS: [&str; 5] = ["客户端", "数字报纸", "数字报", "电子报", "电子版"];

/// A headline-shaped line printed again and again over other headlines (`兵在掌上阅 亮剑弹指间`
/// over every article an e-paper site's pages show): the site's or the page's slogan, no
/// article's kicker. Each time it stands over another headline line.
fn repeated_banners(lines: &mut [Line<'_>]) {
    let over_headline = |i: usize| {
        lines.get(i + 1).is_some_and(|n| {
            matches!(n.class, Class::Short | Class::Label(_) | Class::Merged)
                && n.text != lines[i].text
        })
    };
    let mut times: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in (0..lines.len()).filter(|&i| lines[i].class == Class::Short && over_headline(i)) {
        *times.entry(lines[i].text).or_default() += 1;
    }
    let banners: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            lines[i].class == Class::Short && times.get(lines[i].text).is_some_and(|&n| n >= 2)
        })
        .collect();
    for i in banners {
        lines[i].class = Class::Noise;
    }
}

/// A dateline alone on its line after an article's text, with no text of its own under it
/// (`……。` / `　　　　新华社北京5月12日电` / the next headline): wire copy's closing dateline,
/// a credit of the text above it, not the lead of another article.
fn closing_datelines(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let Some(l) = lines.get(i) else {
            continue;
        };
        if l.class != Class::Dateline || !crate::byline::bare_dateline(l.text) {
            continue;
        }
        let after_text = lines
            .get(i - 1)
            .is_some_and(|a| matches!(a.class, Class::Text | Class::Lead | Class::Dateline));
        let no_text_under = lines
            .get(i + 1)
            .is_none_or(|n| !matches!(n.class, Class::Text | Class::Lead | Class::Dateline));
        if after_text
            && no_text_under
            && let Some(l) = lines.get_mut(i)
        {
            l.class = Class::Byline;
        }
    }
}

/// A line that only marks where a picture stood, as e-paper text keeps it: `图一`, `图三`,
/// `图2`, `（图）`. It says nothing of the article.
pub(crate) fn picture_placeholder(t: &str) -> bool {
    let t = t
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let Some(rest) = t.strip_prefix('图') else {
        return false;
    };
    let n = rest.chars().count();
    n <= 2
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// A site's notice of its rights over what it carries, a sentence of its own: `版权声明：凡本报
/// 刊载作品（含标题），未经授权不得转载、摘编或利用其它方式使用。`
fn rights_notice(t: &str) -> bool {
    t.len() <= 600
        && ["版权声明", "版权所有", "免责声明"].iter().any(|m| {
            t.strip_prefix(m)
                .is_some_and(|r| r.starts_with([':', '：']))
        })
}

/// A site's call to install its app, copied with the article: `手机读报看新闻,下载掌上某某`,
/// `下载某某新闻客户端`. Noise, however it is punctuated.
fn app_prompt(t: &str) -> bool {
    t.len() <= 120
        && t.contains("下载")
        && ["客户端", "APP", "App", "app", "掌上", "手机读报"]
            .iter()
            .any(|w| t.contains(w))
        && !t.contains('。')
}

/// A prompt beside a printed QR code, on a line of its own: `扫扫二维码`, `扫码看视频`,
/// `扫一扫 了解更多`, `扫描二维码观看直播`. Short, and no sentence.
pub(crate) fn qr_prompt(t: &str) -> bool {
    // Every line is asked: the opening word settles most at once.
    if !(t.starts_with('扫') || t.starts_with("长按"))
        || t.len() > 60
        || t.contains(['。', '，', ','])
    {
        return false;
    }
    let n = t.chars().count();
    // `扫扫二维码`, `扫描二维码观看直播`, `长按识别二维码`.
    let code = t.contains("二维码") && n <= 16;
    // `扫码看视频`, `扫一扫 了解更多`: the scan and what it brings (not `扫码支付走进菜市场`).
    let scan = ["扫码", "扫一扫", "扫扫"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .is_some_and(|rest| {
            let rest = rest.trim_start();
            n <= 12
                && [
                    "看", "听", "观看", "了解", "关注", "阅读", "下载", "收听", "收看", "参与",
                ]
                .iter()
                .any(|v| rest.starts_with(v))
        });
    code || scan
}

/// Whether a line heads a list inside the text: a short label ending in a colon
/// (`本期嘉宾：`, `主要内容:`). A record's empty field (`专栏：`) heads no list.
pub(crate) fn list_label(t: &str) -> bool {
    column_field(t).is_none()
        && t.strip_suffix(['：', ':'])
            .is_some_and(|w| (2..=6).contains(&w.chars().count()) && w.chars().all(is_han))
}

/// A line opening with a dash right under a line of text that opens with one (`——大瑶山、…` /
/// `——石漠化…` / `——“缺水、少土…”…`) is the next item of a list in the text, not a subtitle,
/// however it ends.
fn dashed_items(lines: &mut [Line<'_>]) {
    let dashed = |l: &Line<'_>| {
        matches!(l.class, Class::Subtitle | Class::Text)
            && (l.text.starts_with("——") || l.text.starts_with("--"))
    };
    let mut i = 1;
    while i < lines.len() {
        let run = lines
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|l| dashed(l))
            .count();
        // Two dashed lines at least, under a paragraph: a list in the text.
        if run >= 2 && lines[i - 1].class == Class::Text && !dashed(&lines[i - 1]) {
            for l in lines.get_mut(i..i + run).unwrap_or(&mut []) {
                l.class = Class::Text;
            }
        }
        i += run.max(1);
    }
}

/// The short lines under a list's label (`本期嘉宾：` / `某某大学教授某某` / …) are the list's
/// items, text of the article, not a headline: two of them at least, up to the first line
/// that is not short.
fn list_items(lines: &mut [Line<'_>]) {
    let mut i = 0;
    while i < lines.len() {
        // A site's empty field (`发布日期:`) is its chrome, no list's label.
        if !lines
            .get(i)
            .is_some_and(|l| !matches!(l.class, Class::Noise | Class::Header) && list_label(l.text))
        {
            i += 1;
            continue;
        }
        let item = |l: &Line<'_>| {
            matches!(l.class, Class::Short | Class::Name | Class::Merged)
                && l.text.chars().count() <= 40
                && !list_label(l.text)
        };
        let n = lines
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|l| item(l))
            .count();
        if n >= 2 {
            for l in lines.get_mut(i + 1..=i + n).unwrap_or(&mut []) {
                l.class = Class::Text;
            }
        }
        i += n + 1;
    }
}

/// A picture's words printed twice on one line, as a web copy gives a picture's alternative
/// text and its title (`沙头角对开海面一个鱼排起火。 沙头角对开海面一个鱼排起火。`,
/// `■招牌遭破坏。■招牌遭破坏。`): a caption. A sentence of the text is never printed twice.
pub(crate) fn doubled_caption(t: &str) -> bool {
    let t = t.trim();
    let len = t.len();
    // The halves are found by the line's length alone: glued, or apart by one space (an ASCII
    // one or an ideographic one, three bytes), so no line is searched.
    let same = |half: usize, gap: usize| {
        let (Some(a), Some(sep), Some(b)) =
            (t.get(..half), t.get(half..half + gap), t.get(half + gap..))
        else {
            return false;
        };
        a == b && sep.chars().all(char::is_whitespace) && (5..=80).contains(&a.chars().count())
    };
    let even = len.is_multiple_of(2);
    (even && same(len / 2, 0))
        || (!even && same(len / 2, 1))
        || (len >= 3 && (len - 3).is_multiple_of(2) && same((len - 3) / 2, 3))
}

/// E-paper article pages print a picture's caption with its credit on one line, then again
/// in parts on lines of their own (`数据来源：某局　　某某局　　制图：某某` / `数据来源：某局` /
/// `某某局` / `制图：某某`): a short line found inside one of the captions just above it is
/// part of that caption.
fn repeated_caption_parts(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let Some(l) = lines.get(i) else { continue };
        if !matches!(l.class, Class::Text | Class::Short) || l.text.chars().count() > 40 {
            continue;
        }
        let part = lines
            .get(i.saturating_sub(4)..i)
            .unwrap_or(&[])
            .iter()
            .any(|c| {
                c.class == Class::Caption && c.text.len() > l.text.len() && c.text.contains(l.text)
            });
        if part && let Some(l) = lines.get_mut(i) {
            l.class = Class::Caption;
        }
    }
}

/// Short lines between a web title that notes its pictures (`…开放首日遭踩踏(组图)`) and the
/// text, the site's source line aside: the pictures' captions, as a web copy prints them
/// without final marks (`游客奔向标志` / `参观者纷纷踏上标志` / `本报讯 …`).
fn captions_under_picture_title(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        if !(lines[i].class.is_headline() && titled_with_picture_note(lines[i].text)) {
            continue;
        }
        let mut run = Vec::new();
        let mut j = i + 1;
        while let Some(l) = lines.get(j) {
            match l.class {
                Class::Header | Class::Noise => {}
                Class::Short if l.text.chars().count() <= 40 => run.push(j),
                _ => break,
            }
            j += 1;
        }
        let text_follows = lines
            .get(j)
            .is_some_and(|l| matches!(l.class, Class::Dateline | Class::Text | Class::Lead));
        if text_follows && !run.is_empty() {
            for k in run {
                lines[k].class = Class::Caption;
            }
        }
    }
}

/// A web copy's title printed over its pictures' captions and again under them, before the
/// text (`街坊節開幕推睦鄰互助` / `出席活動人士合照` / `街坊節開幕推睦鄰互助` / `【本報消息】…`),
/// or twice in a row: the first copy is the page's, and the short lines between are captions.
fn title_again_under_captions(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        if !lines[i].class.is_headline() || lines[i].text.chars().count() < 4 {
            continue;
        }
        // The same line again within three lines, only short lines without a final mark
        // between.
        let again = (i + 1..lines.len().min(i + 5)).find(|&j| lines[j].text == lines[i].text);
        let Some(j) = again else {
            continue;
        };
        let between_short = lines[i + 1..j].iter().all(|l| {
            matches!(l.class, Class::Short | Class::Caption) && l.text.chars().count() <= 40
        });
        let text_follows = lines
            .get(j + 1)
            .is_some_and(|l| !l.class.is_headline() && l.class != Class::Caption);
        if between_short && text_follows {
            lines[i].class = Class::Noise;
            for l in &mut lines[i + 1..j] {
                l.class = Class::Caption;
            }
        }
    }
}

/// A web copy's title printed whole and then again as the lines the page printed it in
/// (`坚持至真至纯 生态本真 心灵本真 让游客…` / `生态本真 心灵本真` / `让游客…`): the pieces,
/// each held in the whole line above them, say nothing more.
fn title_again_in_pieces(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let whole = &lines[i];
        let piece_follows = lines.get(i + 1).is_some_and(|l| l.class.is_headline());
        if !piece_follows || !whole.class.is_headline() || whole.text.chars().count() < 12 {
            continue;
        }
        let pieces: Vec<usize> = (i + 1..lines.len())
            .take_while(|&j| {
                let l = &lines[j];
                l.class.is_headline()
                    && l.text.chars().count() >= 4
                    && l.text.len() < whole.text.len()
                    && whole.text.contains(l.text)
            })
            .collect();
        for j in pieces {
            lines[j].class = Class::Noise;
        }
    }
}

/// A marked run of two to six characters between a title and its text (`◎扎西达娃`): the
/// writer's name, though the table of surnames does not know it (a Tibetan or Yi name, a pen
/// name); a column label stands over the title, not under it.
fn marked_name_under_title(lines: &mut [Line<'_>]) {
    for i in 1..lines.len().saturating_sub(1) {
        let l = &lines[i];
        let Some(rest) = l.text.strip_prefix(['◎', '□', '■']) else {
            continue;
        };
        let rest = rest.trim();
        let n = rest.chars().count();
        let plain = (2..=6).contains(&n)
            && rest.chars().all(is_han)
            && label_kind(rest).is_none()
            && !crate::names::is_credit_word(rest);
        let above = lines[..i].iter().rev().find(|l| l.class != Class::Noise);
        let below = lines[i + 1..].iter().find(|l| l.class != Class::Noise);
        if plain
            && matches!(l.class, Class::Label(_) | Class::Short)
            && above.is_some_and(|a| a.class == Class::Short)
            && below.is_some_and(|b| matches!(b.class, Class::Text | Class::Lead))
        {
            lines[i].class = Class::Author;
        }
    }
}

/// The short lines between a headline and a photo credit over a dateline lead are the
/// pictures' captions ([`crate::boundary::captions_over_credited_lead`]).
fn captions_over_credited_lead(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let Some(first) = crate::boundary::captions_over_credited_lead(lines, i) else {
            continue;
        };
        for l in lines.get_mut(first..i).unwrap_or(&mut []) {
            if l.class == Class::Text {
                l.class = Class::Caption;
            }
        }
    }
}

/// A column's tag in square brackets before a title, over the writer's name or credit
/// (`【思旋天地】 香港明天怎么办?` / `思 旋`): a headline line, not a keyword heading of the
/// text above ([`keyword_heading`]), which no signature follows.
fn column_tag_over_signature(lines: &mut [Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        let l = &lines[i];
        if l.class != Class::Numbered || !l.text.starts_with(['【', '[']) {
            continue;
        }
        let Some((_, title)) = bracket_tag(l.text) else {
            continue;
        };
        let next = &lines[i + 1];
        let signed = matches!(next.class, Class::Name | Class::Author | Class::Byline)
            || next.class == Class::Short && crate::names::spaced_pen_name(next.text).is_some();
        if signed && title.chars().count() >= 4 {
            lines[i].class = Class::Short;
        }
    }
}

/// Two characters set one space apart right under a title, over the text (`功夫不只在四月` /
/// `啸 尘` / text): the writer's name padded to the title's width, whatever its surname. Alone
/// elsewhere, such a line is no name ([`crate::names::bare_name`]).
fn spaced_name_under_title(lines: &mut [Line<'_>]) {
    for i in 1..lines.len().saturating_sub(1) {
        let l = &lines[i];
        if l.class != Class::Short {
            continue;
        }
        let spaced = crate::names::spaced_pen_name(l.text).is_some();
        if spaced
            && lines[i - 1].class == Class::Short
            && matches!(lines[i + 1].class, Class::Text | Class::Lead)
        {
            lines[i].class = Class::Name;
        }
    }
}

/// A place's two characters over a headline line, after the credit or caption that closed the
/// item above, where other items of the page are labelled so (`乐山` / `品味书香` / … / `巴中` /
/// `感受川剧`): the item's label, though it reads as a name (巴 is a surname). Names sign under
/// a title, not over it.
fn place_label_over_item(lines: &mut [Line<'_>]) {
    let labelled_so = |lines: &[Line<'_>], i: usize| {
        lines.iter().enumerate().any(|(j, o)| {
            j != i
                && matches!(o.class, Class::Short | Class::Label(_))
                && o.text.chars().count() == 2
                && o.text.chars().all(is_han)
                && lines.get(j + 1).is_some_and(|n| n.class == Class::Short)
        })
    };
    for i in 1..lines.len().saturating_sub(2) {
        let (above, l, next) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        let closed_above = matches!(above.class, Class::Caption | Class::Byline)
            || above.class == Class::Text && above.glued_credit;
        if l.class == Class::Name
            && l.text.chars().count() == 2
            && l.text.chars().all(is_han)
            && closed_above
            && next.class == Class::Short
            && labelled_so(lines, i)
        {
            lines[i].class = Class::Short;
        }
    }
}

/// A school and class over a pupil's name with a note (`江城中心小学402班` / `林小雨(证号2302056)`),
/// as a pupils' page prints each young writer under the title: part of the credit, not a
/// subtitle.
fn school_over_pupil(lines: &mut [Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        if lines[i].class == Class::Short
            && lines[i + 1].class == Class::Author
            && crate::byline::noted_name(lines[i + 1].text).is_some()
            && school_class(lines[i].text)
        {
            lines[i].class = Class::Author;
        }
    }
}

/// A school, and the pupil's class or grade in it: `江城中心小学402班`, `实验中学初二年级`.
pub(crate) fn school_class(t: &str) -> bool {
    const SCHOOLS: &[&str] = &["小学", "中学", "学校", "幼儿园", "附小", "附中", "学院"];
    t.chars().count() <= 24
        && t.chars().all(|c| is_han(c) || c.is_ascii_digit())
        && SCHOOLS.iter().any(|w| t.contains(w))
        && (t.ends_with('班') || t.ends_with("年级") || SCHOOLS.iter().any(|w| t.ends_with(w)))
}

/// Where the item happened, with a colon, over its headline line (`某某区某某镇某某村：` /
/// `垃圾堆在渠边 群众呼吁整治`): the kicker, as photo and hotline pages print a place over each
/// item's title. The place's last word says it is one (`区`, `县`, `镇`, `村`, `社区`…).
fn placed_kicker(lines: &mut [Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        if matches!(lines[i].class, Class::Text | Class::Short | Class::Label(_))
            && lines[i + 1].class == Class::Short
            && place_with_colon(lines[i].text)
        {
            lines[i].class = Class::Short;
        }
    }
}

/// A place's name and a colon, nothing else: `甘州区：`, `某某区某某镇某某村:`.
pub(crate) fn place_with_colon(t: &str) -> bool {
    const ENDS: &[&str] = &[
        "省", "市", "区", "县", "旗", "镇", "乡", "村", "街道", "社区", "小区", "园区", "新区",
    ];
    t.strip_suffix(['：', ':']).is_some_and(|place| {
        (3..=16).contains(&place.chars().count())
            && place.chars().all(is_han)
            && ENDS.iter().any(|e| place.ends_with(e))
    })
}

/// A line of two names or more right under a credit line that names reporters or
/// correspondents, no blank line between (`南方日报记者 某甲` / `通讯员 某乙 某丙` / `某丁 某戊`): the
/// credit's names run on over the line's end, in the role the line above closed with.
fn names_continue_credit(text: &str, lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        if lines[i].class != Class::Name || lines[i - 1].class != Class::Byline {
            continue;
        }
        let (above, l) = (&lines[i - 1], &lines[i]);
        let credits = crate::byline::parse_byline_line(above.text);
        let named = credits.is_some_and(|c| {
            c.authors.is_empty()
                && c.photographers.is_empty()
                && !(c.reporters.is_empty() && c.correspondents.is_empty())
        });
        if named
            && !blank_between(text, above, l)
            && crate::names::bare_names(l.text).is_some_and(|n| n.len() >= 2)
        {
            lines[i].class = Class::Byline;
        }
    }
}

/// A page's name or number alone on the line under a header line (`出版日期:1991年08月08日` /
/// `头版` / `01`), as a web copy of each article repeats the page's header: the header's rest,
/// no column label, wherever on the page it stands.
fn header_continued(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        // A page's name or number is a short line.
        if lines[i - 1].class != Class::Header
            || lines[i].class == Class::Header
            || lines[i].text.len() > 24
        {
            continue;
        }
        let rest = crate::header::parse_header_line(lines[i].text).is_some_and(|h| {
            let named = h
                .section
                .as_deref()
                .is_some_and(crate::header::is_page_name);
            h.date.is_none() && !h.other && (named || h.section.is_none() && h.page.is_some())
        });
        // `图片新闻` names a page and heads an item: the item's, as at the page's top.
        if rest && label_kind(lines[i].text).is_none() {
            lines[i].class = Class::Header;
        }
    }
}

/// The line between a site's trail to the article (`首页 > 港闻 > 正文`) and the article's date
/// or source line is its title, however it reads (`十大港闻：林郑选「当选特首」…`): a web copy
/// prints its headline there.
fn title_under_trail(lines: &mut [Line<'_>]) {
    for i in 1..lines.len().saturating_sub(1) {
        let (above, l, below) = (&lines[i - 1], &lines[i], &lines[i + 1]);
        if above.class == Class::Header
            && crate::header::breadcrumb(above.text).is_some()
            && l.class == Class::Text
            && l.text.chars().count() <= 60
            && !l.text.contains('。')
            && matches!(below.class, Class::Header | Class::Noise)
        {
            lines[i].class = Class::Short;
        }
    }
}

/// A paper's name alone on the line under a headline, before the text (`某某科技报`), as a web
/// copy prints where the item comes from: the site's note, no line of the headline.
fn source_under_headline(lines: &mut [Line<'_>]) {
    for i in 1..lines.len().saturating_sub(1) {
        let (Some(above), Some(l), Some(below)) =
            (lines.get(i - 1), lines.get(i), lines.get(i + 1))
        else {
            continue;
        };
        if above.class.is_headline()
            && matches!(l.class, Class::Short | Class::Label(_))
            && matches!(below.class, Class::Text | Class::Caption)
            && own_paper_name(l.text)
        {
            lines[i].class = Class::Noise;
        }
    }
}

/// A newspaper's name: a place or trade and the kind of paper (`某某日报`, `某某科技报`,
/// `某某农村报`, `某某都市报`). Not a headline ending in 报 (`年度汇报`, `喜报`).
pub(crate) fn own_paper_name(t: &str) -> bool {
    let n = t.chars().count();
    (4..=10).contains(&n)
        && t.chars().all(is_han)
        && [
            "日报",
            "晚报",
            "晨报",
            "早报",
            "商报",
            "时报",
            "导报",
            "周报",
            "科技报",
            "农村报",
            "农民报",
            "法制报",
            "法治报",
            "工人报",
            "青年报",
            "都市报",
            "经济报",
            "教育报",
        ]
        .iter()
        .any(|e| t.ends_with(e))
}

/// The captions of two pictures showing a place before and after the work (`更换前` / `更换后`,
/// `整治前` / `整治后`), printed on lines of their own, one under the other: captions, not
/// headline lines.
fn before_and_after_captions(lines: &mut [Line<'_>]) {
    for i in 1..lines.len() {
        let (Some(a), Some(b)) = (lines.get(i - 1), lines.get(i)) else {
            continue;
        };
        fn stem<'a>(l: &Line<'a>, end: char) -> Option<&'a str> {
            let text: &'a str = l.text;
            text.strip_suffix(end)
                .filter(|s| (1..=4).contains(&s.chars().count()) && s.chars().all(is_han))
                .filter(|_| matches!(l.class, Class::Short | Class::Text))
        }
        if stem(a, '前').is_some_and(|s| stem(b, '后') == Some(s)) {
            for l in &mut lines[i - 1..=i] {
                l.class = Class::Caption;
            }
        }
    }
}

/// Where a headline line ends, after a wide gap, in the name of the outlet whose reporter the
/// next line credits (`暂别晴暖天气…   齐鲁晚报·齐鲁壹点` / `记者 于民星`): the byte offset of
/// the outlet's name. E-paper text breaks such a credit after its outlet.
fn outlet_before_credit(t: &str, next: Option<&Line<'_>>) -> Option<usize> {
    // An outlet's name ends the line: most lines end otherwise.
    if !t.ends_with(|c: char| is_han(c) || c == '·') || t.len() > 240 {
        return None;
    }
    let gap = t.rfind("   ")?;
    let rest = t.get(gap..)?;
    let tail = rest.trim();
    let n = tail.chars().count();
    let outlet = (4..=14).contains(&n)
        && tail.chars().all(|c| is_han(c) || c == '·')
        && (tail.contains('·') || tail.ends_with(['报', '网', '台', '社']));
    let credited = next.is_some_and(|l| {
        l.class == Class::Byline
            && crate::byline::parse_byline_line(l.text)
                .is_some_and(|c| !c.reporters.is_empty() || !c.correspondents.is_empty())
    });
    let head = t.get(..gap)?.trim();
    (outlet && credited && head.chars().count() >= 4)
        .then(|| gap + (rest.len() - rest.trim_start().len()))
}

/// Splits the outlet's name off a headline line whose credit goes on in the next line
/// ([`outlet_before_credit`]): the name joins the credit.
fn outlet_tails<'a>(lines: Vec<Line<'a>>) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        match outlet_before_credit(l.text, lines.get(i + 1)) {
            Some(at) => {
                let head = l.text.get(..at).unwrap_or(l.text).trim_end();
                out.push(Line {
                    text: head,
                    class: classify(head),
                    ..*l
                });
                out.push(plain_line(
                    l.text.get(at..).unwrap_or(""),
                    l.start + at,
                    Class::Byline,
                ));
            }
            None => out.push(*l),
        }
    }
    out
}

/// A long headline (over the length of [`Class::Short`]) is known by what follows it: a
/// line without sentence punctuation directly before a dateline lead, or before a byline line
/// that opens a body, is a title, not a paragraph cut by a column break.
fn long_headlines(text: &str, lines: &mut [Line<'_>]) {
    let indented_page = crate::boundary::page_indents(lines);
    for i in 0..lines.len() {
        if indented_page && headline_at_the_margin(lines, i) {
            lines[i].class = Class::Short;
            continue;
        }
        // What follows, page header lines (a database's `版面：头版`), an e-paper's citation
        // line and a photo's caption between the headline and the lead (`图说：…  某某 摄`)
        // passed over.
        let mut following = lines.iter().skip(i + 1).filter(|l| {
            !matches!(
                l.class,
                Class::Header | Class::Caption | Class::Citation | Class::Noise
            )
        });
        let next = following.next();
        let opens_article = match next.map(|l| l.class) {
            Some(Class::Dateline) => true,
            // A jump head: the title printed again over the rest of an article continued
            // from another page (`某某现场会召开` / `（紧接第一版）…`).
            Some(Class::Jump) => next.is_some_and(|l| crate::header::continued_here(l.text)),
            // A credit over more than one line (`齐鲁晚报·齐鲁壹点` / `记者 某某`) too.
            Some(Class::Byline) => matches!(
                following
                    .find(|l| l.class != Class::Byline)
                    .map(|l| l.class),
                Some(Class::Text | Class::Dateline)
            ),
            // A bare name over the text, as web copies print the reporter without `记者`.
            Some(Class::Name) => matches!(
                following.next().map(|l| l.class),
                Some(Class::Text | Class::Dateline)
            ),
            _ => false,
        };
        let t = lines[i].text;
        if lines[i].class == Class::Text
            && (opens_article && (headline_shaped(t) || exclaimed_title(t))
                || two_phrase_title_over_text(text, lines, i))
        {
            lines[i].class = Class::Short;
        }
    }
    // Bottom up, so that a kicker over two lines is found from the title up.
    for i in 0..lines.len() {
        if kicker_over_credited_title(lines, i) {
            lines[i].class = Class::Short;
        }
    }
    for i in 0..lines.len() {
        if speaker_over_quoted_title(lines, i) {
            lines[i].class = Class::Short;
        }
    }
}

/// Who speaks and where, with a colon, over a title printed as the words said
/// (`外地游客游玩四天，离开时吐心声：` / `“不虚此行 这里的美食太赞了”`): a kicker, though it holds a
/// comma, where it stands after the end of an article. Words said in the text end in a
/// sentence's mark inside the quotation; a title's do not.
fn speaker_over_quoted_title(lines: &[Line<'_>], i: usize) -> bool {
    let (Some(l), Some(title)) = (lines.get(i), lines.get(i + 1)) else {
        return false;
    };
    // Thirty characters are at most 120 bytes.
    if l.class != Class::Text || l.text.len() > 120 || !l.text.ends_with(['：', ':']) {
        return false;
    }
    let head = l.text.trim_end_matches(['：', ':']);
    let after_an_end = i.checked_sub(1).and_then(|p| lines.get(p)).is_none_or(|p| {
        matches!(
            p.class,
            Class::Byline
                | Class::Author
                | Class::Name
                | Class::Citation
                | Class::Header
                | Class::Editors
                | Class::AuthorNote
        ) || p.glued_credit
    });
    after_an_end
        && (6..=30).contains(&head.chars().count())
        && head.matches(['，', ',']).count() <= 1
        && !head.contains(['。', '；', ';', '！', '？', '!', '?', '：', ':', '“', '”'])
        && matches!(title.class, Class::Short | Class::Text)
        && crate::headline::quoted(title.text)
        && title.text.chars().count() <= 30
        && !ends_sentence_somewhere(title.text)
        && !title.text.contains(['；', ';', '!', '?'])
}

/// A short title that asks or exclaims (`是谁？让垃圾包围科学家！`, `防洪堤上涂鸦，难看！`): a
/// question or exclamation mark and no sentence's other marks, at most 24 characters. Read as
/// a headline where a dateline lead or credit follows it.
fn exclaimed_title(t: &str) -> bool {
    t.chars().count() <= 24
        && t.contains(['！', '？', '!', '?'])
        && !t.contains(['。', '；', ';'])
        && t.matches(['，', ',']).count() <= 1
}

/// A title and its second phrase printed on one line, a space between and no mark in either
/// (`某省通过生态环保目标责任书 持续压紧压实第一责任人责任`), where the text above has ended
/// (a sentence's end, a credit, a blank line, or the page's top) and text follows: a headline however long, as text always carries
/// marks.
fn two_phrase_title_over_text(text: &str, lines: &[Line<'_>], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    // Most lines are text with marks: they are passed over before anything is counted.
    if l.text.len() > 250
        || l.text.contains([
            '，', '。', '、', '；', '：', '！', '？', ',', ';', ':', '!', '?',
        ])
        || !l.text.contains(char::is_whitespace)
    {
        return false;
    }
    let parts: Vec<&str> = l.text.split_whitespace().collect();
    let phrase = |p: &&str| (6..=40).contains(&p.chars().count());
    let ended_above = i == 0
        || lines.get(i - 1).is_some_and(|a| {
            matches!(
                a.class,
                Class::Byline | Class::Name | Class::Author | Class::Header
            ) || a.class == Class::Text && (ends_sentence(a.text) || a.glued_credit)
                || blank_between(text, a, l)
        });
    parts.len() == 2
        && parts.iter().all(phrase)
        && ended_above
        && lines
            .get(i + 1)
            .is_some_and(|n| matches!(n.class, Class::Text | Class::Dateline))
}

/// A long kicker with no mark of its own (`2025年某某票房突破250亿元，市场占比近五成`) is known by
/// where it stands: directly over a headline line whose group a credit follows (a byline, an
/// author, a citation line, a dateline lead), after the end of a text or a page header, and no
/// sentence inside it.
fn kicker_over_credited_title(lines: &[Line<'_>], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    // Forty characters are at most 160 bytes: a paragraph is rejected by its length alone.
    if l.class != Class::Text || l.text.len() > 160 || l.text.chars().count() > 40 {
        return false;
    }
    // A kicker may trail off (`换脸、变声、冒充客服……`) into the title, ask the question the
    // title answers (`老店主转移资产，新店主收了预付款就跑？`), or announce it with a colon.
    let trailing = l
        .text
        .strip_suffix("……")
        .or_else(|| l.text.strip_suffix(['？', '?']))
        .is_some_and(|head| head.chars().count() >= 6 && looks_like_headline(head))
        || colon_kicker(l.text);
    // A kicker is one phrase or two: three read as a paragraph's sentence, cut by a column break.
    if !looks_like_headline(l.text) && !trailing
        || quotation_source(l.text)
        || l.text.matches(['，', ',']).count() > 1
    {
        return false;
    }
    let after_an_end = i.checked_sub(1).and_then(|p| lines.get(p)).is_none_or(|p| {
        !matches!(p.class, Class::Text | Class::Short) || ends_sentence(p.text) || p.glued_credit
    });
    let mut group = lines
        .iter()
        .skip(i + 1)
        .skip_while(|n| matches!(n.class, Class::Short | Class::Merged | Class::Subtitle));
    let titled = lines
        .get(i + 1)
        .is_some_and(|n| matches!(n.class, Class::Short | Class::Merged));
    let under = group.next();
    let credited = under.is_some_and(|n| {
        matches!(
            n.class,
            Class::Byline | Class::Author | Class::Name | Class::Citation | Class::Dateline
        )
    });
    // Under the page's header nothing is open that the line could go on: a kicker with a mark
    // of its own heads its title there over any text.
    let at_page_top = i
        .checked_sub(1)
        .and_then(|p| lines.get(p))
        .is_some_and(|p| p.class == Class::Header);
    let marked_at_top = trailing
        && at_page_top
        && under.is_some_and(|n| matches!(n.class, Class::Text | Class::Lead));
    after_an_end && titled && (credited || marked_at_top)
}

/// A few words that announce the title under them with a colon (`某某网载文：`, `专家提醒：`),
/// no sentence: a kicker where it stands over a credited title
/// ([`kicker_over_credited_title`]), text elsewhere (`他说：`).
pub(crate) fn colon_kicker(t: &str) -> bool {
    t.strip_suffix(['：', ':']).is_some_and(|head| {
        (3..=16).contains(&head.chars().count())
            && !head.contains([
                '，', ',', '、', '：', ':', '。', '；', ';', '！', '？', '!', '?',
            ])
            && !ends_sentence(head)
    })
}

/// On a page that indents every paragraph, a line at the margin between the end of one text
/// and an indented line is a headline, however long: it holds no sentence, and the line before
/// it ended one (so it is not a paragraph's continuation after a column break). E-paper text
/// prints a title and its subtitle so, flattened onto one line.
fn headline_at_the_margin(lines: &[Line<'_>], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    let after_an_end = i
        .checked_sub(1)
        .and_then(|p| lines.get(p))
        .is_none_or(|p| p.class != Class::Text || ends_sentence(p.text) || p.glued_credit);
    let before_text = lines.get(i + 1).is_some_and(|n| {
        n.indented && matches!(n.class, Class::Text | Class::Dateline | Class::Lead)
    });
    l.class == Class::Text
        && !l.indented
        && after_an_end
        && before_text
        && (8..=80).contains(&l.text.chars().count())
        && !l
            .text
            .contains(['。', '；', ';', '！', '？', '!', '?', '：', ':'])
        && !l.text.ends_with(['，', ',', '、'])
}

/// Whether the source text leaves a blank line between two lines.
pub(crate) fn blank_between(text: &str, above: &Line<'_>, below: &Line<'_>) -> bool {
    text.get(above.end()..below.start)
        .is_some_and(|gap| gap.matches('\n').count() >= 2)
}

/// The page's first line, when it is a title however long: a web page or a database record
/// exported as text puts its headline first, set apart by a blank line from the text under it
/// (`济南一面包连锁店多家门店关门，充值卡还没消费完，记者调查发现...` / blank / `18日，记者…`).
/// Such a headline may hold commas, a question inside (`机场撒泼？一女子…`), a colon, or end in
/// the dots of a shortened web title; it holds no full stop and ends no sentence, and the text
/// under it is a paragraph. A paragraph cut by a column break is not followed by a blank line
/// (on a page that leaves one between every two lines, the blank line tells nothing).
fn title_at_page_top(text: &str, lines: &[Line<'_>]) -> Option<usize> {
    let i = lines
        .iter()
        .position(|l| !matches!(l.class, Class::Header | Class::Noise | Class::Editors))?;
    let (l, next) = (lines.get(i)?, lines.get(i + 1)?);
    let shortened = l.text.trim_end_matches(['.', '…', ' ', '\u{3000}']);
    let n = shortened.chars().count();
    let headline = (8..=72).contains(&n)
        && !shortened.contains(['。', '；', ';'])
        && !ends_sentence(shortened)
        && !shortened.ends_with(['，', '、', ',', '：', ':'])
        && shortened.matches(['，', ',']).count() <= 4
        && shortened.matches(['？', '！', '?', '!']).count() <= 1;
    let under = matches!(next.class, Class::Text | Class::Dateline | Class::Lead);
    // The blank line sets the title apart only where the text's lines are not all set apart
    // so: somewhere below, two lines follow each other directly.
    let below = lines.get(i + 1..).unwrap_or(&[]);
    let set_apart = blank_between(text, l, next)
        && below
            .windows(2)
            .take(40)
            .any(|w| !blank_between(text, &w[0], &w[1]));
    // Where every line is set apart, the paragraphs below are whole if each ends a sentence:
    // the line above them without a mark is no paragraph's head cut off, but the title.
    let whole_below = blank_between(text, l, next)
        && below
            .iter()
            .take(4)
            .filter(|b| b.class == Class::Text)
            .count()
            >= 3
        && below
            .iter()
            .take(4)
            .filter(|b| b.class == Class::Text)
            .all(|b| ends_sentence(b.text) && b.text.chars().count() >= 40);
    (l.class == Class::Text && headline && under && (set_apart || whole_below)).then_some(i)
}

/// A line that could be a long headline: no sentence inside it or at its end.
fn looks_like_headline(t: &str) -> bool {
    let chars = t.chars().count();
    // A quotation closing the line (`某某：“核心技术买不来，必须自己干”`) ends no sentence
    // unless a mark stands inside it.
    let inner = crate::normalize::unquoted_end(t);
    (8..=64).contains(&chars)
        && !t.contains(['。', '；', ';', '！', '？', '!', '?'])
        && !ends_sentence(inner)
        && !t.ends_with(['，', '、', ',', '：', ':'])
        && t.matches(['，', ',']).count() <= 3
}

/// A line shaped as a headline of any length a paper prints: [`looks_like_headline`], or a title
/// listing many bodies, up to 80 characters with no comma and no sentence in it.
pub(crate) fn headline_shaped(t: &str) -> bool {
    let n = t.chars().count();
    looks_like_headline(t)
        || (65..=80).contains(&n)
            && !t.contains(['，', ',', '。', '；', ';', '！', '？', '!', '?'])
            && !ends_sentence(t)
}

/// A headline and the text under it run together on one line, set apart by a wide gap (three
/// spaces or more), as copies of e-paper index pages give them:
/// `机动车行驶证电子化   新华社北京11月3日电 …`. Returns the headline and where the gap ends.
fn headline_beside_text(t: &str) -> Option<(&str, usize)> {
    // The headline (with a subtitle flattened beside it) is at most 80 characters: a national
    // daily's title listing the bodies that report runs that long.
    let head_zone = t
        .char_indices()
        .nth(84)
        .map_or(t, |(i, _)| t.get(..i).unwrap_or(t));
    if !head_zone.contains(' ') && !head_zone.contains('\u{3000}') {
        return None;
    }
    // A byte scan: a searcher built for each line would cost more than the search.
    let bytes = head_zone.as_bytes();
    let at = bytes
        .windows(3)
        .position(|w| w == b"   ")
        .or_else(|| {
            bytes
                .windows(6)
                .position(|w| w == "\u{3000}\u{3000}".as_bytes())
        })
        .or_else(|| dateline_after_one_space(head_zone))?;
    let head = t.get(..at)?.trim_end();
    let rest = t.get(at..)?.trim_start();
    let gap = t.len() - rest.len();
    let n = head.chars().count();
    let headline = (3..=80).contains(&n)
        && !head.contains(['。', '；', '！', '？'])
        && head.chars().any(is_han)
        && !ends_sentence(head);
    let body =
        ends_sentence_somewhere(rest) || rest.chars().count() >= 30 && rest.contains(['，', ',']);
    // A dateline lead with its credit set apart from the text (`某某报讯 记者某某报道    记者
    // 从…获悉`) is one paragraph, not a headline beside it.
    (headline
        && rest.chars().count() >= 20
        && body
        && crate::byline::parse_dateline(head).is_none())
    .then_some((head, gap))
}

/// Where the paper's own dateline (`本报讯`, `本报某地3月2日电`) opens a lead set one space after
/// the headline on the same line, as web copies flatten them: `别人开窗是海景 住这儿开窗是垃圾场
/// 本报讯 近段时间…`. The byte offset of the space.
fn dateline_after_one_space(head_zone: &str) -> Option<usize> {
    head_zone.match_indices(' ').map(|(at, _)| at).find(|&at| {
        head_zone.get(at + 1..).is_some_and(|rest| {
            rest.starts_with("本报")
                && crate::byline::parse_dateline(rest).is_some_and(|d| d.dateline.is_some())
        })
    })
}

/// Whether a text holds a sentence's end: body text, not another headline. (Text cut at the
/// line's end may hold none yet: a long clause with a comma is body text too.)
fn ends_sentence_somewhere(s: &str) -> bool {
    s.contains(['。', '！', '？'])
}

/// A line of `text` at `start`, of class `class`, neither indented nor marked.
pub(crate) fn plain_line(text: &str, start: usize, class: Class) -> Line<'_> {
    Line {
        text,
        start,
        class,
        indented: false,
        glued_credit: false,
        beside_text: false,
        indexed: false,
    }
}

/// Pushes `t` (at `start`) cut at `at`: the part before it, classified, unless blank, and the
/// part from it on, of class `tail`.
fn push_split<'a>(out: &mut Vec<Line<'a>>, t: &'a str, start: usize, at: usize, tail: Class) {
    let head = t.get(..at).unwrap_or("").trim_end();
    if !head.is_empty() {
        out.push(plain_line(head, start, classify(head)));
    }
    out.push(plain_line(t.get(at..).unwrap_or(""), start + at, tail));
}

fn push_cut<'a>(out: &mut Vec<Line<'a>>, mut t: &'a str, mut start: usize) {
    // A loop, not recursion: a line may hold any number of markers.
    loop {
        if is_jump(t) {
            break;
        }
        let Some(end) = jump_prefix(t) else { break };
        let (Some(jump), Some(rest)) = (t.get(..end), t.get(end..)) else {
            break;
        };
        out.push(plain_line(jump, start, Class::Jump));
        let body = rest.trim_start();
        if body.is_empty() {
            return;
        }
        start += end + (rest.len() - body.len());
        t = body;
    }
    if !is_jump(t)
        && let Some(at) = jump_suffix(t)
    {
        push_split(out, t, start, at, Class::Jump);
        return;
    }
    // The article's length a site prints after its author's name (`李某 字数：3420字`).
    if let Some(at) = word_count_tail(t) {
        if at == 0 {
            out.push(plain_line(t, start, Class::Noise));
        } else {
            push_split(out, t, start, at, Class::Noise);
        }
        return;
    }
    // An e-paper's citation glued to the line's end (`本报记者 某某《某某日报》（…）`).
    if let Some(at) = citation_tail(t) {
        push_split(out, t, start, at, Class::Citation);
        return;
    }
    // An editor's code glued to a credit's end (`文并摄张某J180`).
    if let Some(at) = credit_code_tail(t) {
        push_split(out, t, start, at, Class::Noise);
        return;
    }
    out.push(plain_line(t, start, classify(t)));
}

/// Where an editor's code starts that is glued to the end of a credit line (`文并摄张某J180`,
/// `本报记者 林某 A12`): a capital letter or two and two to four digits after the names; the
/// line without it must read as a byline.
fn credit_code_tail(t: &str) -> Option<usize> {
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(2..=4).contains(&digits) {
        return None;
    }
    let head = &t[..t.len() - digits];
    let letters = head.len()
        - head
            .trim_end_matches(|c: char| c.is_ascii_uppercase())
            .len();
    if !(1..=2).contains(&letters) {
        return None;
    }
    let at = head.len() - letters;
    let credit = t[..at].trim_end();
    (credit.ends_with(is_han) && matches!(classify(credit), Class::Byline | Class::Author))
        .then_some(at)
}

/// Where the count of an article's characters starts that a site prints at a line's end, alone
/// or after the author's name: `字数：3420字`, `李某 字数: 3420字`, `字数 232字`.
fn word_count_tail(t: &str) -> Option<usize> {
    // Most lines end otherwise: only then is the line searched.
    if !t.ends_with(|c: char| c == '字' || c.is_ascii_digit()) {
        return None;
    }
    let at = t.rfind("字数")?;
    let head = t.get(..at)?;
    (crate::header::character_count(t.get(at..)?) == Some(t.len() - at)
        && (head.is_empty() || head.ends_with(char::is_whitespace)))
    .then_some(at)
}

/// Whether a paragraph ends with a number to call (`…稿酬：100元新闻热线：96211`,
/// `咨询电话：0371-12345678`), as evening papers close readers' reports: the paragraph is
/// whole, not cut by a column break, though no final mark ends it.
pub(crate) fn closes_with_contact(t: &str) -> bool {
    let number = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    let digits = t.len() - number.len();
    let Some(label) = number.strip_suffix([':', '：']) else {
        return false;
    };
    digits >= 5 && (label.ends_with("热线") || label.ends_with("电话"))
}

/// Whether a line opens with a year and a month or another year, as the items of a dated list
/// do (`1984.04至1985.07 …`, `2019年—2021年 …`, `2020-2023 …`).
pub(crate) fn dated_item(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() > 6
        && b.iter().take(4).all(u8::is_ascii_digit)
        && (matches!(b.get(4), Some(b'.' | b'-' | b'/'))
            && b.get(5).is_some_and(u8::is_ascii_digit)
            || t.get(4..).is_some_and(|r| {
                r.starts_with("年") && (r.contains('至') || r.contains('—') || r.contains('-'))
            }))
}

/// A dated list's entry as a résumé prints it: the dates alone, a space, then what was done
/// (`1994.06至1997.07 某地委书记`, `2019年—2021年 某村党支部书记`); not a title that opens with
/// years (`2025-2030年规划出台`).
pub(crate) fn dated_entry(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let dates = words.next().is_some_and(|w| {
        w.chars()
            .all(|c| c.is_ascii_digit() || ".-/年月至—今".contains(c))
    });
    dates && words.next().is_some() && dated_item(t)
}

/// Numerals of numbered headings: `一、` … `二十、`, `（一）`.
fn is_numbered(t: &str) -> bool {
    const NUMS: &str = "一二三四五六七八九十";
    let body = if let Some(rest) = t.strip_prefix(['(', '（']) {
        let close = rest.find([')', '）']);
        match close {
            Some(i)
                if i > 0
                    && rest
                        .get(..i)
                        .is_some_and(|n| n.chars().all(|c| NUMS.contains(c))) =>
            {
                rest.get(i..)
            }
            _ => None,
        }
    } else {
        let n = t.chars().take_while(|&c| NUMS.contains(c)).count();
        let after: &str = t.get(n * 3..).unwrap_or("");
        (n > 0 && n <= 3 && after.starts_with('、')).then_some(after)
    };
    let Some(body) = body else { return false };
    let n = t.chars().count();
    let stops = body.matches('。').count();
    n <= 40
        && (stops == 0 || (stops == 1 && body.ends_with('。') && n <= 25))
        && body.chars().count() > 2
}

/// Classifies a line of more than 80 characters, or one with a sentence's end in it: only a
/// paragraph, a caption, a dateline lead or an editor's note is like that, so the checks for
/// short lines are skipped.
fn classify_long(t: &str) -> Class {
    if is_caption_start(t)
        || credited_picture(t)
        || photo_credit_glued(t)
        || caption_with_source(t)
        || doubled_caption(t)
        || position_in_picture(t)
    {
        Class::Caption
    } else if is_editor_note(t) {
        Class::EditorNote
    } else if parse_dateline(t).is_some() {
        Class::Dateline
    } else {
        Class::Text
    }
}

/// Whether a line could hold a date: a year needs `年` or four digits in a row (ASCII,
/// full-width or Chinese), as every date [`crate::header::parse_date`] reads has.
fn may_hold_date(t: &str) -> bool {
    if t.contains('年') {
        return true;
    }
    let mut run = 0;
    for c in t.chars() {
        run = if crate::header::digit(c).is_some() {
            run + 1
        } else {
            0
        };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The page a line of an e-paper site's list of pages names: `05版:文润潍坊 凡人微光`,
/// `第16版:壮丽70年 奋斗新时代`, `第20-21版:…` (the number as printed).
pub(crate) fn listed_page(t: &str) -> Option<&str> {
    // Most lines are text: too long, or without 版, they are no page's line.
    if t.len() > 32 * 3 || !t.contains('版') || t.chars().count() > 32 || !t.contains(['：', ':'])
    {
        return None;
    }
    let bare = t.strip_prefix('第').unwrap_or(t);
    if page_number_first(bare) {
        return bare.find('版').and_then(|at| bare.get(..at));
    }
    // `第20-21版:…`: two pages printed as one.
    let (head, _) = bare.split_once('版')?;
    let (a, b) = head.split_once('-')?;
    (!a.is_empty()
        && !b.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_digit()))
    .then_some(head)
}

/// Whether a line opens with a page number and its 版, set apart from a page name:
/// `02版：要闻`, `A3版 国际新闻`, as e-paper exports head a page without 第.
fn page_number_first(t: &str) -> bool {
    let Some(at) = t.find('版') else {
        return false;
    };
    let head = &t[..at + '版'.len_utf8()];
    let after = &t[at + '版'.len_utf8()..];
    crate::header::is_page_token(head)
        && head.bytes().any(|b| b.is_ascii_digit())
        && (after.is_empty() || after.starts_with([':', '：', ' ', '　', '|', '｜']))
}

/// Whether `t` is a page header anywhere on the page: one with a date, or with a page number
/// written out as `第05版` or `05版：要闻` (an e-paper export of several pages repeats it at each
/// page's top).
fn is_page_header(t: &str) -> bool {
    let numbered = t.contains('第') && t.contains('版') || page_number_first(t);
    // `版面：头版`, as a database's record names the page.
    // `当前版：04版`, as an e-paper site names the page shown.
    let labelled = [
        "版面:",
        "版面：",
        "版次:",
        "版次：",
        "当前版:",
        "当前版：",
        "版名:",
        "版名：",
    ]
    .iter()
    .any(|p| t.starts_with(p));
    if crate::header::breadcrumb(t).is_some() || page_code_named(t) {
        return true;
    }
    (may_hold_date(t) || numbered || labelled)
        && parse_header_line(t).is_some_and(|h| {
            h.date.is_some()
                || numbered && h.page.is_some()
                || labelled && (h.section.is_some() || h.page.is_some())
        })
}

/// A page's code and its name after a colon, as a web copy heads the item with the page it ran
/// on: `A01：头版`, `B3:体育新闻`.
fn page_code_named(t: &str) -> bool {
    if !t.starts_with(|c: char| c.is_ascii_uppercase()) || t.len() > 40 {
        return false;
    }
    let Some((code, name)) = t.split_once([':', '：']) else {
        return false;
    };
    let letters = code.chars().take_while(|c| c.is_ascii_uppercase()).count();
    let digits = code
        .chars()
        .skip(letters)
        .take_while(char::is_ascii_digit)
        .count();
    let name = name.trim();
    // A page's number is printed with its zero (`A01`), or the name says it is a page's
    // (`B3:体育新闻`); `G20:…` is a title.
    let paged =
        code[letters..].starts_with('0') || ["版", "新闻", "刊"].iter().any(|e| name.ends_with(e));
    (1..=2).contains(&letters)
        && (1..=3).contains(&digits)
        && code.len() == letters + digits
        && paged
        && (2..=8).contains(&name.chars().count())
        && name.chars().all(|c| is_han(c) || c == '·')
}

/// The words of an e-paper site's navigation, alone on a line of the copied page or several to
/// a line (`3上一版  下一版4`, `下一篇4 2012年11月13日 放大 缩小 默认`).
fn epaper_navigation(t: &str) -> bool {
    let t = t.trim_end_matches([':', '：']);
    // `本文字数：1442`, as an e-paper site counts the article's characters.
    if crate::header::character_count(t) == Some(t.len()) {
        return true;
    }
    matches!(
        t,
        "本版导读"
            | "本版导航"
            | "版面导航"
            | "版面导读"
            | "版面概览"
            | "改变文字大小"
            | "文字大小"
            | "本版新闻"
            | "上一版"
            | "下一版"
            | "上一篇"
            | "下一篇"
            | "返回目录"
            | "返回首页"
            | "往期回顾"
            | "放大"
            | "缩小"
            | "默认"
            | "内容详情"
            | "返回该版首页"
            | "返回本版"
            | "通版阅读请点击"
            | "展开通版"
            | "收缩通版"
            | "发布日期"
            | "出版日期"
            // Printed several to a line as well: `返回主页 | 某某晚报 | 标题导航`.
            | "上一期"
            | "下一期"
            | "标题导航"
            | "返回主页"
            | "返回顶部"
            // A web page's tools beside the article: `收藏 打印 推荐 更多功能`.
            | "推荐"
            | "更多功能"
            | "关闭"
            | "关闭窗口"
            | "打印"
            | "打印本页"
            | "新闻搜索"
            | "关于我们"
            | "网站地图"
            | "联系我们"
            | "广告服务"
            | "在线投稿"
            | "版权声明"
            | "免责声明"
            | "首页"
            | "收藏"
            | "分享到"
            | "分享"
            | "PDF版阅读"
            | "PDF版下载"
            | "PDF下载"
            | "电子版"
            | "数字报"
            | "往期"
            | "字号"
            | "电子报阅读机"
            // A site's button that reads the article aloud.
            | "语音播报"
            | "朗读"
            | "听新闻"
    ) || reader_paper_name(t)
}

/// The paper an e-paper reader shows, as it heads the copied page: `当前报纸名称：某某日报`.
fn reader_paper_name(t: &str) -> bool {
    t.strip_prefix("当前报纸名称")
        .or_else(|| t.strip_prefix("报纸名称"))
        .and_then(|r| r.strip_prefix([':', '：']))
        .is_some_and(|name| name.chars().count() <= 16)
}

/// A line of an e-paper site's link bar: every part, between spaces or `|`, is a navigation
/// word (its arrow glyphs, printed as digits, set aside), a date, or a paper's name, and one
/// at least is a navigation word. What the site's links say, not the paper's.
pub(crate) fn navigation_bar(t: &str) -> bool {
    // A link bar's first word is short (a link, a date, a paper's name): a line of text runs
    // on past it. Told from the first bytes alone: a separator, or the lead byte of a
    // full-width one (U+3000 space, U+FF5C bar, and the other full-width punctuation).
    let first_word = t
        .bytes()
        .take(40)
        .position(|b| matches!(b, b' ' | b'|' | b'/' | 0xE3 | 0xEF));
    if t.len() > 240 || first_word.is_none() && t.len() > 24 {
        return false;
    }
    let mut words = 0;
    let mut dated = false;
    for part in t
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '/'))
        .filter(|p| !p.is_empty())
    {
        let word = without_arrows(part);
        if navigation_word(part) {
            words += 1;
        } else if calendar_date(word) {
            dated = true;
        } else if site_link(word) {
            words += 1;
        } else if !(word.is_empty() || paper_name(word)) {
            return false;
        }
    }
    // Beside a date, the links leave a page's header: the date is the issue's.
    words > 0 && !dated
}

/// A link to a site's own pages in its bar: `某某报官方网站`, `某某网首页`, and the start of its
/// greeting before the day's date (`今天是`).
fn site_link(w: &str) -> bool {
    let n = w.chars().count();
    w == "今天是"
        || (3..=14).contains(&n)
            && w.chars().all(is_han)
            && ["官方网站", "网站", "首页"].iter().any(|e| w.ends_with(e))
}

/// A site's footer or stamp copied with an article: its copyright notice (`CopyRight 2009-2016
/// © All Rights Reserved.版权所有:…`), the paper's registration numbers (`国内统一刊号:CN41-0017`),
/// the time it was put online (`发布时间:2014-05-28 08:11:15`).
/// A site's line naming the press group that runs it (`江城日报报业集团主办`), as e-paper pages
/// print it among their links.
fn publisher_line(t: &str) -> bool {
    t.strip_suffix("主办").is_some_and(|owner| {
        (4..=14).contains(&owner.chars().count())
            && owner.chars().all(is_han)
            && ["报业", "报社", "集团", "日报", "晚报"]
                .iter()
                .any(|w| owner.contains(w))
    })
}

pub(crate) fn site_stamp(t: &str) -> bool {
    if t.len() > 400 {
        return false;
    }
    let marks = [
        "©",
        "版权所有",
        "版权声明",
        "国内统一刊号",
        "国内统一连续出版物号",
    ];
    if t.get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("copyright"))
        || marks.iter().any(|m| t.starts_with(m))
    {
        return true;
    }
    if publisher_line(t) {
        return true;
    }
    // The number to report harmful content to, as Chinese sites print in their footers
    // (`跟帖评论自律管理承诺书  不良信息举报电话：…`).
    if t.len() <= 240
        && t.contains("举报")
        && (t.contains("不良信息") || t.contains("举报电话"))
        && !t.contains('。')
    {
        return true;
    }
    // The paper's app or e-paper named alone on its line (`江城日报客户端`, `江城日报 数字报纸`),
    // as its site heads each page.
    if EDITION_WORDS
        .iter()
        .any(|w| t.strip_suffix(w).is_some_and(|p| paper_name(p.trim_end())))
    {
        return true;
    }
    if posting_time(t) {
        return true;
    }
    if !(t.starts_with("发布") || t.starts_with("更新") || t.starts_with("日期")) {
        return false;
    }
    // `日期：12-16`: the day an e-paper reader shows, without its year.
    ["发布时间", "发布日期", "更新时间", "日期"]
        .iter()
        .any(|k| {
            t.strip_prefix(k)
                .and_then(|r| r.strip_prefix([':', '：']))
                .is_some_and(|r| {
                    let r = r.trim();
                    !r.is_empty()
                        && r.chars().all(|c| {
                            c.is_ascii_digit() || c.is_whitespace() || "年月日-:./：".contains(c)
                        })
                })
        })
}

/// Whether a word is a whole date written with digits (`2015-04-28`, `2015年04月28日`), as sites
/// stamp their pages; the digit asked first, as most words open otherwise.
pub(crate) fn digit_date(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        && crate::header::parse_date(w).is_some_and(|(_, rest)| rest.is_empty())
}

/// Where the date a web copy prints after a headline starts (`港口忙 贸易旺 2024年03月07日`):
/// the headline's line, with its date apart. Not a page's header (`第06版 2024年03月07日`).
fn dated_headline(t: &str) -> Option<usize> {
    // Most lines end otherwise: a date's last character first.
    if !t.ends_with(|c: char| c == '日' || c.is_ascii_digit()) || t.len() > 120 {
        return None;
    }
    let at = t.rfind(char::is_whitespace)?;
    let (head, date) = (t.get(..at)?.trim_end(), t.get(at..)?.trim_start());
    let n = head.chars().count();
    ((4..=30).contains(&n)
        && digit_date(date)
        && date.contains(['年', '-'])
        && !head.contains(['。', '；', ';', '！', '？', '!', '?', '，', ','])
        && !ends_sentence(head)
        && !own_paper_name(head)
        && !head.split_whitespace().any(digit_date)
        && !head.split_whitespace().any(|w| {
            crate::header::is_page_token(w) || crate::header::is_weekday(w) || w.ends_with('版')
        }))
    .then(|| t.len() - date.len())
}

/// The time a site put the article online, beside its own or the paper's name:
/// `长江日报  2018-08-28 14:52:46`, `2018-08-28 14:52 某某网`. A printed page gives its date
/// without the clock's time.
fn posting_time(t: &str) -> bool {
    if t.len() > 80 || !t.contains(':') {
        return false;
    }
    let mut dated = false;
    let mut timed = false;
    let mut names = 0;
    for w in t.split_whitespace() {
        if digit_date(w) {
            dated = true;
        } else if crate::header::is_clock_time(w) {
            timed = true;
        } else if w.chars().count() <= 16 && w.chars().all(|c| is_han(c) || c == '-') {
            names += 1;
        } else {
            return false;
        }
    }
    dated && timed && names <= 2
}

/// One word of an e-paper site's links, its arrow glyphs (printed as digits: `3上一版`,
/// `下一版4`) set aside.
pub(crate) fn navigation_word(part: &str) -> bool {
    // The longest link words are seven characters, with an arrow glyph on each side.
    if part.len() > 24 {
        return false;
    }
    let word = without_arrows(part).trim_end_matches([':', '：']);
    !word.is_empty() && epaper_navigation(word)
}

/// A word of a link bar without the arrow glyphs beside it (printed as digits or `<`, `»`).
fn without_arrows(part: &str) -> &str {
    part.trim_matches(|c: char| c.is_ascii_digit() || matches!(c, '<' | '>' | '«' | '»'))
}

/// A date as a site prints it beside its links: `2012年11月13日`, `2014-05-28`.
fn calendar_date(w: &str) -> bool {
    let digits = w.chars().filter(char::is_ascii_digit).count();
    digits >= 4
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '.' | '/'))
}

/// A paper's name among a site's links: `郑州晚报`, `某某日报`.
fn paper_name(w: &str) -> bool {
    let n = w.chars().count();
    (3..=8).contains(&n) && w.ends_with('报') && w.chars().all(is_han)
}

/// What a web page leaves in text copied or scraped from it: an HTML comment's end, or a
/// line naming the page's file (`2023-07-21 1 1 某某日报 content_206819.html 1 …`).
fn markup_residue(t: &str) -> bool {
    // A web page's list of links or records (`2025-11-13,12343| 2025-11-12,12335| …`), of
    // any length.
    if t.as_bytes().contains(&b'|') && t.matches('|').count() >= 3 && !t.chars().any(is_han) {
        return true;
    }
    // A prompt to scan the printed code (`扫扫二维码`, `扫码看视频`, `扫一扫 听现场声音`).
    if qr_prompt(t) || app_prompt(t) {
        return true;
    }
    // An e-paper site's notice to old browsers (`您的IE浏览器版本太低,请升级…内核浏览器。`):
    // its end is tested first, so that other lines cost nothing more.
    if t.trim_end_matches(['。', '！', '!']).ends_with("浏览器")
        && t.len() < 240
        && (t.contains("版本") || t.contains("升级"))
    {
        return true;
    }
    // An e-paper site's navigation, copied with the page: `本版导读`, `上一版`, `返回目录`.
    // A line that ends a sentence is text: no link bar or stamp ends so, but a site's notice of
    // its rights does (`版权声明：凡本报刊载作品，未经授权不得转载。`).
    if epaper_navigation(t)
        || !t.ends_with(['。', '！', '？', '”']) && (navigation_bar(t) || site_stamp(t))
        || rights_notice(t)
    {
        return true;
    }
    // A social-media repost's call to follow the account (`点击上方“某某日报” 关注我们`).
    if t.len() < 120
        && (t.starts_with("点击") || t.starts_with("长按"))
        && (t.contains("关注我们") || t.trim_end_matches(['!', '！']).ends_with("关注"))
    {
        return true;
    }
    if picture_file_name(t) {
        return true;
    }
    // Most lines hold none of the residue's ASCII marks: one pass over the bytes tells.
    if t.len() > 400 || !t.bytes().any(|b| matches!(b, b'-' | b'<' | b'.')) {
        return false;
    }
    // A sentence is text whatever it mentions; the residue is a short line without one.
    if t.contains(['。', '！', '？']) {
        return false;
    }
    t.contains("-->")
        || t.contains("<!--")
        || t.split_whitespace().any(|w| {
            [".html", ".htm", ".shtml", ".jsp", ".asp", ".php"]
                .iter()
                .any(|e| w.ends_with(e))
        })
}

/// A picture's file name or stored alt text left where the picture stood, ending in a long hex
/// hash: `图片默认标题_fororder_aedc79aec785f7d1190312bd66ecd14e`, `img_3f9a…c0.jpg`.
fn picture_file_name(t: &str) -> bool {
    if t.len() > 120 || !t.contains('_') {
        return false;
    }
    let stem = t
        .rsplit_once('.')
        .filter(|(_, ext)| ext.len() <= 4 && ext.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map_or(t, |(stem, _)| stem);
    let hash = stem.rsplit('_').next().unwrap_or("");
    hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A field of facts a report lists under its text: `责任人：某某管委会主任 张某`,
/// `联系电话：…`, `地址：…`. Text, however short.
fn fact_field(t: &str) -> bool {
    let Some((label, value)) = t.split_once(['：', ':']) else {
        return false;
    };
    [
        "责任人",
        "负责人",
        "联系人",
        "责任单位",
        "联系电话",
        "咨询电话",
        "举报电话",
        "地址",
        "邮编",
    ]
    .contains(&label.trim())
        && !value.trim().is_empty()
}

/// A short line of phrases that trails off in an ellipsis (`签证难、门票贵……`): a kicker
/// leading to its title, no sentence of the text.
fn trailing_kicker(t: &str) -> bool {
    let Some(head) = t.strip_suffix("……") else {
        return false;
    };
    let n = head.chars().count();
    (2..=20).contains(&n)
        && head
            .chars()
            .all(|c| is_han(c) || matches!(c, '、' | '“' | '”' | ' ' | '　'))
}

/// Classifies one trimmed non-blank line.
pub(crate) fn classify(t: &str) -> Class {
    // Every length test below is about short lines: counting stops past them.
    let chars = t.chars().take(128).count();
    if markup_residue(t) || original_title_note(t) || contact_line(t) || empty_field(t) {
        return Class::Noise;
    }
    if let Some(column) = column_field(t) {
        return if column.is_empty() {
            Class::Noise
        } else {
            Class::Label(label_kind(column).unwrap_or(LabelKind::Other))
        };
    }
    // A line that holds a sentence's end is a paragraph, a caption, a dateline lead, an
    // editor's note or a numbered heading: none of the shapes of short lines applies.
    if chars > 80 || t.contains('。') && !is_numbered(t) {
        // A front page's list of every page's editors (`一版责编：某某 二版责编：…`) runs long.
        if chars > 80 && !t.contains('。') && parse_editors(t).is_some() {
            return Class::Editors;
        }
        return classify_long(t);
    }
    let has_han = t.chars().any(is_han);
    // `制图 寇某`: one picture's credit, though page editors' lines name the role too.
    if parse_editors(t).is_some() && crate::byline::labelled_picture_credit(t).is_none() {
        return Class::Editors;
    }
    if is_jump(t) {
        return Class::Jump;
    }
    if is_citation_line(t) {
        return Class::Citation;
    }
    // A weekday alone on its line (`星期一`), as an e-paper reader prints it under the date.
    if is_page_header(t) || crate::header::is_weekday(t) {
        return Class::Header;
    }
    if picture_placeholder(t) {
        return Class::Noise;
    }
    if !has_han {
        return if chars <= 20 {
            Class::Noise
        } else {
            Class::Text
        };
    }
    if is_author_note(t) || is_source_note(t) || crate::byline::teacher_line(t) {
        return Class::AuthorNote;
    }
    // `受访者供图` credits no one: where the pictures come from, under them.
    if picture_source(t)
        && crate::byline::photo_credit_suffix(t).is_none_or(|(_, c)| c.photographers.is_empty())
    {
        return Class::Caption;
    }
    // A web page's line of facts (`2019-06-26 来源：某某日报 作者：某某`): its names credit the
    // article; without names it is the page's.
    if crate::byline::is_web_meta_line(t) {
        return if crate::byline::web_meta_credit(t).is_some() {
            Class::Author
        } else {
            Class::Noise
        };
    }
    if parse_author_line(t).is_some() || crate::byline::words_credit(t).is_some() {
        return Class::Author;
    }
    if parse_byline_line(t).is_some()
        || is_reprint_line(t)
        || role_alone(t)
        || crate::byline::issued_by_agency_alone(t)
    {
        return Class::Byline;
    }
    if is_caption_start(t)
        || credited_picture(t)
        || photo_credit_glued(t)
        || position_in_picture(t)
        || picture_source_alone(t)
    {
        return Class::Caption;
    }
    if is_editor_note(t) {
        return Class::EditorNote;
    }
    if is_sidebar_label(t) {
        return Class::Sidebar;
    }
    if crate::names::bare_names(t).is_some() {
        return Class::Name;
    }
    if is_interview_turn(t) {
        return Class::Text;
    }
    if keyword_heading(t) {
        return Class::Numbered;
    }
    if let Some(kind) = label_kind(t) {
        return Class::Label(kind);
    }
    if parse_dateline(t).is_some() {
        return Class::Dateline;
    }
    if is_numbered(t) {
        return Class::Numbered;
    }
    if titled_with_column(t) || crate::headline::bracketed_column_before_title(t).is_some() {
        return Class::Short;
    }
    // A dated entry of a list (`1994.06至1997.07 某地委书记`) is text, however short; so is
    // a field of facts (`责任人：某某管委会主任 某某`).
    if dated_entry(t) || fact_field(t) {
        return Class::Text;
    }
    let stops = t.contains(['。', '；', ';']);
    let commas = t.matches(['，', ',']).count();
    if let Some(rest) = t.strip_prefix("——").or_else(|| t.strip_prefix("--"))
        && !stops
        && chars <= 50
        && rest.trim().chars().count() >= 2
    {
        // `——摘自《某某》`: where the quotation above comes from, part of the text; so is
        // `——江城市某某局局长林小雨`, who said it.
        if quotation_source(t) {
            return Class::Text;
        }
        return Class::Subtitle;
    }
    if let Some(i) = t.find("——").filter(|&i| i > 0) {
        let (left, right) = (
            t.get(..i).unwrap_or(""),
            t.get(i..).unwrap_or("").trim_start_matches('—').trim(),
        );
        // A title may end in its own mark (`中国农民礼赞！——写在…之际`); no other sentence
        // stands in the line.
        let marks = ['！', '？', '!', '?'];
        if !stops
            && !left.trim_end_matches(marks).contains(marks)
            && !right.contains(marks)
            && chars <= 70
            && left.chars().count() >= 2
            && (1..=32).contains(&right.chars().count())
            && (!ends_sentence(right) || right.ends_with(['”', '’']))
        {
            return Class::Merged;
        }
    }
    if kicker_into_title(t) || trailing_kicker(t) {
        return Class::Short;
    }
    if quotation_closed_alone(t) {
        return Class::Text;
    }
    let last = t.chars().next_back();
    let short_end_ok = match last {
        Some('？' | '！' | '?' | '!') => chars <= 20,
        Some(c) => {
            !ends_sentence(t) && !matches!(c, '，' | '、' | ',' | '：' | ':')
                || c == '”'
                || c == '’'
                // Corner brackets, as papers in traditional characters quote:
                // `忍痛育兩女「不知如何過下去」`.
                || c == '」'
                || c == '』'
                // A quotation closed with a half-width mark: `下好备汛"先手棋"`.
                || c == '"'
        }
        None => false,
    };
    let inner_marks = t
        .chars()
        .filter(|c| matches!(c, '？' | '！' | '?' | '!'))
        .count();
    if chars <= 32
        && !stops
        && commas <= usize::from(chars <= 24)
        && short_end_ok
        && inner_marks <= 1
    {
        return Class::Short;
    }
    if chars <= 56 && commas == 0 && inner_marks == 0 && short_end_ok && worded_subtitle_beside(t) {
        return Class::Short;
    }
    Class::Text
}

/// A title and its subtitle flattened onto one line with a space between, the subtitle worded
/// as subtitles are (`爱上这座城 写在江城第九次获评宜居城市之际`): a headline line, however long.
fn worded_subtitle_beside(t: &str) -> bool {
    crate::headline::subtitle_beside_title(t)
        .is_some_and(|(_, right)| crate::headline::subtitle_worded(right))
}

/// A web page's field of facts left empty (`作者:`, `来源：`, `责任编辑：`): the site's chrome,
/// crediting no one and heading nothing.
pub(crate) fn empty_field(t: &str) -> bool {
    t.strip_suffix(['：', ':']).is_some_and(|label| {
        let label = label.trim();
        crate::header::SOURCE_LABELS.contains(&label)
            || ["作者", "编辑", "责任编辑", "责编", "记者", "摄影", "通讯员"].contains(&label)
    })
}

/// A short line that closes a quotation it never opened (`干净了……”`): the end of a sentence
/// cut off the line above by a line's end, never a headline, which opens what it quotes.
fn quotation_closed_alone(t: &str) -> bool {
    t.ends_with(['”', '」']) && !t.contains(['“', '「'])
}

/// A byline of its role word alone, its names printed at the end of the report (`本报记者`,
/// then `（本报记者某某、某某）` under the text).
pub(crate) fn role_alone(t: &str) -> bool {
    let t = t.trim_start_matches(['□', '■']).trim();
    // `本报记者 通讯员`: two roles, their names under the text.
    let words: Vec<&str> = t.split_whitespace().collect();
    (1..=2).contains(&words.len()) && words.iter().all(|w| crate::byline::lone_role_word(w))
}

/// A web repost's note of the title the paper printed, under its own headline:
/// `（原标题：…）`, `原标题：…`. Not the article's text.
pub(crate) fn original_title_note(t: &str) -> bool {
    let inner = crate::byline::strip_brackets(t).unwrap_or(t);
    inner.starts_with("原标题")
        && inner
            .chars()
            .nth(3)
            .is_some_and(|c| matches!(c, '：' | ':'))
}

/// A kicker that leads into the title with a dash, even a long one with a comma or two:
/// `某地一干部当起“黑中介”，转卖上千件业务——`. No sentence ends in it.
pub(crate) fn kicker_into_title(t: &str) -> bool {
    let Some(head) = t.strip_suffix("——") else {
        return false;
    };
    let n = head.chars().count();
    (4..=40).contains(&n)
        && !head.contains(['。', '；', ';', '？', '！'])
        && !head.contains("——")
        && head.matches(['，', ',']).count() <= 2
        && !ends_sentence(head)
}

/// A title with its column in brackets after it, as web exports print it:
/// `唤醒城市的“诗心”（金台随笔）`, `一颗桃串起富民产业链（高质量发展在一线·小城宝藏）`.
pub(crate) fn titled_with_column(t: &str) -> bool {
    column_after_title(t).is_some() || titled_with_picture_note(t)
}

/// Notes of a web title that it comes with pictures or a video, in brackets after it.
const PICTURE_NOTES: [&str; 7] = ["图", "组图", "附图", "多图", "图文", "视频", "图片"];

/// Whether the words in brackets after a title note its pictures: one of [`PICTURE_NOTES`], or
/// their number (`附图片4张`, `附图3幅`, `组图5张`).
fn picture_note(note: &str) -> bool {
    if PICTURE_NOTES.contains(&note) {
        return true;
    }
    let Some(rest) = ["附图片", "附图", "组图", "图片"]
        .iter()
        .find_map(|p| note.strip_prefix(p))
    else {
        return false;
    };
    let count = rest.trim_end_matches(['张', '幅']);
    count.len() < rest.len()
        && !count.is_empty()
        && count
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// A web copy's title with its note of pictures after it (`地下通道里积水成河(图)`,
/// `…盼处理（组图）`): a title, the note part of it as printed.
pub(crate) fn titled_with_picture_note(t: &str) -> bool {
    bracket_after_title(t).is_some_and(|(title, note)| {
        picture_note(note)
            && (4..=40).contains(&title.chars().count())
            && !title.contains(['。', '；', ';'])
    })
}

/// A line ending in words in brackets, split into what stands before them and the words:
/// `唤醒城市的“诗心”（金台随笔）` gives `唤醒城市的“诗心”` and `金台随笔`.
fn bracket_after_title(t: &str) -> Option<(&str, &str)> {
    let body = t.strip_suffix(['）', ')'])?;
    let open = body.rfind(['（', '('])?;
    let (title, inner) = body.split_at(open);
    Some((title, inner.trim_start_matches(['（', '('])))
}

/// Splits a title with its column in brackets after it into the title and the column:
/// `唤醒城市的“诗心”（金台随笔）` gives `唤醒城市的“诗心”` and `金台随笔`.
pub(crate) fn column_after_title(t: &str) -> Option<(&str, &str)> {
    let (title, inner) = bracket_after_title(t)?;
    let n = title.chars().count();
    // `（上）`, `（之二）`, `（续）`: the part of a series, which stays in the title; so does a
    // web title's note of its pictures (`（图）`, `（组图）`).
    let part = inner.chars().count() <= 2
        && inner
            .chars()
            .all(|c| "上中下续完一二三四五六七八九十之0123456789".contains(c))
        || picture_note(inner);
    // A column name may be a slogan of its own: `（稳中求进、提质增效 实现“十五五”良好开局）`,
    // two phrases of a series' motto with a comma between (`（坚定信心，开创发展新局面）`).
    let slogan = (4..=24).contains(&inner.chars().count())
        && !inner.contains(['。', ',', '；', '：', ':'])
        && !inner.chars().any(|c| c.is_ascii_digit())
        && match inner.split_once('，') {
            None => true,
            Some((a, b)) => [a, b].iter().all(|p| {
                (4..=12).contains(&p.chars().count()) && p.chars().all(crate::normalize::is_han)
            }),
        };
    let column = (4..=40).contains(&n)
        && !title.contains(['。', '；', ';'])
        && title.matches(['，', ',']).count() <= 2
        && !part
        && (crate::headline::column_shape(inner) > 0 || slogan || campaign_series(inner))
        && crate::byline::parse_credits(inner, None, false).is_none();
    column.then_some((title.trim_end(), inner))
}

/// A campaign's series named in two parts joined by a middle dot, as national papers head a
/// theory page's essays (`深入学习贯彻某某思想·原创性概念标识性概念纵横谈`): words only, each part
/// of two characters or more, at most 48 in all.
fn campaign_series(inner: &str) -> bool {
    let n = inner.chars().count();
    let Some((a, b)) = inner.split_once(['·', '•', '・']) else {
        return false;
    };
    let word = |p: &str| {
        p.chars().count() >= 2
            && p.chars()
                .all(|c| crate::normalize::is_han(c) || matches!(c, '“' | '”' | '·' | '•' | '・'))
    };
    (10..=48).contains(&n) && word(a) && word(b)
}

/// A line ending in a photographer's credit: a picture's caption, unless the credit names the
/// text's writer apart from the photographer (`…参加。(某某 文 某某 摄)`), which ends a report's
/// last paragraph.
fn credited_picture(t: &str) -> bool {
    photo_credit_suffix(t).is_some_and(|(at, c)| at == 0 || !c.written_apart())
}

/// A text that ends in a photographer's credit glued after its last sentence
/// (`…务工。  图/石  磊`): a caption.
fn photo_credit_glued(t: &str) -> bool {
    crate::byline::glued_credit(t).is_some_and(|(_, c)| {
        !c.photographers.is_empty() && c.reporters.is_empty() && c.correspondents.is_empty()
    })
}

/// A reprint or dateline credit standing alone, as articles end: `（据新华社福州6月13日电）`,
/// `（本报布鲁塞尔1月12日电）`.
fn is_reprint_line(t: &str) -> bool {
    t.starts_with(['（', '(', '□', '据'])
        && (crate::byline::parse_reprint(t).is_some()
            || crate::byline::end_dateline_credit(t).is_some())
}

/// Caption openers: `- ①…`, `①…`, `图为…`, `▲…`.
fn is_caption_start(t: &str) -> bool {
    let t = t.trim_start_matches(['-', '·', '•']).trim_start();
    let Some(first) = t.chars().next() else {
        return false;
    };
    is_circled(first)
        || matches!(first, '▲' | '△' | '↑' | '↓' | '▼')
        || [
            "图为", "上图", "下图", "左图", "右图", "图①", "图②", "图③", "图一", "图二",
        ]
        .iter()
        .any(|p| t.starts_with(p))
        || picture_named(t)
        || picture_numbered(t)
        || picture_source(t)
}

/// Where a quotation comes from, after a dash under it: `摘自“十四五”规划纲要`, `选自《某某》`.
pub(crate) fn excerpt_source(rest: &str) -> bool {
    ["摘自", "选自", "引自", "节选自", "摘编自"]
        .iter()
        .any(|w| rest.trim_start().starts_with(w))
}

/// A dash line under a quotation that says where it comes from or who said it
/// (`——摘自《某某》`, `——南州大学教授王小二`): it closes the text above, never heads the next.
pub(crate) fn quotation_source(t: &str) -> bool {
    t.strip_prefix("——")
        .or_else(|| t.strip_prefix("--"))
        .is_some_and(|rest| excerpt_source(rest) || speaker_attribution(rest))
}

/// Who said the quotation above, after a dash under it: `——江城市某某局副局长林小雨` (the
/// part after the dash). A person's post and name; no `记…` or `访…` opens it, as a subtitle
/// about a person does (`——记江城的一位老支书`).
pub(crate) fn speaker_attribution(rest: &str) -> bool {
    let rest = rest.trim();
    let n = rest.chars().count();
    if !(5..=32).contains(&n)
        || rest.starts_with(['记', '访', '写', '致', '对', '与', '走', '专', '追'])
        || !rest.chars().all(crate::normalize::is_han)
    {
        return false;
    }
    crate::names::name_after_post(rest).is_some()
}

/// A page's contact line, with an e-mail address and no sentence: `栏目投稿邮箱：abc@example.cn`,
/// `欢迎来稿 news@example.com`. Page furniture, not a title.
pub(crate) fn contact_line(t: &str) -> bool {
    let Some(at) = t.find('@') else {
        return false;
    };
    let (user, host) = (t.get(..at).unwrap_or(""), t.get(at + 1..).unwrap_or(""));
    let user_ok = user
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let host: String = host
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    user_ok && host.contains('.') && t.chars().count() <= 60 && !t.contains('。')
}

/// Where the picture printed there comes from, on a line of its own: `图片来自：某某交通署`,
/// `图片来源：受访者`, `图源：某某`. It stands for the picture's caption.
pub(crate) fn picture_source_alone(t: &str) -> bool {
    ["图片来自", "图片来源", "照片来源", "图源", "图片提供"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .and_then(|r| r.strip_prefix(['：', ':']))
        .is_some_and(|source| {
            (1..=24).contains(&source.trim().chars().count()) && !source.contains(['。', '，'])
        })
}

/// A caption whose last sentence is followed by where the picture comes from, named after a
/// colon: `望远镜在星云中发现了冰。图片来源：某某航天局`, `…合影。图源：受访者`.
fn source_named_after_caption(t: &str) -> bool {
    // The source follows the caption's last sentence: one search for its end.
    let Some(end) = t.rfind('。') else {
        return false;
    };
    let head = t.get(..end).unwrap_or("");
    let tail = t.get(end + '。'.len_utf8()..).unwrap_or("").trim_start();
    ["图片来源：", "图片来源:", "图源：", "图源:"]
        .iter()
        .any(|w| {
            tail.strip_prefix(w).is_some_and(|source| {
                head.chars().count() < 100 && (1..=24).contains(&source.trim().chars().count())
            })
        })
}

/// A caption with where its picture comes from after a wide gap, as e-paper text flattens the
/// two: `电影《某某》剧照。　　片方提供`, `村民在田间劳作。  受访者供图`.
pub(crate) fn caption_with_source(t: &str) -> bool {
    if source_named_after_caption(t) {
        return true;
    }
    // In brackets after the caption's last sentence: `…的冷冻电镜结构。（受访单位供图）`.
    if let Some(body) = t.strip_suffix(['）', ')'])
        && let Some(open) = body.rfind(['（', '('])
    {
        let head = t.get(..open).unwrap_or("").trim_end();
        let source = t.get(open..).unwrap_or("");
        return picture_source(source) && head.ends_with('。') && head.chars().count() <= 100;
    }
    // Every picture source ends so: most lines are rejected before any search.
    if !t.ends_with(['图', '供', '摄', '片']) && !t.ends_with("提供") {
        return false;
    }
    let gap = t.rfind("\u{3000}").or_else(|| t.rfind("  "));
    gap.is_some_and(|at| {
        let head = t.get(..at).unwrap_or("").trim_end();
        let source = t.get(at..).unwrap_or("").trim();
        picture_source(source) && head.ends_with('。') && head.chars().count() <= 100
    })
}

/// A line that says where a page's pictures come from, standing under them as their caption
/// does: `资料图片`, `受访者供图`, `片方提供`, `以上图片均为某某博物馆提供`.
pub(crate) fn picture_source(t: &str) -> bool {
    // Forty characters at most: a paragraph is told by its length in bytes alone.
    if t.len() > 42 * 3 {
        return false;
    }
    // In brackets too: `（《某某》供图）`.
    let t = crate::byline::strip_brackets(t).unwrap_or(t);
    let n = t.chars().count();
    // A chart's source: `数据来源：国家统计局`.
    if (t.starts_with("数据来源") || t.starts_with("资料来源")) && n <= 40 && !t.contains('。')
    {
        return true;
    }
    n <= 24
        && !t.contains(['。', '，', ',', '；', '：', ':'])
        && (matches!(t, "资料图片" | "资料照片" | "网络图片")
            || t.ends_with("供图")
            || t.starts_with("以上图片")
            || t.starts_with("图片由")
            || t.starts_with("图片来源")
            || t.ends_with("提供") && n > 2 && (t.contains('图') || n <= 8))
}

/// Whether a caption opens with its picture's number and a colon: `图1:…`, `图2：…`.
fn picture_numbered(t: &str) -> bool {
    t.strip_prefix('图').is_some_and(|rest| {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && rest[digits..].starts_with([':', '：'])
    })
}

/// Whether a caption names its picture with a colon, as a page of several photos does:
/// `大图:收割机在田间作业。`, `小图：…`, `主图：…`.
/// A caption may also open with the bare word for picture (`图：林亮拿出玩具送给…`), as Hong Kong
/// papers print them; a credit (`图：本报记者 某某`) is read as one before this is asked.
pub(crate) fn picture_named(t: &str) -> bool {
    let t = t.trim_start();
    ["大图", "小图", "主图", "组图", "中图"].iter().any(|p| {
        t.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with([':', '：']))
    }) || t
        .strip_prefix('图')
        .and_then(|rest| rest.strip_prefix([':', '：']))
        .is_some_and(|rest| rest.trim().chars().count() >= 8)
}

/// Whether a line places a person in the picture (`王某（左）与村民在果园里劳作`, `（右二）`,
/// `（前排左三）`): only a caption does.
pub(crate) fn position_in_picture(t: &str) -> bool {
    // A caption that places people is short; a paragraph is not searched.
    if t.len() > 360 {
        return false;
    }
    // Each bracket is found by itself (a single character is searched for fast), and only a
    // bracket opening on a side or a row is read further.
    let placed = |open: char| {
        t.match_indices(open).any(|(at, o)| {
            let rest = &t[at + o.len()..];
            let inner = rest.split([')', '）']).next().unwrap_or("");
            if inner.len() == rest.len() {
                return false;
            }
            let inner = ["前排", "后排", "中排"]
                .iter()
                .find_map(|row| inner.strip_prefix(row))
                .unwrap_or(inner);
            let mut cs = inner.chars();
            matches!(cs.next(), Some('左' | '右' | '中'))
                && inner.chars().count() <= 3
                && cs.all(|c| "一二三四五六七八九起".contains(c))
        })
    };
    placed('（') || placed('(')
}

/// A word in square brackets opening a line, and what follows it: `【创城在行动】扫雪除冰`
/// gives `创城在行动` and `扫雪除冰`; `[影像]瑞雪` gives `影像` and `瑞雪`. Columns, tags and
/// keyword headings are printed so.
pub(crate) fn bracket_tag(t: &str) -> Option<(&str, &str)> {
    let (rest, close) = match t.strip_prefix('【') {
        Some(rest) => (rest, '】'),
        None => (t.strip_prefix('[')?, ']'),
    };
    let (word, after) = rest.split_once(close)?;
    Some((word.trim(), after.trim()))
}

/// A heading that opens with a word in square brackets, as boxed commentary sets out its parts:
/// `【点评】`, `【关键词】为鹿出警`. Known labels (`【链接】`, `【新知】`) are not such headings.
fn keyword_heading(t: &str) -> bool {
    let Some((word, after)) = bracket_tag(t).filter(|_| t.starts_with('【')) else {
        return false;
    };
    let n = word.chars().count();
    (2..=4).contains(&n)
        && word.chars().all(is_han)
        && label_kind(word).is_none()
        && after.chars().count() <= 20
        && !after.contains(['。', '！', '？', '；'])
}

/// Whether `c` is a circled or dingbat number used as a list marker.
pub(crate) fn is_circled(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x2473 | 0x2776..=0x2793 | 0x3251..=0x325F | 0x32B1..=0x32BF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_of_facts_is_text_and_a_graphics_credit_no_editors_line() {
        assert!(fact_field("责任人：老城区街区管委会主任 张某"));
        assert!(!fact_field("责任人"));
        assert_eq!(classify("责任人：老城区街区管委会主任 张某"), Class::Text);
        assert_eq!(classify("制图 寇某"), Class::Byline);
        assert_eq!(classify("责任编辑 王某 制图 寇某"), Class::Editors);
        assert_eq!(
            classify(
                "一版责编：林  一  方  二  高三丰 二版责编：陈四海  孟  五 三版责编：赵六合  钱  七 \
                 四版责编：孙  八  李九龄  周  十"
            ),
            Class::Editors,
            "every page's editors on one long line"
        );
    }

    #[test]
    fn a_slogan_printed_over_every_headline_is_noise() {
        let page = "兵在掌上阅 亮剑弹指间\n\n某部展开练兵大比武\n\n一批训练标兵受表彰\n\n\
                    连日来，某部群众性练兵大比武在多个训练场展开。\n\n\
                    兵在掌上阅 亮剑弹指间\n\n强军路上并肩行\n\n战士们在训练场上摸爬滚打。\n";
        let lines = split(page);
        let banners: Vec<&str> = lines
            .iter()
            .filter(|l| l.class == Class::Noise)
            .map(|l| l.text)
            .collect();
        assert_eq!(banners, ["兵在掌上阅 亮剑弹指间", "兵在掌上阅 亮剑弹指间"]);
        // Printed once, the line is read as any other headline line.
        let once = split("某部展开练兵大比武\n\n一批训练标兵受表彰\n\n连日来，大比武展开。\n");
        assert!(once.iter().all(|l| l.class != Class::Noise));
    }

    #[test]
    fn a_sites_count_of_characters_is_cut_off_as_noise() {
        assert_eq!(word_count_tail("李某 字数：3420字"), Some("李某 ".len()));
        assert_eq!(word_count_tail("字数 232字"), Some(0));
        assert_eq!(word_count_tail("全文字数3420字的报告"), None);
        assert_eq!(word_count_tail("字数不多"), None);
        let lines = split("李某 字数：3420字\n");
        let classes: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(
            classes,
            [("李某", Class::Name), ("字数：3420字", Class::Noise)]
        );
    }

    #[test]
    fn a_title_that_asks_or_exclaims_over_a_lead_is_a_headline() {
        assert!(exclaimed_title("是谁？让垃圾包围科学家！"));
        assert!(!exclaimed_title(
            "他问：这是谁干的？我们一定要查清楚，不能让它再发生。"
        ));
        let lines =
            split("是谁？让垃圾包围科学家！\n\n本报讯（记者李某）昨日下午，居民打进热线。\n");
        assert_eq!(lines[0].class, Class::Short);
        let lines = split("是谁？让垃圾包围科学家！\n\n居民打进热线反映情况。\n");
        assert_eq!(lines[0].class, Class::Text);
    }

    #[test]
    fn a_web_copys_date_after_the_headline_is_set_apart() {
        let t = "港口忙 贸易旺 2024年03月07日";
        assert_eq!(dated_headline(t), Some(t.len() - "2024年03月07日".len()));
        assert_eq!(dated_headline("第06版 2024年03月07日"), None);
        // A web export's source line: the paper and the date.
        assert_eq!(dated_headline("海滨日报 2024年03月05日"), None);
        assert_eq!(dated_headline("全市经济稳中向好，2024年03月07日"), None);
        let lines = split("港口忙 贸易旺 2024年03月07日\n近日，港口一派繁忙景象。\n");
        let classes: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(classes[0], ("港口忙 贸易旺", Class::Short));
        assert_eq!(classes[1], ("2024年03月07日", Class::Header));
    }

    #[test]
    fn a_papers_name_under_a_headline_is_the_sites_note() {
        assert!(own_paper_name("江城科技报"));
        assert!(!own_paper_name("一份特别的汇报"));
        let lines = split("图片新闻\n江城科技报\n近日，某县果园迎来丰收。\n");
        assert_eq!(lines[1].class, Class::Noise);
        // Alone under the page's header, a paper's name stays what it was.
        let lines = split("江城科技报\n近日，某县果园迎来丰收。\n");
        assert_ne!(lines[0].class, Class::Noise);
    }

    #[test]
    fn pictures_before_and_after_the_work_are_captioned() {
        let lines = split("破损的井盖已更换\n\n更换前\n\n更换后\n\n本报记者 李某 摄影报道\n");
        let classes: Vec<Class> = lines.iter().map(|l| l.class).collect();
        assert_eq!(classes[1..3], [Class::Caption, Class::Caption]);
        let lines = split("修复前\n\n整治后\n");
        assert!(lines.iter().all(|l| l.class != Class::Caption));
    }

    #[test]
    fn phrases_trailing_off_in_an_ellipsis_are_a_kicker() {
        assert!(trailing_kicker("签证难、门票贵……"));
        assert_eq!(classify("签证难、门票贵……"), Class::Short);
        assert!(!trailing_kicker("他说，……"));
        assert!(!trailing_kicker("……"));
    }

    #[test]
    fn a_sites_record_of_the_article_and_its_e_paper_name_are_noise() {
        let lines = split(
            "江城工人日报 数字报纸\n\n外来建设者比拼“好声音”\n\n  为了展现外来建设者风采，市总工会举办歌手大赛。\n\n\
             江城工人日报 一版要闻 00001 外来建设者比拼“好声音” 2015-04-28 2 2015年04月28日 星期二\n",
        );
        let noise: Vec<&str> = lines
            .iter()
            .filter(|l| l.class == Class::Noise)
            .map(|l| l.text)
            .collect();
        assert_eq!(noise.len(), 2, "{noise:?}");
        assert!(noise[0].ends_with("数字报纸"));
        assert!(noise[1].contains("2015-04-28"));
        let record = lines.len() - 1;
        assert_eq!(record_date(&lines, record).as_deref(), Some("2015-04-28"));
        assert_eq!(record_date(&lines, 1), None, "the headline itself");
    }

    #[test]
    fn a_page_without_a_dated_header_takes_its_date_from_the_sites_record() {
        let page = crate::parse_str(
            "江城工人日报 数字报纸\n\n00002版:工会\n\n外来建设者比拼“好声音”\n\n  为了展现外来建设者风采，市总工会举办歌手大赛。\n\n\
             江城工人日报 工会 00002 外来建设者比拼“好声音” 2015-04-28 2 2015年04月28日 星期二\n",
            "p.txt",
        );
        assert_eq!(page.meta.date.as_deref(), Some("2015-04-28"));
        assert_eq!(page.meta.page.as_deref(), Some("00002"));
        assert_eq!(
            page.meta.section.as_deref(),
            Some("工会"),
            "not the e-paper's name"
        );
    }

    #[test]
    fn an_epaper_readers_chrome_is_noise() {
        for line in [
            "当前报纸名称：汕头日报",
            "字号：",
            "电子报阅读机",
            "日期：12-16",
        ] {
            assert_eq!(classify(line), Class::Noise, "{line}");
        }
        assert!(reader_paper_name("当前报纸名称:汕头日报"));
        assert!(!reader_paper_name("报纸名称的由来"));
        for line in ["收藏 打印 推荐  更多功能", "江城日报报业集团主办"] {
            assert_eq!(classify(line), Class::Noise, "{line}");
        }
        assert!(publisher_line("江城日报报业集团主办"));
        assert!(!publisher_line("全市青年创业大赛由团市委主办"));
        let h = crate::header::parse_header_line("2006年3月30日     收藏 打印 推荐 朗读 更多功能")
            .expect("the issue's date beside the page's tools");
        assert_eq!(h.date.as_deref(), Some("2006-03-30"));
    }

    #[test]
    fn the_time_a_site_posted_the_article_is_noise() {
        assert!(posting_time("长江日报  2018-08-28 14:52:46"));
        assert!(posting_time("2018-08-28 14:52 长江网-长江日报"));
        assert!(!posting_time("2018-08-28 长江日报"));
        assert!(!posting_time("比分 2:1 领先"));
        assert_eq!(classify("长江日报  2018-08-28 14:52:46"), Class::Noise);
    }

    #[test]
    fn a_pictures_file_name_left_in_the_text_is_noise() {
        assert!(picture_file_name(
            "图片默认标题_fororder_aedc79aec785f7d1190312bd66ecd14e"
        ));
        assert!(picture_file_name("img_3f9ac0d1e2b3a4f5c6d7.jpg"));
        assert!(!picture_file_name("第1_2版"));
        assert!(!picture_file_name("江城上空再现武汉蓝"));
        assert_eq!(
            classify("图片默认标题_fororder_aedc79aec785f7d1190312bd66ecd14e"),
            Class::Noise
        );
        assert_eq!(classify("分享"), Class::Noise);
        assert_eq!(classify("星期一"), Class::Header);
        assert_eq!(classify("版名：要闻"), Class::Header);
    }

    #[test]
    fn a_dated_list_entry_is_text_however_short() {
        assert!(dated_entry("1994.06至1997.07 江城地委书记"));
        assert!(dated_entry("2019年—2021年 长河村党支部书记"));
        assert!(!dated_entry("2025-2030年规划出台"));
        assert!(!dated_entry("2024年，江城新建口袋公园三十个"));
        assert_eq!(classify("1994.06至1997.07 江城地委书记"), Class::Text);
    }

    #[test]
    fn a_number_to_call_closes_a_paragraph() {
        assert!(closes_with_contact(
            "线索提供：林先生稿酬：100元新闻热线：96211"
        ));
        assert!(closes_with_contact("欢迎来电咨询，咨询电话：0371-12345678"));
        assert!(!closes_with_contact("该市今年共新建住房12345"));
        assert!(!closes_with_contact("拨打热线：12"));
    }

    #[test]
    fn a_records_column_field_names_the_items_column_or_none() {
        assert_eq!(column_field("专栏：读者来信"), Some("读者来信"));
        assert_eq!(column_field("专栏:"), Some(""));
        assert_eq!(column_field("专栏作家的一天"), None);
        assert_eq!(
            column_field("系列：深阅读·文旅观察"),
            Some("深阅读·文旅观察")
        );
        assert_eq!(column_field("栏目：江城夜话"), Some("江城夜话"));
        assert_eq!(column_field("系列报道"), None);
        assert_eq!(column_field("专栏：他写了三十年，读者遍布全国。"), None);
        assert_eq!(classify("专栏:"), Class::Noise);
        assert!(matches!(classify("专栏：读者来信"), Class::Label(_)));
        assert_eq!(bare_label("专栏：读者来信"), "读者来信");
        // An empty field heads no list: the headline lines under it stay a headline.
        assert!(!list_label("专栏："));
        let lines = split("专栏:\n\n修渠道 引水源\n千里渠道通到山顶\n本报讯 渠道已经全线通水。\n");
        assert_eq!(lines[1].class, Class::Short);
        assert_eq!(lines[2].class, Class::Short);
    }

    #[test]
    fn a_part_of_a_caption_printed_again_on_its_own_line_is_a_caption() {
        let lines = split(
            "数据来源：国家统计局\u{3000}\u{3000}江城市统计局\n\n数据来源：国家统计局\n\n江城市统计局\n\n全市经济稳中向好。\n",
        );
        assert_eq!(lines[2].class, Class::Caption);
        assert_eq!(lines[3].class, Class::Text);
        // Standing alone, the same name is a heading's shape.
        assert_ne!(
            split("江城市统计局\n\n全市经济稳中向好。\n")[0].class,
            Class::Caption
        );
    }

    #[test]
    fn a_dashed_line_naming_where_a_quotation_comes_from_is_text() {
        assert!(excerpt_source("摘自“十四五”规划纲要"));
        assert!(!excerpt_source("记江城的一位老支书"));
        assert_eq!(classify("——摘自“十四五”规划纲要"), Class::Text);
        assert_eq!(classify("——记江城的一位老支书"), Class::Subtitle);
        assert_eq!(classify("——江城市长河区住建局副局长林小雨"), Class::Text);
    }

    #[test]
    fn a_contact_line_with_an_email_address_is_noise() {
        assert!(contact_line("栏目投稿邮箱：news@example.cn"));
        assert!(contact_line("欢迎来稿 tougao@example.com.cn"));
        assert!(!contact_line("他在微博@某某上发文称，此事属实。"));
        assert!(!contact_line("栏目投稿邮箱"));
        assert_eq!(classify("栏目投稿邮箱：news@example.cn"), Class::Noise);
    }

    #[test]
    fn a_caption_with_its_pictures_source_after_a_wide_gap_is_a_caption() {
        assert!(caption_with_source(
            "电影《小镇》剧照。\u{3000}\u{3000}片方提供"
        ));
        assert!(caption_with_source("村民在田间劳作。  受访者供图"));
        assert!(!caption_with_source("村民在田间劳作。"));
        assert!(!caption_with_source("他说，这部电影由片方提供。"));
        // The source in brackets after the last sentence.
        assert!(caption_with_source("显微镜下的细胞结构。（受访单位供图）"));
        assert!(!caption_with_source("细胞结构已经解析。（完）"));
        assert!(caption_with_source(
            "望远镜在星云中发现了冰。图片来源：某某航天局"
        ));
        assert!(!caption_with_source("图片来源：某某航天局"));
        assert_eq!(
            classify("电影《小镇》剧照。\u{3000}\u{3000}片方提供"),
            Class::Caption
        );
    }

    #[test]
    fn a_web_pages_list_of_records_is_residue() {
        assert!(markup_residue(
            "2025-11-13,12343| 2025-11-12,12335| 2025-11-11,12327| 2025-11-10,12319"
        ));
        assert!(!markup_residue("A|B 两队|C 队|D 队晋级"));
        assert!(!markup_residue("比分是3|2。"));
        assert!(markup_residue(
            "您的IE浏览器版本太低,请升级至IE8及以上版本或安装webkit内核浏览器。"
        ));
        assert!(!markup_residue("新版浏览器上线。"));
        assert!(markup_residue("点击上方“港城日报” 关注我们"));
        assert!(!markup_residue("点击率上升，关注度提高。"));
    }

    #[test]
    fn an_outlets_name_after_a_headline_joins_the_credit_on_the_next_line() {
        let lines = split(
            "湖城迎来小雨雪 明日最高温降至冰点以下，回暖要等下周   江城晚报·江城新闻\n记者 林一\n",
        );
        let texts: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(texts[1], ("江城晚报·江城新闻", Class::Byline));
        assert_eq!(texts[2].1, Class::Byline);
        assert!(texts[0].0.ends_with("下周"));
        // Without a credit after it, the line is left whole.
        let lines = split("湖城迎来小雨雪   江城晚报·江城新闻\n今天有雨。\n");
        assert!(lines[0].text.ends_with("江城新闻"));
    }

    #[test]
    fn on_an_indented_page_a_line_at_the_margin_between_texts_is_a_headline() {
        let page = "  码头吊机重新转动，装卸量恢复九成。\n\
                    \x20 集装箱卡车在堆场排起长队，司机说等了两个小时。\n\
                    城郊小麦开镰收割 今年亩产预计比去年略高，收购价稳中有升\n\
                    \x20 连日来，城郊万亩小麦进入收获期，农机手抢抓晴好天气作业。\n\
                    \x20 粮站负责人介绍，今年新麦品质好，收购价稳中有升。\n\
                    \x20 全市夏粮收购将持续到七月底，预计收购总量超过十万吨\n\
                    比去年同期增加一成。\n";
        let lines = split(page);
        let classes: Vec<Class> = lines.iter().map(|l| l.class).collect();
        assert_eq!(classes[2], Class::Short, "{:?}", lines[2].text);
        // A paragraph's continuation after a cut is at the margin too, but the line before it
        // ends no sentence.
        assert_eq!(classes[6], Class::Text);
    }

    #[test]
    fn a_bracketed_word_opening_a_short_line_is_a_heading() {
        assert!(keyword_heading("【点评】"));
        assert!(keyword_heading("【关键词】为鹿出警"));
        assert!(!keyword_heading("【事件】群众报警。民警赶到现场。"));
        assert!(!keyword_heading("【新知】"));
        assert_eq!(classify("【点评】"), Class::Numbered);
        assert_eq!(classify("【链接】"), Class::Sidebar);
    }

    #[test]
    fn a_label_padded_with_spaces_is_known_without_them() {
        assert_eq!(unpad("短    评"), "短评");
        assert_eq!(unpad("社 论"), "社论");
        assert_eq!(unpad("江河 万古"), "江河 万古");
        assert_eq!(label_kind("短    评"), Some(LabelKind::Commentary));
    }

    #[test]
    fn captions_that_name_their_picture_start_a_caption() {
        assert!(picture_named("大图:收割机在田间作业。"));
        assert!(picture_named("小图：村民捧起新麦。"));
        assert!(!picture_named("大图景里的小村庄"));
        assert!(picture_numbered("图1:训练标兵合影留念。"));
        assert!(picture_numbered("图12：冠军分享喜悦。"));
        assert!(!picture_numbered("图书馆开放时间延长"));
        assert_eq!(classify("大图:收割机在田间作业。"), Class::Caption);
    }

    #[test]
    fn the_line_between_a_sites_trail_and_the_date_is_the_title() {
        let page = "首页 > 港闻 > 正文\n\n十大港闻选举结果出炉：市民选「年度新闻」 学生拣「教育拨款」 艺人拣「电影资助」\n\n2017-12-02\n\n「十大港闻选举」昨日举行记者会，邀请学生和艺人代表选择心目中最重要的新闻。\n";
        let lines = split(page);
        assert_eq!(lines[1].class, Class::Short, "{:?}", lines[1]);
        // Without the trail above it, the same line stays what it reads as.
        let without = page.replace("首页 > 港闻 > 正文\n\n", "");
        let bare = split(&without);
        assert_ne!(bare[0].class, Class::Short);
    }

    #[test]
    fn a_pages_code_and_name_after_a_colon_is_the_header() {
        assert!(page_code_named("A01：头版"));
        assert!(page_code_named("B3:体育新闻"));
        assert_eq!(classify("A01:头版"), Class::Header);
        assert!(!page_code_named("G20:杭州峰会开幕"));
        assert!(!page_code_named("A01：头版报道了一件事，大家都说好"));
    }

    #[test]
    fn an_editors_code_glued_to_a_credits_end_is_set_apart() {
        assert_eq!(
            credit_code_tail("文并摄张桂存J180"),
            Some("文并摄张桂存".len())
        );
        assert_eq!(
            credit_code_tail("本报记者 林小雨 A12"),
            Some("本报记者 林小雨 ".len())
        );
        assert_eq!(credit_code_tail("全年增长了GDP2024"), None);
        assert_eq!(credit_code_tail("G20"), None);
        let lines = split("文并摄张桂存J180\n");
        assert_eq!(lines[0].text, "文并摄张桂存");
        assert_eq!(lines[1].class, Class::Noise);
    }

    #[test]
    fn short_lines_under_a_title_that_notes_its_pictures_are_their_captions() {
        let page = "路口标志开放首日遭踩踏(组图)\n\nhttp://www.example.com 2006年09月28日00:48 某某时报\n\n游客奔向标志\n\n参观者纷纷踏上标志\n\n  本报讯 (记者 林小雨) 昨天上午，路口标志正式对群众开放，游客纷纷合影。\n";
        let lines = split(page);
        let classes: Vec<Class> = lines.iter().map(|l| l.class).collect();
        assert_eq!(
            classes.iter().filter(|&&c| c == Class::Caption).count(),
            2,
            "{classes:?}"
        );
        // Under a title without the note, the same lines stay headline lines.
        let without = page.replace("(组图)", "");
        let plain = split(&without);
        assert!(plain.iter().all(|l| l.class != Class::Caption));
    }

    #[test]
    fn a_title_printed_again_under_its_pictures_captions_makes_them_captions() {
        let page = "街坊节开幕推睦邻互助\n\n出席活动人士合照\n\n街坊节开幕推睦邻互助\n\n【本报消息】街坊总会昨日举行街坊节开幕礼，设多项活动。\n";
        let lines = split(page);
        let classes: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(classes[0].1, Class::Noise, "{classes:?}");
        assert_eq!(classes[1], ("出席活动人士合照", Class::Caption));
        assert!(classes[2].1.is_headline(), "{classes:?}");
        // Twice in a row: one title.
        let twice = split(
            "同善堂长者中心今启用\n\n    同善堂长者中心今启用\n\n【本报消息】同善堂昨日开办长者中心。\n",
        );
        assert_eq!(twice[0].class, Class::Noise, "{twice:?}");
        assert!(twice[1].class.is_headline(), "{twice:?}");
        // A headline group of different lines is left as it is.
        let group =
            split("街坊节开幕\n\n推睦邻互助\n\n【本报消息】街坊总会昨日举行街坊节开幕礼。\n");
        assert!(
            group
                .iter()
                .all(|l| l.class != Class::Caption && l.class != Class::Noise)
        );
    }

    #[test]
    fn a_marked_name_between_a_title_and_its_text_is_its_writer() {
        let page = "加力打造清洁能源基地\n\n◎扎西达娃\n\n绵延起伏大横断，澎湃激荡润沃土。最是壮丽奇美处，无限风光筑新路。\n";
        let lines = split(page);
        assert_eq!(lines[1].class, Class::Author, "{:?}", lines[1]);
        let a = &crate::parse_bytes(page.as_bytes(), "a.txt").articles[0];
        assert_eq!(a.byline.authors, ["扎西达娃"]);
        assert_eq!(a.column, None);
        // Over the title, a marked word is the column's.
        let over = split("◎乡土人物\n\n加力打造清洁能源基地\n\n绵延起伏大横断，澎湃激荡润沃土。\n");
        assert_ne!(over[0].class, Class::Author);
    }

    #[test]
    fn a_line_closing_a_quotation_it_never_opened_is_text() {
        assert!(quotation_closed_alone("干净了……”"));
        assert_eq!(classify("干净了……”"), Class::Text);
        assert!(!quotation_closed_alone("下好备汛“先手棋”"));
        assert_eq!(classify("下好备汛“先手棋”"), Class::Short);
        assert_eq!(classify("忍痛育兩女「不知如何過下去」"), Class::Short);
        assert_eq!(classify("他說：「我不知道。」"), Class::Text);
    }

    #[test]
    fn a_page_name_or_number_under_a_header_line_is_the_headers_rest() {
        let lines = split(
            "出版日期:1991年08月08日\n头版\n01\n\n莲湖区人武部被评为先进单位\n\n本报讯 人武部最近被评为先进。\n",
        );
        let classes: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(classes[1], ("头版", Class::Header), "{classes:?}");
        assert_eq!(classes[2], ("01", Class::Header), "{classes:?}");
        // Not under a header line, a label stays a label.
        let label = split("评论\n\n莲湖区人武部被评为先进单位\n\n本报讯 人武部最近被评为先进。\n");
        assert_ne!(label[0].class, Class::Header);
    }

    #[test]
    fn a_title_printed_whole_and_again_in_its_lines_keeps_the_whole() {
        let page = "林某在某县调研时强调\n\n坚持生态本真 让游客充分体验寻梦之旅\n\n坚持生态本真\n\n让游客充分体验寻梦之旅\n\n本报讯 5月23日，林某前往某县调研。\n";
        let lines = split(page);
        let classes: Vec<(&str, Class)> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(classes[2].1, Class::Noise, "{classes:?}");
        assert_eq!(classes[3].1, Class::Noise, "{classes:?}");
        assert!(classes[1].1.is_headline(), "{classes:?}");
        // A kicker over its title is no piece of it.
        let group = split("港城标兵作表率\n\n标兵\n\n本报讯 近日，港城评出十名标兵。\n");
        assert!(group.iter().all(|l| l.class != Class::Noise));
    }

    #[test]
    fn a_pictures_words_printed_twice_on_a_line_are_a_caption() {
        for t in [
            "沙头角对开海面一个鱼排起火。 沙头角对开海面一个鱼排起火。",
            "■大楼招牌遭破坏。■大楼招牌遭破坏。",
        ] {
            assert!(doubled_caption(t), "{t}");
            assert_eq!(classify(t), Class::Caption, "{t}");
        }
        assert!(!doubled_caption("好好好。 好好好。"));
    }

    #[test]
    fn a_person_placed_in_the_picture_or_the_word_picture_and_a_colon_make_a_caption() {
        for t in [
            "王雨嘉（左）与当地村民在苹果园里劳作",
            "区长李某（前排左三）在现场查看",
            "图：林亮拿出小黄鸭玩具送给林郑月娥",
        ] {
            assert_eq!(classify(t), Class::Caption, "{t}");
        }
        assert!(position_in_picture("获奖者(右二)领取证书。"));
        assert!(!position_in_picture("左右为难（左右）的选择"));
        assert!(!position_in_picture("本报讯（记者 左某）"));
        assert!(!picture_named("图：短"));
        assert!(!doubled_caption("昨日全市降雨。 今日全市转晴。"));
    }

    #[test]
    fn what_a_web_page_leaves_in_its_text_is_noise() {
        assert_eq!(
            classify("2023-07-21 1 1 某某日报 content_206819.html 1 港口新闻 /enpproperty-->"),
            Class::Noise
        );
        assert_eq!(classify("<!-- 正文 -->"), Class::Noise);
        assert!(!markup_residue(
            "详见本报网站 www.example.cn/a.html 的专题页面。"
        ));
    }

    #[test]
    fn opinion_columns_are_known_by_their_names_endings() {
        for column in [
            "人民时评",
            "金台随笔",
            "暖闻热评",
            "评论员观察",
            "编辑手记",
            "国际论坛",
            "新语",
        ] {
            assert!(commentary_column(column), "{column}");
            assert_eq!(label_kind(column), Some(LabelKind::Commentary), "{column}");
        }
        for column in ["民生观察", "记者手记", "经济聚焦", "一线调查"] {
            assert!(!commentary_column(column), "{column}");
        }
    }

    #[test]
    fn an_e_paper_sites_link_bar_is_residue() {
        for bar in [
            "3上一版  下一版4",
            "3上一期 版面导航",
            "返回主页 | 江城晚报 | 标题导航 | 江城日报",
            "上一期  下一期",
            "放大 缩小 默认",
            "3 上一篇 放大 缩小 默认",
            "关于我们 | 网站地图 | 联系我们 | 广告服务 | 在线投稿",
            "新闻搜索:",
        ] {
            assert!(navigation_bar(bar), "{bar}");
            assert_eq!(classify(bar), Class::Noise, "{bar}");
        }
        // Beside a date the links leave the issue's header.
        assert!(!navigation_bar("下一篇4 2012年11月13日 放大 缩小 默认"));
        assert_eq!(
            classify("下一篇4 2012年11月13日 放大 缩小 默认"),
            Class::Header
        );
        for text in [
            "江城晚报",
            "2012年11月13日",
            "上一期节目收视率创新高",
            "首页设计大赛在江城举行",
            "关闭 三家化工厂 江城空气变好",
        ] {
            assert!(!navigation_bar(text), "{text}");
        }
    }

    #[test]
    fn a_line_of_a_sites_list_of_pages_names_its_page() {
        assert_eq!(listed_page("05版:文润潍坊 凡人微光"), Some("05"));
        assert_eq!(listed_page("第16版:壮丽70年 奋斗新时代"), Some("16"));
        assert_eq!(listed_page("第20-21版:壮丽70年 奋斗新时代"), Some("20-21"));
        assert_eq!(listed_page("A03版：国际新闻"), Some("A03"));
        assert_eq!(listed_page("第三届读书节开幕"), None);
        assert_eq!(listed_page("05版"), None);
    }

    #[test]
    fn a_sites_footer_and_stamps_are_residue() {
        for stamp in [
            "CopyRight 2009-2016 © All Rights Reserved.版权所有:江城网 未经授权禁止复制",
            "版权所有：江城日报社",
            "国内统一刊号:CN41-0017",
            "发布时间:2014-05-28 08:11:15",
            "发布日期：2024年3月5日",
            "江城日报客户端",
            "跟帖评论自律管理承诺书  不良信息举报电话:江工网(029-12345678)",
        ] {
            assert!(site_stamp(stamp), "{stamp}");
            assert_eq!(classify(stamp), Class::Noise, "{stamp}");
        }
        for text in [
            "发布时间：由市政府另行通知。",
            "版权保护意识在江城企业中逐年增强。",
            "发布时间定在下周",
        ] {
            assert!(!site_stamp(text), "{text}");
        }
        // A site's call to install its app.
        assert_eq!(classify("手机读报看新闻,下载掌上江城"), Class::Noise);
        // Its notice of rights, though a sentence.
        assert_eq!(
            classify(
                "版权声明：凡《江城日报》刊载作品，未经授权不得转载、摘编或利用其它方式使用。"
            ),
            Class::Noise
        );
        assert!(!app_prompt("市民可下载政务APP办理业务。"));
    }

    #[test]
    fn only_a_year_or_four_digits_in_a_row_may_hold_a_date() {
        assert!(may_hold_date("2024-01-02 要闻"));
        assert!(may_hold_date("二〇二六年五月"));
        assert!(may_hold_date("２０２４．０１．０２"));
        assert!(!may_hold_date("GDP增长5%左右"));
        assert!(!may_hold_date("第3计 出码神器"));
        assert!(!may_hold_date("12月3日"), "no year");
    }

    #[test]
    fn page_headers_are_known_anywhere_by_a_date_or_a_written_page_number() {
        assert!(is_page_header("第05版:综合新闻 PDF版阅读"));
        assert!(is_page_header("第01版:要闻 PDF版下载"));
        assert!(is_page_header("2023年07月21日 星期五"));
        assert!(!is_page_header("要闻"));
        assert!(!is_page_header("A2"));
        assert!(!is_page_header("第三届读书节开幕"));
        // The site's links beside the page's name are no part of it.
        assert!(is_page_header("第06版:区街新闻 上一版3  4下一版"));
        assert!(is_page_header("02版：要闻"));
        assert!(is_page_header("A03版 国际新闻"));
    }

    #[test]
    fn a_title_of_two_phrases_on_one_line_over_text_is_a_headline() {
        let text = "广西通过生态环保目标责任书 持续压紧压实党政主要领导第一责任人责任\n自治区生态环境保护委员会日前召开全体会议，听取了工作汇报。\n会议强调，要严守环境安全底线。\n中国环境报记者林小雨\n河北部署推进地下水超采综合治理 在节水换水补水管水方面加压发力\n河北省近日召开领导小组会议。\n";
        let lines = split(text);
        let titles: Vec<&str> = lines
            .iter()
            .filter(|l| l.class == Class::Short)
            .map(|l| l.text)
            .collect();
        assert_eq!(titles.len(), 2, "{titles:?}");
        // A line of text that happens to hold a space is no title: it carries marks.
        let text = "标题\n会议指出，要深入贯彻 落实各项部署，保护好山山水水。\n第二段。\n";
        assert!(
            split(text)
                .iter()
                .all(|l| !l.text.starts_with("会议") || l.class == Class::Text)
        );
    }

    #[test]
    fn a_dateline_alone_after_the_text_closes_the_article_above() {
        let text = "标题甲\n　　正文第一段，内容很多。\n　　　　新华社北京5月12日电\n\n标题乙\n";
        let lines = split(text);
        let d = lines
            .iter()
            .find(|l| l.text.starts_with("新华社"))
            .expect("line");
        assert_eq!(d.class, Class::Byline);
        // With text of its own under it, it leads that text.
        let text = "标题甲\n　　正文第一段，内容很多。\n新华社北京5月12日电\n　　国务院常务会议12日召开，部署了多项工作。\n";
        let lines = split(text);
        let d = lines
            .iter()
            .find(|l| l.text.starts_with("新华社"))
            .expect("line");
        assert_eq!(d.class, Class::Dateline);
    }

    #[test]
    fn a_page_number_with_its_ban_opens_a_header_line() {
        assert!(page_number_first("02版：要闻"));
        assert!(page_number_first("A3版 国际"));
        assert!(page_number_first("05版"));
        assert!(!page_number_first("3版新规出台"));
        assert!(!page_number_first("再版：说明"));
        assert!(!page_number_first("要闻"));
    }

    #[test]
    fn sample_lines_are_classified_by_shape() {
        assert_eq!(classify("“合纵连横”走在前 “港城标兵”作表率"), Class::Short);
        // Half-width quotation marks close a heading as full-width ones do.
        assert_eq!(classify("未雨绸缪，下好备汛\"先手棋\""), Class::Short);
        assert_eq!(classify("YMG全媒体记者 邵壮 王瑶 摄影报道"), Class::Byline);
        assert_eq!(
            classify("- ①组织机关党员参观延安革命纪念馆。"),
            Class::Caption
        );
        assert_eq!(classify("“产改”6周年巡礼"), Class::Label(LabelKind::Other));
        assert_eq!(
            classify(
                "东方航天港产业园区全面塑造高素质航天产业工人队伍—— 千名航天人奋战百亿级产业集群"
            ),
            Class::Merged
        );
        assert_eq!(
            classify("爱上这座城共建幸福城 写在江城连续第九次获评全国最具幸福感城市之际"),
            Class::Short
        );
        assert_eq!(classify("图片来自：江城交通署"), Class::Caption);
        assert_eq!(classify("图片来源:受访者"), Class::Caption);
        assert_ne!(classify("图片来自市民的投稿，经核实后刊发"), Class::Caption);
        // A title ending in its own mark, then its subtitle.
        assert_eq!(
            classify("江村渔民礼赞！——写在开渔节到来之际"),
            Class::Merged
        );
        assert_ne!(
            classify("好消息！今天开渔——渔民说：“快出海！”"),
            Class::Merged
        );
        assert_eq!(
            classify("本报讯(YMG全媒体记者 杨健 通讯员 秦雨)近日,烟台。"),
            Class::Dateline
        );
        assert_eq!(
            classify("“‘港城标兵’是烟台机关党建的工作目标。”"),
            Class::Text
        );
        assert_eq!(classify("一、坚持规划引领"), Class::Numbered);
        assert_eq!(classify("A2"), Class::Noise);
        assert_eq!(
            classify("58.44万粒“三无”减肥产品 夹藏进境被海关查获"),
            Class::Short
        );
    }

    #[test]
    fn a_title_with_its_column_in_brackets_is_a_headline() {
        assert!(titled_with_column("唤醒城市的“诗心”（金台随笔）"));
        assert!(titled_with_column("“预住院”服务的改革深意（新知）"));
        assert_eq!(classify("看足迹也要看实绩（纵横）"), Class::Short);
        assert!(!titled_with_column("我们来到了现场（记者 张三）"));
        assert!(!titled_with_column("他说得对。（笑）"));
        // A note of the pictures is no column, but the line is a title with it.
        assert!(titled_with_picture_note("地下通道里昨日积水成河(图)"));
        assert_eq!(column_after_title("地下通道里昨日积水成河（组图）"), None);
        assert!(titled_with_column("地下通道里昨日积水成河（组图）"));
        assert!(!titled_with_picture_note("见下（图）"));
        assert!(titled_with_picture_note("新世纪的第一个早晨（附图片4张）"));
        assert_eq!(column_after_title("江边迎来新年曙光（图片）"), None);
        assert!(picture_note("组图5张") && picture_note("附图三幅"));
        assert_eq!(
            column_after_title(
                "新思想的理论意义与实践要求（深入学习贯彻某某新思想·原创性概念标识性概念纵横谈）"
            ),
            Some((
                "新思想的理论意义与实践要求",
                "深入学习贯彻某某新思想·原创性概念标识性概念纵横谈"
            ))
        );
        assert!(campaign_series("奋进新征程·一线见闻"));
        assert!(!campaign_series("右为张三·李四"), "too short for a series");
        assert!(!campaign_series("左起：张三·李四·王五等人在现场"));
        assert!(!picture_note("图片新闻") && !picture_note("附图片说明"));
        assert!(titled_with_column(
            "摘掉不必要的牌子，扛起办实事的担子（编辑手记）"
        ));
        // A series' motto of two phrases.
        assert_eq!(
            column_after_title("江城打好转型升级攻坚战（坚定信心，开创发展新局面）"),
            Some(("江城打好转型升级攻坚战", "坚定信心，开创发展新局面"))
        );
        assert!(!titled_with_column("河水涨了（他说，水会退的）"));
    }

    #[test]
    fn citation_lines_of_page_exports_are_known_in_every_spacing() {
        for t in [
            "《人民日报》（2026年02月12日第 04 版）",
            "《长河日报》（2025年05月20日 05 版）",
            "《 人民日报 》（ 2023年11月28日 01 版）",
            "《光明日报》(2024年3月5日 第7版)",
        ] {
            assert_eq!(classify(t), Class::Citation, "{t}");
        }
        assert_ne!(classify("《红楼梦》（清代小说）"), Class::Citation);
    }

    #[test]
    fn a_role_word_alone_is_a_byline_whose_names_come_later() {
        assert!(role_alone("本报记者"));
        assert!(role_alone("■本报记者"));
        assert_eq!(classify("本报记者"), Class::Byline);
        assert!(!role_alone("本报记者林一"));
        assert!(role_alone("江城新闻·江城晚报记者"));
        assert_eq!(classify("江城新闻·江城晚报记者"), Class::Byline);
        assert!(!role_alone("本报评论员"), "a commentator signs by name");
    }

    #[test]
    fn a_reposts_note_of_the_printed_title_is_no_text() {
        for t in [
            "（原标题：港城新桥今起通车）",
            "原标题：港城新桥今起通车",
            "(原标题:新桥通车)",
        ] {
            assert!(original_title_note(t), "{t}");
            assert_eq!(classify(t), Class::Noise, "{t}");
        }
        assert!(!original_title_note("原标题是什么并不重要。"));
    }

    #[test]
    fn where_the_pictures_come_from_is_a_caption() {
        for t in [
            "资料图片",
            "受访者供图",
            "片方提供",
            "以上图片均为南州博物馆提供",
            "图片由南州市文旅局提供",
        ] {
            assert!(picture_source(t), "{t}");
            assert_eq!(classify(t), Class::Caption, "{t}");
        }
        for t in [
            "政策提供有力保障",
            "各地为群众提供优质服务，办事更方便",
            "提供",
        ] {
            assert!(!picture_source(t), "{t}");
        }
    }

    #[test]
    fn an_epaper_sites_navigation_is_noise() {
        for t in [
            "本版导读",
            "上一版",
            "返回目录",
            "语音播报: 语音播报",
            "朗读",
            "江城工人报官方网站 | 江工网首页 今天是",
        ] {
            assert_eq!(classify(t), Class::Noise, "{t}");
        }
        assert_ne!(classify("本版导读新闻"), Class::Noise);
        for t in [
            "展开通版",
            "收缩通版",
            "通版阅读请点击：",
            "内容详情",
            "返回该版首页",
            "本文字数:1442",
            "发布日期：",
        ] {
            assert_eq!(classify(t), Class::Noise, "{t}");
        }
        assert_ne!(classify("本文字数多达万余"), Class::Noise);
        assert_eq!(classify("当前版：04版"), Class::Header);
    }

    #[test]
    fn indents_of_every_kind_are_seen() {
        for raw in [
            "\u{3000}\u{3000}正文",
            "  正文",
            "\u{a0}\u{a0}\u{a0}\u{a0}正文",
            "\t正文",
            " \u{3000}正文",
        ] {
            assert!(indented(raw), "{raw:?}");
        }
        for raw in ["正文", " 正文", "\u{a0}正文"] {
            assert!(!indented(raw), "{raw:?}");
        }
    }

    #[test]
    fn a_series_label_may_be_long() {
        assert!(series_label("全省劳动模范和先进集体表彰系列报道"));
        assert_eq!(
            label_kind("全省劳动模范和先进集体表彰系列报道"),
            Some(LabelKind::Other)
        );
        assert!(!series_label("本报今起推出系列报道，敬请关注"));
        assert!(!series_label("系列报道"));
        // With the number of its part.
        for t in [
            "夏日生活·江城味道 关注市民暑期生活系列报道(3)",
            "江城工匠系列报道（三）",
            "江城工匠系列报道之三",
            "江城工匠系列报道③",
        ] {
            assert!(series_label(t), "{t}");
        }
        assert_eq!(
            without_part_number("江城工匠系列报道(12)"),
            "江城工匠系列报道"
        );
        assert_eq!(without_part_number("江城工匠之家"), "江城工匠之家");
    }

    #[test]
    fn a_quoted_title_over_a_byline_is_a_headline_line() {
        let text = "全省劳动模范表彰系列报道\n江城工匠林小雨：“核心技术买不来，必须自己干”\n\n本报记者 王小二\n\n走进车间，机器轰鸣。\n";
        let lines = split(text);
        assert_eq!(lines[0].class, Class::Label(LabelKind::Other));
        assert_eq!(lines[1].class, Class::Short);
        // With a sentence's mark inside the quotation, it is text.
        assert!(!looks_like_headline("他说：“核心技术买不来，必须自己干。”"));
    }

    #[test]
    fn the_pages_first_line_set_apart_over_its_text_is_a_title() {
        let title = "江城一面包连锁店多家门店关门，不少储值卡还没用完，记者调查发现... ...";
        let text = format!(
            "{title}\n\n18日，记者联系到品牌的一位工作人员。\n她表示，门店只是暂时关闭。\n"
        );
        assert_eq!(split(&text)[0].class, Class::Short);
        // Under a page header, with a question inside.
        let text = "第04版：社会\n\n机场撒泼？一女子强行冲闯登机口致航班延误，被行拘十日\n\n4月24日，一段视频引发关注。\n民警随后赶到。\n";
        assert_eq!(split(text)[1].class, Class::Short);
        // Not where every line is set apart by a blank line, nor over no text, nor a sentence.
        let spaced = format!(
            "{title}\n\n18日，记者联系到品牌的一位工作人员。\n\n她表示，门店只是暂时关闭。\n"
        );
        assert_eq!(split(&spaced)[0].class, Class::Text);
        let joined =
            format!("{title}\n18日，记者联系到品牌的一位工作人员。\n她表示，门店只是暂时关闭。\n");
        assert_eq!(split(&joined)[0].class, Class::Text);
        let sentence =
            "门店关门以后，储值卡还没用完。\n\n18日，记者联系到工作人员。\n她表示暂时关闭。\n";
        assert_eq!(split(sentence)[0].class, Class::Text);
    }

    #[test]
    fn a_text_whose_credit_names_its_writer_apart_is_no_caption() {
        let t = "社区负责人表示，此次活动增强了居民的环保意识。(林某 文 江城妇联 摄)";
        assert_eq!(classify(t), Class::Text);
        let lines = split(t);
        assert!(lines[0].glued_credit);
        // The photographer's credit alone: a caption.
        assert_eq!(classify("居民在社区分拣垃圾。(赵某某 摄)"), Class::Caption);
        assert_eq!(
            classify("居民在社区分拣垃圾。(记者 林某 摄)"),
            Class::Caption
        );
    }

    #[test]
    fn a_word_in_square_brackets_opens_a_line() {
        assert_eq!(
            bracket_tag("【创城在行动】扫雪除冰"),
            Some(("创城在行动", "扫雪除冰"))
        );
        assert_eq!(bracket_tag("[影像] 瑞雪"), Some(("影像", "瑞雪")));
        assert_eq!(bracket_tag("【链接】"), Some(("链接", "")));
        assert_eq!(bracket_tag("【没有合上"), None);
        assert_eq!(bracket_tag("瑞雪【影像】"), None);
    }

    #[test]
    fn a_prompt_to_scan_a_printed_code_is_noise() {
        for t in [
            "扫扫二维码",
            "扫码看视频",
            "扫一扫 了解更多",
            "扫描二维码观看直播",
            "长按识别二维码",
        ] {
            assert!(qr_prompt(t), "{t}");
            assert_eq!(classify(t), Class::Noise, "{t}");
        }
        for t in [
            "扫描仪进了社区",
            "扫码支付成了习惯，老人却犯了难。",
            "扫黑除恶",
            "扫码支付走进菜市场",
        ] {
            assert!(!qr_prompt(t), "{t}");
        }
    }

    #[test]
    fn a_pictures_placeholder_is_noise() {
        for t in ["图一", "图三", "图2", "图12", "（图）", "图"] {
            assert!(picture_placeholder(t), "{t}");
            assert_eq!(classify(t), Class::Noise, "{t}");
        }
        for t in ["图为江城新貌", "图书", "图一为江城新貌。"] {
            assert!(!picture_placeholder(t), "{t}");
        }
    }

    #[test]
    fn a_long_kicker_over_a_credited_title_is_a_headline_line() {
        let kicker = "今年全省春茶产量突破五万吨，价格与去年基本持平略有上涨";
        let text = format!(
            "第11版：文化\n\n{kicker}\n\n茶山迎来采摘忙（产业新观察）\n\n本报记者  林  一\n\n清明前后，茶农们忙着采摘。\n"
        );
        let lines = split(&text);
        let at = lines.iter().position(|l| l.text == kicker).unwrap_or(0);
        assert_eq!(lines[at].class, Class::Short);
        // The same line over a paragraph, or cut from the paragraph above, stays text.
        let text = format!("{kicker}\n\n清明前后，茶农们忙着采摘。\n");
        assert_eq!(split(&text)[0].class, Class::Text);
        let lines = split(
            "茶农说，今年的春茶\n\n产量突破了五万吨，价格与去年基本持平而品质略有提升\n\n茶山迎来采摘忙\n\n本报记者  林  一\n",
        );
        assert_eq!(lines[1].class, Class::Text);
        // A kicker trailing off into the title.
        let lines = split(
            "第13版：社会\n\n冒充熟人、虚构订单、伪造客服……\n\n花样翻新的骗局，怎样识破？\n\n本报记者  林  一\n\n一个电话打来，对方自称是快递员。\n",
        );
        assert_eq!(lines[1].class, Class::Short);
        // A kicker asking the question the title answers.
        let lines = split(
            "老店主转移资产，新店主收了预付款就跑？\n\n怎样让“跑路”套路行不通（经济观察）\n\n本报记者  林  一\n\n预付卡纠纷今年多了起来。\n",
        );
        assert_eq!(lines[0].class, Class::Short);
        // A question over text is no kicker.
        let lines = split(
            "预付卡纠纷今年多了起来。\n\n老店主转移资产，新店主收了预付款就跑？\n\n消费者找到了市场监管部门。\n",
        );
        assert!(!kicker_over_credited_title(&lines, 1));
    }

    #[test]
    fn a_label_known_by_its_ending_alone_can_be_a_title() {
        assert!(label_by_ending_alone("铺路决战进行时"));
        assert!(!label_by_ending_alone("简讯"));
        assert_eq!(label_kind("要闻简报"), Some(LabelKind::Brief));
        assert!(!label_by_ending_alone("图片新闻"));
        assert!(!label_by_ending_alone("进行时"));
    }

    #[test]
    fn a_school_and_class_over_a_pupils_name_is_part_of_the_credit() {
        assert!(school_class("江城中心小学402班"));
        assert!(school_class("江城实验中学"));
        assert!(!school_class("小学生在老街研学"));
        let lines = split(
            "特别的乐园\n江城中心小学402班\n林小雨(证号2302056)\n我的乐园会移动，是白色的。\n",
        );
        assert_eq!(lines[1].class, Class::Author);
        // Over the text, with no pupil named under it, it stays a headline line.
        let lines = split("特别的乐园\n江城中心小学402班\n我的乐园会移动，是白色的。\n");
        assert_eq!(lines[1].class, Class::Short);
    }

    #[test]
    fn a_place_with_a_colon_over_a_title_is_its_kicker() {
        assert!(place_with_colon("甘州区："));
        assert!(place_with_colon("江城区某某镇金星村:"));
        assert!(!place_with_colon("记者了解到："));
        assert!(!place_with_colon("区："));
        let lines = split(
            "正文一段。\n本报记者 林小雨摄\n江城区某某镇金星村：\n垃圾堆在渠边群众呼吁整治\n4月7日下午，记者在村里看到垃圾堆在渠边。\n",
        );
        assert_eq!(lines[2].class, Class::Short);
        // Over a paragraph it is the text's.
        let lines = split("江城区某某镇金星村：\n4月7日下午，记者在村里看到垃圾堆在渠边。\n");
        assert_ne!(lines[0].class, Class::Short);
    }

    #[test]
    fn a_caption_pointing_at_its_picture_under_another_is_a_caption() {
        let lines = split("▲同学们参观老街。\n▶同学们在拼装鲁班锁。\n4月18日，同学们来到老街。\n");
        assert_eq!(lines[1].class, Class::Caption);
        assert_eq!(lines[2].class, Class::Text);
        // Without a caption so marked above it, the mark opens a brief's line.
        let lines = split("正文一段。\n▶同学们在拼装鲁班锁。\n");
        assert_eq!(lines[1].class, Class::Text);
    }

    #[test]
    fn a_speaker_with_a_colon_over_a_quoted_title_is_its_kicker() {
        let page = "今年以来新签约项目三十个。\n记者 林一\n外地游客游玩四天，离开江城吐心声：\n“不虚此行 江城美食太赞了”\n一个人在江城游玩四天，手机里装满了美景。\n";
        let lines = split(page);
        assert_eq!(lines[2].class, Class::Short);
        // In the text, words said end in a sentence's mark inside the quotation.
        let lines = split(
            "记者 林一\n游客们离开时纷纷说：\n“不虚此行，美食太赞了。”\n随后他们登上了返程的列车。\n",
        );
        assert!(!speaker_over_quoted_title(&lines, 1));
        // Within a text, a colon line is the text's, whatever follows it.
        let lines = split(
            "一个人在江城游玩四天，手机里装满了美景。\n离开江城时，她在网上吐心声：\n“不虚此行 江城美食太赞了”\n",
        );
        assert!(!speaker_over_quoted_title(&lines, 1));
    }

    #[test]
    fn a_column_tag_before_a_title_over_its_writer_is_a_headline_line() {
        let lines = split(
            "正文一段。\n【江城天地】 江城明天怎么办?\n思 旋\n举国欢庆之际，人们记起往事。\n",
        );
        assert_eq!(lines[1].class, Class::Short);
        assert_eq!(lines[2].class, Class::Name);
        let lines = split("正文一段。\n【点评】说得好\n这一做法值得推广。\n");
        assert_eq!(
            lines[1].class,
            Class::Numbered,
            "a keyword heading of the text"
        );
    }

    #[test]
    fn two_characters_a_space_apart_under_a_title_are_its_writer() {
        let lines = split("功夫不只在四月\n啸 尘\n很温暖，十几位朋友到江城游玩。\n");
        assert_eq!(lines[1].class, Class::Name);
        let lines = split("正文一段。\n啸 尘\n很温暖，十几位朋友到江城游玩。\n");
        assert_ne!(lines[1].class, Class::Name, "under text it is no signature");
    }

    #[test]
    fn a_places_name_over_an_item_where_others_are_labelled_so_is_its_label() {
        let page = "乐山\n品味书香\n市民在图书馆阅读。 林一 摄\n巴中\n感受川剧\n游客在古镇看川剧。 陈二 摄\n";
        let lines = split(page);
        assert_eq!(lines[3].text, "巴中");
        assert_eq!(lines[3].class, Class::Short);
        // With no item labelled so, it stays a name.
        let lines = split(
            "品味书香\n市民在图书馆阅读。 林一 摄\n巴中\n感受川剧\n游客在古镇看川剧。 陈二 摄\n",
        );
        assert_eq!(lines[2].class, Class::Name);
    }

    #[test]
    fn an_empty_field_of_a_web_page_is_noise() {
        assert!(empty_field("作者:"));
        assert!(empty_field("来源："));
        assert!(!empty_field("作者：林一"));
        assert!(!empty_field("主要内容："));
        assert_eq!(classify("作者:"), Class::Noise);
    }

    #[test]
    fn a_kicker_announcing_its_title_with_a_colon_is_a_headline_line() {
        assert!(colon_kicker("某某网载文："));
        assert!(colon_kicker("专家提醒:"));
        assert!(!colon_kicker("他说："), "too short");
        assert!(!colon_kicker("据介绍，主要措施有："), "a sentence's start");
        let lines = split(
            "第02版：要闻\n某某网载文：\n江城茶叶成了城市“名片”\n  本报讯（记者 林一）近日，某某网专栏载文。\n",
        );
        assert_eq!(lines[1].class, Class::Short);
        // At the page's top it heads its title over uncredited text too.
        let lines = split(
            "第02版：要闻\n一位老住户的心愿：\n让老街的路灯再亮起来\n老街的路灯已经熄了大半年。\n",
        );
        assert_eq!(lines[1].class, Class::Short);
        // Over a list in the text it stays text, also where a page's text opens without header.
        let lines = split("会议提出三项要求：\n加强监管\n完善机制。\n");
        assert_eq!(lines[0].class, Class::Text);
        let lines = split("正文一段。\n会议提出三项要求：\n加强监管\n完善机制。\n");
        assert_eq!(lines[1].class, Class::Text);
        // Three phrases are a paragraph's sentence, cut by a column break, not a kicker.
        let lines = split(
            "正文一段。\n乡里组织了十台收割机和农机手，分片包干，优先帮助缺少劳力的农户\n烘干中心投入使用\n本报记者 孙 晴\n新建的烘干中心本周投入使用。\n",
        );
        assert_eq!(lines[1].class, Class::Text);
    }

    #[test]
    fn a_kicker_leading_into_the_title_with_a_dash_is_a_headline_line() {
        for t in [
            "某地一干部当起“黑中介”，转卖上千件业务——",
            "各地迅速启动部署、有力有序开展——",
            "南州市北湖区强化党建引领城市更新——",
        ] {
            assert!(kicker_into_title(t), "{t}");
            assert_eq!(classify(t), Class::Short, "{t}");
        }
        for t in [
            "他说——",
            "会议指出，要抓紧检修渠道。各地要确保按时放水——",
            "——浙江实施文化特派员制度的探索与实践",
        ] {
            assert!(!kicker_into_title(t), "{t}");
        }
    }

    #[test]
    fn a_citation_glued_to_a_byline_or_an_author_is_cut_off_as_its_own_line() {
        let lines = split("本报记者  林  一  王小二《长河日报》（2025年04月08日第 02 版）\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "本报记者  林  一  王小二");
        assert_eq!(lines[0].class, Class::Byline);
        assert_eq!(lines[1].class, Class::Citation);
        assert_eq!(lines[1].start, "本报记者  林  一  王小二".len());
        let lines = split("何  川《长河日报》（2025年05月13日第 05 版）\n");
        assert_eq!(lines[0].text, "何  川");
        assert_eq!(lines[1].class, Class::Citation);
        // A book named at a line's end is no citation.
        assert_eq!(split("他最爱读《红楼梦》（人民文学出版社）\n").len(), 1);
    }

    #[test]
    fn a_long_first_line_over_whole_paragraphs_is_the_title() {
        let para =
            "江城今年新建口袋公园三十个，居民在家门口就能散步健身，老人们都说这下真是方便多了。";
        // Every line set apart by a blank line, every paragraph ending a sentence.
        let text = format!(
            "全省各市热议省委全会提出的城市更新新举措 多措并举 推动老城区焕发新活力\n\n{para}\n\n{para}\n\n{para}\n"
        );
        let lines = split(&text);
        assert_eq!(lines[0].class, Class::Short);
        // Paragraphs that run on without a mark: the first line may be the head of one.
        let text = format!(
            "全省各市热议省委全会提出的城市更新新举措 多措并举 推动老城区焕发新活力\n\n{para}\n\n居民们说这下方便多了\n\n{para}\n"
        );
        assert_eq!(split(&text)[0].class, Class::Text);
    }

    #[test]
    fn the_short_lines_under_a_lists_label_are_its_items() {
        let lines = split(
            "本期嘉宾：\n江城大学教授林小雨\n长河研究院研究员王小二\n他们认为，夏季风来得早。\n",
        );
        assert_eq!(lines[1].class, Class::Text);
        assert_eq!(lines[2].class, Class::Text);
        // One short line after a speaker's colon is a quoted title, not a list.
        let lines = split("外交部：\n“深感痛心”\n");
        assert_ne!(lines[1].class, Class::Text);
        assert!(list_label("本期嘉宾："));
        assert!(!list_label("江城晚报专访市物价局相关负责人："));
        // A site's empty field heads no list: the headline group under it stays one.
        let lines = split(
            "发布日期:
“重回老街认不出了”
老街“换新衣”，更在“强气质”
记者 林小雨
",
        );
        assert_eq!(lines[0].class, Class::Noise);
        assert_ne!(lines[1].class, Class::Text);
        assert_ne!(lines[2].class, Class::Text);
    }

    #[test]
    fn a_headline_run_together_with_its_text_is_cut_at_the_wide_gap() {
        let lines = split(
            "机动车行驶证电子化   新华社北京11月3日电 记者3日从公安部获悉，电子行驶证推广。\n",
        );
        assert_eq!(lines[0].text, "机动车行驶证电子化");
        assert_eq!(lines[1].class, Class::Dateline);
        assert_eq!(lines[1].start, "机动车行驶证电子化   ".len());
        let lines = split(
            "暂别晴暖天气,山东多地迎小雨雪   本报济南2月12日讯 昨天，全省多云。今天有小雨雪。\n",
        );
        assert_eq!(lines[0].class, Class::Short);
        assert_eq!(lines[1].class, Class::Dateline);
        let lines = split("记者 张三   李四\n");
        assert_eq!(lines.len(), 1);
        // One space before the paper's dateline sets the headline apart as well.
        let lines = split(
            "别人开窗是江景 住这儿开窗是垃圾场 本报讯 近段时间，不少居民反映楼下堆满了垃圾。\n",
        );
        assert_eq!(lines[0].text, "别人开窗是江景 住这儿开窗是垃圾场");
        assert_eq!(lines[0].class, Class::Short);
        assert_eq!(lines[1].class, Class::Dateline);
        // A title listing the bodies that report, up to 80 characters.
        let head = "江城市委常委 市人大常委会 市政府 市政协党组成员 市中级人民法院 市人民检察院 \
                    市公安局党组书记向市委和市委书记书面述职报告工作";
        let text =
            format!("{head}   本报江城3月2日电 根据有关规定，有关同志每年向市委书面述职。\n");
        let lines = split(&text);
        assert!(head.chars().count() > 64);
        assert_eq!(lines[0].text, head);
        assert_eq!(lines[0].class, Class::Short);
        assert_eq!(lines[1].class, Class::Dateline);
        // A dateline and its credit set apart from the text are not a headline.
        let lines = split(
            "江城晚报讯 记者林小雨 通讯员王小二报道    记者从学校获悉，为帮助家庭困难的学生，该校启动了救助机制。\n",
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].class, Class::Dateline);
    }

    #[test]
    fn long_lines_are_paragraphs_captions_datelines_or_editors_notes() {
        let body = "全市四百多所中小学校门口都设立了护学岗，交警、家长志愿者和老师一起疏导交通。"
            .repeat(3);
        assert_eq!(classify(&body), Class::Text);
        assert_eq!(
            classify(&format!("本报讯（记者 林晓）{body}")),
            Class::Dateline
        );
        assert_eq!(classify(&format!("图为{body}")), Class::Caption);
        assert_eq!(classify(&format!("编者按：{body}")), Class::EditorNote);
    }

    #[test]
    fn labels_are_read_without_their_marks() {
        assert_eq!(bare_label("□乡土人物"), "乡土人物");
        assert_eq!(bare_label("【链接】"), "链接");
        assert_eq!(bare_label("▌ 新知"), "新知");
        assert!(is_sidebar_label("【链接】"));
        assert!(is_sidebar_label("记者手记："));
    }

    #[test]
    fn a_notes_signature_and_a_bracketed_column_are_read() {
        assert!(is_note_signature("——编  者"));
        assert!(is_note_signature("——编\u{3000}者"));
        assert!(!is_note_signature("编者按：今天是文化和自然遗产日。"));
        assert_eq!(
            column_after_title("小店铺里的大民生（城市烟火·走近社区商业）"),
            Some(("小店铺里的大民生", "城市烟火·走近社区商业"))
        );
        assert_eq!(column_after_title("老手艺的新生（上）"), None);
    }

    #[test]
    fn speaker_attribution_names_a_post_and_a_person() {
        assert!(speaker_attribution("江城市长河区住建局副局长林小雨"));
        assert!(speaker_attribution("南州大学教授王小二"));
        assert!(speaker_attribution("长河村村民张三丰"));
        // Subtitles about a person, and lines that name no one.
        assert!(!speaker_attribution("记长河村党支部书记林小雨"));
        assert!(!speaker_attribution("访南州大学教授王小二"));
        assert!(!speaker_attribution("江城市推进老旧小区改造纪实"));
        assert!(!speaker_attribution("南州大学教授"));
        assert!(!speaker_attribution("林小雨"));
    }

    #[test]
    fn a_quotations_source_closes_the_text_above() {
        assert!(quotation_source("——江城市长河区住建局副局长林小雨"));
        assert!(quotation_source("——摘自《长河志》"));
        assert!(!quotation_source("——记长河村党支部书记林小雨"));
        assert!(!quotation_source("江城市长河区住建局副局长林小雨"));
    }

    #[test]
    fn interview_turns_are_sentences_after_a_speaker() {
        assert!(is_interview_turn("记者：传承和创新之间如何把握分寸？"));
        assert!(is_interview_turn("沈若兰：这是好事。"));
        assert!(!is_interview_turn("东营：营商环境优化结硕果"));
        assert!(!is_interview_turn("海阳市：一刻钟便民生活圈亮点纷呈"));
    }

    #[test]
    fn jump_markers_are_cut_off_their_lines() {
        let lines = split("推进工作。(下转第六版)\n(上接第一版)各地积极行动。\n");
        let classes: Vec<_> = lines.iter().map(|l| (l.text, l.class)).collect();
        assert_eq!(classes[0], ("推进工作。", Class::Text));
        assert_eq!(classes[1], ("(下转第六版)", Class::Jump));
        assert_eq!(classes[2], ("(上接第一版)", Class::Jump));
        assert_eq!(classes[3], ("各地积极行动。", Class::Text));
    }

    #[test]
    fn a_dashed_line_under_a_dashed_line_of_text_is_a_list_item() {
        let lines = split(
            "正文一段。\n——大山、小山……一个个地名，说尽了山多地少，\n——“缺水、少土”，一语道破山区生活的艰辛……\n",
        );
        assert_eq!(lines[2].class, Class::Text);
        let lines = split("一梦越山海\n——来自南方的发展报告\n□本报记者 林一\n");
        assert_eq!(lines[1].class, Class::Subtitle);
    }

    #[test]
    fn a_title_listing_many_bodies_over_a_dateline_is_a_headline() {
        let title = "市委常委 市人大常委会 市政府 市政协党组成员 市监察委员会 市中级人民法院 市人民检察院党组书记向市委常委会和市委书记书面述职述廉";
        assert!(title.chars().count() > 64);
        let text =
            format!("{title}\n新华社北京3月2日电 根据有关规定，有关领导同志向市委书面述职。\n");
        assert_eq!(split(&text)[0].class, Class::Short);
    }

    #[test]
    fn a_long_title_over_a_marker_continuing_an_article_is_its_jump_head() {
        let lines = split(
            "推进工作。(下转第六版)\n江城基层工作片区联盟 “三交”助“三促”工作现场会在城东召开\n(紧接第一版)会议要求坚持底线思维。\n",
        );
        assert_eq!(lines[2].class, Class::Short);
        assert_eq!(lines[3].class, Class::Jump);
    }
}
