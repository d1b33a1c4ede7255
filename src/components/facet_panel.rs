//! Facets with their values and counts; a value is a checkbox (OR within a facet).

use yew::prelude::*;

use crate::i18n::Lang;
use crate::library::FacetValue;
use crate::route::Facet;

/// Props of [`FacetPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct FacetPanelProps {
    pub facets: Vec<(Facet, Vec<FacetValue>)>,
    pub lang: Lang,
    /// Called with a facet value to switch on or off.
    pub ontoggle: Callback<(Facet, String)>,
    /// On a narrow screen the panel is a drawer over the list: whether it is open.
    #[prop_or_default]
    pub open: bool,
    /// Closes the drawer.
    #[prop_or_default]
    pub onclose: Callback<()>,
    /// The archive's facets, when the deployment has an archive that lists them.
    #[prop_or_default]
    pub archive: Vec<ArchiveFacet>,
    /// What the archive's counts are of: `None` for the whole archive, otherwise how many of a
    /// search's results were counted.
    #[prop_or_default]
    pub archive_sampled: Option<(usize, bool)>,
}

/// One facet of the archive as the panel shows it: its values with their counts (over the
/// whole archive, or in a search's results), and how many values it has in all.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveFacet {
    pub facet: Facet,
    /// The listed values, most common first; a value picked in a link but not listed comes
    /// last, without a count.
    pub values: Vec<ArchiveValue>,
    pub distinct: u64,
    /// The counts are estimates (from a sample of a search's results).
    pub approximate: bool,
}

/// What the archive's results on screen say of the facets: the values of each article whose
/// card is in, and how many articles the search matches in all (estimated until the archive
/// is searched through).
#[derive(Debug, Clone, PartialEq)]
pub struct ResultSample {
    /// Each sampled article's facet values.
    pub articles: Vec<Vec<(Facet, String)>>,
    /// How many articles match: exact when `exact`, otherwise an estimate.
    pub total: u64,
    /// Every match is in the sample.
    pub exact: bool,
}

/// The archive's facets in a search's results, counted in the results whose cards are in and
/// scaled to the search's total (exact when every match is sampled): the most common values
/// of each facet first, values picked in `query` kept.
pub fn sampled_facets(sample: &ResultSample, query: &crate::route::ListQuery) -> Vec<ArchiveFacet> {
    let n = sample.articles.len() as u64;
    let mut out = Vec::new();
    for facet in Facet::ARCHIVED.iter().copied().filter(|f| f.counted()) {
        let mut counts: std::collections::BTreeMap<&str, u64> = Default::default();
        for article in &sample.articles {
            let mut seen: Vec<&str> = article
                .iter()
                .filter(|(f, _)| *f == facet)
                .map(|(_, v)| v.as_str())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for v in seen {
                *counts.entry(v).or_default() += 1;
            }
        }
        let scale = |c: u64| match sample.exact {
            true => c,
            false => (c * sample.total + n / 2)
                .checked_div(n)
                .unwrap_or(c)
                .max(1),
        };
        let mut values: Vec<ArchiveValue> = counts
            .iter()
            .map(|(&value, &c)| ArchiveValue {
                value: value.to_owned(),
                count: Some(scale(c)),
                seen: c,
                selected: query.has(facet, value),
            })
            .collect();
        values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        add_picked(&mut values, query, facet);
        if !values.is_empty() {
            out.push(ArchiveFacet {
                facet,
                distinct: values.len() as u64,
                values,
                approximate: !sample.exact,
            });
        }
    }
    out
}

/// A value of an archive facet.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveValue {
    pub value: String,
    pub count: Option<u64>,
    /// Of an estimated count, how many sampled articles hold the value: a value seen once is
    /// shown as "at least 1", not scaled up.
    pub seen: u64,
    pub selected: bool,
}

