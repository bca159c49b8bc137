import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/region-profile/define.js';

interface Args {
  endpoint: string;
  region: string;
  indicators: string;
  chartIndicator: string;
  year?: number;
  lang: string;
  noMap: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/region-profile',
  component: 'region-profile',
  args: { endpoint: '/data/', region: '01056015', indicators: '', chartIndicator: '', lang: 'de', noMap: false },
  argTypes: { lang: { control: 'select', options: ['de', 'en'] } },
  render: (a) =>
    html`<region-profile
      endpoint=${a.endpoint}
      region=${a.region}
      indicators=${a.indicators || nothing}
      chart-indicator=${a.chartIndicator || nothing}
      year=${a.year ?? nothing}
      lang=${a.lang}
      ?no-map=${a.noMap}
    ></region-profile>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Gemeindesteckbrief of Elmshorn. */
export const Elmshorn: Story = {};

/** A small Gemeinde in an Amt (small-count warnings on its rates). */
export const Bevern: Story = { args: { region: '01056003' } };

/** Linked: choose the Gemeinde with a region picker of the same group. */
export const WithPicker: Story = {
  render: (a) =>
    html`<region-picker group="story-profile" endpoint=${a.endpoint} parent="01056" value=${a.region}></region-picker>
      <region-profile group="story-profile" endpoint=${a.endpoint} region=${a.region} no-map></region-profile>`,
  loaders: [() => import('../src/elements/region-picker/define.js')],
};
