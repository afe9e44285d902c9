import Foundation
import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Links between maps in a built site: each leads to a file of the output and a stage column of its page, and an
/// update checks a changed map's links against the stages the record keeps of the others.
@Suite struct MapLinkBuildTests {
    private static let site = [
        "content/ecommerce/robot.md": RenderBuild.russianMap(
            title: "Робот", body: "См. [диван](../retail/sofa.md#визит-в-шоурум-офлайн), [фото](img/фото.png).\n\n"
                + RenderBuild.stage("Выбор", extra: "\n### Барьеры\n- Дорого, [как и здесь](../retail/sofa.md#оплата)\n")),
        "content/ecommerce/img/фото.png": "png",
        "content/onboarding.md": RenderBuild.russianMap(title: "Первый день", body: RenderBuild.stage("Вход")),
        "content/retail/sofa.md": RenderBuild.russianMap(
            title: "Диван", body: RenderBuild.stage("Выбор") + RenderBuild.stage("Визит в шоурум {Офлайн}")
                + RenderBuild.stage("Оплата", extra: "\n### Ожидания\nНазад к [роботу](../ecommerce/robot.md#выбор).\n")),
    ]

    /// The hrefs of `page` that lead into the site, resolved against its folder.
    private static func links(of page: String, in built: BuiltSite) throws -> [(file: String, fragment: String?)] {
        let html = try #require(built.text(page))
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        return hrefs.filter { !$0.hasPrefix("#") && !$0.contains(":") }.map { href in
            let parts = href.split(separator: "#", maxSplits: 1)
            let url = URL(fileURLWithPath: "/out/" + page).deletingLastPathComponent().appendingPathComponent(String(parts[0]).removingPercentEncoding!)
            return (String(url.standardizedFileURL.path.dropFirst("/out/".count)), parts.count > 1 ? String(parts[1]) : nil)
        }
    }

    @Test func everyLinkLeadsToAFileOfTheOutputAndAColumnOfItsPage() throws {
        let built = try RenderBuild.site(Self.site)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        let page = try #require(built.text("ecommerce/robot/index.html"))
        #expect(page.contains("href=\"../../retail/sofa/index.html#stage-vizit-v-shourum-oflayn\""))
        #expect(page.contains("href=\"../../retail/sofa/index.html#stage-oplata\""))
        #expect(page.contains("<th scope=\"col\" id=\"stage-vybor\">"))
        for page in ["ecommerce/robot/index.html", "retail/sofa/index.html"] {
            let links = try Self.links(of: page, in: built)
            #expect(links.contains { $0.file == "ecommerce/img/фото.png" } || page.hasPrefix("retail"))
            for link in links {
                #expect(built.files[link.file] != nil, "\(page) links to \(link.file), which the build did not write")
                if let fragment = link.fragment {
                    #expect(built.text(link.file)?.contains("id=\"\(fragment)\"") == true, "\(link.file) has no #\(fragment)")
                }
            }
        }
    }

    /// Builds the site, writes `path` with `find` replaced, builds again.
    private static func rebuild(_ path: String, find: String, replace: String) throws -> BuiltSite {
        try rebuild(of: RenderBuild.site(site), path, find: find, replace: replace)
    }

    private static func rebuild(of first: BuiltSite, _ path: String, find: String, replace: String) throws -> BuiltSite {
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        let full = RenderBuild.root + "/" + path
        let text = try #require(first.fileSystem.text(at: full))
        #expect(text.contains(find))
        try first.fileSystem.write(Array(text.replacingOccurrences(of: find, with: replace).utf8), to: full)
        return try RenderBuild.build(first.fileSystem)
    }

