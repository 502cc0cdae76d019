import { BudgetPoint } from '@gogidix/plugin-slo-common';
import Typography from '@mui/material/Typography';
import { DeployBurn } from './deployBurn';
import { budgetAxisWidth, budgetTick } from './format';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const day = (iso: string) => iso.slice(5, 10);

/** Error budget left over the SLO's period, from the hourly snapshots. */
export function BurnDownChart({
  points,
  deploys = [],
}: {
  points: BudgetPoint[];
  /** Deploys, each drawn as a dashed line at its snapshot. */
  deploys?: DeployBurn[];
}) {
  const data = points
    .filter(p => p.remaining !== null)
    .map(p => ({ at: p.at, remaining: Math.round(p.remaining! * 1000) / 10 }));
  if (data.length < 2) {
    return (
      <Typography variant="body2" color="text.secondary">
        Not enough history for a burn-down yet.
      </Typography>
    );
  }
  const values = data.map(p => p.remaining);
  // Ticks are rounded outward from the data: leave room for one more digit.
  const width = budgetAxisWidth(
    Math.min(0, ...values) * 1.1,
    Math.max(...values) * 1.1,
  );
  return (
    <ResponsiveContainer
      width="100%"
      height={180}
      initialDimension={{ width: 480, height: 180 }}
    >
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" tickFormatter={day} minTickGap={32} />
        <YAxis tickFormatter={v => budgetTick(Number(v))} width={width} />
        <Tooltip
          labelFormatter={label => String(label).replace('T', ' ').slice(0, 16)}
          formatter={v => [budgetTick(Number(v), 1), 'Budget left']}
        />
        <ReferenceLine y={0} stroke="#c62828" />
        {deploys.map(d => (
          <ReferenceLine
            key={d.deployment.id}
            x={d.markAt}
            stroke="#3949ab"
            strokeDasharray="4 2"
          />
        ))}
        <Line
          type="monotone"
          dataKey="remaining"
          stroke="#00897b"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
