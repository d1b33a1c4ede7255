//! The reader's collections (`#/c`) and one collection (`#/c/<id>`): make, rename, delete,
//! search within, annotate, export and import.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::cite;
use crate::collections::{self, Collection, Collections, Edit};
use crate::error::AppError;
use crate::hooks::use_collections::new_id;
use crate::i18n::Lang;
use crate::route::Route;
use crate::state::Action;

/// A collections file is read whole: past this size it is refused before reading.
const MAX_COLLECTIONS_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Props of [`CollectionsPage`].
#[derive(Debug, Properties, PartialEq)]
pub struct CollectionsPageProps {
    pub collections: Rc<Collections>,
    pub onedit: Callback<Edit>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Every collection, with what makes, imports and exports them.
#[function_component]
pub fn CollectionsPage(props: &CollectionsPageProps) -> Html {
    let lang = props.lang;
    let name_ref = use_node_ref();
    let oncreate = {
        let (onedit, name_ref) = (props.onedit.clone(), name_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name_ref.cast::<HtmlInputElement>()
                && !input.value().trim().is_empty()
            {
                onedit.emit(Edit::Create {
                    id: new_id(),
                    name: input.value(),
                });
                input.set_value("");
            }
        })
    };
    let onimport = {
        let (onedit, dispatch) = (props.onedit.clone(), props.dispatch.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (onedit, dispatch) = (onedit.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let read = if file.size() > MAX_COLLECTIONS_BYTES {
                    Err(AppError::BadCollections {
                        detail: format!("{:.0} MB", file.size() / 1e6),
                    })
                } else {
                    gloo::file::futures::read_as_text(&gloo::file::Blob::from(file))
                        .await
                        .map_err(|e| AppError::BadCollections {
                            detail: e.to_string(),
                        })
                        .and_then(|text| collections::from_file(&text))
                };
                match read {
                    Ok(list) => {
                        let n = list.len();
                        onedit.emit(Edit::Import(list));
                        dispatch.emit(Action::Notify {
                            error: false,
                            text: format!(
                                "{name}：{}",
                                match lang {
                                    Lang::Zh => format!("已导入 {n} 个收藏夹"),
                                    Lang::En => format!("imported {n} collections"),
                                }
                            ),
                        });
                    }
                    Err(err) => dispatch.emit(Action::Notify {
                        error: true,
                        text: format!("{name}：{}", err.message(lang)),
                    }),
                }
            });
        })
    };
    let list = props.collections.list.clone();
    let onexport_json = {
        let (dispatch, list) = (props.dispatch.clone(), list.clone());
        Callback::from(move |_| {
            crate::data::offer_download(
                &dispatch,
                lang,
                "kanbao-collections.json",
                "application/json",
                collections::to_json(&list),
            )
        })
    };
    let onexport_csv = {
        let (dispatch, list) = (props.dispatch.clone(), list.clone());
        Callback::from(move |_| {
            crate::data::offer_download(
                &dispatch,
                lang,
                "kanbao-collections.csv",
                "text/csv",
                Ok(collections::to_csv(&list)),
            )
        })
    };
    html! {
        <section class="collections-view" aria-labelledby="collections-title">
            <h1 id="collections-title">{ lang.pick("收藏夹", "Collections") }</h1>
            <p class="hint">{ lang.pick(
                "在文章页点“收藏”把文章放进收藏夹。收藏夹保存文章的全文，清空文库后仍在。",
                "Use “Collect” on an article to keep it in a collection. A collection keeps the whole article, and stays when the library is cleared.",
            ) }</p>
            if list.is_empty() {
                <p class="empty">{ lang.pick("还没有收藏夹。", "No collection yet.") }</p>
            } else {
                <ul class="collection-list">
                    { for list.iter().map(|c| html! {
                        <li key={c.id.clone()} class="collection-row">
                            <a class="collection-name" href={Route::Collection(c.id.clone()).to_hash()}>{ c.name.clone() }</a>
                            <span class="collection-count">{ match lang {
                                Lang::Zh => format!("{} 篇", c.items.len()),
                                Lang::En => format!("{} articles", c.items.len()),
                            } }</span>
                        </li>
                    }) }
                </ul>
            }
            <form class="collection-new" onsubmit={oncreate}>
                <label>
                    <span>{ lang.pick("新收藏夹：", "New collection: ") }</span>
                    <input type="text" class="collection-new-name" ref={name_ref} maxlength="60" />
                </label>
                <button type="submit" class="collection-create">{ lang.pick("新建", "Create") }</button>
            </form>
            <div class="export" role="group" aria-label={lang.pick("导出与导入收藏夹", "Export and import collections")}>
                if !list.is_empty() {
                    <button type="button" class="collections-export-json" onclick={onexport_json}>{ lang.pick("导出 JSON", "Export JSON") }</button>
                    <button type="button" class="collections-export-csv" onclick={onexport_csv}>{ lang.pick("导出 CSV", "Export CSV") }</button>
                }
                <label class="collections-import">
                    <span>{ lang.pick("导入（JSON 或 CSV）：", "Import (JSON or CSV): ") }</span>
                    <input type="file" id="import-collections" accept=".json,.csv,application/json,text/csv" onchange={onimport} />
                </label>
            </div>
        </section>
    }
}

