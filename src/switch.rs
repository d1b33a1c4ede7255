//! Route → view: the page each route shows, with the callbacks only that page uses.

use std::rc::Rc;

use yew::prelude::*;

use crate::cite;
use crate::components::edit_mode::EditMade;
use crate::data::{self, Source};
use crate::export;
use crate::hooks::use_collections::CollectionsHandle;
use crate::hooks::use_route::go_back;
use crate::i18n::Lang;
use crate::issues;
use crate::library::{Library, Origin, Results, display_title};
use crate::pages::archive_article::ArchiveArticle;
use crate::pages::article::{ArticlePage, Correcting};
use crate::pages::collections::{CollectionView, CollectionsPage};
use crate::pages::issues::{DatesPage, IssueView};
use crate::pages::library::LibraryPageView;
use crate::pages::list::{ExportFormat, ListPage};
use crate::pages::not_found::NotFound;
use crate::route::Route;
use crate::state::{Action, Archive, State, Status};

/// What the views need beside the route and the state.
#[derive(Debug)]
pub struct Views {
    pub lang: Lang,
    /// The list's results for the search in the route, or the one kept while an article is open.
    pub results: Rc<Results>,
    /// The embedded view.
    pub compact: bool,
    pub dispatch: Callback<Action>,
    /// Goes to a route, adding a history entry.
    pub push: Callback<Route>,
    /// Goes to a route in place.
    pub replace: Callback<Route>,
    /// Imports what the reader brings.
    pub onimport: Callback<Vec<Source>>,
    /// The reader's collections.
    pub collections: CollectionsHandle,
}

/// The view of `route`.
pub fn switch(route: &Route, state: &State, views: &Views) -> Html {
    let lang = views.lang;
    let query = views.results.query.clone();
    let onback = {
        let (push, list_query) = (views.push.clone(), state.list_query.clone());
        let came_from_list = state.came_from_list;
        Callback::from(move |()| go_back(&push, &list_query, came_from_list))
    };
    // The embedded view keeps no collections.
    let collections = (!views.compact).then(|| {
        (
            views.collections.collections.clone(),
            views.collections.onedit.clone(),
        )
    });
    match route {
        Route::List(q) => html! {
            <ListPage library={state.library.clone()} query={q.clone()} results={views.results.clone()}
                selected={state.selected} {lang} onquery={views.push.reform(Route::List)}
                onexport={export_list(&state.library, &views.results, &views.dispatch, lang)}
                compact={views.compact} archive={state.archive.client()} />
        },
        Route::Library => library(state, views),
        Route::Article(id) => match state
            .library
            .find(id)
            .and_then(|i| Some((i, state.library.locate(i)?)))
        {
            Some((entry, (page, index))) => {
                let library = &state.library;
                let neighbour = |e: Option<usize>| {
                    e.and_then(|e| library.get(e))
                        .map(|(_, a)| (Route::Article(a.id.clone()), display_title(a)))
                };
                let (previous, next) = issues::neighbours(library, entry);
                let on_page = issues::page_of(library, entry).map(|(date, key)| Route::Issue {
                    date,
                    page: Some(key),
                });
                let correct = (!views.compact && page.origin != Origin::Archive)
                    .then(|| correcting(state, views));
                html! {
                    <ArticlePage page={page.clone()} article={index} {query} {lang} {onback}
                        previous={neighbour(previous)} next={neighbour(next)} {on_page} {collections} {correct} />
                }
            }
            None if state.status == Status::Loading => html! {},
            // Not in the library (removed, or collected from the archive): the copy a
            // collection keeps.
            None => match views.collections.collections.find_item(id) {
                Some(item) => {
                    let page = Rc::new(crate::archive::page_of_record(
                        item.article.clone(),
                        item.paper.clone(),
                    ));
                    html! {
                        <ArticlePage {page} article={0} {query} {lang} {onback} {collections} />
                    }
                }
                None => html! { <NotFound {lang} id={Some(id.clone())} /> },
            },
        },
        Route::ArchiveArticle(doc) => match &state.archive {
            Archive::Open(archive) => html! {
                <ArchiveArticle archive={archive.clone()} doc={*doc} {query} {lang} {onback} {collections} />
            },
            Archive::Opening => html! {},
            Archive::Absent => html! { <NotFound {lang} id={Some(doc.to_string())} /> },
        },
        Route::Dates(month) => html! {
            <DatesPage library={state.library.clone()} archive={state.archive.client()} month={month.clone()} {lang} />
        },
        Route::Issue { date, page } => html! {
            <IssueView library={state.library.clone()} archive={state.archive.client()} date={date.clone()} page={page.clone()} {lang} />
        },
        Route::Collections => html! {
            <CollectionsPage collections={views.collections.collections.clone()} onedit={views.collections.onedit.clone()}
                {lang} dispatch={views.dispatch.clone()} />
        },
        Route::Collection(id) => match views.collections.collections.get(id) {
            Some(c) => html! {
                <CollectionView collection={Rc::new(c.clone())} onedit={views.collections.onedit.clone()}
                    {lang} dispatch={views.dispatch.clone()} />
            },
            None => html! { <NotFound {lang} id={Some(id.clone())} /> },
        },
        Route::NotFound => html! { <NotFound {lang} /> },
    }
}

