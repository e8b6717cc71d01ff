//! The topic panel: the corpus's topics by group as toggle buttons with their counts, the
//! active ones as removable chips, a field that filters the list, and a line saying how
//! several topics combine.

use std::rc::Rc;

use folio_core::topics::Topics;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::class_list;
use crate::dom;
use crate::topics::shelves;

/// Each group shows this many topics (and the active ones) until the reader asks for more.
pub const SHOWN: usize = 6;

/// With more topics than this the panel offers a field to filter them by name.
pub const FILTER_FROM: usize = 12;

#[derive(Properties, PartialEq)]
pub struct TopicPanelProps {
    pub topics: Rc<Topics>,
    /// Indices of the active topics, in the order chosen.
    pub active: Rc<Vec<usize>>,
    /// The count shown beside each topic, by topic index.
    pub counts: Rc<Vec<u32>>,
    /// Turns a topic (by id) on or off.
    #[prop_or_default]
    pub on_toggle: Callback<String>,
    /// Turns every topic off.
    #[prop_or_default]
    pub on_clear: Callback<()>,
}

#[component]
pub fn TopicPanel(props: &TopicPanelProps) -> Html {
    let filter = use_state(String::new);
    // The labels of the groups shown whole (a few at most).
    let opened = use_state(Vec::<String>::new);
    let topics = &props.topics.topics;
    if topics.is_empty() {
        return Html::default();
    }
    let active = &props.active;
    // One listener for every topic button and chip (they carry `data-topic`), so that the
    // many buttons need no listener of their own when the counts change.
    let on_click = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: MouseEvent| {
            let Some(button) = dom::event_closest(&event, "button[data-topic]") else {
                return;
            };
            let Some(id) = button.get_attribute("data-topic") else {
                return;
            };
            // A removed chip takes the focus with it: it goes to the topic's button in the
            // list, or else to the first chip left, or the filter field.
            let panel = button
                .matches(".topic-chip")
                .unwrap_or(false)
                .then(|| button.closest(".topics").ok().flatten())
                .flatten();
            on_toggle.emit(id.clone());
            if let Some(panel) = panel {
                dom::after_paint(move || {
                    let next = [
                        format!(".topic-list button[data-topic=\"{id}\"]"),
                        ".topic-chip".to_string(),
                        ".topics-filter".to_string(),
                    ]
                    .iter()
                    .find_map(|selector| panel.query_selector(selector).ok().flatten());
                    if let Some(next) = next {
                        dom::focus_quietly(&next);
                    }
                });
            }
        })
    };

    let chips = active.iter().map(|&i| {
        let topic = &topics[i];
        html! {
            <li>
                <button
                    type="button"
                    class="topic-chip"
                    data-topic={topic.id.clone()}
                    aria-label={format!("Remove topic {}", topic.name)}
                >
                    <span class="topic-chip-group">{ topic.group.label().to_string() }</span>
                    { topic.name.clone() }
                    <span class="topic-chip-x" aria-hidden="true">{ "×" }</span>
                </button>
            </li>
        }
    });

    let filtering = !filter.trim().is_empty();
    let shelves = shelves(&props.topics, &props.counts, &filter);
    let groups = shelves.iter().map(|shelf| {
        let open = filtering || opened.contains(&shelf.label);
        let hidden = if open {
            0
        } else {
            shelf.topics.len().saturating_sub(SHOWN)
        };
        let items = shelf
            .topics
            .iter()
            .enumerate()
            .filter(|&(rank, &(i, _))| open || rank < SHOWN || active.contains(&i))
            .map(|(_, &(i, count))| {
                let topic = &topics[i];
                let on = active.contains(&i);
                html! {
                    <li>
                        <button
                            type="button"
                            class={class_list("topic", &[(count == 0).then_some("empty")])}
                            data-topic={topic.id.clone()}
                            aria-pressed={if on { "true" } else { "false" }}
                            title={topic.description.clone()}
                        >
                            <span class="topic-name">{ topic.name.clone() }</span>
                            <span class="topic-count">{ count }</span>
                        </button>
                    </li>
                }
            });
        let more = (!filtering && shelf.topics.len() > SHOWN).then(|| {
            let label = shelf.label.clone();
            let opened = opened.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                let mut next = (*opened).clone();
                match next.iter().position(|l| *l == label) {
                    Some(at) => {
                        next.remove(at);
                    }
                    None => next.push(label.clone()),
                }
                opened.set(next);
            });
            let text = if open {
                "Show fewer".to_string()
            } else {
                format!("Show {hidden} more")
            };
            html! {
                <button type="button" class="topics-more" aria-expanded={open.to_string()} {onclick}>
                    { text }
                </button>
            }
        });
        html! {
            <div class="topic-group" data-group={shelf.label.clone()}>
                <h3 class="topic-group-label">{ shelf.label.clone() }</h3>
                <ul class="topic-list">{ for items }</ul>
                { more }
            </div>
        }
    });

    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());

    html! {
        <section class="topics" role="group" aria-label="Topics" onclick={on_click}>
            <div class="topics-head">
                <h2 class="topics-title">{ "Topics" }</h2>
                if !active.is_empty() {
                    <button type="button" class="topics-clear" onclick={on_clear}>{ "Clear all" }</button>
                }
            </div>
            <p class="topics-help">
                { "Pick several: any of them within a group, all groups at once." }
            </p>
            if !active.is_empty() {
                <ul class="topic-chips" aria-label="Active topics">{ for chips }</ul>
            }
            if topics.len() > FILTER_FROM {
                <input
                    type="search"
                    class="topics-filter"
                    aria-label="Filter topics"
                    placeholder="Filter topics"
                    autocomplete="off"
                    value={(*filter).clone()}
                    oninput={on_filter}
                />
            }
            // The groups in an element of their own: children are matched from the end, so a
            // list that grows or shrinks among its siblings would rebuild them, and the filter
            // field would lose focus as the reader types.
            <div class="topic-groups">{ for groups }</div>
            if filtering && shelves.is_empty() {
                <p class="topics-none">{ format!("No topic is called “{}”.", filter.trim()) }</p>
            }
        </section>
    }
}
