//! Headline groups: which line of a group is the column label, the kicker (引题), the title
//! (主题) and the subtitle (副题).
//!
//! Print marks some parts (`——副题`, a merged `引题—— 主题` line, a known column label) and
//! leaves the rest to the reader. For the unmarked lines every reading in the genre's order
//! (column → kicker → title → subtitle → column) is scored by the cues below, and the best
//! reading wins; when the best two are close the reading is reported as a guess.

use crate::lines::{Class, Line, bare_label, label_kind, unpad};
use crate::normalize::{fullwidth, is_han};

/// A headline group read into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Headline {
    pub column: Option<String>,
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    /// The reading of unmarked lines was close to another one.
    pub guessed: bool,
}

/// Word endings of column and series names: `长河时评`, `金台随笔`, `专家观点`, `读者来信`.
const COLUMN_ENDINGS: &[&str] = &[
    "时评",
    "随笔",
    "观点",
    "来信",
    "短评",
    "论坛",
    "人物",
    "论苑",
    "漫谈",
    "札记",
    "杂谈",
    "视点",
    "视角",
    "访谈",
    "对话",
    "纵横",
    "特写",
    "故事",
    "观察",
    "调查",
    "评论",
    "速递",
    "巡礼",
    "一线",
    "走笔",
    "纪事",
    "专栏",
    "在行动",
    "进行时",
    "面对面",
    "新观察",
    "热评",
    "快评",
    "锐评",
    "评弹",
    "之声",
    "茶座",
    "讲堂",
    "课堂",
    "广角",
    "镜头",
    "聚焦",
    "档案",
    "笔谈",
    "声音",
    "侧记",
    "解读",
    "点击",
    "速览",
    "扫描",
    "直击",
    "集锦",
    "集萃",
    // Follow-ups of earlier reports: `报道回音`, `新闻追踪`, `读者反馈`.
    "回音",
    "回声",
    "追踪",
    "反馈",
    "回访",
    // Cartoons: `漫画漫话`.
    "漫话",
    // A page's lead stories and its features: `新闻头条`, `今日头条`, `特别关注`.
    "头条",
    "关注",
];

/// How strongly a line reads as a column label (栏目) by its shape: 2 for a known label, a
/// name joined by `·`, a `□` mark or a column word ending; 1 for a short bare noun phrase
/// (`观澜`, `新知`); 0 otherwise. A kicker carries numbers and quotes; a label does not.
pub(crate) fn column_shape(line: &str) -> u8 {
    if crate::lines::column_field(line).is_some_and(|v| !v.is_empty()) {
        return 2;
    }
    // Corner or white lenticular brackets around the whole line mark a column too (`「金报情缘」`,
    // `〖江城观察〗`); opening a longer line, corner brackets are quotation marks.
    let enclosed = line.trim();
    let marked = line.starts_with(['□', '■', '◎', '▌', '【', '['])
        || enclosed.starts_with(['「', '〖']) && enclosed.ends_with(['」', '〗']);
    let s = bare_label(line);
    let n = s.chars().count();
    if label_kind(s).is_some()
        || series_mark(s)
        || numbered_series(s)
        || numbered_issue(s)
        || themed_column(s)
    {
        return 2;
    }
    if n == 0 || n > 16 || s.contains(['，', ',', '。', '；', '？', '！', '：', ':', '“', '"'])
    {
        return 0;
    }
    let digits = s
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let dotted = s.contains('·') && s.split('·').all(|p| p.chars().count() >= 2);
    if (dotted || marked) && n <= 14 {
        return 2;
    }
    if COLUMN_ENDINGS.iter().any(|e| s.ends_with(e)) && (3..=8).contains(&n) && !digits {
        return 2;
    }
    u8::from(n <= 3 && !digits && s.chars().all(is_han))
}

/// Endings of place names that head the items of a round-up: `黄浦区  “先锋上海”志愿者打头阵`.
const PLACE_ENDINGS: &[char] = &['区', '县', '市', '镇', '乡', '村', '省', '州', '旗', '盟'];

/// A column tag in square brackets glued before the title, as web copies print it:
/// `【创城在行动】扫雪除冰保畅通`, `[影像]瑞雪润江城`. The tag is the column.
pub(crate) fn bracketed_column_before_title(line: &str) -> Option<(&str, &str)> {
    let (tag, title) = crate::lines::bracket_tag(line.trim())?;
    let n = tag.chars().count();
    // A campaign's tag may name its year: `【2026年两节送温暖行动·暖闻】`.
    ((2..=20).contains(&n)
        && tag
            .chars()
            .all(|c| is_han(c) || c == '·' || c.is_ascii_digit())
        && tag.chars().filter(char::is_ascii_digit).count() <= 4
        && title.chars().count() >= 4
        && !title.contains('。')
        // A title may ask or exclaim at its end (`香港明天怎么办?`), a sentence of text inside.
        && !title
            .trim_end_matches(['！', '？', '!', '?'])
            .contains(['！', '？', '!', '?']))
    .then_some((tag, title))
}

/// A column label and the title on one line, set apart by a wide space (two spaces or an
/// ideographic space): `黄浦区  “先锋上海”志愿者打头阵`, `长河时评　让社区食堂长流水`.
/// Returns the label and the title.
pub(crate) fn column_beside_title(line: &str) -> Option<(&str, &str)> {
    if let Some(found) = bracketed_column_before_title(line)
        .or_else(|| label_colon_title(line))
        .or_else(|| barred_column_title(line))
    {
        return Some(found);
    }
    let Some(at) = line.find("  ").or_else(|| line.find('\u{3000}')) else {
        return known_label_spaced(line);
    };
    let left = line.get(..at)?.trim();
    let right = line.get(at..)?.trim();
    let (l, r) = (left.chars().count(), right.chars().count());
    let place = (2..=4).contains(&l) && left.chars().all(is_han) && left.ends_with(PLACE_ENDINGS)
        || left.ends_with("街道");
    let label = column_shape(left) == 2;
    ((place || label) && r >= l + 4 && !right.contains("  ")).then_some((left, right))
}

/// A known column label and the title a single space apart (`记者直击 人行道破损坑洼市民希望快整修`):
/// only a label of the genre's words, so that a title of two phrases (`路灯“罢工”近一月
/// 市民盼亮灯`) stays whole. Returns the label and the title.
fn known_label_spaced(line: &str) -> Option<(&str, &str)> {
    let (left, right) = line.split_once(' ')?;
    // Six characters are at most 18 bytes: most lines are rejected by the label's length.
    if left.len() > 18 {
        return None;
    }
    let (l, r) = (left.chars().count(), right.trim().chars().count());
    ((2..=6).contains(&l)
        && r >= l + 4
        && !right.contains(['。', '：', ':'])
        && crate::lines::label_kind(left).is_some())
    .then_some((left, right.trim()))
}

/// A column's name and the title set apart by a bar, as news sites print a column's items:
/// `法治时评 | 以法治守护舌尖上的安全`, `深度丨某某`. The name is short, of Han characters (a
/// middle dot may join two), and the title the longer part. Returns the name and the title.
/// A column and its item's title on one line set apart by a full-width slash, as overseas
/// papers print a series' items: `世报50年／洛杉矶社贴近华社 秉持「正派办报」初心`. The column
/// is short (its own number allowed), the title longer.
pub(crate) fn slashed_column_title(line: &str) -> Option<(&str, &str)> {
    let (left, right) = line.split_once('／')?;
    let (left, right) = (left.trim(), right.trim());
    let (l, r) = (left.chars().count(), right.chars().count());
    ((2..=8).contains(&l)
        && left
            .chars()
            .all(|c| is_han(c) || c.is_ascii_digit() || c == '·')
        && left.chars().any(is_han)
        && r >= 6
        && r > l
        && !right.contains(['／', '。', '！', '？']))
    .then_some((left, right))
}

pub(crate) fn barred_column_title(line: &str) -> Option<(&str, &str)> {
    if let Some(found) = slashed_column_title(line) {
        return Some(found);
    }
    let at = line.find(['|', '｜', '丨'])?;
    let left = line.get(..at)?.trim();
    let bar = line.get(at..)?.chars().next()?;
    let right = line.get(at + bar.len_utf8()..)?.trim();
    let (l, r) = (left.chars().count(), right.chars().count());
    ((2..=10).contains(&l)
        && left.chars().all(|c| is_han(c) || c == '·')
        && r >= 4
        && r > l
        && !right.contains(['|', '｜', '丨', '。', '！', '？']))
    .then_some((left, right))
}

