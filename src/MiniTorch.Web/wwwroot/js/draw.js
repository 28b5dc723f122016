// Drawing numbers the server computed: heatmaps, the 0.5 contour, points and line charts. Nothing is computed here
// beyond where to put a pixel.

const blue = [0x6e, 0x9f, 0xd8];
const white = [0xff, 0xff, 0xff];
const red = [0xe8, 0x83, 0x7a];

export function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// The boundary's colours, as minitorch train's picture: light blue at 0, white at 0.5, light red at 1.
export function probabilityRgb(p) {
  const [from, to, t] = p < 0.5 ? [blue, white, p * 2] : [white, red, (p - 0.5) * 2];
  return from.map((c, i) => Math.round(c + (to[i] - c) * t));
}

function probabilityColour(p) {
  return `rgb(${probabilityRgb(p).join(',')})`;
}

function grid(canvas, cells, colourOf) {
  const context = canvas.getContext('2d');
  const size = canvas.width / cells;
  for (let row = 0; row < cells; row++) {
    for (let column = 0; column < cells; column++) {
      context.fillStyle = colourOf(row * cells + column);
      context.fillRect(Math.floor(column * size), Math.floor(row * size), Math.ceil(size), Math.ceil(size));
    }
  }
  return context;
}

// Curves over x, sharing one y range that fits every finite value; null is a gap. Each series: values, colour,
// width and an optional dash pattern. The y range's ends are written on the left.
export function curves(canvas, xs, series) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  const left = 64, top = 8, bottom = 28, right = 8;
  context.clearRect(0, 0, width, height);
  context.strokeStyle = cssColour('--line');
  context.lineWidth = 1;
  context.setLineDash([]);
  context.strokeRect(left, top, width - left - right, height - top - bottom);
  const finite = series.flatMap(s => s.values).filter(v => v !== null && Number.isFinite(v));
  if (xs.length < 2 || finite.length === 0) return;
  let low = Math.min(...finite), high = Math.max(...finite);
  if (high - low < 1e-12 * Math.max(1, Math.abs(high))) { low -= 1; high += 1; }
  const xOf = x => left + (x - xs[0]) / (xs[xs.length - 1] - xs[0]) * (width - left - right);
  const yOf = v => top + (high - v) / (high - low) * (height - top - bottom);
  context.fillStyle = cssColour('--muted');
  context.font = '12px system-ui, sans-serif';
  context.fillText(String(xs[0]), left, height - 10);
  context.fillText(String(xs[xs.length - 1]), width - 40, height - 10);
  context.fillText(high.toPrecision(4), 2, top + 10);
  context.fillText(low.toPrecision(4), 2, height - bottom);
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

// A table of numbers as a heatmap, row 0 at the bottom (y grows upwards): blue at the smallest value, red at the
// largest, grey where there is no value. Returns the range shown.
export function heatmap(canvas, values, columns) {
  const finite = values.filter(v => v !== null && Number.isFinite(v));
  const low = finite.length ? Math.min(...finite) : 0, high = finite.length ? Math.max(...finite) : 0;
  const rows = values.length / columns;
  grid(canvas, columns, k => {
    const v = values[(rows - 1 - Math.floor(k / columns)) * columns + (k % columns)];
    if (v === null || !Number.isFinite(v)) return '#999';
    return probabilityColour(high > low ? (v - low) / (high - low) : 0.5);
  });
  return { low, high };
}
