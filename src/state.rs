//! The app's state: where the reader is, what they are reading, the search, the topic filter,
//! the theme and the drawer. Changed only through [`Action`]s, as a Yew [`Reducible`].

use std::rc::Rc;

use yew::Reducible;

use crate::route::Route;

/// The colour theme in effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>` and of the stored choice.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn other(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The place in the reading pane, as the address asked for it. Its query, when not empty,
    /// is highlighted there. The list of results covers this place without changing it.
    pub route: Route,
    /// Counts navigations, so that following the same link twice scrolls there again.
    pub visits: u32,
    /// The section being read, as the scroll spy sees it (`None`: the top of the document).
    pub current: Option<String>,
    pub theme: Theme,
    /// Whether the reader picked the theme (otherwise it follows the system).
    pub theme_chosen: bool,
    /// Whether the contents drawer is open on a narrow screen.
    pub toc_open: bool,
    /// The text in the search field.
    pub query: String,
    /// Whether the list of results is shown (over the reading pane).
    pub results: bool,
    /// The result the keyboard is on, as a position in the list.
    pub active: usize,
    /// The ids of the active topics, in the order chosen, as the address carries them.
    pub topics: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The address changed (a link, back/forward, or a typed URL).
    Navigate(Route),
    /// The reader scrolled to another section.
    Read(String),
    /// The reader flipped the theme.
    ToggleTheme,
    /// The system colour scheme changed.
    SystemTheme(Theme),
    ToggleToc,
    CloseToc,
    /// The reader edited the search field.
    Type(String),
    /// The keyboard moved to another result.
    Select(usize),
    /// The reader dropped the search (Escape): no query, no results, no highlights.
    CloseSearch,
    /// The reader changed the topic filter (the ids of the active topics).
    Topics(Vec<String>),
}

