//! Everything that reaches outside the app: the deployment manifest and its pages, `?src=`
//! links, files the reader brings, and (through [`crate::storage`]) the browser's storage.

use std::cell::Cell;
use std::collections::HashSet;
use std::rc::Rc;

use gloo::net::http::Request;
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File, FileSystemDirectoryEntry, FileSystemEntry, FileSystemFileEntry};
use yew::Callback;

use crate::browser_decode::BrowserGb18030;
use crate::corrections::{PageEdits, PageId};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::import::{self, LIBRARY_SCHEMA, LibraryFile, PageText};
use crate::library::{LibraryPage, Origin};
use crate::parse_worker::ParseWorker;
use crate::state::{Action, Progress};
use crate::storage::{self, Damaged, StoredPage};
use kanbao_parse::correct::Corrections;

pub use kanbao_files::Manifest;

/// The deployment's manifest, which names its pages.
pub const MANIFEST_URL: &str = "static/library.json";

/// Pages inlined into a single-file bundle (`kanbao bundle`): the element
/// `<script type="application/json" id="kanbao-inline-pages">` holds `[{name, paper, text}]`.
/// Pages that cannot be read there are left for the manifest, with a warning in the console.
pub fn inline_pages() -> Option<Vec<LibraryPage>> {
    let element = gloo::utils::document().get_element_by_id("kanbao-inline-pages")?;
    let read = crate::json::from_str::<Vec<PageText>>(
        &element.text_content().unwrap_or_default(),
        |detail| AppError::BadLibraryFile { detail },
    );
    let pages = match read {
        Ok(pages) => pages,
        Err(err) => {
            gloo::console::warn!("看报：无法读取内嵌的版面", err.message(Lang::Zh));
            return None;
        }
    };
    Some(
        pages
            .into_iter()
            .map(|p| {
                let page = LibraryPage::new(&p.name, p.paper, p.text, Origin::Deployment);
                with_corrections(page, p.corrections)
            })
            .collect(),
    )
}

/// A page with the corrections its file came with (a bundle's, a deployment's or a library
/// file's).
fn with_corrections(page: LibraryPage, corrections: Option<Corrections>) -> LibraryPage {
    match corrections {
        Some(corrections) => page.with_edits(PageEdits {
            corrections,
            undone: Vec::new(),
        }),
        None => page,
    }
}

/// Fetches a file of the site: its bytes, or `None` when the server has none (HTTP 404).
async fn fetch(url: &str) -> Result<Option<Vec<u8>>, AppError> {
    let network = |detail: String| AppError::Network { detail };
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| network(e.to_string()))?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(network(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .binary()
        .await
        .map(Some)
        .map_err(|e| network(e.to_string()))
}

/// Fetches a file of the site that must be there.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, AppError> {
    fetch(url).await?.ok_or_else(|| AppError::Network {
        detail: "HTTP 404 Not Found".into(),
    })
}

/// Loads a manifest and the pages it lists, relative to the manifest's URL. Pages that fail
/// are reported one by one; the others still load.
async fn load_manifest(
    url: &str,
    manifest: Manifest,
    notify: &Callback<Action>,
    lang: Lang,
    worker: Option<&ParseWorker>,
) -> Vec<LibraryPage> {
    let base = url.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut pages = Vec::with_capacity(manifest.pages.len());
    for entry in manifest.pages {
        let page_url = if base.is_empty() {
            entry.path.clone()
        } else {
            format!("{base}/{}", entry.path)
        };
        let name = entry
            .path
            .rsplit('/')
            .next()
            .unwrap_or(&entry.path)
            .to_owned();
        let result = match fetch_bytes(&page_url).await {
            Ok(bytes) => parse_page(&name, entry.paper, &bytes, Origin::Deployment, worker).await,
            Err(e) => Err(e),
        };
        // The page's corrections, where the manifest names a file of them; a file that cannot
        // be read is named, and the page is read as the parser reads it.
        let corrections = match (&result, &entry.corrections) {
            (Ok(_), Some(path)) => {
                let url = if base.is_empty() {
                    path.clone()
                } else {
                    format!("{base}/{path}")
                };
                let read = fetch_bytes(&url).await.and_then(|bytes| {
                    crate::corrections::read_sidecar(&String::from_utf8_lossy(&bytes))
                });
                match read {
                    Ok(c) => Some(c),
                    Err(err) => {
                        notify.emit(Action::Notify {
                            error: true,
                            text: err.import_message(&url, lang),
                        });
                        None
                    }
                }
            }
            _ => None,
        };
        match result.map(|page| with_corrections(page, corrections)) {
            Ok(page) => pages.push(page),
            Err(err) => notify.emit(Action::Notify {
                error: true,
                text: err.import_message(&page_url, lang),
            }),
        }
    }
    pages
}

