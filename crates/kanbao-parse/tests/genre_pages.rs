//! Pages written in the genre, one convention after another, checked fact by fact.

mod common;

use common::{page, texts, titles};

use kanbao_parse::{Article, BlockKind, DiagnosticCode, Encoding, Kind, Page, Why};

fn fragments(page: &Page, why: Why) -> Vec<&str> {
    page.unassigned
        .iter()
        .filter(|f| f.why == why)
        .map(|f| f.text.as_str())
        .collect()
}

#[test]
fn the_page_header_fills_meta_and_stays_as_fragments() {
    let p = page("jinan-evening-2026-01-05.txt");
    assert_eq!(p.meta.date.as_deref(), Some("2026-01-05"));
    assert_eq!(p.meta.page.as_deref(), Some("A2"));
    assert_eq!(p.meta.section.as_deref(), Some("要闻"));
    assert_eq!(
        p.meta.editors,
        ["责任编辑:孙立群", "美术编辑:赵晓彤", "校对:刘畅"]
    );
    assert_eq!(
        fragments(&p, Why::PageHeader),
        ["2026年1月5日 星期一", "A2", "要闻"]
    );
    assert_eq!(
        fragments(&p, Why::Editors),
        ["责任编辑:孙立群 美术编辑:赵晓彤 校对:刘 畅"]
    );
}

#[test]
fn jump_markers_and_stray_numbers_stay_out_of_articles() {
    let p = page("jinan-evening-2026-01-05.txt");
    assert_eq!(fragments(&p, Why::Jump), ["(下转第六版)"]);
    assert_eq!(fragments(&p, Why::Noise), ["07"]);
    let a = &p.articles[0];
    let last = texts(a, BlockKind::Paragraph).last().copied().unwrap_or("");
    assert!(last.ends_with("向“全时段”转变。"), "{last}");
}

#[test]
fn a_city_dateline_with_reported_by_gives_dateline_and_reporter() {
    let p = page("jinan-evening-2026-01-05.txt");
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::News);
    // A statement over a shorter line: 主题 and 副题 (a short or leading first line would be
    // 引题).
    assert_eq!(a.title, "全省冬季文旅消费季启动");
    assert_eq!(a.subtitle.as_deref(), Some("百项活动点燃“冰雪热”"));
    assert_eq!(a.dateline.as_deref(), Some("本报济南1月3日讯"));
    assert_eq!(a.byline.reporters, ["王五"]);
    assert_eq!(a.byline.raw, ["记者 王五 报道"]);
    assert!(texts(a, BlockKind::Paragraph)[0].starts_with("1月3日，2026年山东省"));
}

#[test]
fn text_and_photo_bylines_and_numbered_headings_make_a_feature() {
    let p = page("jinan-evening-2026-01-05.txt");
    let a = &p.articles[1];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(a.title, "老街巷里的“微改造”");
    assert_eq!(a.byline.reporters, ["陈雨桐"]);
    assert_eq!(a.byline.photographers, ["陈雨桐"]);
    assert_eq!(
        texts(a, BlockKind::Heading),
        [
            "一、从“脏乱差”到“小而美”",
            "二、让居民说了算",
            "三、老街区焕发新活力"
        ]
    );
    // The numbered heading sits inside a column break: the paragraph around it is joined.
    assert!(
        texts(a, BlockKind::Paragraph)
            .iter()
            .any(|t| t.contains("召开居民议事会30余场，广泛征求意见，"))
    );
    assert_eq!(texts(a, BlockKind::Caption), ["图为改造后的芙蓉街夜景。"]);
}

#[test]
fn gb18030_commentary_gives_authors_and_the_author_note() {
    let p = page("qingdao-daily-commentary-gb18030.txt");
    assert_eq!(p.source.encoding, Encoding::Gb18030);
    assert_eq!(p.articles.len(), 2);
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::Commentary);
    assert_eq!(a.column.as_deref(), Some("评论"));
    assert_eq!(a.title, "让“一刻钟便民生活圈”更有温度");
    assert_eq!(a.byline.authors, ["李文静"]);
    assert_eq!(a.byline.raw, ["□ 李文静", "(作者单位:青岛市社会科学院)"]);
    assert!(
        !texts(a, BlockKind::Paragraph)
            .iter()
            .any(|t| t.contains("作者单位"))
    );
    let b = &p.articles[1];
    assert_eq!(b.kind, Kind::Commentary);
    assert_eq!(b.column.as_deref(), Some("短评"));
    assert_eq!(b.byline.authors, ["周航"]);
    assert!(texts(b, BlockKind::Paragraph)[0].contains("下载App……"));
}

