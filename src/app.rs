//! The root component: the state, the hooks that bring the browser's events into it, and the
//! view of the route ([`switch`]).

use yew::prelude::*;

use crate::components::masthead::Masthead;
use crate::components::notices::Notices;
use crate::hooks::use_archive::use_archive;
use crate::hooks::use_collections::use_collections;
use crate::hooks::use_drop_import::use_drop_import;
use crate::hooks::use_embed::use_embed;
use crate::hooks::use_import::use_import;
use crate::hooks::use_keyboard::use_keyboard;
use crate::hooks::use_load::use_load;
use crate::hooks::use_prefs::use_prefs;
use crate::hooks::use_route::{RouteHandle, use_route};
use crate::hooks::use_storage_usage::use_storage_usage;
use crate::hooks::use_tab_sync::use_tab_sync;
use crate::hooks::use_update::use_update;
use crate::route::Route;
use crate::state::{Action, State, Status};
use crate::switch::{Views, switch};

/// The Kanbao app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let prefs = use_prefs();
    let lang = prefs.lang;
    let RouteHandle {
        route,
        push,
        replace,
    } = use_route();
    let update = use_update();
    let search_ref = use_node_ref();

    use_load(dispatch.clone(), lang);
    use_archive(dispatch.clone(), lang);
    let collections = use_collections(dispatch.clone(), lang);
    let import = use_import(state.library.clone(), dispatch.clone(), lang);
    use_tab_sync(state.library.clone(), dispatch.clone(), lang);
    let on_library = route == Route::Library;
    use_storage_usage(on_library, state.library.clone(), dispatch.clone());
    use_drop_import(import.onimport.clone(), dispatch.clone(), lang);
    let embedded = use_embed(
        &route,
        &state.library,
        import.onhost.clone(),
        replace.clone(),
    );
    {
        let dispatch = dispatch.clone();
        use_effect_with(route.clone(), move |route| {
            dispatch.emit(Action::Navigated(route.clone()))
        });
    }
    // The list's search: the route's, or the one kept while an article is open.
    let query = match &route {
        Route::List(q) => q.clone(),
        _ => state.list_query.clone(),
    };
    let results = use_memo(
        (state.library.clone(), query.clone()),
        |(library, query)| library.results(query),
    );
    use_keyboard(&route, &state, &results, &search_ref, &push, &dispatch);

    let views = Views {
        lang,
        results,
        compact: embedded,
        dispatch: dispatch.clone(),
        push,
        replace: replace.clone(),
        onimport: import.onimport,
        collections,
    };
    let onprefs = {
        let prefs = prefs.clone();
        Callback::from(move |p| prefs.set(p))
    };
    html! {
        <>
            <Masthead route={route.clone()} {query} prefs={*prefs} {onprefs} {replace}
                compact={embedded} {search_ref} />
            if let Some(onupdate) = update {
                <div class="update-ready" role="status">
                    { lang.pick("有新版本，刷新以使用。", "A new version is ready: refresh to use it.") }{ " " }
                    <button type="button" class="update-apply" onclick={onupdate.reform(|_| ())}>
                        { lang.pick("刷新", "Refresh") }
                    </button>
                </div>
            }
            <Notices notices={state.notices.clone()} progress={state.progress} {lang}
                ondismiss={dispatch.reform(Action::Dismiss)} oncancel={import.oncancel} />
            <main id="main" tabindex="-1" class="app-main" data-status={state.status.name()}>
                if state.status == Status::Loading {
                    <p class="loading" role="status">{ lang.pick("正在载入文库……", "Loading the library…") }</p>
                }
                { switch(&route, &state, &views) }
            </main>
        </>
    }
}
