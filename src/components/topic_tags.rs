//! The tags under a section's heading: its strongest topics, each a button that turns that
//! topic's filter on or off.

use yew::prelude::*;

use crate::topics::{Filter, Spot};

/// The tags of section `spot`, or nothing when it has no topics.
pub fn topic_tags(filter: &Filter, spot: Spot, on_toggle: &Callback<String>) -> Html {
    let Some(tags) = filter.tags.get(&spot).filter(|t| !t.is_empty()) else {
        return Html::default();
    };
    let items = tags.iter().map(|&i| {
        let topic = &filter.topics.topics[i];
        let on = filter.active.contains(&i);
        let id = topic.id.clone();
        let onclick = on_toggle.reform(move |_: MouseEvent| id.clone());
        html! {
            <button
                type="button"
                class="topic-tag"
                data-topic={topic.id.clone()}
                aria-pressed={if on { "true" } else { "false" }}
                title={format!("{}: show the sections about it", topic.group.label())}
                {onclick}
            >
                { topic.name.clone() }
            </button>
        }
    });
    html! {
        <div class="topic-tags" role="group" aria-label="Topics of this section">{ for items }</div>
    }
}
