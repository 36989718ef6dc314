import { Command, CommanderError } from 'commander';
import { BillingError } from '../tools/errors.ts';
import { cliStderr, cliStdout, setExitCode } from './io.ts';

// The program without its commands, and running it: shared by the complete program
// (buildProgram in main.ts) and the one start.ts builds with only the command argv runs.

/** The `switchboard` program with its global options and no command yet. */
export function newProgram(): Command {
  return (
    new Command('switchboard')
      .description('Switchboard: agent-orchestrated billing for telecom operators')
      .version('0.1.0')
      .option('--db <path>', 'SQLite database file (default: $SWITCHBOARD_DB or ./data/switchboard.db)')
      // Every command refuses an empty path, even those that never open the database: it is a mistake.
      .hook('preAction', (cmd) => {
        if (cmd.opts<{ db?: string }>().db?.trim() === '') throw new BillingError('INVALID_INPUT', '--db is empty: give it a file (an empty path would open a temporary database that keeps nothing)');
      })
  );
}

/** Makes the program and every command in it report usage errors through runProgram, not commander; returns it. */
export function finishProgram(program: Command): Command {
  (function quietAll(cmd: Command) {
    // Usage errors are reported once, by runProgram, as one line (or JSON) naming the command's --help.
    // Help and --version go to the run's own streams (the process's, or run()'s in process).
    cmd.configureOutput({ outputError: () => undefined, writeOut: (s) => cliStdout().write(s), writeErr: (s) => cliStderr().write(s) });
    cmd.exitOverride((err) => {
      throw Object.assign(err, { commandName: commandPath(cmd) });
    });
    cmd.commands.forEach(quietAll);
  })(program);
  return program;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Runs the program with argv; usage errors exit 2 (with a JSON error under --json). */
export async function runProgram(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        setExitCode(0);
        return;
      }
    }
    // Loaded only here: output.ts reads the config (zod), which --version and --help never need.
    const { reportError } = await import('./output.ts');
    if (err instanceof CommanderError) {
      const name = (err as CommanderError & { commandName?: string }).commandName ?? 'switchboard';
      reportError(new BillingError('INVALID_INPUT', `${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see ${name} --help)`), argv.includes('--json'));
      return;
    }
    reportError(err, argv.includes('--json'));
  }
}
