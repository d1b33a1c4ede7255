//! Reading an archive: the shards a query needs, then a search from the newest documents
//! down, a window at a time, fetching only the blocks each window needs.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::codec::{List, Reader, Shard, head};
use super::facets::facet_key;
use super::format::{ARCHIVE_FORMAT, ArchiveError, FileId, Layer, Manifest};
use super::keys::{Entries, KeyState, TermKeys, keys_of};
use super::shard_of;
use crate::facet::Facet;
use crate::index::DocId;
use crate::query::Query;

/// Facet filters of a search: for each facet, the values a document may hold (any of them),
/// and every facet given must hold. The app's list carries them in its links.
pub type Filters = BTreeMap<Facet, Vec<String>>;

/// The reader's side of an archive: plans which shards a query needs and starts searches.
#[derive(Debug, Clone)]
pub struct ArchiveIndex {
    manifest: Manifest,
}

impl ArchiveIndex {
    /// Opens an archive from its manifest.
    pub fn new(manifest: Manifest) -> Result<ArchiveIndex, ArchiveError> {
        if manifest.format != ARCHIVE_FORMAT {
            return Err(ArchiveError::Format(manifest.format));
        }
        Ok(ArchiveIndex { manifest })
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.manifest.docs as usize
    }

    /// Whether the archive holds no documents.
    pub fn is_empty(&self) -> bool {
        self.manifest.docs == 0
    }

    /// The record chunk holding a document, and the document's place in it.
    pub fn chunk_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.chunk_size)
    }

    /// The card chunk holding a document's card, and the card's place in it.
    pub fn card_of(&self, doc: DocId) -> (u32, u32) {
        place(doc, self.manifest.card_chunk_size)
    }

    /// The shards holding the entries of a query's keys, sorted and without duplicates.
    pub fn plan(&self, query: &Query) -> Vec<FileId> {
        self.plan_filtered(query, &Filters::new())
    }

    /// The shards holding the entries of a query's keys and of its filters' values.
    pub fn plan_filtered(&self, query: &Query, filters: &Filters) -> Vec<FileId> {
        let mut ids: Vec<FileId> = query
            .terms()
            .iter()
            .flat_map(|t| keys_of(&t.normalized))
            .chain(self.filter_keys(filters).into_iter().flatten())
            .map(|(layer, key, _)| self.shard(layer, key))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Whether searches can be filtered on a facet: the archive indexes its values.
    pub fn filterable(&self, facet: Facet) -> bool {
        self.manifest.facets && Facet::ARCHIVED.contains(&facet)
    }

    /// The keys of each filter the archive can apply, a group per facet.
    fn filter_keys(&self, filters: &Filters) -> Vec<Vec<(Layer, u64, u32)>> {
        filters
            .iter()
            .filter(|(facet, values)| self.filterable(**facet) && !values.is_empty())
            .map(|(&facet, values)| {
                values
                    .iter()
                    .map(|v| (Layer::Docs, facet_key(facet, v), 0))
                    .collect()
            })
            .collect()
    }

    fn shard(&self, layer: Layer, key: u64) -> FileId {
        let shards = match layer {
            Layer::Docs => self.manifest.doc_shards,
            Layer::Positions => self.manifest.position_shards,
        };
        FileId::Shard(layer, shard_of(key, shards))
    }

    /// Starts a search from the shards [`plan`](ArchiveIndex::plan) named.
    pub fn start(
        &self,
        query: &Query,
        shards: &HashMap<FileId, Shard>,
    ) -> Result<Search, ArchiveError> {
        self.start_filtered(query, &Filters::new(), shards)
    }

    /// Starts a search for the documents that match `query` and hold a value of each facet of
    /// `filters` (those the archive can apply, see [`filterable`](ArchiveIndex::filterable)),
    /// from the shards [`plan_filtered`](ArchiveIndex::plan_filtered) named. Without search
    /// text, every document that passes the filters matches.
    pub fn start_filtered(
        &self,
        query: &Query,
        filters: &Filters,
        shards: &HashMap<FileId, Shard>,
    ) -> Result<Search, ArchiveError> {
        let mut slots: HashMap<(Layer, u64), usize> = HashMap::new();
        let mut keys = Vec::new();
        let mut slot = |layer: Layer, key: u64| -> Result<usize, ArchiveError> {
            if let Some(&slot) = slots.get(&(layer, key)) {
                return Ok(slot);
            }
            let id = self.shard(layer, key);
            let shard = shards
                .get(&id)
                .filter(|s| s.layer == layer)
                .ok_or(ArchiveError::MissingFile(id))?;
            keys.push(KeyState::read(layer, shard.entry(key))?);
            slots.insert((layer, key), keys.len() - 1);
            Ok(keys.len() - 1)
        };
        let mut terms = Vec::new();
        for term in query.terms() {
            let mut need = Vec::new();
            for (layer, key, offset) in keys_of(&term.normalized) {
                need.push((slot(layer, key)?, offset));
            }
            terms.push(TermKeys {
                exclude: term.exclude,
                keys: need,
            });
        }
        // A facet of one value is a key every match holds, like a term's; one of several
        // values, a group of which a match holds any.
        let mut any = Vec::new();
        for group in self.filter_keys(filters) {
            let group = group
                .into_iter()
                .map(|(layer, key, _)| slot(layer, key))
                .collect::<Result<Vec<usize>, _>>()?;
            match group.as_slice() {
                [one] => terms.push(TermKeys {
                    exclude: false,
                    keys: vec![(*one, 0)],
                }),
                _ => any.push(group),
            }
        }
        let everything = if terms.is_empty() && any.is_empty() {
            0
        } else {
            self.manifest.docs
        };
        let mut files = HashMap::new();
        for (k, state) in keys.iter().enumerate() {
            for (b, block) in state.blocks.iter().enumerate() {
                if let Some(n) = block.file {
                    files.insert(n, (k, b));
                }
            }
        }
        Ok(Search(Order::Newest(Descent {
            hi: everything,
            floor: 0,
            top: everything,
            keys,
            terms,
            any,
            files,
            window: None,
            growth: 1,
            pending: Vec::new(),
            scanned: 0,
            matched: 0,
            block_bytes: self.manifest.block_bytes,
        })))
    }
}

