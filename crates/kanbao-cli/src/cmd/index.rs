//! The search index of `kanbao build`, built on every core in bounded memory.
//!
//! Documents come in id order. Their keys, read on the reading threads ([`DocKeys`]), are
//! gathered into runs of consecutive documents, each on a worker thread of its own, and each
//! run, once it holds about its share of the memory limit, is sorted and written to a run
//! file ([`kanbao_search::SortedRun`]). At the end the runs are merged part by part (each
//! layer's keys fall into [`PARTS`] parts by their hash), the parts on as many threads as the
//! build has; each part's blocks are compressed and written as they are cut, and its entries
//! go to a file of their own. Last, each layer's entries are placed in shards, a range of
//! shards at a time so that no more than a share of the memory limit is held.
//!
//! The files are those [`kanbao_search::ArchiveBuilder`] writes, byte for byte, whatever the
//! number of threads and the memory limit.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::fs;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};
use std::thread::JoinHandle;

use anyhow::Context;
use kanbao_search::{
    ArchiveFacets, DocKeys, Facet, FacetTally, FileId, LAYERS, Layer, Layout, PARTS, PartWriter,
    Run, RunReader, ShardPlan, Sizes, merge, merge_part, part_index, rebase_entry,
};

/// How many runs one merge reads at once; more are first merged in groups of this many.
const FAN_IN: usize = 64;

/// Keys handed to a worker at a time, in bytes of [`DocKeys::heap_bytes`].
const BATCH_BYTES: usize = 4 << 20;

/// How many bytes of the memory limit each byte of a run's keys ([`DocKeys::heap_bytes`])
/// is given: the keys count 24 bytes a character, a run's tables hold about a third of that
/// and sorting holds the tables and the sorted entries at once. The share is on the safe side:
/// at 60,000 generated pages a 1 GB limit peaks at about 140 MB (BENCHMARKS.md).
const RUN_SHARE: usize = 3;

/// A run file: where it is and where each of its parts ends.
#[derive(Debug)]
struct RunFile {
    path: PathBuf,
    ends: Vec<u64>,
}

impl RunFile {
    /// Reads one part of one layer.
    fn part(&self, layer: Layer, part: u32) -> anyhow::Result<RunReader<impl Read + use<>>> {
        let i = part_index(layer, part);
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        let mut file = fs::File::open(&self.path)
            .with_context(|| format!("cannot read {}", self.path.display()))?;
        file.seek(SeekFrom::Start(start))?;
        Ok(RunReader::new(BufReader::with_capacity(
            64 << 10,
            file.take(self.ends[i] - start),
        )))
    }
}

/// Sorts a run and writes it to `path`.
fn write_run(run: Run, path: PathBuf) -> anyhow::Result<RunFile> {
    let sorted = run.sorted();
    let file =
        fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let ends = sorted
        .write_to(&mut out)
        .with_context(|| format!("cannot write {}", path.display()))?;
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(RunFile { path, ends })
}

enum Message {
    /// Documents of the worker's current run: ids and keys.
    Keys(Vec<(u32, DocKeys)>),
    /// The current run is whole: write it as run file number `n`.
    EndRun(u32),
}

/// A thread that gathers runs and writes them.
struct Worker {
    tx: mpsc::SyncSender<Message>,
    thread: JoinHandle<anyhow::Result<Vec<(u32, RunFile)>>>,
}

impl Worker {
    fn start(dir: PathBuf) -> Worker {
        let (tx, rx) = mpsc::sync_channel::<Message>(2);
        let thread = std::thread::spawn(move || {
            let mut run = Run::new();
            let mut files = Vec::new();
            for message in rx {
                match message {
                    Message::Keys(docs) => {
                        for (id, keys) in docs {
                            run.add(id, &keys);
                        }
                    }
                    Message::EndRun(n) => {
                        let whole = std::mem::take(&mut run);
                        files.push((n, write_run(whole, run_path(&dir, n))?));
                    }
                }
            }
            Ok(files)
        });
        Worker { tx, thread }
    }
}

fn run_path(dir: &Path, n: u32) -> PathBuf {
    dir.join(format!("run-{n:06}"))
}

