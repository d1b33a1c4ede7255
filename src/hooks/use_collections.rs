//! The reader's collections: loaded from storage once, and each edit written there before it
//! shows, so what is shown is what is kept. An edit storage refuses (a full quota) is named
//! in a notice and changes nothing.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::collections::{Collections, Edit};
use crate::i18n::Lang;
use crate::state::Action;

/// The collections, and what edits them.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectionsHandle {
    pub collections: Rc<Collections>,
    pub onedit: Callback<Edit>,
}

/// A new collection's id: the time and a random part, so that ids made in two tabs or two
/// browsers do not meet when their files are imported into one.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("c{now:x}{random:x}")
}

/// Loads the collections and keeps them as edits arrive.
#[hook]
pub fn use_collections(dispatch: Callback<Action>, lang: Lang) -> CollectionsHandle {
    let shown = use_state(|| Rc::new(Collections::default()));
    // The collections as stored, which edits start from: edits made in quick succession
    // each see the ones before them.
    let held = use_mut_ref(Collections::default);
    {
        let (shown, held, dispatch) = (shown.clone(), held.clone(), dispatch.clone());
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                match crate::storage::load_collections().await {
                    Ok((list, damaged)) => {
                        *held.borrow_mut() = Collections { list };
                        shown.set(Rc::new(held.borrow().clone()));
                        for d in damaged {
                            dispatch.emit(Action::Notify {
                                error: true,
                                text: format!(
                                    "{}{}",
                                    lang.pick(
                                        "收藏夹记录无法读取：",
                                        "A collection cannot be read: "
                                    ),
                                    d.reason(lang)
                                ),
                            });
                        }
                    }
                    Err(e) => dispatch.emit(Action::Notify {
                        error: true,
                        text: format!(
                            "{}{}",
                            lang.pick("无法读取收藏夹：", "Could not read the collections: "),
                            e.message(lang)
                        ),
                    }),
                }
            });
        });
    }
    let onedit = {
        let (shown, held): (UseStateHandle<Rc<Collections>>, Rc<RefCell<Collections>>) =
            (shown.clone(), held.clone());
        Callback::from(move |edit: Edit| {
            // Held at once, so the next edit builds on this one; stored in order, since
            // IndexedDB runs a database's write transactions one after another.
            let changed = held.borrow_mut().apply(edit);
            let (shown, held, dispatch) = (shown.clone(), held.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::storage::save_collections(&changed).await {
                    Ok(()) => shown.set(Rc::new(held.borrow().clone())),
                    Err(e) => {
                        dispatch.emit(Action::Notify {
                            error: true,
                            text: format!(
                                "{}{}",
                                lang.pick("收藏夹未能保存：", "The collections were not saved: "),
                                e.message(lang)
                            ),
                        });
                        // What storage still holds is what the reader has.
                        if let Ok((list, _)) = crate::storage::load_collections().await {
                            *held.borrow_mut() = Collections { list };
                            shown.set(Rc::new(held.borrow().clone()));
                        }
                    }
                }
            });
        })
    };
    CollectionsHandle {
        collections: (*shown).clone(),
        onedit,
    }
}
