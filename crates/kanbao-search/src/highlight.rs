//! Highlights and snippets: where the terms of a query sit in a field's original text.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::query::Query;
use crate::tokenize::{Mapped, folds_to_word_char};

/// Byte ranges of `text` matched by the query's terms (excluded terms are not marked).
///
/// The ranges are sorted, on char boundaries, and merged where they overlap or touch. A match
/// that spans whitespace or line breaks in `text` covers that whitespace too, from its first
/// matched character to its last.
pub fn highlight(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut required = query.required().peekable();
    if required.peek().is_none() {
        return Vec::new();
    }
    let mapped = Mapped::new(text);
    let mut ranges = Vec::new();
    for term in required {
        let needle = term.normalized.as_str();
        let mut from = 0;
        while let Some(at) = mapped.text.get(from..).and_then(|rest| rest.find(needle)) {
            let start = from + at;
            ranges.extend(mapped.to_source(start..start + needle.len()));
            // Step one character, not the whole match: overlapping matches all get marked.
            from = start
                + mapped.text[start..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
    }
    merge(ranges)
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// A short excerpt of a field around the first match, ready to render.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The excerpt, with line breaks between Chinese characters removed and other runs of
    /// whitespace shown as one space.
    pub text: String,
    /// Byte ranges of [`Snippet::text`] to mark, as [`highlight`] gives them.
    pub highlights: Vec<Range<usize>>,
    /// Whether text was left out before the excerpt (show an ellipsis).
    pub cut_before: bool,
    /// Whether text was left out after the excerpt (show an ellipsis).
    pub cut_after: bool,
}

/// Sentence ends: a snippet prefers to start just after one.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// Builds a snippet of at most `max_chars` characters around the first match of the query in
/// `text`, or from the start of `text` when nothing matches.
///
/// Up to a third of the snippet is context before the match, starting after a sentence end
/// when there is one in reach.
pub fn snippet(text: &str, query: &Query, max_chars: usize) -> Snippet {
    let marks = highlight(text, query);
    let anchor = marks.first().map_or(0, |r| r.start);
    let mut start = anchor;
    let mut before = 0;
    for (i, c) in text[..anchor].char_indices().rev() {
        if before == max_chars / 3 || ends_sentence(c) {
            break;
        }
        start = i;
        before += usize::from(!c.is_whitespace());
    }

    let mut out = String::new();
    // For each character written: where it came from and where it went.
    let mut placed: Vec<(usize, Range<usize>)> = Vec::new();
    let mut written = 0;
    let mut gap: Option<bool> = None;
    let mut last: Option<char> = None;
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        let i = start + i;
        if c.is_whitespace() {
            gap = Some(gap.unwrap_or(false) || matches!(c, '\n' | '\r'));
            continue;
        }
        if written == max_chars {
            break;
        }
        if let (Some(line_break), Some(prev)) = (gap.take(), last) {
            // A line break inside Chinese text is a column break, not a space.
            let between_words = folds_to_word_char(prev) && folds_to_word_char(c);
            if (!line_break || between_words) && written + 1 < max_chars {
                out.push(' ');
                written += 1;
            }
        }
        gap = None;
        let at = out.len();
        out.push(c);
        placed.push((i, at..out.len()));
        written += 1;
        last = Some(c);
        end = i + c.len_utf8();
    }

    let highlights = marks.iter().filter_map(|mark| {
        let mut inside = placed.iter().filter(|(src, _)| mark.contains(src));
        let first = inside.next()?;
        let last = inside.next_back().unwrap_or(first);
        Some(first.1.start..last.1.end)
    });
    // Dropping a column break can bring two marks together.
    let highlights = merge(highlights.collect());
    Snippet {
        text: out,
        highlights,
        cut_before: text[..start].chars().any(|c| !c.is_whitespace()),
        cut_after: text[end..].chars().any(|c| !c.is_whitespace()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_touching_ranges_merge() {
        assert_eq!(
            merge(vec![5..7, 0..2, 1..3, 3..4, 9..10]),
            [0..4, 5..7, 9..10]
        );
    }
}
