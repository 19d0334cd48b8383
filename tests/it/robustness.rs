//! Robustness as classes (issue 11): no command panics on a full or closed stdout, no file
//! blocks kehoach, `--force` replaces only an ordinary file that is not an input, and every
//! input has a budget. Every run here has a deadline, so a regression fails instead of hanging.

use crate::common;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// What a run must never take: far more than any of these needs, far less than a hang.
const DEADLINE: Duration = Duration::from_secs(20);

/// `kehoach` with the tests' clean environment, as a std `Command` (for custom stdio).
fn kehoach(args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("kehoach"));
    cmd.current_dir(common::root())
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// Runs to the end or fails the test at the deadline (killing the child).
fn finish(mut cmd: Command, what: &str) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = cmd.stderr(Stdio::piped()).spawn().expect("spawns");
    // Drain stderr (and stdout when piped) on threads so a chatty child cannot block on a full
    // pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let err = drain(Some(Box::new(child.stderr.take().expect("piped"))));
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            let out = Output {
                status,
                stdout: out.join().expect("reader"),
                stderr: err.join().expect("reader"),
            };
            return (out, start.elapsed());
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {DEADLINE:?} (blocked?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `check`'s report (stdout) and the messages about the run (stderr), as a person sees them.
fn both(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every command that writes to stdout, with arguments that make it write.
fn writing_commands() -> Vec<Vec<&'static str>> {
    let plan = "plans/nghe-an-2024.yaml";
    let mut v: Vec<Vec<&str>> = vec![
        vec!["schema"],
        vec!["schema", "--json-schema"],
        vec!["explain", "weaker-target"],
        vec!["explain", "--list"],
        vec!["--help"],
        vec!["--version"],
        vec!["check", "--help"],
        vec!["check", "-f", "json", "plans"],
        vec!["check", "-f", "sarif", "plans"],
        vec!["check", "-f", "github", "plans"],
        vec!["render", plan],
        vec!["render", "-f", "html", plan],
        vec!["summary", plan],
        vec!["summary", "-f", "json", plan],
        vec!["diff", plan],
        vec!["diff", "-f", "md", "plans/ha-noi-2024.yaml", plan],
        vec!["init", "--province", "Nghệ An", "--period", "2026"],
    ];
    for f in ["table", "md", "csv", "json", "html"] {
        v.push(vec!["compare", "-f", f, "plans"]);
    }
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        v.push(vec!["completions", shell]);
    }
    v
}

#[test]
fn a_full_stdout_is_a_message_and_status_2_for_every_command() {
    if !Path::new("/dev/full").exists() {
        eprintln!("no /dev/full here: skipped");
        return;
    }
    // Both languages, alternately: the message is the same path's either way.
    for (i, args) in writing_commands().into_iter().enumerate() {
        let lang = ["vi", "en"][i % 2];
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut cmd = kehoach(&["--lang", lang]);
        if args[0].starts_with("--") {
            cmd = kehoach(&[]);
        }
        cmd.args(&args).stdout(full);
        let (out, _) = finish(cmd, &args.join(" "));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?} {lang}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output")
                || err.contains("không ghi được ra đầu ra chuẩn"),
            "{args:?} {lang}: the failure is said: {err}"
        );
    }
}

#[test]
fn a_closed_stdout_ends_quietly_for_every_command() {
    for args in writing_commands() {
        let mut cmd = kehoach(&args);
        cmd.stdout(Stdio::piped());
        let start = Instant::now();
        let mut child = cmd.stderr(Stdio::piped()).spawn().expect("spawns");
        // The reader goes away before the first byte is written.
        drop(child.stdout.take());
        while child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < DEADLINE, "{args:?}: blocked");
            std::thread::sleep(Duration::from_millis(10));
        }
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_ne!(out.status.code(), Some(101), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            !err.contains("standard output"),
            "{args:?}: a closed pipe is the reader's choice, not an error: {err}"
        );
        // `check` did not finish its verdict; every other command ends as if it had written.
        let expected = if args[0] == "check" && args[1] != "--help" {
            2
        } else if args[0] == "diff" && args.len() == 5 {
            1
        } else {
            0
        };
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {err}");
    }
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// A directory with a good plan, a FIFO `pipe.yaml`, and a plan whose `parent:` and
/// `previous:` name the FIFO.
fn fifo_dir() -> Option<tempfile::TempDir> {
    let dir = tempfile::tempdir().unwrap();
    if !mkfifo(&dir.path().join("pipe.yaml")) {
        eprintln!("mkfifo unavailable: skipped");
        return None;
    }
    let plan = fs::read_to_string(common::root().join("plans/nghe-an-2024.yaml")).unwrap();
    fs::write(dir.path().join("good.yaml"), &plan).unwrap();
    let child = plan.replacen(
        "  period: 2024\n",
        "  period: 2024\n  parent: pipe.yaml\n  previous: pipe.yaml\n",
        1,
    );
    assert_ne!(child, plan);
    fs::write(dir.path().join("child.yaml"), child).unwrap();
    Some(dir)
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = kehoach(&["--lang", "en"]);
    cmd.args(args).current_dir(dir).stdout(Stdio::piped());
    let (out, took) = finish(cmd, &args.join(" "));
    assert!(
        took < Duration::from_secs(10),
        "{args:?} took {took:?}: {}",
        stderr(&out)
    );
    out
}

