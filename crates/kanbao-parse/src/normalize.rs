//! Character classes and the full-width punctuation rule shared by every text field.

/// Whether `c` is a Han character (CJK unified ideographs and their extensions).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether `c` is punctuation or a symbol that only appears in CJK typesetting.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F      // 。、「」《》【】〔〕 and the ideographic space
        | 0xFF00..=0xFFEF    // full-width forms: ，（）：；？！
        | 0x2018..=0x201F    // “ ” ‘ ’ as Chinese text uses them
        | 0x2014 | 0x2026    // —— and ……
        | 0x00B7             // · between names and phrases
        | 0x25A0..=0x25FF    // □ ■ ▲ △
        | 0x2460..=0x24FF) // ① ② ...
}

/// Whether `c` counts as Chinese context for the punctuation rule.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Whether a line or paragraph ends a sentence, so that the next text block starts a new paragraph.
///
/// `：` and `；` count as final: a printed paragraph that ends with them was broken on purpose
/// (a quotation or a list follows). `、`, `，`, `》`, `——`, letters and digits do not: a
/// paragraph ending with them was cut by a column or page break.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end();
    let s = code_tail(s).and_then(|at| s.get(..at)).unwrap_or(s);
    matches!(
        s.trim_end().chars().next_back(),
        Some(
            '。' | '！'
                | '？'
                | '!'
                | '?'
                | '…'
                | '；'
                | ';'
                | '：'
                | ':'
                | '”'
                | '’'
                | '」'
                | '』'
                | '）'
                | ')'
                | '"'
                | '\''
                | '.'
                | '．'
                | '】'
                | '〕'
        )
    )
}

/// Marks that close a quotation, full- and half-width: a line ending in one (`打通“最后一公里”`,
/// `下好备汛"先手棋"`) ends no sentence unless a mark stands inside the quotation.
pub(crate) const CLOSING_QUOTES: [char; 5] = ['”', '’', '」', '』', '"'];

/// `s` without the quotation marks closing it ([`CLOSING_QUOTES`]).
pub(crate) fn unquoted_end(s: &str) -> &str {
    s.trim_end_matches(CLOSING_QUOTES)
}

/// Where an editor's or layout code glued to the end of a paragraph starts: `…41.43%。②6`,
/// `…说。③1`. The code is a circled number with up to two digits after a sentence's end.
pub(crate) fn code_tail(s: &str) -> Option<usize> {
    let (at, c) =
        s.char_indices().rev().take(3).find(
            |&(_, c)| matches!(c as u32, 0x2460..=0x2473 | 0x2776..=0x2793 | 0x3251..=0x325F),
        )?;
    let after = s.get(at + c.len_utf8()..)?;
    let before = s.get(..at)?.trim_end();
    let final_mark = matches!(
        before.chars().next_back(),
        Some('。' | '！' | '？' | '”' | '…' | '）' | ')' | '!' | '?')
    );
    (after.len() <= 2 && after.bytes().all(|b| b.is_ascii_digit()) && final_mark).then_some(at)
}

/// Converts half-width punctuation in Chinese context to full width.
///
/// A mark is in Chinese context when the character right before it (as already converted) or
/// right after it is Han or CJK punctuation. Parentheses convert as pairs, so `(同时命名为“…”)`
/// never ends up half converted. Numbers (`58.44`, `1,000`, `10:30`) and Latin text keep their
/// marks because neither neighbour is Chinese.
pub(crate) fn fullwidth(s: &str) -> String {
    let mark = |b: u8| matches!(b, b',' | b'(' | b')' | b':' | b';' | b'?' | b'!');
    if !s.bytes().any(mark) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut open: Vec<bool> = Vec::new();
    // The character before the next mark, as already converted, and how far `s` is copied.
    let mut prev: Option<char> = None;
    let mut copied = 0;
    // The marks are ASCII: their bytes never stand inside another character's.
    for (i, b) in s.bytes().enumerate() {
        if !mark(b) {
            continue;
        }
        let run = s.get(copied..i).unwrap_or("");
        out.push_str(run);
        if let Some(c) = run.chars().next_back() {
            prev = Some(c);
        }
        let next = s.get(i + 1..).and_then(|rest| rest.chars().next());
        let context = || prev.is_some_and(is_cjk) || next.is_some_and(is_cjk);
        let c = char::from(b);
        let converted = match c {
            '(' => {
                let wide = context();
                open.push(wide);
                if wide { '（' } else { c }
            }
            ')' => {
                let wide = open.pop().unwrap_or_else(context);
                if wide { '）' } else { c }
            }
            ',' if context() => '，',
            ':' if context() => '：',
            ';' if context() => '；',
            '?' if context() => '？',
            '!' if context() => '！',
            _ => c,
        };
        out.push(converted);
        prev = Some(converted);
        copied = i + 1;
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

/// Collapses runs of whitespace into one ASCII space.
pub(crate) fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// FNV-1a, 32 bits: a tiny stable hash for article ids (the same on every platform and build).
pub(crate) fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in bytes {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_glued_to_a_paragraphs_end_are_found_and_do_not_cut_it() {
        let s = "占比达到41.43%。②6";
        assert_eq!(code_tail(s), Some("占比达到41.43%。".len()));
        assert!(ends_sentence(s));
        assert_eq!(code_tail("见图①"), None);
        assert_eq!(code_tail("增长12.6%。"), None);
    }

    #[test]
    fn punctuation_next_to_chinese_becomes_full_width() {
        assert_eq!(fullwidth("11月,“合纵连横"), "11月，“合纵连横");
        assert_eq!(
            fullwidth("本报讯(YMG全媒体记者 杨健)近日"),
            "本报讯（YMG全媒体记者 杨健）近日"
        );
        assert_eq!(
            fullwidth("教学点(同时命名为“阵地”),提供"),
            "教学点（同时命名为“阵地”），提供"
        );
    }

    #[test]
    fn numbers_and_latin_keep_their_marks() {
        assert_eq!(fullwidth("58.44万粒"), "58.44万粒");
        assert_eq!(fullwidth("共1,000人"), "共1,000人");
        assert_eq!(fullwidth("10:30开始"), "10:30开始");
        assert_eq!(fullwidth("AIT (Assembly)工厂"), "AIT (Assembly)工厂");
        assert_eq!(fullwidth("召开1—2次"), "召开1—2次");
    }

    #[test]
    fn cut_paragraph_ends_are_not_sentence_ends() {
        assert!(!ends_sentence("需"));
        assert!(!ends_sentence("“网上"));
        assert!(!ends_sentence("双重组织生活"));
        assert!(ends_sentence("6名……"));
        assert!(ends_sentence("工作目标。”"));
    }
}
