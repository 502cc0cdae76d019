import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  CollectedFact,
  FactRetriever,
  factsInError,
  factsWithValues,
} from './FactRetriever';

/** The part of the SLO plugin's `GET /summary` these facts read. */
export interface SloSummaryRow {
  entityRef: string;
  status: string;
}

/** One entity's SLO facts from the summary rows that are its own. */
export function sloFacts(
  entityRef: string,
  slos: SloSummaryRow[],
  source: string,
  collectedAt: string,
): CollectedFact[] {
  return factsWithValues(
    entityRef,
    {
      'slo.defined': slos.length > 0,
      'slo.budgetExhausted':
        slos.length === 0 ? null : slos.some(s => s.status === 'exhausted'),
    },
    source,
    collectedAt,
  );
}

export const SLO_FACTS = [
  { id: 'slo.defined', description: 'the SLO plugin evaluates an SLO' },
  {
    id: 'slo.budgetExhausted',
    description: 'an SLO has used up its error budget (null with no SLO)',
  },
];

/**
 * Whether each entity has SLOs and whether any has used up its error
 * budget, asked of the SLO plugin's backend with a service token. When the
 * SLO plugin cannot be reached, every SLO fact is in an error state.
 */
export class SloFactRetriever implements FactRetriever {
  readonly id = 'slo';
  readonly facts = SLO_FACTS;

  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  async retrieve(
    entities: Array<{ entity: Entity; entityRef: string }>,
    now: Date,
  ): Promise<CollectedFact[]> {
    const collectedAt = now.toISOString();
    let url = 'the SLO plugin';
    let rows: SloSummaryRow[];
    try {
      url = `${await this.deps.discovery.getBaseUrl('slo')}/summary`;
      const { token } = await this.deps.auth.getPluginRequestToken({
        onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
        targetPluginId: 'slo',
      });
      const response = await (this.deps.fetch ?? fetch)(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const body = (await response.json()) as { slos?: unknown };
      if (!Array.isArray(body.slos)) {
        throw new Error('the answer has no slos list');
      }
      rows = body.slos as SloSummaryRow[];
    } catch (error) {
      return entities.flatMap(({ entityRef }) =>
        factsInError(
          this,
          entityRef,
          `the SLO plugin is unavailable: ${(error as Error).message}`,
          url,
          collectedAt,
        ),
      );
    }
    const byEntity = new Map<string, SloSummaryRow[]>();
    for (const row of rows) {
      byEntity.set(row.entityRef, [
        ...(byEntity.get(row.entityRef) ?? []),
        row,
      ]);
    }
    return entities.flatMap(({ entityRef }) =>
      sloFacts(entityRef, byEntity.get(entityRef) ?? [], url, collectedAt),
    );
  }
}
