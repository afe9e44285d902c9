import Foundation
import Testing
import TropaTesting

/// `tropa schema`: its output is the schema alone (problems go to standard error), `> schema.yml` round-trips
/// although the redirect empties the file first, `--default` ignores the site, `--output` never overwrites.
@Suite struct CLISchemaTests {
    /// A site that checks clean with the default schema, plus `files`.
    static func site(_ files: [String: String] = [:]) throws -> URL {
        let map = RenderBuild.russianMap(body: RenderBuild.stage("Поиск решения"))
        return try TropaProcess.temporarySite(["content/map.md": map].merging(files) { $1 })
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aBrokenSchemaIsReportedOnStandardErrorOnly() throws {
        let site = try Self.site(["schema.yml": "layers: 5\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["schema", site.path, "--format", "yaml"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty, "nothing for a redirect to catch")
        #expect(output.stderr.contains("schema.yml:1:"))
        #expect(output.stderr.contains("[schema-invalid]"))
        #expect(output.stderr.contains("`tropa schema --default` prints the built-in schema"))
    }

    /// `tropa schema --format yaml > schema.yml` empties schema.yml before tropa reads the site.
    @Test(arguments: ["", "\n  \n"])
    func anEmptySchemaFileIsNoSchemaSoTheRedirectRoundTrips(empty: String) throws {
        let site = try Self.site(["schema.yml": empty])
        defer { try? FileManager.default.removeItem(at: site) }
        let builtIn = try TropaProcess.run(["schema", "--default", "--format", "yaml"])
        #expect(builtIn.status == 0)
        let output = try TropaProcess.run(["schema", site.path, "--format", "yaml"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == builtIn.stdout)
        #expect(output.stderr == "note: schema.yml is empty, so this is the default schema "
            + "(check and build stop at an empty schema.yml: fill it in or delete it)\n")
        // Every other command still stops at an empty schema.
        let before = try TropaProcess.run(["check", site.path])
        #expect(before.status == 1)
        #expect(before.stderr.contains("the schema file is empty [schema-invalid]"))

        try output.stdout.write(to: site.appendingPathComponent("schema.yml"), atomically: true, encoding: .utf8)
        let after = try TropaProcess.run(["check", site.path, "--strict"])
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// The help of an empty schema names a command, and that command runs.
    @Test func theHelpOfAnEmptySchemaRuns() throws {
        let site = try Self.site(["schema.yml": ""])
        defer { try? FileManager.default.removeItem(at: site) }
        let check = try TropaProcess.run(["check", site.path, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let help = try #require(entries.first?["suggestion"] as? String)
        #expect(help == "delete the file to use the default schema, or start from the default: "
            + "`tropa schema --default --output schema.yml` in the site folder writes it there")
        let command = try #require(help.split(separator: "`").dropFirst().first).split(separator: " ").map(String.init)
        #expect(command.first == "tropa")
        let ran = try TropaProcess.run(Array(command.dropFirst()), in: site)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(try TropaProcess.run(["check", site.path, "--strict"]).status == 0)

        // A schema of comments only is not blank: `--output` would refuse it, so the help names another command.
        try "# to do\n".write(to: site.appendingPathComponent("schema.yml"), atomically: true, encoding: .utf8)
        let commented = try TropaProcess.run(["check", site.path])
        #expect(commented.stderr.contains("start from the default: `tropa schema --default --format yaml` prints it"))
    }

    @Test func defaultPrintsTheBuiltInSchemaWhateverTheSiteHas() throws {
        let custom = try Self.site(["schema.yml": """
            layers:
              - id: objections
                title: { en: Objections, ru: Возражения }
                kind: list

            """])
        let broken = try Self.site(["schema.yml": "layers: 5\n"])
        defer {
            try? FileManager.default.removeItem(at: custom)
            try? FileManager.default.removeItem(at: broken)
        }
        let own = try TropaProcess.run(["schema", custom.path])
        #expect(own.stdout.contains("| objections |"))
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-none-\(UUID().uuidString)")
        for site in [custom, broken, missing] {
            let output = try TropaProcess.run(["schema", site.path, "--default"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr.isEmpty)
            #expect(output.stdout.contains("| emotions | Emotions (en), Эмоции (ru) | emotion | yes |"))
            #expect(!output.stdout.contains("objections"))
        }
    }

    @Test func outputWritesANewOrEmptyFileAndNeverOverwritesOne() throws {
        let folder = try TropaProcess.temporarySite(["kept.yml": "layers: []  # mine\n", "empty.yml": "",
                                                     "folder/file": "x"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try TropaProcess.run(["schema", "--default", "--format", "yaml"]).stdout
        let markdown = try TropaProcess.run(["schema", "--default"]).stdout

        let written = try TropaProcess.run(["schema", "--default", "--output", "new.yml"], in: folder)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "wrote new.yml\n")
        #expect(try Self.read(folder.appendingPathComponent("new.yml")) == yaml, "yaml for a .yml file")
        let overview = try TropaProcess.run(["schema", "--default", "-o", "schema.md"], in: folder)
        #expect(overview.status == 0)
        #expect(try Self.read(folder.appendingPathComponent("schema.md")) == markdown)
        let filled = try TropaProcess.run(["schema", "--default", "--output", "empty.yml"], in: folder)
        #expect(filled.status == 0)
        #expect(try Self.read(folder.appendingPathComponent("empty.yml")) == yaml)

        for existing in ["kept.yml", "new.yml"] {
            let before = try Self.read(folder.appendingPathComponent(existing))
            let refused = try TropaProcess.run(["schema", "--default", "--output", existing], in: folder)
            #expect(refused.status == 2)
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr == "error: \(existing) already exists and is not empty; tropa does not overwrite it "
                + "(choose another file, or delete it first)\n")
            #expect(try Self.read(folder.appendingPathComponent(existing)) == before)
        }
        let intoFolder = try TropaProcess.run(["schema", "--default", "--output", "folder"], in: folder)
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr == "error: folder is a folder; give --output a file name\n")
    }

    @Test func theHelpNamesTheWaysToStartASchema() throws {
        let output = try TropaProcess.run(["schema", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("--default"))
        #expect(output.stdout.contains("--output <output>"))
        // Help text is wrapped to the terminal's width.
        let words = output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("tropa schema --default --output schema.yml"))
    }

    /// Every command reports in text on standard error; `check` and `build` print json and github annotations on
    /// standard output, since those are what they make.
    @Test func reportsGoToStandardErrorUnlessTheyAreTheOutput() throws {
        let site = try Self.site(["content/bad.md": "---\ntitle: Плохая\n---\n\n## Этап\n### Эмоцйи\n+1 да\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        for command in ["check", "build"] {
            let text = try TropaProcess.run([command, site.path])
            #expect(text.status == 1)
            #expect(text.stdout.isEmpty, "\(command)")
            #expect(text.stderr.contains("[unknown-layer]"), "\(command)")
            for format in ["json", "github"] {
                let output = try TropaProcess.run([command, site.path, "--format", format])
                #expect(output.status == 1)
                #expect(output.stderr.isEmpty, "\(command) --format \(format)")
                #expect(output.stdout.contains("unknown-layer"), "\(command) --format \(format)")
            }
        }
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/bad.md"))
        let built = try TropaProcess.run(["build", site.path])
        #expect(built.status == 0)
        #expect(built.stdout.isEmpty)
        #expect(built.stderr.hasPrefix("built 1 map"))

        try "language: xx\n".write(to: site.appendingPathComponent("tropa.yml"), atomically: true, encoding: .utf8)
        let new = try TropaProcess.run(["new", "Карта", "--site", site.path])
        #expect(new.status == 1)
        #expect(new.stdout.isEmpty)
        #expect(new.stderr.contains("[config-invalid]"))
    }
}
