import {
  CampaignProgress,
  HeatmapCell,
  TrendPoint,
} from '@gogidix/plugin-compliance-common';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip as ChartTooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent, formatRef } from '@gogidix/portal-common';

/** Red (0%) through amber to green (100%); grey when nothing applies. */
function heatColor(rate: number | null): string {
  if (rate === null) return '#eeeeee';
  const hue = Math.round(rate * 120);
  return `hsl(${hue}, 65%, ${rate === 1 ? 42 : 50}%)`;
}

/** Teams × controls: the share of each team's components meeting the control. */
export function ControlHeatmap({
  cells,
  controls,
}: {
  cells: HeatmapCell[];
  controls: string[];
}) {
  const teams = [...new Set(cells.map(c => c.team))];
  const cell = (team: string, control: string) =>
    cells.find(c => c.team === team && c.control === control);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label="Heatmap of controls by team">
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            {controls.map(control => (
              <TableCell
                key={control}
                align="center"
                sx={{ fontSize: 11, whiteSpace: 'nowrap' }}
              >
                {control.replace('ISO 27001:2022 ', 'ISO ')}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => (
            <TableRow key={team}>
              <TableCell>{formatRef(team)}</TableCell>
              {controls.map(control => {
                const c = cell(team, control);
                return (
                  <Tooltip
                    key={control}
                    title={`${formatRef(team)} · ${control}: ${formatPercent(
                      c?.passRate,
                    )} meet it, ${c?.failing ?? 0} failing`}
                  >
                    <TableCell
                      align="center"
                      sx={{
                        bgcolor: heatColor(c?.passRate ?? null),
                        color: c?.passRate === null ? 'text.secondary' : '#fff',
                        fontWeight: 600,
                        border: '2px solid #fff',
                      }}
                    >
                      {formatPercent(c?.passRate)}
                    </TableCell>
                  </Tooltip>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

export function PassRateTrend({ trend }: { trend: TrendPoint[] }) {
  if (trend.length < 2) {
    return (
      <Typography variant="body2" color="text.secondary">
        The trend appears after two days of rounds
        {trend.length === 1 && ` (today: ${formatPercent(trend[0].passRate)})`}.
      </Typography>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        data={trend.map(p => ({
          day: p.day,
          rate: p.passRate === null ? null : Math.round(p.passRate * 1000) / 10,
        }))}
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" tickFormatter={d => String(d).slice(5)} />
        <YAxis domain={[0, 100]} unit="%" width={48} />
        <ChartTooltip />
        <Line
          type="monotone"
          dataKey="rate"
          name="Checks met"
          stroke="#1976d2"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function CampaignList({ campaigns }: { campaigns: CampaignProgress[] }) {
  if (campaigns.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No campaign is running.
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {campaigns.map(campaign => (
        <Box key={campaign.id} aria-label={`Campaign ${campaign.title}`}>
          <Stack direction="row" justifyContent="space-between">
            <Typography variant="subtitle2">{campaign.title}</Typography>
            <Typography variant="caption" color="text.secondary">
              {formatRef(campaign.owner)} · due {campaign.deadline}
            </Typography>
          </Stack>
          <LinearProgress
            variant="determinate"
            value={(campaign.progress ?? 0) * 100}
            sx={{ height: 8, borderRadius: 1, my: 0.5 }}
          />
          <Typography variant="caption">
            {formatPercent(campaign.progress)} · {campaign.passing} of{' '}
            {campaign.total} checks met ({campaign.checkIds.join(', ')})
            {campaign.history.length > 1 &&
              ` · ${formatPercent(campaign.history[0].progress)} on ${
                campaign.history[0].day
              }`}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}
