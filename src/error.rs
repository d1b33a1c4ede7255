//! The app's one error type: every failure a reader can meet, with the detail it needs and its
//! message in each interface language. Functions that can fail return `Result<_, AppError>`;
//! what shows an error calls [`AppError::message`] in the reader's language, at the moment it
//! shows it. Pure: tested natively. Values of the browser become errors in [`crate::js`].

use kanbao_search::{ARCHIVE_FORMAT, ArchiveError};

use crate::i18n::{Lang, megabytes};
use crate::import::{MAX_LIBRARY_BYTES, MAX_PAGE_BYTES};

/// Why something the reader asked for could not be done.
///
/// A `detail` is what the browser or a library said, as it said it (often in English); the
/// message around it is in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// A page over [`MAX_PAGE_BYTES`].
    TooLarge {
        /// The page's size.
        bytes: u64,
    },
    /// A library file over [`MAX_LIBRARY_BYTES`].
    LibraryTooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// A page with no text at all, or only blanks.
    Empty,
    /// A page that is not text.
    NotText {
        /// The parser's description of what it looks like.
        detail: String,
    },
    /// A page in which the parser found no article.
    NoArticles,
    /// A file the browser could not read.
    Unreadable {
        /// The browser's reason.
        detail: String,
    },
    /// A page or manifest that could not be fetched.
    Network {
        /// What the request or the server said (`HTTP 404 Not Found`).
        detail: String,
    },
    /// A `?src=` address that is no address at all.
    BadAddress {
        /// The browser's reason.
        detail: String,
    },
    /// A `?src=` address on another site.
    OtherSite,
    /// An address on the site that is no page and no manifest (`sw.js`, `index.html`).
    NotAPage,
    /// A library file or a manifest that is not what it should be: not JSON, or not of its
    /// schema.
    BadLibraryFile {
        /// What is wrong with it.
        detail: String,
    },
    /// The browser's storage (IndexedDB) failed to save or remove.
    Storage {
        /// The browser's `name: message`.
        detail: String,
    },
    /// The browser's storage (IndexedDB) failed to read.
    StorageRead {
        /// The browser's `name: message`.
        detail: String,
    },
    /// The browser's storage is full.
    QuotaExceeded,
    /// A record in the browser's storage that cannot be read as a stored page.
    BadRecord {
        /// What is wrong with it.
        detail: String,
    },
    /// A file offered as collections that is neither an exported collections file nor its CSV.
    BadCollections {
        /// What is wrong with it.
        detail: String,
    },
    /// A file offered as a page's corrections that is not a corrections file
    /// (`page.txt.kanbao.json`).
    BadCorrections {
        /// What is wrong with it.
        detail: String,
    },
    /// A file of the archive could not be fetched.
    ArchiveUnreachable {
        /// The file's address.
        url: String,
        /// What the request or the server said.
        detail: String,
    },
    /// A packed archive's server answered a Range request with the whole file: packed
    /// archives need a server that answers Range requests. The download is stopped at once.
    RangeIgnored {
        /// The pack's address.
        url: String,
    },
    /// A file of the archive stored gzipped that is not gzip.
    ArchiveNotGzip {
        /// The file's address.
        url: String,
        /// The browser's decompressor's reason.
        detail: String,
    },
    /// The archive is gzipped and this browser has no `DecompressionStream` to read it.
    NoDecompression {
        /// The archive's manifest, which says it is gzipped.
        url: String,
    },
    /// A file of the archive that does not hold what its kind should: records that are not
    /// JSON, index files that are not the index's encoding.
    ArchiveCorrupt {
        /// The file's address, or the index's folder where no one file can be named.
        url: String,
        /// What is wrong with it.
        detail: String,
    },
    /// An archive of another format or version than this app reads.
    ArchiveFormat {
        /// The manifest's address.
        url: String,
        /// The format its manifest names.
        found: String,
    },
    /// The archive's search lacked an index file it needs.
    ArchiveIncomplete {
        /// The file's path in the index (`positions/0001.bin`).
        path: String,
    },
    /// The parse worker did not start, so nothing it was asked came back.
    WorkerNotStarted,
    /// The parse worker stopped while it was asked something.
    WorkerStopped,
    /// The parse worker could not be asked, or answered with an error.
    WorkerFailed {
        /// The browser's or the worker's reason.
        detail: String,
    },
    /// An export could not be written.
    ExportFailed {
        /// The serialiser's reason.
        detail: String,
    },
    /// The browser refused to offer a download.
    DownloadRefused {
        /// The browser's reason.
        detail: String,
    },
}

