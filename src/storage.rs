//! The reader's own pages, kept in IndexedDB across reloads. Writes are one transaction, so a
//! failed write (a full quota, a broken database) leaves what was stored as it was; records
//! that cannot be read back are reported, never skipped in silence.

use js_sys::{Array, Promise};
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use crate::collections::{Changed, Collection};
use crate::corrections::PageEdits;
use crate::error::AppError;
use crate::i18n::Lang;

const DB_NAME: &str = "kanbao";
const STORE: &str = "pages";
/// The reader's collections, one record per collection (`{id, json}`), apart from the pages:
/// clearing the library leaves them.
const COLLECTIONS: &str = "collections";
/// The reader's corrections of pages, one record per page (`{key, json}`, the page's key and
/// its [`PageEdits`]), apart from the pages: a page removed and imported again finds them.
const EDITS: &str = "corrections";

/// A stored page: its decoded text is enough, since parsing again is fast and always current.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredPage {
    pub key: String,
    pub name: String,
    pub paper: Option<String>,
    pub text: String,
}

/// A stored record that cannot be read back as a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// Its key in the store (what removes it).
    pub key: String,
    /// The page's name, when the record has one.
    pub name: Option<String>,
    /// What is wrong with it.
    pub error: AppError,
}

impl Damaged {
    /// What is wrong with the record, for the reader: `name: message`.
    pub fn reason(&self, lang: Lang) -> String {
        match &self.name {
            Some(name) => format!("{name}: {}", self.error.message(lang)),
            None => self.error.message(lang),
        }
    }
}

/// What the store holds: the pages, and the records that are not pages any more.
#[derive(Debug, Default)]
pub struct Stored {
    pub pages: Vec<StoredPage>,
    pub damaged: Vec<Damaged>,
}

/// Waits for a request: its result, or its error.
async fn request(req: &IdbRequest) -> Result<JsValue, AppError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = req.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = req.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(AppError::storage)
}

/// Waits until a transaction has committed (quota errors surface here, as an abort).
async fn committed(tx: &IdbTransaction) -> Result<(), AppError> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed
                .error()
                .map(JsValue::from)
                .unwrap_or_else(|| JsValue::from_str("aborted"));
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
        tx.set_onerror(None);
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(AppError::storage)
}

