/**
 * The projects a weekly post can attribute a question to: canonical names, the other
 * spellings seen in posts (misspellings, old names), GitHub repositories, and the words
 * that mean the project when a question mentions it.
 */
export interface Project {
  /** Canonical name, as stored in records and shown in facets. */
  name: string;
  /** Other labels that name the project in attribution lines (compared after `normalizeLabel`). */
  aliases: string[];
  /** `owner/repo` on GitHub, lower case. */
  repos: string[];
  /** Case-insensitive patterns that mean the project when a question or topic header mentions it. */
  mentions: RegExp[];
  /** Search synonyms: words users type for the project (English and Chinese). */
  synonyms: string[];
}

export const PROJECTS: readonly Project[] = [
  {
    name: 'SOFARPC',
    aliases: ['sofarpc', 'sofa-rpc', 'rpc'],
    repos: ['sofastack/sofa-rpc', 'sofastack/sofa-rpc-boot-projects'],
    mentions: [/sofa[\s.-]?rpc/i],
    synonyms: ['sofa-rpc', 'rpc'],
  },
  {
    name: 'SOFABoot',
    aliases: ['sofaboot', 'sofa-boot'],
    repos: ['sofastack/sofa-boot'],
    mentions: [/sofa[\s-]?boot/i],
    synonyms: ['sofa-boot'],
  },
  {
    name: 'SOFAArk',
    aliases: ['sofaark', 'sofa-ark', 'ark'],
    repos: ['sofastack/sofa-ark'],
    mentions: [/sofa[\s-]?ark/i, /\bark\s*(?:包|插件|plugin|biz)/i],
    synonyms: ['sofa-ark', 'ark'],
  },
  {
    name: 'SOFAJRaft',
    aliases: ['sofajraft', 'sofa-jraft', 'jraft', 'rheakv'],
    repos: ['sofastack/sofa-jraft'],
    mentions: [/jraft/i, /rhea\s*kv/i, /onApply|onSnapshot|选举/i],
    synonyms: ['jraft', 'sofa-jraft', 'raft', 'rheakv'],
  },
  {
    name: 'SOFARegistry',
    aliases: ['sofaregistry', 'sofaregistery', 'sofa-registry', 'registry'],
    repos: ['sofastack/sofa-registry'],
    mentions: [/sofa[\s-]?registe?ry/i],
    synonyms: ['sofa-registry', 'registry', '注册中心'],
  },
  {
    name: 'SOFATracer',
    aliases: ['sofatracer', 'sofa-tracer', 'tracer'],
    repos: ['sofastack/sofa-tracer'],
    mentions: [/sofa[\s-]?tracer/i],
    synonyms: ['sofa-tracer', 'tracer', '链路追踪', 'tracing'],
  },
  {
    name: 'SOFALookout',
    aliases: ['sofalookout', 'sofa-lookout', 'lookout'],
    repos: ['sofastack/sofa-lookout'],
    mentions: [/sofa[\s-]?lookout/i],
    synonyms: ['sofa-lookout', 'lookout', 'metrics'],
  },
  {
    name: 'SOFABolt',
    aliases: ['sofabolt', 'sofa-bolt', 'bolt'],
    repos: ['sofastack/sofa-bolt'],
    mentions: [/sofa[\s-]?bolt/i],
    synonyms: ['sofa-bolt', 'bolt'],
  },
  {
    name: 'SOFADashboard',
    aliases: ['sofadashboard', 'sofa-dashboard', 'dashboard'],
    repos: ['sofastack/sofa-dashboard'],
    mentions: [/sofa[\s-]?dashboard/i],
    synonyms: ['sofa-dashboard', 'dashboard'],
  },
  {
    name: 'SOFAActs',
    aliases: ['sofaacts', 'sofa-acts', 'acts'],
    repos: ['sofastack/sofa-acts'],
    mentions: [/sofa[\s-]?acts/i],
    synonyms: ['sofa-acts', 'acts'],
  },
  {
    name: 'SOFAJarslink',
    aliases: ['sofajarslink', 'sofa-jarslink', 'jarslink'],
    repos: ['sofastack/sofa-jarslink'],
    mentions: [/jarslink/i],
    synonyms: ['sofa-jarslink', 'jarslink'],
  },
  {
    name: 'SOFAMesh',
    aliases: ['sofamesh', 'sofa-mesh'],
    repos: ['sofastack/sofa-mesh'],
    mentions: [/sofa[\s-]?mesh/i],
    synonyms: ['sofa-mesh'],
  },
  {
    name: 'SOFAServerless',
    aliases: ['sofaserverless', 'sofa-serverless'],
    repos: ['sofastack/sofa-serverless'],
    mentions: [/sofa[\s-]?serverless/i],
    synonyms: ['sofa-serverless', 'serverless'],
  },
  {
    name: 'Koupleless',
    aliases: ['koupleless'],
    repos: ['koupleless/koupleless', 'sofastack/koupleless'],
    mentions: [/koupleless/i],
    synonyms: ['koupleless'],
  },
  {
    name: 'MOSN',
    aliases: ['mosn', 'sofamosn', 'sofa-mosn', 'sofamesh-mosn'],
    repos: ['mosn/mosn', 'sofastack/sofa-mosn'],
    mentions: [/mosn/i],
    synonyms: ['sofa-mosn', 'sidecar', 'service mesh', 'mesh'],
  },
  {
    name: 'Layotto',
    aliases: ['layotto'],
    repos: ['mosn/layotto'],
    mentions: [/layotto/i],
    synonyms: ['layotto', 'runtime', '运行时'],
  },
  {
    name: 'Seata',
    aliases: ['seata', 'fescar'],
    repos: ['seata/seata', 'apache/incubator-seata', 'apache/seata'],
    mentions: [/seata/i, /fescar/i, /全局事务|分布式事务|全局锁|\bsaga\b|\btcc\b|undo_?log|globaltransactional|globallock|分支事务|二阶段|回滚|\bxid\b/i],
    synonyms: ['fescar', '分布式事务', 'distributed transaction'],
  },
  {
    name: 'Occlum',
    aliases: ['occlum'],
    repos: ['occlum/occlum'],
    mentions: [/occlum/i],
    synonyms: ['occlum', 'sgx', 'enclave'],
  },
  {
    name: 'Nydus',
    aliases: ['nydus'],
    repos: ['dragonflyoss/image-service', 'dragonflyoss/nydus'],
    mentions: [/nydus/i],
    synonyms: ['nydus', '镜像加速'],
  },
  {
    name: 'Holmes',
    aliases: ['holmes'],
    repos: ['mosn/holmes'],
    mentions: [/holmes/i],
    synonyms: ['holmes'],
  },
  {
    name: 'Tongsuo',
    aliases: ['tongsuo', 'babassl', '铜锁'],
    repos: ['tongsuo-project/tongsuo', 'babassl/babassl'],
    mentions: [/tongsuo/i, /babassl/i, /铜锁/],
    synonyms: ['babassl', '铜锁', '国密'],
  },
];

