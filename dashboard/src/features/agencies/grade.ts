import type { Grade } from '../../graphql/generated/graphql.ts';

/** The API spells A+ as A_PLUS (GraphQL enum values cannot contain '+'). */
export function gradeLabel(grade: Grade | null | undefined): string {
  if (!grade) return '–';
  return grade === 'A_PLUS' ? 'A+' : grade;
}

export const GRADE_ORDER: Record<Grade, number> = { A_PLUS: 0, A: 1, B: 2, C: 3, D: 4, F: 5 };
