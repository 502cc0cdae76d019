import { spawn } from 'node:child_process';
import { CommandFailedError, commandLine } from './runCommand';

/** A server running as a child process, on the port it chose itself. */
export interface ServerProcess {
  port: number;
  /** What it has printed so far: stdout, then stderr. */
  output(): string;
  /** Stops it (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts a server told to listen on port 0 and resolves once it prints the
 * port the kernel gave it (`listening`'s first group), so that no two runs
 * ever pick the same port. If it exits, fails to start or prints no port
 * within `startupMs`, rejects with a {@link CommandFailedError} saying how it
 * ended and what it printed.
 */
export function startServerProcess(
  file: string,
  args: readonly string[],
  options: { listening: RegExp; env?: NodeJS.ProcessEnv; startupMs?: number },
): Promise<ServerProcess> {
  const command = commandLine(file, args);
  const child = spawn(file, args, {
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const printed = { stdout: '', stderr: '' };
  const exited = new Promise<void>(resolve => child.once('close', resolve));
  const startupMs = options.startupMs ?? 60_000;

  return new Promise((resolve, reject) => {
    const startup: { timer?: NodeJS.Timeout } = {};
    const fail = (reason?: string) => {
      clearTimeout(startup.timer);
      reject(
        new CommandFailedError({
          command,
          exitCode: child.exitCode,
          signal: child.signalCode,
          ...printed,
          reason,
        }),
      );
    };
    const onEarlyExit = () => fail('exited before it was listening');
    startup.timer = setTimeout(() => {
      child.removeListener('close', onEarlyExit);
      child.kill('SIGKILL');
      exited.then(() => fail(`printed no listening port in ${startupMs} ms`));
    }, startupMs);
    const onOutput = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      printed[stream] += chunk.toString('utf8');
      const port = options.listening.exec(printed[stream])?.[1];
      if (port === undefined || child.exitCode !== null) return;
      clearTimeout(startup.timer);
      child.removeListener('close', onEarlyExit);
      resolve({
        port: Number(port),
        output: () => `${printed.stdout}${printed.stderr}`,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
          }
          await exited;
        },
      });
    };
    child.stdout.on('data', onOutput('stdout'));
    child.stderr.on('data', onOutput('stderr'));
    child.once('error', error => fail(error.message));
    child.once('close', onEarlyExit);
  });
}
