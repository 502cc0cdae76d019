import { DeliveryDay } from '@gogidix/plugin-delivery-common';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from './format';

/**
 * Deployments per day, the failed ones stacked on top in red, and a marker
 * on each day an incident was triggered.
 */
export function DeliveryChart(props: { days: DeliveryDay[]; height?: number }) {
  const { days, height = 260 } = props;
  const theme = useTheme();
  const data = days.map(d => ({
    date: d.date,
    succeeded: Math.max(0, d.deployments - d.failedDeployments),
    failed: d.failedDeployments,
    // No marker on a quiet day.
    incidents: d.incidents > 0 ? d.incidents : null,
  }));
  // The box gives the chart a width it can shrink to on a phone.
  return (
    <Box sx={{ width: '100%', minWidth: 0, overflow: 'hidden' }}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDay} minTickGap={16} />
          <YAxis allowDecimals={false} width={32} />
          <Tooltip
            labelFormatter={label => formatDay(String(label))}
            contentStyle={{ background: theme.palette.background.paper }}
          />
          <Legend />
          <Bar
            dataKey="succeeded"
            name="Deployments"
            stackId="deployments"
            fill="#00897b"
            isAnimationActive={false}
          />
          <Bar
            dataKey="failed"
            name="Failed deployments"
            stackId="deployments"
            fill="#c62828"
            isAnimationActive={false}
          />
          <Scatter
            dataKey="incidents"
            name="Incidents"
            fill="#ef6c00"
            shape="triangle"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Box>
  );
}
