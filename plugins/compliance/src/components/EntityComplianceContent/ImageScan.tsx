import { InfoCard } from '@backstage/core-components';
import {
  TRIVY_SEVERITIES,
  TrivySeverityCounts,
  TrivyStatus,
} from '@gogidix/plugin-compliance-common';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { when } from '../shared/format';

const total = (counts: TrivySeverityCounts) =>
  Object.values(counts).reduce((n, c) => n + c, 0);

/** The image scan: counts by severity, and a refused upload if any. */
export function ImageScan({ trivy }: { trivy: TrivyStatus }) {
  const { report, rejected } = trivy;
  return (
    <InfoCard title="Image scan (Trivy)">
      <Stack spacing={2}>
        {rejected && (
          <Alert severity="warning">
            Last report malformed at {when(rejected.at)} ({rejected.source}):{' '}
            {rejected.reason}
            {report
              ? ' The counts below are from the last report that could be read.'
              : ''}
          </Alert>
        )}
        {!report && !rejected && (
          <Typography variant="body2">
            No scan received yet. The checks that need one are pending until CI
            uploads its first Trivy report.
          </Typography>
        )}
        {report && (
          <>
            <Typography variant="body2">
              {report.artifactName}, scanned {when(report.scannedAt)}
            </Typography>
            <Table size="small" aria-label="Vulnerabilities by severity">
              <TableHead>
                <TableRow>
                  <TableCell />
                  {TRIVY_SEVERITIES.map(severity => (
                    <TableCell key={severity} align="right">
                      {severity}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(
                  [
                    ['Vulnerabilities', report.counts],
                    ['Misconfigurations', report.misconfigurations],
                    ['Secrets', report.secrets],
                  ] as const
                )
                  .filter(
                    ([label, counts]) =>
                      label === 'Vulnerabilities' || total(counts) > 0,
                  )
                  .map(([label, counts]) => (
                    <TableRow key={label}>
                      <TableCell component="th" scope="row">
                        {label}
                      </TableCell>
                      {TRIVY_SEVERITIES.map(severity => (
                        <TableCell key={severity} align="right">
                          {counts[severity]}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </>
        )}
      </Stack>
    </InfoCard>
  );
}