/// Reads a manifest listing pages.
fn parse_manifest(bytes: &[u8]) -> Result<Manifest, AppError> {
    crate::json::from_slice(bytes, |detail| AppError::BadLibraryFile { detail })
}

/// The deployment's manifest as read: `None` where the site publishes none.
pub type DeploymentManifest = Result<Option<Rc<Manifest>>, AppError>;

thread_local! {
    /// The one read of [`MANIFEST_URL`], shared by everything that asks for it.
    static DEPLOYMENT_MANIFEST: std::cell::RefCell<
        Option<futures::future::Shared<futures::future::LocalBoxFuture<'static, DeploymentManifest>>>,
    > = const { std::cell::RefCell::new(None) };
}

/// The deployment's manifest ([`MANIFEST_URL`]), fetched and read once however many parts of
/// the app ask for it at start (the library for its pages, the archive client for the archives
/// it lists): one request, and one reading of a broken manifest for all of them.
pub async fn deployment_manifest() -> DeploymentManifest {
    use futures::FutureExt;
    let read = DEPLOYMENT_MANIFEST.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                async {
                    let Some(bytes) = fetch(MANIFEST_URL).await? else {
                        return Ok(None);
                    };
                    parse_manifest(&bytes).map(|m| Some(Rc::new(m)))
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    read.await
}

/// Loads the deployment's pages: those inlined in a bundle, or the manifest ([`MANIFEST_URL`])
/// and every page it lists. A deployment without a manifest is an empty library, not an error.
pub async fn load_deployment(
    notify: &Callback<Action>,
    lang: Lang,
    worker: Option<&ParseWorker>,
) -> Result<Vec<LibraryPage>, AppError> {
    if let Some(pages) = inline_pages() {
        return Ok(pages);
    }
    let Some(manifest) = deployment_manifest().await? else {
        return Ok(Vec::new());
    };
    crate::embed::set_policy(manifest.embed.clone());
    Ok(load_manifest(
        MANIFEST_URL,
        Manifest::clone(&manifest),
        notify,
        lang,
        worker,
    )
    .await)
}

/// The pages the reader imported before, from browser storage (parsed in the parse worker),
/// and the records that are not pages any more (unreadable, or failing the checks every page
/// passes). A page keeps the key it is stored under, so that removing it always works.
pub async fn load_stored() -> Result<(Vec<LibraryPage>, Vec<Damaged>), AppError> {
    let stored = storage::load_all().await?;
    let worker = (!stored.pages.is_empty())
        .then(ParseWorker::start)
        .flatten();
    let (pages, mut damaged) = stored_pages(stored.pages, worker.as_ref()).await;
    damaged.extend(stored.damaged);
    Ok((pages, damaged))
}

/// Parses stored pages; those that fail the checks are damaged records.
async fn stored_pages(
    stored: Vec<StoredPage>,
    worker: Option<&ParseWorker>,
) -> (Vec<LibraryPage>, Vec<Damaged>) {
    let mut pages = Vec::with_capacity(stored.len());
    let mut damaged = Vec::new();
    for p in stored {
        match parse_page(
            &p.name,
            p.paper,
            p.text.as_bytes(),
            Origin::Imported,
            worker,
        )
        .await
        {
            Ok(mut page) => {
                page.key = p.key;
                pages.push(page);
            }
            Err(error) => damaged.push(Damaged {
                key: p.key,
                name: Some(p.name),
                error,
            }),
        }
    }
    (pages, damaged)
}

/// Loads `?src=<url>`: a page, or a manifest (JSON) listing pages, from this same site.
pub async fn load_src(
    src: &str,
    notify: &Callback<Action>,
    lang: Lang,
    worker: Option<&ParseWorker>,
) -> Result<Vec<LibraryPage>, AppError> {
    let location = gloo::utils::window().location();
    let here = location.href().unwrap_or_default();
    let url = web_sys::Url::new_with_base(src, &here).map_err(|e| AppError::BadAddress {
        detail: crate::js::detail(&e),
    })?;
    if url.origin() != location.origin().unwrap_or_default() {
        return Err(AppError::OtherSite);
    }
    let href = url.href();
    let name = url
        .pathname()
        .rsplit('/')
        .next()
        .unwrap_or("page.txt")
        .to_owned();
    let kind = import::src_kind(&name)?;
    let bytes = fetch_bytes(&href).await?;
    if kind == import::SrcKind::Manifest {
        return Ok(load_manifest(&href, parse_manifest(&bytes)?, notify, lang, worker).await);
    }
    parse_page(&name, None, &bytes, Origin::Deployment, worker)
        .await
        .map(|p| vec![p])
}

/// Something the reader brought to import.
#[derive(Debug)]
pub enum Source {
    File(File),
    Text {
        name: String,
        text: String,
        paper: Option<String>,
    },
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::File(f) => f.name(),
            Source::Text { name, .. } => name.clone(),
        }
    }
}

