//! Credits: byline lines, dateline leads, photo credits and commentary authors.

use crate::names::{self, split_names, surname_len};
use crate::normalize::{ends_sentence, is_han};

/// People credited, by role, before they are merged into an article's [`crate::Byline`].
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Credits {
    pub reporters: Vec<String>,
    pub correspondents: Vec<String>,
    pub photographers: Vec<String>,
    pub authors: Vec<String>,
    /// A run of names printed without spaces was split by guess.
    pub guessed: bool,
    /// The names stand with no role word (`（某某）`) and were read as reporters by default.
    pub unmarked: bool,
    /// The credit says its names wrote the words (`记者 某某文`, `某某/文`).
    pub words_named: bool,
}

impl Credits {
    /// Whether the credit names a writer apart from its photographers: `某某 文 某某 摄`;
    /// `记者 某某 通讯员 某某 摄` does not (the photos are the writers').
    pub(crate) fn written_apart(&self) -> bool {
        !self.photographers.is_empty()
            && !self.reporters.is_empty()
            && self
                .reporters
                .iter()
                .all(|r| !self.photographers.contains(r))
    }

    fn is_empty(&self) -> bool {
        self.reporters.is_empty()
            && self.correspondents.is_empty()
            && self.photographers.is_empty()
            && self.authors.is_empty()
    }
}

/// A role word standing before the names it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Reporter,
    Correspondent,
    Author,
    /// `图/`, `摄影/`: the names that follow took the photos.
    Photographer,
    /// `策划`, `统筹`, `编辑`: credited for work that is none of the roles Kanbao lists.
    Other,
}

/// A role word standing after the names it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Post {
    /// 摄 / 摄影 / 图: took the photos.
    Photo,
    /// 摄影报道: reported and took the photos.
    PhotoReport,
    /// 报道: reported.
    Report,
    /// `/文`, `文` after a name: wrote.
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Role(Role),
    Post(Post),
    Name(String),
    Single(char),
    /// `文/图`: wrote and photographed.
    TextPhoto,
    /// A run of names printed without spaces, split by guess.
    Guessed,
    Other,
}

/// Whether `s` looks like a personal name: 2–4 Han characters (4 only after a compound
/// surname, or when no split into two names reads), or a longer one joined by `·`.
pub(crate) fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    if s.contains('·') {
        return (3..=12).contains(&n)
            && !GLUED.iter().any(|w| s.ends_with(w))
            && s.chars().all(|c| is_han(c) || c == '·')
            && !s.starts_with('·')
            && !s.ends_with('·');
    }
    (2..=4).contains(&n)
        && s.chars().all(is_han)
        && !names::is_credit_word(s)
        && !glued_role(s)
        && !s.ends_with("报道")
        && !s.ends_with("整理")
        && !s.ends_with("采写")
        && strip_photo_post(s).is_none()
        && !(n == 4 && surname_len(s) != Some(2) && split_names(s).is_some())
        && !paper_named(s)
}

/// Whether a word of a credit is a paper's name (`华商晨报`, `新京报`), as a lead's credit
/// prints it before its reporter (`（华商晨报 掌中沈阳客户端记者 金恩子）`): no person's name.
fn paper_named(s: &str) -> bool {
    s.chars().count() >= 3 && s.ends_with('报')
}

/// Credit words that, found inside a run of Han characters, make it no name: `记者张三` is a
/// role glued to a name.
const GLUED: &[&str] = &["记者", "通讯员", "实习生", "评论员"];

/// Whether a run of Han characters holds a role word glued to a name ([`GLUED`]). Each opens
/// with one of four characters: most names hold none, and are not searched further.
fn glued_role(s: &str) -> bool {
    s.contains(['记', '通', '实', '评']) && GLUED.iter().any(|w| s.contains(w))
}

/// Classifies a role word with an optional prefix (`YMG全媒体记者`, `本报记者`, `特约通讯员`).
fn role_word(t: &str) -> Option<Role> {
    // A prefix names the paper or its outlet, joined by a middle dot or a hyphen
    // (`齐鲁晚报·齐鲁壹点`, `成都商报-红星新闻`).
    // The paper's name may stand in its title marks (`《南国早报》记者`).
    let prefix_ok = |p: &str| {
        p.chars().count() <= 12
            && p.chars().all(|c| {
                is_han(c)
                    || c.is_ascii_alphanumeric()
                    || matches!(c, '·' | '-' | '－' | '《' | '》')
            })
            && !p.starts_with(['·', '-', '－'])
    };
    for (word, role) in [
        // `首席摄影记者 某某`, `本报摄影记者 某某`: the paper's photographer.
        ("摄影记者", Role::Photographer),
        ("记者", Role::Reporter),
        ("实习生", Role::Reporter),
        ("通讯员", Role::Correspondent),
        // A local government's reporting group (`县委报道组`, `区委报道组`) files as
        // correspondents do.
        ("报道组", Role::Correspondent),
        // A hotline column's host (`栏目主持 某某`) reports its stories.
        ("栏目主持", Role::Reporter),
        ("作者", Role::Author),
        ("评论员", Role::Author),
        // `本报新闻观察员 洛谭`: the paper's commentator, under a pen name.
        ("观察员", Role::Author),
        ("撰稿", Role::Author),
        ("执笔", Role::Author),
    ] {
        if let Some(p) = t.strip_suffix(word)
            && prefix_ok(p)
        {
            return Some(role);
        }
    }
    None
}

/// A reporter's, correspondent's or photographer's role word alone, its paper or outlet before
/// it (`某某新闻·某某晚报记者`, `本报特约通讯员`): a byline whose names follow on the next line.
pub(crate) fn lone_role_word(t: &str) -> bool {
    // `答小记者`, `小记者`: a title about children reporting, or answering reporters, names no
    // outlet before the role.
    let addressed = t.starts_with(['答', '问', '对', '向', '给', '与', '跟', '让', '被'])
        || t.ends_with("小记者");
    !addressed
        && role_word(t)
            .is_some_and(|r| matches!(r, Role::Reporter | Role::Correspondent | Role::Photographer))
}

/// A word without the photo credit glued to its end (`王五摄`, `王五摄影`, `王五绘`,
/// `王五供图`: a photograph, a drawing, a picture a person supplied): what comes before it.
fn strip_photo_post(t: &str) -> Option<&str> {
    t.strip_suffix("摄影")
        .or_else(|| t.strip_suffix('摄'))
        .or_else(|| t.strip_suffix('绘'))
        .or_else(|| {
            // `王五供图`, but not `受访者供图`: only a person by the surname table supplies.
            t.strip_suffix("供图").filter(|n| names::is_person_name(n))
        })
}

/// Whether a line ends in a photo credit's last word: 摄, 摄影, or 绘 for a drawing.
fn ends_in_photo_post(line: &str) -> bool {
    strip_photo_post(line).is_some()
}

fn post_word(t: &str) -> Option<Post> {
    match t {
        "摄" | "摄影" | "图" | "供图" | "绘" | "制图" => Some(Post::Photo),
        "摄影报道" | "图文报道" => Some(Post::PhotoReport),
        "报道" | "整理" | "参与采写" | "采写" | "采访整理" | "综合报道" => {
            Some(Post::Report)
        }
        "文" => Some(Post::Text),
        _ if filed_from(t) || compiled_from(t) => Some(Post::Report),
        _ => None,
    }
}

/// Whose reports a report was compiled from, after its reporter's name: `综合央视新闻报道`,
/// `综合新华社报道`. It names a source, not a person.
fn compiled_from(t: &str) -> bool {
    t.strip_prefix("综合")
        .and_then(|r| r.strip_suffix("报道"))
        .is_some_and(|source| {
            (2..=10).contains(&source.chars().count())
                && source.chars().all(|c| is_han(c) || c == '·')
        })
}

/// Where a report was filed from, after its reporter's name: `发自上海`, `发自广州`.
fn filed_from(t: &str) -> bool {
    t.strip_prefix("发自")
        .is_some_and(|place| (2..=6).contains(&place.chars().count()) && place.chars().all(is_han))
}

/// Words that credit work other than writing, reporting or photographing.
fn other_work(t: &str) -> bool {
    matches!(
        t,
        "策划"
            | "专题策划"
            | "统筹"
            | "编辑"
            | "责编"
            | "监制"
            | "出品"
            | "制图"
            | "设计"
            | "视频"
            | "海报"
    )
}

fn classify(t: &str, out: &mut Vec<Tok>) {
    // A role in quotation marks, as a paper names its mobile reporters: `“哈报手机记者”`.
    if let Some(inner) = t.strip_prefix('“').and_then(|r| r.strip_suffix('”'))
        && role_word(inner).is_some()
    {
        return classify(inner, out);
    }
    // `文/本报记者`, `图/本报记者 孙七`, `图/孙七`: who wrote, who took the photos.
    let text_photo = matches!(
        t,
        "文/图"
            | "图/文"
            | "文图"
            | "图文"
            | "文与图"
            | "图与文"
            | "文·图"
            | "图·文"
            | "文／图"
            | "文/摄"
            | "摄/文"
            | "文并摄"
            | "文并图"
    );
    if !text_photo
        && let Some(rest) = [
            "文/图",
            "图/文",
            "文并摄",
            "文并图",
            "文图/",
            "图文/",
            "文·图/",
            "图·文/",
            "文与图/",
            "图与文/",
        ]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        && !rest.is_empty()
    {
        // `文/图厦门日报记者`, `文图/新华社记者某某`: what the names did, glued to the credit.
        out.push(Tok::TextPhoto);
        classify(rest, out);
        return;
    }
    if !text_photo
        && let Some(head) = ["文/图", "图/文", "文/摄"]
            .iter()
            .find_map(|w| t.strip_suffix(w))
        && !head.is_empty()
    {
        // `记者朱某文/图`: the credit and then what the names did.
        classify(head, out);
        out.push(Tok::TextPhoto);
        return;
    }
    if let Some((head, rest)) = t.split_once('/')
        && !rest.is_empty()
        && !text_photo
    {
        match head {
            "文" | "撰文" | "专题撰文" | "采写" => {
                // After a picture's credit (`图/某某 文/某某`), the words are another's: the
                // writer's.
                if matches!(head, "文" | "撰文")
                    && matches!(out.last(), Some(Tok::Name(_)))
                    && out
                        .iter()
                        .rev()
                        .find(|t| matches!(t, Tok::Role(_)))
                        .is_some_and(|t| matches!(t, Tok::Role(Role::Photographer)))
                {
                    out.push(Tok::Role(Role::Author));
                }
                return classify(rest, out);
            }
            // `文字整理/某某`: who put the words together, the report's reporter, as
            // `（某某 整理）` credits one.
            "文字整理" | "整理" => {
                out.push(Tok::Role(Role::Reporter));
                return classify(rest, out);
            }
            // `制图/某某`: who made the page's picture, credited as its photographs are.
            "图" | "摄影" | "摄" | "专题摄影" | "制图" | "绘图" | "插图" => {
                out.push(Tok::Role(Role::Photographer));
                // The role word after it says who the photographer is; the photo credit wins.
                if role_word(rest).is_none() {
                    classify(rest, out);
                }
                return;
            }
            _ => {}
        }
        if let Some(r) = role_word(head) {
            // `记者/某某`.
            out.push(Tok::Role(r));
            return classify(rest, out);
        }
        if is_name(head) {
            // `郑某/文`, `马某/图`.
            out.push(Tok::Name(head.to_owned()));
            match rest {
                "文" | "撰文" => out.push(Tok::Post(Post::Text)),
                "图" | "摄" | "摄影" => out.push(Tok::Post(Post::Photo)),
                _ => out.push(Tok::Other),
            }
            return;
        }
    }
    if text_photo {
        out.push(Tok::TextPhoto);
    } else if let Some(p) = post_word(t) {
        out.push(Tok::Post(p));
    } else if other_work(t) {
        out.push(Tok::Role(Role::Other));
    } else if matches!(t, "撰文" | "专题撰文" | "采写" | "文字整理") {
        out.push(Tok::Role(Role::Reporter));
    } else if t == "专题摄影" {
        out.push(Tok::Role(Role::Photographer));
    } else if let Some(r) = role_word(t) {
        out.push(Tok::Role(r));
    } else if paper_named(t) && t.chars().all(is_han) {
        // The paper the reporter works for, before the role word: no name, no token.
    } else if t.contains('·')
        && (t.contains("记者") || t.contains("通讯员"))
        && let Some(toks) = split_glued(t)
    {
        // A role word inside: no name, whatever a middle dot makes it look like
        // (`新某某·某某日报记者马某`, an outlet and its paper glued to the reporter).
        out.extend(toks);
    } else if let Some(name) = name_glued_to_text_word(t) {
        out.push(Tok::Name(name.to_owned()));
        out.push(Tok::Post(Post::Text));
    } else if is_name(t) {
        out.push(Tok::Name(t.to_owned()));
    } else if t.chars().count() == 1 && t.chars().all(is_han) {
        out.push(Tok::Single(t.chars().next().unwrap_or('?')));
    } else if let Some(toks) = split_glued(t) {
        out.extend(toks);
    } else if let Some(name) = strip_photo_post(t).filter(|n| is_name(n)) {
        out.push(Tok::Name(name.to_owned()));
        out.push(Tok::Post(Post::Photo));
    } else if let Some(given) = strip_photo_post(t)
        .and_then(|g| g.chars().next().filter(|_| g.chars().count() == 1))
        .filter(|&c| is_han(c))
    {
        // `刘  畅摄`: the last character of a padded name, glued to 摄.
        out.push(Tok::Single(given));
        out.push(Tok::Post(Post::Photo));
    } else if let Some((name, post)) = [
        "采访整理",
        "综合报道",
        "专题报道",
        "参与采写",
        "对本文亦有贡献",
        "对本文有贡献",
        "摄影报道",
        "报道",
        "整理",
        "采写",
    ]
    .iter()
    .find_map(|w| Some((t.strip_suffix(w).filter(|n| !n.is_empty())?, *w)))
    {
        // `李四报道`, `通讯员李四报道`, `董岩整理`; and where the report was filed from, which
        // names no one (`北京报道`, `记者倪某广州报道`).
        let report = post.ends_with("报道");
        let named =
            if report && (crate::place::filing_place(name) || filed_from_after_names(name, out)) {
                None
            } else {
                Some(
                    crate::place::without_filing_place(name)
                        .filter(|_| report)
                        .unwrap_or(name),
                )
            };
        if let Some(named) = named {
            classify(named, out);
        }
        out.push(Tok::Post(post_word(post).unwrap_or(Post::Report)));
    } else if let Some(split) = split_names(t) {
        if split.guessed {
            out.push(Tok::Guessed);
        }
        out.extend(split.names.into_iter().map(Tok::Name));
    } else {
        out.push(Tok::Other);
    }
}

/// A three-character name with the word for the text glued after it (`记者 蒋某某文`, over
/// `通讯员 某某摄`): four characters after a single surname are no name of their own.
fn name_glued_to_text_word(t: &str) -> Option<&str> {
    let head = t.strip_suffix('文')?;
    (head.chars().count() == 3 && names::surname_len(t) == Some(1) && names::is_person_name(head))
        .then_some(head)
}

/// Where a report was filed from, standing apart after the reporters' names (`记者 刘某
/// 印尼雅加达报道`): four Han characters or more before `报道`, longer than a given name, once a
/// name has been read. A name of four (`欧阳小明报道`) comes first or alone.
fn filed_from_after_names(before: &str, read: &[Tok]) -> bool {
    before.chars().count() >= 4
        && before.chars().all(is_han)
        && read.iter().any(|t| matches!(t, Tok::Name(_)))
        && !is_name(before)
}

/// Role prefixes that may stand glued before a role word: `本报记者`, `本报通讯员`.
const ROLE_PREFIXES: &[&str] = &[
    "本报全媒体",
    "本报融媒体",
    "本报特约",
    "本报特派",
    "本报见习",
    "全媒体",
    "融媒体",
    "本报",
    "特约",
    "特派",
    "见习",
    "首席",
    "实习",
    "参与",
];

/// Role words that print padded to a column's width, a space or two between their characters
/// (`通 讯 员`, `实  习 生`, `记  者`), or cut by a stray space (`本报通讯 员`).
const PADDED_ROLES: [&str; 4] = ["通讯员", "实习生", "见习记者", "记者"];

/// The credit with its role words made whole where spaces cut them: `本报通讯 员 某某` gives
/// `本报通讯员 某某`, `实  习 生   某某` gives `实习生 某某`; `None` where no word is cut.
fn role_word_mended(s: &str) -> Option<String> {
    // Only a role word's characters before its last can stand before a space: most credits
    // have none so. One pass over the bytes finds the spaces, and the character before each.
    let cut = s.bytes().enumerate().any(|(i, b)| {
        (b == b' '
            || b == b'\t'
            || b == 0xE3 && s.get(i..).is_some_and(|r| r.starts_with('\u{3000}')))
            && s.get(..i)
                .and_then(|h| h.chars().next_back())
                .is_some_and(|c| matches!(c, '讯' | '记' | '通' | '实' | '习' | '见'))
    });
    if !cut {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut mended = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        out.push(c);
        rest = &rest[c.len_utf8()..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            continue;
        }
        let after = rest.trim_start();
        // `通讯` + `员`, `记` + `者`, `实` + `习`: a role word's start before a space, its next
        // character after it.
        let cut = PADDED_ROLES.iter().any(|w| {
            w.char_indices().skip(1).any(|(at, next)| {
                w.get(..at).is_some_and(|head| out.ends_with(head)) && after.starts_with(next)
            })
        });
        if cut {
            rest = after;
            mended = true;
        }
    }
    mended.then_some(out)
}

/// The names before an outlet's name glued to them, as the next role word's prefix:
/// `王五江城晚报` gives `王五` (before `记者某某`).
fn names_before_outlet(s: &str) -> Option<&str> {
    let n = s.chars().count();
    // A paper's name is four characters or more (`江城晚报`), an agency's three (`新华社`).
    [4, 5, 6, 3].into_iter().find_map(|k| {
        let cut = s.char_indices().nth(n.checked_sub(k)?)?.0;
        let (head, outlet) = (s.get(..cut)?, s.get(cut..)?);
        let outlet_like = ["报", "社", "台", "网", "新闻"]
            .iter()
            .any(|e| outlet.ends_with(e));
        (outlet_like && names::is_person_name(head)).then_some(head)
    })
}

/// Splits roles glued to names: `记者张三`, `记者李铮通讯员王飞李永`,
/// `本报记者熊思远本报通讯员司马晓雯`.
fn split_glued(t: &str) -> Option<Vec<Tok>> {
    const WORDS: &[(&str, Role)] = &[
        ("记者", Role::Reporter),
        ("通讯员", Role::Correspondent),
        ("实习生", Role::Reporter),
        ("作者", Role::Author),
        ("评论员", Role::Author),
    ];
    // Every role word in the token, in order.
    let mut found: Vec<(usize, usize, Role)> = Vec::new();
    let mut at = 0;
    while at < t.len() {
        let rest = t.get(at..)?;
        match WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
            Some((w, r)) => {
                found.push((at, at + w.len(), *r));
                at += w.len();
            }
            None => at += rest.chars().next()?.len_utf8(),
        }
    }
    let (first, _, _) = *found.first()?;
    let mut toks = Vec::new();
    // What stands before the first role word is its prefix (`本报`, `YMG全媒体`), or the last
    // names of the role before, glued to its prefix (`张三丰本报通讯员李四海`).
    let before = t.get(..first)?;
    let glued_names = ROLE_PREFIXES
        .iter()
        .filter(|p| p.starts_with("本报"))
        .find_map(|p| before.strip_suffix(p))
        .filter(|names| is_name(names));
    if let Some(names) = glued_names {
        toks.push(Tok::Name(names.to_owned()));
    } else if role_word(t.get(..found.first()?.1)?).is_none() && first > 0 {
        return None;
    }
    for (k, &(_, end, role)) in found.iter().enumerate() {
        let next = found.get(k + 1).map_or(t.len(), |f| f.0);
        let mut names = t.get(end..next)?;
        // The next role's prefix ends this run of names.
        if k + 1 < found.len()
            && let Some(p) = ROLE_PREFIXES.iter().find(|p| names.ends_with(*p))
        {
            names = names.get(..names.len() - p.len())?;
        } else if k + 1 < found.len()
            && let Some(head) = names_before_outlet(names)
        {
            // `某某江城晚报记者…`: the next role's paper, glued after the names.
            names = head;
        }
        toks.push(Tok::Role(role));
        if names.is_empty() {
            continue;
        }
        let mut inner = Vec::new();
        classify(names, &mut inner);
        // A single character may be half of a padded name: `记者贺  磊`.
        if inner.iter().any(|t| matches!(t, Tok::Other | Tok::Role(_))) {
            return None;
        }
        toks.extend(inner);
    }
    toks.iter()
        .any(|t| matches!(t, Tok::Name(_) | Tok::Single(_)))
        .then_some(toks)
}

fn tokenize(s: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    for word in s.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | ':' | '：'))
    {
        if word.is_empty() {
            continue;
        }
        classify(word, &mut toks);
    }
    toks
}

/// Every role word contains one of these; a text without any is no credit.
const CREDIT_WORDS: &[&str] = &[
    "记者",
    "通讯员",
    "报道组",
    "作者",
    "评论员",
    "观察员",
    "栏目主持",
    "实习生",
    "撰稿",
    "执笔",
    "摄",
    "图",
    "报道",
    "采写",
    "整理",
    "贡献",
];

/// Whether `s` holds one of the [`CREDIT_WORDS`]: one pass over its characters, testing the
/// words only where one of their first characters stands.
fn has_credit_word(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(
            c,
            '记' | '通'
                | '作'
                | '评'
                | '实'
                | '撰'
                | '执'
                | '摄'
                | '图'
                | '报'
                | '采'
                | '整'
                | '贡'
                | '观'
                | '栏'
        ) && s
            .get(i..)
            .is_some_and(|rest| CREDIT_WORDS.iter().any(|w| rest.starts_with(w)))
    })
}

/// A credit without the label a team's credit opens with (`调研团队：本报记者林小雨、王小二`,
/// `调研组：…`): the label names no one. A role before the colon (`采写：`, `摄影：`) stays.
fn credit_label_dropped(s: &str) -> &str {
    let Some((label, rest)) = s.split_once(['：', ':']) else {
        return s;
    };
    let n = label.chars().count();
    let role = CREDIT_WORDS.iter().any(|w| label.contains(w));
    if (2..=8).contains(&n)
        && !role
        && label.chars().all(crate::normalize::is_han)
        && !rest.trim().is_empty()
    {
        rest
    } else {
        s
    }
}

/// A credit whose last words, in brackets, say what its names did (`记者/某某 （图/文）`,
/// `某某 (摄)`): the credit before them and the deed.
fn deed_in_brackets(s: &str) -> Option<(&str, &str)> {
    let body = s.trim_end().strip_suffix([')', '）'])?;
    let (head, deed) = body.rsplit_once(['(', '（'])?;
    let deed = deed.trim();
    // A web copy's title marks its picture so (`某某成立（图）`): a deed of one word alone
    // follows a credit, not a title.
    let head = head.trim_end();
    (matches!(
        deed,
        "图/文" | "文/图" | "图文" | "文图" | "摄" | "摄影" | "文/摄"
    ) && (has_credit_word(head) || is_name(head)))
    .then_some((head, deed))
}

