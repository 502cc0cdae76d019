// The command line of bench/perf/workload/generate.ts: an output folder and
// --flags that override the default workload's parameters.
import path from 'node:path';
import { DEFAULT_PARAMETERS, WorkloadParameters } from './organisation';

export function parseArguments(argv: string[]) {
  const parameters = { ...DEFAULT_PARAMETERS };
  const flags: Record<string, keyof WorkloadParameters> = {
    '--seed': 'seed',
    '--entities': 'entities',
    '--slos': 'slos',
    '--compliance': 'complianceEntities',
    '--cost-rows': 'costRows',
    '--cost-months': 'costMonths',
  };
  let dir = path.resolve(__dirname, '../../../.data/perf/workload');
  for (let i = 0; i < argv.length; i++) {
    const key = flags[argv[i]];
    if (key) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) {
        throw new Error(`${argv[i - 1]} needs a whole number`);
      }
      (parameters as Record<string, unknown>)[key] = value;
    } else if (argv[i] === '--cost-last-month') {
      parameters.costLastMonth = argv[++i];
    } else if (argv[i].startsWith('--')) {
      throw new Error(`unknown option ${argv[i]}`);
    } else {
      dir = path.resolve(argv[i]);
    }
  }
  return { dir, parameters };
}