/// Reads a file the reader chose, refused unread above `limit` bytes.
async fn read_file(
    file: &File,
    check: fn(u64) -> Result<(), AppError>,
) -> Result<Vec<u8>, AppError> {
    check(file.size() as u64)?;
    let blob = gloo::file::Blob::from(file.clone());
    gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|e| AppError::Unreadable {
            detail: e.to_string(),
        })
}

/// Parses one page's bytes, in the parse worker where one runs. Every page comes this way,
/// whatever its name or how it came (a file, text, a library file, the deployment's manifest,
/// `?src=`, a host page, the browser's storage): the same size, type and content checks for
/// all. Where no worker runs (a bundle opened from disk), the page is parsed here.
async fn parse_page(
    name: &str,
    paper: Option<String>,
    bytes: &[u8],
    origin: Origin,
    worker: Option<&ParseWorker>,
) -> Result<LibraryPage, AppError> {
    import::check_size(bytes.len() as u64)?;
    if let Some(worker) = worker {
        match worker.parse(name, bytes).await {
            Ok((page, text)) => return import::accept(page, text, paper, origin),
            Err(err) => {
                gloo::console::warn!("看报：解析线程失败，改在页面中解析", err.message(Lang::Zh))
            }
        }
    }
    import::page_from_bytes(name, paper, bytes, origin, &BrowserGb18030)
}

/// What became of one page of an import: its name as the reader knows it, and the page or why
/// not.
type Outcome = (String, Result<LibraryPage, AppError>);

/// Reads and parses one source: a page, or every page of a library file.
async fn read_source(
    source: &Source,
    worker: Option<&ParseWorker>,
    cancel: &Cell<bool>,
) -> Vec<Outcome> {
    let name = source.name();
    match source {
        Source::Text { text, paper, .. } => {
            vec![(
                name.clone(),
                parse_page(
                    &name,
                    paper.clone(),
                    text.as_bytes(),
                    Origin::Imported,
                    worker,
                )
                .await,
            )]
        }
        Source::File(file) if import::is_library_file(&name) => {
            let pages = match read_file(file, import::check_library_size).await {
                Ok(bytes) => crate::json::from_slice::<LibraryFile>(&bytes, |detail| {
                    AppError::BadLibraryFile { detail }
                })
                .and_then(import::library_pages),
                Err(err) => Err(err),
            };
            let pages = match pages {
                Ok(pages) => pages,
                Err(err) => return vec![(name, Err(err))],
            };
            let mut out = Vec::with_capacity(pages.len());
            for p in pages {
                if cancel.get() {
                    break;
                }
                let result = parse_page(
                    &p.name,
                    p.paper,
                    p.text.as_bytes(),
                    Origin::Imported,
                    worker,
                )
                .await
                .map(|page| with_corrections(page, p.corrections));
                out.push((format!("{name} › {}", p.name), result));
            }
            out
        }
        Source::File(file) => {
            let result = match read_file(file, import::check_size).await {
                Ok(bytes) => parse_page(&name, None, &bytes, Origin::Imported, worker).await,
                Err(err) => Err(err),
            };
            vec![(name, result)]
        }
    }
}

