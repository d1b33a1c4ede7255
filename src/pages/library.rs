//! The reader's library: import pages, see what is there, remove pages, export it all.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::import_panel::ImportPanel;
use crate::data::Source;
use crate::i18n::{Lang, megabytes};
use crate::library::{Library, Origin};
use crate::storage::Damaged;

/// Props of [`LibraryPageView`].
#[derive(Debug, Properties, PartialEq)]
pub struct LibraryPageViewProps {
    pub library: Rc<Library>,
    pub lang: Lang,
    /// Bytes stored in the browser, when the browser tells.
    pub usage: Option<f64>,
    pub onimport: Callback<Vec<Source>>,
    pub onremove: Callback<Vec<String>>,
    pub onexport: Callback<()>,
    /// Removes every imported page.
    pub onclear: Callback<()>,
    /// Stored records that cannot be read as pages.
    pub damaged: Vec<Damaged>,
    pub onremove_damaged: Callback<Vec<String>>,
}

/// The library view.
#[function_component]
pub fn LibraryPageView(props: &LibraryPageViewProps) -> Html {
    let lang = props.lang;
    let pages = props.library.pages();
    let imported: Vec<String> = pages
        .iter()
        .filter(|p| p.origin == Origin::Imported)
        .map(|p| p.key.clone())
        .collect();
    let onclear = props.onclear.reform(|_| ());
    let usage = props.usage.map(|bytes| match lang {
        Lang::Zh => format!("浏览器中已使用 {} MB", megabytes(bytes)),
        Lang::En => format!("{} MB stored in this browser", megabytes(bytes)),
    });
    html! {
        <div class="library-view">
            <h1 class="view-title">{ lang.pick("文库与导入", "Library & import") }</h1>
            <ImportPanel {lang} onimport={props.onimport.clone()} />
            <section class="library-pages" aria-labelledby="library-heading">
                <h2 id="library-heading">{ lang.pick("文库中的版面", "Pages in the library") }</h2>
                <p class="library-summary">
                    { match lang {
                        Lang::Zh => format!("{} 个版面，{} 篇文章。", pages.len(), props.library.len()),
                        Lang::En => format!("{} pages, {} articles.", pages.len(), props.library.len()),
                    } }
                    if let Some(usage) = usage { { " " }<span class="storage-usage">{ usage }</span> }
                </p>
                <div class="library-actions">
                    <button type="button" class="export-library" onclick={props.onexport.reform(|_| ())} disabled={pages.is_empty()}>
                        { lang.pick("导出整个文库", "Export the whole library") }
                    </button>
                    <button type="button" class="clear-imported" onclick={onclear} disabled={imported.is_empty()}>
                        { lang.pick("移除所有导入的版面", "Remove all imported pages") }
                    </button>
                </div>
                if !props.damaged.is_empty() {
                    <section class="damaged-records" aria-labelledby="damaged-heading">
                        <h3 id="damaged-heading">{ lang.pick("无法读取的记录", "Records that cannot be read") }</h3>
                        <ul>
                            { for props.damaged.iter().map(|d| {
                                let key = d.key.clone();
                                let onremove = props.onremove_damaged.clone();
                                html! {
                                    <li class="damaged-row" data-key={d.key.clone()}>
                                        <span class="damaged-key">{ &d.key }</span>{ " " }
                                        <span class="damaged-reason">{ d.reason(lang) }</span>{ " " }
                                        <button type="button" class="remove-damaged"
                                            onclick={Callback::from(move |_| onremove.emit(vec![key.clone()]))}>
                                            { lang.pick("移除", "Remove") }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
                <ul class="page-list">
                    { for pages.iter().map(|p| {
                        let key = p.key.clone();
                        let onremove = props.onremove.clone();
                        let name = p.page.source.name.clone();
                        html! {
                            <li class="page-row" data-key={p.key.clone()}>
                                <span class="page-name">{ &name }</span>
                                <span class="page-info">
                                    { [p.paper.clone(), p.page.meta.date.clone(), Some(match lang {
                                        Lang::Zh => format!("{} 篇", p.page.articles.len()),
                                        Lang::En => format!("{} articles", p.page.articles.len()),
                                    })].into_iter().flatten().collect::<Vec<_>>().join(" · ") }
                                </span>
                                if p.origin == Origin::Imported {
                                    <button type="button" class="remove-page"
                                        aria-label={format!("{} {name}", lang.pick("移除", "Remove"))}
                                        onclick={Callback::from(move |_| onremove.emit(vec![key.clone()]))}>
                                        { lang.pick("移除", "Remove") }
                                    </button>
                                } else if p.origin == Origin::Host {
                                    <span class="page-origin">{ lang.pick("来自嵌入页面，仅本次会话", "From the embedding page, this session only") }</span>
                                } else {
                                    <span class="page-origin">{ lang.pick("本站发布", "Published here") }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </div>
    }
}
