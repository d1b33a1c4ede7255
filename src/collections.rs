//! Collections (收藏夹): named lists of articles a reader keeps, each article with a note.
//! Pure: the edits, the files they are exported as and imported from, and the search within
//! one are tested natively; [`crate::storage`] keeps them in IndexedDB.
//!
//! A collected article is kept whole, as a record of its text, names and place
//! ([`ArchiveRecord`]), so a collection shows its articles whatever becomes of the library or
//! the archive they came from. It is known by its article id (`<page hash>-<position>`: the
//! FNV-1a hash of the page's text and the article's place on the page), which is the same in
//! the library and in any archive built or appended from the same page, so the reading view
//! finds an article in a collection wherever it was collected.

use kanbao_parse::{BlockKind, Kind};
use kanbao_search::{ArchiveRecord, Query, RecordBlock, RecordByline, RecordPlace, highlight};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::export::cell;
use crate::i18n::kind_key;

/// The format tag of an exported collections file.
pub const COLLECTIONS_SCHEMA: &str = "kanbao.collections/1";

/// One article in a collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The article's id (`<page hash>-<position>`).
    pub id: String,
    /// The paper it ran in, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// The reader's note.
    #[serde(default)]
    pub note: String,
    /// The article as it was collected.
    pub article: ArchiveRecord,
}

/// A named collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collection {
    /// Its id, chosen when it is made; the store's key.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub items: Vec<Item>,
}

impl Item {
    /// An article of a page as a collection keeps it: its text, names and place, and the paper.
    pub fn of(page: &crate::library::LibraryPage, a: &kanbao_parse::Article) -> Item {
        Item {
            id: a.id.clone(),
            paper: page.paper.clone(),
            note: String::new(),
            article: ArchiveRecord::record(0, a, &page.page.meta, &page.page.source.name),
        }
    }
}

impl Collection {
    /// Whether it holds the article `id`.
    pub fn has(&self, id: &str) -> bool {
        self.items.iter().any(|i| i.id == id)
    }
}

/// An exported collections file (`kanbao-collections.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionsFile {
    /// Always [`COLLECTIONS_SCHEMA`].
    pub schema: String,
    pub collections: Vec<Collection>,
}

/// A change a reader makes to the collections.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Create {
        id: String,
        name: String,
    },
    Rename {
        id: String,
        name: String,
    },
    Delete {
        id: String,
    },
    /// Puts an article in a collection (its note kept if it is there already).
    Add {
        id: String,
        item: Box<Item>,
    },
    Remove {
        id: String,
        article: String,
    },
    Note {
        id: String,
        article: String,
        note: String,
    },
    /// Collections from a file: one with the id of a collection held already adds its
    /// articles to it; the others are added whole.
    Import(Vec<Collection>),
}

/// What an edit changed in storage: the collections to write again, and those to remove.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub put: Vec<Collection>,
    pub deleted: Vec<String>,
}

/// Every collection the reader has, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collections {
    pub list: Vec<Collection>,
}

impl Collections {
    pub fn get(&self, id: &str) -> Option<&Collection> {
        self.list.iter().find(|c| c.id == id)
    }

    /// The collections that hold the article `id`.
    pub fn holding<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Collection> + 'a {
        self.list.iter().filter(move |c| c.has(id))
    }

    /// The kept copy of the article `id`, from whichever collection holds it.
    pub fn find_item(&self, id: &str) -> Option<&Item> {
        self.list.iter().flat_map(|c| &c.items).find(|i| i.id == id)
    }

    /// Applies an edit; returns what storage must write. An edit of a collection that is not
    /// there (deleted in another tab) changes nothing.
    pub fn apply(&mut self, edit: Edit) -> Changed {
        let mut changed = Changed::default();
        let mut touch =
            |list: &mut Vec<Collection>, id: &str, f: &mut dyn FnMut(&mut Collection)| {
                if let Some(c) = list.iter_mut().find(|c| c.id == id) {
                    f(c);
                    changed.put.push(c.clone());
                }
            };
        match edit {
            Edit::Create { id, name } => {
                if self.get(&id).is_none() {
                    let c = Collection {
                        id,
                        name: clean_name(&name),
                        items: Vec::new(),
                    };
                    changed.put.push(c.clone());
                    self.list.push(c);
                }
            }
            Edit::Rename { id, name } => {
                touch(&mut self.list, &id, &mut |c| c.name = clean_name(&name));
            }
            Edit::Delete { id } => {
                if self.get(&id).is_some() {
                    self.list.retain(|c| c.id != id);
                    changed.deleted.push(id);
                }
            }
            Edit::Add { id, item } => touch(&mut self.list, &id, &mut |c| {
                if !c.has(&item.id) {
                    c.items.push((*item).clone());
                }
            }),
            Edit::Remove { id, article } => {
                touch(&mut self.list, &id, &mut |c| {
                    c.items.retain(|i| i.id != article)
                });
            }
            Edit::Note { id, article, note } => touch(&mut self.list, &id, &mut |c| {
                if let Some(i) = c.items.iter_mut().find(|i| i.id == article) {
                    i.note = note.clone();
                }
            }),
            Edit::Import(collections) => {
                for incoming in collections {
                    match self.list.iter_mut().find(|c| c.id == incoming.id) {
                        Some(held) => {
                            for item in incoming.items {
                                match held.items.iter_mut().find(|i| i.id == item.id) {
                                    // A note from the file fills an empty one; the reader's
                                    // own note is never overwritten.
                                    Some(i) if i.note.is_empty() => i.note = item.note,
                                    Some(_) => {}
                                    None => held.items.push(item),
                                }
                            }
                            changed.put.push(held.clone());
                        }
                        None => {
                            changed.put.push(incoming.clone());
                            self.list.push(incoming);
                        }
                    }
                }
            }
        }
        changed
    }
}

