//! An article of the deployment's archive, fetched by document number (`#/archive/<n>`).

use std::rc::Rc;

use kanbao_search::Query;
use yew::prelude::*;

use crate::archive::ArchiveClient;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::library::LibraryPage;
use crate::pages::article::ArticlePage;
use crate::pages::not_found::NotFound;

/// Props of [`ArchiveArticle`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArchiveArticleProps {
    pub archive: Rc<ArchiveClient>,
    pub doc: u32,
    pub query: Option<Query>,
    pub lang: Lang,
    pub onback: Callback<()>,
}

/// Fetches the record chunk holding the article, then shows it like any other.
#[function_component]
pub fn ArchiveArticle(props: &ArchiveArticleProps) -> Html {
    let loaded = use_state(|| None::<Result<Option<Rc<LibraryPage>>, AppError>>);
    // The article asked for last: an answer for an earlier one, arriving late, is dropped.
    let wanted = use_mut_ref(|| None::<u32>);
    {
        let (loaded, archive, wanted) = (loaded.clone(), props.archive.clone(), wanted.clone());
        use_effect_with(props.doc, move |&doc| {
            loaded.set(None);
            *wanted.borrow_mut() = Some(doc);
            wasm_bindgen_futures::spawn_local(async move {
                let article = archive.article(doc).await.map(|p| p.map(Rc::new));
                if *wanted.borrow() == Some(doc) {
                    loaded.set(Some(article));
                }
            });
        });
    }
    let lang = props.lang;
    match &*loaded {
        None => {
            html! { <p class="loading" role="status">{ lang.pick("正在载入文章……", "Loading the article…") }</p> }
        }
        Some(Ok(Some(page))) => html! {
            <ArticlePage page={page.clone()} article={0} query={props.query.clone()} {lang} onback={props.onback.clone()} />
        },
        Some(Ok(None)) => html! { <NotFound {lang} id={Some(props.doc.to_string())} /> },
        Some(Err(err)) => html! { <p class="error" role="alert">{ err.message(lang) }</p> },
    }
}
