import TropaModel
import Foundation

/// Reads `tropa.yml` and the schema.
package enum SettingsReader {
    /// Nil when either has errors, since no map can be read against them.
    package static func read(_ loader: SiteLoader, outputNames: [String], diagnostics: inout [Diagnostic],
                             sources: inout [String: SourceText], language: inout Language) throws -> (SiteConfig, LayerSchema)? {
        var emptySchema: String?
        return try read(loader, outputNames: outputNames, diagnostics: &diagnostics, sources: &sources, language: &language,
                        emptySchemaIsDefault: false, emptySchema: &emptySchema)
    }

    /// With `emptySchemaIsDefault`, a schema file that is empty or only white space (what `> schema.yml` leaves)
    /// counts as none: the default schema applies and `emptySchema` is the file's path. Only `tropa schema` reads
    /// it so; for every other command an empty schema is an error. `language` is the config's as soon as it is read,
    /// so the problems of a broken config or schema are told in it too. `outputNames`: what `outputs` may list.
    package static func read(_ loader: SiteLoader, outputNames: [String], diagnostics: inout [Diagnostic],
                             sources: inout [String: SourceText],
                             language: inout Language, emptySchemaIsDefault: Bool,
                             emptySchema: inout String?) throws -> (SiteConfig, LayerSchema)? {
        var config = SiteConfig()
        if let file = try loader.readOptional(SiteConfig.fileName) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            let (parsed, problems) = ConfigParser.parse(source, outputNames: outputNames)
            config = parsed
            language = parsed.language
            keep(problems, of: source, sources: &sources, diagnostics: &diagnostics)
        }
        guard !diagnostics.hasErrors else { return nil }

        var schema = LayerSchema.default
        let schemaIsExplicit = config.schemaPath != SiteConfig().schemaPath
        if let file = try loader.readOptional(config.schemaPath, required: schemaIsExplicit) {
            guard let source = decode(file, diagnostics: &diagnostics) else { return nil }
            if emptySchemaIsDefault, source.text.allSatisfy(\.isWhitespace) {
                emptySchema = file.path
                return (config, schema)
            }
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

/// Decodes, parses and validates one map file, with the measurements file it names.
package struct JourneyReader: Sendable {
    package let parser: JourneyParser
    package let validator: JourneyValidator
    package let measurements: MeasurementReader

    package init(config: SiteConfig, schema: LayerSchema) {
        parser = JourneyParser(schema: schema, unsafeHTML: config.unsafeHTML, language: config.language,
                               contentPath: config.contentPath)
        validator = JourneyValidator(schema: schema, language: config.language)
        measurements = MeasurementReader(schema: schema, language: config.language)
    }

    /// `companion` reads a file the map names (its measurements), by its path relative to the site folder; nil when
    /// there is nothing there. `files` are the site's other files, among which a missing one's closest is suggested.
    package func outcome(of file: RawFile, files: [StaticFile] = [],
                         companion: (String) throws -> RawFile?) rethrows -> FileOutcome<Journey> {
        var csv: SourceText?
        var outcome = try FileOutcome.read(file) { source in
            var (journey, parsed) = parser.parse(source)
            if let path = journey.measurementsFile, let location = journey.measurementsLocation {
                if let raw = try companion(path) {
                    let read = measure(&journey, from: raw)
                    parsed += read.problems
                    csv = read.text
                } else {
                    parsed.append(.error(.measurementInvalid, .measurementsMissing(path), at: location,
                                         suggestion: Self.measurementsHelp(path, of: file.path, among: files)))
                }
            }
            let problems = parsed + validator.validate(journey)
            return (journey, journey.draft ? JourneyValidator.forDraft(problems) : problems)
        }
        if let csv, outcome.diagnostics.contains(where: { $0.location.file == csv.path }) {
            outcome.companions.append(csv)
        }
        return outcome
    }
}

extension JourneyReader {
    /// `journey` with the rows of its measurements file `raw`; the file's problems, and its text when it is UTF-8.
    package func measure(_ journey: inout Journey, from raw: RawFile) -> (problems: [Diagnostic], text: SourceText?) {
        switch SourceText.decode(path: raw.path, bytes: raw.bytes) {
        case .success(let text):
            let (rows, problems) = measurements.read(text, for: journey)
            journey.measurements = rows
            return (problems + [measurements.setAside(journey)].compactMap { $0 }, text)
        case .failure(let diagnostic):
            return ([diagnostic], nil)
        }
    }

    /// The CSV file beside the map whose name is closest to the one it names beside it and the site lacks
    /// (`divan-zamery.csv` for `divan_zamery.csv`), as the line to write; else the general help.
    static func measurementsHelp(_ missing: String, of map: String, among files: [StaticFile]) -> Message {
        func folder(_ path: String) -> String { path.split(separator: "/").dropLast().joined(separator: "/") }
        func name(_ path: String) -> String { String(path.split(separator: "/").last ?? "") }
        guard folder(missing) == folder(map) else { return .measurementsPath }
        let beside = files.map(\.path).filter { SiteInputs.isCSV($0) && folder($0) == folder(map) }.map(name)
        return Suggestion.closest(to: name(missing), among: beside).map { .write("measurements: " + $0) } ?? .measurementsPath
    }
}

/// Decodes and parses one persona file.
package struct PersonaReader: Sendable {
    package let parser: PersonaParser

    package init(parser: PersonaParser) {
        self.parser = parser
    }

    package func outcome(of file: RawFile, id: String) -> FileOutcome<Persona> {
        FileOutcome.read(file) { parser.parse($0, id: id) }
    }
}

/// What reading one file gave: its value when it could be read, its diagnostics, and its text when they need it.
package struct FileOutcome<Value: Sendable>: Sendable {
    package var value: Value?
    package var diagnostics: [Diagnostic]
    package var source: SourceText?
    /// The text of the other files it read (a map's measurements), when their diagnostics need it.
    package var companions: [SourceText] = []

    /// Decodes `file` and reads its text with `read`; the text is kept only when there are diagnostics to show.
    static func read(_ file: RawFile, _ read: (SourceText) throws -> (Value, [Diagnostic])) rethrows -> FileOutcome {
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .failure(let diagnostic):
            return FileOutcome(value: nil, diagnostics: [diagnostic], source: nil)
        case .success(let source):
            let (value, problems) = try read(source)
            return FileOutcome(value: value, diagnostics: problems, source: problems.isEmpty ? nil : source)
        }
    }
}
