//! Turning bytes a reader brings (a file, pasted text, a URL) into library pages, with a clear
//! reason for everything that cannot become one. Pure: tested natively.

use kanbao_parse::{DiagnosticCode, Gb18030, Page};

use crate::i18n::{Lang, megabytes};
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
pub fn src_kind(file_name: &str) -> Result<SrcKind, ImportError> {
    let lower = file_name.to_ascii_lowercase();
    match lower.rsplit_once('.') {
        Some((_, "json")) => Ok(SrcKind::Manifest),
        Some((_, "txt" | "text")) | None => Ok(SrcKind::Page),
        Some(_) => Err(ImportError::NotAPage),
    }
}

/// What a `?src=` address holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SrcKind {
    Page,
    Manifest,
}

/// Checks a library file's size before reading it.
pub fn check_library_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_LIBRARY_BYTES {
        Err(ImportError::LibraryTooLarge { bytes })
    } else {
        Ok(())
    }
}

/// The pages of a library file read as JSON, or why it is none. Each page still goes through
/// [`page_from_bytes`], like any other.
pub fn library_pages(file: Result<LibraryFile, String>) -> Result<Vec<PageText>, ImportError> {
    let file = file.map_err(|detail| ImportError::BadLibraryFile { detail })?;
    if file.schema != LIBRARY_SCHEMA {
        return Err(ImportError::BadLibraryFile {
            detail: format!("schema {}", file.schema),
        });
    }
    Ok(file.pages)
}

/// Why something could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: u64,
    },
    LibraryTooLarge {
        bytes: u64,
    },
    Empty,
    /// Not text: the parser's description of what it looks like.
    NotText {
        detail: String,
    },
    NoArticles,
    Unreadable {
        detail: String,
    },
    Network {
        detail: String,
    },
    OtherSite,
    /// An address on the site that is no page and no manifest (`sw.js`, `index.html`).
    NotAPage,
    BadLibraryFile {
        detail: String,
    },
    Storage {
        detail: String,
    },
    QuotaExceeded,
}

impl ImportError {
    /// The reason, for a person, in their language.
    pub fn reason(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::TooLarge { bytes }, Lang::Zh) => format!(
                "文件过大（{} MB），报纸版面文本不会超过 {} MB",
                megabytes(*bytes as f64),
                MAX_PAGE_BYTES / 1024 / 1024
            ),
            (ImportError::TooLarge { bytes }, Lang::En) => format!(
                "the file is too large ({} MB); newspaper page text is never over {} MB",
                megabytes(*bytes as f64),
                MAX_PAGE_BYTES / 1024 / 1024
            ),
            (ImportError::LibraryTooLarge { bytes }, Lang::Zh) => format!(
                "文库文件过大（{} MB），最大 {} MB",
                megabytes(*bytes as f64),
                MAX_LIBRARY_BYTES / 1024 / 1024
            ),
            (ImportError::LibraryTooLarge { bytes }, Lang::En) => format!(
                "the library file is too large ({} MB); the limit is {} MB",
                megabytes(*bytes as f64),
                MAX_LIBRARY_BYTES / 1024 / 1024
            ),
            (ImportError::Empty, _) => lang.pick("文件是空的", "the file is empty").into(),
            (ImportError::NotText { detail }, Lang::Zh) => format!("这不是文本文件（{detail}）"),
            (ImportError::NotText { detail }, Lang::En) => format!("this is not a text file ({detail})"),
            (ImportError::NoArticles, _) => lang
                .pick("没有识别出文章，这可能不是报纸版面的文字", "no article was found; this may not be newspaper page text")
                .into(),
            (ImportError::Unreadable { detail }, Lang::Zh) => format!("无法读取文件（{detail}）"),
            (ImportError::Unreadable { detail }, Lang::En) => format!("the file could not be read ({detail})"),
            (ImportError::Network { detail }, Lang::Zh) => format!("无法从网络读取（{detail}）"),
            (ImportError::Network { detail }, Lang::En) => format!("it could not be fetched ({detail})"),
            (ImportError::OtherSite, _) => lang
                .pick("只能加载本站的地址", "only addresses on this site can be loaded")
                .into(),
            (ImportError::NotAPage, _) => lang
                .pick(
                    "只能加载版面文本（.txt）或版面清单（.json）",
                    "only page text (.txt) or a list of pages (.json) can be loaded",
                )
                .into(),
            (ImportError::BadLibraryFile { detail }, Lang::Zh) => format!("文库文件格式有误（{detail}）"),
            (ImportError::BadLibraryFile { detail }, Lang::En) => format!("the library file is malformed ({detail})"),
            (ImportError::Storage { detail }, Lang::Zh) => format!("无法保存到浏览器（{detail}），文库保持不变"),
            (ImportError::Storage { detail }, Lang::En) => {
                format!("it could not be saved in the browser ({detail}); the library is unchanged")
            }
            (ImportError::QuotaExceeded, _) => lang
                .pick(
                    "浏览器存储空间已满，未能保存；文库保持不变。可以先移除一些版面",
                    "browser storage is full, so it was not saved; the library is unchanged. Remove some pages first",
                )
                .into(),
        }
    }

    /// `name: reason`, the line the reader sees.
    pub fn message(&self, name: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("无法导入 {name}：{}", self.reason(lang)),
            Lang::En => format!("Could not import {name}: {}", self.reason(lang)),
        }
    }
}

