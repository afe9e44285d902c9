import Foundation

/// What checking a site found: the site (when its config and schema could be read) and every diagnostic.
public struct CheckResult: Sendable {
    /// Nil when the config or the schema is broken, so no map could be read against them. Its maps are kept only
    /// by a check that renders nothing (`tropa check`): a build lets each map go once its pages are made.
    public var site: Site?
    /// What the analysis found of each map that parsed, in path order.
    public var facts: [JourneyFacts] = []
    /// In reading order: by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The text of every file that has a diagnostic, to show the lines they point at.
    public var sources: [String: SourceText]

    public init(site: Site?, diagnostics: [Diagnostic], sources: [String: SourceText]) {
        self.site = site
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// A site's config and schema; nil when either is broken.
public struct SettingsResult: Sendable {
    public var settings: (config: SiteConfig, schema: LayerSchema)?
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceText]
}

/// `tropa check`: the build driver with nothing to render into.
public struct SiteChecker: Sendable {
    public let fileSystem: FileReading

    public init(fileSystem: FileReading = DiskFileReader()) {
        self.fileSystem = fileSystem
    }

    /// Checks the site in `root`. Throws `SiteError` only for problems with folders and files as such.
    public func check(root: String, strict: Bool = false) throws -> CheckResult {
        try BuildDriver(reader: fileSystem, root: root, options: BuildOptions(strict: strict)).run(into: CheckSink()).check
    }

    /// The site's config and schema alone, for `tropa schema` and `tropa new`.
    public func settings(root: String) throws -> SettingsResult {
        let loader = SiteLoader(fileSystem: fileSystem, root: root)
        try loader.requireSiteFolder()
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        let settings = try SettingsReader.read(loader, diagnostics: &diagnostics, sources: &sources)
        return SettingsResult(settings: settings, diagnostics: diagnostics, sources: sources)
    }
}

/// Reads `tropa.yml` and the schema.
enum SettingsReader {
    /// Nil when either has errors, since no map can be read against them.
    static func read(_ loader: SiteLoader, diagnostics: inout [Diagnostic],
                     sources: inout [String: SourceText]) throws -> (SiteConfig, LayerSchema)? {
        var config = SiteConfig()
        if let file = try loader.readOptional(SiteConfig.fileName) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            let (parsed, problems) = ConfigParser.parse(source)
            config = parsed
            keep(problems, of: source, sources: &sources, diagnostics: &diagnostics)
        }
        guard !diagnostics.hasErrors else { return nil }

        var schema = LayerSchema.default
        let schemaIsExplicit = config.schemaPath != SiteConfig().schemaPath
        if let file = try loader.readOptional(config.schemaPath, required: schemaIsExplicit) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            let (parsed, problems) = SchemaParser.parse(source)
            keep(problems, of: source, sources: &sources, diagnostics: &diagnostics)
            guard let parsed else { return nil }
            schema = parsed
        }
        return (config, schema)
    }

    private static func decode(_ file: RawFile, diagnostics: inout [Diagnostic]) -> SourceText? {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .success(let source): return source
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    private static func keep(_ problems: [Diagnostic], of source: SourceText, sources: inout [String: SourceText],
                             diagnostics: inout [Diagnostic]) {
        diagnostics += problems
        if !problems.isEmpty { sources[source.path] = source }
    }
}

/// Decodes, parses and validates one map file.
struct JourneyReader: Sendable {
    let parser: JourneyParser
    let validator: JourneyValidator

    init(config: SiteConfig, schema: LayerSchema) {
        parser = JourneyParser(schema: schema, unsafeHTML: config.unsafeHTML)
        validator = JourneyValidator(schema: schema, language: config.language)
    }

    func outcome(of file: RawFile) -> FileOutcome<Journey> {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .failure(let diagnostic):
            return FileOutcome(value: nil, diagnostics: [diagnostic], source: nil)
        case .success(let source):
            let (journey, problems) = parser.parse(source)
            let all = problems + validator.validate(journey)
            return FileOutcome(value: journey, diagnostics: all, source: all.isEmpty ? nil : source)
        }
    }
}

/// Decodes and parses one persona file.
struct PersonaReader: Sendable {
    let parser: PersonaParser

    func outcome(of file: RawFile, id: String) -> FileOutcome<Persona> {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .failure(let diagnostic):
            return FileOutcome(value: nil, diagnostics: [diagnostic], source: nil)
        case .success(let source):
            let (persona, problems) = parser.parse(source, id: id)
            return FileOutcome(value: persona, diagnostics: problems, source: problems.isEmpty ? nil : source)
        }
    }
}

/// What reading one file gave: its value when it could be read, its diagnostics, and its text when they need it.
struct FileOutcome<Value: Sendable>: Sendable {
    var value: Value?
    var diagnostics: [Diagnostic]
    var source: SourceText?
}
