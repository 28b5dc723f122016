// The Training page: settings (kept in the URL), Train / Pause / Step / Reset and the pace, and the frames the server
// streams, drawn by training-view.js. Any setting can change at any time: a change resets the run. When the server goes
// away the page says so and comes back by itself when it returns.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { createTrainingView } from './training-view.js';

const element = id => document.getElementById(id);
const fields = ['dataset', 'points', 'activation', 'rate', 'epochs', 'seed', 'engine', 'batch', 'l2', 'noise', 'test'];
const numbers = new Set(['points', 'rate', 'epochs', 'seed', 'batch', 'l2']);
const percents = new Set(['noise', 'test']);

let form = null;          // the server's choices, defaults and ranges
let training = null;      // { id, stream, ended, reachedPlanned } while a run exists
let previewTimer = 0;
let previewNumber = 0;
let lost = false;
const view = createTrainingView(element);

// Filled once, as the page loads, whichever tab opens first: the Module tab reads these settings too.
export const formReady = send('GET', '/api/trainings/form').then(answer => {
  if (answer.ok) fillForm(answer.data);
  return answer;
});

function option(value, label) {
  return Object.assign(document.createElement('option'), { value, textContent: label });
}

// The choices, defaults and ranges come from the server (GET /api/trainings/form), the one place they are decided;
// a setting in the URL overrides its default.
function fillForm(choices) {
  form = choices;
  element('dataset').replaceChildren(...form.datasets.map(name =>
    option(name, name === 'points' ? 'Your points (CSV)' : name[0].toUpperCase() + name.slice(1))));
  element('activation').replaceChildren(...form.activations.map(name => option(name, name)));
  element('engine').replaceChildren(...form.engines.map(name => option(name, name)));
  element('pace').replaceChildren(...form.paces.map(name => option(name, name)));
  element('layers').replaceChildren(...Array.from({ length: form.maxLayers }, (_, k) => option(String(k + 1), String(k + 1))));
  for (const [name, range] of Object.entries(form.ranges)) {
    if (element(name) && !percents.has(name)) Object.assign(element(name), { min: range.min, max: range.max });
  }
  for (const name of fields) {
    const value = readSetting(name) ?? form.defaults[name] ?? '';
    element(name).value = percents.has(name) ? Math.round(Number(value) * 100) : value;
  }
  element('pace').value = readSetting('pace') ?? form.defaults.pace;
  const hidden = readSetting('hidden');
  const widths = (readSetting('widths')?.split(',') ?? (hidden ? [hidden, hidden] : form.defaults.widths)).map(Number);
  element('layers').value = String(Math.min(Math.max(widths.length, 1), form.maxLayers));
  showWidths(widths);
  showPercents();
}

// One width box per hidden layer, keeping the widths already typed.
function showWidths(widths) {
  const count = Number(element('layers').value);
  const typed = widths ?? [...element('widths').querySelectorAll('input')].map(input => Number(input.value));
  element('widths').replaceChildren(...Array.from({ length: count }, (_, k) => {
    const label = document.createElement('label');
    label.textContent = `Layer ${k + 1} width `;
    const input = Object.assign(document.createElement('input'), {
      id: `width-${k + 1}`, type: 'number', required: true, min: 1, max: form.ranges.hidden.max,
      value: typed[k] ?? typed[typed.length - 1] ?? form.defaults.widths[0],
    });
    label.append(input);
    return label;
  }));
}

function showPercents() {
  for (const name of percents) element(`${name}-shown`).textContent = `${element(name).value}%`;
}

function ownPoints() {
  return element('dataset').value === 'points';
}

// The settings as the server and the URL take them: never your own points, which can be long and are yours.
function currentSettings() {
  const settings = { widths: [...element('widths').querySelectorAll('input')].map(input => Number(input.value)) };
  for (const name of fields) {
    const value = element(name).value;
    if (name === 'batch' && value === '') continue;
    if (ownPoints() && (name === 'noise' || name === 'points')) continue;
    settings[name] = percents.has(name) ? Number(value) / 100 : numbers.has(name) ? Number(value) : value;
  }
  return settings;
}

// What the server is sent: the settings and, for your own points, the CSV text.
export function currentRequest() {
  const request = currentSettings();
  if (ownPoints()) request.csv = element('csv').value;
  return request;
}

export function currentTrainingId() {
  return training?.id ?? null;
}

function saveSettings() {
  const { widths, ...rest } = currentSettings();
  writeSettings({ ...rest, batch: rest.batch ?? null, widths: widths.join(','), hidden: null, pace: element('pace').value });
}

function status(text) {
  element('training-status').textContent = text;
}

function setRunning(running) {
  element('train').disabled = running || (training?.ended ?? false);
  element('pause').disabled = !running;
  element('step').disabled = training?.ended ?? false;
}

// A refusal of the points names their line and goes under the box; anything else to the status line. Either way the
// stale picture goes: what is on screen never belongs to other settings than those shown.
function refused(problem) {
  const csv = problem?.errors?.csv;
  element('csv-error').hidden = !csv;
  element('csv-error').textContent = csv ? csv[0] : '';
  view.clear();
  status(csv ? 'Your points have a problem; see under the box.' : problemText(problem));
}

async function showPreview() {
  if (training) return;
  element('own-points').hidden = !ownPoints();
  element('points-setting').hidden = ownPoints();
  element('noise-setting').hidden = ownPoints();
  if (ownPoints() && element('csv').value.trim() === '') {
    element('csv-error').hidden = true;
    view.clear();
    status('Paste or upload your points (lines x1,x2,label) to see them and the untrained network.');
    return;
  }
  const number = ++previewNumber;
  const answer = await send('POST', '/api/trainings/preview', currentRequest());
  if (number !== previewNumber || training) return;
  if (answer.status === 0) return serverLost();
  if (!answer.ok) return refused(answer.data);
  element('csv-error').hidden = true;
  view.showStart(answer.data);
  view.showPicture(answer.data.picture);
  status('Ready: the points and the untrained network\u2019s boundary.');
}

