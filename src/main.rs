fn main() {
    // `eprintln!` panics when stderr cannot be written (`2> /dev/full`). Then nothing can be
    // said anywhere: end with status 2, as for any other output failure, not with a panic
    // (status 101). Every other panic keeps the default report.
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stderr") {
            std::process::exit(2);
        }
        default(info);
    }));
    std::process::exit(kehoach::cli::main());
}
