import TropaModel
import TropaAnalysis

/// Draws a `BarChartModel`: per row, the label, a track with its bar, and the figures below. Accessible
/// (`role="img"`, `<title>`, `<desc>` stating every figure) and script-free; colours are presentation attributes
/// that the theme's stylesheet overrides in dark mode.
package struct BarChartSVG {
    package let chart: BarChartModel

    /// Narrow enough that its words stay readable on a phone, where the drawing is scaled to the screen.
    package static let width = 440.0
    /// Characters of a label, and of a line of figures, that fit the width.
    package static let labelLength = 52
    package static let noteLength = 50
    private static let lineHeight = 16.0

    /// Written as bytes piece by piece: through interpolated strings, a map's bar charts were 1.5 % of a cold build's
    /// instructions.
    package func render() -> String {
        let n = Markup.number
        let id = chart.id
        var body = ByteWriter(capacity: 4096)
        var y = 0.0
        for row in chart.rows {
            body.append("<g class=\"row")
            if !row.kind.isEmpty {
                body.append(" ")
                body.append(contentsOf: row.kind)
            }
            body.append("\"><text class=\"label\"")
            body.append(position: (0, y + 15))
            body.append(" font-size=\"14\" font-weight=\"bold\" fill=\"#1f2633\">")
            body.append(escaping: EmotionCurveSVG.shorten(row.label, to: Self.labelLength))
            body.append("</text><rect class=\"track\"")
            body.append(position: (0, y + 22))
            body.append(" width=\"")
            body.append(number: Self.width)
            body.append("\" height=\"12\" rx=\"3\" fill=\"#e3e6ec\"/>")
            if let length = row.length {
                // A bar of zero length still shows where it stands.
                body.append("<rect class=\"bar\"")
                body.append(position: (row.start * Self.width, y + 22))
                body.append(" width=\"")
                body.append(number: max(length * Self.width, 2))
                body.append(row.kind == "weakest" ? "\" height=\"12\" rx=\"3\" fill=\"#c2410c\"/>" : "\" height=\"12\" rx=\"3\" fill=\"#2f5bd3\"/>")
            } else {
                body.append("<rect class=\"gap\"")
                body.append(position: (0.5, y + 22.5))
                body.append(" width=\"")
                body.append(number: Self.width - 1)
                body.append("\" height=\"11\" rx=\"3\" fill=\"none\" stroke=\"#7a8294\" stroke-dasharray=\"4 3\"/>")
            }
            let lines = EmotionCurveSVG.wrap(row.note, width: Self.noteLength, maxLines: 3)
            body.append("<text class=\"note\"")
            body.append(position: (0, y + 50))
            body.append(" font-size=\"12.5\" fill=\"#4a5263\">")
            EmotionCurveSVG.appendLines(lines, x: 0, lineHeight: Self.lineHeight, to: &body)
            body.append("</text></g>\n")
            y += 50 + Self.lineHeight * Double(lines.count - 1) + 16
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-chart tropa-\(id)" viewBox="0 0 \(n(Self.width)) \(n(y))" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(Markup.escape(chart.title))</title>
            <desc id="\(id)-desc">\(Markup.escape(chart.description))</desc>

            """ + body.string + "</svg>\n"
    }
}

/// Draws a `QuadrantChartModel`: stages as numbered dots by conversion (x) and NPS (y), the split at the averages,
/// and the quadrants named in their corners.
package struct QuadrantSVG {
    package let chart: QuadrantChartModel
    package let format: NumberFormat

    private static let plot = (left: 72.0, top: 16.0, width: 360.0, height: 260.0)

    package func render() -> String {
        let plot = Self.plot
        let x = Self.domain(chart.points.map(\.conversion) + [chart.split.conversion], within: 0...100)
        let y = Self.domain(chart.points.map(\.nps) + [chart.split.nps], within: -100...100)
        let px = { (value: Double) in plot.left + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * plot.width }
        let py = { (value: Double) in plot.top + (y.upperBound - value) / (y.upperBound - y.lowerBound) * plot.height }
        let splitX = px(chart.split.conversion), splitY = py(chart.split.nps)
        let right = plot.left + plot.width, bottom = plot.top + plot.height
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-chart tropa-quadrant" viewBox="0 0 440 332" \
            role="img" aria-labelledby="quadrant-title quadrant-desc">
            <title id="quadrant-title">\(Markup.escape(chart.title))</title>
            <desc id="quadrant-desc">\(Markup.escape(chart.description))</desc>

            """
        // The quadrants, tinted: top left, top right, bottom left, bottom right, as `quadrantNames` lists them.
        let areas: [(Double, Double, Double, Double, StaticString)] = [
                     (plot.left, plot.top, splitX - plot.left, splitY - plot.top, "#f2b84b"),
                     (splitX, plot.top, right - splitX, splitY - plot.top, "#2e9d5b"),
                     (plot.left, splitY, splitX - plot.left, bottom - splitY, "#d6453d"),
                     (splitX, splitY, right - splitX, bottom - splitY, "#2f5bd3")]
        // Piece by piece into bytes: through interpolated strings, the quadrant was 1 % of a cold build's instructions.
        var body = ByteWriter(capacity: 4096)
        for (index, area) in areas.enumerated() {
            body.append("<rect class=\"area area-")
            body.append(decimal: index)
            body.append("\"")
            body.append(position: (area.0, area.1))
            body.append(" width=\"")
            body.append(number: area.2)
            body.append("\" height=\"")
            body.append(number: area.3)
            body.append("\" fill=\"")
            body.append(area.4)
            body.append("\" fill-opacity=\"0.1\"/>")
        }
        let corners: [(Double, Double, StaticString)] = [(plot.left + 6, plot.top + 16, "start"), (right - 6, plot.top + 16, "end"),
                                                         (plot.left + 6, bottom - 8, "start"), (right - 6, bottom - 8, "end")]
        body.append("\n<g class=\"names\" font-size=\"13\" fill=\"#4a5263\">")
        for (name, corner) in zip(chart.quadrantNames, corners) {
            body.append("<text")
            body.append(position: (corner.0, corner.1))
            body.append(" text-anchor=\"")
            body.append(corner.2)
            body.append("\">")
            body.append(escaping: name)
            body.append("</text>")
        }
        body.append("</g>\n<g class=\"axes\" stroke=\"#7a8294\" stroke-width=\"1\"><rect")
        body.append(position: (plot.left, plot.top))
        body.append(" width=\"")
        body.append(number: plot.width)
        body.append("\" height=\"")
        body.append(number: plot.height)
        body.append("\" fill=\"none\"/><line class=\"split\"")
        body.append(lineFrom: (splitX, plot.top), to: (splitX, bottom))
        body.append(" stroke-dasharray=\"5 4\"/><line class=\"split\"")
        body.append(lineFrom: (plot.left, splitY), to: (right, splitY))
        body.append(" stroke-dasharray=\"5 4\"/></g>\n<g class=\"ticks\" font-size=\"13\" fill=\"#4a5263\">")
        // The axes' ends and the averages they split at.
        let ticks: [(Double, Double, StaticString, String)] = [
            (plot.left, bottom + 16, "start", format.percent(x.lowerBound)),
            (splitX, bottom + 16, "middle", format.percent(chart.split.conversion)),
            (right, bottom + 16, "end", format.percent(x.upperBound)),
            (plot.left - 6, plot.top + 10, "end", format.score(y.upperBound)),
            (plot.left - 6, splitY + 4, "end", format.score(SitePresenter.tenth(chart.split.nps))),
            (plot.left - 6, bottom, "end", format.score(y.lowerBound))]
        for tick in ticks {
            body.append("<text")
            body.append(position: (tick.0, tick.1))
            body.append(" text-anchor=\"")
            body.append(tick.2)
            body.append("\">")
            body.append(escaping: tick.3)
            body.append("</text>")
        }
        body.append("<text class=\"axis\"")
        body.append(position: (plot.left + plot.width / 2, bottom + 40))
        body.append(" text-anchor=\"middle\" font-size=\"13\">")
        body.append(escaping: chart.conversionAxis)
        body.append(" →</text><text class=\"axis\" x=\"14\" y=\"")
        body.append(number: plot.top + plot.height / 2)
        body.append("\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 14 ")
        body.append(number: plot.top + plot.height / 2)
        body.append(")\">")
        body.append(escaping: chart.npsAxis)
        body.append(" →</text></g>\n")
        for point in chart.points {
            let (cx, cy) = (px(point.conversion), py(point.nps))
            body.append("<g class=\"point\"><circle")
            body.append(center: (cx, cy))
            body.append(" r=\"12\" fill=\"#1f2633\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"")
            body.append(number: cx)
            body.append("\" y=\"")
            body.append(number: cy + 4.5)
            body.append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#ffffff\">")
            body.append(decimal: point.number)
            body.append("</text></g>\n")
        }
        return svg + body.string + "</svg>\n"
    }

    /// The values' span with room around it, inside `bounds`, so that dots do not sit on the frame.
    package static func domain(_ values: [Double], within bounds: ClosedRange<Double>) -> ClosedRange<Double> {
        let low = values.min() ?? bounds.lowerBound, high = values.max() ?? bounds.upperBound
        let pad = max((high - low) * 0.15, (bounds.upperBound - bounds.lowerBound) * 0.05)
        // Whole numbers at the ends, for the axes' labels.
        return max(bounds.lowerBound, (low - pad).rounded(.down))...min(bounds.upperBound, (high + pad).rounded(.up))
    }
}

/// Draws a `TrendModel` small: the measurements as a line spaced by their dates, the latest dot filled, the
/// highest and lowest values at its left and the first and last dates under it (each line is scaled to its own
/// values and its target: without them a change of two points looked like one of thirty), the target dashed. Its
/// words are in `<title>` and `<desc>`; the page writes the latest value and the change beside it.
package struct TrendSVG {
    package let trend: TrendModel

    private static let size = (width: 240.0, height: 76.0)
    /// The plot's right, top and bottom; its left is where the values written beside it end.
    private static let plot = (right: 234.0, top: 8.0, bottom: 52.0)
    /// The width an 11-pixel character takes at most, near enough (`8` 6.1, `₽` 7.4, `ж` 8.9).
    private static let characterWidth = 6.6
    /// A short date's width with room after it (`30.11.2025`, `30 Nov 2025`).
    private static let dateWidth = 68.0

    package func render() -> String {
        let n = Markup.number
        let days = trend.points.map(\.day), values = trend.points.map(\.value)
        let (first, last) = (days.min() ?? 0, days.max() ?? 0)
        // The target is on the scale too, so that its line is drawn however far the values are from it.
        let target = trend.targetLevel
        let scaled = values + [target?.value].compactMap { $0 }
        let (low, high) = (scaled.min() ?? 0, scaled.max() ?? 0)
        let highest = trend.points.max { $0.value < $1.value }, lowest = trend.points.min { $0.value < $1.value }
        // Room at the left for the longest of the values written (`48 000 ₽`, `2 недели`), up to half the chart; a
        // longer one is cut, whole in its tooltip.
        let size = Self.size
        let fits = Int((size.width / 2 - 10) / Self.characterWidth)
        let written = min(fits, [highest?.text, lowest?.text, target?.written].compactMap { $0?.count }.max() ?? 0)
        let plot = (left: max(30, Double(written) * Self.characterWidth + 10),
                    right: Self.plot.right, top: Self.plot.top, bottom: Self.plot.bottom)
        let px = { (day: Int) in
            last == first ? (plot.left + plot.right) / 2 : plot.left + Double(day - first) / Double(last - first) * (plot.right - plot.left)
        }
        // A flat trend is drawn across the middle.
        let py = { (value: Double) in
            high == low ? (plot.top + plot.bottom) / 2 : plot.top + (high - value) / (high - low) * (plot.bottom - plot.top)
        }
        let id = trend.id
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-chart tropa-trend" viewBox="0 0 \(n(size.width)) \(n(size.height))" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(Markup.escape(trend.title))</title>
            <desc id="\(id)-desc">\(Markup.escape(trend.description))</desc>

            """
        // At the left, the highest value as written and the lowest, each at its height, the lowest only where it
        // does not meet the highest; then the target's, where it meets neither. Under the chart, the ends' dates.
        var ticks: [(x: Double, y: Double, anchor: String, text: String)] = []
        var heights: [Double] = []
        for point in [highest, lowest].compactMap({ $0 }) where heights.allSatisfy({ abs($0 - py(point.value)) >= 12 }) {
            ticks.append((plot.left - 6, py(point.value) + 4, "end", point.text))
            heights.append(py(point.value))
        }
        if let start = trend.points.first(where: { $0.day == first }), let end = trend.points.last(where: { $0.day == last }) {
            if first == last {
                ticks.append((px(first), size.height - 6, "middle", start.shortLabel))
            } else {
                // Under the first point, unless a long value pushed it so far right that the dates would meet.
                ticks.append((min(plot.left, plot.right - 2 * Self.dateWidth), size.height - 6, "start", start.shortLabel))
                ticks.append((plot.right, size.height - 6, "end", end.shortLabel))
            }
        }
        svg += "<g class=\"ticks\" font-size=\"11\" fill=\"#4a5263\">"
        for tick in ticks {
            svg += "<text x=\"\(n(tick.x))\" y=\"\(n(tick.y))\" text-anchor=\"\(tick.anchor)\">" + Self.cut(tick.text, fits: fits) + "</text>"
        }
        svg += "</g>\n"
        if let target, let said = trend.target {
            // Dashed and green, under the values' line; it tells what it is in its tooltip and in the caption.
            let y = py(target.value)
            svg += "<g class=\"target\"><line x1=\"\(n(plot.left))\" y1=\"\(n(y))\" x2=\"\(n(plot.right))\" y2=\"\(n(y))\" stroke=\"#1f7a45\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>\(Markup.escape(said))</title></line>"
            if heights.allSatisfy({ abs($0 - y) >= 12 }) {
                svg += "<text x=\"\(n(plot.left - 6))\" y=\"\(n(y + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#1f7a45\">"
                    + Self.cut(target.written, fits: fits) + "</text>"
            }
            svg += "</g>\n"
        }
        let coordinates = trend.points.map { "\(n(px($0.day))),\(n(py($0.value)))" }
        svg += "<polyline class=\"line\" points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"#2f5bd3\" stroke-width=\"2\"/>\n"
        // Each point tells its date and value on hover, as the description tells them to a screen reader.
        for (index, point) in trend.points.enumerated() {
            let final = index == trend.points.count - 1
            svg += "<circle class=\"\(final ? "point latest" : "point")\" cx=\"\(n(px(point.day)))\" cy=\"\(n(py(point.value)))\" r=\"\(final ? "4" : "2.5")\" fill=\"\(final ? "#2f5bd3" : "#ffffff")\" stroke=\"#2f5bd3\" stroke-width=\"1.5\">"
                + "<title>\(Markup.escape(point.said))</title></circle>"
        }
        return svg + "\n</svg>\n"
    }

    /// `text` escaped, cut to `fits` characters with the whole of it in a tooltip.
    private static func cut(_ text: String, fits: Int) -> String {
        text.count <= fits ? Markup.escape(text) : "<title>\(Markup.escape(text))</title>" + Markup.escape(text.prefix(fits - 1) + "…")
    }
}

/// Draws a `CurveComparisonModel`: a column per stage of the map as it is, the earlier curve dashed and grey under
/// the current one, each drawn along the steps of the map's flow, once each; a stage without a score breaks its line.
package struct CurveComparisonSVG {
    package let chart: CurveComparisonModel
    package let format: NumberFormat

    private static let plot = (left: 40.0, top: 12.0, column: 96.0, height: 160.0)
    /// A stage's name under its column, 11-pixel text in 96 pixels with 12 clear: at most this many letters a line
    /// (a Cyrillic letter is wider than a Latin one), on up to three lines; a longer one is cut, whole in its tooltip
    /// and in the description.
    private static let nameLine = (latin: 13, cyrillic: 11, lines: 3, height: 13.0)

    package func render() -> String {
        let n = Markup.number
        let plot = Self.plot
        let width = plot.left + plot.column * Double(chart.stageCount) + 8
        let names = chart.stageNames.map { name in
            EmotionCurveSVG.wrap(name, width: name.containsCyrillic ? Self.nameLine.cyrillic : Self.nameLine.latin,
                                 maxLines: Self.nameLine.lines)
        }
        let nameHeight = Double((names.map(\.count).max() ?? 1) - 1) * Self.nameLine.height
        let height = plot.top + plot.height + 60 + nameHeight
        let span = chart.scale.upperBound - chart.scale.lowerBound
        let x = { (stage: Int) in plot.left + plot.column * (Double(stage) + 0.5) }
        let y = { (score: Double) in plot.top + (chart.scale.upperBound - score) / (span == 0 ? 1 : span) * plot.height }
        // Drawn at its own size (a quarter up), not stretched to the page: its text stays the page's size.
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-chart tropa-history" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width * 1.25))" height="\(n(height * 1.25))" role="img" aria-labelledby="history-title history-desc">
            <title id="history-title">\(Markup.escape(chart.title))</title>
            <desc id="history-desc">\(Markup.escape(chart.description))</desc>
            <g class="ticks" font-size="12" fill="#4a5263">
            """
        for score in [chart.scale.lowerBound, (chart.scale.lowerBound + chart.scale.upperBound) / 2, chart.scale.upperBound] {
            svg += "<line x1=\"\(n(plot.left))\" y1=\"\(n(y(score)))\" x2=\"\(n(width - 8))\" y2=\"\(n(y(score)))\" stroke=\"#e3e6ec\"/>"
            svg += "<text x=\"\(n(plot.left - 6))\" y=\"\(n(y(score) + 4))\" text-anchor=\"end\">\(Markup.escape(format.score(score)))</text>"
        }
        svg += "</g>\n<g class=\"names\" font-size=\"11\" fill=\"#4a5263\" text-anchor=\"middle\">"
        for (stage, name) in chart.stageNames.enumerated() {
            let lines = names[stage]
            svg += "<text x=\"\(n(x(stage)))\" y=\"\(n(plot.top + plot.height + 16))\">"
            for (number, line) in lines.enumerated() {
                svg += lines.count == 1 ? Markup.escape(line)
                    : "<tspan x=\"\(n(x(stage)))\" dy=\"\(number == 0 ? "0" : n(Self.nameLine.height))\">\(Markup.escape(line))</tspan>"
            }
            let whole = lines.joined(separator: " ") == name
            svg += (whole ? "" : "<title>\(Markup.escape(name))</title>") + "</text>"
        }
        svg += "</g>\n"
        for (scores, style) in [(chart.previous, "stroke=\"#7a8294\" stroke-dasharray=\"5 4\" class=\"previous\""),
                                (chart.current, "stroke=\"#2f5bd3\" class=\"current\"")] {
            let runs = Self.runs(next: chart.next, scored: scores.map { $0 != nil })
            for run in runs {
                let points = run.map { "\(n(x($0))),\(n(y(scores[$0]!)))" }.joined(separator: " ")
                svg += run.count == 1
                    ? "<circle cx=\"\(n(x(run[0])))\" cy=\"\(n(y(scores[run[0]]!)))\" r=\"3\" fill=\"none\" stroke-width=\"2\" \(style)/>"
                    : "<polyline points=\"\(points)\" fill=\"none\" stroke-width=\"2\" \(style)/>"
            }
            svg += "\n"
        }
        let legendY = plot.top + plot.height + 48 + nameHeight
        svg += "<g class=\"legend\" font-size=\"12\" fill=\"#4a5263\">"
        svg += "<line x1=\"\(n(plot.left))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(plot.left + 24))\" y2=\"\(n(legendY - 4))\" stroke=\"#2f5bd3\" stroke-width=\"2\"/>"
        svg += "<text x=\"\(n(plot.left + 30))\" y=\"\(n(legendY))\">\(Markup.escape(chart.legend.current))</text>"
        svg += "<line x1=\"\(n(plot.left + 120))\" y1=\"\(n(legendY - 4))\" x2=\"\(n(plot.left + 144))\" y2=\"\(n(legendY - 4))\" stroke=\"#7a8294\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>"
        svg += "<text x=\"\(n(plot.left + 150))\" y=\"\(n(legendY))\">\(Markup.escape(chart.legend.previous))</text></g>\n"
        return svg + "</svg>\n"
    }

    /// The lines to draw: each step of the flow between two stages with a score once, steps joined into one line
    /// through a stage with the one step in and the one step out (a map without forks is one line per run of scored
    /// stages); a scored stage with no step in or out, a point.
    static func runs(next: [[Int]], scored: [Bool]) -> [[Int]] {
        let steps = next.indices.map { stage in scored[stage] ? next[stage].filter { $0 < scored.count && scored[$0] } : [] }
        var into = [Int](repeating: 0, count: scored.count)
        for targets in steps { for target in targets { into[target] += 1 } }
        /// Whether a line goes through `stage`, drawn from where it starts.
        func passes(_ stage: Int) -> Bool { into[stage] == 1 && steps[stage].count == 1 }
        var runs: [[Int]] = []
        for stage in scored.indices where scored[stage] && !passes(stage) {
            if steps[stage].isEmpty && into[stage] == 0 { runs.append([stage]) }
            for first in steps[stage] {
                var run = [stage, first]
                while passes(run.last!) { run.append(steps[run.last!][0]) }
                runs.append(run)
            }
        }
        return runs
    }
}
