//! Page furniture recognised by its own shape: header lines, editor credits, jump markers.

use crate::normalize::{collapse_spaces, is_han};

/// What one header line told about the page.
#[derive(Debug, Default)]
pub(crate) struct HeaderLine {
    pub date: Option<String>,
    pub page: Option<String>,
    pub section: Option<String>,
    /// Tokens that only a header holds (a paper name, an issue number, a weekday).
    pub other: bool,
    /// Editors printed after the header tokens on the same line.
    pub editors: Vec<String>,
}

/// Page names printed in the header on their own line (`要闻`), or standing next to the date.
const PAGE_NAMES: &[&str] = &[
    "头版",
    "要闻",
    "综合",
    "城事",
    "城市",
    "经济",
    "财经",
    "国内",
    "国际",
    "体育",
    "文化",
    "副刊",
    "民生",
    "社会",
    "时政",
    "评论",
    "理论",
    "教育",
    "健康",
    "科技",
    "法治",
    "视觉",
    "区县",
    "县域",
    "专版",
    "专题",
    "文体",
    "天下",
    "新闻",
    "本地",
    "地方",
    "深度",
    "文旅",
    "农业",
    "生活",
    "观点",
    "党建",
    "海洋",
    "读书",
    "周刊",
    "乡村振兴",
    "文化周刊",
    "城市新闻",
    "本埠新闻",
    "经济新闻",
    "国内新闻",
    "国际新闻",
];

/// Whether `s` is a page name as headers print it.
pub(crate) fn is_page_name(s: &str) -> bool {
    PAGE_NAMES.contains(&s)
        || (s.chars().count() <= 6 && (s.ends_with("新闻") || s.ends_with("周刊")))
}

/// Parses a line made only of header tokens: date, weekday, page number, page or paper name.
pub(crate) fn parse_header_line(line: &str) -> Option<HeaderLine> {
    header_tokens(line).or_else(|| page_named_at_length(line))
}

/// A page's number written out and its name after a colon, the name however long a special
/// page makes it (`第A6版:西望南京 关注某某路网改造·某某高架爆破`): the written-out number opens
/// the line, so it is the page's header.
fn page_named_at_length(line: &str) -> Option<HeaderLine> {
    let line = line.trim();
    if !line.starts_with('第') || line.len() > 150 {
        return None;
    }
    let (number, name) = line.split_once([':', '：'])?;
    let name = name.trim();
    let n = name.chars().count();
    (is_page_token(number.trim())
        && (2..=40).contains(&n)
        && !name.contains(['。', '，', '；', '！', '？', ',', ':', '：'])
        && !name.chars().any(|c| c.is_ascii_digit()))
    .then(|| HeaderLine {
        page: Some(page_number(number.trim())),
        section: Some(name.to_owned()),
        ..HeaderLine::default()
    })
}

/// Reads a header line token by token (see [`parse_header_line`]).
fn header_tokens(line: &str) -> Option<HeaderLine> {
    // Most lines are sentences: no header holds sentence punctuation.
    if line.len() > 240
        || line.contains(['。', '，', '；', '！', '？'])
        || line.chars().count() > 60
    {
        return None;
    }
    // `2024年06月18日 第03版 本版编辑：张三`: editors after the header tokens.
    let editors_at = line.char_indices().find(|&(i, c)| {
        i > 0
            && line[..i].ends_with(|p: char| p.is_whitespace())
            && !c.is_whitespace()
            && editor_role_at(&line[i..]).is_some()
    });
    if let Some((at, _)) = editors_at {
        let editors = parse_editors(line[at..].trim())?;
        let mut out = parse_header_line(line[..at].trim_end())?;
        out.editors = editors;
        return Some(out);
    }
    // `字数：293 2025年11月09日 约会哈尔滨`: an e-paper site counts the article's characters
    // before the issue's date and the page's name.
    // The page's name may be a special section's title of several words: the date alone is
    // read then.
    if let Some(rest) = after_character_count(line) {
        return parse_header_line(rest)
            .or_else(|| parse_header_line(rest.split_whitespace().next()?))
            .filter(|h| h.date.is_some());
    }
    if let Some(closed) = date_closed_up(line) {
        return parse_header_line(&closed);
    }
    let mut out = HeaderLine::default();
    if let Some(channel) = breadcrumb(line) {
        out.other = true;
        out.section = channel.map(str::to_owned);
        return Some(out);
    }
    let mut names = Vec::new();
    // Brackets too: exports cite the page as `《 人民日报 》（ 2023年11月28日 01 版）`.
    let separator = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '：'
                    | ','
                    | '，'
                    | '|'
                    | '｜'
                    | '《'
                    | '》'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '【'
                    | '】'
                    | '['
                    | ']'
                    | '·'
                    | '•'
                    | '>'
                    | '＞'
            )
    };
    // A web export's source line carries an address and a time of day: set aside before the
    // tokens are split at colons.
    let mut kept: Vec<&str> = Vec::new();
    for word in line.split_whitespace() {
        if is_url(word) || is_clock_time(word) {
            out.other = true;
        } else if let Some((_, rest)) = parse_date(word)
            && !rest.is_empty()
            && is_clock_time(rest)
        {
            out.other = true;
            kept.push(word.get(..word.len() - rest.len()).unwrap_or(word));
        } else {
            kept.push(word);
        }
    }
    let kept = kept.join(" ");
    let line = kept.as_str();
    let mut previous_was_page = false;
    let mut first_token = true;
    // A web export's source line: `来源：人民日报 2023-11-28`, `http://… 2006年11月02日08:07 某报`.
    let mut after_source_label = false;
    let mut tokens = line.split(separator).filter(|t| !t.is_empty()).peekable();
    // Loose marks of an issue number are the header's only beside its date or page.
    let mut apart = false;
    let mut previous: Option<&str> = None;
    while let Some(token) = tokens.next() {
        let before = previous.replace(token);
        // `3340 期 / 第5版`: the issue's number apart from its 期, a slash between it and the page.
        if issue_number_apart(before, token, tokens.peek().copied())
            || token == "/"
            || token == "／"
        {
            apart = true;
            continue;
        }
        // `版面：头版`, as a database's record names the page; `出版日期：…` before the date.
        if [
            "版面",
            "版次",
            "版名",
            "出版日期",
            "出版时间",
            // `2015年11月17日 星期二 出版`, as an e-paper site dates the issue.
            "出版",
            "见报日期",
            "刊发日期",
            // `当前版：04版`, as an e-paper site names the page shown.
            "当前版",
            // `2005年9月14日,星期三(GMT+8 北京时间)`, as a site dates the page it shows.
            "北京时间",
        ]
        .contains(&token)
        {
            out.other = true;
            continue;
        }
        if SOURCE_LABELS.contains(&token) {
            out.other = true;
            after_source_label = true;
            continue;
        }
        // An e-paper site's links beside the page's name: `第AA08版:郑运动 上一版3`.
        if crate::lines::navigation_word(token) {
            out.other = true;
            continue;
        }
        // The paper named after `来源：` is no page name.
        if std::mem::replace(&mut after_source_label, false)
            && token.chars().count() <= 12
            && token.chars().all(is_han)
        {
            continue;
        }
        // `01 版`: the page number and its 版 apart.
        let was_page = std::mem::replace(&mut previous_was_page, false);
        if token == "版" && was_page {
            continue;
        }
        // `第 15 版`: the 第 apart from its number; `某某日报 - 20260605`: a dash between the
        // paper and its date.
        if token == "第" || dash_only(token) && !std::mem::take(&mut first_token) {
            continue;
        }
        first_token = false;
        if let Some((date, rest)) = parse_date(token) {
            out.date.get_or_insert(date);
            if let Some(page) = paper_after_date(rest) {
                out.other = true;
                if !page.is_empty() {
                    out.page.get_or_insert_with(|| page_number(page));
                }
            } else if !rest.is_empty() && !is_weekday(rest) {
                return None;
            }
        } else if is_weekday(token) || token.starts_with("农历") && token.chars().count() <= 10 {
            out.other = true;
        } else if is_page_token(token) {
            out.page.get_or_insert_with(|| page_number(token));
            previous_was_page = true;
        } else if let Some(pages) = spread_pages(token) {
            out.page.get_or_insert(pages);
        } else if is_epaper_link(token)
            || (token.starts_with('第') || token.starts_with("总第"))
                && (token.ends_with('期') || token.ends_with('号'))
            || token.starts_with("今日") && token.ends_with('版')
            || token.starts_with("CN") && token.len() <= 12
            || utc_offset(token)
            || outlet_of_paper(token)
        {
            out.other = true;
        } else if (token.chars().count() <= 8 || out.page.is_some() && token.chars().count() <= 12)
            && token.chars().all(is_han)
            && token != "版"
        {
            // A page's name beside its number may be longer (`第C07版：全媒体生活服务平台`).
            names.push(token);
        } else if out.page.is_some() && anniversary_page_name(token) {
            names.push(token);
        } else if let Some((a, b)) = token.split_once('/')
            && [a, b]
                .iter()
                .all(|p| (1..=8).contains(&p.chars().count()) && p.chars().all(is_han))
        {
            // `文体新闻/体育`: two page names joined by a slash.
            names.push(a);
            names.push(b);
        } else {
            return None;
        }
    }
    // Page names joined by `·` (`深圳·广州`, `体育·财经`) are one page name.
    let mut sections: Vec<&str> = Vec::new();
    for name in names {
        // The paper's name, or its e-paper edition's (`江城日报 数字报纸`): no page's name.
        if paper_name(name) || crate::lines::EDITION_WORDS.contains(&name) {
            out.other = true;
        } else {
            sections.push(name);
        }
    }
    // A page's name padded with spaces to its width (`第03版：城 事`) is one name.
    if padded_name(&sections) {
        out.section = Some(sections.concat());
        sections.clear();
    }
    match sections.as_slice() {
        [] => {}
        [one] => out.section = Some((*one).to_owned()),
        [a, b] if line.contains(&format!("{a}·{b}")) => out.section = Some(format!("{a}·{b}")),
        [a, b] if line.contains(&format!("{a}/{b}")) => out.section = Some(format!("{a}/{b}")),
        // A special page's name of two phrases beside the issue's date or page number
        // (`2025年11月09日 约会哈尔滨 冰雪暖世界`).
        // Each phrase four characters at least: two names a web page gives its writers
        // (`作者：张某某 李某某`) are no page's name.
        [a, b]
            if (out.date.is_some() || out.page.is_some())
                && a.chars().count() >= 4
                && b.chars().count() >= 4
                && line.contains(&format!("{a} {b}")) =>
        {
            out.section = Some(format!("{a} {b}"));
        }
        _ => return None,
    }
    if apart && out.date.is_none() && out.page.is_none() {
        return None;
    }
    (out.date.is_some() || out.page.is_some() || out.section.is_some() || out.other).then_some(out)
}