#[test]
fn crlf_briefs_under_one_label_are_separate_articles() {
    let p = page("dalian-daily-briefs-crlf.txt");
    let decoded = kanbao_parse::decode(
        &std::fs::read(common::fixtures().join("dalian-daily-briefs-crlf.txt")).unwrap(),
    );
    assert!(decoded.text.contains("\r\n"));
    assert_eq!(p.meta.date.as_deref(), Some("2026-02-10"));
    assert_eq!(p.meta.page.as_deref(), Some("3"));
    assert_eq!(p.meta.section.as_deref(), Some("城市"));
    let briefs: Vec<&Article> = p
        .articles
        .iter()
        .filter(|a| a.kind == Kind::Brief)
        .collect();
    assert_eq!(briefs.len(), 4);
    assert!(briefs.iter().all(|a| a.column.as_deref() == Some("简讯")));
    assert_eq!(briefs[0].title, "星海广场冰雕展开幕");
    assert_eq!(briefs[0].byline.reporters, ["刘洋"]);
    assert!(texts(briefs[0], BlockKind::Paragraph)[0].ends_with("展期至2月28日。"));
    assert_eq!(briefs[1].byline.correspondents, ["郑浩"]);
    // A brief printed without a headline of its own is listed by its label.
    assert_eq!(briefs[2].title, "简讯");
    assert_eq!(briefs[3].byline.correspondents, ["曲波"]);
    let last = p.articles.last().unwrap();
    // A reporter's and a correspondent's report without a dateline lead is news.
    assert_eq!(last.kind, Kind::News);
    assert_eq!(last.column, None);
    assert_eq!(last.byline.reporters, ["何静"]);
    assert_eq!(last.byline.correspondents, ["林晓峰"]);
    assert!(p.articles.iter().all(|a| !a.title.contains('\r')));
}

#[test]
fn utf16_page_with_padded_names_and_arrow_captions() {
    let p = page("weihai-evening-utf16le.txt");
    assert_eq!(p.source.encoding, Encoding::Utf16Le);
    assert_eq!(p.meta.date.as_deref(), Some("2026-04-18"));
    assert_eq!(p.meta.page.as_deref(), Some("A05"));
    assert_eq!(p.meta.section.as_deref(), Some("城事"));
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::News);
    assert_eq!(a.byline.reporters, ["张伟"]);
    assert_eq!(a.byline.correspondents, ["王超", "李一鸣"]);
    assert_eq!(a.byline.photographers, ["张伟"]);
    let caption = a
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Caption)
        .unwrap();
    assert_eq!(caption.marker.as_deref(), Some("▲"));
    assert_eq!(caption.text, "救生员在沙滩上进行心肺复苏演练。");
    let b = &p.articles[1];
    assert_eq!(b.byline.reporters, ["林涛"]);
    assert_eq!(texts(b, BlockKind::Caption), ["图为刘公岛2号客运码头。"]);
}

#[test]
fn a_caption_inside_a_cut_paragraph_does_not_break_it() {
    let p = page("linyi-daily-feature-utf8bom.txt");
    assert_eq!(p.source.encoding, Encoding::Utf8);
    assert!(p.unassigned.is_empty(), "{:?}", p.unassigned);
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(a.title, "沂河岸边的“护鸟人”");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("——记临沂市野生动物保护志愿者协会会长刘长海")
    );
    assert_eq!(a.byline.reporters, ["马晓东"]);
    assert_eq!(a.byline.photographers, ["马晓东"]);
    let paras = texts(a, BlockKind::Paragraph);
    assert!(
        paras
            .iter()
            .any(|t| t.contains("鸟类达到127种，比十年前多了40余种。"))
    );
    // Indentation with U+3000 is no part of the text.
    assert!(paras.iter().all(|t| !t.starts_with('\u{3000}')));
    assert_eq!(
        texts(a, BlockKind::Caption),
        ["图为刘长海在沂河湿地观察鸟类。"]
    );
}

#[test]
fn wire_datelines_and_continued_text_from_another_page() {
    let p = page("xinhua-wire-2026-03.txt");
    assert_eq!(fragments(&p, Why::Jump), ["(上接第一版)", "(下转第4版)"]);
    assert_eq!(p.articles[0].title, "");
    let a = &p.articles[1];
    assert_eq!(a.kind, Kind::News);
    assert_eq!(a.dateline.as_deref(), Some("新华社北京3月16日电"));
    assert_eq!(a.byline.reporters, ["张三", "李四"]);
    assert!(texts(a, BlockKind::Paragraph)[0].starts_with("国务院常务会议3月16日召开"));
    assert_eq!(p.articles[2].byline.reporters, ["赵雪", "胡喆"]);
    let c = &p.articles[3];
    assert_eq!(c.dateline.as_deref(), Some("中新社上海3月15日电"));
    assert_eq!(c.byline.reporters, ["缪璐"]);
    assert!(
        texts(c, BlockKind::Paragraph)
            .last()
            .unwrap()
            .ends_with("超过2600列。")
    );
}

