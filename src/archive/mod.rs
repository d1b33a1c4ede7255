//! The deployment's archives (`kanbao build`), read lazily and searched as one: each archive's
//! manifest at start, then only the index shards and blocks a page of results needs (newest
//! first), the card chunks of the results on screen, and the record chunk of an article that
//! is opened.
//!
//! A deployment searches the site's own `archive/`, or the archives its manifest lists
//! (`static/library.json`, [`ListedArchive`]): partitions built apart, on this site or on other
//! origins. An archive may carry segments appended to it (`kanbao build --append`). Each of
//! these is one [`Part`]; the articles of all are numbered one after another in that order, so
//! a search runs through the last part first, newest first, and its results are those one
//! archive of all their pages would give. A part that cannot be opened, or stops answering
//! during a search, is named to the reader while the others still answer.

mod cache;
mod fetch;
mod part;
mod records;

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use futures::future::join_all;
use kanbao_files::ListedArchive;
use kanbao_search::{
    ArchiveFacets, ArchiveRecord, Calendar, CalendarMonth, Facet, Filters, Query, Search,
};

use self::part::Part;
use crate::error::AppError;
use crate::library::LibraryPage;

/// An article kept as a record (a collection's copy) as a library page of one article, of
/// `paper`, so the reading view shows it.
pub fn page_of_record(record: ArchiveRecord, paper: Option<String>) -> LibraryPage {
    LibraryPage {
        key: format!("collected-{}", record.id),
        paper,
        ..records::into_page(record)
    }
}

/// An archive of the deployment (or a segment of one) that could not be opened, or that
/// stopped answering during a search, with why: the others still answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Unavailable {
    /// What the deployment calls it (its address when it gives no name).
    pub name: String,
    pub error: AppError,
}

/// One file as each part that holds it answered, with the number the part's documents start
/// from.
type Held<T> = Vec<(Rc<T>, u32)>;

/// The deployment's open archives, with what each has fetched so far.
#[derive(Debug)]
pub struct ArchiveClient {
    /// In the order their documents are numbered.
    parts: Vec<Part>,
    /// The number each part's first card chunk has among all.
    card_starts: Vec<u32>,
    /// Archives that could not be opened.
    unavailable: Vec<Unavailable>,
    /// The calendars of every part joined, once fetched (several parts only).
    calendar: RefCell<Option<Rc<Calendar>>>,
    /// Months of every part joined, fetched so far (several parts only).
    months: RefCell<HashMap<String, Rc<CalendarMonth>>>,
    /// The facets of every part joined, once fetched (several parts only).
    facets: RefCell<Option<Rc<ArchiveFacets>>>,
}

impl PartialEq for ArchiveClient {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Where an archived article stands in its day's issue ([`ArchiveClient::in_print`]).
#[derive(Debug, Clone, PartialEq)]
pub struct InPrint {
    /// The link key of its page in the issue view (the printed number, or `n` and its place).
    pub page_key: String,
    /// The article printed before it, with its card.
    pub previous: Option<(u32, Rc<LibraryPage>)>,
    /// The article printed after it, with its card.
    pub next: Option<(u32, Rc<LibraryPage>)>,
}

/// Search results from the archive: the matches found so far, newest first, how many of them
/// the list shows, and the search itself, which finds more on request. The cards of the results
/// shown come separately ([`ArchiveClient::card`], [`ArchiveClient::load_cards`]), so the list
/// can show each as soon as its chunk is in.
#[derive(Debug, Clone)]
pub struct ArchiveResults {
    /// Document numbers of the matches found so far, newest first.
    pub docs: Rc<[u32]>,
    /// How many of `docs` the list shows.
    shown: usize,
    search: Rc<Searches>,
    /// Filters asked for that the archive cannot apply (built before facets were indexed, or
    /// a facet it does not index): its results are not narrowed by them.
    pub filters_ignored: Rc<[Facet]>,
}

impl PartialEq for ArchiveResults {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.search, &other.search)
            && self.docs.len() == other.docs.len()
            && self.shown == other.shown
    }
}

impl ArchiveResults {
    /// How many articles matched so far.
    pub fn total(&self) -> usize {
        self.docs.len()
    }

    /// The document numbers of the results the list shows, newest first.
    pub fn shown(&self) -> &[u32] {
        &self.docs[..self.shown]
    }

    /// Whether the whole archive has been searched, so [`total`](Self::total) is every match.
    pub fn complete(&self) -> bool {
        self.search.done()
    }

