import { DailyCost } from '@gogidix/plugin-cost-common';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCost, formatDay, formatWholeCost } from './format';

const PALETTE = [
  '#00897b',
  '#3949ab',
  '#f4511e',
  '#8e24aa',
  '#fdd835',
  '#6d4c41',
  '#039be5',
  '#c0ca33',
  '#d81b60',
  '#757575',
];

/** Daily cost as stacked bars, one colour per part (category or team). */
export function DailyCostChart(props: {
  daily: DailyCost[];
  parts: string[];
  currency: string;
  height?: number;
  /** How a part reads in the legend and tooltip; the part itself when absent. */
  partLabel?: (part: string) => string;
}) {
  const { daily, parts, currency, height = 280, partLabel } = props;
  const theme = useTheme();
  const data = daily.map(d => ({ date: d.date, ...d.parts }));
  // The box gives the chart a width it can shrink to: without it the
  // container keeps its first measured width and overflows its card.
  return (
    <Box sx={{ width: '100%', minWidth: 0, overflow: 'hidden' }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} minTickGap={16} />
          <YAxis
            tickFormatter={v => formatWholeCost(Number(v), currency)}
            width={72}
          />
          <Tooltip
            labelFormatter={label => formatDay(String(label))}
            formatter={value => formatCost(Number(value), currency)}
            contentStyle={{ background: theme.palette.background.paper }}
          />
          <Legend />
          {parts.map((part, i) => (
            <Bar
              key={part}
              dataKey={part}
              name={partLabel ? partLabel(part) : part}
              stackId="cost"
              fill={PALETTE[i % PALETTE.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