/// Where a headline group names its column a second time on a line of its own, the column
/// being printed before the title with a bar (`法治时评 | 标题` and `□ 法治时评`): that line.
pub(crate) fn column_named_twice(heads: &[&Line<'_>]) -> Option<usize> {
    let column = heads
        .iter()
        .find_map(|l| barred_column_title(l.text))
        .map(|(column, _)| column)?;
    heads
        .iter()
        .position(|l| unpad(bare_label(l.text)).as_ref() == column)
}

/// A known column label joined to the title by a colon or a slash, as web copies print
/// the label of a feature or a round-up: `特写：反对派怕上身避投票`, `花絮/官员坐记者区`. A
/// speaker or a place before a colon (`王毅：…`, `某区某路：…`) is no label: only a label of
/// the genre's words is read so. Returns the label and the title.
pub(crate) fn label_colon_title(line: &str) -> Option<(&str, &str)> {
    // A web archive may print the day before it: `[2004-03-31] 特写：…`.
    let line = dated_in_brackets(line).unwrap_or(line);
    // A label is at most a dozen characters: only the line's start is searched.
    let head = line
        .char_indices()
        .nth(13)
        .map_or(line, |(i, _)| &line[..i]);
    let at = head.find(['：', ':', '／', '/', '\\'])?;
    let label = line.get(..at)?.trim();
    let title = line
        .get(at..)?
        .get(line[at..].chars().next()?.len_utf8()..)?
        .trim();
    (crate::lines::label_kind(label).is_some()
        && !label.is_empty()
        && title.chars().count() >= 4
        && !title.contains(['：', ':', '。']))
    .then_some((label, title))
}

/// What follows a day in square brackets opening a line (`[2004-03-31] 特写：…`).
fn dated_in_brackets(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('[')?;
    let (day, after) = rest.split_once(']')?;
    crate::lines::digit_date(day).then(|| after.trim_start())
}

/// A title and its subtitle flattened onto one line with a space between, as e-paper text
/// gives a front page's headline groups: `暂别晴暖天气 明日最高温降至冰点以下，回升或等到下周`.
/// The part after the space explains: a longer clause with a comma. Returns title and subtitle.
pub(crate) fn subtitle_beside_title(line: &str) -> Option<(&str, &str)> {
    let mut parts = line.split([' ', '\u{3000}']).filter(|p| !p.is_empty());
    let (left, right) = (parts.next()?, parts.next()?);
    if parts.next().is_some() || line.contains("  ") {
        return None;
    }
    let (l, r) = (left.chars().count(), right.chars().count());
    // `爱上这座城 写在江城第九次获评宜居城市之际`: worded as subtitles are.
    if l >= 4 && r >= 6 && subtitle_worded(right) {
        return Some((left, right));
    }
    // `某某创始人某某： 市场环境差，反而能诞生好公司`: a speaker and the words, one title.
    (l >= 4
        && r >= 10
        && r > l
        && !left.ends_with(['：', ':'])
        && right.contains(['，', ','])
        && !right.ends_with(['，', ',', '：', ':']))
    .then_some((left, right))
}

/// The number of an item in a series, standing over its headline: `第3计`, `第12期`, `之二`.
pub(crate) fn series_mark(s: &str) -> bool {
    const NUMS: &str = "0123456789一二三四五六七八九十百";
    let body = s.strip_prefix('第').or_else(|| s.strip_prefix('之'));
    let Some(body) = body else { return false };
    let digits = body.chars().take_while(|c| NUMS.contains(*c)).count();
    let rest: String = body.chars().skip(digits).collect();
    digits > 0
        && (rest.is_empty() && s.starts_with('之')
            || matches!(
                rest.as_str(),
                "计" | "期" | "篇" | "章" | "讲" | "集" | "回" | "站" | "招" | "问"
            ))
}

/// A campaign's theme and the column's name joined by a dot, the theme however quoted:
/// `“人民至上、生命至上”主题实践活动•先锋`, `奋进新征程·一线见闻`.
pub(crate) fn themed_column(s: &str) -> bool {
    let Some((theme, name)) = s.rsplit_once(['·', '•', '・']) else {
        return false;
    };
    (2..=6).contains(&name.chars().count())
        && name.chars().all(is_han)
        && (4..=24).contains(&theme.chars().count())
        && !theme.contains(['。', '，', ',', '？', '！', '：', ':', '；'])
}

/// A column's name and its issue's number: `长河特稿第1354期`, `健康讲堂第12讲`.
pub(crate) fn numbered_issue(s: &str) -> bool {
    let Some(at) = s.rfind('第') else {
        return false;
    };
    let (name, number) = (s.get(..at).unwrap_or(""), s.get(at..).unwrap_or(""));
    (2..=8).contains(&name.chars().count()) && name.chars().all(is_han) && series_mark(number)
}

/// A series' label: a column's name joined by `·` to the series' theme and numbered at its end
/// (`大家谈·扎根基层  建功乡村④`, `青春之歌·奋斗在一线㉜`, `走进乡村·看变化（三）`). A title
/// is not numbered so.
pub(crate) fn numbered_series(s: &str) -> bool {
    let Some((name, theme)) = s.split_once('·') else {
        return false;
    };
    let numbered = theme
        .chars()
        .next_back()
        .is_some_and(crate::lines::is_circled)
        || theme
            .strip_suffix(['）', ')'])
            .and_then(|t| t.rsplit_once(['（', '(']))
            .is_some_and(|(_, n)| {
                (1..=3).contains(&n.chars().count())
                    && n.chars().all(|c| "一二三四五六七八九十".contains(c))
            });
    numbered
        && (2..=8).contains(&name.chars().count())
        && name.chars().all(is_han)
        && theme.chars().count() <= 32
        && !theme.contains(['，', ',', '。', '；', '？', '！', '：', ':'])
}

/// Words that end a kicker announcing what the title reports: `…作出重要指示强调`.
const KICKER_VERBS: &[&str] = &[
    "强调", "指出", "表示", "要求", "提出", "透露", "获悉", "宣布", "呼吁", "寄语", "称", "说",
];

/// Words that open a kicker setting the topic or the time of the title: `从…到…`, `聚焦…`,
/// `今起…`, `前5个月`.
const KICKER_OPENERS: &[&str] = &[
    "聚焦", "围绕", "关注", "补齐", "坚持", "全面", "深入", "学习", "贯彻", "奋力", "推动", "打造",
    "今起", "今年", "明年", "近日", "昨日", "昨天", "今天", "本周", "从",
];

/// A kicker's own marks: it leads into the title (`…：`, `…——`, `…强调`), or sets the topic or
/// time for it (`聚焦…`, `从田间到早市`, `前5个月`, `今起至6月底`).
pub(crate) fn kicker_shape(s: &str) -> bool {
    s.ends_with("——")
        || s.ends_with(['：', ':', '…'])
        || s.split_once('：').is_some_and(|(who, _)| {
            KICKER_VERBS.iter().any(|v| who.ends_with(v)) || who.ends_with("提示")
        })
        || KICKER_VERBS.iter().any(|v| s.ends_with(v)) && s.chars().count() >= 6
        || KICKER_OPENERS.iter().any(|o| s.starts_with(o)) && s.chars().count() <= 14
        || announces_document(s)
        || s.chars().any(|c| c.is_ascii_digit()) && s.chars().count() <= 8
}

/// A kicker announcing the document the title sums up: `某某厅联合印发《通知》`,
/// `国务院常务会议审议通过《条例（草案）》`.
pub(crate) fn announces_document(s: &str) -> bool {
    s.ends_with('》')
        && s.find('《').is_some_and(|at| {
            let before = &s[..at];
            ["印发", "发布", "出台", "公布", "通过", "下发", "颁布"]
                .iter()
                .any(|v| before.ends_with(v))
        })
}

/// Whether a headline line holds figures: digits, half- or full-width.
pub(crate) fn has_figures(line: &str) -> bool {
    line.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A line that opens with a place and reports what was done there, over a shorter title that
/// states no amount: `江苏泰兴推行“一件事一次办”改革` over `用数字动能激活服务效能`. The papers
/// print the place and the fact as the kicker (引题) and the theme as the title; a factual
/// second line with an amount (`受益商户超五万户`, `预计每年新增30万人`) is the subtitle of a
/// title that opens with a place.
pub(crate) fn placed_fact_over_theme(kicker: &str, title: &str) -> bool {
    let opens_with_place = kicker
        .char_indices()
        .skip(2)
        .take(2)
        .any(|(at, _)| kicker.get(..at).is_some_and(crate::place::filing_place));
    opens_with_place
        && !placed_title(kicker)
        && kicker.chars().count() > title.chars().count()
        && !has_figures(title)
        && !title.contains(['万', '亿'])
}

/// Whether a kicker's line is long enough to run on to a second line: a long statement, or
/// one ending in a pause (`，`, `、`).
pub(crate) fn kicker_wraps(line: &str) -> bool {
    line.chars().count() >= 14 || line.ends_with(['，', '、', ','])
}

/// A title printed as two parallel phrases split by a space: `一条山路通了 一个村子活了`.
pub(crate) fn two_phrase_title(s: &str) -> bool {
    let parts: Vec<&str> = s.split_whitespace().collect();
    parts.len() == 2 && parts.iter().all(|p| p.chars().count() >= 4)
}

/// Two phrases of three characters or more set apart by a space (`夫猝逝 婦扛20萬債茫然`), as
/// main titles are set.
pub(crate) fn parallel_phrases(s: &str) -> bool {
    let parts: Vec<&str> = s.split_whitespace().collect();
    parts.len() == 2 && parts.iter().all(|p| p.chars().count() >= 3)
}

/// A line that explains the title rather than leading into it: a clause with a comma, `记…`
/// (a profile), `访…` (an interview).
pub(crate) fn subtitle_shape(s: &str, title: &str) -> i32 {
    let mut score = 0;
    if s.contains(['，', ',']) {
        score += 2;
    }
    if s.starts_with('记') || s.starts_with('访') {
        score += 4;
    }
    if attendance_line(s) {
        score += 5;
    }
    if reaction_line(s) {
        score += 4;
    }
    if facts_under_short_title(s, title) {
        score += 3;
    }
    if two_phrase_title(title) {
        score += 2;
    }
    if s.chars().count() >= title.chars().count() + 2 {
        score += 1;
    }
    score
}

/// The room a headline line takes in print, in half characters: whitespace aside.
fn printed_width(line: &str) -> usize {
    // In half widths: quotation marks and book-title marks take half a character's room in a
    // headline's type.
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '“' | '”' | '‘' | '’' | '《' | '》' | '"') {
                1
            } else {
                2
            }
        })
        .sum()
}

/// A line over a title no longer than itself: the main title is set in the largest type, so
/// the line over it that runs as long or longer is its kicker (`锚定产业高端化、智能化` over
/// `某省打好转型攻坚战`, `歌盛世鼓豪情` over `上元节火树银花`), not a title over its subtitle. A
/// shorter line stating an amount (`受益人数超三万`, `百项活动点燃…`, `累计认定产品273个`) adds a
/// fact to the title over it: its subtitle. A line carrying the column in brackets is the
/// title whatever its length.
pub(crate) fn kicker_over_shorter_title(kicker: &str, title: &str) -> bool {
    printed_width(kicker) >= printed_width(title)
        && !states_amount(title)
        && !crate::lines::titled_with_column(kicker)
}