    @Test func anUpdateChecksAChangedLinkAgainstTheStagesRecordedOfAMapItDoesNotRead() throws {
        let broken = try Self.rebuild("content/ecommerce/robot.md", find: "sofa.md#оплата)", replace: "sofa.md#доставка)")
        #expect(broken.errors.found == [Found(.brokenLink, .error, 19, 11)])
        #expect(broken.errors.first?.suggestion(in: .ru) == "её этапы: #выбор, #визит-в-шоурум-офлайн, #оплата")
        let first = try RenderBuild.site(Self.site)
        let written = first.fileSystem.status(at: first.output + "/retail/sofa/index.html")?.modified
        let mended = try Self.rebuild(of: first, "content/ecommerce/robot.md", find: "sofa.md#оплата)", replace: "sofa.md#Оплата:)")
        #expect(mended.errors.isEmpty, "\(renderDescribe(mended.diagnostics))")
        // An update: the other map's page was not written again.
        #expect(mended.fileSystem.status(at: mended.output + "/retail/sofa/index.html")?.modified == written)
        #expect(mended.text("ecommerce/robot/index.html")?.contains("sofa/index.html#stage-oplata\"") == true)
    }

    @Test func anUpdateChecksAChangedLinkToAFileAgainstTheFilesOfTheSite() throws {
        let broken = try Self.rebuild("content/ecommerce/robot.md", find: "img/фото.png", replace: "img/фото.jpg")
        #expect(broken.errors.found == [Found(.brokenLink, .error, 5, 55)])
        #expect(broken.errors.first?.message(in: .ru) == "ссылка ведёт к несуществующему файлу «img/фото.jpg»")
        #expect(broken.errors.first?.suggestion(in: .ru) == "может быть, «img/фото.png»?")
    }

