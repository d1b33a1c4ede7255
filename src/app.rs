//! The root component.

use yew::prelude::*;

use crate::components::article_card::ArticleCard;
use crate::data;
use crate::state::{Action, State, Status};

/// The Kanbao app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match data::load_deployment().await {
                    Ok(pages) => {
                        state.dispatch(Action::AddPages(pages));
                        state.dispatch(Action::Loaded);
                    }
                    Err(message) => state.dispatch(Action::Failed(message)),
                }
            });
        });
    }
    let articles = state
        .pages
        .iter()
        .flat_map(|p| p.page.articles.iter())
        .map(|a| html! { <ArticleCard key={a.id.clone()} article={a.clone()} /> });
    html! {
        <>
            <header class="masthead"><h1>{ "看报" }</h1></header>
            <main id="main" class="app-main" data-status={status_name(&state.status)}>
                if let Status::Failed(message) = &state.status {
                    <p class="error" role="alert">{ message }</p>
                }
                <ul class="article-list">{ for articles }</ul>
            </main>
        </>
    }
}

fn status_name(status: &Status) -> &'static str {
    match status {
        Status::Loading => "loading",
        Status::Ready => "ready",
        Status::Failed(_) => "failed",
    }
}
