//! The app's state and the actions that change it. Reducers are pure: loading, importing and
//! storage happen in [`crate::data`] and [`crate::storage`], the browser's events in the hooks
//! of [`crate::hooks`], which dispatch what they learn here.

use std::rc::Rc;

use yew::Reducible;

use crate::archive::ArchiveClient;
use std::collections::HashMap;

use crate::corrections::PageEdits;
use crate::library::{Library, LibraryPage, Origin};
use crate::route::{ListQuery, Route};
use crate::storage::Damaged;

/// Whether the library is still loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Loading,
    Ready,
}

impl Status {
    /// The name the page carries in `data-status`, which tests wait for.
    pub fn name(self) -> &'static str {
        match self {
            Status::Loading => "loading",
            Status::Ready => "ready",
        }
    }
}

/// A message for the reader: an import that failed, or one that succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub error: bool,
    pub text: String,
}

/// The deployment's built archive. The open archive lives here, beside the library, so the
/// views take it from the state like everything else: an [`ArchiveClient`] is equal only to
/// itself, so the state still compares cheaply.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Archive {
    /// Its manifest is being fetched.
    #[default]
    Opening,
    /// The deployment publishes none, or it could not be opened.
    Absent,
    /// Open: its manifest is read, the rest is fetched as searches need it.
    Open(Rc<ArchiveClient>),
}

impl Archive {
    /// The open archive, if there is one.
    pub fn client(&self) -> Option<Rc<ArchiveClient>> {
        match self {
            Archive::Open(client) => Some(client.clone()),
            Archive::Opening | Archive::Absent => None,
        }
    }
}

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The library, its loading status, what the reader is told, and where the reader is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub library: Rc<Library>,
    pub status: Status,
    pub notices: Vec<Notice>,
    pub progress: Option<Progress>,
    /// Stored records that cannot be read as pages.
    pub damaged: Vec<Damaged>,
    next_notice: u32,
    /// The list's search and filters, kept while an article is open (its highlights, "back").
    pub list_query: ListQuery,
    /// The card `j` and `k` moved to: a position in the list's results.
    pub selected: Option<usize>,
    /// Whether the open article was reached from the list, so "back" can use history.
    pub came_from_list: bool,
    /// Whether the last route was the list.
    on_list: bool,
    /// Bytes stored in the browser, once the library view has asked and the browser told.
    pub usage: Option<f64>,
    /// The deployment's built archive.
    pub archive: Archive,
    /// The reader's corrections by page key, also of pages not in the library now (a page
    /// imported again finds its corrections).
    pub edits: Rc<HashMap<String, PageEdits>>,
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
    /// The route changed: a new list search drops the selection and is kept for when an
    /// article is open.
    Navigated(Route),
    /// `j` (`down`) or `k` moved the selection through a list of `hits` results.
    MoveSelection {
        down: bool,
        hits: usize,
    },
    /// The browser told how many bytes it stores.
    Usage(Option<f64>),
    /// The archive was opened (`None`: there is none, or it failed to open).
    ArchiveOpened(Option<Rc<ArchiveClient>>),
    /// The reader's stored corrections, by page key: applied to the pages they are for.
    EditsLoaded(HashMap<String, PageEdits>),
    /// The reader corrected the page of `key` (or undid or redid a correction).
    Edited {
        key: String,
        edits: PageEdits,
    },
}

