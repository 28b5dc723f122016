// Drawing numbers the server computed: heatmaps, the 0.5 contour, points and line charts. Nothing is computed here
// beyond where to put a pixel.

const blue = [0x6e, 0x9f, 0xd8];
const white = [0xff, 0xff, 0xff];
const red = [0xe8, 0x83, 0x7a];

export function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// The boundary's colours, as minitorch train's picture: light blue at 0, white at 0.5, light red at 1.
function probabilityColour(p) {
  const [from, to, t] = p < 0.5 ? [blue, white, p * 2] : [white, red, (p - 0.5) * 2];
  return `rgb(${from.map((c, i) => Math.round(c + (to[i] - c) * t)).join(',')})`;
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

// Marching squares over the cell centres: one segment per square that the level crosses.
function contour(context, values, cells, size, level) {
  const at = (r, c) => values[r * cells + c];
  const point = (r1, c1, r2, c2) => {
    const a = at(r1, c1), b = at(r2, c2), t = (level - a) / (b - a);
    return [(c1 + (c2 - c1) * t + 0.5) * size, (r1 + (r2 - r1) * t + 0.5) * size];
  };
  context.beginPath();
  for (let r = 0; r < cells - 1; r++) {
    for (let c = 0; c < cells - 1; c++) {
      const crossings = [];
      const edges = [[r, c, r, c + 1], [r, c + 1, r + 1, c + 1], [r + 1, c, r + 1, c + 1], [r, c, r + 1, c]];
      for (const [r1, c1, r2, c2] of edges) {
        if ((at(r1, c1) < level) !== (at(r2, c2) < level)) crossings.push(point(r1, c1, r2, c2));
      }
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        context.moveTo(...crossings[k]);
        context.lineTo(...crossings[k + 1]);
      }
    }
  }
  context.stroke();
}

// Where a point (x1, x2) is drawn on a picture of the square, in the canvas's pixels.
export function pointAt(canvas, picture, [x1, x2]) {
  const span = picture.high - picture.low;
  return [(x1 - picture.low) / span * canvas.width, (picture.high - x2) / span * canvas.height];
}

export function boundary(canvas, picture, points, labels) {
  const context = grid(canvas, picture.cells, k => probabilityColour(picture.output[k]));
  const size = canvas.width / picture.cells;
  context.strokeStyle = 'rgba(0,0,0,0.6)';
  context.lineWidth = 1.5;
  contour(context, picture.output, picture.cells, size, 0.5);
  points.forEach((point, k) => {
    const [x, y] = pointAt(canvas, picture, point);
    context.beginPath();
    context.arc(x, y, 5, 0, 2 * Math.PI);
    context.fillStyle = labels[k] === 1 ? '#c0392b' : '#1f5fad';
    context.fill();
    context.strokeStyle = '#fff';
    context.lineWidth = 1.2;
    context.stroke();
  });
}

export function unit(canvas, values, cells, max) {
  grid(canvas, cells, k => {
    const t = max > 0 ? values[k] / max : 0;
    const shade = Math.round(255 - t * 200);
    return `rgb(${shade},${shade},${Math.round(255 - t * 120)})`;
  });
}

// Lines over a shared x axis; each series has its own y range [0, top].
export function chart(canvas, xs, series) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  const pad = 28;
  context.clearRect(0, 0, width, height);
  context.strokeStyle = cssColour('--line');
  context.strokeRect(pad, 8, width - pad - 8, height - pad - 8);
  context.fillStyle = cssColour('--muted');
  context.font = '12px system-ui, sans-serif';
  if (xs.length === 0) return;
  const xMin = xs[0], xMax = Math.max(xs[xs.length - 1], xMin + 1);
  context.fillText(String(xMin), pad, height - 10);
  context.fillText(String(xMax), width - 40, height - 10);
  for (const { values, top, colour } of series) {
    context.strokeStyle = colour;
    context.lineWidth = 2;
    context.beginPath();
    values.forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      const x = pad + (xs[k] - xMin) / (xMax - xMin) * (width - pad - 8);
      const y = 8 + (1 - v / top) * (height - pad - 8);
      if (k === 0) context.moveTo(x, y); else context.lineTo(x, y);
    });
    context.stroke();
  }
}
