// The Scalar functions page: one of MiniTorch's test functions, or an expression in x (or x and y), sampled by the
// server. One input: f; df/dx by autodiff and by central difference on the same axes; and their difference, with the
// largest one as a number. Two inputs: heatmaps of f, df/dx and df/dy, each derivative with its check. Below, the
// function's computation graph at a point. The address holds exactly what is shown, so a link reopens it.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { cssColour } from './draw.js';
import * as plots from './plots.js';
import { renderDot } from './stepper.js';

const element = id => document.getElementById(id);
let functions = [];
let timer = 0;
let latest = 0;

// Nothing of the last function stays when a request is refused: its plots, checks and graph all go.
function showError(problem) {
  element('function-error').textContent = problemText(problem);
  element('function-error').hidden = false;
  element('functions-status').textContent = '';
  element('function-line').hidden = true;
  element('function-grid').hidden = true;
  element('function-graph').replaceChildren();
}

function checkText(check, derivative) {
  if (check.largest === null) return `${derivative}: no point where f is finite to check`;
  const at = check.atY === null ? `x = ${check.atX}` : `(x, y) = (${check.atX}, ${check.atY})`;
  const points = check.passed + check.failed + check.cannotCheck;
  return `largest |autodiff \u2212 central difference| of ${derivative} = ${check.largest} at ${at}; ` +
    `${check.passed} of ${points} points pass MiniTorch's check` + (check.failed ? `, ${check.failed} FAIL` : '');
}

function showLine(result) {
  element('function-line').hidden = false;
  element('function-grid').hidden = true;
  plots.curves(element('function-value'), result.xs, [{ values: result.values, colour: cssColour('--text'), lineWidth: 2 }]);
  plots.curves(element('function-derivative'), result.xs, [
    { values: result.derivatives, colour: cssColour('--class0'), lineWidth: 5 },
    { values: result.centralDifferences, colour: cssColour('--class1'), lineWidth: 2, dash: [6, 4] },
  ]);
  plots.curves(element('function-difference'), result.xs, [{ values: result.differences, colour: cssColour('--accent'), lineWidth: 2 }]);
  element('function-difference-caption').textContent = `Autodiff minus central difference: ${checkText(result.check, 'df/dx')}`;
  element('functions-status').textContent =
    `f(x) at ${result.xs.length} values of x from ${result.xs[0]} to ${result.xs[result.xs.length - 1]}`;
}

function showGrid(result) {
  element('function-line').hidden = true;
  element('function-grid').hidden = false;
  const maps = [
    ['function-heat-value', result.values, 'f(x, y)', null],
    ['function-heat-x', result.xDerivatives, 'df/dx', result.xCheck],
    ['function-heat-y', result.yDerivatives, 'df/dy', result.yCheck],
  ];
  for (const [id, values, name, check] of maps) {
    const { range, reach } = plots.heatmap(element(id), result.xs, result.ys, values);
    const span = range ? `from ${range.low.toPrecision(4)} to ${range.high.toPrecision(4)}` : 'nowhere finite';
    element(`${id}-caption`).textContent =
      `${name} by autodiff, ${span}; white is 0, red +${reach.toPrecision(3)}, blue \u2212${reach.toPrecision(3)}` + (check ? `. Check: ${checkText(check, name)}` : '');
  }
  element('functions-status').textContent =
    `A grid of ${result.xs.length} \u00d7 ${result.ys.length} points, x and y from ${result.xs[0]} to ${result.xs[result.xs.length - 1]}`;
}

async function showFunctionGraph(expression, twoInputs, ticket) {
  const values = { x: Number(element('function-at-x').value) };
  if (twoInputs) values.y = Number(element('function-at-y').value);
  const answer = await send('POST', '/api/expression', { expression, values });
  if (ticket !== latest) return;
  if (!answer.ok) {
    showError(answer.data);
    return;
  }
  await renderDot(element('function-graph'), answer.data.graph.dot, `Computation graph of ${expression}`);
}

function saveToUrl() {
  const name = element('function-name').value;
  writeSettings({
    fn: name || null,
    fexpr: name ? null : element('function-expression').value,
    from: element('function-from').value,
    to: element('function-to').value,
    gx: element('function-at-x').value,
    gy: element('function-at-y').value,
  });
}

async function sample() {
  const ticket = ++latest;
  const expression = element('function-expression').value;
  saveToUrl();
  const answer = await send('POST', '/api/functions', {
    expression,
    from: Number(element('function-from').value),
    to: Number(element('function-to').value),
  });
  if (ticket !== latest) return;
  if (!answer.ok) {
    showError(answer.data);
    document.dispatchEvent(new CustomEvent('function-drawn'));
    return;
  }
  element('function-error').hidden = true;
  const twoInputs = answer.data.kind === 'grid';
  element('function-at-y-label').hidden = !twoInputs;
  if (twoInputs) showGrid(answer.data); else showLine(answer.data);
  await showFunctionGraph(expression, twoInputs, ticket);
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

// A link names a test function (fn), or gives an expression of its own (fexpr); with neither, sigmoid is shown.
export async function startFunctions() {
  const answer = await send('GET', '/api/functions');
  functions = answer.ok ? answer.data : [];
  element('function-name').append(...functions.map(f => new Option(`${f.name}: ${f.expression}`, f.name)));
  const own = readSetting('fexpr');
  const name = readSetting('fn') ?? (own === null ? 'sig' : '');
  element('function-name').value = functions.some(f => f.name === name) ? name : '';
  element('function-expression').value = own ?? 'x * x';
  element('function-from').value = readSetting('from') ?? '-49';
  element('function-to').value = readSetting('to') ?? '49';
  element('function-at-x').value = readSetting('gx') ?? '2';
  element('function-at-y').value = readSetting('gy') ?? '3';
  element('function-name').addEventListener('change', pick);
  element('function-expression').addEventListener('input', () => {
    element('function-name').value = '';
    schedule();
  });
  element('function-settings').addEventListener('submit', event => event.preventDefault());
  for (const id of ['function-from', 'function-to', 'function-at-x', 'function-at-y']) element(id).addEventListener('input', schedule);
  if (!answer.ok) showError(answer.data); else pick();
}
