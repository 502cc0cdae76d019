import { Finding } from './resourcePolicies';
import {
  HclValue,
  TerraformModule,
  TerraformResource,
  UNKNOWN,
  blocks,
} from './terraformModule';

/** Ports that administer a host, a database or a cluster. */
export const ADMIN_PORTS = [
  22, 3389, 5985, 5986, 3306, 5432, 1433, 1521, 6379, 27017, 9200, 2379, 2380,
  6443, 10250,
];

/**
 * Ingress from 0.0.0.0/0 or ::/0 must not reach an admin port, and the
 * Kubernetes API must not be open to the internet. A port range that cannot
 * be resolved counts as reaching all of them.
 */
export function adminPortsClosedToWorld(
  r: TerraformResource,
  m: TerraformModule,
): Finding[] {
  const rule = 'admin-port-open-to-world';
  const open = (
    field: string,
    rules: Array<{
      from: HclValue | undefined;
      to: HclValue | undefined;
      protocol: HclValue | undefined;
      cidrs: HclValue[];
    }>,
  ) =>
    rules.flatMap((rule_, index) => {
      const world = rule_.cidrs.some(c => {
        const cidr = m.resolve(c);
        return cidr === '0.0.0.0/0' || cidr === '::/0';
      });
      const ports = exposedAdminPorts(m, rule_.from, rule_.to, rule_.protocol);
      return world && ports.length
        ? [
            {
              rule,
              field: field.replace('#', String(index)),
              message: `Ingress from anywhere reaches admin port(s) ${ports.join(
                ', ',
              )}: allow only the VPC or a bastion's CIDR.`,
            },
          ]
        : [];
    });
  const list = (v: HclValue | undefined): HclValue[] => {
    const resolved = m.resolve(v);
    if (Array.isArray(resolved)) return resolved;
    return resolved === undefined ? [] : [resolved as HclValue];
  };
  switch (r.type) {
    case 'aws_security_group':
      return open(
        'ingress[#]',
        blocks(r.body.ingress).map(b => ({
          from: b.from_port,
          to: b.to_port,
          protocol: b.protocol,
          cidrs: [...list(b.cidr_blocks), ...list(b.ipv6_cidr_blocks)],
        })),
      );
    case 'aws_security_group_rule':
      return m.resolve(r.body.type) === 'ingress'
        ? open('cidr_blocks', [
            {
              from: r.body.from_port,
              to: r.body.to_port,
              protocol: r.body.protocol,
              cidrs: [
                ...list(r.body.cidr_blocks),
                ...list(r.body.ipv6_cidr_blocks),
              ],
            },
          ])
        : [];
    case 'aws_vpc_security_group_ingress_rule':
      return open('cidr_ipv4', [
        {
          from: r.body.from_port,
          to: r.body.to_port,
          protocol: r.body.ip_protocol,
          cidrs: [...list(r.body.cidr_ipv4), ...list(r.body.cidr_ipv6)],
        },
      ]);
    case 'aws_eks_cluster': {
      const vpc = blocks(r.body.vpc_config)[0] ?? {};
      if (m.resolve(vpc.endpoint_public_access) === false) return [];
      const cidrs =
        vpc.public_access_cidrs === undefined
          ? ['0.0.0.0/0']
          : list(vpc.public_access_cidrs);
      return cidrs.some(
        c => m.resolve(c) === '0.0.0.0/0' || m.resolve(c) === UNKNOWN,
      )
        ? [
            {
              rule,
              field: 'vpc_config.public_access_cidrs',
              message:
                'The Kubernetes API is open to the internet: set vpc_config.endpoint_public_access = false, or public_access_cidrs to known CIDRs.',
            },
          ]
        : [];
    }
    default:
      return [];
  }
}

function exposedAdminPorts(
  m: TerraformModule,
  from: HclValue | undefined,
  to: HclValue | undefined,
  protocol: HclValue | undefined,
): number[] {
  const proto = m.resolve(protocol);
  if (proto === '-1' || proto === -1 || proto === 'all') return ADMIN_PORTS;
  const low = m.resolve(from);
  const high = m.resolve(to);
  if (typeof low !== 'number' || typeof high !== 'number') return ADMIN_PORTS;
  return ADMIN_PORTS.filter(port => port >= low && port <= high);
}
