import { eventually } from './eventually';

describe('eventually', () => {
  it('returns the first value that is not undefined or false', async () => {
    const answers = [undefined, false, 0, 1];
    let calls = 0;
    const value = await eventually(() => answers[calls++], {
      what: 'an answer',
      intervalMs: 1,
    });
    // 0 is a value, not "not yet".
    expect(value).toBe(0);
    expect(calls).toBe(3);
  });

  it('keeps polling through errors', async () => {
    let calls = 0;
    const value = await eventually(
      async () => {
        calls++;
        if (calls < 3) throw new Error('not ready');
        return 'ready';
      },
      { what: 'readiness', intervalMs: 1 },
    );
    expect(value).toBe('ready');
  });

  it('names what it waited for and the last error when time runs out', async () => {
    await expect(
      eventually(
        async () => {
          throw new Error('connection refused');
        },
        { what: 'the server', timeoutMs: 20, intervalMs: 5 },
      ),
    ).rejects.toThrow(
      'the server did not happen within 20 ms; last error: Error: connection refused',
    );
    await expect(
      eventually(() => undefined, { what: 'x', timeoutMs: 10, intervalMs: 5 }),
    ).rejects.toThrow(/^x did not happen within 10 ms$/);
  });
});
