use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = quizdeck::cli::Cli::parse();
    match quizdeck::run(cli) {
        Ok(code) => code,
        // A closed pipe (`quizdeck ... | head`) is the reader's choice, not an error.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("quizdeck: {e:#}");
            ExitCode::from(1)
        }
    }
}
