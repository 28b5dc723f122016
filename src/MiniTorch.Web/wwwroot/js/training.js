// The Training page: settings (kept in the URL), Train / Pause / Step / Reset, and the frames the server streams.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import * as draw from './draw.js';

const fields = ['dataset', 'points', 'hidden', 'rate', 'epochs', 'seed', 'engine'];
const numbers = new Set(['points', 'hidden', 'rate', 'epochs', 'seed']);
const element = id => document.getElementById(id);
const files = ['model.json', 'log.csv', 'boundary.png', 'boundary.svg', 'loss.png', 'loss.svg'];

let training = null;      // { id, stream, points, labels, epochs } while a run exists
let rows = [];            // every epoch's row of the current run
let preview = null;       // the points of the latest preview
let previewTimer = 0;

// The choices, defaults and ranges come from the server (GET /api/trainings/form), the one place they are decided;
// a setting in the URL overrides its default.
function fillForm(form) {
  const option = (value, label) => Object.assign(document.createElement('option'), { value, textContent: label });
  element('dataset').replaceChildren(...form.datasets.map(name =>
    option(name, name === 'points' ? 'Your points (CSV)' : name[0].toUpperCase() + name.slice(1))));
  element('engine').replaceChildren(...form.engines.map(name => option(name, name)));
  for (const [name, range] of Object.entries(form.ranges)) {
    element(name).min = range.min;
    element(name).max = range.max;
  }
  for (const name of fields) element(name).value = readSetting(name) ?? form.defaults[name];
}

// Filled once, as the page loads, whichever tab opens first: the Module tab reads these settings too.
export const formReady = send('GET', '/api/trainings/form').then(answer => {
  if (answer.ok) fillForm(answer.data);
  return answer;
});

// The settings the URL keeps: never your own points, which can be long and are yours.
function currentSettings() {
  const settings = {};
  for (const name of fields) {
    const value = element(name).value;
    settings[name] = numbers.has(name) ? Number(value) : value;
  }
  return settings;
}

function ownPoints() {
  return element('dataset').value === 'points';
}

// What the server is sent: the settings and, for your own points, the CSV text.
export function currentRequest() {
  const request = currentSettings();
  if (ownPoints()) request.csv = element('csv').value;
  return request;
}

function showOwnPoints() {
  element('own-points').hidden = !ownPoints();
  element('points-setting').hidden = ownPoints();
}

// A refusal of the points names their line; it goes under the box, anything else to the status line.
function refused(problem) {
  const csv = problem?.errors?.csv;
  element('csv-error').hidden = !csv;
  element('csv-error').textContent = csv ? csv[0] : '';
  status(csv ? 'Your points have a problem; see under the box.' : problemText(problem));
}

export function currentTrainingId() {
  return training?.id ?? null;
}

function status(text) {
  element('training-status').textContent = text;
}

function setRunning(running) {
  element('train').disabled = running;
  element('pause').disabled = !running;
  for (const name of [...fields, 'csv', 'csv-file']) element(name).disabled = training !== null;
}

async function showPreview() {
  if (training) return;
  const answer = await send('POST', '/api/trainings/preview', currentRequest());
  if (!answer.ok) {
    refused(answer.data);
    return;
  }
  element('csv-error').hidden = true;
  preview = answer.data;
  drawBoundary(preview.picture, preview.points, preview.labels);
  drawUnits(preview.picture);
  status('Ready: the points and the untrained network\u2019s boundary.');
}

// The Autodiff page opens the network's graph for a point clicked on this picture, and the Module page redraws it
// when a parameter is set by hand: both listen to these events.
function drawBoundary(picture, points, labels) {
  draw.boundary(element('boundary'), picture, points, labels);
  document.dispatchEvent(new CustomEvent('boundary-drawn', { detail: { picture, points, labels } }));
}

document.addEventListener('model-edited', event => drawBoundary(event.detail.picture, event.detail.points, event.detail.labels));

function drawUnits(picture) {
  const holder = element('hidden-units');
  holder.replaceChildren();
  for (const layer of picture.layers) {
    const row = document.createElement('div');
    row.className = 'layer';
    row.setAttribute('aria-label', `${layer.name} units`);
    const name = document.createElement('span');
    name.textContent = layer.name;
    row.append(name);
    layer.units.forEach((unit, k) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = picture.unitCells;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', `${layer.name} unit ${k}, largest output ${unit.max}`);
      draw.unit(canvas, unit.values, picture.unitCells, unit.max);
      row.append(canvas);
    });
    holder.append(row);
  }
}