    /// How many articles match in all: exact once [`complete`](Self::complete), otherwise
    /// estimated from the part of the archive searched so far.
    pub fn estimate(&self) -> u64 {
        self.search.estimate()
    }

    /// The documents still to be searched (the oldest, below those searched).
    pub fn unsearched(&self) -> Range<u32> {
        self.search.unsearched()
    }

    /// Whether the oldest matches come first.
    pub fn oldest_first(&self) -> bool {
        self.search.oldest_first
    }

    /// A period was asked for, but an archive searched so far cannot tell its documents
    /// (built without a calendar, or not in date order): the whole of it is searched.
    pub fn period_ignored(&self) -> bool {
        self.search.period_ignored.get()
    }

    /// Whether there are (or may be) results beyond those shown.
    pub fn has_more(&self) -> bool {
        self.total() > self.shown || !self.complete()
    }

    /// The archives that stopped answering during this search: its results hold none of
    /// their articles beyond those found before.
    pub fn unanswered(&self) -> Vec<Unavailable> {
        self.search.failed.borrow().clone()
    }
}

/// One search over the parts, in the order they are searched: the last part first (newest
/// first), or the first part first (oldest first). A part's search starts (its shards are
/// fetched) only when the search reaches it, with those after it up to a wave's documents
/// (see [`FIRST_WAVE`]): a cold query over an archive and many daily segments, or over
/// partitions, reads the shards of the parts its first results need, not of every part.
#[derive(Debug)]
struct Searches {
    lanes: Vec<Lane>,
    query: Query,
    filters: Filters,
    period: Option<(String, String)>,
    oldest_first: bool,
    /// Documents the next wave of parts started may hold.
    wave: Cell<u64>,
    /// A part searched so far could not tell the period's documents.
    period_ignored: Cell<bool>,
    /// Parts that stopped answering.
    failed: RefCell<Vec<Unavailable>>,
}

/// Documents the first wave of parts started at once holds at least (the parts are started
/// whole): about a day's issues of a large paper for a few years. Each wave after holds
/// twice the one before.
const FIRST_WAVE: u64 = 4_096;

/// The search of one part.
#[derive(Debug)]
struct Lane {
    /// Its part, by place.
    part: usize,
    /// The number the part's first document has among all.
    start: u32,
    /// Its documents.
    docs: u32,
    /// Its search, once started.
    search: OnceCell<RefCell<Search>>,
    /// The part stopped answering: the lane is left.
    failed: Cell<bool>,
}

impl Lane {
    /// Whether the lane has documents still to search: not started, or started and not done.
    fn open(&self) -> bool {
        !self.failed.get() && self.search.get().is_none_or(|s| !s.borrow().done())
    }

    fn started(&self) -> bool {
        self.search.get().is_some()
    }
}

impl Searches {
    /// The lane searched now: the first in order that is neither done nor failed.
    fn current(&self) -> Option<&Lane> {
        self.lanes.iter().find(|l| l.open())
    }

    fn done(&self) -> bool {
        self.current().is_none()
    }

    /// The matches of every part that answers, each exact or estimated; while parts are not
    /// started yet, those of the started ones scaled up to every part's documents.
    fn estimate(&self) -> u64 {
        let answering = self.lanes.iter().filter(|l| !l.failed.get());
        let (mut found, mut searched, mut all) = (0u64, 0u64, 0u64);
        for lane in answering {
            all += u64::from(lane.docs);
            if let Some(search) = lane.search.get() {
                found += search.borrow().estimate();
                searched += u64::from(lane.docs);
            }
        }
        if searched == all || searched == 0 {
            found
        } else {
            found.saturating_mul(all) / searched
        }
    }

    /// The documents, among all, from the lowest to the highest still to be searched.
    fn unsearched(&self) -> Range<u32> {
        let ranges = self.lanes.iter().filter(|l| l.open()).map(|l| {
            let r = match l.search.get() {
                Some(search) => search.borrow().unsearched(),
                None => 0..l.docs,
            };
            l.start.saturating_add(r.start)..l.start.saturating_add(r.end)
        });
        ranges
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
            .unwrap_or(0..0)
    }

