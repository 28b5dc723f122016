// The Training page's charts: lines over the epochs with both axes ticked and numbered. A long run is drawn from at
// most two points per pixel column, so the chart costs the same after 100,000 epochs as after 500.
import { cssColour } from './draw.js';
import { niceTicks, tickText } from './chart-axes.js';

const margin = { left: 52, top: 12, right: 12, bottom: 40 };

// series: [{ values, colour, dash }], over xs (the epochs); y from `low` to `high` (or the values' largest).
export function lineChart(canvas, xs, series, { yLabel, low = 0, high = null }) {
  const context = canvas.getContext('2d');
  const width = canvas.width - margin.left - margin.right;
  const height = canvas.height - margin.top - margin.bottom;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.font = '12px system-ui, sans-serif';
  const top = high ?? Math.max(1e-9, ...series.flatMap(s => s.values.filter(Number.isFinite)));
  const first = xs.length ? xs[0] : 1, last = xs.length ? Math.max(xs[xs.length - 1], first + 1) : 10;
  const xOf = x => margin.left + (x - first) / (last - first) * width;
  const yOf = y => margin.top + (1 - (y - low) / (top - low)) * height;
  grid(context, niceTicks(first, last, 6), niceTicks(low, top, 5), xOf, yOf, width, height);
  context.fillStyle = cssColour('--text');
  context.textAlign = 'center';
  context.fillText('epoch', margin.left + width / 2, canvas.height - 8);
  context.save();
  context.translate(12, margin.top + height / 2);
  context.rotate(-Math.PI / 2);
  context.fillText(yLabel, 0, 0);
  context.restore();
  const stride = Math.max(1, Math.floor(xs.length / (2 * width)));
  const shown = [];
  for (let k = 0; k < xs.length; k += stride) shown.push(k);
  if (xs.length && shown[shown.length - 1] !== xs.length - 1) shown.push(xs.length - 1);
  for (const { values, colour, dash } of series) {
    context.strokeStyle = colour;
    context.lineWidth = 2;
    context.setLineDash(dash ?? []);
    context.beginPath();
    let drawing = false;
    for (const k of shown) {
      const v = values[k];
      if (!Number.isFinite(v)) { drawing = false; continue; }
      if (drawing) context.lineTo(xOf(xs[k]), yOf(v)); else context.moveTo(xOf(xs[k]), yOf(v));
      drawing = true;
    }
    context.stroke();
  }
  context.setLineDash([]);
}

function grid(context, xTicks, yTicks, xOf, yOf, width, height) {
  const bottom = margin.top + height;
  context.strokeStyle = cssColour('--line');
  context.fillStyle = cssColour('--muted');
  context.lineWidth = 1;
  context.textBaseline = 'top';
  context.textAlign = 'center';
  for (const x of xTicks) {
    context.beginPath();
    context.moveTo(xOf(x), margin.top);
    context.lineTo(xOf(x), bottom + 4);
    context.stroke();
    context.fillText(tickText(x), xOf(x), bottom + 6);
  }
  context.textBaseline = 'middle';
  context.textAlign = 'right';
  for (const y of yTicks) {
    context.beginPath();
    context.moveTo(margin.left - 4, yOf(y));
    context.lineTo(margin.left + width, yOf(y));
    context.stroke();
    context.fillText(tickText(y), margin.left - 6, yOf(y));
  }
  context.strokeStyle = cssColour('--muted');
  context.strokeRect(margin.left, margin.top, width, height);
}
