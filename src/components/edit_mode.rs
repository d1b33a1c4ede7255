//! The reading view's edit mode: a curator corrects what the parser read wrong in an article.
//! Each line of the article's source is listed with what the parser made of it and where it
//! was unsure; a line can be marked as another part, start a new article, and the article can
//! be merged with its neighbours and its names set. Corrections are kept apart from the text
//! ([`crate::corrections`]), with undo and redo, and exported as the sidecar `kanbao build`
//! applies.

use std::rc::Rc;

use kanbao_parse::Span;
use kanbao_parse::correct::{
    Correction, LineRef, LineRole, NameRole, UnappliedReason, article_lines,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::corrections::PageEdits;
use crate::i18n::Lang;
use crate::library::LibraryPage;
use crate::pages::article::placed_reading_notes;

/// A change the reader made: the page's key, its corrections now, and the line whose article
/// the view should show next.
#[derive(Debug, Clone, PartialEq)]
pub struct EditMade {
    pub key: String,
    pub edits: PageEdits,
    pub follow: Span,
}

/// Props of [`EditMode`].
#[derive(Debug, Properties, PartialEq)]
pub struct EditModeProps {
    pub page: Rc<LibraryPage>,
    pub article: usize,
    pub lang: Lang,
    pub onedit: Callback<EditMade>,
    /// Downloads the page's sidecar file.
    pub onexport: Callback<PageEdits>,
}

/// The roles a line can be marked as, in the order an article reads.
const ROLES: [LineRole; 11] = [
    LineRole::Column,
    LineRole::Kicker,
    LineRole::Title,
    LineRole::Subtitle,
    LineRole::Byline,
    LineRole::Dateline,
    LineRole::Lead,
    LineRole::Heading,
    LineRole::Paragraph,
    LineRole::Caption,
    LineRole::Furniture,
];

/// A role's name for the reader, and its key in the markup.
pub fn role_name(role: Option<LineRole>, lang: Lang) -> &'static str {
    match role {
        Some(LineRole::Column) => lang.pick("栏目", "Column"),
        Some(LineRole::Kicker) => lang.pick("引题", "Kicker"),
        Some(LineRole::Title) => lang.pick("主题", "Title"),
        Some(LineRole::Subtitle) => lang.pick("副题", "Subtitle"),
        Some(LineRole::Heading) => lang.pick("小标题", "Heading"),
        Some(LineRole::Paragraph) => lang.pick("正文", "Paragraph"),
        Some(LineRole::Caption) => lang.pick("图片说明", "Caption"),
        Some(LineRole::Furniture) => lang.pick("版面杂项", "Furniture"),
        Some(LineRole::Byline) => lang.pick("署名", "Byline"),
        Some(LineRole::Dateline) => lang.pick("电头", "Dateline"),
        Some(LineRole::Lead) => lang.pick("导语", "Lead"),
        None => lang.pick("其他", "Other"),
    }
}

fn role_key(role: LineRole) -> &'static str {
    match role {
        LineRole::Column => "column",
        LineRole::Kicker => "kicker",
        LineRole::Title => "title",
        LineRole::Subtitle => "subtitle",
        LineRole::Heading => "heading",
        LineRole::Paragraph => "paragraph",
        LineRole::Caption => "caption",
        LineRole::Furniture => "furniture",
        LineRole::Byline => "byline",
        LineRole::Dateline => "dateline",
        LineRole::Lead => "lead",
    }
}

/// A correction in force, as the list of a page's corrections names it.
pub fn describe(c: &Correction, lang: Lang) -> String {
    match (c, lang) {
        (Correction::Split { line }, Lang::Zh) => format!("从“{}”起分为另一篇", line.text),
        (Correction::Split { line }, Lang::En) => format!("Another article from “{}”", line.text),
        (Correction::Merge { line }, Lang::Zh) => format!("“{}”所在文章并入上一篇", line.text),
        (Correction::Merge { line }, Lang::En) => {
            format!("The article of “{}” merged into the one before", line.text)
        }
        (Correction::Mark { line, role }, Lang::Zh) => {
            format!("“{}”标为{}", line.text, role_name(Some(*role), lang))
        }
        (Correction::Mark { line, role }, Lang::En) => {
            format!("“{}” marked as {}", line.text, role_name(Some(*role), lang))
        }
        (Correction::Names { role, names, .. }, _) => {
            format!("{}：{}", name_role_name(*role, lang), names.join(" "))
        }
        (Correction::MoveCredit { line, to }, Lang::Zh) => {
            format!("署名“{}”移到“{}”所在文章", line.text, to.text)
        }
        (Correction::MoveCredit { line, to }, Lang::En) => {
            format!(
                "Credit “{}” moved to the article of “{}”",
                line.text, to.text
            )
        }
    }
}

