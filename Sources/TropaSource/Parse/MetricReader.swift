import TropaModel

/// Reads numbers as authors write them: a sign (`+`, `-`, `−`), digits grouped by spaces, `.` or `,` decimals.
package enum NumberReader {
    /// The number at the start of `text` and what follows it, or nil when it does not start with one.
    package static func leadingNumber(_ text: Substring, grouping: Bool = false) -> (Double, Substring)? {
        asciiLeadingNumber(text, grouping: grouping) ?? characterLeadingNumber(text, grouping: grouping)
    }

    /// `leadingNumber` read character by character.
    static func characterLeadingNumber(_ text: Substring, grouping: Bool) -> (Double, Substring)? {
        var rest = text
        var negative = false
        if let sign = rest.first, sign.isOne(of: "+-−–") {
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

    /// `leadingNumber` read on the bytes while every byte it looks at is ASCII (every metric and score of every map
    /// is read: by characters it was 3 % of checking a site). Nil when it meets one that is not, for the reading by
    /// characters to decide (`−`, a no-break space between groups, a mark that joins the character before it);
    /// `.some(nil)` when the text starts with no number.
    static func asciiLeadingNumber(_ text: Substring, grouping: Bool) -> (Double, Substring)?? {
        var text = text
        let read: (number: [UInt8], end: Int)?? = text.withUTF8 { bytes in
            var at = 0
            // The byte at `index`, or 0 past the end; nil when it is not ASCII.
            func byte(_ index: Int) -> UInt8? { index < bytes.count ? (bytes[index] < 0x80 ? bytes[index] : nil) : 0 }
            func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
            /// The digits from `index` on, as far as they go, and whether the byte after them is ASCII.
            func digits(from index: Int) -> Int? {
                var end = index
                while let next = byte(end), isDigit(next) { end += 1 }
                return byte(end) == nil ? nil : end - index
            }
            guard let first = byte(0) else { return nil }
            if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { at = 1 }
            var number: [UInt8] = first == UInt8(ascii: "-") ? [first] : []
            guard let whole = digits(from: at) else { return nil }
            guard whole > 0 else { return .some(nil) }
            number += bytes[at..<at + whole]
            at += whole
            // "12 500": a space followed by exactly three digits continues the number. One followed by a letter
            // (`6 дней`) ends it, read either way, whatever the letter.
            while grouping, byte(at) == 0x20 {
                guard let group = byte(at + 1) == nil ? 0 : digits(from: at + 1) else { return nil }
                guard group == 3 else { break }
                number += bytes[at + 1..<at + 4]
                at += 4
            }
            if let separator = byte(at), separator == UInt8(ascii: ".") || separator == UInt8(ascii: ",") {
                guard let after = byte(at + 1) else { return nil }
                if isDigit(after) {
                    guard let fraction = digits(from: at + 1) else { return nil }
                    number.append(UInt8(ascii: "."))
                    number += bytes[at + 1..<at + 1 + fraction]
                    at += 1 + fraction
                }
            }
            return (number, at)
        }
        guard let read else { return nil }
        guard let (number, end) = read, let value = Double(String(decoding: number, as: UTF8.self)) else { return .some(nil) }
        return (value, text[text.utf8.index(text.startIndex, offsetBy: end)...])
    }
}

extension Character {
    /// `0`…`9`, told by the byte: `isWholeNumber` looks the character up in Unicode's tables.
    package var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }

    /// Whether the character is one of `scalars`, each a character of one scalar that no other sequence equals.
    /// Compared as scalars: `==` between two different characters, one not ASCII (any Cyrillic letter), first
    /// normalises both, and metrics and actions are read character by character.
    package func isOne(of scalars: String) -> Bool {
        var iterator = unicodeScalars.makeIterator()
        guard let scalar = iterator.next(), iterator.next() == nil else { return false }
        return scalars.unicodeScalars.contains(scalar)
    }
}

/// Why a metrics item could not be read.
package enum MetricProblem: Error, Equatable {
    /// `fix`: the item with a colon where a dash or `=` stands between a name and a value (`Конверсия — 70%`).
    case noColon(fix: String? = nil)
    case noValue
    case noNumber
    /// `₽45 000`: the value to write instead, `45 000 ₽`.
    case currencyFirst(String)
    /// `- 15`: the value to write instead, `-15`.
    case spacedSign(String)
    /// `—20`: an em dash typed for the minus, and the value to write instead, `-20`.
    case dashForMinus(String)
    /// `CSAT: 4,5 из 5`: a score on a metric in percent, the metric's name and the score's number.
    case scoreOnPercentMetric(metric: String, value: String)
    case notOneNumber
    case reversedRange
    case unreadableTarget
    /// `fix`: the value written in the metric's unit, when it is one number with a percent sign it should not
    /// have or a doubled one (`30%` for `30%%`, `20` for NPS's `20%`).
    case wrongUnit(metric: String, expected: MetricUnit, fix: String?)
    /// `3 днея` for a duration: a word that is no unit of time, and the one it is closest to.
    case notTimeUnit(metric: String, unit: String, closest: String?)
    /// `1 час 30 минут`: a duration in two units, the value in the smaller one to write instead, `90 минут`, and the
    /// item with it (its name, `~` and target kept; empty until the item is known).
    case compoundDuration(item: String, value: String)

    package func message(_ text: String) -> Message {
        switch self {
        case .noColon: .metricNoColon(text)
        case .noValue: .metricNoValue(text)
        case .noNumber: .metricNoNumber(text)
        case .currencyFirst: .metricCurrencyFirst(text)
        case .spacedSign: .metricSpacedSign(text)
        case .dashForMinus: .metricDashForMinus(text)
        case .scoreOnPercentMetric(let metric, _): .metricNotPercent(metric: metric, text: text)
        case .notOneNumber: .metricNotOneNumber(text)
        case .reversedRange: .metricReversedRange(text)
        case .unreadableTarget: .metricUnreadableTarget(text)
        case .wrongUnit(let metric, .percent, _): .metricNotPercent(metric: metric, text: text)
        case .wrongUnit(let metric, .duration, _): .metricNoTimeUnit(metric: metric, text: text)
        case .wrongUnit(let metric, .plain, _): .metricHasUnit(metric: metric, text: text)
        case .notTimeUnit(let metric, let unit, _): .metricNotTimeUnit(metric: metric, unit: unit)
        case .compoundDuration: .metricCompoundDuration(text)
        }
    }

    /// The value written with its sign where it goes, for a sign apart from its number or a dash for a minus.
    var signedValue: String? {
        switch self {
        case .spacedSign(let value), .dashForMinus(let value): value
        default: nil
        }
    }

    /// A score on a metric in percent, its target kept after the score (`4,2 (цель 4,5)`).
    func keeping(_ target: Substring) -> MetricProblem {
        guard case .scoreOnPercentMetric(let metric, let value) = self, !target.isEmpty else { return self }
        return .scoreOnPercentMetric(metric: metric, value: value + target)
    }

    /// The same problem with `value` as the value to write.
    func signed(_ value: String) -> MetricProblem {
        switch self {
        case .spacedSign: .spacedSign(value)
        case .dashForMinus: .dashForMinus(value)
        default: self
        }
    }

    package var help: Message {
        switch self {
        case .noColon(let fix?): .write(fix)
        case .noColon, .noValue, .noNumber, .notOneNumber: .metricForm
        case .reversedRange: .smallerFirst
        case .currencyFirst(let value): .currencyAfterNumber(value)
        case .spacedSign(let value), .dashForMinus(let value): .write(value)
        case .scoreOnPercentMetric(let metric, let value): .scoreAsOwnMetric(name: metric, value: value)
        case .compoundDuration(let item, _): .write(item)
        case .unreadableTarget: .targetForm
        case .wrongUnit(let metric, _, let fix?): .write(metric + ": " + fix)
        case .wrongUnit(_, .percent, nil): .writePercent
        case .wrongUnit(_, .duration, nil): .addTimeUnit
        case .wrongUnit(_, .plain, nil): .writeNumberAlone
        case .notTimeUnit(_, _, let closest): closest.map(Message.didYouMean) ?? .addTimeUnit
        }
    }
}

/// Reads a metrics item `NAME: VALUE` against the schema's metrics. A value is one number or a range
/// (`2–3 недели`, `1-2 weeks`, `от 2 до 3 дней`, `30–40%`), with a unit, and may end with a target in brackets
/// (`35% (цель 45%)`).
package enum MetricReader {
    /// `Конверсия — 70%`, `NPS - 20`, `CSAT = 80%`, `Конверсия 45 %`: the name and the value with a colon between them.
    static func colonFix(_ text: String, schema: LayerSchema) -> String? {
        for mark in [" — ", " – ", " - ", " = ", "="] {
            guard let range = text.range(of: mark) else { continue }
            let name = text[..<range.lowerBound].trimmingWhitespace(), value = text[range.upperBound...].trimmingWhitespace()
            guard !name.isEmpty, value.first?.isNumber == true || value.first == "-" || value.first == "−" else { continue }
            return name + ": " + value
        }
        // A space alone where the colon goes: the words before the first number, when they name a known metric and
        // the rest reads as its value (not prose: `Рост в 3 раза`, `Конверсия 2024 35%`).
        let words = text.split(whereSeparator: \.isWhitespace)
        let isNumber = { (word: Substring) in
            word.first?.isNumber == true || word.count > 1 && word.first!.isOne(of: "-−+") && word.dropFirst().first!.isNumber
        }
        guard let number = words.firstIndex(where: isNumber), number > 0 else { return nil }
        let name = words[..<number].joined(separator: " ")
        let fix = name + ": " + words[number...].joined(separator: " ")
        guard schema.metric(named: name) != nil, case .success = read(fix, schema: schema) else { return nil }
        return fix
    }

    /// The first character that is a colon, `:` or the full-width `：`. Every metric of every map is read, and
    /// walking its name's characters to find it was 1 % of a cold build: the first `:` byte is taken when no byte
    /// before it could begin a `：` and it is a character of its own (no mark joins it); otherwise the characters
    /// are walked.
    static func colon(in text: String) -> String.Index? {
        let utf8 = text.utf8
        if let found = utf8.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }), utf8[found] == UInt8(ascii: ":"),
           text.isCharacter(ofOneScalarAt: found) {
            return found
        }
        return text.firstIndex { $0.isOne(of: ":：") }
    }

    package static func read(_ text: String, schema: LayerSchema) -> Result<MetricValue, MetricProblem> {
        guard let colon = colon(in: text) else { return .failure(.noColon(fix: colonFix(text, schema: schema))) }
        let name = text[..<colon].trimmingWhitespace()
        var valueText = valueText(after: colon, in: text)
        let wholeValue = valueText
        guard !name.isEmpty else { return .failure(.noColon()) }
        guard !valueText.isEmpty else { return .failure(.noValue) }
        var target: Quantity?
        if let (before, targetText) = splitTarget(valueText) {
            guard let quantity = try? Quantity.read(targetText).get(), quantity.range == nil else {
                return .failure(.unreadableTarget)
            }
            target = quantity
            valueText = before
        }
        let quantity: Quantity
        switch Quantity.read(valueText) {
        case .success(let read): quantity = read
        case .failure(.compoundDuration(_, let fix)):
            let written = String(text[text.index(after: colon)...])
            let item = String(text[...colon]) + (written.range(of: valueText).map { written.replacingCharacters(in: $0, with: fix) } ?? " " + fix)
            return .failure(.compoundDuration(item: item, value: fix))
        case .failure(let problem):
            // A value written anew keeps the target written after it (`—7 (цель 20)` → `-7 (цель 20)`).
            let target = wholeValue.dropFirst(valueText.count)
            if let scored = score(valueText, name: name, schema: schema) { return .failure(scored.keeping(target)) }
            guard var signed = problem.signedValue else { return .failure(problem) }
            // A unit the metric has not goes, as that item's own help would say (`NPS: —20%` → `-20`).
            if case .failure(.wrongUnit(_, _, let fix?)) = read(name + ": " + signed, schema: schema) { signed = fix }
            return .failure(problem.signed(signed + target))
        }
        var value = MetricValue(metricID: nil, name: name, value: quantity.value, range: quantity.range,
                                target: target.flatMap { $0.value(in: quantity.unit) }, unit: quantity.unit, line: 0)
        if target != nil, value.target == nil { return .failure(.unreadableTarget) }
        // A known metric's name with a note in brackets (`Конверсия (CR)`, `NPS (ноябрь)`) is that metric when the
        // value reads as its value; otherwise (`Время (мин): 30`, `NPS (ответов): 250`) a metric of its own, as before.
        guard let metric = schema.metric(named: name) else {
            guard let noted = notedMetric(name, schema: schema),
                  case .success(var read) = Self.read(noted.base + ":" + text[text.index(after: colon)...], schema: schema),
                  ([read.value] + (read.range.map { [$0.lowerBound, $0.upperBound] } ?? [])).allSatisfy((noted.metric.effectiveRange ?? .printable).contains)
            else { return .success(value) }
            read.name = name
            return .success(read)
        }
        switch (metric.unit, value.unit) {
        case (.percent, .plain), (.percent, .percent):
            value.unit = .percent
        // `30 процентов`: a percent sign written out, for a metric the schema measures in percent.
        case (.percent, .other(let word)) where Quantity.isPercentWord(word):
            value.unit = .percent
        case (.duration, .duration), (.plain, .plain), (.plain, .other):
            break
        case (.duration, .other(let word)):
            return .failure(.notTimeUnit(metric: name, unit: word, closest: Suggestion.closest(to: word, among: DurationUnit.words)))
        default:
            // One number with a percent sign too many (`30%%`) or one a plain metric has not (`NPS: 20%`): the
            // number written as the metric's unit wants it. Any other unit is no slip of the same kind.
            let number = NumberReader.leadingNumber(valueText, grouping: true).map { valueText[..<$0.1.startIndex].trimmingWhitespace() }
            let fix = number.flatMap { number -> String? in
                guard quantity.range == nil, target == nil, Quantity.isPercentSign(value.unit) else { return nil }
                switch metric.unit {
                case .percent: return number + "%"
                case .plain: return number
                case .duration: return nil
                }
            }
            return .failure(score(valueText, name: name, schema: schema) ?? .wrongUnit(metric: name, expected: metric.unit, fix: fix))
        }
        value.metricID = metric.id
        return .success(value)
    }

    /// `CSAT: 4,5 из 5`, `CSAT: 5 баллов`, `CSAT: 4,5/5`: a score out of 5 where CSAT's share of satisfied
    /// customers goes, which no help for a percentage fits; nil for anything else.
    private static func score(_ valueText: Substring, name: String, schema: LayerSchema) -> MetricProblem? {
        guard let metric = schema.metric(named: name), metric.role == .csat, metric.unit == .percent,
              let (number, rest) = NumberReader.leadingNumber(valueText, grouping: true), (1...5).contains(number) else { return nil }
        return .scoreOnPercentMetric(metric: name, value: String(valueText[..<rest.startIndex]).trimmingWhitespace())
    }

    /// A bare number read as a percentage where another figure is likely meant, for a metrics layer's item
    /// (`item`) or a measurements row; not for a value with a unit, a range or a target:
    /// - a share of one (`0,3`, as a spreadsheet exports 30 %), read as 0.3 %: the `percent-as-share` warning, with
    ///   the value written as a percentage (for an item, the item: `Конверсия: 30%`); not for a metric whose range
    ///   ends at one or below;
    /// - a CSAT from 1 to 5 (`CSAT: 4,5`, a survey's average score), read as 4.5 % satisfied: the `csat-as-score`
    ///   warning, with the score kept as a metric of its own (`CSAT (из 5): 4,5`); so too with a target or a range
    ///   when every number of it is from 1 to 5 and none has `%` (`CSAT: 4,2 (цель 4,5)`).
    package static func percentWarning(_ text: String, value: MetricValue, schema: LayerSchema, at location: SourceLocation,
                                       item: Bool) -> Diagnostic? {
        guard value.unit == .percent, value.value > 0 else { return nil }
        let metric = schema.metrics.first { $0.id == value.metricID }
        // A figure of 1 or more, a range or a target can only be a CSAT score; any other figure, a share only where
        // the metric's range goes past 1. Asked first: reading the value again was 3 % of checking a site.
        let asScore = value.value >= 1 || value.range != nil || value.target != nil
        guard asScore ? metric?.role == .csat : (metric?.range?.upperBound ?? 100) > 1,
              let colon = colon(in: text) else { return nil }
        let written = String(valueText(after: colon, in: text))
        let valueWritten = splitTarget(written[...])?.0 ?? written[...]
        guard case .success(let quantity) = Quantity.read(valueWritten), quantity.unit == .plain else { return nil }
        let read = valueWritten.replacingOccurrences(of: ",", with: ".")
        if asScore {
            // A name whose note says percent (`CSAT (%)`) means it.
            let name = value.name.lowercased()
            let numbers = [value.value] + (value.target.map { [$0] } ?? []) + (value.range.map { [$0.lowerBound, $0.upperBound] } ?? [])
            guard numbers.allSatisfy({ (1...5).contains($0) }), !written.contains("%"),
                  (metric?.range?.upperBound ?? 100) > 5,
                  !name.contains("%"), !name.contains("процент"), !name.contains("percent") else { return nil }
            return .warning(.csatAsScore, .csatAsScore(text, read: read), at: location,
                            suggestion: .scoreAsOwnMetric(name: value.name, value: item ? written : nil))
        }
        // Hundredths of a percent, as few digits as the value needs, with the decimal mark the author wrote.
        var percent = String(format: "%.2f", value.value * 100)
        while percent.hasSuffix("0") { percent.removeLast() }
        if percent.hasSuffix(".") { percent.removeLast() }
        if written.contains(",") { percent = percent.replacingOccurrences(of: ".", with: ",") }
        percent += "%"
        return .warning(.percentAsShare, .percentAsShare(text, read: read), at: location,
                        suggestion: .write(item ? value.name + ": " + percent : percent))
    }

    /// The value after the colon, without a leading `~` and the full stop of a sentence after the number
    /// (`CSAT: 80%.`, `Конверсия: 0,3.`, `NPS: 12 (цель 30).`); a unit's (`1 мес.`) stays.
    private static func valueText(after colon: String.Index, in text: String) -> Substring {
        let value = Substring(text[text.index(after: colon)...].trimmingWhitespace().drop { $0.isOne(of: "~≈") })
        guard !value.dropFirst().isEmpty, value.last == ".", let before = value.dropLast().last, before.isNumber || before.isOne(of: "%)") else {
            return value
        }
        return value.dropLast()
    }

    private static let targetWords = ["цель", "target", "goal", "план", "plan"]

    /// The metric before a note in brackets that ends `name`, and the name without it; nil when no metric has that
    /// name, or the note holds a number or a target's word (`(из 5)`, `(цель)`, `(план)`): the figure is another.
    private static func notedMetric(_ name: String, schema: LayerSchema) -> (metric: MetricDefinition, base: String)? {
        guard name.utf8.last == UInt8(ascii: ")"), let open = name.lastIndex(of: "(") else { return nil }
        let base = String(name[..<open]).trimmingWhitespace()
        let note = NameKey(String(name[name.index(after: open)...])).value
        guard !base.isEmpty, !note.contains(where: \.isNumber), !targetWords.contains(where: note.contains),
              let metric = schema.metric(named: base) else { return nil }
        return (metric, base)
    }

    /// `35% (цель 45%)` → (`35%`, `45%`); nil when the value ends with no bracket that starts with a target word.
    private static func splitTarget(_ text: Substring) -> (Substring, Substring)? {
        guard text.last == ")", let open = text.lastIndex(of: "(") else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingWhitespace()
        // The word alone, not the start of another (`(planned for Q3)`, `(goalkeeper)` are no targets).
        guard let word = targetWords.first(where: { word in
            inner.lowercased().hasPrefix(word)
                && inner.dropFirst(word.count).first.map { $0.isWhitespace || $0 == ":" || $0.isASCIIDigit } ?? true
        }) else { return nil }
        // `цель — 10`: a dash between the word and the number separates them; one glued to the number (`цель —10`)
        // is its sign, typed as a dash, which the target's reading then tells of.
        var number = inner.dropFirst(word.count).drop { $0.isWhitespace || $0 == ":" }
        while let first = number.first, first == "—" || first == "–", number.dropFirst().first?.isWhitespace == true {
            number = number.dropFirst().drop(while: \.isWhitespace)
        }
        return (text[..<open].trimmingWhitespace()[...], number)
    }
}

