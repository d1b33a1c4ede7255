//! A reader's corrections of a page: what a curator fixed where the parser read the page wrong,
//! kept apart from the page's text (`kanbao_parse::correct`) with undo and redo, applied each
//! time the page is read, and exported as the sidecar file `kanbao build` applies too.
//! Pure logic: no browser API, so it is tested natively.

use kanbao_parse::Page;
use kanbao_parse::correct::{
    self, CORRECTIONS_FORMAT, CorrectedSource, Correction, Corrections, Unapplied,
};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::library::LibraryPage;

/// A page's corrections as the reader keeps them: those in force, in the order they were made,
/// and those undone, which redo brings back (last undone first). Stored in IndexedDB under the
/// page's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEdits {
    pub corrections: Corrections,
    #[serde(default)]
    pub undone: Vec<Correction>,
}

impl PageEdits {
    /// No corrections yet, for a page of the library.
    pub fn new(page: &LibraryPage) -> PageEdits {
        PageEdits {
            corrections: Corrections {
                format: CORRECTIONS_FORMAT.to_owned(),
                source: CorrectedSource {
                    name: page.page.source.name.clone(),
                    bytes: page.text.len(),
                    hash: correct::source_hash(page.text.as_bytes()),
                },
                edits: Vec::new(),
            },
            undone: Vec::new(),
        }
    }

    /// The corrections in force.
    pub fn edits(&self) -> &[Correction] {
        &self.corrections.edits
    }

    /// These corrections and one more; what was undone can no longer be redone.
    pub fn with(&self, edit: Correction) -> PageEdits {
        let mut next = self.clone();
        next.corrections.edits.push(edit);
        next.undone.clear();
        next
    }

    /// Without the last correction, which redo brings back; `None` when there is none.
    pub fn undo(&self) -> Option<PageEdits> {
        let mut next = self.clone();
        let last = next.corrections.edits.pop()?;
        next.undone.push(last);
        Some(next)
    }

    /// With the last undone correction again; `None` when nothing was undone.
    pub fn redo(&self) -> Option<PageEdits> {
        let mut next = self.clone();
        let again = next.undone.pop()?;
        next.corrections.edits.push(again);
        Some(next)
    }

    /// The sidecar file's name: the page's name with `.kanbao.json` added, as `kanbao parse`
    /// and `kanbao build` look for it beside the page.
    pub fn sidecar_name(&self) -> String {
        let name = self.corrections.source.name.rsplit(['/', '\\']).next();
        format!("{}.kanbao.json", name.unwrap_or("page.txt"))
    }

    /// The sidecar file: the corrections in force, as `kanbao build` reads them.
    pub fn sidecar(&self) -> String {
        serde_json::to_string_pretty(&self.corrections).unwrap_or_default()
    }
}

/// Reads a sidecar file (`page.txt.kanbao.json`); what is not one is refused, naming why.
pub fn read_sidecar(json: &str) -> Result<Corrections, AppError> {
    let c: Corrections = serde_json::from_str(json).map_err(|e| AppError::BadCorrections {
        detail: e.to_string(),
    })?;
    if c.format != CORRECTIONS_FORMAT {
        return Err(AppError::BadCorrections {
            detail: format!("format “{}”, not {CORRECTIONS_FORMAT}", c.format),
        });
    }
    Ok(c)
}

/// What tells a page of the library apart for a sidecar: its key, name and the hash of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageId {
    pub key: String,
    pub name: String,
    pub hash: String,
}

impl PageId {
    pub fn of(page: &LibraryPage) -> PageId {
        PageId {
            key: page.key.clone(),
            name: page.page.source.name.clone(),
            hash: correct::source_hash(page.text.as_bytes()),
        }
    }
}

/// The page of a sidecar among `pages`: the one of the same name and text, else the one of the
/// same text, else the one of the same name (the page exported again: its corrections' lines are
/// looked for by their text).
pub fn page_of_sidecar<'a>(pages: &'a [PageId], c: &Corrections) -> Option<&'a PageId> {
    let name = |p: &&PageId| p.name == c.source.name;
    let same_text = |p: &&PageId| p.hash == c.source.hash;
    pages
        .iter()
        .find(|p| name(p) && same_text(p))
        .or_else(|| pages.iter().find(same_text))
        .or_else(|| pages.iter().find(name))
}

/// What the corrections did to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrected {
    pub edits: PageEdits,
    /// Those that no longer apply (their line is gone from the page, or there was nothing to do).
    pub unapplied: Vec<Unapplied>,
}

