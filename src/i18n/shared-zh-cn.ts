// The Simplified Chinese catalog (zh_CN) of the messages src/ makes for the panel and the CLI:
// every key of shared-en.ts. Format names (JSON, HAR, NDJSON) and field names stay as they are.
import type { Message } from './message';
import type { SharedKey } from './shared-en';

export const sharedZhCN: Readonly<Record<SharedKey, Message>> = {
  'import.expected': '{path}：应为{expected}',
  'import.expectedFormat': '{path}：应为 "{format}"',
  'expect.object': '对象',
  'expect.array': '数组',
  'expect.string': '字符串',
  'expect.boolean': 'true 或 false',
  'expect.number': '数字',
  'expect.count': '≥ 0 的整数',
  'expect.time': '时间（纪元毫秒数，≥ 0）',
  'expect.oneOf': '以下之一：{values}',
  'expect.pair': '[名称, 值] 对',
  'expect.httpStatus': 'HTTP 状态码（100–599）',
  'expect.isoDate': 'ISO 格式的日期',
  'expect.base64': 'base64 文本',
  'import.unknownProperty': '{path}：未知属性 "{key}"',
  'import.tooManyItems': '{path}：超过 {max} 项',
  'import.tooManyConnections': '{path}：超过 {max} 个连接',
  'import.tooManyStreams': '{path}：超过 {max} 个事件流',
  'import.tooManyFrames': '文件中的帧超过 {max} 个，超出了面板能容纳的数量',
  'import.noDetails': '{path}：连接 "{id}" 缺少 _sseLens.details',
  'import.noEvents': '没有事件：该文件不是至少含一个事件的 text/event-stream',
  'import.noLines': '没有任何行：该 NDJSON 文件为空',
  'import.notCaptureText':
    '不是捕获文件：应为 SSE Lens JSON、HAR 文件、text/event-stream（.sse）文件或 NDJSON（.ndjson）',
  'import.notCaptureJson': '不是捕获文件：该 JSON 既不是 SSE Lens 捕获，也不是 HAR 文件',
  'import.invalidJson': '不是有效的 JSON（{error}）',
  'import.harNoStreams':
    '该 HAR 中没有事件流：没有任何条目带有 _eventSourceMessages、text/event-stream、NDJSON 或 Connect 响应，或资源类型 eventsource',
  'import.version': '{path}：此版本的 SSE Lens 读取版本 {wanted} 的捕获，而该文件的版本为 {found}',
  'import.tooLarge': '该文件大小为 {size} MB；SSE Lens 最多导入 {max} MB 的文件',
  'import.unreadable': '无法读取该文件（{error}）',

  'protocol.seenNavigation': '在导航到 {url} 时发现使用 {protocol}',
  'protocol.seenRequest': '在请求 {url} 时发现使用 {protocol}',
  'protocol.notLearned': '尚未获知：页面中还没有发往此端点且已完成的请求',
  'protocol.inferred': '推断得出：同时打开了 {count} 个流，超过了 HTTP/1.1 允许的数量',

  'delay.ms': '{n} 毫秒',
  'delay.s': '{n} 秒',
  'retry.label': '延迟 {delay}，{basis}',
  'retry.basis.assumed': '假定值',
  'retry.basis.observed': '观测值',
  'retry.why.assumed': '假定值：服务器未发送 retry: 时浏览器的默认值',
  'retry.why.observed': '观测值：最多为此流在先前一次错误后表现出的间隔',
  'retry.waiting':
    '正在等待重连延迟结束（{delay}，{why}）；在再次发出请求之前，它不占用连接。{unseen}',
  'retry.requested': '出错 {delay}后再次发出请求（{why}）；此后它像新的流一样竞争连接。{unseen}',
  'retry.unseen': '页面既看不到服务器的 retry: 字段，也看不到新的请求。',

  'path.unreadable': '无法读取路径中 "{rest}" 处',
  'path.empty': '路径为空',

  'note.unterminatedEvent': '未结束：流在分派此事件的空行之前就结束了',
  'note.unterminatedLine': '未结束：流在这一行结束之前就结束了',
  'note.notJson': '不是 JSON：{error}',
  'note.notObject': '不是 JSON 对象',
  'note.endOfStream': '流结束：{state}',
  'note.ok': '正常',
  'note.error': '错误 {code}',
  'note.errorNoCode': '错误（无错误码）',
  'note.errorMessage': '{error}：{message}',
  'note.errorDetails': { other: '{error}（{count} 条详情）' },
  'note.trailers': { other: '{count} 个尾部元数据' },
  'note.afterEnd': '位于流结束信封之后',
  'note.unknownFlags': '未知标志 {flags}',
  'note.compressed': { other: '压缩的负载，{count} 字节，未解压' },
  'note.compressedGzip': { other: '压缩的负载（gzip），{count} 字节，未解压' },
  'note.truncatedPrefix': {
    other: '已截断：信封的 {prefix} 字节前缀只收到 {count} 字节，流就结束了',
  },
  'note.truncatedPayload': { other: '已截断：负载应有 {count} 字节，实际收到 {received} 字节' },
};
