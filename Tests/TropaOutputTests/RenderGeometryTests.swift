import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAnalysis
@testable import TropaOutput
@testable import TropaBuild
import TropaTesting

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The emotion curve's geometry: columns, the scale, and a monotone cubic that never overshoots a point.
@Suite struct RenderGeometryTests {
    static func points(_ scores: [Double]) -> [EmotionPoint] {
        scores.enumerated().map { EmotionPoint(score: $1, label: "p\($0)", line: 1) }
    }

    static func curve(_ stages: [[Double]], scale: ClosedRange<Double> = -2...2) -> EmotionCurve {
        EmotionCurve(stages: stages.enumerated().map { (name: "Stage \($0)", points: points($1)) }, scale: scale)
    }

    /// The y a score should have on the default plot (top 16, 160 high).
    static func expectedY(_ score: Double, scale: ClosedRange<Double>, top: Double = 16, height: Double = 160) -> Double {
        top + (scale.upperBound - score) / (scale.upperBound - scale.lowerBound) * height
    }

    /// Samples every segment at 51 values of t; each sample's y stays between the segment's end points' y.
    static func expectNoOvershoot(_ curve: EmotionCurve, tolerance: Double = 1e-9,
                                  sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (index, segment) in curve.segments.enumerated() {
            let low = min(segment.start.1, segment.end.1), high = max(segment.start.1, segment.end.1)
            for step in 0...50 {
                let point = renderBezier(segment.start, segment.c1, segment.c2, segment.end, at: Double(step) / 50)
                #expect(point.1 >= low - tolerance && point.1 <= high + tolerance,
                        "segment \(index) overshoots at t=\(Double(step) / 50): y \(point.1) outside \(low)...\(high)",
                        sourceLocation: sourceLocation)
                #expect(point.0 >= segment.start.0 - tolerance && point.0 <= segment.end.0 + tolerance,
                        "segment \(index) runs backwards at t=\(Double(step) / 50)", sourceLocation: sourceLocation)
                #expect(point.1 >= curve.top - tolerance && point.1 <= curve.bottom + tolerance,
                        "segment \(index) leaves the plot", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: - EmotionCurve

    @Test func pointsLieInTheirStageColumnsSpreadInOrder() {
        let stages: [[Double]] = [[1], [-1, 0, 2], [], [-2, 1]]
        let curve = Self.curve(stages)
        #expect(curve.columnWidth == 200)
        #expect(curve.width == 800)
        #expect(curve.points.count == 6)
        #expect(curve.points.map(\.stageIndex) == [0, 1, 1, 1, 3, 3])
        #expect(curve.points.map(\.label) == ["p0", "p0", "p1", "p2", "p0", "p1"])
        for (index, scores) in stages.enumerated() {
            let xs = curve.points.filter { $0.stageIndex == index }.map(\.x)
            #expect(xs.count == scores.count)
            for (order, x) in xs.enumerated() {
                #expect(x > Double(index) * 200 && x < Double(index + 1) * 200, "stage \(index) point \(order): x \(x)")
                // Evenly spread: the k-th of n points at (k+1)/(n+1) of the column.
                #expect(abs(x - 200 * (Double(index) + Double(order + 1) / Double(scores.count + 1))) < 1e-9)
            }
            #expect(xs == xs.sorted() && Set(xs).count == xs.count, "points of stage \(index) in order")
        }
        let expectedX: [Double] = [100, 250, 300, 350, 600 + 200.0 / 3, 600 + 400.0 / 3]
        #expect(zip(curve.points.map(\.x), expectedX).allSatisfy { abs($0 - $1) < 1e-9 }, "\(curve.points.map(\.x))")
        #expect(curve.columnCenter(2) == 500)
    }

    @Test func yMapsTheScoreOntoTheScale() {
        let curve = Self.curve([[2, -2, 0, 1, -1.5]])
        #expect(curve.top == 16 && curve.bottom == 176)
        #expect(curve.points.map(\.y) == [16, 176, 96, 56, 156])
        #expect(curve.baselineY == 96)
        #expect(curve.y(for: 2) == curve.top)
        #expect(curve.y(for: -2) == curve.bottom)
        #expect(curve.points.map(\.score) == [2, -2, 0, 1, -1.5])
    }

    @Test(arguments: [0.0...10.0, -5.0...5.0, 1.0...5.0, -10.0...(-2.0)])
    func yMapsTheScoreOntoACustomScale(_ scale: ClosedRange<Double>) {
        let mid = (scale.lowerBound + scale.upperBound) / 2
        let curve = Self.curve([[scale.upperBound], [scale.lowerBound], [mid]], scale: scale)
        #expect(curve.points[0].y == curve.top, "the maximum is at the top")
        #expect(curve.points[1].y == curve.bottom, "the minimum is at the bottom")
        #expect(abs(curve.points[2].y - (curve.top + curve.bottom) / 2) < 1e-9)
        // The zero line at score 0, or at the scale's nearest end when 0 is outside it.
        let zero = min(max(0, scale.lowerBound), scale.upperBound)
        #expect(abs(curve.baselineY - Self.expectedY(zero, scale: scale)) < 1e-9)
        if scale.contains(0) { #expect(abs(curve.baselineY - curve.y(for: 0)) < 1e-9) }
        Self.expectNoOvershoot(curve)
    }

    @Test func zeroLineOfAZeroToTenScaleIsTheBottom() {
        let curve = Self.curve([[0], [10], [5]], scale: 0...10)
        #expect(curve.baselineY == curve.bottom)
        #expect(curve.points.map(\.y) == [176, 16, 96])
    }

    @Test func scoresOutsideTheScaleAreClampedToThePlot() {
        let curve = Self.curve([[5], [-7]])
        #expect(curve.points.map(\.y) == [curve.top, curve.bottom])
        #expect(curve.points.map(\.score) == [5, -7], "the score itself is kept for labels")
    }

    static let overshootCases: [[[Double]]] = [
        [[-2], [2], [-2], [2]],
        [[0], [0.5], [2], [1.9], [-2]],
        [[1, -1, 2], [-2, 0.5], [1, 0, -1, 2]],
        [[-2, -1.9, -1.8], [2, 2, 1.9], [-2]],
        [[0], [0], [0], [1], [1], [-1]],
        [[-2, 2, -2, 2, -2, 2, -2, 2]],
        [[0.1], [0.2], [2], [-2], [-1.99], [0]],
    ]

    @Test(arguments: overshootCases)
    func monotoneCubicNeverOvershoots(_ stages: [[Double]]) {
        let curve = Self.curve(stages)
        let count = stages.map(\.count).reduce(0, +)
        #expect(curve.segments.count == count - 1)
        for (index, segment) in curve.segments.enumerated() {
            #expect(segment.start == (curve.points[index].x, curve.points[index].y))
            #expect(segment.end == (curve.points[index + 1].x, curve.points[index + 1].y))
        }
        Self.expectNoOvershoot(curve)
    }

    /// A flat run stays flat: no bulge between equal scores.
    @Test func equalNeighboursGiveAFlatSegment() {
        let curve = Self.curve([[1], [1], [-1]])
        let flat = curve.segments[0]
        #expect(flat.c1.1 == flat.start.1 && flat.c2.1 == flat.start.1)
    }

    /// Pseudo-random walks over 20 stages on several scales (a fixed generator, so failures reproduce).
    @Test func monotoneCubicNeverOvershootsOnLongWalks() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for scale in [-2.0...2.0, 0.0...10.0, -100.0...100.0] {
            for _ in 0..<20 {
                let stages = (0..<20).map { _ in
                    (0..<Int(next() * 4)).map { _ in
                        (scale.lowerBound + next() * (scale.upperBound - scale.lowerBound) * 2).rounded() / 2
                    }.map { min(max($0, scale.lowerBound), scale.upperBound) }
                }
                let curve = Self.curve(stages, scale: scale)
                for point in curve.points {
                    #expect(point.x >= Double(point.stageIndex) * 200 && point.x <= Double(point.stageIndex + 1) * 200)
                    #expect(abs(point.y - Self.expectedY(point.score, scale: scale)) < 1e-9)
                }
                Self.expectNoOvershoot(curve, tolerance: 1e-7)
            }
        }
    }

    @Test func aSinglePointHasNoSegments() {
        let curve = Self.curve([[1]])
        #expect(curve.points.count == 1)
        #expect(curve.segments.isEmpty)
        #expect(EmotionCurveSVG.pathData(curve) == "M100 56")
    }

    @Test func noPointsAtAllIsAnEmptyCurve() {
        let curve = Self.curve([[], []])
        #expect(curve.points.isEmpty)
        #expect(curve.segments.isEmpty)
        #expect(curve.width == 400)
    }

    @Test func smallerPlotsScaleTheSameWay() {
        let curve = EmotionCurve(stages: [("a", Self.points([2])), ("b", Self.points([-2, 0]))], scale: -2...2,
                                 columnWidth: 24, plotHeight: 28, top: 3)
        #expect(curve.width == 48)
        #expect(curve.points.map(\.y) == [3, 31, 17])
        #expect(curve.points.map(\.x) == [12, 24 + 8, 24 + 16])
    }

    // MARK: - the SVG of built maps

    struct SVGPoint {
        var stage: String
        var score: Double
        var cx: Double
        var cy: Double
    }

    /// Reads the marked points of a curve SVG: stage (from the tooltip), score (from its text), position.
    static func svgPoints(_ root: XMLElement, stages: [String]) throws -> [SVGPoint] {
        try RenderXML.withClass(root, "point").map { group in
            let tooltip = try #require(RenderXML.child(group, "title")?.stringValue)
            let stage = try #require(stages.filter { tooltip.hasPrefix($0 + ": ") }.max { $0.count < $1.count },
                                     "the tooltip \"\(tooltip)\" names no stage")
            let circle = try #require(RenderXML.child(group, "circle"))
            let scoreText = try #require(RenderXML.withClass(group, "score").first?.stringValue)
            let score = try #require(Double(scoreText.replacingOccurrences(of: "−", with: "-")
                .replacingOccurrences(of: "+", with: "").replacingOccurrences(of: ",", with: ".")
                .replacingOccurrences(of: "\u{00A0}", with: "")), "score \(scoreText)")
            return SVGPoint(stage: stage, score: score,
                            cx: try #require(Double(RenderXML.attribute(circle, "cx") ?? "")),
                            cy: try #require(Double(RenderXML.attribute(circle, "cy") ?? "")))
        }
    }

    struct Fixture: Sendable, CustomTestStringConvertible {
        let name: String
        let slug: String
        let stages: [String]
        let scale: ClosedRange<Double>
        let pointsPerStage: [Int]
        var testDescription: String { name }
    }

    static let fixtures = [
        Fixture(name: "ru-persona", slug: "lumus/skripty", stages: ["Осознание потребности", "Поиск решения", "Покупка"],
                scale: -2...2, pointsPerStage: [1, 1, 1]),
        Fixture(name: "en-multi", slug: "onboarding", stages: ["Sign-up", "First project", "Invite the team"],
                scale: -2...2, pointsPerStage: [3, 2, 4]),
        Fixture(name: "custom-scale", slug: "zapis", stages: ["Поиск врача", "Запись", "Приём"],
                scale: 0...10, pointsPerStage: [1, 2, 2]),
    ]

    @Test(arguments: fixtures)
    func svgPointsFollowTheColumnsAndTheScale(_ fixture: Fixture) throws {
        let built = try RenderBuild.fixture(fixture.name)
        let text = try #require(built.text(fixture.slug + "/emotions.svg"))
        let root = try RenderXML.root(text)
        let columns = Double(fixture.stages.count)
        // The file keeps the plot's coordinates, with its margins (the scale, the title) at negative x and y.
        #expect(RenderXML.attribute(root, "viewBox")?.hasPrefix("-44 -40 \(Int(200 * columns) + 60) ") == true)

        let points = try Self.svgPoints(root, stages: fixture.stages)
        #expect(points.count == fixture.pointsPerStage.reduce(0, +))
        for (index, stage) in fixture.stages.enumerated() {
            let inStage = points.filter { $0.stage == stage }
            #expect(inStage.count == fixture.pointsPerStage[index], "points of \(stage)")
            for point in inStage {
                #expect(point.cx > Double(index) * 200 && point.cx < Double(index + 1) * 200,
                        "\(stage): cx \(point.cx) outside its column")
                #expect(abs(point.cy - Self.expectedY(point.score, scale: fixture.scale)) <= 0.05 + 1e-9,
                        "\(stage): score \(point.score) at cy \(point.cy)")
            }
            #expect(inStage.map(\.cx) == inStage.map(\.cx).sorted(), "\(stage): points in order")
        }
        // The zero line at score 0 (or the scale's nearest end).
        let zero = try #require(RenderXML.withClass(root, "zero").first)
        let zeroY = Self.expectedY(min(max(0, fixture.scale.lowerBound), fixture.scale.upperBound), scale: fixture.scale)
        #expect(Double(RenderXML.attribute(zero, "y1") ?? "") == zeroY)
        #expect(Double(RenderXML.attribute(zero, "y2") ?? "") == zeroY)
        // Column separators at every multiple of the column width.
        let grid = try #require(RenderXML.withClass(root, "grid").first)
        #expect(RenderXML.descendants(grid, named: "line").compactMap { Double(RenderXML.attribute($0, "x1") ?? "") }
            == (1..<fixture.stages.count).map { Double($0) * 200 })

        // The curve starts at the first point, ends each segment at the next and never overshoots them.
        let line = try #require(RenderXML.withClass(root, "line").first)
        let path = try #require(RenderPath(RenderXML.attribute(line, "d") ?? ""))
        #expect(path.segments.count == points.count - 1)
        #expect(path.start == (points[0].cx, points[0].cy))
        var previous = path.start
        for (index, segment) in path.segments.enumerated() {
            #expect(segment.end == (points[index + 1].cx, points[index + 1].cy))
            let low = min(previous.1, segment.end.1), high = max(previous.1, segment.end.1)
            for step in 0...50 {
                let y = renderBezier(previous, segment.c1, segment.c2, segment.end, at: Double(step) / 50).1
                // Coordinates are written with one decimal: allow their rounding.
                #expect(y >= low - 0.06 && y <= high + 0.06, "segment \(index) overshoots: \(y) outside \(low)...\(high)")
            }
            previous = segment.end
        }
        // The page shows the same plot inline, as wide as the stage columns, without the file's margins.
        let page = try #require(built.text(fixture.slug + "/index.html"))
        let cell = "<td class=\"curve-cell\" colspan=\"\(fixture.stages.count)\">"
        let inline = try #require(page.components(separatedBy: cell).dropFirst().first?.components(separatedBy: "</td>").first)
        let inlineRoot = try RenderXML.root(inline)
        #expect(RenderXML.attribute(inlineRoot, "viewBox") == "0 0 \(Int(200 * columns)) 235")
        let plot = try #require(text.range(of: "<defs>").map { String(text[$0.lowerBound...]) })
        #expect(inline.hasSuffix(plot), "the same plot")
        #expect(try Self.svgPoints(inlineRoot, stages: fixture.stages).map(\.cy) == points.map(\.cy))
        #expect(RenderXML.withClass(inlineRoot, "scale").isEmpty && RenderXML.withClass(inlineRoot, "heading").isEmpty,
                "the table names the curve and its stages already")
    }

    /// The file is dropped into a slide as it is: it brings its font, a white background, its title written out
    /// and the scale, a grid line and a label at every whole score (a round step on a long scale).
    @Test(arguments: fixtures)
    func theSVGFileCarriesItsFontTitleAndScale(_ fixture: Fixture) throws {
        let built = try RenderBuild.fixture(fixture.name)
        let root = try RenderXML.root(built.text(fixture.slug + "/emotions.svg"))
        let font = try #require(RenderXML.attribute(root, "font-family"))
        #expect(font.hasPrefix("system-ui,") && font.hasSuffix(", sans-serif"))
        let width = 200 * fixture.stages.count + 60
        #expect(RenderXML.attribute(root, "width") == "\(width)")
        #expect(RenderXML.attribute(root, "height") == "283")
        let background = try #require(RenderXML.withClass(root, "background").first)
        #expect(RenderXML.attribute(background, "fill") == "#ffffff")
        #expect(RenderXML.attribute(background, "width") == "\(width)")
        let title = try #require(RenderXML.child(root, "title")?.stringValue)
        #expect(RenderXML.withClass(root, "heading").first?.stringValue == title)
        // On a slide there is no hover: every label shows; the page's drawing shows them on hover and focus.
        let style = try #require(RenderXML.child(root, "style")?.stringValue)
        #expect(!style.contains("visibility:hidden"))
        // Shortened to the room between the labels of a line, so that no two, 7 pixels a character, overlap.
        let labelled = RenderXML.withClass(root, "label").compactMap { label -> (x: Double, y: Double, count: Int)? in
            guard let x = Double(RenderXML.attribute(label, "x") ?? ""), let y = Double(RenderXML.attribute(label, "y") ?? ""),
                  let text = label.stringValue else { return nil }
            return (x, y, text.count)
        }
        #expect(!labelled.isEmpty)
        for (index, one) in labelled.enumerated() {
            for other in labelled[(index + 1)...] where abs(one.y - other.y) < 16 {
                #expect(Double(one.count + other.count) * 7 / 2 <= abs(other.x - one.x) + 7, "\(one) \(other)")
            }
        }
        #expect(try #require(built.text(fixture.slug + "/index.html")).contains(".tropa-curve .point .label{visibility:hidden}"))
        let scale = try #require(RenderXML.withClass(root, "scale").first)
        let labels = RenderXML.descendants(scale, named: "text")
        let expected: [(String, Double)] = fixture.scale == -2...2
            ? [("−2", -2), ("−1", -1), ("0", 0), ("+1", 1), ("+2", 2)]
            : (0...10).map { ("\($0)", Double($0)) }
        #expect(labels.map { $0.stringValue ?? "" } == expected.map(\.0))
        #expect(labels.compactMap { Double(RenderXML.attribute($0, "y") ?? "") }
            == expected.map { Self.expectedY($0.1, scale: fixture.scale) + 4 })
        let lines = RenderXML.descendants(scale, named: "line")
        #expect(lines.compactMap { Double(RenderXML.attribute($0, "y1") ?? "") }
            == expected.map { Self.expectedY($0.1, scale: fixture.scale) })
        // Every label ends left of the plot, in the file's margin.
        #expect(labels.allSatisfy { RenderXML.attribute($0, "x") == "-10" && RenderXML.attribute($0, "text-anchor") == nil })
        #expect(RenderXML.attribute(scale, "text-anchor") == "end")
    }

    /// The history's curve names each column's stage under it, a long name wrapped onto up to three lines (cut past
    /// them, whole in its tooltip), the drawing as much taller. It is drawn at its own size, not stretched to the page.
    @Test func theHistorysCurveNamesItsColumns() {
        let chart = CurveComparisonModel(title: "T", description: "D", stageCount: 3,
                                         stageNames: ["Поиск", "Визит в шоурум (Офлайн)", "Очень длинное название этапа, которое не помещается"],
                                         next: [[1], [2], []], scale: -2...2,
                                         current: [1, -1, 0], previous: [0, nil, 0], legend: ("now", "then"))
        let svg = CurveComparisonSVG(chart: chart, format: NumberFormat(language: .ru, signedScores: true)).render()
        #expect(svg.contains("<text x=\"88\" y=\"188\">Поиск</text>"))
        #expect(svg.contains("<tspan x=\"184\" dy=\"0\">Визит в</tspan><tspan x=\"184\" dy=\"13\">шоурум</tspan><tspan x=\"184\" dy=\"13\">(Офлайн)</tspan></text>"), "\(svg)")
        #expect(svg.contains("…</tspan><title>Очень длинное название этапа, которое не помещается</title></text>"), "\(svg)")
        #expect(svg.contains("viewBox=\"0 0 336 258\" width=\"420\" height=\"322.5\""), "\(svg)")
    }

    /// A fork's branches are not joined: the curve runs along the steps of the map's flow, each drawn once.
    @Test func theHistorysCurveFollowsTheForks() {
        let chart = CurveComparisonModel(title: "T", description: "D", stageCount: 4,
                                         stageNames: ["Заявка", "Курьер", "Отделение", "Активация"],
                                         next: [[1, 2], [3], [3], []], scale: -2...2,
                                         current: [1, -1, 0, 2], previous: [1, nil, 0, 2], legend: ("now", "then"))
        let svg = CurveComparisonSVG(chart: chart, format: NumberFormat(language: .ru, signedScores: true)).render()
        let current = svg.components(separatedBy: "class=\"current\"").count - 1
        #expect(current == 2, "a line per path: \(svg)")
        #expect(svg.contains("<polyline points=\"88,52 184,132 376,12\""), "\(svg)")
        #expect(svg.contains("<polyline points=\"88,52 280,92 376,12\""), "\(svg)")
        #expect(!svg.contains("184,132 280,92"), "no line from one branch to the other")
        // The earlier curve, without a score at the courier's stage: its line along the other path alone.
        #expect(svg.contains("<polyline points=\"88,52 280,92 376,12\" fill=\"none\" stroke-width=\"2\" stroke=\"#7a8294\""), "\(svg)")
        #expect(svg.components(separatedBy: "class=\"previous\"").count - 1 == 1, "\(svg)")
    }

    /// The lines of the history's curve: a detour's step around it drawn once beside the detour, a line broken at a
    /// stage without a score, a lone scored stage a point.
    @Test func theHistorysCurveLines() {
        // 0 → 1 → 2, and 0 → 2 around the detour.
        #expect(CurveComparisonSVG.runs(next: [[1, 2], [2], []], scored: [true, true, true]) == [[0, 1, 2], [0, 2]])
        #expect(CurveComparisonSVG.runs(next: [[1], [2], [3], [4], []], scored: [true, true, false, true, true]) == [[0, 1], [3, 4]])
        #expect(CurveComparisonSVG.runs(next: [[1], [2], []], scored: [false, true, false]) == [[1]])
    }

    /// A sharp drop between two stages names them; one within a stage names the stage once, and its two points: by
    /// their labels, or by their scores when a label is missing or both are the same.
    @Test func aSharpDropIsDescribedByWhereItFalls() {
        var marks = CurveMarks()
        marks.dropText = "sharp drop"
        marks.sharpDrops = [JourneyEvaluation.Drop(from: 0, to: 1), JourneyEvaluation.Drop(from: 2, to: 3)]
        var curve = Self.curve([[2, -1], [1, -2]])
        curve.points[3].label = ""
        let svg = EmotionCurveSVG(curve: curve, title: "T", words: ThemeWords(.en),
                                  format: NumberFormat(language: .en, signedScores: true), marks: marks)
        #expect(svg.description.hasSuffix(". Sharp drop: Stage 0, p0 → p1 (−3). Sharp drop: Stage 1, +1 → −2 (−3)"),
                "\(svg.description)")
        curve.points[1].label = "p0"
        let same = EmotionCurveSVG(curve: curve, title: "T", words: ThemeWords(.en),
                                   format: NumberFormat(language: .en, signedScores: true), marks: marks)
        #expect(same.description.contains(". Sharp drop: Stage 0, +2 → −1 (−3)."), "\(same.description)")
        marks.sharpDrops = [JourneyEvaluation.Drop(from: 1, to: 3)]
        let across = EmotionCurveSVG(curve: curve, title: "T", words: ThemeWords(.en),
                                     format: NumberFormat(language: .en, signedScores: true), marks: marks)
        #expect(across.description.hasSuffix(". Sharp drop: Stage 0 → Stage 1 (−1)"), "\(across.description)")
    }

    @Test func aLongScaleIsMarkedInRoundSteps() {
        let svg = { (scale: ClosedRange<Double>) in
            EmotionCurveSVG(curve: Self.curve([[scale.lowerBound]], scale: scale), title: "T", words: ThemeWords(.en),
                            format: NumberFormat(language: .en, signedScores: scale.lowerBound < 0))
        }
        #expect(svg(-2...2).scaleValues == [-2, -1, 0, 1, 2])
        #expect(svg(1...5).scaleValues == [1, 2, 3, 4, 5])
        #expect(svg(0...100).scaleValues == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
        #expect(svg(-5...5).scaleValues == Array(stride(from: -5.0, through: 5, by: 1)))
        #expect(svg(0...30).scaleValues == [0, 5, 10, 15, 20, 25, 30])
        #expect(svg(0...0.5).scaleValues == [0, 0.5])
    }

    // MARK: - edge cases through a build

    /// A map with `count` stages, each with one score cycling through the scale.
    static func mapWithStages(_ count: Int) -> String {
        let scores = ["-2", "-1", "0", "+1", "+2"]
        return RenderBuild.russianMap(body: (0..<count).map { index in
            RenderBuild.stage("Этап \(index + 1)", score: scores[index % scores.count] + " Оценка \(index + 1)")
        }.joined())
    }

    @Test(arguments: [2, 20])
    func twoAndTwentyStagesRender(_ count: Int) throws {
        let built = try RenderBuild.site(["content/map.md": Self.mapWithStages(count)])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let svg = try #require(built.text("map/emotions.svg"))
        let root = try RenderXML.root(svg)
        #expect(RenderXML.attribute(root, "viewBox") == "-44 -40 \(count * 200 + 60) 283")
        let stages = (1...count).map { "Этап \($0)" }
        let points = try Self.svgPoints(root, stages: stages)
        #expect(points.map(\.stage) == stages)
        for (index, point) in points.enumerated() {
            #expect(point.cx == Double(index) * 200 + 100)
        }
        let desc = try #require(RenderXML.child(root, "desc")?.stringValue)
        for stage in stages { #expect(desc.contains(stage + ": ")) }
        #expect(RenderPath(RenderXML.attribute(RenderXML.withClass(root, "line").first, "d") ?? "")?.segments.count == count - 1)
        let page = try #require(built.text("map/index.html"))
        #expect(page.components(separatedBy: "<th scope=\"col\" id=\"stage-etap-").count - 1 == count)
        #expect(page.contains("style=\"--stages: \(count)\""))
    }

    /// A schema whose emotion layer is optional, so a stage may have no score.
    static let optionalEmotionSchema = """
        scale: [-2, 2]
        layers:
          - id: goal
            title: { ru: Цель, en: Goal }
            kind: text
            required: true
          - id: emotions
            title: { ru: Эмоции, en: Emotions }
            kind: emotion
        """

    @Test func aStageWithoutPointsLeavesAGap() throws {
        let map = """
            ---
            title: Пропуск
            ---

            ## Первый
            ### Цель
            Начать.
            ### Эмоции
            +1 Хорошо

            ## Пустой
            ### Цель
            Подождать.

            ## Третий
            ### Цель
            Закончить.
            ### Эмоции
            -1 Плохо
            -2 Совсем плохо

            """
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "schema.yml": Self.optionalEmotionSchema,
                                          "content/gap.md": map])
        #expect(built.diagnostics.isEmpty, "\(renderDescribe(built.diagnostics))")
        let svg = try #require(built.text("gap/emotions.svg"))
        let root = try RenderXML.root(svg)
        let points = try Self.svgPoints(root, stages: ["Первый", "Пустой", "Третий"])
        #expect(points.map(\.stage) == ["Первый", "Третий", "Третий"])
        #expect(!points.contains { $0.cx >= 200 && $0.cx <= 400 }, "no point in the empty stage's column")
        let desc = try #require(RenderXML.child(root, "desc")?.stringValue)
        #expect(desc.contains("Пустой: нет оценки"))
        #expect(desc.contains("Третий: −1 (Плохо), −2 (Совсем плохо)"))
        // The stage's name is still drawn under its column.
        let names = RenderXML.descendants(try #require(RenderXML.withClass(root, "stages").first), named: "text")
        #expect(names.map { $0.stringValue ?? "" } == ["Первый", "Пустой", "Третий"])
        #expect(names.map { RenderXML.attribute($0, "x") } == ["100", "300", "500"])
        // The table's emotion cell of that stage is empty.
        let page = try #require(built.text("gap/index.html"))
        #expect(page.components(separatedBy: "<ul class=\"emotions\">").count - 1 == 2)
    }

    @Test func aMapWithNoScoresHasNoCurve() throws {
        let map = "---\ntitle: Без эмоций\n---\n\n## Один\n### Цель\nНачать.\n\n## Два\n### Цель\nЗакончить.\n"
        let built = try RenderBuild.site(["schema.yml": Self.optionalEmotionSchema, "content/none.md": map])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        #expect(built.text("none/emotions.svg") == nil)
        let page = try #require(built.text("none/index.html"))
        #expect(!page.contains("<svg"))
        #expect(!page.contains("emotions.svg"), "no download link to a file that was not written")
        #expect(built.text("none/outline.opml") != nil)
    }

    @Test func aSinglePointGivesACircleButNoPath() throws {
        let built = try RenderBuild.site(["tropa.yml": "language: ru\n", "content/one.md": RenderBuild.russianMap(body: RenderBuild.stage("Единственный", score: "+1 Хорошо"))])
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let svg = try #require(built.text("one/emotions.svg"))
        let root = try RenderXML.root(svg)
        #expect(RenderXML.descendants(root, named: "path").isEmpty)
        let circles = RenderXML.descendants(root, named: "circle")
        #expect(circles.count == 1)
        #expect(RenderXML.attribute(circles.first, "cx") == "100")
        #expect(RenderXML.attribute(circles.first, "cy") == "56")
        #expect(RenderXML.child(root, "desc")?.stringValue == "Эмоции по этапам — Единственный: +1 (Хорошо)")
        // The catalogue's sparkline too.
        let catalogue = try #require(built.text("index.html"))
        #expect(catalogue.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tropa-sparkline\""))
        #expect(!catalogue.contains("<path"))
    }

    /// A Cyrillic letter is wider than a Latin one: «Первая покупка» wraps in a 120-unit column (such a name touched
    /// the next one on a comparison chart), a Latin name of as many letters does not.
    @Test func stageNamesWrapByTheirAlphabetsWidth() {
        let curve = EmotionCurve(stageNames: ["Первая покупка", "Checkout today"], series: EmotionSeries(points: []),
                                 scale: -2...2, columnWidth: 120)
        let names = EmotionCurveSVG.stageNames(curve)
        #expect(names.contains(">Первая</tspan><tspan x=\"60\" dy=\"15\">покупка</tspan></text>"), "\(names)")
        #expect(names.contains("<tspan x=\"180\" dy=\"0\">Checkout today</tspan></text>"), "\(names)")
    }

    /// A card's sparkline keeps its length whatever its scores, on either end of the scale or between, a branched
    /// map's too: a score changed is then an edit of the card where it stands on a page of 10,000 cards. The
    /// heights it pads are the numbers they were, and the page's own curve is not padded.
    @Test func aSparklineKeepsItsLengthWhenItsScoresChange() throws {
        // The stage of each point: one a stage, or two on the first stage and three on the last with none between.
        let layouts = [[0, 1, 2, 3], [0, 0, 1, 3, 3, 3]]
        let branches = [[], [CurveLine(stages: [0, 1, 2], label: "Онлайн"), CurveLine(stages: [0, 3], label: "Офлайн")]]
        for scale: ClosedRange<Double> in [-2...2, 1...7, 0...10] {
            // Both ends, a half, a third (heights with a tenth), past the end and no end at all (clamped).
            let (low, high) = (scale.lowerBound, scale.upperBound)
            let scores = [low, low + 0.5, (low + high) / 2, high - 1.0 / 3, high, high + 3, -.infinity]
            for (layout, lines) in zip(layouts + layouts, branches + branches.reversed()) {
                var lengths: Set<Int> = []
                for first in scores {
                    for second in scores {
                        for third in scores {
                            let series = EmotionSeries(points: layout.enumerated().map { place, stage in
                                EmotionSeries.Point(stage: stage, score: [first, second, third][place % 3], label: "")
                            })
                            let curve = EmotionCurve(stageNames: ["", "", "", ""], series: series, scale: scale, columnWidth: 24,
                                                     plotHeight: 28, top: 3)
                            lengths.insert(SparklineSVG(curve: curve, label: "Карта", lines: lines).render().utf8.count)
                        }
                    }
                }
                #expect(lengths.count == 1, "\(scale), \(layout), \(lines.count) lines: \(lengths.sorted())")
            }
        }
        let curve = EmotionCurve(stageNames: ["", ""], series: EmotionSeries(points: [EmotionSeries.Point(stage: 0, score: 2, label: ""),
                                                                                      EmotionSeries.Point(stage: 1, score: 0.5, label: "")]),
                                 scale: -2...2, columnWidth: 24, plotHeight: 28, top: 3)
        let sparkline = SparklineSVG(curve: curve, label: "", lines: []).render()
        #expect(sparkline.contains("<path d=\"M12 3    C20 6.5  28 10   36 13.5\""), "\(sparkline)")
        #expect(sparkline.contains("<circle cx=\"12\" cy=\"3\"    r=\"2.5\""), "\(sparkline)")
        #expect(sparkline.contains("<circle cx=\"36\" cy=\"13.5\" r=\"2.5\""), "\(sparkline)")
        #expect(EmotionCurveSVG.pathData(curve) == "M12 3 C20 6.5 28 10 36 13.5")
    }

    @Test func longStageNamesWrapAndShorten() {
        let lines = EmotionCurveSVG.wrap("Очень длинное название этапа, которое никак не помещается в одну колонку и даже в три строки не влезает",
                                         width: 27, maxLines: 3)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 27 })
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(EmotionCurveSVG.wrap("Покупка", width: 27, maxLines: 3) == ["Покупка"])
        #expect(EmotionCurveSVG.wrap("Оплата заказа на сайте", width: 13, maxLines: 3) == ["Оплата заказа", "на сайте"])
    }

    /// Each line's length is kept as words join it; the lines are those of counting every candidate line's
    /// characters anew, on text whose spaces sit beside marks, joiners, flags and line breaks.
    @Test func wrappingCountsCharactersAsCountingEachLineAnew() {
        func anew(_ text: String, width: Int, maxLines: Int) -> [String] {
            var lines: [String] = [], current = ""
            for word in text.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if candidate.count <= width || current.isEmpty { current = candidate } else { (lines, current) = (lines + [current], String(word)) }
            }
            if !current.isEmpty { lines.append(current) }
            lines = lines.map { EmotionCurveSVG.shorten($0, to: width) }
            guard lines.count > maxLines else { return lines }
            var kept = Array(lines.prefix(maxLines))
            kept[maxLines - 1] = EmotionCurveSVG.shorten(kept[maxLines - 1] + " " + lines[maxLines], to: width - 1, force: true)
            return kept
        }
        let texts = ["ab \u{301}c d", "a  \u{301}b cd", "x\u{600} b c", "x \u{600}b c", "👩‍👩‍👧 семья 👍🏽 ок", "🇷🇺 🇺🇸🇬🇧 флаги",
                     "a\u{200D} b", "строка\r\nдва слова", "Ε\u{301}λλάδα 日本語 テキスト", " Оплата  заказа на сайте ", "é e\u{301} ё е\u{308}"]
        for text in texts {
            for width in 1...14 {
                for maxLines in 1...3 {
                    #expect(EmotionCurveSVG.wrap(text, width: width, maxLines: maxLines) == anew(text, width: width, maxLines: maxLines),
                            "\(text.unicodeScalars.map { String($0.value, radix: 16) }) in \(width)")
                }
            }
        }
    }

    /// A trend is scaled to its own values, so it says them: the highest at the top, the lowest at the bottom, the
    /// first and last dates under the ends; one date and one value for a trend of one day or one value.
    @Test func aTrendSaysItsValuesAndDates() throws {
        func trend(_ points: [(String, Double, String)]) -> String {
            let made = points.map { date, value, text in
                TrendModel.Point(day: CalendarDay(date)!.ordinal, value: value, label: CalendarDay.words(date, in: .ru),
                                 shortLabel: CalendarDay.short(date, in: .ru), text: text)
            }
            return TrendSVG(trend: TrendModel(id: "trend-1", stage: "Выбор", metric: "NPS", title: "NPS — Выбор",
                                              description: "", points: made, latest: "", change: "", first: nil)).render()
        }
        let rising = trend([("2025-01-06", -11, "−11"), ("2025-02-03", -20, "−20"), ("2025-03-31", -2, "−2")])
        let ticks = try #require(rising.range(of: "<g class=\"ticks\"").map { String(rising[$0.lowerBound...].prefix { $0 != "\n" }) })
        // Top and bottom of the plot (8 and 52), 4 below for the text's baseline; the dates under the plot's ends. The
        // plot starts at 30, room enough for three characters.
        #expect(ticks.contains("<text x=\"24\" y=\"12\" text-anchor=\"end\">−2</text>"))
        #expect(ticks.contains("<text x=\"24\" y=\"56\" text-anchor=\"end\">−20</text>"))
        #expect(ticks.contains("<text x=\"30\" y=\"70\" text-anchor=\"start\">06.01.2025</text>"))
        #expect(ticks.contains("<text x=\"234\" y=\"70\" text-anchor=\"end\">31.03.2025</text>"))
        #expect(!ticks.contains("−11"), "a value between the two is not on the axis")
        #expect(rising.contains("points=\"30,30 98,52 234,8\""))
        // A longer value moves the plot right to make room for it (eight characters: 62.8).
        let check = trend([("2024-03-01", 48000, "48 000 ₽"), ("2024-05-01", 51000, "51 000 ₽")])
        #expect(check.contains("<text x=\"56.8\" y=\"56\" text-anchor=\"end\">48 000 ₽</text>"))
        #expect(check.contains("points=\"62.8,52 234,8\""))
        // One so long the dates would meet: the first date is moved left, under the values.
        let long = trend([("2024-03-01", 1, "1 200 000 ₽ в месяц"), ("2024-05-01", 2, "1 300 000 ₽ в месяц")])
        #expect(long.contains("<text x=\"98\" y=\"70\" text-anchor=\"start\">01.03.2024</text>"))
        #expect(long.contains("points=\"115.6,52 234,8\""), "the values take half the chart at most")
        #expect(long.contains("text-anchor=\"end\"><title>1 300 000 ₽ в месяц</title>1 300 000 ₽ в м…</text>"),
                "a value too long is cut, whole in its tooltip")
        let flat = trend([("2025-01-06", 30, "30 %"), ("2025-03-31", 30, "30 %")])
        #expect(flat.components(separatedBy: ">30 %</text>").count == 2, "one value for a flat trend")
        let once = trend([("2025-01-06", 30, "30 % <b>")])
        #expect(once.contains("text-anchor=\"middle\">06.01.2025</text>") && once.contains(">30 % &lt;b&gt;</text>"))
        #expect(CalendarDay.short("2025-01-06", in: .en) == "6 Jan 2025" && CalendarDay.short("2025-11-30", in: .ru) == "30.11.2025")
        #expect(CalendarDay.short("не дата", in: .ru) == "не дата")
    }

    /// A target is on the chart's scale, however far from the values: a dashed line at its height, with its value at
    /// the left where that meets no other value written there.
    @Test func aTrendDrawsItsTarget() throws {
        func trend(_ values: [Double], target: Double) -> String {
            let made = zip(["2025-01-06", "2025-02-03", "2025-03-31"], values).map { date, value in
                TrendModel.Point(day: CalendarDay(date)!.ordinal, value: value, label: date, shortLabel: date, text: "\(Int(value)) %")
            }
            var model = TrendModel(id: "trend-1", stage: "Выбор", metric: "Конверсия", title: "", description: "",
                                   points: made, latest: "", change: "", first: nil)
            (model.targetLevel, model.target) = ((target, "\(Int(target)) %"), "цель \(Int(target)) % <b>")
            return TrendSVG(trend: model).render()
        }
        // Above every value: the target is the top of the scale (8), the highest value lower down.
        let below = trend([20, 25, 30], target: 40)
        #expect(below.contains("<line x1=\"36.4\" y1=\"8\" x2=\"234\" y2=\"8\" stroke=\"#1f7a45\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>цель 40 % &lt;b&gt;</title></line>"))
        #expect(below.contains("<text x=\"30.4\" y=\"12\" text-anchor=\"end\" font-size=\"11\" fill=\"#1f7a45\">40 %</text>"))
        #expect(below.contains("<text x=\"30.4\" y=\"34\" text-anchor=\"end\">30 %</text>"), "30 % at 30 of 52 on a scale of 20–40")
        #expect(below.contains("points=\"36.4,52 102.3,41 234,30\""))
        // Between the values and near the highest: its line, but no value written over the highest's.
        let near = trend([20, 38, 40], target: 39)
        #expect(near.contains("<g class=\"target\"><line x1=\"36.4\" y1=\"10.2\""))
        #expect(!near.contains("fill=\"#1f7a45\">39 %</text>"))
        // The lowest value is left off where the target's scale presses it against the highest.
        let far = trend([40, 40.5, 41], target: 90)
        #expect(far.contains(">41 %</text>") && !far.contains(">40 %</text>") && far.contains("fill=\"#1f7a45\">90 %</text>"))
    }
}
