//! Files and folders dropped anywhere on the page are imported: listens for `dragover` and
//! `drop` on the document and reads the drop's `DataTransfer` (folders through the file system
//! entries API).

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::document;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::data::{self, Source};
use crate::hooks::use_latest::use_latest;
use crate::i18n::Lang;
use crate::state::Action;

/// Hands what is dropped on the page to `onimport`, and tells the reader of files in a folder
/// that were skipped. The listeners, set up once, use the `onimport` and language of the
/// latest render (so a drop is checked against the library as it is now).
#[hook]
pub fn use_drop_import(onimport: Callback<Vec<Source>>, dispatch: Callback<Action>, lang: Lang) {
    let latest = use_latest((onimport, lang));
    use_effect_with((), move |_| {
        let over = EventListener::new_with_options(
            &document(),
            "dragover",
            EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        );
        let ondrop = EventListener::new_with_options(
            &document(),
            "drop",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                e.prevent_default();
                let Some(transfer) = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                else {
                    return;
                };
                let Some((onimport, lang)) = latest.borrow().clone() else {
                    return;
                };
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let (files, skipped) = data::dropped_files(&transfer).await;
                    if skipped > 0 {
                        let text = match lang {
                            Lang::Zh => {
                                format!("文件夹中有 {skipped} 个文件不是 .txt 或 .json，已跳过。")
                            }
                            Lang::En => format!(
                                "Skipped {skipped} files in the folder that are not .txt or .json."
                            ),
                        };
                        dispatch.emit(Action::Notify { error: false, text });
                    }
                    if !files.is_empty() {
                        onimport.emit(files.into_iter().map(Source::File).collect());
                    }
                });
            },
        );
        move || drop((over, ondrop))
    });
}
