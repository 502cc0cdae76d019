import { parse } from '@cdktf/hcl2json';
import path from 'node:path';

/** A value as @cdktf/hcl2json gives it: expressions stay `${...}` strings. */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclValue[]
  | { [key: string]: HclValue };
export type HclBody = { [key: string]: HclValue };

export interface HclFile {
  path: string;
  body: HclBody;
}

/** A resource block, e.g. `resource "aws_db_instance" "portal"`. */
export interface TerraformResource {
  file: string;
  type: string;
  name: string;
  body: HclBody;
}

/** Stands for a value that cannot be known without running Terraform. */
export const UNKNOWN = Symbol('unknown');
export type Resolved = HclValue | typeof UNKNOWN | undefined;

/**
 * The files of one directory, which Terraform reads as one module: a policy
 * may need a block from a sibling file (a bucket's encryption configuration,
 * a variable's default, the provider's default tags).
 */
export class TerraformModule {
  readonly dir: string;
  readonly files: HclFile[];

  constructor(dir: string, files: HclFile[]) {
    this.dir = dir;
    this.files = files;
  }

  resources(): TerraformResource[] {
    return this.files.flatMap(file =>
      Object.entries(objectAt(file.body.resource)).flatMap(([type, byName]) =>
        Object.entries(objectAt(byName)).flatMap(([name, bodies]) =>
          blocks(bodies).map(body => ({ file: file.path, type, name, body })),
        ),
      ),
    );
  }

  /** Named blocks such as `module`, `provider`, `variable`, `data.<type>`. */
  namedBlocks(
    kind: string,
  ): Array<{ file: string; name: string; body: HclBody }> {
    return this.files.flatMap(file =>
      Object.entries(objectAt(file.body[kind])).flatMap(([name, bodies]) =>
        blocks(bodies).map(body => ({ file: file.path, name, body })),
      ),
    );
  }

  /** Unnamed blocks such as `terraform` and `locals`. */
  unnamedBlocks(kind: string): Array<{ file: string; body: HclBody }> {
    return this.files.flatMap(file =>
      blocks(file.body[kind]).map(body => ({ file: file.path, body })),
    );
  }

  /**
   * The value of an attribute as far as it can be known statically: literals
   * as they are, `var.x` as its default, `local.x` as its value; anything
   * else is UNKNOWN.
   */
  resolve(value: HclValue | undefined, depth = 0): Resolved {
    if (typeof value !== 'string' || !value.includes('${')) {
      return value;
    }
    const reference = /^\$\{(var|local)\.([\w-]+)\}$/.exec(value);
    if (!reference || depth > 10) {
      return UNKNOWN;
    }
    const [, kind, name] = reference;
    if (kind === 'var') {
      const variable = this.namedBlocks('variable').find(v => v.name === name);
      return variable && 'default' in variable.body
        ? this.resolve(variable.body.default, depth + 1)
        : UNKNOWN;
    }
    return this.resolve(this.local(name), depth + 1);
  }

  local(name: string): HclValue | undefined {
    for (const { body } of this.unnamedBlocks('locals')) {
      if (name in body) return body[name];
    }
    return undefined;
  }
}

/** Parses files and groups them by directory; unparsable files are returned apart. */
export async function loadTerraformModules(
  files: Array<{ path: string; content: string }>,
): Promise<{
  modules: TerraformModule[];
  failures: Array<{ path: string; error: string }>;
}> {
  const byDir = new Map<string, HclFile[]>();
  const failures: Array<{ path: string; error: string }> = [];
  for (const file of files) {
    try {
      const body = (await parse(file.path, file.content)) as HclBody;
      const dir = path.dirname(file.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), { path: file.path, body }]);
    } catch (error) {
      failures.push({ path: file.path, error: (error as Error).message });
    }
  }
  return {
    modules: [...byDir].map(
      ([dir, parsed]) => new TerraformModule(dir, parsed),
    ),
    failures,
  };
}

/** hcl2json gives every block as a list of bodies (a block may repeat). */
export function blocks(value: HclValue | undefined): HclBody[] {
  if (Array.isArray(value)) {
    return value.filter((b): b is HclBody => isObject(b));
  }
  return isObject(value) ? [value] : [];
}

export function objectAt(value: HclValue | undefined): HclBody {
  return isObject(value) ? value : {};
}

export function isObject(value: unknown): value is HclBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