/// A search under way: it yields matches from the newest (highest id) down, or from the
/// oldest up when made [`oldest_first`](Search::oldest_first), and says before each step
/// which block files it needs.
#[derive(Debug, Clone)]
pub struct Search(Order);

/// The order a search yields its matches in.
#[derive(Debug, Clone)]
enum Order {
    Newest(Descent),
    Oldest(Box<Ascent>),
}

/// A search from the newest documents down, a window of documents at a time.
#[derive(Debug, Clone)]
struct Descent {
    keys: Vec<KeyState>,
    terms: Vec<TermKeys>,
    /// Groups of keys of which every match holds at least one (a filter of several values).
    any: Vec<Vec<usize>>,
    /// Block file number → (key, block).
    files: HashMap<u32, (usize, usize)>,
    /// Documents at or above this id have been searched.
    hi: u32,
    /// The search ends here: documents below it are not searched.
    floor: u32,
    /// Where the search began: documents at or above it are not searched.
    top: u32,
    /// The documents the next [`step`](Descent::step) searches.
    window: Option<Range<u32>>,
    /// How far the next window may reach, doubled each round: in blocks of the densest key
    /// when no key is known whole, otherwise in multiples of the candidates asked for.
    growth: usize,
    /// The block files the window needs.
    pending: Vec<FileId>,
    /// Documents searched so far, and how many of them matched.
    scanned: u64,
    matched: u64,
    /// The size at which blocks are cut.
    block_bytes: u32,
}

/// A search from the oldest documents up: it searches a range of documents at a time from
/// the bottom, each through (newest first, as any search runs), and yields its matches in
/// ascending order once the range is done. A range that held fewer matches than asked for is
/// followed by one twice as wide.
#[derive(Debug, Clone)]
struct Ascent {
    /// The search as started, which each range runs anew.
    template: Descent,
    /// The range under way, and its matches so far (newest first).
    current: Option<(Descent, Vec<DocId>)>,
    /// The documents not yet given to a range: `next..end`.
    next: u32,
    end: u32,
    /// The width of the next range, and the matches it was asked for.
    span: u32,
    want: usize,
    /// Documents of ranges done, and their matches.
    scanned: u64,
    matched: u64,
}

impl Ascent {
    /// Runs `template` from its oldest documents up.
    fn new(template: Descent) -> Ascent {
        Ascent {
            next: template.floor,
            end: template.top,
            template,
            current: None,
            span: 0,
            want: 1,
            scanned: 0,
            matched: 0,
        }
    }

    fn done(&self) -> bool {
        self.next >= self.end && self.current.is_none()
    }

