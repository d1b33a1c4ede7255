//! Packed archives: the many small files of an archive (shards, blocks, record and card
//! chunks) stored one after another in a few pack files of at most [`PACK_BYTES`] each, so a
//! static host that caps its files (or an upload that pays for each) takes the archive as a
//! few hundred files at most. A reader fetches each entry with an HTTP Range request.
//!
//! - `packs/NNNN.pack`: the stored bytes of the packed files, as `kanbao build` would have
//!   written them loose (gzipped where the manifest says so), none cut across two packs. The
//!   blocks come first and the shards last, and each shard is followed by the places of the
//!   blocks its keys name ([`with_block_places`]): a reader that has fetched a shard knows
//!   where its blocks are without another look at the directory;
//! - `packs/directory.bin`: for every packed file, in the order of [`Packs::kinds`] and then
//!   by number, where it is: its pack, offset and length, [`ENTRY_BYTES`] each (little-endian
//!   `u32`s). A reader fetches the directory in pages of [`DIRECTORY_PAGE`] entries, by Range
//!   as well, and keeps them;
//! - the manifest's [`Manifest::packs`](super::Manifest::packs) says which kinds of file are
//!   packed and where each kind starts in the directory. The manifest, the calendar and the
//!   facets stay loose files: they are read first, or by name.

use serde::{Deserialize, Serialize};

use super::codec::{Reader, put};
use super::format::ArchiveError;

/// The most bytes of one pack file (a file larger than this alone gets a pack of its own).
pub const PACK_BYTES: u32 = 16 * 1024 * 1024;

/// The directory's path under `archive/`.
pub const DIRECTORY_PATH: &str = "packs/directory.bin";

/// Bytes of one directory entry: pack, offset, length.
pub const ENTRY_BYTES: u32 = 12;

/// Entries per page of the directory, as a reader fetches it.
pub const DIRECTORY_PAGE: u32 = 16;

/// The kinds of file a packed archive packs, by their directory under `archive/`, in the
/// order the directory lists them and the packs hold them: the blocks before the shards, so
/// that each shard can carry its blocks' places.
pub const PACKED_DIRS: [&str; 5] = [
    "index/blocks",
    "records",
    "cards",
    "index/docs",
    "index/positions",
];

/// The mark that ends the places of a shard's blocks after its stored bytes in a pack.
pub const PLACES_MARK: [u8; 4] = *b"KBPL";

/// Where the packed files of an archive are (the manifest's `packs`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packs {
    /// Number of pack files: `packs/0000.pack` and on.
    pub files: u32,
    /// The most bytes of one pack file.
    pub pack_bytes: u32,
    /// The kinds of file packed, in the directory's order.
    pub kinds: Vec<PackedKind>,
    /// Each shard is followed in its pack by the places of its blocks
    /// ([`with_block_places`]).
    #[serde(default)]
    pub block_places: bool,
}

/// One kind of packed file: its directory under `archive/`, where its first file stands in
/// the directory, and how many files (numbered from 0) it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackedKind {
    /// `index/docs`, `records`, …
    pub dir: String,
    /// The directory entry of its file number 0.
    pub first: u32,
    /// Its files, numbered from 0.
    pub count: u32,
}

/// Where one packed file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackEntry {
    /// The pack holding it.
    pub pack: u32,
    /// Its first byte in the pack.
    pub offset: u32,
    /// Its length in bytes.
    pub len: u32,
}

impl PackEntry {
    /// The entry as the directory stores it.
    pub fn to_bytes(self) -> [u8; ENTRY_BYTES as usize] {
        let mut out = [0; ENTRY_BYTES as usize];
        out[..4].copy_from_slice(&self.pack.to_le_bytes());
        out[4..8].copy_from_slice(&self.offset.to_le_bytes());
        out[8..].copy_from_slice(&self.len.to_le_bytes());
        out
    }

    /// An entry from the directory's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Option<PackEntry> {
        let word = |i: usize| {
            bytes
                .get(i..i + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
        };
        Some(PackEntry {
            pack: word(0)?,
            offset: word(4)?,
            len: word(8)?,
        })
    }

    /// The HTTP Range header's value for the entry: `bytes=first-last`.
    pub fn range(self) -> String {
        let last = u64::from(self.offset) + u64::from(self.len.max(1)) - 1;
        format!("bytes={}-{last}", self.offset)
    }
}

impl Packs {
    /// The path of pack `n` under `archive/`: `packs/0000.pack`.
    pub fn pack_path(n: u32) -> String {
        format!("packs/{n:04}.pack")
    }

