/**
 * A small English -> Chinese glossary of the general software terms the weekly answers use,
 * so an English query (`registry lease expiry`) can find a Chinese answer (`注册中心 租约 过期`).
 *
 * Only general vocabulary of distributed systems and Java/Go middleware belongs here (taken
 * from the most frequent technical words of the corpus); project names and their words live
 * in `src/project-catalogue.ts`. Keys are lower case; multi-word keys are matched as phrases.
 * Used two ways: a query's English term is also searched by its Chinese equivalents
 * (`findExpandableTerms`, through `getQueryTerms`), and the pairs are index synonyms
 * (`getTermSynonyms`). `expandQueryTerms` rewrites a whole query, for whole-query variants.
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
  configure: ['配置'],
  setting: ['设置', '配置'],
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
  // general verbs and nouns of questions about software
  support: ['支持'],
  detect: ['检测'],
  check: ['检查', '校验'],
  validate: ['校验'],
  compute: ['计算'],
  calculate: ['计算'],
  trigger: ['触发'],
  handle: ['处理'],
  send: ['发送'],
  receive: ['接收', '收到'],
  create: ['创建'],
  delete: ['删除'],
  remove: ['删除'],
  update: ['更新'],
  modify: ['修改'],
  query: ['查询'],
  read: ['读'],
  write: ['写'],
  load: ['加载'],
  release: ['释放', '发布'],
  clean: ['清理'],
  cleanup: ['清理'],
  stop: ['停止'],
  restart: ['重启'],
  shutdown: ['关闭'],
  close: ['关闭'],
  open: ['开启'],
  enable: ['开启'],
  disable: ['关闭'],
  install: ['安装'],
  package: ['打包'],
  generate: ['生成'],
  increment: ['递增'],
  wait: ['等待'],
  notify: ['通知'],
  notification: ['通知'],
  lost: ['丢失'],
  lose: ['丢失'],
  missing: ['缺少', '缺失'],
  slow: ['慢'],
  large: ['大'],
  grow: ['增长'],
  limit: ['限制'],
  size: ['大小'],
  default: ['默认'],
  custom: ['自定义'],
  manual: ['人工', '手动'],
  automatic: ['自动'],
  automatically: ['自动'],
  multiple: ['多个'],
  same: ['同一个', '相同'],
  different: ['不同'],
  relationship: ['关系'],
  principle: ['原理'],
  mechanism: ['机制'],
  scenario: ['场景'],
  solution: ['方案'],
  problem: ['问题'],
  issue: ['问题'],
  reason: ['原因'],
  document: ['文档'],
  documentation: ['文档'],
  source: ['源码'],
  code: ['代码'],
  project: ['项目'],
  framework: ['框架'],
  engine: ['引擎'],
  process: ['流程', '进程'],
  workflow: ['流程'],
  step: ['步骤'],
  time: ['时间', '耗时'],
  cost: ['耗时', '开销'],
  resource: ['资源'],
  business: ['业务'],
  record: ['记录'],
  field: ['字段'],
  attribute: ['属性'],
  property: ['属性'],
  metadata: ['元数据'],
  address: ['地址'],
  gateway: ['网关'],
  ingress: ['入口'],
  chain: ['链路'],
  link: ['链路'],
  trace: ['链路'],
  sample: ['示例'],
  test: ['测试'],
  production: ['生产'],
  environment: ['环境'],
  machine: ['机器'],
  instance: ['实例'],
  group: ['分组'],
  namespace: ['命名空间'],
  health: ['健康'],
  'health check': ['健康检查'],
  hot: ['热'],
  'hot upgrade': ['热升级'],
  binary: ['二进制'],
  parse: ['解析'],
  parser: ['解析'],
  filter: ['过滤'],
  variable: ['变量'],
  destination: ['目的', '目标'],
  target: ['目标'],
  local: ['本地'],
  remote: ['远程'],
  global: ['全局'],
  branch: ['分支'],
  split: ['拆分', '分裂'],
  merge: ['合并'],
  dirty: ['脏'],
  'dirty write': ['脏写'],
  freeze: ['冻结'],
  confirm: ['确认'],
  cancel: ['取消'],
  approval: ['审批'],
  pause: ['暂停'],
  resume: ['继续', '恢复'],
};

/** Longest glossary key, in words. */
const MAX_KEY_WORDS = Math.max(...Object.keys(TERM_EXPANSIONS).map((key) => key.split(' ').length));

/**
 * Candidate base forms of an English word, the word itself first: plural and verb endings are
 * stripped (`exceptions` -> `exception`, `retries` -> `retry`, `renewed` -> `renew`,
 * `subscribing` -> `subscribe`), so the glossary lists each term once.
 */
export function getEnglishBaseForms(word: string): string[] {
  const w = word.toLowerCase();
  const forms = [w];
  if (w.length > 4 && w.endsWith('ies')) forms.push(`${w.slice(0, -3)}y`);
  if (w.length > 3 && w.endsWith('es')) forms.push(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) forms.push(w.slice(0, -1));
  if (w.length > 4 && w.endsWith('ed')) forms.push(w.slice(0, -2), w.slice(0, -1));
  if (w.length > 5 && w.endsWith('ing')) forms.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  return [...new Set(forms)];
}

function lookUp(words: readonly string[]): { term: string; expansions: readonly string[] } | undefined {
  // Inflection is only stripped from the last word of a phrase (`global locks`).
  const head = words.slice(0, -1).map((w) => w.toLowerCase());
  for (const last of getEnglishBaseForms(words[words.length - 1] ?? '')) {
    const term = [...head, last].join(' ');
    const expansions = TERM_EXPANSIONS[term];
    if (expansions) return { term, expansions };
  }
  return undefined;
}

/** One English term found in a query and its Chinese equivalents. */
export interface TermMatch {
  /** The term as written in the query (words joined by one space). */
  text: string;
  /** Key of `TERM_EXPANSIONS`. */
  term: string;
  expansions: readonly string[];
  /** Index of its first and one past its last word in the list given to `findExpandableTerms`. */
  start: number;
  end: number;
}

/**
 * The glossary terms among `words` (a query's words in order), longest phrase first, without
 * overlaps. Words in capitals (acronyms such as `AT`, `TC`) are never translated.
 */
export function findExpandableTerms(words: readonly string[]): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let start = 0; start < words.length; ) {
    let found: TermMatch | undefined;
    for (let size = Math.min(MAX_KEY_WORDS, words.length - start); size >= 1 && !found; size--) {
      const phrase = words.slice(start, start + size);
      if (phrase.some((word) => !/^[A-Za-z][A-Za-z-]*$/.test(word) || /^[A-Z]{2,}$/.test(word))) continue;
      const hit = lookUp(phrase);
      if (hit) found = { text: phrase.join(' '), term: hit.term, expansions: hit.expansions, start, end: start + size };
    }
    if (found) {
      matches.push(found);
      start = found.end;
    } else {
      start += 1;
    }
  }
  return matches;
}

/**
 * `words` with each glossary term replaced by its first Chinese equivalent, joined by spaces
 * (`['registry', 'lease']` -> `注册中心 租约`); other words are kept as they are.
 */
export function expandQueryTerms(words: readonly string[]): string {
  const out: string[] = [];
  let next = 0;
  for (const match of findExpandableTerms(words)) {
    out.push(...words.slice(next, match.start), match.expansions[0] ?? match.text);
    next = match.end;
  }
  out.push(...words.slice(next));
  return out.join(' ');
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
