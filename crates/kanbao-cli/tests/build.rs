//! `kanbao build` run as a process: generated pages into a static archive that searches like
//! the in-memory index.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Output;

mod common;
mod tree;

use common::{kanbao, stderr};

use flate2::read::GzDecoder;
use kanbao_search::{
    ArchiveFacets, ArchiveIndex, Calendar, CalendarMonth, Compression, Document, Facet, FieldKind,
    FileId, Filters, Index, Layer, Manifest, Query, Shard, page_number,
};
use serde_json::Value;

/// `pages` generated pages in `dir/pages`; returns that folder.
fn gen_pages(dir: &Path, pages: &str) -> std::path::PathBuf {
    let src = dir.join("pages");
    let out = kanbao(&["gen", "--pages", pages, "-o", src.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    src
}

fn gen_and_build(dir: &Path, pages: &str) -> Output {
    let (src, site) = (gen_pages(dir, pages), dir.join("site"));
    build_small(&src, &site, &["--shard-kib", "4"])
}

/// The content of an archive file, stored gzipped as `path.gz`; `None` when there is none.
fn stored(path: &Path) -> Option<Vec<u8>> {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    let gz = fs::read(name).ok()?;
    let mut out = Vec::new();
    GzDecoder::new(gz.as_slice())
        .read_to_end(&mut out)
        .expect("gzip");
    Some(out)
}

/// The archive's index, opened from its manifest.
fn open(archive: &Path) -> ArchiveIndex {
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(archive.join("index/manifest.json")).expect("manifest"))
            .expect("manifest JSON");
    ArchiveIndex::new(manifest).expect("archive opens")
}

/// Every file under `dir`, as `/`-separated paths relative to it.
fn files(dir: &Path) -> Vec<String> {
    tree::files_under(dir)
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// Every record of the archive, in chunk order.
fn records(archive: &Path) -> Vec<Value> {
    chunks(archive, "records")
}

/// Every value of the numbered chunks in `archive/dir`, in order.
fn chunks(archive: &Path, dir: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for n in 0.. {
        let Some(bytes) = stored(&archive.join(format!("{dir}/{n:04}.json"))) else {
            break;
        };
        let chunk: Vec<Value> = serde_json::from_slice(&bytes).expect("chunk JSON");
        out.extend(chunk);
    }
    out
}

/// A record's searchable fields, as the app maps an article.
fn document(r: &Value) -> Document {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut d = Document::new().with(FieldKind::Title, s(&r["title"]));
    for key in ["kicker", "subtitle", "column"] {
        if !r[key].is_null() {
            d.push(FieldKind::Heading, s(&r[key]));
        }
    }
    for role in [
        "reporters",
        "correspondents",
        "photographers",
        "authors",
        "raw",
    ] {
        for name in r["byline"][role].as_array().expect("names") {
            d.push(FieldKind::Byline, s(name));
        }
    }
    if !r["dateline"].is_null() {
        d.push(FieldKind::Byline, s(&r["dateline"]));
    }
    if !r["lead"].is_null() {
        d.push(FieldKind::Body, s(&r["lead"]));
    }
    for b in r["blocks"].as_array().expect("blocks") {
        let kind = match b["type"].as_str() {
            Some("heading") => FieldKind::Heading,
            Some("caption") => FieldKind::Caption,
            _ => FieldKind::Body,
        };
        d.push(kind, s(&b["text"]));
    }
    d
}

#[test]
fn a_built_archive_finds_exactly_what_the_in_memory_index_finds() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = gen_and_build(tmp.path(), "48");
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = tmp.path().join("site/archive");
    let records = records(&archive);
    let index = open(&archive);
    let manifest = index.manifest();
    assert_eq!(manifest.docs as usize, records.len());
    assert_eq!(manifest.chunks as usize, records.len().div_ceil(50));
    assert!(manifest.doc_shards > 1 && manifest.position_shards > 1);
    assert!(
        manifest.blocks > 0,
        "the long posting lists are cut into blocks"
    );
    // Every file but the manifest is stored gzipped, and the manifest knows their stored
    // size by kind.
    assert_eq!(manifest.compression, Compression::Gzip);
    let names = files(&archive);
    assert!(
        names
            .iter()
            .all(|n| n.ends_with(".gz") || n == "index/manifest.json"),
        "{names:?}"
    );
    let size = |prefix: &str| -> u64 {
        names
            .iter()
            .filter(|n| n.starts_with(prefix))
            .map(|n| fs::metadata(archive.join(n)).expect("file").len())
            .sum()
    };
    assert_eq!(manifest.sizes.docs, size("index/docs/"));
    assert_eq!(manifest.sizes.positions, size("index/positions/"));
    assert_eq!(manifest.sizes.blocks, size("index/blocks/"));
    let count = |prefix: &str| names.iter().filter(|n| n.starts_with(prefix)).count();
    assert_eq!(count("index/docs/"), manifest.doc_shards as usize);
    assert_eq!(count("index/positions/"), manifest.position_shards as usize);
    assert_eq!(count("index/blocks/"), manifest.blocks as usize);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["doc"], i);
        assert!(
            r["page"]["date"]
                .as_str()
                .is_some_and(|d| d.starts_with("2016-01-0"))
        );
        assert!(
            r["page"]["source"]
                .as_str()
                .is_some_and(|s| s.ends_with(".txt"))
        );
    }

    let mut memory = Index::new();
    for r in &records {
        memory.add(&document(r));
    }
    // Two- to four-character substrings of every seventh title.
    let mut queries = Vec::new();
    for r in records.iter().step_by(7) {
        let title: Vec<char> = r["title"].as_str().unwrap_or("").chars().collect();
        for len in 2..=4 {
            for start in (0..title.len().saturating_sub(len)).step_by(3) {
                queries.push(title[start..start + len].iter().collect::<String>());
            }
        }
    }
    assert!(queries.len() > 100, "{} queries", queries.len());
    let read = |id: FileId| stored(&archive.join("index").join(id.path())).expect("file");
    let mut cache: HashMap<_, Shard> = HashMap::new();
    for q in &queries {
        let query = Query::parse(&format!("\"{q}\""));
        for id in index.plan(&query) {
            cache
                .entry(id)
                .or_insert_with(|| Shard::decode(&read(id)).expect("shard decodes"));
        }
        let mut search = index.start(&query, &cache).expect("search starts");
        let mut found = Vec::new();
        while !search.done() {
            for id in search.plan(20) {
                search.load(id, &read(id)).expect("block loads");
            }
            found.extend(search.step().expect("search").into_iter().map(|d| d.0));
        }
        assert!(!found.is_empty(), "{q:?} is in a title");
        let mut want: Vec<u32> = memory.search(&query).iter().map(|h| h.doc.0).collect();
        want.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(found, want, "query {q:?}");
    }
    assert!(
        cache
            .keys()
            .any(|id| matches!(id, FileId::Shard(Layer::Positions, _)))
    );
}

