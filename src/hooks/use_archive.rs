//! Opening the deployment's built archive at start: its manifest, fetched over HTTP, nothing
//! more. The open archive goes into the state ([`crate::state::Archive`]).

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
                    let opened = opened.map(Rc::new);
                    // A packed archive's directory of shards, read now rather than in the
                    // first search's first round (a search reads what is missing itself and
                    // reports what fails, so a failure here is left to it).
                    if let Some(client) = opened.clone() {
                        wasm_bindgen_futures::spawn_local(async move {
                            let _ = client.locate_shards().await;
                        });
                    }
                    dispatch.emit(Action::ArchiveOpened(opened));
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
