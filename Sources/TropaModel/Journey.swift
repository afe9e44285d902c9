/// Markdown that has been parsed: its safe HTML, its plain text, and its blocks as an outline (for mind maps).
public struct RichText: Sendable, Hashable {
    public var html: String
    public var plain: String
    /// The blocks as outline nodes; empty when the text is one node, its `plain` text (one paragraph, one item).
    public var blocks: [TextBlock]

    public init(html: String, plain: String, blocks: [TextBlock] = []) {
        self.html = html
        // Plain words are their own HTML: one copy, not two (most list items of a large site).
        self.plain = plain == html ? html : plain
        // Most texts are one paragraph: they keep no array of one node.
        self.blocks = blocks.count == 1 && blocks[0].children.isEmpty && blocks[0].text == plain ? [] : blocks
    }

    public static let empty = RichText(html: "", plain: "")
    public var isEmpty: Bool { html.isEmpty }

    /// The text as outline nodes: every paragraph and list item a node of its own.
    public var outline: [TextBlock] { blocks.isEmpty ? [TextBlock(plain)] : blocks }
}

/// A block of Markdown as an outline shows it: the plain text of a paragraph (or a heading, a code block), or of a
/// list item's first paragraph with the item's other blocks, nested lists included, as its children.
public struct TextBlock: Sendable, Hashable {
    public var text: String
    public var children: [TextBlock]

    public init(_ text: String, _ children: [TextBlock] = []) {
        self.text = text
        self.children = children
    }
}

/// One customer journey map: front-matter facts, an introduction and stages in file order.
public struct Journey: Sendable, Hashable {
    /// The file, relative to the site folder.
    public var path: String
    public var title: String
    public var personaID: String?
    public var personaLocation: SourceLocation?
    public var product: String?
    public var segment: String?
    public var tags: [String]
    public var updated: String?
    public var draft: Bool
    /// How many customers enter the first stage (`audience: 12000`): the funnel then counts people, not only shares.
    public var audience: Double?
    public var evidence: Evidence?
    /// How much the team cares about this product and segment pair (`priority: high`), and what it may earn
    /// (`revenue: 1200000`): the catalogue's matrix orders pairs by them.
    public var priority: Priority?
    public var revenue: Double?
    /// Other maps to draw beside this one (`compare: [retail/sofa-2025]`), as written, with where.
    public var compare: [MapReference]
    /// The links of its Markdown to maps, personas and files, as resolved when its HTML was made; the site check
    /// finds them.
    public var links: [MapLink]
    /// Every link's and image's destination as written, in the order they stand: a version that changed only an
    /// address changed these (an address to another site too).
    public var destinations: [String] = []
    /// The measurements file the front-matter names (`measurements: lumus.csv`), relative to the site folder, and
    /// where the key stands.
    public var measurementsFile: String?
    public var measurementsLocation: SourceLocation?
    /// The rows of that file that could be read, in file order.
    public var measurements: [Measurement]
    /// Where `updated` stands, for the warning that measurements before it are not read as the map's figures.
    public var updatedLocation: SourceLocation?
    /// How often the map is measured again (`review: monthly`), and where the key stands.
    public var review: ReviewPeriod?
    public var reviewLocation: SourceLocation?
    public var introduction: RichText
    public var stages: [Stage]

    public init(path: String, title: String, personaID: String? = nil,
                personaLocation: SourceLocation? = nil, product: String? = nil, segment: String? = nil,
                tags: [String] = [], updated: String? = nil, draft: Bool = false, audience: Double? = nil,
                evidence: Evidence? = nil, priority: Priority? = nil, revenue: Double? = nil,
                compare: [MapReference] = [], links: [MapLink] = [], introduction: RichText = .empty,
                stages: [Stage] = [], measurements: [Measurement] = [], review: ReviewPeriod? = nil) {
        self.path = path
        self.title = title
        self.personaID = personaID
        self.personaLocation = personaLocation
        self.product = product
        self.segment = segment
        self.tags = tags
        self.updated = updated
        self.draft = draft
        self.audience = audience
        self.evidence = evidence
        self.priority = priority
        self.revenue = revenue
        self.compare = compare
        self.links = links
        self.introduction = introduction
        self.stages = stages
        self.measurements = measurements
        self.review = review
    }

