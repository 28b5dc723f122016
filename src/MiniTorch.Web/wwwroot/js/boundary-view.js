// The Training page's big picture: the network's output over the square as a smooth heatmap with its 0.5 line, axes
// with ticks, a colour scale, and the points (training filled, test hollow) on a canvas of their own above it, so that
// a new picture does not redraw the points and new points do not redraw the picture. Only drawing happens here.
import { cssColour, probabilityRgb } from './draw.js';
import { niceTicks, decodeBytes, tickText } from './chart-axes.js';

const margin = { left: 46, top: 14, right: 62, bottom: 40 };
const pointRadius = 5;

// Where a coordinate lands on a canvas of the square [low, high]^2.
export function placement(canvas, low, high) {
  const width = canvas.width - margin.left - margin.right;
  const height = canvas.height - margin.top - margin.bottom;
  const span = high - low;
  return {
    x: x1 => margin.left + (x1 - low) / span * width,
    y: x2 => margin.top + (high - x2) / span * height,
    width, height,
  };
}

// The heatmap of the output bytes (round(255 p), top row first), smoothed, then its 0.5 line, the axes and the scale.
export function drawBoundary(canvas, picture) {
  const context = canvas.getContext('2d');
  const { cells } = picture;
  const at = placement(canvas, picture.low, picture.high);
  context.clearRect(0, 0, canvas.width, canvas.height);
  const bytes = decodeBytes(picture.output);
  const image = new ImageData(cells, cells);
  bytes.forEach((b, k) => {
    const [r, g, bl] = probabilityRgb(b / 255);
    image.data.set([r, g, bl, 255], 4 * k);
  });
  const cellsCanvas = new OffscreenCanvas(cells, cells);
  cellsCanvas.getContext('2d').putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(cellsCanvas, margin.left, margin.top, at.width, at.height);
  contour(context, bytes, cells, margin.left, margin.top, at.width / cells, at.height / cells);
  axes(context, at, picture.low, picture.high);
  colourScale(context, canvas);
}

// The points, over the square of the picture: class 0 blue, class 1 red; test points as rings.
export function drawPoints(canvas, low, high, points, labels, testPoints, testLabels) {
  const context = canvas.getContext('2d');
  const at = placement(canvas, low, high);
  const colours = [cssColour('--class0'), cssColour('--class1')];
  context.clearRect(0, 0, canvas.width, canvas.height);
  points.forEach(([x1, x2], k) => {
    context.beginPath();
    context.arc(at.x(x1), at.y(x2), pointRadius, 0, 2 * Math.PI);
    context.fillStyle = colours[labels[k]];
    context.fill();
    context.strokeStyle = '#fff';
    context.lineWidth = 1.2;
    context.stroke();
  });
  testPoints.forEach(([x1, x2], k) => {
    context.beginPath();
    context.arc(at.x(x1), at.y(x2), pointRadius - 1, 0, 2 * Math.PI);
    context.strokeStyle = '#fff';
    context.lineWidth = 4;
    context.stroke();
    context.strokeStyle = colours[testLabels[k]];
    context.lineWidth = 2;
    context.stroke();
  });
}

export function clearCanvas(canvas) {
  canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
}

// Marching squares over the cell centres at p = 0.5 (byte 127.5): one segment per square the level crosses.
function contour(context, bytes, cells, left, top, cellWidth, cellHeight) {
  const level = 127.5;
  const at = (r, c) => bytes[r * cells + c];
  const point = (r1, c1, r2, c2) => {
    const a = at(r1, c1), t = (level - a) / (at(r2, c2) - a);
    return [left + (c1 + (c2 - c1) * t + 0.5) * cellWidth, top + (r1 + (r2 - r1) * t + 0.5) * cellHeight];
  };
  context.strokeStyle = 'rgba(0,0,0,0.65)';
  context.lineWidth = 1.5;
  context.beginPath();
  for (let r = 0; r < cells - 1; r++) {
    for (let c = 0; c < cells - 1; c++) {
      const crossings = [];
      for (const [r1, c1, r2, c2] of [[r, c, r, c + 1], [r, c + 1, r + 1, c + 1], [r + 1, c, r + 1, c + 1], [r, c, r + 1, c]]) {
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

function axes(context, at, low, high) {
  context.strokeStyle = cssColour('--muted');
  context.fillStyle = cssColour('--text');
  context.lineWidth = 1;
  context.font = '12px system-ui, sans-serif';
  context.strokeRect(margin.left, margin.top, at.width, at.height);
  const bottom = margin.top + at.height;
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const tick of niceTicks(low, high, 5)) {
    const x = at.x(tick);
    context.beginPath();
    context.moveTo(x, bottom);
    context.lineTo(x, bottom + 5);
    context.stroke();
    context.fillText(tickText(tick), x, bottom + 7);
  }
  context.fillText('x1', margin.left + at.width / 2, bottom + 22);
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of niceTicks(low, high, 5)) {
    const y = at.y(tick);
    context.beginPath();
    context.moveTo(margin.left - 5, y);
    context.lineTo(margin.left, y);
    context.stroke();
    context.fillText(tickText(tick), margin.left - 7, y);
  }
  context.save();
  context.translate(12, margin.top + at.height / 2);
  context.rotate(-Math.PI / 2);
  context.textAlign = 'center';
  context.fillText('x2', 0, 0);
  context.restore();
}

// A vertical bar from P = 0 (bottom) to 1 (top) at the right, in the heatmap's colours, with 0, 0.5 and 1 marked.
function colourScale(context, canvas) {
  const left = canvas.width - margin.right + 14, width = 14;
  const top = margin.top, height = canvas.height - margin.top - margin.bottom;
  // The colour map is linear between its three colours, so a gradient through them draws it exactly.
  const gradient = context.createLinearGradient(0, top + height, 0, top);
  for (const p of [0, 0.5, 1]) gradient.addColorStop(p, `rgb(${probabilityRgb(p).join(',')})`);
  context.fillStyle = gradient;
  context.fillRect(left, top, width, height);
  context.strokeStyle = cssColour('--muted');
  context.strokeRect(left, top, width, height);
  context.fillStyle = cssColour('--text');
  context.textAlign = 'left';
  context.textBaseline = 'middle';
  for (const p of [0, 0.5, 1]) context.fillText(String(p), left + width + 4, top + (1 - p) * height);
  context.textBaseline = 'top';
  context.fillText('P(1)', left - 4, top + height + 8);
}
