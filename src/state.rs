//! The app's state and the actions that change it. Reducers are pure: loading happens in
//! [`crate::data`], storage of preferences in [`crate::hooks`].

use std::rc::Rc;

use yew::Reducible;

use crate::library::{Library, LibraryPage};

/// Whether the library is still loading, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Loading,
    Ready,
    Failed(String),
}

/// The library and its loading status.
#[derive(Debug, Default, PartialEq)]
pub struct State {
    pub library: Rc<Library>,
    pub status: Status,
}

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// Pages arrived from the deployment or an import.
    AddPages(Vec<LibraryPage>),
    /// Loading finished.
    Loaded,
    /// Loading failed; the message is for the user.
    Failed(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut library = self.library.clone();
        let mut status = self.status.clone();
        match action {
            Action::AddPages(pages) => {
                Rc::make_mut(&mut library).add(pages);
            }
            Action::Loaded => status = Status::Ready,
            Action::Failed(message) => status = Status::Failed(message),
        }
        Rc::new(State { library, status })
    }
}
