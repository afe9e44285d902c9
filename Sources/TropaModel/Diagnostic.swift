/// How serious a problem is: errors fail `check` and `build`, warnings only with `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A position in an author's file: the path relative to the site folder, 1-based line and column
/// (the column counts characters, not bytes, so Cyrillic text points where a reader looks).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// The stable codes of every problem tropa reports; their meaning never changes.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    case frontMatterMissing = "front-matter-missing"
    case frontMatterSyntax = "front-matter-syntax"
    case frontMatterType = "front-matter-type"
    case missingTitle = "missing-title"
    case unknownKey = "unknown-key"
    case noStages = "no-stages"
    case duplicateStage = "duplicate-stage"
    case misplacedHeading = "misplaced-heading"
    case unknownLayer = "unknown-layer"
    case duplicateLayer = "duplicate-layer"
    case missingLayer = "missing-layer"
    case emptyLayer = "empty-layer"
    case listExpected = "list-expected"
    case emotionSyntax = "emotion-syntax"
    case emotionOutOfRange = "emotion-out-of-range"
    case metricSyntax = "metric-syntax"
    case metricOutOfRange = "metric-out-of-range"
    case unknownPersona = "unknown-persona"
    case duplicateSlug = "duplicate-slug"
    case invalidEncoding = "invalid-encoding"
    case schemaInvalid = "schema-invalid"
    // Codes beyond the format's first table.
    case configInvalid = "config-invalid"
    case missingName = "missing-name"
    case unknownMetric = "unknown-metric"
    case unknownSection = "unknown-section"
    case duplicateSection = "duplicate-section"
    case outputConflict = "output-conflict"
    case templateInvalid = "template-invalid"
    case templateUnknownName = "template-unknown-name"
    case headingSpace = "heading-space"
    case emptyStage = "empty-stage"
    case underlinedStage = "underlined-stage"
    case htmlOmitted = "html-omitted"
    case linkOmitted = "link-omitted"
    case unreadMarkup = "unread-markup"
    case percentAsShare = "percent-as-share"
    case csatAsScore = "csat-as-score"
    case duplicateMetric = "duplicate-metric"
    case misplacedOwner = "misplaced-owner"
    case typographicQuotes = "typographic-quotes"
    case tagsAsText = "tags-as-text"
    case listItemContinued = "list-item-continued"
    case measurementTwice = "measurement-twice"
    case metricOutsideMetrics = "metric-outside-metrics"
    case branchLabel = "branch-label"
    case branchSplit = "branch-split"
    case branchReused = "branch-reused"
    case branchTypo = "branch-typo"
    case measurementInvalid = "measurement-invalid"
    case unknownStage = "unknown-stage"
    case reviewOverdue = "review-overdue"
    case measurementInFuture = "measurement-in-future"
    case measurementsBeforeUpdated = "measurements-before-updated"
    case unknownMap = "unknown-map"
    case unknownActionKind = "unknown-action-kind"
    case unknownOwner = "unknown-owner"
    case unknownColumn = "unknown-column"
    case brokenLink = "broken-link"
    case draftLink = "draft-link"
    // `tropa import`: problems of the file being imported, not of a site.
    case mermaidSyntax = "mermaid-syntax"
    case mermaidScore = "mermaid-score"
}

/// One problem in an author's files, with where it is and, when one is close, what was probably meant.
/// Its words are `Message`s, worded in a language only when shown.
public struct Diagnostic: Error, Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var text: Message
    public var location: SourceLocation
    public var help: Message?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ text: Message,
                at location: SourceLocation, suggestion help: Message? = nil) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.help = help
    }

    public static func error(_ code: DiagnosticCode, _ text: Message, at location: SourceLocation,
                             suggestion: Message? = nil) -> Diagnostic {
        Diagnostic(.error, code, text, at: location, suggestion: suggestion)
    }

    public static func warning(_ code: DiagnosticCode, _ text: Message, at location: SourceLocation,
                               suggestion: Message? = nil) -> Diagnostic {
        Diagnostic(.warning, code, text, at: location, suggestion: suggestion)
    }

    public func message(in language: Language) -> String { text.text(in: language) }
    public func suggestion(in language: Language) -> String? { help?.text(in: language) }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Whether these stop a build: any error, or with `strict` anything at all.
    public func failBuild(strict: Bool) -> Bool { strict ? !isEmpty : hasErrors }

    /// Diagnostics in reading order: by file, then line and column; stable for equal positions.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            a.element.location == b.element.location ? a.offset < b.offset : a.element.location < b.element.location
        }.map(\.element)
    }
}