/// The index being built.
pub struct IndexBuild {
    /// Where run files and the parts' entries and blocks wait.
    dir: PathBuf,
    layout: Layout,
    threads: usize,
    memory: usize,
    /// Bytes of keys a run gathers before it is written.
    run_keys: usize,
    /// Worker threads, when the build has more than one thread.
    workers: Vec<Worker>,
    /// The run gathered on this thread, when it has only one.
    run: Run,
    batch: Vec<(u32, DocKeys)>,
    batch_bytes: usize,
    /// Bytes of keys of the current run so far.
    run_bytes: usize,
    /// Runs begun.
    runs: u32,
    /// Run files written on this thread.
    written: Vec<(u32, RunFile)>,
    docs: u32,
}

impl IndexBuild {
    /// Starts an index whose temporary files go to `dir`, on `threads` threads, holding
    /// about `memory` bytes at most.
    pub fn new(
        dir: PathBuf,
        layout: Layout,
        threads: usize,
        memory: usize,
    ) -> anyhow::Result<Self> {
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let threads = threads.max(1);
        // Half the limit gathers runs, one per worker at a time; the rest is the pages being
        // read and parsed, the chunks being written and the batches waiting.
        let run_keys = (memory / 2 / threads / RUN_SHARE).max(BATCH_BYTES);
        let workers = if threads > 1 {
            (0..threads).map(|_| Worker::start(dir.clone())).collect()
        } else {
            Vec::new()
        };
        Ok(IndexBuild {
            dir,
            layout,
            threads,
            memory,
            run_keys,
            workers,
            run: Run::new(),
            batch: Vec::new(),
            batch_bytes: 0,
            run_bytes: 0,
            runs: 0,
            written: Vec::new(),
            docs: 0,
        })
    }

    /// Number of documents added.
    pub fn len(&self) -> u32 {
        self.docs
    }

    /// Adds the next document's keys; returns its id.
    pub fn add(&mut self, keys: DocKeys) -> anyhow::Result<u32> {
        let id = self.docs;
        self.docs += 1;
        let bytes = keys.heap_bytes();
        self.run_bytes += bytes;
        if self.workers.is_empty() {
            self.run.add(id, &keys);
        } else {
            self.batch_bytes += bytes;
            self.batch.push((id, keys));
            if self.batch_bytes >= BATCH_BYTES {
                self.send_batch()?;
            }
        }
        if self.run_bytes >= self.run_keys {
            self.end_run()?;
        }
        Ok(id)
    }

    /// The worker of the current run: runs go to the workers in turn.
    fn worker(&self) -> &Worker {
        &self.workers[self.runs as usize % self.workers.len()]
    }

