import TropaModel
import TropaAnalysis

/// The geometry of a map's emotion curve: one column per stage, points spread within their stage's column,
/// y from the schema's scale, and a monotone cubic through the points (so it never overshoots one).
public struct EmotionCurve: Sendable, Equatable {
    /// A plotted point, with the stage it belongs to.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var score: Double
        public var label: String
        public var stageIndex: Int
    }

    public var width: Double
    /// The height of the plotting area (stage names go below it).
    public var plotHeight: Double
    public var top: Double
    public var columnWidth: Double
    public var scale: ClosedRange<Double>
    public var stageNames: [String]
    public var points: [Point]

    /// Lays out `series` over columns named `stageNames`, each `columnWidth` wide, over a plot `plotHeight` high
    /// below `top`: the points of a stage spread evenly within its column.
    public init(stageNames: [String], series: EmotionSeries, scale: ClosedRange<Double>,
                columnWidth: Double = 200, plotHeight: Double = 160, top: Double = 16) {
        self.columnWidth = columnWidth
        self.plotHeight = plotHeight
        self.top = top
        self.scale = scale
        width = columnWidth * Double(max(stageNames.count, 1))
        self.stageNames = stageNames
        var perStage = [Int](repeating: 0, count: stageNames.count)
        for point in series.points { perStage[point.stage] += 1 }
        var placed = [Int](repeating: 0, count: stageNames.count)
        points = series.points.map { point in
            placed[point.stage] += 1
            let x = columnWidth * (Double(point.stage) + Double(placed[point.stage]) / Double(perStage[point.stage] + 1))
            let clamped = min(max(point.score, scale.lowerBound), scale.upperBound)
            return Point(x: x, y: Self.y(for: clamped, scale: scale, top: top, plotHeight: plotHeight),
                         score: point.score, label: point.label, stageIndex: point.stage)
        }
    }

    package static func y(for score: Double, scale: ClosedRange<Double>, top: Double, plotHeight: Double) -> Double {
        top + (scale.upperBound - score) / (scale.upperBound - scale.lowerBound) * plotHeight
    }

    /// The y of the zero line, or of the scale's nearest end when zero is outside it.
    public var baselineY: Double {
        Self.y(for: min(max(0, scale.lowerBound), scale.upperBound), scale: scale, top: top, plotHeight: plotHeight)
    }

    public var bottom: Double { top + plotHeight }

    /// The x of the middle of a stage's column.
    public func columnCenter(_ index: Int) -> Double { columnWidth * (Double(index) + 0.5) }

    /// The y of a whole score on the scale, for grid lines.
    public func y(for score: Double) -> Double {
        Self.y(for: score, scale: scale, top: top, plotHeight: plotHeight)
    }

    /// The curve as cubic Bézier segments: `(start, control1, control2, end)`, Fritsch–Carlson monotone.
    public var segments: [Segment] { Self.segments(through: points) }

    public typealias Segment = (start: (Double, Double), c1: (Double, Double), c2: (Double, Double), end: (Double, Double))

    /// The segments through some of the points, in their order: one line of a branched map's curve.
    public static func segments(through points: [Point]) -> [Segment] {
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        guard xs.count > 1 else { return [] }
        let tangents = Self.monotoneTangents(xs: xs, ys: ys)
        return (0..<(xs.count - 1)).map { i in
            let h = (xs[i + 1] - xs[i]) / 3
            return ((xs[i], ys[i]), (xs[i] + h, ys[i] + tangents[i] * h),
                    (xs[i + 1] - h, ys[i + 1] - tangents[i + 1] * h), (xs[i + 1], ys[i + 1]))
        }
    }

    /// Tangents that keep a cubic Hermite spline monotone between each pair of points.
    package static func monotoneTangents(xs: [Double], ys: [Double]) -> [Double] {
        let n = xs.count
        var slopes: [Double] = []
        for i in 0..<(n - 1) {
            let rise: Double = ys[i + 1] - ys[i]
            let run: Double = xs[i + 1] - xs[i]
            slopes.append(rise / run)
        }
        var tangents = [Double](repeating: 0, count: n)
        tangents[0] = slopes[0]
        tangents[n - 1] = slopes[n - 2]
        for i in 1..<(n - 1) {
            tangents[i] = slopes[i - 1] * slopes[i] <= 0 ? 0 : (slopes[i - 1] + slopes[i]) / 2
        }
        for i in 0..<(n - 1) {
            if slopes[i] == 0 {
                tangents[i] = 0
                tangents[i + 1] = 0
                continue
            }
            let a: Double = tangents[i] / slopes[i]
            let b: Double = tangents[i + 1] / slopes[i]
            let magnitude: Double = a * a + b * b
            if magnitude > 9 {
                let t: Double = 3 / magnitude.squareRoot()
                tangents[i] = t * a * slopes[i]
                tangents[i + 1] = t * b * slopes[i]
            }
        }
        return tangents
    }
}
