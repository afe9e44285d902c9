import TropaModel
import TropaSource
import TropaAnalysis
import TropaOutput
import Foundation

/// What checking a site found: the site (when its config and schema could be read) and every diagnostic.
public struct CheckResult: Sendable {
    /// Nil when the config or the schema is broken, so no map could be read against them. Its maps are kept only
    /// by a check that renders nothing (`tropa check`): a build lets each map go once its pages are made.
    public var site: Site?
    /// What the analysis found of each map that parsed, in path order: a check's, like the maps.
    public var facts: [JourneyFacts] = []
    /// How many maps parsed, drafts included, whether or not they are kept.
    public var mapCount = 0
    /// In reading order: by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The text of every file that has a diagnostic, to show the lines they point at.
    public var sources: [String: SourceText]
    /// The site's language, when its config could be read; messages are told in it unless `--lang` says otherwise.
    public var language: Language

    public init(site: Site?, diagnostics: [Diagnostic], sources: [String: SourceText], language: Language = .en) {
        self.site = site
        self.diagnostics = diagnostics
        self.sources = sources
        self.language = language
    }
}

/// A site's config and schema; nil when either is broken.
public struct SettingsResult: Sendable {
    public var settings: (config: SiteConfig, schema: LayerSchema)?
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceText]
    /// The schema file that was empty and so read as no schema (see `settings(root:emptySchemaIsDefault:)`).
    public var emptySchema: String?
    /// As in `CheckResult`.
    public var language: Language
}

/// `tropa check`: the build driver with nothing to render into.
public struct SiteChecker: Sendable {
    public let fileSystem: FileReading

    public init(fileSystem: FileReading = DiskFileReader()) {
        self.fileSystem = fileSystem
    }

    /// Checks the site in `root`. Throws `SiteError` only for problems with folders and files as such. With a `day`
    /// (`tropa check` gives today, or `SOURCE_DATE_EPOCH`'s), a map whose review is past due on it is warned about:
    /// only the check looks at the calendar, so a build never depends on the day. `progress` counts the maps checked.
    /// Without `keepingMaps`, the result's site has no maps and no facts (`tropa check` reads neither).
    public func check(root: String, strict: Bool = false, includeDrafts: Bool = false, day: CalendarDay? = nil,
                      keepingMaps: Bool = true, progress: BuildProgress? = nil) throws -> CheckResult {
        try BuildDriver(reader: fileSystem, root: root,
                        options: BuildOptions(includeDrafts: includeDrafts, strict: strict, progress: progress, reviewDay: day))
            .run(into: CheckSink(keepsMaps: keepingMaps)).check
    }

    /// The site's config and schema alone, for `tropa schema` and `tropa new`. With `emptySchemaIsDefault` (for
    /// `tropa schema`, whose output `> schema.yml` empties the file before it runs), an empty schema file is read
    /// as none, and named in `emptySchema`.
    public func settings(root: String, emptySchemaIsDefault: Bool = false) throws -> SettingsResult {
        let loader = SiteLoader(fileSystem: fileSystem, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        var emptySchema: String?
        var language = Language.en
        let settings = try SettingsReader.read(loader, outputNames: MapOutput.names, diagnostics: &diagnostics, sources: &sources,
                                               language: &language,
                                               emptySchemaIsDefault: emptySchemaIsDefault, emptySchema: &emptySchema)
        return SettingsResult(settings: settings, diagnostics: diagnostics, sources: sources, emptySchema: emptySchema,
                              language: language)
    }

    /// The ids of the site's personas (the files of `content/personas/`), sorted; for `tropa new --persona`.
    public func personaIDs(root: String, config: SiteConfig) throws -> [String] {
        try SiteInputs.list(root: root, config: config, reader: fileSystem).personas.map(\.id).sorted()
    }
}

