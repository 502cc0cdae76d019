import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { onCallApiRef } from '../../apiRef';
import {
  backendError,
  mockOnCallApi,
  pending,
} from '../../__testUtils__/onCallApi';
import { RunbookPage } from './RunbookPage';

const url = '/runbooks/default/component/listings-service/high-error-rate';

function render(api: ReturnType<typeof mockOnCallApi>) {
  return renderInTestApp(<RunbookPage />, {
    mountPath: '/runbooks/:namespace/:kind/:name/:runbook',
    initialRouteEntries: [url],
    apis: [[onCallApiRef, api]],
  });
}

const runbook = (markdown: string) => ({
  name: 'high-error-rate',
  title: 'Listings Service: high error rate',
  markdown,
  source: '/repo/docs/runbooks/high-error-rate.md',
});

describe('RunbookPage', () => {
  it('asks for the runbook named in the URL and shows it loading', async () => {
    const api = mockOnCallApi();
    api.getRunbook.mockReturnValue(pending());
    await render(api);
    expect(api.getRunbook).toHaveBeenCalledWith(
      { namespace: 'default', kind: 'component', name: 'listings-service' },
      'high-error-rate',
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('renders the markdown with headings, tables, code and sibling links', async () => {
    const api = mockOnCallApi();
    api.getRunbook.mockResolvedValue(
      runbook(
        '# Listings Service: high error rate\n\n1. Roll back.\n\n| a | b |\n| - | - |\n| x | y |\n\nSee [latency](./slo-latency-burn.md).\n',
      ),
    );
    await render(api);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Listings Service: high error rate',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'latency' })).toHaveAttribute(
      'href',
      '/runbooks/default/component/listings-service/slo-latency-burn',
    );
    expect(
      screen.getByText('Source: /repo/docs/runbooks/high-error-rate.md'),
    ).toBeInTheDocument();
  });

  it('neutralises scripts, javascript: links and event handlers', async () => {
    const api = mockOnCallApi();
    api.getRunbook.mockResolvedValue(
      runbook(
        [
          '# Runbook',
          '<script>window.pwned = 1</script>',
          '<img src="x.png" alt="diagram" onerror="window.pwned = 2">',
          '<a href="javascript:window.pwned=3">raw link</a>',
          '[md link](javascript:window.pwned=4)',
          '<div onclick="window.pwned=5" style="position:fixed">click</div>',
          '<iframe src="https://evil.example"></iframe>',
        ].join('\n\n'),
      ),
    );
    const { container } = await render(api);
    await screen.findByRole('heading', { name: 'Runbook' });
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('iframe')).toBeNull();
    const everything = Array.from(container.querySelectorAll('*'));
    for (const element of everything) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.value).not.toMatch(/javascript:/i);
      }
    }
    expect(screen.getByAltText('diagram')).toBeInTheDocument();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('says a missing runbook is missing and where it was expected', async () => {
    const api = mockOnCallApi();
    api.getRunbook.mockRejectedValue(
      await backendError(
        404,
        'NotFoundError',
        'Runbook missing: expected high-error-rate.md in /repo/docs/runbooks',
      ),
    );
    await render(api);
    expect(await screen.findByText('Runbook missing')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Runbook missing: expected high-error-rate.md in /repo/docs/runbooks',
      ),
    ).toBeInTheDocument();
  });

  it('shows why the runbook could not be read', async () => {
    const api = mockOnCallApi();
    api.getRunbook.mockRejectedValue(
      await backendError(503, 'Error', 'git.gogidix.dev is unreachable'),
    );
    await render(api);
    expect(
      await screen.findByText(/The runbook could not be read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('git.gogidix.dev is unreachable'),
    ).toBeInTheDocument();
  });
});
