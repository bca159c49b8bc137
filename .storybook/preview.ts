import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { configure } from '../src/internal/config.js';
import { ElementDocsPage, setManifest } from '../stories/docs/blocks.js';

setCustomElementsManifest(manifest);
setManifest(manifest);
configure({ endpoint: '/data/' });

const preview: Preview = {
  // every element gets a docs page generated from custom-elements.json
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    docs: { page: ElementDocsPage, source: { type: 'dynamic', language: 'html' } },
    options: {
      storySort: { order: ['Guides', ['Web editors', 'Developers', 'Data publishers', 'Theming'], 'Elements'] },
    },
  },
};
export default preview;
