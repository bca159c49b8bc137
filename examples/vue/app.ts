// Vue 3 example with render functions (h): no template compiler, so nothing needs eval
// and the page runs under a strict Content-Security-Policy. Vue sets a custom element's
// *properties* when the element has them (`key in el`), and `onFokusSelect` listens to
// the `fokus-select` event (Vue hyphenates the name).
import { createApp, defineComponent, h, ref, version } from 'vue';
import { configure, type FokusLoadEvent, type FokusSelectEvent } from 'fokus-widgets';
import 'fokus-widgets/elements/indicator-chart';
import 'fokus-widgets/elements/comparison-table';

configure({ endpoint: '/data/' });

const INDICATORS = ['geburtenrate', 'motorisierungsgrad', 'anteil-65plus'];

const App = defineComponent({
  setup() {
    const indicator = ref('geburtenrate');
    const region = ref('01056015');
    const lang = ref<'de' | 'en'>('de');
    const loads = ref(0);
    return () =>
      h('main', { lang: lang.value }, [
        h('h1', `fokus-widgets in Vue ${version}`),
        h('p', { class: 'controls' }, [
          h('label', [
            'Indikator ',
            h(
              'select',
              {
                id: 'indicator',
                value: indicator.value,
                onChange: (e: Event) => (indicator.value = (e.target as HTMLSelectElement).value),
              },
              INDICATORS.map((id) => h('option', { value: id }, id)),
            ),
          ]),
          ' ',
          h(
            'button',
            { id: 'lang', type: 'button', onClick: () => (lang.value = lang.value === 'de' ? 'en' : 'de') },
            lang.value === 'de' ? 'English' : 'Deutsch',
          ),
        ]),
        h('p', { id: 'status', 'aria-live': 'polite' }, [
          'Gebiet: ',
          h('output', { id: 'region' }, region.value),
          ' · geladen: ',
          h('output', { id: 'loads' }, String(loads.value)),
        ]),
        h('indicator-chart', {
          id: 'chart',
          indicator: indicator.value,
          region: region.value,
          compare: '01056,01',
          from: 2015,
          onFokusLoad: (e: FokusLoadEvent) => e.detail.count > 0 && loads.value++,
        }),
        h('comparison-table', {
          id: 'table',
          indicators: indicator.value,
          level: 'gemeinde',
          parent: '01056',
          year: 2024,
          reference: '01056,01',
          noRank: true,
          selected: region.value,
          onFokusSelect: (e: FokusSelectEvent) => (region.value = e.detail.region),
        }),
      ]);
  },
});

createApp(App).mount('#app');