/// Imports what the reader brought: reads and parses each source, reporting every page that
/// fails by name, then stores the new pages in one transaction and adds them to the library
/// only once it has committed. When storing fails, for whatever reason, nothing is added and
/// the library stays as it was. While it runs, leaving the page asks first, and a marker in
/// `localStorage` lets the next start tell the reader if the import never finished.
pub async fn import(
    sources: Vec<Source>,
    known: HashSet<String>,
    dispatch: Callback<Action>,
    cancel: Rc<Cell<bool>>,
    keep: Keep,
    lang: Lang,
) -> Vec<PageId> {
    let total = sources.len();
    let names: Vec<String> = sources.iter().map(Source::name).collect();
    let _guard = (keep == Keep::Stored).then(|| ImportGuard::new(&names));
    let mut pages: Vec<LibraryPage> = Vec::new();
    let mut seen = known;
    let mut duplicates = 0;
    // Parsing happens off the main thread where a worker can start; the worker ends with the import.
    let worker = ParseWorker::start();
    for (done, source) in sources.iter().enumerate() {
        dispatch.emit(Action::Progress(Some(Progress { done, total })));
        for (name, outcome) in read_source(source, worker.as_ref(), &cancel).await {
            match outcome {
                Ok(page) if seen.insert(page.key.clone()) => pages.push(page),
                Ok(_) => duplicates += 1,
                Err(err) => dispatch.emit(Action::Notify {
                    error: true,
                    text: err.import_message(&name, lang),
                }),
            }
        }
        if cancel.get() {
            dispatch.emit(Action::Progress(None));
            dispatch.emit(Action::Notify {
                error: false,
                text: format!(
                    "{} {done}/{total}",
                    lang.pick(
                        "已取消导入，未保存任何版面：",
                        "Import cancelled, nothing saved:"
                    )
                ),
            });
            return Vec::new();
        }
        // Let the page paint and take input between files.
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    dispatch.emit(Action::Progress(None));
    if pages.is_empty() {
        if duplicates > 0 {
            dispatch.emit(Action::Notify {
                error: false,
                text: lang
                    .pick(
                        "这些版面已在文库中。",
                        "These pages are already in the library.",
                    )
                    .into(),
            });
        }
        return Vec::new();
    }
    let articles: usize = pages.iter().map(|p| p.page.articles.len()).sum();
    if keep == Keep::Session {
        for p in &mut pages {
            p.origin = Origin::Host;
        }
        let text = match lang {
            Lang::Zh => format!(
                "已载入 {}（{articles} 篇文章），仅本次会话。",
                summary(&pages, lang)
            ),
            Lang::En => format!(
                "Loaded {} ({articles} articles) for this session.",
                summary(&pages, lang)
            ),
        };
        let ids = pages.iter().map(PageId::of).collect();
        dispatch.emit(Action::AddPages(pages));
        dispatch.emit(Action::Notify { error: false, text });
        return ids;
    }
    let stored: Vec<StoredPage> = pages
        .iter()
        .map(|p| StoredPage {
            key: p.key.clone(),
            name: p.page.source.name.clone(),
            paper: p.paper.clone(),
            text: p.text.clone(),
        })
        .collect();
    let summary_name = summary(&pages, lang);
    if let Err(err) = storage::put_all(&stored).await {
        dispatch.emit(Action::Notify {
            error: true,
            text: err.import_message(&summary_name, lang),
        });
        return Vec::new();
    }
    // Corrections a library file carried become the reader's, stored like those made here.
    for page in &pages {
        if let Some(c) = page.corrected.as_ref()
            && let Err(err) = storage::save_edits(&page.key, &c.edits).await
        {
            dispatch.emit(Action::Notify {
                error: true,
                text: err.import_message(&page.page.source.name, lang),
            });
        }
    }
    let edited: Vec<(String, PageEdits)> = pages
        .iter()
        .filter_map(|p| Some((p.key.clone(), p.corrected.as_ref()?.edits.clone())))
        .collect();
    let text = match lang {
        Lang::Zh => format!("已导入 {}（{articles} 篇文章）。", summary_name),
        Lang::En => format!("Imported {summary_name} ({articles} articles)."),
    };
    if !edited.is_empty() {
        dispatch.emit(Action::EditsLoaded(edited.into_iter().collect()));
    }
    let ids = pages.iter().map(PageId::of).collect();
    dispatch.emit(Action::AddPages(pages));
    dispatch.emit(Action::Notify { error: false, text });
    crate::tabs::library_changed();
    ids
}

/// Whether a file is a page's corrections (`A01.txt.kanbao.json`) rather than a page or a
/// library file.
pub fn is_sidecar(source: &Source) -> bool {
    source.name().to_lowercase().ends_with(".kanbao.json")
}

/// Imports sidecar files: each one's corrections replace those of its page among `pages` (the
/// library's and those just imported), are stored, and are applied. A file that is not a
/// corrections file, or whose page is not in the library, is named and changes nothing.
pub async fn import_corrections(
    sources: Vec<Source>,
    pages: Vec<PageId>,
    dispatch: Callback<Action>,
    lang: Lang,
) {
    for source in sources {
        let name = source.name();
        let read = match &source {
            Source::File(file) => read_file(file, import::check_size).await,
            Source::Text { text, .. } => Ok(text.as_bytes().to_vec()),
        };
        let corrections = read
            .and_then(|bytes| crate::corrections::read_sidecar(&String::from_utf8_lossy(&bytes)));
        let corrections = match corrections {
            Ok(c) => c,
            Err(err) => {
                dispatch.emit(Action::Notify {
                    error: true,
                    text: err.import_message(&name, lang),
                });
                continue;
            }
        };
        let Some(page) = crate::corrections::page_of_sidecar(&pages, &corrections) else {
            let text = match lang {
                Lang::Zh => format!(
                    "{name}：文库中没有它校正的版面“{}”，请先导入该版面；校正保持不变。",
                    corrections.source.name
                ),
                Lang::En => format!(
                    "{name}: the page it corrects, “{}”, is not in the library; import the page first. The corrections are unchanged.",
                    corrections.source.name
                ),
            };
            dispatch.emit(Action::Notify { error: true, text });
            continue;
        };
        let count = corrections.edits.len();
        let edits = crate::corrections::PageEdits {
            corrections,
            undone: Vec::new(),
        };
        if let Err(err) = storage::save_edits(&page.key, &edits).await {
            dispatch.emit(Action::Notify {
                error: true,
                text: err.import_message(&name, lang),
            });
            continue;
        }
        dispatch.emit(Action::Edited {
            key: page.key.clone(),
            edits,
        });
        crate::tabs::library_changed();
        let text = match lang {
            Lang::Zh => format!("已导入 {} 的 {count} 处校正。", page.name),
            Lang::En => format!("Imported {count} corrections of {}.", page.name),
        };
        dispatch.emit(Action::Notify { error: false, text });
    }
}

/// Where imported pages go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Into the reader's saved library.
    Stored,
    /// Into this session only (pages a host page sends, unless the deployment allows more).
    Session,
}

