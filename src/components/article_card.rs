//! A card in the article list.

use kanbao_parse::Article;
use yew::prelude::*;

/// Props of [`ArticleCard`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArticleCardProps {
    pub article: Article,
}

/// One article in the list: its title and the first words of its text.
#[function_component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let article = &props.article;
    let excerpt: String = article
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<String>()
        .chars()
        .take(80)
        .collect();
    html! {
        <li class="card">
            <h2 class="card-title">{ &article.title }</h2>
            <p class="card-excerpt">{ excerpt }</p>
        </li>
    }
}
