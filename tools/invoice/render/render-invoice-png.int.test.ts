import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCallAnnex } from '../build-call-annex.ts';
import { consumerInvoiceGbp } from './fixtures.ts';
import { enterpriseInvoiceGbp, familyEvents, familyInvoiceGbp } from './layout-fixtures.ts';
import { renderInvoicePdf } from './render-invoice-pdf.ts';

// poppler-utils (scripts/ensure-services.sh installs it): the PDFs as a real reader draws them.
const dir = mkdtempSync(join(tmpdir(), 'invoice-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// PNG: 8-byte signature, then the IHDR chunk with width and height as big-endian 32-bit numbers.
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('each layout rendered to PNG by pdftoppm', () => {
  const family = familyInvoiceGbp();
  const cases = {
    consumer: () => renderInvoicePdf(consumerInvoiceGbp(), { layout: 'consumer' }),
    family: () => renderInvoicePdf(family),
    enterprise: () => renderInvoicePdf(enterpriseInvoiceGbp(60)),
    'call-annex': () => renderInvoicePdf(family, { preferences: { detail: 'per_call' }, callAnnex: buildCallAnnex(family, familyEvents(), 'Europe/London') }),
    'large-print': () => renderInvoicePdf(family, { preferences: { largePrint: true } }),
  };
  for (const [name, render] of Object.entries(cases)) {
    it(`${name}: every page an A4 image with something drawn on it`, async () => {
      const pdf = join(dir, `${name}.pdf`);
      writeFileSync(pdf, await render());
      const out = spawnSync('pdftoppm', ['-png', '-r', '50', pdf, join(dir, name)], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      const pages = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
      expect(pages.length).toBeGreaterThanOrEqual(name === 'call-annex' || name === 'enterprise' ? 2 : 1);
      for (const page of pages) {
        const file = join(dir, page);
        // A4 at 50 dpi: 413 x 585 pixels (pdftoppm rounds up).
        expect(pngSize(file)).toEqual({ width: 414, height: 585 });
        // A blank white page compresses to a few hundred bytes; a drawn one to kilobytes.
        expect(readFileSync(file).length).toBeGreaterThan(3000);
      }
    });
  }
});
