//! `kanbao build DIR -o SITE`: a directory of page text files into a static, searchable archive.
//!
//! Writes `SITE/archive/` (the files below, then packed, unless `--loose`):
//! - `records/NNNN.json`: the articles, in chunks of `--chunk-size`, each an array of records
//!   (what the reader shows: headline group, byline, kind, page, lead, blocks); article `i` of
//!   the archive is record `i % chunk_size` of chunk `i / chunk_size`;
//! - `cards/NNNN.json`: what a result list shows of each article (headline group, byline,
//!   kind, page and the first [`EXCERPT_CHARS`] characters of its body), in chunks of
//!   `--card-chunk-size`, so listing search results never downloads whole articles;
//! - `index/manifest.json`, `index/docs/NNNN.bin`, `index/positions/NNNN.bin`,
//!   `index/blocks/NNN/NNN.bin`: the sharded search index ([`kanbao_search::ArchiveBuilder`]),
//!   so a browser downloads only the shards and blocks a page of results needs;
//! - `calendar/index.json` and `calendar/YYYY-MM.json` ([`kanbao_search::Calendar`]): the
//!   dates held, and each day's pages in page order with the articles each holds, so opening
//!   a date fetches one small file;
//! - `facets.json` ([`ArchiveFacets`]): the most common reporters, correspondents,
//!   photographers, authors, kinds, pages and places, with how many articles hold each; every
//!   value is also a key of the index, so a search can be filtered on it.
//!
//! The shards, blocks and chunks are then packed into a few files of at most 16 MiB
//! (`packs/NNNN.pack`, with `packs/directory.bin` saying where each is, and the manifest which
//! kinds are packed: [`kanbao_search::Packs`]), which a browser reads with HTTP Range requests:
//! a 60,000-page archive is some 170 files instead of some 80,000, for static hosts that cap
//! their files. The packs hold the same bytes the loose files would; `--loose` leaves them
//! loose, for a server that does not answer Range requests.
//!
//! Every file but the manifest is stored gzipped, its name ending in `.gz`
//! ([`Compression::Gzip`]): the browser decompresses it natively, so it travels compressed
//! from any static server, and the archive takes about half the disk.
//!
//! Each page's corrections (`A01.txt.kanbao.json` beside it, or under `--corrections DIR` at
//! the page's path) are applied to what the parser read; a corrections file that cannot be read
//! is named on stderr, its page built uncorrected, and the exit code is 1.
//!
//! Page files are found recursively and taken in path order, so the same directory always
//! gives the same archive, and a search lists the last in path order first: pages kept in
//! dated folders or named by date come newest first. A file that cannot be read is named on
//! stderr and skipped; the others are still built, and the exit code is 1. The archive is
//! written beside the old one and then moved into place, so `SITE/archive` is always whole.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Context;
use flate2::write::GzEncoder;
use kanbao_search::{
    Archive, ArchiveFacets, ArchiveRecord, Calendar, CalendarBuilder, CalendarMonth, Compression,
    DIRECTORY_PATH, DayPage, DocKeys, Document, Facet, FileId, Layer, Layout, Manifest, PACK_BYTES,
    PACKED_DIRS, PackEntry, PackWriter, PackedKind, Packs, Segment, Shard, with_block_places,
};

use kanbao_parse::{Article, Meta};

use super::index::{FacetCounts, IndexBuild};

/// How every file but the manifest is stored.
const STORED: Compression = Compression::Gzip;

