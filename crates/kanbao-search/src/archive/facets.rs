//! Facets in an archive: each value an article holds is one more key of the `docs` layer, so
//! a filter is searched like a term (its blocks read only where the search reads), and
//! `facets.json` lists each facet's most common values with their counts for a filter panel.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

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
        let mut tally = FacetTally::new();
        for ((facet, value), count) in counts {
            tally.add(facet, value, count);
        }
        tally.finish()
    }

    /// The facets of archives searched as one (an archive and its segments, a deployment's
    /// partitions): each value's counts in the lists that list it, added, and the most common
    /// listed. A value one archive lists and another holds too few times to list is counted
    /// only where listed, and a facet has at least as many values as the archive with the
    /// most.
    pub fn joined(parts: &[&ArchiveFacets]) -> ArchiveFacets {
        let mut counts: BTreeMap<Facet, BTreeMap<&str, u64>> = BTreeMap::new();
        let mut distinct: BTreeMap<Facet, u64> = BTreeMap::new();
        for part in parts {
            for (&facet, summary) in &part.facets {
                let values = counts.entry(facet).or_default();
                for v in &summary.values {
                    *values.entry(&v.value).or_default() += v.count;
                }
                let most = distinct.entry(facet).or_default();
                *most = (*most).max(summary.distinct);
            }
        }
        let mut joined = FacetTally::new();
        for (&facet, values) in &counts {
            for (value, &count) in values {
                joined.add(facet, (*value).to_owned(), count);
            }
        }
        let mut joined = joined.finish();
        for (facet, summary) in &mut joined.facets {
            let listed = counts.get(facet).map_or(0, |v| v.len() as u64);
            summary.distinct = distinct.get(facet).copied().unwrap_or(0).max(listed);
        }
        joined
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

/// The summary of a facet's values taken one at a time, each with its whole count (as merged
/// runs of counts give them): it holds only the [`ArchiveFacets::LISTED`] most common values
/// of each facet, however many there are.
#[derive(Debug, Default)]
pub struct FacetTally {
    facets: BTreeMap<Facet, Listed>,
}

/// A facet's most common values so far, the least common on top, and how many it has.
#[derive(Debug, Default)]
struct Listed {
    top: BinaryHeap<Reverse<Ranked>>,
    distinct: u64,
}

/// A value ranked as the list orders it: more articles first, then by value.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Ranked {
    count: u64,
    value: Reverse<String>,
}

impl FacetTally {
    /// An empty tally.
    pub fn new() -> FacetTally {
        FacetTally::default()
    }

    /// Counts a value of a facet with the number of articles holding it; each value once.
    /// Values of facets that are not listed ([`Facet::counted`]) are left out.
    pub fn add(&mut self, facet: Facet, value: String, count: u64) {
        if !facet.counted() {
            return;
        }
        let listed = self.facets.entry(facet).or_default();
        listed.distinct += 1;
        let ranked = Ranked {
            count,
            value: Reverse(value),
        };
        if listed.top.len() < ArchiveFacets::LISTED {
            listed.top.push(Reverse(ranked));
        } else if listed
            .top
            .peek()
            .is_some_and(|Reverse(least)| ranked > *least)
        {
            listed.top.pop();
            listed.top.push(Reverse(ranked));
        }
    }

    /// The summary.
    pub fn finish(self) -> ArchiveFacets {
        let facets = self
            .facets
            .into_iter()
            .map(|(facet, listed)| {
                let mut ranked: Vec<Ranked> = listed.top.into_iter().map(|Reverse(r)| r).collect();
                ranked.sort_unstable_by(|a, b| b.cmp(a));
                let values = ranked
                    .into_iter()
                    .map(|r| FacetCount {
                        value: r.value.0,
                        count: r.count,
                    })
                    .collect();
                let summary = FacetSummary {
                    values,
                    distinct: listed.distinct,
                };
                (facet, summary)
            })
            .collect();
        ArchiveFacets {
            format: FACETS_FORMAT.to_owned(),
            facets,
        }
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
    fn facets_of_archives_join_their_counts() {
        let facets = |pairs: &[(&str, u64)]| {
            ArchiveFacets::from_counts(
                pairs
                    .iter()
                    .map(|&(v, n)| ((Facet::Reporter, v.to_owned()), n))
                    .collect(),
            )
        };
        let older = facets(&[("林海", 5), ("王瑶", 2), ("邵壮", 1)]);
        let newer = facets(&[("王瑶", 6), ("张铁", 1)]);
        let joined = ArchiveFacets::joined(&[&older, &newer]);
        let reporters = &joined.facets[&Facet::Reporter];
        let listed: Vec<(&str, u64)> = reporters
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        assert_eq!(listed, [("王瑶", 8), ("林海", 5), ("张铁", 1), ("邵壮", 1)]);
        assert_eq!(reporters.distinct, 4);
        assert_eq!(ArchiveFacets::joined(&[&older]), older);
        assert!(ArchiveFacets::joined(&[]).facets.is_empty());
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

    #[test]
    fn a_tally_of_values_in_any_order_lists_what_sorting_them_all_would() {
        let values: Vec<(String, u64)> = (0..400u64)
            .map(|n| (format!("作者{:03}", (n * 97) % 400), (n * 31) % 13))
            .collect();
        let mut tally = super::FacetTally::new();
        for (value, count) in &values {
            tally.add(Facet::Author, value.clone(), *count);
        }
        let listed = &tally.finish().facets[&Facet::Author];
        let mut all = values.clone();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(ArchiveFacets::LISTED);
        let got: Vec<(String, u64)> = listed
            .values
            .iter()
            .map(|v| (v.value.clone(), v.count))
            .collect();
        assert_eq!(got, all);
        assert_eq!(listed.distinct, 400);
    }
}
