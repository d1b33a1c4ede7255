//! Knowledge of Chinese personal names: surnames, the shapes names take in print, and how to
//! split a run of names printed without spaces (`王飞李永`).

use crate::normalize::is_han;

/// Whether `s` is a compound surname: a name that starts with one is three or four characters
/// long. A `match`: it is asked of every name-shaped word.
fn is_compound_surname(s: &str) -> bool {
    matches!(
        s,
        "欧阳"
            | "上官"
            | "司马"
            | "诸葛"
            | "东方"
            | "皇甫"
            | "尉迟"
            | "公孙"
            | "慕容"
            | "长孙"
            | "宇文"
            | "司徒"
            | "夏侯"
            | "令狐"
            | "端木"
            | "西门"
            | "南宫"
            | "独孤"
            | "百里"
            | "呼延"
            | "澹台"
            | "闻人"
            | "轩辕"
            | "钟离"
            | "宗政"
            | "濮阳"
            | "公冶"
            | "太叔"
            | "申屠"
            | "仲孙"
            | "赫连"
            | "拓跋"
            | "东郭"
            | "左丘"
            | "司空"
            | "司寇"
            | "巫马"
            | "公良"
            | "漆雕"
            | "段干"
            | "公西"
            | "羊舌"
            | "微生"
            | "梁丘"
            | "乐正"
    )
}

/// Single-character surnames, the common ones first (together they name well over 95% of
/// people in China).
const SINGLE: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡\
余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛\
郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳\
甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾\
尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和\
仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡揭寿鞠惠丰利伏荆邝宾邸迟蔺扬原储晋东海羊法楚冀谈俱\
伊郁晁浦那鄢廉铁阎帅植来逯钮禹宣索蓟位鲜展封诸相井慕昝戈信郜檀栗练禄雍丘鄂茅竺粟上官初亓覃\
笪籍豆巴步都荀钭幸仝冼于睢姬郅阚逄佴郗禚訾隗邰蒯鄞谌庹缑\
傅洪芮闻狄蔚阙湛綦邴盘";

/// Words of the right length that are credit labels, titles or common nouns, never a name
/// (among them what a paragraph's label puts after `记者`: `【记者连线】`, `【记者核实】`),
/// in byte order: a binary search finds one in a few comparisons (it is asked of every
/// name-shaped word of every credit).
const NOT_NAMES: &[&str] = &[
    "万众",
    "专题",
    "东西",
    "主编",
    "乐山",
    "于是",
    "体验",
    "作者",
    "供图",
    "全媒",
    "关注",
    "出品",
    "制图",
    "南北",
    "向上",
    "向前",
    "周末",
    "和平",
    "回访",
    "图文",
    "图片",
    "图说",
    "地点",
    "安全",
    "安全生产",
    "实习",
    "对话",
    "平安",
    "延伸",
    "快讯",
    "手记",
    "执行",
    "报道",
    "探访",
    "摄影",
    "撰文",
    "数说",
    "整理",
    "文化",
    "文图",
    "文字",
    "文明",
    "新春",
    "新知",
    "新闻",
    "方案",
    "时评",
    "时间",
    "明天",
    "明年",
    "春节",
    "暗访",
    "本报",
    "札记",
    "来信",
    "林业",
    "校对",
    "核实",
    "江河",
    "海报",
    "海洋",
    "特约",
    "白色",
    "监制",
    "直击",
    "相关",
    "短评",
    "石油",
    "程序",
    "策划",
    "简讯",
    "统筹",
    "综合",
    "编后",
    "编者",
    "编辑",
    "美编",
    "联合",
    "聚焦",
    "背景",
    "见闻",
    "观察",
    "观点",
    "视觉",
    "记者",
    "设计",
    "评论",
    "说明",
    "调查",
    "资料",
    "走访",
    "路线",
    "连线",
    "连续",
    "追踪",
    "通讯",
    "金秋",
    "金融",
    "钱塘",
    "链接",
    "阅读",
    "高温",
    "高考",
    "高速",
    "黄金",
];

/// Whether `s` is one of [`NOT_NAMES`].
fn not_a_name(s: &str) -> bool {
    NOT_NAMES.binary_search(&s).is_ok()
}

/// Whether `s` is a credit label or common word that has a name's shape (`手记`, `调查`).
pub(crate) fn is_credit_word(s: &str) -> bool {
    not_a_name(s)
        || [
            "撰文", "策划", "摄影", "统筹", "整理", "采写", "手记", "调查",
        ]
        .iter()
        .any(|w| s.len() > w.len() && s.ends_with(w) && s.starts_with("专题"))
}

