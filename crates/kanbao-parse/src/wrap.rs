//! Pages hard-wrapped at a column's width, as the text layer of a printed page gives them: every
//! line of a column ends where the column does, so a paragraph runs over many lines, and a
//! line's end tells nothing of where the paragraph ends. Such a page is known by its lines'
//! widths (most long lines as wide as the column, within a character and a half), and read as
//! the same page with each full line joined to the next where the paragraph goes on; every
//! position found in the joined text is mapped back to the page's own text.

use crate::normalize::ends_sentence;

/// Display width of a line in columns, its indentation included: one for an ASCII character,
/// two for any other (Han characters and full-width forms). Counted over the bytes: characters
/// are the bytes that are no UTF-8 continuation byte.
fn line_width(line: &str) -> usize {
    let bytes = line.trim_end().as_bytes();
    let continuation = bytes.iter().filter(|&&b| (0x80..0xC0).contains(&b)).count();
    let ascii = bytes.iter().filter(|&&b| b < 0x80).count();
    2 * (bytes.len() - continuation) - ascii
}

/// Lines narrower than this (ten Han characters) say nothing of a column's width.
const NARROWEST: usize = 20;

/// The widest column a page's text is wrapped at: eighty Han characters.
const WIDEST: usize = 160;

/// Lines of ten characters or more looked at to tell a page's column width.
const SAMPLE: usize = 400;

/// How much narrower than the column a full line may be: a character and a half, as
/// typesetters squeeze punctuation and half-width digits.
const SLACK: usize = 3;

/// The width of the column a page is hard-wrapped at, if it is: among the lines of ten
/// characters or more (the first [`SAMPLE`] of them), the most common width, shared (within
/// [`SLACK`]) by at least eight lines and by at least half of those lines, most of which stop
/// in mid-sentence (where paragraphs stand one to a line, nearly every long line ends one).
pub(crate) fn column_width(text: &str) -> Option<usize> {
    // A page is wrapped throughout or not at all: its first lines tell.
    let long: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| {
            // No character takes fewer columns than half its bytes: a long line is known to
            // be wider than any column by its length alone.
            let l = l.trim_end();
            let w = if l.len() > WIDEST * 2 {
                WIDEST + 1
            } else {
                line_width(l)
            };
            (w, l)
        })
        // An e-paper site's list of pages (`第16版:…` line after line) is no column's text.
        .filter(|&(w, l)| w >= NARROWEST && crate::lines::listed_page(l.trim()).is_none())
        .take(SAMPLE)
        .collect();
    // Most long lines as wide as a column at most, or no column at all.
    let narrow = long.iter().filter(|&&(w, _)| w <= WIDEST).count();
    if narrow < 8 || narrow * 2 < long.len() {
        return None;
    }
    // Lines of each width up to the widest column, for the most common width with its slack
    // below it; wider lines are no column's.
    let mut count = [0usize; WIDEST + 1];
    for &(w, _) in &long {
        if let Some(c) = count.get_mut(w) {
            *c += 1;
        }
    }
    let within = |w: usize| -> usize {
        count
            .get(w.saturating_sub(SLACK)..=w)
            .map_or(0, |c| c.iter().sum())
    };
    // The widest such width the lines reach: a full line is as wide as the column.
    let widest = long.iter().map(|&(w, _)| w).max()?.min(WIDEST);
    let column = (NARROWEST..=widest).max_by_key(|&w| (within(w), w))?;
    let full = within(column);
    let cut = long
        .iter()
        .filter(|&&(w, l)| w + SLACK >= column && w <= column && !ends_sentence(l))
        .count();
    (full >= 8 && full * 2 >= long.len() && cut * 2 >= full).then_some(column)
}

