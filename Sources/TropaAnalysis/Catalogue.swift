import TropaModel

/// The maps of a site grouped for the catalogue: by product, then by segment; maps by title within a group.
public struct Catalogue: Sendable {
    public struct Group: Sendable {
        /// Nil for maps that name no product (or segment).
        public var name: String?
        public var segments: [Segment]
    }

    public struct Segment: Sendable {
        public var name: String?
        public var journeys: [JourneySummary]
    }

    public var products: [Group]

    public init(journeys: [JourneySummary]) {
        let byProduct = Dictionary(grouping: journeys, by: \.product)
        products = byProduct.keys.sorted(by: Self.namedFirst).map { product in
            let bySegment = Dictionary(grouping: byProduct[product]!, by: \.segment)
            return Group(name: product, segments: bySegment.keys.sorted(by: Self.namedFirst).map { segment in
                Segment(name: segment, journeys: bySegment[segment]!.sortedByTitle(\.title, slug: \.slug))
            })
        }
    }

    /// Named groups in alphabetical order, the unnamed one last.
    private static func namedFirst(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case let (a?, b?): NameKey(a).value == NameKey(b).value ? a < b : NameKey(a).value < NameKey(b).value
        case (_?, nil): true
        default: false
        }
    }
}
