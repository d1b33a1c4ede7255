//! The reading view: one article set for reading, with its source a toggle away.

use std::rc::Rc;

use kanbao_parse::{Article, BlockKind, Diagnostic, DiagnosticCode};
use kanbao_search::Query;
use yew::prelude::*;

use crate::components::byline::BylineView;
use crate::components::edit_mode::{EditMade, EditMode};
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
    /// The articles before and after it in printed order (where each is read, its title).
    #[prop_or_default]
    pub previous: Option<(crate::route::Route, String)>,
    #[prop_or_default]
    pub next: Option<(crate::route::Route, String)>,
    /// The issue page it was printed on, when its page is dated.
    #[prop_or_default]
    pub on_page: Option<crate::route::Route>,
    /// The reader's collections and what edits them (none in the embedded view).
    #[prop_or_default]
    pub collections: Option<(
        Rc<crate::collections::Collections>,
        Callback<crate::collections::Edit>,
    )>,
    /// What corrects the page and exports its corrections (a page of the reader's library;
    /// none in the embedded view, nor for an archive's record).
    #[prop_or_default]
    pub correct: Option<Correcting>,
}

/// What the edit mode calls: a correction made, and the export of a page's corrections.
#[derive(Debug, Clone, PartialEq)]
pub struct Correcting {
    pub onedit: Callback<EditMade>,
    pub onexport: Callback<crate::corrections::PageEdits>,
}

/// What the parser was unsure of in this article, in the reader's language: each place where
/// its reading may be wrong, with the source text it concerns.
pub fn reading_notes(
    text: &str,
    diagnostics: &[Diagnostic],
    a: &Article,
    lang: Lang,
) -> Vec<String> {
    placed_reading_notes(text, diagnostics, a, lang)
        .into_iter()
        .map(|(_, note)| note)
        .collect()
}

/// [`reading_notes`], each with the span of the source text it concerns.
pub fn placed_reading_notes(
    text: &str,
    diagnostics: &[Diagnostic],
    a: &Article,
    lang: Lang,
) -> Vec<(kanbao_parse::Span, String)> {
    diagnostics
        .iter()
        .filter(|d| d.code.is_reading())
        .filter_map(|d| {
            let [start, end] = d.span?;
            (start >= a.span[0] && end <= a.span[1]).then_some((d.code, start, end))
        })
        .map(|(code, start, end)| {
            let note = {
            let quoted = text
                .get(start..end)
                .and_then(|s| s.lines().map(str::trim).find(|l| !l.is_empty()))
                .unwrap_or_default();
            match code {
                DiagnosticCode::ArticleStartWithoutCredit => lang
                    .pick(
                        "标题下没有署名或电头：与上一篇的分界可能有误。",
                        "No credit under the headline: the split from the article before may be wrong.",
                    )
                    .to_owned(),
                DiagnosticCode::HeadingOrTitle => match lang {
                    Lang::Zh => format!("“{quoted}”读作小标题，也可能是另一篇文章的标题。"),
                    Lang::En => format!("“{quoted}” was read as a section heading; it may be another article's title."),
                },
                DiagnosticCode::KickerOrTitle => lang
                    .pick(
                        "标题各行也可读作别的引题、主题、副题组合。",
                        "The headline's lines could also be read as another kicker, title and subtitle.",
                    )
                    .to_owned(),
                DiagnosticCode::NameSplitGuessed => match lang {
                    Lang::Zh => format!("“{quoted}”中连写的人名是按姓氏拆分的，可能有误。"),
                    Lang::En => format!("The names run together in “{quoted}” were split by surname and may be wrong."),
                },
                DiagnosticCode::TextOrTitle => match lang {
                    Lang::Zh => format!("“{quoted}”读作段落的开头，也可能是另一篇文章的标题。"),
                    Lang::En => format!("“{quoted}” was read as the start of a paragraph; it may be another article's title."),
                },
                DiagnosticCode::UntitledArticle => lang
                    .pick(
                        "这篇文章没有标题，可能是上一篇的一部分。",
                        "This article has no headline; it may be part of the one before.",
                    )
                    .to_owned(),
                DiagnosticCode::CaptionOrText => match lang {
                    Lang::Zh => format!("“{quoted}”读作正文段落，也可能是图片说明。"),
                    Lang::En => format!("“{quoted}” was read as a paragraph; it may be the photo's caption."),
                },
                DiagnosticCode::LeadJoined => match lang {
                    Lang::Zh => format!("“{quoted}”与下一行连成了一段，也可能是单独的导语或提要。"),
                    Lang::En => format!("“{quoted}” was joined with the next line into one paragraph; it may be a lead or summary line of its own."),
                },
                DiagnosticCode::RoleGuessed => match lang {
                    Lang::Zh => format!("标题下的“{quoted}”读作作者，也可能是记者。"),
                    Lang::En => format!("“{quoted}” under the headline was read as the author; it may be a reporter."),
                },
                _ => String::new(),
            }
            };
            ([start, end], note)
        })
        .filter(|(_, note)| !note.is_empty())
        .collect()
}

