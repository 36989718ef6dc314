import type { z } from 'zod';
import type { summarizeUsage } from '../../../app/usage/index.ts';
import { Chart, Money } from '../components.tsx';

type Summary = z.output<typeof summarizeUsage.output>;
type Span = Summary['periodFigures'];

const SERVICE_NAMES: Record<string, string> = { voice: 'Voice', sms: 'SMS', data: 'Data' };
const serviceName = (s: string) => SERVICE_NAMES[s] ?? s;

/** Every day of a month (YYYY-MM) as YYYY-MM-DD, so the revenue line has a point per day. */
function daysOf(period: string): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Usage by category as grouped bars, one series per service and span (voice in minutes, SMS in
 * messages, data in MB): bars of different units are set side by side, never stacked on each other.
 */
export function UsageByCategoryChart(props: { summary: Summary }) {
  const { periodFigures: period, todayFigures: today } = props.summary;
  const categories = [...new Set([...period.byCategory, ...today.byCategory].map((c) => c.category))].sort();
  const series = (span: Span, when: string) =>
    [...new Set(span.byCategory.map((c) => c.service))].map((service) => {
      const unit = span.byCategory.find((c) => c.service === service)!.unit;
      return {
        label: `${serviceName(service)} ${when} (${unit})`,
        data: categories.map((cat) => span.byCategory.find((c) => c.service === service && c.category === cat)?.quantity ?? '0'),
      };
    });
  return (
    <Chart
      id="usage-by-category"
      type="bar"
      label={`Usage by category: today (${props.summary.today}) and ${props.summary.period}`}
      labels={categories.length ? categories : ['no usage']}
      datasets={[...series(period, props.summary.period), ...series(today, 'today')]}
    />
  );
}

/** The rated amount of each day of the month, one line per currency (the amounts exact as summed, only drawn as numbers). */
export function RevenueByDayChart(props: { summary: Summary }) {
  const days = daysOf(props.summary.period);
  const currencies = [...new Set(props.summary.byDay.map((d) => d.currency))].sort();
  const datasets = currencies.map((currency) => ({
    label: `rated ${currency}`,
    data: days.map((day) => props.summary.byDay.find((d) => d.date === day && d.currency === currency)?.amount ?? '0'),
  }));
  return (
    <Chart
      id="revenue-by-day"
      type="line"
      label={`Rated revenue by day, ${props.summary.period}`}
      labels={days.map((d) => d.slice(8))}
      datasets={datasets.length ? datasets : [{ label: 'rated', data: days.map(() => '0') }]}
    />
  );
}

/** The figures behind the usage chart as a table (the same numbers, readable without the picture). */
export function UsageTable(props: { caption: string; span: Span }) {
  if (props.span.byCategory.length === 0) return <p class="hint">{props.caption}: no usage.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Category</th>
            <th scope="col" class="num">
              Events
            </th>
            <th scope="col" class="num">
              Quantity
            </th>
            <th scope="col" class="num">
              Rated
            </th>
          </tr>
        </thead>
        <tbody>
          {props.span.byCategory.map((c) => (
            <tr>
              <td>{serviceName(c.service)}</td>
              <td>
                <a href={`/usage?category=${encodeURIComponent(c.category)}`}>{c.category}</a>
              </td>
              <td class="num">{c.events}</td>
              <td class="num">
                {c.quantity} {c.unit === 'messages' && c.quantity === '1' ? 'message' : c.unit}
              </td>
              <td class="num">
                {c.rated.map((r) => (
                  <div>
                    <Money value={r.amount} currency={r.currency} />
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colspan={2}>Total</td>
            <td class="num">{props.span.events}</td>
            <td />
            <td class="num">
              {props.span.rated.map((r) => (
                <div>
                  <Money value={r.amount} currency={r.currency} />
                </div>
              ))}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
