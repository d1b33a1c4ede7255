//! `kanbao build --compact -o SITE`: an archive and the segments appended to it (`--append`)
//! built again as one archive, from the archive's own records (each holds its article whole:
//! headline group, byline, place, lead and blocks), so the pages need not be kept. The result
//! is the archive one `kanbao build` of all the pages, in the order they were added, writes.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use kanbao_parse::{Article, Meta};
use kanbao_search::{
    ArchiveRecord, Calendar, CalendarBuilder, Compression, DIRECTORY_PATH, DayPage, DocKeys,
    Document, ENTRY_BYTES, Facet, Layout, Manifest, PackEntry, Packs,
};

use super::build::{ArchiveWriter, gunzip, in_order, read_manifest};

/// A built archive on disk, loose or packed: its manifest, and its files read as stored.
struct StoredArchive {
    dir: PathBuf,
    manifest: Manifest,
    /// A packed archive's directory of entries.
    directory: Option<Vec<u8>>,
}

impl StoredArchive {
    fn open(dir: PathBuf) -> anyhow::Result<StoredArchive> {
        let manifest = read_manifest(&dir.join("index"), "compact")?;
        let directory = match manifest.packs {
            Some(_) => {
                let path = dir.join(DIRECTORY_PATH);
                Some(fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?)
            }
            None => None,
        };
        Ok(StoredArchive {
            dir,
            manifest,
            directory,
        })
    }

    /// The content of the file at `path` in the archive's folder (without the compression's
    /// suffix): from its pack where the archive is packed, else the file itself.
    fn read(&self, path: &str) -> anyhow::Result<Vec<u8>> {
        let compression = self.manifest.compression;
        let entry = self
            .manifest
            .packs
            .as_ref()
            .and_then(|p: &Packs| p.entry_of(path));
        let (stored, named) = match (entry, &self.directory) {
            (Some(entry), Some(directory)) => {
                let at = entry as usize * ENTRY_BYTES as usize;
                let place = directory
                    .get(at..at + ENTRY_BYTES as usize)
                    .and_then(PackEntry::from_bytes)
                    .with_context(|| format!("{}: no entry {entry} for {path}", DIRECTORY_PATH))?;
                let pack = self.dir.join(Packs::pack_path(place.pack));
                let mut file = fs::File::open(&pack)
                    .with_context(|| format!("cannot read {}", pack.display()))?;
                let mut bytes = vec![0; place.len as usize];
                file.seek(SeekFrom::Start(u64::from(place.offset)))
                    .and_then(|_| file.read_exact(&mut bytes))
                    .with_context(|| format!("cannot read {path} in {}", pack.display()))?;
                (bytes, format!("{path} in {}", pack.display()))
            }
            _ => {
                let file = self.dir.join(format!("{path}{}", compression.suffix()));
                let bytes =
                    fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
                (bytes, file.display().to_string())
            }
        };
        match compression {
            Compression::None => Ok(stored),
            Compression::Gzip => gunzip(&stored, &named),
        }
    }

    /// Record chunk `n`.
    fn records(&self, n: u32) -> anyhow::Result<Vec<ArchiveRecord>> {
        let path = format!("records/{n:04}.json");
        let bytes = self.read(&path)?;
        serde_json::from_slice(&bytes)
            .with_context(|| format!("{} holds no records", self.dir.join(path).display()))
    }

    /// The paper its calendar names.
    fn paper(&self) -> anyhow::Result<Option<String>> {
        if !self.manifest.calendar {
            return Ok(None);
        }
        let calendar: Calendar = serde_json::from_slice(&self.read(Calendar::PATH)?)
            .with_context(|| format!("{} is not a calendar", Calendar::PATH))?;
        Ok(calendar.paper)
    }
}

/// How the archive is written again.
pub(super) struct Compaction<'a> {
    pub(super) site: &'a Path,
    pub(super) layout: Layout,
    pub(super) threads: usize,
    pub(super) memory: usize,
    pub(super) loose: bool,
    /// The paper, when told; otherwise the one the archive's calendar names.
    pub(super) paper: Option<String>,
}

/// One article read back from a record, with its search keys.
type ReadBack = (Article, Meta, String, DocKeys);

