/**
 * Which posts are weekly newsletters. Categories are unreliable in the real site (weeklies filed
 * under "SOFAStack", a SOFAChannel write-up, an interview and an event call filed under
 * "SOFA Weekly"), so the rule is: the title names the newsletter, or the post's folder does.
 * The category is not consulted unless `categoryPattern` is set.
 */
export interface WeeklyRule {
  /** Title of a weekly post (default: /SOFA\s*Weekly/i). */
  titlePattern: RegExp;
  /** Path (relative to the root) of a weekly post (default: /(^|\/)sofa-weekly[^/]*\//i). */
  pathPattern: RegExp | null;
  /** Optional: a category that also marks a weekly post on its own. */
  categoryPattern: RegExp | null;
}

export const DEFAULT_WEEKLY_RULE: WeeklyRule = {
  titlePattern: /SOFA\s*Weekly/i,
  pathPattern: /(^|\/)sofa-weekly[^/]*\//i,
  categoryPattern: null,
};

function categoriesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** True when the post is a weekly newsletter under `rule`. Pure. */
export function isWeeklyPost(frontMatter: Record<string, unknown>, source: string, rule: WeeklyRule = DEFAULT_WEEKLY_RULE): boolean {
  const title = typeof frontMatter.title === 'string' ? frontMatter.title : '';
  if (rule.titlePattern.test(title)) return true;
  if (rule.pathPattern?.test(source)) return true;
  const categoryPattern = rule.categoryPattern;
  return categoryPattern !== null && categoriesOf(frontMatter.categories).some((category) => categoryPattern.test(category));
}
