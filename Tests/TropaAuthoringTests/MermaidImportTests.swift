import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaOutput
@testable import TropaBuild
@testable import TropaAuthoring
import TropaTesting

/// `tropa import` on Mermaid's own examples and the cases of its parser tests (journey.spec.js), not only on files
/// tropa wrote.
@Suite struct MermaidImportTests {
    /// The example of Mermaid's user-journey documentation.
    static let documentation = """
        journey
            title My working day
            section Go to work
              Make tea: 5: Me
              Go upstairs: 3: Me
              Do work: 1: Me, Cat
            section Go home
              Go downstairs: 5: Me
              Sit down: 5: Me
        """

    static func parse(_ text: String) -> (MermaidImport.Diagram?, [Diagnostic]) { MermaidImport(path: "a.mmd").parse(text) }

    @Test func readsTheDocumentationExample() throws {
        let (diagram, diagnostics) = Self.parse(Self.documentation)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(diagram)
        #expect(parsed.title == "My working day")
        #expect(parsed.sections.map(\.name) == ["Go to work", "Go home"])
        #expect(parsed.sections[0].tasks.map(\.text) == ["Make tea", "Go upstairs", "Do work"])
        #expect(parsed.sections[0].tasks.map(\.score) == [5, 3, 1])
        #expect(parsed.sections[0].tasks[2].actors == ["Me", "Cat"])
    }

    /// journey.spec.js "should handle a task definition": actors with and without a space, no actors, an empty actor.
    @Test func readsTheSpecsTaskCases() throws {
        let (diagram, diagnostics) = Self.parse("""
            journey
            title Adding journey diagram functionality to mermaid
            section Documentation
            A task: 5: Alice, Bob, Charlie
            B task: 3:Bob, Charlie
            C task: 5
            D task: 5: Charlie, Alice
            E task: 5:
            section Another section
            P task: 5:
            Q task: 5:
            R task: 5:
            """)
        #expect(diagnostics.isEmpty)
        let tasks = try #require(diagram).sections.flatMap(\.tasks)
        #expect(tasks.count == 8)
        #expect(tasks.map(\.actors) == [["Alice", "Bob", "Charlie"], ["Bob", "Charlie"], [], ["Charlie", "Alice"], [""], [""], [""], [""]])
        #expect(tasks.map(\.text) == ["A task", "B task", "C task", "D task", "E task", "P task", "Q task", "R task"])
    }

