//! The article list: search, facets, chips and cards.

use std::rc::Rc;

use yew::prelude::*;

use crate::archive::ArchiveClient;
use crate::components::archive_section::ArchiveSection;
use crate::components::article_card::ArticleCard;
use crate::components::facet_panel::{
    FACETS_ID, FacetPanel, ResultSample, archive_facets, sampled_facets,
};
use crate::components::filter_chips::FilterChips;
use crate::components::timeline::Timeline;
use crate::hooks::use_archive_dates::{Loaded, use_archive_facets};
use crate::hooks::use_archive_search::{ArchiveAsk, ArchiveSearch, use_archive_search};
use crate::i18n::Lang;
use crate::library::{Library, Results};
use crate::route::{Facet, ListQuery, Sort};

/// How many cards the list shows at first, and adds with each "show more".
const CARDS_PER_STEP: usize = 100;

/// Formats the filtered articles can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Markdown,
    Csv,
    /// Citations for reference managers.
    Bibtex,
    Ris,
    CslJson,
}

/// Props of [`ListPage`].
#[derive(Debug, Properties, PartialEq)]
pub struct ListPageProps {
    pub library: Rc<Library>,
    pub query: ListQuery,
    pub results: Rc<Results>,
    /// Position in `results.hits` that j/k move.
    pub selected: Option<usize>,
    pub lang: Lang,
    /// Called with the new filters (a history entry).
    pub onquery: Callback<ListQuery>,
    pub onexport: Callback<ExportFormat>,
    /// The embedded view: no facet panel, no export.
    #[prop_or_default]
    pub compact: bool,
    /// The deployment's built archive, searched beside the library.
    #[prop_or_default]
    pub archive: Option<Rc<ArchiveClient>>,
}

