import Testing
@testable import TropaModel
@testable import TropaOutput

/// What the build writes, which a link may lead to: the pages and files it makes, nothing else under its folders.
@Suite struct OutputClaimsTests {
    static let claims = OutputClaims(maps: [(path: "content/retail/sofa.md", slug: "retail/sofa")],
                                     personas: [Persona(id: "buyer", path: "content/personas/buyer.md", name: "Покупатель")],
                                     staticFiles: [])

    @Test(arguments: ["index.html", "maps.json", "retail/sofa/index.html", "retail/sofa/journey.csv", "retail/sofa/emotions.svg",
                      "personas/buyer/index.html", "dashboard/index.html", "plan/plan.csv", "plan/page/2/index.html",
                      "tags/b2b/index.html", "_tropa/style.css"])
    func written(path: String) {
        #expect(Self.claims.writtenPaths()(path))
    }

    @Test(arguments: ["dashboard/nope.png", "tags/b2b/x.html", "retail/sofa/notes.txt", "retail/index.html", "sitemap.xml",
                      "retail/sofa/history/index.html"])
    func notWritten(path: String) {
        #expect(!Self.claims.writtenPaths()(path))
    }

    /// A map whose folder is one of the site's own pages: the map is the one to rename, and the help says why; two
    /// maps in one folder, either may be.
    @Test func aMapInTheFolderOfTheSitePagesIsTheOneToRename() throws {
        let claims = OutputClaims(maps: [(path: "content/dashboard.md", slug: "dashboard"), (path: "content/tags/x.md", slug: "tags/x"),
                                         (path: "content/a.md", slug: "a"), (path: "content/A.md", slug: "a")],
                                  personas: [], staticFiles: [])
        let problems = claims.conflicts()
        #expect(problems.map(\.location.file) == ["content/dashboard.md", "content/tags/x.md", "content/A.md"])
        #expect(problems.first?.message(in: .ru)
                == "эта карта попадёт в папку dashboard/, а она — для общих страниц сайта (сводки, плана, сравнений, тегов, сегментов)")
        #expect(problems.first?.suggestion(in: .ru) == "переименуйте этот файл: папка dashboard/ — для общих страниц сайта")
        // The folder of the site's pages it falls into, not its own.
        #expect(problems[1].suggestion(in: .ru) == "переименуйте этот файл: папка tags/ — для общих страниц сайта")
        #expect(problems.last?.message(in: .ru) == "эта карта попадёт в папку a/, куда уже пишется content/a.md")
        #expect(problems.last?.suggestion(in: .ru) == "переименуйте один из двух файлов")
    }

    /// A history page is written of each map when the site is in git.
    @Test func theHistoryPageWhereThereIsHistory() {
        #expect(Self.claims.writtenPaths(history: true)("retail/sofa/history/index.html"))
        #expect(!Self.claims.writtenPaths(history: true)("retail/history/index.html"))
    }
}
