//! Reading preferences: language, dark mode, text size.

use yew::prelude::*;

use crate::hooks::use_prefs::{Prefs, TEXT_SIZES, Theme};
use crate::i18n::Lang;

/// Props of [`Toolbar`].
#[derive(Debug, Properties, PartialEq)]
pub struct ToolbarProps {
    pub prefs: Prefs,
    pub onchange: Callback<Prefs>,
}

/// Buttons for language, colour scheme and text size.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let prefs = props.prefs;
    let lang = prefs.lang;
    let set = |f: fn(Prefs) -> Prefs| {
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(f(prefs)))
    };
    let dark = prefs.theme.is_dark();
    html! {
        <div class="toolbar" role="group" aria-label={lang.pick("阅读设置", "Reading settings")}>
            <button type="button" class="text-smaller" aria-label={lang.pick("A− 缩小字号", "A− Smaller text")}
                disabled={prefs.text_size == 0}
                onclick={set(|p| Prefs { text_size: p.text_size.saturating_sub(1), ..p })}>{ "A−" }</button>
            <span class="text-size" aria-live="polite">{ format!("{}%", TEXT_SIZES[prefs.text_size]) }</span>
            <button type="button" class="text-larger" aria-label={lang.pick("A+ 放大字号", "A+ Larger text")}
                disabled={prefs.text_size + 1 == TEXT_SIZES.len()}
                onclick={set(|p| Prefs { text_size: (p.text_size + 1).min(TEXT_SIZES.len() - 1), ..p })}>{ "A+" }</button>
            <button type="button" class="theme-toggle" aria-pressed={dark.to_string()}
                aria-label={lang.pick("夜间模式", "Dark mode")}
                onclick={set(|p| Prefs { theme: if p.theme.is_dark() { Theme::Light } else { Theme::Dark }, ..p })}>
                { lang.pick("夜间", "Dark") }
            </button>
            <button type="button" class="lang-toggle" lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}
                aria-label={lang.pick("EN: Switch to English", "中文：切换到中文")}
                onclick={set(|p| Prefs { lang: if p.lang == Lang::Zh { Lang::En } else { Lang::Zh }, ..p })}>
                { if lang == Lang::Zh { "EN" } else { "中文" } }
            </button>
        </div>
    }
}
