/// What the site-wide checks need of a map: its file, its output folder and its persona. A full build keeps
/// this rather than the map, whose pages are written as soon as it is parsed.
struct JourneyClaim: Sendable {
    let path: String
    let slug: String
    let personaID: String?
    let personaLocation: SourceLocation?

    init(_ journey: Journey) {
        path = journey.path
        slug = journey.slug
        personaID = journey.personaID
        personaLocation = journey.personaLocation
    }
}

/// Checks what only the whole site can tell: that personas exist and that no two pages share an output folder.
struct SiteValidator {
    let journeys: [JourneyClaim]
    let personas: [Persona]
    let staticFiles: [StaticFile]

    func validate() -> [Diagnostic] {
        unknownPersonas() + outputConflicts()
    }

    private func unknownPersonas() -> [Diagnostic] {
        let ids = personas.map(\.id)
        return journeys.compactMap { journey in
            guard let id = journey.personaID, !ids.contains(id) else { return nil }
            let location = journey.personaLocation ?? SourceLocation(file: journey.path, line: 1)
            let suggestion = Suggestion.closest(to: id, among: ids).map { "did you mean \"\($0)\"?" }
                ?? (ids.isEmpty ? "add content/personas/\(id).md"
                    : "personas of this site: \(ids.joined(separator: ", "))")
            return .error(.unknownPersona, "no persona \"\(id)\" in content/personas/", at: location,
                          suggestion: suggestion)
        }
    }

    /// Every output folder and file is claimed once; a second claim is a conflict.
    private func outputConflicts() -> [Diagnostic] {
        var owners: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for persona in personas {
            let folder = PagePaths.persona(persona.id)
            if let owner = owners[folder] {
                diagnostics.append(.error(.duplicateSlug, "this persona's page would be written to \(folder)/, like \(owner)",
                                          at: SourceLocation(file: persona.path, line: 1),
                                          suggestion: "rename one of the two files"))
            } else {
                owners[folder] = persona.path
            }
        }
        for journey in journeys {
            let folder = PagePaths.journeyFolder(journey.slug)
            if let owner = owners[folder] {
                diagnostics.append(.error(.duplicateSlug, "this map would be written to \(folder)/, like \(owner)",
                                          at: SourceLocation(file: journey.path, line: 1),
                                          suggestion: "rename one of the two files"))
            } else {
                owners[folder] = journey.path
            }
        }
        let journeyFiles = journeys.flatMap { journey in
            PagePaths.journeyFiles.map { PagePaths.journeyFolder(journey.slug) + "/" + $0 }
        }
        let generated = Set(owners.keys.map { $0 + "/index.html" } + journeyFiles + [PagePaths.catalogue])
        for file in staticFiles where generated.contains(file.outputPath) || file.outputPath.hasPrefix(PagePaths.assets + "/") {
            diagnostics.append(.error(.outputConflict, "this file would overwrite a page tropa writes: \(file.outputPath)",
                                      at: SourceLocation(file: file.path, line: 1), suggestion: "rename or move the file"))
        }
        return diagnostics
    }
}
