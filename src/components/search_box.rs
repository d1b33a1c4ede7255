//! The search field: results follow as the reader types (debounced), `/` focuses it.

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;

/// How long typing must pause before the list follows.
const DEBOUNCE_MS: u32 = 150;

/// Props of [`SearchBox`].
#[derive(Debug, Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The search in the URL.
    pub value: AttrValue,
    pub lang: Lang,
    /// Called with the new search text once typing pauses.
    pub onsearch: Callback<String>,
    pub input_ref: NodeRef,
}

/// A search field that keeps its own text while typing and reports it debounced.
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let timer = use_mut_ref(|| None::<Timeout>);
    // The search waiting for typing to pause.
    let pending = use_mut_ref(|| None::<String>);
    {
        // Back and forward change the URL's search: show it.
        let text = text.clone();
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string())
        });
    }
    let oninput = {
        let text = text.clone();
        let onsearch = props.onsearch.clone();
        let (timer, pending) = (timer.clone(), pending.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            text.set(value.clone());
            *pending.borrow_mut() = Some(value);
            let (onsearch, pending) = (onsearch.clone(), pending.clone());
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                let waiting = pending.borrow_mut().take();
                if let Some(value) = waiting {
                    onsearch.emit(value)
                }
            }));
        })
    };
    // Leaving the field (to click a result, say) runs the waiting search at once, so it
    // never lands after what the reader did next.
    let onblur = {
        let onsearch = props.onsearch.clone();
        let pending = pending.clone();
        Callback::from(move |_: FocusEvent| {
            let waiting = pending.borrow_mut().take();
            if let Some(value) = waiting {
                onsearch.emit(value);
            }
        })
    };
    let lang = props.lang;
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <label for="search-input" class="visually-hidden">{ lang.pick("搜索文章", "Search articles") }</label>
            <input
                id="search-input"
                ref={props.input_ref.clone()}
                type="search"
                autocomplete="off"
                placeholder={lang.pick("搜索：人名、地名、词语……（按 / 键）", "Search names, places, words… (press /)")}
                value={(*text).clone()}
                {oninput}
                {onblur}
            />
        </form>
    }
}
