// React 19 example: the elements as JSX tags. React 19 sets a custom element's
// *properties* when the element has them (numbers and booleans arrive as such, not as
// attribute strings) and listens to custom events through `on<event-name>` props.
import { StrictMode, useState, version, type HTMLAttributes, type Ref } from 'react';
import { createRoot } from 'react-dom/client';
import { configure, type FokusLoadEvent, type FokusSelectEvent } from 'fokus-widgets';
// Define the elements before React renders them, so that React sees their properties.
import 'fokus-widgets/elements/indicator-chart';
import 'fokus-widgets/elements/comparison-table';
import type { IndicatorChartElement } from 'fokus-widgets/elements/indicator-chart';
import type { ComparisonTableElement } from 'fokus-widgets/elements/comparison-table';

configure({ endpoint: '/data/' });

/** JSX typing for the tags: the element's own properties, the usual HTML attributes, and the events. */
type FokusEvents = 'fokus-load' | 'fokus-error' | 'fokus-select';
type ElementProps<E> = Partial<Omit<E, keyof HTMLElement>> &
  HTMLAttributes<E> & { ref?: Ref<E> } & {
    [K in FokusEvents as `on${K}`]?: (event: HTMLElementEventMap[K]) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'indicator-chart': ElementProps<IndicatorChartElement>;
      'comparison-table': ElementProps<ComparisonTableElement>;
    }
  }
}

const INDICATORS = ['geburtenrate', 'motorisierungsgrad', 'anteil-65plus'];

function App() {
  const [indicator, setIndicator] = useState('geburtenrate');
  const [region, setRegion] = useState('01056015');
  const [lang, setLang] = useState<'de' | 'en'>('de');
  const [loads, setLoads] = useState(0);

  return (
    <main lang={lang}>
      <h1>fokus-widgets in React {version}</h1>
      <p className="controls">
        <label>
          Indikator{' '}
          <select id="indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            {INDICATORS.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>{' '}
        <button id="lang" type="button" onClick={() => setLang(lang === 'de' ? 'en' : 'de')}>
          {lang === 'de' ? 'English' : 'Deutsch'}
        </button>
      </p>
      <p id="status" aria-live="polite">
        Gebiet: <output id="region">{region}</output> · geladen: <output id="loads">{loads}</output>
      </p>
      <indicator-chart
        id="chart"
        indicator={indicator}
        region={region}
        compare="01056,01"
        from={2015}
        onfokus-load={(e: FokusLoadEvent) => e.detail.count > 0 && setLoads((n) => n + 1)}
      ></indicator-chart>
      <comparison-table
        id="table"
        indicators={indicator}
        level="gemeinde"
        parent="01056"
        year={2024}
        reference="01056,01"
        noRank={true}
        selected={region}
        onfokus-select={(e: FokusSelectEvent) => setRegion(e.detail.region)}
      ></comparison-table>
    </main>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