/// Whether a headline line states an amount: figures, or a count in words (`百项`, `三万`).
pub(crate) fn states_amount(line: &str) -> bool {
    has_figures(line) || line.contains(['百', '千', '万', '亿'])
}

/// A line half as long again as the short title over it, stating an amount the title does not
/// (`郑州也是我们的家` / `某县200名农民工义务服务博览会`): the facts under a title, its subtitle.
pub(crate) fn facts_under_short_title(sub: &str, title: &str) -> bool {
    // A label's word or two (`链接`) is no title to have facts under it.
    printed_width(title) >= 10
        && states_amount(sub)
        && !states_amount(title)
        && 2 * printed_width(sub) >= 3 * printed_width(title)
}

/// A line giving what the people concerned ask for or answer (`市民呼吁快点清洗`, `居民盼早日修好`,
/// `相关部门回应：将尽快处理`): under a hotline story's title the papers print it as the
/// subtitle, never as the kicker.
pub(crate) fn reaction_line(line: &str) -> bool {
    const WHO: &[&str] = &[
        "市民",
        "居民",
        "村民",
        "网友",
        "家长",
        "业主",
        "商户",
        "乘客",
        "读者",
        "群众",
        "相关部门",
        "有关部门",
        "部门",
        "专家",
        "官方",
    ];
    const ASK: &[&str] = &[
        "呼吁", "建议", "期盼", "期待", "盼", "希望", "回应", "回复", "表示", "担忧", "质疑", "称",
    ];
    let n = line.chars().count();
    (5..=20).contains(&n)
        && WHO.iter().any(|w| {
            line.strip_prefix(w).is_some_and(|rest| {
                ASK.iter()
                    .any(|a| rest.trim_start_matches(['：', ':']).starts_with(a))
            })
        })
        && !line.contains(['。', '！', '？'])
}

/// A subtitle naming who attended or spoke (`王某 李某参加`, `某某出席并讲话`): under a report of a
/// meeting or an inspection the papers print the leaders present so, never as a kicker. Several
/// such phrases set apart by spaces (`某某某某讲话 某某主持 某某出席`) name each one's part.
pub(crate) fn attendance_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.len() {
        0 | 1 => attendance_phrase(line),
        n => n <= 4 && parts.into_iter().all(attendance_phrase),
    }
}

/// One phrase of an [`attendance_line`]: names, then what they did there.
fn attendance_phrase(line: &str) -> bool {
    const ENDS: &[&str] = &[
        "参加",
        "出席",
        "主持",
        "陪同",
        "讲话",
        "参加活动",
        "致辞",
        "致贺信",
        "会见",
        "发表主旨演讲",
    ];
    // What they attended may follow (`某某出席会议`, `某某参加活动`).
    let did = ["会议", "活动", "仪式", "调研"]
        .iter()
        .find_map(|o| line.strip_suffix(o))
        .unwrap_or(line);
    let n = printed_width(line);
    (8..=32).contains(&n)
        && ENDS.iter().any(|e| did.ends_with(e))
        && !line.contains(['，', ',', '。', '：', ':'])
}

/// Three unmarked lines, the middle one the shortest (or as short as the first): the main
/// title in the largest type between its kicker and its subtitle (`铺路面 架钢梁 工地昼夜忙` / `跨江大桥九月通车` /
/// `引桥和立交桥同时开工`), as papers set 引题, 主题 and 副题.
pub(crate) fn middle_line_shortest(lines: &[&str]) -> bool {
    let n = |i: usize| lines.get(i).map_or(0, |l| printed_width(l));
    lines.len() == 3 && n(1) <= n(0) && n(1) < n(2)
}

/// A title naming the street or place and, after a colon, what happened there
/// (`江城某区长河路：榕树腰折压马路`): a title, not the kicker over one.
pub(crate) fn placed_title(line: &str) -> bool {
    let Some((place, what)) = line.split_once(['：', ':']) else {
        return false;
    };
    let n = place.chars().count();
    (4..=12).contains(&n)
        && place.chars().all(crate::normalize::is_han)
        && [
            "路", "街", "巷", "道", "区", "县", "镇", "乡", "村", "小区", "社区", "广场", "公园",
        ]
        .iter()
        .any(|e| place.ends_with(e))
        && what.chars().count() >= 4
        && !what.contains(['：', ':', '，', ','])
}

/// A line naming the earlier report a follow-up answers: `《井盖被轧碎 实在不安全》跟踪报道`,
/// `《某某》后续`. Printed over the follow-up's title or under it, never its title.
pub(crate) fn follow_up_of(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('《') else {
        return false;
    };
    let Some((_, after)) = rest.split_once('》') else {
        return false;
    };
    matches!(
        after.trim(),
        "跟踪报道" | "追踪报道" | "后续报道" | "后续" | "续报" | "追踪" | "跟踪"
    )
}

/// Two headline lines of twelve characters or more, without a comma or a figure, the second
/// not shaped as a subtitle (`在生态产业化和产业生态化上下更大功夫` / `探索更多更具特色更高效益的“两山”
/// 转化路径`): statements of the same weight, which the genre orders kicker over title
/// slightly more often than title over subtitle.
pub(crate) fn long_statements(first: &str, second: &str) -> bool {
    let plain =
        |t: &str| t.chars().count() >= 12 && !t.contains(['，', ',', '：', ':']) && !has_figures(t);
    plain(first) && plain(second) && subtitle_shape(second, first) <= 1
}

/// A field under a hotline story's title giving where or when it happened: `地点：福州某路与某路
/// 交叉口`, `时间：每周六上午`. Its subtitle, never its title or kicker.
pub(crate) fn place_or_time_field(line: &str) -> bool {
    ["地点", "时间", "地址"].iter().any(|label| {
        line.strip_prefix(label)
            .and_then(|r| r.strip_prefix(['：', ':']))
            .is_some_and(|v| !v.trim().is_empty() && v.chars().count() <= 30)
    })
}

/// A title printed as a quotation (`“我们不看重输赢，很享受运动快乐”`): the line above it
/// introduces the speaker, as a kicker does.
pub(crate) fn quoted(s: &str) -> bool {
    s.starts_with('“') && s.ends_with('”') && s.chars().count() >= 6
}

/// One way to read the unmarked lines: how many leading column lines, which line is the
/// title, and whether the last line is a column label standing after the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    columns: usize,
    title: usize,
    trailing_column: bool,
}

/// Scores a reading of `lines` (all unmarked, with their [`column_shape`]s); higher is better.
/// What the page's index of titles naming a line weighs for reading it as the title: more than
/// any cue of shape.
const INDEXED_TITLE: i32 = 20;

fn score(lines: &[&str], shapes: &[u8], r: Reading, marked_subtitle: bool) -> i32 {
    let shape = |i: usize| shapes.get(i).copied().unwrap_or(0);
    let mut s = 0;
    for i in 0..r.columns {
        s += match shape(i) {
            2 => 3,
            1 => 2,
            _ => -6,
        };
    }
    let Some(title) = lines.get(r.title) else {
        return i32::MIN;
    };
    // A known label is not a title.
    if shape(r.title) == 2 {
        s -= 3;
    }
    // Where or when it happened (`地点：某路与某路交叉口`) adds a fact under the title.
    if place_or_time_field(title) {
        s -= 8;
    }
    // The earlier report a follow-up answers (`《井盖破损》跟踪报道`) stands over or under its title.
    if follow_up_of(title) {
        s -= 6;
    }
    // The title carries the column in brackets after it (`…新机遇（文化市场新观察）`): a line
    // so printed is the title, whatever stands over or under it.
    if crate::lines::titled_with_column(title) {
        s += 6;
    }
    // Measured on the papers' own headline fields: a short first line (a phrase, a time, a
    // place) or one that leads into the title is 引题; a longer statement followed by another
    // line is 主题 with its 副题.
    for (i, k) in lines.iter().enumerate().take(r.title).skip(r.columns) {
        let n = k.chars().count();
        // A line shaped as a label (`第3计`, `长河时评`) is no kicker.
        if shape(i) == 2 {
            s -= 4;
        }
        if n <= 8 {
            s += 2;
        }
        if kicker_shape(k) {
            s += 3;
        }
        // The figures go in the secondary line, over or under the main title: a line with
        // numbers over one without them is its kicker (`某市1031个镇街减少检查20%以上` /
        // `一支执法队伍综合查一次`).
        if has_figures(k) && !has_figures(title) && shape(i) == 0 {
            s += 3;
        }
        // A line that runs on into the title (`…——`, `…：`) can be nothing else.
        if k.ends_with("——") || k.ends_with(['：', ':']) {
            s += 4;
        }
        // A first line of two or three characters is more often a column.
        if n <= 3 && r.columns == 0 {
            s -= 1;
        }
        // Three phrases or more in a row (`适应作息规律  解决出行焦虑  延长服务链条`) list what the
        // title sums up: a title holds two at most.
        if phrases(k).len() >= 3 {
            s += 2;
        }
        // Of two lines (columns aside), the one in the largest type, the shorter, is the title.
        if i + 1 == r.title
            && lines.len() == r.columns + 2 + usize::from(r.trailing_column)
            && shape(r.title) < 2
            && kicker_over_shorter_title(k, title)
        {
            s += 4;
        }
        // Two long statements, one over the other, neither shaped as a subtitle: party papers'
        // front pages set a directive over its report so, 引题 over 主题, but a report's title
        // over a second statement of its news (`某某联赛落幕` / `某某代表队荣获第一名`) is printed
        // as often: a slight lean only, measured on the real pages' headline groups of two long
        // lines (about as many 主题 over 副题 as 引题 over 主题).
        if i + 1 == r.title && r.columns == 0 && lines.len() == 2 && long_statements(k, title) {
            s += 1;
        }
        // Two parallel phrases set apart by a space are a main title's shape (`夫猝逝 婦扛債務`);
        // the plain line under them is its subtitle, not its title.
        // Not where the line under them carries its column in brackets, as only a title does
        // (`文旅融合  体验上新` / `建好用好国家文化公园（深阅读）`).
        if i + 1 == r.title
            && parallel_phrases(k)
            && !title.contains(char::is_whitespace)
            && !crate::lines::titled_with_column(title)
        {
            s -= 2;
        }
        // A place and what was done there, over a shorter theme, is the kicker.
        if placed_fact_over_theme(k, title) {
            s += 4;
        }
        if place_or_time_field(k) {
            s -= 6;
        }
        // A round-up item's name and colon (`梅村：…`) open its title, not a kicker.
        if crate::boundary::named_item(k) || placed_title(k) {
            s -= 4;
        }
        // A kicker runs on to a second line only when the first is full: two short lines
        // over a third are kicker, title and subtitle (引题, 主题, 副题).
        if i > r.columns && !kicker_wraps(lines.get(i - 1).copied().unwrap_or("")) {
            s -= 3;
        }
    }
    // A title printed as a quotation has the line over it introduce the speaker: once, however
    // many lines stand over it.
    if r.title > r.columns && quoted(title) {
        s += 5;
    }
    let end = lines.len() - usize::from(r.trailing_column);
    for (k, sub) in lines
        .get(r.title + 1..end)
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        // A title has one subtitle line: a second plain line under it is more likely the title
        // of a group read too high (引题, 主题, 副题).
        if k > 0 {
            s -= 2;
            continue;
        }
        s += subtitle_shape(sub, title) + i32::from(title.chars().count() > 8);
        // Two parallel phrases set apart by a space (`传承技艺  坚持开放`) are a main title's
        // shape: the line over them is its kicker.
        if two_phrase_title(sub) && !two_phrase_title(title) {
            s -= 2;
        }
        // A `——` subtitle below leaves no room for a plain one.
        if marked_subtitle {
            s -= 5;
        }
    }
    if r.columns == 0 && r.title == 1 && !r.trailing_column && middle_line_shortest(lines) {
        s += 2;
    }
    if r.trailing_column {
        s += match shape(lines.len().saturating_sub(1)) {
            2 => 3,
            _ => -6,
        };
    }
    s
}