/// Props of [`CollectionView`].
#[derive(Debug, Properties, PartialEq)]
pub struct CollectionViewProps {
    pub collection: Rc<Collection>,
    pub onedit: Callback<Edit>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// One collection: its articles with their notes, a search within it, and its exports.
#[function_component]
pub fn CollectionView(props: &CollectionViewProps) -> Html {
    let lang = props.lang;
    let c = props.collection.clone();
    let query = use_state(String::new);
    let rename_ref = use_node_ref();
    let shown = collections::search(&c, &query);
    let onsearch = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                query.set(input.value());
            }
        })
    };
    let onrename = {
        let (onedit, id, rename_ref) = (props.onedit.clone(), c.id.clone(), rename_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = rename_ref.cast::<HtmlInputElement>() {
                onedit.emit(Edit::Rename {
                    id: id.clone(),
                    name: input.value(),
                });
            }
        })
    };
    let ondelete = {
        let (onedit, id, name) = (props.onedit.clone(), c.id.clone(), c.name.clone());
        Callback::from(move |_| {
            let ask = match lang {
                Lang::Zh => format!("删除收藏夹“{name}”？其中的笔记也会删除。"),
                Lang::En => format!("Delete the collection “{name}”? Its notes go with it."),
            };
            if gloo::utils::window()
                .confirm_with_message(&ask)
                .unwrap_or(false)
            {
                onedit.emit(Edit::Delete { id: id.clone() });
                let _ = gloo::utils::window()
                    .location()
                    .set_hash(&Route::Collections.to_hash());
            }
        })
    };
    let export = |format: &'static str| {
        let (dispatch, c) = (props.dispatch.clone(), c.clone());
        Callback::from(move |_| {
            let list = std::slice::from_ref(c.as_ref());
            let cited = || -> Vec<cite::Cited> {
                c.items
                    .iter()
                    .map(|i| cite::Cited::record(i.paper.as_deref(), &i.article))
                    .collect()
            };
            let url = crate::switch::app_url();
            let (name, mime, content) = match format {
                "csv" => (
                    "kanbao-collection.csv",
                    "text/csv",
                    Ok(collections::to_csv(list)),
                ),
                "bibtex" => (
                    "kanbao-collection.bib",
                    "application/x-bibtex",
                    Ok(cite::bibtex(&cited(), &url)),
                ),
                "ris" => (
                    "kanbao-collection.ris",
                    "application/x-research-info-systems",
                    Ok(cite::ris(&cited(), &url)),
                ),
                "csl" => (
                    "kanbao-collection-csl.json",
                    "application/vnd.citationstyles.csl+json",
                    cite::csl_json(&cited(), &url),
                ),
                _ => (
                    "kanbao-collection.json",
                    "application/json",
                    collections::to_json(list),
                ),
            };
            crate::data::offer_download(&dispatch, lang, name, mime, content);
        })
    };
    html! {
        <section class="collection-view" aria-labelledby="collection-title">
            <p><a href={Route::Collections.to_hash()} class="back-to-collections">{ lang.pick("← 全部收藏夹", "← All collections") }</a></p>
            <h1 id="collection-title">{ c.name.clone() }</h1>
            <form class="collection-rename" onsubmit={onrename}>
                <label>
                    <span>{ lang.pick("名称：", "Name: ") }</span>
                    <input type="text" class="collection-rename-name" ref={rename_ref} value={c.name.clone()} maxlength="60" />
                </label>
                <button type="submit" class="collection-rename-save">{ lang.pick("重命名", "Rename") }</button>
                <button type="button" class="collection-delete" onclick={ondelete}>{ lang.pick("删除收藏夹", "Delete collection") }</button>
            </form>
            <label class="collection-search">
                <span>{ lang.pick("在收藏夹中搜索：", "Search this collection: ") }</span>
                <input type="search" class="collection-search-input" value={(*query).clone()} oninput={onsearch} />
            </label>
            <p class="result-count" role="status">{ match lang {
                Lang::Zh => format!("{} 篇，显示 {} 篇", c.items.len(), shown.len()),
                Lang::En => format!("{} articles, {} shown", c.items.len(), shown.len()),
            } }</p>
            <div class="export" role="group" aria-label={lang.pick("导出收藏夹", "Export the collection")}>
                <span class="export-label">{ lang.pick("导出：", "Export:") }</span>
                <button type="button" class="collection-export-json" onclick={export("json")}>{ "JSON" }</button>
                <button type="button" class="collection-export-csv" onclick={export("csv")}>{ "CSV" }</button>
                <button type="button" class="collection-export-bibtex" onclick={export("bibtex")}>{ "BibTeX" }</button>
                <button type="button" class="collection-export-ris" onclick={export("ris")}>{ "RIS" }</button>
                <button type="button" class="collection-export-csl-json" onclick={export("csl")}>{ "CSL-JSON" }</button>
            </div>
            <ul class="collected-list">
                { for shown.iter().filter_map(|&n| c.items.get(n)).map(|item| {
                    let a = &item.article;
                    let place: Vec<String> = [item.paper.clone(), a.page.date.clone(), a.page.page.clone(), a.page.section.clone()]
                        .into_iter().flatten().collect();
                    let names: Vec<String> = a.byline.reporters.iter().chain(&a.byline.authors).cloned().collect();
                    let onnote = {
                        let (onedit, cid, id) = (props.onedit.clone(), c.id.clone(), item.id.clone());
                        Callback::from(move |e: Event| {
                            if let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                                onedit.emit(Edit::Note { id: cid.clone(), article: id.clone(), note: area.value() });
                            }
                        })
                    };
                    let onremove = {
                        let (onedit, cid, id) = (props.onedit.clone(), c.id.clone(), item.id.clone());
                        Callback::from(move |_| onedit.emit(Edit::Remove { id: cid.clone(), article: id.clone() }))
                    };
                    html! {
                        <li key={item.id.clone()} class="collected card">
                            <h2 class="card-title"><a href={Route::Article(item.id.clone()).to_hash()}>{ a.title.clone() }</a></h2>
                            <p class="card-place">{ place.join(" · ") }</p>
                            if !names.is_empty() {
                                <p class="card-byline">{ names.join(" ") }</p>
                            }
                            <label class="collected-note-label">
                                <span>{ lang.pick("笔记：", "Note: ") }</span>
                                <textarea class="collected-note" rows="2" value={item.note.clone()} onchange={onnote} />
                            </label>
                            <button type="button" class="collected-remove" onclick={onremove}>{ lang.pick("移出收藏夹", "Remove") }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
