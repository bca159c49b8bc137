// Demo dashboard (FOKUS PI): a topic navigation built from the catalog, linked with the
// widgets of group "pi" through the page-level selection (the widgets link themselves;
// this script only adds the topic buttons and gives the table the indicators of the topic).
// Text from the endpoint is set as text, never as HTML.
import { getClient } from '/dist/data.js';
import { getSelection, setSelection, subscribe } from '/dist/fokus-widgets.js';

const GROUP = 'pi';
const list = document.getElementById('topics');
const table = document.getElementById('table');
// the first tile follows the chosen indicator; these show fixed key figures next to it
const fixedTiles = [...document.querySelectorAll('.tiles indicator-tile[link]')];
const FIXED = fixedTiles.map((t) => t.getAttribute('indicator'));
const SPARE = ['geburtenrate', 'arbeitslosenquote', 'anteil-65plus', 'motorisierungsgrad'];

const catalog = await getClient().getCatalog('/data/');
const topicOf = (indicator) => catalog.indicators.find((i) => i.id === indicator)?.topic;
const indicatorsOf = (topic) => catalog.indicators.filter((i) => i.topic === topic).map((i) => i.id);
/** A deviation from the Kreis only means something for rates and shares, not for counts such as inhabitants. */
const comparable = (indicator) => {
  const c = catalog.indicators.find((i) => i.id === indicator)?.computation;
  return !!c && (c.type === 'ratio' || (c.type === 'count' && !!c.published));
};

const buttons = catalog.topics
  .filter((t) => indicatorsOf(t.id).length)
  .map((topic) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = topic.label.de;
    button.dataset.topic = topic.id;
    button.addEventListener('click', () => {
      const current = getSelection(GROUP).indicator;
      if (topicOf(current) !== topic.id) setSelection(GROUP, { indicator: indicatorsOf(topic.id)[0] });
    });
    li.append(button);
    return li;
  });
list.replaceChildren(...buttons);

/** Marks the topic of the shown indicator and gives the table all indicators of that topic. */
function show(indicator) {
  const topic = topicOf(indicator);
  for (const b of list.querySelectorAll('button')) b.setAttribute('aria-current', String(b.dataset.topic === topic));
  // never two identical tiles: a fixed tile showing the chosen indicator shows a spare one instead
  const taken = new Set([indicator]);
  fixedTiles.forEach((tile, i) => {
    const id = taken.has(FIXED[i]) ? SPARE.find((s) => !taken.has(s) && !FIXED.includes(s)) : FIXED[i];
    taken.add(id);
    if (tile.indicator !== id) tile.indicator = id;
  });
  if (!topic) return;
  const ids = indicatorsOf(topic);
  // the chosen indicator first: its deviation column is the one shown (only for rates)
  table.deviation = comparable(indicator) ? 'absolute' : '';
  table.indicators = [indicator, ...ids.filter((id) => id !== indicator)].join(',');
}

subscribe(GROUP, (selection, changed) => {
  if (changed.includes('indicator')) show(selection.indicator);
});
show(getSelection(GROUP).indicator ?? 'geburtenrate');
