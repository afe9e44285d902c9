import TropaModel

/// Reads one journey file into a `Journey`: front-matter facts, then the Markdown body walked as
/// an AST — `##` stages, `###` layers matched against the schema, everything else as their content.
package struct JourneyParser {
    package let schema: LayerSchema
    package let unsafeHTML: Bool
    /// The site's language: the accepted layer titles a help line lists are in it.
    package let language: Language
    /// The site's content folder: links to other maps lead to pages named after their path in it.
    package let contentPath: String

    package init(schema: LayerSchema, unsafeHTML: Bool, language: Language = .en, contentPath: String = "content") {
        self.schema = schema
        self.unsafeHTML = unsafeHTML
        self.language = language
        self.contentPath = contentPath
    }

    package static let frontMatterKeys = ["title", "persona", "product", "segment", "tags", "updated", "draft",
                                          "audience", "evidence", "priority", "revenue", "compare", "measurements", "review"]

    package func parse(_ source: SourceText) -> (journey: Journey, diagnostics: [Diagnostic]) {
        var journey = Journey(path: source.path, title: "")
        var diagnostics: [Diagnostic] = []
        var body = source.text
        var bodyLine = 1
        // An empty file is one problem, not a front-matter and stages missing apart.
        guard !source.text.allSatisfy(\.isWhitespace) else {
            return (journey, [.error(.frontMatterMissing, .mapFileEmpty, at: SourceLocation(file: source.path, line: 1),
                                     suggestion: .writeMapOrRemove)])
        }
        switch FrontMatter.read(source, kind: .map, firstKey: "title") {
        case .missing(let diagnostic):
            diagnostics.append(diagnostic)
        case .unclosed(let diagnostic):
            return (journey, [diagnostic])
        case .found(let frontMatter):
            diagnostics += readFrontMatter(frontMatter, into: &journey)
            body = frontMatter.body
            bodyLine = frontMatter.bodyLine
        }
        diagnostics += readBody(body, bodyLine: bodyLine, source: source, into: &journey)
        return (journey, diagnostics)
    }

    private func readFrontMatter(_ frontMatter: FrontMatter, into journey: inout Journey) -> [Diagnostic] {
        var yaml = YAMLReader(file: journey.path, lineOffset: FrontMatter.yamlLineOffset,
                              syntaxCode: .frontMatterSyntax, typeCode: .frontMatterType)
        var titleSeen = false
        var fields: [YAMLReader.Field] = []
        if let root = yaml.compose(frontMatter.yaml) {
            fields = yaml.fields(of: root, what: .frontMatter)
            yaml.warnUnknownKeys(fields, known: Self.frontMatterKeys, what: .frontMatter)
            for field in fields {
                switch field.key {
                case "title":
                    titleSeen = true
                    // `title:` with nothing after it is a missing title, not a type error.
                    journey.title = field.value.null != nil ? "" : yaml.string(field)?.trimmingWhitespace() ?? ""
                    if journey.title.isEmpty, field.value.scalar != nil {
                        yaml.report(.error(.missingTitle, .emptyTitle, at: field.location, suggestion: .writeTitle))
                    }
                case "persona":
                    journey.personaID = yaml.string(field)?.trimmingWhitespace()
                    journey.personaLocation = yaml.location(of: field.value)
                    yaml.warnTypographicQuotes(field.value, .persona(journey.personaID ?? ""))
                case "product": journey.product = nonEmpty(yaml.string(field))
                case "segment": journey.segment = nonEmpty(yaml.string(field))
                case "tags": journey.tags = yaml.tags(field) ?? []
                case "updated":
                    journey.updated = date(field, yaml: &yaml)
                    journey.updatedLocation = field.location
                case "draft": journey.draft = yaml.bool(field) ?? false
                case "audience": journey.audience = amount(field, yaml: &yaml, zero: false) { .badAudience($0) }
                case "evidence": journey.evidence = word(field, Self.evidenceWords, yaml: &yaml) { .badEvidence($0) }
                case "priority": journey.priority = word(field, Self.priorityWords, yaml: &yaml) { .badPriority($0) }
                case "revenue": journey.revenue = amount(field, yaml: &yaml, zero: true) { .badRevenue($0) }
                case "compare": journey.compare = references(field, yaml: &yaml)
                case "measurements":
                    journey.measurementsLocation = field.location
                    journey.measurementsFile = measurementsFile(field, of: journey.path, yaml: &yaml)
                case "review":
                    journey.reviewLocation = field.location
                    journey.review = review(field, yaml: &yaml)
                default: break
                }
            }
        }
        var diagnostics = yaml.diagnostics
        if !titleSeen, !diagnostics.contains(where: { $0.code == .frontMatterSyntax }) {
            // `название:` is the title in Russian: the one error is told at it, not at the file's first line beside
            // an unknown-key warning there.
            if let russian = fields.first(where: { KeyWords.key(for: $0.key, among: Self.frontMatterKeys) == "title" }) {
                diagnostics.removeAll { $0.code == .unknownKey && $0.location == russian.location }
                diagnostics.append(.error(.missingTitle, .noTitle, at: russian.location, suggestion: .keyInEnglish("title")))
            } else {
                diagnostics.append(.error(.missingTitle, .noTitle, at: SourceLocation(file: journey.path, line: 1),
                                          suggestion: .addKey("title")))
            }
        }
        return diagnostics
    }

    /// An empty text (`product: ""`, as `tropa new` writes) is the same as no value.
    private func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    /// A date written `YYYY-MM-DD` (a time may follow); kept as written.
    private func date(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> String? {
        guard let text = yaml.string(field) else { return nil }
        if let (problem, help) = CalendarDay.missingDay(text) {
            yaml.report(.error(.frontMatterType, problem, at: yaml.valueLocation(field), suggestion: help))
            return nil
        }
        guard CalendarDay.written(text) != nil else {
            yaml.report(.error(.frontMatterType, .badDate(text),
                               at: yaml.valueLocation(field), suggestion: Self.isoDate(writtenOtherwise: text).map(Message.writeDate)))
            return nil
        }
        return String(text.prefix(10))
    }

    /// A whole count of customers or of money: `12000`, or `12 000` as authors group digits; `zero` allows 0.
    private func amount(_ field: YAMLReader.Field, yaml: inout YAMLReader, zero: Bool,
                        problem: (String) -> Message) -> Double? {
        let text = field.value.scalar?.string.trimmingWhitespace() ?? ""
        if let (number, rest) = NumberReader.leadingNumber(text[...], grouping: true), rest.isEmpty,
           zero ? number >= 0 : number > 0, number == number.rounded(), ClosedRange.printable.contains(number) {
            return number
        }
        yaml.report(.error(.frontMatterType, problem(text), at: yaml.valueLocation(field),
                           suggestion: zero ? .writeRevenue : .writeAudience))
        return nil
    }

    /// One of `words`' values, by its English name (the raw value) or its Russian word, in any case; anything
    /// else is a type error whose help lists the words in the site's language.
    private func word<Value: RawRepresentable<String> & Hashable>(_ field: YAMLReader.Field, _ words: KeyValuePairs<Value, String>,
                                                                  yaml: inout YAMLReader, problem: (String) -> Message) -> Value? {
        guard let text = yaml.string(field) else { return nil }
        let key = NameKey(text).value
        if let found = words.first(where: { key == $0.key.rawValue || key == $0.value }) { return found.key }
        let accepted = words.map { language == .ru ? $0.value : $0.key.rawValue }
        // `высокая` for `высокий`: the word meant, in the form the key takes.
        let meant = Suggestion.closest(to: text, among: words.map(\.value) + words.map(\.key.rawValue))
        yaml.report(.error(.frontMatterType, problem(text), at: yaml.valueLocation(field),
                           suggestion: meant.map { .closest($0, to: text) } ?? .writeOneOf(accepted)))
        return nil
    }

    /// The words `priority` accepts, from the highest.
    private static let priorityWords: KeyValuePairs<Priority, String> = [.high: "высокий", .medium: "средний", .low: "низкий"]

    /// The maps named by `compare`, each with where it is written; the site check finds them.
    private func references(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> [MapReference] {
        guard let names = yaml.strings(field) else { return [] }
        let nodes = field.value.sequence.map(Array.init) ?? [field.value]
        return zip(names, nodes).compactMap { name, node in
            let name = name.trimmingWhitespace()
            return name.isEmpty ? nil : MapReference(text: name, location: yaml.location(of: node))
        }
    }

    /// The measurements file, relative to the site folder: the path is written relative to the map, and may not
    /// leave the content folder or go into a hidden one, where a build would not see the file change.
    private func measurementsFile(_ field: YAMLReader.Field, of mapPath: String, yaml: inout YAMLReader) -> String? {
        guard let text = yaml.string(field)?.trimmingWhitespace() else { return nil }
        if text.contains("\\") {
            yaml.report(.error(.measurementInvalid, .measurementsBackslash(text), at: field.location,
                               suggestion: .write("measurements: " + text.replacingOccurrences(of: "\\", with: "/"))))
            return nil
        }
        var parts = mapPath.split(separator: "/").dropLast().map(String.init)
        for part in text.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                parts = parts.isEmpty ? ["..", "outside"] : parts.dropLast()
            } else if part != "." && !part.isEmpty {
                parts.append(String(part))
            }
        }
        guard !text.isEmpty, !text.hasPrefix("/"), !parts.contains(".."), !parts.isEmpty else {
            yaml.report(.error(.measurementInvalid, .measurementsMissing(text), at: field.location,
                               suggestion: .measurementsPath))
            return nil
        }
        // Compared without `.` and empty parts: `content: ./maps` names the folder `maps`. The path is returned as
        // the map's is written, as the site's inputs list the file.
        let named = parts.filter { $0 != "." && !$0.isEmpty }
        let content = contentPath.split(separator: "/").map(String.init).filter { $0 != "." }
        let file = named.last!
        if !(named.count > content.count && named.starts(with: content)) {
            yaml.report(.error(.measurementInvalid, .measurementsOutsideContent(text, content: contentPath), at: field.location,
                               suggestion: .measurementsBesideMap(file)))
            return nil
        }
        if named.dropFirst(content.count).contains(where: { $0.hasPrefix(".") }) {
            // The path as written, without the dots a hidden name starts with.
            let visible = text.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0 == "." || $0 == ".." ? String($0) : String($0.drop { $0 == "." }) }
            yaml.report(.error(.measurementInvalid, .measurementsHidden(text), at: field.location,
                               suggestion: .renameVisible(visible.joined(separator: "/"))))
            return nil
        }
        return parts.joined(separator: "/")
    }

    /// `2 weeks`, `monthly`, `quarterly`, `45 days`, `2 месяца`, `ежемесячно`.
    private func review(_ field: YAMLReader.Field, yaml: inout YAMLReader) -> ReviewPeriod? {
        guard let text = yaml.string(field) else { return nil }
        if let period = Self.reviewPeriod(text) { return period }
        // A word misspelt (`ежемесечно`) gets the word; a period in parts or with a fraction, one number.
        let close = Suggestion.closest(to: NameKey(text).value, among: Self.reviewWords.keys.sorted())
        let language: Language = text.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } ? .ru : .en
        let whole = Self.reviewPeriod(writtenInParts: text).map { period in
            Message.writeReviewAsOnePeriod("review: \(period.count) " + period.unit.word(count: Double(period.count), in: language),
                                           monthsAsDays: period.monthsAsDays)
        }
        yaml.report(.error(.frontMatterType, .badReview(text), at: yaml.valueLocation(field),
                           suggestion: close.map { .write("review: " + $0) } ?? whole ?? .writeReview))
        return nil
    }

    /// A period written in parts or with a fraction (`1 месяц 2 недели`, `1,5 года`, `6 weeks and 2 days`) as one
    /// number: of months when it is whole months (`18 месяцев`), else of days, a month counted as 30 and a year as
    /// 365 (`monthsAsDays`); nil for anything else, for one whole number of one unit, and past what `review` takes.
    package static func reviewPeriod(writtenInParts text: String) -> (count: Int, unit: DurationUnit, monthsAsDays: Bool)? {
        var rest = Substring(NameKey(text).value)
        for opening in ["every ", "раз в ", "каждые ", "каждый ", "каждую "] where rest.hasPrefix(opening) {
            rest = rest.dropFirst(opening.count)
        }
        var seconds = 0.0, months = 0.0, parts = 0, whole = true, daysWritten = false
        while true {
            rest = rest.drop { $0 == " " || $0 == "," || $0 == "+" }
            for joint in ["и ", "and "] where rest.hasPrefix(joint) { rest = rest.dropFirst(joint.count) }
            if rest.isEmpty { break }
            guard let (count, after) = NumberReader.leadingNumber(rest), count > 0 else { return nil }
            let word = after.drop { $0 == " " }.prefix { $0 != " " && $0 != "," }
            guard let unit = DurationUnit.named(String(word)), unit.seconds >= DurationUnit.day.seconds else { return nil }
            seconds += count * unit.seconds
            if unit == .month || unit == .year { months += count * (unit == .year ? 12 : 1) } else { daysWritten = true }
            parts += 1
            whole = whole && count == count.rounded()
            rest = after.drop { $0 == " " }.dropFirst(word.count)
        }
        guard parts > 1 || !whole else { return nil }
        let period = !daysWritten && months == months.rounded() ? (Int(months), DurationUnit.month, false)
            : (Int((seconds / DurationUnit.day.seconds).rounded()), DurationUnit.day, months > 0)
        return (1...1_000).contains(period.0) ? period : nil
    }

    private static let reviewWords: [String: ReviewPeriod] = [
        "weekly": .days(7), "еженедельно": .days(7), "biweekly": .days(14), "fortnightly": .days(14),
        "monthly": .months(1), "ежемесячно": .months(1), "quarterly": .months(3), "ежеквартально": .months(3),
        "yearly": .months(12), "annually": .months(12), "ежегодно": .months(12),
        "semiannually": .months(6), "раз в полгода": .months(6), "каждые полгода": .months(6),
        "раз в квартал": .months(3), "каждый квартал": .months(3), "every quarter": .months(3),
    ]

    /// A review period as written; nil when it is none.
    package static func reviewPeriod(_ text: String) -> ReviewPeriod? {
        // `ежемесячно.`: a sentence's full stop is no part of the period.
        let trimmed = text.trimmingWhitespace()
        var key = NameKey(trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed).value
        if let period = reviewWords[key] { return period }
        // "every 2 weeks", "раз в 2 недели": the words before the number say nothing more.
        for opening in ["every ", "раз в ", "каждые ", "каждый ", "каждую "] where key.hasPrefix(opening) {
            key = String(key.dropFirst(opening.count))
        }
        let (count, rest) = NumberReader.leadingNumber(key[...]).map { ($0.0, $0.1) } ?? (1, key[...])
        guard count >= 1, count == count.rounded(), count <= 1_000,
              let unit = DurationUnit.named(rest.trimmingWhitespace()) else { return nil }
        let number = Int(count)
        switch unit {
        case .day: return .days(number)
        case .week: return .days(number * 7)
        case .month: return .months(number)
        case .year: return .months(number * 12)
        case .second, .minute, .hour: return nil
        }
    }

    /// The words `evidence` accepts, English and Russian, in the order the help lists them.
    private static let evidenceWords: KeyValuePairs<Evidence, String> = [
        .hypothesis: "гипотеза", .walkthrough: "проход", .interviews: "интервью", .analytics: "аналитика",
    ]

    /// A day written another way, as `2024-03-01`: `01.03.2024`, `1/3/2024` (day, month, year, as Russian dates are
    /// written), `2024/03/01`, `2024.03.01`, `2024-3-1`, `1 марта 2024`, `1 March 2024 г.`; nil for anything else.
    static func isoDate(writtenOtherwise text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        let words = trimmed.split(whereSeparator: \.isWhitespace).filter { $0 != "г." && $0 != "г" }
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "/" || $0 == "-" }
        let (year, month, day): (Substring, Int?, Substring)
        if words.count == 3, let named = CalendarDay.month(named: words[1]) {
            (year, month, day) = (words[2], named, words[0])
        } else if parts.count == 3 {
            (year, month, day) = parts[0].count == 4 ? (parts[0], Int(parts[1]), parts[2]) : (parts[2], Int(parts[1]), parts[0])
        } else {
            return nil
        }
        guard year.count == 4, day.count <= 2, [year, day].allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let dayNumber = Int(day), let month, (1...31).contains(dayNumber), (1...12).contains(month) else { return nil }
        let pad = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        let iso = "\(year)-\(pad(month))-\(pad(dayNumber))"
        // `2024-2-30`: no such day to offer.
        return CalendarDay.missingDay(iso) == nil ? iso : nil
    }

    /// A `###` heading with the blocks under it, before its content is read by kind.
    private struct PendingLayer {
        package let definition: LayerDefinition
        package let heading: String
        package let location: SourceLocation
        package var blocks: [MarkdownNode] = []
    }

    private struct PendingStage {
        package let id: StageID
        package let name: String
        package let location: SourceLocation
        package var branch: BranchLabel = BranchLabel(name: "")
        package var description: [MarkdownNode] = []
        package var layers: [PendingLayer] = []
        /// Blocks under a heading that matched no layer: reported once, not read.
        package var inUnknownLayer = false
        /// The layers the headings that matched none were probably meant to be (`Stage.misnamedLayers`).
        package var misnamedLayers: [String?] = []
        /// Of those headings, the ones nothing was suggested for: their text and their diagnostic's place in the
        /// parse's (which only grows until it is looked at again), for a second look once the stage's layers are known.
        package var unsuggested: [(text: String, diagnostic: Int)] = []

        /// As messages name it, with its branch's label.
        var written: String { Stage.written(name: name, branch: branch.label) }
    }

    /// A heading too far from every layer's name to suggest one may still be a typo of a required layer the stage
    /// lacks (`### Цльь` where `Цель` is missing): that layer is suggested. As the match is loose (`### Цена` is as
    /// close), the layer is still reported missing.
    private func suggestMissingLayers(for stage: PendingStage, diagnostics: inout [Diagnostic]) {
        guard !stage.unsuggested.isEmpty else { return }
        let present = Set(stage.layers.map(\.definition.id) + stage.misnamedLayers.compactMap { $0 })
        let missing = schema.layers.filter { $0.required && !present.contains($0.id) }
        for heading in stage.unsuggested {
            guard let name = Suggestion.layer(for: heading.text, amongMissing: missing, language: language) else { continue }
            diagnostics[heading.diagnostic].help = .closest(name, to: heading.text)
        }
    }

    private func emptyLayer(_ layer: PendingLayer, stage: String) -> Diagnostic {
        if layer.definition.required {
            return .error(.missingLayer, .requiredLayerEmpty(layer: layer.heading, stage: stage),
                          at: layer.location, suggestion: .fillRequired)
        }
        return .warning(.emptyLayer, .layerEmpty(layer: layer.heading, stage: stage),
                        at: layer.location, suggestion: .fillOrRemove)
    }

    /// A `####` (or deeper) heading that names a layer `stage` does not have yet, where a layer's heading may stand:
    /// right under the stage, or in an emotion or metrics layer, which holds no headings (`#### Барьеры` under
    /// `### Эмоции`). In a text layer it is the text's own heading, in a list layer a divider.
    private func deepLayerHeading(_ block: MarkdownNode, in stage: PendingStage, source: SourceText) -> Diagnostic? {
        guard stage.misnamedLayers.isEmpty,
              stage.layers.last.map({ [.emotion, .metrics].contains($0.definition.kind) }) ?? true else { return nil }
        let text = block.plainText.trimmingWhitespace()
        guard let layer = schema.layer(named: text), !stage.layers.contains(where: { $0.definition.id == layer.id }) else { return nil }
        let marks = String(repeating: "#", count: block.headingLevel)
        let at = SourceLocation(file: source.path, line: block.startLine,
                                column: source.column(line: block.startLine, byteColumn: block.startByteColumn))
        return .error(.misplacedHeading, .deepLayerHeading(marks: marks, text: text), at: at,
                      suggestion: .write("### \(text)"))
    }

    /// A heading one `#` short or one too many where the headings around it show what was meant, reported and
    /// read as that (nil for any other):
    /// - a `##` heading (not underlined, not in a draft) that names a layer the stage does not have yet, when the
    ///   `###` headings right after it name none the stage has or it names, and as a stage it would lack a required
    ///   layer: that layer;
    /// - a `###` heading that names no layer and is no typo of one, or a `#` heading, after a stage with every
    ///   required layer, when the next `###` heading names a layer that stage has: a stage.
    private func misleveledHeading(_ block: MarkdownNode, text: String, naming named: LayerDefinition?, level: Int,
                                   in stage: PendingStage, before rest: ArraySlice<MarkdownNode>,
                                   draft: Bool, source: SourceText) -> (diagnostic: Diagnostic, level: Int)? {
        // Most headings are a stage naming no layer, or a layer: nothing more is looked at for those.
        if level == 2 && (draft || block.isUnderlinedHeading || named == nil) || level == 3 && named != nil { return nil }
        let had = Set(stage.layers.map(\.definition.id))
        let at = source.headingLocation(of: block)
        if level == 2, let layer = named {
            guard !had.contains(layer.id) else { return nil }
            let next = followingLayers(rest, atMost: .max)
            guard !next.contains(where: { had.contains($0) || $0 == layer.id }),
                  schema.layers.contains(where: { $0.required && !next.contains($0.id) }) else { return nil }
            return (.error(.misplacedHeading, .shallowLayerHeading(text), at: at, suggestion: .write("### " + text)), 3)
        }
        guard let first = followingLayers(rest, atMost: 1).first, had.contains(first),
              schema.layers.allSatisfy({ !$0.required || had.contains($0.id) }) else { return nil }
        if level == 1 {
            return (.error(.misplacedHeading, .level1Heading(text), at: at, suggestion: .write("## " + text)), 2)
        }
        guard Suggestion.layer(for: text, in: schema, language: language) == nil else { return nil }
        return (.error(.misplacedHeading, .deepStageHeading(text, stage: stage.written), at: at, suggestion: .write("## " + text)), 2)
    }

    /// The layers named by the first `count` `###` headings of `rest`, up to a heading that names none or a `##`.
    private func followingLayers(_ rest: ArraySlice<MarkdownNode>, atMost count: Int) -> [String] {
        var next: [String] = []
        for heading in rest where heading.isHeading && heading.headingLevel <= 3 {
            guard next.count < count, heading.headingLevel == 3,
                  let layer = schema.layer(named: heading.plainText.trimmingWhitespace()) else { break }
            next.append(layer.id)
        }
        return next
    }

    /// The line of dashes under an underlined heading, as written, and where it starts.
    private func underline(of block: MarkdownNode, source: SourceText) -> (text: String, location: SourceLocation)? {
        var number = block.startLine + 1
        while let line = source.line(number) {
            let dashes = line.trimmingWhitespace()
            if !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" || $0 == " " || $0 == "\t" }) {
                let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
                return (dashes.shortened(to: 20),
                        SourceLocation(file: source.path, line: number, column: column))
            }
            number += 1
        }
        return nil
    }

    /// The help line of a heading that is close to no layer: the layers' titles in the site's language.
    private var acceptedHeadings: Message {
        .acceptedLayers(schema.layers.map { $0.title.text(in: language, fallback: $0.id) })
    }

    private func readBody(_ body: String, bodyLine: Int, source: SourceText, into journey: inout Journey) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var document = MarkdownDocument(body, unsafeHTML: unsafeHTML)
        // A heading without its space is reported, then read as the heading it was meant to be, so the rest of the
        // map is checked as its author sees it (and its layer is not also missing).
        let broken = BrokenHeading.find(in: body, parsed: document)
        if !broken.isEmpty {
            diagnostics += broken.map { $0.diagnostic(file: source.path) }
            document = MarkdownDocument(BrokenHeading.repair(body, broken), unsafeHTML: unsafeHTML)
        }
        // Links are resolved before any HTML is made of the blocks: every layer kind, the introduction and the
        // stages' descriptions link to the pages.
        let resolver = MapLinks(path: source.path, contentPath: contentPath)
        document.rewriteLinks(linePrefix: source.textStart) { url, line, byteColumn in
            journey.destinations.append(url)
            let at = SourceLocation(file: source.path, line: line, column: source.column(line: line, byteColumn: byteColumn))
            guard let (href, link) = resolver.resolve(url, at: at) else { return nil }
            if let link { journey.links.append(link) }
            return href
        }
        if !unsafeHTML { diagnostics += document.omittedWarnings(body, source: source) }
        diagnostics += UnreadMarkup.find(in: body, parsed: document, source: source)
        var introduction: [MarkdownNode] = []
        var stages: [PendingStage] = []
        var stageIDs: Set<StageID> = []
        // Each stage repeats the same layer headings. Each text is looked up in the schema once a map (for every
        // stage, the lookups were 3 % of checking a site), found again by its bytes: a text written another way (`й`
        // composed or not) is looked up again, and the schema finds the same layer.
        var lookedUp: [String] = [], foundLayers: [LayerDefinition?] = []
        func layer(named text: String) -> LayerDefinition? {
            if let index = lookedUp.firstIndex(where: { $0.hasSameBytes(as: text) }) { return foundLayers[index] }
            let layer = schema.layer(named: text)
            lookedUp.append(text)
            foundLayers.append(layer)
            return layer
        }
        // And each layer heading is kept once, in the spelling it first had (a tenth of a large site's memory). No two
        // are the same text, so one with the same bytes is the one; only a text written another way is compared as text.
        var headings: [String] = []

        let blocks = document.blocks
        for (index, block) in blocks.enumerated() {
            var level = block.isHeading ? block.headingLevel : 0
            if level >= 4, let stage = stages.last, let misplaced = deepLayerHeading(block, in: stage, source: source) {
                // `#### Точки контакта` where a layer may stand: reported, and read as the layer it names.
                diagnostics.append(misplaced)
                level = 3
            }
            // A stage's or layer's heading, and the layer it names, made once.
            let text = (1...3).contains(level) ? block.plainText.trimmingWhitespace() : ""
            let named = level == 2 || level == 3 ? layer(named: text) : nil
            // A heading one `#` short or one too many would make a stage of a layer or a layer of a stage, and every
            // heading after it an error: it is reported once, and read as what the headings around it show it is.
            if (1...3).contains(level), let stage = stages.last,
               let (misplaced, meant) = misleveledHeading(block, text: text, naming: named, level: level, in: stage,
                                                          before: blocks[(index + 1)...], draft: journey.draft, source: source) {
                diagnostics.append(misplaced)
                level = meant
            }
            guard (1...3).contains(level) else {
                // The stage is changed where it stands: taken out and put back, it was copied for every block.
                if let last = stages.indices.last {
                    if stages[last].inUnknownLayer {
                        // Its heading was reported; the content has no layer to belong to.
                    } else if let layer = stages[last].layers.indices.last {
                        stages[last].layers[layer].blocks.append(block)
                    } else {
                        stages[last].description.append(block)
                    }
                } else {
                    introduction.append(block)
                }
                continue
            }
            let location = source.headingLocation(of: block)
            switch level {
            case 1:
                diagnostics.append(.error(.misplacedHeading, .level1Heading(text), at: location,
                                          suggestion: .titleInFrontMatter))
            case 2:
                // Still a stage, so the layers under it are read and not blamed on the stage before.
                let branch = BranchLabel.read(line: source.line(block.startLine), plain: text, at: location)
                let text = branch.name
                let id = StageID(name: text, branch: branch.label)
                if let problem = branch.problem {
                    diagnostics.append(problem)
                } else if text.isEmpty {
                    diagnostics.append(.error(.misplacedHeading, .unnamedStage, at: location, suggestion: .nameTheStage))
                } else if !stageIDs.insert(id).inserted {
                    let first = stages.first { $0.id == id }?.location.line ?? location.line
                    diagnostics.append(.error(.duplicateStage, .duplicateStage(text, firstLine: first),
                                              at: location, suggestion: .ownStageNames))
                }
                if block.isUnderlinedHeading, let underline = underline(of: block, source: source) {
                    // Text with `---` right under it, meant as a separator more often than as a stage. A separator
                    // stands only among text: in a list, emotion or metrics layer it would be content of another kind.
                    let kind = stages.last.map { $0.layers.last?.definition.kind ?? .text } ?? .text
                    diagnostics.append(.warning(.underlinedStage, .underlinedStage(stage: text, underline: underline.text),
                                                at: underline.location,
                                                suggestion: kind == .text ? .separatorOrStage(text) : .stageOrNoDashes(text)))
                }
                stages.append(PendingStage(id: id, name: text, location: location, branch: branch))
            default:
                guard var stage = stages.popLast() else {
                    diagnostics.append(.error(.misplacedHeading, .layerBeforeStage(text),
                                              at: location, suggestion: .addStageAbove))
                    continue
                }
                defer { stages.append(stage) }
                guard let definition = named else {
                    let suggestion = Suggestion.layer(for: text, in: schema, language: language)
                    diagnostics.append(.error(.unknownLayer, .unknownLayer(layer: text, stage: stage.written),
                                              at: location,
                                              suggestion: suggestion.map { .closest($0, to: text) } ?? acceptedHeadings))
                    if suggestion == nil {
                        stage.unsuggested.append((text, diagnostics.count - 1))
                    }
                    stage.misnamedLayers.append(suggestion.flatMap { schema.layer(named: $0)?.id })
                    stage.inUnknownLayer = true
                    continue
                }
                stage.inUnknownLayer = false
                if let first = stage.layers.first(where: { $0.definition.id == definition.id }) {
                    diagnostics.append(.error(.duplicateLayer,
                                              .duplicateLayer(layer: text, stage: stage.written, firstLine: first.location.line),
                                              at: location, suggestion: .mergeTwo))
                    stage.inUnknownLayer = true
                    continue
                }
                let known = headings.firstIndex { $0.hasSameBytes(as: text) } ?? headings.firstIndex { $0 == text }
                let heading = known.map { headings[$0] } ?? text
                if known == nil { headings.append(text) }
                stage.layers.append(PendingLayer(definition: definition, heading: heading, location: location))
            }
        }

        journey.introduction = RichText(blocks: introduction)
        for stage in stages { suggestMissingLayers(for: stage, diagnostics: &diagnostics) }
        let reader = LayerContentReader(source: source, language: language)
        journey.stages = stages.map { pending in
            Stage(name: pending.name, location: pending.location, description: RichText(blocks: pending.description),
                  layers: pending.layers.map { layer in
                      let (content, problems) = reader.read(layer.blocks, as: layer.definition, heading: layer.heading, schema: schema)
                      diagnostics += problems
                      // Only a heading with nothing under it is empty; content that could not be read
                      // (a paragraph in a list layer, a line without a score) was reported just above.
                      if layer.blocks.isEmpty {
                          diagnostics.append(emptyLayer(layer, stage: pending.written))
                      }
                      return Layer(layerID: layer.definition.id, heading: layer.heading, location: layer.location,
                                   content: content)
                  }, id: pending.id, misnamedLayers: pending.misnamedLayers, branch: pending.branch.label)
        }
        diagnostics += BranchLabel.check(journey.stages, labels: stages.map(\.branch.location))
        if stages.isEmpty {
            // The body's first line of text; in a file of front-matter alone, its last line: where stages would go.
            let written = { (line: Int) in source.line(line).map { !$0.allSatisfy(\.isWhitespace) } ?? false }
            let line = (bodyLine...max(bodyLine, source.lineCount)).first(where: written)
                ?? (1...max(1, source.lineCount)).last(where: written) ?? 1
            diagnostics.append(.error(.noStages, .noStages, at: SourceLocation(file: source.path, line: line),
                                      suggestion: .startStages))
        }
        return diagnostics
    }
}