/// Parses a credit text (a byline line, a dateline parenthetical).
///
/// `default` is the role of names that stand under no role word. With `lenient`, words that are
/// neither roles nor names are skipped (inside a dateline parenthesis); otherwise they make the
/// text no credit at all. A credit needs at least one name and, unless `default` is given,
/// one role word.
pub(crate) fn parse_credits(s: &str, default: Option<Role>, lenient: bool) -> Option<Credits> {
    // A role word cut by a stray space (`本报通讯 员 某某`) is the word.
    let mended;
    let s = match role_word_mended(s) {
        Some(m) => {
            mended = m;
            mended.as_str()
        }
        None => s,
    };
    // Most lines hold no credit word at all: reject them before tokenising.
    if default.is_none() && !has_credit_word(s) {
        return None;
    }
    // `报导`, as Taiwan papers write `报道`: the same word (`记者某某报导`).
    let spelled;
    let s = if s.contains("报导") {
        spelled = s.replace("报导", "报道");
        spelled.as_str()
    } else {
        s
    };
    // The reader who gave the story, named after the credit (`记者 某某 摄 线索提供 某某`), is
    // credited with no part of it.
    let s = without_tip_credit(s);
    // What the names did, in brackets after them (`记者/某某 （图/文）`): the same words.
    let unbracketed;
    let s = match deed_in_brackets(s) {
        Some((head, deed)) => {
            unbracketed = format!("{head} {deed}");
            unbracketed.as_str()
        }
        None => s,
    };
    // `文 / 图` is one credit word however it is spaced, and `图/ 某某` one credit.
    let spaced;
    let s = if s.contains(['/', '／']) {
        spaced = s
            .replace('／', "/")
            .replace(" / ", "/")
            .replace("/ ", "/")
            .replace("/\u{3000}", "/");
        spaced.as_str()
    } else {
        s
    };
    let mut toks = tokenize(credit_label_dropped(s));
    surname_wen(&mut toks);
    drop_caption_words(&mut toks);
    let photos_by = photo_led(&toks);
    if photos_by {
        toks.remove(0);
    }
    // One photo word closing the whole credit (`… 本报记者 洛某 唐某 摄`), no other post in it
    // (`吴某 星级记者 张某/文 程某/图` credits each name with its own).
    let closes_with_photo = matches!(toks.last(), Some(Tok::Post(Post::Photo)))
        && toks.iter().filter(|t| matches!(t, Tok::Post(_))).count() == 1;
    let mut has_role = false;
    let mut text_photo = false;
    let mut names: Vec<String> = Vec::new();
    let mut role: Option<Role> = None;
    let mut out = Credits::default();
    let mut i = 0;
    while i < toks.len() {
        match toks.get(i) {
            Some(Tok::Role(r)) => {
                // Names with no role word before the first reporter's (`查某某 记者 张某`,
                // `（朱某 王某某 星级记者 王某）`) are the correspondents', as city papers print
                // their lead credits.
                // Not before a trainee's credit listed with them (`（朱某、见习记者 姚某）`): the
                // names before it are the paper's reporters.
                let unlabelled_first = role.is_none()
                    && !has_role
                    && *r == Role::Reporter
                    && !s.contains(['、', '，'])
                    && !s.contains("见习")
                    && !s.contains("实习");
                // Under a closing photo word they took the photos with the rest
                // (`伦某 本报记者 洛某 唐某 摄`).
                let before = if unlabelled_first && closes_with_photo {
                    Some(Role::Photographer)
                } else if unlabelled_first {
                    Some(Role::Correspondent)
                } else {
                    role.or(default)
                };
                flush(&mut out, &mut names, before, None, text_photo);
                role = Some(*r);
                has_role = true;
            }
            Some(Tok::Post(Post::Photo)) if photo_label(&toks, i, role.is_some()) => {
                flush(&mut out, &mut names, role.or(default), None, text_photo);
                role = Some(Role::Photographer);
                has_role = true;
            }
            Some(Tok::Post(p)) => {
                out.words_named |= *p == Post::Text && !names.is_empty();
                flush(&mut out, &mut names, role.or(default), Some(*p), text_photo);
                role = None;
                has_role = true;
            }
            Some(Tok::TextPhoto) => {
                text_photo = true;
                has_role = true;
            }
            Some(Tok::Name(n)) => names.push(n.clone()),
            Some(Tok::Guessed) => out.guessed = true,
            Some(Tok::Single(a)) => {
                // A two-character name padded to three columns: `王 超`.
                if let Some(Tok::Single(b)) = toks.get(i + 1) {
                    names.push(format!("{a}{b}"));
                    i += 1;
                } else if matches!(toks.get(i + 1), Some(Tok::Post(Post::Text))) {
                    // `张  文`: a name whose given name is 文, not a surname crediting words.
                    names.push(format!("{a}文"));
                    i += 1;
                } else if !lenient {
                    return None;
                }
            }
            Some(Tok::Other) | None => {
                if !lenient {
                    return None;
                }
            }
        }
        i += 1;
    }
    flush(&mut out, &mut names, role.or(default), None, text_photo);
    if matches!(toks.last(), Some(Tok::TextPhoto)) {
        all_took_photos(&mut out);
    }
    match closing_photo_post(&toks).or(photos_by.then_some(Post::Photo)) {
        Some(Post::Photo) => {
            all_took_photos(&mut out);
            out.reporters.clear();
            out.correspondents.clear();
        }
        Some(_) => all_took_photos(&mut out),
        None => {}
    }
    let ok = !out.is_empty() && (has_role || default.is_some());
    if !ok {
        return None;
    }
    Some(out)
}

/// What a reporter named in the running text does in the next words (`大河报记者张弢核实：…`,
/// `本报记者林一赶到现场`).
const REPORTER_AT_WORK: &[&str] = &[
    "核实",
    "采访",
    "了解到",
    "获悉",
    "看到",
    "注意到",
    "发现",
    "赶到",
    "来到",
    "走访",
    "调查",
    "联系",
    "询问",
    "现场",
    "实地",
    "拨打",
    "致电",
    "随即",
    "随后",
    "第一时间",
];

/// The reporter a metro paper's hotline story names in its own text instead of a byline
/// (`昨天有市民致电本报热线反映……大河报记者张弢核实：…`): the paper's reporter (`某某报记者`,
/// `本报记者`), a person's name, and what the reporter did. The first one found, or `None`.
pub(crate) fn reporter_in_text(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text.get(from..)?.find("记者") {
        let start = from + at;
        from = start + "记者".len();
        let before = text.get(..start)?;
        if !before.ends_with('报') {
            continue;
        }
        let after = text.get(from..)?.trim_start();
        for n in [3, 2] {
            let Some((end, _)) = after.char_indices().nth(n) else {
                continue;
            };
            let (name, rest) = after.split_at(end);
            if names::is_person_name(name) && REPORTER_AT_WORK.iter().any(|w| rest.starts_with(w)) {
                return Some(name.to_owned());
            }
        }
    }
    None
}

/// The photo word that closes a credit of names under several role words and says what every
/// one of them did (`本报记者 林一 通讯员 王二 摄`: both took the photos, and only that;
/// `记者 林一 通讯员 王二 摄影报道`: both reported and took the photos). With another post
/// before it (`记者 林一 报道 王二 摄`) it credits only the names just before it: `None`.
fn closing_photo_post(toks: &[Tok]) -> Option<Post> {
    let (last, head) = toks.split_last()?;
    let post = match last {
        Tok::Post(p @ (Post::Photo | Post::PhotoReport)) => *p,
        _ => return None,
    };
    let roles = head
        .iter()
        .filter(|t| matches!(t, Tok::Role(Role::Reporter | Role::Correspondent)))
        .count();
    let other = head.iter().any(|t| {
        matches!(
            t,
            Tok::Post(_)
                | Tok::TextPhoto
                | Tok::Role(Role::Photographer | Role::Author | Role::Other)
        )
    });
    // Names before the first role word (`林一 本报通讯员 王二 摄影报道`) are a group of their
    // own, as a second role word would make them.
    let leading_names = matches!(head.first(), Some(Tok::Name(_)));
    ((roles >= 2 || roles == 1 && leading_names) && !other).then_some(post)
}

/// `文  通整理`: a two-character name padded to three columns whose surname is 文, not the
/// word crediting the text, when one character alone follows it.
fn surname_wen(toks: &mut Vec<Tok>) {
    let mut i = 0;
    while i + 1 < toks.len() {
        if let (Some(Tok::Post(Post::Text)), Some(Tok::Single(given))) =
            (toks.get(i), toks.get(i + 1))
            && !matches!(toks.get(i + 2), Some(Tok::Single(_)))
        {
            let name = format!("文{given}");
            toks.splice(i..i + 2, [Tok::Name(name)]);
        }
        i += 1;
    }
}

/// Whether a credit opens with its photo word, the people after it being who took the
/// photos (`■ 摄影 记者 冯某 通讯员 任某`): each is a photographer, whatever their post.
fn photo_led(toks: &[Tok]) -> bool {
    matches!(toks.first(), Some(Tok::Post(Post::Photo)))
        && matches!(toks.get(1), Some(Tok::Role(_) | Tok::Name(_)))
        && toks
            .iter()
            .any(|t| matches!(t, Tok::Name(_) | Tok::Single(_)))
}

/// Whether the photo word at `i` labels the names after it (`记者 林一 实习生 王二 制图 张三`:
/// 张三 made the chart) rather than crediting the names before it with the photos
/// (`林一 摄`): names follow it, and the names before it already stand under a role word.
fn photo_label(toks: &[Tok], i: usize, under_role: bool) -> bool {
    under_role && matches!(toks.get(i + 1), Some(Tok::Name(_) | Tok::Single(_)))
}

/// In a credit with no role word (`有序 李树民 摄`), the words before the first that reads as a
/// person's name are the caption's last words, not names: they are left out.
fn drop_caption_words(toks: &mut Vec<Tok>) {
    if toks
        .iter()
        .any(|t| matches!(t, Tok::Role(_) | Tok::Single(_)))
    {
        return;
    }
    let person = |t: &Tok| matches!(t, Tok::Name(n) if names::is_person_name(n) || n.contains('·'));
    let Some(first) = toks.iter().position(person) else {
        return;
    };
    if first > 0
        && toks
            .get(..first)
            .is_some_and(|head| head.iter().all(|t| matches!(t, Tok::Name(_))))
    {
        toks.drain(..first);
    }
}

fn flush(
    out: &mut Credits,
    names: &mut Vec<String>,
    role: Option<Role>,
    post: Option<Post>,
    text_photo: bool,
) {
    if names.is_empty() {
        return;
    }
    // `图/` credits the names after it with the photos only; `策划` with none of the roles.
    let writers = match role {
        Some(Role::Reporter) | None => Some(&mut out.reporters),
        Some(Role::Correspondent) => Some(&mut out.correspondents),
        Some(Role::Author) => Some(&mut out.authors),
        Some(Role::Photographer | Role::Other) => None,
    };
    // `摄` alone credits the photos only; the writers are credited elsewhere.
    if let Some(writers) = writers.filter(|_| post != Some(Post::Photo)) {
        for n in names.iter() {
            push_unique(writers, n);
        }
    }
    if text_photo
        || role == Some(Role::Photographer)
        || matches!(post, Some(Post::Photo | Post::PhotoReport))
    {
        for n in names.iter() {
            push_unique(&mut out.photographers, n);
        }
    }
    names.clear();
}

/// `(记者 唐某 通讯员 葛某 文/图)`: `文/图` at the end of a credit credits every name in it
/// with the photos, in the credit's order.
fn all_took_photos(out: &mut Credits) {
    let mut photographers = Vec::new();
    for n in out
        .reporters
        .iter()
        .chain(&out.correspondents)
        .chain(&out.authors)
        .chain(&out.photographers)
    {
        push_unique(&mut photographers, n);
    }
    out.photographers = photographers;
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_owned());
    }
}

/// Parses a byline standing on its own line: `YMG全媒体记者 邵壮 王瑶 摄影报道`.
pub(crate) fn parse_byline_line(line: &str) -> Option<Credits> {
    // A byline holds no sentence. A list of names in brackets may run long: a report of many
    // bureaus credits each reporter (`（本报记者某某、某某、…、某某）`).
    let limit = if line.contains('、') && strip_brackets(line.trim()).is_some() {
        120
    } else {
        60
    };
    if line.len() > 480 || line.chars().count() > limit || line.contains(['。', '！', '？']) {
        return None;
    }
    if let Some(c) = roles_before_names(line) {
        return Some(c);
    }
    // A credit in brackets, as briefs print it at their end: `(记者 张三)`; a mark before it:
    // `□本报记者张靖本报通讯员郜敏`.
    let line = line.trim_start_matches(AUTHOR_MARKS).trim_start();
    // A separator left alone at the end by a web copy (`□晚报记者 某某 /`) says nothing.
    let line = line.trim_end_matches(['/', '／', ' ', '\u{3000}']);
    let line = without_contact_tail(line);
    let inner = strip_brackets(line).unwrap_or(line);
    if let Some((c, end)) = filed_from_credit(line)
        && end == line.len()
    {
        return Some(c);
    }
    narrated_credit(line)
        .or_else(|| labelled_picture_credit(line))
        .or_else(|| parse_credits(inner, None, false))
        .or_else(|| bracketed_names(line))
        .or_else(|| placed_signature(line))
        .or_else(|| names_of_agency(line))
        .or_else(|| reporting_team(line))
}

/// A first-person account told to the paper: the teller and `口述` (or `讲述`), then who wrote
/// it down and `整理` (`某某 口述 某某 本报记者 某某 整理`, the space also misplaced after the
/// word: `某某 口述某某 …`). The teller is the author; who wrote it down are reporters, the
/// paper's role words between their names passed over.
fn narrated_credit(line: &str) -> Option<Credits> {
    let s = line.trim();
    let rest = s.strip_suffix("整理").or_else(|| s.strip_suffix("记录"))?;
    if s.chars().count() > 40 || s.contains(['，', ',', '。', '：', ':']) {
        return None;
    }
    let at = rest.find("口述").or_else(|| rest.find("讲述"))?;
    let teller: String = rest.get(..at)?.split_whitespace().collect();
    let writers = rest.get(at + "口述".len()..)?;
    let mut reporters = Vec::new();
    for token in writers.split_whitespace() {
        if role_word(token).is_some() {
            continue;
        }
        if !names::is_person_name(token) {
            return None;
        }
        reporters.push(token.to_owned());
    }
    (names::is_person_name(&teller) && !reporters.is_empty()).then(|| Credits {
        authors: vec![teller],
        reporters,
        ..Credits::default()
    })
}

/// A credit without what a web copy glued to its end: the reporter's number to call
/// (`本报记者某某记者电话：88811351`) or the web editor who posted it (`见习记者 某某网络编辑：某某`).
fn without_contact_tail(s: &str) -> &str {
    let number = s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    if s.len() - number.len() >= 5
        && let Some(label) = number.strip_suffix([':', '：'])
        && let Some(head) = ["记者电话", "联系电话", "电话", "热线"]
            .iter()
            .find_map(|w| label.strip_suffix(w))
        && !head.trim().is_empty()
    {
        return head.trim_end();
    }
    // Only a line naming an editor holds one.
    if !s.contains('编') {
        return s;
    }
    for word in ["网络编辑", "网站编辑", "网页编辑", "责任编辑"] {
        if let Some(at) = s.rfind(word)
            && at > 0
            && s[at + word.len()..]
                .strip_prefix([':', '：'])
                .is_some_and(|name| {
                    (2..=4).contains(&name.trim().chars().count())
                        && name.trim().chars().all(is_han)
                })
        {
            return s[..at].trim_end();
        }
    }
    s
}

/// A credit to a team of the paper with no one named: `本报“新春走基层”特别报道组`,
/// `本报联合采访组`, `本报调研组`, `本报记者组`. A byline that credits no name.
fn reporting_team(line: &str) -> Option<Credits> {
    let team = [
        "记者组",
        "报道组",
        "采访组",
        "报道团",
        "采访团",
        "调研组",
        "调查组",
        "课题组",
    ]
    .iter()
    .any(|w| line.ends_with(w));
    let ours = ["本报", "本刊", "本台", "本网"]
        .iter()
        .any(|w| line.starts_with(w));
    (team && ours && line.chars().count() <= 30 && !line.contains(['，', ',', '：', ':']))
        .then(Credits::default)
}

/// Labels that name who drew or took a page's picture before a colon.
const PICTURE_LABELS: &[&str] = &[
    "漫画绘制",
    "漫画",
    "绘制",
    "绘图",
    "插图",
    "制图",
    "摄影",
    "图片",
    "图",
];

/// A picture's credit set out with a label and a colon, and the agency that sent it in
/// brackets: `漫画绘制：曹  一（新华社发）`, `制图：某某`, `摄影：某某`. The name is the
/// photographer's (or illustrator's, which the byline counts with them).
pub(crate) fn labelled_picture_credit(line: &str) -> Option<Credits> {
    let line = line.trim();
    // Every such credit opens with its label: most lines are ruled out at once.
    if !PICTURE_LABELS.iter().any(|l| line.starts_with(l)) {
        return None;
    }
    let line = agency_stripped(line).unwrap_or(line);
    // The label before a colon, or a space: `绘制 寇某某`, `制图 寇某`.
    let (label, name) = line
        .split_once(['：', ':'])
        .or_else(|| line.split_once(char::is_whitespace))?;
    if !PICTURE_LABELS.contains(&label.trim()) {
        return None;
    }
    let name: String = name.split_whitespace().collect();
    names::is_person_name(&name).then(|| Credits {
        photographers: vec![name],
        ..Credits::default()
    })
}

/// News agencies whose name may follow their reporters' names on a web copy's byline.
const AGENCIES: &[&str] = &[
    "新华社",
    "中新社",
    "新华网",
    "中新网",
    "人民网",
    "央视网",
    "央广网",
];

/// A byline of names followed by their agency, as web copies print a wire report's:
/// `冯晓芳 新华社`, `张三 李四 中新社`. The names are reporters.
fn names_of_agency(line: &str) -> Option<Credits> {
    let line = line.trim();
    // In brackets at a report's end: `（袁原 新华社专特稿）`.
    let line = strip_brackets(line).unwrap_or(line);
    let (names, agency) = line.trim().rsplit_once(char::is_whitespace)?;
    // The agency's special report: `新华社专特稿`, `新华社特稿`.
    let agency = ["专特稿", "特稿", "专稿"]
        .iter()
        .find_map(|w| agency.strip_suffix(w))
        .unwrap_or(agency);
    if !AGENCIES.contains(&agency) {
        return None;
    }
    let reporters = names::listed_names(names).filter(|n| n.len() <= 4)?;
    Some(Credits {
        reporters,
        ..Credits::default()
    })
}

/// A reader's letter signs off with where the writer lives and the name, in brackets:
/// `（北京市西城区  某某某）`, `（某某大学 某某）`; or signs under its title so, unbracketed, the
/// name padded as bare author lines are (`江城长河区  林  一`). The name is the author's.
pub(crate) fn placed_signature(line: &str) -> Option<Credits> {
    const PLACES: &[&str] = &[
        "省", "市", "区", "县", "州", "旗", "镇", "乡", "村", "街道", "社区", "大学", "学院",
        "中学", "小学", "医院", "公司",
    ];
    let line = line.trim();
    let inner = strip_brackets(line).unwrap_or(line);
    if let Some(c) = name_slash_place(inner) {
        return Some(c);
    }
    let (place, rest) = inner.split_once(char::is_whitespace)?;
    let placed = |p: &str| {
        p.chars().count() <= 16 && p.chars().all(is_han) && PLACES.iter().any(|e| p.ends_with(e))
    };
    let name = if placed(place) {
        names::bare_name(rest.trim())?
    } else if inner != line && placed(rest.trim()) {
        // In brackets, the name may come first: `（某某 某某大学）`.
        names::bare_name(place)?
    } else {
        return None;
    };
    Some(Credits {
        authors: vec![name],
        ..Credits::default()
    })
}

/// A reader's essay signed with the name, a slash and where the writer lives, as overseas
/// papers print it (`林小雨／江城`, `林小雨/亚凯迪亚`): the name is the author's. What follows
/// the slash is a place, no deed (`/摄`, `/图片`, `/文字`).
fn name_slash_place(s: &str) -> Option<Credits> {
    // A name of four characters at most, a slash and a place of eight: most lines are longer.
    if s.len() > 48 {
        return None;
    }
    let (name, place) = s.split_once(['／', '/'])?;
    let (name, place) = (name.trim(), place.trim());
    let n = place.chars().count();
    let deed = post_word(place).is_some()
        || role_word(place).is_some()
        || [
            "图片", "文字", "视频", "影像", "图文", "文图", "撰文", "摄影",
        ]
        .contains(&place);
    ((2..=8).contains(&n) && place.chars().all(is_han) && !deed)
        .then(|| names::bare_name(name))
        .flatten()
        .map(|name| Credits {
            authors: vec![name],
            ..Credits::default()
        })
}

pub(crate) fn strip_brackets(s: &str) -> Option<&str> {
    s.strip_prefix(['(', '（', '【'])?
        .strip_suffix([')', '）', '】'])
        .map(str::trim)
}

/// A lead's credit cut by the line's end (`扬子晚报讯（记者` and, on the next line,
/// `林小雨）11月5日上午…`): the rest of the dateline line is an opening bracket and a role word,
/// with no closing bracket. Returns what stands inside the bracket.
pub(crate) fn credit_cut_at_line_end(rest: &str) -> Option<&str> {
    let inner = rest.trim().strip_prefix(['(', '（'])?.trim();
    (!inner.is_empty()
        && inner.len() <= 60
        && !inner.contains([')', '）'])
        && has_credit_word(inner))
    .then_some(inner)
}

/// The end of a credit cut by a line's end ([`credit_cut_at_line_end`]) at the start of the
/// next line: the names up to the closing bracket (`林小雨）11月5日…`). Returns where the text
/// starts after the bracket and what the whole credit credits.
pub(crate) fn credit_closed_on_next_line(open: &str, next: &str) -> Option<(usize, Credits)> {
    let (at, c) = next
        .char_indices()
        .take(24)
        .find(|&(_, c)| c == ')' || c == '）')?;
    let head = next.get(..at)?.trim();
    if head.is_empty() || head.contains(['。', '，', ',']) {
        return None;
    }
    let credits = parse_credits(&format!("{open} {head}"), None, false)?;
    Some((at + c.len_utf8(), credits))
}

/// An author signing with a post after the text, in brackets (`（南州大学经济学院教授 王小二）`,
/// the part inside): where the author works and what as, then the name set apart by a space.
pub(crate) fn affiliated_signature(inner: &str) -> Option<Credits> {
    let (post, name) = inner.trim().rsplit_once([' ', '\u{3000}'])?;
    let post = post.trim();
    (post.chars().count() >= 4
        && crate::names::is_person_name(name)
        && crate::names::ends_in_post(post)
        && !has_credit_word(post))
    .then(|| Credits {
        authors: vec![name.to_owned()],
        ..Credits::default()
    })
}

/// Commentary author marks that stand before the author's name.
const AUTHOR_MARKS: &[char] = &['□', '■', '◎', '●', '◇', '◆', '○'];

/// Whether the line is a web page's line of facts under the headline, naming where the
/// article comes from and when it was posted: `2019-06-26 来源：某某日报作者:林小雨 王小二`,
/// `发布时间：2021-03-05 10:20  来源：某某网`. Not the article's text.
pub(crate) fn is_web_meta_line(line: &str) -> bool {
    // `来源` or `发布…`: a search for their characters rules out most lines cheaply.
    if !line.contains(['源', '布', '作']) {
        return false;
    }
    let source = line.contains("来源");
    let posted = line.contains("发布时间") || line.contains("发布日期");
    let signed = signed_with_date(line);
    if !(source || posted || signed) || line.len() > 240 || line.contains('。') {
        return false;
    }
    let source = line.contains("来源：") || line.contains("来源:");
    // A date written with digits: `2019-06-26`, `2021年3月5日`.
    let dated = line
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && (w[1] == b'-' || w[1] == b'/') && w[2].is_ascii_digit())
        || line.contains('年') && line.contains('日') && line.bytes().any(|b| b.is_ascii_digit());
    posted || source && dated || signed
}

/// The value of a field of a web page's line of facts (`来源:某某晚报  2022年10月23日  版次:A11
/// 栏目:●随手拍  作者:某某`): what follows `label` and its colon up to the next space, without
/// the bullet a site sets before it. `None` where the field is missing or empty.
pub(crate) fn web_meta_field<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let at = line.find(label)?;
    let rest = line.get(at + label.len()..)?.strip_prefix([':', '：'])?;
    let value = rest
        .trim_start()
        .split(char::is_whitespace)
        .next()?
        .trim_start_matches(['●', '·', '•', '■', '□']);
    (!value.is_empty()).then_some(value)
}

/// The page's date and number a web page's line of facts gives (`来源:某某晚报 2022年10月23日
/// 版次:A11 …`): its first date of digits and its `版次` field.
pub(crate) fn web_meta_page(line: &str) -> Option<(Option<String>, Option<String>)> {
    if !is_web_meta_line(line) {
        return None;
    }
    let date = line
        .split_whitespace()
        .find_map(|w| crate::header::parse_date(w).filter(|(_, rest)| rest.is_empty()))
        .map(|(d, _)| d);
    let page = web_meta_field(line, "版次")
        .filter(|p| crate::header::is_page_token(p))
        .map(crate::header::page_number);
    (date.is_some() || page.is_some()).then_some((date, page))
}