    /// The directory entry of a file, by its path under `archive/` without the compression's
    /// suffix (`index/docs/0012.bin`, `index/blocks/004/517.bin`, `cards/0031.json`), or `None`
    /// when the file is not packed. A file's number is the digits of its path under its
    /// kind's directory.
    pub fn entry_of(&self, path: &str) -> Option<u32> {
        self.kinds.iter().find_map(|kind| {
            let rest = path.strip_prefix(kind.dir.as_str())?.strip_prefix('/')?;
            let n = file_number(rest)?;
            (n < kind.count).then(|| kind.first + n)
        })
    }

    /// The page of the directory that holds entry `entry`.
    pub fn directory_page(entry: u32) -> u32 {
        entry / DIRECTORY_PAGE
    }

    /// The HTTP Range header's value for the directory's pages `first` to `last` (the last
    /// page may be shorter: a server answers with what there is).
    pub fn directory_range(first: u32, last: u32) -> String {
        let page = u64::from(DIRECTORY_PAGE * ENTRY_BYTES);
        let start = u64::from(first) * page;
        let end = (u64::from(last) + 1) * page - 1;
        format!("bytes={start}-{end}")
    }

    /// The directory entries of the files under `dir` (`index/docs`), none where that kind
    /// is not packed.
    pub fn entries_of(&self, dir: &str) -> std::ops::Range<u32> {
        self.kinds
            .iter()
            .find(|k| k.dir == dir)
            .map_or(0..0, |k| k.first..k.first + k.count)
    }

    /// Entry `entry` out of the bytes of its directory page.
    pub fn entry_in_page(page: &[u8], entry: u32) -> Option<PackEntry> {
        let at = ((entry % DIRECTORY_PAGE) * ENTRY_BYTES) as usize;
        PackEntry::from_bytes(page.get(at..)?)
    }
}

/// A shard as a packed archive stores it: its stored bytes, then the places of the blocks its
/// keys name, then the length of those places (a little-endian `u32`) and [`PLACES_MARK`].
/// The places, sorted by directory entry, are varints: each entry's gap from the one before,
/// its pack, its offset (in the same pack as the place before, from that place's end, signed)
/// and its length.
/// A key's blocks follow each other in the directory and in their pack, so each costs a few
/// bytes.
pub fn with_block_places(stored: &[u8], places: &[(u32, PackEntry)]) -> Vec<u8> {
    let mut sorted = places.to_vec();
    sorted.sort_unstable_by_key(|&(entry, _)| entry);
    let mut body = Vec::with_capacity(sorted.len() * 4);
    let (mut entry_before, mut pack_before, mut end_before) = (0u32, u32::MAX, 0u32);
    for (entry, at) in sorted {
        put(&mut body, u64::from(entry - entry_before));
        put(&mut body, u64::from(at.pack));
        let from = if at.pack == pack_before {
            zigzag(i64::from(at.offset) - i64::from(end_before))
        } else {
            u64::from(at.offset)
        };
        put(&mut body, from);
        put(&mut body, u64::from(at.len));
        (entry_before, pack_before, end_before) = (entry, at.pack, at.offset + at.len);
    }
    let mut out = Vec::with_capacity(stored.len() + body.len() + 8);
    out.extend_from_slice(stored);
    out.extend_from_slice(&body);
    out.extend_from_slice(&(body.len() as u32).to_le_bytes());
    out.extend_from_slice(&PLACES_MARK);
    out
}

/// A signed number as an unsigned one, small either way: 0, -1, 1, -2 … as 0, 1, 2, 3 ….
fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

/// The bytes that end what a packed archive stores for a shard: the length of its block places
/// and [`PLACES_MARK`].
pub const PLACES_TRAILER: usize = 8;

/// How many bytes at the end of what a packed archive stores for a shard hold its block places
/// (with the [`PLACES_TRAILER`]), read from its last [`PLACES_TRAILER`] bytes: a reader that
/// holds the shard outside its own memory copies only these.
pub fn block_places_tail(trailer: &[u8]) -> Result<usize, ArchiveError> {
    let corrupt = || ArchiveError::Corrupt("a shard's block places do not read");
    let len = trailer
        .strip_suffix(PLACES_MARK.as_slice())
        .and_then(|len| <[u8; 4]>::try_from(len).ok())
        .ok_or_else(corrupt)?;
    (u32::from_le_bytes(len) as usize)
        .checked_add(PLACES_TRAILER)
        .ok_or_else(corrupt)
}

