// The backward pass, step by step, on a graph the server drew and named: Start, Back, Forward and Whole pass (and the
// keys Home, ←, → and End anywhere in the stepper) move through the server's steps. Each step highlights its node and
// operation, writes its chain rule, updates the derivative text of every node it sends a share to, and marks its place
// in the numbered topological order beside the graph. The page computes nothing: every name, number and text comes
// from the server.

const element = id => document.getElementById(id);
let vizReady = null;
let graph = null;     // { steps, nodes: Map(key -> <g>), lines: Map(key -> <text>) }
let position = 0;     // how many steps have been taken

// Renders DOT text with the vendored Graphviz into a container; returns the SVG element.
export async function renderDot(container, dot, label) {
  vizReady ??= Viz.instance();
  const viz = await vizReady;
  const svg = viz.renderSVGElement(dot);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.querySelector(':scope > title')?.remove();
  container.replaceChildren(svg);
  return svg;
}

// The <g> of every node of a Graphviz SVG, by the node's key in the DOT text (its <title>).
function nodesByKey(svg) {
  const nodes = new Map();
  for (const node of svg.querySelectorAll('g.node')) nodes.set(node.querySelector('title').textContent, node);
  return nodes;
}

function buttons() {
  return ['backward-start', 'backward-back', 'backward-forward', 'backward-end'].map(element);
}

// Disables what cannot be pressed; focus on a button that disables itself moves to the one that goes the other way.
function updateButtons() {
  const [start, back, forward, end] = buttons();
  const total = graph?.steps.length ?? 0;
  const focused = document.activeElement;
  start.disabled = back.disabled = position === 0;
  forward.disabled = end.disabled = position === total;
  if (focused?.disabled) (focused === start || focused === back ? forward : back).focus();
  if (document.activeElement?.disabled) element('graph').focus();
}

function writeRule() {
  const rule = element('backward-rule');
  const total = graph.steps.length;
  const current = graph.steps[position - 1];
  if (!current) {
    rule.textContent = total === 0
      ? 'Nothing to step through: the graph has no variable.'
      : 'Press Forward (or \u2192) for the first step: the output starts the backward pass with d = 1.';
  } else {
    rule.textContent = current.rule.join('\n') + (position === total ? '\nDone: every leaf holds its gradient.' : '');
  }
  element('backward-status').textContent = total === 0 ? '' : `Step ${position} of ${total}`;
}

function markList() {
  const list = element('backward-order');
  list.querySelector('[aria-current]')?.removeAttribute('aria-current');
  const item = list.children[position - 1];
  if (!item) return;
  item.setAttribute('aria-current', 'step');
  list.scrollTop = item.offsetTop - list.clientHeight / 2 + item.offsetHeight / 2;
}

function writeTexts() {
  for (const text of graph.lines.values()) text.textContent = '';
  for (const item of element('backward-order').children) item.querySelector('.d').textContent = '';
  const list = element('backward-order').children;
  const index = new Map(graph.steps.map((step, k) => [step.node, k]));
  for (const step of graph.steps.slice(0, position)) {
    for (const { node, text } of step.collected) {
      const line = graph.lines.get(node);
      if (line) line.textContent = `d = ${text}`;
      const item = list[index.get(node)];
      if (item) item.querySelector('.d').textContent = text;
    }
  }
}

// The node a step is drawn as: its own, or its group's box when the group is collapsed.
function drawnNode(step, key) {
  return graph.nodes.get(key) ?? graph.nodes.get(`group:${step.group}`);
}

// Outlines the current step's node and operation; returns them (either may be missing).
function highlight() {
  for (const node of graph.nodes.values()) node.classList.remove('current', 'current-operation');
  const current = graph.steps[position - 1];
  if (!current) return [];
  const operation = current.operation && drawnNode(current, current.operation);
  operation?.classList.add('current-operation');
  const node = drawnNode(current, current.node);
  node?.classList.add('current');
  return [node, operation].filter(Boolean);
}

// Scrolls the graph inside its box so that the shapes are in its middle.
function centre(shapes) {
  if (shapes.length === 0) return;
  const container = element('graph');
  const outer = container.getBoundingClientRect();
  const boxes = shapes.map(shape => shape.getBoundingClientRect());
  const [left, right] = [Math.min(...boxes.map(b => b.left)), Math.max(...boxes.map(b => b.right))];
  const [top, bottom] = [Math.min(...boxes.map(b => b.top)), Math.max(...boxes.map(b => b.bottom))];
  container.scrollLeft += (left + right) / 2 - (outer.left + outer.width / 2);
  container.scrollTop += (top + bottom) / 2 - (outer.top + outer.height / 2);
}

// Brings the stepper to the top of the window when it does not fit where it is, then centres the active node and its
// operation in the graph's box: the buttons, the rule and the node are all in view after every step.
function scrollTo(shapes) {
  const box = element('stepper').getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) window.scrollBy({ top: box.top, behavior: 'instant' });
  centre(shapes);
}

// Shows the pass after `next` steps. A move by the learner brings the active node into view; a new drawing only
// centres it (or the output, before the first step) in the graph's box, leaving the window where it is.
function show(next, moved = true) {
  if (!graph) return;
  position = Math.max(0, Math.min(graph.steps.length, next));
  writeTexts();
  writeRule();
  markList();
  updateButtons();
  const shapes = highlight();
  if (moved) scrollTo(shapes);
  else centre(shapes.length > 0 ? shapes : [graph.steps[0] && drawnNode(graph.steps[0], graph.steps[0].node)].filter(Boolean));
}

function fillList(steps) {
  element('backward-order').replaceChildren(...steps.map((step, k) => {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = step.name;
    const d = document.createElement('span');
    d.className = 'd';
    item.append(name, d);
    item.addEventListener('click', () => show(k + 1));
    return item;
  }));
}

// Shows a new graph. The place in the pass is kept when the steps are those of the same graph (new values, or another
// layer collapsed); otherwise stepping starts again from the beginning.
export async function showGraph(stepped, label) {
  const sameSteps = graph !== null && graph.steps.length === stepped.steps.length &&
    graph.steps.every((step, k) => step.name === stepped.steps[k].name);
  const svg = await renderDot(element('graph'), stepped.dot, label);
  const nodes = nodesByKey(svg);
  const lines = new Map();
  for (const step of stepped.steps) {
    const texts = nodes.get(step.node)?.querySelectorAll('text');
    if (texts?.length === 3) lines.set(step.node, texts[2]);
  }
  graph = { steps: stepped.steps, nodes, lines };
  if (!sameSteps) fillList(stepped.steps);
  element('stepper').hidden = false;
  show(sameSteps ? position : 0, false);
}

// Takes the graph away, after a failed request: nothing of it stays on screen.
export function clearGraph() {
  graph = null;
  position = 0;
  element('graph').replaceChildren();
  element('backward-order').replaceChildren();
  element('stepper').hidden = true;
}

export function startStepper() {
  const [start, back, forward, end] = buttons();
  start.addEventListener('click', () => show(0));
  back.addEventListener('click', () => show(position - 1));
  forward.addEventListener('click', () => show(position + 1));
  end.addEventListener('click', () => show(Number.MAX_SAFE_INTEGER));
  element('stepper').addEventListener('keydown', event => {
    const moves = { ArrowRight: 1, ArrowLeft: -1 };
    if (event.key in moves) show(position + moves[event.key]);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(Number.MAX_SAFE_INTEGER);
    else return;
    event.preventDefault();
  });
}