/// Whether a header token is only a dash set between two others (`-`, `—`, `–`).
/// A date printed with spaces between its numbers and their characters
/// (`2008 年 12 月 3 日 星期三`), closed up (`2008年12月3日 星期三`); `None` where the line has
/// no such date.
fn date_closed_up(line: &str) -> Option<String> {
    // A space next to 年 or 月: most lines are done with by one search.
    if !["年 ", " 年", "月 ", " 月"]
        .iter()
        .any(|w| line.contains(w))
    {
        return None;
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut closed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            let end = (i..chars.len())
                .find(|&j| !chars[j].is_whitespace())
                .unwrap_or(chars.len());
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(end).copied();
            let digit_then_unit = before.is_some_and(|b| b.is_ascii_digit())
                && matches!(after, Some('年' | '月' | '日'));
            let unit_then_digit =
                matches!(before, Some('年' | '月')) && after.is_some_and(|a| a.is_ascii_digit());
            if digit_then_unit || unit_then_digit {
                closed = true;
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    let dated = || {
        out.split_whitespace()
            .any(|t| t.contains('年') && parse_date(t).is_some())
    };
    (closed && dated()).then_some(out)
}

/// Whether the header's token `k` is an issue's number printed apart from its 期 (`3340 期`),
/// or that 期.
fn issue_number_apart(before: Option<&str>, token: &str, after: Option<&str>) -> bool {
    let number = |t: &str| (1..=6).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if token == "期" {
        return before.is_some_and(number);
    }
    number(token) && after == Some("期")
}

fn dash_only(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| matches!(c, '-' | '—' | '–' | '－'))
}

/// A site and the paper whose copy it carries, joined by a hyphen, as a web copy's source line
/// names them (`四川在线-华西都市报`): no page name.
fn outlet_of_paper(token: &str) -> bool {
    token.split_once(['-', '－']).is_some_and(|(site, paper)| {
        (2..=8).contains(&site.chars().count())
            && site.chars().all(is_han)
            && (3..=8).contains(&paper.chars().count())
            && paper.chars().all(is_han)
            && paper_name(paper)
    })
}

/// A time zone as a site prints it beside the date: `GMT+8`, `UTC+08:00` (split at its colon),
/// `GSM+8` (a site's typing of `GMT`).
fn utc_offset(token: &str) -> bool {
    ["GMT", "UTC", "GSM"]
        .iter()
        .find_map(|z| token.strip_prefix(z))
        .and_then(|r| r.strip_prefix(['+', '-']))
        .is_some_and(|h| (1..=2).contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit()))
}

/// What follows a paper's name glued after a date (`1957年7月20日人民日报 第3版`, or with the
/// page glued too: `2001年6月28日人民日报第3版`), as a paper's database of back issues heads
/// each page: the page token, or `""`; `None` when no paper's name follows the date.
fn paper_after_date(rest: &str) -> Option<&str> {
    let (paper, page) = match rest.find('第') {
        Some(at) if at > 0 => rest.split_at(at),
        _ => (rest, ""),
    };
    ((2..=12).contains(&paper.chars().count())
        && paper.chars().all(is_han)
        && paper_name(paper)
        && (page.is_empty() || is_page_token(page)))
    .then_some(page)
}