/// Builds `SITE/archive` and its segments again as one archive, in their place.
pub(super) fn compact(how: &Compaction) -> anyhow::Result<()> {
    let started = Instant::now();
    let root = how.site.join("archive");
    let base = StoredArchive::open(root.clone())?;
    if base.manifest.segments.is_empty() {
        println!(
            "kanbao: {} has no segments: nothing to compact",
            root.display()
        );
        return Ok(());
    }
    let mut parts = Vec::new();
    for segment in &base.manifest.segments {
        if !kanbao_search::Segment::is_inside(&segment.path) {
            bail!(
                "the manifest names a segment outside the archive: {}",
                segment.path
            );
        }
        let part = StoredArchive::open(root.join(&segment.path))?;
        if part.manifest.docs != segment.docs {
            bail!(
                "{} holds {} articles where the archive's manifest lists {}",
                segment.path,
                part.manifest.docs,
                segment.docs
            );
        }
        parts.push(part);
    }
    parts.insert(0, base);
    let paper = match &how.paper {
        Some(paper) => Some(paper.clone()),
        None => parts[0].paper()?,
    };
    let partial = how.site.join(".archive-partial");
    if partial.exists() {
        fs::remove_dir_all(&partial)
            .with_context(|| format!("cannot remove {}", partial.display()))?;
    }
    let mut out = ArchiveWriter::new(partial.clone(), how.layout, how.threads, how.memory)?;
    let mut calendar = CalendarBuilder::new(paper.clone());
    // The page being added: its part and source file, date, and page.
    let mut page: Option<(usize, String, Option<String>, DayPage)> = None;
    let chunks = parts
        .iter()
        .enumerate()
        .flat_map(|(at, p)| (0..p.manifest.chunks).map(move |n| Ok((at, n))));
    // Each chunk's records are read, and their keys, on the reading threads.
    let read = |&(at, n): &(usize, u32)| -> anyhow::Result<Vec<ReadBack>> {
        let records = parts[at].records(n)?;
        Ok(records
            .into_iter()
            .map(|record| {
                let (article, meta, source) = record.into_article();
                let facets = Facet::archived_values(&article, &meta, paper.as_deref(), &source);
                let keys = DocKeys::new(&Document::from(&article), facets);
                (article, meta, source, keys)
            })
            .collect())
    };
    in_order(chunks, how.threads, read, |(at, _), read| {
        for (article, meta, source, keys) in read? {
            // A page's articles are consecutive records of one source file.
            let same = page
                .as_ref()
                .is_some_and(|(p, s, _, _)| *p == at && *s == source);
            if same {
                if let Some((_, _, _, day)) = page.as_mut() {
                    day.count += 1;
                }
            } else {
                if let Some((_, _, date, day)) = page.take() {
                    calendar.add(date.as_deref(), day);
                }
                let day = DayPage {
                    page: meta.page.clone(),
                    section: meta.section.clone(),
                    first: out.len(),
                    count: 1,
                };
                page = Some((at, source.clone(), meta.date.clone(), day));
            }
            out.add(&article, &meta, &source, keys)?;
        }
        Ok(())
    })?;
    if let Some((_, _, date, day)) = page.take() {
        calendar.add(date.as_deref(), day);
    }
    let expected: u64 = parts.iter().map(|p| u64::from(p.manifest.docs)).sum();
    if u64::from(out.len()) != expected {
        bail!(
            "the archive's records hold {} articles where its manifests list {expected}",
            out.len()
        );
    }
    let articles = out.len();
    let written = out.finish(calendar, how.loose)?;
    fs::remove_dir_all(&root).with_context(|| format!("cannot replace {}", root.display()))?;
    fs::rename(&partial, &root)
        .with_context(|| format!("cannot move the archive to {}", root.display()))?;
    println!(
        "kanbao: compacted {} and {} segments into one archive: {articles} articles, index {:.1} MB in {} docs and {} positions shards and {} blocks, {} dates, {:.1} s",
        root.display(),
        parts.len() - 1,
        written.index_bytes as f64 / 1e6,
        written.manifest.doc_shards,
        written.manifest.position_shards,
        written.manifest.blocks,
        written.days,
        started.elapsed().as_secs_f64(),
    );
    Ok(())
}