/// Arguments of `kanbao build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory of page text files (searched recursively).
    #[arg(required_unless_present = "compact")]
    dir: Option<PathBuf>,
    /// Site directory; the archive goes to SITE/archive.
    #[arg(long = "output", short = 'o', value_name = "SITE")]
    output: PathBuf,
    /// Articles per record chunk (what opening one article downloads).
    #[arg(long, default_value_t = 32, value_parser = clap::value_parser!(u32).range(1..))]
    chunk_size: u32,
    /// Cards per card chunk (what showing one search result downloads: results far apart
    /// in the archive each need their own chunk).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..))]
    card_chunk_size: u32,
    /// Target size of one index shard, in KiB before compression.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..))]
    shard_kib: u32,
    /// Target size of one block of a long posting list, in KiB before compression.
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..))]
    block_kib: u32,
    /// The paper the pages are of, as the calendar names it.
    #[arg(long)]
    paper: Option<String>,
    /// Read each page's corrections from DIR/<path under the page folder>.kanbao.json instead
    /// of the `.kanbao.json` file beside the page.
    #[arg(long, value_name = "DIR")]
    corrections: Option<PathBuf>,
    /// Threads that read and parse pages (default: one per core). The archive is the same
    /// whatever the number.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    threads: Option<u32>,
    /// The memory the build may hold, about (`512M`, `2G`; bytes without a unit): the index
    /// is gathered in runs written to disk and merged, so an archive of any size builds
    /// within it. The archive is the same whatever the limit.
    #[arg(long, default_value = "1G", value_parser = parse_memory)]
    memory: u64,
    /// Write one file for each shard, block and chunk instead of pack files of at most
    /// 16 MiB read by HTTP Range requests: for a server that does not answer Range requests.
    #[arg(long)]
    loose: bool,
    /// Add the pages of DIR to the archive already in SITE instead of building it anew: they
    /// go into a new segment (`SITE/archive/segments/NNNN/`, a whole archive of its own) that
    /// the reader searches after the archive and the segments before it, and the archive's
    /// manifest lists it. No other file is written again, so what a browser or a CDN holds
    /// stays good. The time taken is the new pages', not the archive's.
    #[arg(long, conflicts_with = "compact")]
    append: bool,
    /// Build the archive in SITE and the segments appended to it again as one archive, from
    /// the archive's own records (no pages needed): what one build of all the pages, in the
    /// order they were added, writes.
    #[arg(long, conflicts_with = "dir")]
    compact: bool,
}

impl Args {
    /// How the archive is cut into files.
    fn layout(&self) -> Layout {
        Layout {
            chunk_size: self.chunk_size,
            card_chunk_size: self.card_chunk_size,
            shard_bytes: self.shard_kib.saturating_mul(1024),
            block_bytes: self.block_kib.saturating_mul(1024),
        }
    }

    /// The threads that read, parse and index: as told, or one per core.
    fn threads(&self) -> usize {
        self.threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            |n| n as usize,
        )
    }

    /// The memory the build may hold, about.
    fn memory(&self) -> usize {
        usize::try_from(self.memory).unwrap_or(usize::MAX)
    }
}

/// `kanbao build --compact`.
fn compact(args: &Args) -> anyhow::Result<()> {
    super::compact::compact(&super::compact::Compaction {
        site: &args.output,
        layout: args.layout(),
        threads: args.threads(),
        memory: args.memory(),
        loose: args.loose,
        paper: args.paper.clone(),
    })
}

/// Reads a memory limit: a number of bytes, or of `K`, `M` or `G` (binary units).
fn parse_memory(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let scale: u64 = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches(['B', 'I'])
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => {
            return Err(format!(
                "{text:?} is not an amount of memory (say 512M or 2G)"
            ));
        }
    };
    let bytes = number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| format!("{text:?} is not an amount of memory (say 512M or 2G)"))?;
    if bytes < 64 << 20 {
        return Err(format!(
            "{text:?} is too little memory to build in: at least 64M"
        ));
    }
    Ok(bytes)
}

