import Mustache

/// The compiled templates and assets of the theme: the built-in one, with a site's `templates/` files
/// replacing it file by file.
struct Theme: @unchecked Sendable {
    // MustacheLibrary is immutable after loading and only read while rendering.
    let library: MustacheLibrary
    /// Files that are not templates (the stylesheet): written to the output's assets folder.
    let assets: [(name: String, text: String)]
    /// A hash of every file of the theme, so a rebuild knows whether pages rendered before still hold.
    let fingerprint: UInt64

    static let templateExtension = ".mustache"

    /// Compiles the theme; an override that does not parse is a `template-invalid` diagnostic at its line.
    static func load(overrides: [SourceText], templatesFolder: String) -> (Theme?, [Diagnostic]) {
        var files = [String: (text: String, path: String)]()
        for (name, text) in EmbeddedTheme.files { files[name] = (text, "(built-in theme)/\(name)") }
        for source in overrides {
            files[String(source.path.dropFirst(templatesFolder.count + 1))] = (source.text, source.path)
        }
        var library = MustacheLibrary()
        var assets: [(name: String, text: String)] = []
        var diagnostics: [Diagnostic] = []
        var hash = FNV1a()
        for name in files.keys.sorted() {
            let file = files[name]!
            hash.combine(name.utf8)
            hash.combine(file.text.utf8)
            hash.combine([0])
            guard name.hasSuffix(templateExtension) else {
                assets.append((name, file.text))
                continue
            }
            do {
                let template = try MustacheTemplate(string: file.text)
                library.register(template, named: String(name.dropLast(templateExtension.count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(.templateInvalid, "the template does not parse: \(error.error)",
                                          at: SourceLocation(file: file.path, line: error.context.lineNumber,
                                                             column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error(.templateInvalid, "the template does not parse: \(error)",
                                          at: SourceLocation(file: file.path, line: 1)))
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Theme(library: library, assets: assets, fingerprint: hash.value), [])
    }

    /// Renders a page template; a template that renders nothing is reported by the caller.
    func render(_ model: Any, template: String) -> String? {
        library.render(model, withTemplate: template)
    }
}