/// A web page's date and author under the headline: `2017-07-19 作者：赵某某`.
fn signed_with_date(line: &str) -> bool {
    let Some((date, rest)) = line.trim().split_once(char::is_whitespace) else {
        return false;
    };
    let rest = rest.trim_start();
    crate::lines::digit_date(date)
        && ["作者：", "作者:"].iter().any(|w| rest.starts_with(w))
        && rest.chars().count() <= 24
}

/// The names a web page's line of facts gives after `作者` (authors) or `记者` (reporters):
/// `2019-06-26 来源：某某日报作者:林小雨 王小二` credits 林小雨 and 王小二.
pub(crate) fn web_meta_credit(line: &str) -> Option<Credits> {
    if !is_web_meta_line(line) {
        return None;
    }
    let mut out = Credits::default();
    for (word, role) in [("作者", Role::Author), ("记者", Role::Reporter)] {
        let Some(at) = line.find(word) else { continue };
        let rest = line
            .get(at + word.len()..)?
            .trim_start_matches([':', '：', ' ']);
        // The names run to the next field's label or the line's end.
        let end = ["来源", "编辑", "责任编辑", "发布", "时间", "浏览", "点击"]
            .iter()
            .filter_map(|w| rest.find(w))
            .min()
            .unwrap_or(rest.len());
        for name in rest
            .get(..end)?
            .split(|c: char| c.is_whitespace() || c == '、')
        {
            if names::is_person_name(name) {
                match role {
                    Role::Author => push_unique(&mut out.authors, name),
                    _ => push_unique(&mut out.reporters, name),
                }
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Words that end the name of a body that signs a theory page's article as its author.
const AUTHOR_BODIES: &[&str] = &[
    "研究会",
    "研究院",
    "研究中心",
    "研究所",
    "研究基地",
    "课题组",
    "写作组",
    "编写组",
    "调研组",
    "中心组",
    "党组",
];

/// A body signing an article under its title, as theory pages print it
/// (`江城市党的建设研究会`, `南州大学某某研究中心课题组`): the author. One name of a body, no
/// sentence and no space in it.
pub(crate) fn organisation_author(line: &str) -> Option<Credits> {
    let t = line.trim();
    let n = t.chars().count();
    ((5..=30).contains(&n)
        && AUTHOR_BODIES.iter().any(|b| t.ends_with(b))
        && t.chars()
            .all(|c| crate::normalize::is_han(c) || matches!(c, '（' | '）' | '(' | ')' | '·')))
    .then(|| Credits {
        authors: vec![t.to_owned()],
        ..Credits::default()
    })
}

/// Parses `□ 作者` / `■ 本报评论员 李四`: every name credited is an author.
/// The name of a marked author line the page's place makes one (`◎扎西达娃` between a title and
/// its text, see `lines::marked_name_under_title`): its author, whatever the name.
pub(crate) fn marked_name(line: &str) -> Option<Credits> {
    let rest = line.strip_prefix(AUTHOR_MARKS)?.trim();
    ((2..=6).contains(&rest.chars().count()) && rest.chars().all(is_han)).then(|| Credits {
        authors: vec![rest.to_owned()],
        ..Credits::default()
    })
}

pub(crate) fn parse_author_line(line: &str) -> Option<Credits> {
    // `本报评论员`, `■本报特约评论员`: the paper's commentary voice, signed with no name.
    let unmarked = line.trim_start_matches(AUTHOR_MARKS).trim_start();
    if unmarked.ends_with("评论员") && role_word(unmarked) == Some(Role::Author) {
        return Some(Credits {
            authors: vec![unmarked.to_owned()],
            ..Credits::default()
        });
    }
    if let Some(c) = organisation_author(unmarked) {
        return Some(c);
    }
    let rest = line.strip_prefix(AUTHOR_MARKS)?.trim_start();
    if rest.chars().count() > 30 {
        return None;
    }
    // `□本报记者X本报通讯员Y` is a byline with its roles; a column label such as `□乡土人物`
    // is no author: without a role word, every name must read as a person's name.
    let with_role = parse_credits(rest, None, false);
    if with_role.as_ref().is_some_and(|c| {
        !(c.reporters.is_empty() && c.correspondents.is_empty() && c.photographers.is_empty())
    }) {
        return None;
    }
    let plain = with_role.is_some()
        || rest
            .split(|c: char| c.is_whitespace() || c == '、')
            .filter(|w| !w.is_empty())
            .all(|w| names::is_person_name(w) || w.chars().count() == 1);
    if !plain && names::bare_name(rest).is_none() {
        return None;
    }
    let c = parse_credits(rest, Some(Role::Author), false)?;
    let mut out = Credits::default();
    for n in c
        .reporters
        .iter()
        .chain(&c.correspondents)
        .chain(&c.authors)
        .chain(&c.photographers)
    {
        push_unique(&mut out.authors, n);
    }
    Some(out)
}

/// A line crediting the words of an item to their writer, as a cartoon's verse or a photo
/// page's text is signed: `文/某某某`, `撰文/某某某`, `某某某 文`, and glued `某某某文` where a
/// three-character name stands before `文` (a two-character name glued to `文` reads as a name
/// of three); and a report's writers in brackets at its end (`（撰文/某某 某某）`).
pub(crate) fn words_credit(line: &str) -> Option<Credits> {
    let t = line.trim();
    // A writer's field may carry the editor's after it: longer than a bare credit.
    if t.len() <= 120
        && let Some(c) = labelled_writer(t)
    {
        return Some(c);
    }
    if t.len() > 40 && !t.ends_with([')', '）']) {
        return None;
    }
    if let Some(name) = noted_name(t) {
        return Some(Credits {
            authors: vec![name.to_owned()],
            ..Credits::default()
        });
    }
    if t.len() > 40 {
        return None;
    }
    // `（撰文/某某 某某）`: the writers of a report, in brackets at its end, as bracketed end
    // credits name its reporters (`（记者 某某）`, `（某某 整理）`).
    if let Some(names) = strip_brackets(t)
        .and_then(|inner| inner.strip_prefix("撰文"))
        .and_then(|r| r.strip_prefix(['/', '／', '：', ':']))
        .and_then(|r| names::listed_names(r.trim()))
    {
        return Some(Credits {
            reporters: names,
            ..Credits::default()
        });
    }
    let name = if let Some(rest) = t
        .strip_prefix("撰文")
        .or_else(|| t.strip_prefix(['文', '词']))
        .and_then(|r| r.strip_prefix(['/', '／', '：', ':']))
    {
        rest.trim()
    } else if let Some(head) = t
        .strip_suffix('文')
        .and_then(|h| h.trim_end().strip_suffix(['/', '／']))
    {
        // `林小雨/文`: the name, then what it did.
        head.trim()
    } else if let Some(head) = t.strip_suffix('文') {
        let head = head.trim_end();
        if head.len() == t.len() - '文'.len_utf8() && head.chars().count() != 3 {
            return None;
        }
        head
    } else {
        return None;
    };
    let names = names::bare_name(name)
        .map(|n| vec![n])
        .filter(|_| !name.is_empty())?;
    Some(Credits {
        authors: names,
        ..Credits::default()
    })
}

/// A writer's name with a note on the writer in brackets after it, on a line of its own
/// (`林小雨（江城大学教授）`, `赵小雨(证号2319800)`, as a pupils' page prints its young writers'
/// press cards): the name. The note holds no sentence and no credit of its own.
pub(crate) fn noted_name(line: &str) -> Option<&str> {
    let (name, note) = line.split_once(['(', '（'])?;
    let note = note.strip_suffix([')', '）'])?;
    let name = name.trim();
    ((2..=30).contains(&note.chars().count())
        && !note.contains(['(', '（', ')', '）', '。', '，', ',', '：', ':'])
        && !has_credit_word(note)
        && names::is_person_name(name))
    .then_some(name)
}

/// A pupil's teacher, credited under the pupil's name on a pupils' page (`指导老师 某某`,
/// `指导教师：某某`): a note on the writing, naming no writer.
pub(crate) fn teacher_line(line: &str) -> bool {
    ["指导老师", "指导教师", "辅导老师", "辅导教师"]
        .iter()
        .find_map(|w| line.strip_prefix(w))
        .map(|r| r.trim_start_matches([':', '：']).trim())
        .is_some_and(|r| names::listed_names(r).is_some())
}

/// Labels ending in 人 that name someone other than the text's writer.
const NOT_WRITERS: &[&str] = &[
    "联系人",
    "负责人",
    "发言人",
    "责任人",
    "经办人",
    "法人",
    "监制人",
    "出品人",
    "制片人",
    "主持人",
    "候选人",
    "当事人",
    "投诉人",
    "举报人",
    "受访人",
];

/// A writer named after a label and a colon, as letters, memoirs and readers' pieces are
/// signed under their titles: `作者：某某`, `口述：某某`, and labels ending in 人 (`寄思人：某某`,
/// `讲述人：某某`, `撰稿人：某某`), but not those naming someone else (`联系人：…`).
fn labelled_writer(t: &str) -> Option<Credits> {
    let (label, rest) = t.split_once(['：', ':'])?;
    let label = label.trim();
    let n = label.chars().count();
    let writer = matches!(label, "作者" | "撰稿" | "口述" | "讲述" | "执笔")
        || (2..=4).contains(&n)
            && label.ends_with('人')
            && label.chars().all(is_han)
            && !NOT_WRITERS.contains(&label);
    if !writer {
        return None;
    }
    // A web page's field of the article's writer, its editor after it (`作者：□本报记者 某某
    // 编辑：某某`): the writer's credit, as printed, with its role.
    let rest = without_editor_field(rest);
    if label == "作者"
        && let Some(c) = parse_credits(rest.trim().trim_start_matches(AUTHOR_MARKS), None, false)
        && !(c.reporters.is_empty() && c.correspondents.is_empty())
    {
        return Some(c);
    }
    // The writer may be named with a post: `提案人：全国政协委员某某`.
    let authors = names::listed_names(rest.trim())
        .or_else(|| names::name_after_post(rest).map(|n| vec![n.to_owned()]))?;
    Some(Credits {
        authors,
        ..Credits::default()
    })
}

/// A credit without the editor's field a web page prints after it, set apart by a space:
/// `□本报记者 某某    编辑：某某` gives `□本报记者 某某`.
fn without_editor_field(s: &str) -> &str {
    ["编辑：", "编辑:", "责任编辑", "责编：", "责编:"]
        .iter()
        .filter_map(|w| s.find(w))
        .filter(|&at| {
            s.get(..at)
                .is_some_and(|h| h.ends_with(char::is_whitespace) && !h.trim().is_empty())
        })
        .min()
        .map_or(s, |at| s.get(..at).unwrap_or(s).trim_end())
}

/// Whether the line is a `(作者单位:…)` / `（作者系…）` note ending a commentary.
pub(crate) fn is_author_note(line: &str) -> bool {
    strip_brackets(line).is_some_and(|inner| {
        inner.starts_with("作者") && inner.chars().count() <= 60 && !inner.contains('。')
    })
}

/// Whether `line` is a note of where an article first ran, set in brackets at its end:
/// `（摘编自《某某日报》，原题为《……》）`, `(来源：某某网)`, `（原载《某刊》2025年第3期）`.
pub(crate) fn is_source_note(line: &str) -> bool {
    web_source_line(line)
        || tip_credit(line)
        || strip_brackets(line).is_some_and(|inner| {
            [
                "摘编自",
                "摘自",
                "选自",
                "转载自",
                "原载",
                "来源",
                "案例来源",
                "资料来源",
                "本文来源",
                "本文摘自",
                "节选自",
            ]
            .iter()
            .any(|w| inner.starts_with(w))
                && inner.chars().count() <= 80
                && !inner.contains('。')
        })
}

/// The line after a report naming the reader who gave the paper the story, as evening papers
/// print it: `线索提供 王某`, `线索提供：李某 赵某`, `（线索来自本报新闻热线 12345678）`. It
/// credits no writer, and closes the report.
pub(crate) fn tip_credit(line: &str) -> bool {
    if tip_reward(line) {
        return true;
    }
    // The bracket may be left open at the line's end, as web copies drop it.
    let inner = line
        .trim()
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let Some(rest) = TIP_WORDS.iter().find_map(|w| inner.strip_prefix(w)) else {
        return false;
    };
    let rest = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    !rest.is_empty() && rest.chars().count() <= 30 && !rest.contains(['。', '，', ','])
}

/// The reward a hotline story's tip earned, printed after the report: `感谢王先生拨打本报热线
/// 提供线索，奖30元`, `施先生报料，奖励50元`. A note, not a paragraph of the report.
fn tip_reward(line: &str) -> bool {
    let Some(head) = line.trim_end_matches(['。', '！', '!']).strip_suffix('元') else {
        return false;
    };
    let head =
        head.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c));
    let Some(head) = head
        .strip_suffix("奖励")
        .or_else(|| head.strip_suffix('奖'))
    else {
        return false;
    };
    line.chars().count() <= 60
        && ["线索", "报料", "爆料"].iter().any(|w| head.contains(w))
        && !head.contains('。')
}

/// A credit without the tip credit printed after it on the same line: `记者 某某 摄 线索提供
/// 某某` gives `记者 某某 摄`.
pub(crate) fn without_tip_credit(s: &str) -> &str {
    // A tip note is short (its names at most thirty characters): only the line's last 160
    // bytes can hold one.
    let mut from = s.len().saturating_sub(160);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let tail = s.get(from..).unwrap_or("");
    // Most credits hold none of the words' characters: one scan rejects them.
    if !tail.contains(['线', '料', '信']) {
        return s;
    }
    ["线索", "报料人", "信息来源"]
        .iter()
        .filter_map(|w| tail.find(w).map(|at| from + at))
        .find(|&at| at > 0 && s.get(at..).is_some_and(tip_credit))
        .map_or(s, |at| s.get(..at).unwrap_or(s).trim_end())
}

/// The words that open a note naming who gave the paper a story or its facts: they credit no
/// one with the words or the picture (`线索提供 王某`, `…摄 信息来源 张某 刘某`).
const TIP_WORDS: &[&str] = &[
    "线索提供",
    "新闻线索提供",
    "线索来自",
    "线索来源",
    "报料人",
    "信息来源",
    // The reward the tip earned, as a field: `报料奖金：100元`.
    "报料奖金",
    "线索奖金",
    "报料奖",
];

/// A web repost's line naming where the article comes from, unbracketed: `来源：某某新闻`,
/// `本文来源：某某网`, `稿件来源: 某某日报`. A short line with the source's name and no sentence.
fn web_source_line(line: &str) -> bool {
    let Some(name) = [
        "来源",
        "本文来源",
        "文章来源",
        "稿件来源",
        "新闻来源",
        "信息来源",
    ]
    .iter()
    .find_map(|w| line.strip_prefix(w))
    .and_then(|rest| rest.strip_prefix(['：', ':'])) else {
        return false;
    };
    let name = name.trim();
    (2..=24).contains(&name.chars().count()) && !name.contains(['。', '，', ',', '；'])
}

/// The words in brackets that close a text, within its last 40 characters (`…略低。（据新华社
///电）`, `…。（记者 某某）`): where the bracket opens, and the words inside it.
pub(crate) fn closing_bracket(text: &str) -> Option<(usize, &str)> {
    let body = text.strip_suffix([')', '）'])?;
    let (open, c) = body
        .char_indices()
        .rev()
        .take(40)
        .find(|&(_, c)| c == '(' || c == '（')?;
    Some((open, body.get(open + c.len_utf8()..)?))
}

/// A photo page's credit naming what each did before the names, spaced: `■摄影 王 强 文字
/// 金睿敏`, `文字 某某 摄影 某某`. 摄影 credits the photographers, 文字 the words' writer, a
/// reporter. A two-character name may be padded (`王 强`).
fn roles_before_names(line: &str) -> Option<Credits> {
    let t = line.trim().trim_start_matches(AUTHOR_MARKS).trim();
    // Most lines are done with by their first word.
    if !(t.starts_with("摄影") || t.starts_with("文字")) {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let role = |w: &str| match w {
        "摄影" => Some(Role::Photographer),
        "文字" => Some(Role::Reporter),
        _ => None,
    };
    role(words.first()?)?;
    let mut out = Credits::default();
    let mut current = None;
    let mut k = 0;
    while let Some(&w) = words.get(k) {
        if let Some(r) = role(w) {
            current = Some(r);
            k += 1;
            continue;
        }
        // A padded name: two single characters.
        let padded = words
            .get(k + 1)
            .filter(|n| w.chars().count() == 1 && n.chars().count() == 1 && role(n).is_none());
        let name = match padded {
            Some(n) => format!("{w}{n}"),
            None => w.to_owned(),
        };
        if !is_name(&name) {
            return None;
        }
        match current? {
            Role::Photographer => out.photographers.push(name),
            _ => out.reporters.push(name),
        }
        k += if padded.is_some() { 2 } else { 1 };
    }
    (!out.photographers.is_empty() || !out.reporters.is_empty()).then_some(out)
}

/// A reporter's credit in brackets closing the text's last sentence (`…进驻苍南。（记者 某某
/// 实习生 某某）`): the article ends there, as it does at a credit glued without brackets
/// ([`glued_credit`]). A credit for pictures too (`（某某 某某 图/文）`) may close a caption
/// inside the text; one naming the whole report (`（某某 本报通讯员 某某 摄影报道）`) closes it.
pub(crate) fn bracketed_end_credit(text: &str) -> bool {
    let Some((open, inner)) = closing_bracket(text) else {
        return false;
    };
    let inner = inner.trim();
    let whole_report = inner.ends_with("报道");
    text.get(..open).is_some_and(|head| {
        head.trim_end()
            .ends_with(['。', '！', '？', '!', '?', '”', '…', '」'])
    }) && parse_credits(inner, None, false)
        .is_some_and(|c| !c.reporters.is_empty() && (c.photographers.is_empty() || whole_report))
}

/// Reads a reprint credit: `据新华社福州6月13日电`, `（据中新社电）`, `□据新华社电`,
/// `据《光明日报》报道`. Returns it without brackets and marks, as the article's dateline.
pub(crate) fn parse_reprint(line: &str) -> Option<&str> {
    let s = line.trim_start_matches(AUTHOR_MARKS).trim();
    let s = strip_brackets(s).unwrap_or(s);
    let n = s.chars().count();
    // `（本报布鲁塞尔1月12日电）`, `（新华社北京1月12日电）` at the end: a dateline in brackets.
    if dateline_prefix(s).is_some_and(|(prefix, _, _)| prefix.len() == s.len()) {
        return Some(s);
    }
    let ok = s.starts_with('据')
        && (4..=30).contains(&n)
        && (s.ends_with('电') || s.ends_with("报道") || s.ends_with("消息") || s.ends_with('讯'))
        && !s.contains(['。', '，', ',']);
    (ok || source_named(s)).then_some(s)
}

/// A dateline and its reporters in brackets at an article's end, as international and wire
/// pages print them: `（本报里斯本8月10日电 本报驻里斯本记者周远航）`,
/// `（新华社罗马8月10日电 记者吴子墨 参与记者郑云帆）`. Returns the dateline and the credits.
pub(crate) fn end_dateline_credit(line: &str) -> Option<(&str, Credits)> {
    let s = strip_brackets(line.trim())?;
    let (prefix, end, _) = dateline_prefix(s)?;
    let rest = s.get(end..)?.trim();
    if rest.is_empty() || rest.chars().count() > 40 || rest.contains(['。', '，']) {
        return None;
    }
    let credits = parse_credits(rest, None, false)?;
    (!credits.reporters.is_empty()).then_some((prefix, credits))
}

/// `据新华社`, `据央视新闻`, `据《光明日报》`: a reprint credited by the source's name alone,
/// set at the end of the text as front pages print it.
fn source_named(s: &str) -> bool {
    let Some(name) = s.strip_prefix('据') else {
        return false;
    };
    let n = name.chars().count();
    (2..=10).contains(&n)
        && name.chars().all(|c| is_han(c) || matches!(c, '《' | '》'))
        && (["社", "网", "台", "报", "》", "新闻", "客户端"]
            .iter()
            .any(|e| name.ends_with(e))
            || ["央视", "央广"].iter().any(|e| name.starts_with(e)))
}

/// Finds the source of a reprint glued after a paragraph's last sentence, unbracketed:
/// `…相当于植树造林7000多万棵。 据中新社`, `…接种。据央视`. Returns where the source starts.
pub(crate) fn glued_source(text: &str) -> Option<usize> {
    // A wide gap of ideographic spaces may set a closing dateline apart: `…开始。　　　　据新华社
    // 纽约6月12日电`.
    let (at, source) = after_last_sentence(text, 28)?;
    let reprinted = source.strip_prefix('据').is_some_and(bare_dateline);
    (source_named(source) || account_named(source) || bare_dateline(source) || reprinted)
        .then_some(at)
}

/// What stands after a paragraph's last sentence, within its last `within` characters
/// (`…略低。 据某社` gives `据某社`): where it starts and the words, trimmed; none if nothing
/// does.
fn after_last_sentence(text: &str, within: usize) -> Option<(usize, &str)> {
    let (mark, c) = text
        .char_indices()
        .rev()
        .take(within)
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '”'))?;
    let after = mark + c.len_utf8();
    let tail = text.get(after..)?;
    let words = tail.trim();
    (!words.is_empty()).then(|| (after + (tail.len() - tail.trim_start().len()), words))
}

/// A picture's credit to the agency that issued it, glued after a caption's last sentence:
/// `…在比利时生活。新华社发`, `…开幕。（中新社发）`. It names no photographer. Returns where the
/// credit starts.
pub(crate) fn issued_by_agency(text: &str) -> Option<usize> {
    let (at, credit) = after_last_sentence(text, 10)?;
    let credit = strip_brackets(credit).unwrap_or(credit);
    AGENCY_ISSUES.contains(&credit).then_some(at)
}

/// The words an agency's picture credit reads, spaces closed up.
const AGENCY_ISSUES: [&str; 2] = ["新华社发", "中新社发"];

/// A picture's credit to the agency that issued it on a line of its own under the caption
/// (`新华社 发`, `（中新社发）`): a credit naming no one.
pub(crate) fn issued_by_agency_alone(line: &str) -> bool {
    // Eight characters and a few spaces and brackets at most: most lines are rejected by length.
    if line.len() > 40 || !line.contains('发') {
        return false;
    }
    let s = line.trim();
    let s = strip_brackets(s).unwrap_or(s);
    let closed: String = s.split_whitespace().collect();
    AGENCY_ISSUES.contains(&closed.as_str())
}

/// A source named after a paragraph's last sentence that is no outlet's usual name: an
/// account (`据江城教育`, `据江城发布`). Only 据 and a name, with no mark to end it: a sentence
/// would go on (`据悉`, `据统计`, `据了解` open one).
fn account_named(s: &str) -> bool {
    let Some(name) = s.strip_prefix('据') else {
        return false;
    };
    let opens_sentence = [
        "悉",
        "了解",
        "统计",
        "介绍",
        "调查",
        "初步",
        "不完全",
        "称",
        "说",
        "报道",
    ]
    .iter()
    .any(|w| name.starts_with(w));
    (3..=8).contains(&name.chars().count()) && name.chars().all(is_han) && !opens_sentence
}

/// Finds a credit glued to the end of a paragraph after its last sentence (a wide gap may set
/// it apart):
/// `…价格比去年略低。文/本报记者 张某`, `…让人放心”。 扬子晚报记者 柳某`, `…合影留念。⑧3程全摄`.
/// Returns where the credit starts (after any code such as `⑧3`) and what it credits.
pub(crate) fn glued_credit(text: &str) -> Option<(usize, Credits)> {
    credit_after_sentence(text).or_else(|| credit_after_gap(text))
}

/// A credit glued after the text's last sentence (see [`glued_credit`]).
fn credit_after_sentence(text: &str) -> Option<(usize, Credits)> {
    // Corner quotes close sentences too, as Hong Kong and Taiwan papers print them (`…好行！」`).
    let (mark, c) =
        text.char_indices().rev().take(80).find(|&(_, c)| {
            matches!(c, '。' | '！' | '？' | '!' | '?' | '”' | '…' | '」' | '』')
        })?;
    let after = mark + c.len_utf8();
    let tail = text.get(after..)?;
    // A code glued before the credit: `⑧3`.
    let code = tail
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(c as u32, 0x2460..=0x2473 | 0x2776..=0x2793 | 0x3251..=0x325F))
        })
        .map_or(tail.len(), |(i, _)| i);
    // The mark that sets a credit off (`□记者 某某`, `/记者 某某 报道`) goes with the credit,
    // not into its words.
    let credit = tail
        .get(code..)?
        .trim_start_matches(crate::lines::LABEL_MARKS)
        .trim_start_matches(['/', '／'])
        .trim();
    if credit.is_empty() || credit.chars().count() > 36 {
        return None;
    }
    let credits = parse_credits(credit, None, false)
        .or_else(|| {
            spaced_photo_credit(credit)
                .filter(|(at, _)| *at == 0)
                .map(|(_, c)| c)
        })
        .or_else(|| bracketed_names(credit))
        .or_else(|| names_of_agency(credit))
        .or_else(|| translated_from(credit))
        .or_else(|| signed_apart(tail, credit))
        .or_else(|| glued_words_credit(credit))?;
    Some((after + code, credits))
}

