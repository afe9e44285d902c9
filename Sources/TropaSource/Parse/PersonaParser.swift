import TropaModel

/// Reads a persona file: front-matter (`name`, `role`), a description, and `##` sections matched like layers.
package struct PersonaParser {
    package let unsafeHTML: Bool
    package let contentPath: String

    package init(unsafeHTML: Bool, contentPath: String = "content") {
        self.unsafeHTML = unsafeHTML
        self.contentPath = contentPath
    }

    package static let frontMatterKeys = ["name", "role", "tags"]

    package func parse(_ source: SourceText, id: String) -> (persona: Persona, diagnostics: [Diagnostic]) {
        var persona = Persona(id: id, path: source.path, name: id)
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: source.path, line: 1)
        var body = source.text
        switch FrontMatter.read(source, kind: .persona, firstKey: "name") {
        case .missing(let diagnostic):
            diagnostics.append(diagnostic)
        case .unclosed(let diagnostic):
            return (persona, [diagnostic])
        case .found(let frontMatter):
            body = frontMatter.body
            var yaml = YAMLReader(file: source.path, lineOffset: FrontMatter.yamlLineOffset,
                                  syntaxCode: .frontMatterSyntax, typeCode: .frontMatterType)
            var named = false
            var fields: [YAMLReader.Field] = []
            if let root = yaml.compose(frontMatter.yaml) {
                fields = yaml.fields(of: root, what: .frontMatter)
                yaml.warnUnknownKeys(fields, known: Self.frontMatterKeys, what: .persona)
                for field in fields {
                    switch field.key {
                    case "name":
                        // `name:` with nothing after it is a missing name, not a type error.
                        if field.value.null == nil, let name = yaml.string(field)?.trimmingWhitespace(), !name.isEmpty {
                            persona.name = name
                            named = true
                        }
                    case "role": persona.role = yaml.string(field)?.trimmingWhitespace()
                    case "tags": _ = yaml.tags(field)
                    default: break
                    }
                }
            }
            diagnostics += yaml.diagnostics
            if !named, !diagnostics.contains(where: { $0.code == .frontMatterSyntax }) {
                // `имя:` is the name in Russian: the one error is told at it, as a map's `название:`.
                if let russian = fields.first(where: { KeyWords.key(for: $0.key, among: Self.frontMatterKeys) == "name" }) {
                    diagnostics.removeAll { $0.code == .unknownKey && $0.location == russian.location }
                    diagnostics.append(.error(.missingName, .noName, at: russian.location, suggestion: .keyInEnglish("name")))
                } else {
                    diagnostics.append(.error(.missingName, .noName, at: start, suggestion: .addKey("name")))
                }
            }
        }
        diagnostics += readSections(body, source: source, into: &persona)
        return (persona, diagnostics)
    }

    private func readSections(_ body: String, source: SourceText, into persona: inout Persona) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownDocument(body, unsafeHTML: unsafeHTML)
        // Links lead where a map's do, from the persona's page.
        let resolver = MapLinks(path: source.path, contentPath: contentPath)
        document.rewriteLinks(linePrefix: source.textStart) { url, line, byteColumn in
            let at = SourceLocation(file: source.path, line: line, column: source.column(line: line, byteColumn: byteColumn))
            guard let (href, link) = resolver.resolve(url, at: at) else { return nil }
            if let link { persona.links.append(link) }
            return href
        }
        if !unsafeHTML { diagnostics += document.omittedWarnings(body, source: source) }
        diagnostics += UnreadMarkup.find(in: body, parsed: document, source: source)
        var description: [MarkdownNode] = []
        var sections: [(kind: PersonaSectionKind?, blocks: [MarkdownNode])] = []
        // Where each section first stands, for the error of a second one.
        var sectionLines: [PersonaSectionKind: Int] = [:]
        for block in document.blocks {
            guard block.isHeading, block.headingLevel <= 2 else {
                if sections.isEmpty {
                    description.append(block)
                } else {
                    sections[sections.count - 1].blocks.append(block)
                }
                continue
            }
            let text = block.plainText.trimmingWhitespace()
            let location = source.headingLocation(of: block)
            if block.headingLevel == 1 {
                diagnostics.append(.error(.misplacedHeading, .level1Heading(text), at: location,
                                          suggestion: .personaNameInFrontMatter))
                continue
            }
            guard let kind = PersonaSectionKind.named(text) else {
                let names = PersonaSectionKind.allCases.flatMap(\.names)
                diagnostics.append(.warning(.unknownSection, .unknownSection(text), at: location,
                                            suggestion: Suggestion.help(for: text, among: names)
                                                ?? .personaSections))
                sections.append((nil, []))
                continue
            }
            if let first = sectionLines[kind] {
                diagnostics.append(.error(.duplicateSection, .duplicateSection(text, firstLine: first), at: location,
                                          suggestion: .mergeTwo))
                sections.append((nil, []))
                continue
            }
            sections.append((kind, []))
            sectionLines[kind] = location.line
        }
        persona.description = RichText(blocks: description)
        persona.sections = sections.compactMap { section in
            section.kind.map { PersonaSection(kind: $0, content: RichText(blocks: section.blocks)) }
        }
        return diagnostics
    }
}
