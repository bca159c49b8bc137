import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/indicator-picker/define.js';

interface Args {
  endpoint: string;
  value: string;
  topics: string;
  indicators: string;
  label: string;
  lang: string;
  noDefinition: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/indicator-picker',
  component: 'indicator-picker',
  args: {
    endpoint: '/data/',
    value: 'geburtenrate',
    topics: '',
    indicators: '',
    label: '',
    lang: 'de',
    noDefinition: false,
  },
  argTypes: { lang: { control: 'select', options: ['de', 'en'] } },
  render: (a) =>
    html`<indicator-picker
      endpoint=${a.endpoint}
      value=${a.value || nothing}
      topics=${a.topics || nothing}
      indicators=${a.indicators || nothing}
      label=${a.label || nothing}
      lang=${a.lang}
      ?no-definition=${a.noDefinition}
    ></indicator-picker>`,
};
export default meta;
type Story = StoryObj<Args>;

/** All indicators grouped by topic, with the definition of the chosen one. */
export const ByTopic: Story = {};

/** Only the indicators of one topic. */
export const OneTopic: Story = { args: { topics: 'alter', value: 'anteil-65plus' } };

/** Without definition, English. */
export const CompactEnglish: Story = { args: { lang: 'en', noDefinition: true } };
