//! An article of the deployment's archive, fetched by document number (`#/archive/<n>`).

use std::rc::Rc;

use kanbao_search::Query;
use yew::prelude::*;

use crate::archive::{ArchiveClient, InPrint};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::library::{LibraryPage, display_title};
use crate::pages::article::ArticlePage;
use crate::pages::not_found::NotFound;
use crate::route::Route;

/// Props of [`ArchiveArticle`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArchiveArticleProps {
    pub archive: Rc<ArchiveClient>,
    pub doc: u32,
    pub query: Option<Query>,
    pub lang: Lang,
    pub onback: Callback<()>,
    /// The reader's collections and what edits them.
    #[prop_or_default]
    pub collections: Option<(
        Rc<crate::collections::Collections>,
        Callback<crate::collections::Edit>,
    )>,
}

/// Fetches the record chunk holding the article, then shows it like any other.
#[function_component]
pub fn ArchiveArticle(props: &ArchiveArticleProps) -> Html {
    let loaded = use_state(|| None::<Result<Option<Rc<LibraryPage>>, AppError>>);
    // Its place in the day's issue, when the archive's calendar holds it; without it the
    // article still reads.
    let in_print = use_state(|| None::<InPrint>);
    // The article asked for last: an answer for an earlier one, arriving late, is dropped.
    let wanted = use_mut_ref(|| None::<u32>);
    {
        let (loaded, archive, wanted) = (loaded.clone(), props.archive.clone(), wanted.clone());
        let in_print = in_print.clone();
        use_effect_with(props.doc, move |&doc| {
            loaded.set(None);
            in_print.set(None);
            *wanted.borrow_mut() = Some(doc);
            wasm_bindgen_futures::spawn_local(async move {
                let article = archive.article(doc).await.map(|p| p.map(Rc::new));
                if *wanted.borrow() != Some(doc) {
                    return;
                }
                let date = article
                    .as_ref()
                    .ok()
                    .and_then(|p| p.as_ref()?.page.meta.date.clone());
                loaded.set(Some(article));
                if let Some(date) = date
                    && let Ok(Some(place)) = archive.in_print(doc, &date).await
                    && *wanted.borrow() == Some(doc)
                {
                    in_print.set(Some(place));
                }
            });
        });
    }
    let lang = props.lang;
    match &*loaded {
        None => {
            html! { <p class="loading" role="status">{ lang.pick("正在载入文章……", "Loading the article…") }</p> }
        }
        Some(Ok(Some(page))) => {
            let place = (*in_print).clone();
            let neighbour = |n: Option<(u32, Rc<LibraryPage>)>| {
                let (doc, card) = n?;
                Some((
                    Route::ArchiveArticle(doc),
                    display_title(card.page.articles.first()?),
                ))
            };
            let on_page = place
                .as_ref()
                .zip(page.page.meta.date.clone())
                .map(|(p, date)| Route::Issue {
                    date,
                    page: Some(p.page_key.clone()),
                });
            let (previous, next) =
                place.map_or((None, None), |p| (neighbour(p.previous), neighbour(p.next)));
            html! {
                <ArticlePage page={page.clone()} article={0} query={props.query.clone()} {lang} onback={props.onback.clone()}
                    {previous} {next} {on_page} collections={props.collections.clone()} />
            }
        }
        Some(Ok(None)) => html! { <NotFound {lang} id={Some(props.doc.to_string())} /> },
        Some(Err(err)) => html! { <p class="error" role="alert">{ err.message(lang) }</p> },
    }
}