/// Runs a filtered search of a built archive to the end, newest first.
fn search_filtered(archive: &Path, query: &str, filters: &Filters) -> Vec<u32> {
    let index = open(archive);
    let read = |id: FileId| stored(&archive.join("index").join(id.path())).expect("file");
    let query = Query::parse(query);
    let shards: HashMap<FileId, Shard> = index
        .plan_filtered(&query, filters)
        .into_iter()
        .map(|id| (id, Shard::decode(&read(id)).expect("shard decodes")))
        .collect();
    let mut search = index
        .start_filtered(&query, filters, &shards)
        .expect("search starts");
    let mut found = Vec::new();
    while !search.done() {
        for id in search.plan(20) {
            search.load(id, &read(id)).expect("block loads");
        }
        found.extend(search.step().expect("search").into_iter().map(|d| d.0));
    }
    found
}

#[test]
fn an_archive_lists_its_facets_with_counts_and_filters_on_them_as_its_records_say() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = gen_and_build(tmp.path(), "48");
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = tmp.path().join("site/archive");
    assert!(open(&archive).manifest().facets);
    let facets: ArchiveFacets =
        serde_json::from_slice(&stored(&archive.join(ArchiveFacets::PATH)).expect("facets"))
            .expect("facets JSON");
    assert_eq!(facets.format, kanbao_search::FACETS_FORMAT);
    let records = records(&archive);
    // Which records hold a value, as the records themselves say.
    let holding = |test: &dyn Fn(&Value) -> bool| -> Vec<u32> {
        let mut docs: Vec<u32> = records
            .iter()
            .filter(|r| test(r))
            .map(|r| r["doc"].as_u64().expect("doc") as u32)
            .collect();
        docs.reverse();
        docs
    };
    let reporters = &facets.facets[&Facet::Reporter];
    assert!(reporters.values.len() > 3, "{reporters:?}");
    for v in reporters.values.iter().take(3) {
        let has = |r: &Value| {
            r["byline"]["reporters"]
                .as_array()
                .is_some_and(|a| a.iter().any(|n| n == v.value.as_str()))
        };
        let want = holding(&has);
        assert_eq!(want.len() as u64, v.count, "{}", v.value);
        let filters: Filters = [(Facet::Reporter, vec![v.value.clone()])].into();
        assert_eq!(search_filtered(&archive, "", &filters), want, "{}", v.value);
    }
    // Two kinds, one page, and search text together.
    let kinds = &facets.facets[&Facet::Kind];
    let picked: Vec<String> = kinds
        .values
        .iter()
        .take(2)
        .map(|v| v.value.clone())
        .collect();
    let page = facets.facets[&Facet::Section].values[0].value.clone();
    let filters: Filters = [
        (Facet::Kind, picked.clone()),
        (Facet::Section, vec![page.clone()]),
    ]
    .into();
    let mut memory = Index::new();
    for r in &records {
        memory.add(&document(r));
    }
    // A page's value as the facet gives it: number and name, or whichever is printed.
    let section_of = |r: &Value| match (r["page"]["page"].as_str(), r["page"]["section"].as_str()) {
        (Some(p), Some(s)) => format!("{p} {s}"),
        (Some(v), None) | (None, Some(v)) => v.to_owned(),
        (None, None) => String::new(),
    };
    let on_page = records
        .iter()
        .find(|r| section_of(r) == page)
        .expect("a record of the page");
    let title: String = on_page["title"]
        .as_str()
        .unwrap_or("")
        .chars()
        .take(2)
        .collect();
    let matching: Vec<u32> = memory
        .search(&Query::parse(&title))
        .iter()
        .map(|h| h.doc.0)
        .collect();
    let want = holding(&|r: &Value| {
        picked.iter().any(|k| r["kind"] == k.as_str())
            && section_of(r) == page
            && matching.contains(&(r["doc"].as_u64().unwrap_or(0) as u32))
    });
    assert!(!want.is_empty(), "{title} on {page}");
    assert_eq!(search_filtered(&archive, &title, &filters), want);
    // A place listed is as many articles as a filter on it finds.
    let place = &facets.facets[&Facet::Place].values[0];
    let filters: Filters = [(Facet::Place, vec![place.value.clone()])].into();
    assert_eq!(
        search_filtered(&archive, "", &filters).len() as u64,
        place.count
    );
}

