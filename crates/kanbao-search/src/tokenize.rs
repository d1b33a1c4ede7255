//! The one tokenizer: text normalisation and index keys, shared by indexing and querying.
//!
//! Both sides go through [`normalize`]: full-width forms fold to ASCII, letters lowercase,
//! traditional Chinese characters fold to simplified ones (so either script finds the other),
//! and whitespace disappears except as a single space between two Latin word characters. Matching
//! is then plain substring search on normalised text, and the keys below only ever narrow the
//! candidates: for any substring of a normalised text, [`needs`] asks only for keys that
//! [`keys`] produced for that text, so candidate generation cannot lose a match.

use std::ops::Range;

use kanbao_parse::simplified;

/// Whether a folded character belongs to a Latin word or a number.
///
/// Han, kana, hangul, punctuation and symbols are not word characters: each of them stands
/// alone, and whitespace between them carries no meaning in Chinese text.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && (c as u32) < 0x2000 && c.is_alphanumeric())
}

/// Whether a source character folds to a word character.
pub(crate) fn folds_to_word_char(c: char) -> bool {
    fold(c).next().is_some_and(is_word_char)
}

/// Whether `c` is dropped from normalised text (whitespace and invisible formatting).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// The folded form of one source character: usually one character, sometimes more.
enum Fold {
    One(Option<char>),
    Lower(std::char::ToLowercase),
}

impl Iterator for Fold {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Fold::One(c) => c.take(),
            Fold::Lower(l) => l.next(),
        }
    }
}

/// Folds full-width ASCII to half-width, lowercases, and folds traditional Chinese characters
/// to simplified ones.
fn fold(c: char) -> Fold {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        Fold::One(Some(c.to_ascii_lowercase()))
    } else if ('\u{3000}'..='\u{9FFF}').contains(&c) {
        // CJK punctuation, kana and unified ideographs have no case: skip the case table.
        Fold::One(Some(simplified(c)))
    } else if c >= '\u{20000}' {
        // Supplementary ideographs: no case either, and some traditional forms.
        Fold::One(Some(simplified(c)))
    } else {
        Fold::Lower(c.to_lowercase())
    }
}

/// Walks the normalised form of `text`, giving each output character with the byte range of
/// the source text it came from.
fn walk(text: &str, mut emit: impl FnMut(char, Range<usize>)) {
    let mut last_was_word = false;
    let mut gap: Option<Range<usize>> = None;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if is_blank(c) {
            gap = Some(gap.map_or(i..end, |g| g.start..end));
            continue;
        }
        for f in fold(c) {
            let word = is_word_char(f);
            if let Some(g) = gap.take() {
                // Whitespace still separates Latin words; it never separates Chinese.
                if last_was_word && word {
                    emit(' ', g);
                }
            }
            emit(f, i..end);
            last_was_word = word;
        }
    }
}

/// Normalises text for indexing or querying.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    walk(text, |c, _| out.push(c));
    out
}

/// Normalised text that remembers where each byte came from in the source.
#[derive(Debug)]
pub(crate) struct Mapped {
    /// The normalised text.
    pub(crate) text: String,
    /// For each byte of `text`, the source range of the character it belongs to.
    pub(crate) source: Vec<Range<usize>>,
}

impl Mapped {
    /// Normalises `text`, keeping the way back to source byte offsets.
    pub(crate) fn new(text: &str) -> Mapped {
        let mut out = String::with_capacity(text.len());
        let mut source = Vec::with_capacity(text.len());
        walk(text, |c, range| {
            out.push(c);
            source.extend(std::iter::repeat_n(range, c.len_utf8()));
        });
        Mapped { text: out, source }
    }

    /// Maps a non-empty byte range of the normalised text back to the source text.
    pub(crate) fn to_source(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self.source.get(range.start)?;
        let last = self.source.get(range.end.checked_sub(1)?)?;
        Some(first.start..last.end)
    }
}

/// Key of a unigram (one non-word character).
pub(crate) fn unigram(c: char) -> u64 {
    (1 << 63) | u64::from(c)
}

/// Key of a bigram (two adjacent non-word characters).
pub(crate) fn bigram(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// One index key of a normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    /// A unigram or bigram of non-word characters.
    Gram(u64),
    /// A whole Latin word or number: the byte range in the text.
    Word(Range<usize>),
}

/// Gives every index key of normalised text: unigrams and bigrams of Han (and other
/// non-word) characters, and whole Latin words and numbers.
pub(crate) fn keys(text: &str, mut emit: impl FnMut(Key)) {
    let mut run: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            run.get_or_insert(i);
            prev = None;
            continue;
        }
        if let Some(start) = run.take() {
            emit(Key::Word(start..i));
        }
        if c == ' ' {
            prev = None;
            continue;
        }
        emit(Key::Gram(unigram(c)));
        if let Some(p) = prev {
            emit(Key::Gram(bigram(p, c)));
        }
        prev = Some(c);
    }
    if let Some(start) = run {
        emit(Key::Word(start..text.len()));
    }
}

