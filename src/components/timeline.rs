//! When the listed articles were published: a bar per month or year, drawn as SVG, with the
//! numbers in a table for screen readers. A bar (or a drag across bars) filters the list to
//! that period, and the period goes into the link.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::{ListQuery, Route};

/// Props of [`Timeline`].
#[derive(Debug, Properties, PartialEq)]
pub struct TimelineProps {
    /// Articles per period (`2023-11` or `2023`), in order.
    pub periods: Vec<(String, usize)>,
    pub query: ListQuery,
    pub lang: Lang,
    /// Called with the list's query for a new period (a history entry).
    pub onquery: Callback<ListQuery>,
    /// Per period, whether it is still being counted (an archive search not through it yet):
    /// its bar is drawn pale and its number read as "at least".
    #[prop_or_default]
    pub pending: Vec<bool>,
    /// The chart's caption; "when published" by default.
    #[prop_or_default]
    pub caption: Option<String>,
}

/// A period as a reader reads it: `2023年11月`, `2023年` / `Nov 2023`, `2023`.
fn period_label(period: &str, lang: Lang) -> String {
    match (lang, period.split_once('-')) {
        (Lang::Zh, Some((y, m))) => format!("{y}年{}月", m.trim_start_matches('0')),
        (Lang::Zh, None) => format!("{period}年"),
        (Lang::En, Some(_)) => crate::pages::issues::long_date(period, lang),
        (Lang::En, None) => period.to_owned(),
    }
}

/// Whether a period (`2023-11`, `2023`) meets the span from `from` to `to`, each compared at the
/// coarser of the two precisions.
fn overlaps(period: &str, from: &str, to: &str) -> bool {
    let cmp = |a: &str, b: &str| {
        let k = a.len().min(b.len());
        a.get(..k).cmp(&b.get(..k))
    };
    cmp(period, from).is_ge() && cmp(period, to).is_le()
}

/// The chart's width and height in its own units; it scales to its box.
const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 80.0;

