import { Sankey, Tooltip } from 'recharts';
import { seriesColor, staticCharts } from '../../components/palette.ts';
import type { FlowLevel, GetSpendFlowsResult } from '../../graphql/operations.ts';
import { type I18n, useI18n } from '../../i18n/i18n.tsx';

export type Flows = GetSpendFlowsResult['spendFlows'];

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

interface NodeProps {
  x: number;
  y: number;
  width: number;
  height: number;
  index: number;
  payload: { name: string; level: FlowLevel; value: number; depth?: number };
}

function FlowNodeShape(
  props: NodeProps & { containerWidth: number; levels: readonly FlowLevel[]; fmt(v: number): string },
) {
  const { x, y, width, height, payload, containerWidth, levels, fmt } = props;
  const depth = levels.indexOf(payload.level);
  const right = x + width + 6 > containerWidth - 160;
  // Labels sit between two columns of nodes: cut them to the room there is (≈ 6 px a character).
  const room = containerWidth / Math.max(1, levels.length - 1) - 28;
  const value = fmt(payload.value);
  const max = Math.max(8, Math.floor(room / 6) - value.length - 3);
  const text = payload.name.length > max ? `${payload.name.slice(0, max - 1)}…` : payload.name;
  return (
    <g>
      <rect x={x} y={y} width={width} height={Math.max(1, height)} fill={seriesColor(depth)} />
      {height >= 9 ? (
        <text
          x={right ? x - 6 : x + width + 6}
          y={y + height / 2}
          dy="0.35em"
          textAnchor={right ? 'end' : 'start'}
          fontSize={11}
          fill="#1a1a1a"
        >
          {text} · {value}
        </text>
      ) : null}
    </g>
  );
}

/** The Sankey of spendFlows: nodes and links exactly as the API returned them. */
export function FlowSankey({ flows, width }: { flows: Flows; width: number }) {
  const i = useI18n();
  const animate = !staticCharts();
  const index = new Map(flows.nodes.map((n, k) => [n.id, k]));
  const nodes = flows.nodes.map((n) => ({ name: flowNodeLabel(i, n), level: n.level, id: n.id }));
  const links = flows.links
    .filter((l) => l.value > 0 && index.has(l.source) && index.has(l.target))
    .map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value }));
  const perLevel = Math.max(...flows.levels.map((lv) => flows.nodes.filter((n) => n.level === lv).length), 1);
  const height = Math.max(320, Math.min(900, perLevel * 24 + 40));
  return (
    <Sankey
      width={width}
      height={height}
      data={{ nodes, links }}
      nodeWidth={12}
      nodePadding={8}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      link={{ stroke: '#0072B2', strokeOpacity: 0.25 }}
      node={(p: unknown) => (
        <FlowNodeShape {...(p as NodeProps)} containerWidth={width} levels={flows.levels} fmt={(v) => i.rp(v)} />
      )}
      iterations={animate ? 32 : 32}
    >
      <Tooltip formatter={(value) => i.rpFull(typeof value === 'number' ? value : null)} />
    </Sankey>
  );
}
