// The Russian catalog (ru) of the messages src/ makes for the panel and the CLI: every key of
// shared-en.ts, with one/few/many plural forms. Format and field names stay as they are.
import type { Message } from './message';
import type { SharedKey } from './shared-en';

export const sharedRu: Readonly<Record<SharedKey, Message>> = {
  'import.expected': '{path}: ожидается {expected}',
  'import.expectedFormat': '{path}: ожидается "{format}"',
  'expect.object': 'объект',
  'expect.array': 'массив',
  'expect.string': 'строка',
  'expect.boolean': 'true или false',
  'expect.number': 'число',
  'expect.count': 'целое число ≥ 0',
  'expect.time': 'время (мс от начала эпохи, ≥ 0)',
  'expect.oneOf': 'одно из значений: {values}',
  'expect.pair': 'пара [имя, значение]',
  'expect.httpStatus': 'HTTP-статус (100–599)',
  'expect.isoDate': 'дата в формате ISO',
  'expect.base64': 'текст в base64',
  'import.unknownProperty': '{path}: неизвестное свойство "{key}"',
  'import.tooManyItems': '{path}: больше {max} элементов',
  'import.tooManyConnections': '{path}: больше {max} соединений',
  'import.tooManyStreams': '{path}: больше {max} потоков событий',
  'import.tooManyFrames': 'в файле больше {max} кадров — больше, чем вмещает панель',
  'import.noDetails': '{path}: у соединения "{id}" нет _sseLens.details',
  'import.noEvents': 'нет событий: файл не является text/event-stream хотя бы с одним событием',
  'import.noLines': 'нет строк: файл NDJSON пуст',
  'import.notCaptureText':
    'это не захват: ожидается JSON SSE Lens, файл HAR, файл text/event-stream (.sse) или NDJSON (.ndjson)',
  'import.notCaptureJson': 'это не захват: JSON не является ни захватом SSE Lens, ни файлом HAR',
  'import.invalidJson': 'некорректный JSON ({error})',
  'import.harNoStreams':
    'в HAR нет потоков событий: ни у одной записи нет _eventSourceMessages, ответа text/event-stream, NDJSON или Connect или типа ресурса eventsource',
  'import.version':
    '{path}: эта версия SSE Lens читает захваты версии {wanted}, а файл имеет версию {found}',
  'import.tooLarge': 'размер файла {size} МБ; SSE Lens импортирует файлы не больше {max} МБ',
  'import.unreadable': 'не удалось прочитать файл ({error})',

  'protocol.seenNavigation': '{protocol} замечен при переходе на {url}',
  'protocol.seenRequest': '{protocol} замечен в запросе к {url}',
  'protocol.notLearned': 'пока не определён: на странице нет завершённых запросов к этому адресу',
  'protocol.inferred': {
    one: 'выведено: одновременно открыт {count} поток — больше, чем допускает HTTP/1.1',
    few: 'выведено: одновременно открыто {count} потока — больше, чем допускает HTTP/1.1',
    many: 'выведено: одновременно открыто {count} потоков — больше, чем допускает HTTP/1.1',
    other: 'выведено: одновременно открыто {count} потока — больше, чем допускает HTTP/1.1',
  },

  'delay.ms': '{n} мс',
  'delay.s': '{n} с',
  'retry.label': 'задержка {delay}, {basis}',
  'retry.basis.assumed': 'предполагаемая',
  'retry.basis.observed': 'наблюдаемая',
  'retry.why.assumed':
    'предполагаемая: значение браузера по умолчанию, когда сервер не шлёт retry:',
  'retry.why.observed':
    'наблюдаемая: не больше паузы, которую этот поток выдержал после прошлой ошибки',
  'retry.waiting':
    'Выжидает задержку переподключения ({delay}, {why}); до нового запроса соединение не занимает. {unseen}',
  'retry.requested':
    'Снова отправил запрос через {delay} после ошибки ({why}); с тех пор борется за соединение как новый поток. {unseen}',
  'retry.unseen': 'Страница не видит ни поле retry: сервера, ни новый запрос.',

  'path.unreadable': 'не удаётся разобрать путь начиная с "{rest}"',
  'path.empty': 'путь пуст',
  'deepCapture.notGranted':
    'Firefox не позволяет панели DevTools запрашивать разрешения: разрешите глубокий захват на открывшейся вкладке SSE Lens, затем включите его снова.',
  'deepCapture.detached': 'Chrome отключил отладчик ({reason}).',
  'llm.textPath': 'путь к тексту: {problem}',
  'llm.reasoningPath': 'путь к рассуждениям: {problem}',
  'llm.finishPath': 'путь к причине завершения: {problem}',
  'llm.notJson': 'кадр не является JSON: {data}',
  'llm.notObject': 'кадр не является JSON-объектом: {data}',

  'note.unterminatedEvent':
    'не завершено: поток кончился до пустой строки, которая отправляет событие',
  'note.unterminatedLine': 'не завершено: поток кончился до конца этой строки',
  'note.notJson': 'не JSON: {error}',
  'note.notObject': 'не объект JSON',
  'note.endOfStream': 'конец потока: {state}',
  'note.ok': 'без ошибок',
  'note.error': 'ошибка {code}',
  'note.errorNoCode': 'ошибка без кода',
  'note.errorMessage': '{error}: «{message}»',
  'note.errorDetails': {
    one: '{error} ({count} подробность)',
    few: '{error} ({count} подробности)',
    many: '{error} ({count} подробностей)',
    other: '{error} ({count} подробности)',
  },
  'note.trailers': {
    one: '{count} трейлер',
    few: '{count} трейлера',
    many: '{count} трейлеров',
    other: '{count} трейлера',
  },
  'note.afterEnd': 'после конверта конца потока',
  'note.unknownFlags': 'неизвестные флаги {flags}',
  'note.compressed': {
    one: 'сжатые данные, {count} байт, не распакованы',
    few: 'сжатые данные, {count} байта, не распакованы',
    many: 'сжатые данные, {count} байт, не распакованы',
    other: 'сжатые данные, {count} байта, не распакованы',
  },
  'note.compressedGzip': {
    one: 'сжатые данные (gzip), {count} байт, не распакованы',
    few: 'сжатые данные (gzip), {count} байта, не распакованы',
    many: 'сжатые данные (gzip), {count} байт, не распакованы',
    other: 'сжатые данные (gzip), {count} байта, не распакованы',
  },
  'note.truncatedPrefix': {
    one: 'обрезано: поток кончился, из {prefix}-байтового префикса конверта получен только {count} байт',
    few: 'обрезано: поток кончился, из {prefix}-байтового префикса конверта получено только {count} байта',
    many: 'обрезано: поток кончился, из {prefix}-байтового префикса конверта получено только {count} байт',
    other:
      'обрезано: поток кончился, из {prefix}-байтового префикса конверта получено только {count} байта',
  },
  'note.truncatedPayload': {
    one: 'обрезано: ожидался {count} байт данных, получено {received}',
    few: 'обрезано: ожидалось {count} байта данных, получено {received}',
    many: 'обрезано: ожидалось {count} байт данных, получено {received}',
    other: 'обрезано: ожидалось {count} байта данных, получено {received}',
  },
};