#[test]
fn a_fifo_named_anywhere_is_an_error_not_a_hang() {
    let Some(dir) = fifo_dir() else { return };
    let d = dir.path();
    let not_regular = "is a named pipe (FIFO), not a regular file";

    let out = run_in(d, &["check", "pipe.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("pipe.yaml: {not_regular}")));

    for cmd in ["render", "summary"] {
        let out = run_in(d, &[cmd, "pipe.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(
            stderr(&out).contains(not_regular),
            "{cmd}: {}",
            stderr(&out)
        );
    }

    // As `parent:`: a located missing-parent finding on the plan's line.
    let out = run_in(d, &["check", "child.yaml"]);
    let err = both(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("child.yaml:12:11"), "located: {err}");
    assert!(err.contains(not_regular), "{err}");
    let out = run_in(d, &["summary", "child.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // As `previous:` with diff --previous.
    let out = run_in(d, &["diff", "--previous", "child.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(not_regular));

    // As --config and --programme.
    for flag in ["--config", "--programme"] {
        let out = run_in(d, &[flag, "pipe.yaml", "check", "good.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&out).contains(not_regular),
            "{flag}: {}",
            stderr(&out)
        );
    }

    // Inside a walked directory: reported, and every other file is still checked.
    let out = run_in(d, &["check", "."]);
    let err = both(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("./pipe.yaml: {not_regular}")),
        "{err}"
    );
    assert!(err.contains("Checked 2 file(s)"), "{err}");
}

#[test]
fn a_fifo_message_is_vietnamese_first() {
    let Some(dir) = fifo_dir() else { return };
    let mut cmd = kehoach(&["--lang", "vi", "check", "pipe.yaml"]);
    cmd.current_dir(dir.path());
    let (out, _) = finish(cmd, "check fifo");
    assert!(
        stderr(&out).contains("là một ống dẫn có tên (FIFO), không phải tệp thông thường"),
        "{}",
        stderr(&out)
    );
}

/// A temporary directory holding a copy of a real plan.
fn plan_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    fs::copy(common::root().join("plans/nghe-an-2024.yaml"), &plan).unwrap();
    (dir, plan)
}

fn force(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = kehoach(&["--lang", "en"]);
    cmd.args(args).current_dir(dir).stdout(Stdio::piped());
    finish(cmd, &args.join(" ")).0
}

#[test]
fn force_never_replaces_an_input() {
    let (dir, plan) = plan_dir();
    let d = dir.path();
    let before = fs::read(&plan).unwrap();
    fs::hard_link(&plan, d.join("same.md")).unwrap();
    for (args, named) in [
        (
            vec!["render", "plan.yaml", "-o", "plan.yaml", "--force"],
            "plan.yaml",
        ),
        (
            vec!["render", "plan.yaml", "-o", "./plan.yaml", "--force"],
            "./plan.yaml",
        ),
        (
            vec!["render", "plan.yaml", "-o", "same.md", "--force"],
            "same.md",
        ),
        (
            vec!["compare", "-f", "md", ".", "-o", "plan.yaml", "--force"],
            "plan.yaml",
        ),
    ] {
        let out = force(d, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains(&format!(
                "{named} is an input of this command; not overwritten, even with --force"
            )),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(
            fs::read(&plan).unwrap(),
            before,
            "{args:?}: the plan is intact"
        );
    }
    // Standard input redirected from the plan is an input too.
    let mut cmd = kehoach(&["--lang", "en", "render", "-", "-o", "plan.yaml", "--force"]);
    cmd.current_dir(d).stdin(fs::File::open(&plan).unwrap());
    let (out, _) = finish(cmd, "render - < plan");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read(&plan).unwrap(), before);
    // The settings file is an input as well.
    fs::write(d.join("kehoach.toml"), "lang = \"en\"\n").unwrap();
    let out = force(d, &["render", "plan.yaml", "-o", "kehoach.toml", "--force"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(d.join("kehoach.toml")).unwrap(),
        "lang = \"en\"\n"
    );
}

#[test]
fn force_replaces_only_a_regular_file() {
    let (dir, _) = plan_dir();
    let d = dir.path();
    fs::write(d.join("old.md"), "old").unwrap();
    std::os::unix::fs::symlink("old.md", d.join("link.md")).unwrap();
    fs::create_dir(d.join("adir")).unwrap();
    let mut cases = vec![
        ("link.md", "link.md is a symbolic link"),
        ("adir", "adir is a directory"),
    ];
    if mkfifo(&d.join("fifo.md")) {
        cases.push(("fifo.md", "fifo.md is not a regular file"));
    }
    // A device node of our own (/dev/null's numbers), never a system file; needs root.
    let made_device = Command::new("mknod")
        .arg(d.join("null.md"))
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if made_device {
        cases.push(("null.md", "null.md is not a regular file"));
    } else {
        eprintln!("mknod not permitted: the device case is skipped");
    }
    for (target, message) in cases {
        for cmd in [
            vec!["render", "plan.yaml", "-o", target, "--force"],
            vec![
                "init",
                "--province",
                "Nghệ An",
                "--period",
                "2026",
                "-o",
                target,
                "--force",
            ],
        ] {
            let before = fs::symlink_metadata(d.join(target)).unwrap();
            let out = force(d, &cmd);
            assert_eq!(out.status.code(), Some(2), "{cmd:?}");
            assert!(stderr(&out).contains(message), "{cmd:?}: {}", stderr(&out));
            let after = fs::symlink_metadata(d.join(target)).unwrap();
            assert_eq!(before.file_type(), after.file_type(), "{target} untouched");
        }
    }
    assert_eq!(fs::read_to_string(d.join("old.md")).unwrap(), "old");
    // An ordinary file that is not an input is replaced, as asked.
    let out = force(d, &["render", "plan.yaml", "-o", "old.md", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(d.join("old.md")).unwrap().len() > 100);
    let names: Vec<_> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
}

#[test]
fn a_failed_output_names_the_path_given_not_a_temporary_file() {
    let (dir, _) = plan_dir();
    let out = force(dir.path(), &["render", "plan.yaml", "-o", "nodir/x.md"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("cannot write nodir/x.md: "), "{err}");
    assert!(!err.contains(".tmp"), "{err}");
}

/// A real plan with `edit` applied, checked as JSON: the messages of its findings.
fn messages_of(edit: impl Fn(&str) -> String) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(common::root().join("plans/nghe-an-2024.yaml")).unwrap();
    let edited = edit(&plan);
    assert_ne!(edited, plan, "the edit applies");
    let path = dir.path().join("hostile.yaml");
    fs::write(&path, edited).unwrap();
    let (code, doc) = common::check_json(&path);
    assert_eq!(code, 1);
    common::findings(&doc)
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_error_met_through_an_alias_is_said_whole_with_its_anchor() {
    let messages = messages_of(|p| {
        p.replacen("  implements: [", "  implements: &k [", 1)
            .replacen("  place: Nghệ An\n", "", 1)
            .replacen("  signer:", "  place: *k\n  signer:", 1)
    });
    assert_eq!(
        messages,
        ["wrong type: expected a string (the value comes from the anchor at line 11, column 18)"]
    );
}

#[test]
fn a_scalar_budget_breach_is_said_in_words() {
    // One 1 MB string, aliased 900 times: 900 MB if expanded; stopped at the budget.
    let big = "x".repeat(1_000_000);
    let messages = messages_of(|p| {
        p.replacen("  place: Nghệ An\n", &format!("  place: &s \"{big}\"\n"), 1)
            .replacen(
                "purpose:\n",
                &format!("purpose:\n{}", "  - *s\n".repeat(900)),
                1,
            )
    });
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert!(
        m.starts_with("the values add up to more than the safety limit (over "),
        "{m}"
    );
    assert!(
        m.ends_with(")") && !m.contains('{') && !m.contains("Bytes"),
        "{m}"
    );
}

#[test]
fn a_14_mb_settings_file_is_refused_located() {
    let (dir, _) = plan_dir();
    let d = dir.path();
    // 14 MB of valid TOML: 480,000 exclude patterns (455 MB of memory before the limit).
    let mut toml = String::from("exclude = [\n");
    for i in 0..480_000 {
        toml.push_str(&format!("  \"plans/archive/{i:06}/**\",\n"));
    }
    toml.push_str("]\n");
    assert!(toml.len() > 13_000_000);
    fs::write(d.join("kehoach.toml"), &toml).unwrap();
    for args in [
        vec!["check", "plan.yaml"],
        vec!["--config", "kehoach.toml", "check", "plan.yaml"],
    ] {
        let out = force(d, &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("kehoach.toml:1:1"), "located: {err}");
        assert!(
            err.contains("the file is larger than the 1 MiB limit for settings"),
            "{err}"
        );
    }
}

#[test]
fn a_full_stderr_is_status_2_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        vec!["render", "missing.yaml"],
        vec!["check", "missing.yaml"],
        vec!["explain", "no-such-rule"],
        vec!["summary", "plans/nghe-an-2024.yaml", "--format", "nope"],
    ] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut child = kehoach(&args)
            .stdout(Stdio::null())
            .stderr(full)
            .spawn()
            .unwrap();
        let start = Instant::now();
        let status = loop {
            if let Some(s) = child.try_wait().unwrap() {
                break s;
            }
            assert!(start.elapsed() < DEADLINE, "{args:?}: blocked");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}
