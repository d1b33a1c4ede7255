//! The reading view's "收藏" button: the collections an article is in, ticked, and a new
//! collection to put it in.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::collections::{Collections, Edit, Item};
use crate::hooks::use_collections::new_id;
use crate::i18n::Lang;
use crate::library::LibraryPage;

/// Props of [`CollectButton`].
#[derive(Debug, Properties, PartialEq)]
pub struct CollectButtonProps {
    /// The page the article is on, and its place there.
    pub page: Rc<LibraryPage>,
    pub article: usize,
    pub collections: Rc<Collections>,
    pub onedit: Callback<Edit>,
    pub lang: Lang,
}

/// A button that opens the list of collections, each a checkbox, and a field for a new one.
#[function_component]
pub fn CollectButton(props: &CollectButtonProps) -> Html {
    let open = use_state(|| false);
    let name_ref = use_node_ref();
    let lang = props.lang;
    let Some(id) = props
        .page
        .page
        .articles
        .get(props.article)
        .map(|a| a.id.clone())
    else {
        return html! {};
    };
    // The copy a collection keeps is made when the article is put in one, not at each render.
    let item = {
        let (page, n) = (props.page.clone(), props.article);
        move || {
            page.page
                .articles
                .get(n)
                .map(|a| Box::new(Item::of(&page, a)))
        }
    };
    let held = props.collections.holding(&id).count();
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let oncreate = {
        let (item, onedit, name_ref) = (item.clone(), props.onedit.clone(), name_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(input) = name_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let name = input.value();
            if name.trim().is_empty() {
                return;
            }
            let cid = new_id();
            onedit.emit(Edit::Create {
                id: cid.clone(),
                name,
            });
            if let Some(item) = item() {
                onedit.emit(Edit::Add { id: cid, item });
            }
            input.set_value("");
        })
    };
    html! {
        <div class="collect">
            <button type="button" class="collect-toggle" aria-expanded={open.to_string()} onclick={ontoggle}>
                { if held > 0 { lang.pick("★ 已收藏", "★ Collected") } else { lang.pick("☆ 收藏", "☆ Collect") } }
            </button>
            if *open {
                <div class="collect-panel" role="group" aria-label={lang.pick("收藏到", "Collect in")}>
                    <ul class="collect-choices">
                        { for props.collections.list.iter().map(|c| {
                            let checked = c.has(&id);
                            let onchange = {
                                let (onedit, item, cid, id) = (props.onedit.clone(), item.clone(), c.id.clone(), id.clone());
                                Callback::from(move |_| {
                                    if checked {
                                        onedit.emit(Edit::Remove { id: cid.clone(), article: id.clone() });
                                    } else if let Some(item) = item() {
                                        onedit.emit(Edit::Add { id: cid.clone(), item });
                                    }
                                })
                            };
                            html! {
                                <li key={c.id.clone()}>
                                    <label class="collect-choice">
                                        <input type="checkbox" {checked} {onchange} />
                                        { c.name.clone() }
                                    </label>
                                </li>
                            }
                        }) }
                    </ul>
                    <form class="collect-new" onsubmit={oncreate}>
                        <label>
                            <span class="visually-hidden">{ lang.pick("新收藏夹名称", "New collection's name") }</span>
                            <input type="text" class="collect-name" ref={name_ref} maxlength="60"
                                placeholder={lang.pick("新收藏夹名称", "New collection")} />
                        </label>
                        <button type="submit" class="collect-create">{ lang.pick("新建并收藏", "Create and collect") }</button>
                    </form>
                </div>
            }
        </div>
    }
}
