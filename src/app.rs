//! The root component: loads the library, follows the route, handles the keyboard.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::archive::ArchiveClient;
use crate::components::notices::Notices;
use crate::components::search_box::SearchBox;
use crate::components::toolbar::Toolbar;
use crate::data::{self, Keep, Source};
use crate::embed;
use crate::export;
use crate::hooks::use_prefs::use_prefs;
use crate::hooks::use_route::{RouteHandle, use_route};
use crate::hooks::use_update::use_update;
use crate::i18n::Lang;
use crate::pages::archive_article::ArchiveArticle;
use crate::pages::article::ArticlePage;
use crate::pages::library::LibraryPageView;
use crate::pages::list::{ExportFormat, ListPage};
use crate::pages::not_found::NotFound;
use crate::route::{ListQuery, Route};
use crate::state::{Action, State, Status};

/// What the keyboard handler needs to know of the latest render.
#[derive(Debug, Default)]
struct KeyContext {
    route: Option<Route>,
    hits: Vec<String>,
    selected: Option<usize>,
    came_from_list: bool,
}

/// The Kanbao app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let prefs = use_prefs();
    let RouteHandle {
        route,
        push,
        replace,
    } = use_route();
    let lang = prefs.lang;
    let update = use_update();
    let search_ref = use_node_ref();
    // The list's search and filters, kept while an article is open (highlights, "back").
    let list_query = use_state(ListQuery::default);
    let selected = use_state(|| None::<usize>);
    let came_from_list = use_mut_ref(|| false);
    let keys = use_mut_ref(KeyContext::default);

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    // `None` while the archive is being opened, then whether the deployment has one.
    let archive = use_state(|| None::<Option<Rc<ArchiveClient>>>);
    {
        let (dispatch, archive) = (dispatch.clone(), archive.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(load(dispatch.clone(), lang));
            // The archive opens beside the library: its manifest, nothing more.
            wasm_bindgen_futures::spawn_local(async move {
                match ArchiveClient::open().await {
                    Ok(opened) => archive.set(Some(opened.map(Rc::new))),
                    Err(message) => {
                        archive.set(Some(None));
                        let text = format!(
                            "{}{message}",
                            lang.pick("无法打开档案：", "Could not open the archive: ")
                        );
                        dispatch.emit(Action::Notify { error: true, text });
                    }
                }
            });
        });
    }
    let cancel = use_mut_ref(|| Rc::new(Cell::new(false)));
    let onhost = {
        let (dispatch, library, cancel) = (dispatch.clone(), state.library.clone(), cancel.clone());
        Callback::from(move |(sources, keep): (Vec<Source>, bool)| {
            let flag = Rc::new(Cell::new(false));
            *cancel.borrow_mut() = flag.clone();
            let known = library.pages().iter().map(|p| p.key.clone()).collect();
            let keep = if keep { Keep::Stored } else { Keep::Session };
            wasm_bindgen_futures::spawn_local(data::import(
                sources,
                known,
                dispatch.clone(),
                flag,
                keep,
                lang,
            ));
        })
    };
    // What the reader brings is kept in the browser.
    let onimport = onhost.reform(|sources: Vec<Source>| (sources, true));
    let oncancel = {
        let cancel = cancel.clone();
        Callback::from(move |()| cancel.borrow().set(true))
    };
    let onremove = {
        let dispatch = dispatch.clone();
        Callback::from(move |keys: Vec<String>| {
            wasm_bindgen_futures::spawn_local(data::remove(keys, dispatch.clone(), lang))
        })
    };
    let onclear = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            wasm_bindgen_futures::spawn_local(data::clear(dispatch.clone(), lang))
        })
    };
    let onremove_damaged = {
        let dispatch = dispatch.clone();
        Callback::from(move |keys: Vec<String>| {
            wasm_bindgen_futures::spawn_local(data::remove_damaged(keys, dispatch.clone(), lang))
        })
    };
    {
        // Another tab changed the stored pages: read them again.
        let (dispatch, library) = (dispatch.clone(), state.library.clone());
        use_effect_with(library, move |library| {
            let library = library.clone();
            let listener = crate::tabs::listen(Callback::from(move |()| {
                let dispatch = dispatch.clone();
                let known = library.pages().iter().map(|p| p.key.clone()).collect();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok((keys, added, damaged)) = data::stored_changes(known, lang).await {
                        dispatch.emit(Action::SyncImported { keys, added });
                        dispatch.emit(Action::Damaged(damaged));
                    }
                });
            }));
            move || drop(listener)
        });
    }
    let usage = use_state(|| None::<f64>);
    {
        let usage = usage.clone();
        let on_library = route == Route::Library;
        use_effect_with(
            (on_library, state.library.clone()),
            move |(on_library, _)| {
                if *on_library {
                    wasm_bindgen_futures::spawn_local(async move {
                        usage.set(crate::storage::usage().await)
                    });
                }
            },
        );
    }
    {
        // Files and folders dropped anywhere on the page are imported.
        let onimport = onimport.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let over = EventListener::new_with_options(
                &document(),
                "dragover",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |e| e.prevent_default(),
            );
            let drop = EventListener::new_with_options(
                &document(),
                "drop",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    e.prevent_default();
                    let Some(transfer) = e
                        .dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                    else {
                        return;
                    };
                    let (onimport, dispatch) = (onimport.clone(), dispatch.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let (files, skipped) = data::dropped_files(&transfer).await;
                        if skipped > 0 {
                            let text = match lang {
                                Lang::Zh => format!(
                                    "文件夹中有 {skipped} 个文件不是 .txt 或 .json，已跳过。"
                                ),
                                Lang::En => format!(
                                    "Skipped {skipped} files in the folder that are not .txt or .json."
                                ),
                            };
                            dispatch.emit(Action::Notify { error: false, text });
                        }
                        if !files.is_empty() {
                            onimport.emit(files.into_iter().map(Source::File).collect());
                        }
                    });
                },
            );
            move || drop_both(over, drop)
        });
    }
    let embed = use_memo((), |_| embed::is_embedded());
    {
        let (onhost, push, replace) = (onhost.clone(), push.clone(), replace.clone());
        use_effect_with((), move |_| {
            let listener = embed::listen(onhost, replace);
            let _ = push;
            move || drop(listener)
        });
    }
    {
        let (list_query, selected) = (list_query.clone(), selected.clone());
        use_effect_with(route.clone(), move |route| {
            if let Route::List(q) = route {
                if *list_query != *q {
                    selected.set(None);
                }
                list_query.set(q.clone());
            }
        });
    }
    let current_query = match &route {
        Route::List(q) => q.clone(),
        _ => (*list_query).clone(),
    };
    let results = {
        let library = state.library.clone();
        use_memo((library, current_query.clone()), |(library, query)| {
            library.results(query)
        })
    };

    let onquery = {
        let push = push.clone();
        Callback::from(move |q: ListQuery| push.emit(Route::List(q)))
    };
    let onsearch = {
        let (replace, current_query) = (replace.clone(), current_query.clone());
        Callback::from(move |text: String| {
            replace.emit(Route::List(ListQuery {
                q: text,
                ..current_query.clone()
            }))
        })
    };
    let onback = {
        let (push, list_query, came_from_list) =
            (push.clone(), list_query.clone(), came_from_list.clone());
        Callback::from(move |()| go_back(&push, &list_query, *came_from_list.borrow()))
    };
    {
        // Remember whether the open article was reached from the list, so "back" can use history.
        let came_from_list = came_from_list.clone();
        let prev = use_mut_ref(|| None::<Route>);
        let route = route.clone();
        let was_list = matches!(*prev.borrow(), Some(Route::List(_)));
        if *prev.borrow() != Some(route.clone()) {
            *came_from_list.borrow_mut() = matches!(route, Route::Article(_)) && was_list;
            *prev.borrow_mut() = Some(route);
        }
    }

    *keys.borrow_mut() = KeyContext {
        route: Some(route.clone()),
        hits: results
            .hits
            .iter()
            .filter_map(|&i| state.library.get(i).map(|(_, a)| a.id.clone()))
            .collect(),
        selected: *selected,
        came_from_list: *came_from_list.borrow(),
    };
    {
        let (keys, selected, search_ref) = (keys.clone(), selected.clone(), search_ref.clone());
        let (push, list_query) = (push.clone(), list_query.clone());
        use_effect_with((), move |_| {
            // Not passive: `/` must not type itself into the search field it focuses.
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document(), "keydown", options, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        on_key(e, &keys, &selected, &search_ref, &push, &list_query);
                    }
                });
            move || drop(listener)
        });
    }
    {
        // Keep the selected card in view as j/k move it.
        use_effect_with(*selected, |selected| {
            if selected.is_some()
                && let Ok(Some(card)) = document().query_selector(".card.selected")
            {
                card.scroll_into_view_with_bool(false);
            }
        });
    }

    {
        // The host page of an embedded view hears which article the reader opened.
        let opened = match &route {
            Route::Article(id) => state
                .library
                .find(id)
                .and_then(|i| state.library.get(i))
                .map(|(_, a)| (a.id.clone(), crate::library::display_title(a))),
            _ => None,
        };
        use_effect_with(opened, |opened| {
            if let Some((id, title)) = opened {
                embed::post_opened(id, title);
            }
        });
    }
    let view = match &route {
        Route::List(q) => {
            let onexport = {
                let (library, results, dispatch) =
                    (state.library.clone(), results.clone(), dispatch.clone());
                Callback::from(move |format: ExportFormat| {
                    let hits = &results.hits;
                    let (name, mime, content) = match format {
                        ExportFormat::Json => (
                            "kanbao-articles.json",
                            "application/json",
                            export::json(&library, hits),
                        ),
                        ExportFormat::Markdown => (
                            "kanbao-articles.md",
                            "text/markdown",
                            Ok(export::markdown(&library, hits)),
                        ),
                        ExportFormat::Csv => (
                            "kanbao-articles.csv",
                            "text/csv",
                            Ok(export::csv(&library, hits)),
                        ),
                    };
                    if let Err(reason) = content.and_then(|c| data::download(name, mime, &c)) {
                        dispatch.emit(Action::Notify {
                            error: true,
                            text: format!(
                                "{}{reason}",
                                lang.pick("无法导出：", "Could not export: ")
                            ),
                        });
                    }
                })
            };
            html! {
                <ListPage library={state.library.clone()} query={q.clone()} results={results.clone()}
                    selected={*selected} {lang} {onquery} {onexport} compact={*embed} archive={(*archive).clone().flatten()} />
            }
        }
        Route::Library => {
            let (library, dispatch) = (state.library.clone(), dispatch.clone());
            let onexport = Callback::from(move |()| {
                let (library, dispatch) = (library.clone(), dispatch.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let saved = data::export_library(library, lang).await.and_then(|file| {
                        data::download("kanbao-library.json", "application/json", &file)
                    });
                    if let Err(text) = saved {
                        dispatch.emit(Action::Notify { error: true, text });
                    }
                });
            });
            html! {
                <LibraryPageView library={state.library.clone()} {lang} usage={*usage} onimport={onimport.clone()}
                    onremove={onremove.clone()} {onexport} onclear={onclear.clone()}
                    damaged={state.damaged.clone()} {onremove_damaged} />
            }
        }
        Route::Article(id) => match state.library.find(id).and_then(|i| state.library.locate(i)) {
            Some((page, index)) => html! {
                <ArticlePage page={page.clone()} article={index} query={results.query.clone()} {lang} {onback} />
            },
            None if state.status == Status::Loading => html! {},
            None => html! { <NotFound {lang} id={Some(id.clone())} /> },
        },
        Route::ArchiveArticle(doc) => match &*archive {
            Some(Some(archive)) => html! {
                <ArchiveArticle archive={archive.clone()} doc={*doc} query={results.query.clone()} {lang} {onback} />
            },
            None => html! {},
            Some(None) => html! { <NotFound {lang} id={Some(doc.to_string())} /> },
        },
        Route::NotFound => html! { <NotFound {lang} /> },
    };
    let onprefs = {
        let prefs = prefs.clone();
        Callback::from(move |p| prefs.set(p))
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                if let Some(main) = document().get_element_by_id("main").and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                    let _ = main.focus();
                }
            })}>{ lang.pick("跳到正文", "Skip to content") }</a>
            <header class={classes!("masthead", embed.then_some("compact"))} role="banner">
                if !*embed {
                    <a class="brand" href="#/" aria-label={lang.pick("看报 首页", "Kanbao home")}>{ "看报" }<span class="brand-en">{ " Kanbao" }</span></a>
                }
                <SearchBox value={current_query.q.clone()} {lang} {onsearch} input_ref={search_ref} />
                if !*embed {
                    <nav class="site-nav" aria-label={lang.pick("栏目", "Sections")}>
                        <a href="#/" aria-current={matches!(route, Route::List(_)).then_some("page")}>{ lang.pick("文章", "Articles") }</a>
                        <a href={Route::Library.to_hash()} aria-current={(route == Route::Library).then_some("page")}>
                            { lang.pick("文库与导入", "Library & import") }
                        </a>
                    </nav>
                    <Toolbar prefs={*prefs} onchange={onprefs} />
                }
            </header>
            if let Some(onupdate) = update {
                <div class="update-ready" role="status">
                    { lang.pick("有新版本，刷新以使用。", "A new version is ready: refresh to use it.") }{ " " }
                    <button type="button" class="update-apply" onclick={onupdate.reform(|_| ())}>
                        { lang.pick("刷新", "Refresh") }
                    </button>
                </div>
            }
            <Notices notices={state.notices.clone()} progress={state.progress} {lang}
                ondismiss={dispatch.reform(Action::Dismiss)} {oncancel} />
            <main id="main" tabindex="-1" class="app-main" data-status={status_name(state.status)}>
                if state.status == Status::Loading {
                    <p class="loading" role="status">{ lang.pick("正在载入文库……", "Loading the library…") }</p>
                }
                { view }
            </main>
        </>
    }
}