    /// The documents not searched: the rest of the range under way, up to the end (the
    /// range's own searched top lies inside, but is counted as still to search).
    fn unsearched(&self) -> Range<u32> {
        match &self.current {
            Some((search, _)) => search.unsearched().start..self.end,
            None => self.next..self.end,
        }
    }

    fn found(&self) -> u64 {
        self.matched + self.current.as_ref().map_or(0, |(_, m)| m.len() as u64)
    }

    /// Matches found, and as many again as the rate of the ranges done gives the rest.
    fn estimate(&self) -> u64 {
        let found = self.found();
        if self.done() || self.scanned == 0 {
            return found;
        }
        let rest = self.unsearched();
        found + self.matched * u64::from(rest.end - rest.start) / self.scanned
    }

    fn plan(&mut self, want: usize) -> Vec<FileId> {
        if self.current.is_none() {
            if self.next >= self.end {
                return Vec::new();
            }
            self.want = want.max(1);
            if self.span == 0 {
                self.span = u32::try_from(self.want * 8).unwrap_or(u32::MAX).max(64);
            }
            let lo = self.next;
            let hi = lo.saturating_add(self.span).min(self.end);
            self.next = hi;
            self.current = Some((self.template.clone().within(lo..hi), Vec::new()));
        }
        match &mut self.current {
            // A range is searched through: each of its windows may take all it holds.
            Some((search, _)) => {
                let whole = search.unsearched();
                search.plan((whole.end - whole.start) as usize)
            }
            None => Vec::new(),
        }
    }

    fn load(&mut self, id: FileId, bytes: &[u8]) -> Result<(), ArchiveError> {
        match &mut self.current {
            Some((search, _)) => search.load(id, bytes),
            None => Err(ArchiveError::MissingFile(id)),
        }
    }

    fn step(&mut self) -> Result<Vec<DocId>, ArchiveError> {
        let Some((search, found)) = &mut self.current else {
            return Ok(Vec::new());
        };
        found.extend(search.step()?);
        if !search.done() {
            return Ok(Vec::new());
        }
        let Some((search, mut found)) = self.current.take() else {
            return Ok(Vec::new());
        };
        let range = search.top - search.floor;
        // The blocks read stay loaded for the ranges above, which may reach into them.
        self.template.keys = search.keys;
        self.scanned += u64::from(range);
        self.matched += found.len() as u64;
        if found.len() < self.want {
            self.span = self.span.saturating_mul(2);
        }
        found.reverse();
        Ok(found)
    }
}

impl Search {
    /// The same search over documents `docs` only (for an archive built in date order, a
    /// period): it reads only the blocks that reach into them. Given before the first
    /// [`plan`](Search::plan).
    pub fn within(self, docs: Range<u32>) -> Search {
        Search(match self.0 {
            Order::Newest(d) => Order::Newest(d.within(docs)),
            Order::Oldest(up) => Order::Oldest(Box::new(Ascent::new(up.template.within(docs)))),
        })
    }

    /// The same search yielding the oldest matches (lowest ids) first, each step's matches
    /// ascending: it runs through ranges of documents from the bottom. Given before the first
    /// [`plan`](Search::plan).
    pub fn oldest_first(self) -> Search {
        match self.0 {
            Order::Newest(d) => Search(Order::Oldest(Box::new(Ascent::new(d)))),
            oldest => Search(oldest),
        }
    }

    /// Whether the search yields the oldest matches first.
    pub fn is_oldest_first(&self) -> bool {
        matches!(self.0, Order::Oldest(_))
    }

    /// Whether every document has been searched.
    pub fn done(&self) -> bool {
        match &self.0 {
            Order::Newest(d) => d.done(),
            Order::Oldest(up) => up.done(),
        }
    }

    /// The documents still to be searched: below those searched so far, or above them for a
    /// search from the oldest up.
    pub fn unsearched(&self) -> Range<u32> {
        match &self.0 {
            Order::Newest(d) => d.unsearched(),
            Order::Oldest(up) => up.unsearched(),
        }
    }

    /// How many documents match in all: exact once the search is [`done`](Search::done),
    /// until then an estimate, never fewer than found (how it is estimated: `Descent::estimate`).
    pub fn estimate(&self) -> u64 {
        match &self.0 {
            Order::Newest(d) => d.estimate(),
            Order::Oldest(up) => up.estimate(),
        }
    }

    /// The documents the window [`plan`](Search::plan) chose will search, until
    /// [`step`](Search::step) searches them: where the next matches are to be found.
    pub fn window(&self) -> Option<Range<u32>> {
        match &self.0 {
            Order::Newest(d) => d.window.clone(),
            Order::Oldest(up) => up.current.as_ref().and_then(|(d, _)| d.window.clone()),
        }
    }