    fn send_batch(&mut self) -> anyhow::Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        self.send(Message::Keys(batch))
    }

    fn send(&mut self, message: Message) -> anyhow::Result<()> {
        if self.worker().tx.send(message).is_ok() {
            return Ok(());
        }
        // A worker that stopped has met an error (a run it could not write): that error is
        // the build's.
        self.join_workers()?;
        anyhow::bail!("an index worker stopped")
    }

    /// Waits for every worker; returns the run files they wrote, or the first error one met.
    fn join_workers(&mut self) -> anyhow::Result<Vec<(u32, RunFile)>> {
        let mut runs = Vec::new();
        let mut stopped = None;
        for worker in std::mem::take(&mut self.workers) {
            drop(worker.tx);
            match worker.thread.join() {
                Ok(Ok(files)) => runs.extend(files),
                Ok(Err(e)) => stopped = stopped.or(Some(e)),
                Err(_) => stopped = stopped.or(Some(anyhow::anyhow!("an index worker panicked"))),
            }
        }
        match stopped {
            Some(e) => Err(e),
            None => Ok(runs),
        }
    }

    /// Ends the current run, if it holds any document.
    fn end_run(&mut self) -> anyhow::Result<()> {
        if self.run_bytes == 0 {
            return Ok(());
        }
        let n = self.runs;
        if self.workers.is_empty() {
            let run = std::mem::take(&mut self.run);
            self.written
                .push((n, write_run(run, run_path(&self.dir, n))?));
        } else {
            self.send_batch()?;
            self.send(Message::EndRun(n))?;
        }
        self.runs += 1;
        self.run_bytes = 0;
        Ok(())
    }

    /// Merges the runs and writes the index's shards and blocks, compressed by `compress`,
    /// under `index` (their names ending in `suffix`); returns the number of shards of each
    /// layer, the number of blocks and the sizes stored.
    pub fn finish(
        mut self,
        index: &Path,
        suffix: &str,
        compress: &(dyn Fn(&[u8]) -> std::io::Result<Vec<u8>> + Sync),
    ) -> anyhow::Result<Written> {
        self.end_run()?;
        let mut runs = std::mem::take(&mut self.written);
        runs.extend(self.join_workers()?);
        runs.sort_by_key(|(n, _)| *n);
        let mut runs: Vec<RunFile> = runs.into_iter().map(|(_, f)| f).collect();
        let mut round = 0;
        while runs.len() > FAN_IN {
            runs = self.merge_runs(runs, round)?;
            round += 1;
        }

        // Every part of every layer, on the build's threads.
        let tasks: Vec<(Layer, u32)> = LAYERS
            .iter()
            .flat_map(|&l| (0..PARTS).map(move |p| (l, p)))
            .collect();
        let parts = on_threads(tasks.len(), self.threads, |t| {
            let (layer, part) = tasks[t];
            self.write_part(&runs, layer, part, t, compress)
        })?;
        for run in &runs {
            let _ = fs::remove_file(&run.path);
        }

        // The parts' blocks, numbered in the parts' order.
        let mut sizes = Sizes::default();
        let mut first = Vec::with_capacity(parts.len());
        let mut blocks = 0u32;
        let mut made = std::collections::HashSet::new();
        for (t, part) in parts.iter().enumerate() {
            first.push(blocks);
            for n in 0..part.blocks {
                let to = index.join(format!("{}{suffix}", FileId::Block(blocks + n).path()));
                if let Some(parent) = to.parent().filter(|p| made.insert(p.to_path_buf())) {
                    fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create {}", parent.display()))?;
                }
                let from = block_path(&self.dir, t, n);
                fs::rename(&from, &to).with_context(|| {
                    format!("cannot move {} to {}", from.display(), to.display())
                })?;
            }
            sizes.blocks += part.block_bytes;
            blocks += part.blocks;
        }
        let mut shards = [0u32; 2];
        for (l, &layer) in LAYERS.iter().enumerate() {
            let of_layer: Vec<usize> = (0..tasks.len()).filter(|&t| tasks[t].0 == layer).collect();
            let (count, bytes) =
                self.write_shards(index, suffix, layer, &of_layer, &first, compress)?;
            shards[l] = count;
            match layer {
                Layer::Docs => sizes.docs = bytes,
                Layer::Positions => sizes.positions = bytes,
            }
        }
        fs::remove_dir_all(&self.dir)
            .with_context(|| format!("cannot remove {}", self.dir.display()))?;
        Ok(Written {
            shards,
            blocks,
            sizes,
            runs: self.runs,
        })
    }

    /// Merges `runs` in groups of [`FAN_IN`] into fewer, longer runs.
    fn merge_runs(&self, runs: Vec<RunFile>, round: u32) -> anyhow::Result<Vec<RunFile>> {
        let groups: Vec<&[RunFile]> = runs.chunks(FAN_IN).collect();
        let merged = on_threads(groups.len(), self.threads, |g| {
            let path = self.dir.join(format!("merged-{round}-{g:06}"));
            let file = fs::File::create(&path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            let mut out = BufWriter::with_capacity(1 << 20, file);
            let mut ends = Vec::new();
            let mut at = 0u64;
            for &layer in &LAYERS {
                for part in 0..PARTS {
                    let readers = groups[g]
                        .iter()
                        .map(|r| r.part(layer, part))
                        .collect::<anyhow::Result<Vec<_>>>()?;
                    at += merge_part(readers, &mut out)
                        .with_context(|| format!("cannot merge runs into {}", path.display()))?;
                    ends.push(at);
                }
            }
            out.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(RunFile { path, ends })
        })?;
        for run in &runs {
            let _ = fs::remove_file(&run.path);
        }
        Ok(merged)
    }

    /// Merges one part of a layer from every run: its blocks, compressed, go to the part's
    /// own directory, and its entries, blocks numbered from 0, to its own file.
    fn write_part(
        &self,
        runs: &[RunFile],
        layer: Layer,
        part: u32,
        task: usize,
        compress: &(dyn Fn(&[u8]) -> std::io::Result<Vec<u8>> + Sync),
    ) -> anyhow::Result<Part> {
        let readers = runs
            .iter()
            .map(|r| r.part(layer, part))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let blocks_dir = self.dir.join(format!("blocks-{task:02}"));
        fs::create_dir_all(&blocks_dir)
            .with_context(|| format!("cannot create {}", blocks_dir.display()))?;
        let entries_path = entries_path(&self.dir, task);
        let file = fs::File::create(&entries_path)
            .with_context(|| format!("cannot write {}", entries_path.display()))?;
        let mut entries = BufWriter::with_capacity(1 << 20, file);
        let mut writer = PartWriter::new(layer, self.layout);
        let mut block_bytes = 0u64;
        let dir = &self.dir;
        merge(readers, |same| {
            let mut block = |n: u32, file: Vec<u8>| {
                let stored = compress(&file)?;
                block_bytes += stored.len() as u64;
                fs::write(block_path(dir, task, n), stored)
            };
            let entry = writer.key(same, &mut block)?;
            write_entry(&mut entries, same[0].key(), &entry)
        })
        .with_context(|| format!("cannot write part {part} of the {} layer", layer.dir()))?;
        entries
            .flush()
            .with_context(|| format!("cannot write {}", entries_path.display()))?;
        Ok(Part {
            blocks: writer.blocks(),
            block_bytes,
        })
    }

    /// Places a layer's entries (of the parts `tasks`, whose blocks are numbered from
    /// `first`) in shards and writes them; returns the number of shards and their size.
    fn write_shards(
        &self,
        index: &Path,
        suffix: &str,
        layer: Layer,
        tasks: &[usize],
        first: &[u32],
        compress: &(dyn Fn(&[u8]) -> std::io::Result<Vec<u8>> + Sync),
    ) -> anyhow::Result<(u32, u64)> {
        let mut total = 0u64;
        for &t in tasks {
            read_entries(&self.dir, t, first[t], |_, entry| {
                total += ShardPlan::entry_cost(entry.len());
            })?;
        }
        let plan = ShardPlan::new(layer, total, self.layout);
        let dir = index.join(layer.dir());
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        // The shards of a pass hold about a quarter of the memory limit.
        let per_pass = ((self.memory / 4) as u64 / (total / u64::from(plan.shards())).max(1))
            .clamp(1, u64::from(plan.shards())) as u32;
        let mut stored = 0u64;
        let mut from = 0u32;
        while from < plan.shards() {
            let to = (from + per_pass).min(plan.shards());
            let mut bins: Vec<Bin> = (from..to).map(|_| Vec::new()).collect();
            for &t in tasks {
                read_entries(&self.dir, t, first[t], |key, entry| {
                    let shard = plan.shard(key);
                    if (from..to).contains(&shard) {
                        bins[(shard - from) as usize].push((key, entry));
                    }
                })?;
            }
            // Each bin is taken by the thread that writes its shard.
            let bins: Vec<Mutex<Bin>> = bins.into_iter().map(Mutex::new).collect();
            let sizes = on_threads(bins.len(), self.threads, |i| {
                let mut bin =
                    std::mem::take(&mut *bins[i].lock().unwrap_or_else(|e| e.into_inner()));
                bin.sort_unstable_by_key(|(k, _)| *k);
                let bytes = compress(&plan.file(&bin))?;
                let id = FileId::Shard(layer, from + i as u32);
                let path = index.join(format!("{}{suffix}", id.path()));
                fs::write(&path, &bytes)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(bytes.len() as u64)
            });
            stored += sizes?.iter().sum::<u64>();
            from = to;
        }
        Ok((plan.shards(), stored))
    }
}

