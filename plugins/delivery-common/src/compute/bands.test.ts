import { doraBand, DoraMetric } from './bands';

describe('doraBand', () => {
  it.each<[DoraMetric, number | null, string | null]>([
    ['deploymentFrequency', 3, 'elite'],
    ['deploymentFrequency', 1, 'elite'],
    ['deploymentFrequency', 0.99, 'high'],
    ['deploymentFrequency', 1 / 7, 'high'],
    ['deploymentFrequency', 0.1, 'medium'],
    ['deploymentFrequency', 1 / 30, 'medium'],
    ['deploymentFrequency', 0.03, 'low'],
    ['deploymentFrequency', 0, 'low'],
    ['leadTimeHours', 0.5, 'elite'],
    ['leadTimeHours', 24, 'elite'],
    ['leadTimeHours', 25, 'high'],
    ['leadTimeHours', 168, 'high'],
    ['leadTimeHours', 169, 'medium'],
    ['leadTimeHours', 720, 'medium'],
    ['leadTimeHours', 721, 'low'],
    ['changeFailureRate', 0, 'elite'],
    ['changeFailureRate', 0.05, 'elite'],
    ['changeFailureRate', 0.08, 'high'],
    ['changeFailureRate', 0.15, 'medium'],
    ['changeFailureRate', 0.16, 'low'],
    ['timeToRestoreMinutes', 60, 'elite'],
    ['timeToRestoreMinutes', 61, 'high'],
    ['timeToRestoreMinutes', 1440, 'high'],
    ['timeToRestoreMinutes', 1441, 'medium'],
    ['timeToRestoreMinutes', 10080, 'medium'],
    ['timeToRestoreMinutes', 10081, 'low'],
    ['leadTimeHours', null, null],
    ['changeFailureRate', NaN, null],
  ])('%s %p is %p', (metric, value, band) => {
    expect(doraBand(metric, value)).toBe(band);
  });
});