impl AppError {
    /// What went wrong, for the reader, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let (zh, en) = self.texts();
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The message in Chinese and in English, side by side so that neither is forgotten.
    fn texts(&self) -> (String, String) {
        match self {
            AppError::TooLarge { bytes } => {
                let (size, max) = (megabytes(*bytes as f64), MAX_PAGE_BYTES / 1024 / 1024);
                (
                    format!("文件过大（{size} MB），报纸版面文本不会超过 {max} MB"),
                    format!(
                        "the file is too large ({size} MB); newspaper page text is never over {max} MB"
                    ),
                )
            }
            AppError::LibraryTooLarge { bytes } => {
                let (size, max) = (megabytes(*bytes as f64), MAX_LIBRARY_BYTES / 1024 / 1024);
                (
                    format!("文库文件过大（{size} MB），最大 {max} MB"),
                    format!("the library file is too large ({size} MB); the limit is {max} MB"),
                )
            }
            AppError::Empty => fixed("文件是空的", "the file is empty"),
            AppError::NotText { detail } => {
                with_detail("这不是文本文件", "this is not a text file", detail)
            }
            AppError::NoArticles => fixed(
                "没有识别出文章，这可能不是报纸版面的文字",
                "no article was found; this may not be newspaper page text",
            ),
            AppError::Unreadable { detail } => {
                with_detail("无法读取文件", "the file could not be read", detail)
            }
            AppError::Network { detail } => {
                with_detail("无法从网络读取", "it could not be fetched", detail)
            }
            AppError::BadAddress { detail } => {
                with_detail("地址无效", "the address is not valid", detail)
            }
            AppError::OtherSite => fixed(
                "只能加载本站的地址",
                "only addresses on this site can be loaded",
            ),
            AppError::NotAPage => fixed(
                "只能加载版面文本（.txt）或版面清单（.json）",
                "only page text (.txt) or a list of pages (.json) can be loaded",
            ),
            AppError::BadLibraryFile { detail } => {
                with_detail("文库文件格式有误", "the library file is malformed", detail)
            }
            AppError::Storage { detail } => (
                format!("无法保存到浏览器（{detail}），文库保持不变"),
                format!(
                    "it could not be saved in the browser ({detail}); the library is unchanged"
                ),
            ),
            AppError::StorageRead { detail } => with_detail(
                "浏览器存储无法读取",
                "the browser's storage could not be read",
                detail,
            ),
            AppError::QuotaExceeded => fixed(
                "浏览器存储空间已满，未能保存；文库保持不变。可以先移除一些版面",
                "browser storage is full, so it was not saved; the library is unchanged. Remove some pages first",
            ),
            AppError::BadRecord { detail } => {
                with_detail("记录格式有误", "the record is malformed", detail)
            }
            AppError::BadCollections { detail } => with_detail(
                "不是 Kanbao 导出的收藏夹文件（JSON 或 CSV），收藏夹保持不变",
                "not a collections file exported by Kanbao (JSON or CSV); the collections are unchanged",
                detail,
            ),
            AppError::BadCorrections { detail } => with_detail(
                "不是 Kanbao 的校正文件（.kanbao.json），校正保持不变",
                "not a Kanbao corrections file (.kanbao.json); the corrections are unchanged",
                detail,
            ),
            AppError::ArchiveUnreachable { url, detail } => {
                in_file(url, (format!("无法取得（{detail}）"), detail.clone()))
            }
            AppError::ArchiveNotGzip { url, detail } => {
                in_file(url, with_detail("不是 gzip 压缩文件", "not gzip", detail))
            }
            AppError::RangeIgnored { url } => in_file(
                url,
                fixed(
                    "服务器不支持按范围读取（HTTP Range），无法读取打包的档案，已停止下载；请换用支持 Range 的服务器，或用 kanbao build --loose 生成不打包的档案",
                    "the server ignores HTTP Range requests, which a packed archive needs; the download was stopped. Serve the archive from a server that answers Range requests, or build it loose (kanbao build --loose)",
                ),
            ),
            AppError::NoDecompression { url } => in_file(
                url,
                fixed(
                    "此浏览器无法解压档案（没有 DecompressionStream；Chrome 或 Edge 80、Firefox 113、Safari 16.4 及更新的版本可以）",
                    "this browser cannot decompress the archive (no DecompressionStream: Chrome or Edge 80, Firefox 113, Safari 16.4 or later can)",
                ),
            ),
            AppError::ArchiveCorrupt { url, detail } => in_file(
                url,
                (
                    format!("档案文件已损坏（{detail}）"),
                    format!("corrupt archive file: {detail}"),
                ),
            ),
            AppError::ArchiveFormat { url, found } if older_archive(found) => in_file(
                url,
                (
                    format!(
                        "这份档案由较早的 Kanbao 生成（{found}），本版读取 {ARCHIVE_FORMAT}：\
                         请用当前的 kanbao build 重新生成档案"
                    ),
                    format!(
                        "this archive was built by an earlier Kanbao ({found}) and this version \
                         reads {ARCHIVE_FORMAT}: build it again with the current kanbao build"
                    ),
                ),
            ),
            AppError::ArchiveFormat { url, found } => in_file(
                url,
                (
                    format!("不是 {ARCHIVE_FORMAT} 格式的档案（实为 {found:?}）"),
                    format!("not a {ARCHIVE_FORMAT} archive (found {found:?})"),
                ),
            ),
            AppError::ArchiveIncomplete { path } => (
                format!("档案文件 {path} 未载入"),
                format!("{path} was not loaded"),
            ),
            AppError::WorkerNotStarted => {
                fixed("解析线程没有启动", "the parse worker did not start")
            }
            AppError::WorkerStopped => fixed("解析线程已停止", "the parse worker stopped"),
            AppError::WorkerFailed { detail } => {
                with_detail("解析线程出错", "the parse worker failed", detail)
            }
            AppError::ExportFailed { detail } => {
                with_detail("无法写出文件", "the file could not be written", detail)
            }
            AppError::DownloadRefused { detail } => with_detail(
                "浏览器拒绝了下载",
                "the browser refused the download",
                detail,
            ),
        }
    }