/// The list view.
#[function_component]
pub fn ListPage(props: &ListPageProps) -> Html {
    let lang = props.lang;
    let ontoggle = {
        let (onquery, query) = (props.onquery.clone(), props.query.clone());
        Callback::from(move |(facet, value): (Facet, String)| {
            onquery.emit(query.toggled(facet, &value))
        })
    };
    let onclear = {
        let (onquery, q, sort) = (
            props.onquery.clone(),
            props.query.q.clone(),
            props.query.sort,
        );
        Callback::from(move |()| {
            onquery.emit(ListQuery {
                q: q.clone(),
                sort,
                ..Default::default()
            })
        })
    };
    let onsort = {
        let (onquery, query) = (props.onquery.clone(), props.query.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            onquery.emit(ListQuery {
                sort: Sort::from_key(&value),
                ..query.clone()
            })
        })
    };
    let searching = !props.query.q.trim().is_empty();
    // The default order is named for what it is: relevance with a search, print order without.
    let default_label = if searching {
        lang.pick("相关度", "Relevance")
    } else {
        lang.pick("版面顺序", "Page order")
    };
    let sort_value = props.query.sort.map_or("", Sort::key);
    let results = &props.results;
    let count = results.hits.len();
    // A large library lists in steps, so the page stays quick; a new search starts over.
    let shown = use_state(|| CARDS_PER_STEP);
    {
        let shown = shown.clone();
        use_effect_with(props.query.clone(), move |_| shown.set(CARDS_PER_STEP));
    }
    let limit = (*shown).max(props.selected.map_or(0, |s| s + 1));
    let archive_search = use_archive_search(
        props.archive.clone(),
        ArchiveAsk {
            query: results.query.clone(),
            filters: props.query.filters.clone(),
            period: props.query.period.clone(),
            oldest_first: props.query.sort == Some(Sort::Oldest),
        },
    );
    let panel_archive = props.archive.clone().filter(|_| !props.compact);
    let listed = use_archive_facets(panel_archive.clone());
    // Cards of the archive's results coming in change what the panel counts.
    let cards_in = use_state(|| 0u32);
    let oncards = {
        let cards_in = cards_in.clone();
        Callback::from(move |()| cards_in.set(cards_in.wrapping_add(1)))
    };
    let sample = match (&panel_archive, &archive_search.state) {
        (Some(archive), ArchiveSearch::Done(r)) => result_sample(archive, r),
        _ => None,
    };
    let (archive_facets, archive_sampled) = match (listed, &sample) {
        (Loaded::Ready(_), Some(sample)) => (
            sampled_facets(sample, &props.query),
            Some((sample.articles.len(), sample.exact)),
        ),
        (Loaded::Ready(facets), None) => (archive_facets(&facets, &props.query), None),
        _ => (Vec::new(), None),
    };
    let onmore = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(limit + CARDS_PER_STEP))
    };
    let summary = if props.query.is_active() {
        match lang {
            Lang::Zh => format!("找到 {count} 篇文章（共 {} 篇）", props.library.len()),
            Lang::En => format!("{count} of {} articles", props.library.len()),
        }
    } else {
        match lang {
            Lang::Zh => format!("共 {count} 篇文章"),
            Lang::En => format!("{count} articles"),
        }
    };
    // The facet drawer of a narrow screen; focus goes into it and back to its button.
    let drawer = use_state(|| false);
    let toggle_ref = use_node_ref();
    let ondrawer = {
        let drawer = drawer.clone();
        Callback::from(move |_: MouseEvent| drawer.set(!*drawer))
    };
    let onclose = {
        let (drawer, toggle_ref) = (drawer.clone(), toggle_ref.clone());
        Callback::from(move |()| {
            drawer.set(false);
            if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    {
        // While the drawer is open, Escape anywhere closes it.
        let onclose = onclose.clone();
        use_effect_with(*drawer, move |open| {
            let escape = open.then(|| {
                focus_first_in_drawer();
                gloo::events::EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                    use wasm_bindgen::JsCast;
                    if e.dyn_ref::<KeyboardEvent>()
                        .is_some_and(|k| k.key() == "Escape")
                    {
                        onclose.emit(());
                    }
                })
            });
            move || drop(escape)
        });
    }
    let active: usize = props.query.filters.values().map(Vec::len).sum();
    let heading = if props.query.q.trim().is_empty() {
        lang.pick("文章", "Articles").to_owned()
    } else {
        match lang {
            Lang::Zh => format!("搜索“{}”", props.query.q.trim()),
            Lang::En => format!("Search: “{}”", props.query.q.trim()),
        }
    };
    html! {
        <div class={classes!("list-layout", props.compact.then_some("compact"))}>
            <h1 class="visually-hidden">{ heading }</h1>
            if !props.compact {
                if *drawer {
                    <div class="drawer-backdrop" onclick={onclose.reform(|_| ())}></div>
                }
                <FacetPanel facets={results.facets.clone()} {lang} ontoggle={ontoggle.clone()}
                    open={*drawer} {onclose} archive={archive_facets} {archive_sampled} />
            }
            <section class="results" aria-label={lang.pick("文章列表", "Articles")}>
                if !props.compact {
                    <button type="button" class="filters-toggle" ref={toggle_ref}
                        aria-expanded={drawer.to_string()} aria-controls={FACETS_ID} onclick={ondrawer}>
                        { lang.pick("筛选", "Filters") }
                        if active > 0 {
                            <span class="filters-count">{ format!(" ({active})") }</span>
                        }
                    </button>
                }
                if !props.compact {
                    <Timeline periods={results.timeline.clone()} query={props.query.clone()} {lang}
                        onquery={props.onquery.clone()} />
                }
                <FilterChips query={props.query.clone()} {lang} onremove={ontoggle} {onclear} />
                <div class="list-bar">
                    <p class="result-count" role="status">{ summary }</p>
                    if count > 1 || props.archive.is_some() {
                        <label class="sort">
                            <span>{ lang.pick("排序：", "Order:") }</span>
                            <select class="sort-select" onchange={onsort}>
                                <option value="" selected={!matches!(sort_value, "newest" | "oldest")}>{ default_label }</option>
                                <option value="newest" selected={sort_value == "newest"}>{ lang.pick("最新在前", "Newest first") }</option>
                                <option value="oldest" selected={sort_value == "oldest"}>{ lang.pick("最早在前", "Oldest first") }</option>
                            </select>
                        </label>
                    }
                    if !props.compact && count > 0 {
                        <div class="export" role="group" aria-label={lang.pick("导出筛选出的文章", "Export the listed articles")}>
                            <span class="export-label">{ lang.pick("导出：", "Export:") }</span>
                            { for [(ExportFormat::Json, "JSON"), (ExportFormat::Markdown, "Markdown"), (ExportFormat::Csv, "CSV")].into_iter().map(|(f, label)| html! {
                                <button type="button" class={format!("export-{}", label.to_lowercase())} onclick={props.onexport.reform(move |_| f)}>{ label }</button>
                            }) }
                            <span class="export-label">{ lang.pick("引用：", "Cite:") }</span>
                            { for [(ExportFormat::Bibtex, "BibTeX"), (ExportFormat::Ris, "RIS"), (ExportFormat::CslJson, "CSL-JSON")].into_iter().map(|(f, label)| html! {
                                <button type="button" class={format!("export-{}", label.to_lowercase())} title={lang.pick("导出引用，供 Zotero 等文献管理软件导入", "Citations for Zotero and other reference managers")} onclick={props.onexport.reform(move |_| f)}>{ label }</button>
                            }) }
                        </div>
                    }
                </div>
                if count == 0 && !props.library.is_empty() {
                    <p class="empty">{ lang.pick("没有符合条件的文章。", "No article matches.") }</p>
                }
                if props.library.is_empty() {
                    <p class="empty">
                        { lang.pick("文库是空的。", "The library is empty. ") }
                        <a href={crate::route::Route::Library.to_hash()}>{ lang.pick("导入版面", "Import pages") }</a>
                    </p>
                }
                <ul class="article-list">
                    { for results.hits.iter().take(limit).enumerate().filter_map(|(pos, &i)| {
                        let (page, index) = props.library.locate(i)?;
                        let id = page.page.articles.get(index)?.id.clone();
                        Some(html! {
                            <ArticleCard key={id} page={page.clone()} article={index}
                                query={results.query.clone()} {lang} selected={props.selected == Some(pos)} />
                        })
                    }) }
                </ul>
                if count > limit {
                    <button type="button" class="show-more" onclick={onmore}>
                        { match lang {
                            Lang::Zh => format!("显示更多（还有 {} 篇）", count - limit),
                            Lang::En => format!("Show more ({} more)", count - limit),
                        } }
                    </button>
                }
                if let Some(archive) = &props.archive {
                    <ArchiveSection archive={archive.clone()} search={archive_search} query={results.query.clone()}
                        list_query={props.query.clone()} onquery={props.onquery.clone()} {lang} {oncards} />
                }
            </section>
        </div>
    }
}

