import Testing
import TropaModel
@testable import TropaTerminal

/// The line a long build or check shows on a terminal: its words, and when it is drawn.
@Suite struct ProgressLineTests {
    static let snapshot = BuildProgress.Snapshot(maps: 1234, total: 10000, files: 5678, language: .ru)

    @Test func aBuildSaysMapsFilesAndSecondsInTheSitesLanguage() {
        #expect(ProgressLine.text(Self.snapshot, step: .build, elapsed: .milliseconds(3900), language: nil)
            == "сборка: карт 1234 из 10000, записано файлов: 5678, 3 с")
        #expect(ProgressLine.text(Self.snapshot, step: .build, elapsed: .seconds(12), language: .en)
            == "building: 1234 of 10000 maps, 5678 files written, 12 s")
    }

    @Test func aCheckSaysMapsAndSeconds() {
        var english = Self.snapshot
        english.language = .en
        #expect(ProgressLine.text(english, step: .check, elapsed: .seconds(2), language: nil)
            == "checking: 1234 of 10000 maps, 2 s")
        #expect(ProgressLine.text(english, step: .check, elapsed: .seconds(2), language: .ru)
            == "проверка: карт 1234 из 10000, 2 с")
    }

    /// Before the maps are listed there is no count to show, nor a language known for sure.
    @Test func nothingBeforeTheMapsAreKnown() {
        let empty = BuildProgress.Snapshot(maps: 0, total: 0, files: 0, language: .en)
        #expect(ProgressLine.text(empty, step: .build, elapsed: .seconds(5), language: .en) == nil)
    }

    /// Programs read `github` and `json`; `--quiet` asks for problems alone; a file or a dumb terminal cannot redraw.
    @Test func shownOnlyOnATerminalWithATextReportAndNotQuiet() {
        #expect(ProgressLine.shown(format: .text, quiet: false, terminal: true, term: "xterm-256color"))
        #expect(ProgressLine.shown(format: .text, quiet: false, terminal: true, term: nil))
        #expect(!ProgressLine.shown(format: .text, quiet: true, terminal: true, term: "xterm-256color"))
        #expect(!ProgressLine.shown(format: .json, quiet: false, terminal: true, term: "xterm-256color"))
        #expect(!ProgressLine.shown(format: .github, quiet: false, terminal: true, term: "xterm-256color"))
        #expect(!ProgressLine.shown(format: .text, quiet: false, terminal: false, term: "xterm-256color"))
        #expect(!ProgressLine.shown(format: .text, quiet: false, terminal: true, term: "dumb"))
    }

    @Test func drawnAfterTheFirstSecondAtMostTenTimesASecond() {
        #expect(!ProgressLine.shouldDraw(elapsed: .zero, lastDraw: nil))
        #expect(!ProgressLine.shouldDraw(elapsed: .milliseconds(999), lastDraw: nil))
        #expect(ProgressLine.shouldDraw(elapsed: .seconds(1), lastDraw: nil))
        #expect(!ProgressLine.shouldDraw(elapsed: .milliseconds(1050), lastDraw: .seconds(1)))
        #expect(ProgressLine.shouldDraw(elapsed: .milliseconds(1100), lastDraw: .seconds(1)))
        #expect(ProgressLine.shouldDraw(elapsed: .seconds(30), lastDraw: .milliseconds(1100)))
    }

    @Test func theCountersCountFromZeroForEachRun() {
        let progress = BuildProgress()
        #expect(progress.snapshot == BuildProgress.Snapshot(maps: 0, total: 0, files: 0, language: .en))
        progress.begin(maps: 3, language: .ru)
        progress.mapDone()
        progress.wrote(4)
        #expect(progress.snapshot == BuildProgress.Snapshot(maps: 1, total: 3, files: 4, language: .ru))
        progress.begin(maps: 2, language: .en)
        #expect(progress.snapshot == BuildProgress.Snapshot(maps: 0, total: 2, files: 0, language: .en))
    }
}
