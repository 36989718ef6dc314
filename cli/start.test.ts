import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandWord } from './command-word.mjs';
import { COMMANDS } from './commands/index.ts';
import { buildProgram } from './main.ts';
import { programFor } from './start.ts';
import { runCli } from './testing/run-cli.ts';

// start.ts loads only the command argv runs, from the table in commands/index.ts; the complete
// program (buildProgram) registers every command statically. They must describe the same program.

describe('the lazily loaded program', () => {
  it('lists every command in --help exactly as the complete program does', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(buildProgram().helpInformation());
  });

  it('loads, for each command of the table, the module that registers that command and no other', async () => {
    const full = buildProgram();
    for (const entry of COMMANDS) {
      const program = new Command('switchboard');
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([entry.name]);
      expect(program.commands[0]!.helpInformation()).toBe(full.commands.find((c) => c.name() === entry.name)!.helpInformation());
    }
  });

  it('holds only the command argv runs, and none for --version, --help or an unknown word', async () => {
    expect((await programFor(['node', 'sb', '--db', 'x.db', 'invoice', 'show', 'INV-1'])).commands.map((c) => c.name())).toEqual(['invoice']);
    expect((await programFor(['node', 'sb', 'help', 'bill'])).commands.map((c) => c.name())).toEqual(['bill']);
    for (const argv of [['--version'], ['--help'], ['nonsense'], []]) {
      const program = await programFor(['node', 'sb', ...argv]);
      expect(program.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));
    }
  });

  it('reports an unknown command as before: one line, exit 2', async () => {
    const r = await runCli(['invoise']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error [INVALID_INPUT]: unknown command 'invoise' (Did you mean invoice?) (see switchboard --help)\n");
  });
});

describe('commandWord', () => {
  it('is the first word after the global options, or the command help is asked for', () => {
    expect(commandWord(['--db', 'invoice', 'usage', 'list'])).toBe('usage');
    expect(commandWord(['--db=x.db', 'bill'])).toBe('bill');
    expect(commandWord(['help', 'ingest'])).toBe('ingest');
    expect(commandWord(['help'])).toBe('help');
    expect(commandWord(['--version'])).toBeUndefined();
    expect(commandWord([])).toBeUndefined();
  });
});