    /// Chooses the next documents to search, for about `want` more matches if the keys allow,
    /// and returns the block files they need that are not loaded yet. Call
    /// [`load`](Search::load) with each, then [`step`](Search::step).
    pub fn plan(&mut self, want: usize) -> Vec<FileId> {
        match &mut self.0 {
            Order::Newest(d) => d.plan(want),
            Order::Oldest(up) => up.plan(want),
        }
    }

    /// Loads a block file the plan asked for.
    pub fn load(&mut self, id: FileId, bytes: &[u8]) -> Result<(), ArchiveError> {
        match &mut self.0 {
            Order::Newest(d) => d.load(id, bytes),
            Order::Oldest(up) => up.load(id, bytes),
        }
    }

    /// Searches what was planned and returns its matches: newest first, or ascending for a
    /// search made [`oldest_first`](Search::oldest_first).
    pub fn step(&mut self) -> Result<Vec<DocId>, ArchiveError> {
        match &mut self.0 {
            Order::Newest(d) => d.step(),
            Order::Oldest(up) => up.step(),
        }
    }
}

impl Descent {
    /// The same search over documents `docs` only.
    fn within(mut self, docs: Range<u32>) -> Descent {
        self.top = self.top.min(docs.end);
        self.hi = self.top;
        self.floor = docs.start.min(self.hi);
        self
    }

    fn done(&self) -> bool {
        self.hi <= self.floor && self.window.is_none()
    }

    /// The documents still to be searched, below those searched so far.
    fn unsearched(&self) -> Range<u32> {
        match &self.window {
            Some(w) => self.floor..w.end.min(self.hi),
            None => self.floor..self.hi,
        }
    }

    /// How many documents match in all: exact once the search is done, until then an
    /// estimate (never fewer than found). Matches are found among the documents
    /// that hold every key of the query; the estimate takes the key held by the fewest
    /// documents not yet searched, counts them from its blocks, and expects as many of them to
    /// match as matched among its documents searched so far. So a term that grew rarer over
    /// the years is not taken to be as common further back as in the newest papers. Without
    /// such a key (none loaded yet), the rate of matches per document searched.
    fn estimate(&self) -> u64 {
        if self.done() || self.scanned == 0 {
            return self.matched;
        }
        let pivot = self
            .required()
            .into_iter()
            .filter_map(|k| {
                let key = &self.keys[k];
                let below = key.count_below(self.hi, self.block_bytes)?;
                let under_floor = key.count_below(self.floor, self.block_bytes)?;
                Some((
                    below.saturating_sub(under_floor),
                    key.count_in(&(self.hi..self.top))?,
                ))
            })
            .filter(|&(_, searched)| searched > 0)
            .min_by_key(|&(below, _)| below);
        let rest = match pivot {
            Some((below, searched)) => self.matched * below / searched,
            None => self.matched * u64::from(self.hi - self.floor) / self.scanned,
        };
        self.matched + rest
    }

    /// The keys every match holds: those of the terms not excluded, without repeats.
    fn required(&self) -> Vec<usize> {
        let mut required: Vec<usize> = self
            .terms
            .iter()
            .filter(|t| !t.exclude)
            .flat_map(|t| t.keys.iter().map(|&(k, _)| k))
            .collect();
        required.sort_unstable();
        required.dedup();
        required
    }

    /// Chooses the next window of documents, large enough for about `want` more matches if
    /// the keys allow, and returns the block files it needs that are not loaded yet.
    fn plan(&mut self, want: usize) -> Vec<FileId> {
        if self.window.is_none() {
            self.pending = self.choose(want.max(1));
        }
        self.pending.clone()
    }

    /// Whether a block file is loaded.
    fn loaded(&self, id: FileId) -> bool {
        match id {
            FileId::Block(n) => self
                .files
                .get(&n)
                .is_some_and(|&(k, b)| self.keys[k].blocks[b].list.is_some()),
            FileId::Shard(..) => true,
        }
    }

