//! Reading by date: a calendar of the dates the library holds, and a day's issue with its
//! papers side by side, their pages in order and a page's articles in printed order.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use kanbao_search::{Calendar, CalendarDay};

use crate::archive::ArchiveClient;
use crate::components::article_card::ArticleCard;
use crate::hooks::use_archive_dates::{
    Loaded, use_archive_calendar, use_archive_cards, use_archive_month,
};
use crate::i18n::Lang;
use crate::issues::{self, PaperIssue};
use crate::library::Library;
use crate::route::Route;

/// Props of [`DatesPage`].
#[derive(Debug, Properties, PartialEq)]
pub struct DatesPageProps {
    pub library: Rc<Library>,
    /// The deployment's archive, whose dates the calendar shows beside the library's.
    pub archive: Option<Rc<ArchiveClient>>,
    /// The month shown (`2023-11`); the latest month held when `None`.
    pub month: Option<String>,
    pub lang: Lang,
}

/// A date as a reader reads it: `2023年11月28日` / `28 Nov 2023`.
pub fn long_date(date: &str, lang: Lang) -> String {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (y, m, d) = (
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
        parts.next(),
    );
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let en_month = months
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    match (lang, d) {
        (Lang::Zh, Some(d)) => format!("{y}年{m}月{d}日"),
        (Lang::Zh, None) => format!("{y}年{m}月"),
        (Lang::En, Some(d)) => format!("{d} {en_month} {y}"),
        (Lang::En, None) => format!("{en_month} {y}"),
    }
}

/// Weekday of a date, 0 for Monday (Sakamoto's method).
fn weekday(y: u32, m: u32, d: u32) -> u32 {
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[(m as usize + 11) % 12] + d) % 7;
    (sunday_first + 6) % 7
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The calendar: every year held with its months (those with papers marked and linked), and
/// one month's days, the days with papers linked.
#[function_component]
pub fn DatesPage(props: &DatesPageProps) -> Html {
    let lang = props.lang;
    let calendar = use_archive_calendar(props.archive.clone());
    let mut dates = issues::dates(&props.library);
    let mut months: BTreeMap<String, usize> = BTreeMap::new();
    for (date, pages) in &dates {
        *months.entry(date[..7].to_owned()).or_insert(0) += pages;
    }
    if let Some(calendar) = calendar.ready() {
        for m in &calendar.months {
            *months.entry(m.month.clone()).or_insert(0) += m.pages as usize;
        }
    }
    let month = props
        .month
        .clone()
        .or_else(|| months.keys().next_back().cloned());
    // After the calendar, which says which month is the latest, and is fetched once.
    let archive_month = use_archive_month(
        props.archive.clone(),
        month.clone().filter(|_| calendar.ready().is_some()),
    );
    if let Some(m) = archive_month.ready() {
        for day in &m.days {
            *dates.entry(day.date.clone()).or_insert(0) += day.pages.len();
        }
    }
    let mut years: BTreeMap<String, Vec<(u32, usize)>> = BTreeMap::new();
    for (m, pages) in &months {
        years
            .entry(m[..4].to_owned())
            .or_default()
            .push((m[5..].parse().unwrap_or(0), *pages));
    }
    html! {
        <div class="dates-view">
            <h1 class="view-title">{ lang.pick("按日期阅读", "Read by date") }</h1>
            { archive_status(&calendar, lang) }
            { archive_status(&archive_month, lang) }
            if months.is_empty() && !matches!(calendar, Loaded::Loading) {
                <p class="empty">{ lang.pick("文库中的版面都没有印出日期。", "No page in the library prints its date.") }</p>
            }
            <div class="years">
            { for years.iter().rev().map(|(year, held)| html! {
                <section class="year" aria-label={year.clone()}>
                    <h2>{ year }</h2>
                    <ol class="months">
                    { for (1..=12u32).map(|m| {
                        let key = format!("{year}-{m:02}");
                        let label = match lang { Lang::Zh => format!("{m}月"), Lang::En => long_date(&key, lang)[..3].to_owned() };
                        match held.iter().find(|(hm, _)| *hm == m) {
                            Some((_, pages)) => html! {
                                <li class={classes!("month", (month.as_deref() == Some(&key)).then_some("current"))}>
                                    <a href={Route::Dates(Some(key.clone())).to_hash()}
                                        aria-current={(month.as_deref() == Some(&key)).then_some("true")}>
                                        { label }
                                        <span class="count">{ match lang { Lang::Zh => format!("{pages}版"), Lang::En => format!("{pages} pp.") } }</span>
                                    </a>
                                </li>
                            },
                            None => html! { <li class="month none" aria-hidden="true">{ label }</li> },
                        }
                    }) }
                    </ol>
                </section>
            }) }
            </div>
            if let Some(month) = month.filter(|m| m.len() == 7) {
                { month_grid(&month, &dates, lang) }
            }
        </div>
    }
}

