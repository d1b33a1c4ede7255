//! Loading the library at start: the deployment's pages (fetched, or inside a bundle), the
//! reader's pages stored in IndexedDB, and a page a `?src=` link names; then the host page of an
//! embedded view hears that the library is ready (postMessage).

use yew::prelude::*;

use crate::data;
use crate::embed;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::Action;

/// Loads the library once, when the app starts.
#[hook]
pub fn use_load(dispatch: Callback<Action>, lang: Lang) {
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(load(dispatch, lang));
    });
}

/// Loads the deployment's pages, the reader's stored pages and any `?src=` link. The
/// deployment's pages and a `?src=` page are parsed here, at once: starting the parse worker
/// first delays the first card by about 50 ms. Stored pages, which may be many, are parsed in
/// the worker.
async fn load(dispatch: Callback<Action>, lang: Lang) {
    // The reader's corrections first, so that every page arrives corrected.
    match crate::storage::load_edits().await {
        Ok((edits, damaged)) => {
            dispatch.emit(Action::EditsLoaded(edits.into_iter().collect()));
            if !damaged.is_empty() {
                let text = match lang {
                    Lang::Zh => {
                        format!("浏览器中保存的 {} 份校正已损坏，无法读取。", damaged.len())
                    }
                    Lang::En => format!(
                        "{} corrections stored in this browser are damaged and cannot be read.",
                        damaged.len()
                    ),
                };
                dispatch.emit(Action::Notify { error: true, text });
            }
        }
        Err(err) => {
            let text = match lang {
                Lang::Zh => format!("无法读取浏览器中保存的校正：{}", err.message(lang)),
                Lang::En => format!(
                    "Could not read the corrections stored in this browser: {}",
                    err.message(lang)
                ),
            };
            dispatch.emit(Action::Notify { error: true, text });
        }
    }
    match data::load_deployment(&dispatch, lang, None).await {
        Ok(pages) => dispatch.emit(Action::AddPages(pages)),
        Err(err) => {
            let message = err.import_message(data::MANIFEST_URL, lang);
            let text = match lang {
                Lang::Zh => format!("无法载入本站发布的版面：{message}"),
                Lang::En => format!("Could not load the pages published here: {message}"),
            };
            dispatch.emit(Action::Notify { error: true, text });
        }
    }
    match data::load_stored().await {
        Ok((pages, damaged)) => {
            dispatch.emit(Action::AddPages(pages));
            if !damaged.is_empty() {
                let text = match lang {
                    Lang::Zh => format!(
                        "浏览器中保存的 {} 条记录已损坏，无法读取；可以在“文库与导入”中移除它们。",
                        damaged.len()
                    ),
                    Lang::En => format!(
                        "{} records stored in this browser are damaged and cannot be read; they can be removed under “Library & import”.",
                        damaged.len()
                    ),
                };
                dispatch.emit(Action::Notify { error: true, text });
                dispatch.emit(Action::Damaged(damaged));
            }
        }
        Err(err) => dispatch.emit(Action::Notify {
            error: true,
            text: stored_unreadable(&err, lang),
        }),
    }
    if let Some(names) = data::interrupted_import() {
        let list = names.join("、");
        let text = match lang {
            Lang::Zh => format!(
                "上次的导入没有完成（页面在导入时被关闭或刷新），未保存任何版面；请重新导入：{list}"
            ),
            Lang::En => format!(
                "The last import did not finish (the page was closed or reloaded while it ran) and saved nothing; import again: {list}"
            ),
        };
        dispatch.emit(Action::Notify { error: true, text });
    }
    if let Some(src) = embed::search_param("src") {
        match data::load_src(&src, &dispatch, lang, None).await {
            Ok(pages) => dispatch.emit(Action::AddPages(pages)),
            Err(err) => dispatch.emit(Action::Notify {
                error: true,
                text: err.import_message(&src, lang),
            }),
        }
    }
    dispatch.emit(Action::Loaded);
    embed::post_ready();
}

/// The notice for pages stored in this browser that could not be read.
pub(super) fn stored_unreadable(err: &AppError, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法读取浏览器中保存的版面：{}", err.message(lang)),
        Lang::En => format!(
            "Could not read the pages stored in this browser: {}",
            err.message(lang)
        ),
    }
}
