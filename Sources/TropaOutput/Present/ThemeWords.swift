import TropaModel
import TropaAnalysis

/// The theme's own words in the site's language.
public struct ThemeWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private static let words: [String: (en: String, ru: String)] = [
        "catalogue": ("Customer journey maps", "Карты пути клиента"),
        "persona": ("Persona", "Персона"),
        "personas": ("Personas", "Персоны"),
        "product": ("Product", "Продукт"),
        "segment": ("Segment", "Сегмент"),
        "tags": ("Tags", "Теги"),
        "updated": ("Updated", "Обновлено"),
        "lastReview": ("Last measured", "Последний замер"),
        "nextReview": ("Next review", "Следующий замер"),
        "reviewNext": ("next:", "следующий:"),
        "reviewMapDate": ("the map's date", "дата карты"),
        "measurements": ("Measurements", "Замеры"),
        "history": ("History", "История"),
        "historyLink": ("History of this map", "История карты"),
        "historyVersions": ("Versions", "Версии"),
        "historyFirst": ("First version.", "Первая версия."),
        "historyCurve": ("Emotion curve, now and before", "Кривая эмоций: сейчас и раньше"),
        "historyNow": ("now", "сейчас"),
        "backToMap": ("Back to the map", "К карте"),
        "diff.workingTree": ("the working tree", "рабочая копия"),
        "diff.none": ("No changes to the journey.", "Карта не изменилась."),
        // The map's own fields as a diff names them.
        "diff.title": ("Title", "Название"), "diff.persona": ("Persona", "Персона"), "diff.product": ("Product", "Продукт"),
        "diff.segment": ("Segment", "Сегмент"), "diff.tags": ("Tags", "Теги"), "diff.evidence": ("Evidence", "Основание"),
        "diff.priority": ("Priority", "Приоритет"), "diff.updated": ("Updated", "Обновлена"),
        "diff.draft": ("Draft", "Черновик"), "diff.yes": ("yes", "да"), "diff.no": ("no", "нет"), "diff.audience": ("Audience", "Аудитория"), "diff.revenue": ("Revenue", "Выручка"),
        "diff.measurements": ("Measurements file", "Файл замеров"),
        "diff.links": ("Links", "Ссылки"),
        "stages": ("Stages", "Этапы"),
        "stageDescription": ("Stage description", "Описание этапа"),
        "layer": ("Layer", "Слой"),
        "map": ("Journey map", "Карта пути"),
        "emotionCurve": ("Emotion curve", "Кривая эмоций"),
        "outline": ("Mind map", "Майнд-карта"),
        "downloads": ("Downloads", "Скачать"),
        "downloadSVG": ("Emotion curve (SVG)", "Кривая эмоций (SVG)"),
        "downloadOPML": ("Outline (OPML)", "Структура (OPML)"),
        "downloadMM": ("Mind map (FreeMind)", "Майнд-карта (FreeMind)"),
        "downloadMarkdown": ("Outline (Markdown)", "Структура (Markdown)"),
        "downloadMermaid": ("User journey (Mermaid)", "Путь пользователя (Mermaid)"),
        "downloadJSON": ("Data (JSON)", "Данные (JSON)"),
        "downloadCSV": ("Table (CSV)", "Таблица (CSV)"),
        "draft": ("Draft", "Черновик"),
        "noProduct": ("No product", "Без продукта"),
        "noSegment": ("No segment", "Без сегмента"),
        "introduction": ("About this map", "О карте"),
        "mapsOfPersona": ("Maps for this persona", "Карты этой персоны"),
        "noMaps": ("No maps yet.", "Карт пока нет."),
        "positive": ("positive", "позитивный"),
        "negative": ("negative", "негативный"),
        "scoreOf": ("score", "оценка"),
        "curveDescription": ("Emotions by stage", "Эмоции по этапам"),
        "noScore": ("no score", "нет оценки"),
        "home": ("All maps", "Все карты"),
        "generated": ("Built with tropa", "Собрано tropa"),
        "skip": ("Skip to content", "К содержанию"),
        "analysis": ("Evaluation", "Оценка"),
        "whereToStart": ("Where to start", "С чего начать"),
        "funnel": ("Funnel", "Воронка"),
        "quadrant": ("NPS against conversion", "NPS против конверсии"),
        "quadrantNote": ("Each stage by its conversion (across) and NPS (up), split at the map's averages.",
                         "Каждый этап по конверсии (по горизонтали) и NPS (по вертикали); границы — средние по карте."),
        "averages": ("Averages", "Средние"),
        "pains": ("Pain points, the most hurting stage first", "Боли клиента: сначала самые острые этапы"),
        "timeline": ("Length of the journey", "Длительность пути"),
        "dashboard": ("Dashboard", "Сводка по картам"),
        "dashboardNote": ("Maps that lose the most customers come first.", "Сначала карты, которые теряют больше всего клиентов."),
        "evidence": ("Data", "Данные"),
        "evidence.hypothesis": ("hypothesis, not measured", "гипотеза, не измерено"),
        "evidence.walkthrough": ("walked through by the team, subjective", "пройдено командой, субъективно"),
        "evidence.interviews": ("customer interviews", "интервью с клиентами"),
        "evidence.analytics": ("analytics", "аналитика"),
        "mark.weakest": ("lowest conversion", "самая низкая конверсия"),
        "mark.pain": ("sharpest pain", "самая острая боль"),
        "mark.drop": ("sharp drop", "резкий спад"),
        "quadrant.both-high": ("Conversion and NPS both at or above the map's averages: look for more customers like these.",
                               "И конверсия, и NPS не ниже средних по карте: ищите больше таких клиентов."),
        "quadrant.npsBelowZero": ("Yet NPS is below zero: detractors outnumber promoters here too.",
                                  "Но NPS ниже нуля: критиков и здесь больше, чем сторонников."),
        "quadrant.npsAboveZero": ("Yet NPS is above zero: promoters outnumber detractors here.",
                                  "Но NPS выше нуля: сторонников здесь больше, чем критиков."),
        "quadrant.nps-high-conversion-low": (
            "Customers like it, but competitors probably do better: save the customer's time or money.",
            "Клиентам нравится, но конкуренты, видимо, делают это лучше: сэкономьте клиенту время или деньги."),
        "quadrant.nps-low-conversion-high": (
            "Something unique keeps customers despite their dissatisfaction: the ideal growth point.",
            "Что-то уникальное удерживает клиентов, несмотря на недовольство: идеальная точка роста."),
        "quadrant.both-low": ("Conversion and NPS both below the map's averages: change everything here.",
                              "И конверсия, и NPS ниже средних по карте: здесь нужно менять всё."),
        "quadrantName.both-high": ("Best of the map", "Лучшие на карте"),
        "quadrantName.nps-high-conversion-low": ("Liked, yet lost", "Нравится, но уходят"),
        "quadrantName.nps-low-conversion-high": ("Growth point", "Точка роста"),
        "quadrantName.both-low": ("Change everything", "Менять всё"),
        "conversion": ("conversion", "конверсия"),
        "reach": ("reach", "охват"),
        "noConversion": ("no conversion given: reach is not counted past here",
                         "конверсия не указана: дальше охват не считается"),
        "notReached": ("reach unknown", "охват неизвестен"),
        "noDuration": ("no duration given", "длительность не указана"),
        "target": ("target", "цель"),
        "targetMissed": ("missed", "не достигнута"),
        "getThrough": ("Get through", "Доходят до конца"),
        "weakestStage": ("Weakest stage", "Слабый этап"),
        "averageNPS": ("Average NPS", "Средний NPS"),
        "lowestEmotion": ("Lowest emotion", "Худшая эмоция"),
        "journeyMap": ("Map", "Карта"),
        "noFigures": ("no figures", "нет данных"),
        "path": ("Path", "Путь"),
        "mainPath": ("without the detour", "без ответвления"),
        "alternatives": ("Alternatives", "Варианты пути"),
        "fork": ("Fork", "Развилка"),
        "pp": ("pp", "п.\u{00A0}п."),
        "missedTargets": ("Missed targets", "Недостигнутые цели"),
        "column.stage": ("Stage", "Этап"),
        "column.conversion": ("Conversion", "Конверсия"),
        "column.reach": ("Reach", "Охват"),
        "column.nps": ("NPS", "NPS"),
        "column.emotion": ("Emotion", "Эмоция"),
        "column.reading": ("Reading", "Вывод"),
        "conversionHeading": ("Conversion", "Конверсия"),
        "conversionPercent": ("Conversion, %", "Конверсия, %"),
        "duration": ("Duration", "Длительность"),
        "emotion": ("Emotion", "Эмоция"),
        "matrix": ("Products and segments", "Продукты и сегменты"),
        "matrixNote": ("A row per product, a column per segment; the pairs with the highest priority and revenue first.",
                       "Строка — продукт, столбец — сегмент; сначала пары с высшим приоритетом и большей выручкой."),
        "noMapYet": ("no map yet", "карты пока нет"),
        "compareMaps": ("Compare the maps", "Сравнить карты"),
        "comparison": ("Comparison", "Сравнение"),
        "comparisonOf": ("Comparison of the maps", "Сравнение карт"),
        "comparisonNote": ("Stages are matched by name; a stage a map lacks is a gap in its line. ▼ marks each map's lowest conversion.",
                           "Этапы сопоставлены по названию; если этапа в карте нет, в её линии разрыв. ▼ — самая низкая конверсия карты."),
        "stage": ("Stage", "Этап"),
        "noStage": ("no such stage", "нет этапа"),
        "lowestConversion": ("lowest conversion of the map", "самая низкая конверсия карты"),
        "tag": ("Tag", "Тег"),
        "segments": ("Segments", "Сегменты"),
        "plan": ("Action plan", "План действий"),
        "planNote": ("Every recommendation of every map, by kind and owner; the actions of the most painful stages first.",
                     "Все рекомендации всех карт по видам и ответственным; сначала действия для самых болезненных этапов."),
        "planCSV": ("Download the plan as CSV", "Скачать план в CSV"),
        "planContents": ("Kinds of actions", "Виды действий"),
        "planPages": ("Pages of the plan", "Страницы плана"),
        "previousPage": ("Previous page", "Предыдущая страница"),
        "nextPage": ("Next page", "Следующая страница"),
        "continued": ("continued", "продолжение"),
        "noKind": ("Without a kind", "Без вида"),
        "noOwner": ("No owner", "Без ответственного"),
        "owner": ("Owner", "Ответственный"),
        "kind": ("Kind", "Вид"),
        "action": ("Action", "Действие"),
        "url": ("Link", "Ссылка"),
        "priority.high": ("high priority", "высокий приоритет"),
        "priority.medium": ("medium priority", "средний приоритет"),
        "priority.low": ("low priority", "низкий приоритет"),
        "revenue": ("revenue", "выручка"),
    ]

    public subscript(key: String) -> String {
        guard let entry = Self.words[key] else { return key }
        return language == .ru ? entry.ru : entry.en
    }

    /// The names of the theme's words, which a template looks up under `words`.
    package static let names = Set(words.keys)

    /// Every word of the theme, for templates (`{{words.persona}}`).
    public var all: [String: String] { Self.words.mapValues { language == .ru ? $0.ru : $0.en } }

    /// "7 stages", "7 этапов".
    public func stageCount(_ count: Int) -> String {
        switch language {
        case .en: "\(count) \(count == 1 ? "stage" : "stages")"
        case .ru: "\(count) " + RussianPlural.choose(Double(count), "этап", "этапа", "этапов")
        }
    }

    // MARK: - sentences of the evaluation, English and Russian side by side

    /// Quotes around a name, as each language writes them; quotes inside it become the inner ones
    /// («Раздражение: „долго“», “Mood: ‘slow’”), so that the two pairs are not mistaken for each other.
    public func quoted(_ name: String) -> String {
        let (open, close, innerOpen, innerClose): (Unicode.Scalar, Unicode.Scalar, Unicode.Scalar, Unicode.Scalar)
            = language == .ru ? ("«", "»", "„", "“") : ("“", "”", "‘", "’")
        guard name.unicodeScalars.contains(where: { $0 == open || $0 == close }) else { return "\(open)\(name)\(close)" }
        var inner = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            inner.append(scalar == open ? innerOpen : scalar == close ? innerClose : scalar)
        }
        return "\(open)\(String(inner))\(close)"
    }

    /// The stage to optimise first.
    public func startWith(_ stage: String, conversion: String) -> String {
        switch language {
        case .en: "Optimise \(quoted(stage)) first: it has the lowest conversion, \(conversion)."
        case .ru: "Начните с этапа \(quoted(stage)): у него самая низкая конверсия — \(conversion)."
        }
    }

    /// The stage of the curve's lowest point.
    public func sharpestPain(_ stage: String, score: String) -> String {
        switch language {
        case .en: "The sharpest pain is at \(quoted(stage)) (\(score)): see what hurts there."
        case .ru: "Острее всего клиенту на этапе \(quoted(stage)) (\(score)): разберите, что там болит."
        }
    }

    /// How many of those who enter go through every stage; `people` as "1 440 of 12 000".
    public func getThrough(_ percent: String, people: String?) -> String {
        switch language {
        case .en: "\(percent) of the customers who enter go through every stage" + (people.map { " (\($0))" } ?? "") + "."
        case .ru: "Через все этапы проходят \(percent) вошедших клиентов" + (people.map { " (\($0))" } ?? "") + "."
        }
    }

    /// How many get all the way along the path of a branched map that loses the most.
    public func getThroughWorstPath(_ percent: String, people: String?, path: String?) -> String {
        let count = people.map { " (\($0))" } ?? ""
        switch language {
        case .en: return "Along the path that loses the most" + (path.map { " (\($0))" } ?? "") + ", \(percent) of the customers who enter get to the end\(count)."
        case .ru: return "На пути, где теряется больше всего клиентов" + (path.map { " («\($0)»)" } ?? "") + ", до конца доходят \(percent) вошедших\(count)."
        }
    }

    public func missedTargets(_ stages: [String]) -> String {
        let names = stages.map(quoted).joined(separator: ", ")
        return switch language {
        case .en: "Targets missed at: \(names)."
        case .ru: stages.count == 1 ? "Цель не достигнута на этапе \(names)." : "Цели не достигнуты на этапах: \(names)."
        }
    }

    /// A share known only from above, where a stage without a conversion breaks the chain.
    public func atMost(_ share: String) -> String {
        language == .ru ? "не больше \(share)" : "at most \(share)"
    }

    /// "7 of 12 maps are compared here: the first by priority and revenue; all are listed below."
    public func compared(_ shown: Int, of count: Int) -> String {
        language == .ru ? "Здесь сравниваются \(shown) из \(count) карт — первые по приоритету и выручке; все карты перечислены ниже."
            : "\(shown) of \(count) maps are compared here, the first by priority and revenue; every map is listed below."
    }

    /// Maps that `compare` names but the build left out (drafts).
    public func notBuilt(_ names: [String]) -> String {
        let list = names.map(quoted).joined(separator: ", ")
        return language == .ru ? "Не вошли в сборку (черновики), поэтому не сравниваются: \(list)."
            : "Left out of the build (drafts), so not compared: \(list)."
    }

    /// "and 12 more" in a cell of the matrix.
    public func more(_ count: Int) -> String {
        language == .ru ? "ещё \(count)" : "\(count) more"
    }

    /// "48 actions", "48 действий".
    public func actionCount(_ count: Int) -> String {
        switch language {
        case .en: "\(count) \(count == 1 ? "action" : "actions")"
        case .ru: "\(count) " + RussianPlural.choose(Double(count), "действие", "действия", "действий")
        }
    }

    /// "Page 5 of 700", "Страница 5 из 700".
    public func pageOf(_ number: Int, _ count: Int) -> String {
        language == .ru ? "Страница \(number) из \(count)" : "Page \(number) of \(count)"
    }

    /// A missed target on the dashboard.
    public func missedTarget(_ stage: String, value: String, target: String, gap: String) -> String {
        language == .ru ? "\(quoted(stage)): \(value), цель \(target) (\(gap))"
            : "\(quoted(stage)): \(value), target \(target) (\(gap))"
    }

    /// After "no changes" between the last commit and the file: the command that shows what that commit changed.
    public func diffOfLastCommit(_ command: String) -> String {
        language == .ru ? "Что изменил в ней последний коммит: \(command)" : "What the last commit changed in it: \(command)"
    }

    /// Under the evaluation's heading, when every measurement of the metrics it reads is older than the map's date:
    /// the figures are the map's own.
    public func figuresSetAside(metrics: [String], last: String, updated: String) -> String {
        let named = metrics.map(quoted).joined(separator: ", ")
        return language == .ru
            ? "Замеры \(named) (последний — \(last)) сделаны раньше даты карты, \(updated): в оценке — цифры карты."
            : "The measurements of \(named) (the last on \(last)) are older than the map's date, \(updated): the evaluation takes the map's figures."
    }

    /// Under the evaluation's heading, when measurements replaced some of the map's figures; `updated`, the map's
    /// date, before which a measurement does not replace them.
    public func figuresMeasured(_ date: String, since updated: String?) -> String {
        // Every figure with a role is measured so (a duration too), not conversion and NPS alone.
        guard let updated else {
            return language == .ru ? "Цифры этапов — по последним замерам (самый поздний — \(date)), где их нет — по цифрам карты."
                : "The stages' figures are the latest measurements (the last on \(date)), and the map's own where none."
        }
        let last = date == updated ? "" : language == .ru ? " (самый поздний — \(date))" : " (the last on \(date))"
        return language == .ru
            ? "Цифры этапов — по последним замерам с \(updated), когда карта обновлена\(last); где их нет — по цифрам карты."
            : "The stages' figures are the latest measurements since \(updated), when the map was updated\(last); the map's own where none."
    }

    /// A measurement beside the value a map writes: "замер 1 марта 2024: 42 %", or without the value when it is the
    /// map's.
    public func measuredValue(_ date: String, _ value: String?) -> String {
        (language == .ru ? "замер " : "measured ") + date + (value.map { ": " + $0 } ?? "")
    }

    /// `tropa report`'s line of a map's sharpest pains.
    public func sharpestPains(_ list: String) -> String {
        (language == .ru ? "Главные боли: " : "Sharpest pains: ") + list + "."
    }

    /// `tropa report`'s line of what the plan holds for the stage to act on first.
    public func planned(for stage: String, _ list: String) -> String {
        (language == .ru ? "В плане для этапа \(stage): " : "Planned for the stage \(stage): ") + list + "."
    }

    public func nothingPlanned(for stage: String, layer: String) -> String {
        language == .ru ? "Для этапа \(stage) в плане ничего нет: добавьте действия в его слой \(layer)."
            : "Nothing is planned for the stage \(stage): add actions to its layer \(layer)."
    }

    /// "and 4 more".
    public func andMore(_ count: Int) -> String {
        language == .ru ? "и ещё \(count)" : "and \(count) more"
    }

    /// Where a trend of three measurements or more began: "первый замер 1 сентября 2026: 25 %".
    public func firstMeasured(_ date: String, _ value: String) -> String {
        (language == .ru ? "первый замер " : "first measured ") + date + ": " + value
    }

    /// A trend's latest change: "+7 pp since 1 February 2024".
    public func changeSince(_ change: String, _ date: String) -> String {
        language == .ru ? "\(change) с \(date)" : "\(change) since \(date)"
    }

    /// "1 440 of 12 000".
    public func partOf(_ part: String, _ whole: String) -> String {
        language == .ru ? "\(part) из \(whole)" : "\(part) of \(whole)"
    }

    /// "12 000 customers", "12 000 клиентов".
    public func customers(_ count: Double, _ number: String) -> String {
        switch language {
        case .en: "\(number) \(count == 1 ? "customer" : "customers")"
        case .ru: "\(number) " + RussianPlural.choose(count.rounded(), "клиент", "клиента", "клиентов")
        }
    }

    public func lost(_ customers: String) -> String {
        language == .ru ? "теряем \(customers)" : "\(customers) lost"
    }

    /// The journey's total length (of a map that forks, along its longest way); an estimate when ranges were
    /// counted by their midpoint, and a note when some stages of the way have no duration.
    public func total(_ length: String, estimate: Bool, stages: Int, of all: Int, forked: Bool) -> String {
        var text: String
        switch language {
        case .en:
            text = "In all " + (estimate ? "about " : "") + length + (forked ? " along the longest way" : "")
            if estimate { text += " (an estimate: ranges counted by their midpoint)" }
            if stages < all { text += ", over \(stages) of \(all) stages" }
        case .ru:
            text = "Всего " + (estimate ? "около " : "") + length + (forked ? " по самому длинному пути" : "")
            if estimate { text += " (оценка: диапазоны посчитаны по середине)" }
            if stages < all { text += ", по \(stages) из \(all) " + RussianPlural.choose(Double(all), "этапа", "этапов", "этапов") }
        }
        return text + "."
    }

    /// `2024-03-01` → "1 марта 2024" / "1 March 2024".
    public func date(_ iso: String) -> String { CalendarDay.words(iso, in: language) }
}
