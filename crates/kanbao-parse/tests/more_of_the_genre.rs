//! Conventions that real pages of many papers follow ("More of the genre" in the notes on
//! newspaper page text), each on a page written for it, checked where a reader would look.

mod common;

use common::{page, texts, titles};

use kanbao_parse::{BlockKind, DiagnosticCode, Kind, Why};

#[test]
fn lead_credits_of_other_papers_open_articles_with_their_datelines() {
    let p = page("metro-evening-lead-credits.txt");
    assert_eq!(
        titles(&p),
        [
            "秋季学期首日 校门口多了“护学岗”",
            "旧厂房变身“城市书房”",
            "海外仓助力跨境小商品出海",
            "全国秋粮收购陆续展开",
            "早市里的“秋味”",
            "“地铁开到家门口，生活半径变大了”"
        ]
    );
    let datelines: Vec<Option<&str>> = p.articles.iter().map(|a| a.dateline.as_deref()).collect();
    assert_eq!(
        datelines,
        [
            Some("江滨晚报讯"),
            Some("本报百色讯"),
            Some("江滨晚报报道"),
            Some("据新华社电"),
            None,
            None
        ]
    );
    assert_eq!(p.articles[0].byline.reporters, ["林小雨"]);
    // `记者/黄明远 通讯员/韦丽`: roles written with a slash.
    assert_eq!(p.articles[1].byline.reporters, ["黄明远"]);
    assert_eq!(p.articles[1].byline.correspondents, ["韦丽"]);
    // `【江滨晚报报道 特约记者 苏晴】`: the paper is the dateline, not a reporter.
    assert_eq!(p.articles[2].byline.reporters, ["苏晴"]);
}

#[test]
fn a_header_with_a_two_letter_page_and_joined_page_names_is_page_metadata() {
    let p = page("metro-evening-lead-credits.txt");
    assert_eq!(p.meta.page.as_deref(), Some("AA08"));
    assert_eq!(p.meta.section.as_deref(), Some("深圳·广州"));
    assert_eq!(p.meta.date.as_deref(), Some("2025-09-03"));
    assert!(!titles(&p).contains(&"AA08 深圳·广州"));
}

#[test]
fn a_photo_between_headline_and_lead_belongs_to_the_article_above() {
    let p = page("metro-evening-lead-credits.txt");
    let a = &p.articles[1];
    assert_eq!(
        texts(a, BlockKind::Caption),
        ["资料图：改造前的纺织厂厂房。"]
    );
    assert_eq!(a.byline.photographers, ["陈杰"]);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(a.kind, Kind::News);
}

#[test]
fn a_credit_glued_to_the_last_paragraph_is_read_and_taken_off_the_text() {
    let p = page("metro-evening-lead-credits.txt");
    let a = &p.articles[4];
    assert_eq!(a.byline.reporters, ["周航"]);
    assert_eq!(
        texts(a, BlockKind::Paragraph),
        ["清晨六点，城西早市已经热闹起来。板栗、菱角、新米陆续上市，价格比去年略低。"]
    );
}

#[test]
fn interview_questions_are_paragraphs_not_headings() {
    let p = page("metro-evening-lead-credits.txt");
    let a = &p.articles[5];
    assert!(texts(a, BlockKind::Heading).is_empty());
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 4);
}

#[test]
fn a_headline_with_no_credit_after_an_open_article_is_reported() {
    let p = page("metro-evening-lead-credits.txt");
    // `早市里的“秋味”` follows a news item with no end credit and has none under its own
    // headline (its credit is glued to its end): split, and the reader is told where to look.
    let a = &p.articles[4];
    let flagged: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::ArticleStartWithoutCredit)
        .map(|d| d.span.map(|s| s[0]))
        .collect();
    assert_eq!(flagged, [Some(a.span[0])]);
}

#[test]
fn indented_commentary_gives_columns_bare_authors_and_ends_at_citation_lines() {
    let p = page("national-commentary-indented.txt");
    assert_eq!(p.articles.len(), 3);
    let a = &p.articles[0];
    assert_eq!(a.column.as_deref(), Some("江岸时评"));
    assert_eq!(a.title, "让“家门口的养老”更可及");
    assert_eq!(a.byline.authors, ["张铁"]);
    assert_eq!(a.kind, Kind::Commentary);
    // The unpunctuated lead stands alone; it is no paragraph cut by a column break.
    assert_eq!(
        texts(a, BlockKind::Paragraph)[0],
        "社区养老服务要可持续，关键在于找准供需结合点"
    );
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 4);
    // A column in brackets after the title.
    let b = &p.articles[1];
    assert_eq!(b.title, "别让好政策卡在“最后一米”");
    assert_eq!(b.column.as_deref(), Some("江畔随笔"));
    assert_eq!(b.byline.authors, ["何川"]);
    // A box with no byline after a column label still opens an article.
    let c = &p.articles[2];
    assert_eq!(c.column.as_deref(), Some("新知"));
    assert_eq!(c.title, "什么是“银发经济”");
    // The citation lines are page furniture, not text.
    assert_eq!(
        p.unassigned
            .iter()
            .filter(|f| f.text.starts_with("《江河日报》"))
            .count(),
        3
    );
    assert!(
        p.articles
            .iter()
            .all(|a| !a.body_text().contains("江河日报》"))
    );
}

#[test]
fn photo_items_with_glued_credits_are_captions_with_photographers() {
    let p = page("provincial-photo-page-crlf.txt");
    // The page banner is furniture, not the first photo's kicker.
    assert!(
        p.unassigned
            .iter()
            .any(|f| f.why == Why::Furniture && f.text == "山河锦绣 盛夏时节")
    );
    let photos: Vec<(&str, &[String])> = p
        .articles
        .iter()
        .take(3)
        .map(|a| (a.title.as_str(), a.byline.photographers.as_slice()))
        .collect();
    assert_eq!(
        photos,
        [
            ("稻田里的“新农人”", &["罗一鸣".to_owned()][..]),
            ("老桥换新颜", &["陈光远".to_owned()][..]),
            ("山村夜校开课了", &["石磊".to_owned()][..]),
        ]
    );
    for a in &p.articles[..3] {
        assert_eq!(a.kind, Kind::Photo, "{}", a.title);
        assert!(texts(a, BlockKind::Paragraph).is_empty(), "{}", a.title);
        // The layout code `⑥2` is no part of the caption.
        assert!(
            texts(a, BlockKind::Caption)
                .iter()
                .all(|t| !t.contains('⑥') && !t.ends_with('摄')),
            "{}",
            a.title
        );
    }
}

#[test]
fn unspaced_bylines_are_split_by_names_and_sidebars_stay_with_their_article() {
    let p = page("provincial-photo-page-crlf.txt");
    let a = &p.articles[3];
    assert_eq!(a.title, "“夜经济”点亮小县城");
    assert_eq!(a.byline.reporters, ["李铮"]);
    assert_eq!(a.byline.correspondents, ["王飞", "李永"]);
    // `记者手记` is a sidebar heading of this article; 手记 is nobody's name.
    assert_eq!(texts(a, BlockKind::Heading), ["记者手记"]);
    assert!(
        p.articles
            .iter()
            .all(|x| !x.byline.reporters.contains(&"手记".to_owned()))
    );
    // `（作者为…，本报记者杨柳采访整理）`: the reporter who took it down.
    let b = &p.articles[4];
    assert_eq!(b.byline.reporters, ["杨柳"]);
}

#[test]
fn a_package_note_signed_by_the_editors_is_furniture_and_its_column_goes_to_its_reports() {
    let p = page("national-package-signed-note.txt");
    assert_eq!(
        titles(&p),
        [
            "早餐铺推出“预约取餐”",
            "修鞋摊搬进了便民服务站",
            "全市新增社区便民服务站四十个"
        ]
    );
    // The package's headline, its note and the signature stand over the reports.
    let furniture: Vec<&str> = p
        .unassigned
        .iter()
        .filter(|f| f.why == Why::Furniture)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(
        furniture.first(),
        Some(&"小店铺里的大民生（城市烟火·走近社区商业）")
    );
    assert_eq!(furniture.last(), Some(&"——编  者"));
    // Each report under it takes its column and keeps its place kicker and byline.
    for (a, place, reporter) in [
        (&p.articles[0], "湖北宜昌——", "林思远"),
        (&p.articles[1], "浙江湖州——", "许宁"),
    ] {
        assert_eq!(a.column.as_deref(), Some("城市烟火·走近社区商业"));
        assert_eq!(a.kicker.as_deref(), Some(place));
        assert_eq!(a.byline.reporters, [reporter]);
    }
    // A news item opened by a dateline lead is past the package.
    assert_eq!(p.articles[2].column, None);
    assert_eq!(p.articles[2].dateline.as_deref(), Some("本报讯"));
}

