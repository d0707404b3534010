// Strings of the feedback buttons, the answer page's server-rendered parts and the admin page,
// in the interface's languages (kept apart from translations.ts, which other features grow).

export const insightTranslations = {
  helpfulQuestion: 'Was this answer helpful?',
  helpfulYes: 'Yes, helpful',
  helpfulNo: 'No, not helpful',
  helpfulThanks: 'Thanks for the feedback.',
  helpfulFailed: 'The feedback could not be sent.',
  related: 'Related answers',
  backToResults: 'Back to the search',
  notFoundTitle: 'Answer not found',
  notFoundBody: 'There is no answer with this link. It may have been removed when the posts were re-read.',
  unavailableTitle: 'This answer cannot be shown right now',
  unavailableBody: 'The search service does not answer. Try again in a moment.',
  issueLink: (issue: number) => `GitHub issue #${issue}`,
  showMore: 'Show more',
  showLess: 'Show less',
};

export type InsightTranslations = typeof insightTranslations;

export const zhInsightTranslations: InsightTranslations = {
  helpfulQuestion: '这个回答有帮助吗？',
  helpfulYes: '有帮助',
  helpfulNo: '没有帮助',
  helpfulThanks: '感谢反馈。',
  helpfulFailed: '反馈发送失败。',
  related: '相关回答',
  backToResults: '返回搜索结果',
  notFoundTitle: '找不到这个回答',
  notFoundBody: '这个链接没有对应的回答，可能在重新读取周报时被移除了。',
  unavailableTitle: '暂时无法显示这个回答',
  unavailableBody: '搜索服务没有响应，请稍后再试。',
  issueLink: (issue) => `GitHub issue #${issue}`,
  showMore: '展开',
  showLess: '收起',
};

/** The strings for a reader's preferred languages (as `pickTranslations`). */
export function pickInsightTranslations(languages: readonly string[]): InsightTranslations {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary === 'zh') return zhInsightTranslations;
    if (primary === 'en') return insightTranslations;
  }
  return insightTranslations;
}
