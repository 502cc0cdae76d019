import { DailyCountsByStatus } from '@gogidix/plugin-slo-common';
import Typography from '@mui/material/Typography';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const SERIES = [
  { key: 'healthy', name: 'Healthy', color: '#2e7d32' },
  { key: 'atRisk', name: 'At risk', color: '#ed6c02' },
  { key: 'exhausted', name: 'Exhausted', color: '#c62828' },
  { key: 'missing', name: 'No data', color: '#9e9e9e' },
] as const;

/** How many SLOs ended each day healthy, at risk, exhausted or without data. */
export function TrendChart({ trend }: { trend: DailyCountsByStatus[] }) {
  if (trend.length < 2) {
    return (
      <Typography variant="body2" color="text.secondary">
        The trend appears after two days of snapshots.
      </Typography>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={240}>
      <AreaChart
        data={trend}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="day"
          tickFormatter={d => String(d).slice(5)}
          minTickGap={24}
        />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip />
        <Legend />
        {SERIES.map(s => (
          <Area
            key={s.key}
            type="stepAfter"
            dataKey={s.key}
            name={s.name}
            stackId="status"
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.5}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
