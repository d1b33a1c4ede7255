//! Searching the deployment's built archive beside the library (its index and blocks, fetched
//! over HTTP by [`ArchiveClient`]), newest first, a page of results at a time, within the
//! period of the list's timeline when one is chosen.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use kanbao_search::Query;
use yew::prelude::*;

use crate::archive::{ArchiveClient, ArchiveResults};
use crate::error::AppError;

/// How many archive results a search shows at first, and adds with each "show more".
const ARCHIVE_STEP: usize = 20;

/// Where an archive search stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ArchiveSearch {
    Idle,
    Searching,
    Done(ArchiveResults),
    /// The search failed; the message is told in the language of each render.
    Failed(AppError),
}

/// Searches the archive whenever the search changes, and returns where the search stands
/// with a callback that shows more of its results; a slower earlier search never overwrites a
/// later one.
#[hook]
pub fn use_archive_search(
    archive: Option<Rc<ArchiveClient>>,
    query: Option<Query>,
    period: Option<(String, String)>,
) -> (ArchiveSearch, Callback<()>) {
    let state = use_state(|| ArchiveSearch::Idle);
    let generation = use_mut_ref(|| 0u32);
    let onmore = {
        let (state, generation, archive) = (state.clone(), generation.clone(), archive.clone());
        Callback::from(move |()| {
            let (Some(archive), ArchiveSearch::Done(results)) = (archive.clone(), (*state).clone())
            else {
                return;
            };
            settle(state.clone(), generation.clone(), async move {
                archive.more(&results, ARCHIVE_STEP).await
            });
        })
    };
    {
        let state = state.clone();
        use_effect_with((archive, query, period), move |(archive, query, period)| {
            // A new search: whatever an earlier one still brings is dropped.
            *generation.borrow_mut() += 1;
            match (archive.clone(), query.clone()) {
                (Some(archive), Some(query)) => {
                    state.set(ArchiveSearch::Searching);
                    let period = period.clone();
                    settle(state.clone(), generation.clone(), async move {
                        archive.search(&query, ARCHIVE_STEP, period.as_ref()).await
                    });
                }
                _ => state.set(ArchiveSearch::Idle),
            }
        });
    }
    ((*state).clone(), onmore)
}

/// Runs an archive request and sets its outcome, unless a newer search began meanwhile.
fn settle(
    state: UseStateHandle<ArchiveSearch>,
    generation: Rc<RefCell<u32>>,
    request: impl Future<Output = Result<ArchiveResults, AppError>> + 'static,
) {
    let mine = *generation.borrow();
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match request.await {
            Ok(r) => ArchiveSearch::Done(r),
            Err(e) => ArchiveSearch::Failed(e),
        };
        if *generation.borrow() == mine {
            state.set(outcome);
        }
    });
}