    /// A file in a hidden folder is never published: the link is told so, and which name hides it, not as leading to a
    /// file that is not there.
    @Test func aLinkToAHiddenFileSaysItIsNotPublished() throws {
        var site = Self.site
        site["content/ecommerce/.черновики/схема.png"] = "png"
        site["content/ecommerce/robot.md"] = site["content/ecommerce/robot.md"]!.replacingOccurrences(of: "img/фото.png", with: ".черновики/схема.png")
        let built = try RenderBuild.site(site)
        #expect(built.errors.found == [Found(.brokenLink, .error, 5, 55)])
        #expect(built.errors.first?.message(in: .ru)
                == "ссылка ведёт к «.черновики/схема.png», а «.черновики» — скрытое имя (начинается с точки): скрытые файлы и папки на сайт не копируются")
        #expect(built.errors.first?.suggestion(in: .ru) == "переименуйте «.черновики» без точки в начале и поправьте ссылку")
        #expect(built.errors.first?.message(in: .en)
                == "the link leads to \".черновики/схема.png\", and \".черновики\" is hidden (its name starts with a dot): hidden files and folders are not published")
    }

    @Test func aFileTakenAwayBreaksTheLinksOfMapsNotChanged() throws {
        let first = try RenderBuild.site(Self.site)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        try first.fileSystem.removeItem(RenderBuild.root + "/content/ecommerce/img/фото.png")
        let rebuilt = try RenderBuild.build(first.fileSystem)
        #expect(rebuilt.errors.found == [Found(.brokenLink, .error, 5, 55)])
        #expect(rebuilt.errors.map(\.location.file) == ["content/ecommerce/robot.md"])
    }

    /// A persona's links lead where a map's do, from its page and from its card on a map's page at another depth;
    /// one that leads nowhere is a broken link in the persona's file.
    @Test func aPersonasLinksLeadFromItsPageAndItsCards() throws {
        var site = Self.site
        site["content/personas/buyer.md"] = "---\nname: Покупатель\n---\n\n## Мотивы\nСм. [оплату](../retail/sofa.md#оплата) и ![фото](../ecommerce/img/фото.png).\n"
        site["content/onboarding.md"] = site["content/onboarding.md"]!.replacingOccurrences(of: "title: Первый день", with: "title: Первый день\npersona: buyer")
        let built = try RenderBuild.site(site)
        #expect(built.errors.isEmpty, "\(renderDescribe(built.diagnostics))")
        let page = try #require(built.text("personas/buyer/index.html"))
        #expect(page.contains("href=\"../../retail/sofa/index.html#stage-oplata\""))
        #expect(page.contains("src=\"../../ecommerce/img/%D1%84%D0%BE%D1%82%D0%BE.png\""))
        // The map's page is one folder deep: its card of the persona leads from there.
        let card = try #require(built.text("onboarding/index.html"))
        #expect(card.contains("href=\"../retail/sofa/index.html#stage-oplata\""))
        #expect(card.contains("src=\"../ecommerce/img/%D1%84%D0%BE%D1%82%D0%BE.png\""))

        site["content/personas/buyer.md"] = site["content/personas/buyer.md"]!.replacingOccurrences(of: "#оплата", with: "#доставка")
        let broken = try RenderBuild.site(site)
        #expect(broken.errors.map(\.location.file) == ["content/personas/buyer.md"])
        #expect(broken.errors.codes == [.brokenLink])
    }

    /// A file the last build copied, named as a map's measurements by an update: a link to it from a map the update
    /// does not read leads nowhere now, and the build is made whole to say so.
    @Test func aFileMadeAMapsMeasurementsBreaksTheLinksOfMapsNotChanged() throws {
        var site = Self.site
        site["content/data.csv"] = "date,stage,metric,value\n"
        site["content/onboarding.md"] = site["content/onboarding.md"]!.replacingOccurrences(of: "## Вход", with: "[замеры](data.csv)\n\n## Вход")
        let first = try RenderBuild.site(site)
        #expect(first.errors.isEmpty, "\(renderDescribe(first.diagnostics))")
        #expect(first.files["data.csv"] != nil)
        let named = try Self.rebuild(of: first, "content/retail/sofa.md", find: "title: Диван", replace: "title: Диван\nmeasurements: ../data.csv")
        #expect(named.errors.map(\.location.file) == ["content/onboarding.md"])
        #expect(named.errors.first?.message(in: .ru) == "ссылка ведёт к «data.csv» — замерам карты: сайт их читает, а сам файл на сайт не копируется")
    }

    @Test func aRenamedStageBreaksTheLinksOfMapsTheUpdateDidNotRead() throws {
        let renamed = try Self.rebuild("content/ecommerce/robot.md", find: "## Выбор", replace: "## Подбор")
        // sofa.md was not changed, but its link to #выбор now leads nowhere.
        #expect(renamed.errors.map(\.location.file) == ["content/retail/sofa.md"])
        #expect(renamed.errors.codes == [.brokenLink])
        #expect(renamed.errors.first?.suggestion(in: .en) == "its stages: #подбор")
    }

    @Test func aRenamedStageOfAMapNoLinkNamesIsAnUpdate() throws {
        let first = try RenderBuild.site(Self.site)
        let written = first.fileSystem.status(at: first.output + "/retail/sofa/index.html")?.modified
        let renamed = try Self.rebuild(of: first, "content/onboarding.md", find: "## Вход", replace: "## Регистрация")
        #expect(renamed.errors.isEmpty, "\(renderDescribe(renamed.diagnostics))")
        #expect(renamed.text("onboarding/index.html")?.contains("id=\"stage-registratsiya\"") == true)
        #expect(renamed.fileSystem.status(at: renamed.output + "/retail/sofa/index.html")?.modified == written)
    }

    /// The site with the map at `path` a draft.
    private static func drafted(_ path: String) -> [String: String] {
        var site = site
        site[path] = site[path]!.replacingOccurrences(of: "---\ntitle:", with: "---\ndraft: true\ntitle:")
        return site
    }

    private static var draftSofa: [String: String] { drafted("content/retail/sofa.md") }

    @Test func aLinkToADraftIsAWarningWhenTheBuildLeavesDraftsOut() throws {
        let built = try RenderBuild.site(Self.draftSofa)
        // Both of the robot's links to the sofa; the draft's own link back to the robot leads to a page written.
        #expect(built.diagnostics.found == [Found(.draftLink, .warning, 5, 5), Found(.draftLink, .warning, 19, 11)])
        #expect(built.diagnostics.map(\.location.file) == ["content/ecommerce/robot.md", "content/ecommerce/robot.md"])
        #expect(built.diagnostics.first?.message(in: .ru) == "ссылка ведёт к черновику «../retail/sofa.md»: сборка без --drafts не собирает его страницу, и ссылка никуда не ведёт")
        #expect(built.diagnostics.first?.suggestion(in: .en) == "publish that map (delete its \"draft:\" line), build with --drafts, or take the link out")
        #expect(built.files["retail/sofa/index.html"] == nil)
        let withDrafts = try RenderBuild.site(Self.draftSofa, options: BuildOptions(includeDrafts: true))
        #expect(withDrafts.diagnostics.isEmpty, "\(renderDescribe(withDrafts.diagnostics))")
        #expect(withDrafts.files["retail/sofa/index.html"] != nil)
    }

    @Test func aMapMadeADraftTellsTheLinksOfMapsTheUpdateDidNotRead() throws {
        let drafted = try Self.rebuild("content/retail/sofa.md", find: "title: Диван\n", replace: "title: Диван\ndraft: true\n")
        // The robot's map was not changed, but both its links now lead to a page the build does not write.
        #expect(drafted.diagnostics.found == [Found(.draftLink, .warning, 5, 5), Found(.draftLink, .warning, 19, 11)])
        #expect(drafted.result.update == nil)
        #expect(drafted.files["retail/sofa/index.html"] == nil)
    }

    /// A warning that only the whole site shows (a link to a draft) is in a map the next updates do not change: they
    /// read that map again, and report it as the full build did.
    @Test func aSiteWarningInAMapNoUpdateChangesIsReportedByEveryRebuild() throws {
        let first = try RenderBuild.site(Self.draftSofa)
        let warnings = [Found(.draftLink, .warning, 5, 5), Found(.draftLink, .warning, 19, 11)]
        #expect(first.diagnostics.found == warnings)
        let edited = try Self.rebuild(of: first, "content/onboarding.md", find: "title: Первый день\n",
                                      replace: "title: День первый\n")
        #expect(edited.result.update?.maps == 1, "the edited map; the robot's, read again for its warnings, is not counted")
        #expect(edited.diagnostics == first.diagnostics)
        #expect(edited.result.check.sources["content/ecommerce/robot.md"] != nil, "the warnings' lines are shown")
        let again = try RenderBuild.build(edited.fileSystem)
        #expect(again.result.upToDate && again.diagnostics == first.diagnostics)
        // Published, the sofa's map is an update that reads the robot's again, which warns no more.
        let published = try Self.rebuild(of: again, "content/retail/sofa.md", find: "draft: true\n", replace: "")
        #expect(published.diagnostics.isEmpty, "\(renderDescribe(published.diagnostics))")
        #expect(published.result.update?.maps == 1 && published.files["retail/sofa/index.html"] != nil)
        #expect(published.files == (try RenderBuild.fullBuild(of: published)))
        let quiet = try RenderBuild.build(published.fileSystem)
        #expect(quiet.result.upToDate && quiet.diagnostics.isEmpty)
    }

    @Test func aMapNoLinkLeadsToMadeADraftIsAnUpdate() throws {
        let first = try RenderBuild.site(Self.site)
        let written = first.fileSystem.status(at: first.output + "/retail/sofa/index.html")?.modified
        let drafted = try Self.rebuild(of: first, "content/onboarding.md", find: "title: Первый день\n",
                                       replace: "title: Первый день\ndraft: true\n")
        #expect(drafted.diagnostics.isEmpty, "\(renderDescribe(drafted.diagnostics))")
        #expect(drafted.result.update?.maps == 1)
        #expect(drafted.files["onboarding/index.html"] == nil)
        #expect(drafted.fileSystem.status(at: drafted.output + "/retail/sofa/index.html")?.modified == written)
    }

    @Test func anUpdateTellsANewLinkToADraftItDidNotRead() throws {
        let first = try RenderBuild.site(Self.drafted("content/onboarding.md"))
        #expect(first.diagnostics.isEmpty, "\(renderDescribe(first.diagnostics))")
        let linked = try Self.rebuild(of: first, "content/ecommerce/robot.md", find: "См. ", replace: "См. [первый день](../onboarding.md#вход), ")
        #expect(linked.diagnostics.found == [Found(.draftLink, .warning, 5, 5)])
        #expect(linked.diagnostics.first?.message(in: .en) == "the link leads to a draft, \"../onboarding.md\": a build without --drafts leaves its page out, and the link leads nowhere")
    }
}