/// The entries of one shard: keys and entries.
type Bin = Vec<(u64, Vec<u8>)>;

/// What one part wrote.
struct Part {
    blocks: u32,
    block_bytes: u64,
}

/// What the index's files came to.
#[derive(Debug)]
pub struct Written {
    /// Shards of each layer of [`LAYERS`].
    pub shards: [u32; 2],
    /// Block files.
    pub blocks: u32,
    /// Their sizes as stored.
    pub sizes: Sizes,
    /// Runs the documents were gathered in.
    pub runs: u32,
}

fn block_path(dir: &Path, task: usize, n: u32) -> PathBuf {
    dir.join(format!("blocks-{task:02}/{n}"))
}

fn entries_path(dir: &Path, task: usize) -> PathBuf {
    dir.join(format!("entries-{task:02}"))
}

/// An entry as a part's entries file holds it: the key, the entry's length, the entry.
fn write_entry(out: &mut impl Write, key: u64, entry: &[u8]) -> std::io::Result<()> {
    out.write_all(&key.to_le_bytes())?;
    out.write_all(&(entry.len() as u32).to_le_bytes())?;
    out.write_all(entry)
}

/// Reads a part's entries in key order, their blocks numbered from `first`.
fn read_entries(
    dir: &Path,
    task: usize,
    first: u32,
    mut each: impl FnMut(u64, Vec<u8>),
) -> anyhow::Result<()> {
    let path = entries_path(dir, task);
    let file = fs::File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut input = BufReader::with_capacity(1 << 20, file);
    let mut head = [0u8; 12];
    loop {
        match input.read_exact(&mut head) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
        }
        let key = u64::from_le_bytes(head[..8].try_into().unwrap_or_default());
        let len = u32::from_le_bytes(head[8..].try_into().unwrap_or_default());
        let mut entry = vec![0; len as usize];
        input
            .read_exact(&mut entry)
            .with_context(|| format!("cannot read {}", path.display()))?;
        rebase_entry(&mut entry, first);
        each(key, entry);
    }
}