#[test]
fn photo_news_credits_the_photographer_and_drops_codes() {
    let p = page("zibo-daily-photos.txt");
    assert_eq!(p.meta.page.as_deref(), Some("5"));
    assert_eq!(p.meta.section.as_deref(), Some("视觉"));
    assert_eq!(p.meta.editors, ["责任编辑:韩雪", "校对:于洋"]);
    assert_eq!(fragments(&p, Why::Noise), ["ZB-0212", "18"]);
    assert_eq!(p.articles.len(), 3);
    assert!(
        p.articles
            .iter()
            .all(|a| a.kind == Kind::Photo && a.column.as_deref() == Some("图片新闻"))
    );
    assert_eq!(p.articles[0].title, "周村古商城迎来赏灯游客");
    assert_eq!(p.articles[0].byline.photographers, ["孙涛"]);
    assert!(p.articles[0].byline.reporters.is_empty());
    assert_eq!(p.articles[1].byline.photographers, ["齐鲁"]);
    assert_eq!(p.articles[2].blocks[0].marker.as_deref(), Some("▲"));
}

#[test]
fn kicker_title_and_dash_subtitle_form_one_headline_group() {
    let p = page("rizhao-daily-2026-06.txt");
    assert_eq!(p.meta.date.as_deref(), Some("2026-06-01"));
    assert_eq!(p.meta.page.as_deref(), Some("05"));
    let a = &p.articles[0];
    assert_eq!(a.kicker.as_deref(), Some("聚焦海洋强市建设"));
    assert_eq!(a.title, "港口“智”变 吞吐量创新高");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("——日照港一季度货物吞吐量同比增长8.2%")
    );
    assert_eq!(a.byline.reporters, ["徐峰"]);
    assert_eq!(a.byline.correspondents, ["刘子涵"]);
    let b = &p.articles[1];
    assert_eq!(b.kind, Kind::Brief);
    assert_eq!(b.dateline.as_deref(), Some("本报讯"));
}

#[test]
fn odd_inputs_give_diagnostics_not_panics() {
    let empty = kanbao_parse::parse_bytes(b"", "e");
    assert_eq!(empty.diagnostics[0].code, DiagnosticCode::Empty);
    let blank = kanbao_parse::parse_bytes(" \n\u{3000}\r\n".as_bytes(), "b");
    assert_eq!(blank.diagnostics[0].code, DiagnosticCode::Empty);
    let pdf = common::parse_and_check(b"%PDF-1.7\n1 0 obj\n<<>>\n");
    assert_eq!(pdf.diagnostics[0].code, DiagnosticCode::Binary);
    assert!(pdf.articles.is_empty());
    let bad = common::parse_and_check(b"\xe4\xb8\xad\xff\xfe\xfd abc \xe6\x96\x87");
    assert!(
        bad.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::Malformed)
    );
    let none = common::parse_and_check("12\n34\n".as_bytes());
    assert!(
        none.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::NoArticles)
    );
}

#[test]
fn inputs_over_eight_mebibytes_are_flagged_but_parsed() {
    let one = std::fs::read(common::fixtures().join("yantai-daily-2023-11.txt")).unwrap();
    let mut big = Vec::new();
    while big.len() <= 8 * 1024 * 1024 {
        big.extend_from_slice(&one);
        big.extend_from_slice(b"\n\n");
    }
    let p = kanbao_parse::parse_bytes(&big, "big");
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.code == DiagnosticCode::Large)
    );
    assert!(p.articles.len() > 1000);
}

#[test]
fn a_national_daily_front_page_with_its_citation_line() {
    let p = page("peoples-daily-2023-11-28.txt");
    assert_eq!(p.meta.date.as_deref(), Some("2023-11-28"));
    assert_eq!(p.meta.page.as_deref(), Some("01"));
    assert_eq!(
        titles(&p),
        [
            "深化改革开放 推动高质量发展",
            "冬日暖阳照乡村",
            "我国成功发射新一代通信卫星"
        ]
    );
    // Names listed with 、 in a dateline lead, and a staff reporter credited at the end.
    let first = &p.articles[0];
    assert_eq!(first.dateline.as_deref(), Some("本报北京11月27日电"));
    assert_eq!(first.byline.reporters, ["王五", "赵六", "孙七"]);
    assert_eq!(
        first.subtitle.as_deref(),
        Some("——各地各部门贯彻落实中央经济工作会议精神综述")
    );
    assert_eq!(p.articles[1].kind, Kind::Photo);
    assert_eq!(p.articles[1].byline.photographers, ["李四"]);
    let wire = &p.articles[2];
    assert_eq!(wire.dateline.as_deref(), Some("新华社西昌11月27日电"));
    assert_eq!(wire.byline.correspondents, ["吴九"]);
    // The export's citation line is page furniture, never article text.
    assert_eq!(
        fragments(&p, Why::PageHeader),
        [
            "人民日报 2023年11月28日 星期二 第01版：要闻",
            "《 人民日报 》（ 2023年11月28日 01 版）"
        ]
    );
    assert!(wire.blocks.iter().all(|b| !b.text.contains("人民日报")));
}