#[test]
fn every_article_has_a_card_with_its_headline_byline_place_and_opening_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = gen_and_build(tmp.path(), "12");
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = tmp.path().join("site/archive");
    let index = open(&archive);
    let (records, cards) = (records(&archive), chunks(&archive, "cards"));
    assert_eq!(cards.len(), records.len());
    assert_eq!(index.manifest().card_chunk_size, 16);
    assert_eq!(
        index.manifest().card_chunks as usize,
        records.len().div_ceil(16)
    );
    let mut long_bodies = 0;
    // The sizes of the cards and records of articles whose text runs past a card's excerpt.
    let (mut long_cards, mut long_records) = (0, 0);
    for (doc, (r, c)) in records.iter().zip(&cards).enumerate() {
        let (chunk, at) = index.card_of(kanbao_search::DocId(doc as u32));
        assert_eq!((chunk as usize, at as usize), (doc / 16, doc % 16));
        for key in [
            "doc", "id", "kind", "title", "kicker", "subtitle", "column", "dateline", "page",
        ] {
            assert_eq!(c[key], r[key], "{key} of card {doc}");
        }
        for role in ["reporters", "correspondents", "photographers", "authors"] {
            assert_eq!(c["byline"][role], r["byline"][role], "{role} of card {doc}");
        }
        assert!(c.get("blocks").is_none() && c.get("lead").is_none());
        assert!(
            c["byline"].get("raw").is_none(),
            "card {doc}: the printed byline stays in the record"
        );
        let body: Vec<&str> = r["lead"]
            .as_str()
            .into_iter()
            .chain(
                r["blocks"]
                    .as_array()
                    .expect("blocks")
                    .iter()
                    .filter(|b| b["type"] == "paragraph")
                    .filter_map(|b| b["text"].as_str()),
            )
            .collect();
        let body = body.join(" ");
        let excerpt = c["excerpt"].as_str().unwrap_or("");
        assert!(body.starts_with(excerpt), "card {doc}: {excerpt:?}");
        assert_eq!(
            excerpt.chars().count(),
            body.chars().count().min(121),
            "card {doc}"
        );
        if body.chars().count() > 121 {
            long_bodies += 1;
            long_cards += c.to_string().len();
            long_records += r.to_string().len();
        }
    }
    assert!(
        long_bodies > 0,
        "some bodies are longer than a card's excerpt"
    );
    // The card of an article longer than its excerpt is a small part of its record (a short
    // item's card holds all of its text).
    assert!(
        long_cards * 3 < long_records,
        "cards {long_cards} records {long_records}"
    );
}

