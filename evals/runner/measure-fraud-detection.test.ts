import { describe, expect, it } from 'vitest';
import { fraudLines } from './format-report.ts';
import { measureFraudDetection } from './measure-fraud-detection.ts';

describe('fraud detection figures on the seeded labelled month', () => {
  it('reaches precision and recall of 0.9 for every detector, under one false alert per 10,000 clean lines, and prints them', () => {
    const f = measureFraudDetection();
    for (const d of f.detectors) {
      expect(d.labels, d.detector).toBeGreaterThan(0);
      expect(d.precision, d.detector).toBeGreaterThanOrEqual(0.9);
      expect(d.recall, d.detector).toBeGreaterThanOrEqual(0.9);
    }
    expect(f.clean.lines).toBe(150_000);
    expect(f.clean.alertsPer10kLines).toBeLessThan(1);
    const text = fraudLines(f, false).join('\n');
    expect(text).toMatch(/^irsf +10 +\d+ +\d+ +10 +\d\.\d{3} +1\.000$/m);
    expect(text).toContain('false alerts per 10,000 lines');
    expect(fraudLines(f, true)[2]).toBe('| detector | injected | alerts | correct | found | precision | recall |');
  }, 180_000);
});
