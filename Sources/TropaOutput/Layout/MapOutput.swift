import TropaModel
import TropaAnalysis

/// A file every map may have, declared once: the build writes it, the site check claims its path, the page
/// offers it for download, and the golden tests compare it. A new format is one more entry in `all`.
package struct MapOutput: Sendable {
    /// Names the output in templates (`downloads.svg`) and tests.
    package let key: String
    /// Its name in the map's folder.
    package let fileName: String
    /// The theme word of its download link; nil for a file that is not offered as a download (the page itself).
    package let label: String?
    /// Whether a map has this file, given whether it has an emotion curve.
    package let isMade: @Sendable (_ hasCurve: Bool) -> Bool
    /// The file's contents.
    package let render: @Sendable (MapPieces) -> OutputFile.Contents

    /// In the order a map's files are written and offered.
    package static let all: [MapOutput] = [
        MapOutput(key: "page", fileName: "index.html", label: nil, isMade: { _ in true }) { .bytes($0.page) },
        MapOutput(key: "svg", fileName: "emotions.svg", label: "downloadSVG", isMade: { $0 }) { .text($0.curveSVG ?? "") },
        MapOutput(key: "opml", fileName: "outline.opml", label: "downloadOPML", isMade: { _ in true }) {
            .bytes(OutlineXML.opml($0.model.outline))
        },
        MapOutput(key: "mm", fileName: "outline.mm", label: "downloadMM", isMade: { _ in true }) {
            .bytes(OutlineXML.freeMind($0.model.outline))
        },
        MapOutput(key: "markdown", fileName: "outline.md", label: "downloadMarkdown", isMade: { _ in true }) {
            .bytes(OutlineMarkdown.bytes($0.model.outline))
        },
        MapOutput(key: "mermaid", fileName: "journey.mmd", label: "downloadMermaid", isMade: { _ in true }) {
            .text(MermaidJourney.text($0.journey, schema: $0.presenter.site.schema, actor: $0.model.persona?.name))
        },
        MapOutput(key: "json", fileName: "journey.json", label: "downloadJSON", isMade: { _ in true }) {
            .bytes(JourneyJSON.bytes($0.journey, facts: $0.facts, evaluation: $0.evaluation, presenter: $0.presenter))
        },
        MapOutput(key: "csv", fileName: "journey.csv", label: "downloadCSV", isMade: { _ in true }) {
            .bytes(JourneyCSV.bytes($0.journey, presenter: $0.presenter))
        },
    ]

    /// Every file name a map's folder may hold.
    package static var fileNames: [String] { all.map(\.fileName) }

    /// The names `outputs:` in `tropa.yml` may list.
    package static var names: [String] { all.map(\.key) }

    /// The outputs a site writes of each map: those its `outputs` lists, and always the page.
    package static func chosen(by config: SiteConfig) -> [MapOutput] {
        guard let names = config.outputs else { return all }
        return all.filter { $0.label == nil || names.contains($0.key) }
    }
}

/// What a map's outputs are made from, made once per map: the map and its facts, its page model, its curve drawn,
/// its page.
package struct MapPieces {
    package let journey: Journey
    package let facts: JourneyFacts
    package let evaluation: JourneyEvaluation
    package let presenter: SitePresenter
    package let model: JourneyPageModel
    /// The curve as a file of its own (the page has its own drawing, in `model.curveSVG`).
    package let curveSVG: String?
    package let page: [UInt8]
}