/// Endings of the names of bodies that sign an essay as its author, as 理论 and 评论 pages
/// print them under the headline: `中共某某省委宣传部`, `某某大学某某研究中心`, `本报评论员`.
const BODY_ENDINGS: &[&str] = &[
    "宣传部",
    "组织部",
    "统战部",
    "中心组",
    "课题组",
    "调研组",
    "写作组",
    "研究中心",
    "研究院",
    "研究所",
    "委员会",
    "编辑部",
    "评论部",
    "评论员",
    "党组",
    "办公厅",
];

/// Whether a line is the name of a body signing as author (`中共某某省委宣传部`, `本报评论员`):
/// Han characters only (and `·`), five to thirty of them, ending in a body's word.
pub(crate) fn signing_body(s: &str) -> bool {
    let n = s.chars().count();
    (5..=30).contains(&n)
        && s.chars().all(|c| crate::normalize::is_han(c) || c == '·')
        && BODY_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// Whether `c` is a single-character surname.
pub(crate) fn is_surname_char(c: char) -> bool {
    // [`SINGLE`] sorted once, searched by halves: a scan of its thousand bytes for every
    // character asked about would cost more.
    static SORTED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut chars: Vec<char> = SINGLE.chars().collect();
            chars.sort_unstable();
            chars.dedup();
            chars
        })
        .binary_search(&c)
        .is_ok()
}

/// The length in characters of the surname `s` starts with: 2 for a compound surname, 1 for a
/// single one, none if it starts with no surname.
pub(crate) fn surname_len(s: &str) -> Option<usize> {
    // Two Han characters are six bytes in UTF-8.
    if s.get(..6).is_some_and(is_compound_surname) {
        return Some(2);
    }
    s.chars().next().filter(|&c| is_surname_char(c)).map(|_| 1)
}

/// Whether `s` reads as a personal name: a surname and one or two given characters (two or
/// three after a compound surname), all Han, and no credit word or common noun.
pub(crate) fn is_person_name(s: &str) -> bool {
    let n = s.chars().count();
    if !s.chars().all(is_han) || not_a_name(s) {
        return false;
    }
    match surname_len(s) {
        // A compound surname may also be read as a single one (`东方` is both).
        Some(2) => (3..=4).contains(&n) || (2..=3).contains(&n) && is_surname_char_first(s),
        Some(_) => (2..=3).contains(&n),
        None => false,
    }
}

/// The hundred most common single surnames, which together name most people.
const COMMON: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Whether a name opens with one of the most common surnames, or a compound one.
fn common_surname(name: &str) -> bool {
    surname_len(name) == Some(2) || name.chars().next().is_some_and(|c| COMMON.contains(c))
}

fn is_surname_char_first(s: &str) -> bool {
    s.chars().next().is_some_and(is_surname_char)
}

/// Words that end a person's post or standing before the person's name: `…局副局长`, `…教授`.
const POSTS: &[&str] = &[
    "书记",
    "委员",
    "主任",
    "局长",
    "处长",
    "科长",
    "部长",
    "厅长",
    "省长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "村长",
    "院长",
    "所长",
    "校长",
    "站长",
    "队长",
    "社长",
    "会长",
    "主席",
    "代表",
    "经理",
    "董事长",
    "总裁",
    "教授",
    "研究员",
    "专家",
    "工程师",
    "医生",
    "老师",
    "教师",
    "干部",
    "民警",
    "党员",
    "村民",
    "居民",
    "职工",
    "工人",
    "农民",
    "学生",
    "负责人",
    "志愿者",
    "网友",
    "律师",
    "法官",
    "检察官",
    "主持人",
    "馆长",
    "团长",
    "组长",
];

/// The person named after a post at the end of `s` (`江城市某某局副局长林小雨` → `林小雨`,
/// `全国政协委员王小二` → `王小二`): a name of two or three characters after two characters or
/// more that end in a post.
pub(crate) fn name_after_post(s: &str) -> Option<&str> {
    let s = s.trim();
    [3, 2].into_iter().find_map(|len| {
        let at = s.char_indices().rev().nth(len - 1)?.0;
        let (post, name) = s.split_at(at);
        (is_person_name(name) && post.chars().count() >= 2 && ends_in_post(post)).then_some(name)
    })
}

/// Whether `s` ends in a person's post ([`POSTS`]): `…局副局长`, `…学院教授`.
pub(crate) fn ends_in_post(s: &str) -> bool {
    POSTS.iter().any(|p| s.ends_with(p))
}

