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
        "stages": ("Stages", "Этапы"),
        "layer": ("Layer", "Слой"),
        "map": ("Journey map", "Карта пути"),
        "emotionCurve": ("Emotion curve", "Кривая эмоций"),
        "outline": ("Mind map", "Майнд-карта"),
        "downloads": ("Downloads", "Скачать"),
        "downloadSVG": ("Emotion curve (SVG)", "Кривая эмоций (SVG)"),
        "downloadOPML": ("Outline (OPML)", "Структура (OPML)"),
        "downloadMM": ("Mind map (FreeMind)", "Майнд-карта (FreeMind)"),
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
    ]

    public subscript(key: String) -> String {
        guard let entry = Self.words[key] else { return key }
        return language == .ru ? entry.ru : entry.en
    }

    /// Every word of the theme, for templates (`{{words.persona}}`).
    public var all: [String: String] { Self.words.mapValues { language == .ru ? $0.ru : $0.en } }

    /// "7 stages", "7 этапов".
    public func stageCount(_ count: Int) -> String {
        switch language {
        case .en: "\(count) \(count == 1 ? "stage" : "stages")"
        case .ru: "\(count) " + RussianPlural.choose(Double(count), "этап", "этапа", "этапов")
        }
    }

    private static let months: [(en: String, ru: String)] = [
        ("January", "января"), ("February", "февраля"), ("March", "марта"), ("April", "апреля"), ("May", "мая"),
        ("June", "июня"), ("July", "июля"), ("August", "августа"), ("September", "сентября"),
        ("October", "октября"), ("November", "ноября"), ("December", "декабря"),
    ]

    /// `2024-03-01` → "1 марта 2024" / "1 March 2024"; written by hand so no locale data changes the output.
    public func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let month = Self.months[parts[1] - 1]
        return "\(parts[2]) \(language == .ru ? month.ru : month.en) \(parts[0])"
    }
}

/// Russian nouns after numbers: 1 неделя, 2 недели, 5 недель; fractions take the second form (1,5 недели).
package enum RussianPlural {
    package static func choose(_ number: Double, _ one: String, _ few: String, _ many: String) -> String {
        guard number == number.rounded() else { return few }
        let n = Int(abs(number)) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2...4: return few
        default: return many
        }
    }
}
