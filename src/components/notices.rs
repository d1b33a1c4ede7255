//! Messages for the reader: what an import did, and what it could not do and why.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::{Notice, Progress};

/// Props of [`Notices`].
#[derive(Debug, Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub progress: Option<Progress>,
    pub lang: Lang,
    pub ondismiss: Callback<u32>,
    pub oncancel: Callback<()>,
}

/// The notices, newest last, and an import's progress bar with its cancel button.
#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="notices" aria-live="polite">
            if let Some(p) = props.progress {
                <div class="progress" role="status">
                    <label for="import-progress">{ format!("{} {}/{}", lang.pick("正在导入", "Importing"), p.done, p.total) }</label>
                    <progress id="import-progress" max={p.total.to_string()} value={p.done.to_string()}></progress>
                    <button type="button" class="cancel-import" onclick={props.oncancel.reform(|_| ())}>{ lang.pick("取消", "Cancel") }</button>
                </div>
            }
            { for props.notices.iter().map(|n| {
                let id = n.id;
                html! {
                    <div class={classes!("notice", n.error.then_some("notice-error"))} role={if n.error { "alert" } else { "status" }}>
                        <span>{ &n.text }</span>
                        <button type="button" class="dismiss" aria-label={lang.pick("关闭提示", "Dismiss")}
                            onclick={props.ondismiss.reform(move |_| id)}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
