//! Pages printed in traditional characters: Hong Kong, Macau and Taiwan papers, and mainland
//! papers before 1956.
//!
//! The parser's words (`本报`, `记者`, `摄`, `电`, `消息`) are written in simplified characters,
//! so a page printed in traditional ones is read as its fold to simplified characters
//! ([`fold`]): one character for one of the same length in UTF-8, so that every byte offset
//! stays where it was. What the parser read is then given back its characters as printed
//! ([`restore`]): titles, names, datelines and text come out as the page prints them.
//! A simplified page is never folded, so its reading does not change.

use crate::model::{Page, Span};
use crate::traditional::{ALSO_SIMPLIFIED, TRADITIONAL};

/// The first and last code points of the traditional characters in the Basic Multilingual
/// Plane (CJK Extension A and the unified ideographs); the others are supplementary.
const BMP_FIRST: u32 = 0x3400;
const BMP_END: u32 = 0xA000;
const WORDS: usize = ((BMP_END - BMP_FIRST) / 64) as usize;

/// One bit per code point from [`BMP_FIRST`] to [`BMP_END`] for the characters of one column
/// of the table.
const fn bits(simplified: bool) -> [u64; WORDS] {
    let mut bits = [0u64; WORDS];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let c = if simplified {
            TRADITIONAL[i].1
        } else {
            TRADITIONAL[i].0
        } as u32;
        if c >= BMP_FIRST && c < BMP_END {
            let n = (c - BMP_FIRST) as usize;
            bits[n / 64] |= 1 << (n % 64);
        }
        i += 1;
    }
    bits
}

/// Whether each code point is a traditional character of the table. Most characters of a
/// page are not, and one bit tells.
static TRADITIONAL_BITS: [u64; WORDS] = bits(false);

/// Whether each code point is the simplified form of some traditional character: the only
/// characters of a folded reading that may stand for another as printed.
static SIMPLIFIED_BITS: [u64; WORDS] = bits(true);

fn has_bit(bits: &[u64; WORDS], c: char) -> bool {
    let code = c as u32;
    if !(BMP_FIRST..BMP_END).contains(&code) {
        return false;
    }
    let n = (code - BMP_FIRST) as usize;
    bits.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
}

/// The simplified form of a traditional character (`發` → `发`, `臺` → `台`, `乾` → `干`), or the
/// character itself. Characters with several traditional forms (发/發/髮) fold to the one
/// simplified form.
pub fn simplified(c: char) -> char {
    let candidate = if (c as u32) < BMP_END {
        has_bit(&TRADITIONAL_BITS, c)
    } else {
        c as u32 >= 0x20000
    };
    if !candidate {
        return c;
    }
    TRADITIONAL
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .and_then(|i| TRADITIONAL.get(i))
        .map_or(c, |&(_, s)| s)
}

/// Whether `c` is written only in traditional text: a character of the table that is not also
/// a standard simplified character (`於`, `乾` are both).
fn only_traditional(c: char) -> bool {
    has_bit(&TRADITIONAL_BITS, c) && !ALSO_SIMPLIFIED.contains(c)
}

/// How many Han characters [`printed_traditional`] reads at most: some pages' worth of text,
/// enough to tell the script, so that a long input costs no more than a page.
const SAMPLE: usize = 4000;

