//! Reading preferences (language, colour scheme, text size), remembered in localStorage.

use gloo::utils::document;
use yew::prelude::*;

use crate::error::AppError;
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

/// Preferences as stored in `localStorage`; anything missing or unknown is the default.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    lang: Option<String>,
    theme: Option<String>,
    text_size: Option<u64>,
}

/// The browser's `localStorage`, when it has one and allows it.
fn storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

impl Prefs {
    fn load() -> Prefs {
        let stored = storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            // Unreadable preferences are the defaults, as missing ones are (the doc of `Stored`).
            .and_then(|text| {
                crate::json::from_str::<Stored>(&text, |detail| AppError::BadRecord { detail }).ok()
            });
        let mut prefs = Prefs::default();
        if let Some(v) = stored {
            if let Some(lang) = v.lang.as_deref().and_then(Lang::from_code) {
                prefs.lang = lang;
            }
            prefs.theme = Theme::from_code(v.theme.as_deref().unwrap_or_default());
            if let Some(size) = v.text_size {
                prefs.text_size = (size as usize).min(TEXT_SIZES.len() - 1);
            }
        }
        prefs
    }

    fn save(self) {
        let value = Stored {
            lang: Some(self.lang.code().to_owned()),
            theme: Some(self.theme.code().to_owned()),
            text_size: Some(self.text_size as u64),
        };
        // Preferences are a convenience: when storage is full or blocked they last the session.
        let text = serde_wasm_bindgen::to_value(&value)
            .ok()
            .and_then(|v| crate::json::stringify(&v));
        if let (Some(storage), Some(text)) = (storage(), text) {
            let _ = storage.set_item(KEY, &text);
        }
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