/// The facet values of the archive's results whose cards are in, and the search's total: what
/// the filter panel counts while an archive search is on screen. `None` before any card is in.
fn result_sample(
    archive: &ArchiveClient,
    r: &crate::archive::ArchiveResults,
) -> Option<ResultSample> {
    let paper = archive.cached_calendar().and_then(|c| c.paper.clone());
    let articles: Vec<Vec<(Facet, String)>> = r
        .shown()
        .iter()
        .filter_map(|&doc| archive.card(doc))
        .filter_map(|page| {
            let a = page.page.articles.first()?;
            let (meta, source) = (&page.page.meta, &page.page.source.name);
            Some(Facet::archived_values(a, meta, paper.as_deref(), source))
        })
        .collect();
    if articles.is_empty() {
        return None;
    }
    let exact = r.complete() && articles.len() == r.total();
    Some(ResultSample {
        total: if exact {
            r.total() as u64
        } else {
            r.estimate().max(articles.len() as u64)
        },
        exact,
        articles,
    })
}

/// Moves focus to the first control of the opened facet drawer.
fn focus_first_in_drawer() {
    use wasm_bindgen::JsCast;
    let first = gloo::utils::document()
        .query_selector("#facets.open input, #facets.open button")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(first) = first {
        let _ = first.focus();
    }
}
