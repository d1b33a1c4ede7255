//! The real page from 烟台日报 (November 2023): four articles, checked fact by fact.

mod common;

use kanbao_parse::{Article, BlockKind, Encoding, Kind, Page};

fn page() -> Page {
    let bytes = std::fs::read(common::fixtures().join("yantai-daily-2023-11.txt")).expect("sample");
    common::parse_and_check(&bytes)
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect()
}

fn headings(a: &Article) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn the_sample_holds_four_articles_and_nothing_unplaced() {
    let page = page();
    assert_eq!(page.source.encoding, Encoding::Utf8);
    assert_eq!(page.articles.len(), 4);
    assert!(page.unassigned.is_empty(), "{:?}", page.unassigned);
    // Only the fourth article, where a reader might read otherwise: it opens with no credit
    // under its headline (its byline is at its end), and its first section heading could be
    // another article's title.
    let codes: Vec<_> = page.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            kanbao_parse::DiagnosticCode::ArticleStartWithoutCredit,
            kanbao_parse::DiagnosticCode::HeadingOrTitle
        ]
    );
    assert!(
        page.diagnostics
            .iter()
            .filter_map(|d| d.span)
            .all(|s| s[0] >= page.articles[3].span[0])
    );
    assert_eq!(
        page.diagnostics[0].span.map(|s| s[0]),
        Some(page.articles[3].span[0])
    );
}

#[test]
fn the_first_article_is_a_photo_reported_feature_with_headings_and_captions() {
    let page = page();
    let a = &page.articles[0];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(a.title, "“合纵连横”走在前 “港城标兵”作表率");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("烟台市直机关新时代党建迈上高质量品牌之路")
    );
    assert_eq!(a.kicker, None);
    assert_eq!(a.byline.reporters, ["邵壮", "王瑶"]);
    assert_eq!(a.byline.photographers, ["邵壮", "王瑶"]);
    assert_eq!(a.byline.raw, ["YMG全媒体记者 邵壮 王瑶 摄影报道"]);
    assert_eq!(
        headings(a),
        [
            "“合纵连横”扛责任 机关党建走在前",
            "“强身健体”铸信念 港城标兵做表率",
            "品牌矩阵聚活力 服务大局领发展"
        ]
    );
    let captions: Vec<(&str, &str)> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| (b.marker.as_deref().unwrap_or(""), b.text.as_str()))
        .collect();
    assert_eq!(
        captions,
        [
            ("①", "组织机关党员参观延安革命纪念馆。"),
            ("②", "举办党务答疑课堂。"),
            ("③", "四季知行讲堂开班。")
        ]
    );
    let paras = paragraphs(a);
    assert!(paras.iter().any(|p| p.contains("双重组织生活实册、提醒卡")));
    assert!(paras.iter().any(|p| p.contains("“网上民生”听取群众意见")));
    assert!(
        paras
            .iter()
            .any(|p| p.contains("强化理论武装需创建载体，需知行合一。"))
    );
    assert!(paras[0].starts_with("11月，“合纵连横 港城标兵”"));
    // Numbers and parentheses in Chinese context.
    assert!(paras.iter().any(|p| p.contains("召开1—2次")));
    assert!(
        paras
            .iter()
            .any(|p| p.contains("现场教学点（同时命名为“市直机关主题党日活动阵地”），提供"))
    );
}

#[test]
fn dateline_leads_give_credits_and_leave_the_paragraph_text() {
    let page = page();
    let a = &page.articles[1];
    assert_eq!(a.kind, Kind::News);
    assert_eq!(a.title, "烟台自然博物馆获评 国家自然资源科普基地");
    assert_eq!(a.dateline.as_deref(), Some("本报讯"));
    assert_eq!(a.byline.reporters, ["杨健"]);
    assert_eq!(a.byline.correspondents, ["秦雨"]);
    assert_eq!(a.byline.raw, ["YMG全媒体记者 杨健 通讯员 秦雨"]);
    assert!(paragraphs(a)[0].starts_with("近日，烟台自然博物馆"));

    let b = &page.articles[2];
    assert_eq!(b.kind, Kind::News);
    assert_eq!(b.title, "58.44万粒“三无”减肥产品 夹藏进境被海关查获");
    assert_eq!(b.byline.reporters, ["王鸿云"]);
    assert_eq!(b.byline.correspondents, ["肖艳芬", "王超", "丁晓"]);
    assert!(headings(b).is_empty());
    assert!(
        paragraphs(b)
            .iter()
            .any(|p| p.contains("“三无”减肥产品，现场清点共计58.44万粒。"))
    );
}

#[test]
fn the_fourth_article_splits_kicker_and_title_and_finds_its_end_byline() {
    let page = page();
    let a = &page.articles[3];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(
        a.kicker.as_deref(),
        Some("东方航天港产业园区全面塑造高素质航天产业工人队伍")
    );
    assert_eq!(a.title, "千名航天人奋战百亿级产业集群");
    assert_eq!(a.column.as_deref(), Some("“产改”6周年巡礼"));
    let lead = a.lead.as_deref().unwrap_or("");
    assert!(lead.starts_with("将工匠培育选树作为园区产改工作的重要载体，超3000人"));
    assert!(lead.ends_with("6名……"));
    assert_eq!(a.byline.reporters, ["钟嘉琳"]);
    assert_eq!(a.byline.correspondents, ["乔美云", "王鹏超", "张小艺"]);
    assert_eq!(
        a.byline.raw,
        ["YMG全媒体记者 钟嘉琳", "通讯员 乔美云 王鹏超 张小艺"]
    );
    assert_eq!(
        headings(a),
        [
            "开展优秀作品征集",
            "引导产业工人有理想守信念",
            "实施“海阳工匠”工程",
            "激发产业工人内生动力",
            "树立“技高者多得”改革导向",
            "保障产业工人地位尊严"
        ]
    );
    let paras = paragraphs(a);
    assert!(paras.iter().any(|p| p.contains("“三高”+“一高”发展模式")));
    assert!(
        paras
            .iter()
            .any(|p| p.contains("国内一流的浮空器研制放飞试验基地。"))
    );
    assert!(paras.iter().any(|p| p.contains("共享式智能卫星AIT工厂")));
    assert!(!paras.iter().any(|p| p.contains("钟嘉琳")));
}

#[test]
fn article_spans_run_in_page_order_and_ids_are_stable() {
    let page = page();
    let ids: Vec<&str> = page.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(
        ids.iter()
            .all(|id| id.len() == 10 && id.ends_with(char::is_numeric))
    );
    assert!(ids[0].ends_with("-1") && ids[3].ends_with("-4"));
    for pair in page.articles.windows(2) {
        assert!(pair[0].span[1] <= pair[1].span[0]);
    }
}
