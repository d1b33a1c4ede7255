//! The top of every page: the skip link, the brand, the search field, the sections and the
//! reading settings.

use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::search_box::SearchBox;
use crate::components::toolbar::Toolbar;
use crate::hooks::use_prefs::Prefs;
use crate::route::{ListQuery, Route};

/// Props of [`Masthead`].
#[derive(Debug, Properties, PartialEq)]
pub struct MastheadProps {
    pub route: Route,
    /// The list's search, shown in the search field.
    pub query: ListQuery,
    pub prefs: Prefs,
    pub onprefs: Callback<Prefs>,
    /// Goes to a route in place: the search as it is typed.
    pub replace: Callback<Route>,
    /// The embedded view: the search field alone.
    pub compact: bool,
    pub search_ref: NodeRef,
}

/// The skip link and the page's header.
#[function_component]
pub fn Masthead(props: &MastheadProps) -> Html {
    let lang = props.prefs.lang;
    let route = &props.route;
    let onsearch = {
        let (replace, query) = (props.replace.clone(), props.query.clone());
        Callback::from(move |text: String| {
            replace.emit(Route::List(ListQuery {
                q: text,
                ..query.clone()
            }))
        })
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                    let _ = main.focus();
                }
            })}>{ lang.pick("跳到正文", "Skip to content") }</a>
            <header class={classes!("masthead", props.compact.then_some("compact"))} role="banner">
                if !props.compact {
                    <a class="brand" href="#/" aria-label={lang.pick("看报 Kanbao 首页", "看报 Kanbao home")}>{ "看报" }<span class="brand-en">{ " Kanbao" }</span></a>
                }
                <SearchBox value={props.query.q.clone()} {lang} {onsearch} input_ref={props.search_ref.clone()} />
                if !props.compact {
                    <nav class="site-nav" aria-label={lang.pick("栏目", "Sections")}>
                        <a href="#/" aria-current={matches!(route, Route::List(_)).then_some("page")}>{ lang.pick("文章", "Articles") }</a>
                        <a href={Route::Dates(None).to_hash()}
                            aria-current={matches!(route, Route::Dates(_) | Route::Issue { .. }).then_some("page")}>
                            { lang.pick("按日期", "By date") }
                        </a>
                        <a href={Route::Collections.to_hash()} class="nav-collections"
                            aria-current={matches!(route, Route::Collections | Route::Collection(_)).then_some("page")}>
                            { lang.pick("收藏夹", "Collections") }
                        </a>
                        <a href={Route::Library.to_hash()} aria-current={(*route == Route::Library).then_some("page")}>
                            { lang.pick("文库与导入", "Library & import") }
                        </a>
                    </nav>
                    <Toolbar prefs={props.prefs} onchange={props.onprefs.clone()} />
                }
            </header>
        </>
    }
}