/// A number or a range with its unit, as written in a metric's value or its target.
private struct Quantity {
    var value: Double
    var range: ClosedRange<Double>?
    var unit: ValueUnit

    static func read(_ text: Substring) -> Result<Quantity, MetricProblem> {
        var rest = text.drop(while: \.isWhitespace)
        // "от 2 до 3 дней", "from 2 to 3 days": the words around a range.
        // Only the first characters lower-cased, once: the whole value twice was a fifth of reading it.
        // And only where they can open it: a first byte of `о`, `О`, `f` or `F` (no other letter lower-cases to them).
        let lead = rest.utf8.first
        let opening = lead == 0xD0 || lead == UInt8(ascii: "f") || lead == UInt8(ascii: "F")
            ? ["от ", "from "].first(where: rest.prefix(5).lowercased().hasPrefix) : nil
        if let opening { rest = rest.dropFirst(opening.count).drop(while: \.isWhitespace) }
        guard let (low, afterLow) = NumberReader.leadingNumber(rest, grouping: true) else {
            return .failure(currencyFirst(rest) ?? signApart(rest) ?? .noNumber)
        }
        rest = afterLow.drop(while: \.isWhitespace)
        // "30%–40%": the unit may be written after both numbers.
        if rest.first == "%", rest.dropFirst().drop(while: \.isWhitespace).first.map(isRangeDash) == true {
            rest = rest.dropFirst().drop(while: \.isWhitespace)
        }
        var high: Double?
        if let separator = rangeSeparator(rest, afterOpening: opening != nil) {
            guard let (number, afterHigh) = NumberReader.leadingNumber(
                rest.dropFirst(separator).drop(while: \.isWhitespace), grouping: true) else { return .failure(.notOneNumber) }
            high = number
            rest = afterHigh
        } else if opening != nil {
            return .failure(.notOneNumber)
        }
        let unitText = rest.trimmingWhitespace()
        // "1–3–5 лет" or "12 3456": a number left over is not a unit; "1 час 30 минут" is time in two units.
        guard !unitText.contains(where: \.isASCIIDigit) else {
            let value = high == nil && opening == nil ? oneUnit(low, unitText) : nil
            return .failure(value.map { .compoundDuration(item: "", value: $0) } ?? .notOneNumber)
        }
        let unit: ValueUnit = if unitText.isEmpty {
            .plain
        } else if unitText == "%" {
            .percent
        } else if let duration = DurationUnit.named(unitText) {
            .duration(duration)
        } else {
            .other(unitText)
        }
        guard let high else { return .success(Quantity(value: low, unit: unit)) }
        guard low <= high else { return .failure(.reversedRange) }
        return .success(Quantity(value: (low + high) / 2, range: low...high, unit: unit))
    }