#[test]
fn an_unspaced_byline_that_splits_two_ways_is_reported_where_it_stands() {
    // `王丽李明华` splits as 王丽 + 李明华 or as 王丽李 + 明华: either way each part starts with a
    // surname and has a name's length. The parser keeps one split and says it guessed, where.
    let text = "城区新添三座口袋公园\n\n本报讯（记者王丽李明华）近日，城区三座口袋公园建成开放。\n";
    let p = kanbao_parse::parse_str(text, "p");
    let a = &p.articles[0];
    assert_eq!(a.byline.reporters.len(), 2, "{:?}", a.byline.reporters);
    let guessed: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::NameSplitGuessed)
        .collect();
    assert_eq!(guessed.len(), 1);
    let [start, end] = guessed[0].span.unwrap();
    assert!(text[start..end].contains("王丽李明华"));
    common::check_lossless(text, &p);
}

#[test]
fn an_epaper_export_of_several_pages_repeats_its_header_and_each_ends_an_article() {
    let p = page("provincial-epaper-pages.txt");
    assert_eq!(
        titles(&p),
        [
            "城南湿地公园春日迎客",
            "老街巷里开起“共享厨房”",
            "读书的时间从哪里来"
        ]
    );
    assert_eq!(p.meta.page.as_deref(), Some("05"));
    assert_eq!(p.meta.section.as_deref(), Some("综合新闻"));
    let headers: Vec<&str> = p
        .unassigned
        .iter()
        .filter(|f| f.why == Why::PageHeader)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(
        headers,
        [
            "2026年03月12日",
            "第05版:综合新闻 PDF版",
            "第05版:综合新闻 PDF版",
            "第06版:评论 PDF版"
        ]
    );
}

#[test]
fn text_and_photos_after_every_name_credit_all_of_them_with_the_photos() {
    let p = page("provincial-epaper-pages.txt");
    let b = &p.articles[0].byline;
    assert_eq!(b.reporters, ["唐晓芸"]);
    assert_eq!(b.correspondents, ["葛文"]);
    assert_eq!(b.photographers, ["唐晓芸", "葛文"]);
}

#[test]
fn summary_lines_above_a_dateline_are_whole_paragraphs() {
    let p = page("provincial-epaper-pages.txt");
    let a = &p.articles[1];
    assert_eq!(a.dateline.as_deref(), Some("本报讯"));
    let paragraphs = texts(a, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 6);
    assert!(paragraphs[0].ends_with("吃上热乎饭"));
    assert!(paragraphs[3].starts_with("连日来"));
}

#[test]
fn a_note_of_where_an_article_first_ran_is_no_paragraph() {
    let p = page("provincial-epaper-pages.txt");
    let a = &p.articles[2];
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(
        a.byline.raw,
        ["(摘编自《江城晚报》,原题为《碎片时间也能读书》)"]
    );
}

#[test]
fn bare_names_in_brackets_credit_each_brief_and_the_run_keeps_its_column() {
    let p = page("city-briefs-bracketed-credits.txt");
    assert_eq!(
        titles(&p),
        [
            "老旧小区加装电梯提速",
            "社区书屋延长开放时间",
            "公交站台换上新座椅"
        ]
    );
    let reporters: Vec<&[String]> = p
        .articles
        .iter()
        .map(|a| a.byline.reporters.as_slice())
        .collect();
    assert_eq!(
        reporters,
        [
            &["周晓梅".to_string()][..],
            &["何立新".to_string(), "陈婷".to_string()][..],
            &["孙浩".to_string()][..]
        ]
    );
    for a in &p.articles {
        assert_eq!(a.column.as_deref(), Some("简讯"));
        assert_eq!(a.kind, Kind::Brief);
        let text = texts(a, BlockKind::Paragraph);
        assert_eq!(text.len(), 1);
        assert!(!text[0].contains('（'), "{}", text[0]);
    }
}

#[test]
fn a_photographers_credit_line_under_a_short_text_makes_it_a_photo_item() {
    let text = "河谷春色\n\n  清晨，薄雾笼罩的河谷里，油菜花与桃花次第开放。\n\n本报记者 林秋 摄\n\n\
                港口新航线开通\n\n本报讯（记者 王超）近日，港口开通至釜山的集装箱新航线。\n\n\
                航线每周两班，单程约三十小时，主要运送家电和农产品。\n";
    let p = common::parse_and_check(text.as_bytes());
    let photo = &p.articles[0];
    assert_eq!(photo.title, "河谷春色");
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(photo.byline.photographers, ["林秋"]);
    assert_eq!(texts(photo, BlockKind::Caption).len(), 1);
    assert!(texts(photo, BlockKind::Paragraph).is_empty());
    assert_eq!(p.articles[1].kind, Kind::News);
}

#[test]
fn a_lone_sentence_between_headline_and_lead_of_a_report_with_photos_is_its_caption() {
    let text = "志愿服务进社区\n\n志愿者向居民讲解垃圾分类知识。\n\n\
                本报讯（记者 杜明 文/图）近日，二十多名志愿者走进东湖社区开展垃圾分类宣传。\n\n\
                活动中，志愿者发放宣传册三百余份，解答居民提问。\n\n\
                2024-05-06 1 1 某某日报 content_12345.html 1 志愿服务进社区 -->\n";
    let p = common::parse_and_check(text.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.byline.photographers, ["杜明"]);
    assert_eq!(
        texts(a, BlockKind::Caption),
        ["志愿者向居民讲解垃圾分类知识。"]
    );
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(p.articles.len(), 1);
    assert!(
        p.unassigned
            .iter()
            .any(|f| f.text.contains("content_12345.html"))
    );
}

#[test]
fn names_printed_bare_under_a_headline_sign_a_report_where_the_text_reads_as_one() {
    // A web export that drops `本报记者`: the reporters' names stand alone under the title.
    let text = "第2版\n\n\
                港区复工 进度抢回来\n\
                林一舟 乔思 邵文杰\n\n\
                \u{3000}\u{3000}码头上的吊机又转了起来。港务公司负责人告诉记者，本周装卸量已恢复到九成。\n\n\
                \u{3000}\u{3000}记者在堆场看到，集装箱卡车排起了长队。\n\n\
                商超拿起数字化工具\n\
                俞晓\n\n\
                \u{3000}\u{3000}超市店长已在店里住了两个多月，订单量翻了一番。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["港区复工 进度抢回来", "商超拿起数字化工具"]);
    let report = &p.articles[0];
    assert_eq!(report.byline.reporters, ["林一舟", "乔思", "邵文杰"]);
    assert!(report.byline.authors.is_empty());
    assert_ne!(report.kind, Kind::Commentary);
    assert_eq!(texts(report, BlockKind::Paragraph).len(), 2);
    // The page prints its reporters bare: so is the next one, though its text never says 记者.
    assert_eq!(p.articles[1].byline.reporters, ["俞晓"]);

    // The same shape over an argument, on a page that settles nothing: its author, by guess.
    let essay = "第4版\n\n为改革多想一步\n何　川\n\n\
                 \u{3000}\u{3000}改革是一场接力，每一棒都要跑出好成绩。\n\n\
                 \u{3000}\u{3000}多想一步，就能少走弯路。\n";
    let p = common::parse_and_check(essay.as_bytes());
    assert_eq!(p.articles[0].byline.authors, ["何川"]);
    assert_eq!(p.articles[0].kind, Kind::Commentary);
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::RoleGuessed)
    );

    // On the front page the bare name signs the report even where the text never says 记者.
    let front = "第1版\n\n新线开通 两城通勤半小时\n韩立\n\n　　新线昨天开通运营，两城之间最快半小时可达。\n\n　　沿线设站八座，日开行列车四十对。\n";
    let p = common::parse_and_check(front.as_bytes());
    assert_eq!(p.articles[0].byline.reporters, ["韩立"]);
    assert!(p.articles[0].byline.authors.is_empty());
}

