import { Help, type Command } from 'commander';
import { commandWord } from './command-word.mjs';
import { COMMANDS } from './commands/index.ts';
import { finishProgram, newProgram, runProgram } from './program.ts';

/**
 * The program for argv: with only the command argv runs, loaded, when it names one; else (no
 * command, --version, --help, an unknown word) with every command as the help lists it, none loaded.
 */
export async function programFor(argv: readonly string[]): Promise<Command> {
  const program = newProgram();
  const entry = COMMANDS.find((c) => c.name === commandWord(argv.slice(2)));
  if (entry) {
    (await entry.load())(program);
  } else {
    // Never run: a word naming a command loads the real one above.
    const terms = new Map(COMMANDS.map((c) => [program.command(c.name).description(c.description), c.term]));
    const standard = new Help(); // for the `help` command commander adds
    program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd) ?? standard.subcommandTerm(cmd) });
  }
  return finishProgram(program);
}

/** Runs the CLI with argv (as process.argv), loading only the command it runs; usage errors exit 2. */
export async function start(argv: string[]): Promise<void> {
  await runProgram(await programFor(argv), argv);
}
