export { deliverDue, webhookBody, DELIVERY_LEASE_MS, type NotificationTransports, type DeliveryReport } from './deliver-notifications.ts';
export { deliverNotifications, configuredTransports } from './deliver-notifications-op.ts';
export { createSmtpTransport, type EmailTransport, type EmailMessage } from './send-email.ts';
export { postWebhook, type SendOutcome } from './send-webhook.ts';
export { listNotifications, listDeadNotifications } from './list-notifications.ts';
export { resendNotification } from './resend-notification.ts';
export { showNotificationSettings, setNotificationSettings } from './notification-settings.ts';
export { recordScheduledNotifications, UPCOMING_DAYS, type ScheduledScanReport } from './record-scheduled-notifications.ts';
export { notificationViewSchema, notificationIdSchema, type NotificationView } from './notification-view.ts';