#[test]
fn names_glued_to_roles_slash_credits_and_a_bracketed_credit_lead() {
    let p = page("zhifu-evening-2023-11-28.txt");
    assert_eq!(
        titles(&p),
        ["老街焕新颜", "社区食堂开进居民楼", "一场秋雨一场寒"]
    );
    // `记者张三 通讯员李四报道`: roles glued to names, 报道 glued to the last one.
    let first = &p.articles[0];
    assert_eq!(first.dateline.as_deref(), Some("本报讯"));
    assert_eq!(first.byline.reporters, ["张三"]);
    assert_eq!(first.byline.correspondents, ["李四"]);
    assert_eq!(first.blocks[0].text, "日前，芝罘区老街改造工程完工。");
    // `文/本报记者 … 实习生 … 图/本报记者 …` opens an article; a trailing credit closes it.
    let second = &p.articles[1];
    assert_eq!(second.byline.reporters, ["王五", "赵六", "周八"]);
    assert_eq!(second.byline.photographers, ["孙七"]);
    assert!(second.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    // `（记者 吴九）` opening the text is the credit, with no dateline.
    let third = &p.articles[2];
    assert_eq!(third.dateline, None);
    assert_eq!(third.byline.reporters, ["吴九"]);
    assert_eq!(third.kind, Kind::News);
    assert_eq!(
        third.blocks[0].text,
        "受冷空气影响，本周我市气温将明显下降。"
    );
}

#[test]
fn colon_bylines_an_unnamed_commentator_and_a_link_label() {
    let p = page("weifang-daily-2024-03-05.txt");
    assert_eq!(p.meta.date.as_deref(), Some("2024-03-05"));
    assert_eq!(
        titles(&p),
        [
            "一季度外贸开局良好",
            "让“小切口”撬动“大民生”",
            "今年以来全市新增市场主体2.3万户"
        ]
    );
    assert_eq!(p.articles[0].byline.reporters, ["张三", "李四"]);
    let commentary = &p.articles[1];
    assert_eq!(commentary.kind, Kind::Commentary);
    assert_eq!(commentary.byline.authors, ["本报评论员"]);
    assert!(
        commentary
            .blocks
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph)
    );
    assert_eq!(p.articles[2].column.as_deref(), Some("链接"));
    assert_eq!(p.articles[2].byline.correspondents, ["赵六", "钱七"]);
}

#[test]
fn a_long_headline_before_a_dateline_lead_starts_an_article() {
    let p = page("yantai-daily-2024-06-18.txt");
    assert_eq!(
        titles(&p),
        [
            "奋力谱写中国式现代化烟台篇章",
            "关于进一步优化营商环境、激发市场主体活力、推动民营经济高质量发展的若干措施出台"
        ]
    );
    let second = &p.articles[1];
    assert_eq!(second.kind, Kind::News);
    assert_eq!(second.dateline.as_deref(), Some("本报讯"));
    assert_eq!(second.byline.reporters, ["赵六"]);
    assert_eq!(texts(second, BlockKind::Caption).len(), 2);
    assert!(p.articles[0].byline.photographers.is_empty());
}

#[test]
fn bulleted_briefs_lose_their_bullets_and_keep_credits_in_every_place() {
    let p = page("rizhao-evening-briefs.txt");
    assert_eq!(
        titles(&p),
        [
            "我市启动夏季消防安全检查",
            "全市中考6月20日开考",
            "海滨路夜间施工封闭"
        ]
    );
    assert!(p.articles.iter().all(|a| a.kind == Kind::Brief));
    assert!(
        p.articles
            .iter()
            .all(|a| a.column.as_deref() == Some("新闻速递"))
    );
    assert_eq!(p.articles[1].byline.reporters, ["赵六"]);
    assert_eq!(
        texts(&p.articles[1], BlockKind::Paragraph),
        ["今年全市共有5.2万名考生参加中考，设考点42个。"]
    );
    assert_eq!(p.articles[2].byline.correspondents, ["钱七"]);
    assert_eq!(p.meta.editors, ["责任编辑:刘一", "校对:陈二"]);
}