    /// `1 час 30 минут` → `90 минут`, `2 нед 3 д` → `17 д`: a duration in two units (`unitText` follows the first
    /// number) as one number in the smaller, when one unit holds a whole number of the other; nil for anything else.
    private static func oneUnit(_ number: Double, _ unitText: String) -> String? {
        let words = unitText.split(whereSeparator: \.isWhitespace)
        guard words.count == 3, let large = DurationUnit.named(String(words[0])), let small = DurationUnit.named(String(words[2])),
              let (added, rest) = NumberReader.leadingNumber(words[1]), rest.isEmpty else { return nil }
        let ratio = large == .year && small == .month ? 12 : large.seconds / small.seconds
        guard ratio > 1, ratio == ratio.rounded() else { return nil }
        let total = ((number * ratio + added) * 100).rounded() / 100
        // A number too large to print (`99999999999999999999 лет 1 день`) is told as out of range once written.
        guard ClosedRange.printable.contains(total) else { return nil }
        let written = NameKey(String(words[2])).value
        var figure = total == total.rounded() ? String(Int(total)) : String(total)
        if unitText.contains(",") || written.containsCyrillic {
            figure = figure.replacingOccurrences(of: ".", with: ",")
        }
        // A word written out takes the form the new number asks for (`30 минут` → `90 минут`, `1 день` → `8 дней`);
        // an abbreviation (`мин`, `h`) stays as written.
        let word = [Language.ru, .en].first { language in
            [1, 2, 5].contains { small.word(count: $0, in: language) == written }
        }.map { small.word(count: total, in: $0) } ?? String(words[2])
        return figure + " " + word
    }

