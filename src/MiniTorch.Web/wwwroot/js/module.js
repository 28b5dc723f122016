// The Module page: the Training page's network, its module tree and every parameter with its value and gradient.
import { send, problemText } from './api.js';
import { currentRequest, currentTrainingId, formReady } from './training.js';

const element = id => document.getElementById(id);
let loading = false;
let again = false;

function visible() {
  return !element('page-module').hidden;
}

async function refresh() {
  if (!visible()) return;
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  await formReady;
  const id = currentTrainingId();
  const answer = id
    ? await send('GET', `/api/trainings/${id}/module`)
    : await send('POST', '/api/trainings/module', currentRequest());
  loading = false;
  if (answer.ok) show(answer.data); else element('module-tree').textContent = problemText(answer.data);
  if (again) {
    again = false;
    refresh();
  }
}

function show(view) {
  element('module-tree').textContent = view.tree;
  const body = element('parameters').tBodies[0];
  body.replaceChildren(...view.parameters.map(p => {
    const row = document.createElement('tr');
    for (const text of [p.name, p.value, p.gradient ?? '–']) row.insertCell().textContent = text;
    return row;
  }));
}

export function startModule() {
  document.addEventListener('tab-shown', event => { if (event.detail === 'module') refresh(); });
  document.addEventListener('training-frame', refresh);
  refresh();
}
