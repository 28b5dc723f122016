// Tabs (arrow keys move between them, as in any tab list) and the start of each page.
import { readSetting, writeSettings } from './url-state.js';
import { startTraining } from './training.js';
import { startAutodiff } from './autodiff.js';
import { startFunctions } from './functions.js';
import { startModule } from './module.js';
import { startManual } from './manual.js';

const tabs = [...document.querySelectorAll('[role="tab"]')];
const shown = new Set();
const starts = {
  training: startTraining,
  autodiff: startAutodiff,
  functions: startFunctions,
  module: startModule,
  manual: startManual,
};

function select(tab, focus) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
  }
  const name = tab.id.replace('tab-', '');
  writeSettings({ tab: name });
  if (focus) tab.focus();
  if (!shown.has(name)) {
    shown.add(name);
    starts[name]();
  }
  document.dispatchEvent(new CustomEvent('tab-shown', { detail: name }));
}

tabs.forEach((tab, k) => {
  tab.addEventListener('click', () => select(tab, false));
  tab.addEventListener('keydown', event => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) select(tabs[(k + step + tabs.length) % tabs.length], true);
    if (event.key === 'Home') select(tabs[0], true);
    if (event.key === 'End') select(tabs[tabs.length - 1], true);
  });
});

select(document.getElementById(`tab-${readSetting('tab') ?? 'training'}`) ?? tabs[0], false);