#[test]
fn a_short_text_over_a_reporters_name_is_a_photo_by_that_reporter() {
    // An e-paper index page: each headline beside its text; photo news ends in the reporter's
    // name alone, on its line or set apart at the end of the text.
    let text = "01版:导读\n\n\
                麦浪滚滚\n\
                田间忙   连日来,城郊万亩小麦进入收获期,农机手抢抓晴好天气作业。\n\
                \x20        本报记者 沈一凡\n\
                \x20 大图:收割机在田间作业。\n\
                \x20 小图:农民捧起新打的麦粒。\n\
                灯会开幕\n\
                古城夜色   6月9日晚,古城灯会开幕,市民在灯下游览拍照,感受传统节日氛围。                 本报记者 左立\n\
                新规出台   本报讯(记者 于海)市里日前出台扶持小微企业的十条措施,涉及融资、用地和人才。\n\
                \x20 措施自下月起施行,有效期三年。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        ["麦浪滚滚 田间忙", "灯会开幕 古城夜色", "新规出台"]
    );
    let harvest = &p.articles[0];
    assert_eq!(harvest.kind, Kind::Photo);
    assert_eq!(harvest.byline.photographers, ["沈一凡"]);
    assert!(harvest.byline.reporters.is_empty());
    assert_eq!(texts(harvest, BlockKind::Caption).len(), 3);
    let lanterns = &p.articles[1];
    assert_eq!(lanterns.kind, Kind::Photo);
    assert_eq!(lanterns.byline.photographers, ["左立"]);
    // A report led by its dateline keeps its reporter.
    let report = &p.articles[2];
    assert_eq!(report.byline.reporters, ["于海"]);
    assert_eq!(report.kind, Kind::News);
}

#[test]
fn bracketed_words_set_out_the_parts_of_a_boxed_comment() {
    let text = "一只白鹭引来的围观（街头快评）\n\n【关键词】护鸟\n\n\
                【事件】上周，一只受伤的白鹭落在城郊公路上，过往司机停车护送。\n\n\
                【点评】\n\n\
                一只受伤的白鹭，为何让人驻足？\n\n\
                善待生灵，是城市文明的刻度。\n";
    let p = common::parse_and_check(text.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.title, "一只白鹭引来的围观");
    assert_eq!(a.column.as_deref(), Some("街头快评"));
    assert_eq!(texts(a, BlockKind::Heading), ["【关键词】护鸟", "【点评】"]);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 3);
    assert_eq!(a.kind, Kind::Commentary);
}

#[test]
fn a_headline_group_flattened_onto_a_line_at_the_margin_opens_an_article() {
    // Every paragraph indented; title and subtitle on one line at the margin, set apart by a space.
    let text = "A01版:要闻\n\n\
                港区复工 装卸量恢复九成   本报讯(记者 林舟)港区昨天全面复工,码头吊机重新转动,装卸量恢复到九成。\n\
                \x20 集装箱卡车在堆场排起长队,司机说等了两个小时。\n\
                \x20 港务公司说,本周末前积压的货物可全部运走。\n\
                城郊小麦开镰收割 今年亩产预计比去年略高,收购价稳中有升\n\
                \x20 连日来,城郊万亩小麦进入收获期,农机手抢抓晴好天气作业。\n\
                \x20 粮站负责人介绍,今年新麦品质好。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["港区复工 装卸量恢复九成", "城郊小麦开镰收割"]);
    let wheat = &p.articles[1];
    assert_eq!(
        wheat.subtitle.as_deref(),
        Some("今年亩产预计比去年略高，收购价稳中有升")
    );
    assert_eq!(texts(wheat, BlockKind::Paragraph).len(), 2);
    assert_eq!(texts(&p.articles[0], BlockKind::Paragraph).len(), 3);
}

#[test]
fn a_reprints_source_glued_after_the_text_ends_it_and_is_its_dateline() {
    let text = "A01版:要闻\n\n\
                新机组并网发电   1月1日晚,沿海一座核电站的新机组首次并网成功,开始向电网送电。 据中新社\n\
                菜篮子稳稳的   1月2日,一批满载新鲜蔬菜的保温车从批发市场出发,驰援外省。\n\
                \x20 网友纷纷点赞,说这是最实在的支援。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["新机组并网发电", "菜篮子稳稳的"]);
    let wire = &p.articles[0];
    assert_eq!(wire.dateline.as_deref(), Some("据中新社"));
    let text = texts(wire, BlockKind::Paragraph);
    assert_eq!(text.len(), 1);
    assert!(text[0].ends_with("送电。"), "{}", text[0]);
    assert_eq!(texts(&p.articles[1], BlockKind::Paragraph).len(), 2);
}

#[test]
fn a_photo_report_with_numbered_pictures_is_photo_news() {
    let text = "练兵场上比高低\n\n\
                连日来,某部在多个训练场开展练兵比武,官兵围绕射击、通信等课目展开角逐。\n\n\
                图1:比武标兵合影留念。图2:冠军分享喜悦。\n\n\
                林立摄影报道\n";
    let p = common::parse_and_check(text.as_bytes());
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::Photo);
    assert_eq!(a.byline.photographers, ["林立"]);
    assert!(texts(a, BlockKind::Paragraph).is_empty());
    assert_eq!(texts(a, BlockKind::Caption).len(), 2);
}

#[test]
fn a_web_exports_paper_and_date_under_the_headline_stay_in_the_article() {
    let text = "湖畔春色\n\n海滨日报 2024年03月05日\n\n\
                3月4日,市民在湖畔公园踏青赏花,岸边柳树抽出新芽。\n\n\
                本报记者 林立 摄\n\n\
                港区复工\n\n海滨日报 2024年03月06日\n\n\
                3月5日,港区码头一派繁忙景象,集装箱卡车排队进港。\n\n\
                本报记者 王超\n\
                通讯员 李明 摄\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["湖畔春色", "港区复工"]);
    assert_eq!(p.meta.date.as_deref(), Some("2024-03-05"));
    for a in &p.articles {
        assert_eq!(a.kind, Kind::Photo, "{}", a.title);
        assert_eq!(texts(a, BlockKind::Caption).len(), 1);
    }
    assert_eq!(p.articles[0].byline.photographers, ["林立"]);
    // The credit wrapped over two lines: both took the photo.
    assert_eq!(p.articles[1].byline.photographers, ["王超", "李明"]);
    assert!(p.articles[1].byline.reporters.is_empty());
}

#[test]
fn the_items_of_a_round_up_open_with_a_place_and_a_colon() {
    let text = "城南:老小区换上新路灯\n\n\
                \x20 日前,城南街道为三个老小区换上了新路灯,夜里出行亮堂多了。\n\n\
                \x20 河西:社区食堂开张\n\n\
                \x20 近日,河西社区食堂开张,老人用餐可享九折优惠。\n\n\
                \x20 北湖:引导居民\n\n\
                \x20 将垃圾分类落到实处\n\n\
                \x20 北湖社区组织志愿者入户宣传垃圾分类知识。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "城南：老小区换上新路灯",
            "河西：社区食堂开张",
            "北湖：引导居民"
        ]
    );
    assert_eq!(p.articles[2].kicker, None);
    assert_eq!(
        p.articles[2].subtitle.as_deref(),
        Some("将垃圾分类落到实处")
    );
}

#[test]
fn a_web_exports_source_line_is_page_furniture_that_dates_the_page() {
    for source in [
        "http://news.example.com 2006年11月02日08:07 江城晨报",
        "来源：江城日报 2006-11-02",
        "发布时间：2006年11月02日 08:30  来源：江城日报",
    ] {
        let text = format!(
            "花坛边的惊叫\n{source}\n\
             报料人说，一位老人经过花坛时发现一只手套，吓得大喊起来。\n\n\
             记者赶到现场，发现那只是一只染了红漆的手套。\n"
        );
        let p = common::parse_and_check(text.as_bytes());
        assert_eq!(titles(&p), ["花坛边的惊叫"], "{source}");
        assert_eq!(p.meta.date.as_deref(), Some("2006-11-02"), "{source}");
        assert_eq!(p.meta.section, None, "{source}");
        let a = &p.articles[0];
        assert_eq!(a.subtitle, None, "{source}");
        assert_eq!(texts(a, BlockKind::Paragraph).len(), 2, "{source}");
    }
}

