//! Another tab of the same site changed the stored pages or corrections (a `BroadcastChannel`
//! message, see [`crate::tabs`]): read them again from IndexedDB.

use std::rc::Rc;

use yew::prelude::*;

use crate::data;
use crate::hooks::use_load::stored_unreadable;
use crate::i18n::Lang;
use crate::library::Library;
use crate::state::Action;

/// Brings `library`'s imported pages in step with storage whenever another tab changes it, and
/// tells the reader when storage cannot be read.
#[hook]
pub fn use_tab_sync(library: Rc<Library>, dispatch: Callback<Action>, lang: Lang) {
    // Listening again when the language changes tells a failure in the language shown.
    use_effect_with((library, lang), move |(library, lang)| {
        let (library, lang) = (library.clone(), *lang);
        let listener = crate::tabs::listen(Callback::from(move |()| {
            let dispatch = dispatch.clone();
            let known = library.pages().iter().map(|p| p.key.clone()).collect();
            wasm_bindgen_futures::spawn_local(async move {
                // The corrections first, so that the pages added arrive corrected.
                if let Ok((edits, _)) = crate::storage::load_edits().await {
                    dispatch.emit(Action::EditsLoaded(edits.into_iter().collect()));
                }
                match data::stored_changes(known).await {
                    Ok((keys, added, damaged)) => {
                        dispatch.emit(Action::SyncImported { keys, added });
                        dispatch.emit(Action::Damaged(damaged));
                    }
                    Err(err) => dispatch.emit(Action::Notify {
                        error: true,
                        text: stored_unreadable(&err, lang),
                    }),
                }
            });
        }));
        move || drop(listener)
    });
}
