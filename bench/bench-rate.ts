// Rating-only, in memory, one core: requests are prepared first (not timed), then rated in a loop.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPopulationFor } from '../evals/generator/index.ts';
import { createParser, plausibilityWindow, readLines } from '../tools/cdr/index.ts';
import { createRecordClassifier, operatorSettingsSchema } from '../tools/classify/index.ts';
import { compileTariff, loadNativeTariff, rateUsage, ratingRequestFor, type RatingRequest } from '../tools/rating/index.ts';
import { measure } from './measure.ts';

const [file, root, seed, subscribers] = process.argv.slice(2);
const settings = operatorSettingsSchema.parse({
  ...JSON.parse(readFileSync(join(root!, 'evals/datasets/demo-operator/settings.json'), 'utf8')),
  ...buildPopulationFor({ seed: Number(seed), subscribers: Number(subscribers) }).operatorSettings,
});
const tariff = compileTariff(loadNativeTariff(readFileSync(join(root!, 'evals/datasets/demo-operator/tariff.yaml'), 'utf8')).plan);
const parser = createParser('asterisk', { timezone: settings.timezone, plausibility: plausibilityWindow(Date.now(), settings) });
const classify = createRecordClassifier();
const requests: RatingRequest[] = [];
for await (const line of readLines(createReadStream(file!, { highWaterMark: 1 << 20 }))) {
  const out = parser.parseLine(line.text, line.lineNo);
  if (out.kind !== 'record') continue;
  const c = classify(out.record, settings);
  if (c.category === 'unclassified' || out.record.usage === 0) continue;
  requests.push(ratingRequestFor(out.record, c, settings.tenant));
}
// Two passes over the same events: the first is cold (JIT and per-slot price memos filling), the
// second shows the steady state a long-running rater reaches. Both are reported.
function pass(): { failures: number; spans: number } {
  let failures = 0;
  let spans = 0;
  for (const req of requests) {
    try {
      spans += rateUsage(tariff, req).spans.length;
    } catch {
      failures++;
    }
  }
  return { failures, spans };
}
let cold = { failures: 0, spans: 0 };
const coldResult = await measure('rating-only (cold)', () => {
  cold = pass();
  return requests.length;
});
const steady = await measure(
  'rating-only (steady)',
  () => {
    pass();
    return requests.length;
  },
  () => ({ failures: cold.failures, spansPerEvent: Math.round((cold.spans / requests.length) * 100) / 100 }),
);
console.log(JSON.stringify(coldResult));
console.log(JSON.stringify(steady));
