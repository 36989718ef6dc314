import { Counter, Histogram, Registry } from 'prom-client';
import { COUNTERS, metricTotal, type CounterName } from '../app/index.ts';

/** The metrics of one app: its own registry, so two apps in one process (tests) never collide. */
export interface ServerMetrics {
  /** Records one answered request. */
  observe(req: { method: string; route: string; status: number; seconds: number }): void;
  /** The Prometheus text exposition, and its content type. */
  render(): Promise<{ body: string; contentType: string }>;
}

/** Request counts and a latency histogram by route and status, and the operations' counters (app/metrics.ts). */
export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'switchboard_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const latency = new Histogram({
    name: 'switchboard_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  for (const [key, c] of Object.entries(COUNTERS)) {
    new Counter({
      name: c.name,
      help: c.help,
      registers: [registry],
      // Read at each scrape from the plain totals operations keep.
      collect() {
        this.reset();
        const total = metricTotal(key as CounterName);
        if (total > 0) this.inc(total);
      },
    });
  }
  return {
    observe({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
