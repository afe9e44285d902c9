import TropaModel
import TropaAnalysis

/// Draws an `EmotionCurve` as SVG: columns, the zero line, the tinted areas, the curve, marked points and
/// stage names. Accessible (`role="img"`, `<title>`, `<desc>`), scalable by its `viewBox`, and script-free.
package struct EmotionCurveSVG {
    package let curve: EmotionCurve
    package let title: String
    package let words: ThemeWords
    package let format: NumberFormat
    package var marks = CurveMarks()

    package static let labelLineHeight = 15.0
    package static let maxLabelLines = 3

    /// A branched map's lines, each through its stages; empty for one line through every point.
    package var lines: [CurveLine] = []

    package var height: Double {
        curve.bottom + 14 + Self.labelLineHeight * Double(Self.maxLabelLines) + legendHeight
    }

    private var legendHeight: Double {
        legend.last.map { 22 + Self.legendRow * Double($0.row) } ?? 0
    }

    /// Where each path's entry of the legend stands: a line sample and a label, as many to a row as fit the width.
    private var legend: [(x: Double, row: Int, label: String)] { Self.legend(lines.map(\.label), width: curve.width) }

    /// Where each line's entry of a legend stands: a line sample and a label, as many to a row as fit the width.
    static func legend(_ labels: [String], width: Double) -> [(x: Double, row: Int, label: String)] {
        var entries: [(x: Double, row: Int, label: String)] = []
        var x = 0.0, row = 0
        for label in labels {
            let label = Self.shorten(label, to: 40)
            let entryWidth = 34 + Double(label.count) * 7 + 18
            if x > 0, x + entryWidth > width {
                x = 0
                row += 1
            }
            entries.append((x, row, label))
            x += entryWidth
        }
        return entries
    }

    static let legendRow = 18.0

    /// The dash of each line of a branched map, so that lines differ without colour; the first is solid.
    package static let dashes = ["", "9 5", "2 4", "12 4 2 4", "6 3 2 3 2 3"]

    /// The font of the standalone file's text, which has no page to take it from.
    package static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    /// Room around the plot in the standalone file: the scale's labels on the left, the title above.
    package static let margin = (left: 44.0, top: 40.0, right: 16.0, bottom: 8.0)

    /// The curve twice, from one drawing: `page` for the page's table, as wide as the stage columns it spans
    /// (which name it already); `file` as a file of its own, to drop into a slide as it is, with its own fonts
    /// and white background, the title written out, the scale's scores beside grid lines and every label shown.
    /// The file keeps the page's coordinates and puts its margins at negative x and y. `id` prefixes the element ids, which must be
    /// unique in a page. The file's first children, `<title>` and `<desc>`, name and describe it by themselves
    /// (SVG does not allow `aria-labelledby` on the root of a file of its own; vnu rejects it).
    package func render(id: String) -> (page: String, file: String) {
        let n = Markup.number
        let plot = drawing(id: id)
        // The title and the description, written once for both.
        let named = """
        <title id="\(id)-title">\(Markup.escape(words["emotionCurve"] + ": " + title))</title>
        <desc id="\(id)-desc">\(Markup.escape(description))</desc>

        """
        let page = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-curve" viewBox="0 0 \(n(curve.width)) \(n(height))" \
            role="img" aria-labelledby="\(id)-title \(id)-desc">

            """ + named + Self.style(labelsOnHover: true) + plot + "</svg>\n"

        let margin = Self.margin
        let (x, y) = (-margin.left, -margin.top)
        let width = margin.left + curve.width + margin.right
        let fullHeight = margin.top + height + margin.bottom
        let headline = Self.shorten(words["emotionCurve"] + ": " + title, to: max(16, Int((width - 16) / 8.6)))
        var file = """
            <svg xmlns="http://www.w3.org/2000/svg" class="tropa-curve" width="\(n(width))" height="\(n(fullHeight))" \
            viewBox="\(n(x)) \(n(y)) \(n(width)) \(n(fullHeight))" font-family="\(Self.fontFamily)" role="img">

            """ + named + Self.style(labelsOnHover: false)
        file += "<rect class=\"background\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(fullHeight))\" fill=\"#ffffff\"/>\n"
        file += "<text class=\"heading\" x=\"\(n(x + 8))\" y=\"\(n(y + 24))\" font-size=\"16\" font-weight=\"bold\" fill=\"#1f2633\">\(Markup.escape(headline))</text>\n"
        file += "<g class=\"scale\" font-size=\"12\" fill=\"#5d6678\" text-anchor=\"end\">"
        for value in scaleValues {
            let lineY = curve.y(for: value)
            file += "<line x1=\"0\" y1=\"\(n(lineY))\" x2=\"\(n(curve.width))\" y2=\"\(n(lineY))\" stroke=\"#e3e6ec\" stroke-width=\"1\"/>"
            file += "<text x=\"-10\" y=\"\(n(lineY + 4))\">\(Markup.escape(format.score(value)))</text>"
        }
        file += "</g>\n" + plot + "</svg>\n"
        return (page, file)
    }

    /// The scores the scale marks: every whole score on a scale of ten steps or fewer, else a round step.
    package var scaleValues: [Double] {
        let (lower, upper) = (curve.scale.lowerBound, curve.scale.upperBound)
        let span = upper - lower
        guard span > 0 else { return [lower] }
        let step = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { span / $0 <= 10 }
            ?? (span / 10).rounded(.up)
        var values: [Double] = []
        var value = (lower / step).rounded(.up) * step
        while value <= upper + 1e-9 {
            values.append(value)
            value += step
        }
        return values.count < 2 ? [lower, upper] : values
    }

    /// The style. On the page a point's label shows on hover and focus (the stage's cell below has it); the file,
    /// put on a slide as it is, shows every label.
    private static func style(labelsOnHover: Bool) -> String {
        let hidden = labelsOnHover
            ? ".tropa-curve .point .label{visibility:hidden}.tropa-curve .point:hover .label,.tropa-curve .point:focus .label{visibility:visible}"
            : ""
        return "<style>\(hidden).tropa-curve .point:focus{outline:none}.tropa-curve .point:focus circle{stroke-width:4}</style>\n"
    }

    /// The plot both forms share: columns, the zero line, the tinted areas, the curve, the points, stage names.
    private func drawing(id: String) -> String {
        let n = Markup.number
        var svg = """
        <defs><clipPath id="\(id)-above"><rect x="0" y="0" width="\(n(curve.width))" height="\(n(curve.baselineY))"/></clipPath>\
        <clipPath id="\(id)-below"><rect x="0" y="\(n(curve.baselineY))" width="\(n(curve.width))" height="\(n(height - curve.baselineY))"/></clipPath></defs>

        """
        svg += Self.grid(curve)
        if let weakest = marks.weakestStage, weakest < curve.stageNames.count {
            let x = curve.columnWidth * Double(weakest)
            svg += "<g class=\"weakest\"><rect x=\"\(n(x))\" y=\"0\" width=\"\(n(curve.columnWidth))\" height=\"\(n(curve.bottom))\" fill=\"#c2410c\" fill-opacity=\"0.08\"/>"
            svg += "<text x=\"\(n(x + curve.columnWidth / 2))\" y=\"11\" text-anchor=\"middle\" font-size=\"11\" fill=\"#9a3412\">▼ \(Markup.escape(marks.weakestText))</text></g>\n"
        }
        // A branched map's tint follows its first path; every path is a line of its own.
        let shown = lines.isEmpty ? curve.points : curve.points.filter { lines[0].stages.contains($0.stageIndex) }
        if let first = shown.first, let last = shown.last, shown.count > 1 {
            let line = Self.pathData(shown)
            let area = line + " L\(n(last.x)) \(n(curve.baselineY)) L\(n(first.x)) \(n(curve.baselineY)) Z"
            svg += """
            <path class="area-positive" d="\(area)" fill="#2e9d5b" fill-opacity="0.18" clip-path="url(#\(id)-above)"/>
            <path class="area-negative" d="\(area)" fill="#d6453d" fill-opacity="0.18" clip-path="url(#\(id)-below)"/>

            """
        }
        if lines.isEmpty, curve.points.count > 1 {
            svg += "<path class=\"line\" d=\"\(Self.pathData(curve))\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\n"
        }
        svg += branchLines()
        svg += drops()
        var marked = ByteWriter(capacity: 8 * 1024)
        appendPoints(to: &marked)
        Self.appendStageNames(curve, to: &marked)
        return svg + marked.string
    }

    /// A line per path, dashed each its own way, and the legend that names them under the stages.
    private func branchLines() -> String {
        let n = Markup.number
        var svg = ""
        for (index, line) in lines.enumerated() {
            let points = curve.points.filter { line.stages.contains($0.stageIndex) }
            let dash = Self.dashes[index % Self.dashes.count]
            let pattern = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            if points.count > 1 {
                svg += "<path class=\"line line-\(index + 1)\" d=\"\(Self.pathData(points))\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"3\" stroke-linejoin=\"round\"\(pattern)/>\n"
            }
        }
        guard !lines.isEmpty else { return svg }
        // The legend runs under the stage names and wraps onto rows of its own.
        let top = height - legendHeight + 8
        svg += "<g class=\"legend\" font-size=\"12\" fill=\"#1f2633\">"
        for (index, entry) in legend.enumerated() {
            let dash = Self.dashes[index % Self.dashes.count]
            let pattern = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            let (x, y, label) = (entry.x, top + Self.legendRow * Double(entry.row), entry.label)
            svg += "<line class=\"line-\(index + 1)\" x1=\"\(n(x))\" y1=\"\(n(y))\" x2=\"\(n(x + 28))\" y2=\"\(n(y))\" stroke=\"#3a4a6b\" stroke-width=\"3\"\(pattern)/>"
            svg += "<text x=\"\(n(x + 34))\" y=\"\(n(y + 4))\">\(Markup.escape(label))</text>"
        }
        return svg + "</g>\n"
    }

    /// An arrow beside each segment that falls sharply, with the fall written out.
    private func drops() -> String {
        let n = Markup.number
        return marks.sharpDrops.filter { max($0.from, $0.to) < curve.points.count }.map { drop in
            let (from, to) = (curve.points[drop.from], curve.points[drop.to])
            let x = (from.x + to.x) / 2 + 8, y = (from.y + to.y) / 2
            let fall = format.score(to.score - from.score)
            return "<text class=\"drop\" x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"12\" font-weight=\"bold\" fill=\"#b3261e\">↘ \(Markup.escape(fall))<title>\(Markup.escape(marks.dropText + ": " + fall))</title></text>\n"
        }.joined()
    }

    /// "Поиск решения: 0 (Нейтрально); Выбор: +1, −1" — the curve in words, for screen readers.
    package var description: String {
        let stages = curve.stageNames.enumerated().map { index, name in
            let scores = curve.points.filter { $0.stageIndex == index }.map { point in
                point.label.isEmpty ? format.score(point.score) : "\(format.score(point.score)) (\(point.label))"
            }
            return "\(name): \(scores.isEmpty ? words["noScore"] : scores.joined(separator: ", "))"
        }
        var text = words["curveDescription"] + " — " + stages.joined(separator: "; ")
        // Each mark a sentence of its own: "Самая низкая конверсия: Выбор."
        let sentence = { (mark: String, what: String) in ". " + mark.prefix(1).uppercased() + mark.dropFirst() + ": " + what }
        if let weakest = marks.weakestStage, weakest < curve.stageNames.count {
            text += sentence(marks.weakestText, curve.stageNames[weakest])
        }
        if let lowest = marks.lowestPoint, lowest < curve.points.count {
            text += sentence(marks.lowestText, curve.stageNames[curve.points[lowest].stageIndex]
                + " (" + format.score(curve.points[lowest].score) + ")")
        }
        for drop in marks.sharpDrops where max(drop.from, drop.to) < curve.points.count {
            let (from, to) = (curve.points[drop.from], curve.points[drop.to])
            // Within one stage the two points are told apart by their labels when both have their own, else by their
            // scores; not by the stage named twice.
            let labelled = !from.label.isEmpty && !to.label.isEmpty && from.label != to.label
            let point = { (point: EmotionCurve.Point) in labelled ? point.label : format.score(point.score) }
            let way = from.stageIndex == to.stageIndex
                ? curve.stageNames[from.stageIndex] + ", " + point(from) + " → " + point(to)
                : curve.stageNames[from.stageIndex] + " → " + curve.stageNames[to.stageIndex]
            text += sentence(marks.dropText, way + " (" + format.score(to.score - from.score) + ")")
        }
        return text
    }

    /// The curve through the points as one path of cubic segments.
    package static func pathData(_ curve: EmotionCurve) -> String { pathData(curve.points) }

    /// A line through some of the curve's points, in their order.
    package static func pathData(_ points: [EmotionCurve.Point]) -> String {
        var d = ByteWriter(capacity: 48 * points.count)
        appendPathData(points, to: &d)
        return d.string
    }

    /// The path's data written where it goes: as bytes, a string once; through interpolation, a number's string at
    /// a time, it was 2 % of a cold build. `heightWidth`: the bytes each height takes, spaces after it (0: as long
    /// as it is).
    static func appendPathData(_ points: [EmotionCurve.Point], heightWidth: Int = 0, to d: inout ByteWriter) {
        guard let first = points.first else { return }
        appendPoint("M", (first.x, first.y), heightWidth, to: &d)
        for segment in EmotionCurve.segments(through: points) {
            appendPoint(" C", segment.c1, heightWidth, to: &d)
            appendPoint(" ", segment.c2, heightWidth, to: &d)
            appendPoint(" ", segment.end, heightWidth, to: &d)
        }
    }

    private static func appendPoint(_ lead: StaticString, _ point: (Double, Double), _ heightWidth: Int,
                                    to d: inout ByteWriter) {
        d.append(lead)
        d.append(number: point.0)
        d.append(UInt8(ascii: " "))
        let start = d.count
        d.append(number: point.1)
        if heightWidth > 0 { d.pad(since: start, to: heightWidth) }
    }

    /// The columns' dividers and the zero line, written piece by piece into bytes as the points and the stage names
    /// are: through interpolated strings, the curve's grid, points and names were 2 % of a cold build's instructions.
    static func grid(_ curve: EmotionCurve) -> String {
        var svg = ByteWriter(capacity: 1024)
        svg.append("<g class=\"grid\" stroke=\"#c9ced8\" stroke-width=\"1\">")
        for index in 1..<max(curve.stageNames.count, 1) {
            let x = curve.columnWidth * Double(index)
            svg.append("<line")
            svg.append(lineFrom: (x, curve.top), to: (x, curve.bottom))
            svg.append(" stroke-dasharray=\"2 4\"/>")
        }
        svg.append("</g>\n<line class=\"zero\"")
        svg.append(lineFrom: (0, curve.baselineY), to: (curve.width, curve.baselineY))
        svg.append(" stroke=\"#7a8294\" stroke-width=\"1.5\"/>\n")
        return svg.string
    }

    private func appendPoints(to svg: inout ByteWriter) {
        for (index, point) in curve.points.enumerated() {
            let score = format.score(point.score)
            let tooltip = curve.stageNames[point.stageIndex] + ": " + score + (point.label.isEmpty ? "" : " — " + point.label)
            let lowest = index == marks.lowestPoint
            // The sharpest pain is ringed: a shape, not only a colour.
            if lowest {
                svg.append("<circle class=\"ring\"")
                svg.append(center: (point.x, point.y))
                svg.append(" r=\"11\" fill=\"none\" stroke=\"#b3261e\" stroke-width=\"2.5\"/>")
            }
            svg.append("<g class=\"point\" tabindex=\"0\"><title>")
            svg.append(escaping: lowest ? tooltip + " — " + marks.lowestText : tooltip)
            svg.append("</title><circle")
            svg.append(center: (point.x, point.y))
            svg.append(" r=\"6\" fill=\"#ffffff\" stroke=\"#3a4a6b\" stroke-width=\"2.5\"/><text class=\"score\"")
            svg.append(position: (point.x, nearTop(point) ? point.y + 22 : point.y - 12))
            svg.append(" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f2633\">")
            svg.append(escaping: score)
            svg.append("</text>")
            if !point.label.isEmpty {
                svg.append("<text class=\"label\"")
                svg.append(position: (point.x, labelY(point)))
                svg.append(" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2633\">")
                svg.append(escaping: Self.shorten(point.label, to: labelRoom(index)))
                svg.append("</text>")
            }
            svg.append("</g>\n")
        }
    }

    /// A point too near the top for its score and label above it: they go below it.
    private func nearTop(_ point: EmotionCurve.Point) -> Bool { point.y < curve.top + 24 }

    /// Where a point's label stands: above it, or below it near the top.
    private func labelY(_ point: EmotionCurve.Point) -> Double { nearTop(point) ? point.y + 38 : point.y - 28 }

    /// How many characters the label of point `index` may take: 40 at most, and no more than half the way to the
    /// nearest label on its line (within a line's height) on either side can hold, so that the file, which shows
    /// every label, shows none over another, nor past the drawing's edges. A character of 12-pixel text is taken as
    /// 7.5 pixels wide (Cyrillic letters are wider than Latin ones), with one left as a gap.
    private func labelRoom(_ index: Int) -> Int {
        let (x, y) = (curve.points[index].x, labelY(curve.points[index]))
        let onItsLine = curve.points.indices.filter { other in
            other != index && !curve.points[other].label.isEmpty && abs(labelY(curve.points[other]) - y) < 16
        }
        // Centred on its point, it stays within the drawing, which the page's table cuts at its edges.
        let edges = 2 * min(x, curve.width - x)
        let gap = onItsLine.map { abs(curve.points[$0].x - x) }.min() ?? edges
        return max(4, min(40, Int(min(gap, edges) / 7.5) - 1))
    }

    /// Each column's name under it, wrapped onto up to three lines.
    static func stageNames(_ curve: EmotionCurve) -> String {
        var svg = ByteWriter(capacity: 2048)
        appendStageNames(curve, to: &svg)
        return svg.string
    }

    static func appendStageNames(_ curve: EmotionCurve, to svg: inout ByteWriter) {
        // At 13 px a Cyrillic letter is about 8.6 px wide and a Latin one 7.4 (measured in Chromium): counted as
        // Latin, «Получение карты» filled a 120-unit column and touched its neighbour. A name keeps 12 units clear.
        let (latin, cyrillic) = (max(8, Int((curve.columnWidth - 12) / 7.4)), max(8, Int((curve.columnWidth - 12) / 8.6)))
        svg.append("<g class=\"stages\" font-size=\"13\" fill=\"#1f2633\" text-anchor=\"middle\">")
        for (index, name) in curve.stageNames.enumerated() {
            let x = curve.columnCenter(index)
            let charactersPerLine = name.containsCyrillic ? cyrillic : latin
            let lines = Self.wrap(name, width: charactersPerLine, maxLines: Self.maxLabelLines)
            svg.append("<text")
            svg.append(position: (x, curve.bottom + 20))
            svg.append(">")
            appendLines(lines, x: x, lineHeight: Self.labelLineHeight, to: &svg)
            svg.append("</text>")
        }
        svg.append("</g>\n")
    }

    /// A text's lines, each a `tspan` at `x` a line below the one before.
    static func appendLines(_ lines: [String], x: Double, lineHeight: Double, to svg: inout ByteWriter) {
        for (number, line) in lines.enumerated() {
            svg.append("<tspan x=\"")
            svg.append(number: x)
            svg.append("\" dy=\"")
            if number == 0 { svg.append("0") } else { svg.append(number: lineHeight) }
            svg.append("\">")
            svg.append(escaping: line)
            svg.append("</tspan>")
        }
    }

    /// Splits a name into lines of at most `width` characters at spaces; the last line ends in `…` when cut.
    package static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        // Each line keeps its length in characters, and a word adds its own and the space's: the words are split
        // at spaces that are characters of their own, so no character forms across the space that joins two of
        // them. Counting every line anew, word by word, was 1.4 % of a cold build.
        if isOneLine(text, width: width) { return [text] }
        var lines: [(text: String, count: Int)] = []
        var current = "", currentCount = 0
        for word in text.split(separator: " ") {
            let wordCount = word.count
            let candidate = current.isEmpty ? String(word) : current + " " + word
            let count = current.isEmpty ? wordCount : currentCount + 1 + wordCount
            if count <= width || current.isEmpty {
                (current, currentCount) = (candidate, count)
            } else {
                lines.append((current, currentCount))
                (current, currentCount) = (String(word), wordCount)
            }
        }
        if !current.isEmpty { lines.append((current, currentCount)) }
        var shortened = lines.map { $0.count > width ? shorten($0.text, to: width) : $0.text }
        guard shortened.count > maxLines else { return shortened }
        shortened[maxLines - 1] = shorten(shortened[maxLines - 1] + " " + shortened[maxLines], to: width - 1, force: true)
        return Array(shortened.prefix(maxLines))
    }

    /// Whether `text` is its own line: not empty, of no more scalars than `width` (so of no more characters), its
    /// words one space apart. Most stage names are, and need not be counted in characters at all. Read in one pass
    /// over its bytes: zipped with themselves, they were 0.7 % of a cold build.
    private static func isOneLine(_ text: String, width: Int) -> Bool {
        let space = UInt8(ascii: " ")
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, first != space, bytes.last != space else { return false }
            var scalars = 0, previous = first
            for byte in bytes {
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == space && previous == space || scalars > width { return false }
                previous = byte
            }
            return true
        }
    }

    package static func shorten(_ text: String, to width: Int, force: Bool = false) -> String {
        guard text.count > width || force else { return text }
        return String(text.prefix(max(width - 1, 1))).trimmingWhitespace() + "…"
    }
}

/// The small curve of a catalogue card: the same geometry, no words.
package struct SparklineSVG {
    package let curve: EmotionCurve
    package let label: String
    /// A branched map's paths, each its own line, dashed as on the page.
    package var lines: [CurveLine] = []

    /// The bytes each height takes, spaces after the shorter ones: a card keeps its length when a score changes, so
    /// the pages of cards that show it (a tag's holds 10,000 at 18 MB) are edited where the card is, not copied whole
    /// to shift what follows it. Every height of a card lies between its top and bottom (3 and 31), with a tenth at
    /// most: "30.9".
    static let heightWidth = 4

    /// Written as bytes: a card is on five pages or more, and its sparkline, appended to a string piece by piece,
    /// was 3 % of a cold build's instructions.
    package func render() -> String {
        var svg = ByteWriter(capacity: 2048)
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tropa-sparkline\" viewBox=\"0 0 ")
        svg.append(number: curve.width)
        svg.append(" ")
        svg.append(number: curve.bottom + curve.top)
        svg.append("\" role=\"img\" aria-label=\"")
        svg.append(escaping: label)
        svg.append("\"><line")
        svg.append(lineFrom: (0, curve.baselineY), to: (curve.width, curve.baselineY))
        svg.append(" stroke=\"#9aa1b0\" stroke-width=\"1\"/>")
        if lines.isEmpty, curve.points.count > 1 {
            svg.append("<path d=\"")
            EmotionCurveSVG.appendPathData(curve.points, heightWidth: Self.heightWidth, to: &svg)
            svg.append("\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"2\"/>")
        }
        for (index, line) in lines.enumerated() {
            let points = curve.points.filter { line.stages.contains($0.stageIndex) }
            let dash = EmotionCurveSVG.dashes[index % EmotionCurveSVG.dashes.count]
            guard points.count > 1 else { continue }
            svg.append("<path d=\"")
            EmotionCurveSVG.appendPathData(points, heightWidth: Self.heightWidth, to: &svg)
            svg.append("\" fill=\"none\" stroke=\"#3a4a6b\" stroke-width=\"2\"")
            if !dash.isEmpty {
                svg.append(" stroke-dasharray=\"")
                svg.append(contentsOf: dash)
                svg.append("\"")
            }
            svg.append("/>")
        }
        for point in curve.points {
            svg.append("<circle cx=\"")
            svg.append(number: point.x)
            svg.append("\" cy=\"")
            let start = svg.count
            svg.append(number: point.y)
            svg.append("\"")
            svg.pad(since: start, to: Self.heightWidth + 1)
            svg.append(point.score >= 0 ? " r=\"2.5\" fill=\"#2e9d5b\"/>" : " r=\"2.5\" fill=\"#d6453d\"/>")
        }
        svg.append("</svg>")
        return svg.string
    }
}
