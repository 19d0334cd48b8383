//! A per-thread memory of rendered text: the same message or help text, rendered with the
//! same settings, is looked up rather than wrapped again by miette and textwrap.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Appends to `out` what `render` gives for `text` under `scope` (the settings the rendering
/// depends on), rendering it only the first time on this thread.
pub fn remembered(scope: &str, text: &str, out: &mut String, render: impl FnOnce() -> String) {
    // Bounded: a run over many files with distinct texts cannot grow it without limit.
    const MAX_TEXTS: usize = 4096;
    type Scopes = Vec<(String, HashMap<String, Rc<str>>)>;
    thread_local! {
        static SCOPES: RefCell<Scopes> = const { RefCell::new(Vec::new()) };
    }
    SCOPES.with(|cell| {
        let mut scopes = cell.borrow_mut();
        let at = match scopes.iter().position(|(s, _)| s == scope) {
            Some(at) => at,
            None => {
                scopes.push((scope.to_string(), HashMap::new()));
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
        if texts.len() >= MAX_TEXTS {
            texts.clear();
        }
        texts.insert(text.to_string(), rendered);
    });
}