/// Whether a full line of a hard-wrapped page runs on into the next. It runs into no dateline
/// lead (a headline as wide as the column stands over it). Where the page indents its
/// paragraphs, the next line's indentation tells. On a flush page a paragraph's
/// last line seldom fills the column, so a full line runs on unless it ends a sentence and the
/// next line reads as no more of a paragraph: neither full itself nor ending a sentence (a
/// headline, a byline).
fn runs_on(line: &str, next: &str, next_full: bool, indenting: bool) -> bool {
    let next_indented = crate::lines::indented(next);
    // A dateline lead opens a report under its headline.
    if crate::byline::parse_dateline(next.trim()).is_some_and(|d| d.dateline.is_some()) {
        return false;
    }
    if indenting || next_indented {
        return !next_indented;
    }
    !ends_sentence(line) || next_full || ends_sentence(next.trim_end())
}

/// A hard-wrapped page's text with the lines of each paragraph joined, and where bytes were
/// taken out, to map positions back.
#[derive(Debug)]
pub(crate) struct Unwrapped {
    /// The joined text.
    pub text: String,
    /// For each join, its position in the joined text and the bytes taken out of the page's
    /// text up to it, this join's included (the line's end and the blanks before it); in text
    /// order.
    cuts: Vec<(usize, usize)>,
}

impl Unwrapped {
    /// The position in the page's text of a position in the joined text. A position at a
    /// join counts as before it for the end of a span and after it for a start.
    pub fn original(&self, at: usize, end: bool) -> usize {
        let before = self
            .cuts
            .partition_point(|&(p, _)| if end { p < at } else { p <= at });
        at + before
            .checked_sub(1)
            .and_then(|k| self.cuts.get(k))
            .map_or(0, |&(_, removed)| removed)
    }
}