/// A collection's name as kept: trimmed, on one line, at most 60 characters; never empty.
fn clean_name(name: &str) -> String {
    let one_line: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(60)
        .collect();
    if one_line.is_empty() {
        "收藏夹".to_owned()
    } else {
        one_line
    }
}

/// The article's text, paragraphs and headings in order, one blank line apart.
pub fn text_of(r: &ArchiveRecord) -> String {
    r.lead
        .iter()
        .cloned()
        .chain(r.blocks.iter().flatten().map(|b| match &b.marker {
            Some(m) => format!("{m}{}", b.text),
            None => b.text.clone(),
        }))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The positions of a collection's items that a search finds: every term of the query in the
/// title, headline, names, text or note (the search's exact substring rules, traditional and
/// simplified alike). An empty query finds them all.
pub fn search(c: &Collection, q: &str) -> Vec<usize> {
    let query = Query::parse(q);
    if query.is_empty() {
        return (0..c.items.len()).collect();
    }
    // Each term as a query of its own, parsed once for every item.
    let terms: Vec<(Query, bool)> = query
        .terms()
        .iter()
        .map(|t| (Query::parse(&t.text), t.exclude))
        .collect();
    c.items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            let a = &item.article;
            let fields: Vec<String> = [
                Some(a.title.clone()),
                a.kicker.clone(),
                a.subtitle.clone(),
                a.column.clone(),
                Some(names_of(&a.byline).join(" ")),
                Some(text_of(a)),
                Some(item.note.clone()),
            ]
            .into_iter()
            .flatten()
            .collect();
            terms.iter().all(|(term, excluded)| {
                fields.iter().any(|f| !highlight(f, term).is_empty()) != *excluded
            })
        })
        .map(|(n, _)| n)
        .collect()
}

fn names_of(b: &RecordByline) -> Vec<String> {
    b.reporters
        .iter()
        .chain(&b.correspondents)
        .chain(&b.photographers)
        .chain(&b.authors)
        .cloned()
        .collect()
}

/// The collections as a JSON file that imports again.
pub fn to_json(collections: &[Collection]) -> Result<String, AppError> {
    serde_json::to_string_pretty(&CollectionsFile {
        schema: COLLECTIONS_SCHEMA.to_owned(),
        collections: collections.to_vec(),
    })
    .map_err(|e| AppError::ExportFailed {
        detail: e.to_string(),
    })
}

/// The columns of the CSV file, in order.
const CSV_COLUMNS: [&str; 20] = [
    "collection_id",
    "collection",
    "id",
    "note",
    "title",
    "kicker",
    "subtitle",
    "column",
    "kind",
    "paper",
    "date",
    "page",
    "section",
    "dateline",
    "reporters",
    "correspondents",
    "photographers",
    "authors",
    "source",
    "text",
];

