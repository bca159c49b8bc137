import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/indicator-chart/define.js';
import { FokusClient, setClient } from '../src/data/client.js';

interface Args {
  endpoint: string;
  indicator: string;
  type: 'line' | 'bar' | 'column';
  region: string;
  compare: string;
  level: string;
  parent: string;
  from?: number;
  to?: number;
  year?: number;
  label: string;
  height?: number;
  lang: string;
  group: string;
  noTable: boolean;
  noSource: boolean;
}

/** A client whose requests never answer: the loading state stays visible. */
const pendingClient = new FokusClient({ fetch: () => new Promise<Response>(() => {}), retries: 0, timeout: 600_000 });

const meta: Meta<Args> = {
  title: 'Elements/indicator-chart',
  component: 'indicator-chart',
  args: {
    endpoint: '/data/',
    indicator: 'geburtenrate',
    type: 'line',
    region: '01056015',
    compare: '01056,01',
    level: '',
    parent: '',
    label: '',
    lang: 'de',
    group: '',
    noTable: false,
    noSource: false,
  },
  argTypes: {
    type: { control: 'select', options: ['line', 'bar', 'column'] },
    lang: { control: 'select', options: ['de', 'en'] },
    level: { control: 'select', options: ['', 'gemeinde', 'amt', 'kreis', 'land'] },
  },
  decorators: [
    (story, context) => {
      // Only the Loading story uses the never-answering client.
      setClient(context.name === 'Loading' ? pendingClient : undefined);
      return story();
    },
  ],
  render: (a) =>
    html`<div style="max-width: 760px">
      <indicator-chart
        endpoint=${a.endpoint}
        indicator=${a.indicator}
        type=${a.type}
        region=${a.region || nothing}
        compare=${a.compare || nothing}
        level=${a.level || nothing}
        parent=${a.parent || nothing}
        from=${a.from ?? nothing}
        to=${a.to ?? nothing}
        year=${a.year ?? nothing}
        label=${a.label || nothing}
        height=${a.height ?? nothing}
        lang=${a.lang}
        group=${a.group || nothing}
        ?no-table=${a.noTable}
        ?no-source=${a.noSource}
      ></indicator-chart>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The birth rate of Elmshorn over time, with the Kreis and the Land as dashed reference lines. */
export const Line: Story = {};

/** A shorter period and another indicator. */
export const LinePeriod: Story = { args: { indicator: 'sgb2-quote', from: 2016, to: 2024 } };

/** All Gemeinden of the Kreis ranked for the latest year, Elmshorn highlighted, Kreis and Land as rules. */
export const Bar: Story = {
  args: { type: 'bar', indicator: 'motorisierungsgrad', level: 'gemeinde', parent: '01056' },
};

/** The Ämter and amtsfreie Gemeinden: long names on the axis. */
export const BarLongNames: Story = {
  args: { type: 'bar', indicator: 'anteil-65plus', level: 'amt', parent: '01056', region: '010565690', year: 2020 },
};

/** Age groups (a breakdown) as columns, Elmshorn next to the Kreis and the Land. */
export const Column: Story = { args: { type: 'column', indicator: 'altersstruktur' } };

/** Several regions with long names in one time series. */
export const LongNames: Story = {
  args: {
    region: '01056030,01056017,010565690',
    compare: '01056',
    label:
      'Geburtenrate in Klein Offenseth-Sparrieshoop, Groß Offenseth-Aspern und im Amt Geest und Marsch Südholstein',
  },
};

/** English texts and number format. */
export const English: Story = { args: { lang: 'en' } };

/** English bar chart. */
export const EnglishBar: Story = {
  args: { lang: 'en', type: 'bar', indicator: 'sgb2-quote', level: 'gemeinde', parent: '01056' },
};

/** Loading: a skeleton sized like the chart (the data never arrive in this story). */
export const Loading: Story = {};

/** Empty: a period without data. */
export const Empty: Story = { args: { from: 2090, to: 2095 } };

/** Error: an unknown indicator id is named. */
export const UnknownIndicator: Story = { args: { indicator: 'geburtsrate' } };

/** Error: an unknown region key is named. */
export const UnknownRegion: Story = { args: { region: '01056999' } };

/** Error: the endpoint is not there. */
export const EndpointMissing: Story = { args: { endpoint: '/nowhere/' } };
