import {
  CommandFailedError,
  outputTail,
  runCommand,
  runCommandSync,
} from './runCommand';

describe('runCommand', () => {
  it('resolves with what the command printed', async () => {
    await expect(
      runCommand('sh', ['-c', 'echo out; echo err >&2']),
    ).resolves.toEqual({ stdout: 'out\n', stderr: 'err\n' });
  });

  it('names the command, its exit code and the end of both streams', async () => {
    const failure = runCommand('sh', [
      '-c',
      'seq 1 100; echo "3 tests failed" >&2; exit 3',
    ]);
    await expect(failure).rejects.toThrow(CommandFailedError);
    await expect(failure).rejects.toMatchObject({
      exitCode: 3,
      signal: null,
      message: expect.stringMatching(
        /^`sh -c 'seq 1 100; echo "3 tests failed" >&2; exit 3'` exited with code 3\n--- stderr ---\n3 tests failed\n--- stdout ---\n\[last 30 of 100 lines\]\n71\n(.|\n)*\n100$/,
      ),
    });
  });

  it('says which signal killed the command, even when it printed nothing', async () => {
    await expect(runCommand('sh', ['-c', 'kill -KILL $$'])).rejects.toThrow(
      "`sh -c 'kill -KILL $$'` was killed by SIGKILL\n--- stderr: empty\n--- stdout: empty",
    );
  });

  it('says why a command did not run', async () => {
    await expect(runCommand('no-such-tool-here', ['x'])).rejects.toThrow(
      /^`no-such-tool-here x` did not run \(spawn no-such-tool-here ENOENT\)/,
    );
  });

  it('keeps a bounded tail of very long lines', () => {
    const tail = outputTail('x'.repeat(10_000));
    expect(tail!.length).toBeLessThan(4100);
    expect(tail).toMatch(/^\[last 1 of 1 lines\]\n…x+$/);
  });
});

describe('runCommandSync', () => {
  it('returns stdout', () => {
    expect(runCommandSync('sh', ['-c', 'echo out'])).toBe('out\n');
  });

  it('explains a failure as runCommand does', () => {
    expect(() =>
      runCommandSync('sh', ['-c', 'echo why; echo how >&2; exit 4']),
    ).toThrow(
      "`sh -c 'echo why; echo how >&2; exit 4'` exited with code 4\n--- stderr ---\nhow\n--- stdout ---\nwhy",
    );
    expect(() => runCommandSync('sh', ['-c', 'kill -TERM $$'])).toThrow(
      'was killed by SIGTERM',
    );
  });
});