    /// journey.spec.js: a title alone, accessibility title and descriptions (one line and several), section names
    /// with line breaks written as `<br>`.
    @Test(arguments: [
        "journey\ntitle Adding journey diagram functionality to mermaid",
        "journey\naccDescr: A user journey for family shopping\ntitle Adding journey diagram functionality to mermaid\nsection Order from website",
        "journey\naccDescr {\n        A user journey for\n        family shopping\n      }title Adding journey diagram functionality to mermaid\naccTitle: Adding acc journey diagram functionality to mermaid\nsection Order from website",
        "journey\n    accTitle: The title\n    section Order from website",
        "journey\ntitle Adding gantt diagram functionality to mermaid\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5",
    ])
    func readsTheSpecsOtherCases(_ text: String) throws {
        let (diagram, diagnostics) = Self.parse(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(diagram != nil)
    }

    @Test func tasksBeforeASectionAndCommentsAreRead() throws {
        let (diagram, diagnostics) = Self.parse("""
            %% a comment before the diagram
            journey
              title Onboarding
              %% a comment line
              Sign up: 4: Ann
              section Use
              First report: 2: Ann %% not a comment to the lexer, part of the actors
            """)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(diagram)
        #expect(parsed.sections.map(\.name) == [nil, "Use"])
        #expect(parsed.sections[0].tasks.map(\.text) == ["Sign up"])
        #expect(parsed.sections[1].tasks.map(\.actors) == [["Ann"]])
    }

    @Test func problemsHaveTheirLines() {
        let (_, diagnostics) = Self.parse("journey\nsection A\nno colon here\nTask: many\nTask: 9: Me\nTask: 0\n")
        #expect(diagnostics.map(\.code) == [.mermaidSyntax, .mermaidSyntax, .mermaidScore, .mermaidScore])
        #expect(diagnostics.map(\.location.line) == [3, 4, 5, 6])
        #expect(diagnostics.map(\.severity) == [.error, .error, .warning, .warning])
        let (notJourney, problems) = Self.parse("graph TD\nA-->B\n")
        #expect(notJourney == nil)
        #expect(problems.map(\.code) == [.mermaidSyntax])
    }

    /// Scores far outside what an `Int` holds are clamped with a warning, like 9 or 0.
    /// A score on the scale that is not whole is rounded, and said so: not "outside 1..5".
    @Test func aScoreThatIsNotWholeIsRounded() throws {
        let (diagram, diagnostics) = Self.parse("journey\nsection A\nPay: 2.5\nWait: 7\n")
        #expect(try #require(diagram).sections[0].tasks.map(\.score) == [3, 5])
        #expect(diagnostics.map { $0.message(in: .ru) } == ["оценка 2.5 не целая: импортирована как 3",
                                                            "оценка 7 вне шкалы Mermaid 1..5: импортирована как 5"])
    }

    /// A problem points at the score or the bad character, past the indentation, not at the line's start.
    @Test func problemsHaveTheirColumns() {
        let (_, diagnostics) = Self.parse("journey\n  section A\n    Pay: 2.5\n    Bad; x: 3\n    Cost:  many\n\tNo colon\n")
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:10", "4:8", "5:12", "6:2"])
    }

    /// Lines are counted as `check` counts a map's: "\r\r\n" is two line breaks (its last two are one Character) and
    /// a lone "\r" one. A column counts scalars: an accent written as a combining mark and a wide space count.
    @Test func linesAndColumnsAreCountedAsInTheFile() throws {
        let text = "journey\r\nsection A\r\r\nPay: many\r  Caf\u{65}\u{301}: x\n\u{3000}Tea:\u{3000}y\nOk: 5\r\r\n"
        let (_, diagnostics) = Self.parse(text)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["4:6", "5:10", "6:7"])
        guard case .success(let source) = SourceText.decode(path: "a.mmd", bytes: Array(text.utf8)) else {
            Issue.record("the text decodes")
            return
        }
        #expect(diagnostics.map { source.line($0.location.line).map(String.init) }
                == ["Pay: many", "  Caf\u{65}\u{301}: x", "\u{3000}Tea:\u{3000}y"])
    }

    @Test func scoresBeyondAnIntAreClamped() throws {
        let (diagram, diagnostics) = Self.parse("journey\nsection A\nHigh: 1e300\nLow: -1e300\n")
        #expect(try #require(diagram).sections[0].tasks.map(\.score) == [5, 1])
        #expect(diagnostics.map(\.code) == [.mermaidScore, .mermaidScore])
        #expect(diagnostics.map(\.location.line) == [3, 4])
    }

    /// The draft map passes `tropa check`, and its export gives back the diagram: the same sections, tasks and
    /// scores, and the actor who is a persona.
    @Test func importThenExportGivesTheDiagramBack() throws {
        let importer = MermaidImport(path: "day.mmd")
        let diagram = try #require(importer.parse(Self.documentation.replacingOccurrences(of: "Me, Cat", with: "Me")).0)
        let persona = "---\nname: Me\n---\n\nWorks from home.\n"
        let personas = [Persona(id: "me", path: "content/personas/me.md", name: "Me")]
        let map = importer.map(diagram, schema: .default, language: .en, personas: personas, personaID: nil, fallbackTitle: "day")
        #expect(map.contains("persona: \"me\""))
        // The persona is not listed again among the other actors (here, none).
        #expect(!map.contains("Actors:"))
        let withCat = try #require(importer.parse(Self.documentation).0)
        #expect(importer.map(withCat, schema: .default, language: .ru, personas: personas, personaID: nil, fallbackTitle: "day")
            .contains("\nУчастники: Cat.\n"))
        let built = try RenderBuild.site(["tropa.yml": "language: en\n", "content/day.md": map, "content/personas/me.md": persona],
                                         options: BuildOptions(includeDrafts: true))
        #expect(built.errors.isEmpty, "\(renderDescribe(built.errors))")
        let exported = try #require(built.text("day/journey.mmd"))
        let again = try #require(importer.parse(exported).0)
        #expect(again == MermaidImport.Diagram(title: diagram.title, sections: diagram.sections.map { section in
            MermaidImport.Section(name: section.name, tasks: section.tasks.enumerated().map { index, task in
                var task = task
                task.line = again.sections.first { $0.name == section.name }?.tasks[index].line ?? 0
                return task
            })
        }))
    }

    @Test func aScoreOnACustomScaleIsMappedBack() {
        #expect(MermaidJourney.value(1, scale: 0...10) == 0)
        #expect(MermaidJourney.value(3, scale: 0...10) == 5)
        #expect(MermaidJourney.value(5, scale: 0...10) == 10)
    }

    /// The map goes among the maps: a `.md` file in the content folder, outside the personas' folder; an absolute
    /// path is taken as it is, and the title's file name is the default.
    @Test func theMapIsWrittenOnlyWhereABuildReadsIt() throws {
        let config = SiteConfig()
        #expect(try MermaidImport.mapPath(output: nil, title: "Доставка еды", site: ".", config: config) == "content/dostavka-edy.md")
        #expect(try MermaidImport.mapPath(output: "content/b2b/x.md", title: "", site: "site", config: config) == "site/content/b2b/x.md")
        #expect(try MermaidImport.mapPath(output: "/srv/site/content/x.md", title: "", site: "/srv/site", config: config)
            == "/srv/site/content/x.md")
        #expect(try MermaidImport.mapPath(output: "content/A.MD", title: "", site: ".", config: config) == "content/A.MD")
        for output in ["/tmp/eda.md", "../escape.md", "notes/x.txt", "content/x.txt", "content/personas/eda.md",
                       "content/../x.md", "content", "content/.hidden/d.md", "content/.d.md"] {
            #expect(throws: SiteError.self, "\(output)") {
                try MermaidImport.mapPath(output: output, title: "", site: "/srv/site", config: config)
            }
        }
        do {
            _ = try MermaidImport.mapPath(output: "notes/x.txt", title: "", site: ".", config: config)
        } catch let error as SiteError {
            #expect(error.message.text(in: .ru)
                == "--output notes/x.txt — не карта: укажите файл .md в папке content/, но не в content/personas/, иначе сборка его не увидит")
        }
    }
}
