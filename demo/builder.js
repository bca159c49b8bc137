// Embed-code builder: the editor picks element, indicator, region and options, sees a live
// preview and copies the snippet (loader script + tag). Elements are created with
// createElement/setAttribute and the snippet is set as text: nothing is parsed as HTML.
import { getClient } from '/dist/data.js';

const form = document.getElementById('form');
const elementSelect = document.getElementById('element');
const indicatorSelect = document.getElementById('indicator');
const regionPicker = document.getElementById('region');
const preview = document.getElementById('preview');
const code = document.getElementById('snippet');
const copied = document.getElementById('copied');

const origin = location.origin;
const catalog = await getClient().getCatalog('/data/');

// Indicators grouped by topic, as text.
for (const topic of catalog.topics) {
  const indicators = catalog.indicators.filter((i) => i.topic === topic.id);
  if (!indicators.length) continue;
  const group = document.createElement('optgroup');
  group.label = topic.label.de;
  for (const i of indicators) group.append(new Option(i.label.de, i.id, false, i.id === 'geburtenrate'));
  indicatorSelect.append(group);
}

/** The attributes of the tag for the current form state, in a stable order. */
function attributes() {
  const tag = elementSelect.value;
  const data = new FormData(form);
  const compare = data.getAll('compare').join(',');
  const [level, parent] = String(data.get('scope')).split(':');
  const year = String(data.get('year') ?? '').trim();
  const region = regionPicker.value || regionPicker.getAttribute('value') || ''; // before the upgrade: the attribute
  const a = [];
  const add = (name, value) => value && a.push([name, value]);
  if (tag !== 'region-profile') add('indicator', indicatorSelect.value);
  if (tag === 'indicator-chart') {
    const type = String(data.get('type'));
    if (type === 'bar') {
      add('type', 'bar');
      add('level', 'gemeinde');
      add('parent', '01056');
    } else add('region', region);
    add('compare', compare);
  }
  if (tag === 'indicator-tile' || tag === 'region-profile') add('region', region);
  if (tag === 'municipality-map' || tag === 'comparison-table') {
    add('level', level);
    add('parent', parent);
  }
  if (tag === 'comparison-table') add('reference', compare);
  if (tag !== 'indicator-chart' && /^\d{4}$/.test(year)) add('year', year);
  add('lang', String(data.get('lang') ?? ''));
  return { tag, attrs: a };
}

const escapeAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function snippet({ tag, attrs }) {
  const loader = `<script type="module" src="${origin}/dist/fokus-widgets.js" data-fokus-endpoint="${origin}/data/"></script>`;
  const attrText = attrs.map(([n, v]) => ` ${n}="${escapeAttr(v)}"`).join('');
  return `${loader}\n<${tag}${attrText}></${tag}>`;
}

let lastKey = '';
function update() {
  const tag = elementSelect.value;
  for (const field of form.querySelectorAll('[data-for]')) field.hidden = !field.dataset.for.split(' ').includes(tag);
  const state = attributes();
  code.textContent = snippet(state);
  const key = JSON.stringify(state);
  if (key === lastKey) return;
  lastKey = key;
  const el = document.createElement(state.tag);
  for (const [name, value] of state.attrs) el.setAttribute(name, value);
  preview.replaceChildren(el);
  copied.textContent = '';
}

form.addEventListener('input', update);
form.addEventListener('change', update);
regionPicker.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

document.getElementById('copy').addEventListener('click', async () => {
  const text = code.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copied.textContent = 'Kopiert – jetzt im CMS einfügen.';
  } catch {
    // No clipboard access (e.g. http on another host): select the code for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    copied.textContent = 'Code markiert – mit Strg+C kopieren.';
  }
});

update();