#[test]
fn an_evening_papers_tip_credits_stacked_headlines_and_shared_photo_credit() {
    let p = page("metro-evening-tips-and-stacked-headlines.txt");
    assert_eq!(p.meta.page.as_deref(), Some("A05"));
    assert_eq!(
        titles(&p),
        [
            "老人拎着水果来了",
            "江城打好治水攻坚战",
            "老街换新颜",
            "山村客运跑出加速度",
            "“啃老”纠纷调解成功"
        ]
    );
    // Kicker, title and a quotation as subtitle; the tip credit closes the report.
    let first = &p.articles[0];
    assert_eq!(first.kicker.as_deref(), Some("交警正在路口执勤"));
    assert_eq!(
        first.subtitle.as_deref(),
        Some("“多亏你们，帮我找回了孙子”")
    );
    assert_eq!(first.byline.reporters, ["林一"]);
    assert_eq!(texts(first, BlockKind::Paragraph).len(), 3);
    // A long kicker over a shorter title; a dateline alone over the byline's lines.
    let second = &p.articles[1];
    assert_eq!(
        second.kicker.as_deref(),
        Some("推进河道清淤、岸线整治、生态修复")
    );
    assert_eq!(second.dateline.as_deref(), Some("本报江城6月21日讯"));
    assert_eq!(second.byline.reporters, ["周明"]);
    assert_eq!(second.byline.correspondents, ["王某某", "赵亮"]);
    assert_eq!(texts(second, BlockKind::Paragraph).len(), 2);
    // Placeholders of pictures are no text; the reader who gave the story is no photographer.
    let photo = &p.articles[2];
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(photo.byline.photographers, ["韩冰"]);
    assert!(texts(photo, BlockKind::Heading).is_empty());
    assert_eq!(texts(photo, BlockKind::Caption).len(), 1);
    // Three phrases in a row are the kicker; one credit for the pictures above it.
    let fourth = &p.articles[3];
    assert_eq!(fourth.kicker.as_deref(), Some("修好路  建好站  办好事"));
    assert_eq!(fourth.byline.photographers, ["吴静"]);
    assert_eq!(
        texts(fourth, BlockKind::Caption),
        ["村民在新建的候车亭等车。"]
    );
    assert_eq!(texts(fourth, BlockKind::Paragraph).len(), 3);
    assert_eq!(fourth.kind, Kind::News);
    // A tip credit whose bracket was left open ends the brief, as part of it.
    let last = &p.articles[4];
    assert_eq!(texts(last, BlockKind::Paragraph).len(), 1);
    assert!(last.byline.raw.iter().any(|r| r.starts_with("(线索来自")));
    assert_eq!(fragments(&p, Why::Editors).len(), 1);
}

#[test]
fn a_web_copy_of_photo_news_keeps_pictures_and_credits_and_drops_the_sites_chrome() {
    let p = page("web-photo-series-and-reader-chrome.txt");
    assert_eq!(
        titles(&p),
        ["秋日江城处处景", "湖畔晨练", "大桥合龙", "古镇游人如织"]
    );
    assert!(p.articles.iter().all(|a| a.kind == Kind::Photo));
    assert!(p.articles.iter().all(|a| a.column.is_none()));
    // Several roles share one photo word, spaced or glued after the caption's sentence.
    assert_eq!(p.articles[0].byline.photographers, ["方远", "林小禾"]);
    assert_eq!(p.articles[1].byline.photographers, ["周宁", "唐晓"]);
    // Who gave the facts is credited with nothing, and kept with the credit.
    assert_eq!(p.articles[2].byline.photographers, ["韩松"]);
    assert_eq!(p.articles[2].byline.raw, ["记者韩松 摄 信息来源 王晴 李立"]);
    // A role in quotation marks.
    assert_eq!(p.articles[3].byline.photographers, ["高原"]);
    for a in &p.articles {
        assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Caption));
        assert!(a.blocks.iter().all(|b| !b.text.contains("fororder")));
    }
    // The reader's chrome is set aside; its date and page make the page's header.
    assert_eq!(p.meta.page.as_deref(), Some("05"));
    let noise = fragments(&p, Why::Noise);
    assert!(noise.contains(&"当前报纸名称：江城晚报"), "{noise:?}");
    assert!(fragments(&p, Why::PageHeader).contains(&"星期一"));
    assert!(p.diagnostics.is_empty());
}

#[test]
fn a_county_dailys_followups_facts_and_short_commentaries() {
    let p = page("county-daily-commentary-and-followups.txt");
    assert_eq!(
        titles(&p),
        [
            "“挡路”的广告牌已被拆除",
            "老街区环境 亟待整治",
            "管好货车，还路面洁净",
            "小事连着民心"
        ]
    );
    // A follow-up column over its title.
    assert_eq!(p.articles[0].column.as_deref(), Some("报道回音"));
    // A field of facts is text; the credit under it names every role.
    let second = &p.articles[1];
    assert_eq!(
        texts(second, BlockKind::Paragraph).last().copied(),
        Some("责任人：老城街道办事处主任 钱某某")
    );
    assert_eq!(second.byline.reporters, ["唐伟"]);
    assert_eq!(second.byline.correspondents, ["马良"]);
    // A name in brackets after a half-width mark signs the short commentary.
    let short = &p.articles[2];
    assert_eq!(short.column.as_deref(), Some("短评"));
    assert_eq!(short.byline.authors, ["孟秋"]);
    assert_eq!(short.kind, Kind::Commentary);
    // The paper's commentator signs as author under his pen name.
    let last = &p.articles[3];
    assert_eq!(last.byline.authors, ["江评"]);
    assert_eq!(last.kind, Kind::Commentary);
    assert!(p.diagnostics.is_empty());
}

