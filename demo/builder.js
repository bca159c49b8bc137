// Embed-code builder: the editor picks the data source, element, indicator, region and
// options, sees a live preview and copies one of four routes (loader + tag, tag only,
// iframe + resizer, WordPress shortcode), each with the endpoint filled in. Elements are
// created with createElement/setAttribute and snippets are set as text: nothing is parsed as HTML.
import { getClient } from '/dist/data.js';
import { routes } from './builder-snippets.js';

const form = document.getElementById('form');
const elementSelect = document.getElementById('element');
const indicatorSelect = document.getElementById('indicator');
const regionPicker = document.getElementById('region');
const preview = document.getElementById('preview');
const endpointSelect = document.getElementById('endpoint');
const routesBox = document.getElementById('routes');
const copied = document.getElementById('copied');

const origin = location.origin;
const libraryBase = `${origin}/dist/`;

// Data sources: the list in builder.html (the demo's synthetic /data/ and the official
// /official/). A source this server does not have says so when chosen, and the builder
// goes back to the previous one.
const endpointUrl = () => new URL(endpointSelect.value, origin).href;
let catalog;

/** Indicators of the chosen endpoint, grouped by topic, as text. */
async function loadIndicators() {
  const previous = indicatorSelect.value || 'geburtenrate';
  catalog = await getClient().getCatalog(endpointUrl());
  const groups = [];
  for (const topic of catalog.topics) {
    const indicators = catalog.indicators.filter((i) => i.topic === topic.id);
    if (!indicators.length) continue;
    const group = document.createElement('optgroup');
    group.label = topic.label.de;
    for (const i of indicators) group.append(new Option(i.label.de, i.id, false, i.id === previous));
    groups.push(group);
  }
  indicatorSelect.replaceChildren(...groups);
  regionPicker.setAttribute('endpoint', endpointUrl());
}
await loadIndicators();

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

/** A human title for the iframe (its accessible name) and the fallback link, e.g. "Diagramm: Geburtenrate, Elmshorn". */
function titleOf({ tag, attrs }) {
  const get = (n) => attrs.find(([k]) => k === n)?.[1];
  const kinds = {
    'indicator-chart': 'Diagramm',
    'municipality-map': 'Karte',
    'comparison-table': 'Tabelle',
    'indicator-tile': 'Kennzahl',
    'region-profile': 'Gemeindesteckbrief',
  };
  const indicatorId = get('indicator') ?? String(get('indicators') ?? '').split(',')[0];
  const indicator = catalog.indicators.find((i) => i.id === indicatorId)?.label.de;
  const regionId = get('region') ?? get('parent');
  const region = catalog.regions.find((r) => r.id === regionId)?.name;
  return `${kinds[tag] ?? tag}: ${[indicator, region].filter(Boolean).join(', ')}`;
}

function routeCard(route) {
  // The first route keeps the ids #snippet and #copy (older tests and bookmarks use them).
  const first = route.id === 'loader';
  const card = document.createElement('section');
  card.className = 'route';
  card.dataset.route = route.id;
  const h = document.createElement('h3');
  h.textContent = route.title;
  const who = document.createElement('p');
  who.className = 'who';
  who.textContent = route.who;
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  if (first) code.id = 'snippet';
  code.textContent = route.code;
  pre.append(code);
  const button = document.createElement('button');
  button.type = 'button';
  if (first) button.id = 'copy';
  button.textContent = `${route.title}: Code kopieren`;
  button.addEventListener('click', () => copy(code));
  const actions = document.createElement('p');
  actions.className = 'actions';
  actions.append(button);
  card.append(h, who, pre, actions);
  return card;
}

let lastKey = '';
let lastRoutes = '';
function update() {
  const tag = elementSelect.value;
  for (const field of form.querySelectorAll('[data-for]')) field.hidden = !field.dataset.for.split(' ').includes(tag);
  const state = attributes();
  const endpoint = endpointUrl();
  // Re-rendered only when a snippet changes: a blur (change event) while a copy button is
  // pressed must not replace the button under the pointer.
  const list = routes({ base: libraryBase, tag: state.tag, attrs: state.attrs, endpoint, title: titleOf(state) });
  const routesKey = JSON.stringify(list.map((r) => r.code));
  if (routesKey !== lastRoutes) {
    lastRoutes = routesKey;
    routesBox.replaceChildren(...list.map(routeCard));
  }
  const key = JSON.stringify([state, endpoint]);
  if (key === lastKey) return;
  lastKey = key;
  const el = document.createElement(state.tag);
  for (const [name, value] of state.attrs) el.setAttribute(name, value);
  el.setAttribute('endpoint', endpoint);
  preview.replaceChildren(el);
  copied.textContent = '';
}

let currentEndpoint = endpointSelect.value;
endpointSelect.addEventListener('change', async () => {
  try {
    await loadIndicators();
    currentEndpoint = endpointSelect.value;
    copied.textContent = '';
  } catch {
    copied.textContent = `Die Datenquelle ${endpointSelect.value} gibt es auf diesem Server nicht.`;
    endpointSelect.value = currentEndpoint;
    await loadIndicators();
  }
  update();
});
form.addEventListener('input', (e) => e.target !== endpointSelect && update());
form.addEventListener('change', (e) => e.target !== endpointSelect && update());
regionPicker.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

async function copy(code) {
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
}

update();