/// Runs `kanbao build`: exit 0 when every file was built, 1 when some could not be read.
pub fn run(args: &Args) -> ExitCode {
    let done = match &args.dir {
        Some(dir) => build(args, dir),
        None => compact(args).map(|()| true),
    };
    match done {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("kanbao: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// Builds the archive; returns whether every file could be read.
fn build(args: &Args, dir: &Path) -> anyhow::Result<bool> {
    let started = Instant::now();
    // Found as they are read, in path order: only the folders open are held, not every path.
    let files =
        PageFiles::new(dir).with_context(|| format!("cannot read directory {}", dir.display()))?;

    let root = args.output.join("archive");
    // Appending: the archive's manifest, and where the new segment goes.
    let appending = if args.append {
        let manifest = read_manifest(&root.join("index"), "append to")?;
        let path = Segment::path_of(manifest.segments.len() + 1);
        Some((manifest, path))
    } else {
        None
    };
    let (archive_dir, partial) = match &appending {
        Some((_, path)) => (root.join(path), root.join(".segment-partial")),
        None => (root.clone(), args.output.join(".archive-partial")),
    };
    if partial.exists() {
        fs::remove_dir_all(&partial)
            .with_context(|| format!("cannot remove {}", partial.display()))?;
    }
    let threads = args.threads();
    let mut out = ArchiveWriter::new(partial.clone(), args.layout(), threads, args.memory())?;
    let mut calendar = CalendarBuilder::new(args.paper.clone());
    let (mut pages, mut text_bytes, mut all_read) = (0usize, 0u64, true);
    // Pages are read and parsed on the reading threads; what depends on the order (ids,
    // postings, chunks) is done here, in file order.
    let read = |path: &PathBuf| {
        let name = path.strip_prefix(dir).unwrap_or(path);
        let name = name.to_string_lossy().replace('\\', "/");
        // Each article's keys are read here too, on the reading threads.
        super::parse::read_corrected_page(path, &name, args.corrections.as_deref()).map(
            |(page, read)| {
                let source = page.source.name.as_str();
                let keys: Vec<DocKeys> = page
                    .articles
                    .iter()
                    .map(|article| {
                        let facets = Facet::archived_values(
                            article,
                            &page.meta,
                            args.paper.as_deref(),
                            source,
                        );
                        DocKeys::new(&Document::from(article), facets)
                    })
                    .collect();
                (page, read, keys)
            },
        )
    };
    in_order(files, threads, read, |path, result| {
        let (page, keys) = match result {
            Ok((page, read, keys)) => {
                all_read &= read;
                (page, keys)
            }
            Err(err) => {
                eprintln!("kanbao: {}: {err:#}", path.display());
                all_read = false;
                return Ok(());
            }
        };
        pages += 1;
        text_bytes += page.source.bytes as u64;
        calendar.add(
            page.meta.date.as_deref(),
            DayPage {
                page: page.meta.page.clone(),
                section: page.meta.section.clone(),
                first: out.len(),
                count: page.articles.len() as u32,
            },
        );
        let source = page.source.name.as_str();
        for (article, keys) in page.articles.iter().zip(keys) {
            out.add(article, &page.meta, source, keys)?;
        }
        Ok(())
    })?;
    let articles = out.len();
    let written = out.finish(calendar, args.loose)?;
    if let Some((mut manifest, path)) = appending {
        if articles == 0 {
            fs::remove_dir_all(&partial)
                .with_context(|| format!("cannot remove {}", partial.display()))?;
            println!("kanbao: no articles in {}: nothing appended", dir.display());
            return Ok(all_read);
        }
        if let Some(parent) = archive_dir.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        fs::rename(&partial, &archive_dir)
            .with_context(|| format!("cannot move the segment to {}", archive_dir.display()))?;
        manifest.segments.push(Segment {
            path,
            docs: articles,
        });
        replace_manifest(&root.join("index"), &manifest)?;
    } else {
        if archive_dir.exists() {
            fs::remove_dir_all(&archive_dir)
                .with_context(|| format!("cannot replace {}", archive_dir.display()))?;
        }
        fs::rename(&partial, &archive_dir)
            .with_context(|| format!("cannot move the archive to {}", archive_dir.display()))?;
    }
    let m = &written.manifest;
    println!(
        "kanbao: built {} from {pages} pages ({:.1} MB of text): {articles} articles in {} record and {} card chunks, \
         index {:.1} MB ({:.0}% of the text) in {} docs and {} positions shards and {} blocks (gathered in {} runs), {} dates, {:.1} s",
        archive_dir.display(),
        text_bytes as f64 / 1e6,
        m.chunks,
        m.card_chunks,
        written.index_bytes as f64 / 1e6,
        100.0 * written.index_bytes as f64 / text_bytes.max(1) as f64,
        m.doc_shards,
        m.position_shards,
        m.blocks,
        written.runs,
        written.days,
        started.elapsed().as_secs_f64(),
    );
    Ok(all_read)
}

/// How many items ahead of the one awaited the reading threads may go: what bounds the items
/// held while a slow one is read.
const AHEAD: usize = 64;

/// Reads `items` with `read` on `threads` threads and hands each item and its result to
/// `take` in the items' order, as one thread would; stops at the first item that could not be
/// had and at the first error `take` returns. At most [`AHEAD`] results wait for an earlier
/// one, and the items are drawn as the readers need them.
pub(super) fn in_order<X: Send, T: Send>(
    items: impl Iterator<Item = anyhow::Result<X>> + Send,
    threads: usize,
    read: impl Fn(&X) -> T + Sync,
    mut take: impl FnMut(X, T) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Condvar, Mutex, mpsc};

    if threads <= 1 {
        for item in items {
            let item = item?;
            let result = read(&item);
            take(item, result)?;
        }
        return Ok(());
    }
    // The items and how many were drawn.
    let source = Mutex::new((items, 0usize));
    let stop = AtomicBool::new(false);
    // The index of the next result `take` awaits, which the readers may not run far ahead of.
    let awaited = (Mutex::new(0usize), Condvar::new());
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, anyhow::Result<(X, T)>)>();
        for _ in 0..threads {
            let tx = tx.clone();
            let (source, stop, awaited, read) = (&source, &stop, &awaited, &read);
            scope.spawn(move || {
                loop {
                    let (i, item) = {
                        let mut s = source.lock().unwrap_or_else(|e| e.into_inner());
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let Some(item) = s.0.next() else { break };
                        s.1 += 1;
                        (s.1 - 1, item)
                    };
                    {
                        let (lock, wake) = awaited;
                        let mut at = lock.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *at + AHEAD && !stop.load(Ordering::Relaxed) {
                            at = wake.wait(at).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let failed = item.is_err();
                    let result = item.map(|x| {
                        let r = read(&x);
                        (x, r)
                    });
                    if tx.send((i, result)).is_err() || failed {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, anyhow::Result<(X, T)>> = BTreeMap::new();
        let mut want = 0;
        let mut outcome = Ok(());
        for (i, result) in rx.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&want) {
                if outcome.is_ok() {
                    outcome = result.and_then(|(x, r)| take(x, r));
                }
                want += 1;
                let (lock, wake) = &awaited;
                *lock.lock().unwrap_or_else(|e| e.into_inner()) = want;
                wake.notify_all();
            }
            if outcome.is_err() {
                stop.store(true, Ordering::Relaxed);
                awaited.1.notify_all();
                break;
            }
        }
        outcome
    })
}

/// The page files under a folder, every non-hidden file but the corrections beside the pages,
/// in path order, found as they are read: each folder is listed and sorted when it is reached
/// (sorting siblings by name is sorting whole paths), so only the folders open are held, not
/// every path of an archive of millions of pages.
struct PageFiles {
    open: Vec<std::vec::IntoIter<(PathBuf, bool)>>,
}

impl PageFiles {
    fn new(dir: &Path) -> std::io::Result<PageFiles> {
        Ok(PageFiles {
            open: vec![listing(dir)?],
        })
    }
}

/// A folder's entries (path, whether a folder), sorted, without hidden files and corrections.
fn listing(dir: &Path) -> std::io::Result<std::vec::IntoIter<(PathBuf, bool)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with('.') || file.ends_with(super::parse::SIDECAR) {
            continue;
        }
        entries.push((entry.path(), entry.file_type()?.is_dir()));
    }
    entries.sort();
    Ok(entries.into_iter())
}

impl Iterator for PageFiles {
    type Item = anyhow::Result<PathBuf>;

    fn next(&mut self) -> Option<anyhow::Result<PathBuf>> {
        loop {
            match self.open.last_mut()?.next() {
                None => {
                    self.open.pop();
                }
                Some((path, false)) => return Some(Ok(path)),
                Some((path, true)) => {
                    match listing(&path) {
                        Ok(entries) => self.open.push(entries),
                        Err(e) => {
                            self.open.clear();
                            return Some(Err(e).with_context(|| {
                                format!("cannot read directory {}", path.display())
                            }));
                        }
                    }
                }
            }
        }
    }
}

/// An archive written article by article, in document order, then finished: its records and
/// cards in chunks as they fill, its index gathered in runs within the memory limit, its facet
/// values counted. Built from pages (`kanbao build`) or from an archive's own records
/// (`--compact`).
pub(super) struct ArchiveWriter {
    partial: PathBuf,
    layout: Layout,
    records: Chunks,
    cards: Chunks,
    writer: Option<ChunkWriter>,
    index: IndexBuild,
    facets: FacetCounts,
}

/// What [`ArchiveWriter::finish`] wrote.
pub(super) struct Written {
    pub(super) manifest: Manifest,
    /// Bytes of the index files and the manifest.
    pub(super) index_bytes: u64,
    /// Runs the index was gathered in.
    pub(super) runs: u32,
    /// Dates the calendar holds.
    pub(super) days: u32,
}

impl ArchiveWriter {
    /// Starts writing an archive into `partial`, cut as `layout` says, indexing on `threads`
    /// threads within about `memory` bytes.
    pub(super) fn new(
        partial: PathBuf,
        layout: Layout,
        threads: usize,
        memory: usize,
    ) -> anyhow::Result<ArchiveWriter> {
        // With more than one thread, chunks are encoded and written on a thread of their own.
        let writer = (threads > 1).then(ChunkWriter::start);
        let records = Chunks::new(partial.join("records"), layout.chunk_size, writer.as_ref())?;
        let cards = Chunks::new(
            partial.join("cards"),
            layout.card_chunk_size,
            writer.as_ref(),
        )?;
        let index = IndexBuild::new(partial.join(".runs"), layout, threads, memory)?;
        // An eighth of the limit counts facet values.
        let facets = FacetCounts::new(partial.join(".facets"), memory / 8);
        Ok(ArchiveWriter {
            partial,
            layout,
            records,
            cards,
            writer,
            index,
            facets,
        })
    }

    /// Articles added so far: the number the next one gets.
    pub(super) fn len(&self) -> u32 {
        self.index.len()
    }

    /// Adds `article`, of a page with `meta` read from the file `source`, with its keys.
    pub(super) fn add(
        &mut self,
        article: &Article,
        meta: &Meta,
        source: &str,
        keys: DocKeys,
    ) -> anyhow::Result<()> {
        self.facets.add(keys.facets())?;
        let id = self.index.add(keys)?;
        self.records
            .push(ArchiveRecord::record(id, article, meta, source))?;
        self.cards
            .push(ArchiveRecord::card(id, article, meta, source))?;
        Ok(())
    }

    /// Writes the rest: the last chunks, the index and its manifest, the calendar of the
    /// pages added, the facets; then packs the archive unless `loose`.
    pub(super) fn finish(self, calendar: CalendarBuilder, loose: bool) -> anyhow::Result<Written> {
        self.records.finish()?;
        self.cards.finish()?;
        if let Some(writer) = self.writer {
            writer.finish()?;
        }
        let partial = self.partial;
        let articles = self.index.len();
        let index_dir = partial.join("index");
        let written = self
            .index
            .finish(&index_dir, STORED.suffix(), &|bytes| gzipped(bytes))?;
        let mut manifest =
            Manifest::for_index(articles, self.layout, written.shards, written.blocks);
        manifest.sizes = written.sizes;
        manifest.compression = STORED;
        manifest.calendar = true;
        let mut archive = Archive {
            manifest,
            files: Default::default(),
            facets: self.facets.finish()?,
        };
        let (calendar, months) = calendar.finish();
        let days = write_calendar(&partial.join("calendar"), &calendar, &months)?;
        let index_bytes = archive.manifest.sizes.total() + write_manifest(&index_dir, &archive)?;
        if !loose {
            let packs = pack_archive(&partial, &archive.manifest)?;
            archive.manifest.packs = Some(packs);
            write_manifest(&partial.join("index"), &archive)?;
        }
        write_gz(
            &partial.join(format!("{}{}", ArchiveFacets::PATH, STORED.suffix())),
            serde_json::to_string(&archive.facets)?.as_bytes(),
        )?;
        Ok(Written {
            manifest: archive.manifest,
            index_bytes,
            runs: written.runs,
            days,
        })
    }
}

/// Numbered JSON files of up to `size` records or cards each, written as they fill.
struct Chunks {
    dir: PathBuf,
    size: usize,
    next: u32,
    values: Vec<ArchiveRecord>,
    /// Where full chunks go to be written; written here when there is none.
    writer: Option<mpsc::SyncSender<(PathBuf, Vec<ArchiveRecord>)>>,
}

impl Chunks {
    fn new(dir: PathBuf, size: u32, writer: Option<&ChunkWriter>) -> anyhow::Result<Chunks> {
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Chunks {
            dir,
            size: size as usize,
            next: 0,
            values: Vec::with_capacity(size as usize),
            writer: writer.map(|w| w.tx.clone()),
        })
    }

    fn push(&mut self, value: ArchiveRecord) -> anyhow::Result<()> {
        self.values.push(value);
        if self.values.len() == self.size {
            self.write()?;
        }
        Ok(())
    }

    fn finish(mut self) -> anyhow::Result<()> {
        if !self.values.is_empty() {
            self.write()?;
        }
        Ok(())
    }

    fn write(&mut self) -> anyhow::Result<()> {
        let path = self.dir.join(chunk_file(self.next));
        self.next += 1;
        let values = std::mem::replace(&mut self.values, Vec::with_capacity(self.size));
        match &self.writer {
            // A writer that stopped has met an error, which its `finish` reports.
            Some(tx) => {
                let _ = tx.send((path, values));
                Ok(())
            }
            None => write_chunk(&path, &values),
        }
    }
}

/// One chunk of records or cards, as JSON, gzipped.
fn write_chunk(path: &Path, values: &[ArchiveRecord]) -> anyhow::Result<()> {
    let json = serde_json::to_string(values)?;
    write_gz(path, json.as_bytes())?;
    Ok(())
}

/// Encodes and writes chunks on a thread of its own, in the order they are handed over; the
/// first error stops it, and `finish` reports it.
struct ChunkWriter {
    tx: mpsc::SyncSender<(PathBuf, Vec<ArchiveRecord>)>,
    thread: std::thread::JoinHandle<anyhow::Result<()>>,
}

impl ChunkWriter {
    fn start() -> ChunkWriter {
        // A few chunks may wait: what bounds the records held.
        let (tx, rx) = mpsc::sync_channel::<(PathBuf, Vec<ArchiveRecord>)>(16);
        let thread = std::thread::spawn(move || {
            for (path, values) in rx {
                write_chunk(&path, &values)?;
            }
            Ok(())
        });
        ChunkWriter { tx, thread }
    }

    /// Waits until every chunk handed over is written.
    fn finish(self) -> anyhow::Result<()> {
        drop(self.tx);
        self.thread
            .join()
            .map_err(|_| anyhow::anyhow!("the chunk writer panicked"))?
    }
}

/// Writes the calendar and its months; returns how many dates it holds.
fn write_calendar(
    dir: &Path,
    calendar: &Calendar,
    months: &[CalendarMonth],
) -> anyhow::Result<u32> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let root = dir.parent().unwrap_or(dir);
    let gz = STORED.suffix();
    for month in months {
        let json = serde_json::to_string(month)?;
        write_gz(
            &root.join(format!("{}{gz}", CalendarMonth::path(&month.month))),
            json.as_bytes(),
        )?;
    }
    let json = serde_json::to_string(calendar)?;
    write_gz(
        &root.join(format!("{}{gz}", Calendar::PATH)),
        json.as_bytes(),
    )?;
    Ok(calendar.months.iter().map(|m| m.days).sum())
}

