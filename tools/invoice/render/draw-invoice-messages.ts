import { messageTextsFor, phraseMessage } from '../messages/phrase-message.ts';
import type { PdfLayout } from './pdf-layout.ts';
import type { PrintContext } from './print-context.ts';

/**
 * Draws the personalised messages ("For you"), one paragraph each, phrased from the figures the
 * document stores. Names from the catalog or the customer are made plain text by the phrasing and
 * drawable by the layout; nothing is computed here.
 */
export function drawInvoiceMessages(layout: PdfLayout, ctx: PrintContext): void {
  const { doc } = ctx;
  if (doc.messages.length === 0) return;
  const texts = messageTextsFor(doc.language);
  layout.heading(texts.heading);
  for (const message of doc.messages) layout.paragraph(phraseMessage(message, doc.language, texts), { size: 9 });
}
