//! Facets in an archive: each value an article holds is one more key of the `docs` layer, so
//! a filter is searched like a term (its blocks read only where the search reads), and
//! `facets.json` lists each facet's most common values with their counts for a filter panel.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::facet::Facet;

/// The format tag of [`ArchiveFacets`].
pub const FACETS_FORMAT: &str = "kanbao.facets/1";

/// The key of a facet's value in the `docs` layer: a 64-bit FNV-1a hash of the facet's name
/// and the value as given (not normalised: a filter picks what the facet's values are), with
/// bit 62 set and bit 63 clear, where no character's key lies (those have bit 63 set).
pub(crate) fn facet_key(facet: Facet, value: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in facet
        .key()
        .as_bytes()
        .iter()
        .chain(&[0])
        .chain(value.as_bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (1 << 62) | (h & ((1 << 62) - 1))
}

/// How often one value of a facet occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    /// Articles holding it.
    pub count: u64,
}

/// One facet of an archive: its most common values, most common first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetSummary {
    /// Up to [`ArchiveFacets::LISTED`] values, by count (ties by value).
    pub values: Vec<FacetCount>,
    /// How many values the facet has in all.
    pub distinct: u64,
}

/// `facets.json`: what an archive's articles can be filtered on, with counts over the whole
/// archive. The values of [`Facet::ARCHIVED`] are indexed; the dates are left out of this list,
/// as the calendar has them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveFacets {
    /// Always [`FACETS_FORMAT`].
    pub format: String,
    pub facets: BTreeMap<Facet, FacetSummary>,
}

impl ArchiveFacets {
    /// Where the file lies under `archive/` (with the archive's compression suffix).
    pub const PATH: &'static str = "facets.json";

    /// Values listed per facet.
    pub const LISTED: usize = 100;

    /// The summary of the values counted while building: how many articles hold each.
    pub fn from_counts(counts: HashMap<(Facet, String), u64>) -> ArchiveFacets {
        let mut facets: BTreeMap<Facet, Vec<FacetCount>> = BTreeMap::new();
        for ((facet, value), count) in counts {
            if facet.counted() {
                facets
                    .entry(facet)
                    .or_default()
                    .push(FacetCount { value, count });
            }
        }
        let facets = facets
            .into_iter()
            .map(|(facet, mut values)| {
                values.sort_unstable_by(|a, b| {
                    b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value))
                });
                let distinct = values.len() as u64;
                values.truncate(Self::LISTED);
                (facet, FacetSummary { values, distinct })
            })
            .collect();
        ArchiveFacets {
            format: FACETS_FORMAT.to_owned(),
            facets,
        }
    }

    /// How many articles of the archive hold a value, when it is listed.
    pub fn count(&self, facet: Facet, value: &str) -> Option<u64> {
        self.facets
            .get(&facet)?
            .values
            .iter()
            .find(|v| v.value == value)
            .map(|v| v.count)
    }
}

#[cfg(test)]
mod tests {
    use super::{ArchiveFacets, facet_key};
    use crate::facet::Facet;
    use crate::tokenize::unigram;

    #[test]
    fn a_facets_keys_are_apart_from_characters_and_from_other_facets() {
        let k = facet_key(Facet::Reporter, "林海");
        assert_eq!(k >> 62, 1);
        assert_eq!(unigram('林') >> 63, 1);
        assert_ne!(k, facet_key(Facet::Author, "林海"));
        assert_ne!(k, facet_key(Facet::Reporter, "林 海"));
        assert_eq!(k, facet_key(Facet::Reporter, "林海"));
    }

    #[test]
    fn the_summary_lists_the_most_common_values_first_and_counts_the_rest() {
        let mut counts = std::collections::HashMap::new();
        for n in 0..150u64 {
            counts.insert((Facet::Reporter, format!("记者{n:03}")), n % 7 + 1);
        }
        counts.insert((Facet::Kind, "news".into()), 9);
        counts.insert((Facet::Date, "2023-11-28".into()), 9);
        let s = ArchiveFacets::from_counts(counts);
        let reporters = &s.facets[&Facet::Reporter];
        assert_eq!(reporters.distinct, 150);
        assert_eq!(reporters.values.len(), ArchiveFacets::LISTED);
        assert!(
            reporters
                .values
                .windows(2)
                .all(|w| w[0].count >= w[1].count)
        );
        assert_eq!(reporters.values[0].value, "记者006");
        assert_eq!(s.count(Facet::Kind, "news"), Some(9));
        assert!(!s.facets.contains_key(&Facet::Date));
    }
}
