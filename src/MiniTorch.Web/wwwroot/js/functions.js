// The Scalar functions page: one of MiniTorch's test functions, or an expression in x (or x and y), sampled by the
// server. One input: f and df/dx, by autodiff and by central difference, on the same axes. Two inputs: heatmaps of
// f, df/dx and df/dy.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import * as draw from './draw.js';

const element = id => document.getElementById(id);
let functions = [];
let timer = 0;
let latest = 0;

function showError(problem) {
  element('function-error').textContent = problemText(problem);
  element('function-error').hidden = false;
  element('functions-status').textContent = '';
}

function showLine(result) {
  element('function-line').hidden = false;
  element('function-grid').hidden = true;
  draw.curves(element('function-value'), result.xs, [{ values: result.values, colour: draw.cssColour('--text'), lineWidth: 2 }]);
  draw.curves(element('function-derivative'), result.xs, [
    { values: result.derivatives, colour: draw.cssColour('--class0'), lineWidth: 5 },
    { values: result.centralDifferences, colour: draw.cssColour('--class1'), lineWidth: 2, dash: [6, 4] },
  ]);
  element('functions-status').textContent =
    `f(x) at ${result.xs.length} values of x from ${result.xs[0]} to ${result.xs[result.xs.length - 1]}`;
}

function showGrid(result) {
  element('function-line').hidden = true;
  element('function-grid').hidden = false;
  const maps = [['function-heat-value', result.values, 'f(x, y)'], ['function-heat-x', result.xDerivatives, 'df/dx'],
    ['function-heat-y', result.yDerivatives, 'df/dy']];
  for (const [id, values, name] of maps) {
    const { low, high } = draw.heatmap(element(id), values, result.xs.length);
    element(`${id}-caption`).textContent = `${name}: blue ${low.toPrecision(4)}, red ${high.toPrecision(4)}; x across, y up`;
  }
  element('functions-status').textContent =
    `A grid of ${result.xs.length} \u00d7 ${result.ys.length} points, x and y from ${result.xs[0]} to ${result.xs[result.xs.length - 1]}`;
}

async function sample() {
  const ticket = ++latest;
  const request = {
    expression: element('function-expression').value,
    from: Number(element('function-from').value),
    to: Number(element('function-to').value),
  };
  writeSettings({
    fn: element('function-name').value,
    fexpr: element('function-name').value ? null : request.expression,
    from: element('function-from').value,
    to: element('function-to').value,
  });
  const answer = await send('POST', '/api/functions', request);
  if (ticket !== latest) return;
  if (!answer.ok) {
    showError(answer.data);
    return;
  }
  element('function-error').hidden = true;
  if (answer.data.kind === 'grid') showGrid(answer.data); else showLine(answer.data);
  document.dispatchEvent(new CustomEvent('function-drawn'));
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(sample, 200);
}

function pick() {
  const chosen = functions.find(f => f.name === element('function-name').value);
  if (chosen) element('function-expression').value = chosen.expression;
  sample();
}

export async function startFunctions() {
  const answer = await send('GET', '/api/functions');
  functions = answer.ok ? answer.data : [];
  element('function-name').append(...functions.map(f => new Option(`${f.name}: ${f.expression}`, f.name)));
  const name = readSetting('fn') ?? 'sig';
  element('function-name').value = functions.some(f => f.name === name) ? name : '';
  element('function-expression').value = readSetting('fexpr') ?? 'x * x';
  element('function-from').value = readSetting('from') ?? '-49';
  element('function-to').value = readSetting('to') ?? '49';
  element('function-name').addEventListener('change', pick);
  element('function-expression').addEventListener('input', () => {
    element('function-name').value = '';
    schedule();
  });
  element('function-settings').addEventListener('submit', event => event.preventDefault());
  for (const id of ['function-from', 'function-to']) element(id).addEventListener('input', schedule);
  pick();
}