#[test]
fn a_workers_dailys_web_records_credits_and_wire_copy() {
    let p = page("workers-daily-web-records-and-wire-copy.txt");
    assert_eq!(
        titles(&p),
        [
            "歌手大赛唱响工地",
            "江北区开展暖冬行动",
            "夜市烟火气回来了",
            "电缆一夜被盗",
            "球迷出行遇冷"
        ]
    );
    // One short text closed by a 摄影报道 credit is a picture's caption.
    let photo = &p.articles[0];
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(texts(photo, BlockKind::Caption).len(), 1);
    assert!(texts(photo, BlockKind::Paragraph).is_empty());
    assert_eq!(photo.byline.correspondents, ["林小禾"]);
    // The site's record of the article under it and its e-paper name are noise.
    assert!(
        fragments(&p, Why::Noise)
            .iter()
            .any(|f| f.contains("2025-04-28") && f.contains("歌手大赛唱响工地"))
    );
    // A campaign's tag before the title is its column.
    assert_eq!(
        p.articles[1].column.as_deref(),
        Some("2025年送温暖行动·暖闻")
    );
    // The web page's date and author line is no subtitle.
    assert_eq!(p.articles[2].subtitle, None);
    assert_eq!(p.articles[2].byline.reporters, ["方远"]);
    // Names before the reporter's role word are the correspondents'.
    assert_eq!(p.articles[3].byline.correspondents, ["查小雨"]);
    assert_eq!(p.articles[3].byline.reporters, ["张敏"]);
    // A kicker trailing off in an ellipsis; a closing dateline across a wide gap.
    let wire = &p.articles[4];
    assert_eq!(wire.kicker.as_deref(), Some("签证难、门票贵……"));
    assert_eq!(wire.dateline.as_deref(), Some("据新华社江城5月6日电"));
    assert_eq!(texts(wire, BlockKind::Paragraph).len(), 2);
    assert!(fragments(&p, Why::PageHeader).contains(&"版名:要闻"));
}

#[test]
fn a_page_in_traditional_characters_is_read_as_printed() {
    let p = page("harbour-daily-traditional.txt");
    assert_eq!(p.meta.date.as_deref(), Some("2026-03-10"));
    assert_eq!(p.meta.section.as_deref(), Some("澳聞"));
    assert_eq!(p.meta.editors, ["責任編輯:陳美玲"]);
    assert_eq!(
        titles(&p),
        [
            "海邊步道下月起分段開放",
            "社區中心舉辦長者健康講座",
            "漁人碼頭週末市集人流旺"
        ]
    );
    let [walk, talk, fair] = &p.articles[..] else {
        panic!("three articles: {:?}", titles(&p));
    };
    // `【本報訊】` and `【本報消息】` are the paper's datelines; the credit after the brackets
    // names the reporter.
    assert_eq!(walk.dateline.as_deref(), Some("本報訊"));
    assert_eq!(walk.byline.reporters, ["何嘉欣"]);
    assert!(texts(walk, BlockKind::Paragraph)[0].starts_with("連接南灣與西灣"));
    assert_eq!(talk.subtitle.as_deref(), Some("講座吸引逾百名長者參與"));
    assert_eq!(talk.dateline.as_deref(), Some("本報消息"));
    // A caption over the lead, its photographer's credit read.
    assert_eq!(fair.byline.photographers, ["梁國輝"]);
    assert_eq!(
        texts(fair, BlockKind::Caption),
        ["圖為市民在市集選購手作產品。"]
    );
    assert!(texts(fair, BlockKind::Paragraph)[1].contains("「親子手作坊」"));
}

#[test]
fn a_metro_papers_hotline_page_reads_story_by_story() {
    let p = page("metro-hotline-and-follow-ups.txt");
    // An e-paper site's dated link bar is the header.
    assert_eq!(p.meta.date.as_deref(), Some("2026-04-14"));
    assert_eq!(
        titles(&p),
        [
            "路灯杆倾斜半月无人管",
            "破损的护栏已修好",
            "江城北区滨江路：老槐树倒伏压住人行道",
            "楼道堆物堵了消防通道"
        ]
    );
    let [lamp, rail, tree, hall] = &p.articles[..] else {
        panic!("four articles: {:?}", titles(&p));
    };
    // Where it happened is under the title; the paragraphs' labels credit no one, and the
    // tip's reward is no paragraph.
    assert!(
        lamp.subtitle
            .as_deref()
            .is_some_and(|s| s.starts_with("地点：江城东湖路"))
    );
    assert_eq!(lamp.byline.reporters, ["林小帆", "郑岩"]);
    let paragraphs = texts(lamp, BlockKind::Paragraph);
    assert_eq!(paragraphs.len(), 3);
    assert!(paragraphs[2].starts_with("【记者连线】"));
    // A follow-up: the report it answers under the title, pictures before and after.
    assert_eq!(
        rail.subtitle.as_deref(),
        Some("《河堤护栏断了一截》跟踪报道")
    );
    assert_eq!(texts(rail, BlockKind::Caption), ["修复前", "修复后"]);
    assert_eq!(rail.byline.photographers, ["韩雪"]);
    // Role words padded to the column's width.
    assert_eq!(tree.dateline.as_deref(), Some("本报讯"));
    assert_eq!(tree.byline.reporters, ["金小达", "雷小琼"]);
    assert_eq!(texts(tree, BlockKind::Paragraph).len(), 3);
    // The column's host reports its story.
    assert_eq!(hall.byline.reporters, ["苏小梅"]);
    assert_eq!(texts(hall, BlockKind::Paragraph).len(), 2);
}