function drawChart(points) {
  const epochs = rows.map(r => r.epoch);
  const losses = rows.map(r => r.loss).filter(Number.isFinite);
  draw.chart(element('chart'), epochs, [
    { values: rows.map(r => r.loss), top: Math.max(...losses, 1e-9), colour: draw.cssColour('--class0') },
    { values: rows.map(r => r.correct), top: points, colour: draw.cssColour('--class1') },
  ]);
}

function addTableRows(newRows, epochs) {
  const body = element('epochs-table').tBodies[0];
  for (const row of newRows) {
    if (row.epoch % 10 !== 0 && row.epoch !== epochs) continue;
    const line = body.insertRow(0);
    for (const text of [row.epoch, row.lossText, row.correct]) line.insertCell().textContent = text;
  }
}

function showDownloads() {
  const holder = element('downloads');
  // A run on your own points has no model file, as minitorch train --data writes none.
  holder.replaceChildren(...files.filter(name => !(training.ownPoints && name === 'model.json')).map(name => {
    const link = document.createElement('a');
    link.href = `/api/trainings/${training.id}/files/${name}`;
    link.download = name;
    link.textContent = name;
    return link;
  }));
}

function onFrame(frame) {
  rows.push(...frame.rows);
  addTableRows(frame.rows, frame.epochs);
  drawBoundary(frame.picture, training.points, training.labels);
  drawUnits(frame.picture);
  drawChart(training.points.length);
  element('progress').value = frame.epoch / frame.epochs;
  const last = rows[rows.length - 1];
  status(`Epoch ${frame.epoch} of ${frame.epochs} (${frame.state}): loss ${last.lossText}, ${last.correct} correct; ` +
    `${frame.msPerEpoch.toFixed(1)} ms per epoch, ${frame.secondsLeft.toFixed(1)} s left`);
  if (frame.epoch > 0) showDownloads();
  document.dispatchEvent(new CustomEvent('training-frame'));
}

function onEnd(end) {
  training.stream.close();
  training.ended = true;
  setRunning(false);
  element('train').disabled = true;
  element('step').disabled = true;
  element('final-loss').textContent = end.finalLossText ?? '–';
  status(end.message);
}

async function begin() {
  const answer = await send('POST', '/api/trainings', currentRequest());
  if (!answer.ok) {
    refused(answer.data);
    return false;
  }
  const start = answer.data;
  training = { id: start.id, points: start.points, labels: start.labels, ended: false, ownPoints: ownPoints() };
  rows = [];
  writeSettings(currentSettings());
  const stream = new EventSource(`/api/trainings/${start.id}/events`);
  training.stream = stream;
  // A stream left behind by a reset may still deliver an event: only the current training's are drawn.
  stream.addEventListener('frame', event => { if (training?.stream === stream) onFrame(JSON.parse(event.data)); });
  stream.addEventListener('end', event => { if (training?.stream === stream) onEnd(JSON.parse(event.data)); });
  await new Promise(resolve => stream.addEventListener('open', resolve, { once: true }));
  return true;
}

async function command(name) {
  if (!training && !(await begin())) return;
  if (training.ended) return;
  await send('POST', `/api/trainings/${training.id}/${name}`);
  setRunning(name === 'play');
}

async function reset() {
  const old = training;
  training = null;
  if (old) {
    // The DELETE goes first: the server forgets a training whose stream closes, and a DELETE after that finds nothing.
    await send('DELETE', `/api/trainings/${old.id}`);
    old.stream.close();
  }
  rows = [];
  element('epochs-table').tBodies[0].replaceChildren();
  element('downloads').textContent = 'Train for an epoch to get the run\u2019s files.';
  element('final-loss').textContent = '–';
  element('progress').value = 0;
  element('step').disabled = false;
  setRunning(false);
  drawChart(1);
  await showPreview();
  document.dispatchEvent(new CustomEvent('training-frame'));
}

export async function startTraining() {
  const form = await formReady;
  if (!form.ok) {
    status(problemText(form.data));
    return;
  }
  fillForm(form.data);
  element('train').addEventListener('click', () => command('play'));
  element('pause').addEventListener('click', () => command('pause'));
  element('step').addEventListener('click', () => command('step'));
  element('reset').addEventListener('click', reset);
  element('training-settings').addEventListener('submit', event => event.preventDefault());
  element('csv-file').addEventListener('change', async () => {
    const file = element('csv-file').files[0];
    if (!file) return;
    element('csv').value = await file.text();
    element('csv').dispatchEvent(new Event('input', { bubbles: true }));
  });
  element('training-settings').addEventListener('input', () => {
    showOwnPoints();
    writeSettings(currentSettings());
    clearTimeout(previewTimer);
    previewTimer = setTimeout(showPreview, 250);
  });
  showOwnPoints();
  writeSettings(currentSettings());
  drawChart(1);
  showPreview();
}
