import TropaModel

/// Reads numbers as authors write them: a sign (`+`, `-`, `−`), digits grouped by spaces, `.` or `,` decimals.
package enum NumberReader {
    /// The number at the start of `text` and what follows it, or nil when it does not start with one.
    package static func leadingNumber(_ text: Substring, grouping: Bool = false) -> (Double, Substring)? {
        var rest = text
        var negative = false
        if let sign = rest.first, "+-−–".contains(sign) {
            negative = sign != "+"
            rest = rest.dropFirst()
        }
        var digits = String(rest.prefix(while: \.isASCIIDigit))
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count)
        // "12 500": a space followed by exactly three digits continues the number.
        while grouping, let space = rest.first, space == " " || space == "\u{00A0}" || space == "\u{202F}" {
            let group = rest.dropFirst().prefix(while: \.isASCIIDigit)
            guard group.count == 3, !(rest.dropFirst(4).first?.isASCIIDigit ?? false) else { break }
            digits += group
            rest = rest.dropFirst(4)
        }
        if let separator = rest.first, separator == "." || separator == ",",
           rest.dropFirst().first?.isASCIIDigit == true {
            let fraction = rest.dropFirst().prefix(while: \.isASCIIDigit)
            digits += "." + fraction
            rest = rest.dropFirst(1 + fraction.count)
        }
        guard let value = Double(digits) else { return nil }
        return (negative ? -value : value, rest)
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

/// Why a metrics item could not be read.
package enum MetricProblem: Error, Equatable {
    case noColon
    case noValue
    case noNumber
    case notOneNumber
    case wrongUnit(metric: String, expected: MetricUnit)

    package func message(_ text: String) -> String {
        switch self {
        case .noColon: "the metric \"\(text)\" is not written as NAME: VALUE"
        case .noValue: "the metric \"\(text)\" has no value"
        case .noNumber: "the value of \"\(text)\" is not a number"
        case .notOneNumber: "the value of \"\(text)\" is not one number (ranges such as 1–3 are not read)"
        case .wrongUnit(let metric, .percent): "\"\(metric)\" is a percentage, but \"\(text)\" is not"
        case .wrongUnit(let metric, .duration): "\"\(metric)\" is a duration, but \"\(text)\" has no unit of time"
        case .wrongUnit(let metric, .plain): "\"\(metric)\" is a plain number, but \"\(text)\" has a unit"
        }
    }

    package var help: String {
        switch self {
        case .noColon, .noValue, .noNumber, .notOneNumber:
            "write a name, a colon and a number, e.g. \"Конверсия: 35%\", \"NPS: 20\", \"Длительность: 2 недели\""
        case .wrongUnit(_, .percent): "write it as a percentage, e.g. \"35%\""
        case .wrongUnit(_, .duration): "add a unit of time, e.g. \"3 дня\" or \"2 weeks\""
        case .wrongUnit(_, .plain): "write the number alone, e.g. \"20\""
        }
    }
}

/// Reads a metrics item `NAME: VALUE` against the schema's metrics.
package enum MetricReader {
    package static func read(_ text: String, schema: LayerSchema) -> Result<MetricValue, MetricProblem> {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return .failure(.noColon) }
        let name = text[..<colon].trimmingWhitespace()
        let valueText = text[text.index(after: colon)...].trimmingWhitespace().drop { "~≈".contains($0) }
        guard !name.isEmpty else { return .failure(.noColon) }
        guard !valueText.isEmpty else { return .failure(.noValue) }
        guard let (number, rest) = NumberReader.leadingNumber(valueText.drop(while: \.isWhitespace), grouping: true)
        else { return .failure(.noNumber) }
        let unitText = rest.trimmingWhitespace()
        // "1–3 года" or "12 3456": a second number is not a unit.
        guard !unitText.contains(where: \.isASCIIDigit) else { return .failure(.notOneNumber) }
        var unit: ValueUnit
        if unitText.isEmpty {
            unit = .plain
        } else if unitText == "%" {
            unit = .percent
        } else if let duration = DurationUnit.named(unitText) {
            unit = .duration(duration)
        } else {
            unit = .other(unitText)
        }
        guard let metric = schema.metric(named: name) else {
            return .success(MetricValue(metricID: nil, name: name, value: number, unit: unit, line: 0))
        }
        switch (metric.unit, unit) {
        case (.percent, .plain), (.percent, .percent):
            unit = .percent
        case (.duration, .duration), (.plain, .plain), (.plain, .other):
            break
        default:
            return .failure(.wrongUnit(metric: name, expected: metric.unit))
        }
        return .success(MetricValue(metricID: metric.id, name: name, value: number, unit: unit, line: 0))
    }
}

extension DurationUnit {
    private static let names: [String: DurationUnit] = {
        let table: [DurationUnit: [String]] = [
            .second: ["с", "сек", "секунда", "секунды", "секунд", "секунду", "s", "sec", "secs", "second", "seconds"],
            .minute: ["мин", "минута", "минуты", "минут", "минуту", "min", "mins", "minute", "minutes"],
            .hour: ["ч", "час", "часа", "часов", "h", "hr", "hrs", "hour", "hours"],
            .day: ["д", "дн", "день", "дня", "дней", "сутки", "суток", "d", "day", "days"],
            .week: ["нед", "неделя", "недели", "недель", "неделю", "w", "wk", "wks", "week", "weeks"],
            .month: ["мес", "месяц", "месяца", "месяцев", "mo", "mon", "month", "months"],
            .year: ["г", "год", "года", "лет", "y", "yr", "yrs", "year", "years"],
        ]
        var names: [String: DurationUnit] = [:]
        for (unit, words) in table { for word in words { names[word] = unit } }
        return names
    }()

    /// The unit of time a word names, in Russian or English, with or without a trailing dot.
    package static func named(_ word: String) -> DurationUnit? {
        var key = NameKey(word).value
        if key.hasSuffix(".") { key.removeLast() }
        return names[key]
    }
}
