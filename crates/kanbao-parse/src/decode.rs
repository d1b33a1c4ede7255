//! Encoding detection: UTF-8 (with or without BOM), GB18030/GBK, UTF-16 (with or without BOM).
//!
//! UTF-8 and UTF-16 are decoded here; GB18030 by a [`Gb18030`] decoder the caller brings, so
//! that a browser build can use the browser's own decoder instead of carrying the tables.

use crate::Encoding;

/// Decodes GB18030 (a superset of GBK and GB2312).
pub trait Gb18030 {
    /// The text, or `None` when the bytes are not valid GB18030.
    fn decode_strict(&self, bytes: &[u8]) -> Option<String>;
    /// The text, with U+FFFD for each undecodable sequence.
    fn decode_lossy(&self, bytes: &[u8]) -> String;
}

/// The GB18030 decoder of `encoding_rs` (the WHATWG Encoding Standard's, as browsers have).
#[derive(Debug, Clone, Copy, Default)]
pub struct EncodingRs;

impl Gb18030 for EncodingRs {
    fn decode_strict(&self, bytes: &[u8]) -> Option<String> {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
    }

    fn decode_lossy(&self, bytes: &[u8]) -> String {
        encoding_rs::GB18030
            .decode_without_bom_handling(bytes)
            .0
            .into_owned()
    }
}

/// Text decoded from a page's bytes.
pub(crate) struct Sniffed {
    pub text: String,
    pub encoding: Encoding,
    pub malformed: bool,
    /// The bytes look like a binary file rather than text.
    pub binary: bool,
}

/// File signatures of formats a user may drop on Kanbao by mistake.
const SIGNATURES: &[&[u8]] = &[b"%PDF", b"\x89PNG", b"PK\x03\x04", b"GIF8", b"\xFF\xD8\xFF"];

/// Detects the encoding of `bytes`, decodes them and tells whether they look binary.
pub(crate) fn sniff(bytes: &[u8], gb18030: &dyn Gb18030) -> Sniffed {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, Encoding::Utf16Be);
    }
    let signature = SIGNATURES.iter().any(|sig| bytes.starts_with(sig));
    if !signature && let Some(encoding) = bomless_utf16(bytes) {
        return utf16(bytes, encoding);
    }
    let binary = signature || bytes.contains(&0);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Sniffed {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            malformed: false,
            binary,
        };
    }
    if !binary && let Some(text) = gb18030.decode_strict(bytes) {
        return Sniffed {
            text,
            encoding: Encoding::Gb18030,
            malformed: false,
            binary,
        };
    }
    // Neither decodes cleanly: keep whichever loses fewer characters.
    let as_utf8 = String::from_utf8_lossy(bytes);
    let lost = |s: &str| s.chars().filter(|&c| c == '\u{FFFD}').count();
    if !binary {
        let as_gb = gb18030.decode_lossy(bytes);
        if lost(&as_gb) < lost(&as_utf8) {
            return Sniffed {
                text: as_gb,
                encoding: Encoding::Gb18030,
                malformed: true,
                binary,
            };
        }
    }
    Sniffed {
        text: as_utf8.into_owned(),
        encoding: Encoding::Utf8,
        malformed: true,
        binary,
    }
}

fn utf8(bytes: &[u8], binary: bool) -> Sniffed {
    let text = String::from_utf8_lossy(bytes);
    Sniffed {
        malformed: matches!(text, std::borrow::Cow::Owned(_)),
        text: text.into_owned(),
        encoding: Encoding::Utf8,
        binary,
    }
}

/// Decodes UTF-16 without a BOM; unpaired surrogates and a trailing odd byte become U+FFFD.
fn decode_utf16(bytes: &[u8], encoding: Encoding) -> (String, bool) {
    let units = bytes.chunks_exact(2).map(|pair| match encoding {
        Encoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    });
    let mut malformed = bytes.len() % 2 == 1;
    let mut text = String::with_capacity(bytes.len());
    for c in char::decode_utf16(units) {
        text.push(c.unwrap_or_else(|_| {
            malformed = true;
            '\u{FFFD}'
        }));
    }
    if bytes.len() % 2 == 1 {
        text.push('\u{FFFD}');
    }
    (text, malformed)
}

fn utf16(bytes: &[u8], encoding: Encoding) -> Sniffed {
    let (text, malformed) = decode_utf16(bytes, encoding);
    Sniffed {
        text,
        encoding,
        malformed,
        binary: false,
    }
}

/// Recognises UTF-16 without a BOM by its NUL bytes: ASCII characters (digits, spaces, line
/// breaks) put a NUL in every other byte, always on the same side; a few Han characters
/// (`一` is U+4E00) put one on the other side.
fn bomless_utf16(bytes: &[u8]) -> Option<Encoding> {
    let sample = bytes.get(..bytes.len().min(1 << 16))?;
    if sample.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
    }
    let zeros = even + odd;
    // Enough NULs to be a pattern, and nearly all of them on one side.
    if zeros * 50 < sample.len() || zeros < 2 {
        return None;
    }
    let encoding = if odd * 10 >= zeros * 9 {
        Encoding::Utf16Le
    } else if even * 10 >= zeros * 9 {
        Encoding::Utf16Be
    } else {
        return None;
    };
    let (text, malformed) = decode_utf16(sample, encoding);
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    // An odd-length sample may end in half a code unit; allow that one replacement.
    let lost = text.chars().filter(|&c| c == '\u{FFFD}').count();
    (controls == 0 && (!malformed || lost <= 1)).then_some(encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff(bytes: &[u8]) -> Sniffed {
        super::sniff(bytes, &EncodingRs)
    }

    #[test]
    fn utf16_decoding_matches_encoding_rs_on_odd_input() {
        for bytes in [
            &b"\x00\xd8a\x00"[..],
            b"a\x00b",
            b"\x3d\xd8\x00\xde",
            b"\x00\xdc\x00\xdc",
        ] {
            let (ours, lost) = decode_utf16(bytes, Encoding::Utf16Le);
            let (theirs, malformed) = encoding_rs::UTF_16LE.decode_without_bom_handling(bytes);
            assert_eq!((ours.as_str(), lost), (&*theirs, malformed), "{bytes:?}");
        }
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("本报讯 近日,烟台市举行活动。");
        let s = sniff(&bytes);
        assert_eq!(s.encoding, Encoding::Gb18030);
        assert_eq!(s.text, "本报讯 近日,烟台市举行活动。");
        assert!(!s.malformed && !s.binary);
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let text = "2026年1月5日 星期一\n本报讯 近日,记者获悉。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(sniff(&le).encoding, Encoding::Utf16Le);
        assert_eq!(sniff(&le).text, text);
        assert_eq!(sniff(&be).encoding, Encoding::Utf16Be);
    }

    #[test]
    fn signatures_and_stray_nuls_mean_binary() {
        assert!(sniff(b"%PDF-1.7\n...").binary);
        assert!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0").binary);
        assert!(sniff(b"abc\0\x01\x02\x03\0\0\0\x05xyz\0").binary);
        assert!(!sniff("纯文本".as_bytes()).binary);
    }
}