/// Reads a line that holds only a person's name, as commentary and 理论 pages print an author
/// under the title: `朱明远`, `张  铁` (a two-character name padded to three widths), `何　川`.
/// Returns the name without spaces.
pub(crate) fn bare_name(line: &str) -> Option<String> {
    let t = line.trim();
    // Four characters and padding at most: most lines are rejected by their length alone.
    if t.len() > 24 {
        return None;
    }
    let mut parts = t.split_whitespace();
    match (parts.next(), parts.next(), parts.next()) {
        (Some(one), None, None) => is_person_name(one).then(|| one.to_owned()),
        // Padded: a surname set apart from a one- or two-character given name (`张  铁`,
        // `郅  延文`).
        (Some(a), Some(b), None) if a.chars().count() == 1 && b.chars().count() <= 2 => {
            let name = format!("{a}{b}");
            (is_person_name(&name) || padded_pen_name(t, a, b)).then_some(name)
        }
        _ => None,
    }
}

/// Two characters set a wide space apart (`襄  谈`, `与　歌`): typesetters pad only a
/// two-character name so, whether or not its first character is a surname in the table (pen
/// names often are not).
fn padded_pen_name(line: &str, a: &str, b: &str) -> bool {
    let gap = line.get(a.len()..line.len() - b.len()).unwrap_or("");
    b.chars().count() == 1
        && (gap.contains('\u{3000}') || gap.len() >= 2)
        && a.chars().chain(b.chars()).all(is_han)
        && !is_credit_word(&format!("{a}{b}"))
}

/// Two characters set one space apart (`啸 尘`): a writer's name padded to a title's width
/// where it stands right under one ([`crate::lines`] decides where), joined; `None` for a
/// credit's or a label's word.
pub(crate) fn spaced_pen_name(t: &str) -> Option<String> {
    if t.len() > 8 {
        return None;
    }
    let mut parts = t.split(' ');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    let name = format!("{a}{b}");
    (a.chars().count() == 1
        && b.chars().count() == 1
        && name.chars().all(is_han)
        && !is_credit_word(&name)
        && crate::lines::label_kind(&name).is_none())
    .then_some(name)
}

/// The names of a line read as names ([`crate::lines::Class::Name`]): bare names, or two
/// characters set one space apart where the line stands as a writer's name.
pub(crate) fn names_of_name_line(t: &str) -> Option<Vec<String>> {
    bare_names(t).or_else(|| spaced_pen_name(t).map(|n| vec![n]))
}

/// Reads a line that holds only names: one bare name ([`bare_name`]) or several set apart by
/// spaces, as web exports print the reporters under a title (`毛某某 栗某 郑某`). Every part
/// must read as a whole name.
pub(crate) fn bare_names(line: &str) -> Option<Vec<String>> {
    if let Some(one) = bare_name(line) {
        return Some(vec![one]);
    }
    let t = line.trim();
    if t.len() > 60 {
        return None;
    }
    if t.contains(['/', '／']) {
        slashed_names(t)
    } else {
        padded_names(t)
    }
}

/// Names joined by slashes, as an e-paper site lists an article's writers under its title
/// (`沈某/蔡某某/蔡某`): each part a whole name; two to six of them.
fn slashed_names(t: &str) -> Option<Vec<String>> {
    let names: Vec<String> = t.split(['/', '／']).map(|n| n.trim().to_owned()).collect();
    ((2..=6).contains(&names.len()) && names.iter().all(|n| is_person_name(n))).then_some(names)
}

/// Several names on a line set apart by spaces, as web exports print the reporters under a
/// title (`毛某某 栗某 郑某`) and theory pages two authors with a two-character name padded to
/// three widths (`王小二  李  四`): each part a whole name, or a surname and a given character
/// set apart. Two to six names.
fn padded_names(t: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = t.split_whitespace().collect();
    if parts.len() > 8 {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&part) = parts.get(i) {
        if part.chars().count() >= 2 && is_person_name(part) {
            out.push(part.to_owned());
            i += 1;
            continue;
        }
        let next = parts.get(i + 1)?;
        let name = format!("{part}{next}");
        if part.chars().count() != 1 || next.chars().count() > 2 || !is_person_name(&name) {
            return None;
        }
        out.push(name);
        i += 2;
    }
    (2..=6).contains(&out.len()).then_some(out)
}