/// The parser's reading of `text` with `edits` applied, keeping what `parsed` (the parser's
/// reading of the same text) knew of the file it came from: its encoding, size and decoding
/// notes. Returns the page and the corrections that did not apply.
pub fn apply(parsed: &Page, text: &str, edits: &[Correction]) -> (Page, Vec<Unapplied>) {
    let mut page = kanbao_parse::parse_str(text, &parsed.source.name);
    page.source = parsed.source.clone();
    page.diagnostics.extend(
        parsed
            .diagnostics
            .iter()
            .filter(|d| !d.code.is_reading() && !page.diagnostics.contains(d))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let unapplied = correct::apply(&mut page, text, edits);
    (page, unapplied)
}

#[cfg(test)]
mod tests {
    use kanbao_parse::correct::{LineRef, LineRole, UnappliedReason};

    use super::*;
    use crate::library::Origin;

    /// Two reports the parser reads as one.
    const PAGE: &str = "港口新航线开通\n\n本报讯（记者 林海）近日，港口开通新航线。\n\n新航线每周两班。\n\n城东公园开放\n\n市民可免费入园。\n";

    fn line(text: &str) -> LineRef {
        let at = PAGE.find(text).unwrap_or(0);
        LineRef {
            span: [at, at + text.len()],
            text: text.into(),
        }
    }

    fn page() -> LibraryPage {
        LibraryPage::new("A01.txt", None, PAGE.into(), Origin::Imported)
    }

    #[test]
    fn undo_takes_the_last_correction_back_and_redo_brings_it_again() {
        let p = page();
        let none = PageEdits::new(&p);
        assert_eq!(none.undo(), None);
        assert_eq!(none.redo(), None);
        let split = Correction::Split {
            line: line("城东公园开放"),
        };
        let heading = Correction::Mark {
            line: line("新航线每周两班。"),
            role: LineRole::Heading,
        };
        let two = none.with(split.clone()).with(heading.clone());
        assert_eq!(two.edits(), [split.clone(), heading.clone()]);
        let one = two.undo().expect("undoes");
        assert_eq!(one.edits(), std::slice::from_ref(&split));
        assert_eq!(one.redo(), Some(two.clone()));
        // A new correction after an undo drops what could be redone.
        let other = one.with(heading.clone());
        assert!(other.undone.is_empty());
        assert_eq!(other.redo(), None);
    }

    #[test]
    fn the_sidecar_names_the_page_and_reads_back() {
        let p = page();
        let edits = PageEdits::new(&p).with(Correction::Split {
            line: line("城东公园开放"),
        });
        assert_eq!(edits.sidecar_name(), "A01.txt.kanbao.json");
        let back = read_sidecar(&edits.sidecar()).expect("reads back");
        assert_eq!(back, edits.corrections);
        assert_eq!(back.source.hash, correct::source_hash(PAGE.as_bytes()));
        let other = LibraryPage::new(
            "A02.txt",
            None,
            "别的版面\n\n本报讯 另一条消息。\n".into(),
            Origin::Imported,
        );
        let pages = [PageId::of(&other), PageId::of(&p)];
        assert_eq!(page_of_sidecar(&pages, &back).map(|p| &p.key), Some(&p.key));
        let mut renamed = back.clone();
        renamed.source.name = "B01.txt".into();
        assert_eq!(
            page_of_sidecar(&pages, &renamed).map(|p| &p.key),
            Some(&p.key)
        );
        let mut changed = back.clone();
        changed.source.hash = "0".repeat(16);
        assert_eq!(
            page_of_sidecar(&pages, &changed).map(|p| &p.key),
            Some(&p.key)
        );
        changed.source.name = "B01.txt".into();
        assert_eq!(page_of_sidecar(&pages, &changed), None);
        assert!(matches!(
            read_sidecar("{\"format\": \"other\"}"),
            Err(AppError::BadCorrections { .. })
        ));
        let mut wrong = back.clone();
        wrong.format = "kanbao.corrections/9".into();
        let json = serde_json::to_string(&wrong).unwrap_or_default();
        assert!(matches!(
            read_sidecar(&json),
            Err(AppError::BadCorrections { .. })
        ));
    }

    #[test]
    fn corrections_apply_to_the_parsers_reading_and_report_those_that_no_longer_do() {
        let p = page();
        let split = Correction::Split {
            line: line("城东公园开放"),
        };
        let (corrected, unapplied) = apply(&p.page, &p.text, std::slice::from_ref(&split));
        let n = p.page.articles.len();
        if n == 1 {
            assert!(unapplied.is_empty());
            assert_eq!(corrected.articles.len(), 2);
            assert_eq!(corrected.articles[1].title, "城东公园开放");
        }
        assert_eq!(corrected.source, p.page.source);
        let gone = Correction::Split {
            line: LineRef {
                span: [0, 6],
                text: "不在此版的一行".into(),
            },
        };
        let (_, unapplied) = apply(&p.page, &p.text, &[gone]);
        assert_eq!(unapplied.len(), 1);
        assert_eq!(unapplied[0].reason, UnappliedReason::LineGone);
    }
}