#[test]
fn a_metro_papers_web_reprints_keep_their_pictures_credits_and_notes() {
    let p = page("metro-web-reprints.txt");
    assert_eq!(
        titles(&p),
        [
            "江城大桥观景台开放首日人气旺（组图）",
            "本报记者随首发航班抵京",
            "湖畔步道积水成片 市民盼早日修缮（图）",
            "老街口的石墩该挪挪了",
            "雨后老城墙现青苔",
            "河道清淤工程开工"
        ]
    );
    let [deck, flight, path, stones, wall, river] = &p.articles[..] else {
        panic!("six articles: {:?}", titles(&p));
    };
    // The note of pictures stays in the title; the short lines under it are their captions.
    assert_eq!(deck.column, None);
    assert_eq!(texts(deck, BlockKind::Caption).len(), 3);
    assert_eq!(texts(deck, BlockKind::Paragraph).len(), 2);
    assert_eq!(deck.byline.photographers, ["周子涵"]);
    // A special dispatch dated by the time of day.
    assert_eq!(flight.dateline.as_deref(), Some("本报北京今晨专电"));
    assert_eq!(flight.byline.reporters, ["陈一鸣", "韩书亭", "邱乐"]);
    // A news site's dispatch with the paper in brackets.
    assert_eq!(path.dateline.as_deref(), Some("江城网（江城都市报）"));
    assert_eq!(path.byline.reporters, ["温小海", "苏立"]);
    // The writer the site names is the reporter of a text that speaks of its reporter.
    assert_eq!(stones.byline.reporters, ["钱小楠"]);
    assert!(stones.byline.authors.is_empty());
    // `文并摄` with an editor's code glued on; the tip's reward is no paragraph.
    assert_eq!(wall.byline.photographers, ["许安然"]);
    assert!(wall.byline.reporters.contains(&"许安然".to_owned()));
    assert_eq!(texts(wall, BlockKind::Paragraph).len(), 1);
    // A credit opening the words, closed by what the names did: one paragraph by the
    // reporter who took the picture is the picture's caption.
    assert_eq!(river.byline.reporters, ["蒋小舟"]);
    assert_eq!(river.byline.photographers, ["蒋小舟"]);
    assert_eq!(river.kind, Kind::Photo);
    assert!(texts(river, BlockKind::Caption)[0].starts_with("5月2日"));
    assert_eq!(fragments(&p, Why::PageHeader), ["A01:头版"]);
}

#[test]
fn a_news_sites_copies_in_traditional_characters_drop_the_trail_and_keep_labels() {
    let p = page("harbour-news-site-copies.txt");
    assert_eq!(
        titles(&p),
        [
            "街坊排隊試新渡輪",
            "颱風過後 海濱長廊重開",
            "舊街市活化 首批商戶進駐"
        ]
    );
    let [ferry, promenade, market] = &p.articles[..] else {
        panic!("three articles: {:?}", titles(&p));
    };
    // The site's trail is furniture; a known label joined by a colon is the column.
    assert_eq!(ferry.column.as_deref(), Some("特寫"));
    assert_eq!(ferry.byline.reporters, ["梁小詩"]);
    // The picture's words printed twice on a line are one caption.
    assert_eq!(texts(promenade, BlockKind::Caption).len(), 1);
    assert_eq!(promenade.byline.reporters, ["馮子樂"]);
    // `圖：` opens a caption, not a subtitle.
    assert_eq!(market.subtitle, None);
    assert_eq!(texts(market, BlockKind::Caption).len(), 1);
    assert_eq!(market.byline.reporters, ["蘇小敏"]);
    assert_eq!(fragments(&p, Why::PageHeader).len(), 3);
}

