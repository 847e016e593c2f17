// The Simplified Chinese catalog (zh_CN): every English key, in the words of Chinese
// developer tools. Terms such as EventSource, fetch and retry: stay as they are.
import type { MessageKey } from './en';
import type { Message } from './message';

export const zhCN: Readonly<Record<MessageKey, Message>> = {
  'unit.bytes': '{n} 字节',
  'unit.kb': '{n} KB',
  'unit.mb': '{n} MB',
  'unit.gb': '{n} GB',
  'unit.truncatedSize': '{size}（已截断）',
  'unit.ms': '{n} 毫秒',
  'unit.s': '{n} 秒',
  'unit.minSec': '{m} 分 {s} 秒',
  'unit.hourMin': '{h} 小时 {m} 分',

  'app.noTab':
    'SSE Lens 无法确定要检查哪个标签页。请从开发者工具中的 SSE 面板打开它，或在此页面地址后添加 ?tabId=N。',

  'toolbar.label': 'SSE 捕获',
  'toolbar.pause': '暂停记录',
  'toolbar.resume': '继续记录',
  'toolbar.clear': '清除',
  'toolbar.preserveLogTitle': '页面导航时保留连接和帧',
  'toolbar.preserveLog': '保留日志',
  'toolbar.frameCountTitle': '所有连接收到的帧数，包括之后已从内存中逐出的帧',
  'toolbar.frames': '帧',

  'filter.placeholder': '过滤（文本或 /正则/）',
  'filter.label': '按数据、类型、ID 或连接 URL 过滤帧',
  'filter.invalid': '无效的正则表达式：{error}',
  'filter.title': '文本，或 /正则/标志',
  'filter.eventType': '事件类型',
  'filter.allTypes': '所有类型',
  'filter.connectionKind': '连接类型',
  'filter.allKinds': '所有连接类型',
  'filter.shown': '显示 {count} 条',

  'deep.label': '深度捕获',
  'deep.turnOff': '关闭深度捕获',
  'deep.turnOn': '开启深度捕获',
  'deep.notGranted': '深度捕获需要 debugger 权限，但该权限未被授予。',
  'deep.firefox':
    'Firefox 暂不支持深度捕获：它依赖 Chrome 的调试器 API，而 Firefox 不向扩展提供该 API。页面钩子仍会捕获页面监听的每个流。',
  'deep.hint':
    '深度捕获会将 Chrome 的调试器附加到此标签页，以读取线路上的每个事件；开启期间 Chrome 会显示“SSE Lens 已开始调试此浏览器”提示栏。',

  'settings.label': '内存设置',
  'settings.title': '内存：面板保留多少帧和多少数据',
  'settings.intro': '面板在两项上限内保留最新的帧；较旧的帧会先被逐出。',
  'settings.framesKept': '保留帧数',
  'settings.dataKept': '保留数据（Mi 字符）',
  'settings.holding': '当前保留 {frames} 帧、{kib} Ki 字符的数据。',
  'settings.evicted': '迄今已从面板内存中逐出 {count} 个较旧的帧。',
  'settings.nothingEvicted': '尚未从面板内存中逐出任何内容。',
  'settings.defaults': '默认值',
  'settings.cancel': '取消',
  'settings.apply': '应用',
  'settings.language': '语言',
  'settings.browserLanguage': '跟随浏览器语言',

  'notice.staleHook': '已拒绝 {count} 条记录：页面钩子已过期，请重新加载页面',
  'notice.staleHookTip':
    '页面的捕获钩子使用的协议版本与此扩展不同：页面是在 SSE Lens 更新或重新加载之前加载的。其记录无法安全读取，已被拒绝。请重新加载页面以捕获它。',
  'notice.malformed': '已拒绝 {count} 条格式错误的记录',
  'notice.malformedTip':
    '来自页面环境、不符合预期结构的记录已被丢弃。页面钩子从不发送此类记录：这说明 SSE Lens 存在缺陷，或页面代码篡改了捕获。',
  'notice.untracked': '{count} 个连接未被跟踪（超出上限）',
  'notice.untrackedTip':
    '某个文档的活动连接数超过了 SSE Lens 的跟踪上限（{max}），或其 URL 和调用栈超出了每个文档 {mebi} Mi 字符的记录空间。之后的连接只计数、不跟踪：其 {records} 个帧和状态变化未被记录。',
  'notice.droppedByHook': '页面钩子丢弃了 {count} 条',
  'notice.droppedByHookTip':
    '页面钩子在其通往扩展内容脚本的通道打开之前丢弃的记录：在此之前它只保留有限数量（例如内容脚本未启动的框架，或在其启动前涌入的大量记录）。',
  'notice.evictedSource': '{count} 条已从页面缓冲区逐出',
  'notice.evictedSourceTip':
    '页面的内容脚本在此面板收到之前从其缓冲区逐出的记录（每个文档保留最新的 {frames} 帧和 {mebi} Mi 字符的数据）。捕获期间请保持面板打开，以实时接收全部内容。',
  'notice.evictedPanel': '{count} 条较旧的记录已从面板内存中逐出',
  'notice.evictedPanelTip':
    '为保持在上限之内（内存设置），从此面板内存中按从旧到新顺序丢弃的帧。它们所属的连接仍计入这些帧。',
  'notice.paused': '暂停期间有 {count} 条未记录',
  'notice.pausedTip': '记录暂停期间到达的记录未被保留。',
  'notice.wireUnmatched': '{count} 条线路记录未匹配到任何连接',
  'notice.wireUnmatchedTip':
    '深度捕获在某个流上看到了这些事件或字节，但页面钩子没有报告对应的连接（例如在页面钩子运行前打开的流），因此不予显示。',
  'notice.wireMissed': {
    other: '{count} 个流在深度捕获开始前已打开：重新加载以查看其线路数据',
  },
  'notice.wireMissedTip':
    '深度捕获开始时这些流已经打开，而 Chrome 不会报告它未从一开始就监视的请求的任何内容：这些流没有未监听的事件、注释或 retry:，只有页面钩子看到的内容。重新加载页面（或等待其重连）即可在线路上捕获它们。',
};