const NAME_ROLES: [NameRole; 4] = [
    NameRole::Reporters,
    NameRole::Correspondents,
    NameRole::Photographers,
    NameRole::Authors,
];

fn name_role_name(role: NameRole, lang: Lang) -> &'static str {
    match role {
        NameRole::Reporters => lang.pick("记者", "Reporters"),
        NameRole::Correspondents => lang.pick("通讯员", "Correspondents"),
        NameRole::Photographers => lang.pick("摄影", "Photographers"),
        NameRole::Authors => lang.pick("作者", "Authors"),
    }
}

fn name_role_key(role: NameRole) -> &'static str {
    match role {
        NameRole::Reporters => "reporters",
        NameRole::Correspondents => "correspondents",
        NameRole::Photographers => "photographers",
        NameRole::Authors => "authors",
    }
}

/// Names as a reader types them: separated by spaces, commas or 、.
pub fn typed_names(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Why a correction no longer applies, for the reader.
fn unapplied_reason(reason: UnappliedReason, lang: Lang) -> &'static str {
    match reason {
        UnappliedReason::LineGone => {
            lang.pick("这一行已不在版面中", "the line is no longer on the page")
        }
        UnappliedReason::NotInArticle => {
            lang.pick("这一行不在任何文章中", "the line is in no article")
        }
        UnappliedReason::NothingToDo => lang.pick("已无需更改", "there is nothing left to change"),
    }
}