#[test]
fn a_law_papers_site_copies_keep_their_headlines_and_credit_every_name_by_role() {
    let p = page("law-paper-site-copies.txt");
    assert_eq!(
        titles(&p),
        [
            "社区民警上门 帮老人找回存折",
            "游客增多 警方加派巡逻",
            "“小小志愿者”给交警送凉茶",
            "河滩油菜花开",
            "老码头改造完工"
        ]
    );
    let [passbook, riverside, tea, blossom, wharf] = &p.articles[..] else {
        panic!("five articles: {:?}", titles(&p));
    };
    // The site's writers joined by slashes are the credit's names, not a title or authors.
    assert_eq!(passbook.byline.reporters, ["周小岚"]);
    assert_eq!(passbook.byline.correspondents, ["陆晓晨", "韩一舟"]);
    assert!(passbook.byline.authors.is_empty());
    // A credit a wide gap after a text with no end mark.
    assert_eq!(riverside.kicker.as_deref(), Some("江边步道夜间亮灯"));
    assert_eq!(riverside.byline.photographers, ["孟小川"]);
    // A credit cut in two lines: both names took the photos.
    assert_eq!(tea.byline.reporters, ["邵一鸣", "罗小青"]);
    assert_eq!(tea.byline.photographers, ["邵一鸣", "罗小青"]);
    // The pointer to another page is no column of the next article, and the page code under
    // a title does not cut it from its text.
    assert_eq!(blossom.column, None);
    assert_eq!(blossom.byline.photographers, ["钱小舟", "白一帆"]);
    assert!(blossom.byline.reporters.is_empty() && blossom.byline.correspondents.is_empty());
    assert_eq!(wharf.byline.photographers, ["陶小冬"]);
    assert!(wharf.byline.reporters.is_empty());
}

#[test]
fn an_overseas_county_dailys_credits_titles_and_pictures_are_read() {
    let p = page("overseas-county-daily-credits.txt");
    // The page's name alone at the top is its section, no kicker.
    assert_eq!(p.meta.section.as_deref(), Some("地方新聞"));
    assert_eq!(
        titles(&p),
        [
            "鄉公所辦理年終感恩餐會 長輩們提前圍爐",
            "海風過強 港口煙火施放臨時取消",
            "電力公司歲末送暖 認購白米做公益",
            "單車道啟用 機動車道縮減",
            "老街騎樓整修完工",
            "報紙陪我走過三十年"
        ]
    );
    let [dinner, _fireworks, rice, lane, arcade, essay] = &p.articles[..] else {
        panic!("six articles: {:?}", titles(&p));
    };
    assert_eq!(dinner.kicker, None);
    // A caption between the headline and the credit, `記者某某∕某地報導` opening the lead.
    assert_eq!(rice.byline.reporters, ["許文華"]);
    assert_eq!(rice.dateline, None);
    assert_eq!(texts(rice, BlockKind::Caption).len(), 1);
    assert!(texts(rice, BlockKind::Paragraph)[0].starts_with("電力公司昨日"));
    // Where the picture comes from stands for its caption; the dateline in round brackets.
    assert_eq!(texts(lane, BlockKind::Caption), ["圖片來自：港南市交通局"]);
    assert_eq!(lane.dateline.as_deref(), Some("本報訊"));
    // `報導` closes a credit as `报道` does.
    assert_eq!(arcade.byline.reporters, ["周明道"]);
    // A reader's essay signed with the name and the town.
    assert_eq!(essay.byline.authors, ["趙慧玲"]);
    assert_eq!(essay.kind, Kind::Commentary);
}

#[test]
fn a_county_dailys_notes_letters_and_pictures_are_read() {
    let p = page("county-daily-notes-letters-and-pictures.txt");
    assert_eq!(
        titles(&p),
        [
            "重视职工读报工作",
            "读报让我长了见识",
            "江村渔民礼赞！",
            "抗原检测高效率",
            "一份报纸连起两代人",
            "河道清淤忙",
            "江城是个好地方"
        ]
    );
    let [_union, letter, fishers, tests_, family, river, city] = &p.articles[..] else {
        panic!("seven articles: {:?}", titles(&p));
    };
    // After a note in brackets of its own, an uncredited letter opens; it signs with its name
    // before its place.
    assert_eq!(letter.byline.authors, ["王小川"]);
    // A title ending in its own exclamation, then its subtitle, merged on one line.
    assert_eq!(fishers.subtitle.as_deref(), Some("写在首个开渔节到来之际"));
    assert_eq!(fishers.kicker, None);
    // A four-character phrase over a longer line is the kicker.
    assert_eq!(tests_.kicker.as_deref(), Some("邻里互助"));
    // Corner brackets around a line mark a column.
    assert_eq!(family.column.as_deref(), Some("读报情缘"));
    // One paragraph by the reporter who took the picture is its caption.
    assert_eq!(river.kind, Kind::Photo);
    assert_eq!(texts(river, BlockKind::Caption).len(), 1);
    // `文图/` before the credit credits the words and the pictures.
    assert_eq!(city.byline.reporters, ["李长河"]);
    assert_eq!(city.byline.photographers, ["李长河"]);
}