/// The collections as CSV, one row per collected article (UTF-8 with a BOM, as spreadsheet
/// programs need): it imports again, each article with its text.
pub fn to_csv(collections: &[Collection]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&CSV_COLUMNS.join(","));
    out.push_str("\r\n");
    for c in collections {
        for item in &c.items {
            let a = &item.article;
            let opt = |o: &Option<String>| o.clone().unwrap_or_default();
            let row = [
                c.id.clone(),
                c.name.clone(),
                item.id.clone(),
                item.note.clone(),
                a.title.clone(),
                opt(&a.kicker),
                opt(&a.subtitle),
                opt(&a.column),
                kind_key(a.kind).to_owned(),
                opt(&item.paper),
                opt(&a.page.date),
                opt(&a.page.page),
                opt(&a.page.section),
                opt(&a.dateline),
                a.byline.reporters.join(" "),
                a.byline.correspondents.join(" "),
                a.byline.photographers.join(" "),
                a.byline.authors.join(" "),
                a.page.source.clone(),
                text_of(a),
            ];
            out.push_str(&row.iter().map(|v| cell(v)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled,
/// and line breaks). A quote left open is an error.
fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if quoted {
        return Err("a quoted cell is not closed".to_owned());
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    Ok(rows)
}

/// A cell the CSV export defused (`'=…`) as it was.
fn undefused(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

fn kind_of(key: &str) -> Kind {
    match key {
        "news" => Kind::News,
        "commentary" => Kind::Commentary,
        "photo" => Kind::Photo,
        "brief" => Kind::Brief,
        _ => Kind::Feature,
    }
}

/// Reads collections from an exported file: JSON (`kanbao-collections.json`) or CSV (as
/// [`to_csv`] writes it). Anything else is refused with the reason, and nothing is changed.
pub fn from_file(text: &str) -> Result<Vec<Collection>, AppError> {
    let text = text.trim_start_matches('\u{feff}');
    let bad = |detail: String| AppError::BadCollections { detail };
    if text.trim_start().starts_with('{') {
        let file: CollectionsFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        if file.schema != COLLECTIONS_SCHEMA {
            return Err(bad(format!("schema {:?}", file.schema)));
        }
        return Ok(file.collections);
    }
    let rows = csv_rows(text).map_err(bad)?;
    let mut rows = rows.into_iter();
    let header = rows.next().ok_or_else(|| bad("empty file".to_owned()))?;
    let column = |name: &str| header.iter().position(|h| h.trim() == name);
    let at: Vec<Option<usize>> = CSV_COLUMNS.iter().map(|c| column(c)).collect();
    if at[2].is_none() || at[4].is_none() {
        return Err(bad("no id and title columns".to_owned()));
    }
    let mut out: Vec<Collection> = Vec::new();
    for row in rows.filter(|r| r.iter().any(|c| !c.is_empty())) {
        let get = |n: usize| -> String {
            at[n]
                .and_then(|i| row.get(i))
                .map(|v| undefused(v).to_owned())
                .unwrap_or_default()
        };
        let opt = |n: usize| Some(get(n)).filter(|v| !v.is_empty());
        let names =
            |n: usize| -> Vec<String> { get(n).split_whitespace().map(str::to_owned).collect() };
        let text = get(19);
        let blocks: Vec<RecordBlock> = text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| RecordBlock {
                kind: BlockKind::Paragraph,
                text: p.trim().to_owned(),
                marker: None,
            })
            .collect();
        let item = Item {
            id: get(2),
            paper: opt(9),
            note: get(3),
            article: ArchiveRecord {
                doc: 0,
                id: get(2),
                kind: kind_of(&get(8)),
                title: get(4),
                kicker: opt(5),
                subtitle: opt(6),
                column: opt(7),
                dateline: opt(13),
                byline: RecordByline {
                    reporters: names(14),
                    correspondents: names(15),
                    photographers: names(16),
                    authors: names(17),
                    raw: None,
                },
                page: RecordPlace {
                    date: opt(10),
                    page: opt(11),
                    section: opt(12),
                    source: get(18),
                },
                lead: None,
                blocks: Some(blocks),
                excerpt: None,
            },
        };
        if item.id.is_empty() {
            return Err(bad("a row without an article id".to_owned()));
        }
        let (cid, name) = (get(0), get(1));
        let cid = if cid.is_empty() { name.clone() } else { cid };
        match out.iter_mut().find(|c| c.id == cid) {
            Some(c) if !c.has(&item.id) => c.items.push(item),
            Some(_) => {}
            None => out.push(Collection {
                id: cid,
                name: clean_name(&name),
                items: vec![item],
            }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{LibraryPage, Origin};

    const PAGE: &str = "2024年5月6日 星期一\n第05版：城市\n\n长河新桥今日通车\n本报讯（记者 林小雨 通讯员 张三丰）今天上午，长河新桥正式通车，\"=1+1\"。\n新桥采用双塔斜拉结构。\n\n老街换新颜\n本报记者 李四海\n南州路老街改造完成后，店铺陆续开门迎客。\n";

    fn items() -> Vec<Item> {
        let page = LibraryPage::new(
            "p.txt",
            Some("长河日报".into()),
            PAGE.into(),
            Origin::Imported,
        );
        page.page
            .articles
            .iter()
            .map(|a| Item::of(&page, a))
            .collect()
    }

    fn with_two() -> Collections {
        let mut c = Collections::default();
        c.apply(Edit::Create {
            id: "c1".into(),
            name: "  桥梁 \n 资料 ".into(),
        });
        for item in items() {
            c.apply(Edit::Add {
                id: "c1".into(),
                item: Box::new(item),
            });
        }
        c
    }

    #[test]
    fn edits_change_one_collection_and_say_what_to_store() {
        let mut c = with_two();
        assert_eq!(c.list[0].name, "桥梁 资料");
        assert_eq!(c.list[0].items.len(), 2);
        let id = c.list[0].items[0].id.clone();
        let changed = c.apply(Edit::Note {
            id: "c1".into(),
            article: id.clone(),
            note: "通车日期".into(),
        });
        assert_eq!(changed.put.len(), 1);
        assert_eq!(c.find_item(&id).map(|i| i.note.as_str()), Some("通车日期"));
        // Adding it again keeps the note.
        let again = items().remove(0);
        c.apply(Edit::Add {
            id: "c1".into(),
            item: Box::new(again),
        });
        assert_eq!(c.list[0].items.len(), 2);
        assert_eq!(c.holding(&id).count(), 1);
        c.apply(Edit::Rename {
            id: "c1".into(),
            name: "".into(),
        });
        assert_eq!(c.list[0].name, "收藏夹");
        c.apply(Edit::Remove {
            id: "c1".into(),
            article: id.clone(),
        });
        assert!(c.find_item(&id).is_none());
        assert_eq!(c.apply(Edit::Delete { id: "c1".into() }).deleted, ["c1"]);
        assert!(c.list.is_empty());
        assert_eq!(
            c.apply(Edit::Rename {
                id: "c1".into(),
                name: "x".into()
            }),
            Changed::default()
        );
    }

    #[test]
    fn json_and_csv_files_import_again_whole() {
        let mut c = with_two();
        let id = c.list[0].items[0].id.clone();
        c.apply(Edit::Note {
            id: "c1".into(),
            article: id,
            note: "=SUM(1)".into(),
        });
        let json = to_json(&c.list).expect("written");
        assert_eq!(from_file(&json).expect("read"), c.list);
        let csv = to_csv(&c.list);
        assert!(csv.starts_with("\u{feff}collection_id,collection,id,note,title,"));
        // A formula is defused in the file and read back as it was.
        assert!(csv.contains("\"'=SUM(1)\""), "{csv}");
        let back = from_file(&csv).expect("read");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "桥梁 资料");
        let (a, b) = (&c.list[0].items[0], &back[0].items[0]);
        assert_eq!((&b.id, &b.note, &b.paper), (&a.id, &a.note, &a.paper));
        assert_eq!(b.article.title, a.article.title);
        assert_eq!(b.article.byline.reporters, a.article.byline.reporters);
        assert_eq!(
            b.article.byline.correspondents,
            a.article.byline.correspondents
        );
        assert_eq!(b.article.page.date, a.article.page.date);
        assert_eq!(text_of(&b.article), text_of(&a.article));
    }

    #[test]
    fn an_import_adds_to_a_collection_of_the_same_id_and_keeps_notes() {
        let mut c = with_two();
        let id = c.list[0].items[0].id.clone();
        c.apply(Edit::Note {
            id: "c1".into(),
            article: id.clone(),
            note: "mine".into(),
        });
        let mut incoming = c.list.clone();
        incoming[0].items[0].note = "theirs".into();
        incoming.push(Collection {
            id: "c2".into(),
            name: "另一个".into(),
            items: vec![],
        });
        let changed = c.apply(Edit::Import(incoming));
        assert_eq!(changed.put.len(), 2);
        assert_eq!(c.list.len(), 2);
        assert_eq!(c.find_item(&id).map(|i| i.note.as_str()), Some("mine"));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        for text in [
            "",
            "{\"schema\":\"other/1\",\"collections\":[]}",
            "{not json",
            "a,b\n\"open",
            "x,y\n1,2\n",
        ] {
            assert!(
                matches!(from_file(text), Err(AppError::BadCollections { .. })),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_search_within_a_collection_finds_titles_text_names_and_notes() {
        let mut c = with_two();
        let id = c.list[1 - 1].items[1].id.clone();
        c.apply(Edit::Note {
            id: "c1".into(),
            article: id,
            note: "改造前后对比".into(),
        });
        let col = &c.list[0];
        assert_eq!(search(col, ""), [0, 1]);
        assert_eq!(search(col, "新桥"), [0]);
        assert_eq!(search(col, "李四海"), [1]);
        assert_eq!(search(col, "对比"), [1]);
        assert_eq!(search(col, "通車"), [0]);
        assert_eq!(search(col, "长河 -斜拉"), Vec::<usize>::new());
        assert_eq!(
            csv_rows("a,\"b,\"\"c\"\"\nd\"\r\n1,2").expect("rows"),
            [
                vec!["a".to_owned(), "b,\"c\"\nd".to_owned()],
                vec!["1".to_owned(), "2".to_owned()]
            ]
        );
    }
}
