//! Searches over a real page of 烟台日报 (November 2023), split into articles by hand.

mod common;

use std::collections::BTreeSet;

use kanbao_search::{DocId, Document, FieldKind, Index, Query};

const PAGE: &str = include_str!("data/yantai-daily-2023-11.txt");

/// The first line of each article, which is also its title.
const TITLES: [&str; 4] = [
    "“合纵连横”走在前 “港城标兵”作表率",
    "烟台自然博物馆获评 国家自然资源科普基地",
    "58.44万粒“三无”减肥产品 夹藏进境被海关查获",
    "东方航天港产业园区全面塑造高素质航天产业工人队伍—— 千名航天人奋战百亿级产业集群",
];

const HEADINGS: [&str; 10] = [
    "烟台市直机关新时代党建迈上高质量品牌之路",
    "“合纵连横”扛责任 机关党建走在前",
    "“强身健体”铸信念 港城标兵做表率",
    "品牌矩阵聚活力 服务大局领发展",
    "开展优秀作品征集",
    "引导产业工人有理想守信念",
    "实施“海阳工匠”工程",
    "激发产业工人内生动力",
    "树立“技高者多得”改革导向",
    "保障产业工人地位尊严",
];

const BYLINES: [&str; 3] = [
    "YMG全媒体记者 邵壮 王瑶 摄影报道",
    "YMG全媒体记者 钟嘉琳",
    "通讯员 乔美云 王鹏超 张小艺",
];

const COLUMNS: [&str; 1] = ["“产改”6周年巡礼"];

/// Splits one article's text into fields: known lines by kind, `- ` lines as captions, a
/// `本报讯(…)` dateline as a byline, and everything else as one body field whose paragraphs
/// keep the blank lines between them (some paragraphs are broken across columns there).
fn article(text: &str) -> Document {
    let mut doc = Document::new();
    let mut body = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if TITLES.contains(&line) {
            doc.push(FieldKind::Title, line);
        } else if HEADINGS.contains(&line) {
            doc.push(FieldKind::Heading, line);
        } else if BYLINES.contains(&line) {
            doc.push(FieldKind::Byline, line);
        } else if COLUMNS.contains(&line) {
            doc.push(FieldKind::Meta, line);
        } else if let Some(caption) = line.strip_prefix("- ") {
            doc.push(FieldKind::Caption, caption);
        } else if let Some(rest) = line.strip_prefix("本报讯(") {
            let (byline, lead) = rest.split_once(')').unwrap_or(("", rest));
            doc.push(FieldKind::Byline, format!("本报讯({byline})"));
            body.push(lead);
        } else {
            body.push(line);
        }
    }
    doc.push(FieldKind::Body, body.join("\n\n"));
    doc
}

fn articles() -> Vec<Document> {
    let mut starts: Vec<usize> = TITLES.iter().filter_map(|t| PAGE.find(t)).collect();
    assert_eq!(starts.len(), 4, "every title is on the page");
    starts.push(PAGE.len());
    starts
        .windows(2)
        .map(|w| article(&PAGE[w[0]..w[1]]))
        .collect()
}

/// The four articles, then every line of the page as a document of its own: the many small
/// documents make precision mean something.
fn corpus() -> (Vec<Document>, Index) {
    let mut docs = articles();
    for line in PAGE.lines().map(str::trim).filter(|l| !l.is_empty()) {
        docs.push(Document::new().with(FieldKind::Body, line));
    }
    let mut index = Index::new();
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(index.add(doc), DocId(i as u32));
    }
    (docs, index)
}

