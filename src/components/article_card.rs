//! A card in the article list.

use std::ops::Range;
use std::rc::Rc;

use kanbao_parse::Article;
use kanbao_search::Query;
use yew::prelude::*;

use crate::components::byline::roles;
use crate::components::highlighted::Highlighted;
use crate::i18n::Lang;
use crate::library::{LibraryPage, display_title, highlights};
use crate::route::Route;

/// How many characters of body text a card shows.
const EXCERPT_CHARS: usize = 80;

/// Props of [`ArticleCard`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArticleCardProps {
    pub page: Rc<LibraryPage>,
    pub article: usize,
    pub query: Option<Query>,
    pub lang: Lang,
    #[prop_or_default]
    pub selected: bool,
    /// Where the card links; the article's own route when not given.
    #[prop_or_default]
    pub href: Option<String>,
}

/// One article in the list: headline group, byline, dateline, where it ran, an excerpt.
#[function_component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let Some(a) = props.page.page.articles.get(props.article) else {
        return html! {};
    };
    let q = props.query.as_ref();
    let lang = props.lang;
    let (excerpt, excerpt_marks) = excerpt(a, q);
    let title = display_title(a);
    let label = a.column.as_ref().or(a.kicker.as_ref());
    let href = props
        .href
        .clone()
        .unwrap_or_else(|| Route::Article(a.id.clone()).to_hash());
    let place = props.page.place();
    let byline = roles(&a.byline, lang)
        .into_iter()
        .map(|(role, names)| format!("{role} {}", names.join(" ")))
        .collect::<Vec<_>>()
        .join("　");
    html! {
        <li class={classes!("card", props.selected.then_some("selected"))} data-id={a.id.clone()}>
            <div class="card-top">
                <span class={classes!("badge", format!("kind-{}", crate::i18n::kind_key(a.kind)))}>{ lang.kind(a.kind) }</span>
                if let Some(label) = label {
                    <span class="card-label"><Highlighted text={label.clone()} ranges={highlights(label, q)} /></span>
                }
                if props.page.is_corrected() {
                    <span class="badge corrected" title={lang.pick("本版经过人工校正", "This page was corrected by hand")}>
                        { lang.pick("已校正", "Corrected") }
                    </span>
                }
            </div>
            <h2 class="card-title">
                <a href={href}><Highlighted text={title.clone()} ranges={highlights(&title, q)} /></a>
            </h2>
            if let Some(subtitle) = &a.subtitle {
                <p class="card-subtitle"><Highlighted text={subtitle.clone()} ranges={highlights(subtitle, q)} /></p>
            }
            <p class="card-meta">
                if let Some(dateline) = &a.dateline { <strong class="dateline">{ dateline }</strong>{ " " } }
                if !byline.is_empty() { <span class="card-byline"><Highlighted text={byline.clone()} ranges={highlights(&byline, q)} /></span> }
                if !place.is_empty() { <span class="card-place">{ place.join(" · ") }</span> }
            </p>
            <p class="card-excerpt"><Highlighted text={excerpt} ranges={excerpt_marks} /></p>
        </li>
    }
}

/// The first characters of the body, or the stretch around the first match of a search.
fn excerpt(a: &Article, q: Option<&Query>) -> (String, Vec<Range<usize>>) {
    let body = a.body_text();
    let start = highlights(&body, q)
        .first()
        .map(|r| {
            // Some context before the match, so the reader sees where it stands.
            let before = body[..r.start].chars().count();
            before.saturating_sub(20)
        })
        .unwrap_or(0);
    let mut text: String = body.chars().skip(start).take(EXCERPT_CHARS).collect();
    let total = body.chars().count();
    if start > 0 {
        text.insert(0, '…');
    }
    if start + EXCERPT_CHARS < total {
        text.push('…');
    }
    let marks = highlights(&text, q);
    (text, marks)
}
