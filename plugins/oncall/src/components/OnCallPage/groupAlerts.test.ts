import { FiringAlert } from '@gogidix/plugin-oncall-common';
import { groupAlerts } from './groupAlerts';

const alert = (
  service: string,
  severity: string,
  name: string,
): FiringAlert => ({
  fingerprint: `${service}-${name}`,
  name,
  severity,
  service,
  summary: '',
  startsAt: '2026-11-27T04:00:00Z',
  labels: {},
});

describe('groupAlerts', () => {
  it('orders services by their worst alert, severities within by urgency', () => {
    const groups = groupAlerts([
      alert('search-service', 'ticket', 'SearchLatencyTicket'),
      alert('payments-service', 'ticket', 'PaymentsErrors'),
      alert('', 'warning', 'NodeDiskFull'),
      alert('payments-service', 'page', 'PaymentsBurnPage'),
      alert('listings-service', 'critical', 'ListingsDown'),
      alert('payments-service', 'page', 'PaymentsLatencyPage'),
    ]);
    expect(
      groups.map(g => [
        g.service,
        g.bySeverity.map(s => `${s.severity}:${s.alerts.length}`),
      ]),
    ).toEqual([
      ['listings-service', ['critical:1']],
      ['payments-service', ['page:2', 'ticket:1']],
      ['search-service', ['ticket:1']],
      ['(no service label)', ['warning:1']],
    ]);
  });

  it('carries the entity an alert of the service names', () => {
    const [group] = groupAlerts([
      alert('a', 'page', 'X'),
      { ...alert('a', 'ticket', 'Y'), entityRef: 'component:default/a' },
    ]);
    expect(group.entityRef).toBe('component:default/a');
  });

  it('puts unknown severities after known ones', () => {
    const [group] = groupAlerts([
      alert('a', 'mystery', 'X'),
      alert('a', 'warning', 'Y'),
    ]);
    expect(group.bySeverity.map(s => s.severity)).toEqual([
      'warning',
      'mystery',
    ]);
  });

  it('is empty when nothing fires', () => {
    expect(groupAlerts([])).toEqual([]);
  });
});
