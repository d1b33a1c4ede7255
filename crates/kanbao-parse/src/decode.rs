//! Encoding detection: UTF-8 (with or without BOM), GB18030/GBK, UTF-16 (with or without BOM).

use crate::Encoding;
use encoding_rs::{GB18030, UTF_8, UTF_16BE, UTF_16LE};

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
pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
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
    if !binary
        && let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Sniffed {
            text: text.into_owned(),
            encoding: Encoding::Gb18030,
            malformed: false,
            binary,
        };
    }
    // Neither decodes cleanly: keep whichever loses fewer characters.
    let (as_utf8, _) = UTF_8.decode_without_bom_handling(bytes);
    let (as_gb, _) = GB18030.decode_without_bom_handling(bytes);
    let lost = |s: &str| s.chars().filter(|&c| c == '\u{FFFD}').count();
    if !binary && lost(&as_gb) < lost(&as_utf8) {
        Sniffed {
            text: as_gb.into_owned(),
            encoding: Encoding::Gb18030,
            malformed: true,
            binary,
        }
    } else {
        Sniffed {
            text: as_utf8.into_owned(),
            encoding: Encoding::Utf8,
            malformed: true,
            binary,
        }
    }
}

fn utf8(bytes: &[u8], binary: bool) -> Sniffed {
    let (text, malformed) = UTF_8.decode_without_bom_handling(bytes);
    Sniffed {
        text: text.into_owned(),
        encoding: Encoding::Utf8,
        malformed,
        binary,
    }
}

fn utf16(bytes: &[u8], encoding: Encoding) -> Sniffed {
    let codec = if encoding == Encoding::Utf16Be {
        UTF_16BE
    } else {
        UTF_16LE
    };
    let (text, malformed) = codec.decode_without_bom_handling(bytes);
    Sniffed {
        text: text.into_owned(),
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
    let codec = if encoding == Encoding::Utf16Be {
        UTF_16BE
    } else {
        UTF_16LE
    };
    let (text, malformed) = codec.decode_without_bom_handling(sample);
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

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("本报讯 近日,烟台市举行活动。");
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
