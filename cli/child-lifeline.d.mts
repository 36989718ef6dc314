// Types of child-lifeline.mjs (plain JavaScript so the launcher needs no TypeScript loader).
import type { ChildProcess, SpawnOptions, StdioNull, StdioPipe } from 'node:child_process';

/** The environment variable that tells a child which fd is its lifeline (read through config/). */
export const LIFELINE_ENV: string;
/** Spawns a child that holds a lifeline to this process (stdio: the child's fds 0-2). */
export function spawnWithLifeline(command: string, args: string[], options?: Omit<SpawnOptions, 'stdio'> & { stdio?: Array<StdioNull | StdioPipe | 'inherit'> }): ChildProcess;
/** Passes SIGTERM, SIGINT and SIGHUP on to the children while they run. */
export function forwardSignals(children: ChildProcess[]): { received(): NodeJS.Signals | null; dispose(): void };
/** Ends this process the way a child ended: by the same signal, else with its exit code. */
export function exitLike(status: number | null, signal: NodeJS.Signals | null): never;
/** Ends this process when the parent that gave it the lifeline `fd` ends (no-op without one). */
export function watchLifeline(fd: number | undefined | null): void;
