import TropaModel
import TropaAnalysis

/// Figures as a reader of the site's language expects them: `45 000`, `4,5`, `35 %`, `2 недели` / `45,000`, `35%`.
package struct NumberFormat: Sendable {
    package let language: Language
    /// Scores carry a `+` only on a scale that has negative scores too.
    package var signedScores = true

    /// A number with grouped thousands and at most two decimals.
    package func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let negative = rounded < 0
        let whole = Int(abs(rounded).rounded(.down))
        let fraction = Int(((abs(rounded) - Double(whole)) * 100).rounded())
        // Most figures (a score, a percent, an NPS) are whole and below a thousand: nothing to group. Grouped
        // anyway, they took 900 instructions each, 2 % of a cold build.
        if whole < 1000 && fraction == 0 { return negative ? "−" + String(whole) : String(whole) }
        var digits = String(whole)
        var grouped = ""
        let separator = language == .ru ? "\u{00A0}" : ","
        while digits.count > 3 {
            grouped = separator + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if fraction > 0 {
            var decimals = fraction < 10 ? "0\(fraction)" : String(fraction)
            if decimals.hasSuffix("0") { decimals.removeLast() }
            grouped += (language == .ru ? "," : ".") + decimals
        }
        return (negative ? "−" : "") + grouped
    }

    /// A score with its sign: `+2`, `0`, `−1,5` (`8` on a scale from 0).
    package func score(_ value: Double) -> String {
        value > 0 && signedScores ? "+" + number(value) : number(value)
    }

    package func value(_ value: Double, unit: ValueUnit) -> String {
        let figure = number(value)
        switch unit {
        case .plain: return figure
        case .percent: return language == .ru ? figure + "\u{00A0}%" : figure + "%"
        case .other(let text): return figure + "\u{00A0}" + text
        case .duration(let unit): return figure + "\u{00A0}" + unit.word(count: value, in: language)
        }
    }

    /// A value as written: one number, or a range (`2–3 недели`, `30–40 %`) whose unit follows its high end.
    package func value(_ value: Double, range: ClosedRange<Double>?, unit: ValueUnit) -> String {
        guard let range else { return self.value(value, unit: unit) }
        return number(range.lowerBound) + "–" + self.value(range.upperBound, unit: unit)
    }

    /// A computed share or average, to a tenth: `23,8 %`, not the `23,77 %` the arithmetic gives.
    package func percent(_ value: Double) -> String { self.value((value * 10).rounded() / 10, unit: .percent) }
}
