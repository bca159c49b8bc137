import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/comparison-table/define.js';

interface Args {
  endpoint: string;
  indicators: string;
  indicator: string;
  year?: number;
  from?: number;
  to?: number;
  level: string;
  parent: string;
  reference: string;
  deviation: '' | 'absolute' | 'percent';
  sort: string;
  direction: '' | 'ascending' | 'descending';
  lang: string;
  noRank: boolean;
  noSparkline: boolean;
  noFilter: boolean;
  noDownload: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/comparison-table',
  component: 'comparison-table',
  args: {
    endpoint: '/data/',
    indicators: 'geburtenrate,motorisierungsgrad,anteil-65plus',
    indicator: '',
    year: 2024,
    level: 'gemeinde',
    parent: '01056',
    reference: '01056,01',
    deviation: '',
    sort: '',
    direction: '',
    lang: 'de',
    noRank: false,
    noSparkline: false,
    noFilter: false,
    noDownload: false,
  },
  argTypes: {
    deviation: { control: 'select', options: ['', 'absolute', 'percent'] },
    direction: { control: 'select', options: ['', 'ascending', 'descending'] },
    lang: { control: 'select', options: ['de', 'en'] },
    level: { control: 'select', options: ['gemeinde', 'amt', 'kreis', 'land'] },
  },
  render: (a) =>
    html`<comparison-table
      endpoint=${a.endpoint}
      indicators=${a.indicators || nothing}
      indicator=${a.indicator || nothing}
      year=${a.year ?? nothing}
      from=${a.from ?? nothing}
      to=${a.to ?? nothing}
      level=${a.level}
      parent=${a.parent || nothing}
      reference=${a.reference || nothing}
      deviation=${a.deviation || nothing}
      sort=${a.sort || nothing}
      direction=${a.direction || nothing}
      lang=${a.lang}
      ?no-rank=${a.noRank}
      ?no-sparkline=${a.noSparkline}
      ?no-filter=${a.noFilter}
      ?no-download=${a.noDownload}
    ></comparison-table>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Gemeinden of the Kreis across three indicators, Kreis and Land pinned on top. */
export const Gemeinden: Story = {};

/** Deviation from the Kreis in percent, coloured by polarity and said in words. */
export const DeviationPercent: Story = {
  args: {
    indicators: 'sgb2-quote,motorisierungsgrad',
    deviation: 'percent',
    sort: 'sgb2-quote',
    direction: 'ascending',
  },
};

/** Regions x years for one indicator, with a trend column. */
export const Years: Story = {
  args: { indicators: '', indicator: 'geburtenrate', year: undefined, from: 2018, to: 2024, deviation: 'absolute' },
};

/** All Gemeinden of Schleswig-Holstein (windowed rendering). */
export const AllGemeinden: Story = {
  args: { parent: '', reference: '01', indicators: 'geburtenrate' },
};

/** English texts and number format. */
export const English: Story = { args: { lang: 'en', deviation: 'absolute' } };

/** Error: an unknown indicator id is named. */
export const UnknownIndicator: Story = { args: { indicators: 'geburtsrate' } };

/** Error: the endpoint is not there. */
export const EndpointMissing: Story = { args: { endpoint: '/nowhere/' } };

/** Empty: a year range without data. */
export const Empty: Story = { args: { indicators: '', indicator: 'geburtenrate', from: 2090, to: 2095 } };
