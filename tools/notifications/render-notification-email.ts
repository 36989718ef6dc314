import type { NotificationPayload } from './notification.types.ts';

/** The wording of an email: consumers are addressed personally, businesses formally. */
export type Audience = 'consumer' | 'business';

/** A rendered email: subject and plain-text body. */
export interface RenderedEmail {
  subject: string;
  text: string;
}

type Texts = Record<NotificationPayload['kind'], (p: never) => { subject: string; body: string }>;

const en: Texts = {
  invoice_issued: (p: Extract<NotificationPayload, { kind: 'invoice_issued' }>) => ({
    subject: `Invoice ${p.number ?? p.invoiceId} for ${p.period}`,
    body: `invoice ${p.number ?? p.invoiceId} for ${p.period} is ready: ${p.total} ${p.currency}${p.dueDate ? `, due on ${p.dueDate}` : ''}. The PDF is attached.`,
  }),
  invoice_upcoming: (p: Extract<NotificationPayload, { kind: 'invoice_upcoming' }>) => ({
    subject: `Your invoice for ${p.period} is coming`,
    body: `the invoice for ${p.period} will be issued on ${p.billingDate}.`,
  }),
  usage_threshold: (p: Extract<NotificationPayload, { kind: 'usage_threshold' }>) => ({
    subject: `${p.percent}% of your ${p.service} allowance used`,
    body: `line ${p.subscriptionId} has used ${p.used} of ${p.granted} (${p.percent}%) of its ${p.service} allowance in ${p.period}.`,
  }),
  payment_received: (p: Extract<NotificationPayload, { kind: 'payment_received' }>) => ({
    subject: `Payment received for invoice ${p.number ?? p.invoiceId}`,
    body: `we received the payment of ${p.total} ${p.currency} for invoice ${p.number ?? p.invoiceId}. Thank you.`,
  }),
  dunning_step: (p: Extract<NotificationPayload, { kind: 'dunning_step' }>) => dunningEn(p),
  payment_promise: (p: Extract<NotificationPayload, { kind: 'payment_promise' }>) => ({
    subject:
      p.status === 'recorded'
        ? `Your promise to pay ${p.amount} ${p.currency} by ${p.promisedFor}`
        : p.status === 'kept'
          ? 'Thank you for your payment'
          : `We did not receive ${p.amount} ${p.currency} by ${p.promisedFor}`,
    body:
      p.status === 'recorded'
        ? `we have noted that you will pay ${p.amount} ${p.currency} by ${p.promisedFor}. Until then we will not send further reminders.`
        : p.status === 'kept'
          ? `you paid ${p.amount} ${p.currency} by ${p.promisedFor} as promised. Thank you.`
          : `you promised to pay ${p.amount} ${p.currency} by ${p.promisedFor} and we have not received it, so our reminders resume. Please pay or contact us.`,
  }),
  plan_recommendation: (p: Extract<NotificationPayload, { kind: 'plan_recommendation' }>) => ({
    subject: `A plan that would have cost less in ${p.period}`,
    body: `on ${p.recommendedPlan} instead of ${p.currentPlan}, line ${p.subscriptionId} would have paid ${p.saving} ${p.currency} less in ${p.period}.`,
  }),
  usage_forecast: (p: Extract<NotificationPayload, { kind: 'usage_forecast' }>) => ({
    subject: `Line ${p.subscriptionId} is likely to go over its ${p.service} allowance in ${p.period}`,
    body: `line ${p.subscriptionId} has used ${p.used} of its ${p.included} ${p.unit} ${p.service} allowance. At its usual pace it will use about ${p.projected} ${p.unit} by ${p.lastDay}: the expected extra charge is ${p.extraCharge} ${p.currency} before tax.${
      p.suggestion ? ` On ${p.suggestion.planName} this period would cost ${p.suggestion.saving} ${p.currency} less (${p.suggestion.alternativeAmount} ${p.currency}).` : ''
    }`,
  }),
};