#[test]
fn a_database_record_joins_headline_lines_with_a_hyphen_and_labels_author_and_page() {
    let text = "江城日报>19930525\n\n\
                巡线路上攻关从不停歇-老工程师扎根基层二十年完成技术革新百余项\n\n\
                作者:林一舟王晓\n\
                版面:头版\n\n\
                本报讯 林一舟、王晓报道:某供电局高级工程师扎根山区二十年,完成技术革新百余项。\n\
                他说,线路安全是最要紧的事。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(p.meta.date.as_deref(), Some("1993-05-25"));
    assert_eq!(p.meta.section.as_deref(), Some("头版"));
    assert_eq!(titles(&p), ["巡线路上攻关从不停歇"]);
    let a = &p.articles[0];
    assert_eq!(
        a.subtitle.as_deref(),
        Some("老工程师扎根基层二十年完成技术革新百余项")
    );
    assert_eq!(a.dateline.as_deref(), Some("本报讯"));
    assert_eq!(a.byline.reporters, ["林一舟", "王晓"]);
    assert!(a.byline.authors.is_empty());
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn an_outlets_name_after_a_flattened_headline_opens_the_credit_below_it() {
    let text = "A01版:要闻\n\n\
                港区复工装卸量恢复九成   港口昨日全面复工,装卸作业有序开展,货主们松了一口气。\n\
                湖城迎来小雨雪 明日最高温降至冰点以下,回暖要等到下周   江城晚报·江城新闻\n\
                记者 林一\n\n\
                \x20 昨天,湖城连续多日的晴暖天气格局被打破,多地迎来小雨雪。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["港区复工装卸量恢复九成", "湖城迎来小雨雪"]);
    let snow = &p.articles[1];
    assert_eq!(
        snow.subtitle.as_deref(),
        Some("明日最高温降至冰点以下，回暖要等到下周")
    );
    assert_eq!(snow.byline.reporters, ["林一"]);
    assert!(snow.byline.raw.iter().any(|r| r == "江城晚报·江城新闻"));
    assert_eq!(texts(snow, BlockKind::Paragraph).len(), 1);
}

#[test]
fn an_e_paper_article_pages_citation_under_the_headline_or_glued_to_the_byline_stays_in_it() {
    // Article pages of an e-paper, flattened to text: the citation line comes under the
    // headline (wire copy) or glued to the end of the byline or the author's name.
    let text = "长河日报 2025年04月08日 星期二\n\n第02版：要闻\n\n\
                全省春耕用水调度会议召开\n\n\
                《长河日报》（2025年04月08日第 02 版）\n\n\
                新华社南州4月7日电  全省春耕用水调度会议7日召开，会议部署了灌区放水工作。\n\n\
                会议要求，各地抓紧检修渠道，确保按时放水。\n\n\
                渠水清清润新苗\n\n\
                本报记者  林  一  王小二《长河日报》（2025年04月08日第 02 版）\n\n\
                清晨，灌区的闸门缓缓打开，渠水流进了返青的麦田。\n\n\
                老农说，今年的水来得比往年早。\n\n\
                守好一渠春水\n\n\
                何  川《长河日报》（2025年04月08日第 02 版）\n\n\
                春水贵如油，用好每一方水，是对土地的珍惜。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        ["全省春耕用水调度会议召开", "渠水清清润新苗", "守好一渠春水"]
    );
    assert_eq!(
        p.articles[0].dateline.as_deref(),
        Some("新华社南州4月7日电")
    );
    assert_eq!(texts(&p.articles[0], BlockKind::Paragraph).len(), 2);
    assert_eq!(p.articles[1].byline.reporters, ["林一", "王小二"]);
    assert_eq!(texts(&p.articles[1], BlockKind::Paragraph).len(), 2);
    assert_eq!(p.articles[2].byline.authors, ["何川"]);
    assert_eq!(texts(&p.articles[2], BlockKind::Paragraph).len(), 1);
    assert_eq!(p.meta.page.as_deref(), Some("02"));
}

#[test]
fn an_e_paper_feature_with_a_long_kicker_a_drawing_and_a_box_label_reads_as_one_article() {
    let text = "长河日报 2025年04月08日 星期二\n\n第10版：政治\n\n\
                某县窗口一干部私设收款码，截留上千笔办证费用——\n\n\
                办证费进了谁的口袋？（整治身边不正之风）\n\n\
                本报记者  林  一《长河日报》（2025年04月08日第 10 版）\n\n\
                方小舟绘\n\n\
                核心阅读\n\n\
                窗口收费本应公开透明，个别人却动起了歪心思。\n\n\
                去年春天，市民老周在窗口办证时发现，收款码竟是个人账户。\n\n\
                今年全省春茶产量突破五万吨，价格与去年基本持平略有上涨\n\n\
                茶山迎来采摘忙（产业新观察）\n\n\
                本报记者  王小二《长河日报》（2025年04月08日第 10 版）\n\n\
                清明前后，茶农们忙着采摘。\n\n\
                守住基层治理的底线\n\n\
                中共南州市委宣传部《长河日报》（2025年04月08日第 10 版）\n\n\
                基层治理千头万绪，底线只有一条。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "办证费进了谁的口袋？",
            "茶山迎来采摘忙",
            "守住基层治理的底线"
        ]
    );
    let fee = &p.articles[0];
    assert_eq!(
        fee.kicker.as_deref(),
        Some("某县窗口一干部私设收款码，截留上千笔办证费用——")
    );
    assert_eq!(fee.column.as_deref(), Some("整治身边不正之风"));
    assert_eq!(fee.byline.reporters, ["林一"]);
    assert_eq!(fee.byline.photographers, ["方小舟"]);
    assert_eq!(texts(fee, BlockKind::Heading), ["核心阅读"]);
    assert_eq!(texts(fee, BlockKind::Paragraph).len(), 2);
    let tea = &p.articles[1];
    assert_eq!(
        tea.kicker.as_deref(),
        Some("今年全省春茶产量突破五万吨，价格与去年基本持平略有上涨")
    );
    assert_eq!(tea.column.as_deref(), Some("产业新观察"));
    assert_eq!(p.articles[2].byline.authors, ["中共南州市委宣传部"]);
}

#[test]
fn web_reposts_note_the_printed_title_put_a_photo_over_the_lead_or_a_standfirst_over_the_byline() {
    let text = "港城企鹅馆迎来冬季开放，夜场延长到晚上八点半\n\
                图说：今天上午企鹅馆开馆迎客 林一 摄\n\
                \u{3000}\u{3000}江城晚报讯（记者 林一）冬天到港城，可以看企鹅孵蛋。\n\
                \u{3000}\u{3000}元旦期间，企鹅馆还将开放夜场。\n\n\
                智能问诊走进社区医院\n\
                （原标题：智能问诊来到家门口）\n\
                 看病排长队的情况，正在因为智能问诊而改变。数据和算法开始帮医生分诊。\n\n\
                ■本报记者 王小二\n\n\
                不久前，南州市社区医院开通了智能问诊。\n\n\
                医生说，问诊系统先问清症状，再给出建议。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "港城企鹅馆迎来冬季开放，夜场延长到晚上八点半",
            "智能问诊走进社区医院"
        ]
    );
    let zoo = &p.articles[0];
    assert_eq!(zoo.dateline.as_deref(), Some("江城晚报讯"));
    assert_eq!(zoo.byline.reporters, ["林一"]);
    assert_eq!(texts(zoo, BlockKind::Caption).len(), 1);
    let clinic = &p.articles[1];
    assert_eq!(clinic.byline.reporters, ["王小二"]);
    assert!(clinic.byline.photographers.is_empty());
    let paragraphs = texts(clinic, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 3);
    assert!(!paragraphs.iter().any(|t| t.contains("原标题")));
}

#[test]
fn a_report_credited_by_role_alone_goes_on_past_its_headings_to_the_names_at_its_end() {
    let text = "长河日报 2025年04月08日 星期二\n\n第01版：要闻\n\n\
                南州市政府办公厅印发《关于做好春耕用水工作的通知》\n\n\
                《长河日报》（2025年04月08日第 01 版）\n\n\
                新华社南州4月7日电  近日，南州市政府办公厅印发通知，部署春耕用水工作。\n\n\
                通知要求，各地抓紧检修渠道。\n\n\
                春耕用水调度有序推进\n\n\
                本报记者《长河日报》（2025年04月08日第 01 版）\n\n\
                入春以来，各地抓紧部署春耕用水，灌区陆续开闸放水。\n\n\
                压实责任  明确任务\n\n\
                各地第一时间研究部署，把任务落实到每一条渠道。\n\n\
                深入田间  走深走实\n\n\
                水利干部走进田间地头，帮农户解决用水难题。\n\n\
                （本报记者林一鸣、王小二、张三丰、李四海、赵五六、钱七星、孙八方、周九州、吴十一、郑十二、冯十三、陈十四、褚十五、卫十六、蒋十七）\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "南州市政府办公厅印发《关于做好春耕用水工作的通知》",
            "春耕用水调度有序推进"
        ]
    );
    assert_eq!(
        p.articles[0].dateline.as_deref(),
        Some("新华社南州4月7日电")
    );
    let water = &p.articles[1];
    assert_eq!(
        texts(water, BlockKind::Heading),
        ["压实责任  明确任务", "深入田间  走深走实"]
    );
    assert_eq!(water.byline.reporters.len(), 15);
    assert_eq!(water.byline.reporters[0], "林一鸣");
    assert_eq!(texts(water, BlockKind::Paragraph).len(), 3);
}

