//! `kanbao parse FILE…`: page text to Page JSON, Markdown or plain text, with the corrections
//! a curator made to each page (`FILE.kanbao.json` beside it, or `--corrections DIR`) applied.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use kanbao_parse::correct::{CORRECTIONS_FORMAT, Corrections, UnappliedReason};
use kanbao_parse::{DiagnosticCode, Page};

use kanbao_parse::render;

/// Larger files are refused: no newspaper page comes near it, and reading one whole would
/// only exhaust memory.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Arguments of `kanbao parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Page text files (UTF-8, GB18030 or UTF-16).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write one file per input into this directory instead of printing.
    #[arg(long = "output", short = 'o', value_name = "DIR")]
    output: Option<PathBuf>,
    /// Read each page's corrections from DIR/<file name>.kanbao.json instead of the
    /// `.kanbao.json` file beside the page.
    #[arg(long, value_name = "DIR")]
    corrections: Option<PathBuf>,
}

/// Output formats of `kanbao parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Markdown,
    Text,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Text => "txt",
        }
    }
}

/// Runs `kanbao parse`: exit 0 when every input converted, 1 when some could not be read.
pub fn run(args: &Args) -> ExitCode {
    let mut pages = Vec::with_capacity(args.files.len());
    let mut failed = false;
    for path in &args.files {
        let name = file_name(path);
        match read_corrected_page(path, &name, args.corrections.as_deref()) {
            Ok((page, read)) => {
                failed |= !read;
                let mut uncertain = 0;
                for d in &page.diagnostics {
                    if d.code.is_reading() {
                        uncertain += 1;
                    } else {
                        eprintln!("kanbao: warning: {}: {}", path.display(), d.message);
                    }
                }
                if uncertain > 0 {
                    // Each place is in the page's diagnostics with its span; one line says so.
                    eprintln!(
                        "kanbao: note: {}: {uncertain} place{} where the reading is uncertain (see \"diagnostics\")",
                        path.display(),
                        if uncertain == 1 { "" } else { "s" }
                    );
                }
                pages.push((path, page));
            }
            Err(err) => {
                eprintln!("kanbao: {}: {err:#}", path.display());
                failed = true;
            }
        }
    }
    let written = match &args.output {
        Some(dir) => write_files(dir, &pages, args.format),
        None => print_all(&pages, args.format, args.files.len() > 1),
    };
    if let Err(err) = written {
        eprintln!("kanbao: {err:#}");
        return ExitCode::from(1);
    }
    ExitCode::from(if failed { 1 } else { 0 })
}

/// A path's file name, for the page's `source.name`.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The ending of a page's corrections file beside it: `A01.txt.kanbao.json`.
pub(crate) const SIDECAR: &str = ".kanbao.json";

/// Corrections files are small; a larger one is refused unread.
const MAX_SIDECAR_BYTES: u64 = 16 * 1024 * 1024;

/// Where a page's corrections are: `DIR/<name>.kanbao.json` when a corrections folder is
/// given (`name` is the page's `source.name`: its path in the folder built, or its file name),
/// otherwise beside the page.
pub(crate) fn sidecar_path(page: &Path, name: &str, dir: Option<&Path>) -> PathBuf {
    match dir {
        Some(dir) => dir.join(format!("{name}{SIDECAR}")),
        None => {
            let mut name = page.as_os_str().to_owned();
            name.push(SIDECAR);
            PathBuf::from(name)
        }
    }
}

/// Reads a corrections file; `Ok(None)` when there is none.
pub(crate) fn read_corrections(path: &Path) -> anyhow::Result<Option<Corrections>> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).context("cannot read"),
    };
    if meta.len() > MAX_SIDECAR_BYTES {
        anyhow::bail!(
            "is {:.1} MB, larger than any page's corrections (the limit is {} MB)",
            meta.len() as f64 / 1e6,
            MAX_SIDECAR_BYTES / 1024 / 1024
        );
    }
    let bytes = fs::read(path).context("cannot read")?;
    let corrections: Corrections = serde_json::from_slice(&bytes)
        .context("is not a Kanbao corrections file (kanbao.corrections/1 JSON)")?;
    if corrections.format != CORRECTIONS_FORMAT {
        anyhow::bail!(
            "is a corrections file of another format ({:?}, this kanbao reads {CORRECTIONS_FORMAT})",
            corrections.format
        );
    }
    Ok(Some(corrections))
}