    /// Leaves the lane at `at`, whose part (`name`) failed: the part is named in the search
    /// while the others answer with what they found; the error is the search's once every
    /// part has failed.
    fn leave(&self, at: usize, name: String, error: AppError) -> Result<(), AppError> {
        if let Some(lane) = self.lanes.get(at) {
            lane.failed.set(true);
        }
        self.failed.borrow_mut().push(Unavailable {
            name,
            error: error.clone(),
        });
        if self.lanes.iter().all(|l| l.failed.get()) {
            Err(error)
        } else {
            Ok(())
        }
    }

    /// The lanes to start with the one at `from` (which is not started): those after it in
    /// order, not started, until they hold a wave's documents.
    fn wave_from(&self, from: usize) -> Vec<usize> {
        let wave = self.wave.get();
        self.wave.set(wave.saturating_mul(2));
        let mut held = 0u64;
        let mut out = Vec::new();
        for (at, lane) in self.lanes.iter().enumerate().skip(from) {
            if held >= wave {
                break;
            }
            if lane.started() || lane.failed.get() {
                continue;
            }
            held += u64::from(lane.docs);
            out.push(at);
        }
        out
    }
}

/// The parts of the deployment opened so far, in order, and those that could not be.
#[derive(Default)]
struct Opening {
    parts: Vec<Part>,
    unavailable: Vec<Unavailable>,
    /// The number the next part's first document has among all.
    start: u64,
}

impl Opening {
    /// Adds the part at `base` named `name` as `opened`; one that failed is unavailable and
    /// keeps the `listed` numbers its manifest (or its archive's) gives it, so the others'
    /// do not move.
    fn add(
        &mut self,
        base: String,
        name: String,
        opened: Result<(kanbao_search::Manifest, u64), AppError>,
        listed: u32,
    ) {
        let part = opened.and_then(|(manifest, bytes)| {
            let first = u32::try_from(self.start).map_err(|_| too_many(&base))?;
            Part::new(base, name.clone(), first, manifest, bytes)
        });
        match part {
            Ok(part) => {
                self.start += part.len() as u64;
                self.parts.push(part);
            }
            Err(error) => {
                self.start += u64::from(listed);
                self.unavailable.push(Unavailable { name, error });
            }
        }
    }
}

/// The manifest of `segment`, appended to the archive at `base`: refused before it is asked
/// for when its folder is not inside the archive's, and after when it holds another number of
/// articles than the archive lists.
async fn open_segment(
    base: &str,
    segment: &kanbao_search::Segment,
) -> Result<(kanbao_search::Manifest, u64), AppError> {
    let base = format!("{base}{}", segment.path);
    if !kanbao_search::Segment::is_inside(&segment.path) {
        return Err(AppError::ArchiveCorrupt {
            url: Part::manifest_url(&base),
            detail: format!(
                "the archive lists a segment outside its folder: {}",
                segment.path
            ),
        });
    }
    let (manifest, bytes) = Part::manifest(&base)
        .await?
        .ok_or_else(|| Part::not_found(&base))?;
    if manifest.docs != segment.docs {
        return Err(AppError::ArchiveCorrupt {
            url: Part::manifest_url(&base),
            detail: format!(
                "the archive lists {} articles here, the segment holds {}",
                segment.docs, manifest.docs
            ),
        });
    }
    Ok((manifest, bytes))
}

