/**
 * The statistics page's charts, drawn by chart.js. Only the controllers, elements and scales
 * used here are registered (tree-shaken bundle). Numbers are formatted in the reader's language
 * (chart.js `locale`); days are business days already, formatted as dates without any zone shift.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

/** A colour of the design tokens (styles.css :root). */
export function token(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export interface Series {
  label: string;
  data: number[];
  color: string;
}

export interface ChartProps {
  id: string;
  title: string;
  kind: 'line' | 'bar';
  labels: string[];
  series: Series[];
  language: string;
  /** Horizontal bars (long names on the category axis). */
  horizontal?: boolean;
}

function config(p: ChartProps): ChartConfiguration<'line' | 'bar'> {
  const ink = token('--ink', '#0b1a2a');
  const line = token('--line', '#c9d3dd');
  return {
    type: p.kind,
    data: {
      labels: p.labels,
      datasets: p.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color, pointRadius: p.labels.length > 60 ? 0 : 2, borderWidth: 2 })),
    },
    options: {
      // drawn at once: the page is read, not watched, and a test sees the final picture
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: p.language,
      indexAxis: p.horizontal ? 'y' : 'x',
      color: ink,
      plugins: { legend: { display: p.series.length > 1, labels: { color: ink } }, tooltip: { enabled: true } },
      scales: {
        x: { ticks: { color: ink, autoSkip: true, maxRotation: 0 }, grid: { color: line }, beginAtZero: true },
        y: { ticks: { color: ink, autoSkip: !p.horizontal }, grid: { color: line }, beginAtZero: true },
      },
    },
  };
}

/** One chart in a card; redrawn when its data or language changes, destroyed with the card. */
export function StatsChart(p: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config(p));
    return () => chart.destroy();
  }, [JSON.stringify(p)]);
  return (
    <figure class="card chart-card" id={p.id}>
      <figcaption><h2>{p.title}</h2></figcaption>
      <div class="chart">
        <canvas ref={canvas} role="img" aria-label={p.title} />
      </div>
    </figure>
  );
}