impl State {
    /// Pages as the reader corrected them, where there are corrections for them.
    fn corrected(&self, pages: Vec<LibraryPage>) -> Vec<LibraryPage> {
        pages
            .into_iter()
            .map(|p| match self.edits.get(&p.key) {
                Some(edits) if p.origin != Origin::Archive => p.with_edits(edits.clone()),
                _ => p,
            })
            .collect()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::AddPages(pages) => {
                let pages = next.corrected(pages);
                Rc::make_mut(&mut next.library).add(pages);
            }
            Action::RemovePages(keys) => {
                next.library = Rc::new(next.library.without(|p| keys.contains(&p.key)));
            }
            Action::SyncImported { keys, added } => {
                let keys: std::collections::HashSet<String> = keys.into_iter().collect();
                let mut library = next
                    .library
                    .without(|p| p.origin == Origin::Imported && !keys.contains(&p.key));
                library.add(next.corrected(added));
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
            Action::Navigated(route) => {
                if let Route::List(query) = &route {
                    if next.list_query != *query {
                        next.selected = None;
                    }
                    next.list_query = query.clone();
                }
                next.came_from_list = matches!(route, Route::Article(_)) && next.on_list;
                next.on_list = matches!(route, Route::List(_));
            }
            Action::MoveSelection { down, hits } => {
                if let Some(last) = hits.checked_sub(1) {
                    let to = match (down, next.selected) {
                        (_, None) => 0,
                        (true, Some(i)) => i + 1,
                        (false, Some(i)) => i.saturating_sub(1),
                    };
                    next.selected = Some(to.min(last));
                }
            }
            Action::Usage(bytes) => next.usage = bytes,
            Action::ArchiveOpened(client) => {
                next.archive = client.map_or(Archive::Absent, Archive::Open);
            }
            Action::EditsLoaded(edits) => {
                // Only pages whose corrections changed are read again, in one rebuild.
                let changed: HashMap<String, PageEdits> = edits
                    .into_iter()
                    .filter(|(key, e)| next.edits.get(key) != Some(e))
                    .collect();
                if !changed.is_empty() {
                    next.library = Rc::new(next.library.replaced(|p| {
                        let e = changed.get(&p.key)?;
                        (p.origin != Origin::Archive).then(|| Rc::new(p.with_edits(e.clone())))
                    }));
                    Rc::make_mut(&mut next.edits).extend(changed);
                }
            }
            Action::Edited { key, edits } => {
                if let Some(p) = next.library.pages().iter().find(|p| p.key == key) {
                    next.library = Rc::new(next.library.replace(p.with_edits(edits.clone())));
                }
                Rc::make_mut(&mut next.edits).insert(key, edits);
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The state after each action in turn, from the start.
    fn after(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::new(State::default()), |state, action| {
                state.reduce(action)
            })
    }

    fn search(q: &str) -> Route {
        Route::List(ListQuery {
            q: q.into(),
            ..ListQuery::default()
        })
    }

    fn article(id: &str) -> Route {
        Route::Article(id.into())
    }

    fn step(down: bool, hits: usize) -> Action {
        Action::MoveSelection { down, hits }
    }

    #[test]
    fn the_list_search_is_kept_while_an_article_is_open() {
        let state = after([
            Action::Navigated(search("港口")),
            Action::Navigated(article("a1")),
        ]);
        assert_eq!(state.list_query.q, "港口");
    }

    #[test]
    fn a_new_list_search_drops_the_selection() {
        let state = after([Action::Navigated(search("港口")), step(true, 3)]);
        assert_eq!(state.selected, Some(0));
        let state = state.reduce(Action::Navigated(search("海关")));
        assert_eq!(state.selected, None);
        assert_eq!(state.list_query.q, "海关");
    }

    #[test]
    fn coming_back_to_the_same_search_keeps_the_selection() {
        let state = after([
            Action::Navigated(search("港口")),
            step(true, 3),
            step(true, 3),
            Action::Navigated(article("a2")),
            Action::Navigated(search("港口")),
        ]);
        assert_eq!(state.selected, Some(1));
    }

    #[test]
    fn an_article_opened_from_the_list_is_known_to_come_from_it() {
        let state = after([
            Action::Navigated(search("")),
            Action::Navigated(article("a1")),
        ]);
        assert!(state.came_from_list);
    }

    #[test]
    fn an_article_reached_otherwise_is_not_known_to_come_from_the_list() {
        let opened_directly = after([Action::Navigated(article("a1"))]);
        assert!(!opened_directly.came_from_list);
        let from_the_library = after([
            Action::Navigated(search("")),
            Action::Navigated(Route::Library),
            Action::Navigated(article("a1")),
        ]);
        assert!(!from_the_library.came_from_list);
        let from_an_article = after([
            Action::Navigated(search("")),
            Action::Navigated(article("a1")),
            Action::Navigated(article("a2")),
        ]);
        assert!(!from_an_article.came_from_list);
        let back_on_the_list = from_an_article.reduce(Action::Navigated(search("")));
        assert!(!back_on_the_list.came_from_list);
    }

    #[test]
    fn j_and_k_move_the_selection_and_stop_at_the_ends() {
        assert_eq!(after([step(true, 3)]).selected, Some(0));
        assert_eq!(after([step(false, 3)]).selected, Some(0));
        let at_the_end = after([step(true, 3), step(true, 3), step(true, 3), step(true, 3)]);
        assert_eq!(at_the_end.selected, Some(2));
        assert_eq!(at_the_end.clone().reduce(step(false, 3)).selected, Some(1));
        let at_the_start = after([step(true, 3), step(false, 3), step(false, 3)]);
        assert_eq!(at_the_start.selected, Some(0));
    }

    #[test]
    fn the_selection_stays_within_a_list_that_shrank() {
        let state = after([step(true, 5), step(true, 5), step(true, 5), step(true, 5)]);
        assert_eq!(state.selected, Some(3));
        assert_eq!(state.clone().reduce(step(true, 2)).selected, Some(1));
        assert_eq!(state.reduce(step(false, 2)).selected, Some(1));
    }

    #[test]
    fn an_empty_list_selects_nothing() {
        assert_eq!(after([step(true, 0)]).selected, None);
        let state = after([step(true, 3), step(true, 0)]);
        assert_eq!(state.selected, Some(0));
    }

    #[test]
    fn the_storage_use_is_what_the_browser_last_told() {
        assert_eq!(State::default().usage, None);
        let state = after([Action::Usage(Some(2_500_000.0))]);
        assert_eq!(state.usage, Some(2_500_000.0));
        assert_eq!(state.reduce(Action::Usage(None)).usage, None);
    }

    #[test]
    fn the_archive_is_opening_until_it_is_open_or_absent() {
        assert_eq!(State::default().archive, Archive::Opening);
        assert_eq!(State::default().archive.client(), None);
        let absent = after([Action::ArchiveOpened(None)]);
        assert_eq!(absent.archive, Archive::Absent);
        assert_eq!(absent.archive.client(), None);
        let client = Rc::new(ArchiveClient::empty());
        let open = after([Action::ArchiveOpened(Some(client.clone()))]);
        assert!(
            open.archive
                .client()
                .is_some_and(|c| Rc::ptr_eq(&c, &client))
        );
    }

    #[test]
    fn where_the_reader_is_leaves_the_library_and_notices_alone() {
        let state = after([
            Action::Notify {
                error: false,
                text: "已导入".into(),
            },
            Action::Loaded,
            Action::Navigated(search("港口")),
            step(true, 2),
            Action::Usage(Some(1.0)),
            Action::ArchiveOpened(None),
        ]);
        assert_eq!(state.status, Status::Ready);
        assert_eq!(state.notices.len(), 1);
        assert!(state.library.is_empty());
    }

    /// Two reports the parser reads as one, and the correction that splits them.
    fn merged_page() -> (LibraryPage, kanbao_parse::correct::Correction) {
        let text = "港口新航线开通\n\n本报讯（记者 林海）近日，港口开通新航线。\n\n城东公园开放\n\n市民可免费入园。\n";
        let at = text.find("城东公园开放").unwrap_or(0);
        let split = kanbao_parse::correct::Correction::Split {
            line: kanbao_parse::correct::LineRef {
                span: [at, at + "城东公园开放".len()],
                text: "城东公园开放".into(),
            },
        };
        (
            LibraryPage::new("A01.txt", None, text.into(), Origin::Imported),
            split,
        )
    }

    #[test]
    fn a_correction_reads_its_page_again_and_undo_restores_the_parsers_reading() {
        let (page, split) = merged_page();
        let key = page.key.clone();
        let before = page.page.articles.len();
        let none = PageEdits::new(&page);
        let state = after([Action::AddPages(vec![page])]);
        let edited = none.with(split);
        let state = state.reduce(Action::Edited {
            key: key.clone(),
            edits: edited.clone(),
        });
        let corrected = &state.library.pages()[0];
        assert!(corrected.is_corrected());
        assert_eq!(corrected.page.articles.len(), before + 1);
        assert_eq!(state.library.len(), before + 1);
        let undone = edited.undo().expect("undoes");
        let state = state.reduce(Action::Edited { key, edits: undone });
        assert!(!state.library.pages()[0].is_corrected());
        assert_eq!(state.library.len(), before);
    }

    #[test]
    fn stored_corrections_apply_to_pages_whether_they_arrive_before_or_after() {
        let (page, split) = merged_page();
        let key = page.key.clone();
        let before = page.page.articles.len();
        let edits = PageEdits::new(&page).with(split);
        let loaded = || Action::EditsLoaded(HashMap::from([(key.clone(), edits.clone())]));
        let (first, _) = merged_page();
        let pages_first = after([Action::AddPages(vec![first]), loaded()]);
        let (second, _) = merged_page();
        let edits_first = after([loaded(), Action::AddPages(vec![second])]);
        for state in [pages_first, edits_first] {
            assert_eq!(state.library.len(), before + 1);
            assert!(state.library.pages()[0].is_corrected());
        }
    }
}
