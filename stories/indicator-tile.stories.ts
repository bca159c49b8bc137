import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/indicator-tile/define.js';

interface Args {
  endpoint: string;
  indicator: string;
  region: string;
  year?: number;
  compare: string;
  minCount: number;
  lang: string;
  noSource: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/indicator-tile',
  component: 'indicator-tile',
  args: {
    endpoint: '/data/',
    indicator: 'geburtenrate',
    region: '01056015',
    compare: 'auto',
    minCount: 20,
    lang: 'de',
    noSource: false,
  },
  argTypes: { lang: { control: 'select', options: ['de', 'en'] } },
  render: (a) =>
    html`<indicator-tile
      endpoint=${a.endpoint}
      indicator=${a.indicator}
      region=${a.region}
      year=${a.year ?? nothing}
      compare=${a.compare}
      min-count=${a.minCount}
      lang=${a.lang}
      ?no-source=${a.noSource}
    ></indicator-tile>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Elmshorn's birth rate against the Kreis and the Land. */
export const Elmshorn: Story = {};

/** Polarity: a higher SGB II rate than Kreis and Land is called unfavourable. */
export const Polarity: Story = { args: { indicator: 'sgb2-quote' } };

/** Small count: the birth rate of Helgoland rests on a handful of births. */
export const SmallCount: Story = { args: { region: '01056025' } };

/** A count: inhabitants as a share of the Kreis. */
export const Count: Story = { args: { indicator: 'bevoelkerung' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an unknown region key is named. */
export const UnknownRegion: Story = { args: { region: '01056999' } };
