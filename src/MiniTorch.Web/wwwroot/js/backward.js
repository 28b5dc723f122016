// Backward, step by step: the server's steps of the engine's backward pass, shown on the graph one at a time. Each
// step highlights its operation, writes d_out, each input's local derivative and their product, and the derivative
// each value node has collected so far.
import { drawGraph } from './autodiff.js';

const element = id => document.getElementById(id);
let result = null;
let next = 0;
let collected = new Map();
let svg = null;

function nodes() {
  return [...svg.querySelectorAll('g.node')];
}

function nodeTitled(title) {
  return nodes().find(node => node.querySelector('text')?.textContent === title);
}

function operationNode(label) {
  return nodes().find(node => [...node.querySelectorAll('text')].some(text => text.textContent.endsWith(`(${label})`)));
}

function writeCollected() {
  for (const node of nodes()) {
    node.querySelector('text.collected')?.remove();
    const title = node.querySelector('text')?.textContent;
    if (!collected.has(title)) continue;
    const shape = node.querySelector('ellipse');
    if (!shape) continue;
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('class', 'collected');
    text.setAttribute('x', shape.getAttribute('cx'));
    text.setAttribute('y', String(Number(shape.getAttribute('cy')) + Number(shape.getAttribute('ry')) + 14));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('font-size', '12');
    text.textContent = `collected ${collected.get(title)}`;
    node.append(text);
  }
}

function highlight(node) {
  for (const other of nodes()) other.classList.remove('current');
  node?.classList.add('current');
}

async function restart() {
  next = 0;
  collected = new Map();
  svg = await drawGraph(result.forwardDot);
  element('backward-rule').hidden = true;
  element('backward-step').disabled = result.steps.length === 0;
  element('backward-status').textContent = `${result.steps.length} steps; the first is the output, d_out = 1.`;
}

async function step() {
  if (!svg) await restart();
  const current = result.steps[next++];
  collected.set(current.node, current.derivative);
  const lines = [`${current.node}: d_out = ${current.derivative}`];
  if (current.operation) {
    highlight(operationNode(current.operation));
    lines[0] = `${current.operation}, result ${current.node}: d_out = ${current.derivative}`;
    for (const term of current.terms) {
      lines.push(`  ${term.input}: local derivative ${term.local}, d_out \u00d7 local = ${term.share}` +
        (term.passedOn ? '' : ' (a constant: collects nothing)'));
    }
  } else {
    highlight(nodeTitled(current.node));
    lines.push('  a leaf: its gradient is what it has collected');
  }
  writeCollected();
  element('backward-rule').textContent = lines.join('\n');
  element('backward-rule').hidden = false;
  const done = next === result.steps.length;
  element('backward-step').disabled = done;
  element('backward-status').textContent = done ? `Done: the leaves hold the gradients.` : `Step ${next} of ${result.steps.length}`;
}

export function startBackward() {
  document.addEventListener('expression-result', event => {
    result = event.detail;
    svg = null;
    next = 0;
    element('backward-rule').hidden = true;
    element('backward-step').disabled = result.steps.length === 0;
    element('backward-status').textContent = 'Step through the backward pass one chain-rule step at a time.';
  });
  element('backward-step').addEventListener('click', step);
  element('backward-reset').addEventListener('click', async () => {
    svg = null;
    next = 0;
    element('backward-rule').hidden = true;
    element('backward-step').disabled = false;
    if (result) await drawGraph(result.dot);
  });
}
