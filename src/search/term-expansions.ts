/**
 * A small English -> Chinese glossary of the general software terms the weekly answers use,
 * so an English query (`registry lease expiry`) can find a Chinese answer (`注册中心 租约 过期`).
 *
 * Only general vocabulary of distributed systems and Java/Go middleware belongs here (taken
 * from the most frequent technical words of the corpus); project names and their words live
 * in `src/project-catalogue.ts`. Keys are lower case; multi-word keys are matched as phrases.
 * Used two ways: as a query variant with the English terms replaced (`expandQueryTerms`) and
 * as extra index synonyms (`getTermSynonyms`).
 */
export const TERM_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  // distributed transactions
  'distributed transaction': ['分布式事务'],
  transaction: ['事务'],
  'global transaction': ['全局事务'],
  'branch transaction': ['分支事务'],
  'global lock': ['全局锁'],
  lock: ['锁'],
  deadlock: ['死锁'],
  rollback: ['回滚'],
  commit: ['提交'],
  'phase one': ['一阶段'],
  'phase two': ['二阶段'],
  'two phase': ['两阶段', '二阶段'],
  compensation: ['补偿'],
  idempotent: ['幂等'],
  consistency: ['一致性'],
  isolation: ['隔离'],
  // registry and discovery
  registry: ['注册中心'],
  register: ['注册'],
  registration: ['注册'],
  'service discovery': ['服务发现'],
  discovery: ['发现'],
  subscribe: ['订阅'],
  subscriber: ['订阅者'],
  publish: ['发布'],
  publisher: ['发布者'],
  lease: ['租约'],
  renew: ['续约', '续期'],
  expire: ['过期'],
  expired: ['过期'],
  heartbeat: ['心跳'],
  offline: ['下线'],
  online: ['上线'],
  // nodes, clusters, networking
  node: ['节点'],
  cluster: ['集群'],
  election: ['选举', '选主'],
  'leader election': ['选主', '选举'],
  partition: ['分区'],
  'network partition': ['网络分区'],
  shard: ['分片'],
  replica: ['副本'],
  snapshot: ['快照'],
  broadcast: ['广播'],
  'data center': ['机房'],
  datacenter: ['机房'],
  'cross datacenter': ['跨机房'],
  network: ['网络'],
  connection: ['连接'],
  port: ['端口'],
  protocol: ['协议'],
  request: ['请求'],
  response: ['响应'],
  timeout: ['超时'],
  retry: ['重试'],
  route: ['路由'],
  routing: ['路由'],
  traffic: ['流量'],
  'load balancing': ['负载均衡'],
  'load balance': ['负载均衡'],
  proxy: ['代理'],
  forward: ['转发'],
  listener: ['监听'],
  // runtime and operations
  memory: ['内存'],
  thread: ['线程'],
  'thread pool': ['线程池'],
  process: ['进程'],
  performance: ['性能'],
  latency: ['延迟'],
  concurrency: ['并发'],
  async: ['异步'],
  asynchronous: ['异步'],
  sync: ['同步'],
  synchronous: ['同步'],
  blocking: ['阻塞'],
  queue: ['队列'],
  message: ['消息'],
  event: ['事件'],
  log: ['日志'],
  logs: ['日志'],
  logging: ['日志'],
  monitoring: ['监控'],
  deploy: ['部署'],
  deployment: ['部署'],
  upgrade: ['升级'],
  migrate: ['迁移'],
  migration: ['迁移'],
  compatible: ['兼容'],
  compatibility: ['兼容'],
  start: ['启动'],
  startup: ['启动'],
  'graceful shutdown': ['优雅下线', '优雅关闭'],
  degrade: ['降级'],
  'rate limit': ['限流'],
  'circuit breaker': ['熔断'],
  canary: ['灰度'],
  gray: ['灰度'],
  // code and configuration
  configuration: ['配置'],
  config: ['配置'],
  parameter: ['参数'],
  annotation: ['注解'],
  interface: ['接口'],
  dependency: ['依赖'],
  conflict: ['冲突'],
  'class loader': ['类加载器'],
  classloader: ['类加载器'],
  'hot deploy': ['热部署'],
  module: ['模块'],
  plugin: ['插件'],
  extension: ['扩展'],
  'data source': ['数据源'],
  datasource: ['数据源'],
  database: ['数据库'],
  table: ['表'],
  'generic call': ['泛化调用'],
  'generic invocation': ['泛化调用'],
  invoke: ['调用'],
  call: ['调用'],
  serialization: ['序列化'],
  exception: ['异常'],
  error: ['错误', '报错'],
  failure: ['失败'],
  fail: ['失败'],
  compile: ['编译'],
  build: ['编译', '构建'],
  deprecated: ['废弃'],
  version: ['版本'],
  client: ['客户端'],
  server: ['服务端'],
  service: ['服务'],
  microservice: ['微服务'],
  application: ['应用'],
  container: ['容器'],
  isolate: ['隔离'],
  state: ['状态'],
  'state machine': ['状态机'],
  storage: ['存储'],
  persistence: ['持久化'],
  cache: ['缓存'],
  data: ['数据'],
  'data plane': ['数据面'],
  'control plane': ['控制面'],
  roadmap: ['规划', '路线图'],
  component: ['组件'],
  components: ['组件'],
  security: ['安全'],
  encryption: ['加密'],
  certificate: ['证书'],
  image: ['镜像'],
  context: ['上下文'],
  difference: ['区别'],
  example: ['示例', '例子'],
  demo: ['示例'],
};

