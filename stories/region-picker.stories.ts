import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/region-picker/define.js';

interface Args {
  endpoint: string;
  value: string;
  level: string;
  parent: string;
  include: string;
  label: string;
  lang: string;
}

const meta: Meta<Args> = {
  title: 'Elements/region-picker',
  component: 'region-picker',
  args: {
    endpoint: '/data/',
    value: '01056015',
    level: 'gemeinde',
    parent: '01056',
    include: '01056,01',
    label: '',
    lang: 'de',
  },
  argTypes: {
    level: { control: 'select', options: ['gemeinde', 'amt', 'kreis', 'land'] },
    lang: { control: 'select', options: ['de', 'en'] },
  },
  render: (a) =>
    html`<region-picker
      endpoint=${a.endpoint}
      value=${a.value || nothing}
      level=${a.level}
      parent=${a.parent || nothing}
      include=${a.include || nothing}
      label=${a.label || nothing}
      lang=${a.lang}
    ></region-picker>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The 49 Gemeinden of Kreis Pinneberg grouped by Amt, with the Kreis and the Land on top. */
export const KreisPinneberg: Story = {};

/** All 1,112 Gemeinden of Schleswig-Holstein, grouped by Kreis: type to search. */
export const AllGemeinden: Story = { args: { parent: '', include: '', value: '' } };

/** The Kreise and kreisfreie Städte. */
export const Kreise: Story = { args: { level: 'kreis', parent: '', include: '01', value: '01056' } };

/** English texts. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an unknown parent key is named. */
export const UnknownParent: Story = { args: { parent: '01999' } };
