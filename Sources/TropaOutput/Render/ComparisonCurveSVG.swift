import TropaModel
import TropaAnalysis

/// The emotion curves of several maps on one chart: a column per aligned stage, a line per map through the average
/// score of each of its stages. A stage a map lacks (or has no score for) breaks its line there; lines differ by
/// dash and by the shape of their points, not only by colour. Static SVG with a title and a description.
package struct ComparisonCurveSVG {
    package let chart: ComparisonChartModel
    package let words: ThemeWords
    package let format: NumberFormat

    private static let columnWidth = 150.0
    /// The dash of each map's line and the shape of its points, in legend order.
    private static let shapes = ["circle", "square", "triangle", "diamond", "cross"]

    package func render(id: String) -> String {
        let n = Markup.number
        let geometry = EmotionCurve(stageNames: chart.columns, series: EmotionSeries(points: []), scale: chart.scale,
                                    columnWidth: Self.columnWidth)
        let legend = EmotionCurveSVG.legend(chart.lines.map(\.label), width: geometry.width)
        let legendTop = geometry.bottom + 26 + EmotionCurveSVG.labelLineHeight * Double(EmotionCurveSVG.maxLabelLines)
        let height = legendTop + EmotionCurveSVG.legendRow * Double((legend.last?.row ?? 0) + 1)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-curve comparison" viewBox="0 0 \(n(geometry.width)) \(n(height))" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(Markup.escape(chart.title))</title>
            <desc id="\(id)-desc">\(Markup.escape(description))</desc>

            """
        svg += EmotionCurveSVG.grid(geometry)
        for (index, line) in chart.lines.enumerated() {
            let curve = EmotionCurve(stageNames: chart.columns, series: EmotionSeries(points: line.scores.enumerated().compactMap { column, score in
                score.map { EmotionSeries.Point(stage: column, score: $0, label: "") }
            }), scale: chart.scale, columnWidth: Self.columnWidth)
            let dash = EmotionCurveSVG.dashes[index % EmotionCurveSVG.dashes.count]
            let pattern = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            // A run of neighbouring columns is one stroke: a gap is a column without a point.
            var run: [EmotionCurve.Point] = []
            var paths: [String] = []
            for point in curve.points {
                if let last = run.last, point.stageIndex != last.stageIndex + 1 {
                    if run.count > 1 { paths.append(EmotionCurveSVG.pathData(run)) }
                    run = []
                }
                run.append(point)
            }
            if run.count > 1 { paths.append(EmotionCurveSVG.pathData(run)) }
            svg += "<g class=\"map map-\(index + 1)\">"
            for path in paths {
                svg += "<path class=\"line\" d=\"\(path)\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"2.5\" stroke-linejoin=\"round\"\(pattern)/>"
            }
            for point in curve.points {
                let tip = line.label + " — " + chart.columns[point.stageIndex] + ": " + format.score(point.score)
                svg += "<g class=\"point\"><title>\(Markup.escape(tip))</title>" + marker(index, x: point.x, y: point.y) + "</g>"
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
