// The network, drawn as TensorFlow Playground draws it: the two inputs, every hidden unit shown (the strongest of a
// wide layer) as a small heatmap of its output over the square, the output, and the weights as lines whose colour is
// their sign and whose width is their size. Hovering a unit enlarges it; hovering a line gives the weight and the
// gradient its last step used. The layout is built once per shape and only the pictures and lines change per frame.
import { cssColour, probabilityRgb } from './draw.js';
import { decodeBytes } from './chart-axes.js';

const svgNs = 'http://www.w3.org/2000/svg';
const unitSize = 34, gap = 10, top = 24;

export function createNetworkView(holder) {
  let layout = null;   // the shape drawn: key, columns, lines
  let tip = null;

  function hideTip() {
    tip?.remove();
    tip = null;
  }

  function showTip(x, y, text, paint) {
    hideTip();
    tip = document.createElement('div');
    tip.className = 'tip';
    tip.textContent = text;
    if (paint) {
      const canvas = document.createElement('canvas');
      paint(canvas);
      canvas.setAttribute('aria-hidden', 'true');
      tip.append(canvas);
    }
    tip.style.left = `${Math.min(x + 12, holder.clientWidth - 180)}px`;
    tip.style.top = `${y + 12}px`;
    holder.append(tip);
  }

  // The columns: inputs, each hidden layer's units shown, the output; each unit with its place.
  function build(picture) {
    holder.replaceChildren();
    const columns = [
      { title: 'inputs', units: [{ index: 0, name: 'x1' }, { index: 1, name: 'x2' }] },
      ...picture.layers.map(layer => ({
        title: `${layer.name}: ${layer.width}`, hiddenCount: layer.width - layer.units.length,
        units: layer.units.map(u => ({ index: u.index, name: `${layer.name} unit ${u.index}` })),
      })),
      { title: 'output', units: [{ index: 0, name: 'output' }] },
    ];
    const tallest = Math.max(...columns.map(c => c.units.length));
    const height = top + tallest * (unitSize + gap) + 24;
    const width = Math.max(holder.clientWidth, 260);
    holder.style.height = `${height}px`;
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('aria-hidden', 'true');
    holder.append(svg);
    columns.forEach((column, c) => {
      column.x = (c + 0.5) * width / columns.length;
      const offset = top + (tallest - column.units.length) * (unitSize + gap) / 2;
      column.units.forEach((unit, k) => {
        unit.y = offset + k * (unitSize + gap) + unitSize / 2;
        unit.canvas = document.createElement('canvas');
        unit.canvas.className = 'unit';
        unit.canvas.width = unit.canvas.height = picture.unitCells;
        unit.canvas.setAttribute('aria-label', unit.name);
        unit.canvas.style.left = `${column.x - unitSize / 2}px`;
        unit.canvas.style.top = `${unit.y - unitSize / 2}px`;
        holder.append(unit.canvas);
      });
      label(holder, 'layer-title', column.title, column.x, 2);
      if (column.hiddenCount > 0) {
        label(holder, 'more', `+${column.hiddenCount} more`, column.x, offset + column.units.length * (unitSize + gap));
      }
    });
    const lines = picture.links.map((link, k) => link.weights.map((_, w) => {
      const from = columns[k].units[Math.floor(w / link.to.length)], to = columns[k + 1].units[w % link.to.length];
      const line = lineBetween(svg, from, to, 'weight');
      const hit = lineBetween(svg, from, to, 'hit');
      hit.addEventListener('pointerenter', event => showWeight(k, w, event));
      hit.addEventListener('pointerleave', hideTip);
      return line;
    }));
    svg.addEventListener('pointerleave', hideTip);
    return { key: keyOf(picture), columns, lines };
  }

  let current = null;

  function showWeight(k, w, event) {
    const link = current.links[k];
    const from = link.from[Math.floor(w / link.to.length)], to = link.to[w % link.to.length];
    const gradient = link.gradients ? link.gradients[w] : null;
    const box = holder.getBoundingClientRect();
    showTip(event.clientX - box.left, event.clientY - box.top,
      `layer${k + 1}.weight_${from}_${to} = ${link.weights[w]}; gradient ${gradient ?? '– (before the first epoch)'}`);
  }

  function paintUnits(picture) {
    const colours = { negative: rgbOf(cssColour('--negative')), positive: rgbOf(cssColour('--positive')) };
    const paintUnit = (canvas, bytes, cells) => paintValues(canvas, bytes, cells, colours);
    const paintCoordinate = (canvas, index) => paintInput(canvas, picture, index, colours);
    const [inputs, ...rest] = layout.columns;
    const output = rest.pop();
    inputs.units.forEach(unit => paintCoordinate(unit.canvas, unit.index));
    rest.forEach((column, l) => column.units.forEach((unit, k) => {
      const values = picture.layers[l].units[k];
      paintUnit(unit.canvas, decodeBytes(values.values), picture.unitCells);
      unit.canvas.onpointerenter = () => showTip(unit.canvas.offsetLeft, unit.canvas.offsetTop + unitSize,
        `${unit.name}: strength ${values.strength}, scale ±${picture.layers[l].scale}`,
        canvas => { canvas.width = canvas.height = picture.unitCells; paintUnit(canvas, decodeBytes(values.values), picture.unitCells); });
      unit.canvas.onpointerleave = hideTip;
    }));
    paintOutput(output.units[0].canvas, picture);
  }

  function paintLines(picture) {
    const positive = cssColour('--positive'), negative = cssColour('--negative');
    picture.links.forEach((link, k) => {
      const largest = Math.max(1e-12, ...link.weights.map(Math.abs));
      link.weights.forEach((weight, w) => {
        const line = layout.lines[k][w];
        line.setAttribute('stroke', weight >= 0 ? positive : negative);
        line.setAttribute('stroke-width', (0.5 + 4 * Math.abs(weight) / largest).toFixed(2));
        line.setAttribute('stroke-opacity', (0.35 + 0.6 * Math.abs(weight) / largest).toFixed(2));
      });
    });
  }

  return {
    update(picture) {
      current = picture;
      if (layout?.key !== keyOf(picture)) layout = build(picture);
      paintUnits(picture);
      paintLines(picture);
      holder.setAttribute('aria-label', `The network: inputs x1 and x2, ${picture.layers.map(l => `${l.name} of ${l.width} units`).join(', ')}, one output`);
    },
    clear() {
      layout = null;
      current = null;
      holder.replaceChildren();
    },
  };
}

