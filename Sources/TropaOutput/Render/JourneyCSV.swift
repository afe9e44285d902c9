import TropaModel
import TropaAnalysis

/// The map's table as a spreadsheet shows it (`journey.csv`): a header row of stages, then a row per layer with
/// its title first; a list's items, emotion points and metrics each on a line of their own inside the cell.
package enum JourneyCSV {
    package static func bytes(_ journey: Journey, presenter: SitePresenter) -> [UInt8] {
        let words = presenter.words
        let format = presenter.format
        var rows = [[words["layer"]] + journey.stages.map(\.displayName)]
        if journey.stages.contains(where: { !$0.description.isEmpty }) {
            rows.append([words["stageDescription"]] + journey.stages.map(\.description.plain))
        }
        for definition in presenter.site.schema.layers where journey.stages.contains(where: { $0.layer(id: definition.id) != nil }) {
            rows.append([presenter.title(of: definition)] + journey.stages.map { stage in
                switch stage.layer(id: definition.id)?.content {
                case .text(let text)?:
                    return text.plain
                case .list(let items)?:
                    return items.map(\.plainWithMarks).joined(separator: "\n")
                case .emotion(let points)?:
                    return points.map { point in
                        point.label.isEmpty ? format.score(point.score) : "\(point.label) (\(format.score(point.score)))"
                    }.joined(separator: "\n")
                case .metrics(let values)?:
                    return values.map { "\($0.name): " + format.value($0.value, range: $0.range, unit: $0.unit) }
                        .joined(separator: "\n")
                case nil:
                    return ""
                }
            })
        }
        return SpreadsheetCSV.bytes(rows: rows)
    }
}