/// Where a shard's stored bytes end before the places of its blocks, and those places, out of
/// what a packed archive stores for the shard ([`with_block_places`]).
pub fn split_block_places(bytes: &[u8]) -> Result<(usize, Vec<(u32, PackEntry)>), ArchiveError> {
    let corrupt = || ArchiveError::Corrupt("a shard's block places do not read");
    let at = bytes
        .len()
        .checked_sub(PLACES_TRAILER)
        .ok_or_else(corrupt)?;
    let end = bytes
        .len()
        .checked_sub(block_places_tail(&bytes[at..])?)
        .ok_or_else(corrupt)?;
    let mut r = Reader::new(&bytes[end..at]);
    let mut places = Vec::new();
    let (mut entry, mut pack_before, mut end_before) = (0u32, u32::MAX, 0u32);
    while !r.rest().is_empty() {
        entry = entry.checked_add(r.get32()?).ok_or_else(corrupt)?;
        let pack = r.get32()?;
        let from = r.get()?;
        let offset = if pack == pack_before {
            u32::try_from(i64::from(end_before) + unzigzag(from)).map_err(|_| corrupt())?
        } else {
            u32::try_from(from).map_err(|_| corrupt())?
        };
        let len = r.get32()?;
        places.push((entry, PackEntry { pack, offset, len }));
        (pack_before, end_before) = (pack, offset.checked_add(len).ok_or_else(corrupt)?);
    }
    Ok((end, places))
}