impl ArchiveClient {
    /// Opens the deployment's archives, or `None` when it publishes none. Archives that
    /// cannot be opened are [`unavailable`](Self::unavailable) while the others open; when
    /// none opens, the first one's error.
    pub async fn open() -> Result<Option<ArchiveClient>, AppError> {
        // A bundle opened from disk carries its pages inside and has no files beside it.
        let bundled = gloo::utils::document()
            .get_element_by_id("kanbao-inline-pages")
            .is_some();
        let served = matches!(
            gloo::utils::window().location().protocol().as_deref(),
            Ok("http:" | "https:")
        );
        if bundled || !served {
            return Ok(None);
        }
        // The site's own archive is asked for while the deployment's manifest comes, as
        // most deployments search only it: no round trip is added before a search.
        let ((listed, named), own) =
            futures::future::join(listed_archives(), Part::manifest(ListedArchive::OWN)).await;
        let own = &own;
        let manifests = join_all(listed.iter().map(|a| async move {
            if a.base() == ListedArchive::OWN {
                own.clone()
            } else if readable(a) {
                Part::manifest(&a.base()).await
            } else {
                Err(AppError::ArchiveUnreachable {
                    url: a.url.clone(),
                    detail: "not an http(s) address".into(),
                })
            }
        }))
        .await;
        let mut opening = Opening::default();
        for (archive, opened) in listed.iter().zip(manifests) {
            let (base, name) = (archive.base(), archive.label());
            let opened = match opened {
                // The site's own archive, not listed: the deployment has none.
                Ok(None) if !named => continue,
                opened => opened.and_then(|m| m.ok_or_else(|| Part::not_found(&base))),
            };
            let opened = match opened {
                Ok(opened) => opened,
                Err(error) => {
                    // Its segments are not known: nothing of it is numbered.
                    opening.unavailable.push(Unavailable { name, error });
                    continue;
                }
            };
            let segments = opened.0.segments.clone();
            let docs = opened.0.docs;
            opening.add(base.clone(), name.clone(), Ok(opened), docs);
            let opened = join_all(segments.iter().map(|s| open_segment(&base, s))).await;
            for (segment, opened) in segments.iter().zip(opened) {
                let name = format!("{name} {}", segment.path.trim_end_matches('/'));
                opening.add(
                    format!("{base}{}", segment.path),
                    name,
                    opened,
                    segment.docs,
                );
            }
        }
        let Opening {
            parts, unavailable, ..
        } = opening;
        if parts.is_empty() {
            return match unavailable.into_iter().next() {
                Some(u) => Err(u.error),
                None => Ok(None),
            };
        }
        Ok(Some(ArchiveClient::of_parts(parts, unavailable)))
    }

    fn of_parts(parts: Vec<Part>, unavailable: Vec<Unavailable>) -> ArchiveClient {
        let card_starts = parts
            .iter()
            .scan(0u32, |next, p| {
                let first = *next;
                *next = next.saturating_add(p.manifest_held().card_chunks);
                Some(first)
            })
            .collect();
        ArchiveClient {
            parts,
            card_starts,
            unavailable,
            calendar: RefCell::default(),
            months: RefCell::default(),
            facets: RefCell::default(),
        }
    }

    /// An empty archive, for tests that need one open.
    #[cfg(test)]
    pub fn empty() -> ArchiveClient {
        let manifest = kanbao_search::ArchiveBuilder::new(Default::default())
            .finish()
            .manifest;
        let base = ListedArchive::OWN.to_owned();
        match Part::new(base.clone(), base, 0, manifest, 0) {
            Ok(part) => ArchiveClient::of_parts(vec![part], Vec::new()),
            Err(e) => panic!("an empty archive's manifest is refused: {e:?}"),
        }
    }

    /// What the parts answered for one of their files (`fetched`, in the parts' order), each
    /// with the number its part's documents start from: those that hold it; `None` when none
    /// does, and the first error when every part failed (one that fails while others answer
    /// is left out).
    fn held_by_parts<T>(
        &self,
        fetched: Vec<Result<Option<Rc<T>>, AppError>>,
    ) -> Result<Option<Held<T>>, AppError> {
        if !fetched.is_empty() && fetched.iter().all(Result::is_err) {
            return fetched
                .into_iter()
                .find_map(Result::err)
                .map_or(Ok(None), Err);
        }
        let held: Vec<(Rc<T>, u32)> = fetched
            .into_iter()
            .zip(&self.parts)
            .filter_map(|(r, p)| Some((r.ok().flatten()?, p.start)))
            .collect();
        Ok((!held.is_empty()).then_some(held))
    }

    /// What every part holds of one kind (`get`: its calendar, a month, its facets), fetched
    /// at once and joined by `join`, each with its part's first document number; `None` where
    /// no part holds any, the error where every part failed.
    async fn joined<'a, T, Fut>(
        &'a self,
        get: impl Fn(&'a Part) -> Fut,
        join: impl FnOnce(&[(&T, u32)]) -> T,
    ) -> Result<Option<Rc<T>>, AppError>
    where
        Fut: std::future::Future<Output = Result<Option<Rc<T>>, AppError>>,
    {
        let fetched = join_all(self.parts.iter().map(get)).await;
        let Some(held) = self.held_by_parts(fetched)? else {
            return Ok(None);
        };
        let parts: Vec<(&T, u32)> = held.iter().map(|(v, s)| (&**v, *s)).collect();
        Ok(Some(Rc::new(join(&parts))))
    }

    /// The archives that could not be opened: the others are searched without them.
    pub fn unavailable(&self) -> &[Unavailable] {
        &self.unavailable
    }