/// Whether a page is printed in traditional characters: at least eight of its characters are
/// written only in traditional text, and at least one in 25 of its Han characters (of the
/// first [`SAMPLE`]). Traditional text has one in four or five; a simplified page that quotes a
/// Hong Kong name has a few.
fn printed_traditional(text: &str) -> bool {
    let (mut han, mut traditional) = (0usize, 0usize);
    let bytes = text.as_bytes();
    // Han characters of the Basic Multilingual Plane are three bytes in UTF-8, led by E3 to
    // E9: only those are decoded.
    let mut i = 0;
    while i < bytes.len() && han < SAMPLE {
        let b = bytes[i];
        if (0xE3..=0xE9).contains(&b)
            && let Some(c) = text.get(i..i + 3).and_then(|s| s.chars().next())
        {
            if ('\u{3400}'..'\u{A000}').contains(&c) {
                han += 1;
                traditional += usize::from(only_traditional(c));
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    traditional >= 8 && traditional * 25 >= han
}

/// The simplified fold of a page printed in traditional characters, or `None` for any other
/// page. Each character folds to its simplified form where that form has the same length in
/// UTF-8, so the fold's byte offsets are the page's own.
pub(crate) fn fold(text: &str) -> Option<String> {
    if !printed_traditional(text) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| {
                let s = simplified(c);
                if s.len_utf8() == c.len_utf8() { s } else { c }
            })
            .collect(),
    )
}

/// Gives what the parser read from the `folded` text back its characters as printed in
/// `original`. Spans are the same in both; article ids are made from the page as printed.
pub(crate) fn restore(page: &mut Page, folded: &str, original: &str) {
    let whole: Span = [0, original.len()];
    let back = |s: &mut String, span: Span| *s = as_printed(s, folded, original, span);
    let meta = &mut page.meta;
    for s in [&mut meta.date, &mut meta.page, &mut meta.section]
        .into_iter()
        .flatten()
    {
        back(s, whole);
    }
    for s in &mut meta.editors {
        back(s, whole);
    }
    let hash = crate::normalize::fnv1a32(original.as_bytes());
    for a in &mut page.articles {
        if let Some((_, ordinal)) = a.id.split_once('-') {
            a.id = format!("{hash:08x}-{ordinal}");
        }
        let span = a.span;
        // An article printed without a traditional character reads as it stands.
        if folded.get(span[0]..span[1]) == original.get(span[0]..span[1]) {
            continue;
        }
        back(&mut a.title, span);
        for s in [
            &mut a.column,
            &mut a.kicker,
            &mut a.subtitle,
            &mut a.dateline,
            &mut a.lead,
        ]
        .into_iter()
        .flatten()
        {
            back(s, span);
        }
        let b = &mut a.byline;
        for names in [
            &mut b.reporters,
            &mut b.correspondents,
            &mut b.photographers,
            &mut b.authors,
            &mut b.raw,
        ] {
            for s in names {
                back(s, span);
            }
        }
        for block in &mut a.blocks {
            back(&mut block.text, block.span);
            if let Some(m) = &mut block.marker {
                back(m, block.span);
            }
        }
    }
    for f in &mut page.unassigned {
        back(&mut f.text, f.span);
    }
}

/// `s`, read from the `folded` text within `span`, with its characters as printed in
/// `original`. Where `s` stands in the span as it is, it is that part of the original; where
/// the parser changed it (spaces dropped from a name, half-width punctuation widened, lines
/// joined), each character that may have been folded is looked for after the one before it,
/// from the first place where `s` begins.
fn as_printed(s: &str, folded: &str, original: &str, span: Span) -> String {
    let (Some(f), Some(o)) = (folded.get(span[0]..span[1]), original.get(span[0]..span[1])) else {
        return s.to_owned();
    };
    if f == o || !s.chars().any(|c| has_bit(&SIMPLIFIED_BITS, c)) {
        return s.to_owned();
    }
    if let Some(at) = f.find(s) {
        return o.get(at..at + s.len()).unwrap_or(s).to_owned();
    }
    let mut from = s.chars().next().and_then(|c| f.find(c)).unwrap_or(0);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let printed = if has_bit(&SIMPLIFIED_BITS, c) {
            f.get(from..).and_then(|rest| rest.find(c)).and_then(|i| {
                from += i + c.len_utf8();
                o.get(from - c.len_utf8()..)?.chars().next()
            })
        } else {
            None
        };
        out.push(printed.unwrap_or(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_fold_to_simplified_ones() {
        assert_eq!(simplified('報'), '报');
        assert_eq!(simplified('臺'), '台');
        assert_eq!(simplified('乾'), '干');
        assert_eq!(simplified('报'), '报');
        assert_eq!(simplified('𠵾'), '𠵾');
    }

    #[test]
    fn the_traditional_table_is_sorted_and_folds_once() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        for &(t, s) in &TRADITIONAL {
            assert_eq!(simplified(t), s, "{t}");
            assert_eq!(simplified(s), s, "{t} → {s} folds again");
        }
        assert!(ALSO_SIMPLIFIED.chars().all(|c| simplified(c) != c));
    }

    #[test]
    fn characters_also_simplified_are_no_sign_of_traditional_text() {
        assert!(only_traditional('報'));
        assert!(!only_traditional('於'));
        assert!(!only_traditional('报'));
    }

    #[test]
    fn a_page_is_traditional_by_its_share_of_traditional_characters() {
        let traditional = "本報消息(記者 陳小明)市政署昨日表示,將加緊清理市面垃圾,\
                           並在垃圾桶周邊做好防風措施。";
        assert!(printed_traditional(traditional));
        // A simplified page that quotes a few traditional names.
        let simplified_page = "本报讯(记者 陈小明)市政署昨日表示,将加紧清理市面垃圾。\n".repeat(20)
            + &"香港《大公報》報道,市民對此表示歡迎。".repeat(3);
        assert!(!printed_traditional(&simplified_page));
        assert!(!printed_traditional("報導"));
    }

    #[test]
    fn a_fold_keeps_every_byte_offset() {
        // 㗲 folds to 𠵾, one byte longer in UTF-8: it stays as it is.
        let page = "新華社澳門電 記者報道㗲";
        let folded = fold(&page.repeat(3)).unwrap();
        assert_eq!(folded.len(), page.len() * 3);
        assert!(folded.starts_with("新华社澳门电 记者报道㗲"));
        assert!(fold("新华社北京电 记者报道").is_none());
    }

    #[test]
    fn what_was_read_from_the_fold_comes_back_as_printed() {
        let original = "記者 李 艷 發自澳門,後天開幕。";
        let folded = fold(&original.repeat(2)).unwrap();
        let folded = &folded[..original.len()];
        let span = [0, original.len()];
        assert_eq!(as_printed("记者", folded, original, span), "記者");
        // Spaces dropped and punctuation widened: each folded character found in turn.
        assert_eq!(as_printed("李艳", folded, original, span), "李艷");
        assert_eq!(
            as_printed("发自澳门，后天开幕。", folded, original, span),
            "發自澳門，後天開幕。"
        );
        // Characters that fold from nothing are left alone.
        assert_eq!(as_printed("开幕式", folded, original, span), "開幕式");
        assert_eq!(as_printed("本报", folded, original, span), "本报");
    }
}