/// One article, for reading.
#[function_component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let show_source = use_state(|| false);
    let editing = use_state(|| false);
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
        let text = crate::cite::citation(&crate::cite::Cited::article(&props.page, a), lang);
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
    let ontoggle_edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(!*editing))
    };
    let correct = props
        .correct
        .as_ref()
        .filter(|_| !props.page.text.is_empty());
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
    let notes = reading_notes(&props.page.text, &props.page.page.diagnostics, a, lang);
    html! {
        <article class="reader" aria-labelledby="article-title">
            <nav class="reader-nav" aria-label={lang.pick("文章操作", "Article actions")}>
                <button type="button" class="back" onclick={props.onback.reform(|_| ())}>
                    { lang.pick("← 返回列表", "← Back to list") }
                </button>
                <button type="button" class="copy-citation" onclick={oncopy}>{ lang.pick("复制引用", "Copy citation") }</button>
                if let Some((collections, onedit)) = &props.collections {
                    <crate::components::collect::CollectButton page={props.page.clone()} article={props.article}
                        collections={collections.clone()} onedit={onedit.clone()} {lang} />
                }
                if !props.page.text.is_empty() {
                <button type="button" class="toggle-source" aria-pressed={show_source.to_string()} onclick={ontoggle_source}>
                    { if *show_source { lang.pick("显示排版", "Show article") } else { lang.pick("显示原文", "Show source text") } }
                </button>
                }
                if correct.is_some() {
                <button type="button" class="toggle-edit" aria-pressed={editing.to_string()} onclick={ontoggle_edit}>
                    { if *editing { lang.pick("完成校正", "Done correcting") } else { lang.pick("校正", "Correct") } }
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
                if props.page.is_corrected() {
                    <p class="corrected-note">{ lang.pick("本版经过人工校正", "This page was corrected by hand") }</p>
                }
            </header>
            if !notes.is_empty() {
                <aside class="reading-notes" role="note" aria-label={lang.pick("解析提示", "Parsing notes")}>
                    <p>{ lang.pick("解析提示：此处可能需要对照原文核查。", "Parsing notes: check these places against the source text.") }</p>
                    <ul>{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </aside>
            }
            if let (true, Some(c)) = (*editing, correct) {
                <EditMode page={props.page.clone()} article={props.article} {lang}
                    onedit={c.onedit.clone()} onexport={c.onexport.clone()} />
            } else if *show_source {
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
            if props.previous.is_some() || props.next.is_some() || props.on_page.is_some() {
                <nav class="printed-order-nav" aria-label={lang.pick("版面上的前后文章", "Articles before and after on the page")}>
                    if let Some((route, title)) = &props.previous {
                        <a class="previous-article" rel="prev" href={route.to_hash()}>
                            <span class="nav-label">{ lang.pick("上一篇", "Previous") }</span>{ title.clone() }
                        </a>
                    }
                    if let Some(route) = &props.on_page {
                        <a class="on-page" href={route.to_hash()}>{ lang.pick("本版", "This page") }</a>
                    }
                    if let Some((route, title)) = &props.next {
                        <a class="next-article" rel="next" href={route.to_hash()}>
                            <span class="nav-label">{ lang.pick("下一篇", "Next") }</span>{ title.clone() }
                        </a>
                    }
                </nav>
            }
        </article>
    }
}
