//! Searching the deployment's built archive beside the library (its index and blocks, fetched
//! over HTTP by [`ArchiveClient`]), newest first (or oldest first when asked), a page of
//! results at a time, with the list's filters and within the period of its timeline.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use kanbao_search::{Filters, Query};
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

/// What [`use_archive_search`] gives the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveSearchHandle {
    pub state: ArchiveSearch,
    /// Shows the next results.
    pub onmore: Callback<()>,
    /// Counts every match to the archive's oldest page (`true`), or stops counting (`false`).
    pub oncount: Callback<bool>,
    /// A count to the end is under way.
    pub counting: bool,
}

/// Matches a count asks for at each step: the timeline and the total grow between steps, and
/// a cancel takes effect at the next.
const COUNT_STEP: usize = 400;

/// What the list asks of the archive: its search text, filters, period and order.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveAsk {
    pub query: Option<Query>,
    pub filters: Filters,
    pub period: Option<(String, String)>,
    pub oldest_first: bool,
}

/// Searches the archive whenever the search, its filters, period or order change (with
/// search text, or with a filter the archive can apply), and returns where the search stands
/// with callbacks that show more of its results or count them all; a slower earlier search
/// never overwrites a later one.
#[hook]
pub fn use_archive_search(
    archive: Option<Rc<ArchiveClient>>,
    ask: ArchiveAsk,
) -> ArchiveSearchHandle {
    let state = use_state(|| ArchiveSearch::Idle);
    let generation = use_mut_ref(|| 0u32);
    let counting = use_state(|| false);
    // Asked to stop: the count ends after the step under way, whose matches it keeps (the
    // search has moved past them and would not find them again).
    let stop = use_mut_ref(|| false);
    let onmore = {
        let (state, generation, archive) = (state.clone(), generation.clone(), archive.clone());
        let counting = counting.clone();
        Callback::from(move |()| {
            // One request at a time moves the search on.
            if *counting {
                return;
            }
            let (Some(archive), ArchiveSearch::Done(results)) = (archive.clone(), (*state).clone())
            else {
                return;
            };
            settle(state.clone(), generation.clone(), async move {
                archive.more(&results, ARCHIVE_STEP).await
            });
        })
    };
    let oncount = {
        let (state, generation, archive) = (state.clone(), generation.clone(), archive.clone());
        let (counting, stop) = (counting.clone(), stop.clone());
        Callback::from(move |start: bool| {
            if !start {
                *stop.borrow_mut() = true;
                return;
            }
            let (Some(archive), ArchiveSearch::Done(results)) = (archive.clone(), (*state).clone())
            else {
                return;
            };
            if *counting {
                return;
            }
            *stop.borrow_mut() = false;
            counting.set(true);
            let (state, generation, counting) =
                (state.clone(), generation.clone(), counting.clone());
            let stop = stop.clone();
            let mine = *generation.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                let mut results = results;
                while !results.complete() && !*stop.borrow() {
                    let step = archive.count_further(&results, COUNT_STEP).await;
                    // A new search began: this one and its count are dropped.
                    if *generation.borrow() != mine {
                        return;
                    }
                    match step {
                        Ok(next) => {
                            results = next;
                            state.set(ArchiveSearch::Done(results.clone()));
                        }
                        Err(e) => {
                            state.set(ArchiveSearch::Failed(e));
                            break;
                        }
                    }
                }
                counting.set(false);
            });
        })
    };
    {
        let (state, counting) = (state.clone(), counting.clone());
        use_effect_with((archive, ask), move |(archive, ask)| {
            // A new search: whatever an earlier one (or a count) still brings is dropped.
            *generation.borrow_mut() += 1;
            *stop.borrow_mut() = true;
            counting.set(false);
            let filtered = |a: &ArchiveClient| {
                ask.filters
                    .iter()
                    .any(|(f, values)| !values.is_empty() && a.filterable(*f))
            };
            match archive.clone() {
                Some(archive) if ask.query.is_some() || filtered(&archive) => {
                    state.set(ArchiveSearch::Searching);
                    let ask = ask.clone();
                    settle(state.clone(), generation.clone(), async move {
                        let query = ask.query.unwrap_or_else(|| Query::parse(""));
                        archive
                            .search(
                                &query,
                                &ask.filters,
                                ARCHIVE_STEP,
                                ask.period.as_ref(),
                                ask.oldest_first,
                            )
                            .await
                    });
                }
                _ => state.set(ArchiveSearch::Idle),
            }
        });
    }
    ArchiveSearchHandle {
        state: (*state).clone(),
        onmore,
        oncount,
        counting: *counting,
    }
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
