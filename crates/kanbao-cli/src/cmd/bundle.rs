//! `kanbao bundle --dist DIR [-o FILE] [PAGES…]`: the built app and its pages as one
//! self-contained HTML file that runs from disk (file://), by e-mail or from a USB stick.
//!
//! The file holds the CSS in a `<style>`, the wasm-bindgen glue in a module script that starts
//! the app from the wasm inlined as base64, and the pages as JSON in
//! `<script type="application/json" id="kanbao-inline-pages">`, which the app reads instead of
//! `static/library.json`. Nothing else is referenced: no preload, no manifest, no service worker.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use kanbao_files::{MAX_PAGE_BYTES, Manifest, PageText};

use super::parse::{SIDECAR, read_corrections, sidecar_path};

/// The id the app looks for (src/data.rs).
const INLINE_PAGES_ID: &str = "kanbao-inline-pages";

/// Arguments of `kanbao bundle`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The release build of the app (`trunk build --release` writes it to dist/).
    #[arg(long, value_name = "DIR")]
    dist: PathBuf,
    /// The HTML file to write.
    #[arg(
        long = "output",
        short = 'o',
        value_name = "FILE",
        default_value = "kanbao.html"
    )]
    output: PathBuf,
    /// The paper's name for the PAGES given on the command line.
    #[arg(long, value_name = "NAME")]
    paper: Option<String>,
    /// Read each page's corrections from DIR/<file name>.kanbao.json instead of beside the
    /// page (or where the manifest names them).
    #[arg(long, value_name = "DIR")]
    corrections: Option<PathBuf>,
    /// Page text files to include (UTF-8, GB18030 or UTF-16); without them, the pages that
    /// DIR/static/library.json lists.
    pages: Vec<PathBuf>,
}

