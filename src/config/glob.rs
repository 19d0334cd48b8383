//! The path patterns of `exclude = [...]`: `*` and `?` within a path segment, `**` for any
//! number of segments. A pattern without `/` matches a file or directory name at any depth
//! (`drafts`, `*.draft.yaml`); one with `/` matches the whole path from the directory holding
//! kehoach.toml (`plans/archive/**`). A matched directory is skipped with everything in it.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glob {
    segments: Vec<String>,
    anchored: bool,
}

impl Glob {
    /// `None` for a pattern that can match nothing (empty, or only slashes).
    pub fn new(pattern: &str) -> Option<Glob> {
        let p = pattern.trim().trim_end_matches('/');
        let anchored = p.contains('/');
        let segments: Vec<String> = p
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .map(str::to_string)
            .collect();
        (!segments.is_empty()).then_some(Glob { segments, anchored })
    }

    /// Whether `relative` (segments separated by `/`, from the configuration's directory)
    /// is excluded.
    pub fn matches(&self, relative: &str) -> bool {
        let path: Vec<&str> = relative.split('/').filter(|s| !s.is_empty()).collect();
        if self.anchored {
            let pattern: Vec<&str> = self.segments.iter().map(String::as_str).collect();
            match_segments(&pattern, &path)
        } else {
            path.last()
                .is_some_and(|name| match_segment(&self.segments[0], name))
        }
    }
}

fn match_segments(pattern: &[&str], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => (0..=path.len()).any(|skip| match_segments(rest, &path[skip..])),
        Some((first, rest)) => path
            .split_first()
            .is_some_and(|(name, tail)| match_segment(first, name) && match_segments(rest, tail)),
    }
}

/// `*` any run of characters, `?` one character, anything else itself.
fn match_segment(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    // Iterative wildcard matching with one backtrack point: linear in practice.
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) && p[pi] != '*' {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn m(pattern: &str, path: &str) -> bool {
        Glob::new(pattern).unwrap().matches(path)
    }

    #[test]
    fn names_match_at_any_depth() {
        assert!(m("drafts", "drafts"));
        assert!(m("drafts", "plans/drafts"));
        assert!(m("*.draft.yaml", "plans/nghe-an.draft.yaml"));
        assert!(!m("*.draft.yaml", "plans/nghe-an.yaml"));
        assert!(m("nghe-an-202?.yaml", "plans/nghe-an-2024.yaml"));
        assert!(!m("drafts", "plans/drafts-old"));
    }

    #[test]
    fn paths_match_from_the_configuration_directory() {
        assert!(m("plans/archive/**", "plans/archive"));
        assert!(m("plans/archive/**", "plans/archive/2019/x.yaml"));
        assert!(!m("plans/archive/**", "old/plans/archive/x.yaml"));
        assert!(m("**/archive", "a/b/archive"));
        assert!(m("/plans/*.yaml", "plans/x.yaml"));
        assert!(!m("plans/*.yaml", "plans/sub/x.yaml"));
        assert!(m("plans/**/*.yaml", "plans/sub/deeper/x.yaml"));
        assert!(m("plans/**/*.yaml", "plans/x.yaml"));
    }

    #[test]
    fn wildcards_within_a_segment() {
        assert!(m("a*b*c", "aXbYc"));
        assert!(m("a*b*c", "abc"));
        assert!(!m("a*b*c", "acb"));
        assert!(m("*", "anything"));
        assert!(m("đề-án-*", "đề-án-2024"));
    }

    #[test]
    fn empty_patterns_are_refused() {
        assert_eq!(Glob::new(""), None);
        assert_eq!(Glob::new("/"), None);
    }
}
