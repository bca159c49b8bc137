/**
 * Image downloads built as SVG text (the map's and the table's `image()`): XML escaping,
 * word wrap, a plain table drawing, and rasterizing an SVG document to PNG.
 */

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Greedy word wrap at about `max` characters. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The source lines under an image (wrapped to the width between `x` and `width - x`),
 * appended to `out` from baseline `y`; returns the baseline after the last line.
 */
export function svgFooter(out: string[], footer: readonly string[], x: number, y: number, width: number): number {
  for (const text of footer) {
    for (const line of wrapText(text, Math.floor((width - 2 * x) / 6))) {
      out.push(`<text x="${x}" y="${y}" font-size="10.5" fill="#52606d">${escapeXml(line)}</text>`);
      y += 14;
    }
  }
  return y;
}

/** An SVG document and its size in CSS pixels. */
export interface SvgDocument {
  svg: string;
  width: number;
  height: number;
}

export interface SvgTableInput {
  title: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Rows drawn in bold (reference rows), by index. */
  strong?: ReadonlySet<number>;
  footer: readonly string[];
}

/** A table as a standalone SVG document: title, header, rows (numbers right-aligned), source lines. */
export function svgTable(input: SvgTableInput): SvgDocument {
  const pad = 16;
  const rowH = 22;
  const charW = 6.6;
  const cols = input.header.length;
  const widths = Array.from({ length: cols }, (_, c) =>
    Math.min(
      260,
      Math.max(40, ...[input.header[c], ...input.rows.map((r) => r[c] ?? '')].map((t) => t.length * charW + 12)),
    ),
  );
  const width = Math.max(480, Math.ceil(pad * 2 + widths.reduce((a, b) => a + b, 0)));
  const out: string[] = [];
  let y = 28;
  for (const line of wrapText(input.title, Math.floor((width - 2 * pad) / 8))) {
    out.push(`<text x="${pad}" y="${y}" font-size="15" font-weight="600" fill="#1f2933">${escapeXml(line)}</text>`);
    y += 20;
  }
  y += 6;
  const cells = (row: readonly string[], top: number, weight: string) => {
    let x = pad;
    row.forEach((text, c) => {
      const numeric = c > 0 && /^[-+]?[\d.,\s]+[a-z%]*$/i.test(text.trim());
      const tx = numeric ? x + widths[c] - 6 : x + 6;
      out.push(
        `<text x="${tx}" y="${top + 15}" font-size="11.5" fill="#1f2933"${weight}${numeric ? ' text-anchor="end"' : ''}>${escapeXml(text)}</text>`,
      );
      x += widths[c];
    });
  };
  cells(input.header, y, ' font-weight="600"');
  y += rowH;
  out.push(`<line x1="${pad}" x2="${width - pad}" y1="${y}" y2="${y}" stroke="#858f99"/>`);
  input.rows.forEach((row, i) => {
    if (i % 2 === 1) out.push(`<rect x="${pad}" y="${y}" width="${width - 2 * pad}" height="${rowH}" fill="#f1f3f5"/>`);
    cells(row, y, input.strong?.has(i) ? ' font-weight="600"' : '');
    y += rowH;
  });
  y = svgFooter(out, input.footer, pad, y + 18, width);
  const height = Math.ceil(y + 4);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${out.join('')}</svg>`;
  return { svg, width, height };
}

/** Rasterizes an SVG document to PNG (through an `<img>` and a canvas), `scale` times its size. */
export async function svgToPng(doc: SvgDocument, scale = 2): Promise<Blob> {
  const { svg, width, height } = doc;
  const urls = [`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`];
  let img: HTMLImageElement | undefined;
  let lastError: unknown;
  const blobUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  urls.push(blobUrl);
  try {
    for (const url of urls) {
      try {
        const candidate = new Image();
        candidate.src = url;
        await candidate.decode();
        img = candidate;
        break;
      } catch (error) {
        lastError = error; // e.g. a CSP without data: images: try the blob URL
      }
    }
    if (!img) throw lastError ?? new Error('SVG image could not be decoded');
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(blobUrl);
  }
}
