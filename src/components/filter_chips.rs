//! The active filters as removable chips, with "clear all".

use yew::prelude::*;

use crate::components::facet_panel::display_value;
use crate::i18n::Lang;
use crate::route::{Facet, ListQuery};

/// Props of [`FilterChips`].
#[derive(Debug, Properties, PartialEq)]
pub struct FilterChipsProps {
    pub query: ListQuery,
    pub lang: Lang,
    pub onremove: Callback<(Facet, String)>,
    pub onclear: Callback<()>,
}

/// One chip per active filter value.
#[function_component]
pub fn FilterChips(props: &FilterChipsProps) -> Html {
    if props.query.filters.is_empty() {
        return html! {};
    }
    let lang = props.lang;
    let chips = props
        .query
        .filters
        .iter()
        .flat_map(|(facet, values)| values.iter().map(move |v| (*facet, v.clone())));
    html! {
        <div class="chips" aria-label={lang.pick("已选筛选条件", "Active filters")}>
            { for chips.map(|(facet, value)| {
                let onremove = props.onremove.clone();
                let label = format!("{}：{}", lang.facet(facet), display_value(facet, &value, lang));
                let remove_label = format!("{} {label}", lang.pick("移除", "Remove"));
                let onclick = Callback::from(move |_| onremove.emit((facet, value.clone())));
                html! {
                    <button type="button" class="chip" aria-label={remove_label} {onclick}>
                        { label }<span aria-hidden="true">{ " ×" }</span>
                    </button>
                }
            }) }
            <button type="button" class="chip-clear" onclick={props.onclear.reform(|_| ())}>
                { lang.pick("清除全部", "Clear all") }
            </button>
        </div>
    }
}
