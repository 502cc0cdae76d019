import { runbookText } from './runbookText';

describe('runbookText', () => {
  it('keeps the words and commands, drops the markup', () => {
    expect(
      runbookText(
        [
          '# Payments: high error rate',
          '',
          '1. Roll back with `kubectl -n payments rollout undo`.',
          '- See [the dashboard](https://grafana/d/x) **now**.',
          '',
          '| Symptom | Action |',
          '| ------- | ------ |',
          '| 5xx     | Page   |',
          '',
          '```sh',
          'kubectl get pods',
          '```',
          '<img src="x.png" onerror="alert(1)">',
        ].join('\n'),
      ),
    ).toBe(
      [
        'Payments: high error rate',
        'Roll back with kubectl -n payments rollout undo .',
        'See the dashboard now .',
        ' Symptom Action ',
        ' 5xx Page ',
        'kubectl get pods',
      ]
        .join('\n')
        .trim(),
    );
  });
});