/// What the reading view's edit mode calls: a correction is applied to the library, stored in
/// the browser and followed to the article its line is now in; the export downloads the page's
/// sidecar file.
fn correcting(state: &State, views: &Views) -> Correcting {
    let (lang, dispatch) = (views.lang, views.dispatch.clone());
    let library = state.library.clone();
    let replace = views.replace.clone();
    let onedit = {
        let dispatch = dispatch.clone();
        Callback::from(move |made: EditMade| {
            let Some(page) = library.pages().iter().find(|p| p.key == made.key) else {
                return;
            };
            let next = page.with_edits(made.edits.clone());
            let at = made.follow[0];
            let article = next
                .page
                .articles
                .iter()
                .find(|a| a.span[0] <= at && at < a.span[1])
                .or_else(|| next.page.articles.iter().find(|a| a.span[0] >= at))
                .or_else(|| next.page.articles.last());
            let id = article.map(|a| a.id.clone());
            dispatch.emit(Action::Edited {
                key: made.key.clone(),
                edits: made.edits.clone(),
            });
            if let Some(id) = id {
                replace.emit(Route::Article(id));
            }
            let (dispatch, key, edits) = (dispatch.clone(), made.key, made.edits);
            wasm_bindgen_futures::spawn_local(async move {
                let saved = crate::storage::save_edits(&key, &edits).await;
                if saved.is_ok() {
                    crate::tabs::library_changed();
                }
                if let Err(err) = saved {
                    let text = match lang {
                        Lang::Zh => format!(
                            "校正已应用，但未能保存在浏览器中，刷新后会丢失；可先导出校正文件：{}",
                            err.message(lang)
                        ),
                        Lang::En => format!(
                            "The correction is applied but could not be stored in this browser and will be lost on reload; export the corrections first: {}",
                            err.message(lang)
                        ),
                    };
                    dispatch.emit(Action::Notify { error: true, text });
                }
            });
        })
    };
    let onexport = Callback::from(move |edits: crate::corrections::PageEdits| {
        data::offer_download(
            &dispatch,
            lang,
            &edits.sidecar_name(),
            "application/json",
            Ok(edits.sidecar()),
        );
    });
    Correcting { onedit, onexport }
}

/// The library view, with what removes, clears and exports the reader's pages.
fn library(state: &State, views: &Views) -> Html {
    let (lang, dispatch) = (views.lang, views.dispatch.clone());
    let onremove = {
        let dispatch = dispatch.clone();
        Callback::from(move |keys: Vec<String>| {
            wasm_bindgen_futures::spawn_local(data::remove(keys, dispatch.clone(), lang))
        })
    };
    let onclear = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            wasm_bindgen_futures::spawn_local(data::clear(dispatch.clone(), lang))
        })
    };
    let onremove_damaged = {
        let dispatch = dispatch.clone();
        Callback::from(move |keys: Vec<String>| {
            wasm_bindgen_futures::spawn_local(data::remove_damaged(keys, dispatch.clone(), lang))
        })
    };
    let onexport = {
        let library = state.library.clone();
        Callback::from(move |()| {
            let (library, dispatch) = (library.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let saved = data::export_library(library).await.and_then(|file| {
                    data::download("kanbao-library.json", "application/json", &file)
                });
                if let Err(err) = saved {
                    dispatch.emit(Action::Notify {
                        error: true,
                        text: err.message(lang),
                    });
                }
            });
        })
    };
    html! {
        <LibraryPageView library={state.library.clone()} {lang} usage={state.usage} onimport={views.onimport.clone()}
            {onremove} {onexport} {onclear}
            damaged={state.damaged.clone()} {onremove_damaged} />
    }
}

/// The listed articles, to cite.
fn cited(library: &Library, hits: &[usize]) -> Vec<cite::Cited> {
    hits.iter()
        .filter_map(|&i| library.get(i))
        .map(|(page, article)| cite::Cited::article(page, article))
        .collect()
}

/// The app's address, that citations link back to.
pub fn app_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// Exports the list's results as a download in the format asked for.
fn export_list(
    library: &Rc<Library>,
    results: &Rc<Results>,
    dispatch: &Callback<Action>,
    lang: Lang,
) -> Callback<ExportFormat> {
    let (library, results, dispatch) = (library.clone(), results.clone(), dispatch.clone());
    Callback::from(move |format: ExportFormat| {
        let hits = &results.hits;
        let (name, mime, content) = match format {
            ExportFormat::Json => (
                "kanbao-articles.json",
                "application/json",
                export::json(&library, hits),
            ),
            ExportFormat::Markdown => (
                "kanbao-articles.md",
                "text/markdown",
                Ok(export::markdown(&library, hits)),
            ),
            ExportFormat::Csv => (
                "kanbao-articles.csv",
                "text/csv",
                Ok(export::csv(&library, hits)),
            ),
            ExportFormat::Bibtex => (
                "kanbao-citations.bib",
                "application/x-bibtex",
                Ok(cite::bibtex(&cited(&library, hits), &app_url())),
            ),
            ExportFormat::Ris => (
                "kanbao-citations.ris",
                "application/x-research-info-systems",
                Ok(cite::ris(&cited(&library, hits), &app_url())),
            ),
            ExportFormat::CslJson => (
                "kanbao-citations.json",
                "application/vnd.citationstyles.csl+json",
                cite::csl_json(&cited(&library, hits), &app_url()),
            ),
        };
        data::offer_download(&dispatch, lang, name, mime, content);
    })
}