impl State {
    pub fn new(route: Route, theme: Theme, theme_chosen: bool) -> Self {
        State {
            current: route.section.clone(),
            route: if route.results {
                Route::default()
            } else {
                route.clone()
            },
            visits: 0,
            theme,
            theme_chosen,
            toc_open: false,
            query: route.query.clone(),
            results: route.results && !route.query.trim().is_empty(),
            active: 0,
            topics: route.topics.clone(),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                next.toc_open = false;
                next.active = 0;
                next.query = route.query.clone();
                next.topics = route.topics.clone();
                if route.results {
                    // The list of results covers the place being read, which stays as it is.
                    next.results = !route.query.trim().is_empty();
                    return Rc::new(next);
                }
                // Leaving the results for the place they cover is no move: the reader is still
                // where they were, so nothing scrolls.
                let here = route.doc == self.route.doc && route.section == self.current;
                let same_place = self.results && here;
                // Stepping back or forward through filter changes is no move either.
                let only_topics = !self.results
                    && here
                    && route.query == self.route.query
                    && route.topics != self.topics;
                let same_place = same_place || only_topics;
                if !same_place {
                    next.visits = self.visits.wrapping_add(1);
                }
                next.results = false;
                next.current = route.section.clone();
                next.route = route;
            }
            Action::Read(section) => {
                if self.current.as_deref() == Some(section.as_str()) {
                    return self;
                }
                next.current = Some(section);
            }
            Action::ToggleTheme => {
                next.theme = self.theme.other();
                next.theme_chosen = true;
            }
            Action::SystemTheme(theme) => {
                if self.theme_chosen || self.theme == theme {
                    return self;
                }
                next.theme = theme;
            }
            Action::ToggleToc => next.toc_open = !self.toc_open,
            Action::CloseToc => {
                if !self.toc_open {
                    return self;
                }
                next.toc_open = false;
            }
            Action::Type(text) => {
                next.results = !text.trim().is_empty();
                if !next.results {
                    next.route.query.clear();
                }
                next.query = text;
                next.active = 0;
            }
            Action::Select(active) => next.active = active,
            Action::Topics(topics) => {
                if topics == self.topics {
                    return self;
                }
                next.route.topics = topics.clone();
                next.topics = topics;
            }
            Action::CloseSearch => {
                next.query.clear();
                next.route.query.clear();
                next.results = false;
                next.active = 0;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn navigating_sets_the_current_section_and_closes_the_drawer() {
        let mut state = State::new(Route::default(), Theme::Light, false);
        state.toc_open = true;
        let route = Route::section("a", "b");
        let state = reduce(state, Action::Navigate(route.clone()));
        assert_eq!(state.route, route);
        assert_eq!(state.current.as_deref(), Some("b"));
        assert!(!state.toc_open);
        assert_eq!(state.visits, 1);
    }

    #[test]
    fn typing_opens_the_results_over_the_place_being_read() {
        let state = State::new(Route::section("a", "b"), Theme::Light, false);
        let state = reduce(state, Action::Read("c".into()));
        let state = reduce(state, Action::Type("pt".into()));
        assert!(state.results);
        assert_eq!(state.query, "pt");
        assert_eq!(state.route, Route::section("a", "b"));
        let state = reduce(state, Action::Select(2));
        let state = reduce(state, Action::Type("ptc".into()));
        assert_eq!(state.active, 0, "a new query starts at the first result");
        let state = reduce(state, Action::Type("  ".into()));
        assert!(!state.results, "a blank query shows the text again");
        assert_eq!(state.current.as_deref(), Some("c"));
    }

    #[test]
    fn the_results_route_keeps_the_place_and_a_cold_start_reads_the_first_document() {
        let state = State::new(Route::search("ptcl"), Theme::Light, false);
        assert!(state.results);
        assert_eq!(state.query, "ptcl");
        assert_eq!(state.route, Route::default());
        let state = State::new(Route::section("a", "b"), Theme::Light, false);
        let state = reduce(state, Action::Navigate(Route::search("x")));
        assert_eq!((state.results, state.visits), (true, 0));
        assert_eq!(state.route, Route::section("a", "b"));
        let empty = reduce(state, Action::Navigate(Route::search("")));
        assert!(!empty.results);
    }

    #[test]
    fn opening_a_result_moves_and_coming_back_to_the_covered_place_does_not() {
        let state = State::new(Route::section("a", "b"), Theme::Light, false);
        let state = reduce(state, Action::Navigate(Route::search("ptcl")));
        let opened = Route::section("a", "ptcl").with_query("ptcl");
        let state = reduce(state, Action::Navigate(opened.clone()));
        assert_eq!((state.results, state.visits), (false, 1));
        assert_eq!(state.route, opened);
        assert_eq!(state.query, "ptcl");
        // Back to the results, then back to the place under them.
        let state = reduce(state, Action::Navigate(Route::search("ptcl")));
        assert!(state.results);
        let state = reduce(state, Action::Navigate(opened.clone()));
        assert_eq!((state.results, state.visits), (false, 1));
        // Another place is a move.
        let state = reduce(state, Action::Navigate(Route::search("ptcl")));
        let state = reduce(state, Action::Navigate(Route::section("a", "z")));
        assert_eq!(state.visits, 2);
    }

    #[test]
    fn closing_the_search_clears_query_and_highlights() {
        let route = Route::section("a", "b").with_query("ptcl");
        let state = State::new(route, Theme::Light, false);
        assert_eq!((state.query.as_str(), state.results), ("ptcl", false));
        let state = reduce(state, Action::CloseSearch);
        assert_eq!(state.query, "");
        assert_eq!(state.route, Route::section("a", "b"));
        assert_eq!(state.visits, 0, "closing does not move");
    }

    #[test]
    fn topics_come_with_the_address_and_stepping_through_them_does_not_move() {
        let ids = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let start = Route::section("a", "b").with_topics(&ids(&["ptcl"]));
        let state = State::new(start.clone(), Theme::Light, false);
        assert_eq!(state.topics, ["ptcl"]);
        let state = reduce(state, Action::Topics(ids(&["ptcl", "islamabad"])));
        assert_eq!(state.topics, ["ptcl", "islamabad"]);
        assert_eq!(state.visits, 0);
        // Back to the entry before the toggle: the filter follows, the place stays.
        let state = reduce(state, Action::Navigate(start.clone()));
        assert_eq!(
            (state.topics.as_slice(), state.visits),
            (&ids(&["ptcl"])[..], 0)
        );
        // Following a link moves and keeps the topics the link carries.
        let other = Route::section("a", "c").with_topics(&ids(&["ptcl"]));
        let state = reduce(state, Action::Navigate(other));
        assert_eq!((state.topics.len(), state.visits), (1, 1));
        // The results carry the filter too, and leave the place as it is.
        let list = Route::search("x").with_topics(&ids(&["zardari"]));
        let state = reduce(state, Action::Navigate(list));
        assert_eq!(state.topics, ["zardari"]);
        assert_eq!(state.route.section.as_deref(), Some("c"));
        let state = reduce(state, Action::Topics(vec![]));
        assert!(state.topics.is_empty());
    }

    #[test]
    fn a_chosen_theme_ignores_the_system() {
        let state = State::new(Route::default(), Theme::Light, false);
        let state = reduce(state, Action::SystemTheme(Theme::Dark));
        assert_eq!(state.theme, Theme::Dark);
        let state = reduce(state, Action::ToggleTheme);
        assert_eq!((state.theme, state.theme_chosen), (Theme::Light, true));
        let state = reduce(state, Action::SystemTheme(Theme::Dark));
        assert_eq!(state.theme, Theme::Light);
    }

    #[test]
    fn theme_names_round_trip() {
        for theme in [Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(theme.as_str()), Some(theme));
        }
        assert_eq!(Theme::parse("sepia"), None);
    }
}