    /// Sets the next window and returns the block files it needs.
    fn choose(&mut self, want: usize) -> Vec<FileId> {
        let (floor, hi) = (self.floor, self.hi);
        if hi <= floor {
            return Vec::new();
        }
        // A filter none of whose values is left to search ends the search.
        if self.any.iter().any(|group| {
            group
                .iter()
                .all(|&k| self.keys[k].blocks_in(&(floor..hi)) == 0)
        }) {
            self.hi = floor;
            return Vec::new();
        }
        let required = self.required();
        if required.is_empty() {
            // Only filters of several values: once one's values are known whole here, its
            // documents are the candidates; otherwise a window of twice what is asked for.
            let group = self
                .any
                .iter()
                .find(|g| g.iter().all(|&k| self.keys[k].known_in(&(floor..hi))));
            let Some(group) = group else {
                let lo = hi
                    .saturating_sub(u32::try_from(want * 2).unwrap_or(u32::MAX))
                    .max(floor);
                self.window = Some(lo..hi);
                return self.missing(lo..hi, None);
            };
            let mut candidates = self.held_by_any(group, &(floor..hi));
            let limit = self.candidate_limit(want);
            candidates.reverse();
            candidates.truncate(limit);
            return self.window_over(candidates, limit);
        }
        // A required key with nothing left to search ends the search.
        if required
            .iter()
            .any(|&k| self.keys[k].blocks_in(&(floor..hi)) == 0)
        {
            self.hi = floor;
            return Vec::new();
        }
        let known: Vec<usize> = required
            .iter()
            .copied()
            .filter(|&k| self.keys[k].known_in(&(floor..hi)))
            .collect();
        if known.is_empty() {
            // Each window spans up to `growth` blocks of the key whose blocks are densest
            // here, and the allowance doubles with each window: a common match costs about
            // one block per key, and a rare one is reached in about log2(blocks) rounds.
            let doubled = required
                .iter()
                .map(|&k| {
                    let key = &self.keys[k];
                    key.blocks[key.blocks_below(hi).saturating_sub(self.growth)].first
                })
                .max()
                .unwrap_or(0);
            // Once matches have turned up, their rate says how far down `want` more lie: the
            // window reaches that far with a quarter to spare, if that is short of doubling.
            let lo = match self.matched {
                0 => doubled,
                matched => {
                    let reach = ((want as u64).saturating_mul(self.scanned).saturating_mul(5)
                        / 4
                        / matched)
                        .max(1);
                    let estimate = u64::from(hi).saturating_sub(reach) as u32;
                    estimate.max(doubled)
                }
            }
            .max(floor);
            self.growth = self.growth.saturating_mul(2);
            self.window = Some(lo..hi);
            return self.missing(lo..hi, None);
        }
        // Candidates: documents below `hi` in every key known whole, newest first; the window
        // reaches down to the oldest of the first few, and takes twice as many each round, in
        // case few candidates turn out to match.
        let limit = self.candidate_limit(want);
        let candidates = self.candidates(&known, floor..hi, limit);
        self.window_over(candidates, limit)
    }

    /// How many candidates the next window takes: twice as many each round, in case few of
    /// them turn out to match.
    fn candidate_limit(&mut self, want: usize) -> usize {
        let limit = (want * 2 + 8).saturating_mul(self.growth);
        self.growth = self.growth.saturating_mul(2);
        limit
    }

    /// Sets the window down to the oldest of `candidates` (descending, at most `limit`), or to
    /// the floor when they are fewer, and returns the block files it needs; none ends the
    /// search.
    fn window_over(&mut self, candidates: Vec<u32>, limit: usize) -> Vec<FileId> {
        let (floor, hi) = (self.floor, self.hi);
        let Some(&lowest) = candidates.last() else {
            self.hi = floor;
            return Vec::new();
        };
        let lo = if candidates.len() < limit {
            floor
        } else {
            lowest
        };
        self.window = Some(lo..hi);
        self.missing(lo..hi, Some(&candidates))
    }

    /// The documents of `range` holding any key of `group` (each loaded there), ascending.
    fn held_by_any(&self, group: &[usize], range: &Range<u32>) -> Vec<u32> {
        let mut held: Vec<u32> = group
            .iter()
            .flat_map(|&k| self.keys[k].within(range).docs().collect::<Vec<_>>())
            .collect();
        held.sort_unstable();
        held.dedup();
        held
    }

    /// Up to `limit` documents of `range` in all of `keys` (each loaded there), descending.
    fn candidates(&self, keys: &[usize], range: Range<u32>, limit: usize) -> Vec<u32> {
        let lists: Vec<Entries> = keys.iter().map(|&k| self.keys[k].within(&range)).collect();
        let Some(rarest) = lists.iter().min_by_key(|l| l.len()) else {
            return Vec::new();
        };
        rarest
            .docs()
            .rev()
            .filter(|&doc| lists.iter().all(|l| l.find(doc).is_some()))
            .take(limit)
            .collect()
    }

