//! `--help` in the reader's language. The language is decided before the command line is parsed
//! (the same decision as for messages: `--lang`, then `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`,
//! `LANG`), and the clap command is rewritten from [`VI`]: about texts by command, help texts by
//! command and argument id. A test walks every command and argument and fails when one has no
//! Vietnamese text, so a new flag cannot ship with English-only help.

use crate::i18n::Lang;
use clap::Command;

/// Vietnamese help, keyed `command` (its about), `command+long` (its long about), `command.arg`
/// (an argument of that command), `*.arg` (a global argument) and `command.arg=value` (one
/// possible value). `kehoach` is the top-level command.
pub const VI: &[(&str, &str)] = &[
    (
        "kehoach",
        "Biên dịch và kiểm tra kế hoạch phòng, chống mại dâm",
    ),
    (
        "kehoach+long",
        "kehoach đọc một kế hoạch viết bằng YAML (docs/plan-format.md), đối chiếu với chương trình quốc gia mà \
kế hoạch thực hiện (Quyết định 1629/QĐ-TTg, có sẵn trong chương trình) và chỉ ra chỗ chưa đạt: chỉ tiêu thấp hơn \
mức tối thiểu, thiếu chỉ tiêu hoặc cơ quan, tên không nhận ra, chỉ tiêu không thể đạt.\n\n\
Thông báo bằng tiếng Việt hoặc tiếng Anh (--lang; mặc định theo LANGUAGE / LC_ALL / LC_MESSAGES / LANG).\n\
Mã thoát: 0 không có lỗi, 1 có ít nhất một lỗi, 2 dùng sai lệnh hoặc không đọc được tệp.",
    ),
    (
        "*.lang",
        "Ngôn ngữ của thông báo [mặc định: vi với ngôn ngữ máy vi_*, còn lại en]",
    ),
    ("*.lang=vi", "Tiếng Việt"),
    ("*.lang=en", "Tiếng Anh"),
    (
        "*.color",
        "Khi nào tô màu; biến môi trường NO_COLOR cũng tắt màu",
    ),
    (
        "*.programme",
        "Tệp chương trình dùng để đối chiếu thay cho 1629/QĐ-TTg có sẵn",
    ),
    (
        "*.config",
        "Tệp thiết lập [mặc định: kehoach.toml gần nhất ở thư mục này hoặc thư mục cha]",
    ),
    (
        "check",
        "Kiểm tra kế hoạch: tệp, thư mục (tìm *.yaml, *.yml) hoặc - cho đầu vào chuẩn",
    ),
    (
        "check.paths",
        "Tệp kế hoạch, thư mục, hoặc - cho đầu vào chuẩn",
    ),
    ("check.format", "Định dạng kết quả"),
    ("check.format=human", "khung mã nguồn, cho người đọc"),
    (
        "check.format=json",
        "một tài liệu JSON trên stdout, cho máy",
    ),
    (
        "check.format=sarif",
        "SARIF 2.1.0 trên stdout (GitHub code scanning và các trình xem khác)",
    ),
    (
        "check.format=github",
        "chú thích GitHub Actions (workflow commands) trên stdout",
    ),
    (
        "check.quiet",
        "Chỉ in các phát hiện, không in dòng tổng kết",
    ),
    (
        "check.jobs",
        "Số tệp kiểm tra cùng lúc [mặc định: số nhân CPU]",
    ),
    (
        "check.cache",
        "Lưu kết quả của từng tệp và dùng lại khi tệp đó và các kế hoạch nó dẫn chiếu không đổi",
    ),
    ("check.cache_dir", "Nơi --cache lưu kết quả"),
    (
        "import",
        "Đọc một văn bản kế hoạch (.docx, .html, .md, .txt; cả mã TCVN3, VNI) và viết thành tệp kế hoạch YAML",
    ),
    ("import.file", "Văn bản cần đọc (.docx, .html, .md, .txt)"),
    (
        "import.check",
        "Kiểm tra ngay kế hoạch vừa đọc (như kehoach check)",
    ),
    (
        "import.quiet",
        "Không in bản tóm tắt những gì đã đọc ra đầu ra lỗi chuẩn",
    ),
    (
        "compare.format=csv-long",
        "CSV dạng dài: mỗi dòng một kế hoạch × chỉ tiêu × cấp, số ghi bằng số",
    ),
    (
        "compare.bom",
        "Thêm dấu BOM UTF-8 vào đầu tệp CSV để Excel hiển thị đúng tiếng Việt",
    ),
    (
        "render.format=docx",
        "văn bản Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP; cần -o TỆP",
    ),
    (
        "check.select",
        "Chỉ báo các quy tắc này (mã quy tắc, cách nhau bằng dấu phẩy; dùng được nhiều lần)",
    ),
    (
        "check.ignore",
        "Không báo các quy tắc này (mã quy tắc, cách nhau bằng dấu phẩy; dùng được nhiều lần)",
    ),
    (
        "check.exit_zero",
        "Thoát với mã 0 cả khi có lỗi (đầu vào không đọc được vẫn thoát với mã 2)",
    ),
    (
        "check.strict",
        "Coi cảnh báo cũng là thất bại (thoát với mã 1)",
    ),
    (
        "check.statistics",
        "Đếm số vấn đề theo từng quy tắc thay cho in từng vấn đề (định dạng human và json)",
    ),
    (
        "check.fix",
        "Sửa ngay trong tệp các giá trị chỉ có một cách sửa an toàn: tên chuẩn của cơ quan, cơ quan kế nhiệm của cơ quan đã thay đổi, `ref` viết sai có đúng một chỉ tiêu gần giống",
    ),
    (
        "check.diff",
        "Xem trước các thay đổi của --fix dưới dạng diff, không ghi tệp (mã thoát 1 nếu có thay đổi)",
    ),
    (
        "check.output",
        "Ghi vào TỆP thay cho đầu ra chuẩn (không ghi đè tệp đã có nếu không có --force)",
    ),
    ("check.force", "Thay thế TỆP nếu đã có"),
    (
        "diff",
        "So kế hoạch với chương trình quốc gia, hoặc so hai phiên bản của một kế hoạch",
    ),
    ("diff.plans", "KẾ_HOẠCH, hoặc BẢN_CŨ BẢN_MỚI"),
    (
        "diff.previous",
        "So KẾ_HOẠCH với kế hoạch năm trước ghi ở `plan.previous` (tính từ thư mục của KẾ_HOẠCH)",
    ),
    ("*.format=table", "bảng cho cửa sổ dòng lệnh"),
    ("*.format=md", "Markdown"),
    ("*.format=json", "JSON"),
    ("*.format=csv", "CSV (RFC 4180)"),
    ("*.format=html", "một trang HTML trọn vẹn"),
    ("diff.format", "Định dạng kết quả"),
    (
        "summary",
        "Tóm tắt kế hoạch trong một màn hình: thông tin chung, phát hiện, chỉ tiêu, cơ quan",
    ),
    ("summary.plan", "Kế hoạch"),
    ("summary.format", "Định dạng kết quả"),
    (
        "compare",
        "Một bảng cho nhiều kế hoạch: chỉ tiêu quốc gia và cơ quan theo tỉnh và thời kỳ",
    ),
    (
        "compare.paths",
        "Tệp kế hoạch, hoặc thư mục (tìm *.yaml và *.yml)",
    ),
    ("compare.format", "Định dạng kết quả"),
    (
        "*.output",
        "Ghi vào TỆP thay cho đầu ra chuẩn (không ghi đè tệp đã có nếu thiếu --force)",
    ),
    ("*.force", "Ghi đè TỆP nếu đã có"),
    (
        "render",
        "Trình bày kế hoạch thành văn bản hành chính tiếng Việt (Markdown, HTML hoặc Word)",
    ),
    ("render.plan", "Kế hoạch"),
    ("render.format", "Định dạng kết quả"),
    (
        "explain",
        "Giải thích một quy tắc: kiểm tra gì, vì sao, ví dụ YAML sai và đúng",
    ),
    (
        "explain.code",
        "Mã quy tắc, như trong các phát hiện (ví dụ weaker-target)",
    ),
    (
        "explain.list",
        "Liệt kê mọi quy tắc với mức mặc định và nội dung kiểm tra",
    ),
    (
        "init",
        "Viết dự thảo kế hoạch cho một tỉnh và một thời kỳ từ chương trình quốc gia",
    ),
    (
        "init.province",
        "Tỉnh, thành phố trực thuộc trung ương (mọi cách viết thông dụng)",
    ),
    (
        "init.period",
        "Một năm (2024) hoặc một giai đoạn (2021-2025)",
    ),
    (
        "init.date",
        "Ngày ban hành, NĂM-THÁNG-NGÀY: ghi vào plan.issued và dùng để chọn các cơ quan đang tồn tại \
[mặc định: không có; dùng ngày đầu thời kỳ]",
    ),
    (
        "init.schema",
        "`$schema` trong phần đầu cho trình soạn thảo [mặc định: kehoach-plan.schema.json, tìm ở \
thư mục của TỆP hoặc thư mục cha]",
    ),
    (
        "schema",
        "Liệt kê các chương trình quốc gia và mã chỉ tiêu; --json-schema cho trình soạn thảo",
    ),
    (
        "schema.json_schema",
        "In JSON Schema của định dạng kế hoạch (cho yaml-language-server; xem docs/editors.md)",
    ),
    (
        "completions",
        "In tập lệnh tự hoàn thành cho shell (bash, zsh, fish, powershell, elvish)",
    ),
    ("completions.shell", "Shell cần tự hoàn thành"),
    (
        "help",
        "In trợ giúp này, hoặc trợ giúp của (các) lệnh đã nêu",
    ),
    ("help.subcommand", "Lệnh cần xem trợ giúp"),
    (
        "*.help",
        "In trợ giúp (-h: bản tóm tắt, --help: bản đầy đủ)",
    ),
    ("*.version", "In phiên bản"),
];