/// A packed file's number from its path under its kind's directory: the digits of the path
/// without its extension (`0012.bin` is 12, `004/517.bin` is 4517).
pub fn file_number(rest: &str) -> Option<u32> {
    let stem = rest.split_once('.').map_or(rest, |(stem, _)| stem);
    let digits: String = stem.chars().filter(|&c| c != '/').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Places files one after another in packs of at most `limit` bytes, and makes the directory.
#[derive(Debug)]
pub struct PackWriter {
    limit: u32,
    entries: Vec<PackEntry>,
    /// The pack being filled and its length so far.
    pack: u32,
    len: u32,
}

impl PackWriter {
    /// Packs of at most `limit` bytes ([`PACK_BYTES`] for an archive).
    pub fn new(limit: u32) -> PackWriter {
        PackWriter {
            limit: limit.max(1),
            entries: Vec::new(),
            pack: 0,
            len: 0,
        }
    }

    /// Where the next file, of `len` bytes, goes: at the end of the pack being filled, or at
    /// the start of a new one where it would not fit (a file larger than a pack has one of
    /// its own).
    pub fn place(&mut self, len: u32) -> PackEntry {
        if self.len > 0 && u64::from(self.len) + u64::from(len) > u64::from(self.limit) {
            self.pack += 1;
            self.len = 0;
        }
        let entry = PackEntry {
            pack: self.pack,
            offset: self.len,
            len,
        };
        self.len += len;
        self.entries.push(entry);
        entry
    }

    /// Where the file of directory entry `entry` was placed.
    pub fn placed(&self, entry: u32) -> Option<PackEntry> {
        self.entries.get(entry as usize).copied()
    }

    /// Files placed so far: the next file's directory entry.
    pub fn entries(&self) -> u32 {
        self.entries.len() as u32
    }

    /// Pack files used so far.
    pub fn files(&self) -> u32 {
        if self.entries.is_empty() {
            0
        } else {
            self.pack + 1
        }
    }

    /// The directory's bytes.
    pub fn directory(&self) -> Vec<u8> {
        self.entries.iter().flat_map(|e| e.to_bytes()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_fill_packs_up_to_the_limit_and_never_straddle_two() {
        let mut w = PackWriter::new(100);
        let placed: Vec<PackEntry> = [40, 40, 30, 100, 150, 1].map(|n| w.place(n)).to_vec();
        assert_eq!(
            placed
                .iter()
                .map(|e| (e.pack, e.offset))
                .collect::<Vec<_>>(),
            [(0, 0), (0, 40), (1, 0), (2, 0), (3, 0), (4, 0)]
        );
        assert_eq!(w.files(), 5);
        assert_eq!(w.entries(), 6);
        assert_eq!(PackWriter::new(10).files(), 0);
    }

    #[test]
    fn the_directory_reads_back_page_by_page() {
        let mut w = PackWriter::new(1000);
        let placed: Vec<PackEntry> = (0..40).map(|n| w.place(n * 3 + 1)).collect();
        let directory = w.directory();
        assert_eq!(directory.len(), 40 * ENTRY_BYTES as usize);
        for (n, entry) in placed.iter().enumerate() {
            let page = Packs::directory_page(n as u32);
            let (first, last) = Packs::directory_range(page, page)
                .strip_prefix("bytes=")
                .and_then(|r| r.split_once('-'))
                .map(|(a, b)| (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap()))
                .unwrap();
            assert_eq!(
                first,
                page as usize * (DIRECTORY_PAGE * ENTRY_BYTES) as usize
            );
            let bytes = &directory[first..=last.min(directory.len() - 1)];
            assert_eq!(Packs::entry_in_page(bytes, n as u32), Some(*entry));
        }
    }

    #[test]
    fn a_files_path_names_its_directory_entry() {
        let packs = Packs {
            files: 1,
            pack_bytes: PACK_BYTES,
            block_places: false,
            kinds: vec![
                PackedKind {
                    dir: "index/docs".into(),
                    first: 0,
                    count: 13,
                },
                PackedKind {
                    dir: "index/blocks".into(),
                    first: 13,
                    count: 5000,
                },
                PackedKind {
                    dir: "cards".into(),
                    first: 5013,
                    count: 40,
                },
            ],
        };
        assert_eq!(packs.entry_of("index/docs/0012.bin"), Some(12));
        assert_eq!(packs.entry_of("index/docs/0013.bin"), None);
        assert_eq!(packs.entry_of("index/blocks/004/517.bin"), Some(13 + 4517));
        assert_eq!(packs.entry_of("cards/0031.json"), Some(5013 + 31));
        assert_eq!(packs.entry_of("calendar/2024-05.json"), None);
        assert_eq!(packs.entries_of("index/blocks"), 13..5013);
        assert_eq!(packs.entries_of("index/positions"), 0..0);
        assert_eq!(packs.entry_of("index/manifest.json"), None);
        assert_eq!(file_number("004/517.bin.gz"), Some(4517));
        assert_eq!(file_number("manifest.json"), None);
    }

    #[test]
    fn a_shard_carries_its_blocks_places_after_its_bytes() {
        let places = [
            (
                3,
                PackEntry {
                    pack: 0,
                    offset: 10,
                    len: 20,
                },
            ),
            (
                4,
                PackEntry {
                    pack: 1,
                    offset: 0,
                    len: 7,
                },
            ),
        ];
        let stored = b"\x1f\x8bshard bytes";
        let packed = with_block_places(stored, &places);
        assert!(packed.len() <= stored.len() + 2 * 4 + 8, "{}", packed.len());
        let (end, read) = split_block_places(&packed).unwrap();
        assert_eq!(&packed[..end], stored);
        assert_eq!(read, places);
        let empty = with_block_places(stored, &[]);
        assert_eq!(split_block_places(&empty).unwrap(), (stored.len(), vec![]));
        assert!(split_block_places(stored).is_err());
        assert!(split_block_places(b"KBPL").is_err());
        // A length larger than the bytes hold is refused, not read past.
        let mut lying = with_block_places(stored, &places);
        let at = lying.len() - 8;
        lying[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
        assert!(split_block_places(&lying).is_err());
        // The tail a reader copies to read the places: all of them, with the trailer.
        let tail = block_places_tail(&packed[packed.len() - PLACES_TRAILER..]).unwrap();
        assert_eq!(tail, packed.len() - stored.len());
        assert!(block_places_tail(b"\0\0\0\0KBPX").is_err());
        assert!(block_places_tail(b"KBPL").is_err());
        // A key's blocks one after another in a pack cost a few bytes each.
        let run: Vec<(u32, PackEntry)> = (0..100)
            .map(|i| {
                (
                    500 + i,
                    PackEntry {
                        pack: 3,
                        offset: 9_000_000 + i * 2_000,
                        len: 2_000,
                    },
                )
            })
            .collect();
        let packed = with_block_places(b"", &run);
        assert!(packed.len() < 100 * 6, "{}", packed.len());
        assert_eq!(split_block_places(&packed).unwrap().1, run);
        // Places out of their pack's order read back as well.
        let odd = [
            (
                1,
                PackEntry {
                    pack: 0,
                    offset: 500,
                    len: 10,
                },
            ),
            (
                2,
                PackEntry {
                    pack: 0,
                    offset: 20,
                    len: 5,
                },
            ),
            (
                3,
                PackEntry {
                    pack: 1,
                    offset: 0,
                    len: 5,
                },
            ),
        ];
        assert_eq!(
            split_block_places(&with_block_places(b"x", &odd))
                .unwrap()
                .1,
            odd
        );
        for n in [0, 1, -1, 2, -2, i64::from(u32::MAX), -i64::from(u32::MAX)] {
            assert_eq!(unzigzag(zigzag(n)), n);
        }
    }

    #[test]
    fn an_entry_asks_for_its_bytes_by_range() {
        let e = PackEntry {
            pack: 2,
            offset: 100,
            len: 50,
        };
        assert_eq!(e.range(), "bytes=100-149");
        assert_eq!(PackEntry::from_bytes(&e.to_bytes()), Some(e));
        assert_eq!(Packs::directory_page(17), 1);
        assert_eq!(Packs::directory_range(1, 1), "bytes=192-383");
        assert_eq!(Packs::directory_range(2, 4), "bytes=384-959");
    }
}