/// The edit mode of one article.
#[function_component]
pub fn EditMode(props: &EditModeProps) -> Html {
    let lang = props.lang;
    let page = &props.page;
    let Some(a) = page.page.articles.get(props.article) else {
        return html! {};
    };
    let edits = page
        .corrected
        .as_ref()
        .map(|c| c.edits.clone())
        .unwrap_or_else(|| PageEdits::new(page));
    let lines = article_lines(&page.page, &page.text, props.article);
    let notes = placed_reading_notes(&page.text, &page.page.diagnostics, a, lang);
    let first = lines.first().map(|l| l.line.clone());
    let first_of = |k: usize| {
        article_lines(&page.page, &page.text, k)
            .into_iter()
            .next()
            .map(|l| l.line)
    };
    let next_first = first_of(props.article + 1);
    let previous_first = props.article.checked_sub(1).and_then(first_of);
    let make = {
        let (onedit, key, edits) = (props.onedit.clone(), page.key.clone(), edits.clone());
        move |edit: Correction, follow: Span| {
            onedit.emit(EditMade {
                key: key.clone(),
                edits: edits.with(edit),
                follow,
            })
        }
    };
    let step = |next: Option<PageEdits>| {
        let (onedit, key) = (props.onedit.clone(), page.key.clone());
        let follow = a.span;
        Callback::from(move |_: MouseEvent| {
            if let Some(edits) = next.clone() {
                onedit.emit(EditMade {
                    key: key.clone(),
                    edits,
                    follow: [follow[0], follow[0]],
                })
            }
        })
    };
    let can_undo = !edits.edits().is_empty();
    let can_redo = !edits.undone.is_empty();
    let onundo = step(edits.undo());
    let onredo = step(edits.redo());
    let onexport = {
        let (onexport, edits) = (props.onexport.clone(), edits.clone());
        Callback::from(move |_: MouseEvent| onexport.emit(edits.clone()))
    };
    let merge = |line: Option<LineRef>| {
        let make = make.clone();
        // Either way the merged article holds this one's first character.
        let follow = [a.span[0], a.span[0]];
        Callback::from(move |_: MouseEvent| {
            if let Some(line) = line.clone() {
                make(Correction::Merge { line }, follow)
            }
        })
    };
    let unapplied = page
        .corrected
        .as_ref()
        .map(|c| c.unapplied.clone())
        .unwrap_or_default();
    let line_items = lines.iter().enumerate().map(|(i, l)| {
        let line = l.line.clone();
        let onmark = {
            let (make, line) = (make.clone(), line.clone());
            let current = l.role;
            Callback::from(move |e: Event| {
                let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                    return;
                };
                let role = ROLES.iter().find(|r| role_key(**r) == select.value());
                if let Some(&role) = role
                    && Some(role) != current
                {
                    make(
                        Correction::Mark {
                            line: line.clone(),
                            role,
                        },
                        line.span,
                    )
                }
            })
        };
        let onsplit = {
            let (make, line) = (make.clone(), line.clone());
            Callback::from(move |_: MouseEvent| {
                make(Correction::Split { line: line.clone() }, line.span)
            })
        };
        // A credit can go to the article before or after, named by its first line.
        let credit = l.role == Some(LineRole::Byline);
        let move_to = |to: Option<LineRef>| {
            let (make, line) = (make.clone(), line.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(to) = to.clone() {
                    let follow = to.span;
                    make(
                        Correction::MoveCredit {
                            line: line.clone(),
                            to,
                        },
                        follow,
                    )
                }
            })
        };
        let here: Vec<&String> = notes
            .iter()
            .filter(|(s, _)| s[0] < l.line.span[1] && l.line.span[0] < s[1].max(s[0] + 1))
            .map(|(_, n)| n)
            .collect();
        let label = format!("{}：{}", lang.pick("标为", "Mark as"), l.line.text);
        html! {
            <li class={classes!("edit-line", l.role.map(|r| format!("role-{}", role_key(r))), (!here.is_empty()).then_some("unsure"))}
                data-span={format!("{}-{}", l.line.span[0], l.line.span[1])}>
                <span class="edit-role">{ role_name(l.role, lang) }</span>
                <span class="edit-text">{ l.line.text.clone() }</span>
                { for here.iter().map(|n| html! {
                    <span class="edit-note" role="note">{ "⚠ " }{ (*n).clone() }</span>
                }) }
                <span class="edit-actions">
                    <select class="mark" aria-label={label} onchange={onmark}>
                        <option value="" selected={l.role.is_none()} disabled=true>{ role_name(None, lang) }</option>
                        { for ROLES.iter().map(|r| html! {
                            <option value={role_key(*r)} selected={l.role == Some(*r)}>{ role_name(Some(*r), lang) }</option>
                        }) }
                    </select>
                    if i > 0 {
                        <button type="button" class="split" onclick={onsplit}
                            title={lang.pick("从这一行起是另一篇文章", "Another article begins at this line")}>
                            { lang.pick("从此行分篇", "Split here") }
                        </button>
                    }
                    if credit && previous_first.is_some() {
                        <button type="button" class="credit-previous" onclick={move_to(previous_first.clone())}>
                            { lang.pick("署名移到上一篇", "Credit to previous") }
                        </button>
                    }
                    if credit && next_first.is_some() {
                        <button type="button" class="credit-next" onclick={move_to(next_first.clone())}>
                            { lang.pick("署名移到下一篇", "Credit to next") }
                        </button>
                    }
                </span>
            </li>
        }
    });
    let name_rows = NAME_ROLES.iter().map(|&role| {
        let input = NodeRef::default();
        let current = match role {
            NameRole::Reporters => &a.byline.reporters,
            NameRole::Correspondents => &a.byline.correspondents,
            NameRole::Photographers => &a.byline.photographers,
            NameRole::Authors => &a.byline.authors,
        }
        .join(" ");
        let onsubmit = {
            let (make, input, first) = (make.clone(), input.clone(), first.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let (Some(field), Some(line)) = (input.cast::<HtmlInputElement>(), first.clone())
                else {
                    return;
                };
                let names = typed_names(&field.value());
                let follow = line.span;
                make(Correction::Names { line, role, names }, follow)
            })
        };
        let id = format!("edit-names-{}", name_role_key(role));
        html! {
            <form class={classes!("edit-names", name_role_key(role))} onsubmit={onsubmit}>
                <label for={id.clone()}>{ name_role_name(role, lang) }</label>
                <input id={id} ref={input} type="text" value={current}
                    placeholder={lang.pick("以空格分隔", "separated by spaces")} />
                <button type="submit">{ lang.pick("设定", "Set") }</button>
            </form>
        }
    });
    html! {
        <section class="edit-mode" aria-label={lang.pick("校正", "Corrections")}>
            <div class="edit-toolbar" role="toolbar" aria-label={lang.pick("校正操作", "Correction actions")}>
                <button type="button" class="undo" disabled={!can_undo} onclick={onundo}>{ lang.pick("撤销", "Undo") }</button>
                <button type="button" class="redo" disabled={!can_redo} onclick={onredo}>{ lang.pick("重做", "Redo") }</button>
                if props.article > 0 {
                    <button type="button" class="merge-previous" onclick={merge(first.clone())}>
                        { lang.pick("并入上一篇", "Merge into previous") }
                    </button>
                }
                if next_first.is_some() {
                    <button type="button" class="merge-next" onclick={merge(next_first.clone())}>
                        { lang.pick("并入下一篇", "Merge next into this") }
                    </button>
                }
                <button type="button" class="export-corrections" disabled={!can_undo} onclick={onexport}>
                    { lang.pick("导出校正文件", "Export corrections") }
                </button>
                <span class="edit-count" role="status">
                    { match lang {
                        Lang::Zh => format!("本版 {} 处校正", edits.edits().len()),
                        Lang::En => format!("{} corrections on this page", edits.edits().len()),
                    } }
                </span>
            </div>
            if !unapplied.is_empty() {
                <div class="unapplied" role="alert">
                    <p>{ lang.pick("以下校正已不适用：", "These corrections no longer apply:") }</p>
                    <ul>
                        { for unapplied.iter().map(|u| html! {
                            <li>{ format!("“{}”：{}", u.line, unapplied_reason(u.reason, lang)) }</li>
                        }) }
                    </ul>
                </div>
            }
            <p class="edit-help">
                { lang.pick(
                    "每行左侧是解析结果；选择“标为”可改正，“从此行分篇”把这一行起的内容分为另一篇文章。校正与原文分开保存，原文不变。",
                    "Each line shows what the parser read; “Mark as” corrects it, “Split here” starts another article at that line. Corrections are kept apart from the source text, which stays unchanged.",
                ) }
            </p>
            <ol class="edit-lines">{ for line_items }</ol>
            if !edits.edits().is_empty() {
                <details class="edit-list">
                    <summary>{ match lang {
                        Lang::Zh => format!("本版的校正（{}）", edits.edits().len()),
                        Lang::En => format!("This page's corrections ({})", edits.edits().len()),
                    } }</summary>
                    <ol>{ for edits.edits().iter().map(|c| html! { <li>{ describe(c, lang) }</li> }) }</ol>
                </details>
            }
            <fieldset class="edit-byline">
                <legend>{ lang.pick("署名", "Names") }</legend>
                { for name_rows }
            </fieldset>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_correction_is_described_in_both_languages() {
        let line = LineRef {
            span: [0, 6],
            text: "城东公园开放".into(),
        };
        let all = [
            Correction::Split { line: line.clone() },
            Correction::Merge { line: line.clone() },
            Correction::Mark {
                line: line.clone(),
                role: LineRole::Lead,
            },
            Correction::Names {
                line: line.clone(),
                role: NameRole::Reporters,
                names: vec!["刘洋".into()],
            },
            Correction::MoveCredit {
                line: line.clone(),
                to: line.clone(),
            },
        ];
        for c in &all {
            assert!(
                describe(c, Lang::Zh).contains("城东公园开放")
                    || describe(c, Lang::Zh).contains("刘洋")
            );
            assert!(!describe(c, Lang::En).is_empty());
        }
        assert_eq!(describe(&all[2], Lang::Zh), "“城东公园开放”标为导语");
        for r in ROLES {
            assert_ne!(role_name(Some(r), Lang::Zh), role_name(None, Lang::Zh));
        }
    }

    #[test]
    fn typed_names_split_at_spaces_commas_and_enumeration_marks() {
        assert_eq!(
            typed_names(" 王超  李铮、张三，李四"),
            ["王超", "李铮", "张三", "李四"]
        );
        assert!(typed_names("  ").is_empty());
    }
}
