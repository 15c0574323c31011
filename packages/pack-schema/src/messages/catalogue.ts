// Every validator message, by stable code, in English and Chinese. `en` is the English text exactly as the message
// reads (programs and tests read it, and a message arriving without its code is recognised by it); `{{name}}` stands for
// a param. `also`: other English wordings of the same problem (the schema library's own) that are recognised too.
// Entries are tried in order when a message is recognised by its text: a more specific one comes first.
import type { MessageParams } from './render.ts';

export interface MessageEntry {
  en: string;
  'zh-CN': string | ((params: MessageParams) => string);
  also?: readonly string[];
  /**
   * Never recognised by its English alone: a wording so general (a quoted name, then any reason) that it would take
   * other texts for itself. Such a message is only ever sent with its code.
   */
  codeOnly?: boolean;
}

const zhReadable = (readable: string | number | undefined) =>
  String(readable ?? '').replace(/^formats (\d+) to (\d+)$/, '格式 $1 到 $2').replace(/^format (\d+)$/, '格式 $1');
const zhWhat = (what: string | number | undefined) => (what === '内容包' || what === 'pack' ? '内容包' : '内容');

export const CATALOGUE = {
  // YAML syntax: what to fix, in plain words.
  'yaml.fullwidth-colon': {
    en: "a full-width colon '：' after '{{key}}': YAML needs the plain colon ':' followed by a space (write '{{key}}: …'); switch the keyboard to English punctuation",
    'zh-CN': "“{{key}}”后面是全角冒号“：”：YAML 需要半角冒号“:”再加一个空格（写成“{{key}}: …”）；请把输入法切换到英文标点",
  },
  'yaml.tab': {
    en: 'a tab is used for indentation: YAML indents with spaces only; replace the tab with spaces (2 per level)',
    'zh-CN': '这一行用 Tab 键缩进了：YAML 只能用空格缩进；请把 Tab 换成空格（每一级 2 个空格）',
  },
  'yaml.indent-short': {
    en: 'this line is indented {{n}} space(s) too little: line it up with line {{ref}} ({{want}} spaces)',
    'zh-CN': '这一行的缩进少了 {{n}} 个空格：请与第 {{ref}} 行对齐（{{want}} 个空格）',
  },
  'yaml.indent-long': {
    en: 'this line is indented {{n}} space(s) too far: line it up with line {{ref}} ({{want}} spaces)',
    'zh-CN': '这一行的缩进多了 {{n}} 个空格：请与第 {{ref}} 行对齐（{{want}} 个空格）',
  },
  'yaml.unclosed-quote': {
    en: 'the quote {{quote}} opened here is never closed: add the closing {{quote}} at the end of the text',
    'zh-CN': '这里开始的引号 {{quote}} 没有结束：请在文字末尾补上对应的 {{quote}}',
  },
  'yaml.duplicate-key': {
    en: "the key '{{key}}' is written twice here: keep one of them",
    'zh-CN': '键“{{key}}”在这里写了两次：请只保留一个',
  },
  'yaml.other': {
    en: 'YAML cannot read this line ({{detail}}): check its indentation, colons and quotes, and those of the line before',
    'zh-CN': '无法读取这一行的 YAML（{{detail}}）：请检查这一行和上一行的缩进、冒号和引号',
  },
  'file.empty': { en: 'the file is empty', 'zh-CN': '文件是空的' },

  // Fields, as the schema checks them.
  'field.unknown-in-flow': {
    en: "unknown field '{{key}}': inside { … } a comma starts a new field, so put text that contains commas in quotes",
    'zh-CN': '未知字段“{{key}}”：在 { … } 里逗号会开始一个新字段，含逗号的文字请加上引号',
  },
  'field.unknown': { en: "unknown field '{{key}}' (check the spelling)", 'zh-CN': '未知字段“{{key}}”（请检查拼写）' },

  // The schema's own words (packages/pack-schema/src/schema.ts, primitives.ts).
  'schema.not-empty': { en: 'must not be empty', 'zh-CN': '不能为空' },
  'schema.kebab-case': { en: 'must be kebab-case: lower-case letters, digits and single hyphens', 'zh-CN': '只能用小写字母、数字和单个连字符（例如 fire-dehui-2013）' },
  'schema.max-chars': { en: 'must be at most {{max}} characters', 'zh-CN': '最多 {{max}} 个字符' },
  'schema.url': { en: 'must be a full URL (https://…)', 'zh-CN': '必须是完整的网址（https://…）' },
  'schema.path-backslash': { en: 'write the path with forward slashes (/), not backslashes', 'zh-CN': '路径请用正斜杠（/），不要用反斜杠（\\）' },
  'schema.path-absolute': { en: "must be relative to the pack's assets/ folder, not an absolute path", 'zh-CN': '必须是相对于内容包 assets/ 文件夹的路径，不能是绝对路径' },
  'schema.path-outside': { en: "must stay inside the pack's assets/ folder: no '..' or '.' in the path", 'zh-CN': '必须在内容包的 assets/ 文件夹之内：路径中不能有“..”或“.”' },
  'schema.path-not-file': { en: 'must name a file: no empty folder names (//) and no / at the end', 'zh-CN': '必须指向一个文件：不能有空的文件夹名（//），结尾也不能是 /' },
  'schema.file-extension': { en: '{{what}} must be a {{extensions}} file', 'zh-CN': '{{what}}必须是 {{extensions}} 文件' },
  'schema.image-alt': {
    en: 'an image needs alt: what it shows, for visitors who use a screen reader',
    'zh-CN': '图片需要 alt：写明图片内容，供使用读屏软件的游客使用',
  },
  'schema.asset-kind': { en: 'kind must be one of: {{values}}', 'zh-CN': 'kind 只能是以下之一：{{values}}' },
  'schema.locales-required': { en: 'must include {{locales}}', 'zh-CN': '必须包含 {{locales}}' },
  'schema.locale-twice': { en: 'lists a language twice', 'zh-CN': '同一种语言列了两次' },
  'schema.version-format': { en: 'must be a version like 1.0.0', 'zh-CN': '必须是 1.0.0 这样的版本号' },
  'schema.pack-format': { en: 'must be {{version}}, the pack format this version reads', 'zh-CN': '必须是 {{version}}，即本版本读取的内容包格式' },
  'schema.content-format': { en: 'must be {{version}}, the format this version reads', 'zh-CN': '必须是 {{version}}，即本版本读取的格式' },
  'schema.mechanic': { en: 'mechanic must be one of: {{values}}', 'zh-CN': 'mechanic 只能是以下之一：{{values}}' },

  // The mechanics' step formats (packages/mechanics).
  'mechanic.branch-score': { en: 'a branch needs scoreBelow or scoreAtLeast', 'zh-CN': '分支需要 scoreBelow 或 scoreAtLeast' },
  'mechanic.date': { en: 'must be a date written YYYY-MM-DD', 'zh-CN': '日期必须写成 YYYY-MM-DD' },
  'mechanic.case-source': { en: 'a case card needs at least one source', 'zh-CN': '案例卡至少需要一个来源' },
  'mechanic.hunt-timing': { en: 'lowestAfterSeconds must be after fullPointsWithinSeconds', 'zh-CN': 'lowestAfterSeconds 必须大于 fullPointsWithinSeconds' },
  'mechanic.situation-two-choices': { en: 'a situation needs at least two choices', 'zh-CN': '每个情境至少需要两个选项' },
  'mechanic.situation-max-choices': { en: 'a situation has at most {{max}} choices', 'zh-CN': '每个情境最多 {{max}} 个选项' },
  'mechanic.timed-one-situation': { en: 'a timed choice needs at least one situation', 'zh-CN': '限时选择至少需要一个情境' },
  'mechanic.situation-safe': { en: 'a situation needs at least one safe choice to teach', 'zh-CN': '每个情境至少需要一个安全的选项，才能起到教育作用' },
  'mechanic.choice-two-options': { en: 'a choice needs at least two options', 'zh-CN': '选择题至少需要两个选项' },
  'mechanic.drill-one-step': { en: 'a drill needs at least one step', 'zh-CN': '演练至少需要一个步骤' },
  'mechanic.right-option': { en: 'the question needs at least one right option to teach', 'zh-CN': '这道题至少需要一个正确选项' },
  'mechanic.cue-range': { en: 'cueAfterSeconds.max must not be below cueAfterSeconds.min', 'zh-CN': 'cueAfterSeconds.max 不能小于 cueAfterSeconds.min' },
  'mechanic.action-twice': { en: "action id '{{id}}' is used twice in this step", 'zh-CN': '动作 id“{{id}}”在这个步骤里用了两次' },
  'mechanic.question-two-choices': { en: 'a question needs at least two choices', 'zh-CN': '每道题至少需要两个选项' },
  'mechanic.answer-one': { en: 'name at least one right choice', 'zh-CN': '请至少写出一个正确选项' },
  'mechanic.answer-unknown': { en: "'{{id}}' is not one of the choices {{known}}", 'zh-CN': '“{{id}}”不是本题的选项之一：{{known}}' },
  'mechanic.single-answer': { en: 'a single-choice question has exactly one answer, not {{count}}', 'zh-CN': '单选题只能有一个答案，而不是 {{count}} 个' },
  'mechanic.answer-twice': { en: 'an answer lists the same choice twice', 'zh-CN': '答案里同一个选项列了两次' },
  'mechanic.rhythm-range': { en: 'maxPerMinute ({{max}}) must be above minPerMinute ({{min}})', 'zh-CN': 'maxPerMinute（{{max}}）必须大于 minPerMinute（{{min}}）' },
  'mechanic.decision-two-choices': { en: 'a decision needs at least two choices', 'zh-CN': '每个决策至少需要两个选项' },
  'mechanic.decision-unknown': { en: "decision '{{id}}' is not one of the decisions: {{known}}", 'zh-CN': '决策“{{id}}”不在决策列表中：{{known}}' },
  'mechanic.next-or-goto': {
    en: 'a choice has next (a decision of this drill) or goto (another step), not both',
    'zh-CN': '选项只能有 next（本演练中的决策）或 goto（另一个步骤），不能两者都有',
  },
  'mechanic.decision-safe': { en: 'a decision needs at least one safe choice to teach', 'zh-CN': '每个决策至少需要一个安全的选项，才能起到教育作用' },
  'mechanic.decision-loop': { en: "going to '{{to}}' makes a loop; every path through the decisions must end", 'zh-CN': '跳到“{{to}}”会形成循环；决策的每条路径都必须有结束' },
  'mechanic.decision-unreachable': { en: "decision '{{id}}' cannot be reached from the start '{{start}}'", 'zh-CN': '从起点“{{start}}”无法到达决策“{{id}}”' },
  'mechanic.max-seconds': { en: 'must be at most 3600 seconds', 'zh-CN': '不能超过 3600 秒' },
  'mechanic.above-zero': { en: 'must be above 0', 'zh-CN': '必须大于 0' },
  'mechanic.pitch-range': { en: 'must be between 100 and 4000 Hz', 'zh-CN': '必须在 100 到 4000 Hz 之间' },
  'mechanic.pitch-order': { en: 'write the lower pitch first: [low, high]', 'zh-CN': '请先写较低的音高：[低, 高]' },
  'mechanic.two-signals': { en: 'needs at least two signals to choose from', 'zh-CN': '至少需要两个信号供选择' },
  'mechanic.signal-ids': { en: 'signal ids must be unique in the step', 'zh-CN': '同一步骤中信号的 id 不能重复' },
  'mechanic.one-round': { en: 'needs at least one round', 'zh-CN': '至少需要一轮' },
  'mechanic.round-signal': {
    en: "round '{{id}}' plays signal '{{signal}}', which the step does not have (its signals: {{known}})",
    'zh-CN': '第“{{id}}”轮播放的信号“{{signal}}”不在本步骤中（本步骤的信号：{{known}}）',
  },
  'mechanic.prop-not-in-scene': { en: "prop '{{prop}}' is not in scene.props: {{known}}", 'zh-CN': '道具“{{prop}}”不在 scene.props 中：{{known}}' },
  'mechanic.prop-one-hazard': {
    en: "prop '{{id}}' is used twice (first at index {{first}}); one prop can hold only one hazard",
    'zh-CN': '道具“{{id}}”用了两次（第一次在第 {{first}} 项）；一个道具只能有一个隐患',
  },
  'mechanic.id-twice': {
    en: "{{what}} id '{{id}}' is used twice (first at index {{first}}); ids must be unique",
    'zh-CN': '{{what}} id“{{id}}”用了两次（第一次在第 {{first}} 项）；id 不能重复',
  },

  // Archives, continued: what the reader finds in the gzip and tar layers and in ruyi-pack.json.
  'archive.not-gzip': {
    en: 'this is not a pack archive: a .ruyipack.tgz is gzip-compressed, and this file is not',
    'zh-CN': '这不是内容包压缩包：.ruyipack.tgz 是用 gzip 压缩的，而这个文件不是',
  },
  'archive.no-tar': { en: 'the archive holds no tar data (it is not a .ruyipack.tgz)', 'zh-CN': '压缩包里没有 tar 数据（它不是 .ruyipack.tgz）' },
  'archive.damaged': { en: 'the archive is damaged ({{detail}})', 'zh-CN': '压缩包已损坏（{{detail}}）', also: ['the archive is damaged: {{detail}}'] },
  'archive.cut-short': {
    en: 'the archive is cut short: the gzip data ends too early (an incomplete download?)',
    'zh-CN': '压缩包不完整：gzip 数据提前结束（可能没有下载完）',
  },
  'archive.entry-type': {
    en: "'{{path}}' is a tar entry of type {{type}}: a pack archive holds only plain files",
    'zh-CN': '“{{path}}”是类型为 {{type}} 的 tar 条目：内容包压缩包只能包含普通文件',
  },
  'archive.link': {
    en: "'{{path}}' is {{link}}{{target}}: a pack archive holds only plain files",
    'zh-CN': (p) => {
      const links: Record<string, string> = { 'a symbolic link': '符号链接', 'a hard link': '硬链接', 'a device file': '设备文件', 'a named pipe (FIFO)': '命名管道（FIFO）' };
      const link = links[String(p.link)] ?? p.link;
      const target = /^ \(to '(.*)'\)$/s.exec(String(p.target ?? ''));
      return `“${p.path}”是${link}${target ? `（指向“${target[1]}”）` : ''}：内容包压缩包只能包含普通文件`;
    },
  },
  'archive.entry-kind': {
    en: "'{{path}}' is a tar entry of a kind a pack archive may not hold ({{type}})",
    'zh-CN': '“{{path}}”是内容包压缩包不允许的 tar 条目（{{type}}）',
  },
  'archive.twice': {
    en: "'{{path}}' is in the archive twice (or twice with names that differ only in case)",
    'zh-CN': '“{{path}}”在压缩包里出现了两次（或两个文件名只有大小写不同）',
  },
  'archive.no-meta': {
    en: 'the archive has no ruyi-pack.json, so it is not a pack archive (or it is damaged)',
    'zh-CN': '压缩包里没有 ruyi-pack.json，所以它不是内容包压缩包（或已损坏）',
  },
  'archive.meta-json': { en: 'ruyi-pack.json is not valid JSON: {{detail}}', 'zh-CN': 'ruyi-pack.json 不是有效的 JSON：{{detail}}' },
  'archive.tampered-checksum': {
    en: "tampered: '{{path}}' does not match its checksum in ruyi-pack.json (the file was changed after the archive was built)",
    'zh-CN': '被改动过：“{{path}}”与 ruyi-pack.json 中的校验和不符（压缩包生成后文件被修改了）',
  },
  'archive.tampered-missing': {
    en: "tampered: '{{path}}' is listed in ruyi-pack.json but is not in the archive",
    'zh-CN': '被改动过：“{{path}}”列在 ruyi-pack.json 中，但压缩包里没有这个文件',
  },
  'archive.tampered-extra': {
    en: "tampered: '{{path}}' is in the archive but not listed in ruyi-pack.json",
    'zh-CN': '被改动过：“{{path}}”在压缩包里，但没有列在 ruyi-pack.json 中',
  },
  'archive.tampered-digest': {
    en: 'tampered: the digest in ruyi-pack.json does not match its list of files',
    'zh-CN': '被改动过：ruyi-pack.json 中的摘要与其文件列表不符',
  },
  'archive.no-manifest': { en: 'the archive has no pack/pack.yaml', 'zh-CN': '压缩包里没有 pack/pack.yaml' },
  // What the server checks again before it builds folder names from the archive (kiosk-server's pack-format.ts).
  'archive.bad-id': { en: "the archive's pack id '{{id}}' is not a valid pack id", 'zh-CN': '压缩包的内容包 id“{{id}}”不是有效的 id' },
  'archive.bad-version': { en: "the archive's version '{{version}}' is not a version like 1.0.0", 'zh-CN': '压缩包的版本“{{version}}”不是 1.0.0 这样的版本号' },
  'archive.bad-digest': { en: "the archive's digest '{{digest}}' is not a sha256 in hex", 'zh-CN': '压缩包的摘要“{{digest}}”不是十六进制的 sha256' },
  'archive.unsafe-path': { en: "unsafe file path '{{path}}' in the archive", 'zh-CN': '压缩包里有不安全的文件路径“{{path}}”' },
  'install.park-not-loaded': {
    en: 'the park itself did not load (see GET /api/content): no pack can be installed until it is fixed',
    'zh-CN': '园区本身没有加载成功（见 GET /api/content）：修复之前不能安装任何内容包',
  },
  'install.area-not-in-park': {
    en: "area '{{area}}' is not an area of the park ({{areas}})",
    'zh-CN': '“{{area}}”不是园区的区域（园区的区域：{{areas}}）',
    codeOnly: true,
  },

  // Building an archive from a pack folder (`npm run pack -- build`): what in the folder cannot go into one.
  'build.no-pack': { en: 'there is no pack folder here', 'zh-CN': '这里没有内容包文件夹' },
  'build.symlink': { en: 'is a symbolic link: put the file itself in the pack', 'zh-CN': '是符号链接：请把文件本身放进内容包' },
  'build.not-regular': { en: 'is not a regular file', 'zh-CN': '不是普通文件' },
  'build.not-folder': { en: 'must be a folder, not a file', 'zh-CN': '必须是文件夹，不能是文件' },
  'build.file-name': { en: 'the file name {{reason}}: rename it', 'zh-CN': '文件名{{reason}}：请改名' },
  'build.too-many-files': { en: 'the pack has {{count}} files; an archive may hold at most {{max}}', 'zh-CN': '内容包有 {{count}} 个文件；一个压缩包最多只能有 {{max}} 个' },
  'build.file-too-big': { en: 'is {{size}}; a file may be at most {{max}}', 'zh-CN': '大小为 {{size}}；单个文件最大 {{max}}' },
  'build.too-big': { en: "the pack's files add up to {{size}}; a pack may be at most {{max}}", 'zh-CN': '内容包的文件共 {{size}}；一个内容包最大 {{max}}' },

  // Why a path, a field or a file is wrong: the {{reason}} of another message, named by `reasonCode` in its params and
  // rendered in the reader's language in its place (render.ts).
  'reason.path-absolute': { en: 'is an absolute path', 'zh-CN': '是绝对路径' },
  'reason.path-backslash': { en: 'contains a backslash (paths in an archive use /)', 'zh-CN': '含有反斜杠（压缩包里的路径用 /）' },
  'reason.path-climbs': { en: "climbs out of its folder with '..'", 'zh-CN': '用“..”跳出了所在的文件夹' },
  'reason.path-not-plain': { en: 'is not a plain path (empty or "." parts)', 'zh-CN': '不是普通路径（有空的部分或“.”）' },
  'reason.path-character': {
    en: 'contains a character that file names may not have (\\ : * ? " < > | or a control character)',
    'zh-CN': '含有文件名不允许的字符（\\ : * ? " < > | 或控制字符）',
  },
  'reason.path-hidden': { en: 'is a hidden file (its name starts with a dot)', 'zh-CN': '是隐藏文件（文件名以点开头）' },
  'reason.path-too-long': { en: 'is longer than 1024 bytes', 'zh-CN': '超过 1024 字节' },
  'reason.path-not-scenario': { en: 'is not a scenario file (scenarios/<id>.yaml)', 'zh-CN': '不是场景文件（scenarios/<id>.yaml）' },
  'reason.path-not-asset': { en: 'is not a file under assets/', 'zh-CN': '不是 assets/ 下的文件' },
  'reason.path-not-pack': {
    en: 'is not part of a pack (a pack holds only pack.yaml, scenarios/*.yaml and assets/**)',
    'zh-CN': '不属于内容包（内容包只包含 pack.yaml、scenarios/*.yaml 和 assets/**）',
  },
  'reason.entry-backslash': { en: 'contains a backslash', 'zh-CN': '含有反斜杠' },
  'reason.entry-climbs': { en: "climbs out of the archive with '..'", 'zh-CN': '用“..”跳出了压缩包' },
  'reason.entry-outside': {
    en: 'is outside the pack/ folder (only ruyi-pack.json may be at the top)',
    'zh-CN': '在 pack/ 文件夹之外（最外层只能有 ruyi-pack.json）',
  },
  'reason.meta-format': { en: 'must be {{format}}, the archive format this version reads', 'zh-CN': '必须是 {{format}}，即本版本读取的压缩包格式' },
  'reason.meta-built-at': { en: 'must be a date and time like 2025-01-31T09:30:00.000Z', 'zh-CN': '必须是 2025-01-31T09:30:00.000Z 这样的日期和时间' },
  'reason.sha256': { en: 'must be a sha256 checksum (64 lower-case hex digits)', 'zh-CN': '必须是 sha256 校验和（64 位小写十六进制数字）' },

  // Why an asset's file is not what its extension says (assets.ts): the parser's finding, its own words as {{detail}}.
  'reason.glb-magic': { en: 'it does not start like a .glb file (glTF binary)', 'zh-CN': '文件开头不像 .glb 文件（glTF 二进制）' },
  'reason.glb-version': { en: 'it is glTF {{version}}, and only glTF 2.0 is read', 'zh-CN': '它是 glTF {{version}}，只能读取 glTF 2.0' },
  'reason.cut-short': { en: 'the file is cut short', 'zh-CN': '文件不完整（被截断了）' },
  'reason.glb-json-missing': { en: 'its JSON chunk is missing or damaged', 'zh-CN': '缺少 JSON 数据块或已损坏' },
  'reason.glb-json-damaged': { en: 'its JSON chunk is damaged ({{detail}})', 'zh-CN': 'JSON 数据块已损坏（{{detail}}）' },
  'reason.gltf-not-2': { en: 'it does not say it is glTF 2.0', 'zh-CN': '文件没有注明是 glTF 2.0' },
  'reason.glb-chunk-overrun': { en: 'a chunk runs past the end of the file', 'zh-CN': '有数据块超出了文件末尾' },
  'reason.gltf-missing-mesh': { en: 'a node refers to mesh {{index}}, which is not there', 'zh-CN': '有节点引用了不存在的网格 {{index}}' },
  'reason.gltf-missing-accessor': { en: 'a mesh refers to accessor {{index}}, which is not there', 'zh-CN': '有网格引用了不存在的访问器 {{index}}' },
  'reason.gltf-missing-node': { en: 'the scene refers to node {{index}}, which is not there', 'zh-CN': '场景引用了不存在的节点 {{index}}' },
  'reason.gltf-node-loop': { en: 'its node tree has a loop', 'zh-CN': '节点树中有循环' },
  'reason.gltf-extension': {
    en: 'it needs {{needs}}, which the kiosks cannot decode offline: export it without mesh compression and without KTX2 textures (gltf-transform: add --compress false; WebP or PNG textures are fine)',
    'zh-CN': '它需要 {{needs}}，展台离线时无法解码：请在导出时不使用网格压缩和 KTX2 贴图（gltf-transform：加上 --compress false；WebP 或 PNG 贴图都可以）',
  },
  'reason.gltf-buffer-file': {
    en: 'buffer {{index}} is a separate file ({{uri}}); export the model as one .glb with everything embedded',
    'zh-CN': '缓冲区 {{index}} 是单独的文件（{{uri}}）；请把模型导出为一个包含全部内容的 .glb',
  },
  'reason.glb-bin-short': { en: 'its binary chunk is shorter than it says', 'zh-CN': '二进制数据块比声明的短' },
  'reason.gltf-view': { en: 'buffer view {{index}} is missing or runs past its buffer', 'zh-CN': '缓冲区视图 {{index}} 不存在或超出了所属缓冲区' },
  'reason.gltf-texture-file': {
    en: 'texture {{index}} is a separate file ({{uri}}); export the model as one .glb with its textures embedded',
    'zh-CN': '贴图 {{index}} 是单独的文件（{{uri}}）；请把模型导出为一个内嵌贴图的 .glb',
  },
  'reason.model-damaged': { en: 'it is damaged (the model could not be read: {{detail}})', 'zh-CN': '文件已损坏（无法读取模型：{{detail}}）' },
  'reason.image-not-decodable': { en: 'it is not a {{format}} image (or it is damaged)', 'zh-CN': '它不是 {{format}} 图片（或已损坏）' },
  'reason.image-renamed': { en: 'it is a {{actual}} image, not {{format}}: rename it to .{{ext}}', 'zh-CN': '它是 {{actual}} 图片，不是 {{format}}：请把扩展名改为 .{{ext}}' },
  'reason.image-other': { en: 'it is not a {{format}} image (it looks like {{actual}})', 'zh-CN': '它不是 {{format}} 图片（看起来是 {{actual}}）' },
  'reason.wav-magic': { en: 'it is not a WAV file (RIFF/WAVE)', 'zh-CN': '它不是 WAV 文件（RIFF/WAVE）' },
  'reason.wav-no-format': { en: 'its format chunk is missing before the sound', 'zh-CN': '声音数据前缺少格式（fmt）数据块' },
  'reason.wav-no-data': { en: 'it has no sound data', 'zh-CN': '文件里没有声音数据' },
  'reason.mp3-no-frames': { en: 'it is not an MP3 file (no MPEG audio frames found)', 'zh-CN': '它不是 MP3 文件（找不到 MPEG 音频帧）' },
  'reason.ogg-magic': { en: 'it is not an Ogg file', 'zh-CN': '它不是 Ogg 文件' },
  'reason.ogg-codec': { en: 'it is an Ogg file, but neither Vorbis nor Opus sound', 'zh-CN': '它是 Ogg 文件，但声音既不是 Vorbis 也不是 Opus' },
  'reason.ogg-no-end': { en: 'its last page is missing', 'zh-CN': '缺少最后一页数据' },
  'reason.m4a-magic': { en: 'it is not an M4A (MPEG-4 audio) file', 'zh-CN': '它不是 M4A（MPEG-4 音频）文件' },
  'reason.m4a-no-length': { en: 'its length is not in the file (no moov/mvhd box)', 'zh-CN': '文件里没有时长信息（没有 moov/mvhd 数据盒）' },
  'reason.audio-format': { en: '.{{ext}} is not an audio format this build reads', 'zh-CN': '本版本不能读取 .{{ext}} 音频格式' },
  'reason.audio-not-decodable': {
    en: 'it is not a readable .{{ext}} file (it is damaged or cut short: {{detail}})',
    'zh-CN': '无法读取这个 .{{ext}} 文件（已损坏或不完整：{{detail}}）',
  },

  // The schema library's own issues, by their kind (zod.ts): after the texts written in the schema, which look alike.
  'zod.required': { en: '{{field}} is required ({{expected}})', 'zh-CN': '缺少必填项 {{field}}（应为{{expected}}）', also: ['is required ({{expected}})'] },
  'zod.invalid_type': {
    en: '{{field}} must be {{expected}}, not {{received}}',
    'zh-CN': '{{field}} 应为{{expected}}，而不是{{received}}',
    also: ['Invalid input: expected {{expected}}, received {{received}}'],
  },
  'zod.invalid_value': {
    en: '{{field}} must be one of: {{values}}',
    'zh-CN': '{{field}} 只能是以下之一：{{values}}',
    also: ['Invalid option: expected one of {{values}}', 'Invalid input: expected {{values}}'],
  },
  'zod.too_small.array': {
    en: '{{field}} needs at least {{minimum}} item(s)',
    'zh-CN': '{{field}} 至少需要 {{minimum}} 项',
    also: ['Too small: expected array to have >={{minimum}} items', 'Too small: expected array to have >={{minimum}} item'],
  },
  'zod.too_small.string': {
    en: '{{field}} needs at least {{minimum}} character(s)',
    'zh-CN': '{{field}} 至少需要 {{minimum}} 个字符',
    also: ['Too small: expected string to have >={{minimum}} characters', 'Too small: expected string to have >={{minimum}} character'],
  },
  'zod.too_small.number': {
    en: '{{field}} must be at least {{minimum}}',
    'zh-CN': '{{field}} 不能小于 {{minimum}}',
    also: ['Too small: expected number to be >={{minimum}}'],
  },
  'zod.too_small.number-exclusive': {
    en: '{{field}} must be more than {{minimum}}',
    'zh-CN': '{{field}} 必须大于 {{minimum}}',
    also: ['Too small: expected number to be >{{minimum}}'],
  },
  'zod.too_big.array': {
    en: '{{field}} may have at most {{maximum}} item(s)',
    'zh-CN': '{{field}} 最多只能有 {{maximum}} 项',
    also: ['Too big: expected array to have <={{maximum}} items', 'Too big: expected array to have <={{maximum}} item'],
  },
  'zod.too_big.string': {
    en: '{{field}} may have at most {{maximum}} character(s)',
    'zh-CN': '{{field}} 最多只能有 {{maximum}} 个字符',
    also: ['Too big: expected string to have <={{maximum}} characters', 'Too big: expected string to have <={{maximum}} character'],
  },
  'zod.too_big.number': {
    en: '{{field}} must be at most {{maximum}}',
    'zh-CN': '{{field}} 不能大于 {{maximum}}',
    also: ['Too big: expected number to be <={{maximum}}'],
  },
  'zod.too_big.number-exclusive': {
    en: '{{field}} must be less than {{maximum}}',
    'zh-CN': '{{field}} 必须小于 {{maximum}}',
    also: ['Too big: expected number to be <{{maximum}}'],
  },
  'zod.invalid_format': { en: '{{field}} is not a valid {{format}}', 'zh-CN': '{{field}} 不是有效的{{format}}' },
  'zod.not_multiple_of': { en: '{{field}} must be a multiple of {{divisor}}', 'zh-CN': '{{field}} 必须是 {{divisor}} 的倍数' },
  'zod.invalid_union': { en: '{{field}} does not match any of the forms it may take', 'zh-CN': '{{field}} 的写法不符合任何一种允许的格式' },
  'zod.invalid_key': { en: '{{field}} has a key that is not allowed', 'zh-CN': '{{field}} 含有不允许的键' },
  'zod.invalid_element': { en: '{{field}} has a value that is not allowed', 'zh-CN': '{{field}} 含有不允许的值' },
  'zod.custom': { en: '{{field}} is not valid', 'zh-CN': '{{field}} 无效', also: ['Invalid input'] },

  // A pack as a whole (load.ts, content.ts).
  'pack.no-manifest': { en: 'the pack has no {{file}}', 'zh-CN': '内容包里没有 {{file}}' },
  'pack.migrated': {
    en: 'the pack is written for pack format {{from}} and was read as format {{to}} ({{applied}}); to bring it up to date, {{byHand}}',
    'zh-CN': '这个内容包按格式 {{from}} 编写，已按格式 {{to}} 读取（{{applied}}）；要更新它，请按以下英文说明手动修改：{{byHand}}',
  },
  'pack.id-folder': { en: "the pack id '{{id}}' must match its folder name '{{folder}}'", 'zh-CN': '内容包 id“{{id}}”必须与文件夹名“{{folder}}”一致' },
  'pack.source-twice': { en: "source id '{{id}}' is used twice", 'zh-CN': '来源 id“{{id}}”用了两次' },
  'pack.scenario-twice': { en: "scenario '{{id}}' is listed twice", 'zh-CN': '场景“{{id}}”列了两次' },
  'pack.scenario-no-file': { en: "there is no file scenarios/{{file}} for scenario '{{id}}'", 'zh-CN': '场景“{{id}}”没有对应的文件 scenarios/{{file}}' },
  'scenario.id-file': { en: "the scenario id '{{id}}' must match its file name '{{file}}'", 'zh-CN': '场景 id“{{id}}”必须与文件名“{{file}}”一致' },
  'scenario.not-listed': { en: 'this scenario is not listed in {{manifest}} (scenarios:)', 'zh-CN': '这个场景没有列在 {{manifest}} 中（scenarios:）' },
  'asset.unused': {
    en: "asset '{{id}}' is not used by any scenario; remove it (it makes the pack bigger) or refer to it",
    'zh-CN': '素材“{{id}}”没有被任何场景使用；请删除它（它会让内容包变大）或在场景中引用它',
  },
  'park.area-twice': { en: "area '{{id}}' is listed twice", 'zh-CN': '区域“{{id}}”列了两次' },
  'content.no-park': { en: 'the content folder has no {{file}}', 'zh-CN': '内容文件夹里没有 {{file}}' },
  'content.unknown-area': { en: "area '{{area}}' is not an area of the park ({{file}})", 'zh-CN': '“{{area}}”不是园区的区域（见 {{file}}）' },
  'content.pack-id-taken': { en: "another pack already has the id '{{id}}'", 'zh-CN': '另一个内容包已经使用了 id“{{id}}”' },

  // References (references.ts).
  'asset.not-found': {
    en: "asset '{{ref}}' is not one of the pack's {{kind}} assets (pack.yaml assets:): {{known}}",
    'zh-CN': '素材“{{ref}}”不是内容包的{{kind}}素材之一（pack.yaml 的 assets:）：{{known}}',
  },
  'asset.wrong-kind': {
    en: "asset '{{ref}}' is {{actual}}, but {{slot}} needs {{needed}} asset ({{extensions}})",
    'zh-CN': '素材“{{ref}}”是{{actual}}，但 {{slot}} 需要{{needed}}素材（{{extensions}}）',
  },
  'asset.file-twice': { en: "the file '{{file}}' is already asset '{{id}}'; refer to that asset instead", 'zh-CN': '文件“{{file}}”已经是素材“{{id}}”了；请改为引用那个素材' },
  'source.unknown': { en: "source '{{ref}}' is not one of the pack's sources: {{known}}", 'zh-CN': '来源“{{ref}}”不是内容包的来源之一：{{known}}' },
  'step.id-in-other': {
    en: "id '{{id}}' is already used in {{mechanic}} step '{{first}}'; ids must be unique among a scenario's {{mechanic}} steps",
    'zh-CN': 'id“{{id}}”已在 {{mechanic}} 步骤“{{first}}”中使用；同一场景的 {{mechanic}} 步骤之间 id 不能重复',
  },
  'step.unknown-target': { en: "step '{{to}}' is not one of the steps ({{known}}) or end", 'zh-CN': '“{{to}}”既不是步骤之一（{{known}}），也不是 end' },
  'step.id-end': { en: "'end' cannot be a step's id: it means the result (next: end)", 'zh-CN': '步骤的 id 不能是“end”：它表示结果（next: end）' },
  'step.loop': { en: "going to step '{{to}}' makes a loop; every path through the scenario must end", 'zh-CN': '跳到步骤“{{to}}”会形成循环；场景的每条路径都必须有结束' },
  'step.unreachable': { en: "step '{{id}}' cannot be reached from the first step", 'zh-CN': '从第一个步骤无法到达步骤“{{id}}”' },
  'step.knowledge-bypass': {
    en: 'a visitor can reach the result this way without playing a knowledge check ({{checks}}), and pass without it',
    'zh-CN': '游客可以从这里绕过所有知识检测（{{checks}}）直接到达结果，并且不做检测也能通过',
  },

  // Pack formats (migrations.ts).
  'version.required': {
    en: 'is required: the {{what}} format the file is written for ({{current}} for a new pack; this build reads {{readable}})',
    'zh-CN': (p) => `必须填写：文件所用的${zhWhat(p.what)}格式（新内容包填 ${p.current}；本版本可读取${zhReadable(p.readable)}）`,
  },
  'version.whole': {
    en: 'must be a whole number, the {{what}} format ({{current}} for a new pack; this build reads {{readable}})',
    'zh-CN': (p) => `必须是整数，即${zhWhat(p.what)}格式（新内容包填 ${p.current}；本版本可读取${zhReadable(p.readable)}）`,
  },
  'version.newer': {
    en: '{{what}} format {{version}} is newer than this build reads ({{readable}}); update the Ruyi software to load this pack',
    'zh-CN': (p) => `${zhWhat(p.what)}格式 ${p.version} 比本版本能读取的更新（${zhReadable(p.readable)}）；请更新如意软件后再加载`,
  },
  'version.old': {
    en: '{{what}} format {{version}} is not one this build reads ({{readable}})',
    'zh-CN': (p) => `本版本不能读取${zhWhat(p.what)}格式 ${p.version}（可读取${zhReadable(p.readable)}）`,
  },
  'version.no-migration': { en: 'no migration from pack format {{from}} to {{to}} (this is a bug in Ruyi)', 'zh-CN': '没有从格式 {{from}} 到 {{to}} 的迁移（这是如意软件的错误）' },

  // Translations (translations.ts).
  'text.missing-locale': {
    en: "no '{{locale}}' text (the pack declares {{locale}}); English will be shown",
    'zh-CN': '缺少“{{locale}}”文本（内容包声明了 {{locale}}）；将显示英文',
  },
  'text.undeclared-locale': {
    en: "{{what}} in '{{locale}}', but the pack does not declare {{locale}} (locales: in pack.yaml); add {{locale}} there or remove this",
    'zh-CN': '有“{{locale}}”的{{what}}，但内容包没有声明 {{locale}}（pack.yaml 的 locales:）；请在那里加上 {{locale}}，或删除这一项',
  },
  'text.chinese-space': {
    en: "the Chinese text has a space inside it, at '{{excerpt}}'{{more}}: YAML joins the lines of a text broken over several lines (as with >-) with spaces, which shows in Chinese; write the Chinese text on one line",
    'zh-CN': (p) => {
      const more = /\(and (\d+) more\)/.exec(String(p.more ?? ''));
      return `中文文本中间有空格，位置在“${p.excerpt}”${more ? `（另有 ${more[1]} 处）` : ''}：YAML 会用空格连接分成多行的文本（如 >-），在中文里会显示出来；请把中文写在一行`;
    },
  },

  // Asset files (assets.ts). The more specific wordings first.
  'asset.image-too-big': {
    en: '{{where}} is {{width}} × {{height}} px; an image may be at most {{max}} px on each side (scale it down)',
    'zh-CN': '{{where}} 为 {{width}} × {{height}} 像素；图片每边最多 {{max}} 像素（请缩小）',
  },
  'asset.audio-too-long': { en: '{{where}} is {{seconds}} s long; a recording may be at most {{max}} s', 'zh-CN': '{{where}} 长 {{seconds}} 秒；录音最长 {{max}} 秒' },
  'asset.texture-unread': {
    en: '{{where}}: the size of {{texture}} could not be read; keep textures at most {{max}} px on each side',
    'zh-CN': '{{where}}：无法读取 {{texture}} 的尺寸；贴图每边请不要超过 {{max}} 像素',
  },
  'asset.texture-too-big': {
    en: '{{where}} has a {{width}} × {{height}} px {{texture}}; textures may be at most {{max}} px on each side',
    'zh-CN': '{{where}} 的 {{texture}} 为 {{width}} × {{height}} 像素；贴图每边最多 {{max}} 像素',
  },
  'asset.triangles': { en: '{{where}} has {{triangles}} triangles; a model may have at most {{max}} (simplify it)', 'zh-CN': '{{where}} 有 {{triangles}} 个三角形；模型最多 {{max}} 个（请简化）' },
  'asset.unreadable': { en: '{{where}} could not be read: {{reason}}', 'zh-CN': '无法读取 {{where}}：{{reason}}' },
  'asset.missing-file': {
    en: 'there is no file {{where}} in the pack{{hint}}',
    'zh-CN': (p) => `内容包里没有文件 ${p.where}${p.hint ? '（路径已经相对于 assets/：请去掉开头的“assets/”）' : ''}`,
  },
  'asset.wrong-format': { en: '{{where}} is not {{what}} the kiosk can use ({{extensions}}): {{reason}}', 'zh-CN': '{{where}} 不是展台能使用的{{what}}（{{extensions}}）：{{reason}}' },

  // Archives (packages/pack-archive), as an upload's problems.
  'archive.compressed-twice': {
    en: 'the archive is compressed twice; a .ruyipack.tgz is a tar compressed once with gzip',
    'zh-CN': '压缩包被压缩了两次；.ruyipack.tgz 应是只用 gzip 压缩一次的 tar 包',
  },
  'archive.too-many-entries': { en: 'the archive has more than {{max}} entries, the most a pack archive may have', 'zh-CN': '压缩包里的条目超过 {{max}} 个，这是内容包压缩包的上限' },
  'archive.file-too-big': { en: "'{{path}}' is {{size}}; a file may be at most {{max}}", 'zh-CN': '“{{path}}”大小为 {{size}}；单个文件最大 {{max}}' },
  'archive.total-too-big': { en: 'the files in the archive add up to more than {{max}}, the most a pack may have', 'zh-CN': '压缩包里的文件总大小超过 {{max}}，这是内容包的上限' },
  'archive.bomb': {
    en: 'uncompressed, the archive grows past {{max}}, the most a pack may hold; stopped reading it (a compression bomb?)',
    'zh-CN': '解压后压缩包超过 {{max}}（内容包的上限）；已停止读取（可能是压缩炸弹）',
  },
  'archive.too-many-problems': { en: 'stopped reading after {{max}} problems', 'zh-CN': '发现 {{max}} 个问题后停止读取' },
  'archive.tampered': {
    en: 'pack.yaml says {{key}} {{a}} but ruyi-pack.json says {{b}}: the archive was tampered with',
    'zh-CN': 'pack.yaml 中 {{key}} 为 {{a}}，但 ruyi-pack.json 中为 {{b}}：压缩包被改动过',
  },
  // Last: its wording is the most general of the size limits.
  'asset.too-large': { en: '{{where}} is {{size}}; {{what}} may be at most {{max}}', 'zh-CN': '{{where}} 大小为 {{size}}；{{what}}最大 {{max}}' },

  // Last, and only ever sent with their codes: a quoted name (or a field of ruyi-pack.json) and any reason.
  'archive.entry-path': { en: "'{{path}}' {{reason}}", 'zh-CN': '路径“{{path}}”{{reason}}', codeOnly: true },
  'archive.meta-field': { en: 'ruyi-pack.json {{key}}: {{reason}}', 'zh-CN': 'ruyi-pack.json 中的 {{key}}：{{reason}}', codeOnly: true },
  'archive.meta': { en: 'ruyi-pack.json: {{reason}}', 'zh-CN': 'ruyi-pack.json 有误：{{reason}}', codeOnly: true },
  'archive.meta-file-path': { en: "ruyi-pack.json files: '{{path}}' {{reason}}", 'zh-CN': 'ruyi-pack.json 的 files 中，“{{path}}”{{reason}}', codeOnly: true },
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof CATALOGUE;