    /// Number of articles in the archives open.
    pub fn len(&self) -> usize {
        self.parts.iter().map(Part::len).sum()
    }

    /// Bytes downloaded so far.
    pub fn fetched(&self) -> u64 {
        self.parts.iter().map(Part::fetched).sum()
    }

    /// The part holding document `doc` (numbered among all), with its number in the part.
    fn part_of(&self, doc: u32) -> Option<(&Part, u32)> {
        self.place_of(doc)
            .map(|(at, local)| (&self.parts[at], local))
    }

    /// Where document `doc` (numbered among all) is held: its part's place and its number in
    /// the part.
    fn place_of(&self, doc: u32) -> Option<(usize, u32)> {
        let at = self
            .parts
            .partition_point(|p| p.start <= doc)
            .checked_sub(1)?;
        let part = &self.parts[at];
        let local = doc - part.start;
        ((local as usize) < part.len()).then_some((at, local))
    }

    /// The part holding card chunk `chunk` (numbered among all), by place, with the chunk's
    /// number in the part.
    fn part_of_chunk(&self, chunk: u32) -> Option<(usize, u32)> {
        let at = self
            .card_starts
            .partition_point(|&s| s <= chunk)
            .checked_sub(1)?;
        Some((at, chunk - self.card_starts[at]))
    }

    /// One archived article, whole, by document number.
    pub async fn article(&self, doc: u32) -> Result<Option<LibraryPage>, AppError> {
        match self.part_of(doc) {
            Some((part, local)) => part.article(local).await,
            None => Ok(None),
        }
    }

    /// The calendar of dates (fetched once), or `None` when no archive was built with one.
    pub async fn calendar(&self) -> Result<Option<Rc<Calendar>>, AppError> {
        if let [part] = self.parts.as_slice() {
            return part.calendar().await;
        }
        if let Some(calendar) = self.calendar.borrow().clone() {
            return Ok(Some(calendar));
        }
        let calendar = self.joined(Part::calendar, Calendar::joined).await?;
        self.calendar.borrow_mut().clone_from(&calendar);
        Ok(calendar)
    }

    /// The calendar, if it has been fetched.
    pub fn cached_calendar(&self) -> Option<Rc<Calendar>> {
        match self.parts.as_slice() {
            [part] => part.cached_calendar(),
            _ => self.calendar.borrow().clone(),
        }
    }

    /// One month of the calendar (`YYYY-MM`, fetched once), or `None` when no archive holds a
    /// page of it.
    pub async fn month(&self, month: &str) -> Result<Option<Rc<CalendarMonth>>, AppError> {
        if let [part] = self.parts.as_slice() {
            return part.month(month).await;
        }
        if let Some(m) = self.months.borrow().get(month).cloned() {
            return Ok(Some(m));
        }
        let joined = self
            .joined(
                |p| p.month(month),
                |parts| CalendarMonth::joined(month, parts),
            )
            .await?;
        if let Some(m) = &joined {
            self.months.borrow_mut().insert(month.to_owned(), m.clone());
        }
        Ok(joined)
    }

    /// The cards of `docs`, fetching the chunks not yet loaded (all at once).
    pub async fn cards(&self, docs: &[u32]) -> Result<Vec<Rc<LibraryPage>>, AppError> {
        let missing = self.missing_cards(docs);
        self.locate_cards(&missing).await?;
        futures::future::try_join_all(missing.into_iter().map(|c| self.load_cards(c))).await?;
        Ok(docs.iter().filter_map(|&d| self.card(d)).collect())
    }

    /// Where document `doc`, printed on `date`, stands in that day's archived issue: its
    /// page's link key and the articles before and after it in printed order (through the
    /// day's pages), with their cards. `None` when the calendar does not hold it.
    pub async fn in_print(&self, doc: u32, date: &str) -> Result<Option<InPrint>, AppError> {
        if !kanbao_search::is_date(date) {
            return Ok(None);
        }
        let Some(month) = self.month(&date[..7]).await? else {
            return Ok(None);
        };
        let Some(day) = month.day(date) else {
            return Ok(None);
        };
        let order: Vec<u32> = day.pages.iter().flat_map(|p| p.docs()).collect();
        let Some(at) = order.iter().position(|&d| d == doc) else {
            return Ok(None);
        };
        let key = day.pages.iter().enumerate().find_map(|(n, p)| {
            p.docs()
                .contains(&doc)
                .then(|| p.page.clone().unwrap_or_else(|| format!("n{}", n + 1)))
        });
        let previous = at.checked_sub(1).and_then(|i| order.get(i)).copied();
        let next = order.get(at + 1).copied();
        let wanted: Vec<u32> = previous.into_iter().chain(next).collect();
        self.cards(&wanted).await?;
        Ok(Some(InPrint {
            page_key: key.unwrap_or_default(),
            previous: previous.and_then(|d| Some((d, self.card(d)?))),
            next: next.and_then(|d| Some((d, self.card(d)?))),
        }))
    }

