import { Sankey, Tooltip } from 'recharts';
import { seriesColor, staticCharts } from '../../components/palette.ts';
import type { FlowLevel, GetSpendFlowsQuery } from '../../graphql/generated/graphql.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';

export type Flows = GetSpendFlowsQuery['spendFlows'];

const LABEL_PREFIX: Partial<Record<FlowLevel, string>> = {
  CATEGORY: 'cat',
  SELLER_CLASS: 'seller',
  BUYER_KIND: 'unit',
};

export function flowNodeLabel(i: I18n, node: Flows['nodes'][number]): string {
  const prefix = LABEL_PREFIX[node.level];
  if (prefix) {
    const text = i.label(prefix, node.key);
    if (text !== node.key) return text;
  }
  return node.label;
}

const LABEL_SIZE = 11;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
let measurer: CanvasRenderingContext2D | null | undefined;

/** The width of a label as drawn (a canvas measures it; without one, an estimate). */
function textWidth(text: string): number {
  if (measurer === undefined) {
    try {
      measurer = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    } catch {
      measurer = null;
    }
  }
  if (!measurer) return text.length * LABEL_SIZE * 0.62;
  measurer.font = `${LABEL_SIZE}px ${FONT}`;
  return measurer.measureText(text).width;
}

/** `text` cut to `room` px with an ellipsis. */
function cut(text: string, room: number): string {
  if (textWidth(text) <= room) return text;
  let out = text;
  while (out.length > 1 && textWidth(`${out}…`) > room) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/**
 * A node's label in `room` px: `name · value` on one line when it fits; else, on a node tall
 * enough, the name over the value; else the agency's short name or the name cut (…). The amount is
 * never cut.
 */
export function fitLabel(
  name: string,
  short: string | undefined,
  value: string,
  room: number,
  height: number,
): string[] {
  const line = (n: string) => `${n} · ${value}`;
  if (textWidth(line(name)) <= room) return [line(name)];
  if (height >= 28) return [textWidth(name) <= room || !short ? cut(name, room) : cut(short, room), value];
  if (short && textWidth(line(short)) <= room) return [line(short)];
  return [`${cut(name, room - textWidth(` · ${value}`))} · ${value}`];
}

interface NodeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  index: number;
  payload: { name: string; short?: string; level: FlowLevel; value: number; depth?: number };
}

function FlowNodeShape(props: NodeProps & { levels: readonly FlowLevel[]; room: number; fmt(v: number): string }) {
  const { x, y, width, height, payload, levels, room, fmt } = props;
  const depth = levels.indexOf(payload.level);
  // Where full agency names rarely fit (a tablet), every agency goes by its short name, alike.
  const name = payload.short && room < 260 ? payload.short : payload.name;
  const lines = fitLabel(name, payload.short, fmt(payload.value), room, height);
  return (
    <g>
      <rect x={x} y={y} width={width} height={Math.max(1, height)} fill={seriesColor(depth)} />
      {height >= 9 ? (
        <text
          x={x + width + 6}
          y={y + height / 2 - ((lines.length - 1) * 13) / 2}
          fontSize={LABEL_SIZE}
          fill="#1a1a1a"
          stroke="#ffffff"
          strokeWidth={3}
          strokeOpacity={0.8}
          paintOrder="stroke"
        >
          {lines.map((l, k) => (
            <tspan key={l} x={x + width + 6} dy={k === 0 ? '0.35em' : 13}>
              {l}
            </tspan>
          ))}
        </text>
      ) : null}
    </g>
  );
}

/**
 * The Sankey of spendFlows: nodes and links exactly as the API returned them. `shortNames` (agency
 * id → short name, e.g. Dinkes) label agencies whose full name has no room.
 */
export function FlowSankey({
  flows,
  width,
  shortNames,
}: {
  flows: Flows;
  width: number;
  shortNames?: ReadonlyMap<string, string>;
}) {
  const i = useI18n();
  const animate = !staticCharts();
  const index = new Map(flows.nodes.map((n, k) => [n.id, k]));
  const nodes = flows.nodes.map((n) => ({
    name: flowNodeLabel(i, n),
    short: n.level === 'AGENCY' ? shortNames?.get(n.key) : undefined,
    level: n.level,
    id: n.id,
  }));
  const links = flows.links
    .filter((l) => l.value > 0 && index.has(l.source) && index.has(l.target))
    .map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value }));
  const perLevel = Math.max(...flows.levels.map((lv) => flows.nodes.filter((n) => n.level === lv).length), 1);
  const height = Math.max(320, Math.min(900, perLevel * 24 + 40));
  // Every label sits right of its node, in the gap before the next column: the last column's in a
  // right margin as wide as its labels (at most a quarter of the chart), so no two columns share a gap.
  const last = flows.levels[flows.levels.length - 1];
  const inflow = new Map<number, number>();
  for (const l of links) inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.value);
  const lastRoom = Math.min(
    width / 4,
    Math.max(0, ...nodes.map((n, k) => (n.level === last ? textWidth(`${n.name} · ${i.rp(inflow.get(k) ?? 0)}`) : 0))),
  );
  const margin = { top: 8, right: Math.ceil(lastRoom) + 14, bottom: 8, left: 8 };
  const NODE = 12;
  const gap = (width - margin.left - margin.right - NODE) / Math.max(1, flows.levels.length - 1);
  return (
    <Sankey
      width={width}
      height={height}
      data={{ nodes, links }}
      nodeWidth={NODE}
      nodePadding={8}
      margin={margin}
      link={{ stroke: '#0072B2', strokeOpacity: 0.25 }}
      node={(p: unknown) => {
        const props = p as NodeProps;
        const room = props.payload.level === last ? lastRoom + 2 : gap - NODE - 12;
        return <FlowNodeShape {...props} levels={flows.levels} room={room} fmt={(v) => i.rp(v)} />;
      }}
      iterations={animate ? 32 : 32}
    >
      <Tooltip formatter={(value) => i.rpFull(typeof value === 'number' ? value : null)} />
    </Sankey>
  );
}
