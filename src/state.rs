//! The app's state: where the reader is, what they are reading, the theme and the drawer.
//! Changed only through [`Action`]s, as a Yew [`Reducible`].

use std::rc::Rc;

use yew::Reducible;

use crate::app::Route;

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
    /// The place the address asked for.
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
}

impl State {
    pub fn new(route: Route, theme: Theme, theme_chosen: bool) -> Self {
        State {
            current: route.section.clone(),
            route,
            visits: 0,
            theme,
            theme_chosen,
            toc_open: false,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                next.current = route.section.clone();
                next.route = route;
                next.visits = self.visits.wrapping_add(1);
                next.toc_open = false;
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
