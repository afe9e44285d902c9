import Foundation
import Testing
@testable import TropaModel
import TropaTesting

/// The built `tropa` exits 0 when all is well, 1 on errors (or warnings with `--strict`), 2 on usage or I/O problems.
@Suite struct CLIExitStatusTests {
    @Test func aValidSiteExitsZero() throws {
        let output = try TropaProcess.run(["check", Fixtures.site("valid-ru").path])
        #expect(output.status == 0)
        #expect(output.stderr == "проверено карт: 3, персон: 2 — замечаний нет\n")
        #expect(output.stdout.isEmpty)
    }

    @Test func aCustomSchemaSiteExitsZero() throws {
        let output = try TropaProcess.run(["check", Fixtures.site("custom-schema").path, "--strict"])
        #expect(output.status == 0)
        #expect(output.stderr == "проверено карт: 2, персон: 1 — замечаний нет\n")
    }

    @Test func theSiteFolderDefaultsToTheCurrentFolder() throws {
        let output = try TropaProcess.run(["check", "--lang", "en"], in: Fixtures.site("valid-ru"))
        #expect(output.status == 0)
        #expect(output.stderr == "checked 3 maps and 2 personas: no problems found\n")
    }

    @Test(arguments: ["unknown-persona", "duplicate-slug", "schema-invalid", "config-invalid", "missing-name",
                      "duplicate-section", "output-conflict"])
    func errorsExitOne(fixture: String) throws {
        let output = try TropaProcess.run(["check", Fixtures.invalid(fixture).path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("[\(fixture)]"))
        #expect(output.stderr.contains("1 error in 1 file"))
        #expect(output.stdout.isEmpty)
    }

    /// A link to a draft is a warning for a build without `--drafts` only: `check --drafts` checks as that build.
    @Test func checkWithDraftsTakesLinksToDraftsAsBuildDraftsDoes() throws {
        let site = Fixtures.invalid("draft-link").path
        let strict = try TropaProcess.run(["check", site, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/crm/vybor.md:6:28: warning: the link leads to a draft, \"vnedrenie.md\""))
        let drafts = try TropaProcess.run(["check", site, "--strict", "--drafts"])
        #expect(drafts.status == 0)
        #expect(drafts.stderr == "checked 2 maps and 0 personas: no problems found\n")
    }

    @Test func warningsExitZeroUnlessStrict() throws {
        let site = Fixtures.invalid("unknown-section").path
        let relaxed = try TropaProcess.run(["check", site])
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("warning: unknown persona section \"Страхи\" [unknown-section]"))
        #expect(relaxed.stderr.hasSuffix("checked 1 map and 1 persona: 1 warning in 1 file\n"))
        let strict = try TropaProcess.run(["check", "--strict", site])
        #expect(strict.status == 1)
        #expect(strict.stderr == relaxed.stderr.dropLast() + "; --strict takes warnings as errors\n")
        let strictJSON = try TropaProcess.run(["check", site, "--strict", "--format", "json"])
        #expect(strictJSON.status == 1)
        #expect(strictJSON.stdout.contains("\"severity\" : \"warning\""))
        #expect(strictJSON.stderr.isEmpty, "json is the output: nothing else is printed")
    }