    /// The stage a name outside the map's headings means, compared as headings are: `Оплата {Онлайн}` as its heading
    /// is written, `Оплата (Онлайн)` as pages show it, or `Оплата` when no other stage has that name.
    public func stage(named text: String) -> Stage? {
        let id = StageID(name: text)
        if let stage = stages.first(where: { $0.id == id }) { return stage }
        let key = NameKey(text).value
        if let stage = stages.first(where: { stage in stage.branch.map { NameKey("\(stage.name) (\($0))").value == key } ?? false }) {
            return stage
        }
        let named = stages.filter { NameKey($0.name).value == key }
        return named.count == 1 ? named[0] : nil
    }

    /// The date of the latest measurement, or else `updated`: what a review period counts from.
    public var lastReview: String? { measurements.map(\.date).max() ?? updated }
}

/// One row of a map's measurements file: a metric of a stage as measured on a day.
public struct Measurement: Sendable, Hashable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// The stage's id in the map.
    public var stage: StageID
    /// The value, read as the metrics layer reads one; its `metricID` names the schema's metric (nil for a metric
    /// only the stage's own layer names).
    public var value: MetricValue
    /// Where the row's value stands in the file.
    public var location: SourceLocation

    public init(date: String, stage: StageID, value: MetricValue, location: SourceLocation) {
        self.date = date
        self.stage = stage
        self.value = value
        self.location = location
    }

    /// What identifies the series the measurement belongs to: its stage and its metric, compared as names are.
    public var series: MeasurementSeries { MeasurementSeries(stage: stage, metric: value.key) }
}

/// A stage and a metric: the measurements of one trend.
public struct MeasurementSeries: Sendable, Hashable {
    public var stage: StageID
    /// The schema metric's id, or a custom metric's name key.
    public var metric: String

    public init(stage: StageID, metric: String) {
        self.stage = stage
        self.metric = metric
    }
}

/// How often a map is measured again (`review: 2 weeks`, `monthly`, `quarterly`, `45 days`).
public enum ReviewPeriod: Sendable, Hashable {
    case days(Int)
    case months(Int)

    /// The date one period after `date` (`YYYY-MM-DD`); a month after 31 January is the last day of February.
    public func next(after date: String) -> String? {
        guard let day = CalendarDay(date) else { return nil }
        switch self {
        case .days(let count): return day.adding(days: count).text
        case .months(let count): return day.adding(months: count).text
        }
    }
}