/** Longest keys first, so `distributed transaction` wins over `transaction`. */
const KEYS_BY_LENGTH = Object.keys(TERM_EXPANSIONS).sort((a, b) => b.length - a.length);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pattern for all keys, matching whole Latin words (ASCII letters) case-insensitively. */
const KEY_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])(?:${KEYS_BY_LENGTH.map((key) => escapeRegExp(key).replace(/ /g, '[\\s_-]+')).join('|')})(?![A-Za-z0-9_])`,
  'gi',
);

/** One English term found in a query and its Chinese equivalents. */
export interface TermMatch {
  /** The term as written in the query. */
  text: string;
  /** Lower-case key of `TERM_EXPANSIONS`. */
  term: string;
  expansions: readonly string[];
}

/** The glossary terms `text` contains, in order (longest match wins, no overlaps). */
export function findExpandableTerms(text: string): TermMatch[] {
  const matches: TermMatch[] = [];
  for (const match of text.matchAll(KEY_PATTERN)) {
    const term = match[0].toLowerCase().replace(/[\s_-]+/g, ' ');
    const expansions = TERM_EXPANSIONS[term];
    if (expansions) matches.push({ text: match[0], term, expansions });
  }
  return matches;
}

/**
 * `text` with each glossary term replaced by its first Chinese equivalent
 * (`registry lease` -> `注册中心 租约`); other words are kept as they are.
 */
export function expandQueryTerms(text: string): string {
  return text.replace(KEY_PATTERN, (found) => {
    const expansions = TERM_EXPANSIONS[found.toLowerCase().replace(/[\s_-]+/g, ' ')];
    return expansions?.[0] ? ` ${expansions[0]} ` : found;
  }).replace(/\s+/g, ' ').trim();
}

/**
 * The glossary as Meilisearch synonyms: each English term and its Chinese equivalents stand
 * for each other (lower-cased keys, sorted values).
 *
 * @see https://www.meilisearch.com/docs/learn/relevancy/synonyms
 */
export function getTermSynonyms(glossary: Readonly<Record<string, readonly string[]>> = TERM_EXPANSIONS): Record<string, string[]> {
  const groups = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to) return;
    const set = groups.get(from) ?? new Set<string>();
    set.add(to);
    groups.set(from, set);
  };
  for (const [term, expansions] of Object.entries(glossary)) {
    const english = term.toLowerCase();
    for (const chinese of expansions) {
      link(english, chinese);
      link(chinese, english);
    }
  }
  const synonyms: Record<string, string[]> = {};
  for (const key of [...groups.keys()].sort()) synonyms[key] = [...groups.get(key)!].sort();
  return synonyms;
}
