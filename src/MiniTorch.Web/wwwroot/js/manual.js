// The Task 0.5 page, MiniTorch's Module 0 "Manual" page: a classifier of three parameters (one Linear(2, 1), then a
// sigmoid) set by hand with a slider or a number each, over a dataset of the Training page's kind. The server builds
// the dataset and the classifier from the library and answers with the points, the correct count, the loss and the
// output over the square; this page only draws them. The setting lives in the address, so a link reopens it.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { drawBoundary, drawPoints, clearCanvas } from './boundary-view.js';

const element = id => document.getElementById(id);
const parameters = ['w1', 'w2', 'b'];
const sliderReach = 10;
let loading = false;
let again = false;

function visible() {
  return !element('page-manual').hidden;
}

// A box that does not hold a number is sent as typed, so that the server's refusal names the field.
function numberOf(id) {
  const text = element(id).value;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : text;
}

function request() {
  const body = { dataset: element('manual-dataset').value, points: numberOf('manual-points'), seed: numberOf('manual-seed') };
  for (const name of parameters) body[name] = numberOf(`manual-${name}`);
  return body;
}

function saveSettings(body) {
  writeSettings({ mdataset: body.dataset, mpoints: body.points, mseed: body.seed, mw1: body.w1, mw2: body.w2, mb: body.b });
}

// One request at a time: moves made while one is under way are merged into the next, sent with the latest values
// when it is answered, so a drag never queues more than one.
async function refresh() {
  if (!visible()) return;
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  const body = request();
  saveSettings(body);
  const answer = await send('POST', '/api/manual', body);
  loading = false;
  if (answer.ok) show(answer.data); else showError(answer.data);
  document.dispatchEvent(new CustomEvent('manual-shown'));
  if (again) {
    again = false;
    refresh();
  }
}

function show(view) {
  element('manual-error').hidden = true;
  element('manual-correct').textContent = `${view.correct} of ${view.points.length}`;
  element('manual-loss').textContent = view.loss;
  drawBoundary(element('manual-boundary'), view.picture);
  drawPoints(element('manual-boundary-points'), view.picture.low, view.picture.high, view.points, view.labels, [], []);
}

function showError(problem) {
  element('manual-error').textContent = problemText(problem);
  element('manual-error').hidden = false;
  element('manual-correct').textContent = '–';
  element('manual-loss').textContent = '–';
  clearCanvas(element('manual-boundary'));
  clearCanvas(element('manual-boundary-points'));
}

function startParameter(name, value, range) {
  const slider = element(`manual-${name}-slider`);
  const box = element(`manual-${name}`);
  slider.min = String(-sliderReach);
  slider.max = String(sliderReach);
  box.min = String(range.min);
  box.max = String(range.max);
  box.value = String(value);
  slider.value = String(value);
  slider.addEventListener('input', () => {
    box.value = slider.value;
    refresh();
  });
  box.addEventListener('input', () => {
    if (Number.isFinite(Number(box.value)) && box.value.trim() !== '') slider.value = box.value;
    refresh();
  });
}

export async function startManual() {
  const answer = await send('GET', '/api/manual/form');
  if (!answer.ok) {
    showError(answer.data);
    return;
  }
  const form = answer.data;
  const select = element('manual-dataset');
  select.replaceChildren(...form.datasets.map(name => new Option(name, name)));
  select.value = form.datasets.includes(readSetting('mdataset')) ? readSetting('mdataset') : form.defaults.dataset;
  for (const name of ['points', 'seed']) {
    const input = element(`manual-${name}`);
    input.min = String(form.ranges[name].min);
    input.max = String(form.ranges[name].max);
    input.value = readSetting(`m${name}`) ?? String(form.defaults[name]);
  }
  for (const name of parameters) startParameter(name, readSetting(`m${name}`) ?? form.defaults[name], form.ranges.parameter);
  element('manual-settings').addEventListener('input', () => refresh());
  element('manual-settings').addEventListener('submit', event => event.preventDefault());
  document.addEventListener('tab-shown', event => { if (event.detail === 'manual') refresh(); });
  refresh();
}
