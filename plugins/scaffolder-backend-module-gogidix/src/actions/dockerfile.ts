import { ValidationProblem } from '@gogidix/infra-validation';

const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root']);

/** The image must end on a non-root USER: our clusters refuse root pods. */
export function checkDockerfile(
  content: string | undefined,
): ValidationProblem[] {
  if (content === undefined) {
    return [
      {
        file: 'Dockerfile',
        message: 'There is no Dockerfile at the repository root',
      },
    ];
  }
  const users = content
    .split('\n')
    .map(line => line.trim().match(/^USER\s+(\S+)/i)?.[1])
    .filter((user): user is string => Boolean(user));
  const last = users[users.length - 1];
  if (!last) {
    return [
      {
        file: 'Dockerfile',
        field: 'USER',
        message:
          'The image runs as root: add a USER instruction with a non-root user (e.g. USER 10001)',
      },
    ];
  }
  if (ROOT_USERS.has(last.toLowerCase())) {
    return [
      {
        file: 'Dockerfile',
        field: 'USER',
        message: `The image's last USER is ${last}: switch to a non-root user (e.g. USER 10001)`,
      },
    ];
  }
  return [];
}