async function begin() {
  const request = { ...currentRequest(), pace: element('pace').value, runOn: true };
  const answer = await send('POST', '/api/trainings', request);
  if (answer.status === 0) {
    serverLost();
    return false;
  }
  if (!answer.ok) {
    refused(answer.data);
    return false;
  }
  training = { id: answer.data.id, ended: false, ownPoints: ownPoints(), epochs: request.epochs };
  saveSettings();
  view.startRun(answer.data, training);
  // The run may start before the stream is open: the server keeps its first frames until the stream reads them.
  const stream = new EventSource(`/api/trainings/${training.id}/events`);
  training.stream = stream;
  // A stream left behind by a reset may still deliver an event: only the current training's are drawn.
  const current = () => training?.stream === stream;
  stream.addEventListener('frame', event => { if (current()) onFrame(JSON.parse(event.data)); });
  stream.addEventListener('end', event => { if (current()) onEnd(JSON.parse(event.data)); });
  stream.addEventListener('error', () => { if (current() && !training.ended) checkServer(); });
  return true;
}

// The Module tab sends the picture of a network whose values were set by hand: it is the one to show.
document.addEventListener('model-edited', event => view.showPicture(event.detail.picture));

function onFrame(frame) {
  view.showFrame(frame);
  // The buttons follow the server's state, as the status line does: the first running frame can arrive before the
  // answer to Train, and Pause must work as soon as the page says the run is running.
  setRunning(frame.state === 'running');
  document.dispatchEvent(new CustomEvent('training-frame'));
}

function onEnd(end) {
  training.stream.close();
  training.ended = true;
  setRunning(false);
  view.showEnd(end);
  status(end.message);
  // The page did not stop this run (a reset forgets it before its end arrives): the server is stopping, or has stopped it.
  if (end.reason === 'stopped') setTimeout(checkServer, 1500);
}

async function command(name) {
  if (!training && !(await begin())) return;
  if (training.ended) return;
  const answer = await send('POST', `/api/trainings/${training.id}/${name}`);
  if (answer.status === 0) return serverLost();
  view.setPlaying(name === 'play');
  setRunning(name === 'play');
}

async function reset(reason) {
  const old = training;
  training = null;
  if (old) {
    // The DELETE goes first: the server forgets a training whose stream closes, and a DELETE after that finds nothing.
    await send('DELETE', `/api/trainings/${old.id}`);
    old.stream.close();
  }
  view.resetRun();
  setRunning(false);
  await showPreview();
  if (reason) status(reason);
  document.dispatchEvent(new CustomEvent('training-frame'));
}

// A changed setting resets a run, whatever state it is in: the run no longer matches what the form says.
function settingsChanged() {
  showPercents();
  saveSettings();
  clearTimeout(previewTimer);
  if (training) {
    reset('Settings changed: the run was reset; Train starts a new one.');
    return;
  }
  previewTimer = setTimeout(showPreview, 250);
}

// The server did not answer: say so, and look for it every two seconds until it is back.
function serverLost() {
  if (lost) return;
  lost = true;
  training?.stream?.close();
  training = null;
  view.setPlaying(false);
  setRunning(false);
  status('Lost the connection to the sandbox server (was minitorch serve stopped?). This page will carry on by itself when it is back.');
  const timer = setInterval(async () => {
    const answer = await send('GET', '/api/trainings/form');
    if (!answer.ok) return;
    clearInterval(timer);
    lost = false;
    view.resetRun();
    await showPreview();
    status('The sandbox server is back; the run it had is gone. Ready: Train starts a new one.');
  }, 2000);
}

async function checkServer() {
  const answer = await send('GET', '/api/trainings/form');
  if (!answer.ok) serverLost();
}

export async function startTraining() {
  const answer = await formReady;
  if (!answer.ok) {
    status(answer.status === 0 ? 'Cannot reach the sandbox server: start it with minitorch serve.' : problemText(answer.data));
    return;
  }
  element('train').addEventListener('click', () => command('play'));
  element('pause').addEventListener('click', () => command('pause'));
  element('step').addEventListener('click', () => command('step'));
  element('reset').addEventListener('click', () => reset());
  element('pace').addEventListener('change', async () => {
    saveSettings();
    view.setPace(element('pace').value);
    if (training && !training.ended) await send('POST', `/api/trainings/${training.id}/pace`, { pace: element('pace').value });
  });
  element('regenerate').addEventListener('click', () => {
    element('seed').value = String(crypto.getRandomValues(new Uint32Array(1))[0]);
    settingsChanged();
  });
  element('layers').addEventListener('change', () => showWidths());
  element('training-settings').addEventListener('submit', event => event.preventDefault());
  element('csv-file').addEventListener('change', async () => {
    const file = element('csv-file').files[0];
    if (!file) return;
    element('csv').value = await file.text();
    element('csv').dispatchEvent(new Event('input', { bubbles: true }));
  });
  element('training-settings').addEventListener('input', event => { if (event.target.id !== 'layers') settingsChanged(); });
  element('training-settings').addEventListener('change', event => { if (event.target.id === 'layers') settingsChanged(); });
  view.setPace(element('pace').value);
  saveSettings();
  setRunning(false);
  element('reset').disabled = false;
  showPreview();
}