    /// `无法导入 name：message`: the line the reader sees for something that did not come
    /// into the library.
    pub fn import_message(&self, name: &str, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("无法导入 {name}：{}", self.message(lang)),
            Lang::En => format!("Could not import {name}: {}", self.message(lang)),
        }
    }

    /// An error of the archive's index (`kanbao_search`) in the file at `url`. A file the
    /// search lacks names itself.
    pub fn archive(url: &str, error: ArchiveError) -> AppError {
        match error {
            ArchiveError::Format(found) => AppError::ArchiveFormat {
                url: url.to_owned(),
                found,
            },
            ArchiveError::Corrupt(what) => AppError::ArchiveCorrupt {
                url: url.to_owned(),
                detail: what.to_owned(),
            },
            ArchiveError::MissingFile(id) => AppError::ArchiveIncomplete { path: id.path() },
        }
    }
}

/// A message without a detail, in Chinese and in English.
fn fixed(zh: &str, en: &str) -> (String, String) {
    (zh.to_owned(), en.to_owned())
}

/// A message about the file at `url`: `url：message` in Chinese, `url: message` in English.
fn in_file(url: &str, (zh, en): (String, String)) -> (String, String) {
    (format!("{url}：{zh}"), format!("{url}: {en}"))
}

/// Whether a manifest's format names an earlier version of Kanbao's archive format
/// (`kanbao.archive/3` when the app reads `kanbao.archive/4`).
fn older_archive(found: &str) -> bool {
    let version = |f: &str| {
        f.strip_prefix("kanbao.archive/")
            .and_then(|v| v.parse::<u32>().ok())
    };
    matches!((version(found), version(ARCHIVE_FORMAT)), (Some(old), Some(now)) if old < now)
}

