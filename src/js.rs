//! Small bridges to the browser's JavaScript values, and the errors they become.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::DomException;

use crate::error::AppError;

/// What a thrown JS value says, as an error's detail: `name: message` for a `DOMException`
/// or an `Error`, the text of a thrown string, and the value itself for anything else (never
/// a stock phrase in its place).
pub fn detail(value: &JsValue) -> String {
    if let Some(e) = value.dyn_ref::<DomException>() {
        return format!("{}: {}", e.name(), e.message());
    }
    if let Some(e) = value.dyn_ref::<js_sys::Error>() {
        return format!("{}: {}", String::from(e.name()), String::from(e.message()));
    }
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}

impl AppError {
    /// A failure of the browser's storage: a full quota (`QuotaExceededError`), or any other
    /// with the browser's name and message.
    pub fn storage(value: JsValue) -> AppError {
        match value.dyn_ref::<DomException>() {
            Some(e) if e.name() == "QuotaExceededError" => AppError::QuotaExceeded,
            _ => AppError::Storage {
                detail: detail(&value),
            },
        }
    }
}