/// Runs `kanbao bundle`: exit 0 when the file was written, 1 when it could not be.
pub fn run(args: &Args) -> ExitCode {
    match bundle(args) {
        Ok(summary) => {
            eprintln!("kanbao: {summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("kanbao: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn bundle(args: &Args) -> anyhow::Result<String> {
    let dist = &args.dist;
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).with_context(|| {
        format!(
            "{}: cannot read; --dist takes the directory `trunk build --release` writes (dist/)",
            index.display()
        )
    })?;
    let dir = args.corrections.as_deref();
    let pages = if args.pages.is_empty() {
        library_pages(dist, dir)?
    } else {
        args.pages
            .iter()
            // A page's corrections file named with the pages goes with its page.
            .filter(|path| !path.to_string_lossy().ends_with(SIDECAR))
            .map(|path| read_page(path, args.paper.clone(), None, dir))
            .collect::<anyhow::Result<_>>()?
    };
    let out = render(&html, dist, &pages)?;
    write_whole(&args.output, out.as_bytes())?;
    Ok(format!(
        "wrote {} ({:.1} MB, {} page{})",
        args.output.display(),
        out.len() as f64 / 1e6,
        pages.len(),
        if pages.len() == 1 { "" } else { "s" }
    ))
}

/// The pages of the deployment: those DIR/static/library.json lists, each with the corrections
/// file the manifest names for it, or the one beside it.
fn library_pages(dist: &Path, corrections: Option<&Path>) -> anyhow::Result<Vec<PageText>> {
    let static_dir = dist.join("static");
    let path = static_dir.join("library.json");
    let text = fs::read_to_string(&path).with_context(|| {
        format!(
            "{}: cannot read; name the page files to include after --dist DIR",
            path.display()
        )
    })?;
    let manifest: Manifest = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a deployment manifest", path.display()))?;
    manifest
        .pages
        .into_iter()
        .map(|entry| {
            let sidecar = entry.corrections.as_ref().map(|c| static_dir.join(c));
            read_page(
                &static_dir.join(&entry.path),
                entry.paper,
                sidecar.as_deref(),
                corrections,
            )
        })
        .collect()
}

/// Reads and decodes one page text file, with its corrections (from `sidecar`, else from
/// `dir`, else beside it); the bundle holds its text as UTF-8. A corrections file that cannot
/// be read fails the bundle, naming it.
fn read_page(
    path: &Path,
    paper: Option<String>,
    sidecar: Option<&Path>,
    dir: Option<&Path>,
) -> anyhow::Result<PageText> {
    let read = || -> anyhow::Result<PageText> {
        let meta = fs::metadata(path).context("cannot read")?;
        if meta.is_dir() {
            bail!("is a directory, not a page text file");
        }
        if meta.len() > MAX_PAGE_BYTES {
            bail!(
                "is {:.1} MB, larger than any newspaper page text (the limit is {} MB)",
                meta.len() as f64 / 1e6,
                MAX_PAGE_BYTES / 1024 / 1024
            );
        }
        let decoded = kanbao_parse::decode(&fs::read(path).context("cannot read")?);
        if decoded.binary {
            bail!("is not text (a PDF, an image or another binary file)");
        }
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(PageText {
            name,
            paper,
            text: decoded.text,
            corrections: None,
        })
    };
    let mut page = read().with_context(|| path.display().to_string())?;
    let sidecar = sidecar.map_or_else(|| sidecar_path(path, &page.name, dir), Path::to_path_buf);
    page.corrections = read_corrections(&sidecar).with_context(|| sidecar.display().to_string())?;
    Ok(page)
}

/// The bundle: dist/index.html with every file it refers to inlined or left out.
fn render(html: &str, dist: &Path, pages: &[PageText]) -> anyhow::Result<String> {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut loader = false;
    for (tag, element) in elements(html, "script") {
        let open = &html[tag.clone()];
        if attr(open, "src").is_some() {
            bail!(
                "index.html loads a script from a file ({open}); only Trunk's module loader can be inlined"
            );
        }
        let body = &html[tag.end..element.end - "</script>".len()];
        // The build's preloads of archive files: a single file has no files beside it.
        if attr(open, "id") == Some("kanbao-preload") {
            edits.push((element, String::new()));
            continue;
        }
        if attr(open, "type") == Some("module") && body.contains("module_or_path") {
            edits.push((element, module_script(body, dist)?));
            loader = true;
        }
    }
    if !loader {
        bail!(
            "{}: no Trunk module loader found; is it a Trunk build of Kanbao?",
            dist.join("index.html").display()
        );
    }
    for (tag, _) in elements(html, "link") {
        let open = &html[tag.clone()];
        let rel = attr(open, "rel").unwrap_or_default();
        let href = attr(open, "href").unwrap_or_default();
        let replacement = match rel {
            "stylesheet" => {
                let css = read_asset(dist, href)?;
                let css = String::from_utf8(css).with_context(|| format!("{href}: not UTF-8"))?;
                format!("<style>\n{}\n</style>", escape_in_element(&css, "style"))
            }
            // A favicon is small: kept, as a data URL.
            "icon" if !href.starts_with("data:") => match read_asset(dist, href) {
                Ok(bytes) => {
                    let mime = if href.ends_with(".svg") {
                        "image/svg+xml"
                    } else {
                        "image/png"
                    };
                    format!(
                        "<link rel=\"icon\" href=\"data:{mime};base64,{}\">",
                        base64(&bytes)
                    )
                }
                Err(_) => String::new(),
            },
            // Preloads, the web app manifest, touch icons: nothing a single file can point to.
            _ => String::new(),
        };
        edits.push((tag, replacement));
    }
    for (tag, _) in elements(html, "meta") {
        // The build's Content-Security-Policy allows its own loader by hash and files from
        // 'self'; the bundle has neither, so it goes.
        let open = &html[tag.clone()];
        if attr(open, "http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
        {
            edits.push((tag, String::new()));
        }
    }
    // The boot message of index.html says that Kanbao cannot run from disk; the bundle can.
    if let Some((tag, element)) = elements(html, "div")
        .into_iter()
        .find(|(tag, _)| attr(&html[tag.clone()], "id") == Some("boot"))
    {
        edits.push((
            tag.end..element.end - "</div>".len(),
            "\n    <p>看报正在加载……</p>\n  ".into(),
        ));
    }
    // In the head: the app mounts on the body, which clears what the body held.
    let Some(head_end) = html.find("</head>") else {
        bail!("index.html has no </head>");
    };
    edits.push((head_end..head_end, pages_script(pages)?));

    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (mut range, replacement) in edits {
        // A removed tag takes its line with it when it had one of its own.
        if replacement.is_empty() && html[range.end..].starts_with('\n') {
            let line_start = html[..range.start].rfind('\n').map_or(0, |i| i + 1);
            if line_start >= at && html[line_start..range.start].trim().is_empty() {
                range = line_start..range.end + 1;
            }
        }
        out.push_str(&html[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&html[at..]);
    Ok(out)
}

/// Trunk's loader (`import init from './kanbao-web-HASH.js'; await init({ module_or_path:
/// './kanbao-web-HASH_bg.wasm' })`) rewritten to hold the glue itself and start it from the
/// wasm inlined as base64.
fn module_script(loader: &str, dist: &Path) -> anyhow::Result<String> {
    let quoted_after = |marker: &str| -> anyhow::Result<&str> {
        let rest = loader
            .split_once(marker)
            .map(|(_, rest)| rest.trim_start())
            .with_context(|| format!("Trunk's loader has no `{marker}`"))?;
        let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"');
        let quote =
            quote.with_context(|| format!("Trunk's loader: no file name after `{marker}`"))?;
        Ok(rest[1..].split(quote).next().unwrap_or_default())
    };
    let js_path = quoted_after(" from ")?;
    let wasm_path = quoted_after("module_or_path:")?;
    let glue = String::from_utf8(read_asset(dist, js_path)?)
        .with_context(|| format!("{js_path}: not UTF-8"))?;
    let wasm = read_asset(dist, wasm_path)?;

    // The glue is an ES module: its imports (wasm-bindgen snippets) could not be resolved from
    // one file, and its export statement names the initialiser.
    let mut body = String::with_capacity(glue.len());
    let mut init = None;
    for line in glue.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ") && trimmed.contains(" from ") {
            bail!("{js_path} imports another file ({trimmed}); the bundle cannot inline it");
        }
        if let Some(list) = trimmed.strip_prefix("export {") {
            init = list
                .split(',')
                .find_map(|item| {
                    item.trim()
                        .trim_end_matches(['}', ';', ' '])
                        .strip_suffix(" as default")
                })
                .map(str::trim)
                .map(str::to_owned);
            continue;
        }
        body.push_str(line);
        body.push('\n');
    }
    let init =
        init.with_context(|| format!("{js_path}: no default export (wasm-bindgen's init)"))?;
    Ok(format!(
        "<script type=\"module\">\n{}\nconst kanbaoWasm = await {init}({{ module_or_path: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm: kanbaoWasm }} }}));\n</script>",
        escape_in_element(&body, "script"),
        base64(&wasm),
    ))
}

/// The pages as JSON in a script element the app reads. Every `<` is written `\u003c`, so no
/// page text can end the element (`</script>`) or open a comment in it.
fn pages_script(pages: &[PageText]) -> anyhow::Result<String> {
    let json = serde_json::to_string(pages)?.replace('<', "\\u003c");
    Ok(format!(
        "<script type=\"application/json\" id=\"{INLINE_PAGES_ID}\">{json}</script>\n"
    ))
}

/// A file of the build named by a relative URL (`./app-HASH.css`).
fn read_asset(dist: &Path, url: &str) -> anyhow::Result<Vec<u8>> {
    let relative = url.trim_start_matches("./");
    if relative.is_empty()
        || relative.contains("://")
        || relative.starts_with('/')
        || relative.contains("..")
    {
        bail!("index.html refers to {url}, which is not a file of the build");
    }
    let path = dist.join(relative);
    fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))
}

/// The opening tags and whole elements named `name`, in document order. For void elements
/// (`link`, `meta`) the element is the tag.
fn elements(html: &str, name: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find(&open).map(|i| i + from) {
        let after = html[i + open.len()..].chars().next();
        from = i + open.len();
        if !matches!(after, Some(c) if c.is_ascii_whitespace() || c == '>' || c == '/') {
            continue;
        }
        let Some(end) = html[i..].find('>').map(|e| i + e + 1) else {
            break;
        };
        let element_end = if matches!(name, "link" | "meta") {
            end
        } else {
            match html[end..].find(&close) {
                Some(c) => end + c + close.len(),
                None => break,
            }
        };
        found.push((i..end, i..element_end));
        from = element_end;
    }
    found
}

/// The value of attribute `name` in an opening tag written as Trunk writes them (`name="…"`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let i = rest.find(name)?;
        let before = rest[..i].chars().next_back();
        let after = &rest[i + name.len()..];
        rest = after;
        if before.is_some_and(|c| c.is_ascii_whitespace())
            && let Some(value) = after.strip_prefix("=\"")
        {
            return value.split('"').next();
        }
    }
}

