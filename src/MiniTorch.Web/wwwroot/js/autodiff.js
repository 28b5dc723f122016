// The Autodiff page: the graph of an expression, or of the network at one training point (model-graph.js), and its
// backward pass step by step (stepper.js). For an expression: a value per variable (number and slider), the value and
// the gradients with their central-difference check. A refused expression takes every result away and keeps the text.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { showGraph, clearGraph, startStepper } from './stepper.js';
import { startModelGraph, showModelGraph } from './model-graph.js';

const element = id => document.getElementById(id);
const values = new Map();
let timer = 0;
let latest = 0;

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

async function showResult(result) {
  element('expression-error').hidden = true;
  element('expression-results').hidden = false;
  element('expression-value').textContent = result.value;
  variableControls(result.variables);
  for (const variable of result.variables) values.set(variable.name, variable.value);
  element('gradients').tBodies[0].replaceChildren(...result.variables.map(v => {
    const row = document.createElement('tr');
    for (const text of [v.name, v.derivative, v.numeric, v.check]) row.insertCell().textContent = text;
    return row;
  }));
  await showGraph(result.graph, `Computation graph of ${element('expression').value}`);
}

// Everything the refused text invalidates goes: the value, the gradients, the variables and the graph.
function showError(problem) {
  const box = element('expression-error');
  box.textContent = problemText(problem);
  box.hidden = false;
  element('expression-results').hidden = true;
  element('expression-value').textContent = '–';
  element('gradients').tBodies[0].replaceChildren();
  element('variables').replaceChildren();
  element('variables').dataset.names = '';
  clearGraph();
}

async function evaluate() {
  if (source() !== 'expression') return;
  const ticket = ++latest;
  saveToUrl();
  const answer = await send('POST', '/api/expression', {
    expression: element('expression').value,
    values: Object.fromEntries(values),
  });
  if (ticket !== latest || source() !== 'expression') return;
  if (answer.ok) await showResult(answer.data); else showError(answer.data);
  document.dispatchEvent(new CustomEvent('autodiff-shown'));
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(evaluate, 200);
}

function source() {
  return element('source-network').checked ? 'network' : 'expression';
}

// Shows the chosen source's inputs and draws its graph; the other source's results are not kept on screen.
export function chooseSource(name) {
  element(`source-${name}`).checked = true;
  element('expression-source').hidden = name !== 'expression';
  element('network-source').hidden = name !== 'network';
  writeSettings({ graph: name === 'network' ? 'network' : null });
  latest++;
  clearGraph();
  if (name === 'network') showModelGraph(); else evaluate();
}

export function startAutodiff() {
  const expression = readSetting('expr');
  if (expression !== null) element('expression').value = expression;
  readValuesFromUrl();
  element('expression').addEventListener('input', schedule);
  for (const name of ['expression', 'network']) element(`source-${name}`).addEventListener('change', () => chooseSource(name));
  startStepper();
  startModelGraph();
  chooseSource(readSetting('graph') === 'network' ? 'network' : 'expression');
}