/// Reads a list of whole names set apart by spaces or `、` (`张三、李四`, `张三 李四`): the
/// names, if every part reads as a person's name (at most six).
pub(crate) fn listed_names(list: &str) -> Option<Vec<String>> {
    let names: Vec<String> = list
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect();
    ((1..=6).contains(&names.len()) && names.iter().all(|n| is_person_name(n))).then_some(names)
}

/// How a run of names printed without spaces was split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Split {
    pub names: Vec<String>,
    /// More than one split reads as names: this one is a guess.
    pub guessed: bool,
}

/// Splits a run of Han characters printed without spaces into names (`王飞李永` → `王飞`,
/// `李永`; `欧阳志明胡晓燕` → `欧阳志明`, `胡晓燕`). Every part must start with a surname and
/// be a name's length. Among several readings the one with the fewest two-character names
/// wins (three-character names are the more common), and the split is marked as guessed.
pub(crate) fn split_names(run: &str) -> Option<Split> {
    let chars: Vec<char> = run.chars().collect();
    if chars.is_empty() || chars.len() > 16 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    let mut readings: Vec<Vec<String>> = Vec::new();
    let mut stack: Vec<(usize, Vec<String>)> = vec![(0, Vec::new())];
    while let Some((at, parts)) = stack.pop() {
        if at == chars.len() {
            readings.push(parts);
            continue;
        }
        for len in 2..=4 {
            let Some(part) = chars.get(at..at + len) else {
                break;
            };
            let part: String = part.iter().collect();
            if is_person_name(&part) && (len < 4 || surname_len(&part) == Some(2)) {
                let mut next = parts.clone();
                next.push(part);
                stack.push((at + len, next));
            }
        }
    }
    let score = |r: &Vec<String>| {
        let two = r.iter().filter(|n| n.chars().count() == 2).count();
        // Between readings alike in length, the one whose names open with common surnames:
        // `郑蕾徐文梅` is `郑蕾`, `徐文梅`, not `郑蕾徐`, `文梅`.
        let rare = r.iter().filter(|n| !common_surname(n)).count();
        (two, r.len(), rare)
    };
    // The first of the best readings.
    let best = readings.iter().min_by_key(|r| score(r))?.clone();
    Some(Split {
        guessed: readings.len() > 1,
        names: best,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn between_splits_alike_the_one_with_common_surnames_wins() {
        let split = split_names("郑蕾徐文梅").expect("two names");
        assert_eq!(split.names, ["郑蕾", "徐文梅"]);
        assert!(split.guessed);
        assert!(common_surname("欧阳志明"));
        assert!(!common_surname("文梅"));
    }

    #[test]
    fn a_name_after_a_post_is_found() {
        assert_eq!(
            name_after_post("江城市长河区住建局副局长林小雨"),
            Some("林小雨")
        );
        assert_eq!(name_after_post("全国政协委员王小二"), Some("王小二"));
        assert_eq!(name_after_post("长河村村民张三"), Some("张三"));
        assert_eq!(name_after_post("南州大学教授"), None);
        assert_eq!(name_after_post("王小二"), None);
        assert!(ends_in_post("南州大学经济学院教授"));
        assert!(!ends_in_post("南州大学经济学院"));
    }

    #[test]
    fn names_joined_by_slashes_are_a_sites_list_of_writers() {
        assert_eq!(
            slashed_names("沈媛/蔡静仪/蔡新纪"),
            Some(vec!["沈媛".into(), "蔡静仪".into(), "蔡新纪".into()])
        );
        assert_eq!(bare_names("季张颖/郭志怡").map(|n| n.len()), Some(2));
        // A credit's words are no names; nor is one name alone.
        assert_eq!(slashed_names("王某/摄"), None);
        assert_eq!(slashed_names("文/王小二"), None);
        assert_eq!(slashed_names("王小二"), None);
    }

    #[test]
    fn names_padded_to_three_widths_are_read_whole() {
        assert_eq!(
            bare_names("王小二  李  四"),
            Some(vec!["王小二".to_owned(), "李四".to_owned()])
        );
        assert_eq!(
            bare_names("林  雨  张三丰"),
            Some(vec!["林雨".to_owned(), "张三丰".to_owned()])
        );
        assert_eq!(bare_names("王小二  的  话"), None);
        assert_eq!(bare_names("完善  配套  政策"), None);
    }

    #[test]
    fn the_words_that_are_no_name_are_in_byte_order() {
        assert!(NOT_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(not_a_name("记者"));
        assert!(not_a_name("万众"));
        assert!(!not_a_name("林小雨"));
    }

    #[test]
    fn a_list_of_whole_names_is_read_when_every_part_is_a_name() {
        assert_eq!(
            listed_names("林小雨、王小二"),
            Some(vec!["林小雨".to_owned(), "王小二".to_owned()])
        );
        assert_eq!(listed_names("林小雨 王小二").map(|n| n.len()), Some(2));
        assert_eq!(listed_names("据了解"), None);
        assert_eq!(listed_names(""), None);
    }

    #[test]
    fn a_padded_two_character_line_is_a_name_whatever_its_surname() {
        assert_eq!(bare_name("襄  谈").as_deref(), Some("襄谈"));
        assert_eq!(bare_name("与\u{3000}歌").as_deref(), Some("与歌"));
        assert_eq!(bare_name("襄 谈"), None);
        assert_eq!(bare_name("手  记"), None);
        assert_eq!(spaced_pen_name("啸 尘").as_deref(), Some("啸尘"));
        assert_eq!(
            spaced_pen_name("啸  尘"),
            None,
            "two spaces: a bare name's padding"
        );
        assert_eq!(spaced_pen_name("记 者"), None);
    }

    #[test]
    fn bodies_that_sign_as_authors_are_known_by_their_endings() {
        for s in [
            "中共南州省委宣传部",
            "本报评论员",
            "本报评论部",
            "长河日报评论员",
            "南州大学乡村振兴研究中心",
            "省委理论学习中心组",
        ] {
            assert!(signing_body(s), "{s}");
        }
        for s in [
            "宣传部",
            "市委宣传部部长讲话",
            "守好一渠春水",
            "评论员：张三",
        ] {
            assert!(!signing_body(s), "{s}");
        }
    }

    #[test]
    fn names_start_with_a_surname_and_have_a_names_length() {
        assert!(is_person_name("李铮"));
        assert!(is_person_name("朱明远"));
        assert!(is_person_name("上官立群"));
        assert!(is_person_name("欧阳雪"));
        assert!(!is_person_name("手记"));
        assert!(!is_person_name("调查"));
        assert!(!is_person_name("专题撰文"));
        assert!(!is_person_name("数说"));
        assert!(!is_person_name("王明阳光"));
    }

    #[test]
    fn bare_author_lines_read_padded_and_plain_names() {
        assert_eq!(bare_name("张  铁").as_deref(), Some("张铁"));
        assert_eq!(bare_name("何\u{3000}川").as_deref(), Some("何川"));
        assert_eq!(bare_name("朱绍岳").as_deref(), Some("朱绍岳"));
        assert_eq!(bare_name("上官立群").as_deref(), Some("上官立群"));
        assert_eq!(bare_name("郅  延文").as_deref(), Some("郅延文"));
        assert_eq!(bare_name("新知"), None);
        assert_eq!(bare_name("路修到哪里"), None);
        assert_eq!(bare_name("王 军 李"), None);
    }

    #[test]
    fn lines_of_several_spaced_names_read_as_names() {
        assert_eq!(
            bare_names("毛文博 栗思 郑一鸣 唐乙文"),
            Some(vec![
                "毛文博".to_owned(),
                "栗思".to_owned(),
                "郑一鸣".to_owned(),
                "唐乙文".to_owned()
            ])
        );
        assert_eq!(bare_names("张  铁"), Some(vec!["张铁".to_owned()]));
        // Words that are not all names: a headline set in spaced phrases.
        assert_eq!(bare_names("春光 明媚"), None);
        assert_eq!(bare_names("王明 说了算"), None);
        assert_eq!(bare_names("王明"), Some(vec!["王明".to_owned()]));
    }

    #[test]
    fn unspaced_names_are_split_where_only_one_reading_fits() {
        let s = split_names("王飞李永").unwrap();
        assert_eq!(s.names, ["王飞", "李永"]);
        assert!(!s.guessed);
        let s = split_names("欧阳志明胡晓燕").unwrap();
        assert_eq!(s.names, ["欧阳志明", "胡晓燕"]);
        assert_eq!(split_names("李铮").unwrap().names, ["李铮"]);
    }

    #[test]
    fn an_ambiguous_split_is_reported_as_a_guess() {
        // 刘海涛 + 方莉 or 刘海 + 涛方莉? 涛 is no surname, so one reading; 张伟 + 王超群 or
        // 张伟王 + 超群? 超 is no surname either. 王丽李明华 is 2+3 or 3+2.
        let s = split_names("王丽李明华").unwrap();
        assert!(s.guessed);
        assert_eq!(s.names.len(), 2);
        assert!(split_names("记者").is_none());
    }
}
