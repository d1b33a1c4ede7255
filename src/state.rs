//! The app's state and the actions that change it. Reducers are pure: loading happens in
//! [`crate::data`].

use std::rc::Rc;

use kanbao_parse::Page;
use yew::Reducible;

/// A page in the library: its decoded text and what the parser made of it.
#[derive(Debug, PartialEq)]
pub struct LibraryPage {
    /// The paper's name, when the deployment manifest gives one.
    pub paper: Option<String>,
    /// The decoded source text (spans in `page` index into it).
    pub text: String,
    /// The parsed page.
    pub page: Page,
}

/// Whether the library is still loading, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Loading,
    Ready,
    Failed(String),
}

/// Everything the app shows.
#[derive(Debug, Default, PartialEq)]
pub struct State {
    pub pages: Vec<Rc<LibraryPage>>,
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
        let mut pages = self.pages.clone();
        let mut status = self.status.clone();
        match action {
            Action::AddPages(new) => pages.extend(new.into_iter().map(Rc::new)),
            Action::Loaded => status = Status::Ready,
            Action::Failed(message) => status = Status::Failed(message),
        }
        Rc::new(State { pages, status })
    }
}
