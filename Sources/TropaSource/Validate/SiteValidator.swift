import TropaModel

/// What the site-wide checks need of a map: its file and its persona. A full build keeps this rather than the
/// map, whose pages are written as soon as it is parsed.
package struct JourneyClaim: Sendable {
    package let path: String
    package let personaID: String?
    package let personaLocation: SourceLocation?
    package let compare: [MapReference]

    package init(_ journey: Journey) {
        path = journey.path
        personaID = journey.personaID
        personaLocation = journey.personaLocation
        compare = journey.compare
    }
}

/// Checks what only the whole site can tell of its sources: that the personas and the maps to compare with that
/// maps name exist. (Where pages go is the output's to check: `OutputClaims`.)
package struct SiteValidator {
    package let journeys: [JourneyClaim]
    package let personas: [Persona]
    /// Every map file of the site, read in this run or not (an update reads only the changed ones).
    package let mapPaths: [String]
    package let contentPath: String

    package init(journeys: [JourneyClaim], personas: [Persona], mapPaths: [String]? = nil, contentPath: String = "content") {
        self.journeys = journeys
        self.personas = personas
        self.mapPaths = mapPaths ?? journeys.map(\.path)
        self.contentPath = contentPath
    }

    package func validate() -> [Diagnostic] {
        unknownPersonas() + unknownMaps()
    }

    /// A `compare` entry names a map of the site; a draft counts, so last year's version may stay out of the catalogue.
    private func unknownMaps() -> [Diagnostic] {
        let paths = Set(mapPaths)
        let unknown = journeys.flatMap { journey in
            journey.compare.filter { !paths.contains($0.path(inContent: contentPath)) }
        }
        guard !unknown.isEmpty else { return [] }
        let names = mapPaths.map { MapReference.name(of: $0, inContent: contentPath) }
        return unknown.map { reference in
            .error(.unknownMap, .unknownMap(reference.text), at: reference.location,
                   suggestion: Suggestion.closest(to: reference.text, among: names).map(Message.didYouMean) ?? .mapsAreNamed)
        }
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
