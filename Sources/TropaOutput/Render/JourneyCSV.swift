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
        // Each stage's layers put under the schema's in one pass: every stage asked for every layer, twice, copied
        // 80 stages a map.
        let definitions = presenter.site.schema.layers
        var contents = [[LayerContent?]](repeating: [LayerContent?](repeating: nil, count: journey.stages.count),
                                         count: definitions.count)
        for (place, stage) in journey.stages.enumerated() {
            for layer in stage.layers {
                // The stage's first layer of an id, as `Stage.layer(id:)` finds it.
                if let row = definitions.firstIndex(where: { $0.id == layer.layerID }), contents[row][place] == nil {
                    contents[row][place] = layer.content
                }
            }
        }
        for (definition, cells) in zip(definitions, contents) where cells.contains(where: { $0 != nil }) {
            rows.append([presenter.title(of: definition)] + cells.map { content in
                switch content {
                case .text(let text)?:
                    return text.plain
                case .list(let items)?:
                    return lines(items) { $0.plainWithMarks }
                case .emotion(let points)?:
                    return lines(points) { point in
                        point.label.isEmpty ? format.score(point.score) : point.label + " (" + format.score(point.score) + ")"
                    }
                case .metrics(let values)?:
                    return lines(values) { $0.name + ": " + format.value($0.value, range: $0.range, unit: $0.unit) }
                case nil:
                    return ""
                }
            })
        }
        return SpreadsheetCSV.bytes(rows: rows)
    }

    /// A cell of one line for each value.
    private static func lines<Value>(_ values: [Value], _ line: (Value) -> String) -> String {
        var cell = ""
        for (index, value) in values.enumerated() {
            if index > 0 { cell.append("\n") }
            cell.append(line(value))
        }
        return cell
    }
}
