//! Turning bytes a reader brings (a file, pasted text, a URL) into library pages, with a clear
//! reason for everything that cannot become one. Pure: tested natively.

use kanbao_parse::{DiagnosticCode, Gb18030, Page};

use crate::error::AppError;
use crate::library::{LibraryPage, Origin, page_key};

pub use kanbao_files::{LIBRARY_SCHEMA, LibraryFile, MAX_LIBRARY_BYTES, MAX_PAGE_BYTES, PageText};

/// Whether a file the reader chose is a library file (`kanbao-library.json`) rather than a
/// page: by its name, as the export names it. Pages that arrive as text (pasted, or from a
/// host page) are pages whatever their name.
pub fn is_library_file(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".json")
}

/// What an address on the site (`?src=`) points to, by the name of its file: a page
/// (`.txt`, `.text`, or no extension), a manifest listing pages (`.json`), or neither: the
/// app's own files (`sw.js`, `index.html`, wasm) are never read as pages.
pub fn src_kind(file_name: &str) -> Result<SrcKind, AppError> {
    let lower = file_name.to_ascii_lowercase();
    match lower.rsplit_once('.') {
        Some((_, "json")) => Ok(SrcKind::Manifest),
        Some((_, "txt" | "text")) | None => Ok(SrcKind::Page),
        Some(_) => Err(AppError::NotAPage),
    }
}

/// What a `?src=` address holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SrcKind {
    /// A page's text.
    Page,
    /// A manifest listing pages (`kanbao_files::Manifest`).
    Manifest,
}

/// Checks a library file's size before reading it.
pub fn check_library_size(bytes: u64) -> Result<(), AppError> {
    if bytes > MAX_LIBRARY_BYTES {
        Err(AppError::LibraryTooLarge { bytes })
    } else {
        Ok(())
    }
}

/// The pages of a library file read as JSON, or why it is none. Each page still goes through
/// [`page_from_bytes`], like any other.
pub fn library_pages(file: LibraryFile) -> Result<Vec<PageText>, AppError> {
    if file.schema != LIBRARY_SCHEMA {
        return Err(AppError::BadLibraryFile {
            detail: format!("schema {}", file.schema),
        });
    }
    Ok(file.pages)
}