/// A news site's trail to the article (`您现在的位置：首页 > 城事 > 城生活 > 正文`): the page's
/// furniture, naming the channel the article is filed in (the first step after the home
/// page, `城事`) where it names one. `None` when the line is no such trail.
/// A trail may also stand without its label when it starts at the home page and has two
/// steps more (`logo 首页 > 文汇报 > 港闻 > 正文`, the site's logo copied as a word); the
/// paper's own name is no channel.
pub(crate) fn breadcrumb(line: &str) -> Option<Option<&str>> {
    const SEPARATORS: [char; 4] = ['>', '＞', '»', '›'];
    const HOME: [&str; 4] = ["首页", "网站首页", "主页", "Home"];
    let labelled = ["您现在的位置", "您的位置", "当前位置", "现在位置"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .and_then(|rest| rest.strip_prefix([':', '：']));
    let rest = match labelled {
        Some(rest) => rest,
        None => {
            let rest = line
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .trim_start();
            // Told from the line's start: the home page's word, then a separator; or, without
            // it, three steps or more of a site's channels (`新闻中心 > 国内新闻 > 某某商报`),
            // whose channel is not told.
            let Some(after) = HOME.iter().find_map(|h| rest.strip_prefix(h)) else {
                return channel_steps(rest).then_some(None);
            };
            if !after.trim_start().starts_with(SEPARATORS) || rest.matches(SEPARATORS).count() < 2 {
                return None;
            }
            rest
        }
    };
    let mut steps = rest
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let mut channel = steps.next()?;
    if HOME.contains(&channel) {
        channel = steps.next().unwrap_or("正文");
    }
    if labelled.is_none() && paper_name(channel) {
        channel = steps.next().unwrap_or("正文");
    }
    Some(Some(channel).filter(|c| *c != "正文" && c.chars().count() <= 12))
}

/// Whether a line is only a site's channels, three or more, each a short word, set apart by
/// `>` with spaces, one of them named as a site names its channels or the last a paper
/// (`新闻中心 > 综合 > 某某晚报`); not a sum (`收入 > 支出 > 结余`).
fn channel_steps(line: &str) -> bool {
    if !line.contains('>') {
        return false;
    }
    let steps: Vec<&str> = line.split(" > ").map(str::trim).collect();
    let channel = |s: &&str| {
        ["新闻", "中心", "频道", "资讯"]
            .iter()
            .any(|w| s.ends_with(w))
    };
    steps.len() >= 3
        && steps.iter().all(|s| {
            (2..=8).contains(&s.chars().count())
                && s.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
        })
        && (steps.iter().any(channel) || steps.last().is_some_and(|s| s.ends_with('报')))
}

/// Whether the names of a header are the characters of one page name padded with spaces
/// (`城 事`, `要 闻`): two to four single characters after the page's number.
fn padded_name(names: &[&str]) -> bool {
    (2..=4).contains(&names.len()) && names.iter().all(|n| n.chars().count() == 1)
}

/// Whether a header's name is a paper's (`人民日报`, `新华每日电讯`, `参考消息`), not a page's.
fn paper_name(name: &str) -> bool {
    name.ends_with('报') || name.ends_with("电讯") || name == "参考消息"
}

/// Labels of a web export's source line.
pub(crate) const SOURCE_LABELS: &[&str] = &[
    "来源",
    "稿源",
    "发布时间",
    "发布日期",
    "出处",
    "时间",
    "日期",
];

/// An address on a web export's source line: `http://www.example.com/a.html`, `www.example.cn`.
fn is_url(s: &str) -> bool {
    s.starts_with("http") && s.contains("//") || s.starts_with("www.") && s.contains('.')
}

/// A time of day after a date: `08:07`, `07:43:44`, `8时30分`.
pub(crate) fn is_clock_time(s: &str) -> bool {
    let parts: Vec<&str> = s.split(':').collect();
    let clock = (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let chinese = s
        .strip_suffix('分')
        .and_then(|r| r.split_once('时'))
        .is_some_and(|(h, m)| {
            [h, m]
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        });
    clock || chinese
}

/// The length in bytes of the count of an article's characters an e-paper site prints, at the
/// start of `s`: `字数：293`, `本文字数:1442`, `文章字数：445`, `字数 232字`.
pub(crate) fn character_count(s: &str) -> Option<usize> {
    let rest = ["本文字数", "文章字数", "字数"]
        .iter()
        .find_map(|w| s.strip_prefix(w))?;
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(digits..)?;
    let after = after.strip_prefix('字').unwrap_or(after);
    (digits > 0).then(|| s.len() - after.len())
}

/// What follows the article's character count an e-paper site puts before the page's header
/// (`字数：293 2025年11月09日 …`, `本文字数:1442 …`).
fn after_character_count(line: &str) -> Option<&str> {
    let after = line.get(character_count(line)?..)?;
    after
        .starts_with(char::is_whitespace)
        .then(|| after.trim_start())
}

pub(crate) fn is_weekday(s: &str) -> bool {
    // `星期` alone: a site cut the day off after it (`2014年1月17日 星期`).
    if s == "星期" {
        return true;
    }
    // In English, as some e-paper sites print it beside the date: `Wed`, `Wednesday`.
    if s.len() <= 9 && s.is_ascii() {
        let lower = s.trim_end_matches('.').to_ascii_lowercase();
        return [
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            "tues",
            "thur",
            "thurs",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .contains(&lower.as_str());
    }
    let day = s
        .strip_prefix("星期")
        .or_else(|| s.strip_prefix("周"))
        .or_else(|| s.strip_prefix("礼拜"));
    matches!(
        day,
        Some("一" | "二" | "三" | "四" | "五" | "六" | "日" | "天")
    )
}

/// Parses a date as page headers print it, optionally followed by more text, into
/// `YYYY-MM-DD` and what follows: `2026年1月5日`, `２０２６年１月５日` (full-width digits),
/// `二〇二六年一月五日` (Chinese numerals), `2026-01-05`, `2026.1.5`, `2026/1/5`.
pub(crate) fn parse_date(token: &str) -> Option<(String, &str)> {
    // `19930525`: a database's compact date, eight digits alone.
    if token.len() == 8 && token.bytes().all(|b| b.is_ascii_digit()) {
        let (y, m, d): (u32, u32, u32) = (
            token.get(..4)?.parse().ok()?,
            token.get(4..6)?.parse().ok()?,
            token.get(6..)?.parse().ok()?,
        );
        return ((1900..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| (format!("{y:04}-{m:02}-{d:02}"), ""));
    }
    let mut nums = [0u32; 3];
    let mut rest = token;
    for (i, num) in nums.iter_mut().enumerate() {
        let (value, len) = number(rest, i == 0)?;
        *num = value;
        rest = rest.get(len..)?;
        let sep = rest.chars().next();
        let ok = match (i, sep) {
            (0, Some('年')) | (1, Some('月')) | (2, Some('日' | '号')) => true,
            (0 | 1, Some('-' | '.' | '/')) => true,
            (2, _) => {
                // ISO-like dates end without a suffix; so does a written date whose 日 a site
                // dropped before the weekday (`2014年05月28星期三`).
                if !token.contains('年') || rest.starts_with("星期") {
                    break;
                }
                false
            }
            _ => false,
        };
        if !ok {
            return None;
        }
        let width = sep.map_or(0, char::len_utf8);
        rest = rest.get(width..)?;
    }
    let [y, m, d] = nums;
    if !(1900..=2999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((format!("{y:04}-{m:02}-{d:02}"), rest))
}

/// A special page's name beside its number that counts years (`某某日报创刊70周年特别报道`,
/// `庆祝建党100周年特刊`): Han characters and one number of years, up to twenty characters.
fn anniversary_page_name(token: &str) -> bool {
    let n = token.chars().count();
    let digits = token.chars().filter(char::is_ascii_digit).count();
    (4..=20).contains(&n)
        && (1..=3).contains(&digits)
        && token.chars().all(|c| is_han(c) || c.is_ascii_digit())
        && token.contains("周年")
}

/// The value of a digit: ASCII, full-width, or a Chinese numeral (`〇` and `零` are 0, and so
/// are the circle `○` and the letter `O` that typed text puts for `〇`: `二O一三年`).
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '○' | 'O' | 'Ｏ' | '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// Reads the number at the start of `s`: up to four digits (ASCII, full-width or Chinese read
/// digit by digit, as years are written: `二〇二六`), or, unless `year`, a Chinese number up to
/// 39 (`十一`, `二十八`, `三十一`). Returns the value and its length in bytes.
fn number(s: &str, year: bool) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut len = 0usize;
    let mut count = 0;
    let mut tens = None;
    for c in s.chars() {
        if c == '十' && !year && tens.is_none() && count <= 1 {
            // 十 = 10, 二十 = 20: the digit before it, if any, counts tens.
            tens = Some(if count == 0 { 1 } else { value });
            value = 0;
            count = 0;
        } else if let Some(d) = digit(c).filter(|_| count < 4) {
            value = value * 10 + d;
            count += 1;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    match tens {
        Some(t) if count <= 1 => Some((t * 10 + value, len)),
        Some(_) => None,
        None if count > 0 => Some((value, len)),
        None => None,
    }
}

/// Whether `t` is a page number as headers print it: `A2`, `A02`, `第5版`, `5版`, `05`.
pub(crate) fn is_page_token(t: &str) -> bool {
    let core = t.strip_prefix('第').unwrap_or(t);
    let core = core.strip_suffix('版').unwrap_or(core);
    let chinese = core.chars().count() <= 3
        && !core.is_empty()
        && core.chars().all(|c| "一二三四五六七八九十".contains(c))
        && t.ends_with('版');
    if chinese {
        return true;
    }
    let bytes = core.as_bytes();
    // `A2`, `AA08`, `SA03`: up to two letters before the number.
    let letters = bytes
        .iter()
        .take(2)
        .take_while(|b| b.is_ascii_uppercase())
        .count();
    let digits = bytes.get(letters..).unwrap_or(&[]);
    let letters = usize::from(letters > 0);
    // Some e-paper systems pad the number with zeros: `00001版`.
    let padded = t.ends_with('版')
        && digits.len() <= 5
        && digits
            .get(..digits.len().saturating_sub(2))
            .is_some_and(|zeros| zeros.iter().all(|&b| b == b'0'));
    // `004`: a bare number of three digits counts when padded with a zero, as a paper's
    // database numbers its pages.
    let zero_padded = digits.len() == 3 && digits.first() == Some(&b'0');
    !digits.is_empty()
        && (digits.len() <= 3 || padded)
        && digits.iter().all(u8::is_ascii_digit)
        && (letters == 1 || t != core || digits.len() <= 2 || zero_padded)
}

/// A spread of two facing pages as its header prints them, `第6/7版` or `A6-A7版`: the two
/// numbers joined by `/` (`6/7`), whatever joined them on the page.
fn spread_pages(t: &str) -> Option<String> {
    let core = t.strip_prefix('第').unwrap_or(t);
    let core = core.strip_suffix('版')?;
    let (a, b) = core.split_once(['/', '-', '、', '～', '~'])?;
    (is_page_token(a) && is_page_token(b)).then(|| format!("{a}/{b}"))
}

/// The e-paper's link to the page as a PDF, printed beside the page name in its exports:
/// `PDF版`, `PDF版阅读`, `PDF下载`.
fn is_epaper_link(t: &str) -> bool {
    ["PDF", "PDF版", "PDF版阅读", "PDF阅读", "PDF下载", "版面PDF"].contains(&t)
}

/// The page number without `第` and `版`: `第5版` gives `5`, `A02` stays `A02`.
pub(crate) fn page_number(t: &str) -> String {
    let core = t.strip_prefix('第').unwrap_or(t);
    core.strip_suffix('版').unwrap_or(core).to_owned()
}

/// Editor roles as page footers and headers print them, longest first.
const EDITOR_ROLES: &[&str] = &[
    "本版责编",
    "本版主编",
    "本版统筹",
    "本期统筹",
    "本期策划",
    "责任校对",
    "责任编辑",
    "值班编辑",
    // Who answered the hotline whose calls a page prints.
    "热线值班",
    "本版编辑",
    "见习编辑",
    "美术编辑",
    "版式设计",
    "责编",
    "美编",
    "校对",
    "校检",
    "编辑",
    "版式",
    "审核",
    "审读",
    "组版",
    "制图",
    "终审",
    "统筹",
    "设计",
    "主编",
];

/// The editor's role `s` opens with, with the page it is for where one is named first
/// ([`page_of_role`]).
fn editor_role_at(s: &str) -> Option<&str> {
    let page = page_of_role(s);
    let rest = s.get(page..)?;
    let role = EDITOR_ROLES.iter().find(|r| rest.starts_with(*r))?;
    s.get(..page + role.len())
}

/// The page an editor's role is for, set before it (`二版责编：…`, `A3版编辑：…`), as a front
/// page lists each page's editors on one line: its length in bytes, or 0.
fn page_of_role(s: &str) -> usize {
    let Some(at) = s.find('版') else { return 0 };
    let page = s.get(..at).unwrap_or("");
    let numeral = |c: char| c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c);
    if (1..=3).contains(&page.chars().count()) && page.chars().all(numeral) {
        at + '版'.len_utf8()
    } else {
        0
    }
}

/// Parses `责任编辑:张三 美术编辑:李四 校对:王五` into `["责任编辑:张三", ...]`.
pub(crate) fn parse_editors(line: &str) -> Option<Vec<String>> {
    // `[ 责编：某某 ]`: a web page's brackets, with spaces inside.
    let body = line
        .trim_start_matches(['【', '[', '(', '（'])
        .trim_end_matches(['】', ']', ')', '）'])
        .trim();
    // A front page's list of every page's editors runs longer than one page's line.
    let long = line.chars().count() > 80;
    if line.chars().count() > 200 || line.contains('。') {
        return None;
    }
    let first = editor_role_at(body)?;
    if long && page_of_role(body) == 0 {
        return None;
    }
    // The role must stand apart from what follows, or `编辑部门...` would count.
    let after = body.get(first.len()..)?;
    // Or, for the roles that sign off a report, glued to one person's name alone on its line:
    // `校对柳宝庆`, `责编王五`.
    let glued = matches!(first, "校对" | "责编" | "编辑" | "审读" | "美编" | "终审")
        && crate::names::is_person_name(after);
    if !after.starts_with([':', '：', ' ', '　', '\t']) && !glued {
        return None;
    }
    if glued {
        return Some(vec![format!("{first}:{after}")]);
    }
    let mut entries: Vec<(&str, String)> = Vec::new();
    let mut i = 0;
    let mut name = String::new();
    let mut role = "";
    while i < body.len() {
        let rest = body.get(i..)?;
        let boundary = body.get(..i).is_none_or(|before| {
            before.is_empty() || before.ends_with(|c: char| c.is_whitespace() || !is_han(c))
        });
        if let Some(r) = editor_role_at(rest).filter(|_| boundary) {
            if !role.is_empty() {
                entries.push((role, std::mem::take(&mut name)));
            }
            role = r;
            i += r.len();
            continue;
        }
        let c = rest.chars().next()?;
        name.push(if matches!(c, ':' | '：') { ' ' } else { c });
        i += c.len_utf8();
    }
    if !role.is_empty() {
        entries.push((role, name));
    }
    let out: Vec<String> = entries
        .into_iter()
        .map(|(role, name)| {
            let names = join_padded(&collapse_spaces(&name.replace(['、', '，', ','], " ")));
            format!("{role}:{names}")
        })
        .filter(|e| !e.ends_with(':'))
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Joins a two-character name padded with a space (`刘 畅`) when nothing else is listed.
fn join_padded(names: &str) -> String {
    let parts: Vec<&str> = names.split(' ').collect();
    match parts.as_slice() {
        [a, b] if a.chars().count() == 1 && b.chars().count() == 1 => format!("{a}{b}"),
        _ => names.to_owned(),
    }
}

/// The citation line a page export prints after each article:
/// `《人民日报》（2026年02月12日第 04 版）`, `《长河日报》（2025年05月20日 05 版）`.
pub(crate) fn is_citation_line(t: &str) -> bool {
    if source_citation(t) {
        return true;
    }
    let Some(rest) = t.trim().strip_prefix('《') else {
        return false;
    };
    let Some(close) = rest.find('》') else {
        return false;
    };
    let paper = rest.get(..close).unwrap_or("").trim();
    let after = rest.get(close + '》'.len_utf8()..).unwrap_or("").trim();
    let n = paper.chars().count();
    (2..=14).contains(&n)
        && paper.ends_with(['报', '刊', '网', '志'])
        && after.starts_with(['（', '('])
        && after.ends_with(['）', ')'])
        && after.chars().count() <= 40
        && (after.contains('版') || after.contains('年'))
}

/// An e-paper's citation line of its date and source, as its article pages print it under the
/// headline: `（ 2026-05-13 ） 稿件来源：新华每日电讯 要闻`.
fn source_citation(t: &str) -> bool {
    let t = t.trim();
    let Some(rest) = t.strip_prefix(['（', '(']) else {
        return false;
    };
    let Some(close) = rest.find(['）', ')']) else {
        return false;
    };
    let date = rest[..close].trim();
    let after = rest[close..].trim_start_matches(['）', ')']).trim();
    parse_date(date).is_some_and(|(_, r)| r.is_empty())
        && ["稿件来源", "来源"].iter().any(|l| {
            after
                .strip_prefix(l)
                .is_some_and(|r| r.starts_with([':', '：']) && r.chars().count() <= 30)
        })
}

/// Where a citation line ([`is_citation_line`]) starts at the end of a line that holds
/// something before it, as e-paper article pages flattened to text glue it to the byline or the
/// author (`本报记者  刘  阳《人民日报》（2026年01月13日第 11 版）`): its byte offset.
pub(crate) fn citation_tail(t: &str) -> Option<usize> {
    let t = t.trim_end();
    if !t.ends_with(['）', ')']) || t.len() < 12 {
        return None;
    }
    let at = t.rfind('《')?;
    (at > 0 && is_citation_line(t.get(at..)?) && !t.get(..at)?.trim().is_empty()).then_some(at)
}

/// Whether a jump marker says the article is continued here from another page
/// (`（上接第一版）`, `（接上页）`), rather than that it goes on elsewhere (`（下转第六版）`).
pub(crate) fn continued_here(jump: &str) -> bool {
    ["上接", "接上", "接第", "紧接"]
        .iter()
        .any(|w| jump.contains(w))
}

/// The parenthesised jump marker `(下转第六版)` / `（上接第一版）`, or the same without brackets.
pub(crate) fn is_jump(s: &str) -> bool {
    // A marker is at most 16 characters within brackets; longer text is never one.
    if s.len() > 80 {
        return false;
    }
    if page_pointer(s) {
        return true;
    }
    let inner = s
        .strip_prefix(['(', '（', '['])
        .and_then(|x| x.strip_suffix([')', '）', ']']))
        .unwrap_or(s)
        .trim();
    let n = inner.chars().count();
    (3..=16).contains(&n)
        && [
            "下转", "上接", "转第", "接第", "紧接", "紧转", "转至", "接上", "转下", "转A", "转B",
        ]
        .iter()
        .any(|p| inner.starts_with(p))
        && (inner.ends_with('版') || inner.ends_with('页') || inner.ends_with("版面"))
}

/// A front page's pointer to the page a teaser's story is on, alone on its line under the
/// teaser's headline: `（A04）`, `（见第4版）`, `（详见A05版）`, and unbracketed `■详见A4`.
pub(crate) fn page_pointer(s: &str) -> bool {
    let inner = match s
        .strip_prefix(['(', '（'])
        .and_then(|x| x.strip_suffix([')', '）']))
    {
        Some(inner) => {
            let inner = inner.trim();
            ["详见", "见"]
                .iter()
                .find_map(|w| inner.strip_prefix(w))
                .unwrap_or(inner)
        }
        // Unbracketed, after a mark, only as `详见`: `■详见A4`, `详见第4版`.
        None if !s.starts_with(['■', '□', '▲', '▶', '◆', '●', '★', '详']) => {
            return false;
        }
        None => match s
            .trim_start_matches(['■', '□', '▲', '▶', '◆', '●', '★'])
            .trim_start()
            .strip_prefix("详见")
        {
            Some(inner) => inner.trim(),
            None => return false,
        },
    };
    let inner = inner.strip_prefix('第').unwrap_or(inner);
    let paged = inner.ends_with('版');
    let inner = inner.strip_suffix('版').unwrap_or(inner);
    let letters = inner.chars().take_while(char::is_ascii_uppercase).count();
    let digits = inner.get(letters..).unwrap_or("");
    // A bare number in brackets (`（1）`) numbers an item: a page names its letter or 版.
    (paged || letters > 0)
        && letters <= 2
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Byte length of a jump marker at the start of `s`, if one starts it.
pub(crate) fn jump_prefix(s: &str) -> Option<usize> {
    if !s.starts_with(['(', '（']) {
        return None;
    }
    let close = s
        .char_indices()
        .take(18)
        .find(|&(_, c)| c == ')' || c == '）')?;
    let end = close.0 + close.1.len_utf8();
    is_jump(s.get(..end)?).then_some(end)
}

/// Byte offset where a jump marker ending `s` begins, if one ends it.
pub(crate) fn jump_suffix(s: &str) -> Option<usize> {
    if !s.ends_with([')', '）']) {
        return None;
    }
    let open = s
        .char_indices()
        .rev()
        .take(18)
        .find(|&(_, c)| c == '(' || c == '（')?;
    is_jump(s.get(open.0..)?).then_some(open.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_out_page_number_heads_a_long_page_name() {
        let h = parse_header_line("第A6版:西望江城 关注江城路网改造·城西高架爆破").expect("header");
        assert_eq!(h.page.as_deref(), Some("A6"));
        assert_eq!(
            h.section.as_deref(),
            Some("西望江城 关注江城路网改造·城西高架爆破")
        );
        assert!(parse_header_line("第一版：今天，我们来谈谈城市的变化").is_none());
    }

    #[test]
    fn a_special_pages_name_of_two_phrases_beside_the_date_is_one_name() {
        let h = parse_header_line("2025年11月09日 约会江城 冰雪暖世界").expect("header");
        assert_eq!(h.section.as_deref(), Some("约会江城 冰雪暖世界"));
        assert!(
            parse_header_line("约会江城 冰雪暖世界").is_none(),
            "no date, no page"
        );
        let h = parse_header_line("2026-10-13 来源：江城教育报 作者:张三丰 李四海");
        assert!(h.is_none_or(|h| h.section.is_none()), "writers' names");
    }

    #[test]
    fn an_issue_number_apart_from_its_mark_is_the_headers() {
        let h = parse_header_line("3340 期 / 第5版:乡村振兴").expect("header");
        assert_eq!(h.page.as_deref(), Some("5"));
        assert_eq!(h.section.as_deref(), Some("乡村振兴"));
        assert!(issue_number_apart(None, "3340", Some("期")));
        assert!(issue_number_apart(Some("3340"), "期", Some("/")));
        assert!(!issue_number_apart(None, "期", None), "no number before it");
        assert!(parse_header_line("3 期 工程").is_none());
    }

    #[test]
    fn a_date_spaced_out_is_read_closed_up() {
        assert_eq!(
            date_closed_up("2008 年 12 月 3 日 星期三").as_deref(),
            Some("2008年12月3日 星期三")
        );
        assert_eq!(date_closed_up("2008年12月3日 星期三"), None);
        assert_eq!(
            date_closed_up("今年 3 月 到 5 月"),
            None,
            "no year: no date"
        );
        let h = parse_header_line("2008 年 12 月 3 日 星期").expect("header");
        assert_eq!(h.date.as_deref(), Some("2008-12-03"));
        assert!(parse_header_line("3 月 28 日 游人如织").is_none());
    }

    #[test]
    fn a_special_page_counting_years_is_named_beside_its_number() {
        assert!(anniversary_page_name("江城日报创刊70周年特别报道"));
        assert!(!anniversary_page_name("2025年度报告"));
        let h = parse_header_line("00008版:江城日报创刊70周年特别报道·征文摘登").expect("header");
        assert_eq!(h.page.as_deref(), Some("00008"));
        assert!(
            parse_header_line("江城日报创刊70周年特别报道").is_none(),
            "without a page number it is a headline"
        );
    }

    #[test]
    fn a_sites_trail_to_the_article_names_its_channel() {
        assert_eq!(
            breadcrumb("您现在的位置：首页 > 城事 > 城生活 > 正文"),
            Some(Some("城事"))
        );
        assert_eq!(breadcrumb("当前位置: 首页 > 正文"), Some(None));
        assert_eq!(breadcrumb("您现在的位置在哪里"), None);
        assert_eq!(
            breadcrumb("logo 首页 > 文汇报 > 港闻 > 正文"),
            Some(Some("港闻"))
        );
        assert_eq!(breadcrumb("首页 > 新闻 > 评论"), Some(Some("新闻")));
        // One step after the home page, or no home page: no trail.
        assert_eq!(breadcrumb("首页 > 正文"), None);
        assert_eq!(breadcrumb("收入 > 支出 > 结余"), None);
        let h = parse_header_line("您现在的位置:首页 > 城事 > 城生活 > 正文").expect("header");
        assert_eq!(h.section.as_deref(), Some("城事"));
    }

    #[test]
    fn a_page_name_padded_to_its_width_is_one_name() {
        let h = parse_header_line("第03版：城 事 PDF版阅读").expect("header");
        assert_eq!(h.page.as_deref(), Some("03"));
        assert_eq!(h.section.as_deref(), Some("城事"));
        assert!(padded_name(&["要", "闻"]));
        assert!(!padded_name(&["要闻", "体育"]));
        let h = parse_header_line("当前版：04版").expect("header");
        assert_eq!(h.page.as_deref(), Some("04"));
    }

    #[test]
    fn a_weekday_cut_short_is_still_no_page_name() {
        assert!(is_weekday("星期"));
        assert_eq!(
            after_character_count("字数：293 2025年11月09日 约会哈尔滨"),
            Some("2025年11月09日 约会哈尔滨")
        );
        assert_eq!(after_character_count("字数：293"), None);
        assert_eq!(character_count("字数 232字"), Some("字数 232字".len()));
        assert_eq!(
            character_count("文章字数：445"),
            Some("文章字数：445".len())
        );
        assert_eq!(
            character_count("本文字数:1442 …"),
            Some("本文字数:1442".len())
        );
        assert_eq!(character_count("字数不多"), None);
        let h = parse_header_line("字数：293 2025年11月09日 约会哈尔滨").expect("header");
        assert_eq!(h.date.as_deref(), Some("2025-11-09"));
        let h =
            parse_header_line("字数：293 2025年11月09日 约会哈尔滨 冰雪暖世界").expect("header");
        assert_eq!(h.date.as_deref(), Some("2025-11-09"));
        assert!(is_weekday("星期五"));
        assert!(!is_weekday("星期天气"));
        let h = parse_header_line("2014年1月17日 星期").unwrap();
        assert_eq!(h.date.as_deref(), Some("2014-01-17"));
        assert_eq!(h.section, None);
    }

    #[test]
    fn an_e_paper_sites_links_beside_the_page_name_are_set_aside() {
        let h = parse_header_line("第AA08版:郑运动 上一版3").unwrap();
        assert_eq!(h.page.as_deref(), Some("AA08"));
        assert_eq!(h.section.as_deref(), Some("郑运动"));
        let h = parse_header_line("第06版:区街新闻 上一版3  4下一版").unwrap();
        assert_eq!(h.section.as_deref(), Some("区街新闻"));
    }

    #[test]
    fn a_date_glued_to_the_papers_name_heads_the_page() {
        assert_eq!(paper_after_date("人民日报"), Some(""));
        assert_eq!(paper_after_date("人民日报第3版"), Some("第3版"));
        assert_eq!(paper_after_date("星期一"), None);
        assert_eq!(paper_after_date("上午"), None);
        let h = parse_header_line("2001年6月28日人民日报第3版").expect("header");
        assert_eq!(h.page.as_deref(), Some("3"));
        let h = parse_header_line("1962年4月8日人民日报 第2版").expect("header");
        assert_eq!(h.date.as_deref(), Some("1962-04-08"));
        assert_eq!(h.page.as_deref(), Some("2"));
        assert_eq!(h.section, None);
        assert!(parse_header_line("1962年4月8日下午 第2版").is_none());
    }

    #[test]
    fn dates_in_every_numeral_style_read_alike() {
        for text in [
            "2023年11月28日",
            "２０２３年１１月２８日",
            "二〇二三年十一月二十八日",
            "二零二三年十一月二十八号",
            "二○二三年十一月二十八日",
            "二O二三年十一月二十八日",
            "2023-11-28",
            "2023.11.28",
            "2023/11/28",
        ] {
            assert_eq!(parse_date(text), Some(("2023-11-28".into(), "")), "{text}");
        }
        assert_eq!(
            parse_date("二〇二六年一月五日星期一"),
            Some(("2026-01-05".into(), "星期一"))
        );
        assert_eq!(
            parse_date("2014年05月28星期三"),
            Some(("2014-05-28".into(), "星期三")),
            "a site dropped the 日 before the weekday"
        );
        assert_eq!(parse_date("2014年05月28"), None);
        assert_eq!(
            parse_date("二〇二六年十月十日").map(|d| d.0),
            Some("2026-10-10".into())
        );
        assert_eq!(
            parse_date("二〇二六年十二月三十一日").map(|d| d.0),
            Some("2026-12-31".into())
        );
        for not_a_date in [
            "二〇二六年十三月一日",
            "2026年2月",
            "十年一月一日",
            "一二三",
            "2026年二十十日",
        ] {
            assert_eq!(parse_date(not_a_date), None, "{not_a_date}");
        }
        let h = parse_header_line("二〇二三年十一月二十八日 星期二 第三版 要闻").unwrap();
        assert_eq!(h.date.as_deref(), Some("2023-11-28"));
        assert_eq!(h.page.as_deref(), Some("三"));
    }

    #[test]
    fn a_sites_date_with_its_time_zone_is_the_header() {
        let h = parse_header_line("2005年9月14日,星期三(GSM+8 北京时间)").unwrap();
        assert_eq!(h.date.as_deref(), Some("2005-09-14"));
        assert!(utc_offset("GMT+8"));
        assert!(!utc_offset("GMT"));
        let h =
            parse_header_line("江城法制报 > 第四版:城事 改变文字大小:   | 打印 | 关闭").unwrap();
        assert_eq!(h.page.as_deref(), Some("四"));
        assert_eq!(h.section.as_deref(), Some("城事"));
    }

    #[test]
    fn a_weekday_in_english_beside_the_date_is_the_headers() {
        assert!(is_weekday("Wed") && is_weekday("Friday") && !is_weekday("Web"));
        let h = parse_header_line("2026年09月16日 Wed").unwrap();
        assert_eq!(h.date.as_deref(), Some("2026-09-16"));
    }

    #[test]
    fn a_web_copys_source_line_names_the_site_and_the_paper() {
        assert!(outlet_of_paper("江城在线-江城都市报"));
        assert!(!outlet_of_paper("文体新闻-体育"));
        let h = parse_header_line("http://www.example.com 2003年08月24日05:32 江城在线-江城都市报")
            .unwrap();
        assert_eq!(h.date.as_deref(), Some("2003-08-24"));
        assert_eq!(h.section, None);
    }

    #[test]
    fn an_epaper_sites_dated_link_bar_is_the_header() {
        let h = parse_header_line(
            "2015年11月17日 星期二 出版 返回首页 | 版面概览 | 版面导航 | 标题导航",
        )
        .unwrap();
        assert_eq!(h.date.as_deref(), Some("2015-11-17"));
        assert_eq!(h.section, None);
    }

    #[test]
    fn an_epapers_date_and_source_line_is_a_citation() {
        assert!(is_citation_line(
            "（ 2026-05-13 ） 稿件来源：新华每日电讯 要闻"
        ));
        assert!(is_citation_line("(2026-05-13) 来源:某某日报"));
        assert!(is_citation_line("《人民日报》（2026年02月12日第 04 版）"));
        assert!(!is_citation_line("（2026-05-13）"));
        assert!(!is_citation_line("（记者 张三） 来源：现场"));
    }

    #[test]
    fn a_pages_name_beside_its_number_may_be_long() {
        let h = parse_header_line("第C07版：全媒体生活服务平台").unwrap();
        assert_eq!(h.page.as_deref(), Some("C07"));
        assert_eq!(h.section.as_deref(), Some("全媒体生活服务平台"));
        assert!(parse_header_line("全媒体生活服务平台开通上线").is_none());
    }

    #[test]
    fn a_papers_name_is_told_from_a_pages() {
        assert!(paper_name("人民日报"));
        assert!(paper_name("新华每日电讯"));
        assert!(paper_name("参考消息"));
        assert!(!paper_name("要闻"));
        assert!(!paper_name("图片新闻"));
        let h = parse_header_line("新华每日电讯").unwrap();
        assert!(h.other && h.section.is_none());
    }

    #[test]
    fn header_lines_give_date_page_and_section() {
        let h = parse_header_line("2026年1月5日 星期一 A2 要闻").unwrap();
        assert_eq!(h.date.as_deref(), Some("2026-01-05"));
        assert_eq!(h.page.as_deref(), Some("A2"));
        assert_eq!(h.section.as_deref(), Some("要闻"));
        let h = parse_header_line("《 人民日报 》（ 2023年11月28日 01 版）").unwrap();
        assert_eq!(h.date.as_deref(), Some("2023-11-28"));
        assert_eq!(h.page.as_deref(), Some("01"));
        let h = parse_header_line("【烟台日报】(2023-11-28 第5版)").unwrap();
        assert_eq!(h.date.as_deref(), Some("2023-11-28"));
        assert_eq!(h.page.as_deref(), Some("5"));
        assert!(parse_header_line("（2023年11月28日 版）").is_none());
        let h = parse_header_line("2024年06月18日 第03版 本版编辑：张三").unwrap();
        assert_eq!(h.date.as_deref(), Some("2024-06-18"));
        assert_eq!(h.page.as_deref(), Some("03"));
        assert_eq!(h.editors, ["本版编辑:张三"]);
        let h = parse_header_line("A3·要闻 2024-06-18").unwrap();
        assert_eq!(
            (h.page.as_deref(), h.section.as_deref()),
            (Some("A3"), Some("要闻"))
        );
        let h = parse_header_line("http://news.example.com 2006年11月02日08:07 江城晨报").unwrap();
        assert_eq!(h.date.as_deref(), Some("2006-11-02"));
        assert_eq!(h.section, None);
        let h = parse_header_line("来源：江城日报 2023-11-28 08:30").unwrap();
        assert_eq!(h.date.as_deref(), Some("2023-11-28"));
        assert_eq!(h.section, None);
        let h = parse_header_line("发布时间：2023年11月28日 08:30  来源：江城日报").unwrap();
        assert_eq!(h.date.as_deref(), Some("2023-11-28"));
        assert!(is_clock_time("07:43:44") && is_clock_time("8时30分") && !is_clock_time("2023"));
        let h = parse_header_line("江城日报>19930525").unwrap();
        assert_eq!(h.date.as_deref(), Some("1993-05-25"));
        assert_eq!(h.section, None);
        let h = parse_header_line("版面:头版").unwrap();
        assert_eq!(h.section.as_deref(), Some("头版"));
        let h = parse_header_line("出版日期:1996年12月15日").unwrap();
        assert_eq!(h.date.as_deref(), Some("1996-12-15"));
        assert_eq!(h.section, None);
        assert_eq!(parse_date("12345678"), None);
        let h = parse_header_line("00003版:要闻").unwrap();
        assert_eq!(h.page.as_deref(), Some("00003"));
        assert_eq!(h.section.as_deref(), Some("要闻"));
        assert!(!is_page_token("12345版"));
        let h = parse_header_line("第5版：城事").unwrap();
        assert_eq!(h.page.as_deref(), Some("5"));
        assert_eq!(h.section.as_deref(), Some("城事"));
        assert!(parse_header_line("烟台自然博物馆获评 国家自然资源科普基地").is_none());
    }

    #[test]
    fn a_database_pages_zero_padded_number_and_a_dash_before_the_date_are_header_tokens() {
        let h = parse_header_line("004  民生新闻").unwrap();
        assert_eq!(
            (h.page.as_deref(), h.section.as_deref()),
            (Some("004"), Some("民生新闻"))
        );
        assert!(!is_page_token("404"), "three digits unpadded are a number");
        let h = parse_header_line("江城日报 - 20260605").unwrap();
        assert_eq!(h.date.as_deref(), Some("2026-06-05"));
        assert_eq!(h.section, None);
        assert!(
            parse_header_line("—— 记江城老兵").is_none(),
            "a dash that opens the line opens a subtitle"
        );
    }

    #[test]
    fn spread_pages_and_epaper_links_are_header_tokens() {
        let h = parse_header_line("第6/7版：上海新闻").unwrap();
        assert_eq!(h.page.as_deref(), Some("6/7"));
        assert_eq!(h.section.as_deref(), Some("上海新闻"));
        let h = parse_header_line("第02版:要闻 PDF版").unwrap();
        assert_eq!(
            (h.page.as_deref(), h.section.as_deref()),
            (Some("02"), Some("要闻"))
        );
        let h = parse_header_line("第05版：综合新闻 PDF版阅读").unwrap();
        assert_eq!(h.page.as_deref(), Some("05"));
        assert_eq!(spread_pages("A6-A7版").as_deref(), Some("A6/A7"));
        assert_eq!(spread_pages("6/7"), None);
    }

    #[test]
    fn editors_are_normalised_to_role_colon_names() {
        assert_eq!(
            parse_editors("责任编辑:张三 美术编辑：李四  校对 王 五").unwrap(),
            vec!["责任编辑:张三", "美术编辑:李四", "校对:王五"]
        );
        assert!(parse_editors("编辑部门近日开会。").is_none());
        assert_eq!(
            parse_editors("热线值班:林某 赵某某").unwrap(),
            vec!["热线值班:林某 赵某某"]
        );
        assert_eq!(parse_editors("校对柳宝庆").unwrap(), vec!["校对:柳宝庆"]);
        // A special page's line of who planned and laid it out.
        assert_eq!(
            parse_editors("本期统筹：林某  版式设计：赵某某").unwrap(),
            vec!["本期统筹:林某", "版式设计:赵某某"]
        );
        assert_eq!(
            crate::lines::classify("本期统筹：林某  版式设计：赵某某"),
            crate::lines::Class::Editors
        );
        // A web page's brackets, spaces inside them.
        assert_eq!(
            parse_editors("[ 责编：林小雨 ]").unwrap(),
            vec!["责编:林小雨"]
        );
        assert_eq!(
            parse_editors("【责任编辑：王小二】").unwrap(),
            vec!["责任编辑:王小二"]
        );
        assert!(parse_editors("编辑部门").is_none());
        // A front page lists each page's editors on one line, however long.
        let all = parse_editors(
            "一版责编：林小雨  王  二  张大山 二版责编：赵  敏  钱多多 三版责编：孙立  李  四  周五一 四版责编：吴一凡  郑  好",
        )
        .expect("editors of four pages");
        assert_eq!(all.len(), 4);
        assert!(all[1].starts_with("二版责编:"));
        assert_eq!(page_of_role("A3版编辑：林小雨"), "A3版".len());
        assert_eq!(page_of_role("版式设计：王二"), 0);
        assert_eq!(page_of_role("责编：王二"), 0);
        assert!(parse_editors("设计师说").is_none());
    }

    #[test]
    fn jump_markers_are_found_alone_and_at_line_ends() {
        assert!(is_jump("(下转第六版)"));
        assert!(is_jump("（上接第一版）"));
        assert!(continued_here("（上接第一版）"));
        assert!(continued_here("(接上页)"));
        assert!(!continued_here("(下转第六版)"));
        assert!(is_jump("(紧转第四版)"), "turned straight to the page");
        assert!(!continued_here("(紧转第四版)"));
        assert_eq!(
            jump_suffix("推进工作。(下转A2版)"),
            Some("推进工作。".len())
        );
        assert_eq!(
            jump_prefix("（上接第一版）各地"),
            Some("（上接第一版）".len())
        );
        assert!(!is_jump("(同时命名为基地)"));
        // A front page's pointer to a teaser's page.
        assert!(page_pointer("（A04）"));
        assert!(page_pointer("（见第4版）"));
        assert!(page_pointer("(详见B12版)"));
        assert!(is_jump("（A04）"));
        assert!(!page_pointer("（1）"));
        assert!(!page_pointer("（2024）"));
        assert!(!page_pointer("（ABC1）"));
        // Unbracketed, after a mark: only as `详见`.
        assert!(page_pointer("■详见A4"));
        assert!(page_pointer("详见第4版"));
        assert!(is_jump("■详见A4"));
        assert!(!page_pointer("■见A4"));
        // A trail of channels with no home page.
        assert_eq!(
            breadcrumb("新闻中心 > 国内新闻 > 重庆新闻 > 某某商报"),
            Some(None)
        );
        assert_eq!(breadcrumb("新闻中心 > 国内新闻"), None);
        assert_eq!(breadcrumb("东 > 西 > 南北"), None);
        assert!(!page_pointer("详见附件"));
    }
}
