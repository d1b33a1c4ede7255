//! The reading view: one article set for reading, with its source a toggle away.

use std::rc::Rc;

use kanbao_parse::{Article, BlockKind};
use kanbao_search::Query;
use yew::prelude::*;

use crate::components::byline::{BylineView, roles};
use crate::components::highlighted::Highlighted;
use crate::i18n::Lang;
use crate::library::{LibraryPage, display_title, highlights};

/// Props of [`ArticlePage`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArticlePageProps {
    pub page: Rc<LibraryPage>,
    pub article: usize,
    /// The list's search, so that its matches stay marked while reading.
    pub query: Option<Query>,
    pub lang: Lang,
    pub onback: Callback<()>,
}

/// The citation a reader copies: `《title》，paper，date，page，记者 …`.
pub fn citation(page: &LibraryPage, a: &Article) -> String {
    let meta = &page.page.meta;
    let mut parts = vec![format!("《{}》", display_title(a))];
    parts.extend(
        [page.paper.clone(), meta.date.clone(), meta.page.clone()]
            .into_iter()
            .flatten(),
    );
    parts.extend(
        roles(&a.byline, Lang::Zh)
            .into_iter()
            .map(|(role, names)| format!("{role} {}", names.join(" "))),
    );
    parts.join("，")
}

/// One article, for reading.
#[function_component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let show_source = use_state(|| false);
    let copied = use_state(|| None::<bool>);
    let Some(a) = props.page.page.articles.get(props.article) else {
        return html! {};
    };
    let lang = props.lang;
    let q = props.query.as_ref();
    let mark =
        |text: &String| html! { <Highlighted text={text.clone()} ranges={highlights(text, q)} /> };
    let place = props.page.place();
    let oncopy = {
        let text = citation(&props.page, a);
        let copied = copied.clone();
        Callback::from(move |_| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&text);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                copied.set(Some(ok));
            });
        })
    };
    let ontoggle_source = {
        let show_source = show_source.clone();
        Callback::from(move |_| show_source.set(!*show_source))
    };
    let source = props
        .page
        .text
        .get(a.span[0]..a.span[1])
        .unwrap_or_default()
        .to_owned();
    let mut dateline_pending = a.dateline.clone();
    html! {
        <article class="reader" aria-labelledby="article-title">
            <nav class="reader-nav" aria-label={lang.pick("文章操作", "Article actions")}>
                <button type="button" class="back" onclick={props.onback.reform(|_| ())}>
                    { lang.pick("← 返回列表", "← Back to list") }
                </button>
                <button type="button" class="copy-citation" onclick={oncopy}>{ lang.pick("复制引用", "Copy citation") }</button>
                if !props.page.text.is_empty() {
                <button type="button" class="toggle-source" aria-pressed={show_source.to_string()} onclick={ontoggle_source}>
                    { if *show_source { lang.pick("显示排版", "Show article") } else { lang.pick("显示原文", "Show source text") } }
                </button>
                }
                if let Some(ok) = *copied {
                    <span class="copied" role="status">
                        { if ok { lang.pick("已复制引用", "Citation copied") } else { lang.pick("无法写入剪贴板", "Could not write to the clipboard") } }
                    </span>
                }
            </nav>
            <header class="headline">
                if let Some(column) = &a.column { <p class="column">{ mark(column) }</p> }
                if let Some(kicker) = &a.kicker { <p class="kicker">{ mark(kicker) }</p> }
                <h1 id="article-title">{ mark(&display_title(a)) }</h1>
                if let Some(subtitle) = &a.subtitle { <p class="subtitle">{ mark(subtitle) }</p> }
                <BylineView byline={a.byline.clone()} {lang} />
                if !place.is_empty() { <p class="place">{ place.join(" · ") }</p> }
            </header>
            if *show_source {
                <pre class="source" aria-label={lang.pick("原文", "Source text")}>{ source }</pre>
            } else {
                <div class="body">
                    if let Some(lead) = &a.lead { <p class="lead">{ mark(lead) }</p> }
                    { for a.blocks.iter().map(|b| match b.kind {
                        BlockKind::Heading => html! { <h2 class="section-heading">{ mark(&b.text) }</h2> },
                        BlockKind::Caption => html! {
                            <p class="caption">
                                if let Some(m) = &b.marker { <span class="marker">{ m }</span> }
                                { mark(&b.text) }
                            </p>
                        },
                        BlockKind::Paragraph => html! {
                            <p>
                                if let Some(d) = dateline_pending.take() { <strong class="dateline">{ d }</strong> }
                                { mark(&b.text) }
                            </p>
                        },
                    }) }
                </div>
            }
        </article>
    }
}
