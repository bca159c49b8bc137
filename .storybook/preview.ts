import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { configure } from '../src/internal/config.js';

setCustomElementsManifest(manifest);
configure({ endpoint: '/data/' });

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
};
export default preview;