/// Every reading of `n` unmarked lines in the genre's order.
fn readings(n: usize) -> Vec<Reading> {
    let mut out = Vec::new();
    for columns in 0..=n.saturating_sub(1).min(1) {
        for title in columns..n {
            for trailing_column in [false, true] {
                if trailing_column && title + 1 >= n {
                    continue;
                }
                out.push(Reading {
                    columns,
                    title,
                    trailing_column,
                });
            }
        }
    }
    out
}

/// Reads a headline group: `heads` are its lines in print order (labels, short lines, a
/// merged line, `——` subtitles), author lines already taken out.
pub(crate) fn read(heads: &[&Line<'_>]) -> Headline {
    // A database joins the lines of a headline group with a hyphen: read them as lines.
    if heads.iter().any(|l| joined_by_hyphen(l.text).is_some()) {
        let lines: Vec<Line<'_>> = heads
            .iter()
            .flat_map(|l| match joined_by_hyphen(l.text) {
                Some((a, b)) => {
                    let at = l.text.len() - b.len();
                    vec![
                        Line { text: a, ..**l },
                        Line {
                            text: b,
                            start: l.start + at,
                            ..**l
                        },
                    ]
                }
                None => vec![**l],
            })
            .collect();
        let refs: Vec<&Line<'_>> = lines.iter().collect();
        return read(&refs);
    }
    // A column named twice, before the title with a bar and on a line of its own
    // (`法治时评 | 标题` / `□ 法治时评`): the line of its own is read no more.
    if let Some(twice) = column_named_twice(heads) {
        let rest: Vec<&Line<'_>> = heads
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != twice)
            .map(|(_, l)| *l)
            .collect();
        return read(&rest);
    }
    let text = |l: &Line<'_>| fullwidth(l.text);
    let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join(" "));
    if let Some(m) = heads.iter().position(|l| l.class == Class::Merged) {
        return read_merged(heads, m);
    }
    let subs: Vec<String> = heads
        .iter()
        .filter(|l| l.class == Class::Subtitle)
        .map(|l| subtitle_text(l.text))
        .collect();
    let plain: Vec<&Line<'_>> = heads
        .iter()
        .copied()
        .filter(|l| l.class != Class::Subtitle)
        .collect();
    if plain.is_empty() {
        // Only `——` lines: the first is the title.
        let mut subs = subs.into_iter();
        let title = subs.next().unwrap_or_default();
        return Headline {
            title,
            subtitle: join(subs.collect()),
            ..Headline::default()
        };
    }
    // A label alone over a photo or a brief that has no headline of its own: its column.
    if let [only] = plain.as_slice()
        && matches!(only.class, Class::Label(_))
        && subs.is_empty()
    {
        return Headline {
            column: Some(crate::lines::column_text(only.text)),
            ..Headline::default()
        };
    }
    if let [only] = plain.as_slice()
        && let Some((column, title)) = column_beside_title(only.text)
    {
        return Headline {
            column: Some(crate::lines::column_text(column)),
            title: fullwidth(title),
            subtitle: join(subs),
            ..Headline::default()
        };
    }
    if let [only] = plain.as_slice()
        && subs.is_empty()
        && let Some((title, subtitle)) = subtitle_beside_title(only.text)
    {
        return Headline {
            title: fullwidth(title),
            subtitle: Some(fullwidth(subtitle)),
            guessed: true,
            ..Headline::default()
        };
    }
    // Beside its text, e-paper text flattens a title and its subtitle onto one line.
    if let [only] = plain.as_slice()
        && subs.is_empty()
        && only.beside_text
        && two_long_phrases(only.text)
        && let [title, subtitle] = phrases(only.text).as_slice()
    {
        return Headline {
            title: fullwidth(title),
            subtitle: Some(fullwidth(subtitle)),
            guessed: true,
            ..Headline::default()
        };
    }
    // The end of a title that a narrow column broke off (`货车禁行路段行车` / `扰民!`): the
    // group without it, and the words put back where they were cut from.
    if subs.is_empty()
        && plain.len() >= 2
        && let Some(last) = heads.last()
        && headline_tail(last.text)
    {
        let mut h = read(&heads[..heads.len() - 1]);
        let tail = fullwidth(last.text);
        match &mut h.subtitle {
            Some(sub) => *sub = format!("{sub} {tail}"),
            None if !h.title.is_empty() => h.title = format!("{} {tail}", h.title),
            None => h.title = tail,
        }
        return h;
    }
    let texts: Vec<&str> = plain.iter().map(|l| l.text).collect();
    let shapes: Vec<u8> = texts.iter().map(|t| column_shape(t)).collect();
    // The line the page's index of titles names is the title.
    let named = plain.iter().position(|l| l.indexed);
    let scored: Vec<(i32, Reading)> = readings(texts.len())
        .into_iter()
        .map(|r| {
            let bonus = if Some(r.title) == named {
                INDEXED_TITLE
            } else {
                0
            };
            (score(&texts, &shapes, r, !subs.is_empty()) + bonus, r)
        })
        .collect();
    // Among equal scores the earlier reading (fewer columns, earlier title) wins. (A scan, not
    // a sort: the app's wasm carries one sort routine less.)
    let Some(at) = (0..scored.len()).reduce(|b, i| if scored[i].0 > scored[b].0 { i } else { b })
    else {
        return Headline::default();
    };
    let (best_score, best) = scored[at];
    let runner_up = scored
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at)
        .map(|(_, (s, _))| *s)
        .max();
    let column_lines: Vec<String> = plain
        .get(..best.columns)
        .unwrap_or(&[])
        .iter()
        .map(|l| crate::lines::column_text(l.text))
        .collect();
    let end = plain.len() - usize::from(best.trailing_column);
    let mut subtitle: Vec<String> = plain
        .get(best.title + 1..end)
        .unwrap_or(&[])
        .iter()
        .map(|l| text(l))
        .collect();
    subtitle.extend(subs);
    let trailing = best
        .trailing_column
        .then(|| plain.last().map(|l| crate::lines::column_text(l.text)))
        .flatten();
    Headline {
        column: column_lines.into_iter().next().or(trailing),
        kicker: join(
            plain
                .get(best.columns..best.title)
                .unwrap_or(&[])
                .iter()
                .map(|l| text(l))
                .collect(),
        ),
        title: plain.get(best.title).map(|l| text(l)).unwrap_or_default(),
        subtitle: join(subtitle),
        guessed: texts.len() >= 2 && runner_up.is_some_and(|r| close_call(best_score - r, &texts))
            || matches!(plain.as_slice(), [l] if l.beside_text && two_long_phrases(l.text))
            || best.title == 0 && wrapped_title(&texts),
    }
}

/// The last words of a title broken off onto a line of their own by a narrow column: one to
/// three Han characters, ending with `！` or `？` (`扰民！`, `谁的？`), or one or two without.
pub(crate) fn headline_tail(line: &str) -> bool {
    let t = line.trim();
    let words = t.trim_end_matches(['！', '？', '!', '?']);
    let n = words.chars().count();
    let marked = words.len() < t.len();
    n >= 1 && words.chars().all(is_han) && (marked && n <= 3 || n <= 2)
}

/// A headline group flattened by a database onto one line with a hyphen between its lines
/// (`瞄准训练场攻关不辍-高工扎根基层二十余年`, `某某会上强调-全党要认真学习`): the two lines. The
/// hyphen stands alone between Han characters, with four characters or more on each side.
pub(crate) fn joined_by_hyphen(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['-', '－'])?;
    let sep = line[at..].chars().next()?.len_utf8();
    let (a, b) = (line.get(..at)?, line.get(at + sep..)?);
    let han_edge =
        a.chars().next_back().is_some_and(is_han) && b.chars().next().is_some_and(is_han);
    (han_edge
        && a.chars().count() >= 4
        && b.chars().count() >= 4
        && !b.contains(['-', '－'])
        && !line.contains(char::is_whitespace))
    .then_some((a, b))
}

