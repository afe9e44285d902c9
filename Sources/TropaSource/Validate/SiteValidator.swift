import TropaModel

/// What the site-wide checks need of a map: its file and its persona. A full build keeps this rather than the
/// map, whose pages are written as soon as it is parsed.
package struct JourneyClaim: Sendable {
    package let path: String
    package let personaID: String?
    package let personaLocation: SourceLocation?

    package init(_ journey: Journey) {
        path = journey.path
        personaID = journey.personaID
        personaLocation = journey.personaLocation
    }
}

/// Checks what only the whole site can tell of its sources: that the personas maps name exist. (Where pages go
/// is the output's to check: `OutputClaims`.)
package struct SiteValidator {
    package let journeys: [JourneyClaim]
    package let personas: [Persona]

    package init(journeys: [JourneyClaim], personas: [Persona]) {
        self.journeys = journeys
        self.personas = personas
    }

    package func validate() -> [Diagnostic] {
        unknownPersonas()
    }

    private func unknownPersonas() -> [Diagnostic] {
        let ids = personas.map(\.id)
        return journeys.compactMap { journey in
            guard let id = journey.personaID, !ids.contains(id) else { return nil }
            let location = journey.personaLocation ?? SourceLocation(file: journey.path, line: 1)
            return .error(.unknownPersona, .unknownPersona(id), at: location,
                          suggestion: Self.personaHelp(for: id, among: ids))
        }
    }

    /// The help for an unknown persona id: the closest id, or the ones there are, or the file to add.
    package static func personaHelp(for id: String, among ids: [String]) -> Message {
        Suggestion.closest(to: id, among: ids).map(Message.didYouMean)
            ?? (ids.isEmpty ? .addPersona(id) : .personasOfSite(ids))
    }
}
