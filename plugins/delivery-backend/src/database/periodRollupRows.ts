import { DeliverySamples } from '@gogidix/plugin-delivery-common';
import { RollupDay, ServicePeriodFigures } from './DeliveryStore';

type Counts = Omit<
  DeliverySamples,
  'leadTimesHours' | 'restoreMinutes' | 'detectMinutes'
>;

interface Summary {
  current: Counts;
  previous: Counts;
  /** How many samples of each kind the binary column holds, in its order. */
  lengths: number[];
  days: RollupDay[];
}

const counts = (s: DeliverySamples): Counts => ({
  successfulDeployments: s.successfulDeployments,
  judgedDeployments: s.judgedDeployments,
  failedDeployments: s.failedDeployments,
  incidents: s.incidents,
  undetectedIncidents: s.undetectedIncidents,
  openIncidents: s.openIncidents,
});

const sampleLists = (f: ServicePeriodFigures) => [
  f.current.leadTimesHours,
  f.current.restoreMinutes,
  f.current.detectMinutes,
  f.previous.leadTimesHours,
  f.previous.restoreMinutes,
  f.previous.detectMinutes,
];

/**
 * A service's figures as a row's two columns: the counts as JSON and the
 * samples as 64-bit floats, which hold every computed double exactly and
 * read back far quicker than the same numbers as JSON text.
 */
export function encodeFigures(figures: ServicePeriodFigures | null): {
  summary: string | null;
  samples: Buffer | null;
} {
  if (figures === null) return { summary: null, samples: null };
  const lists = sampleLists(figures);
  const summary: Summary = {
    current: counts(figures.current),
    previous: counts(figures.previous),
    lengths: lists.map(l => l.length),
    days: figures.days,
  };
  const values = Float64Array.from(lists.flat());
  return {
    summary: JSON.stringify(summary),
    samples: Buffer.from(values.buffer, values.byteOffset, values.byteLength),
  };
}

export function decodeFigures(
  summaryText: string | null,
  samples: Uint8Array | null,
): ServicePeriodFigures | null {
  if (summaryText === null) return null;
  const summary = JSON.parse(summaryText) as Summary;
  // A copy (one block move): the driver's buffer need not start on an
  // 8-byte boundary, which a Float64Array over it requires.
  const bytes = new Uint8Array(samples ?? []);
  const values = new Float64Array(bytes.buffer);
  const lists: number[][] = [];
  let at = 0;
  for (const length of summary.lengths) {
    // A plain loop: Array.from walks a typed array through its iterator.
    const list = new Array<number>(length);
    for (let i = 0; i < length; i++) list[i] = values[at + i];
    lists.push(list);
    at += length;
  }
  if (at !== values.length) {
    throw new Error(
      `A delivery rollup holds ${values.length} samples where its summary counts ${at}`,
    );
  }
  return {
    current: {
      ...summary.current,
      leadTimesHours: lists[0],
      restoreMinutes: lists[1],
      detectMinutes: lists[2],
    },
    previous: {
      ...summary.previous,
      leadTimesHours: lists[3],
      restoreMinutes: lists[4],
      detectMinutes: lists[5],
    },
    days: summary.days,
  };
}
