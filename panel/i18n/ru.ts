// The Russian catalog (ru): every English key, in the words of Russian developer tools, with
// one/few/many plural forms. Terms such as EventSource, fetch and retry: stay as they are.
import type { MessageKey } from './en';
import type { Message } from './message';

export const ru: Readonly<Record<MessageKey, Message>> = {
  'unit.bytes': '{n} Б',
  'unit.kb': '{n} КБ',
  'unit.mb': '{n} МБ',
  'unit.gb': '{n} ГБ',
  'unit.truncatedSize': '{size} (обрезано)',
  'unit.ms': '{n} мс',
  'unit.s': '{n} с',
  'unit.minSec': '{m} мин {s} с',
  'unit.hourMin': '{h} ч {m} мин',

  'app.noTab':
    'SSE Lens не может определить, какую вкладку исследовать. Откройте панель SSE в DevTools или добавьте ?tabId=N к адресу этой страницы.',

  'toolbar.label': 'Захват SSE',
  'toolbar.pause': 'Приостановить запись',
  'toolbar.resume': 'Возобновить запись',
  'toolbar.clear': 'Очистить',
  'toolbar.preserveLogTitle': 'Сохранять соединения и кадры при переходе страницы',
  'toolbar.preserveLog': 'Сохранять журнал',
  'toolbar.frameCountTitle':
    'Кадры, полученные по всем соединениям, включая уже вытесненные из памяти',
  'toolbar.frames': { one: 'кадр', few: 'кадра', many: 'кадров', other: 'кадра' },

  'filter.placeholder': 'Фильтр (текст или /regex/)',
  'filter.label': 'Фильтр кадров по данным, типу, id или URL соединения',
  'filter.invalid': 'Недопустимое регулярное выражение: {error}',
  'filter.title': 'Текст или /regex/флаги',
  'filter.eventType': 'Тип события',
  'filter.allTypes': 'Все типы',
  'filter.connectionKind': 'Вид соединения',
  'filter.allKinds': 'Все виды',
  'filter.shown': 'Показано: {count}',

  'deep.label': 'Глубокий захват',
  'deep.turnOff': 'Выключить глубокий захват',
  'deep.turnOn': 'Включить глубокий захват',
  'deep.notGranted': 'Для глубокого захвата нужно разрешение debugger, но оно не было выдано.',
  'deep.firefox':
    'Глубокий захват пока недоступен в Firefox: он использует API отладчика Chrome, которого Firefox не предоставляет расширениям. Хук страницы по-прежнему захватывает каждый поток, который слушает страница.',
  'deep.hint':
    'Глубокий захват подключает отладчик Chrome к этой вкладке, чтобы читать каждое событие в сети; пока он включён, Chrome показывает панель «SSE Lens отлаживает этот браузер».',

  'settings.label': 'Настройки памяти',
  'settings.title': 'Память: сколько кадров и данных хранит панель',
  'settings.intro':
    'Панель хранит самые новые кадры в пределах обоих ограничений; более старые вытесняются первыми.',
  'settings.framesKept': 'Хранить кадров',
  'settings.dataKept': 'Хранить данных (Mi символов)',
  'settings.holding': 'Хранится кадров: {frames}, данных: {kib} Ki символов.',
  'settings.evicted': 'Из памяти панели уже вытеснено старых кадров: {count}.',
  'settings.nothingEvicted': 'Из памяти панели ничего не вытеснено.',
  'settings.defaults': 'По умолчанию',
  'settings.cancel': 'Отмена',
  'settings.apply': 'Применить',
  'settings.language': 'Язык',
  'settings.browserLanguage': 'Язык браузера',

  'notice.staleHook': {
    one: '{count} запись отклонена: устаревший хук страницы, перезагрузите страницу',
    few: '{count} записи отклонены: устаревший хук страницы, перезагрузите страницу',
    many: '{count} записей отклонено: устаревший хук страницы, перезагрузите страницу',
    other: '{count} записи отклонено: устаревший хук страницы, перезагрузите страницу',
  },
  'notice.staleHookTip':
    'Хук захвата на странице использует другую версию протокола, чем это расширение: страница была загружена до обновления или перезагрузки SSE Lens. Его записи нельзя безопасно прочитать, и они отклонены. Перезагрузите страницу, чтобы захватывать её.',
  'notice.malformed': {
    one: '{count} некорректная запись отклонена',
    few: '{count} некорректные записи отклонены',
    many: '{count} некорректных записей отклонено',
    other: '{count} некорректной записи отклонено',
  },
  'notice.malformedTip':
    'Записи из мира страницы, не соответствующие ожидаемой структуре, отброшены. Хук страницы никогда не отправляет такие записи: это указывает на ошибку в SSE Lens или на вмешательство кода страницы в захват.',
  'notice.untracked': {
    one: '{count} соединение не отслеживается (превышен лимит)',
    few: '{count} соединения не отслеживаются (превышен лимит)',
    many: '{count} соединений не отслеживаются (превышен лимит)',
    other: '{count} соединения не отслеживаются (превышен лимит)',
  },
  'notice.untrackedTip':
    'В документе было больше активных соединений, чем отслеживает SSE Lens ({max}), или их URL и стеки превысили {mebi} Mi символов служебных данных на документ. Дальнейшие соединения подсчитываются, но не отслеживаются: {records} их кадров и смен состояния не записано.',
  'notice.droppedByHook': 'Отброшено хуком страницы: {count}',
  'notice.droppedByHookTip':
    'Записи, которые хук страницы отбросил до открытия канала к контент-скрипту расширения: до этого он хранит ограниченное число записей (фрейм, в котором контент-скрипт не запустился, или поток записей до его запуска).',
  'notice.evictedSource': 'Вытеснено из буфера страницы: {count}',
  'notice.evictedSourceTip':
    'Записи, которые контент-скрипт страницы вытеснил из своего буфера (он хранит новейшие {frames} кадров и {mebi} Mi символов данных на документ) до того, как их получила эта панель. Держите панель открытой во время захвата, чтобы получать всё вживую.',
  'notice.evictedPanel': 'Старых записей вытеснено из памяти панели: {count}',
  'notice.evictedPanelTip':
    'Кадры, удалённые из памяти этой панели, начиная со старых, чтобы не превышать её ограничения (настройки памяти). Их соединения по-прежнему их учитывают.',
  'notice.paused': 'Не записано во время паузы: {count}',
  'notice.pausedTip': 'Записи, поступившие, пока запись была приостановлена, не сохранены.',
  'notice.wireUnmatched': 'Сетевых записей без соединения: {count}',
  'notice.wireUnmatchedTip':
    'Глубокий захват увидел эти события или байты в потоке, для которого хук страницы не сообщил о соединении (например, поток открыт до запуска хука), поэтому они не показаны.',
  'notice.wireMissed': {
    one: '{count} поток открыт до глубокого захвата: перезагрузите, чтобы увидеть его в сети',
    few: '{count} потока открыты до глубокого захвата: перезагрузите, чтобы увидеть их в сети',
    many: '{count} потоков открыто до глубокого захвата: перезагрузите, чтобы увидеть их в сети',
    other: '{count} потока открыто до глубокого захвата: перезагрузите, чтобы увидеть их в сети',
  },
  'notice.wireMissedTip':
    'Эти потоки уже были открыты, когда начался глубокий захват, а Chrome ничего не сообщает о запросе, за которым он не следил с самого начала: для них нет неслушаемых событий, комментариев и retry:, есть только то, что увидел хук страницы. Перезагрузите страницу (или дождитесь переподключения), чтобы захватить их в сети.',

  'conn.col.connection': 'Соединение',
  'conn.col.status': 'Статус',
  'conn.col.frames': 'Кадры',
  'conn.col.retries': 'Повторы',
  'conn.col.size': 'Размер',
  'conn.col.time': 'Время',
  'conn.col.timeTitle': 'Возраст активного соединения, время жизни закрытого',
  'conn.col.frame': 'Фрейм',
  'conn.col.frameTitle': 'Документ (верхний или iframe), открывший соединение',
  'conn.listLabel': 'Соединения',
  'conn.all': 'Все соединения',
  'conn.allSummary': 'всего {total}, открыто {open}',
  'conn.allQueued': ', в очереди {queued}',
  'conn.importedFrom': 'Импортировано из {name}',
  'conn.imported': 'импорт',
  'conn.openedByContext': 'Открыто из контекста «{context}» {url}',
  'conn.mislabelledTitle': 'Поток отдан с Content-Type, который EventSource отклонил бы',
  'conn.mislabelled': 'неверный тип',
  'conn.saidFrames': { one: 'кадр', few: 'кадра', many: 'кадров', other: 'кадра' },
  'conn.saidRetries': { one: 'повтор', few: 'повтора', many: 'повторов', other: 'повтора' },
  'conn.saidOpenFor': 'открыто',
  'conn.saidLasted': 'длилось',
  'conn.saidOpenedBy': 'открыто из',
  'conn.saidDocument': 'документа',
  'conn.top': 'верхний',
  'conn.seenByDeep': '{context}: {url} (обнаружено глубоким захватом)',
  'conn.frameLine': 'Фрейм: {url}',
  'conn.listensFor': 'Слушает: {types}',
  'conn.initiator': 'Инициатор:',
  'context.worker': 'воркер',
  'context.sharedworker': 'общий воркер',
  'context.serviceworker': 'сервис-воркер',

  'state.connecting': 'подключение',
  'state.open': 'открыто',
  'state.closed': 'закрыто',
  'state.queued': 'в очереди',
  'state.reconnecting': 'переподключение',
  'state.awaitingServer': 'ждёт сервер',
  'state.notAStream': 'не поток',
  'state.http': 'Ошибка HTTP {status}',
  'state.httpError': 'Ошибка HTTP',
  'state.aborted': 'прервано',
  'state.cancelled': 'отменено',
  'state.networkError': 'сетевая ошибка',
  'state.openTitle': 'Открыто: занимает соединение и получает события.',
  'state.awaitingServerTitle': 'Занимает соединение: запрос отправлен, сервер ещё не ответил.',
  'state.queuedTitle': 'В очереди из-за лимита соединений: свободного соединения пока нет.',
  'state.reconnectingTitle':
    'Переподключение после ошибки: выжидает задержку retry, не занимая соединение.',
  'state.queuedFor':
    'В очереди из-за лимита соединений уже {wait}. Вид бюджета показывает соединения, занимающие слоты.',
  'state.awaitingServerFor':
    'Ожидание сервера уже {wait}: запрос занимает соединение, но ответа пока нет.',
  'state.notAStreamTitle': 'Ответ не был потоком',
  'state.closedTitle': 'Тело ответа завершилось штатно',

  'budget.assumed': 'предполагается HTTP/1.1',
  'budget.multiplexed': 'мультиплексирование',
  'budget.unknown': 'неизвестно',
  'budget.assumedNote': 'предполагается HTTP/1.1: протокол ещё не определён',
  'budget.streams': {
    one: '{count} поток',
    few: '{count} потока',
    many: '{count} потоков',
    other: '{count} потока',
  },
  'budget.perConnection': 'мультиплексирование (≈{limit} на соединение)',
  'budget.inUseOfLimit': 'занято соединений / лимит',
  'budget.chipQueued': '{endpoint} {use} · в очереди {queued}',
  'budget.pools': {
    one: '{count} пул',
    few: '{count} пула',
    many: '{count} пулов',
    other: '{count} пула',
  },
  'budget.full': 'заполнено: {count}',
  'budget.nearlyFull': 'почти заполнено: {count}',
  'budget.listSeparator': '; ',
  'budget.summaryProblems': '{pools}: {problems}',
  'budget.summaryOk': '{pools}, в пределах лимитов',
  'budget.otherTabs': {
    one: '{count} другой вкладкой',
    few: '{count} другими вкладками',
    many: '{count} другими вкладками',
    other: '{count} другой вкладки',
  },
  'budget.noTab': 'ни одной вкладкой',
  'budget.thisTabAnd': 'этой вкладкой и ещё {others}',
  'budget.thisTab': 'этой вкладкой',
  'budget.queuedSources': {
    one: '{count} EventSource',
    few: '{count} EventSource',
    many: '{count} EventSource',
    other: '{count} EventSource',
  },
  'budget.queuedOne': 'в очереди и ждёт уже {wait}.',
  'budget.queuedMany': 'в очереди и ждут до {wait}.',
  'budget.heldBy': 'заняты {holders}',
  'budget.headlineMux':
    'На {endpoint} занято {inUse} из примерно {limit} одновременных потоков {name} ({holders}).',
  'budget.headline': 'На {endpoint} занято {inUse} из {limit} соединений ({holders}{assumed}).',
  'budget.headlineH1':
    'На {endpoint} занято {inUse} из {limit} соединений HTTP/1.1 ({holders}{assumed}).',
  'budget.assumedSuffix': '; предполагается HTTP/1.1: протокол ещё не определён',
  'budget.muxWait': 'Новые потоки к этому хосту будут ждать, пока один из них не закроется.',
  'budget.fullCredentialed':
    'Любой другой запрос с этого сайта к этому хосту — fetch, изображения, навигация — тоже будет ждать.',
  'budget.fullAnonymous':
    'Любой другой запрос без учётных данных с этого сайта к этому хосту тоже будет ждать.',
  'budget.lastConnection':
    'Следующий поток или запрос с этого сайта к этому хосту займёт последнее соединение.',
  'budget.noneWaiting': 'никто не ждёт',
  'budget.waiting': 'ждёт {wait}',
  'budget.longestWait': 'дольше всех ждёт {wait}',
  'budget.tab': 'вкладка {id}',
  'budget.waitingFor': 'ждёт свободного соединения уже {wait}, с {since}',
  'budget.waited': 'ждал свободного соединения {took}, {from} → {to}',
};