/// Loads the deployment's pages, the reader's stored pages and any `?src=` link. The
/// deployment's pages and a `?src=` page are parsed here, at once: starting the parse worker
/// first delays the first card by about 50 ms. Stored pages, which may be many, are parsed in
/// the worker.
async fn load(dispatch: Callback<Action>, lang: Lang) {
    match data::load_deployment(&dispatch, lang, None).await {
        Ok(pages) => dispatch.emit(Action::AddPages(pages)),
        Err(message) => {
            let text = match lang {
                Lang::Zh => format!("无法载入本站发布的版面：{message}"),
                Lang::En => format!("Could not load the pages published here: {message}"),
            };
            dispatch.emit(Action::Notify { error: true, text });
        }
    }
    match data::load_stored(lang).await {
        Ok((pages, damaged)) => {
            dispatch.emit(Action::AddPages(pages));
            if !damaged.is_empty() {
                let text = match lang {
                    Lang::Zh => format!(
                        "浏览器中保存的 {} 条记录已损坏，无法读取；可以在“文库与导入”中移除它们。",
                        damaged.len()
                    ),
                    Lang::En => format!(
                        "{} records stored in this browser are damaged and cannot be read; they can be removed under “Library & import”.",
                        damaged.len()
                    ),
                };
                dispatch.emit(Action::Notify { error: true, text });
                dispatch.emit(Action::Damaged(damaged));
            }
        }
        Err(err) => {
            let text = match lang {
                Lang::Zh => format!("无法读取浏览器中保存的版面：{}", err.reason(lang)),
                Lang::En => format!(
                    "Could not read the pages stored in this browser: {}",
                    err.reason(lang)
                ),
            };
            dispatch.emit(Action::Notify { error: true, text });
        }
    }
    if let Some(names) = data::interrupted_import() {
        let list = names.join("、");
        let text = match lang {
            Lang::Zh => format!(
                "上次的导入没有完成（页面在导入时被关闭或刷新），未保存任何版面；请重新导入：{list}"
            ),
            Lang::En => format!(
                "The last import did not finish (the page was closed or reloaded while it ran) and saved nothing; import again: {list}"
            ),
        };
        dispatch.emit(Action::Notify { error: true, text });
    }
    if let Some(src) = embed::search_param("src") {
        match data::load_src(&src, &dispatch, lang, None).await {
            Ok(pages) => dispatch.emit(Action::AddPages(pages)),
            Err(err) => dispatch.emit(Action::Notify {
                error: true,
                text: err.message(&src, lang),
            }),
        }
    }
    dispatch.emit(Action::Loaded);
    embed::post_ready();
}