/// Opens the database at `version` (its current one when `None`), creating the store when it
/// is missing.
async fn open_at(version: Option<u32>) -> Result<IdbDatabase, AppError> {
    let factory = gloo::utils::window()
        .indexed_db()
        .map_err(AppError::storage)?
        .ok_or(AppError::Storage {
            detail: "IndexedDB is not available".into(),
        })?;
    let req = match version {
        Some(v) => factory.open_with_u32(DB_NAME, v),
        None => factory.open(DB_NAME),
    }
    .map_err(AppError::storage)?;
    let upgrading = req.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            for (store, key) in [(STORE, "key"), (COLLECTIONS, "id"), (EDITS, "key")] {
                if !db.object_store_names().contains(store) {
                    let params = IdbObjectStoreParameters::new();
                    params.set_key_path(&JsValue::from_str(key));
                    let _ = db.create_object_store_with_optional_parameters(store, &params);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let db = request(&req).await?;
    db.dyn_into::<IdbDatabase>().map_err(AppError::storage)
}

/// Opens the database. One that lacks the pages or the collections store (made by an earlier
/// Kanbao, by something else, or left half made) is upgraded to a version that has both, so
/// the reader's pages and collections can still be kept.
async fn open() -> Result<IdbDatabase, AppError> {
    let db = open_at(None).await?;
    let names = db.object_store_names();
    if names.contains(STORE) && names.contains(COLLECTIONS) && names.contains(EDITS) {
        return Ok(db);
    }
    let next = db.version() as u32 + 1;
    db.close();
    open_at(Some(next)).await
}

fn transaction(db: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, AppError> {
    db.transaction_with_str_and_mode(STORE, mode)
        .map_err(AppError::storage)
}

/// Every record of a store of JSON records (`{<key>: …, json: …}`): its key and its JSON
/// text. A failure of the storage itself is a failure to read.
async fn read_json(store_name: &str, key: &str) -> Result<Vec<(String, String)>, AppError> {
    let read = async {
        let db = open().await?;
        let tx = db
            .transaction_with_str_and_mode(store_name, IdbTransactionMode::Readonly)
            .map_err(AppError::storage)?;
        let store = tx.object_store(store_name).map_err(AppError::storage)?;
        let all = request(&store.get_all().map_err(AppError::storage)?).await?;
        db.close();
        Ok::<_, AppError>(all)
    };
    let all = read.await.map_err(|e| match e {
        AppError::Storage { detail } => AppError::StorageRead { detail },
        other => other,
    })?;
    Ok(Array::from(&all)
        .iter()
        .map(|value| (record_field(&value, key), record_field(&value, "json")))
        .collect())
}

/// Reads each JSON record of a store as a `T`; those that are not one are damaged records.
async fn load_json<T: serde::de::DeserializeOwned>(
    store_name: &str,
    key: &str,
) -> Result<(Vec<(String, T)>, Vec<Damaged>), AppError> {
    let mut read = Vec::new();
    let mut damaged = Vec::new();
    for (k, json) in read_json(store_name, key).await? {
        match serde_json::from_str::<T>(&json) {
            Ok(t) => read.push((k, t)),
            Err(e) => damaged.push(Damaged {
                key: k,
                name: None,
                error: AppError::BadRecord {
                    detail: e.to_string(),
                },
            }),
        }
    }
    Ok((read, damaged))
}

/// Writes JSON records (`{<key>: …, json: …}`) into a store and deletes others, all or none:
/// a full quota leaves the store as it was.
async fn put_json<T: Serialize>(
    store_name: &str,
    key: &str,
    put: &[(&str, &T)],
    deleted: &[String],
) -> Result<(), AppError> {
    if put.is_empty() && deleted.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(store_name, IdbTransactionMode::Readwrite)
        .map_err(AppError::storage)?;
    let store = tx.object_store(store_name).map_err(AppError::storage)?;
    for (k, record) in put {
        let json = serde_json::to_string(record).map_err(|e| AppError::Storage {
            detail: e.to_string(),
        })?;
        let value = js_sys::Object::new();
        for (field, v) in [(key, *k), ("json", json.as_str())] {
            js_sys::Reflect::set(&value, &JsValue::from_str(field), &JsValue::from_str(v))
                .map_err(AppError::storage)?;
        }
        if let Err(e) = store.put(&value) {
            let _ = tx.abort();
            db.close();
            return Err(AppError::storage(e));
        }
    }
    for k in deleted {
        store
            .delete(&JsValue::from_str(k))
            .map_err(AppError::storage)?;
    }
    let result = committed(&tx).await;
    db.close();
    result
}

/// Every stored collection, and the records that cannot be read as one. Each collection is
/// stored as its JSON text under its id: the app reads JSON already (archive records, files),
/// so no second decoder of the same types is needed.
pub async fn load_collections() -> Result<(Vec<Collection>, Vec<Damaged>), AppError> {
    let (read, damaged) = load_json::<Collection>(COLLECTIONS, "id").await?;
    Ok((read.into_iter().map(|(_, c)| c).collect(), damaged))
}

/// Writes what an edit of the collections changed, all or none: a full quota leaves the
/// stored collections as they were.
pub async fn save_collections(changed: &Changed) -> Result<(), AppError> {
    let put: Vec<(&str, &Collection)> = changed.put.iter().map(|c| (c.id.as_str(), c)).collect();
    put_json(COLLECTIONS, "id", &put, &changed.deleted).await
}

/// Every page's stored corrections by page key, and the records that cannot be read as such.
pub async fn load_edits() -> Result<(Vec<(String, PageEdits)>, Vec<Damaged>), AppError> {
    load_json(EDITS, "key").await
}

/// Stores a page's corrections under its key, replacing those stored before.
pub async fn save_edits(key: &str, edits: &PageEdits) -> Result<(), AppError> {
    put_json(EDITS, "key", &[(key, edits)], &[]).await
}

/// Every stored record: the pages, and those that cannot be read as one (with the reason).
/// A failure of the storage itself is a failure to read.
pub async fn load_all() -> Result<Stored, AppError> {
    let all = read_all().await.map_err(|e| match e {
        AppError::Storage { detail } => AppError::StorageRead { detail },
        other => other,
    })?;
    let mut stored = Stored::default();
    for value in Array::from(&all).iter() {
        match serde_wasm_bindgen::from_value::<StoredPage>(value.clone()) {
            Ok(page) => stored.pages.push(page),
            Err(e) => stored.damaged.push(Damaged {
                key: record_key(&value),
                name: None,
                error: AppError::BadRecord {
                    detail: e.to_string(),
                },
            }),
        }
    }
    Ok(stored)
}

/// Every record of the store, as the browser gives them.
async fn read_all() -> Result<JsValue, AppError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readonly)?;
    let store = tx.object_store(STORE).map_err(AppError::storage)?;
    let all = request(&store.get_all().map_err(AppError::storage)?).await?;
    db.close();
    Ok(all)
}

/// The key of a record as the store keeps it (`key`), whatever else is wrong with it.
fn record_key(value: &JsValue) -> String {
    record_field(value, "key")
}

/// A field of a stored record as text: a string, or a number written out (a damaged record's
/// key may be one); empty when there is none.
fn record_field(value: &JsValue, field: &str) -> String {
    let v = js_sys::Reflect::get(value, &JsValue::from_str(field)).unwrap_or_default();
    v.as_string()
        .or_else(|| v.as_f64().map(|n| n.to_string()))
        .unwrap_or_default()
}

/// Stores pages, all or none.
pub async fn put_all(pages: &[StoredPage]) -> Result<(), AppError> {
    if pages.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE).map_err(AppError::storage)?;
    for page in pages {
        let value = serde_wasm_bindgen::to_value(page).map_err(|e| AppError::Storage {
            detail: e.to_string(),
        })?;
        if let Err(e) = store.put(&value) {
            let _ = tx.abort();
            db.close();
            return Err(AppError::storage(e));
        }
    }
    let result = committed(&tx).await;
    db.close();
    result
}

/// Removes stored pages by key.
pub async fn delete(keys: &[String]) -> Result<(), AppError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE).map_err(AppError::storage)?;
    for key in keys {
        store
            .delete(&JsValue::from_str(key))
            .map_err(AppError::storage)?;
        // A damaged record may carry a number for its key.
        if let Ok(n) = key.parse::<f64>() {
            store
                .delete(&JsValue::from_f64(n))
                .map_err(AppError::storage)?;
        }
    }
    let result = committed(&tx).await;
    db.close();
    result
}

/// Removes every stored page: all the reader imported, in every tab.
pub async fn clear() -> Result<(), AppError> {
    let db = open().await?;
    let tx = transaction(&db, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE).map_err(AppError::storage)?;
    store.clear().map_err(AppError::storage)?;
    let result = committed(&tx).await;
    db.close();
    result
}

/// Bytes this site stores in the browser, as the browser estimates them.
pub async fn usage() -> Option<f64> {
    let estimate = JsFuture::from(
        gloo::utils::window()
            .navigator()
            .storage()
            .estimate()
            .ok()?,
    )
    .await
    .ok()?;
    js_sys::Reflect::get(&estimate, &JsValue::from_str("usage"))
        .ok()?
        .as_f64()
}