/// The manifest of the archive whose index is `dir`, to `act` on it (`append to`, `compact`).
pub(super) fn read_manifest(dir: &Path, act: &str) -> anyhow::Result<Manifest> {
    let path = dir.join("manifest.json");
    let text = fs::read(&path).with_context(|| {
        format!(
            "no archive to {act} at {} (build one first: kanbao build DIR -o SITE)",
            path.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_slice(&text)
        .with_context(|| format!("{} is not an archive's manifest", path.display()))?;
    if manifest.format != kanbao_search::ARCHIVE_FORMAT {
        anyhow::bail!(
            "{} is of format {}, not {}: build the archive anew",
            path.display(),
            manifest.format,
            kanbao_search::ARCHIVE_FORMAT
        );
    }
    Ok(manifest)
}

/// Writes the manifest of the archive whose index is `dir` in place of the one there, whole
/// or not at all: beside it first, then moved over it.
fn replace_manifest(dir: &Path, manifest: &Manifest) -> anyhow::Result<()> {
    let (path, next) = (dir.join("manifest.json"), dir.join(".manifest.json.next"));
    fs::write(&next, serde_json::to_string(manifest)?)
        .with_context(|| format!("cannot write {}", next.display()))?;
    fs::rename(&next, &path).with_context(|| format!("cannot replace {}", path.display()))
}

/// Writes the index's `manifest.json`; returns its size.
fn write_manifest(dir: &Path, archive: &Archive) -> anyhow::Result<u64> {
    let manifest = serde_json::to_string(&archive.manifest)?;
    let path = dir.join("manifest.json");
    fs::write(&path, &manifest).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(manifest.len() as u64)
}

/// Moves the loose shards, blocks and chunks of the archive in `dir` into pack files
/// (`packs/NNNN.pack`) and writes the directory (`packs/directory.bin`), kind by kind in
/// [`PACKED_DIRS`] order and by number, so the same archive always packs the same way. The
/// blocks are packed first; each shard, packed after them, carries their places. The files
/// are named from the numbers the manifest counts, not listed, so that millions of them are
/// never held at once.
fn pack_archive(dir: &Path, manifest: &Manifest) -> anyhow::Result<Packs> {
    let packs_dir = dir.join("packs");
    fs::create_dir_all(&packs_dir)
        .with_context(|| format!("cannot create {}", packs_dir.display()))?;
    let mut writer = PackWriter::new(PACK_BYTES);
    let mut out: Option<(u32, std::io::BufWriter<fs::File>)> = None;
    let mut kinds = Vec::new();
    for kind in PACKED_DIRS {
        let kind_dir = dir.join(kind);
        let count = match kind {
            "index/blocks" => manifest.blocks,
            "index/docs" => manifest.doc_shards,
            "index/positions" => manifest.position_shards,
            "records" => manifest.chunks,
            "cards" => manifest.card_chunks,
            other => anyhow::bail!("{other} is no kind of file the archive packs"),
        };
        kinds.push(PackedKind {
            dir: kind.to_owned(),
            first: writer.entries(),
            count,
        });
        let shards = kind.starts_with("index/") && kind != "index/blocks";
        let blocks = kinds
            .iter()
            .find(|k: &&PackedKind| k.dir == "index/blocks")
            .map_or(0, |k| k.first);
        for path in (0..count).map(|n| dir.join(packed_file(kind, n))) {
            let mut bytes =
                fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            if shards {
                bytes =
                    with_block_places(&bytes, &shard_block_places(&bytes, &path, &writer, blocks)?);
            }
            let len = u32::try_from(bytes.len())
                .with_context(|| format!("{} is too large to pack", path.display()))?;
            let entry = writer.place(len);
            if out.as_ref().is_none_or(|(n, _)| *n != entry.pack) {
                if let Some((_, mut done)) = out.take() {
                    done.flush()?;
                }
                let path =
                    packs_dir.join(Packs::pack_path(entry.pack).trim_start_matches("packs/"));
                let file = fs::File::create(&path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                out = Some((entry.pack, std::io::BufWriter::new(file)));
            }
            if let Some((_, w)) = out.as_mut() {
                w.write_all(&bytes)?;
            }
        }
        if kind_dir.exists() {
            fs::remove_dir_all(&kind_dir)
                .with_context(|| format!("cannot remove {}", kind_dir.display()))?;
        }
    }
    if let Some((_, mut done)) = out.take() {
        done.flush()?;
    }
    let path = dir.join(DIRECTORY_PATH);
    fs::write(&path, writer.directory())
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(Packs {
        files: writer.files(),
        pack_bytes: PACK_BYTES,
        kinds,
        block_places: true,
    })
}

/// The name of record or card chunk `n` in its folder, as [`STORED`] keeps it.
fn chunk_file(n: u32) -> String {
    format!("{n:04}.json{}", STORED.suffix())
}

/// Where file `n` of a packed kind ([`PACKED_DIRS`]) lies under the archive, as the build
/// wrote it loose.
fn packed_file(kind: &str, n: u32) -> String {
    let gz = STORED.suffix();
    match kind {
        "index/blocks" => format!("index/{}{gz}", FileId::Block(n).path()),
        "index/docs" => format!("index/{}{gz}", FileId::Shard(Layer::Docs, n).path()),
        "index/positions" => format!("index/{}{gz}", FileId::Shard(Layer::Positions, n).path()),
        _ => format!("{kind}/{}", chunk_file(n)),
    }
}

/// The bytes of a gzipped file as written, `what` naming it in the error.
pub(super) fn gunzip(stored: &[u8], what: &str) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(stored.len() * 3);
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(stored), &mut out)
        .with_context(|| format!("{what} is not gzip"))?;
    Ok(out)
}

/// Where the blocks that a shard's keys name were packed, by directory entry (the blocks'
/// first entry is `blocks`): what a packed shard carries after its bytes.
fn shard_block_places(
    stored: &[u8],
    path: &Path,
    writer: &PackWriter,
    blocks: u32,
) -> anyhow::Result<Vec<(u32, PackEntry)>> {
    let raw = if path.extension().is_some_and(|e| e == "gz") {
        gunzip(stored, &path.display().to_string())?
    } else {
        stored.to_vec()
    };
    let files = Shard::decode(&raw)
        .and_then(|s| s.block_files())
        .with_context(|| format!("cannot read {}", path.display()))?;
    files
        .into_iter()
        .map(|n| {
            let entry = blocks + n;
            writer
                .placed(entry)
                .map(|at| (entry, at))
                .with_context(|| format!("{} names block {n}, which is not packed", path.display()))
        })
        .collect()
}

/// `bytes` as [`STORED`] keeps them: gzipped.
fn gzipped(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 2),
        flate2::Compression::default(),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Writes `bytes` as [`STORED`] (gzipped) to `path`; returns the size written.
fn write_gz(path: &Path, bytes: &[u8]) -> anyhow::Result<u64> {
    let gz = gzipped(bytes)?;
    fs::write(path, &gz).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(gz.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::{PageFiles, in_order};
    use std::fs;

    fn numbers(n: u64) -> impl Iterator<Item = anyhow::Result<u64>> + Send {
        (0..n).map(Ok)
    }

    #[test]
    fn results_are_taken_in_the_items_order_on_any_number_of_threads() {
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            // Uneven work, so that later items finish before earlier ones.
            let read = |&i: &u64| {
                let spin = (i * 7919) % 5000;
                (0..spin).fold(i, |a, b| a.wrapping_mul(31).wrapping_add(b)) % 2 + i * 2
            };
            in_order(numbers(500), threads, read, |i, r| {
                seen.push((i, r - r % 2));
                Ok(())
            })
            .expect("no error");
            let expected: Vec<(u64, u64)> = (0..500).map(|i| (i, i * 2)).collect();
            assert_eq!(seen, expected, "{threads} threads");
        }
    }

    #[test]
    fn the_first_error_taking_a_result_stops_the_rest() {
        let mut taken = 0;
        let out = in_order(
            numbers(1000),
            4,
            |&i| i,
            |i, _| {
                taken += 1;
                if i == 10 {
                    anyhow::bail!("disk full")
                }
                Ok(())
            },
        );
        assert_eq!(out.map_err(|e| e.to_string()), Err("disk full".to_owned()));
        assert_eq!(taken, 11);
    }

    #[test]
    fn an_item_that_cannot_be_had_stops_the_rest_after_those_before_it() {
        for threads in [1, 3] {
            let items = (0..100u64).map(|i| {
                if i == 40 {
                    Err(anyhow::anyhow!("cannot read directory"))
                } else {
                    Ok(i)
                }
            });
            let mut taken = Vec::new();
            let out = in_order(
                items,
                threads,
                |&i| i,
                |i, _| {
                    taken.push(i);
                    Ok(())
                },
            );
            assert!(out.is_err());
            assert_eq!(taken, (0..40).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn page_files_come_in_path_order_folder_by_folder_without_hidden_files_or_corrections() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        for f in [
            "b.txt",
            "a/2.txt",
            "a/10.txt",
            "a.txt",
            "a/z/1.txt",
            ".hidden",
            "a/2.txt.kanbao.json",
            "c/.git/x",
        ] {
            let path = root.join(f);
            fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            fs::write(&path, "x").expect("file");
        }
        let found: Vec<String> = PageFiles::new(root)
            .expect("listed")
            .map(|p| {
                let p = p.expect("readable");
                p.strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let mut sorted: Vec<std::path::PathBuf> =
            found.iter().map(std::path::PathBuf::from).collect();
        sorted.sort();
        let sorted: Vec<String> = sorted
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        assert_eq!(found, sorted, "the order of sorting every path");
        assert_eq!(
            found,
            ["a/10.txt", "a/2.txt", "a/z/1.txt", "a.txt", "b.txt"]
        );
    }
}
