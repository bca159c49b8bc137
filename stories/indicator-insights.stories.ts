import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/indicator-insights/define.js';

interface Args {
  endpoint: string;
  indicator: string;
  region: string;
  year?: number;
  peers: string;
  lang: string;
  noHeading: boolean;
  noSource: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/indicator-insights',
  component: 'indicator-insights',
  args: {
    endpoint: '/data/',
    indicator: 'sgb2-quote',
    region: '01056015',
    peers: 'kreis',
    lang: 'de',
    noHeading: false,
    noSource: false,
  },
  argTypes: {
    lang: { control: 'select', options: ['de', 'en'] },
    peers: { control: 'select', options: ['kreis', 'size'] },
  },
  render: (a) =>
    html`<indicator-insights
      endpoint=${a.endpoint}
      indicator=${a.indicator}
      region=${a.region}
      year=${a.year ?? nothing}
      peers=${a.peers}
      lang=${a.lang}
      ?no-heading=${a.noHeading}
      ?no-source=${a.noSource}
    ></indicator-insights>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Elmshorn's SGB II rate: a falling trend since the break in series, its place in the Kreis, the last change. */
export const Elmshorn: Story = {};

/** Small count: Helgoland's birth rate rests on 8 births, so no finding is claimed. */
export const SmallCount: Story = { args: { indicator: 'geburtenrate', region: '01056025' } };

/** Peers of similar size across the Land instead of the Gemeinden of the Kreis. */
export const SizeClass: Story = { args: { indicator: 'geburtenrate', peers: 'size' } };

/** English. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an unknown region key is named. */
export const UnknownRegion: Story = { args: { region: '01056999' } };