    /// The block files not yet loaded that overlap `window`, and when `candidates` are given,
    /// only those holding one of them.
    fn missing(&self, window: Range<u32>, candidates: Option<&[u32]>) -> Vec<FileId> {
        let mut out = Vec::new();
        for key in &self.keys {
            for b in &key.blocks {
                let (Some(n), None) = (b.file, &b.list) else {
                    continue;
                };
                if b.last < window.start || b.first >= window.end {
                    continue;
                }
                // Candidates run newest first: the first at or below `last` decides.
                let wanted = candidates.is_none_or(|c| {
                    let i = c.partition_point(|&d| d > b.last);
                    c.get(i).is_some_and(|&d| d >= b.first)
                });
                if wanted {
                    out.push(FileId::Block(n));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn load(&mut self, id: FileId, bytes: &[u8]) -> Result<(), ArchiveError> {
        let FileId::Block(n) = id else {
            return Err(ArchiveError::MissingFile(id));
        };
        let &(k, b) = self.files.get(&n).ok_or(ArchiveError::MissingFile(id))?;
        let (layer, body) = head(bytes)?;
        let key = &mut self.keys[k];
        if layer != key.layer {
            return Err(ArchiveError::Corrupt("a block of the wrong layer"));
        }
        let mut r = Reader::new(body);
        let count = r.get()?;
        let list = List::decode(layer, count, r.rest())?;
        let bytes = r.rest().len();
        let block = &mut key.blocks[b];
        if list.docs.first() != Some(&block.first) || list.docs.last() != Some(&block.last) {
            return Err(ArchiveError::Corrupt(
                "a block does not match its directory",
            ));
        }
        block.list = Some(list);
        block.bytes = bytes;
        Ok(())
    }

    /// Searches the planned window and returns its matches, newest first.
    fn step(&mut self) -> Result<Vec<DocId>, ArchiveError> {
        let Some(window) = self.window.take() else {
            return Ok(Vec::new());
        };
        if let Some(&id) = self.pending.iter().find(|&&id| !self.loaded(id)) {
            self.window = Some(window);
            return Err(ArchiveError::MissingFile(id));
        }
        self.pending.clear();
        let mut found: Option<Vec<u32>> = None;
        for term in self.terms.iter().filter(|t| !t.exclude) {
            let docs = self.matches(term, &window, found.as_deref());
            let empty = docs.is_empty();
            found = Some(docs);
            if empty {
                break;
            }
        }
        let mut docs = found.unwrap_or_else(|| window.clone().collect());
        for group in &self.any {
            let held = self.held_by_any(group, &window);
            docs.retain(|d| held.binary_search(d).is_ok());
        }
        for term in self.terms.iter().filter(|t| t.exclude) {
            let out = self.matches(term, &window, Some(&docs));
            docs.retain(|d| out.binary_search(d).is_err());
        }
        self.hi = window.start;
        self.scanned += u64::from(window.end - window.start);
        self.matched += docs.len() as u64;
        Ok(docs.into_iter().rev().map(DocId).collect())
    }

    /// The documents of `window` (and of `within`, when given) where a term occurs,
    /// ascending.
    fn matches(&self, term: &TermKeys, window: &Range<u32>, within: Option<&[u32]>) -> Vec<u32> {
        let lists: Vec<Entries> = term
            .keys
            .iter()
            .map(|&(k, _)| self.keys[k].within(window))
            .collect();
        let Some(rarest) = lists.iter().min_by_key(|l| l.len()) else {
            return Vec::new();
        };
        rarest
            .docs()
            .filter(|&doc| within.is_none_or(|w| w.binary_search(&doc).is_ok()))
            .filter(|&doc| {
                // The term starts at `p` where each bigram of its cover stands at its offset.
                let Some(per) = lists
                    .iter()
                    .map(|l| l.find(doc))
                    .collect::<Option<Vec<_>>>()
                else {
                    return false;
                };
                per.len() == 1
                    || per[0].iter().any(|&p| {
                        per.iter()
                            .zip(&term.keys)
                            .skip(1)
                            .all(|(pos, &(_, off))| pos.binary_search(&(p + off)).is_ok())
                    })
            })
            .collect()
    }
}

/// Chunk number and place in the chunk of a document, in chunks of `size` documents.
fn place(doc: DocId, size: u32) -> (u32, u32) {
    let size = size.max(1);
    (doc.0 / size, doc.0 % size)
}
