import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/scatter-chart/define.js';

interface Args {
  endpoint: string;
  x: string;
  y: string;
  level: string;
  parent: string;
  year?: number;
  selected: string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/scatter-chart',
  component: 'scatter-chart',
  args: {
    endpoint: '/data/',
    x: 'geburtenrate',
    y: 'anteil-65plus',
    level: 'gemeinde',
    parent: '01056',
    year: 2023,
    selected: '01056015',
    lang: 'de',
  },
  argTypes: {
    lang: { control: 'select', options: ['de', 'en'] },
    level: { control: 'select', options: ['gemeinde', 'amt', 'kreis', 'land'] },
  },
  render: (a) =>
    html`<scatter-chart
      endpoint=${a.endpoint}
      x=${a.x}
      y=${a.y}
      level=${a.level}
      parent=${a.parent || nothing}
      year=${a.year ?? nothing}
      selected=${a.selected || nothing}
      lang=${a.lang}
    ></scatter-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Birth rate against the share aged 65+, the Gemeinden of Kreis Pinneberg, Elmshorn selected. */
export const Gemeinden: Story = {};

/** All Gemeinden of Schleswig-Holstein (about 1,100 points). */
export const AllGemeinden: Story = { args: { parent: '', selected: '' } };

/** The Kreise of the Land. */
export const Kreise: Story = {
  args: { level: 'kreis', parent: '01', x: 'sgb2-quote', y: 'motorisierungsgrad', selected: '' },
};

/** English texts. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an unknown indicator is named. */
export const UnknownIndicator: Story = { args: { x: 'geburtsrate' } };
