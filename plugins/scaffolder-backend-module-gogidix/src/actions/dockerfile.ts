import { ValidationProblem } from '@gogidix/infra-validation';

/** One instruction, its continuation lines joined, comments dropped. */
export interface DockerfileInstruction {
  keyword: string;
  args: string;
  /** 1-based line of the instruction's first line. */
  line: number;
}

const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/**
 * Splits a Dockerfile into instructions as the Dockerfile reference describes
 * them: parser directives at the top (`# escape=` picks `\` or a backtick),
 * comment lines dropped even between continuation lines, a line ending in
 * the escape character continued on the next, and here-documents (`<<EOF`,
 * `<<-EOF`, quoted delimiters) kept out of the instruction stream so a line
 * of a script that reads `USER root` is not taken for an instruction.
 */
export function parseDockerfile(content: string): DockerfileInstruction[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  let escape = '\\';
  let index = 0;
  // Parser directives: only before the first comment, blank line or
  // instruction that is not a directive.
  for (; index < lines.length; index++) {
    const directive = lines[index].match(/^\s*#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape' && directive[2] === '`') {
      escape = '`';
    }
  }
  const instructions: DockerfileInstruction[] = [];
  while (index < lines.length) {
    const first = index;
    let text = '';
    let complete = false;
    for (; index < lines.length && !complete; index++) {
      const line = lines[index];
      if (text !== '' && /^\s*#/.test(line)) continue;
      const trimmed = line.replace(/\s+$/, '');
      if (trimmed.endsWith(escape)) {
        text += trimmed.slice(0, -1);
      } else {
        text += trimmed;
        complete = true;
      }
    }
    const stripped = text.trim();
    if (stripped === '' || stripped.startsWith('#')) continue;
    const [, keyword, args = ''] = stripped.match(/^(\S+)\s*(.*)$/s)!;
    instructions.push({
      keyword: keyword.toUpperCase(),
      args,
      line: first + 1,
    });
    // Skip the bodies of the here-documents this instruction opened.
    for (const [, dash, , word] of args.matchAll(HEREDOC)) {
      for (; index < lines.length; index++) {
        const body = dash ? lines[index].replace(/^\t+/, '') : lines[index];
        if (body === word) {
          index++;
          break;
        }
      }
    }
  }
  return instructions;
}

interface Stage {
  name?: string;
  from: string;
  line: number;
  /**
   * The stage's effective USER and the line that set it, if it or the stage
   * it is built from has one; `value` is undefined when it names a build
   * argument with no default.
   */
  user?: { value?: string; written: string; line: number };
  env: Map<string, string>;
}

/** Expands `$X`, `${X}`, `${X:-word}` and `${X:+word}`; undefined if it cannot. */
function expand(value: string, vars: Map<string, string>): string | undefined {
  let unresolved = false;
  const result = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_match, braced: string, op: string, word: string, bare: string) => {
      const known = vars.get(braced ?? bare);
      if (op === '-') return known ? known : word;
      if (op === '+') return known ? word : '';
      if (known === undefined) unresolved = true;
      return known ?? '';
    },
  );
  return unresolved ? undefined : result;
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0].toLowerCase();
  return name === 'root' || /^0+$/.test(name);
}

const fix = 'e.g. USER 10001';

/**
 * The image must run as a non-root user: our clusters refuse root pods. What
 * counts is the final build stage: its own last USER, or the one it inherits
 * when it is built `FROM` an earlier stage. A USER in a build stage that is
 * not the final one does not reach the image.
 */
export function checkDockerfile(
  content: string | undefined,
): ValidationProblem[] {
  const problem = (message: string): ValidationProblem[] => [
    { file: 'Dockerfile', field: 'USER', message },
  ];
  if (content === undefined) {
    return [
      {
        file: 'Dockerfile',
        message: 'There is no Dockerfile at the repository root',
      },
    ];
  }
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const { keyword, args, line } of parseDockerfile(content)) {
    const stage = stages[stages.length - 1];
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter(w => !w.startsWith('--'));
      const from = words[0] ?? '';
      const name =
        words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
      const parent = stages.find(s => s.name === from.toLowerCase());
      stages.push({
        name,
        from,
        line,
        user: parent?.user,
        env: new Map(parent?.env),
      });
    } else if (keyword === 'ARG') {
      for (const declaration of args.split(/\s+/).filter(Boolean)) {
        const [key, ...rest] = declaration.split('=');
        const value =
          rest.length > 0
            ? rest.join('=').replace(/^"|"$/g, '')
            : globalArgs.get(key);
        if (!stage) {
          if (value !== undefined) globalArgs.set(key, value);
        } else if (value !== undefined && !stage.env.has(key)) {
          stage.env.set(key, value);
        }
      }
    } else if (keyword === 'ENV' && stage) {
      const pairs = args.includes('=')
        ? [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)].map(
            ([, key, value]) => [key, value.replace(/^"|"$/g, '')],
          )
        : [args.split(/\s+(.*)/s).slice(0, 2)];
      for (const [key, value] of pairs) stage.env.set(key, value ?? '');
    } else if (keyword === 'USER' && stage) {
      const written = args.trim();
      stage.user = { value: expand(written, stage.env), written, line };
    }
  }
  const final = stages[stages.length - 1];
  if (!final) {
    return problem(
      'The Dockerfile has no FROM instruction: start it with FROM <image>',
    );
  }
  if (!final.user) {
    return problem(
      `The image runs as root: its final stage (FROM ${final.from}, line ${final.line}) has no USER instruction; add one with a non-root user (${fix})`,
    );
  }
  if (final.user.value === undefined) {
    return problem(
      `USER ${final.user.written} (line ${final.user.line}) names a build argument with no default, so the image's user cannot be checked: give it a default that is not root (${fix})`,
    );
  }
  if (isRoot(final.user.value)) {
    return problem(
      `The image's last USER is ${final.user.value} (line ${final.user.line}): switch to a non-root user (${fix})`,
    );
  }
  return [];
}