/// Placeholders in usage lines, in Vietnamese.
fn value_name(name: &str) -> &'static str {
    match name {
        "FILE" => "TỆP",
        "NAME" => "TÊN",
        "YEAR|RANGE" => "NĂM|GIAI_ĐOẠN",
        "PLAN" => "KẾ_HOẠCH",
        "PATH" => "ĐƯỜNG_DẪN",
        "DIR" => "THƯ_MỤC",
        "CODE" => "MÃ",
        "PATH|URL" => "ĐƯỜNG_DẪN|URL",
        "YYYY-MM-DD" => "NĂM-THÁNG-NGÀY",
        "LANG" => "NGÔN_NGỮ",
        "COLOR" => "MÀU",
        "FORMAT" => "ĐỊNH_DẠNG",
        "SHELL" => "SHELL",
        "N" => "N",
        // A name added later keeps its English placeholder until it is listed here.
        other => Box::leak(other.to_string().into_boxed_str()),
    }
}

/// Global options that mean nothing to a command: hidden from its help (still accepted).
const UNUSED_GLOBALS: &[(&str, &[&str])] = &[
    ("completions", &["lang", "color", "programme", "config"]),
    ("explain", &["programme", "config"]),
];

/// The language for `--help` and for messages, before clap has parsed anything.
pub fn lang_before_parsing(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().filter_map(|a| a.to_str());
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next(),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        match value {
            Some("vi") => return Lang::Vi,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

/// The command with its global options under their own heading, hidden where they mean
/// nothing, and every text in `lang`.
pub fn localise(cmd: Command, lang: Lang) -> Command {
    let mut cmd = hide_unused_globals(cmd);
    cmd.build();
    let global = lang.pick("Tùy chọn chung", "Global options");
    let globals: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .map(|a| a.get_id().to_string())
        .collect();
    let cmd = with_args(cmd, "kehoach", lang, &globals, global);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.into_iter().fold(cmd, |cmd, name| {
        let globals = globals.clone();
        cmd.mut_subcommand(name.clone(), |sub| {
            with_args(sub, &name, lang, &globals, global)
        })
    })
}

/// clap copies a global option into every subcommand that does not define it: a hidden copy,
/// put there first, keeps it accepted (and still global) but out of that command's help.
fn hide_unused_globals(cmd: Command) -> Command {
    let mut cmd = cmd;
    for (name, ids) in UNUSED_GLOBALS {
        let hidden: Vec<clap::Arg> = cmd
            .get_arguments()
            .filter(|a| ids.contains(&a.get_id().as_str()))
            .map(|a| a.clone().hide(true))
            .collect();
        cmd = cmd.mut_subcommand(*name, |sub| sub.args(hidden));
    }
    cmd
}

fn lookup(key: &str) -> Option<&'static str> {
    VI.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The Vietnamese for an argument of `command`: its own, else the global one.
fn arg_text(command: &str, id: &str, suffix: &str) -> Option<&'static str> {
    lookup(&format!("{command}.{id}{suffix}")).or_else(|| lookup(&format!("*.{id}{suffix}")))
}

fn with_args(
    cmd: Command,
    name: &str,
    lang: Lang,
    globals: &[String],
    global: &'static str,
) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd;
    for id in ids {
        let is_global = globals.contains(&id);
        cmd = cmd.mut_arg(&id, |a| match (lang, is_global) {
            (Lang::En, true) => a.help_heading(global),
            (Lang::En, false) => a,
            (Lang::Vi, true) => vi_arg(a, name).help_heading(global),
            (Lang::Vi, false) if a.is_positional() => vi_arg(a, name).help_heading("Đối số"),
            (Lang::Vi, false) => vi_arg(a, name).help_heading("Tùy chọn"),
        });
    }
    match lang {
        Lang::En => cmd,
        Lang::Vi => vi_command(cmd, name),
    }
}