#[test]
fn a_short_line_in_a_dated_report_with_no_credit_of_its_own_after_it_is_a_heading() {
    // One line per paragraph, paragraphs indented, the heading indented too.
    let text = "港城春节最高气温可达二十五度\n\
                本报讯(记者林一 通讯员王小二)春节期间全省天气比较理想,适宜出行。\n\
                \u{3000}\u{3000}港城春节最高28.4℃\n\
                \u{3000}\u{3000}近期港城天气暖和,水仙等花卉早早开放,市民身上的衣物也少了。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["港城春节最高气温可达二十五度"]);
    let a = &p.articles[0];
    assert_eq!(texts(a, BlockKind::Heading), ["港城春节最高28.4℃"]);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn an_e_paper_article_pages_summary_lines_without_final_marks_are_paragraphs_of_their_own() {
    // Article pages of an e-paper print each paragraph whole: two summary lines without final
    // punctuation open the commentary, and neither is the head of a paragraph cut by a column.
    let text = "人民论坛\n\n\
                春耕时节看田间新变化（田野观察）\n\n\
                林  一《长河日报》（2025年04月08日第 05 版）\n\n\
                用科技的力量耕好责任田，用实干的作风守住大粮仓\n\n\
                农时不等人，春耕备耕的每一天都连着一年的收成\n\n\
                走进长河平原，处处是忙碌的景象。无人机在田间穿梭，智能农机来回作业。\n\n\
                新技术正在改变种地的方式，也改变着种地人的收入。\n\n\
                田间地头，新技术唱主角\n\n\
                今年全县新添了一批智能农机。不妨从一台播种机的一天说起——\n\n\
                天刚亮，它就开进了地里。\n\n\
                宽敞的道路通到村口（地方传真）\n\n\
                王小二《长河日报》（2025年04月08日第 05 版）\n\n\
                村里新修的道路通到了每家每户的门口。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["春耕时节看田间新变化", "宽敞的道路通到村口"]);
    let paragraphs = texts(&p.articles[0], BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 6);
    // After the text's first sentence, a short line without a mark is a section heading; a
    // line running on into the next with a dash is a paragraph.
    assert_eq!(
        texts(&p.articles[0], BlockKind::Heading),
        ["田间地头，新技术唱主角"]
    );
    assert_eq!(
        paragraphs[0],
        "用科技的力量耕好责任田，用实干的作风守住大粮仓"
    );
    assert_eq!(
        paragraphs[1],
        "农时不等人，春耕备耕的每一天都连着一年的收成"
    );
    // Nothing was joined, so nothing is reported as joined.
    assert!(
        !p.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::LeadJoined)
    );
}

#[test]
fn a_numbered_series_label_over_a_packages_title_is_the_column_of_the_pieces_under_it() {
    let text = "大家谈·扎根基层  建功乡村③\n\n\
                在奔赴中成长\n\n\
                基层意味着什么？本期我们选刊两篇来稿，与读者分享作者的所思所得。\n\n\
                ——编  者\n\n\
                一本日记\n\n\
                林小雨\n\n\
                到村里的第一天，我开始写日记。\n\n\
                一片果园\n\n\
                王小二\n\n\
                三年前，村口还是一片荒坡。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["一本日记", "一片果园"]);
    for a in &p.articles {
        assert_eq!(a.column.as_deref(), Some("大家谈·扎根基层  建功乡村③"));
    }
    assert_eq!(p.articles[0].byline.authors, ["林小雨"]);
    assert_eq!(p.articles[1].byline.authors, ["王小二"]);
}

#[test]
fn a_package_opening_with_pictures_gives_its_column_to_its_reports_until_the_next_e_paper_item() {
    // One article page of an e-paper: the package's headline with its column, a row of
    // pictures, the editor's note, and the reports under it; then the next article page.
    let text = "踏青正当时  乡村客流旺（经济聚焦）\n\n\
                《长河日报》（2025年04月08日第 08 版）\n\n\
                南山镇，游客在茶园里体验采茶。\n\n\
                林  一摄（长河视觉）\n\n\
                北湖区，湖边的桃花开了。\n\n\
                本报记者  王小二摄\n\n\
                西坪村，孩子们在花田里放风筝。\n\n\
                张三丰摄（长河视觉）\n\n\
                春光正好，各地的乡村迎来了踏青的人。\n\n\
                ——编  者\n\n\
                南山镇——\n\n\
                茶园里的一天\n\n\
                本报记者  李四海\n\n\
                天刚亮，茶园里就来了第一批游客。\n\n\
                北湖区——\n\n\
                湖边看花去\n\n\
                本报记者  王小二\n\n\
                湖边的步道上，赏花的人越来越多。\n\n\
                小店有了保障  店主更安心\n\n\
                本报记者  赵五六《长河日报》（2025年04月08日第 08 版）\n\n\
                清早六点，早点铺的灯就亮了，店主忙着和面。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "踏青正当时  乡村客流旺",
            "茶园里的一天",
            "湖边看花去",
            "小店有了保障  店主更安心"
        ]
    );
    let photos = &p.articles[0];
    assert_eq!(texts(photos, BlockKind::Caption).len(), 3);
    assert_eq!(photos.byline.photographers, ["林一", "王小二", "张三丰"]);
    let columns: Vec<Option<&str>> = p.articles.iter().map(|a| a.column.as_deref()).collect();
    assert_eq!(
        columns,
        [Some("经济聚焦"), Some("经济聚焦"), Some("经济聚焦"), None]
    );
}

#[test]
fn a_bracketed_column_under_the_title_an_author_note_and_a_teams_credit_are_read() {
    // A column in square brackets under the title; an author note naming the author; a team's
    // credit, labelled, with the correspondent's prefix glued to the last reporter's name.
    let text = "长河日报 2021年08月11日 星期三\n\n\
                夜市里的城市温度\n\
                【长河时评】\n\
                入夜，老街的夜市亮起灯来。摊主们支起小桌，游客们循着香味而来。\n\
                城市的温度，藏在这些烟火气里。\n\
                （作者：林小雨，系长河大学城市研究院研究员）\n\n\
                同舟共济，江上争先\n\
                【学子体验】\n\
                号子声声，桨叶翻飞，校队的小船在江面上一路领先。\n\
                （调研团队：本报记者王小二、张三丰本报通讯员李四海）\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["夜市里的城市温度", "同舟共济，江上争先"]);
    let note = &p.articles[0];
    assert_eq!(note.column.as_deref(), Some("长河时评"));
    assert_eq!(note.byline.authors, ["林小雨"]);
    let boats = &p.articles[1];
    assert_eq!(boats.column.as_deref(), Some("学子体验"));
    assert!(texts(boats, BlockKind::Heading).is_empty());
    assert_eq!(boats.byline.reporters, ["王小二", "张三丰"]);
    assert_eq!(boats.byline.correspondents, ["李四海"]);
}

#[test]
fn a_dateline_and_reporters_in_brackets_at_the_end_close_an_international_report() {
    // International pages print the dateline and the reporters in brackets after the text; the
    // next headline, with no credit of its own under it, opens the next report.
    let text = "长河日报 2021年08月11日 星期三\n\n\
                港口城市迎来旅游旺季\n\
                入夏以来，这座港口城市的游客明显增多，海滨步道上人来人往。\n\
                当地旅游部门表示，今年的游客人数有望创下新高。\n\
                （本报里斯本8月10日电本报驻里斯本记者林小雨）\n\n\
                古城音乐节落幕\n\
                为期一周的古城音乐节9日晚落下帷幕，来自各国的乐队轮番登台。\n\
                （新华社罗马8月10日电记者王小二参与记者张三丰）\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["港口城市迎来旅游旺季", "古城音乐节落幕"]);
    assert_eq!(
        p.articles[0].dateline.as_deref(),
        Some("本报里斯本8月10日电")
    );
    assert_eq!(p.articles[0].byline.reporters, ["林小雨"]);
    assert_eq!(texts(&p.articles[0], BlockKind::Paragraph).len(), 2);
    assert_eq!(
        p.articles[1].dateline.as_deref(),
        Some("新华社罗马8月10日电")
    );
    assert_eq!(p.articles[1].byline.reporters, ["王小二", "张三丰"]);
}