/// Checks a size before reading a file.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_PAGE_BYTES {
        Err(ImportError::TooLarge { bytes })
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
) -> Result<LibraryPage, ImportError> {
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
) -> Result<LibraryPage, ImportError> {
    let diagnostics = &parsed.diagnostics;
    if let Some(d) = diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::Binary)
    {
        return Err(ImportError::NotText {
            detail: d.message.clone(),
        });
    }
    if diagnostics.iter().any(|d| d.code == DiagnosticCode::Empty) {
        return Err(ImportError::Empty);
    }
    if parsed.articles.is_empty() {
        return Err(ImportError::NoArticles);
    }
    Ok(LibraryPage {
        key: page_key(&text),
        paper,
        text,
        page: parsed,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use kanbao_parse::EncodingRs;

    use super::*;

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
            Err(ImportError::LibraryTooLarge { .. })
        ));
        let file = LibraryFile {
            schema: LIBRARY_SCHEMA.into(),
            pages: vec![
                PageText {
                    name: "news.txt".into(),
                    paper: Some("海港日报".into()),
                    text: NEWS.into(),
                },
                PageText {
                    name: "empty.txt".into(),
                    paper: None,
                    text: String::new(),
                },
            ],
        };
        let expected = file.pages.clone();
        let pages = library_pages(Ok(file)).expect("a library file");
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
        assert_eq!(results[1].as_ref().err(), Some(&ImportError::Empty));
        let other = LibraryFile {
            schema: "other/1".into(),
            pages: vec![],
        };
        assert!(matches!(
            library_pages(Ok(other)),
            Err(ImportError::BadLibraryFile { .. })
        ));
        assert!(matches!(
            library_pages(Err("not JSON".into())),
            Err(ImportError::BadLibraryFile { .. })
        ));
        assert!(is_library_file("kanbao-library.JSON"));
        assert!(!is_library_file("page.txt"));
    }

    #[test]
    fn only_pages_and_manifests_load_from_an_address() {
        assert_eq!(src_kind("page.txt"), Ok(SrcKind::Page));
        assert_eq!(src_kind("2023-11-20"), Ok(SrcKind::Page));
        assert_eq!(src_kind("library.json"), Ok(SrcKind::Manifest));
        assert_eq!(src_kind("sw.js"), Err(ImportError::NotAPage));
        assert_eq!(src_kind("index.html"), Err(ImportError::NotAPage));
        assert_eq!(src_kind("kanbao-web_bg.wasm"), Err(ImportError::NotAPage));
    }

    #[test]
    fn binary_empty_and_huge_inputs_are_refused_with_a_reason() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01";
        let err = page_from_bytes("photo.png", None, png, Origin::Imported, &EncodingRs)
            .expect_err("refused");
        assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
        assert!(
            err.message("photo.png", Lang::Zh)
                .starts_with("无法导入 photo.png：这不是文本文件")
        );
        let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\0\0";
        assert!(matches!(
            page_from_bytes("a.pdf", None, pdf, Origin::Imported, &EncodingRs),
            Err(ImportError::NotText { .. })
        ));
        assert_eq!(
            page_from_bytes("e.txt", None, b"", Origin::Imported, &EncodingRs).err(),
            Some(ImportError::Empty)
        );
        assert_eq!(
            page_from_bytes("e.txt", None, b" \n\r\n", Origin::Imported, &EncodingRs).err(),
            Some(ImportError::Empty)
        );
        let err = check_size(50_000_000).expect_err("too large");
        assert_eq!(
            err.message("big.txt", Lang::En),
            "Could not import big.txt: the file is too large (50.0 MB); newspaper page text is never over 16 MB"
        );
    }
}
