//! Entry point: renders the folio app into the page body.

fn main() {
    yew::Renderer::<folio_app::App>::new().render();
}