    /// The card chunk (numbered among all) that holds a document's card; `None` for a
    /// document no part holds.
    pub fn card_chunk(&self, doc: u32) -> Option<u32> {
        let (at, local) = self.place_of(doc)?;
        Some(self.card_starts[at] + self.parts[at].card_chunk(local))
    }

    /// Whether a document's card chunk is on its way.
    pub fn card_loading(&self, doc: u32) -> bool {
        self.part_of(doc)
            .is_some_and(|(part, local)| part.card_loading(local))
    }

    /// A document's card (as a page of one article), once its chunk is loaded.
    pub fn card(&self, doc: u32) -> Option<Rc<LibraryPage>> {
        let (part, local) = self.part_of(doc)?;
        part.card(local)
    }

    /// The card chunks that the cards of `docs` need, neither loaded nor on their way, in the
    /// order of the documents they first serve.
    pub fn missing_cards(&self, docs: &[u32]) -> Vec<u32> {
        let mut chunks: Vec<u32> = Vec::new();
        for &doc in docs {
            let Some((at, local)) = self.place_of(doc) else {
                continue;
            };
            let part = &self.parts[at];
            if part.missing_cards(&[local]).is_empty() {
                continue;
            }
            let chunk = self.card_starts[at] + part.card_chunk(local);
            if !chunks.contains(&chunk) {
                chunks.push(chunk);
            }
        }
        chunks
    }

    /// Fetches the directory pages that place the card chunks `chunks` in packed archives,
    /// together, before the chunks are loaded one by one (each shows as it comes in).
    pub async fn locate_cards(&self, chunks: &[u32]) -> Result<(), AppError> {
        let mut by_part: Vec<Vec<u32>> = vec![Vec::new(); self.parts.len()];
        for &chunk in chunks {
            if let Some((at, local)) = self.part_of_chunk(chunk) {
                by_part[at].push(local);
            }
        }
        let located = self
            .parts
            .iter()
            .zip(&by_part)
            .filter(|(_, chunks)| !chunks.is_empty())
            .map(|(part, chunks)| part.locate_cards(chunks));
        futures::future::try_join_all(located).await?;
        Ok(())
    }

    /// Loads one chunk of cards (see [`missing_cards`](Self::missing_cards)); a chunk that
    /// fails may be asked for again.
    pub async fn load_cards(&self, chunk: u32) -> Result<(), AppError> {
        match self.part_of_chunk(chunk) {
            Some((at, local)) => self.parts[at].load_cards(local).await,
            None => Ok(()),
        }
    }

    /// The results with `more` further shown, searching further back as needed.
    pub async fn more(
        &self,
        results: &ArchiveResults,
        more: usize,
    ) -> Result<ArchiveResults, AppError> {
        let want = results.shown + more;
        let mut docs = results.docs.to_vec();
        self.advance(&results.search, &mut docs, want).await?;
        Ok(ArchiveResults {
            shown: want.min(docs.len()),
            docs: docs.into(),
            ..results.clone()
        })
    }

    /// The results with the search carried further back until `more` further matches are
    /// found (or the archive is searched through), the list showing no more than before: for
    /// counting, not for listing.
    pub async fn count_further(
        &self,
        results: &ArchiveResults,
        more: usize,
    ) -> Result<ArchiveResults, AppError> {
        let mut docs = results.docs.to_vec();
        let want = docs.len() + more;
        self.advance(&results.search, &mut docs, want).await?;
        Ok(ArchiveResults {
            docs: docs.into(),
            ..results.clone()
        })
    }

    /// Whether the archive's searches can be filtered on a facet: every part's can.
    pub fn filterable(&self, facet: Facet) -> bool {
        self.parts.iter().all(|p| p.filterable(facet))
    }

