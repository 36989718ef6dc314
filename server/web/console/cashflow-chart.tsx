import { CASHFLOW_CHART, layoutCashflowChart } from '../../../tools/cashflow/index.ts';

const { width: WIDTH, height: HEIGHT, left: LEFT, bottom: BOTTOM, top: TOP } = CASHFLOW_CHART;

/** One bar of the chart: a label under it, its amount, and the words its tooltip and the screen reader say. */
export interface ChartBar {
  label: string;
  amount: string;
  title: string;
  kind: 'week' | 'later';
}

/**
 * The forecast as bars, drawn on the server as SVG (no chart library, no script): one bar per
 * week and a last, hatched one for what is later or doubtful, with the axis at zero and the
 * largest amount. Every bar has its figure in a <title>; the table beside it holds them too.
 */
export function CashflowChart(props: { bars: readonly ChartBar[]; currency: string; label: string }) {
  const layout = layoutCashflowChart(props.bars.map((b) => b.amount));
  const base = HEIGHT - BOTTOM;
  return (
    <figure class="cashflow-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.label} xmlns="http://www.w3.org/2000/svg">
        <defs>
          <pattern id="later-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="bar-later-bg" />
            <line x1="0" y1="0" x2="0" y2="6" class="bar-later-line" />
          </pattern>
        </defs>
        <line x1={LEFT} y1={base} x2={WIDTH} y2={base} class="axis" />
        <line x1={LEFT} y1={TOP} x2={LEFT} y2={base} class="axis" />
        <text x={LEFT - 6} y={TOP + 4} class="tick" text-anchor="end">
          {layout.axisMax}
        </text>
        <text x={LEFT - 6} y={base} class="tick" text-anchor="end">
          0
        </text>
        {props.bars.map((b, i) => {
          const box = layout.bars[i]!;
          return (
            <g class={`bar bar-${b.kind}`} data-amount={b.amount}>
              <title>{b.title}</title>
              <rect x={box.x} y={box.y} width={box.width} height={box.height} fill={b.kind === 'later' ? 'url(#later-hatch)' : undefined} />
              <text x={box.labelX} y={base + 16} class="tick" text-anchor="middle">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
