// Which command an argv runs. Plain JavaScript: the launcher (bin/switchboard.js) reads it before
// any TypeScript is loaded, and cli/start.ts loads only that command's module.

/** The command `args` (argv after the script) runs: the first word after the global options (`--db PATH` takes a value); `help X` runs X's help. */
export function commandWord(args) {
  let i = 0;
  while (i < args.length && args[i].startsWith('-')) i += args[i] === '--db' ? 2 : 1;
  const word = args[i];
  return word === 'help' && args[i + 1] !== undefined && !args[i + 1].startsWith('-') ? args[i + 1] : word;
}
