//! GB18030 decoded by the browser's own `TextDecoder` (the WHATWG decoder, as in the CLI's
//! encoding_rs): the browser carries the tables, so Kanbao's wasm does not.

use web_sys::{TextDecoder, TextDecoderOptions};

/// The browser's GB18030 decoder.
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserGb18030;

impl kanbao_parse::Gb18030 for BrowserGb18030 {
    fn decode_strict(&self, bytes: &[u8]) -> Option<String> {
        let options = TextDecoderOptions::new();
        options.set_fatal(true);
        TextDecoder::new_with_label_and_options("gb18030", &options)
            .ok()?
            .decode_with_u8_array(bytes)
            .ok()
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        TextDecoder::new_with_label("gb18030")
            .and_then(|d| d.decode_with_u8_array(bytes))
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use kanbao_parse::{Encoding, EncodingRs, Gb18030, decode_with};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::BrowserGb18030;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_browser_decodes_gb18030_as_encoding_rs_does() {
        let text = "本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。𠀀€";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        assert_eq!(BrowserGb18030.decode_strict(&bytes).as_deref(), Some(text));
        let decoded = decode_with(&bytes, &BrowserGb18030);
        assert_eq!(
            (decoded.encoding, decoded.text.as_str()),
            (Encoding::Gb18030, text)
        );
        let broken = [&bytes[..], b"\x81"].concat();
        assert_eq!(BrowserGb18030.decode_strict(&broken), None);
        assert_eq!(
            BrowserGb18030.decode_lossy(&broken),
            EncodingRs.decode_lossy(&broken)
        );
    }
}
