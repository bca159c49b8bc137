import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/year-slider/define.js';

interface Args {
  endpoint: string;
  indicator: string;
  value?: number;
  from?: number;
  to?: number;
  speed: number;
  lang: string;
  noPlay: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/year-slider',
  component: 'year-slider',
  args: { endpoint: '/data/', indicator: 'geburtenrate', speed: 1200, lang: 'de', noPlay: false },
  argTypes: { lang: { control: 'select', options: ['de', 'en'] } },
  render: (a) =>
    html`<year-slider
      endpoint=${a.endpoint}
      indicator=${a.indicator || nothing}
      value=${a.value ?? nothing}
      from=${a.from ?? nothing}
      to=${a.to ?? nothing}
      speed=${a.speed}
      lang=${a.lang}
      ?no-play=${a.noPlay}
    ></year-slider>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The years of an indicator, with play/pause. */
export const Default: Story = {};

/** A shorter range, played quickly. */
export const Range: Story = { args: { from: 2018, to: 2024, value: 2018, speed: 500 } };

/** Linked: the slider moves a map of the same group. */
export const LinkedWithMap: Story = {
  render: (a) =>
    html`<year-slider group="story-ys" endpoint=${a.endpoint} indicator=${a.indicator}></year-slider>
      <municipality-map
        group="story-ys"
        endpoint=${a.endpoint}
        indicator=${a.indicator}
        level="gemeinde"
        parent="01056"
      ></municipality-map>`,
  loaders: [() => import('../src/elements/municipality-map/define.js')],
};

/** Error: an unknown indicator is named. */
export const UnknownIndicator: Story = { args: { indicator: 'geburtsrate' } };
