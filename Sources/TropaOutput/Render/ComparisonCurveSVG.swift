import TropaModel
import TropaAnalysis

/// The emotion curves of several maps on one chart: a column per aligned stage, a line per map through the average
/// score of each of its stages, joining the stages that follow each other in the map. Across a column where the map
/// has no stage the line goes on faint, with no point there; lines differ by dash and by the shape of their points,
/// not only by colour. Static SVG with a title and a description.
package struct ComparisonCurveSVG {
    package let chart: ComparisonChartModel
    package let words: ThemeWords
    package let format: NumberFormat

    /// Narrower columns for many stages, so the chart's text stays readable when it is scaled to the page.
    private var columnWidth: Double { chart.columns.count > 6 ? 120 : 150 }
    /// The dash of each map's line and the shape of its points, in legend order.
    private static let shapes = ["circle", "square", "triangle", "diamond", "cross"]

    package func render(id: String) -> String {
        let n = Markup.number
        let geometry = EmotionCurve(stageNames: chart.columns, series: EmotionSeries(points: []), scale: chart.scale,
                                    columnWidth: columnWidth)
        // A row of the legend per map: maps compared with their own versions differ only at the ends of their titles.
        let legend = chart.lines.enumerated().map { (x: 0.0, row: $0.offset, label: EmotionCurveSVG.shorten($0.element.label, to: 110)) }
        let legendTop = geometry.bottom + 26 + EmotionCurveSVG.labelLineHeight * Double(EmotionCurveSVG.maxLabelLines)
        let height = legendTop + EmotionCurveSVG.legendRow * Double(legend.count)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-curve comparison" viewBox="0 0 \(n(geometry.width)) \(n(height))" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(Markup.escape(chart.title))</title>
            <desc id="\(id)-desc">\(Markup.escape(description))</desc>

            """
        svg += EmotionCurveSVG.grid(geometry)
        for (index, line) in chart.lines.enumerated() {
            let dash = EmotionCurveSVG.dashes[index % EmotionCurveSVG.dashes.count]
            let pattern = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            // Each map's points sit a little apart within a column, so equal scores do not hide each other.
            let offset = (Double(index) - Double(chart.lines.count - 1) / 2) * 6
            let point = { (column: Int) in
                line.scores[column].map { (x: geometry.columnCenter(column) + offset, y: geometry.y(for: Self.clamped($0, chart.scale))) }
            }
            svg += "<g class=\"map map-\(index + 1)\">"
            for step in line.steps {
                guard let from = point(step.from), let to = point(step.to) else { continue }
                // Over a column the map has no stage in, the line goes on faint: a gap, not a zero.
                let across = step.acrossGap
                let width = across ? "1.5\" stroke-opacity=\"0.45" : "2.5"
                svg += "<path class=\"line\(across ? " gap" : "")\" d=\"M\(n(from.x)) \(n(from.y)) L\(n(to.x)) \(n(to.y))\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"\(width)\"\(pattern)/>"
            }
            for column in line.scores.indices {
                guard let score = line.scores[column], let at = point(column) else { continue }
                let tip = line.label + " — " + chart.columns[column] + ": " + format.score(score)
                svg += "<g class=\"point\"><title>\(Markup.escape(tip))</title>" + marker(index, x: at.x, y: at.y) + "</g>"
            }
            svg += "</g>\n"
        }
        svg += EmotionCurveSVG.stageNames(geometry)
        svg += "<g class=\"legend\" font-size=\"12\" fill=\"#1f2633\">"
        for (index, entry) in legend.enumerated() {
            let dash = EmotionCurveSVG.dashes[index % EmotionCurveSVG.dashes.count]
            let pattern = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            let y = legendTop + EmotionCurveSVG.legendRow * Double(entry.row)
            svg += "<line x1=\"\(n(entry.x))\" y1=\"\(n(y))\" x2=\"\(n(entry.x + 28))\" y2=\"\(n(y))\" stroke=\"#3a4a6b\" stroke-width=\"2.5\"\(pattern)/>"
            svg += marker(index, x: entry.x + 14, y: y)
            svg += "<text x=\"\(n(entry.x + 34))\" y=\"\(n(y + 4))\">\(Markup.escape(entry.label))</text>"
        }
        return svg + "</g>\n</svg>\n"
    }

    private static func clamped(_ score: Double, _ scale: ClosedRange<Double>) -> Double {
        min(max(score, scale.lowerBound), scale.upperBound)
    }

    /// Each map's scores in words, for a screen reader: "Сегмент A: Поиск +1, Выбор −2 (нет этапа «Оплата»)".
    private var description: String {
        chart.lines.map { line in
            let scores = zip(chart.columns, line.scores).map { column, score in
                column + " " + (score.map(format.score) ?? "—")
            }
            return line.label + ": " + scores.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// The point of map `index`: a shape of its own, so lines differ without colour.
    private func marker(_ index: Int, x: Double, y: Double) -> String {
        let n = Markup.number
        let style = "fill=\"#ffffff\" stroke=\"#3a4a6b\" stroke-width=\"2\""
        switch Self.shapes[index % Self.shapes.count] {
        case "square":
            return "<rect x=\"\(n(x - 5))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" \(style)/>"
        case "triangle":
            return "<path d=\"M\(n(x)) \(n(y - 6)) L\(n(x + 6)) \(n(y + 5)) L\(n(x - 6)) \(n(y + 5)) Z\" \(style)/>"
        case "diamond":
            return "<path d=\"M\(n(x)) \(n(y - 7)) L\(n(x + 7)) \(n(y)) L\(n(x)) \(n(y + 7)) L\(n(x - 7)) \(n(y)) Z\" \(style)/>"
        case "cross":
            return "<path d=\"M\(n(x - 5)) \(n(y - 5)) L\(n(x + 5)) \(n(y + 5)) M\(n(x + 5)) \(n(y - 5)) L\(n(x - 5)) \(n(y + 5))\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"2.5\"/>"
        default:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" \(style)/>"
        }
    }
}