/// Reads and parses one page file named `name`, with the corrections beside it or in
/// `corrections` applied. A corrections file that cannot be read
/// is named on stderr and the page is read as the parser reads it; the second value says
/// whether every correction found could be read.
pub(crate) fn read_corrected_page(
    path: &Path,
    name: &str,
    corrections: Option<&Path>,
) -> anyhow::Result<(Page, bool)> {
    let bytes = read_page_bytes(path)?;
    let sidecar = sidecar_path(path, name, corrections);
    let (page, ok) = match read_corrections(&sidecar) {
        Ok(None) => (kanbao_parse::parse_bytes(&bytes, name), true),
        Ok(Some(c)) => {
            let (page, unapplied) = kanbao_parse::parse_corrected(&bytes, name, &c);
            if c.source.hash != kanbao_parse::correct::source_hash(&bytes) {
                eprintln!(
                    "kanbao: note: {}: made on another version of {name}; its corrections were applied where their lines are found",
                    sidecar.display()
                );
            }
            for u in &unapplied {
                eprintln!(
                    "kanbao: warning: {}: correction {} no longer applies ({}): “{}”",
                    sidecar.display(),
                    u.index + 1,
                    match u.reason {
                        UnappliedReason::LineGone => "its line is not in the page",
                        UnappliedReason::NotInArticle => "its line is in no article",
                        UnappliedReason::NothingToDo => "nothing to change there",
                    },
                    u.line
                );
            }
            (page, true)
        }
        Err(err) => {
            eprintln!(
                "kanbao: {}: {err:#}; {name} is read without corrections",
                sidecar.display()
            );
            (kanbao_parse::parse_bytes(&bytes, name), false)
        }
    };
    refuse_binary(&page)?;
    Ok((page, ok))
}

/// A page file's bytes: refuses directories and files over the size limit, each with a reason
/// for the reader (a binary file is refused once parsed).
fn read_page_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    let meta = fs::metadata(path).context("cannot read")?;
    if meta.is_dir() {
        anyhow::bail!("is a directory, not a page text file");
    }
    if meta.len() > MAX_INPUT_BYTES {
        anyhow::bail!(
            "is {:.1} MB, larger than any newspaper page text (the limit is {} MB)",
            meta.len() as f64 / 1e6,
            MAX_INPUT_BYTES / 1024 / 1024
        );
    }
    fs::read(path).context("cannot read")
}

/// Refuses a page the parser found to be a binary file.
fn refuse_binary(page: &Page) -> anyhow::Result<()> {
    if let Some(d) = page
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::Binary)
    {
        anyhow::bail!("{}", d.message);
    }
    Ok(())
}

fn render_one(page: &Page, format: Format) -> anyhow::Result<String> {
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(page)? + "\n",
        Format::Markdown => render::page_markdown(page),
        Format::Text => render::page_text(page),
    })
}

/// Renders everything before writing, so stdout never holds half a document. The shape
/// follows the command line, not what could be read: one FILE gives one object (or nothing),
/// several give an array.
fn print_all(pages: &[(&PathBuf, Page)], format: Format, several: bool) -> anyhow::Result<()> {
    let out = match (format, pages) {
        (_, []) if !several => return Ok(()),
        (_, [(_, page)]) if !several => render_one(page, format)?,
        (Format::Json, _) => {
            let all: Vec<&Page> = pages.iter().map(|(_, p)| p).collect();
            serde_json::to_string_pretty(&all)? + "\n"
        }
        _ => {
            let mut out = String::new();
            for (_, page) in pages {
                out.push_str(&render_one(page, format)?);
                out.push('\n');
            }
            out
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .context("cannot write to standard output")?;
    stdout.flush().context("cannot write to standard output")
}

fn write_files(dir: &Path, pages: &[(&PathBuf, Page)], format: Format) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut used = HashSet::new();
    for (path, page) in pages {
        let stem = path
            .file_stem()
            .map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
        let mut name = format!("{stem}.{}", format.extension());
        let mut n = 2;
        while !used.insert(name.clone()) {
            name = format!("{stem}-{n}.{}", format.extension());
            n += 1;
        }
        let target = dir.join(&name);
        let body = render_one(page, format)?;
        // Write beside the target and rename, so a reader never sees half a file.
        let partial = dir.join(format!(".{name}.partial"));
        fs::write(&partial, body).with_context(|| format!("cannot write {}", partial.display()))?;
        fs::rename(&partial, &target)
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    Ok(())
}
