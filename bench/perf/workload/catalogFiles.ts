// Which catalog file each generated entity goes in: kinds in files of
// PER_FILE entities, and each golden-path service in its own repository.
import { Entity } from '@backstage/catalog-model';
import type { ServiceRepository } from './organisation';

const PER_FILE = 250;

const pad = (n: number, width = 4) => String(n).padStart(width, '0');

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}

export function catalogFiles(estate: {
  groups: Entity[];
  users: Entity[];
  domains: Entity[];
  systems: Entity[];
  resources: Entity[];
  apis: Entity[];
  components: Entity[];
  services: ServiceRepository[];
  /** How many of the first components are golden-path services. */
  golden: number;
}): Map<string, Entity[]> {
  const { groups, users, domains, systems, resources, apis } = estate;
  const { components, services, golden } = estate;
  const files = new Map<string, Entity[]>();
  files.set('entities/groups.yaml', groups);
  chunks(users, PER_FILE).forEach((part, i) =>
    files.set(`entities/users-${pad(i, 2)}.yaml`, part),
  );
  files.set('entities/domains.yaml', domains);
  chunks(systems, PER_FILE).forEach((part, i) =>
    files.set(`entities/systems-${pad(i, 2)}.yaml`, part),
  );
  chunks(resources, PER_FILE).forEach((part, i) =>
    files.set(`entities/resources-${pad(i, 2)}.yaml`, part),
  );
  chunks(apis, PER_FILE).forEach((part, i) =>
    files.set(`entities/apis-${pad(i, 2)}.yaml`, part),
  );
  // A service with a repository keeps its catalog file there, as real
  // repositories do: the SLO and compliance plugins read beside it.
  for (const service of services) {
    files.set(`repos/${service.name}/catalog-info.yaml`, [
      components[service.index],
    ]);
  }
  chunks(components.slice(golden), PER_FILE).forEach((part, i) =>
    files.set(`entities/components-${pad(i, 2)}.yaml`, part),
  );
  return files;
}
