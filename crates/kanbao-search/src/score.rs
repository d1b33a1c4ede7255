//! BM25 ranking with field weights.

use crate::document::FieldKind;

/// How much one occurrence in a field counts, relative to one in the body.
///
/// A term in the title says far more about what an article is about than one in the body;
/// bylines and headings sit between, so a reporter's own articles come before articles that
/// merely mention the name.
pub(crate) fn weight(kind: FieldKind) -> f32 {
    match kind {
        FieldKind::Title => 3.0,
        FieldKind::Heading | FieldKind::Byline => 1.5,
        FieldKind::Body | FieldKind::Caption => 1.0,
        FieldKind::Meta => 0.5,
    }
}

/// Saturation of term frequency.
const K1: f32 = 1.2;
/// Strength of document length normalisation.
const B: f32 = 0.75;

/// Collection statistics BM25 needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bm25 {
    docs: f32,
    avg_len: f32,
}

impl Bm25 {
    /// Statistics for `docs` live documents holding `total_len` characters.
    pub(crate) fn new(docs: u32, total_len: u64) -> Bm25 {
        let docs = docs.max(1) as f32;
        Bm25 {
            docs,
            avg_len: (total_len as f32 / docs).max(1.0),
        }
    }

    /// Inverse document frequency of a term found in `df` documents; always positive.
    pub(crate) fn idf(&self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.docs - df + 0.5) / (df + 0.5))
            .ln()
            .max(f32::EPSILON)
    }

    /// Score of one term in one document, from its weighted frequency and the document length.
    pub(crate) fn term(&self, idf: f32, weighted_tf: f32, doc_len: u32) -> f32 {
        let norm = K1 * (1.0 - B + B * doc_len as f32 / self.avg_len);
        idf * weighted_tf * (K1 + 1.0) / (weighted_tf + norm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_occurrences_score_higher_and_longer_documents_lower() {
        let s = Bm25::new(100, 100_000);
        let idf = s.idf(3);
        assert!(s.term(idf, 2.0, 1000) > s.term(idf, 1.0, 1000));
        assert!(s.term(idf, 1.0, 500) > s.term(idf, 1.0, 2000));
    }

    #[test]
    fn rarer_terms_weigh_more_and_idf_stays_positive() {
        let s = Bm25::new(100, 100_000);
        assert!(s.idf(1) > s.idf(50));
        assert!(s.idf(100) > 0.0);
        assert!(Bm25::new(0, 0).idf(5) > 0.0);
    }
}