/// Whether two unmarked lines read as title and subtitle could be one title wrapped onto a
/// second line (`上海新政：今年起海葬可领奖补` / `最高3000元`): a long first line, and under it
/// a shorter one with no pause of its own, as the end of a title set in large type runs on.
fn wrapped_title(texts: &[&str]) -> bool {
    matches!(texts, [a, b]
        if a.chars().count() >= 12
            && b.chars().count() < a.chars().count()
            && !b.contains(['，', ',', '：', ':', ' ', '\u{3000}']))
}

/// Whether the best reading of a group wins by too little to be sure: by two points or less,
/// or by three where a shorter line stands under a longer one (a kicker over its title is
/// printed so as often as a title over its subtitle).
fn close_call(margin: i32, texts: &[&str]) -> bool {
    margin <= 2 || margin <= 3 && matches!(texts, [a, b] if b.chars().count() < a.chars().count())
}

/// A one-line title of two long phrases set apart by one space
/// (`中国第二台机组并网发电 年发电能力近百亿度`): where e-paper text prints a headline beside its
/// text, it flattens a title and its subtitle so, and a two-phrase title looks the same. Read
/// as one title there, and reported.
fn two_long_phrases(line: &str) -> bool {
    let parts = phrases(line);
    // A place or a speaker and a colon (`某某新区： “未来之城”崛起成势`) opens the one title.
    matches!(parts.as_slice(), [a, b] if a.chars().count() >= 6
        && b.chars().count() >= 6
        && !a.ends_with(['：', ':']))
        && !line.contains("  ")
}

