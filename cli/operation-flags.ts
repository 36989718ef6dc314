import { BillingError } from '../tools/errors.ts';

/**
 * Runs an operation for a command and names its input fields as the command's options in a
 * refusal ("period: ..." becomes "--period: ..."): the operation checks, the CLI only speaks its
 * own words. `flags` maps input fields to option names.
 */
export async function withFlagNames<T>(flags: Record<string, string>, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof BillingError) || err.code !== 'INVALID_INPUT') throw err;
    let message = err.message;
    for (const [field, flag] of Object.entries(flags)) message = message.replace(new RegExp(`(^|; )${field}(\\.\\d+)?: `, 'g'), `$1${flag}: `);
    if (message === err.message) throw err;
    throw new BillingError(err.code, message, err.details, { cause: err });
  }
}
