import type { procurementId } from './procurement-id.ts';

/** English words of the procurement parts: the same keys as procurement-id.ts (TypeScript checks that none is missing). */
export const procurementEn: Record<keyof typeof procurementId, string> = {
  'plan.title': 'Planned vs realised for small businesses',
  'plan.lead':
    'Ceilings of the active SiRUP packages planned for small businesses (UKM) in {year}, against what was paid to micro and small enterprises and cooperatives that year.',
  'plan.noYear': 'Choose one fiscal year to compare plans with what was paid.',
  'plan.agency': 'Agency',
  'plan.packages': 'Packages (for small businesses)',
  'plan.plannedTotal': 'Ceiling of all packages',
  'plan.plannedForSmall': 'Planned for small businesses',
  'plan.realisedToSmall': 'Paid to small businesses',
  'plan.realisedTotal': 'All spending',
  'plan.rate': 'Paid ÷ planned',
  'plan.count': '{n} agencies',
  'satker.title': 'LKPP work units → agencies',
  'satker.lead':
    "The LKPP ISB import records each work unit's (kd_satker) purchases and plans under the agency chosen here. A change applies from the next import.",
  'satker.kd': 'Work unit code',
  'satker.code': 'SIPD code',
  'satker.name': 'Work unit name',
  'satker.agency': 'Agency',
  'satker.source': 'Set by',
  'satker.updated': 'Changed',
  'satker.empty': 'No work units yet: import LKPP ISB data first.',
  'satker.chooseFor': 'Agency of work unit {kd}',
  'satker.saved': 'Work unit {kd} is now recorded under {agency}.',
  'satker.failed': 'Failed: {message}',
};
