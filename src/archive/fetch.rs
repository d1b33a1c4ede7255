//! Files of the archive fetched from the server, and decompressed by the browser when the
//! archive is stored gzipped.

use std::cell::Cell;

use kanbao_search::Compression;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::error::AppError;

/// Fetches a file's bytes into a JS buffer (nothing is copied into the wasm yet); `None` for
/// a 404.
pub(super) async fn fetch(url: &str) -> Result<Option<js_sys::ArrayBuffer>, AppError> {
    let unreachable = |detail: String| AppError::ArchiveUnreachable {
        url: url.to_owned(),
        detail,
    };
    let failed = |e: JsValue| unreachable(crate::js::detail(&e));
    let response: web_sys::Response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .and_then(|r| r.dyn_into())
        .map_err(failed)?;
    match response.status() {
        404 => Ok(None),
        200..=299 => {
            let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
                .await
                .map_err(failed)?;
            Ok(Some(buffer.unchecked_into()))
        }
        status => Err(unreachable(format!("HTTP {status}"))),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's own decompressor (web-sys has it only behind its unstable-API flag).
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Whether the browser has `DecompressionStream`.
pub(super) fn can_gunzip() -> bool {
    js_sys::Reflect::has(&js_sys::global(), &"DecompressionStream".into()).unwrap_or(false)
}

/// Decompresses the file at `url` with the browser's `DecompressionStream`, so the wasm
/// carries no inflater: the buffer is streamed through it as a response body (no blob, no copy
/// into the wasm before the result).
async fn gunzip(url: &str, buffer: &js_sys::ArrayBuffer) -> Result<Vec<u8>, AppError> {
    if !can_gunzip() {
        return Err(AppError::NoDecompression {
            url: url.to_owned(),
        });
    }
    let decoded = async {
        let body = web_sys::Response::new_with_opt_buffer_source(Some(buffer))?
            .body()
            .ok_or_else(|| JsValue::from_str("no body"))?;
        let decoder = DecompressionStream::new("gzip")?;
        let stream = body.pipe_through(decoder.unchecked_ref::<web_sys::ReadableWritablePair>());
        let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
        let buffer = JsFuture::from(response.array_buffer()?).await?;
        Ok::<_, JsValue>(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    decoded.await.map_err(|e| AppError::ArchiveNotGzip {
        url: url.to_owned(),
        detail: crate::js::detail(&e),
    })
}

/// The address of a file of the archive at `base` as stored, by its path in the archive's
/// folder: what every error about the file names.
pub(super) fn stored_url(base: &str, path: &str, compression: Compression) -> String {
    format!("{base}{path}{}", compression.suffix())
}

/// Fetches one stored file of the archive at `base` by its path in the archive's folder and
/// decompresses it as the manifest says; adds the bytes downloaded to `fetched`. Returns the
/// file's address as stored and its content.
pub(super) async fn fetch_stored(
    base: &str,
    path: &str,
    compression: Compression,
    fetched: &Cell<u64>,
) -> Result<(String, Vec<u8>), AppError> {
    let url = stored_url(base, path, compression);
    let Some(buffer) = fetch(&url).await? else {
        return Err(AppError::ArchiveUnreachable {
            url,
            detail: "HTTP 404".into(),
        });
    };
    fetched.set(fetched.get() + u64::from(buffer.byte_length()));
    let bytes = decompress(&url, &buffer, compression).await?;
    Ok((url, bytes))
}

/// A stored file's content, decompressed as the manifest says.
pub(super) async fn decompress(
    url: &str,
    buffer: &js_sys::ArrayBuffer,
    compression: Compression,
) -> Result<Vec<u8>, AppError> {
    Ok(match compression {
        Compression::Gzip => gunzip(url, buffer).await?,
        Compression::None => js_sys::Uint8Array::new(buffer).to_vec(),
    })
}

/// Fetches part of a file (`range`: an HTTP Range header's value, `bytes=first-last`) into a
/// JS buffer. A server that answers with the whole file (200) ignores Range: the download is
/// stopped at once, so a pack of many megabytes never downloads by surprise, and the error
/// says why.
pub(super) async fn fetch_range(url: &str, range: &str) -> Result<js_sys::ArrayBuffer, AppError> {
    let unreachable = |detail: String| AppError::ArchiveUnreachable {
        url: url.to_owned(),
        detail,
    };
    let failed = |e: JsValue| unreachable(crate::js::detail(&e));
    let controller = web_sys::AbortController::new().map_err(failed)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(failed)?;
    request.headers().set("Range", range).map_err(failed)?;
    let response: web_sys::Response =
        JsFuture::from(gloo::utils::window().fetch_with_request(&request))
            .await
            .and_then(|r| r.dyn_into())
            .map_err(failed)?;
    match response.status() {
        206 => {
            let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
                .await
                .map_err(failed)?;
            Ok(buffer.unchecked_into())
        }
        200 => {
            controller.abort();
            Err(AppError::RangeIgnored {
                url: url.to_owned(),
            })
        }
        status => Err(unreachable(format!("HTTP {status}"))),
    }
}
