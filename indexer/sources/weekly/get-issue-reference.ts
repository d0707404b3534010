import { getProjectByName } from '../../../src/project-catalogue.ts';
import type { SegmentedPair } from './segment-pairs.ts';

/** The GitHub issue a question comes from. */
export interface IssueReference {
  issue: number | null;
  /** `https://github.com/<owner>/<repo>/issues/<n>`; null when the repository is unknown. */
  issueUrl: string | null;
}

/** GitHub issue links, tolerating the emphasis markers some posts scatter inside them. */
const ISSUE_LINK = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)/gi;

function issueLinks(text: string): { number: number; url: string }[] {
  return [...text.replace(/[*\\]/g, '').matchAll(ISSUE_LINK)].map((match) => ({
    number: Number(match[3]),
    url: `https://github.com/${match[1]}/${match[2]}/issues/${match[3]}`,
  }));
}

function issueUrlOfProject(name: string | null | undefined, issue: number): string | null {
  const repo = name ? getProjectByName(name)?.repos[0] : undefined;
  return repo ? `https://github.com/${repo}/issues/${issue}` : null;
}

/**
 * The issue a question comes from, in every form the posts use:
 * - an issue entry's header, `@user #1234` or `**2.@SOFABolt #332**` (then `@user`): the number,
 *   in the repository of the project the header names, else of the attribution line's link to
 *   that same issue, else of the pair's one project;
 * - a link to the issue in the question itself (`> https://github.com/o/r/issues/11 ...`).
 * Links in answers are references to other issues, not the question's own. Pure.
 */
export function getIssueReference(pair: SegmentedPair, questionMarkdown: string, projects: readonly string[]): IssueReference {
  const issue = pair.issue;
  if (issue === null) {
    const [link] = issueLinks(questionMarkdown);
    return link ? { issue: link.number, issueUrl: link.url } : { issue: null, issueUrl: null };
  }
  const sameIssue = [...pair.attributionUrls.flatMap(issueLinks), ...issueLinks(questionMarkdown)].find((link) => link.number === issue);
  const issueUrl =
    issueUrlOfProject(pair.issueProject, issue) ??
    sameIssue?.url ??
    (projects.length === 1 ? issueUrlOfProject(projects[0], issue) : null);
  return { issue, issueUrl };
}
