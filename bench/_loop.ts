// Rating-only, in memory, one core: requests are prepared first (not timed), then rated in a loop.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPopulationFor } from '../evals/generator/index.ts';
import { createParser, readLines } from '../tools/cdr/index.ts';
import { createRecordClassifier, operatorSettingsSchema } from '../tools/classify/index.ts';
import { compileTariff, loadNativeTariff, rateUsage, ratingRequestFor, type RatingRequest } from '../tools/rating/index.ts';
import { measure } from './measure.ts';

const [file, root, seed, subscribers] = process.argv.slice(2);
const settings = operatorSettingsSchema.parse({
  ...JSON.parse(readFileSync(join(root!, 'evals/datasets/demo-operator/settings.json'), 'utf8')),
  ...buildPopulationFor({ seed: Number(seed), subscribers: Number(subscribers) }).operatorSettings,
});
const tariff = compileTariff(loadNativeTariff(readFileSync(join(root!, 'evals/datasets/demo-operator/tariff.yaml'), 'utf8')).plan);
const parser = createParser('asterisk', { timezone: settings.timezone });
const classify = createRecordClassifier();
const requests: RatingRequest[] = [];
for await (const line of readLines(createReadStream(file!, { highWaterMark: 1 << 20 }))) {
  const out = parser.parseLine(line.text, line.lineNo);
  if (out.kind !== 'record') continue;
  const c = classify(out.record, settings);
  if (c.category === 'unclassified' || out.record.usage === 0) continue;
  requests.push(ratingRequestFor(out.record, c, settings.tenant));
}
let failures = 0;
let spans = 0;
for (let k = 0; k < 3; k++) { const t = performance.now(); for (const req of requests) { try { rateUsage(tariff, req); } catch {} } console.error(`pass ${k}: ${Math.round(requests.length / ((performance.now() - t) / 1000))}/s`); }
const result = await measure(
  'rating-only',
  () => {
    for (const req of requests) {
      try {
        spans += rateUsage(tariff, req).spans.length;
      } catch {
        failures++;
      }
    }
    return requests.length;
  },
  () => ({ failures, spansPerEvent: Math.round((spans / requests.length) * 100) / 100 }),
);
console.log(JSON.stringify(result));
