//! Text with matched ranges marked. Text is always rendered as text, never as HTML.

use std::ops::Range;

use yew::prelude::*;

/// Props of [`Highlighted`].
#[derive(Debug, Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Sorted, non-overlapping byte ranges of `text` to mark.
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

/// `text` with each range in a `<mark>`.
#[function_component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    let text = props.text.as_str();
    let mut parts = Vec::new();
    let mut at = 0;
    for r in &props.ranges {
        // Ranges come from the search crate on char boundaries; `get` keeps a bad one harmless.
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.start..r.end)) else {
            continue;
        };
        if r.start < at {
            continue;
        }
        parts.push(html! { { before.to_owned() } });
        parts.push(html! { <mark>{ hit.to_owned() }</mark> });
        at = r.end;
    }
    parts.push(html! { { text.get(at..).unwrap_or_default().to_owned() } });
    html! { <>{ for parts }</> }
}
