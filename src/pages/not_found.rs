//! What a link to a missing article or an unknown address shows.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::Route;

/// Props of [`NotFound`].
#[derive(Debug, Properties, PartialEq)]
pub struct NotFoundProps {
    pub lang: Lang,
    /// The article id that was asked for, if any.
    #[prop_or_default]
    pub id: Option<String>,
}

/// A not-found view with a way back to the list.
#[function_component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="not-found">
            <h1>{ lang.pick("找不到这篇文章", "Article not found") }</h1>
            <p>
                { lang.pick("这个链接指向的文章不在当前文库中", "The article this link points to is not in this library") }
                if let Some(id) = &props.id { { format!("（{id}）") } }
                { lang.pick("。", ".") }
            </p>
            <p><a href={Route::List(Default::default()).to_hash()}>{ lang.pick("返回文章列表", "Back to the article list") }</a></p>
        </section>
    }
}
