//! Inputs that once could break the parser, each named after what broke.

mod common;

use std::time::{Duration, Instant};

#[test]
fn a_line_of_many_jump_markers_does_not_overflow_the_stack() {
    let line = "(上接第一版)".repeat(200_000) + "正文。";
    let page = common::parse_and_check(line.as_bytes());
    assert_eq!(page.unassigned.len(), 200_000);
}

#[test]
fn an_article_of_many_paragraphs_parses_in_linear_time() {
    let text = "标题一行\n\n".to_owned() + &"这是一段完整的正文。\n\n".repeat(100_000);
    let started = Instant::now();
    let page = common::parse_and_check(text.as_bytes());
    assert_eq!(page.articles[0].blocks.len(), 100_000);
    assert!(started.elapsed() < Duration::from_secs(20));
}
