//! The app's words in Chinese (the default) and English.

use kanbao_parse::Kind;

use crate::route::Facet;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The value kept in localStorage and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the Chinese or the English form.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn facet(self, facet: Facet) -> &'static str {
        match facet {
            Facet::Reporter => self.pick("记者", "Reporter"),
            Facet::Correspondent => self.pick("通讯员", "Correspondent"),
            Facet::Photographer => self.pick("摄影", "Photographer"),
            Facet::Author => self.pick("作者", "Author"),
            Facet::Kind => self.pick("体裁", "Kind"),
            Facet::Section => self.pick("版面", "Page"),
            Facet::Date => self.pick("日期", "Date"),
            Facet::Place => self.pick("地点", "Place"),
            Facet::Source => self.pick("来源文件", "Source file"),
        }
    }

    pub fn kind(self, kind: Kind) -> &'static str {
        match kind {
            Kind::News => self.pick("消息", "News"),
            Kind::Feature => self.pick("通讯", "Feature"),
            Kind::Commentary => self.pick("评论", "Commentary"),
            Kind::Photo => self.pick("图片新闻", "Photo"),
            Kind::Brief => self.pick("简讯", "Brief"),
        }
    }
}

pub use kanbao_search::kind_key;

/// Bytes as megabytes with one decimal (`12.3`), without pulling float formatting into the app.
pub fn megabytes(bytes: f64) -> String {
    let tenths = (bytes.max(0.0) / 1e5).round() as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::megabytes;

    #[test]
    fn megabytes_have_one_decimal_rounded() {
        assert_eq!(megabytes(0.0), "0.0");
        assert_eq!(megabytes(49_999.0), "0.0");
        assert_eq!(megabytes(50_000.0), "0.1");
        assert_eq!(megabytes(16_777_216.0), "16.8");
        assert_eq!(megabytes(123_456_789.0), "123.5");
    }
}