/// Runs `task(0..n)` on `threads` threads; returns the results in task order, or the first
/// error.
fn on_threads<T: Send>(
    n: usize,
    threads: usize,
    task: impl Fn(usize) -> anyhow::Result<T> + Sync,
) -> anyhow::Result<Vec<T>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<anyhow::Result<T>>>> =
        (0..n).map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, n.max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let result = task(i);
                    let failed = result.is_err();
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(result);
                    if failed {
                        // The others stop at their next task.
                        next.store(n, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .filter_map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// What one counted facet value costs in memory: the table's slot, the string's head and
/// its characters.
const FACET_VALUE_BYTES: usize = 96;

/// The facet values of an archive counted in bounded memory: counts are held in a table until
/// it holds its share of the memory limit, then written sorted to a file; at the end the files
/// are merged, each value's counts summed, and only each facet's most common values kept
/// ([`FacetTally`]). A real paper has a few hundred reporters, but generated or merged
/// archives may have millions of names.
pub struct FacetCounts {
    dir: PathBuf,
    /// By facet, then value: a value is looked up by its text, not copied to be looked up.
    counts: HashMap<Facet, HashMap<String, u64>>,
    bytes: usize,
    limit: usize,
    spilled: Vec<PathBuf>,
}

impl FacetCounts {
    /// Counts holding about `limit` bytes, writing what is more to `dir`.
    pub fn new(dir: PathBuf, limit: usize) -> FacetCounts {
        FacetCounts {
            dir,
            counts: HashMap::new(),
            bytes: 0,
            limit,
            spilled: Vec::new(),
        }
    }

    /// Counts an article's values.
    pub fn add(&mut self, values: &[(Facet, String)]) -> anyhow::Result<()> {
        for (facet, value) in values.iter().filter(|(f, _)| f.counted()) {
            let counts = self.counts.entry(*facet).or_default();
            match counts.get_mut(value.as_str()) {
                Some(n) => *n += 1,
                None => {
                    self.bytes += FACET_VALUE_BYTES + value.len();
                    counts.insert(value.clone(), 1);
                }
            }
        }
        if self.bytes >= self.limit {
            self.spill()?;
        }
        Ok(())
    }

    /// Writes the counts held, sorted, to a file of their own.
    fn spill(&mut self) -> anyhow::Result<()> {
        fs::create_dir_all(&self.dir)
            .with_context(|| format!("cannot create {}", self.dir.display()))?;
        let path = self.dir.join(format!("facets-{:06}", self.spilled.len()));
        let mut counts = self.take_counts();
        counts.sort_unstable();
        let file =
            fs::File::create(&path).with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = BufWriter::new(file);
        for ((facet, value), count) in counts {
            serde_json::to_writer(&mut out, &(facet, value, count))?;
            out.write_all(b"\n")?;
        }
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
        self.spilled.push(path);
        self.bytes = 0;
        Ok(())
    }

    /// The counts held, emptied.
    fn take_counts(&mut self) -> Vec<((Facet, String), u64)> {
        std::mem::take(&mut self.counts)
            .into_iter()
            .flat_map(|(facet, values)| values.into_iter().map(move |(v, n)| ((facet, v), n)))
            .collect()
    }

    /// The archive's facets: every value's count summed over the files written.
    pub fn finish(mut self) -> anyhow::Result<ArchiveFacets> {
        if self.spilled.is_empty() {
            return Ok(ArchiveFacets::from_counts(
                self.take_counts().into_iter().collect(),
            ));
        }
        self.spill()?;
        type Counted = ((Facet, String), u64);
        let mut readers = Vec::new();
        for path in &self.spilled {
            let file =
                fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
            let mut lines = std::io::BufRead::lines(BufReader::new(file));
            let path = path.clone();
            readers.push(move || -> anyhow::Result<Option<Counted>> {
                let Some(line) = lines.next().transpose()? else {
                    return Ok(None);
                };
                let (facet, value, count): (Facet, String, u64) = serde_json::from_str(&line)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                Ok(Some(((facet, value), count)))
            });
        }
        let mut heap = BinaryHeap::new();
        for (i, next) in readers.iter_mut().enumerate() {
            if let Some((key, count)) = next()? {
                heap.push(Reverse((key, i, count)));
            }
        }
        let mut tally = FacetTally::new();
        let mut current: Option<((Facet, String), u64)> = None;
        while let Some(Reverse((key, i, count))) = heap.pop() {
            match &mut current {
                Some((k, n)) if *k == key => *n += count,
                _ => {
                    if let Some(((facet, value), n)) = current.take() {
                        tally.add(facet, value, n);
                    }
                    current = Some((key, count));
                }
            }
            if let Some((key, count)) = readers[i]()? {
                heap.push(Reverse((key, i, count)));
            }
        }
        if let Some(((facet, value), n)) = current {
            tally.add(facet, value, n);
        }
        fs::remove_dir_all(&self.dir)
            .with_context(|| format!("cannot remove {}", self.dir.display()))?;
        Ok(tally.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kanbao_search::{ArchiveBuilder, Document, FieldKind};

    fn document(i: usize) -> (Document, Vec<(Facet, String)>) {
        let words = [
            "港城",
            "标兵",
            "作表率",
            "航天",
            "新城",
            "烟台",
            "的",
            "记者",
            "报道",
        ];
        let mut text = String::new();
        for k in 0..(i % 7 + 3) {
            text.push_str(words[(i * 5 + k * 3) % words.len()]);
        }
        let doc = Document::new()
            .with(FieldKind::Title, &text)
            .with(FieldKind::Body, text.repeat(i % 4 + 1));
        let facets = vec![(Facet::Reporter, format!("记者{}", i % 11))];
        (doc, facets)
    }

    /// Every file `IndexBuild` wrote under `dir`, against what `ArchiveBuilder` holds.
    fn assert_same(dir: &Path, archive: &kanbao_search::Archive, written: &Written) {
        assert_eq!(
            written.shards,
            [
                archive.manifest.doc_shards,
                archive.manifest.position_shards
            ]
        );
        assert_eq!(written.blocks, archive.manifest.blocks);
        for (id, bytes) in &archive.files {
            let on_disk = fs::read(dir.join(id.path())).expect("every file written");
            assert!(&on_disk == bytes, "{} differs", id.path());
        }
        let mut count = 0;
        for layer in ["docs", "positions"] {
            count += fs::read_dir(dir.join(layer)).expect("layer").count();
        }
        if archive.manifest.blocks > 0 {
            for sub in fs::read_dir(dir.join("blocks")).expect("blocks") {
                count += fs::read_dir(sub.expect("entry").path())
                    .expect("dir")
                    .count();
            }
        }
        assert_eq!(count, archive.files.len());
    }

    #[test]
    fn a_run_that_cannot_be_written_stops_the_build_with_its_reason() {
        for threads in [1, 2] {
            let tmp = tempfile::tempdir().expect("temp dir");
            let runs = tmp.path().join("runs");
            let mut build =
                IndexBuild::new(runs.clone(), Layout::default(), threads, 1 << 30).expect("new");
            build.run_keys = 1;
            // The folder of runs is gone: no run can be written.
            fs::remove_dir_all(&runs).expect("removed");
            let mut failed = None;
            for (doc, facets) in (0..50).map(document) {
                if let Err(e) = build.add(DocKeys::new(&doc, facets)) {
                    failed = Some(e);
                    break;
                }
            }
            let err = match failed {
                Some(e) => e,
                None => match build.finish(&tmp.path().join("index"), "", &|b| Ok(b.to_vec())) {
                    Err(e) => e,
                    Ok(_) => panic!("{threads} threads: the build went on without its runs"),
                },
            };
            assert!(
                format!("{err:#}").contains("cannot write"),
                "{threads}: {err:#}"
            );
        }
    }

    #[test]
    fn facet_counts_written_in_parts_sum_to_the_counts_held_whole() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut whole = HashMap::new();
        // A limit of a few values: the counts are written out every few articles.
        let mut counts = FacetCounts::new(tmp.path().join("facets"), 3 * FACET_VALUE_BYTES);
        for i in 0..500u64 {
            let values = vec![
                (Facet::Reporter, format!("记者{}", (i * 7919) % 173)),
                (Facet::Kind, ["news", "photo"][(i % 2) as usize].to_owned()),
                (Facet::Date, "2024-01-01".to_owned()),
            ];
            for v in &values {
                *whole.entry(v.clone()).or_insert(0) += 1;
            }
            counts.add(&values).expect("counted");
        }
        assert!(counts.spilled.len() > 10);
        let summed = counts.finish().expect("merged");
        assert_eq!(summed, ArchiveFacets::from_counts(whole));
        assert!(!tmp.path().join("facets").exists());
    }

    #[test]
    fn runs_on_disk_give_the_archive_built_in_memory_whatever_the_threads_and_run_size() {
        let layout = Layout {
            shard_bytes: 512,
            block_bytes: 256,
            ..Layout::default()
        };
        let mut builder = ArchiveBuilder::new(layout);
        let docs: Vec<_> = (0..300).map(document).collect();
        for (doc, facets) in &docs {
            builder.add_with_facets(doc, facets.clone());
        }
        let archive = builder.finish();
        assert!(
            archive.manifest.blocks > 10,
            "long lists are cut into blocks"
        );
        // One run; a run of every few documents (more than FAN_IN, merged in groups first);
        // on one thread and on three.
        for (threads, run_keys) in [(1, usize::MAX), (1, 1000), (3, 1000), (2, 1)] {
            let tmp = tempfile::tempdir().expect("temp dir");
            let mut build =
                IndexBuild::new(tmp.path().join("runs"), layout, threads, 1 << 30).expect("new");
            build.run_keys = run_keys;
            for (doc, facets) in &docs {
                build.add(DocKeys::new(doc, facets.clone())).expect("added");
            }
            let index = tmp.path().join("index");
            let written = build
                .finish(&index, "", &|bytes| Ok(bytes.to_vec()))
                .expect("merged");
            if run_keys < 2000 {
                assert!(written.runs as usize > FAN_IN, "{}", written.runs);
            }
            assert_same(&index, &archive, &written);
            assert!(!tmp.path().join("runs").exists(), "the runs are removed");
        }
    }
}