#[test]
fn several_captioned_pictures_between_a_headline_and_its_dateline_lead_stay_with_the_report() {
    let text = "中考首日秩序井然\n\
                考场外，家长们撑着伞在路边等候 江滨晚报记者 林一摄\n\
                考完语文的学生笑着走出校门 江滨晚报记者 林一摄\n\
                江滨晚报讯 记者王小二、通讯员张三丰报道：6月16日，中考首日，全市考点一切正常。\n\
                全市四万余名初三学生走进考场，交通部门在各考点外设了护考岗。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["中考首日秩序井然"]);
    let a = &p.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("江滨晚报讯"));
    assert_eq!(texts(a, BlockKind::Caption).len(), 2);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(a.byline.reporters, ["王小二"]);
    assert_eq!(a.byline.correspondents, ["张三丰"]);
    assert_eq!(a.byline.photographers, ["林一"]);
}

#[test]
fn a_label_over_an_e_paper_article_page_of_briefs_is_each_briefs_column() {
    // One article page of an e-paper holds a run of briefs under a label; the next article page
    // starts with its own headline and citation.
    let text = "新年第一天的城市\n\n\
                本报记者  林小雨《长河日报》（2026年01月08日第 07 版）\n\n\
                1月1日上午，地铁站里人来人往。\n\n\
                各地快讯\n\n\
                《长河日报》（2026年01月08日第 07 版）\n\n\
                山区春茶开采\n\n\
                本报南州1月7日电  （通讯员王小二）1月1日，山区首批春茶开采。\n\n\
                江城推出便民集市地图\n\n\
                江城日报江城1月7日电  （记者张三丰）日前，江城发布便民集市电子地图。\n\n\
                小区里的议事会\n\n\
                本报记者  李四海《长河日报》（2026年01月08日第 07 版）\n\n\
                前不久，小区居民坐在一起商量停车的事。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "新年第一天的城市",
            "山区春茶开采",
            "江城推出便民集市地图",
            "小区里的议事会"
        ]
    );
    let columns: Vec<Option<&str>> = p.articles.iter().map(|a| a.column.as_deref()).collect();
    assert_eq!(columns, [None, Some("各地快讯"), Some("各地快讯"), None]);
}

#[test]
fn a_films_still_with_its_source_under_a_creative_note_is_a_caption_not_a_paragraph() {
    // An e-paper's article page flattens a picture's caption and source onto one line, then
    // prints them again on lines of their own.
    let text = "《小镇》：写给故乡的信（创作谈）\n\n\
                林小雨《长河日报》（2026年01月08日第 20 版）\n\n\
                电影《小镇》剧照。\u{3000}\u{3000}片方提供\n\n\
                电影《小镇》剧照。\n\n\
                片方提供\n\n\
                小时候，我常在镇口的老槐树下听老人讲故事。\n\n\
                拍这部电影，是想把那些故事讲给更多人听。\n\n\
                （作者为电影导演）\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["《小镇》：写给故乡的信"]);
    let a = &p.articles[0];
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(texts(a, BlockKind::Caption).len(), 3);
}

#[test]
fn pictures_between_a_signed_headline_and_the_text_stay_in_the_article_as_captions() {
    // An e-paper's article page: each caption printed twice, the last with the pictures'
    // credit after a wide gap and again on its own line, then the text.
    let text = "新年，从“同心桥”出发\n\n\
                本报记者  林小雨《长河日报》（2026年01月08日第 07 版）\n\n\
                一对新人在登记处合影留念。\n\n\
                一对新人在登记处合影留念。\n\n\
                同心桥婚姻登记处。\u{3000}\u{3000}以上图片均为长河日报记者王小二摄\n\n\
                同心桥婚姻登记处。\n\n\
                以上图片均为长河日报记者王小二摄\n\n\
                1月1日上午，地铁站里的婚姻登记处迎来了许多新人。\n\n\
                登记处设在地铁站里，方便了上班的年轻人。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["新年，从“同心桥”出发"]);
    let a = &p.articles[0];
    assert_eq!(a.byline.reporters, ["林小雨"]);
    assert_eq!(a.byline.photographers, ["王小二"]);
    assert_eq!(texts(a, BlockKind::Caption).len(), 4);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn an_editors_note_signed_under_an_articles_pictures_is_not_its_text() {
    let text = "北方小城的冬天不再冷清\n\n\
                江北日报记者  林小雨《长河日报》（2026年01月08日第 07 版）\n\n\
                游客在雪原上乘坐狗拉雪橇。\n\n\
                游客在雪原上乘坐狗拉雪橇。\n\n\
                以上图片均为江北市融媒体中心提供\n\n\
                寒冷也能变成资源。本版即日起推出系列报道，讲述各地的新做法。\n\n\
                ——编  者\n\n\
                入冬以后，江北小城的夜里常常滴水成冰。\n\n\
                来自南方的游客却络绎不绝，旅馆早早订满。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["北方小城的冬天不再冷清"]);
    let a = &p.articles[0];
    assert_eq!(
        texts(a, BlockKind::Paragraph),
        [
            "入冬以后，江北小城的夜里常常滴水成冰。",
            "来自南方的游客却络绎不绝，旅馆早早订满。"
        ]
    );
    assert!(texts(a, BlockKind::Heading).is_empty());
    assert_eq!(texts(a, BlockKind::Caption).len(), 3);
}

#[test]
fn web_copies_of_business_pages_give_decks_bare_reporters_filing_places_and_contact_lines() {
    // Paragraphs indented; a deck without final mark and the reporter's bare name under a
    // title; `发自某地` and `综合报道` after a reporter's name; a contact line between articles.
    let text = "江城电信推出新套餐 资费下调两成\n\
                \u{3000}\u{3000}本报记者 林小雨 发自江城\n\
                \u{3000}\u{3000}昨日，江城电信发布公告称，将于下月推出新套餐。\n\
                \u{3000}\u{3000}分析人士认为，资费下调将带动用户增长。\n\
                栏目投稿邮箱：news@example.cn\n\
                老牌厂商意外退出 新公司接手\n\
                \u{3000}\u{3000}业内人士称，行业分成受压，老牌厂商难以为继\n\
                \u{3000}\u{3000}王小二\n\
                \u{3000}\u{3000}《江城经济新闻》昨日获悉，老牌厂商已退出该项目。\n\
                \u{3000}\u{3000}新公司负责人接受《江城经济新闻》采访时证实了这一消息。\n\
                海外设备商亏损扩大 裁员四千人\n\
                \u{3000}\u{3000}本报记者张三丰综合报道\n\
                \u{3000}\u{3000}某设备商昨日公布财报，上半年亏损超过一亿欧元。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "江城电信推出新套餐 资费下调两成",
            "老牌厂商意外退出 新公司接手",
            "海外设备商亏损扩大 裁员四千人"
        ]
    );
    assert_eq!(p.articles[0].byline.reporters, ["林小雨"]);
    assert_eq!(texts(&p.articles[0], BlockKind::Paragraph).len(), 2);
    let second = &p.articles[1];
    assert_eq!(
        second.subtitle.as_deref(),
        Some("业内人士称，行业分成受压，老牌厂商难以为继")
    );
    assert_eq!(second.byline.reporters, ["王小二"]);
    assert_eq!(p.articles[2].byline.reporters, ["张三丰"]);
    assert!(
        p.unassigned
            .iter()
            .any(|f| f.text == "栏目投稿邮箱：news@example.cn")
    );
}

#[test]
fn a_series_note_under_a_reports_headline_and_illustration_leaves_the_report_whole() {
    // The first report of a series: headline, byline, an illustration with its artist and
    // source, the editor's note opening the series, then the report's text.
    let text = "江城设专门窗口，替群众解难题\n\n\
                两年过去，投诉窗口清闲了（作风新观察）\n\n\
                本报记者  林小雨《长河日报》（2025年06月03日第 14 版）\n\n\
                王  二绘\n\n\
                （《漫画月刊》供图）\n\n\
                编者按：作风建设永远在路上。本版今起推出“作风新观察”系列报道，敬请关注。\n\n\
                记者日前来到江城政务中心，办事的人在各窗口前排着队。\n\n\
                “难办的事少了，来投诉的人也就少了。”窗口工作人员说。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["两年过去，投诉窗口清闲了"]);
    let a = &p.articles[0];
    assert_eq!(a.column.as_deref(), Some("作风新观察"));
    assert_eq!(a.byline.reporters, ["林小雨"]);
    assert_eq!(a.byline.photographers, ["王二"]);
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 2);
}

