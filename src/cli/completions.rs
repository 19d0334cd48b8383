//! `kehoach completions SHELL`: a completion script for the shell, on standard output.

use clap::CommandFactory;

#[derive(clap::Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: CompletionsArgs) -> i32 {
    let mut command = super::Cli::command();
    clap_complete::generate(args.shell, &mut command, "kehoach", &mut std::io::stdout());
    0
}