/// What a document must contain for a normalised query term to possibly match it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Need<'a> {
    /// This unigram or bigram key.
    Gram(u64),
    /// This exact word (a word inside the term, bounded on both sides).
    Word(&'a str),
    /// A word ending with this (the term starts inside a word).
    WordEndingWith(&'a str),
    /// A word starting with this (the term ends inside a word).
    WordStartingWith(&'a str),
    /// A word containing this (the whole term is part of one word).
    WordContaining(&'a str),
}

/// Lists what a document must contain to match the normalised term.
///
/// A term is a substring of the document, so its edges may cut words: only inner words must
/// be whole. Only bigrams are asked for when the term has them; unigrams of a term with
/// bigrams add nothing.
pub(crate) fn needs(term: &str) -> Vec<Need<'_>> {
    let mut grams = Vec::new();
    let mut unigrams = Vec::new();
    let mut words = Vec::new();
    keys(term, |key| match key {
        Key::Gram(g) if g >> 63 == 1 => unigrams.push(Need::Gram(g)),
        Key::Gram(g) => grams.push(Need::Gram(g)),
        Key::Word(r) => {
            let w = &term[r.clone()];
            words.push(match (r.start == 0, r.end == term.len()) {
                (true, true) => Need::WordContaining(w),
                (true, false) => Need::WordEndingWith(w),
                (false, true) => Need::WordStartingWith(w),
                (false, false) => Need::Word(w),
            });
        }
    });
    if grams.is_empty() {
        grams = unigrams;
    }
    grams.sort_unstable_by_key(|n| match n {
        Need::Gram(g) => *g,
        _ => 0,
    });
    grams.dedup();
    grams.extend(words);
    grams
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    /// Checks that every query-time need of every substring of `text`'s normalised form is met
    /// by the index-time keys of `text`.
    fn assert_agree(text: &str) {
        let n = normalize(text);
        let mut grams = HashSet::new();
        let mut words = Vec::new();
        keys(&n, |k| match k {
            Key::Gram(g) => {
                grams.insert(g);
            }
            Key::Word(r) => words.push(n[r].to_string()),
        });
        let bounds: Vec<usize> = n.char_indices().map(|(i, _)| i).chain([n.len()]).collect();
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a + 1..] {
                let sub = &n[s..e];
                if sub.starts_with(' ') || sub.ends_with(' ') {
                    continue;
                }
                assert_eq!(
                    normalize(sub),
                    sub,
                    "query-time normalisation of {sub:?} differs"
                );
                for need in needs(sub) {
                    let met = match need {
                        Need::Gram(g) => grams.contains(&g),
                        Need::Word(w) => words.iter().any(|x| x == w),
                        Need::WordEndingWith(w) => words.iter().any(|x| x.ends_with(w)),
                        Need::WordStartingWith(w) => words.iter().any(|x| x.starts_with(w)),
                        Need::WordContaining(w) => words.iter().any(|x| x.contains(w)),
                    };
                    assert!(met, "{need:?} of {sub:?} is not among the keys of {text:?}");
                }
            }
        }
    }

    #[test]
    fn index_and_query_tokens_agree_on_every_substring() {
        for text in [
            "“合纵连横”走在前 “港城标兵”作表率",
            "本报讯(YMG全媒体记者 王鸿云 通讯员 肖艳芬 王超 丁晓)",
            "查获58.44万粒，ＡＢＣ１２３ 与 abc 123",
            "开放地球引擎OGE系统 open  earth\nengine",
            "王 超\n王\n超　港城\r\n标兵",
            "Ünïcode ÀÉ straße İstanbul ①② ａ\u{200B}ｂ",
        ] {
            assert_agree(text);
        }
    }

    #[test]
    fn full_width_forms_fold_to_half_width() {
        assert_eq!(normalize("ＡＢＣ１２３，"), "abc123,");
        assert_eq!(normalize("５８.４４万粒"), "58.44万粒");
    }

    #[test]
    fn whitespace_vanishes_except_between_latin_words() {
        assert_eq!(normalize(" 王 超\n港　城 "), "王超港城");
        assert_eq!(
            normalize("Open \n Earth 引擎 OGE 系统"),
            "open earth引擎oge系统"
        );
    }

    #[test]
    fn han_text_gives_unigrams_and_bigrams_and_latin_gives_whole_words() {
        let text = "港城OGE 58.44";
        let mut got = Vec::new();
        keys(text, |k| got.push(k));
        let o = text.find('O').unwrap_or(0);
        assert_eq!(
            got,
            [
                Key::Gram(unigram('港')),
                Key::Gram(unigram('城')),
                Key::Gram(bigram('港', '城')),
                Key::Word(o..o + 3),
                Key::Word(o + 4..o + 6),
                Key::Gram(unigram('.')),
                Key::Word(o + 7..o + 9),
            ]
        );
    }

    #[test]
    fn mapped_text_leads_back_to_source_bytes() {
        let src = "王\n超 OGE";
        let m = Mapped::new(src);
        assert_eq!(m.text, "王超oge");
        assert_eq!(m.to_source(0..m.text.len()), Some(0..src.len()));
        assert_eq!(m.to_source(3..6), Some(4..7));
    }

    #[test]
    fn traditional_characters_fold_to_simplified_ones() {
        assert_eq!(normalize("臺灣發展"), "台湾发展");
        assert_eq!(normalize("头髮 乾淨 幹部"), "头发干净干部");
        // Simplified text and characters outside the table are left as they are.
        assert_eq!(normalize("台湾发展 港城"), "台湾发展港城");
        assert_eq!(simplified('𠵾'), '𠵾');
    }

    proptest! {
        #[test]
        fn index_and_query_tokens_agree_on_random_text(text in "[港城标兵航天a-cA-Cａ-ｃ0-9０-９ .，\n\u{3000}-]{0,16}") {
            assert_agree(&text);
        }

        #[test]
        fn normalisation_is_stable_on_any_text(text in any::<String>()) {
            let n = normalize(&text);
            prop_assert_eq!(normalize(&n), n.clone());
            let m = Mapped::new(&text);
            prop_assert_eq!(m.text, n);
        }
    }
}
