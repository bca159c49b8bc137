// widthOf (skeleton sizes): one measurement per element, then a shared ResizeObserver, so an
// element rendering again does not force a layout each time.
import { expect } from '@open-wc/testing';
import { widthOf } from '../../../src/internal/skeleton.js';
import { afterEach, describe, it } from '../helpers.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('widthOf', () => {
  const boxes: HTMLElement[] = [];
  const box = (width: number) => {
    const el = document.createElement('div');
    el.style.width = `${width}px`; // the test page has no CSP
    document.body.append(el);
    boxes.push(el);
    return el;
  };
  afterEach(() => boxes.splice(0).forEach((b) => b.remove()));

  it('measures once, then reads the observed width without reading the box again', async () => {
    const el = box(300);
    expect(widthOf(el)).to.equal(300);
    let reads = 0;
    const read = el.getBoundingClientRect.bind(el);
    el.getBoundingClientRect = () => (reads++, read());
    el.style.width = '200px';
    await frame();
    expect(widthOf(el)).to.equal(200);
    expect(widthOf(el)).to.equal(200);
    expect(reads).to.equal(0);
  });

  it('an element not in the page is measured each time (0) and not kept', async () => {
    const el = document.createElement('div');
    expect(widthOf(el)).to.equal(0);
    document.body.append(el);
    boxes.push(el);
    el.style.width = '120px';
    expect(widthOf(el)).to.equal(120);
  });

  it('an element that left the page is measured anew when it comes back', async () => {
    const el = box(150);
    expect(widthOf(el)).to.equal(150);
    el.remove();
    await frame();
    el.style.width = '90px';
    document.body.append(el);
    expect(widthOf(el)).to.equal(90);
  });
});
