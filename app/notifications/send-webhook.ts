import { signWebhook } from '../../tools/notifications/index.ts';

/** How one send on a channel ended. */
export interface SendOutcome {
  ok: boolean;
  statusCode?: number;
  error?: string;
}

/**
 * POSTs a signed JSON body to a webhook endpoint; a 2xx answer within the timeout is delivered,
 * anything else (an error status, a refused connection, a timeout) is a failure to retry.
 */
export async function postWebhook(endpoint: { url: string; secret: string }, body: string, opts: { timestamp: string; timeoutMs: number; headers?: Record<string, string> }): Promise<SendOutcome> {
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-switchboard-timestamp': opts.timestamp,
        'x-switchboard-signature': signWebhook(endpoint.secret, opts.timestamp, body),
        ...opts.headers,
      },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs),
      redirect: 'manual',
    });
    // The answer's body is not needed; reading it frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? { ok: true, statusCode: res.status } : { ok: false, statusCode: res.status, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error;
    const error = e.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`;
    return { ok: false, error };
  }
}