/// The pages of an import as a notice names them: the page, or how many.
fn summary(pages: &[LibraryPage], lang: Lang) -> String {
    match pages {
        [one] => one.page.source.name.clone(),
        many => format!("{} {}", many.len(), lang.pick("个版面", "pages")),
    }
}

/// The `localStorage` key of an import in progress: the names of what it imports.
const IMPORT_MARKER: &str = "kanbao:import-in-progress";

/// Held while an import runs: asks before the page is left, and marks the import as running so
/// that the next start can tell an interrupted one.
struct ImportGuard {
    _beforeunload: gloo::events::EventListener,
}

impl ImportGuard {
    fn new(names: &[String]) -> ImportGuard {
        let window = gloo::utils::window();
        if let Ok(Some(storage)) = window.local_storage()
            && let Ok(value) = serde_json::to_string(names)
        {
            let _ = storage.set_item(IMPORT_MARKER, &value);
        }
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            gloo::events::EventListener::new_with_options(&window, "beforeunload", options, |e| {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("");
                }
            });
        ImportGuard {
            _beforeunload: listener,
        }
    }
}

impl Drop for ImportGuard {
    fn drop(&mut self) {
        if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
            let _ = storage.remove_item(IMPORT_MARKER);
        }
    }
}

/// The names of what an import that never finished (the page was closed or reloaded while it
/// ran) was importing; the marker is cleared. A marker whose names cannot be read still tells
/// that an import did not finish, naming none.
pub fn interrupted_import() -> Option<Vec<String>> {
    let storage = gloo::utils::window().local_storage().ok()??;
    let value = storage.get_item(IMPORT_MARKER).ok()??;
    let _ = storage.remove_item(IMPORT_MARKER);
    Some(crate::json::from_str(&value, |detail| AppError::BadRecord { detail }).unwrap_or_default())
}

