/**
 * Words a searcher types that say nothing about the topic: Chinese function words, question
 * words and politeness formulas (`请问`, `怎么`, `能不能`, `吗`), and English function words.
 *
 * They are dropped from the query only (documents keep them): Meilisearch considers at most
 * ten query words and ranks by how many of them match, so in a natural question such as
 * `请问 SOFARPC 能不能做泛化调用吗` the function words would both push topic words past the
 * tenth position and reward documents for containing `能` or `吗`.
 *
 * The list is about the *form* of a question, never its topic: no project or technical word
 * belongs here. Compare words after `normalizeQueryWord`.
 *
 * @see https://www.meilisearch.com/docs/resources/help/known_limitations#maximum-number-of-query-words
 */

const CHINESE = [
  // particles and auxiliaries
  '的', '地', '得', '了', '着', '过', '吗', '嘛', '呢', '吧', '啊', '呀', '哦', '哈', '么', '之', '所',
  // pronouns and determiners
  '我', '我们', '你', '你们', '您', '他', '她', '它', '他们', '它们', '大家', '咱们', '自己', '本人',
  '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这种', '那种', '这里', '那里', '此', '其', '该',
  '一个', '一些', '一下', '某', '某个', '每个', '各', '各个',
  // conjunctions and prepositions
  '和', '与', '及', '以及', '或', '或者', '还是', '而', '而且', '并且', '但', '但是', '不过', '然后', '那么',
  '如果', '假如', '要是', '因为', '所以', '因此', '虽然', '即使', '比如', '例如',
  '在', '到', '对', '对于', '关于', '把', '被', '给', '让', '从', '向', '往', '跟', '同', '于', '以', '按', '按照', '通过', '为',
  // adverbs of degree, time and manner that carry no topic
  '也', '都', '就', '还', '又', '再', '很', '太', '更', '最', '挺', '非常', '比较', '特别', '真的', '到底', '究竟',
  '现在', '目前', '当前', '一直', '已经', '还是', '只是', '就是', '直接', '一般', '通常', '其实', '好像', '应该',
  // copula, modality and question verbs
  '是', '有', '会', '能', '可', '要', '想', '做', '弄', '搞', '去', '来', '说', '看', '知道',
  '可以', '能够', '需要', '想要', '打算', '希望', '是否', '能否', '可否', '是不是', '有没有', '能不能',
  '会不会', '可不可以', '要不要', '行不行', '对不对', '不行', '行吗', '可能',
  // negation and obligation: they frame the question (`没有…吗`, `一定要…吗`), the topic words say what is asked
  '没有', '不要', '不用', '不能', '不会', '一定', '必须', '能用',
  // question words
  '什么', '啥', '怎么', '怎样', '怎么样', '如何', '为什么', '为何', '为啥', '哪', '哪个', '哪些', '哪里',
  '哪儿', '谁', '几', '多少', '咋', '咋办', '怎么办', '是什么', '有什么', '什么样',
  // politeness and framing
  '请问', '请教', '想问', '想问下', '问一下', '问下', '请', '咨询', '求助', '大佬', '各位', '老师', '同学',
  '谢谢', '感谢', '麻烦', '一下子', '下', '个',
  // place and time words that only locate the topic (`注册中心里`, `宕机时`)
  '里', '里面', '上', '中', '时', '时候', '的时候', '之后', '以后', '之前', '后', '前', '正在',
] as const;

const ENGLISH = [
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'of', 'to', 'in', 'on', 'at', 'by', 'for',
  'with', 'from', 'into', 'onto', 'about', 'as', 'than', 'via',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'doing',
  'have', 'has', 'had', 'can', 'could', 'should', 'would', 'will', 'shall', 'may', 'might', 'must',
  'i', 'me', 'my', 'we', 'our', 'you', 'your', 'it', 'its', 'they', 'them', 'their', 'he', 'she',
  'this', 'that', 'these', 'those', 'there', 'here',
  'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'whether',
  'any', 'some', 'all', 'each', 'every', 'also', 'just', 'only', 'still', 'very', 'too',
  'please', 'anyone', 'someone', 'way', 'ways', 'get', 'got', 'happen', 'happens',
] as const;

/** Every query stop word, already normalized (see `normalizeQueryWord`). */
export const QUERY_STOPWORDS: ReadonlySet<string> = new Set<string>([...CHINESE, ...ENGLISH]);

/** The form in which query words are compared with the stop words: NFKC, lower case, trimmed. */
export function normalizeQueryWord(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase();
}

/** Longest stop word, in characters: bounds the split in `isQueryStopword`. */
const MAX_STOPWORD_LENGTH = Math.max(...[...QUERY_STOPWORDS].map((word) => [...word].length));

/** Whether `chars` is a sequence of stop words only (`到底是` = `到底` + `是`). */
function isStopwordSequence(chars: readonly string[]): boolean {
  // reachable[i]: chars[0..i) splits into stop words
  const reachable = [true, ...chars.map(() => false)];
  for (let end = 1; end <= chars.length; end++) {
    for (let start = Math.max(0, end - MAX_STOPWORD_LENGTH); start < end && !reachable[end]; start++) {
      if (reachable[start] && QUERY_STOPWORDS.has(chars.slice(start, end).join(''))) reachable[end] = true;
    }
  }
  return reachable[chars.length] === true;
}

/**
 * Whether a query word carries no topic (see `QUERY_STOPWORDS`). A Chinese word the
 * segmenter glued together from stop words only (`到底是`, `能不能`) counts as one too.
 * A word in capitals is an acronym, never a stop word: `AT` (Seata's AT mode) is not `at`.
 */
export function isQueryStopword(word: string): boolean {
  if (/^[A-Z0-9]{2,}$/.test(word.trim())) return false;
  const normalized = normalizeQueryWord(word);
  if (QUERY_STOPWORDS.has(normalized)) return true;
  return /^\p{Script=Han}+$/u.test(normalized) && isStopwordSequence([...normalized]);
}

/**
 * The query words without stop words. When every word is a stop word (a query of only
 * `怎么`), the words are returned unchanged so the search still has something to match.
 */
export function dropQueryStopwords(words: readonly string[]): string[] {
  const kept = words.filter((word) => !isQueryStopword(word));
  return kept.length > 0 ? kept : [...words];
}
