//! JSON read by the browser's own parser (`JSON.parse`) and turned into Rust values with
//! serde-wasm-bindgen, so the app carries one deserialiser (the one the parse worker's pages
//! already come through) and no JSON parser of its own.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// Parses JSON text into `T`; the error says what is wrong, as the browser or serde puts it.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| crate::js::message(&e, "not JSON"))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Parses JSON bytes (UTF-8) into `T`.
pub fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 ({e})"))?;
    from_str(text)
}

/// A JS value as JSON text (`JSON.stringify`), or `None` when it cannot be.
pub fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}