/// The writer of the words credited after the last sentence, a prefix naming the words
/// (`…极大满足。文/寒 歌`, `撰文/某某`): any name of two to four characters, pen names too.
fn glued_words_credit(credit: &str) -> Option<Credits> {
    let rest = ["文/", "文／", "撰文/", "撰文／"]
        .iter()
        .find_map(|p| credit.strip_prefix(p))?;
    let name: String = rest.split_whitespace().collect();
    ((2..=4).contains(&name.chars().count())
        && name.chars().all(is_han)
        && !names::is_credit_word(&name))
    .then(|| Credits {
        authors: vec![name],
        ..Credits::default()
    })
}

/// A credit set a wide gap apart from a text that ends in no mark, as a caption's does
/// (`…引导路人安全有序通行  杨某  摄影报道`): two spaces or an ideographic space before it, within
/// the text's last 36 characters, and a credit's word in it. Returns where the credit starts
/// and what it credits.
fn credit_after_gap(text: &str) -> Option<(usize, Credits)> {
    let trimmed = text.trim_end();
    // A credit ends in a name or what the names did, never in a sentence's mark: most texts
    // are done with here.
    if trimmed.ends_with(|c: char| !is_han(c)) {
        return None;
    }
    let from = trimmed
        .char_indices()
        .rev()
        .take(36)
        .last()
        .map_or(0, |(i, _)| i);
    // Most texts hold no wide gap near their end: nothing more is read of them.
    let tail = trimmed.get(from..)?;
    if !tail.contains("  ") && !tail.contains('\u{3000}') {
        return None;
    }
    let gaps = tail
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && (trimmed[..i].ends_with("  ") || trimmed[..i].ends_with('\u{3000}'))
        })
        .map(|(i, _)| i);
    for at in gaps {
        let head = trimmed[..at].trim_end();
        if head.chars().count() < 10 {
            continue;
        }
        if let Some(c) = parse_credits(&trimmed[at..], None, false) {
            return Some((at, c));
        }
    }
    None
}

/// Names alone set a space apart after the last sentence (`…落地见效。 蓝皓璟`): the report's
/// signature, its names read as reporters with no role word to say so.
fn signed_apart(tail: &str, credit: &str) -> Option<Credits> {
    if !tail.starts_with(char::is_whitespace) {
        return None;
    }
    let names = names::bare_names(credit)?;
    names
        .iter()
        .all(|n| names::is_person_name(n))
        .then(|| Credits {
            reporters: names,
            unmarked: true,
            ..Credits::default()
        })
}

/// A credit with a slash glued to a caption's end: `…施工现场图/文某某` (pictures and words by
/// one person: reporter and photographer), `…施工现场图/某某` (the pictures). Returns where the
/// credit starts and what it credits.
fn slashed_credit_suffix(line: &str) -> Option<(usize, Credits)> {
    // The slash stands within the line's last eight characters.
    let (at, _) = line.char_indices().rev().take(8).find(|&(_, c)| c == '/')?;
    // The name after the slash ends the line: at most four characters.
    let after = line.get(at + 1..)?;
    if after.len() > 3 * 6 {
        return None;
    }
    let (start, words_too, name) = if let Some(name) = after.strip_prefix('文') {
        // `图/文某某`
        (at.checked_sub('图'.len_utf8())?, true, name)
    } else if let Some(name) = after.strip_prefix('图') {
        // `文/图某某`
        (at.checked_sub('文'.len_utf8())?, true, name)
    } else {
        (at.checked_sub('图'.len_utf8())?, false, after)
    };
    let word = line.get(start..at)?;
    let expected = if words_too && after.starts_with('图') {
        "文"
    } else {
        "图"
    };
    let name = name.trim();
    if word != expected || !names::is_person_name(name) {
        return None;
    }
    let mut c = Credits {
        photographers: vec![name.to_owned()],
        ..Credits::default()
    };
    if words_too {
        c.reporters.push(name.to_owned());
    }
    Some((start, c))
}

/// Whether a credit line names the interviewers of the interview under it: `采访人：本报记者
/// 某某`, `访谈人：某某`.
pub(crate) fn interviewer_line(t: &str) -> bool {
    ["采访人", "访谈人", "采访者"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|r| r.starts_with(['：', ':', ' ']))
    })
}

/// A compiled report's credit: where it comes from and who translated it, in brackets
/// (`（来源：某某官网编译：林小雨）`, `（编译：林小雨 王小二）`). The translators are its reporters.
pub(crate) fn translated_from(s: &str) -> Option<Credits> {
    let inner = strip_brackets(s.trim())?;
    let (before, names) = inner
        .rsplit_once("编译：")
        .or_else(|| inner.rsplit_once("编译:"))?;
    if !(before.is_empty() || before.starts_with("来源") || before.starts_with("据")) {
        return None;
    }
    Some(Credits {
        reporters: name_list(names, true)?,
        ..Credits::default()
    })
}

/// A credit of bare names in brackets, as briefs print it after their last sentence or on the
/// line under it: `（张长利）`, `(孟翔翼 张锐)`, `（王飞、李永）`. With no role word, the names
/// are read as the item's reporters, and marked [`Credits::unmarked`]: papers print their
/// contributors' names the same way. Every part must read as a person's name.
pub(crate) fn bracketed_names(s: &str) -> Option<Credits> {
    let inner = strip_brackets(s.trim())?;
    // A two-character name padded to three widths among them: `（陶 炎 周晓琪）`.
    let reporters = name_list(inner, false).or_else(|| names::bare_names(inner))?;
    Some(Credits {
        reporters,
        unmarked: true,
        ..Credits::default()
    })
}

/// The names of a credit's list (`林小雨 王小二`, `林小雨、王小二`, `林小雨王小二`): one to four,
/// each a person's name or a run of them split by [`split_names`] (a guessed split only where
/// `guess` allows it).
fn name_list(s: &str, guess: bool) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for part in s.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',')) {
        if part.is_empty() {
            continue;
        }
        if names::is_person_name(part) {
            out.push(part.to_owned());
        } else {
            out.extend(split_names(part).filter(|s| guess || !s.guessed)?.names);
        }
    }
    (!out.is_empty() && out.len() <= 4).then_some(out)
}

/// Credits inside an author note: the authors a note names (`（作者：张三，系某大学教授）`,
/// `（作者：张三、李四）`), and the reporter who took the text down
/// (`（作者为…，本报记者X采访整理）`).
pub(crate) fn author_note_credits(line: &str) -> Option<Credits> {
    let inner = strip_brackets(line)?;
    let mut credits = inner
        .split(['，', ',', '；', ';'])
        .skip(1)
        .find_map(|part| {
            parse_credits(part.trim(), None, false).or_else(|| reporter_took_down(part.trim()))
        })
        .unwrap_or_default();
    credits.authors.extend(noted_authors(inner));
    (credits != Credits::default()).then_some(credits)
}

/// The reporter who wrote a talk down, in an author note: `本报记者某某根据作者在某会上的讲话整理`
/// (the part after the comma). The name stands right after the role word, before 根据 or 据.
fn reporter_took_down(part: &str) -> Option<Credits> {
    if !part.ends_with("整理") {
        return None;
    }
    let rest = ["本报记者", "记者"]
        .iter()
        .find_map(|r| part.strip_prefix(r))?
        .trim_start();
    [3, 2].into_iter().find_map(|len| {
        let at = rest.char_indices().nth(len)?.0;
        let (name, after) = rest.split_at(at);
        (names::is_person_name(name) && (after.starts_with("根据") || after.starts_with('据')))
            .then(|| Credits {
                reporters: vec![name.to_owned()],
                ..Credits::default()
            })
    })
}

/// The authors an author note names after `作者：` (`作者：张三，系某大学教授`, `作者：张三、李四`):
/// names only, so a unit (`作者：某某大学课题组`) gives none.
fn noted_authors(inner: &str) -> Vec<String> {
    let Some(rest) = inner
        .strip_prefix("作者：")
        .or_else(|| inner.strip_prefix("作者:"))
    else {
        return Vec::new();
    };
    let names = rest
        .split(['，', ',', '；', ';', '（', '('])
        .next()
        .unwrap_or("");
    names::listed_names(names).unwrap_or_default()
}

/// A dateline lead found at the start of a paragraph.
#[derive(Debug)]
pub(crate) struct Dateline<'a> {
    /// `本报讯`, `新华社北京3月16日电`; none when the text opens with a bracketed credit only.
    pub dateline: Option<&'a str>,
    /// The credit after it, as printed (`YMG全媒体记者 杨健 通讯员 秦雨`).
    pub raw: Option<&'a str>,
    pub credits: Option<Credits>,
    /// Byte offset in the line where the paragraph text starts.
    pub rest: usize,
}

/// Words that `…电` is part of, so that `本报电视台` is no dateline.
const DIAN_WORDS: &str = "视话力影子台网商动池梯器脑车竞费价厂站源线缆信讯报气";

/// Recognises a dateline lead: `本报讯(记者 …)`, `新华社北京3月16日电(记者 …)`,
/// `本报济南1月3日讯 记者 王五 报道:`.
pub(crate) fn parse_dateline(line: &str) -> Option<Dateline<'_>> {
    if let Some(d) = credit_lead(line)
        .or_else(|| worded_credit_lead(line))
        .or_else(|| photo_credit_lead(line))
        .or_else(|| filed_from_lead(line))
    {
        return Some(d);
    }
    // `□据新华社电`: a mark before the lead.
    let marks = line.len() - line.trim_start_matches(AUTHOR_MARKS).len();
    if marks > 0 {
        let mut d = parse_dateline(line.get(marks..)?)?;
        d.rest += marks;
        return Some(d);
    }
    let (prefix, end, c) = dateline_prefix(line)?;
    let after = line.get(end..)?;
    if c == '电' && after.chars().next().is_some_and(|n| DIAN_WORDS.contains(n)) {
        return None;
    }
    if let Some(d) = credit_before_dateline(prefix, end) {
        return Some(d);
    }
    let mut d = Dateline {
        dateline: Some(prefix),
        raw: None,
        credits: None,
        rest: end,
    };
    let mut trimmed = after.trim_start();
    let mut pos = end + (after.len() - trimmed.len());
    // A news site's dispatch naming the paper it carries in brackets (`某某网消息（某某都市报）`):
    // the paper is of the dateline, and the credit follows in brackets of its own.
    if let Some(len) = paper_in_brackets(trimmed) {
        pos += len;
        d.dateline = line.get(..pos);
        trimmed = line.get(pos..)?;
    }
    // The credit in round brackets, or in lenticular ones as some dailies print it
    // (`本报讯【某某日报记者某某】`).
    if trimmed.starts_with(['(', '（', '【']) {
        let close = trimmed
            .char_indices()
            .take(80)
            .find(|&(_, c)| matches!(c, ')' | '）' | '】'));
        if let Some((ci, cc)) = close {
            let open = trimmed.chars().next().map_or(1, char::len_utf8);
            let inner = trimmed.get(open..ci)?.trim();
            // `（《某某晚报》 记者某某）`: the paper's name before the credit.
            let inner = inner
                .strip_prefix('《')
                .and_then(|r| r.split_once('》'))
                .map_or(inner, |(_, r)| r.trim_start());
            if inner.contains("记者")
                || inner.contains("通讯员")
                || parse_credits(inner, Some(Role::Reporter), false).is_some()
            {
                d.credits = parse_credits(inner, Some(Role::Reporter), true);
                d.raw = Some(inner);
                pos += ci + cc.len_utf8();
            }
        }
    } else {
        let credit = credit_after_dateline(line, pos)?;
        d.credits = credit.credits;
        d.raw = credit.raw;
        pos = credit.end;
    }
    let rest = line.get(pos..)?;
    let body = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
    d.rest = pos + (rest.len() - body.len());
    Some(d)
}

/// Whether what follows a credit's `报道` is the text it credits (`4月30日，…`), not the rest of
/// a sentence that has the word in it (`报道称`, `报道了`, `报道中`).
fn text_after_report_word(after: &str) -> bool {
    !after.trim().is_empty() && !after.starts_with(['称', '说', '了', '的', '中', '指'])
}

/// A credit glued to the dateline before it and to the text after it, ended by `报道`
/// (`通讯员李一王二报道6月27日，…`): it opens with a role word and reads whole as a credit.
/// Returns the credits, the credit's text, and where the text after `报道` starts.
fn credit_glued_before_report(rest: &str) -> Option<(Credits, &str, usize)> {
    const OPENERS: &[&str] = &LEAD_CREDIT_OPENERS;
    // The role word may be cut by a stray space (`通讯 员`): mended only where no word opens
    // the text as printed.
    let opens = OPENERS.iter().any(|w| rest.starts_with(w))
        || (rest.starts_with("通讯") || rest.starts_with("本报通讯") || rest.starts_with('记'))
            && role_word_mended(rest.get(..rest.len().min(24)).unwrap_or(""))
                .is_some_and(|head| OPENERS.iter().any(|w| head.starts_with(w)));
    if !opens {
        return None;
    }
    // The credit ends within the first forty characters.
    let zone = rest
        .char_indices()
        .nth(40)
        .map_or(rest, |(i, _)| rest.get(..i).unwrap_or(rest));
    let at = zone.find("报道")?;
    let raw = rest.get(..at)?.trim();
    let end = at + "报道".len();
    let after = rest.get(end..)?;
    if !text_after_report_word(after) {
        return None;
    }
    let credits = parse_credits(raw, None, false)?;
    (!credits.is_empty()).then_some((credits, raw, end))
}

/// How many bytes of `rest`, after a dateline's credit (`本报讯 记者 吴某 `), are its last word
/// glued to the text's first (`报道4月30日，…`): `报道` or `摄影报道` ends the credit, unless the
/// word goes on into a sentence (`报道称`, `报道了`).
fn report_word_glued(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    ["摄影报道", "报道"]
        .iter()
        .find_map(|w| trimmed.strip_prefix(w))
        .filter(|after| text_after_report_word(after))
        .map_or(0, |after| rest.len() - after.len())
}

/// Characters that end a name run into the sentence it opens: `记者张某从…获悉`, `记者张某近日…`.
const AFTER_NAME: &str = "从在获近日昨今了赴走来随对向跟于到据经";

/// Characters that open the sentence after a bare role word rather than a name: `记者从…获悉`,
/// `记者日前走访`, `记者近日`. (`于`, `向`, `经` stay: they are surnames too.)
const OPEN_SENTENCE: &str = "从在近日昨今获赴走随对跟到据";

/// Whether a name glued to the sentence after it (`记者孙一川从…`) could open with its first
/// character: a surname, not a word of the sentence.
fn opens_a_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| !OPEN_SENTENCE.contains(c))
        && names::is_person_name(name)
}

/// The reporters and correspondents a lead's first sentence opens with, unbracketed and glued
/// to it (`通讯员钱小禾、记者孙一川从某研究所获悉`): role words, each followed by names separated by
/// `、`, the last name running into the sentence. The names are read, and the sentence is left
/// whole.
pub(crate) fn credit_in_sentence(s: &str) -> Option<Credits> {
    const ROLES: &[(&str, Role)] = &[
        ("本报记者", Role::Reporter),
        ("本报通讯员", Role::Correspondent),
        ("记者", Role::Reporter),
        ("通讯员", Role::Correspondent),
        ("实习生", Role::Reporter),
    ];
    let mut out = Credits::default();
    let mut rest = s.trim_start();
    let mut role = None;
    loop {
        if let Some((w, r)) = ROLES.iter().find(|(w, _)| rest.starts_with(w)) {
            role = Some(*r);
            rest = rest.get(w.len()..)?;
        }
        let r = role?;
        // The name: three characters, or two, not ending in a word of the sentence, and
        // followed by a separator or by the sentence.
        let name = [3, 2].into_iter().find_map(|k| {
            let end = rest.char_indices().nth(k).map_or(rest.len(), |(i, _)| i);
            let name = rest.get(..end)?;
            let next = rest.get(end..)?.chars().next()?;
            let last = name.chars().next_back()?;
            (name.chars().count() == k
                && !AFTER_NAME.contains(last)
                && opens_a_name(name)
                && is_name(name)
                && (next == '、'
                    || AFTER_NAME.contains(next)
                    || ROLES
                        .iter()
                        .any(|(w, _)| rest.get(end..).is_some_and(|x| x.starts_with(w)))))
            .then_some(name)
        })?;
        match r {
            Role::Correspondent => out.correspondents.push(name.to_owned()),
            _ => out.reporters.push(name.to_owned()),
        }
        rest = rest.get(name.len()..)?;
        if let Some(after) = rest.strip_prefix('、') {
            rest = after;
        } else if !ROLES.iter().any(|(w, _)| rest.starts_with(w)) {
            break;
        }
    }
    (!out.reporters.is_empty() || !out.correspondents.is_empty()).then_some(out)
}

/// Kinds of report, which label an item over its text: `图片报道`, `深度报道`, `系列报道`.
const REPORT_KINDS: &[&str] = &[
    "图片", "摄影", "专题", "深度", "系列", "连续", "跟踪", "独家", "特别", "现场", "相关", "综合",
    "追踪", "调查",
];

/// Words ending in 讯 that are no dateline.
const NOT_XUN: &[&str] = &[
    "通讯", "资讯", "简讯", "快讯", "喜讯", "短讯", "电讯", "音讯", "视讯", "速讯", "死讯", "传讯",
    "审讯", "问讯", "提讯", "闻讯", "应讯", "接讯",
];

/// A wire dateline with a place and no date, as papers reprint agency copy: `新华社武汉电`,
/// `中新社香港电`.
fn agency_dateline(prefix: &str) -> bool {
    AGENCIES.iter().any(|a| {
        prefix.strip_prefix(a).is_some_and(|rest| {
            let place = rest.strip_suffix('电').unwrap_or("");
            (1..=6).contains(&place.chars().count())
                && place.chars().all(is_han)
                && !place.contains("记者")
        })
    })
}

/// A line that is a dateline and nothing else (`新华社北京5月12日电`, `（本报北京电）`): as wire
/// copy prints it at an article's end.
pub(crate) fn bare_dateline(s: &str) -> bool {
    let s = s.trim();
    let s = strip_brackets(s).unwrap_or(s).trim();
    !s.starts_with('据') && dateline_prefix(s).is_some_and(|(prefix, _, _)| prefix.len() == s.len())
}

/// Finds the dateline at the start of a paragraph: `本报讯`, `新华社北京3月16日电`, a paper's
/// short name and 讯 (`南都讯`, `合肥晚报讯`, `本报百色讯`), `XX日报消息`,
/// `京华时报3月5日报道`. Returns it, where it ends and its last character.
fn dateline_prefix(line: &str) -> Option<(&str, usize, char)> {
    if let Some(end) = site_dispatch(line) {
        return Some((line.get(..end)?, end, '网'));
    }
    // One pass over the first 32 characters: 讯, 电, 消息 or 报道 ends the dateline.
    let mut found = None;
    let mut chars = line.char_indices().take(33).peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '讯'
            || c == '电'
            || c == '消' && next == Some('息')
            || c == '报' && next == Some('道')
        {
            found = Some((i, c));
            break;
        }
    }
    let (idx, c) = found?;
    let word = if c == '消' || c == '报' { 2 } else { 1 };
    let end = idx + c.len_utf8() * word;
    let prefix = line.get(..end)?;
    // Two outlets of one paper joined by a hyphen or a middle dot: `某某报-某某新闻网讯`; two
    // places of one dated report joined by a slash: `新华社北京/纽约5月12日电`.
    let joiner = |c: char| matches!(c, '-' | '·');
    let places = |c: char| matches!(c, '/' | '／') && prefix.ends_with("日电");
    // A paper and its site by a slash: `某某日报/某某网讯`, `某某日报/某某网某地讯`.
    let outlets = c == '讯'
        && prefix
            .split_once(['/', '／'])
            .is_some_and(|(paper, site)| paper.ends_with('报') && site.contains('网'));
    let slash = |c: char| matches!(c, '/' | '／') && (outlets || places(c));
    if !prefix
        .chars()
        .all(|c| is_han(c) || c.is_ascii_alphanumeric() || joiner(c) || slash(c))
        || prefix.starts_with(joiner)
        || prefix.contains(joiner) && prefix.contains("--")
        || prefix.contains("//")
    {
        return None;
    }
    let after = line.get(end..)?;
    // What may follow a bare paper name's dateline: the end, a space, a bracket, a credit.
    let apart = after.is_empty()
        || after.starts_with(|c: char| c.is_whitespace() || matches!(c, '(' | '（' | '【'))
        || after.starts_with("记者")
        || after.starts_with("通讯员")
        || reprint_lead(prefix, after);
    let n = prefix.chars().count();
    // `本报合肥电`, `本报北京讯`: the paper's own dateline with a place and no date.
    let own =
        prefix.starts_with("本报") && matches!(c, '讯' | '电') && (3..=7).contains(&n) && apart;
    let accepted = prefix == "本报讯"
        || own
        || agency_dateline(prefix) && apart
        // An outlet's name before the ending: `台电` alone is a company's short name
        // (`台电普度…`), not a station's dispatch.
        || n >= 3
            && [
                "日电", "日讯", "社电", "网电", "报讯", "报电", "台电", "台讯", "社讯", "网讯",
                // A paper's special dispatch, dated by the time of day: `本报北京今晨专电`.
                "专电",
            ]
            .iter()
            .any(|s| prefix.ends_with(s))
        || c == '讯' && (3..=8).contains(&n) && apart
        || outlets && n <= 16 && apart
        || c == '消' && (4..=12).contains(&n) && apart && (prefix.contains('报') || prefix.ends_with("网消息") || prefix.ends_with("在线消息"))
        || c == '消' && dated_outlet_news(prefix) && after.starts_with([':', '：', ' ', '　'])
        || c == '报'
            && (6..=16).contains(&n)
            && apart
            && ["日报道", "报报道", "社报道", "台报道", "网报道"]
                .iter()
                .any(|e| prefix.ends_with(e))
        // A paper's short name and 报道 on a line of its own: `南都报道。`; not a kind of
        // report (`图片报道`, `深度报道`), which labels what follows.
        || c == '报'
            && (4..=8).contains(&n)
            && after.trim_start_matches(['。', '：', ':']).is_empty()
            && !REPORT_KINDS.iter().any(|k| prefix.starts_with(k))
            && !credited_report(prefix);
    if !accepted || NOT_XUN.iter().any(|w| prefix.ends_with(w)) && !outlet_flash(prefix) {
        return None;
    }
    Some((prefix, end, if word == 2 { '消' } else { c }))
}

/// How the name of a paper, a site, an agency or a station ends: `某某报`, `某某网`, `新华社`,
/// `某某台`, `某某新闻`, `某某客户端`.
const OUTLET_ENDINGS: [&str; 6] = ["报", "网", "社", "台", "新闻", "客户端"];

/// A paper's or site's flash, its name and 快讯 (`新京报快讯`, `某某网快讯`): the dateline of a
/// report, where 快讯 alone, or after another word (`本地快讯`, `体育快讯`), labels a run of
/// briefs.
fn outlet_flash(prefix: &str) -> bool {
    prefix.strip_suffix("快讯").is_some_and(|name| {
        (2..=8).contains(&name.chars().count()) && OUTLET_ENDINGS.iter().any(|e| name.ends_with(e))
    })
}