/** Labels that name the whole community rather than one project: an attribution to them names no project. */
const UMBRELLA_LABELS = new Set(['sofastack', 'sofa', 'sofastack社区', 'mosn社区']);

/** Lower case, without spaces, quotes, emphasis and separators, so `「 SOFA-Jraft 」` compares as `sofajraft`. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*_`「」『』"'“”\-]/g, '');
}

const byLabel = new Map<string, Project>();
for (const project of PROJECTS) {
  byLabel.set(normalizeLabel(project.name), project);
  for (const alias of project.aliases) byLabel.set(normalizeLabel(alias), project);
}

/**
 * The project an attribution label names, `null` for an umbrella label (SOFAStack),
 * `undefined` when the label is not a project at all.
 */
export function getProjectByLabel(label: string): Project | null | undefined {
  const key = normalizeLabel(label);
  if (UMBRELLA_LABELS.has(key)) return null;
  return byLabel.get(key);
}

/** The project of a canonical name (as in records), if any. */
export function getProjectByName(name: string): Project | undefined {
  return PROJECTS.find((project) => project.name === name);
}

/** The project whose GitHub repository a URL points into, if any. */
export function getProjectByUrl(url: string): Project | undefined {
  const match = /github\.com\/([\w.-]+)\/([\w.-]+)/i.exec(url);
  if (!match) return undefined;
  const repo = `${match[1]}/${match[2]}`.toLowerCase().replace(/\.git$/, '');
  return PROJECTS.find((project) => project.repos.includes(repo));
}

/** Canonical names of the projects a text mentions, in catalogue order. */
export function getMentionedProjects(text: string): string[] {
  return PROJECTS.filter((project) => project.mentions.some((pattern) => pattern.test(text))).map(
    (project) => project.name,
  );
}

/** How many times a text mentions each project (projects not mentioned are absent). */
export function countProjectMentions(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const project of PROJECTS) {
    let count = 0;
    for (const pattern of project.mentions) {
      count += text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
    }
    if (count > 0) counts.set(project.name, count);
  }
  return counts;
}

export const PROJECT_NAMES: readonly string[] = PROJECTS.map((project) => project.name);
