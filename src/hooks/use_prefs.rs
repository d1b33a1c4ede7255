//! Reading preferences (language, colour scheme, text size), remembered in localStorage.

use gloo::storage::{LocalStorage, Storage};
use gloo::utils::document;
use yew::prelude::*;

use crate::i18n::Lang;

/// Light, dark, or whatever the system prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    fn code(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_code(code: &str) -> Theme {
        match code {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// Whether the page is dark now.
    pub fn is_dark(self) -> bool {
        match self {
            Theme::Dark => true,
            Theme::Light => false,
            Theme::System => gloo::utils::window()
                .match_media("(prefers-color-scheme: dark)")
                .ok()
                .flatten()
                .is_some_and(|m| m.matches()),
        }
    }
}

/// The smallest and largest text size steps, in percent.
pub const TEXT_SIZES: [u32; 6] = [90, 100, 112, 125, 140, 160];

/// Reading preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub theme: Theme,
    /// Index into [`TEXT_SIZES`].
    pub text_size: usize,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::Zh,
            theme: Theme::System,
            text_size: 1,
        }
    }
}

const KEY: &str = "kanbao.prefs";

impl Prefs {
    fn load() -> Prefs {
        let stored: Option<serde_json::Value> = LocalStorage::get(KEY).ok();
        let mut prefs = Prefs::default();
        if let Some(v) = stored {
            if let Some(lang) = v["lang"].as_str().and_then(Lang::from_code) {
                prefs.lang = lang;
            }
            prefs.theme = Theme::from_code(v["theme"].as_str().unwrap_or_default());
            if let Some(size) = v["textSize"].as_u64() {
                prefs.text_size = (size as usize).min(TEXT_SIZES.len() - 1);
            }
        }
        prefs
    }

    fn save(self) {
        let value = serde_json::json!({
            "lang": self.lang.code(),
            "theme": self.theme.code(),
            "textSize": self.text_size,
        });
        // Preferences are a convenience: when storage is full or blocked they last the session.
        let _ = LocalStorage::set(KEY, value);
    }

    /// Sets `<html>`'s language, theme and text size, which the stylesheet follows.
    fn apply(self) {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", self.lang.code());
            // Without an explicit choice the stylesheet follows prefers-color-scheme itself.
            let _ = match self.theme {
                Theme::System => root.remove_attribute("data-theme"),
                theme => root.set_attribute("data-theme", theme.code()),
            };
            // An attribute the stylesheet maps to a size: the CSP bars inline styles.
            let size = TEXT_SIZES.get(self.text_size).copied().unwrap_or(100);
            let _ = root.set_attribute("data-text-size", &size.to_string());
        }
    }
}

/// The preferences and a way to change them; changes are applied and saved at once.
#[hook]
pub fn use_prefs() -> UseStateHandle<Prefs> {
    let prefs = use_state(Prefs::load);
    use_effect_with(*prefs, |prefs| {
        prefs.apply();
        prefs.save();
    });
    prefs
}
