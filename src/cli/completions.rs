//! `kehoach completions SHELL`: a completion script for the shell, on standard output.

use clap::CommandFactory;

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(ctx: &super::Context, args: CompletionsArgs) -> i32 {
    let mut command = super::Cli::command();
    // Into memory first: `generate` panics when its writer fails (a closed pipe, a full
    // disk), so the script goes out through the one path that handles both.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "kehoach", &mut script);
    super::output::print(ctx.lang, &script)
}
