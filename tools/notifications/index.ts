export * from './notification.types.ts';
export { signWebhook, verifyWebhook } from './sign-webhook.ts';
export { nextAttemptAt, RETRY_WINDOW_MS } from './backoff.ts';
export { renderNotificationEmail, templateLanguage, audienceOf, type Audience, type RenderedEmail } from './render-notification-email.ts';
