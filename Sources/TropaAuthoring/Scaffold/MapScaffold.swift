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
    /// The labels of a fork after the stages (`--branches "Онлайн,Офлайн"`): a stage per branch, then one where
    /// they meet; none for a map without a fork.
    public var branches: [String]

    public init(title: String, personaID: String? = nil, stageCount: Int = 3, date: String, branches: [String] = []) {
        self.title = title
        self.personaID = personaID
        self.stageCount = stageCount
        self.date = date
        self.branches = branches
    }

    /// Why `branches` cannot make a fork, or nil: two labels or more, none empty, none twice, none with a brace.
    public static func problem(with branches: [String]) -> Message? {
        if branches.count < 2 { return .forkNeedsTwoBranches }
        if branches.contains(where: \.isEmpty) { return .branchesLabelEmpty }
        if Set(branches.map { NameKey($0).value }).count < branches.count { return .branchesLabelTwice }
        if branches.contains(where: { $0.contains(where: { "{}".contains($0) }) }) { return .branchesLabelBrace }
        return nil
    }

    /// The file's name: the title's slug with `.md`.
    public var fileName: String { Slug.make(title).isEmpty ? "map.md" : Slug.make(title) + ".md" }

    /// Whether a map may go in `folder` under the content folder (`b2b`, `розница/мебель`): one where a build reads
    /// maps, not the personas' folder nor a hidden one, and not out of the content folder.
    public static func isMapFolder(_ folder: String) -> Bool {
        let parts = folder.split(separator: "/")
        return !folder.hasPrefix("/") && !parts.isEmpty && parts.first != Substring(SiteInputs.personaFolder)
            && parts.allSatisfy { !$0.hasPrefix(".") && !$0.trimmingWhitespace().isEmpty }
    }

    public func text(schema: LayerSchema, language: Language) -> String {
        var lines = ["---", "title: \(YAMLText.quoted(title))"]
        if let personaID { lines.append("persona: \(YAMLText.quoted(personaID))") }
        lines += ["product: \"\"", "segment: \"\"", "tags: []", "updated: \(date)", "draft: true", "---", ""]
        lines.append(language == .ru
            ? "Контекст карты: для кого она, на каких данных построена, когда проведено исследование."
            : "What this map is about: who it is for, the data behind it, when the research was done.")
        var headings = (1...max(stageCount, 1)).map { Self.stageName($0, in: language) }
        if !branches.isEmpty {
            // The alternatives share the next classic stage's name; the stage after it is where they meet.
            let fork = Self.stageName(headings.count + 1, in: language)
            headings += branches.map { Stage.written(name: fork, branch: $0) } + [Self.stageName(headings.count + 2, in: language)]
        }
        for heading in headings {
            lines += ["", "## " + heading]
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
