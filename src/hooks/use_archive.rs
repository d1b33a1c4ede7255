//! Opening the deployment's built archive at start: its manifest, fetched over HTTP, and for
//! a packed archive the places of its shards; nothing more. The open archive goes into the
//! state ([`crate::state::Archive`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::archive::ArchiveClient;
use crate::i18n::Lang;
use crate::state::Action;

/// Opens the archive once, beside the library, and tells the reader if it cannot be opened.
#[hook]
pub fn use_archive(dispatch: Callback<Action>, lang: Lang) {
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            match ArchiveClient::open().await {
                Ok(opened) => {
                    // A packed archive is open once it knows where the shards of its newest
                    // parts are: read now, with the manifest, rather than in the first search's
                    // first round (a search reads what is missing itself and reports what
                    // fails).
                    if let Some(client) = &opened {
                        client.locate_shards().await;
                    }
                    dispatch.emit(Action::ArchiveOpened(opened.map(Rc::new)));
                }
                Err(err) => {
                    dispatch.emit(Action::ArchiveOpened(None));
                    let text = format!(
                        "{}{}",
                        lang.pick("无法打开档案：", "Could not open the archive: "),
                        err.message(lang)
                    );
                    dispatch.emit(Action::Notify { error: true, text });
                }
            }
        });
    });
}
