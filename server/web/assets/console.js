// The console's small script: draws the charts a page declares (data-chart on a canvas) with
// Chart.js, and asks before a form marked data-confirm is sent. Plain browser JavaScript, no build.

(() => {
  const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569'];

  /** Draws one chart from its declared data; the numbers arrive as decimal strings and are only drawn. */
  function draw(canvas) {
    if (typeof window.Chart !== 'function') return;
    const spec = JSON.parse(canvas.dataset.chart);
    const datasets = spec.datasets.map((d, i) => ({
      label: d.label,
      data: d.data.map(Number),
      backgroundColor: spec.type === 'doughnut' ? PALETTE : PALETTE[i % PALETTE.length],
      borderColor: spec.type === 'line' ? PALETTE[i % PALETTE.length] : undefined,
      tension: 0.2,
    }));
    const scales = spec.type === 'doughnut' ? {} : { x: { stacked: spec.stacked }, y: { stacked: spec.stacked, beginAtZero: true } };
    // Charts are drawn once, without animation, so screenshots and slow machines see the final picture.
    new window.Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets }, options: { animation: false, responsive: true, maintainAspectRatio: false, scales } });
    canvas.dataset.drawn = 'true';
  }

  function start() {
    for (const canvas of document.querySelectorAll('canvas[data-chart]')) draw(canvas);
    for (const form of document.querySelectorAll('form[data-confirm]')) {
      form.addEventListener('submit', (e) => {
        if (!window.confirm(form.dataset.confirm)) e.preventDefault();
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
