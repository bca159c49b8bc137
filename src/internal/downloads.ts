/**
 * Downloads and the toolbar of every view element: the same buttons in the same order
 * (toggles such as the table first, then CSV for Excel, CSV for machines, PNG, SVG) and
 * the same public methods on every element (`csv()`, `image(format)`, `fileName`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CsvFlavour } from '../data/csv.js';
import { common, msg, type Lang } from './i18n.js';

export type ImageFormat = 'png' | 'svg';
export type DownloadKind = CsvFlavour | ImageFormat;

/** The download methods every view element has. */
export interface Downloadable {
  /** Base of the download file names (no extension), e.g. `geburtenrate-2019-2023`; empty before the data. */
  readonly fileName: string;
  /** The data shown as CSV text with the source lines; empty before the data. */
  csv(flavour?: CsvFlavour): string;
  /** The view as an SVG text or a PNG data URL, with title and source lines; empty before the data. */
  image(format: ImageFormat): Promise<string>;
}

/** The order of the download buttons, the same in every element. */
export const DOWNLOADS: readonly DownloadKind[] = ['excel-de', 'machine', 'png', 'svg'];

const LABELS = { 'excel-de': 'csvExcel', machine: 'csvMachine', png: 'png', svg: 'svg' } as const;

/** A button that shows or hides a part of the element (table, definition). */
export interface Toggle {
  /** Id of the controlled part (`aria-controls`). */
  controls: string;
  open: boolean;
  label: string;
  onToggle: () => void;
}

/**
 * The toolbar (part `toolbar`): toggles, then the download buttons in `DOWNLOADS` order
 * (each with `data-download`, CSV buttons also with `data-csv`).
 */
export function renderToolbar(
  lang: Lang,
  options: { toggles?: readonly (Toggle | undefined)[]; download?: (kind: DownloadKind) => void },
): TemplateResult | typeof nothing {
  const toggles = (options.toggles ?? []).filter((t): t is Toggle => !!t);
  const download = options.download;
  if (!toggles.length && !download) return nothing;
  const prefix = `${msg(common, lang, 'download')}: `;
  return html`<div class="toolbar" part="toolbar">
    ${toggles.map(
      (t) =>
        html`<button type="button" aria-expanded=${String(t.open)} aria-controls=${t.controls} @click=${t.onToggle}>
          ${t.label}
        </button>`,
    )}
    ${
      download
        ? DOWNLOADS.map(
            (kind) =>
              html`<button
                type="button"
                data-download=${kind}
                data-csv=${kind === 'png' || kind === 'svg' ? nothing : kind}
                @click=${() => download(kind)}
              >
                <span class="visually-hidden">${prefix}</span>${msg(common, lang, LABELS[kind])}
              </button>`,
          )
        : nothing
    }
  </div>`;
}

/** Offers `content` as a file download (an object URL on a temporary link; CSP-safe). */
export function saveFile(filename: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name base from parts: lowercase, ASCII, dashes (`fokus` when nothing is left). */
export function fileBase(parts: readonly (string | number | undefined)[]): string {
  const base = parts
    .filter((p) => p !== undefined && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return base || 'fokus';
}

/** A PNG data URL as a Blob. */
export function dataUrlToBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const type = /^data:([^;,]+)/.exec(url)?.[1] ?? 'application/octet-stream';
  const bytes = Uint8Array.from(atob(url.slice(comma + 1)), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

/** A Blob as a data URL. */
export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Saves what a toolbar button asks for from the element's own `csv()` / `image()`:
 * `<fileName>[-<suffix>].<ext>`; `suffixes` names the files of each CSV flavour.
 */
export async function saveDownload(
  source: Downloadable,
  kind: DownloadKind,
  suffixes: Partial<Record<DownloadKind, string>> = {},
): Promise<void> {
  const base = source.fileName;
  if (!base) return;
  const name = (ext: string) => `${fileBase([base, suffixes[kind]])}.${ext}`;
  if (kind === 'excel-de' || kind === 'machine') {
    saveFile(name('csv'), source.csv(kind), 'text/csv;charset=utf-8');
  } else if (kind === 'svg') {
    saveFile(name('svg'), await source.image('svg'), 'image/svg+xml;charset=utf-8');
  } else {
    saveFile(name('png'), dataUrlToBlob(await source.image('png')));
  }
}