/// Removes every imported page, in storage (whatever this tab knows of it), then from the
/// library.
pub async fn clear(dispatch: Callback<Action>, lang: Lang) {
    match storage::clear().await {
        Ok(()) => {
            dispatch.emit(Action::SyncImported {
                keys: Vec::new(),
                added: Vec::new(),
            });
            crate::tabs::library_changed();
        }
        Err(err) => dispatch.emit(Action::Notify {
            error: true,
            text: err.message(lang),
        }),
    }
}

/// Removes damaged records from storage.
pub async fn remove_damaged(keys: Vec<String>, dispatch: Callback<Action>, lang: Lang) {
    match storage::delete(&keys).await {
        Ok(()) => dispatch.emit(Action::RemoveDamaged(keys)),
        Err(err) => dispatch.emit(Action::Notify {
            error: true,
            text: err.message(lang),
        }),
    }
}

/// The whole library as one file: the deployment's pages this tab has, and every page in
/// storage as stored (read again, so that pages another tab imported are in it too).
pub async fn export_library(library: Rc<crate::library::Library>) -> Result<String, AppError> {
    let stored = storage::load_all().await?;
    // Each page's corrections: the reader's as stored, else those it came with.
    let (edits, _) = storage::load_edits().await?;
    let edits: std::collections::HashMap<String, PageEdits> = edits.into_iter().collect();
    let corrections = |key: &str| {
        edits
            .get(key)
            .map(|e| e.corrections.clone())
            .or_else(|| {
                library
                    .pages()
                    .iter()
                    .find(|p| p.key == key)
                    .and_then(|p| p.corrected.as_ref())
                    .map(|c| c.edits.corrections.clone())
            })
            .filter(|c| !c.edits.is_empty())
    };
    let mut pages: Vec<PageText> = library
        .pages()
        .iter()
        .filter(|p| !matches!(p.origin, Origin::Imported | Origin::Archive))
        .map(|p| PageText {
            name: p.page.source.name.clone(),
            paper: p.paper.clone(),
            text: p.text.clone(),
            corrections: corrections(&p.key),
        })
        .collect();
    pages.extend(stored.pages.into_iter().map(|p| PageText {
        corrections: corrections(&p.key),
        name: p.name,
        paper: p.paper,
        text: p.text,
    }));
    library_text(pages)
}

/// What storage holds now, for a tab that hears another changed it: every stored key, the
/// pages this tab does not have yet (parsed), and the damaged records.
pub async fn stored_changes(
    known: HashSet<String>,
) -> Result<(Vec<String>, Vec<LibraryPage>, Vec<Damaged>), AppError> {
    let stored = storage::load_all().await?;
    let keys = stored.pages.iter().map(|p| p.key.clone()).collect();
    let fresh: Vec<StoredPage> = stored
        .pages
        .into_iter()
        .filter(|p| !known.contains(&p.key))
        .collect();
    let worker = (!fresh.is_empty()).then(ParseWorker::start).flatten();
    let (added, mut damaged) = stored_pages(fresh, worker.as_ref()).await;
    damaged.extend(stored.damaged);
    Ok((keys, added, damaged))
}

/// Removes imported pages from storage, then from the library.
pub async fn remove(keys: Vec<String>, dispatch: Callback<Action>, lang: Lang) {
    match storage::delete(&keys).await {
        Ok(()) => {
            dispatch.emit(Action::RemovePages(keys));
            crate::tabs::library_changed();
        }
        Err(err) => dispatch.emit(Action::Notify {
            error: true,
            text: err.message(lang),
        }),
    }
}