/// Checks a size before reading a file.
pub fn check_size(bytes: u64) -> Result<(), AppError> {
    if bytes > MAX_PAGE_BYTES {
        Err(AppError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// Decodes and parses the bytes of one page file, GB18030 with `gb18030`.
pub fn page_from_bytes(
    name: &str,
    paper: Option<String>,
    bytes: &[u8],
    origin: Origin,
    gb18030: &dyn Gb18030,
) -> Result<LibraryPage, AppError> {
    check_size(bytes.len() as u64)?;
    let decoded = kanbao_parse::decode_with(bytes, gb18030);
    let parsed = kanbao_parse::parse_decoded(&decoded, name);
    // Spans index the decoded text, which the reader's "source" view shows.
    accept(parsed, decoded.text, paper, origin)
}

/// Takes a parsed page into the library, or says why not.
pub fn accept(
    parsed: Page,
    text: String,
    paper: Option<String>,
    origin: Origin,
) -> Result<LibraryPage, AppError> {
    let diagnostics = &parsed.diagnostics;
    if let Some(d) = diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::Binary)
    {
        return Err(AppError::NotText {
            detail: d.message.clone(),
        });
    }
    if diagnostics.iter().any(|d| d.code == DiagnosticCode::Empty) {
        return Err(AppError::Empty);
    }
    if parsed.articles.is_empty() {
        return Err(AppError::NoArticles);
    }
    Ok(LibraryPage {
        key: page_key(&text),
        paper,
        text,
        page: parsed,
        origin,
        corrected: None,
    })
}

#[cfg(test)]
mod tests {
    use kanbao_parse::EncodingRs;

    use super::*;
    use crate::i18n::Lang;

    const NEWS: &str = "海港新闻\n\n本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。\n";

    #[test]
    fn a_page_file_imports_with_its_encoding() {
        let (gbk, _, _) = encoding_rs::GB18030.encode(NEWS);
        let page =
            page_from_bytes("gbk.txt", None, &gbk, Origin::Imported, &EncodingRs).expect("imports");
        assert_eq!(page.page.source.encoding, kanbao_parse::Encoding::Gb18030);
        assert_eq!(page.page.articles[0].title, "海港新闻");
        assert_eq!(page.key, crate::library::page_key(NEWS));
    }

    #[test]
    fn a_library_file_has_its_own_limit_and_its_pages_are_checked_as_pages() {
        assert!(check_library_size(41 * 1024 * 1024).is_ok());
        assert!(matches!(
            check_library_size(MAX_LIBRARY_BYTES + 1),
            Err(AppError::LibraryTooLarge { .. })
        ));
        let file = LibraryFile {
            schema: LIBRARY_SCHEMA.into(),
            pages: vec![
                PageText {
                    name: "news.txt".into(),
                    paper: Some("海港日报".into()),
                    text: NEWS.into(),
                    corrections: None,
                },
                PageText {
                    name: "empty.txt".into(),
                    paper: None,
                    text: String::new(),
                    corrections: None,
                },
            ],
        };
        let expected = file.pages.clone();
        let pages = library_pages(file).expect("a library file");
        assert_eq!(pages, expected);
        let results: Vec<_> = pages
            .iter()
            .map(|p| {
                page_from_bytes(
                    &p.name,
                    p.paper.clone(),
                    p.text.as_bytes(),
                    Origin::Imported,
                    &EncodingRs,
                )
            })
            .collect();
        assert!(results[0].is_ok());
        assert_eq!(results[1].as_ref().err(), Some(&AppError::Empty));
        let other = LibraryFile {
            schema: "other/1".into(),
            pages: vec![],
        };
        assert!(matches!(
            library_pages(other),
            Err(AppError::BadLibraryFile { .. })
        ));
        assert!(is_library_file("kanbao-library.JSON"));
        assert!(!is_library_file("page.txt"));
    }

    #[test]
    fn only_pages_and_manifests_load_from_an_address() {
        assert_eq!(src_kind("page.txt"), Ok(SrcKind::Page));
        assert_eq!(src_kind("2023-11-20"), Ok(SrcKind::Page));
        assert_eq!(src_kind("library.json"), Ok(SrcKind::Manifest));
        assert_eq!(src_kind("sw.js"), Err(AppError::NotAPage));
        assert_eq!(src_kind("index.html"), Err(AppError::NotAPage));
        assert_eq!(src_kind("kanbao-web_bg.wasm"), Err(AppError::NotAPage));
    }

    #[test]
    fn binary_empty_and_huge_inputs_are_refused_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
        let err = page_from_bytes("photo.png", None, png, Origin::Imported, &EncodingRs)
            .expect_err("refused");
        assert!(matches!(err, AppError::NotText { .. }), "{err:?}");
        assert!(
            err.import_message("photo.png", Lang::Zh)
                .starts_with("无法导入 photo.png：这不是文本文件")
        );
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\0\0";
        assert!(matches!(
            page_from_bytes("a.pdf", None, pdf, Origin::Imported, &EncodingRs),
            Err(AppError::NotText { .. })
        ));
        assert_eq!(
            page_from_bytes("e.txt", None, b"", Origin::Imported, &EncodingRs).err(),
            Some(AppError::Empty)
        );
        assert_eq!(
            page_from_bytes("e.txt", None, b" \n\r\n", Origin::Imported, &EncodingRs).err(),
            Some(AppError::Empty)
        );
        let err = check_size(50_000_000).expect_err("too large");
        assert_eq!(
            err.import_message("big.txt", Lang::En),
            "Could not import big.txt: the file is too large (50.0 MB); newspaper page text is never over 16 MB"
        );
    }
}
