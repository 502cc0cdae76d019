import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { CostPeriodBasis, InvoicePeriod } from '@gogidix/plugin-cost-common';
import { FetchErrorPanel } from '@gogidix/portal-react';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../../apiRef';
import { formatExactCost } from '../shared/format';

const BASIS_NOTE: Record<CostPeriodBasis, string> = {
  'billing-period':
    'Months by billing period: each charge in the invoice that bills it, corrections of earlier months included. These totals reconcile to the invoices.',
  'charge-period':
    'Months by charge period: each charge in the month it was incurred, corrections moved back to the month they correct.',
};

function monthLabel(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function PeriodRows({ period }: { period: InvoicePeriod }) {
  const money = (value: number) => formatExactCost(value, period.currency);
  return (
    <>
      <TableRow>
        <TableCell component="th" scope="row">
          <strong>{monthLabel(period.month)}</strong>
        </TableCell>
        <TableCell align="right">
          <strong>{money(period.billedCost)}</strong>
        </TableCell>
        <TableCell align="right">
          <strong>{money(period.effectiveCost)}</strong>
        </TableCell>
        <TableCell align="right">{money(period.listCost)}</TableCell>
        <TableCell align="right">{money(period.contractedCost)}</TableCell>
        <TableCell align="right">{money(period.negotiatedSavings)}</TableCell>
        <TableCell align="right">{money(period.commitmentSavings)}</TableCell>
      </TableRow>
      {period.categories.map(c => (
        <TableRow key={`${c.chargeCategory}-${c.correction}`}>
          <TableCell sx={{ pl: 4 }}>
            {c.chargeCategory}
            {c.correction ? ' (correction of an earlier month)' : ''}
          </TableCell>
          <TableCell align="right">{money(c.billedCost)}</TableCell>
          <TableCell align="right">{money(c.effectiveCost)}</TableCell>
          <TableCell colSpan={4} />
        </TableRow>
      ))}
    </>
  );
}

/**
 * The bill as finance reads it: invoiced (BilledCost) beside amortised
 * (EffectiveCost) per month, split by FOCUS charge category, by the period
 * basis the user picks.
 */
export function InvoiceCard() {
  const costApi = useApi(costApiRef);
  const [basis, setBasis] = useState<CostPeriodBasis>('billing-period');
  const invoice = useAsync(
    () => costApi.getInvoice({ basis, months: 3 }),
    [costApi, basis],
  );
  return (
    <InfoCard title="Invoice and amortised cost">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={basis}
        onChange={(_, next: CostPeriodBasis | null) => next && setBasis(next)}
        aria-label="Months by"
      >
        <ToggleButton value="billing-period">By billing period</ToggleButton>
        <ToggleButton value="charge-period">By charge period</ToggleButton>
      </ToggleButtonGroup>
      <Box my={1}>
        <Typography variant="body2" color="text.secondary">
          {BASIS_NOTE[basis]}
        </Typography>
      </Box>
      {invoice.loading && <Progress />}
      {invoice.error && (
        <FetchErrorPanel
          error={invoice.error}
          notAllowed="The invoice covers every team: it is for readers of the import history."
        />
      )}
      {invoice.value && invoice.value.periods.length === 0 && (
        <Typography color="text.secondary">No charges imported yet.</Typography>
      )}
      {invoice.value && invoice.value.periods.length > 0 && (
        <Table size="small" aria-label="Invoice by month">
          <TableHead>
            <TableRow>
              <TableCell>Month and charge category</TableCell>
              <TableCell align="right">Billed (invoice)</TableCell>
              <TableCell align="right">Effective (amortised)</TableCell>
              <TableCell align="right">List</TableCell>
              <TableCell align="right">Contracted</TableCell>
              <TableCell align="right">Negotiated savings</TableCell>
              <TableCell align="right">Commitment savings</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invoice.value.periods.map(p => (
              <Fragment key={`${p.month}-${p.currency}`}>
                <PeriodRows period={p} />
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
