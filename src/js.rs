//! Small bridges to the browser's JavaScript values.

use wasm_bindgen::{JsCast, JsValue};

/// The message of a thrown JS error (`Error.message`), or `fallback` for anything else.
pub fn message(e: &JsValue, fallback: &str) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| fallback.to_owned())
}
