//! Property tests: any input parses without panicking, losslessly and deterministically.

mod common;

use proptest::prelude::*;

fn fixture_bytes() -> Vec<Vec<u8>> {
    common::fixture_pages()
        .iter()
        .map(|p| std::fs::read(p).expect("fixture"))
        .collect()
}

/// Pieces that push the parser into its interesting corners.
const PIECES: &[&str] = &[
    "本报讯(",
    "记者 ",
    "通讯员 ",
    " 摄",
    "摄影报道",
    "文/图 ",
    "□ ",
    "■",
    "——",
    "(下转第六版)",
    "（上接第一版）",
    "- ①",
    "▲",
    "图为",
    "简讯",
    "图片新闻",
    "“产改”6周年巡礼",
    "一、",
    "2026年1月5日 星期一",
    "A2",
    "责任编辑:",
    "新华社北京3月16日电",
    "本报济南1月3日讯 ",
    "(作者单位:",
    "……",
    "。",
    ",",
    "(",
    ")",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "\u{3000}",
    "王 超",
    "张三",
    "58.44",
    "\u{FEFF}",
    "\0",
    "\u{FFFD}",
    "é",
    "𠀀",
    // Traditional characters, enough of them to have a page read as its simplified fold.
    "【本報訊】",
    "【本報消息】",
    "記者 陳嘉欣 報道:",
    "澳門日報 攝",
    "後乾於",
    "㗲",
];

fn page_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => "[\\u{4e00}-\\u{4e80}]{1,12}",
            1 => any::<String>(),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    InsertText(usize, String),
    DeleteBytes(usize, usize),
    InsertByte(usize, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::DeleteLine),
        any::<usize>().prop_map(Edit::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        (any::<usize>(), page_like()).prop_map(|(a, s)| Edit::InsertText(a, s)),
        (any::<usize>(), 0usize..64).prop_map(|(a, n)| Edit::DeleteBytes(a, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Edit::InsertByte(a, b)),
    ]
}

fn apply(bytes: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
            Edit::InsertText(i, s) => lines.insert(i % (lines.len() + 1), s.clone().into_bytes()),
            Edit::DeleteBytes(i, len) if !lines.is_empty() => {
                let l = &mut lines[i % n];
                let at = i % (l.len() + 1);
                let end = (at + len).min(l.len());
                l.drain(at..end);
            }
            Edit::InsertByte(i, b) if !lines.is_empty() => {
                let l = &mut lines[i % n];
                let at = i % (l.len() + 1);
                l.insert(at, *b);
            }
            _ => {}
        }
    }
    lines.concat()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_text_parses_losslessly(text in page_like()) {
        common::parse_and_check(text.as_bytes());
        let page = kanbao_parse::parse_str(&text, "s");
        common::check_lossless(&text, &page);
    }

    #[test]
    fn random_bytes_parse_losslessly(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        common::parse_and_check(&bytes);
    }

    #[test]
    fn mutated_fixture_pages_parse_losslessly(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let pages = fixture_bytes();
        let original: &Vec<u8> = which.get(&pages);
        common::parse_and_check(&apply(original, &edits));
    }

    #[test]
    fn fixture_pages_hard_wrapped_at_any_width_parse_losslessly(
        which in any::<prop::sample::Index>(),
        width in 6usize..40,
        crlf in any::<bool>(),
        edits in prop::collection::vec(edit(), 0..6),
    ) {
        let pages = fixture_bytes();
        let original: &Vec<u8> = which.get(&pages);
        let text = kanbao_parse::decode(original).text;
        let newline = if crlf { "\r\n" } else { "\n" };
        let mut wrapped = String::new();
        for line in text.lines() {
            let chars: Vec<char> = line.chars().collect();
            for piece in chars.chunks(width) {
                wrapped.extend(piece);
                wrapped.push_str(newline);
            }
            if chars.is_empty() {
                wrapped.push_str(newline);
            }
        }
        common::parse_and_check(&apply(wrapped.as_bytes(), &edits));
    }

    #[test]
    fn mutated_fixture_pages_stay_lossless_as_utf16(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let pages = fixture_bytes();
        let original: &Vec<u8> = which.get(&pages);
        let text = kanbao_parse::decode(original).text;
        let mutated = String::from_utf8_lossy(&apply(text.as_bytes(), &edits)).into_owned();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(mutated.encode_utf16().flat_map(u16::to_le_bytes));
        let page = common::parse_and_check(&utf16);
        prop_assert_eq!(page.source.encoding, kanbao_parse::Encoding::Utf16Le);
    }
}

/// A correction of one of a page's lines, chosen by number.
fn correction() -> impl Strategy<Value = (u8, prop::sample::Index, u8)> {
    (0u8..5, any::<prop::sample::Index>(), 0u8..11)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever a curator splits, merges, marks or renames, the page still accounts for every
    /// character of its text, in spans that never overlap.
    #[test]
    fn corrections_never_lose_a_character(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(correction(), 1..10),
    ) {
        use kanbao_parse::correct::{Correction, LineRef, LineRole, NameRole, apply};
        let pages = fixture_bytes();
        let original: &Vec<u8> = which.get(&pages);
        let text = kanbao_parse::decode(original).text;
        let mut page = kanbao_parse::parse_bytes(original, "p.txt");
        let mut lines = Vec::new();
        let mut start = 0;
        for l in text.split_inclusive('\n') {
            if !l.trim().is_empty() {
                let lead = l.len() - l.trim_start().len();
                lines.push(LineRef {
                    span: [start + lead, start + lead + l.trim().len()],
                    text: l.trim().to_owned(),
                });
            }
            start += l.len();
        }
        prop_assume!(!lines.is_empty());
        let roles = [
            LineRole::Title, LineRole::Kicker, LineRole::Subtitle, LineRole::Column,
            LineRole::Heading, LineRole::Caption, LineRole::Paragraph, LineRole::Furniture,
            LineRole::Byline, LineRole::Dateline, LineRole::Lead,
        ];
        let corrections: Vec<Correction> = edits
            .iter()
            .map(|(kind, at, role)| {
                let line = at.get(&lines).clone();
                match kind {
                    0 => Correction::Split { line },
                    1 => Correction::Merge { line },
                    2 => Correction::Mark { line, role: roles[usize::from(*role)] },
                    3 => Correction::MoveCredit { to: lines[(usize::from(*role) * 7) % lines.len()].clone(), line },
                    _ => Correction::Names { line, role: NameRole::Reporters, names: vec!["林海".into()] },
                }
            })
            .collect();
        apply(&mut page, &text, &corrections);
        common::check_lossless(&text, &page);
    }
}
