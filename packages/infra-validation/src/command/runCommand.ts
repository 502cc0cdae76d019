import { execFile, execFileSync } from 'node:child_process';

/** Lines kept from the end of each stream: tools say what went wrong last. */
const TAIL_LINES = 30;
const TAIL_CHARS = 4000;

/** How a finished child process ended, as `child_process` reports it. */
export interface CommandOutcome {
  /** The command line, for a reader to run it again. */
  command: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Why it did not run or was stopped, when it is not its own exit (ENOENT, maxBuffer). */
  reason?: string;
}

/** The last lines of `text`, bounded in length, or undefined when empty. */
export function outputTail(text: string): string | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed) return undefined;
  const lines = trimmed.split('\n');
  let tail = lines.slice(-TAIL_LINES).join('\n');
  if (tail.length > TAIL_CHARS) tail = `…${tail.slice(-TAIL_CHARS)}`;
  return lines.length > TAIL_LINES || tail.startsWith('…')
    ? `[last ${Math.min(lines.length, TAIL_LINES)} of ${
        lines.length
      } lines]\n${tail}`
    : tail;
}

/** "exited with code 2", "was killed by SIGKILL", "could not start: …". */
export function describeEnding(
  outcome: Pick<CommandOutcome, 'exitCode' | 'signal' | 'reason'>,
): string {
  let ending = 'did not run';
  if (outcome.signal !== null) {
    ending = `was killed by ${outcome.signal}`;
  } else if (outcome.exitCode !== null) {
    ending = `exited with code ${outcome.exitCode}`;
  }
  return outcome.reason ? `${ending} (${outcome.reason})` : ending;
}

/**
 * Everything a reader needs to see why a command failed: the command, how
 * it ended, and the end of what it printed on each stream.
 */
export function explainCommandFailure(outcome: CommandOutcome): string {
  const parts = [`\`${outcome.command}\` ${describeEnding(outcome)}`];
  for (const stream of ['stderr', 'stdout'] as const) {
    const tail = outputTail(outcome[stream]);
    parts.push(tail ? `--- ${stream} ---\n${tail}` : `--- ${stream}: empty`);
  }
  return parts.join('\n');
}

/** A command that did not exit with 0; the message explains why. */
export class CommandFailedError extends Error {
  readonly command: string;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly reason?: string;

  constructor(outcome: CommandOutcome) {
    super(explainCommandFailure(outcome));
    this.name = 'CommandFailedError';
    this.command = outcome.command;
    this.exitCode = outcome.exitCode;
    this.signal = outcome.signal;
    this.stdout = outcome.stdout;
    this.stderr = outcome.stderr;
    this.reason = outcome.reason;
  }
}

/** The command line as a shell user would type it. */
export function commandLine(file: string, args: readonly string[]): string {
  return [file, ...args]
    .map(word => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word}'`))
    .join(' ');
}

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Bytes of output kept per stream; more stops the command. */
  maxBuffer?: number;
}

/**
 * Runs an executable (no shell) and resolves with its output; a failure
 * rejects with a {@link CommandFailedError} naming the command, its exit
 * code or signal and the end of its output.
 */
export function runCommand(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const command = commandLine(file, args);
  return new Promise((resolve, reject) => {
    const failed = (outcome: Omit<CommandOutcome, 'command'>) =>
      reject(new CommandFailedError({ command, ...outcome }));
    try {
      execFile(
        file,
        args,
        { maxBuffer: 64 * 1024 * 1024, ...options, encoding: 'utf8' },
        (error, stdout, stderr) => {
          if (!error) {
            resolve({ stdout, stderr });
            return;
          }
          // A number is the exit code; a string is why there was none (ENOENT, maxBuffer).
          const code = (error as { code?: unknown }).code;
          failed({
            exitCode: typeof code === 'number' ? code : null,
            signal: (error as { signal?: NodeJS.Signals }).signal ?? null,
            stdout,
            stderr,
            reason: typeof code === 'string' ? error.message : undefined,
          });
        },
      );
    } catch (error) {
      // Some spawn errors (ETXTBSY, EACCES on some systems) are thrown at once.
      failed({
        exitCode: null,
        signal: null,
        stdout: '',
        stderr: '',
        reason: (error as Error).message,
      });
    }
  });
}

/**
 * {@link runCommand} for callers that must block (test set-up written
 * synchronously); resolves to stdout.
 */
export function runCommandSync(
  file: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): string {
  try {
    return execFileSync(file, args, {
      maxBuffer: 64 * 1024 * 1024,
      ...options,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as Error & {
      status?: number | null;
      signal?: NodeJS.Signals | null;
      stdout?: string;
      stderr?: string;
    };
    const exitCode = failure.status ?? null;
    const signal = failure.signal ?? null;
    throw new CommandFailedError({
      command: commandLine(file, args),
      exitCode,
      signal,
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? '',
      reason:
        exitCode === null && signal === null ? failure.message : undefined,
    });
  }
}
