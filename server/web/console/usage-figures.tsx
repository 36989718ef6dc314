import type { z } from 'zod';
import type { summarizeUsage } from '../../../app/usage/index.ts';
import { Chart, Money } from '../components.tsx';

type Summary = z.output<typeof summarizeUsage.output>;
type Span = Summary['periodFigures'];

const SERVICE_NAMES: Record<string, string> = { voice: 'Voice', sms: 'SMS', data: 'Data' };
const serviceName = (s: string) => SERVICE_NAMES[s] ?? s;
const SERVICE_ORDER = ['voice', 'sms', 'data'];

/** Every day of a month (YYYY-MM) as YYYY-MM-DD, so the revenue line has a point per day. */
function daysOf(period: string): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

/**
 * Usage by category, one chart per service in its own unit (voice in minutes, SMS in messages,
 * data in MB), each with the month's bars and today's beside them: units are never mixed on one axis.
 */
export function UsageByCategoryCharts(props: { summary: Summary }) {
  const { periodFigures: period, todayFigures: today } = props.summary;
  const services = [...new Set([...period.byCategory, ...today.byCategory].map((c) => c.service))].sort((a, b) => SERVICE_ORDER.indexOf(a) - SERVICE_ORDER.indexOf(b));
  if (services.length === 0) return <p class="hint">No usage to chart in {props.summary.period}.</p>;
  return (
    <>
      {services.map((service) => {
        const rows = [...period.byCategory, ...today.byCategory].filter((c) => c.service === service);
        const categories = [...new Set(rows.map((c) => c.category))].sort();
        const unit = rows[0]!.unit;
        const quantities = (span: Span) => categories.map((cat) => span.byCategory.find((c) => c.service === service && c.category === cat)?.quantity ?? '0');
        return (
          <Chart
            id={`usage-${service}`}
            type="bar"
            label={`${serviceName(service)} by category (${unit}): ${props.summary.period} and today (${props.summary.today})`}
            labels={categories}
            datasets={[
              { label: `${props.summary.period}`, data: quantities(period) },
              { label: 'today', data: quantities(today) },
            ]}
          />
        );
      })}
    </>
  );
}

/**
 * The rated amount of each day of the month, one line per currency (the amounts exact as summed,
 * only drawn as numbers); in the current month the line stops at today.
 */
export function RevenueByDayChart(props: { summary: Summary }) {
  const { period, today } = props.summary;
  const days = daysOf(period).filter((d) => !today.startsWith(period) || d <= today);
  const currencies = [...new Set(props.summary.byDay.map((d) => d.currency))].sort();
  const datasets = currencies.map((currency) => ({
    label: `rated ${currency}`,
    data: days.map((day) => props.summary.byDay.find((d) => d.date === day && d.currency === currency)?.amount ?? '0'),
  }));
  return (
    <Chart
      id="revenue-by-day"
      type="line"
      label={`Rated revenue by day, ${period}`}
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
