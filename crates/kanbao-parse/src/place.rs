//! Where a report was filed: the place a dateline names (`本报北京1月2日电` → 北京,
//! `新华社西昌11月27日电` → 西昌), and the home of a paper named after its city (`烟台日报` →
//! 烟台), for the paper's own `本报讯`.

use crate::normalize::is_han;

/// Who files a dateline: the paper itself, or an agency or outlet before the place.
const FILERS: &[&str] = &[
    "本报",
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "光明网",
    "中国日报网",
];

/// Marks before a dateline that are no part of it: `据新华社…`, `□本报…`, `(…`.
const LEAD_MARKS: &[char] = &['□', '■', '◎', '●', '(', '（', '【', '[', ' ', '\u{3000}'];

/// The place a dateline names, if it names one: `本报北京1月2日电` → `北京`, `新华社西昌11月27日电`
/// → `西昌`, `据新华社华盛顿3月1日电` → `华盛顿`, `本报合肥电` → `合肥`. `本报讯`, `南都讯` and a
/// reprint without a place (`据新华社电`) name none.
pub fn dateline_place(dateline: &str) -> Option<String> {
    let s = dateline.trim_start_matches(LEAD_MARKS);
    let s = s.strip_prefix('据').unwrap_or(s);
    let rest = FILERS.iter().find_map(|f| s.strip_prefix(f))?;
    // The place runs up to the date (`1月2日`, `十二月一日`) or the closing `电` / `讯`.
    let end = rest
        .char_indices()
        .find(|&(i, c)| c == '电' || c == '讯' || starts_date(rest.get(i..).unwrap_or("")))
        .map_or(rest.len(), |(i, _)| i);
    let place = rest.get(..end)?;
    let n = place.chars().count();
    ((2..=6).contains(&n) && place.chars().all(is_han) && !place.ends_with("记者"))
        .then(|| place.to_owned())
}

/// Places a reporter files from, named before `报道` in a byline (`本报记者 某某 北京报道`):
/// the provinces, their capitals and the larger cities, and capitals abroad where papers keep
/// correspondents. Sorted, for a binary search.
const FILING_PLACES: &[&str] = &[
    "三亚",
    "上海",
    "东京",
    "东莞",
    "临沂",
    "丽江",
    "乌鲁木齐",
    "云南",
    "伊斯兰堡",
    "伦敦",
    "佛山",
    "保定",
    "兰州",
    "内罗毕",
    "内蒙古",
    "包头",
    "北京",
    "华盛顿",
    "南京",
    "南宁",
    "南昌",
    "南通",
    "厦门",
    "台北",
    "台州",
    "台湾",
    "合肥",
    "吉林",
    "吉隆坡",
    "呼和浩特",
    "哈尔滨",
    "唐山",
    "喀什",
    "嘉兴",
    "四川",
    "堪培拉",
    "墨西哥城",
    "大理",
    "大连",
    "天津",
    "太原",
    "宁夏",
    "宁波",
    "安徽",
    "宜昌",
    "宝鸡",
    "山东",
    "山西",
    "岳阳",
    "巴西利亚",
    "巴黎",
    "布宜诺斯艾利斯",
    "布鲁塞尔",
    "常州",
    "平壤",
    "广东",
    "广州",
    "广西",
    "延安",
    "开罗",
    "徐州",
    "德黑兰",
    "悉尼",
    "成都",
    "扬州",
    "拉萨",
    "新加坡",
    "新德里",
    "新疆",
    "无锡",
    "日内瓦",
    "旧金山",
    "昆明",
    "曼谷",
    "杭州",
    "柏林",
    "柳州",
    "株洲",
    "桂林",
    "武汉",
    "汕头",
    "江苏",
    "江西",
    "沈阳",
    "河内",
    "河北",
    "河南",
    "泉州",
    "洛杉矶",
    "洛阳",
    "济南",
    "浙江",
    "浦东",
    "海南",
    "海口",
    "深圳",
    "渥太华",
    "温州",
    "湖北",
    "湖南",
    "湘潭",
    "漳州",
    "潍坊",
    "澳门",
    "烟台",
    "珠海",
    "甘肃",
    "石家庄",
    "福州",
    "福建",
    "约翰内斯堡",
    "纽约",
    "绍兴",
    "维也纳",
    "绵阳",
    "罗马",
    "苏州",
    "莫斯科",
    "襄阳",
    "西宁",
    "西安",
    "西藏",
    "贵州",
    "贵阳",
    "赣州",
    "辽宁",
    "遵义",
    "郑州",
    "鄂尔多斯",
    "重庆",
    "金华",
    "银川",
    "长春",
    "长沙",
    "陕西",
    "雄安",
    "雅加达",
    "青岛",
    "青海",
    "首尔",
    "香港",
    "马尼拉",
    "马德里",
    "黑龙江",
];

