// The Simplified Chinese catalog (zh_CN) of the `sse-lens` command line: every key of
// cli-en.ts. Options, file extensions and terms such as retry:, Last-Event-ID stay as they are.
import type { Message } from '../../i18n/message';
import type { CliKey } from './cli-en';

export const cliZhCN: Readonly<Record<CliKey, Message>> = {
  usage: `用法：sse-lens replay <capture.json|capture.har|stream.sse|stream.ndjson> [--port N] [--speed X] [--loop]

在 127.0.0.1 上把每个捕获的连接作为一个 SSE 端点提供，按原样重现其帧、时序、
重连和失败，并从客户端的 Last-Event-ID 处继续。fetch/XHR 流只响应捕获时的请求方法
（例如 POST），并返回记录下来的状态码、Content-Type 和响应体。

  --port N       监听的端口（默认 0：任意空闲端口）
  --speed X      以 X 倍速播放（默认 1；0.5 为半速）
  --loop         播放完最后一帧后从头再来，而不是停止
  --lang L       这些消息的语言：en、zh_CN 或 ru
                 （默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  -h, --help     显示此帮助
  -v, --version  显示 sse-lens 的版本

按 Ctrl-C 停止（退出码 0）。退出码 1：无法使用该捕获文件或端口；
2：命令行有误。
`,

  'usage.needsValue': '{option} 需要一个值，例如 {option} {example}',
  'usage.unknownOption': '未知选项 {option}',
  'usage.noCommand': '未指定命令；可用的命令是 replay',
  'usage.unknownCommand': '未知命令 "{command}"；请使用 replay',
  'usage.needsFile': 'replay 需要一个捕获文件',
  'usage.oneFile': 'replay 只接受一个捕获文件，但给出了 {count} 个',
  'usage.badPort': '--port 必须是 0 到 65535 之间的整数（0 表示任意空闲端口）；收到的是 "{text}"',
  'usage.badSpeed': '--speed 必须是大于 0 的数字（2 为两倍速，0.5 为半速）；收到的是 "{text}"',
  'usage.backwardSpeed':
    '--speed 必须是大于 0 的数字（2 为两倍速，0.5 为半速）；收到的是 "{text}"（回放不能倒着进行）',
  'usage.badLang': '--lang 必须是 en、zh_CN 或 ru；收到的是 "{text}"',

  'fail.cannotReplay': '无法回放 {name}：{reason}',
  'fail.noConnections': '{name} 中没有可回放的连接',
  'fail.directory': '{path} 是一个目录；请给出捕获文件（.json、.har 或 .sse）',
  'fail.empty': '{name} 是空文件：没有可回放的内容',
  'fail.noFile': '文件 {path} 不存在',
  'fail.permission': '无法读取 {path}：权限不足',
  'fail.portInUse':
    '127.0.0.1 上的端口 {port} 已被其他程序占用；请用 --port 另选一个端口，或省略该选项以使用任意空闲端口',
  'fail.portDenied':
    '不允许监听端口 {port}（1024 以下的端口需要管理员权限）；请用 --port 另选一个端口',
  'fail.unexpected': '意外错误：{error}',
  stopping: '正在停止回放',
  'fail.stream': '回放出错：',

  'start.title': 'SSE Lens 回放 {name}：{connections}，速度 {speed}x，循环{loop}',
  'start.loopOn': '开',
  'start.loopOff': '关',
  'start.was': '原为 {original}（{frames}，{attempts}）',
  'start.notes': '未能完全重现：',
  'start.index': '索引：{url}  按 Ctrl-C 停止。',
  'count.connections': { other: '{count} 个连接' },
  'count.frames': { other: '{count} 帧' },
  'count.attempts': { other: '{count} 次尝试' },

  'note.unrecorded': {
    other: '{count} 次失败的尝试没有记录 HTTP 状态码：以 204 No Content 响应',
  },
  'note.inferred': {
    other:
      '{count} 个重连延迟不是服务器以 retry: 发送的（或捕获时看不到）：回放会先发送一条说明注释，再发送根据观测到的延迟推断出的 retry:',
  },
  'note.queued': {
    other:
      '导出时仍有 {count} 次尝试因连接数上限在排队，服务器会如何响应无从得知：以一个打开但没有帧的流响应',
  },
  'note.unanswered': {
    other: '{count} 次尝试在导出时尚未收到响应：按捕获时的样子，保持不响应',
  },
  'note.timeless': {
    other:
      '{count} 个连接没有时序信息（.sse 文件，或所有帧都在同一毫秒内）：各帧间隔 {gap} 毫秒发送，再除以 --speed',
  },
  'note.incomplete': {
    other:
      '{count} 个 fetch 流帧没有被完整捕获（在大小上限处被截断，或是压缩过的 Connect 负载）：按捕获的内容发送',
  },
  'note.unansweredFetch': {
    other: '{count} 个 fetch 流在导出时尚未收到响应：按捕获时的样子，保持不响应',
  },
};
