// The Autodiff page: an expression, a value per variable (number and slider), the value, the gradients with their
// central-difference check, and the computation graph drawn from the server's DOT text.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { startBackward } from './backward.js';

const element = id => document.getElementById(id);
const values = new Map();
let timer = 0;
let latest = 0;
let vizReady = null;

function readValuesFromUrl() {
  for (const pair of (readSetting('at') ?? '').split(',')) {
    const [name, value] = pair.split('=');
    if (name && value !== undefined && Number.isFinite(Number(value))) values.set(name, Number(value));
  }
}

function saveToUrl() {
  writeSettings({
    expr: element('expression').value,
    at: [...values].map(([name, value]) => `${name}=${value}`).join(','),
  });
}

function variableControls(variables) {
  const holder = element('variables');
  const names = variables.map(v => v.name);
  if (holder.dataset.names === names.join(',')) return;
  holder.dataset.names = names.join(',');
  holder.replaceChildren(...variables.map(variable => {
    const label = document.createElement('label');
    label.textContent = variable.name;
    const number = document.createElement('input');
    number.type = 'number';
    number.step = 'any';
    number.value = variable.value;
    number.setAttribute('aria-label', `Value of ${variable.name}`);
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = '-5';
    slider.max = '5';
    slider.step = '0.01';
    slider.value = variable.value;
    slider.setAttribute('aria-label', `Slider for ${variable.name}`);
    const set = (value, other) => {
      if (!Number.isFinite(value)) return;
      other.value = value;
      values.set(variable.name, value);
      schedule();
    };
    number.addEventListener('input', () => set(Number(number.value), slider));
    slider.addEventListener('input', () => set(Number(slider.value), number));
    label.append(number, slider);
    return label;
  }));
}

function showResult(result) {
  element('expression-error').hidden = true;
  element('expression-value').textContent = result.value;
  variableControls(result.variables);
  for (const variable of result.variables) values.set(variable.name, variable.value);
  element('gradients').tBodies[0].replaceChildren(...result.variables.map(v => {
    const row = document.createElement('tr');
    for (const text of [v.name, v.derivative, v.numeric, v.check]) row.insertCell().textContent = text;
    return row;
  }));
  drawGraph(result.dot);
  document.dispatchEvent(new CustomEvent('expression-result', { detail: result }));
}

export async function drawGraph(dot) {
  vizReady ??= Viz.instance();
  const viz = await vizReady;
  const svg = viz.renderSVGElement(dot);
  element('graph').replaceChildren(svg);
  return svg;
}

function showError(problem) {
  const box = element('expression-error');
  box.textContent = problemText(problem);
  box.hidden = false;
}

async function evaluate() {
  const ticket = ++latest;
  saveToUrl();
  const answer = await send('POST', '/api/expression', {
    expression: element('expression').value,
    values: Object.fromEntries(values),
  });
  if (ticket !== latest) return;
  if (answer.ok) showResult(answer.data); else showError(answer.data);
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(evaluate, 200);
}

export function currentExpression() {
  return { expression: element('expression').value, values: Object.fromEntries(values) };
}

export function startAutodiff() {
  const expression = readSetting('expr');
  if (expression !== null) element('expression').value = expression;
  readValuesFromUrl();
  element('expression').addEventListener('input', schedule);
  startBackward();
  evaluate();
}
