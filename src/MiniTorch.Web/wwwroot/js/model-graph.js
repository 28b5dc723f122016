// The network's graph for one training point (MiniTorch's "Show Graph"), on the Autodiff page: the server runs the
// Training page's network (the run's, as it is now, or the untrained one of the settings) on the point and draws its
// scalar graph grouped by layer; a layer can be collapsed into one box. Clicking a point on the Training page's
// picture opens it here. The backward pass steps like an expression's.
import { send, problemText } from './api.js';
import { readSetting, writeSettings } from './url-state.js';
import { currentRequest, currentTrainingId, formReady } from './training.js';
import { showGraph, clearGraph } from './stepper.js';
import { placement } from './boundary-view.js';

const element = id => document.getElementById(id);
let boundary = null;   // what the Training page drew last: { picture, points, labels }
let collapsed = null;  // the groups the learner collapsed, or null for the server's choice
let loading = false;
let again = false;

function shown() {
  return !element('page-autodiff').hidden && element('source-network').checked;
}

function showError(problem) {
  element('network-error').textContent = problemText(problem);
  element('network-error').hidden = false;
  element('graph-point-info').textContent = '';
  element('graph-groups').hidden = true;
  clearGraph();
}

function showGroups(groups) {
  const holder = element('graph-groups');
  const legend = holder.querySelector('legend');
  holder.replaceChildren(legend, ...groups.map(group => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = !group.collapsed;
    box.addEventListener('change', () => {
      collapsed = groups.filter(g => g.name === group.name ? !box.checked : g.collapsed).map(g => g.name);
      writeSettings({ fold: collapsed.join(',') || '-' });
      showModelGraph();
    });
    label.append(box, ` ${group.name} (${group.nodes} nodes)`);
    return label;
  }));
  holder.hidden = false;
}

async function show(view) {
  element('network-error').hidden = true;
  element('graph-point').max = view.points - 1;
  element('graph-point-info').textContent =
    `Point ${view.point} of ${view.points}: x1 = ${view.x1}, x2 = ${view.x2}, label ${view.label}; the network's output there is ${view.output}.`;
  showGroups(view.groups);
  await showGraph(view.graph, `The network's computation graph at training point ${view.point}`);
}

// Asks for the graph of the chosen point; a request made while one is under way is sent when it is answered.
export async function showModelGraph() {
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  await formReady;
  const point = Number(element('graph-point').value);
  writeSettings({ point });
  const body = { point: Number.isInteger(point) ? point : -1 };
  const id = currentTrainingId();
  if (id) body.training = id; else body.settings = currentRequest();
  if (collapsed) body.collapsed = collapsed;
  const answer = await send('POST', '/api/model-graph', body);
  loading = false;
  if (again) {
    again = false;
    showModelGraph();
    return;
  }
  if (!shown()) return;
  if (answer.ok) await show(answer.data); else showError(answer.data);
  document.dispatchEvent(new CustomEvent('autodiff-shown'));
}

// The point under a click on the Training page's picture, if the click is on one.
function pointUnder(event) {
  if (!boundary) return -1;
  const canvas = event.currentTarget;
  const box = canvas.getBoundingClientRect();
  const scale = canvas.width / box.width;
  const [x, y] = [(event.clientX - box.left) * scale, (event.clientY - box.top) * scale];
  let nearest = -1;
  let best = (8 * scale) ** 2;
  const at = placement(canvas, boundary.picture.low, boundary.picture.high);
  boundary.points.forEach(([x1, x2], k) => {
    const [px, py] = [at.x(x1), at.y(x2)];
    const distance = (px - x) ** 2 + (py - y) ** 2;
    if (distance <= best) [nearest, best] = [k, distance];
  });
  return nearest;
}

export function startModelGraph() {
  const fold = readSetting('fold');
  if (fold) collapsed = fold === '-' ? [] : fold.split(',');
  element('graph-point').value = readSetting('point') ?? '0';
  element('graph-point').addEventListener('change', () => { if (shown()) showModelGraph(); });
  document.addEventListener('training-frame', () => { if (shown()) showModelGraph(); });
}

document.addEventListener('boundary-drawn', event => { boundary = event.detail; });
element('boundary').addEventListener('click', event => {
  const point = pointUnder(event);
  if (point < 0) return;
  element('graph-point').value = point;
  writeSettings({ graph: 'network', point });
  element('tab-autodiff').click();
  if (!element('source-network').checked) element('source-network').click();
  else showModelGraph();
});