/// The archive's calendar, read from disk.
fn read_calendar(archive: &Path) -> Calendar {
    serde_json::from_slice(&stored(&archive.join(Calendar::PATH)).expect("calendar"))
        .expect("calendar JSON")
}

/// One month of the archive's calendar, read from disk.
fn read_month(archive: &Path, month: &str) -> CalendarMonth {
    serde_json::from_slice(&stored(&archive.join(CalendarMonth::path(month))).expect("month file"))
        .expect("month JSON")
}

#[test]
fn the_calendar_lists_every_dated_page_with_its_articles_in_page_order() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = gen_and_build(tmp.path(), "40");
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = tmp.path().join("site/archive");
    assert!(open(&archive).manifest().calendar);
    let calendar = read_calendar(&archive);
    assert_eq!(calendar.format, kanbao_search::CALENDAR_FORMAT);
    assert_eq!(calendar.paper, None);
    // Every record's page, as the records say, against the calendar's days.
    let records = records(&archive);
    let mut held: Vec<(String, String, u32)> = Vec::new();
    let mut pages = 0;
    for m in &calendar.months {
        let month = read_month(&archive, &m.month);
        assert_eq!(month.month, m.month);
        assert_eq!(month.days.len() as u32, m.days);
        for day in &month.days {
            assert!(day.date.starts_with(&m.month));
            let numbers: Vec<u32> = day
                .pages
                .iter()
                .map(|p| page_number(p.page.as_deref().unwrap_or("")))
                .collect();
            assert!(numbers.is_sorted(), "{}: {numbers:?}", day.date);
            for p in &day.pages {
                pages += 1;
                for doc in p.docs() {
                    let place = &records[doc as usize]["page"];
                    assert_eq!(place["date"], day.date.as_str(), "doc {doc}");
                    assert_eq!(place["page"].as_str(), p.page.as_deref(), "doc {doc}");
                    held.push((day.date.clone(), p.page.clone().unwrap_or_default(), doc));
                }
            }
        }
    }
    assert_eq!(
        pages, 40,
        "every generated page is dated and in the calendar"
    );
    let mut docs: Vec<u32> = held.iter().map(|h| h.2).collect();
    docs.sort_unstable();
    assert_eq!(
        docs,
        (0..records.len() as u32).collect::<Vec<_>>(),
        "every article is on exactly one page of the calendar"
    );
    assert_eq!(
        calendar.months.iter().map(|m| m.articles).sum::<u32>() as usize,
        records.len()
    );
}

