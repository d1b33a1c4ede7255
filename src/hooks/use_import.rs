//! Importing what the reader or a host page brings: each source read and parsed (files, the
//! parse worker), the new pages stored in IndexedDB, all through [`data::import`]; and the
//! cancelling of the import under way.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::corrections::PageId;
use crate::data::{self, Keep, Source};
use crate::i18n::Lang;
use crate::library::Library;
use crate::state::Action;

/// The ways to start and stop an import.
#[derive(Debug, Clone)]
pub struct Import {
    /// Imports sources, kept in the browser (`true`) or for this session only.
    pub onhost: Callback<(Vec<Source>, bool)>,
    /// Imports what the reader brings, which is kept in the browser.
    pub onimport: Callback<Vec<Source>>,
    /// Cancels the import under way.
    pub oncancel: Callback<()>,
}

/// Imports into `library`: pages it already holds are counted as duplicates, not added again.
#[hook]
pub fn use_import(library: Rc<Library>, dispatch: Callback<Action>, lang: Lang) -> Import {
    // The flag of the import under way; each import gets its own.
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let onhost = {
        let cancel = cancel.clone();
        Callback::from(move |(sources, keep): (Vec<Source>, bool)| {
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            let known = library.pages().iter().map(|p| p.key.clone()).collect();
            let keep = if keep { Keep::Stored } else { Keep::Session };
            // Corrections files go to their pages once the pages brought with them are in.
            let (sidecars, pages): (Vec<Source>, Vec<Source>) =
                sources.into_iter().partition(data::is_sidecar);
            let mut ids: Vec<PageId> = library.pages().iter().map(|p| PageId::of(p)).collect();
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if !pages.is_empty() {
                    ids.extend(
                        data::import(pages, known, dispatch.clone(), flag, keep, lang).await,
                    );
                }
                if !sidecars.is_empty() {
                    data::import_corrections(sidecars, ids, dispatch, lang).await;
                }
            });
        })
    };
    Import {
        onimport: onhost.reform(|sources: Vec<Source>| (sources, true)),
        onhost,
        oncancel: Callback::from(move |()| cancel.borrow().set(true)),
    }
}
