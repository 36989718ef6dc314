export { invoiceMessageSchema, messageFigureSchema, messageLineSchema, type InvoiceMessage, type InvoiceMessageKind, type MessageFigure, type MessageLine } from './message.types.ts';
export { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
export { computeInvoiceMessages, type InvoiceMessagesInput } from './compute-invoice-messages.ts';
export { usageChangeMessages, usageByLineService, type EarlierPeriodUsage, type UsageLineFigure } from './usage-change.ts';
export { planSavingMessages } from './plan-saving.ts';
export { rolloverMessages, expiredAllowanceMessages } from './allowance-messages.ts';
export { promotionEndingMessages } from './promotion-ending.ts';
export { phraseMessage, messageTextsFor, asPlainText, MESSAGE_TEXTS, messageTextsSchema, type MessageTexts, type MessageLanguage } from './phrase-message.ts';