    /// A percent sign written out (`30 процентов`), which a metric in percent takes for one.
    static func isPercentWord(_ word: String) -> Bool {
        ["процент", "процента", "процентов", "проц", "проц.", "percent", "per cent", "pct"].contains(NameKey(word).value)
    }

    /// `%`, a run of them (`%%`) or a percent sign written out: a percentage meant, whatever the metric's unit.
    static func isPercentSign(_ unit: ValueUnit) -> Bool {
        switch unit {
        case .percent: true
        case .other(let word): isPercentWord(word) || word.allSatisfy { $0 == "%" }
        default: false
        }
    }

    /// `₽45 000`, `$ 100`: a currency sign before the number, and the value written the way tropa reads it.
    private static func currencyFirst(_ text: Substring) -> MetricProblem? {
        guard let sign = text.first, "₽$€£¥₸₴".contains(sign) else { return nil }
        let afterSign = text.dropFirst().drop(while: \.isWhitespace)
        guard let (_, rest) = NumberReader.leadingNumber(afterSign, grouping: true) else { return nil }
        let amount = afterSign[..<rest.startIndex]
        return .currencyFirst((amount + " " + String(sign) + rest).trimmingWhitespace())
    }

    /// `- 15`, `+ 3`: a sign apart from its number; `—20`: an em dash where the minus goes (a word processor makes
    /// one of a hyphen), which no number starts with. With the value written the way tropa reads it.
    private static func signApart(_ text: Substring) -> MetricProblem? {
        guard let sign = text.first, sign.isOne(of: "+-−–—"), case let number = text.dropFirst().drop(while: \.isWhitespace),
              number.first?.isASCIIDigit == true else { return nil }
        // An em dash is no sign a number starts with: the hyphen it was typed as.
        let written = (sign == "—" ? "-" : String(sign)) + number
        if number.startIndex > text.index(after: text.startIndex) { return .spacedSign(written) }
        return sign == "—" ? .dashForMinus(written) : nil
    }

