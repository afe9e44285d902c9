/// The sections a persona file may have, built with Jobs To Be Done.
public enum PersonaSectionKind: String, Sendable, CaseIterable, Hashable {
    case motives, scenarios, drivers, barriers

    public var title: LocalizedText {
        switch self {
        case .motives: LocalizedText(["en": "Motives", "ru": "Мотивы"])
        case .scenarios: LocalizedText(["en": "Scenarios", "ru": "Сценарии"])
        case .drivers: LocalizedText(["en": "Drivers", "ru": "Драйверы"])
        case .barriers: LocalizedText(["en": "Barriers", "ru": "Барьеры"])
        }
    }

    /// Extra headings accepted for the section, beyond the id and the titles.
    package var aliases: [String] {
        switch self {
        case .motives: ["Motivation", "Мотивация", "Мотив"]
        case .scenarios: ["Scenario", "Сценарий", "Jobs", "Работы"]
        case .drivers: ["Driver", "Драйвер"]
        case .barriers: ["Barrier", "Барьер", "Pain points", "Боли"]
        }
    }

    public var names: [String] { [rawValue] + title.values.values.sorted() + aliases }

    public static func named(_ heading: String) -> PersonaSectionKind? {
        let key = NameKey(heading)
        return allCases.first { kind in kind.names.contains { NameKey($0) == key } }
    }
}

/// A section of a persona: motives, scenarios, drivers or barriers.
public struct PersonaSection: Sendable, Hashable {
    public var kind: PersonaSectionKind
    public var content: RichText

    public init(kind: PersonaSectionKind, content: RichText) {
        self.kind = kind
        self.content = content
    }
}

/// The customer a map is drawn for.
public struct Persona: Sendable, Hashable {
    /// The file name without `.md`; journeys name the persona by it.
    public var id: String
    public var path: String
    public var name: String
    public var role: String?
    public var description: RichText
    public var sections: [PersonaSection]
    /// Its links to maps, personas and files of the site, for the site to check.
    public var links: [MapLink] = []

    public init(id: String, path: String, name: String, role: String? = nil, description: RichText = .empty,
                sections: [PersonaSection] = []) {
        self.id = id
        self.path = path
        self.name = name
        self.role = role
        self.description = description
        self.sections = sections
    }

    public func section(_ kind: PersonaSectionKind) -> PersonaSection? { sections.first { $0.kind == kind } }
}