/// The phrases of a headline line set apart by spaces. A space inside a book title, a
/// quotation or brackets (`《关于保障和改善民生 着力解决急难愁盼的意见》`) is part of the
/// phrase it stands in.
pub(crate) fn phrases(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth: u32 = 0;
    let mut from = 0;
    for (i, c) in line.char_indices() {
        match c {
            '《' | '“' | '（' | '(' | '「' | '【' => depth += 1,
            '》' | '”' | '）' | ')' | '」' | '】' => depth = depth.saturating_sub(1),
            ' ' | '\u{3000}' if depth == 0 => {
                if let Some(p) = line.get(from..i).filter(|p| !p.is_empty()) {
                    out.push(p);
                }
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    if let Some(p) = line.get(from..).filter(|p| !p.is_empty()) {
        out.push(p);
    }
    out
}

/// A subtitle as printed, its leading dash kept (`——记…`).
fn subtitle_text(s: &str) -> String {
    fullwidth(s.trim())
}

/// Reads a group around a merged `引题—— 主题` line: lines before it are a column label (by
/// shape) or more kicker; lines after it a subtitle, or a column label standing after.
/// Whether the two parts of a merged line (`甲——乙`) are a title and its subtitle, not a
/// kicker and its title: the left part ends in its own exclamation or question, or the right
/// part is worded as subtitles are (`写在…之际`, `记…`, `访…`, `…侧记`, `…纪实`).
pub(crate) fn title_then_subtitle(left: &str, right: &str) -> bool {
    left.ends_with(['！', '？', '!', '?']) || subtitle_worded(right)
}

/// Whether a line is worded as subtitles are: `写在…之际`, `记…`, `访…`, `…侧记`, `…纪实`.
pub(crate) fn subtitle_worded(line: &str) -> bool {
    const OPENINGS: [&str; 6] = ["写在", "记", "访", "追记", "纪念", "献给"];
    const ENDINGS: [&str; 7] = ["之际", "侧记", "纪实", "素描", "综述", "手记", "散记"];
    let line = line.trim_start_matches('—').trim();
    OPENINGS.iter().any(|o| line.starts_with(o)) && !line.starts_with("记者")
        || ENDINGS.iter().any(|e| line.ends_with(e))
}

fn read_merged(heads: &[&Line<'_>], m: usize) -> Headline {
    let line = heads.get(m).map_or("", |l| l.text);
    let split = line.find("——").unwrap_or(line.len());
    let left = line.get(..split).unwrap_or("").trim();
    let right = line
        .get(split..)
        .unwrap_or("")
        .trim_start_matches('—')
        .trim();
    let mut column = None;
    let mut kicker: Vec<String> = Vec::new();
    for l in heads.get(..m).unwrap_or(&[]) {
        if column.is_none() && kicker.is_empty() && column_shape(l.text) > 0 {
            column = Some(crate::lines::column_text(l.text));
        } else {
            kicker.push(fullwidth(l.text));
        }
    }
    let mut after: Vec<&Line<'_>> = heads.get(m + 1..).unwrap_or(&[]).to_vec();
    // `中国农民礼赞！——写在第一个丰收节到来之际`: the title, then its subtitle.
    if kicker.is_empty() && column.is_none() && after.is_empty() && title_then_subtitle(left, right)
    {
        return Headline {
            title: fullwidth(left),
            subtitle: Some(fullwidth(right)),
            ..Headline::default()
        };
    }
    kicker.push(fullwidth(left));
    if column.is_none()
        && let Some(last) = after.last()
        && last.class != Class::Subtitle
        && column_shape(last.text) == 2
    {
        column = Some(crate::lines::column_text(last.text));
        after.pop();
    }
    let subtitle: Vec<String> = after.iter().map(|l| subtitle_text(l.text)).collect();
    Headline {
        column,
        kicker: Some(kicker.join(" ")),
        title: fullwidth(right),
        subtitle: (!subtitle.is_empty()).then(|| subtitle.join(" ")),
        guessed: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::classify;

    #[test]
    fn a_merged_line_worded_as_title_and_subtitle_is_read_so() {
        let h = group(&["江村渔民礼赞！——写在开渔节到来之际"]);
        assert_eq!(h.title, "江村渔民礼赞！");
        assert_eq!(h.subtitle.as_deref(), Some("写在开渔节到来之际"));
        assert_eq!(h.kicker, None);
        let h = group(&["老街换新颜——江城旧城改造侧记"]);
        assert_eq!(h.title, "老街换新颜");
        // A kicker over its title stays so.
        let h = group(&["聚焦乡村振兴——江村稻田迎来开镰节"]);
        assert_eq!(h.kicker.as_deref(), Some("聚焦乡村振兴"));
        assert_eq!(h.title, "江村稻田迎来开镰节");
        assert!(!title_then_subtitle("江城", "记者走访新区"));
    }

    fn group(texts: &[&'static str]) -> Headline {
        let lines: Vec<Line<'static>> = texts
            .iter()
            .map(|t| crate::lines::plain_line(t, 0, classify(t)))
            .collect();
        let refs: Vec<&Line<'_>> = lines.iter().collect();
        read(&refs)
    }

    #[test]
    fn a_column_before_the_title_with_a_bar_and_again_under_it_is_read_once() {
        let h = group(&["江城时评 | 让老街区留住烟火气", "□ 江城时评"]);
        assert_eq!(h.column.as_deref(), Some("江城时评"));
        assert_eq!(h.title, "让老街区留住烟火气");
        let lines: Vec<Line<'static>> = ["江城时评 | 让老街区留住烟火气", "□ 江城时评"]
            .iter()
            .map(|t| crate::lines::plain_line(t, 0, classify(t)))
            .collect();
        let refs: Vec<&Line<'_>> = lines.iter().collect();
        assert_eq!(column_named_twice(&refs), Some(1));
        assert_eq!(column_named_twice(&refs[..1]), None);
    }

    #[test]
    fn a_titles_end_broken_off_by_a_narrow_column_goes_back_to_it() {
        assert!(headline_tail("扰民!"));
        assert!(headline_tail("谁的？"));
        assert!(headline_tail("真乱"));
        assert!(!headline_tail("能用上暖气"));
        assert!(!headline_tail("新华社"));
        assert!(!headline_tail("A股!"));
        let h = group(&["货车禁行路段行车", "扰民!"]);
        assert_eq!(h.title, "货车禁行路段行车 扰民！");
        assert_eq!(h.kicker, None);
        let h = group(&["城南农贸市场", "腐烂水果满地扔", "真乱!"]);
        assert_eq!(h.title, "腐烂水果满地扔 真乱！");
        assert_eq!(h.kicker.as_deref(), Some("城南农贸市场"));
    }

    #[test]
    fn a_place_and_what_happened_there_is_a_title() {
        assert!(placed_title("江城某区长河路：榕树腰折压马路"));
        assert!(!placed_title("市委书记强调：扎实推进"));
        assert!(!placed_title("江城长河路"));
        let h = group(&[
            "江城某区长河路：榕树腰折压马路",
            "断下的枝干需要三个人才能抬起来",
        ]);
        assert_eq!(h.title, "江城某区长河路：榕树腰折压马路");
    }

    #[test]
    fn the_report_a_follow_up_answers_is_no_title() {
        assert!(follow_up_of("《井盖破损 行人不安》跟踪报道"));
        assert!(!follow_up_of("《条例》今起施行"));
        let h = group(&["破损的井盖已更换", "《井盖破损 行人不安》跟踪报道"]);
        assert_eq!(h.title, "破损的井盖已更换");
        assert_eq!(h.subtitle.as_deref(), Some("《井盖破损 行人不安》跟踪报道"));
        let h = group(&["《村口集市 道路难行》跟踪报道", "集市已搬离 道路变通畅"]);
        assert_eq!(h.title, "集市已搬离 道路变通畅");
    }

    #[test]
    fn two_long_statements_lean_to_kicker_over_title_and_are_reported() {
        assert!(long_statements(
            "在生态产业化和产业生态化上下更大功夫",
            "探索更多更具特色更高效益的转化路径"
        ));
        assert!(!long_statements(
            "全市经济稳中向好",
            "前三季度增长百分之五点二"
        ));
        // Two statements of the same weight: either reading is the genre's, and the one kept
        // is reported as a guess.
        let h = group(&[
            "在生态产业化和产业生态化上下更大功夫",
            "探索更多更具特色更高效益的“两山”转化路径",
        ]);
        assert!(h.guessed);
        let h = group(&["某某联赛在江城落幕", "江城代表队荣获团体总分第一名"]);
        assert_eq!(h.title, "某某联赛在江城落幕");
    }

    #[test]
    fn what_the_people_concerned_ask_for_is_the_subtitle() {
        assert!(reaction_line("市民呼吁快点清洗"));
        assert!(reaction_line("相关部门回应：将尽快处理"));
        assert!(!reaction_line("市民公园今起免费开放"));
        let h = group(&["江城广场 水池漂满垃圾", "市民呼吁快点清洗"]);
        assert_eq!(h.title, "江城广场 水池漂满垃圾");
        assert_eq!(h.subtitle.as_deref(), Some("市民呼吁快点清洗"));
        let h = group(&[
            "南城大道与大桥引桥交汇处",
            "有段人行道仍是土路",
            "市民期盼尽快修好",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("南城大道与大桥引桥交汇处"));
        assert_eq!(h.title, "有段人行道仍是土路");
    }

    #[test]
    fn where_it_happened_is_the_titles_subtitle() {
        assert!(place_or_time_field("地点：江城某路与某路交叉口"));
        assert!(place_or_time_field("时间:每周六上午"));
        assert!(!place_or_time_field("地点："));
        assert!(!place_or_time_field("地点变了"));
        let h = group(&[
            "行道树被熏黑",
            "地点：江城某路与某路交叉口",
            "一些树叶明显变黑",
        ]);
        assert_eq!(h.title, "行道树被熏黑");
        let subtitle = h.subtitle.unwrap_or_default();
        assert!(
            subtitle.starts_with("地点：江城某路与某路交叉口"),
            "{subtitle}"
        );
    }

    #[test]
    fn a_column_field_heads_the_group_as_its_column() {
        assert_eq!(column_shape("专栏：摄影报道"), 2);
        assert_eq!(column_shape("专栏：城市漫步"), 2);
        assert_eq!(column_shape("专栏："), 0);
        let h = group(&["专栏：摄影报道", "摄影报道"]);
        assert_eq!(h.column.as_deref(), Some("摄影报道"));
        assert_eq!(h.title, "摄影报道");
        assert_eq!(h.subtitle, None);
    }

    #[test]
    fn of_three_lines_the_shortest_in_the_middle_is_the_title() {
        // As short as the kicker over it, and shorter than the quotation under it.
        assert!(middle_line_shortest(&[
            "交警正在路口执勤",
            "老人拎着水果来了",
            "“多亏你们，帮我找回了孙子”"
        ]));
        let h = group(&[
            "交警正在路口执勤",
            "老人拎着水果来了",
            "“多亏你们，帮我找回了孙子”",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("交警正在路口执勤"));
        assert_eq!(h.title, "老人拎着水果来了");
        assert_eq!(h.subtitle.as_deref(), Some("“多亏你们，帮我找回了孙子”"));
        assert!(middle_line_shortest(&[
            "铺路面 架钢梁 工地昼夜忙",
            "跨江大桥九月通车",
            "引桥和立交桥同时开工"
        ]));
        assert!(!middle_line_shortest(&[
            "跨江大桥九月通车",
            "引桥和立交桥同时开工"
        ]));
        assert!(!middle_line_shortest(&[
            "大桥通车",
            "引桥和立交桥同时开工",
            "沿线居民出行更方便"
        ]));
        let h = group(&[
            "铺路面 架钢梁 工地昼夜忙",
            "跨江大桥九月通车",
            "引桥和立交桥同时开工",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("铺路面 架钢梁 工地昼夜忙"));
        assert_eq!(h.title, "跨江大桥九月通车");
        assert_eq!(h.subtitle.as_deref(), Some("引桥和立交桥同时开工"));
    }

    #[test]
    fn column_labels_are_known_by_shape_not_by_a_list() {
        assert_eq!(column_shape("长河时评"), 2);
        assert_eq!(column_shape("经济新方位·聚焦县域特色产业"), 2);
        assert_eq!(column_shape("□乡土人物"), 2);
        assert_eq!(column_shape("「金报情缘」"), 2);
        assert_eq!(column_shape("今日头条"), 2);
        assert_eq!(column_shape("特别关注"), 2);
        assert_eq!(column_shape("〖江城观察〗"), 2);
        assert_eq!(column_shape("「好日子」来了，街坊笑开颜"), 0);
        assert_eq!(column_shape("观澜"), 1);
        assert_eq!(column_shape("新闻点击"), 2);
        assert_eq!(column_shape("一周速览"), 2);
        assert_eq!(column_shape("前5个月"), 0);
        assert_eq!(column_shape("一根竹子撑起百亿产业"), 0);
        assert_eq!(column_shape("老街巷里的“共享修理铺”"), 0);
    }

    #[test]
    fn a_line_announcing_a_document_over_two_more_is_the_kicker() {
        assert!(announces_document("省委办公厅省政府办公厅联合印发《通知》"));
        assert!(!announces_document("读《红楼梦》"));
        let h = group(&[
            "南州市政府办公厅印发《通知》",
            "全面恢复城乡正常生产生活秩序和医疗秩序",
            "统筹推进防汛和经济社会发展工作",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("南州市政府办公厅印发《通知》"));
        assert_eq!(h.title, "全面恢复城乡正常生产生活秩序和医疗秩序");
        assert_eq!(
            h.subtitle.as_deref(),
            Some("统筹推进防汛和经济社会发展工作")
        );
    }

    #[test]
    fn the_line_with_its_column_in_brackets_is_the_title() {
        let h = group(&[
            "今年全省春茶产量突破五万吨，价格与去年持平",
            "茶山迎来采摘忙（产业新观察）",
        ]);
        assert_eq!(
            h.kicker.as_deref(),
            Some("今年全省春茶产量突破五万吨，价格与去年持平")
        );
        assert_eq!(h.title, "茶山迎来采摘忙（产业新观察）");
        assert_eq!(h.subtitle, None);
    }

    #[test]
    fn two_unmarked_lines_are_kicker_and_title() {
        let h = group(&[
            "补齐产地“最先一公里”短板",
            "首批20个县域冷链物流枢纽开工建设",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("补齐产地“最先一公里”短板"));
        assert_eq!(h.title, "首批20个县域冷链物流枢纽开工建设");
        let h = group(&["今起至6月底", "城区12条道路“白改黑”分段施工"]);
        assert_eq!(h.kicker.as_deref(), Some("今起至6月底"));
    }

    #[test]
    fn a_place_and_its_news_over_a_shorter_theme_are_kicker_and_title() {
        use super::placed_fact_over_theme;
        assert!(placed_fact_over_theme(
            "湖北宜都推行“一网通办”改革",
            "让群众少跑腿"
        ));
        assert!(placed_fact_over_theme(
            "浙江嘉兴整改村级事务过多过杂问题",
            "减负担，让干部回到田间"
        ));
        // An amount under it is the subtitle's; no place, no kicker by this rule; a longer
        // second line is no theme.
        assert!(!placed_fact_over_theme(
            "山东临沂给快递小哥免费体检",
            "受益人数超三万"
        ));
        assert!(!placed_fact_over_theme(
            "广西启动乡村道路三年行动",
            "每年新建道路1200公里"
        ));
        assert!(!placed_fact_over_theme(
            "推行“一网通办”改革见实效",
            "让群众少跑腿"
        ));
        assert!(!placed_fact_over_theme(
            "福建开设盲童美术课",
            "老师闭眼备课，只为让孩子“看见”色彩"
        ));
        let h = group(&["湖北宜都推行“一网通办”改革", "让群众少跑腿，让数据多跑路"]);
        assert_eq!(h.kicker.as_deref(), Some("湖北宜都推行“一网通办”改革"));
        assert_eq!(h.title, "让群众少跑腿，让数据多跑路");
        let h = group(&["山东临沂给快递小哥免费体检", "受益人数超三万"]);
        assert_eq!(h.title, "山东临沂给快递小哥免费体检");
        assert_eq!(h.subtitle.as_deref(), Some("受益人数超三万"));
    }

    #[test]
    fn an_explanatory_second_line_is_a_subtitle() {
        let h = group(&[
            "“合纵连横”走在前 “港城标兵”作表率",
            "烟台市直机关新时代党建迈上高质量品牌之路",
        ]);
        assert_eq!(h.title, "“合纵连横”走在前 “港城标兵”作表率");
        assert_eq!(
            h.subtitle.as_deref(),
            Some("烟台市直机关新时代党建迈上高质量品牌之路")
        );
        let h = group(&[
            "□乡土人物",
            "老街巷里的“共享修理铺”",
            "南昌一群退休职工义务维修十二年,修好小家电三万余件",
        ]);
        assert_eq!(h.column.as_deref(), Some("乡土人物"));
        assert_eq!(h.title, "老街巷里的“共享修理铺”");
        assert!(h.subtitle.is_some());
    }

    #[test]
    fn a_short_label_before_a_title_is_its_column() {
        let h = group(&["观澜", "别让“打卡式”调研走了过场"]);
        assert_eq!(h.column.as_deref(), Some("观澜"));
        assert_eq!(h.kicker, None);
        let h = group(&[
            "经济新方位·聚焦县域特色产业",
            "从小作坊到全产业链",
            "一根竹子撑起百亿产业",
            "——福建省南平市竹产业发展调查",
        ]);
        assert_eq!(h.column.as_deref(), Some("经济新方位·聚焦县域特色产业"));
        assert_eq!(h.kicker.as_deref(), Some("从小作坊到全产业链"));
        assert_eq!(h.title, "一根竹子撑起百亿产业");
        assert_eq!(h.subtitle.as_deref(), Some("——福建省南平市竹产业发展调查"));
    }

    #[test]
    fn a_place_or_label_beside_the_title_is_its_column() {
        assert_eq!(
            column_beside_title("黄浦区  “先锋上海”志愿者打头阵"),
            Some(("黄浦区", "“先锋上海”志愿者打头阵"))
        );
        assert_eq!(column_beside_title("创新金融服务  助力渔业发展"), None);
        assert_eq!(column_beside_title("抓作风  不能松"), None);
        // A single space sets apart only a known label.
        assert_eq!(
            column_beside_title("记者直击 人行道破损坑洼市民希望快整修"),
            Some(("记者直击", "人行道破损坑洼市民希望快整修"))
        );
        assert_eq!(column_beside_title("路灯“罢工”近一月 市民盼亮灯"), None);
        assert_eq!(column_beside_title("江城大桥 今日通车"), None);
    }

    #[test]
    fn a_known_label_joined_to_the_title_by_a_colon_or_slash_is_its_column() {
        assert_eq!(
            label_colon_title("特写：反对派怕上身避投票"),
            Some(("特写", "反对派怕上身避投票"))
        );
        assert_eq!(
            label_colon_title("花 絮\\涵盖界别广 官员坐记者区"),
            Some(("花 絮", "涵盖界别广 官员坐记者区"))
        );
        assert_eq!(
            label_colon_title("快评:让社区食堂长流水"),
            Some(("快评", "让社区食堂长流水"))
        );
        // A speaker, a place, a title that merely holds a colon.
        assert_eq!(label_colon_title("王毅：中方愿同各方加强合作"), None);
        assert_eq!(label_colon_title("北京：全市启动冬季供暖"), None);
        assert_eq!(label_colon_title("特写：短"), None);
        assert_eq!(
            label_colon_title("[2004-03-31] 特写：港式记者阵 街坊均好奇"),
            Some(("特写", "港式记者阵 街坊均好奇"))
        );
        assert_eq!(
            label_colon_title("政情：议员赶做节"),
            Some(("政情", "议员赶做节"))
        );
        let h = group(&["长宁区  居民“金点子”更生动周全"]);
        assert_eq!(h.column.as_deref(), Some("长宁区"));
        assert_eq!(h.title, "居民“金点子”更生动周全");
    }

    #[test]
    fn an_explaining_clause_beside_the_title_is_its_subtitle() {
        assert_eq!(
            subtitle_beside_title("春耕备耕忙 全市已投入农机两千余台，预计月底前完成播种"),
            Some(("春耕备耕忙", "全市已投入农机两千余台，预计月底前完成播种"))
        );
        let h = group(&["春耕备耕忙 全市已投入农机两千余台，预计月底前完成播种"]);
        assert_eq!(h.title, "春耕备耕忙");
        assert!(h.guessed);
        // Two parallel phrases, or a shorter second part: one title.
        assert_eq!(subtitle_beside_title("一条山路通了 一个村子活了"), None);
        assert_eq!(
            subtitle_beside_title("爱上这座城 写在江城第九次获评宜居城市之际"),
            Some(("爱上这座城", "写在江城第九次获评宜居城市之际"))
        );
        // A speaker and the words: one title.
        assert_eq!(
            subtitle_beside_title("公司创始人林小雨： 市场越冷，越能练出好团队"),
            None
        );
        assert!(two_long_phrases(
            "中国第二台机组并网发电 年发电能力近百亿度"
        ));
        assert!(!two_long_phrases("芒种将至 农事忙"));
        assert!(!two_long_phrases("江北新区: “未来之城”崛起成势"));
        assert_eq!(
            barred_column_title("法治时评 | 以法治守护舌尖上的安全"),
            Some(("法治时评", "以法治守护舌尖上的安全"))
        );
        assert_eq!(
            column_beside_title("深度丨老街区的新生活"),
            Some(("深度", "老街区的新生活"))
        );
        assert_eq!(
            barred_column_title("标题写在这里 | 某某新闻网 | 首页"),
            None
        );
        assert_eq!(barred_column_title("A|B测试结果公布"), None);
        assert_eq!(
            slashed_column_title("本报50年／江城分社贴近街坊 秉持初心"),
            Some(("本报50年", "江城分社贴近街坊 秉持初心"))
        );
        assert_eq!(slashed_column_title("50／江城分社贴近街坊"), None);
        assert!(!two_long_phrases("跑道向前延伸  脚步不曾停歇"));
        assert_eq!(
            subtitle_beside_title("厦门节后招聘开启 30岁以上求职者占比较大"),
            None
        );
        assert_eq!(
            subtitle_beside_title("城南湿地春日迎客，游人如织 栈道开放"),
            None
        );
    }

    #[test]
    fn a_headline_joined_by_a_hyphen_is_read_as_its_lines() {
        assert_eq!(
            joined_by_hyphen("瞄准训练场攻关不辍-高工扎根基层二十余年"),
            Some(("瞄准训练场攻关不辍", "高工扎根基层二十余年"))
        );
        assert_eq!(joined_by_hyphen("COVID-19疫苗接种有序推进"), None);
        assert_eq!(joined_by_hyphen("京沪-高铁"), None);
        let h = group(&["瞄准训练场攻关不辍-高工扎根基层二十余年完成技术革新二百余项"]);
        assert_eq!(h.title, "瞄准训练场攻关不辍");
        assert_eq!(
            h.subtitle.as_deref(),
            Some("高工扎根基层二十余年完成技术革新二百余项")
        );
        let h = group(&["主席在学习座谈会上强调-全党要认真学习理论"]);
        assert_eq!(h.kicker.as_deref(), Some("主席在学习座谈会上强调"));
        assert_eq!(h.title, "全党要认真学习理论");
    }

    #[test]
    fn a_round_up_items_name_and_colon_open_its_title() {
        let h = group(&["梅村：引导居民", "将环保理念化作行动"]);
        assert_eq!(h.kicker, None);
        assert_eq!(h.title, "梅村：引导居民");
    }

    #[test]
    fn a_long_title_over_a_shorter_bare_line_may_be_wrapped() {
        assert!(wrapped_title(&[
            "江城新规：今年起选择生态安葬",
            "可领奖补3000元"
        ]));
        assert!(!wrapped_title(&["港城新貌", "新建三座泊位投入使用"]));
        assert!(!wrapped_title(&[
            "江城新规：今年起选择生态安葬",
            "奖补标准，全市统一"
        ]));
        let h = group(&["江城新规：今年起选择生态安葬", "可领奖补3000元"]);
        assert!(h.guessed);
    }

    #[test]
    fn a_narrow_win_is_a_close_call() {
        assert!(close_call(2, &["港城新貌", "新建三座泊位投入使用"]));
        assert!(close_call(
            3,
            &["防疫措施环环相扣  手术挽救同胞眼睛", "万里“光明接力”"]
        ));
        assert!(!close_call(
            3,
            &["“走在前” “作表率”", "市直机关党建迈上高质量品牌之路"]
        ));
        assert!(!close_call(
            4,
            &["防疫措施环环相扣  手术挽救同胞眼睛", "万里“光明接力”"]
        ));
    }

    #[test]
    fn spaces_inside_book_titles_and_quotes_do_not_part_phrases() {
        assert_eq!(
            phrases("省里印发《关于改善民生 解决急难愁盼的意见》 推动民生建设更加均衡"),
            [
                "省里印发《关于改善民生 解决急难愁盼的意见》",
                "推动民生建设更加均衡"
            ]
        );
        assert_eq!(
            phrases("一条山路通了　一个村子活了"),
            ["一条山路通了", "一个村子活了"]
        );
        assert_eq!(phrases("“守望 相助”"), ["“守望 相助”"]);
    }

    #[test]
    fn two_long_phrases_beside_the_text_are_title_and_subtitle() {
        let line = Line {
            beside_text: true,
            ..crate::lines::plain_line(
                "省里印发《关于改善民生 解决急难愁盼的意见》 推动民生建设更加均衡",
                0,
                Class::Short,
            )
        };
        let h = read(&[&line]);
        assert_eq!(h.title, "省里印发《关于改善民生 解决急难愁盼的意见》");
        assert_eq!(h.subtitle.as_deref(), Some("推动民生建设更加均衡"));
        assert!(h.guessed);
        // Standing over its text, the same line is one title of two phrases.
        let over = Line {
            beside_text: false,
            ..line
        };
        assert_eq!(read(&[&over]).subtitle, None);
    }

    #[test]
    fn a_line_running_on_into_the_next_is_the_kicker() {
        let h = group(&["95后运动员以坚持诠释武术魅力——", "刚柔并济，又美又飒"]);
        assert_eq!(h.kicker.as_deref(), Some("95后运动员以坚持诠释武术魅力——"));
        assert_eq!(h.title, "刚柔并济，又美又飒");
    }

    #[test]
    fn a_numbered_series_joined_to_its_column_by_a_dot_is_a_column_label() {
        assert!(numbered_series("大家谈·扎根基层  建功乡村④"));
        assert!(numbered_series("青春之歌·奋斗在一线㉜"));
        assert!(numbered_series("走进乡村·看变化（三）"));
        assert!(!numbered_series("大家谈·扎根基层"));
        assert!(!numbered_series("城市更新，让生活更美好④"));
        let h = group(&["大家谈·扎根基层  建功乡村④", "追梦何必去远方"]);
        assert_eq!(h.column.as_deref(), Some("大家谈·扎根基层  建功乡村④"));
        assert_eq!(h.title, "追梦何必去远方");
    }

    #[test]
    fn two_parallel_phrases_under_a_statement_are_the_title_under_its_kicker() {
        let h = group(&["山城新建的物流基地一期投产", "传承老手艺  走出新路子"]);
        assert_eq!(h.kicker.as_deref(), Some("山城新建的物流基地一期投产"));
        assert_eq!(h.title, "传承老手艺  走出新路子");
    }

    #[test]
    fn two_parallel_phrases_over_a_plain_line_are_the_title_over_its_subtitle() {
        let h = group(&["夫猝逝 婦扛20萬債茫然", "忍腿傷育兩女「不知如何過下去」"]);
        assert_eq!(h.title, "夫猝逝 婦扛20萬債茫然");
        assert_eq!(
            h.subtitle.as_deref(),
            Some("忍腿傷育兩女「不知如何過下去」")
        );
        assert!(parallel_phrases("夫猝逝 婦扛20萬債茫然"));
        assert!(!parallel_phrases("夫猝逝婦扛20萬債茫然"));
        assert!(!parallel_phrases("王 某某"));
        let h = group(&["文旅融合  体验上新", "建好用好江城文化公园（深阅读）"]);
        assert_eq!(h.kicker.as_deref(), Some("文旅融合  体验上新"));
    }

    #[test]
    fn series_numbers_are_column_labels() {
        assert!(series_mark("第3计"));
        assert!(series_mark("第12期"));
        assert!(series_mark("之二"));
        assert!(!series_mark("第一次"));
        // A column's name with the issue's number.
        assert!(numbered_issue("长河特稿第1354期"));
        assert_eq!(column_shape("政策解读"), 2);
        assert!(themed_column("“江城先行、长河争先”主题活动•先锋"));
        // Figures in the line over a title without them: its kicker.
        let h = group(&["江城212个社区减少入户检查30%以上", "一个窗口办成一件事"]);
        assert_eq!(
            h.kicker.as_deref(),
            Some("江城212个社区减少入户检查30%以上")
        );
        assert_eq!(h.title, "一个窗口办成一件事");
        // Under the title, they are its subtitle.
        let h = group(&["江城启动就近就业三年行动", "预计每年新增3万个岗位"]);
        assert_eq!(h.title, "江城启动就近就业三年行动");
        assert_eq!(column_shape("“江城先行、长河争先”主题活动•先锋"), 2);
        assert!(!themed_column("他说·我们明天再去看看吧，好不好"));
        assert_eq!(column_shape("长河特稿第1354期"), 2);
        assert!(!numbered_issue("全市第一次"));
        let h = group(&["长河特稿第1354期", "谁家的老屋"]);
        assert_eq!(h.column.as_deref(), Some("长河特稿第1354期"));
        assert_eq!(h.title, "谁家的老屋");
        // Under the series' number, a four-character phrase over a longer line is the item's
        // kicker, as it is with no number over it.
        let h = group(&["第1计", "巧手妙招", "改装“流动服务车”"]);
        assert_eq!(h.column.as_deref(), Some("第1计"));
        assert_eq!(h.kicker.as_deref(), Some("巧手妙招"));
        assert_eq!(h.title, "改装“流动服务车”");
        let h = group(&["邻里互助", "抗原检测高效率"]);
        assert_eq!(h.kicker.as_deref(), Some("邻里互助"));
        assert_eq!(h.title, "抗原检测高效率");
    }

    #[test]
    fn a_kicker_announcing_what_was_said_leads_into_the_title() {
        let h = group(&[
            "习近平对全面依法治国工作作出重要指示强调",
            "坚持党的领导人民当家作主依法治国有机统一",
        ]);
        assert_eq!(
            h.kicker.as_deref(),
            Some("习近平对全面依法治国工作作出重要指示强调")
        );
        assert_eq!(h.title, "坚持党的领导人民当家作主依法治国有机统一");
    }

    #[test]
    fn of_two_lines_the_shorter_is_the_title_under_its_kicker() {
        assert!(kicker_over_shorter_title(
            "推进河道清淤、岸线整治、生态修复",
            "江城打好治水攻坚战"
        ));
        assert!(kicker_over_shorter_title(
            "唱新春颂新岁迎新年",
            "古镇灯会人如潮"
        ));
        // A shorter line with an amount adds a fact: the subtitle.
        assert!(!kicker_over_shorter_title(
            "江城启动就近就业三年行动",
            "预计新增3万个岗位"
        ));
        assert!(!kicker_over_shorter_title(
            "江城启动文旅消费季",
            "百项活动迎新春"
        ));
        // A title that carries its column stays the title.
        assert!(!kicker_over_shorter_title(
            "守住基层的烟火气（江城观察）",
            "评论部"
        ));
        let h = group(&["推进河道清淤、岸线整治、生态修复", "江城打好治水攻坚战"]);
        assert_eq!(
            h.kicker.as_deref(),
            Some("推进河道清淤、岸线整治、生态修复")
        );
        assert_eq!(h.title, "江城打好治水攻坚战");
        let h = group(&["唱新春颂新岁迎新年", "古镇灯会人如潮"]);
        assert_eq!(h.title, "古镇灯会人如潮");
        // Shorter over longer keeps the genre's other reading open: title and subtitle.
        let h = group(&["老街巷里的共享修理铺", "一群退休工人义务修家电十二年"]);
        assert_eq!(h.title, "老街巷里的共享修理铺");
    }

    #[test]
    fn a_title_has_one_plain_subtitle_line() {
        // Three lines, the middle as short as the first: kicker, title and subtitle, not a title
        // over two subtitle lines.
        let h = group(&[
            "路灯不亮   井盖缺失",
            "小巷夜路难走  居民盼修",
            "希望有关部门尽快解决",
        ]);
        assert_eq!(h.kicker.as_deref(), Some("路灯不亮   井盖缺失"));
        assert_eq!(h.title, "小巷夜路难走  居民盼修");
        assert_eq!(h.subtitle.as_deref(), Some("希望有关部门尽快解决"));
    }

    #[test]
    fn facts_with_an_amount_under_a_short_title_are_its_subtitle() {
        assert!(facts_under_short_title(
            "江城300名志愿者义务服务运动会",
            "这也是我们的城"
        ));
        assert!(!facts_under_short_title(
            "江城志愿者义务服务运动会赛场",
            "这也是我们的城"
        ));
        assert!(!facts_under_short_title(
            "首批20个冷链枢纽开工",
            "补齐冷链“最先一公里”短板"
        ));
        assert!(!facts_under_short_title(
            "今年以来新增市场主体2.3万户",
            "链接"
        ));
        let h = group(&["这也是我们的城", "江城300名志愿者义务服务运动会"]);
        assert_eq!(h.title, "这也是我们的城");
        assert_eq!(h.subtitle.as_deref(), Some("江城300名志愿者义务服务运动会"));
    }

    #[test]
    fn a_bracketed_tag_before_the_title_is_its_column() {
        assert_eq!(
            bracketed_column_before_title("【创城在行动】扫雪除冰保畅通 志愿服务暖人心"),
            Some(("创城在行动", "扫雪除冰保畅通 志愿服务暖人心"))
        );
        assert_eq!(
            bracketed_column_before_title("[影像]瑞雪润江城"),
            Some(("影像", "瑞雪润江城"))
        );
        assert_eq!(bracketed_column_before_title("【图片新闻】"), None);
        assert_eq!(
            bracketed_column_before_title("【2026年两节送温暖行动·暖闻】西宁开展暖冬行动"),
            Some(("2026年两节送温暖行动·暖闻", "西宁开展暖冬行动"))
        );
        assert_eq!(
            bracketed_column_before_title("【案情】张某在江城开了一家店。"),
            None
        );
        assert_eq!(crate::lines::classify("[影像]瑞雪润江城(一)"), Class::Short);
        let h = group(&["【创城在行动】扫雪除冰保畅通 志愿服务暖人心"]);
        assert_eq!(h.column.as_deref(), Some("创城在行动"));
        assert_eq!(h.title, "扫雪除冰保畅通 志愿服务暖人心");
    }

    #[test]
    fn three_phrases_in_a_row_are_a_kicker() {
        assert_eq!(phrases("修好路  建好站  办好事").len(), 3);
        let h = group(&["修好路  建好站  办好事", "山村客运跑出加速度"]);
        assert_eq!(h.kicker.as_deref(), Some("修好路  建好站  办好事"));
        assert_eq!(h.title, "山村客运跑出加速度");
    }

    #[test]
    fn a_line_naming_who_attended_is_a_subtitle() {
        assert!(attendance_line("张明李华参加"));
        assert!(attendance_line("市长王某出席并讲话"));
        assert!(attendance_line("王某出席并致辞"));
        assert!(!attendance_line("参加"));
        assert!(!attendance_line("全市千名志愿者参加，活动持续一周"));
        assert!(attendance_line("某甲某乙讲话 某丙主持 某丁某戊某己出席"));
        assert!(attendance_line("王某主持 李某张某出席"));
        assert!(attendance_line("李某某卢某某出席会议"));
        assert!(!attendance_line("全市召开安全生产会议"));
        assert!(!attendance_line("群众参与 干部出席 活动推进有序展开"));
        let h = group(&["市政协领导视察重点民生项目", "张明李华参加"]);
        assert_eq!(h.title, "市政协领导视察重点民生项目");
        assert_eq!(h.subtitle.as_deref(), Some("张明李华参加"));
    }

    #[test]
    fn a_label_after_the_headline_is_its_column() {
        let h = group(&["首批1200名“银龄教师”走上乡村讲台", "基层教育新观察"]);
        assert_eq!(h.title, "首批1200名“银龄教师”走上乡村讲台");
        assert_eq!(h.column.as_deref(), Some("基层教育新观察"));
        let h = group(&[
            "全省已建成农村客运招呼站点4300余个—— 山里人出门“抬脚就上车”",
            "交通惠民·乡村行",
        ]);
        assert_eq!(h.title, "山里人出门“抬脚就上车”");
        assert_eq!(h.column.as_deref(), Some("交通惠民·乡村行"));
    }
}
