//! `--help` in the person's language: every command's and argument's help comes from the
//! catalogues (`help-<command path>-about`, `help-<command path>-arg-<argument>`), and the
//! template's headings too.

use clap::{Command, CommandFactory};

use prakan::i18n::{Lang, text};
use prakan::tr;

use super::Args;

/// The command line, described in `lang`.
pub fn command(lang: Lang) -> Command {
    localize(Args::command(), "help", lang)
}

fn localize(command: Command, path: &str, lang: Lang) -> Command {
    let mut command = command
        .about(text(lang, &format!("{path}-about"), &[]))
        .long_about(None)
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            tr!(lang, "help-usage")
        ))
        .subcommand_help_heading(tr!(lang, "help-heading-commands"))
        .disable_help_flag(true)
        .disable_help_subcommand(true);
    let arguments: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in arguments {
        let help = text(lang, &format!("{path}-arg-{id}"), &[]);
        let heading = if positional {
            tr!(lang, "help-heading-arguments")
        } else {
            tr!(lang, "help-heading-options")
        };
        command = command.mut_arg(&id, |arg| arg.help(help).help_heading(heading));
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = format!("{path}-{name}");
        command = command.mut_subcommand(&name, |sub| localize(sub, &sub_path, lang));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key the command line's help needs, by walking the command tree.
    fn help_keys(command: &Command, path: &str, keys: &mut Vec<String>) {
        keys.push(format!("{path}-about"));
        for arg in command.get_arguments() {
            keys.push(format!("{path}-arg-{}", arg.get_id()));
        }
        for sub in command.get_subcommands() {
            help_keys(sub, &format!("{path}-{}", sub.get_name()), keys);
        }
    }

    #[test]
    fn every_command_and_argument_has_help_in_both_languages() {
        let mut keys = Vec::new();
        help_keys(&Args::command(), "help", &mut keys);
        assert!(keys.len() > 40, "{keys:?}");
        for lang in Lang::ALL {
            for key in &keys {
                let shown = text(lang, key, &[]);
                assert!(
                    !shown.starts_with('⟦'),
                    "no {key} in the {} catalogue",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn the_help_speaks_thai() {
        let mut command = command(Lang::Th);
        let help = command.render_help().to_string();
        assert!(help.contains(&tr!(Lang::Th, "help-about")), "{help}");
        assert!(help.contains(&tr!(Lang::Th, "help-arg-lang")));
        assert!(help.contains(&tr!(Lang::Th, "help-heading-commands")));
        command.build();
    }
}
