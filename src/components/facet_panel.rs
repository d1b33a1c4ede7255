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
}

/// What the reader can filter on, computed from the library.
#[function_component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let lang = props.lang;
    html! {
        <aside class="facets" aria-label={lang.pick("筛选", "Filters")}>
            { for props.facets.iter().map(|(facet, values)| {
                let facet = *facet;
                html! {
                    <fieldset class="facet" data-facet={facet.key()}>
                        <legend>{ lang.facet(facet) }</legend>
                        <ul>
                        { for values.iter().map(|v| {
                            let ontoggle = props.ontoggle.clone();
                            let value = v.value.clone();
                            let onchange = Callback::from(move |_| ontoggle.emit((facet, value.clone())));
                            let shown = display_value(facet, &v.value, lang);
                            html! {
                                <li>
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