fn drop_both(a: EventListener, b: EventListener) {
    drop(a);
    drop(b);
}

fn go_back(push: &Callback<Route>, list_query: &ListQuery, came_from_list: bool) {
    if came_from_list && let Ok(history) = window().history() {
        let _ = history.back();
        return;
    }
    push.emit(Route::List(list_query.clone()));
}

/// `/` focuses search; `j`/`k` move through the list; Enter opens; Esc goes back.
fn on_key(
    e: &KeyboardEvent,
    keys: &Rc<RefCell<KeyContext>>,
    selected: &UseStateHandle<Option<usize>>,
    search_ref: &NodeRef,
    push: &Callback<Route>,
    list_query: &UseStateHandle<ListQuery>,
) {
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return;
    }
    let in_field = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    let keys = keys.borrow();
    let on_list = matches!(keys.route, Some(Route::List(_)));
    match e.key().as_str() {
        "Escape" if in_field => {
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                let _ = input.blur();
            }
        }
        "Escape" if matches!(keys.route, Some(Route::Article(_)) | Some(Route::NotFound)) => {
            go_back(push, list_query, keys.came_from_list);
        }
        _ if in_field => {}
        "/" => {
            if let Some(input) = search_ref.cast::<HtmlInputElement>() {
                e.prevent_default();
                let _ = input.focus();
                input.select();
            }
        }
        "j" | "k" if on_list && !keys.hits.is_empty() => {
            let last = keys.hits.len() - 1;
            let next = match (e.key().as_str(), keys.selected) {
                ("j", None) => 0,
                ("j", Some(i)) => (i + 1).min(last),
                (_, None) => 0,
                (_, Some(i)) => i.saturating_sub(1),
            };
            selected.set(Some(next.min(last)));
        }
        "Enter" if on_list => {
            if let Some(id) = keys.selected.and_then(|i| keys.hits.get(i)) {
                e.prevent_default();
                push.emit(Route::Article(id.clone()));
            }
        }
        _ => {}
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Loading => "loading",
        Status::Ready => "ready",
    }
}
