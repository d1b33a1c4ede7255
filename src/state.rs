//! The app's state and the actions that change it. Reducers are pure: loading, importing and
//! storage happen in [`crate::data`] and [`crate::storage`].

use std::rc::Rc;

use yew::Reducible;

use crate::library::{Library, LibraryPage, Origin};
use crate::storage::Damaged;

/// Whether the library is still loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Loading,
    Ready,
}

/// A message for the reader: an import that failed, or one that succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub error: bool,
    pub text: String,
}

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The library, its loading status, and what the reader is told.
#[derive(Debug, Default, PartialEq)]
pub struct State {
    pub library: Rc<Library>,
    pub status: Status,
    pub notices: Vec<Notice>,
    pub progress: Option<Progress>,
    /// Stored records that cannot be read as pages.
    pub damaged: Vec<Damaged>,
    next_notice: u32,
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// Pages arrived from the deployment, storage or an import.
    AddPages(Vec<LibraryPage>),
    /// Pages removed by key.
    RemovePages(Vec<String>),
    /// The imported pages are now those of `keys` (as storage holds them after another tab
    /// changed it); `added` are those this tab did not have.
    SyncImported {
        keys: Vec<String>,
        added: Vec<LibraryPage>,
    },
    /// Stored records that cannot be read as pages.
    Damaged(Vec<Damaged>),
    /// Damaged records removed by key.
    RemoveDamaged(Vec<String>),
    /// Loading finished.
    Loaded,
    /// Tell the reader something.
    Notify {
        error: bool,
        text: String,
    },
    Dismiss(u32),
    /// An import's progress; `None` when it ends.
    Progress(Option<Progress>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = State {
            library: self.library.clone(),
            status: self.status,
            notices: self.notices.clone(),
            progress: self.progress,
            damaged: self.damaged.clone(),
            next_notice: self.next_notice,
        };
        match action {
            Action::AddPages(pages) => {
                Rc::make_mut(&mut next.library).add(pages);
            }
            Action::RemovePages(keys) => {
                next.library = Rc::new(self.library.without(|p| keys.contains(&p.key)));
            }
            Action::SyncImported { keys, added } => {
                let keys: std::collections::HashSet<String> = keys.into_iter().collect();
                let mut library = self
                    .library
                    .without(|p| p.origin == Origin::Imported && !keys.contains(&p.key));
                library.add(added);
                next.library = Rc::new(library);
            }
            Action::Damaged(damaged) => next.damaged = damaged,
            Action::RemoveDamaged(keys) => next.damaged.retain(|d| !keys.contains(&d.key)),
            Action::Loaded => next.status = Status::Ready,
            Action::Notify { error, text } => {
                next.notices.push(Notice {
                    id: next.next_notice,
                    error,
                    text,
                });
                next.next_notice += 1;
            }
            Action::Dismiss(id) => next.notices.retain(|n| n.id != id),
            Action::Progress(p) => next.progress = p,
        }
        Rc::new(next)
    }
}