/// Text to put inside a raw-text element (`script`, `style`): `</script` or `</style` would end
/// it early and `<!--` could hide the end, so a backslash goes after the `<` (an escape that
/// JavaScript and CSS both read as the same character).
fn escape_in_element(text: &str, element: &str) -> String {
    let closing = format!("</{element}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..=i]);
        let after = &rest[i..];
        let ends = after
            .get(..closing.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(&closing));
        if ends || after.starts_with("<!--") {
            out.push('\\');
        }
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Writes through a temporary file beside `path`, so a failed run leaves no half file.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".kanbao-tmp");
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
        .with_context(|| format!("{}: cannot write", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn text_inside_a_script_cannot_end_it() {
        assert_eq!(
            escape_in_element("a</script>b</SCRIPT >c<!--d<e", "script"),
            "a<\\/script>b<\\/SCRIPT >c<\\!--d<e"
        );
        assert_eq!(escape_in_element("x</style>", "style"), "x<\\/style>");
    }

    #[test]
    fn attributes_are_found_by_whole_name() {
        let tag = r#"<link data-rel="x" rel="stylesheet" href="./app.css">"#;
        assert_eq!(attr(tag, "rel"), Some("stylesheet"));
        assert_eq!(attr(tag, "href"), Some("./app.css"));
        assert_eq!(attr(tag, "src"), None);
    }
}