/// Joins the lines of each paragraph of a page hard-wrapped at a column's width; `None` for a
/// page that is not ([`column_width`]).
pub(crate) fn unwrap(text: &str) -> Option<Unwrapped> {
    let column = column_width(text)?;
    let raw: Vec<&str> = text.split('\n').collect();
    let full: Vec<bool> = raw
        .iter()
        .map(|l| line_width(l) + SLACK >= column)
        .collect();
    let blank: Vec<bool> = raw.iter().map(|l| l.trim().is_empty()).collect();
    // Whether the page indents its paragraphs: most lines that follow a line narrower than
    // the column (the end of a paragraph) are indented.
    let (mut after_short, mut indented) = (0usize, 0usize);
    for k in 1..raw.len() {
        if !blank[k - 1] && !blank[k] && !full[k - 1] {
            after_short += 1;
            indented += usize::from(crate::lines::indented(raw[k]));
        }
    }
    let indenting = after_short >= 4 && indented * 10 >= after_short * 7;
    let mut out = String::with_capacity(text.len());
    let mut cuts = Vec::new();
    let mut removed = 0usize;
    for (i, line) in raw.iter().enumerate() {
        let next = raw.get(i + 1);
        let join = next.is_some_and(|next| {
            full[i]
                && !blank[i]
                && !blank[i + 1]
                && runs_on(line.trim_end(), next, full[i + 1], indenting)
        });
        if join {
            let kept = line.trim_end();
            out.push_str(kept);
            // The line's end and the blanks before it: `\n`, and a `\r` or spaces.
            removed += line.len() - kept.len() + 1;
            cuts.push((out.len(), removed));
        } else {
            out.push_str(line);
            if next.is_some() {
                out.push('\n');
            }
        }
    }
    debug_assert_eq!(out.len() + removed, text.len());
    Some(Unwrapped { text: out, cuts })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of two paragraphs wrapped at twelve characters.
    const WRAPPED: &str = "江城新建三座口袋公园\n\
        \u{3000}\u{3000}近日，江城三座口袋公园\n\
        建成开放，附近居民可以就近\n\
        散步健身，孩子们也有了玩耍\n\
        的地方。\n\
        \u{3000}\u{3000}公园由旧厂房空地改建\n\
        而成，总面积一万二千平方米\n\
        ，配有健身步道、儿童游乐设\n\
        施和一座小小的图书角，每天\n\
        早上六点开放到晚上十点。\n\
        \u{3000}\u{3000}明年还将再建两座，选址\n\
        由居民投票决定，市民可在网\n\
        上提出建议。\n";

    #[test]
    fn a_lines_width_counts_two_columns_for_a_han_character() {
        assert_eq!(line_width("江城ab，"), 8);
        assert_eq!(line_width("\u{3000}\u{3000}近日  "), 8);
        assert_eq!(line_width(""), 0);
    }

    #[test]
    fn a_page_wrapped_at_a_columns_width_is_known_by_its_lines() {
        assert_eq!(column_width(WRAPPED), Some(26));
        // Paragraphs one to a line have no common width.
        let flowing = "江城新建三座口袋公园\n近日，江城三座口袋公园建成开放，附近居民可以就近散步健身。\n\
            公园由旧厂房空地改建而成。\n明年还将再建两座，选址由居民投票决定，市民可在网上提出建议，也可以打电话。\n";
        assert_eq!(column_width(flowing), None);
        // Nor do lines of one width that each end a sentence.
        let same = "江城今年新建口袋公园三十个，居民在家门口就能散步健身。\n".repeat(12);
        assert_eq!(column_width(&same), None);
        // Nor does an e-paper site's list of pages, line after line of one width.
        let pages: String = (10..30)
            .map(|n| format!("第{n}版:壮丽七十年 奋斗新时代\n"))
            .collect();
        assert_eq!(column_width(&pages), None);
    }

    #[test]
    fn the_lines_of_each_paragraph_are_joined_and_positions_map_back() {
        let u = unwrap(WRAPPED).unwrap();
        let lines: Vec<&str> = u.text.lines().collect();
        assert_eq!(
            lines,
            [
                "江城新建三座口袋公园",
                "\u{3000}\u{3000}近日，江城三座口袋公园建成开放，附近居民可以就近散步健身，孩子们也有了玩耍的地方。",
                "\u{3000}\u{3000}公园由旧厂房空地改建而成，总面积一万二千平方米，配有健身步道、儿童游乐设施和一座小小的图书角，每天早上六点开放到晚上十点。",
                "\u{3000}\u{3000}明年还将再建两座，选址由居民投票决定，市民可在网上提出建议。",
            ]
        );
        // The second paragraph's span in the joined text covers its lines in the page's.
        let start = u.text.find("\u{3000}\u{3000}公园").unwrap();
        let end = u.text.find("十点。").unwrap() + "十点。".len();
        let (a, b) = (u.original(start, false), u.original(end, true));
        assert!(WRAPPED[a..b].starts_with("\u{3000}\u{3000}公园"));
        assert!(WRAPPED[a..b].ends_with("十点。"));
        assert_eq!(WRAPPED[a..b].matches('\n').count(), 4);
    }

    #[test]
    fn a_full_line_runs_on_unless_the_next_line_starts_anew() {
        assert!(runs_on("近日，江城三座口袋公园", "建成开放", false, false));
        // Ending a sentence, it runs on into more of a paragraph, not into a headline.
        assert!(runs_on(
            "近日，江城三座口袋公园建成。",
            "公园由旧厂房改建。",
            false,
            false
        ));
        assert!(runs_on(
            "近日，江城三座口袋公园建成。",
            "公园由旧厂房空地改建而成",
            true,
            false
        ));
        assert!(!runs_on(
            "近日，江城三座口袋公园建成。",
            "南州新开一座书房",
            false,
            false
        ));
        // A headline filling the column runs on into no dateline lead.
        assert!(!runs_on(
            "江城新建三座口袋公园",
            "本报讯（记者 林小雨）近日，",
            false,
            false
        ));
        // Where paragraphs are indented, indentation tells.
        assert!(runs_on(
            "近日，江城三座口袋公园建成。",
            "南州新开一座书房",
            false,
            true
        ));
        assert!(!runs_on(
            "近日，江城三座口袋公园",
            "\u{3000}\u{3000}公园由旧厂房",
            false,
            true
        ));
    }
}
