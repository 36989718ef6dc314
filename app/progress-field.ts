import { z } from 'zod';

/** A progress callback: how far a long run has got (a count, or bytes and counts). */
export type ProgressCallback<A extends unknown[]> = (...args: A) => void;

/**
 * An optional input field holding a function, for the surfaces that draw progress (the CLI's
 * bar). A function cannot travel in JSON, so an API body or a tool call never sets it; the
 * routes describe the operation's input without it.
 */
export function progressField<A extends unknown[]>() {
  return z.custom<ProgressCallback<A>>((v) => typeof v === 'function', 'a progress callback (in process only)').optional();
}