/// Whether `s` is a place a reporter files from ([`FILING_PLACES`]).
pub(crate) fn filing_place(s: &str) -> bool {
    FILING_PLACES.binary_search(&s).is_ok()
}

/// The words before a place glued to their end (`倪雨晴广州` → `倪雨晴`), when the end is a
/// place a reporter files from and something stands before it.
pub(crate) fn without_filing_place(s: &str) -> Option<&str> {
    s.char_indices()
        .skip(1)
        .map(|(i, _)| i)
        .find(|&i| s.get(i..).is_some_and(filing_place))
        .and_then(|i| s.get(..i))
}

/// Whether `s` opens with a month: digits or Chinese numerals, then `月`.
fn starts_date(s: &str) -> bool {
    let numeral = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十〇".contains(c)
    };
    let digits = s.chars().take_while(|&c| numeral(c)).count();
    digits > 0 && s.chars().nth(digits) == Some('月')
}

/// Endings of a paper's name after its city: `烟台日报`, `扬子晚报`, `大连晚报`.
const PAPER_ENDINGS: &[&str] = &["都市报", "日报", "晚报", "晨报", "早报", "商报", "时报"];

/// Names before those endings that are no city: the nation, a region, a readership or a title
/// (`人民日报`, `齐鲁晚报`, `工人日报`, `扬子晚报`).
const NOT_A_CITY: &[&str] = &[
    "人民",
    "光明",
    "经济",
    "工人",
    "农民",
    "法治",
    "法制",
    "科技",
    "解放",
    "文汇",
    "新民",
    "齐鲁",
    "南方",
    "大众",
    "中国",
    "新华",
    "环球",
    "参考",
    "青年",
    "健康",
    "证券",
    "金融",
    "北方",
    "华西",
    "楚天",
    "扬子",
    "钱江",
    "羊城",
    "现代",
    "每日",
    "今晚",
    "半岛",
    "燕赵",
    "三秦",
    "海峡",
    "东南",
    "西部",
    "东方",
    "新京",
    "京华",
    "信息",
    "华商",
    "潇湘",
    "江南",
    "辽沈",
    "生活",
    "市场",
    "劳动",
    "老年",
    "妇女",
    "少年",
    "学习",
    "教育",
    "体育",
    "社会",
    "民主",
    "检察",
    "人民法院",
];

/// The city a paper is named after, when it is: `烟台日报` → `烟台`, `大连晚报` → `大连`; none for
/// `人民日报`, `齐鲁晚报` or a name without a paper's ending.
pub fn paper_place(paper: &str) -> Option<String> {
    let name = paper.trim().trim_start_matches('《').trim_end_matches('》');
    let city = PAPER_ENDINGS.iter().find_map(|e| name.strip_suffix(e))?;
    let n = city.chars().count();
    ((2..=4).contains(&n) && city.chars().all(is_han) && !NOT_A_CITY.contains(&city))
        .then(|| city.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_names_the_place_the_report_was_filed_from() {
        let place = |d: &str| dateline_place(d);
        assert_eq!(place("本报北京1月2日电").as_deref(), Some("北京"));
        assert_eq!(place("新华社西昌11月27日电").as_deref(), Some("西昌"));
        assert_eq!(place("据新华社华盛顿3月1日电").as_deref(), Some("华盛顿"));
        assert_eq!(place("本报济南1月3日讯").as_deref(), Some("济南"));
        assert_eq!(place("本报合肥电").as_deref(), Some("合肥"));
        assert_eq!(place("本报百色讯").as_deref(), Some("百色"));
        assert_eq!(place("新华社联合国十二月一日电").as_deref(), Some("联合国"));
        assert_eq!(place("本报十堰1月2日电").as_deref(), Some("十堰"));
        assert_eq!(place("新华社六盘水电").as_deref(), Some("六盘水"));
        assert_eq!(place("本报讯"), None);
        assert_eq!(place("南都讯"), None);
        assert_eq!(place("据新华社电"), None);
        assert_eq!(place("京华时报3月5日报道"), None);
    }

    #[test]
    fn a_paper_named_after_its_city_is_at_home_there() {
        assert_eq!(paper_place("烟台日报").as_deref(), Some("烟台"));
        assert_eq!(paper_place("大连晚报").as_deref(), Some("大连"));
        assert_eq!(paper_place("《郑州日报》").as_deref(), Some("郑州"));
        assert_eq!(paper_place("人民日报"), None);
        assert_eq!(paper_place("齐鲁晚报"), None);
        assert_eq!(paper_place("扬子晚报"), None);
        assert_eq!(paper_place("烟台"), None);
    }
}
