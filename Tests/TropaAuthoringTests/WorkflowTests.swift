import Foundation
import Testing
@testable import TropaAuthoring
import Yams

/// The GitHub Actions workflow `tropa init` writes: it works without any repository variable, compiles tropa only
/// when its source changes, and checks with annotations before it builds.
@Suite struct WorkflowTests {
    typealias Step = [String: Any]

    static func buildSteps() throws -> [Step] {
        let workflow = try #require(try Yams.load(yaml: SiteScaffold(language: .en).workflow) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        return try #require(build["steps"] as? [Step])
    }

    static func index(of predicate: (Step) -> Bool, in steps: [Step]) throws -> Int {
        let found = steps.firstIndex(where: predicate)
        return try #require(found)
    }

    static func runs(_ step: Step, _ text: String) -> Bool { (step["run"] as? String)?.contains(text) == true }

    @Test func everyRepositoryVariableHasADefault() throws {
        let text = SiteScaffold(language: .en).workflow
        let variables = text.components(separatedBy: "${{ vars.").dropFirst()
        #expect(variables.count == 2)
        for use in variables {
            let expression = try #require(use.components(separatedBy: "}}").first)
            #expect(expression.contains("|| '"), "\(expression)")
        }
        #expect(text.contains("TROPA_SOURCE: ${{ vars.TROPA_SOURCE || '\(SiteScaffold.defaultSource)' }}"))
        #expect(text.contains("TROPA_REF: ${{ vars.TROPA_REF || 'main' }}"))
        // The comment says where the source comes from and how to change it.
        #expect(text.contains("# tropa is built from its source: the git repository TROPA_SOURCE"))
    }

    /// The workflow's name is what GitHub's Actions tab lists, in the site's language; the steps are the same.
    @Test func theNameIsInTheSitesLanguage() throws {
        let ru = SiteScaffold(language: .ru).workflow, en = SiteScaffold(language: .en).workflow
        #expect(ru.hasPrefix("name: Карты пути клиента\non:\n"))
        #expect(en.hasPrefix("name: Journey maps\non:\n"))
        #expect(ru.drop { $0 != "\n" } == en.drop { $0 != "\n" })
        let loaded = try #require(try Yams.load(yaml: ru) as? [String: Any])
        #expect(loaded["name"] as? String == "Карты пути клиента")
    }

    /// A pull request's run neither cancels a deploy of main (runs are grouped by ref; only a pull request's earlier
    /// run is cancelled) nor may write to Pages: only the deploy job may, as `docs/publishing.md` shows.
    @Test func aPullRequestNeitherCancelsNorPublishes() throws {
        let workflow = try #require(try Yams.load(yaml: SiteScaffold(language: .en).workflow) as? [String: Any])
        let concurrency = try #require(workflow["concurrency"] as? [String: Any])
        #expect(concurrency["group"] as? String == "pages-${{ github.ref }}")
        #expect(concurrency["cancel-in-progress"] as? String == "${{ github.event_name == 'pull_request' }}")
        #expect(workflow["permissions"] as? [String: String] == ["contents": "read"])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect(deploy["permissions"] as? [String: String] == ["pages": "write", "id-token": "write"])
        #expect((jobs["build"] as? [String: Any])?["permissions"] == nil)
    }

    /// History pages need the repository's whole history, and git in the container before the checkout.
    @Test func theCheckoutFetchesTheWholeHistoryWithGit() throws {
        let steps = try Self.buildSteps()
        let checkout = try Self.index(of: { ($0["uses"] as? String) == "actions/checkout@v4" }, in: steps)
        let with = try #require(steps[checkout]["with"] as? [String: Any])
        #expect(with["fetch-depth"] as? Int == 0)
        let git = try Self.index(of: { Self.runs($0, "apt-get install -y libcmark-dev libjemalloc-dev pkg-config git") }, in: steps)
        #expect(git < checkout)
    }

    @Test func tropaIsCachedByTheRevisionOfItsSourceAndCompiledOnlyOnAMiss() throws {
        let steps = try Self.buildSteps()
        let revision = try Self.index(of: { Self.runs($0, "git ls-remote \"$TROPA_SOURCE\" \"$TROPA_REF\"") }, in: steps)
        #expect(steps[revision]["id"] as? String == "tropa")
        let cache = try Self.index(of: { ($0["uses"] as? String) == "actions/cache@v4" }, in: steps)
        let with = try #require(steps[cache]["with"] as? [String: Any])
        #expect(with["key"] as? String == "tropa-swift-6.1-${{ steps.tropa.outputs.revision }}")
        #expect(with["path"] as? String == "/opt/tropa")
        let compile = try Self.index(of: { Self.runs($0, "swift build -c release") }, in: steps)
        #expect(steps[compile]["if"] as? String == "steps.cache.outputs.cache-hit != 'true'")
        #expect(Self.runs(steps[compile], "checkout ${{ steps.tropa.outputs.revision }}"))
        #expect(Self.runs(steps[compile], "cp /tmp/tropa/.build/release/tropa /opt/tropa/tropa"))
        let path = try Self.index(of: { Self.runs($0, "echo /opt/tropa >> \"$GITHUB_PATH\"") }, in: steps)
        #expect(steps[path]["if"] == nil)
        #expect(revision < cache && cache < compile && compile < path)
    }

    /// Checked with annotations, evaluated on the run's summary page, then built.
    @Test func theMapsAreCheckedWithAnnotationsBeforeTheBuild() throws {
        let steps = try Self.buildSteps()
        let check = try Self.index(of: { $0["run"] as? String == "tropa check --format github" }, in: steps)
        let build = try Self.index(of: { $0["run"] as? String == "tropa build" }, in: steps)
        let path = try Self.index(of: { Self.runs($0, "$GITHUB_PATH") }, in: steps)
        let report = try Self.index(of: { $0["run"] as? String == "tropa report --format markdown >> \"$GITHUB_STEP_SUMMARY\"" },
                                    in: steps)
        #expect(path < check && check < report && report < build)
    }
}
