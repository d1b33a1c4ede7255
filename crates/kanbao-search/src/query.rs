//! Query syntax: terms, quoted phrases and exclusions.

use serde::{Deserialize, Serialize};

use crate::tokenize::normalize;

/// One term of a [`Query`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// The term as typed, without quotes or the leading `-`.
    pub text: String,
    /// Whether documents containing the term are excluded rather than required.
    pub exclude: bool,
    /// The normalised form that is matched against normalised field text.
    pub(crate) normalized: String,
}

/// A parsed search query.
///
/// Syntax:
/// - whitespace (including the ideographic space U+3000) separates terms, and every term must
///   occur in a document (AND);
/// - each term matches as a contiguous substring of one field, after full-width folding,
///   lowercasing and ignoring whitespace in the text, so `王超` finds `王 超` and `王\n超`;
/// - `"…"` (ASCII or full-width quotes) makes one term of its contents, spaces included; as
///   whitespace between Chinese characters is ignored on both sides, `"港城 标兵"` is the term
///   `港城标兵`, while spaces between Latin words stay significant (`"open earth"`); an
///   unclosed quote runs to the end of the query;
/// - a leading `-` (or `－`) excludes documents containing the term or phrase; a lone `-` is
///   an ordinary term;
/// - Chinese quotation marks (`“”‘’`) are text, not syntax: `“三无”` matches the quoted word.
///
/// Terms that normalise to nothing (`""`, a lone zero-width space) are dropped. Parsing never
/// fails.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    terms: Vec<Term>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '＂')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '－')
}

impl Query {
    /// Parses a query; see [`Query`] for the syntax.
    pub fn parse(input: &str) -> Query {
        let mut terms: Vec<Term> = Vec::new();
        let mut chars = input.char_indices().peekable();
        while let Some(&(start, c)) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
                continue;
            }
            let mut exclude = false;
            let mut body_start = start;
            if is_minus(c) {
                chars.next();
                match chars.peek() {
                    Some(&(i, next)) if !next.is_whitespace() => {
                        exclude = true;
                        body_start = i;
                    }
                    _ => {}
                }
            }
            let text = match chars.peek() {
                Some(&(i, q)) if is_quote(q) && (exclude || i == start) => {
                    chars.next();
                    let from = i + q.len_utf8();
                    let mut to = input.len();
                    for (j, d) in chars.by_ref() {
                        if is_quote(d) {
                            to = j;
                            break;
                        }
                    }
                    &input[from..to]
                }
                _ => {
                    let mut to = input.len();
                    while let Some(&(j, d)) = chars.peek() {
                        if d.is_whitespace() {
                            to = j;
                            break;
                        }
                        chars.next();
                    }
                    &input[body_start..to]
                }
            };
            let normalized = normalize(text);
            if normalized.is_empty() {
                continue;
            }
            let term = Term {
                text: text.to_string(),
                exclude,
                normalized,
            };
            if !terms
                .iter()
                .any(|t| t.exclude == term.exclude && t.normalized == term.normalized)
            {
                terms.push(term);
            }
        }
        Query { terms }
    }

    /// The terms, in the order typed, without duplicates.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Whether the query has no terms at all; such a query finds nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms a document must contain.
    pub(crate) fn required(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.exclude)
    }

    /// The terms a document must not contain.
    pub(crate) fn excluded(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| t.exclude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> Vec<(String, bool)> {
        Query::parse(input)
            .terms()
            .iter()
            .map(|t| (t.normalized.clone(), t.exclude))
            .collect()
    }

    #[test]
    fn whitespace_separates_terms_and_minus_excludes() {
        assert_eq!(
            parsed(" 港城\u{3000}标兵 -航天 "),
            [
                ("港城".into(), false),
                ("标兵".into(), false),
                ("航天".into(), true)
            ]
        );
    }

    #[test]
    fn quotes_make_one_term_and_keep_latin_spaces() {
        assert_eq!(
            parsed("\"港城 标兵\" -\"Open  Earth\""),
            [("港城标兵".into(), false), ("open earth".into(), true)]
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        assert_eq!(
            parsed("航天 \"港城 标兵"),
            [("航天".into(), false), ("港城标兵".into(), false)]
        );
    }

    #[test]
    fn a_lone_minus_is_a_term_and_empty_phrases_vanish() {
        assert_eq!(parsed("- \"\" \"  \" －"), [("-".into(), false)]);
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn chinese_quotation_marks_are_text() {
        assert_eq!(parsed("“三无”"), [("“三无”".into(), false)]);
    }

    #[test]
    fn a_quote_inside_a_word_is_text() {
        assert_eq!(parsed("a\"b"), [("a\"b".into(), false)]);
    }
}