/// A day of the Gregorian calendar, for review arithmetic without a clock or a time zone.
public struct CalendarDay: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The numbers of a text written `YYYY-MM-DD` (a time may follow), its month from 1 to 12 and its day from 1 to
    /// 31, whether or not the month has that day; nil for any other form.
    public static func written(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard text.count >= 10, parts.count == 3, parts.map(\.count) == [4, 2, 2],
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// The problem of a date of the right form on a day its month lacks (`2025-02-30`), with the month's last day
    /// as the help; nil for a real day or another form.
    public static func missingDay(_ text: String) -> (problem: Message, help: Message)? {
        guard let (year, month, day) = written(text), day > length(year: year, month: month) else { return nil }
        return (.noSuchDay(text: String(text.prefix(10)), year: year, month: month, day: day),
                .lastDayOfMonth(CalendarDay(year: year, month: month, day: length(year: year, month: month)).text))
    }

    /// A month's name as a date in a sentence holds it: "February", «феврале» (in February).
    public static func monthName(_ month: Int, in language: Language) -> String {
        language == .ru ? ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
                           "октябре", "ноябре", "декабре"][month - 1] : months[month - 1].en
    }

    /// `YYYY-MM-DD` (a time may follow); nil for anything else or a day the month does not have.
    public init?(_ text: String) {
        guard let (year, month, day) = Self.written(text), day <= Self.length(year: year, month: month) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `seconds` after 1970-01-01 (`SOURCE_DATE_EPOCH`), in UTC.
    public init(secondsSince1970 seconds: Int) {
        self = CalendarDay(year: 1970, month: 1, day: 1).adding(days: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    public var text: String {
        let pad = { (number: Int, width: Int) in String(repeating: "0", count: max(0, width - String(number).count)) + String(number) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static let months: [(en: String, ru: String)] = [
        ("January", "января"), ("February", "февраля"), ("March", "марта"), ("April", "апреля"), ("May", "мая"),
        ("June", "июня"), ("July", "июля"), ("August", "августа"), ("September", "сентября"),
        ("October", "октября"), ("November", "ноября"), ("December", "декабря"),
    ]

    /// `2024-03-01` → "1 марта 2024" / "1 March 2024", as pages and messages write a day; written by hand so no
    /// locale data changes the output. Text that is no such date is given back as it is.
    public static func words(_ iso: String, in language: Language) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let month = months[parts[1] - 1]
        return "\(parts[2]) \(language == .ru ? month.ru : month.en) \(parts[0])"
    }

    /// The date short, for a chart's axis: `06.01.2025` in Russian, `6 Jan 2025` in English; the text as it is when
    /// it is no date.
    public static func short(_ iso: String, in language: Language) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        let two = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        if language == .ru { return "\(two(parts[2])).\(two(parts[1])).\(parts[0])" }
        return "\(parts[2]) \(months[parts[1] - 1].en.prefix(3)) \(parts[0])"
    }

    /// The month a word names as `words` writes it (`ноября`, `November`, in any case); nil for any other word.
    public static func month(named word: some StringProtocol) -> Int? {
        let key = word.lowercased()
        return months.firstIndex { $0.ru == key || $0.en.lowercased() == key }.map { $0 + 1 }
    }

    public static func length(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian; the civil-from-days algorithm's inverse).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// The same day `months` later, or the month's last day when it is shorter.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CalendarDay(year: newYear, month: newMonth, day: min(day, Self.length(year: newYear, month: newMonth)))
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// How a map's figures were obtained (`evidence:` in front-matter), so a hypothesis is never read as measured fact:
/// walking the path yourself gives subjective data, interviews and analytics objective data.
public enum Evidence: String, Sendable, Hashable, CaseIterable {
    case hypothesis
    case walkthrough
    case interviews
    case analytics

    /// Whether the figures were measured on customers rather than guessed or felt by the team.
    public var isObjective: Bool { self == .interviews || self == .analytics }
}

/// How much a product and segment pair matters to the team; `high` first.
public enum Priority: String, Sendable, Hashable, CaseIterable, Comparable {
    case high
    case medium
    case low

    /// 0 for high: sorting by it puts the most important first.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// Another map named in a map's front-matter, as written (`retail/sofa`, `retail/sofa.md`), and where.
public struct MapReference: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// The file it names, relative to the site folder: the name is relative to the content folder, `.md` optional.
    public func path(inContent contentPath: String) -> String { Self.path(of: text, inContent: contentPath) }

    /// The file a map's name stands for (`retail/sofa` → `content/retail/sofa.md`).
    public static func path(of name: String, inContent contentPath: String) -> String {
        let name = name.hasPrefix("/") ? String(name.dropFirst()) : name
        return contentPath + "/" + (name.hasSuffix(".md") ? name : name + ".md")
    }

    /// How a reference names the map at `path` (relative to the site folder): what a suggestion offers.
    public static func name(of path: String, inContent contentPath: String) -> String {
        let relative = path.hasPrefix(contentPath + "/") ? String(path.dropFirst(contentPath.count + 1)) : path
        return relative.hasSuffix(".md") ? String(relative.dropLast(3)) : relative
    }
}

/// A Markdown link of a map to another map's file (`[…](../retail/sofa.md#оплата)`) or a persona's, to a stage
/// of its own map (`[…](#оплата)`), or to another file under `content/` (`[…](img/схема.png)`): its href was made
/// when the HTML was; whether the file and the stage exist only the whole site can tell.
public struct MapLink: Sendable, Hashable {
    /// The destination as written.
    public var text: String
    /// The file it leads to, relative to the site folder (`content/retail/sofa.md`).
    public var target: String
    /// The fragment, percent-decoded (`оплата`); nil without one.
    public var anchor: String?
    /// Where the link starts (its `[`).
    public var location: SourceLocation

    /// Whether it leads to a file that is copied to the site rather than to a map's or persona's page.
    public var leadsToFile: Bool { !target.isMarkdownPath }

    /// The destination as written, without its fragment.
    public var written: String { String(text.prefix { $0 != "#" }) }

    public init(text: String, target: String, anchor: String?, location: SourceLocation) {
        self.text = text
        self.target = target
        self.anchor = anchor
        self.location = location
    }
}

/// What identifies a stage within its map, whatever its position and however its name is cased or spaced: the
/// name's `NameKey`, so two stages of one map have one id exactly when they are a `duplicate-stage`.
public struct StageID: Hashable, Sendable, Comparable {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// `## Оплата` and `## оплата:` have one id; alternatives may share a name (`## Оплата {Онлайн}` and
    /// `## Оплата {Офлайн}`), and their labels tell them apart.
    public init(name: String, branch: String? = nil) {
        rawValue = NameKey(branch.map { "\(name) {\($0)}" } ?? name).value
    }

    public static func < (lhs: StageID, rhs: StageID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The id of the stage's column on its map's page: `stage-` and the slug of its name with its branch
    /// (`## Визит в шоурум {Офлайн}` → `stage-vizit-v-shourum-oflayn`); a slug a stage before it took gets `-2`, `-3`.
    public static func anchors(_ ids: [StageID]) -> [String] {
        var taken: Set<String> = []
        return ids.map { id in
            let base = anchor(key: id.rawValue)
            var anchor = base, number = 2
            while !taken.insert(anchor).inserted {
                anchor = base + "-\(number)"
                number += 1
            }
            return anchor
        }
    }

    /// The column a link's fragment leads to: names that are one stage's (`#оплата`, `#Оплата:`) and the slug of
    /// its column (`#oplata`) lead to one column; a stage of a branch is named with its label
    /// (`#визит-в-шоурум-офлайн`).
    public static func anchor(fragment: String) -> String { anchor(key: NameKey(fragment).value) }

    private static func anchor(key: String) -> String { "stage-" + Slug.forName(key) }
}

/// A column of the map: a step the customer goes through.
public struct Stage: Sendable, Hashable {
    public var id: StageID
    public var name: String
    /// Where the heading's text stands.
    public var location: SourceLocation
    public var description: RichText
    public var layers: [Layer]
    /// The branch the stage belongs to (`## Визит в шоурум {Офлайн}`), or nil for a stage every customer goes
    /// through.
    public var branch: String?
    /// For each layer heading of the stage that named no layer, the id of the layer it was probably meant to be
    /// (nil when none is close): that layer is reported as misnamed, not also as missing.
    public var misnamedLayers: [String?]

    /// Without an `id`, the stage's id is made from its name.
    public init(name: String, location: SourceLocation, description: RichText = .empty, layers: [Layer] = [],
                id: StageID? = nil, misnamedLayers: [String?] = [], branch: String? = nil) {
        self.id = id ?? StageID(name: name, branch: branch)
        self.name = name
        self.location = location
        self.description = description
        self.layers = layers
        self.branch = branch
        self.misnamedLayers = misnamedLayers
    }

    /// Found by its place, then copied once: `first(where:)` copied each layer it passed, and the map's files ask
    /// each stage for each layer.
    public func layer(id: String) -> Layer? { layers.firstIndex { $0.layerID == id }.map { layers[$0] } }

    /// The stage as its heading writes it, with its branch's label: `Визит в шоурум {Офлайн}`.
    public var written: String { Self.written(name: name, branch: branch) }

    /// Messages name a stage so: two stages of one name in two branches are told apart.
    public static func written(name: String, branch: String?) -> String {
        branch.map { "\(name) {\($0)}" } ?? name
    }

    /// The stage as a reader sees it named, with its branch: `Визит в шоурум (Офлайн)`.
    public var displayName: String { Self.displayName(name: name, branch: branch) }

    /// Pages, reports and diffs name a stage so.
    public static func displayName(name: String, branch: String?) -> String {
        branch.map { "\(name) (\($0))" } ?? name
    }
}

/// One cell of the map: what a stage says for one layer of the schema.
public struct Layer: Sendable, Hashable {
    /// The schema layer's id.
    public var layerID: String
    /// The heading as the author wrote it.
    public var heading: String
    public var location: SourceLocation
    public var content: LayerContent

    public init(layerID: String, heading: String, location: SourceLocation, content: LayerContent) {
        self.layerID = layerID
        self.heading = heading
        self.location = location
        self.content = content
    }
}

/// A layer's content, read according to its kind.
public enum LayerContent: Sendable, Hashable {
    case text(RichText)
    case list([ListItem])
    case emotion([EmotionPoint])
    case metrics([MetricValue])
}

/// Whether an experience item was good or bad for the customer.
public enum Tone: String, Sendable, Hashable {
    case positive
    case negative
}

/// An entry of a `list` layer; its text is inline Markdown.
public struct ListItem: Sendable, Hashable {
    public var text: RichText
    public var tone: Tone?
    public var line: Int
    /// Of an item of a plan layer (recommendations): its kind (`- [SMM] …`) and its owner (`… @marketing`), taken
    /// out of its text.
    public var kind: String?
    public var owner: String?

    public init(text: RichText, tone: Tone? = nil, line: Int, kind: String? = nil, owner: String? = nil) {
        self.text = text
        self.tone = tone
        self.line = line
        self.kind = kind
        self.owner = owner
    }

    /// `text` with its kind and owner around it as the author wrote them (`[SMM] Серия постов @marketing`), for
    /// formats without badges.
    public func withKindAndOwner(_ text: String) -> String {
        // Most items have neither: the text itself, not a copy joined to two empty strings.
        guard kind != nil || owner != nil else { return text }
        return (kind.map { "[\($0)] " } ?? "") + text + (owner.map { " @\($0)" } ?? "")
    }

    /// The plain text with all the author wrote around it: the tone in brackets (a cell beginning with `+` would be
    /// taken for a formula), the kind and the owner (`(−) [SMM] Серия постов @marketing`). Two versions of an item
    /// that differ only in those differ here.
    public var plainWithMarks: String {
        guard let tone else { return withKindAndOwner(text.plain) }
        return (tone == .positive ? "(+) " : "(−) ") + withKindAndOwner(text.plain)
    }
}

/// A point of the emotion curve within a stage.
public struct EmotionPoint: Sendable, Hashable {
    public var score: Double
    public var label: String
    public var line: Int
    public var column: Int

    public init(score: Double, label: String, line: Int, column: Int = 1) {
        self.score = score
        self.label = label
        self.line = line
        self.column = column
    }
}

/// The unit a metric value was written with.
public enum ValueUnit: Sendable, Hashable {
    case plain
    case percent
    case duration(DurationUnit)
    /// Any other unit, kept as written (`₽`, `звонков`): only for metrics the schema does not know. Boxed, so
    /// that a unit takes 8 bytes rather than 17 (its case in the pointer's spare bits): a large site keeps four figures of each of its 70,000 stages.
    indirect case other(String)

    /// `value` of this unit written in `unit`: a duration in another unit of time (a month as 30 days), nil between a
    /// duration and a unit that is none; any other number as it is (a target the map writes for a figure a
    /// measurement stands for).
    public func convert(_ value: Double, to unit: ValueUnit) -> Double? {
        switch (self, unit) {
        case (.duration(let from), .duration(let to)): value * from.seconds / to.seconds
        case (.duration, _), (_, .duration): nil
        default: value
        }
    }
}

/// Units of time accepted in metrics, in Russian and English.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    case second, minute, hour, day, week, month, year

    /// The unit's length, to add durations written in different units (a month as 30 days, a year as 365).
    public var seconds: Double {
        switch self {
        case .second: 1
        case .minute: 60
        case .hour: 3_600
        case .day: 86_400
        case .week: 604_800
        case .month: 2_592_000
        case .year: 31_536_000
        }
    }

    /// The unit's word after `count`: `1 minute`, `2 minutes`; `1 минута`, `2 минуты`, `5 минут`.
    public func word(count: Double, in language: Language) -> String {
        switch language {
        case .en: count == 1 ? rawValue : rawValue + "s"
        case .ru: RussianPlural.choose(count, russianForms.one, russianForms.few, russianForms.many)
        }
    }

    /// The unit's Russian word after 1, after 2–4 and after 5.
    private var russianForms: (one: String, few: String, many: String) {
        switch self {
        case .second: ("секунда", "секунды", "секунд")
        case .minute: ("минута", "минуты", "минут")
        case .hour: ("час", "часа", "часов")
        case .day: ("день", "дня", "дней")
        case .week: ("неделя", "недели", "недель")
        case .month: ("месяц", "месяца", "месяцев")
        case .year: ("год", "года", "лет")
        }
    }
}

/// Russian nouns after numbers: 1 неделя, 2 недели, 5 недель; fractions take the second form (1,5 недели).
package enum RussianPlural {
    package static func choose(_ number: Double, _ one: String, _ few: String, _ many: String) -> String {
        guard number == number.rounded() else { return few }
        let n = Int(abs(number)) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2...4: return few
        default: return many
        }
    }
}

/// A figure of a `metrics` layer: `Конверсия: 35%`, `Длительность: 2–3 недели`, `NPS: 12 (цель 30)`.
public struct MetricValue: Sendable, Hashable {
    /// The schema metric's id, or nil for a custom metric.
    public var metricID: String?
    /// The name as the author wrote it.
    public var name: String
    /// The value counted: the midpoint of a range.
    public var value: Double
    /// The range as written (`2–3 недели`), or nil for one number.
    public var range: ClosedRange<Double>?
    /// The target the team aims for (`(цель 45%)`), in the value's unit.
    public var target: Double?
    public var unit: ValueUnit
    public var line: Int
    public var column: Int

    public init(metricID: String?, name: String, value: Double, range: ClosedRange<Double>? = nil,
                target: Double? = nil, unit: ValueUnit, line: Int, column: Int = 1) {
        self.metricID = metricID
        self.name = name
        self.value = value
        self.range = range
        self.target = target
        self.unit = unit
        self.line = line
        self.column = column
    }
}

extension MetricValue {
    /// What makes two entries the same metric: the schema's id, or the name as headings are compared.
    public var key: String { metricID ?? NameKey(name).value }
}