/// `what（detail）` in Chinese, `what (detail)` in English.
fn with_detail(zh: &str, en: &str, detail: &str) -> (String, String) {
    (format!("{zh}（{detail}）"), format!("{en} ({detail})"))
}

#[cfg(test)]
mod tests {
    use kanbao_search::{FileId, Layer};

    use super::*;

    /// One error of every kind.
    fn every_error() -> Vec<AppError> {
        let detail = || "detail".to_owned();
        let url = || "archive/index/docs/0001.bin.gz".to_owned();
        vec![
            AppError::TooLarge { bytes: 50_000_000 },
            AppError::LibraryTooLarge {
                bytes: MAX_LIBRARY_BYTES + 1,
            },
            AppError::Empty,
            AppError::NotText { detail: detail() },
            AppError::NoArticles,
            AppError::Unreadable { detail: detail() },
            AppError::Network { detail: detail() },
            AppError::BadAddress { detail: detail() },
            AppError::OtherSite,
            AppError::NotAPage,
            AppError::BadLibraryFile { detail: detail() },
            AppError::Storage { detail: detail() },
            AppError::StorageRead { detail: detail() },
            AppError::QuotaExceeded,
            AppError::BadRecord { detail: detail() },
            AppError::BadCollections { detail: detail() },
            AppError::BadCorrections { detail: detail() },
            AppError::ArchiveUnreachable {
                url: url(),
                detail: detail(),
            },
            AppError::ArchiveNotGzip {
                url: url(),
                detail: detail(),
            },
            AppError::RangeIgnored { url: url() },
            AppError::NoDecompression { url: url() },
            AppError::ArchiveCorrupt {
                url: url(),
                detail: detail(),
            },
            AppError::ArchiveFormat {
                url: url(),
                found: "other/1".into(),
            },
            AppError::ArchiveIncomplete {
                path: "docs/0001.bin".into(),
            },
            AppError::WorkerNotStarted,
            AppError::WorkerStopped,
            AppError::WorkerFailed { detail: detail() },
            AppError::ExportFailed { detail: detail() },
            AppError::DownloadRefused { detail: detail() },
        ]
    }

    /// How many kinds of error there are.
    const KINDS: usize = 29;

    /// The number of an error's kind, below [`KINDS`]. A new variant fails to compile here:
    /// give it the next number, make `KINDS` one more and add one to [`every_error`].
    fn kind(error: &AppError) -> usize {
        match error {
            AppError::TooLarge { .. } => 0,
            AppError::LibraryTooLarge { .. } => 1,
            AppError::Empty => 2,
            AppError::NotText { .. } => 3,
            AppError::NoArticles => 4,
            AppError::Unreadable { .. } => 5,
            AppError::Network { .. } => 6,
            AppError::BadAddress { .. } => 7,
            AppError::OtherSite => 8,
            AppError::NotAPage => 9,
            AppError::BadLibraryFile { .. } => 10,
            AppError::Storage { .. } => 11,
            AppError::QuotaExceeded => 12,
            AppError::BadRecord { .. } => 13,
            AppError::ArchiveUnreachable { .. } => 14,
            AppError::ArchiveNotGzip { .. } => 15,
            AppError::NoDecompression { .. } => 16,
            AppError::ArchiveCorrupt { .. } => 17,
            AppError::ArchiveFormat { .. } => 18,
            AppError::ArchiveIncomplete { .. } => 19,
            AppError::WorkerNotStarted => 20,
            AppError::WorkerStopped => 21,
            AppError::WorkerFailed { .. } => 22,
            AppError::ExportFailed { .. } => 23,
            AppError::DownloadRefused { .. } => 24,
            AppError::StorageRead { .. } => 25,
            AppError::BadCollections { .. } => 26,
            AppError::BadCorrections { .. } => 27,
            AppError::RangeIgnored { .. } => 28,
        }
    }

