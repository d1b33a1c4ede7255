//! Ways in for pages: files, a folder, pasted text (and drag and drop anywhere on the page).

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::data::Source;
use crate::i18n::Lang;

/// Props of [`ImportPanel`].
#[derive(Debug, Properties, PartialEq)]
pub struct ImportPanelProps {
    pub lang: Lang,
    pub onimport: Callback<Vec<Source>>,
}

fn files_of(input: &HtmlInputElement) -> Vec<Source> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    let mut files: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    // A folder picker hands over everything in it: take the page texts and library files.
    if input.has_attribute("webkitdirectory") {
        files.retain(|f| f.name().ends_with(".txt") || f.name().ends_with(".json"));
    }
    files.into_iter().map(Source::File).collect()
}

/// The import controls.
#[function_component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let lang = props.lang;
    let paste_ref = use_node_ref();
    let onfiles = {
        let onimport = props.onimport.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let sources = files_of(&input);
            // Clear, so that choosing the same file again imports again.
            input.set_value("");
            if !sources.is_empty() {
                onimport.emit(sources);
            }
        })
    };
    let onpaste = {
        let (onimport, paste_ref) = (props.onimport.clone(), paste_ref.clone());
        Callback::from(move |_| {
            if let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() {
                let text = area.value();
                if !text.trim().is_empty() {
                    let name = format!("{}.txt", lang.pick("粘贴的文字", "pasted-text"));
                    onimport.emit(vec![Source::Text {
                        name,
                        text,
                        paper: None,
                    }]);
                    area.set_value("");
                }
            }
        })
    };
    html! {
        <section class="import-panel" aria-labelledby="import-heading">
            <h2 id="import-heading">{ lang.pick("导入版面", "Import pages") }</h2>
            <p class="hint">{ lang.pick(
                "支持 UTF-8、GB18030/GBK、UTF-16 编码的版面文本文件，也可以把文件或文件夹拖到页面上。",
                "Page text files in UTF-8, GB18030/GBK or UTF-16; files and folders can also be dropped anywhere on the page.") }</p>
            <div class="import-buttons">
                <label class="button">
                    { lang.pick("选择文件……", "Choose files…") }
                    <input id="import-files" class="visually-hidden" type="file" multiple=true accept=".txt,.json,text/plain,application/json" onchange={onfiles.clone()} />
                </label>
                <label class="button">
                    { lang.pick("选择文件夹……", "Choose a folder…") }
                    <input id="import-folder" class="visually-hidden" type="file" webkitdirectory=true multiple=true onchange={onfiles} />
                </label>
            </div>
            <label for="paste-text" class="paste-label">{ lang.pick("或粘贴一个版面的文字：", "Or paste the text of a page:") }</label>
            <textarea id="paste-text" ref={paste_ref} rows="4" />
            <button type="button" class="import-paste" onclick={onpaste}>{ lang.pick("导入粘贴的文字", "Import pasted text") }</button>
        </section>
    }
}
