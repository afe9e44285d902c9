import TropaModel
import TropaSource
import TropaAnalysis
import TropaBuild
import Foundation

/// A new, empty map for `tropa new`: front-matter filled in and, per stage, every layer of the schema as a
/// heading in the site's language, for the author to fill or delete. It is a draft, so its empty layers do not
/// fail the build until the author removes `draft: true`.
public struct MapScaffold: Sendable {
    public var title: String
    public var personaID: String?
    public var stageCount: Int
    /// The date written as `updated`, `YYYY-MM-DD`.
    public var date: String

    public init(title: String, personaID: String? = nil, stageCount: Int = 3, date: String) {
        self.title = title
        self.personaID = personaID
        self.stageCount = stageCount
        self.date = date
    }

    /// The file's path under the content folder: the title's slug with `.md`.
    public var fileName: String { Slug.make(title).isEmpty ? "map.md" : Slug.make(title) + ".md" }

    public func text(schema: LayerSchema, language: Language) -> String {
        var lines = ["---", "title: \(YAMLText.quoted(title))"]
        if let personaID { lines.append("persona: \(YAMLText.quoted(personaID))") }
        lines += ["product: \"\"", "segment: \"\"", "tags: []", "updated: \(date)", "draft: true", "---", ""]
        lines.append(language == .ru
            ? "Контекст карты: для кого она, на каких данных построена, когда проведено исследование."
            : "What this map is about: who it is for, the data behind it, when the research was done.")
        for number in 1...max(stageCount, 1) {
            lines += ["", "## " + Self.stageName(number, in: language)]
            for layer in schema.layers {
                lines += ["", "### " + layer.title.text(in: language, fallback: layer.id)]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The classic stages of a customer journey, in order: the placeholder names of a new map's stages.
    package static let classicStages: [LocalizedText] = [
        LocalizedText(["en": "Need awareness", "ru": "Осознание потребности"]),
        LocalizedText(["en": "Information search", "ru": "Поиск информации"]),
        LocalizedText(["en": "Choice", "ru": "Выбор"]),
        LocalizedText(["en": "Purchase", "ru": "Покупка"]),
        LocalizedText(["en": "Use", "ru": "Использование"]),
        LocalizedText(["en": "Feedback", "ru": "Обратная связь"]),
        LocalizedText(["en": "Loyalty", "ru": "Лояльность"]),
    ]

    /// The `number`th (from 1) classic stage; past the last one, a numbered stage.
    package static func stageName(_ number: Int, in language: Language) -> String {
        let numbered = language == .ru ? "Этап \(number)" : "Stage \(number)"
        return number <= classicStages.count ? classicStages[number - 1].text(in: language, fallback: numbered) : numbered
    }
}

/// Writing values into YAML that an author will edit.
package enum YAMLText {
    /// A double-quoted YAML string.
    package static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
