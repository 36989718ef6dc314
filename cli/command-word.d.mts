// Types of command-word.mjs (plain JavaScript so the launcher needs no TypeScript loader).

/** The command `args` (argv after the script) runs: the first word after the global options (`--db PATH` takes a value); `help X` runs X's help. */
export function commandWord(args: readonly string[]): string | undefined;