/// A site's or a paper's dated news lead, its name or nothing before the date and 消息:
/// `苍南新闻网10月10日消息`, `1月6日消息`, as county news sites open their items.
fn dated_outlet_news(prefix: &str) -> bool {
    let Some(head) = prefix.strip_suffix("日消息") else {
        return false;
    };
    let date_start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == '月')
        .last()
        .map_or(head.len(), |(i, _)| i);
    let (name, date) = head.split_at(date_start);
    let month_day = date.split_once('月').is_some_and(|(m, d)| {
        (1..=2).contains(&m.len())
            && (1..=2).contains(&d.len())
            && m.bytes().chain(d.bytes()).all(|b| b.is_ascii_digit())
    });
    month_day
        && (name.is_empty()
            || (2..=8).contains(&name.chars().count())
                && name.chars().all(is_han)
                && OUTLET_ENDINGS.iter().any(|e| name.ends_with(e)))
}

/// A reprinted item's lead credit, the source named and 报道 before the lead's comma
/// (`据某某日报报道，…`, `据新华社报道，…`), as digests of other papers print it.
fn reprint_lead(prefix: &str, after: &str) -> bool {
    prefix.starts_with('据') && prefix.ends_with("报道") && after.starts_with(['，', ','])
}

/// What an unbracketed credit after a dateline gives: its credits, its text, and where the
/// lead's text starts.
struct CreditAfter<'a> {
    credits: Option<Credits>,
    raw: Option<&'a str>,
    end: usize,
}

/// The credit that follows a dateline at `pos` of `line` without brackets: `记者 王五 报道:`
/// (credit words while they last), `通讯员李一王二报道6月27日` (glued before 报道), or the
/// sentence's subject (`通讯员钱小禾、记者孙一川从…获悉`), which stays in the text.
fn credit_after_dateline(line: &str, pos: usize) -> Option<CreditAfter<'_>> {
    let mut found = CreditAfter {
        credits: None,
        raw: None,
        end: pos,
    };
    // `记者 王五 报道:` before the text: take credit words while they last.
    let mut credit_end = None;
    let mut cursor = pos;
    let mut words = 0;
    while let Some(rest) = line.get(cursor..) {
        let word_len = match rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace() || c == ':' || c == '：')
        {
            Some((at, c)) if c.is_whitespace() => at,
            Some((at, c)) => at + c.len_utf8(),
            None => rest.len(),
        };
        let word = rest.get(..word_len)?;
        let bare = word.trim_end_matches([':', '：']);
        let mut toks = Vec::new();
        // `吕国英、路福民报道`: names joined by `、` before the credit word.
        for part in bare.split('、').filter(|p| !p.is_empty()) {
            classify(part, &mut toks);
        }
        if word.is_empty()
            || toks
                .iter()
                .any(|t| matches!(t, Tok::Other | Tok::Single(_)))
            || words > 8
        {
            break;
        }
        words += 1;
        cursor += word_len;
        credit_end = Some(cursor);
        if bare.len() != word.len() {
            break;
        }
        let ws = line.get(cursor..)?;
        cursor += ws.len() - ws.trim_start().len();
    }
    if let Some(ce) = credit_end {
        let raw = line.get(pos..ce)?.trim_end_matches([':', '：']).trim();
        if let Some(credits) = parse_credits(raw, None, false) {
            found.credits = Some(credits);
            found.raw = Some(raw);
            found.end = ce + line.get(ce..).map_or(0, report_word_glued);
        }
    }
    if found.credits.is_none()
        && let Some((credits, raw, end)) = credit_glued_before_report(line.get(found.end..)?)
    {
        // `本报讯通讯员李一王二报道6月27日，…`: the credit, ended by `报道`, glued to both.
        found.credits = Some(credits);
        found.raw = Some(raw);
        found.end += end;
    }
    if found.credits.is_none() {
        // `本报讯通讯员钱小禾、记者孙一川从…获悉`: the credit is the sentence's subject, and
        // stays in its text.
        found.credits = credit_in_sentence(line.get(found.end..)?);
    }
    Some(found)
}

/// A news site's name and, in brackets, the paper whose report it carries, opening a lead with
/// the credit in brackets of its own (`荆楚网（楚天都市报）（记者某某）…`): a dateline, as
/// `某某网消息（某某都市报）` is. Returns its length.
fn site_dispatch(line: &str) -> Option<usize> {
    // The site's name is at most eight characters, ending in 网 (its bytes E7 BD 91): only the
    // line's start is searched, and only where it holds that character.
    let head = line.as_bytes().get(..line.len().min(27))?;
    let at = head.iter().position(|&b| b == b'(' || b == 0xEF)?;
    if !(at >= 6 && head.get(at - 3..at) == Some(&[0xE7, 0xBD, 0x91][..])) {
        return None;
    }
    let site = line.get(..at)?;
    let n = site.chars().count();
    if !((2..=8).contains(&n) && site.chars().all(is_han) && site.ends_with('网')) {
        return None;
    }
    let len = paper_in_brackets(line.get(at..)?)?;
    line.get(at + len..)?
        .starts_with(['(', '（'])
        .then_some(at + len)
}

/// The length of a paper's name in brackets at the start of `s` (`（楚天都市报）`,
/// `(《武汉晚报》)`), brackets included; `None` where the brackets hold anything else.
fn paper_in_brackets(s: &str) -> Option<usize> {
    let inner = s.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let name = inner
        .get(..close)?
        .trim()
        .trim_start_matches('《')
        .trim_end_matches('》');
    let n = name.chars().count();
    if !((3..=10).contains(&n) && name.chars().all(is_han) && name.ends_with('报')) {
        return None;
    }
    let bracket = inner.get(close..)?.chars().next()?.len_utf8();
    Some(s.len() - inner.len() + close + bracket)
}

/// Whether `…报道` credits a photographer, not a paper: `崔某某摄影报道`, `李某图文报道` (a
/// place's short name reads as a person's name too: `江都报道` stays a dateline).
fn credited_report(prefix: &str) -> bool {
    prefix.ends_with("摄影报道") || prefix.ends_with("图文报道")
}

/// A credit glued before the paper's dateline, the text glued after it, as some exports run a
/// report's lead together (`记者王小娟本报讯昨日上午，…`, `□记者王某实习生李某晚报讯…`): the
/// dateline is `本报讯` (or the evening paper's `晚报讯`, the daily's `日报讯`), the credit's
/// names are the reporters.
fn credit_before_dateline(prefix: &str, end: usize) -> Option<Dateline<'_>> {
    let at = prefix
        .find("本报")
        .or_else(|| {
            let at = prefix.find("报讯")?;
            let (i, c) = prefix.get(..at)?.char_indices().next_back()?;
            "晚日早晨今快商".contains(c).then_some(i)
        })
        .filter(|&at| at > 0)?;
    let credit = prefix.get(..at)?;
    let credits = parse_credits(credit, None, false).filter(|c| !c.reporters.is_empty())?;
    Some(Dateline {
        dateline: prefix.get(at..),
        raw: Some(credit),
        credits: Some(credits),
        rest: end,
    })
}

/// Role words that open a credit run into a lead, unbracketed: `记者 某某 报道 …`.
const LEAD_CREDIT_OPENERS: [&str; 6] = [
    "本报记者",
    "本报通讯员",
    "特约记者",
    "记者",
    "通讯员",
    "实习生",
];

/// A paragraph that opens with its credit unbracketed and no dateline, the credit closed by
/// what the names did and a space: `记者 胡某 文/摄 2月27日，…`, `本报记者 吴某 报道 昨日，…`.
/// It has no dateline.
fn worded_credit_lead(line: &str) -> Option<Dateline<'_>> {
    const OPENERS: &[&str] = &LEAD_CREDIT_OPENERS;
    const DEEDS: [&str; 7] = [
        "文/摄",
        "文／摄",
        "文/图",
        "图/文",
        "摄影报道",
        "报道",
        "摄",
    ];
    if !OPENERS.iter().any(|w| line.starts_with(w)) {
        return None;
    }
    // The credit ends within the first forty characters, at a deed word set apart by spaces.
    let zone = line
        .char_indices()
        .nth(40)
        .map_or(line, |(i, _)| line.get(..i).unwrap_or(line));
    let (end, deed) = zone
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i > 0)
        .find_map(|(i, _)| {
            let head = zone.get(..i)?.trim_end();
            DEEDS
                .iter()
                .find(|d| head.ends_with(*d) && head.len() > d.len())
                .map(|d| (i, *d))
        })?;
    let raw = line.get(..end)?.trim_end();
    let body = line.get(end..)?.trim_start();
    if body.chars().count() < 8 || !text_after_report_word(body) {
        return None;
    }
    // The names stand apart from the deed: `记者 胡某 文/摄`, not a sentence ending in `摄`.
    let names = raw.strip_suffix(deed)?;
    if !names.ends_with(char::is_whitespace) && !deed.contains('/') {
        return None;
    }
    let credits = parse_credits(raw, None, false).filter(|c| !c.is_empty())?;
    Some(Dateline {
        dateline: None,
        raw: Some(raw),
        credits: Some(credits),
        rest: line.len() - body.len(),
    })
}

/// A Taiwan paper's credit: the reporters, a slash and where the report was filed, or the
/// paper (`记者某某/台南报导`, `特派记者某某∕北京报导`, `记者甲、乙、丙/联合报`). Returns the
/// reporters and where the credit ends; no dateline (the place is where the reporter was).
pub(crate) fn filed_from_credit(line: &str) -> Option<(Credits, usize)> {
    // Most lines are done with by their first characters: `记者`, or two before it
    // (`特派记者`, `驻地记者`, `特约记者`, `实习记者`).
    let role_len = if line.starts_with("记者") {
        "记者".len()
    } else if line.get(6..12) == Some("记者")
        && ["特派", "驻地", "特约", "实习"].contains(&line.get(..6)?)
    {
        12
    } else {
        return None;
    };
    let rest = line.get(role_len..)?;
    let (slash, c) = rest
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '/' | '∕' | '／'))?;
    let names: Vec<String> = rest
        .get(..slash)?
        .split(['、', '，', ','])
        .map(str::trim)
        .map(str::to_owned)
        .collect();
    if names.is_empty() || !names.iter().all(|n| is_name(n)) {
        return None;
    }
    let after = rest.get(slash + c.len_utf8()..)?;
    let tail_len = after.find(char::is_whitespace).unwrap_or(after.len());
    let tail = after.get(..tail_len)?;
    let filed = (2..=14).contains(&tail.chars().count())
        && tail.chars().all(is_han)
        && (tail.contains("报导") || tail.contains("报道") || tail.ends_with('报'));
    filed.then(|| {
        (
            Credits {
                reporters: names,
                ..Credits::default()
            },
            role_len + slash + c.len_utf8() + tail_len,
        )
    })
}

/// A lead opening with a Taiwan paper's credit ([`filed_from_credit`]) and a space before the
/// text: `记者某某/仁德报导 日本某党众议员昨日拜会…`. It has no dateline.
fn filed_from_lead(line: &str) -> Option<Dateline<'_>> {
    let (credits, end) = filed_from_credit(line)?;
    let body = line.get(end..)?;
    let text = body.trim_start();
    (body.len() > text.len() && text.chars().count() >= 8).then(|| Dateline {
        dateline: None,
        raw: line.get(..end),
        credits: Some(credits),
        rest: line.len() - text.len(),
    })
}

/// A paragraph that opens with its photographer's name glued to `摄` and then the day the
/// lead tells of, as a web copy runs a picture's credit into the text (`南某摄6月30日，…`,
/// `王某 摄 昨日，…`). It has no dateline.
fn photo_credit_lead(line: &str) -> Option<Dateline<'_>> {
    let (at, _) = line.char_indices().take(6).find(|&(_, c)| c == '摄')?;
    let name = line.get(..at)?.trim();
    if !is_name(name) {
        return None;
    }
    let rest = line.get(at + '摄'.len_utf8()..)?;
    let body = rest.trim_start();
    let dated = body.starts_with(|c: char| c.is_ascii_digit())
        || ["昨日", "昨天", "今天", "今日", "近日", "日前"]
            .iter()
            .any(|w| body.starts_with(w));
    if !dated || body.chars().count() < 8 {
        return None;
    }
    Some(Dateline {
        dateline: None,
        raw: line.get(..at + '摄'.len_utf8()),
        credits: Some(Credits {
            photographers: vec![name.to_owned()],
            ..Credits::default()
        }),
        rest: line.len() - body.len(),
    })
}

/// A paragraph that opens with its credit in brackets and no dateline: `（记者 吴九）受冷空气影响…`.
/// It has no dateline.
fn credit_lead(line: &str) -> Option<Dateline<'_>> {
    let open = line
        .chars()
        .next()
        .filter(|&c| matches!(c, '(' | '（' | '【' | '[' | '〔'))?;
    let (close, c) = line
        .char_indices()
        .take(48)
        .find(|&(_, c)| matches!(c, ')' | '）' | '】' | ']' | '〕'))?;
    let inner = line.get(open.len_utf8()..close)?.trim();
    // `【环球时报报道 特约记者 某某】`: a dateline inside the brackets.
    // `（本报讯）…`: a dateline alone in round brackets, as overseas papers print it.
    let (dateline, credit) = match dateline_prefix(inner) {
        Some((prefix, end, _)) if matches!(open, '【' | '[') || end == inner.len() => {
            (Some(prefix), inner.get(end..).unwrap_or("").trim())
        }
        _ => (None, inner),
    };
    // `〔记者某某／花莲报导〕…`: a Taiwan paper's credit naming where it was filed.
    let filed = filed_from_credit(credit).filter(|&(_, end)| end == credit.len());
    let credits = if credit.is_empty() {
        dateline.map(|_| Credits::default())
    } else if let Some((c, _)) = filed {
        Some(c)
    } else {
        parse_credits(credit, None, dateline.is_some())
    }?;
    let rest = close + c.len_utf8();
    let mut body = line.get(rest..)?.trim_start();
    // A credit alone on its line is a byline line, not a lead.
    if body.is_empty() {
        return None;
    }
    // `【据新华社电】(记者某某)…`: the dateline in its brackets, the credit in the next.
    let mut raw = (!credit.is_empty()).then_some(credit);
    let mut credits = credits;
    if raw.is_none()
        && dateline.is_some()
        && let Some(lead) = credit_lead(body)
        && lead.dateline.is_none()
    {
        credits = lead.credits.unwrap_or_default();
        raw = lead.raw;
        body = body.get(lead.rest..)?;
    } else if raw.is_none()
        && dateline.is_some()
        && let Some(after) = credit_after_dateline(line, line.len() - body.len())
        && let Some(found) = after.credits
    {
        // `【本报讯】记者 何某 报道：…`: the credit after the bracketed dateline, unbracketed.
        credits = found;
        raw = after.raw;
        body = line
            .get(after.end..)?
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：'));
    }
    Some(Dateline {
        dateline,
        raw,
        credits: Some(credits),
        rest: line.len() - body.len(),
    })
}

/// Finds a photographer credit ending a caption: `…赏菊。 YMG全媒体记者 王五 摄`, `(张三 摄)`.
/// Returns where the credit starts and what it credits.
pub(crate) fn photo_credit_suffix(line: &str) -> Option<(usize, Credits)> {
    // A note of who gave the story or its facts after the credit (`…王五 摄 信息来源 张某`)
    // credits no one: the credit is read before it. Lines ending in a credit's or a
    // sentence's last word hold no such note.
    let line = if line.ends_with(['摄', '影', '绘', '图', '。', '！', '？', '”']) {
        line
    } else {
        without_tip_credit(line)
    };
    // One credit for every picture of the page or the story: `以上图片均为某某摄（某某视觉）`.
    if let Some(rest) = shared_photo_credit(line) {
        return photo_credit_suffix(rest)
            .filter(|(at, _)| *at == 0)
            .map(|(_, c)| (0, c));
    }
    if let Some(found) = slashed_credit_suffix(line) {
        return Some(found);
    }
    // Every photo credit ends in 摄, 摄影, 绘, 供图, a closing bracket or a picture agency
    // after a slash (`/某某图片`, `/某某影像`).
    if !line.ends_with(['摄', '影', '绘', '图', ')', '）', '片', '觉', '像', '库']) {
        return None;
    }
    if let Some(head) = agency_suffix(line)
        && let Some(found) = photo_credit_suffix(head)
    {
        return Some(found);
    }
    if let Some(found) = spaced_photo_credit(line) {
        return Some(found);
    }
    glued_photo_credit(line)
}

/// The credit of a line crediting every picture above it with one photographer: `以上图片均为
/// 某某摄`, `本版图片均由某某摄`, gives `某某摄`.
fn shared_photo_credit(line: &str) -> Option<&str> {
    let rest = ["以上图片", "本版图片", "本组图片", "图片"]
        .iter()
        .find_map(|p| line.strip_prefix(p))?;
    let rest = ["均为", "均由", "皆为", "为", "由"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    (!rest.is_empty()).then_some(rest)
}

/// `王明摄（人民视觉）`, `X摄（新华社发）`: the line before an agency named after the credit.
fn agency_suffix(line: &str) -> Option<&str> {
    agency_stripped(line).filter(|head| ends_in_photo_post(head))
}

/// The line before the agency a credit names in brackets at its end (`（人民视觉）`,
/// `（新华社发）`), if it names one.
fn agency_stripped(line: &str) -> Option<&str> {
    // `某某摄/某某图片`: the picture agency after a slash.
    if let Some((head, agency)) = line.rsplit_once('/')
        && (2..=8).contains(&agency.chars().count())
        && agency.chars().all(is_han)
        && ["图片", "视觉", "影像", "图库", "供图"]
            .iter()
            .any(|w| agency.ends_with(w))
        && head.trim_end().ends_with('摄')
    {
        return Some(head.trim_end());
    }
    let body = line.strip_suffix([')', '）'])?;
    let (open, c) = body
        .char_indices()
        .rev()
        .take(14)
        .find(|&(_, c)| c == '(' || c == '（')?;
    let inner = body.get(open + c.len_utf8()..)?;
    (!inner.contains('摄')).then(|| body.get(..open).unwrap_or("").trim_end())
}

/// A photo credit glued to the caption's last sentence, maybe after a code:
/// `…村民在梯田里插秧。⑥2吴晓松摄`.
fn glued_photo_credit(line: &str) -> Option<(usize, Credits)> {
    if !ends_in_photo_post(line) {
        return None;
    }
    let (at, credits) = glued_credit(line)?;
    (!credits.photographers.is_empty()).then_some((at, credits))
}

/// Whether a word walked over before a photographer's name still belongs to the credit: a role
/// or post, a single character of a padded name, or a person's name by the surname table.
fn caption_word_or_name(word: &str, toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| matches!(t, Tok::Role(_) | Tok::Post(_) | Tok::Single(_)))
        || names::is_person_name(word)
        || word.contains('·')
}

/// Where the name starts in a word that is a layout code glued before a name, after a
/// sentence's end (`。⑧3陈更生`, `⑧3陈更生`): the byte offset of the name.
fn code_before_name(word: &str) -> Option<usize> {
    let code = word.rfind(|c: char| crate::lines::is_circled(c))?;
    let after = word.get(code..)?;
    let digits = after
        .char_indices()
        .skip(1)
        .find(|(_, c)| !c.is_ascii_digit())
        .map(|(i, _)| i)?;
    let name = after.get(digits..)?;
    let before = word.get(..code)?;
    (is_name(name) && (before.is_empty() || ends_sentence(before))).then_some(code + digits)
}

/// Where a credit that opens with a role starts in a word glued to a sentence's end
/// (`举行。记者杨涛`, `拍照。记者`): the byte offset after the mark.
fn role_after_sentence(word: &str) -> Option<usize> {
    let (mark, c) = word
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '”'))?;
    let at = mark + c.len_utf8();
    let tail = word.get(at..)?;
    let mut toks = Vec::new();
    classify(tail, &mut toks);
    (matches!(toks.first(), Some(Tok::Role(_)))
        && toks.iter().all(|t| {
            matches!(
                t,
                Tok::Name(_) | Tok::Single(_) | Tok::Role(_) | Tok::Post(_)
            )
        }))
    .then_some(at)
}

