//! What views read of the archive beside its search: its calendar, a month of it, the cards
//! of a page's articles and the facets' values, each fetched when a view first needs it (the
//! archive keeps what it fetched).

use std::future::Future;
use std::rc::Rc;

use kanbao_search::{ArchiveFacets, Calendar, CalendarMonth};
use yew::prelude::*;

use crate::archive::ArchiveClient;
use crate::error::AppError;
use crate::library::LibraryPage;

/// Where a fetch from the archive stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing to fetch: no archive, or it holds nothing of what is asked.
    Absent,
    Loading,
    Ready(T),
    /// The fetch failed; the message is told in the language of each render.
    Failed(AppError),
}

impl<T> Loaded<T> {
    /// What was fetched, if it is in.
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }
}

/// Fetches with `load` whenever the archive or `key` changes; an answer to an earlier key
/// never overwrites a later one.
#[hook]
fn use_archive_load<K, T, F, Fut>(archive: Option<Rc<ArchiveClient>>, key: K, load: F) -> Loaded<T>
where
    K: PartialEq + Clone + 'static,
    T: Clone + 'static,
    F: Fn(Rc<ArchiveClient>, K) -> Fut + 'static,
    Fut: Future<Output = Result<Option<T>, AppError>> + 'static,
{
    let state = use_state(|| Loaded::Absent);
    let generation = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((archive, key), move |(archive, key)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            match archive.clone() {
                Some(archive) => {
                    state.set(Loaded::Loading);
                    let request = load(archive, key.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let outcome = match request.await {
                            Ok(Some(value)) => Loaded::Ready(value),
                            Ok(None) => Loaded::Absent,
                            Err(e) => Loaded::Failed(e),
                        };
                        if *generation.borrow() == mine {
                            state.set(outcome);
                        }
                    });
                }
                None => state.set(Loaded::Absent),
            }
        });
    }
    (*state).clone()
}

/// The archive's calendar of dates.
#[hook]
pub fn use_archive_calendar(archive: Option<Rc<ArchiveClient>>) -> Loaded<Rc<Calendar>> {
    use_archive_load(archive, (), |archive, ()| async move {
        archive.calendar().await
    })
}

/// The most common values of the archive's facets, with their counts.
#[hook]
pub fn use_archive_facets(archive: Option<Rc<ArchiveClient>>) -> Loaded<Rc<ArchiveFacets>> {
    use_archive_load(
        archive,
        (),
        |archive, ()| async move { archive.facets().await },
    )
}

/// One month (`YYYY-MM`) of the archive's calendar; nothing when `month` is `None`.
#[hook]
pub fn use_archive_month(
    archive: Option<Rc<ArchiveClient>>,
    month: Option<String>,
) -> Loaded<Rc<CalendarMonth>> {
    use_archive_load(archive, month, |archive, month| async move {
        match month {
            Some(month) => archive.month(&month).await,
            None => Ok(None),
        }
    })
}

/// The cards of the archive's documents `docs`, in their order; nothing when `docs` is empty.
#[hook]
pub fn use_archive_cards(
    archive: Option<Rc<ArchiveClient>>,
    docs: Vec<u32>,
) -> Loaded<Rc<Vec<Rc<LibraryPage>>>> {
    use_archive_load(archive, docs, |archive, docs| async move {
        if docs.is_empty() {
            return Ok(None);
        }
        archive.cards(&docs).await.map(|c| Some(Rc::new(c)))
    })
}