#[test]
fn the_calendar_names_the_paper_it_is_told() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pages = tmp.path().join("pages");
    fs::create_dir_all(&pages).expect("pages dir");
    fs::write(
        pages.join("a.txt"),
        "2024年3月5日 星期二\n第02版：要闻\n\n港城新桥通车\n\n本报讯 新桥今天通车。\n",
    )
    .expect("page");
    fs::write(pages.join("b.txt"), "无日期的一段文字。\n").expect("page");
    let site = tmp.path().join("site");
    let out = kanbao(&[
        "build",
        pages.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--paper",
        "港城日报",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let archive = site.join("archive");
    let calendar = read_calendar(&archive);
    assert_eq!(calendar.paper.as_deref(), Some("港城日报"));
    assert_eq!(calendar.months.len(), 1);
    let month = read_month(&archive, "2024-03");
    let day = month.day("2024-03-05").expect("the dated page's day");
    assert_eq!(day.pages.len(), 1, "the undated page is in no day");
    assert_eq!(day.pages[0].page.as_deref(), Some("02"));
    assert_eq!(day.pages[0].section.as_deref(), Some("要闻"));
    assert_eq!(day.pages[0].docs(), 0..1);
}

#[test]
fn unreadable_files_are_named_and_skipped_and_the_rest_is_built() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let pages = gen_pages(tmp.path(), "3");
    fs::write(
        pages.join("2016-01-01/scan.pdf"),
        b"%PDF-1.7\x00\x01\x02binary",
    )
    .expect("write");
    fs::write(pages.join(".hidden.txt"), "ignored").expect("write");
    let site = tmp.path().join("site");
    let out = kanbao(&[
        "build",
        pages.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--loose",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("scan.pdf"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("hidden"), "{}", stderr(&out));
    let records = records(&site.join("archive"));
    assert!(records.len() >= 9, "{} records", records.len());

    // Building again replaces the archive whole.
    fs::remove_file(pages.join("2016-01-01/scan.pdf")).expect("remove");
    let out = kanbao(&[
        "build",
        pages.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.join(".archive-partial").exists());
}

#[test]
fn a_missing_directory_is_an_error() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let missing = tmp.path().join("nope");
    let out = kanbao(&[
        "build",
        missing.to_str().unwrap(),
        "-o",
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
}

#[test]
fn the_archive_is_the_same_byte_for_byte_whatever_the_number_of_threads_and_memory() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = gen_pages(dir.path(), "120");
    // A page that cannot be read, in the middle: named, skipped, and the rest in order.
    fs::write(
        src.join("zz-0000-broken.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .expect("file");
    // Loose, every file compared; packed, the packs and their directory too.
    for (way, files_at_least) in [("--loose", 20), ("", 4)] {
        let mut built = Vec::new();
        // The least memory on five threads gathers the index in several runs.
        for (threads, memory) in [("1", "1G"), ("2", "1G"), ("5", "64M")] {
            let site = dir.path().join(format!("site{way}-{threads}"));
            let mut args = vec![
                "build",
                src.to_str().unwrap(),
                "-o",
                site.to_str().unwrap(),
                "--threads",
                threads,
                "--memory",
                memory,
            ];
            if !way.is_empty() {
                args.push(way);
            }
            let out = kanbao(&args);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            assert!(
                stderr(&out).contains("zz-0000-broken.txt"),
                "{}",
                stderr(&out)
            );
            if memory == "64M" {
                let said = String::from_utf8_lossy(&out.stdout);
                assert!(!said.contains("in 1 runs"), "{said}");
            }
            let archive = site.join("archive");
            let tree: Vec<(String, Vec<u8>)> = files(&archive)
                .into_iter()
                .map(|f| {
                    let bytes = fs::read(archive.join(&f)).expect("file");
                    (f, bytes)
                })
                .collect();
            assert!(tree.len() > files_at_least, "{way}: {}", tree.len());
            built.push(tree);
        }
        assert!(built[0] == built[1], "{way}: one thread and two differ");
        assert!(built[0] == built[2], "{way}: one thread and five differ");
    }
}

#[test]
fn a_memory_limit_that_cannot_be_read_or_is_too_small_is_refused_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = gen_pages(dir.path(), "2");
    let site = dir.path().join("site");
    let build = |memory: &str| {
        let (src, site) = (src.to_str().unwrap(), site.to_str().unwrap());
        kanbao(&["build", src, "-o", site, "--memory", memory])
    };
    for (memory, says) in [("lots", "not an amount of memory"), ("16M", "at least 64M")] {
        let out = build(memory);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(says), "{}", stderr(&out));
        assert!(!site.join("archive").exists());
    }
    let out = build("512m");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_packed_archive_holds_the_loose_archives_bytes_in_a_few_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = gen_pages(dir.path(), "120");
    let build = |site: &Path, extra: &[&str]| {
        let mut args = vec!["build", src.to_str().unwrap(), "-o", site.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = kanbao(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        site.join("archive")
    };
    let loose = build(&dir.path().join("loose"), &["--loose"]);
    let packed = build(&dir.path().join("packed"), &["--threads", "2"]);
    let manifest: kanbao_search::Manifest =
        serde_json::from_slice(&fs::read(packed.join("index/manifest.json")).expect("manifest"))
            .expect("manifest json");
    let packs = manifest
        .packs
        .clone()
        .expect("the manifest says the archive is packed");
    let directory = fs::read(packed.join(kanbao_search::DIRECTORY_PATH)).expect("directory");
    let pack_files: Vec<Vec<u8>> = (0..packs.files)
        .map(|n| fs::read(packed.join(kanbao_search::Packs::pack_path(n))).expect("pack"))
        .collect();
    let loose_files = files(&loose);
    let mut packed_count = 0;
    let mut placed_blocks = std::collections::BTreeSet::new();
    for f in &loose_files {
        let bytes = fs::read(loose.join(f)).expect("loose file");
        let path = f.strip_suffix(".gz").unwrap_or(f);
        match packs.entry_of(path) {
            Some(entry) => {
                // The pack holds the loose file's bytes, where the directory says.
                let at = (entry * kanbao_search::ENTRY_BYTES) as usize;
                let e = kanbao_search::PackEntry::from_bytes(&directory[at..]).expect("entry");
                let pack = &pack_files[e.pack as usize];
                let slice = &pack[e.offset as usize..(e.offset + e.len) as usize];
                if f.starts_with("index/docs/") || f.starts_with("index/positions/") {
                    // A shard, then the places of its blocks, as the directory has them.
                    let (end, places) =
                        kanbao_search::split_block_places(slice).expect("block places");
                    assert!(&slice[..end] == bytes.as_slice(), "{f} differs in its pack");
                    for (block, place) in places {
                        let at = (block * kanbao_search::ENTRY_BYTES) as usize;
                        assert_eq!(
                            kanbao_search::PackEntry::from_bytes(&directory[at..]),
                            Some(place),
                            "{f}: block entry {block}"
                        );
                        assert!(packs.entries_of("index/blocks").contains(&block), "{f}");
                        placed_blocks.insert(block);
                    }
                } else {
                    assert!(slice == bytes.as_slice(), "{f} differs in its pack");
                }
                assert!(!packed.join(f).exists(), "{f} is packed and loose");
                packed_count += 1;
            }
            None if f == "index/manifest.json" => {}
            // Calendar and facets stay loose, the same bytes.
            None => assert_eq!(fs::read(packed.join(f)).expect(f), bytes, "{f}"),
        }
    }
    assert!(packed_count > 20, "{packed_count}");
    // Every block is placed by a shard that names it.
    assert!(packs.block_places);
    assert_eq!(
        placed_blocks.into_iter().collect::<Vec<_>>(),
        packs.entries_of("index/blocks").collect::<Vec<_>>()
    );
    assert!(manifest.blocks > 0, "the pages make blocks");
    // Every packed entry is one of the loose files.
    assert_eq!(
        directory.len(),
        packed_count * kanbao_search::ENTRY_BYTES as usize
    );
    let loose_total = loose_files.len();
    let packed_total = files(&packed).len();
    assert!(
        packed_total < loose_total / 4,
        "{packed_total} files packed, {loose_total} loose"
    );
    // Loose or packed, the manifest is otherwise the same.
    let mut loose_manifest: kanbao_search::Manifest =
        serde_json::from_slice(&fs::read(loose.join("index/manifest.json")).expect("manifest"))
            .expect("manifest json");
    loose_manifest.packs = Some(packs);
    assert_eq!(loose_manifest, manifest);
}

/// 64 generated pages, four days, under `dir`: the first three days in `older`, the last in
/// `newer`, and all four in `all`; returns those folders.
fn older_and_newer(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let src = gen_pages(dir, "64");
    let mut days: Vec<String> = fs::read_dir(&src)
        .expect("pages")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    days.sort();
    assert_eq!(days.len(), 4);
    let (older, newer, all) = (dir.join("older"), dir.join("newer"), dir.join("all"));
    for (i, day) in days.iter().enumerate() {
        let into = if i < 3 { &older } else { &newer };
        for to in [into.join(day), all.join(day)] {
            fs::create_dir_all(&to).expect("dir");
            for page in fs::read_dir(src.join(day)).expect("day") {
                let page = page.expect("page");
                fs::copy(page.path(), to.join(page.file_name())).expect("copy");
            }
        }
    }
    (older, newer, all)
}

/// Builds `src` into `site` loose, in small files (chunks of 50 records and 16 cards, blocks
/// of 2 KiB), with `extra` flags.
fn build_small(src: &Path, site: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        src.to_str().unwrap(),
        "-o",
        site.to_str().unwrap(),
        "--chunk-size",
        "50",
        "--card-chunk-size",
        "16",
        "--block-kib",
        "2",
        "--loose",
    ];
    args.extend_from_slice(extra);
    kanbao(&args)
}

#[test]
fn appended_pages_go_into_a_segment_that_searches_as_a_whole_build_and_nothing_else_is_rewritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (older, newer, all) = older_and_newer(dir.path());
    let (site, whole) = (dir.path().join("site"), dir.path().join("whole"));
    assert!(build_small(&older, &site, &[]).status.success());
    assert!(build_small(&all, &whole, &[]).status.success());
    let archive = site.join("archive");
    let before: Vec<(String, Vec<u8>)> = files(&archive)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(archive.join(&f)).expect("file");
            (f, bytes)
        })
        .collect();

    let out = build_small(&newer, &site, &["--append"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Every file of the archive is as it was, but its manifest.
    for (f, bytes) in &before {
        if f != "index/manifest.json" {
            assert!(
                fs::read(archive.join(f)).expect("still there") == *bytes,
                "{f} was rewritten"
            );
        }
    }
    let base = open(&archive).manifest().clone();
    let full = open(&whole.join("archive")).manifest().clone();
    assert_eq!(base.segments.len(), 1);
    let segment = &base.segments[0];
    assert_eq!(segment.path, "segments/0001/");
    assert_eq!(base.docs + segment.docs, full.docs);
    assert_eq!(base.docs_with_segments(), u64::from(full.docs));

    // The segment's records are the whole build's last ones, numbered from 0.
    let seg = archive.join(&segment.path);
    let renumbered: Vec<Value> = records(&whole.join("archive"))
        .into_iter()
        .skip(base.docs as usize)
        .map(|mut r| {
            let doc = r["doc"].as_u64().expect("doc") - u64::from(base.docs);
            r["doc"] = doc.into();
            r
        })
        .collect();
    assert_eq!(records(&seg), renumbered);

    // Searched segment first, then the archive, numbered on: exactly the whole build's matches.
    let reporter = records(&whole.join("archive"))
        .iter()
        .find_map(|r| r["byline"]["reporters"][0].as_str().map(str::to_owned))
        .expect("a reporter");
    let mut by_reporter = Filters::new();
    by_reporter.insert(Facet::Reporter, vec![reporter]);
    for (query, filters) in [
        ("港", Filters::new()),
        ("城市", Filters::new()),
        ("记者", Filters::new()),
        ("", by_reporter),
    ] {
        let mut appended: Vec<u32> = search_filtered(&seg, query, &filters)
            .into_iter()
            .map(|d| d + base.docs)
            .collect();
        appended.extend(search_filtered(&archive, query, &filters));
        assert_eq!(
            appended,
            search_filtered(&whole.join("archive"), query, &filters),
            "{query:?}"
        );
    }

    // A second append is the second segment; an empty folder appends nothing.
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).expect("dir");
    let out = build_small(&empty, &site, &["--append"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing appended"));
    assert_eq!(open(&archive).manifest().segments.len(), 1);
    let out = build_small(&newer, &site, &["--append"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let segments = open(&archive).manifest().segments.clone();
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[1].path, "segments/0002/");
}

#[test]
fn appending_where_there_is_no_archive_says_to_build_one_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = gen_pages(dir.path(), "4");
    let site = dir.path().join("site");
    let out = build_small(&src, &site, &["--append"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no archive to append to"),
        "{}",
        stderr(&out)
    );
    assert!(!site.join("archive").exists(), "nothing is written");
}

#[test]
fn compacting_an_archive_and_its_segments_gives_what_one_build_of_all_the_pages_gives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (older, newer, all) = older_and_newer(dir.path());
    let tree = |archive: &Path| -> Vec<(String, Vec<u8>)> {
        files(archive)
            .into_iter()
            .map(|f| {
                let bytes = fs::read(archive.join(&f)).expect("file");
                (f, bytes)
            })
            .collect()
    };
    // Loose and packed, every file compared.
    for way in [&["--loose"][..], &[][..]] {
        let name = if way.is_empty() { "packed" } else { "loose" };
        let (site, whole) = (
            dir.path().join(name),
            dir.path().join(format!("{name}-whole")),
        );
        let build = |src: &Path, site: &Path, extra: &[&str]| {
            let mut args = vec![
                "build",
                "-o",
                site.to_str().unwrap(),
                "--block-kib",
                "2",
                "--paper",
                "烟台日报",
            ];
            if !src.as_os_str().is_empty() {
                args.insert(1, src.to_str().unwrap());
            }
            args.extend_from_slice(way);
            args.extend_from_slice(extra);
            let out = kanbao(&args);
            assert!(out.status.success(), "{}", stderr(&out));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        build(&all, &whole, &[]);
        build(&older, &site, &[]);
        build(&newer, &site, &["--append"]);
        assert!(site.join("archive/segments/0001").is_dir());
        let said = build(Path::new(""), &site, &["--compact", "--threads", "2"]);
        assert!(said.contains("compacted"), "{said}");
        assert!(
            !site.join("archive/segments").exists(),
            "{name}: the segments went"
        );
        let (compacted, one) = (tree(&site.join("archive")), tree(&whole.join("archive")));
        assert_eq!(
            compacted.iter().map(|(f, _)| f).collect::<Vec<_>>(),
            one.iter().map(|(f, _)| f).collect::<Vec<_>>(),
            "{name}"
        );
        for ((f, a), (_, b)) in compacted.iter().zip(&one) {
            assert!(
                a == b,
                "{name}: {f} differs from one build of all the pages"
            );
        }
        // Compacted again: nothing to do.
        let said = build(Path::new(""), &site, &["--compact"]);
        assert!(said.contains("nothing to compact"), "{said}");
    }
    // Pages and --compact together are refused as a usage error.
    let out = kanbao(&[
        "build",
        all.to_str().unwrap(),
        "-o",
        dir.path().join("x").to_str().unwrap(),
        "--compact",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
