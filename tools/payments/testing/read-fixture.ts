import { readFileSync } from 'node:fs';

/** The text of a sample payments file in this folder (statement-two-accounts.camt053.xml, notification.camt054.xml, processor.csv). */
export function readPaymentFixture(name: string): string {
  return readFileSync(new URL(name, import.meta.url), 'utf8');
}
