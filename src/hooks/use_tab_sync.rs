//! Another tab of the same site changed the stored pages (a `BroadcastChannel` message, see
//! [`crate::tabs`]): read them again from IndexedDB.

use std::rc::Rc;

use yew::prelude::*;

use crate::data;
use crate::i18n::Lang;
use crate::library::Library;
use crate::state::Action;

/// Brings `library`'s imported pages in step with storage whenever another tab changes it.
#[hook]
pub fn use_tab_sync(library: Rc<Library>, dispatch: Callback<Action>, lang: Lang) {
    use_effect_with(library, move |library| {
        let library = library.clone();
        let listener = crate::tabs::listen(Callback::from(move |()| {
            let dispatch = dispatch.clone();
            let known = library.pages().iter().map(|p| p.key.clone()).collect();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok((keys, added, damaged)) = data::stored_changes(known, lang).await {
                    dispatch.emit(Action::SyncImported { keys, added });
                    dispatch.emit(Action::Damaged(damaged));
                }
            });
        }));
        move || drop(listener)
    });
}
