import { downloadBlob } from './csv.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The chart's own SVG: recharts draws each legend icon as a small `svg.recharts-surface` too (and
 * before the chart in the DOM), so take the wrapper's direct child, else the largest SVG.
 */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  const direct = container.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface, svg[data-chart]');
  if (direct) return direct;
  let best: SVGSVGElement | null = null;
  let area = 0;
  for (const svg of Array.from(container.querySelectorAll<SVGSVGElement>('svg'))) {
    if (svg.closest('.recharts-legend-wrapper')) continue;
    const box = svg.getBoundingClientRect();
    if (box.width * box.height > area) {
      area = box.width * box.height;
      best = svg;
    }
  }
  return best;
}

/** The HTML legend recharts lays over the chart, copied into the SVG where it is on screen. */
function inlineLegend(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const origin = svg.getBoundingClientRect();
  const scope = svg.closest('.recharts-wrapper') ?? svg.parentElement;
  for (const item of Array.from(scope?.querySelectorAll('.recharts-legend-item') ?? [])) {
    const icon = item.querySelector('svg');
    if (icon) {
      const box = icon.getBoundingClientRect();
      const copy = icon.cloneNode(true) as SVGSVGElement;
      copy.removeAttribute('style');
      copy.setAttribute('x', String(box.left - origin.left));
      copy.setAttribute('y', String(box.top - origin.top));
      copy.setAttribute('width', String(box.width));
      copy.setAttribute('height', String(box.height));
      clone.appendChild(copy);
    }
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text');
    if (label) {
      const box = label.getBoundingClientRect();
      const style = getComputedStyle(label);
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('x', String(box.left - origin.left));
      text.setAttribute('y', String(box.top - origin.top + box.height / 2));
      text.setAttribute('dominant-baseline', 'central');
      text.setAttribute('font-size', style.fontSize);
      text.setAttribute('fill', style.color);
      text.textContent = label.textContent;
      clone.appendChild(text);
    }
  }
}

/**
 * Waits until the chart stops moving (recharts draws its entry animation frame by frame; a picture
 * taken meanwhile would show half-drawn lines and bars), at most `timeout` ms.
 */
async function settled(svg: SVGSVGElement, timeout = 3000): Promise<void> {
  const start = Date.now();
  let last = svg.innerHTML;
  while (Date.now() - start < timeout) {
    await new Promise((resolve) => setTimeout(resolve, 80));
    const now = svg.innerHTML;
    if (now === last) return;
    last = now;
  }
}

/**
 * Saves a chart (its SVG inside `container`, with its legend) as a PNG at twice its size, on
 * white, with the title above it.
 */
export async function downloadChartPng(container: HTMLElement, title: string, filename: string): Promise<void> {
  const svg = chartSvg(container);
  if (!svg) return;
  await settled(svg);
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('style', 'font-family: system-ui, sans-serif; font-size: 12px');
  inlineLegend(svg, clone);
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // The title above the chart, wrapped to its width.
  const font = '600 14px system-ui, sans-serif';
  ctx.font = font;
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
    if (lines.length && ctx.measureText(last).width <= width - 16) lines[lines.length - 1] = last;
    else lines.push(word);
  }
  const header = 12 + lines.length * 20;
  canvas.width = width * scale;
  canvas.height = (height + header) * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + header);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = font;
  lines.forEach((line, k) => {
    ctx.fillText(line, 8, 20 + k * 20);
  });
  ctx.drawImage(image, 0, header, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) downloadBlob(blob, `${filename}.png`);
}