    /// `--quiet` prints the problems alone: no notes and no summary, and the exit status is as without it.
    @Test func quietPrintsOnlyTheProblems() throws {
        // The output in a folder of its own: its lock, cache and facts are written beside it.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-quiet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("public")
        let clean = try TropaProcess.run(["build", Fixtures.site("valid-ru").path, "--quiet", "--output", output.path])
        #expect(clean.status == 0)
        #expect(clean.stderr.isEmpty && clean.stdout.isEmpty, "\(clean.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))

        let site = Fixtures.invalid("draft-link").path
        let loud = try TropaProcess.run(["build", site, "--output", output.path])
        #expect(loud.stderr.hasPrefix("note: 1 draft left out"), "\(loud.stderr)")
        let quiet = try TropaProcess.run(["build", site, "-q", "--output", output.path])
        #expect(quiet.status == 0)
        let problem = try #require(loud.stderr.range(of: "content/crm/vybor.md:6:28: warning:"))
        let summary = try #require(loud.stderr.range(of: "built 1 map (13 files)"))
        #expect(quiet.stderr == loud.stderr[problem.lowerBound..<summary.lowerBound])

        let strict = try TropaProcess.run(["check", site, "--strict", "--quiet"])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("content/crm/vybor.md:6:28: warning:") && !strict.stderr.contains("checked"),
                "\(strict.stderr)")
        #expect(strict.stderr.hasSuffix("\nerror: --strict takes warnings as errors\n"), "\(strict.stderr)")
    }

    @Test func aMissingFolderExitsTwo() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-missing-\(UUID().uuidString)").path
        let output = try TropaProcess.run(["check", missing])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: no such folder: \(missing)\n")
    }

    /// A program reading `--format json|github` finds the problem on standard output too, not nothing.
    @Test func aMissingFolderIsReportedInJSONAndGitHubFormats() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-missing-\(UUID().uuidString)").path
        let json = try TropaProcess.run(["build", missing, "--format", "json"])
        #expect(json.status == 2)
        #expect(json.stderr == "error: no such folder: \(missing)\n")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["code"] as? String == "site-error")
        #expect(entries.first?["severity"] as? String == "error")
        #expect(entries.first?["message"] as? String == "no such folder: \(missing)")
        #expect(entries.first?["file"] as? String == "" && entries.first?["line"] as? Int == 0)
        let github = try TropaProcess.run(["check", missing, "--format", "github", "--lang", "ru"])
        #expect(github.status == 2)
        #expect(github.stdout.hasPrefix("::error title=tropa%3A site-error::") && github.stdout.contains(missing), "\(github.stdout)")
    }

    @Test func aFileInsteadOfAFolderExitsTwo() throws {
        let file = Fixtures.site("valid-ru").appendingPathComponent("tropa.yml").path
        let output = try TropaProcess.run(["check", file])
        #expect(output.status == 2)
        #expect(output.stderr == "error: \(file) is a file, not a site folder\n")
    }

    @Test func aSiteWithoutContentExitsTwo() throws {
        let site = try TropaProcess.temporarySite(["tropa.yml": "title: Пусто\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["check", site.path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: no content folder: "))
    }

    @Test func aMissingSchemaNamedByTheConfigExitsTwo() throws {
        let site = try TropaProcess.temporarySite(["tropa.yml": "schema: cjm.yml\n", "content/.keep": ""])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["check", site.path])
        #expect(output.status == 2)
        #expect(output.stderr == "error: no such file: \(site.path)/cjm.yml\n")
    }

    /// A folder of no site: the help there is in English, as the tests' locale is removed (the package's own folder
    /// is the Russian demo site).
    static let noSite = URL(fileURLWithPath: "/")

    @Test(arguments: [["check", "--bogus"], ["check", "--format", "xml"], ["check", "a", "b"], ["frobnicate"]])
    func usageProblemsExitTwo(arguments: [String]) throws {
        let output = try TropaProcess.run(arguments, in: Fixtures.site("valid-ru"))
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        // In the site's language, as its other messages.
        #expect(output.stderr.contains("использование: tropa"))
        let english = try TropaProcess.run(arguments, in: Self.noSite)
        #expect(english.status == 2)
        #expect(english.stderr.contains("Usage: tropa"))
    }

    /// In a Russian site, or with `--lang ru`, the help and ArgumentParser's errors are in Russian.
    @Test func helpAndUsageErrorsInTheSitesLanguage() throws {
        let site = Fixtures.site("valid-ru")
        let help = try TropaProcess.run(["new", "--help"], in: site)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("ОПИСАНИЕ: Создаёт новую карту в content/"))
        #expect(help.stdout.contains("--stages <stages>       Сколько этапов создать. (по умолчанию: 3)"))
        #expect(help.stdout.contains("-h, --help              Показать эту справку."))
        let wrong = try TropaProcess.run(["new", "Карта", "--stages", "много"], in: site)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasPrefix("ошибка: значение «много» не подходит для «--stages <stages>»\n"))
        let asked = try TropaProcess.run(["check", "--help", "--lang", "en"], in: site)
        #expect(asked.stdout.hasPrefix("OVERVIEW: Validate every map"))
        let outside = try TropaProcess.run(["--help"], environment: ["LANG": "ru_RU.UTF-8"], in: Self.noSite)
        #expect(outside.stdout.contains("КОМАНДЫ:\n  init                    Создаёт новый сайт"))
        // What programs read stays as ArgumentParser writes it: a completion script must still parse.
        let completion = try TropaProcess.run(["--generate-completion-script", "bash"], in: site)
        #expect(completion.status == 0 && completion.stdout.contains("$'\\n'") && !completion.stdout.contains("«"))
        let diff = try TropaProcess.run(["diff", "content/a.md", "HEAD", "HEAD~1", "HEAD~2"], in: site)
        #expect(diff.status == 2)
        #expect(diff.stderr.hasPrefix("ошибка: укажите не больше двух ревизий\n"))
    }

    /// `tropa help NAME` of no command says so instead of printing the general help as if NAME were one.
    @Test func helpOfACommandThatDoesNotExist() throws {
        let output = try TropaProcess.run(["help", "nonexist"], in: Self.noSite)
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "Error: Unknown command 'nonexist'. The commands are: init, new, import, check, build, report, serve, schema, theme, diff.\n")
        let known = try TropaProcess.run(["help", "build"], in: Self.noSite)
        #expect(known.status == 0 && known.stdout.hasPrefix("OVERVIEW: Check the site, then write it"))
        #expect(try TropaProcess.run(["help", "help"]).status == 0)
    }

    @Test func unknownOptionsAreNamed() throws {
        let output = try TropaProcess.run(["check", "--bogus"], in: Self.noSite)
        #expect(output.stderr.hasPrefix("Error: Unknown option '--bogus'"))
    }

    @Test func versionPrintsTheVersion() throws {
        let output = try TropaProcess.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout == Tropa.version + "\n")
    }

    @Test func checkHelpDescribesTheCommand() throws {
        let output = try TropaProcess.run(["check", "--help"], in: Self.noSite)
        #expect(output.status == 0)
        #expect(output.stdout.contains("USAGE: tropa check [<site-directory>] [--format <format>] [--strict]"))
        #expect(output.stdout.contains("--format <format>"))
        #expect(output.stdout.contains("--strict                Treat warnings as errors."))
    }
}
