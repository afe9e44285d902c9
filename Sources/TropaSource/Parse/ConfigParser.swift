import TropaModel
import Foundation

/// Reads `tropa.yml`; problems are `config-invalid` diagnostics (unknown keys are warnings).
package enum ConfigParser {
    package static let keys = ["title", "language", "base_url", "schema", "content", "templates", "output", "outputs",
                                "unsafe_html", "plan_page_size"]

    /// `outputNames` are the files a build can write of a map (the output registry's keys), which `outputs` lists.
    package static func parse(_ source: SourceText, outputNames: [String]) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var yaml = YAMLReader(file: source.path, lineOffset: 0, syntaxCode: .configInvalid, typeCode: .configInvalid)
        // A file that does not parse, or names no language there is, is told in the one it seems written for.
        let meant = SiteConfig.languageLine(in: source.text) ?? (source.text.containsCyrillic ? .ru : config.language)
        guard let root = yaml.compose(source.text) else {
            config.language = meant
            return (config, yaml.diagnostics)
        }
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
                    config.language = meant
                    continue
                }
                config.language = language
            case "base_url": config.baseURL = baseURL(field, yaml: &yaml)
            case "outputs": config.outputs = outputs(field, names: outputNames, yaml: &yaml)
            case "schema": config.schemaPath = path(field, yaml: &yaml) ?? config.schemaPath
            case "content": config.contentPath = path(field, yaml: &yaml) ?? config.contentPath
            case "templates": config.templatesPath = path(field, yaml: &yaml) ?? config.templatesPath
            case "output": config.outputPath = path(field, yaml: &yaml) ?? config.outputPath
            case "unsafe_html": config.unsafeHTML = yaml.bool(field) ?? false
            case "plan_page_size": config.planPageSize = count(field, yaml: &yaml) ?? config.planPageSize
            default: break
            }
        }
        return (config, yaml.diagnostics)
    }

    /// Where the site is published, for the absolute links of a sitemap: an http or https address with a host.
    private static func baseURL(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> String? {
        guard let text = yaml.string(field)?.trimmingWhitespace() else { return nil }
        let url = URLComponents(string: text)
        let web = url.map { ["http", "https"].contains($0.scheme?.lowercased()) && !($0.host ?? "").isEmpty } ?? false
        guard web, url?.query == nil, url?.fragment == nil else {
            // An address of the site with a query or a fragment: the same address without them.
            if web, let tail = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                yaml.report(.error(.configInvalid, .baseURLTail(String(text[tail...])), at: yaml.valueLocation(field),
                                   suggestion: .write("base_url: " + text[..<tail])))
                return nil
            }
            yaml.report(.error(.configInvalid, .badBaseURL(text), at: yaml.valueLocation(field), suggestion: .writeBaseURL))
            return nil
        }
        return text
    }

    /// The files to write of each map, by name; an unknown name is reported and left out.
    private static func outputs(_ field: YAMLReader.Field, names: [String], yaml: inout YAMLReader) -> [String]? {
        guard let written = yaml.strings(field) else { return nil }
        let nodes = field.value.sequence.map(Array.init) ?? [field.value]
        var outputs: [String] = []
        for (name, node) in zip(written, nodes) {
            let name = name.trimmingWhitespace()
            guard names.contains(name) else {
                yaml.report(.error(.configInvalid, .unknownOutput(name), at: yaml.location(of: node),
                                   suggestion: Suggestion.help(for: name, among: names)
                                    ?? .outputsAre(names)))
                continue
            }
            if !outputs.contains(name) { outputs.append(name) }
        }
        return outputs
    }

    /// A whole number above zero.
    private static func count(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> Int? {
        guard let number = yaml.number(field.value, key: field.key) else { return nil }
        guard number >= 1, number <= Double(Int32.max), number == number.rounded() else {
            yaml.typeError(field.value, .shouldBeCount(field.key))
            return nil
        }
        return Int(number)
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
