/**
 * Slug of a post: its front-matter `slug`, else its folder path under `blog/` (or under the root)
 * with `/` as `-` (`sofa-weekly/20220923/index.md` -> `sofa-weekly-20220923`).
 */
export function getPostSlug(source: string, frontMatterSlug?: unknown): string {
  if (typeof frontMatterSlug === 'string' && frontMatterSlug.trim()) return frontMatterSlug.trim();
  const afterBlog = source.includes('blog/') ? source.slice(source.lastIndexOf('blog/') + 5) : source;
  const withoutFile = afterBlog.replace(/\/index\.md$/i, '').replace(/\.md$/i, '');
  return withoutFile.split('/').filter(Boolean).join('-').replace(/\s+/g, '-');
}

/** Public URL of a post: `<base><slug>/` (base default: https://www.sofastack.tech/blog/). */
export function getPostUrl(slug: string, baseUrl = 'https://www.sofastack.tech/blog/'): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}${encodeURIComponent(slug)}/`;
}
