//! The archive's part of the list: its size, or what a search found in it.

use std::rc::Rc;

use kanbao_search::Query;
use yew::prelude::*;

use crate::archive::{ArchiveClient, ArchiveResults, Unavailable};
use crate::components::article_card::ArticleCard;
use crate::components::timeline::Timeline;
use crate::error::AppError;
use crate::hooks::use_archive_dates::use_archive_calendar;
use crate::hooks::use_archive_search::{ArchiveSearch, ArchiveSearchHandle};
use crate::i18n::Lang;
use crate::library::LibraryPage;
use crate::route::{ListQuery, Route};

/// Props of [`ArchiveSection`].
#[derive(Debug, Properties, PartialEq)]
pub struct ArchiveSectionProps {
    pub archive: Rc<ArchiveClient>,
    /// The search and what shows more of it or counts it all.
    pub search: ArchiveSearchHandle,
    pub query: Option<Query>,
    /// The list's query, which the timeline's periods change.
    pub list_query: ListQuery,
    pub onquery: Callback<ListQuery>,
    pub lang: Lang,
    /// Called when cards of the results come in (the filter panel counts their values).
    #[prop_or_default]
    pub oncards: Callback<()>,
}

/// The archive's part of the list: its size, or what a search found in it. The results are
/// listed as soon as they are known, their card chunks asked for newest first: the cards of
/// the first chunk to come in show at once, the others together once none is on its way, and
/// a placeholder holds each place until its card is there.
#[function_component]
pub fn ArchiveSection(props: &ArchiveSectionProps) -> Html {
    let lang = props.lang;
    let archive = &props.archive;
    let results = &props.search.state;
    // The calendar places matches in time, for the timeline; fetched once a search has matches.
    let searched = matches!(results, ArchiveSearch::Done(_));
    let calendar = use_archive_calendar(searched.then(|| archive.clone()));
    // Waiting for the next results: the button is disabled until they come.
    let loading = use_state(|| false);
    let card_error = use_state(|| None::<AppError>);
    let update = use_force_update();
    // The documents the list shows: a chunk that comes in is drawn, or its failure told, only
    // if they need it.
    let showing = use_mut_ref(|| Rc::<[u32]>::from([]));
    // Whether the list's first cards are on screen: after those, the others are drawn together
    // once none is on its way, as each drawing of the list costs the browser a layout and a
    // paint.
    let drawn = use_mut_ref(|| false);
    {
        let (loading, card_error, archive) = (loading.clone(), card_error.clone(), archive.clone());
        let oncards = props.oncards.clone();
        use_effect_with(results.clone(), move |results| {
            loading.set(false);
            card_error.set(None);
            let shown: Rc<[u32]> = match results {
                ArchiveSearch::Done(r) => r.shown().into(),
                _ => Rc::from([]),
            };
            *showing.borrow_mut() = shown.clone();
            *drawn.borrow_mut() = false;
            let missing = archive.missing_cards(&shown);
            // A packed archive's directory pages for all of them at once, so the chunks do
            // not each fetch the same page (a failure is met again by each chunk's load).
            let located = {
                let (archive, missing) = (archive.clone(), missing.clone());
                futures::future::FutureExt::shared(Box::pin(async move {
                    let _ = archive.locate_cards(&missing).await;
                }))
            };
            for chunk in missing {
                let (archive, update, drawn) = (archive.clone(), update.clone(), drawn.clone());
                let oncards = oncards.clone();
                let (card_error, showing) = (card_error.clone(), showing.clone());
                let located = located.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    located.await;
                    let outcome = archive.load_cards(chunk).await;
                    let shown = showing.borrow().clone();
                    if !shown
                        .iter()
                        .any(|&doc| archive.card_chunk(doc) == Some(chunk))
                    {
                        return;
                    }
                    match outcome {
                        Ok(()) => {
                            let first = !drawn.replace(true);
                            if first || !shown.iter().any(|&doc| archive.card_loading(doc)) {
                                update.force_update();
                                oncards.emit(());
                            }
                        }
                        Err(e) => card_error.set(Some(e)),
                    }
                });
            }
        });
    }
    let onmore = {
        let (loading, onmore) = (loading.clone(), props.search.onmore.clone());
        Callback::from(move |_: MouseEvent| {
            loading.set(true);
            onmore.emit(());
        })
    };
    let unanswered = match results {
        ArchiveSearch::Done(r) => r.unanswered(),
        _ => Vec::new(),
    };
    let unavailable: Vec<&Unavailable> = archive.unavailable().iter().chain(&unanswered).collect();
    let mut busy = false;
    let body = match results {
        ArchiveSearch::Idle => html! {
            <p class="archive-summary">{ match lang {
                Lang::Zh => format!("档案中有 {} 篇文章，输入搜索词或选择筛选条件即可查找。", archive.len()),
                Lang::En => format!("The archive holds {} articles; type a search or pick a filter to look through it.", archive.len()),
            } }</p>
        },
        ArchiveSearch::Searching => {
            busy = true;
            html! {
                <p class="archive-summary" role="status">{ lang.pick("正在检索档案……", "Searching the archive…") }</p>
            }
        }
        ArchiveSearch::Failed(err) => html! {
            <p class="error" role="alert">{ match lang {
                Lang::Zh => format!("档案检索失败，文库不受影响：{}", err.message(lang)),
                Lang::En => format!("The archive could not be searched; the library is unaffected: {}", err.message(lang)),
            } }</p>
        },
        ArchiveSearch::Done(r) => {
            let cards: Vec<(u32, Option<Rc<LibraryPage>>)> = r
                .shown()
                .iter()
                .map(|&doc| (doc, archive.card(doc)))
                .collect();
            // Cards still to come: on their way, or (before the first has come back and
            // none has failed) about to be asked for.
            busy = cards.iter().any(|&(doc, ref card)| {
                card.is_none() && (archive.card_loading(doc) || card_error.is_none())
            });
            html! {
                <>
                    <p class="archive-summary" role="status">{ summary(r, lang) }</p>
                    { archive_timeline(r, calendar.ready().map(|c| &**c), props, lang) }
                    if !r.filters_ignored.is_empty() {
                        <p class="archive-filters-ignored">{ match lang {
                            Lang::Zh => format!("档案不能按{}筛选：下面的档案结果没有按它筛选。",
                                r.filters_ignored.iter().map(|&f| lang.facet(f)).collect::<Vec<_>>().join("、")),
                            Lang::En => format!("The archive cannot be filtered by {}: its results below are not narrowed by it.",
                                r.filters_ignored.iter().map(|&f| lang.facet(f).to_lowercase()).collect::<Vec<_>>().join(", ")),
                        } }</p>
                    }
                    if r.period_ignored() {
                        <p class="archive-period-ignored">{ lang.pick(
                            "档案没有按日期顺序建立，不能按时期筛选：下面是所有时期的结果。",
                            "The archive was not built in date order and cannot be filtered by period: these are results from every period.",
                        ) }</p>
                    }
                    <ul class="article-list archive-list">
                        { for cards.into_iter().map(|(doc, card)| match card {
                            Some(page) => html! {
                                <ArticleCard key={doc} {page} article={0} query={props.query.clone()} {lang}
                                    href={Some(Route::ArchiveArticle(doc).to_hash())} />
                            },
                            None => html! { <li key={doc} class="card-placeholder" aria-hidden="true"></li> },
                        }) }
                    </ul>
                    if let Some(err) = &*card_error {
                        <p class="error" role="alert">{ match lang {
                            Lang::Zh => format!("部分档案结果无法显示：{}", err.message(lang)),
                            Lang::En => format!("Some archive results could not be shown: {}", err.message(lang)),
                        } }</p>
                    }
                    if r.has_more() {
                        <button type="button" class="show-more archive-more" onclick={onmore} disabled={*loading || props.search.counting}>
                            { match (lang, *loading, r.complete()) {
                                (Lang::Zh, false, true) => format!("显示更多档案结果（还有 {} 篇）", r.total() - r.shown().len()),
                                (Lang::En, false, true) => format!("Show more from the archive ({} more)", r.total() - r.shown().len()),
                                (Lang::Zh, false, false) => "显示更多档案结果".to_owned(),
                                (Lang::En, false, false) => "Show more from the archive".to_owned(),
                                (Lang::Zh, true, _) => "正在加载……".to_owned(),
                                (Lang::En, true, _) => "Loading…".to_owned(),
                            } }
                        </button>
                    }
                </>
            }
        }
    };
    html! {
        <section class="archive-results" aria-labelledby="archive-heading" aria-busy={busy.to_string()}
            data-fetched={archive.fetched().to_string()}>
            <h2 id="archive-heading">{ lang.pick("档案", "Archive") }</h2>
            { unavailable_note(&unavailable, lang) }
            { body }
        </section>
    }
}

