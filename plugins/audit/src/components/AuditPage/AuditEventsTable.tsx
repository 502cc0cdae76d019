import { AuditEvent, AuditOutcome } from '@gogidix/plugin-audit-common';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';

const OUTCOME_COLOR: Record<AuditOutcome, 'success' | 'error' | 'default'> = {
  succeeded: 'success',
  failed: 'error',
  initiated: 'default',
};

const when = (iso: string) => iso.replace('T', ' ').slice(0, 19);

/**
 * One page of audit events. Everything is rendered as text: targets and
 * errors come from user input and must never be interpreted as markup.
 */
export function AuditEventsTable(props: {
  events: AuditEvent[];
  totalCount: number;
  page: number;
  rowsPerPage: number;
  onPageChange: (page: number) => void;
  onRowsPerPageChange: (rows: number) => void;
}) {
  return (
    <>
      <Table size="small" aria-label="Audit events">
        <TableHead>
          <TableRow>
            <TableCell>Time (UTC)</TableCell>
            <TableCell>Actor</TableCell>
            <TableCell>Plugin</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Outcome</TableCell>
            <TableCell>Error</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {props.events.map(event => (
            <TableRow key={event.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {when(event.time)}
              </TableCell>
              <TableCell>{event.actor ?? '—'}</TableCell>
              <TableCell>{event.plugin}</TableCell>
              <TableCell>
                {event.eventId}
                {typeof event.meta?.actionType === 'string'
                  ? ` (${event.meta.actionType})`
                  : ''}
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                {event.target ?? '—'}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  label={event.outcome}
                  color={OUTCOME_COLOR[event.outcome]}
                />
              </TableCell>
              <TableCell>{event.error ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={props.totalCount}
        page={props.page}
        rowsPerPage={props.rowsPerPage}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_e, page) => props.onPageChange(page)}
        onRowsPerPageChange={e =>
          props.onRowsPerPageChange(Number(e.target.value))
        }
      />
    </>
  );
}
