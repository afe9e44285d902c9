import TropaModel

/// Reads `tropa.yml`; problems are `config-invalid` diagnostics (unknown keys are warnings).
package enum ConfigParser {
    package static let keys = ["title", "language", "base_url", "schema", "content", "templates", "output", "unsafe_html"]

    package static func parse(_ source: SourceText) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var yaml = YAMLReader(file: source.path, lineOffset: 0, syntaxCode: .configInvalid, typeCode: .configInvalid)
        guard let root = yaml.compose(source.text) else { return (config, yaml.diagnostics) }
        let fields = yaml.fields(of: root, what: .config)
        yaml.warnUnknownKeys(fields, known: keys, what: .config)
        for field in fields {
            switch field.key {
            case "title": config.title = yaml.string(field)
            case "language":
                guard let text = yaml.string(field) else { continue }
                guard let language = Language(rawValue: text.lowercased()) else {
                    yaml.report(.error(.configInvalid, .languageNoTheme(text), at: field.location,
                                       suggestion: .useRuOrEn))
                    continue
                }
                config.language = language
            case "base_url": config.baseURL = yaml.string(field)
            case "schema": config.schemaPath = path(field, yaml: &yaml) ?? config.schemaPath
            case "content": config.contentPath = path(field, yaml: &yaml) ?? config.contentPath
            case "templates": config.templatesPath = path(field, yaml: &yaml) ?? config.templatesPath
            case "output": config.outputPath = path(field, yaml: &yaml) ?? config.outputPath
            case "unsafe_html": config.unsafeHTML = yaml.bool(field) ?? false
            default: break
            }
        }
        return (config, yaml.diagnostics)
    }

    /// A folder or file path relative to the site, without a trailing slash.
    private static func path(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> String? {
        guard var text = yaml.string(field)?.trimmingWhitespace() else { return nil }
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        guard !text.isEmpty else {
            yaml.typeError(field, .shouldBePath(field.key))
            return nil
        }
        return text
    }
}