/// The archives of the deployment that could not be opened or stopped answering, each named
/// with why: what is searched is the others.
fn unavailable_note(unavailable: &[&Unavailable], lang: Lang) -> Html {
    if unavailable.is_empty() {
        return html! {};
    }
    html! {
        <div class="archive-unavailable" role="alert">
            <p>{ lang.pick(
                "以下档案暂时无法读取，检索结果不含其中的文章：",
                "These archives cannot be read for now; the results hold none of their articles:",
            ) }</p>
            <ul>
                { for unavailable.iter().map(|u| html! {
                    <li><span class="archive-name">{ &u.name }</span>{ lang.pick("：", ": ") }{ u.error.message(lang) }</li>
                }) }
            </ul>
        </div>
    }
}

/// When the matches found so far were printed, by month or year over the whole archive, the
/// periods still to be searched marked; and the count to the end, with its progress and a
/// cancel. Nothing for an archive that cannot place its articles in time.
fn archive_timeline(
    r: &ArchiveResults,
    calendar: Option<&kanbao_search::Calendar>,
    props: &ArchiveSectionProps,
    lang: Lang,
) -> Html {
    let unsearched = r.unsearched();
    let Some(bars) = calendar.and_then(|c| c.timeline(&r.docs, &unsearched)) else {
        return html! {};
    };
    let periods: Vec<(String, usize)> = bars
        .iter()
        .map(|p| (p.period.clone(), p.found as usize))
        .collect();
    let pending: Vec<bool> = bars.iter().map(|p| p.pending).collect();
    let total = props.archive.len().max(1) as f64;
    let done = 100.0 * (1.0 - f64::from(unsearched.end - unsearched.start) / total);
    let oncount = props.search.oncount.clone();
    let counting = props.search.counting;
    html! {
        <div class="archive-timeline">
            <Timeline {periods} {pending} query={props.list_query.clone()} {lang} onquery={props.onquery.clone()}
                caption={lang.pick("档案结果的时间分布", "Archive matches over time").to_owned()} />
            if !r.complete() {
                <p class="archive-count" role="status">
                    if counting {
                        { match lang {
                            Lang::Zh => format!("正在统计全部结果：已检索档案的 {done:.0}%…… ", ),
                            Lang::En => format!("Counting every match: {done:.0}% of the archive searched… "),
                        } }
                        <button type="button" class="archive-count-cancel" onclick={oncount.reform(|_| false)}>
                            { lang.pick("停止统计", "Stop counting") }
                        </button>
                    } else {
                        { lang.pick("浅色的柱还没有检索完。", "Pale bars are not searched through yet. ") }
                        <button type="button" class="archive-count-all" onclick={oncount.reform(|_| true)}>
                            { lang.pick("统计全部结果", "Count every match") }
                        </button>
                    }
                </p>
            }
        </div>
    }
}