/// Adds the values of `facet` picked in `query` that `values` does not list, with no count, so
/// that a filter in force can always be seen and taken off.
fn add_picked(values: &mut Vec<ArchiveValue>, query: &crate::route::ListQuery, facet: Facet) {
    for picked in query.filters.get(&facet).into_iter().flatten() {
        if !values.iter().any(|v| &v.value == picked) {
            values.push(ArchiveValue {
                value: picked.clone(),
                count: None,
                seen: 0,
                selected: true,
            });
        }
    }
}

/// Values of an archive facet shown before "more".
const ARCHIVE_FIRST: usize = 8;

/// The archive's facets for the panel: the listed values of each facet the archive filters on
/// (dates have the calendar and the timeline), each value picked in `query` marked, and
/// picked values that are not listed added.
pub fn archive_facets(
    facets: &kanbao_search::ArchiveFacets,
    query: &crate::route::ListQuery,
) -> Vec<ArchiveFacet> {
    facets
        .facets
        .iter()
        .map(|(&facet, summary)| {
            let mut values: Vec<ArchiveValue> = summary
                .values
                .iter()
                .map(|v| ArchiveValue {
                    value: v.value.clone(),
                    count: Some(v.count),
                    seen: v.count,
                    selected: query.has(facet, &v.value),
                })
                .collect();
            add_picked(&mut values, query, facet);
            ArchiveFacet {
                facet,
                values,
                distinct: summary.distinct,
                approximate: false,
            }
        })
        .collect()
}

/// The id of the facet panel, which the drawer's toggle controls.
pub const FACETS_ID: &str = "facets";

/// What the reader can filter on, computed from the library. Beside the list on a wide
/// screen; on a narrow one a drawer that the list's "筛选" button opens.
#[function_component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = props.lang;
    // The box last switched keeps the focus when the facets are drawn again around it.
    let last = use_mut_ref(|| None::<(Facet, String)>);
    {
        let last = last.clone();
        use_effect_with(props.facets.clone(), move |_| {
            if let Some((facet, value)) = last.borrow_mut().take() {
                refocus(facet, &value);
            }
        });
    }
    html! {
        <aside id={FACETS_ID} class={classes!("facets", props.open.then_some("open"))}
            aria-label={lang.pick("筛选", "Filters")}>
            <div class="drawer-bar">
                <h2 class="drawer-title">{ lang.pick("筛选", "Filters") }</h2>
                <button type="button" class="drawer-close" onclick={props.onclose.reform(|_| ())}>
                    { lang.pick("完成", "Done") }
                </button>
            </div>
            { for props.facets.iter().map(|(facet, values)| {
                let facet = *facet;
                html! {
                    <fieldset key={facet.key()} class="facet" data-facet={facet.key()}>
                        <legend>{ lang.facet(facet) }</legend>
                        <ul>
                        { for values.iter().map(|v| value_item(
                            facet, &v.value, v.selected, Some(v.count.to_string()), lang, &props.ontoggle, &last,
                        )) }
                        </ul>
                    </fieldset>
                }
            }) }
            if !props.archive.is_empty() {
                <div class="archive-facets">
                    <h2 class="archive-facets-title">{ lang.pick("档案筛选", "Archive filters") }</h2>
                    <p class="facet-note">{ match (props.archive_sampled, lang) {
                        (None, _) => lang.pick("数字为整个档案中的篇数。", "Counts are of the whole archive.").to_owned(),
                        (Some((_, true)), _) => lang.pick("数字为档案结果中的篇数。", "Counts are of the archive's results.").to_owned(),
                        (Some((n, false)), Lang::Zh) => format!("数字按已显示的 {n} 篇档案结果估计。"),
                        (Some((n, false)), Lang::En) => format!("Counts are estimated from the {n} archive results shown."),
                    } }</p>
                    { for props.archive.iter().map(|f| archive_fieldset(f, lang, &props.ontoggle, &last)) }
                </div>
            }
        </aside>
    }
}

/// The box that last switched a value, which keeps the focus when the panel is drawn again.
type LastSwitched = std::rc::Rc<std::cell::RefCell<Option<(Facet, String)>>>;

