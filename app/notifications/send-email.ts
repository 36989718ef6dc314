import { BillingError } from '../../tools/errors.ts';

/** One email to send (what nodemailer's sendMail takes, narrowed). */
export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  headers?: Record<string, string>;
}

/** Sends emails: nodemailer's transporter over SMTP, or anything with its sendMail. */
export interface EmailTransport {
  sendMail(message: EmailMessage): Promise<unknown>;
}

/** A nodemailer transport for an SMTP URL (smtp:// or smtps://); loaded only when email is sent. */
export async function createSmtpTransport(url: string, opts: { timeoutMs?: number } = {}): Promise<EmailTransport & { close(): void }> {
  if (!/^smtps?:\/\//.test(url)) throw new BillingError('INVALID_CONFIG', `SWITCHBOARD_SMTP_URL must start with smtp:// or smtps://, got "${url}"`);
  const nodemailer = await import('nodemailer');
  const timeout = opts.timeoutMs ?? 10_000;
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return nodemailer.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username ? { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  }) as unknown as EmailTransport & { close(): void };
}
