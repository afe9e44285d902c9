/// What the site-wide checks need of a map: its file and its persona. A full build keeps this rather than the
/// map, whose pages are written as soon as it is parsed.
struct JourneyClaim: Sendable {
    let path: String
    let personaID: String?
    let personaLocation: SourceLocation?

    init(_ journey: Journey) {
        path = journey.path
        personaID = journey.personaID
        personaLocation = journey.personaLocation
    }
}

/// Checks what only the whole site can tell of its sources: that the personas maps name exist. (Where pages go
/// is the output's to check: `OutputClaims`.)
struct SiteValidator {
    let journeys: [JourneyClaim]
    let personas: [Persona]

    func validate() -> [Diagnostic] {
        unknownPersonas()
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
}