/// One value of a facet: a checkbox that switches it on or off, its name as the reader reads
/// it, and its count as shown (none where it is not known).
fn value_item(
    facet: Facet,
    value: &str,
    selected: bool,
    count: Option<String>,
    lang: Lang,
    ontoggle: &Callback<(Facet, String)>,
    last: &LastSwitched,
) -> Html {
    let (ontoggle, last, owned) = (ontoggle.clone(), last.clone(), value.to_owned());
    let onchange = Callback::from(move |_| {
        *last.borrow_mut() = Some((facet, owned.clone()));
        ontoggle.emit((facet, owned.clone()))
    });
    html! {
        <li key={value.to_owned()}>
            <label class={classes!("facet-value", selected.then_some("selected"))}>
                <input type="checkbox" checked={selected} {onchange} data-value={value.to_owned()} />
                <span class="facet-name">{ display_value(facet, value, lang) }</span>
                if let Some(count) = count {
                    <span class="count">{ count }</span>
                }
            </label>
        </li>
    }
}

/// One facet of the archive: its first values, the rest behind "more", each a checkbox that
/// switches the same filter as the library's.
fn archive_fieldset(
    f: &ArchiveFacet,
    lang: Lang,
    ontoggle: &Callback<(Facet, String)>,
    last: &LastSwitched,
) -> Html {
    let (facet, approximate) = (f.facet, f.approximate);
    let item = |v: &ArchiveValue| {
        let count = v.count.map(|count| match (approximate, v.seen, lang) {
            (false, _, _) => count.to_string(),
            (true, 1, Lang::Zh) => "至少1".to_owned(),
            (true, 1, Lang::En) => "≥1".to_owned(),
            (true, _, Lang::Zh) => format!("约{count}"),
            (true, _, Lang::En) => format!("~{count}"),
        });
        value_item(facet, &v.value, v.selected, count, lang, ontoggle, last)
    };
    // Picked values always show; the others after the first few go behind "more".
    let (first, rest): (Vec<_>, Vec<_>) = f
        .values
        .iter()
        .enumerate()
        .partition(|(i, v)| *i < ARCHIVE_FIRST || v.selected);
    let unlisted = f
        .distinct
        .saturating_sub(f.values.iter().filter(|v| v.count.is_some()).count() as u64);
    html! {
        <fieldset key={facet.key()} class="facet" data-facet={facet.key()} data-scope="archive">
            <legend>{ lang.facet(facet) }</legend>
            <ul>{ for first.into_iter().map(|(_, v)| item(v)) }</ul>
            if !rest.is_empty() {
                <details class="facet-more">
                    <summary>{ match lang {
                        Lang::Zh => format!("更多（{} 个）", rest.len()),
                        Lang::En => format!("More ({})", rest.len()),
                    } }</summary>
                    <ul>{ for rest.into_iter().map(|(_, v)| item(v)) }</ul>
                </details>
            }
            if unlisted > 0 {
                <p class="facet-note">{ match lang {
                    Lang::Zh => format!("另有 {unlisted} 个较少见的值未列出。"),
                    Lang::En => format!("{unlisted} rarer values are not listed."),
                } }</p>
            }
        </fieldset>
    }
}

/// Gives the focus back to the box of `value` in `facet` if nothing else holds it.
fn refocus(facet: Facet, value: &str) {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let lost = document
        .active_element()
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    if !lost {
        return;
    }
    let boxes = document
        .query_selector_all(&format!(
            "#{FACETS_ID} [data-facet=\"{}\"] input",
            facet.key()
        ))
        .ok();
    let found = boxes
        .into_iter()
        .flat_map(|list| (0..list.length()).filter_map(move |i| list.item(i)));
    for node in found {
        if let Ok(input) = node.dyn_into::<web_sys::HtmlInputElement>()
            && input.get_attribute("data-value").as_deref() == Some(value)
        {
            let _ = input.focus();
            return;
        }
    }
}