// The shape and the units shown: when they change the view is built again, otherwise only repainted.
function keyOf(picture) {
  return `${picture.unitCells}|${picture.layers.map(l => `${l.width}:${l.units.map(u => u.index).join(',')}`).join('|')}`;
}

function label(holder, className, text, x, y) {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  span.style.left = `${x}px`;
  span.style.top = `${y}px`;
  holder.append(span);
}

function lineBetween(svg, from, to, className) {
  const line = document.createElementNS(svgNs, 'line');
  line.setAttribute('x1', from.canvas ? parseFloat(from.canvas.style.left) + unitSize : 0);
  line.setAttribute('y1', from.y);
  line.setAttribute('x2', parseFloat(to.canvas.style.left));
  line.setAttribute('y2', to.y);
  line.setAttribute('class', className);
  svg.append(line);
  return line;
}

// A unit's bytes on its layer's scale: 0 is −S (the negative colour), 128 about 0 (white), 255 is S (positive).
function paintValues(canvas, bytes, cells, { negative, positive }) {
  const image = new ImageData(cells, cells);
  bytes.forEach((b, k) => {
    const t = (b - 127.5) / 127.5;
    const end = t < 0 ? negative : positive;
    image.data.set([...end.map(c => Math.round(255 + (c - 255) * Math.abs(t))), 255], 4 * k);
  });
  canvas.getContext('2d').putImageData(image, 0, 0);
}

// An input's value over the square, on the same colours, −max..max of the square's coordinates.
function paintInput(canvas, picture, index, colours) {
  const cells = picture.unitCells, largest = Math.max(Math.abs(picture.low), Math.abs(picture.high));
  const bytes = new Uint8Array(cells * cells);
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const value = index === 0
        ? picture.low + (c + 0.5) / cells * (picture.high - picture.low)
        : picture.high - (r + 0.5) / cells * (picture.high - picture.low);
      bytes[r * cells + c] = Math.round(127.5 + 127.5 * value / largest);
    }
  }
  paintValues(canvas, bytes, cells, colours);
}

// The output over the square at the unit's size: every other cell of the boundary, in the boundary's colours.
function paintOutput(canvas, picture) {
  const bytes = decodeBytes(picture.output), cells = picture.unitCells;
  const image = new ImageData(cells, cells);
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      image.data.set([...probabilityRgb(bytes[2 * r * picture.cells + 2 * c] / 255), 255], 4 * (r * cells + c));
    }
  }
  canvas.getContext('2d').putImageData(image, 0, 0);
}

function rgbOf(colour) {
  const probe = document.createElement('canvas').getContext('2d');
  probe.fillStyle = colour;
  const hex = probe.fillStyle;
  return hex.startsWith('#') ? [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)) : [128, 128, 128];
}
