import Testing
@testable import TropaModel
@testable import TropaSource
import TropaBuild

/// One listing gives every input of a build, each in its role.
@Suite struct SiteInputsTests {
    @Test func mapsPersonasAndStaticFilesAreToldByTheirNames() throws {
        let site = MemoryFileSystem(files: [
            "site/tropa.yml": "title: x\n", "site/content/a.md": "", "site/content/Б/В.MD": "", "site/content/c.Md": "",
            "site/content/personas/анна.md": "", "site/content/notes.mdx": "", "site/content/md": "",
            "site/content/img/logo.svg": "", "site/templates/card.mustache": "",
        ])
        let inputs = try SiteInputs.list(root: "site", config: SiteConfig(), reader: site)
        #expect(inputs.maps == ["content/a.md", "content/c.Md", "content/Б/В.MD"])
        #expect(inputs.personas.map(\.id) == ["анна"] && inputs.personas.map(\.path) == ["content/personas/анна.md"])
        #expect(inputs.staticFiles.map(\.outputPath) == ["img/logo.svg", "md", "notes.mdx"])
        #expect(inputs.templates == ["templates/card.mustache"])
        #expect(inputs.watched == ["tropa.yml", "schema.yml", "content/a.md", "content/c.Md", "content/img/logo.svg",
                                   "content/md", "content/notes.mdx", "content/personas/анна.md", "content/Б/В.MD",
                                   "templates/card.mustache"])
    }
}