#[test]
fn an_illustration_under_a_reports_byline_credited_with_a_label_or_twice_keeps_the_report_whole() {
    let text = "新工种来了（经济新观察）\n\n\
                本报记者  林小雨《长河日报》（2025年04月08日第 02 版）\n\n\
                漫画绘制：王  二（长河社发）\n\n\
                今年以来，一批新工种走进了人们的视野。\n\n\
                记者采访了几位从业者。\n\n\
                一桩旧事这样了结（作风新观察）\n\n\
                本报记者  张三丰《长河日报》（2025年04月08日第 02 版）\n\n\
                李  四绘（《漫画月刊》供图）\n\n\
                李  四绘（《漫画月刊》供图）\n\n\
                老街的尽头，有一片荒地闲置了好些年。\n\n\
                事情要从十年前说起。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["新工种来了", "一桩旧事这样了结"]);
    assert_eq!(p.articles[0].byline.photographers, ["王二"]);
    assert_eq!(texts(&p.articles[0], BlockKind::Paragraph).len(), 2);
    assert_eq!(p.articles[1].byline.reporters, ["张三丰"]);
    assert_eq!(p.articles[1].byline.photographers, ["李四"]);
    assert_eq!(texts(&p.articles[1], BlockKind::Paragraph).len(), 2);
}

#[test]
fn a_charts_source_and_credit_under_a_signed_report_stay_with_it() {
    // A chart's caption with its source and credit on one line, then its parts again on lines
    // of their own, the credit as a page's credit line is printed, then a quotation with its
    // source and the report's text.
    let text = "江城政务数据跑出加速度（数据观察）\n\n\
                本报记者  林小雨《长河日报》（2026年01月08日第 06 版）\n\n\
                数据来源：江城市数据局\u{3000}\u{3000}江城市统计局\u{3000}\u{3000}制图：王小二\n\n\
                数据来源：江城市数据局\n\n\
                江城市统计局\n\n\
                制图：王小二\n\n\
                让数据多跑路，让群众少跑腿。\n\n\
                ——摘自江城市政务服务规划\n\n\
                办一张居住证，如今在手机上几分钟就能办完。\n\n\
                江城市数据局负责人说，下一步将有更多事项搬到网上。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["江城政务数据跑出加速度"]);
    let a = &p.articles[0];
    assert_eq!(a.byline.reporters, ["林小雨"]);
    assert_eq!(a.byline.photographers, ["王小二"]);
    assert_eq!(texts(a, BlockKind::Caption).len(), 3);
    assert!(texts(a, BlockKind::Heading).is_empty());
    assert_eq!(
        texts(a, BlockKind::Paragraph).last().copied(),
        Some("江城市数据局负责人说，下一步将有更多事项搬到网上。")
    );
    assert!(p.meta.editors.is_empty());
}

#[test]
fn a_reporter_glued_after_the_leads_last_sentence_is_credited_and_the_report_goes_on() {
    let text = "联赛揭幕战 主队开门红\n\
                江城商报消息 昨晚，城市足球联赛揭幕，主队以二比零取胜，赢得满堂彩。本报记者 林小雨\n\
                看点一：新人亮相\n\
                三名新援首发登场\n\
                三名新加盟的球员在首发阵容中格外显眼。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["联赛揭幕战 主队开门红"]);
    let a = &p.articles[0];
    assert_eq!(a.dateline.as_deref(), Some("江城商报消息"));
    assert_eq!(a.byline.reporters, ["林小雨"]);
    let paragraphs = texts(a, BlockKind::Paragraph);
    assert_eq!(
        paragraphs.first().copied(),
        Some("昨晚，城市足球联赛揭幕，主队以二比零取胜，赢得满堂彩。")
    );
    assert_eq!(paragraphs.len(), 2);
}

#[test]
fn a_dated_photo_caption_between_headline_and_lead_is_a_caption_not_a_subtitle() {
    let text = "一批新药运抵江城\n\
                8月2日，一批新药运抵江城市中心医院\n\
                江城日报讯 （记者/林小雨）8月2日，一批新药运抵江城，将尽快用于临床。\n\
                江城日报记者 王小二 摄\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["一批新药运抵江城"]);
    let a = &p.articles[0];
    assert_eq!(a.subtitle, None);
    assert_eq!(
        texts(a, BlockKind::Caption),
        ["8月2日，一批新药运抵江城市中心医院"]
    );
    assert_eq!(a.byline.reporters, ["林小雨"]);
    assert_eq!(a.byline.photographers, ["王小二"]);
}

#[test]
fn a_database_export_of_web_copies_is_read_article_by_article() {
    // Articles set apart by blank lines, paragraphs one to a line with none between them; a
    // web page's line of facts under a title, editor lines in brackets, a dateline naming two
    // outlets, a teaser pointing to another page.
    let text = "江城教育报\n2026年10月14日 星期三\n\n\
                江城新建三所口袋学校\n\
                江城教育报-江城教育网讯（记者 林小雨） 10月13日，江城三所社区学校同时开学，附近居民的孩子可以就近入学。\n\
                学校由旧厂房改建而成，每所可容纳两百名学生。\n\
                明年还将再建两所。\n\
                [ 责编：王小二 ]\n\n\
                老城区的夜校火了\n\
                2026-10-13 来源：江城教育报作者:张三丰 李四海\n\
                晚上七点，长河街道的夜校里坐满了学员，书法、茶艺和手机摄影课都很受欢迎。\n\
                夜校的课程由居民投票决定，每期八周。\n\
                报名的人越来越多，街道准备再开两个班。\n\
                来源：江城教育报\n\n\
                长河两岸的夏夜有多美？\n\n\
                （A04）\n";
    let p = kanbao_parse::parse_bytes(text.as_bytes(), "web.txt");
    assert_eq!(
        titles(&p),
        [
            "江城新建三所口袋学校",
            "老城区的夜校火了",
            "长河两岸的夏夜有多美？"
        ]
    );
    let first = &p.articles[0];
    assert_eq!(first.dateline.as_deref(), Some("江城教育报-江城教育网讯"));
    assert_eq!(first.byline.reporters, ["林小雨"]);
    let second = &p.articles[1];
    assert_eq!(second.byline.authors, ["张三丰", "李四海"]);
    let paragraphs = second
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    assert_eq!(
        paragraphs, 3,
        "the line of facts and the source are not text"
    );
    assert!(p.articles[2].blocks.is_empty());
    assert_eq!(p.meta.editors, ["责编:王小二"]);
}

#[test]
fn quotations_signed_by_their_speakers_a_cut_credit_and_a_signing_post() {
    let text = "江城日报\n2026年11月5日 星期四\n\n\
                城市更新要算长远账\n\n\
                城市更新不是推倒重来，而要把老街区的烟火气留下来。\n\
                更新的成效，要看居民是否愿意留下来。（南州大学城市规划学院教授 李四海）\n\n\
                夜市回来了\n\
                江城晚报讯（记者\n\
                王小二）5日晚，长河边的夜市重新开张，三十多个摊位坐满了人。\n\
                摊主们说，今年的生意比去年好。\n\n\
                “夜市开到家门口，晚饭后多了个去处。”\n\n\
                ——长河村村民张三丰\n\n\
                社区书屋开门了\n\
                江城晚报讯（记者 林小雨）6日，长河街道的社区书屋开门迎客。\n";
    let p = kanbao_parse::parse_bytes(text.as_bytes(), "quotes.txt");
    assert_eq!(
        titles(&p),
        ["城市更新要算长远账", "夜市回来了", "社区书屋开门了"]
    );
    assert_eq!(p.articles[0].byline.authors, ["李四海"]);
    let night = &p.articles[1];
    assert_eq!(night.dateline.as_deref(), Some("江城晚报讯"));
    assert_eq!(night.byline.reporters, ["王小二"]);
    let said = texts(night, BlockKind::Paragraph);
    assert!(said[0].starts_with("5日晚"), "{said:?}");
    assert_eq!(
        said.last(),
        Some(&"——长河村村民张三丰"),
        "a speaker's line closes the quotation above"
    );
    assert_eq!(p.articles[2].kicker, None, "and heads no article");
}

#[test]
fn a_picture_issued_by_an_agency_makes_its_item_a_photo() {
    let text = "江城日报\n2026年8月10日 星期一\n\n\
                长河：城市书房迎来第一千位读者\n\n\
                长河市民政局供稿（记者 林小雨）长河第一座城市书房昨日迎来第一千位读者，书房将延长开放时间。\n\n\
                南州：双胞胎小熊猫满一岁\n\
                8月8日，在南州动物园，游客为双胞胎小熊猫庆祝一岁生日。动物园当天为它们准备了特制的果冻蛋糕。新华社发\n";
    let p = kanbao_parse::parse_bytes(text.as_bytes(), "agency.txt");
    let photo = p.articles.last().unwrap();
    assert_eq!(photo.title, "南州：双胞胎小熊猫满一岁");
    assert_eq!(photo.kind, Kind::Photo);
    let captions = texts(photo, BlockKind::Caption);
    assert_eq!(captions.len(), 1);
    assert!(captions[0].ends_with("果冻蛋糕。"), "{captions:?}");
    assert!(texts(photo, BlockKind::Paragraph).is_empty());
    assert_eq!(photo.byline.raw, ["新华社发"]);
}