/// One month as a table of weeks; a day with papers links to its issue.
fn month_grid(month: &str, dates: &BTreeMap<String, usize>, lang: Lang) -> Html {
    let y: u32 = month[..4].parse().unwrap_or(1970);
    let m: u32 = month[5..].parse().unwrap_or(1);
    let first = weekday(y, m, 1);
    let days = days_in_month(y, m);
    let cells: Vec<Option<u32>> = (0..first)
        .map(|_| None)
        .chain((1..=days).map(Some))
        .collect();
    let heads = match lang {
        Lang::Zh => ["一", "二", "三", "四", "五", "六", "日"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    };
    html! {
        <table class="month-grid">
            <caption>{ long_date(month, lang) }</caption>
            <thead><tr>{ for heads.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody>
            { for cells.chunks(7).map(|week| html! {
                <tr>
                { for (0..7).map(|i| match week.get(i).copied().flatten() {
                    Some(d) => {
                        let date = format!("{month}-{d:02}");
                        match dates.get(&date) {
                            Some(pages) => html! {
                                <td class="held">
                                    <a href={Route::Issue { date: date.clone(), page: None }.to_hash()}
                                        aria-label={match lang {
                                            Lang::Zh => format!("{}，{pages}个版面", long_date(&date, lang)),
                                            Lang::En => format!("{}, {pages} pages", long_date(&date, lang)),
                                        }}>
                                        { d }
                                    </a>
                                </td>
                            },
                            None => html! { <td>{ d }</td> },
                        }
                    }
                    None => html! { <td></td> },
                }) }
                </tr>
            }) }
            </tbody>
        </table>
    }
}

/// Props of [`IssueView`].
#[derive(Debug, Properties, PartialEq)]
pub struct IssueViewProps {
    pub library: Rc<Library>,
    /// The deployment's archive, whose pages of the day are shown beside the library's.
    pub archive: Option<Rc<ArchiveClient>>,
    pub date: String,
    /// The page shown (its key); the first page of each paper when `None`.
    pub page: Option<String>,
    pub lang: Lang,
}

/// How a page is named: `第3版 要闻` / `Page 3 · 要闻`.
fn page_name(label: Option<&str>, section: Option<&str>, lang: Lang) -> String {
    let number = label.map(|l| match lang {
        Lang::Zh if l.chars().all(|c| c.is_ascii_digit()) => format!("第{l}版"),
        Lang::Zh => format!("{l}版"),
        Lang::En => format!("Page {l}"),
    });
    [number, section.map(str::to_owned)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tells how a fetch from the archive stands, when it is not simply in.
fn archive_status<T>(loaded: &Loaded<T>, lang: Lang) -> Html {
    match loaded {
        Loaded::Loading => html! {
            <p class="archive-status" role="status">{ lang.pick("正在读取档案的日期…", "Reading the archive's dates…") }</p>
        },
        Loaded::Failed(e) => html! {
            <p class="error" role="alert">
                { format!("{}{}", lang.pick("档案的日期无法读取：", "The archive's dates could not be read: "), e.message(lang)) }
            </p>
        },
        Loaded::Absent | Loaded::Ready(_) => html! {},
    }
}

/// A day's issue: its papers side by side, each with its pages in order and the page shown;
/// the archive's pages of the day form a paper of their own.
#[function_component]
pub fn IssueView(props: &IssueViewProps) -> Html {
    let lang = props.lang;
    let library = &props.library;
    // The month is asked at once: the archive fetches its calendar with it, and keeps it.
    let month = use_archive_month(props.archive.clone(), Some(props.date[..7].to_owned()));
    let calendar = props.archive.as_ref().and_then(|a| a.cached_calendar());
    let archive_day: Option<&CalendarDay> = month.ready().and_then(|m| m.day(&props.date));
    let mut dates = issues::dates(library);
    if let Some(m) = month.ready() {
        for day in &m.days {
            *dates.entry(day.date.clone()).or_insert(0) += day.pages.len();
        }
    }
    let papers = issues::issue(library, &props.date);
    let (before, after) = issues::around(&dates, &props.date);
    // Beyond this month's days the archive's other months are linked by their calendar.
    let (month_before, month_after) = calendar
        .as_ref()
        .map(|c| months_around(c, &props.date[..7]))
        .unwrap_or_default();
    let day_nav = html! {
        <nav class="day-nav" aria-label={lang.pick("前后日期", "Days before and after")}>
            <a href={Route::Dates(Some(props.date[..7].to_owned())).to_hash()}>{ lang.pick("日历", "Calendar") }</a>
            if let Some(d) = &before {
                <a class="previous-day" rel="prev" href={Route::Issue { date: d.clone(), page: None }.to_hash()}>
                    { format!("← {}", long_date(d, lang)) }
                </a>
            } else if let Some(m) = &month_before {
                <a class="previous-month" href={Route::Dates(Some(m.clone())).to_hash()}>
                    { format!("← {}", long_date(m, lang)) }
                </a>
            }
            if let Some(d) = &after {
                <a class="next-day" rel="next" href={Route::Issue { date: d.clone(), page: None }.to_hash()}>
                    { format!("{} →", long_date(d, lang)) }
                </a>
            } else if let Some(m) = &month_after {
                <a class="next-month" href={Route::Dates(Some(m.clone())).to_hash()}>
                    { format!("{} →", long_date(m, lang)) }
                </a>
            }
        </nav>
    };
    let waiting = matches!(month, Loaded::Loading);
    let columns = papers.len() + usize::from(archive_day.is_some());
    html! {
        <div class="issue-view">
            <h1 class="view-title">{ long_date(&props.date, lang) }</h1>
            { day_nav }
            { archive_status(&month, lang) }
            if columns == 0 && !waiting {
                <p class="empty">{ lang.pick("文库中没有这一天的版面。", "The library holds no page of this day.") }</p>
            }
            <div class={classes!("papers", (columns > 1).then_some("side-by-side"))}>
            { for papers.iter().map(|paper| library_column(library, &props.date, paper, props.page.as_deref(), lang)) }
            if let (Some(day), Some(archive)) = (archive_day, props.archive.clone()) {
                { archive_column(archive, calendar.as_ref(), day, props.page.as_deref(), lang) }
            }
            </div>
        </div>
    }
}

/// The archive's months just before and after `month` (`YYYY-MM`).
fn months_around(calendar: &Calendar, month: &str) -> (Option<String>, Option<String>) {
    let before = calendar
        .months
        .iter()
        .rev()
        .find(|m| m.month.as_str() < month)
        .map(|m| m.month.clone());
    let after = calendar
        .months
        .iter()
        .find(|m| m.month.as_str() > month)
        .map(|m| m.month.clone());
    (before, after)
}

/// One page of a paper's issue, as its tab names it.
#[derive(Debug, Clone, PartialEq)]
struct Tab {
    /// How the page is named in links (see [`issues::IssuePage::key`]).
    key: String,
    label: Option<String>,
    section: Option<String>,
    articles: usize,
}

/// One paper of the library's pages of the day.
fn library_column(
    library: &Rc<Library>,
    date: &str,
    paper: &PaperIssue,
    wanted: Option<&str>,
    lang: Lang,
) -> Html {
    let name = paper
        .paper
        .clone()
        .unwrap_or_else(|| lang.pick("未注明报名", "Paper not named").to_owned());
    let tabs: Vec<Tab> = paper
        .pages
        .iter()
        .map(|p| Tab {
            key: p.key.clone(),
            label: p.label.clone(),
            section: p.section.clone(),
            articles: p.articles,
        })
        .collect();
    paper_column(&name, date, &tabs, wanted, lang, |i| {
        let Some(lp) = paper.pages.get(i).and_then(|p| library.pages().get(p.page)) else {
            return html! {};
        };
        html! {
            <ol class="article-list printed-order">
            { for lp.page.articles.iter().enumerate().map(|(index, a)| html! {
                <ArticleCard key={a.id.clone()} page={lp.clone()} article={index} query={None} {lang} selected={false} />
            }) }
            </ol>
        }
    })
}

/// The archive's pages of the day, as a paper of their own.
fn archive_column(
    archive: Rc<ArchiveClient>,
    calendar: Option<&Rc<Calendar>>,
    day: &CalendarDay,
    wanted: Option<&str>,
    lang: Lang,
) -> Html {
    let name = calendar
        .and_then(|c| c.paper.clone())
        .unwrap_or_else(|| lang.pick("档案", "Archive").to_owned());
    let tabs: Vec<Tab> = day
        .pages
        .iter()
        .enumerate()
        .map(|(n, p)| Tab {
            key: p.page.clone().unwrap_or_else(|| format!("n{}", n + 1)),
            label: p.page.clone(),
            section: p.section.clone(),
            articles: p.count as usize,
        })
        .collect();
    paper_column(&name, &day.date, &tabs, wanted, lang, |i| {
        let docs: Vec<u32> = day
            .pages
            .get(i)
            .map(|p| p.docs().collect())
            .unwrap_or_default();
        html! { <ArchivePageArticles archive={archive.clone()} {docs} {lang} /> }
    })
}

/// One paper of the day: its pages as links, and the page shown with its articles.
fn paper_column(
    name: &str,
    date: &str,
    tabs: &[Tab],
    wanted: Option<&str>,
    lang: Lang,
    articles: impl Fn(usize) -> Html,
) -> Html {
    let at = wanted
        .and_then(|w| tabs.iter().position(|p| p.key == w))
        .or_else(|| wanted.is_none().then_some(0));
    let link = |key: &str| {
        Route::Issue {
            date: date.to_owned(),
            page: Some(key.to_owned()),
        }
        .to_hash()
    };
    html! {
        <section class="paper" aria-label={name.to_owned()}>
            <h2 class="paper-name">{ name }</h2>
            <nav aria-label={format!("{name} {}", lang.pick("版面", "pages"))}>
                <ol class="page-tabs">
                { for tabs.iter().enumerate().map(|(i, p)| {
                    let current = at == Some(i);
                    html! {
                        <li>
                            <a href={link(&p.key)} aria-current={current.then_some("page")}
                                class={classes!("page-tab", current.then_some("current"))}>
                                { page_name(p.label.as_deref(), p.section.as_deref(), lang) }
                                <span class="count">{ match lang { Lang::Zh => format!("{}篇", p.articles), Lang::En => format!("{} articles", p.articles) } }</span>
                            </a>
                        </li>
                    }
                }) }
                </ol>
            </nav>
            if let Some(i) = at && let Some(p) = tabs.get(i) {
                <h3 class="page-heading">{ page_name(p.label.as_deref(), p.section.as_deref(), lang) }</h3>
                { articles(i) }
                <nav class="page-nav" aria-label={format!("{name} {}", lang.pick("前后版面", "pages before and after"))}>
                    if let Some(prev) = i.checked_sub(1).and_then(|j| tabs.get(j)) {
                        <a class="previous-page" rel="prev" href={link(&prev.key)}>
                            { format!("← {}", page_name(prev.label.as_deref(), prev.section.as_deref(), lang)) }
                        </a>
                    }
                    if let Some(next) = tabs.get(i + 1) {
                        <a class="next-page" rel="next" href={link(&next.key)}>
                            { format!("{} →", page_name(next.label.as_deref(), next.section.as_deref(), lang)) }
                        </a>
                    }
                </nav>
            }
        </section>
    }
}

/// Props of [`ArchivePageArticles`].
#[derive(Debug, Properties, PartialEq)]
struct ArchivePageArticlesProps {
    archive: Rc<ArchiveClient>,
    /// The page's articles' document numbers, in printed order.
    docs: Vec<u32>,
    lang: Lang,
}

/// An archived page's articles in printed order, each linking to its reading view; their
/// cards are fetched when the page is shown.
#[function_component]
fn ArchivePageArticles(props: &ArchivePageArticlesProps) -> Html {
    let lang = props.lang;
    let cards = use_archive_cards(Some(props.archive.clone()), props.docs.clone());
    match &cards {
        Loaded::Ready(cards) => html! {
            <ol class="article-list printed-order">
            { for cards.iter().zip(&props.docs).map(|(page, &doc)| html! {
                <ArticleCard key={doc} page={page.clone()} article={0} query={None} {lang}
                    href={Some(Route::ArchiveArticle(doc).to_hash())} />
            }) }
            </ol>
        },
        Loaded::Loading => html! {
            <p class="archive-status" role="status">{ lang.pick("正在读取这一版的文章…", "Reading this page's articles…") }</p>
        },
        Loaded::Failed(e) => html! {
            <p class="error" role="alert">
                { format!("{}{}", lang.pick("这一版的文章无法读取：", "This page's articles could not be read: "), e.message(lang)) }
            </p>
        },
        Loaded::Absent => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_both_languages() {
        assert_eq!(long_date("2023-11-28", Lang::Zh), "2023年11月28日");
        assert_eq!(long_date("2023-11-28", Lang::En), "28 Nov 2023");
        assert_eq!(long_date("2023-11", Lang::Zh), "2023年11月");
        assert_eq!(page_name(Some("3"), Some("要闻"), Lang::Zh), "第3版 要闻");
        assert_eq!(page_name(Some("A03"), None, Lang::Zh), "A03版");
        assert_eq!(page_name(Some("3"), Some("要闻"), Lang::En), "Page 3 要闻");
    }

    #[test]
    fn the_month_grid_knows_its_weekdays_and_lengths() {
        // 28 November 2023 was a Tuesday; 1 January 2024 a Monday.
        assert_eq!(weekday(2023, 11, 28), 1);
        assert_eq!(weekday(2024, 1, 1), 0);
        assert_eq!(weekday(2024, 3, 3), 6);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2023, 11), 30);
    }
}
