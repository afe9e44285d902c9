import Foundation
/// The site's settings from `tropa.yml`; paths are relative to the site folder.
public struct SiteConfig: Sendable, Hashable {
    /// `language: ru` read from a line of its own, indented or not: what a settings file that does not parse, or
    /// that a command reads before its arguments, means to be told in (a YAML parser for one key would cost every
    /// command its time).
    public static func languageLine(in settings: String) -> Language? {
        for line in settings.split(whereSeparator: \.isNewline) {
            let line = line.drop { $0 == " " || $0 == "\t" }
            guard line.hasPrefix("language:") else { continue }
            let value = line.dropFirst("language:".count).split(separator: "#").first ?? ""
            return Language(rawValue: value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased())
        }
        return nil
    }

    public var title: String?
    public var language: Language
    public var baseURL: String?
    public var schemaPath: String
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    /// Author HTML in Markdown is passed through only when a site opts in.
    public var unsafeHTML: Bool
    /// The files written of each map, by their names in the output registry (`svg`, `csv`, …); nil for all. The page
    /// is always written.
    public var outputs: [String]?
    /// How many actions a page of the action plan holds; a longer plan goes on over numbered pages.
    public var planPageSize: Int

    public init(title: String? = nil, language: Language = .en, baseURL: String? = nil,
                schemaPath: String = "schema.yml", contentPath: String = "content",
                templatesPath: String = "templates", outputPath: String = "public", unsafeHTML: Bool = false,
                outputs: [String]? = nil, planPageSize: Int = 200) {
        self.title = title
        self.language = language
        self.baseURL = baseURL
        self.schemaPath = schemaPath
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.unsafeHTML = unsafeHTML
        self.outputs = outputs
        self.planPageSize = planPageSize
    }

    public static let fileName = "tropa.yml"
}

/// A file under `content/` that is neither a map nor a persona: copied to the output as it is.
public struct StaticFile: Sendable, Hashable {
    /// The path relative to the site folder.
    public var path: String
    /// The path relative to the output folder.
    public var outputPath: String

    public init(path: String, outputPath: String) {
        self.path = path
        self.outputPath = outputPath
    }
}

/// A whole site, parsed and validated: what the render half of the pipeline works from.
public struct Site: Sendable {
    public var config: SiteConfig
    public var schema: LayerSchema
    public var journeys: [Journey]
    public var personas: [Persona]
    public var staticFiles: [StaticFile]

    public init(config: SiteConfig, schema: LayerSchema, journeys: [Journey], personas: [Persona],
                staticFiles: [StaticFile]) {
        self.config = config
        self.schema = schema
        self.journeys = journeys
        self.personas = personas
        self.staticFiles = staticFiles
    }

    public func persona(id: String?) -> Persona? {
        guard let id else { return nil }
        return personas.first { $0.id == id }
    }
}
