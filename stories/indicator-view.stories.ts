import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/indicator-view/define.js';

interface Args {
  endpoint: string;
  indicator: string;
  view: 'chart' | 'map' | 'table';
  level: string;
  parent: string;
  year?: number;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/indicator-view',
  component: 'indicator-view',
  args: {
    endpoint: '/data/',
    indicator: 'geburtenrate',
    view: 'chart',
    level: 'gemeinde',
    parent: '01056',
    year: 2023,
    lang: 'de',
  },
  argTypes: {
    view: { control: 'select', options: ['chart', 'map', 'table'] },
    lang: { control: 'select', options: ['de', 'en'] },
    level: { control: 'select', options: ['gemeinde', 'amt', 'kreis', 'land'] },
  },
  render: (a) =>
    html`<indicator-view
      endpoint=${a.endpoint}
      indicator=${a.indicator}
      view=${a.view}
      level=${a.level}
      parent=${a.parent || nothing}
      year=${a.year ?? nothing}
      lang=${a.lang}
    ></indicator-view>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The Gemeinden of the Kreis ranked in a bar chart; the map and table tabs load on first use. */
export const Chart: Story = {};

/** The map tab opened by the attribute. */
export const Map: Story = { args: { view: 'map', indicator: 'motorisierungsgrad' } };

/** The table tab (loads neither Vega nor Leaflet). */
export const Table: Story = { args: { view: 'table' } };

/** English texts. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an invalid `view` is named. */
export const InvalidView: Story = { args: { view: 'pie' as Args['view'] } };