    /// The facets' most common values with their counts over the whole archive (fetched
    /// once), or `None` when no archive lists any (built before facets were indexed).
    pub async fn facets(&self) -> Result<Option<Rc<ArchiveFacets>>, AppError> {
        if let [part] = self.parts.as_slice() {
            return part.facets().await;
        }
        if let Some(facets) = self.facets.borrow().clone() {
            return Ok(Some(facets));
        }
        let facets = self
            .joined(Part::facets, |parts| {
                ArchiveFacets::joined(&parts.iter().map(|&(f, _)| f).collect::<Vec<_>>())
            })
            .await?;
        self.facets.borrow_mut().clone_from(&facets);
        Ok(facets)
    }

    /// Fetches the directory pages that place the shards of the parts a search starts with
    /// (the newest, holding a first wave's articles: [`FIRST_WAVE`]), each part's in one Range
    /// request; older parts are placed when a search reaches them. A part that cannot be
    /// placed now is tried again by its search.
    pub async fn locate_shards(&self) {
        let mut held = 0u64;
        let first_wave = self.parts.iter().rev().take_while(|part| {
            let more = held < FIRST_WAVE;
            held += part.len() as u64;
            more
        });
        futures::future::join_all(first_wave.map(Part::locate_shards)).await;
    }

    /// Searches the archives, fetching only the shards and blocks its first `first` matches
    /// need, and returns them (their cards are loaded apart), newest first or, with
    /// `oldest_first`, oldest first. Only articles that pass `filters` match, for the facets
    /// the archives can filter on (see [`ArchiveResults::filters_ignored`]); without search
    /// text, every article that passes them. With a `period` (from, to), only its documents
    /// are searched, where an archive can tell which they are (see
    /// [`ArchiveResults::period_ignored`]). A part that fails is left out and named (see
    /// [`ArchiveResults::unanswered`]) while the others answer; the search fails when every
    /// part does.
    pub async fn search(
        &self,
        query: &Query,
        filters: &Filters,
        first: usize,
        period: Option<&(String, String)>,
        oldest_first: bool,
    ) -> Result<ArchiveResults, AppError> {
        let mut lanes: Vec<Lane> = self
            .parts
            .iter()
            .enumerate()
            .map(|(at, part)| Lane {
                part: at,
                start: part.start,
                docs: part.len() as u32,
                search: OnceCell::new(),
                failed: Cell::new(false),
            })
            .collect();
        if !oldest_first {
            lanes.reverse();
        }
        let search = Rc::new(Searches {
            lanes,
            query: query.clone(),
            filters: filters.clone(),
            period: period.cloned(),
            oldest_first,
            wave: Cell::new(FIRST_WAVE),
            period_ignored: Cell::new(false),
            failed: RefCell::new(Vec::new()),
        });
        let mut docs = Vec::new();
        self.advance(&search, &mut docs, first).await?;
        let filters_ignored: Vec<Facet> = filters
            .iter()
            .filter(|(f, values)| !values.is_empty() && !self.filterable(**f))
            .map(|(f, _)| *f)
            .collect();
        Ok(ArchiveResults {
            shown: first.min(docs.len()),
            docs: docs.into(),
            search,
            filters_ignored: filters_ignored.into(),
        })
    }

    /// Starts the searches of the wave of parts from the lane at `from` at once (see
    /// [`Searches::wave_from`]): each fetches the shards its plan needs. A part that fails is
    /// left, named in the search; the error is the search's when no part is left to answer.
    async fn start_wave(&self, search: &Searches, from: usize) -> Result<(), AppError> {
        let wave = search.wave_from(from);
        let started = join_all(wave.iter().map(|&at| {
            self.parts[search.lanes[at].part].start_search(
                &search.query,
                &search.filters,
                search.period.as_ref(),
                search.oldest_first,
            )
        }))
        .await;
        let mut left = Ok(());
        for (&at, started) in wave.iter().zip(started) {
            let lane = &search.lanes[at];
            match started {
                Ok((s, ignored)) => {
                    if ignored {
                        search.period_ignored.set(true);
                    }
                    let _ = lane.search.set(RefCell::new(s));
                }
                Err(error) => left = search.leave(at, self.parts[lane.part].name.clone(), error),
            }
        }
        left
    }