    /// The value in `unit`: a duration target written in days for a value in weeks is converted; nil when the
    /// units cannot be compared.
    func value(in unit: ValueUnit) -> Double? {
        switch (self.unit, unit) {
        case (.duration(let from), .duration(let to)): value * from.seconds / to.seconds
        // A bare number beside a percentage, either way round: the schema's unit decides later.
        case (.plain, _), (.percent, .percent), (.percent, .plain): value
        case (let a, let b): a == b ? value : nil
        }
    }

    private static func isRangeDash(_ character: Character) -> Bool { character.isOne(of: "-–—") }

    /// The length of the word or dash between a range's numbers at the start of `text`, or nil.
    private static func rangeSeparator(_ text: Substring, afterOpening: Bool) -> Int? {
        if let first = text.first, isRangeDash(first) { return 1 }
        // Most values have no range: the first byte tells, before a comparison of characters.
        if text.utf8.first == UInt8(ascii: "."), text.hasPrefix("..") { return 2 }
        guard afterOpening else { return nil }
        let start = text.prefix(3).lowercased()
        return ["до ", "to "].first { start.hasPrefix($0) }?.count
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

    /// Every word of a unit of time, for suggestions.
    package static let words = names.keys.sorted()

    /// The unit of time a word names, in Russian or English, with or without a trailing dot.
    package static func named(_ word: String) -> DurationUnit? {
        var key = NameKey(word).value
        if key.hasSuffix(".") { key.removeLast() }
        return names[key]
    }
}
