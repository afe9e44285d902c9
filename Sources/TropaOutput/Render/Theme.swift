import TropaModel
import TropaAnalysis
import Mustache
import Synchronization

/// The compiled templates and assets of the theme: the built-in one, with a site's `templates/` files
/// replacing it file by file.
package struct Theme: @unchecked Sendable {
    // MustacheLibrary is immutable after loading and only read while rendering. Nil for the built-in templates.
    private let library: MustacheLibrary?
    /// Files that are not templates (the stylesheet): written to the output's assets folder.
    package let assets: [(name: String, text: String)]
    /// A hash of every file of the theme, so a rebuild knows whether pages rendered before still hold.
    package let fingerprint: UInt64
    /// The page templates rendered by `CompiledTheme`: those of which the site changes no file.
    package let compiled: Set<String>

    package static let templateExtension = ".mustache"

    /// A hash of the built-in theme's files, as `fingerprint` hashes a site's theme.
    package static let builtInFingerprint = fingerprint(EmbeddedTheme.files)

    private static func fingerprint(_ texts: [String: String]) -> UInt64 {
        var hash = FNV1a()
        for name in texts.keys.sorted() {
            hash.combine(name)
            hash.combine(texts[name]!)
            hash.combine([0])
        }
        return hash.value
    }

    /// swift-mustache escapes `{{value}}` Character by Character, so a quote followed by a combining mark (one
    /// grapheme) stays a bare quote and ends an attribute: `id="layer-"́/onmouseover=…"`. Every template starts
    /// with this pragma, on a line of its own that renders nothing, to escape Unicode scalar by scalar instead.
    /// Each template needs it: swift-mustache renders every partial with its own default escaping.
    private static let escapingPragma: String = {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: "TROPA_HTML")
        return "{{% CONTENT_TYPE: TROPA_HTML }}\n"
    }()

    /// Compiles the theme; an override that does not parse is a `template-invalid` diagnostic at its line, and a name
    /// it looks up that no page has a `template-unknown-name` warning, with the help `suggest` gives for it.
    package static func load(overrides: [SourceText], templatesFolder: String,
                             suggest: (String, [String]) -> Message? = { _, _ in nil }) -> (Theme?, [Diagnostic]) {
        var files = [String: (text: String, path: String)]()
        for (name, text) in EmbeddedTheme.files { files[name] = (text, "(built-in theme)/\(name)") }
        for source in overrides {
            files[String(source.path.dropFirst(templatesFolder.count + 1))] = (source.text, source.path)
        }
        let assets = files.keys.sorted().filter { !$0.hasSuffix(templateExtension) }.map { (name: $0, text: files[$0]!.text) }
        // A file with the built-in text (a theme copied whole to change one file, a partial made in code copied as its
        // Mustache text by `tropa theme --copy`) changes nothing.
        let changed = Set(files.compactMap { name, file in
            name.hasSuffix(templateExtension) && !BuiltInThemeFiles.isBuiltIn(file.text, named: name)
                ? String(name.dropLast(templateExtension.count)) : nil
        })
        var library: MustacheLibrary?
        if !changed.isEmpty {
            var diagnostics: [Diagnostic] = []
            library = parsed(files.filter { $0.key.hasSuffix(templateExtension) }, diagnostics: &diagnostics)
            diagnostics += unknownIncludes(overrides, among: files.keys.filter { $0.hasSuffix(templateExtension) })
            diagnostics += endlessIncludes(overrides, templatesFolder: templatesFolder, among: files.mapValues(\.text))
            guard diagnostics.isEmpty else { return (nil, diagnostics) }
        }
        let compiled = Set(CompiledTheme.pages.filter { $0.value.isDisjoint(with: changed) }.keys)
        return (Theme(library: library, assets: assets, fingerprint: fingerprint(files.mapValues(\.text)), compiled: compiled),
                unusedTemplates(overrides, templatesFolder: templatesFolder, among: files.mapValues(\.text), suggest: suggest)
                    + unknownNames(overrides, suggest: suggest))
    }

    /// A site's template that is no template of the theme and that no template includes (`jorney.mustache`,
    /// `Base.mustache`): nothing renders it, so the change it was written for never shows. A warning at its first
    /// line, with the theme's template it is closest to.
    private static func unusedTemplates(_ overrides: [SourceText], templatesFolder: String, among files: [String: String],
                                        suggest: (String, [String]) -> Message?) -> [Diagnostic] {
        // A site without templates of its own (most) reads no template's text for this.
        guard overrides.contains(where: { $0.path.hasSuffix(templateExtension) }) else { return [] }
        let builtIn = EmbeddedTheme.files.keys.filter { $0.hasSuffix(templateExtension) }
            .map { String($0.dropLast(templateExtension.count)) }.sorted()
        let included = Set(files.filter { $0.key.hasSuffix(templateExtension) }.values.flatMap(includes))
        return overrides.compactMap { source in
            guard source.path.hasSuffix(templateExtension) else { return nil }
            let name = String(source.path.dropFirst(templatesFolder.count + 1).dropLast(templateExtension.count))
            guard !builtIn.contains(name), !included.contains(name) else { return nil }
            return .warning(.templateUnknownName, .templateNotUsed(name + templateExtension),
                            at: SourceLocation(file: source.path, line: 1), suggestion: suggest(name, builtIn) ?? .templatesOfTheme(builtIn))
        }
    }

    /// The built-in templates a page is made of, parsed when a page first needs them, once per process: most pages
    /// of a site that changes no template are made by `CompiledTheme`, and parsing every template took 7 ms of a
    /// 0.2 s update (which makes a comparison page, say, from three of them). Each parses (`CompiledThemeTests` loads
    /// them all as a site's own).
    private static func builtIn(_ template: String) -> MustacheLibrary {
        builtInLibraries.withLock { libraries in
            if let library = libraries[template] { return library }
            var diagnostics: [Diagnostic] = []
            let files = templateNames(of: template).compactMap { name -> (String, (text: String, path: String))? in
                let file = name + templateExtension
                return EmbeddedTheme.files[file].map { (file, (text: $0, path: "(built-in theme)/" + file)) }
            }
            let library = parsed(Dictionary(uniqueKeysWithValues: files), diagnostics: &diagnostics)
            precondition(diagnostics.isEmpty, "the built-in theme does not parse: \(diagnostics)")
            libraries[template] = library
            return library
        }
    }

    private static let builtInLibraries = Mutex<[String: MustacheLibrary]>([:])

    /// The built-in templates `template` is made of: itself, the parent and the partials it names, and theirs.
    private static func templateNames(of template: String) -> Set<String> {
        var found: Set<String> = [], names = [template]
        while let name = names.popLast() {
            guard found.insert(name).inserted, let text = EmbeddedTheme.files[name + templateExtension] else { continue }
            names += includes(text)
        }
        return found
    }

    /// The names of the `{{<parent}}` and `{{>partial}}` tags of a template's text.
    private static func includes(_ text: String) -> [String] {
        includeTags(text).map(\.name)
    }

    /// The `{{<parent}}` and `{{>partial}}` tags of a template's text, each with where its name starts and whether a
    /// `{{#children}}` section holds it; after a tag that changes the delimiters, none (the rest is not read).
    private static func includeTags(_ text: String) -> [(name: String, at: String.Index, inChildren: Bool)] {
        var tags: [(name: String, at: String.Index, inChildren: Bool)] = []
        // Each tag still open (a section, a block, a parent): whether it is `{{#children}}`.
        var open: [Bool] = []
        var rest = text[...]
        while let start = rest.firstRange(of: "{{") {
            rest = rest[start.upperBound...]
            guard let kind = rest.first, let close = rest.firstRange(of: "}}") else { break }
            let name = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingWhitespace()
            switch kind {
            case "#": open.append(name == "children")
            case "^", "$": open.append(false)
            case "<", ">":
                tags.append((name, start.lowerBound, open.contains(true)))
                if kind == "<" { open.append(false) }
            case "/": _ = open.popLast()
            case "=": return tags
            default: break
            }
            rest = rest[close.upperBound...]
        }
        return tags
    }

    /// A site's template that includes a template the theme does not have (`{{> nosuch}}`): swift-mustache would
    /// print nothing there without a word.
    private static func unknownIncludes(_ overrides: [SourceText], among templates: [String]) -> [Diagnostic] {
        let names = templates.map { String($0.dropLast(templateExtension.count)) }.sorted()
        return overrides.filter { $0.path.hasSuffix(templateExtension) }.flatMap { source in
            includeTags(source.text).filter { !names.contains($0.name) }.map { tag in
                .error(.templateInvalid, .templateUnknown(tag.name), at: location(of: tag.at, in: source),
                       suggestion: .templatesOfTheme(names))
            }
        }
    }

    /// A site's template that includes itself, through others or not: swift-mustache would print it without end,
    /// until the program's stack ran out (`{{> card}}` in `card.mustache`, or `{{#tags}}{{> card}}{{/tags}}`, since a
    /// tag has no `tags` and the lookup finds the card's again). Only `{{#children}}` ends such a descent: an outline
    /// node's children each have their own, the last none (`{{#children}}{{> outline-node}}{{/children}}`, as the
    /// built-in outline does).
    private static func endlessIncludes(_ overrides: [SourceText], templatesFolder: String,
                                        among files: [String: String]) -> [Diagnostic] {
        var endless: [String: [String]] = [:]
        for (file, text) in files where file.hasSuffix(templateExtension) {
            endless[String(file.dropLast(templateExtension.count))] = includeTags(text).filter { !$0.inChildren }.map(\.name)
        }
        return overrides.filter { $0.path.hasSuffix(templateExtension) }.flatMap { source -> [Diagnostic] in
            let name = String(source.path.dropFirst(templatesFolder.count + 1).dropLast(templateExtension.count))
            return includeTags(source.text).filter { !$0.inChildren }.compactMap { tag in
                guard let way = way(from: tag.name, to: name, in: endless) else { return nil }
                return .error(.templateInvalid, .templateIncludesItself(tag.name, cycle: [name] + way),
                              at: location(of: tag.at, in: source), suggestion: .includeInSection)
            }
        }
    }

    /// The templates from `start` to `goal` by includes in `graph`, both ends named; nil when there is no way.
    private static func way(from start: String, to goal: String, in graph: [String: [String]]) -> [String]? {
        var cameFrom: [String: String] = [:]
        var queue = [start], seen: Set<String> = [start]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            if node == goal {
                var way = [node]
                while let before = cameFrom[way[0]] { way.insert(before, at: 0) }
                return way
            }
            for next in graph[node] ?? [] where seen.insert(next).inserted {
                cameFrom[next] = node
                queue.append(next)
            }
        }
        return nil
    }

    private static func unknownNames(_ overrides: [SourceText], suggest: (String, [String]) -> Message?) -> [Diagnostic] {
        overrides.filter { $0.path.hasSuffix(templateExtension) }.flatMap { source in
            TemplateNames.unknown(in: source.text).map { tag in
                .warning(.templateUnknownName, .templateUnknownName(tag.name), at: location(of: tag.at, in: source),
                         suggestion: suggest(tag.part, tag.among.sorted()) ?? .templateNamesAre)
            }
        }
    }

    /// Where `index` of a template's text stands, in lines and characters.
    private static func location(of index: String.Index, in source: SourceText) -> SourceLocation {
        let line = source.text[..<index].count { $0 == "\n" } + 1
        let column = source.text[..<index].reversed().prefix { $0 != "\n" }.count + 1
        return SourceLocation(file: source.path, line: line, column: column)
    }

    /// A parser's error in words: a section closed by another name or never closed names the section still open
    /// where the parser stopped (`line`, `column` of `text`), with its line, and how to close it.
    private static func problem(_ error: any Error, text: String, line: Int, column: Int) -> (Message, Message?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let before = (lines.prefix(line - 1) + [lines.dropFirst(line - 1).first?.prefix(column - 1) ?? ""]).joined(separator: "\n")
        switch (error as? MustacheTemplate.Error, openSection(in: before)) {
        case (.sectionCloseNameIncorrect, let open?):
            return (.templateWrongClose(open: open.tag, line: open.line), .closeSection(open.name))
        case (.sectionCloseNameIncorrect, nil):
            return (.templateCloseNothing, .removeClose)
        case (.expectedSectionEnd, let open?):
            return (.templateUnclosed(open: open.tag, line: open.line), .closeSection(open.name))
        case (.unfinishedName, _):
            return (.templateUnfinishedTag, nil)
        default:
            return (.templateInvalid("\(error)"), nil)
        }
    }

    /// The innermost section opened (`{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}`) and not closed in `text`,
    /// with its line.
    static func openSection(in text: String) -> (tag: String, name: String, line: Int)? {
        var open: [(tag: String, name: String, line: Int)] = []
        var rest = text[...]
        while let tag = rest.firstRange(of: "{{") {
            guard let end = rest[tag.upperBound...].firstRange(of: "}}") else { break }
            let inside = rest[tag.upperBound..<end.lowerBound].trimmingWhitespace()
            let line = text[..<tag.lowerBound].count { $0 == "\n" } + 1
            if let kind = inside.first, "#^$<".contains(kind) {
                open.append(("{{" + inside + "}}", String(inside.dropFirst()).trimmingWhitespace(), line))
            } else if inside.first == "/" {
                open.removeLast(min(1, open.count))
            }
            rest = rest[end.upperBound...]
        }
        return open.last
    }

    /// The templates of `files` (by name, with their text and path); one that does not parse is a `template-invalid`
    /// diagnostic at its line.
    private static func parsed(_ files: [String: (text: String, path: String)], diagnostics: inout [Diagnostic]) -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in files.keys.sorted() {
            let file = files[name]!
            do {
                let template = try MustacheTemplate(string: escapingPragma + file.text)
                library.register(template, named: String(name.dropLast(templateExtension.count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - 1
                let (message, help) = problem(error.error, text: file.text, line: line, column: error.context.columnNumber)
                diagnostics.append(.error(.templateInvalid, message,
                                          at: SourceLocation(file: file.path, line: line, column: error.context.columnNumber),
                                          suggestion: help))
            } catch {
                diagnostics.append(.error(.templateInvalid, .templateInvalid("\(error)"),
                                          at: SourceLocation(file: file.path, line: 1)))
            }
        }
        return library
    }

    /// Renders a page template; a template that renders nothing is reported by the caller.
    package func render(_ model: Any, template: String) -> String? {
        if compiled.contains(template), let page = CompiledTheme.render(model, template: template) { return page }
        return (library ?? Self.builtIn(template)).render(model, withTemplate: template)
    }

    /// A page template rendered as bytes (empty when it renders nothing): the map's page is made so without a string.
    package func bytes(_ model: Any, template: String) -> [UInt8] {
        if compiled.contains(template), let page = CompiledTheme.bytes(model, template: template) { return page }
        return Array((render(model, template: template) ?? "").utf8)
    }

    /// The page at `path` rendered from `template`: in parts when the template is a page of cards made in code, or the dashboard
    /// (`CompiledTheme.parts`), as text otherwise (empty when it renders nothing).
    package func file(_ path: String, model: Any, template: String) -> OutputFile {
        if compiled.contains(template), let parts = CompiledTheme.parts(model, template: template) {
            return OutputFile(path: path, parts: parts)
        }
        return OutputFile(path: path, text: render(model, template: template) ?? "")
    }
}

/// Mustache's `{{value}}` escaping for HTML, one Unicode scalar at a time (see `Theme.escapingPragma`).
private struct ScalarHTMLEscaping: MustacheContentType {
    package func escapeText(_ text: String) -> String { Markup.escape(text) }
}

/// The built-in theme's files as a site copies them into its `templates/` to change them: every template and the
/// stylesheet, the partials made in code (`cell`, `card`, …) as their Mustache text, whose pages are the same bytes.
package enum BuiltInThemeFiles {
    /// Every file's name, in order.
    package static var names: [String] { EmbeddedTheme.files.keys.sorted() }

    /// The text to copy of `name`, nil for no file of the theme.
    package static func copy(of name: String) -> String? { EmbeddedTheme.editable[name] ?? EmbeddedTheme.files[name] }

    /// Whether `text` is the built-in file's own text, which changes nothing in a site's `templates/`.
    package static func isBuiltIn(_ text: String, named name: String) -> Bool {
        EmbeddedTheme.files[name] == text || EmbeddedTheme.editable[name] == text
    }
}