/// What an archive search found: every match once the whole archive is searched, otherwise how
/// many so far (the newest first).
fn summary(r: &ArchiveResults, lang: Lang) -> String {
    let (total, shown) = (r.total(), r.shown().len());
    match (lang, r.complete(), total > shown) {
        (Lang::Zh, true, false) => format!("档案中找到 {total} 篇。"),
        (Lang::Zh, true, true) => format!("档案中找到 {total} 篇，显示前 {shown} 篇。"),
        (Lang::Zh, false, _) => format!(
            "档案中找到至少 {total} 篇（估计共约 {} 篇），显示最{}的 {shown} 篇。",
            wan(about(r.estimate())),
            if r.oldest_first() { "早" } else { "新" },
        ),
        (Lang::En, true, false) => format!("{total} found in the archive."),
        (Lang::En, true, true) => format!("{total} found in the archive; the first {shown} shown."),
        (Lang::En, false, _) => format!(
            "At least {total} found in the archive (about {} in all, by estimate); the {} {shown} shown.",
            thousands(about(r.estimate())),
            if r.oldest_first() { "oldest" } else { "newest" },
        ),
    }
}

/// An estimate to two significant digits: 1,234 → 1,200.
fn about(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n + unit / 2) / unit * unit
}

/// A round number as Chinese counts it from ten thousand up: 130000 → 13万, 12000 → 1.2万.
fn wan(n: u64) -> String {
    match (n / 10_000, n % 10_000 / 1_000) {
        (0, _) => n.to_string(),
        (w, 0) => format!("{w}万"),
        (w, k) => format!("{w}.{k}万"),
    }
}

/// A number with thousands separators: 130000 → 130,000.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{about, thousands, wan};

    #[test]
    fn estimates_are_rounded_and_written_as_readers_count() {
        assert_eq!(about(0), 0);
        assert_eq!(about(99), 99);
        assert_eq!(about(1_234), 1_200);
        assert_eq!(about(134_299), 130_000);
        assert_eq!(about(1_250), 1_300);
        assert_eq!(wan(980), "980");
        assert_eq!(wan(12_000), "1.2万");
        assert_eq!(wan(130_000), "13万");
        assert_eq!(wan(1_200_000), "120万");
        assert_eq!(thousands(980), "980");
        assert_eq!(thousands(130_000), "130,000");
        assert_eq!(thousands(1_200_000), "1,200,000");
    }
}
