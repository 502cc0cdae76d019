// Service repositories on disk and their Trivy reports: what the compliance
// plugin's retrievers read. Shared with bench/compliance, which evaluates
// the same estate through the plugin's code directly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files the golden-path templates generate (CI pipeline, Dockerfile,
 * Helm chart, runbooks), with gaps that vary by `index`: a fifth of the
 * repositories have no pipeline, Dockerfile or chart, a third of the
 * pipelines skip Trivy, a quarter of the images run as root, a seventh of
 * the charts are off the mesh, half the repositories have no runbook.
 */
export function writeServiceRepository(
  dir: string,
  service: { name: string; team: string; index: number },
) {
  const { name, team, index: i } = service;
  mkdirSync(join(dir, 'docs/runbooks'), { recursive: true });
  if (i % 5 !== 0) {
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(dir, '.github/workflows/ci.yaml'),
      `jobs:\n  build:\n    steps:\n${
        i % 3 ? '      - uses: aquasecurity/trivy-action@0.28.0\n' : ''
      }`,
    );
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM node:22\n${i % 4 ? 'USER 10001\n' : ''}`,
    );
    mkdirSync(join(dir, `deploy/helm/${name}`), { recursive: true });
    writeFileSync(
      join(dir, `deploy/helm/${name}/Chart.yaml`),
      `name: ${name}\n`,
    );
    writeFileSync(
      join(dir, `deploy/helm/${name}/values.yaml`),
      `probes:\n  liveness: /live\n  readiness: /ready\nresources:\n  limits:\n    cpu: '1'\n    memory: 512Mi\nnetworkPolicy:\n  allowedCallers: [{ namespace: gateway, app: api-gateway }]\nmesh:\n  enabled: ${
        i % 7 !== 0
      }\n  mtls: STRICT\nvault:\n  enabled: true\n  path: ${team}/${name}\n`,
    );
  }
  if (i % 2) {
    writeFileSync(join(dir, 'docs/runbooks/availability.md'), '# Availability');
  }
}

/**
 * A Trivy JSON report (schema version 2) for the service's image, scanned
 * up to 40 days before `now`, with 0 to 12 findings of mixed severity.
 */
export function trivyReport(name: string, index: number, now: Date) {
  const i = index;
  const severities = ['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'LOW', 'LOW'];
  return {
    SchemaVersion: 2,
    CreatedAt: new Date(now.getTime() - (i % 40) * 86400_000).toISOString(),
    ArtifactName: `harbor.gogidix.dev/${name}:1.0.0`,
    ArtifactType: 'container_image',
    Results: [
      {
        Target: `${name} (debian 12.8)`,
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: Array.from({ length: (i * 7) % 13 }, (_, v) => ({
          VulnerabilityID: `CVE-2024-${1000 + v}`,
          PkgName: 'openssl',
          Severity: severities[((i + v) % (i % 4 ? 6 : 5)) + (i % 4 ? 0 : 1)],
        })),
      },
    ],
  };
}
