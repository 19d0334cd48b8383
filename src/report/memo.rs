//! A per-thread memory of rendered text: the same message or help text, rendered with the
//! same settings, is looked up rather than wrapped again by miette and textwrap.

use crate::recall::Recall;
use std::cell::RefCell;
use std::rc::Rc;

/// Appends to `out` what `render` gives for `text` under `scope` (the settings the rendering
/// depends on), rendering it only the first time on this thread.
pub fn remembered(scope: &str, text: &str, out: &mut String, render: impl FnOnce() -> String) {
    type Scopes = Vec<(String, Recall<Rc<str>>)>;
    thread_local! {
        static SCOPES: RefCell<Scopes> = const { RefCell::new(Vec::new()) };
    }
    SCOPES.with(|cell| {
        let mut scopes = cell.borrow_mut();
        let at = match scopes.iter().position(|(s, _)| s == scope) {
            Some(at) => at,
            None => {
                scopes.push((scope.to_string(), Recall::default()));
                scopes.len() - 1
            }
        };
        let texts = &mut scopes[at].1;
        if let Some(rendered) = texts.get(text) {
            out.push_str(rendered);
            return;
        }
        let rendered: Rc<str> = render().into();
        out.push_str(&rendered);
        texts.keep(text, rendered);
    });
}