#[test]
fn an_editors_note_signed_under_an_articles_pictures_opens_its_text_and_headings() {
    let text = "江城日报\n2026年1月9日 星期五\n\n\
                老街区换新颜（城市新实践）\n\n\
                本报记者  林小雨\n\n\
                长河区一处老旧小区加装了电梯。\n\n\
                王小二摄\n\n\
                南州市民在口袋公园里健身。\n\n\
                张三丰摄\n\n\
                城市更新关系千家万户。本版今天刊发几位委员的建议。\n\n\
                老街区怎样改，改了怎样管？\n\n\
                ——编  者\n\n\
                完善配套政策\n\n\
                找到可持续的办法\n\n\
                “老旧小区改造是今年协商的重点之一。”委员们在调研中了解到，各地已经摸索出不少办法。\n\n\
                改造资金从哪里来，是居民最关心的问题。\n";
    let p = kanbao_parse::parse_bytes(text.as_bytes(), "note.txt");
    assert_eq!(titles(&p), ["老街区换新颜"]);
    let a = &p.articles[0];
    assert_eq!(a.column.as_deref(), Some("城市新实践"));
    assert_eq!(a.byline.reporters, ["林小雨"]);
    assert_eq!(a.byline.photographers, ["王小二", "张三丰"]);
    assert_eq!(
        texts(a, BlockKind::Heading),
        ["完善配套政策", "找到可持续的办法"]
    );
    assert_eq!(
        texts(a, BlockKind::Paragraph).len(),
        2,
        "the note is not the text"
    );
}

#[test]
fn a_page_hard_wrapped_at_its_columns_width_is_read_paragraph_by_paragraph() {
    // The text layer of a printed page: every line ends where the column does.
    let page = "江城日报\n2026年3月5日 星期四\n\n\
                江城新建三座口袋公园\n\
                本报讯（记者 林小雨 通讯员\n\
                王小二）近日，江城三座口袋公\n\
                园建成开放，附近居民可以就近\n\
                散步健身，孩子们也有了玩耍的\n\
                地方。公园由旧厂房空地改建而\n\
                成，面积一万平方米。\n\
                明年还将再建两座，选址由居民\n\
                投票决定，市民可在网上提出建\n\
                议，也可以拨打热线电话。\n\n\
                长河夜市重新开张\n\
                本报讯（记者 张三丰）5日晚，\n\
                长河边的夜市重新开张，三十多\n\
                个摊位坐满了人。摊主们说，今\n\
                年的生意比去年好，游客也比去\n\
                年多了不少，周末尤其热闹。\n";
    for text in [page.to_owned(), page.replace('\n', "\r\n")] {
        let p = common::parse_and_check(text.as_bytes());
        assert_eq!(titles(&p), ["江城新建三座口袋公园", "长河夜市重新开张"]);
        let parks = &p.articles[0];
        assert_eq!(parks.dateline.as_deref(), Some("本报讯"));
        assert_eq!(parks.byline.reporters, ["林小雨"]);
        assert_eq!(parks.byline.correspondents, ["王小二"]);
        assert_eq!(
            texts(parks, BlockKind::Paragraph),
            [
                "近日，江城三座口袋公园建成开放，附近居民可以就近散步健身，孩子们也有了玩耍的地方。公园由旧厂房空地改建而成，面积一万平方米。",
                "明年还将再建两座，选址由居民投票决定，市民可在网上提出建议，也可以拨打热线电话。"
            ]
        );
        let market = &p.articles[1];
        assert_eq!(market.byline.reporters, ["张三丰"]);
        assert_eq!(texts(market, BlockKind::Paragraph).len(), 1);
    }
}

#[test]
fn a_bare_name_on_the_front_page_is_a_reporter_by_the_page_alone_and_so_reported() {
    let text = "江城日报\n2026年7月23日 星期四\n第1版：要闻\n\n\
                老城区的口袋公园开园了\n\
                林小雨\n\n\
                近日，长河区三座口袋公园同时开园，附近居民可以就近散步健身。\n\n\
                公园由旧厂房空地改建而成，面积一万平方米。\n";
    let p = kanbao_parse::parse_bytes(text.as_bytes(), "front.txt");
    assert_eq!(p.meta.page.as_deref(), Some("1"));
    let a = &p.articles[0];
    assert_eq!(a.byline.reporters, ["林小雨"]);
    let guessed: Vec<_> = p
        .diagnostics
        .iter()
        .filter(|d| d.code == DiagnosticCode::RoleGuessed)
        .collect();
    assert_eq!(guessed.len(), 1, "{:?}", p.diagnostics);
    // The text speaking of its reporter settles it: nothing to report.
    let told = text.replace("附近居民", "居民告诉记者，附近居民");
    let p = kanbao_parse::parse_bytes(told.as_bytes(), "front.txt");
    assert_eq!(p.articles[0].byline.reporters, ["林小雨"]);
    assert!(
        p.diagnostics
            .iter()
            .all(|d| d.code != DiagnosticCode::RoleGuessed)
    );
}

#[test]
fn web_copies_of_a_hotline_column_keep_each_headline_over_its_stamp_and_writer() {
    let text = "【曝光台】江城广场：有人挥棒打果子\n\n\
                更新:2019-09-02 10:45:12       来源: 江城晚报 \n\n\
                分享到:\n手机读报看新闻,下载掌上江城\n\
                作者:□本报社区记者 赵小阳    编辑:庞小月\n\n\
                正值金秋时节，江城广场的银杏树硕果累累。\n\n\
                8月29日下午，社区记者路过广场，听到一阵打叶声。\n\n\
                谁负责清扫是个“谜”？ 滨河路人行通道内垃圾堆积\n\n\
                更新:2019-09-17 11:04:27       来源: 江城晚报 \n\n\
                分享到:\n手机读报看新闻,下载掌上江城\n\
                作者: □本报记者 周小禾    编辑:庞小月\n\n\
                近日，市民张先生向本报热线反映，通道内垃圾堆积。\n\n\
                9月12日上午，记者前往现场采访。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(
        titles(&p),
        [
            "江城广场：有人挥棒打果子",
            "谁负责清扫是个“谜”？ 滨河路人行通道内垃圾堆积"
        ]
    );
    assert_eq!(p.articles[0].column.as_deref(), Some("曝光台"));
    assert_eq!(p.articles[0].byline.reporters, ["赵小阳"]);
    assert_eq!(p.articles[1].byline.reporters, ["周小禾"]);
    for a in &p.articles {
        assert_eq!(texts(a, BlockKind::Paragraph).len(), 2, "{}", a.title);
    }
}

#[test]
fn headings_set_as_the_text_under_a_title_at_the_margin_stay_in_the_report() {
    // A web copy: the title and the lead at the margin, the rest of the report indented, its
    // section headings with it; the last heading a question.
    let text = "江边步道全线贯通\n\n\
                江城晚报讯（记者 林一）江边步道昨日全线贯通，市民可沿江步行十公里。\n\n\
                \u{3000}\u{3000}步道串起三座公园\n\n\
                \u{3000}\u{3000}步道自北向南，串起滨江、望江和临江三座公园。\n\n\
                \u{3000}\u{3000}沿途设有十处驿站\n\n\
                \u{3000}\u{3000}每座驿站都有饮水点和休息座椅。\n\n\
                \u{3000}\u{3000}夜间照明如何安排？\n\n\
                \u{3000}\u{3000}步道全程安装了节能路灯，晚上十点后调暗。\n\n\
                城北新建两所小学\n\n\
                江城晚报快讯（记者 方二）城北两所新建小学将于九月开学。\n\n\
                两所学校共设六十个班。\n";
    let p = common::parse_and_check(text.as_bytes());
    assert_eq!(titles(&p), ["江边步道全线贯通", "城北新建两所小学"]);
    let a = &p.articles[0];
    assert_eq!(
        texts(a, BlockKind::Heading),
        ["步道串起三座公园", "沿途设有十处驿站", "夜间照明如何安排？"]
    );
    assert_eq!(texts(a, BlockKind::Paragraph).len(), 4);
    assert_eq!(a.byline.reporters, ["林一"]);
    let b = &p.articles[1];
    assert_eq!(b.dateline.as_deref(), Some("江城晚报快讯"));
    assert_eq!(b.byline.reporters, ["方二"]);
}
