import fs from 'node:fs';

/**
 * Looks through a log for the values of configured secrets, and for
 * anything shaped like a JWT (Backstage and OIDC tokens are JWTs).
 * Returns what leaked by name, never the value itself.
 */
export function leakedSecrets(
  logFile: string,
  secrets: Record<string, string>,
): string[] {
  const log = fs.readFileSync(logFile, 'utf8');
  const leaks = Object.entries(secrets)
    .filter(([, value]) => value.length >= 6 && log.includes(value))
    .map(([name]) => name);
  const jwt = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/.exec(log);
  if (jwt) {
    const line = log.slice(0, jwt.index).split('\n').length;
    leaks.push(`a token (JWT) on line ${line}`);
  }
  return leaks;
}