/// A facet value as the reader reads it (kinds are translated).
pub fn display_value(facet: Facet, value: &str, lang: Lang) -> String {
    if facet == Facet::Kind {
        for kind in [
            kanbao_parse::Kind::News,
            kanbao_parse::Kind::Feature,
            kanbao_parse::Kind::Commentary,
            kanbao_parse::Kind::Photo,
            kanbao_parse::Kind::Brief,
        ] {
            if crate::i18n::kind_key(kind) == value {
                return lang.kind(kind).to_owned();
            }
        }
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::{ResultSample, archive_facets, sampled_facets};
    use crate::route::{Facet, ListQuery};
    use kanbao_search::{ArchiveFacets, FACETS_FORMAT, FacetCount, FacetSummary};

    #[test]
    fn the_archive_group_marks_picked_values_and_adds_those_not_listed_without_a_count() {
        let summary = |values: &[(&str, u64)], distinct| FacetSummary {
            values: values
                .iter()
                .map(|&(v, count)| FacetCount {
                    value: v.into(),
                    count,
                })
                .collect(),
            distinct,
        };
        let facets = ArchiveFacets {
            format: FACETS_FORMAT.into(),
            facets: [
                (Facet::Reporter, summary(&[("林海", 9), ("苏青", 4)], 30)),
                (Facet::Kind, summary(&[("news", 20)], 1)),
            ]
            .into(),
        };
        let query = ListQuery::default()
            .toggled(Facet::Reporter, "苏青")
            .toggled(Facet::Reporter, "无名");
        let groups = archive_facets(&facets, &query);
        assert_eq!(groups.len(), 2);
        let reporters = &groups[0];
        assert_eq!(reporters.facet, Facet::Reporter);
        assert_eq!(reporters.distinct, 30);
        let shown: Vec<(&str, Option<u64>, bool)> = reporters
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.count, v.selected))
            .collect();
        assert_eq!(
            shown,
            [
                ("林海", Some(9), false),
                ("苏青", Some(4), true),
                ("无名", None, true)
            ]
        );
        assert!(groups[1].values.iter().all(|v| !v.selected));
    }

    #[test]
    fn a_searchs_counts_are_scaled_from_its_results_on_screen_or_exact_when_all_are() {
        let article = |reporter: &str, kind: &str| {
            vec![
                (Facet::Reporter, reporter.to_owned()),
                (Facet::Reporter, reporter.to_owned()),
                (Facet::Kind, kind.to_owned()),
                (Facet::Date, "2023-11-28".to_owned()),
            ]
        };
        let articles = vec![
            article("林海", "news"),
            article("林海", "photo"),
            article("苏青", "news"),
            article("林海", "news"),
        ];
        let query = ListQuery::default().toggled(Facet::Place, "北京");
        let sample = ResultSample {
            articles: articles.clone(),
            total: 400,
            exact: false,
        };
        let groups = sampled_facets(&sample, &query);
        let counts = |g: &super::ArchiveFacet| -> Vec<(String, Option<u64>)> {
            g.values
                .iter()
                .map(|v| (v.value.clone(), v.count))
                .collect()
        };
        assert_eq!(groups[0].facet, Facet::Reporter);
        assert!(groups[0].approximate);
        assert_eq!(
            counts(&groups[0]),
            [("林海".into(), Some(300)), ("苏青".into(), Some(100))]
        );
        // Seen once: shown as "at least 1", not as the scaled 100.
        assert_eq!(groups[0].values[1].seen, 1);
        assert_eq!(groups[1].facet, Facet::Kind);
        assert_eq!(
            counts(&groups[1]),
            [("news".into(), Some(300)), ("photo".into(), Some(100))]
        );
        // Dates are not listed; a place picked in the link stays, without a count.
        assert_eq!(groups[2].facet, Facet::Place);
        assert_eq!(counts(&groups[2]), [("北京".into(), None)]);
        assert!(groups[2].values[0].selected);
        let exact = ResultSample {
            articles,
            total: 4,
            exact: true,
        };
        let groups = sampled_facets(&exact, &ListQuery::default());
        assert!(!groups[0].approximate);
        assert_eq!(
            counts(&groups[0]),
            [("林海".into(), Some(3)), ("苏青".into(), Some(1))]
        );
    }
}
