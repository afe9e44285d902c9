/// What the catalogue and the persona pages show of a map. An incremental build takes the unchanged maps'
/// summaries from the build record instead of parsing those maps again.
public struct JourneySummary: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var personaID: String?
    public var product: String?
    public var segment: String?
    public var tags: [String]
    public var draft: Bool
    public var stageCount: Int
}

extension Journey {
    public var summary: JourneySummary {
        JourneySummary(slug: slug, title: title, personaID: personaID, product: product, segment: segment,
                       tags: tags, draft: draft, stageCount: stages.count)
    }
}
