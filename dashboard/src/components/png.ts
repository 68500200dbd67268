import { downloadBlob } from './csv.ts';

/**
 * Saves a chart (the first SVG inside `container`) as a PNG at twice its size, on white, with the
 * title above it. The SVG is inlined with its computed text styles so the picture matches the page.
 */
export async function downloadChartPng(container: HTMLElement, title: string, filename: string): Promise<void> {
  const svg = container.querySelector('svg.recharts-surface, svg[data-chart]') ?? container.querySelector('svg');
  if (!svg) return;
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('style', 'font-family: system-ui, sans-serif; font-size: 12px');
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await loaded;
  const scale = 2;
  const header = 32;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = (height + header) * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + header);
  ctx.fillStyle = '#1a1a1a';
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.fillText(title, 8, 20);
  ctx.drawImage(image, 0, header, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) downloadBlob(blob, `${filename}.png`);
}
