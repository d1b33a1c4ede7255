//! Inputs that once could break the parser, each named after what broke.

mod common;

#[test]
fn a_line_of_many_jump_markers_does_not_overflow_the_stack() {
    let line = "(上接第一版)".repeat(200_000) + "正文。";
    let page = common::parse_and_check(line.as_bytes());
    assert_eq!(page.unassigned.len(), 200_000);
}

#[test]
fn an_article_of_many_paragraphs_parses_in_linear_time() {
    let text = "标题一行\n\n".to_owned() + &"这是一段完整的正文。\n\n".repeat(100_000);
    // Quadratic work here would take minutes; the benchmark watches the speed itself.
    let page = common::parse_and_check(text.as_bytes());
    assert_eq!(page.articles[0].blocks.len(), 100_000);
}

#[test]
fn a_long_hard_wrapped_page_maps_its_spans_back_in_linear_time() {
    // Twenty thousand paragraphs of four full lines and a short one: every span is mapped back
    // over eighty thousand joins.
    let paragraph = "近日江城三座口袋公园建成开放附近居民可以\n".repeat(4) + "的地方。\n";
    let text = "标题一行\n\n".to_owned() + &paragraph.repeat(20_000);
    let page = common::parse_and_check(text.as_bytes());
    assert_eq!(page.articles[0].blocks.len(), 20_000);
}

#[test]
fn photo_news_after_a_finished_article_is_an_article_of_its_own() {
    let text = "我市新增5条公交线路\n\n本报讯(记者 周涛)我市近日新增5条公交线路。\n\n\
                春耕时节农机忙\n\n▲3月16日,农民驾驶拖拉机翻耕土地。\n\n记者 孙伟 摄\n";
    let page = common::parse_and_check(text.as_bytes());
    let titles: Vec<&str> = page.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["我市新增5条公交线路", "春耕时节农机忙"]);
    let photo = &page.articles[1];
    assert_eq!(photo.kind, kanbao_parse::Kind::Photo);
    assert_eq!(photo.byline.photographers, ["孙伟"]);
    assert!(page.articles[0].byline.photographers.is_empty());
}

#[test]
fn a_header_date_in_chinese_numerals_or_full_width_digits_fills_meta() {
    for header in [
        "二〇二三年十一月二十八日 星期二 第三版 城事",
        "２０２３年１１月２８日 星期二 03 城事",
    ] {
        let text = format!(
            "{header}\n\n冬季供暖准备就绪\n\n本报讯(记者 周涛)今年冬季供暖准备工作已全部就绪。\n"
        );
        let page = common::parse_and_check(text.as_bytes());
        assert_eq!(page.meta.date.as_deref(), Some("2023-11-28"), "{header}");
        assert_eq!(page.meta.section.as_deref(), Some("城事"), "{header}");
        assert_eq!(page.articles.len(), 1, "{header}");
        assert_eq!(page.articles[0].title, "冬季供暖准备就绪");
    }
}

#[test]
fn editors_on_the_header_line_and_dotted_headers_fill_meta() {
    let text =
        "2024年06月18日 第03版 本版编辑：张三\n\n测试标题\n\n本报讯（记者 王五）正文内容。\n";
    let page = common::parse_and_check(text.as_bytes());
    assert_eq!(page.meta.date.as_deref(), Some("2024-06-18"));
    assert_eq!(page.meta.page.as_deref(), Some("03"));
    assert_eq!(page.meta.editors, ["本版编辑:张三"]);
    assert_eq!(page.articles.len(), 1);
    let page = common::parse_and_check("A3·要闻\n\n测试标题\n\n本报讯 正文内容。\n".as_bytes());
    assert_eq!(page.meta.page.as_deref(), Some("A3"));
    assert_eq!(page.meta.section.as_deref(), Some("要闻"));
    assert_eq!(page.articles[0].title, "测试标题");
}
