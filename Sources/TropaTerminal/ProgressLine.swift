import TropaModel
import TropaAuthoring
import Foundation

/// The one line a build or a check that runs longer than a second shows on a terminal — maps done of all, files
/// written, seconds — drawn in place and erased before the summary. A thread of its own reads the counters the
/// build's workers add to, at most ten times a second, so the build itself only counts.
public final class ProgressLine: Sendable {
    public enum Step: Sendable { case build, check }

    /// A build shorter than this prints only its summary.
    static let delay = Duration.seconds(1)
    static let interval = Duration.milliseconds(100)
    /// Back to the start of the line, and the line emptied.
    static let erase = "\r\u{1B}[2K"

    /// Whether to draw now: never in the first second, then no sooner than `interval` after the last time.
    static func shouldDraw(elapsed: Duration, lastDraw: Duration?) -> Bool {
        elapsed >= delay && lastDraw.map { elapsed - $0 >= interval } ?? true
    }

    /// The line's words, in `language` (`--lang`), else the site's; nil while the maps to read are not yet known.
    static func text(_ snapshot: BuildProgress.Snapshot, step: Step, elapsed: Duration, language: Language?) -> String? {
        guard snapshot.total > 0 else { return nil }
        let seconds = Int(elapsed.components.seconds)
        let message: Message = switch step {
        case .build: .buildProgress(maps: snapshot.maps, of: snapshot.total, files: snapshot.files, seconds: seconds)
        case .check: .checkProgress(maps: snapshot.maps, of: snapshot.total, seconds: seconds)
        }
        return message.text(in: language ?? snapshot.language)
    }

    /// Whether a run shows the line: only on a terminal that can redraw it, with a text report (`github` and
    /// `json` are read by programs), and not with `--quiet`.
    static func shown(format: DiagnosticFormat, quiet: Bool, terminal: Bool, term: String?) -> Bool {
        format == .text && !quiet && terminal && term != "dumb"
    }

    /// Runs `body` with counters for it to fill, and shows them while it runs when `shown` says so; otherwise
    /// nothing is counted and `body` gets nil.
    public static func showing<T>(_ step: Step, format: DiagnosticFormat, quiet: Bool, language: Language?,
                                  _ body: (BuildProgress?) throws -> T) rethrows -> T {
        guard shown(format: format, quiet: quiet, terminal: isatty(STDERR_FILENO) == 1,
                    term: ProcessInfo.processInfo.environment["TERM"]) else {
            return try body(nil)
        }
        let line = ProgressLine(step: step, language: language)
        Thread { line.draw() }.start()
        // Erased before anything else is printed, a problem with the site's folders included.
        defer { line.finish() }
        return try body(line.progress)
    }

    private let progress = BuildProgress()
    private let step: Step
    private let language: Language?
    private let stop = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)

    private init(step: Step, language: Language?) {
        self.step = step
        self.language = language
    }

    /// The drawing thread: wakes after the first second, then every `interval`, until `finish`. Erases what it
    /// drew before it ends.
    private func draw() {
        let clock = ContinuousClock()
        let start = clock.now
        var lastDraw: Duration?
        var shown: String?
        var wait = Self.delay
        while stop.wait(timeout: .now() + .nanoseconds(Int(wait / .nanoseconds(1)))) == .timedOut {
            wait = Self.interval
            let elapsed = clock.now - start
            guard Self.shouldDraw(elapsed: elapsed, lastDraw: lastDraw),
                  let text = Self.text(progress.snapshot, step: step, elapsed: elapsed, language: language) else { continue }
            lastDraw = elapsed
            if text != shown { Self.write(Self.erase + text) }
            shown = text
        }
        if shown != nil { Self.write(Self.erase) }
        stopped.signal()
    }

    /// Stops the thread at once (a short build does not wait out its sleep) once the line is erased.
    private func finish() {
        stop.signal()
        stopped.wait()
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