/// A photo credit set apart by spaces or brackets: `…赏菊。 YMG全媒体记者 王五 摄`,
/// `(本报记者 赵小川 摄)`.
fn spaced_photo_credit(line: &str) -> Option<(usize, Credits)> {
    if let Some(body) = line.strip_suffix([')', '）']) {
        let open = body
            .char_indices()
            .rev()
            .take(40)
            .find(|&(_, c)| c == '(' || c == '（')?;
        let inner = body.get(open.0 + open.1.len_utf8()..)?.trim();
        if ends_in_photo_post(inner) {
            let credits = parse_credits(inner, Some(Role::Reporter), false)?;
            return (!credits.photographers.is_empty()).then_some((open.0, credits));
        }
        return None;
    }
    if !(ends_in_photo_post(line) || line.ends_with("供图")) {
        return None;
    }
    // Walk back over credit words; stop at the first word that is not one. Several roles may
    // share the photo word (`记者 杨涛 通讯员 刘爱 摄`): the credit starts at the first role,
    // and names before it belong to the caption.
    let mut start = line.len();
    let mut at_role = None;
    let mut count = 0;
    loop {
        let head = line.get(..start)?.trim_end();
        let word_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = head.get(word_start..)?;
        if word.is_empty() || count >= 12 {
            break;
        }
        let mut toks = Vec::new();
        classify(word, &mut toks);
        let credit = toks.iter().all(|t| {
            matches!(
                t,
                Tok::Name(_) | Tok::Single(_) | Tok::Role(_) | Tok::Post(_)
            )
        });
        if !credit {
            // A layout code glued before the first name (`…感恩之情。⑧3陈更生 宋洁 摄`): the
            // name is the credit's, the code the caption's.
            if count >= 1
                && let Some(at) = code_before_name(word)
            {
                start = word_start + at;
            }
            // A role glued to the sentence's end opens the credit: `…举行。记者杨涛 通讯员
            // 刘爱 摄`.
            if count >= 1
                && let Some(at) = role_after_sentence(word)
            {
                at_role = Some(word_start + at);
            }
            // The word may end a sentence and carry a glued credit: `赏菊。王五摄`.
            break;
        }
        // Before a photographer's name, a word that reads as no person's name is the caption's
        // (`消杀    白成旭 摄`, `有序 李树民 摄`).
        if count >= 1 && !caption_word_or_name(word, &toks) {
            break;
        }
        start = word_start;
        if toks.iter().any(|t| matches!(t, Tok::Role(_))) {
            at_role = Some(start);
        }
        count += 1;
        if word_start == 0 {
            break;
        }
    }
    let start = at_role.unwrap_or(start);
    let credit = line.get(start..)?;
    let credits = parse_credits(credit, Some(Role::Reporter), false)?;
    (!credits.photographers.is_empty()).then_some((start, credits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_writer_glued_after_the_last_sentence_is_read() {
        let (at, c) = glued_credit("消费者的味蕾也得到极大满足。文/寒 歌").expect("credit");
        assert_eq!(c.authors, ["寒歌"]);
        assert_eq!(at, "消费者的味蕾也得到极大满足。".len());
        assert!(glued_credit("他说这是一篇好文。文章写得好").is_none());
        let (at, c) = glued_credit("瞬间风力可达7-8级。/记者 林小雨 报道").expect("credit");
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(at, "瞬间风力可达7-8级。".len());
    }

    #[test]
    fn a_title_about_reporters_is_no_lone_role_word() {
        assert!(lone_role_word("本报记者"));
        assert!(lone_role_word("江城晚报记者"));
        assert!(!lone_role_word("答小记者"));
        assert!(!lone_role_word("校园小记者"));
    }

    #[test]
    fn roles_named_before_their_names_are_read() {
        let c = parse_byline_line("■摄影 王 强 文字 金睿敏").expect("credit");
        assert_eq!(c.photographers, ["王强"]);
        assert_eq!(c.reporters, ["金睿敏"]);
        let c = parse_byline_line("文字 林一 摄影 陈二 方三").expect("credit");
        assert_eq!(c.reporters, ["林一"]);
        assert_eq!(c.photographers, ["陈二", "方三"]);
        assert!(roles_before_names("摄影 作品展开幕").is_none());
    }

    #[test]
    fn a_reporters_credit_in_brackets_closes_the_text() {
        assert!(bracketed_end_credit(
            "要让更多优秀的项目进驻江城。（记者 林一 实习生 陈二）"
        ));
        assert!(bracketed_end_credit("会议随后结束。(记者 林一)"));
        assert!(
            bracketed_end_credit("构成一幅冬日画卷。(林一 本报通讯员 陈二 摄影报道)"),
            "a credit of the whole report with its pictures"
        );
        assert!(
            !bracketed_end_credit("会议由市长（记者 林一）主持"),
            "no sentence closed before it"
        );
        assert!(!bracketed_end_credit("会议随后结束。（详见第三版）"));
        assert!(!bracketed_end_credit(
            "图为记者在西街拍摄的画面。 （林一 陈二 图/文）"
        ));
    }

    #[test]
    fn where_a_report_was_filed_from_after_the_names_is_no_name() {
        let c = parse_byline_line("记者 刘某 印尼雅加达报道").unwrap();
        assert_eq!(c.reporters, ["刘某"]);
        let c = parse_byline_line("记者 欧阳小明报道").unwrap();
        assert_eq!(c.reporters, ["欧阳小明"]);
        assert!(filed_from_after_names(
            "印尼雅加达",
            &[Tok::Name("刘某".into())]
        ));
        assert!(!filed_from_after_names("印尼雅加达", &[]));
        assert!(!filed_from_after_names("王五", &[Tok::Name("刘某".into())]));
    }

    #[test]
    fn a_reporter_who_wrote_a_talk_down_is_credited() {
        let c =
            author_note_credits("（作者为南州大学教授，本报记者林小雨根据作者在某会上的讲话整理）")
                .unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(
            reporter_took_down("记者王小二据录音整理")
                .unwrap()
                .reporters,
            ["王小二"]
        );
        assert!(reporter_took_down("本报记者林小雨根据讲话").is_none());
        assert!(reporter_took_down("本报编辑部根据讲话整理").is_none());
    }

    #[test]
    fn a_body_signs_a_theory_article_as_its_author() {
        let c = organisation_author("江城市党的建设研究会").unwrap();
        assert_eq!(c.authors, ["江城市党的建设研究会"]);
        assert!(organisation_author("中共南州市委理论学习中心组").is_some());
        assert!(organisation_author("南州大学（长河校区）城市研究中心").is_some());
        assert_eq!(
            parse_author_line("江城市党的建设研究会").map(|c| c.authors),
            Some(vec!["江城市党的建设研究会".to_owned()])
        );
        assert!(organisation_author("研究会").is_none());
        assert!(organisation_author("江城成立党的建设研究会，").is_none());
        assert!(organisation_author("江城市 党的建设研究会").is_none());
    }

    #[test]
    fn what_stands_after_the_last_sentence_is_found_with_where_it_starts() {
        let t = "长河边的游客在拍照。 据某社";
        let (at, words) = after_last_sentence(t, 10).unwrap_or_default();
        assert_eq!((&t[at..], words), ("据某社", "据某社"));
        assert_eq!(after_last_sentence("长河边的游客在拍照。", 10), None);
        assert_eq!(
            after_last_sentence("长河边的游客在拍照。长河边的游客在拍", 5),
            None
        );
    }

    #[test]
    fn a_picture_issued_by_an_agency_is_credited_after_its_caption() {
        let t = "长河边的游客在拍照。新华社发";
        assert_eq!(issued_by_agency(t).map(|at| &t[at..]), Some("新华社发"));
        let t = "长河边的游客在拍照。 （中新社发）";
        assert_eq!(issued_by_agency(t).map(|at| &t[at..]), Some("（中新社发）"));
        assert_eq!(issued_by_agency("新华社发布了一条消息。"), None);
        assert!(issued_by_agency_alone("新华社 发"));
        assert!(issued_by_agency_alone("（中新社发）"));
        assert!(!issued_by_agency_alone("新华社 发布"));
        assert_eq!(issued_by_agency("长河边的游客在拍照。据新华社"), None);
    }

    #[test]
    fn an_author_signs_with_a_post_in_brackets() {
        let c = affiliated_signature("南州大学经济学院教授 王小二").unwrap();
        assert_eq!(c.authors, ["王小二"]);
        assert!(affiliated_signature("江城市某某研究院研究员　林小雨").is_some());
        assert!(affiliated_signature("南州大学 王小二").is_none());
        assert!(affiliated_signature("记者 王小二").is_none());
        assert!(affiliated_signature("本报记者 林小雨").is_none());
        assert!(affiliated_signature("南州大学经济学院教授 经济").is_none());
    }

    #[test]
    fn a_credit_cut_by_the_lines_end_closes_on_the_next() {
        assert_eq!(credit_cut_at_line_end("（记者 "), Some("记者"));
        assert_eq!(
            credit_cut_at_line_end("(本报记者 林小雨 通讯员"),
            Some("本报记者 林小雨 通讯员")
        );
        assert_eq!(credit_cut_at_line_end("（记者 林小雨）"), None);
        assert_eq!(credit_cut_at_line_end("（一）"), None);
        assert_eq!(credit_cut_at_line_end("近日，记者来到"), None);
        let (at, c) = credit_closed_on_next_line("记者", "王小二）5日上午，长河边上。").unwrap();
        assert_eq!(c.reporters, ["王小二"]);
        assert_eq!(&"王小二）5日上午，长河边上。"[at..], "5日上午，长河边上。");
        let (_, c) = credit_closed_on_next_line("本报记者 林小雨 通讯员", "王小二)昨天，").unwrap();
        assert_eq!(
            (c.reporters, c.correspondents),
            (vec!["林小雨".to_owned()], vec!["王小二".to_owned()])
        );
        // A bracket closing later in a sentence closes no credit.
        assert!(credit_closed_on_next_line("记者", "昨天，长河（南段）").is_none());
    }

    #[test]
    fn text_and_photos_credited_with_a_slash_after_glued_names_credit_both() {
        let d = parse_dateline("江城快报讯（记者林小雨王小二文/摄）鱼油、钙片……你家药箱里有哪些？")
            .unwrap_or_else(|| panic!("a dateline"));
        let c = d.credits.unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
        assert_eq!(c.photographers, ["林小雨", "王小二"]);
    }

    #[test]
    fn a_labelled_picture_credit_names_the_photographer() {
        let c = parse_byline_line("漫画绘制：林  一（新华社发）").unwrap_or_default();
        assert_eq!(c.photographers, ["林一"]);
        let c = parse_byline_line("制图：王小二").unwrap_or_default();
        assert_eq!(c.photographers, ["王小二"]);
        assert!(parse_byline_line("数据来源：国家统计局").is_none());
    }

    #[test]
    fn a_papers_short_name_and_report_alone_on_its_line_is_a_dateline() {
        let d = parse_dateline("江都报道。").unwrap_or_else(|| panic!("a dateline"));
        assert_eq!(d.dateline, Some("江都报道"));
        assert!(parse_dateline("江都报道了这件事。").is_none());
        // A kind of report labels an item; it is no paper's name.
        assert!(parse_dateline("图片报道").is_none());
        assert!(parse_dateline("深度报道").is_none());
        // Two outlets of one paper, joined by a hyphen.
        let d = parse_dateline("江城教育报-江城教育网讯（记者 林小雨） 10月13日，…")
            .unwrap_or_else(|| panic!("a dateline"));
        assert_eq!(d.dateline, Some("江城教育报-江城教育网讯"));
        assert_eq!(d.credits.unwrap_or_default().reporters, ["林小雨"]);
        assert!(parse_dateline("-江城网讯 近日，…").is_none());
    }

    #[test]
    fn names_followed_by_their_agency_are_its_reporters() {
        let c = parse_byline_line("林小雨 新华社").unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("林小雨 王小二 中新社").unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
        assert!(parse_byline_line("据了解 新华社").is_none());
    }

    #[test]
    fn where_a_report_was_filed_from_and_a_compiled_report_credit_no_one_else() {
        let c = parse_byline_line("本报记者 林小雨 发自上海").unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("本报记者王小二综合报道").unwrap_or_default();
        assert_eq!(c.reporters, ["王小二"]);
        let c = parse_byline_line("本报记者 王小二 综合报道").unwrap_or_default();
        assert_eq!(c.reporters, ["王小二"]);
    }

    #[test]
    fn a_layout_code_glued_before_a_photographers_name_is_left_to_the_caption() {
        assert_eq!(code_before_name("。⑧3陈小东"), Some("。⑧3".len()));
        assert_eq!(code_before_name("⑧陈小东"), Some("⑧".len()));
        assert_eq!(code_before_name("陈小东"), None);
        let (at, c) = photo_credit_suffix("孩子们把亲手做的贺卡送给老师。⑧3陈小东 宋小洁 摄")
            .unwrap_or_default();
        assert_eq!(c.photographers, ["陈小东", "宋小洁"]);
        assert_eq!(at, "孩子们把亲手做的贺卡送给老师。⑧3".len());
    }

    #[test]
    fn a_web_pages_writer_field_gives_the_credit_without_the_editor() {
        assert_eq!(
            without_editor_field("□本报记者 林某某    编辑：王某"),
            "□本报记者 林某某"
        );
        assert_eq!(without_editor_field("编辑：王某"), "编辑：王某");
        let c = labelled_writer("作者:□本报社区记者 赵小阳    编辑:庞小月").unwrap_or_default();
        assert_eq!(c.reporters, ["赵小阳"]);
        assert!(c.authors.is_empty());
        let c = labelled_writer("作者：林小雨").unwrap_or_default();
        assert_eq!(c.authors, ["林小雨"]);
    }

    #[test]
    fn a_columns_host_reports_its_stories() {
        let c = parse_byline_line("栏目主持 苏小梅").unwrap_or_default();
        assert_eq!(c.reporters, ["苏小梅"]);
        // After a mark a symbol font left as a letter.
        let c = parse_byline_line("N栏目主持 苏小梅").unwrap_or_default();
        assert_eq!(c.reporters, ["苏小梅"]);
    }

    #[test]
    fn a_tips_reward_is_a_tip_credit() {
        assert!(tip_credit("感谢福州的王先生拨打本报热线提供线索，奖30元"));
        assert!(tip_credit("施先生报料，奖励50元"));
        assert!(tip_credit("报料奖金:100元"));
        assert!(!tip_credit(
            "他提供的线索帮助警方破案，获奖金500元后捐给了学校，还说不图回报。"
        ));
        assert!(!tip_credit("今年全市发放奖补资金30万元"));
    }

    #[test]
    fn a_paragraph_label_after_the_role_word_is_no_credit() {
        // Hotline stories label their paragraphs: `【市民反映】`, `【马上核实】`, `【记者连线】`.
        assert!(parse_dateline("【记者连线】记者拨打市容局电话，工作人员说会来处理。").is_none());
        assert!(parse_byline_line("记者连线").is_none());
        assert_eq!(
            parse_byline_line("记者 连小线")
                .unwrap_or_default()
                .reporters,
            ["连小线"]
        );
    }

    #[test]
    fn an_account_told_and_written_down_credits_teller_and_writers() {
        let c =
            parse_byline_line("□林大山 口述陈二 江城日报全媒体记者 王小五 整理").expect("credit");
        assert_eq!(c.authors, ["林大山"]);
        assert_eq!(c.reporters, ["陈二", "王小五"]);
        let c = narrated_credit("林大山 口述 本报记者 王小五 整理").expect("credit");
        assert_eq!(c.reporters, ["王小五"]);
        assert!(
            narrated_credit("林大山 口述 整理").is_none(),
            "no one wrote it down"
        );
        assert!(narrated_credit("据老人口述，事情经过整理").is_none());
    }

    #[test]
    fn a_lead_credit_in_lenticular_brackets_names_the_outlet_and_reporters() {
        let d = parse_dateline("本报讯【新江城·江城日报记者马某 王某某】7月26日，市领导走访慰问。")
            .expect("dateline");
        assert_eq!(d.dateline, Some("本报讯"));
        let c = d.credits.expect("credits");
        assert_eq!(c.reporters, ["马某", "王某某"]);
    }

    #[test]
    fn a_name_glued_to_the_word_for_the_text_is_the_writer() {
        assert_eq!(name_glued_to_text_word("蒋娇娇文"), Some("蒋娇娇"));
        assert_eq!(
            name_glued_to_text_word("王晓文"),
            None,
            "a name ending in 文"
        );
        assert_eq!(
            name_glued_to_text_word("欧阳晓文"),
            None,
            "a compound surname's name"
        );
        let c = parse_credits("记者 蒋某某文", None, false).expect("credit");
        assert!(c.words_named);
        assert!(!parse_credits("记者 李文", None, false).is_some_and(|c| c.words_named));
        assert_eq!(c.reporters, ["蒋某某"]);
    }

    #[test]
    fn a_role_word_cut_by_a_space_is_the_word() {
        assert_eq!(
            role_word_mended("本报通讯 员 林小雨").as_deref(),
            Some("本报通讯员 林小雨")
        );
        assert_eq!(
            role_word_mended("本报记 者 林小雨").as_deref(),
            Some("本报记者 林小雨")
        );
        assert_eq!(role_word_mended("本报记者 林小雨"), None);
        // Padded to a column's width.
        assert_eq!(
            role_word_mended("实  习 生   雷小琼").as_deref(),
            Some("实习生   雷小琼")
        );
        assert_eq!(
            role_word_mended("记  者  金小达  通 讯 员  王小五").as_deref(),
            Some("记者  金小达  通讯员  王小五")
        );
        let c = parse_byline_line("记  者  金小达  通 讯 员  王小五").unwrap_or_default();
        assert_eq!(c.reporters, ["金小达"]);
        assert_eq!(c.correspondents, ["王小五"]);
        let d = parse_dateline("本报讯通讯 员 林小雨 报道5月28日，江城气象局发布新的服务。")
            .unwrap_or_else(|| panic!("a dateline"));
        assert_eq!(d.credits.unwrap_or_default().correspondents, ["林小雨"]);
        let c = parse_byline_line("本报通讯 员 林小雨").unwrap_or_default();
        assert_eq!(c.correspondents, ["林小雨"]);
        // The names glued before another paper's role word.
        let c = parse_byline_line("通讯员王小二江城晚报记者林小雨").unwrap_or_default();
        assert_eq!(c.correspondents, ["王小二"]);
        assert_eq!(c.reporters, ["林小雨"]);
    }

    #[test]
    fn an_interviewers_credit_is_known_by_its_label() {
        assert!(interviewer_line("采访人：本报通讯员 林小雨 记者 王小二"));
        assert!(!interviewer_line("采访人员表示，工作已完成。"));
    }

    #[test]
    fn a_compiled_reports_source_and_translator_credit_the_translator() {
        let c = translated_from("（来源：某某官网编译：林小雨）").unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = translated_from("（来源：某某官网、《某某时报》编译：林小雨王小二）")
            .unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
        let (at, c) = glued_credit("新员工将于年底前到岗。（来源：某某官网编译：林小雨）")
            .unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(at, "新员工将于年底前到岗。".len());
        assert_eq!(translated_from("（编译说明：见下文）"), None);
    }

    #[test]
    fn a_slashed_credit_glued_to_a_captions_end_is_read() {
        let line = "图为5月26日的大桥施工现场图/文林小雨";
        let (at, c) = photo_credit_suffix(line).unwrap_or_default();
        assert_eq!(c.photographers, ["林小雨"]);
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(&line[at..], "图/文林小雨");
        let (_, c) = photo_credit_suffix("图为大桥施工现场图/林小雨").unwrap_or_default();
        assert_eq!(c.photographers, ["林小雨"]);
        assert!(c.reporters.is_empty());
        assert_eq!(slashed_credit_suffix("他说，这是一个1/2的机会"), None);
    }

    #[test]
    fn a_picture_agency_after_a_slash_ends_a_photo_credit() {
        let (at, c) = photo_credit_suffix("河流灵动如带，农田黄绿交织。 林小雨摄/江城图片")
            .unwrap_or_default();
        assert_eq!(c.photographers, ["林小雨"]);
        assert_eq!(at, "河流灵动如带，农田黄绿交织。 ".len());
        assert_eq!(agency_stripped("文/林小雨"), None);
    }

    #[test]
    fn a_text_holds_a_credit_word_where_one_of_the_words_stands_in_it() {
        for w in CREDIT_WORDS {
            assert!(has_credit_word(&format!("某某{w}某某")), "{w}");
        }
        assert!(!has_credit_word("春天来了，田野里一片忙碌。"));
    }

    #[test]
    fn a_credit_opening_the_leads_sentence_is_read_and_left_in_it() {
        let c = credit_in_sentence("通讯员钱小禾、记者孙一川从某研究所获悉，新仪器近日投入使用。")
            .unwrap_or_default();
        assert_eq!(c.reporters, ["孙一川"]);
        assert_eq!(c.correspondents, ["钱小禾"]);
        let c = credit_in_sentence("记者张三在现场看到，工人们正在施工。").unwrap_or_default();
        assert_eq!(c.reporters, ["张三"]);
        assert!(credit_in_sentence("记者从市交通局获悉，新线路开通。").is_none());
        assert!(credit_in_sentence("记者从学校获悉，该校启动救助机制。").is_none());
        assert!(credit_in_sentence("记者日前走访发现，多家门店已关门。").is_none());
        assert!(credit_in_sentence("近日，全市开展检查。").is_none());
        let d = parse_dateline("本报讯通讯员钱小禾、记者孙一川从某研究所获悉，新仪器投入使用。");
        let d = d.unwrap_or_else(|| panic!("a dateline"));
        assert_eq!(d.dateline, Some("本报讯"));
        assert_eq!(d.credits.unwrap_or_default().reporters, ["孙一川"]);
    }

    #[test]
    fn a_dateline_and_its_reporters_in_brackets_end_an_article() {
        let (dateline, c) = end_dateline_credit("（本报里斯本8月10日电本报驻里斯本记者周远航）")
            .unwrap_or_default();
        assert_eq!(dateline, "本报里斯本8月10日电");
        assert_eq!(c.reporters, ["周远航"]);
        let (dateline, c) =
            end_dateline_credit("（新华社罗马8月10日电 记者吴子墨 参与记者郑云帆）")
                .unwrap_or_default();
        assert_eq!(dateline, "新华社罗马8月10日电");
        assert_eq!(c.reporters, ["吴子墨", "郑云帆"]);
        let (_, c) = end_dateline_credit("（新华社罗马8月10日电记者吴子墨参与记者郑云帆）")
            .unwrap_or_default();
        assert_eq!(c.reporters, ["吴子墨", "郑云帆"]);
        assert!(end_dateline_credit("（新华社北京8月10日电）").is_none());
        assert!(end_dateline_credit("（本报记者周远航）").is_none());
    }

    #[test]
    fn a_teams_credit_names_its_reporters_and_correspondents() {
        let c = parse_credits(
            "项目团队：本报记者林小雨、王小二、张三丰本报通讯员李四海",
            None,
            false,
        )
        .unwrap_or_default();
        assert_eq!(c.reporters, ["林小雨", "王小二", "张三丰"]);
        assert_eq!(c.correspondents, ["李四海"]);
        assert_eq!(credit_label_dropped("采写：张三"), "采写：张三");
        assert_eq!(
            credit_label_dropped("调研团队：本报记者林小雨"),
            "本报记者林小雨"
        );
    }

    fn credits(r: &[&str], c: &[&str], p: &[&str], a: &[&str]) -> Credits {
        let v = |x: &[&str]| x.iter().map(|s| s.to_string()).collect();
        Credits {
            reporters: v(r),
            correspondents: v(c),
            photographers: v(p),
            authors: v(a),
            ..Credits::default()
        }
    }

    #[test]
    fn a_long_bracketed_list_of_reporters_is_one_credit() {
        let line = "（本报记者林一鸣、王小二、张三丰、李四海、赵五六、钱七星、孙八方、周九州、吴十一、郑十二、冯十三、陈十四、褚十五、卫十六、蒋十七）";
        assert!(line.chars().count() > 60);
        let c = parse_byline_line(line).unwrap();
        assert_eq!(c.reporters.len(), 15);
        assert!(parse_byline_line("记者林一说，今年的春茶产量突破五万吨，价格与去年基本持平，品质略有提升，茶农们都很高兴，这是好事情").is_none());
    }

    #[test]
    fn a_padded_name_ending_in_wen_is_a_name_not_a_words_credit() {
        let c = parse_byline_line("本报记者  林小一  张  文").unwrap();
        assert_eq!(c.reporters, ["林小一", "张文"]);
    }

    #[test]
    fn the_papers_commentator_signs_without_a_name() {
        for line in ["■本报评论员", "本报评论员", "□ 本报特约评论员"] {
            let c = parse_author_line(line).unwrap();
            assert_eq!(
                c.authors,
                [line.trim_start_matches(['■', '□', ' '])],
                "{line}"
            );
        }
        assert!(parse_author_line("评论员说").is_none());
        assert!(parse_author_line("本报记者").is_none());
    }

    #[test]
    fn photo_report_bylines_credit_reporters_and_photographers() {
        assert_eq!(
            parse_byline_line("YMG全媒体记者 邵壮 王瑶 摄影报道"),
            Some(credits(&["邵壮", "王瑶"], &[], &["邵壮", "王瑶"], &[]))
        );
        assert_eq!(
            parse_byline_line("文/图 本报记者 刘明"),
            Some(credits(&["刘明"], &[], &["刘明"], &[]))
        );
    }

    #[test]
    fn correspondents_and_padded_names_are_recognised() {
        assert_eq!(
            parse_byline_line("记者 张 伟 通讯员 王 超 李一鸣"),
            Some(credits(&["张伟"], &["王超", "李一鸣"], &[], &[]))
        );
        assert_eq!(
            parse_byline_line("通讯员 乔美云 王鹏超 张小艺")
                .unwrap()
                .correspondents
                .len(),
            3
        );
        assert!(parse_byline_line("开展优秀作品征集").is_none());
        assert!(parse_byline_line("王瑶 邵壮").is_none());
    }

    #[test]
    fn glued_roles_and_padded_names_are_read() {
        let c = parse_credits("记者贺  磊", None, false).unwrap();
        assert_eq!(c.reporters, ["贺磊"]);
        let c = parse_credits("本报记者  刘  畅摄", None, false).unwrap();
        assert_eq!(c.photographers, ["刘畅"]);
        let c = parse_credits("本报记者邵文婧采访整理", None, false).unwrap();
        assert_eq!(c.reporters, ["邵文婧"]);
        let c = parse_byline_line("□本报记者熊思远本报通讯员司马晓雯").unwrap();
        assert_eq!(c.reporters, ["熊思远"]);
        assert_eq!(c.correspondents, ["司马晓雯"]);
        let c = parse_credits("记者李铮通讯员王飞李永", None, false).unwrap();
        assert_eq!(c.correspondents, ["王飞", "李永"]);
    }

    #[test]
    fn a_dateline_alone_in_round_brackets_opens_a_lead() {
        let d = parse_dateline("（本报讯）江城市中心大道的单车专用道本周一正式启用。").unwrap();
        assert_eq!(d.dateline, Some("本报讯"));
        assert!(
            parse_dateline("（记者林一）江城新桥今天通车。").is_some_and(|d| d.dateline.is_none())
        );
    }

    #[test]
    fn a_credit_in_tortoise_shell_brackets_opens_a_lead() {
        let d = parse_dateline("〔记者林小雨／江城报导〕江城新桥今天上午正式通车。").unwrap();
        assert_eq!(d.dateline, None);
        assert_eq!(d.credits.unwrap().reporters, ["林小雨"]);
        let c = parse_byline_line("文/记者林小雨专题报导").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("文与图/林小雨").unwrap();
        assert_eq!(c.photographers, ["林小雨"]);
    }

    #[test]
    fn baodao_spelled_as_taiwan_papers_do_closes_a_credit() {
        let c = parse_byline_line("记者王国荣报导").unwrap();
        assert_eq!(c.reporters, ["王国荣"]);
    }

    #[test]
    fn a_two_character_name_ending_in_dian_is_no_dateline() {
        assert!(parse_dateline("台电普度 认购白米做公益").is_none());
        assert!(parse_dateline("江城台电 今晚八点播出。").is_some());
    }

    #[test]
    fn a_taiwan_papers_credit_names_where_the_report_was_filed() {
        let c = parse_byline_line("记者林小雨/台南报导").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("特派记者林小雨∕北京报导").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("记者林一、王小二、赵三/江城日报").unwrap();
        assert_eq!(c.reporters, ["林一", "王小二", "赵三"]);
        let d =
            parse_dateline("记者林小雨/仁德报导 江城新桥今天上午正式通车，市民纷纷前来。").unwrap();
        assert_eq!(d.dateline, None);
        assert_eq!(d.credits.unwrap().reporters, ["林小雨"]);
        assert!(d.rest > 0);
        assert_eq!(filed_from_credit("记者会上/他说"), None);
        assert_eq!(
            filed_from_credit("记者林小雨/台南市民都来了，大家很高兴"),
            None
        );
    }

    #[test]
    fn text_and_photo_glued_to_the_credit_credits_both() {
        let d = parse_dateline("厦门网讯 (文/图厦门日报记者 卢琛) 前日上午，…").unwrap();
        let c = d.credits.unwrap();
        assert_eq!(c.reporters, ["卢琛"]);
        assert_eq!(c.photographers, ["卢琛"]);
        // The deed before its slash: `文图/`, `图文/`.
        for line in ["文图/新华社记者林小雨", "图文/本报记者 林小雨"] {
            let c = parse_byline_line(line).unwrap();
            assert_eq!(c.reporters, ["林小雨"], "{line}");
            assert_eq!(c.photographers, ["林小雨"], "{line}");
        }
    }

    #[test]
    fn who_put_the_words_together_and_who_made_the_picture_are_credited() {
        let c = parse_byline_line("文字整理/林小雨").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("整理/林小雨").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("文字整理：林小雨").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("□图/ 王小二  文/林小雨").unwrap();
        assert_eq!(c.photographers, ["王小二"]);
        assert_eq!(c.authors, ["林小雨"]);
        let c = parse_byline_line("制图/王小二").unwrap();
        assert_eq!(c.photographers, ["王小二"]);
        assert!(c.reporters.is_empty());
    }

    #[test]
    fn a_web_pages_line_of_facts_names_the_column_date_and_page() {
        let line =
            "来源:江城晚报     2022年10月23日        版次:A11    栏目:●随手拍    作者:林小雨";
        assert!(is_web_meta_line(line));
        assert_eq!(web_meta_field(line, "栏目"), Some("随手拍"));
        assert_eq!(web_meta_field(line, "作者"), Some("林小雨"));
        assert_eq!(web_meta_field(line, "编辑"), None);
        assert_eq!(
            web_meta_page(line),
            Some((Some("2022-10-23".to_owned()), Some("A11".to_owned())))
        );
        assert_eq!(web_meta_page("江城晚报 版次:A11"), None, "no line of facts");
    }

    #[test]
    fn a_papers_flash_is_a_dateline_and_a_flash_label_is_not() {
        assert!(outlet_flash("江城晚报快讯"));
        assert!(outlet_flash("某某新闻快讯"));
        assert!(!outlet_flash("本地快讯"));
        assert!(!outlet_flash("快讯"));
        let d = parse_dateline("江城晚报快讯（记者 林某）昨日，江边步道开放。").unwrap();
        assert_eq!(d.dateline, Some("江城晚报快讯"));
        assert_eq!(d.credits.unwrap().reporters, ["林某"]);
        assert!(parse_dateline("体育快讯 昨日，市运会开幕。").is_none());
    }

    #[test]
    fn a_sites_dated_news_lead_is_a_dateline() {
        assert!(dated_outlet_news("某县新闻网10月10日消息"));
        assert!(dated_outlet_news("1月6日消息"));
        assert!(!dated_outlet_news("据悉今日消息"));
        assert!(!dated_outlet_news("江城晚报消息"));
        let d = parse_dateline("某县新闻网10月10日消息：今天下午，县里开会。").unwrap();
        assert_eq!(d.dateline, Some("某县新闻网10月10日消息"));
        let d = parse_dateline("1月6日消息：今昨两天，考核组来县检查。").unwrap();
        assert_eq!(d.dateline, Some("1月6日消息"));
        assert!(
            parse_dateline("3月5日消息人士透露，会议将延期。").is_none(),
            "a sentence about a source"
        );
    }

    #[test]
    fn other_papers_lead_credits_are_datelines() {
        let d = parse_dateline("南都讯 记者 王某 近日，市里开会。").unwrap();
        assert_eq!(d.dateline, Some("南都讯"));
        assert_eq!(d.credits.unwrap().reporters, ["王某"]);
        let d = parse_dateline("本报百色讯（记者/黄某 通讯员/李某）昨日，…").unwrap();
        assert_eq!(d.dateline, Some("本报百色讯"));
        assert_eq!(d.credits.unwrap().correspondents, ["李某"]);
        let d = parse_dateline("□据新华社电 近日，…").unwrap();
        assert_eq!(d.dateline, Some("据新华社电"));
        let d = parse_dateline("【江滨晚报报道 特约记者 苏晴】当地时间2日，…").unwrap();
        assert_eq!(d.dateline, Some("江滨晚报报道"));
        assert_eq!(d.credits.unwrap().reporters, ["苏晴"]);
        let d = parse_dateline("【本报讯】记者 何嘉欣 报道：连接两岸的步道昨日完工。").unwrap();
        assert_eq!(d.dateline, Some("本报讯"));
        assert_eq!(d.credits.unwrap().reporters, ["何嘉欣"]);
        assert_eq!(d.raw, Some("记者 何嘉欣 报道"));
        assert!(
            "【本报讯】记者 何嘉欣 报道：连接两岸的步道昨日完工。"[d.rest..].starts_with("连接")
        );
        let d =
            parse_dateline("江城网消息(江城都市报)(记者陈小光)昨日，城区发生一起事故。").unwrap();
        assert_eq!(d.dateline, Some("江城网消息(江城都市报)"));
        assert_eq!(d.credits.unwrap().reporters, ["陈小光"]);
        let d = parse_dateline("江城网（江城都市报）（记者陈小光 杨小洲）昨晚，城区发生一起事故。")
            .expect("a site's dispatch");
        assert_eq!(d.dateline, Some("江城网（江城都市报）"));
        assert_eq!(
            d.credits.unwrap_or_default().reporters,
            ["陈小光", "杨小洲"]
        );
        assert!(site_dispatch("江城网（江城都市报）昨晚，城区发生一起事故。").is_none());
        assert!(site_dispatch("互联网（一种网络）（注）").is_none());
        let d =
            parse_dateline("江城网消息(《江城晚报》 记者高小星)昨日，城区发生一起事故。").unwrap();
        assert_eq!(d.dateline, Some("江城网消息"));
        assert_eq!(d.credits.unwrap().reporters, ["高小星"]);
        let d = parse_dateline("【据新华社电】(记者林小雨)江城大桥1日通车，…").unwrap();
        assert_eq!(d.dateline, Some("据新华社电"));
        assert_eq!(d.credits.clone().unwrap_or_default().reporters, ["林小雨"]);
        assert!("【据新华社电】(记者林小雨)江城大桥1日通车，…"[d.rest..].starts_with("江城"));
        let d = parse_dateline("【环球时报记者 刘 畅】当地时间5日，…").unwrap();
        assert_eq!(d.credits.unwrap().reporters, ["刘畅"]);
        let d = parse_dateline("本报合肥电  （记者徐某）我国科研团队…").unwrap();
        assert_eq!(d.dateline, Some("本报合肥电"));
        let d = parse_dateline("XX日报消息 昨天，…").unwrap();
        assert_eq!(d.dateline, Some("XX日报消息"));
        assert!(parse_dateline("快讯 今天有雨。").is_none());
        assert!(parse_dateline("他闻讯赶来。").is_none());
    }

    #[test]
    fn credits_glued_to_a_paragraphs_end_are_found() {
        let t = "价格比去年略低。文/本报记者 张某";
        let (at, c) = glued_credit(t).unwrap();
        assert_eq!(&t[at..], "文/本报记者 张某");
        assert_eq!(c.reporters, ["张某"]);
        let t = "让人放心”。 扬子晚报记者 柳某";
        assert_eq!(glued_credit(t).unwrap().1.reporters, ["柳某"]);
        let t = "合影留念。⑧3程全摄";
        let (at, c) = glued_credit(t).unwrap();
        assert_eq!(&t[at..], "程全摄");
        assert_eq!(c.photographers, ["程全"]);
        // The mark that sets a credit off stays out of it.
        let t = "瞧瞧他们眼中的江城。□某某晚报见习记者 张莉/文 记者 袁晓强/图";
        let (at, c) = glued_credit(t).unwrap();
        assert!(t[at..].starts_with("□某某晚报"));
        assert_eq!(c.reporters, ["张莉"]);
        assert_eq!(c.photographers, ["袁晓强"]);
        assert!(glued_credit("他说。这是好事").is_none());
        assert!(glued_credit("他说。□这是好事").is_none());
    }

    #[test]
    fn reprint_credits_are_datelines() {
        assert_eq!(
            parse_reprint("（据新华社福州6月13日电）"),
            Some("据新华社福州6月13日电")
        );
        assert_eq!(parse_reprint("□据新华社电"), Some("据新华社电"));
        assert_eq!(parse_reprint("据了解，这是好事。"), None);
        assert_eq!(parse_reprint("据新华社"), Some("据新华社"));
        assert_eq!(parse_reprint("据央视"), Some("据央视"));
        assert_eq!(parse_reprint("据《光明日报》"), Some("据《光明日报》"));
        assert_eq!(parse_reprint("据了解"), None);
        assert_eq!(parse_reprint("据统计"), None);
        assert_eq!(
            parse_reprint("（本报布鲁塞尔1月12日电）"),
            Some("本报布鲁塞尔1月12日电")
        );
    }

    #[test]
    fn a_digests_lead_credit_names_its_source_before_the_comma() {
        let d = parse_dateline("据江城日报报道，某省工商部门决定严查售假。").unwrap();
        assert_eq!(d.dateline, Some("据江城日报报道"));
        let d = parse_dateline("据新华社报道，会议在北京举行。").unwrap();
        assert_eq!(d.dateline, Some("据新华社报道"));
        assert!(reprint_lead("据江城晚报报道", "，某地"));
        assert!(!reprint_lead("据当地报道", "：某地"));
        assert!(parse_dateline("据了解，这是好事。").is_none());
        assert!(parse_dateline("据统计，去年全市新增企业三千家。").is_none());
    }

    #[test]
    fn credit_labels_are_not_names() {
        assert!(!is_name("手记"));
        assert!(!is_name("调查"));
        assert!(!is_name("专题撰文"));
        assert!(
            parse_byline_line("专题撰文 本报记者 张三").is_some_and(|c| c.reporters == ["张三"])
        );
    }

    #[test]
    fn dateline_leads_give_dateline_credits_and_text_start() {
        let line = "本报讯(YMG全媒体记者 杨健 通讯员 秦雨)近日,烟台";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.dateline, Some("本报讯"));
        assert_eq!(d.raw, Some("YMG全媒体记者 杨健 通讯员 秦雨"));
        assert_eq!(&line[d.rest..], "近日,烟台");
        let c = d.credits.unwrap();
        assert_eq!(c.reporters, ["杨健"]);
        assert_eq!(c.correspondents, ["秦雨"]);

        let d = parse_dateline("本报讯 林一、王二报道:某部官兵日前完成演练。").unwrap();
        assert_eq!(d.dateline, Some("本报讯"));
        assert_eq!(
            d.credits.map(|c| c.reporters),
            Some(vec!["林一".to_owned(), "王二".to_owned()])
        );
        let line = "本报济南1月3日讯 记者 王五 报道:日前,省里";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.dateline, Some("本报济南1月3日讯"));
        assert_eq!(d.raw, Some("记者 王五 报道"));
        assert_eq!(&line[d.rest..], "日前,省里");

        let line = "新华社北京3月16日电（记者 张三 李四）国务院";
        let d = parse_dateline(line).unwrap();
        assert_eq!(d.dateline, Some("新华社北京3月16日电"));
        assert_eq!(d.credits.unwrap().reporters, ["张三", "李四"]);
        assert_eq!(&line[d.rest..], "国务院");

        assert!(parse_dateline("本报电视台近日播出节目。").is_none());
        assert!(parse_dateline("通讯员张三说,这是好事。").is_none());
    }

    #[test]
    fn a_note_of_who_gave_the_facts_after_a_credit_credits_no_one() {
        assert_eq!(
            without_tip_credit("记者任勇 摄 信息来源 张静 刘季珩"),
            "记者任勇 摄"
        );
        assert_eq!(
            without_tip_credit("记者刘斌 摄 信息来源:彭雪琴、钟园"),
            "记者刘斌 摄"
        );
        // Text after the words is no note of names.
        let told = "信息来源于市统计局，数据截至三月底。";
        assert_eq!(without_tip_credit(told), told);
        let line = "大桥封顶。记者任勇 摄 信息来源 张静 刘季珩";
        for (at, c) in [
            glued_credit(line).unwrap(),
            photo_credit_suffix(line).unwrap(),
        ] {
            assert_eq!(at, "大桥封顶。".len());
            assert_eq!(c.photographers, ["任勇"]);
            assert!(c.reporters.is_empty());
        }
    }

    #[test]
    fn names_before_an_agencys_special_report_are_its_reporters() {
        let (_, c) =
            glued_credit("“除了失望，没有其他话可说”。　　（袁原 新华社专特稿）").expect("credit");
        assert_eq!(c.reporters, ["袁原"]);
        assert_eq!(
            names_of_agency("冯某 新华社").expect("credit").reporters,
            ["冯某"]
        );
        assert!(names_of_agency("冯某 某某公司").is_none());
    }

    #[test]
    fn a_closing_dateline_set_apart_by_a_wide_gap_is_the_source() {
        let text = "这场“天气大考”才刚刚开始。　　　　据新华社纽约6月12日电";
        assert_eq!(glued_source(text), Some(text.find('据').unwrap()));
        let text = "细雨中的遗址静默无声。　　　　 新华社武汉6月13日电";
        assert_eq!(glued_source(text), Some(text.find('新').unwrap()));
    }

    #[test]
    fn a_photographers_report_glued_to_the_text_is_no_dateline() {
        assert!(credited_report("崔获阳摄影报道"));
        assert!(credited_report("李某图文报道"));
        assert!(!credited_report("南都报道"));
        assert!(!credited_report("江都报道"));
        assert!(parse_dateline("崔获阳摄影报道").is_none());
        let (_, c) = glued_credit("激发了训练热情。崔获阳摄影报道").expect("credit");
        assert_eq!(c.photographers, ["崔获阳"]);
    }

    #[test]
    fn a_web_pages_date_and_author_line_is_its_meta() {
        assert!(is_web_meta_line("2017-07-19 作者：赵某某"));
        assert_eq!(
            web_meta_credit("2017-07-19 作者：赵某某")
                .expect("credit")
                .authors,
            ["赵某某"]
        );
        assert!(!is_web_meta_line("作者：赵某某"));
        assert!(!signed_with_date("2017年 作者：赵某某"));
    }

    #[test]
    fn names_before_the_reporters_role_word_are_correspondents() {
        let c = parse_credits(
            "朱某 王某某 万某 星级记者 王某",
            Some(Role::Reporter),
            false,
        )
        .expect("credit");
        assert_eq!(c.correspondents, ["朱某", "王某某", "万某"]);
        assert_eq!(c.reporters, ["王某"]);
        let (_, c) = glued_credit("警方已立案侦查。 查甜甜 记者 张敏").expect("credit");
        assert_eq!(c.correspondents, ["查甜甜"]);
        assert_eq!(c.reporters, ["张敏"]);
        // Names after the role word stay the role's.
        let c = parse_credits("记者 张某 李某", None, false).expect("credit");
        assert_eq!(c.reporters, ["张某", "李某"]);
        // Before a trainee listed with them, they are the paper's reporters.
        let c =
            parse_credits("朱某某、见习记者 姚某某", Some(Role::Reporter), false).expect("credit");
        assert_eq!(c.reporters, ["朱某某", "姚某某"]);
    }

    #[test]
    fn the_papers_commentator_signs_as_author() {
        let c = parse_byline_line("□本报新闻观察员 洛谭").expect("credit");
        assert_eq!(c.authors, ["洛谭"]);
    }

    #[test]
    fn a_credit_glued_after_a_half_width_mark_is_read() {
        let (at, c) = glued_credit("别再让货车招摇过市了! (李喆)").expect("credit");
        assert_eq!(c.reporters, ["李喆"]);
        assert_eq!(at, "别再让货车招摇过市了! ".len());
    }

    #[test]
    fn a_role_in_quotation_marks_is_a_role() {
        let (at, c) =
            photo_credit_suffix("太阳岛雪景吸引市民打卡。 “哈报手机记者” 门奎摄").unwrap();
        assert_eq!(c.photographers, ["门奎"]);
        assert_eq!(at, "太阳岛雪景吸引市民打卡。 ".len());
        let (_, c) =
            photo_credit_suffix("松花江畔人们堆起雪人。   “哈报手机记者”   王洪艳摄").unwrap();
        assert_eq!(c.photographers, ["王洪艳"]);
    }

    #[test]
    fn a_picture_label_may_stand_a_space_before_the_name() {
        for line in ["绘制 寇樱子", "制图：寇博", "漫画 朱慧卿"] {
            let c = labelled_picture_credit(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c.photographers.len(), 1, "{line}");
        }
        assert!(labelled_picture_credit("绘制 一幅蓝图").is_none());
    }

    #[test]
    fn a_team_of_the_paper_with_no_one_named_is_a_byline() {
        for line in ["□本报“新春走基层”特别报道组", "本报联合采访组"] {
            let c = parse_byline_line(line).unwrap_or_else(|| panic!("{line}"));
            assert!(
                c.reporters.is_empty() && c.correspondents.is_empty(),
                "{line}"
            );
            assert_eq!(crate::lines::classify(line), crate::lines::Class::Byline);
        }
        assert!(reporting_team("本报调研组").is_some());
        assert!(reporting_team("本报记者组").is_some());
        assert!(reporting_team("本报小组").is_none());
        assert!(reporting_team("县委报道组").is_none());
        assert!(parse_byline_line("本报讯，调研组").is_none());
    }

    #[test]
    fn several_roles_share_one_photo_word() {
        for line in [
            "授牌仪式在武汉天地举行。 记者 杨涛 通讯员 刘爱 摄",
            "授牌仪式在武汉天地举行。记者 杨涛 通讯员 刘爱 摄",
            "授牌仪式在武汉天地举行。记者杨涛 通讯员刘爱 赵琴 摄",
        ] {
            let (at, c) = photo_credit_suffix(line).unwrap();
            assert_eq!(
                line.get(..at).unwrap().trim_end(),
                "授牌仪式在武汉天地举行。"
            );
            assert_eq!(c.photographers[..2], ["杨涛", "刘爱"], "{line}");
        }
        assert_eq!(role_after_sentence("举行。记者杨涛"), Some("举行。".len()));
        assert_eq!(role_after_sentence("举行。杨涛"), None);
    }

    #[test]
    fn photo_credits_end_captions() {
        let line = "市民在公园赏菊。 YMG全媒体记者 王五 摄";
        let (at, c) = photo_credit_suffix(line).unwrap();
        assert_eq!(&line[..at], "市民在公园赏菊。 ");
        assert_eq!(c.photographers, ["王五"]);
        assert!(c.reporters.is_empty());
        let line = "救生员进行心肺复苏演练。 记者 张 伟 摄";
        let (at, c) = photo_credit_suffix(line).unwrap();
        assert_eq!(&line[..at], "救生员进行心肺复苏演练。 ");
        assert_eq!(c.photographers, ["张伟"]);
        let line = "游客在海边观景。(本报记者 赵小川 摄)";
        let (at, c) = photo_credit_suffix(line).unwrap();
        assert_eq!(&line[..at], "游客在海边观景。");
        assert_eq!(c.photographers, ["赵小川"]);
    }

    #[test]
    fn commentary_authors_follow_their_mark() {
        assert_eq!(parse_author_line("□ 李文静").unwrap().authors, ["李文静"]);
        assert_eq!(
            parse_author_line("■本报评论员 周航").unwrap().authors,
            ["周航"]
        );
        assert!(is_author_note("(作者单位:山东大学马克思主义学院)"));
    }

    #[test]
    fn text_and_photos_at_a_credits_end_credit_every_name_with_the_photos() {
        let c = parse_credits("记者 唐晓芸 通讯员 葛文 文/图", None, false).unwrap();
        assert_eq!(c.reporters, ["唐晓芸"]);
        assert_eq!(c.correspondents, ["葛文"]);
        assert_eq!(c.photographers, ["唐晓芸", "葛文"]);
        let c = parse_credits("文/图 本报记者 刘明 通讯员 周远", None, false).unwrap();
        assert_eq!(c.photographers, ["刘明", "周远"]);
    }

    #[test]
    fn a_padded_name_of_the_surname_wen_is_a_name() {
        let reporter = Some(Role::Reporter);
        let c = parse_credits("文  通整理", reporter, true).unwrap();
        assert_eq!(c.reporters, ["文通"]);
        let c = parse_credits("文  阳 整理", reporter, true).unwrap();
        assert_eq!(c.reporters, ["文阳"]);
        // 文 before a padded name still credits the text.
        let c = parse_credits("文 王  通", reporter, true).unwrap();
        assert_eq!(c.reporters, ["王通"]);
    }

    #[test]
    fn a_reporter_named_at_work_in_the_text_is_found() {
        assert_eq!(
            reporter_in_text("市民致电本报热线反映。大河报记者张弢核实：桥下确有冰柱。").as_deref(),
            Some("张弢")
        );
        assert_eq!(
            reporter_in_text("随后，本报记者林小雨赶到现场。").as_deref(),
            Some("林小雨")
        );
        // Without the paper's name, or doing nothing a reporter does, it names no reporter.
        assert_eq!(reporter_in_text("记者张弢核实：桥下确有冰柱。"), None);
        assert_eq!(reporter_in_text("本报记者节前走访了十家商户。"), None);
        assert_eq!(reporter_in_text("他告诉本报记者，情况属实。"), None);
    }

    #[test]
    fn a_credit_a_wide_gap_apart_from_a_text_without_an_end_mark_is_read() {
        let text = "为确保游客的安全，警方在主要路口增加了执勤警力，引导路人安全有序通行  杨小奕  摄影报道";
        let (at, c) = glued_credit(text).expect("credit");
        assert_eq!(&text[at..], "杨小奕  摄影报道");
        assert_eq!(
            (c.reporters, c.photographers),
            (vec!["杨小奕".to_owned()], vec!["杨小奕".to_owned()])
        );
        // One space is no gap, and words that credit no one are no credit.
        assert!(glued_credit("警方增加了执勤警力，引导路人安全有序通行 杨小奕 摄影报道").is_none());
        assert!(glued_credit("警方增加了执勤警力，引导路人安全有序通行  看得见的变化").is_none());
    }

    #[test]
    fn a_reporters_number_or_web_editor_glued_to_a_credit_is_left_out() {
        let c = parse_byline_line("本报记者唐小阳记者电话：88811351").expect("credit");
        assert_eq!(c.reporters, ["唐小阳"]);
        let c = parse_byline_line("见习记者 赵小哲网络编辑：甘健").expect("credit");
        assert_eq!(c.reporters, ["赵小哲"]);
        assert_eq!(
            without_contact_tail("记者电话：88811351"),
            "记者电话：88811351"
        );
        assert_eq!(without_contact_tail("本报记者 林一"), "本报记者 林一");
    }

    #[test]
    fn a_photo_word_opening_a_credit_makes_everyone_after_it_a_photographer() {
        let c = parse_credits("摄影 记者 冯树风 通讯员 任艳玲", None, false).unwrap();
        assert_eq!(c.photographers, ["冯树风", "任艳玲"]);
        assert!(c.reporters.is_empty() && c.correspondents.is_empty());
        let line = parse_byline_line("■ 摄影 记者 邹晨光").unwrap();
        assert_eq!(line.photographers, ["邹晨光"]);
        assert!(line.reporters.is_empty());
        // A photo word alone names no one.
        assert!(parse_credits("摄影", None, false).is_none());
    }

    #[test]
    fn names_before_the_first_role_of_a_photo_credit_took_photos_too() {
        let c = parse_credits("伦珠泽仁 本报记者 洛桑 唐小斌 摄", None, false).unwrap();
        assert_eq!(c.photographers, ["伦珠泽仁", "洛桑", "唐小斌"]);
        assert!(c.correspondents.is_empty() && c.reporters.is_empty());
        // Without the photo word they are the correspondents, as lead credits print them.
        let c = parse_credits("查小明 记者 张小三", None, false).unwrap();
        assert_eq!(c.correspondents, ["查小明"]);
        // Each name with its own post: the first is a correspondent still.
        let c = parse_credits("吴小晶 星级记者 张小敏/文 程小兆/图", None, false).unwrap();
        assert_eq!(c.correspondents, ["吴小晶"]);
    }

    #[test]
    fn a_photographer_by_title_is_a_photographer() {
        let c = parse_credits("首席摄影记者 岳建文", None, false).unwrap();
        assert_eq!(c.photographers, ["岳建文"]);
        assert!(c.reporters.is_empty());
        let c = parse_credits("记者 林一 本报摄影记者 王二", None, false).unwrap();
        assert_eq!(
            (c.reporters, c.photographers),
            (vec!["林一".to_owned()], vec!["王二".to_owned()])
        );
    }

    #[test]
    fn a_photo_word_closing_a_credit_of_several_roles_credits_every_name() {
        // Both took the photos, and only that.
        let c = parse_credits("记者 唐晓芸 通讯员 葛文 摄", None, false).unwrap();
        assert_eq!(c.photographers, ["唐晓芸", "葛文"]);
        assert!(c.reporters.is_empty() && c.correspondents.is_empty());
        // Both reported and took the photos.
        let c = parse_credits("记者 唐晓芸 通讯员 葛文 摄影报道", None, false).unwrap();
        assert_eq!(c.reporters, ["唐晓芸"]);
        assert_eq!(c.correspondents, ["葛文"]);
        assert_eq!(c.photographers, ["唐晓芸", "葛文"]);
        // Names before the first role word are a group too.
        let c = parse_credits("林一 本报通讯员 王二 摄影报道", None, false).unwrap();
        assert_eq!(c.reporters, ["林一"]);
        assert_eq!(c.correspondents, ["王二"]);
        assert_eq!(c.photographers, ["林一", "王二"]);
        // With a post of its own before it, the photo word credits the names just before it.
        let c = parse_credits("记者 唐晓芸 报道 葛文 摄", None, false).unwrap();
        assert_eq!(c.reporters, ["唐晓芸"]);
        assert_eq!(c.photographers, ["葛文"]);
    }

    #[test]
    fn a_reprints_source_glued_after_the_last_sentence_is_found() {
        let text = "全年发电近百亿度。 据中新社";
        assert_eq!(text.get(glued_source(text).unwrap()..), Some("据中新社"));
        assert_eq!(glued_source("接种工作有序开展。据央视"), Some(27));
        assert_eq!(glued_source("据新华社报道，接种工作有序开展。"), None);
        assert_eq!(glued_source("他说。据了解"), None);
        // An account's name: no outlet's ending, but nothing a sentence would go on with.
        assert_eq!(glued_source("及时公布情况。据江城教育"), Some(21));
        assert_eq!(glued_source("他说。据统计局"), None);
        // A wire dateline set after the last sentence, as wire copy ends.
        let text = "为发展提供支撑。　　　新华社北京电";
        assert_eq!(
            text.get(glued_source(text).unwrap()..),
            Some("新华社北京电")
        );
    }

    #[test]
    fn a_credit_glued_before_the_dateline_gives_the_reporters() {
        let d = parse_dateline("□记者王小娟本报讯昨日上午，冬令营开营。").expect("dateline");
        assert_eq!(d.dateline, Some("本报讯"));
        assert_eq!(
            d.credits.map(|c| c.reporters),
            Some(vec!["王小娟".to_owned()])
        );
        assert_eq!(
            &"□记者王小娟本报讯昨日上午，冬令营开营。"[d.rest..],
            "昨日上午，冬令营开营。"
        );
        assert_eq!(
            parse_dateline("本报讯 昨日上午").and_then(|d| d.dateline),
            Some("本报讯")
        );
        let d = parse_dateline("□记者林小雨实习生赵某某晚报讯“以后就能躺着看报啦。”昨日上午，")
            .expect("dateline");
        assert_eq!(d.dateline, Some("晚报讯"));
        assert_eq!(
            d.credits.map(|c| [c.reporters, c.correspondents].concat()),
            Some(vec!["林小雨".to_owned(), "赵某某".to_owned()])
        );
    }

    #[test]
    fn names_set_apart_after_the_last_sentence_sign_the_report() {
        let (at, c) = glued_credit("确保各项决策部署落地见效。 蓝皓璟").expect("credit");
        assert_eq!(c.reporters, ["蓝皓璟"]);
        assert!(c.unmarked);
        assert_eq!(&"确保各项决策部署落地见效。 蓝皓璟"[at..], "蓝皓璟");
        // Glued to the sentence without a space, a word is the text's.
        assert!(glued_credit("确保各项决策部署落地见效。王强").is_none());
        assert!(glued_credit("确保落地见效。 他说").is_none());
    }

    #[test]
    fn a_papers_name_before_its_reporter_is_no_name() {
        let c = parse_credits("华商晨报 掌中沈阳客户端记者 金恩子", None, false).expect("credits");
        assert_eq!(c.reporters, ["金恩子"]);
        let c = parse_credits("《南国早报》记者 何定坚", None, false).expect("credits");
        assert_eq!(c.reporters, ["何定坚"]);
        assert!(paper_named("华商晨报"));
        assert!(!paper_named("王超"));
    }

    #[test]
    fn a_bare_dateline_is_a_dateline_and_nothing_else() {
        assert!(bare_dateline("新华社北京5月12日电"));
        assert!(bare_dateline("　　新华社北京/纽约5月12日电"));
        assert!(bare_dateline("（本报北京电）"));
        assert!(bare_dateline("新华社武汉电"));
        assert!(!bare_dateline("新华社北京5月12日电 正文"));
        assert!(!bare_dateline("（据新华社电）"));
        assert!(!bare_dateline("新华社记者 张三"));
    }

    #[test]
    fn wire_datelines_may_name_two_places_or_no_date() {
        let d = parse_dateline("新华社北京/纽约5月12日电 国际形势动荡多变之际").expect("dateline");
        assert_eq!(d.dateline, Some("新华社北京/纽约5月12日电"));
        let d =
            parse_dateline("新华社武汉电（记者余国庆 潘志伟）武汉将实施计划").expect("dateline");
        assert_eq!(d.dateline, Some("新华社武汉电"));
        assert!(agency_dateline("中新社香港电"));
        assert!(!agency_dateline("新华社电"));
        assert!(!agency_dateline("新华社记者电"));
        assert!(parse_dateline("北京/上海双城记").is_none());
        // A paper and its site by a slash.
        let d = parse_dateline("江城日报/江城网讯(记者林小雨通讯员王小二报道)12月30日上午，")
            .expect("dateline");
        assert_eq!(d.dateline, Some("江城日报/江城网讯"));
        assert_eq!(
            d.credits.map(|c| c.reporters),
            Some(vec!["林小雨".to_owned()])
        );
        let d = parse_dateline("江城日报/江城网江城讯(通讯员王小二报道)5月20日下午，")
            .expect("dateline");
        assert_eq!(d.dateline, Some("江城日报/江城网江城讯"));
        assert!(parse_dateline("白天/黑夜讯号不断").is_none());
        assert!(parse_dateline("新华社武汉电视台报道称").is_none());
    }

    #[test]
    fn a_readers_letter_signs_with_its_place_and_name() {
        assert_eq!(
            placed_signature("（北京市西城区  林小雨）").map(|c| c.authors),
            Some(vec!["林小雨".to_owned()])
        );
        assert_eq!(placed_signature("（金台随笔）"), None);
        // Overseas papers set a slash between the name and the place.
        assert_eq!(
            placed_signature("林小雨／亚凯迪亚").map(|c| c.authors),
            Some(vec!["林小雨".to_owned()])
        );
        assert_eq!(placed_signature("林小雨/图片"), None);
        assert_eq!(placed_signature("林小雨/摄"), None);
        // In brackets the name may come before the place.
        assert_eq!(
            placed_signature("（林小雨 江城教育学院）").map(|c| c.authors),
            Some(vec!["林小雨".to_owned()])
        );
        assert_eq!(placed_signature("林小雨 江城教育学院"), None);
        // Under the letter's title, unbracketed, the name padded.
        assert_eq!(
            placed_signature("江城长河区  林  一").map(|c| c.authors),
            Some(vec!["林一".to_owned()])
        );
        assert_eq!(placed_signature("江城长河区  全年新建公园三十个"), None);
    }

    #[test]
    fn a_caption_word_before_the_photographer_is_no_name() {
        let p = |l: &str| photo_credit_suffix(l).map(|(_, c)| c.photographers);
        assert_eq!(p("有序 李树民 摄"), Some(vec!["李树民".to_owned()]));
        assert_eq!(p("消杀    白成旭 摄"), Some(vec!["白成旭".to_owned()]));
        assert_eq!(
            p("李明 王刚 摄"),
            Some(vec!["李明".to_owned(), "王刚".to_owned()])
        );
        assert_eq!(p("本报记者 张  铁 摄"), Some(vec!["张铁".to_owned()]));
        // The same on a credit line of its own.
        let line = |l: &str| parse_byline_line(l).map(|c| c.photographers);
        assert_eq!(line("有序 李树民 摄"), Some(vec!["李树民".to_owned()]));
        assert_eq!(line("消杀    白成旭 摄"), Some(vec!["白成旭".to_owned()]));
        assert_eq!(
            line("李明 王刚 摄"),
            Some(vec!["李明".to_owned(), "王刚".to_owned()])
        );
    }

    #[test]
    fn where_a_report_was_filed_from_is_no_name() {
        let c = parse_byline_line("本报记者 林小雨 北京报道").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        let c = parse_byline_line("见习记者林小雨广州报道").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        // A name glued to 报道 is still the reporter's.
        let c = parse_byline_line("记者 林小雨 王小二报道").unwrap();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
        assert!(crate::place::filing_place("华盛顿") && !crate::place::filing_place("林小雨"));
        assert_eq!(
            crate::place::without_filing_place("林小雨上海"),
            Some("林小雨")
        );
        assert_eq!(crate::place::without_filing_place("上海"), None);
    }

    #[test]
    fn a_writer_after_a_label_and_a_colon_signs_the_text() {
        let authors = |l: &str| labelled_writer(l).map(|c| c.authors);
        assert_eq!(authors("寄思人：林小雨"), Some(vec!["林小雨".to_owned()]));
        assert_eq!(authors("讲述人: 王小二"), Some(vec!["王小二".to_owned()]));
        assert_eq!(
            authors("作者：林小雨 王小二"),
            Some(vec!["林小雨".to_owned(), "王小二".to_owned()])
        );
        assert_eq!(authors("联系人：林小雨"), None);
        assert_eq!(authors("寄思人：本报编辑部的同事们"), None);
        assert_eq!(authors("时间：林小雨"), None);
    }

    #[test]
    fn what_the_names_did_in_brackets_after_them_is_their_deed() {
        let c = parse_byline_line("江城晚报融媒体记者/林小雨 (图/文)").expect("credit");
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(c.photographers, ["林小雨"]);
        assert_eq!(deed_in_brackets("某某 （摄）"), Some(("某某", "摄")));
        assert_eq!(deed_in_brackets("某某 （江城大学）"), None);
        assert_eq!(deed_in_brackets("江城登山俱乐部成立（图）"), None);
        assert_eq!(deed_in_brackets("江城登山俱乐部成立（摄影）"), None);
    }

    #[test]
    fn a_pupils_teacher_is_noted_under_the_pupil() {
        assert!(teacher_line("指导老师 林小雨"));
        assert!(teacher_line("指导教师：赵某某"));
        assert!(!teacher_line("指导老师说，要多读书。"));
    }

    #[test]
    fn the_writer_of_an_items_words_signs_with_wen() {
        let authors = |l: &str| words_credit(l).map(|c| c.authors);
        assert_eq!(authors("文/林小雨"), Some(vec!["林小雨".to_owned()]));
        assert_eq!(authors("撰文/林小雨"), Some(vec!["林小雨".to_owned()]));
        // In brackets at a report's end, the writers are its reporters.
        assert_eq!(
            words_credit("（撰文/林小雨 王小二）").map(|c| c.reporters),
            Some(vec!["林小雨".to_owned(), "王小二".to_owned()])
        );
        assert_eq!(authors("（撰文/本版编辑部）"), None);
        assert_eq!(authors("林小雨 文"), Some(vec!["林小雨".to_owned()]));
        assert_eq!(authors("林小雨文"), Some(vec!["林小雨".to_owned()]));
        assert_eq!(authors("林小雨/文"), Some(vec!["林小雨".to_owned()]));
        // A note on the writer in brackets after the name.
        assert_eq!(
            authors("林小雨（江城大学教授）"),
            Some(vec!["林小雨".to_owned()])
        );
        assert_eq!(
            authors("赵小雨(证号2319800)"),
            Some(vec!["赵小雨".to_owned()])
        );
        assert_eq!(authors("江城大学（新校区）"), None);
        assert_eq!(authors("林小雨（记者 王小二）"), None);
        assert_eq!(authors("王明文/文"), Some(vec!["王明文".to_owned()]));
        assert_eq!(authors("散文/文"), None);
        assert_eq!(authors("张  铁 文"), Some(vec!["张铁".to_owned()]));
        // A three-character name ending in 文, and words that are no names.
        assert_eq!(authors("王明文"), None);
        assert_eq!(authors("散文"), None);
        assert_eq!(authors("全文"), None);
        assert_eq!(authors("发表论文"), None);
        assert_eq!(placed_signature("（记者 林小雨）"), None);
    }

    #[test]
    fn a_role_word_after_an_outlet_joined_by_a_middle_dot_is_a_role() {
        let c = parse_credits("齐鲁晚报·齐鲁壹点记者 蔚小贤 摄影报道", None, false).unwrap();
        assert_eq!(c.reporters, ["蔚小贤"]);
        assert_eq!(c.photographers, ["蔚小贤"]);
        // A name with a middle dot is still a name.
        let c = parse_credits("记者 阿依古丽·买买提", None, false).unwrap();
        assert_eq!(c.reporters, ["阿依古丽·买买提"]);
    }

    #[test]
    fn a_credit_glued_between_dateline_and_text_ends_at_its_report_word() {
        let line = "本报讯通讯员林小雨王小二报道6月27日，长河试验基地完成探测试验。";
        let d = parse_dateline(line).unwrap();
        let c = d.credits.unwrap();
        assert_eq!(c.correspondents, ["林小雨", "王小二"]);
        assert_eq!(
            line.get(d.rest..),
            Some("6月27日，长河试验基地完成探测试验。")
        );
        assert!(credit_glued_before_report("通讯员林小雨报道称，试验完成。").is_none());
    }

    #[test]
    fn a_credit_opening_the_lead_unbracketed_is_read_up_to_what_the_names_did() {
        let line = "记者 胡某某 文/摄 2月27日，长湖出口段河道治理工程施工现场，工人在抓紧建设。";
        let d = worded_credit_lead(line).expect("a credit opens the lead");
        let c = d.credits.unwrap_or_default();
        assert_eq!(c.reporters, ["胡某某"]);
        assert_eq!(c.photographers, ["胡某某"]);
        assert!(line[d.rest..].starts_with("2月27日"));
        let d =
            worded_credit_lead("本报记者 吴某 报道 昨日，全市首批春季新兵起运，在站台集结列队。")
                .expect("a reporter's credit");
        assert_eq!(d.credits.unwrap_or_default().reporters, ["吴某"]);
        assert!(d.dateline.is_none());
        // A sentence about reporters, a credit alone, a report word going on into a sentence.
        assert!(worded_credit_lead("记者从市交通局获悉，新线路将于下月开通运营。").is_none());
        assert!(worded_credit_lead("记者 胡某某 文/摄").is_none());
        // A photographer's name glued to 摄 before the lead's day.
        let d = photo_credit_lead("南山摄6月30日，一辆货车在路口陷进坑里。").expect("credit");
        assert_eq!(
            d.credits.map(|c| c.photographers),
            Some(vec!["南山".to_owned()])
        );
        assert!(d.dateline.is_none());
        assert!(photo_credit_lead("拍摄6月30日的照片时，他站在路口。").is_none());
        assert!(photo_credit_lead("王小二摄于路口。").is_none());
        assert!(worded_credit_lead("记者 吴某 报道 称，全市首批春季新兵昨日起运。").is_none());
        assert!(credit_glued_before_report("近日有媒体报道6月27日的试验。").is_none());
    }

    #[test]
    fn a_report_word_glued_to_the_text_ends_the_credit() {
        let d = parse_dateline("本报讯 记者 林小雨 报道4月30日，江城召开会议。").unwrap();
        assert_eq!(
            d.credits.map(|c| c.reporters),
            Some(vec!["林小雨".to_owned()])
        );
        assert_eq!(
            "本报讯 记者 林小雨 报道4月30日，江城召开会议。".get(d.rest..),
            Some("4月30日，江城召开会议。")
        );
        assert_eq!(report_word_glued(" 报道称，会议召开。"), 0);
        assert_eq!(report_word_glued("报道"), 0);
        assert_eq!(report_word_glued(" 摄影报道近日"), " 摄影报道".len());
    }

    #[test]
    fn a_photo_word_between_roles_labels_the_names_after_it() {
        let c = parse_byline_line("长河晚报记者 林小雨 实习生 王小二 制图 张三丰").unwrap();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
        assert_eq!(c.photographers, ["张三丰"]);
        // After names with no role word, or at the end, it credits the names before it.
        let c = parse_byline_line("本报记者 林小雨 摄").unwrap();
        assert_eq!(c.photographers, ["林小雨"]);
        let toks = tokenize("林小雨 摄 王小二");
        assert!(!photo_label(&toks, 1, false));
        assert!(photo_label(&toks, 1, true));
    }

    #[test]
    fn a_report_compiled_from_another_outlets_names_no_one_more() {
        assert!(compiled_from("综合央视新闻报道"));
        assert!(!compiled_from("综合报道") && !compiled_from("综合各地报道了吗"));
        let c = parse_byline_line("长河晚报记者 林小雨 实习生 王小二 综合新华社报道").unwrap();
        assert_eq!(c.reporters, ["林小雨", "王小二"]);
    }

    #[test]
    fn an_outlet_joined_to_its_paper_by_a_hyphen_prefixes_the_role() {
        assert_eq!(role_word("长河日报-江城新闻记者"), Some(Role::Reporter));
        assert_eq!(role_word("-江城新闻记者"), None);
        let c = parse_byline_line("长河日报-江城新闻记者 林小雨 摄影报道").unwrap();
        assert_eq!(c.reporters, ["林小雨"]);
        assert_eq!(c.photographers, ["林小雨"]);
    }

    #[test]
    fn role_words_glued_after_a_name_are_not_part_of_it() {
        let c = parse_credits("本报记者王小珏整理", None, false).unwrap();
        assert_eq!(c.reporters, ["王小珏"]);
        let c = parse_credits("赵小勇参与采写", None, false).unwrap();
        assert_eq!(c.reporters, ["赵小勇"]);
        let c = parse_credits("实习生奚小淼对本文亦有贡献", None, false).unwrap();
        assert_eq!(c.reporters, ["奚小淼"]);
    }

    #[test]
    fn bare_names_in_brackets_after_a_brief_are_its_reporters() {
        let (at, c) = glued_credit("车间实行经济责任制后，提高了工效。 (张长利)").unwrap();
        assert_eq!(c.reporters, ["张长利"]);
        assert_eq!(at, "车间实行经济责任制后，提高了工效。 ".len());
        assert_eq!(
            bracketed_names("（王飞、李永）").map(|c| c.reporters),
            Some(vec!["王飞".into(), "李永".into()])
        );
        assert_eq!(
            parse_byline_line("(孟翔翼 张锐)").map(|c| c.reporters),
            Some(vec!["孟翔翼".into(), "张锐".into()])
        );
        // A column after a title, a note or a word in brackets is no credit.
        assert_eq!(
            bracketed_names("（林 雨 王小二）").map(|c| c.reporters),
            Some(vec!["林雨".into(), "王小二".into()])
        );
        assert_eq!(bracketed_names("（金台随笔）"), None);
        assert_eq!(bracketed_names("（新语）"), None);
        assert_eq!(bracketed_names("（完）"), None);
        assert_eq!(glued_credit("这是好事。（下同）"), None);
    }

    #[test]
    fn a_web_pages_line_of_facts_credits_its_author() {
        let c = web_meta_credit("2019-06-26 来源：江城日报作者:林小雨 王小二").unwrap_or_default();
        assert_eq!(c.authors, ["林小雨", "王小二"]);
        let c =
            web_meta_credit("发布时间：2021-03-05 10:20 来源：南州网 记者：张三丰 编辑：李四海")
                .unwrap_or_default();
        assert_eq!(c.reporters, ["张三丰"]);
        assert!(c.authors.is_empty());
        // Facts with no name are still the page's, not the article's text.
        assert!(is_web_meta_line("2021-03-05 10:20 来源：南州网"));
        assert_eq!(web_meta_credit("2021-03-05 10:20 来源：南州网"), None);
        // A sentence that mentions a source is text.
        assert!(!is_web_meta_line(
            "2021年3月5日，记者从来源：不明的渠道获悉此事。"
        ));
        assert!(!is_web_meta_line("来源：南州网"));
    }

    #[test]
    fn source_notes_are_bracketed_notes_of_where_an_article_first_ran() {
        assert!(is_source_note(
            "（摘编自《某江日报》，原题为《换个角度看问题》）"
        ));
        assert!(is_source_note("(来源:某某网)"));
        assert!(is_source_note("（原载《读书》2025年第3期）"));
        // Unbracketed, as web reposts end: the source's name alone.
        assert!(is_source_note("来源：某某网"));
        assert!(is_source_note("本文来源: 江城晚报"));
        // A case's source and the reporter who wrote it up.
        let note = "（案例来源：江城市中级人民法院，本报记者林某整理）";
        assert!(is_source_note(note));
        assert_eq!(
            author_note_credits(note).map(|c| c.reporters),
            Some(vec!["林某".to_owned()])
        );
        assert!(!is_source_note("来源：群众的智慧，最终服务群众"));
        assert!(!is_source_note("来源广泛"));
        assert!(!is_source_note(
            "（来源于群众的智慧，最终服务群众。这是经验。）"
        ));
    }

    #[test]
    fn a_tip_credit_closes_the_report_and_credits_no_writer() {
        assert!(tip_credit("线索提供 王某某"));
        assert!(tip_credit("线索提供：李某 赵某"));
        assert!(tip_credit("（线索来自本报新闻热线 12345678）"));
        assert!(tip_credit("(线索来自本报新闻热线)"));
        assert!(tip_credit("(线索来自本报新闻热线 12345678"));
        assert!(!tip_credit("线索提供者说，他看见了火光。"));
        assert!(!tip_credit("线索提供"));
        assert!(is_source_note("线索提供 王某某"));
        assert_eq!(
            without_tip_credit("记者 林某 摄 线索提供 赵某"),
            "记者 林某 摄"
        );
        let c = parse_credits("记者 林某 摄 线索提供 赵某", None, false).expect("credit");
        assert_eq!(c.photographers, ["林某"]);
        assert_eq!(without_tip_credit("线索提供 赵某"), "线索提供 赵某");
        assert_eq!(
            crate::lines::classify("线索提供 王某某"),
            crate::lines::Class::AuthorNote
        );
    }

    #[test]
    fn a_reporting_group_files_as_correspondents() {
        let c = parse_credits("记者 林某 报道组 王某某 赵某", None, false).expect("credit");
        assert_eq!(c.reporters, ["林某"]);
        assert_eq!(c.correspondents, ["王某某", "赵某"]);
        let c = parse_credits("县委报道组 钱某某", None, false).expect("credit");
        assert_eq!(c.correspondents, ["钱某某"]);
        assert_eq!(
            crate::lines::classify("报道组 王某某 赵某"),
            crate::lines::Class::Byline
        );
    }

    #[test]
    fn one_credit_for_every_picture_above_it() {
        assert_eq!(
            shared_photo_credit("以上图片均为赵某某摄（江城视觉）"),
            Some("赵某某摄（江城视觉）")
        );
        assert_eq!(shared_photo_credit("图片由受访者提供"), Some("受访者提供"));
        assert_eq!(shared_photo_credit("以上图片"), None);
        let (at, c) = photo_credit_suffix("以上图片均为赵某某摄（江城视觉）").expect("credit");
        assert_eq!(at, 0);
        assert_eq!(c.photographers, ["赵某某"]);
        assert!(photo_credit_suffix("图片为资料").is_none());
    }

    #[test]
    fn a_byline_with_a_separator_left_at_its_end_is_read() {
        let c = parse_byline_line("□晚报记者         林某某   /").expect("credit");
        assert_eq!(c.reporters, ["林某某"]);
    }
}
