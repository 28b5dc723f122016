// Plots of numbers the server sampled: curves over x and heatmaps over (x, y), each with axes, ticks and a zero line;
// a heatmap's colours are centred on 0 (blue below, white at 0, red above) and explained by a colour bar. Nothing is
// computed here beyond where to put a pixel and which round numbers to tick.
import { cssColour } from './draw.js';

const font = '12px system-ui, sans-serif';
const blue = [0x21, 0x66, 0xac];
const white = [0xff, 0xff, 0xff];
const red = [0xb2, 0x18, 0x2b];

// Round numbers between low and high, about count of them: steps of 1, 2 or 5 times a power of ten.
export function ticks(low, high, count = 5) {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [low];
  const magnitude = 10 ** Math.floor(Math.log10(span / count));
  const step = [1, 2, 5, 10].map(m => m * magnitude).find(s => span / s <= count);
  const values = [];
  for (let k = Math.ceil(low / step); k * step <= high + step * 1e-9; k++) values.push(Number((k * step).toPrecision(12)));
  return values;
}

function tickText(value) {
  return Math.abs(value) >= 1e5 || (value !== 0 && Math.abs(value) < 1e-3) ? value.toExponential(1) : String(value);
}

function finiteRange(values) {
  let low = Infinity, high = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return low <= high ? { low, high } : null;
}

// The axes of a plot area: a frame, ticks and their numbers on the left and at the bottom, light grid lines across the
// area (unless grid is false: a heatmap shows through), and a stronger line where y = 0 (and x = 0) when the range
// holds it.
function axes(context, area, xRange, yRange, grid = true) {
  const { left, top, width, height } = area;
  const xOf = x => left + (x - xRange.low) / (xRange.high - xRange.low) * width;
  const yOf = y => top + (yRange.high - y) / (yRange.high - yRange.low) * height;
  context.font = font;
  context.lineWidth = 1;
  context.setLineDash([]);
  context.strokeStyle = cssColour('--line');
  context.fillStyle = cssColour('--muted');
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const x of ticks(xRange.low, xRange.high, Math.max(4, Math.floor(width / 60)))) {
    context.beginPath();
    context.moveTo(xOf(x), grid ? top : top + height);
    context.lineTo(xOf(x), top + height + 4);
    context.stroke();
    context.fillText(tickText(x), xOf(x), top + height + 6);
  }
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const y of ticks(yRange.low, yRange.high, Math.max(2, Math.floor(height / 45)))) {
    context.beginPath();
    context.moveTo(left - 4, yOf(y));
    context.lineTo(grid ? left + width : left, yOf(y));
    context.stroke();
    context.fillText(tickText(y), left - 6, yOf(y));
  }
  context.strokeStyle = cssColour('--muted');
  context.strokeRect(left, top, width, height);
  context.lineWidth = 1.5;
  if (yRange.low < 0 && yRange.high > 0) {
    context.beginPath();
    context.moveTo(left, yOf(0));
    context.lineTo(left + width, yOf(0));
    context.stroke();
  }
  if (xRange.low < 0 && xRange.high > 0) {
    context.beginPath();
    context.moveTo(xOf(0), top);
    context.lineTo(xOf(0), top + height);
    context.stroke();
  }
  return { xOf, yOf };
}

// Curves over x on one pair of axes, sharing a y range that fits every finite value; null is a gap. Each series:
// values, colour, lineWidth and an optional dash pattern.
export function curves(canvas, xs, series) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const area = { left: 64, top: 10, width: canvas.width - 76, height: canvas.height - 40 };
  let yRange = finiteRange(series.flatMap(s => s.values)) ?? { low: -1, high: 1 };
  if (yRange.high - yRange.low <= 1e-12 * Math.max(1, Math.abs(yRange.high))) yRange = { low: yRange.low - 1, high: yRange.high + 1 };
  const { xOf, yOf } = axes(context, area, { low: xs[0], high: xs[xs.length - 1] }, yRange);
  for (const { values, colour, lineWidth, dash } of series) {
    context.strokeStyle = colour;
    context.lineWidth = lineWidth;
    context.setLineDash(dash ?? []);
    context.beginPath();
    let drawing = false;
    values.forEach((v, k) => {
      if (v === null || !Number.isFinite(v)) { drawing = false; return; }
      if (drawing) context.lineTo(xOf(xs[k]), yOf(v)); else context.moveTo(xOf(xs[k]), yOf(v));
      drawing = true;
    });
    context.stroke();
  }
  context.setLineDash([]);
}

// The colour of a value on a scale from -reach to +reach: blue, white at 0, red.
function divergingColour(value, reach) {
  const t = reach > 0 ? Math.max(-1, Math.min(1, value / reach)) : 0;
  const [from, to, u] = t < 0 ? [white, blue, -t] : [white, red, t];
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * u)).join(',')})`;
}

// A table of numbers over (x, y), row by row from the smallest y, as a heatmap with x across and y up, grey where
// there is no value, and a colour bar on the right from -reach to +reach, reach being the largest |value|.
export function heatmap(canvas, xs, ys, values) {
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, canvas.width, canvas.height);
  const area = { left: 48, top: 10, width: canvas.width - 48 - 78, height: canvas.height - 40 };
  const range = finiteRange(values);
  const reach = range ? Math.max(Math.abs(range.low), Math.abs(range.high)) : 0;
  const [columns, rows] = [xs.length, ys.length];
  const [cellWidth, cellHeight] = [area.width / columns, area.height / rows];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const v = values[row * columns + column];
      context.fillStyle = v === null || !Number.isFinite(v) ? '#999' : divergingColour(v, reach);
      context.fillRect(area.left + column * cellWidth, area.top + (rows - 1 - row) * cellHeight, Math.ceil(cellWidth), Math.ceil(cellHeight));
    }
  }
  const half = [(xs[1] - xs[0]) / 2, (ys[1] - ys[0]) / 2];
  axes(context, area, { low: xs[0] - half[0], high: xs[columns - 1] + half[0] }, { low: ys[0] - half[1], high: ys[rows - 1] + half[1] }, false);
  colourBar(context, { left: area.left + area.width + 12, top: area.top, width: 14, height: area.height }, reach);
  return { range, reach };
}

function colourBar(context, bar, reach) {
  for (let k = 0; k < bar.height; k++) {
    context.fillStyle = divergingColour(reach * (1 - 2 * k / bar.height), reach);
    context.fillRect(bar.left, bar.top + k, bar.width, 1);
  }
  context.strokeStyle = cssColour('--muted');
  context.lineWidth = 1;
  context.strokeRect(bar.left, bar.top, bar.width, bar.height);
  context.fillStyle = cssColour('--muted');
  context.font = font;
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  const label = v => (reach === 0 ? '0' : Number(v.toPrecision(3)).toString());
  context.fillText(label(reach), bar.left + bar.width + 4, bar.top + 6);
  context.fillText('0', bar.left + bar.width + 4, bar.top + bar.height / 2);
  context.fillText(label(-reach), bar.left + bar.width + 4, bar.top + bar.height - 6);
}
