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
        </aside>
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