/// clap's usage line with its English placeholders in Vietnamese.
fn usage_vi(cmd: &Command) -> String {
    let usage = cmd.clone().render_usage().to_string();
    usage
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", "[TÙY_CHỌN]")
        .replace("<COMMAND>", "<LỆNH>")
}

fn vi_command(cmd: Command, name: &str) -> Command {
    let usage = usage_vi(&cmd);
    let mut cmd = cmd
        .help_template(
            "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
        )
        .override_usage(usage)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .next_help_heading("Tùy chọn");
    if let Some(about) = lookup(name) {
        cmd = cmd.about(about);
    }
    if let Some(long) = lookup(&format!("{name}+long")) {
        cmd = cmd.long_about(long);
    } else if cmd.get_long_about().is_some() {
        cmd = cmd.long_about(None::<&str>);
    }
    if name == "kehoach" {
        let help = lookup("help").unwrap_or_default();
        cmd = cmd.mut_subcommand("help", |h| {
            h.about(help).help_template(
                "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
            )
        });
    }
    cmd
}

fn vi_arg(a: clap::Arg, command: &str) -> clap::Arg {
    let id = a.get_id().to_string();
    let mut help = arg_text(command, &id, "").unwrap_or_default().to_string();
    let mut long = help.clone();
    let values: Vec<_> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let takes_value = a.get_num_args().is_some_and(|n| n.takes_values());
    if takes_value && !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        help.push_str(&format!(" [giá trị: {}]", names.join(", ")));
        for v in &values {
            let said = arg_text(command, &id, &format!("={}", v.get_name()));
            if let Some(said) = said {
                long.push_str(&format!("\n  - {}: {said}", v.get_name()));
            }
        }
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() {
        let d = format!(" [mặc định: {}]", defaults.join(", "));
        help.push_str(&d);
        long.push_str(&format!("\n[mặc định: {}]", defaults.join(", ")));
    }
    let names: Option<Vec<&'static str>> = a
        .get_value_names()
        .map(|names| names.iter().map(|n| value_name(n.as_str())).collect());
    let a = match names {
        Some(names) => a.value_names(names),
        None => a,
    };
    a.hide_possible_values(true)
        .hide_default_value(true)
        .help(help)
        .long_help(long)
}

