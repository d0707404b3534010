const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

export interface BarSeries {
  label: string;
  /** One value per bar; the series are drawn over each other, the first (largest) behind. */
  values: number[];
  className: string;
}

/**
 * A small bar chart as SVG (no chart library): one column per label, the series overlaid
 * (e.g. all searches, and those without a strong answer in front), a title per bar with the
 * figures for hover and screen readers, and the first and last labels under the axis.
 */
export function renderBarChart(options: { title: string; labels: string[]; series: BarSeries[]; width?: number; height?: number }): SVGSVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 160;
  const pad = { top: 8, right: 8, bottom: 22, left: 40 };
  const max = Math.max(1, ...options.series.flatMap((s) => s.values));
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const n = Math.max(1, options.labels.length);
  const step = plotW / n;
  const barW = Math.max(1, Math.min(28, step * 0.8));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': options.title });
  root.append(svg('title', {}, options.title));
  for (const tick of [0, max]) {
    const y = pad.top + plotH - (tick / max) * plotH;
    root.append(svg('line', { x1: pad.left, x2: width - pad.right, y1: y, y2: y, class: 'chart-grid' }));
    root.append(svg('text', { x: pad.left - 4, y: y + 4, 'text-anchor': 'end', class: 'chart-label' }, String(tick)));
  }
  options.labels.forEach((label, i) => {
    const x = pad.left + i * step + (step - barW) / 2;
    const group = svg('g', {});
    group.append(svg('title', {}, `${label}: ${options.series.map((s) => `${s.label} ${s.values[i] ?? 0}`).join(', ')}`));
    for (const series of options.series) {
      const value = series.values[i] ?? 0;
      const h = (value / max) * plotH;
      group.append(svg('rect', { x, y: pad.top + plotH - h, width: barW, height: h, class: series.className }));
    }
    root.append(group);
  });
  const first = options.labels[0];
  const last = options.labels[options.labels.length - 1];
  if (first) root.append(svg('text', { x: pad.left, y: height - 6, class: 'chart-label' }, first));
  if (last && last !== first) root.append(svg('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end', class: 'chart-label' }, last));
  return root;
}