const de: Texts = {
  invoice_issued: (p: Extract<NotificationPayload, { kind: 'invoice_issued' }>) => ({
    subject: `Rechnung ${p.number ?? p.invoiceId} für ${p.period}`,
    body: `die Rechnung ${p.number ?? p.invoiceId} für ${p.period} liegt vor: ${p.total} ${p.currency}${p.dueDate ? `, fällig am ${p.dueDate}` : ''}. Das PDF ist angehängt.`,
  }),
  invoice_upcoming: (p: Extract<NotificationPayload, { kind: 'invoice_upcoming' }>) => ({
    subject: `Ihre Rechnung für ${p.period} kommt bald`,
    body: `die Rechnung für ${p.period} wird am ${p.billingDate} erstellt.`,
  }),
  usage_threshold: (p: Extract<NotificationPayload, { kind: 'usage_threshold' }>) => ({
    subject: `${p.percent} % Ihres Inklusivvolumens (${p.service}) verbraucht`,
    body: `der Anschluss ${p.subscriptionId} hat im Zeitraum ${p.period} ${p.used} von ${p.granted} (${p.percent} %) seines Inklusivvolumens (${p.service}) verbraucht.`,
  }),
  payment_received: (p: Extract<NotificationPayload, { kind: 'payment_received' }>) => ({
    subject: `Zahlung für Rechnung ${p.number ?? p.invoiceId} erhalten`,
    body: `wir haben die Zahlung von ${p.total} ${p.currency} für die Rechnung ${p.number ?? p.invoiceId} erhalten. Vielen Dank.`,
  }),
  dunning_step: (p: Extract<NotificationPayload, { kind: 'dunning_step' }>) => dunningDe(p),
  payment_promise: (p: Extract<NotificationPayload, { kind: 'payment_promise' }>) => ({
    subject:
      p.status === 'recorded'
        ? `Ihre Zahlungszusage über ${p.amount} ${p.currency} bis ${p.promisedFor}`
        : p.status === 'kept'
          ? 'Vielen Dank für Ihre Zahlung'
          : `Zahlung über ${p.amount} ${p.currency} bis ${p.promisedFor} nicht eingegangen`,
    body:
      p.status === 'recorded'
        ? `wir haben notiert, dass Sie ${p.amount} ${p.currency} bis ${p.promisedFor} zahlen. Bis dahin senden wir keine weiteren Erinnerungen.`
        : p.status === 'kept'
          ? `Sie haben ${p.amount} ${p.currency} wie zugesagt bis ${p.promisedFor} gezahlt. Vielen Dank.`
          : `Sie hatten zugesagt, ${p.amount} ${p.currency} bis ${p.promisedFor} zu zahlen; die Zahlung ist nicht eingegangen, daher setzen wir das Mahnverfahren fort. Bitte zahlen Sie oder melden Sie sich bei uns.`,
  }),
  plan_recommendation: (p: Extract<NotificationPayload, { kind: 'plan_recommendation' }>) => ({
    subject: `Ein günstigerer Tarif für ${p.period}`,
    body: `mit ${p.recommendedPlan} statt ${p.currentPlan} hätte der Anschluss ${p.subscriptionId} im Zeitraum ${p.period} ${p.saving} ${p.currency} weniger bezahlt.`,
  }),
  usage_forecast: (p: Extract<NotificationPayload, { kind: 'usage_forecast' }>) => ({
    subject: `Der Anschluss ${p.subscriptionId} überschreitet im Zeitraum ${p.period} voraussichtlich sein Inklusivvolumen (${p.service})`,
    body: `der Anschluss ${p.subscriptionId} hat ${p.used} von ${p.included} ${p.unit} seines Inklusivvolumens (${p.service}) verbraucht. Bei gleichbleibender Nutzung werden es bis zum ${p.lastDay} etwa ${p.projected} ${p.unit}: voraussichtliche Mehrkosten ${p.extraCharge} ${p.currency} netto.${
      p.suggestion ? ` Mit ${p.suggestion.planName} wäre dieser Zeitraum ${p.suggestion.saving} ${p.currency} günstiger (${p.suggestion.alternativeAmount} ${p.currency}).` : ''
    }`,
  }),
};

type Dunning = Extract<NotificationPayload, { kind: 'dunning_step' }>;

