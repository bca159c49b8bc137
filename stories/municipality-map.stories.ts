import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/elements/municipality-map/define.js';

interface Args {
  endpoint: string;
  indicator: string;
  level: string;
  parent: string;
  year?: number;
  method: '' | 'quantile' | 'equal' | 'jenks' | 'manual';
  classes: number;
  breaks: string;
  scheme: string;
  reference: string;
  insets: string;
  renderer: 'auto' | 'svg' | 'canvas';
  tiles: string;
  tilesAttribution: string;
  label: string;
  lang: string;
  showTime: boolean;
  noLegend: boolean;
  noTable: boolean;
  noDownload: boolean;
}

const meta: Meta<Args> = {
  title: 'Elements/municipality-map',
  component: 'municipality-map',
  args: {
    endpoint: '/data/',
    indicator: 'motorisierungsgrad',
    level: 'gemeinde',
    parent: '01056',
    year: 2024,
    method: '',
    classes: 5,
    breaks: '',
    scheme: 'auto',
    reference: '',
    insets: 'auto',
    renderer: 'auto',
    tiles: '',
    tilesAttribution: '',
    label: '',
    lang: 'de',
    showTime: false,
    noLegend: false,
    noTable: false,
    noDownload: false,
  },
  argTypes: {
    method: { control: 'select', options: ['', 'quantile', 'equal', 'jenks', 'manual'] },
    classes: { control: { type: 'range', min: 1, max: 9, step: 1 } },
    scheme: { control: 'select', options: ['auto', 'diverging', 'ylgnbu', 'blues', 'greens', 'purples', 'viridis'] },
    renderer: { control: 'select', options: ['auto', 'svg', 'canvas'] },
    level: { control: 'select', options: ['gemeinde', 'amt', 'kreis'] },
    lang: { control: 'select', options: ['de', 'en'] },
  },
  render: (a) =>
    html`<municipality-map
      endpoint=${a.endpoint}
      indicator=${a.indicator}
      level=${a.level}
      parent=${a.parent || nothing}
      year=${a.year ?? nothing}
      method=${a.method || nothing}
      classes=${a.classes}
      breaks=${a.breaks || nothing}
      scheme=${a.scheme}
      reference=${a.reference || nothing}
      insets=${a.insets}
      renderer=${a.renderer}
      tiles=${a.tiles || nothing}
      tiles-attribution=${a.tilesAttribution || nothing}
      label=${a.label || nothing}
      lang=${a.lang}
      ?show-time=${a.showTime}
      ?no-legend=${a.noLegend}
      ?no-table=${a.noTable}
      ?no-download=${a.noDownload}
    ></municipality-map>`,
};
export default meta;
type Story = StoryObj<Args>;

/** The 49 Gemeinden of Kreis Pinneberg, Helgoland in an inset, quantiles. */
export const KreisPinneberg: Story = {};

/** An indicator with a polarity: diverging colours around the Kreis value; suppressed values hatched. */
export const DivergingWithSuppressed: Story = { args: { indicator: 'sgb2-quote' } };

/** Natural breaks (ckmeans) with viridis. */
export const NaturalBreaks: Story = { args: { method: 'jenks', classes: 4, scheme: 'viridis' } };

/** Fixed class limits that stay the same from year to year, with the year slider. */
export const ManualBreaksWithTime: Story = { args: { breaks: '550, 600, 650', showTime: true, year: undefined } };

/** The Ämter and amtsfreien Gemeinden of the Kreis. */
export const Aemter: Story = { args: { level: 'amt', indicator: 'geburtenrate' } };

/** The state view: the 15 Kreise of Schleswig-Holstein. */
export const Kreise: Story = { args: { level: 'kreis', parent: '01', indicator: 'arbeitslosenquote' } };

/** All 1,112 Gemeinden of Schleswig-Holstein on the canvas renderer. */
export const AllGemeinden: Story = { args: { parent: '01', indicator: 'geburtenrate' } };

/** English texts and number format. */
export const English: Story = { args: { lang: 'en' } };

/** Error: an unknown indicator id is named. */
export const UnknownIndicator: Story = { args: { indicator: 'motorisierung' } };

/** Error: the endpoint is not there. */
export const EndpointMissing: Story = { args: { endpoint: '/nowhere/' } };

/** Empty: no Gemeinden below a Gemeinde. */
export const Empty: Story = { args: { parent: '01056015' } };
