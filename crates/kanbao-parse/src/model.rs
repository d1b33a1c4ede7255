//! The data model of a parsed page: what the CLI prints and the app renders.

use serde::{Deserialize, Serialize};

/// The schema tag written into every [`Page`].
pub const SCHEMA: &str = "kanbao.page/1";

/// A byte range `[start, end)` into the decoded text of a page.
pub type Span = [usize; 2];

/// One newspaper page, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the text came from and how it was decoded.
    pub source: Source,
    /// Page header metadata.
    pub meta: Meta,
    /// The articles, in page order.
    pub articles: Vec<Article>,
    /// Every non-blank piece of text that belongs to no article.
    pub unassigned: Vec<Fragment>,
    /// Problems found while decoding or parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a page's text came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file name (or any label the caller gave).
    pub name: String,
    /// The detected encoding.
    pub encoding: Encoding,
    /// Size of the input in bytes, before decoding.
    pub bytes: usize,
}

/// The text encodings Kanbao detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8, with or without a byte order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    #[serde(rename = "gb18030")]
    Gb18030,
    /// UTF-16, little endian, with a byte order mark.
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big endian, with a byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// Page header metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The page's date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The page number as printed (`A2`, `5`).
    pub page: Option<String>,
    /// The page name (`要闻`).
    pub section: Option<String>,
    /// Editors from the header, as printed (`责任编辑:张三`).
    pub editors: Vec<String>,
}

/// One article of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the same text always gives the same id.
    pub id: String,
    /// What kind of article this is.
    pub kind: Kind,
    /// Column or series label (栏目).
    pub column: Option<String>,
    /// Kicker above the title (引题).
    pub kicker: Option<String>,
    /// The title (主题).
    pub title: String,
    /// The subtitle (副题).
    pub subtitle: Option<String>,
    /// Dateline, such as `本报讯` or `新华社北京3月16日电`.
    pub dateline: Option<String>,
    /// Who wrote, reported and photographed.
    pub byline: Byline,
    /// Lead summary (导语) set apart from the body.
    pub lead: Option<String>,
    /// Body: paragraphs, section headings and captions.
    pub blocks: Vec<Block>,
    /// Source range of the whole article (absent where the source is not kept, as in the
    /// records of a built archive).
    #[serde(default)]
    pub span: Span,
}

impl Article {
    /// The running text: the lead and the paragraphs, joined by spaces (headings and captions
    /// left out). What a list shows the opening of.
    pub fn body_text(&self) -> String {
        self.lead
            .iter()
            .map(String::as_str)
            .chain(
                self.blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Paragraph)
                    .map(|b| b.text.as_str()),
            )
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Kinds of article readers tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 消息: a dateline lead.
    News,
    /// 通讯: headline group, byline line, section headings.
    Feature,
    /// 评论.
    Commentary,
    /// 图片新闻: a caption and a photographer.
    Photo,
    /// 简讯.
    Brief,
}

/// People credited in an article, by role. A role missing from JSON input reads as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Byline {
    /// 记者.
    pub reporters: Vec<String>,
    /// 通讯员.
    pub correspondents: Vec<String>,
    /// 摄影 / 摄 / 图.
    pub photographers: Vec<String>,
    /// 作者 (commentary).
    pub authors: Vec<String>,
    /// The byline text as printed, one entry per source line or dateline.
    pub raw: Vec<String>,
}

/// One block of an article's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    #[serde(rename = "type")]
    pub kind: BlockKind,
    /// The text, with column breaks joined and punctuation normalised.
    pub text: String,
    /// A list marker such as `①`, taken off the text.
    pub marker: Option<String>,
    /// Source range of the block (from its first to its last character).
    #[serde(default)]
    pub span: Span,
}

/// What a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// 小标题.
    Heading,
    /// A paragraph of body text.
    Paragraph,
    /// A photo caption.
    Caption,
}

/// Text that belongs to no article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// The text as it stands in the source.
    pub text: String,
    /// Where it stands.
    pub span: Span,
    /// Why it is not part of an article.
    pub why: Why,
}

/// Why a [`Fragment`] is not part of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// Date, page number, page name.
    PageHeader,
    /// 责任编辑 and the like.
    Editors,
    /// `(下转第六版)`, `(上接第一版)`.
    Jump,
    /// A column label standing between articles with no article to attach to.
    Furniture,
    /// Stray numbers, codes and anything else that could not be placed.
    Noise,
}

/// A problem found while decoding or parsing. Parsing never fails; it reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Machine-readable code, stable across versions (`empty`, `binary`, ...).
    pub code: DiagnosticCode,
    /// A message in English; the app translates by `code`.
    pub message: String,
    /// Where in the decoded text, if anywhere.
    pub span: Option<Span>,
}

/// The codes a [`Diagnostic`] can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticCode {
    /// The input holds no text.
    Empty,
    /// The input looks like a binary file (NUL bytes, a known file signature).
    Binary,
    /// Some bytes could not be decoded and were replaced with U+FFFD.
    Malformed,
    /// The input is larger than a newspaper page could be; it was parsed anyway.
    Large,
    /// No article could be recognised.
    NoArticles,
    /// A new article was started at a headline with no byline or dateline after it.
    ArticleStartWithoutCredit,
    /// A run of short lines was read as section headings; it could open a new article.
    HeadingOrTitle,
    /// The unmarked lines of a headline group could be read as kicker, title and subtitle in
    /// another way, about as well.
    KickerOrTitle,
    /// Names printed without spaces were split where more than one split reads as names.
    NameSplitGuessed,
    /// A headline-shaped line inside an article was read as the first line of a paragraph; it
    /// could be the title of a new article.
    TextOrTitle,
    /// Names printed bare under a headline, or in brackets with no role word after the text
    /// (`（某某）`), were given a role (author or reporter) that neither the page nor the text
    /// settles.
    RoleGuessed,
    /// A report or feature with no headline after another article: it may be part of that
    /// article.
    UntitledArticle,
    /// In a report credited with its photos, a first paragraph of one short sentence was read
    /// as text; it could be the photo's caption.
    CaptionOrText,
    /// The text's first line, ending without punctuation, was joined with the next as one
    /// paragraph cut by a column break; it may be a lead or summary line of its own.
    LeadJoined,
}

impl DiagnosticCode {
    /// Whether the code marks a place where the parser was unsure of its reading (as opposed
    /// to a problem with the input as a whole).
    pub fn is_reading(self) -> bool {
        matches!(
            self,
            DiagnosticCode::ArticleStartWithoutCredit
                | DiagnosticCode::HeadingOrTitle
                | DiagnosticCode::KickerOrTitle
                | DiagnosticCode::NameSplitGuessed
                | DiagnosticCode::TextOrTitle
                | DiagnosticCode::RoleGuessed
                | DiagnosticCode::UntitledArticle
                | DiagnosticCode::CaptionOrText
                | DiagnosticCode::LeadJoined
        )
    }
}
