//! `kanbao parse FILE…`: page text to Page JSON, Markdown or plain text.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
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
        match read_page(path, &file_name(path)) {
            Ok(page) => {
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

/// Reads and parses one page file named `name`: refuses directories, files over the size
/// limit and binary files, each with a reason for the reader.
pub(crate) fn read_page(path: &Path, name: &str) -> anyhow::Result<Page> {
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
    let bytes = fs::read(path).context("cannot read")?;
    let page = kanbao_parse::parse_bytes(&bytes, name);
    if let Some(d) = page
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::Binary)
    {
        anyhow::bail!("{}", d.message);
    }
    Ok(page)
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
