import TropaModel
import TropaSource
import TropaBuild
import TropaAuthoring
import ArgumentParser
import Foundation
import TropaTerminal

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Print what changed in a map between two versions, in journey terms: stages, items, scores, metrics.",
        discussion: "Without revisions, the last commit (HEAD) against the file as it is; with one, that revision against the file; with two, the first against the second. The map is a path relative to the site folder. text is for a terminal, markdown for a pull request, json for programs."
    )

    @Argument(help: "The map, relative to the site folder (content/…/map.md).")
    var map: String

    @Argument(help: "Up to two git revisions.")
    var revisions: [String] = []

    @Option(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(help: "text, markdown or json.")
    var format: ReportFormat = .text

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard revisions.count <= 2 else { throw ValidationError("give at most two revisions") }
    }

    func run() throws {
        let (diff, settings) = try Terminal.run(language: language.lang) {
            try MapDiff.read(root: site, map: map, revisions: revisions, git: GitCommand(folder: site),
                             language: language.lang)
        }
        guard let diff else {
            Terminal.report(settings.diagnostics, sources: settings.sources, format: .text, checked: .siteSettings,
                            language: language.or(settings.language))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(diff.render(format).utf8))
    }
}
