//! JSON read by the browser's own parser (`JSON.parse`) and turned into Rust values with
//! serde-wasm-bindgen, so the app carries one deserialiser (the one the parse worker's pages
//! already come through) and no JSON parser of its own.

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::error::AppError;

/// Parses JSON text into `T`. What is wrong with text that is not a `T` (as the browser or
/// serde puts it) becomes the error `malformed` makes of it: the caller knows what the file
/// was meant to be.
pub fn from_str<T: DeserializeOwned>(
    text: &str,
    malformed: impl FnOnce(String) -> AppError,
) -> Result<T, AppError> {
    let value = match js_sys::JSON::parse(text) {
        Ok(value) => value,
        Err(e) => return Err(malformed(crate::js::detail(&e))),
    };
    serde_wasm_bindgen::from_value(value).map_err(|e| malformed(e.to_string()))
}

/// Parses JSON bytes (UTF-8) into `T`, as [`from_str`] does.
pub fn from_slice<T: DeserializeOwned>(
    bytes: &[u8],
    malformed: impl FnOnce(String) -> AppError,
) -> Result<T, AppError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str(text, malformed),
        Err(e) => Err(malformed(format!("not UTF-8 ({e})"))),
    }
}

/// A JS value as JSON text (`JSON.stringify`), or `None` when it cannot be.
pub fn stringify(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}
