// Start page: lists what the built-in endpoint holds, read from its catalog with the
// library's own data client (text only, never HTML from the endpoint).
import { getClient } from '/dist/data.js';

const facts = document.getElementById('facts');
const list = document.getElementById('indicators');

function row(label, value) {
  const tr = document.createElement('tr');
  const th = document.createElement('th');
  th.scope = 'row';
  th.textContent = label;
  const td = document.createElement('td');
  td.textContent = value;
  tr.append(th, td);
  return tr;
}

try {
  const catalog = await getClient().getCatalog('/data/');
  const count = (level) => catalog.regions.filter((r) => r.level === level).length;
  const tbody = document.createElement('tbody');
  tbody.append(
    row('Titel', catalog.title.de),
    row('Herausgeber', catalog.publisher),
    row('Lizenz', catalog.licence.name),
    row('Stand', catalog.updated),
    row('Gebiete', `${count('land')} Land, ${count('kreis')} Kreise, ${count('amt')} Ämter/amtsfreie Gemeinden, ${count('gemeinde')} Gemeinden`),
    row('Geometrie', catalog.attribution),
  );
  facts.replaceChildren(tbody);
  for (const indicator of catalog.indicators) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = indicator.id;
    li.append(code, ` – ${indicator.label.de} (${indicator.unit.de}), ${indicator.years[0]}–${indicator.years.at(-1)}`);
    list.append(li);
  }
} catch (error) {
  facts.replaceChildren(row('Fehler', String(error.message ?? error)));
}
