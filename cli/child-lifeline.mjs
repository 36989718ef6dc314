// Child processes that cannot outlive the process that started them. Plain JavaScript: the
// launcher (bin/switchboard.js) uses it before the TypeScript loader is registered.
//
// The parent gives each child one end of a pipe as its fd 3 (the lifeline) and never writes to it.
// The kernel closes the parent's end when the parent ends, however it ends (kill -9 included), and
// the child then reads end-of-file. A worker thread in the child waits for that, so it is noticed
// even while the main thread is busy in synchronous work (a bill shard) or a SQLite busy wait.
// Why not the alternatives: an IPC 'disconnect' event needs the child's main event loop to turn;
// polling process.ppid needs the parent's pid passed in and a poll interval; PR_SET_PDEATHSIG is
// not reachable from Node without a native module.
import { spawn } from 'node:child_process';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

/** The environment variable that tells a child which fd is its lifeline (read through config/). */
export const LIFELINE_ENV = 'SWITCHBOARD_LIFELINE_FD';
const LIFELINE_FD = 3;
const FORWARDED = ['SIGTERM', 'SIGINT', 'SIGHUP'];

/** Spawns a child that holds a lifeline to this process (stdio: the child's fds 0-2). */
export function spawnWithLifeline(command, args, options = {}) {
  const stdio = [...(options.stdio ?? ['inherit', 'inherit', 'inherit'])].slice(0, 3);
  const child = spawn(command, args, { ...options, stdio: [...stdio, 'pipe'], env: { ...(options.env ?? process.env), [LIFELINE_ENV]: String(LIFELINE_FD) } });
  // Our end only has to stay open; it must not keep this process's event loop alive.
  child.stdio[LIFELINE_FD]?.unref?.();
  return child;
}

/**
 * Passes SIGTERM, SIGINT and SIGHUP on to the children while they run. `received()` is the signal
 * that came, if any; `dispose()` removes the handlers.
 */
export function forwardSignals(children) {
  let received = null;
  const handlers = FORWARDED.map((signal) => {
    const handler = () => {
      received = signal;
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  return {
    received: () => received,
    dispose: () => handlers.forEach(([signal, handler]) => process.off(signal, handler)),
  };
}

/** Ends this process the way a child ended: by the same signal (handlers removed first), else with its exit code. */
export function exitLike(status, signal) {
  if (signal) {
    for (const s of FORWARDED) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    // A signal whose default action is not to end the process: exit as a shell reports it.
    process.exit(128 + (OS_SIGNALS[signal] ?? 0));
  }
  process.exit(status ?? 1);
}
const OS_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

let watching = false;
/** Ends this process when the parent that gave it the lifeline `fd` ends (no-op without one, or when already watching). */
export function watchLifeline(fd) {
  if (watching || fd === undefined || fd === null) return;
  watching = true;
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { role: 'switchboard-lifeline', fd },
    resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1 },
    stdout: false,
    stderr: false,
  });
  // The watcher never keeps the process alive on its own.
  worker.unref();
}

async function runWatcher(fd) {
  const { Socket } = await import('node:net');
  const lifeline = new Socket({ fd, readable: true, writable: false });
  let ending = false;
  const end = () => {
    if (ending) return;
    ending = true;
    // SIGTERM first (its default action ends the process); SIGKILL if something holds it off.
    process.kill(process.pid, 'SIGTERM');
    // Kept referenced: the watcher thread must live until then (the process does not wait for it).
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 3000);
  };
  lifeline.on('data', () => {});
  lifeline.on('end', end);
  lifeline.on('close', end);
  lifeline.on('error', end);
}

if (!isMainThread && workerData?.role === 'switchboard-lifeline') await runWatcher(workerData.fd);
