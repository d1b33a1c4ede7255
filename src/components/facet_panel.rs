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
}

/// One facet of the archive as the panel shows it: its values with their counts over the
/// whole archive, and how many values it has in all.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveFacet {
    pub facet: Facet,
    /// The listed values, most common first; a value picked in a link but not listed comes
    /// last, without a count.
    pub values: Vec<ArchiveValue>,
    pub distinct: u64,
}

/// A value of an archive facet.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveValue {
    pub value: String,
    pub count: Option<u64>,
    pub selected: bool,
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
        .filter(|(facet, _)| **facet != Facet::Date)
        .map(|(&facet, summary)| {
            let mut values: Vec<ArchiveValue> = summary
                .values
                .iter()
                .map(|v| ArchiveValue {
                    value: v.value.clone(),
                    count: Some(v.count),
                    selected: query.has(facet, &v.value),
                })
                .collect();
            for picked in query.filters.get(&facet).into_iter().flatten() {
                if !values.iter().any(|v| &v.value == picked) {
                    values.push(ArchiveValue {
                        value: picked.clone(),
                        count: None,
                        selected: true,
                    });
                }
            }
            ArchiveFacet {
                facet,
                values,
                distinct: summary.distinct,
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
                        { for values.iter().map(|v| {
                            let (ontoggle, last) = (props.ontoggle.clone(), last.clone());
                            let value = v.value.clone();
                            let onchange = Callback::from(move |_| {
                                *last.borrow_mut() = Some((facet, value.clone()));
                                ontoggle.emit((facet, value.clone()))
                            });
                            let shown = display_value(facet, &v.value, lang);
                            html! {
                                <li key={v.value.clone()}>
                                    <label class={classes!("facet-value", v.selected.then_some("selected"))}>
                                        <input type="checkbox" checked={v.selected} {onchange} data-value={v.value.clone()} />
                                        <span class="facet-name">{ shown }</span>
                                        <span class="count">{ v.count }</span>
                                    </label>
                                </li>
                            }
                        }) }
                        </ul>
                    </fieldset>
                }
            }) }
            if !props.archive.is_empty() {
                <div class="archive-facets">
                    <h2 class="archive-facets-title">{ lang.pick("档案筛选", "Archive filters") }</h2>
                    <p class="facet-note">{ lang.pick("数字为整个档案中的篇数。", "Counts are of the whole archive.") }</p>
                    { for props.archive.iter().map(|f| archive_fieldset(f, lang, &props.ontoggle, &last)) }
                </div>
            }
        </aside>
    }
}

/// One facet of the archive: its first values, the rest behind "more", each a checkbox that
/// switches the same filter as the library's.
fn archive_fieldset(
    f: &ArchiveFacet,
    lang: Lang,
    ontoggle: &Callback<(Facet, String)>,
    last: &std::rc::Rc<std::cell::RefCell<Option<(Facet, String)>>>,
) -> Html {
    let facet = f.facet;
    let item = |v: &ArchiveValue| {
        let (ontoggle, last) = (ontoggle.clone(), last.clone());
        let value = v.value.clone();
        let onchange = Callback::from(move |_| {
            *last.borrow_mut() = Some((facet, value.clone()));
            ontoggle.emit((facet, value.clone()))
        });
        html! {
            <li key={v.value.clone()}>
                <label class={classes!("facet-value", v.selected.then_some("selected"))}>
                    <input type="checkbox" checked={v.selected} {onchange} data-value={v.value.clone()} />
                    <span class="facet-name">{ display_value(facet, &v.value, lang) }</span>
                    if let Some(count) = v.count {
                        <span class="count">{ count }</span>
                    }
                </label>
            </li>
        }
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
    use super::archive_facets;
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
}