fn found(index: &Index, query: &str) -> BTreeSet<DocId> {
    index
        .search(&Query::parse(query))
        .into_iter()
        .map(|h| h.doc)
        .collect()
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_substring_of_every_title_finds_its_article() {
    let (_, index) = corpus();
    let mut queries = 0;
    for (i, title) in TITLES.iter().enumerate() {
        let title = without_whitespace(title);
        for sub in common::substrings(&title, 1, title.chars().count(), |_| true) {
            // A leading `-` would make the query an exclusion; quote it to search for it.
            let query = if sub.starts_with('-') {
                format!("\"{sub}\"")
            } else {
                sub.clone()
            };
            assert!(
                found(&index, &query).contains(&DocId(i as u32)),
                "{sub:?} misses article {i}"
            );
            queries += 1;
        }
    }
    println!("title substrings: {queries} queries, all found their article");
}

#[test]
fn han_substrings_of_titles_and_body_sentences_have_perfect_recall_and_precision() {
    let (docs, index) = corpus();
    let mut sources: Vec<String> = TITLES.iter().map(|t| without_whitespace(t)).collect();
    let body = |i: usize| {
        let doc: &Document = &docs[i];
        doc.fields
            .iter()
            .filter(|f| f.kind == FieldKind::Body)
            .map(|f| without_whitespace(&f.text))
            .collect::<String>()
    };
    // Ten sentences from across the four bodies, including ones broken across a column.
    let sentences: Vec<String> = (0..4)
        .flat_map(|i| body(i).split('。').map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert!(sentences.len() > 40);
    let step = sentences.len() / 10;
    sources.extend(sentences.iter().step_by(step).take(10).cloned());

    let mut queries = BTreeSet::new();
    for source in &sources {
        queries.extend(common::substrings(source, 2, 4, |s| {
            s.chars().all(common::is_han)
        }));
    }
    let (mut true_pos, mut false_pos, mut false_neg) = (0usize, 0usize, 0usize);
    for q in &queries {
        let expected = common::brute_force(&docs, &[q], &[]);
        let got = found(&index, q);
        true_pos += got.intersection(&expected).count();
        false_pos += got.difference(&expected).count();
        false_neg += expected.difference(&got).count();
        assert_eq!(got, expected, "query {q:?}");
    }
    let recall = true_pos as f64 / (true_pos + false_neg) as f64;
    let precision = true_pos as f64 / (true_pos + false_pos) as f64;
    println!(
        "sample page: {} docs, {} queries, {true_pos} true hits, {false_pos} false, {false_neg} missed; recall {recall:.3}, precision {precision:.3}",
        docs.len(),
        queries.len()
    );
    assert_eq!((false_pos, false_neg), (0, 0));
}

#[test]
fn a_reporters_name_finds_the_articles_they_wrote() {
    let (_, index) = corpus();
    assert!(found(&index, "王鸿云").contains(&DocId(2)));
    assert!(found(&index, "王超").contains(&DocId(2)));
    assert!(found(&index, "邵壮").contains(&DocId(0)));
    assert!(found(&index, "王鹏超").contains(&DocId(3)));
}

#[test]
fn words_broken_across_a_column_are_found_whole() {
    let (_, index) = corpus();
    // `减\n\n肥` and `浮\n\n空器` are split over blank lines on the printed page, which
    // prints a half-width comma that a full-width one in the query still matches.
    assert!(found(&index, "“三无”减肥产品,现场").contains(&DocId(2)));
    assert!(found(&index, "“三无”减肥产品，现场").contains(&DocId(2)));
    assert!(found(&index, "浮空器").contains(&DocId(3)));
}

#[test]
fn numbers_and_latin_words_are_found_in_chinese_text() {
    let (_, index) = corpus();
    assert!(found(&index, "58.44").contains(&DocId(2)));
    assert!(found(&index, "58.44万粒").contains(&DocId(2)));
    assert!(found(&index, "OGE").contains(&DocId(3)));
    assert!(found(&index, "oge 引擎").contains(&DocId(3)));
    assert!(found(&index, "ymg").contains(&DocId(1)));
}

#[test]
fn a_title_match_ranks_the_article_above_articles_that_only_mention_it() {
    let mut index = Index::new();
    for doc in articles() {
        index.add(&doc);
    }
    let hits = index.search(&Query::parse("烟台自然博物馆"));
    assert_eq!(hits.first().map(|h| h.doc), Some(DocId(1)));
    let hits = index.search(&Query::parse("航天"));
    assert_eq!(hits.first().map(|h| h.doc), Some(DocId(3)));
}