/// The timeline of the listed articles.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let lang = props.lang;
    // Where a drag across the bars started, and whether the pointer moved to another bar.
    let drag = use_mut_ref(|| None::<usize>);
    let periods = &props.periods;
    if periods.len() < 2 {
        return html! {};
    }
    let max = periods.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let step = WIDTH / periods.len() as f64;
    let with_period = |from: &str, to: &str| ListQuery {
        period: Some((from.to_owned(), to.to_owned())),
        ..props.query.clone()
    };
    let selected = |p: &str| {
        props
            .query
            .period
            .as_ref()
            .is_some_and(|(from, to)| overlaps(p, from, to))
    };
    let onclear = {
        let (onquery, query) = (props.onquery.clone(), props.query.clone());
        Callback::from(move |_: MouseEvent| {
            onquery.emit(ListQuery {
                period: None,
                ..query.clone()
            })
        })
    };
    let pending = |i: usize| props.pending.get(i).copied().unwrap_or(false);
    let count_label = |i: usize, count: usize| match (lang, pending(i)) {
        (Lang::Zh, false) => format!("{count} 篇"),
        (Lang::Zh, true) => format!("至少 {count} 篇（尚未检索完）"),
        (Lang::En, false) => format!("{count} articles"),
        (Lang::En, true) => format!("at least {count} articles (not searched through)"),
    };
    let bars = periods.iter().enumerate().map(|(i, (period, count))| {
        let h = if *count == 0 { 0.0 } else { (*count as f64 / max as f64 * (HEIGHT - 4.0)).max(2.0) };
        let label = match lang {
            Lang::Zh => format!("{}：{}", period_label(period, lang), count_label(i, *count)),
            Lang::En => format!("{}: {}", period_label(period, lang), count_label(i, *count)),
        };
        let href = Route::List(with_period(period, period)).to_hash();
        let onmousedown = {
            let drag = drag.clone();
            Callback::from(move |_: MouseEvent| *drag.borrow_mut() = Some(i))
        };
        // A drag from one bar to another picks the periods between; a click picks one.
        let onclick = {
            let (drag, onquery) = (drag.clone(), props.onquery.clone());
            let periods = periods.clone();
            let query = props.query.clone();
            Callback::from(move |e: MouseEvent| {
                let start = drag.borrow_mut().take().unwrap_or(i);
                let (a, b) = (start.min(i), start.max(i));
                if let (Some((from, _)), Some((to, _))) = (periods.get(a), periods.get(b)) {
                    e.prevent_default();
                    onquery.emit(ListQuery {
                        period: Some((from.clone(), to.clone())),
                        ..query.clone()
                    });
                }
            })
        };
        let onmouseup = {
            let drag = drag.clone();
            let (onquery, periods, query) = (props.onquery.clone(), periods.clone(), props.query.clone());
            Callback::from(move |e: MouseEvent| {
                let start = *drag.borrow();
                if let Some(start) = start.filter(|s| *s != i) {
                    drag.borrow_mut().take();
                    let (a, b) = (start.min(i), start.max(i));
                    if let (Some((from, _)), Some((to, _))) = (periods.get(a), periods.get(b)) {
                        e.prevent_default();
                        onquery.emit(ListQuery {
                            period: Some((from.clone(), to.clone())),
                            ..query.clone()
                        });
                    }
                }
            })
        };
        let x = i as f64 * step;
        html! {
            <a href={href} class={classes!("bar", selected(period).then_some("in-period"), pending(i).then_some("pending"))}
                aria-label={label.clone()} data-period={period.clone()} {onmousedown} {onmouseup} {onclick}>
                <title>{ label }</title>
                <rect class="bar-hit" x={format!("{x:.1}")} y="0" width={format!("{step:.1}")} height={format!("{HEIGHT:.1}")} />
                <rect class="bar-fill" x={format!("{:.1}", x + step * 0.12)} y={format!("{:.1}", HEIGHT - h)}
                    width={format!("{:.1}", step * 0.76)} height={format!("{h:.1}")} />
            </a>
        }
    });
    let (first, last) = (
        periods
            .first()
            .map(|(p, _)| period_label(p, lang))
            .unwrap_or_default(),
        periods
            .last()
            .map(|(p, _)| period_label(p, lang))
            .unwrap_or_default(),
    );
    html! {
        <figure class="timeline">
            <figcaption>
                <span>{ props.caption.clone().unwrap_or_else(|| lang.pick("发表时间分布", "Published over time").to_owned()) }</span>
                if let Some((from, to)) = &props.query.period {
                    <span class="period-chosen">
                        { match lang {
                            Lang::Zh if from == to => format!("已选：{}", period_label(from, lang)),
                            Lang::Zh => format!("已选：{} 至 {}", period_label(from, lang), period_label(to, lang)),
                            Lang::En if from == to => format!("Chosen: {}", period_label(from, lang)),
                            Lang::En => format!("Chosen: {} to {}", period_label(from, lang), period_label(to, lang)),
                        } }
                    </span>
                    <button type="button" class="period-clear" onclick={onclear}>{ lang.pick("不限时间", "Any time") }</button>
                }
            </figcaption>
            <svg class="timeline-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} preserveAspectRatio="none"
                role="group" aria-label={lang.pick("按时间分布的文章数，点选或拖选时间段", "Articles by period: pick a bar or drag across bars")}>
                { for bars }
            </svg>
            <div class="timeline-axis" aria-hidden="true"><span>{ first }</span><span>{ last }</span></div>
            <table class="visually-hidden">
                <caption>{ lang.pick("各时间段的文章数", "Articles per period") }</caption>
                <thead><tr>
                    <th scope="col">{ lang.pick("时间", "Period") }</th>
                    <th scope="col">{ lang.pick("文章数", "Articles") }</th>
                </tr></thead>
                <tbody>
                { for periods.iter().enumerate().map(|(i, (p, n))| html! {
                    <tr><th scope="row">{ period_label(p, lang) }</th><td>{ if pending(i) { count_label(i, *n) } else { n.to_string() } }</td></tr>
                }) }
                </tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_in_both_languages() {
        assert_eq!(period_label("2023-01", Lang::Zh), "2023年1月");
        assert_eq!(period_label("2023", Lang::Zh), "2023年");
        assert_eq!(period_label("2023-11", Lang::En), "Nov 2023");
        assert_eq!(period_label("1990", Lang::En), "1990");
    }

    #[test]
    fn a_bar_is_in_the_period_when_it_meets_it() {
        assert!(overlaps("2023-11", "2023-11", "2023-12"));
        assert!(overlaps("2023-12", "2023", "2023"));
        assert!(overlaps("2023", "2023-11", "2024-02"));
        assert!(!overlaps("2023-10", "2023-11", "2023-12"));
        assert!(!overlaps("2025", "2023-11", "2024-02"));
    }
}