/// The library as one file that imports again.
fn library_text(pages: Vec<PageText>) -> Result<String, AppError> {
    let file = LibraryFile {
        schema: LIBRARY_SCHEMA.into(),
        pages,
    };
    serde_json::to_string(&file).map_err(|e| AppError::ExportFailed {
        detail: e.to_string(),
    })
}

/// Offers `content` as a download, or tells the reader why it could not be made or saved.
pub fn offer_download(
    dispatch: &yew::Callback<crate::state::Action>,
    lang: crate::i18n::Lang,
    name: &str,
    mime: &str,
    content: Result<String, AppError>,
) {
    if let Err(err) = content.and_then(|c| download(name, mime, &c)) {
        dispatch.emit(crate::state::Action::Notify {
            error: true,
            text: format!(
                "{}{}",
                lang.pick("无法导出：", "Could not export: "),
                err.message(lang)
            ),
        });
    }
}

/// Offers `content` as a download named `name`; the browser's reason when it cannot.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), AppError> {
    let reason = |e: JsValue| AppError::DownloadRefused {
        detail: crate::js::detail(&e),
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(reason)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(reason)?;
    let document = gloo::utils::document();
    let a = document
        .create_element("a")
        .and_then(|a| {
            a.dyn_into::<web_sys::HtmlAnchorElement>()
                .map_err(JsValue::from)
        })
        .map_err(reason)?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The files of a drop, folders walked recursively. In folders only `.txt` and `.json` files
/// are taken; the count of the others is returned so the reader can be told.
pub async fn dropped_files(transfer: &DataTransfer) -> (Vec<File>, usize) {
    let items = transfer.items();
    let entries: Vec<FileSystemEntry> = (0..items.length())
        .filter_map(|i| items.get(i))
        .filter_map(|item| item.webkit_get_as_entry().ok().flatten())
        .collect();
    if entries.is_empty() {
        let files = transfer.files();
        let list = files
            .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
            .unwrap_or_default();
        return (list, 0);
    }
    let mut files: Vec<File> = Vec::new();
    let mut skipped = 0;
    let mut stack: Vec<(FileSystemEntry, bool)> = entries.into_iter().map(|e| (e, false)).collect();
    while let Some((entry, in_folder)) = stack.pop() {
        if entry.is_directory() {
            let dir: FileSystemDirectoryEntry = entry.unchecked_into();
            let reader = dir.create_reader();
            // readEntries returns a batch at a time until it returns none.
            loop {
                let batch = Promise::new(&mut |resolve, reject| {
                    let ok = Closure::once_into_js(move |v: JsValue| {
                        let _ = resolve.call1(&JsValue::NULL, &v);
                    });
                    let err = Closure::once_into_js(move |v: JsValue| {
                        let _ = reject.call1(&JsValue::NULL, &v);
                    });
                    let _ = reader.read_entries_with_callback_and_callback(
                        ok.unchecked_ref(),
                        err.unchecked_ref(),
                    );
                });
                let Ok(batch) = JsFuture::from(batch).await else {
                    break;
                };
                let batch = js_sys::Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                stack.extend(
                    batch
                        .iter()
                        .map(|e| (e.unchecked_into::<FileSystemEntry>(), true)),
                );
            }
        } else if entry.is_file() {
            let name = entry.name();
            if in_folder
                && (name.starts_with('.') || !(name.ends_with(".txt") || name.ends_with(".json")))
            {
                skipped += 1;
                continue;
            }
            let file_entry: FileSystemFileEntry = entry.unchecked_into();
            let file = Promise::new(&mut |resolve, reject| {
                let ok = Closure::once_into_js(move |v: JsValue| {
                    let _ = resolve.call1(&JsValue::NULL, &v);
                });
                let err = Closure::once_into_js(move |v: JsValue| {
                    let _ = reject.call1(&JsValue::NULL, &v);
                });
                file_entry.file_with_callback_and_callback(ok.unchecked_ref(), err.unchecked_ref());
            });
            if let Ok(file) = JsFuture::from(file).await {
                files.push(file.unchecked_into());
            }
        }
    }
    files.sort_by_key(|f| f.name());
    (files, skipped)
}
