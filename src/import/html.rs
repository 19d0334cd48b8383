//! The readable text of a saved web page: the article of a news summary without its scripts,
//! styles, menus, headers and footers. Block elements end a line; entities are decoded.

/// Elements whose content is never the article.
const SKIPPED: [&str; 9] = [
    "script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg",
];

const BLOCKS: [&str; 18] = [
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "blockquote",
    "ul",
];

pub fn text(html: &str) -> String {
    // Prefer the <article> element when the page has one: it holds the story only.
    let body = article(html).unwrap_or(html);
    let mut out = String::with_capacity(body.len() / 2);
    let mut skip_depth: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        if skip_depth.is_empty() {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
            if closing {
                if skip_depth.last() == Some(&name) {
                    skip_depth.pop();
                }
            } else {
                skip_depth.push(name.clone());
            }
            continue;
        }
        if skip_depth.is_empty() && BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    if skip_depth.is_empty() {
        out.push_str(&decode_entities(rest));
    }
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn article(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    let start = lower.find("<article")?;
    let end = lower[start..].find("</article>")? + start;
    Some(&html[start..end])
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&after[..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_drops_scripts_and_menus() {
        let page = "<html><head><script>var x = '<p>no</p>';</script></head><body>\
            <nav><a>Trang chủ</a></nav><article><h1>Hà Nội ban hành kế hoạch</h1>\
            <p>100% tố giác &amp; tin báo&nbsp;được xử lý.</p><!-- ad --></article>\
            <footer>Bản quyền</footer></body></html>";
        let t = text(page);
        let lines: Vec<&str> = t.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Hà Nội ban hành kế hoạch",
                "100% tố giác & tin báo được xử lý."
            ]
        );
    }
}
