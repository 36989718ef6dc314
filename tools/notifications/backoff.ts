/** How long delivery keeps retrying a notification after it was recorded. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;

/**
 * When the next attempt after `attempts` failed ones is due: 1 minute, doubling; null once that
 * would be past 24 hours after creation (the notification is dead).
 */
export function nextAttemptAt(createdAt: Date, failedAt: Date, attempts: number): Date | null {
  const next = new Date(failedAt.getTime() + FIRST_RETRY_MS * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
  return next.getTime() > createdAt.getTime() + RETRY_WINDOW_MS ? null : next;
}
