//! Roles and names of an article's byline.

use kanbao_parse::Byline;
use yew::prelude::*;

use crate::i18n::Lang;

/// The roles of a byline with their names, in the reader's language.
pub fn roles(byline: &Byline, lang: Lang) -> Vec<(&'static str, Vec<String>)> {
    [
        (lang.pick("记者", "Reporter"), &byline.reporters),
        (lang.pick("通讯员", "Correspondent"), &byline.correspondents),
        (lang.pick("摄影", "Photos"), &byline.photographers),
        (lang.pick("作者", "Author"), &byline.authors),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(role, names)| (role, names.clone()))
    .collect()
}

/// Props of [`BylineView`].
#[derive(Debug, Properties, PartialEq)]
pub struct BylineViewProps {
    pub byline: Byline,
    pub lang: Lang,
}

/// A byline as role–names pairs.
#[function_component]
pub fn BylineView(props: &BylineViewProps) -> Html {
    let roles = roles(&props.byline, props.lang);
    if roles.is_empty() {
        return html! {};
    }
    html! {
        <dl class="byline">
            { for roles.into_iter().map(|(role, names)| html! {
                <div class="byline-role">
                    <dt>{ role }</dt>
                    <dd>{ for names.into_iter().map(|n| html! { <span class="name">{ n }</span> }) }</dd>
                </div>
            }) }
        </dl>
    }
}
