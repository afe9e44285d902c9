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

    /// A history page is written of each map when the site is in git.
    @Test func theHistoryPageWhereThereIsHistory() {
        #expect(Self.claims.writtenPaths(history: true)("retail/sofa/history/index.html"))
        #expect(!Self.claims.writtenPaths(history: true)("retail/history/index.html"))
    }
}
