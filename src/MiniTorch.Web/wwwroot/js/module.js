// The Module page, like MiniTorch's Module 0 "Manual" page: the Training page's network (the run's, live, or the
// untrained one of the settings), its module tree, every parameter with its value and gradient, and the boundary and
// loss the parameters give. Any value can be set by hand. Without a run, the values set are kept in the address, so a
// link opens the same model with no training at all; during a run, they are set on the run's network.
// The parameter table is virtual: a network of width 200 has 41,001 parameters, and only the rows in view exist.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { currentRequest, currentTrainingId, formReady } from './training.js';
import { drawBoundary, drawPoints, clearCanvas } from './boundary-view.js';

const element = id => document.getElementById(id);
const windowSize = 300;
let state = null;          // the last answer: tree, total, from, parameters, …
let edits = new Map();     // values set by hand without a run, by dotted name
let loading = false;
let again = null;
let rowHeight = 0;

function visible() {
  return !element('page-module').hidden;
}

function readEdits() {
  edits = new Map();
  for (const pair of (readSetting('set') ?? '').split(';')) {
    const [name, value] = pair.split(':');
    if (name && value !== undefined && value !== '' && Number.isFinite(Number(value))) edits.set(name, Number(value));
  }
}

function saveEdits() {
  writeSettings({ set: [...edits].map(([name, value]) => `${name}:${value}`).join(';') });
}

// The first row the table should hold for where it is scrolled to.
function wantedFrom() {
  const wrap = element('parameters-wrap');
  const first = rowHeight ? Math.floor(wrap.scrollTop / rowHeight) : 0;
  return Math.max(0, first - windowSize / 3);
}

// Asks for the network and the window of parameters in view, setting a value first when one is given. Requests made
// while one is under way are merged into one, sent when it is answered.
async function refresh(set) {
  if (!visible()) return;
  if (loading) {
    again = { ...again, ...set };
    return;
  }
  loading = true;
  await formReady;
  const id = currentTrainingId();
  const body = { from: Math.floor(wantedFrom()), count: windowSize };
  if (id) {
    body.training = id;
    if (set) body.values = set;
  } else {
    body.settings = currentRequest();
    body.values = Object.fromEntries(edits);
  }
  const answer = await send('POST', '/api/module', body);
  loading = false;
  if (answer.ok) show(answer.data, Boolean(set)); else showError(answer.data);
  document.dispatchEvent(new CustomEvent('module-shown'));
  if (again) {
    const next = again;
    again = null;
    refresh(Object.keys(next).length ? next : undefined);
  }
}

function showError(problem) {
  state = null;
  element('module-error').textContent = problemText(problem);
  element('module-error').hidden = false;
  element('module-tree').textContent = '';
  element('module-loss').textContent = '–';
  element('module-correct').textContent = '–';
  element('parameters').tBodies[0].replaceChildren();
  clearCanvas(element('module-boundary'));
  clearCanvas(element('module-boundary-points'));
}

function show(view, edited) {
  state = view;
  const training = currentTrainingId() !== null;
  element('module-error').hidden = true;
  element('module-source').textContent = training
    ? 'The network of the Training page\u2019s run, as it trains. A value set here replaces the parameter in the run.'
    : 'The untrained network of the Training page\u2019s settings: set values by hand (MiniTorch\u2019s Manual page); the address keeps them, no training needed.';
  element('module-reset').hidden = training || edits.size === 0;
  element('module-tree').textContent = view.tree;
  element('module-loss').textContent = view.loss;
  element('module-correct').textContent = `${view.correct} of ${view.points.length}`;
  element('parameters-caption').textContent = view.gradients === 'now'
    ? `${view.total} parameters by dotted name; the gradient of the mean loss at these values`
    : `${view.total} parameters by dotted name; the gradient the run\u2019s last step used`;
  drawBoundary(element('module-boundary'), view.picture);
  drawPoints(element('module-boundary-points'), view.picture.low, view.picture.high, view.points, view.labels, [], []);
  if (edited) document.dispatchEvent(new CustomEvent('model-edited', { detail: view }));
  renderRows();
}

function cell(row, text) {
  const td = row.insertCell();
  td.textContent = text;
  return td;
}

function spacer(height) {
  const row = document.createElement('tr');
  row.className = 'spacer';
  row.setAttribute('aria-hidden', 'true');
  row.style.height = `${height}px`;
  row.insertCell().colSpan = 3;
  return row;
}

function parameterRow(parameter, index) {
  const row = document.createElement('tr');
  row.setAttribute('aria-rowindex', String(index + 2));
  row.dataset.index = index;
  const name = cell(row, parameter.name);
  name.className = 'name';
  const value = row.insertCell();
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.value = parameter.value;
  input.setAttribute('aria-label', `Value of ${parameter.name}`);
  input.addEventListener('change', () => setValue(parameter.name, input));
  value.append(input);
  const gradient = cell(row, parameter.gradient === null ? '\u2013' : String(Number(parameter.gradient.toPrecision(6))));
  gradient.title = parameter.gradient === null ? 'no gradient yet' : String(parameter.gradient);
  return row;
}

// Draws the rows in view (and a few around them) between two spacers as tall as the rows left out; the row whose
// value is being typed is kept as it is.
function renderRows() {
  if (!state) return;
  const wrap = element('parameters-wrap');
  const body = element('parameters').tBodies[0];
  element('parameters').setAttribute('aria-rowcount', String(state.total + 1));
  const height = rowHeight || 34;
  const first = Math.max(state.from, Math.floor(wrap.scrollTop / height) - 5);
  const last = Math.min(state.from + state.parameters.length, first + Math.ceil(wrap.clientHeight / height) + 10);
  const focused = document.activeElement?.closest?.('#parameters tr');
  const rows = [];
  for (let k = first; k < last; k++) {
    rows.push(focused && Number(focused.dataset.index) === k ? focused : parameterRow(state.parameters[k - state.from], k));
  }
  const typing = document.activeElement?.closest?.('#parameters') ? document.activeElement : null;
  body.replaceChildren(spacer(first * height), ...rows, spacer(Math.max(0, state.total - last) * height));
  if (typing?.isConnected && document.activeElement !== typing) typing.focus({ preventScroll: true });
  if (!rowHeight && rows.length) {
    rowHeight = rows[0].getBoundingClientRect().height;
    renderRows();
  }
}

function onScroll() {
  if (!state) return;
  const from = wantedFrom();
  const first = Math.floor(element('parameters-wrap').scrollTop / (rowHeight || 34));
  const inWindow = first >= state.from && first + 30 <= state.from + state.parameters.length;
  if (inWindow || state.from + state.parameters.length >= state.total && first >= state.from) renderRows();
  else if (Math.abs(from - state.from) > 0) refresh();
}

function setValue(name, input) {
  const value = Number(input.value);
  if (input.value === '' || !Number.isFinite(value)) return;
  if (currentTrainingId()) {
    refresh({ [name]: value });
  } else {
    edits.set(name, value);
    saveEdits();
    refresh({});
  }
}

export function startModule() {
  readEdits();
  element('parameters-wrap').addEventListener('scroll', onScroll);
  element('module-reset').addEventListener('click', () => {
    edits.clear();
    saveEdits();
    element('module-reset').hidden = true;
    element('parameters-wrap').focus();
    refresh({});
  });
  document.addEventListener('tab-shown', event => { if (event.detail === 'module') refresh(); });
  document.addEventListener('training-frame', () => refresh());
  document.getElementById('training-settings').addEventListener('input', () => refresh());
  refresh();
}