    /// Whether a text holds a Han character.
    fn has_han(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_kind_of_error_is_tested() {
        let kinds: std::collections::BTreeSet<usize> = every_error().iter().map(kind).collect();
        assert_eq!(kinds, (0..KINDS).collect());
    }

    #[test]
    fn every_error_has_a_message_in_both_languages_with_its_detail() {
        for error in every_error() {
            let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
            assert!(has_han(&zh), "{error:?} in Chinese: {zh}");
            assert!(
                !has_han(&en) && !en.is_empty(),
                "{error:?} in English: {en}"
            );
            assert_ne!(zh, en, "{error:?}");
            let detail = format!("{error:?}").contains("detail: \"detail\"");
            assert_eq!(zh.contains("detail"), detail, "{error:?} in Chinese: {zh}");
            assert_eq!(en.contains("detail"), detail, "{error:?} in English: {en}");
        }
    }

    #[test]
    fn the_import_messages_readers_know_are_worded_as_before() {
        assert_eq!(
            AppError::TooLarge { bytes: 50_000_000 }.import_message("big.txt", Lang::En),
            "Could not import big.txt: the file is too large (50.0 MB); newspaper page text is never over 16 MB"
        );
        assert_eq!(
            AppError::TooLarge { bytes: 50_000_000 }.import_message("big.txt", Lang::Zh),
            "无法导入 big.txt：文件过大（50.0 MB），报纸版面文本不会超过 16 MB"
        );
        assert_eq!(
            AppError::Storage {
                detail: "UnknownError: storage is blocked".into()
            }
            .import_message("lost.txt", Lang::Zh),
            "无法导入 lost.txt：无法保存到浏览器（UnknownError: storage is blocked），文库保持不变"
        );
        assert_eq!(
            AppError::NotAPage.import_message("sw.js", Lang::Zh),
            "无法导入 sw.js：只能加载版面文本（.txt）或版面清单（.json）"
        );
        assert_eq!(
            AppError::Network {
                detail: "HTTP 404 Not Found".into()
            }
            .message(Lang::Zh),
            "无法从网络读取（HTTP 404 Not Found）"
        );
    }

    #[test]
    fn an_archive_error_names_the_file_at_fault() {
        let url = "archive/index/blocks/000/001.bin.gz";
        let corrupt = AppError::archive(url, ArchiveError::Corrupt("unknown layer"));
        assert_eq!(
            corrupt.message(Lang::En),
            "archive/index/blocks/000/001.bin.gz: corrupt archive file: unknown layer"
        );
        assert_eq!(
            corrupt.message(Lang::Zh),
            "archive/index/blocks/000/001.bin.gz：档案文件已损坏（unknown layer）"
        );
        assert_eq!(
            AppError::archive(
                url,
                ArchiveError::MissingFile(FileId::Shard(Layer::Docs, 1))
            ),
            AppError::ArchiveIncomplete {
                path: "docs/0001.bin".into()
            }
        );
        assert!(matches!(
            AppError::archive("archive/index/manifest.json", ArchiveError::Format("x".into())),
            AppError::ArchiveFormat { found, .. } if found == "x"
        ));
        // An archive of an earlier format asks to be built again.
        let older = AppError::ArchiveFormat {
            url: "archive/index/manifest.json".into(),
            found: "kanbao.archive/3".into(),
        };
        assert!(
            older
                .message(Lang::Zh)
                .contains("由较早的 Kanbao 生成（kanbao.archive/3）"),
            "{}",
            older.message(Lang::Zh)
        );
        assert!(older.message(Lang::En).contains("build it again"));
        assert!(!older_archive("kanbao.archive/9") && !older_archive("other/1"));
        let url = "archive/cards/0001.json.gz";
        let not_gzip = AppError::ArchiveNotGzip {
            url: url.into(),
            detail: "TypeError: Failed to fetch".into(),
        };
        assert_eq!(
            not_gzip.message(Lang::Zh),
            "archive/cards/0001.json.gz：不是 gzip 压缩文件（TypeError: Failed to fetch）"
        );
        assert_eq!(
            not_gzip.message(Lang::En),
            "archive/cards/0001.json.gz: not gzip (TypeError: Failed to fetch)"
        );
    }
}