function dunningEn(p: Dunning): { subject: string; body: string } {
  const inv = `invoice ${p.number ?? p.invoiceId}`;
  const owed = p.overdue ? ` ${p.overdue} ${p.currency ?? ''} is overdue${p.daysPastDue ? ` (${p.daysPastDue} days)` : ''}.` : '';
  switch (p.action) {
    case 'late_fee':
      return {
        subject: `Late payment fee on ${inv}`,
        body: `${inv} is still unpaid.${owed} A late payment fee of ${p.lateFee ?? ''} ${p.currency ?? ''}${p.noteNumber ? ` (debit note ${p.noteNumber})` : ''} has been added. Please pay or contact us.`,
      };
    case 'restriction':
      return {
        subject: 'Outgoing calls restricted',
        body: `${inv} is still unpaid.${owed} Outgoing calls on your lines are restricted until it is paid; incoming calls and emergency calls still work.`,
      };
    case 'barring':
      return { subject: 'Your lines are barred', body: `${inv} is still unpaid.${owed} Your lines are barred until it is paid. Please pay or contact us to restore service.` };
    default:
      return {
        subject: 'Reminder: an invoice is overdue',
        body: `${p.number ? `${inv} on your account` : 'an invoice on your account'} is overdue (step: ${p.step}).${owed} Please pay it or contact us.`,
      };
  }
}

function dunningDe(p: Dunning): { subject: string; body: string } {
  const inv = `die Rechnung ${p.number ?? p.invoiceId}`;
  const owed = p.overdue ? ` Überfällig: ${p.overdue} ${p.currency ?? ''}${p.daysPastDue ? ` (${p.daysPastDue} Tage)` : ''}.` : '';
  switch (p.action) {
    case 'late_fee':
      return {
        subject: 'Mahngebühr',
        body: `${inv} ist weiterhin offen.${owed} Eine Mahngebühr von ${p.lateFee ?? ''} ${p.currency ?? ''}${p.noteNumber ? ` (Belastungsanzeige ${p.noteNumber})` : ''} wurde berechnet.`,
      };
    case 'restriction':
      return { subject: 'Abgehende Anrufe gesperrt', body: `${inv} ist weiterhin offen.${owed} Abgehende Anrufe sind bis zur Zahlung gesperrt; eingehende Anrufe und Notrufe funktionieren weiter.` };
    case 'barring':
      return { subject: 'Ihre Anschlüsse sind gesperrt', body: `${inv} ist weiterhin offen.${owed} Ihre Anschlüsse sind bis zur Zahlung gesperrt.` };
    default:
      return { subject: 'Zahlungserinnerung', body: `eine Rechnung Ihres Kontos ist überfällig (Stufe: ${p.step}).${owed} Bitte begleichen Sie sie oder melden Sie sich bei uns.` };
  }
}

const LANGUAGES: Record<string, { texts: Texts; greet: Record<Audience, (name: string) => string>; close: Record<Audience, string> }> = {
  en: { texts: en, greet: { consumer: (n) => `Hi ${n},`, business: (n) => `Dear ${n},` }, close: { consumer: 'Cheers,\nYour billing team', business: 'Kind regards,\nAccounts receivable' } },
  de: {
    texts: de,
    greet: { consumer: (n) => `Hallo ${n},`, business: (n) => `Sehr geehrte Damen und Herren (${n}),` },
    close: { consumer: 'Viele Grüße\nIhr Abrechnungsteam', business: 'Mit freundlichen Grüßen\nDebitorenbuchhaltung' },
  },
};

/** The language templates exist for; any other falls back to English. */
export function templateLanguage(language: string): 'en' | 'de' {
  return language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Consumers get the personal wording; every other segment (small_business, enterprise) the formal one. */
export function audienceOf(segment: string): Audience {
  return segment === 'consumer' ? 'consumer' : 'business';
}

/** Renders the email of a notification in a language and for an audience (plain text; amounts as stored decimals). */
export function renderNotificationEmail(payload: NotificationPayload, opts: { language: string; audience: Audience; name: string }): RenderedEmail {
  const lang = LANGUAGES[templateLanguage(opts.language)]!;
  const t = (lang.texts[payload.kind] as (p: NotificationPayload) => { subject: string; body: string })(payload);
  const body = t.body.charAt(0).toUpperCase() + t.body.slice(1);
  return { subject: t.subject, text: `${lang.greet[opts.audience](opts.name)}\n\n${body}\n\n${lang.close[opts.audience]}\n` };
}
