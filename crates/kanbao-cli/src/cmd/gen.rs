//! `kanbao gen --pages N --seed S -o DIR`: a deterministic corpus of made-up newspaper pages.
//!
//! For benchmarks only. The pages follow the genre (page header, headline groups, bylines in
//! their several places, dateline leads, section headings, captions, paragraphs cut by column
//! breaks, jump markers, stray page numbers), but they are assembled from a small built-in
//! vocabulary and sentence templates: their text repeats far more than real news, and they
//! contain none of the surprises real exports hold. They measure size and speed; they are no
//! substitute for tests on real pages.
//!
//! The same seed always gives the same bytes. Page `i` depends only on the seed and `i`, so a
//! larger corpus starts with the pages of a smaller one. Sixteen pages make one day's paper;
//! the dates start on 2016-01-01 and advance one day per sixteen pages.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// Arguments of `kanbao gen`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many pages to write.
    #[arg(long, default_value_t = 16)]
    pages: u32,
    /// Seed of the generator: the same seed gives the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Directory to write into (`YYYY-MM-DD/NN.txt`, one directory per day).
    #[arg(long = "output", short = 'o', value_name = "DIR")]
    output: PathBuf,
}

/// Runs `kanbao gen`.
pub fn run(args: &Args) -> ExitCode {
    match write_all(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kanbao: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn write_all(args: &Args) -> anyhow::Result<()> {
    let mut day_dir = None;
    for i in 0..args.pages {
        let (date, _) = page_date(i);
        let dir = args.output.join(&date);
        if day_dir.as_ref() != Some(&dir) {
            fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            day_dir = Some(dir.clone());
        }
        let path = dir.join(format!("{:02}.txt", i % PAGES_PER_DAY + 1));
        fs::write(&path, page(args.seed, i))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// Pages of one day's paper.
const PAGES_PER_DAY: u32 = 16;

/// SplitMix64: tiny, fast, and good enough to vary made-up text.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, page: u32) -> Rng {
        let mut rng = Rng(seed ^ u64::from(page).wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const PLACES: &[&str] = &[
    "烟台",
    "威海",
    "青岛",
    "济南",
    "潍坊",
    "日照",
    "临沂",
    "淄博",
    "东营",
    "滨州",
    "德州",
    "聊城",
    "泰安",
    "济宁",
    "枣庄",
    "菏泽",
    "芝罘区",
    "莱山区",
    "福山区",
    "牟平区",
    "蓬莱区",
    "龙口市",
    "莱阳市",
    "莱州市",
    "招远市",
    "栖霞市",
    "海阳市",
    "长岛",
    "黄渤海新区",
    "高新区",
    "我市",
    "全市",
    "全省",
];
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁",
    "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶",
    "姜", "范", "方", "石", "姚", "谭", "邹", "邵", "孟", "秦", "江", "史", "顾", "侯", "乔", "曲",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "玉", "萍", "红", "鹏", "飞", "宇", "浩", "然", "晨",
    "曦", "雪", "梅", "琳", "峰", "健", "斌", "瑶", "壮", "鸿", "云", "晓", "雨", "彤", "嘉", "乐",
    "佳", "欣", "子", "涵", "博", "文", "婷", "凯", "辉", "亮", "颖", "琪", "思", "怡", "宁", "志",
];
const TOPICS: &[&str] = &[
    "智慧港口建设",
    "乡村振兴",
    "海洋牧场",
    "文旅消费",
    "营商环境优化",
    "城市更新",
    "老旧小区改造",
    "新能源汽车产业",
    "高标准农田建设",
    "冬季清洁取暖",
    "全民健身",
    "文明城市创建",
    "生态保护修复",
    "垃圾分类",
    "居家养老服务",
    "职业教育",
    "科技创新",
    "招商引资",
    "海上风电",
    "苹果产业",
    "葡萄酒产业",
    "非遗传承",
    "基层治理",
    "安全生产",
    "食品安全",
    "数字经济",
    "绿色低碳转型",
    "就业创业",
    "校园安全",
    "医疗服务",
    "口袋公园建设",
    "交通路网建设",
    "河湖长制",
    "森林防火",
    "机关党建",
    "文化惠民",
    "海洋经济",
    "先进制造业",
    "农村人居环境整治",
    "一刻钟便民生活圈",
];
const ACTIONS: &[&str] = &[
    "提速",
    "见实效",
    "迈上新台阶",
    "按下“快进键”",
    "跑出加速度",
    "取得新突破",
    "稳步推进",
    "开新局",
    "结硕果",
    "全面启动",
    "出新招",
    "亮点纷呈",
    "交出高分答卷",
    "蹄疾步稳",
    "扎实推进",
    "走在前列",
    "成效显著",
    "再加码",
];
const ORGS: &[&str] = &[
    "市直机关工委",
    "市交通运输局",
    "市文化和旅游局",
    "市生态环境局",
    "市农业农村局",
    "市人社局",
    "市教育局",
    "市卫生健康委",
    "市市场监管局",
    "港口集团",
    "供电公司",
    "街道办事处",
    "社区党委",
    "市发展改革委",
    "市商务局",
    "市住建局",
    "市应急管理局",
    "市海洋发展和渔业局",
    "市科技局",
];
const SITES: &[&str] = &[
    "港区码头",
    "产业园区",
    "社区服务中心",
    "田间地头",
    "生产车间",
    "施工现场",
    "文化广场",
    "农贸市场",
    "滨海步道",
    "学校操场",
    "养老服务站",
    "海洋牧场平台",
    "项目工地",
    "展厅",
];
const PEOPLE: &[&str] = &[
    "居民",
    "游客",
    "志愿者",
    "工人",
    "农户",
    "学生",
    "企业负责人",
    "党员干部",
    "渔民",
    "医护人员",
];
const DOING: &[&str] = &[
    "有序作业",
    "参观学习",
    "体验非遗技艺",
    "采摘苹果",
    "开展志愿服务",
    "进行设备调试",
    "观看文艺演出",
    "晨练健身",
    "选购年货",
    "参加技能培训",
];
const GOALS: &[&str] = &[
    "群众满意度持续提升",
    "服务效率明显提高",
    "产业链条不断延伸",
    "生态环境持续改善",
    "发展动能更加强劲",
    "群众获得感不断增强",
];
const PAGE_NAMES: [&str; 16] = [
    "要闻", "要闻", "综合", "城事", "经济", "区市", "民生", "文体", "教育", "健康", "法治", "乡村",
    "海洋", "文化", "评论", "视觉",
];
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const CIRCLED: [&str; 5] = ["①", "②", "③", "④", "⑤"];
const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// Days since 1970-01-01 of 2016-01-01.
const FIRST_DAY: i64 = 16_801;

/// The date of page `i` as `YYYY-MM-DD`, and as printed with its weekday.
fn page_date(i: u32) -> (String, String) {
    let days = FIRST_DAY + i64::from(i / PAGES_PER_DAY);
    let (y, m, d) = civil(days);
    // 1970-01-01 was a Thursday.
    let weekday = WEEKDAYS[((days + 3).rem_euclid(7)) as usize];
    (
        format!("{y:04}-{m:02}-{d:02}"),
        format!("{y}年{m}月{d}日 星期{weekday}"),
    )
}

/// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Writes the text of page `i`.
fn page(seed: u64, i: u32) -> String {
    let mut r = Rng::new(seed, i);
    let number = i % PAGES_PER_DAY + 1;
    let (_, printed_date) = page_date(i);
    let (month, day) = {
        let (_, m, d) = civil(FIRST_DAY + i64::from(i / PAGES_PER_DAY));
        (m, d)
    };
    let mut out = Page::default();
    header(&mut r, &mut out, number, &printed_date);
    let articles = r.range(3, 6);
    for a in 0..articles {
        if a > 0 && r.chance(8) {
            // A stray page number or code between two articles.
            out.line(&format!("{:02}", r.range(1, 16)));
        }
        let ctx = Ctx {
            number,
            month,
            day,
            first: a == 0,
        };
        match (number, r.range(0, 9)) {
            (15, _) => commentary(&mut r, &mut out),
            (16, _) | (_, 0) => photo(&mut r, &mut out),
            (_, 1) => briefs(&mut r, &mut out, &ctx),
            (_, 2..=5) => news(&mut r, &mut out, &ctx),
            _ => feature(&mut r, &mut out, &ctx),
        }
    }
    out.text
}

/// Where an article stands: it decides datelines and jump markers.
#[derive(Debug)]
struct Ctx {
    number: u32,
    month: u32,
    day: u32,
    first: bool,
}

/// The page text being written: blocks separated by blank lines.
#[derive(Debug, Default)]
struct Page {
    text: String,
}

impl Page {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push_str("\n\n");
    }
}

fn header(r: &mut Rng, out: &mut Page, number: u32, date: &str) {
    let code = match r.range(0, 2) {
        0 => format!("A{number:02}"),
        1 => format!("第{number}版"),
        _ => format!("{number:02}"),
    };
    let name = PAGE_NAMES[(number - 1) as usize];
    let editors = format!(
        "责任编辑:{} 美术编辑:{} 校对:{}",
        name_of(r),
        name_of(r),
        padded(r)
    );
    if r.chance(20) {
        out.text
            .push_str(&format!("港城日报\n{code}\n{date}\n{name}\n{editors}\n\n"));
    } else {
        out.text
            .push_str(&format!("{date}\n{code}\n{name}\n{editors}\n\n"));
    }
}

/// A name of two or three characters.
fn name_of(r: &mut Rng) -> String {
    let mut name = r.pick(SURNAMES).to_string();
    name.push_str(r.pick(GIVEN));
    if r.chance(60) {
        name.push_str(r.pick(GIVEN));
    }
    name
}

/// A name as a byline prints it: two-character names are sometimes padded to three columns.
fn padded(r: &mut Rng) -> String {
    let name = name_of(r);
    if name.chars().count() == 2 && r.chance(30) {
        let mut chars = name.chars();
        let (a, b) = (chars.next().unwrap_or('王'), chars.next().unwrap_or('超'));
        format!("{a} {b}")
    } else {
        name
    }
}

fn names(r: &mut Rng, lo: u32, hi: u32) -> String {
    let n = r.range(lo, hi);
    (0..n).map(|_| padded(r)).collect::<Vec<_>>().join(" ")
}

fn title(r: &mut Rng) -> String {
    match r.range(0, 3) {
        0 => format!("{}{}{}", r.pick(PLACES), r.pick(TOPICS), r.pick(ACTIONS)),
        1 => format!(
            "{}{} {}{}",
            r.pick(TOPICS),
            r.pick(ACTIONS),
            r.pick(PLACES),
            r.pick(GOALS)
        ),
        2 => format!("{}：{}{}", r.pick(PLACES), r.pick(TOPICS), r.pick(ACTIONS)),
        _ => format!("“{}”{}", r.pick(TOPICS), r.pick(ACTIONS)),
    }
}

fn kicker(r: &mut Rng) -> String {
    match r.range(0, 2) {
        0 => format!("聚焦{}", r.pick(TOPICS)),
        1 => format!("{}进行时", r.pick(TOPICS)),
        _ => "奋进新征程 建功新时代".to_string(),
    }
}

fn subtitle(r: &mut Rng) -> String {
    match r.range(0, 2) {
        0 => format!("——{}{}工作纪实", r.pick(PLACES), r.pick(TOPICS)),
        1 => format!("——记{}{}{}", r.pick(PLACES), r.pick(ORGS), name_of(r)),
        _ => format!("{}{}推动{}", r.pick(PLACES), r.pick(ORGS), r.pick(TOPICS)),
    }
}

fn sentence(r: &mut Rng) -> String {
    match r.range(0, 8) {
        0 => format!(
            "近年来,{}{}坚持{}与{}并重,推动{}{}。",
            r.pick(PLACES),
            r.pick(ORGS),
            r.pick(TOPICS),
            r.pick(TOPICS),
            r.pick(TOPICS),
            r.pick(ACTIONS)
        ),
        1 => format!(
            "今年以来,{}累计投入资金{}.{}亿元,实施{}项目{}个,惠及群众{}万人。",
            r.pick(PLACES),
            r.range(1, 60),
            r.range(1, 9),
            r.pick(TOPICS),
            r.range(3, 120),
            r.range(1, 90)
        ),
        2 => format!(
            "“{}是一项长期工作,我们要久久为功。”{}负责人{}说。",
            r.pick(TOPICS),
            r.pick(ORGS),
            name_of(r)
        ),
        3 => format!(
            "下一步,{}将继续深化{},力争到{}年{}。",
            r.pick(ORGS),
            r.pick(TOPICS),
            r.range(2025, 2030),
            r.pick(GOALS)
        ),
        4 => format!(
            "据介绍,该项目总投资{}亿元,建成后年产值可达{}亿元,同比增长{}.{}%。",
            r.range(2, 80),
            r.range(5, 200),
            r.range(1, 30),
            r.range(0, 9)
        ),
        5 => format!(
            "在{}{},{}{},现场气氛热烈。",
            r.pick(PLACES),
            r.pick(SITES),
            r.pick(PEOPLE),
            r.pick(DOING)
        ),
        6 => format!(
            "{}通过“{}+{}”模式,打通服务群众“最后一公里”,{}。",
            r.pick(ORGS),
            r.pick(TOPICS),
            r.pick(TOPICS),
            r.pick(GOALS)
        ),
        7 => format!(
            "截至目前,{}已建成{}示范点{}处,{}。",
            r.pick(PLACES),
            r.pick(TOPICS),
            r.range(2, 60),
            r.pick(GOALS)
        ),
        _ => format!(
            "{}{}表示,将把{}作为重要抓手,确保各项任务落地见效。",
            r.pick(ORGS),
            name_of(r),
            r.pick(TOPICS)
        ),
    }
}

fn paragraph(r: &mut Rng) -> String {
    let n = r.range(2, 5);
    (0..n).map(|_| sentence(r)).collect()
}

/// Writes body paragraphs; some are cut in two by a column break, a caption sometimes sitting
/// in the break.
fn body(r: &mut Rng, out: &mut Page, paragraphs: u32) {
    for _ in 0..paragraphs {
        let p = paragraph(r);
        let chars: Vec<char> = p.chars().collect();
        if chars.len() > 60 && r.chance(15) {
            // Cut inside the text, never right after sentence-final punctuation.
            let mut at = r.range(30, chars.len() as u32 - 20) as usize;
            while matches!(chars[at - 1], '。' | '”' | ',' | '、') {
                at += 1;
            }
            let (a, b): (String, String) =
                (chars[..at].iter().collect(), chars[at..].iter().collect());
            out.line(&a);
            if r.chance(30) {
                caption_list(r, out);
            }
            out.line(&b);
        } else {
            out.line(&p);
        }
    }
}

fn caption_list(r: &mut Rng, out: &mut Page) {
    let n = r.range(2, 3) as usize;
    let lines: Vec<String> = CIRCLED[..n]
        .iter()
        .map(|m| {
            format!(
                "- {m}{}{}{}。",
                r.pick(PEOPLE),
                r.pick(SITES),
                r.pick(DOING)
            )
        })
        .collect();
    out.line(&lines.join("\n"));
}

fn headline(r: &mut Rng, out: &mut Page) {
    if r.chance(30) {
        out.line(&kicker(r));
    }
    out.line(&title(r));
    if r.chance(35) {
        out.line(&subtitle(r));
    }
}

/// 消息: a dateline lead carries the byline.
fn news(r: &mut Rng, out: &mut Page, ctx: &Ctx) {
    headline(r, out);
    let lead = match r.range(0, 3) {
        0 => format!(
            "本报讯(YMG全媒体记者 {} 通讯员 {})",
            names(r, 1, 2),
            names(r, 1, 3)
        ),
        1 => format!("本报讯(记者 {})", names(r, 1, 2)),
        2 => format!(
            "本报{}{}月{}日讯 记者 {} 报道:",
            r.pick(PLACES),
            ctx.month,
            ctx.day.saturating_sub(1).max(1),
            name_of(r)
        ),
        _ => format!(
            "新华社北京{}月{}日电(记者 {})",
            ctx.month,
            ctx.day,
            names(r, 1, 2)
        ),
    };
    out.line(&format!("{lead}近日,{}", paragraph(r)));
    let n = r.range(1, 4);
    body(r, out, n);
    if ctx.first && ctx.number == 1 && r.chance(60) {
        out.line(&format!(
            "{}(下转第{}版)",
            paragraph(r),
            NUMERALS[r.range(1, 9) as usize]
        ));
    }
}

/// 通讯: headline group, byline line (or one at the end), section headings, captions.
fn feature(r: &mut Rng, out: &mut Page, ctx: &Ctx) {
    if !ctx.first && ctx.number > 1 && r.chance(10) {
        out.line(&format!("(上接第{}版)", NUMERALS[0]));
    }
    if r.chance(20) {
        out.line(&format!("{}巡礼", r.pick(TOPICS)));
    }
    headline(r, out);
    let at_end = r.chance(25);
    if !at_end {
        let byline = match r.range(0, 3) {
            0 => format!("YMG全媒体记者 {} 摄影报道", names(r, 1, 2)),
            1 => format!("文/图 本报记者 {}", names(r, 1, 1)),
            2 => format!("本报记者 {} 通讯员 {}", names(r, 1, 2), names(r, 1, 2)),
            _ => format!("记者 {} 通讯员 {}", names(r, 1, 1), names(r, 1, 3)),
        };
        out.line(&byline);
    }
    let sections = r.range(1, 3);
    for s in 0..sections {
        if sections > 1 || r.chance(50) {
            let heading = if r.chance(50) {
                format!(
                    "{}、{}{}",
                    NUMERALS[s as usize],
                    r.pick(TOPICS),
                    r.pick(ACTIONS)
                )
            } else {
                format!("{}{} {}", r.pick(TOPICS), r.pick(ACTIONS), r.pick(GOALS))
            };
            out.line(&heading);
        }
        let n = r.range(2, 4);
        body(r, out, n);
    }
    if r.chance(30) {
        out.line(&format!(
            "图为{}{}{}。",
            r.pick(PLACES),
            r.pick(SITES),
            r.pick(DOING)
        ));
    }
    if at_end {
        out.text.push_str(&format!(
            "YMG全媒体记者 {}\n通讯员 {}\n\n",
            names(r, 1, 2),
            names(r, 1, 3)
        ));
    }
}

/// 评论: title, paragraphs, the author under the title or at the end.
fn commentary(r: &mut Rng, out: &mut Page) {
    if r.chance(40) {
        out.line(if r.chance(50) { "评论" } else { "短评" });
    }
    out.line(&format!("让{}更有温度", r.pick(TOPICS)));
    let mark = if r.chance(50) { "□" } else { "■" };
    out.line(&format!("{mark} {}", padded(r)));
    let n = r.range(2, 4);
    body(r, out, n);
    if r.chance(40) {
        out.line(&format!("(作者单位:{}{})", r.pick(PLACES), r.pick(ORGS)));
    }
}

/// 图片新闻: a title and a caption ending in the photographer's credit.
fn photo(r: &mut Rng, out: &mut Page) {
    out.line("图片新闻");
    out.line(&format!("{}{}", r.pick(PLACES), r.pick(DOING)));
    let credit = if r.chance(50) {
        format!("YMG全媒体记者 {} 摄", padded(r))
    } else {
        format!("通讯员 {} 摄", padded(r))
    };
    out.line(&format!(
        "{}日,{}在{}{}{}。{}。 {credit}",
        r.range(1, 28),
        r.pick(PEOPLE),
        r.pick(PLACES),
        r.pick(SITES),
        r.pick(DOING),
        r.pick(GOALS)
    ));
}

/// 简讯: a column label and short items, credits in parentheses at the end.
fn briefs(r: &mut Rng, out: &mut Page, ctx: &Ctx) {
    out.line("简讯");
    for _ in 0..r.range(2, 4) {
        out.line(&format!("{}{}", r.pick(PLACES), r.pick(TOPICS)));
        out.line(&format!(
            "本报讯 {}月{}日,{}{}(记者 {})",
            ctx.month,
            ctx.day,
            sentence(r),
            sentence(r),
            padded(r)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_advance_one_day_per_sixteen_pages_with_the_right_weekday() {
        assert_eq!(page_date(0).1, "2016年1月1日 星期五");
        assert_eq!(page_date(15).0, "2016-01-01");
        assert_eq!(page_date(16).1, "2016年1月2日 星期六");
        assert_eq!(page_date(16 * 60).0, "2016-03-01");
        assert_eq!(page_date(16 * 366).1, "2017年1月1日 星期日");
    }

    #[test]
    fn the_same_seed_gives_the_same_page_and_another_seed_another() {
        assert_eq!(page(7, 3), page(7, 3));
        assert_ne!(page(7, 3), page(8, 3));
        assert_ne!(page(7, 3), page(7, 4));
    }
}