    /// Runs a search on, part after part, until `docs` holds `want` matches or every part is
    /// searched. A part that fails is left, named in the search, with what the others found;
    /// the error is the search's once every part has failed.
    async fn advance(
        &self,
        search: &Searches,
        docs: &mut Vec<u32>,
        want: usize,
    ) -> Result<(), AppError> {
        while docs.len() < want {
            let Some(at) = search.lanes.iter().position(Lane::open) else {
                break;
            };
            let lane = &search.lanes[at];
            let Some(running) = lane.search.get() else {
                self.start_wave(search, at).await?;
                continue;
            };
            let mut found = Vec::new();
            let advanced = self.parts[lane.part]
                .advance(running, &mut found, want - docs.len())
                .await;
            docs.extend(found.into_iter().map(|d| d.saturating_add(lane.start)));
            if let Err(error) = advanced {
                search.leave(at, self.parts[lane.part].name.clone(), error)?;
            }
        }
        Ok(())
    }
}

/// The archives the deployment's manifest lists, and whether it lists any (otherwise the
/// site's own `archive/`). A manifest that cannot be read lists none: the library reports it.
async fn listed_archives() -> (Vec<ListedArchive>, bool) {
    match crate::data::deployment_manifest().await {
        Ok(Some(manifest)) => (manifest.archives_searched(), !manifest.archives.is_empty()),
        _ => (kanbao_files::Manifest::default().archives_searched(), false),
    }
}

/// Whether an address is one Kanbao reads an archive from: the site's own (relative) or
/// `http(s)://`.
fn readable(archive: &ListedArchive) -> bool {
    archive.origin().is_some() || !archive.url.contains(':')
}

/// Why an archive cannot be numbered after the others: more articles in all than a document
/// number holds.
fn too_many(base: &str) -> AppError {
    AppError::ArchiveCorrupt {
        url: format!("{base}index/manifest.json"),
        detail: "the archives hold more than 4,294,967,295 articles in all".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search over parts of `docs` documents each, in the order searched, none started.
    fn searches(docs: &[u32]) -> Searches {
        let mut start = 0;
        let lanes = docs
            .iter()
            .enumerate()
            .map(|(part, &docs)| {
                let lane = Lane {
                    part,
                    start,
                    docs,
                    search: OnceCell::new(),
                    failed: Cell::new(false),
                };
                start += docs;
                lane
            })
            .collect();
        Searches {
            lanes,
            query: Query::parse("港口"),
            filters: Filters::new(),
            period: None,
            oldest_first: false,
            wave: Cell::new(FIRST_WAVE),
            period_ignored: Cell::new(false),
            failed: RefCell::new(Vec::new()),
        }
    }

    #[test]
    fn parts_are_started_in_waves_that_double() {
        // Day segments of 100 articles: the first wave holds 4,096 of them, the next twice that.
        let days = searches(&[100; 200]);
        let first = days.wave_from(0);
        assert_eq!(first, (0..41).collect::<Vec<_>>());
        assert_eq!(days.wave_from(41).len(), 82);
        // A large partition is a wave of its own.
        let partitions = searches(&[300_000, 300_000, 300_000]);
        assert_eq!(partitions.wave_from(0), [0]);
        assert_eq!(partitions.wave_from(1), [1]);
        // Failed lanes are passed over.
        let some_failed = searches(&[1_000, 1_000, 5_000]);
        some_failed.lanes[1].failed.set(true);
        assert_eq!(some_failed.wave_from(0), [0, 2]);
    }

    #[test]
    fn a_part_that_fails_is_named_and_the_search_fails_only_when_every_part_has() {
        let s = searches(&[100, 900, 50]);
        // The newest part is searched through (not failed), the next fails: its name is
        // listed, and the search keeps what the first found.
        assert!(s.leave(1, "第二段".into(), AppError::Empty).is_ok());
        assert!(s.leave(2, "第三段".into(), AppError::Empty).is_ok());
        assert_eq!(
            s.failed
                .borrow()
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>(),
            ["第二段", "第三段"]
        );
        assert!(!s.done(), "the first part is still to search");
        assert!(s.leave(0, "第一段".into(), AppError::Empty).is_err());
    }

    #[test]
    fn parts_not_started_are_still_to_search_and_count_by_their_share() {
        let s = searches(&[100, 900]);
        assert!(!s.done());
        assert_eq!(s.unsearched(), 0..1_000);
        assert_eq!(s.estimate(), 0);
        // Every part failed: nothing left, and nothing to count.
        for lane in &s.lanes {
            lane.failed.set(true);
        }
        assert!(s.done());
        assert_eq!(s.unsearched(), 0..0);
    }
}