/// Every command, argument and possible value without Vietnamese help: `command.arg` keys.
#[cfg(test)]
pub fn untranslated(cmd: Command) -> Vec<String> {
    let mut cmd = cmd;
    cmd.build();
    let mut missing = Vec::new();
    collect_untranslated(&cmd, "kehoach", &mut missing);
    for sub in cmd.get_subcommands() {
        collect_untranslated(sub, sub.get_name(), &mut missing);
    }
    missing
}

#[cfg(test)]
fn collect_untranslated(cmd: &Command, name: &str, missing: &mut Vec<String>) {
    if lookup(name).is_none() {
        missing.push(name.to_string());
    }
    for a in cmd.get_arguments() {
        let id = a.get_id().to_string();
        if arg_text(name, &id, "").is_none() {
            missing.push(format!("{name}.{id}"));
        }
        for v in a.get_possible_values() {
            let suffix = format!("={}", v.get_name());
            if v.get_help().is_some() && arg_text(name, &id, &suffix).is_none() {
                missing.push(format!("{name}.{id}{suffix}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn every_command_argument_and_value_has_vietnamese_help() {
        let missing = untranslated(super::super::Cli::command());
        assert!(
            missing.is_empty(),
            "add these keys to src/cli/help.rs VI: {missing:?}"
        );
    }

    #[test]
    fn the_language_comes_from_the_command_line_first() {
        let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_before_parsing(&args(&["kehoach", "--lang", "vi", "-h"])),
            Lang::Vi
        );
        assert_eq!(
            lang_before_parsing(&args(&["kehoach", "--lang=en", "-h"])),
            Lang::En
        );
    }
}
